"""Chinese numerals: section numbers (一 … 九十九), and counts the narrative writes in words
(十六件, 一百零二件)."""

from __future__ import annotations

DIGITS = "零一二三四五六七八九"


def to_chinese(number: int) -> str:
    """``12`` → ``十二``; section numbers stay below a hundred."""
    if not 1 <= number <= 99:
        raise ValueError(f"section number out of range: {number}")
    tens, ones = divmod(number, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else DIGITS[tens] + "十")
    return head + (DIGITS[ones] if ones else "")


def from_chinese(text: str) -> int | None:
    """``十二`` → ``12``; ``None`` when the text is not a numeral from 1 to 99."""
    if not text or any(ch not in DIGITS[1:] + "十" for ch in text):
        return None
    if "十" not in text:
        return DIGITS.index(text) if len(text) == 1 else None
    tens_text, _, ones_text = text.partition("十")
    if len(tens_text) > 1 or len(ones_text) > 1 or "十" in ones_text:
        return None  # 十十: not a numeral
    tens = DIGITS.index(tens_text) if tens_text else 1
    ones = DIGITS.index(ones_text) if ones_text else 0
    return tens * 10 + ones


_DIGIT = {ch: value for value, ch in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
_UNIT = {"十": 10, "百": 100, "千": 1000}


def chinese_count(text: str) -> int | None:
    """A count written in Chinese numerals (十六, 二十三, 一百零二) or digits; ``None`` for
    anything else, such as a run of digits with no unit between them (二〇二一)."""
    if text.isdecimal():
        return int(text)
    if not text or any(ch not in _DIGIT and ch not in _UNIT for ch in text):
        return None
    total, digit, last_unit = 0, None, 10_000
    for ch in text:
        if ch in _DIGIT:
            if digit is not None and digit != 0:
                return None  # two digits in a row: a year or a code, not a count
            digit = _DIGIT[ch]
        else:
            unit = _UNIT[ch]
            if unit >= last_unit or digit == 0 or (digit is None and unit != 10):
                return None
            if digit is None and total:
                return None  # 一百十 — written 一百一十 in a count
            total += (1 if digit is None else digit) * unit
            digit, last_unit = None, unit
    return total + (digit or 0)
