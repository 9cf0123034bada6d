"""Bytes → text, the way government sites publish reports: a byte-order mark first, then
strict UTF-8, then the charset a page declares (gb2312 and gbk read as their superset
gb18030), then gb18030. A GBK page whose ``<meta>`` says UTF-8 still reads, and a page is
decoded before lxml sees it (lxml given GBK bytes declared gb2312 stops at the first
character outside GB2312)."""

from __future__ import annotations

import codecs
import re

# Tried in order after the byte-order mark and the declared charset. GB18030 decodes every
# GBK and GB2312 file too, and many government files are GBK.
FALLBACKS = ("utf-8", "gb18030")
# Declared names that mean a subset of GB18030: read as GB18030, which never stops early.
_GB_FAMILY = frozenset({"gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936", "euc-cn", "hz-gb-2312"})
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)


class UnreadableFile(ValueError):
    """A file whose bytes are not text in any encoding we know."""


def declared_charset(data: bytes) -> str | None:
    """The charset a page's head declares (``<meta charset>``, ``http-equiv``, or an XML
    declaration), as a Python codec name; ``None`` when none is declared or it is unknown."""
    match = _DECLARED.search(data[:8192])
    if match is None:
        return None
    name = (match.group(1) or match.group(2)).decode("ascii").lower()
    if name in _GB_FAMILY:
        return "gb18030"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _decodes_anything(encoding: str) -> bool:
    try:
        return len(bytes(range(256)).decode(encoding)) == 256
    except UnicodeDecodeError:
        return False


def decode(data: bytes) -> str:
    """Bytes → text: UTF-8 with or without BOM, UTF-16 (by BOM, or by its zero bytes), the
    declared charset, then GB18030/GBK. Line ends are left to the parser, which reads them all.
    Raises ``UnreadableFile`` when no encoding fits."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    if 0 in data[:4096]:  # UTF-8 and GBK text never hold a NUL byte; UTF-16 does
        head = data[:4096]
        little = head[1::2].count(0) >= head[0::2].count(0)  # ASCII's zero byte comes second
        try:
            return data.decode("utf-16-le" if little else "utf-16-be")
        except UnicodeDecodeError:
            pass
    declared = declared_charset(data)
    encodings = dict.fromkeys((FALLBACKS[0], declared, *FALLBACKS[1:]))
    if declared is not None and _decodes_anything(declared):
        # A single-byte charset (latin-1, cp1252) never fails, so a wrong one would turn
        # a GBK page into mojibake: it comes last.
        encodings = dict.fromkeys((*FALLBACKS, declared))
    for encoding in encodings:
        if encoding is None:
            continue
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableFile("not UTF-8, UTF-16 or GB18030 text")
