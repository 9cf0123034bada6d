"""PDF files as blocks: ruled tables as grids, every other text line as a paragraph line.

pdfplumber finds the ruled tables (its cell boxes give merged cells directly; it was right on
every measured cell, and the faster pypdfium2 route needs a ruling-line finder of our own).
Characters are laid out here rather than by pdfplumber's text extraction, so a cell's text is
exactly the characters inside its box, CJK letter-spacing (``总 计``) is dropped, and a label
typeset one character per line reads as one word (``grid.cell_text`` joins the lines).

Tables continued across page breaks are joined in ``_pdf_join.py``. A PDF without ruling
lines gives only text lines, which the text reader reads like any PDF text, naming every
cell it cannot place for certain.
"""

from __future__ import annotations

import io
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from typing import Any

from govinfo_report.errors import ParseError
from govinfo_report.read._grid import Block, Cell, Grid
from govinfo_report.read._pdf_join import Table, joined
from govinfo_report.read._pdf_text import Char, page_lines, text_lines

INSTALL = "pip install 'govinfo_report[pdf]'"
MAX_PAGES = 500  # a yearly report is a few dozen pages; past this it is not one

_CJK = "\u3000-\u9fff\uff00-\uffef"
_CJK_GAP = re.compile(f"(?<=[{_CJK}])\\s+(?=[{_CJK}])")
_SNAP = 2.0  # points: coordinates of one ruling line drawn in pieces


def _snap(values: Iterable[float]) -> list[float]:
    edges: list[float] = []
    for value in sorted(values):
        if not edges or value - edges[-1] > _SNAP:
            edges.append(value)
    return edges


def _index(edges: Sequence[float], value: float) -> int:
    return min(range(len(edges)), key=lambda i: abs(edges[i] - value))


def _grid(boxes: Sequence[tuple[float, float, float, float]], chars: list[Char]) -> Table:
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
    return Table(Grid(tuple(rows)), tuple(xs))


def _page_blocks(page: Any) -> list[Block | Table]:
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
    placed: list[tuple[float, Block | Table]] = []
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
    return joined(pages)
