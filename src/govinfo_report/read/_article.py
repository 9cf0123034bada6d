"""The report inside a web page: which blocks are the article, and which are the portal around
it (navigation, sidebars, share buttons, footers). The rule is in docs/formats.md."""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree

from govinfo_report.model.text import heading_parts, is_title
from govinfo_report.read._html_table import Table


def _tag(element: etree._Element) -> str:
    tag = element.tag
    return tag if isinstance(tag, str) else ""


# Page furniture: dropped unless it holds part of the report (a table, a heading, the title).
_FURNITURE_TAGS = frozenset({"nav", "aside", "footer", "header", "menu"})

_FURNITURE_NAMES = re.compile(
    r"share|footer|foot\b|nav|menu|breadcrumb|crumb|sidebar|toolbar|copyright|location"
    r"|qrcode|pager|pagination"
    r"|(?<![a-z])(?:print|close|font|date|time|source|info|related)(?![a-z])",
    re.IGNORECASE,
)

# A table holding one of these is one of the three standard tables.
_STANDARD_TABLE = re.compile("申请人情况|信息内容|行政复议|行政诉讼|本年新收|第二十条")

_MAX_WIDENING = 32

_SITE_SEPARATOR = re.compile(r"\s*[_｜|—–]+\s*|\s+-\s+")


def _is_heading(block: str | Table) -> bool:
    return isinstance(block, str) and heading_parts(block) is not None


def _common_ancestor(elements: list[etree._Element]) -> etree._Element:
    """The deepest element holding all of ``elements``: each one's ancestors are walked only
    up to the chain found so far, so many anchors deep in a page cost little."""
    chain = [elements[0], *elements[0].iterancestors()]
    on_chain = {e: depth for depth, e in enumerate(chain)}
    lowest = 0
    for element in elements[1:]:
        node: etree._Element | None = element
        while node is not None and node not in on_chain:
            node = node.getparent()
        if node is not None:
            lowest = max(lowest, on_chain[node])
    return chain[lowest]


class _Inherited:
    """Whether an element, or an element around it, has a property: remembered per element,
    so a page costs one look at each element however deep it is and however many ask."""

    def __init__(self, has: Callable[[etree._Element], bool]) -> None:
        self.known: dict[etree._Element, bool] = {}
        self.has = has

    def __call__(self, element: etree._Element) -> bool:
        known = self.known
        found = known.get(element)
        if found is not None:
            return found
        chain = [element]
        node = element.getparent()
        while node is not None and (found := known.get(node)) is None:
            chain.append(node)
            node = node.getparent()
        found = bool(found)
        for e in reversed(chain):
            found = found or self.has(e)
            known[e] = found
        return found


def _furniture(
    tags: frozenset[str], holders: set[etree._Element] | frozenset[etree._Element] = frozenset()
) -> _Inherited:
    """Page furniture or inside some: by tag (``<nav>``, ``<footer>``) or by class or id
    (share, footer, breadcrumb, …); never an element in ``holders`` (those holding the report)."""

    def has(element: etree._Element) -> bool:
        if element in holders:
            return False
        if _tag(element) in tags:
            return True
        kind, name = element.get("class"), element.get("id")
        if kind is None and name is None:  # most elements: no need to look
            return False
        return _FURNITURE_NAMES.search(f"{kind or ''} {name or ''}") is not None

    return _Inherited(has)


def _within(article: etree._Element) -> _Inherited:
    """Whether an element is ``article`` or inside it: a look up each block's few ancestors,
    not a set of every element of the article (a table's cells are hundreds)."""
    return _Inherited(lambda element: element is article)


def _holders(anchors: list[etree._Element]) -> set[etree._Element]:
    """The anchors and every element around them, each reached once."""
    found: set[etree._Element] = set()
    for anchor in anchors:
        node: etree._Element | None = anchor
        while node is not None and node not in found:
            found.add(node)
            node = node.getparent()
    return found


def find_article(
    blocks: list[tuple[str | Table, etree._Element]], head_title: str | None
) -> list[str | Table]:
    """The report inside a page: the smallest element that holds the standard tables and the
    section headings outside page furniture, widened to the title that stands nearest before
    them (an article's own ``<header>`` may hold it); inside it, furniture (navigation, share
    buttons, footers) is left out. With no title in the page, the head's ``<title>`` stands
    first when it reads as one. A page with neither tables nor headings is read whole."""
    furnished = _furniture(_FURNITURE_TAGS)
    in_link = _Inherited(lambda element: _tag(element) in ("a", "li", "option"))
    candidates = [
        i
        for i, (block, owner) in enumerate(blocks)
        if (isinstance(block, Table) and _STANDARD_TABLE.search(block.text))
        or (_is_heading(block) and not in_link(owner))
    ]
    # Anchors in furniture (a footer's 一、版权所有) do not count, unless all are: then the
    # report itself sits in an element named like furniture.
    core = [i for i in candidates if not furnished(blocks[i][1])] or candidates
    if not core:
        return [block for block, _ in blocks]
    anchors = [blocks[i][1] for i in core]
    headed = _furniture(_FURNITURE_TAGS - {"header"})
    titles = [
        owner
        for block, owner in blocks[: core[0]]
        if isinstance(block, str) and is_title(block) and not in_link(owner) and not headed(owner)
    ]
    if titles:
        anchors.append(titles[-1])
    article = _common_ancestor(anchors)
    inside = _within(article)
    # An element that holds the anchors and nothing else (one table alone, a heading alone)
    # is no article yet: widen it to its container.
    in_core = set(core)
    for _ in range(_MAX_WIDENING):
        parent = article.getparent()
        alone = all(i in in_core for i, (_, owner) in enumerate(blocks) if inside(owner))
        if not alone or parent is None or _tag(parent) == "html":
            break
        article = parent
        inside = _within(article)
    dropped = _furniture(_FURNITURE_TAGS, _holders(anchors))
    found = [block for block, owner in blocks if inside(owner) and not dropped(owner)]
    if not titles and head_title is not None:
        found.insert(0, head_title)
    return found


def head_title(root: etree._Element) -> str | None:
    """The head's ``<title>`` when it, or its part before a site name (``…报告_示例县人民政府``),
    reads as a report's title."""
    title = root.find("head/title")
    text = " ".join((title.text or "").split()) if title is not None else ""
    for part in (*_SITE_SEPARATOR.split(text), text):
        if part and is_title(part):
            return part.strip()
    return None
