"""Cell values: how a number is written, and how written cell text becomes a number.

Readers return a ``Problem`` instead of raising: their answers are cached (the same few cell
texts fill most tables), and a cached exception would keep every traceback it was raised
through alive — rows, bindings and all.
"""

from __future__ import annotations

import enum
import functools
import re
import unicodedata
from decimal import Decimal

# Marks that say "not applicable" or "nothing to report": read as blank, never as zero.
NOT_APPLICABLE = frozenset({"", "/", "-", "—", "——", "--", "－", "无", "不适用", "\\"})
# Units written after a number in a cell (``21次``, ``127014元``).
UNITS = ("次", "件", "元", "万元", "个", "条", "项", "篇", "人次", "人")
UNIT_PATTERN = "|".join(sorted(UNITS, key=len, reverse=True))  # the longest unit first
_NUMBER = re.compile(
    r"(?P<sign>[+-]?)(?P<whole>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d+))?"
    f"(?P<unit>{UNIT_PATTERN})?"
)


# A number a converter split at a space between its <span>s (``2 9`` for 29, ``32102 3.114``
# for 321023.114, ``- 13`` for -13, ``5 79,363`` for 579,363), or two cells, or a blank dash
# and a number: readers decide which only where the text or the totals tell.
SPACED_NUMBERS = r"[+-]?\d[\d,]* \d[\d,]*(?:\.\d+)?|[+-] \d[\d,]*(?:\.\d+)?"


class Problem(enum.Enum):
    """Why a cell's text is not a value of its column."""

    NOT_A_NUMBER = "not-a-number"  # words, not a number or a not-applicable mark
    NOT_WHOLE = "not-whole"  # a count written with a fraction


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


@functools.lru_cache(maxsize=8192)
def read_amount(text: str) -> tuple[Decimal | Problem | None, str | None]:
    """An amount and the unit written with it: ``72235.00``, ``127014元``, ``1,234`` →
    ``Decimal``; blank marks → ``None``; words → ``Problem.NOT_A_NUMBER``."""
    compact = _compact(text)
    if compact in NOT_APPLICABLE:
        return None, None
    match = _NUMBER.fullmatch(compact)
    if match is None:
        return Problem.NOT_A_NUMBER, None
    digits = match["whole"].replace(",", "")
    frac = f".{match['frac']}" if match["frac"] else ""
    return Decimal(f"{match['sign']}{digits}{frac}"), match["unit"]


@functools.lru_cache(maxsize=8192)
def read_count(text: str) -> int | Problem | None:
    """``0``, ``  0``, ``0\\xa0``, ``21次``, ``+14``, ``-11`` → ``int``; blank marks → ``None``;
    a fraction (``1.5``) → ``Problem.NOT_WHOLE``; words → ``Problem.NOT_A_NUMBER``."""
    value, _unit = read_amount(text)
    if value is None or isinstance(value, Problem):
        return value
    if value != value.to_integral_value():
        return Problem.NOT_WHOLE
    return int(value)


def is_value(text: str) -> bool:
    """Whether a cell reads as a number or a not-applicable mark (rather than a label)."""
    return read_amount(text)[0] is not Problem.NOT_A_NUMBER
