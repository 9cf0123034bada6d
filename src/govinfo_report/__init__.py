"""Read, check and rewrite 政府信息公开工作年度报告 (government information-disclosure
annual reports): ``parse`` text into a typed ``Report``, ``serialize`` it back canonically."""

from .dicts import from_dict, to_dict
from .errors import ParseError
from .files import parse_file
from .model import Edition, Report
from .paths import flatten
from .reader import parse
from .rules import Finding, compare_years
from .writer import serialize

__all__ = [
    "Edition",
    "Finding",
    "ParseError",
    "Report",
    "compare_years",
    "flatten",
    "from_dict",
    "parse",
    "parse_file",
    "serialize",
    "to_dict",
]
