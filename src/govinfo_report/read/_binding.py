"""A table's cells as rows give them: each value read once, and every cell that cannot be
read with certainty left blank and named (a ``CellIssue``), never placed by rank."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from decimal import Decimal

from govinfo_report.model import CellIssue, CellProblem, StandardTable, UnplacedRow, Value
from govinfo_report.model.editions import join_key
from govinfo_report.model.values import SPACED_NUMBERS, Problem, is_value, read_amount, read_count
from govinfo_report.read._grammar import RawRow
from govinfo_report.read._rows import fit, trim
from govinfo_report.read._totals import Totals, adds_up, counts


class Binding:
    """One table's cells, where its rows stood, and what could not be placed or read."""

    def __init__(self, table: StandardTable) -> None:
        self.table: StandardTable = table
        self.cells: dict[str, Value] = {}
        self.row_lines: dict[str, int] = {}
        self.unplaced: list[UnplacedRow] = []
        self.issues: list[CellIssue] = []
        self.absent_rows: list[str] = []

    def reject(self, row: RawRow, reason: str) -> None:
        self.unplaced.append(UnplacedRow(self.table, trim(row.cells), reason, row.line))

    def claim(self, row: RawRow, key: str) -> bool:
        """Whether this is the first row to fill ``key``; a repeat is rejected."""
        if key in self.row_lines:
            self.reject(row, f"a second row for {key}")
            return False
        self.row_lines[key] = row.line
        return True

    def put(self, row: RawRow, key: str, text: str, is_amount: bool, unit: str = "") -> None:
        """Read one cell into ``key``: its value, or blank with the problem recorded."""
        value: int | Decimal | Problem | None
        if is_amount:
            value, written = read_amount(text)
            if isinstance(value, Decimal) and unit == "万元" and written == "元":
                # An amount in 元 under a column in 万元: convert, and say so.
                value = value.scaleb(-4)
                self.issues.append(
                    CellIssue(join_key(self.table, key), text, "converted", row.line)
                )
        else:
            value = read_count(text)
        if isinstance(value, Problem):
            self.issues.append(CellIssue(join_key(self.table, key), text, value.value, row.line))
            value = None
        self.cells[key] = value

    def fill(
        self, row: RawRow, keys: Sequence[str], texts: tuple[str, ...], totals: Totals = ()
    ) -> None:
        """Put the row's counts under ``keys``, fitted to as many cells as there are keys. A
        row with fewer cells than keys is not read by rank (``short``); one with more is read
        only where exactly one run of its cells makes the row's ``totals`` add up."""
        if " " in "".join(texts):
            texts = self._spaced(row, keys, texts, totals)
            if not texts:
                return
        fitted, values, surplus, supplied = _fitted_counts(texts, len(keys))
        if any(surplus):
            cells = (*fitted, *surplus)
            at = _confirmed_window(cells, len(keys), totals)
            if at is None:
                self.surplus(row, keys, cells)
                return
            fitted, values = cells[at : at + len(keys)], counts(cells[at : at + len(keys)])
            rest = " ".join([*cells[:at], *cells[at + len(keys) :]])
            # Placed by order and confirmed by one rule: every cell is named, so a
            # coincidence (numbers split by a converter that happen to add up) is seen.
            self.named(row, keys, rest, "surplus-cells")
        if supplied < len(keys):
            self.short(row, keys, fitted[:supplied])
        elif values is None:  # a word or a fraction among them: each cell read and reported
            for key, text in zip(keys, fitted, strict=True):
                self.put(row, key, text, False)
        else:
            self.cells.update(zip(keys, values, strict=True))

    def _spaced(
        self, row: RawRow, keys: Sequence[str], texts: tuple[str, ...], totals: Totals
    ) -> tuple[str, ...]:
        """A row with numbers one space apart (``2 9``): one number a converter split, or two
        cells. The one reading with a cell per column that the row's totals confirm is read
        (its cells named); with none or several, the row is blank and named (``()``)."""
        readings: list[tuple[str, ...]] = [()]
        for text in texts:
            parts = text.split(" ") if _SPACED.fullmatch(text) else [text]
            options = [tuple(parts)] if len(parts) == 1 else [tuple(parts), ("".join(parts),)]
            readings = [(*done, *option) for done in readings for option in options][:64]
        confirmed = [
            cells for cells in readings if len(cells) == len(keys) and adds_up(cells, totals)
        ]
        written = " ".join(text for text in texts if text)
        if len(confirmed) != 1:
            self._blank(row, keys, written, "spaced-numbers")
            return ()
        self.named(row, keys, written, "spaced-numbers-confirmed")
        return confirmed[0]

    def short(self, row: RawRow, keys: Sequence[str], texts: Sequence[str]) -> None:
        """A row with fewer cells than columns, and no trace of where its blanks were (a
        converter dropped them): every cell blank, and each named. With no cell at all, the
        row simply has none; with some, their columns are unknown."""
        self._blank(row, keys, " ".join(texts), "short-row" if texts else "missing-cell")

    def unclear(self, row: RawRow, keys: Sequence[str], written: str) -> None:
        """A row under a header that leaves the columns' order unknown: blank, and named."""
        self._blank(row, keys, written, "unclear-header")

    def mixed(self, row: RawRow, keys: Sequence[str], written: str) -> None:
        """A row whose numbers have words among them: blank, and named."""
        self._blank(row, keys, written, "mixed-row")

    def _blank(self, row: RawRow, keys: Sequence[str], written: str, problem: CellProblem) -> None:
        for key in keys:
            self.cells[key] = None
            self.issues.append(CellIssue(join_key(self.table, key), written, problem, row.line))

    def named(self, row: RawRow, keys: Sequence[str], written: str, problem: CellProblem) -> None:
        """Cells read, but on a ground the reader should check (e.g. a misprinted label)."""
        for key in keys:
            self.issues.append(CellIssue(join_key(self.table, key), written, problem, row.line))

    def surplus(self, row: RawRow, keys: Sequence[str], cells: Sequence[str]) -> None:
        """A row with more filled cells than columns (numbers of two rows run together, a
        stray cell) that no single reading confirms: blank, and named."""
        self._blank(row, keys, " ".join(cell for cell in cells if cell), "surplus-row")

    def strayed(self, gathered: Sequence[tuple[RawRow, Sequence[str]]]) -> None:
        """Rows gathered from lines of numbers, in a table where some row's numbers went
        missing or ran over: numbers that strayed between rows may have strayed within
        one too, so each such row's cells are named (kept, not blanked)."""
        if gathered and (self.unplaced or any(i.problem in _STRAY for i in self.issues)):
            for row, keys in gathered:
                written = " ".join(cell for cell in row.cells if is_value(cell))
                self.named(row, keys, written, "order-uncertain")

    def beside_strays(self) -> None:
        """Rows with numbers that no row of the template took (kept as unplaced rows: no
        label, a misprinted one, or a group label's) beside rows that were placed: a number
        wrapped out of its cell (antiword: ``23941`` / ``0``), or numbers bound one row off.
        The placed rows right above and below may hold numbers that are not theirs, so their
        cells are named (kept, not blanked)."""
        strays = [u for u in self.unplaced if u.line is not None and _has_numbers(u.cells)]
        if not strays:
            return
        placed = sorted((line, key) for key, line in self.row_lines.items())
        beside: dict[tuple[int, str], list[str]] = {}
        for stray in strays:
            assert stray.line is not None
            above = [entry for entry in placed if entry[0] < stray.line][-1:]
            below = [entry for entry in placed if entry[0] > stray.line][:1]
            for entry in above + below:
                beside.setdefault(entry, []).append(" ".join(cell for cell in stray.cells if cell))
        for (line, row_key), texts in beside.items():
            for key in [key for key in self.cells if key.startswith(row_key + ".")]:
                issue = CellIssue(join_key(self.table, key), " / ".join(texts), _BESIDE, line)
                self.issues.append(issue)

    def absent(self, keys: Sequence[str]) -> list[str]:
        """The rows among ``keys`` that no row of the text filled."""
        return [join_key(self.table, key) for key in keys if key not in self.row_lines]


_BESIDE: CellProblem = "beside-stray-numbers"


def _has_numbers(cells: Sequence[str]) -> bool:
    """Whether a cell is a number with a digit (not a dash or 无 alone)."""
    return any(is_value(cell) and any(c.isdigit() for c in cell) for cell in cells)


_STRAY = frozenset({"short-row", "surplus-row", "missing-cell", "mixed-row", "spaced-numbers"})
_SPACED = re.compile(SPACED_NUMBERS)


def _confirmed_window(cells: Sequence[str], width: int, totals: Totals) -> int | None:
    """Where the one run of ``width`` consecutive cells starts whose totals all add up
    (every cell a number); ``None`` when none or several do, or nothing can be checked."""
    if not totals:
        return None
    good = []
    for at in range(len(cells) - width + 1):
        values = counts(cells[at : at + width])
        if values is None or None in values:
            continue
        if all(sum(values[p] for p in parts) == values[total] for parts, total in totals):  # type: ignore[misc]
            good.append(at)
    return good[0] if len(good) == 1 else None


@functools.lru_cache(maxsize=8192)
def _fitted_counts(
    texts: tuple[str, ...], width: int
) -> tuple[tuple[str, ...], tuple[int | None, ...] | None, tuple[str, ...], int]:
    """A row's value cells fitted to ``width`` (``rows.fit``) and read as counts (``None``
    when one is not a count); cached, since rows of zeros recur in report after report."""
    fitted, surplus, supplied = fit(texts, width)
    return tuple(fitted), counts(fitted), tuple(surplus), supplied
