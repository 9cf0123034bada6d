"""Export speed: a folder of 1,000 generated reports, with 1 and with 2 worker processes.

Run by hand (not by CI):  python benchmarks/bench_export.py [COUNT]

Reports are made from the shipped sample with random numbers, in all three layouts, written
to a temporary folder; the export is the CLI's `export --to csv`.
"""

from __future__ import annotations

import contextlib
import io
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from govinfo_report import from_dict, parse, serialize, to_dict
from govinfo_report.io.cli import main as cli
from govinfo_report.write.text import LAYOUTS

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


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "reports"
        folder.mkdir()
        make_folder(folder, count)
        for jobs in (1, 2):
            out = Path(tmp) / f"cells-{jobs}.csv"
            start = time.perf_counter()
            with contextlib.redirect_stderr(io.StringIO()):
                status = cli(
                    ["export", str(folder), "--to", "csv", "-o", str(out), "-j", str(jobs)]
                )
            seconds = time.perf_counter() - start
            assert status == 0
            rate = count / seconds
            print(f"{jobs} worker(s): {count} reports in {seconds:.2f} s = {rate:.0f} reports/s")


if __name__ == "__main__":
    main()
