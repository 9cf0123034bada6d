"""The real tools that turn a report page into text, each as the exact command it runs.

Each converter takes a folder of ``NAME.html`` pages and writes ``NAME.txt`` for each into an
output folder. Tools that start slowly (Chromium, LibreOffice) convert the whole folder in one
run. docs/converter-corpus.md says how to install them.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
Convert = Callable[[list[Path], Path, Path], None]  # pages, work folder, output folder


def run(command: list[str], out: Path | None = None) -> None:
    """Run ``command``; its standard output goes to ``out`` when given. Fails loudly."""
    done = subprocess.run(command, capture_output=True, check=False, timeout=600)
    if done.returncode != 0:
        raise RuntimeError(f"{command[0]} failed: {done.stderr.decode(errors='replace')[-500:]}")
    if out is not None:
        out.write_bytes(done.stdout)


def each(command: Callable[[Path], list[str]]) -> Convert:
    """A converter that runs ``command(page)`` once per page and keeps its output."""

    def convert(pages: list[Path], _work: Path, out: Path) -> None:
        for page in pages:
            run(command(page), out / f"{page.stem}.txt")

    return convert


def _venv(program: str) -> str:
    """A console script installed beside this Python (the venv's bin folder)."""
    return str(Path(sys.executable).parent / program)


def python(code: str) -> Callable[[Path], list[str]]:
    """A Python one-liner run on the page (its path is ``sys.argv[1]``)."""
    return lambda page: [sys.executable, "-c", code, str(page)]


def _docx(pages: list[Path], work: Path) -> list[Path]:
    """Each page as a Word file made by pandoc."""
    made = []
    for page in pages:
        target = work / "pandoc-docx" / f"{page.stem}.docx"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            run(["pandoc", "-f", "html", "-t", "docx", "-o", str(target), str(page)])
        made.append(target)
    return made


def pandoc_docx(then: Callable[[Path], list[str]]) -> Convert:
    def convert(pages: list[Path], work: Path, out: Path) -> None:
        for docx in _docx(pages, work):
            run(then(docx), out / f"{docx.stem}.txt")

    return convert


def soffice(files: list[Path], target: str, outdir: Path, work: Path, *extra: str) -> None:
    """LibreOffice headless, converting every file in one run, with its own profile."""
    outdir.mkdir(parents=True, exist_ok=True)
    profile = (work / "lo-profile").as_uri()
    run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation={profile}",
            *extra,
            "--convert-to",
            target,
            "--outdir",
            str(outdir),
            *map(str, files),
        ]
    )


def _lo_docx(pages: list[Path], work: Path) -> list[Path]:
    """Each page as a Word file made by LibreOffice Writer (HTML opened as a document)."""
    folder = work / "lo-docx"
    missing = [p for p in pages if not (folder / f"{p.stem}.docx").exists()]
    if missing:
        soffice(missing, "docx:MS Word 2007 XML", folder, work, "--infilter=HTML (StarWriter)")
    return [folder / f"{p.stem}.docx" for p in pages]


def _lo_doc(pages: list[Path], work: Path) -> list[Path]:
    """Each page as an old-style Word file (.doc) made by LibreOffice Writer."""
    folder = work / "lo-doc"
    missing = [p for p in pages if not (folder / f"{p.stem}.doc").exists()]
    if missing:
        soffice(missing, "doc:MS Word 97", folder, work, "--infilter=HTML (StarWriter)")
    return [folder / f"{p.stem}.doc" for p in pages]


def word97(command: Callable[[Path], list[str]]) -> Convert:
    def convert(pages: list[Path], work: Path, out: Path) -> None:
        for doc in _lo_doc(pages, work):
            run(command(doc), out / f"{doc.stem}.txt")

    return convert


def libreoffice_text(pages: list[Path], work: Path, out: Path) -> None:
    soffice(_lo_docx(pages, work), "txt:Text (encoded):UTF8", out, work)


def _lo_pdf(pages: list[Path], work: Path) -> list[Path]:
    folder = work / "lo-pdf"
    missing = [d for d in _lo_docx(pages, work) if not (folder / f"{d.stem}.pdf").exists()]
    if missing:
        soffice(missing, "pdf:writer_pdf_Export", folder, work)
    return [folder / f"{p.stem}.pdf" for p in pages]


def pdftotext(*flags: str) -> Convert:
    def convert(pages: list[Path], work: Path, out: Path) -> None:
        for pdf in _lo_pdf(pages, work):
            run(["pdftotext", *flags, "-enc", "UTF-8", str(pdf), str(out / f"{pdf.stem}.txt")])

    return convert


def chromium(pages: list[Path], _work: Path, out: Path) -> None:
    run([sys.executable, str(HERE / "innertext.py"), str(out), *map(str, pages)])


SOUP = (
    "import sys; from bs4 import BeautifulSoup; "
    "sys.stdout.write(BeautifulSoup(open(sys.argv[1], encoding='utf-8').read(), 'lxml')"
    ".body.get_text())"
)
SOUP_LINES = SOUP.replace(".get_text()", ".get_text('\\n')")
LXML = (
    "import sys, lxml.html; "
    "sys.stdout.write(lxml.html.parse(sys.argv[1]).getroot().body.text_content())"
)
DOCX2PYTHON = (
    "import sys; from docx2python import docx2python; "
    "sys.stdout.write(docx2python(sys.argv[1]).text)"
)

W3M = ("w3m", "-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8", "-cols", "160")
LYNX = ("lynx", "-dump", "-nolist", "-assume_charset=utf-8", "-display_charset=utf-8", "-width=160")
ELINKS = (
    *("elinks", "-dump", "-dump-charset", "utf-8", "-no-references", "-no-numbering"),
    *("-dump-width", "160"),
)

# Tool name → converter. A tool's name is the last part of a case's name.
CONVERTERS: dict[str, Convert] = {
    "chromium": chromium,
    "w3m": each(lambda p: [*W3M, str(p)]),
    "lynx": each(lambda p: [*LYNX, str(p)]),
    "elinks": each(lambda p: [*ELINKS, str(p)]),
    "links": each(lambda p: ["links", "-dump", "-codepage", "utf-8", "-width", "160", str(p)]),
    "html2text": each(lambda p: [_venv("html2text"), "-b", "0", str(p), "utf-8"]),
    "inscriptis": each(lambda p: [_venv("inscript"), str(p)]),
    "pandoc-plain": each(lambda p: ["pandoc", "-f", "html", "-t", "plain", "--wrap=none", str(p)]),
    "pandoc-gfm": each(lambda p: ["pandoc", "-f", "html", "-t", "gfm", "--wrap=none", str(p)]),
    "docx2txt": pandoc_docx(lambda d: [_venv("docx2txt"), str(d)]),
    "docx2python": pandoc_docx(python(DOCX2PYTHON)),
    "libreoffice": libreoffice_text,
    "catdoc": word97(lambda d: ["catdoc", "-d", "utf-8", str(d)]),
    "antiword": word97(lambda d: ["antiword", "-m", "UTF-8.txt", str(d)]),
    "pdftotext": pdftotext(),
    "pdftotext-layout": pdftotext("-layout"),
    "bs4": each(python(SOUP)),
    "bs4-lines": each(python(SOUP_LINES)),
    "lxml": each(python(LXML)),
}


def tables_survive(tool: str, text: str, cells_touch: bool, labels: list[tuple[str, ...]]) -> bool:
    """False only where the tool's output provably lacks the cells: pandoc's placeholder
    in its text; a scraper's glued cells on a page whose cells touch in the source; or a
    table of the page none of whose ``labels`` (one tuple per table) is left in the text,
    whatever the spaces and line breaks (antiword drops table 三's body whole)."""
    if tool == "pandoc-plain" and "[TABLE]" in text:
        return False
    if cells_touch and tool in ("bs4", "lxml"):
        return False
    squeezed = "".join(text.split())
    return all(any(label in squeezed for label in table) for table in labels)


def missing() -> list[str]:
    """The programs this machine lacks (Python modules are checked when they run)."""
    programs = ("w3m", "lynx", "elinks", "links", "pandoc", "soffice", "pdftotext", "chromium")
    programs = (*programs, "catdoc", "antiword")  # type: ignore[assignment]
    return [p for p in programs if shutil.which(p) is None]
