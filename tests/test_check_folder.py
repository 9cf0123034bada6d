"""``govinfo-report check DIR`` across years: each body's reports, each against the one for
the year before; fixtures are reports we build and serialize."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from govinfo_report import Report, from_dict, parse, serialize, to_dict
from govinfo_report.check import compare_series

SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "sample-2021-tab.txt"
ORGAN = "示例县青溪镇"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "govinfo_report", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def report_for(year: int, organ: str = ORGAN, **cells: int) -> Report:
    """The sample report as ``organ``'s report for ``year``: 现行有效 grows by the year's
    制发 − 废止 (2 − 1), and 上年结转 equals 结转下年度, so consecutive years agree unless
    ``cells`` (flat keys with ``__`` for ``.``) say otherwise."""
    data: dict[str, Any] = to_dict(parse(SAMPLE.read_text(encoding="utf-8")))
    data["title"] = f"{organ}{year}年政府信息公开工作年度报告"
    data["organ"], data["year"] = organ, year
    data["active_disclosure"]["normative_documents"]["in_force"] = 7 + (year - 2022)
    for name, value in cells.items():
        node = data
        *path, last = name.split("__")
        for part in path:
            node = node[part]
        node[last] = value
    return from_dict(data)


@pytest.fixture
def three_years(tmp_path: Path) -> Path:
    """2021, 2022 and 2023 of one body (2023's 上年结转 / 自然人 is 4, 2022 carried 1
    forward), out of order and one in a subfolder; and another body's 2022 report."""
    (tmp_path / "old").mkdir()
    reports = {
        "c-2023.txt": report_for(2023, applications__carried_over__natural_person=4),
        "old/a-2021.txt": report_for(2021),
        "b-2022.txt": report_for(2022),
        "other-2022.txt": report_for(2022, "示例县白云镇", applications__carried_over__total=9),
    }
    for name, report in reports.items():
        (tmp_path / name).write_text(serialize(report), encoding="utf-8")
    return tmp_path


def test_three_years_with_one_carry_over_mismatch_give_one_finding_naming_both(
    three_years: Path,
) -> None:
    result = run("check", "--format", "json", "-j", "1", str(three_years))
    records = [json.loads(line) for line in result.stdout.splitlines()]
    across = [r for r in records if "previous" in r]
    assert len(across) == 1
    (record,) = across
    assert Path(record["path"]).name == "c-2023.txt"
    assert Path(record["previous"]).name == "b-2022.txt"
    (finding,) = record["findings"]
    assert finding["code"] == "carry-over" and finding["severity"] == "error"
    assert finding["keys"] == ["applications.carried_over.natural_person"]
    assert finding["message"] == (
        "二、上年结转政府信息公开申请数量 / 自然人 is 4, but last year's "
        "四、结转下年度继续办理 was 1"
    )
    assert result.returncode == 1  # the mismatch is an error


def test_text_form_names_both_files(three_years: Path) -> None:
    result = run("check", "--errors-only", "-j", "1", str(three_years))
    later, earlier = three_years / "c-2023.txt", three_years / "b-2022.txt"
    lines = later.read_text(encoding="utf-8").splitlines()
    row = next(n for n, line in enumerate(lines, 1) if line.startswith("二、上年结转"))
    across = [line for line in result.stdout.splitlines() if "carry-over" in line]
    assert across == [
        f"{later}:{row}: carry-over error 二、上年结转政府信息公开申请数量 / 自然人 is 4, but last "
        f"year's 四、结转下年度继续办理 was 1 (against {earlier})"
    ]
    assert result.stderr.strip().endswith("4 read, 0 failed, 2 with errors")  # c-2023, other-2022


def test_years_in_a_row_that_agree_give_nothing() -> None:
    series = [(f"{year}.txt", report_for(year)) for year in (2023, 2021, 2022)]
    assert compare_series(series) == []


def test_a_gap_is_not_bridged() -> None:
    series = [("2021.txt", report_for(2021)), ("2023.txt", report_for(2023))]
    assert compare_series(series) == []


def test_copies_count_once_and_different_reports_for_one_year_are_named() -> None:
    copies = [("a.txt", report_for(2022)), ("b.txt", report_for(2022))]
    assert compare_series([*copies, ("c.txt", report_for(2023))]) == []
    other = report_for(2022, applications__carried_forward__total=5)
    (paired,) = compare_series([("a.txt", report_for(2022)), ("b.txt", other)])
    assert (paired.path, paired.previous, paired.finding.code) == ("a.txt", "b.txt", "same-year")
    assert paired.finding.message == (
        "two different reports for 示例县青溪镇 2022: a.txt and b.txt; this year is not compared "
        "with the years around it"
    )


def test_bodies_are_matched_whatever_the_spacing_of_their_names() -> None:
    spaced = report_for(2023, "示例县 青溪镇", applications__carried_over__natural_person=4)
    (paired,) = compare_series([("a.txt", report_for(2022)), ("b.txt", spaced)])
    assert paired.finding.code == "carry-over"
