"""Which format a file is in, decided by its content (magic bytes, then markup), and the
reader for each."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Literal

from govinfo_report.errors import ParseError
from govinfo_report.read._doc import doc_blocks
from govinfo_report.read._docx import docx_blocks
from govinfo_report.read._grid import Block
from govinfo_report.read._pdf import pdf_blocks

Kind = Literal["text", "html", "docx", "doc", "pdf", "rtf"]
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
    if data.startswith(b"{\\rtf"):
        return "rtf"
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


def _rtf(_data: bytes) -> list[Block]:
    raise ParseError(
        "an RTF file (often published as .doc): convert it with "
        "soffice --headless --convert-to docx FILE",
        None,
        None,
        "a Word, PDF, HTML or text file",
    )


# Binary formats: bytes → blocks.
BINARY_READERS: dict[Kind, Callable[[bytes], list[Block]]] = {
    "docx": docx_blocks,
    "doc": doc_blocks,
    "pdf": pdf_blocks,
    "rtf": _rtf,
}
