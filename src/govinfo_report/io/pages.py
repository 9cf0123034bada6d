"""``check --html OUT``: the review pages written to disk — one file for one report, or a
folder with a page per report and an index linking them with their counts."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from govinfo_report.check import Paired
from govinfo_report.errors import ParseError
from govinfo_report.io.files import UnreadableFile, parse_file
from govinfo_report.model import Finding
from govinfo_report.write.review import index_page, review_page


def _page_name(path: Path) -> str:
    """A file name for a report's page, unique even for equal names in different folders."""
    digest = hashlib.sha1(str(path).encode()).hexdigest()[:8]
    return f"{path.stem}-{digest}.html"


def pages(out: Path, paths: Sequence[Path], paired: Sequence[Paired]) -> None:
    """Each report read again in full (the batch keeps only its tables) and written with its
    own findings and those against the year before."""
    years: dict[str, list[Finding]] = {}
    for item in paired:
        years.setdefault(item.path, []).append(item.finding)
    entries = []
    single = len(paths) == 1 and out.suffix.lower() in (".html", ".htm")
    if not single:
        out.mkdir(parents=True, exist_ok=True)
    for path in paths:
        try:
            report = parse_file(path)
        except (OSError, UnreadableFile, ParseError):
            continue  # reported by the batch already
        found = [*report.validate(), *years.get(str(path), [])]
        page = review_page(report, found, path.name)
        target = out if single else out / _page_name(path)
        target.write_text(page, encoding="utf-8")
        errors = sum(f.severity == "error" for f in found)
        entries.append((str(path), target.name, errors, len(found) - errors))
    if not single:
        (out / "index.html").write_text(index_page(entries), encoding="utf-8")
