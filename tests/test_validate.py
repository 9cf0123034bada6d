"""validate() and compare_years(): every rule, exact findings, and the mutation property."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings

from govinfo_report import Edition, Report, compare_years, flatten, from_dict, parse, to_dict
from govinfo_report.model.editions import EDITIONS
from govinfo_report.testing.strategies import consistent_reports

from .samples import report_2021
from .test_seeds import BLANK_ROW, seed_text

SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "sample-2021-tab.txt"
TITLE = "示例镇2021年政府信息公开工作年度报告\n"


def errors(report: Report) -> list[tuple[str, tuple[str, ...]]]:
    return [(f.code, f.keys) for f in report.validate() if f.severity == "error"]


def with_cell(report: Report, key: str, value: int | None) -> Report:
    """The report with one cell changed, through the dict form."""
    data = to_dict(report)
    node: Any = data
    *path, last = key.split(".")
    for part in path:
        node = node[part]
    node[last] = value
    return attrs.evolve(from_dict(data), source=report.source)


def table_keys(report: Report) -> list[str]:
    return [
        key
        for key in EDITIONS[report.edition].flat_keys()
        if key.startswith(("applications.", "review_litigation."))
    ]


# --- The seeds ---------------------------------------------------------------------------


def test_seed_000_errors_name_the_broken_totals(shared: Path) -> None:
    report = parse(seed_text(shared, "000"))
    found = [f for f in report.validate() if f.severity == "error"]
    by_code = {(f.code, f.keys[0]): f for f in found}
    granted = by_code[("row-total", "applications.outcomes.granted.total")]
    partial = by_code[("row-total", "applications.outcomes.partially_granted.total")]
    column = by_code[("outcome-total", "applications.outcomes.total.natural_person")]
    assert "予以公开" in granted.message and "总计 is 0" in granted.message
    assert "= 1" in granted.message and granted.line == 104
    assert "部分公开" in partial.message and partial.line == 114
    assert "自然人: 1" in column.message and "add up to 2" in column.message
    assert column.keys[1:3] == tuple(
        f"applications.outcomes.{r}.natural_person" for r in ("granted", "partially_granted")
    )
    assert {f.code for f in found} == {"row-total", "outcome-total"}
    assert len(found) == 4  # the three above and the 总计 of （七）总计 itself
    assert ("row-total", "applications.outcomes.total.total") in by_code


def test_seed_000_blank_row_gives_warnings_not_errors(shared: Path) -> None:
    report = parse(seed_text(shared, "000"))
    warnings = [f for f in report.validate() if f.severity == "warning"]
    blank = [f for f in warnings if f.code == "blank-cells"]
    assert len(blank) == 1 and "四、结转下年度继续办理" in blank[0].message
    assert blank[0].keys == tuple(BLANK_ROW)
    assert blank[0].line == 343
    unchecked = [f for f in warnings if f.code == "unchecked"]
    assert len(unchecked) == 8  # the row's own 总计 and the balance in each of 7 columns
    assert all(f.keys[0].startswith("applications.carried_forward.") for f in unchecked)


@pytest.mark.parametrize("name", ["001", "002", "003", "004"])
def test_consistent_seeds_have_no_errors(shared: Path, name: str) -> None:
    assert errors(parse(seed_text(shared, name))) == []


@pytest.mark.parametrize("name", ["001", "002", "003", "004"])
def test_raising_any_cell_of_a_consistent_seed_is_an_error_on_that_cell(
    shared: Path, name: str
) -> None:
    report = parse(seed_text(shared, name))
    for key in table_keys(report):
        value = flatten(report)[key]
        assert isinstance(value, int)
        broken = with_cell(report, key, value + 1)
        assert any(key in keys for _, keys in errors(broken)), key


# --- Generated reports -------------------------------------------------------------------


@settings(max_examples=25)
@given(consistent_reports())
def test_raising_any_cell_of_a_consistent_report_is_an_error_on_that_cell(
    report: Report,
) -> None:
    assert errors(report) == []
    for key in table_keys(report):
        value = flatten(report)[key]
        assert isinstance(value, int)
        assert any(key in keys for _, keys in errors(with_cell(report, key, value + 1))), key


def test_the_sample_report_is_clean() -> None:
    report = parse(SAMPLE.read_text(encoding="utf-8"))
    assert report.validate() == []


# --- Single rules ------------------------------------------------------------------------


def test_a_blank_total_is_unchecked_not_wrong() -> None:
    report = with_cell(
        parse(SAMPLE.read_text(encoding="utf-8")), "applications.new_received.total", None
    )
    found = report.validate()
    assert [f for f in found if f.severity == "error"] == []
    codes = {(f.code, f.keys[0]) for f in found}
    assert ("unchecked", "applications.new_received.total") in codes
    assert ("blank-cells", "applications.new_received.total") in codes


def test_review_group_total() -> None:
    report = with_cell(
        parse(SAMPLE.read_text(encoding="utf-8")), "review_litigation.reconsideration.total", 3
    )
    (found,) = [f for f in report.validate() if f.code == "review-total"]
    assert found.message.endswith(
        "行政复议: 总计 is 3, but 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 1"
    )
    assert found.severity == "error"


def test_negative_counts_only_for_change() -> None:
    report = with_cell(report_2021(), "active_disclosure.licensing.decisions", -2)
    (found,) = [f for f in report.validate() if f.code == "negative-count"]
    assert found.keys == ("active_disclosure.licensing.decisions",)
    assert "行政许可 / 本年处理决定数量: -2" in found.message


def test_a_2021_report_in_the_2019_edition_is_a_warning() -> None:
    text = (
        TITLE
        + "二、主动公开政府信息情况\n"
        + "第二十条第(一)项\t\t\t\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n"
    )
    report = parse(text)
    assert report.edition is Edition.E2019
    (found,) = [f for f in report.validate() if f.code == "edition-year"]
    assert found.severity == "warning" and "2021" in found.message


def test_labels_of_the_other_edition_are_reported() -> None:
    text = (
        TITLE
        + "二、主动公开政府信息情况\n"
        + "第二十条第（一）项\t\t\t\n"
        + "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n"
        + "规范性文件\t1\t0\t3\n"
    )
    report = parse(text)
    assert report.edition is Edition.E2021
    assert flatten(report)["active_disclosure.normative_documents.in_force"] == 3
    (found,) = [f for f in report.validate() if f.code == "mixed-edition"]
    assert "规范性文件" in found.message


def test_missing_sections_tables_and_rows() -> None:
    text = (
        TITLE
        + "三、收到和处理政府信息公开申请情况\n"
        + "一、本年新收政府信息公开申请数量\t\t1\t0\t0\t0\t0\t0\t1\n"
    )
    found = parse(text).validate()
    sections = [f.message for f in found if f.code == "missing-section"]
    assert len(sections) == 5 and "section 总体情况 is missing" in sections
    tables = [f.message for f in found if f.code == "missing-table"]
    assert tables == [
        "table 二 (主动公开政府信息情况) is missing",
        "table 四 (政府信息公开行政复议、行政诉讼情况) is missing",
    ]
    rows = [f for f in found if f.code == "missing-rows"]
    assert len(rows) == 24  # every row of table 三 but the one given
    assert rows[0].message.endswith("row 二、上年结转政府信息公开申请数量 is missing")
    assert rows[0].keys[0] == "applications.carried_over.natural_person"
    assert not [f for f in found if f.code == "blank-cells"]  # missing, not blank


def test_an_unplaced_row_is_a_finding_with_its_line() -> None:
    text = (
        TITLE
        + "三、收到和处理政府信息公开申请情况\n"
        + "一、本年新收政府信息公开申请数量\t\t1\t0\t0\t0\t0\t0\t1\n"
        + "五、自定义行\t\t1\n"
    )
    (found,) = [f for f in parse(text).validate() if f.code == "unplaced-row"]
    assert found.line == 4 and "五、自定义行" in found.message


# --- Across years ------------------------------------------------------------------------


def _year(report: Report, year: int) -> Report:
    title = f"{report.organ}{year}年政府信息公开工作年度报告"
    return attrs.evolve(report, title=title, year=year)


def test_consecutive_years_that_carry_over() -> None:
    last = _year(parse(SAMPLE.read_text(encoding="utf-8")), 2022)
    this = with_cell(_year(last, 2023), "applications.carried_over.natural_person", 1)
    this = with_cell(this, "active_disclosure.normative_documents.in_force", 7 + 2 - 1)
    assert compare_years(last, this) == []


def test_carry_over_mismatch_and_in_force_warning() -> None:
    last = _year(parse(SAMPLE.read_text(encoding="utf-8")), 2022)
    this = with_cell(_year(last, 2023), "applications.carried_over.natural_person", 4)
    found = compare_years(last, this)
    carry = [f for f in found if f.code == "carry-over"]
    assert [(f.severity, f.keys) for f in carry] == [
        ("error", ("applications.carried_over.natural_person",))
    ]
    assert "is 4, but last year's 四、结转下年度继续办理 was 1" in carry[0].message
    (in_force,) = [f for f in found if f.code == "in-force-continuity"]
    assert in_force.severity == "warning" and "= 8" in in_force.message


def test_years_that_do_not_follow_each_other() -> None:
    last = _year(parse(SAMPLE.read_text(encoding="utf-8")), 2020)
    found = compare_years(last, _year(last, 2023))
    assert [f.code for f in found if f.code == "years-not-consecutive"] == ["years-not-consecutive"]


def test_2019_total_published_below_new_published_is_an_implausible_warning() -> None:
    """Swapped columns (本年新公开数量 read into 对外公开总数量) break no equation of the
    template but do break this: a warning naming both cells."""
    text = (
        "示例镇2019年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
        "第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n"
        "规章\t2\t30\t4\n规范性文件\t1\t1\t9\n"
    )
    report = parse(text)
    found = [f for f in report.validate() if f.code == "implausible"]
    assert [(f.severity, f.keys, f.line) for f in found] == [
        (
            "warning",
            (
                "active_disclosure.regulations.new_published",
                "active_disclosure.regulations.total_published",
            ),
            5,
        )
    ]
    assert "规章 / 对外公开总数量 is 4, less than 规章 / 本年新公开数量 (30)" in found[0].message
