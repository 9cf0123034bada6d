"""Exports at scale: rows made in workers equal csv/json's own, the same output whatever the
number of workers, resume writes every report exactly once, failures are listed."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govinfo_report import serialize
from govinfo_report.io.batch import Progress, chunk_size, chunks
from govinfo_report.io.cli import main
from govinfo_report.io.export import scan
from govinfo_report.io.files import walk
from govinfo_report.write.exports import (
    Record,
    columns,
    csv_text,
    jsonl_text,
    long_rows,
    record,
    wide_rows,
)
from govinfo_report.write.text import LAYOUTS

from .samples import report_2019, report_2021

FORMS = [("csv", False), ("csv", True), ("jsonl", False), ("jsonl", True)]


def _write_folder(folder: Path) -> Path:
    """Nine reports of both editions in the three layouts (two in a subfolder), one corrupt."""
    (folder / "sub").mkdir(parents=True)
    for index in range(9):
        report = (report_2021, report_2019)[index % 2]()
        layout = LAYOUTS[index % 3]
        where = folder / "sub" if index in (4, 7) else folder
        (where / f"r{index}.txt").write_text(serialize(report, layout=layout), encoding="utf-8")
    (folder / "r5-corrupt.txt").write_bytes(b"\x80\xff\xfe\x81" * 50)
    return folder


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _write_folder(tmp_path_factory.mktemp("reports"))


def _export(folder: Path, out: Path, to: str, wide: bool, *extra: str) -> int:
    args = ["export", str(folder), "--to", to, "-o", str(out), "-j", "1", *extra]
    return main([*args, "--wide"] if wide else args)


@pytest.fixture(scope="module")
def reference(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """Each form's whole export, written in one go by one process."""
    out = tmp_path_factory.mktemp("reference")
    done = {}
    for to, wide in FORMS:
        target = out / f"{to}-{wide}"
        assert _export(folder, target, to, wide) == 2  # the corrupt file
        done[f"{to}-{wide}"] = target.read_bytes()
    return done


# --- Rows formatted in workers ---------------------------------------------------------------

_organs = st.one_of(st.none(), st.text(alphabet='示例县,"\n\r ab;', max_size=8))
_values = st.one_of(
    st.none(), st.integers(0, 10**9), st.decimals(0, 10**6, places=2, allow_nan=False)
)


@settings(max_examples=60, deadline=None)
@given(organ=_organs, year=st.one_of(st.none(), st.integers(1990, 2100)), values=st.data())
def test_rows_made_in_workers_equal_csv_and_json_of_the_rows(
    organ: str | None, year: int | None, values: st.DataObject
) -> None:
    base = record(Path('a "b",c.txt'), "ab" * 32, report_2021())
    cells = {key: values.draw(_values) for key in base.cells}
    rec = Record(base.path, organ, year, base.edition, cells, base.source_sha256)
    for wide in (False, True):
        rows = list((wide_rows if wide else long_rows)([rec]))
        text = io.StringIO()
        writer = csv.writer(text)
        for row in rows:
            writer.writerow(
                "" if v is None else format(v, "f") if isinstance(v, Decimal) else v
                for v in row.values()
            )
        assert csv_text(rec, wide) == text.getvalue()
        lines = [
            json.dumps(
                {k: format(v, "f") if isinstance(v, Decimal) else v for k, v in row.items()},
                ensure_ascii=False,
            )
            for row in rows
        ]
        assert jsonl_text(rec, wide) == "".join(f"{line}\n" for line in lines)


def test_rows_are_in_input_order_whatever_the_number_of_workers(
    folder: Path, reference: dict[str, bytes], tmp_path: Path
) -> None:
    out = tmp_path / "cells.csv"
    args = ["export", str(folder), "--to", "csv", "-o", str(out), "-j", "3"]
    assert main(args) == 2
    assert out.read_bytes() == reference["csv-False"]
    paths = [row["path"] for row in csv.DictReader(io.StringIO(out.read_text("utf-8")))]
    names = [Path(p).name for p in dict.fromkeys(paths)]
    assert names == [f"r{i}.txt" for i in (0, 1, 2, 3, 5, 6, 8, 4, 7)]


@pytest.mark.parametrize(("to", "wide"), FORMS)
def test_workers_write_what_one_process_writes_and_leave_no_spooled_text(
    folder: Path,
    reference: dict[str, bytes],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    to: str,
    wide: bool,
) -> None:
    spools = tmp_path / "tmp"
    spools.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spools))
    out = tmp_path / "out"
    args = ["export", str(folder), "--to", to, "-o", str(out), "-j", "2"]
    assert main([*args, "--wide"] if wide else args) == 2
    assert out.read_bytes() == reference[f"{to}-{wide}"]
    assert list(spools.iterdir()) == []


def test_resume_with_workers_appends_what_one_process_writes(
    folder: Path, reference: dict[str, bytes], tmp_path: Path
) -> None:
    whole = reference["csv-False"]
    out = tmp_path / "out.csv"
    out.write_bytes(whole[: len(whole) // 2])
    args = ["export", str(folder), "--to", "csv", "-o", str(out), "-j", "2", "--resume"]
    assert main(args) == 2
    assert out.read_bytes() == whole


def test_chunks_are_small_for_small_batches_and_at_most_32() -> None:
    assert (chunk_size(40, 2), chunk_size(10_000, 2), chunk_size(3, 4)) == (2, 32, 1)
    assert [len(c) for c in chunks(iter(range(70)), 32)] == [32, 32, 6]


# --- Resume --------------------------------------------------------------------------------


@pytest.mark.parametrize(("to", "wide"), FORMS)
@settings(max_examples=12, deadline=None)
@given(cut=st.floats(0, 1))
def test_resume_after_an_export_cut_anywhere_writes_every_report_once(
    folder: Path,
    reference: dict[str, bytes],
    tmp_path_factory: pytest.TempPathFactory,
    to: str,
    wide: bool,
    cut: float,
) -> None:
    whole = reference[f"{to}-{wide}"]
    out = tmp_path_factory.mktemp("cut") / "out"
    out.write_bytes(whole[: round(len(whole) * cut)])  # killed mid-write, at any byte
    assert _export(folder, out, to, wide, "--resume") == 2
    assert out.read_bytes() == whole


@pytest.mark.parametrize(("to", "wide"), FORMS)
def test_resume_after_k_files_skips_them_and_appends_the_rest(
    folder: Path,
    reference: dict[str, bytes],
    tmp_path: Path,
    to: str,
    wide: bool,
    capsys: pytest.CaptureFixture[str],
) -> None:
    first = sorted(folder.glob("r[0-3].txt"))  # the crawl stopped after four files
    out = tmp_path / "out"
    args = ["export", *map(str, first), "--to", to, "-o", str(out), "-j", "1"]
    assert main([*args, "--wide"] if wide else args) == 0
    capsys.readouterr()
    assert _export(folder, out, to, wide, "--resume") == 2
    assert out.read_bytes() == reference[f"{to}-{wide}"]
    assert capsys.readouterr().err.splitlines()[-1] == (
        "5 read, 1 failed, 0 with errors, 4 already exported"
    )


def test_scan_names_each_whole_report_with_its_hash(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "cells.csv"
    _export(folder, out, "csv", False)
    end, done = scan(out, "csv", wide=False)
    assert end == out.stat().st_size
    path = folder / "r0.txt"
    assert done[str(path)] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert len(done) == 9


def test_a_file_changed_since_the_export_is_a_failure_not_a_second_copy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _write_folder(tmp_path / "reports")
    out = tmp_path / "cells.csv"
    _export(folder, out, "csv", False)
    before = out.read_bytes()
    changed = folder / "r0.txt"
    changed.write_text(serialize(report_2019(), layout="tab"), encoding="utf-8")
    capsys.readouterr()
    assert _export(folder, out, "csv", False, "--resume") == 2
    assert out.read_bytes() == before
    assert f"{changed}: changed since it was exported" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--to", "parquet", "-o", "x.parquet"], "a Parquet file cannot be appended to"),
        (["--to", "csv", "-o", "-"], "needs an output file, not stdout"),
        (["--to", "csv", "-o", "wide.csv"], "has other columns than this export writes"),
        (["--to", "jsonl", "-o", "wide.jsonl"], "has other fields than this export writes"),
        (["--to", "parquet", "-o", "parts", "--engine", "dask"], "the default engine only"),
    ],
)
def test_resume_refuses_what_it_cannot_append_to(
    folder: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    for to in ("csv", "jsonl"):
        _export(folder, tmp_path / f"wide.{to}", to, True)
    capsys.readouterr()
    args = [
        a
        if a in ("-", "csv", "jsonl", "parquet", "dask") or a.startswith("-")
        else str(tmp_path / a)
        for a in args
    ]
    assert main(["export", str(folder), *args, "--resume"]) == 2
    assert message in capsys.readouterr().err


# --- Progress and failures -----------------------------------------------------------------


def test_failures_file_lists_every_failure_with_its_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _write_folder(tmp_path / "reports")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    listed = tmp_path / "failures.txt"
    for command in (["check"], ["export", "--to", "jsonl", "-o", str(tmp_path / "x.jsonl")]):
        assert main([*command, str(folder), "-j", "1", "--failures", str(listed)]) == 2
        lines = listed.read_text(encoding="utf-8").splitlines()
        assert [line.split(":")[0] for line in lines] == [
            str(folder / "empty.txt"),
            str(folder / "r5-corrupt.txt"),
        ]
        assert lines[1].endswith(": not UTF-8, UTF-16 or GB18030 text")
    assert capsys.readouterr().err.splitlines()[-1] == "9 read, 2 failed, 0 with errors"


def test_progress_shows_files_per_second_and_time_left() -> None:
    out = io.StringIO()
    progress = Progress(1000, out, force=True)
    progress.done = 250
    assert progress.line(5.0) == "250/1000 files  50 files/s  0:00:15 left"
    progress.step(750)
    assert out.getvalue().startswith("1000/1000 files  ")
    assert out.getvalue().endswith(" 0:00:00 left\n")


def test_progress_is_silent_in_a_pipe_unless_asked() -> None:
    out = io.StringIO()
    progress = Progress(10, out)
    progress.step(10)
    assert out.getvalue() == ""


def test_columns_carry_the_source_hash() -> None:
    assert columns(wide=False) == [
        "path",
        "source_sha256",
        "organ",
        "year",
        "edition",
        "key",
        "value",
    ]


def test_export_to_a_pipe_writes_the_header_and_the_same_rows(
    folder: Path, reference: dict[str, bytes]
) -> None:
    command = [sys.executable, "-m", "govinfo_report", "export", str(folder), "--to", "csv"]
    result = subprocess.run([*command, "-o", "-", "-j", "2"], capture_output=True, check=False)
    assert result.returncode == 2
    assert result.stdout == reference["csv-False"]


def test_progress_forced_off_a_terminal_ends_with_every_file(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.csv"
    assert main(["export", str(folder), "--to", "csv", "-o", str(out), "--progress"]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert lines[-2].startswith("10/10 files  ") and lines[-2].endswith(" 0:00:00 left")


def test_walk_reads_folders_one_at_a_time_in_sorted_path_order(tmp_path: Path) -> None:
    names = ["a/z.txt", "a-b/x.txt", "b.txt", "a.txt", "A.txt", ".h/x.txt", "c/.x.txt"]
    names += ["c/d/e.txt", "c/d.txt", "c/d.md", "x.txt/y.txt", "a b.txt"]
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = [str(p.relative_to(tmp_path)) for p in walk([tmp_path], "*.txt")]
    assert found == [
        "A.txt",
        "a/z.txt",
        "a b.txt",
        "a-b/x.txt",
        "a.txt",
        "b.txt",
        "c/d/e.txt",
        "c/d.txt",
        "x.txt/y.txt",
    ]
    every = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*.txt") if p.is_file())
    assert found == [str(p) for p in every if not any(n.startswith(".") for n in p.parts)]


def test_walk_takes_every_supported_format_by_default(tmp_path: Path) -> None:
    for name in ("a.txt", "b.md", "c.html", "d.docx", "e.pdf", "f.json", "g.csv"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = [p.name for p in walk([tmp_path])]
    assert found == ["a.txt", "b.md", "c.html", "d.docx", "e.pdf"]
