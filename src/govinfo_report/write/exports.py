"""Tables of cells for analysis: one row per report and cell, or one row per report."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from attrs import frozen

from govinfo_report.model import EDITIONS, Edition, Report, Value, flatten
from govinfo_report.model.names import describe
from govinfo_report.model.values import format_value

META = ("path", "organ", "year", "edition")
FORMATS = ("csv", "jsonl", "parquet")


@frozen
class Record:
    """One report's metadata and cells, as an export needs them (small enough to pickle)."""

    path: str
    organ: str | None
    year: int | None
    edition: str
    cells: dict[str, Value]


def record(path: Path, report: Report) -> Record:
    """The export record of one parsed report; runs in worker processes."""
    return Record(str(path), report.organ, report.year, report.edition.value, flatten(report))


def wide_keys() -> list[str]:
    """Every key of every edition: the newest edition's in its order, then what only the
    older ones have."""
    keys: dict[str, None] = {}
    for spec in sorted(EDITIONS.values(), key=lambda spec: -spec.first_year):
        keys.update(dict.fromkeys(spec.flat_keys()))
    return list(keys)


def _json_value(value: Value) -> int | str | None:
    return format_value(value) if isinstance(value, Decimal) else value


def long_rows(records: Iterable[Record], labels: bool = False) -> Iterator[dict[str, Any]]:
    """One row per report and cell; with ``labels``, the cell's labels in the template's
    words (``describe``) beside its key."""
    for rec in records:
        if labels:
            edition = Edition(rec.edition)
            for key, value in rec.cells.items():
                yield {**_meta(rec), "key": key, "label": describe(key, edition), "value": value}
        else:
            for key, value in rec.cells.items():
                yield {**_meta(rec), "key": key, "value": value}


def wide_rows(records: Iterable[Record]) -> Iterator[dict[str, Any]]:
    keys = wide_keys()
    for rec in records:
        yield {**_meta(rec), **{key: rec.cells.get(key) for key in keys}}


def _meta(rec: Record) -> dict[str, Any]:
    return {"path": rec.path, "organ": rec.organ, "year": rec.year, "edition": rec.edition}


def columns(wide: bool, labels: bool = False) -> list[str]:
    if wide:
        return [*META, *wide_keys()]
    return [*META, "key", "label", "value"] if labels else [*META, "key", "value"]


def write_csv(
    rows: Iterable[dict[str, Any]], out: IO[str], wide: bool, labels: bool = False
) -> None:
    """UTF-8 CSV; blank cells are empty fields, amounts exactly as written."""
    writer = csv.writer(out)
    writer.writerow(columns(wide, labels))
    for row in rows:
        writer.writerow(
            "" if v is None else format_value(v) if isinstance(v, (int, Decimal)) else v
            for v in row.values()
        )


def write_jsonl(rows: Iterable[dict[str, Any]], out: IO[str]) -> None:
    """One JSON object per line; amounts as strings, blanks as null."""
    for row in rows:
        data = {k: _json_value(v) if isinstance(v, Decimal) else v for k, v in row.items()}
        out.write(json.dumps(data, ensure_ascii=False) + "\n")


class ParquetMissing(RuntimeError):
    """Parquet needs pyarrow, an optional extra."""


def write_parquet(
    rows: Iterable[dict[str, Any]], path: Path, wide: bool, labels: bool = False
) -> None:
    """Parquet through pyarrow: counts as int64, amounts and long-format values as exact
    strings, blanks as null. Written in batches, so large exports stay small in memory."""
    try:
        import pyarrow as pa  # type: ignore[import-not-found,import-untyped,unused-ignore]
        import pyarrow.parquet as pq  # type: ignore[import-not-found,import-untyped,unused-ignore]
    except ImportError as error:
        raise ParquetMissing(
            "Parquet export needs pyarrow: pip install 'govinfo_report[parquet]'"
        ) from error
    amounts = {key for key in wide_keys() if key.endswith(".amount")}
    fields = [pa.field("path", pa.string()), pa.field("organ", pa.string())]
    fields += [pa.field("year", pa.int64()), pa.field("edition", pa.string())]
    if wide:
        fields += [pa.field(k, pa.string() if k in amounts else pa.int64()) for k in wide_keys()]
    else:
        fields += [pa.field("key", pa.string())]
        fields += [pa.field("label", pa.string())] if labels else []
        fields += [pa.field("value", pa.string())]
    schema = pa.schema(fields)
    as_text = set(amounts) | ({"value"} if not wide else set())
    with pq.ParquetWriter(str(path), schema) as writer:
        batch: list[dict[str, Any]] = []
        for row in rows:
            batch.append(
                {
                    k: (None if v is None else format_value(v)) if k in as_text else v
                    for k, v in row.items()
                }
            )
            if len(batch) == 10_000:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch = []
        writer.write_table(pa.Table.from_pylist(batch, schema=schema))
