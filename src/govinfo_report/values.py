"""Cell values written as text: the one place that decides how a number looks."""

from __future__ import annotations

from decimal import Decimal


def format_value(value: int | Decimal | None) -> str:
    """Numbers plainly (no grouping, no exponent, amounts keep their written precision);
    a blank cell stays empty."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)
