"""Recognising tables: which standard table a row opens, and which edition labels speak."""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence

from govinfo_report.model.editions import (
    DISCLOSURE_HEADER,
    EDITIONS,
    Edition,
    StandardTable,
    edition_for_year,
)
from govinfo_report.model.labels import caption_key, is_note, label_key
from govinfo_report.read._grammar import RawRow
from govinfo_report.read._indexes import (
    APPLICATION_HEADERS,
    REVIEW_HEADERS,
    Labels,
    index,
    label_keys,
    table_labels,
)


@functools.cache
def _anchors() -> Labels[StandardTable]:
    """Labels that belong to exactly one standard table, in either edition."""
    found: dict[StandardTable, set[str]] = {
        "active_disclosure": {DISCLOSURE_HEADER},
        "applications": set(APPLICATION_HEADERS),
        "review_litigation": set(REVIEW_HEADERS),
    }
    for edition in Edition:
        lookup = index(edition)
        found["active_disclosure"] |= set(lookup.disclosure_rows)
        found["active_disclosure"] |= {
            key for item in lookup.spec.items for c in item.columns for key in label_keys(c)
        }
        found["applications"] |= set(lookup.application_rows) | lookup.application_groups
    shared = {
        key
        for kind, keys in found.items()
        for other, more in found.items()
        if other != kind
        for key in keys & more
    }
    # 其他 and 总计 head columns in several tables and words beside: they open none.
    generic = {label_key("其他"), label_key("总计")}
    return Labels({key: kind for kind, keys in found.items() for key in keys - shared - generic})


def anchor(row: RawRow) -> StandardTable | None:
    """The standard table whose labels this row carries, if any."""
    for cell, key in zip(row.cells, row.keys, strict=True):
        if key is not None:
            kind = _cell_anchor(cell, key)
            if kind is not None:
                return kind
    return None


@functools.lru_cache(maxsize=8192)
def _cell_anchor(cell: str, key: str) -> StandardTable | None:
    if caption_key(cell) is not None:
        return "active_disclosure"
    if is_note(cell):
        return "applications"
    return _anchors().find(key)  # labels cut short count too


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


@functools.cache
def _edition_labels(edition: Edition) -> tuple[frozenset[str], frozenset[str]]:
    """Labels of table 二 anywhere in a row, and labels of table 三 as a row's own label
    (（六）其他处理 is a row's own label in 2019 but only a group label in 2021)."""
    spec = EDITIONS[edition]
    anywhere = {label_key(c.label) for item in spec.items for c in item.columns}
    anywhere |= {label_key(r.label) for item in spec.items for r in item.rows}
    own = {label_key(r.label) for r in spec.application_rows} - APPLICATION_HEADERS
    return frozenset(anywhere), frozenset(own)


@functools.cache
def _distinctive(edition: Edition) -> tuple[frozenset[str], frozenset[str]]:
    anywhere, own = _edition_labels(edition)
    for other in Edition:
        if other is not edition:
            anywhere = anywhere - _edition_labels(other)[0]
            own = own - _edition_labels(other)[1]
    return anywhere, own


@functools.lru_cache(maxsize=8192)
def _speaks(key: str, own: bool) -> tuple[Edition, ...]:
    """The editions a label is distinctive of: a table-二 label anywhere in a row, exactly or
    cut short (本年新 ← 本年新制作数量); or, with ``own``, a table-三 row's own label."""
    if own:
        return tuple(e for e in Edition if key in _distinctive(e)[1])
    return tuple(
        e
        for e in Edition
        if key in _distinctive(e)[0]
        or (len(key) >= 3 and any(label.startswith(key) for label in _distinctive(e)[0]))
    )


def detect_edition(rows: Sequence[RawRow], year: int | None) -> tuple[Edition, tuple[str, ...]]:
    """The edition whose distinctive labels the tables use most (the year breaks a tie), and
    the labels of any other edition found mixed in."""
    keys: set[str] = set()
    own_keys: set[str] = set()  # each row's last label: its own, most specific one
    for row in rows:
        labels = [key for key in row.keys if key is not None]
        if labels:
            keys.update(labels)
            own_keys.add(labels[-1])
    votes = [e for key in keys for e in _speaks(key, False)]
    votes += [e for key in own_keys for e in _speaks(key, True)]
    scores = {edition: votes.count(edition) for edition in Edition}
    best = max(scores.values())
    leaders = [edition for edition, score in scores.items() if score == best]
    if len(leaders) == 1:
        chosen = leaders[0]
    else:
        chosen = edition_for_year(year)
    foreign = set()
    for edition in Edition:
        if edition is not chosen:
            anywhere, own = _distinctive(edition)
            foreign |= (keys & anywhere) | (own_keys & own)
    return chosen, tuple(sorted(foreign))


def table_like(row: RawRow) -> bool:
    """Whether every cell of a row is a number or a label of the standard tables."""
    known = table_labels()
    return all(key is None or key in known for key in row.keys)
