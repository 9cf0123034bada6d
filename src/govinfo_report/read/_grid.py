"""Tables as published files hold them (HTML, Word, PDF): a grid of cells with their spans,
turned into the tab rows the text reader already binds, so every format meets one binder."""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs

# A line break inside a cell joins without a space between CJK characters (``本年新`` /
# ``制作数量``) and with one between Latin words or numbers.
_CJK_EDGE = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")
# A no-break space is a space (a cell of them is blank); a zero-width space is nothing; a
# tab or any other character that would end a line of text is a space.
_SPACES: dict[int, str | None] = {ord(c): " " for c in "\u00a0\t\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"}
_SPACES[ord("\u200b")] = None


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


def _spaced(text: str) -> str:
    # ``str.translate`` looks every character up in the table, slow on a long paragraph; all
    # of them are unprintable, so a printable line (nearly every line) needs none.
    return text if text.isprintable() else text.translate(_SPACES)


def cell_text(text: str) -> str:
    """A cell's lines as one: fragments joined (with a space only between non-CJK ends);
    no-break and zero-width spaces read as blanks; a cell of only blanks is empty. Spaces
    inside a line are kept as they stand (the text route keeps them: a cell is exact)."""
    if text.isdigit():  # a count: most cells
        return text
    if "\n" not in text:  # one line
        return _spaced(text).strip().replace("|", "｜")
    parts = [_spaced(part).strip() for part in text.split("\n")]
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
    return lines_text(grid_lines(block) if isinstance(block, Grid) else block for block in blocks)


def lines_text(blocks: Iterable[str | list[str]]) -> str:
    """``blocks_text`` for a reader that has each table's tab rows already (HTML's need no
    grid): a paragraph is a ``str``, a table its list of rows."""
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, str):
            lines.extend(cell_text(block).splitlines() or [""])
        else:
            lines.extend(["", *block, ""])
    return "\n".join(lines) + "\n"
