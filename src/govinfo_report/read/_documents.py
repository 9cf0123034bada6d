"""Word and PDF files to a ``Report``: the format's blocks as the text the reader binds.

A thin private entry until ``parse_bytes`` dispatches by content; it decides by the file's
own bytes (zip, OLE, ``%PDF``), never by a name alone.
"""

from __future__ import annotations

from collections.abc import Callable

from govinfo_report.errors import ParseError
from govinfo_report.model import Report
from govinfo_report.read import parse
from govinfo_report.read._doc import OLE_MAGIC, doc_blocks
from govinfo_report.read._docx import docx_blocks
from govinfo_report.read._grid import Block, blocks_text
from govinfo_report.read._pdf import pdf_blocks

READERS: dict[str, Callable[[bytes], list[Block]]] = {
    "docx": docx_blocks,
    "doc": doc_blocks,
    "pdf": pdf_blocks,
}


def sniff(data: bytes) -> str | None:
    """``docx``, ``doc`` or ``pdf`` from the file's first bytes; None for anything else."""
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if data.startswith(OLE_MAGIC):
        return "doc"
    if data[:1024].lstrip(b"\x00\t\n\r ").startswith(b"%PDF-"):
        return "pdf"
    return None


def parse_document(data: bytes) -> Report:
    """A Word or PDF file's report; ParseError for anything else or a file that cannot be read."""
    kind = sniff(data)
    if data[:5] == b"{\\rtf":
        raise ParseError(
            "an RTF file (often published as .doc): convert it with "
            "soffice --headless --convert-to docx FILE",
            None,
        )
    if kind is None:
        raise ParseError("not a Word (.docx, .doc) or PDF file", None)
    return parse(blocks_text(READERS[kind](data)))
