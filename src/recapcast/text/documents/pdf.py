"""Reads a PDF's text layer with pdfminer.six: each text line with its place on the page,
its font size and whether it is bold; ``pdflayout.py`` makes paragraphs of them.

A PDF with no text layer (a scan) is refused: its words are pictures, which only OCR reads.
"""

from __future__ import annotations

import io
import logging
from collections import Counter

from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTChar, LTTextContainer, LTTextLine
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

from recapcast.errors import ScriptError
from recapcast.text.documents.paragraphs import source_of_paragraphs
from recapcast.text.documents.pdflayout import Line, Page, paragraphs_of_pages
from recapcast.text.source import RecapSource

__all__ = ["MAX_PDF_PAGES", "read_pdf"]

# pdfminer logs what it works around in a file (a missing font box, a broken xref it
# rebuilt); Python would print those to the terminal beside recapcast's own messages.
logging.getLogger("pdfminer").setLevel(logging.ERROR)

MAX_PDF_PAGES = 300
"""Pages read at most: a recap is a few pages; a book is not an episode."""
MIN_WORDS = 8
"""Fewer words than this in a PDF's text layer is no text layer."""
_BOLD = ("bold", "black", "heavy", "semibold", "demi")
_ITALIC = ("italic", "oblique")
_NOTE_MARKS = set("0123456789*†‡§abcdefghij")


def _line(line: LTTextLine) -> Line | None:
    chars = [c for c in line if isinstance(c, LTChar)]
    if not chars or not line.get_text().strip():
        return None
    sizes = Counter(round(c.size, 1) for c in chars if c.get_text().strip())
    size = sizes.most_common(1)[0][0] if sizes else round(chars[0].size, 1)
    baseline = min(c.y0 for c in chars if round(c.size, 1) == size)
    parts, notes = [], []
    for item in line:
        text = item.get_text()
        if (isinstance(item, LTChar) and item.size < 0.8 * size
                and item.y0 > baseline + 0.2 * size and text in _NOTE_MARKS):
            notes.append(text)  # a footnote's mark, set small and raised
            continue
        parts.append(text)
    fonts = [c.fontname.lower() for c in chars if c.get_text().strip()]
    return Line(text="".join(parts).replace("\n", ""), x0=line.x0, y0=line.y0, x1=line.x1,
                y1=line.y1, size=size,
                bold=bool(fonts) and all(any(b in f for b in _BOLD) for f in fonts),
                italic=bool(fonts) and all(any(i in f for i in _ITALIC) for f in fonts),
                notes="".join(notes))


def _lines(container) -> list[Line]:
    found = []
    for item in container:
        if isinstance(item, LTTextLine):
            line = _line(item)
            if line:
                found.append(line)
        elif isinstance(item, LTTextContainer) or hasattr(item, "__iter__"):
            found.extend(_lines(item))
    return found


def _pages(data: bytes, name: str) -> list[Page]:
    # A line is cut where the gap between letters passes char_margin letter widths: kept
    # below a column gutter, so two columns at one height stay two lines.
    params = LAParams(char_margin=1.5, line_margin=0.3, boxes_flow=None)
    try:
        return [Page(width=page.width, height=page.height, lines=tuple(_lines(page)))
                for page in extract_pages(io.BytesIO(data), laparams=params,
                                          maxpages=MAX_PDF_PAGES)]
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise ScriptError(f"{name} is locked with a password",
                          "open it, save it as a PDF without a password, and import that"
                          ) from None
    except Exception as exc:  # noqa: BLE001 - any failure of a broken file is the file's
        raise ScriptError(
            f"cannot read {name} as a PDF ({type(exc).__name__}: "
            f"{' '.join(str(exc).split())[:120]})",
            "open it and save or print it again as a PDF, or paste the recap's text") from None


def read_pdf(data: bytes, name: str) -> RecapSource:
    """The source blocks of a PDF's text layer: running headers, footers, page numbers and
    footnotes left out, columns read one after the other, broken words joined."""
    pages = _pages(data, name)
    paragraphs = paragraphs_of_pages(pages) if any(page.lines for page in pages) else []
    if sum(len(p.text.split()) for p in paragraphs) < MIN_WORDS:
        # No text at all, or only a page number or a scanner's stamp over the pictures.
        raise ScriptError(f"{name}: it has no text layer (its pages are pictures, as a "
                          "scanner makes them)",
                          "run OCR (e.g. ocrmypdf) first or paste the text")
    return source_of_paragraphs(paragraphs)
