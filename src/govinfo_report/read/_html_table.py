"""An HTML table that holds no other table, read once: its rows' cells and their texts.

The binder needs only tab rows, and a row's line is its own cells in document order: spans
place cells in a row left to right (never reorder or drop one) and covered slots are left out
of a line, so ``lines`` needs no placing at all. ``grid`` places the spans, for callers that
want the ``Grid``; ``grid_lines(table.grid()) == table.lines()`` always.
"""

from __future__ import annotations

import re
from itertools import chain

import attrs
from lxml import etree

from govinfo_report.errors import ParseError
from govinfo_report.read._grid import Cell, Grid, cell_text
from govinfo_report.read._html_text import cell_text_of

# A report's largest table has some 30 rows of 15 columns; spans over millions of slots are
# an attack, not a report.
_MAX_SLOTS = 1_000_000
_SPAN = re.compile(r"\s*\+?(\d+)")


def _span(value: str | None) -> int | None:
    """A span attribute as browsers read it: leading digits (``"2px"`` is 2); ``None`` when
    there are none (the attribute then counts as 1)."""
    if value is None:
        return None
    if value.isdecimal():
        return int(value)
    match = _SPAN.match(value)
    return int(match.group(1)) if match else None


def _colspan(cell: etree._Element) -> int:
    across = cell.get("colspan")
    return 1 if across is None else _span(across) or 1


def _widest(rows: list[list[etree._Element]]) -> int:
    """The table's width: a colspan is cut where the table ends, at the widest row, spans
    counted up to the largest number of cells any row has."""
    most = max(map(len, rows), default=0)
    return max((sum(min(_colspan(cell), most) for cell in row) for row in rows), default=0)


@attrs.frozen(eq=False)
class Table:
    """A table's rows (inside ``<tbody>``, ``<thead>``, a stray ``<form>``: wherever they
    stand in it), each row's ``<td>``/``<th>`` cells and their texts (``text_of``)."""

    rows: list[list[etree._Element]]
    texts: list[list[str]]

    @property
    def text(self) -> str:
        """Every cell's text run together: what tells a standard table."""
        return "".join(chain.from_iterable(self.texts))

    def lines(self) -> list[str]:
        """What ``grid_lines`` makes of the grid: one tab row per row, empty rows dropped."""
        lines = []
        for row in self.texts:
            cells = [cell_text(text) for text in row]
            if any(cells):
                lines.append("\t".join(cells))
        return lines

    def grid(self) -> Grid:
        """The ``Grid``, spans as browsers place them: zero or unreadable colspan is 1,
        ``rowspan="0"`` and rowspans past the last row reach the last row, a colspan never
        runs past the widest row."""
        rows, widest = self.rows, _widest(self.rows)
        placed: list[dict[int, Cell | None]] = [{} for _ in rows]
        for r, (row, texts) in enumerate(zip(rows, self.texts, strict=True)):
            slots, c, left = placed[r], 0, len(rows) - r
            for cell, text in zip(row, texts, strict=True):
                while c in slots:
                    c += 1
                colspan = min(_colspan(cell), max(1, widest - c))
                rowspan = _span(cell.get("rowspan"))
                if rowspan is None:
                    rowspan = 1
                elif rowspan == 0 or rowspan > left:  # rowspan="0": to the end of the table
                    rowspan = left
                slots[c] = Cell(text, rowspan, colspan)
                for dr in range(rowspan):
                    below = placed[r + dr]
                    for dc in range(colspan):
                        if dr or dc:
                            below.setdefault(c + dc, None)
                c += colspan
        width = max((max(row) + 1 for row in placed if row), default=0)
        return Grid(tuple(tuple(row.get(c) for c in range(width)) for row in placed))


def read_table(table: etree._Element) -> Table:
    """A table with no table inside it, its size checked: spans that would fill more than a
    million slots are refused."""
    rows = [list(row.iterchildren("td", "th")) for row in table.iter("tr")]
    most = max(map(len, rows), default=0)
    # The width is at most ``most`` spans of at most ``most`` columns: only a table that
    # could be too large has its spans read here.
    if len(rows) * most * most > _MAX_SLOTS and len(rows) * (widest := _widest(rows)) > _MAX_SLOTS:
        raise ParseError(
            f"a table of {len(rows)} rows and {widest} columns is too large for a report",
            None,
            None,
            "the tables of a report",
        )
    return Table(rows, [[cell_text_of(cell) for cell in row] for row in rows])
