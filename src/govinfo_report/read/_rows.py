"""Rows as extraction leaves them, put back together the way a careful reader would."""

from __future__ import annotations

import operator
from collections.abc import Iterator, Sequence

from govinfo_report.model.labels import caption_key, is_note, label_key, normalize
from govinfo_report.read._grammar import RawRow
from govinfo_report.read._indexes import HEADER_WORDS, L, Labels, lookup


def trim(cells: Sequence[str]) -> tuple[str, ...]:
    end = len(cells)
    while end and not cells[end - 1]:
        end -= 1
    return tuple(cells[:end])


def fit(
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


Shape = tuple[str | None, ...]  # RawRow.shape: its words as written, "" blank, None a number


class GatheredRow(RawRow):
    """A row whose numbers came on lines after its label's (PDF text without layout, one
    cell per line): where a table's numbers stray between rows, which label they follow,
    and their order within the row, are not certain either."""

    __slots__ = ()


def merge_split_rows(rows: Sequence[RawRow], known: Labels[L]) -> Iterator[RawRow]:
    """Rows as a careful reader sees them when extraction split one row into several: a row
    of only a label followed by rows of only numbers (the label alone on its line, the
    numbers on the next line or one per line), or a label wrapped onto the next row
    (``一、本年新收政府信息公开`` / ``申请数量 21 0 …``)."""
    pending: RawRow | None = None  # a label-only row, growing as numbers follow it
    numbers = False  # whether pending has taken numbers already
    for row in _unwrapped(rows, known):
        if pending is not None:
            labelled = numbers or lookup(trim(pending.cells)[-1], known) is not None
            if row.only_numbers and labelled:
                cells = (*trim(pending.cells), *(c for c in row.cells if c))
                pending, numbers = GatheredRow(cells, pending.line), True
                continue
            merged = None if numbers else _merge(pending, row, known)
            if merged is not None:
                yield merged
                pending = None
                continue
            yield pending
            pending = None
        if row.only_words and not _structural(row.cells):
            pending, numbers = row, False
        else:
            yield row
    if pending is not None:
        yield pending


def _unwrapped(rows: Sequence[RawRow], known: Labels[L]) -> Sequence[RawRow]:
    """Rows with each row whose cells wrapped onto a second line (antiword draws a narrow
    Word cell over two lines: ``行政规范性文 | 50597`` / ``件 | 8``) joined cell by cell."""
    joins = _joins(tuple(map(_SHAPE, rows)), known)
    if not joins:
        return rows
    out: list[RawRow] = []
    for at, row in enumerate(rows):
        if at in joins:
            held = out.pop()
            cells = tuple(a + b for a, b in zip(held.cells, row.cells, strict=True))
            row = RawRow(cells, held.line)
        out.append(row)
    return out


_SHAPE = operator.attrgetter("shape")
_JOINS: dict[tuple[int, tuple[Shape, ...]], frozenset[int]] = {}


def _joins(shapes: tuple[Shape, ...], known: Labels[L]) -> frozenset[int]:
    """Which rows wrap onto the row before them, decided by the rows' shapes alone: cached
    by table, since a template's table has one shape in report after report (``known`` is
    built once per process, so its id names it)."""
    key = (id(known), shapes)
    found = _JOINS.get(key)
    if found is None:
        if len(_JOINS) > 4096:
            _JOINS.clear()
        joined: set[int] = set()
        for at in range(1, len(shapes)):
            if at - 1 not in joined and _decide_wraps(shapes[at - 1], shapes[at], known):
                joined.add(at)  # a row joined to the one before is not joined to again
        found = _JOINS[key] = frozenset(joined)
    return found


def _decide_wraps(first: Shape, second: Shape, known: Labels[L]) -> bool:
    """Whether a row of shape ``second`` is the wrapped rest of one of shape ``first``: the
    same cells, its one word no label alone but the end of ``first``'s label (the two spell
    a known label), no cell before that word, numbers or blanks in its other cells."""
    words = [at for at, cell in enumerate(second) if cell]
    if len(words) != 1 or None not in second or len(first) != len(second):
        return False
    at = words[0]
    word, label = second[at] or "", first[at]
    if lookup(word, known) is not None or not label or any(c != "" for c in second[:at]):
        return False
    if any(first[at + 1 :]):
        return False  # words after the label: no row of a label and its numbers
    whole = lookup(label + word, known)
    return whole is not None and lookup(label, known) in (None, whole)


_NEAR_LINES = 3  # rows of one table's numbers, one per line: at most a blank line or two apart


def gather_numbers(rows: Sequence[RawRow]) -> Iterator[RawRow]:
    """Consecutive rows of only numbers as one row: table 四's fifteen numbers, one per line.
    Rows far apart (narrative between them, which the rows do not show) are not gathered:
    a number past the table's end would join its row."""
    gathered: RawRow | None = None
    last = 0  # the line of the last row gathered
    for row in rows:
        if gathered is not None and not (row.only_numbers and row.line - last <= _NEAR_LINES):
            yield gathered
            gathered = None
        if row.only_numbers:
            if gathered is None:
                gathered = row
            else:  # from several lines: their order is reading order
                gathered = GatheredRow((*gathered.cells, *row.cells), gathered.line)
            last = row.line
        else:
            yield row
    if gathered is not None:
        yield gathered


def joined_label(
    cells: Sequence[str], labels: list[tuple[int, str]], known: Labels[L]
) -> tuple[int, L | None]:
    """A label that spaces split over several cells (PDF text): adjacent label cells ending
    at the last one, joined, longest first."""
    if len(labels) < 2:
        return -1, None
    last = labels[-1][0]
    for first, _ in labels[:-1]:
        found = lookup("".join(cells[first : last + 1]), known)
        if found is not None:
            return last, found
    return -1, None


def _structural(cells: Sequence[str]) -> bool:
    """Captions and header rows: never half of a split data row."""
    first = next(cell for cell in cells if cell)
    bare = normalize(first)  # 其他 as a header word, not 3.其他 the row
    return bare in HEADER_WORDS or caption_key(first) is not None or is_note(first)


def _merge(first: RawRow, second: RawRow, known: Labels[L]) -> RawRow | None:
    head = trim(first.cells)
    if not head:
        return None
    words = [cell for cell, key in zip(second.cells, second.keys, strict=True) if key is not None]
    if not words:
        return None
    joined = head[-1] + words[0]
    if label_key(joined) in known:  # a label wrapped onto the next row
        rest = list(second.cells[second.cells.index(words[0]) + 1 :])
        return RawRow((*head[:-1], joined, *rest), first.line)
    return None
