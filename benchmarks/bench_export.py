"""Export speed: a folder of 2,000 generated reports, exported with 1 and with 2 worker
processes, against one process parsing and validating the same texts (already in memory).

Run by hand (not by CI):  python benchmarks/bench_export.py [COUNT] [FOLDER]

Each figure is the best of three runs, taken in turns.

Reports are made from the shipped sample with random numbers, in all three layouts, written
to a temporary folder (or FOLDER, kept and reused); the export is the CLI's `export --to csv`.
The machine's load is printed with the figures: other work on the cores skews them.
"""

from __future__ import annotations

import contextlib
import io
import os
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from govinfo_report import from_dict, parse, serialize, to_dict
from govinfo_report.io.cli import main as cli
from govinfo_report.write.text import LAYOUTS

REPEAT = 3
SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "sample-2021-tab.txt"


def randomize(node: Any, rng: random.Random) -> Any:
    """The same dict form with every whole-number cell replaced by a random count."""
    if isinstance(node, dict):
        return {k: randomize(v, rng) if k != "number" else v for k, v in node.items()}
    if isinstance(node, list):
        return [randomize(v, rng) for v in node]
    if isinstance(node, int) and not isinstance(node, bool):
        return rng.randint(0, 500)
    return node


def make_folder(folder: Path, count: int) -> None:
    rng = random.Random(20261121)
    base = to_dict(parse(SAMPLE.read_text(encoding="utf-8")))
    for index in range(count):
        data = randomize(base, rng)
        data["year"] = base["year"]
        text = serialize(from_dict(data), layout=rng.choice(LAYOUTS))
        (folder / f"report-{index:05d}.txt").write_text(text, encoding="utf-8")


def parse_and_validate(folder: Path) -> float:
    """Seconds one process needs to parse and validate every text of ``folder``."""
    texts = [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))]
    start = time.perf_counter()
    for text in texts:
        parse(text).validate()
    return time.perf_counter() - start


def export(folder: Path, out: Path, jobs: int) -> float:
    start = time.perf_counter()
    with contextlib.redirect_stderr(io.StringIO()):
        status = cli(["export", str(folder), "--to", "csv", "-o", str(out), "-j", str(jobs)])
    assert status == 0
    return time.perf_counter() - start


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(tmp) / "reports"
        if not folder.exists():
            folder.mkdir(parents=True)
            make_folder(folder, count)
        count = len(list(folder.glob("*.txt")))
        print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        # Best of REPEAT runs, taken in turns: other work on the cores only ever slows a run.
        times: dict[int, float] = {}
        for _ in range(REPEAT):
            for jobs in (0, 1, 2):
                out = Path(tmp) / f"cells-{jobs}.csv"
                took = export(folder, out, jobs) if jobs else parse_and_validate(folder)
                times[jobs] = min(times.get(jobs, took), took)
        base = times[0]
        print(f"parse+validate, 1 process: {count} reports in {base:.2f} s = {count / base:.0f}/s")
        for jobs in (1, 2):
            seconds = times[jobs]
            print(
                f"export -j {jobs}: {count} reports in {seconds:.2f} s = {count / seconds:.0f}/s"
                f" = {seconds / base:.2f}x parse+validate"
            )
        print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
