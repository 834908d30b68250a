"""Roman numerals: Part II, World War II, Henry VIII, siglo XXI, XIXe siècle."""

from __future__ import annotations

import re

from recapcast.text.speech.languages.base import ROMAN_VALID, roman_value
from recapcast.text.speech.reader import Reader

__all__ = ["roman"]

_ROMAN = re.compile(r"\b(?P<before>[A-Z][\w'’]*) (?P<roman>[IVX]{1,6})\b(?!\.\w|['’](?!s\b)\w)")
# "siglo XXI", "tomo II": Roman numerals after the words other languages write in lowercase
_ROMAN_AFTER_WORD = re.compile(
    r"\b(?P<before>siglo|tomo|volumen|capítulo|parte|acto|fase|temporada|siècle|tome|partie|"
    r"chapitre|saison|Teil|Kapitel|Band|Staffel|secolo|capitolo|stagione|século)"
    r" (?P<roman>[IVX]{1,6})\b(?!\.\w)")
_CARDINAL_BEFORE = {"Part", "Chapter", "Book", "Act", "Volume", "Vol", "Season", "Episode",
                    "War", "Phase", "Round", "Level", "Stage", "Series", "Scene", "Pt"}


def roman(r: Reader, text: str) -> str:
    """Part II -> Part two; Henry VIII -> Henry the eighth; Malcolm X stays."""
    if r.n is None:
        return text
    text = r.lang.roman_ordinals(r, text)
    text = _ROMAN_AFTER_WORD.sub(
        lambda m: f"{m.group('before')} {r.n.cardinal(roman_value(m.group('roman')))}"
        if ROMAN_VALID.match(m.group("roman")) else m.group(0), text)

    def numeral(m: re.Match) -> str:
        numeral, before = m.group("roman"), m.group("before")
        cardinal = before in _CARDINAL_BEFORE
        regnal = before in r.w.regnal_names
        # One letter is a numeral only where a number is expected: "Malcolm X", "Plan V".
        if not ROMAN_VALID.match(numeral) or (len(numeral) == 1 and not cardinal
                                              and not (regnal and numeral == "V")):
            return m.group(0)
        value = roman_value(numeral)
        if regnal:
            return r.lang.regnal(r, before, value)
        return f"{before} {r.n.cardinal(value)}"
    return _ROMAN.sub(numeral, text)
