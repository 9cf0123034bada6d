"""The template editions as data: labels, their order, the keys they map to, the classes
that hold their cells, and the years they apply to.

The writer reads these to lay tables out, the binder reads them to recognise rows and
columns, ``flatten`` reads them for the key order and the rules for their equations and
messages. A new edition or a regional variant is a new definition here, not a new branch in
code. Labels are the official ones, with full-width brackets as the template prints them;
``aliases`` are wordings seen in real reports.
"""

from __future__ import annotations

import enum
from typing import Literal

from attrs import frozen

from govinfo_report.model.tables import (
    ActiveDisclosure2019,
    ActiveDisclosure2021,
    ApplicantCounts,
    OtherHandling2021,
)


class Edition(enum.Enum):
    """The template edition a report follows (国办公开办函〔2019〕60号 or 〔2021〕30号)."""

    E2019 = "2019"
    E2021 = "2021"


StandardTable = Literal["active_disclosure", "applications", "review_litigation"]
STANDARD_TABLES: tuple[StandardTable, ...] = (
    "active_disclosure",
    "applications",
    "review_litigation",
)


def join_key(*parts: str) -> str:
    """The flat key of a cell or a row: its path segments joined by dots. The one place
    the key format is written down; ``split_key`` reads it back."""
    return ".".join(parts)


def parent_key(key: str) -> str:
    """The key one level up: a cell's row (``applications.outcomes.granted``), a row's
    group or table; ``""`` above a table."""
    return key.rpartition(".")[0]


def is_under(key: str, prefix: str) -> bool:
    """Whether ``key`` lies inside the row, group or table ``prefix``."""
    return key.startswith(prefix + ".")


def split_key(key: str) -> tuple[str, str, str]:
    """A cell key as (table, row path, column): ``applications.outcomes.granted.total`` →
    ``("applications", "outcomes.granted", "total")``."""
    table, _, rest = key.partition(".")
    row, _, column = rest.rpartition(".")
    return table, row, column


@frozen(cache_hash=True)  # part of keys of the reader's caches: hashed once, not per lookup
class Column:
    """A value column: its key segment and its official header label."""

    key: str
    label: str
    aliases: tuple[str, ...] = ()
    amount: bool = False  # an amount (Decimal) rather than a count (int)
    unit: str = ""  # the unit the column's header states, e.g. 万元


@frozen
class Row:
    """A data row: its key path inside the table and the labels in front of its values.

    ``part`` and ``group`` are the merged label cells above it (``三、本年度办理结果``,
    ``（三）不予公开``); they carry no numbers of their own.
    """

    key: str
    label: str
    group: str = ""
    part: str = ""
    aliases: tuple[str, ...] = ()


@frozen(cache_hash=True)  # a key of the binder's caches: hashed once, not per lookup
class Item:
    """One small table of table 二: caption row, header row, data rows."""

    caption: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]


@frozen
class SectionDef:
    """A standard section: its key, official title, and keywords that recognise variants."""

    key: str
    title: str
    keywords: tuple[tuple[str, ...], ...]


@frozen
class Continuity:
    """A stock that carries on from year to year: last year's ``stock`` + this year's
    ``added`` − ``removed`` = this year's ``stock`` (column keys of one table-二 row)."""

    row: str
    stock: str
    added: str
    removed: str


@frozen
class EditionSpec:
    """Everything that differs between editions: the tables' labels and keys, the classes
    that hold the cells, and the report years the edition is meant for."""

    edition: Edition
    items: tuple[Item, ...]
    application_rows: tuple[Row, ...]
    disclosure_class: type[ActiveDisclosure2019 | ActiveDisclosure2021]
    other_handling_class: type[ApplicantCounts | OtherHandling2021]
    first_year: int  # the first report year the edition applies to
    continuity: tuple[Continuity, ...] = ()

    def flat_keys(self) -> tuple[str, ...]:
        """Every flat key of this edition, in template order."""
        keys = [
            join_key("active_disclosure", row.key, column.key)
            for item in self.items
            for row in item.rows
            for column in item.columns
        ]
        keys += [
            join_key("applications", row.key, column.key)
            for row in self.application_rows
            for column in APPLICATION_COLUMNS
        ]
        keys += [
            join_key("review_litigation", group.key, leaf.key)
            for group in REVIEW_GROUPS
            for leaf in REVIEW_LEAVES
        ]
        return tuple(keys)


# --- Shared by both editions ---------------------------------------------------------------

DISCLOSURE_HEADER = "信息内容"

APPLICATION_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
APPLICANTS = "申请人情况"
LEGAL_PERSONS = "法人或其他组织"
APPLICATION_COLUMNS: tuple[Column, ...] = (
    Column("natural_person", "自然人"),
    Column("commercial_enterprise", "商业企业"),
    Column("research_institution", "科研机构"),
    Column("social_welfare_org", "社会公益组织", aliases=("社会组织",)),
    Column("legal_service_org", "法律服务机构"),
    Column("other_org", "其他"),
    Column("total", "总计"),
)
OUTCOMES_PART = "三、本年度办理结果"

LITIGATION = "行政诉讼"
REVIEW_GROUPS: tuple[Column, ...] = (
    Column("reconsideration", "行政复议"),
    Column("litigation_direct", "未经复议直接起诉", aliases=("未经复议直接起诉的行政诉讼",)),
    Column("litigation_after_reconsideration", "复议后起诉", aliases=("复议后起诉的行政诉讼",)),
)
REVIEW_LEAVES: tuple[Column, ...] = (
    Column("upheld", "结果维持"),
    Column("corrected", "结果纠正"),
    Column("other", "其他结果"),
    Column("pending", "尚未审结"),
    Column("total", "总计"),
)

SECTIONS: tuple[SectionDef, ...] = (
    SectionDef("overview", "总体情况", (("总体情况",),)),
    SectionDef("active_disclosure", "主动公开政府信息情况", (("主动公开",),)),
    SectionDef(
        "applications",
        "收到和处理政府信息公开申请情况",
        (("收到", "申请"), ("处理", "申请"), ("依申请",)),
    ),
    SectionDef("review_litigation", "政府信息公开行政复议、行政诉讼情况", (("复议",), ("诉讼",))),
    SectionDef("problems", "存在的主要问题及改进情况", (("问题",), ("改进",))),
    SectionDef("other", "其他需要报告的事项", (("其他需要报告",), ("其他",))),
)


def _denied() -> tuple[Row, ...]:
    group, part = "（三）不予公开", OUTCOMES_PART
    return (
        Row("outcomes.denied.state_secret", "1.属于国家秘密", group, part),
        Row(
            "outcomes.denied.prohibited_by_law",
            "2.其他法律行政法规禁止公开",
            group,
            part,
            aliases=("2.其他法律法规禁止公开",),
        ),
        Row("outcomes.denied.security_stability", "3.危及“三安全一稳定”", group, part),
        Row("outcomes.denied.third_party_rights", "4.保护第三方合法权益", group, part),
        Row("outcomes.denied.internal_affairs", "5.属于三类内部事务信息", group, part),
        Row("outcomes.denied.process_information", "6.属于四类过程性信息", group, part),
        Row("outcomes.denied.enforcement_files", "7.属于行政执法案卷", group, part),
        Row("outcomes.denied.administrative_query", "8.属于行政查询事项", group, part),
    )


def _unable_and_not_processed() -> tuple[Row, ...]:
    unable, not_processed, part = "（四）无法提供", "（五）不予处理", OUTCOMES_PART
    return (
        Row("outcomes.unable.not_held", "1.本机关不掌握相关政府信息", unable, part),
        Row("outcomes.unable.needs_creation", "2.没有现成信息需要另行制作", unable, part),
        Row("outcomes.unable.unclear_after_correction", "3.补正后申请内容仍不明确", unable, part),
        Row("outcomes.not_processed.complaint", "1.信访举报投诉类申请", not_processed, part),
        Row("outcomes.not_processed.duplicate", "2.重复申请", not_processed, part),
        Row("outcomes.not_processed.publication", "3.要求提供公开出版物", not_processed, part),
        Row("outcomes.not_processed.excessive", "4.无正当理由大量反复申请", not_processed, part),
        Row(
            "outcomes.not_processed.confirmation",
            "5.要求行政机关确认或重新出具已获取信息",
            not_processed,
            part,
        ),
    )


def _application_rows(other_handling: tuple[Row, ...]) -> tuple[Row, ...]:
    part = OUTCOMES_PART
    return (
        Row("new_received", "一、本年新收政府信息公开申请数量"),
        Row("carried_over", "二、上年结转政府信息公开申请数量"),
        Row("outcomes.granted", "（一）予以公开", part=part),
        Row(
            "outcomes.partially_granted",
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
            part=part,
        ),
        *_denied(),
        *_unable_and_not_processed(),
        *other_handling,
        Row("outcomes.total", "（七）总计", part=part, aliases=("七、总计",)),
        Row(
            "carried_forward",
            "四、结转下年度继续办理",
            aliases=("四、结转下一年度继续办理",),
        ),
    )


OTHER_HANDLING = "（六）其他处理"

EDITION_2019 = EditionSpec(
    edition=Edition.E2019,
    disclosure_class=ActiveDisclosure2019,
    other_handling_class=ApplicantCounts,
    first_year=2019,
    items=(
        Item(
            "第二十条第（一）项",
            (
                Column("new_made", "本年新制作数量"),
                Column("new_published", "本年新公开数量"),
                Column("total_published", "对外公开总数量"),
            ),
            (Row("regulations", "规章"), Row("normative_documents", "规范性文件")),
        ),
        Item(
            "第二十条第（五）项",
            (
                Column("previous_items", "上一年项目数量"),
                Column("change", "本年增/减"),
                Column("decisions", "处理决定数量"),
            ),
            (Row("licensing", "行政许可"), Row("other_services", "其他对外管理服务事项")),
        ),
        Item(
            "第二十条第（六）项",
            (
                Column("previous_items", "上一年项目数量"),
                Column("change", "本年增/减"),
                Column("decisions", "处理决定数量"),
            ),
            (Row("punishment", "行政处罚"), Row("coercion", "行政强制")),
        ),
        Item(
            "第二十条第（八）项",
            (Column("previous_items", "上一年项目数量"), Column("change", "本年增/减")),
            (Row("fees", "行政事业性收费"),),
        ),
        Item(
            "第二十条第（九）项",
            (Column("projects", "采购项目数量"), Column("amount", "采购总金额", amount=True)),
            (Row("procurement", "政府集中采购"),),
        ),
    ),
    application_rows=_application_rows(
        (Row("outcomes.other_handling", OTHER_HANDLING, part=OUTCOMES_PART),)
    ),
)

EDITION_2021 = EditionSpec(
    edition=Edition.E2021,
    disclosure_class=ActiveDisclosure2021,
    other_handling_class=OtherHandling2021,
    first_year=2021,
    continuity=(
        Continuity("regulations", "in_force", "issued", "repealed"),
        Continuity("normative_documents", "in_force", "issued", "repealed"),
    ),
    items=(
        Item(
            "第二十条第（一）项",
            (
                Column("issued", "本年制发件数"),
                Column("repealed", "本年废止件数"),
                Column("in_force", "现行有效件数"),
            ),
            (
                Row("regulations", "规章"),
                Row("normative_documents", "行政规范性文件", aliases=("规范性文件",)),
            ),
        ),
        Item(
            "第二十条第（五）项",
            (Column("decisions", "本年处理决定数量"),),
            (Row("licensing", "行政许可"),),
        ),
        Item(
            "第二十条第（六）项",
            (Column("decisions", "本年处理决定数量"),),
            (Row("punishment", "行政处罚"), Row("coercion", "行政强制")),
        ),
        Item(
            "第二十条第（八）项",
            (Column("amount", "本年收费金额（单位：万元）", amount=True, unit="万元"),),
            (Row("fees", "行政事业性收费"),),
        ),
    ),
    application_rows=_application_rows(
        (
            Row(
                "outcomes.other_handling.no_correction",
                "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                OTHER_HANDLING,
                OUTCOMES_PART,
            ),
            Row(
                "outcomes.other_handling.unpaid_fee",
                "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                OTHER_HANDLING,
                OUTCOMES_PART,
            ),
            Row("outcomes.other_handling.other", "3.其他", OTHER_HANDLING, OUTCOMES_PART),
        )
    ),
)

EDITIONS: dict[Edition, EditionSpec] = {spec.edition: spec for spec in (EDITION_2019, EDITION_2021)}


def edition_for_year(year: int | None) -> Edition:
    """The edition meant for reports of ``year``: the latest one that had come into force;
    the newest edition when the year is unknown."""
    ordered = sorted(EDITIONS.values(), key=lambda spec: spec.first_year)
    if year is None:
        return ordered[-1].edition
    fitting = [spec for spec in ordered if spec.first_year <= year] or ordered[:1]
    return fitting[-1].edition
