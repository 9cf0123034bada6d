"""Flat keys (``applications.outcomes.granted.total``) as paths into a ``Report``."""

from __future__ import annotations

from decimal import Decimal

from .editions import EDITIONS
from .model import Report

Value = int | Decimal | None


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


def flatten(report: Report) -> dict[str, Value]:
    """Every cell of the report's edition under its flat key, in template order."""
    return {key: cell_value(report, key) for key in EDITIONS[report.edition].flat_keys()}
