"""The converter lab's cases (../shared/converter-lab): text as real converters redraw the
tables. Every cell is exact, or blank and named by a finding — never silently wrong."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from govinfo_report import flatten, parse

from .conftest import SHARED

LAB = SHARED / "converter-lab"
CASES = sorted(p.name.removesuffix(".expected.json") for p in LAB.glob("*.expected.json"))
# Cases read exactly today: a change that loses one of them is a regression.
EXACT = {
    "C1-chromium-innertext-nbsp-blanks",
    "C1-chromium-innertext-tab-lines",
    "C10-glued-cells-scraper-page-text",
    "C11-value-rows-detached-from-labels",
    "C12-table4-split-into-group-tables",
    "C13-label-variants-comma-misprint-stray-header",
    "C2-w3m-box-grid",
    "C3-pandoc-gfm-raw-html-table",
    "C4-blank-cells-lost-docx2python-nbsp",
    "C4-blank-cells-lost-docx2txt",
    "C4-blank-cells-lost-pandoc-plain-simple-table",
    "C5a-header-split-colswap-docx2txt",
    "C5a-header-split-colswap-lynx",
    "C5b-header-fragments-table4-html2text",
    "C6-colspan-placeholder-pandoc-grid",
    "C6-merged-cell-repeated-docx2python-labels",
    "C6-merged-cell-repeated-docx2python-values",
    "C7-year-none-edition-fallback-silent",
    "C7-title-two-paragraphs-year-none",
    "C8-wrapped-label-values-middle-line-inscriptis",
    "C8-wrapped-label-values-other-line-pdf-layout",
    "C9-inner-space-splits-label-and-unit-inscriptis",
    "C9-label-split-by-inner-space-pdf-layout",
}


def _same(got: Any, want: Any) -> bool:
    if want is None or got is None:
        return got is None and want is None
    if isinstance(want, str):
        return isinstance(got, Decimal) and got == Decimal(want)
    return type(got) is int and got == want


@pytest.fixture
def lab() -> Path:
    if not LAB.is_dir():
        pytest.skip("../shared/converter-lab is not beside the checkout")
    return LAB


@pytest.mark.parametrize("case", CASES or ["none"])
def test_no_cell_is_wrong_without_a_finding_naming_it(lab: Path, case: str) -> None:
    expected = json.loads((lab / f"{case}.expected.json").read_text(encoding="utf-8"))
    report = parse((lab / f"{case}.txt").read_text(encoding="utf-8"))
    flat = flatten(report)
    named = {key for finding in report.validate() for key in finding.keys}
    wrong = [k for k, v in expected["cells"].items() if not _same(flat.get(k), v)]
    assert [k for k in wrong if k not in named] == []
    if case in EXACT:
        assert wrong == []
        assert report.year == expected.get("year", report.year)
        assert report.edition.value == expected.get("edition", report.edition.value)
