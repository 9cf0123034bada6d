"""Many files at once: spread over processes, one bad file never stopping the rest."""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Generic, TextIO, TypeVar

from attrs import frozen

from govinfo_report.errors import ParseError
from govinfo_report.io.files import UnreadableFile, parse_file
from govinfo_report.model import Report

T = TypeVar("T")


def failure(error: ParseError | OSError | UnreadableFile) -> str:
    """What follows ``path:`` in a failure line: ``12: message`` where a line is to blame
    (``12:5:`` with a column), else `` message`` — never a made-up position."""
    if isinstance(error, ParseError):
        return f"{error.where}: {error.describe()}" if error.where else f" {error.describe()}"
    return f" {error}"


@frozen
class Outcome(Generic[T]):
    """What one file gave: a value, or the reason it could not be read."""

    path: Path
    value: T | None
    error: str | None = None


@frozen
class _Task(Generic[T]):
    """Parse one file and hand the report to ``work``; picklable for worker processes."""

    work: Callable[[Path, Report], T]

    def __call__(self, path: Path) -> Outcome[T]:
        try:
            report = parse_file(path)
        except (ParseError, OSError, UnreadableFile) as error:
            return Outcome(path, None, failure(error))
        return Outcome(path, self.work(path, report))


class Progress:
    """A one-line progress bar on a terminal; silent when the stream is not a terminal."""

    def __init__(self, total: int, stream: TextIO = sys.stderr) -> None:
        self.total, self.done, self.stream = total, 0, stream
        self.shown = stream.isatty() and total > 1

    def step(self) -> None:
        self.done += 1
        if self.shown:
            width = 30
            filled = width * self.done // self.total
            bar = "#" * filled + "-" * (width - filled)
            self.stream.write(f"\r[{bar}] {self.done}/{self.total}")
            if self.done == self.total:
                self.stream.write("\n")
            self.stream.flush()


def run(
    paths: Iterable[Path], work: Callable[[Path, Report], T], jobs: int | None = None
) -> Iterator[Outcome[T]]:
    """``work(path, report)`` for every file, in input order, over ``jobs`` processes (all
    cores by default; 1 runs in this process). ``work`` must be a module-level function."""
    files = list(paths)
    jobs = min(jobs or os.cpu_count() or 1, max(len(files), 1))
    task = _Task(work)
    progress = Progress(len(files))
    if jobs == 1:
        for path in files:
            yield task(path)
            progress.step()
        return
    chunk = max(1, min(64, len(files) // (jobs * 8)))
    with multiprocessing.get_context("spawn").Pool(jobs) as pool:
        for outcome in pool.imap(task, files, chunksize=chunk):
            yield outcome
            progress.step()
