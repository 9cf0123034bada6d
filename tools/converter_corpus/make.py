"""Regenerate the converter corpus (tests/converter_corpus), or measure the reader on it.

    python tools/converter_corpus/make.py            # rebuild every case
    python tools/converter_corpus/make.py --measure  # per tool: cells right / wrong / silent
    python tools/converter_corpus/make.py --measure --update-exact  # and rewrite EXACT.txt
    python tools/converter_corpus/make.py --fresh 6 --out /tmp/fresh6  # other reports and pages
    python tools/converter_corpus/make.py --measure --out /tmp/fresh6

Reports come from the seeds (../shared/seeds; skipped when absent) and from the library's
hypothesis strategies with a fixed seed (sources.py); each is rendered as a publisher's page
(render.py) and passed through every real tool (converters.py). A case is the tool's text and
the cells it must give, which come from the report the page was made from, never from the text.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
from collections import defaultdict
from dataclasses import asdict
from decimal import Decimal
from pathlib import Path
from typing import Any

import lxml.html
from converters import CONVERTERS, missing, tables_survive
from render import Style, number_text, render
from sources import drawn, fresh_tag, from_seed

from govinfo_report import Edition, ParseError, Report, flatten, parse
from govinfo_report.model.editions import EDITIONS, REVIEW_LEAVES

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "converter_corpus"
SEEDS = ROOT.parent / "shared" / "seeds"
EXACT = CORPUS / "EXACT.txt"
DRAWN_PER_KIND = 2  # per edition: this many drawn reports, and as many whose tables add up


def reports(fresh: int = 0) -> dict[str, Report]:
    """Every report of the corpus by name: seeds first, then drawn ones (other draws when
    ``fresh`` > 0)."""
    found: dict[str, Report] = {}
    if SEEDS.is_dir():
        for path in sorted(SEEDS.glob("*.txt")):
            found[f"seed_{path.name[:3]}"] = from_seed(path)
    else:
        print(f"note: {SEEDS} is absent; the seeds' reports are skipped", file=sys.stderr)
    for edition in Edition:
        for consistent in (False, True):
            kind = "sum" if consistent else "draw"
            for index, report in enumerate(
                drawn(edition, DRAWN_PER_KIND, consistent, fresh), start=1
            ):
                found[f"{kind}_{edition.value}_{index}"] = report
        found[f"plain_{edition.value}"] = found[f"sum_{edition.value}_1"]
    return found


def style(name: str, fresh: int = 0) -> Style:
    """The page's style: drawn from its name, except the plain pages, which vary nothing
    (the baseline: only the tool differs from the template)."""
    if name.startswith("plain_"):
        return Style()
    return Style.draw(random.Random(name + fresh_tag(fresh)))


def labels(report: Report) -> list[tuple[str, ...]]:
    """Per standard table on the page, the labels it prints beside its cells: its rows'
    (tables 二 and 三) or its columns' (table 四, which has no row labels)."""
    spec = EDITIONS[report.edition]
    found = []
    if report.active_disclosure is not None:
        found.append(tuple(row.label for item in spec.items for row in item.rows))
    if report.applications is not None:
        found.append(tuple(row.label for row in spec.application_rows))
    if report.review_litigation is not None:
        found.append(tuple(leaf.label for leaf in REVIEW_LEAVES))
    return found


def expected(report: Report, tool: str, survive: bool, style: Style) -> dict[str, Any]:
    """What the case must give: from the report the page was made from, never the text.
    ``style`` says how the page was written, for whoever looks into a failing case."""
    cells = {
        key: number_text(value) if isinstance(value, Decimal) else value
        for key, value in flatten(report).items()
    }
    return {
        "year": report.year,
        "edition": report.edition.value,
        "cells": cells,
        "tool": tool,
        "tables_survive": survive,
        "style": {k: v for k, v in asdict(style).items() if v != getattr(Style(), k)},
    }


def check_grid(page: str, name: str) -> None:
    """Every standard table of the page (those with merged cells; generic tables have rows
    of any length) is a full rectangle once its merged cells are spread over the grid, with
    no cell covering another: a span miscounted by render.py fails here, before any tool
    sees the page."""
    for number, table in enumerate(lxml.html.fromstring(page).iter("table"), start=1):
        if not table.xpath(".//td[@colspan or @rowspan]"):
            continue
        taken: set[tuple[int, int]] = set()
        for y, row in enumerate(table.iter("tr")):
            x = 0
            for cell in row.iter("td"):
                while (y, x) in taken:
                    x += 1
                width, height = int(cell.get("colspan", 1)), int(cell.get("rowspan", 1))
                spread = {(y + dy, x + dx) for dy in range(height) for dx in range(width)}
                if spread & taken:
                    sys.exit(f"{name}: table {number} has overlapping cells at row {y + 1}")
                taken |= spread
                x += width
        rows = {y for y, _ in taken}
        columns = {x for _, x in taken}
        if len(taken) != len(rows) * len(columns):
            sys.exit(f"{name}: table {number} is not a rectangle once its spans are spread")


def build(tools: list[str], keep: Path | None, corpus: Path, fresh: int) -> None:
    """Render every report, run every tool, write each case's text and expected cells."""
    lacking = missing()
    if lacking:
        sys.exit(f"missing programs: {', '.join(lacking)} (see docs/converter-corpus.md)")
    made = reports(fresh)
    corpus.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="converter-corpus-") as temp:
        work = Path(temp)
        pages_dir = work / "pages"
        pages_dir.mkdir()
        pages = []
        styles = {name: style(name, fresh) for name in made}
        for name, report in made.items():
            page = pages_dir / f"{name}.html"
            html = render(report, styles[name])
            check_grid(html, name)
            page.write_text(html, encoding="utf-8")
            pages.append(page)
        if keep is not None:
            shutil.copytree(pages_dir, keep, dirs_exist_ok=True)
        for tool in tools:
            out = work / "out" / tool
            out.mkdir(parents=True)
            CONVERTERS[tool](pages, work, out)
            for name, report in made.items():
                text = (out / f"{name}.txt").read_text(encoding="utf-8")
                case = corpus / f"{name}-{tool}"
                case.with_suffix(".txt").write_text(text, encoding="utf-8")
                survive = tables_survive(tool, text, not styles[name].pretty, labels(report))
                truth = expected(report, tool, survive, styles[name])
                Path(f"{case}.expected.json").write_text(
                    json.dumps(truth, ensure_ascii=False, indent=0) + "\n", encoding="utf-8"
                )
            print(f"{tool}: {len(made)} cases", file=sys.stderr)


# --- measuring ----------------------------------------------------------------------------


def same(got: object, want: object) -> bool:
    """A cell read right: blank for blank, the same int, the same amount."""
    if want is None or got is None:
        return got is None and want is None
    if isinstance(want, str):
        return isinstance(got, Decimal) and got == Decimal(want)
    return type(got) is int and got == want


def judge(case: Path) -> tuple[int, list[str], list[str], bool]:
    """Cells right, keys wrong, keys wrong that no finding names, and whether all is exact."""
    truth = json.loads(Path(f"{case}.expected.json").read_text(encoding="utf-8"))
    try:
        report = parse(case.with_suffix(".txt").read_text(encoding="utf-8"))
    except ParseError:
        keys = list(truth["cells"])
        return 0, keys, keys, False
    flat = flatten(report)
    named = {key for finding in report.validate() for key in finding.keys}
    wrong = [k for k, v in truth["cells"].items() if not same(flat.get(k), v)]
    silent = [k for k in wrong if k not in named]
    exact = not wrong and (report.year, report.edition.value) == (truth["year"], truth["edition"])
    return len(truth["cells"]) - len(wrong), wrong, silent, exact


def cases(corpus: Path) -> list[Path]:
    return sorted(
        corpus / p.name.removesuffix(".expected.json") for p in corpus.glob("*.expected.json")
    )


COLUMNS = ("cases", "survive", "exact", "right", "wrong", "silent")


def measure(update_exact: bool, corpus: Path) -> None:
    """Print per tool: cases, cases whose tables survive the tool, exact cases, cells right,
    wrong, and wrong with no finding naming them (silent); then the exact and silent cases."""
    rows: dict[str, list[int]] = defaultdict(lambda: [0] * len(COLUMNS))
    exact_cases: list[str] = []
    silent_cases: list[str] = []
    for case in cases(corpus):
        truth = json.loads(Path(f"{case}.expected.json").read_text(encoding="utf-8"))
        right, wrong, silent, exact = judge(case)
        found = (1, truth["tables_survive"], exact, right, len(wrong), len(silent))
        rows[truth["tool"]] = [a + b for a, b in zip(rows[truth["tool"]], found, strict=True)]
        if exact:
            exact_cases.append(case.name)
        if silent:
            silent_cases.append(f"{case.name}: {len(silent)} silent: {', '.join(silent)}")
    print(f"{'tool':<18}" + "".join(f"{c:>8}" for c in COLUMNS))
    total = [sum(row[i] for row in rows.values()) for i in range(len(COLUMNS))]
    for tool, counts in [*sorted(rows.items()), ("all", total)]:
        print(f"{tool:<18}" + "".join(f"{n:>8}" for n in counts))
    print("\nexact cases:", " ".join(exact_cases) or "none")
    print("\nsilent cases:" if silent_cases else "\nsilent cases: none")
    for line in silent_cases:
        print("  " + line)
    if update_exact:
        EXACT.write_text("".join(f"{name}\n" for name in exact_cases), encoding="utf-8")
        print(f"\nwrote {len(exact_cases)} names to {EXACT.relative_to(ROOT)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--measure", action="store_true", help="measure the reader, build nothing")
    parser.add_argument("--update-exact", action="store_true", help="with --measure: rewrite EXACT")
    parser.add_argument("--keep-pages", type=Path, help="also copy the HTML pages here")
    parser.add_argument("--tools", default=",".join(CONVERTERS), help="comma-separated tools")
    parser.add_argument("--out", type=Path, default=CORPUS, help="the corpus folder")
    parser.add_argument("--fresh", type=int, default=0, help="N > 0: other reports and pages")
    args = parser.parse_args()
    if args.update_exact and args.out != CORPUS:
        sys.exit("--update-exact rewrites the committed corpus's EXACT.txt only")
    if args.measure:
        measure(args.update_exact, args.out)
    else:
        build(args.tools.split(","), args.keep_pages, args.out, args.fresh)


if __name__ == "__main__":
    main()
