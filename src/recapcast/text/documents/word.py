"""Reads a Word document (.docx, also Google Docs' and LibreOffice's Word export) with
python-docx.

The body is read from its XML, as the document reads with its pending suggestions
rejected: a suggested insertion is not the writer's text until someone accepts it, and a
suggested deletion is (so the words the writer has not agreed to are never narrated).
Comments, footnotes and endnotes live in parts of their own, headers and footers too: only
their marks stand in the body, and those are skipped, as are field codes (a page number's
PAGE), text boxes and pictures.
"""

from __future__ import annotations

import io

import docx

from recapcast.errors import ScriptError
from recapcast.text.documents.paragraphs import Paragraph, role_of_style, source_of_paragraphs
from recapcast.text.source import RecapSource

__all__ = ["read_docx"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Elements whose words are not the document's text as it stands.
_SKIPPED = {f"{_W}{tag}" for tag in (
    "ins", "moveTo", "pPr", "rPr", "instrText", "delInstrText", "commentReference",
    "footnoteReference", "endnoteReference", "drawing", "pict", "object", "sym",
    "annotationRef", "footnoteRef", "endnoteRef", "fldData")}
_SKIPPED.add("{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent")
_TEXT = {f"{_W}t", f"{_W}delText"}
_BREAKS = {f"{_W}br", f"{_W}cr"}
_SPACES = {f"{_W}tab", f"{_W}ptab"}


def _on(props, tag: str) -> bool:
    """Whether a run's ``w:b``/``w:i`` is set (present without w:val="0"/"false")."""
    found = props.find(f"{_W}{tag}") if props is not None else None
    return found is not None and found.get(f"{_W}val", "true") not in ("0", "false", "off")


class _Walk:
    """The words of one paragraph, and whether every word is bold, or italic."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.bold = self.italic = True
        self.in_field_code = False

    def run(self, run) -> None:
        props = run.find(f"{_W}rPr")
        for child in run:
            tag = child.tag
            if tag == f"{_W}fldChar":
                kind = child.get(f"{_W}fldCharType")
                # A field's code sits between begin and separate; its shown result after.
                self.in_field_code = kind == "begin"
            elif self.in_field_code or tag in _SKIPPED:
                continue
            elif tag in _TEXT and child.text:
                self.parts.append(child.text)
                if child.text.strip():
                    self.bold = self.bold and _on(props, "b")
                    self.italic = self.italic and _on(props, "i")
            elif tag in _BREAKS:
                page_break = child.get(f"{_W}type") in ("page", "column")
                self.parts.append(" " if page_break else "\n")
            elif tag in _SPACES:
                self.parts.append(" ")
            elif tag == f"{_W}noBreakHyphen":
                self.parts.append("-")

    def walk(self, element) -> None:
        for child in element:
            if child.tag in _SKIPPED:
                continue
            if child.tag == f"{_W}r":
                self.run(child)
            else:  # hyperlinks, deletions, moves, content controls, smart tags, fields
                self.walk(child)

    @property
    def text(self) -> str:
        return "".join(self.parts)


class _Styles:
    """What each paragraph style is (title, heading, quote, list), through its base
    styles, and which numbered lists count rather than bullet."""

    def __init__(self, document) -> None:
        self.roles: dict[str, tuple[str, int, bool] | None] = {}
        self.list_styles: set[str] = set()
        for style in document.styles:
            role = None
            at = style
            while at is not None and role is None:
                role = role_of_style(at.name or "")
                if role is None:
                    role = _outline_role(at.element.find(f"{_W}pPr"))
                at = getattr(at, "base_style", None)
            self.roles[style.style_id] = role
            props = style.element.find(f"{_W}pPr")
            if props is not None and props.find(f"{_W}numPr") is not None:
                self.list_styles.add(style.style_id)
        self.formats = _number_formats(document)

    def ordered(self, num_id: str, level: str) -> bool:
        return self.formats.get((num_id, level), "bullet") not in ("bullet", "none")


def _outline_role(props) -> tuple[str, int, bool] | None:
    outline = props.find(f"{_W}outlineLvl") if props is not None else None
    if outline is None:
        return None
    level = int(outline.get(f"{_W}val", "9"))
    return ("heading", level + 1, False) if level < 9 else None


def _number_formats(document) -> dict[tuple[str, str], str]:
    """(numId, level) -> the number format Word shows ("bullet", "decimal", ...)."""
    try:
        numbering = document.part.numbering_part.element
    except (KeyError, NotImplementedError):
        return {}
    abstract = {}
    for item in numbering.findall(f"{_W}abstractNum"):
        levels = {lvl.get(f"{_W}ilvl"): (lvl.find(f"{_W}numFmt").get(f"{_W}val")
                                         if lvl.find(f"{_W}numFmt") is not None else "bullet")
                  for lvl in item.findall(f"{_W}lvl")}
        abstract[item.get(f"{_W}abstractNumId")] = levels
    formats = {}
    for num in numbering.findall(f"{_W}num"):
        ref = num.find(f"{_W}abstractNumId")
        for level, fmt in abstract.get(ref.get(f"{_W}val") if ref is not None else "",
                                       {}).items():
            formats[(num.get(f"{_W}numId"), level)] = fmt
    return formats


def _paragraph(element, styles: _Styles, number: int) -> tuple[Paragraph, bool]:
    """The paragraph ``w:p`` is, and whether its mark is a pending insertion (then, the
    suggestion rejected, it runs on into the next paragraph)."""
    props = element.find(f"{_W}pPr")
    walk = _Walk()
    walk.walk(element)
    style_id = ""
    role: tuple[str, int, bool] | None = None
    ordered = False
    joined = False
    if props is not None:
        style = props.find(f"{_W}pStyle")
        style_id = style.get(f"{_W}val", "") if style is not None else ""
        role = _outline_role(props)
        numbering = props.find(f"{_W}numPr")
        if numbering is not None and role is None:
            num_id = numbering.find(f"{_W}numId")
            level = numbering.find(f"{_W}ilvl")
            num = num_id.get(f"{_W}val", "0") if num_id is not None else "0"
            if num != "0":  # numId 0 takes a style's numbering away
                ordered = styles.ordered(num, level.get(f"{_W}val", "0")
                                         if level is not None else "0")
                role = ("list", 0, ordered)
        mark = props.find(f"{_W}rPr")
        joined = mark is not None and mark.find(f"{_W}ins") is not None
    if role is None:
        role = styles.roles.get(style_id)
        if role is None and style_id in styles.list_styles:
            role = ("list", 0, False)
    kind, level, ordered = role or ("body", 0, False)
    text = walk.text
    return Paragraph(text, kind, level, ordered, number, bold=walk.bold and bool(text.strip()),
                     italic=walk.italic and bool(text.strip())), joined


def _table_rows(table) -> list[str]:
    """A table's rows as lines, the cells of each joined."""
    rows = []
    for row in table.iter(f"{_W}tr"):
        cells = []
        for cell in row.findall(f"{_W}tc"):
            walk = _Walk()
            walk.walk(cell)
            words = " ".join(walk.text.split())
            if words:
                cells.append(words)
        if cells:
            rows.append(", ".join(cells))
    return rows


def _is_table_of_contents(sdt) -> bool:
    gallery = sdt.find(f"{_W}sdtPr/{_W}docPartObj/{_W}docPartGallery")
    return gallery is not None and "contents" in gallery.get(f"{_W}val", "").lower()


def _body_paragraphs(body, styles: _Styles) -> list[Paragraph]:
    paragraphs: list[Paragraph] = []
    carried = ""

    def read(container) -> None:
        nonlocal carried
        for child in container:
            if child.tag == f"{_W}p":
                paragraph, joined = _paragraph(child, styles, len(paragraphs) + 1)
                if joined:
                    carried += paragraph.text
                    continue
                if carried:
                    paragraph = Paragraph(carried + paragraph.text, paragraph.role,
                                          paragraph.level, paragraph.ordered, paragraph.number)
                    carried = ""
                paragraphs.append(paragraph)
            elif child.tag == f"{_W}tbl":
                for row in _table_rows(child):
                    paragraphs.append(Paragraph(row, number=len(paragraphs) + 1))
            elif child.tag == f"{_W}sdt" and _is_table_of_contents(child):
                continue  # it repeats the chapters' names (and page numbers)
            elif child.tag in (f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"):
                read(child)
            # w:ins around whole paragraphs of a suggestion, w:sectPr: not the text

    read(body)
    if carried:
        paragraphs.append(Paragraph(carried, number=len(paragraphs) + 1))
    return paragraphs


def read_docx(data: bytes, name: str) -> RecapSource:
    """The source blocks of a Word document's body."""
    try:
        document = docx.Document(io.BytesIO(data))
        styles = _Styles(document)
        paragraphs = _body_paragraphs(document.element.body, styles)
    except Exception as exc:  # noqa: BLE001 - any failure of a broken file is the file's
        raise ScriptError(
            f"cannot read {name} as a Word document ({type(exc).__name__}: "
            f"{' '.join(str(exc).split())[:120]})",
            "open it in Word or LibreOffice, save it again as .docx, and import that") from None
    return source_of_paragraphs(paragraphs)
