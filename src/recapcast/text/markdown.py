"""Reads Markdown (and plain text, which is Markdown with few marks) into source blocks."""

from __future__ import annotations

import re

import yaml
from markdown_it import MarkdownIt

from recapcast.text.note_apps import QUOTE_CALLOUTS, callout, plain_wiki_links, properties, task
from recapcast.text.plaintext import html_to_text
from recapcast.text.source import Outside, RecapSource, SourceBlock

__all__ = ["read_markdown"]

# CommonMark, less indented code blocks (a pasted recap's indented paragraph is text), plus
# GitHub's tables (a blog's table of ratings).
_PARSER = MarkdownIt("commonmark").disable("code").enable("table")
# Footnotes (a Markdown extension the parser does not know): the marks go, the notes are
# read where they stand, as paragraphs.
_FOOTNOTE_REF = re.compile(r"\[\^[^\]\s]{1,20}\](?!:)")
_SHORTCODE = re.compile(r"^[ \t]*(?:\{\{[<%].{0,300}[>%]\}\}|\{%.{0,300}%\})[ \t]*$")
_FOOTNOTE_DEF = re.compile(r"^\[\^[^\]\s]{1,20}\]:[ \t]*", re.MULTILINE)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_KEY = re.compile(r"[A-Za-z_][\w-]*")
_REFERENCE = re.compile(r"^[ \t]{0,3}\[[^\]^][^\]]*\]:[ \t]+\S+(?:[ \t]+[\"'(].*)?$")
_BULLET_CHARACTER = re.compile(r"^[ \t]*[•◦▪▸►‣⁃][ \t]+", re.MULTILINE)


def _inline_text(token) -> tuple[str, bool]:
    """The words of an inline token (marks, images and bare URLs dropped), and whether all
    of it is bold."""
    parts: list[str] = []
    in_link_auto = False
    strong = 0
    plain_outside_strong = False
    bold_seen = False
    children = list(token.children or ())
    if children and children[0].type == "image" and all(
            c.type in ("softbreak", "hardbreak", "image", "em_open", "em_close", "text")
            for c in children) and _emphasised_only(children[1:]):
        return "", False  # an image and its italic caption: not the recap's words
    direction = _stage_direction(children)
    if direction:
        # "*lights flicker*", "*Night. The pawnshop. Rain on the window.*" alone: a stage
        # direction, bracketed so import reads it as one
        return f"[{direction}]", False
    for child in children:
        kind = child.type
        if kind in ("text", "code_inline"):
            if in_link_auto:
                continue
            parts.append(child.content)
            if child.content.strip():
                if strong:
                    bold_seen = True
                else:
                    plain_outside_strong = True
        elif kind in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif kind == "link_open":
            in_link_auto = child.markup in ("autolink", "linkify")
        elif kind == "link_close":
            in_link_auto = False
        elif kind == "strong_open":
            strong += 1
        elif kind == "strong_close":
            strong -= 1
        # images (with their alt text) and inline HTML are not part of the recap's words
    return "".join(parts), bold_seen and not plain_outside_strong


def _stage_direction(children) -> str:
    """The words of a line set wholly in italics that reads as a stage direction: a short
    lowercase phrase, or several clipped sentences ("Long pause. Anselm looks at the
    cabinet."); "" otherwise (an italic dek of one sentence stays the recap's)."""
    if (len(children) < 3 or children[0].type != "em_open" or children[-1].type != "em_close"
            or any(c.type not in ("text", "softbreak") for c in children[1:-1])):
        return ""
    text = " ".join("".join(c.content if c.type == "text" else " " for c in children[1:-1])
                    .split())
    sentences = [x for x in re.split(r"(?<=[.!?])\s+", text) if x]
    if text[:1].islower() and len(text.split()) <= 10:
        return text
    if (len(sentences) >= 2 and len(text.split()) <= 24
            and all(len(x.split()) <= 7 for x in sentences)):
        return text
    return ""


def _emphasised_only(children) -> bool:
    """Whether every word among ``children`` is inside emphasis (a caption's italics)."""
    depth = 0
    for child in children:
        if child.type == "em_open":
            depth += 1
        elif child.type == "em_close":
            depth -= 1
        elif child.type == "text" and child.content.strip() and not depth:
            return False
    return True


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.split("\n") if line.strip())


def _numbers(text: str, start: int) -> tuple[int, ...]:
    """The source line of each of ``_lines(text)``, the first being ``start``."""
    return tuple(start + i for i, line in enumerate(text.split("\n")) if line.strip())


_NUMERIC_CELL = re.compile(r"^[^\W\d_]{0,3}\s?[\d.,/:%½+\-−–]+\s?(?:[^\W\d_]{1,6}|%)?$")
_HEADER_WORD = re.compile(r"^[^\W\d_][^\W\d_'’ ]{0,20}(?: [^\W\d_]{1,12}){0,2}$")


def _table_sentences(rows: list[list[str]]) -> tuple[tuple[str, ...], list[int]]:
    """A table read row by row, under its header: "Nkechi, 9/10, carried the hour." (not
    "Nkechi: ...", which would read as her line of dialogue)."""
    out = []
    kept = []  # which rows were read
    header = rows[0] if rows else []
    for index, cells in enumerate(rows[1:], start=1):
        # A number says nothing without its column: "score 9, place 1st, total 28.5".
        named = zip(cells, header + [""] * len(cells), strict=False)
        cells = [f"{h.lower()} {c}" if i and _NUMERIC_CELL.match(c) and _HEADER_WORD.match(h)
                 else c for i, (c, h) in enumerate(named) if c and c not in ("—", "–", "-")]
        if not cells:
            continue
        sentence = ", ".join(cells)
        out.append(sentence if sentence[-1] in ".!?" else sentence + ".")
        kept.append(index)
    return tuple(out), kept


def _yaml_fields(body: str) -> dict[str, str] | None:
    """The top-level fields of YAML front matter as text (a list's items joined), or None
    when it is not a YAML mapping."""
    try:
        # BaseLoader types nothing: "episode: 010" stays "010" (not octal 8), a date stays
        # as written, and no tag can build an object.
        data = yaml.load(body, Loader=yaml.BaseLoader)
    except yaml.YAMLError:
        return None
    # A key that is no field name ("Saltmarsh S04E02: Low Water" between two rules) is a
    # title line, which YAML would read as a mapping too.
    if not isinstance(data, dict) or not all(
            isinstance(key, str) and _KEY.fullmatch(key) for key in data):
        return None
    fields: dict[str, str] = {}
    for key, value in data.items():
        if isinstance(value, list):
            value = ", ".join(v for v in value if isinstance(v, str) and v.strip())
        if isinstance(value, str):
            fields[key.lower()] = value.strip()
    return fields


def _front_matter(text: str) -> tuple[str, dict[str, str]]:
    """``text`` with a blog's YAML front matter blanked out (line numbers kept), and its
    fields."""
    found = _FRONT_MATTER.match(text)
    if not found:
        return text, {}
    fields = _yaml_fields(found.group("body"))
    if fields is None:
        # Not valid YAML (an unquoted "title: Low Water: Part 2"): read it line by line.
        fields = {}
        for line in found.group("body").splitlines():
            key, sep, value = line.partition(":")
            if sep and _KEY.fullmatch(key.strip()):
                fields[key.strip().lower()] = value.strip().strip("\"'")
            elif line.strip() and not line.lstrip().startswith(("-", "#")):
                return text, {}  # a rule above text, not front matter
    return "\n" * found.group(0).count("\n") + text[found.end():], fields


def _number(value: str) -> int | None:
    return int(value) if re.fullmatch(r"\d{1,4}", value, re.ASCII) else None


def _ended(item: str) -> str:
    """An item with a full stop unless it ends a sentence already."""
    item = item.rstrip()
    return item if not item or item[-1] in ".!?…:;\"”’)" else item + "."


_LIST_ITEM = re.compile(r"^[ \t]{0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+\S")
_ENDS_SENTENCE = re.compile(r"[.!?…][\"”’')\]]*\s*$")


def _parted_lists(text: str) -> tuple[str, list[int]]:
    """``text`` with a blank line put between a list item that ends a sentence and a line
    under it that starts anew, flush left with a capital ("- The trustees are a rumour."
    then "Rating: 4/5 stars"): Markdown would read that line as more of the item, but a
    recap pasted single-spaced has no blank lines to part them. Also each line's number in
    the recap (0 for a line put in)."""
    out: list[str] = []
    origin: list[int] = []
    in_item = False
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            in_item = False
        elif _LIST_ITEM.match(line):
            in_item = True
        elif (in_item and line[0] not in " \t" and (line[0].isupper() or line[0].isdigit())
              and out and _ENDS_SENTENCE.search(out[-1])):
            out.append("")
            origin.append(0)
            in_item = False
        out.append(line)
        origin.append(number)
    return "\n".join(out), origin


def _toggle_title(item: str) -> bool:
    """Whether a list item with paragraphs below it is a toggle's title: a short label."""
    return len(item.split()) <= 10 and not item.rstrip().endswith((".", "!", "?", ":"))


def read_markdown(text: str) -> RecapSource:
    """The blocks of a Markdown or plain-text recap, with their line numbers."""
    original = text.splitlines()
    text, fields = _front_matter(text)
    # a note app's [[wiki links]] are the words they show (in the story and the fields)
    text = plain_wiki_links(text)
    fields = {key: plain_wiki_links(value) for key, value in fields.items()}
    # the lines the parser takes out: front matter (its fields are the episode's metadata)
    outside = [Outside(n, line.strip(), "metadata: front matter", kept=True)
               for n, line in enumerate(original[:len(text.splitlines())], start=1)
               if line.strip() and not text.splitlines()[n - 1].strip()]
    # A static site's template calls on lines of their own (Hugo's "{{< youtube ... >}}",
    # Jekyll's "{% include ... %}"): an embed, no words; blanked, so line numbers stay.
    lines = text.splitlines()
    outside += [Outside(n, line.strip(), "template shortcode (an embed)")
                for n, line in enumerate(lines, start=1) if _SHORTCODE.match(line)]
    text = "\n".join("" if _SHORTCODE.match(line) else line for line in lines)
    # Text copied from a page keeps its bullets as characters; line for line, so line
    # numbers stay.
    text = _FOOTNOTE_DEF.sub("", _FOOTNOTE_REF.sub("", text))
    text, origin = _parted_lists(_BULLET_CHARACTER.sub("- ", text))
    tokens = _PARSER.parse(text)
    blocks: list[SourceBlock] = []
    quote_depth = 0
    quote_lines: list[str] = []
    quote_numbers: list[int] = []
    quote_start = 0
    # per open list: ordered, first line, items, first number, each item's line
    lists: list[tuple[bool, int, list[str], int, list[int]]] = []
    heading_level = 0
    # per open list item: its list's depth, its first item's index, its paragraphs so far
    items_open: list[list[int]] = []
    table: list[list[str]] | None = None  # the rows of the table being read
    table_start = 0
    row_numbers: list[int] = []
    for token in tokens:
        start = origin[token.map[0]] if token.map else 0
        kind = token.type
        if kind == "table_open":
            table, table_start, row_numbers = [], start, []
            continue
        if table is not None:
            if kind == "tr_open":
                table.append([])
                row_numbers.append(start)
            elif kind == "inline" and table:
                table[-1].append(" ".join(_lines(_inline_text(token)[0])))
            elif kind == "table_close":
                rows, kept = _table_sentences(table)
                if row_numbers and table[0]:
                    outside.append(Outside(row_numbers[0], " | ".join(table[0]),
                                           "table header (names the columns)", kept=True))
                if rows:
                    blocks.append(SourceBlock("paragraph", rows, table_start, table=True,
                                              numbers=tuple(row_numbers[i] for i in kept)))
                table = None
            continue
        if kind == "blockquote_open":
            if not quote_depth:
                quote_lines, quote_numbers, quote_start = [], [], start
            quote_depth += 1
        elif kind == "blockquote_close":
            quote_depth -= 1
            boxed = callout(quote_lines[0]) if not quote_depth and quote_lines else None
            if boxed and boxed[0] not in QUOTE_CALLOUTS:
                # "> [!note] ...": a box beside the text, the writer's note to the reader
                outside.extend(Outside(n, x, "callout (a note beside the text)")
                               for n, x in zip(quote_numbers, quote_lines, strict=True))
            elif boxed:
                outside.append(Outside(quote_numbers[0], quote_lines[0],
                                       "nothing to say (marks, emoji, a tag)"))
                if quote_lines[1:]:
                    blocks.append(SourceBlock("quote", tuple(quote_lines[1:]), quote_numbers[1],
                                              numbers=tuple(quote_numbers[1:])))
            elif not quote_depth and quote_lines:
                blocks.append(SourceBlock("quote", tuple(quote_lines), quote_start,
                                          numbers=tuple(quote_numbers)))
        elif kind in ("bullet_list_open", "ordered_list_open"):
            number = token.attrGet("start") if kind == "ordered_list_open" else None
            lists.append((kind == "ordered_list_open", start, [],
                          int(number) if str(number or "").isdigit() else 1, []))
        elif kind == "list_item_open" and lists:
            items_open.append([len(lists), len(lists[-1][2]), 0])
        elif kind == "list_item_close" and items_open:
            depth, first, paragraphs = items_open.pop()
            listed = lists[-1]
            if paragraphs >= 2 and len(listed[2]) > first and _toggle_title(listed[2][first]):
                # a Notion toggle ("- Ratings" and its body indented below): folded away
                outside.extend(Outside(n, x, "toggle (folded away on the page)")
                               for n, x in zip(listed[4][first:], listed[2][first:],
                                               strict=True))
                del listed[2][first:], listed[4][first:]
        elif kind in ("bullet_list_close", "ordered_list_close"):
            ordered, list_start, items, first_number, item_numbers = lists.pop()
            if lists and lists[-1][2]:
                # A nested list belongs to the item above it: "1. Dex's apology" and its
                # sub-points are one item, so a ranking keeps its numbers.
                parent = lists[-1][2]
                parent[-1] = " ".join([_ended(parent[-1])] + [_ended(x) for x in items])
                outside.extend(Outside(n, x, "list item (with the one above it)", kept=True)
                               for n, x in zip(item_numbers, items, strict=False))
            elif lists:
                lists[-1][2].extend(items)
                lists[-1][4].extend(item_numbers)
            elif quote_depth:
                quote_lines.extend(items)
                quote_numbers.extend(item_numbers)
            elif items:
                blocks.append(SourceBlock("list", tuple(items), list_start, ordered=ordered,
                                          first=first_number, numbers=tuple(item_numbers)))
        elif kind == "heading_open":
            heading_level = int(token.tag[1])
        elif kind == "hr" and not quote_depth and not lists:
            blocks.append(SourceBlock("rule", (), start))
        elif kind in ("fence", "html_block"):
            content = html_to_text(token.content) if kind == "html_block" else token.content
            lines = _lines(content)
            set_apart = ("code or query block" if kind == "fence" and token.info.strip()
                         else "callout (a note beside the text)"
                         if token.content.lstrip().lower().startswith("<aside") else "")
            if lines and set_apart:
                # "```dataview" is a query, a Notion <aside> a box beside the text
                outside.extend(Outside(n, x, set_apart) for n, x in zip(
                    _numbers(content, start + (kind == "fence")), lines, strict=True))
            elif lines:
                # a fence's first line is its marker
                blocks.append(SourceBlock("paragraph", lines, start, numbers=_numbers(
                    content, start + (kind == "fence"))))
        elif kind == "inline":
            words, bold = _inline_text(token)
            lines = _lines(words)
            if not lines:
                if token.map:
                    # an image and its caption: not the recap's words
                    outside.extend(Outside(n, original[n - 1].strip(), "image and its caption")
                                   for n in (origin[i] for i in range(*token.map))
                                   if 0 < n <= len(original) and original[n - 1].strip())
                heading_level = 0
                continue
            numbers = _numbers(words, start)
            if items_open and items_open[-1][0] == len(lists):
                items_open[-1][2] += 1
            if lists and task(lines[0]):
                outside.extend(Outside(n, x, "to-do item") for n, x in zip(numbers, lines,
                                                                           strict=True))
            elif lists:
                lists[-1][2].append(" ".join(lines))
                lists[-1][4].append(numbers[0])
                outside.extend(Outside(n, x, "list item (its next line)", kept=True)
                               for n, x in zip(numbers[1:], lines[1:], strict=True))
            elif quote_depth:
                quote_lines.extend(lines)
                quote_numbers.extend(numbers)
            elif heading_level:
                blocks.append(SourceBlock("heading", (" ".join(lines),), start,
                                          level=heading_level, numbers=numbers[:1]))
            elif (blocks and blocks[-1].kind == "heading" and blocks[-1].level == 1
                  and len(blocks) == 1 and properties(lines)):
                # a note page's properties under its title: its metadata, not the story
                found = properties(lines) or {}
                for key in ("season", "episode", "show"):
                    fields.setdefault(key, found.get(key, ""))
                outside.extend(Outside(n, x, "page properties") for n, x in zip(
                    numbers, lines, strict=True))
            else:
                children = list(token.children or ())
                italic = (len(children) >= 3 and children[0].type == "em_open"
                          and children[-1].type == "em_close" and _emphasised_only(children))
                blocks.append(SourceBlock("paragraph", lines, start, bold=bold, italic=italic,
                                          numbers=numbers))
            heading_level = 0
    title = fields.get("title", "")
    # A post's front matter names the episode too; its date is when the post went up, not
    # the episode's publish date, so it is not read (as a byline's date is not).
    # link reference definitions ("[ep4]: https://..."): addresses, not words
    outside.extend(Outside(origin[i], line.strip(), "link address") for i, line in
                   enumerate(text.splitlines()) if _REFERENCE.match(line))
    return RecapSource(blocks=tuple(blocks), titles=(title,) if title else (),
                       outside=tuple(outside),
                       author=fields.get("author") or fields.get("authors", ""),
                       summary=fields.get("description") or fields.get("summary", ""),
                       show=fields.get("show") or fields.get("series", ""),
                       season=_number(fields.get("season", "")),
                       episode=_number(fields.get("episode") or fields.get("episode_number", "")))
