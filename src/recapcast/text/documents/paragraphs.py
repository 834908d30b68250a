"""A document's styled paragraphs, whatever the format, as the source blocks import reads.

Each reader (Word, OpenDocument, PDF, RTF) gives paragraphs with the role their style says
(title, heading of an outline level, quote, list item, body text); this module groups them
into blocks the way ``markdown.py`` reads '#', '##', '>' and '-': the title is a heading of
level 1, the document's top headings are level 2 (the chapters), list items make one list,
quote paragraphs one quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from recapcast.safety.sanitize import clean_text
from recapcast.text.source import RecapSource, SourceBlock

__all__ = ["Paragraph", "ROLES", "role_of_style", "source_of_paragraphs"]

ROLES = ("title", "subtitle", "heading", "quote", "list", "body", "skip")


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of a document, with what its style makes it."""

    text: str
    """Its words; a line break the writer typed is a newline."""
    role: str = "body"
    """One of ROLES ("skip": a table of contents' line, a caption)."""
    level: int = 0
    """A heading's outline level (1 for "Heading 1")."""
    ordered: bool = False
    """A list item of a numbered list."""
    number: int = 0
    """Where the paragraph is: its place among the document's paragraphs (a PDF: among
    its text lines), from 1."""
    bold: bool = False
    italic: bool = False


# Style names as the editors call them, in English (Word and LibreOffice keep English
# names inside the file whatever the interface's language).
_STYLE_ROLES = (
    # A table of contents repeats the chapters; a caption is a picture's, not the story's.
    (re.compile(r"^(?:toc\s*(?:\d|heading)|contents\s*(?:\d|heading)|table of contents|"
                r"caption|illustration|figure|drawing)"), "skip"),
    (re.compile(r"^title$"), "title"),
    (re.compile(r"^(?:subtitle|sub-title)$"), "subtitle"),
    (re.compile(r"^heading\s*([1-9])$"), "heading"),
    (re.compile(r"^(?:intense\s+)?(?:quote|quotation|quotations|block\s*quote|block\s*text)$"),
     "quote"),
    (re.compile(r"^list\s*(?:number|numbered)(?:\s*\d)?$"), "ordered"),
    (re.compile(r"^list(?:\s*(?:bullet|paragraph|continue))?(?:\s*\d)?$"), "list"),
)


def role_of_style(name: str) -> tuple[str, int, bool] | None:
    """(role, heading level, ordered) a style's name gives, or None for body text."""
    key = " ".join(name.replace("_20_", " ").replace("_", " ").lower().split())
    for pattern, role in _STYLE_ROLES:
        found = pattern.match(key)
        if found:
            if role == "heading":
                return "heading", int(found.group(1)), False
            if role == "ordered":
                return "list", 0, True
            return role, 0, False
    return None


def _lines(text: str) -> tuple[str, ...]:
    text = clean_text(text)
    return tuple(" ".join(line.split()) for line in text.split("\n") if line.strip())


def _heading_levels(paragraphs: list[Paragraph]) -> dict[int, int]:
    """Source heading level for each outline level: the title (or a lone top heading
    above everything, when no paragraph is styled Title) is 1, the chapters 2, ..."""
    levels = sorted({p.level for p in paragraphs if p.role == "heading"})
    return {level: index + 2 for index, level in enumerate(levels)}


def source_of_paragraphs(paragraphs: list[Paragraph], titles: tuple[str, ...] = (),
                         author: str = "") -> RecapSource:
    """The source blocks of a document's paragraphs, in order."""
    paragraphs = [p for p in paragraphs if p.text.strip() and p.role != "skip"]
    if not any(p.role == "title" for p in paragraphs):
        first = next(iter(paragraphs), None)
        top = min((p.level for p in paragraphs if p.role == "heading"), default=0)
        if (first is not None and first.role == "heading" and first.level == top
                and sum(p.role == "heading" and p.level == top for p in paragraphs) == 1):
            # "Heading 1" once, above "Heading 2" chapters: the writer's title.
            paragraphs[0] = Paragraph(first.text, "title", number=first.number)
    levels = _heading_levels(paragraphs)
    blocks: list[SourceBlock] = []
    titled = False
    for paragraph in paragraphs:
        lines = _lines(paragraph.text)
        last = blocks[-1] if blocks else None
        if paragraph.role == "title":
            if last is not None and last.kind == "heading" and last.level == 1 and titled:
                # A title set over two paragraphs is one title line.
                blocks[-1] = SourceBlock("heading", (f"{last.text} {' '.join(lines)}",),
                                         last.line, level=1)
            elif not titled:
                blocks.append(SourceBlock("heading", (" ".join(lines),), paragraph.number,
                                          level=1))
                titled = True
            else:  # a second title further down reads as a chapter
                blocks.append(SourceBlock("heading", (" ".join(lines),), paragraph.number,
                                          level=2))
        elif paragraph.role == "heading":
            blocks.append(SourceBlock("heading", (" ".join(lines),), paragraph.number,
                                      level=levels[paragraph.level]))
        elif paragraph.role == "list":
            item = " ".join(lines)
            if last is not None and last.kind == "list" and last.ordered == paragraph.ordered:
                blocks[-1] = SourceBlock("list", last.lines + (item,), last.line,
                                         ordered=last.ordered)
            else:
                blocks.append(SourceBlock("list", (item,), paragraph.number,
                                          ordered=paragraph.ordered))
        elif paragraph.role == "quote":
            if last is not None and last.kind == "quote":
                blocks[-1] = SourceBlock("quote", last.lines + lines, last.line)
            else:
                blocks.append(SourceBlock("quote", lines, paragraph.number))
        else:  # body text and a subtitle, which import reads as the line under the title
            blocks.append(SourceBlock("paragraph", lines, paragraph.number,
                                      bold=paragraph.bold, italic=paragraph.italic))
    return RecapSource(blocks=tuple(blocks), titles=titles, author=author)
