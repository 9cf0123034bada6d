"""Lines as converters and scrapers leave them, put back into lines the lexer can classify:
grid tables, a browser's innerText cells, pages flattened onto one line, labels typeset one
character per line. Each repair keeps line numbers true (lines it takes stay empty)."""

from __future__ import annotations

import functools
import operator
import re

from govinfo_report.model.labels import caption_key, is_note, label_key, normalize
from govinfo_report.model.text import (
    INLINE_HEADING,
    LONG_LINE,
    SPACES,
    TITLE_TOKEN,
    heading_parts,
    unmark,
)
from govinfo_report.model.values import is_value
from govinfo_report.read._boxes import unbox, unbox_ascii
from govinfo_report.read._cell_lines import (
    CUT_OVER_LINES,
    PIECE_LINE,
    has_label_above_row,
    rejoin_cells,
    rejoin_label_lines,
    rejoin_number_pieces,
)
from govinfo_report.read._columns import place_by_columns
from govinfo_report.read._detached import reattach
from govinfo_report.read._gaps import regap, rejoin_blank_cells
from govinfo_report.read._indexes import column_labels, table_labels
from govinfo_report.read._layout_rows import join_label_paragraphs, rejoin_layout, rejoin_wrapped

# Two lines of one Chinese character each (after a line break: the first line is looked at
# apart). Starting with a literal line break lets the regex engine skip ahead.
_VERTICAL = re.compile(r"\n *[\u4e00-\u9fff] *\r?\n *[\u4e00-\u9fff] *(?:\r?\n|$)")


def split_lines(text: str) -> list[str]:
    """Lines without their ends (LF, CRLF, CR and the other Unicode breaks). Byte-order
    marks are dropped wherever they stand: files glued together carry them mid-text."""
    lines = text.replace("\ufeff", "").splitlines()
    if "+-" in text:
        lines = unbox_ascii(lines)
    if "+" in text and ("+-" in text or "+=" in text):
        lines = regrid(lines)
    if "│" in text and "─" in text:
        lines = unbox(lines)
    if "#" in text:
        lines = unmark_labels(lines)
    if "|" in text and "  \n" in text:
        lines = close_open_rows(lines)
    if "\n\t\n" in text or "\r\t\r" in text:
        lines = rejoin_cells(lines)
    if "\n\t" in text and has_label_above_row(text):
        lines = rejoin_label_lines(lines)
    if PIECE_LINE.search(text) or CUT_OVER_LINES.search(text):
        lines = rejoin_number_pieces(lines)
    lines = join_fragments(lines)
    if "\t" not in text:  # tab rows and the cells layout keep their rows apart already
        layout = "|" not in text  # rows as PDF layout text draws them, in columns of spaces
        if layout and "\n\n" in text:
            lines = join_label_paragraphs(lines)
        if layout:
            lines = place_by_columns(lines)
        lines = rejoin_wrapped(lines, columns=layout)
        if layout:
            lines = rejoin_layout(lines)
    if "|" in text:
        lines = reattach(lines)
    if "\n\xa0" in text:  # a cell per line, an empty one as a line of no-break spaces
        lines = rejoin_blank_cells(lines)
    if "\n\n\n" in text or "\r\n\r\n\r\n" in text or ("\n\xa0" in text and "\n\n" in text):
        lines = regap(lines)  # cells a blank line apart, empty ones as more or as &nbsp;
    if max(map(len, lines), default=0) > LONG_LINE:
        lines = [
            part
            for line in lines
            for part in (unflatten(line) if len(line) > LONG_LINE else (line,))
        ]
    # Labels typeset one character per line need two such lines in a row: let the regex
    # engine look for them (from each line break) before walking the lines.
    newlines = text if "\n" in text else text.replace("\r", "\n")  # old Mac line ends
    vertical = _VERTICAL.search(newlines) is not None or _single_character(
        lines[0] if lines else ""
    )
    return join_vertical(lines) if vertical else lines


def close_open_rows(lines: list[str]) -> list[str]:
    """html2text's tables: no edge pipes, every line ended by a Markdown hard break (two
    spaces). A pipe at a row's start or end there stands between two cells, the outer one
    empty (`` | 19| 21`` or, from an indented page, ``| 19 | 21`` for a blank first cell;
    ``规章| 0|  |`` for a blank last), where
    the pipe reader would take it for an edge: such rows get edge pipes of their own."""
    out = list(lines)
    at = 0
    while at < len(lines):
        end = at
        while end < len(lines) and "|" in lines[end]:
            end += 1
        run = lines[at:end]
        # (A run whose every line starts with a pipe is a Markdown table with edge pipes.)
        hard_breaks = all(line.endswith("  ") for line in run)
        if run and hard_breaks and not all(line.startswith("|") for line in run):
            for number, line in enumerate(run, start=at):
                text = line.rstrip()
                if text.lstrip().startswith("|") or text.endswith("|"):
                    out[number] = f"|{text}|"
        at = max(end, at + 1)
    return out


def unmark_labels(lines: list[str]) -> list[str]:
    """Markdown heading marks in front of a table label (``### 行政复议`` above one group of
    table 四, printed as a small table of its own) taken off, so the line reads as the label."""
    return [
        bare if line.startswith("#") and label_key(bare := unmark(line)) in table_labels() else line
        for line in lines
    ]


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
    if "\t" in line or INLINE_HEADING.search(line) is None:
        return [line]  # a table row, or no heading inside: the line as it is
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
    tokens = SPACES.split(line.strip())
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


_FRAGMENT = 8  # a header cell broken by <br> leaves pieces this short (本年新 / 制作数量)
_NEAR = _FRAGMENT + 4  # a piece and the spaces around it: a longer line's end is no piece
_LABEL = 60  # a piece of a label broken inside its bracketed note: the longest label's length


_LAST = operator.itemgetter(slice(-1, None))
# Where a label broken inside its note, or a caption before its 项, ends a line.
_PIECE_ENDS = frozenset("（(“，、）)")


def join_fragments(lines: list[str]) -> list[str]:
    """A cell broken over two lines by ``<br>`` (``本年新`` / ``制作数量``; in a pipe row,
    ``结果`` / ``维持| 结果``) joined back: where the last cell of one line and the first cell
    of the next spell a known label that neither piece is alone. The line it took is left
    empty, so line numbers stay true."""
    # Lines that end in a Chinese character, a bracket or a comma: the only ones a broken
    # label's or caption's first piece can end (looked for cheaply first: most end otherwise).
    lasts = map(_LAST, map(str.rstrip, lines[:-1]))  # each line's last character, at C speed
    ends = [
        number
        for number, last in enumerate(lasts)
        if "\u4e00" <= last <= "\u9fff" or last in _PIECE_ENDS
    ]
    out = list(lines)
    for number in ends:
        if _broken_label(out[number], out[number + 1]):
            out[number], out[number + 1] = "", out[number].rstrip() + out[number + 1].lstrip()
    return out


@functools.lru_cache(maxsize=4096)
def _broken_label(line: str, following: str) -> bool:
    """Whether a label is broken between ``line``'s last cell and ``following``'s first.
    Cached: the pairs worth asking about are mostly header lines, the same in every report."""
    longest = _pieces(line.rstrip(), following.lstrip(" |"))
    if not longest:
        return False
    tail, head = _tail_cell(line, longest), _head_cell(following, longest)
    if not tail or not head:
        return False
    known = table_labels()
    if label_key(tail + head) in known:
        return not {label_key(tail), label_key(head)} & known
    # A table-二 caption broken the same way (第二十条第（八） / 项): it opens its item.
    return caption_key(tail + head) is not None and caption_key(tail) is None


def _pieces(tail: str, head: str) -> int:
    """How long the pieces of a label broken between a line (``tail``) and the next
    (``head``) may be: short pieces of a cell broken by ``<br>``, where the break stands
    between Chinese characters near the cells' edges; pieces of any length where the break
    stands inside the label's bracketed note (the next line closes it). 0: no broken label."""
    first = head[:1]
    if (
        first
        and ("\u4e00" <= first <= "\u9fff" or first in "（(“")
        and tail[-1] not in "，、"
        and (len(tail) <= _NEAR or "|" in tail[-_NEAR:] or "\t" in tail[-_NEAR:])
        and (len(head) <= _NEAR or "|" in head[:_NEAR] or "\t" in head[:_NEAR])
    ):
        return _FRAGMENT
    opened = max(tail.rfind("（"), tail.rfind("("))
    if opened >= 0 and opened > max(tail.rfind("）"), tail.rfind(")")):
        return _LABEL if "）" in head or ")" in head else 0
    return 0


def _tail_cell(line: str, longest: int) -> str:
    """A line's last cell when it may be the first piece of a broken label, else ``""``."""
    cell = line.rstrip().rstrip("|").rpartition("|" if "|" in line else "\t")[2].strip()
    return cell if len(cell) <= longest and cell and not cell[-1].isdigit() else ""


def _head_cell(line: str, longest: int) -> str:
    """A line's first cell when it may be the second piece of a broken label, else ``""``."""
    cell = line.lstrip().lstrip("|").partition("|" if "|" in line else "\t")[0].strip()
    return cell if len(cell) <= longest and cell and not cell[0].isdigit() else ""
