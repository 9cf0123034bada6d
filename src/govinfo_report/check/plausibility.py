"""Rules real reports almost never break and misplaced columns do: a warning, never an
error (the template does not state them), naming both cells so a reader can look."""

from __future__ import annotations

import functools
from collections.abc import Iterator

from govinfo_report.model import Finding, Report
from govinfo_report.model.editions import EDITIONS, Edition, join_key
from govinfo_report.model.keys import Value
from govinfo_report.model.names import cell_name

# (edition, table-二 column that should not exceed, column it should not exceed): in 2019,
# what was published in total cannot be less than what was published this year.
AT_MOST = ((Edition.E2019, "new_published", "total_published"),)


@functools.cache
def _pairs(edition: Edition) -> tuple[tuple[str, str], ...]:
    """The (should not exceed, bound) cell pairs of an edition, worked out once."""
    pairs = []
    for rule_edition, small, large in AT_MOST:
        if rule_edition is not edition:
            continue
        for item in EDITIONS[edition].items:
            if {small, large} <= {column.key for column in item.columns}:
                for row in item.rows:
                    row_key = join_key("active_disclosure", row.key)
                    pairs.append((join_key(row_key, small), join_key(row_key, large)))
    return tuple(pairs)


def plausibility(report: Report, flat: dict[str, Value]) -> Iterator[Finding]:
    """``implausible`` where a cell exceeds one it should not (both filled)."""
    for small, large in _pairs(report.edition):
        below, above = flat[small], flat[large]
        if below is not None and above is not None and below > above:
            yield Finding(
                "implausible",
                "warning",
                f"{cell_name(report.edition, large)} is {above}, less than "
                f"{cell_name(report.edition, small)} ({below}): real reports almost never "
                "have this; a column may be misplaced",
                (small, large),
                report.source.line_of(large),
            )
