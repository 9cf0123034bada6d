"""The reports the corpus is made from: the seeds' tables under our own words, and reports
drawn from the library's hypothesis strategies with a fixed seed.

Only the seeds' numbers and structure are kept (the sections, which tables stand where, every
cell): their narrative, titles and extra tables are replaced with text we write, so no
publisher's text enters tests/. Drawn reports get all three tables, a title whose year fits
the edition, and blank cells in every table.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import attrs
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

from govinfo_report import Edition, Report, flatten, parse
from govinfo_report.model import GenericRow, GenericTable, Paragraph, build_table
from govinfo_report.model.editions import STANDARD_TABLES, is_under
from govinfo_report.model.keys import Value
from govinfo_report.model.report import Block
from govinfo_report.model.text import title_metadata
from govinfo_report.testing.strategies import consistent_reports, reports

DRAW_SEED = 20_261_201
ORGANS = ("示例县青溪镇", "东山区卫生健康局", "示例市白石街道办事处", "南湖县人民政府办公室")
_PHRASES = (
    "本机关坚持以公开为常态", "进一步完善政务公开工作机制", "及时更新政府信息公开专栏",
    "扎实做好政策解读和回应关切", "规范办理依申请公开事项", "加强公开队伍业务培训",
    "推进基层政务公开标准化规范化", "持续优化政府网站栏目设置", "强化保密审查和监督考核",
)  # fmt: skip


def narrative(rng: random.Random) -> str:
    """A sentence of our own words, two or three phrases long."""
    return "，".join(rng.sample(_PHRASES, rng.randint(2, 3))) + "。"


def _title(rng: random.Random, year: int) -> tuple[str, str | None, int | None]:
    word = rng.choice(("年", "年", "年度"))
    title = f"{rng.choice(ORGANS)}{year}{word}政府信息公开工作年度报告"
    organ, found = title_metadata(title)
    return title, organ, found


def _period(year: int) -> Paragraph:
    return Paragraph(f"本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。")


def _own_block(block: Block, rng: random.Random) -> Block:
    if isinstance(block, Paragraph):
        return Paragraph(narrative(rng))
    if isinstance(block, GenericTable):
        rows = tuple(
            GenericRow(f"{index}.平台发布信息数", ("条", str(rng.randint(0, 500))))
            for index in range(1, len(block.rows) + 1)
        )
        return GenericTable(rows)
    return block


def from_seed(path: Path) -> Report:
    """The seed's report with its tables and structure, in our words."""
    report = parse(path.read_text(encoding="utf-8"))
    rng = random.Random(path.name)
    year = report.year if report.year is not None else 2021
    title, organ, found = _title(rng, year)
    sections = tuple(
        attrs.evolve(section, body=tuple(_own_block(b, rng) for b in section.body))
        for section in report.sections
    )
    return attrs.evolve(
        report,
        title=title,
        organ=organ,
        year=found,
        front_matter=(),
        intro=(_period(year),),
        sections=sections,
        unplaced=(),
    )


def fresh_tag(fresh: int) -> str:
    """What a fresh corpus adds to the names its random draws are seeded with."""
    return f"#{fresh}" if fresh else ""


def _complete(report: Report) -> bool:
    return all(getattr(report, name) is not None for name in STANDARD_TABLES)


def _draw(
    make: Callable[[], st.SearchStrategy[Report]], count: int, offset: int, fresh: int
) -> list[Report]:
    """``count`` reports, evenly spaced over a fixed-seed run of the strategy (the first
    draws of a run are its simplest)."""
    found: list[Report] = []

    @seed(DRAW_SEED + offset + 1000 * fresh)
    @settings(
        database=None,
        max_examples=count * 8,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
        deadline=None,
    )
    @given(make().filter(_complete))
    def collect(report: Report) -> None:
        found.append(report)

    collect()
    return found[:: max(1, len(found) // count)][-count:]


def _with_blanks(report: Report, rng: random.Random, zeros_only: bool) -> Report:
    """Every table with some blank cells: zeros made blank where the tables add up (their
    totals then still hold), any cells otherwise; a table with no number gets some."""
    flat = flatten(report)
    changes: dict[str, object] = {}
    for table in STANDARD_TABLES:
        keys = [k for k in flat if is_under(k, table)]
        cells: dict[str, Value] = {k: flat[k] for k in keys}
        if all(v is None for v in cells.values()):
            for k in keys:
                cells[k] = rng.randint(0, 40)
        pool = [k for k in keys if cells[k] == 0] if zeros_only else keys
        for k in rng.sample(pool or keys, min(len(pool or keys), rng.randint(1, 4))):
            cells[k] = None
        if all(v is None for v in cells.values()):
            cells[keys[0]] = 1
        prefix = len(table) + 1
        changes[table] = build_table(
            report.edition, table, {k[prefix:]: v for k, v in cells.items()}
        )
    return attrs.evolve(report, **changes)  # type: ignore[arg-type]


def drawn(edition: Edition, count: int, consistent: bool, fresh: int = 0) -> list[Report]:
    """Reports from the strategies, made ready for a page: a title naming a year of the
    edition, a statistics-period line now and then, blanks in every table. ``fresh`` > 0
    draws other reports (a fresh corpus, to look for what the committed one misses)."""
    make: Callable[[], st.SearchStrategy[Report]] = (
        (lambda: consistent_reports(edition)) if consistent else (lambda: reports(edition))
    )
    years = (2019, 2020) if edition is Edition.E2019 else (2021, 2022, 2023, 2024)
    made = []
    offset = 2 * int(edition.value) + consistent
    for index, report in enumerate(_draw(make, count, offset, fresh)):
        rng = random.Random(f"{edition.value}-{consistent}-{index}" + fresh_tag(fresh))
        year = rng.choice(years)
        title, organ, found = _title(rng, year)
        intro: tuple[Block, ...] = report.intro
        if rng.random() < 0.5:
            intro = (_period(year), *intro)
        made.append(
            _with_blanks(
                attrs.evolve(
                    report,
                    title=title,
                    organ=organ,
                    year=found,
                    intro=intro,
                    unplaced=(),
                ),
                rng,
                zeros_only=consistent,
            )
        )
    return made
