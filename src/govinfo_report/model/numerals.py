"""Chinese section numerals (一 … 九十九), the only numbers written in words in a report."""

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
    if len(tens_text) > 1 or len(ones_text) > 1:
        return None
    tens = DIGITS.index(tens_text) if tens_text else 1
    ones = DIGITS.index(ones_text) if ones_text else 0
    return tens * 10 + ones
