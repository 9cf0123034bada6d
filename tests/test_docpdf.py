"""Word and PDF files read end to end: every committed fixture's edition, year and every cell
against the report it was made from (tools/make_docpdf_fixtures.py), and bad files refused
with a clear ParseError."""

from __future__ import annotations

import contextlib
import importlib.util
import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govinfo_report import ParseError, flatten, parse_bytes
from govinfo_report.io.files import UnreadableFile
from govinfo_report.model.editions import is_under
from govinfo_report.read._formats import binary_kind

FIXTURES = Path(__file__).parent / "formats" / "docpdf"
FILES = sorted(p for p in FIXTURES.iterdir() if p.suffix in (".docx", ".doc", ".pdf"))
EXTRAS = {".pdf": "pdfplumber", ".doc": "doc2docx"}


def _expected(path: Path) -> dict[str, object]:
    stem = path.name.split(".")[0].removesuffix("-pandoc").removesuffix("-unruled")
    data: dict[str, object] = json.loads(
        (FIXTURES / f"{stem}.expected.json").read_text(encoding="utf-8")
    )
    return data


def _plain(value: object) -> object:
    return str(value) if isinstance(value, Decimal) else value


def _needs_extra(path: Path) -> None:
    module = EXTRAS.get(path.suffix)
    if module and importlib.util.find_spec(module) is None:
        pytest.skip(f"the optional reader {module} is not installed")


def test_every_format_has_fixtures_of_both_editions() -> None:
    kinds = {p.name.split(".", 1)[1] + ("-unruled" if "unruled" in p.name else "") for p in FILES}
    assert kinds == {"docx", "doc", "pdf", "pdf-unruled"}
    editions = {_expected(p)["edition"] for p in FILES}
    assert editions == {"2019", "2021"}


@pytest.mark.parametrize("path", [p for p in FILES if "unruled" not in p.name], ids=str)
def test_ruled_files_give_edition_year_and_every_cell_exactly(path: Path) -> None:
    _needs_extra(path)
    expected = _expected(path)
    report = parse_bytes(path.read_bytes())
    assert report.edition.value == expected["edition"]
    assert report.year == expected["year"]
    cells = {key: _plain(value) for key, value in flatten(report).items()}
    assert cells == expected["cells"]


@pytest.mark.parametrize("path", [p for p in FILES if "unruled" in p.name], ids=str)
def test_unruled_pdfs_give_each_cell_exactly_or_blank_and_named(path: Path) -> None:
    _needs_extra(path)
    expected = _expected(path)
    report = parse_bytes(path.read_bytes())
    assert report.edition.value == expected["edition"]
    assert report.year == expected["year"]
    named = {key for finding in report.validate() for key in finding.keys}
    cells = {key: _plain(value) for key, value in flatten(report).items()}
    expected_cells = expected["cells"]
    assert isinstance(expected_cells, dict)
    silent = [
        key
        for key, value in expected_cells.items()
        if cells[key] != value
        and not (cells[key] is None and any(k == key or is_under(key, k) for k in named))
    ]
    assert silent == []


def test_the_kind_of_file_comes_from_its_bytes_not_its_name() -> None:
    assert binary_kind(b"PK\x03\x04rest") == "docx"
    assert binary_kind(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest") == "doc"
    assert binary_kind(b"\n%PDF-1.7\n") == "pdf"
    assert binary_kind(b"<html>") is None


@pytest.mark.parametrize("data", [b"", b"\x00" * 64, bytes(range(256)) * 8, "报告".encode()])
def test_random_bytes_are_not_a_document(data: bytes) -> None:
    # Not Word or PDF by their bytes: read as text, which is no report (or no text at all).
    with pytest.raises((ParseError, UnreadableFile)):
        parse_bytes(data)


def test_an_rtf_file_published_as_doc_says_how_to_convert_it() -> None:
    with pytest.raises(ParseError, match=r"RTF.*soffice"):
        parse_bytes(b"{\\rtf1\\ansi 2021}")


@st.composite
def damaged(draw: st.DrawFn, path: Path) -> bytes:
    """A fixture with a few bytes overwritten, or cut short."""
    data = bytearray(path.read_bytes())
    for _ in range(draw(st.integers(1, 8))):
        data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    if draw(st.booleans()):
        del data[draw(st.integers(1, len(data))) :]
    return bytes(data)


@settings(max_examples=60)
@given(damaged(FIXTURES / "sample-2019.docx"))
def test_a_damaged_docx_is_read_or_refused_never_a_crash(data: bytes) -> None:
    with contextlib.suppress(ParseError, UnreadableFile):
        parse_bytes(data)


@settings(max_examples=12)
@given(damaged(FIXTURES / "sample-2021.pdf"))
def test_a_damaged_pdf_is_read_or_refused_never_a_crash(data: bytes) -> None:
    pytest.importorskip("pdfplumber")
    with contextlib.suppress(ParseError, UnreadableFile):
        parse_bytes(data)
