"""``serialize(report, "html")``: a standalone page for offices that publish the report on
the web. UTF-8, no scripts, nothing fetched; the three tables laid out as in the template
(merged label cells as rowspan/colspan, the standard labels). Each value cell carries
``data-key="<flat key>"`` and an optional CSS class per key (e.g. from findings); a blank
cell is an empty cell with class ``blank``, never a 0.

The page holds exactly what the canonical text holds, in the same order, so it reads back
equal: ``parse(serialize(r, "html")) == r``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator, Mapping

from govinfo_report.model import Block, GenericTable, Paragraph, Report, TableSlot, Value, flatten
from govinfo_report.model.editions import (
    APPLICANTS,
    APPLICATION_COLUMNS,
    APPLICATION_NOTE,
    DISCLOSURE_HEADER,
    EDITIONS,
    LEGAL_PERSONS,
    LITIGATION,
    REVIEW_GROUPS,
    REVIEW_LEAVES,
    EditionSpec,
    Row,
    join_key,
)
from govinfo_report.model.numerals import to_chinese
from govinfo_report.model.values import format_value

Cells = dict[str, Value]
Note = tuple[str, str]  # a value cell's hover text, and the id of what it links to
_STYLE = (
    "body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.6}"
    "h1{text-align:center;font-size:1.5em}h2{font-size:1.15em}"
    "table{border-collapse:collapse;margin:1em 0}"
    "td{border:1px solid #444;padding:.2em .5em;text-align:center}"
    "td[data-key]{text-align:right}td.blank{background:#f4f4f4}"
)
_RUN = re.compile(" {2,}")


def _text(text: str) -> str:
    """Escaped text whose runs of spaces survive HTML's collapsing (as no-break spaces after
    the first, which the reader turns back into spaces)."""
    escaped = html.escape(text, quote=False)
    return _RUN.sub(lambda m: " " + "&nbsp;" * (len(m.group()) - 1), escaped)


class _Table:
    """Rows of ``<td>``s being laid out; ``classes`` maps flat keys to extra CSS classes."""

    def __init__(
        self, cells: Cells, classes: Mapping[str, str], notes: Mapping[str, Note] | None = None
    ) -> None:
        self.cells, self.classes, self.notes = cells, classes, notes or {}
        self.rows: list[list[str]] = []

    def row(self) -> list[str]:
        self.rows.append([])
        return self.rows[-1]

    @staticmethod
    def label(text: str, rowspan: int = 1, colspan: int = 1) -> str:
        spans = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (
            f' colspan="{colspan}"' if colspan > 1 else ""
        )
        return f"<td{spans}>{_text(text)}</td>"

    def value(self, key: str, colspan: int = 1) -> str:
        value = self.cells[key]
        names = " ".join(filter(None, ("blank" if value is None else "", self.classes.get(key))))
        attributes = f' data-key="{key}"' + (f' class="{names}"' if names else "")
        attributes += f' colspan="{colspan}"' if colspan > 1 else ""
        text = html.escape(format_value(value))
        note = self.notes.get(key)
        if note is not None:  # hover shows what is wrong; a tap goes to it in the list
            title, target = note
            attributes += f' id="cell-{key}" title="{html.escape(title)}"'
            text = f'<a href="#{target}">{text or "&#8203;"}</a>'
        return f"<td{attributes}>{text}</td>"

    def html(self, name: str, extra: list[tuple[str, ...]], width: int) -> str:
        """The table with rows the parser could not place kept at its end, as read."""
        for cells in extra:
            self.row().extend([*map(self.label, cells), *["<td></td>"] * (width - len(cells))])
        body = "\n".join(f"<tr>{''.join(row)}</tr>" for row in self.rows)
        return f'<table class="standard" data-table="{name}">\n{body}\n</table>'


def _disclosure(table: _Table, spec: EditionSpec) -> int:
    width = 1 + max(len(item.columns) for item in spec.items)
    for item in spec.items:
        table.row().append(table.label(item.caption, colspan=width))
        last = width - len(item.columns)  # the last column takes what is left, as the template
        header = table.row()
        header.append(table.label(DISCLOSURE_HEADER))
        for index, column in enumerate(item.columns, start=1):
            header.append(
                table.label(column.label, colspan=last if index == len(item.columns) else 1)
            )
        for row in item.rows:
            cells = table.row()
            cells.append(table.label(row.label))
            for index, column in enumerate(item.columns, start=1):
                key = join_key("active_disclosure", row.key, column.key)
                cells.append(table.value(key, colspan=last if index == len(item.columns) else 1))
    return width


def _runs(rows: tuple[Row, ...], name: Callable[[Row], str]) -> dict[int, int]:
    """For each row that starts a run of rows sharing ``name``, the run's length."""
    starts: dict[int, int] = {}
    start = 0
    for index, row in enumerate(rows):
        if index and name(row) != name(rows[index - 1]):
            start = index
        starts[start] = index - start + 1
    return starts


def _applications(table: _Table, spec: EditionSpec) -> int:
    leaves = [column.label for column in APPLICATION_COLUMNS]
    table.row().extend(
        [table.label(APPLICATION_NOTE, 3, 3), table.label(APPLICANTS, colspan=len(leaves))]
    )
    table.row().extend(
        [
            table.label(leaves[0], rowspan=2),
            table.label(LEGAL_PERSONS, colspan=len(leaves) - 2),
            table.label(leaves[-1], rowspan=2),
        ]
    )
    table.row().extend(map(table.label, leaves[1:-1]))
    rows = spec.application_rows
    parts = _runs(rows, lambda row: row.part)
    groups = _runs(rows, lambda row: f"{row.part}\0{row.group}")
    for index, row in enumerate(rows):
        cells = table.row()
        if not row.part:
            cells.append(table.label(row.label, colspan=3))
        else:
            if index in parts:
                cells.append(table.label(row.part, rowspan=parts[index]))
            if not row.group:
                cells.append(table.label(row.label, colspan=2))
            else:
                if index in groups:
                    cells.append(table.label(row.group, rowspan=groups[index]))
                cells.append(table.label(row.label))
        cells.extend(
            table.value(join_key("applications", row.key, column.key))
            for column in APPLICATION_COLUMNS
        )
    return 3 + len(APPLICATION_COLUMNS)


def _review(table: _Table, _spec: EditionSpec) -> int:
    n = len(REVIEW_LEAVES)
    table.row().extend(
        [table.label(REVIEW_GROUPS[0].label, colspan=n), table.label(LITIGATION, colspan=2 * n)]
    )
    table.row().extend(
        [
            *(table.label(leaf.label, rowspan=2) for leaf in REVIEW_LEAVES),
            *(table.label(group.label, colspan=n) for group in REVIEW_GROUPS[1:]),
        ]
    )
    table.row().extend(table.label(leaf.label) for _ in REVIEW_GROUPS[1:] for leaf in REVIEW_LEAVES)
    table.row().extend(
        table.value(join_key("review_litigation", group.key, leaf.key))
        for group in REVIEW_GROUPS
        for leaf in REVIEW_LEAVES
    )
    return n * len(REVIEW_GROUPS)


_LAYOUTS: dict[str, Callable[[_Table, EditionSpec], int]] = {
    "active_disclosure": _disclosure,
    "applications": _applications,
    "review_litigation": _review,
}


def _generic(table: GenericTable) -> str:
    rows = [(row.label, *row.cells) for row in table.rows]
    width = max(3, *map(len, rows))
    body = "\n".join(
        "<tr>"
        + "".join(f"<td>{_text(cell)}</td>" for cell in row)
        + "<td></td>" * (width - len(row))
        + "</tr>"
        for row in rows
    )
    return f'<table class="generic">\n{body}\n</table>'


def _blocks(
    report: Report,
    blocks: tuple[Block, ...],
    cells: Cells,
    classes: Mapping[str, str],
    notes: Mapping[str, Note],
) -> Iterator[str]:
    spec = EDITIONS[report.edition]
    for block in blocks:
        if isinstance(block, Paragraph):
            yield f"<p>{_text(block.text)}</p>"
        elif isinstance(block, TableSlot):
            table = _Table(cells, classes, notes)
            width = _LAYOUTS[block.table](table, spec)
            kept = [row.cells for row in report.unplaced if row.table == block.table]
            yield table.html(block.table, kept, width)
        else:
            yield _generic(block)


def to_html(
    report: Report,
    classes: Mapping[str, str] | None = None,
    notes: Mapping[str, Note] | None = None,
    style: str = "",
    after: str = "",
) -> str:
    """The report as a standalone HTML page; ``classes`` adds a CSS class to the value cell
    of each flat key it names (``{"applications.new_received.total": "error"}``), ``notes``
    a hover text and a link, ``style`` more CSS and ``after`` HTML after the article."""
    cells, classes, notes = flatten(report), classes or {}, notes or {}
    # The head's title is read when the page has none: a report without one gets a word
    # that reads as no title.
    title = report.title or "年度报告"
    parts = [f"<p>{_text(line)}</p>" for line in report.front_matter]
    if report.title is not None:
        # An empty paragraph reads as a blank line: it keeps front matter apart from the
        # title (a short line right above a title without an organ would read as the organ).
        parts += ["<p></p>"] if parts else []
        parts.append(f"<h1>{_text(report.title)}</h1>")
    parts += _blocks(report, report.intro, cells, classes, notes)
    for section in report.sections:
        parts.append(f"<h2>{to_chinese(section.number)}、{_text(section.title)}</h2>")
        parts += _blocks(report, section.body, cells, classes, notes)
    body = "\n".join(parts)
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width,initial-scale=1">\n'
        f"<title>{_text(title)}</title>\n<style>{_STYLE}{style}</style>\n</head>\n"
        f"<body>\n<article>\n{body}\n</article>\n{after}</body>\n</html>\n"
    )
