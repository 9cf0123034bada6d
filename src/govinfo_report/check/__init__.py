"""The checks: the template's rules within one report (``validate``) and across a body's
consecutive years (``compare_years``). Importing this package gives ``Report.validate`` its
rules."""

from govinfo_report.check.rules import validate
from govinfo_report.check.years import Paired, compare_series, compare_years
from govinfo_report.model import register_validator

register_validator(validate)

__all__ = ["Paired", "compare_series", "compare_years", "validate"]
