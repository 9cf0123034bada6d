"""The JSON-ready form of a report, through cattrs converters configured from the editions.

The dict carries its ``edition``; ``from_dict`` reads it first and structures the tables with
that edition's classes, so nothing is guessed from which keys happen to be present.
"""

from __future__ import annotations

import functools
from decimal import Decimal
from typing import Any

import cattrs
from cattrs.strategies import configure_tagged_union
from cattrs.v import format_exception

from govinfo_report.model import (
    EDITIONS,
    ActiveDisclosure,
    ApplicantCounts,
    Block,
    Edition,
    GenericTable,
    OtherHandling2021,
    Paragraph,
    Report,
    TableSlot,
)
from govinfo_report.model.values import format_value


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


_BLOCK_KINDS: dict[type, str] = {
    Paragraph: "paragraph",
    TableSlot: "table",
    GenericTable: "generic_table",
}


def _block_kind(cls: type) -> str:
    return _BLOCK_KINDS[cls]


@functools.cache
def _converter(edition: Edition) -> cattrs.Converter:
    """The converter for one edition: its union-typed tables mean that edition's classes."""
    spec = EDITIONS[edition]
    converter = cattrs.Converter(forbid_extra_keys=True)
    converter.register_unstructure_hook(Decimal, format_value)
    converter.register_structure_hook(Decimal, _structure_decimal)
    converter.register_structure_hook(int, _structure_count)
    configure_tagged_union(Block, converter, tag_name="kind", tag_generator=_block_kind)
    disclosure, other = spec.disclosure_class, spec.other_handling_class
    converter.register_structure_hook(
        ActiveDisclosure | None,
        lambda data, _: None if data is None else converter.structure(data, disclosure),
    )
    converter.register_structure_hook(
        ApplicantCounts | OtherHandling2021, lambda data, _: converter.structure(data, other)
    )
    return converter


def to_dict(report: Report) -> dict[str, Any]:
    """Plain dicts, lists, strings and ints; amounts as strings, so nothing is lost."""
    result: dict[str, Any] = _converter(report.edition).unstructure(report)
    return result


def _reason(error: BaseException, type_: type | None) -> str:
    """cattrs' words for an error, with the model's own reason where it gave one."""
    words = format_exception(error, type_)
    if isinstance(error, (ValueError, TypeError)) and str(error):
        return f"{words}: {error}"
    return words


def from_dict(data: dict[str, Any]) -> Report:
    """The inverse of ``to_dict``. Bad data raises ``ValueError`` naming each bad path and
    why, e.g. ``extra fields found (totl) @ $.applications.new_received``."""
    if not isinstance(data, dict):
        raise ValueError(f"a report is a dict, not {type(data).__name__}")
    try:
        edition = Edition(data.get("edition"))
    except ValueError:
        known = ", ".join(repr(e.value) for e in Edition)
        raise ValueError(f"edition must be one of {known} @ $.edition") from None
    try:
        return _converter(edition).structure(data, Report)
    except cattrs.BaseValidationError as error:
        message = "; ".join(cattrs.transform_error(error, format_exception=_reason))
        raise ValueError(message) from error
