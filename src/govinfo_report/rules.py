"""``validate``: the template's rules, as data over flat keys, and the findings they give.

The arithmetic rules are equations (left keys = right keys) generated once per edition from
the edition definitions. A rule that meets a blank cell does not call the report wrong: it says
it could not be checked. Codes are stable; docs/rules.md is the catalogue.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from decimal import Decimal
from typing import Literal

from attrs import frozen

from .editions import (
    APPLICATION_COLUMNS,
    EDITIONS,
    LITIGATION,
    REVIEW_GROUPS,
    REVIEW_LEAVES,
    SECTIONS,
)
from .model import STANDARD_TABLES, Edition, Report
from .paths import Value, flatten

Severity = Literal["error", "warning"]

TABLE_NAMES = {
    "active_disclosure": "table 二 (主动公开政府信息情况)",
    "applications": "table 三 (收到和处理政府信息公开申请情况)",
    "review_litigation": "table 四 (政府信息公开行政复议、行政诉讼情况)",
}


@frozen
class Finding:
    """One broken or uncheckable rule: what, how bad, where, and which cells."""

    code: str
    severity: Severity
    message: str
    keys: tuple[str, ...] = ()
    line: int | None = None


@frozen
class Equation:
    """``sum(left) == sum(right)``; the message template gets both sums."""

    code: str
    left: tuple[str, ...]
    right: tuple[str, ...]
    message: str  # with {left} and {right}
    subject: str  # what the rule checks, for the "could not be checked" warning


# --- Labels of every key, for messages --------------------------------------------------------


@functools.cache
def labels(edition: Edition) -> dict[str, tuple[str, str]]:
    """Flat key → (row label, column label), as the template prints them."""
    spec = EDITIONS[edition]
    found: dict[str, tuple[str, str]] = {}
    for item in spec.items:
        for row in item.rows:
            for column in item.columns:
                found[f"active_disclosure.{row.key}.{column.key}"] = (row.label, column.label)
    for row in spec.application_rows:
        name = f"{row.group} {row.label}" if row.group else row.label
        for column in APPLICATION_COLUMNS:
            found[f"applications.{row.key}.{column.key}"] = (name, column.label)
    for group in REVIEW_GROUPS:
        name = group.label if group is REVIEW_GROUPS[0] else f"{LITIGATION} / {group.label}"
        for leaf in REVIEW_LEAVES:
            found[f"review_litigation.{group.key}.{leaf.key}"] = (name, leaf.label)
    return found


def row_label(edition: Edition, row_key: str) -> str:
    """The label of a row (``applications.outcomes.granted`` → ``（一）予以公开``)."""
    for key, (row, _column) in labels(edition).items():
        if key.rpartition(".")[0] == row_key:
            return row
    return row_key


def _cell(edition: Edition, key: str) -> str:
    row, column = labels(edition).get(key, (key, ""))
    return f"{row} / {column}" if column else row


# --- The equations --------------------------------------------------------------------------


@functools.cache
def equations(edition: Edition) -> tuple[Equation, ...]:
    """Every arithmetic rule of the template for one edition."""
    spec = EDITIONS[edition]
    rows = [row.key for row in spec.application_rows]
    parts = [c.key for c in APPLICATION_COLUMNS[:-1]]
    found: list[Equation] = []
    for row in spec.application_rows:
        name = labels(edition)[f"applications.{row.key}.total"][0]
        found.append(
            Equation(
                "row-total",
                (f"applications.{row.key}.total",),
                tuple(f"applications.{row.key}.{part}" for part in parts),
                f"{TABLE_NAMES['applications']}, {name}: 总计 is {{left}}, but "
                "自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他 = {right}",
                f"the 总计 of {name}",
            )
        )
    outcome_rows = [r for r in rows if r.startswith("outcomes.") and r != "outcomes.total"]
    for column in APPLICATION_COLUMNS:
        found.append(
            Equation(
                "outcome-total",
                (f"applications.outcomes.total.{column.key}",),
                tuple(f"applications.{r}.{column.key}" for r in outcome_rows),
                f"{TABLE_NAMES['applications']}, （七）总计 / {column.label}: {{left}}, but "
                "the outcome rows （一） to （六） add up to {right}",
                f"（七）总计 / {column.label}",
            )
        )
    for column in APPLICATION_COLUMNS:
        c = column.key
        found.append(
            Equation(
                "balance",
                (f"applications.new_received.{c}", f"applications.carried_over.{c}"),
                (f"applications.outcomes.total.{c}", f"applications.carried_forward.{c}"),
                f"{TABLE_NAMES['applications']}, {column.label}: 一、本年新收 + 二、上年结转 = "
                "{left}, but 三（七）总计 + 四、结转下年度继续办理 = {right}",
                f"一 + 二 = 三（七） + 四 in column {column.label}",
            )
        )
    for group in REVIEW_GROUPS:
        name = labels(edition)[f"review_litigation.{group.key}.total"][0]
        leaves = [leaf.key for leaf in REVIEW_LEAVES[:-1]]
        found.append(
            Equation(
                "review-total",
                (f"review_litigation.{group.key}.total",),
                tuple(f"review_litigation.{group.key}.{leaf}" for leaf in leaves),
                f"{TABLE_NAMES['review_litigation']}, {name}: 总计 is {{left}}, but "
                "结果维持 + 结果纠正 + 其他结果 + 尚未审结 = {right}",
                f"the 总计 of {name}",
            )
        )
    return tuple(found)


def _sum(values: list[Value]) -> int | Decimal:
    return sum((v for v in values if v is not None), start=0)


def _arithmetic(report: Report, flat: dict[str, Value]) -> Iterator[Finding]:
    line_of = report.source.line_of
    for eq in equations(report.edition):
        if getattr(report, eq.left[0].partition(".")[0]) is None:
            continue  # the table is missing: reported once, not per rule
        keys = eq.left + eq.right
        values = [flat[key] for key in keys]
        if None in values:
            blank = [key for key, value in zip(keys, values, strict=True) if value is None]
            names = ", ".join(_cell(report.edition, key) for key in blank)
            yield Finding(
                "unchecked",
                "warning",
                f"{eq.subject} could not be checked: blank {names}",
                tuple(blank),
                line_of(blank[0]),
            )
            continue
        left, right = sum(values[: len(eq.left)]), sum(values[len(eq.left) :])  # type: ignore[arg-type]
        if left != right:
            message = eq.message.format(left=left, right=right)
            yield Finding(eq.code, "error", message, keys, line_of(keys[0]))


# --- Values, edition, completeness ---------------------------------------------------------

# What the parser could not read with certainty: problem → (code, severity, message).
CELL_ISSUES: dict[str, tuple[str, Severity, str]] = {
    "not-whole": (
        "not-whole",
        "error",
        "{where}: {text!r} is not a whole number; only amounts may have decimals (read as blank)",
    ),
    "not-a-number": (
        "unreadable-cell",
        "warning",
        "{where}: {text!r} is not a number (read as blank)",
    ),
    "missing-cell": (
        "missing-cell",
        "warning",
        "{where}: the row has no cell for it (read as blank)",
    ),
    "converted": ("unit-converted", "warning", "{where}: {text!r} is in 元; read as {value} 万元"),
    "surplus-cells": (
        "surplus-cells",
        "warning",
        "{where} has more cells than its table has columns; not read: {text}",
    ),
}


def _values(report: Report, flat: dict[str, Value]) -> Iterator[Finding]:
    line_of = report.source.line_of
    for key, value in flat.items():
        if value is not None and value < 0 and not key.endswith(".change"):
            yield Finding(
                "negative-count",
                "error",
                f"{_cell(report.edition, key)}: {value} is negative; only 本年增/减 may be",
                (key,),
                line_of(key),
            )
    for issue in report.source.cell_issues:
        code, severity, template = CELL_ISSUES[issue.problem]
        where = _cell(report.edition, issue.key) if issue.key else "a row"
        value = flat.get(issue.key)
        message = template.format(where=where, text=issue.text, value=value)
        keys = (issue.key,) if issue.key else ()
        yield Finding(code, severity, message, keys, issue.line)


def _edition(report: Report) -> Iterator[Finding]:
    if report.source.foreign_labels:
        found = "、".join(report.source.foreign_labels)
        yield Finding(
            "mixed-edition",
            "warning",
            f"labels of another edition in a {report.edition.value}-edition report: {found}",
        )
    if report.edition is Edition.E2019 and report.year is not None and report.year >= 2021:
        yield Finding(
            "edition-year",
            "warning",
            f"a {report.year} report in the 2019 edition; from 2021 on the 2021 edition "
            "(国办公开办函〔2021〕30号) applies",
        )


@functools.cache
def _places(edition: Edition) -> dict[str, tuple[str, str]]:
    """Flat key → (its table, its row)."""
    return {
        key: (key.partition(".")[0], key.rpartition(".")[0])
        for key in EDITIONS[edition].flat_keys()
    }


def _completeness(report: Report, flat: dict[str, Value]) -> Iterator[Finding]:
    titles = {section.title for section in report.sections}
    for definition in SECTIONS:
        if definition.title not in titles:
            yield Finding("missing-section", "warning", f"section {definition.title} is missing")
    for name in STANDARD_TABLES:
        if getattr(report, name) is None:
            keys = tuple(key for key in flat if key.startswith(name + "."))
            yield Finding("missing-table", "warning", f"{TABLE_NAMES[name]} is missing", keys)
    absent = set(report.source.absent_rows)
    for row in report.source.absent_rows:
        keys = tuple(key for key in flat if key.startswith(row + "."))
        label = row_label(report.edition, row) if row not in TABLE_NAMES else "the numbers"
        table = TABLE_NAMES[row.partition(".")[0]]
        yield Finding("missing-rows", "warning", f"{table}: row {label} is missing", keys)
    blank_rows: dict[str, list[str]] = {}
    present = {name for name in STANDARD_TABLES if getattr(report, name) is not None} - absent
    for key, (table, row) in _places(report.edition).items():
        if flat[key] is None and table in present and row not in absent:
            blank_rows.setdefault(row, []).append(key)
    for row, blank in blank_rows.items():
        columns = ", ".join(labels(report.edition)[key][1] for key in blank)
        yield Finding(
            "blank-cells",
            "warning",
            f"{TABLE_NAMES[row.partition('.')[0]]}, {labels(report.edition)[blank[0]][0]}: "
            f"blank in {columns}",
            tuple(blank),
            report.source.line_of(row),
        )
    for unplaced in report.unplaced:
        cells = " | ".join(unplaced.cells)
        yield Finding(
            "unplaced-row",
            "warning",
            f"{TABLE_NAMES[unplaced.table]}: a row could not be placed ({unplaced.reason}): "
            f"{cells}",
            (),
            unplaced.line,
        )


def validate(report: Report) -> list[Finding]:
    """Every finding for one report: arithmetic, values, edition, completeness."""
    flat = flatten(report)
    return [
        *_arithmetic(report, flat),
        *_values(report, flat),
        *_edition(report),
        *_completeness(report, flat),
    ]


# --- Across years -----------------------------------------------------------------------------


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
    if previous.organ and current.organ and previous.organ != current.organ:
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
        before = f"applications.carried_forward.{column.key}"
        now = f"applications.carried_over.{column.key}"
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
    if previous.edition is Edition.E2021 and current.edition is Edition.E2021:
        findings += _in_force(old, new, current)
    return findings


def _in_force(old: dict[str, Value], new: dict[str, Value], current: Report) -> list[Finding]:
    findings = []
    for row in ("regulations", "normative_documents"):
        key = f"active_disclosure.{row}."
        parts = [old[key + "in_force"], new[key + "issued"], new[key + "repealed"]]
        stated = new[key + "in_force"]
        if stated is None or None in parts:
            continue
        expected = _sum(parts[:2]) - _sum(parts[2:])
        if stated != expected:
            name = row_label(current.edition, "active_disclosure." + row)
            findings.append(
                Finding(
                    "in-force-continuity",
                    "warning",
                    f"{name} / 现行有效件数 is {stated}, but last year's {parts[0]} + 本年制发件数 "
                    f"{parts[1]} − 本年废止件数 {parts[2]} = {expected}",
                    (key + "in_force",),
                    current.source.line_of(key + "in_force"),
                )
            )
    return findings
