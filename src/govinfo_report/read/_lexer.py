"""The line lexer: one token per line, or per run of lines of one kind (table rows of one
layout, narrative), so Lark's share of the work stays small.

Each line is classified on its own shape, except a continuation line (a wrapped cell's
second line), which is recognised from the line before it, and blank lines, which become a
``ROWSEP`` only between two table lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from lark import Token
from lark.lexer import Lexer

from govinfo_report.model.labels import caption_key, is_note, label_key
from govinfo_report.model.text import (
    FULL_STOP,
    SENTENCE_END,
    SPACES,
    heading_parts,
)
from govinfo_report.model.values import SPACED_NUMBERS, UNIT_PATTERN, UNITS, is_value
from govinfo_report.read._indexes import starts_label, table_labels
from govinfo_report.read._repair import split_lines

_RULE_CELL = re.compile(r":?-{3,}:?")
# Page furniture that PDF and Word extraction leave between the lines of a table.
_PAGE_NUMBER = re.compile(
    r"[-—–－]+\s*\d{1,4}\s*[-—–－]+|第\s*\d{1,4}\s*页(\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
)
MAX_CONTINUATION = 30


def _is_rule(line: str) -> bool:
    """A Markdown table's rule row (``|---|:---:|``): syntax, not content."""
    cells = [cell.strip() for cell in line.strip("|").split("|")]
    filled = [cell for cell in cells if cell]
    return bool(filled) and all(_RULE_CELL.fullmatch(cell) for cell in filled)


def _kind(line: str, previous: str | None) -> str | tuple[int, str] | None:
    """The token type of one line; ``None`` for a blank line, ``RULE`` for a Markdown rule;
    for a heading, its number and title (a ``HEADING`` that needs no second look)."""
    if "\t" in line:
        return "CELL" if line.startswith("\t") and line.count("\t") == 1 else "TAB_ROW"
    stripped = line.strip()
    if not stripped:
        return None
    if "|" in line:
        return "RULE" if "---" in stripped and _is_rule(stripped) else "PIPE_ROW"
    if _PAGE_NUMBER.fullmatch(stripped):
        return "RULE"
    if (
        previous in ("CELL", "CONT")
        and len(stripped) <= MAX_CONTINUATION
        and not stripped.endswith(FULL_STOP)
    ):
        return "CONT"
    if is_space_row(stripped):
        return "SPACE_ROW"
    return heading_parts(stripped) or "TEXT"


def is_narrative(line: str) -> bool:
    """Whether a line on its own reads as narrative text (not a heading or a table row)."""
    return _kind(line, None) == "TEXT"


def is_space_row(stripped: str) -> bool:
    """A table row whose cells are separated by spaces, as PDF extraction leaves them: words
    then numbers (``规章 0 0 0``), only table labels (``自然人 法人或其他组织 总计``), or a
    caption or the 勾稽关系 note on its own."""
    if FULL_STOP in stripped and not is_note(stripped):
        return False  # a sentence: of all table lines, only the 勾稽关系 note may end like one
    parts = SPACES.split(stripped)
    if len(parts) == 1:
        key = label_key(stripped)
        if caption_key(stripped) is not None or is_note(stripped):
            return True
        if is_value(stripped) and stripped not in ("无", "不适用"):
            return True  # a number alone on its line: a cell, one per line (HTML, Word)
        if heading_parts(stripped) is not None:
            return False
        # A known label, or the first part of one that wrapped onto the next line.
        return key in table_labels() or (len(key) >= 4 and starts_label(key))
    if len(parts) > 2 and parts[-1] in _UNITS and is_value(parts[-2]):
        parts = parts[:-1]  # a unit set apart from the last number (1250400.50 元)
    values = 0
    while values < len(parts) and is_value(parts[-1 - values]):
        values += 1
    words = parts[: len(parts) - values]
    if values:
        label = "".join(words)
        if all(label_key(word) in table_labels() for word in words):
            return True  # a header and its numbers on one line (table 四 from flattened text)
        return len(label) <= 60 and not label.endswith(SENTENCE_END) and FULL_STOP not in label
    known = table_labels()
    return all(label_key(word) in known or caption_key(word) for word in words)


def space_cells(line: str) -> tuple[str, ...]:
    """The cells of a space-separated row. A cell of only no-break spaces (an ``&nbsp;`` cell
    as pandoc and PDF text keep it) stays, as an empty cell: dropping it would shift every
    later number one column left."""
    if "\xa0" not in line:
        cells = tuple(SPACES.split(line.strip()))
    else:
        parts = _CELL_GAP.split(line.strip(_PLAIN_SPACE))
        cells = tuple(part.strip() for part in parts)
    if "  " in line and _SPLIT_NUMBER.search(line):
        cells = _keep_split_numbers(line, cells)
    if (len(cells) > 1 and cells[-1] in _UNITS) or any(cell in _UNITS for cell in cells[1:-1]):
        cells = _attach_units(cells)
    return cells


# A unit a space set apart from its number (inscriptis, PDF text: ``1250400.50 元``): it
# belongs to the number before it, not to a cell of its own.
_UNITS = frozenset(UNITS)


def _attach_units(cells: tuple[str, ...]) -> tuple[str, ...]:
    out: list[str] = []
    for cell in cells:
        if cell in _UNITS and out and is_value(out[-1]) and out[-1]:
            out[-1] += cell
        else:
            out.append(cell)
    return tuple(out)


# Two numbers one space apart where the row's columns stand wider apart: a converter that
# put a space between a number's <span>s (inscriptis: 948 282 for 948282) looks the same as
# two cells, so the pair is kept as one cell, which reads as no number and is named.
_SPLIT_NUMBER = re.compile(
    rf"(?:^|\s\s)({SPACED_NUMBERS})(?=(?:\s?(?:{UNIT_PATTERN}))?(?:\s\s|\s*$))"
)


def _keep_split_numbers(line: str, cells: tuple[str, ...]) -> tuple[str, ...]:
    pairs = {match.group(1) for match in _SPLIT_NUMBER.finditer(line)}
    out: list[str] = []
    for cell in cells:
        if out and f"{out[-1]} {cell}" in pairs:
            out[-1] = f"{out[-1]} {cell}"
        else:
            out.append(cell)
    return tuple(out)


_PLAIN_SPACE = " \t\r\n\f\v\u3000"
_CELL_GAP = re.compile(f"[{_PLAIN_SPACE}]+")


class HeadingToken(Token):
    """A ``HEADING`` token with the number and title the lexer read off its line."""

    parts: tuple[int, str]


def _token(kind: str, text: str, line: int, cls: type[Token] = Token) -> Token:
    """A Lark token, filled in directly: ``Token(...)`` goes through a deprecation shim that
    costs three times as much, once per line of every report."""
    token = str.__new__(cls, text)
    token.type, token.value, token.line, token.column = kind, text, line, 1
    token.start_pos = token.end_column = token.end_pos = None
    token.end_line = line
    return token


class RunToken(Token):
    """Consecutive lines of one kind as one token — table rows of one layout (``TAB_ROWS``,
    ``PIPE_ROWS``, ``SPACE_ROWS``) or lines of narrative (``TEXT``): Lark's cost grows with
    tokens, and a run is one thing to the grammar. ``lines`` holds each line's number and
    text."""

    lines: list[tuple[int, str]]


RUNS = {"TAB_ROW": "TAB_ROWS", "PIPE_ROW": "PIPE_ROWS", "SPACE_ROW": "SPACE_ROWS", "TEXT": "TEXT"}


def tokens(lines: list[str]) -> Iterator[Token]:
    """The token stream of a document's lines; line numbers count from 1."""
    previous: str | None = None
    in_cells = False  # the last line was part of a row of the cells layout
    gap: int | None = None  # first blank line since then
    run: RunToken | None = None  # the run of lines being gathered
    for number, line in enumerate(lines, start=1):
        # Most lines of tables hold a tab: decide those without a call.
        if "\t" in line:
            found: str | tuple[int, str] | None = (
                "CELL" if line[0] == "\t" and line.count("\t") == 1 else "TAB_ROW"
            )
        else:
            found = _kind(line, previous)
        run_kind = RUNS.get(found)  # type: ignore[arg-type]  # a heading or None: no run
        if run_kind is not None:
            if run is None or run.type != run_kind:
                if run is not None:
                    yield run
                run = _run(run_kind, number)
            run.lines.append((number, line))
            in_cells, gap, previous = False, None, found  # type: ignore[assignment]
            continue
        if found == "RULE" or (found is None and not in_cells):
            continue  # a rule or a blank line: a run goes on after it
        if run is not None:
            yield run
            run = None
        if isinstance(found, tuple):
            yield _heading(line, number, found)
            in_cells, gap, previous = False, None, "HEADING"
            continue
        if found is None:
            if gap is None:
                gap = number
            previous = None
            continue
        # Only the cells layout needs blank lines: they end its rows. Elsewhere a row is a line.
        if found == "CELL" and in_cells and gap is not None:
            yield _token("ROWSEP", "", gap)
        in_cells = found in ("CELL", "CONT")
        gap = None
        yield _token(found, line, number)
        previous = found
    if run is not None:
        yield run


def _run(kind: str, line: int) -> RunToken:
    run = _token(kind, "", line, RunToken)
    assert isinstance(run, RunToken)
    run.lines = []
    return run


def _heading(line: str, number: int, parts: tuple[int, str]) -> HeadingToken:
    heading = _token("HEADING", line, number, HeadingToken)
    assert isinstance(heading, HeadingToken)
    heading.parts = parts
    return heading


class LineLexer(Lexer):
    """Lark's hook for a custom lexer: the text in, line tokens out."""

    def __init__(self, lexer_conf: Any) -> None:
        pass

    def lex(self, lexer_state: Any, parser_state: Any = None) -> Iterator[Token]:
        text = lexer_state.text if hasattr(lexer_state, "text") else lexer_state
        return tokens(split_lines(text))
