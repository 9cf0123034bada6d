"""The report inside a web page: which blocks are the article, and which are the portal around
it (navigation, sidebars, share buttons, footers). The rule is in docs/formats.md."""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree

from govinfo_report.model.text import heading_parts, is_title
from govinfo_report.read._grid import Block, Grid


def _tag(element: etree._Element) -> str:
    tag = element.tag
    return tag if isinstance(tag, str) else ""


# Page furniture: dropped unless it holds part of the report (a table, a heading, the title).
_FURNITURE_TAGS = frozenset({"nav", "aside", "footer", "header", "menu"})

_FURNITURE_NAMES = re.compile(
    r"share|bdshare|footer|foot\b|nav|menu|breadcrumb|crumb|sidebar|toolbar|copyright|location",
    re.IGNORECASE,
)

# A table holding one of these is one of the three standard tables.
_STANDARD_TABLE = re.compile("申请人情况|信息内容|行政复议|行政诉讼|本年新收|第二十条")

_MAX_WIDENING = 32

_SITE_SEPARATOR = re.compile(r"\s*[_｜|—–]+\s*|\s+-\s+")


def _is_heading(block: Block) -> bool:
    return isinstance(block, str) and heading_parts(block) is not None


def _in_link(element: etree._Element) -> bool:
    return any(_tag(e) in ("a", "li", "option") for e in (element, *element.iterancestors()))


def _common_ancestor(elements: Iterable[etree._Element]) -> etree._Element:
    chains = [[element, *element.iterancestors()][::-1] for element in elements]
    common = chains[0][0]
    for level in zip(*chains, strict=False):
        if any(e is not level[0] for e in level):
            break
        common = level[0]
    return common


def _furniture(element: etree._Element, tags: frozenset[str]) -> bool:
    names = f"{element.get('class', '')} {element.get('id', '')}"
    return _tag(element) in tags or _FURNITURE_NAMES.search(names) is not None


class _Furniture:
    """Whether an element is page furniture or inside some: by tag (``<nav>``, ``<footer>``)
    or by class/id (share, footer, breadcrumb, …); remembered per element, so a page costs
    one look at each element however deep."""

    def __init__(self, tags: frozenset[str] = _FURNITURE_TAGS) -> None:
        self.known: dict[etree._Element, bool] = {}
        self.tags = tags

    def __call__(self, element: etree._Element) -> bool:
        chain: list[etree._Element] = []
        node: etree._Element | None = element
        while node is not None and node not in self.known:
            chain.append(node)
            node = node.getparent()
        found = False if node is None else self.known[node]
        for e in reversed(chain):
            found = found or _furniture(e, self.tags)
            self.known[e] = found
        return found


def find_article(blocks: list[tuple[Block, etree._Element]], head_title: str | None) -> list[Block]:
    """The report inside a page: the smallest element that holds the standard tables and the
    section headings outside page furniture, widened to the title that stands nearest before
    them (an article's own ``<header>`` may hold it); inside it, furniture (navigation, share
    buttons, footers) is left out. With no title in the page, the head's ``<title>`` stands
    first when it reads as one. A page with neither tables nor headings is read whole."""
    furnished = _Furniture()
    candidates = [
        i
        for i, (block, owner) in enumerate(blocks)
        if (isinstance(block, Grid) and _STANDARD_TABLE.search(_grid_text(block)))
        or (_is_heading(block) and not _in_link(owner))
    ]
    core = [i for i in candidates if not furnished(blocks[i][1])]
    if not core:
        return [block for block, _ in blocks]
    anchors = [blocks[i][1] for i in core]
    headed = _Furniture(_FURNITURE_TAGS - {"header"})
    titles = [
        owner
        for block, owner in blocks[: core[0]]
        if isinstance(block, str) and is_title(block) and not _in_link(owner) and not headed(owner)
    ]
    if titles:
        anchors.append(titles[-1])
    article = _common_ancestor(anchors)
    inside = set(article.iter())
    # An element that holds the anchors and nothing else (one table alone, a heading alone)
    # is no article yet: widen it to its container.
    for _ in range(_MAX_WIDENING):
        parent = article.getparent()
        alone = all(i in core for i, (_, owner) in enumerate(blocks) if owner in inside)
        if not alone or parent is None or _tag(parent) == "html":
            break
        article = parent
        inside = set(article.iter())
    kept = set(anchors)
    found = [
        block
        for block, owner in blocks
        if owner in inside and (owner in kept or not furnished(owner))
    ]
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


def _grid_text(grid: Grid) -> str:
    return "".join(cell.text for row in grid.rows for cell in row if cell is not None)
