"""PDF characters laid out as text lines: gaps read as spaces the way running text leaves
them, lines wrapped at the margin joined, and labels typeset one character per line in a
column of their own (a merged group label in a narrow column) read as one label.

Used for what lies outside ruled tables, and for a cell's own text inside one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs

_CJK = "\u3000-\u9fff\uff00-\uffef"
# A label that begins with an enumerator starts a new one: ``（三）不予公开（四）无法提供`` read
# down one narrow column is two labels.
ENUMERATED = re.compile(
    r"^\s*(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+[、.．]|\d+[.．、])"
)
_STARTS = re.compile(
    r"(?=[（(][一二三四五六七八九十]+[）)])|(?=(?<![（(])[一二三四五六七八九十]+、)"
)


@attrs.frozen
class Char:
    """One glyph where the PDF puts it (points from the page's top left)."""

    x0: float
    top: float
    x1: float
    bottom: float
    text: str
    size: float


def _is_cjk(text: str) -> bool:
    return bool(re.match(f"[{_CJK}]", text))


@attrs.frozen
class Line:
    """A line of text with where it stands."""

    top: float
    bottom: float
    x0: float
    x1: float
    size: float
    text: str
    wide: bool  # holds a gap wider than a character: columns, not running text


def _line(chars: list[Char]) -> Line:
    """One line's characters left to right: a space where the gap is wider than running text
    leaves (CJK characters that touch are joined, ``2021年`` stays whole)."""
    parts: list[str] = []
    previous: Char | None = None
    wide = False
    ordered = sorted(chars, key=lambda c: c.x0)
    for char in ordered:
        if char.text.isspace():
            continue
        if previous is not None:
            gap = char.x0 - previous.x1
            size = max(char.size, 1.0)
            cjk = _is_cjk(previous.text[-1]) + _is_cjk(char.text[0])
            wide = wide or gap > size
            if gap > (0.15, 0.5, 0.3)[cjk] * size:
                parts.append(" ")
        parts.append(char.text)
        previous = char
    return Line(
        min(c.top for c in chars),
        max(c.bottom for c in chars),
        ordered[0].x0,
        max(c.x1 for c in chars),
        max(c.size for c in chars),
        "".join(parts),
        wide,
    )


def _rows(chars: Iterable[Char]) -> list[list[Char]]:
    """Characters grouped into rows, top to bottom, each left to right."""
    rows: list[list[Char]] = []
    for char in sorted(chars, key=lambda c: (c.top, c.x0)):
        if char.text.isspace():
            continue
        if rows and abs(char.top - rows[-1][0].top) <= 0.5 * max(char.size, 1.0):
            rows[-1].append(char)
        else:
            rows.append([char])
    return [sorted(row, key=lambda c: c.x0) for row in rows]


def text_lines(chars: Iterable[Char]) -> list[str]:
    """The lines of a cell's characters, top to bottom."""
    return [_line(row).text for row in _rows(chars)]


def _alone(row: list[Char]) -> list[Char]:
    """The CJK characters of ``row`` that stand apart from both neighbours (running CJK text
    touches; a label in a narrow column of its own does not)."""
    alone = []
    for index, char in enumerate(row):
        apart = 0.3 * max(char.size, 1.0)
        left = index == 0 or char.x0 - row[index - 1].x1 > apart
        right = index == len(row) - 1 or row[index + 1].x0 - char.x1 > apart
        if left and right and _is_cjk(char.text):  # a lone digit is a value, not a label
            alone.append(char)
    return alone


def _vertical(rows: list[list[Char]]) -> tuple[list[list[Char]], list[Line]]:
    """Labels typeset one character per line, taken out of the rows they share with other
    cells and returned as lines of their own: three or more lone characters stacked in one
    column, a line apart, split where an enumerator starts a new label."""
    stacks: list[list[Char]] = []
    for row in rows:
        for char in _alone(row):
            size = max(char.size, 1.0)
            for stack in stacks:
                last = stack[-1]
                centre = (last.x0 + last.x1) / 2
                if abs(centre - (char.x0 + char.x1) / 2) <= 0.3 * size and (
                    0.5 * size <= char.top - last.top <= 2 * size
                ):
                    stack.append(char)
                    break
            else:
                stacks.append([char])
    taken: set[int] = set()
    labels: list[Line] = []
    for stack in stacks:
        if len(stack) < 3:
            continue
        taken.update(map(id, stack))
        text = "".join(char.text for char in stack)
        size = max(char.size for char in stack)
        cuts = [m.start() for m in _STARTS.finditer(text) if m.start()] + [len(text)]
        start = 0
        for cut in cuts:
            first = stack[start]
            labels.append(
                Line(
                    first.top,
                    stack[cut - 1].bottom,
                    first.x0,
                    first.x1,
                    size,
                    text[start:cut],
                    True,
                )
            )
            start = cut
    kept = [[char for char in row if id(char) not in taken] for row in rows]
    return [row for row in kept if row], labels


def page_lines(chars: Iterable[Char]) -> list[tuple[float, str]]:
    """The text lines of a page's characters outside tables, as (top, text) in reading
    order: vertical labels on lines of their own, running text rejoined."""
    rows, labels = _vertical(_rows(chars))
    lines = sorted([*map(_line, rows), *labels], key=lambda line: (line.top, line.x0))
    return [(line.top, line.text) for line in _paragraphs(lines) if line.text.strip()]


def _paragraphs(lines: list[Line]) -> list[Line]:
    """Running text wrapped at the right margin joined back into one line (a title broken as
    ``…年度报`` / ``告``); lines laid out in columns are never joined."""
    if not lines:
        return lines
    right = max(line.x1 for line in lines)
    joined = [lines[0]]
    for line in lines[1:]:
        last = joined[-1]
        if (
            not (last.wide or line.wide)
            and not ENUMERATED.match(line.text)  # a heading or item starts its own line
            and abs(last.size - line.size) <= 0.5
            and last.x1 >= right - 1.5 * last.size
            and line.x0 <= last.x0 + last.size
            and 0 <= line.top - last.bottom <= 0.8 * last.size
        ):
            joined[-1] = attrs.evolve(
                last, bottom=line.bottom, x1=line.x1, text=last.text + line.text
            )
        else:
            joined.append(line)
    return joined
