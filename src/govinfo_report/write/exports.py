"""Tables of cells for analysis: one row per report and cell, or one row per report."""

from __future__ import annotations

import csv
import functools
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from attrs import frozen

from govinfo_report.model import EDITIONS, Edition, Report, Value, flatten
from govinfo_report.model.names import describe
from govinfo_report.model.values import format_value

# ``source_sha256``: the SHA-256 of the file's bytes, so a resumed export knows what it holds.
META = ("path", "source_sha256", "organ", "year", "edition")
FORMATS = ("csv", "jsonl", "parquet")


@frozen
class Record:
    """One report's metadata and cells, as an export needs them (small enough to pickle)."""

    path: str
    organ: str | None
    year: int | None
    edition: str
    cells: dict[str, Value]
    source_sha256: str = ""


def record(
    path: Path, digest: str, report: Report, cells: dict[str, Value] | None = None
) -> Record:
    """The export record of one parsed report; runs in worker processes. ``cells`` is
    ``flatten(report)`` when the caller has it already (validating needs it too)."""
    edition = report.edition.value
    cells = flatten(report) if cells is None else cells
    return Record(str(path), report.organ, report.year, edition, cells, digest)


@functools.cache
def cells_per_report(edition: str) -> int:
    """How many long-format rows a report of ``edition`` has: one per flat key."""
    return len(EDITIONS[Edition(edition)].flat_keys())


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
    return {
        "path": rec.path,
        "source_sha256": rec.source_sha256,
        "organ": rec.organ,
        "year": rec.year,
        "edition": rec.edition,
    }


def columns(wide: bool, labels: bool = False) -> list[str]:
    if wide:
        return [*META, *wide_keys()]
    return [*META, "key", "label", "value"] if labels else [*META, "key", "value"]


def _csv_line(fields: Iterable[Any]) -> str:
    out = io.StringIO()
    csv.writer(out).writerow(fields)
    return out.getvalue()


def _text(value: Any) -> Any:
    return (
        "" if value is None else format_value(value) if isinstance(value, int | Decimal) else value
    )


def csv_header(wide: bool, labels: bool = False) -> str:
    return _csv_line(columns(wide, labels))


def csv_text(rec: Record, wide: bool, labels: bool = False) -> str:
    """A report's CSV lines, as ``csv.writer`` writes them: built from strings quoted once
    per report and key, since the long form repeats the metadata on every row."""
    meta = _meta(rec)
    if wide:
        return _csv_line(_text(v) for v in [*meta.values(), *map(rec.cells.get, wide_keys())])
    if not labels:
        return _long_csv(rec).decode()
    prefix = _csv_line(_text(v) for v in meta.values())[:-2] + ","
    edition = Edition(rec.edition)  # a label column after each key: rare, so read plainly
    return "".join(
        f"{prefix}{_csv_line([key, describe(key, edition), _text(v)])}"
        for key, v in rec.cells.items()
    )


def csv_bytes(rec: Record, wide: bool, labels: bool = False) -> bytes:
    """``csv_text`` in UTF-8, what an export writes: the long form straight from bytes."""
    return csv_text(rec, wide, labels).encode() if wide or labels else _long_csv(rec)


@functools.lru_cache(maxsize=8)
def _csv_key_fields(keys: tuple[str, ...]) -> list[bytes]:
    """Each key as csv.writer quotes it and the comma after it; one list per edition's keys."""
    return [_csv_line([key, ""])[:-2].encode() for key in keys]  # without the "\r\n"


def _long_csv(rec: Record) -> bytes:
    """The long form's lines, joined from pieces made once: the metadata (quoted and encoded
    once per report, ~85% of the bytes), each key, and each value with its line end."""
    prefix = (_csv_line(_text(v) for v in _meta(rec).values())[:-2] + ",").encode()
    keys = _csv_key_fields(tuple(rec.cells))
    parts = [prefix] * (3 * len(keys))
    parts[1::3] = keys
    parts[2::3] = [
        _COUNTS[v] if type(v) is int else b"\r\n" if v is None else f"{_text(v)}\r\n".encode()
        for v in rec.cells.values()
    ]
    return b"".join(parts)


class _Counts(dict[int, bytes]):
    """A count's CSV field and line end, made once per count (most are small and repeat);
    keyed by ``int`` only, since ``Decimal("5.0") == 5``. At most 4,096 are kept."""

    def __missing__(self, count: int) -> bytes:
        field = b"%d\r\n" % count
        if len(self) < 4096:
            self[count] = field
        return field


_COUNTS = _Counts()


@functools.cache
def _json_key(key: str) -> str:
    return json.dumps(key, ensure_ascii=False)


def _json_cell(value: Value) -> str:
    if value is None:
        return "null"
    return f'"{format_value(value)}"' if isinstance(value, Decimal) else str(value)


def jsonl_text(rec: Record, wide: bool, labels: bool = False) -> str:
    """A report's JSON Lines: amounts as strings, blanks as null — ``json.dumps`` of each
    row, with the long form's repeated part encoded once per report."""
    if wide:
        row = {**_meta(rec), **{k: rec.cells.get(k) for k in wide_keys()}}
        data = {k: _json_value(v) if isinstance(v, Decimal) else v for k, v in row.items()}
        return json.dumps(data, ensure_ascii=False) + "\n"
    prefix = json.dumps(_meta(rec), ensure_ascii=False)[:-1] + ', "key": '
    if labels:
        edition = Edition(rec.edition)
        return "".join(
            f'{prefix}{_json_key(key)}, "label": {_json_key(describe(key, edition))}, '
            f'"value": {_json_cell(value)}}}\n'
            for key, value in rec.cells.items()
        )
    return "".join(
        f'{prefix}{_json_key(key)}, "value": {_json_cell(value)}}}\n'
        for key, value in rec.cells.items()
    )


def write_csv(records: Iterable[Record], out: IO[str], wide: bool, labels: bool = False) -> None:
    """UTF-8 CSV; blank cells are empty fields, amounts exactly as written."""
    out.write(csv_header(wide, labels))
    for rec in records:
        out.write(csv_text(rec, wide, labels))


def write_jsonl(records: Iterable[Record], out: IO[str], wide: bool, labels: bool = False) -> None:
    """One JSON object per line; amounts as strings, blanks as null."""
    for rec in records:
        out.write(jsonl_text(rec, wide, labels))


class ParquetMissing(RuntimeError):
    """Parquet needs pyarrow, an optional extra."""


def _pyarrow() -> Any:
    try:
        import pyarrow as pa  # type: ignore[import-not-found,import-untyped,unused-ignore]
    except ImportError as error:
        raise ParquetMissing(
            "Parquet export needs pyarrow: pip install 'govinfo_report[parquet]'"
        ) from error
    return pa


def parquet_schema(wide: bool, labels: bool = False) -> Any:
    """Counts as int64, amounts and long-format values as exact strings, blanks as null."""
    pa = _pyarrow()
    fields = [pa.field("path", pa.string()), pa.field("source_sha256", pa.string())]
    fields += [pa.field("organ", pa.string()), pa.field("year", pa.int64())]
    fields += [pa.field("edition", pa.string())]
    if wide:
        fields += [
            pa.field(k, pa.string() if k.endswith(".amount") else pa.int64()) for k in wide_keys()
        ]
    else:
        fields += [pa.field("key", pa.string())]
        fields += [pa.field("label", pa.string())] if labels else []
        fields += [pa.field("value", pa.string())]
    return pa.schema(fields)


def parquet_table(records: Sequence[Record], wide: bool, labels: bool = False) -> Any:
    """The records as one pyarrow table, built column by column."""
    pa = _pyarrow()
    names = ("path", "source_sha256", "organ", "year", "edition")
    if wide:
        data: dict[str, list[Any]] = {n: [getattr(r, n) for r in records] for n in names}
        for key in wide_keys():
            values = [r.cells.get(key) for r in records]
            data[key] = (
                [None if v is None else format_value(v) for v in values]
                if (key.endswith(".amount"))
                else values
            )
    else:
        data = {n: [getattr(r, n) for r in records for _ in r.cells] for n in names}
        data["key"] = [k for r in records for k in r.cells]
        if labels:
            data["label"] = [describe(k, Edition(r.edition)) for r in records for k in r.cells]
        data["value"] = [
            None if v is None else format_value(v) for r in records for v in r.cells.values()
        ]
    return pa.table(data, schema=parquet_schema(wide, labels))


def write_parquet(
    records: Iterable[Record], path: Path, wide: bool, batch: int = 256, labels: bool = False
) -> None:
    """Parquet through pyarrow, written ``batch`` reports at a time, so large exports stay
    small in memory."""
    pq = _parquet()
    with pq.ParquetWriter(str(path), parquet_schema(wide, labels)) as writer:
        pending: list[Record] = []
        for rec in records:
            pending.append(rec)
            if len(pending) == batch:
                writer.write_table(parquet_table(pending, wide, labels))
                pending = []
        writer.write_table(parquet_table(pending, wide, labels))


def _parquet() -> Any:
    _pyarrow()
    import pyarrow.parquet as pq  # type: ignore[import-not-found,import-untyped,unused-ignore]

    return pq
