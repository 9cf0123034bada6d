"""Properties over generated reports: round trips, fixed points, and no crash on any text."""

from __future__ import annotations

import contextlib
import re
from typing import Any

from hypothesis import example, given
from hypothesis import strategies as st

from govinfo_report import ParseError, Report, parse, serialize
from govinfo_report.testing.strategies import build_or_refuse, report_candidates, reports
from govinfo_report.write.text import LAYOUTS

from .conftest import SEEDS


@given(reports())
def test_canonical_text_round_trips_and_is_a_fixed_point(report: Report) -> None:
    for layout in LAYOUTS:
        text = serialize(report, layout=layout)
        back = parse(text)
        assert back == report
        assert serialize(back, layout=layout) == text


# What the model refuses, and says why (docs/canonical-form.md lists each).
REFUSALS = re.compile(
    "would read back as a section heading|right after another table|must be what the title names"
    "|cells are stripped texts without tab, pipe or newline"
)


@given(report_candidates())
def test_what_text_cannot_hold_is_refused_and_the_rest_round_trips(
    arguments: dict[str, Any],
) -> None:
    """Headings in paragraphs, tables side by side, an organ the title does not name, a pipe
    in an unplaced row: each is refused with its reason, or reads back equal in every layout."""
    report = build_or_refuse(arguments)
    if isinstance(report, ValueError):
        assert REFUSALS.search(str(report)), report
        return
    for layout in LAYOUTS:
        assert parse(serialize(report, layout=layout)) == report


def _seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


@st.composite
def report_texts(draw: st.DrawFn) -> str:
    """A report's text: a generated one in some layout, or a real seed when present."""
    seeds = _seed_texts()
    use_seed = draw(st.booleans())
    if seeds and use_seed:
        seed: str = draw(st.sampled_from(seeds))
        return seed
    layout = draw(st.sampled_from(LAYOUTS))
    return serialize(draw(reports()), layout=layout)


_JUNK = st.text(
    alphabet=st.sampled_from(
        "\t|\r\n \u00a0\u3000\ufeff（）()、。一二三四1234-—/总计其他第二十条项"
    ),
    max_size=8,
)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """A report text with lines deleted, duplicated, swapped or spliced with junk,
    or cut short."""
    lines = draw(report_texts()).split("\n")
    for _ in range(draw(st.integers(1, 6))):
        if not lines:
            break
        at = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "swap", "junk", "truncate"]))
        if action == "delete":
            del lines[at]
        elif action == "duplicate":
            lines.insert(at, lines[at])
        elif action == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        elif action == "junk":
            cut = draw(st.integers(0, len(lines[at])))
            lines[at] = lines[at][:cut] + draw(_JUNK) + lines[at][cut:]
        else:
            lines = lines[:at]
    return "\n".join(lines)


def _parses_or_refuses(text: str) -> None:
    try:
        report = parse(text)
    except ParseError as error:
        # The only text that is no report: no heading and no table, blamed on its first line.
        assert error.message in (
            "the text is empty",
            "no section heading and no standard table in the text",
        )
        lines = text.replace("\ufeff", "").splitlines()
        if error.line is None:
            assert not "".join(lines).strip()
        else:
            # The first line read: words, or a cell (a tab, even before an empty cell).
            line = lines[error.line - 1]
            assert line.strip() or "\t" in line
        assert error.column is None
    else:
        assert isinstance(report, Report)


@given(mutated())
def test_mutated_reports_never_crash(text: str) -> None:
    _parses_or_refuses(text)


@given(st.text(max_size=300))
def test_any_text_never_crashes(text: str) -> None:
    _parses_or_refuses(text)


@given(mutated())
def test_mangled_text_read_completely_round_trips(text: str) -> None:
    try:
        report = parse(text)
    except ParseError:
        return
    if report.unplaced:
        return  # rows half-placed by the mangling: kept and reported, not canonical
    for layout in LAYOUTS:
        assert parse(serialize(report, layout=layout)) == report


@given(st.text(st.sampled_from("一二三四五六七八九十零百、 总体情况"), max_size=8))
@example("十十")
@example("一十")
def test_any_run_of_chinese_numerals_before_a_heading_mark_is_a_heading_or_text(
    numerals: str,
) -> None:
    """十十、… once raised ValueError from deep in the lexer: a heading's number is a numeral
    from 1 to 99 or the line is text, never a crash."""
    from govinfo_report.model.numerals import from_chinese, to_chinese

    number = from_chinese(numerals)  # 一十 is 10 as 十 is: only the canonical form is written
    assert number is None or (1 <= number <= 99 and from_chinese(to_chinese(number)) == number)
    with contextlib.suppress(ParseError):
        parse(f"{numerals}、总体情况\n")
