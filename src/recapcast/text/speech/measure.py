"""Measures: units after a number (40 km, -5°C, 6 ft, the 38-min mark), heights (5'10"),
coordinates (53.4 N), negative numbers and percentages."""

from __future__ import annotations

import re

from recapcast.text.speech.reader import NEXT_WORD, Reader, word_after

__all__ = ["units", "percents"]

_COORDINATES = re.compile(r"(?P<a>\d{1,3}(?:\.\d+)?)°?\s?(?P<ns>[NS]),?\s+"
                          r"(?P<b>\d{1,3}(?:\.\d+)?)°?\s?(?P<ew>[EW])\b")
_COMPASS = {"N": "north", "S": "south", "E": "east", "W": "west"}
_HEIGHT = re.compile(r"(?<![\w.])(?P<ft>[1-8])\s?['’′]\s?(?P<inch>\d{1,2})\s?(?:\"|”|″|''|’’)")
_NEGATIVE = re.compile(r"(?:(?<=^)|(?<=[\s(\[]))[-−–](?=\d)")
_UNIT = re.compile(
    r"(?P<num>\d[\d,]*(?:\.\d+)?)(?P<space>\s?)(?P<unit>°\s?[CF]\b|°|km/h|[a-zA-Z]{1,4}\b)(?!['’]\w)")
_HYPHEN_UNIT = re.compile(r"(?<![\w.])(?P<num>\d+(?:\.\d+)?)-(?P<unit>[a-zA-Z]{2,4})\b"
                          r"(?!-(?!old\b))")
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an)(?:\s+(?:single|whole|full|mere|massive|huge|tiny|"
                             r"solid|hefty|new|record))?\s+$", re.IGNORECASE)
_UNIT_DOT = re.compile(r"\b((?:hours?|minutes?|seconds?|inch|inches|feet|foot|pounds?|ounces?|"
                       r"miles?|yards?|kilometers?|meters?))\.(?=\s+[a-z])")
_ONE_LETTER_UNITS = {"m", "g", "V", "W", "L", "h", "°"}
_PERCENT = re.compile(r"(?P<num>\d[\d,]*(?:\.\d+)?)\s?(?:%|per ?cent\b)")
_NOT_A_NOUN = ("of", "and", "or", "to", "in", "on", "at", "per", "a", "an", "the")


def units(r: Reader, text: str) -> str:
    """40 km -> forty kilometers; a 300 lb block -> a three hundred pound block."""
    if r.n is None:
        return text
    if r.en:
        # 53.421 N, 2.235 W: north and west, not newtons and watts
        text = _COORDINATES.sub(
            lambda m: f"{m.group('a')} {_COMPASS[m.group('ns')]}, "
                      f"{m.group('b')} {_COMPASS[m.group('ew')]}", text)
        # 5'10": five foot ten
        text = _HEIGHT.sub(lambda m: f"{r.n.cardinal(int(m.group('ft')))} foot "
                                     f"{r.n.cardinal(int(m.group('inch')))}"
                           if int(m.group("inch")) < 12 else m.group(0), text)
    minus = r.say("minus")
    if minus:
        text = _NEGATIVE.sub(minus + " ", text)
    table = r.w.units

    def unit(m: re.Match) -> str:
        written = m.group("unit").replace(" ", "")
        key = written.lower()
        names = table.get(key)
        hour = key in r.lang.hour_marks
        # One-letter units only as written ("5 m", "12 V"): "5 M" or "3 G" is something
        # else, and "5 l" may be a typo.
        if (names is None and not hour) or (len(key) == 1 and written not in _ONE_LETTER_UNITS):
            return m.group(0)
        if key == "°" and r.lang.degree_ordinal and NEXT_WORD.match(
                m.string, m.end()) and word_after(m).islower():
            return m.group(0)  # "al 12° piano", "1° maggio": an ordinal, read later
        digits = m.group("num")
        if r.en and _ARTICLE_BEFORE.search(m.string[:m.start()]) and NEXT_WORD.match(
                m.string, m.end()) and word_after(m).islower() and (
                word_after(m) not in _NOT_A_NOUN):
            # "a 300 lb block": a measure before its noun is said in the singular
            return f"{r.number(digits)} {names[0]}"
        if hour and digits.isdigit() and int(digits) <= 24:
            return r.lang.clock(r, int(digits), 0, hours=True)  # "às 22h": feminine hours
        if names is None:
            return m.group(0)
        one = digits.replace(",", "") in ("1", "1.0")
        return f"{r.number(digits)} {names[0] if one else names[1]}"
    text = _HYPHEN_UNIT.sub(
        lambda m: f"{r.number(m.group('num'))} {table[m.group('unit').lower()][0]}"
        if m.group("unit").lower() in table and len(m.group("unit")) > 1 else m.group(0),
        text)  # "the 38-min mark": thirty eight minute mark
    text = _UNIT.sub(unit, text)
    # "72 hrs. to explain": the abbreviation's full stop ends no sentence
    return _UNIT_DOT.sub(r"\1", text)


def percents(r: Reader, text: str) -> str:
    """20% -> twenty percent (veinte por ciento)."""
    percent = r.say("percent")
    if r.n is None or not percent:
        return text
    return _PERCENT.sub(lambda m: f"{r.number(m.group('num'))} {percent}", text)
