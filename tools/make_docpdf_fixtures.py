"""Make the Word and PDF fixtures the format tests read, from reports we control.

Each report is rendered to an HTML page laid out as the template prints its tables (merged
cells as rowspan/colspan, blanks in every table), then LibreOffice and pandoc turn the page
into the files offices publish: .docx (LibreOffice and pandoc), .doc, a ruled .pdf and an
unruled .pdf (table borders removed). Beside each file set goes ``NAME.expected.json``: the
report's edition, year and every cell (``flatten``), taken from the report itself, never
from reading the files.

    python tools/make_docpdf_fixtures.py                # tests/formats/docpdf (committed)
    python tools/make_docpdf_fixtures.py --seeds DIR    # the seeds too, into DIR (not committed)

Needs ``soffice`` (libreoffice-writer, fonts-wqy-zenhei for CJK glyphs) and ``pandoc``.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from tests.samples import report_2019, report_2021  # noqa: E402

from govinfo_report import Report, flatten, from_dict, parse, to_dict  # noqa: E402
from govinfo_report.model import GenericTable, Paragraph, TableSlot  # noqa: E402
from govinfo_report.model.editions import (  # noqa: E402
    APPLICANTS,
    APPLICATION_COLUMNS,
    APPLICATION_NOTE,
    DISCLOSURE_HEADER,
    EDITIONS,
    LEGAL_PERSONS,
    LITIGATION,
    REVIEW_GROUPS,
    REVIEW_LEAVES,
    EditionSpec,
    join_key,
)
from govinfo_report.model.numerals import to_chinese  # noqa: E402
from govinfo_report.model.values import format_value  # noqa: E402

OUT = ROOT / "tests" / "formats" / "docpdf"
Cells = dict[str, Any]


def _td(text: str, rowspan: int = 1, colspan: int = 1, vertical: bool = False) -> str:
    spans = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (
        f' colspan="{colspan}"' if colspan > 1 else ""
    )
    body = html.escape(text) if text else "&nbsp;"
    if vertical:  # one character per line, as labels in narrow columns are printed
        body = "<br>".join(html.escape(character) for character in text)
    return f"<td{spans}>{body}</td>"


def _disclosure(cells: Cells, spec: EditionSpec) -> list[str]:
    width = 1 + max(len(item.columns) for item in spec.items)
    rows = []
    for item in spec.items:
        rows.append(_td(item.caption, colspan=width))
        extra = width - 1 - len(item.columns)
        labels = [column.label for column in item.columns]
        header = [_td(DISCLOSURE_HEADER)] + [
            _td(label, colspan=1 + (extra if i == len(labels) - 1 else 0))
            for i, label in enumerate(labels)
        ]
        rows.append("".join(header))
        for row in item.rows:
            values = [
                format_value(cells[join_key("active_disclosure", row.key, c.key)])
                for c in item.columns
            ]
            rows.append(
                _td(row.label)
                + "".join(
                    _td(v, colspan=1 + (extra if i == len(values) - 1 else 0))
                    for i, v in enumerate(values)
                )
            )
    return rows


def _applications(cells: Cells, spec: EditionSpec, narrow: bool = False) -> list[str]:
    """Table 三; ``narrow`` prints the group labels one character per line, as many
    published reports do in narrow columns."""
    leaves = [column.label for column in APPLICATION_COLUMNS]
    rows = [
        _td(APPLICATION_NOTE, rowspan=3, colspan=3) + _td(APPLICANTS, colspan=len(leaves)),
        _td(leaves[0], rowspan=2)
        + _td(LEGAL_PERSONS, colspan=len(leaves) - 2)
        + _td(leaves[-1], rowspan=2),
        "".join(_td(label) for label in leaves[1:-1]),
    ]
    spec_rows = spec.application_rows
    for index, row in enumerate(spec_rows):
        first_of_part = row.part and (index == 0 or spec_rows[index - 1].part != row.part)
        first_of_group = row.group and (index == 0 or spec_rows[index - 1].group != row.group)
        labels = ""
        if not row.part:
            labels = _td(row.label, colspan=3)
        else:
            if first_of_part:
                labels += _td(
                    row.part, rowspan=sum(r.part == row.part for r in spec_rows), vertical=narrow
                )
            if not row.group:
                labels += _td(row.label, colspan=2)
            else:
                if first_of_group:
                    labels += _td(
                        row.group,
                        rowspan=sum(r.group == row.group for r in spec_rows),
                        vertical=narrow,
                    )
                labels += _td(row.label)
        values = (
            format_value(cells[join_key("applications", row.key, column.key)])
            for column in APPLICATION_COLUMNS
        )
        rows.append(labels + "".join(_td(v) for v in values))
    return rows


def _review(cells: Cells, _spec: EditionSpec) -> list[str]:
    n = len(REVIEW_LEAVES)
    leaves = [leaf.label for leaf in REVIEW_LEAVES]
    return [
        _td(REVIEW_GROUPS[0].label, colspan=n) + _td(LITIGATION, colspan=2 * n),
        "".join(_td(leaf, rowspan=2) for leaf in leaves)
        + _td(REVIEW_GROUPS[1].label, colspan=n)
        + _td(REVIEW_GROUPS[2].label, colspan=n),
        "".join(_td(leaf) for leaf in leaves * 2),
        "".join(
            _td(format_value(cells[join_key("review_litigation", g.key, leaf.key)]))
            for g in REVIEW_GROUPS
            for leaf in REVIEW_LEAVES
        ),
    ]


TABLES = {
    "active_disclosure": _disclosure,
    "applications": _applications,
    "review_litigation": _review,
}


def _table(rows: list[str], ruled: bool) -> str:
    attributes = ' border="1" cellspacing="0" cellpadding="2"' if ruled else ' border="0"'
    body = "".join(f"<tr>{row}</tr>" for row in rows)
    return f'<table{attributes} style="border-collapse:collapse;width:100%">{body}</table>'


def render_html(report: Report, ruled: bool = True, variant: bool = False) -> str:
    """The report as a web page: paragraphs and the three tables with their merged cells.
    A ``variant`` page is laid out as publishers often do: table 三's group labels in narrow
    columns (one character per line) and the first paragraph in a ruled one-cell box (as
    WPS draws background boxes)."""
    spec = EDITIONS[report.edition]
    cells = flatten(report)
    parts = [f"<p>{html.escape(line)}</p>" for line in report.front_matter]
    if report.title:
        parts.append(f"<h1>{html.escape(report.title)}</h1>")

    boxed: list[Paragraph] = []

    def blocks(body: Any) -> None:
        for block in body:
            if isinstance(block, Paragraph) and variant and not boxed:
                boxed.append(block)
                parts.append(_table([_td(block.text)], ruled))
            elif isinstance(block, Paragraph):
                parts.append(f"<p>{html.escape(block.text)}</p>")
            elif isinstance(block, TableSlot) and block.table == "applications":
                parts.append(_table(_applications(cells, spec, narrow=variant), ruled))
            elif isinstance(block, TableSlot):
                parts.append(_table(TABLES[block.table](cells, spec), ruled))
            elif isinstance(block, GenericTable):
                rows = ["".join(_td(c) for c in (r.label, *r.cells)) for r in block.rows]
                parts.append(_table(rows, ruled))

    blocks(report.intro)
    for section in report.sections:
        parts.append(f"<h2>{to_chinese(section.number)}、{html.escape(section.title)}</h2>")
        blocks(section.body)
    style = "body{font-family:'WenQuanYi Zen Hei';font-size:10pt} td{font-size:9pt}"
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>report</title>'
        f"<style>{style}</style></head><body>{''.join(parts)}</body></html>\n"
    )


def with_blanks(report: Report, rng: random.Random) -> Report:
    """The report with a few cells of every table blanked (blank is not 0)."""
    data = to_dict(report)

    def leaves(node: Any, path: list[Any]) -> list[list[Any]]:
        if isinstance(node, dict):
            return [p for k, v in node.items() for p in leaves(v, [*path, k])]
        return [path]

    for table in ("active_disclosure", "applications", "review_litigation"):
        paths = leaves(data[table], [table])
        for path in rng.sample(paths, 3):
            node = data
            for key in path[:-1]:
                node = node[key]
            node[path[-1]] = None
    return from_dict(data)


def expected(report: Report) -> dict[str, Any]:
    """What reading any file made from ``report`` must give: from the report, not a reading."""

    def plain(value: Any) -> Any:
        return str(value) if isinstance(value, Decimal) else value

    return {
        "edition": report.edition.value,
        "year": report.year,
        "cells": {key: plain(value) for key, value in flatten(report).items()},
    }


def strategy_reports(count: int) -> list[Report]:
    """Reports the library's strategies draw, kept when they have no unplaced rows."""
    from govinfo_report.testing.strategies import reports

    found: list[Report] = []
    while len(found) < count:
        edition = list(EDITIONS)[len(found) % 2]
        report = reports(edition).example()
        slots = {
            block.table
            for section in report.sections
            for block in section.body
            if isinstance(block, TableSlot)
        }
        tables = ("active_disclosure", "applications", "review_litigation")
        if (
            not report.unplaced
            and report.year is not None
            and all(getattr(report, table) is not None and table in slots for table in tables)
        ):
            found.append(report)
    return found


def _run(*command: str, cwd: Path) -> None:
    subprocess.run(command, cwd=cwd, check=True, capture_output=True, timeout=300)


def make(name: str, report: Report, out: Path, work: Path, variant: bool = False) -> None:
    """All the files of one report, and its expected cells."""
    page = work / f"{name}.html"
    page.write_text(render_html(report, variant=variant), encoding="utf-8")
    unruled = work / f"{name}-unruled.html"
    unruled.write_text(render_html(report, ruled=False, variant=variant), encoding="utf-8")
    writer = "--infilter=HTML (StarWriter)"
    _run(
        "soffice",
        "--headless",
        writer,
        "--convert-to",
        "docx:MS Word 2007 XML",
        page.name,
        cwd=work,
    )
    _run("soffice", "--headless", "--convert-to", "doc:MS Word 97", f"{name}.docx", cwd=work)
    _run("soffice", "--headless", "--convert-to", "pdf:writer_pdf_Export", f"{name}.docx", cwd=work)
    _run(
        "soffice",
        "--headless",
        writer,
        "--convert-to",
        "docx:MS Word 2007 XML",
        unruled.name,
        cwd=work,
    )
    _run(
        "soffice",
        "--headless",
        "--convert-to",
        "pdf:writer_pdf_Export",
        unruled.with_suffix(".docx").name,
        cwd=work,
    )
    _run("pandoc", "-f", "html", "-t", "docx", "-o", f"{name}-pandoc.docx", page.name, cwd=work)
    out.mkdir(parents=True, exist_ok=True)
    for suffix in (".docx", ".doc", ".pdf", "-pandoc.docx", "-unruled.pdf"):
        shutil.copy(work / f"{name}{suffix}", out / f"{name}{suffix}")
    text = json.dumps(expected(report), ensure_ascii=False, indent=1) + "\n"
    (out / f"{name}.expected.json").write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, help="also render ../shared/seeds into this folder")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    rng = random.Random(12)
    reports = {
        "sample-2019": with_blanks(report_2019(), rng),
        "sample-2021": with_blanks(report_2021(), rng),
    }
    for index, report in enumerate(strategy_reports(2)):
        reports[f"drawn-{report.edition.value}-{index}"] = with_blanks(report, rng)
    jobs = [(name, report, args.out) for name, report in reports.items()]
    if args.seeds:
        for path in sorted((ROOT.parent / "shared" / "seeds").glob("*.txt")):
            report = parse(path.read_text(encoding="utf-8"))
            jobs.append((f"seed-{path.stem[:3]}", with_blanks(report, rng), args.seeds))
    with tempfile.TemporaryDirectory() as work:
        for name, report, out in jobs:
            make(name, report, out, Path(work), variant=not name.startswith("sample"))
            print(name, "->", out)


if __name__ == "__main__":
    main()
