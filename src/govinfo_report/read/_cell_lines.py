"""Tables whose cells stand on lines of their own, as a browser's innerText and scrapers that
put each ``<span>`` on a line leave them: cells gathered back into rows, labels and numbers
split over lines joined. Each repair keeps line numbers true (lines it takes stay empty)."""

from __future__ import annotations

import re
from collections import Counter

from govinfo_report.model.labels import label_key
from govinfo_report.read._indexes import table_labels


def rejoin_cells(lines: list[str]) -> list[str]:
    """A browser's innerText of a table: each cell on lines of its own, a line holding only a
    tab between two cells of a row (blank lines around it), rows apart by blank lines with no
    tab line. Each row becomes one tab row on its first line; the lines it took stay empty,
    so line numbers stay true. Only text shaped so throughout is touched: tab rows or the
    cells layout (a tab, then the cell's text) leave it alone."""
    separators = lines.count("\t")
    if separators < 4 or any("\t" in line and line != "\t" for line in lines):
        return lines
    out = list(lines)
    at = 0
    gaps = _usual_gaps(lines)
    while at < len(lines):
        if _gap(lines[at]):
            at += 1
            continue
        start, at = at, _row_end(lines, at, gaps)
        cells: list[str] = []
        cell: list[str] = []
        for line in lines[start:at]:
            if line == "\t":
                cells.append("".join(cell))
                cell = []
            elif line.strip():
                cell.append(line.strip())
        cells.append("".join(cell))
        if len(cells) > 1:
            out[start:at] = ["\t".join(cells)] + [""] * (at - start - 1)
    return out


_PIECE = re.compile(r"[.,]\d+")  # a number's rest, cut at a point or a thousands comma
_NUMBER = re.compile(r"[+-]?\d+(?:,\d{3})*(?:\.\d+)?")
_REST = re.compile(r"\d[\d,]*(?:\.\d+)?")  # digits that may end a number cut short
_CUT_GROUP = re.compile(r"[+-]?\d{1,3}(?:,\d{3})*,\d{0,2}")  # 316,60 or 46,: a group cut
# Where rejoin_number_pieces has work: a cut group over a line of digits, a line that starts
# with a point or a comma (patterns that start with a literal: found at C speed).
CUT_OVER_LINES = re.compile(r",\d{0,2}\n\d")
PIECE_LINE = re.compile(r"\n[.,]\d")  # a line that starts with a point or a comma


def rejoin_number_pieces(lines: list[str]) -> list[str]:
    """A number cut over lines of its own (a scraper that puts each ``<span>`` of a cell on
    its own line: ``35487`` / ``.8798``, ``362`` / ``,066``, ``46,`` / ``155``, ``316,60`` /
    ``4``, ``565,8`` / ``72,182``), joined back where the pieces make one well-formed
    number: no cell starts with a point or a comma, nor ends in a thousands group cut
    short, and read apart it is lost."""
    out = list(lines)
    last = -2  # the line the number being joined back stands on
    reached = -2  # the last line with anything on it: a piece must come right after it
    for at, line in enumerate(lines):
        part = line.strip()
        if not part:
            continue
        whole = out[last].strip() if reached == at - 1 else ""
        cut = _PIECE.fullmatch(part) is not None or (
            _CUT_GROUP.fullmatch(whole) is not None and _REST.fullmatch(part) is not None
        )
        if whole and cut and "." not in whole and _NUMBER.fullmatch(whole + part):
            out[last], out[at] = whole + part, ""
        else:
            last = at
        reached = at
    return out


def has_label_above_row(text: str) -> bool:
    """Whether a row led by a tab (two at least) stands under blank lines under a line
    without a tab: where rejoin_label_lines may have work. Looked for from each blank line
    before a tab, at C speed: tab rows with an empty first cell are common, this rare."""
    at = text.find("\n\n\t")
    while at != -1:
        row_end = text.find("\n", at + 2)
        if text.count("\t", at + 2, row_end if row_end != -1 else len(text)) >= 2:
            end = at
            while end > 0 and text[end - 1] == "\n":
                end -= 1  # past the blank lines
            above = text[text.rfind("\n", 0, end) + 1 : end]
            if above.strip() and "\t" not in above:
                return True
        at = text.find("\n\n\t", at + 1)
    return False


_LABEL_LINES = 3  # the most lines a row label's paragraphs take in a browser's text


def rejoin_label_lines(lines: list[str]) -> list[str]:
    """A tab row whose first cell is empty, under lines that together spell a known row
    label none of them is alone: the label's paragraphs, which a browser's innerText puts on
    lines of their own above the rest of the row (``（二）部分公开（区分处理的，只计这一情形`` /
    ``，不计其他情形）`` / ``\t7\t7…``). Joined into one row; the lines taken stay empty."""
    known = table_labels()
    out = list(lines)
    for at, line in enumerate(lines):
        if not (line.startswith("\t") and line.count("\t") >= 2):
            continue
        pieces: list[str] = []
        back = at - 1
        while back >= 0 and len(pieces) < _LABEL_LINES:
            piece = out[back].strip()
            if not piece:
                back -= 1
                continue
            if "\t" in out[back] or label_key(piece) in known:
                break
            pieces.insert(0, piece)
            if label_key("".join(pieces)) in known:
                out[at] = "".join(pieces) + line
                for taken in range(back, at):
                    out[taken] = ""
                break
            back -= 1
    return out


def _gap(line: str) -> bool:
    """A blank line, not a tab line. A line of no-break spaces is no gap: it is an ``&nbsp;``
    cell, and taken for a gap as a row's last cell it would join the next row to this one."""
    return not line.strip() and line != "\t" and "\xa0" not in line


def _usual_gaps(lines: list[str]) -> tuple[int, int]:
    """How many blank lines stand before a tab line (after a cell) and after one (before the
    next cell), as most cells of the text have them (the browser draws every cell alike)."""
    before: Counter[int] = Counter()
    after: Counter[int] = Counter()
    for at, line in enumerate(lines):
        if line != "\t":
            continue
        back = at - 1
        while back >= 0 and _gap(lines[back]):
            back -= 1
        if back >= 0 and lines[back] != "\t":
            before[at - back - 1] += 1
        ahead = at + 1
        while ahead < len(lines) and _gap(lines[ahead]):
            ahead += 1
        if ahead < len(lines) and lines[ahead] != "\t":
            after[ahead - at - 1] += 1
    return _most_common(before), _most_common(after)


def _most_common(counts: Counter[int]) -> int:
    return counts.most_common(1)[0][0] if counts else 0


def _row_end(lines: list[str], at: int, gaps: tuple[int, int]) -> int:
    """Where the innerText row starting at ``at`` ends: after a cell, blank lines that do not
    lead to a tab line end it, and so do more blank lines than usually stand before a tab
    line (``gaps[0]``): the next row's first cell was empty (``<td></td>`` leaves no line);
    after a tab line, more blank lines than stand before a cell (``gaps[1]``) end it too:
    the row's last cell was empty."""
    before, after = gaps
    while at < len(lines):
        if not _gap(lines[at]):
            at += 1
            continue
        ahead = at
        while ahead < len(lines) and _gap(lines[ahead]):
            ahead += 1
        if ahead < len(lines) and lines[ahead] == "\t":
            if lines[at - 1] != "\t" and ahead - at > before:
                return at
            at = ahead  # the next cell of this row
            continue
        if ahead < len(lines) and lines[at - 1] == "\t" and ahead - at <= after:
            at = ahead  # the cell after a tab line, past the blank line before it
            continue
        return at
    return at
