"""``govinfo-report``: the command line. The only module that touches files."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from .dicts import to_dict
from .errors import ParseError
from .model import Report
from .paths import flatten
from .reader import parse
from .writer import LAYOUTS, serialize

EPILOG = """examples:
  govinfo-report show examples/sample-2021-tab.txt
  govinfo-report parse examples/*.txt > reports.jsonl
  govinfo-report convert examples/sample-2021-tab.txt --layout pipe
"""


def _read(path: Path) -> Report:
    return parse(path.read_text(encoding="utf-8-sig"))


def _show(report: Report, path: Path) -> str:
    """A person's view of what was read: metadata, sections, the cells that say something."""
    lines = [
        f"{path}",
        f"  title:   {report.title or '(none found)'}",
        f"  organ:   {report.organ or '(unknown)'}",
        f"  year:    {report.year or '(unknown)'}",
        f"  edition: {report.edition.value}",
        "  sections:",
        *(f"    {s.number}. {s.title}" for s in report.sections),
    ]
    cells = flatten(report)
    blank = [key for key, value in cells.items() if value is None]
    nonzero = {key: value for key, value in cells.items() if value not in (None, 0)}
    lines.append(f"  cells:   {len(cells)} ({len(nonzero)} non-zero, {len(blank)} blank)")
    lines += [f"    {key} = {value}" for key, value in nonzero.items()]
    findings = report.validate()
    lines.append(f"  findings: {len(findings)}")
    lines += [f"    line {f.line or '?'}: {f.code} {f.severity}: {f.message}" for f in findings]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit status."""
    parser = argparse.ArgumentParser(
        prog="govinfo-report",
        description="Read 政府信息公开工作年度报告 text files.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True)
    show = commands.add_parser("show", help="print what was read from each report")
    show.add_argument("files", nargs="+", type=Path)
    as_json = commands.add_parser("parse", help="each report as JSON (JSON Lines for several)")
    as_json.add_argument("files", nargs="+", type=Path)
    convert = commands.add_parser("convert", help="the canonical text of a report")
    convert.add_argument("file", type=Path)
    convert.add_argument("--layout", choices=LAYOUTS, default="tab")
    args = parser.parse_args(argv)

    files: list[Path] = [args.file] if args.command == "convert" else args.files
    status = 0
    for path in files:
        try:
            report = _read(path)
        except (OSError, UnicodeDecodeError, ParseError) as error:
            where = f"{path}:{error.line}:{error.column}" if isinstance(error, ParseError) else path
            print(f"{where}: {error}", file=sys.stderr)
            status = 2
            continue
        if args.command == "show":
            print(_show(report, path))
        elif args.command == "parse":
            indent = 2 if len(files) == 1 else None
            print(json.dumps(to_dict(report), ensure_ascii=False, indent=indent))
        else:
            sys.stdout.write(serialize(report, layout=args.layout))
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
