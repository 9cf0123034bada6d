"""Make docs/review-page.png: the check page of the rule-breaking seed (../shared/seeds/000),
narrative left out so the marked tables show, drawn by headless Chromium.

    python tools/review_screenshot.py [OUT.png]
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import attrs

from govinfo_report import parse_file
from govinfo_report.model import Section, TableSlot
from govinfo_report.write.review import review_page

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seeds" / "000_fee04dce533f67bf.txt"


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "review-page.png"
    report = parse_file(SEED)
    found = report.validate()
    tables = attrs.evolve(
        report,
        intro=(),
        sections=tuple(
            Section(s.number, s.title, tuple(b for b in s.body if isinstance(b, TableSlot)))
            for s in report.sections
        ),
    )
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "page.html"
        page.write_text(review_page(tables, found, SEED.name), encoding="utf-8")
        subprocess.run(
            [
                "chromium",
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                "--window-size=1000,2000",
                f"--screenshot={out}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
        )
    print(out)


if __name__ == "__main__":
    main()
