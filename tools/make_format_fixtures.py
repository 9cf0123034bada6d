"""Make tests/formats/: report pages as offices publish them, rendered from reports we
control (tests/samples.py) with ``serialize(report, "html")`` and the publisher-like
variations in tests/page_variants.py, plus GBK pages with a right, a missing and a wrong
charset declaration. Each page's expected edition, year and cells come from the report it
was made from (``flatten``), never from reading the page.

Run from the repository root: ``python tools/make_format_fixtures.py``. Big bad inputs (a
10 MB page of nested ``<div>``) are made by the tests themselves, not committed.
"""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "src")]

from tests.page_variants import VARIANTS, with_charset  # noqa: E402
from tests.samples import SAMPLES  # noqa: E402

from govinfo_report import Report, flatten, serialize  # noqa: E402

OUT = ROOT / "tests" / "formats"
# GBK pages: the declaration each one carries (None: none at all).
CHARSETS = {"gbk-declared-gb2312": "gb2312", "gbk-undeclared": None, "gbk-declared-utf8": "utf-8"}


def expected(report: Report) -> dict[str, object]:
    cells = {
        key: str(value) if isinstance(value, Decimal) else value
        for key, value in flatten(report).items()
    }
    return {"edition": report.edition.value, "year": report.year, "cells": cells}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*"):
        old.unlink()
    for edition, make in SAMPLES.items():
        report = make()
        page = serialize(report, "html")
        truth = json.dumps(expected(report), ensure_ascii=False, indent=1, sort_keys=True)
        (OUT / f"{edition}.expected.json").write_text(truth + "\n", encoding="utf-8")
        for name, vary in VARIANTS.items():
            (OUT / f"{edition}-{name}.html").write_text(vary(page), encoding="utf-8")
        if edition == "2021":
            for name, charset in CHARSETS.items():
                data = with_charset(VARIANTS["nbsp-p"](page), charset).encode(
                    "gbk", "xmlcharrefreplace"
                )
                (OUT / f"{edition}-{name}.html").write_bytes(data)
    print(f"wrote {len(list(OUT.glob('*')))} files to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
