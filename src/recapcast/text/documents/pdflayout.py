"""A PDF's text lines (with their places and font sizes) put back into paragraphs.

A PDF keeps where each line is drawn, not what it is. Read the way a person reads a page:
a line repeated at the top or bottom of most pages (a running header, its page number
changing) and a lone page number are not the text; small lines at the foot of a page that
start with a note mark are footnotes; two columns are read one after the other; a wider
gap between lines starts a paragraph; a line in a larger (or bold) type is a heading; a
word broken with a hyphen at a line's end is joined again.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

from recapcast.text.documents.paragraphs import Paragraph
from recapcast.text.names import in_dictionary

__all__ = ["Line", "Page", "paragraphs_of_pages"]


@dataclass(frozen=True)
class Line:
    """One text line of a page; y grows upwards, as PDF measures it (points)."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float
    bold: bool = False
    italic: bool = False
    notes: str = ""
    """Footnote marks set small and raised in the line (taken out of its text)."""


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    lines: tuple[Line, ...]


EDGE_SHARE = 0.15
"""The top and bottom of a page where running headers, footers and page numbers stand."""
EDGE_LINES = 3
"""Of those, how many lines from each edge may be furniture."""
REPEATED_SHARE = 0.5
"""A line at the edge on at least this share of the pages (and on two) is running."""
FOOTNOTE_SHARE = 0.4
"""The lower part of a page where footnotes stand."""
HEADING_SIZE = 1.15
"""Type this much larger than the body's is a heading's."""
PARAGRAPH_GAP = 1.3
"""A step between lines this much larger than the usual one starts a paragraph."""
QUOTE_INDENT = 12.0
"""Points a block quote is set in from its column's edge."""

_PAGE_NUMBER = re.compile(
    r"^(?:(?:page|p\.|seite|página|pagina|pág\.)\s*)?[-–—(\[]?\s*(?:\d{1,4}|[ivxlc]{1,6})\s*"
    r"[-–—)\]]?(?:\s*(?:of|/|von|de|di|sur)\s*\d{1,4})?$", re.IGNORECASE)
_NOTE_MARK = re.compile(r"^(?:[¹²³⁴⁵⁶⁷⁸⁹⁰*†‡]|\d{1,2}[\s.)])")
_SUPERSCRIPT = re.compile(r"(?<=[\w.,;:!?'\"”’)])[¹²³⁴⁵⁶⁷⁸⁹⁰]+")
_BULLET = re.compile(r"^\s*(?:[•◦▪▸►‣⁃–-]|(?P<number>\d{1,3})[.)])\s+")
_ENDS_SENTENCE = re.compile(r"[.!?:…\"”’)]$")


def _key(line: Line) -> str:
    """A line as it repeats from page to page: its numbers may change."""
    return re.sub(r"\d+", "#", " ".join(line.text.casefold().split()))


def _edge_lines(page: Page) -> list[int]:
    """Indexes of the lines at the top and the bottom of a page."""
    order = sorted(range(len(page.lines)), key=lambda i: -page.lines[i].y1)
    top = [i for i in order[:EDGE_LINES]
           if page.lines[i].y0 >= page.height * (1 - EDGE_SHARE)]
    bottom = [i for i in order[-EDGE_LINES:] if page.lines[i].y1 <= page.height * EDGE_SHARE]
    return top + [i for i in bottom if i not in top]


def _without_furniture(pages: list[Page]) -> list[list[Line]]:
    """Each page's lines less running headers and footers, page numbers and footnotes."""
    edges = [_edge_lines(page) for page in pages]
    seen: dict[str, int] = {}
    for page, indexes in zip(pages, edges, strict=True):
        for key in {_key(page.lines[i]) for i in indexes}:
            seen[key] = seen.get(key, 0) + 1
    with_text = sum(1 for page in pages if page.lines)
    running = {key for key, count in seen.items()
               if count >= 2 and count >= REPEATED_SHARE * with_text}
    kept = []
    for page, indexes in zip(pages, edges, strict=True):
        dropped = {i for i in indexes if _key(page.lines[i]) in running
                   or _PAGE_NUMBER.match(page.lines[i].text.strip())}
        kept.append([line for i, line in enumerate(page.lines) if i not in dropped])
    body = _body_size([line for lines in kept for line in lines])
    return [_without_footnotes(lines, page, body) for lines, page in zip(kept, pages,
                                                                        strict=True)]


def _without_footnotes(lines: list[Line], page: Page, body: float) -> list[Line]:
    """A page's lines less its footnotes: in the lower part of the page, from the first
    line that starts with a mark the text above carries raised (or a note mark in small
    type) down."""
    marks = {mark for line in lines for mark in line.notes}
    starts = [line for line in lines if line.y1 <= page.height * FOOTNOTE_SHARE and (
        (line.size <= 0.85 * body and _NOTE_MARK.match(line.text.strip()))
        or (marks and re.match(r"(\S{1,3}?)[\s.)]", line.text.strip())
            and re.match(r"(\S{1,3}?)[\s.)]", line.text.strip()).group(1) in marks))]
    if not starts:
        return lines
    top = max(line.y1 for line in starts)
    return [line for line in lines if line.y1 > top + 0.5]


def _body_size(lines: list[Line]) -> float:
    """The type size most of the text is set in."""
    weight: dict[float, int] = {}
    for line in lines:
        weight[line.size] = weight.get(line.size, 0) + len(line.text)
    return max(weight, key=weight.get) if weight else 10.0


# Bullets drawn from a symbol font come out in Unicode's private use area.
_SYMBOL_BULLET = re.compile("^[\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8\uf06e\uf075\u25cf\u25aa]")


def _with_bullets_joined(lines: list[Line]) -> list[Line]:
    """A page's lines with a list's bullet, drawn apart from its item (a line of its own at
    the same height), put back in front of the item, as "• "."""
    lines = [Line(_SYMBOL_BULLET.sub("•", line.text), line.x0, line.y0, line.x1, line.y1,
                  line.size, line.bold, line.italic, line.notes) for line in lines]
    out: list[Line] = []
    taken: set[int] = set()
    for index, line in enumerate(lines):
        if index in taken:
            continue
        if _LONE_MARKER.match(line.text.strip()):
            item = min((i for i, other in enumerate(lines) if i != index and i not in taken
                        and abs(other.y0 - line.y0) < 2 and 0 <= other.x0 - line.x1 < 40),
                       key=lambda i: lines[i].x0, default=None)
            if item is not None:
                taken.add(item)
                other = lines[item]
                line = Line(f"{line.text.strip()} {other.text}", line.x0, other.y0, other.x1,
                            other.y1, other.size, other.bold, other.italic, other.notes)
        out.append(line)
    return out


_LONE_MARKER = re.compile(r"^(?:[•◦▪▸►‣⁃–-]|\d{1,3}[.)])$")


def _reading_order(lines: list[Line], width: float) -> list[tuple[Line, int]]:
    """A page's lines in reading order, each with its column (0, or 1 and 2 for the
    columns of a two-column part, counted anew below each line spanning the page)."""
    middle = width / 2
    left = [line for line in lines if line.x1 <= middle + 2]
    right = [line for line in lines if line.x0 >= middle - 2]
    ordered = sorted(lines, key=lambda line: (-round(line.y1), line.x0))
    if len(left) < 3 or len(right) < 3:
        return [(line, 0) for line in ordered]
    out: list[tuple[Line, int]] = []
    section: list[Line] = []
    part = 0

    def flush() -> None:
        out.extend((line, part * 2 + 1) for line in section if line.x1 <= middle + 2)
        out.extend((line, part * 2 + 2) for line in section if line.x1 > middle + 2)
        section.clear()

    spanning: Line | None = None
    for line in ordered:
        wraps = (spanning is not None and not section and line.size == spanning.size
                 and abs(line.x0 - spanning.x0) < 2 and spanning.y0 - line.y1 < line.size)
        if line.x0 < middle - 2 < middle + 2 < line.x1 or wraps:
            # a line across both columns (a title), or the short last line of one
            flush()
            part += 1
            out.append((line, 0))
            spanning = line
        else:
            section.append(line)
    flush()
    return out


def _joined(text: str, more: str) -> str:
    """Two lines of a paragraph as one: a word broken with a hyphen at the line's end is
    joined ("remem-" "ber"), a hyphenated word broken at its hyphen is kept ("half-"
    "drowned"): joined when the whole is a word, or either half is not one."""
    if text.endswith("\xad"):
        return text[:-1] + more
    if len(text) >= 2 and text.endswith("-") and text[-2].isalpha() and more[:1].islower():
        head = re.search(r"([^\W\d_]+)-$", text)
        tail = re.match(r"[^\W\d_]+", more)
        if head and tail:
            whole = head.group(1) + tail.group(0)
            if (in_dictionary(whole) or not in_dictionary(head.group(1))
                    or not in_dictionary(tail.group(0))):
                return text[:-1] + more
            return text + more
    return f"{text} {more}"


@dataclass
class _Building:
    lines: list[Line]
    column: tuple[int, int]
    number: int
    kind: str  # "heading", "quote", "list", "body"
    ordered: bool = False


def _heading_kind(line: Line, body: float, body_bold: bool) -> bool:
    if line.size >= body * HEADING_SIZE:
        return True
    words = line.text.split()
    return (line.bold and not body_bold and len(words) <= 12
            and not re.search(r"[.,;]$", line.text.strip()))


def paragraphs_of_pages(pages: list[Page]) -> list[Paragraph]:
    """The paragraphs of a PDF's pages, in reading order."""
    kept = _without_furniture(pages)
    everything = [line for lines in kept for line in lines]
    body = _body_size(everything)
    body_lines = [line for line in everything if line.size == body]
    body_bold = sum(line.bold for line in body_lines) > len(body_lines) / 2
    ordered = [(line, (index, column)) for index, (lines, page) in
               enumerate(zip(kept, pages, strict=True))
               for line, column in _reading_order(_with_bullets_joined(lines), page.width)]
    edges: dict[tuple[int, int], float] = {}
    for line, column in ordered:
        if not _heading_kind(line, body, body_bold):
            edges[column] = min(edges.get(column, line.x0), line.x0)
    steps = [a.y0 - b.y0 for (a, ca), (b, cb) in zip(ordered, ordered[1:], strict=False)
             if ca == cb and a.size == b.size == body and 0 < a.y0 - b.y0 < 3 * body]
    usual = statistics.median(steps) if steps else 1.2 * body
    built: list[_Building] = []
    for number, (line, column) in enumerate(ordered, start=1):
        text = line.text.strip()
        heading = _heading_kind(line, body, body_bold)
        bullet = None if heading else _BULLET.match(text)
        indent = line.x0 - edges.get(column, line.x0)
        kind = ("heading" if heading else "list" if bullet else
                "quote" if indent >= QUOTE_INDENT else "body")
        last = built[-1] if built else None
        previous = last.lines[-1] if last else None
        if last is not None and previous is not None and not bullet:
            if last.column == column:
                step = previous.y0 - line.y0
                gap = step > PARAGRAPH_GAP * (usual if not heading else line.size * 1.2)
                same = (not gap and (last.kind == kind or (last.kind == "list" and indent > 0))
                        and (kind != "heading" or previous.size == line.size))
            else:  # on to the next column or page: a paragraph runs on unless it ended
                same = (last.kind == kind == "body"
                        and (not _ENDS_SENTENCE.search(previous.text.strip())
                             or text[:1].islower()))
            if same:
                last.lines.append(line)
                continue
        built.append(_Building([line], column, number, kind,
                               ordered=bool(bullet and bullet.group("number"))))
    return _paragraphs(built, body)


def _paragraphs(built: list[_Building], body: float) -> list[Paragraph]:
    sizes = sorted({b.lines[0].size for b in built if b.kind == "heading"}, reverse=True)
    first = built[0] if built else None
    title = (first is not None and first.kind == "heading" and first.lines[0].size == sizes[0]
             and sum(b.kind == "heading" and b.lines[0].size == sizes[0] for b in built) == 1)
    out = []
    for block in built:
        text = ""
        for line in block.lines:
            words = line.text.strip()
            text = _joined(text, words) if text else words
        text = _SUPERSCRIPT.sub("", text.replace("\xad", ""))
        if block.kind == "list":
            text = _BULLET.sub("", text, count=1)
        if block.kind == "heading":
            size = block.lines[0].size
            if block is first and title:
                out.append(Paragraph(text, "title", number=block.number))
            else:
                level = sizes.index(size) + (0 if title else 1)
                out.append(Paragraph(text, "heading", max(level, 1), number=block.number))
            continue
        out.append(Paragraph(text, block.kind, ordered=block.ordered, number=block.number,
                             bold=all(line.bold for line in block.lines),
                             italic=block.kind == "body" and all(
                                 line.italic for line in block.lines)))
    return out
