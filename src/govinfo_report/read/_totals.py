"""The template's sums within one row — table 三's 总计, table 四's three groups' 总计 — and
whether a row's cells keep them: what confirms a reading of a row by position."""

from __future__ import annotations

from collections.abc import Sequence

from govinfo_report.model import Value
from govinfo_report.model.editions import APPLICATION_COLUMNS, REVIEW_GROUPS, REVIEW_LEAVES
from govinfo_report.model.values import Problem, read_count

# Sums within a row's cells: (positions of the parts, position of their total).
Totals = tuple[tuple[tuple[int, ...], int], ...]

# What confirms a reading of a row by position: table 三's row rule (六 parts, then 总计)
# and table 四's groups' rules (四 leaves, then 总计, three times).
ROW_TOTAL: Totals = ((tuple(range(len(APPLICATION_COLUMNS) - 1)), len(APPLICATION_COLUMNS) - 1),)
_LEAVES = len(REVIEW_LEAVES)
GROUP_TOTALS: Totals = tuple(
    (tuple(range(g * _LEAVES, g * _LEAVES + _LEAVES - 1)), g * _LEAVES + _LEAVES - 1)
    for g in range(len(REVIEW_GROUPS))
)


def counts(texts: Sequence[str]) -> tuple[int | None, ...] | None:
    """Cells read as counts (``None`` for a blank one), or ``None`` when one is no count."""
    values = tuple(map(read_count, texts))
    return None if any(isinstance(v, Problem) for v in values) else values  # type: ignore[return-value]


def adds_up(cells: Sequence[str], totals: Totals) -> bool:
    """Whether every total holds, a blank part counting as nothing (a blank total: no)."""
    values = counts(cells)
    return values is not None and totals_hold(values, totals)


def totals_hold(values: Sequence[Value], totals: Totals) -> bool:
    """``adds_up`` for values already read: every total there, and the sum of its parts."""
    checks = total_checks(values, totals)
    return bool(checks) and all(check is True for check in checks)


def total_checks(values: Sequence[Value], totals: Totals) -> list[bool | None]:
    """Each total's check: ``None`` where it is blank, else whether its parts (a blank one
    counting as nothing) add up to it."""
    return [
        None if values[total] is None else sum(values[p] or 0 for p in parts) == values[total]
        for parts, total in totals
    ]


def confirmed_reading(readings: Sequence[Sequence[str]], totals: Totals) -> int | None:
    """Which of some readings of a row the totals confirm: under it every total that is
    there holds (one at least), and every other reading breaks one. ``None`` when no reading
    or more than one passes, or a passing one is not the only one left standing."""
    passing, broken = [], 0
    for at, cells in enumerate(readings):
        values = counts(cells)
        if values is None:
            continue
        checks = [check for check in total_checks(values, totals) if check is not None]
        if checks and all(checks):
            passing.append(at)
        elif not all(checks):
            broken += 1
    return passing[0] if len(passing) == 1 and broken == len(readings) - 1 else None
