"""``parse``: text in, ``Report`` or ``ParseError`` out — never anything else."""

from __future__ import annotations

from lark.exceptions import LarkError

from govinfo_report.errors import ParseError
from govinfo_report.model import Report
from govinfo_report.read._binder import bind
from govinfo_report.read._grammar import read_raw


def parse(text: str) -> Report:
    """Read one report in any of the three table layouts and either template edition."""
    if not isinstance(text, str):
        raise TypeError(f"parse() takes the report's text as str, not {type(text).__name__}")
    try:
        document = read_raw(text)
    except LarkError as error:  # pragma: no cover - the grammar accepts every token sequence
        # Not reachable by any text: the lexer only makes sequences the grammar accepts. If
        # that ever breaks, the caller still gets a ParseError at the token Lark stopped on.
        line = getattr(error, "line", None)
        raise ParseError(f"a line out of place ({error})", line, None, "a report line") from None
    return bind(document)
