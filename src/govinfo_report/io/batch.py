"""Many files at once: spread over long-lived worker processes in chunks, results back in
input order, one bad file never stopping the rest, memory flat however many files."""

from __future__ import annotations

import hashlib
import itertools
import multiprocessing
import os
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Generic, TextIO, TypeVar

from attrs import frozen

from govinfo_report.errors import ParseError
from govinfo_report.io.files import UnreadableFile
from govinfo_report.model import Report
from govinfo_report.read import parse_bytes

T = TypeVar("T")

# ``work(path, digest, report)``: what a worker makes of one parsed report; ``digest`` is the
# SHA-256 of the file's bytes. Must be picklable (a module-level function or an instance).
Work = Callable[[Path, str, Report], T]

CHUNK = 32  # files per task at most: big enough to hide the pipe, small enough to balance
IN_FLIGHT = 4  # chunks queued per worker: keeps workers busy while memory stays bounded


def failure(error: ParseError | OSError | UnreadableFile) -> str:
    """What follows ``path:`` in a failure line: ``12: message`` where a line is to blame
    (``12:5:`` with a column), else `` message`` — never a made-up position."""
    if isinstance(error, ParseError):
        return f"{error.where}: {error.describe()}" if error.where else f" {error.describe()}"
    return f" {error}"


@frozen
class Outcome(Generic[T]):
    """What one file gave: a value, the reason it could not be read, or — when resuming —
    that the output already holds it (``skipped``)."""

    path: Path
    value: T | None
    error: str | None = None
    skipped: bool = False


# ``pack(outcomes)``: what a worker makes of a chunk's outcomes before they are pickled back
# to the parent (the export leaves their text in a file, so it never crosses the pipe).
Pack = Callable[[list[Outcome[T]]], list[Outcome[T]]]


def digest(data: bytes) -> str:
    """The content hash an export stores per row (``source_sha256``)."""
    return hashlib.sha256(data).hexdigest()


@frozen
class Task(Generic[T]):
    """Read, hash and parse a chunk of files and hand each report to ``work``; runs in
    worker processes, so it is picklable and returns small values only."""

    work: Work[T]
    pack: Pack[T] | None = None

    def one(self, path: Path, known: str | None) -> Outcome[T]:
        try:
            data = path.read_bytes()
            sha = digest(data)
            if known is not None:
                if known == sha:
                    return Outcome(path, None, skipped=True)
                return Outcome(
                    path, None, " changed since it was exported (its content hash differs)"
                )
            report = parse_bytes(data, path.name)
        except (ParseError, OSError, UnreadableFile) as error:
            return Outcome(path, None, failure(error))
        return Outcome(path, self.work(path, sha, report))

    def __call__(self, chunk: Sequence[tuple[Path, str | None]]) -> list[Outcome[T]]:
        outcomes = [self.one(path, known) for path, known in chunk]
        return outcomes if self.pack is None else self.pack(outcomes)


class Progress:
    """Files done, files/s and the time left on stderr: redrawn in place on a terminal,
    a line every few seconds when forced on elsewhere; silent otherwise."""

    def __init__(
        self,
        total: int,
        stream: TextIO | None = None,
        *,
        force: bool = False,
        every: float = 0.25,
    ) -> None:
        self.total, self.done, self.stream = total, 0, stream or sys.stderr
        self.tty = self.stream.isatty()
        self.shown = (self.tty and total > 1) or force
        self.every = every if self.tty else max(every, 5.0)
        self.start = self.last = time.monotonic()

    def step(self, count: int = 1) -> None:
        self.done += count
        if not self.shown:
            return
        now = time.monotonic()
        if now - self.last < self.every and self.done < self.total:
            return
        self.last = now
        self.stream.write(self.line(now - self.start) + ("\r" if self.tty else "\n"))
        if self.tty and self.done >= self.total:
            self.stream.write("\n")
        self.stream.flush()

    def line(self, seconds: float) -> str:
        rate = self.done / seconds if seconds > 0 else 0.0
        left = (self.total - self.done) / rate if rate > 0 else 0.0
        minutes, secs = divmod(round(left), 60)
        return (
            f"{self.done}/{self.total} files  {rate:.0f} files/s  "
            f"{minutes // 60}:{minutes % 60:02d}:{secs:02d} left"
        )


def chunk_size(total: int, jobs: int) -> int:
    """At most ``CHUNK`` files, fewer for small batches so every worker gets several (the
    last chunks would otherwise leave a worker idle)."""
    return max(1, min(CHUNK, total // (jobs * 8)))


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of ``size`` items, the last one shorter; reads ``items`` as it goes."""
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def run(
    paths: Iterable[Path],
    work: Work[T],
    jobs: int | None = None,
    *,
    total: int | None = None,
    known: Mapping[str, str] | None = None,
    progress: Progress | None = None,
    pack: Pack[T] | None = None,
) -> Generator[Outcome[T], None, None]:
    """``work(path, digest, report)`` for every file, in input order whatever ``jobs`` is,
    over ``jobs`` long-lived processes (all cores by default; 1 runs in this process).
    Given the ``total`` number of paths, they are read as the work goes, never held as one
    list. ``known`` maps paths already exported to their content hash: unchanged files are
    skipped. Worker processes ``pack`` each chunk's outcomes before sending them back; closing
    the generator stops the workers."""
    if total is None:
        paths = list(paths)
        total = len(paths)
    seen = known or {}
    jobs = min(jobs or os.cpu_count() or 1, max(total, 1))
    task = Task(work, pack)
    progress = progress or Progress(total)
    if jobs == 1:
        for path in paths:
            yield task.one(path, seen.get(str(path)))
            progress.step()
        return
    pending: deque[Future[list[Outcome[T]]]] = deque()
    # Not multiprocessing.Pool: its worker-minding thread wakes for every result sent back
    # and polls the workers until it is read (~0.04 s of the command's CPU per 2,000 files).
    pool = ProcessPoolExecutor(jobs, mp_context=_context())
    try:
        for chunk in chunks(paths, chunk_size(total, jobs)):
            if len(pending) >= jobs * IN_FLIGHT:
                yield from _drain(pending.popleft(), progress)
            items = [(path, seen.get(str(path))) for path in chunk]
            pending.append(pool.submit(task, items))
        while pending:
            yield from _drain(pending.popleft(), progress)
    finally:  # chunks not started are dropped; those under way finish first
        pool.shutdown(cancel_futures=True)


def _context() -> multiprocessing.context.BaseContext:
    """Fork where it is safe — Linux, no thread yet in this process — so workers start at
    once with the parser already built; spawn elsewhere."""
    if sys.platform == "linux" and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _drain(result: Future[list[Outcome[T]]], progress: Progress) -> Iterator[Outcome[T]]:
    for outcome in result.result():
        yield outcome
        progress.step()  # once the outcome is dealt with: its failure line comes first
