"""Hypothesis strategies for valid reports, for our property tests and for yours.

Needs the optional extra: ``pip install govinfo_report[hypothesis]``. Every report drawn is
one that canonical text can hold, so ``parse(serialize(r, layout)) == r`` must hold for it.
"""

from __future__ import annotations

import functools
import typing
from decimal import Decimal
from typing import Any

import attrs
from hypothesis import strategies as st

from .editions import APPLICATION_COLUMNS, EDITIONS, REVIEW_GROUPS, REVIEW_LEAVES, SECTIONS
from .lexer import is_narrative
from .model import (
    ActiveDisclosure2019,
    ActiveDisclosure2021,
    ApplicantCounts,
    Applications,
    Block,
    Edition,
    GenericRow,
    GenericTable,
    OtherHandling2021,
    Outcomes,
    Paragraph,
    Report,
    ReviewLitigation,
    Section,
    StandardTable,
    TableSlot,
)
from .numerals import DIGITS
from .paths import build

__all__ = [
    "amounts",
    "consistent_reports",
    "consistent_tables",
    "counts",
    "generic_tables",
    "paragraphs",
    "reports",
]

_CJK = "".join(chr(c) for c in range(0x4E00, 0x9FA6) if chr(c) not in DIGITS + "十")
_ASCII = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_PUNCT = "，。、：；“”（）《》 .-%0123456789"
_first = st.sampled_from(_CJK[:3000] + _ASCII)
_rest = st.text(alphabet=st.sampled_from(_CJK[:3000] + _ASCII + _PUNCT), max_size=40)


def _line(text: tuple[str, str]) -> str:
    return (text[0] + text[1]).strip()


@functools.cache
def paragraphs() -> st.SearchStrategy[str]:
    """A narrative line in Chinese and ASCII that cannot be mistaken for a heading, a
    title or a table row."""
    return (
        st.tuples(_first, _rest)
        .map(_line)
        .filter(lambda t: not t.endswith("报告") and is_narrative(t))
    )


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


@functools.cache
def _cached(cls: type[Any]) -> st.SearchStrategy[Any]:
    return _cells_of(cls)


def _cells_of(cls: type[Any], **overrides: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Every field of an attrs table class, by the kind of cell its name says it is."""
    hints = typing.get_type_hints(cls)
    fields: dict[str, st.SearchStrategy[Any]] = {}
    for field in attrs.fields(cls):
        hint = hints[field.name]
        if field.name in overrides:
            fields[field.name] = overrides[field.name]
        elif attrs.has(hint):
            fields[field.name] = _cached(hint)
        elif field.name == "amount":
            fields[field.name] = amounts()
        else:
            fields[field.name] = counts(signed=field.name == "change")
    return st.fixed_dictionaries(fields).map(lambda kwargs: cls(**kwargs))


@functools.cache
def applications(edition: Edition) -> st.SearchStrategy[Applications]:
    """Table 三 of the given edition."""
    other = ApplicantCounts if edition is Edition.E2019 else OtherHandling2021
    outcomes = _cells_of(Outcomes, other_handling=_cells_of(other))
    return _cells_of(Applications, outcomes=outcomes)


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


_EXTRA_TITLES = st.sampled_from(["公开平台建设和信息发布情况", "政务公开工作亮点", "Open data"])


@st.composite
def _body(draw: st.DrawFn, tables: list[Block]) -> tuple[Block, ...]:
    """Paragraphs with the given tables among them, never two tables side by side."""
    blocks: list[Block] = [Paragraph(t) for t in draw(st.lists(paragraphs(), max_size=2))]
    for index, table in enumerate(tables):
        if index:
            blocks += [Paragraph(t) for t in draw(st.lists(paragraphs(), min_size=1, max_size=2))]
        blocks.append(table)
    blocks += [Paragraph(t) for t in draw(st.lists(paragraphs(), max_size=2))]
    return tuple(blocks)


@st.composite
def reports(draw: st.DrawFn, edition: Edition | None = None) -> Report:
    """A valid report of ``edition`` (either when ``None``)."""
    edition = edition or draw(st.sampled_from(Edition))
    disclosure_cls = ActiveDisclosure2019 if edition is Edition.E2019 else ActiveDisclosure2021
    present = draw(
        st.sampled_from(
            [(True, True, True), (True, True, False), (True, False, True), (False, True, True)]
        )
    )
    disclosure = draw(_cached(disclosure_cls)) if present[0] else None
    apps = draw(applications(edition)) if present[1] else None
    review = draw(_cached(ReviewLitigation)) if present[2] else None
    slots: dict[str, StandardTable] = {
        "active_disclosure": "active_disclosure",
        "applications": "applications",
        "review_litigation": "review_litigation",
    }
    tables = {"active_disclosure": disclosure, "applications": apps, "review_litigation": review}
    sections: list[tuple[str, list[Block]]] = []
    for definition in SECTIONS:
        found: list[Block] = []
        if tables.get(definition.key) is not None:
            found.append(TableSlot(slots[definition.key]))
        if draw(st.integers(0, 9)) == 0:
            found.append(draw(generic_tables()))
        sections.append((definition.title, found))
    if draw(st.booleans()):
        at = draw(st.integers(0, len(sections)))
        sections.insert(at, (draw(_EXTRA_TITLES), [draw(generic_tables())]))
    built = tuple(
        Section(number, title, draw(_body(found)))
        for number, (title, found) in enumerate(sections, start=1)
    )
    titled = draw(st.booleans())
    organ = draw(st.none() | st.text(st.sampled_from(_CJK[:500]), min_size=2, max_size=8))
    year = draw(st.integers(2019, 2030)) if titled else None
    title = f"{organ or ''}{year}年政府信息公开工作年度报告" if titled else None
    return Report(
        edition=edition,
        title=title,
        organ=organ if titled else None,
        year=year,
        front_matter=tuple(draw(st.lists(paragraphs(), max_size=2))) if titled else (),
        intro=tuple(Paragraph(t) for t in draw(st.lists(paragraphs(), max_size=2))),
        sections=built,
        active_disclosure=disclosure,
        applications=apps,
        review_litigation=review,
    )


@st.composite
def consistent_tables(draw: st.DrawFn, edition: Edition) -> tuple[Applications, ReviewLitigation]:
    """Tables 三 and 四 that satisfy every arithmetic rule, with no blank cell."""
    spec = EDITIONS[edition]
    parts = [column.key for column in APPLICATION_COLUMNS[:-1]]
    small = st.integers(0, 30)
    cells: dict[str, int] = {}
    outcome_rows = [r.key[9:] for r in spec.application_rows if r.key.startswith("outcomes.")]
    outcome_rows.remove("total")
    for name in outcome_rows:
        for part in parts:
            cells[f"outcomes.{name}.{part}"] = draw(small)
    for part in parts:
        handled = sum(cells[f"outcomes.{name}.{part}"] for name in outcome_rows)
        forward = draw(small)
        over = draw(st.integers(0, handled + forward))
        cells[f"outcomes.total.{part}"] = handled
        cells[f"carried_forward.{part}"] = forward
        cells[f"carried_over.{part}"] = over
        cells[f"new_received.{part}"] = handled + forward - over
    for row in spec.application_rows:
        cells[f"{row.key}.total"] = sum([cells[f"{row.key}.{part}"] for part in parts])
    other = ApplicantCounts if edition is Edition.E2019 else OtherHandling2021
    apps = build(Applications, cells, {"outcomes.other_handling": other})
    review: dict[str, int] = {}
    for group in REVIEW_GROUPS:
        leaves = [draw(small) for _ in REVIEW_LEAVES[:-1]]
        for leaf, value in zip(REVIEW_LEAVES, [*leaves, sum(leaves)], strict=True):
            review[f"{group.key}.{leaf.key}"] = value
    return apps, build(ReviewLitigation, review)


@st.composite
def consistent_reports(draw: st.DrawFn, edition: Edition | None = None) -> Report:
    """A valid report whose tables 三 and 四 are both present and add up."""
    report = draw(reports(edition).filter(lambda r: r.applications and r.review_litigation))
    apps, review = draw(consistent_tables(report.edition))
    return attrs.evolve(report, applications=apps, review_litigation=review)
