"""Cell values: how a number is written, and how written cell text becomes a number."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

# Marks that say "not applicable" or "nothing to report": read as blank, never as zero.
NOT_APPLICABLE = frozenset({"", "/", "-", "—", "——", "--", "－", "无", "不适用", "\\"})
_NUMBER = re.compile(
    r"(?P<sign>[+-]?)(?P<whole>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d+))?"
    r"(?P<unit>次|件|元|万元|个|条|项|篇|人次|人)?"
)


class NotAValue(ValueError):
    """The cell holds words, not a number or a not-applicable mark."""


def format_value(value: int | Decimal | None) -> str:
    """Numbers plainly (no grouping, no exponent, amounts keep their written precision);
    a blank cell stays empty."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def _compact(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def is_value(text: str) -> bool:
    """Whether a cell reads as a number or a not-applicable mark (rather than a label)."""
    compact = _compact(text)
    return compact in NOT_APPLICABLE or _NUMBER.fullmatch(compact) is not None


def read_amount(text: str) -> Decimal | None:
    """``72235.00``, ``127014元``, ``1,234`` → ``Decimal``; blank marks → ``None``."""
    compact = _compact(text)
    if compact in NOT_APPLICABLE:
        return None
    match = _NUMBER.fullmatch(compact)
    if match is None:
        raise NotAValue(text)
    digits = match["whole"].replace(",", "")
    frac = f".{match['frac']}" if match["frac"] else ""
    return Decimal(f"{match['sign']}{digits}{frac}")


def read_count(text: str) -> int | None:
    """``0``, ``  0``, ``0\\xa0``, ``21次``, ``+14``, ``-11`` → ``int``; blank marks → ``None``.

    A count written with a non-zero fraction is not a count: ``NotAValue``.
    """
    amount = read_amount(text)
    if amount is None:
        return None
    if amount != amount.to_integral_value():
        raise NotAValue(text)
    return int(amount)
