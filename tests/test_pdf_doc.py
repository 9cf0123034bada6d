"""The PDF and .doc readers' own rules: tables joined across a page break, labels' letter
spacing dropped, and bad or unreadable files refused with a ParseError that says why."""

from __future__ import annotations

import sys
from pathlib import Path

import attrs
import pytest

from govinfo_report import ParseError
from govinfo_report.read._doc import OLE_MAGIC, doc_blocks
from govinfo_report.read._grid import Block, Cell, Grid, grid_lines
from govinfo_report.read._pdf import _page_blocks, pdf_blocks
from govinfo_report.read._pdf_join import Table, join, joined, relay
from govinfo_report.read._pdf_text import Char, _line, _paragraphs, page_lines

FIXTURES = Path(__file__).parent / "formats" / "docpdf"
pdfplumber = pytest.importorskip("pdfplumber")


def _pdf(content: bytes) -> bytes:
    """A one-page PDF whose page draws ``content`` (Helvetica as ``/F1`` for any text)."""
    objects = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]/Contents 4 0 R"
        b"/Resources<</Font<</F1 5 0 R>>>>>>",
        b"<</Length %d>>stream\n" % len(content) + content + b"\nendstream",
        b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_a_pdf_without_text_is_named_scanned() -> None:
    with pytest.raises(ParseError, match="no text layer"):
        pdf_blocks(_pdf(b"0 0 m 100 100 l S 10 10 50 50 re f"))


@pytest.mark.parametrize("data", [b"%PDF-1.4\n", b"%PDF-" + bytes(range(256)) * 16, b"junk"])
def test_a_damaged_pdf_is_a_parse_error(data: bytes) -> None:
    with pytest.raises(ParseError):
        pdf_blocks(data)


def test_a_truncated_pdf_is_a_parse_error_or_reads_what_is_there() -> None:
    data = (FIXTURES / "sample-2021.pdf").read_bytes()
    try:
        blocks = pdf_blocks(data[: len(data) // 3])
    except ParseError as error:
        assert "PDF" in str(error)
    else:
        assert isinstance(blocks, list)


def test_without_the_extra_the_error_names_the_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pdfplumber", None)
    with pytest.raises(ParseError, match=r"pip install 'govinfo_report\[pdf\]'"):
        pdf_blocks(_pdf(b""))
    monkeypatch.setitem(sys.modules, "doc2docx", None)
    with pytest.raises(ParseError, match=r"pip install 'govinfo_report\[doc\]'.*soffice"):
        doc_blocks(OLE_MAGIC + bytes(512))


def test_a_doc_the_converter_cannot_read_says_how_to_convert_it() -> None:
    pytest.importorskip("doc2docx")
    with pytest.raises(ParseError, match="soffice --headless --convert-to docx"):
        doc_blocks(OLE_MAGIC + bytes(range(256)) * 4)
    with pytest.raises(ParseError, match="no OLE"):
        doc_blocks(b"PK\x03\x04")


def test_a_group_label_cut_at_the_page_break_is_carried_over_as_one_cell() -> None:
    upper = Grid(((Cell("（四）无"), Cell("1.本机关不掌握相关政府信息"), Cell("2")),))
    lower = Grid(
        (
            (Cell(""), Cell(""), Cell("")),
            (Cell("法提供", rowspan=2), Cell("2.没有现成信息需要另行制作"), Cell("0")),
            (None, Cell("3.补正后申请内容仍不明确"), Cell("")),
        )
    )
    assert grid_lines(join(upper, lower)) == [
        "（四）无法提供\t1.本机关不掌握相关政府信息\t2",
        "2.没有现成信息需要另行制作\t0",
        "3.补正后申请内容仍不明确\t",
    ]


def test_a_new_group_or_a_number_after_the_break_is_never_joined_to_the_cell_above() -> None:
    upper = Grid(((Cell("（三）不予公开"), Cell("8.属于行政查询事项"), Cell("1")),))
    lower = Grid(((Cell("（四）无法提供"), Cell("1.本机关不掌握相关政府信息"), Cell("2")),))
    assert len(join(upper, lower).rows) == 2
    assert join(upper, lower).rows[1][0] == Cell("（四）无法提供")


def _chars(text: str, gap: float, size: float = 10.0) -> list[Char]:
    return [
        Char(i * (size + gap), 0, i * (size + gap) + size, size, ch, size)
        for i, ch in enumerate(text)
    ]


def test_letter_spaced_labels_keep_a_space_only_where_the_gap_is_wide() -> None:
    assert _line(_chars("总计", gap=0.5)).text == "总计"
    assert _line(_chars("总计", gap=5.0)).text == "总 计"
    assert _line(_chars("总计", gap=12.0)).wide


def test_running_text_wrapped_at_the_margin_is_one_line_but_columns_are_not() -> None:
    title = _line(_chars("示例镇2021年度报", gap=0))
    rest = _line([Char(0, 14, 10, 24, "告", 10)])
    assert [line.text for line in _paragraphs([title, rest])] == ["示例镇2021年度报告"]
    row = _line([*_chars("规章", 0), Char(200, 0, 210, 10, "0", 10)])
    assert len(_paragraphs([row, rest])) == 2


def test_a_row_of_numbers_alone_on_the_next_page_keeps_its_blank_cells() -> None:
    header = Cell("结果维持", rowspan=2)
    upper = Grid(
        ((header, Cell("总计", rowspan=2), Cell("复议后起诉")), (None, None, Cell("总计")))
    )
    lower = Grid(((Cell("0"), Cell(""), Cell("")),))
    assert grid_lines(join(upper, lower))[-1] == "0\t\t"


def _word(text: str, x: float, top: float, size: float = 9.0) -> list[Char]:
    return [
        Char(x + i * size, top, x + (i + 1) * size, top + size, ch, size)
        for i, ch in enumerate(text)
    ]


def test_a_label_printed_one_character_per_line_is_one_line_of_its_own() -> None:
    chars: list[Char] = []
    leaves = [
        "1.属于国家秘密",
        "2.其他法律行政法规禁止公开",
        "3.危及安全",
        "4.保护第三方",
        "5.内部事务",
        "6.过程性信息",
        "7.执法案卷",
    ]
    for row, character in enumerate("（三）不予公开"):
        chars += _word(character, 50, 100 + 12 * row)
        chars += _word(leaves[row], 70, 100 + 12 * row)
        chars += _word("0", 300, 100 + 12 * row)
    lines = [text for _, text in page_lines(chars)]
    assert lines[0] == "（三）不予公开"
    assert lines[1:3] == ["1.属于国家秘密 0", "2.其他法律行政法规禁止公开 0"]


def test_running_cjk_text_aligned_on_a_grid_is_not_read_as_vertical_labels() -> None:
    chars = [c for row in range(4) for c in _word("本机关全年主动公开信息", 50, 100 + 12 * row)]
    # Lines running to the margin are one paragraph wrapped: joined, no character taken out.
    assert [text for _, text in page_lines(chars)] == ["本机关全年主动公开信息" * 4]


def test_text_drawn_twice_for_fake_bold_reads_once() -> None:
    twice = (
        b"BT /F1 12 Tf 20 150 Td (Report 2021) Tj ET BT /F1 12 Tf 20.3 150 Td (Report 2021) Tj ET"
    )
    assert pdf_blocks(_pdf(twice)) == ["Report 2021"]


class _Page:
    """Just what the page reader asks of a pdfplumber page."""

    page_number = 1

    def __init__(self, texts: list[str]) -> None:
        self.chars = [
            {"x0": 10.0 * i, "top": 0.0, "x1": 10.0 * i + 9, "bottom": 9.0, "text": t, "size": 9.0}
            for i, t in enumerate(texts)
        ]

    def dedupe_chars(self, tolerance: float) -> _Page:
        return self

    def find_tables(self) -> list[object]:
        return []


def test_glyph_numbers_instead_of_characters_are_refused_not_read() -> None:
    assert _page_blocks(_Page(list("报告正文"))) == ["报告正文"]
    with pytest.raises(ParseError, match="without a Unicode map"):
        _page_blocks(_Page(["(cid:1234)"] * 10))


def test_a_continuation_that_merges_some_columns_is_laid_on_the_columns_above() -> None:
    lower = Table(Grid(((Cell("四、结转下年度继续办理"), Cell("1"), Cell("")),)), (0, 20, 30, 40))
    assert relay(lower, (0, 10, 20, 30, 40)) == Grid(
        ((Cell("四、结转下年度继续办理", colspan=2), None, Cell("1"), Cell("")),)
    )
    assert relay(lower, (0, 10, 12, 30, 40)) is None  # an edge of its own: another table
    assert relay(lower, (0, 10, 20, 30, 40, 50)) is None  # narrower than the part above


def test_a_table_goes_on_past_page_numbers_and_running_headers_but_not_past_text() -> None:
    upper = Table(Grid(((Cell("规章"), Cell("1")),)), (0, 10, 20))
    lower = Table(Grid(((Cell("行政规范性文件"), Cell("2")),)), (0, 10, 20))
    pages: list[list[Block | Table]] = [
        ["示例县人民政府", "正文", upper, "- 1 -"],
        ["示例县人民政府", lower, "- 2 -"],
    ]
    result = joined(pages)
    assert result == [
        "示例县人民政府",
        "正文",
        Grid(((Cell("规章"), Cell("1")), (Cell("行政规范性文件"), Cell("2")))),
        "- 1 -",
        "示例县人民政府",
        "- 2 -",
    ]
    pages[1].insert(1, "三、收到和处理政府信息公开申请情况")
    assert len([b for b in joined(pages) if isinstance(b, Grid)]) == 2


def test_a_row_broken_by_the_page_break_is_one_row_again() -> None:
    upper = Grid(
        (
            (Cell("三、", rowspan=2), Cell("（一）予以公开"), Cell("1")),
            (None, Cell("（二）部分公开（区分处理的，只计这一情形，不"), Cell("2")),
        )
    )
    lower = Grid(
        (
            (Cell("本年度办理结果", rowspan=2), Cell("计其他情形）"), Cell("")),
            (None, Cell("（七）总计"), Cell("3")),
        )
    )
    assert grid_lines(join(upper, lower)) == [
        "三、本年度办理结果\t（一）予以公开\t1",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t2",
        "（七）总计\t3",
    ]


def test_the_note_above_the_first_row_is_never_joined_to_it() -> None:
    note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    upper = Grid(((Cell(note), Cell("申请人情况")),))
    lower = Grid(((Cell("一、本年新收政府信息公开申请数量"), Cell("1")),))
    assert join(upper, lower).rows[1][0] == Cell("一、本年新收政府信息公开申请数量")


def test_header_rows_repeated_on_the_next_page_are_dropped() -> None:
    header = (Cell("信息内容"), Cell("本年处理决定数量"))
    upper = Grid((header, (Cell("行政许可"), Cell("17"))))
    lower = Grid((header, (Cell("行政处罚"), Cell("3"))))
    assert grid_lines(join(upper, lower)) == [
        "信息内容\t本年处理决定数量",
        "行政许可\t17",
        "行政处罚\t3",
    ]


def test_a_heading_after_a_full_line_of_text_stays_a_line_of_its_own() -> None:
    text = _line(_chars("本机关全年主动公开信息均已按时公开", gap=0))
    heading = _line(_chars("二、主动公开政府信息情况", gap=0, size=10.0))
    heading = attrs.evolve(heading, top=14.0, bottom=24.0)
    assert len(_paragraphs([text, heading])) == 2
