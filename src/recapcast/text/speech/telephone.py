"""Numbers that are names, said digit by digit or in pairs: phone numbers (555-0199, 911),
rooms and flights (Room 237, Flight 815), codes with a leading zero (007)."""

from __future__ import annotations

import re

from recapcast.text.speech.reader import Reader

__all__ = ["phones", "named_numbers", "leading_zeros"]

_PHONE = re.compile(r"(?<![\w-])(?:\(\d{3}\)\s?\d{3}-\d{4}|\d{3}-\d{3}-\d{4}|555-\d{4}|911)"
                    r"(?![\w-]|[.,]\d)")
_NAMED_NUMBER = re.compile(
    r"\b(?P<before>Room|Flight|Suite|Apartment|Apt\.|Gate|Platform|Route|Highway|Interstate|"
    r"Boeing|Airbus|Porsche|Peugeot|Locker|Cell|Ward|Bay|Unit|Bus|Train|Track|Studio|Area|"
    r"Apollo|Level|Lot|Pier|Dock|Hangar|Sector|Block|Precinct)\s+(?P<num>[1-9]\d{2,3})\b"
    r"(?![.,]\d)")
_LEADING_ZERO = re.compile(r"(?<![\w.,:/])0\d+(?![\w.,:/]\d)")


def _digits(r: Reader, digits: str) -> str:
    return " ".join("oh" if d == "0" else r.n.cardinal(int(d)) for d in digits)


def phones(r: Reader, text: str) -> str:
    """555-0199, (212) 555-0199, 911: digit by digit, a pause a group."""
    if r.n is None or not r.en:
        return text
    return _PHONE.sub(lambda m: " " + ", ".join(_digits(r, g) for g in re.findall(
        r"\d+", m.group(0))) + " ", text)


def named_numbers(r: Reader, text: str) -> str:
    """Room 237, Flight 815, Boeing 747: "two thirty seven", as such numbers are said."""
    if r.n is None or not r.en:
        return text

    def pairs(m: re.Match) -> str:
        digits = m.group("num")
        head, tail = digits[:-2], int(digits[-2:])
        if tail == 0:
            rest = "hundred"
        elif tail < 10:
            rest = f"oh {r.n.cardinal(tail)}"
        else:
            rest = r.n.cardinal(tail)
        return f"{m.group('before')} {r.n.cardinal(int(head))} {rest}"
    return _NAMED_NUMBER.sub(pairs, text)


def leading_zeros(r: Reader, text: str) -> str:
    """007, 0451: digit by digit, zero as "oh"."""
    if r.n is None or not r.en:
        return text
    return _LEADING_ZERO.sub(lambda m: " " + _digits(r, m.group(0)) + " ", text)
