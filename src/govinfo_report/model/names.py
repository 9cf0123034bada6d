"""What the template calls each table, row and cell: the Chinese labels that findings and
messages name cells by."""

from __future__ import annotations

import functools

from govinfo_report.model.editions import (
    APPLICATION_COLUMNS,
    EDITIONS,
    LITIGATION,
    REVIEW_GROUPS,
    REVIEW_LEAVES,
    Edition,
    join_key,
    parent_key,
)

TABLE_NAMES: dict[str, str] = {  # by StandardTable
    "active_disclosure": "table 二 (主动公开政府信息情况)",
    "applications": "table 三 (收到和处理政府信息公开申请情况)",
    "review_litigation": "table 四 (政府信息公开行政复议、行政诉讼情况)",
}


@functools.cache
def cell_labels(edition: Edition) -> dict[str, tuple[str, str]]:
    """Flat key → (row label, column label), as the template prints them."""
    spec = EDITIONS[edition]
    found: dict[str, tuple[str, str]] = {}
    for item in spec.items:
        for row in item.rows:
            for column in item.columns:
                key = join_key("active_disclosure", row.key, column.key)
                found[key] = (row.label, column.label)
    for row in spec.application_rows:
        name = f"{row.group} {row.label}" if row.group else row.label
        for column in APPLICATION_COLUMNS:
            found[join_key("applications", row.key, column.key)] = (name, column.label)
    for group in REVIEW_GROUPS:
        name = group.label if group is REVIEW_GROUPS[0] else f"{LITIGATION} / {group.label}"
        for leaf in REVIEW_LEAVES:
            found[join_key("review_litigation", group.key, leaf.key)] = (name, leaf.label)
    return found


def row_label(edition: Edition, row_key: str) -> str:
    """The label of a row (``applications.outcomes.granted`` → ``（一）予以公开``)."""
    for key, (row, _column) in cell_labels(edition).items():
        if parent_key(key) == row_key:
            return row
    return row_key


def cell_name(edition: Edition, key: str) -> str:
    """A cell by its labels, ``row / column``; the key itself when it names no cell."""
    row, column = cell_labels(edition).get(key, (key, ""))
    return f"{row} / {column}" if column else row
