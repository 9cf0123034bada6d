"""The export command's work: rows made in worker processes, written in input order as they
arrive, and resumed after an interruption with every report written exactly once."""

from __future__ import annotations

import contextlib
import csv
import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO

from attrs import evolve, frozen

from govinfo_report.check import validate
from govinfo_report.io.batch import Outcome, Progress, run
from govinfo_report.model import Report, flatten
from govinfo_report.write.exports import (
    Record,
    cells_per_report,
    columns,
    csv_bytes,
    csv_header,
    jsonl_text,
    record,
    write_parquet,
)


class CannotResume(ValueError):
    """``--resume`` asked of an output it cannot safely append to."""


@frozen
class Spooled:
    """A chunk's export text, left in a file by the worker that made it: the writer appends
    the file to the output and deletes it, so the text never crosses a pipe."""

    path: str


@frozen
class Row:
    """What a worker sends back for one report: its export text (CSV, JSON Lines) already
    encoded, so the writer only copies bytes — or, from a worker, its chunk's text spooled
    to a file (on the chunk's first row, the others empty) — or its record (Parquet); and
    how many error and warning findings it has."""

    payload: bytes | Record | Spooled
    errors: int
    warnings: int


@frozen
class ExportWork:
    """Validate, flatten and format one report, in a worker process."""

    to: str
    wide: bool
    labels: bool = False  # a column with each cell's labels (long form)

    def __call__(self, path: Path, digest: str, report: Report) -> Row:
        cells = flatten(report)  # once: the rules read the same cells the export writes
        found = validate(report, cells)
        errors = sum(f.severity == "error" for f in found)
        rec = record(path, digest, report, cells)
        payload: bytes | Record = rec
        if self.to == "csv":
            payload = csv_bytes(rec, self.wide, self.labels)
        elif self.to == "jsonl":
            payload = jsonl_text(rec, self.wide, self.labels).encode()
        return Row(payload, errors, len(found) - errors)


@frozen
class Spool:
    """Leaves the text of a chunk's rows in one file of ``folder``: the parent then copies a
    file instead of receiving, unpickling and writing the text (~38 KB a report in the long
    form), the most of its work; runs in worker processes."""

    folder: str

    def __call__(self, outcomes: list[Outcome[Row]]) -> list[Outcome[Row]]:
        texts = [row.payload for row in rows(outcomes) if isinstance(row.payload, bytes)]
        if not texts:
            return outcomes
        handle, name = tempfile.mkstemp(dir=self.folder)
        with open(handle, "wb") as file:
            file.writelines(texts)
        spooled: bytes | Spooled = Spooled(name)
        packed = []
        for outcome in outcomes:
            if outcome.value is not None and isinstance(outcome.value.payload, bytes):
                outcome = evolve(outcome, value=evolve(outcome.value, payload=spooled))
                spooled = b""
            packed.append(outcome)
        return packed


@contextlib.contextmanager
def exporting(
    paths: Iterable[Path],
    work: ExportWork,
    jobs: int | None,
    *,
    total: int,
    known: Mapping[str, str],
    progress: Progress,
) -> Iterator[Iterator[Outcome[Row]]]:
    """``batch.run`` of ``work`` with a folder where workers leave the text of each chunk
    (Parquet's records come back whole). On leaving, the workers stop, then the folder goes
    with any text still in it."""
    with contextlib.ExitStack() as stack:
        pack = None
        if work.to != "parquet":
            pack = Spool(stack.enter_context(tempfile.TemporaryDirectory(prefix="govinfo-")))
        found = run(paths, work, jobs, total=total, known=known, progress=progress, pack=pack)
        yield stack.enter_context(contextlib.closing(found))


# --- Resuming ------------------------------------------------------------------------------


def _fields(line: str, to: str) -> list[str] | None:
    """A line's values in column order, or None if it is not a whole row of ``to``."""
    try:
        if to == "csv":
            return next(csv.reader([line]))
        data = json.loads(line)
    except (csv.Error, ValueError, StopIteration):
        return None
    if not isinstance(data, dict):
        return None
    return [*data, *("" if v is None else str(v) for v in data.values())]


def scan(path: Path, to: str, wide: bool) -> tuple[int, dict[str, str]]:
    """Where the last whole report of an earlier export ends, and ``path → source_sha256`` of
    every whole report before it. A truncated line, a report missing some of its rows, or any
    damage ends the scan: what follows is written again, so no report is lost or doubled."""
    names = columns(wide)
    width = len(names)
    end, done = 0, {}
    group: tuple[str, str, str] | None = None
    count = 0
    offset = 0
    with path.open("rb") as file:
        if to == "csv":
            first = file.readline()
            if not first.endswith(b"\n"):
                return 0, {}  # nothing but part of a header: start again
            if first.decode("utf-8", "replace") != csv_header(wide):
                raise CannotResume(f"{path} has other columns than this export writes")
            end = offset = len(first)
        for raw in file:
            if not raw.endswith(b"\n"):
                break
            fields = _fields(raw.decode("utf-8", "replace"), to)
            if fields is not None and to == "jsonl":
                if fields[:width] != names:
                    if offset == 0 and len(fields) > 0:
                        raise CannotResume(f"{path} has other fields than this export writes")
                    break
                fields = fields[width:]
            if fields is None or len(fields) != width:
                break
            key = (fields[0], fields[1], fields[4])  # path, source_sha256, edition
            if wide:
                done[key[0]] = key[1]
                end = offset + len(raw)
            elif key != group:
                if group is not None and not _whole(group, count, done):
                    break
                group, count, end = key, 0, offset
            count += 1
            offset += len(raw)
    if group is not None and _whole(group, count, done):
        end = offset  # the rows read last are a whole report
    return end, done


def _whole(group: tuple[str, str, str], count: int, done: dict[str, str]) -> bool:
    """Whether a report's long-format rows are all there; if so, it is done."""
    try:
        whole = count == cells_per_report(group[2])
    except (ValueError, KeyError):
        return False
    if whole:
        done[group[0]] = group[1]
    return whole


def prepare_resume(output: str, to: str, wide: bool, engine: str) -> dict[str, str]:
    """Cut an earlier export back to its last whole report; what it already holds."""
    if engine != "default":
        raise CannotResume("--resume works with the default engine only")
    if output == "-":
        raise CannotResume("--resume needs an output file, not stdout")
    if to == "parquet":
        raise CannotResume(
            "a Parquet file cannot be appended to: resume with --to csv or --to jsonl"
        )
    path = Path(output)
    if not path.exists():
        return {}
    end, done = scan(path, to, wide)
    os.truncate(path, end)
    return done


# --- Writing -------------------------------------------------------------------------------


def rows(outcomes: Iterable[Outcome[Row]]) -> Iterator[Row]:
    return (o.value for o in outcomes if o.value is not None)


def write_text(
    found: Iterable[Row], out: IO[bytes], to: str, wide: bool, labels: bool = False
) -> None:
    """CSV or JSON Lines in UTF-8, each report's rows written as soon as it arrives; the CSV
    header first when ``out`` is empty."""
    if to == "csv" and _position(out) == 0:
        out.write(csv_header(wide, labels).encode())
    for row in found:
        if isinstance(row.payload, Spooled):
            _append(out, row.payload.path)
        else:
            assert isinstance(row.payload, bytes)
            out.write(row.payload)


def _append(out: IO[bytes], path: str) -> None:
    """Copy a spooled file to ``out`` and delete it: in the kernel where it can (Linux's
    sendfile to a file or a pipe), so the text is never copied through this process."""
    with open(path, "rb") as spooled:
        out.flush()
        try:
            while os.sendfile(out.fileno(), spooled.fileno(), None, 1 << 30):
                pass
        except (OSError, AttributeError):  # not Linux, or not a file: by hand
            shutil.copyfileobj(spooled, out, 1 << 20)  # from where sendfile stopped
    os.remove(path)


def write_records(found: Iterable[Row], path: Path, wide: bool, labels: bool = False) -> None:
    records = (row.payload for row in found if isinstance(row.payload, Record))
    write_parquet(records, path, wide, labels=labels)


def _position(out: IO[bytes]) -> int:
    try:
        return out.tell()
    except OSError:  # a pipe: nothing written yet
        return 0
