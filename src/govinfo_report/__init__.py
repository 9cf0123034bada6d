"""Read, check and rewrite 政府信息公开工作年度报告 (government information-disclosure
annual reports): ``parse`` text into a typed ``Report``, ``serialize`` it back canonically.

The package is layered: ``model`` (editions, the report, flat keys, findings) at the bottom;
``read`` (text → ``Report``), ``write`` (``Report`` → text, dicts, exports) and ``check``
(rules) above it; ``io`` (files, batches, the command line) on top.
"""

from govinfo_report.check import compare_years
from govinfo_report.errors import ParseError
from govinfo_report.io.files import parse_file
from govinfo_report.model import Edition, Finding, Report, flatten
from govinfo_report.model.names import describe
from govinfo_report.read import parse, parse_bytes
from govinfo_report.write.dicts import from_dict, to_dict
from govinfo_report.write.text import serialize

__all__ = [
    "Edition",
    "Finding",
    "ParseError",
    "Report",
    "compare_years",
    "describe",
    "flatten",
    "from_dict",
    "parse",
    "parse_bytes",
    "parse_file",
    "serialize",
    "to_dict",
]
