"""Legacy Word (.doc) files: converted to .docx in memory by msdoc2docx (pure Python, the
optional extra ``doc``), then read like any .docx. A file it cannot convert gets an error
that says how to convert it by hand instead."""

from __future__ import annotations

import tempfile
from pathlib import Path

from govinfo_report.errors import ParseError
from govinfo_report.read._docx import docx_blocks
from govinfo_report.read._grid import Block

INSTALL = "pip install 'govinfo_report[doc]'"
CONVERT = "soffice --headless --convert-to docx FILE.doc"
# An OLE compound file (the .doc container) starts with these eight bytes.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def doc_blocks(data: bytes) -> list[Block]:
    """The blocks of a .doc file; ParseError when it is not one, cannot be converted, or the
    ``doc`` extra is not installed."""
    if not data.startswith(OLE_MAGIC):
        raise ParseError("not a Word 97-2003 (.doc) file: no OLE compound-file header", None)
    try:
        import doc2docx
    except ImportError:
        raise ParseError(
            f"reading a .doc file needs the optional extra: {INSTALL} (or convert it: {CONVERT})",
            None,
        ) from None
    with tempfile.TemporaryDirectory(prefix="govinfo_doc_") as folder:
        source, target = Path(folder, "in.doc"), Path(folder, "out.docx")
        source.write_bytes(data)
        try:
            doc2docx.convert(source, target)
            converted = target.read_bytes()
        except Exception as error:  # the converter raises its own types and others on bad input
            raise ParseError(
                f"this .doc could not be converted ({type(error).__name__}: {error}); "
                f"convert it to .docx with: {CONVERT}",
                None,
            ) from None
    return docx_blocks(converted)
