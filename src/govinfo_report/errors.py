"""The one exception ``parse`` raises."""

from __future__ import annotations


class ParseError(ValueError):
    """Text that cannot be read as a report, with where and what was expected."""

    def __init__(self, message: str, line: int, column: int, expected: str) -> None:
        self.message = message
        self.line = line
        self.column = column
        self.expected = expected
        super().__init__(f"line {line}, column {column}: {message} (expected {expected})")
