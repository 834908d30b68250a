"""Reads an OpenDocument text (.odt: LibreOffice, and Google Docs' and Word's ODF export)
with odfpy.

As with Word, the text is read as it stands with pending suggestions rejected: words
between a tracked insertion's start and end are skipped, a tracked deletion's words are
put back where its mark stands. Comments (office:annotation), footnotes (text:note), a table
of contents, frames and the master pages' headers and footers are not read.
"""

from __future__ import annotations

import io

from odf.namespaces import OFFICENS, STYLENS, TABLENS, TEXTNS
from odf.opendocument import load
from odf.table import TableRow as _TableRow
from odf.text import TrackedChanges as _TrackedChanges

from recapcast.errors import ScriptError
from recapcast.text.documents.paragraphs import Paragraph, role_of_style, source_of_paragraphs
from recapcast.text.source import RecapSource

__all__ = ["read_odt"]

_SKIPPED = {(TEXTNS, tag) for tag in (
    "note", "tracked-changes", "soft-page-break", "table-of-content", "alphabetical-index",
    "illustration-index", "bibliography", "sequence-decls", "bookmark", "bookmark-start",
    "bookmark-end", "reference-mark", "reference-mark-start", "reference-mark-end",
    "page-number", "page-count")}
_SKIPPED |= {(OFFICENS, "annotation"), (OFFICENS, "annotation-end"),
             ("urn:oasis:names:tc:opendocument:xmlns:drawing:1.0", "frame"),
             ("urn:oasis:names:tc:opendocument:xmlns:drawing:1.0", "a")}


def _attr(element, namespace: str, name: str) -> str:
    return element.attributes.get((namespace, name), "") if element.attributes else ""


class _Styles:
    """Each paragraph style's role (through its parents) and each list style's kind."""

    def __init__(self, document) -> None:
        self.parent: dict[str, str] = {}
        self.display: dict[str, str] = {}
        self.numbered: dict[str, bool] = {}
        self.list_of: dict[str, str] = {}
        for group in (document.styles, document.automaticstyles):
            for style in group.childNodes:
                name = _attr(style, STYLENS, "name")
                if style.qname == (STYLENS, "style"):
                    self.parent[name] = _attr(style, STYLENS, "parent-style-name")
                    self.display[name] = _attr(style, STYLENS, "display-name") or name
                    if _attr(style, STYLENS, "list-style-name"):
                        self.list_of[name] = _attr(style, STYLENS, "list-style-name")
                elif style.qname == (TEXTNS, "list-style"):
                    first = next((c for c in style.childNodes if c.qname[0] == TEXTNS), None)
                    self.numbered[name] = (first is not None
                                           and first.qname[1] == "list-level-style-number")

    def role(self, name: str) -> tuple[str, int, bool] | None:
        seen = set()
        while name and name not in seen:
            seen.add(name)
            role = role_of_style(self.display.get(name, name)) or role_of_style(name)
            if role:
                return role
            name = self.parent.get(name, "")
        return None


class _Reader:
    def __init__(self, document) -> None:
        self.styles = _Styles(document)
        self.changes: dict[str, tuple[str, str]] = {}
        self.inserting: set[str] = set()
        self.paragraphs: list[Paragraph] = []
        body = document.text
        for element in body.getElementsByType(_TrackedChanges):
            for region in element.childNodes:
                key = (_attr(region, TEXTNS, "id")
                       or _attr(region, "http://www.w3.org/XML/1998/namespace", "id"))
                for change in region.childNodes:
                    if change.qname[0] == TEXTNS:
                        words = " ".join(self.words(p) for p in change.childNodes
                                         if p.qname in ((TEXTNS, "p"), (TEXTNS, "h")))
                        self.changes[key] = (change.qname[1], words)

    def words(self, element) -> str:
        """The words of an element as the document stands (suggestions rejected)."""
        parts: list[str] = []
        for node in element.childNodes:
            if node.nodeType == node.TEXT_NODE:
                if not self.inserting:
                    parts.append(node.data)
                continue
            qname = node.qname
            if qname in _SKIPPED:
                continue
            if qname == (TEXTNS, "change-start"):
                key = _attr(node, TEXTNS, "change-id")
                if self.changes.get(key, ("",))[0] == "insertion":
                    self.inserting.add(key)
            elif qname == (TEXTNS, "change-end"):
                self.inserting.discard(_attr(node, TEXTNS, "change-id"))
            elif qname == (TEXTNS, "change"):
                kind, words = self.changes.get(_attr(node, TEXTNS, "change-id"), ("", ""))
                if kind == "deletion" and not self.inserting:
                    parts.append(words)
            elif self.inserting:
                parts.append(self.words(node))  # to find the insertion's end inside
            elif qname == (TEXTNS, "s"):
                parts.append(" " * int(_attr(node, TEXTNS, "c") or 1))
            elif qname == (TEXTNS, "tab"):
                parts.append(" ")
            elif qname == (TEXTNS, "line-break"):
                parts.append("\n")
            else:  # spans, links, metadata fields, ruby
                parts.append(self.words(node))
        return "".join(parts)

    def add(self, text: str, role: tuple[str, int, bool] | None) -> None:
        kind, level, ordered = role or ("body", 0, False)
        self.paragraphs.append(Paragraph(text, kind, level, ordered,
                                         number=len(self.paragraphs) + 1))

    def read(self, container, list_style: str = "") -> None:
        for node in container.childNodes:
            if node.nodeType == node.TEXT_NODE or node.qname in _SKIPPED:
                continue
            qname = node.qname
            if qname in ((TEXTNS, "p"), (TEXTNS, "h")):
                style = _attr(node, TEXTNS, "style-name")
                role = self.styles.role(style)
                if qname == (TEXTNS, "h") and (role is None or role[0] not in ("title", "skip")):
                    level = int(_attr(node, TEXTNS, "outline-level") or 1)
                    role = ("heading", level, False)
                elif list_style and (role is None or role[0] != "skip"):
                    role = ("list", 0, self.styles.numbered.get(list_style, False))
                self.add(self.words(node), role)
            elif qname == (TEXTNS, "list"):
                self.read(node, _attr(node, TEXTNS, "style-name") or list_style or "list")
            elif qname in ((TEXTNS, "list-item"), (TEXTNS, "list-header"),
                           (TEXTNS, "section")):
                self.read(node, list_style)
            elif qname == (TABLENS, "table"):
                for row in node.getElementsByType(_TableRow):
                    cells = [" ".join(self.words(p).split())
                             for cell in row.childNodes for p in cell.childNodes
                             if p.qname in ((TEXTNS, "p"), (TEXTNS, "h"))]
                    self.add(", ".join(c for c in cells if c), None)
            elif qname[0] in (TEXTNS, OFFICENS):
                self.read(node, list_style)  # change-start/-end between paragraphs too
            if qname == (TEXTNS, "change-start"):
                key = _attr(node, TEXTNS, "change-id")
                if self.changes.get(key, ("",))[0] == "insertion":
                    self.inserting.add(key)
            elif qname == (TEXTNS, "change-end"):
                self.inserting.discard(_attr(node, TEXTNS, "change-id"))


def read_odt(data: bytes, name: str) -> RecapSource:
    """The source blocks of an OpenDocument text's body."""
    try:
        document = load(io.BytesIO(data))
        reader = _Reader(document)
        reader.read(document.text)
    except Exception as exc:  # noqa: BLE001 - any failure of a broken file is the file's
        raise ScriptError(
            f"cannot read {name} as an OpenDocument text ({type(exc).__name__}: "
            f"{' '.join(str(exc).split())[:120]})",
            "open it in LibreOffice, save it again as .odt, and import that") from None
    return source_of_paragraphs(reader.paragraphs)
