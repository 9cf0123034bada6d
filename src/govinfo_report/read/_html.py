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
from govinfo_report.read._grid import Block, lines_text
from govinfo_report.read._html_table import Table, read_table
from govinfo_report.read._html_text import BLOCK_TAGS, HTML_SPACE, has_space, names, text_of

# Never part of a report's text, wherever they stand.
_DROPPED_TAGS = names(
    "head script style noscript template iframe object embed svg canvas button select input"
    " textarea map audio video"
)
# What a browser does not show (and innerText leaves out): ``hidden``, ``display:none``.
# Found by their attributes: libxml2 tests every element's predicate several times slower.
_HIDING = etree.XPath("//@hidden | //@style")
_DISPLAY_NONE = re.compile(r"display\s*:\s*none", re.IGNORECASE)
_MAX_HIDDEN_TEXT = 200
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
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
        blocks = _lines(_page_blocks(text[start:end]))
        if any(not isinstance(block, str) and block for block in blocks):
            pieces += [text[done:start], "\n" + lines_text(blocks)]
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


def _has_table(element: etree._Element) -> bool:
    return next(element.iterdescendants("table"), None) is not None


def _walk(body: etree._Element) -> list[tuple[str | Table, etree._Element]]:
    """Every paragraph and table in reading order with the element it came from."""
    blocks: list[tuple[str | Table, etree._Element]] = []
    pieces: list[str] = []
    owners: list[tuple[etree._Element, int]] = [(body, 0)]

    def flush() -> None:
        if not pieces:  # most block ends: the text went with the block inside
            return
        text = "".join(pieces)
        if has_space(text):
            text = HTML_SPACE.sub(" ", text)
        text = text.replace("\u00a0", " ").strip()
        pieces.clear()
        if text:
            blocks.append((text, owners[-1][0]))

    walker = etree.iterwalk(body, events=("start", "end"))
    for event, node in walker:
        name = node.tag  # a comment's is a function: in no set of names, equal to none
        if event == "start":
            if name == "table" and not _has_table(node):
                flush()
                owners.append((node, len(blocks)))
                caption = node.find("caption")
                if caption is not None:
                    pieces.append(text_of(caption))
                    flush()
                blocks.append((read_table(node), node))
                walker.skip_subtree()
                continue
            if name in BLOCK_TAGS:
                flush()
                owners.append((node, len(blocks)))
            elif name == "br":
                flush()
            text = node.text  # read once: each read decodes it again
            if text:
                pieces.append(text)
        else:
            if name in BLOCK_TAGS:
                flush()
                owner, first = owners.pop()
                if name == "p" and first == len(blocks):
                    # An empty paragraph is a blank line, as converters print it.
                    blocks.append(("", owner))
            if node is not body:
                tail = node.tail
                if tail:
                    pieces.append(tail)
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


def _maybe_hidden(root: etree._Element) -> list[etree._Element]:
    """Every element with a ``hidden`` or ``style`` attribute, in document order."""
    found = _HIDING(root)
    attributes = found if isinstance(found, list) else []
    parents = (a.getparent() for a in attributes if isinstance(a, etree._ElementUnicodeResult))
    return list(dict.fromkeys(parent for parent in parents if parent is not None))


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


def _page_blocks(text: str) -> list[str | Table]:
    """An HTML page's report: its paragraphs and tables in reading order."""
    root = _parse(text)
    title = head_title(root)
    etree.strip_elements(root, *_DROPPED_TAGS, with_tail=False)
    for hidden in _maybe_hidden(root):
        # Some sites hide the article until a script shows it: a hidden element that holds
        # a table or much text stays.
        if (
            (hidden.get("hidden") is not None or _DISPLAY_NONE.search(hidden.get("style", "")))
            and not _has_table(hidden)
            and len(text_of(hidden)) < _MAX_HIDDEN_TEXT
        ):
            _remove(hidden)
    body = root.find("body")
    return find_article(_walk(root if body is None else body), title)


def _lines(blocks: list[str | Table]) -> list[str | list[str]]:
    return [block if isinstance(block, str) else block.lines() for block in blocks]


def html_blocks(text: str) -> list[Block]:
    """An HTML page's report as blocks: paragraph lines and table grids in reading order."""
    return [block if isinstance(block, str) else block.grid() for block in _page_blocks(text)]


def html_text(text: str) -> str:
    """What the binder reads of an HTML page: ``blocks_text(html_blocks(text))``, each table's
    tab rows made straight from its rows, with no grid placed (``_html_table.py``)."""
    return lines_text(_lines(_page_blocks(text)))
