"""The JSON-ready form of a report, through one configured cattrs converter."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import cattrs
from cattrs.strategies import configure_tagged_union

from .editions import EDITIONS
from .model import (
    ActiveDisclosure2019,
    ActiveDisclosure2021,
    ApplicantCounts,
    Block,
    Edition,
    GenericTable,
    OtherHandling2021,
    Paragraph,
    Report,
    TableSlot,
)
from .values import format_value

converter = cattrs.Converter(forbid_extra_keys=True)


def _structure_decimal(value: object, _type: type) -> Decimal:
    # Amounts travel as strings so no float ever touches them; ints are accepted too.
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise TypeError(f"an amount must be a string or an int, not {value!r}")
    result = Decimal(value)
    if not result.is_finite():
        raise ValueError(f"an amount must be finite, not {value!r}")
    return result


def _structure_count(value: object, _type: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"a count must be an int, not {value!r}")
    return value


converter.register_unstructure_hook(Decimal, format_value)
converter.register_structure_hook(Decimal, _structure_decimal)
converter.register_structure_hook(int, _structure_count)
_BLOCK_KINDS: dict[type, str] = {
    Paragraph: "paragraph",
    TableSlot: "table",
    GenericTable: "generic_table",
}


def _block_kind(cls: type) -> str:
    return _BLOCK_KINDS[cls]


configure_tagged_union(Block, converter, tag_name="kind", tag_generator=_block_kind)

# The two table-二 classes share field names, so tell them apart by the key segments that
# only the 2019 edition has (read off the edition definitions, not listed by hand).
_ONLY_2019 = {part for key in EDITIONS[Edition.E2019].flat_keys() for part in key.split(".")} - {
    part for key in EDITIONS[Edition.E2021].flat_keys() for part in key.split(".")
}


def _structure_disclosure(
    data: dict[str, Any], _type: type
) -> ActiveDisclosure2019 | ActiveDisclosure2021 | None:
    if data is None:
        return None
    parts = set(data) | {column for row in data.values() for column in row}
    if parts & _ONLY_2019:
        return converter.structure(data, ActiveDisclosure2019)
    return converter.structure(data, ActiveDisclosure2021)


def _structure_other_handling(
    data: dict[str, Any], _type: type
) -> ApplicantCounts | OtherHandling2021:
    names = {field.name for field in OtherHandling2021.__attrs_attrs__}
    if set(data) & names:
        return converter.structure(data, OtherHandling2021)
    return converter.structure(data, ApplicantCounts)


converter.register_structure_hook(
    ActiveDisclosure2019 | ActiveDisclosure2021 | None, _structure_disclosure
)
converter.register_structure_hook(ApplicantCounts | OtherHandling2021, _structure_other_handling)


def to_dict(report: Report) -> dict[str, Any]:
    """Plain dicts, lists, strings and ints; amounts as strings, so nothing is lost."""
    result: dict[str, Any] = converter.unstructure(report)
    return result


def from_dict(data: dict[str, Any]) -> Report:
    """The inverse of ``to_dict``. Bad data raises ``ValueError`` naming each bad path,
    e.g. ``extra fields found (totl) @ $.applications.new_received``."""
    try:
        return converter.structure(data, Report)
    except cattrs.BaseValidationError as error:
        raise ValueError("; ".join(cattrs.transform_error(error))) from error
