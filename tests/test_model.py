"""The model's contract: flat keys, dict/JSON round trips, validation of what it holds."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given

from govinfo_report import Edition, flatten, from_dict, parse, serialize, to_dict
from govinfo_report.model import (
    Applications,
    Block,
    GenericRow,
    GenericTable,
    OtherHandling2021,
    Outcomes,
    Paragraph,
    Report,
    Section,
    TableSlot,
    UnplacedRow,
)
from govinfo_report.model.editions import EDITIONS
from govinfo_report.testing.strategies import reports
from govinfo_report.write.text import LAYOUTS

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
def test_json_round_trip(report: Report) -> None:
    data = json.loads(json.dumps(to_dict(report), ensure_ascii=False))
    back = from_dict(data)
    assert back == report and back.edition is report.edition
    assert data["edition"] == report.edition.value


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


# --- What text cannot hold: refused with its reason, or kept apart so it reads back equal ------


def _with_body(number: int, body: tuple[Block, ...]) -> Report:
    """The 2021 sample with section ``number``'s body replaced."""
    report = report_2021()
    sections = tuple(
        attrs.evolve(s, body=body) if s.number == number else s for s in report.sections
    )
    return attrs.evolve(report, sections=sections)


def _round_trips(report: Report) -> None:
    for layout in LAYOUTS:
        assert parse(serialize(report, layout=layout)) == report, layout


def test_a_paragraph_that_reads_as_a_later_heading_is_refused() -> None:
    with pytest.raises(ValueError, match="'二、加强组织领导' would read back as a section heading"):
        _with_body(1, (Paragraph("二、加强组织领导"),))


def test_a_paragraph_that_reads_as_an_earlier_heading_round_trips() -> None:
    # Under 五、 a line 二、… is a sub-heading: the parser keeps it as a paragraph of 五.
    _round_trips(
        _with_body(5, (Paragraph("二、加强组织领导"), Paragraph("一是公开时效有待提高。")))
    )


GENERIC = GenericTable((GenericRow("政府网站公开政府信息数", ("条", "151")),))
OTHER_GENERIC = GenericTable((GenericRow("政务微博公开政府信息数", ("条", "162")),))


def test_two_generic_tables_in_a_row_are_refused() -> None:
    with pytest.raises(ValueError, match="right after another table"):
        _with_body(1, (GENERIC, OTHER_GENERIC))


def test_a_generic_table_right_after_a_standard_table_is_refused() -> None:
    with pytest.raises(ValueError, match="right after another table"):
        _with_body(2, (TableSlot("active_disclosure"), GENERIC))


def test_a_generic_table_right_before_a_standard_table_round_trips() -> None:
    _round_trips(_with_body(2, (GENERIC, TableSlot("active_disclosure"))))


def test_an_organ_the_title_does_not_name_is_refused_by_the_constructor_and_from_dict() -> None:
    report = report_2021()
    with pytest.raises(ValueError, match="organ '别的机关' and year 2021 must be what the title"):
        attrs.evolve(report, organ="别的机关")
    data = to_dict(report)
    data["organ"] = "别的机关"
    with pytest.raises(ValueError, match=r"organ '别的机关'.* must be what the title names"):
        from_dict(data)


def test_an_unplaced_row_with_a_pipe_in_a_cell_is_refused() -> None:
    with pytest.raises(ValueError, match="without tab, pipe or newline"):
        UnplacedRow("applications", ("备注|说明", "3"))


def test_a_pipe_read_inside_a_tab_cell_becomes_full_width_and_round_trips() -> None:
    text = serialize(report_2021(), layout="tab").replace(
        "四、结转下年度继续办理", "四、结转下年度继续办理\n备注|说明\t3"
    )
    report = parse(text)
    assert [row.cells for row in report.unplaced] == [("备注｜说明", "3")]
    _round_trips(report)


def test_unplaced_rows_need_their_table_and_its_order() -> None:
    report = report_2021()
    row = UnplacedRow("review_litigation", ("备注", "1"))
    with pytest.raises(ValueError, match="needs that table"):
        attrs.evolve(report, review_litigation=None, sections=report.sections[:3], unplaced=(row,))
    first = UnplacedRow("applications", ("备注", "2"))
    with pytest.raises(ValueError, match="order their tables stand"):
        attrs.evolve(report, unplaced=(row, first))
    _round_trips(attrs.evolve(report, unplaced=(first, row)))


def test_a_long_paragraph_with_a_section_heading_inside_is_refused() -> None:
    long = "本机关依法推进政务公开。" * 30 + "二、主动公开政府信息情况" + "见下表。"
    with pytest.raises(ValueError, match="would read back cut at the heading"):
        _with_body(5, (Paragraph(long),))
    _round_trips(_with_body(5, (Paragraph(long[:200] + "二、主动公开政府信息情况见下表。"),)))
