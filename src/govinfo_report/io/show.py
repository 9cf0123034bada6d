"""``govinfo-report show``: a person's view of one report."""

from __future__ import annotations

from pathlib import Path

from govinfo_report.model import Report, flatten
from govinfo_report.model.names import describe


def show(report: Report, path: Path) -> str:
    """A person's view of what was read: metadata, sections, the cells that say something."""
    cells = flatten(report)
    blank = [key for key, value in cells.items() if value is None]
    nonzero = {key: value for key, value in cells.items() if value not in (None, 0)}
    found = report.validate()
    return "\n".join(
        [
            f"{path}",
            f"  title:   {report.title or '(none found)'}",
            f"  organ:   {report.organ or '(unknown)'}",
            f"  year:    {report.year or '(unknown)'}",
            f"  edition: {report.edition.value}",
            "  sections:",
            *(f"    {s.number}. {s.title}" for s in report.sections),
            f"  cells:   {len(cells)} ({len(nonzero)} non-zero, {len(blank)} blank)",
            *(
                f"    {describe(key, report.edition)} = {value}\t{key}"
                for key, value in nonzero.items()
            ),
            f"  findings: {len(found)}",
            *(f"    line {f.line or '?'}: {f.code} {f.severity}: {f.message}" for f in found),
        ]
    )
