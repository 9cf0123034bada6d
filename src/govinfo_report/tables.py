"""Binding raw table rows into the three standard tables.

Rows are recognised by their labels, looked up (after ``label_key``) in indexes built from
the edition definitions; values are read by the kind of cell the definition says they are.
A row that cannot be placed becomes an ``UnplacedRow``: kept, never dropped.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterator, Mapping, Sequence
from typing import Literal, TypeVar

from attrs import frozen

from .editions import (
    APPLICANTS,
    APPLICATION_COLUMNS,
    DISCLOSURE_HEADER,
    EDITIONS,
    LEGAL_PERSONS,
    LITIGATION,
    REVIEW_GROUPS,
    REVIEW_LEAVES,
    Column,
    EditionSpec,
    Item,
    Row,
)
from .grammar import RawRow
from .labels import caption_key, label_key, normalize
from .model import (
    ActiveDisclosure2019,
    ActiveDisclosure2021,
    ApplicantCounts,
    Applications,
    CellIssue,
    Edition,
    OtherHandling2021,
    ReviewLitigation,
    StandardTable,
    UnplacedRow,
)
from .paths import Value, build
from .values import (
    NotAValue,
    NotWhole,
    count_or_problem,
    is_value,
    read_amount_unit,
    read_count,
)
from .vocabulary import table_labels

_APPLICATION_HEADERS = frozenset(
    label_key(text)
    for text in (APPLICANTS, LEGAL_PERSONS, *(column.label for column in APPLICATION_COLUMNS))
)
_REVIEW_HEADERS = frozenset(
    label_key(text)
    for text in (LITIGATION, *(c.label for c in REVIEW_GROUPS), *(c.label for c in REVIEW_LEAVES))
)


_HEADER_WORDS = _APPLICATION_HEADERS | _REVIEW_HEADERS | {DISCLOSURE_HEADER}


@frozen
class Index:
    """An edition's labels, keyed by ``label_key``, for the binder's lookups."""

    spec: EditionSpec
    items: dict[str, Item]
    disclosure_rows: dict[str, tuple[Item, Row]]
    application_rows: dict[str, Row]
    application_groups: frozenset[str]


def _keys(labelled: Row | Column) -> Iterator[str]:
    yield label_key(labelled.label)
    yield from map(label_key, labelled.aliases)


@functools.cache
def index(edition: Edition) -> Index:
    """The lookup tables of one edition, built once from its definition."""
    spec = EDITIONS[edition]
    return Index(
        spec=spec,
        items={caption_key(item.caption) or "": item for item in spec.items},
        disclosure_rows={
            key: (item, row) for item in spec.items for row in item.rows for key in _keys(row)
        },
        application_rows={key: row for row in spec.application_rows for key in _keys(row)},
        application_groups=frozenset(
            label_key(text)
            for row in spec.application_rows
            for text in (row.group, row.part)
            if text
        ),
    )


# --- Which table a row belongs to, and which edition the labels speak ----------------------


@functools.cache
def _anchors() -> dict[str, StandardTable]:
    """Labels that belong to exactly one standard table, in either edition."""
    found: dict[StandardTable, set[str]] = {
        "active_disclosure": {DISCLOSURE_HEADER},
        "applications": set(_APPLICATION_HEADERS),
        "review_litigation": set(_REVIEW_HEADERS),
    }
    for edition in Edition:
        lookup = index(edition)
        found["active_disclosure"] |= set(lookup.disclosure_rows)
        found["active_disclosure"] |= {
            key for item in lookup.spec.items for c in item.columns for key in _keys(c)
        }
        found["applications"] |= set(lookup.application_rows) | lookup.application_groups
    shared = {
        key
        for kind, keys in found.items()
        for other, more in found.items()
        if other != kind
        for key in keys & more
    }
    # 其他 and 总计 head columns in several tables and words beside: they open none.
    generic = {label_key("其他"), label_key("总计")}
    return {key: kind for kind, keys in found.items() for key in keys - shared - generic}


def anchor(row: RawRow) -> StandardTable | None:
    """The standard table whose labels this row carries, if any."""
    anchors = _anchors()
    for cell in row.cells:
        if not cell:
            continue
        if caption_key(cell) is not None:
            return "active_disclosure"
        if "勾稽关系" in normalize(cell):
            return "applications"
        kind = _lookup_key(label_key(cell), anchors)  # labels cut short count too
        if kind is not None:
            return kind
    return None


def segments(rows: Sequence[RawRow]) -> Iterator[tuple[StandardTable | None, list[RawRow]]]:
    """Split a run of rows where a row opens a different standard table."""
    kind: StandardTable | None = None
    current: list[RawRow] = []
    for row in rows:
        found = anchor(row)
        if found is not None and found != kind:
            if current:
                yield kind, current
            kind, current = found, []
        current.append(row)
    if current:
        yield kind, current


@functools.cache
def _edition_labels(edition: Edition) -> tuple[frozenset[str], frozenset[str]]:
    """Labels of table 二 anywhere in a row, and labels of table 三 as a row's own label
    (（六）其他处理 is a row's own label in 2019 but only a group label in 2021)."""
    spec = EDITIONS[edition]
    anywhere = {label_key(c.label) for item in spec.items for c in item.columns}
    anywhere |= {label_key(r.label) for item in spec.items for r in item.rows}
    own = {label_key(r.label) for r in spec.application_rows} - _APPLICATION_HEADERS
    return frozenset(anywhere), frozenset(own)


@functools.cache
def _distinctive(edition: Edition) -> tuple[frozenset[str], frozenset[str]]:
    anywhere, own = _edition_labels(edition)
    for other in Edition:
        if other is not edition:
            anywhere = anywhere - _edition_labels(other)[0]
            own = own - _edition_labels(other)[1]
    return anywhere, own


@functools.lru_cache(maxsize=8192)
def _label(cell: str) -> str | None:
    """The label key of a cell that holds words; ``None`` for a number, a mark or a blank.
    One cached answer to the two questions the binder asks of every cell."""
    if not cell or is_value(cell):
        return None
    return label_key(cell)


@functools.lru_cache(maxsize=4096)
def _cut_from(key: str, edition: Edition) -> bool:
    """Whether ``key`` is a distinctive label of ``edition`` cut short (本年新 ← 本年新制作数量)."""
    return len(key) >= 3 and any(label.startswith(key) for label in _distinctive(edition)[0])


def detect_edition(rows: Sequence[RawRow], year: int | None) -> tuple[Edition, tuple[str, ...]]:
    """The edition whose distinctive labels the tables use most (the year breaks a tie), and
    the labels of any other edition found mixed in."""
    keys: set[str] = set()
    own_keys: set[str] = set()  # each row's last label: its own, most specific one
    for row in rows:
        last = None
        for cell in row.cells:
            key = _label(cell)
            if key is not None:
                keys.add(key)
                last = key
        if last is not None:
            own_keys.add(last)
    scores: dict[Edition, int] = {}
    for edition in Edition:
        anywhere, own = _distinctive(edition)
        exact = keys & anywhere
        # Headers cut short (本年新 | 本年新) still say which edition they were cut from.
        cut = {k for k in keys - exact if _cut_from(k, edition)}
        scores[edition] = len(exact) + len(cut) + len(own_keys & own)
    best = max(scores.values())
    leaders = [edition for edition, score in scores.items() if score == best]
    if len(leaders) == 1:
        chosen = leaders[0]
    else:
        chosen = Edition.E2019 if year is not None and year <= 2020 else Edition.E2021
    foreign = set()
    for edition in Edition:
        if edition is not chosen:
            anywhere, own = _distinctive(edition)
            foreign |= (keys & anywhere) | (own_keys & own)
    return chosen, tuple(sorted(foreign))


# --- Reading cells ---------------------------------------------------------------------------


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
        self.unplaced.append(UnplacedRow(self.table, _trim(row.cells), reason, row.line))

    def claim(self, row: RawRow, key: str) -> bool:
        """Whether this is the first row to fill ``key``; a repeat is rejected."""
        if key in self.row_lines:
            self.reject(row, f"a second row for {key}")
            return False
        self.row_lines[key] = row.line
        return True

    def put(self, row: RawRow, key: str, text: str, is_amount: bool, unit: str = "") -> None:
        try:
            if not is_amount:
                self.cells[key] = read_count(text)
                return
            amount, written = read_amount_unit(text)
            if amount is not None and unit == "万元" and written == "元":
                # An amount in 元 under a column in 万元: convert, and say so.
                amount = amount.scaleb(-4)
                self.issues.append(CellIssue(f"{self.table}.{key}", text, "converted", row.line))
            self.cells[key] = amount
        except NotAValue as error:
            self.cells[key] = None
            problem: Literal["not-whole", "not-a-number"] = (
                "not-whole" if isinstance(error, NotWhole) else "not-a-number"
            )
            self.issues.append(CellIssue(f"{self.table}.{key}", text, problem, row.line))

    def fill(self, row: RawRow, keys: Sequence[str], texts: Sequence[str], supplied: int) -> None:
        """Put each text under its key; keys past the cells the row supplied are blank and
        reported, since which cells a short row lacks is a guess."""
        cells = self.cells
        for position, (key, text) in enumerate(zip(keys, texts, strict=True)):
            value = count_or_problem(text)  # the hot loop: one cached call per cell
            if isinstance(value, NotAValue):
                self.put(row, key, text, False)  # records the problem
            else:
                cells[key] = value
            if position >= supplied:
                self.issues.append(CellIssue(f"{self.table}.{key}", "", "missing-cell", row.line))

    def surplus(self, row: RawRow, cells: Sequence[str]) -> None:
        if any(cells):
            self.issues.append(CellIssue("", " | ".join(cells), "surplus-cells", row.line))

    def absent(self, keys: Sequence[str]) -> list[str]:
        """The rows among ``keys`` that no row of the text filled."""
        return [f"{self.table}.{key}" for key in keys if key not in self.row_lines]


def _trim(cells: Sequence[str]) -> tuple[str, ...]:
    end = len(cells)
    while end and not cells[end - 1]:
        end -= 1
    return tuple(cells[:end])


def _fit(
    values: Sequence[str], width: int, lead_first: bool = True
) -> tuple[list[str], list[str], int]:
    """Exactly ``width`` value cells, dropping surplus blank cells: leading ones first (merged
    label columns, as in table 三) or trailing ones first (padding, as in table 二). Returns
    the cells, any surplus that was not blank, and how many cells the row supplied."""
    cells = list(values)
    ends = (0, -1) if lead_first else (-1, 0)
    for end in ends:
        while len(cells) > width and not cells[end]:
            cells.pop(end)
    return (cells + [""] * (width - len(cells)))[:width], cells[width:], len(cells)


# --- Rows split by extraction ------------------------------------------------------------

L = TypeVar("L")


_COMPLETIONS: dict[tuple[int, str], str] = {}


def _lookup(cell: str, known: Mapping[str, L]) -> L | None:
    """The row a label names: exactly, or as the one known label it was cut short from."""
    return _lookup_key(label_key(cell), known)


def _lookup_key(key: str, known: Mapping[str, L]) -> L | None:
    if key in known:
        return known[key]
    if len(key) < 4:
        return None
    # The label indexes live as long as the process, so their ids are stable cache keys.
    memo = (id(known), key)
    if memo not in _COMPLETIONS:
        hits = [label for label in known if label.startswith(key)]
        _COMPLETIONS[memo] = hits[0] if len(hits) == 1 else ""
    return known.get(_COMPLETIONS[memo])


def _all_words(cells: Sequence[str]) -> bool:
    """Whether a row holds words and no number (most rows end in one: a quick way out)."""
    last = next((cell for cell in reversed(cells) if cell), None)
    if last is None or is_value(last):
        return False
    return all(not cell or not is_value(cell) for cell in cells)


def merge_split_rows(rows: Sequence[RawRow], known: Mapping[str, L]) -> Iterator[RawRow]:
    """Rows as a careful reader sees them when extraction split one row into several: a row
    of only a label followed by rows of only numbers (the label alone on its line, the
    numbers on the next line or one per line), or a label wrapped onto the next row
    (``一、本年新收政府信息公开`` / ``申请数量 21 0 …``)."""
    pending: RawRow | None = None  # a label-only row, growing as numbers follow it
    numbers = False  # whether pending has taken numbers already
    for row in rows:
        if pending is not None:
            labelled = numbers or _lookup(_trim(pending.cells)[-1], known) is not None
            if only_numbers(row.cells) and labelled:
                cells = (*_trim(pending.cells), *(c for c in row.cells if c))
                pending, numbers = RawRow(cells, pending.line), True
                continue
            merged = None if numbers else _merge(pending, row, known)
            if merged is not None:
                yield merged
                pending = None
                continue
            yield pending
            pending = None
        if _all_words(row.cells) and not _structural(row.cells):
            pending, numbers = row, False
        else:
            yield row
    if pending is not None:
        yield pending


def table_like(row: RawRow) -> bool:
    """Whether every cell of a row is a number or a label of the standard tables."""
    return all(
        not cell or is_value(cell) or label_key(cell) in table_labels() for cell in row.cells
    )


def only_numbers(cells: Sequence[str]) -> bool:
    return any(cells) and all(not cell or is_value(cell) for cell in cells)


def _gather_numbers(rows: Sequence[RawRow]) -> Iterator[RawRow]:
    """Consecutive rows of only numbers as one row: table 四's fifteen numbers, one per line."""
    gathered: RawRow | None = None
    for row in rows:
        if only_numbers(row.cells):
            cells = row.cells if gathered is None else (*gathered.cells, *row.cells)
            gathered = RawRow(tuple(cells), (gathered or row).line)
            continue
        if gathered is not None:
            yield gathered
            gathered = None
        yield row
    if gathered is not None:
        yield gathered


def _joined_label(
    cells: Sequence[str], labels: list[tuple[int, str]], known: Mapping[str, L]
) -> tuple[int, L | None]:
    """A label that spaces split over several cells (PDF text): adjacent label cells ending
    at the last one, joined, longest first."""
    if len(labels) < 2:
        return -1, None
    last = labels[-1][0]
    for first, _ in labels[:-1]:
        found = _lookup("".join(cells[first : last + 1]), known)
        if found is not None:
            return last, found
    return -1, None


def _structural(cells: Sequence[str]) -> bool:
    """Captions and header rows: never half of a split data row."""
    first = next(cell for cell in cells if cell)
    bare = normalize(first)  # 其他 as a header word, not 3.其他 the row
    return bare in _HEADER_WORDS or caption_key(first) is not None or "勾稽" in first


def _merge(first: RawRow, second: RawRow, known: Mapping[str, L]) -> RawRow | None:
    head = _trim(first.cells)
    if not head:
        return None
    words = [cell for cell in second.cells if cell and not is_value(cell)]
    if not words:
        return None
    joined = head[-1] + words[0]
    if label_key(joined) in known:  # a label wrapped onto the next row
        rest = list(second.cells[second.cells.index(words[0]) + 1 :])
        return RawRow((*head[:-1], joined, *rest), first.line)
    return None


# --- Table 二 ----------------------------------------------------------------------------


def _is_column(cell: str, item: Item) -> bool:
    key = label_key(cell)
    return (
        any(k.startswith(key) for column in item.columns for k in _keys(column)) if key else False
    )


def _header_columns(cells: Sequence[str], item: Item) -> tuple[Column, ...]:
    """The item's columns in the order the header row gives them; positional where a label
    is missing, cut short ambiguously, or unknown."""
    labels = [label_key(cell) for cell in _trim(cells)]
    free = list(item.columns)
    chosen: list[Column | None] = []
    for key in labels:
        hits = [c for c in free if key and any(k.startswith(key) for k in _keys(c))]
        exact = [c for c in hits if key in _keys(c)]
        pick = exact[0] if exact else (hits[0] if len(hits) == 1 else None)
        if pick is not None:
            free.remove(pick)
        chosen.append(pick)
    columns = [c if c is not None else free.pop(0) if free else None for c in chosen]
    ordered = tuple(c for c in columns if c is not None)
    return ordered + tuple(c for c in item.columns if c not in ordered)


def bind_disclosure(
    rows: Sequence[RawRow], edition: Edition
) -> tuple[ActiveDisclosure2019 | ActiveDisclosure2021, Binding]:
    """Table 二: captions choose the item, header rows the column order, labels the row."""
    lookup = index(edition)
    binding = Binding("active_disclosure")
    item: Item | None = None
    columns: tuple[Column, ...] = ()
    header: list[str] | None = None  # the last header row, while the next may continue it
    for row in merge_split_rows(rows, lookup.disclosure_rows):
        cells = list(row.cells)
        while cells and not cells[0]:
            cells.pop(0)
        if not cells:
            continue
        caption = caption_key(cells[0])
        if caption is not None:
            item, header = lookup.items.get(caption), None
            columns = item.columns if item else ()
            if item is None:
                binding.reject(row, f"{cells[0]} is not part of the {edition.value} edition")
            continue
        if label_key(cells[0]) == DISCLOSURE_HEADER:
            header = list(row.cells[row.cells.index(cells[0]) + 1 :])
            if item is not None:
                columns = _header_columns(header, item)
            continue
        found = _lookup(cells[0], lookup.disclosure_rows)
        if found is None and header is not None and item is not None and _all_words(row.cells):
            more = list(row.cells[1:]) if not row.cells[0] else list(row.cells)
            if len(cells) == 1 and _is_column(cells[0], item):
                header = [*_trim(header), cells[0]]  # one header cell per line
            else:  # a header split over two rows (本年新 / 制作数量): join cell by cell
                header = [a + b for a, b in itertools.zip_longest(header, more, fillvalue="")]
            columns = _header_columns(header, item)
            continue
        header = None
        if found is None:
            binding.reject(row, "row label not in table 二 of this edition")
            continue
        row_item, spec_row = found
        if not binding.claim(row, spec_row.key):
            continue
        use = columns if row_item is item and columns else row_item.columns
        values, surplus, supplied = _fit(cells[1:], len(use), lead_first=False)
        binding.surplus(row, surplus)
        for position, (column, text) in enumerate(zip(use, values, strict=True)):
            key = f"{spec_row.key}.{column.key}"
            binding.put(row, key, text, column.amount, column.unit)
            if position >= supplied:
                binding.issues.append(
                    CellIssue(f"active_disclosure.{key}", "", "missing-cell", row.line)
                )
    expected = [row.key for item in lookup.spec.items for row in item.rows]
    binding.absent_rows = binding.absent(expected)
    if edition is Edition.E2019:
        return build(ActiveDisclosure2019, binding.cells), binding
    return build(ActiveDisclosure2021, binding.cells), binding


# --- Table 三 ----------------------------------------------------------------------------


@functools.cache
def _application_keys(row_key: str) -> tuple[str, ...]:
    return tuple(f"{row_key}.{column.key}" for column in APPLICATION_COLUMNS)


def _has_note(cells: Sequence[str]) -> bool:
    """The 勾稽关系 note heads table 三; it is all brackets, so its label key is empty."""
    return any("勾稽" in cell and "勾稽关系" in normalize(cell) for cell in cells)


@functools.cache
def _header_only(edition: Edition) -> frozenset[str]:
    """Header labels that are no row's label too (其他 and 总计 are both)."""
    return _APPLICATION_HEADERS - set(index(edition).application_rows)


def bind_applications(rows: Sequence[RawRow], edition: Edition) -> tuple[Applications, Binding]:
    """Table 三: the most specific known label names the row; seven values follow it."""
    lookup = index(edition)
    binding = Binding("applications")
    width = len(APPLICATION_COLUMNS)
    headers = _header_only(edition)
    for row in merge_split_rows(rows, lookup.application_rows):
        labels = [
            (position, key)
            for position, key in enumerate(map(_label, row.cells))
            if key is not None
        ]
        if not labels or any(key in headers for _, key in labels) or _has_note(row.cells):
            if not labels and any(row.cells):
                binding.reject(row, "numbers without a row label")
            continue
        found_at: tuple[int, Row | None] = next(
            (
                (p, found)
                for p, k in reversed(labels)
                if (found := _lookup_key(k, lookup.application_rows)) is not None
            ),
            (-1, None),
        )
        at, spec_row = found_at
        if spec_row is None:
            at, spec_row = _joined_label(row.cells, labels, lookup.application_rows)
        if spec_row is None:
            known_groups = all(key in lookup.application_groups for _, key in labels)
            if not (known_groups and not any(row.cells[labels[-1][0] + 1 :])):
                binding.reject(row, "row label not in table 三 of this edition")
            continue
        if at == len(row.cells) - 1 and normalize(row.cells[at]) in _APPLICATION_HEADERS:
            continue  # a bare header word (总计, 其他) on a line of its own, not a row
        if not binding.claim(row, spec_row.key):
            continue
        fitted, surplus, supplied = _fit(row.cells[at + 1 :], width)
        binding.surplus(row, surplus)
        binding.fill(row, _application_keys(spec_row.key), fitted, supplied)
    other = ApplicantCounts if edition is Edition.E2019 else OtherHandling2021
    choose = {"outcomes.other_handling": other}
    binding.absent_rows = binding.absent([row.key for row in lookup.spec.application_rows])
    return build(Applications, binding.cells, choose), binding


# --- Table 四 ----------------------------------------------------------------------------


def bind_review(rows: Sequence[RawRow], _edition: Edition) -> tuple[ReviewLitigation, Binding]:
    """Table 四: header rows of known labels, then one row of fifteen values."""
    binding = Binding("review_litigation")
    width = len(REVIEW_GROUPS) * len(REVIEW_LEAVES)
    keys = [f"{g.key}.{leaf.key}" for g in REVIEW_GROUPS for leaf in REVIEW_LEAVES]
    for row in _gather_numbers(rows):
        if not any(is_value(cell) and cell for cell in row.cells):
            if any(cell and label_key(cell) not in _REVIEW_HEADERS for cell in row.cells):
                binding.reject(row, "row label not in table 四")
            continue
        known = [
            i for i, cell in enumerate(row.cells) if cell and label_key(cell) in _REVIEW_HEADERS
        ]
        values = list(row.cells[known[-1] + 1 if known else 0 :])
        if not binding.claim(row, "values"):  # one row of numbers: the whole table
            continue
        fitted, surplus, supplied = _fit(values, width)
        binding.surplus(row, surplus)
        binding.fill(row, keys, fitted, supplied)
    binding.absent_rows = binding.absent(["values"])
    return build(ReviewLitigation, binding.cells), binding


BINDERS = {
    "active_disclosure": bind_disclosure,
    "applications": bind_applications,
    "review_litigation": bind_review,
}
