"""The HTML reader: grids with spans as browsers place them, cell text, the article inside a
page, and what is HTML at all."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govinfo_report import ParseError, flatten, parse
from govinfo_report.read._grid import Cell, Grid, grid_lines
from govinfo_report.read._html import html_blocks, inline_tables, is_page, looks_like_html


def _grid(rows: str) -> Grid:
    blocks = html_blocks(f"<html><body><table>{rows}</table></body></html>")
    grids = [block for block in blocks if isinstance(block, Grid)]
    assert len(grids) == 1
    return grids[0]


def test_spans_place_cells_and_cover_slots() -> None:
    grid = _grid(
        "<tr><td rowspan=2>（三）不予公开</td><td>1.属于国家秘密</td><td>3</td></tr>"
        "<tr><td>2.其他</td><td>1</td></tr>"
        "<tr><td colspan=2>（七）总计</td><td>4</td></tr>"
    )
    assert grid.rows == (
        (Cell("（三）不予公开", 2, 1), Cell("1.属于国家秘密"), Cell("3")),
        (None, Cell("2.其他"), Cell("1")),
        (Cell("（七）总计", 1, 2), None, Cell("4")),
    )


def test_zero_unitless_and_unreadable_spans_are_clamped_as_browsers_do() -> None:
    grid = _grid(
        '<tr><td colspan="2px">a</td><td colspan="0">b</td><td colspan="x">c</td></tr>'
        '<tr><td rowspan="0">d</td><td>e</td><td>f</td><td>g</td></tr>'
        '<tr><td>h</td><td rowspan="99" colspan="500">i</td></tr>'
    )
    # rowspan=0 reaches the last row and 99 rows end there too; 500 columns end at the widest
    # row (spans counted up to the most cells a row has: 1 + 4 here). Rows shorter than the
    # table end in empty slots.
    assert grid.rows == (
        (Cell("a", 1, 2), None, Cell("b"), Cell("c"), None),
        (Cell("d", 2, 1), Cell("e"), Cell("f"), Cell("g"), None),
        (None, Cell("h"), Cell("i", 1, 3), None, None),
    )


def test_spans_in_other_digits_are_read_as_python_reads_them_or_as_one() -> None:
    grid = _grid("<tr><td rowspan='²' colspan='٢'>x</td><td>y</td></tr><tr><td>z</td></tr>")
    assert grid.rows[0][0] == Cell("x", 1, 2)


def test_breaks_paragraphs_and_divs_break_lines_while_spans_join() -> None:
    grid = _grid(
        "<tr><td>本年新<br>制作数量</td><td><p>251000</p><p>元</p></td>"
        "<td><span>2</span><span>0</span></td><td><div>open</div><div>data</div></td>"
        "<td>&nbsp;</td><td><p>&nbsp;</p></td><td></td></tr>"
    )
    assert [cell.text for cell in grid.rows[0] if cell] == [
        "本年新\n制作数量",
        "251000\n元",
        "20",
        "open\ndata",
        "\u00a0",
        "\u00a0",
        "",
    ]
    assert grid_lines(grid) == ["本年新制作数量\t251000元\t20\topen data\t\t\t"]


def test_rows_inside_a_stray_form_tbody_and_thead_are_rows_of_the_table() -> None:
    grid = _grid(
        "<thead><tr><td>a</td></tr></thead><form><tr><td>b</td></tr></form>"
        "<tbody><tr><td>c</td></tr></tbody>"
    )
    assert [row[0].text if row[0] else None for row in grid.rows] == ["a", "b", "c"]


def test_a_table_holding_tables_is_layout_and_its_cells_read_as_paragraphs() -> None:
    blocks = html_blocks(
        "<table><tr><td><p>一、总体情况</p></td><td>"
        "<table><tr><td>规章</td><td>2</td></tr></table><p>二、主动公开政府信息情况</p>"
        "</td></tr></table>"
    )
    assert blocks == [
        "一、总体情况",
        Grid(((Cell("规章"), Cell("2")),)),
        "二、主动公开政府信息情况",
    ]


def test_paragraphs_come_in_reading_order_and_an_empty_paragraph_is_a_blank_line() -> None:
    blocks = html_blocks(
        "<body><h1>报告</h1><p>第一行<br>第二行</p><p>&nbsp;</p><div>a <b>b</b>\n c</div>"
        "<script>document.write('x')</script><style>p{}</style><ul><li>一</li><li>二</li></ul>"
        "</body>"
    )
    assert blocks == ["报告", "第一行", "第二行", "", "a b c", "一", "二"]


def test_the_report_is_cut_out_of_a_portal_page() -> None:
    page = """<html><body>
    <div class="nav"><a>首页</a><a>政务公开</a></div>
    <ul class="list"><li><a>示例县2020年政府信息公开工作年度报告</a></li></ul>
    <div class="article"><h1>示例县2021年政府信息公开工作年度报告</h1>
      <div class="content"><p>一、总体情况</p><p>正文。</p>
      <div class="bdsharebuttonbox"><a>分享到微信</a></div>
      <p>二、主动公开政府信息情况</p><table><tr><td>信息内容</td><td>本年制发件数</td></tr>
      <tr><td>规章</td><td>2</td></tr></table></div></div>
    <div class="footer"><p>一、版权所有</p><p>主办单位：示例县</p></div></body></html>"""
    blocks = html_blocks(page)
    assert [block for block in blocks if isinstance(block, str)] == [
        "示例县2021年政府信息公开工作年度报告",
        "一、总体情况",
        "正文。",
        "二、主动公开政府信息情况",
    ]
    report = parse(page)
    assert (report.organ, report.year) == ("示例县", 2021)


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("<html><body><p>x</p></body></html>", True),
        ("<TABLE border=1><TR><TD>1</TD></TR></TABLE>", True),
        ("一、总体情况\n依申请公开<table>数量 < 3，见附件</table>\n", True),
        ("一、总体情况\n收到申请 < 3 件，<b>不含</b>重复申请。\n", False),
        ("一、总体情况\n表格标签写作<table，正文 2<3。\n", False),
    ],
)
def test_html_is_told_by_page_markup_not_by_a_stray_angle_bracket(text: str, html: bool) -> None:
    assert looks_like_html(text) is html


def test_a_plain_text_report_mentioning_tags_still_reads_as_text() -> None:
    text = "一、总体情况\n公开指南中的<table>标签说明见附件。\n"
    report = parse(text)
    assert report.sections[0].title == "总体情况"
    assert report.sections[0].body[0].text == "公开指南中的<table>标签说明见附件。"  # type: ignore[union-attr]


def test_a_page_with_neither_table_nor_heading_is_no_report() -> None:
    with pytest.raises(ParseError, match="no section heading and no standard table"):
        parse("<html><body><p>欢迎访问本网站</p><a>首页</a></body></html>")
    with pytest.raises(ParseError, match="empty"):
        parse("<html><body></body></html>")


def test_text_after_a_dropped_script_stays() -> None:
    blocks = html_blocks("<body><p>前文<script>var x = 1;</script>后文</p></body>")
    assert blocks == ["前文后文"]


def test_what_a_browser_hides_is_not_read() -> None:
    blocks = html_blocks(
        "<body><p>甲<span style='DISPLAY: none'>隐藏</span>乙</p><div hidden><p>也隐藏</p></div>"
        "<p style='color:red'>丙</p></body>"
    )
    assert blocks == ["甲乙", "丙"]
    # An article a script would show is read.
    shown = html_blocks(f"<body><div style='display:none'><p>一、总体情况</p>{_TABLE}</div></body>")
    assert shown[0] == "一、总体情况"


_TABLE = (
    "<table><tr><td>信息内容</td><td>本年制发件数</td></tr><tr><td>规章</td><td>2</td></tr></table>"
)


def test_the_title_in_the_article_header_is_the_report_title() -> None:
    page = (
        "<body><header class='site'><a>示例县人民政府</a></header><article><header>"
        "<h1>示例县2021年政府信息公开工作年度报告</h1></header><p>一、总体情况</p>"
        f"<p>二、主动公开政府信息情况</p>{_TABLE}</article></body>"
    )
    report = parse(page)
    assert (report.title, report.year) == ("示例县2021年政府信息公开工作年度报告", 2021)


def test_with_no_title_in_the_body_the_head_title_is_read() -> None:
    page = (
        "<html><head><title>示例县2022年政府信息公开工作年度报告_示例县人民政府</title></head>"
        f"<body><p>一、总体情况</p><p>二、主动公开政府信息情况</p>{_TABLE}</body></html>"
    )
    report = parse(page)
    assert (report.organ, report.year) == ("示例县", 2022)
    assert parse(page.replace("2022年政府信息公开工作年度报告_", "")).year is None


def test_an_xml_declaration_and_control_characters_do_not_stop_the_parser() -> None:
    page = (
        '<?xml version="1.0" encoding="gb2312"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
        f"<body><p>一、总体情况\x00\x0b</p>{_TABLE}</body></html>"
    )
    assert html_blocks(page)[0] == "一、总体情况"


def test_a_page_starts_with_markup_or_has_html_or_body() -> None:
    assert is_page("\ufeff  <!DOCTYPE html><p>x</p>")
    assert is_page("<h1>标题</h1><table><tr><td>1</td></tr></table>")
    assert is_page("标题\n<body><table></table></body>")
    assert not is_page("标题\n\n<table><tr><td>1</td></tr></table>\n")


def test_raw_tables_in_text_become_tab_rows_and_the_text_around_stays() -> None:
    text = (
        "# 一、总体情况\n| a | b |\n|---|---|\n"
        "<table><tr><td rowspan=2>（三）不予公开</td><td>1.属于国家秘密</td><td>3</td></tr>"
        "<tr><td>2.其他</td><td>1</td></tr></table>\n"
        "二、主动公开\t见<table>下表</table>"
    )
    assert inline_tables(text) == (
        "# 一、总体情况\n| a | b |\n|---|---|\n"
        "\n\n（三）不予公开\t1.属于国家秘密\t3\n2.其他\t1\n\n\n"
        "二、主动公开\t见<table>下表</table>"  # no rows: left as written
    )


def test_a_raw_layout_table_in_text_gives_its_cells_lines_and_its_tables_rows() -> None:
    inner = "<table><tr><td>1</td><td>2</td></tr></table>"
    text = f"前文\n<table><tr><td>甲</td><td>{inner}</td></tr></table>"
    assert inline_tables(text) == "前文\n\n甲\n\n1\t2\n\n"


def test_the_lab_case_of_a_raw_html_table_in_markdown_is_exact(shared: Path) -> None:
    """Converter lab C3: pandoc's Markdown with table 三 left as raw HTML."""
    case = shared / "converter-lab" / "C3-pandoc-gfm-raw-html-table"
    if not case.with_suffix(".txt").is_file():
        pytest.skip("the converter lab has no case C3")
    expected = json.loads(case.with_suffix(".expected.json").read_text(encoding="utf-8"))
    report = parse(case.with_suffix(".txt").read_text(encoding="utf-8"))
    assert report.year == 2022  # the title's year: the text around the table stays text
    cells = flatten(report)
    assert {key: cells[key] for key in expected["cells"]} == expected["cells"]
    assert len(report.sections) == 6


def test_a_report_inside_an_element_named_like_furniture_is_still_read() -> None:
    page = (
        "<body><div class='nav'><p>一、首页</p></div>"
        "<div class='share-content'><h1>示例县2021年政府信息公开工作年度报告</h1>"
        f"<p>一、总体情况</p><p>正文。</p><div class='bdshare'>分享</div>{_TABLE}</div>"
        "<div class='footer'><p>一、版权所有</p></div></body>"
    )
    texts = [block for block in html_blocks(page) if isinstance(block, str)]
    assert "正文。" in texts and "示例县2021年政府信息公开工作年度报告" in texts
    assert "分享" not in texts


def test_the_date_source_and_font_size_line_under_the_title_is_furniture() -> None:
    page = (
        "<body><div class='article'><h1>示例县2021年政府信息公开工作年度报告</h1>"
        "<div class='pages-date'>2022-01-20 <span class='font'>字号：大 中 小</span></div>"
        f"<div class='context'><p>一、总体情况</p><p class='next-step'>下一步工作。</p>{_TABLE}"
        "</div><div class='print-close'>【打印】【关闭】</div></div></body>"
    )
    texts = [block for block in html_blocks(page) if isinstance(block, str)]
    assert texts == ["示例县2021年政府信息公开工作年度报告", "一、总体情况", "下一步工作。"]
