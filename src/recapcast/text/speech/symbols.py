"""Symbols left once every kind has read its own: &, %, +, =, ~, dashes; and the spacing
of the words said."""

from __future__ import annotations

import re

from recapcast.text.speech.reader import Reader, spelled

__all__ = ["symbols", "tidy"]

_ATTRIBUTION = re.compile(r"(?:^|\s)~\s*(?=[A-Z])")
_LETTERS_AND = re.compile(r"(?<![\w&])([A-Z]{1,3})&([A-Z]{1,3})(?![\w&])")
_ARITHMETIC = re.compile(r"(?<=\w)\s*([+=])\s*(?=\w)")
# Left-over symbols a voice would name ("tilde", "asterisk"); spoken text never holds them.
_SYMBOLS = re.compile(r"[<>{}\[\]|\\^_*#~=`@+/]")


def symbols(r: Reader, text: str) -> str:
    """AT&T -> A-T and T; 50% -> fifty percent; 2+2=4 -> two plus two equals four."""
    text = _ATTRIBUTION.sub(" — ", text)
    and_word = r.say("and", "&")
    # AT&T, Q&A, R&B: letters, spelled, around the word
    text = _LETTERS_AND.sub(lambda m: f"{spelled(m.group(1))} {and_word} "
                                      f"{spelled(m.group(2))}", text)
    text = text.replace("&", f" {and_word} ")
    percent = r.say("percent")
    if percent:
        text = text.replace("%", f" {percent} ")
    for sign, role in (("+", "plus"), ("=", "equals")):
        word = r.say(role)
        if word:
            text = _ARITHMETIC.sub(lambda m, s=sign, w=word: f" {w} " if m.group(1) == s
                                   else m.group(0), text)
    text = re.sub(r"(?<=\w)/(?=\w)", " ", text)
    text = re.sub(r"\s+-+\s+", ", ", text)
    return _SYMBOLS.sub(" ", text)


def tidy(text: str) -> str:
    """Spaces as writing has them, once numbers became words."""
    text = re.sub(r"\s+([,.;:!?)])", r"\1", text)
    text = re.sub(r"([(\[])\s+", r"\1", text)
    text = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", text)
    # A number said as words keeps what was joined to it: "twelve-year-old", "Season two's".
    return re.sub(r"(?<=\w) +(?=-[^\W\d_]|['’]s\b)", "", text)
