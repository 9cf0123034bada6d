"""The grammar (grammars/report.lark) and the Transformer that turns lines into raw blocks.

A raw block keeps cell texts exactly as split from the line, with line numbers; giving them
meaning is the binder's job. The Transformer runs inside the LALR parser, so no parse tree
is ever built.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from importlib import resources
from typing import Any, TypeAlias

from attrs import frozen
from lark import Lark, Token, Transformer

from govinfo_report.read._indexes import cell_label
from govinfo_report.read._lexer import LineLexer, space_cells


class RawRow:
    """A table row: its cells' texts, stripped, and the line it starts on; each cell's label
    key (``None`` for a number, a mark or a blank) and the row's shape (its label cells as
    written, ``""`` for a blank cell, ``None`` for a value), worked out once because every
    later stage asks them; and whether it holds only numbers (``only_numbers``: numbers and
    marks, at least one cell filled) or only words (``only_words``: a header, or a label whose
    numbers are on the next line — every cell without a label key is blank). A plain class:
    a parse makes one per row."""

    __slots__ = ("cells", "keys", "line", "only_numbers", "only_words", "shape")

    def __init__(self, cells: tuple[str, ...], line: int) -> None:
        self.cells = cells
        self.line = line
        self.keys: tuple[str | None, ...]
        self.shape: tuple[str | None, ...]
        self.only_numbers: bool
        self.only_words: bool
        self.keys, self.shape, self.only_numbers, self.only_words = _row_kinds(cells)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RawRow):
            return NotImplemented
        return (self.cells, self.line) == (other.cells, other.line)

    def __hash__(self) -> int:
        return hash((self.cells, self.line))

    def __repr__(self) -> str:
        return f"RawRow({self.cells!r}, {self.line!r})"


Kinds = tuple[tuple[str | None, ...], tuple[str | None, ...], bool, bool]


@functools.lru_cache(maxsize=8192)
def _row_kinds(cells: tuple[str, ...]) -> Kinds:
    """A row's label keys, shape, only_numbers and only_words, in one C-level pass over
    cached answers per cell; cached by row too, since most rows (a label and zeros) recur
    from report to report."""
    if not cells:
        return (), (), False, False
    keys, shape = zip(*map(_cell_kinds, cells), strict=True)
    filled = any(cells)
    blanks = keys.count(None)
    return keys, shape, filled and blanks == len(keys), filled and blanks == cells.count("")


@functools.lru_cache(maxsize=8192)
def _cell_kinds(cell: str) -> tuple[str | None, str | None]:
    """A cell's label key, and what it adds to its row's shape."""
    key = cell_label(cell)
    return key, (cell if key is not None else (None if cell else ""))


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
    number: int  # read off the heading once, by the lexer
    title: str


@frozen
class RawDocument:
    front: tuple[RawBlock, ...]
    sections: tuple[RawSection, ...]


def _no_pipe(text: str) -> str:
    """A pipe inside a cell (possible where tabs or lines separate cells) as the full-width
    ｜: no layout could write it back inside the cell."""
    return text.replace("|", "｜") if "|" in text else text


@functools.lru_cache(maxsize=8192)
def _tab_cells(line: str) -> tuple[str, ...]:
    """The cells of a tab row; cached, since template rows (a label and zeros) recur."""
    return tuple(map(str.strip, _no_pipe(line).split("\t")))


@functools.lru_cache(maxsize=8192)
def _pipe_cells(line: str) -> tuple[str, ...]:
    """The cells of a pipe row (edge pipes optional); cached like ``_tab_cells``."""
    body = line.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") else body
    return tuple(map(str.strip, body.split("|")))


_ROW_READERS: dict[str, Callable[[str], tuple[str, ...]]] = {
    "TAB_ROWS": _tab_cells,
    "PIPE_ROWS": _pipe_cells,
    "SPACE_ROWS": space_cells,
}


class _CellsRow:
    """A row of the cells layout while its lines are still being read."""

    __slots__ = ("cells", "line")

    def __init__(self, first: Token) -> None:
        self.cells = [_no_pipe(first[1:].strip())]
        self.line = first.line or 0

    def add(self, token: Token) -> _CellsRow:
        if token.type == "CELL":
            self.cells.append(_no_pipe(token[1:].strip()))
        else:  # a wrapped cell goes on without a separator: 商业 / 企业 → 商业企业
            self.cells[-1] += _no_pipe(token.strip())
        return self


def _rows(item: Token | _CellsRow) -> list[RawRow]:
    """The raw rows of a run of rows (a ``RunToken``) or of one cells-layout row."""
    if isinstance(item, _CellsRow):
        return [RawRow(tuple(item.cells), item.line)]
    read = _ROW_READERS[item.type]
    return [RawRow(read(text), number) for number, text in item.lines]  # type: ignore[attr-defined]


def _blocks(item: Token | list[RawRow]) -> list[RawBlock]:
    """TEXT lines as paragraphs, a table's rows as a table."""
    if isinstance(item, Token):
        return [RawParagraph(text.strip(), number) for number, text in item.lines]  # type: ignore[attr-defined]
    return [RawTable(tuple(item))]


class _ToRaw(Transformer[Token, RawDocument]):
    """One method per grammar rule, called by the parser at each reduction with the rule's
    children; left-recursive rules get the list so far and append to it."""

    def start(self, children: list[Any]) -> RawDocument:
        front, sections = children
        return RawDocument(tuple(front), tuple(sections))

    def front(self, children: list[Any]) -> list[RawBlock]:
        if not children:
            return []
        blocks: list[RawBlock] = children[0]
        blocks += _blocks(children[1])
        return blocks

    def sections(self, children: list[Any]) -> list[RawSection]:
        if not children:
            return []
        sections: list[RawSection] = children[0]
        heading, blocks = children[1]
        number, title = heading.parts
        sections.append(
            RawSection(heading.strip(), heading.line or 0, tuple(blocks), number, title)
        )
        return sections

    def section(self, children: list[Any]) -> tuple[Token, list[RawBlock]]:
        if len(children) == 1:
            return children[0], []
        section, block = children
        section[1].extend(_blocks(block))
        return section  # type: ignore[no-any-return]

    def table(self, children: list[Any]) -> list[RawRow]:
        if len(children) == 1:
            return _rows(children[0])
        rows: list[RawRow] = children[0]
        rows += _rows(children[-1])  # after a ROWSEP, when there is one
        return rows

    def cells_row(self, children: list[Any]) -> _CellsRow:
        if len(children) == 1:
            return _CellsRow(children[0])
        return children[0].add(children[1])  # type: ignore[no-any-return]


def _grammar_text() -> str:
    """The grammar, from the package: the wheel carries top-level ``grammars/`` inside it,
    and in a checkout ``src/govinfo_report/grammars`` is a link to that same folder."""
    grammar = resources.files("govinfo_report").joinpath("grammars", "report.lark")
    return grammar.read_text(encoding="utf-8")


@functools.cache
def parser() -> Lark:
    """The LALR parser over line tokens, built once per process."""
    return Lark(
        _grammar_text(),
        parser="lalr",
        lexer=LineLexer,
        transformer=_ToRaw(),
        # Positions are propagated by hand: every raw row, paragraph and section takes its
        # line from the token it was built from, and findings point at those lines. Lark's
        # own propagation only annotates Tree nodes, which this Transformer never builds: it
        # would wrap every reduction (about 4 % of a parse) and fill nothing.
        propagate_positions=False,
        maybe_placeholders=False,
    )


def read_raw(text: str) -> RawDocument:
    """Lines → raw document. Raises Lark's exceptions; ``parse`` turns them into ParseError."""
    result = parser().parse(text)
    assert isinstance(result, RawDocument)
    return result
