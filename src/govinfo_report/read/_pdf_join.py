"""Tables continued across a PDF's page breaks, joined back into one grid.

Tables 二 and 三 go on at the top of the next page with no repeated header. The two parts are
one table when nothing but page furniture (page numbers, running headers and footers) stands
between them and their column edges agree: both parts are laid on the union of their edges,
since the rows on one page may happen to merge columns the other page splits. At the break:

- an all-empty row (a row the break left nothing of) is dropped, and so are header rows
  repeated at the top of the page;
- a merged label cut by the break (``（四）无`` / ``法提供``) is carried over as one cell — a cell
  joins the one above only when together they make a known label, or when the upper is a
  label but no whole known one and the lower no number, known label or enumerated item; an
  empty lower cell joins only beside labels (a group's merged cell going on);
- a row broken by the break (its own label cut, its numbers on one side) is one row again.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import attrs

from govinfo_report.model.labels import is_note, label_key
from govinfo_report.read._grid import Block, Cell, Grid
from govinfo_report.read._indexes import table_labels
from govinfo_report.read._pdf_text import ENUMERATED

# Page furniture between the two parts of a table: page numbers, ``第 5 页 共 9 页``.
_FURNITURE = re.compile(r"^[\s\-—–_·.第共页/\dPpage]*$")
_NUMBER = re.compile(r"^[\s+\-\d.,，]*$")
TOLERANCE = 6.0  # points: one column edge as drawn on two pages


@attrs.frozen
class Table:
    """A grid found on a page with its column edges (to match its continuation)."""

    grid: Grid
    columns: tuple[float, ...]


def _is_label(text: str) -> bool:
    return bool(text) and not _NUMBER.match(text)


def _continues(upper: str, lower: str, labels_right: bool) -> bool:
    """Whether ``lower``, atop the next page, is the rest of the label ``upper`` cut there."""
    if not _is_label(upper) or is_note(upper) or ENUMERATED.match(lower):
        return False
    if lower and label_key(upper + lower) in table_labels():
        return True
    if label_key(upper) in table_labels():
        return False
    if not lower:
        return labels_right
    return not (_NUMBER.match(lower) or label_key(lower) in table_labels())


def _owners(grid: Grid) -> dict[int, tuple[int, Cell]]:
    """For each column of the grid's last row, the cell covering it and the row it starts in."""
    owners: dict[int, tuple[int, Cell]] = {}
    for r, row in enumerate(grid.rows):
        for c, cell in enumerate(row):
            if cell is not None and r + cell.rowspan >= len(grid.rows):
                for k in range(c, c + cell.colspan):
                    owners[k] = (r, cell)
    return owners


def _repeated_header(rows: list[list[Cell | None]], tail: list[list[Cell | None]]) -> int:
    """How many rows atop the continuation repeat the table's first rows (Word and WPS can
    repeat header rows on every page), their spans kept within them."""
    k = 0
    while (
        k < min(len(rows), len(tail)) and tail[k] == rows[k] and any(c and c.text for c in tail[k])
    ):
        k += 1
    inside = all(cell is None or r + cell.rowspan <= k for r in range(k) for cell in tail[r])
    return k if inside else 0


def join(upper: Grid, lower: Grid) -> Grid:
    """A table and its continuation on the next page (laid on the same columns) as one grid."""
    rows = [list(row) for row in upper.rows]
    tail = [list(row) for row in lower.rows]
    while tail and all(c is None or (not c.text and c.rowspan == 1) for c in tail[0]):
        tail.pop(0)  # a row the break left empty
    tail = tail[_repeated_header(rows, tail) :]
    if not tail or not rows:
        return Grid(tuple(tuple(row) for row in rows + tail))
    owners, first, last = _owners(upper), tail[0], len(rows) - 1
    merges: list[int] = []
    for c, cell in enumerate(first):
        above = owners.get(c)
        if cell is None or above is None or rows[above[0]][c] is not above[1]:
            continue
        labels_right = any(o is not None and _is_label(o.text.strip()) for o in first[c + 1 :])
        if above[1].colspan == cell.colspan and _continues(
            above[1].text.strip(), cell.text.strip(), labels_right
        ):
            merges.append(c)
    # The row's own label cut (a label starting in the last row): the row was broken, and
    # its cells on both sides are one row when no column has text on both sides.
    if any(owners[c][0] == last and owners[c][1].rowspan == 1 for c in merges):
        rest = [c for c, cell in enumerate(first) if cell is not None and c not in merges]
        if all(
            owners.get(c, (-1, None))[0] == last
            and rows[last][c] is not None
            and rows[last][c].colspan == first[c].colspan  # type: ignore[union-attr]
            and not (rows[last][c].text.strip() and first[c].text.strip())  # type: ignore[union-attr]
            for c in rest
        ):
            merges += rest
    for c in merges:
        start, above_cell = owners[c]
        cell = first[c]
        assert cell is not None
        rows[start][c] = Cell(
            above_cell.text + cell.text, above_cell.rowspan + cell.rowspan, above_cell.colspan
        )
        first[c] = None
    return Grid(tuple(tuple(row) for row in rows + tail))


def relay(table: Table, columns: Sequence[float]) -> Grid | None:
    """``table``'s grid laid on ``columns`` (a superset of its own edges); None when one of
    its edges is not among them, or its outer edges are not the outer ones."""
    place = []
    for x in table.columns:
        index = min(range(len(columns)), key=lambda i: abs(columns[i] - x), default=-1)
        if index < 0 or abs(columns[index] - x) > TOLERANCE:
            return None
        place.append(index)
    if place[0] != 0 or place[-1] != len(columns) - 1 or place != sorted(set(place)):
        return None
    rows = []
    for row in table.grid.rows:
        wide: list[Cell | None] = [None] * (len(columns) - 1)
        for c, cell in enumerate(row):
            if cell is not None:
                wide[place[c]] = attrs.evolve(cell, colspan=place[c + cell.colspan] - place[c])
        rows.append(tuple(wide))
    return Grid(tuple(rows))


def _union(a: Sequence[float], b: Sequence[float]) -> tuple[float, ...] | None:
    """The column edges of two parts of one table, or None when they are two tables: their
    outer edges differ, or most inner edges of the part with fewer are not in the other."""
    if len(a) < 2 or len(b) < 2:
        return None
    if abs(a[0] - b[0]) > TOLERANCE or abs(a[-1] - b[-1]) > TOLERANCE:
        return None
    fewer, more = sorted((a[1:-1], b[1:-1]), key=len)
    shared = sum(any(abs(x - y) <= TOLERANCE for y in more) for x in fewer)
    if 2 * shared < len(fewer):
        return None
    edges: list[float] = []
    for x in sorted([*a, *b]):
        if not edges or x - edges[-1] > TOLERANCE:
            edges.append(x)
    return tuple(edges)


def _running(pages: list[list[Block | Table]]) -> frozenset[str]:
    """Lines that open or close more than one page: running headers and footers."""
    edges = Counter(
        block for page in pages if page for block in {page[0], page[-1]} if isinstance(block, str)
    )
    return frozenset(text for text, count in edges.items() if count > 1)


def _furniture(block: Block | Table, running: frozenset[str]) -> bool:
    return isinstance(block, str) and (bool(_FURNITURE.match(block)) or block in running)


def _open_table(out: list[Block | Table], running: frozenset[str]) -> int | None:
    """Where the last table stands when only page furniture follows it, else None."""
    for index in range(len(out) - 1, -1, -1):
        block = out[index]
        if isinstance(block, Table):
            return index
        if not _furniture(block, running):
            return None
    return None


def _continued(previous: Table, block: Table) -> Table | None:
    columns = _union(previous.columns, block.columns)
    if columns is None:
        return None
    upper, lower = relay(previous, columns), relay(block, columns)
    if upper is None or lower is None:
        return None
    return Table(join(upper, lower), columns)


def joined(pages: list[list[Block | Table]]) -> list[Block]:
    """Pages in order, a table continued at the top of the next page joined to its first
    part (page numbers and running headers between them do not count)."""
    running = _running(pages)
    out: list[Block | Table] = []
    for page in pages:
        head = True  # nothing but furniture yet on this page
        for block in page:
            if isinstance(block, Table):
                index = _open_table(out, running) if head else None
                previous = out[index] if index is not None else None
                merged = _continued(previous, block) if isinstance(previous, Table) else None
                if index is not None and merged is not None:
                    out[index] = merged
                else:
                    out.append(block)
                head = False
            else:
                out.append(block)
                head = head and _furniture(block, running)
    return [block.grid if isinstance(block, Table) else block for block in out]
