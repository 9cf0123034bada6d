"""Publisher-like variations of a page ``serialize(report, "html")`` made: what offices' web
editors and content systems do to a report's page. Each variation keeps every cell's value, so
a page made from a report must read back with that report's cells (tests/test_html_pages.py,
tools/make_format_fixtures.py)."""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree, html


def _tree(page: str) -> etree._Element:
    return html.document_fromstring(page)


def _page(root: etree._Element) -> str:
    return etree.tostring(root, encoding="unicode", method="html", doctype="<!DOCTYPE html>")


def _strip_markers(root: etree._Element) -> None:
    """Publishers' pages have no data-key or class on cells, and inline styles instead."""
    for cell in root.iter("td"):
        for name in ("data-key", "class"):
            cell.attrib.pop(name, "")
        cell.set("valign", "center")
        cell.set("style", "border:1px solid #000")


def nbsp_paragraphs(page: str) -> str:
    """Every cell's text in a ``<p>``, blank cells as ``<p>&nbsp;</p>`` (Word-made pages)."""
    root = _tree(page)
    _strip_markers(root)
    for cell in root.iter("td"):
        text = cell.text or ""
        paragraph = etree.SubElement(cell, "p")
        paragraph.text = text or "\u00a0"
        cell.text = None
    return _page(root)


def spans_and_breaks(page: str) -> str:
    """Long labels cut into two ``<span>``s, header labels broken by ``<br>``, values inside a
    ``<span>``, spans written ``colspan="3px"``, and empty cells left empty."""
    root = _tree(page)
    _strip_markers(root)
    for cell in root.iter("td"):
        text = cell.text or ""
        if not text:
            continue
        cell.text = None
        if re.fullmatch(r"[-\d.]+", text):
            etree.SubElement(cell, "span").text = text
        elif len(text) in (4, 7):  # 结果维持, 本年新制作数量: broken as in the template
            cut = len(text) // 2 + (len(text) == 7)
            cell.text = text[:cut]
            etree.SubElement(cell, "br").tail = text[cut:]
        elif len(text) > 8:
            cut = len(text) // 2
            etree.SubElement(cell, "span").text = text[:cut]
            etree.SubElement(cell, "span").text = text[cut:]
        else:
            cell.text = text
        for name in ("colspan", "rowspan"):
            if cell.get(name):
                cell.set(name, f"{cell.get(name)}px" if name == "colspan" else cell.get(name, ""))
    return _page(root)


def split_title(page: str) -> str:
    """The title over two paragraphs: ``示例县示例镇2021年`` / ``政府信息公开工作年度报告``."""
    root = _tree(page)
    heading = next(root.iter("h1"), None)
    year = re.search(r"(?:19|20)\d{2}\s*年度?", heading.text or "") if heading is not None else None
    if heading is not None and heading.text and year is not None:
        first = etree.Element("p")
        first.text = heading.text[: year.end()]
        heading.tag = "p"
        heading.text = heading.text[year.end() :]
        heading.addprevious(first)
    return _page(root)


_SITE_HEAD = """<div class="top"><a href="/">示例县人民政府门户网站</a></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>
<li><a href="/bsfw/">办事服务</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>
<div class="location">当前位置：<a href="/">首页</a> &gt;
<a href="/zwgk/">政府信息公开</a> &gt; 年度报告</div>
<script>var _hmt = _hmt || []; document.write("<table><tr><td>x</td></tr></table>");</script>
<table width="100%" class="layout"><tr><td width="25%" valign="top">
<div class="side"><h3>相关报告</h3><ul>
<li><a href="/a.html">示例县示例镇2020年政府信息公开工作年度报告</a></li>
<li><a href="/b.html">一、总体情况</a></li></ul></div>
</td><td valign="top"><div class="main">
<div class="info">发布时间：2022-01-20　来源：本机关　【字体：<a>大</a> <a>中</a> <a>小</a>】</div>
<div class="content">"""
_SITE_FOOT = """</div>
<div class="bdsharebuttonbox share"><span>分享到：</span><a class="bds_weixin">微信</a>
<a class="bds_tsina">微博</a></div>
<div class="print"><a href="javascript:window.print()">【打印本页】</a></div>
</div></td></tr></table>
<div class="footer"><p>主办：示例县人民政府办公室　网站标识码：0000000000</p>
<p>一、版权所有 示例县人民政府</p></div>"""


def full_page(page: str) -> str:
    """The article inside a portal page: navigation, breadcrumb, a sidebar of other reports,
    share and print buttons, a footer, and a layout table holding it all."""
    root = _tree(page)
    article = root.find(".//article")
    assert article is not None
    inner = (article.text or "") + "".join(
        etree.tostring(child, encoding="unicode", method="html") for child in article
    )
    head = '<html><head><meta charset="utf-8"><title>年度报告</title></head><body>'
    return f"{head}\n{_SITE_HEAD}\n{inner}\n{_SITE_FOOT}\n</body></html>\n"


def fragment(page: str) -> str:
    """The article alone as a content system stores it: no ``<html>``/``<body>``, upper-case
    tags, cells and rows never closed."""
    root = _tree(page)
    article = root.find(".//article")
    assert article is not None
    text = "".join(etree.tostring(child, encoding="unicode", method="html") for child in article)
    text = re.sub(r"</t[dr]>", "", text)
    return re.sub(r"<(/?)(table|tr|td|p|h1|h2)\b", lambda m: f"<{m[1]}{m[2].upper()}", text)


def with_charset(page: str, charset: str | None) -> str:
    """The page declaring ``charset`` (``None``: declaring none), with a character outside
    GB2312 (體) that a reader trusting a gb2312 declaration would stop at."""
    page = re.sub(r'<meta charset="[^"]*">', "", page)
    if charset is not None:
        meta = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'
        page = page.replace("<head>", f"<head>{meta}", 1)
    return page.replace("</article>", "<p>本报告以繁體字另行刊印。</p>\n</article>", 1)


VARIANTS: dict[str, Callable[[str], str]] = {
    "plain": lambda page: page,
    "nbsp-p": nbsp_paragraphs,
    "spans-br": spans_and_breaks,
    "title-split": split_title,
    "full-page": full_page,
    "fragment": fragment,
}
