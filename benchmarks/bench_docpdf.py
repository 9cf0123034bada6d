"""How long reading a Word or PDF report takes, per format, against parsing its text.

Run by hand (not by CI):  python benchmarks/bench_docpdf.py [FOLDER]

FOLDER holds files made by tools/make_docpdf_fixtures.py (default: tests/formats/docpdf). For
each file it prints the best of a few rounds, in ms per document: the format's reader
(bytes to blocks), and the whole way to a ``Report``; then the median per format, and the
text parse of the same report (``serialize`` then ``parse``) for scale. Only prints.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from govinfo_report import parse, parse_bytes, serialize
from govinfo_report.read._formats import BINARY_READERS as READERS
from govinfo_report.read._formats import binary_kind as sniff

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent / "tests" / "formats" / "docpdf"


def best_ms(func: Callable[[], object], rounds: int) -> float:
    """The best time of ``func`` in ms (other work on a shared machine only adds time)."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def kind_of(path: Path) -> str:
    name = path.name
    if "unruled" in name:
        return "pdf (unruled)"
    if "pandoc" in name:
        return "docx (pandoc)"
    return path.suffix.lstrip(".")


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    files = sorted(p for p in folder.iterdir() if p.suffix in (".docx", ".doc", ".pdf"))
    totals: dict[str, list[float]] = defaultdict(list)
    text_ms: list[float] = []
    print(f"{'file':40} {'reader ms':>10} {'to Report ms':>13}")
    for path in files:
        data = path.read_bytes()
        kind = sniff(data)
        if kind is None:
            continue
        rounds = 3 if kind == "doc" else 5
        reader = READERS[kind]
        read = best_ms(lambda: reader(data), rounds)  # noqa: B023 - called before the next turn
        whole = best_ms(lambda: parse_bytes(data), rounds)  # noqa: B023
        totals[kind_of(path)].append(whole)
        print(f"{path.name:40} {read:10.1f} {whole:13.1f}")
        if kind == "docx" and "pandoc" not in path.name:
            text = serialize(parse_bytes(data))
            text_ms.append(best_ms(lambda: parse(text), 20))  # noqa: B023
    print()
    for name, values in sorted(totals.items()):
        print(f"{name:16} median {statistics.median(values):8.1f} ms per document")
    if text_ms:
        print(f"{'text (tab)':16} median {statistics.median(text_ms):8.1f} ms per document")


if __name__ == "__main__":
    main()
