"""``export --engine dask``: the default engine's work as Dask tasks — one partition of paths
per task, each written as one Parquet part — on a local cluster or a scheduler's."""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol

from govinfo_report.io.batch import Outcome, Progress, Task
from govinfo_report.io.export import ExportWork
from govinfo_report.io.files import walk
from govinfo_report.write.exports import Record, parquet_table

PARTITION = 256  # files per task: a part file of ~50,000 long rows


class EngineError(RuntimeError):
    """The Dask engine cannot do what was asked (said before any work starts)."""


class DaskMissing(EngineError):
    """The Dask engine needs the optional ``dask`` extra."""


class Counts(Protocol):
    """What the engine reports to: the command line's summary."""

    def take(self, outcomes: Any) -> Any: ...


def _part(
    index: int, paths: Sequence[str], folder: str, wide: bool
) -> list[tuple[str, str | None, int]]:
    """One task: parse a partition of files into ``part-NNNNN.parquet``; what each file
    gave (path, failure, error findings) goes back to the client, not the rows."""
    import pyarrow.parquet as pq  # type: ignore[import-not-found,import-untyped,unused-ignore]

    outcomes = Task(ExportWork("parquet", wide))([(Path(p), None) for p in paths])
    records = [o.value.payload for o in outcomes if o.value is not None]
    table = parquet_table([r for r in records if isinstance(r, Record)], wide)
    pq.write_table(table, str(Path(folder) / f"part-{index:05d}.parquet"))
    return [(str(o.path), o.error, o.value.errors if o.value else 0) for o in outcomes]


def export_folder(
    paths: Sequence[Path],
    folder: Path,
    wide: bool,
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    processes: bool = True,
    partition: int = PARTITION,
) -> Iterator[Outcome[int]]:
    """Export ``paths`` as Parquet parts in ``folder`` (``part-00000.parquet``, … in input
    order); yields each file's outcome, its value the number of error findings. Without a
    ``scheduler`` address a local cluster of ``workers`` is started and closed."""
    try:
        dask: Any = importlib.import_module("dask")
        distributed: Any = importlib.import_module("dask.distributed")
    except ImportError as missing:
        raise DaskMissing("the Dask engine needs Dask: pip install 'govinfo_report[dask]'") from (
            missing
        )
    folder.mkdir(parents=True, exist_ok=True)
    if any(folder.glob("part-*.parquet")):
        raise EngineError(f"{folder} already holds Parquet parts: choose an empty folder")
    names = [str(p) for p in paths]
    cluster = None
    if scheduler is None:
        cluster = distributed.LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=processes, dashboard_address=None
        )
    try:
        with distributed.Client(scheduler or cluster) as client:
            tasks = [
                dask.delayed(_part)(i, names[start : start + partition], str(folder), wide)
                for i, start in enumerate(range(0, len(names), partition))
            ]
            for future in client.compute(tasks):  # in partition order
                for path, error, errors in future.result():
                    yield Outcome(Path(path), None if error else errors, error)
    finally:
        if cluster is not None:
            cluster.close()


def export_dask(args: argparse.Namespace, summary: Counts) -> int:
    """The command line's ``--engine dask``: ``-o`` names the folder of Parquet parts."""
    if args.to != "parquet":
        raise EngineError("the Dask engine writes Parquet parts: use --to parquet")
    paths = list(walk(args.files, args.glob))
    progress = Progress(len(paths), force=args.progress)
    with_errors = 0
    outcomes = export_folder(
        paths, Path(args.output), args.wide, scheduler=args.scheduler, workers=args.jobs
    )
    for outcome in summary.take(outcomes):
        progress.step()
        with_errors += bool(outcome.value)
    return with_errors
