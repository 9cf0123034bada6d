"""``parse``: text in, ``Report`` or ``ParseError`` out — never anything else. ``parse_bytes``
does the same for a file's bytes in any supported format."""

from __future__ import annotations

from lark.exceptions import LarkError

from govinfo_report.errors import ParseError
from govinfo_report.model import Report
from govinfo_report.read._binder import bind
from govinfo_report.read._decode import decode
from govinfo_report.read._formats import BINARY_READERS, SUFFIXES, binary_kind, text_kind
from govinfo_report.read._grammar import read_raw
from govinfo_report.read._grid import Block, blocks_text
from govinfo_report.read._html import html_text, inline_tables, is_page, looks_like_html

__all__ = ["SUFFIXES", "parse", "parse_blocks", "parse_bytes"]


def _read(text: str) -> Report:
    try:
        document = read_raw(text)
    except LarkError as error:  # pragma: no cover - the grammar accepts every token sequence
        # Not reachable by any text: the lexer only makes sequences the grammar accepts. If
        # that ever breaks, the caller still gets a ParseError at the token Lark stopped on.
        line = getattr(error, "line", None)
        raise ParseError(f"a line out of place ({error})", line, None, "a report line") from None
    return bind(document)


def parse_blocks(blocks: list[Block]) -> Report:
    """A format reader's blocks (paragraph lines and table grids) → ``Report``, through the
    same binder as text. Line numbers in errors and findings count lines of ``blocks_text``."""
    return _read(blocks_text(blocks))


def parse(text: str) -> Report:
    """Read one report in any of the three table layouts and either template edition, or an
    HTML page's text (one with ``<table>``, ``<html>`` or ``<body>`` markup), or text with raw
    HTML tables in it (docs/formats.md)."""
    if not isinstance(text, str):
        raise TypeError(f"parse() takes the report's text as str, not {type(text).__name__}")
    if looks_like_html(text):
        if is_page(text):
            return _read(html_text(text))
        text = inline_tables(text)
    return _read(text)


def parse_bytes(data: bytes, filename: str | None = None) -> Report:
    """Read a report file's bytes (a crawler's response body, an attachment): the format is
    decided by content, ``filename`` only breaking ties. Raises ``ParseError``, or
    ``UnreadableFile`` (a ``ValueError``) when the bytes are text in no encoding we know."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"parse_bytes() takes bytes, not {type(data).__name__}")
    data = bytes(data)
    kind = binary_kind(data)
    if kind is not None:
        return parse_blocks(BINARY_READERS[kind](data))
    text = decode(data)
    if text_kind(text, filename, lambda text: looks_like_html(text) and is_page(text)) == "html":
        return _read(html_text(text))
    return parse(text)
