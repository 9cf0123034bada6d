"""The statements the narrative check reads, and the words that make a figure not the cell's.

Data for check/narrative.py, kept apart so the catalogue reads as one list; docs/rules.md
lists the same statements with examples.
"""

from __future__ import annotations

import re

from attrs import frozen

from govinfo_report.model.editions import SECTIONS, Edition

_ANY = r"[^\d，,。；;：:]"  # words between a statement's trigger and its figure


@frozen
class Statement:
    """A kind of sentence: the words that end right before its figure (``lead``, searched
    at the end of the figure's clause), the units it counts in, and the cells whose sum it
    states, per edition (an edition without them has no such statement)."""

    name: str
    lead: re.Pattern[str]
    keys: dict[Edition, tuple[str, ...]]
    subjects: frozenset[str]  # the subject words (``SUBJECTS``) its lead may name
    units: str = "件"
    # The section where it is read without naming disclosure (公开, 信息) in its words:
    # elsewhere 收到…申请 or 行政复议 may be of another kind (行政许可申请, any review).
    own: str | None = None
    # Whether saying so anywhere earlier in the sentence will do (a strict lead, such as
    # 办结's, cannot be about something else): 2021年，共计收到依申请公开1件，办结1件.
    said_before: bool = False


def _lead(pattern: str, filler: bool = True) -> re.Pattern[str]:
    """Words that end right before a figure: ``pattern``, then (with ``filler``) up to 12
    other characters, or else the figure at once."""
    return re.compile(f"(?:{pattern}){_ANY}{{0,12}}$" if filler else f"(?:{pattern})$")


_BOTH = (Edition.E2019, Edition.E2021)


def _same(*keys: str) -> dict[Edition, tuple[str, ...]]:
    return dict.fromkeys(_BOTH, keys)


_APPLICATIONS = frozenset({"申请"})
_APPLICATIONS_SECTION = SECTIONS[2].title  # 收到和处理政府信息公开申请情况
_REVIEWS_SECTION = SECTIONS[3].title  # 政府信息公开行政复议、行政诉讼情况
DISCLOSURE = ("公开", "信息")
_DOCUMENTS = frozenset({"规范性文件"})

STATEMENTS: tuple[Statement, ...] = (
    Statement(
        "收到…申请…件",
        _lead(f"(?:收到|受理|接收|接到|新收){_ANY}{{0,20}}?申请"),
        _same("applications.new_received.total"),
        _APPLICATIONS,
        own=_APPLICATIONS_SECTION,
    ),
    Statement(
        "上年结转…件",
        _lead("上一?年度?结转(?:的)?(?:政府信息公开)?(?:申请)?(?:共|共计)?", filler=False),
        _same("applications.carried_over.total"),
        frozenset({"结转", "申请"}),
    ),
    Statement(
        "办结…件",
        _lead("办结(?:政府信息公开|信息公开|依申请公开)?(?:申请)?(?:共|共计)?", filler=False),
        _same("applications.outcomes.total.total"),
        frozenset({"办结", "申请"}),
        own=_APPLICATIONS_SECTION,
        said_before=True,
    ),
    Statement(
        "结转下年度…件",
        _lead(
            "结转(?:至|到)?下一?年度?(?:继续)?(?:办理)?(?:的)?(?:政府信息公开)?(?:申请)?"
            "(?:共|共计)?",
            filler=False,
        ),
        _same("applications.carried_forward.total"),
        frozenset({"结转", "申请"}),
    ),
    Statement(
        "行政复议…件",
        _lead("行政复议"),
        _same("review_litigation.reconsideration.total"),
        frozenset({"复议"}),
        units="件起宗",
        own=_REVIEWS_SECTION,
    ),
    Statement(
        "行政诉讼…件",
        _lead("行政诉讼"),
        _same(
            "review_litigation.litigation_direct.total",
            "review_litigation.litigation_after_reconsideration.total",
        ),
        frozenset({"诉讼"}),
        units="件起宗",
        own=_REVIEWS_SECTION,
    ),
    Statement(
        "主动公开…规范性文件…件",
        _lead(f"主动公开{_ANY}{{0,12}}?规范性文件"),
        {
            Edition.E2019: ("active_disclosure.normative_documents.new_published",),
            Edition.E2021: ("active_disclosure.normative_documents.issued",),
        },
        _DOCUMENTS,
    ),
    Statement(
        "制发…规范性文件…件",
        _lead(f"(?:制发|印发|制定|出台){_ANY}{{0,12}}?规范性文件"),
        {Edition.E2021: ("active_disclosure.normative_documents.issued",)},
        _DOCUMENTS,
    ),
    Statement(
        "现行有效…规范性文件…件",
        _lead(f"现行有效{_ANY}{{0,12}}?规范性文件"),
        {Edition.E2021: ("active_disclosure.normative_documents.in_force",)},
        _DOCUMENTS,
    ),
)

BY_NAME = {statement.name: statement for statement in STATEMENTS}

# Words that name a statement's subject: a lead naming one its statement does not allow
# (收到行政复议申请, 行政复议、行政诉讼案件, 办结上年结转申请) is about something else.
SUBJECTS = re.compile(r"申请|结转|办结|复议|诉讼|起诉|规章|规范性文件")

# What makes a figure about something other than the cell, in the words before it (its
# clause, from the figure before): a change, a share, part of the year, part of the total
# (a channel, a kind of applicant or of request), a running total, an earlier year.
NOT_THE_CELL = re.compile(
    r"同比|环比|增长|增加|减少|下降|上升|降低|提高|持平|[比较]|多了|少了|"
    r"%|％|百分|占|平均|均|"
    r"月|季度|半年|"
    r"网上|网络|在线|信函|邮寄|当面|现场|传真|邮件|电话|"
    r"自然人|法人|企业|机构|组织|"
    r"涉及|关于|有关|(?<!各)类|"
    r"先后|"
    r"上年(?!度?结转)|上一年(?!度?结转)|去年|前年|往年|"
    r"含|包括|包含|分别|约|近|超过|余|以上|以下|不足|"
    r"未|没有|无"
)
# Words anywhere in the sentence before the figure that make a running total of it (or a
# total up to a date).
RUNNING = re.compile(r"累计|历年|至今|截至|截止|(?<!\d年)(?<!\d年度)以来")
ROUGHLY = ("数", "几", "上", "近", "约")

# Clauses that say none came in, or none happened: a figure of 0, stated in words. Only
# these wordings, each the whole rest of its clause, so 未收到申请人补正材料 is not one.
_NO = "(?:未|没有)"
NONE_RECEIVED = re.compile(
    f"{_NO}(?:收到|受理|接到)过?(?:任何)?"
    "(?:(?:政府)?信息公开申请|公开申请|依申请公开(?:事项|申请)?)$"
)
NONE_CASES = re.compile(
    f"{_NO}(?:发生|出现|产生)过?(?:任何)?(?:因|由)?(?:政府信息公开)?(?:工作)?(?:而)?"
    "(?:引起|引发|产生)?的?"
    "(?P<what>行政复议(?:[、和及与或]行政诉讼)?|行政诉讼(?:[、和及与或]行政复议)?)"
    "(?:案件|情况|事项|案)?$"
)
