"""Label normalization: the one function every label lookup goes through.

Real reports write the same label many ways: full- or half-width brackets and punctuation,
spaces and no-break spaces inside, curly or straight quotes, notes in brackets, enumerators
(``1.``, ``（一）``, ``七、``) present, changed or missing, an ASCII comma where the
template has 、. ``label_key`` reduces all of them to
one key; narrative text is never passed through here.
"""

from __future__ import annotations

import functools
import re
import unicodedata

_QUOTES = str.maketrans("", "", "“”‘’\"'「」")
_COMMAS = str.maketrans("", "", "、,")  # 、 or a comma between two clauses of one label
_NOTE = re.compile(r"\([^()]*\)")
_ENUMERATOR = re.compile(r"^(?:[一二三四五六七八九十]+[、.]|\d+[、.])")


@functools.lru_cache(maxsize=4096)
def normalize(text: str) -> str:
    """Half-width forms, no whitespace of any kind, no quotes."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(folded.split()).translate(_QUOTES)


@functools.lru_cache(maxsize=4096)
def label_key(text: str) -> str:
    """``normalize`` without bracketed notes and leading enumerators: the lookup key."""
    key = normalize(text)
    while True:
        stripped = _NOTE.sub("", key)
        if stripped == key:
            break
        key = stripped
    return _ENUMERATOR.sub("", key).translate(_COMMAS)


_CAPTION = re.compile(r"第二十条第\((.+?)\)项")


def caption_key(text: str) -> str | None:
    """``第二十条第(一)项`` in any spelling → ``一``; ``None`` when not a table-二 caption."""
    match = _CAPTION.search(normalize(text))
    return match.group(1) if match else None


def is_note(text: str) -> bool:
    """Whether a cell is table 三's 勾稽关系 note (it is all brackets, so its label key is
    empty and it must be recognised by its words)."""
    return "勾稽" in text and "勾稽关系" in normalize(text)
