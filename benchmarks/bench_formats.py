"""How fast each published format is read, against the text parse of the same report.

Run by hand (not by CI):  python benchmarks/bench_formats.py [SEED_DIR]

For each report (the two samples of tests/samples.py, and each seed report when present) the
page ``serialize(report, "html")`` makes and the same page inside a portal (navigation,
sidebar, footer: tests/page_variants.py) are read with ``parse``, and the GBK page as bytes
with ``parse_bytes``; each is timed against ``parse`` of the report's canonical text. Prints
the best ms per document over the rounds, timed in turns (the machine is shared: other work
only ever adds time) and the ratio to text. Those repeat one document, so the text reader's
caches (keyed by line) are warm; the last table reads each report once in a fresh process,
after another report (template labels cached, this report's lines not), as a batch of unseen
reports does.
Target (issue 12): HTML within 3x the text parse.
"""

from __future__ import annotations

import gc
import multiprocessing
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent)]

from tests.page_variants import full_page, with_charset  # noqa: E402
from tests.samples import SAMPLES  # noqa: E402

from govinfo_report import Report, parse, parse_bytes, serialize  # noqa: E402

DEFAULT_SEEDS = HERE.parent.parent / "shared" / "seeds"
ROUNDS = 200


def best_ms(*reads: tuple[Callable[[Any], object], object]) -> list[float]:
    """The best time of each ``(read, data)``, in ms, timed in turns within each round: a
    burst of other work on the machine then cannot land on one reader's samples alone."""
    best = [float("inf")] * len(reads)
    for _ in range(ROUNDS):
        for at, (read, data) in enumerate(reads):
            started = time.perf_counter()
            read(data)
            best[at] = min(best[at], time.perf_counter() - started)
    return [value * 1000 for value in best]


def _once(warm: str, target: str | bytes) -> float:
    """In a fresh process: read another report first, then time one read of ``target``."""
    parse(warm)
    gc.collect()  # a collection of what came before is no cost of this read
    gc.freeze()
    started = time.process_time()  # CPU time: other sessions on the machine do not count
    if isinstance(target, bytes):
        parse_bytes(target)
    else:
        parse(target)
    return (time.process_time() - started) * 1000


def cold_ms(warm: str, target: str | bytes, repeats: int = 3) -> float:
    """The best of ``repeats`` fresh processes."""
    best = float("inf")
    for _ in range(repeats):
        with multiprocessing.get_context("spawn").Pool(1) as pool:
            best = min(best, float(pool.apply(_once, (warm, target))))
    return best


def cold(found: dict[str, Report]) -> None:
    warm = serialize(SAMPLES["2019"](), "html")
    print(f"\nonce, in a fresh process\n{'report':<28}{'text ms':>9}{'html ms':>9}{'x':>6}")
    ratios = []
    for name, report in found.items():
        text_ms = cold_ms(warm, serialize(report))
        page_ms = cold_ms(warm, serialize(report, "html"))
        ratios.append(page_ms / text_ms)
        print(f"{name:<28}{text_ms:>9.2f}{page_ms:>9.2f}{page_ms / text_ms:>6.1f}")
    print(f"ratio to text: median {statistics.median(ratios):.1f}x, worst {max(ratios):.1f}x")


def reports(seeds: Path) -> dict[str, Report]:
    found = {f"sample-{edition}": make() for edition, make in SAMPLES.items()}
    for path in sorted(seeds.glob("*.txt")) if seeds.is_dir() else []:
        found[path.stem] = parse(path.read_text(encoding="utf-8"))
    return found


def main() -> None:
    seeds = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SEEDS
    print(
        f"{'report':<28}{'text ms':>9}{'html ms':>9}{'x':>6}{'portal ms':>11}{'x':>6}"
        f"{'gbk bytes ms':>14}{'x':>6}"
    )
    ratios: list[float] = []
    for name, report in reports(seeds).items():
        text = serialize(report)
        page = serialize(report, "html")
        portal = full_page(page)
        gbk = with_charset(page, "gb2312").encode("gbk", "xmlcharrefreplace")
        base, *times = best_ms((parse, text), (parse, page), (parse, portal), (parse_bytes, gbk))
        ratios += [t / base for t in times]
        cells = "".join(
            f"{t:>{w}.2f}{t / base:>6.1f}" for t, w in zip(times, (9, 11, 14), strict=True)
        )
        print(f"{name:<28}{base:>9.2f}{cells}")
    print(
        f"ratio to text: median {statistics.median(ratios):.1f}x, worst {max(ratios):.1f}x "
        "(target: within 3x)"
    )
    cold(reports(seeds))


if __name__ == "__main__":
    main()
