"""Grids (HTML, Word, PDF tables) become tab rows the text reader binds."""

from __future__ import annotations

from govinfo_report.read._grid import Cell, Grid, blocks_text, cell_text, grid_lines


def test_a_cell_broken_by_br_joins_cjk_without_a_space_and_words_with_one() -> None:
    assert cell_text("本年新\n制作数量") == "本年新制作数量"
    assert cell_text("251000\n元") == "251000元"
    assert cell_text("open\ndata") == "open data"


def test_nbsp_and_zero_width_cells_are_empty_and_tabs_or_pipes_cannot_split_a_cell() -> None:
    assert cell_text("\u00a0\u00a0") == ""
    assert cell_text("\u200b") == ""
    assert cell_text("a\tb|c") == "a b｜c"


def test_covered_slots_are_left_out_and_blank_cells_kept_as_empty_fields() -> None:
    grid = Grid(
        (
            (Cell("（三）不予公开", rowspan=2), Cell("1.属于国家秘密"), Cell("3"), Cell("")),
            (None, Cell("2.其他法律行政法规禁止公开"), Cell("\u00a0"), Cell("1")),
            (Cell(""), Cell(""), Cell(""), Cell("")),
        )
    )
    assert grid_lines(grid) == [
        "（三）不予公开\t1.属于国家秘密\t3\t",
        "2.其他法律行政法规禁止公开\t\t1",
    ]


def test_tables_stand_between_blank_lines_and_paragraph_lines_stay_lines() -> None:
    text = blocks_text(["一、总体情况", Grid(((Cell("规章"), Cell("2")),)), "第二段"])
    assert text == "一、总体情况\n\n规章\t2\n\n第二段\n"
