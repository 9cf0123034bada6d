"""The page an office or an evaluator looks at: the report's tables as the template lays them
out, each cell a finding names marked (red for an error, amber for a warning), its findings on
hover and a tap away, and every finding listed below with its line. Self-contained: no
script, no file from elsewhere; readable on a phone."""

from __future__ import annotations

import html
from collections.abc import Sequence

from govinfo_report.model import Finding, Report
from govinfo_report.model.names import describe
from govinfo_report.write.html import Note, to_html

SEVERITY = {"error": "错误", "warning": "警告"}

_STYLE = (
    "td.error{background:#f8d0cc;outline:2px solid #c0392b}"
    "td.warning{background:#fdf0c2;outline:1px solid #d4a017}"
    "td.blank{background:repeating-linear-gradient(45deg,#fff,#fff 4px,#eee 4px,#eee 8px)}"
    "td[data-key] a{color:inherit;text-decoration:none;display:block}"
    ".findings li{margin:.4em 0}.findings .error b{color:#c0392b}"
    ".findings .warning b{color:#a67c00}.findings :target{background:#ffff99}"
    ".legend span{display:inline-block;padding:0 .5em;margin-right:.5em;border:1px solid #999}"
    "table{display:block;overflow-x:auto;max-width:100%}"
    "@media (max-width:40em){body{margin:.5em;font-size:15px}td{padding:.1em .25em}}"
)


def _marks(findings: Sequence[Finding]) -> tuple[dict[str, str], dict[str, Note]]:
    """Each named cell's class (an error outranks a warning), hover text and first finding."""
    classes: dict[str, str] = {}
    texts: dict[str, list[str]] = {}
    first: dict[str, str] = {}
    for number, finding in enumerate(findings):
        for key in finding.keys:
            if classes.get(key) != "error":
                classes[key] = "error" if finding.severity == "error" else "warning"
            texts.setdefault(key, []).append(f"{SEVERITY[finding.severity]}：{finding.message}")
            first.setdefault(key, f"finding-{number}")
    notes = {key: ("\n".join(lines), first[key]) for key, lines in texts.items()}
    return classes, notes


def _cells(keys: Sequence[str], report: Report) -> str:
    names = []
    for key in keys[:8]:
        try:
            name = describe(key, report.edition)
        except KeyError:
            name = key
        names.append(f'<a href="#cell-{key}">{html.escape(name)}</a>')
    more = f"（另 {len(keys) - 8} 格）" if len(keys) > 8 else ""
    return "；".join(names) + more


def _listing(findings: Sequence[Finding], report: Report, source: str) -> str:
    errors = sum(f.severity == "error" for f in findings)
    head = (
        f'<section class="findings"><h2>发现的问题（{errors} 个错误，'
        f"{len(findings) - errors} 个警告）</h2>\n"
        '<p class="legend"><span style="background:#f8d0cc">错误</span>'
        '<span style="background:#fdf0c2">警告</span>'
        '<span style="background:#eee">空白（未填，不是 0）</span></p>\n'
    )
    if not findings:
        return head + "<p>没有发现问题。</p></section>\n"
    items = []
    for number, finding in enumerate(findings):
        where = f"{html.escape(source)} 第 {finding.line} 行" if finding.line else "全文"
        cells = f"<br>单元格：{_cells(finding.keys, report)}" if finding.keys else ""
        items.append(
            f'<li id="finding-{number}" class="{finding.severity}">'
            f"<b>{SEVERITY[finding.severity]}</b> <code>{finding.code}</code> {where}<br>"
            f"{html.escape(finding.message)}{cells}</li>"
        )
    return head + "<ol>\n" + "\n".join(items) + "\n</ol></section>\n"


def review_page(report: Report, findings: Sequence[Finding], source: str = "") -> str:
    """One report's page: tables marked by ``findings`` (usually ``report.validate()``),
    the findings listed below, each with the line of ``source`` it points at."""
    classes, notes = _marks(findings)
    return to_html(report, classes, notes, _STYLE, _listing(findings, report, source))


def index_page(entries: Sequence[tuple[str, str, int, int]]) -> str:
    """A folder's index: (file name, page link, errors, warnings) for each report."""
    rows = "\n".join(
        f'<tr><td><a href="{html.escape(link)}">{html.escape(name)}</a></td>'
        f'<td class="{"error" if errors else ""}">{errors}</td><td>{warnings}</td></tr>'
        for name, link, errors, warnings in entries
    )
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width,initial-scale=1">\n'
        "<title>年度报告检查</title>\n<style>body{font-family:sans-serif;margin:1em}"
        "table{border-collapse:collapse}td,th{border:1px solid #999;padding:.2em .6em}"
        "td.error{background:#f8d0cc}</style>\n</head>\n<body>\n<h1>年度报告检查</h1>\n"
        "<table>\n<tr><th>报告</th><th>错误</th><th>警告</th></tr>\n"
        f"{rows}\n</table>\n</body>\n</html>\n"
    )
