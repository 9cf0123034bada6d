"""The Dask engine on a local cluster: its Parquet parts hold exactly the default engine's rows."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from govinfo_report import serialize
from govinfo_report.io.cli import main
from govinfo_report.io.dask_engine import DaskMissing, export_folder
from govinfo_report.io.files import walk

from .samples import report_2021
from .test_scale import _write_folder

pq = pytest.importorskip("pyarrow.parquet")
pytest.importorskip("dask.distributed")


@pytest.mark.parametrize("wide", [False, True])
def test_dask_parquet_equals_the_default_engines_row_for_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], wide: bool
) -> None:
    folder = _write_folder(tmp_path / "reports")
    default = tmp_path / "default.parquet"
    args = ["export", str(folder), "--to", "parquet", "-o", str(default), "-j", "1"]
    assert main([*args, "--wide"] if wide else args) == 2
    parts = tmp_path / "parts"
    paths = list(walk([folder]))
    outcomes = list(export_folder(paths, parts, wide, workers=1, processes=False, partition=3))
    assert [o.path for o in outcomes] == paths
    assert [o.path.name for o in outcomes if o.error] == ["r5-corrupt.txt"]
    assert sorted(p.name for p in parts.iterdir()) == [f"part-0000{i}.parquet" for i in range(4)]
    expected = pq.read_table(default)
    got = pq.read_table(parts)
    assert got.schema == expected.schema
    assert got.to_pylist() == expected.to_pylist()
    assert got.num_rows == (9 if wide else 5 * 200 + 4 * 198)


def test_dask_engine_refuses_a_folder_that_already_holds_parts(tmp_path: Path) -> None:
    (tmp_path / "part-00000.parquet").write_bytes(b"")
    with pytest.raises(RuntimeError, match="already holds Parquet parts"):
        list(export_folder([], tmp_path, False, processes=False))


def test_dask_engine_writes_parquet_only(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", ".", "--to", "csv", "-o", "x", "--engine", "dask"]) == 2
    assert "the Dask engine writes Parquet parts" in capsys.readouterr().err


def test_without_dask_the_error_says_how_to_get_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "dask", None)
    with pytest.raises(DaskMissing, match=r"pip install 'govinfo_report\[dask\]'"):
        list(export_folder([], tmp_path, False))
    out = str(tmp_path / "parts")
    assert main(["export", str(tmp_path), "--to", "parquet", "-o", out, "--engine", "dask"]) == 2
    assert "pip install 'govinfo_report[dask]'" in capsys.readouterr().err


def test_dask_engine_runs_on_a_scheduler_given_by_address(tmp_path: Path) -> None:
    distributed = pytest.importorskip("dask.distributed")
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "r.txt").write_text(serialize(report_2021(), layout="pipe"), encoding="utf-8")
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        found = list(
            export_folder(
                [folder / "r.txt"], tmp_path / "parts", False, scheduler=cluster.scheduler_address
            )
        )
    assert [(o.path.name, o.value, o.error) for o in found] == [("r.txt", 0, None)]
    assert pq.read_table(tmp_path / "parts").num_rows == 200
