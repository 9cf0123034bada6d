"""Text against tables: figures the narrative states for cells the tables also hold.

A report often says in words what its tables say in numbers (本年度共收到政府信息公开申请17件).
Where the two differ, one of them is wrong, and the office must find out which: a warning
naming the cell, the sentence's line and both figures.

Precision first — a false alarm costs the office's trust. A figure is read only when the words
right before it, in its own clause, name exactly one of the statements below, and nothing around
it says the figure is about something else: another year, a part of the total (其中, a channel,
a kind of applicant), a change (同比增长3件), a share, a span of months, or a running total. Any
doubt leaves the sentence unread. docs/rules.md lists every statement with an example.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator

from attrs import frozen

from govinfo_report.check.statements import (
    BY_NAME,
    DISCLOSURE,
    NONE_CASES,
    NONE_RECEIVED,
    NOT_THE_CELL,
    ROUGHLY,
    RUNNING,
    STATEMENTS,
    SUBJECTS,
    Statement,
)
from govinfo_report.model import Finding, Paragraph, Report, Value
from govinfo_report.model.editions import Edition
from govinfo_report.model.names import describe
from govinfo_report.model.numerals import chinese_count

CODE = "narrative-mismatch"

_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_DIGITS = re.compile(r"\d")
_THIS_YEAR = ("本年", "今年", "全年")  # 本年度 too

_NUMERAL = "零〇一二两三四五六七八九十百千"
_FIGURE = re.compile(f"(\\d+|[{_NUMERAL}]+)\\s*([件起宗])(?!次)")
_STOP = re.compile("[。；;！？!?]")  # what ends a sentence
_MARK = re.compile("[，,：:]")  # what ends a clause
_UNITS = "件起宗"
_WIDE_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_WIDE = re.compile("[０-９]")
# Where a statement may stand: a figure's unit with a trigger word in the 60 characters
# before it, or 未/没有 before a verb of the wordings that state a 0. Found by literal
# searches (str.find, a regex with a literal start), many times faster than a regex that
# starts with a set of characters: validate() reads the whole narrative of every report.
_TRIGGER = re.compile("收到|受理|接收|接到|新收|结转|办结|复议|诉讼|规范性文件")
_FIGURE_END = frozenset("0123456789０１２３４５６７８９" + _NUMERAL)
_NONE_WORDS = (
    "(?:(?:收到|受理|接到)[^。；;，,]{0,16}?申请|(?:发生|出现|产生)[^。；;，,]{0,20}?(?:复议|诉讼))"
)
_NONE_STARTS = (("未", re.compile("未" + _NONE_WORDS)), ("没有", re.compile("没有" + _NONE_WORDS)))


def _candidates(text: str) -> list[int]:
    """The positions in ``text`` where a statement may stand, in order."""
    found = []
    for unit in _UNITS:
        at = text.find(unit)
        while at != -1:
            end = at - 1
            while end > 0 and text[end] == " ":
                end -= 1
            if (
                end >= 0
                and text[end] in _FIGURE_END
                and _TRIGGER.search(text, max(0, at - 60), at) is not None
            ):
                found.append(at)
            at = text.find(unit, at + 1)
    for word, pattern in _NONE_STARTS:
        if word in text:
            found += [match.start() for match in pattern.finditer(text)]
    return sorted(found)


@frozen
class Stated:
    """A figure a sentence states for a statement's cells."""

    statement: Statement
    figure: int
    words: str  # the clause, up to and with the figure


def _figures(
    text: str, year: int | None, places: list[int] | None = None, section: str = ""
) -> Iterator[Stated]:
    """Every figure in one paragraph (standing in ``section``, a title) that a statement
    reads for certain. Only the clauses holding one of ``places`` (``_candidates``, found
    when not given) are read, each from the words before it in its sentence."""
    if _WIDE.search(text) is not None:
        text = text.translate(_WIDE_DIGITS)
    places = _candidates(text) if places is None else places
    stops = [-1, *(m.start() for m in _STOP.finditer(text)), len(text)]
    marks = [-1, *(m.start() for m in _MARK.finditer(text)), len(text)]
    done: set[int] = set()
    for place in places:
        begin, end = _bounds(stops, place, -1, len(text))
        if "其中" in text[begin:place]:
            continue  # after 其中 the sentence speaks of parts of the total
        first, last = _bounds(marks, place, begin - 1, end)
        head = text[first:last].partition("其中")[0]
        before = text[begin:first]  # the sentence before the clause
        if text[place] not in _UNITS:
            if first not in done:  # 未/没有: the clause says none, once for the clause
                done.add(first)
                yield from _none(head, year, _year_of(before, year, True), before, section)
            continue
        start = 0
        for figure in _FIGURE.finditer(head):
            if figure.start(2) == place - first:
                lead, words = head[start : figure.start()], before + head[: figure.start()]
                stated = _read(lead, figure, _year_of(words, year, True), words, section)
                if stated is not None:
                    yield stated
                break
            start = figure.end()


def _bounds(ends: list[int], place: int, low: int, high: int) -> tuple[int, int]:
    """The span around ``place`` between two of the sorted mark positions ``ends`` (which
    begin with -1 and end with the text's length), kept within ``low`` and ``high``."""
    at = bisect.bisect_left(ends, place)
    return max(ends[at - 1], low) + 1, min(ends[at], high)


def _none(
    clause: str, year: int | None, current: bool, before: str, section: str
) -> Iterator[Stated]:
    """A clause saying no application came in, or no review or suit happened: 0 for each
    statement it names, under the same conditions as a figure."""
    found = NONE_RECEIVED.search(clause) or NONE_CASES.search(clause)
    if found is None:
        return
    prefix = clause[: found.start()]
    if (
        len(prefix.strip()) > 12
        or _DIGITS.search(_YEAR.sub("", prefix)) is not None
        or not _year_of(prefix, year, current)
        or RUNNING.search(before + prefix) is not None
        or NOT_THE_CELL.search(prefix) is not None
    ):
        return
    words = clause.strip()
    if found.re is NONE_RECEIVED:
        named = [BY_NAME["收到…申请…件"]]
    else:
        subjects = ("行政复议", "行政诉讼")
        named = [BY_NAME[f"{word}…件"] for word in subjects if word in found.group("what")]
    for statement in named:
        if _in_place(statement, words, section):
            yield Stated(statement, 0, words)


def _year_of(words: str, year: int | None, current: bool) -> bool:
    """Whether, after ``words``, the sentence still speaks of the report's year."""
    if "年" not in words:
        return current
    at, result = -1, current
    for mention in _YEAR.finditer(words):
        at, result = mention.start(), int(mention.group(1)) == year
    if max(words.rfind(word) for word in _THIS_YEAR) > at:
        return True  # 本年, 今年, 全年 after any year named
    return result


def _read(
    lead: str, figure: re.Match[str], current: bool, before: str, section: str
) -> Stated | None:
    if not current or RUNNING.search(before) or NOT_THE_CELL.search(lead):
        return None
    if figure.group(1)[0] in _NUMERAL and lead.endswith(ROUGHLY):
        return None  # 数十件, 上百件: not a count
    matched = [
        s for s in STATEMENTS if figure.group(2) in s.units and s.lead.search(lead) is not None
    ]
    if len(matched) != 1:
        return None
    statement = matched[0]
    if not _in_place(statement, before if statement.said_before else lead, section):
        return None
    named = {"诉讼" if word == "起诉" else word for word in SUBJECTS.findall(lead)}
    if not named <= statement.subjects:
        return None
    value = chinese_count(figure.group(1))
    if value is None:
        return None
    return Stated(statement, value, lead.lstrip("、 ") + figure.group())


def _in_place(statement: Statement, words: str, section: str) -> bool:
    """Whether a statement is about disclosure: in its own section, or saying so."""
    if statement.own is None or statement.own == section:
        return True
    return any(word in words for word in DISCLOSURE)


def _table_sum(values: list[Value]) -> int | None:
    if any(value is None for value in values):
        return None
    return sum(values)  # type: ignore[arg-type]


def narrative(report: Report, flat: dict[str, Value]) -> Iterator[Finding]:
    """A ``narrative-mismatch`` warning for each figure the text states for a cell (or a
    sum of cells) that the tables hold otherwise."""
    paragraphs, sections = _paragraphs(report)
    places = _candidates("\n".join(paragraphs))
    if not places:
        return  # most reports: a few literal searches over the whole text, and done
    # Where each paragraph ends in the joined text (its newline included), all at C speed.
    ends = list(itertools.accumulate(map((1).__add__, map(len, paragraphs))))
    by_paragraph: dict[int, list[int]] = {}
    for place in places:
        at = bisect.bisect_right(ends, place)
        by_paragraph.setdefault(at, []).append(place - (ends[at - 1] if at else 0))
    source = report.source
    for at, inside in by_paragraph.items():
        paragraph = paragraphs[at]
        for stated in _figures(paragraph, report.year, inside, sections[at]):
            keys = stated.statement.keys.get(report.edition)
            if not keys or not all(key in flat for key in keys):
                continue
            held = _table_sum([flat[key] for key in keys])
            if held is None or held == stated.figure:
                continue
            if keys == ("applications.new_received.total",) and _counts_carried(flat, stated):
                continue
            yield Finding(
                CODE,
                "warning",
                _message(report.edition, keys, stated, held),
                keys,
                source.line_of_paragraph(paragraph),
            )


def _counts_carried(flat: dict[str, Value], stated: Stated) -> bool:
    """Whether a 收到/受理 figure is 本年新收 + 上年结转: many reports count both."""
    carried = flat.get("applications.carried_over.total")
    new = flat.get("applications.new_received.total")
    return (
        bool(carried) and new is not None and carried is not None and new + carried == stated.figure
    )


def _message(edition: Edition, keys: tuple[str, ...], stated: Stated, held: int) -> str:
    """Both figures, the words, and the cells by their full labels: a narrative finding has
    no row of its own, so the cell is named from its table down."""
    cells = " + ".join(describe(key, edition) for key in keys)
    verb = "add up to" if len(keys) > 1 else "is"
    return f"the text says {stated.figure} (“{stated.words}”), but {cells} {verb} {held}"


def _paragraphs(report: Report) -> tuple[list[str], list[str]]:
    """The narrative's lines in order, and the title of the section each stands in."""
    texts = [block.text for block in report.intro if type(block) is Paragraph]
    titles = [""] * len(texts)
    for section in report.sections:
        found = [block.text for block in section.body if type(block) is Paragraph]
        texts += found
        titles += [section.title] * len(found)
    return texts, titles
