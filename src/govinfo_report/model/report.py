"""A report as a whole: metadata, narrative blocks in order, the standard tables, and what
the parser saw (``Source``).

A ``Report`` refuses, with a ``ValueError`` that says why, what no text could hold: the
canonical text of every ``Report`` reads back equal (docs/canonical-form.md).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Literal, TypeAlias

import attrs
from attrs import field, frozen

from govinfo_report.model.editions import (
    EDITIONS,
    STANDARD_TABLES,
    Edition,
    StandardTable,
    parent_key,
)
from govinfo_report.model.findings import Finding
from govinfo_report.model.numerals import to_chinese
from govinfo_report.model.tables import ActiveDisclosure, Applications, ReviewLitigation
from govinfo_report.model.text import (
    INLINE_HEADING,
    LONG_LINE,
    NAMED_TITLE,
    heading_parts,
    is_title,
    title_metadata,
    unmark,
)

_LINE_BREAKS = ("\n", "\r", "\t")
_BREAK = re.compile("[\n\r\t]")


def _one_line(_inst: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not value or value != value.strip() or _BREAK.search(value) is not None:
        raise ValueError(f"{attribute.name} must be one stripped, non-empty line: {value!r}")


def _is_cell_text(cell: object) -> bool:
    return (
        isinstance(cell, str)
        and cell == cell.strip()
        and not any(ch in cell for ch in (*_LINE_BREAKS, "|"))
    )


def _cell_text(_inst: object, attribute: attrs.Attribute[str], cell: object) -> None:
    if not _is_cell_text(cell):
        raise ValueError(f"{attribute.name}: not stripped text without tab, pipe or newline")


def _cell_texts(_inst: object, attribute: attrs.Attribute[tuple[str, ...]], cells: object) -> None:
    if not isinstance(cells, tuple) or not all(map(_is_cell_text, cells)):
        raise ValueError(f"{attribute.name}: cells are stripped texts without tab, pipe or newline")
    if cells and cells[-1] == "":
        raise ValueError(f"{attribute.name}: trailing empty cells are not kept")


def _no_pipe(_inst: object, attribute: attrs.Attribute[str], value: str) -> None:
    if "|" in value:
        raise ValueError(f"{attribute.name}: a line with | reads back as a table row: {value!r}")


@frozen
class Paragraph:
    """One narrative line, as written (surrounding whitespace aside)."""

    text: str = field(validator=[_one_line, _no_pipe])


@frozen
class TableSlot:
    """Where a standard table stands in the text; its cells live on the ``Report``."""

    table: StandardTable


@frozen
class GenericRow:
    """A row of a table that is not one of the standard three: its label and its cells."""

    label: str = field(validator=_cell_text)
    cells: tuple[str, ...] = field(default=(), validator=_cell_texts)
    line: int | None = field(default=None, eq=False, repr=False)


@frozen
class GenericTable:
    """A table kept as written, e.g. a regional 公开平台建设和信息发布情况 table."""

    rows: tuple[GenericRow, ...]

    def __attrs_post_init__(self) -> None:
        if not any(row.label or row.cells for row in self.rows):
            raise ValueError("a generic table needs a non-empty row: an empty one has no text")


Block: TypeAlias = Paragraph | TableSlot | GenericTable


@frozen
class Section:
    """A numbered section: ``number`` 1 for 一、…; ``title`` is the standard title for the
    six standard sections, otherwise the heading as written."""

    number: int = field(
        validator=attrs.validators.and_(attrs.validators.ge(1), attrs.validators.le(99))
    )
    title: str = field(validator=_one_line)
    body: tuple[Block, ...] = ()
    heading_as_written: str | None = field(default=None, eq=False, repr=False)


@frozen
class UnplacedRow:
    """A row the parser found inside a standard table but could not map to a cell."""

    table: StandardTable
    cells: tuple[str, ...] = field(validator=_cell_texts)
    reason: str = field(default="", eq=False)  # the parser's words: not part of the content
    line: int | None = field(default=None, eq=False)

    def __attrs_post_init__(self) -> None:
        if not any(self.cells):
            raise ValueError("an unplaced row needs a non-empty cell: an empty one says nothing")


# Why a cell was left blank or changed: the parser's words, and findings' codes (rules.py).
CellProblem = Literal[
    "not-a-number",
    "not-whole",
    "surplus-cells",
    "missing-cell",
    "short-row",
    "unclear-header",
    "mixed-row",
    "surplus-row",
    "converted",
    "label-by-neighbours",
    "spaced-numbers",
    "spaced-numbers-confirmed",
    "order-uncertain",
    "beside-stray-numbers",
]
# What decided a report's edition: the tables' labels, or with none of them the year, or
# nothing (the newest edition assumed).
EditionFrom = Literal["labels", "year", "nothing"]


@frozen
class CellIssue:
    """A cell the parser could not read with certainty: left blank, and reported."""

    key: str  # the cell's flat key; empty for surplus cells that belong to no column
    text: str  # as written
    problem: CellProblem
    line: int | None = None


@frozen
class Source:
    """What the parser saw beyond the report's content, for findings to point at.

    Not part of a report's equality: canonical text does not carry it.
    """

    row_lines: tuple[tuple[str, int], ...] = ()  # row key (``applications.carried_over``) → line
    absent_rows: tuple[str, ...] = ()  # rows of a present table that the text lacked
    foreign_labels: tuple[str, ...] = ()  # labels of the other edition found in the tables
    edition_from: EditionFrom = "labels"
    cell_issues: tuple[CellIssue, ...] = ()
    # narrative line → the source line it stood on (the first, for a line written twice)
    paragraph_lines: tuple[tuple[str, int], ...] = ()

    def line_of(self, key: str) -> int | None:
        """The source line of the row holding ``key`` (a cell or row key), if known."""
        lines = dict(self.row_lines)
        while key:
            if key in lines:
                return lines[key]
            key = parent_key(key)
        return None

    def line_of_paragraph(self, text: str) -> int | None:
        """The source line of a narrative paragraph, if known."""
        for paragraph, line in self.paragraph_lines:
            if paragraph == text:
                return line
        return None


# --- The report -----------------------------------------------------------------------------


def _check_tables(report: Report) -> None:
    """A report's tables must be of its edition's shape and each sit in exactly one slot."""
    spec = EDITIONS[report.edition]
    if report.active_disclosure is not None:
        expected = spec.disclosure_class
        if not isinstance(report.active_disclosure, expected):
            raise ValueError(f"active_disclosure must be {expected.__name__} for {report.edition}")
    if report.applications is not None:
        wanted = spec.other_handling_class
        if not isinstance(report.applications.outcomes.other_handling, wanted):
            raise ValueError(f"（六）其他处理 must be {wanted.__name__} for {report.edition}")
    bodies = [report.intro, *(section.body for section in report.sections)]
    slots = [block.table for body in bodies for block in body if isinstance(block, TableSlot)]
    for name in STANDARD_TABLES:
        present = getattr(report, name) is not None
        if slots.count(name) != (1 if present else 0):
            raise ValueError(
                f"{name}: a table present on the report needs exactly one TableSlot "
                f"in the sections, and an absent one none (found {slots.count(name)})"
            )
    for row in report.unplaced:
        if getattr(report, row.table) is None:
            raise ValueError(
                f"an unplaced row of {row.table} needs that table: it is written there"
            )
    order = [slots.index(row.table) for row in report.unplaced]
    if order != sorted(order):
        raise ValueError("unplaced rows go in the order their tables stand in the text")


def _check_metadata(report: Report) -> None:
    """The title, organ and year are one fact in the text: the title line."""
    if report.title is None:
        if report.front_matter:
            raise ValueError("front_matter is what stands before the title; without one use intro")
        if report.organ is not None or report.year is not None:
            raise ValueError(
                "organ and year are read from the title; without a title they are None"
            )
        return
    if unmark(report.title) != report.title or not is_title(report.title):
        raise ValueError(f"title {report.title!r} does not read as a report title on its own line")
    if (report.organ, report.year) != title_metadata(report.title):
        organ, year = title_metadata(report.title)
        raise ValueError(
            f"organ {report.organ!r} and year {report.year!r} must be what the title names "
            f"({organ!r}, {year!r}): text has no other place for them"
        )
    for line in report.front_matter:
        if heading_parts(line) is not None or is_title(line):
            raise ValueError(f"front matter line {line!r} would read back as a heading or title")


def _check_body(blocks: tuple[Block, ...], where: str, highest: int | None) -> None:
    """Paragraphs that read as a later section's heading, and tables that would run
    together, cannot be written so that they read back: refused. ``highest`` is the number
    of the section the blocks are in (``None`` before the first)."""
    before: Block | None = None
    for block in blocks:
        if isinstance(block, Paragraph):
            heading = heading_parts(block.text)
            if heading is not None and (highest is None or heading[0] > highest):
                raise ValueError(
                    f"{where}: paragraph {block.text!r} would read back as a section heading"
                )
            if len(block.text) > LONG_LINE and INLINE_HEADING.search(block.text):
                raise ValueError(
                    f"{where}: a paragraph over {LONG_LINE} characters with a section heading "
                    "standing in it would read back cut at the heading"
                )
        elif isinstance(block, GenericTable) and isinstance(before, (TableSlot, GenericTable)):
            raise ValueError(
                f"{where}: a generic table right after another table would read back as part of "
                "it; put a paragraph between them"
            )
        before = block


def _check_text(report: Report) -> None:
    _check_metadata(report)
    if report.title is None:
        for block in report.intro:
            if isinstance(block, Paragraph) and (
                is_title(block.text) or NAMED_TITLE.search(block.text)
            ):
                raise ValueError(f"intro: {block.text!r} would read back as the title")
    _check_body(report.intro, "intro", None)
    number = 0
    for section in report.sections:
        if section.number <= number:
            raise ValueError(
                f"section {section.number} after section {number}: numbers must go up, or the "
                "heading reads back as a paragraph of the section before"
            )
        number = section.number
        heading = f"{to_chinese(number)}、{section.title}"
        if heading_parts(heading) != (number, section.title):
            raise ValueError(f"section title {section.title!r} does not read as a heading")
        _check_body(section.body, f"section {heading}", number)


Validator: TypeAlias = Callable[["Report"], list[Finding]]
_validators: list[Validator] = []


def register_validator(validator: Validator) -> None:
    """Where ``Report.validate`` finds the rules: ``govinfo_report.check`` registers them
    when the package is imported, so the model does not import the layer above it."""
    _validators[:] = [validator]


_lines = attrs.validators.deep_iterable(_one_line)


@frozen
class Report:
    """One annual report: metadata, sections in order, and the three standard tables.

    ``front_matter`` holds the lines before the title (index lines, web-page chrome);
    ``intro`` what stands between the title and the first numbered section.
    """

    edition: Edition
    title: str | None = field(default=None, validator=attrs.validators.optional(_one_line))
    organ: str | None = None
    year: int | None = None
    front_matter: tuple[str, ...] = field(default=(), validator=_lines)
    intro: tuple[Block, ...] = ()
    sections: tuple[Section, ...] = ()
    active_disclosure: ActiveDisclosure | None = None
    applications: Applications | None = None
    review_litigation: ReviewLitigation | None = None
    unplaced: tuple[UnplacedRow, ...] = ()
    source: Source = field(factory=Source, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        _check_tables(self)
        _check_text(self)

    def validate(self) -> list[Finding]:
        """Every broken arithmetic, edition and completeness rule, as findings."""
        return _validators[0](self)
