"""How fast parse() reads a report, against the floor of splitting the same text, and what
validate() adds.

Run by hand (not by CI):  python benchmarks/bench_parse.py [SEED_DIR]

For each seed report it prints the best time of ``parse``, ``validate`` and a plain split of
the text into lines and cells over 300 rounds (this machine is shared: other work only ever
adds time, so the minimum is the figure that repeats), and their ratios; then how parse
time grows when the text is 50 times longer. The split cuts each line at its cell separator:
a tab, or
else a pipe (seed 004's tables are pipe rows, which a split at tabs alone leaves whole).

Those figures repeat one text, so the caches keyed by cell and line text are warm. The last
section parses each report once in a fresh process after the others — template labels
cached, this report's own lines and numbers not — as a batch of unseen reports does.

Targets: parse + validate of each seed within 40× the split (issue 10); median parse ≤ 1.5
ms per seed report and 50× the text in ≤ 75× the time (issue 3); validate() adds ≤ 20 %
(issue 4).
"""

from __future__ import annotations

import functools
import multiprocessing
import statistics
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from govinfo_report import parse

HERE = Path(__file__).resolve().parent
DEFAULT_SEEDS = HERE.parent.parent / "shared" / "seeds"
EXAMPLES = HERE.parent / "examples"


def plain_split(text: str) -> int:
    """The floor any reader pays: lines, then cells."""
    return sum(len(line.split("\t" if "\t" in line else "|")) for line in text.split("\n"))


def best_ms(*funcs: Callable[[], object], rounds: int = 300, batch: int = 1) -> list[float]:
    """The best time of each function, in ms, timed in turns within each round: noise from
    elsewhere on the machine only ever adds time, and taking turns keeps a burst of it from
    landing on one function's samples alone (timeit's advice: take the minimum)."""
    best = [float("inf")] * len(funcs)
    for _ in range(rounds):
        for at, func in enumerate(funcs):
            start = time.perf_counter()
            for _ in range(batch):
                func()
            best[at] = min(best[at], (time.perf_counter() - start) / batch)
    return [value * 1000 for value in best]


def median_ms(func: Callable[..., object], text: str | None, rounds: int, batch: int = 1) -> float:
    """Median wall time of ``func(text)`` (``func()`` when ``text`` is None), in ms. Each
    sample times ``batch`` calls: a 10 µs split timed alone is mostly timer and noise."""
    args = () if text is None else (text,)
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(batch):
            func(*args)
        times.append((time.perf_counter() - start) / batch)
    return statistics.median(times) * 1000


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SEEDS
    if not folder.is_dir():
        folder = EXAMPLES
    paths = sorted(folder.glob("*.txt"))
    texts = {path.name: path.read_text(encoding="utf-8") for path in paths}
    for text in texts.values():  # warm up: grammar build, caches
        parse(text)

    header = f"{'report':<28}{'chars':>7}{'parse ms':>10}{'split ms':>10}{'ratio':>8}"
    print(header + f"{'validate ms':>13}{'+%':>6}{'p+v ratio':>11}")
    parses, splits, ratios, checked = [], [], [], []
    for name, text in texts.items():
        report = parse(text)
        parse_ms, validate_ms = best_ms(functools.partial(parse, text), report.validate)
        (split_ms,) = best_ms(functools.partial(plain_split, text), batch=20)
        parses.append(parse_ms)
        splits.append(split_ms)
        ratios.append(parse_ms / split_ms)
        checked.append((parse_ms + validate_ms) / split_ms)
        share = 100 * validate_ms / parse_ms
        print(
            f"{name:<28}{len(text):>7}{parse_ms:>10.3f}{split_ms:>10.4f}{ratios[-1]:>8.1f}"
            f"{validate_ms:>13.3f}{share:>6.0f}{checked[-1]:>11.1f}"
        )
    print(f"median parse over reports: {statistics.median(parses):.3f} ms")
    print(f"median ratio over reports: {statistics.median(ratios):.1f}× the split")
    print(f"all reports together: {sum(parses) / sum(splits):.1f}× the split")
    print(f"parse + validate, worst report: {max(checked):.1f}× the split (target ≤ 40)")

    print("\ngrowth: the first report repeated")
    base = next(iter(texts.values()))
    one = median_ms(parse, base, 100)
    for times in (1, 10, 50):
        text = "\n".join([base] * times)
        ms = median_ms(parse, text, max(5, 100 // times))
        print(
            f"  {times:>3}× text ({len(text):>7} chars): {ms:9.3f} ms = {ms / one:6.1f}× the time"
        )

    print("\nunseen: each report parsed once, in a fresh process, after the others")
    names = list(texts)
    for name in names:
        firsts = [_in_fresh_process(texts, name) for _ in range(5)]
        print(f"  {name:<28}{statistics.median(firsts):>8.3f} ms")


def _first_parse_ms(texts: dict[str, str], name: str) -> float:
    for other, text in texts.items():
        if other != name:
            parse(text)
    start = time.perf_counter()
    parse(texts[name])
    return (time.perf_counter() - start) * 1000


def _in_fresh_process(texts: dict[str, str], name: str) -> float:
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=spawn) as pool:
        return pool.submit(_first_parse_ms, texts, name).result()


if __name__ == "__main__":
    main()
