"""The command line, driven as a user drives it: a subprocess on fixture files."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from govinfo_report import from_dict, parse
from govinfo_report.io.files import decode, read_text
from govinfo_report.write.exports import ParquetMissing, write_parquet

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SAMPLE = EXAMPLES / "sample-2021-tab.txt"
BROKEN = "示例镇2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n" + (
    "（一）予以公开\t\t5\t0\t0\t0\t0\t0\t4\n"
)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "govinfo_report", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder of reports: the three sample layouts (one in a subfolder, one in GBK, one in
    UTF-16), a report whose totals do not add up, and a corrupt file."""
    sample = SAMPLE.read_text(encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "a-tab.txt").write_text(sample, encoding="utf-8")
    pipe = (EXAMPLES / "sample-2021-pipe.txt").read_text(encoding="utf-8")
    (tmp_path / "sub" / "b-pipe-gbk.txt").write_bytes(pipe.encode("gbk"))
    cells = (EXAMPLES / "sample-2021-cells.txt").read_text(encoding="utf-8")
    (tmp_path / "c-cells-utf16.txt").write_bytes(cells.encode("utf-16"))
    (tmp_path / "d-broken.txt").write_text(BROKEN, encoding="utf-8-sig")
    (tmp_path / "e-corrupt.txt").write_bytes(b"\x80\xff\xfe\x81" * 50)
    (tmp_path / "notes.json").write_text("not taken: not a report format", encoding="utf-8")
    return tmp_path


# --- Reading files -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "gbk", "gb18030"]
)
def test_encodings_are_detected(encoding: str) -> None:
    text = SAMPLE.read_text(encoding="utf-8").replace("\n", "\r\n")
    assert parse(decode(text.encode(encoding))) == parse(SAMPLE.read_text(encoding="utf-8"))


def test_gbk_file_reads_correctly(folder: Path) -> None:
    text = read_text(folder / "sub" / "b-pipe-gbk.txt")
    assert text.startswith("示例县青溪镇2022年政府信息公开工作年度报告")


# --- Commands ------------------------------------------------------------------------------


def test_show_prints_what_was_read() -> None:
    result = run("show", str(SAMPLE))
    assert result.returncode == 0
    assert "organ:   示例县青溪镇" in result.stdout
    assert "一、本年新收政府信息公开申请数量 / 总计 = 16\tapplications.new_received.total" in (
        result.stdout
    )
    assert "findings: 0" in result.stdout


def test_parse_json_reads_back_into_the_same_report() -> None:
    result = run("parse", str(SAMPLE))
    assert result.returncode == 0
    assert from_dict(json.loads(result.stdout)) == parse(SAMPLE.read_text(encoding="utf-8"))


def test_parse_several_files_gives_json_lines() -> None:
    result = run("parse", str(EXAMPLES))
    lines = result.stdout.splitlines()
    assert result.returncode == 0 and len(lines) == 3
    reports = [from_dict(json.loads(line)) for line in lines]
    assert reports[0] == reports[1] == reports[2]
    assert result.stderr.strip() == "3 read, 0 failed"


@pytest.mark.parametrize("layout", ["tab", "pipe", "cells"])
def test_convert_output_parses_to_the_same_report(layout: str) -> None:
    result = run("convert", str(SAMPLE), "--layout", layout)
    assert result.returncode == 0
    assert parse(result.stdout) == parse(SAMPLE.read_text(encoding="utf-8"))


def test_check_clean_reports_exit_0() -> None:
    result = run("check", str(EXAMPLES))
    assert (result.returncode, result.stdout) == (0, "")
    assert result.stderr.strip() == "3 read, 0 failed, 0 with errors"


def test_check_errors_exit_1_in_linter_form(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_text(BROKEN, encoding="utf-8")
    result = run("check", "--errors-only", str(tmp_path))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{tmp_path / 'r.txt'}:3: row-total error table 三 (收到和处理政府信息公开申请情况), "
        "（一）予以公开: 总计 is 4, but 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 "
        "+ 其他 = 5"
    ]


def test_check_json_and_unreadable_inputs_exit_2(folder: Path) -> None:
    result = run("check", "--format", "json", "-j", "2", str(folder))
    assert result.returncode == 2
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [Path(line["path"]).name for line in lines] == [
        "a-tab.txt",
        "c-cells-utf16.txt",
        "d-broken.txt",
        "e-corrupt.txt",
        "b-pipe-gbk.txt",
    ]
    assert lines[0]["findings"] == [] and lines[4]["findings"] == []
    assert {f["code"] for f in lines[2]["findings"] if f["severity"] == "error"} == {"row-total"}
    assert "not UTF-8, UTF-16 or GB18030" in lines[3]["error"]
    assert "e-corrupt.txt: not UTF-8" in result.stderr
    assert result.stderr.strip().endswith("4 read, 1 failed, 1 with errors")


def test_export_goes_on_past_a_corrupt_file(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "cells.csv"
    result = run("export", str(folder), "--to", "csv", "-o", str(out), "-j", "2")
    assert result.returncode == 2 and "e-corrupt.txt" in result.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == 4 * 200  # four reports of the 2021 edition, every cell
    assert {Path(row["path"]).name for row in rows} == {
        "a-tab.txt",
        "b-pipe-gbk.txt",
        "c-cells-utf16.txt",
        "d-broken.txt",
    }
    fee = [r for r in rows if r["key"] == "active_disclosure.fees.amount"]
    assert fee[0] == {
        "path": str(folder / "a-tab.txt"),
        "source_sha256": hashlib.sha256((folder / "a-tab.txt").read_bytes()).hexdigest(),
        "organ": "示例县青溪镇",
        "year": "2022",
        "edition": "2021",
        "key": "active_disclosure.fees.amount",
        "value": "1.25",
    }
    blank = [r for r in rows if r["key"] == "applications.carried_over.total"]
    assert [r["value"] for r in blank] == ["1", "1", "", "1"]  # d-broken lacks the row


def test_export_wide_jsonl(tmp_path: Path) -> None:
    out = tmp_path / "wide.jsonl"
    result = run("export", str(EXAMPLES), "--to", "jsonl", "--wide", "-o", str(out))
    assert result.returncode == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 3 and len(rows[0]) == 5 + 226
    assert rows[0]["active_disclosure.fees.amount"] == "1.25"
    assert rows[0]["active_disclosure.procurement.amount"] is None  # 2019 only
    assert rows[0]["applications.new_received.total"] == 16


def test_export_parquet(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "cells.parquet"
    assert run("export", str(SAMPLE), "--to", "parquet", "-o", str(out)).returncode == 0
    table = pq.read_table(out)
    assert table.num_rows == 200
    assert table.column("value").to_pylist()[:3] == ["0", "0", "0"]
    wide = tmp_path / "wide.parquet"
    run("export", str(SAMPLE), "--to", "parquet", "--wide", "-o", str(wide))
    assert pq.read_table(wide).column("applications.new_received.total").to_pylist() == [16]


def test_parquet_without_pyarrow_says_how_to_get_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(ParquetMissing, match=r"pip install 'govinfo_report\[parquet\]'"):
        write_parquet(iter(()), tmp_path / "x.parquet", wide=False)


def test_show_reports_unreadable_files_and_goes_on(tmp_path: Path) -> None:
    prose = tmp_path / "prose.txt"
    prose.write_text("没有标题，也没有表格。\n", encoding="utf-8")
    result = run("show", str(prose), str(tmp_path / "missing.txt"), str(SAMPLE))
    assert result.returncode == 2
    assert f"{prose}:1: no section heading" in result.stderr
    assert "missing.txt" in result.stderr
    assert "示例县青溪镇" in result.stdout


@pytest.mark.parametrize("command", ["show", "parse", "check", "convert", "export"])
def test_help_on_every_command_shows_an_example(command: str) -> None:
    result = run(command, "--help")
    assert result.returncode == 0
    assert "example:\n  govinfo-report " + command in result.stdout


def test_a_worker_killed_mid_run_ends_with_a_message_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from concurrent.futures.process import BrokenProcessPool

    from govinfo_report.io import cli

    def dies(*_args: object, **_kwargs: object) -> Iterator[object]:
        raise BrokenProcessPool("A process in the process pool was terminated abruptly")
        yield  # a generator, as run is

    monkeypatch.setattr(cli, "run", dies)
    (tmp_path / "a.txt").write_text("示例镇2021年政府信息公开工作年度报告\n一、总体情况\n", "utf-8")
    assert cli.main(["check", str(tmp_path), "-j", "2"]) == 1
    assert "worker process died" in capsys.readouterr().err
