"""Reports as published files: the committed pages in tests/formats (made by
tools/make_format_fixtures.py from reports we control), character sets, detection by content,
the HTML page written back, and bad inputs that must fail cleanly."""

from __future__ import annotations

import json
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govinfo_report import ParseError, Report, flatten, parse, parse_bytes, parse_file, serialize
from govinfo_report.io.cli import main
from govinfo_report.io.files import UnreadableFile, decode, walk
from govinfo_report.read._formats import SUFFIXES
from govinfo_report.testing.strategies import build_or_refuse, report_candidates, reports
from govinfo_report.write.html import to_html

from .conftest import SEEDS
from .page_variants import VARIANTS, with_charset
from .samples import SAMPLES

FORMATS = Path(__file__).parent / "formats"
PAGES = sorted(FORMATS.glob("*.html"))


def _expected(page: Path) -> dict[str, Any]:
    source = page.name.split("-")[0]
    data: dict[str, Any] = json.loads((FORMATS / f"{source}.expected.json").read_text("utf-8"))
    return data


def _cells(report: Report) -> dict[str, Any]:
    return {k: str(v) if isinstance(v, Decimal) else v for k, v in flatten(report).items()}


def test_the_fixtures_are_all_there() -> None:
    assert len(PAGES) == 15


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_every_committed_page_reads_with_edition_year_and_every_cell_exact(page: Path) -> None:
    expected = _expected(page)
    report = parse_file(page)
    assert report.edition.value == expected["edition"]
    assert report.year == expected["year"]
    assert _cells(report) == expected["cells"]
    # Numbers are exact, and a blank stays blank: never 0.
    assert all(type(v) is int for v in expected["cells"].values() if isinstance(v, int))


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_parse_bytes_reads_a_page_whatever_it_is_called(page: Path) -> None:
    data = page.read_bytes()
    assert parse_bytes(data) == parse_bytes(data, "attachment.txt") == parse_file(page)


def test_charset_order_bom_utf8_declared_then_gb18030() -> None:
    page = with_charset(serialize(SAMPLES["2021"](), "html"), "gb2312")
    gbk = page.encode("gbk")
    assert decode(gbk) == page  # declared gb2312, read as gb18030: 體 survives
    assert decode(page.replace("gb2312", "utf-8").encode("gbk")) == page.replace("gb2312", "utf-8")
    latin = page.replace("gb2312", "iso-8859-1")
    assert decode(latin.encode("gbk")) == latin  # a single-byte declaration cannot win
    assert decode(page.encode("utf-8")) == page
    assert decode(b"\xef\xbb\xbf" + page.encode("utf-8")) == page
    big5 = "<html><head><meta charset=big5></head><body>年度報告</body></html>"
    assert decode(big5.encode("big5")) == big5


def test_undecodable_bytes_are_refused() -> None:
    with pytest.raises(UnreadableFile):
        parse_bytes(b"\x81\x30\x81" * 10)


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "docx"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "doc"),
    ],
)
def test_binary_formats_are_told_by_their_magic_bytes_and_named(data: bytes, name: str) -> None:
    for filename in (None, "report.txt", "report.html"):
        with pytest.raises(ParseError, match=name):
            parse_bytes(data, filename)


def test_a_fragment_of_paragraphs_is_html_only_when_named_so() -> None:
    text = "<p>一、总体情况</p>\n<p>本机关依法公开。</p>\n"
    page = parse_bytes(text.encode(), "report.html")
    assert page.sections[0].body[0].text == "本机关依法公开。"  # type: ignore[union-attr]
    with pytest.raises(ParseError, match="no section heading"):
        parse_bytes(text.encode(), "report.txt")  # markup in a text file is text


def test_folders_are_walked_for_every_supported_format(tmp_path: Path) -> None:
    for name in (
        "a.txt",
        "b.html",
        "c.HTM",
        "d.md",
        "e.pdf",
        "f.docx",
        "g.doc",
        "h.json",
        ".i.html",
    ):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.name for p in walk([tmp_path])] == [
        "a.txt", "b.html", "c.HTM", "d.md", "e.pdf", "f.docx", "g.doc",
    ]  # fmt: skip
    assert [p.name for p in walk([tmp_path], "*.html")] == ["b.html"]


# --- The page written back -------------------------------------------------------------------


@given(reports())
def test_the_html_page_round_trips_and_is_a_fixed_point(report: Report) -> None:
    page = serialize(report, "html")
    back = parse(page)
    assert back == report
    assert serialize(back, "html") == page


@given(report_candidates())
def test_what_the_model_accepts_round_trips_through_the_page(arguments: dict[str, Any]) -> None:
    report = build_or_refuse(arguments)
    if isinstance(report, Report):
        assert parse(serialize(report, "html")) == report


def test_value_cells_carry_their_key_blank_cells_are_empty_and_classes_are_added() -> None:
    report = SAMPLES["2021"]()
    cells = flatten(report)
    blank = next(key for key, value in cells.items() if value is None)
    zero = next(key for key, value in cells.items() if value == 0)
    page = to_html(report, classes={zero: "error"})
    assert f'<td data-key="{blank}" class="blank"></td>' in page
    assert f'<td data-key="{zero}" class="error">0</td>' in page
    assert page.count("data-key=") == len(cells)
    assert "<script" not in page and "http" not in page
    assert 'rowspan="8">（三）不予公开</td>' in page  # merged labels as in the template


def test_convert_writes_the_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "r.txt"
    source.write_text(serialize(SAMPLES["2019"]()), encoding="utf-8")
    assert main(["convert", str(source), "--layout", "html"]) == 0
    page = capsys.readouterr().out
    assert page.startswith("<!DOCTYPE html>")
    assert parse(page) == SAMPLES["2019"]()


# --- Real reports, when ../shared/seeds is beside the checkout -------------------------------


def _seeds() -> list[Path]:
    return sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []


@pytest.mark.parametrize("seed", _seeds() or [None], ids=lambda p: p.stem if p else "none")
def test_seed_reports_round_trip_through_every_page_variant(seed: Path | None) -> None:
    if seed is None:
        pytest.skip("../shared/seeds is not beside the checkout")
    report = parse(seed.read_text(encoding="utf-8"))
    page = serialize(report, "html")
    assert parse(page) == report
    for name, vary in VARIANTS.items():
        back = parse(vary(page))
        assert (name, _cells(back), back.year) == (name, _cells(report), report.year)


# --- Bad inputs: a clear error or a report, never a crash or a hang ---------------------------


def test_ten_megabytes_of_nested_divs_are_refused_not_truncated() -> None:
    depth = 10_000_000 // 11
    page = "<html><body>" + "<div>" * depth + "x" + "</div>" * depth + "</body></html>"
    started = time.process_time()
    with pytest.raises(ParseError, match="nested too deeply"):
        parse(page)
    print(f"10 MB of nested <div>: {time.process_time() - started:.2f} s CPU")


def test_a_megabyte_of_headings_and_tables_deep_in_a_page_reads() -> None:
    """Many anchors deep in a page: each costs one look per element, not one per level."""
    unit = "<p>一、总体情况</p><table><tr><td>信息内容</td><td>1</td></tr></table><a>x</a>"
    count = 1_000_000 // len(unit.encode())
    page = f"<html><body>{'<div>' * 1500}{unit * count}{'</div>' * 1500}</body></html>"
    started = time.process_time()
    report = parse(page)
    print(f"1 MB of {count} headings and tables: {time.process_time() - started:.2f} s CPU")
    assert report.sections[0].title == "总体情况"


def test_spans_over_millions_of_slots_are_refused() -> None:
    row = "<tr><td colspan=1000 rowspan=0>x</td>" + "<td>1</td>" * 999 + "</tr>"
    with pytest.raises(ParseError, match="too large"):
        parse("<table>" + row + "<tr><td>1</td></tr>" * 5000 + "</table>")


def test_deep_but_allowed_nesting_keeps_the_rest_of_the_page() -> None:
    page = serialize(SAMPLES["2021"](), "html")
    nested = page.replace(
        "<article>", "<article>" + "<div>" * 1500 + "<p>引言</p>" + "</div>" * 1500
    )
    assert _cells(parse(nested)) == _cells(SAMPLES["2021"]())


def test_an_entity_bomb_is_never_expanded() -> None:
    entities = "".join(
        f'<!ENTITY e{i} "{"".join(f"&e{i - 1};" for _ in range(10))}">' for i in range(1, 10)
    )
    page = (
        f'<!DOCTYPE html [<!ENTITY e0 "lol">{entities}]>'
        "<html><body><h1>示例县2021年政府信息公开工作年度报告</h1>"
        "<p>一、总体情况</p><p>&e9;&e9;&e9;</p></body></html>"
    )
    report = parse(page)
    assert report.year == 2021
    assert len(serialize(report)) < 2_000


_PIECES = (
    "< > / & ; = \" ' \n \u00a0 <td> </tr> <table> <br> </table> <p> &nbsp; colspan=0 rowspan=9"
)
_MARKUP_JUNK = st.lists(
    st.sampled_from([*_PIECES.split(" "), " ", "<!--", "-->", "<![CDATA[", "&#0;"]), max_size=12
).map("".join)


@settings(max_examples=60)
@given(st.data())
def test_a_page_cut_or_spliced_with_markup_never_crashes(data: st.DataObject) -> None:
    page = serialize(data.draw(reports()), "html")
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(page)))
        if data.draw(st.booleans()):
            page = page[:at] + data.draw(_MARKUP_JUNK) + page[at:]
        else:
            page = page[:at] + page[at + data.draw(st.integers(0, 400)) :]
    try:
        report = parse(page)
    except ParseError:
        return
    assert isinstance(report, Report)


def test_a_page_without_a_report_is_refused() -> None:
    with pytest.raises(ParseError):
        parse_bytes(b"<html><body><nav><a>home</a></nav><p>Not found</p></body></html>")


def test_the_command_line_reads_a_folder_of_every_format(
    capsys: pytest.CaptureFixture[str],
) -> None:
    files = [path for path in FORMATS.rglob("*") if path.suffix in SUFFIXES]
    assert {path.suffix for path in files} >= {".html", ".docx", ".doc", ".pdf"}
    assert main(["parse", "-j", "1", str(FORMATS)]) == 0
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == len(files)
    assert err.strip().endswith(f"{len(files)} read, 0 failed")
