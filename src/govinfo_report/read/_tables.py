"""Binding raw table rows into the three standard tables.

Rows are recognised by their labels, looked up in indexes built from the edition
definitions; values are read by the kind of cell the definition says they are. A row that
cannot be placed becomes an ``UnplacedRow``: kept, never dropped; a cell that cannot be read
with certainty is blank and recorded as a ``CellIssue``.
"""

from __future__ import annotations

import difflib
import functools
import itertools
import re
from collections.abc import Sequence
from typing import Any

from govinfo_report.model import (
    ActiveDisclosure2019,
    ActiveDisclosure2021,
    Applications,
    Edition,
)
from govinfo_report.model.editions import (
    APPLICATION_COLUMNS,
    DISCLOSURE_HEADER,
    Column,
    Item,
    Row,
    join_key,
)
from govinfo_report.model.keys import build_table
from govinfo_report.model.labels import caption_key, is_note, label_key, normalize
from govinfo_report.model.values import is_value
from govinfo_report.read._binding import Binding
from govinfo_report.read._grammar import RawRow
from govinfo_report.read._indexes import (
    APPLICATION_HEADERS,
    application_header_only,
    cell_label,
    index,
    label_keys,
    lookup,
)
from govinfo_report.read._review import bind_review
from govinfo_report.read._rows import (
    GatheredRow,
    fit,
    joined_label,
    merge_split_rows,
    trim,
)
from govinfo_report.read._totals import ROW_TOTAL

# --- Table 二 ----------------------------------------------------------------------------


def _is_column(cell: str, item: Item) -> bool:
    key = label_key(cell)
    return (
        any(k.startswith(key) for column in item.columns for k in label_keys(column))
        if key
        else False
    )


@functools.lru_cache(maxsize=1024)
def _header_columns(cells: tuple[str, ...], item: Item) -> tuple[Column, ...] | None:
    """The item's columns in the order the header row gives them. A header only partly
    recognised never reorders them: if what it does recognise stands where the template puts
    it, the template's order; if not, ``None`` — the order is not known. Cached: header rows
    are template text."""
    labels = [label_key(cell) for cell in trim(cells)]
    free = list(item.columns)
    chosen: list[Column | None] = []
    for key in labels:
        hits = [c for c in free if key and any(k.startswith(key) for k in label_keys(c))]
        exact = [c for c in hits if key in label_keys(c)]
        pick = exact[0] if exact else (hits[0] if len(hits) == 1 else None)
        if pick is not None:
            free.remove(pick)
        chosen.append(pick)
    if None not in chosen and len(chosen) == len(item.columns):
        return tuple(c for c in chosen if c is not None)
    # Cells unknown, or fewer cells than columns (fragments lost on the way): partial.
    in_place = all(c is None or item.columns.index(c) == at for at, c in enumerate(chosen))
    return item.columns if in_place else None


Slots = tuple[int | None, ...]  # for each header cell, the column it stands for (None: none)


@functools.lru_cache(maxsize=1024)
def _header_slots(cells: tuple[str, ...], item: Item) -> Slots | None:
    """Where a header holds a merged cell as converters redraw it — an empty placeholder per
    extra column (pandoc) or the label repeated once per column it spans (docx2python) — the
    column each header cell stands for; ``None`` for an ordinary header. Only when the header
    less those cells names every column in the template's order: nothing is guessed."""
    cells = trim(cells)
    slots: list[int | None] = []
    kept: list[str] = []
    for at, cell in enumerate(cells):
        if not cell or (at and label_key(cell) == label_key(cells[at - 1])):
            slots.append(None if not cell else len(kept) - 1)
            continue
        slots.append(len(kept))
        kept.append(cell)
    if len(kept) == len(cells) or _header_columns(tuple(kept), item) != item.columns:
        return None
    return tuple(slots) if len(kept) == len(item.columns) else None


def _header(cells: tuple[str, ...], item: Item) -> tuple[tuple[Column, ...] | None, Slots | None]:
    """What a header row says: the columns' order, and any merged-cell slots."""
    return _header_columns(cells, item), _header_slots(cells, item)


def _by_slots(values: Sequence[str], slots: Slots, width: int) -> list[str] | None:
    """A row's cells under a header with merged-cell placeholders or repeats: one value per
    column, or ``None`` when the cells disagree (a repeat that differs, a filled placeholder)."""
    cells = list(trim(values))
    if len(cells) > len(slots):
        return None
    cells += [""] * (len(slots) - len(cells))
    out: list[set[str]] = [set() for _ in range(width)]
    for cell, slot in zip(cells, slots, strict=True):
        if cell and slot is None:
            return None
        if cell and slot is not None:
            out[slot].add(cell)
    if any(len(found) > 1 for found in out):
        return None
    return [next(iter(found), "") for found in out]


@functools.lru_cache(maxsize=4096)
def _disclosure_cell(edition: Edition, cell: str) -> tuple[str | None, Any]:
    """What a table-二 row's first cell makes of the row: a caption (and its item, ``None``
    when not of this edition), the header (信息内容), or a data row (its item and row)."""
    caption = caption_key(cell)
    if caption is not None:
        return "caption", index(edition).items.get(caption)
    if label_key(cell) == DISCLOSURE_HEADER:
        return "header", None
    found = lookup(cell, index(edition).disclosure_rows)
    return ("row" if found else None), found


@functools.lru_cache(maxsize=1024)
def _cell_keys(row_key: str, columns: tuple[Column, ...]) -> tuple[str, ...]:
    return tuple(join_key(row_key, column.key) for column in columns)


def bind_disclosure(
    rows: Sequence[RawRow], edition: Edition
) -> tuple[ActiveDisclosure2019 | ActiveDisclosure2021, Binding]:
    """Table 二: captions choose the item, header rows the column order, labels the row."""
    idx = index(edition)
    binding = Binding("active_disclosure")
    item: Item | None = None
    columns: tuple[Column, ...] | None = ()  # None: the header leaves the order unknown
    header: list[str] | None = None  # the last header row, while the next may continue it
    slots: Slots | None = None  # the header's merged-cell placeholders or repeats, if any
    gathered: list[tuple[RawRow, tuple[str, ...]]] = []
    for row in merge_split_rows(rows, idx.disclosure_rows):
        cells = list(row.cells)
        while cells and not cells[0]:
            cells.pop(0)
        if not cells:
            continue
        kind, found = _disclosure_cell(edition, cells[0])
        if kind == "caption":
            item, header, slots = found, None, None
            columns = item.columns if item else ()
            if item is None:
                binding.reject(row, f"{cells[0]} is not part of the {edition.value} edition")
            continue
        if kind == "header":
            header = list(row.cells[row.cells.index(cells[0]) + 1 :])
            if item is not None:
                columns, slots = _header(tuple(header), item)
            continue
        if found is None and header is not None and item is not None and row.only_words:
            more = list(row.cells[1:]) if not row.cells[0] else list(row.cells)
            if len(cells) == 1 and _is_column(cells[0], item):
                header = [*trim(header), cells[0]]  # one header cell per line
            else:  # a header split over two rows (本年新 / 制作数量): join cell by cell
                header = [a + b for a, b in itertools.zip_longest(header, more, fillvalue="")]
            columns, slots = _header(tuple(header), item)
            continue
        header = None
        if found is None and len(cells) > 2 and cells[1] and not is_value(cells[1]):
            # A label a space split where neither piece is a label (行政规 | 范性文件).
            joined = _disclosure_cell(edition, cells[0] + cells[1])
            if joined[0] == "row":
                found, cells[:2] = joined[1], [cells[0] + cells[1]]
        if found is None:
            binding.reject(row, "row label not in table 二 of this edition")
            continue
        # A label a space split over cells (其他对外管 | 理服务事项): its rest is no value.
        while len(cells) > 1 and cells[1] and not is_value(cells[1]):
            if _disclosure_cell(edition, cells[0] + cells[1])[1] != found:
                break
            cells[:2] = [cells[0] + cells[1]]
        row_item, spec_row = found
        if not binding.claim(row, spec_row.key):
            continue
        if row_item is item and slots is not None:
            placed = _by_slots(cells[1:], slots, len(item.columns))
            keys = _cell_keys(spec_row.key, item.columns)
            if placed is None:
                binding.unclear(row, keys, " ".join(cell for cell in cells[1:] if cell))
                continue
            for key, column, text in zip(keys, item.columns, placed, strict=True):
                binding.put(row, key, text, column.amount, column.unit)
            continue
        if row_item is item and columns is None:
            keys = _cell_keys(spec_row.key, found[0].columns)
            binding.unclear(row, keys, " ".join(cell for cell in cells[1:] if cell))
            continue
        use = columns if row_item is item and columns else row_item.columns
        values, surplus, supplied = fit(cells[1:], len(use), lead_first=False)
        keys = _cell_keys(spec_row.key, use)
        if any(surplus):
            binding.surplus(row, keys, [*values, *surplus])
            continue
        if supplied < len(use):
            binding.short(row, keys, values[:supplied])
            continue
        for key, column, text in zip(keys, use, values, strict=True):
            binding.put(row, key, text, column.amount, column.unit)
        if isinstance(row, GatheredRow):
            gathered.append((row, keys))
    binding.strayed(gathered)
    binding.beside_strays()
    expected = [row.key for item in idx.spec.items for row in item.rows]
    binding.absent_rows = binding.absent(expected)
    return build_table(edition, "active_disclosure", binding.cells, read=True), binding


# --- Table 三 ----------------------------------------------------------------------------


@functools.cache
def _application_keys(row_key: str) -> tuple[str, ...]:
    """``_cell_keys`` for a table-三 row, cached by the row key alone: hashing the columns
    too costs more than the lookup saves, once per row of every report."""
    return _cell_keys(row_key, APPLICATION_COLUMNS)


Shape = tuple[str | None, ...]  # RawRow.shape: what decides where a row goes
MIXED = -2  # where a plan says a row's numbers have words among them


@functools.lru_cache(maxsize=4096)
def _application_plan(edition: Edition, cells: Shape) -> tuple[Row | str | None, int]:
    """Where a table-三 row of this shape goes: (its row, where its label ends), a reason to
    reject it, or ``None`` for a header or group row that carries nothing."""
    idx = index(edition)
    labels = [(p, key) for p, cell in enumerate(cells) if cell and (key := cell_label(cell))]
    if not labels:
        return ("numbers without a row label" if None in cells else None), -1
    if any(key in application_header_only(edition) for _, key in labels):
        return None, -1
    if any(is_note(cells[p] or "") for p, _ in labels):
        return None, -1  # the 勾稽关系 note heads table 三
    # The last label names the row; else a label that spaces split over cells, joined
    # (2.没有现成 | 信息需要另行制作); else the last label before it that names one.
    last_at, last_key = labels[-1]
    spec_row: Row | None = idx.application_rows.find(last_key)
    at = last_at
    if spec_row is None:
        at, spec_row = joined_label([cell or "" for cell in cells], labels, idx.application_rows)
    if spec_row is None:
        at, spec_row = next(
            ((p, row) for p, k in reversed(labels) if (row := idx.application_rows.find(k))),
            (-1, None),
        )
    if spec_row is None:
        known_groups = all(key in idx.application_groups for _, key in labels)
        if known_groups and not any(cell != "" for cell in cells[last_at + 1 :]):
            return None, -1  # group labels alone: （三）不予公开 above its rows
        return NOT_IN_APPLICATIONS, -1
    if at == len(cells) - 1 and normalize(cells[at] or "") in APPLICATION_HEADERS:
        return None, -1  # a bare header word (总计, 其他) on a line of its own, not a row
    if at < last_at and None in cells[at + 1 :]:
        # Words among its numbers. With a cell for every column, each stands in its column
        # (a word there is read as blank and reported); with more or fewer, which column each
        # number is in is unknown.
        values = list(cells[at + 1 :])
        while len(values) > len(APPLICATION_COLUMNS) and values[0] == "":
            values.pop(0)
        if len(values) != len(APPLICATION_COLUMNS):
            return spec_row, MIXED
    return spec_row, at


NOT_IN_APPLICATIONS = "row label not in table 三 of this edition"
_ENUMERATOR = re.compile(r"\s*([(（]?[一二三四五六七八九十\d]+[)）.．、]?)")


def _by_neighbours(
    binding: Binding, stray: RawRow, order: Sequence[Row], before: Row, after: Row
) -> None:
    """A row whose label is no label of the template (a misprint: 2.其他法律行政止公开),
    standing between two rows with exactly one row of the template between them, that
    bears that row's number and most of its words: read as that row, and named."""
    at = order.index(before)
    if at + 2 >= len(order) or order[at + 2] is not after:
        return
    middle = order[at + 1]
    words = [(p, cell) for p, cell in enumerate(stray.cells) if cell and not is_value(cell)]
    if len(words) != 1 or middle.key in binding.row_lines:
        return
    p, label = words[0]
    number, expected = _ENUMERATOR.match(label), _ENUMERATOR.match(middle.label)
    if not (number and expected and normalize(number.group(1)) == normalize(expected.group(1))):
        return
    if difflib.SequenceMatcher(None, label_key(label), label_key(middle.label)).ratio() < 0.6:
        return
    binding.unplaced = [u for u in binding.unplaced if u.line != stray.line]
    binding.claim(stray, middle.key)
    keys = _application_keys(middle.key)
    binding.fill(stray, keys, stray.cells[p + 1 :], ROW_TOTAL)
    binding.named(stray, keys, label, "label-by-neighbours")


def bind_applications(rows: Sequence[RawRow], edition: Edition) -> tuple[Applications, Binding]:
    """Table 三: the most specific known label names the row; seven values follow it."""
    idx = index(edition)
    binding = Binding("applications")
    previous: Row | None = None  # the row placed last
    gathered: list[tuple[RawRow, tuple[str, ...]]] = []
    stray: RawRow | None = None  # a row right after it that no label placed
    for row in merge_split_rows(rows, idx.application_rows):
        spec_row, at = _application_plan(edition, row.shape)
        if not isinstance(spec_row, Row):
            if spec_row is not None:
                binding.reject(row, spec_row)
                stray = row if spec_row == NOT_IN_APPLICATIONS else None
            continue
        if stray is not None and previous is not None:
            _by_neighbours(binding, stray, idx.spec.application_rows, previous, spec_row)
        stray, previous = None, spec_row
        if not binding.claim(row, spec_row.key):
            continue
        if at == MIXED:
            written = " ".join(cell for cell in row.cells if cell)
            binding.mixed(row, _application_keys(spec_row.key), written)
            continue
        keys = _application_keys(spec_row.key)
        binding.fill(row, keys, row.cells[at + 1 :], ROW_TOTAL)
        if isinstance(row, GatheredRow):
            gathered.append((row, keys))
    binding.strayed(gathered)
    binding.beside_strays()
    binding.absent_rows = binding.absent([row.key for row in idx.spec.application_rows])
    return build_table(edition, "applications", binding.cells, read=True), binding


BINDERS = {
    "active_disclosure": bind_disclosure,
    "applications": bind_applications,
    "review_litigation": bind_review,
}
