"""From the raw document to a ``Report``: metadata, sections, and where each table belongs."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from govinfo_report.errors import ParseError
from govinfo_report.model import (
    Block,
    Edition,
    EditionFrom,
    GenericRow,
    GenericTable,
    Paragraph,
    Report,
    Section,
    Source,
    StandardTable,
    TableSlot,
)
from govinfo_report.model.editions import SECTIONS, join_key
from govinfo_report.model.labels import normalize
from govinfo_report.model.text import (
    CHROME,
    ENDS_WITH_YEAR,
    NAMED_TITLE,
    SENTENCE_END,
    YEAR,
    is_title,
    title_metadata,
    unmark,
)
from govinfo_report.read._binding import Binding
from govinfo_report.read._grammar import (
    RawBlock,
    RawDocument,
    RawParagraph,
    RawRow,
    RawSection,
    RawTable,
)
from govinfo_report.read._recognize import detect_edition, segments, table_like
from govinfo_report.read._rows import trim
from govinfo_report.read._tables import BINDERS


def _title_with_head(front: list[RawBlock], at: int) -> tuple[str, int]:
    """The title, joined with the line above when the title was broken over two lines or the
    organ stands on its own line above it (``示例县人民政府`` / ``2021年政府信息公开…``)."""
    title = unmark(front[at].text)  # type: ignore[union-attr]
    before = front[at - 1] if at else None
    organ, _year = title_metadata(title)
    if organ is None and isinstance(before, RawParagraph):
        head = unmark(before.text)
        gap = front[at].line - before.line  # type: ignore[union-attr]
        # The line right above, or a head ending with the year with blank lines between
        # (a title written as two paragraphs: 示例县青溪镇2022年 / 政府信息公开工作年度报告).
        if gap > 1 and not (gap <= 3 and ENDS_WITH_YEAR.search(head)):
            return title, at
        short = len(head) <= 30 and not head.endswith(SENTENCE_END) and "：" not in head
        # The joined title must read as a title on its own line, or canonical text would
        # not read back the same.
        if short and is_title(head + title):
            if CHROME.search(head) is None and not head[:1].isdigit():
                return head + title, at - 1
            if YEAR.fullmatch(head.strip()) is None and YEAR.search(head):
                return head + title, at - 1  # 示例县示例镇2021年 / 政府信息公开工作年度报告
    return title, at


def _row_line(row: RawRow) -> str:
    """A table row kept as a line of front matter, written so that it reads back as a row."""
    cells = trim(row.cells)
    return f"| {' | '.join(cells)} |" if cells else ""


def _as_lines(blocks: Sequence[RawBlock]) -> list[str]:
    """Front matter is kept as lines of text, a table's rows included."""
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, RawParagraph):
            lines.append(block.text)
        else:
            lines += [line for line in map(_row_line, block.rows) if line]
    return lines


def _standard_title(title: str, used: set[str]) -> str | None:
    key = normalize(title)
    for definition in SECTIONS:
        if definition.key in used:
            continue
        if any(all(word in key for word in words) for words in definition.keywords):
            used.add(definition.key)
            return definition.title
    return None


def _generic(rows: Sequence[RawRow]) -> GenericTable | None:
    kept = []
    for row in rows:
        cells = trim(row.cells)
        if cells:
            kept.append(GenericRow(cells[0], tuple(cells[1:]), row.line))
    return GenericTable(tuple(kept)) if kept else None


class _Binder:
    """Walks the document once, placing tables where they stand; binds them at the end, so
    a table broken by stray lines (a page header, a note) is read as one table."""

    def __init__(self, edition: Edition) -> None:
        self.edition = edition
        self.rows: dict[StandardTable, list[RawRow]] = {}
        self.tables: dict[str, Any] = {}
        self.bindings: list[Binding] = []
        self.paragraph_lines: dict[str, int] = {}

    def blocks(self, raw: Sequence[RawBlock]) -> tuple[Block, ...]:
        out: list[Block] = []
        position = 0
        last: StandardTable | None = None  # the standard table this body last placed
        while position < len(raw):
            block = raw[position]
            if isinstance(block, RawParagraph):
                out.append(Paragraph(block.text))
                self.paragraph_lines.setdefault(block.text, block.line)
                position += 1
                continue
            rows: list[RawRow] = []
            while position < len(raw) and isinstance(raw[position], RawTable):
                rows += raw[position].rows  # type: ignore[union-attr]
                position += 1
            for kind, part in segments(rows):
                if kind is None and last is not None and all(map(table_like, part)):
                    kind = last  # its rest, after stray lines (wrapped header words)
                out += self._table(kind, part)
                last = kind or last
        return tuple(out)

    def _table(self, kind: StandardTable | None, rows: list[RawRow]) -> list[Block]:
        if kind is None:
            generic = _generic(rows)
            return [generic] if generic else []
        if kind in self.rows:  # the same table goes on after something in between
            self.rows[kind] += rows
            return []
        self.rows[kind] = list(rows)
        return [TableSlot(kind)]

    def bind_tables(self) -> None:
        for kind, rows in self.rows.items():
            table, binding = BINDERS[kind](rows, self.edition)
            self.tables[kind] = table
            self.bindings.append(binding)

    def source(self, foreign_labels: tuple[str, ...], edition_from: EditionFrom) -> Source:
        """What the bindings saw, for findings to point at."""
        return Source(
            row_lines=tuple(
                (join_key(b.table, key) if key != "values" else b.table, line)
                for b in self.bindings
                for key, line in b.row_lines.items()
            ),
            absent_rows=tuple(
                row.removesuffix(".values") for b in self.bindings for row in b.absent_rows
            ),
            foreign_labels=foreign_labels,
            edition_from=edition_from,
            cell_issues=tuple(issue for b in self.bindings for issue in b.issues),
            paragraph_lines=tuple(self.paragraph_lines.items()),
        )


def _sections(raw: Sequence[RawSection]) -> list[tuple[int, str, str, list[RawBlock]]]:
    """Headings whose number does not move forward are sub-headings of the section before."""
    merged: list[tuple[int, str, str, list[RawBlock]]] = []
    for section in raw:
        number, title = section.number, section.title
        if merged and number <= merged[-1][0]:
            merged[-1][3].append(RawParagraph(section.heading, section.line))
            merged[-1][3].extend(section.blocks)
        else:
            merged.append((number, title, section.heading, list(section.blocks)))
    return merged


def _not_a_report(document: RawDocument) -> ParseError:
    """The error for text with neither a section heading nor a standard table: it points at
    the first line, where reading began and found none of the report's structure."""
    first = next(iter(document.front), None)
    expected = (
        "a numbered section heading such as 一、总体情况, or one of the report's standard "
        "tables (第二十条第（一）项…, 申请人情况…, 行政复议…)"
    )
    if first is None:
        return ParseError("the text is empty", None, None, expected)
    line = first.line if isinstance(first, RawParagraph) else first.rows[0].line
    return ParseError("no section heading and no standard table in the text", line, None, expected)


def bind(document: RawDocument) -> Report:
    """The report the raw document describes."""
    front = list(document.front)
    title_at = next(
        (i for i, b in enumerate(front) if isinstance(b, RawParagraph) and is_title(b.text)),
        None,
    )
    title: str | None = None
    front_matter: list[str] = []
    intro: list[RawBlock] = front
    if title_at is not None:
        title, head_at = _title_with_head(front, title_at)
        front_matter, intro = _as_lines(front[:head_at]), front[title_at + 1 :]
    else:
        named = (
            NAMED_TITLE.search(block.text) for block in front if isinstance(block, RawParagraph)
        )
        match = next((m for m in named if m is not None), None)
        if match is not None:
            title = match.group(1).strip()
            first_table = next(
                (i for i, b in enumerate(front) if isinstance(b, RawTable)), len(front)
            )
            front_matter, intro = _as_lines(front[:first_table]), front[first_table:]
    organ, year = title_metadata(title) if title else (None, None)

    all_rows = [
        row
        for block in [*front, *(b for s in document.sections for b in s.blocks)]
        if isinstance(block, RawTable)
        for row in block.rows
    ]
    edition, foreign_labels, edition_from = detect_edition(all_rows, year)
    binder = _Binder(edition)
    intro_blocks = binder.blocks(intro)
    used: set[str] = set()
    sections = []
    for number, heading_title, heading, blocks in _sections(document.sections):
        standard = _standard_title(heading_title, used)
        sections.append(Section(number, standard or heading_title, binder.blocks(blocks), heading))
    binder.bind_tables()
    if not sections and not binder.tables:
        raise _not_a_report(document)
    return Report(
        edition=binder.edition,
        title=title,
        organ=organ,
        year=year,
        front_matter=tuple(front_matter),
        intro=intro_blocks,
        sections=tuple(sections),
        active_disclosure=binder.tables.get("active_disclosure"),
        applications=binder.tables.get("applications"),
        review_litigation=binder.tables.get("review_litigation"),
        unplaced=tuple(row for b in binder.bindings for row in b.unplaced),
        source=binder.source(foreign_labels, edition_from),
    )
