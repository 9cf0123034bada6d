"""``parse``: text in, ``Report`` or ``ParseError`` out — never anything else."""

from __future__ import annotations

from lark.exceptions import LarkError, UnexpectedInput

from govinfo_report.errors import ParseError
from govinfo_report.model import Report
from govinfo_report.read._binder import bind
from govinfo_report.read._grammar import read_raw


def parse(text: str) -> Report:
    """Read one report in any of the three table layouts and either template edition."""
    if not isinstance(text, str):
        raise TypeError(f"parse() takes the report's text as str, not {type(text).__name__}")
    try:
        return bind(read_raw(text))
    except ParseError:
        raise
    except UnexpectedInput as error:
        expected = ", ".join(sorted(getattr(error, "expected", None) or ())) or "a report line"
        raise ParseError(
            "a line out of place", error.line or 0, error.column or 0, expected
        ) from None
    except LarkError as error:  # pragma: no cover - the grammar accepts every token sequence
        raise ParseError(f"unreadable text: {error}", 1, 1, "a report") from None
