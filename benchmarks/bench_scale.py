"""How export grows with the corpus: time, files/s and peak memory at 1k, 10k and 50k files.

Run by hand (not by CI):
    python benchmarks/bench_scale.py [SIZES...] [--jobs N] [--to FORMAT] [--source DIR]

The corpus is 2,000 generated reports (bench_export's, random numbers, three layouts) hard-
linked over and over under new names into a temporary folder, so 50,000 files cost no disk.
Each size runs in a fresh process, so its peak RSS (this process, the parent, and the largest
worker) is its own. Memory is flat when the peaks do not grow with the number of files.
"""

from __future__ import annotations

import contextlib
import io
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_export import make_folder

from govinfo_report.io.cli import main as cli

DISTINCT = 2000


def corpus(source: Path, folder: Path, count: int) -> None:
    """``count`` files named report-NNNNNN.txt, linked from the distinct reports in turn."""
    texts = sorted(source.glob("*.txt"))
    folder.mkdir(parents=True)
    for index in range(count):
        os.link(texts[index % len(texts)], folder / f"report-{index:06d}.txt")


def one(folder: Path, jobs: int, to: str) -> None:
    """Export ``folder`` in this process and print the figures as one line."""
    count = len(os.listdir(folder))
    out = folder.parent / f"out.{to}"
    start = time.perf_counter()
    with contextlib.redirect_stderr(io.StringIO()):
        cli(["export", str(folder), "--to", to, "-o", str(out), "-j", str(jobs)])
    seconds = time.perf_counter() - start
    parent = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    worker = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    size = out.stat().st_size / 2**20
    print(
        f"{count:>6} files, -j {jobs}, {to}: {seconds:7.1f} s = {count / seconds:4.0f} files/s;"
        f" peak RSS parent {parent:.0f} MB, largest worker {worker:.0f} MB; output {size:.0f} MB;"
        f" load {os.getloadavg()[0]:.2f}",
        flush=True,
    )


def _option(args: list[str], name: str, default: str) -> str:
    if name not in args:
        return default
    at = args.index(name)
    value = args.pop(at + 1)
    args.pop(at)
    return value


def main() -> None:
    args = sys.argv[1:]
    jobs, to = int(_option(args, "--jobs", "2")), _option(args, "--to", "csv")
    given = _option(args, "--source", "")
    if args and args[0] == "--one":
        one(Path(args[1]), jobs, to)
        return
    sizes = [int(a) for a in args] or [1000, 10_000, 50_000]
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(given) if given else Path(tmp) / "distinct"
        if not given:  # reports already generated (bench_export's FOLDER) may be reused
            source.mkdir()
            make_folder(source, DISTINCT)
        for size in sizes:
            folder = Path(tmp) / f"corpus-{size}" / "reports"
            corpus(source, folder, size)
            command = [sys.executable, __file__, "--one", str(folder), "--jobs", str(jobs)]
            subprocess.run([*command, "--to", to], check=True)


if __name__ == "__main__":
    main()
