"""Dialogue inside a paragraph: the quotations whose speaker is named beside them.

A paragraph is cut into runs, each spoken by one voice: the narrator's, or the speaker's
of a quotation written inside the story ('“Keep the engine running,” Oksana tells him,
and slams the door.'). The speaker is named before or after the quotation with a verb of
saying from the recogniser's tables (``recognise.phrases.SAYING``); a pronoun ("she
says") or no name leaves the quotation to the narrator. The script keeps the editor's
text; runs are found each time the paragraph is planned.

A backslash before a quotation's opening mark (``\\“Go,” says Mara``) keeps that
quotation in the narrator's voice; the backslash is neither spoken nor shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from recapcast.text.recognise.phrases import (
    _LABELS,
    _PRONOUNS,
    _SECTION_WORDS,
    CLAUSE_START,
    SAYING,
    SAYING_TO,
    alt,
    phrases_of,
)

__all__ = ["Run", "runs", "ESCAPE"]

ESCAPE = "\\"
"""Written before a quotation's opening mark: the quotation stays narration."""

# Each opening mark and the marks that close it: English “ ”, British ‘ ’, French « »,
# German „ “ and » «, straight quotes.
_CLOSERS = {"“": "”", "‘": "’", "«": "»", "„": "“”", "»": "«", "‚": "‘’", '"': '"'}
_DASHES = "—―–"
_SAID = alt(SAYING)
# The object pronoun a Romance verb of saying may carry: "», lui dit Souleymane", "—le advierte".
_TO = rf"(?:(?:{alt(SAYING_TO)})\s+)?"
# A name: capitalised words, with the particles names have between them ("Anna de Luca").
_WORD = r"[^\W\d_][\w'’\-]*"
_NAME = rf"{_WORD}(?:\s+{_WORD}){{0,3}}"
# French inversion after the verb: "demande-t-il" names nobody.
_AFTER = re.compile(
    rf"^\s*,?\s*(?:{_TO}(?:{_SAID})(?![\w-])\s+(?P<name>{_NAME})"
    rf"|(?P<name2>{_NAME})\s+(?:{_SAID})(?![\w-]))", re.IGNORECASE)
# Before the quotation: "Mbali said, ", "Anselme répond : ", "Mara says " (a verb directly
# before the mark needs no comma; words of manner between them do: "says quietly, ").
_BEFORE = re.compile(
    rf"(?P<name>{_NAME})\s+(?:{_SAID})(?:(?:\s+[a-zà-ÿ'’\-]+){{0,3}}?\s*[,:])?\s*$",
    re.IGNORECASE)
# A sentence starts here: the paragraph's start, or after a full stop, colon or semicolon.
_SENTENCE_BEFORE = re.compile(r"(?:^|[.!?…:;][\"”’»“]*\s+|[(\[]\s*)$")
# Words that open a sentence before the name ("Then Oksana says:"), not part of it.
_NOT_NAMES = phrases_of(CLAUSE_START) | _LABELS | _SECTION_WORDS


@dataclass(frozen=True)
class Run:
    """Words of a paragraph spoken by one voice: ``speaker`` "" is the narrator."""

    text: str
    speaker: str = ""


@dataclass(frozen=True)
class _Quotation:
    start: int
    end: int
    speaker: str


def runs(text: str) -> tuple[Run, ...]:
    """The paragraph ``text`` as runs in reading order; their texts joined by spaces are the
    paragraph (escapes removed). One narrator run when no quotation names its speaker."""
    quotations = _quotations(text)
    out: list[Run] = []
    at = 0
    for q in quotations:
        out += _narration(text[at:q.start])
        out.append(Run(_unescaped(text[q.start:q.end]).strip(), q.speaker))
        at = q.end
    out += _narration(text[at:])
    return tuple(out) or (Run(_unescaped(text).strip()),)


def _narration(text: str) -> list[Run]:
    text = _unescaped(text).strip()
    return [Run(text)] if text else []


def _unescaped(text: str) -> str:
    return re.sub(r"\\(?=[\"“‘«„»‚—―–])", "", text)


def _spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation in quote marks, marks included; an escaped one or one
    never closed is skipped."""
    spans = []
    at = 0
    while at < len(text):
        mark = text[at]
        closers = _CLOSERS.get(mark)
        if closers is None or (at and (text[at - 1].isalnum() or text[at - 1] == ESCAPE)):
            at += 1
            continue
        end = at + 1
        while end < len(text) and not (text[end] in closers and end > at + 1 and (
                end + 1 == len(text) or not text[end + 1].isalnum())):
            end += 1
        if end >= len(text):
            at += 1
            continue
        spans.append((at, end + 1))
        at = end + 1
    return spans


def _quotations(text: str) -> list[_Quotation]:
    found: list[_Quotation] = []
    for start, end in _spans(text):
        speaker = _said_after(text, start, end) or _said_before(text, start)
        if not speaker and found and _continues(text, found[-1], start):
            speaker = found[-1].speaker  # '"..." says Denise. "That's the point."'
        if speaker:
            # a comma after the closing mark belongs to the quotation: « Non », dit Anselme
            comma = re.match(r"\s*,", text[end:])
            found.append(_Quotation(start, end + (comma.end() if comma else 0), speaker))
    found += _dashed(text, found)
    return sorted(found, key=lambda q: q.start)


def _said_after(text: str, start: int, end: int) -> str:
    """The speaker named after the quotation, when the quotation opens a sentence."""
    if not _SENTENCE_BEFORE.search(text[:start]):
        return ""
    said = _AFTER.match(text[end:])
    if not said:
        return ""
    if said.group("name"):
        return _name(said.group("name"), after_verb=True)
    return _name(said.group("name2"))


def _said_before(text: str, start: int) -> str:
    said = _BEFORE.search(text[:start])
    return _name(said.group("name")) if said else ""


def _continues(text: str, previous: _Quotation, start: int) -> bool:
    """Whether only the previous quotation's attribution stands between it and this one:
    the same speaker goes on ('“Keep it running,” Oksana says, “and don’t look back.”')."""
    between = text[previous.end:start]
    return bool(_AFTER.match(between)) and len(between.split()) <= 6 and bool(
        re.search(r"[.!?:,]\s*$", between))


# Dialogue set off with dashes: "—No pienso pelearme —dice Maite—." (Spanish, Portuguese)
# and "— Non, dit Capucine." (French), at the start of a sentence.
_DASHED = re.compile(
    rf"(?:^|(?<=[.!?…:]\s))(?P<quote>[{_DASHES}]\s*[^{_DASHES}]+?)"
    rf"(?:\s*[{_DASHES}]\s*|(?<=[,!?…])\s+)(?={_TO}(?:{_SAID})(?![\w-])\s+(?P<name>{_NAME}))",
    re.IGNORECASE)


def _dashed(text: str, found: list[_Quotation]) -> list[_Quotation]:
    out = []
    for match in _DASHED.finditer(text):
        start, end = match.span("quote")
        if text[start - 1:start] == ESCAPE or any(q.start <= start < q.end for q in found):
            continue
        speaker = _name(match.group("name"), after_verb=True)
        if speaker:
            out.append(_Quotation(start, end, speaker))
    return out


def _name(words: str, *, after_verb: bool = False) -> str:
    """The speaker these words name: capitalised words that are not a pronoun; after the
    verb the name is the first ones ("says Oksana Petrenko as she leaves"), before it the
    last ones ("Then Oksana says")."""
    parts = words.split()
    capital = [w[:1].isupper() for w in parts]
    if after_verb:
        keep = next((i for i, up in enumerate(capital) if not up), len(parts))
        parts = parts[:keep]
    else:
        keep = next((i for i in range(len(parts) - 1, -1, -1) if not capital[i]), -1)
        parts = parts[keep + 1:]
        while len(parts) > 1 and parts[0].lower() in _NOT_NAMES:
            parts = parts[1:]
    name = " ".join(parts).rstrip(".,;:")
    if not name or name.lower() in _PRONOUNS or name.split()[0].lower() in _NOT_NAMES:
        return ""
    # Here, not at the top: the speakers' patterns cost every build about 0.1 s to compile.
    from recapcast.text.recognise.speakers import _is_name

    return name if _is_name(name) else ""
