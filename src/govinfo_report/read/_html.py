"""HTML pages → blocks (paragraph lines and table grids), the shape every format reader yields.

Parsed with lxml's HTML parser, which never fetches and never expands entities (a DOCTYPE's
entity definitions are left as text). One iterative walk (no recursion: deep pages cannot
overflow the stack) turns block elements into paragraph lines in reading order and each table
that holds no other table into a ``Grid``; a table that holds tables is page layout and is read
as a container. The report is then cut out of the page (``_article.py``): docs/formats.md.
"""

from __future__ import annotations

import re

from lxml import etree

from govinfo_report.errors import ParseError
from govinfo_report.read._article import find_article, head_title
from govinfo_report.read._grid import Block, Cell, Grid, blocks_text, grid_lines


def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Elements that end a line: their content stands on lines of its own.
_BLOCK_TAGS = _names(
    "address article aside blockquote body center dd details dialog div dl dt fieldset figcaption"
    " figure footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre section summary"
    " table tbody td tfoot th thead tr ul caption"
)
# Never part of a report's text, wherever they stand.
_DROPPED_TAGS = _names(
    "head script style noscript template iframe object embed svg canvas button select input"
    " textarea map audio video"
)
# What a browser does not show (and innerText leaves out): ``hidden``, ``display:none``.
_MAYBE_HIDDEN = etree.XPath("//*[@hidden or @style]")
_DISPLAY_NONE = re.compile(r"display\s*:\s*none", re.IGNORECASE)
_MAX_HIDDEN_TEXT = 200
# A report's largest table has some 30 rows of 15 columns; spans over millions of slots are
# an attack, not a report.
_MAX_SLOTS = 1_000_000
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_SPAN = re.compile(r"\s*\+?(\d+)")
MARKUP = re.compile(r"<(?:table|html|body)[\s>/]", re.IGNORECASE)
_STARTS_WITH_MARKUP = re.compile(r"[\s\ufeff]*<[A-Za-z!?]")
_PAGE_TAG = re.compile(r"<(?:html|body)[\s>/]", re.IGNORECASE)
_TABLE_TAG = re.compile(r"<(/?)table[\s>/]", re.IGNORECASE)
_CLOSING = re.compile(r"</(?:table|html|body|td|p|div)\s*>", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """Whether a text holds HTML markup rather than being a plain-text report: it has a
    ``<table``, ``<html`` or ``<body`` tag and a closing tag. A report that mentions ``<`` in
    its prose does not."""
    match = MARKUP.search(text)
    return match is not None and _CLOSING.search(text, match.start()) is not None


def is_page(text: str) -> bool:
    """Whether a text with markup is an HTML page (or a content system's fragment of one): it
    starts with markup, or has ``<html>``/``<body>``. Otherwise it is text with HTML tables in
    it (pandoc's Markdown keeps a table it cannot draw as raw ``<table>``), read by
    ``inline_tables``."""
    return _STARTS_WITH_MARKUP.match(text) is not None or _PAGE_TAG.search(text) is not None


def inline_tables(text: str) -> str:
    """Text with raw HTML tables in it: each outermost ``<table>…</table>`` becomes its tab rows
    between blank lines (a layout table holding tables: its cells' lines and its tables' rows),
    the text around it stays as written (its lines, pipes and tabs are the text reader's). A
    table that yields no rows is left as written."""
    pieces: list[str] = []
    done = 0
    for start, end in _outer_tables(text):
        blocks = html_blocks(text[start:end])
        if any(isinstance(block, Grid) and grid_lines(block) for block in blocks):
            pieces += [text[done:start], "\n" + blocks_text(blocks)]
            done = end
    return "".join([*pieces, text[done:]])


def _outer_tables(text: str) -> list[tuple[int, int]]:
    """Where each outermost table stands: nested tables counted, an unclosed one runs to the
    end of the text."""
    found: list[tuple[int, int]] = []
    depth, start = 0, 0
    for match in _TABLE_TAG.finditer(text):
        if match.group(1):  # </table>
            if depth == 1:
                found.append((start, match.end()))
            depth = max(0, depth - 1)
        else:
            if depth == 0:
                start = match.start()
            depth += 1
    if depth:
        found.append((start, len(text)))
    return found


def _span(value: str | None) -> int | None:
    """A span attribute as browsers read it: leading digits (``"2px"`` is 2); ``None`` when
    there are none (the attribute then counts as 1)."""
    if value is None:
        return None
    if value.isdecimal():
        return int(value)
    match = _SPAN.match(value)
    return int(match.group(1)) if match else None


def _tag(element: etree._Element) -> str:
    # libxml2's HTML parser gives element names in lower case; comments and the like have a
    # function for a tag.
    tag = element.tag
    return tag if isinstance(tag, str) else ""


def _collapse(text: str) -> str:
    if _HTML_SPACE.search(text) is None:
        return text
    text = _HTML_SPACE.sub(lambda m: "\n" if "\n" in m.group() else " ", text)
    return text.strip(" \n")


def _text_of(element: etree._Element) -> str:
    """An element's text with block elements and ``<br>`` as line breaks and inline elements
    (``<span>2</span><span>0</span>``) joined as they stand; HTML's white space collapsed (a
    run holding a line break to one line break), no-break spaces kept for ``cell_text``."""
    if len(element) == 0:
        return _collapse(element.text or "")
    pieces: list[str] = []
    for event, node in etree.iterwalk(element, events=("start", "end")):
        tag = _tag(node)
        inner = node is not element
        if event == "start":
            if inner and (tag == "br" or tag in _BLOCK_TAGS):
                pieces.append("\n")
            if node.text:
                pieces.append(node.text)
        elif inner:
            if tag in _BLOCK_TAGS:
                pieces.append("\n")
            if node.tail:
                pieces.append(node.tail)
    return _collapse("".join(pieces))


def _cell_text(cell: etree._Element) -> str:
    if len(cell) == 0:  # text alone: most cells
        text = cell.text or ""
        if _HTML_SPACE.search(text) is None:
            return text
    return _text_of(cell)


def _rows(table: etree._Element) -> list[list[etree._Element]]:
    """The table's rows (inside ``<tbody>``, ``<thead>``, a stray ``<form>``: wherever they
    stand in it) and each row's cells."""
    return [[cell for cell in row if cell.tag in ("td", "th")] for row in table.iter("tr")]


def build_grid(table: etree._Element) -> Grid:
    """A table with no table inside it → a ``Grid``. Spans as browsers place them: zero or
    unreadable colspan is 1, ``rowspan="0"`` and rowspans past the last row reach the last
    row, a colspan never runs past the widest row."""
    rows = _rows(table)
    # A colspan is cut where the table ends: at the widest row, spans counted up to the
    # largest number of cells any row has.
    most = max(map(len, rows), default=0)
    widest = 0
    specs: list[list[tuple[etree._Element, int, int | None]]] = []
    for row in rows:
        spec = []
        for cell in row:
            across, down = cell.get("colspan"), cell.get("rowspan")
            spec.append(
                (
                    cell,
                    1 if across is None else _span(across) or 1,
                    None if down is None else _span(down),
                )
            )
        widest = max(widest, sum(min(colspan, most) for _, colspan, _ in spec))
        specs.append(spec)
    if len(rows) * widest > _MAX_SLOTS:
        raise ParseError(
            f"a table of {len(rows)} rows and {widest} columns is too large for a report",
            None,
            None,
            "the tables of a report",
        )
    placed: list[dict[int, Cell | None]] = [{} for _ in rows]
    for r, spec in enumerate(specs):
        slots, c, left = placed[r], 0, len(rows) - r
        for cell, colspan, rowspan in spec:
            while c in slots:
                c += 1
            if colspan > widest - c:
                colspan = max(1, widest - c)
            if rowspan is None:
                rowspan = 1
            elif rowspan == 0 or rowspan > left:  # rowspan="0": to the end of the table
                rowspan = left
            slots[c] = Cell(_cell_text(cell), rowspan, colspan)
            if rowspan > 1 or colspan > 1:
                for dr in range(rowspan):
                    below = placed[r + dr]
                    for dc in range(colspan):
                        if dr or dc:
                            below.setdefault(c + dc, None)
            c += colspan
    width = max((max(row) + 1 for row in placed if row), default=0)
    return Grid(tuple(tuple(row.get(c) for c in range(width)) for row in placed))


def _has_table(element: etree._Element) -> bool:
    return next(element.iterdescendants("table"), None) is not None


def _walk(body: etree._Element) -> list[tuple[Block, etree._Element]]:
    """Every block in reading order with the element it came from."""
    blocks: list[tuple[Block, etree._Element]] = []
    pieces: list[str] = []
    owners: list[tuple[etree._Element, int]] = [(body, 0)]

    def flush() -> None:
        text = _HTML_SPACE.sub(" ", "".join(pieces)).replace("\u00a0", " ").strip()
        pieces.clear()
        if text:
            blocks.append((text, owners[-1][0]))

    walker = etree.iterwalk(body, events=("start", "end"))
    for event, node in walker:
        tag = _tag(node)
        if event == "start":
            if tag == "table" and not _has_table(node):
                flush()
                owners.append((node, len(blocks)))
                caption = node.find("caption")
                if caption is not None:
                    pieces.append(_text_of(caption))
                    flush()
                blocks.append((build_grid(node), node))
                walker.skip_subtree()
                continue
            if tag in _BLOCK_TAGS:
                flush()
                owners.append((node, len(blocks)))
            elif tag == "br":
                flush()
            if node.text:
                pieces.append(node.text)
        else:
            if tag in _BLOCK_TAGS:
                flush()
                owner, first = owners.pop()
                if tag == "p" and first == len(blocks):
                    # An empty paragraph is a blank line, as converters print it.
                    blocks.append(("", owner))
            if node is not body and node.tail:
                pieces.append(node.tail)
    flush()
    return blocks


def _parse(text: str) -> etree._Element:
    parser = etree.HTMLParser(
        no_network=True, huge_tree=True, remove_comments=True, remove_pis=True, recover=True
    )
    try:
        root = etree.fromstring(text, parser)
    except ValueError:
        # lxml refuses a str that declares its encoding (the text is decoded already) and
        # characters XML cannot hold; browsers ignore both.
        text = _CONTROL.sub("", _XML_DECLARATION.sub("", text, count=1))
        try:
            root = etree.fromstring(text, parser)
        except (ValueError, etree.LxmlError) as error:  # pragma: no cover - lxml recovers
            raise ParseError(
                f"the HTML page cannot be parsed ({error})", None, None, "an HTML page"
            ) from None
    limits = [e for e in parser.error_log if e.type_name == "ERR_RESOURCE_LIMIT"]
    if limits:
        # libxml2 stops at its depth limit and silently drops the rest of the page.
        raise ParseError(
            f"the HTML page is nested too deeply to read whole ({limits[0].message.strip()})",
            limits[0].line or None,
            None,
            "an HTML page",
        )
    if root is None:
        raise ParseError("the HTML page is empty", None, None, "an HTML page")
    return root


def _remove(element: etree._Element) -> None:
    """Take an element out of the tree, its tail (the text after it) staying."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def html_blocks(text: str) -> list[Block]:
    """An HTML page's report as blocks: paragraph lines and table grids in reading order."""
    root = _parse(text)
    title = head_title(root)
    etree.strip_elements(root, *_DROPPED_TAGS, with_tail=False)
    found = _MAYBE_HIDDEN(root)
    for hidden in found if isinstance(found, list) else []:
        # Some sites hide the article until a script shows it: a hidden element that holds
        # a table or much text stays.
        if (
            isinstance(hidden, etree._Element)
            and (hidden.get("hidden") is not None or _DISPLAY_NONE.search(hidden.get("style", "")))
            and not _has_table(hidden)
            and len(_text_of(hidden)) < _MAX_HIDDEN_TEXT
        ):
            _remove(hidden)
    body = root.find("body")
    return find_article(_walk(root if body is None else body), title)
