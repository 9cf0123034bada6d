"""Properties over generated reports: round trips, fixed points, and no crash on any text."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from govinfo_report import Edition, ParseError, Report, parse, serialize
from govinfo_report.testing.strategies import reports
from govinfo_report.write.text import LAYOUTS

from .conftest import SEEDS


@given(reports(edition=Edition.E2019))
def test_round_trip_2019_every_layout(report: Report) -> None:
    for layout in LAYOUTS:
        assert parse(serialize(report, layout=layout)) == report


@given(reports(edition=Edition.E2021))
def test_round_trip_2021_every_layout(report: Report) -> None:
    for layout in LAYOUTS:
        assert parse(serialize(report, layout=layout)) == report


@given(reports(), st.sampled_from(LAYOUTS))
def test_canonical_text_is_a_fixed_point(report: Report, layout: str) -> None:
    text = serialize(report, layout=layout)  # type: ignore[arg-type]
    assert serialize(parse(text), layout=layout) == text  # type: ignore[arg-type]


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
            assert 1 <= error.line <= len(lines) and lines[error.line - 1].strip()
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


def test_seeds_folder_location_is_beside_the_checkout() -> None:
    assert SEEDS.parent.name == "shared" and isinstance(SEEDS, Path)
