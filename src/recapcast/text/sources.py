"""Reads a recap file or page into source blocks: decoding, then text, Markdown or HTML."""

from __future__ import annotations

import codecs
import dataclasses
import re
from pathlib import Path

from recapcast.errors import ScriptError
from recapcast.safety.sanitize import clean_text
from recapcast.text.plaintext import looks_like_html
from recapcast.text.source import RecapSource, numbered_lines

__all__ = ["FORMATS", "MAX_PAGE_BYTES", "decode_page", "decode_text", "format_of",
           "load_source", "read_source", "source_of_text"]

FORMATS = ("text", "markdown", "html", "docx", "odt", "pdf", "rtf")
MAX_PAGE_BYTES = 5_000_000
"""A web page's limit: pages carry far more markup than words; the article's text then
meets the recap limit."""
MAX_NESTING = 255
"""How deep the HTML parser reads a page; deeper elements are lost to it."""

_SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
             ".mdown": "markdown", ".html": "html", ".htm": "html", ".xhtml": "html",
             ".docx": "docx", ".odt": "odt", ".pdf": "pdf", ".rtf": "rtf"}
_CONTENT_TYPES = {"text/html": "html", "application/xhtml+xml": "html",
                  "text/markdown": "markdown", "text/x-markdown": "markdown",
                  "text/plain": "text", "application/pdf": "pdf", "application/rtf": "rtf",
                  "text/rtf": "rtf", "application/vnd.oasis.opendocument.text": "odt",
                  "application/vnd.openxmlformats-officedocument.wordprocessingml.document":
                      "docx"}
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)


def _utf16_without_bom(data: bytes) -> str | None:
    """The UTF-16 codec ``data`` is in when it has no BOM but NUL high bytes, else None."""
    if len(data) < 4 or len(data) % 2 or data.count(0) < len(data) // 4:
        return None
    odd_nuls = data[1::2].count(0)
    even_nuls = data[0::2].count(0)
    if odd_nuls > 2 * even_nuls:
        return "utf-16-le"
    if even_nuls > 2 * odd_nuls:
        return "utf-16-be"
    return None


def _over_limit(data: bytes, name: str, max_bytes: int | None, what: str = "") -> None:
    if max_bytes is not None and len(data) > max_bytes:
        # The page limit is fixed: only the recap's own text has a setting.
        hint = ("save the article's text alone as a .txt file and import that"
                if max_bytes == MAX_PAGE_BYTES and what == " (a web page)" else
                "split it into several episodes, or raise [limits] max_recap_bytes in "
                "recapcast.toml")
        raise ScriptError(
            f"{name}{what} is {len(data):,} bytes, over the limit of {max_bytes:,} bytes", hint)


def decode_text(data: bytes, name: str, max_bytes: int | None = None) -> str:
    """Decode a text file: UTF-8 (with or without BOM), UTF-16 (BOM or plainly so), else cp1252.

    Raises ScriptError naming the byte offset when none fits, or when ``data`` is larger
    than ``max_bytes``.
    """
    _over_limit(data, name, max_bytes)
    utf16 = "utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else _utf16_without_bom(data)
    if utf16:
        try:
            return data.decode(utf16, "surrogatepass")
        except UnicodeDecodeError as exc:
            raise ScriptError(
                f"{name}: invalid UTF-16 at byte offset {exc.start}", "save the file as UTF-8"
            ) from None
    try:
        # surrogatepass: an encoded lone surrogate decodes (and clean_text drops it) rather
        # than sending the whole file down the cp1252 path as mojibake.
        return data.decode("utf-8-sig", "surrogatepass")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        # Text pasted from the web on Windows is usually cp1252 (a superset of Latin-1's
        # printable range); it decodes unless it holds one of the five bytes cp1252 leaves
        # undefined.
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise ScriptError(
            f"{name}: neither UTF-8 nor cp1252 (byte 0x{data[exc.start]:02x} at offset "
            f"{exc.start}; first invalid UTF-8 byte at offset {utf8_error.start})",
            "save the file as UTF-8",
        ) from None


def decode_page(data: bytes, name: str, declared: str | None = None) -> str:
    """Decode a web page. Bytes that are valid UTF-8 are UTF-8 whatever the page or server
    declares (pages often lie); otherwise the declared charset, else cp1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")) or _utf16_without_bom(data):
        return decode_text(data, name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    found = _META_CHARSET.search(data[:4096])
    for charset in (declared, found.group(1).decode("ascii") if found else None):
        if not charset:
            continue
        try:
            codec = codecs.lookup(charset).name
        except LookupError:
            continue
        if codec.startswith("utf-16") or codec.startswith("utf-32") or codec == "utf-8":
            continue  # a declared wide or UTF-8 charset the bytes do not fit
        if codec in ("latin-1", "iso8859-1", "ascii"):
            codec = "cp1252"  # what browsers read for both
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    return decode_text(data, name)


def format_of(name: str, content_type: str = "") -> str | None:
    """The format a file name's suffix or a Content-Type names, else None."""
    kind = _CONTENT_TYPES.get(content_type.split(";")[0].strip().lower())
    if kind and kind != "text":
        return kind
    lowered = name.lower().split("?")[0].split("#")[0]
    for suffix, fmt in _SUFFIXES.items():
        if lowered.endswith(suffix):
            return fmt
    return kind


def _page_source(page: str, name: str) -> RecapSource:
    from recapcast.text.extract import extract_page, nesting_depth

    source = extract_page(page)
    if source is None:
        depth = nesting_depth(page)
        if depth > MAX_NESTING:
            raise ScriptError(
                f"{name}: the page nests its elements {depth:,} deep, past the "
                f"{MAX_NESTING} levels an HTML parser reads",
                "save the article's text as a .txt file and import that")
        raise ScriptError(f"{name}: no article text found in the page",
                          "check that the page holds the recap (not a login or cookie page); "
                          "else copy the recap's text into a .txt file and import that")
    return source


def source_of_text(text: str, name: str = "recap", fmt: str | None = None) -> RecapSource:
    """Source blocks of recap text: HTML through the extractor, anything else as Markdown."""
    from recapcast.text.chatlog import read_chat
    from recapcast.text.feeditem import feed_item_page
    from recapcast.text.forwarded import read_forwarded
    from recapcast.text.markdown import read_markdown
    from recapcast.text.paged import read_paged
    from recapcast.text.socialthread import read_social_thread
    from recapcast.text.videotranscript import read_video_transcript
    from recapcast.text.wikipaste import read_wiki_paste

    if fmt != "markdown" and (page := feed_item_page(text)) is not None:
        return _page_source(page, name)  # a post saved as its feed's item
    if fmt == "html" or (fmt != "markdown" and looks_like_html(text)):
        return _page_source(text, name)
    rewritten = (read_forwarded(text) or read_chat(text) or read_paged(text)
                 or read_wiki_paste(text) or read_video_transcript(text)
                 or read_social_thread(text))
    if rewritten is None:
        return read_markdown(text)
    source = read_markdown(rewritten.text)
    # The account names the lines of the file, not of the recap cut out of it.
    blocks = tuple(dataclasses.replace(block, numbers=tuple(
        rewritten.original(block.number(i)) for i in range(len(block.lines))))
        for block in source.blocks)
    outside = tuple(dataclasses.replace(x, line=rewritten.original(x.line))
                    for x in source.outside) + rewritten.outside
    return dataclasses.replace(source, blocks=blocks, outside=outside)


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
MAX_CONTROL_SHARE = 0.005
"""Of a recap's characters, the share that may be control codes (a stray one from a
paste is cleaned away; a binary file is full of them)."""


def _refuse_binary(text: str, name: str) -> None:
    """Raise ScriptError when ``text`` is a binary file decoded as text (a ZIP, an image,
    random bytes): any NUL, or more control codes than text has."""
    if not _CONTROL.sub("", text).strip():
        return  # nothing but NULs or spaces: the recap is empty, as the next step says
    controls = len(_CONTROL.findall(text[:100_000]))
    if "\x00" in text[:100_000] or controls > MAX_CONTROL_SHARE * min(len(text), 100_000):
        if text.startswith("\xd0\xcf\x11\xe0"):  # Microsoft's compound file
            if "E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P" in text:
                # A password-protected .docx is an encrypted package inside one.
                raise ScriptError(f"{name} is locked with a password",
                                  "open it, save it without a password, and import that")
            raise ScriptError(f"{name} is an old Word document (.doc), which is not read",
                              "open it in Word or LibreOffice and save it as .docx")
        raise ScriptError(f"{name} looks like a binary file, not text",
                          "give a recap as a .txt, .md, .html, .docx, .odt, .pdf or .rtf "
                          "file, or a web address")


def read_source(data: bytes, name: str, fmt: str | None = None, *, charset: str | None = None,
                max_bytes: int | None = None) -> RecapSource:
    """Decode and read a recap file or downloaded page into source blocks.

    Text and Markdown must fit ``max_bytes``; a page must fit MAX_PAGE_BYTES and its
    article's text ``max_bytes``; a document (Word, OpenDocument, PDF, RTF, known by its
    first bytes) must fit MAX_DOCUMENT_BYTES and its text ``max_bytes``.
    """
    from recapcast.text.documents import document_format, read_document

    document = document_format(data, fmt)
    if document:
        source = read_document(data, name, document)
        if not any(block.line for block in source.blocks):
            source = dataclasses.replace(source, blocks=numbered_lines(source.blocks))
        words = "\n".join(b.text for b in source.blocks).encode("utf-8")
        _over_limit(words, name, max_bytes, "'s text")
        if not words.strip():
            raise ScriptError(f"{name} holds no text", "check that it is the recap's document")
        return source
    wide = data.startswith((b"\xff\xfe", b"\xfe\xff")) or bool(_utf16_without_bom(data))
    if not wide:
        # Before decoding: a binary file is binary whether or not it happens to decode.
        _refuse_binary(data.decode("latin-1"), name)
    if fmt == "html":
        _over_limit(data, name, MAX_PAGE_BYTES, " (a web page)")
        decoded = decode_page(data, name, charset)
    else:
        decoded = decode_text(data, name, max_bytes)
    if wide:
        _refuse_binary(decoded, name)  # UTF-16's NULs are text: judge it decoded
    text = clean_text(decoded)
    source = source_of_text(text, name, fmt)
    if fmt == "html" or looks_like_html(text):
        words = "\n".join(b.text for b in source.blocks).encode("utf-8")
        _over_limit(words, name, max_bytes, "'s article")
    return source


def load_source(source: str, max_bytes: int | None = None) -> RecapSource:
    """Read a recap from a file path or an http(s) URL into source blocks."""
    from recapcast.text.fetch import fetch_url, is_url

    if is_url(source):
        page = fetch_url(source, MAX_PAGE_BYTES)
        fmt = format_of(page.url, page.content_type)
        if fmt is None and page.content_type and not page.content_type.startswith("text/"):
            raise ScriptError(f"{source} is not a web page or text (it is {page.content_type})",
                              "give the URL of the recap's page")
        return read_source(page.data, source, fmt or "html", charset=page.charset,
                           max_bytes=max_bytes)
    path = Path(source)
    if not path.exists():
        raise ScriptError(f"cannot read {source}: there is no such file",
                          f"check the path (a relative path starts in {Path.cwd()}), "
                          "or give the recap's http(s) address")
    if path.is_dir():
        raise ScriptError(f"cannot read {source}: it is a folder, not a file",
                          "give the recap's file in it")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ScriptError(f"cannot read {source}: {exc.strerror}",
                          "check the file's permissions") from None
    return read_source(data, source, format_of(source), max_bytes=max_bytes)
