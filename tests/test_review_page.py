"""The check page: cells marked exactly by their findings, findings listed, self-contained."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from govinfo_report import parse, parse_file
from govinfo_report.io.cli import main
from govinfo_report.write.review import review_page

from .conftest import SHARED
from .samples import report_2021

SEED = SHARED / "seeds" / "000_fee04dce533f67bf.txt"
_CELL = re.compile(r'<td data-key="([^"]+)"(?: class="([^"]*)")?')


def _classes(page: str) -> dict[str, set[str]]:
    return {key: set((names or "").split()) for key, names in _CELL.findall(page)}


def test_the_rule_breaking_seed_marks_exactly_the_cells_of_its_errors() -> None:
    if not SEED.is_file():
        pytest.skip("../shared/seeds is not beside the checkout")
    report = parse_file(SEED)
    found = report.validate()
    page = review_page(report, found, SEED.name)
    marked = {key for key, names in _classes(page).items() if "error" in names}
    errors = {key for f in found if f.severity == "error" for key in f.keys}
    assert errors and marked == errors
    warned = {key for key, names in _classes(page).items() if "warning" in names}
    assert warned == {k for f in found if f.severity == "warning" for k in f.keys} - errors


def test_a_marked_cell_shows_its_findings_on_hover_and_links_to_them() -> None:
    text = serialize_with_a_wrong_total()
    report = parse(text)
    found = report.validate()
    page = review_page(report, found, "report.txt")
    key = "applications.new_received.total"
    cell = re.search(
        rf'<td data-key="{re.escape(key)}" class="error" id="cell-{key}" title="([^"]+)"'
        rf'><a href="#finding-(\d+)">',
        page,
    )
    assert cell is not None and "错误" in cell.group(1)
    number = int(cell.group(2))
    assert found[number].severity == "error" and key in found[number].keys
    assert f'<li id="finding-{number}" class="error">' in page
    assert f"report.txt 第 {found[number].line} 行" in page


def test_the_page_is_self_contained_and_blank_cells_differ_from_zeros() -> None:
    report = parse(serialize_with_a_wrong_total())
    page = review_page(report, report.validate())
    assert "<script" not in page and "http://" not in page and "https://" not in page
    assert 'name="viewport"' in page
    cells = _classes(page)
    assert "blank" in cells["applications.carried_over.natural_person"]
    assert "blank" not in cells["applications.new_received.natural_person"]


def serialize_with_a_wrong_total() -> str:
    """The sample 2021 report with one total off by one, and one row blanked."""
    from govinfo_report import serialize

    text = serialize(report_2021())
    lines = text.splitlines()
    for at, line in enumerate(lines):
        if line.startswith("一、本年新收政府信息公开申请数量\t"):
            cells = line.split("\t")
            cells[-1] = str(int(cells[-1]) + 1)
            lines[at] = "\t".join(cells)
        elif line.startswith("二、上年结转政府信息公开申请数量\t"):
            lines[at] = "二、上年结转政府信息公开申请数量" + "\t" * 7
    return "\n".join(lines) + "\n"


def test_check_html_writes_a_page_per_report_and_an_index(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(serialize_with_a_wrong_total(), encoding="utf-8")
    from govinfo_report import serialize

    (folder / "b.txt").write_text(serialize(report_2021()), encoding="utf-8")
    out = tmp_path / "pages"
    assert main(["check", "-j", "1", str(folder), "--html", str(out)]) == 1
    index = (out / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r'<a href="([^"]+)">([^<]+)</a></td><td class="[^"]*">(\d+)</td>', index)
    assert [(Path(name).name, int(errors)) for _, name, errors in rows] == [
        ("a.txt", 1),
        ("b.txt", 0),
    ]
    assert all((out / link).is_file() for link, _, _ in rows)
    single = tmp_path / "one.html"
    assert main(["check", "-j", "1", str(folder / "b.txt"), "--html", str(single)]) == 0
    assert "发现的问题（0 个错误" in single.read_text(encoding="utf-8")
