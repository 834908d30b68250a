"""What a language module provides, and what a language without one gets.

Each language of :mod:`recapcast.text.speech.languages` is one :class:`Language`: its
wording tables (the :class:`~recapcast.text.wording.Wording` fields) and the rules that
differ between languages: how a clock time, a date, an ordinal or a counted number is said.
A rule takes the reader (``r``: the language's number words ``r.n``, wording ``r.w`` and
glue words ``r.say``) and returns words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Language", "OTHER", "ROMAN_VALID", "roman_value"]

ROMAN_VALID = re.compile(r"^(?=[IVX])(X{0,3})(IX|IV|V?I{0,3})$")
"""A Roman numeral up to 39, as recaps write them (Part II, Henry VIII, siglo XXI)."""
_LETTERS = {"I": 1, "V": 5, "X": 10}


def roman_value(numeral: str) -> int:
    """XIV -> 14."""
    total = 0
    for letter, following in zip(numeral, numeral[1:] + " ", strict=True):
        value = _LETTERS[letter]
        total += -value if _LETTERS.get(following, 0) > value else value
    return total

Reader = Any
"""A :class:`recapcast.text.speech.reader.Reader` (not imported: it imports this module)."""


def plain_clock(r: Reader, hour: int, minute: int, *, hours: bool = False,
                ampm: str | None = None, end: str = "") -> str:
    """9:30 -> nine thirty: the hour, then the minutes if any."""
    return r.n.cardinal(hour) + (f" {r.n.cardinal(minute)}" if minute else "")


def plain_date(r: Reader, day: int, month: int, year: int | None, before: str,
               iso: bool = False) -> str:
    """14/11/2026 -> fourteen November two thousand twenty six (day, month, year)."""
    name = r.w.month_names[month - 1]
    parts = [r.n.cardinal(day), name] + ([r.n.year(year)] if year is not None else [])
    return " ".join(parts)


def plain_month_then_day(r: Reader, month: str, day: int) -> str:
    """Nov. 14 -> November fourteen."""
    return f"{month} {r.n.cardinal(day)}"


def plain_day_then_month(r: Reader, day: int, month: str, before: str) -> str:
    """14 November -> fourteen (of) November."""
    return f"{r.n.cardinal(day)} {r.say('of', '')} {month}"


def unchanged(r: Reader, text: str) -> str:
    return text


def keep_ordinal(r: Reader, words: str, m: re.Match) -> str:
    return words


def plain_cardinal(r: Reader, m: re.Match) -> str:
    return f" {r.cardinal(m.group(0))} "


def ordinal_regnal(r: Reader, before: str, value: int) -> str:
    """Henry VIII -> Henry (the) eighth."""
    the = r.say("the", "")
    return f"{before} {the} {r.n.ordinal(value)}".replace("  ", " ")


def regnal_to_ten(r: Reader, before: str, value: int) -> str:
    """Felipe II -> Felipe segundo, Luis XIV -> Luis catorce: ordinals up to ten only."""
    return f"{before} {r.n.ordinal(value) if value <= 10 else r.n.cardinal(value)}"


@dataclass(frozen=True)
class Language:
    """The tables and rules of one show language."""

    code: str
    """The language's code (``en``, ``es``): shows in ``es-MX`` use ``es``."""
    wording: dict[str, Any] = field(default_factory=dict)
    """The :class:`~recapcast.text.wording.Wording` fields: glue words, abbreviations,
    titles, month names, units, time zones, fraction names."""
    clock: Callable[..., str] = plain_clock
    """``(r, hour, minute, *, hours, ampm, end)``: a clock time; ``hours`` when the text
    wrote "h" or "Uhr" after it, ``ampm`` "a"/"p", ``end`` a full stop that ends the text."""
    date: Callable[..., str] = plain_date
    """``(r, day, month, year or None, before, iso)``: a date written in digits."""
    month_then_day: Callable[..., str] = plain_month_then_day
    """``(r, month name, day)``: "Nov. 14"."""
    day_then_month: Callable[..., str] = plain_day_then_month
    """``(r, day, month name, text before)``: "14 November"."""
    ordinals: Callable[[Reader, str], str] = unchanged
    """The language's own ordinal marks ("1er", "3.", "1.er"), before the common ones."""
    ordinal_agree: Callable[..., str] = keep_ordinal
    """``(r, words, match)``: an ordinal agreeing with the noun after it."""
    cardinal: Callable[..., str] = plain_cardinal
    """``(r, match)``: a whole number, agreeing with what it counts where the language asks."""
    roman_ordinals: Callable[[Reader, str], str] = unchanged
    """Roman numerals with an ordinal mark ("XIXe siècle")."""
    regnal: Callable[..., str] = ordinal_regnal
    """``(r, name, value)``: a monarch's or pope's numeral (Henry VIII, Louis XIV)."""
    hour_marks: tuple[str, ...] = ()
    """What after a number makes it an hour of the clock: "22h" (es, fr, pt), "1 Uhr" (de)."""
    degree_ordinal: bool = False
    """"12° piano" is an ordinal before a lowercase noun (it, es, pt), not degrees."""
    dotted_dates: bool = False
    """14.11.2026 is a date (de)."""
    clock_before: str = ""
    """Words (a regex alternation) after which 18.45 is a clock time: "at", "um", "alle"."""
    clock_after: str = ""
    """What after 18.45 makes it a clock time: "GMT", "pm", "Uhr", "h"."""


OTHER = Language(code="")
"""A language without a module: numbers in its words, symbols left to the voice."""
