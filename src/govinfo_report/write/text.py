"""``serialize``: a report back to canonical text in one of the three layouts.

Every table is first laid out as a rectangular grid of cell texts (from the edition
definitions), then written by one small function per layout. The canonical choices are
written down in docs/canonical-form.md.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Literal

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
    join_key,
)
from govinfo_report.model.numerals import to_chinese
from govinfo_report.model.values import format_value
from govinfo_report.write.html import to_html

Layout = Literal["tab", "pipe", "cells", "html"]
# The text layouts; ``"html"`` (write/html.py) is a page, not text to read line by line.
LAYOUTS: tuple[Layout, ...] = ("tab", "pipe", "cells")
Grid = list[list[str]]
Cells = dict[str, Value]


def _disclosure_grid(cells: Cells, spec: EditionSpec) -> Grid:
    width = 1 + max(len(item.columns) for item in spec.items)
    grid: Grid = []
    for item in spec.items:
        grid.append([item.caption])
        grid.append([DISCLOSURE_HEADER, *(column.label for column in item.columns)])
        for row in item.rows:
            values = (
                cells[join_key("active_disclosure", row.key, column.key)] for column in item.columns
            )
            grid.append([row.label, *map(format_value, values)])
    return _pad(grid, width)


def _application_grid(cells: Cells, spec: EditionSpec) -> Grid:
    leaves = [column.label for column in APPLICATION_COLUMNS]
    grid: Grid = [
        [APPLICATION_NOTE, "", "", APPLICANTS],
        ["", "", "", leaves[0], LEGAL_PERSONS, "", "", "", "", leaves[-1]],
        ["", "", "", "", *leaves[1:-1]],
    ]
    last_part = last_group = ""
    for row in spec.application_rows:
        part = row.part if row.part != last_part else ""
        group = row.group if row.group and row.group != last_group else ""
        last_part, last_group = row.part, row.group
        if not row.part:
            labels = [row.label, "", ""]
        elif not row.group:
            labels = [part, row.label, ""]
        else:
            labels = [part, group, row.label]
        values = (
            format_value(cells[join_key("applications", row.key, column.key)])
            for column in APPLICATION_COLUMNS
        )
        grid.append([*labels, *values])
    return _pad(grid, 3 + len(APPLICATION_COLUMNS))


def _review_grid(cells: Cells, _spec: EditionSpec) -> Grid:
    n = len(REVIEW_LEAVES)
    leaves = [leaf.label for leaf in REVIEW_LEAVES]
    grid: Grid = [
        [REVIEW_GROUPS[0].label, *[""] * (n - 1), LITIGATION],
        [*leaves, REVIEW_GROUPS[1].label, *[""] * (n - 1), REVIEW_GROUPS[2].label],
        [*[""] * n, *leaves, *leaves],
        [
            format_value(cells[join_key("review_litigation", group.key, leaf.key)])
            for group in REVIEW_GROUPS
            for leaf in REVIEW_LEAVES
        ],
    ]
    return _pad(grid, n * len(REVIEW_GROUPS))


GRIDS: dict[str, Callable[[Cells, EditionSpec], Grid]] = {
    "active_disclosure": _disclosure_grid,
    "applications": _application_grid,
    "review_litigation": _review_grid,
}


def _generic_grid(table: GenericTable) -> Grid:
    grid = [[row.label, *row.cells] for row in table.rows]
    # Three columns at least: a tab row of two cells with the first empty ("\tx") would read
    # back as a line of the one-cell-per-line layout.
    return _pad(grid, max(3, *(len(row) for row in grid)))


def _pad(grid: Grid, width: int) -> Grid:
    return [row + [""] * (width - len(row)) for row in grid]


def _tab(grid: Grid) -> Iterator[str]:
    for row in grid:
        yield "\t".join(row)


def _pipe(grid: Grid) -> Iterator[str]:
    for row in grid:
        yield "| " + " | ".join(row) + " |"


def _cells(grid: Grid) -> Iterator[str]:
    for index, row in enumerate(grid):
        if index:
            yield ""
        for cell in row:
            yield "\t" + cell


WRITERS: dict[str, Callable[[Grid], Iterator[str]]] = {
    "tab": _tab,
    "pipe": _pipe,
    "cells": _cells,
}


def _blocks(
    report: Report, cells: Cells, blocks: tuple[Block, ...], spec: EditionSpec, layout: Layout
) -> list[str]:
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            lines.append(block.text)
            continue
        if isinstance(block, TableSlot):
            # Rows the parser could not place are written back at the table's end, as read.
            kept = [list(row.cells) for row in report.unplaced if row.table == block.table]
            grid = GRIDS[block.table](cells, spec) + kept
            grid = _pad(grid, max(map(len, grid)))
        else:
            grid = _generic_grid(block)
        lines += ["", *WRITERS[layout](grid), ""]
    return lines


def serialize(report: Report, layout: Layout = "tab") -> str:
    """The canonical text of ``report`` with its tables in ``layout``, or with ``"html"`` a
    standalone page (write/html.py)."""
    if layout == "html":
        return to_html(report)
    if layout not in WRITERS:
        raise ValueError(f"layout must be one of {', '.join(LAYOUTS)} or html, not {layout!r}")
    spec = EDITIONS[report.edition]
    lines = list(report.front_matter)
    if report.title is not None:
        # A blank line keeps front matter apart from the title: a short line right above a
        # title without an organ would read as the organ.
        lines += ["", report.title]
    cells = flatten(report)
    lines += _blocks(report, cells, report.intro, spec, layout)
    for section in report.sections:
        lines += ["", f"{to_chinese(section.number)}、{section.title}"]
        lines += _blocks(report, cells, section.body, spec, layout)
    # Blank lines only ever separate; collapse runs so the text has one canonical spacing.
    text = "\n".join(lines)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip("\n") + "\n"
