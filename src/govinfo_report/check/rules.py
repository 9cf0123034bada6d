"""``validate``: the template's rules, as data over flat keys, and the findings they give.

The arithmetic rules are equations (left keys = right keys) generated once per edition from
the edition definitions. A rule that meets a blank cell does not call the report wrong: it says
it could not be checked. Codes are stable; docs/rules.md is the catalogue.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

from attrs import field, frozen

from govinfo_report.check.narrative import narrative
from govinfo_report.check.plausibility import plausibility
from govinfo_report.model import STANDARD_TABLES, Finding, Report, Severity
from govinfo_report.model.editions import (
    APPLICATION_COLUMNS,
    EDITIONS,
    REVIEW_GROUPS,
    REVIEW_LEAVES,
    SECTIONS,
    Edition,
    edition_for_year,
    is_under,
    join_key,
    parent_key,
    split_key,
)
from govinfo_report.model.keys import Value, flatten
from govinfo_report.model.names import TABLE_NAMES, cell_labels, cell_name, row_label


@frozen
class Equation:
    """``sum(left) == sum(right)``; the message template gets both sums."""

    code: str
    left: tuple[str, ...]
    right: tuple[str, ...]
    message: str  # with {left} and {right}
    subject: str  # what the rule checks, for the "could not be checked" warning
    keys: tuple[str, ...] = field(init=False, eq=False, repr=False)
    table: str = field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        # Worked out once per equation: validate() checks every equation of every report.
        keys = self.left + self.right
        object.__setattr__(self, "keys", keys)
        object.__setattr__(self, "table", split_key(keys[0])[0])


# --- The equations --------------------------------------------------------------------------


@functools.cache
def equations(edition: Edition) -> tuple[Equation, ...]:
    """Every arithmetic rule of the template for one edition."""
    spec = EDITIONS[edition]
    rows = [row.key for row in spec.application_rows]
    parts = [c.key for c in APPLICATION_COLUMNS[:-1]]
    found: list[Equation] = []
    for row in spec.application_rows:
        name = cell_labels(edition)[join_key("applications", row.key, "total")][0]
        found.append(
            Equation(
                "row-total",
                (join_key("applications", row.key, "total"),),
                tuple(join_key("applications", row.key, part) for part in parts),
                f"{TABLE_NAMES['applications']}, {name}: 总计 is {{left}}, but "
                "自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他 = {right}",
                f"the 总计 of {name}",
            )
        )
    outcome_rows = [r for r in rows if is_under(r, "outcomes") and r != "outcomes.total"]
    for column in APPLICATION_COLUMNS:
        found.append(
            Equation(
                "outcome-total",
                (join_key("applications", "outcomes", "total", column.key),),
                tuple(join_key("applications", r, column.key) for r in outcome_rows),
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
                (
                    join_key("applications", "new_received", c),
                    join_key("applications", "carried_over", c),
                ),
                (
                    join_key("applications", "outcomes", "total", c),
                    join_key("applications", "carried_forward", c),
                ),
                f"{TABLE_NAMES['applications']}, {column.label}: 一、本年新收 + 二、上年结转 = "
                "{left}, but 三（七）总计 + 四、结转下年度继续办理 = {right}",
                f"一 + 二 = 三（七） + 四 in column {column.label}",
            )
        )
    for group in REVIEW_GROUPS:
        name = cell_labels(edition)[join_key("review_litigation", group.key, "total")][0]
        leaves = [leaf.key for leaf in REVIEW_LEAVES[:-1]]
        found.append(
            Equation(
                "review-total",
                (join_key("review_litigation", group.key, "total"),),
                tuple(join_key("review_litigation", group.key, leaf) for leaf in leaves),
                f"{TABLE_NAMES['review_litigation']}, {name}: 总计 is {{left}}, but "
                "结果维持 + 结果纠正 + 其他结果 + 尚未审结 = {right}",
                f"the 总计 of {name}",
            )
        )
    return tuple(found)


@frozen
class _Plan:
    """All the equations' cells in one getter, and where each equation's sides stand in
    what it returns (as spans, and as slices for checking every rule at C speed): one
    lookup per report instead of one per rule."""

    pick: Callable[[dict[str, Value]], tuple[Any, ...]]
    spans: tuple[tuple[Equation, int, int, int], ...]
    lefts: tuple[slice, ...]
    rights: tuple[slice, ...]


@functools.cache
def _plan(edition: Edition) -> _Plan:
    spans: list[tuple[Equation, int, int, int]] = []
    start = 0
    for eq in equations(edition):
        spans.append((eq, start, start + len(eq.left), start + len(eq.keys)))
        start += len(eq.keys)
    return _Plan(
        operator.itemgetter(*(key for eq in equations(edition) for key in eq.keys)),
        tuple(spans),
        tuple(slice(a, b) for _eq, a, b, _c in spans),
        tuple(slice(b, c) for _eq, _a, b, c in spans),
    )


def _arithmetic(report: Report, flat: dict[str, Value]) -> Iterator[Finding]:
    plan = _plan(report.edition)
    values = plan.pick(flat)
    present = {name for name in STANDARD_TABLES if getattr(report, name) is not None}
    if None not in values and len(present) == len(STANDARD_TABLES):
        lefts = list(map(sum, map(values.__getitem__, plan.lefts)))
        if lefts == list(map(sum, map(values.__getitem__, plan.rights))):
            return  # every rule holds: the common case, decided without a loop per rule
    line_of = report.source.line_of
    for eq, start, split, end in plan.spans:
        if eq.table not in present:
            continue  # the table is missing: reported once, not per rule
        if None in values[start:end]:
            cells = zip(eq.keys, values[start:end], strict=True)
            blank = [key for key, value in cells if value is None]
            names = ", ".join(cell_name(report.edition, key) for key in blank)
            yield Finding(
                "unchecked",
                "warning",
                f"{eq.subject} could not be checked: blank {names}",
                tuple(blank),
                line_of(blank[0]),
            )
            continue
        left, right = sum(values[start:split]), sum(values[split:end])
        if left != right:
            message = eq.message.format(left=left, right=right)
            yield Finding(eq.code, "error", message, eq.keys, line_of(eq.keys[0]))


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
    "short-row": (
        "short-row",
        "warning",
        "{where}: the row has fewer numbers ({text}) than columns, and nothing says which "
        "column each belongs to (read as blank, not guessed)",
    ),
    "unclear-header": (
        "unclear-header",
        "warning",
        "{where}: the header above the row is only partly readable and does not say which "
        "column each number ({text}) is in (read as blank, not guessed)",
    ),
    "mixed-row": (
        "mixed-row",
        "warning",
        "{where}: the row's numbers have words among them ({text}), so which column each "
        "number is in is not known (read as blank, not guessed)",
    ),
    "converted": ("unit-converted", "warning", "{where}: {text!r} is in 元; read as {value} 万元"),
    "spaced-numbers": (
        "spaced-numbers",
        "warning",
        "{where}: the row has numbers one space apart ({text}), each one number a converter "
        "split or two cells, and no one reading adds up (read as blank, not guessed)",
    ),
    "spaced-numbers-confirmed": (
        "spaced-numbers",
        "warning",
        "{where}: the row has numbers one space apart ({text}); read as the one reading that "
        "gives a cell per column and that the row's totals confirm (placed by order)",
    ),
    "order-uncertain": (
        "order-uncertain",
        "warning",
        "{where}: the row's numbers ({text}) came over several lines, and nothing confirms "
        "their order: other rows' numbers strayed, or the totals do not all check; it may "
        "not be the columns' (check it)",
    ),
    "beside-stray-numbers": (
        "beside-stray-numbers",
        "warning",
        "{where}: a row with numbers that no row of the template took ({text}) stands next "
        "to this row: a number wrapped out of its cell, or numbers bound one row off; this "
        "row's numbers may not be its own (check it)",
    ),
    "label-by-neighbours": (
        "label-by-neighbours",
        "warning",
        "{where}: read from a row labelled {text!r}, no label of the template, standing where "
        "its neighbours leave this row and bearing its number (check the label)",
    ),
    "surplus-cells": (
        "surplus-cells",
        "warning",
        "{where}: read from a row with more cells than its table has columns, as the one run "
        "of them that the row's totals confirm (placed by order; not read: {text})",
    ),
    "surplus-row": (
        "surplus-row",
        "warning",
        "{where}: the row has more cells ({text}) than its table has columns, and no one "
        "reading of them adds up (read as blank, not guessed)",
    ),
}


_FILLED = functools.partial(operator.is_not, None)


def _values(report: Report, flat: dict[str, Value]) -> Iterator[Finding]:
    line_of = report.source.line_of
    filled: Iterator[int | Decimal] = filter(_FILLED, flat.values())  # type: ignore[arg-type]
    if min(filled, default=0) >= 0:
        negative: list[str] = []  # no negative cell: the common case, found at C speed
    else:
        negative = [key for key, value in flat.items() if value is not None and value < 0]
    for key in negative:
        value = flat[key]
        if not key.endswith(".change"):
            yield Finding(
                "negative-count",
                "error",
                f"{cell_name(report.edition, key)}: {value} is negative; only 本年增/减 may be",
                (key,),
                line_of(key),
            )
    for issue in report.source.cell_issues:
        code, severity, template = CELL_ISSUES[issue.problem]
        where = cell_name(report.edition, issue.key) if issue.key else "a row"
        value = flat.get(issue.key)
        message = template.format(where=where, text=issue.text, value=value)
        keys = (issue.key,) if issue.key else ()
        yield Finding(code, severity, message, keys, issue.line)


def _edition(report: Report) -> Iterator[Finding]:
    if report.source.edition_from != "labels":
        basis = (
            f"taken from the year {report.year}"
            if report.source.edition_from == "year"
            else "assumed, with no year either"
        )
        yield Finding(
            "edition-guessed",
            "warning",
            f"no table label says which edition this report follows: the {report.edition.value} "
            f"edition was {basis}; cells of the other edition's shape would be missing",
        )
    if report.source.foreign_labels:
        found = "、".join(report.source.foreign_labels)
        yield Finding(
            "mixed-edition",
            "warning",
            f"labels of another edition in a {report.edition.value}-edition report: {found}",
        )
    meant = edition_for_year(report.year)
    if report.year is not None and meant is not report.edition:
        yield Finding(
            "edition-year",
            "warning",
            f"a {report.year} report in the {report.edition.value} edition; the "
            f"{meant.value} edition applies to reports for {report.year}",
        )


@functools.cache
def _places(edition: Edition) -> dict[str, tuple[str, str]]:
    """Flat key → (its table, its row)."""
    return {key: (split_key(key)[0], parent_key(key)) for key in EDITIONS[edition].flat_keys()}


def _completeness(report: Report, flat: dict[str, Value]) -> Iterator[Finding]:
    titles = {section.title for section in report.sections}
    for definition in SECTIONS:
        if definition.title not in titles:
            yield Finding("missing-section", "warning", f"section {definition.title} is missing")
    for name in STANDARD_TABLES:
        if getattr(report, name) is None:
            keys = tuple(key for key in flat if is_under(key, name))
            yield Finding("missing-table", "warning", f"{TABLE_NAMES[name]} is missing", keys)
    absent = set(report.source.absent_rows)
    for row in report.source.absent_rows:
        keys = tuple(key for key in flat if is_under(key, row))
        label = row_label(report.edition, row) if row not in TABLE_NAMES else "the numbers"
        table = TABLE_NAMES[split_key(row)[0]]
        yield Finding("missing-rows", "warning", f"{table}: row {label} is missing", keys)
    blank_rows: dict[str, list[str]] = {}
    present = {name for name in STANDARD_TABLES if getattr(report, name) is not None} - absent
    places = _places(report.edition) if None in flat.values() else {}
    for key, (table, row) in places.items():
        if flat[key] is None and table in present and row not in absent:
            blank_rows.setdefault(row, []).append(key)
    for row, blank in blank_rows.items():
        columns = ", ".join(cell_labels(report.edition)[key][1] for key in blank)
        yield Finding(
            "blank-cells",
            "warning",
            f"{TABLE_NAMES[split_key(row)[0]]}, {cell_labels(report.edition)[blank[0]][0]}: "
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


def validate(report: Report, flat: dict[str, Value] | None = None) -> list[Finding]:
    """Every finding for one report: arithmetic, values, edition, completeness, and the
    narrative's figures against the tables'. ``flat`` is ``flatten(report)`` when the caller
    has it already (an export needs it too), read and never changed."""
    flat = flatten(report) if flat is None else flat
    return [
        *_arithmetic(report, flat),
        *_values(report, flat),
        *_edition(report),
        *_completeness(report, flat),
        *plausibility(report, flat),
        *narrative(report, flat),
    ]
