"""Reads an RTF file (WordPad, TextEdit, Word's "Rich Text Format") into styled paragraphs.

striprtf's plain text loses the paragraph styles that give the title and the chapters, so
this module walks the RTF itself, and takes from striprtf its table of destinations (the
groups that are not the text: headers, footers, footnotes, comments, field codes, pictures,
the font and style tables). As with Word, the text is read with pending suggestions
rejected: ``\\revised`` (inserted) words are skipped, ``\\deleted`` ones kept.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, replace

from striprtf.striprtf import destinations as _DESTINATIONS

from recapcast.errors import ScriptError
from recapcast.text.documents.paragraphs import Paragraph, role_of_style, source_of_paragraphs
from recapcast.text.source import RecapSource

__all__ = ["read_rtf"]

_TOKEN = re.compile(rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\([^a-zA-Z])|"
                    rb"([{}])|[\r\n]+|([^\\{}\r\n]+)")
# Groups that are not the text, besides striprtf's destinations: the list text Word writes
# before an item (its bullet or number), and the old paragraph numbering.
_SKIP = _DESTINATIONS | {"listtext", "pntext", "pn", "listtable", "listoverridetable",
                         "revtbl", "rsidtbl", "xmlnstbl", "themedata", "colorschememapping",
                         "latentstyles", "datastore", "annotation", "atnid", "atnauthor",
                         "nonshppict"}
_SYMBOLS = {"~": "\u00a0", "_": "\u2011", "-": "", "\\": "\\", "{": "{", "}": "}"}
_WORDS = {"tab": " ", "line": "\n", "emdash": "—", "endash": "–", "lquote": "‘",
          "rquote": "’", "ldblquote": "“", "rdblquote": "”", "bullet": "•", "emspace": " ",
          "enspace": " ", "qmspace": " "}


@dataclass(frozen=True)
class _State:
    """What a group sets: skipping it, the character formatting, the Unicode skip count."""

    skip: bool = False
    bold: bool = False
    italic: bool = False
    inserted: bool = False
    skip_after_unicode: int = 1


class _Reader:
    def __init__(self) -> None:
        self.styles: dict[int, str] = {}
        self.codepage = "cp1252"
        self.paragraphs: list[Paragraph] = []
        self.parts: list[str] = []
        self.all_bold = self.all_italic = True
        self.style = 0
        self.outline: int | None = None
        self.in_list = False
        self.list_numbered = False

    def text(self, words: str, state: _State) -> None:
        if state.skip or state.inserted:
            return
        self.parts.append(words)
        if words.strip():
            self.all_bold = self.all_bold and state.bold
            self.all_italic = self.all_italic and state.italic

    def reset_paragraph(self) -> None:
        self.style, self.outline, self.in_list = 0, None, False

    def end_paragraph(self) -> None:
        text = "".join(self.parts)
        role = role_of_style(self.styles.get(self.style, ""))
        if self.outline is not None and self.outline < 9:
            role = ("heading", self.outline + 1, False)
        if role is None and self.in_list:
            role = ("list", 0, self.list_numbered)
        kind, level, ordered = role or ("body", 0, False)
        if text.strip():
            self.paragraphs.append(Paragraph(
                text, kind, level, ordered, number=len(self.paragraphs) + 1,
                bold=self.all_bold, italic=self.all_italic))
        self.parts = []
        self.all_bold = self.all_italic = True


def _style_table(data: bytes) -> dict[int, str]:
    """Style number -> name, from ``{\\stylesheet{\\s1 ... heading 1;}...}``."""
    start = data.find(b"{\\stylesheet")
    if start < 0:
        return {}
    depth, end = 0, start
    for end in range(start, min(len(data), start + 500_000)):
        depth += {123: 1, 125: -1}.get(data[end], 0)  # { and }
        if depth == 0:
            break
    styles = {}
    for group in re.finditer(rb"\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}", data[start + 1:end]):
        body = group.group(1)
        number = re.match(rb"\s*\\(?:\*\\)?[sc]s?(\d+)", body)
        if not number or re.match(rb"\s*\\(?:\*\\)?cs", body):
            continue  # character styles are not paragraph roles
        name = re.sub(rb"\{[^{}]*\}|\\[a-zA-Z]+-?\d* ?|\\'..", b"", body).split(b";")[0]
        styles[int(number.group(1))] = name.decode("latin-1").strip()
    return styles


def _read(data: bytes) -> list[Paragraph]:
    reader = _Reader()
    reader.styles = _style_table(data)
    stack: list[_State] = []
    state = _State()
    skip_chars = 0
    group_start = False
    for match in _TOKEN.finditer(data):
        word, number, hexa, symbol, brace, plain = match.groups()
        if brace == b"{":
            stack.append(state)
            group_start = True
            continue
        if brace == b"}":
            state = stack.pop() if stack else state
            group_start = False
            continue
        if symbol == b"*":  # {\* ...}: a destination a reader may ignore
            state = replace(state, skip=True)
            continue
        first_in_group, group_start = group_start, False
        if skip_chars and (hexa or plain or symbol):
            if plain and len(plain) > skip_chars:
                plain = plain[skip_chars:]
                skip_chars = 0
            else:
                skip_chars -= 1 if not plain else len(plain)
                skip_chars = max(skip_chars, 0)
                continue
        if word:
            name = word.decode("ascii")
            value = int(number) if number is not None else None
            if name in _SKIP and (first_in_group or name in ("listtext", "pntext")):
                state = replace(state, skip=True)
            elif state.skip:
                continue  # a header's or a footnote's \pard and \par are not the text's
            elif name == "ansicpg" and value:
                try:
                    reader.codepage = codecs.lookup(f"cp{value}").name
                except LookupError:
                    pass
            elif name in ("par", "sect"):
                reader.end_paragraph()
            elif name == "pard":
                reader.reset_paragraph()
            elif name == "s" and value is not None:
                reader.style = value
            elif name == "outlinelevel" and value is not None:
                reader.outline = value
            elif name in ("ls", "ilvl"):
                reader.in_list = True
            elif name in ("b", "i"):
                on = value is None or value != 0
                state = replace(state, **{"bold" if name == "b" else "italic": on})
            elif name == "plain":
                state = replace(state, bold=False, italic=False)
            elif name == "revised":
                state = replace(state, inserted=value is None or value != 0)
            elif name == "uc" and value is not None:
                state = replace(state, skip_after_unicode=value)
            elif name == "u" and value is not None:
                reader.text(chr(value % 65536), state)
                skip_chars = state.skip_after_unicode
            elif name in _WORDS:
                reader.text(_WORDS[name], state)
            elif name == "pnlvlbody" or name == "pndec":
                reader.list_numbered = name == "pndec"
        elif hexa:
            reader.text(bytes([int(hexa, 16)]).decode(reader.codepage, "replace"), state)
        elif symbol:
            reader.text(_SYMBOLS.get(symbol.decode("latin-1"), ""), state)
        elif plain:
            reader.text(plain.decode(reader.codepage, "replace"), state)
    if reader.parts:
        reader.end_paragraph()
    return reader.paragraphs


def read_rtf(data: bytes, name: str) -> RecapSource:
    """The source blocks of an RTF file."""
    try:
        paragraphs = _read(data)
    except (ValueError, IndexError, RecursionError) as exc:
        raise ScriptError(f"cannot read {name} as RTF ({type(exc).__name__})",
                          "open it and save it again as .rtf or .docx, or paste its text"
                          ) from None
    return source_of_paragraphs(paragraphs)
