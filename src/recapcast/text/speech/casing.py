"""Shouting: a run of capitalised words is said in lowercase, acronyms kept."""

from __future__ import annotations

import re

from recapcast.text.speech.languages.base import ROMAN_VALID
from recapcast.text.speech.reader import Reader

__all__ = ["shouting"]

_SHOUT_WORD = r"(?:[A-Z][A-Z'’]*(?:-[A-Z]+)*)"
_SHOUTING = re.compile(rf"(?<![\w-]){_SHOUT_WORD}(?:[ \t]+{_SHOUT_WORD})+(?![\w-])")
# Kept in capitals when a shouted line is lowercased: "THE US OFFICE" is not "the us office".
_ACRONYMS = frozenset(
    "UK USA EU UN FBI CIA NSA DEA ATF IRS NYPD LAPD NHS BBC HBO CNN NBC CBS ABC TV DJ DNA "
    "ICU CEO CFO DC NYC VIP AI HR".split())
_REPEATED_MARKS = re.compile(r"([!?])[!?]+")


def _roman(word: str) -> bool:
    return len(word) > 1 and bool(ROMAN_VALID.match(word))


def shouting(r: Reader, text: str) -> str:
    """I AM SCREAMING!!! -> I am screaming!"""
    def lower(m: re.Match) -> str:
        words = m.group(0).split()
        if not any(len(w) >= 4 for w in words):
            return m.group(0)
        # The word before a Roman numeral keeps its capital, for the numeral's rule
        # ("WAR II": War two).
        return " ".join(w if w == "I" or w in _ACRONYMS or _roman(w) else
                        w.capitalize() if nxt and _roman(nxt) else w.lower()
                        for w, nxt in zip(words, words[1:] + [""], strict=True))
    text = _SHOUTING.sub(lower, text)
    return _REPEATED_MARKS.sub(r"\1", text)
