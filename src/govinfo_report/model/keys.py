"""Flat keys (``applications.outcomes.granted.total``) as paths into a ``Report``: reading
every cell (``flatten``) and building a table from its cells (``build_table``)."""

from __future__ import annotations

import functools
import operator
import typing
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

import attrs

from govinfo_report.model.editions import EDITIONS, Edition, StandardTable, join_key
from govinfo_report.model.report import Report
from govinfo_report.model.tables import Applications, Count, ReviewLitigation

Value = int | Decimal | None


@functools.cache
def _getters(edition: Edition) -> tuple[tuple[str, tuple[str, ...], Callable[[Any], Any]], ...]:
    """Per table: its keys and one C-level getter for all their paths, in template order."""
    by_table: dict[str, list[str]] = {}
    for key in EDITIONS[edition].flat_keys():
        table, _, rest = key.partition(".")
        by_table.setdefault(table, []).append(rest)
    found = []
    for table, rests in by_table.items():
        getter = operator.attrgetter(*rests)  # a tuple for two paths or more, else the value
        many = len(rests) > 1
        found.append(
            (table, tuple(join_key(table, r) for r in rests), getter if many else _one(getter))
        )
    return tuple(found)


def _one(getter: Callable[[Any], Any]) -> Callable[[Any], tuple[Any]]:
    return lambda node: (getter(node),)


def flatten(report: Report) -> dict[str, Value]:
    """Every cell of the report's edition under its flat key, in template order."""
    flat: dict[str, Value] = {}
    for table, keys, getter in _getters(report.edition):
        node = getattr(report, table)
        values = getter(node) if node is not None else (None,) * len(keys)
        flat.update(zip(keys, values, strict=True))
    return flat


@functools.cache
def _plan(cls: type[Any]) -> tuple[tuple[str, Any, bool], ...]:
    """Each field of an attrs class: name, type, and whether it is a nested attrs class."""
    hints = typing.get_type_hints(cls)
    return tuple(
        (field.name, hints[field.name], attrs.has(hints[field.name])) for field in attrs.fields(cls)
    )


Builder = Callable[[Mapping[str, Value]], Any]


def build_table(
    edition: Edition, table: StandardTable, cells: Mapping[str, Value], *, read: bool = False
) -> Any:
    """The ``table`` object of ``edition`` whose cells are ``cells``, keyed by flat keys
    without the table's name (``outcomes.granted.total``); cells not given stay blank.

    ``read=True`` is for cells the reader made (counts exact ``int``, never ``bool``): rows of
    counts that are equal then share one immutable object (most rows of most reports are all
    zeros or all blank), which the reader would otherwise build and validate again."""
    return _table_builder(edition, table, read)(cells)


@functools.cache
def _table_builder(edition: Edition, table: StandardTable, read: bool) -> Builder:
    spec = EDITIONS[edition]
    classes: dict[str, type[Any]] = {
        "active_disclosure": spec.disclosure_class,
        "applications": Applications,
        "review_litigation": ReviewLitigation,
    }
    # Table 三's one union-typed field: the edition says which class it is.
    choose = (("outcomes.other_handling", spec.other_handling_class),)
    chosen = choose if table == "applications" else ()
    return _builder(classes[table], chosen, "", read)  # type: ignore[arg-type]  # classes hash


@functools.cache
def _builder(cls: type[Any], choose: tuple[tuple[str, type], ...], at: str, share: bool) -> Builder:
    """A function building ``cls`` from flat keys, planned once per class: a parser builds
    the same forty objects for every report. Every cell field defaults to blank (``None``),
    so a key that is absent reads as ``cells.get(key)``."""
    parts: list[str | Builder] = []
    for name, hint, nested in _plan(cls):  # type: ignore[arg-type]  # classes hash
        path = at + name
        chosen = dict(choose).get(path)
        parts.append(
            _builder(chosen or hint, choose, path + ".", share)
            if chosen is not None or nested
            else path
        )
    if all(isinstance(part, str) for part in parts):  # a row of cells: the common case
        keys = tuple(str(part) for part in parts)
        counts_only = all(hint in (Count, int) for _name, hint, _nested in _plan(cls))  # type: ignore[arg-type]
        if share and counts_only:
            return _shared(cls, keys)
        return lambda cells: cls(*map(cells.get, keys))
    plan = tuple(parts)
    return lambda cells: cls(
        *[cells.get(part) if isinstance(part, str) else part(cells) for part in plan]
    )


def _shared(cls: type[Any], keys: tuple[str, ...]) -> Builder:
    """A builder that hands out one object per distinct row of exact counts (bounded)."""
    made: dict[tuple[Value, ...], Any] = {}

    def build(cells: Mapping[str, Value]) -> Any:
        values = tuple(map(cells.get, keys))
        found = made.get(values)
        if found is None:
            found = cls(*values)
            if len(made) < 4096:
                made[values] = found
        return found

    return build
