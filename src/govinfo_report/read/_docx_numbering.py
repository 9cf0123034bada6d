"""Word's automatic numbering, written out: a heading numbered by a list definition
(``一、`` from ``chineseCounting`` and ``%1、``) is only ``总体情况`` in the text runs, and the
reader needs the number to see a section heading.

Counters run per list (``numId``) and level; a higher level restarts the deeper ones. Formats
outside the table below fall back to decimal digits; bullets write nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree

from govinfo_report.model.numerals import to_chinese

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_LEVEL = re.compile(r"%([1-9])")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


def _chinese(n: int) -> str:
    return to_chinese(n) if 1 <= n <= 99 else str(n)


def _letter(n: int) -> str:
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else str(n)


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = ""
    for value, mark in zip(
        (1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1),
        ("m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"),
        strict=True,
    ):
        count, n = divmod(n, value)
        out += mark * count
    return out


FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: str(n).translate(
        str.maketrans("0123456789", "０１２３４５６７８９")
    ),
    "chineseCounting": _chinese,
    "chineseCountingThousand": _chinese,
    "ideographDigital": _chinese,
    "taiwaneseCounting": _chinese,
    "japaneseCounting": _chinese,
    "ideographTraditional": lambda n: _TIANGAN[n - 1] if 1 <= n <= 10 else str(n),
    "decimalEnclosedCircle": lambda n: _CIRCLED[n - 1] if 1 <= n <= 20 else str(n),
    "decimalEnclosedCircleChinese": lambda n: _CIRCLED[n - 1] if 1 <= n <= 20 else str(n),
    "lowerLetter": _letter,
    "upperLetter": lambda n: _letter(n).upper(),
    "lowerRoman": _roman,
    "upperRoman": lambda n: _roman(n).upper(),
    "none": lambda _n: "",
}


class Numbering:
    """The list definitions of one document and the counters as its paragraphs go by."""

    def __init__(self, root: etree._Element | None) -> None:
        self._levels: dict[str, dict[int, tuple[int, str, str]]] = {}
        self._counters: dict[str, dict[int, int]] = {}
        if root is None:
            return
        abstract: dict[str, dict[int, tuple[int, str, str]]] = {}
        for definition in root.iterfind(_w("abstractNum")):
            levels = {}
            for level in definition.iterfind(_w("lvl")):
                ilvl = _number(level.get(_w("ilvl")), 0)
                start = _number(_value(level, "start"), 1)
                levels[ilvl] = (
                    start,
                    _value(level, "numFmt") or "decimal",
                    _value(level, "lvlText") or "",
                )
            abstract[definition.get(_w("abstractNumId"), "")] = levels
        for num in root.iterfind(_w("num")):
            levels = dict(abstract.get(_value(num, "abstractNumId") or "", {}))
            for override in num.iterfind(_w("lvlOverride")):
                ilvl = _number(override.get(_w("ilvl")), 0)
                restart = _value(override, "startOverride")
                if ilvl in levels and restart is not None:
                    start, fmt, text = levels[ilvl]
                    levels[ilvl] = (_number(restart, start), fmt, text)
            self._levels[num.get(_w("numId"), "")] = levels

    def label(self, paragraph: etree._Element) -> str:
        """The number Word shows in front of ``paragraph`` (``""`` when it has none), counted."""
        props = paragraph.find(f"{_w('pPr')}/{_w('numPr')}")
        if props is None:
            return ""
        num = _value(props, "numId") or ""
        ilvl = _number(_value(props, "ilvl"), 0)
        levels = self._levels.get(num)
        if not levels or ilvl not in levels:
            return ""
        counters = self._counters.setdefault(num, {})
        counters[ilvl] = counters.get(ilvl, levels[ilvl][0] - 1) + 1
        for deeper in [level for level in counters if level > ilvl]:
            del counters[deeper]  # a higher level restarts the levels under it

        def fill(match: re.Match[str]) -> str:
            level = int(match.group(1)) - 1
            start, fmt, _ = levels.get(level, (1, "decimal", ""))
            value = counters.get(level, start)
            return FORMATS.get(fmt, str)(value) if fmt != "bullet" else ""

        _start, fmt, text = levels[ilvl]
        return "" if fmt == "bullet" else _LEVEL.sub(fill, text)


def _value(element: etree._Element, tag: str) -> str | None:
    found = element.find(_w(tag))
    return None if found is None else found.get(_w("val"))


def _number(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
