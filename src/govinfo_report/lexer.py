"""The line lexer: one token per line, so Lark's share of the work stays small.

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

from .labels import label_key
from .numerals import from_chinese

_HEADING = re.compile(r"([一二三四五六七八九十]{1,3})\s*[、.．]\s*(\S.*)")
_RULE_CELL = re.compile(r":?-{3,}:?")
_TABLE = frozenset({"TAB_ROW", "PIPE_ROW", "CELL", "CONT"})
# Labels of table 三 that look like section headings when a table loses its separators.
_ROW_LABELS = frozenset(
    label_key(text)
    for text in (
        "本年新收政府信息公开申请数量",
        "上年结转政府信息公开申请数量",
        "本年度办理结果",
        "结转下年度继续办理",
        "结转下一年度继续办理",
    )
)
MAX_HEADING = 40
MAX_CONTINUATION = 30


def split_lines(text: str) -> list[str]:
    """Lines without their ends (LF, CRLF, CR and the other Unicode breaks). Byte-order
    marks are dropped wherever they stand: files glued together carry them mid-text."""
    return text.replace("\ufeff", "").splitlines()


def heading_parts(line: str) -> tuple[int, str] | None:
    """``一、总体情况`` → ``(1, "总体情况")``; ``None`` for anything that is not a heading."""
    stripped = line.strip()
    match = _HEADING.fullmatch(stripped)
    if match is None or len(stripped) > MAX_HEADING or stripped.endswith(("。", "；", ";")):
        return None
    number = from_chinese(match.group(1))
    title = match.group(2).strip()
    if number is None or label_key(title) in _ROW_LABELS:
        return None
    return number, title


def _is_rule(line: str) -> bool:
    """A Markdown table's rule row (``|---|:---:|``): syntax, not content."""
    cells = [cell.strip() for cell in line.strip("|").split("|")]
    filled = [cell for cell in cells if cell]
    return bool(filled) and all(_RULE_CELL.fullmatch(cell) for cell in filled)


def _kind(line: str, previous: str | None) -> str | None:
    """The token type of one line; ``None`` for a blank line, ``RULE`` for a Markdown rule."""
    if "\t" in line:
        return "CELL" if line.startswith("\t") and line.count("\t") == 1 else "TAB_ROW"
    stripped = line.strip()
    if not stripped:
        return None
    if "|" in line:
        return "RULE" if _is_rule(stripped) else "PIPE_ROW"
    if heading_parts(stripped) is not None:
        return "HEADING"
    if (
        previous in ("CELL", "CONT")
        and len(stripped) <= MAX_CONTINUATION
        and not stripped.endswith("。")
    ):
        return "CONT"
    return "TEXT"


def tokens(lines: list[str]) -> Iterator[Token]:
    """The token stream of a document's lines; line numbers count from 1."""
    previous: str | None = None
    in_table = False
    gap: int | None = None  # first blank line since the last table line
    for number, line in enumerate(lines, start=1):
        kind = _kind(line, previous)
        if kind == "RULE":
            continue
        if kind is None:
            if in_table and gap is None:
                gap = number
            previous = None
            continue
        if kind in _TABLE:
            if in_table and gap is not None:
                yield Token("ROWSEP", "", None, gap, 1)
            in_table = True
        else:
            in_table = False
        gap = None
        yield Token(kind, line, None, number, 1)  # positional: half the cost of keywords
        previous = kind


class LineLexer(Lexer):
    """Lark's hook for a custom lexer: the text in, line tokens out."""

    def __init__(self, lexer_conf: Any) -> None:
        pass

    def lex(self, lexer_state: Any, parser_state: Any = None) -> Iterator[Token]:
        text = lexer_state.text if hasattr(lexer_state, "text") else lexer_state
        return tokens(split_lines(text))
