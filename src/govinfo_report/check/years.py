"""``compare_years``: the same body's reports for two consecutive years, side by side;
``compare_series``: each body's reports in a folder, each year against the year before."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from decimal import Decimal

from attrs import frozen

from govinfo_report.model import EDITIONS, Finding, Report, Value, flatten
from govinfo_report.model.editions import APPLICATION_COLUMNS, join_key
from govinfo_report.model.names import cell_labels, cell_name


def _sum(values: list[Value]) -> int | Decimal:
    return sum((v for v in values if v is not None), start=0)


def compare_years(previous: Report, current: Report) -> list[Finding]:
    """Findings on the same body's reports for two consecutive years.

    This year's 二、上年结转 must equal last year's 四、结转下年度继续办理, column by column;
    for the 2021 edition, 现行有效件数 should carry on (last year's + 本年制发 − 本年废止),
    a warning only, since the template does not state it.
    """
    findings: list[Finding] = []
    years = (previous.year, current.year)
    if None not in years and current.year != (previous.year or 0) + 1:
        findings.append(
            Finding(
                "years-not-consecutive",
                "warning",
                f"the reports are for {previous.year} and {current.year}, not consecutive",
            )
        )
    if previous.organ and current.organ and _organ_key(previous.organ) != _organ_key(current.organ):
        findings.append(
            Finding(
                "different-organ",
                "warning",
                f"the reports name different bodies: {previous.organ} and {current.organ}",
            )
        )
    old, new = flatten(previous), flatten(current)
    line_of = current.source.line_of
    for column in APPLICATION_COLUMNS:
        before = join_key("applications", "carried_forward", column.key)
        now = join_key("applications", "carried_over", column.key)
        if old[before] is None or new[now] is None:
            findings.append(
                Finding(
                    "unchecked",
                    "warning",
                    f"carry-over in column {column.label} could not be checked: blank "
                    + (
                        "last year's 四、结转下年度继续办理"
                        if old[before] is None
                        else "二、上年结转"
                    ),
                    (now,),
                    line_of(now),
                )
            )
        elif old[before] != new[now]:
            findings.append(
                Finding(
                    "carry-over",
                    "error",
                    f"二、上年结转政府信息公开申请数量 / {column.label} is {new[now]}, but "
                    f"last year's 四、结转下年度继续办理 was {old[before]}",
                    (now,),
                    line_of(now),
                )
            )
    if previous.edition is current.edition:
        findings += _continuity(old, new, current)
    return findings


def _continuity(old: dict[str, Value], new: dict[str, Value], current: Report) -> list[Finding]:
    """Stocks the edition says carry on (现行有效件数): a warning only, since the template
    does not state the rule."""
    findings = []
    labels = cell_labels(current.edition)
    for rule in EDITIONS[current.edition].continuity:
        stock, added, removed = (
            join_key("active_disclosure", rule.row, column)
            for column in (rule.stock, rule.added, rule.removed)
        )
        parts = [old[stock], new[added], new[removed]]
        stated = new[stock]
        if stated is None or None in parts:
            continue
        expected = _sum(parts[:2]) - _sum(parts[2:])
        if stated != expected:
            findings.append(
                Finding(
                    "in-force-continuity",
                    "warning",
                    f"{cell_name(current.edition, stock)} is {stated}, but last year's "
                    f"{parts[0]} + {labels[added][1]} {parts[1]} − {labels[removed][1]} "
                    f"{parts[2]} = {expected}",
                    (stock,),
                    current.source.line_of(stock),
                )
            )
    return findings


# --- A folder of reports: each body's years in a row ----------------------------------------


@frozen
class Paired:
    """A finding on the report in ``path`` found against the one in ``previous`` (the same
    body's report for the year before, or a second, different report for the same year)."""

    path: str
    previous: str
    finding: Finding


def compare_series(reports: Iterable[tuple[str, Report]]) -> list[Paired]:
    """``compare_years`` for each body's reports, each against the one for the year before.

    Reports are grouped by the body their titles name; a report without organ or year has no
    place in a series. Copies of one report (equal content, e.g. in two layouts) count once;
    two different reports for the same body and year give a ``same-year`` warning, and that
    year is compared with neither neighbour, since which one is meant is not known.
    """
    series: dict[str, dict[int, list[tuple[str, Report]]]] = {}
    for path, report in reports:
        if report.organ is None or report.year is None:
            continue
        years = series.setdefault(_organ_key(report.organ), {})
        years.setdefault(report.year, []).append((path, report))
    found: list[Paired] = []
    for years in series.values():
        chosen: dict[int, tuple[str, Report]] = {}
        for year in sorted(years):
            first, *others = years[year]
            different = [path for path, report in others if report != first[1]]
            if different:
                message = (
                    f"two different reports for {first[1].organ} {year}: {first[0]} and "
                    f"{', '.join(different)}; this year is not compared with the years around it"
                )
                warning = Finding("same-year", "warning", message)
                found.append(Paired(first[0], different[0], warning))
                continue
            chosen[year] = first
            if year - 1 in chosen:
                (before, earlier), (now, later) = chosen[year - 1], first
                found += [Paired(now, before, f) for f in compare_years(earlier, later)]
    return found


def _organ_key(organ: str) -> str:
    """One body however its name is spaced or its characters' widths written."""
    return "".join(unicodedata.normalize("NFKC", organ).split())
