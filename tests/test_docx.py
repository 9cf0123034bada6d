"""The .docx reader on hand-written WordprocessingML: merged cells, content controls, tracked
changes and line breaks as Word writes them, and zips that must be refused unread."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from govinfo_report import ParseError
from govinfo_report.read._docx import docx_blocks
from govinfo_report.read._grid import Cell, Grid

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FIXTURE = Path(__file__).parent / "formats" / "docpdf" / "sample-2021.docx"


def _docx(body: str, extra: dict[str, bytes] | None = None) -> bytes:
    document = (
        f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", document)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _p(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def _tc(text: str, props: str = "") -> str:
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{_p(text)}</w:tc>"


def _tbl(*rows: str, columns: int = 3) -> str:
    grid = "<w:tblGrid>" + "<w:gridCol/>" * columns + "</w:tblGrid>"
    return f"<w:tbl>{grid}{''.join(rows)}</w:tbl>"


def test_paragraphs_and_tables_come_in_body_order_with_runs_joined_and_breaks_kept() -> None:
    body = (
        "<w:p><w:r><w:t>示例</w:t></w:r><w:r><w:t>报告</w:t></w:r></w:p>"
        + _tbl("<w:tr>" + _tc("规章") + _tc("2") + "</w:tr>", columns=2)
        + "<w:p><w:r><w:t>本年新</w:t><w:br/><w:t>制作数量</w:t></w:r></w:p>"
    )
    blocks = docx_blocks(_docx(body))
    assert blocks == ["示例报告", Grid(((Cell("规章"), Cell("2")),)), "本年新\n制作数量"]


def test_grid_span_and_both_forms_of_vmerge_give_spans() -> None:
    restart = '<w:vMerge w:val="restart"/>'
    body = _tbl(
        "<w:tr>" + _tc("（三）不予公开", restart) + _tc("1.属于国家秘密") + _tc("3") + "</w:tr>",
        "<w:tr>" + _tc("", "<w:vMerge/>") + _tc("2.其他") + _tc("") + "</w:tr>",
        "<w:tr>" + _tc("", '<w:vMerge w:val="continue"/>') + _tc("3.危及") + _tc("1") + "</w:tr>",
        "<w:tr>" + _tc("（七）总计", '<w:gridSpan w:val="2"/>') + _tc("4") + "</w:tr>",
    )
    (grid,) = docx_blocks(_docx(body))
    assert grid == Grid(
        (
            (Cell("（三）不予公开", rowspan=3), Cell("1.属于国家秘密"), Cell("3")),
            (None, Cell("2.其他"), Cell("")),
            (None, Cell("3.危及"), Cell("1")),
            (Cell("（七）总计", colspan=2), None, Cell("4")),
        )
    )


def test_grid_before_and_after_keep_cells_in_their_columns() -> None:
    before = '<w:trPr><w:gridBefore w:val="1"/><w:gridAfter w:val="1"/></w:trPr>'
    body = _tbl(
        "<w:tr>" + _tc("a") + _tc("b") + _tc("c") + _tc("d") + "</w:tr>",
        f"<w:tr>{before}" + _tc("x") + _tc("y") + "</w:tr>",
        columns=4,
    )
    (grid,) = docx_blocks(_docx(body))
    assert isinstance(grid, Grid)
    assert grid.rows[1] == (Cell(""), Cell("x"), Cell("y"), Cell(""))


def test_rows_and_cells_inside_content_controls_are_read() -> None:
    row = (
        "<w:tr>"
        + _tc("规章")
        + "<w:sdt><w:sdtContent>"
        + _tc("5")
        + "</w:sdtContent></w:sdt></w:tr>"
    )
    body = "<w:sdt><w:sdtPr/><w:sdtContent>" + _p("前言") + "</w:sdtContent></w:sdt>"
    body += _tbl(f"<w:sdt><w:sdtContent>{row}</w:sdtContent></w:sdt>", columns=2)
    assert docx_blocks(_docx(body)) == ["前言", Grid(((Cell("规章"), Cell("5")),))]


def test_tracked_insertions_are_kept_and_deletions_dropped() -> None:
    cell = (
        "<w:tc><w:p><w:del><w:r><w:delText>7</w:delText></w:r></w:del>"
        "<w:ins><w:r><w:t>8</w:t></w:r></w:ins></w:p></w:tc>"
    )
    deleted_row = '<w:tr><w:trPr><w:del w:id="1"/></w:trPr>' + _tc("旧") + _tc("1") + "</w:tr>"
    body = _tbl("<w:tr>" + _tc("行政许可") + cell + "</w:tr>", deleted_row, columns=2)
    assert docx_blocks(_docx(body)) == [Grid(((Cell("行政许可"), Cell("8")),))]


def test_the_main_part_named_by_the_package_relationships_is_read() -> None:
    rels = (
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        '2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        "</Relationships>"
    )
    assert docx_blocks(_docx(_p("正文"), {"_rels/.rels": rels.encode()})) == ["正文"]


def test_a_truncated_zip_names_the_file_problem() -> None:
    data = FIXTURE.read_bytes()
    with pytest.raises(ParseError, match="truncated or corrupt"):
        docx_blocks(data[: len(data) // 2])


def test_a_zip_bomb_is_refused_before_it_is_inflated() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\x00" * (20 * 1024 * 1024))
    assert len(buffer.getvalue()) < 100_000
    with pytest.raises(ParseError, match="zip bomb"):
        docx_blocks(buffer.getvalue())


def test_a_zip_without_a_document_or_with_broken_xml_is_not_a_word_file() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("content.xml", "<x/>")
    with pytest.raises(ParseError, match=r"no word/document\.xml"):
        docx_blocks(buffer.getvalue())
    with pytest.raises(ParseError, match="not well-formed"):
        docx_blocks(_docx("<w:p>"))


def test_entities_are_never_expanded() -> None:
    document = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">]>'
        f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&a;</w:t></w:r></w:p>'
        "</w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", document)
    assert docx_blocks(buffer.getvalue()) == [""]


def test_a_one_column_table_is_a_box_whose_content_is_read_in_its_place() -> None:
    inner = _tbl("<w:tr>" + _tc("规章") + _tc("2") + "</w:tr>", columns=2)
    box = _tbl(
        "<w:tr><w:tc>" + _p("一、总体情况") + inner + "</w:tc></w:tr>",
        "<w:tr>" + _tc("正文") + "</w:tr>",
        columns=1,
    )
    assert docx_blocks(_docx(box)) == ["一、总体情况", Grid(((Cell("规章"), Cell("2")),)), "正文"]


def test_strict_open_xml_reads_like_the_usual_namespace() -> None:
    usual = _docx(_p("正文"))
    buffer = io.BytesIO()
    document = (
        '<?xml version="1.0"?><w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/'
        'main"><w:body><w:p><w:r><w:t>正文</w:t></w:r></w:p></w:body></w:document>'
    )
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", document)
    assert docx_blocks(buffer.getvalue()) == docx_blocks(usual) == ["正文"]


@st.composite
def word_tables(draw: st.DrawFn) -> tuple[str, Grid]:
    """A table with random gridSpans and vMerges as Word writes it, and the grid it means."""
    width, height = draw(st.integers(2, 5)), draw(st.integers(1, 5))
    owners: dict[tuple[int, int], dict[str, Any]] = {}
    layout: list[list[tuple[dict[str, Any], bool]]] = []
    for r in range(height):
        row: list[tuple[dict[str, Any], bool]] = []
        c = 0
        while c < width:
            above = owners.get((r - 1, c))
            if above is not None and above["column"] == c and draw(st.booleans()):
                above["rowspan"] += 1
                cell, continues = above, True
            else:
                span = draw(st.integers(1, width - c))
                text = draw(st.text(alphabet="规章公开0123456789", max_size=4))
                cell = {"column": c, "row": r, "colspan": span, "rowspan": 1, "text": text}
                continues = False
            for k in range(c, c + cell["colspan"]):
                owners[(r, k)] = cell
            row.append((cell, continues))
            c += cell["colspan"]
        layout.append(row)
    assume(any(len(row) > 1 for row in layout))  # one cell a row is a box, not a table
    rows_xml = []
    slots: list[list[Cell | None]] = [[None] * width for _ in range(height)]
    for row in layout:
        tcs = ""
        for cell, continues in row:
            props = f'<w:gridSpan w:val="{cell["colspan"]}"/>'
            if continues:
                props += "<w:vMerge/>"
            elif cell["rowspan"] > 1:
                props += '<w:vMerge w:val="restart"/>'
                slots[cell["row"]][cell["column"]] = Cell(
                    cell["text"], cell["rowspan"], cell["colspan"]
                )
            else:
                slots[cell["row"]][cell["column"]] = Cell(cell["text"], 1, cell["colspan"])
            tcs += _tc("" if continues else cell["text"], props)
        rows_xml.append(f"<w:tr>{tcs}</w:tr>")
    return _tbl(*rows_xml, columns=width), Grid(tuple(tuple(row) for row in slots))


@given(word_tables())
def test_any_span_layout_reads_back_as_the_grid_it_means(table: tuple[str, Grid]) -> None:
    xml, grid = table
    assert docx_blocks(_docx(xml)) == [grid]


def test_a_zip_of_too_many_files_is_not_a_word_document() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for index in range(10_001):
            archive.writestr(f"x/{index}", b"")
    with pytest.raises(ParseError, match="over 10000 files"):
        docx_blocks(buffer.getvalue())


NUMBERING = f"""<?xml version="1.0"?><w:numbering xmlns:w="{W}">
<w:abstractNum w:abstractNumId="7">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
  <w:lvlText w:val="%1、"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
 <w:lvl w:ilvl="2"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
</w:abstractNum>
<w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>
</w:numbering>"""


def _numbered(text: str, level: int) -> str:
    props = f'<w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="3"/></w:numPr></w:pPr>'
    return f"<w:p>{props}<w:r><w:t>{text}</w:t></w:r></w:p>"


def test_automatic_numbering_is_written_out_as_word_shows_it() -> None:
    body = "".join(
        _numbered(text, level)
        for text, level in [
            ("总体情况", 0),
            ("主动公开", 1),
            ("依申请公开", 1),
            ("要点", 2),
            ("主动公开政府信息情况", 0),
            ("规章", 1),
        ]
    )
    blocks = docx_blocks(_docx(body, {"word/numbering.xml": NUMBERING.encode()}))
    assert blocks == [
        "一、总体情况",
        "1.主动公开",
        "2.依申请公开",
        "要点",
        "二、主动公开政府信息情况",
        "1.规章",
    ]
    assert docx_blocks(_docx(_numbered("总体情况", 0))) == ["总体情况"]  # no definitions
