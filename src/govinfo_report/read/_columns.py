"""Rows of text whose columns are drawn with spaces (``pdftotext -layout``, lynx, links, w3m
without borders) with blank cells: each number placed in the column that the table's full
rows draw, counted in characters or in display width (w3m: a CJK character two wide),
whichever the full rows agree in. Such text keeps every number where it stood on the page,
so a row with fewer numbers than columns still shows which columns they are in: each number
overlaps the extent of one column of the rows that have every cell. The blanks go back in as
cells of one no-break space, which the reader keeps as empty cells. Where the full rows do
not draw clear columns, a number overlaps no column or two, or the placed numbers do not add
up to the row's total, the row is left as it is (its cells stay blank and named). Table 三
is placed so: the one table whose rows carry labels and whose width (seven columns) is
known, so a converter that split numbers into more pieces (inscriptis: ``1 8`` for 18)
draws no columns here. Table 四 has one row of numbers and no full row to learn from: its
columns are its header's leaf words (``结果``/``维持`` … ``总计``), fifteen of them apart."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from itertools import pairwise

from govinfo_report.model.editions import (
    APPLICATION_COLUMNS,
    LITIGATION,
    REVIEW_GROUPS,
    REVIEW_LEAVES,
)
from govinfo_report.model.labels import caption_key, label_key
from govinfo_report.model.text import heading_parts
from govinfo_report.model.values import is_value
from govinfo_report.read._indexes import application_labels
from govinfo_report.read._totals import GROUP_TOTALS, ROW_TOTAL, Totals, adds_up

Span = tuple[int, int]  # where a number stands on its line: start, end
Measure = Callable[[str], str]  # a line → the line as its columns are lined up in

_TOKEN = re.compile(r"[^ \t\u3000]+")
_GAP = 8  # lines between two rows of one table (a label wrapped around its numbers)
_FULL = 3  # rows with every cell that must agree before their columns are trusted
BLANK = "\xa0"  # an empty cell in a row of cells apart by spaces


def _numbers(line: str) -> list[Span]:
    """Where the numbers that end a line stand (none unless two at least)."""
    tail = line.rstrip(" \t\u3000")
    if not is_value(tail[max(tail.rfind(" "), tail.rfind("\u3000")) + 1 :]):
        return []  # most lines: narrative, which ends in no number (looked at cheaply first)
    spans = [match.span() for match in _TOKEN.finditer(line)]
    count = 0
    while count < len(spans) and is_value(line[slice(*spans[-1 - count])]):
        count += 1
    return spans[len(spans) - count :] if count >= 2 else []


def _runs(lines: list[str]) -> Iterator[list[tuple[int, list[Span]]]]:
    """Rows of numbers close together, cut at headings and table-二 captions: one table's."""
    run: list[tuple[int, list[Span]]] = []
    for number, line in enumerate(lines):
        spans = _numbers(line)
        if not spans:
            stripped = line.strip()
            if stripped and (heading_parts(stripped) or caption_key(stripped)):
                yield run
                run = []
            continue
        if run and number - run[-1][0] > _GAP:
            yield run
            run = []
        run.append((number, spans))
    yield run


def _tables(
    lines: list[str], run: list[tuple[int, list[Span]]], measure: Measure
) -> Iterator[tuple[list[tuple[int, list[Span]]], list[Span]]]:
    """A run of table-三 rows, cut where its full rows (seven numbers) stop agreeing on the
    columns (a table continued on a page laid out otherwise); each part with its columns'
    extents over its full rows (as ``measure`` places them), where three at least agree and
    the columns stand apart."""
    width = max((len(spans) for _, spans in run), default=0)
    rows = application_labels()[0]
    if width != len(APPLICATION_COLUMNS) or not any(
        label_key(lines[number][: spans[0][0]]) in rows for number, spans in run
    ):
        return
    part: list[tuple[int, list[Span]]] = []
    extents: list[Span] = []
    full = 0
    for number, spans in run:
        if len(spans) == width:
            where = _positions(measure(lines[number]), len(spans))
            merged = [
                (min(a[0], b[0]), max(a[1], b[1]))
                for a, b in zip(extents or where, where, strict=True)
            ]
            if not extents or _touch(merged):
                yield from _trusted(part, extents, full)
                part, merged, full = [], where, 0
            extents, full = merged, full + 1
        part.append((number, spans))
    yield from _trusted(part, extents, full)


def _trusted(
    part: list[tuple[int, list[Span]]], extents: list[Span], full: int
) -> Iterator[tuple[list[tuple[int, list[Span]]], list[Span]]]:
    if full >= _FULL and len(part) > full and not _touch(extents):
        yield part, extents


def _touch(extents: list[Span]) -> bool:
    """Whether two columns' extents meet: a number between them could be in either."""
    return any(left[1] >= right[0] for left, right in pairwise(extents))


def _column(span: Span, extents: list[Span]) -> int | None:
    """The one column whose extent the number overlaps."""
    hits = [j for j, (start, end) in enumerate(extents) if span[0] < end and start < span[1]]
    return hits[0] if len(hits) == 1 else None


def _characters(line: str) -> str:
    return line


def _display(line: str) -> str:
    """The line as it stands on a screen that draws a CJK character two wide (w3m): such a
    character twice. w3m lines its columns up so, where pdftotext, lynx and links line them
    up in characters."""
    return "".join(c * 2 if unicodedata.east_asian_width(c) in "WF" else c for c in line)


_MEASURES: tuple[Measure, ...] = (_characters, _display)
_FULL_ROW = len(APPLICATION_COLUMNS)  # numbers in a table-三 row with every cell


def place_by_columns(lines: list[str]) -> list[str]:
    """Rows with blank cells written with a no-break space in each blank cell."""
    out = place_review_row(lines)
    for run in _runs(lines):
        # Columns as the measure under which the full rows agree over the most rows: rows
        # whose labels happen to be one length agree under the wrong one too, but few.
        found = [(list(_tables(lines, run, measure)), measure) for measure in _MEASURES]
        tables, measure = max(found, key=lambda pair: sum(len(part) for part, _ in pair[0]))
        for table, extents in tables:
            # A row's label in more cells than the full rows' (a group label beside its row
            # label) may push its numbers a column along (inscriptis): not placed by them.
            labels = {
                _label_cells(lines[n], spans) for n, spans in table if len(spans) == _FULL_ROW
            }
            for number, spans in table:
                line = lines[number]
                if _label_cells(line, spans) not in labels:
                    continue
                cells = _placed(line, spans, measure(line), extents)
                if cells is not None:
                    out[number] = line[: spans[0][0]] + "   ".join(cells)
    return out


_CELL_GAP = re.compile(r"[ \t\u3000]{2,}")


def _label_cells(line: str, spans: list[Span]) -> int:
    """How many cells (apart by two spaces or more) the words before a row's numbers fill."""
    return len(_CELL_GAP.split(line[: spans[0][0]].strip()))


def _positions(canvas: str, count: int) -> list[Span]:
    """Where the last ``count`` words of a measured line stand (its numbers, which are
    narrow: the same words as on the line itself)."""
    return [match.span() for match in _TOKEN.finditer(canvas)][-count:]


def _placed(line: str, spans: list[Span], canvas: str, extents: list[Span]) -> list[str] | None:
    """A short row's cells by column (blanks as ``BLANK``), where each number overlaps one
    column, in order, each blank leaves room for itself on the line (a longer label that
    pushes the numbers along lines them up with later columns by chance), and the row's
    total is there and is the sum of the rest: a table shifted on its page would move the
    numbers, not keep that sum in the last column."""
    if len(spans) == len(extents):
        return None
    return _by_columns(line, spans, canvas, extents, ROW_TOTAL, after_words=True)


def _by_columns(
    line: str,
    spans: list[Span],
    canvas: str,
    extents: list[Span],
    totals: Totals,
    after_words: bool,
) -> list[str] | None:
    """The row's cells by column (blanks as ``BLANK``), where each number overlaps one
    column, in order, each blank leaves room for itself, and every total of ``totals`` is
    there and adds up."""
    where = _positions(canvas, len(spans))
    columns = [_column(span, extents) for span in where]
    placed = [column for column in columns if column is not None]
    if len(placed) != len(spans) or placed != sorted(set(placed)):
        return None
    # A run of blank columns leaves room on the line before the number after it (from the
    # label's end, or the number before): a character for each, and the table's narrowest
    # gap between columns around each (at a line's start, with no words before, no gap).
    # Less, and the numbers only follow their label.
    gap = min(right[0] - left[1] for left, right in pairwise(extents))
    ends = [len(canvas[: where[0][0]].rstrip()), *(end for _, end in where)]
    for after, (column, (start, _)) in enumerate(zip(placed, where, strict=True)):
        skipped = column - (placed[after - 1] + 1 if after else 0)
        lead = gap if after or after_words else 0
        if skipped and start - ends[after] < skipped * (gap + 1) + lead:
            return None
    cells = [BLANK] * len(extents)
    for (start, end), column in zip(spans, placed, strict=True):
        cells[column] = line[start:end]
    return cells if adds_up(cells, totals) else None


# Table 四's header words: its leaves whole or cut in two (结果维持, 结果 / 维持), which stand
# over one column each, and its groups' words, which stand over several.
_LEAF_WORDS = frozenset(
    word for leaf in REVIEW_LEAVES for word in (leaf.label, leaf.label[:2], leaf.label[2:]) if word
)
_GROUP_WORDS = frozenset(
    {LITIGATION, *(word for group in REVIEW_GROUPS for word in (group.label, *group.aliases))}
)
_REVIEW_WIDTH = len(REVIEW_GROUPS) * len(REVIEW_LEAVES)
_HEADER_LINES = 8  # lines of table 四's header above its numbers, blank lines among them


def place_review_row(lines: list[str]) -> list[str]:
    """Table 四's row of numbers with blank cells, each number under the one header leaf
    word whose extent it overlaps (as one measure lines them up): fifteen columns apart,
    each blank leaving room for itself, and each group's 总计 there and the sum of the rest."""
    out = list(lines)
    done = -1  # the last row of numbers looked at (its header has more lines with 审结)
    for number, line in enumerate(lines):
        if "审结" not in line or number < done:
            continue
        found = _review_numbers(lines, number)
        if found is None:
            continue
        row, spans = found
        done = row
        if len(spans) >= _REVIEW_WIDTH or lines[row][: spans[0][0]].strip():
            continue  # a full row, or words before the numbers
        top = number  # the header's first line: its words may stand above 审结's line
        while top > max(0, number - _HEADER_LINES) and _header_only(lines[top - 1]):
            top -= 1
        header = [at for at in range(top, row) if lines[at].strip()]
        for measure in _MEASURES:
            extents = _leaf_columns([lines[at] for at in header], measure)
            canvas = measure(lines[row])
            cells = extents and _by_columns(
                lines[row], spans, canvas, extents, GROUP_TOTALS, after_words=False
            )
            if cells:
                out[row] = lines[row][: spans[0][0]] + "   ".join(cells)
                break
    return out


def _review_numbers(lines: list[str], number: int) -> tuple[int, list[Span]] | None:
    """The line of numbers under the header line ``number`` (past the rest of the header,
    lines of its words only, and blank lines) and where its numbers stand."""
    for at in range(number, min(len(lines), number + _HEADER_LINES)):
        if not _header_only(lines[at]):
            spans = _numbers(lines[at])
            return (at, spans) if spans else None
    return None


def _header_only(line: str) -> bool:
    """A blank line, or one of table 四's header words only."""
    return all(word in _LEAF_WORDS or word in _GROUP_WORDS for word in line.split())


def _leaf_columns(header: list[str], measure: Measure) -> list[Span]:
    """The extents of the header's leaf words as ``measure`` lines them up, those that
    overlap merged: fifteen columns standing apart, or none."""
    spans = sorted(
        (len(measure(line[: match.start()])), len(measure(line[: match.end()])))
        for line in header
        for match in _TOKEN.finditer(line)
        if match.group() in _LEAF_WORDS
    )
    columns: list[Span] = []
    for start, end in spans:
        if columns and start < columns[-1][1]:
            columns[-1] = (columns[-1][0], max(end, columns[-1][1]))
        else:
            columns.append((start, end))
    return columns if len(columns) == _REVIEW_WIDTH and not _touch(columns) else []
