"""What the lines of a report look like: section headings, the title, sentences.

The reader classifies lines with these, and the model refuses a ``Report`` whose text would
read back as something else (a paragraph that reads as a heading, a title that does not read
as one), so each fact lives here once.
"""

from __future__ import annotations

import functools
import re

from govinfo_report.model.editions import EDITIONS, SECTIONS
from govinfo_report.model.labels import label_key
from govinfo_report.model.numerals import from_chinese

# The full stop: a line holding one is a sentence, never a heading, a title or a table row
# (the 勾稽关系 note aside).
FULL_STOP = "。"
# Punctuation that ends a sentence or a clause: a line ending so is narrative.
SENTENCE_END = (FULL_STOP, "；", ";", "，", "！", "？", "：")
# What ends a sentence proper: a heading or a title never ends so.
FULL_STOPS = (FULL_STOP, "；", ";")

# Runs of spaces of any kind (ideographic ones too): what separates a space row's cells.
SPACES = re.compile(r"[\s\u3000]+")
_HEADING = re.compile(r"([一二三四五六七八九十]{1,3})\s*[、.．]\s*(\S.*)")
_MARKUP = "#*_ \t\u3000"  # Markdown heading marks and emphasis around a heading or title
MAX_HEADING = 40

# Table-三 rows without a part label (一、本年新收… 四、结转…) and the part label itself look
# like section headings once a table loses its separators.
_ROW_HEADINGS = frozenset(
    label_key(text)
    for spec in EDITIONS.values()
    for row in spec.application_rows
    for text in (row.part, *((row.label, *row.aliases) if not row.part else ()))
    if text
)


# A scraper's field label in front of the title (标题: …).
_FIELD = re.compile(r"^(?:标题|题目|文章标题)\s*[:：]\s*")


def unmark(line: str) -> str:
    """A line without Markdown heading marks or emphasis around it (``## **一、总体情况**``),
    or a scraper's field label in front of it (``标题: …``)."""
    return _FIELD.sub("", line.strip().lstrip("#").strip(_MARKUP))


@functools.lru_cache(maxsize=4096)
def heading_parts(line: str) -> tuple[int, str] | None:
    """``一、总体情况`` → ``(1, "总体情况")``; ``None`` for anything that is not a heading.
    Cached: the lexer asks it of a line more than once."""
    stripped = unmark(line)
    match = _HEADING.fullmatch(stripped)
    if match is None or len(stripped) > MAX_HEADING or stripped.endswith(FULL_STOPS):
        return None
    number = from_chinese(match.group(1))
    title = match.group(2).strip()
    key = label_key(title)
    if number is None or any(label.startswith(key) for label in _ROW_HEADINGS):
        return None  # a table-三 row label (or the start of one, wrapped), not a section
    return number, title


# A line longer than this may be a page a scraper flattened: the reader looks inside it for
# section headings and table rows.
LONG_LINE = 300
# A standard section heading standing inside a long line (a page flattened by a scraper):
# after the start, a space, a sentence's end or a number (cells glued to it), so a sentence
# that names a section is not cut.
INLINE_HEADING = re.compile(
    r"(?:^|(?<=[\s。；！？\d]))[一二三四五六七八九十]{1,2}、(?:"
    + "|".join(re.escape(definition.title) for definition in SECTIONS)
    + ")"
)


# --- The title ---------------------------------------------------------------------------------

_SUBJECT = "(?:政府信息公开|政务公开)"
TITLE = re.compile(_SUBJECT + ".*报告")
NAMED_TITLE = re.compile(r"《([^《》]*" + _SUBJECT + r"[^《》]*报告)》")
TITLE_TOKEN = re.compile(".{0,40}" + _SUBJECT + ".{0,12}报告")  # a title among other words
YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
# A line that ends with the year (示例县青溪镇2022年): the head of a title broken in two.
ENDS_WITH_YEAR = re.compile(r"(?:19|20)\d{2}\s*年度?$")
MAX_TITLE = 80
# Web-page furniture that can name the report without being its title.
CHROME = re.compile(
    r"^(当前位置|您的位置|您现在的位置|位置|来源|发布时间|时间|字体|浏览|索引号|发布机构)|>|》\s*$"
)


@functools.lru_cache(maxsize=4096)
def is_title(text: str) -> bool:
    """Whether a line on its own reads as the report's title (a table row never does).
    Cached: the binder and the report's own checks ask it of the same lines."""
    text = unmark(text)
    return (
        len(text) <= MAX_TITLE
        and "|" not in text
        and "\t" not in text
        and not text.endswith(SENTENCE_END[:4])
        and "《" not in text
        and CHROME.search(text) is None
        and TITLE.search(text) is not None
    )


def title_metadata(title: str) -> tuple[str | None, int | None]:
    """The organ and the year a title names: ``富阳区渌渚镇2021年…`` → (富阳区渌渚镇, 2021)."""
    match = YEAR.search(title)
    if match is not None:
        return title[: match.start()].strip() or None, int(match.group(1))
    head = TITLE.search(title)
    return (title[: head.start()].strip() or None) if head else None, None
