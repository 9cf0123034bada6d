"""Flat keys (``applications.outcomes.granted.total``) as paths into a ``Report``."""

from __future__ import annotations

import functools
import operator
import typing
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, TypeVar

import attrs

from .editions import EDITIONS
from .model import Edition, Report

Value = int | Decimal | None
T = TypeVar("T")


def cell_value(report: Report, key: str) -> Value:
    """The cell at ``key``; ``None`` when blank or when its table is absent."""
    node: object = report
    for part in key.split("."):
        node = getattr(node, part)
        if node is None:
            return None
    if not isinstance(node, (int, Decimal)):
        raise KeyError(f"{key} is not a cell")
    return node


@functools.cache
def _getters(edition: Edition) -> tuple[tuple[str, str, Callable[[Any], Value]], ...]:
    """Per key: its table and a C-level getter for the rest of its path."""
    found = []
    for key in EDITIONS[edition].flat_keys():
        table, _, rest = key.partition(".")
        found.append((key, table, operator.attrgetter(rest)))
    return tuple(found)


def flatten(report: Report) -> dict[str, Value]:
    """Every cell of the report's edition under its flat key, in template order."""
    tables = {
        "active_disclosure": report.active_disclosure,
        "applications": report.applications,
        "review_litigation": report.review_litigation,
    }
    return {
        key: None if tables[table] is None else getter(tables[table])
        for key, table, getter in _getters(report.edition)
    }


@functools.cache
def _plan(cls: type[Any]) -> tuple[tuple[str, Any, bool], ...]:
    """Each field of an attrs class: name, type, and whether it is a nested attrs class."""
    hints = typing.get_type_hints(cls)
    return tuple(
        (field.name, hints[field.name], attrs.has(hints[field.name])) for field in attrs.fields(cls)
    )


Builder = Callable[[Mapping[str, Value]], Any]


def build(cls: type[T], cells: Mapping[str, Value], choose: Mapping[str, type] | None = None) -> T:
    """The attrs object of ``cls`` whose cells are ``cells`` (flat keys relative to ``cls``);
    cells not given stay blank. ``choose`` picks the class of union-typed fields by path."""
    chosen = tuple(sorted((choose or {}).items(), key=lambda item: item[0]))
    make = _builder(cls, chosen, "")  # type: ignore[arg-type]
    return make(cells)  # type: ignore[no-any-return]


@functools.cache
def _builder(cls: type[Any], choose: tuple[tuple[str, type], ...], at: str) -> Builder:
    """A function building ``cls`` from flat keys, planned once per class: a parser builds
    the same forty objects for every report. Every cell field defaults to blank (``None``),
    so a key that is absent reads as ``cells.get(key)``."""
    parts: list[str | Builder] = []
    for name, hint, nested in _plan(cls):  # type: ignore[arg-type]
        path = at + name
        chosen = dict(choose).get(path)
        parts.append(
            _builder(chosen or hint, choose, path + ".") if chosen is not None or nested else path
        )
    if all(isinstance(part, str) for part in parts):  # a row of cells: the common case
        keys = tuple(str(part) for part in parts)
        return lambda cells: cls(*map(cells.get, keys))
    plan = tuple(parts)
    return lambda cells: cls(
        *[cells.get(part) if isinstance(part, str) else part(cells) for part in plan]
    )
