"""Reading report files: encodings and formats as government sites publish them, and folders
of them."""

from __future__ import annotations

import fnmatch
import os
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
    """Files named directly, and under folders (recursively, in the order of the sorted
    paths; hidden files and folders skipped) every file of a supported format, or those
    matching ``pattern``. Folders are read one at a time, so a folder of a million files is
    never one list."""
    for item in map(Path, inputs):
        if not item.is_dir():
            yield item
        elif pattern is not None and ("/" in pattern or os.sep in pattern):
            for path in sorted(item.rglob(pattern)):  # a pattern over folders: rglob's own
                hidden = any(part.startswith(".") for part in path.relative_to(item).parts)
                if path.is_file() and not hidden:
                    yield path
        else:
            yield from _tree(item, pattern)


def _wanted(name: str, pattern: str | None) -> bool:
    if pattern is None:
        return os.path.splitext(name)[1].lower() in SUFFIXES
    return fnmatch.fnmatchcase(name, pattern)


def _tree(folder: Path, pattern: str | None) -> Iterator[Path]:
    """Depth first, each folder's entries by name: the order ``sorted(rglob(pattern))`` has,
    since paths compare part by part."""
    names: list[str] = []  # only names are kept: ~70 bytes a file of the largest folder
    folders: set[str] = set()
    with os.scandir(folder) as scan:
        for entry in scan:  # what an entry is comes with the listing: no stat per file
            if entry.is_dir():
                folders.add(entry.name)
            elif not (entry.is_file() and _wanted(entry.name, pattern)):
                continue
            names.append(entry.name)
    names.sort()
    for name in names:
        if name.startswith("."):
            continue
        if name in folders:
            yield from _tree(folder / name, pattern)
        else:
            yield folder / name
