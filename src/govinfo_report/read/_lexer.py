"""The line lexer: one token per line, so Lark's share of the work stays small.

Each line is classified on its own shape, except a continuation line (a wrapped cell's
second line), which is recognised from the line before it, and blank lines, which become a
``ROWSEP`` only between two table lines.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any

from lark import Token
from lark.lexer import Lexer

from govinfo_report.model.labels import caption_key, is_note, label_key, normalize
from govinfo_report.model.text import (
    FULL_STOP,
    INLINE_HEADING,
    LONG_LINE,
    SENTENCE_END,
    TITLE_TOKEN,
    heading_parts,
)
from govinfo_report.model.values import is_value
from govinfo_report.read._indexes import column_labels, table_labels

_RULE_CELL = re.compile(r":?-{3,}:?")
# Page furniture that PDF and Word extraction leave between the lines of a table.
_PAGE_NUMBER = re.compile(
    r"[-—–－]+\s*\d{1,4}\s*[-—–－]+|第\s*\d{1,4}\s*页(\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
)
_SPACES = re.compile(r"[\s\u3000]+")
MAX_CONTINUATION = 30


# Two lines of one Chinese character each (after a line break: the first line is looked at
# apart). Starting with a literal line break lets the regex engine skip ahead.
_VERTICAL = re.compile(r"\n *[\u4e00-\u9fff] *\r?\n *[\u4e00-\u9fff] *(?:\r?\n|$)")


def split_lines(text: str) -> list[str]:
    """Lines without their ends (LF, CRLF, CR and the other Unicode breaks). Byte-order
    marks are dropped wherever they stand: files glued together carry them mid-text."""
    lines = text.replace("\ufeff", "").splitlines()
    if "+" in text and ("+-" in text or "+=" in text):
        lines = regrid(lines)
    if max(map(len, lines), default=0) > LONG_LINE:
        lines = [part for line in lines for part in unflatten(line)]
    # Labels typeset one character per line need two such lines in a row: let the regex
    # engine look for them (from each line break) before walking the lines.
    newlines = text if "\n" in text else text.replace("\r", "\n")  # old Mac line ends
    vertical = _VERTICAL.search(newlines) is not None or _single_character(
        lines[0] if lines else ""
    )
    return join_vertical(lines) if vertical else lines


_GRID_RULE = re.compile(r"\+(?:[-=:]+\+)+")


def regrid(lines: list[str]) -> list[str]:
    """Grid tables (pandoc's Word-to-text): the ``+----+`` lines separate rows, and a cell's
    text may wrap over several ``| … |`` lines. Each row becomes one pipe row, its wrapped
    pieces joined; the lines it took stay empty, so line numbers stay true."""
    out = list(lines)
    start: int | None = None  # first content line of the row being gathered
    for number, line in enumerate(lines):
        stripped = line.strip()
        if _GRID_RULE.fullmatch(stripped):
            if start is not None:
                out[start:number] = _grid_row(lines[start:number])
            out[number], start = "", None
        elif (
            stripped.startswith("|")
            and start is None
            and number
            and _GRID_RULE.fullmatch(lines[number - 1].strip())
        ):
            start = number
        elif not stripped.startswith("|"):
            start = None
    return out


def _grid_row(pieces: list[str]) -> list[str]:
    """Physical lines of one grid row → one pipe row and blank lines in their place."""
    columns: list[list[str]] = []
    for piece in pieces:
        cells = [cell.strip() for cell in piece.strip().strip("|").split("|")]
        columns += [[] for _ in range(len(cells) - len(columns))]
        for column, cell in zip(columns, cells, strict=False):
            if cell:
                column.append(cell)
    row = "| " + " | ".join("".join(column) for column in columns) + " |"
    return [row] + [""] * (len(pieces) - 1)


def headed(line: str) -> list[str]:
    """A long line cut before and after each standard section heading standing inside it
    (一、总体情况 in a page a scraper flattened onto one line), so sections come out even
    where the tables' cells are glued beyond reading."""
    parts: list[str] = []
    start = 0
    for match in INLINE_HEADING.finditer(line):
        parts += [line[start : match.start()], match.group()]
        start = match.end()
    parts.append(line[start:])
    return [part.strip() for part in parts if part.strip()]


def unflatten(line: str) -> list[str]:
    """A report that a scraper flattened onto one long line, broken again where a section
    heading, a caption or a table row begins. Lines without five table labels are left
    alone: long narrative is not touched."""
    if len(line) <= LONG_LINE:
        return [line]
    return [part for piece in headed(line) for part in _rows_of(piece)]


def _rows_of(line: str) -> list[str]:
    """A piece of a flattened line broken where a caption or a table row begins."""
    if line.count(" ") + line.count("\u3000") < 8:
        return [line]  # narrative without the spaces a flattened table leaves
    tokens = _SPACES.split(line.strip())
    known = table_labels()
    starts = [_starts_row(token, known) for token in tokens]
    if sum(starts) < 5:
        return [line]
    parts: list[list[str]] = [[]]
    has_value = False
    for token, start in zip(tokens, starts, strict=True):
        heading = heading_parts(token) is not None or TITLE_TOKEN.fullmatch(token) is not None
        current = parts[-1]
        # A label opens a new row once the row so far has its numbers, or after a header
        # cell; until then, labels pile up (三、本年度办理结果 (一) 予以公开 …).
        bare_header = normalize(token) in column_labels()  # 总计 as a header, not （七）总计
        opens = start and (
            has_value
            or _OPENERS.search(token) is not None
            or (bool(current) and label_key(current[-1]) in column_labels() and not bare_header)
        )
        if (opens or heading) and current:
            parts.append([])
            has_value = False
        parts[-1].append(token)
        has_value = has_value or is_value(token)
        if heading:
            parts.append([])
    return [" ".join(part) for part in parts if part]


_OPENERS = re.compile(r"^第二十条|^信息内容$|勾稽关系|^行政复议$")
_ENUMERATOR_TOKEN = re.compile(r"[(（][一二三四五六七八九十]+[)）]|\d{1,2}[.、．]")


def _starts_row(token: str, known: frozenset[str]) -> bool:
    return (
        caption_key(token) is not None
        or is_note(token)
        or _ENUMERATOR_TOKEN.fullmatch(token) is not None
        or (label_key(token) in known and not is_value(token))
    )


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
    parts = _SPACES.split(stripped)
    if len(parts) == 1:
        key = label_key(stripped)
        if caption_key(stripped) is not None or is_note(stripped):
            return True
        if is_value(stripped) and stripped not in ("无", "不适用"):
            return True  # a number alone on its line: a cell, one per line (HTML, Word)
        if heading_parts(stripped) is not None:
            return False
        # A known label, or the first part of one that wrapped onto the next line.
        return key in table_labels() or (len(key) >= 4 and _starts_label(key))
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


@functools.lru_cache(maxsize=2048)
def _starts_label(key: str) -> bool:
    return any(label.startswith(key) for label in table_labels())


def space_cells(line: str) -> tuple[str, ...]:
    """The cells of a space-separated row."""
    return tuple(_SPACES.split(line.strip()))


def join_vertical(lines: list[str]) -> list[str]:
    """A table label typeset one character per line (a narrow PDF column: 行/政/复/议) joined
    back into one line; the lines it took are left empty, so line numbers stay true. Only
    runs that spell a known label are joined: short narrative lines stay as they are."""
    out = list(lines)
    start = 0
    while start < len(out):
        end = start
        while end < len(out) and _single_character(out[end]):
            end += 1
        joined = "".join(line.strip() for line in out[start:end]) if end - start >= 2 else ""
        if joined and label_key(joined) in table_labels():
            out[start] = joined
            for index in range(start + 1, end):
                out[index] = ""
        start = max(end, start + 1)
    return out


def _single_character(line: str) -> bool:
    stripped = line.strip()
    return len(stripped) == 1 and "\t" not in line and "\u4e00" <= stripped <= "\u9fff"


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
