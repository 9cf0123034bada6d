"""The cells of the three standard tables, as attrs classes.

Attribute names are the segments of schema.md's flat keys, so that a cell's flat key is also
its attribute path (``applications.outcomes.granted.total``). Cells are ``int`` counts,
``Decimal`` amounts, or ``None`` for a blank or not-applicable cell: blank is never zero.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TypeAlias

import attrs
from attrs import field, frozen

Count: TypeAlias = int | None
Amount: TypeAlias = Decimal | None


def _count(_inst: object, attribute: attrs.Attribute[Count], value: object) -> None:
    if value is None or type(value) is int:  # the common case, in one look
        return
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{attribute.name} must be an int or None, not {value!r}")


def _amount(_inst: object, attribute: attrs.Attribute[Amount], value: object) -> None:
    if value is not None and not (isinstance(value, Decimal) and value.is_finite()):
        raise TypeError(f"{attribute.name} must be a finite Decimal or None, not {value!r}")


def count() -> Count:
    """A count cell: whole number or blank."""
    return field(default=None, validator=_count)


def amount() -> Amount:
    """An amount cell: exact decimal or blank."""
    return field(default=None, validator=_amount)


# --- Table 二, 2021 edition -------------------------------------------------------------


@frozen
class Documents2021:
    """规章 / 行政规范性文件 in the 2021 edition."""

    issued: Count = count()
    repealed: Count = count()
    in_force: Count = count()


@frozen
class Decisions2021:
    """行政许可 / 行政处罚 / 行政强制 in the 2021 edition."""

    decisions: Count = count()


@frozen
class Fees2021:
    """行政事业性收费: the amount collected, in 万元."""

    amount: Amount = amount()


@frozen
class ActiveDisclosure2021:
    """Table 二 (主动公开政府信息情况), 2021 edition."""

    regulations: Documents2021 = field(factory=Documents2021)
    normative_documents: Documents2021 = field(factory=Documents2021)
    licensing: Decisions2021 = field(factory=Decisions2021)
    punishment: Decisions2021 = field(factory=Decisions2021)
    coercion: Decisions2021 = field(factory=Decisions2021)
    fees: Fees2021 = field(factory=Fees2021)


# --- Table 二, 2019 edition -------------------------------------------------------------


@frozen
class Documents2019:
    """规章 / 规范性文件 in the 2019 edition."""

    new_made: Count = count()
    new_published: Count = count()
    total_published: Count = count()


@frozen
class Items2019:
    """行政许可, 其他对外管理服务事项, 行政处罚, 行政强制 in the 2019 edition."""

    previous_items: Count = count()
    change: Count = count()
    decisions: Count = count()


@frozen
class Fees2019:
    """行政事业性收费 in the 2019 edition."""

    previous_items: Count = count()
    change: Count = count()


@frozen
class Procurement2019:
    """政府集中采购: projects and their total amount."""

    projects: Count = count()
    amount: Amount = amount()


@frozen
class ActiveDisclosure2019:
    """Table 二 (主动公开政府信息情况), 2019 edition."""

    regulations: Documents2019 = field(factory=Documents2019)
    normative_documents: Documents2019 = field(factory=Documents2019)
    licensing: Items2019 = field(factory=Items2019)
    other_services: Items2019 = field(factory=Items2019)
    punishment: Items2019 = field(factory=Items2019)
    coercion: Items2019 = field(factory=Items2019)
    fees: Fees2019 = field(factory=Fees2019)
    procurement: Procurement2019 = field(factory=Procurement2019)


ActiveDisclosure: TypeAlias = ActiveDisclosure2019 | ActiveDisclosure2021

# --- Table 三 -----------------------------------------------------------------------------


@frozen
class ApplicantCounts:
    """One row of table 三: a count per applicant column and the row's 总计."""

    natural_person: Count = count()
    commercial_enterprise: Count = count()
    research_institution: Count = count()
    social_welfare_org: Count = count()
    legal_service_org: Count = count()
    other_org: Count = count()
    total: Count = count()


def _row() -> ApplicantCounts:
    return field(factory=ApplicantCounts)


@frozen
class Denied:
    """（三）不予公开."""

    state_secret: ApplicantCounts = _row()
    prohibited_by_law: ApplicantCounts = _row()
    security_stability: ApplicantCounts = _row()
    third_party_rights: ApplicantCounts = _row()
    internal_affairs: ApplicantCounts = _row()
    process_information: ApplicantCounts = _row()
    enforcement_files: ApplicantCounts = _row()
    administrative_query: ApplicantCounts = _row()


@frozen
class Unable:
    """（四）无法提供."""

    not_held: ApplicantCounts = _row()
    needs_creation: ApplicantCounts = _row()
    unclear_after_correction: ApplicantCounts = _row()


@frozen
class NotProcessed:
    """（五）不予处理."""

    complaint: ApplicantCounts = _row()
    duplicate: ApplicantCounts = _row()
    publication: ApplicantCounts = _row()
    excessive: ApplicantCounts = _row()
    confirmation: ApplicantCounts = _row()


@frozen
class OtherHandling2021:
    """（六）其他处理 as the 2021 edition splits it; 2019 has one plain row instead."""

    no_correction: ApplicantCounts = _row()
    unpaid_fee: ApplicantCounts = _row()
    other: ApplicantCounts = _row()


@frozen
class Outcomes:
    """三、本年度办理结果."""

    granted: ApplicantCounts = _row()
    partially_granted: ApplicantCounts = _row()
    denied: Denied = field(factory=Denied)
    unable: Unable = field(factory=Unable)
    not_processed: NotProcessed = field(factory=NotProcessed)
    other_handling: ApplicantCounts | OtherHandling2021 = _row()
    total: ApplicantCounts = _row()


@frozen
class Applications:
    """Table 三 (收到和处理政府信息公开申请情况)."""

    new_received: ApplicantCounts = _row()
    carried_over: ApplicantCounts = _row()
    outcomes: Outcomes = field(factory=Outcomes)
    carried_forward: ApplicantCounts = _row()


# --- Table 四 -----------------------------------------------------------------------------


@frozen
class ReviewOutcomes:
    """One group of table 四: 结果维持, 结果纠正, 其他结果, 尚未审结, 总计."""

    upheld: Count = count()
    corrected: Count = count()
    other: Count = count()
    pending: Count = count()
    total: Count = count()


@frozen
class ReviewLitigation:
    """Table 四 (政府信息公开行政复议、行政诉讼情况)."""

    reconsideration: ReviewOutcomes = field(factory=ReviewOutcomes)
    litigation_direct: ReviewOutcomes = field(factory=ReviewOutcomes)
    litigation_after_reconsideration: ReviewOutcomes = field(factory=ReviewOutcomes)
