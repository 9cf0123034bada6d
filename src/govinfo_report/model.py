"""The typed model of a report.

Attribute names are the segments of schema.md's flat keys, so that a cell's flat key is also
its attribute path (``applications.outcomes.granted.total``). Cells are ``int`` counts,
``Decimal`` amounts, or ``None`` for a blank or not-applicable cell: blank is never zero.
"""

from __future__ import annotations

import enum
import re
from decimal import Decimal
from typing import TYPE_CHECKING, Literal, TypeAlias

import attrs
from attrs import field, frozen

if TYPE_CHECKING:
    from .rules import Finding

Count: TypeAlias = int | None
Amount: TypeAlias = Decimal | None


def _count(_inst: object, attribute: attrs.Attribute[Count], value: object) -> None:
    if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
        raise TypeError(f"{attribute.name} must be an int or None, not {value!r}")


def _amount(_inst: object, attribute: attrs.Attribute[Amount], value: object) -> None:
    if value is not None and not (isinstance(value, Decimal) and value.is_finite()):
        raise TypeError(f"{attribute.name} must be a finite Decimal or None, not {value!r}")


def count() -> Count:
    """A count cell: whole number or blank."""
    return field(default=None, validator=_count)


def amount() -> Amount:
    """An amount cell: exact decimal or blank."""
    return field(default=None, validator=_amount)


class Edition(enum.Enum):
    """The template edition a report follows (国办公开办函〔2019〕60号 or 〔2021〕30号)."""

    E2019 = "2019"
    E2021 = "2021"


# --- Table 二, 2021 edition -------------------------------------------------------------


@frozen
class Documents2021:
    """规章 / 行政规范性文件 in the 2021 edition."""

    issued: Count = count()
    repealed: Count = count()
    in_force: Count = count()


@frozen
class Decisions2021:
    """行政许可 / 行政处罚 / 行政强制 in the 2021 edition."""

    decisions: Count = count()


@frozen
class Fees2021:
    """行政事业性收费: the amount collected, in 万元."""

    amount: Amount = amount()


@frozen
class ActiveDisclosure2021:
    """Table 二 (主动公开政府信息情况), 2021 edition."""

    regulations: Documents2021 = field(factory=Documents2021)
    normative_documents: Documents2021 = field(factory=Documents2021)
    licensing: Decisions2021 = field(factory=Decisions2021)
    punishment: Decisions2021 = field(factory=Decisions2021)
    coercion: Decisions2021 = field(factory=Decisions2021)
    fees: Fees2021 = field(factory=Fees2021)


# --- Table 二, 2019 edition -------------------------------------------------------------


@frozen
class Documents2019:
    """规章 / 规范性文件 in the 2019 edition."""

    new_made: Count = count()
    new_published: Count = count()
    total_published: Count = count()


@frozen
class Items2019:
    """行政许可, 其他对外管理服务事项, 行政处罚, 行政强制 in the 2019 edition."""

    previous_items: Count = count()
    change: Count = count()
    decisions: Count = count()


@frozen
class Fees2019:
    """行政事业性收费 in the 2019 edition."""

    previous_items: Count = count()
    change: Count = count()


@frozen
class Procurement2019:
    """政府集中采购: projects and their total amount."""

    projects: Count = count()
    amount: Amount = amount()


@frozen
class ActiveDisclosure2019:
    """Table 二 (主动公开政府信息情况), 2019 edition."""

    regulations: Documents2019 = field(factory=Documents2019)
    normative_documents: Documents2019 = field(factory=Documents2019)
    licensing: Items2019 = field(factory=Items2019)
    other_services: Items2019 = field(factory=Items2019)
    punishment: Items2019 = field(factory=Items2019)
    coercion: Items2019 = field(factory=Items2019)
    fees: Fees2019 = field(factory=Fees2019)
    procurement: Procurement2019 = field(factory=Procurement2019)


ActiveDisclosure: TypeAlias = ActiveDisclosure2019 | ActiveDisclosure2021

# --- Table 三 -----------------------------------------------------------------------------


@frozen
class ApplicantCounts:
    """One row of table 三: a count per applicant column and the row's 总计."""

    natural_person: Count = count()
    commercial_enterprise: Count = count()
    research_institution: Count = count()
    social_welfare_org: Count = count()
    legal_service_org: Count = count()
    other_org: Count = count()
    total: Count = count()


def _row() -> ApplicantCounts:
    return field(factory=ApplicantCounts)


@frozen
class Denied:
    """（三）不予公开."""

    state_secret: ApplicantCounts = _row()
    prohibited_by_law: ApplicantCounts = _row()
    security_stability: ApplicantCounts = _row()
    third_party_rights: ApplicantCounts = _row()
    internal_affairs: ApplicantCounts = _row()
    process_information: ApplicantCounts = _row()
    enforcement_files: ApplicantCounts = _row()
    administrative_query: ApplicantCounts = _row()


@frozen
class Unable:
    """（四）无法提供."""

    not_held: ApplicantCounts = _row()
    needs_creation: ApplicantCounts = _row()
    unclear_after_correction: ApplicantCounts = _row()


@frozen
class NotProcessed:
    """（五）不予处理."""

    complaint: ApplicantCounts = _row()
    duplicate: ApplicantCounts = _row()
    publication: ApplicantCounts = _row()
    excessive: ApplicantCounts = _row()
    confirmation: ApplicantCounts = _row()


@frozen
class OtherHandling2021:
    """（六）其他处理 as the 2021 edition splits it; 2019 has one plain row instead."""

    no_correction: ApplicantCounts = _row()
    unpaid_fee: ApplicantCounts = _row()
    other: ApplicantCounts = _row()


@frozen
class Outcomes:
    """三、本年度办理结果."""

    granted: ApplicantCounts = _row()
    partially_granted: ApplicantCounts = _row()
    denied: Denied = field(factory=Denied)
    unable: Unable = field(factory=Unable)
    not_processed: NotProcessed = field(factory=NotProcessed)
    other_handling: ApplicantCounts | OtherHandling2021 = _row()
    total: ApplicantCounts = _row()


@frozen
class Applications:
    """Table 三 (收到和处理政府信息公开申请情况)."""

    new_received: ApplicantCounts = _row()
    carried_over: ApplicantCounts = _row()
    outcomes: Outcomes = field(factory=Outcomes)
    carried_forward: ApplicantCounts = _row()


# --- Table 四 -----------------------------------------------------------------------------


@frozen
class ReviewOutcomes:
    """One group of table 四: 结果维持, 结果纠正, 其他结果, 尚未审结, 总计."""

    upheld: Count = count()
    corrected: Count = count()
    other: Count = count()
    pending: Count = count()
    total: Count = count()


@frozen
class ReviewLitigation:
    """Table 四 (政府信息公开行政复议、行政诉讼情况)."""

    reconsideration: ReviewOutcomes = field(factory=ReviewOutcomes)
    litigation_direct: ReviewOutcomes = field(factory=ReviewOutcomes)
    litigation_after_reconsideration: ReviewOutcomes = field(factory=ReviewOutcomes)


# --- Narrative structure --------------------------------------------------------------------

StandardTable = Literal["active_disclosure", "applications", "review_litigation"]
STANDARD_TABLES: tuple[StandardTable, ...] = (
    "active_disclosure",
    "applications",
    "review_litigation",
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


@frozen
class Paragraph:
    """One narrative line, as written (surrounding whitespace aside)."""

    text: str = field(validator=_one_line)


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
    cells: tuple[str, ...]
    reason: str
    line: int | None = field(default=None, eq=False)


@frozen
class CellIssue:
    """A cell the parser could not read with certainty: left blank, and reported."""

    key: str  # the cell's flat key; empty for surplus cells that belong to no column
    text: str  # as written
    problem: Literal["not-a-number", "not-whole", "surplus-cells", "missing-cell", "converted"]
    line: int | None = None


@frozen
class Source:
    """What the parser saw beyond the report's content, for findings to point at.

    Not part of a report's equality: canonical text does not carry it.
    """

    row_lines: tuple[tuple[str, int], ...] = ()  # row key (``applications.carried_over``) → line
    absent_rows: tuple[str, ...] = ()  # rows of a present table that the text lacked
    foreign_labels: tuple[str, ...] = ()  # labels of the other edition found in the tables
    cell_issues: tuple[CellIssue, ...] = ()

    def line_of(self, key: str) -> int | None:
        """The source line of the row holding ``key`` (a cell or row key), if known."""
        lines = dict(self.row_lines)
        while key:
            if key in lines:
                return lines[key]
            key = key.rpartition(".")[0]
        return None


# --- The report -----------------------------------------------------------------------------


def _check_tables(report: Report) -> None:
    """A report's tables must be of its edition's shape and each sit in exactly one slot."""
    if report.active_disclosure is not None:
        expected = ActiveDisclosure2019 if report.edition is Edition.E2019 else ActiveDisclosure2021
        if not isinstance(report.active_disclosure, expected):
            raise ValueError(f"active_disclosure must be {expected.__name__} for {report.edition}")
    if report.applications is not None:
        other = report.applications.outcomes.other_handling
        wanted = ApplicantCounts if report.edition is Edition.E2019 else OtherHandling2021
        if not isinstance(other, wanted):
            raise ValueError(f"（六）其他处理 must be {wanted.__name__} for {report.edition}")
    if report.title is None and report.front_matter:
        raise ValueError("front_matter is what stands before the title; without one use intro")
    bodies = [report.intro, *(section.body for section in report.sections)]
    slots = [block.table for body in bodies for block in body if isinstance(block, TableSlot)]
    for name in STANDARD_TABLES:
        present = getattr(report, name) is not None
        if slots.count(name) != (1 if present else 0):
            raise ValueError(
                f"{name}: a table present on the report needs exactly one TableSlot "
                f"in the sections, and an absent one none (found {slots.count(name)})"
            )


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

    def validate(self) -> list[Finding]:
        """Every broken arithmetic, edition and completeness rule, as findings."""
        from .rules import validate

        return validate(self)
