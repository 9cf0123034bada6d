"""What the template calls each table, row and cell: the Chinese labels that findings and
messages name cells by."""

from __future__ import annotations

import functools

from govinfo_report.model.editions import (
    APPLICATION_COLUMNS,
    EDITIONS,
    LEGAL_PERSONS,
    LITIGATION,
    REVIEW_GROUPS,
    REVIEW_LEAVES,
    SECTIONS,
    Edition,
    join_key,
    parent_key,
)
from govinfo_report.model.numerals import to_chinese

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


# The sections that hold the standard tables, as the template numbers them.
_TABLE_SECTIONS = {"active_disclosure": 2, "applications": 3, "review_litigation": 4}


def _table_title(table: str) -> str:
    number = _TABLE_SECTIONS[table]
    return f"{to_chinese(number)}、{SECTIONS[number - 1].title}"


@functools.cache
def label_paths(edition: Edition) -> dict[str, tuple[str, ...]]:
    """Flat key → the template's labels from the table down to the column: the table's
    section, the item caption or the row's part and group, the row, the column's group, the
    column."""
    spec = EDITIONS[edition]
    found: dict[str, tuple[str, ...]] = {}
    title = _table_title("active_disclosure")
    for item in spec.items:
        for row in item.rows:
            for column in item.columns:
                key = join_key("active_disclosure", row.key, column.key)
                found[key] = (title, item.caption, row.label, column.label)
    title = _table_title("applications")
    legal = {column.key for column in APPLICATION_COLUMNS[1:-1]}
    for row in spec.application_rows:
        head = tuple(part for part in (row.part, row.group) if part)
        for column in APPLICATION_COLUMNS:
            under = (LEGAL_PERSONS,) if column.key in legal else ()
            key = join_key("applications", row.key, column.key)
            found[key] = (title, *head, row.label, *under, column.label)
    title = _table_title("review_litigation")
    for group in REVIEW_GROUPS:
        head = (group.label,) if group is REVIEW_GROUPS[0] else (LITIGATION, group.label)
        for leaf in REVIEW_LEAVES:
            key = join_key("review_litigation", group.key, leaf.key)
            found[key] = (title, *head, leaf.label)
    return found


def describe(key: str, edition: Edition | None = None) -> str:
    """A flat key in the template's words, table / row / column:
    ``applications.new_received.natural_person`` → ``三、收到和处理政府信息公开申请情况 /
    一、本年新收政府信息公开申请数量 / 自然人`` (the five columns under 法人或其他组织 are
    named under it: ``… / 法人或其他组织 / 商业企业``). A key both editions hold is
    named as the newest edition (or ``edition``) labels it; ``KeyError`` for any other key.
    """
    editions = [edition] if edition is not None else _newest_first()
    for candidate in editions:
        path = label_paths(candidate).get(key)
        if path is not None:
            return " / ".join(path)
    where = f"the {edition.value} edition" if edition else "either template edition"
    raise KeyError(
        f"{key!r} is not a flat key of {where}: keys look like "
        "'applications.new_received.natural_person' (see docs/schema.md)"
    )


def _newest_first() -> list[Edition]:
    return [spec.edition for spec in sorted(EDITIONS.values(), key=lambda s: -s.first_year)]
