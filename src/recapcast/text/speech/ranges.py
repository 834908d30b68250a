"""Ranges whose unit or currency is written once: $5-10K, 10-15%, 1-2 p.m., 5-10 €."""

from __future__ import annotations

import re

from recapcast.text.speech.money import CURRENCY_SIGNS, NUM, SCALE, SCALE_WORDS, SIGN
from recapcast.text.speech.reader import Reader

__all__ = ["ranges"]

_BARE_SCALE = r"(?:\s?(?:thousand|million|billion|trillion|mn|bn|[kmb])\b)"
# $5-10K, $5–$10, 5-10 €: one amount, a range of values
_MONEY_RANGE = re.compile(
    rf"(?<![\w$])(?P<cur>{SIGN})\s?(?P<a>{NUM})(?P<s1>{_BARE_SCALE})?\s?[–—-]\s?"
    rf"(?:(?:{SIGN})\s?)?(?P<b>{NUM}){SCALE}?", re.IGNORECASE)
_MONEY_AFTER_RANGE = re.compile(
    rf"(?<![\w.,])(?P<a>{NUM})\s?[–—-]\s?(?P<b>{NUM})\s?(?=[€£¥₹])")
# 10-15%, 70-75°F, 1-2 p.m., 5-10 km: a range whose second number carries the unit
_UNIT_RANGE = re.compile(
    r"(?<![\w.,–-])(?P<a>\d+(?:\.\d+)?)\s?[–—-]\s?(?P<b>\d+(?:\.\d+)?)"
    r"(?=(?P<unit>\s?(?:%|°|per ?cent\b|[ap]\.?\s?m\b|[^\W\d_]{1,4}\b|km/h)))")


def ranges(r: Reader, text: str) -> str:
    """$5-10K is "five to ten thousand dollars", 10-15% "ten to fifteen percent"."""
    if r.n is None or not r.say("to"):
        return text

    def money(m: re.Match) -> str:
        cur, a, b = m.group("cur"), m.group("a"), m.group("b")
        to = r.range_word(m)
        scale = m.group("scale")
        if r.en and not m.group("s1") and "." not in a + b:
            currency = CURRENCY_SIGNS[cur.upper()]
            words = f" {SCALE_WORDS[scale.lower()]}" if scale else ""
            return f"{r.number(a)} {to} {r.number(b)}{words} {r.n.currency_name(currency)}"
        first = m.group("s1") or (scale if not r.en else "") or ""
        return f"{cur}{a}{first} {to} {cur}{b}{scale or ''}"

    def unit(m: re.Match) -> str:
        written = m.group("unit").strip().lower()
        if written[:1].isalpha() and not re.fullmatch(r"[ap]\.?\s?m|per ?cent", written) \
                and written not in r.w.units:
            return m.group(0)
        return f"{m.group('a')} {r.range_word(m)} {m.group('b')}"
    text = _MONEY_RANGE.sub(money, text)
    text = _MONEY_AFTER_RANGE.sub(
        lambda m: f"{m.group('a')} {r.range_word(m)} {m.group('b')} ", text)
    return _UNIT_RANGE.sub(unit, text)
