"""Who speaks: names in dialogue lines, attributions and screenplay cues."""

from __future__ import annotations

import re

from recapcast.text.recognise.patterns import (
    _CUE,
    _DIALOGUE,
    _FRENCH_DASH,
    _QUOTE_THEN_SAID,
    _SAID_THEN_QUOTE,
    _SAYING,
    _sentence,
    _words,
)
from recapcast.text.recognise.phrases import (
    _LABEL_WORDS,
    _LABELS,
    _PARTICLES,
    _PRONOUNS,
    _QUOTE_MARKS,
    _SECTION_WORDS,
)

_NAME_WORD = re.compile(r"^[^\W\d_][\w'’.\-]*$")


def _is_name(text: str, max_words: int = 4) -> bool:
    words = text.split()
    if not 1 <= len(words) <= max_words or text.lower().rstrip(".") in _LABELS:
        return False
    if not all(_NAME_WORD.match(w) for w in words) or not words[0][0].isupper():
        return False
    if words[0].lower() in _SECTION_WORDS:
        return False  # "PART ONE: THE CLIMB" is a heading, not a speaker
    if any(w.lower() in _LABEL_WORDS for w in words) or (
            len(words) > 2 and any(w.lower() in ("of", "the") for w in words[1:])):
        return False  # "GARMENT OF THE WEEK: AUGUSTINE" names an award, not who speaks
    return all(w[0].isupper() or w.lower() in _PARTICLES for w in words)


def _attributed(name: str) -> str | None:
    """The speaker an attribution names ("Ewan Gillespie, the vanished keeper" -> the name)."""
    name = name.strip().rstrip(".")
    head, _, role = name.partition(",")
    if _SAYING.match(role.strip()):
        return None  # "— Non, dit Capucine.": a line of dialogue, not a quotation's source
    if _is_name(head.strip(), 5) and (not role or role.strip()[:1].islower()
                                      or _words(role) <= 6):
        return head.strip()
    return None


def _shouted(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _speaker_name(name: str, known: dict[str, str]) -> str:
    name = " ".join(name.split())
    if name.lower() in known:
        return known[name.lower()]
    if _shouted(name):
        # RADU -> Radu, MAC GIOLLA -> Mac Giolla; keep the apostrophe's next letter low.
        name = " ".join(w[:1] + w[1:].lower() for w in name.split())
    return name


def _cue(line: str) -> str:
    """The character a screenplay cue line names ("INES", "KENJI (V.O.)"), else ""."""
    cue = _CUE.match(line)
    name = cue.group("name").strip() if cue else ""
    return name if name and _shouted(name) and _is_name(name.title()) else ""


def _spoken_line(line: str) -> bool:
    """A "Name: line" line: a name, then words as speech starts (not "Gareth: the only man
    who ...")."""
    found = _DIALOGUE.match(line)
    name = found.group("name").strip() if found else ""
    return bool(found) and (_is_name(name) or _shouted(name)) and (
        found.group("line")[:1].isupper() or found.group("line")[:1] in _QUOTE_MARKS)


def _said_line(line: str) -> tuple[str, str] | None:
    """(speaker, words) of a line that is only a quotation and who said it, else None. A
    pronoun ("he tells her") names nobody, so such a line stays narration."""
    for pattern in (_QUOTE_THEN_SAID, _SAID_THEN_QUOTE, _FRENCH_DASH):
        found = pattern.match(line.strip())
        if not found:
            continue
        name = (found.groupdict().get("name") or found.groupdict().get("name2") or "").strip()
        if _is_name(name) and name.lower() not in _PRONOUNS:
            words = found.group("quote").strip().rstrip(",")
            mark = found.groupdict().get("mark") or ""
            if mark in ("?", "!", "…"):
                words += mark  # "— Pourquoi ? répond Solveig": still a question
            more = found.groupdict().get("more")
            return name, _sentence(words) + (f" {_sentence(more.strip())}" if more else "")
    return None
