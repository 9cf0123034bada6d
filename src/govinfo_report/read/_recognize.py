"""Recognising tables: which standard table a row opens, and which edition labels speak."""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from itertools import pairwise

from govinfo_report.model import EditionFrom
from govinfo_report.model.editions import (
    Edition,
    StandardTable,
    edition_for_year,
)
from govinfo_report.model.labels import caption_key, is_note
from govinfo_report.read._grammar import RawRow
from govinfo_report.read._indexes import (
    anchors,
    cell_label,
    distinctive,
    table_labels,
)


def anchor(row: RawRow) -> StandardTable | None:
    """The standard table whose labels this row carries, if any."""
    return _anchor(row.shape)


@functools.lru_cache(maxsize=4096)
def _anchor(shape: tuple[str | None, ...]) -> StandardTable | None:
    for cell in shape:
        if cell:
            kind = _cell_anchor(cell, cell_label(cell) or "")
            if kind is not None:
                return kind
    # A label a space split over two cells, neither piece a label (行政事 | 业性收费).
    for first, second in pairwise(shape):
        if first and second:
            joined = first + second
            kind = _cell_anchor(joined, cell_label(joined) or "")
            if kind is not None:
                return kind
    return None


@functools.lru_cache(maxsize=8192)
def _cell_anchor(cell: str, key: str) -> StandardTable | None:
    if caption_key(cell) is not None:
        return "active_disclosure"
    if is_note(cell):
        return "applications"
    return anchors().find(key)  # labels cut short count too


def segments(rows: Sequence[RawRow]) -> Iterator[tuple[StandardTable | None, list[RawRow]]]:
    """Split a run of rows where a row opens a different standard table."""
    kind: StandardTable | None = None
    current: list[RawRow] = []
    for row in rows:
        found = anchor(row)
        if found is not None and found != kind:
            if current:
                yield kind, current
            kind, current = found, []
        current.append(row)
    if current:
        yield kind, current


@functools.lru_cache(maxsize=8192)
def _speaks(key: str, own: bool) -> tuple[Edition, ...]:
    """The editions a label is distinctive of: a table-二 label anywhere in a row, exactly or
    cut short (本年新 ← 本年新制作数量); or, with ``own``, a table-三 row's own label."""
    if own:
        return tuple(e for e in Edition if key in distinctive(e)[1])
    # Cut short, a label speaks only if no label every edition shares starts so too: 本年新
    # may be 2019's 本年新制作数量, or any edition's 本年新收政府信息公开申请数量.
    cut = len(key) >= 3 and not any(label.startswith(key) for label in _shared_labels())
    return tuple(
        e
        for e in Edition
        if key in distinctive(e)[0]
        or (cut and any(label.startswith(key) for label in distinctive(e)[0]))
    )


@functools.cache
def _shared_labels() -> frozenset[str]:
    """The tables' labels that speak for no edition."""
    alone = set().union(*(distinctive(e)[0] | distinctive(e)[1] for e in Edition))
    return frozenset(table_labels() - alone)


@functools.lru_cache(maxsize=4096)
def _last_label(keys: tuple[str | None, ...]) -> str | None:
    """A row's last label: its own, most specific one."""
    return next((key for key in reversed(keys) if key is not None), None)


def detect_edition(
    rows: Sequence[RawRow], year: int | None
) -> tuple[Edition, tuple[str, ...], EditionFrom]:
    """The edition whose distinctive labels the tables use most (the year breaks a tie), the
    labels of any other edition found mixed in, and what decided: labels, or with none of
    them the year, or nothing at all."""
    found: set[str | None] = set()
    last: set[str | None] = set()  # each row's last label: its own, most specific one
    for row in rows:
        found.update(row.keys)
        last.add(_last_label(row.keys))
    keys = {key for key in found if key is not None}
    own_keys = {key for key in last if key is not None}
    votes = [e for key in keys for e in _speaks(key, False)]
    votes += [e for key in own_keys for e in _speaks(key, True)]
    scores = {edition: votes.count(edition) for edition in Edition}
    best = max(scores.values())
    leaders = [edition for edition, score in scores.items() if score == best]
    chosen = leaders[0] if len(leaders) == 1 else edition_for_year(year)
    foreign = set()
    for edition in Edition:
        if edition is not chosen:
            anywhere, own = distinctive(edition)
            foreign |= (keys & anywhere) | (own_keys & own)
    decided: EditionFrom = "labels" if best else ("year" if year is not None else "nothing")
    return chosen, tuple(sorted(foreign)), decided


def table_like(row: RawRow) -> bool:
    """Whether every cell of a row is a number or a label of the standard tables."""
    known = table_labels()
    return all(key is None or key in known for key in row.keys)
