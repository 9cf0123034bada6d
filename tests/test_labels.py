"""Chinese labels: ``describe`` for every key of both editions, and where the command line
shows them."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import govinfo_report
from govinfo_report import Edition, describe
from govinfo_report.model import EDITIONS

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


@pytest.mark.parametrize(
    ("key", "labels"),
    [
        (
            "applications.new_received.natural_person",
            "三、收到和处理政府信息公开申请情况 / 一、本年新收政府信息公开申请数量 / 自然人",
        ),
        (
            "applications.carried_over.other_org",
            "三、收到和处理政府信息公开申请情况 / 二、上年结转政府信息公开申请数量 / "
            "法人或其他组织 / 其他",
        ),
        (
            "applications.outcomes.denied.state_secret.total",
            "三、收到和处理政府信息公开申请情况 / 三、本年度办理结果 / （三）不予公开 / "
            "1.属于国家秘密 / 总计",
        ),
        (
            "applications.outcomes.other_handling.unpaid_fee.natural_person",
            "三、收到和处理政府信息公开申请情况 / 三、本年度办理结果 / （六）其他处理 / "
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 / 自然人",
        ),
        (
            "active_disclosure.normative_documents.in_force",
            "二、主动公开政府信息情况 / 第二十条第（一）项 / 行政规范性文件 / 现行有效件数",
        ),
        (
            "active_disclosure.procurement.amount",
            "二、主动公开政府信息情况 / 第二十条第（九）项 / 政府集中采购 / 采购总金额",
        ),
        (
            "review_litigation.reconsideration.upheld",
            "四、政府信息公开行政复议、行政诉讼情况 / 行政复议 / 结果维持",
        ),
        (
            "review_litigation.litigation_after_reconsideration.total",
            "四、政府信息公开行政复议、行政诉讼情况 / 行政诉讼 / 复议后起诉 / 总计",
        ),
    ],
)
def test_describe_names_a_key_in_the_templates_words(key: str, labels: str) -> None:
    assert describe(key) == labels


def test_a_key_of_both_editions_takes_the_newest_labels_unless_told() -> None:
    key = "active_disclosure.licensing.decisions"
    assert describe(key).endswith("/ 行政许可 / 本年处理决定数量")
    assert describe(key, Edition.E2019).endswith("/ 行政许可 / 处理决定数量")


def test_every_key_of_every_edition_has_distinct_labels() -> None:
    for spec in EDITIONS.values():
        labels = [describe(key, spec.edition) for key in spec.flat_keys()]
        assert len(set(labels)) == len(labels)


@pytest.mark.parametrize("key", ["", "applications", "applications.new_received", "x.y.z"])
def test_an_unknown_key_is_a_key_error_saying_what_keys_look_like(key: str) -> None:
    with pytest.raises(KeyError, match="is not a flat key of either template edition"):
        describe(key)


def test_a_key_of_the_other_edition_only_is_unknown_in_this_one() -> None:
    with pytest.raises(KeyError, match="of the 2021 edition"):
        describe("active_disclosure.procurement.amount", Edition.E2021)


def test_describe_is_public() -> None:
    assert "describe" in govinfo_report.__all__


def test_show_speaks_chinese_with_the_key_in_a_second_column() -> None:
    result = run("show", str(SAMPLE))
    assert result.returncode == 0
    assert (
        "    三、收到和处理政府信息公开申请情况 / 一、本年新收政府信息公开申请数量 / 总计 = 16"
        "\tapplications.new_received.total"
    ) in result.stdout.splitlines()


def test_export_labels_adds_a_label_column(tmp_path: Path) -> None:
    out = tmp_path / "cells.csv"
    assert run("export", str(SAMPLE), "--to", "csv", "--labels", "-o", str(out)).returncode == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert list(rows[0]) == [
        "path",
        "source_sha256",
        "organ",
        "year",
        "edition",
        "key",
        "label",
        "value",
    ]
    row = next(r for r in rows if r["key"] == "applications.new_received.total")
    assert row["label"] == describe("applications.new_received.total")
    assert row["value"] == "16"


def test_export_labels_with_wide_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "cells.csv"
    result = run("export", str(SAMPLE), "--to", "csv", "--wide", "--labels", "-o", str(out))
    assert result.returncode == 2
    assert "--labels adds a column to the long format" in result.stderr


def test_export_labels_in_json_lines(tmp_path: Path) -> None:
    out = tmp_path / "cells.jsonl"
    assert run("export", str(SAMPLE), "--to", "jsonl", "--labels", "-o", str(out)).returncode == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    row = next(r for r in rows if r["key"] == "review_litigation.reconsideration.upheld")
    assert row["label"] == "四、政府信息公开行政复议、行政诉讼情况 / 行政复议 / 结果维持"
    assert list(row) == [
        "path",
        "source_sha256",
        "organ",
        "year",
        "edition",
        "key",
        "label",
        "value",
    ]


def test_export_labels_in_parquet(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "cells.parquet"
    assert run("export", str(SAMPLE), "--to", "parquet", "--labels", "-o", str(out)).returncode == 0
    table = pq.read_table(str(out))
    assert table.column_names == [
        "path",
        "source_sha256",
        "organ",
        "year",
        "edition",
        "key",
        "label",
        "value",
    ]
    first = table.slice(0, 1).to_pylist()[0]
    assert first["label"] == describe(first["key"])
