"""Reading report files: encodings and formats as government sites publish them, and folders
of them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from govinfo_report.model import Report
from govinfo_report.read import SUFFIXES, parse_bytes
from govinfo_report.read._decode import FALLBACKS, UnreadableFile, decode

__all__ = ["FALLBACKS", "SUFFIXES", "UnreadableFile", "decode", "parse_file", "read_text", "walk"]


def read_text(path: str | Path) -> str:
    """A report file's text, whatever its encoding."""
    return decode(Path(path).read_bytes())


def parse_file(path: str | Path) -> Report:
    """Read a report file of any supported format (decided by its content, the name only
    breaking ties): ``OSError`` if it cannot be opened, ``UnreadableFile`` (a ``ValueError``)
    if it is not text, ``ParseError`` if it is not a report."""
    path = Path(path)
    return parse_bytes(path.read_bytes(), path.name)


def walk(inputs: Iterable[str | Path], pattern: str | None = None) -> Iterator[Path]:
    """Files named directly, and under folders (recursively, in a stable order; hidden files
    and folders skipped) every file of a supported format, or those matching ``pattern``."""
    for item in map(Path, inputs):
        if item.is_dir():
            for path in sorted(item.rglob(pattern or "*")):
                hidden = any(part.startswith(".") for part in path.relative_to(item).parts)
                wanted = pattern is not None or path.suffix.lower() in SUFFIXES
                if path.is_file() and not hidden and wanted:
                    yield path
        else:
            yield item
