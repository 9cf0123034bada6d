"""Every set of labels the reader uses, built once from the edition definitions, and the
lookups. The one place label sets are made.

Every label the parser meets is reduced by ``label_key`` and looked up here: exactly, or as
the one known label it was cut short from.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from typing import TypeVar

from attrs import frozen

from govinfo_report.model.editions import (
    APPLICANTS,
    APPLICATION_COLUMNS,
    DISCLOSURE_HEADER,
    EDITIONS,
    LEGAL_PERSONS,
    LITIGATION,
    REVIEW_GROUPS,
    REVIEW_LEAVES,
    Column,
    Edition,
    EditionSpec,
    Item,
    Row,
    StandardTable,
)
from govinfo_report.model.labels import caption_key, label_key
from govinfo_report.model.values import is_value

APPLICATION_HEADERS = frozenset(
    label_key(text)
    for text in (APPLICANTS, LEGAL_PERSONS, *(column.label for column in APPLICATION_COLUMNS))
)
REVIEW_HEADERS = frozenset(
    label_key(text)
    for text in (
        LITIGATION,
        *(text for c in (*REVIEW_GROUPS, *REVIEW_LEAVES) for text in (c.label, *c.aliases)),
    )
)


HEADER_WORDS = APPLICATION_HEADERS | REVIEW_HEADERS | {DISCLOSURE_HEADER}


def label_keys(labelled: Row | Column) -> Iterator[str]:
    """The lookup keys of a row or column: its label's and its aliases'."""
    yield label_key(labelled.label)
    yield from map(label_key, labelled.aliases)


# Table 四's groups by each of their label keys (行政复议, 未经复议直接起诉的行政诉讼 …).
REVIEW_GROUP_KEYS: dict[str, Column] = {
    key: group for group in REVIEW_GROUPS for key in label_keys(group)
}


@functools.cache
def column_labels() -> frozenset[str]:
    """Label keys of column headers only: after one of these, a row label starts a row."""
    keys = set(HEADER_WORDS)
    for column in (*APPLICATION_COLUMNS, *REVIEW_GROUPS, *REVIEW_LEAVES):
        keys.update(label_keys(column))
    for spec in EDITIONS.values():
        keys.update(key for item in spec.items for c in item.columns for key in label_keys(c))
    return frozenset(keys)


@functools.cache
def table_labels() -> frozenset[str]:
    """Label keys of every row, column, group and header of the three standard tables."""
    keys: set[str] = set()
    for spec in EDITIONS.values():
        keys.update(key for item in spec.items for row in item.rows for key in label_keys(row))
        for row in spec.application_rows:
            keys.update(label_keys(row))
            keys.update(label_key(text) for text in (row.group, row.part) if text)
    keys.discard("")
    return frozenset(keys | column_labels())


L = TypeVar("L", covariant=True)  # a Labels[Row] is a Labels[Row | None]


class Labels(Mapping[str, L]):
    """Label keys and what they name, plus every prefix of four or more characters that
    only one label starts with: a label cut short (本年新制作 ← 本年新制作数量) is found in
    one lookup. Built once per process, so lookups cost nothing more for unseen text."""

    MIN_CUT = 4  # shorter prefixes are too common to name one label

    def __init__(self, entries: dict[str, L]) -> None:
        self._entries = entries
        starts: dict[str, set[str]] = {}
        for label in entries:
            for end in range(self.MIN_CUT, len(label)):
                starts.setdefault(label[:end], set()).add(label)
        self._cut = {prefix: next(iter(ls)) for prefix, ls in starts.items() if len(ls) == 1}

    def __getitem__(self, key: str) -> L:
        return self._entries[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def find(self, key: str) -> L | None:
        """What ``key`` names: exactly, or as the one label it was cut short from."""
        found = self._entries.get(key)
        if found is None and key in self._cut:
            return self._entries[self._cut[key]]
        return found


@frozen
class Index:
    """An edition's labels, keyed by ``label_key``, for the binder's lookups."""

    spec: EditionSpec
    items: dict[str, Item]
    disclosure_rows: Labels[tuple[Item, Row]]
    application_rows: Labels[Row]
    application_groups: frozenset[str]


@functools.cache
def index(edition: Edition) -> Index:
    """The lookup tables of one edition, built once from its definition."""
    spec = EDITIONS[edition]
    return Index(
        spec=spec,
        items={caption_key(item.caption) or "": item for item in spec.items},
        disclosure_rows=Labels(
            {
                key: (item, row)
                for item in spec.items
                for row in item.rows
                for key in label_keys(row)
            }
        ),
        application_rows=Labels(
            {key: row for row in spec.application_rows for key in label_keys(row)}
        ),
        application_groups=frozenset(
            label_key(text)
            for row in spec.application_rows
            for text in (row.group, row.part)
            if text
        ),
    )


@functools.cache
def anchors() -> Labels[StandardTable]:
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


@functools.cache
def edition_labels(edition: Edition) -> tuple[frozenset[str], frozenset[str]]:
    """Labels of table 二 anywhere in a row, and labels of table 三 as a row's own label
    (（六）其他处理 is a row's own label in 2019 but only a group label in 2021)."""
    spec = EDITIONS[edition]
    anywhere = {label_key(c.label) for item in spec.items for c in item.columns}
    anywhere |= {label_key(r.label) for item in spec.items for r in item.rows}
    own = {label_key(r.label) for r in spec.application_rows} - APPLICATION_HEADERS
    return frozenset(anywhere), frozenset(own)


@functools.cache
def distinctive(edition: Edition) -> tuple[frozenset[str], frozenset[str]]:
    """``edition_labels`` less what any other edition has too: the labels that speak for
    this edition alone."""
    anywhere, own = edition_labels(edition)
    for other in Edition:
        if other is not edition:
            anywhere = anywhere - edition_labels(other)[0]
            own = own - edition_labels(other)[1]
    return anywhere, own


@functools.cache
def application_header_only(edition: Edition) -> frozenset[str]:
    """Table-三 header labels that are no row's label too (其他 and 总计 are both)."""
    return APPLICATION_HEADERS - set(index(edition).application_rows)


@functools.lru_cache(maxsize=8192)
def cell_label(cell: str) -> str | None:
    """The label key of a cell that holds words; ``None`` for a number, a mark or a blank.
    One cached answer to the two questions the binder asks of every cell."""
    if not cell or is_value(cell):
        return None
    return label_key(cell)


def lookup(cell: str, known: Labels[L]) -> L | None:
    """The row a label names: exactly, or as the one known label it was cut short from."""
    return known.find(label_key(cell))


@functools.cache
def application_labels() -> tuple[dict[str, int], frozenset[str]]:
    """Table 三's row labels (key → place in the template) and group labels, both editions."""
    rows: dict[str, int] = {}
    groups: set[str] = set()
    for edition in EDITIONS:
        idx = index(edition)
        for key, row in idx.application_rows.items():
            rows.setdefault(key, idx.spec.application_rows.index(row))
        groups |= idx.application_groups
    return rows, frozenset(groups)


@functools.cache
def row_widths() -> dict[str, frozenset[int]]:
    """How many value cells a row of tables 二 and 三 has, by its label's key, in either
    edition (行政处罚: one in 2021, three in 2019)."""
    widths: dict[str, set[int]] = {}
    for edition in EDITIONS:
        idx = index(edition)
        for key, (item, _row) in idx.disclosure_rows.items():
            widths.setdefault(key, set()).add(len(item.columns))
        for key in idx.application_rows:
            widths.setdefault(key, set()).add(len(APPLICATION_COLUMNS))
    return {key: frozenset(found) for key, found in widths.items()}


@functools.lru_cache(maxsize=2048)
def starts_label(key: str) -> bool:
    """Whether a known label begins with ``key`` (a label's first piece, wrapped or cut). A
    piece cut inside the label's bracketed note (``部分公开(区分处理的`` — the note is not part
    of the key, and an unclosed one is not taken off) starts the label before the bracket."""
    opened = key.rfind("(")
    if opened > 0 and ")" not in key[opened:]:
        key = key[:opened]
    return any(label.startswith(key) for label in table_labels())
