"""Tools that print one table cell per paragraph leave a blank cell as nothing but blank
lines: each cell is its text and one blank line, so an empty cell adds two (docx2txt) or one
(lynx). Where the whole text keeps that rhythm, the blank lines between a row's cells say how
many were empty, and the row is rebuilt as a tab row with those cells empty — never read left
to right. An empty cell that held ``&nbsp;`` prints as a line of no-break spaces instead: a
cell of the rhythm, empty, which alone shows a row's last cell was there."""

from __future__ import annotations

from itertools import pairwise

from govinfo_report.model.labels import label_key
from govinfo_report.model.text import heading_parts
from govinfo_report.model.values import is_value
from govinfo_report.read._indexes import column_labels, row_widths, table_labels

_REVIEW_CELLS = 15  # table 四's one row: five cells for 行政复议, five for each 行政诉讼 group
_ENUMERATED = ("（", "(", "一", "二", "三", "四", "1", "2", "3", "4", "5", "6", "7", "8")


def regap(lines: list[str]) -> list[str]:
    """Rows of one cell per paragraph rebuilt as tab rows, empty cells counted from the gaps.
    Text whose cells are not one blank line apart (most gaps) is returned as it is."""
    # A line of no-break spaces is an &nbsp; cell's paragraph: a cell, not a gap.
    content = [n for n, line in enumerate(lines) if line.strip() or _is_blank_cell(line)]
    gaps = [after - before - 1 for before, after in pairwise(content)]
    if len(gaps) < 20 or gaps.count(1) < 0.6 * len(gaps):
        return lines
    if max(gaps) < 2 and not any(_is_blank_cell(lines[number]) for number in content):
        return lines  # no cell is empty: the rows read as they stand
    # How many blank lines an empty cell adds: two (docx2txt: a cell is its text and a blank
    # line) unless two numbers stand two blank lines apart, which only one can give (lynx).
    numbers = [_is_number(lines[number]) for number in content]
    unit = (
        1
        if any(gap == 2 and numbers[index] and numbers[index + 1] for index, gap in enumerate(gaps))
        else 2
    )
    out = list(lines)
    at = 0
    while at < len(content):
        if not _is_number(lines[content[at]]):
            at += 1
            continue
        end = at
        while end < len(content) and _is_number(lines[content[end]]):
            end += 1
        first = at
        # The row's labels: the line right before its values (its gap may hold empty cells),
        # and the labels one blank line above that (a group label in a cell of its own).
        while first > 0 and _row_label(lines[content[first - 1]]):
            first -= 1
            if first == 0 or content[first] - content[first - 1] > 2:
                break
        lead = 0  # a row without a label (table 四's) after its header: the gap says too
        if first == at and at and label_key(lines[content[at - 1]].strip()) in column_labels():
            lead = _empty_cells(content[at] - content[at - 1] - 1, unit) or 0
        row = _row(lines, content[first:end], at - first, unit, lead)
        if row is not None:
            out[content[first]] = row
            for number in content[first + 1 : end]:
                out[number] = ""
        at = end
    return out


def _row(lines: list[str], taken: list[int], labelled: int, unit: int, lead: int) -> str | None:
    """One tab row: ``lead`` empty cells (a row without a label, after its header), the
    labels, then each value with the empty cells its gap says stood before it. Not after the
    last: the gap before the next row also holds that row's merged
    cells (a group label's continuation), so a row short at its end stays short — the binder
    leaves it blank and names it. ``None`` on a broken rhythm."""
    cells = [""] * lead + [lines[number].strip() for number in taken[:labelled]]
    for index in range(labelled, len(taken)):
        if index:
            empty = _empty_cells(taken[index] - taken[index - 1] - 1, unit)
            if empty is None:
                return None
            cells += [""] * empty
        cells.append(lines[taken[index]].strip())
    if len(cells) < (3 if cells[0] == "" else 2):
        return None  # one cell is no row; an empty cell and one more read as the cells layout
    return "\t".join(cells)


def _empty_cells(gap: int, unit: int) -> int | None:
    """Blank lines between two cells → empty cells between them (one blank line: none; each
    empty cell adds ``unit`` more). ``None`` for a gap no count of empty cells leaves."""
    return (gap - 1) // unit if gap >= 1 and (gap - 1) % unit == 0 else None


def _is_number(line: str) -> bool:
    stripped = line.strip()
    return "\t" not in line and "|" not in line and is_value(stripped)


def _row_label(line: str) -> bool:
    """A standard row's own label (a column header such as 总计 only with its enumerator)."""
    stripped = line.strip()
    if "\t" in line or "|" in line or heading_parts(stripped) is not None:
        return False
    key = label_key(stripped)
    return key in table_labels() and (
        key not in column_labels() or stripped.startswith(_ENUMERATED)
    )


def _is_blank_cell(line: str) -> bool:
    """A line of no-break spaces only: an ``&nbsp;`` cell, printed one cell per line."""
    stripped = line.strip(" ")
    return bool(stripped) and not stripped.strip("\xa0")


def _is_cell(line: str) -> bool:
    return _is_blank_cell(line) or (bool(line.strip()) and _is_number(line))


def rejoin_blank_cells(lines: list[str]) -> list[str]:
    """One cell per line (LibreOffice's text export): an empty cell is a line of no-break
    spaces. A row's label line and the run of cells after it, one of them empty, rebuilt as
    a tab row — only where the run has as many cells as that row has columns (a converter
    that cut numbers into pieces over lines leaves more); table 四's fifteen cells after its
    header (the row has no label) likewise. Other runs are left to the binder as they are."""
    out = list(lines)
    done = 0  # lines before this are in runs already looked at
    for blank in [n for n, line in enumerate(lines) if "\xa0" in line and _is_blank_cell(line)]:
        if blank < done:
            continue
        start, end = blank, blank + 1  # the run of cells around the empty one
        while start > done and _is_cell(lines[start - 1]):
            start -= 1
        while end < len(lines) and _is_cell(lines[end]):
            end += 1
        done = end
        run = [lines[number].strip() for number in range(start, end)]
        before = lines[start - 1].strip() if start else ""
        if not before:
            continue
        if len(run) in row_widths().get(label_key(before), ()):
            out[start - 1 : end] = ["\t".join([before, *run])] + [""] * len(run)
        elif label_key(before) in column_labels() and len(run) == _REVIEW_CELLS:
            out[start:end] = ["\t".join(run)] + [""] * (len(run) - 1)
    return out
