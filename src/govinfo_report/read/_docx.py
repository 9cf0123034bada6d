"""Word (.docx) files as blocks: paragraphs and tables in body order, straight from
word/document.xml with lxml, because python-docx silently loses rows inside content controls,
text inside tracked insertions and the columns of rows with ``gridBefore``.

The zip is read defensively: every part's declared size and compression ratio are checked
before it is inflated (a zip bomb is refused, not expanded), and the read itself is bounded
in case a header lies.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from collections.abc import Iterator

import attrs
from lxml import etree

from govinfo_report.errors import ParseError
from govinfo_report.read._docx_numbering import Numbering
from govinfo_report.read._grid import Block, Cell, Grid

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
)

# A report's document.xml is well under a megabyte; 64 MB leaves room for embedded oddities.
MAX_PART_BYTES = 64 * 1024 * 1024
# XML deflates 5-20x; a part claiming far more is a bomb, whatever its declared size.
MAX_RATIO = 200
_SMALL = 1024 * 1024  # below this, any ratio is harmless
MAX_PARTS = 10_000  # a .docx holds tens of parts; images add a few each


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


# Containers whose children are read as if they stood in the parent: content controls,
# custom XML, tracked insertions and moves.
_TRANSPARENT = {
    _w("sdt"),
    _w("sdtContent"),
    _w("customXml"),
    _w("ins"),
    _w("moveTo"),
    _w("smartTag"),
}
# Subtrees that are not the document's visible text: deletions, field codes, properties,
# and the fallback copy of alternate content (the chosen copy is read).
_SKIPPED = {
    _w("del"),
    _w("moveFrom"),
    _w("delText"),
    _w("instrText"),
    _w("sdtPr"),
    _w("sdtEndPr"),
    _w("rPr"),
    _w("pPr"),
    _w("tblPr"),
    _w("trPr"),
    _w("tcPr"),
    f"{{{_MC}}}Fallback",
}


def _read_part(archive: zipfile.ZipFile, name: str) -> bytes:
    """One part's bytes after its declared size and ratio were checked; ParseError if absent
    or suspicious."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        raise ParseError(f"not a Word document: the .docx has no {name}", None) from None
    ratio = info.file_size / max(info.compress_size, 1)
    if info.file_size > MAX_PART_BYTES or (info.file_size > _SMALL and ratio > MAX_RATIO):
        raise ParseError(
            f"refused to inflate {name}: it declares {info.file_size} bytes "
            f"({ratio:.0f}x its compressed size), too large for a report (a zip bomb?)",
            None,
        )
    try:
        with archive.open(info) as part:
            data = part.read(MAX_PART_BYTES + 1)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError) as error:
        raise ParseError(f"the .docx is corrupt: {name} cannot be read ({error})", None) from None
    if len(data) > MAX_PART_BYTES:  # pragma: no cover - zipfile checks the size it declares
        raise ParseError(f"refused to inflate {name}: larger than it declares", None)
    return data


_STRICT = b"http://purl.oclc.org/ooxml/wordprocessingml/main"


def _xml(data: bytes, name: str) -> etree._Element:
    # Strict Open XML names the same elements under another namespace: read it as the usual.
    data = data.replace(_STRICT, _W.encode())
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise ParseError(
            f"the .docx is corrupt: {name} is not well-formed XML ({error})", None
        ) from None


def _main_part(archive: zipfile.ZipFile) -> str:
    """The main document part the package's relationships name (word/document.xml usually)."""
    if "_rels/.rels" not in archive.namelist():
        return "word/document.xml"
    rels = _xml(_read_part(archive, "_rels/.rels"), "_rels/.rels")
    for rel in rels.iter(f"{{{_REL}}}Relationship"):
        if rel.get("Type") == _OFFICE_DOCUMENT and rel.get("TargetMode") != "External":
            target = posixpath.normpath(rel.get("Target", "").lstrip("/"))
            if target and not target.startswith(".."):
                return target
    return "word/document.xml"


def _numbering(archive: zipfile.ZipFile, main: str) -> etree._Element | None:
    """The numbering part beside the main document, when there is one."""
    name = posixpath.join(posixpath.dirname(main), "numbering.xml")
    if name not in archive.namelist():
        return None
    return _xml(_read_part(archive, name), name)


def _text(element: etree._Element) -> Iterator[str]:
    """The visible text under ``element`` in order: runs joined, breaks as ``\\n``."""
    for child in element:
        tag = child.tag
        if tag in _SKIPPED or not isinstance(tag, str):
            continue
        if tag == _w("t"):
            yield child.text or ""
        elif tag in (_w("br"), _w("cr")):
            yield "\n"
        elif tag in (_w("tab"), _w("ptab")):
            yield " "
        elif tag == _w("noBreakHyphen"):
            yield "-"
        elif tag == _w("p"):
            yield from _text(child)
            yield "\n"
        else:
            yield from _text(child)


def _paragraph(element: etree._Element, numbering: Numbering) -> str:
    return numbering.label(element) + "".join(_text(element)).rstrip("\n")


def _val(element: etree._Element, path: str) -> str | None:
    found = element.find(path)
    return None if found is None else found.get(_w("val"))


def _int(value: str | None, default: int) -> int:
    try:
        return max(0, int(value)) if value is not None else default
    except ValueError:
        return default


def _children(element: etree._Element, tag: str) -> Iterator[etree._Element]:
    """``element``'s children of ``tag``, looking through transparent containers."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag in _TRANSPARENT:
            yield from _children(child, tag)


def _cell_text(cell: etree._Element, numbering: Numbering) -> str:
    lines = []
    for child in _body(cell, numbering):
        lines.append(child if isinstance(child, str) else "\n".join(_grid_text(child)))
    return "\n".join(lines)


def _grid_text(grid: Grid) -> list[str]:
    """A table nested in a cell, as lines of its cell texts (the outer cell holds it all)."""
    return [" ".join(c.text for c in row if c is not None and c.text) for row in grid.rows]


@attrs.define
class _Open:
    """A cell while its table is read: vMerge continuations grow its ``rowspan``."""

    text: str
    column: int
    rowspan: int = 1
    colspan: int = 1


def _table(table: etree._Element, numbering: Numbering) -> Grid:
    """A table's rows laid on its column grid: gridSpan as colspan, vMerge as rowspan,
    gridBefore/gridAfter as blank slots; rows deleted in tracked changes dropped."""
    # Each row as (cells, before, after); a cell as (text, colspan, continues a vMerge).
    rows: list[tuple[list[tuple[str, int, bool]], int, int]] = []
    for tr in _children(table, _w("tr")):
        if tr.find(f"{_w('trPr')}/{_w('del')}") is not None:
            continue
        cells = []
        for tc in _children(tr, _w("tc")):
            span = max(1, _int(_val(tc, f"{_w('tcPr')}/{_w('gridSpan')}"), 1))
            merge = tc.find(f"{_w('tcPr')}/{_w('vMerge')}")
            continues = merge is not None and merge.get(_w("val"), "continue") == "continue"
            cells.append((_cell_text(tc, numbering), span, continues))
        before = _int(_val(tr, f"{_w('trPr')}/{_w('gridBefore')}"), 0)
        after = _int(_val(tr, f"{_w('trPr')}/{_w('gridAfter')}"), 0)
        rows.append((cells, before, after))
    declared = len(list(table.iterfind(f"{_w('tblGrid')}/{_w('gridCol')}")))
    width = max([declared, *(b + sum(s for _, s, _ in c) + a for c, b, a in rows)], default=0)
    width = min(width, 1000)  # a table no one could lay out is not read wider than this
    slots: list[list[_Open | None]] = []
    owner: dict[tuple[int, int], _Open] = {}
    for r, (cells, before, _after) in enumerate(rows):
        line: list[_Open | None] = [_Open("", c) for c in range(width)]
        column = before
        for text, span, continues in cells:
            span = min(span, width - column)
            if span <= 0:
                break
            above = owner.get((r - 1, column))
            merged = continues and above is not None
            if merged and above is not None and above.column == column and above.colspan == span:
                above.rowspan += 1
                cell, line[column] = above, None
            else:
                cell = line[column] = _Open(text, column, colspan=span)
            for c in range(column, column + span):
                owner[(r, c)] = cell
                if c > column:
                    line[c] = None
            column += span
        slots.append(line)
    return Grid(
        tuple(
            tuple(None if s is None else Cell(s.text, s.rowspan, s.colspan) for s in line)
            for line in slots
        )
    )


def _body(container: etree._Element, numbering: Numbering) -> Iterator[Block]:
    """Paragraphs and tables of a body or a cell, in order, through content controls."""
    for child in container:
        tag = child.tag
        if tag == _w("p"):
            yield _paragraph(child, numbering)
        elif tag == _w("tbl"):
            rows = [list(_children(tr, _w("tc"))) for tr in _children(child, _w("tr"))]
            if all(len(cells) == 1 for cells in rows):
                # A one-column table is a box around content (a layout table, a framed
                # paragraph), not a table: what it holds is read in its place.
                for (cell,) in rows:
                    yield from _body(cell, numbering)
            else:
                yield _table(child, numbering)
        elif (
            tag in _TRANSPARENT or tag == f"{{{_MC}}}AlternateContent" or tag == f"{{{_MC}}}Choice"
        ):
            yield from _body(child, numbering)


def docx_blocks(data: bytes) -> list[Block]:
    """The blocks of a .docx file's main document; ParseError for a file that is not one."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as error:
        raise ParseError(
            f"not a readable .docx: the zip is truncated or corrupt ({error})", None
        ) from None
    with archive:
        if len(archive.infolist()) > MAX_PARTS:
            raise ParseError(f"not a Word document: the zip holds over {MAX_PARTS} files", None)
        name = _main_part(archive)
        root = _xml(_read_part(archive, name), name)
        numbering = Numbering(_numbering(archive, name))
    body = root.find(_w("body"))
    if body is None:
        raise ParseError(f"not a Word document: {name} has no body", None)
    return list(_body(body, numbering))
