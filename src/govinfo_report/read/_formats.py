"""Which format a file is in, decided by its content (magic bytes, then markup), and the
reader for each. Word and PDF readers plug in here, one line each, as they land."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Literal

from govinfo_report.errors import ParseError
from govinfo_report.read._grid import Block

Kind = Literal["text", "html", "docx", "doc", "pdf"]
# File names a folder walk takes: every format some reader knows.
SUFFIXES = frozenset({".txt", ".md", ".html", ".htm", ".xhtml", ".shtml", ".docx", ".doc", ".pdf"})
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the compound file every legacy .doc is
_ZIP = b"PK\x03\x04"
_TAG = re.compile(r"<[A-Za-z!/]")


def binary_kind(data: bytes) -> Kind | None:
    """The format of a binary file by its magic bytes; ``None`` for text (HTML or plain)."""
    if b"%PDF-" in data[:1024]:  # some writers put junk before the header; readers allow it
        return "pdf"
    if data.startswith(_ZIP):
        return "docx"
    if data.startswith(_OLE):
        return "doc"
    return None


def text_kind(text: str, filename: str | None, looks_like_html: Callable[[str], bool]) -> Kind:
    """HTML when the text has page markup; a file named ``.htm(l)`` with any tag also counts
    (a fragment of ``<p>``s), while a ``.txt`` that mentions ``<`` stays text."""
    if looks_like_html(text):
        return "html"
    suffix = (filename or "").lower().rpartition(".")[2]
    if suffix in ("html", "htm", "xhtml", "shtml") and _TAG.search(text):
        return "html"
    return "text"


def _not_yet(name: str) -> Callable[[bytes], list[Block]]:
    def refuse(_data: bytes) -> list[Block]:
        raise ParseError(f"{name} files cannot be read yet", None, None, "text or an HTML page")

    return refuse


# Binary formats: bytes → blocks. Replace an entry with the reader when it lands.
BINARY_READERS: dict[Kind, Callable[[bytes], list[Block]]] = {
    "docx": _not_yet("Word (.docx)"),
    "doc": _not_yet("legacy Word (.doc)"),
    "pdf": _not_yet("PDF"),
}
