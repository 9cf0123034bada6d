"""Count, for each Word or PDF file in a folder made by make_docpdf_fixtures.py, the cells read
exactly, blank and named by a finding, and silently wrong, against NAME.expected.json.

    python tools/make_docpdf_fixtures.py --seeds /tmp/seedfix
    python tools/check_docpdf.py /tmp/seedfix tests/formats/docpdf
"""

from __future__ import annotations

import json
import sys
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from govinfo_report import ParseError, flatten, parse_bytes  # noqa: E402
from govinfo_report.model.editions import is_under  # noqa: E402


def check(path: Path) -> str:
    stem = path.name.split(".")[0].removesuffix("-pandoc").removesuffix("-unruled")
    expected = json.loads((path.parent / f"{stem}.expected.json").read_text(encoding="utf-8"))
    start = time.perf_counter()
    try:
        report = parse_bytes(path.read_bytes(), path.name)
    except ParseError as error:
        return f"{path.name:32} ParseError: {error}"
    ms = (time.perf_counter() - start) * 1000
    named = {key for finding in report.validate() for key in finding.keys}
    exact = blank = silent = 0
    for key, value in flatten(report).items():
        got = str(value) if isinstance(value, Decimal) else value
        if got == expected["cells"][key]:
            exact += 1
        elif got is None and any(k == key or is_under(key, k) for k in named):
            blank += 1
        else:
            silent += 1
    meta = report.edition.value == expected["edition"] and report.year == expected["year"]
    return (
        f"{path.name:32} edition+year {'ok' if meta else 'WRONG'}  exact {exact:3}  "
        f"blank+named {blank:3}  silent {silent}  {ms:6.0f} ms"
    )


def main() -> None:
    for folder in map(Path, sys.argv[1:] or [str(ROOT / "tests" / "formats" / "docpdf")]):
        for path in sorted(folder.iterdir()):
            if path.suffix in (".docx", ".doc", ".pdf"):
                print(check(path))


if __name__ == "__main__":
    main()
