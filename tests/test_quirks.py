"""One small fixture per quirk of real report text, each with its exact expected values."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

import pytest

from govinfo_report import Edition, ParseError, flatten, parse, serialize
from govinfo_report.model import CellIssue, GenericRow, GenericTable, Paragraph, UnplacedRow
from govinfo_report.model.values import Problem, read_amount, read_count
from govinfo_report.write.text import LAYOUTS

from .samples import assert_blank_and_named

TITLE = "示例镇2021年政府信息公开工作年度报告\n"
T3 = "三、收到和处理政府信息公开申请情况\n"


def cells(values: str) -> str:
    """Cells layout: one line per cell, each starting with a tab."""
    return "".join(f"\t{value}\n" for value in values.split(","))


# --- Layouts -------------------------------------------------------------------------------


def test_tab_rows_with_merged_label_columns_and_trailing_tabs() -> None:
    text = (
        TITLE
        + T3
        + "一、本年新收政府信息公开申请数量\t\t5\t1\t0\t0\t0\t0\t6\t\n"
        + "三、本年度办理结果\t(一) 予以公开\t4\t1\t0\t0\t0\t0\t5\t\n"
        + "\t(三) 不予公开\t1.属于国家秘密\t1\t0\t0\t0\t0\t0\t1\n"
    )
    flat = flatten(parse(text))
    assert flat["applications.new_received.total"] == 6
    assert flat["applications.new_received.commercial_enterprise"] == 1
    assert flat["applications.outcomes.granted.total"] == 5
    assert flat["applications.outcomes.denied.state_secret.natural_person"] == 1
    assert flat["applications.carried_over.total"] is None  # row absent: blank, not 0


def test_pipe_rows_without_edge_pipes_and_with_trailing_empty_cells() -> None:
    text = (
        TITLE
        + "二、主动公开政府信息情况\n"
        + "第二十条第(五)项 | ||||\n"
        + "信息内容 | 本年处理决定数量 | ||\n"
        + "行政许可 | 17 | ||\n"
    )
    assert flatten(parse(text))["active_disclosure.licensing.decisions"] == 17


def test_pipe_rows_with_edge_pipes_and_markdown_rule_rows() -> None:
    text = (
        TITLE
        + "## 二、主动公开政府信息情况\n".removeprefix("## ")
        + "| 第二十条第（六）项 | | |\n"
        + "|---|:---:|---|\n"
        + "| 信息内容 | 本年处理决定数量 | |\n"
        + "| 行政处罚 | 3 | |\n"
        + "| 行政强制 | 0 | |\n"
    )
    flat = flatten(parse(text))
    assert flat["active_disclosure.punishment.decisions"] == 3
    assert flat["active_disclosure.coercion.decisions"] == 0


def test_cells_layout_with_wrapped_cells_and_blank_row_separators() -> None:
    text = (
        TITLE
        + T3
        + cells("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）,申请人情况")
        + "\n"
        + cells(",,商业")
        + "企业\n"
        + cells("科研")
        + "机构\n"
        + "\n"
        + cells("一、本年新收政府信息公开申请数量,2,0,0,0,0,0,2")
        + "\n"
        + cells("四、结转下年度继续办理,,,,,,,")
    )
    report = parse(text)
    flat = flatten(report)
    assert flat["applications.new_received.natural_person"] == 2
    assert flat["applications.new_received.total"] == 2
    assert [flat[f"applications.carried_forward.{c}"] for c in ("natural_person", "total")] == [
        None,
        None,
    ]
    assert report.unplaced == ()


def test_blank_line_inside_a_tab_table_does_not_end_it() -> None:
    text = (
        TITLE
        + T3
        + "一、本年新收政府信息公开申请数量\t\t1\t0\t0\t0\t0\t0\t1\n"
        + "\n"
        + "二、上年结转政府信息公开申请数量\t\t2\t0\t0\t0\t0\t0\t2\n"
    )
    report = parse(text)
    assert flatten(report)["applications.carried_over.total"] == 2
    assert len(report.sections[0].body) == 1


def test_row_starting_in_the_wrong_column_is_read_by_its_label() -> None:
    text = (
        TITLE
        + T3
        + "\t(三) 不予公开\t3.危及“三安全一稳定”\t0\t0\t0\t0\t0\t0\t0\n"
        + "4.保护第三方合法权益\t\t3\t0\t0\t0\t0\t0\t3\t\n"
        + "\t\t5.属于三类内部事务信息\t1\t0\t0\t0\t0\t0\t1\n"
    )
    flat = flatten(parse(text))
    assert flat["applications.outcomes.denied.third_party_rights.natural_person"] == 3
    assert flat["applications.outcomes.denied.third_party_rights.total"] == 3
    assert flat["applications.outcomes.denied.internal_affairs.total"] == 1


def test_each_table_may_use_its_own_layout() -> None:
    text = (
        TITLE
        + "二、主动公开政府信息情况\n"
        + "第二十条第(八)项\t\n信息内容\t本年收费金额(单位:万元)\n行政事业性收费\t0.092\n"
        + T3
        + "| 一、本年新收政府信息公开申请数量 | | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n"
        + "四、政府信息公开行政复议、行政诉讼情况\n"
        + cells("行政复议,行政诉讼")
        + "\n"
        + cells("1,0,0,0,1,0,0,0,0,0,0,0,0,0,0")
    )
    flat = flatten(parse(text))
    assert flat["active_disclosure.fees.amount"] == Decimal("0.092")
    assert flat["applications.new_received.total"] == 1
    assert flat["review_litigation.reconsideration.upheld"] == 1
    assert flat["review_litigation.reconsideration.total"] == 1
    assert flat["review_litigation.litigation_direct.total"] == 0


def test_crlf_line_ends_and_a_byte_order_mark() -> None:
    text = "\ufeff" + (TITLE + T3 + "一、本年新收政府信息公开申请数量\t\t1\t0\t0\t0\t0\t0\t1\n")
    report = parse(text.replace("\n", "\r\n"))
    assert report.title == "示例镇2021年政府信息公开工作年度报告"
    assert flatten(report)["applications.new_received.total"] == 1


# --- Labels --------------------------------------------------------------------------------


def test_half_width_brackets_spaces_and_nbsp_inside_labels() -> None:
    text = (
        TITLE
        + T3
        + "\t( 二 ) 部分公开(区分处理的, 只计这一情形, 不计其他情形)\t2\t0\t0\t0\t0\t0\t2\n"
        + '\t\t3.危及"三安全\u00a0一稳定"\t1\t0\t0\t0\t0\t0\t1\n'
        + "四、政府信息公开行政复议、行政诉讼情况\n"
        + "行政复议\t\t\t\t\t行政诉讼\n"
        + "结果维 持\t结果纠正\t其他结 果\t尚未审结\t总计\n"
        + "0\t0\t0\t1\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n"
    )
    flat = flatten(parse(text))
    assert flat["applications.outcomes.partially_granted.total"] == 2
    assert flat["applications.outcomes.denied.security_stability.total"] == 1
    assert flat["review_litigation.reconsideration.pending"] == 1


def test_label_variants_seen_in_real_reports() -> None:
    text = (
        TITLE
        + "二、主动公开政府信息情况\n"
        + "第二十条第（一）项\t\t\t\n"
        + "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n"
        + "规范性文件(指各行政机关印发的有正式文号的文件)\t4\t1\t9\n"
        + T3
        + "\t\t\t自然人\t商业企业\t科研机构\t社会组织\t法律服务机构\t其他\t总计\n"
        + "\t\t2.其他法律法规禁止公开\t0\t0\t0\t1\t0\t0\t1\n"
        + "七、总计\t\t0\t0\t0\t1\t0\t0\t1\n"
        + "四、结转下一年度继续办理\t\t\t0\t0\t0\t0\t0\t0\t0\n"
    )
    report = parse(text)
    flat = flatten(report)
    assert report.edition is Edition.E2021
    assert flat["active_disclosure.normative_documents.in_force"] == 9
    assert flat["applications.outcomes.denied.prohibited_by_law.social_welfare_org"] == 1
    assert flat["applications.outcomes.total.total"] == 1
    assert flat["applications.carried_forward.total"] == 0
    assert report.unplaced == ()


def test_row_labels_cut_short_by_a_narrow_column() -> None:
    # 属于行政执法 starts one label only (…案卷); 属于行政 starts two (…执法案卷, …查询事项).
    text = (
        TITLE
        + T3
        + "\t\t7.属于行政执法\t1\t0\t0\t0\t0\t0\t1\n"
        + "\t\t8.属于行政\t2\t0\t0\t0\t0\t0\t2\n"
    )
    report = parse(text)
    flat = flatten(report)
    assert flat["applications.outcomes.denied.enforcement_files.total"] == 1
    assert flat["applications.outcomes.denied.administrative_query.total"] is None
    assert [(row.cells, row.reason) for row in report.unplaced] == [
        (
            ("", "", "8.属于行政", "2", "0", "0", "0", "0", "0", "2"),
            "row label not in table 三 of this edition",
        )
    ]


def test_headers_cut_short_still_name_the_2019_edition() -> None:
    text = (
        "示例镇2020年政府信息公开工作年度报告\n"
        + "二、主动公开政府信息情况\n"
        + "第二十条第(一)项 | ||||\n"
        + "信息内容 | 本年新 | 本年新 | 对外公开总数量 | |\n"
        + "规章 | 1 | 2 | 3 | |\n"
    )
    report = parse(text)
    assert report.edition is Edition.E2019
    flat = flatten(report)
    assert [flat[f"active_disclosure.regulations.{c}"] for c in ("new_made", "new_published")] == [
        1,
        2,
    ]
    assert flat["active_disclosure.regulations.total_published"] == 3


def test_edition_from_table_three_alone() -> None:
    # Without table 二, the 2019 edition shows in （六）其他处理 being a row of its own.
    text19 = TITLE + T3 + "\t(六) 其他处理\t\t1\t0\t0\t0\t0\t0\t1\n"
    text21 = TITLE + T3 + "\t(六) 其他处理\t3.其他\t1\t0\t0\t0\t0\t0\t1\n"
    report19, report21 = parse(text19), parse(text21)
    assert report19.edition is Edition.E2019
    assert flatten(report19)["applications.outcomes.other_handling.total"] == 1
    assert report21.edition is Edition.E2021
    assert flatten(report21)["applications.outcomes.other_handling.other.total"] == 1


def test_column_order_follows_the_header_row() -> None:
    text = (
        TITLE
        + "二、主动公开政府信息情况\n"
        + "第二十条第（一）项\t\t\t\n"
        + "信息内容\t现行有效件数\t本年制发件数\t本年废止件数\n"
        + "规章\t7\t1\t0\n"
    )
    flat = flatten(parse(text))
    assert flat["active_disclosure.regulations.in_force"] == 7
    assert flat["active_disclosure.regulations.issued"] == 1
    assert flat["active_disclosure.regulations.repealed"] == 0


# --- Cell values ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("0", 0),
        ("  0", 0),
        ("0\u00a0", 0),
        ("21次", 21),
        ("3件", 3),
        ("+14", 14),
        ("-11", -11),
        ("１２", 12),
        ("1,234", 1234),
        ("", None),
        ("/", None),
        ("-", None),
        ("—", None),
        ("——", None),
        ("无", None),
        ("不适用", None),
    ],
)
def test_count_cells(text: str, value: int | None) -> None:
    assert read_count(text) == value
    assert type(read_count(text)) is type(value)


@pytest.mark.parametrize(
    ("text", "value"),
    [("72235.00", "72235.00"), ("127014元", "127014"), ("0.092", "0.092"), ("1,234.5", "1234.5")],
)
def test_amount_cells_keep_their_written_precision(text: str, value: str) -> None:
    amount, _unit = read_amount(text)
    assert amount is not None and str(amount) == value


@pytest.mark.parametrize(
    ("text", "problem"),
    [("见附件", Problem.NOT_A_NUMBER), ("1.5", Problem.NOT_WHOLE), ("12a", Problem.NOT_A_NUMBER)],
)
def test_words_and_fractions_are_not_counts(text: str, problem: Problem) -> None:
    assert read_count(text) is problem


def test_units_signs_and_not_applicable_marks_in_a_table() -> None:
    text = (
        "示例镇2020年政府信息公开工作年度报告\n"
        + "二、主动公开政府信息情况\n"
        + "第二十条第(五)项 | ||||\n"
        + "信息内容 | 上一年项目数量 | 本年增/减(减用负值表示) | 处理决定数量 | |\n"
        + "行政许可 | 9 | +14 | / | |\n"
        + "其他对外管理服务事项 | 30 | -11 | —— | |\n"
        + "第二十条第(九)项 | ||||\n"
        + "信息内容 | 采购项目数量 | 采购总金额 | ||\n"
        + "政府集中采购 | 21次 | 127014元 |\n"
    )
    flat = flatten(parse(text))
    assert flat["active_disclosure.licensing.change"] == 14
    assert flat["active_disclosure.licensing.decisions"] is None
    assert flat["active_disclosure.other_services.change"] == -11
    assert flat["active_disclosure.other_services.decisions"] is None
    assert flat["active_disclosure.procurement.projects"] == 21
    assert flat["active_disclosure.procurement.amount"] == Decimal("127014")


def test_a_word_in_a_count_cell_is_blank_and_reported() -> None:
    text = TITLE + T3 + "一、本年新收政府信息公开申请数量\t\t见附件\t0\t0\t0\t0\t0\t0\n"
    report = parse(text)
    key = "applications.new_received.natural_person"
    assert flatten(report)[key] is None
    assert flatten(report)["applications.new_received.total"] == 0  # columns did not shift
    assert report.unplaced == ()
    assert report.source.cell_issues == (CellIssue(key, "见附件", "not-a-number", 3),)
    (finding,) = [f for f in report.validate() if f.code == "unreadable-cell"]
    assert (finding.keys, finding.line, finding.severity) == ((key,), 3, "warning")


def test_a_fraction_in_a_count_cell_is_an_error_naming_the_cell() -> None:
    text = TITLE + T3 + "一、本年新收政府信息公开申请数量\t\t1.5\t0\t0\t0\t0\t0\t1.5\n"
    report = parse(text)
    errors = [f for f in report.validate() if f.code == "not-whole"]
    assert [f.keys for f in errors] == [
        ("applications.new_received.natural_person",),
        ("applications.new_received.total",),
    ]
    assert all(f.severity == "error" and "1.5" in f.message for f in errors)


def test_surplus_cells_are_reported_not_dropped() -> None:
    text = TITLE + T3 + "一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\t99\n"
    report = parse(text)
    assert flatten(report)["applications.new_received.total"] == 1
    keys = [f"applications.new_received.{column}" for column in COLUMNS]
    assert report.source.cell_issues == tuple(
        CellIssue(key, "99", "surplus-cells", 3) for key in keys
    )


# --- Documents -----------------------------------------------------------------------------


def test_title_organ_and_year_from_the_title_line() -> None:
    report = parse("杭州市某某区某某镇2023年度政府信息公开工作年度报告\n一、总体情况\n正文。\n")
    assert report.title == "杭州市某某区某某镇2023年度政府信息公开工作年度报告"
    assert (report.organ, report.year) == ("杭州市某某区某某镇", 2023)


def test_title_named_in_a_sentence_and_index_lines_before_it() -> None:
    text = (
        "索引号：000/2021-1\n"
        "发布机构：某某办事处\n"
        "根据《条例》的要求，向社会公开《某某区某某办事处2020年政府信息公开工作年度报告》。\n"
        "一、总体情况\n正文。\n"
    )
    report = parse(text)
    assert report.title == "某某区某某办事处2020年政府信息公开工作年度报告"
    assert (report.organ, report.year) == ("某某区某某办事处", 2020)
    assert report.front_matter[:2] == ("索引号：000/2021-1", "发布机构：某某办事处")
    assert parse(serialize(report)) == report


def test_signature_and_date_after_the_last_section_are_kept() -> None:
    text = TITLE + "六、其他需要报告的事项\n无。\n\u00a0\n某某镇人民政府\n2022年1月20日\n"
    report = parse(text)
    assert report.sections[-1].body == (
        Paragraph("无。"),
        Paragraph("某某镇人民政府"),
        Paragraph("2022年1月20日"),
    )


def test_a_sentence_naming_a_table_caption_is_narrative() -> None:
    sentence = "按照《条例》第二十条第（一）项的要求，本年度主动公开规章2件。"
    text = TITLE + "一、总体情况\n" + sentence + "\n"
    report = parse(text)
    assert report.sections[0].body == (Paragraph(sentence),)
    assert report.active_disclosure is None
    assert report.unplaced == ()


def test_an_inserted_section_and_variant_headings() -> None:
    text = (
        TITLE
        + "一、总体情况\n正文。\n"
        + "二、政府信息主动公开形式及情况\n正文。\n"
        + "三、公开平台建设和信息发布情况\n"
        + "\t（一）主动公开政府信息数\n（不同渠道和方式公开相同信息计1条）\n\t条\n\t386\n\n"
        + "\t（二）通过不同渠道和方式公开政府信息的情况\n\t——\n\t\n\n"
        + "六、政府信息公开工作存在的主要问题及改进措施\n正文。\n"
    )
    report = parse(text)
    assert [(s.number, s.title) for s in report.sections] == [
        (1, "总体情况"),
        (2, "主动公开政府信息情况"),
        (3, "公开平台建设和信息发布情况"),
        (6, "存在的主要问题及改进情况"),
    ]
    assert report.sections[3].heading_as_written == "六、政府信息公开工作存在的主要问题及改进措施"
    assert report.sections[2].body == (
        GenericTable(
            (
                GenericRow(
                    "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）", ("条", "386")
                ),
                GenericRow("（二）通过不同渠道和方式公开政府信息的情况", ("——",)),
            )
        ),
    )


def test_a_numbered_line_that_does_not_move_forward_is_a_sub_heading() -> None:
    text = TITLE + "一、总体情况\n正文。\n二、主动公开政府信息情况\n一、加强领导\n正文二。\n"
    report = parse(text)
    assert len(report.sections) == 2
    assert report.sections[1].body == (Paragraph("一、加强领导"), Paragraph("正文二。"))


def test_a_report_lacking_one_table_is_still_a_report() -> None:
    report = parse(TITLE + T3 + "一、本年新收政府信息公开申请数量\t\t1\t0\t0\t0\t0\t0\t1\n")
    assert report.active_disclosure is None and report.review_litigation is None
    assert flatten(report)["review_litigation.reconsideration.total"] is None


def test_tables_without_any_heading_still_parse() -> None:
    report = parse("一、本年新收政府信息公开申请数量\t\t1\t0\t0\t0\t0\t0\t1\n")
    assert report.sections == () and report.title is None
    assert flatten(report)["applications.new_received.total"] == 1
    assert parse(serialize(report)) == report


def test_a_row_that_cannot_be_placed_is_kept_and_written_back() -> None:
    text = (
        TITLE
        + T3
        + "一、本年新收政府信息公开申请数量\t\t1\t0\t0\t0\t0\t0\t1\n"
        + "五、本年新增的自定义行\t\t1\t0\t0\t0\t0\t0\t1\n"
    )
    report = parse(text)
    assert report.unplaced == (
        UnplacedRow(
            "applications",
            ("五、本年新增的自定义行", "", "1", "0", "0", "0", "0", "0", "1"),
            "row label not in table 三 of this edition",
            4,
        ),
    )
    for layout in LAYOUTS:
        assert parse(serialize(report, layout=layout)) == report


# --- Errors --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("", None, "the text is empty"),
        ("\n\n", None, "the text is empty"),
        ("\n\n只有一段文字，没有标题也没有表格。\n第二行。", 3, "line 3: no section heading"),
        ("\t\n", 1, "line 1: no section heading"),  # an empty cell is read: it is the line
    ],
)
def test_text_that_is_not_a_report_is_a_parse_error_at_its_first_line(
    text: str, line: int | None, message: str
) -> None:
    with pytest.raises(ParseError) as caught:
        parse(text)
    assert (caught.value.line, caught.value.column) == (line, None)
    assert str(caught.value).startswith(message)
    assert "一、总体情况" in caught.value.expected
    assert isinstance(caught.value, ValueError)


def test_parse_refuses_bytes_with_a_type_error() -> None:
    with pytest.raises(TypeError):
        parse(b"bytes")  # type: ignore[arg-type]


# --- Titles and editions without evidence --------------------------------------------------


def test_a_title_written_as_two_paragraphs_is_joined_across_the_blank_line() -> None:
    text = (
        "示例县青溪镇2022年\n\n政府信息公开工作年度报告\n\n"
        "本报告根据条例编制。\n\n一、总体情况\n本机关依法公开政府信息。\n"
    )
    report = parse(text)
    assert report.title == "示例县青溪镇2022年政府信息公开工作年度报告"
    assert (report.organ, report.year, report.front_matter) == ("示例县青溪镇", 2022, ())
    for layout in LAYOUTS:
        assert parse(serialize(report, layout=layout)) == report


def test_a_line_far_above_the_title_is_not_joined_to_it() -> None:
    text = "示例县青溪镇2022年\n\n\n\n政府信息公开工作年度报告\n\n一、总体情况\n正文。\n"
    report = parse(text)
    assert report.title == "政府信息公开工作年度报告" and report.year is None
    assert report.front_matter == ("示例县青溪镇2022年",)


@pytest.mark.parametrize(
    ("year", "edition", "basis"),
    [("2020", Edition.E2019, "taken from the year 2020"), ("", Edition.E2021, "assumed")],
)
def test_an_edition_no_table_label_decided_is_a_finding(
    year: str, edition: Edition, basis: str
) -> None:
    text = f"示例镇{year}{'年' if year else ''}政府信息公开工作年度报告\n一、总体情况\n正文。\n"
    report = parse(text)
    assert report.edition is edition and report.source.edition_from == (
        "year" if year else "nothing"
    )
    (found,) = [f for f in report.validate() if f.code == "edition-guessed"]
    assert found.severity == "warning" and basis in found.message
    assert f"the {edition.value} edition was" in found.message


def test_a_page_flattened_with_glued_cells_still_gives_sections_and_year() -> None:
    """A scraper's page text: a field label before the title, then the whole article on one
    line with the cells glued (规章2117). No ParseError: the sections and the year come out,
    and every cell of the unreadable tables is blank and named."""
    body = (
        "根据条例编制本报告。一、总体情况 本年度依法推进政府信息公开工作，详见二、主动公开"
        "政府信息情况所列。二、主动公开政府信息情况 第二十条第（一）项信息内容本年制发件数"
        "本年废止件数现行有效件数规章2117行政规范性文件9466。三、收到和处理政府信息公开申请情况"
        " 申请人情况自然人总计一、本年新收政府信息公开申请数量40351。四、政府信息公开行政复议、"
        "行政诉讼情况 行政复议000000。五、存在的主要问题及改进情况 无。六、其他需要报告的事项 无。"
    )
    text = "标题: 示例县青溪镇2022年政府信息公开工作年度报告\n" + body * 2 + "\n"
    report = parse(text)
    assert (report.title, report.organ, report.year) == (
        "示例县青溪镇2022年政府信息公开工作年度报告",
        "示例县青溪镇",
        2022,
    )
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]
    assert "详见二、主动公开政府信息情况所列。" in report.sections[0].body[0].text  # type: ignore[union-attr]
    flat = flatten(report)
    named = {key for finding in report.validate() for key in finding.keys}
    assert all(value is None and key in named for key, value in flat.items())


def _inner_text(rows: list[list[str]]) -> str:
    """A table as a browser's innerText gives it: every cell on its own line, a line with
    only a tab between two cells (a blank line each side), rows apart by blank lines."""
    return "\n\n\n\n".join("\n\n\t\n\n".join(row) for row in rows)


def _inner_text_report(table: str) -> str:
    """A report whose table 二 is ``table``, in a browser's innerText: blank lines around."""
    head = TITLE + "\n\n二、主动公开政府信息情况\n\n"
    return head + table + "\n\n\n\n三、收到和处理政府信息公开申请情况\n"


def test_browser_inner_text_cells_between_tab_lines_are_rows() -> None:
    nbsp = "\u00a0\u00a0"
    table = _inner_text(
        [
            ["第二十条第（一）项"],
            ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
            ["规章", "2", nbsp, "17"],  # an &nbsp; cell: blank, not shifted
            ["行政规范性\n文件", "9", "4", "66"],  # a cell over two lines
        ]
    )
    report = parse(_inner_text_report(table))
    flat = flatten(report)
    cells = [flat[f"active_disclosure.regulations.{c}"] for c in ("issued", "repealed", "in_force")]
    assert cells == [2, None, 17]
    docs = [flat[f"active_disclosure.normative_documents.{c}"] for c in ("issued", "repealed")]
    assert docs == [9, 4]
    assert report.unplaced == () and [s.number for s in report.sections] == [2, 3]


def test_browser_inner_text_a_rows_last_cell_blank_does_not_join_the_next_row() -> None:
    # The last cell of 规章 is blank: as &nbsp; it is a line of no-break spaces; as an empty
    # <td> it leaves no line at all, only more blank lines after its tab line than stand
    # before a cell. Either way the row ends there, and 行政规范性文件 is a row of its own.
    head = [["第二十条第（一）项"], ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]]
    docs = ["行政规范性文件", "9", "4", "66"]
    for last in ("\u00a0", ""):
        table = _inner_text([*head, ["规章", "2", "\u00a0", last], docs])
        report = parse(_inner_text_report(table))
        flat = flatten(report)
        disclosure = "active_disclosure.{}.{}"
        rules = ("issued", "repealed", "in_force")
        assert [flat[disclosure.format("regulations", c)] for c in rules] == [2, None, None]
        assert [flat[disclosure.format("normative_documents", c)] for c in rules] == [9, 4, 66]
        assert report.unplaced == ()


def test_browser_inner_text_a_rows_first_cell_blank_does_not_join_the_row_above() -> None:
    # Table 四's numbers with a blank 结果维持 as an empty <td>: it leaves no line, so the
    # row starts with its tab line, after more blank lines than stand before a tab line
    # within a row. The header row above ends there; the blank cell keeps its column.
    groups = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    table = _inner_text(
        [
            ["行政复议", "行政诉讼"],
            [*groups, "未经复议直接起诉", "复议后起诉"],
            [*groups, *groups],
            ["", "1", "0", "0", "1", "", "0", "0", "0", "0", "2", "0", "0", "0", "2"],
        ]
    )
    assert "总计\n\n\n\n\n\n\t\n\n1\n" in table
    text = TITLE + "\n\n四、政府信息公开行政复议、行政诉讼情况\n\n" + table + "\n"
    flat = flatten(parse(text))
    assert _review(flat, "reconsideration") == [None, 1, 0, 0, 1]
    assert _review(flat, "litigation_direct") == [None, 0, 0, 0, 0]


def test_browser_inner_text_a_row_label_in_paragraphs_above_its_numbers() -> None:
    # A label cell of two <p>: innerText puts each on a line of its own, blank lines
    # between, and the rest of the row on a line that starts with the tab after the label.
    rows = "（二）部分公开（区分处理的，只计这一情形\n\n，不计其他情形）\n\n\t7\t1\t0\t0\t0\t0\t8\n"
    report = parse(TITLE + T3 + rows)
    flat = flatten(report)
    key = "applications.outcomes.partially_granted"
    assert [flat[f"{key}.{column}"] for column in COLUMNS] == [7, 1, 0, 0, 0, 0, 8]
    assert report.unplaced == ()
    # Lines that do not spell a known label together are left as they are, and kept.
    report = parse(TITLE + T3 + "部分\n\n说明\n\n\t7\t1\t0\t0\t0\t0\t8\n")
    assert report.sections[0].body == (
        Paragraph("部分"),
        Paragraph("说明"),
        GenericTable((GenericRow("", ("7", "1", "0", "0", "0", "0", "8")),)),
    )


def test_a_long_generic_row_keeps_its_cells_through_the_flattened_page_reader() -> None:
    """A one-cell row over 300 characters (a pipe-led line) is a generic table: the reader
    that cuts flattened pages must leave a table row whole, or it reads back a paragraph."""
    long = "下一步，我处将加强政务公开队伍建设。" * 20
    report = parse(TITLE + "一、总体情况\n|" + long + "\n二、主动公开政府信息情况\n正文。\n")
    assert report.sections[0].body == (GenericTable((GenericRow(long),)),)
    for layout in LAYOUTS:
        assert parse(serialize(report, layout=layout)) == report


def test_an_ascii_comma_where_the_template_has_an_enumeration_comma() -> None:
    label = "1. 申请人无正当理由逾期不补正, 行政机关不再处理其政府信息公开申请"
    row = label + " | 2 | 0 | 0 | 0 | 0 | 0 | 2 |"
    report = parse(TITLE + T3 + "（六）其他处理\n| " + row + "\n")
    flat = flatten(report)
    key = "applications.outcomes.other_handling.no_correction"
    assert [flat[f"{key}.natural_person"], flat[f"{key}.total"]] == [2, 2]
    assert report.unplaced == ()


# --- Tables drawn with box characters (w3m) ------------------------------------------------


def test_a_box_drawn_table_reads_its_wrapped_and_merged_cells_and_keeps_blanks_blank() -> None:
    # Header labels wrapped over lines of one cell (社会/公益/组织), a group label spanning two
    # rows and itself wrapped (（三）/不予公/开), blank cells drawn as spaces, CJK two columns.
    text = (
        TITLE
        + T3
        + "┌────────────┬────┬────┬────┬────┬────┬────┬────┐\n"
        + "│            │自然│商业│科研│社会│法律│其他│总计│\n"
        + "│            │人  │企业│机构│公益│服务│    │    │\n"
        + "│            │    │    │    │组织│机构│    │    │\n"
        + "├────────────┼────┼────┼────┼────┼────┼────┼────┤\n"
        + "│一、本年新收│3   │    │    │1   │    │0   │4   │\n"
        + "│政府信息公开│    │    │    │    │    │    │    │\n"
        + "│申请数量    │    │    │    │    │    │    │    │\n"
        + "├────┬───────┼────┼────┼────┼────┼────┼────┼────┤\n"
        + "│（三│1.属于 │1   │    │    │    │    │0   │1   │\n"
        + "│）不│国家秘 │    │    │    │    │    │    │    │\n"
        + "│予公│密     │    │    │    │    │    │    │    │\n"
        + "│开  ├───────┼────┼────┼────┼────┼────┼────┼────┤\n"
        + "│    │2.其他 │0   │0   │0   │2   │0   │0   │2   │\n"
        + "│    │法律行 │    │    │    │    │    │    │    │\n"
        + "│    │政法规 │    │    │    │    │    │    │    │\n"
        + "│    │禁止公 │    │    │    │    │    │    │    │\n"
        + "│    │开     │    │    │    │    │    │    │    │\n"
        + "└────┴───────┴────┴────┴────┴────┴────┴────┴────┘\n"
    )
    flat = flatten(parse(text))
    assert [flat[f"applications.new_received.{column}"] for column in COLUMNS] == [
        3,
        None,
        None,
        1,
        None,
        0,
        4,
    ]
    secret = "applications.outcomes.denied.state_secret"
    assert [flat[f"{secret}.{column}"] for column in COLUMNS] == [1, None, None, None, None, 0, 1]
    law = "applications.outcomes.denied.prohibited_by_law"
    assert [flat[f"{law}.{column}"] for column in COLUMNS] == [0, 0, 0, 2, 0, 0, 2]


COLUMNS = (
    "natural_person",
    "commercial_enterprise",
    "research_institution",
    "social_welfare_org",
    "legal_service_org",
    "other_org",
    "total",
)


def test_an_ascii_drawn_table_counts_a_cjk_character_one_column_wide() -> None:
    # links draws tables with | + and runs of -, a CJK character one column wide; a group
    # label spans rows (written on the rule between them), a blank cell is spaces, a lone -
    # in a cell is text, not a rule.
    def cells(*texts: str) -> str:
        return "|".join(text.ljust(6) for text in texts) + "|"

    rule = "+".join(["------"] * 7) + "|"
    text = (
        TITLE
        + T3
        + "   +" + "-" * 72 + "+\n"
        + "   |" + " " * 23 + "|" + cells("自然人", "商业企业", "科研机构", "社会公益组织",
                                         "法律服务机构", "其他", "总计") + "\n"
        + "   |" + "-" * 23 + "+" + rule + "\n"
        + "   |" + "一、本年新收政府信息公开申请数量".ljust(23) + "|"
        + cells("3", "", "", "", "", "1", "4") + "\n"
        + "   |" + "-" * 23 + "+" + rule + "\n"
        + "   |       |" + "1.属于国家秘密".ljust(15) + "|"
        + cells("1", "-", "", "", "", "0", "1") + "\n"
        + "   |（三）不予公开|" + "-" * 15 + "+" + rule + "\n"
        + "   |       |" + "2.其他法律行政法规禁止公开".ljust(15) + "|"
        + cells("0", "0", "0", "0", "0", "2", "2") + "\n"
        + "   +" + "-" * 72 + "+\n"
    )  # fmt: skip
    flat = flatten(parse(text))
    new = [flat[f"applications.new_received.{column}"] for column in COLUMNS]
    assert new == [3, None, None, None, None, 1, 4]
    secret = [flat[f"applications.outcomes.denied.state_secret.{column}"] for column in COLUMNS]
    assert secret == [1, None, None, None, None, 0, 1]
    law = [flat[f"applications.outcomes.denied.prohibited_by_law.{column}"] for column in COLUMNS]
    assert law == [0, 0, 0, 0, 0, 2, 2]


def test_a_drawing_that_is_not_closed_is_left_as_text() -> None:
    from govinfo_report.read._boxes import unbox

    lines = ["│自然人│3", "│总计  │3"]  # no rule closes the cells: not a grid
    assert unbox(lines) == lines


# --- One cell per paragraph, blank cells as blank lines (docx2txt) --------------------------


def _paragraphs(*cells: str) -> str:
    """docx2txt's rhythm: each cell is its text and a blank line; an empty cell adds two."""
    return "".join(f"{cell}\n\n" for cell in cells)


def test_blank_lines_between_cells_count_the_empty_cells_of_a_row() -> None:
    header = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")
    text = TITLE + "\n" + _paragraphs(
        "三、收到和处理政府信息公开申请情况",
        *header,
        "一、本年新收政府信息公开申请数量",
        "40", "", "", "", "", "4", "44",
        "二、上年结转政府信息公开申请数量",
        "", "5", "0", "1", "0", "0", "6",
        "三、本年度办理结果", "（一）予以公开",
        "18", "", "", "", "", "2", "20",
    )  # fmt: skip
    flat = flatten(parse(text))
    new = [flat[f"applications.new_received.{column}"] for column in COLUMNS]
    assert new == [40, None, None, None, None, 4, 44]
    # An empty first cell is counted from the gap after the row's label.
    old = [flat[f"applications.carried_over.{column}"] for column in COLUMNS]
    assert old == [None, 5, 0, 1, 0, 0, 6]
    granted = [flat[f"applications.outcomes.granted.{column}"] for column in COLUMNS]
    assert granted == [18, None, None, None, None, 2, 20]


def test_an_nbsp_cell_paragraph_is_a_cell_of_the_rhythm_even_last_in_its_row() -> None:
    # docx2txt of a page whose blank cells hold &nbsp;: a line of no-break spaces is the
    # cell's paragraph. Last in a row, only it shows the row's last cell was there.
    nb = "\u00a0"
    text = TITLE + "\n" + _paragraphs(
        "二、主动公开政府信息情况", "第二十条第（一）项",
        "信息内容", "本年制发件数", "本年废止件数", "现行有效件数",
        "规章", "0", "0", nb,
        "行政规范性文件", nb, "3", "0",
        "第二十条第（五）项", "信息内容", "本年处理决定数量", "行政许可", "0",
        "第二十条第（六）项", "信息内容", "本年处理决定数量", "行政处罚", "0", "行政强制", "1",
    )  # fmt: skip
    flat = flatten(parse(text))
    columns = ("issued", "repealed", "in_force")
    assert [flat[f"active_disclosure.regulations.{c}"] for c in columns] == [0, 0, None]
    assert [flat[f"active_disclosure.normative_documents.{c}"] for c in columns] == [None, 3, 0]


def test_an_even_gap_breaks_the_rhythm_and_the_short_row_is_blank_and_named() -> None:
    header = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")
    rows = _paragraphs(
        "三、收到和处理政府信息公开申请情况", *header, "一、本年新收政府信息公开申请数量"
    )
    rows += "40\n\n\n4\n\n44\n\n"  # two blank lines: not the rhythm of empty cells
    rows += _paragraphs("二、上年结转政府信息公开申请数量", "1", "0", "0", "0", "0", "0", "1")
    rows += _paragraphs("（七）总计", "1", "0", "0", "0", "0", "0", "1")
    report = parse(TITLE + "\n" + rows)
    assert_blank_and_named(report, [f"applications.new_received.{c}" for c in COLUMNS])


def _lynx_paragraphs(*cells: str) -> str:
    """lynx's rhythm: cells one blank line apart; an empty cell adds one more."""
    return "\n\n".join(f"   {cell}" if cell else "" for cell in cells).replace("\n   \n", "\n\n")


def test_one_blank_line_more_per_empty_cell_when_numbers_stand_two_apart() -> None:
    # lynx: each empty cell adds one blank line, not two; two numbers two blank lines apart
    # say so. Table 四's row has no label: the gap after its last header cell counts too.
    header = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")
    review = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
    text = TITLE + "\n" + _lynx_paragraphs(
        "三、收到和处理政府信息公开申请情况",
        *header,
        "一、本年新收政府信息公开申请数量",
        "17", "29", "", "2", "23", "26", "97",
        "二、上年结转政府信息公开申请数量",
        "", "19", "15", "26", "27", "10", "97",
        "四、政府信息公开行政复议、行政诉讼情况",
        "行政复议", "行政诉讼", *review, "未经复议直接起诉", "复议后起诉", *review, *review,
        "", "19", "21", "8", "48", "15", "2", "2", "21", "40", "24", "4", "28", "4", "60",
    ) + "\n"  # fmt: skip
    flat = flatten(parse(text))
    new = [flat[f"applications.new_received.{column}"] for column in COLUMNS]
    assert new == [17, 29, None, 2, 23, 26, 97]
    old = [flat[f"applications.carried_over.{column}"] for column in COLUMNS]
    assert old == [None, 19, 15, 26, 27, 10, 97]
    leaves = ("upheld", "corrected", "other", "pending", "total")
    reconsideration = [flat[f"review_litigation.reconsideration.{leaf}"] for leaf in leaves]
    assert reconsideration == [None, 19, 21, 8, 48]
    assert flat["review_litigation.litigation_after_reconsideration.total"] == 60


def test_a_label_broken_inside_its_bracketed_note_is_joined() -> None:
    # A line break inside the cell (<br>, two paragraphs): the first piece is long and ends
    # inside the note; the next line closes the bracket.
    text = (
        TITLE
        + T3
        + "（二）部分公开（区分处理的，只计这一情形\n"
        + "，不计其他情形）\t3\t0\t0\t0\t0\t1\t4\n"
    )
    flat = flatten(parse(text))
    partly = "applications.outcomes.partially_granted"
    assert [flat[f"{partly}.{c}"] for c in COLUMNS] == [3, 0, 0, 0, 0, 1, 4]


def test_a_no_break_space_cell_in_a_space_separated_row_is_an_empty_cell() -> None:
    # pandoc's plain text keeps an &nbsp; cell as a lone no-break space between the columns.
    nb = "\u00a0"
    text = (
        TITLE
        + T3
        + "  自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计\n"
        + f"  一、本年新收政府信息公开申请数量   40   {nb}   {nb}   {nb}   {nb}   4   44\n"
        + f"  二、上年结转政府信息公开申请数量   5   1   0   0   0   0   {nb}\n"
    )
    flat = flatten(parse(text))
    assert [flat[f"applications.new_received.{column}"] for column in COLUMNS] == [
        40, None, None, None, None, 4, 44
    ]  # fmt: skip
    assert [flat[f"applications.carried_over.{column}"] for column in COLUMNS] == [
        5, 1, 0, 0, 0, 0, None
    ]  # fmt: skip


def test_a_label_wrapped_around_its_numbers_line_in_a_block_of_its_own() -> None:
    # Rows apart by blank lines; the label wrapped over three lines with the numbers on the
    # middle one, where the group label also stands (inscriptis and PDF text draw this).
    text = (
        TITLE
        + T3
        + "\n  1.申请人无正当理由逾期不补正、行政机关\n"
        + "（六）其他处理        2   0   0   0   0   0   2\n"
        + "  不再处理其政府信息公开申请\n\n"
        + "2.申请人逾期未按收费通知要求缴纳费用、\n"
        + "        1   0   0   0   0   0   1\n"
        + "行政机关不再处理其政府信息公开申请\n\n"
        + "3.其他     0   0   0   0   0   0   0\n"
    )
    flat = flatten(parse(text))
    handling = "applications.outcomes.other_handling"
    assert [flat[f"{handling}.no_correction.{c}"] for c in COLUMNS] == [2, 0, 0, 0, 0, 0, 2]
    assert [flat[f"{handling}.unpaid_fee.{c}"] for c in COLUMNS] == [1, 0, 0, 0, 0, 0, 1]
    assert [flat[f"{handling}.other.{c}"] for c in COLUMNS] == [0] * 7


def test_a_misprinted_label_between_its_neighbours_is_read_as_the_row_they_leave() -> None:
    rows = (
        "1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0\n"
        "{label}\t1\t0\t0\t0\t0\t0\t1\n"
        "3.危及“三安全一稳定”\t2\t0\t0\t0\t0\t0\t2\n"
    )
    law = "applications.outcomes.denied.prohibited_by_law"
    report = parse(TITLE + T3 + rows.format(label="2.其他法律行政止公开"))
    assert [flatten(report)[f"{law}.{c}"] for c in COLUMNS] == [1, 0, 0, 0, 0, 0, 1]
    assert report.unplaced == ()
    named = {k for f in report.validate() if f.code == "label-by-neighbours" for k in f.keys}
    assert named == {f"{law}.{c}" for c in COLUMNS}
    # Another number, or words that are not mostly the template's: not placed, kept.
    for label in ("5.其他法律行政止公开", "2.本单位自行增加的一类"):
        report = parse(TITLE + T3 + rows.format(label=label))
        assert [flatten(report)[f"{law}.{c}"] for c in COLUMNS] == [None] * 7
        assert [u.cells[0] for u in report.unplaced] == [label]


def test_loose_label_lines_before_as_many_rows_of_numbers_are_paired_in_order() -> None:
    # PDF-to-Markdown: labels wrapped anywhere, printed apart from their rows of numbers.
    loose = "（三）\n不予公开\n5.属于三类内部事\n务信息\n1.本机关不掌握相\n关政府信息\n"
    numbers = "| 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n|---|---|---|---|---|---|---|\n"
    numbers += "| 3 | 0 | 0 | 0 | 0 | 1 | 4 |\n"
    flat = flatten(parse(TITLE + T3 + loose + numbers))
    internal = "applications.outcomes.denied.internal_affairs"
    assert [flat[f"{internal}.{c}"] for c in COLUMNS] == [1, 0, 0, 0, 0, 0, 1]
    not_held = "applications.outcomes.unable.not_held"
    assert [flat[f"{not_held}.{c}"] for c in COLUMNS] == [3, 0, 0, 0, 0, 1, 4]


def test_loose_labels_that_outnumber_the_rows_of_numbers_are_not_paired_by_order() -> None:
    # Two labels, one row of numbers: the first label is not given the row by order; the
    # row goes with the label right above it (a label alone on its line, numbers next).
    loose = "5.属于三类内部事\n务信息\n1.本机关不掌握相\n关政府信息\n"
    report = parse(TITLE + T3 + loose + "| 3 | 0 | 0 | 0 | 0 | 1 | 4 |\n")
    flat = flatten(report)
    internal = [f"applications.outcomes.denied.internal_affairs.{c}" for c in COLUMNS]
    assert [flat[key] for key in internal] == [None] * 7
    named = {k for f in report.validate() for k in f.keys}
    assert set(internal) <= named
    not_held = "applications.outcomes.unable.not_held"
    assert [flat[f"{not_held}.{c}"] for c in COLUMNS] == [3, 0, 0, 0, 0, 1, 4]


def test_a_number_with_a_no_break_space_after_it_is_a_stripped_cell() -> None:
    text = TITLE + T3 + "一、本年新收政府信息公开申请数量\t1\n（本列）\n1\u00a0\n"
    assert [u.cells for u in parse(text).unplaced] == [("1",)]


def test_numbers_one_space_apart_among_wider_columns_are_read_as_the_totals_confirm() -> None:
    # inscriptis puts a space between a number's <span>s: 2 9 is 29 here, and only that
    # reading gives seven cells whose total holds. The cells are named all the same.
    row = "4.保护第三方合法权益      8     2 9     1 7     2 2   2 5   1 9   1 20\n"
    report = parse(TITLE + T3 + row)
    third = [f"applications.outcomes.denied.third_party_rights.{c}" for c in COLUMNS]
    assert [flatten(report)[key] for key in third] == [8, 29, 17, 22, 25, 19, 120]
    named = {k for f in report.validate() if f.code == "spaced-numbers" for k in f.keys}
    assert set(third) <= named


def test_numbers_one_space_apart_that_no_reading_confirms_are_blank_and_named() -> None:
    row = "4.保护第三方合法权益      8     2 9     1 7     2 2   2 5   1 9   1 21\n"
    report = parse(TITLE + T3 + row)
    third = [f"applications.outcomes.denied.third_party_rights.{c}" for c in COLUMNS]
    assert [flatten(report)[key] for key in third] == [None] * 7
    named = {k for f in report.validate() if f.code == "spaced-numbers" for k in f.keys}
    assert set(third) <= named


def test_numbers_one_per_line_in_a_table_where_numbers_strayed_are_named() -> None:
    # PDF text without layout: a row's numbers one per line; the next row came out short
    # (its numbers strayed), so the order within the full row is not certain either.
    text = (
        TITLE
        + "二、主动公开政府信息情况\n第二十条第（五）项\n信息内容\n本年处理决定数量\n"
        + "第二十条第（一）项\n信息内容\n本年制发件数\n本年废止件数\n现行有效件数\n"
        + "规章\n1\n2\n3\n行政规范性文件\n4\n"
    )
    report = parse(text)
    regulations = [f"active_disclosure.regulations.{c}" for c in ("issued", "repealed", "in_force")]
    assert [flatten(report)[key] for key in regulations] == [1, 2, 3]
    named = {k for f in report.validate() if f.code == "order-uncertain" for k in f.keys}
    assert set(regulations) <= named


def test_a_unit_a_space_sets_apart_from_its_number_stays_with_it() -> None:
    text = (
        TITLE
        + "二、主动公开政府信息情况\n第二十条第（九）项\n"
        + "信息内容   采购项目数量   采购总金额\n"
        + "政府集中采购      31       1250400.50 元\n"
    )
    flat = flatten(parse(text))
    assert flat["active_disclosure.procurement.projects"] == 31
    assert flat["active_disclosure.procurement.amount"] == Decimal("1250400.50")


def test_an_indented_drawing_with_rules_stopped_short_still_encloses_its_cells() -> None:
    # elinks indents the table and stops a rule line before the right border.
    text = (
        TITLE
        + "二、主动公开政府信息情况\n"
        + "   ┌────────────────────────────┐\n"
        + "   │第二十条第（五）项          │\n"
        + "   ├──────────────┬─────────────\n"
        + "   │信息内容      │本年处理决定数量\n".replace("量", "量│", 1)
        + "   ├──────────────┼─────────────\n"
        + "   │行政许可      │7           │\n"
        + "   └──────────────┴─────────────┘\n"
    )
    assert flatten(parse(text))["active_disclosure.licensing.decisions"] == 7


def test_a_huge_box_drawing_is_left_as_text_quickly() -> None:
    from govinfo_report.read._boxes import unbox

    lines = ["┌" + "─" * 500 + "┐"] + ["│" + " " * 500 + "│"] * 400 + ["└" + "─" * 500 + "┘"]
    assert unbox(lines) == lines  # 200,000 characters: not drawn as a report table


def test_pdf_layout_labels_wrapped_above_and_below_their_numbers_and_a_cut_group_label() -> None:
    # pdftotext -layout: no blank line between rows; a label's pieces above and below its
    # numbers; the group label （六）其他处理 cut over two lines in a column of its own.
    text = (
        TITLE
        + T3
        + "                            2.其他法律行政法规禁止公开   1  0  0  0  0  0  1\n"
        + "                  （五）不予处理\n"
        + "                            5.要求行政机关确认 或重新出具已\n"
        + "                                获取信息\n"
        + "                                            0  0  0  0  0  0  0\n"
        + "               1.申请人无正当理由逾期\n"
        + "               不补正、行政机关不再处理其政    2  0  0  0  0  0  2\n"
        + "               府信息公开申请\n"
        + "     （六）其\n"
        + "               2.申请人逾期未按收费通\n"
        + "     他处理\n"
        + "               知要求缴纳费用、行政机关不再处    1  0  0  0  0  0  1\n"
        + "               理其政府信息公开申请\n"
        + "               3.其他    0  0  0  0  0  0  0\n"
    )
    flat = flatten(parse(text))
    handling = "applications.outcomes.other_handling"
    assert [flat[f"{handling}.no_correction.{c}"] for c in COLUMNS] == [2, 0, 0, 0, 0, 0, 2]
    assert [flat[f"{handling}.unpaid_fee.{c}"] for c in COLUMNS] == [1, 0, 0, 0, 0, 0, 1]
    confirmation = "applications.outcomes.not_processed.confirmation"
    assert [flat[f"{confirmation}.{c}"] for c in COLUMNS] == [0] * 7


def test_pdf_layout_group_labels_cut_in_their_own_column_beside_row_labels() -> None:
    # The group label （六）其他处理 cut over three lines left of the numbered row labels, on
    # the same lines as a row label's wrapped pieces (pdftotext -layout).
    text = (
        TITLE
        + T3
        + "        5.要求行政机关确认或重新出具已获取信息  2  10  28  16  29  15  100\n"
        + "    （六） 1.申请人  3  9  17  9  22  3  63\n"
        + "    其他处 无正当理由逾期不补正、行政机关不再处\n"
        + "    理   理其政府信息公开申请\n"
        + "        3.其他  30  25  19  17  18  9  118\n"
    )
    flat = flatten(parse(text))
    no_correction = "applications.outcomes.other_handling.no_correction"
    assert [flat[f"{no_correction}.{c}"] for c in COLUMNS] == [3, 9, 17, 9, 22, 3, 63]


def test_pdf_layout_label_cut_inside_its_bracketed_note() -> None:
    # The label （二）部分公开（区分处理的，只计这一情形，不计其他情形） cut inside its note,
    # one piece above the numbers, one on their line, one below; the group label 三、本年度办理
    # 结果 cut over three lines in its own column (pdftotext -layout, no blank lines).
    text = (
        TITLE
        + T3
        + "三、本年   （一）予以公开           4     0   0   0   0   0   4\n"
        + "度办理结   （二）部分公开（区分处理\n"
        + "果      的，只计这一情形，不计其他 3         0   0   0   0   1   4\n"
        + "       情形）\n"
        + "           1.属于国家秘密      0     0   0   0   0   0   0\n"
        + "           2.其他法律行政法规禁止公开  0  0   0   0   0   0   0\n"
        + "           3.危及“三安全一稳定”   0  0   0   0   0   0   0\n"
    )
    flat = flatten(parse(text))
    partly = "applications.outcomes.partially_granted"
    assert [flat[f"{partly}.{c}"] for c in COLUMNS] == [3, 0, 0, 0, 0, 1, 4]
    assert flat["applications.outcomes.granted.total"] == 4


def test_pdf_layout_rows_apart_by_blank_lines_with_long_wrapped_labels_and_a_group_column() -> None:
    # pdftotext -layout with a blank line between rows: a label wrapped over four lines
    # around its numbers, and the group label （六）其他处理 cut over two lines in its own
    # column among a row's label pieces. A numbered list in the narrative (1.平台…, at the
    # line start) must not be taken for the numbered row labels' column.
    text = (
        TITLE
        + "一、总体情况\n"
        + "1.平台发布信息 25 条\n2.平台发布信息 31 条\n3.平台发布信息 7 条\n"
        + T3
        + "             1.属于国家秘密       0   0   0   0   0   0   0\n"
        + "\n"
        + "             2.其他法律行政法规禁止公开   1   0   0   0   0   0   1\n"
        + "\n"
        + "             3.危及“三安全一稳定”   0   0   0   0   0   0   0\n"
        + "\n"
        + "                     1.申请人无正当理由逾期\n"
        + "                     不补正、行政机关\n"
        + "                                  2                 0   0   0       0   0   2\n"
        + "                     不再处理其政府信息公开\n"
        + "                     申请\n"
        + "\n"
        + "            （六）其\n"
        + "                 2.申请人逾期未按收费通\n"
        + "            他处理\n"
        + "                 知要求缴纳费用、\n"
        + "                              1                     0   0   0       0   0   1\n"
        + "                 行政机关不再处理其政府\n"
        + "                 信息公开申请\n"
        + "\n"
        + "                     3.其他                   0       0   0   0       0   0   0\n"
    )
    flat = flatten(parse(text))
    handling = "applications.outcomes.other_handling"
    assert [flat[f"{handling}.no_correction.{c}"] for c in COLUMNS] == [2, 0, 0, 0, 0, 0, 2]
    assert [flat[f"{handling}.unpaid_fee.{c}"] for c in COLUMNS] == [1, 0, 0, 0, 0, 0, 1]
    assert [flat[f"{handling}.other.{c}"] for c in COLUMNS] == [0] * 7


def _layout_row(label: str, cells: str) -> str:
    """A row as pdftotext -layout draws it: the label, then each cell right-aligned in a
    column six characters wide (a blank cell is ``-`` here, and spaces in the text)."""
    columns = "".join(cell.rjust(6) for cell in cells.split(","))
    return "    " + label.ljust(22) + columns.replace("-", " ") + "\n"


_LAYOUT_T3 = (
    _layout_row("一、本年新收政府信息公开申请数量", "302,195,100,174,311,220,1302")
    + _layout_row("二、上年结转政府信息公开申请数量", "46,197,294,148,96,95,876")
    + _layout_row("1.属于国家秘密", "25,26,9,30,15,11,116")
    + _layout_row("2.其他法律行政法规禁止公开", "18,28,29,6,16,4,101")
    + _layout_row("3.危及“三安全一稳定”", "9,4,24,3,19,25,84")
)


def test_pdf_layout_row_with_blank_cells_is_placed_by_the_columns_full_rows_draw() -> None:
    # pdftotext -layout keeps each number where it stood: a row with a blank cell shows
    # which columns its numbers are in, against the rows that have every cell.
    text = (
        TITLE
        + T3
        + _LAYOUT_T3
        + _layout_row("4.保护第三方合法权益", "8,29,-,22,25,19,103")
        + _layout_row("5.属于三类内部事务信息", "-,4,9,3,23,2,41")
    )
    flat = flatten(parse(text))
    third = "applications.outcomes.denied.third_party_rights"
    internal = "applications.outcomes.denied.internal_affairs"
    assert [flat[f"{third}.{c}"] for c in COLUMNS] == [8, 29, None, 22, 25, 19, 103]
    assert [flat[f"{internal}.{c}"] for c in COLUMNS] == [None, 4, 9, 3, 23, 2, 41]


def _wide_row(label: str, cells: str) -> str:
    """A row as w3m draws a table without borders: columns lined up in display width, where
    a CJK character takes two columns (so labels of other lengths shift the characters)."""
    pad = 36 - 2 * len(label)  # the labels here are all CJK or full-width
    columns = "".join(cell.ljust(6) for cell in cells.split(","))
    return label + " " * pad + columns.replace("-", " ").rstrip() + "\n"


def test_layout_row_with_blank_cells_lined_up_in_display_width_is_placed() -> None:
    # Counted in characters the full rows disagree (their labels differ in length), so the
    # columns are looked for in display width too, where they agree.
    rows = [
        ("一、本年新收政府信息公开申请数量", "3,1,0,0,0,1,5"),
        ("二、上年结转政府信息公开申请数量", "0,0,0,0,0,0,0"),
        ("（一）予以公开", "2,1,0,0,0,0,3"),
        ("（二）部分公开", "1,0,0,0,0,0,1"),
        ("１．属于国家秘密", "0,0,0,0,0,0,0"),
        ("２．其他法律行政法规禁止公开", "-,0,-,0,0,1,1"),
    ]
    text = TITLE + T3 + "\n".join(_wide_row(label, cells) for label, cells in rows)
    flat = flatten(parse(text))
    forbidden = "applications.outcomes.denied.prohibited_by_law"
    assert [flat[f"{forbidden}.{c}"] for c in COLUMNS] == [None, 0, None, 0, 0, 1, 1]


def test_a_short_row_whose_label_runs_into_the_first_column_is_not_placed() -> None:
    # lynx: numbers one space apart, columns lined up only by the labels' widths. A row with
    # one number fewer whose longer label runs on into the first column happens to line its
    # numbers up with the last six columns: nothing blank is drawn there, so not placed.
    full = ["1.属于国家秘密", "7.属于行政执法案卷", "8.属于行政查询事项", "2.重复申请"]
    rows = [label.ljust(10) + " 0 0 0 0 0 0 0\n" for label in full]
    report = parse(TITLE + T3 + "".join(rows) + "5.属于三类内部事务信息 0 0 0 0 0 0\n")
    internal = "applications.outcomes.denied.internal_affairs"
    assert_blank_and_named(report, [f"{internal}.{c}" for c in COLUMNS])


T4 = "四、政府信息公开行政复议、行政诉讼情况\n"
_LEAVES = ("upheld", "corrected", "other", "pending", "total")
_GROUPS = ("reconsideration", "litigation_direct", "litigation_after_reconsideration")


def _space_drawn_t4(numbers: str, pitch: int, wide: bool) -> str:
    """Table 四 as links (``wide`` False) or w3m (True) draw it without borders: each leaf
    header cut in two over two lines (结果 / 维持), the numbers under them, every column
    ``pitch`` wide counted in characters or in display width (a CJK character two wide)."""
    pad = " " * (pitch - (4 if wide else 2))  # after a two-character word
    tops, bottoms = ("结果", "结果", "其他", "尚未", "总计"), ("维持", "纠正", "结果", "审结", "")
    top, bottom = (
        "".join(w + pad if w else " " * pitch for w in words * 3) for words in (tops, bottoms)
    )
    row = "".join(cell.ljust(pitch) for cell in numbers.split(",")).replace("-", " ")
    return f"行政复议 行政诉讼\n{top.rstrip()}\n{bottom.rstrip()}\n\n{row.rstrip()}\n"


def _review(flat: Mapping[str, object], group: str) -> list[object]:
    return [flat[f"review_litigation.{group}.{leaf}"] for leaf in _LEAVES]


def test_space_drawn_table_4_row_with_blank_cells_is_placed_under_its_header_words() -> None:
    # Table 四 has a single row of numbers, so no full row draws its columns: its header's
    # leaf words do, fifteen of them apart; a blank cell leaves a gap under one of them.
    numbers = "1,0,0,2,3,-,0,0,0,0,2,0,1,0,3"
    for wide in (False, True):
        text = TITLE + T4 + _space_drawn_t4(numbers, 5 if wide else 3, wide)
        flat = flatten(parse(text))
        assert _review(flat, "reconsideration") == [1, 0, 0, 2, 3]
        assert _review(flat, "litigation_direct") == [None, 0, 0, 0, 0]
        assert _review(flat, "litigation_after_reconsideration") == [2, 0, 1, 0, 3]


def test_space_drawn_table_4_row_is_not_placed_where_a_group_does_not_add_up() -> None:
    # The same drawing, but 复议后起诉's 总计 is not the sum of its leaves, or a group's 总计
    # is the blank: the positions are not confirmed, and every cell is blank and named.
    for numbers in ("1,0,0,2,3,-,0,0,0,0,2,0,1,0,9", "1,0,0,2,-,0,0,0,0,0,2,0,1,0,3"):
        report = parse(TITLE + T4 + _space_drawn_t4(numbers, 3, False))
        assert_blank_and_named(
            report, [f"review_litigation.{g}.{leaf}" for g in _GROUPS for leaf in _LEAVES]
        )


def test_pdf_layout_row_with_blank_cells_that_does_not_add_up_is_not_placed() -> None:
    # The same geometry, but the numbers do not add up to the total: not placed by position;
    # the row's cells stay blank and a finding names them.
    text = TITLE + T3 + _LAYOUT_T3 + _layout_row("4.保护第三方合法权益", "8,29,-,22,25,19,999")
    report = parse(text)
    third = "applications.outcomes.denied.third_party_rights"
    assert_blank_and_named(report, [f"{third}.{c}" for c in COLUMNS])


def test_a_line_of_no_break_spaces_is_an_empty_cell_when_cells_stand_one_per_line() -> None:
    # LibreOffice's text export: one cell per line, an &nbsp; cell a line of no-break spaces.
    nb = "\u00a0"
    text = (
        TITLE
        + "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\n本年制发件数\n本年废止件数\n"
        + f"现行有效件数\n规章\n2\n0\n{nb}\n行政规范性文件\n{nb}\n1\n5\n"
        + T3
        + "自然人\n商业企业\n科研机构\n社会公益组织\n法律服务机构\n其他\n总计\n"
        + f"一、本年新收政府信息公开申请数量\n17\n29\n{nb}\n2\n23\n26\n97\n"
    )
    flat = flatten(parse(text))
    regulations = ("issued", "repealed", "in_force")
    assert [flat[f"active_disclosure.regulations.{c}"] for c in regulations] == [2, 0, None]
    documents = [flat[f"active_disclosure.normative_documents.{c}"] for c in regulations]
    assert documents == [None, 1, 5]
    new = [flat[f"applications.new_received.{c}"] for c in COLUMNS]
    assert new == [17, 29, None, 2, 23, 26, 97]


def test_no_break_space_lines_in_a_run_longer_than_the_row_are_not_placed() -> None:
    # A converter that put a number's pieces on lines of their own (736 / 712 for 736712)
    # leaves more lines than the row has cells: the row is not rebuilt from them, and its
    # cells stay blank and named.
    nb = "\u00a0"
    text = (
        "示例镇2019年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（六）项\n"
        + "信息内容\n上一年项目数量\n本年增/减\n处理决定数量\n"
        + f"行政处罚\n736\n712\n{nb}\n{nb}\n"
    )
    report = parse(text)
    keys = [f"active_disclosure.punishment.{c}" for c in ("previous_items", "change")]
    assert_blank_and_named(report, keys)


def test_a_table_two_label_split_by_a_space_into_pieces_that_are_no_labels() -> None:
    # inscriptis puts a space between a label's <span>s (行政规 范性文件): neither piece is a
    # label, nor the start of one long enough to look up; the two together are.
    text = (
        TITLE
        + "二、主动公开政府信息情况\n第二十条第（一）项\n"
        + "信息内容        本年制发件数      本年废止件数  现行有效件数\n"
        + "规章          2        0    7\n"
        + "行政规 范性文件    1        3    9\n"
        + "第二十条第（八）项\n信息内容        本年收费金额\n（单位：万元）\n"
        + "行政事 业性收费    1.5\n"
    )
    flat = flatten(parse(text))
    documents = ("issued", "repealed", "in_force")
    assert [flat[f"active_disclosure.normative_documents.{c}"] for c in documents] == [1, 3, 9]
    assert flat["active_disclosure.fees.amount"] == Decimal("1.5")


def test_a_row_of_numbers_no_label_names_flags_the_rows_beside_it() -> None:
    # antiword draws a narrow Word cell's number over two lines (239410 as 23941 / 0): the
    # second line is a row of numbers with no label. It is kept as an unplaced row, and the
    # rows above and below it are named, since the numbers they hold may not be theirs.
    text = (
        TITLE
        + "二、主动公开政府信息情况\n"
        + "|第二十条第（一）项              |\n"
        + "|信息内容     |本年制发件数|本年废止件数|现行有效件数|\n"
        + "|规章         |23941|10002|     |\n"
        + "|             |0    |9    |     |\n"
        + "|行政规范性文件|34676|     |57391|\n"
    )
    report = parse(text)
    flat = flatten(report)
    assert [
        flat["active_disclosure.regulations.issued"],
        flat["active_disclosure.regulations.repealed"],
    ] == [23941, 10002]
    assert [row.cells for row in report.unplaced] == [("", "0", "9")]
    beside = {k for f in report.validate() if f.code == "beside-stray-numbers" for k in f.keys}
    rows = ("regulations", "normative_documents")
    columns = ("issued", "repealed", "in_force")
    assert beside == {f"active_disclosure.{r}.{c}" for r in rows for c in columns}
    # Without the stray row, nothing is named so.
    clean = parse(text.replace("|             |0    |9    |     |\n", ""))
    assert not [f for f in clean.validate() if f.code == "beside-stray-numbers"]


def test_a_row_whose_label_and_numbers_wrapped_onto_a_second_line_is_joined_cell_by_cell() -> None:
    # antiword: a narrow Word cell's text goes on over a second line, the label's too
    # (行政规范性文 / 件), so the second line's pieces end the first line's cells.
    text = (
        TITLE
        + "二、主动公开政府信息情况\n"
        + "|第二十条第（一）项              |\n"
        + "|信息内容     |本年制发件数|本年废止件数|现行有效件数|\n"
        + "|规章         |2    |1    |17   |\n"
        + "|行政规范性文 |12   |50597|     |\n"
        + "|件           |     |8    |     |\n"
    )
    report = parse(text)
    flat = flatten(report)
    docs = [
        flat[f"active_disclosure.normative_documents.{c}"]
        for c in ("issued", "repealed", "in_force")
    ]
    assert docs == [12, 505978, None]
    assert report.unplaced == ()
    # A second line whose word is a label of its own is a row of its own, never joined.
    other = parse(text.replace("|件           |", "|规章         |"))
    assert flatten(other)["active_disclosure.normative_documents.repealed"] == 50597


def test_a_sign_or_a_decimal_part_split_from_its_number_is_not_read_as_cells_of_their_own() -> None:
    # inscriptis puts a space between a cell's <span>s: "- 13" is -13 or a blank dash and
    # 13, "32102 3.114 元" one amount or two cells. Neither is read as two cells: the
    # row's cells are blank and named.
    text = (
        "示例镇2019年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
        "第二十条第（六）项\n信息内容        上一年项目数量   本年增/减   处理决定数量\n"
        "行政强制              - 13         2 9\n"
        "第二十条第（九）项\n信息内容         采购项目数量   采购总金额\n"
        "政府集中采购                32102 3.114 元\n"
    )
    # So is a thousands-grouped number: 5 79,363 is 579,363 or two cells.
    grouped = parse(text.replace("32102 3.114 元", "５ ７９,３６３"))
    assert_blank_and_named(grouped, ["active_disclosure.procurement.projects"])
    report = parse(text)
    keys = [
        "active_disclosure.coercion.previous_items",
        "active_disclosure.coercion.change",
        "active_disclosure.coercion.decisions",
        "active_disclosure.procurement.projects",
        "active_disclosure.procurement.amount",
    ]
    assert_blank_and_named(report, keys)


def test_a_number_cut_over_lines_by_its_spans_is_joined_back() -> None:
    # A scraper that puts each <span> of a cell on a line of its own: 35487 / .8798 (a point
    # starts no cell), 362 / ,066 and 46, / 155 (nor a comma, nor ends one), 316,60 / 4 (a
    # thousands group cut short).
    text = (
        "示例镇2019年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n"
        + "信息内容\n本年新制作数量\n本年新公开数量\n对外公开总数量\n"
        + "规章\n362\n,066\n46,\n155\n316,60\n4\n"
        + "规范性文件\n565,8\n72,182\n0\n1\n"
        + "第二十条第（八）项\n信息内容\n上一年项目数量\n本年增/减\n"
        + "行政事业性收费\n35487\n.8798\n3\n"
    )
    flat = flatten(parse(text))
    regulations = ("new_made", "new_published", "total_published")
    assert [flat[f"active_disclosure.regulations.{c}"] for c in regulations] == [
        362066,
        46155,
        316604,
    ]
    documents = [flat[f"active_disclosure.normative_documents.{c}"] for c in regulations]
    assert documents == [565872182, 0, 1]
    # Pieces that make no well-formed number stay apart: 35487.8798 is no count, so named.
    assert flat["active_disclosure.fees.previous_items"] is None
    assert flat["active_disclosure.fees.change"] == 3


def test_numbers_before_their_labels_name_every_row_paired_across_lines() -> None:
    # PDF text without layout may print a row's numbers before its label (16 / 29 / 7 / 规章).
    # Read label-first, a number then follows the wrong label (行政处罚 / 11 / 行政强制,
    # where 11 is 行政强制's): once numbers stand where no label takes them, every row whose
    # numbers came on lines after its label is named, not only the rows beside the strays.
    text = (
        TITLE
        + "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\n本年制发件数\n本年废止件数\n"
        + "现行有效件数\n16\n29\n7\n规章\n30\n行政规范性文件\n"
        + "第二十条第（六）项\n信息内容\n本年处理决定数量\n行政处罚\n11\n行政强制\n"
    )
    report = parse(text)
    assert flatten(report)["active_disclosure.punishment.decisions"] == 11  # kept, and:
    named = {key for finding in report.validate() for key in finding.keys}
    assert "active_disclosure.punishment.decisions" in named


def test_html2text_rows_ending_in_a_pipe_have_an_empty_last_cell() -> None:
    # html2text: no edge pipes, every line ended by a Markdown hard break (two spaces); a
    # row whose last cell is empty ends in a pipe, one whose first is empty starts with one.
    text = (
        "示例镇2019年政府信息公开工作年度报告  \n二、主动公开政府信息情况  \n"
        + "第二十条第（一）项  \n---  \n"
        + "信息内容| 本年新制作数量| 本年新公开数量| 对外公开总数量  \n"
        + "规章| 0|  |    \n规范性文件| 0| 0| 0  \n"
        + "第二十条第（八）项  \n信息内容| 上一年项目数量| 本年增/减  \n行政事业性收费| 3|    \n"
    )
    flat = flatten(parse(text))
    regulations = ("new_made", "new_published", "total_published")
    assert [flat[f"active_disclosure.regulations.{c}"] for c in regulations] == [0, None, None]
    fees = [flat[f"active_disclosure.fees.{c}"] for c in ("previous_items", "change")]
    assert fees == [3, None]
    # A row whose first cell is empty starts with a space and a pipe (table 四).
    review = (
        "四、政府信息公开行政复议、行政诉讼情况  \n行政复议| 行政诉讼  \n---|---  \n"
        + "结果维持| 结果纠正| 其他结果| 尚未审结| 总计| 未经复议直接起诉| 复议后起诉  \n"
        + "结果维持| 结果纠正| 其他结果| 尚未审结| 总计| 结果维持| 结果纠正| 其他结果| "
        + "尚未审结| 总计  \n"
        + " | 1| 0| 0| 1| 0| 0| 0| 0| 0| 2| 0| 0| 0| 2  \n"
    )
    flat = flatten(parse(text + review))
    leaves = ("upheld", "corrected", "other", "pending", "total")
    reconsideration = [flat[f"review_litigation.reconsideration.{c}"] for c in leaves]
    assert reconsideration == [None, 1, 0, 0, 1]
    # From a page whose source is indented, cells keep a space each side: "| 1 | 0 |…".
    indented = review.replace("| ", " | ").replace("\n  | 1", "\n| 1")
    assert "\n| 1 | 0 | 0 | 1 | 0 |" in indented
    flat = flatten(parse(text + indented))
    assert [flat[f"review_litigation.reconsideration.{c}"] for c in leaves] == [None, 1, 0, 0, 1]


def test_a_header_glued_to_its_numbers_is_read_as_the_totals_confirm() -> None:
    # antiword glues table 四's header row to its numbers: "…|总计 | |1 |19 …". The empty
    # cell after the last header word is either a blank 结果维持 or the seam between the
    # rows; the groups' totals decide, and with nothing to decide the cells stay blank.
    header = "|结果维持 |结果纠正 |其他结果 |尚未审结 |总计 " * 3
    head = TITLE + "四、政府信息公开行政复议、行政诉讼情况\n|行政复议 |行政诉讼 |\n"
    seam = "| |1 |19 |21 |8 |49 |15 |2 |2 |21 |40 |24 |4 |28 |4 | |\n"
    flat = flatten(parse(head + header + seam))
    keys = [key for key in flat if key.startswith("review_litigation.")]
    assert [flat[key] for key in keys] == [1, 19, 21, 8, 49, 15, 2, 2, 21, 40, 24, 4, 28, 4, None]
    # The same cells with no total to confirm either reading: blank, and named.
    open_ = "| |1 |19 |21 |8 | |15 |2 |2 |21 | |24 |4 |28 |4 | |\n"
    assert_blank_and_named(parse(head + header + open_), keys)


def test_a_row_label_in_two_paragraphs_a_blank_line_apart_is_one_label() -> None:
    # lynx prints a label cell of two <p> as two lines a blank line apart, its numbers on the
    # line after: read apart, each row took the label pieces of the row below it.
    rows = (
        "   一、本年新收政府\n\n   信息公开申请数量\n   208 108 80 46 37 86 565\n\n"
        "   二、上年结转政府\n\n   信息公开申请数量\n   76 1 0 0 0 2 79\n\n"
    )
    flat = flatten(parse(TITLE + T3 + rows))
    assert [flat[f"applications.new_received.{c}"] for c in COLUMNS] == [
        208,
        108,
        80,
        46,
        37,
        86,
        565,
    ]
    assert [flat[f"applications.carried_over.{c}"] for c in COLUMNS] == [76, 1, 0, 0, 0, 2, 79]


def test_numbers_on_a_group_label_name_the_rows_beside_them() -> None:
    # Numbers bound one row off land on a group label (三、本年度办理结果 takes no numbers):
    # kept as an unplaced row, and the rows above and below it are named.
    rows = (
        "一、本年新收政府信息公开申请数量\n"
        "二、上年结转政府信息公开申请数量\t134\t88\t37\t139\t335\t96\t829\n"
        "三、本年度办理结果\t170\t276\t308\t147\t46\t197\t1144\n"
        "\t（一）予以公开\t27\t12\t24\t28\t13\t1\t105\n"
    )
    report = parse(TITLE + T3 + rows)
    beside = {k for f in report.validate() if f.code == "beside-stray-numbers" for k in f.keys}
    for row in ("carried_over", "outcomes.granted"):
        assert {f"applications.{row}.{c}" for c in COLUMNS} <= beside


def test_layout_rows_whose_labels_stand_whole_above_their_numbers_keep_their_labels() -> None:
    # Each label a line of its own above its numbers (lynx, or layout text with the label's
    # paragraphs first): the label under a row of numbers is the next row's, not this one's.
    rows = (
        "   （四）无法提供\n   1.本机关不掌握相关政府信息\n            3  0  0  0  0  1  4\n"
        "   2.没有现成信息需要另行制作\n            5  0  0  0  0  0  5\n"
        "   3.补正后申请内容仍不明确\n            1  0  0  0  0  0  1\n"
    )
    flat = flatten(parse(TITLE + T3 + rows))
    unable = "applications.outcomes.unable"
    assert [flat[f"{unable}.not_held.{c}"] for c in COLUMNS] == [3, 0, 0, 0, 0, 1, 4]
    assert [flat[f"{unable}.needs_creation.{c}"] for c in COLUMNS] == [5, 0, 0, 0, 0, 0, 5]


def test_a_row_label_in_three_paragraphs_and_numbers_with_units_is_one_row() -> None:
    # lynx: a label cell of three <p>, a blank line between each, then its numbers, a unit
    # after each (１６件): the numbers line still ends in a number.
    rows = (
        "   （四\n\n   ）无\n\n   法提供\n\n   1.本机\n\n   关不掌握相\n\n   关政府信息\n"
        "      /     １６件  /    １件   /    ０件   １７件\n\n"
        "   2.没有\n\n   现成信息需\n\n   要另行制作\n"
        "      １７件        /     /    /    ２３件  ２６件  ６６件\n\n"
    )
    flat = flatten(parse(TITLE + T3 + rows))
    unable = "applications.outcomes.unable"
    assert [flat[f"{unable}.not_held.{c}"] for c in COLUMNS] == [None, 16, None, 1, None, 0, 17]
    assert [flat[f"{unable}.needs_creation.{c}"] for c in COLUMNS] == [
        17,
        None,
        None,
        None,
        23,
        26,
        66,
    ]


def test_a_caption_broken_before_its_xiang_still_opens_its_item() -> None:
    # docx2python: a caption cell broken by <br> (第二十条第（八） / 项), repeated once per
    # column it spans, then the item's header with its merged cell repeated (本年增/减 twice)
    # and a row whose first value is blank: read under the item's own header, the repeat is
    # the merged cell, not a second value that pushes the blank out.
    caption = "第二十条第（八）\n项\n\n" * 2
    text = TITLE.replace("2021", "2019") + "\n" + "二、主动公开政府信息情况\n\n" + _paragraphs(
        "第二十条第（六）项", "信息内容", "上一年项目数量", "本年增/减", "处理决定数量",
        "行政处罚", "1", "0", "2", "行政强制", "0", "0", "1",
    ) + caption + _paragraphs("信息内容", "上一年项目数量", "本年增/减", "本年增/减") + (
        "行政事业性收费\n\n\n\n0\n\n0\n\n"
    )  # fmt: skip
    flat = flatten(parse(text))
    fees = [flat[f"active_disclosure.fees.{c}"] for c in ("previous_items", "change")]
    assert fees == [None, 0]


def test_a_label_cut_short_that_every_edition_starts_so_speaks_for_none() -> None:
    # 本年新 starts 2019's 本年新制作数量, but also 本年新收政府信息公开申请数量, which both
    # editions have: a converter that cut table 三's first label there says nothing of the
    # edition, and a 2023 report stays in the 2021 edition (taken from its year, and said).
    text = "示例镇2023年政府信息公开工作年度报告\n" + T3 + "一、本年新\t3\t0\t0\t0\t0\t0\t3\n"
    report = parse(text)
    assert report.edition is Edition.E2021
    assert "edition-guessed" in {finding.code for finding in report.validate()}


def test_a_short_row_whose_label_fills_more_cells_than_the_full_rows_is_not_placed() -> None:
    # inscriptis lays a group row's labels in two cells, its numbers one column along from the
    # plain rows': measured on the plain rows, a short group row would land a column off.
    plain = ["1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"]
    rows = "".join(label.ljust(20) + "  0" * 7 + "\n" for label in plain)
    short = "（六）其他处理  3.其他".ljust(25) + "  ".join("0" * 6) + "\n"
    report = parse(TITLE + T3 + "（四）无法提供\n" + rows + short)
    key = "applications.outcomes.other_handling.other"
    assert_blank_and_named(report, [f"{key}.{c}" for c in COLUMNS])
