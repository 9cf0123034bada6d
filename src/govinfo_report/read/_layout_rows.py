"""Table rows whose label wrapped around its numbers, as inscriptis and PDF text leave them.
Where rows stand apart by blank lines, a block of label pieces and one line of numbers is
one row (``rejoin_wrapped``). In PDF layout text (``pdftotext -layout``) rows are not apart,
and a group label is cut over lines in a column of its own (``（六）其`` / ``他处理``): each
line of label pieces between two rows of numbers goes to the row above or the one below by
the one cut that makes the row above a whole known label and the row below the start of one
(``rejoin_layout``). Where nothing decides, the lines are left as they are (and the rows stay
blank and named)."""

from __future__ import annotations

import re
from itertools import pairwise

from govinfo_report.model.labels import label_key
from govinfo_report.model.text import SPACES, heading_parts
from govinfo_report.model.values import is_value
from govinfo_report.read._columns import BLANK
from govinfo_report.read._indexes import application_labels, starts_label, table_labels

_PLAIN = re.compile(r"[ \t\u3000]+")
_MOST = 4  # label lines between two rows of numbers: more is not one wrapped label
_BLOCK = 6  # lines of one row apart by blank lines: a label wrapped five times and its numbers


def _split(line: str) -> tuple[str, list[str], int]:
    """A line's words (spaces closed up), the numbers that end it (two at least: one number
    after words is part of a label as often as not) and where its words start."""
    # A blank cell that place_by_columns wrote (a no-break space) is a cell of its own.
    tokens = _PLAIN.split(line.strip(" \t\u3000")) if BLANK in line else SPACES.split(line.strip())
    count = 0
    while count < len(tokens) and is_value(tokens[-1 - count]):
        count += 1
    if count < 2:
        return "".join(tokens), [], len(line) - len(line.lstrip())
    return "".join(tokens[:-count]), tokens[-count:], len(line) - len(line.lstrip())


_NUMBERED = re.compile(r"\d{1,2}[.．、]\S")
_FIRST = re.compile(r"\S+")


def group_column(lines: list[str]) -> list[str]:
    """Group labels cut over lines in a column left of the numbered row labels
    (``三、本年`` / ``度办理结`` / ``果``, ``（三）`` / ``不予公`` / ``开``), often on the same
    lines as row labels: each line's first word left of that column, joined with the next
    ones, taken out where two or more spell a group label (one that is a row's label in the
    other edition, （六）其他处理, only beside numbered row labels); the row labels that follow
    name their rows alone."""
    starts = [
        match.start()
        for line in lines
        if "\t" not in line  # a row already rebuilt (rejoin_wrapped) starts at its label
        and (match := _NUMBERED.search(line))
        and starts_label(label_key(line[match.start() :].split()[0]))
    ]  # numbered row labels only: a numbered list in the narrative (1.平台…) stands elsewhere
    if len(starts) < 3:
        return lines
    border = min(starts)
    rows, groups = application_labels()
    out = list(lines)
    taken: list[tuple[int, int, int]] = []  # (line, start, end) of the pieces so far
    for number, line in enumerate(lines):
        first = _FIRST.search(line)
        if first is None or first.start() >= border or is_value(first.group()):
            continue
        taken.append((number, first.start(), first.end()))
        while taken:
            joined = label_key("".join(lines[n][a:b] for n, a, b in taken))
            # （六）其他处理 is a group in 2021 and a row in 2019: a group only where numbered
            # row labels stand beside its pieces.
            beside = any(_NUMBERED.search(lines[n], b) for n, _, b in taken)
            if joined in groups and len(taken) > 1 and (joined not in rows or beside):
                for n, a, b in taken:
                    out[n] = out[n][:a] + " " * (b - a) + out[n][b:]
                taken = []
            elif not joined or any(group.startswith(joined) for group in groups):
                break  # an enumerator alone (（六）) or the start of a group label: go on
            else:
                taken.pop(0)  # not the start of a group label: try from the next piece
    return out


def rejoin_layout(lines: list[str]) -> list[str]:
    """Rows whose label pieces are placed by the cut the labels confirm, as tab rows; the
    group labels' column already taken out (``rejoin_wrapped`` with ``columns``)."""
    rows = [n for n, line in enumerate(lines) if line.strip() and _split(line)[1]]
    if len(rows) < 2:
        return lines
    groups = application_labels()[1]
    known = table_labels()
    before: dict[int, list[str]] = {rows[0]: []}
    after: dict[int, list[str]] = {}
    group_of: dict[int, str] = {}
    decided: set[int] = set()
    for above, below in pairwise(rows):
        pieces = [n for n in range(above + 1, below) if lines[n].strip()]
        if len(pieces) > _MOST or any(_stops(lines[n]) for n in pieces):
            before[below] = []
            continue
        words = _split(lines[below])[0]
        head = "".join([*before.get(above, []), _split(lines[above])[0]])
        # A row with no label of its own under a line that is a whole label has that one
        # (lynx: the label's paragraphs, then its numbers): the lines below are not its.
        labelled = not head and _whole_label_over(lines, above, known)
        # A group label stands in a column left of the row labels: try each indentation as
        # the border between them (or none), and each cut of the rest between the rows.
        found = set()
        for border in {0, *(_split(lines[n])[2] + 1 for n in pieces)}:
            group = "".join(_split(lines[n])[0] for n in pieces if _split(lines[n])[2] < border)
            if group and label_key(group) not in groups:
                continue
            texts = tuple(_split(lines[n])[0] for n in pieces if _split(lines[n])[2] >= border)
            for cut in range(1 if labelled else len(texts) + 1):
                if label_key(head + "".join(texts[:cut])) in known and starts_label(
                    label_key("".join(texts[cut:]) + words)
                ):
                    found.add((group, texts[:cut], texts[cut:]))
        if len(found) != 1:
            before[below] = []
            continue
        group, above_texts, below_texts = found.pop()
        after[above], before[below] = list(above_texts), list(below_texts)
        if group:
            group_of[below] = group
        if above_texts or below_texts or group:
            decided.update((above, below, *pieces))
    out = list(lines)
    for row in rows:
        if row not in decided:
            continue
        words, numbers, _ = _split(lines[row])
        label = "".join([*before.get(row, []), words, *after.get(row, [])])
        if label_key(label) not in known:
            continue
        cells = [group_of[row]] if row in group_of else []
        out[row] = "\t".join([*cells, label, *numbers])
    for number in decided - set(rows):
        out[number] = ""
    return out


def _whole_label_over(lines: list[str], row: int, known: frozenset[str]) -> bool:
    """Whether the nearest line above ``row`` that holds anything is a whole known label."""
    above = next((lines[n] for n in range(row - 1, -1, -1) if lines[n].strip()), "")
    words, numbers, _ = _split(above)
    return not numbers and label_key(words) in known


def _stops(line: str) -> bool:
    """A line no label piece is: a heading, or a line of numbers alone."""
    stripped = line.strip()
    return heading_parts(stripped) is not None or is_value(stripped)


def rejoin_wrapped(lines: list[str], columns: bool = False) -> list[str]:
    """A row whose label wrapped over up to five lines, its numbers on any of them, where rows
    stand apart by blank lines: the block rebuilt as one tab row, on its numbers' line. Only
    when the pieces spell a known label — alone, or with a group label on the numbers' line
    (（六）其他处理) — else left as it is. With ``columns`` (PDF layout text) group labels cut
    over lines in a column of their own are taken out first (``group_column``); a line one
    leaves empty is still inside its row's block."""
    grouped = group_column(lines) if columns else lines
    out = list(grouped)
    blanks = [number for number, line in enumerate(lines) if not line.strip()]
    start = 0
    for end in (*blanks, len(lines)):  # the blocks between blank lines
        if end - start < 2:  # most blocks: one line, or none
            start = end + 1
            continue
        block = [number for number in range(start, end) if grouped[number].strip()]
        if (
            2 <= len(block) <= _BLOCK
            and (row := _wrapped_row([grouped[number] for number in block])) is not None
        ):
            at, text = row
            out[start:end] = [""] * (end - start)
            out[block[at]] = text
        start = end + 1
    return out


def _wrapped_row(block: list[str]) -> tuple[int, str] | None:
    if sum(_ends_in_number(line) for line in block) != 1:
        return None  # not one line of numbers among words (checked cheaply first)
    if any("\t" in line or "|" in line for line in block):
        return None
    split = [_split(line) for line in block]
    with_numbers = [at for at, (_, numbers, _) in enumerate(split) if numbers]
    if len(with_numbers) != 1:
        return None
    at = with_numbers[0]
    words, numbers, _ = split[at]
    pieces = [piece for piece, _, _ in split]
    known = table_labels()
    whole = "".join(pieces)
    if label_key(whole) in known:
        return at, "\t".join([whole, *numbers])
    others = "".join(piece for index, piece in enumerate(pieces) if index != at)
    if words and label_key(words) in known and label_key(others) in known:
        # The group label first: on the numbers' line (（六）其他处理) or wrapped around it.
        group = label_key(words) in application_labels()[1]
        first, second = (words, others) if group else (others, words)
        return at, "\t".join([first, second, *numbers])
    return None


def _ends_in_number(line: str) -> bool:
    """Whether a line ends in a number, a unit after it or not (``17``, ``１７件``)."""
    tail = line.rstrip()
    if tail[-1:].isdigit():
        return True
    return not tail[-1:].isascii() and is_value(tail[tail.rfind(" ") + 1 :])


def join_label_paragraphs(lines: list[str]) -> list[str]:
    """A row label set as two or three paragraphs of its cell, one blank line between them
    (lynx: ``一、本年新收政府`` / `` `` / ``信息公开申请数量``), joined back where the pieces
    spell a known label and none is one alone. Only onto a line of words: a line with
    numbers keeps its place, which space-drawn columns read. The pieces' lines stay empty."""
    known = table_labels()
    out = list(lines)
    for at in range(len(lines) - 2):
        if not _label_piece(out[at], known):
            continue
        pieces = [at]
        while len(pieces) < _PARAGRAPHS:
            nxt = pieces[-1] + 2
            if nxt >= len(out) or out[nxt - 1].strip() or not _label_piece(out[nxt], known):
                break
            pieces.append(nxt)
            words = "".join(out[number].strip() for number in pieces)
            if label_key(words) in known:
                out[nxt] = out[nxt].replace(out[nxt].strip(), words, 1)
                for number in pieces[:-1]:
                    out[number] = ""
                break
    return out


_PARAGRAPHS = 3  # the most paragraphs a label's cell is set in


def _label_piece(line: str, known: frozenset[str]) -> bool:
    """A line of words only, no known label alone, no heading: a piece of a wrapped label."""
    text = line.strip()
    if not text or heading_parts(text) or any(map(is_value, SPACES.split(text))):
        return False
    return label_key(text) not in known
