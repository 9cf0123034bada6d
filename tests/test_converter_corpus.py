"""The project's converter corpus (tests/converter_corpus, made by tools/converter_corpus/make.py):
report pages passed through real converters, each text with the cells it must give.

Every case parses; no cell is wrong without a finding naming it; the cases listed in EXACT.txt
(year, edition and every cell right today) stay exact."""

from __future__ import annotations

import json
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from govinfo_report import Report, flatten, parse

CORPUS = Path(__file__).resolve().parent / "converter_corpus"
CASES = sorted(p.name.removesuffix(".expected.json") for p in CORPUS.glob("*.expected.json"))
EXACT = frozenset((CORPUS / "EXACT.txt").read_text(encoding="utf-8").split())


def _same(got: Any, want: Any) -> bool:
    if want is None or got is None:
        return got is None and want is None
    if isinstance(want, str):
        return isinstance(got, Decimal) and got == Decimal(want)
    return type(got) is int and got == want


@cache
def _case(case: str) -> tuple[dict[str, Any], Report]:
    expected = json.loads((CORPUS / f"{case}.expected.json").read_text(encoding="utf-8"))
    return expected, parse((CORPUS / f"{case}.txt").read_text(encoding="utf-8"))


def _wrong(case: str) -> list[str]:
    expected, report = _case(case)
    flat = flatten(report)
    return [k for k, v in expected["cells"].items() if not _same(flat.get(k), v)]


def test_the_corpus_is_wide() -> None:
    tools = {json.loads((CORPUS / f"{c}.expected.json").read_text())["tool"] for c in CASES}
    editions = {json.loads((CORPUS / f"{c}.expected.json").read_text())["edition"] for c in CASES}
    assert len(CASES) >= 150
    assert len(tools) >= 10
    assert editions == {"2019", "2021"}
    assert set(CASES) >= EXACT


@pytest.mark.parametrize("case", CASES)
def test_no_cell_is_wrong_without_a_finding_naming_it(case: str) -> None:
    _expected, report = _case(case)
    named = {key for finding in report.validate() for key in finding.keys}
    assert [key for key in _wrong(case) if key not in named] == []


@pytest.mark.parametrize("case", sorted(EXACT))
def test_cases_read_exactly_today_stay_exact(case: str) -> None:
    expected, report = _case(case)
    assert expected["tables_survive"]
    assert _wrong(case) == []
    assert (report.year, report.edition.value) == (expected["year"], expected["edition"])
