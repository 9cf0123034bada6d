"""Cell values: how a number is written, and how written cell text becomes a number."""

from __future__ import annotations

import functools
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


class NotWhole(NotAValue):
    """A count written with a fraction."""


def format_value(value: int | Decimal | None) -> str:
    """Numbers plainly (no grouping, no exponent, amounts keep their written precision);
    a blank cell stays empty."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


@functools.lru_cache(maxsize=8192)
def _read(text: str) -> Decimal | NotAValue | None:
    """What a cell's text says: a number, ``None`` for a blank mark, or ``NotAValue``.
    Cached: the same few cell texts (``0``, ``  0``, blank) fill most tables."""
    compact = "".join(unicodedata.normalize("NFKC", text).split())
    if compact in NOT_APPLICABLE:
        return None
    match = _NUMBER.fullmatch(compact)
    if match is None:
        return NotAValue(text)
    digits = match["whole"].replace(",", "")
    frac = f".{match['frac']}" if match["frac"] else ""
    return Decimal(f"{match['sign']}{digits}{frac}")


def is_value(text: str) -> bool:
    """Whether a cell reads as a number or a not-applicable mark (rather than a label)."""
    return not isinstance(_read(text), NotAValue)


def read_amount(text: str) -> Decimal | None:
    """``72235.00``, ``127014元``, ``1,234`` → ``Decimal``; blank marks → ``None``."""
    value = _read(text)
    if isinstance(value, NotAValue):
        raise value
    return value


@functools.lru_cache(maxsize=4096)
def read_amount_unit(text: str) -> tuple[Decimal | None, str | None]:
    """An amount and the unit written with it (``5000元`` → ``(Decimal(5000), "元")``)."""
    amount = read_amount(text)
    match = _NUMBER.fullmatch("".join(unicodedata.normalize("NFKC", text).split()))
    return amount, (match["unit"] if match else None)


def read_count(text: str) -> int | None:
    """``0``, ``  0``, ``0\xa0``, ``21次``, ``+14``, ``-11`` → ``int``; blank marks → ``None``.

    A count written with a non-zero fraction is not a count: ``NotAValue``.
    """
    value = count_or_problem(text)
    if isinstance(value, NotAValue):
        raise value
    return value


@functools.lru_cache(maxsize=8192)
def count_or_problem(text: str) -> int | NotAValue | None:
    """``read_count`` without raising: the problem is returned (cached, for hot loops)."""
    value = _read(text)
    if value is None or isinstance(value, NotAValue):
        return value
    if value != value.to_integral_value():
        return NotWhole(text)
    return int(value)
