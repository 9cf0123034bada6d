"""What ``validate`` and ``compare_years`` report: one broken or uncheckable rule each."""

from __future__ import annotations

from typing import Literal

from attrs import frozen

Severity = Literal["error", "warning"]


@frozen
class Finding:
    """One broken or uncheckable rule: what (a stable ``code``), how bad, a message naming
    rows and columns by their Chinese labels, the flat keys of the cells involved, and the
    line of the text it points at (``None`` when it concerns the whole report)."""

    code: str
    severity: Severity
    message: str
    keys: tuple[str, ...] = ()
    line: int | None = None
