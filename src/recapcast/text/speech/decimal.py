"""Decimal numbers (7.5, 2,5 in languages with a decimal comma) and version numbers (1.2.3)."""

from __future__ import annotations

import re

from recapcast.text.speech.reader import Reader

__all__ = ["versions", "decimals"]

# "7.5." at a sentence's end is a decimal too
_DECIMAL = re.compile(r"(?<![\d.])(?P<num>\d[\d,]*\.\d+)(?!\d|\.\d)")
_DOTTED_NUMBER = re.compile(r"(?<![\d.])\d{1,3}(?:\.\d{1,3}){2,3}(?!\d|\.\d)")


def versions(r: Reader, text: str) -> str:
    """Version 1.2.3: one point two point three (eins Punkt zwei Punkt drei)."""
    dot = "point" if r.en else r.say("dot")
    if r.n is None or not dot:
        return text
    return _DOTTED_NUMBER.sub(lambda m: " " + f" {dot} ".join(
        r.n.cardinal(int(x)) for x in m.group(0).split(".")) + " ", text)


def decimals(r: Reader, text: str) -> str:
    """2.5 -> two point five (dos coma cinco): the digits after the mark one by one."""
    if r.n is None:
        return text
    return _DECIMAL.sub(lambda m: f" {r.number(m.group('num'))} ", text)
