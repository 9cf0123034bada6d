"""Tables drawn with box characters (w3m, elinks, some terminal dumps): ``│ ├ ┼ ─``, or with
ASCII (links: ``|``, ``+``, runs of ``-``). Each cell is the area the rules enclose, found by
filling between them in display columns, so wrapped text, rowspans and colspans come out as
drawn. A CJK character is two columns wide in w3m's drawings and one in links'; the width
that keeps the drawing's lines one length is the one it was drawn with."""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterator

from govinfo_report.read._grid import Cell, Grid, grid_lines

_RULE = frozenset(chr(code) for code in range(0x2500, 0x2580))  # the box-drawing block
_LARGEST = 100_000  # characters in one drawing: table 三 drawn by w3m takes ~10,000
_OPEN = frozenset("┌├└│┏┣┗┃╔╠╚║")  # characters a drawn table's line starts with
# ASCII rules: a run of three or more of ``- = : +`` (a lone ``-`` or ``+`` is a cell's text).
_ASCII_RULE = re.compile(r"[-=:+]{3,}")


def _width(character: str) -> int:
    return 2 if unicodedata.east_asian_width(character) in "WF" else 1


def _canvas(lines: list[str], wide: bool = True) -> list[list[str]]:
    """Each line in display columns: a wide character fills its second column with ``""``
    (when ``wide``). A rule line drawn shorter than the rows (elinks stops it early) is
    carried on to the table's width, so it still closes the cells above it."""
    canvas = []
    for line in lines:
        row: list[str] = []
        for character in line.rstrip():
            row.append(character)
            if wide and _width(character) == 2:
                row.append("")
        canvas.append(row)
    width = max(map(len, canvas), default=0)
    for row in canvas:
        if row and all(character in _RULE or character == " " for character in row):
            row.extend("─" * (width - len(row)))
    return canvas


def _areas(canvas: list[list[str]]) -> Iterator[list[tuple[int, int]]]:
    """The enclosed areas: runs of non-rule positions joined up and down, in reading order."""
    seen: set[tuple[int, int]] = set()
    for y, row in enumerate(canvas):
        for x, character in enumerate(row):
            if character in _RULE or (y, x) in seen:
                continue
            area, stack = [], [(y, x)]
            seen.add((y, x))
            while stack:
                here = stack.pop()
                area.append(here)
                for near in _neighbours(canvas, *here):
                    if near not in seen:
                        seen.add(near)
                        stack.append(near)
            yield area


def _neighbours(canvas: list[list[str]], y: int, x: int) -> Iterator[tuple[int, int]]:
    for ny, nx in ((y - 1, x), (y + 1, x), (y, x - 1), (y, x + 1)):
        if 0 <= ny < len(canvas) and 0 <= nx < len(canvas[ny]) and canvas[ny][nx] not in _RULE:
            yield ny, nx


def box_grid(lines: list[str], wide: bool = True) -> tuple[Grid, list[int]] | None:
    """One drawn table → a grid, and the line each of its rows starts on; ``None`` when an
    area is not enclosed (not a clean drawing). The drawing's common indentation (elinks
    indents it) is left out first."""
    if sum(map(len, lines)) > _LARGEST:
        return None  # no report table is drawn this large: left as text, never a hang
    indent = min(len(line) - len(line.lstrip(" ")) for line in lines)
    canvas = _canvas([line[indent:] for line in lines], wide)
    boxes = []
    for area in _areas(canvas):
        top, bottom = min(y for y, _ in area), max(y for y, _ in area)
        left, right = min(x for _, x in area), max(x for _, x in area)
        if top == 0 or left == 0 or bottom == len(canvas) - 1:
            return None  # open to the edge: not a cell between rules
        inside = set(area)
        text = "\n".join(
            "".join(canvas[y][x] for x in range(left, right + 1) if (y, x) in inside).strip()
            for y in range(top, bottom + 1)
        )
        boxes.append((top, bottom, left, right, text))
    tops = sorted({box[0] for box in boxes})
    lefts = sorted({box[2] for box in boxes})
    row_of = {top: at for at, top in enumerate(tops)}
    column_of = {left: at for at, left in enumerate(lefts)}
    slots: dict[tuple[int, int], Cell | None] = {}
    for top, bottom, left, right, text in boxes:
        row, column = row_of[top], column_of[left]
        rowspan = bisect.bisect_right(tops, bottom) - row
        colspan = bisect.bisect_right(lefts, right) - column
        for dy in range(rowspan):
            for dx in range(colspan):
                slots[row + dy, column + dx] = None
        slots[row, column] = Cell(text, rowspan, colspan)
    grid = Grid(
        tuple(tuple(slots.get((r, c)) for c in range(len(lefts))) for r in range(len(tops)))
    )
    return grid, tops


def _redraw(out: list[str], at: int, end: int, found: tuple[Grid, list[int]] | None) -> None:
    """The drawing at ``out[at:end]`` replaced by its tab rows, each on the line its row's
    text starts on (so findings point there), the other lines left empty."""
    if found is None:
        return
    grid, tops = found
    out[at:end] = [""] * (end - at)
    for row, top in zip(grid.rows, tops, strict=True):
        for line in grid_lines(Grid((row,))):
            out[at + top] = line


def unbox(lines: list[str]) -> list[str]:
    """Each drawn table replaced by its tab rows (a row on the line its text starts on, the
    other lines of the drawing left empty, so line numbers stay true). A drawing that is not a clean
    grid is left as it is."""
    out = list(lines)
    at = 0
    while at < len(lines):
        if lines[at].lstrip()[:1] not in _OPEN:
            at += 1
            continue
        end = at
        while end < len(lines) and lines[end].lstrip()[:1] in _OPEN:
            end += 1
        _redraw(out, at, end, box_grid(lines[at:end]))
        at = end
    return out


def _boxed(line: str) -> str:
    """An ASCII-drawn line in box characters: ``|`` a wall, runs of rule characters rules."""
    line = _ASCII_RULE.sub(lambda match: "─" * len(match.group()), line)
    return line.replace("|", "│")


def _drawn_wide(lines: list[str]) -> bool:
    """Whether a drawing counts a CJK character two columns wide: its lines are one length
    when measured the way it was drawn (links counts one, w3m two)."""
    narrow = {len(line.rstrip()) for line in lines}
    wide = {sum(map(_width, line.rstrip())) for line in lines}
    return len(wide) < len(narrow)


def unbox_ascii(lines: list[str]) -> list[str]:
    """Tables drawn in ASCII (links): a block of lines that opens with a ``+---`` rule and
    goes on in lines that start with ``|`` or ``+``, read as ``unbox`` reads a drawing. A
    block that is not a clean grid is left as it is (a pandoc grid table then is read by
    its rows)."""
    out = list(lines)
    at = 0
    while at < len(lines):
        if not lines[at].lstrip().startswith("+-"):
            at += 1
            continue
        end = at + 1
        while end < len(lines) and lines[end].lstrip()[:1] in ("|", "+"):
            end += 1
        block = [_boxed(line) for line in lines[at:end]]
        if end - at > 2:
            _redraw(out, at, end, box_grid(block, _drawn_wide(lines[at:end])))
        at = end
    return out
