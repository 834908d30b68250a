"""Recaps kept as documents: Word (.docx), OpenDocument (.odt), PDF (its text layer) and RTF.

Each format has its reader module (the only one to import its library); all of them give
``Paragraph``s with their style's role, which ``paragraphs.py`` turns into source blocks.
A file is known by its first bytes, whatever its name says.
"""

from __future__ import annotations

import io
import zipfile

from recapcast.errors import ScriptError
from recapcast.text.source import RecapSource

__all__ = ["DOCUMENT_FORMATS", "MAX_DOCUMENT_BYTES", "document_format", "read_document"]

DOCUMENT_FORMATS = ("docx", "odt", "pdf", "rtf")
MAX_DOCUMENT_BYTES = 50_000_000
"""A document file's limit: pictures and fonts make a document far larger than its words;
its text then meets the recap limit."""
MAX_UNPACKED_BYTES = 200_000_000
"""What a .docx or .odt (a ZIP) may unpack to: more is a ZIP bomb, not a recap."""

_ODT = b"application/vnd.oasis.opendocument.text"
_OTHER_ODF = b"application/vnd.oasis.opendocument."


def document_format(data: bytes, fmt: str | None = None) -> str | None:
    """The document format ``data`` is by its first bytes ("docx", "odt", "pdf", "rtf"),
    else None (text, a page, or another binary)."""
    head = data[:1024]
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n\x00")
    if start.startswith(b"{\\rtf"):
        return "rtf"
    # A PDF may have bytes before its header (a mail gateway's); text that mentions
    # "%PDF-" is not a PDF unless it is named one.
    if start.startswith(b"%PDF-") or (fmt == "pdf" and b"%PDF-" in head):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        if data[30:38] == b"mimetype" and _OTHER_ODF in data[38:120]:
            return "odt"  # refused below when it is a spreadsheet or slides
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
        except zipfile.BadZipFile:
            return fmt if fmt in ("docx", "odt") else None
        if "word/document.xml" in names:
            return "docx"
        if "content.xml" in names:
            return "odt"
        return fmt if fmt in ("docx", "odt") else None
    return None


def _check_archive(data: bytes, name: str, fmt: str) -> None:
    """Refuse an OpenDocument that is not text, and a ZIP that unpacks to too much."""
    if fmt == "odt" and data[30:38] == b"mimetype" and _ODT not in data[38:120]:
        kind = data[38:120].split(b".")[-1][:20].decode("ascii", "replace").split("P")[0]
        raise ScriptError(f"{name} is an OpenDocument {kind or 'file'}, not a text document",
                          "give the recap as a text document (.odt), or paste its text")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        return  # the reader says the file is broken
    if unpacked > MAX_UNPACKED_BYTES:
        raise ScriptError(f"{name} unpacks to {unpacked:,} bytes, over the limit of "
                          f"{MAX_UNPACKED_BYTES:,}", "paste the recap's text instead")


def read_document(data: bytes, name: str, fmt: str) -> RecapSource:
    """The source blocks of a document in ``fmt`` (one of DOCUMENT_FORMATS)."""
    if len(data) > MAX_DOCUMENT_BYTES:
        raise ScriptError(f"{name} is {len(data):,} bytes, over the limit of "
                          f"{MAX_DOCUMENT_BYTES:,} bytes for a document",
                          "save the recap's text alone as a .txt file and import that")
    if fmt == "docx":
        from recapcast.text.documents.word import read_docx

        _check_archive(data, name, fmt)
        return read_docx(data, name)
    if fmt == "odt":
        from recapcast.text.documents.opendocument import read_odt

        _check_archive(data, name, fmt)
        return read_odt(data, name)
    if fmt == "pdf":
        from recapcast.text.documents.pdf import read_pdf

        return read_pdf(data, name)
    from recapcast.text.documents.rtf import read_rtf

    return read_rtf(data, name)
