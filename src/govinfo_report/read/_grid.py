"""Tables as published files hold them (HTML, Word, PDF): a grid of cells with their spans,
turned into the tab rows the text reader already binds, so every format meets one binder."""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs

# A line break inside a cell joins without a space between CJK characters (``本年新`` /
# ``制作数量``) and with one between Latin words or numbers.
_CJK_EDGE = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")
_BLANK = re.compile(r"[\s\u00a0\u3000\u200b]+")


@attrs.frozen
class Cell:
    """One cell where it starts; ``text`` keeps the cell's own line breaks as ``\\n``."""

    text: str
    rowspan: int = 1
    colspan: int = 1


@attrs.frozen
class Grid:
    """A table's rows, each as wide as the table: a ``Cell`` where a cell starts, ``None`` in
    a slot a span from above or from the left covers."""

    rows: tuple[tuple[Cell | None, ...], ...]


# What a format reader yields, in reading order: a paragraph's text, or a table.
Block = str | Grid


def cell_text(text: str) -> str:
    """A cell's lines as one: fragments joined (with a space only between non-CJK ends);
    no-break and zero-width spaces read as blanks; a cell of only blanks is empty."""
    parts = [_BLANK.sub(" ", part).strip() for part in text.split("\n")]
    joined = ""
    for part in filter(None, parts):
        if joined and not (_CJK_EDGE.match(joined[-1]) or _CJK_EDGE.match(part[0])):
            joined += " "
        joined += part
    return joined.replace("\t", " ").replace("|", "｜")


def paragraph_text(text: str) -> str:
    """A paragraph's lines as one, joined as cells are, but spaces inside a line kept as
    written (a narrative line's text is kept exactly); a tab reads as a space, a pipe as ｜
    (either would make the line a table row)."""
    parts = [part.strip() for part in text.replace("\t", " ").split("\n")]
    joined = ""
    for part in filter(None, parts):
        if joined and not (_CJK_EDGE.match(joined[-1]) or _CJK_EDGE.match(part[0])):
            joined += " "
        joined += part
    return joined.replace("|", "｜")


def grid_lines(grid: Grid) -> list[str]:
    """One tab row per grid row: each cell where it starts (its covered slots left out, as a
    browser's text of the table does), a blank cell as an empty field; empty rows dropped."""
    lines = []
    for row in grid.rows:
        cells = [cell_text(cell.text) for cell in row if cell is not None]
        if any(cells):
            lines.append("\t".join(cells))
    return lines


def blocks_text(blocks: Iterable[Block]) -> str:
    """The text the reader binds: paragraphs as lines, each table's rows between blank lines."""
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Grid):
            lines.extend(["", *grid_lines(block), ""])
        else:
            lines.append(paragraph_text(block))
    return "\n".join(lines) + "\n"
