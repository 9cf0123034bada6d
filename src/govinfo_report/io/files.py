"""Reading report files: encodings as government sites publish them, and folders of them."""

from __future__ import annotations

import codecs
import fnmatch
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from govinfo_report.model import Report
from govinfo_report.read import parse

# Tried in order when a file has no byte-order mark. GB18030 decodes every GBK and GB2312
# file too, and many government files are GBK.
FALLBACKS = ("utf-8", "gb18030")


class UnreadableFile(ValueError):
    """A file whose bytes are not text in any encoding we know."""


def decode(data: bytes) -> str:
    """Bytes → text: UTF-8 with or without BOM, UTF-16 (by BOM, or by its zero bytes),
    then GB18030/GBK. Line ends are left to the parser, which reads them all."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    if 0 in data[:4096]:  # UTF-8 and GBK text never hold a NUL byte; UTF-16 does
        head = data[:4096]
        little = head[1::2].count(0) >= head[0::2].count(0)  # ASCII's zero byte comes second
        try:
            return data.decode("utf-16-le" if little else "utf-16-be")
        except UnicodeDecodeError:
            pass
    for encoding in FALLBACKS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableFile("not UTF-8, UTF-16 or GB18030 text")


def read_text(path: str | Path) -> str:
    """A report file's text, whatever its encoding."""
    return decode(Path(path).read_bytes())


def parse_file(path: str | Path) -> Report:
    """``parse`` a file: ``OSError`` if it cannot be opened, ``UnreadableFile`` (a
    ``ValueError``) if it is not text, ``ParseError`` if it is not a report."""
    return parse(read_text(path))


def walk(inputs: Iterable[str | Path], pattern: str = "*.txt") -> Iterator[Path]:
    """Files named directly, and files matching ``pattern`` under folders, recursively and in
    a stable order (the order of the sorted paths); hidden files and folders are skipped.
    Folders are read one at a time, so a folder of a million files is never one list."""
    for item in map(Path, inputs):
        if not item.is_dir():
            yield item
        elif "/" in pattern or os.sep in pattern:  # a pattern over folders: rglob's own
            for path in sorted(item.rglob(pattern)):
                hidden = any(part.startswith(".") for part in path.relative_to(item).parts)
                if path.is_file() and not hidden:
                    yield path
        else:
            yield from _tree(item, pattern)


def _tree(folder: Path, pattern: str) -> Iterator[Path]:
    """Depth first, each folder's entries by name: the order ``sorted(rglob(pattern))`` has,
    since paths compare part by part."""
    names: list[str] = []  # only names are kept: ~70 bytes a file of the largest folder
    folders: set[str] = set()
    with os.scandir(folder) as scan:
        for entry in scan:
            names.append(entry.name)
            if entry.is_dir():
                folders.add(entry.name)
    names.sort()
    for name in names:
        if name.startswith("."):
            continue
        if name in folders:
            yield from _tree(folder / name, pattern)
        if fnmatch.fnmatchcase(name, pattern) and (folder / name).is_file():
            yield folder / name
