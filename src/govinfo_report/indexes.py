"""Lookup tables of labels, built once from the edition definitions, and the lookups.

Every label the parser meets is reduced by ``label_key`` and looked up here: exactly, or as
the one known label it was cut short from.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from typing import TypeVar

from attrs import frozen

from .editions import (
    APPLICANTS,
    APPLICATION_COLUMNS,
    DISCLOSURE_HEADER,
    EDITIONS,
    LEGAL_PERSONS,
    LITIGATION,
    REVIEW_GROUPS,
    REVIEW_LEAVES,
    Column,
    EditionSpec,
    Item,
    Row,
)
from .labels import caption_key, label_key
from .model import Edition
from .values import is_value

APPLICATION_HEADERS = frozenset(
    label_key(text)
    for text in (APPLICANTS, LEGAL_PERSONS, *(column.label for column in APPLICATION_COLUMNS))
)
REVIEW_HEADERS = frozenset(
    label_key(text)
    for text in (LITIGATION, *(c.label for c in REVIEW_GROUPS), *(c.label for c in REVIEW_LEAVES))
)


HEADER_WORDS = APPLICATION_HEADERS | REVIEW_HEADERS | {DISCLOSURE_HEADER}


@frozen
class Index:
    """An edition's labels, keyed by ``label_key``, for the binder's lookups."""

    spec: EditionSpec
    items: dict[str, Item]
    disclosure_rows: dict[str, tuple[Item, Row]]
    application_rows: dict[str, Row]
    application_groups: frozenset[str]


def label_keys(labelled: Row | Column) -> Iterator[str]:
    yield label_key(labelled.label)
    yield from map(label_key, labelled.aliases)


@functools.cache
def index(edition: Edition) -> Index:
    """The lookup tables of one edition, built once from its definition."""
    spec = EDITIONS[edition]
    return Index(
        spec=spec,
        items={caption_key(item.caption) or "": item for item in spec.items},
        disclosure_rows={
            key: (item, row) for item in spec.items for row in item.rows for key in label_keys(row)
        },
        application_rows={key: row for row in spec.application_rows for key in label_keys(row)},
        application_groups=frozenset(
            label_key(text)
            for row in spec.application_rows
            for text in (row.group, row.part)
            if text
        ),
    )


@functools.lru_cache(maxsize=8192)
def cell_label(cell: str) -> str | None:
    """The label key of a cell that holds words; ``None`` for a number, a mark or a blank.
    One cached answer to the two questions the binder asks of every cell."""
    if not cell or is_value(cell):
        return None
    return label_key(cell)


L = TypeVar("L")


_COMPLETIONS: dict[tuple[int, str], str] = {}


def lookup(cell: str, known: Mapping[str, L]) -> L | None:
    """The row a label names: exactly, or as the one known label it was cut short from."""
    return lookup_key(label_key(cell), known)


def lookup_key(key: str, known: Mapping[str, L]) -> L | None:
    if key in known:
        return known[key]
    if len(key) < 4:
        return None
    # The label indexes live as long as the process, so their ids are stable cache keys.
    memo = (id(known), key)
    if memo not in _COMPLETIONS:
        hits = [label for label in known if label.startswith(key)]
        _COMPLETIONS[memo] = hits[0] if len(hits) == 1 else ""
    return known.get(_COMPLETIONS[memo])
