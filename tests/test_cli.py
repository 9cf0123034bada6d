"""The command line, driven as a user drives it: a subprocess on files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from govinfo_report import from_dict, parse

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SAMPLE = EXAMPLES / "sample-2021-tab.txt"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "govinfo_report", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def test_show_prints_what_was_read() -> None:
    result = run("show", str(SAMPLE))
    assert result.returncode == 0
    assert "organ:   示例县青溪镇" in result.stdout
    assert "applications.new_received.total = 16" in result.stdout


def test_parse_json_reads_back_into_the_same_report() -> None:
    result = run("parse", str(SAMPLE))
    assert result.returncode == 0
    assert from_dict(json.loads(result.stdout)) == parse(SAMPLE.read_text(encoding="utf-8"))


def test_parse_several_files_gives_json_lines() -> None:
    files = sorted(EXAMPLES.glob("*.txt"))
    result = run("parse", *map(str, files))
    lines = result.stdout.splitlines()
    assert result.returncode == 0 and len(lines) == len(files) == 3
    reports = [from_dict(json.loads(line)) for line in lines]
    assert reports[0] == reports[1] == reports[2]


@pytest.mark.parametrize("layout", ["tab", "pipe", "cells"])
def test_convert_output_parses_to_the_same_report(layout: str) -> None:
    result = run("convert", str(SAMPLE), "--layout", layout)
    assert result.returncode == 0
    assert parse(result.stdout) == parse(SAMPLE.read_text(encoding="utf-8"))


def test_unreadable_inputs_exit_2_and_say_where(tmp_path: Path) -> None:
    prose = tmp_path / "prose.txt"
    prose.write_text("没有标题，也没有表格。\n", encoding="utf-8")
    result = run("show", str(prose), str(tmp_path / "missing.txt"), str(SAMPLE))
    assert result.returncode == 2
    assert f"{prose}:1:1: line 1, column 1: no section heading" in result.stderr
    assert "missing.txt" in result.stderr
    assert "示例县青溪镇" in result.stdout  # one bad file does not stop the others


def test_help_shows_an_example() -> None:
    result = run("--help")
    assert result.returncode == 0 and "govinfo-report show examples/" in result.stdout
