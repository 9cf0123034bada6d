"""The grammar (grammars/report.lark) and the Transformer that turns lines into raw blocks.

A raw block keeps cell texts exactly as split from the line, with line numbers; giving them
meaning is the binder's job. The Transformer runs inside the LALR parser, so no parse tree
is ever built.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path
from typing import TypeAlias

from attrs import frozen
from lark import Lark, Token, Transformer, v_args

from .lexer import LineLexer, space_cells


@frozen
class RawRow:
    """A table row: its cells' texts, stripped, and the line it starts on."""

    cells: tuple[str, ...]
    line: int


@frozen
class RawTable:
    rows: tuple[RawRow, ...]


@frozen
class RawParagraph:
    text: str
    line: int


RawBlock: TypeAlias = RawParagraph | RawTable


@frozen
class RawSection:
    heading: str
    line: int
    blocks: tuple[RawBlock, ...]


@frozen
class RawDocument:
    front: tuple[RawBlock, ...]
    sections: tuple[RawSection, ...]


def _pipe_cells(line: str) -> tuple[str, ...]:
    body = line.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") else body
    return tuple(cell.strip() for cell in body.split("|"))


@v_args(inline=True)
class _ToRaw(Transformer[Token, RawDocument]):
    """One method per grammar rule, building raw blocks as the parser reduces."""

    def tab_row(self, token: Token) -> RawRow:
        return RawRow(tuple(cell.strip() for cell in token.split("\t")), token.line or 0)

    def pipe_row(self, token: Token) -> RawRow:
        return RawRow(_pipe_cells(token), token.line or 0)

    def space_row(self, token: Token) -> RawRow:
        return RawRow(space_cells(token), token.line or 0)

    def cells_row(self, *lines: Token) -> RawRow:
        cells: list[str] = []
        for line in lines:
            if line.type == "CELL":
                cells.append(line[1:].strip())
            else:  # a wrapped cell goes on without a separator: 商业 / 企业 → 商业企业
                cells[-1] += line.strip()
        return RawRow(tuple(cells), lines[0].line or 0)

    def table(self, *items: RawRow | Token) -> RawTable:
        return RawTable(tuple(item for item in items if isinstance(item, RawRow)))

    def paragraph(self, token: Token) -> RawParagraph:
        return RawParagraph(token.strip(), token.line or 0)

    def section(self, heading: Token, *blocks: RawBlock) -> RawSection:
        return RawSection(heading.strip(), heading.line or 0, blocks)

    def start(self, *items: RawBlock | RawSection) -> RawDocument:
        front = tuple(item for item in items if not isinstance(item, RawSection))
        sections = tuple(item for item in items if isinstance(item, RawSection))
        return RawDocument(front, sections)


def _grammar_text() -> str:
    """The grammar from the installed package, or from the source tree in a checkout."""
    packaged = resources.files("govinfo_report").joinpath("grammars", "report.lark")
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    checkout = Path(__file__).resolve().parents[2] / "grammars" / "report.lark"
    return checkout.read_text(encoding="utf-8")


@functools.cache
def parser() -> Lark:
    """The LALR parser over line tokens, built once per process."""
    return Lark(
        _grammar_text(),
        parser="lalr",
        lexer=LineLexer,
        transformer=_ToRaw(),
        # Positions travel on the tokens: every raw row and paragraph takes its line from
        # the token it was built from. Lark's own propagation would fill node metadata that
        # nothing reads, at a third of the parse time.
        propagate_positions=False,
        maybe_placeholders=False,
    )


def read_raw(text: str) -> RawDocument:
    """Lines → raw document. Raises Lark's exceptions; ``reader`` turns them into ParseError."""
    result = parser().parse(text)
    assert isinstance(result, RawDocument)
    return result
