"""The model's contract: flat keys, dict/JSON round trips, validation of what it holds."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

from govinfo_report import Edition, flatten, from_dict, to_dict
from govinfo_report.model import (
    Applications,
    GenericRow,
    OtherHandling2021,
    Outcomes,
    Paragraph,
    Report,
    Section,
    TableSlot,
)
from govinfo_report.model.editions import EDITIONS
from govinfo_report.testing.strategies import reports

from .samples import report_2019, report_2021


def schema_keys(shared: Path, heading: str) -> list[str]:
    """The flat keys listed in schema.md under ``heading``, in order."""
    text = (shared / "reference" / "schema.md").read_text(encoding="utf-8")
    block = text.split(heading, 1)[1].split("\n### ", 1)[0]
    return re.findall(r"^\| `([a-z_.]+)` \|", block, flags=re.M)


def expected_keys(shared: Path, edition: str) -> list[str]:
    disclosure = schema_keys(shared, f"### Table 二, {edition} edition")
    text = (shared / "reference" / "schema.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([a-z_.]+)` \| .*? \| (both|2019 only|2021 only) \|", text, re.M)
    columns = re.findall(r"^\| `([a-z_]+)` \| [^|]+ \|$", text.split("Rows (`<row>`")[0], re.M)
    groups = ["reconsideration", "litigation_direct", "litigation_after_reconsideration"]
    leaves = ["upheld", "corrected", "other", "pending", "total"]
    keys = list(disclosure)
    keys += [
        f"applications.{row}.{column}"
        for row, where in rows
        if where in ("both", f"{edition} only")
        for column in columns
    ]
    keys += [f"review_litigation.{g}.{leaf}" for g in groups for leaf in leaves]
    return keys


@pytest.mark.parametrize("edition", ["2019", "2021"])
def test_flatten_gives_exactly_the_schema_keys_in_order(shared: Path, edition: str) -> None:
    sample = report_2019() if edition == "2019" else report_2021()
    assert list(flatten(sample)) == expected_keys(shared, edition)


def test_key_counts() -> None:
    assert len(EDITIONS[Edition.E2019].flat_keys()) == 198
    assert len(EDITIONS[Edition.E2021].flat_keys()) == 200
    assert len(flatten(report_2019())) == 198
    assert len(flatten(report_2021())) == 200


def test_flatten_values_keep_blank_apart_from_zero() -> None:
    flat = flatten(report_2021())
    assert flat["applications.carried_forward.total"] is None
    assert flat["applications.carried_over.total"] == 1
    assert flat["applications.outcomes.partially_granted.total"] == 0
    assert flat["active_disclosure.fees.amount"] == Decimal("0.092")
    assert flat["active_disclosure.licensing.decisions"] == 17
    flat19 = flatten(report_2019())
    assert flat19["active_disclosure.licensing.change"] == -2
    assert flat19["active_disclosure.fees.change"] is None
    assert flat19["active_disclosure.procurement.amount"] == Decimal("127014.50")


def test_to_dict_holds_every_cell_at_its_key_path() -> None:
    for sample in (report_2019(), report_2021()):
        data = to_dict(sample)
        for key, value in flatten(sample).items():
            node: Any = data
            for part in key.split("."):
                node = node[part]
            assert node == (str(value) if isinstance(value, Decimal) else value), key


def test_amounts_are_strings_in_the_dict_form() -> None:
    data = to_dict(report_2019())
    assert data["active_disclosure"]["procurement"]["amount"] == "127014.50"
    assert data["edition"] == "2019"


@given(reports())
def test_dict_round_trip(report: Report) -> None:
    assert from_dict(to_dict(report)) == report


@given(reports())
def test_json_round_trip(report: Report) -> None:
    assert from_dict(json.loads(json.dumps(to_dict(report), ensure_ascii=False))) == report


@given(reports(edition=Edition.E2019))
def test_json_round_trip_2019(report: Report) -> None:
    back = from_dict(json.loads(json.dumps(to_dict(report))))
    assert back == report and back.edition is Edition.E2019


@given(reports(edition=Edition.E2021))
def test_json_round_trip_2021(report: Report) -> None:
    back = from_dict(json.loads(json.dumps(to_dict(report))))
    assert back == report and back.edition is Edition.E2021


def test_from_dict_keeps_decimal_precision() -> None:
    data = to_dict(report_2021())
    data["active_disclosure"]["fees"]["amount"] = "0.0920"
    back = from_dict(data)
    assert back.active_disclosure is not None
    assert str(back.active_disclosure.fees.amount) == "0.0920"  # type: ignore[union-attr]


def test_from_dict_rejects_unknown_keys_and_floats() -> None:
    data = to_dict(report_2021())
    data["applications"]["new_received"]["totl"] = 1
    with pytest.raises(ValueError, match=r"totl.*applications\.new_received"):
        from_dict(data)
    data = to_dict(report_2021())
    data["active_disclosure"]["fees"]["amount"] = 0.1
    with pytest.raises(ValueError, match=r"fees\.amount"):
        from_dict(data)


def test_count_cells_reject_non_integers() -> None:
    with pytest.raises(TypeError):
        Applications(new_received=type(report_2021().applications.new_received)(1.5))  # type: ignore[arg-type, union-attr]


def test_edition_and_table_shape_must_agree() -> None:
    with pytest.raises(ValueError, match="其他处理"):
        Report(
            edition=Edition.E2019,
            sections=(Section(1, "收到和处理政府信息公开申请情况", (TableSlot("applications"),)),),
            applications=Applications(outcomes=Outcomes(other_handling=OtherHandling2021())),
        )


def test_a_table_needs_its_slot() -> None:
    with pytest.raises(ValueError, match="TableSlot"):
        Report(
            edition=Edition.E2021,
            applications=Applications(outcomes=Outcomes(other_handling=OtherHandling2021())),
        )


def test_text_that_canonical_form_cannot_hold_is_refused() -> None:
    with pytest.raises(ValueError):
        Paragraph("two\nlines")
    with pytest.raises(ValueError):
        Paragraph("  padded")
    with pytest.raises(ValueError):
        GenericRow("label", ("1", ""))
    with pytest.raises(ValueError):
        GenericRow("a|b")
    with pytest.raises(ValueError):
        Report(edition=Edition.E2021, front_matter=("no title after me",))
