"""Every label of the standard tables, in either edition, as lookup keys.

The lexer uses it to tell a table row that lost its separators (PDF text: ``规章 0 0 0``,
``自然人 法人或其他组织 总计``) from a line of narrative.
"""

from __future__ import annotations

import functools

from .editions import (
    APPLICANTS,
    APPLICATION_COLUMNS,
    DISCLOSURE_HEADER,
    EDITIONS,
    LEGAL_PERSONS,
    LITIGATION,
    REVIEW_GROUPS,
    REVIEW_LEAVES,
)
from .labels import label_key


@functools.cache
def column_labels() -> frozenset[str]:
    """Label keys of column headers only: after one of these, a row label starts a row."""
    texts = [DISCLOSURE_HEADER, APPLICANTS, LEGAL_PERSONS, LITIGATION]
    texts += [c.label for c in (*APPLICATION_COLUMNS, *REVIEW_GROUPS, *REVIEW_LEAVES)]
    texts += [a for c in APPLICATION_COLUMNS for a in c.aliases]
    for spec in EDITIONS.values():
        texts += [c.label for item in spec.items for c in item.columns]
    return frozenset(map(label_key, texts))


@functools.cache
def table_labels() -> frozenset[str]:
    """Label keys of every row, column, group and header of the three standard tables."""
    texts: list[str] = []
    for spec in EDITIONS.values():
        for item in spec.items:
            texts += [r.label for r in item.rows] + [a for r in item.rows for a in r.aliases]
        for row in spec.application_rows:
            texts += [row.label, row.group, row.part, *row.aliases]
    rows = {key for key in map(label_key, texts) if key}
    return frozenset(rows | column_labels())
