"""The five real reports in ../shared/seeds: exact values, and stable canonical text."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from govinfo_report import Edition, flatten, parse, serialize
from govinfo_report.model import GenericRow, GenericTable, Paragraph
from govinfo_report.model.editions import APPLICATION_COLUMNS, EDITIONS
from govinfo_report.write.text import LAYOUTS, Layout

COLUMNS = [column.key for column in APPLICATION_COLUMNS]
BLANK_ROW = {f"applications.carried_forward.{column}": None for column in COLUMNS}

# One JSON file per seed: what a careful reader finds in it (metadata, section titles, every
# cell, and the codes of validate()'s findings). A new real report adds coverage with a file,
# not code; write the file from the report itself, checking every cell.
EXPECTATIONS = Path(__file__).parent / "seed_expectations"


def seed_text(shared: Path, name: str) -> str:
    (path,) = (shared / "seeds").glob(f"{name}_*.txt")
    return path.read_text(encoding="utf-8")


def _cell(value: int | str | None) -> int | Decimal | None:
    return Decimal(value) if isinstance(value, str) else value


@pytest.fixture(params=sorted(p.stem for p in EXPECTATIONS.glob("*.json")))
def seed(request: pytest.FixtureRequest, shared: Path) -> tuple[str, str]:
    return request.param, seed_text(shared, request.param)


def test_metadata_sections_findings_and_every_cell(seed: tuple[str, str]) -> None:
    name, text = seed
    expected = json.loads((EXPECTATIONS / f"{name}.json").read_text(encoding="utf-8"))
    report = parse(text)
    assert report.edition.value == expected["edition"]
    assert (report.title, report.organ, report.year) == (
        expected["title"],
        expected["organ"],
        expected["year"],
    )
    assert [section.title for section in report.sections] == expected["sections"]
    cells = {key: _cell(value) for key, value in expected["cells"].items()}
    assert flatten(report) == cells
    # Blank is not zero: compare types too, so a None never passes for a 0.
    assert {k: type(v) for k, v in flatten(report).items()} == {
        k: type(v) for k, v in cells.items()
    }
    assert sorted(f.code for f in report.validate()) == expected["findings"]
    assert report.unplaced == ()


def test_the_expectations_name_every_key_of_their_edition() -> None:
    for path in sorted(EXPECTATIONS.glob("*.json")):
        expected = json.loads(path.read_text(encoding="utf-8"))
        keys = EDITIONS[Edition(expected["edition"])].flat_keys()
        assert list(expected["cells"]) == list(keys), path.name


def test_seed_003_keeps_its_regional_table_and_signature(shared: Path) -> None:
    report = parse(seed_text(shared, "003"))
    assert report.sections[1].heading_as_written == "二、政府信息主动公开形式及情况"
    (platform,) = report.sections[2].body
    assert isinstance(platform, GenericTable)
    assert platform.rows[0] == GenericRow(
        "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）", ("条", "386")
    )
    assert platform.rows[1] == GenericRow("（二）通过不同渠道和方式公开政府信息的情况", ("——",))
    assert len(platform.rows) == 14
    assert report.sections[-1].body[-2:] == (
        Paragraph("大岚镇镇人民政府"),
        Paragraph("2021年1月22日"),
    )


def test_seed_004_title_comes_from_the_sentence_that_names_it(shared: Path) -> None:
    report = parse(seed_text(shared, "004"))
    assert report.title == "金东区鞋塘办事处2020年政府信息公开工作年度报告"
    assert report.front_matter[:5] == (
        "11330703662882460N/2021-45814",
        "单位审核公开",
        "鞋塘办事处",
        "2020-12-31",
        "主动公开",
    )
    assert len(report.front_matter) == 6 and report.intro == ()


def test_seed_001_text_between_title_and_first_section_is_the_intro(shared: Path) -> None:
    report = parse(seed_text(shared, "001"))
    assert report.title == "杭州市余杭区百丈镇2023年度政府信息公开工作年度报告"
    assert len(report.intro) == 2 and all(isinstance(b, Paragraph) for b in report.intro)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_canonical_text_round_trips_and_is_a_fixed_point(
    seed: tuple[str, str], layout: Layout
) -> None:
    report = parse(seed[1])
    canonical = serialize(report, layout=layout)
    again = parse(canonical)
    assert again == report
    assert serialize(again, layout=layout) == canonical


def test_one_report_whatever_the_layout(seed: tuple[str, str]) -> None:
    report = parse(seed[1])
    parsed = [parse(serialize(report, layout=layout)) for layout in LAYOUTS]
    assert parsed[0] == parsed[1] == parsed[2] == report


_HEADING = re.compile(r"[一二三四五六七]、")


def narrative_lines(text: str) -> list[str]:
    """Lines of prose: not blank, not in a table, not a heading, not a wrapped cell."""
    lines, previous = [], ""
    for line in text.splitlines():
        stripped = line.strip()
        wrapped = previous.startswith("\t") and len(stripped) <= 30
        prose = stripped and "\t" not in line and "|" not in line and not wrapped
        if prose and not _HEADING.match(stripped):
            lines.append(stripped)
        previous = line if stripped else ""
    return lines


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_narrative_line_survives(seed: tuple[str, str], layout: Layout) -> None:
    canonical = set(serialize(parse(seed[1]), layout=layout).splitlines())
    missing = [line for line in narrative_lines(seed[1]) if line not in canonical]
    assert missing == []
