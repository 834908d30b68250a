"""Whole numbers: 1,500, 40.000 and 150 000 (as languages group them), codes (Q3, TS-4000),
ranges (3-2, 3-to-1) and years (1962); a number agrees with its noun where the language
asks (:mod:`.languages`)."""

from __future__ import annotations

import re

from recapcast.text.speech.money import indian
from recapcast.text.speech.reader import Reader

__all__ = ["digits", "codes", "ranges", "word_ranges", "integers"]

# 150 000, with a space, a no-break space or the narrow one French typography puts there
_SPACE_GROUPS = re.compile(r"(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d|[,.]\d)")
# 40.000 and 1.500,50 (its decimals read next), not 1.2.3
_EUROPEAN_GROUPS = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?:(?=,\d+(?![\d.,]*\d))|"
                              r"(?![\d.,]*\d))")
_EUROPEAN_DECIMAL = re.compile(r"(?<![\d,])(\d+),(\d+)(?![\d,])")
_GROUP = "\ue0fe"  # a grouping mark while decimal commas are read; no text holds it
_LETTERS_DIGITS = re.compile(r"\b(?P<letters>[A-Z]{1,4})-?(?=\d+\b)")
_RANGE = re.compile(r"(?<![\d.,–-])(?P<a>\d+)\s?[–—-]\s?(?P<b>\d+)(?![\d–-])")
_WORD_RANGE = re.compile(r"\b(\d+)-to-(\d+)\b")
_INDIAN = re.compile(r"(?<![\d.,])\d{1,2}(?:,\d{2})+,\d{3}(?![\d,]\d)")
_INTEGER = re.compile(r"(?<![\d.])\d{1,3}(?:,\d{3})+(?![\d,]\d)|(?<![\d.])\d+")


def digits(r: Reader, text: str) -> str:
    """Numbers as the later rules read them: 40.000, 40 000 and 12,5 in languages that
    write so become 40000 and 12.5."""
    if r.w.decimal_comma:
        text = _SPACE_GROUPS.sub(lambda m: _grouped(re.sub(r"[ \u00a0\u202f]", "", m.group(0))),
                                 text)
        text = _EUROPEAN_GROUPS.sub(lambda m: _grouped(m.group(0).replace(".", "")), text)
        text = _EUROPEAN_DECIMAL.sub(r"\1.\2", text)
        text = text.replace(_GROUP, ",")
    return text


def _grouped(digits: str) -> str:
    """A four-digit number written grouped ("1.500 Menschen") is a count, not a year: it
    keeps a grouping comma, as English writes it, which the year rule leaves alone."""
    return digits[0] + _GROUP + digits[1:] if len(digits) == 4 else digits


def codes(r: Reader, text: str) -> str:
    """Model numbers and codes: "TS-4000", "Q3", "COVID-19": the letters, then the number."""
    if r.n is None:
        return text
    return _LETTERS_DIGITS.sub(lambda m: m.group("letters") + " ", text)


def ranges(r: Reader, text: str) -> str:
    """3-2 -> three to two; entre 5-10 -> entre cinco y diez."""
    if r.n is None or not r.say("to"):
        return text
    return _RANGE.sub(lambda m: f"{r.cardinal(m.group('a'))} {r.range_word(m)} "
                                f"{r.cardinal(m.group('b'))}", text)


def word_ranges(r: Reader, text: str) -> str:
    """3-to-1 -> three to one."""
    if r.n is None or not r.en:
        return text
    return _WORD_RANGE.sub(lambda m: f"{r.cardinal(m.group(1))} to "
                                     f"{r.cardinal(m.group(2))}", text)


def integers(r: Reader, text: str) -> str:
    """1,500 -> one thousand five hundred; 1962 -> nineteen sixty two."""
    if r.n is None:
        return text
    if r.en:
        # 3,00,000: grouped as India writes lakhs and crores, and said so
        text = _INDIAN.sub(lambda m: f" {indian(r, int(m.group(0).replace(',', '')))} ", text)
    return _INTEGER.sub(lambda m: r.lang.cardinal(r, m), text)
