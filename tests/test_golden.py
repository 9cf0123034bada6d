"""Canonical text is fixed: each sample report in each layout matches its checked-in text."""

from __future__ import annotations

from pathlib import Path

import pytest

from govinfo_report import serialize
from govinfo_report.write.text import LAYOUTS, Layout

from .samples import SAMPLES

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("edition", sorted(SAMPLES))
def test_serialize_matches_golden_text(edition: str, layout: Layout) -> None:
    expected = (GOLDEN / f"sample_{edition}_{layout}.txt").read_text(encoding="utf-8")
    assert serialize(SAMPLES[edition](), layout=layout) == expected


def test_unknown_layout_is_refused() -> None:
    with pytest.raises(ValueError, match="layout"):
        serialize(SAMPLES["2021"](), layout="csv")  # type: ignore[arg-type]
