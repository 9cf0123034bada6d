"""Hypothesis strategies for reports, for our property tests and for yours.

Needs the optional extra: ``pip install govinfo_report[hypothesis]``.

- ``reports()`` draws valid reports: ``parse(serialize(r, layout)) == r`` must hold for each.
- ``report_candidates()`` draws the arguments of a ``Report``, including what text cannot hold
  (a paragraph that reads as a later section's heading, a generic table right after another
  table, an organ the title does not name, a pipe inside an unplaced row's cell): building one
  either raises ``ValueError`` or gives a report that round-trips.

Generation is cheap on purpose: narrative is drawn as a few words from a list, and a table's
cells come from one drawn seed, not one draw per cell.
"""

from __future__ import annotations

import functools
import random
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs
from hypothesis import strategies as st

from govinfo_report.model import (
    EDITIONS,
    STANDARD_TABLES,
    Applications,
    Block,
    Edition,
    GenericRow,
    GenericTable,
    Paragraph,
    Report,
    ReviewLitigation,
    Section,
    StandardTable,
    TableSlot,
    UnplacedRow,
    build_table,
)
from govinfo_report.model.editions import (
    APPLICATION_COLUMNS,
    REVIEW_GROUPS,
    REVIEW_LEAVES,
    SECTIONS,
    is_under,
    join_key,
    split_key,
)
from govinfo_report.model.numerals import to_chinese
from govinfo_report.read._lexer import is_narrative

__all__ = [
    "amounts",
    "consistent_reports",
    "consistent_tables",
    "counts",
    "generic_tables",
    "paragraphs",
    "report_candidates",
    "reports",
]

# Words of narrative, none of them a table label, a heading or a title on its own.
_WORDS = (
    "本机关", "进一步", "加强", "政务", "工作", "平台", "建设", "推进", "规范", "管理",
    "服务", "群众", "意见", "落实", "制度", "培训", "网站", "栏目", "更新", "及时",
    "准确", "完善", "机制", "监督", "考核", "解读", "回应", "关切", "办理", "质量",
    "效率", "数据", "开放", "目录", "指南", "示范", "基层", "标准化", "共", "次",
    "Open", "data", "GB/T", "12", "2022", "3.5", "%", "（试行）", "“", "”", "、", " ",
)  # fmt: skip
_ENDS = ("", "。", "；", "，", "！")
_ORGANS = ("示例县", "青溪镇", "东山区", "示例市", "人民政府", "办公室", "街道办事处", "卫生健康局")
_EXTRA_TITLES = ("公开平台建设和信息发布情况", "政务公开工作亮点", "Open data")


def _rarely(draw: st.DrawFn, one_in: int) -> bool:
    """True about once in ``one_in`` draws; shrinks to False, so a minimal failing example
    keeps a rare case only when the failure needs it."""
    return draw(st.integers(0, one_in - 1)) == one_in // 2


@functools.cache
def _pool(size: int, low: int, high: int, ends: tuple[str, ...]) -> tuple[str, ...]:
    """Lines of a few words each, made once from a fixed seed: drawing one is one choice."""
    rng = random.Random(20_19)
    lines: dict[str, None] = {}
    while len(lines) < size:
        words = rng.choices(_WORDS, k=rng.randint(low, high))
        text = ("".join(words) + rng.choice(ends)).strip()
        if text and is_narrative(text):
            lines[text] = None
    return tuple(lines)


@functools.cache
def paragraphs() -> st.SearchStrategy[str]:
    """A narrative line that reads back as narrative (not a heading, title or table row)."""
    return st.sampled_from(_pool(600, 1, 8, _ENDS))


def counts(signed: bool = False) -> st.SearchStrategy[int | None]:
    """A count cell: blank, zero, or a whole number (negative only for 本年增/减)."""
    low = -10_000 if signed else 0
    return st.none() | st.just(0) | st.integers(low, 10**7)


def amounts() -> st.SearchStrategy[Decimal | None]:
    """An amount cell: blank or a decimal with up to four places."""
    return st.none() | st.builds(
        lambda units, places: Decimal(units).scaleb(-places),
        st.integers(0, 10**10),
        st.integers(0, 4),
    )


# --- Tables: every cell from one seed ---------------------------------------------------------

_STYLES = ("zeros", "blanks", "small", "mixed")


def _cell(rng: random.Random, style: str, key: str) -> int | Decimal | None:
    """One cell's value, by the style drawn for the table and the kind of cell its key is."""
    roll = rng.random()
    zero = Decimal(0) if key.endswith(".amount") else 0
    if style == "zeros" or (style == "blanks" and roll < 0.5):
        return zero if style == "zeros" or roll < 0.25 else None
    if style == "mixed" and roll < 0.15:
        return None
    if key.endswith(".amount"):
        return Decimal(rng.randrange(10**9)).scaleb(-rng.randrange(5))
    high = 30 if style == "small" else 10**6
    low = -high if key.endswith(".change") else 0
    return rng.randint(low, high)


def _table_keys(edition: Edition, table: StandardTable) -> tuple[str, ...]:
    """The table's cell keys without the table's name, as ``build_table`` takes them."""
    parts = (split_key(key) for key in EDITIONS[edition].flat_keys() if is_under(key, table))
    return tuple(join_key(row, column) for _table, row, column in parts)


@functools.cache
def tables(edition: Edition, table: StandardTable) -> st.SearchStrategy[Any]:
    """One standard table of ``edition``: a style (all zeros, many blanks, small or mixed
    numbers) and a seed decide every cell."""
    keys = _table_keys(edition, table)

    def make(style: str, seed: int) -> Any:
        rng = random.Random(seed)
        return build_table(edition, table, {key: _cell(rng, style, key) for key in keys})

    return st.builds(make, st.sampled_from(_STYLES), st.integers(0, 2**32 - 1))


# --- Narrative structure ----------------------------------------------------------------------


@functools.cache
def generic_tables() -> st.SearchStrategy[GenericTable]:
    """A non-standard table: labelled rows of short texts and numbers, some cells empty."""
    cell = st.one_of(st.just(""), st.integers(0, 9999).map(str), paragraphs())
    row = st.builds(
        lambda label, cells: GenericRow(label, tuple(cells)),
        paragraphs(),
        st.lists(cell, max_size=4).map(lambda c: c[: len(c) - _trailing_blanks(c)]),
    )
    return st.lists(row, min_size=1, max_size=4).map(lambda rows: GenericTable(tuple(rows)))


def _trailing_blanks(cells: list[str]) -> int:
    n = 0
    while n < len(cells) and cells[-1 - n] == "":
        n += 1
    return n


@st.composite
def _heading_like(draw: st.DrawFn, number: int) -> Paragraph:
    """A paragraph written like a section heading (``二、加强组织领导``): valid inside a
    section numbered at least as high, refused elsewhere."""
    words = draw(st.sampled_from(_pool(50, 2, 4, ("",))))
    return Paragraph(f"{to_chinese(draw(st.integers(1, number + 1)))}、{words}")


@st.composite
def _body(draw: st.DrawFn, slots: list[Block], number: int) -> tuple[Block, ...]:
    """Paragraphs with the given tables among them; now and then a heading-like paragraph,
    or a generic table right before or after a table."""
    blocks: list[Block] = [Paragraph(t) for t in draw(st.lists(paragraphs(), max_size=2))]
    for index, table in enumerate(slots):
        if index or _rarely(draw, 6):
            blocks += [Paragraph(t) for t in draw(st.lists(paragraphs(), min_size=1, max_size=2))]
        if _rarely(draw, 8):
            blocks.append(draw(generic_tables()))  # right before the table
        blocks.append(table)
        if _rarely(draw, 16):
            blocks.append(draw(generic_tables()))  # right after it: refused
    if _rarely(draw, 6):
        blocks.append(draw(_heading_like(number)))
    blocks += [Paragraph(t) for t in draw(st.lists(paragraphs(), max_size=2))]
    return tuple(blocks)


@st.composite
def _unplaced(draw: st.DrawFn, table: StandardTable) -> tuple[StandardTable, tuple[str, ...]]:
    """A row the parser could not place: a label it does not know, then numbers. Now and
    then a cell holds a pipe, which no text layout can keep inside a cell: refused."""
    label = draw(st.sampled_from(("其中", "备注", "合计（不含）", "另有", "附：说明"))) + "*"
    numbers = draw(st.lists(st.sampled_from(("", "0", "3", "12", "无")), max_size=5))
    cells = [label, *numbers]
    if _rarely(draw, 10):
        cells[0] = label + "|" + draw(st.sampled_from(("a", "1")))
    while cells[-1] == "":
        cells.pop()
    return table, tuple(cells)


def _organ_and_year(draw: st.DrawFn) -> tuple[str, str | None, int | None]:
    """A title and what it names; now and then an organ the title does not name."""
    organ = "".join(draw(st.lists(st.sampled_from(_ORGANS), max_size=2))) or None
    year = draw(st.none() | st.integers(2019, 2030))
    title = f"{organ or ''}{year or ''}{'年' if year else ''}政府信息公开工作年度报告"
    if _rarely(draw, 16):
        organ = draw(st.sampled_from(_ORGANS))  # may differ from the title's: refused
    return title, organ, year


@st.composite
def report_candidates(draw: st.DrawFn, edition: Edition | None = None) -> dict[str, Any]:
    """The keyword arguments of a ``Report``: mostly valid, sometimes what text cannot hold."""
    edition = edition or draw(st.sampled_from(Edition))
    present = draw(
        st.sampled_from(
            [(True, True, True), (True, True, False), (True, False, True), (False, True, True)]
        )
    )
    standard: dict[str, Any] = {
        name: draw(tables(edition, name)) if here else None
        for name, here in zip(STANDARD_TABLES, present, strict=True)
    }
    sections: list[tuple[str, list[Block]]] = []
    for definition in SECTIONS:
        found: list[Block] = []
        if standard.get(definition.key) is not None:
            found.append(TableSlot(definition.key))  # type: ignore[arg-type]
        if _rarely(draw, 10):
            found.append(draw(generic_tables()))
        sections.append((definition.title, found))
    if draw(st.booleans()):
        at = draw(st.integers(0, len(sections)))
        sections.insert(at, (draw(st.sampled_from(_EXTRA_TITLES)), [draw(generic_tables())]))
    built = tuple(
        Section(number, title, draw(_body(found, number)))
        for number, (title, found) in enumerate(sections, start=1)
    )
    title, organ, year = _organ_and_year(draw) if draw(st.booleans()) else (None, None, None)
    unplaced = [
        draw(_unplaced(name))
        for name in sorted(
            draw(st.lists(st.sampled_from(STANDARD_TABLES), max_size=2)), key=STANDARD_TABLES.index
        )
        if standard[name] is not None
    ]
    return {
        "edition": edition,
        "title": title,
        "organ": organ,
        "year": year,
        "front_matter": tuple(draw(st.lists(paragraphs(), max_size=2))) if title else (),
        "intro": tuple(Paragraph(t) for t in draw(st.lists(paragraphs(), max_size=2))),
        "sections": built,
        **standard,
        "unplaced": tuple(unplaced),
    }


def build_or_refuse(arguments: dict[str, Any]) -> Report | ValueError:
    """The ``Report`` the arguments make, or the ``ValueError`` that says why there is none.
    Unplaced rows come as (table, cells) pairs."""
    try:
        unplaced = tuple(UnplacedRow(table, cells) for table, cells in arguments["unplaced"])
        return Report(**{**arguments, "unplaced": unplaced})
    except ValueError as error:
        return error


def _valid(candidates: st.SearchStrategy[dict[str, Any]]) -> st.SearchStrategy[Report]:
    built: st.SearchStrategy[Report | ValueError] = candidates.map(build_or_refuse)
    return built.filter(lambda r: isinstance(r, Report))  # type: ignore[return-value]


def reports(edition: Edition | None = None) -> st.SearchStrategy[Report]:
    """A valid report of ``edition`` (either when ``None``)."""
    return _valid(report_candidates(edition))


@st.composite
def consistent_tables(draw: st.DrawFn, edition: Edition) -> tuple[Applications, ReviewLitigation]:
    """Tables 三 and 四 that satisfy every arithmetic rule, with no blank cell."""
    spec = EDITIONS[edition]
    parts = [column.key for column in APPLICATION_COLUMNS[:-1]]
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    small: Callable[[], int] = lambda: rng.randint(0, 30)  # noqa: E731
    cells: dict[str, int] = {}
    outcome_rows = [r.key for r in spec.application_rows if is_under(r.key, "outcomes")]
    outcome_rows.remove("outcomes.total")
    for name in outcome_rows:
        for part in parts:
            cells[join_key(name, part)] = small()
    for part in parts:
        handled = sum(cells[join_key(name, part)] for name in outcome_rows)
        forward = small()
        over = rng.randint(0, handled + forward)
        cells[join_key("outcomes.total", part)] = handled
        cells[join_key("carried_forward", part)] = forward
        cells[join_key("carried_over", part)] = over
        cells[join_key("new_received", part)] = handled + forward - over
    for row in spec.application_rows:
        cells[join_key(row.key, "total")] = sum(cells[join_key(row.key, part)] for part in parts)
    review: dict[str, int] = {}
    for group in REVIEW_GROUPS:
        leaves = [small() for _ in REVIEW_LEAVES[:-1]]
        for leaf, value in zip(REVIEW_LEAVES, [*leaves, sum(leaves)], strict=True):
            review[join_key(group.key, leaf.key)] = value
    return (
        build_table(edition, "applications", cells),
        build_table(edition, "review_litigation", review),
    )


@st.composite
def consistent_reports(draw: st.DrawFn, edition: Edition | None = None) -> Report:
    """A valid report whose tables 三 and 四 are both present and add up."""
    report = draw(reports(edition).filter(lambda r: r.applications and r.review_litigation))
    apps, review = draw(consistent_tables(report.edition))
    return attrs.evolve(report, applications=apps, review_litigation=review)
