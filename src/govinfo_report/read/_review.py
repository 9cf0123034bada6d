"""Binding table 四: header rows of known labels, then its fifteen values — or one small
table per group, each group's label, header and five values."""

from __future__ import annotations

from collections.abc import Sequence

from govinfo_report.model import Edition, ReviewLitigation
from govinfo_report.model.editions import REVIEW_GROUPS, REVIEW_LEAVES, Column, join_key
from govinfo_report.model.keys import build_table
from govinfo_report.model.labels import label_key
from govinfo_report.read._binding import Binding
from govinfo_report.read._grammar import RawRow
from govinfo_report.read._indexes import REVIEW_GROUP_KEYS, REVIEW_HEADERS
from govinfo_report.read._rows import GatheredRow, gather_numbers, trim
from govinfo_report.read._totals import GROUP_TOTALS, confirmed_reading, totals_hold


def _group_named(labels: list[str]) -> Column | None:
    """The one group of table 四 a header row names on its own (行政复议 standing alone above
    its five columns, as when the table is printed one small table per group)."""
    return REVIEW_GROUP_KEYS.get(labels[0]) if len(labels) == 1 else None


def bind_review(rows: Sequence[RawRow], _edition: Edition) -> tuple[ReviewLitigation, Binding]:
    """Table 四: header rows of known labels, then one row of fifteen values — or, printed
    as one small table per group, each group's label, its header and its five values."""
    binding = Binding("review_litigation")
    keys = [join_key(g.key, leaf.key) for g in REVIEW_GROUPS for leaf in REVIEW_LEAVES]
    group: Column | None = None  # the group a header row named alone, for the rows below
    named: set[str] = set()  # the groups header rows named since the last values
    for row in gather_numbers(rows):
        labels = [label_key(cell) for cell in row.cells if cell]
        if None not in row.shape:  # no value cell: a header row, or words
            if any(label not in REVIEW_HEADERS for label in labels):
                binding.reject(row, "row label not in table 四")
            elif any(label in REVIEW_GROUP_KEYS for label in labels):
                named.update(label for label in labels if label in REVIEW_GROUP_KEYS)
                # A header naming several groups, on one line or one per line (PDF text
                # without layout), is the whole table's; one group alone, that group's.
                group = _group_named(labels) if len(named) == 1 else None
            continue
        named = set()
        known = [
            i for i, cell in enumerate(row.cells) if cell and label_key(cell) in REVIEW_HEADERS
        ]
        values = tuple(row.cells[known[-1] + 1 if known else 0 :])
        if known and values[:1] == ("",) and len(trim(values)) == len(keys):
            # Header and numbers on one line (antiword glues a header row to the values):
            # the empty cell after the last header word is a blank 结果维持 or the seam
            # between the two rows, which shifts every number. The groups' totals decide.
            if binding.claim(row, "values"):
                _seam(binding, row, keys, values)
            continue
        if group is not None and sum(map(bool, values)) <= len(REVIEW_LEAVES):
            if binding.claim(row, group.key):
                leaves = tuple(join_key(group.key, leaf.key) for leaf in REVIEW_LEAVES)
                binding.fill(row, leaves, values, GROUP_TOTALS[:1])
            continue
        if not binding.claim(row, "values"):  # one row of numbers: the whole table
            continue
        binding.fill(row, keys, values, GROUP_TOTALS)
        read = [binding.cells.get(key) for key in keys] if isinstance(row, GatheredRow) else []
        if read and not totals_hold(read, GROUP_TOTALS):
            # Numbers gathered from several lines (PDF text: a row's cells over lines or
            # blocks, in reading order): with a total blank or broken, nothing confirms
            # that their order is the columns'.
            written = " ".join(cell for cell in values if cell)
            binding.named(row, keys, written, "order-uncertain")
    if not {g.key for g in REVIEW_GROUPS} & set(binding.row_lines):
        binding.absent_rows = binding.absent(["values"])
    elif "values" not in binding.row_lines:
        binding.absent_rows = binding.absent([g.key for g in REVIEW_GROUPS])
    return build_table(_edition, "review_litigation", binding.cells, read=True), binding


def _seam(binding: Binding, row: RawRow, keys: list[str], values: tuple[str, ...]) -> None:
    """The row read with its first empty cell as 结果维持's, or as a seam: the one reading the
    groups' totals confirm, named; with none, every cell blank and named."""
    width = len(keys)
    readings = [(*cells, *[""] * (width - len(cells))) for cells in (values[:width], values[1:])]
    chosen = confirmed_reading([reading[:width] for reading in readings], GROUP_TOTALS)
    if chosen is None:
        binding.mixed(row, keys, " ".join(cell for cell in values if cell))
        return
    binding.fill(row, keys, readings[chosen][:width])
    skipped = "the empty cell after the header" if chosen else "none"
    binding.named(row, keys, skipped, "surplus-cells")
