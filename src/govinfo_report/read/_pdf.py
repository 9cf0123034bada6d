"""PDF files as blocks: ruled tables as grids, every other text line as a paragraph line.

pdfplumber finds the ruled tables (its cell boxes give merged cells directly; it was right on
every measured cell, and the faster pypdfium2 route needs a ruling-line finder of our own).
Characters are laid out here rather than by pdfplumber's text extraction, so a cell's text is
exactly the characters inside its box, CJK letter-spacing (``总 计``) is dropped, and a label
typeset one character per line reads as one word (``grid.cell_text`` joins the lines).

Across a page break a table goes on with no repeated header: the two parts are joined, a
merged label cut by the break (``（四）无`` / ``法提供``) is carried over as one cell, and a row
left empty by the break is dropped. A PDF without ruling lines gives only text lines, which
the text reader reads like any PDF text, naming every cell it cannot place for certain.
"""

from __future__ import annotations

import io
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from govinfo_report.errors import ParseError
from govinfo_report.model.labels import label_key
from govinfo_report.read._grid import Block, Cell, Grid
from govinfo_report.read._indexes import table_labels
from govinfo_report.read._pdf_text import ENUMERATED, Char, page_lines, text_lines

INSTALL = "pip install 'govinfo_report[pdf]'"
MAX_PAGES = 500  # a yearly report is a few dozen pages; past this it is not one

_CJK = "\u3000-\u9fff\uff00-\uffef"
_CJK_GAP = re.compile(f"(?<=[{_CJK}])\\s+(?=[{_CJK}])")
# Page furniture between the two parts of a table: page numbers, ``第 5 页 共 9 页``.
_FURNITURE = re.compile(r"^[\s\-—–_·.第共页/\dPpage]*$")
_NUMBER = re.compile(r"^[\s+\-\d.,，]*$")
_SNAP = 2.0  # points: coordinates of one ruling line drawn in pieces


@attrs.frozen
class _Table:
    """A grid found on a page with its column edges (to match its continuation)."""

    grid: Grid
    columns: tuple[float, ...]


def _snap(values: Iterable[float]) -> list[float]:
    edges: list[float] = []
    for value in sorted(values):
        if not edges or value - edges[-1] > _SNAP:
            edges.append(value)
    return edges


def _index(edges: Sequence[float], value: float) -> int:
    return min(range(len(edges)), key=lambda i: abs(edges[i] - value))


def _grid(boxes: Sequence[tuple[float, float, float, float]], chars: list[Char]) -> _Table:
    """Cell boxes laid on the table's column and row edges; each character goes to the box
    its centre falls in."""
    xs = _snap(v for box in boxes for v in (box[0], box[2]))
    ys = _snap(v for box in boxes for v in (box[1], box[3]))
    width, height = len(xs) - 1, len(ys) - 1
    owner: dict[tuple[int, int], tuple[int, int, int, int]] = {}
    for x0, top, x1, bottom in boxes:
        c0, c1, r0, r1 = _index(xs, x0), _index(xs, x1), _index(ys, top), _index(ys, bottom)
        if c1 <= c0 or r1 <= r0:
            continue
        for r in range(r0, r1):
            for c in range(c0, c1):
                owner.setdefault((r, c), (r0, c0, r1, c1))
    for r in range(height):  # a slot no box covers is a blank cell of its own
        for c in range(width):
            owner.setdefault((r, c), (r, c, r + 1, c + 1))
    texts: dict[tuple[int, int, int, int], list[Char]] = {}
    for char in chars:
        r = bisect_right(ys, (char.top + char.bottom) / 2) - 1
        c = bisect_right(xs, (char.x0 + char.x1) / 2) - 1
        if 0 <= r < height and 0 <= c < width:
            texts.setdefault(owner[(r, c)], []).append(char)
    rows = []
    for r in range(height):
        row: list[Cell | None] = []
        for c in range(width):
            r0, c0, r1, c1 = box = owner[(r, c)]
            if (r0, c0) != (r, c):
                row.append(None)
                continue
            text = "\n".join(text_lines(texts.get(box, [])))
            row.append(Cell(_CJK_GAP.sub("", text), r1 - r0, c1 - c0))
        rows.append(tuple(row))
    return _Table(Grid(tuple(rows)), tuple(xs))


def _page_blocks(page: Any) -> list[Block | _Table]:
    """One page: its tables (by content: a one-column box is body text, not a table) and its
    other lines, in reading order."""
    # WPS and Word fake bold by drawing a glyph twice, a hair apart: one character each.
    chars = [
        Char(c["x0"], c["top"], c["x1"], c["bottom"], c["text"], float(c.get("size") or 0))
        for c in page.dedupe_chars(tolerance=1).chars
        if c.get("text")
    ]
    glyph_numbers = sum(char.text.startswith("(cid:") for char in chars)
    if glyph_numbers > max(3, len(chars) // 20):
        raise ParseError(
            f"page {page.page_number} of the PDF has fonts without a Unicode map: its text "
            "reads as glyph numbers, not characters (convert it with another tool, or OCR it)",
            None,
        )
    placed: list[tuple[float, Block | _Table]] = []
    rest = chars
    for found in page.find_tables():
        x0, top, x1, bottom = found.bbox
        inside = [c for c in rest if x0 <= (c.x0 + c.x1) / 2 <= x1 and top <= c.top <= bottom]
        table = _grid(found.cells, inside)
        columns = max((len(row) for row in table.grid.rows), default=0)
        if columns < 2:
            continue  # a background box behind body text (WPS draws them): its text stays text
        placed.append((top, table))
        kept = set(map(id, inside))
        rest = [c for c in rest if id(c) not in kept]
    placed += page_lines(rest)
    placed.sort(key=lambda item: item[0])
    return [block for _, block in placed]


def _owners(grid: Grid) -> dict[int, tuple[int, Cell]]:
    """For each column of the grid's last row, the cell covering it and the row it starts in."""
    owners: dict[int, tuple[int, Cell]] = {}
    for r, row in enumerate(grid.rows):
        for c, cell in enumerate(row):
            if cell is None:
                continue
            if r + cell.rowspan >= len(grid.rows):
                for k in range(c, c + cell.colspan):
                    owners[k] = (r, cell)
    return owners


def _is_label(text: str) -> bool:
    return bool(text) and not _NUMBER.match(text)


def _continues(upper: str, lower: str, labels_right: bool) -> bool:
    """Whether ``lower``, atop the next page, is the rest of the label ``upper`` cut by the
    break: ``upper`` is a label but no whole known one, and ``lower`` is no number, no label
    of its own and no enumerated item; an empty ``lower`` only beside labels (a group's
    merged cell going on), never in a row of numbers."""
    if not _is_label(upper) or label_key(upper) in table_labels():
        return False
    if not lower:
        return labels_right
    return not (
        _NUMBER.match(lower) or ENUMERATED.match(lower) or label_key(lower) in table_labels()
    )


def _join(upper: Grid, lower: Grid) -> Grid:
    """A table and its continuation on the next page as one grid."""
    rows = [list(row) for row in upper.rows]
    tail = [list(row) for row in lower.rows]
    while tail and all(c is None or (not c.text and c.rowspan == 1) for c in tail[0]):
        tail.pop(0)  # a row the break left empty
    if tail:
        owners = _owners(upper)
        first = tail[0]
        for c, cell in enumerate(first):
            above = owners.get(c)
            if cell is None or above is None:
                continue
            start, label = above
            labels_right = any(
                other is not None and _is_label(other.text.strip()) for other in first[c + 1 :]
            )
            if (
                rows[start][c] is label
                and label.colspan == cell.colspan
                and _continues(label.text, cell.text.strip(), labels_right)
            ):
                merged = Cell(label.text + cell.text, label.rowspan + cell.rowspan, label.colspan)
                rows[start][c] = merged
                first[c] = None
    return Grid(tuple(tuple(row) for row in rows + tail))


def _running(pages: list[list[Block | _Table]]) -> frozenset[str]:
    """Lines that open or close more than one page: running headers and footers."""
    edges = Counter(
        block for page in pages if page for block in {page[0], page[-1]} if isinstance(block, str)
    )
    return frozenset(text for text, count in edges.items() if count > 1)


def _furniture(block: Block | _Table, running: frozenset[str]) -> bool:
    return isinstance(block, str) and (bool(_FURNITURE.match(block)) or block in running)


def _open_table(out: list[Block | _Table], running: frozenset[str]) -> int | None:
    """Where the last table stands when only page furniture follows it, else None."""
    for index in range(len(out) - 1, -1, -1):
        block = out[index]
        if isinstance(block, _Table):
            return index
        if not _furniture(block, running):
            return None
    return None


def _joined(pages: list[list[Block | _Table]]) -> list[Block]:
    """Pages in order, a table continued at the top of the next page joined to its first
    part (page numbers and running headers between them do not count)."""
    running = _running(pages)
    out: list[Block | _Table] = []
    for page in pages:
        head = True  # nothing but furniture yet on this page
        for block in page:
            if isinstance(block, _Table):
                index = _open_table(out, running) if head else None
                previous = out[index] if index is not None else None
                lower = _onto(block, previous.columns) if isinstance(previous, _Table) else None
                if isinstance(previous, _Table) and lower is not None:
                    out[index] = _Table(_join(previous.grid, lower), previous.columns)  # type: ignore[index]
                else:
                    out.append(block)
                head = False
            else:
                out.append(block)
                head = head and _furniture(block, running)
    return [block.grid if isinstance(block, _Table) else block for block in out]


def _onto(table: _Table, columns: Sequence[float]) -> Grid | None:
    """``table``'s grid laid on ``columns`` (the edges of the part above it), when each of its
    own column edges is one of them: a continuation whose rows happen to merge some columns
    (``四、结转下年度继续办理`` across the label columns) still goes on the same table. None
    when the edges do not match: a different table."""
    tolerance = 3 * _SNAP
    place = []
    for x in table.columns:
        index = _index(columns, x) if columns else -1
        if index < 0 or abs(columns[index] - x) > tolerance:
            return None
        place.append(index)
    if place[0] != 0 or place[-1] != len(columns) - 1 or place != sorted(set(place)):
        return None
    rows = []
    for row in table.grid.rows:
        wide: list[Cell | None] = [None] * (len(columns) - 1)
        for c, cell in enumerate(row):
            if cell is not None:
                start = place[c]
                wide[start] = attrs.evolve(cell, colspan=place[c + cell.colspan] - start)
        rows.append(tuple(wide))
    return Grid(tuple(rows))


def pdf_blocks(data: bytes) -> list[Block]:
    """The blocks of a PDF; ParseError for a file that is not a readable PDF, a scanned one,
    or when the ``pdf`` extra is not installed."""
    try:
        import pdfplumber
    except ImportError:
        raise ParseError(f"reading a PDF needs the optional extra: {INSTALL}", None) from None
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise ParseError(f"the PDF has {len(pdf.pages)} pages, too many for a report", None)
            pages = [_page_blocks(page) for page in pdf.pages]
    except ParseError:
        raise
    except Exception as error:  # pdfminer raises many unrelated types on a damaged file
        raise ParseError(f"not a readable PDF ({type(error).__name__}: {error})", None) from None
    if not any(pages):
        raise ParseError(
            "the PDF has no text layer (a scanned document of page images): run OCR on it first",
            None,
        )
    return _joined(pages)
