"""The one exception ``parse`` raises."""

from __future__ import annotations


class ParseError(ValueError):
    """Text that cannot be read as a report: why, where, and what was expected there.

    ``line`` (counting from 1) is the line of the text that caused the error, ``None`` when
    no line did (an empty text); ``column`` (from 1) is given only where a position inside
    the line means something.
    """

    def __init__(
        self, message: str, line: int | None, column: int | None = None, expected: str = ""
    ) -> None:
        self.message = message
        self.line = line
        self.column = column
        self.expected = expected
        super().__init__(self.describe())

    def __reduce__(self) -> tuple[type[ParseError], tuple[str, int | None, int | None, str]]:
        return type(self), (self.message, self.line, self.column, self.expected)

    @property
    def where(self) -> str:
        """``12`` or ``12:5`` (line and column), or ``""`` when no line is to blame."""
        if self.line is None:
            return ""
        return f"{self.line}:{self.column}" if self.column is not None else str(self.line)

    def describe(self) -> str:
        """The message with what was expected, without the position (for ``path:line:``
        output, which puts the position in front)."""
        return f"{self.message} (expected {self.expected})" if self.expected else self.message

    def __str__(self) -> str:
        where = f"line {self.line}" if self.line is not None else ""
        if self.column is not None:
            where += f", column {self.column}"
        return f"{where}: {self.describe()}" if where else self.describe()
