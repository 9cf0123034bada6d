"""Narrative sentences, written for these tests, and what ``validate()`` must make of them.

Each case is one paragraph placed in a section (一、总体情况 unless it says) of a report
whose tables hold the figures in ``TABLES`` (the same for both editions, save where a case
says). ``finding`` is the flat keys
the ``narrative-mismatch`` finding names, or ``None`` where the sentence must give none: it
either states what the table holds (a true match) or is not about the cell at all (another
year, a part, a change, a share, a running total), which must never be read.
"""

from __future__ import annotations

from attrs import frozen

# What the tables of the test report hold, for the cells the narrative speaks of.
TABLES: dict[str, int] = {
    "applications.new_received.total": 17,
    "applications.carried_over.total": 2,
    "applications.outcomes.total.total": 16,
    "applications.carried_forward.total": 3,
    "review_litigation.reconsideration.total": 3,
    "review_litigation.litigation_direct.total": 1,
    "review_litigation.litigation_after_reconsideration.total": 1,
    "active_disclosure.normative_documents.new_published": 4,  # 2019 edition
    "active_disclosure.normative_documents.issued": 4,  # 2021 edition
    "active_disclosure.normative_documents.in_force": 12,  # 2021 edition
}
YEAR = 2021  # the report's own year (a 2021-edition report; 2019-edition cases use 2020)

RECEIVED = ("applications.new_received.total",)
CARRIED_OVER = ("applications.carried_over.total",)
DONE = ("applications.outcomes.total.total",)
CARRIED_FORWARD = ("applications.carried_forward.total",)
REVIEW = ("review_litigation.reconsideration.total",)
LITIGATION = (
    "review_litigation.litigation_direct.total",
    "review_litigation.litigation_after_reconsideration.total",
)


@frozen
class Case:
    """One sentence; the keys of the finding it must give (``None``: no finding); the
    figure the text states, when it gives one; which editions it is tried in."""

    text: str
    finding: tuple[str, ...] | None
    stated: int | None = None
    editions: tuple[str, ...] = ("2019", "2021")
    why: str = ""
    section: int = 1  # the standard section it stands in: 3 收到和处理…申请, 4 行政复议、行政诉讼


# Sentences that state what the table holds: read, and no finding.
TRUE_MATCHES: tuple[Case, ...] = (
    Case("本年度共收到政府信息公开申请17件，均已按时答复。", None, why="the total, as held"),
    Case("全年受理政府信息公开申请十七件。", None, why="Chinese numerals count"),
    Case("我局收到依申请公开17件，办结16件。", None, why="two statements in one sentence"),
    Case("上年结转申请2件，结转下年度继续办理3件。", None, why="both carry-overs"),
    Case("本年发生政府信息公开行政复议案件3件。", None, why="reconsideration total"),
    Case("因政府信息公开被提起行政诉讼2件。", None, why="litigation: both groups summed"),
    Case("共收到政府信息公开申请19件（含上年结转2件）。", None, why="new + carried, stated so"),
    Case("受理政府信息公开申请19件。", None, why="new + carried: many reports count both"),
    Case(f"{YEAR}年，共计收到政府信息公开申请17件。", None, why="the report's own year"),
    Case(
        "本年度新收政府信息公开申请17件，上年结转2件，共19件；办结16件，结转下年度继续办理3件。",
        None,
        section=3,
        why="a whole account, each figure as held (共19件 is no statement)",
    ),
    Case("全年共受理依申请公开事项17件。", None, why="依申请公开 names disclosure"),
)

# Sentences whose figure differs from the cell: one finding naming the cell.
MISMATCHES: tuple[Case, ...] = (
    Case("本年度共收到政府信息公开申请18件。", RECEIVED, 18),
    Case("全年受理政府信息公开申请十六件，办结16件。", RECEIVED, 16, why="十六 read as 16"),
    Case("本年度新收政府信息公开申请二十三件。", RECEIVED, 23),
    Case("上年结转政府信息公开申请5件。", CARRIED_OVER, 5),
    Case("全年办结政府信息公开申请15件。", DONE, 15),
    Case("已办结十五件。", DONE, 15, section=3, why="in section 三 no 公开 need be said"),
    Case(f"{YEAR}年，共计收到依申请公开17件，办结15件。", DONE, 15, why="公开 said before"),
    Case("结转下年度继续办理1件。", CARRIED_FORWARD, 1),
    Case("发生政府信息公开行政复议案件4件。", REVIEW, 4),
    Case("本年度发生政府信息公开行政复议2起。", REVIEW, 2, why="起 counts cases"),
    Case("发生政府信息公开行政诉讼案件3件。", LITIGATION, 3),
    Case("行政复议3件、行政诉讼5件。", LITIGATION, 5, section=4, why="each its own figure"),
    Case(
        "本年度主动公开规范性文件6件。",
        ("active_disclosure.normative_documents.new_published",),
        6,
        editions=("2019",),
    ),
    Case(
        "本年度主动公开行政规范性文件6件。",
        ("active_disclosure.normative_documents.issued",),
        6,
        editions=("2021",),
    ),
    Case(
        "本年制发行政规范性文件6件。",
        ("active_disclosure.normative_documents.issued",),
        6,
        editions=("2021",),
    ),
    Case(
        "现行有效行政规范性文件11件。",
        ("active_disclosure.normative_documents.in_force",),
        11,
        editions=("2021",),
    ),
    Case("收到信息公开申请30件，其中自然人申请28件。", RECEIVED, 30, why="before 其中"),
    Case("本年度共收到申请１８件。", RECEIVED, 18, section=3, why="full-width digits"),
    Case("本年度未收到政府信息公开申请。", RECEIVED, 0, why="none came in: 0 in words"),
    Case("我局全年未发生政府信息公开行政复议案件。", REVIEW, 0, why="none happened"),
)

# Sentences whose figure is not the cell's: never read, whatever the figure.
NOT_MATCHED: tuple[Case, ...] = (
    Case("2020年共收到政府信息公开申请12件。", None, why="another year"),
    Case("与2019年相比，收到政府信息公开申请8件。", None, why="another year, earlier clause"),
    Case("去年收到政府信息公开申请9件。", None, why="last year"),
    Case("收到申请17件，其中自然人申请28件，办结5件。", None, why="parts after 其中"),
    Case("其中通过网上平台收到申请10件。", None, why="a part by channel"),
    Case("收到法人或其他组织申请5件。", None, why="a part by applicant"),
    Case("收到涉及征地拆迁的申请6件。", None, why="a part by subject"),
    Case("收到申请数同比增长3件。", None, why="a change"),
    Case("收到申请较上年增加3件。", None, why="a change against last year"),
    Case("收到申请比上年减少五件。", None, why="a change, in words"),
    Case("条例施行以来，累计收到政府信息公开申请120件。", None, why="a running total"),
    Case("自条例施行以来，共收到申请80件。", None, why="a running total without 累计"),
    Case("截至12月底，收到申请9件。", None, why="a part of the year"),
    Case("1至6月收到申请6件。", None, why="months"),
    Case("收到申请的85%即14件予以公开。", None, why="a share"),
    Case("收到行政复议申请1件。", None, why="two subjects: an application for review"),
    Case("发生政府信息公开行政复议、行政诉讼案件6件。", None, why="two cells in one figure"),
    Case("办结上年结转申请1件。", None, why="the outcome of the carried-over ones"),
    Case("受理政府信息公开申请数十件。", None, why="a rough figure"),
    Case("收到政府信息公开申请约20件。", None, why="an approximate figure"),
    Case("确保有件必录、一件不缺。", None, why="一件 is not a figure here"),
    Case("未经复议直接起诉的行政诉讼4件。", None, section=4, why="one group only"),
    Case("已办结十五件。", None, why="outside section 三, 办结 of anything"),
    Case("办结人大代表建议12件。", None, section=3, why="办结 of something else"),
    Case("本年度受理行政许可申请1200件。", None, why="another kind of application"),
    Case("全年办理行政复议案件120件。", None, why="any review, outside section 四"),
    Case("未发生行政复议和行政诉讼。", None, why="any review or suit, outside section 四"),
    Case("共答复政府信息公开申请99件。", None, why="答复 is no statement"),
    Case("因政府信息公开申请引起的行政复议9件。", None, why="申请 and 复议: two subjects"),
    Case("收到申请1,200件。", None, section=3, why="a thousands separator cuts the figure"),
    Case(
        f"共收到政府信息公开申请19件（含{YEAR - 1}年结转2件），办结9件。",
        None,
        why="19 = new + carried; after another year is named, 办结 is not read",
    ),
    Case("主动公开政府信息151条。", None, why="条, not a cell"),
    Case("本年度收到信访件20件。", None, why="not an application"),
    Case("申请人逾期未收到补正通知。", None, why="未收到, but not of applications"),
    Case("未收到申请人补正材料。", None, why="申请人, not 申请"),
    Case("2020年未收到政府信息公开申请。", None, why="none, but in another year"),
    Case("截至目前未收到政府信息公开申请。", None, why="none up to a date"),
    Case("未发生行政复议、行政诉讼及信访事件。", None, why="none of a wider kind"),
)

CASES: tuple[Case, ...] = TRUE_MATCHES + MISMATCHES + NOT_MATCHED
