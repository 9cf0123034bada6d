"""Text against tables: every case of tests/narrative_cases.py, in both editions, read back
from canonical text so the finding's line is the sentence's real line."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govinfo_report import Finding, Report, from_dict, parse, serialize, to_dict
from govinfo_report.check.narrative import CODE
from govinfo_report.model.editions import SECTIONS
from govinfo_report.model.numerals import chinese_count
from tests.narrative_cases import CASES, LITIGATION, MISMATCHES, REVIEW, TABLES, YEAR, Case
from tests.samples import SAMPLES


def _set(data: dict[str, Any], key: str, value: int) -> None:
    *path, last = key.split(".")
    for part in path:
        data = data[part]
    data[last] = value


def report_saying(text: str, edition: str, section: int = 1) -> Report:
    """The edition's sample report, its tables holding ``TABLES``, with ``text`` as the
    first paragraph of the standard section ``section`` (none when empty) and the year
    ``YEAR``."""
    data = to_dict(SAMPLES[edition]())
    data["year"] = YEAR
    data["title"] = f"{data['organ']}{YEAR}年政府信息公开工作年度报告"
    documents = data["active_disclosure"]["normative_documents"]
    for key, value in TABLES.items():
        if not key.startswith("active_disclosure") or key.rpartition(".")[2] in documents:
            _set(data, key, value)  # table 二's columns differ by edition
    (body,) = [s["body"] for s in data["sections"] if s["title"] == SECTIONS[section - 1].title]
    paragraph = [{"kind": "paragraph", "text": text}] if text else []
    body[:] = [*paragraph, *(b for b in body if b["kind"] == "table")]
    return from_dict(data)


def narrative_findings(report: Report) -> list[Finding]:
    return [f for f in report.validate() if f.code == CODE]


def _cases() -> list[tuple[Case, str]]:
    return [(case, edition) for case in CASES for edition in case.editions]


@pytest.mark.parametrize(("case", "edition"), _cases(), ids=lambda v: str(getattr(v, "text", v)))
def test_each_sentence_gives_exactly_its_finding(case: Case, edition: str) -> None:
    text = serialize(report_saying(case.text, edition, case.section))
    report = parse(text)
    found = narrative_findings(report)
    if case.finding is None:
        assert found == []
        return
    (finding,) = found
    assert finding.keys == case.finding
    assert finding.severity == "warning"
    assert finding.line == text.splitlines().index(case.text) + 1
    held = sum(TABLES[key] for key in case.finding)
    assert f"the text says {case.stated} " in finding.message
    assert finding.message.endswith(f" {held}")


def test_the_message_names_the_cell_in_chinese_and_quotes_the_words() -> None:
    report = report_saying("本年度共收到政府信息公开申请18件。", "2021")
    (finding,) = narrative_findings(report)
    assert finding.message == (
        "the text says 18 (“本年度共收到政府信息公开申请18件”), but "
        "三、收到和处理政府信息公开申请情况 / 一、本年新收政府信息公开申请数量 / 总计 is 17"
    )
    assert finding.line is None  # built, not read: no line to point at


def test_litigation_names_both_cells_it_adds_up() -> None:
    report = report_saying("发生政府信息公开行政诉讼案件3件。", "2021")
    (finding,) = narrative_findings(report)
    assert finding.message.endswith(
        "but 四、政府信息公开行政复议、行政诉讼情况 / 行政诉讼 / 未经复议直接起诉 / 总计 + "
        "四、政府信息公开行政复议、行政诉讼情况 / 行政诉讼 / 复议后起诉 / 总计 add up to 2"
    )


def test_none_of_both_kinds_of_case_names_each_cell_that_holds_some() -> None:
    report = report_saying("全年未发生因政府信息公开引起的行政复议、行政诉讼案件。", "2021")
    assert [f.keys for f in narrative_findings(report)] == [REVIEW, LITIGATION]
    data = to_dict(report)
    data["review_litigation"]["reconsideration"]["total"] = 0
    for group in ("litigation_direct", "litigation_after_reconsideration"):
        data["review_litigation"][group]["total"] = 0
    assert narrative_findings(from_dict(data)) == []


def test_a_blank_cell_is_not_compared() -> None:
    data = to_dict(report_saying("本年度共收到政府信息公开申请18件。", "2021"))
    data["applications"]["new_received"]["total"] = None
    assert narrative_findings(from_dict(data)) == []


def test_another_year_is_unknown_when_the_report_has_none() -> None:
    data = to_dict(report_saying("2021年共收到政府信息公开申请18件。", "2021"))
    data["title"], data["organ"], data["year"] = None, None, None
    assert narrative_findings(from_dict(data)) == []
    data["sections"][0]["body"] = [{"kind": "paragraph", "text": "本年度共收到信息公开申请18件。"}]
    assert len(narrative_findings(from_dict(data))) == 1


def test_the_library_holds_each_kind() -> None:
    kinds = {case.finding is None for case in CASES}
    assert kinds == {True, False}
    assert len(MISMATCHES) >= 10


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("十六", 16),
        ("二十三", 23),
        ("一百零二", 102),
        ("两", 2),
        ("零", 0),
        ("十", 10),
        ("一千零五", 1005),
        ("三百一十", 310),
        ("17", 17),
    ],
)
def test_chinese_counts(text: str, value: int) -> None:
    assert chinese_count(text) == value


@pytest.mark.parametrize(
    "text", ["二〇二一", "百", "一百十", "十十", "千百", "二二", "", "十x", "²"]
)
def test_not_counts(text: str) -> None:
    assert chinese_count(text) is None


def _spell(number: int) -> str:
    """A count in Chinese numerals, as reports write it (our own writer, for the property)."""
    digits = "零一二三四五六七八九"
    if number == 0:
        return "零"
    parts: list[str] = []
    zero = False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, number = divmod(number, unit)
        if digit:
            if zero and parts:
                parts.append("零")
            parts.append(("" if unit == 10 and not parts and digit == 1 else digits[digit]) + name)
            zero = False
        else:
            zero = True
    return "".join(parts)


@given(st.integers(0, 9999))
def test_every_count_spelled_reads_back(number: int) -> None:
    assert chinese_count(_spell(number)) == number


@given(st.text(alphabet="零〇一二两三四五六七八九十百千0123456789x", max_size=8))
def test_any_text_is_a_count_or_none(text: str) -> None:
    value = chinese_count(text)
    assert value is None or value >= 0


@given(
    st.integers(0, 9999),
    st.booleans(),
    st.sampled_from(["本年度共收到政府信息公开申请{}件。", "全年受理信息公开申请{}件。"]),
)
def test_a_sentence_stating_what_the_table_holds_gives_nothing(
    number: int, in_words: bool, sentence: str
) -> None:
    data = to_dict(report_saying("", "2021"))
    data["applications"]["new_received"]["total"] = number
    text = sentence.format(_spell(number) if in_words else number)
    data["sections"][0]["body"] = [{"kind": "paragraph", "text": text}]
    assert narrative_findings(from_dict(data)) == []


_WORDS = [
    "收到",
    "申请",
    "办结",
    "结转下年度",
    "行政复议",
    "诉讼",
    "未",
    "发生",
    "其中",
    "同比",
    "2021年",
    "2020年",
    "十",
    "二",
    "7",
    "件",
    "起",
    "，",
    "。",
    "公开",
    "规范性文件",
    " ",
]


@given(st.lists(st.sampled_from(_WORDS), max_size=30))
def test_any_narrative_is_read_without_error_and_points_at_its_line(words: list[str]) -> None:
    text = "".join(words).strip() or "无"
    if text.startswith(("一", "二", "三")):
        text = "另" + text
    report = parse(serialize(report_saying(text, "2021")))
    for finding in narrative_findings(report):
        assert finding.line is not None and finding.keys
