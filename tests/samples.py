"""Two small hand-written reports, one per edition, used by the golden tests; and the check
that cells are blank and named."""

from __future__ import annotations

from decimal import Decimal

from govinfo_report import flatten
from govinfo_report.model import (
    ActiveDisclosure2019,
    ActiveDisclosure2021,
    ApplicantCounts,
    Applications,
    Decisions2021,
    Documents2019,
    Documents2021,
    Edition,
    Fees2019,
    Fees2021,
    GenericRow,
    GenericTable,
    Items2019,
    OtherHandling2021,
    Outcomes,
    Paragraph,
    Procurement2019,
    Report,
    ReviewLitigation,
    ReviewOutcomes,
    Section,
    TableSlot,
)


def _sections(extra: Section | None = None) -> tuple[Section, ...]:
    sections = [
        Section(1, "总体情况", (Paragraph("本机关全年主动公开信息120条，均已按时公开。"),)),
        Section(2, "主动公开政府信息情况", (TableSlot("active_disclosure"),)),
        Section(3, "收到和处理政府信息公开申请情况", (TableSlot("applications"),)),
        Section(4, "政府信息公开行政复议、行政诉讼情况", (TableSlot("review_litigation"),)),
        Section(5, "存在的主要问题及改进情况", (Paragraph("一是公开时效有待提高。"),)),
        Section(6, "其他需要报告的事项", (Paragraph("本年度未收取信息处理费。"),)),
    ]
    if extra is not None:
        sections.insert(2, extra)
        sections = [Section(number, s.title, s.body) for number, s in enumerate(sections, start=1)]
    return tuple(sections)


def _counts(*values: int | None) -> ApplicantCounts:
    return ApplicantCounts(*values)


ZERO = _counts(0, 0, 0, 0, 0, 0, 0)


def report_2021() -> Report:
    """A 2021-edition report with a few non-zero cells and one blank row."""
    applications = Applications(
        new_received=_counts(3, 1, 0, 0, 0, 0, 4),
        carried_over=_counts(1, 0, 0, 0, 0, 0, 1),
        outcomes=Outcomes(
            granted=_counts(2, 1, 0, 0, 0, 0, 3),
            partially_granted=ZERO,
            other_handling=OtherHandling2021(no_correction=ZERO, unpaid_fee=ZERO, other=ZERO),
            total=_counts(2, 1, 0, 0, 0, 0, 3),
        ),
        carried_forward=_counts(None, None, None, None, None, None, None),
    )
    return Report(
        edition=Edition.E2021,
        title="示例县示例镇2021年政府信息公开工作年度报告",
        organ="示例县示例镇",
        year=2021,
        intro=(Paragraph("本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。"),),
        sections=_sections(),
        active_disclosure=ActiveDisclosure2021(
            regulations=Documents2021(0, 0, 0),
            normative_documents=Documents2021(2, 1, 5),
            licensing=Decisions2021(17),
            punishment=Decisions2021(3),
            coercion=Decisions2021(0),
            fees=Fees2021(Decimal("0.092")),
        ),
        applications=applications,
        review_litigation=ReviewLitigation(
            reconsideration=ReviewOutcomes(1, 0, 0, 0, 1),
            litigation_direct=ReviewOutcomes(0, 0, 0, 1, 1),
            litigation_after_reconsideration=ReviewOutcomes(0, 0, 0, 0, 0),
        ),
    )


def report_2019() -> Report:
    """A 2019-edition report with an inserted regional section and a generic table."""
    platform = Section(
        3,
        "公开平台建设和信息发布情况",
        (
            GenericTable(
                (
                    GenericRow("（一）主动公开政府信息数", ("条", "386")),
                    GenericRow("（二）通过不同渠道和方式公开政府信息的情况", ("——",)),
                    GenericRow("1.政府网站公开政府信息数", ("条", "151")),
                )
            ),
        ),
    )
    return Report(
        edition=Edition.E2019,
        title="示例市示例局2020年政府信息公开工作年度报告",
        organ="示例市示例局",
        year=2020,
        front_matter=("索引号：000000000/2021-00001", "发布机构：示例市示例局"),
        sections=_sections(platform),
        active_disclosure=ActiveDisclosure2019(
            regulations=Documents2019(0, 0, 0),
            normative_documents=Documents2019(1, 1, 12),
            licensing=Items2019(9, -2, 40),
            other_services=Items2019(195, 14, 0),
            punishment=Items2019(0, 0, 6),
            coercion=Items2019(0, 0, 0),
            fees=Fees2019(3, None),
            procurement=Procurement2019(21, Decimal("127014.50")),
        ),
        applications=Applications(
            new_received=_counts(5, 0, 0, 0, 0, 0, 5),
            carried_over=ZERO,
            outcomes=Outcomes(
                granted=_counts(5, 0, 0, 0, 0, 0, 5), total=_counts(5, 0, 0, 0, 0, 0, 5)
            ),
            carried_forward=ZERO,
        ),
        review_litigation=ReviewLitigation(),
    )


SAMPLES = {"2019": report_2019, "2021": report_2021}


def assert_blank_and_named(report: Report, keys: list[str]) -> None:
    """Each cell of ``keys`` is blank, and a finding of ``validate()`` names it: what a cell
    the reader cannot place for certain must be, never a guess."""
    flat = flatten(report)
    assert [flat[key] for key in keys] == [None] * len(keys)
    named = {key for finding in report.validate() for key in finding.keys}
    assert set(keys) <= named
