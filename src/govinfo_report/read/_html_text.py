"""The text of an HTML element as a browser lays it out: block elements and ``<br>`` break
lines, inline elements join, HTML white space collapses."""

from __future__ import annotations

import re

from lxml import etree


def names(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Elements that end a line: their content stands on lines of its own.
BLOCK_TAGS = names(
    "address article aside blockquote body center dd details dialog div dl dt fieldset figcaption"
    " figure footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre section summary"
    " table tbody td tfoot th thead tr ul caption"
)
HTML_SPACE = re.compile(r"[ \t\n\r\f]+")


def tag(element: etree._Element) -> str:
    # libxml2's HTML parser gives element names in lower case; comments and the like have a
    # function for a tag.
    name = element.tag
    return name if isinstance(name, str) else ""


def has_space(text: str) -> bool:
    """Whether a text holds HTML white space: five substring tests, several times faster than
    ``HTML_SPACE.search`` on a long line of CJK text."""
    return " " in text or "\n" in text or "\t" in text or "\r" in text or "\f" in text


def _collapse(text: str) -> str:
    if not has_space(text):
        return text
    text = HTML_SPACE.sub(lambda m: "\n" if "\n" in m.group() else " ", text)
    return text.strip(" \n")


def text_of(element: etree._Element) -> str:
    """An element's text with block elements and ``<br>`` as line breaks and inline elements
    (``<span>2</span><span>0</span>``) joined as they stand; HTML's white space collapsed (a
    run holding a line break to one line break), no-break spaces kept for ``cell_text``."""
    if len(element) == 0:
        return _collapse(element.text or "")
    pieces: list[str] = []
    for event, node in etree.iterwalk(element, events=("start", "end")):
        name = tag(node)
        inner = node is not element
        if event == "start":
            if inner and (name == "br" or name in BLOCK_TAGS):
                pieces.append("\n")
            if node.text:
                pieces.append(node.text)
        elif inner:
            if name in BLOCK_TAGS:
                pieces.append("\n")
            if node.tail:
                pieces.append(node.tail)
    return _collapse("".join(pieces))


def cell_text_of(cell: etree._Element) -> str:
    """``text_of`` a table cell, with a shortcut for the usual cell: text alone, no spaces."""
    if len(cell) == 0:
        text = cell.text or ""
        if not has_space(text):
            return text
    return text_of(cell)
