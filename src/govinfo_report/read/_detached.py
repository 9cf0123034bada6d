"""Table-三 labels printed apart from their numbers (PDF-to-Markdown): a run of loose label
lines, wrapped anywhere, then as many rows of bare numbers. Paired in order only when the
label lines spell exactly as many row labels, in the template's order, as there are rows of
numbers; anything else is left for the binder, which keeps the rows blank and named."""

from __future__ import annotations

import re

from govinfo_report.model.labels import label_key
from govinfo_report.model.text import heading_parts, is_title
from govinfo_report.model.values import is_value
from govinfo_report.read._indexes import application_labels

_RULE_ROW = re.compile(r"\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?")
# A line that starts with two numbers; the literal line break first lets the regex engine
# skip from line to line.
_BARE_ROW = re.compile(r"\n[ |\t]*[+-]?\d[\d.,]*(?:[ ]*[|\t][ ]*|[ ]{2,})[+-]?\d")
_CELLS = re.compile(r"[|\t]|\s{2,}")
_LONGEST = 4  # lines one wrapped label may take
_RUN = 32  # loose lines looked at before rows of numbers: labels for eight rows


def _numbers(line: str) -> list[str] | None:
    """The cells of a row of nothing but numbers (two at least), else ``None``."""
    cells = [cell.strip() for cell in _CELLS.split(line.strip().strip("|")) if cell.strip()]
    return cells if len(cells) >= 2 and all(map(is_value, cells)) else None


def _segments(pieces: list[str]) -> list[str] | None:
    """The run of lines cut, at line ends only, into known labels (fewest pieces first)."""
    rows, groups = application_labels()
    known = rows.keys() | groups
    best: list[list[str] | None] = [[]] + [None] * len(pieces)
    for end in range(1, len(pieces) + 1):
        for start in range(max(0, end - _LONGEST), end):
            before = best[start]
            label = "".join(pieces[start:end])
            shorter = best[end] is None or len(before or ()) + 1 < len(best[end] or ())
            if before is not None and shorter and label_key(label) in known:
                best[end] = [*before, label]
    return best[-1]


def reattach(lines: list[str]) -> list[str]:
    """Loose label lines put back in front of the rows of numbers that follow them."""
    text = "\n" + "\n".join(lines)
    bare: set[int] = set()  # lines that start with two numbers, found at C speed
    newlines, at = 0, 0
    for match in _BARE_ROW.finditer(text):
        newlines += text.count("\n", at, match.start() + 1)
        at = match.start() + 1
        bare.add(newlines - 1)
    numbers: dict[int, list[str]] = {}
    out = list(lines)
    for first in sorted(bare):
        if first == 0 or not _loose(lines[first - 1]):
            continue  # only rows of numbers right after loose lines start a pairing
        rows, scan = [], first
        while scan < len(lines):  # the rows of numbers (and Markdown rule rows) that follow
            if scan in bare and (cells := numbers.get(scan) or _numbers(lines[scan])):
                numbers[scan] = cells
                rows.append(scan)
            elif not _RULE_ROW.fullmatch(lines[scan]):
                break
            scan += 1
        if not rows or rows[0] != first:
            continue
        start = first
        while start > max(0, first - _RUN) and _loose(lines[start - 1]):
            start -= 1
        # A heading, the title or a sentence may stand before the labels: not part of them.
        while start < first and _not_a_label(lines[start]):
            start += 1
        paired = _pair([line.strip() for line in lines[start:first]], len(rows))
        if paired is not None:
            out[start:first] = [""] * (first - start)
            for number, labels in zip(rows, paired, strict=True):
                out[number] = "| " + " | ".join([*labels, *numbers[number]]) + " |"
    return out


def _not_a_label(line: str) -> bool:
    stripped = line.strip()
    return heading_parts(stripped) is not None or is_title(stripped) or len(stripped) > _WIDEST


_WIDEST = 40  # no table-三 label, nor a piece of one, is longer


def _loose(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and "|" not in line and "\t" not in line and not is_value(stripped)


def _pair(pieces: list[str], count: int) -> list[list[str]] | None:
    """Each row's labels (a group label goes with the row after it), when the row labels
    are exactly ``count`` and in the template's order."""
    segments = _segments(pieces) if count else None
    if segments is None:
        return None
    rows, _ = application_labels()
    paired: list[list[str]] = []
    group: list[str] = []
    for label in segments:
        if label_key(label) in rows:
            paired.append([*group, label])
            group = []
        else:
            group.append(label)
    places = [rows[label_key(labels[-1])] for labels in paired]
    if len(paired) != count or group or places != sorted(places):
        return None
    return paired
