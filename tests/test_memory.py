"""A batch worker parses report after report: its memory must not grow with them."""

from __future__ import annotations

import gc
import tracemalloc

from govinfo_report import parse, serialize

from .samples import report_2021


def _with_an_unreadable_cell() -> str:
    """The sample report with one cell that is words, not a number (见附件)."""
    text = serialize(report_2021(), layout="tab")
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("规章\t"))
    cells = lines[at].split("\t")
    cells[1] = "见附件"
    lines[at] = "\t".join(cells)
    return "\n".join(lines)


def _warm(text: str) -> None:
    report = parse(text)
    assert [f.code for f in report.validate() if f.code == "unreadable-cell"] == ["unreadable-cell"]
    for _ in range(50):  # fill the caches of labels, lines and cells first
        parse(text).validate()
    gc.collect()


def test_no_objects_kept_over_3000_parses_of_a_report_with_an_unreadable_cell() -> None:
    text = _with_an_unreadable_cell()
    _warm(text)
    before = len(gc.get_objects())
    for _ in range(3000):
        parse(text).validate()
    gc.collect()
    # A cached exception kept each parse's traceback, frames, rows and bindings alive.
    assert len(gc.get_objects()) - before < 100


def test_no_bytes_kept_over_parses_traced_by_tracemalloc() -> None:
    text = _with_an_unreadable_cell()
    _warm(text)
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for _ in range(500):  # tracing costs ~5x: 500 parses show what 3,000 would
            parse(text).validate()
        gc.collect()
        grown = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    # Before the fix: ~46 KB kept a parse (140 MB over 3,000).
    assert grown < 32 * 1024, f"{grown} bytes kept after 500 parses"
