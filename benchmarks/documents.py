"""Compares document readers on the recap tests/data/documents/make.py writes in each
format: time, story paragraphs found whole and in order, furniture left in the text.

    pip install pypdf pypdfium2   # the PDF readers compared with pdfminer.six
    PYTHONPATH=src python benchmarks/documents.py

PDF: pypdf, pypdfium2 and pdfminer.six give a page's text; recapcast reads pdfminer's lines
with their places and type sizes (text/documents/pdflayout.py). Word, OpenDocument and RTF:
the text a naive reading gives (every w:t, every text node, striprtf's plain text) beside
recapcast's reading of the styles and tracked changes.
"""

from __future__ import annotations

import io
import re
import statistics
import sys
import time
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

HERE = Path(__file__).resolve().parent
DOCUMENTS = HERE.parent / "tests" / "data" / "documents"
sys.path.insert(0, str(DOCUMENTS))
from make import expected  # noqa: E402

RECAP = expected()


def _pypdf(data: bytes) -> str:
    import pypdf

    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def _pypdfium2(data: bytes) -> str:
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    return "\n".join(page.get_textpage().get_text_range() for page in document)


def _pdfminer(data: bytes) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(io.BytesIO(data))


def _recapcast(data: bytes, name: str) -> str:
    from recapcast.text.sources import read_source

    return "\n\n".join(b.text for b in read_source(data, name).blocks)


def _naive_docx(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = ET.fromstring(archive.read("word/document.xml"))
    return "\n".join("".join(p.itertext()) for p in root.iter(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"))


def _naive_odt(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = ET.fromstring(archive.read("content.xml"))
    text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    return "\n".join("".join(p.itertext()) for p in root.iter(f"{{{text}}}p"))


def _striprtf(data: bytes) -> str:
    from striprtf.striprtf import rtf_to_text

    return rtf_to_text(data.decode("latin-1"))


def _score(text: str) -> tuple[str, str, str]:
    """(paragraphs found whole, in order?, furniture left)."""
    flat = " ".join(text.split())
    found = [flat.find(p) for p in RECAP["paragraphs"]]
    whole = sum(at >= 0 for at in found)
    # In order: the first words of each paragraph appear in the text's order.
    starts = [flat.find(" ".join(p.split()[:6])) for p in RECAP["paragraphs"]]
    in_order = all(a < b for a, b in zip(starts, starts[1:], strict=False)) and min(starts) >= 0
    leaks = [x for x in RECAP["never"] if x in flat]
    if re.search(r"(?m)^\s*\d{1,3}\s*$", text):
        leaks.append("page number")
    if "remem-" in flat:
        leaks.append("remem- ber")
    return (f"{whole}/{len(found)}", "yes" if in_order else "no",
            f"{len(leaks)} ({', '.join(leaks)})" if leaks else "0")


def _time(read, data: bytes) -> float:
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        read(data)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs) * 1000


def _libreoffice_pdf() -> tuple[str, bytes] | None:
    """LibreOffice's PDF of recap.docx (a real office suite's typesetting: embedded
    fonts, footnote mark raised, bullets from a symbol font), when soffice is here."""
    import shutil
    import subprocess
    import tempfile

    office = shutil.which("soffice")
    if not office:
        return None
    with tempfile.TemporaryDirectory() as work:
        subprocess.run([office, f"-env:UserInstallation=file://{work}/home", "--headless",
                        "--convert-to", "pdf", "--outdir", work,
                        str(DOCUMENTS / "recap.docx")], check=True, capture_output=True,
                       timeout=300)
        return "libreoffice.pdf", (Path(work) / "recap.pdf").read_bytes()


def main() -> None:
    readers = {
        ".pdf": [("pypdf", _pypdf), ("pypdfium2", _pypdfium2), ("pdfminer.six", _pdfminer)],
        ".docx": [("w:t text", _naive_docx)],
        ".odt": [("text nodes", _naive_odt)],
        ".rtf": [("striprtf", _striprtf)],
    }
    print("| file | reader | paragraphs whole | in order | furniture left | ms |")
    print("| --- | --- | ---: | --- | --- | ---: |")
    files = [(name, (DOCUMENTS / name).read_bytes()) for name in (
        "recap.pdf", "recap-two-columns.pdf", "recap.docx", "recap.odt", "recap.rtf",
        "libreoffice.docx", "libreoffice.odt", "libreoffice.rtf")]
    office = _libreoffice_pdf()
    if office:
        files.insert(2, office)
    for name, data in files:
        suffix = Path(name).suffix
        for label, read in [*readers[suffix],
                            ("recapcast", lambda d, n=name: _recapcast(d, n))]:
            try:
                text = read(data)
            except ImportError as exc:
                print(f"| {name} | {label} | not installed ({exc.name}) | | | |")
                continue
            whole, order, leaks = _score(text)
            print(f"| {name} | {label} | {whole} | {order} | {leaks} | "
                  f"{_time(read, data):.1f} |")


if __name__ == "__main__":
    main()
