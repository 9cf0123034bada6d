"""``govinfo-report``: the command line. With files.py and batch.py, the only code that
touches the disk."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import IO, Any, TypeVar

import attrs

from govinfo_report.check import Paired, compare_series
from govinfo_report.errors import ParseError
from govinfo_report.io.batch import Outcome, Progress, failure, run
from govinfo_report.io.dask_engine import EngineError, export_dask
from govinfo_report.io.export import (
    CannotResume,
    ExportWork,
    Row,
    exporting,
    prepare_resume,
    rows,
    write_records,
    write_text,
)
from govinfo_report.io.files import UnreadableFile, parse_file, walk
from govinfo_report.io.pages import pages
from govinfo_report.io.show import show
from govinfo_report.model import Finding, Report, Section, TableSlot
from govinfo_report.write.dicts import to_dict
from govinfo_report.write.exports import FORMATS, ParquetMissing
from govinfo_report.write.text import LAYOUTS, serialize

T = TypeVar("T")

EXAMPLES = {
    "show": "govinfo-report show examples/sample-2021-tab.txt",
    "parse": "govinfo-report parse examples/*.txt > reports.jsonl",
    "check": "govinfo-report check examples/ --html pages/   # exit 1 if a report has errors",
    "convert": "govinfo-report convert examples/sample-2021-tab.txt --layout pipe",
    "export": "govinfo-report export reports/ --to csv -o cells.csv",
}


# --- Work done on each report, in worker processes (module level, so it pickles) ---------


def as_json(_path: Path, _digest: str, report: Report) -> str:
    return json.dumps(to_dict(report), ensure_ascii=False)


def checked(_path: Path, _digest: str, report: Report) -> tuple[list[Finding], Report | None]:
    """The report's findings, and for comparing years its tables (narrative left out, so a
    large folder stays small in memory); no report where organ or year is unknown."""
    if report.organ is None or report.year is None:
        return report.validate(), None
    slots = tuple(
        Section(s.number, s.title, tuple(b for b in s.body if isinstance(b, TableSlot)))
        for s in report.sections
    )
    intro = tuple(b for b in report.intro if isinstance(b, TableSlot))
    try:
        tables = attrs.evolve(report, front_matter=(), intro=intro, sections=slots)
    except ValueError:  # not expected: the report as read is kept whole instead
        tables = report
    return report.validate(), tables


# --- Commands ------------------------------------------------------------------------------


class Summary:
    """Counts for the closing line on stderr: read, failed, with errors (and, resuming,
    skipped); every failure goes to stderr and to the ``--failures`` file if one is named."""

    def __init__(self, failures: IO[str] | None = None) -> None:
        self.read = self.failed = self.with_errors = self.skipped = 0
        self.failures = failures

    def take(self, outcomes: Iterable[Outcome[T]]) -> Iterable[Outcome[T]]:
        """Pass outcomes through, reporting failures on stderr and counting."""
        for outcome in outcomes:
            if outcome.error is not None:
                self.failed += 1
                print(f"{outcome.path}:{outcome.error}", file=sys.stderr)
                if self.failures is not None:
                    self.failures.write(f"{outcome.path}:{outcome.error}\n")
            elif outcome.skipped:
                self.skipped += 1
            else:
                self.read += 1
            yield outcome

    def line(self, errors: bool) -> str:
        text = f"{self.read} read, {self.failed} failed"
        text += f", {self.with_errors} with errors" if errors else ""
        return text + (f", {self.skipped} already exported" if self.skipped else "")

    def status(self) -> int:
        return 2 if self.failed else 1 if self.with_errors else 0


def cmd_show(args: argparse.Namespace) -> int:
    status = 0
    for path in args.files:
        try:
            report = parse_file(path)
        except (OSError, UnreadableFile, ParseError) as error:
            print(f"{path}:{failure(error)}", file=sys.stderr)
            status = 2
            continue
        print(show(report, path))
    return status


def cmd_parse(args: argparse.Namespace) -> int:
    paths = list(walk(args.files, args.glob))
    summary = Summary()
    for outcome in summary.take(run(paths, as_json, args.jobs)):
        if outcome.value is not None:
            text = outcome.value
            if len(paths) == 1:
                text = json.dumps(json.loads(text), ensure_ascii=False, indent=2)
            print(text)
    if len(paths) > 1:
        print(summary.line(errors=False), file=sys.stderr)
    return 2 if summary.failed else 0


def _finding_json(f: Finding) -> dict[str, Any]:
    return {
        "code": f.code,
        "severity": f.severity,
        "message": f.message,
        "keys": list(f.keys),
        "line": f.line,
    }


def _count(args: argparse.Namespace) -> int:
    """How many files the batch has: walked once to count, once to work, never listed."""
    return sum(1 for _ in walk(args.files, args.glob))


def _failures(args: argparse.Namespace) -> IO[str]:
    return open(args.failures or os.devnull, "w", encoding="utf-8")


def cmd_check(args: argparse.Namespace) -> int:
    with _failures(args) as failures:
        return _check(args, Summary(failures))


def _check(args: argparse.Namespace, summary: Summary) -> int:
    series: list[tuple[str, Report]] = []
    failing: set[str] = set()
    read: list[Path] = []  # for the pages: every report read
    total = _count(args)
    progress = Progress(total, force=args.progress)
    paths = walk(args.files, args.glob)
    outcomes = run(paths, checked, args.jobs, total=total, progress=progress)
    for outcome in summary.take(outcomes):
        if outcome.error is not None:
            if args.format == "json":
                print(json.dumps({"path": str(outcome.path), "error": outcome.error}))
            continue
        found, tables = outcome.value or ([], None)
        read.append(outcome.path)
        if tables is not None:
            series.append((str(outcome.path), tables))
        if any(f.severity == "error" for f in found):
            failing.add(str(outcome.path))
        if args.format == "json":
            rows = [_finding_json(f) for f in found]
            print(json.dumps({"path": str(outcome.path), "findings": rows}, ensure_ascii=False))
        else:
            for f in found:
                if f.severity == "error" or not args.errors_only:
                    print(f"{outcome.path}:{f.line or 0}: {f.code} {f.severity} {f.message}")
    paired = compare_series(series)
    _years(paired, args, failing)
    if args.html:
        pages(Path(args.html), read, paired)
    summary.with_errors = len(failing)
    print(summary.line(errors=True), file=sys.stderr)
    return summary.status()


def _years(paired: list[Paired], args: argparse.Namespace, failing: set[str]) -> None:
    """Findings across years, after each file's own: on the later report, naming the
    earlier one (a field ``previous`` in JSON, the message's end in text)."""
    groups: dict[tuple[str, str], list[Finding]] = {}
    for item in paired:
        groups.setdefault((item.path, item.previous), []).append(item.finding)
        if item.finding.severity == "error":
            failing.add(item.path)
    for (path, previous), found in groups.items():
        if args.format == "json":
            rows = [_finding_json(f) for f in found]
            record = {"path": path, "previous": previous, "findings": rows}
            print(json.dumps(record, ensure_ascii=False))
            continue
        for f in found:
            if f.severity == "error" or not args.errors_only:
                print(
                    f"{path}:{f.line or 0}: {f.code} {f.severity} {f.message} (against {previous})"
                )


def cmd_convert(args: argparse.Namespace) -> int:
    try:
        report = parse_file(args.file)
    except (OSError, UnreadableFile, ParseError) as error:
        print(f"{args.file}:{failure(error)}", file=sys.stderr)
        return 2
    sys.stdout.write(serialize(report, layout=args.layout))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    if args.wide and args.labels:
        print(
            "govinfo-report: --labels adds a column to the long format; --wide has a "
            "column per key",
            file=sys.stderr,
        )
        return 2
    if args.labels and (args.resume or args.engine == "dask"):
        print(
            "govinfo-report: --labels goes with neither --resume nor --engine dask", file=sys.stderr
        )
        return 2
    try:
        known = prepare_resume(args.output, args.to, args.wide, args.engine) if args.resume else {}
        with _failures(args) as failures:
            summary = Summary(failures)
            if args.engine == "dask":
                summary.with_errors += export_dask(args, summary)
            else:
                _export(args, summary, known)
    except (ParquetMissing, CannotResume, EngineError) as error:
        print(f"govinfo-report: {error}", file=sys.stderr)
        return 2
    print(summary.line(errors=True), file=sys.stderr)
    return 2 if summary.failed else 0


def _export(args: argparse.Namespace, summary: Summary, known: dict[str, str]) -> None:
    """Rows in input order, written as workers send them back."""
    total = _count(args)
    progress = Progress(total, force=args.progress)
    paths, work = walk(args.files, args.glob), ExportWork(args.to, args.wide, args.labels)
    with exporting(paths, work, args.jobs, total=total, known=known, progress=progress) as made:
        found = _counted(summary, summary.take(made))
        if args.to == "parquet":
            write_records(found, Path(args.output), args.wide, args.labels)
            return
        with _open(args.output, append=args.resume) as out:
            write_text(found, out, args.to, args.wide, args.labels)


def _counted(summary: Summary, outcomes: Iterable[Outcome[Row]]) -> Iterable[Row]:
    for row in rows(outcomes):
        summary.with_errors += row.errors > 0
        yield row


def _open(output: str, append: bool = False) -> IO[bytes]:
    if output == "-":
        return open(sys.stdout.fileno(), "wb", closefd=False)
    return open(output, "ab" if append else "wb")


# --- The parser of the command line --------------------------------------------------------


def _command(
    commands: Any, name: str, summary: str, handler: Callable[[argparse.Namespace], int]
) -> argparse.ArgumentParser:
    sub: argparse.ArgumentParser = commands.add_parser(
        name,
        help=summary,
        description=summary,
        epilog=f"example:\n  {EXAMPLES[name]}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub.set_defaults(handler=handler)
    return sub


def _batch_options(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("files", nargs="+", metavar="FILE|DIR", help="files, or folders to walk")
    sub.add_argument(
        "--glob", default=None, help="files to take from folders (every supported format)"
    )
    sub.add_argument("-j", "--jobs", type=int, default=None, help="processes (all cores)")


def _scale_options(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--progress",
        action="store_true",
        help="files/s and time left on stderr, even off a terminal",
    )
    sub.add_argument("--failures", metavar="FILE", help="write every failure and its reason")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="govinfo-report",
        description="Read, check and export 政府信息公开工作年度报告 files "
        "(text, HTML pages, Word, PDF).",
        epilog="examples:\n" + "\n".join(f"  {e}" for e in EXAMPLES.values()),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True)
    show = _command(commands, "show", "print what was read, and what is wrong", cmd_show)
    show.add_argument("files", nargs="+", type=Path, metavar="FILE")
    _batch_options(
        _command(commands, "parse", "each report as JSON (JSON Lines for several)", cmd_parse)
    )
    check = _command(
        commands,
        "check",
        "findings as path:line: code severity message; then each body's years in a row",
        cmd_check,
    )
    _batch_options(check)
    _scale_options(check)
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument("--errors-only", action="store_true", help="leave warnings out")
    check.add_argument(
        "--html",
        metavar="OUT",
        help="a page per report with its cells marked (a folder with index.html for several)",
    )
    convert = _command(commands, "convert", "the canonical text of a report", cmd_convert)
    convert.add_argument("file", type=Path, metavar="FILE")
    convert.add_argument("--layout", choices=(*LAYOUTS, "html"), default="tab")
    export = _command(
        commands, "export", "cells as a table: one row per report and cell", cmd_export
    )
    _batch_options(export)
    _scale_options(export)
    export.add_argument("--to", choices=FORMATS, required=True)
    export.add_argument("-o", "--output", required=True, help="output file (- for stdout)")
    export.add_argument("--wide", action="store_true", help="one row per report, a column per key")
    export.add_argument(
        "--labels", action="store_true", help="a column with each cell's labels in Chinese"
    )
    export.add_argument(
        "--resume", action="store_true", help="skip files already in OUT; append the rest"
    )
    export.add_argument(
        "--engine",
        choices=("default", "dask"),
        default="default",
        help="dask: Dask tasks writing Parquet parts to the folder OUT",
    )
    export.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="a Dask scheduler's address (default: a local cluster)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit status."""
    args = build_parser().parse_args(argv)
    try:
        status: int = args.handler(args)
    except BrokenPipeError:  # the reader went away (| head): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except BrokenProcessPool:  # a worker was killed (out of memory, a signal)
        print(
            "govinfo-report: a worker process died (out of memory, or killed); an export "
            "goes on where it stopped with --resume",
            file=sys.stderr,
        )
        return 1
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
