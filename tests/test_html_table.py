"""The HTML reader's short road: the binder reads a table's tab rows made straight from its
rows, with no grid placed. It must be the text the grid gives, for any spans and cells."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from govinfo_report import ParseError, serialize
from govinfo_report.read._decode import decode
from govinfo_report.read._grid import _SPACES, blocks_text, cell_text, grid_lines
from govinfo_report.read._html import html_blocks, html_text
from govinfo_report.read._html_table import read_table

from .page_variants import VARIANTS
from .samples import SAMPLES

FORMATS = Path(__file__).parent / "formats"

_SPANS = st.sampled_from(["", ' colspan="2"', ' rowspan="3"', ' colspan="0"', ' rowspan="0"',
                          ' colspan="2px"', ' rowspan="x"', ' colspan="99"', ' rowspan="99"',
                          ' rowspan="2" colspan="3"'])  # fmt: skip
_TEXTS = st.sampled_from(["规章", "12", "", "&nbsp;", "本年新<br>制作数量", "<p>1</p><p>元</p>",
                          "<span>2</span><span>0</span>", " a \n b ", "\u200b", "x|y"])  # fmt: skip
_CELLS = st.tuples(st.sampled_from(["td", "th"]), _SPANS, _TEXTS)
_ROWS = st.lists(st.lists(_CELLS, max_size=6), min_size=1, max_size=6)


def _table(rows: list[list[tuple[str, str, str]]]) -> str:
    return "<table>" + "".join(
        "<tr>" + "".join(f"<{tag}{span}>{text}</{tag}>" for tag, span, text in row) + "</tr>"
        for row in rows
    ) + "</table>"  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(_ROWS)
def test_a_tables_lines_are_its_grids_lines_whatever_the_spans(
    rows: list[list[tuple[str, str, str]]],
) -> None:
    root = etree.fromstring(_table(rows), etree.HTMLParser())
    table = read_table(next(root.iter("table")))
    assert table.lines() == grid_lines(table.grid())


@pytest.mark.parametrize("page", sorted(FORMATS.glob("*.html")), ids=lambda p: p.name)
def test_the_text_of_each_fixture_page_is_the_text_of_its_blocks(page: Path) -> None:
    text = decode(page.read_bytes())
    assert html_text(text) == blocks_text(html_blocks(text))


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_the_text_of_each_page_variant_is_the_text_of_its_blocks(variant: str) -> None:
    page = VARIANTS[variant](serialize(SAMPLES["2021"](), "html"))
    assert html_text(page) == blocks_text(html_blocks(page))


def test_a_table_too_large_is_refused_on_both_roads() -> None:
    """Sized before any grid is placed: the text needs none."""
    row = "<tr><td colspan=1000 rowspan=0>x</td>" + "<td>1</td>" * 999 + "</tr>"
    page = "<table>" + row + "<tr><td>1</td></tr>" * 5000 + "</table>"
    for read in (html_text, html_blocks):
        with pytest.raises(ParseError, match="too large"):
            read(page)


def test_every_odd_space_is_unprintable_so_printable_cells_skip_the_translation() -> None:
    assert not any(chr(code).isprintable() for code in _SPACES)
    assert cell_text("a\u00a0b\u200bc") == "a bc"
