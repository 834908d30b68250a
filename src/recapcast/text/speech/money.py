"""Money ($2.4 million, €12,50, 20 €), counts with a scale letter (2.1M viewers) and times
("3x more")."""

from __future__ import annotations

import re
from decimal import Decimal

from recapcast.text.speech.reader import Reader

__all__ = ["money", "indian", "CURRENCY_SIGNS", "SCALE_WORDS", "SIGN", "NUM", "SCALE"]

# Not the comma after it: "$9,500, to someone". Indian grouping first: ₹1,50,000.
NUM = r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d+(?:,\d{3})*(?:\.\d+)?"
CURRENCY_SIGNS = {"$": "USD", "US$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR",
                  "₩": "KRW", "₽": "RUB", "C$": "CAD", "A$": "AUD", "R$": "BRL", "RS.": "INR",
                  "RS": "INR"}
SIGN = "|".join(re.escape(s) for s in sorted(CURRENCY_SIGNS, key=len, reverse=True))
SCALE = r"(?:\s?(?P<scale>thousand|million|billion|trillion|lakhs?|crores?|mn|bn|[kmb])\b)"
_MONEY = re.compile(rf"(?P<neg>(?<![\w-])[-−])?(?<![\w$])(?P<cur>{SIGN})\s?(?P<num>{NUM})"
                    rf"{SCALE}?", re.IGNORECASE)
_MONEY_AFTER = re.compile(rf"(?<![\w.,])(?P<num>{NUM})\s?(?P<cur>[€£¥₹])")
_COUNT_SCALE = re.compile(r"(?<![\w.,])(?P<num>\d+(?:\.\d+)?)(?P<scale>K|M|B|bn|mn)"
                          r"(?=\s+(?:viewers|views|followers|subscribers|streams|votes|people|"
                          r"fans|users|downloads|plays|likes|listeners|copies|households|"
                          r"hours|minutes|tickets|signatures|comments|retweets|shares)\b)")
# "3x more", "2.3x leveraged", "grew 3x.": times (not 4x4, not 3x02, an episode code)
_TIMES = re.compile(r"(?<![\w.,])(?P<num>\d+(?:\.\d+)?)x(?=\s+[a-z]|[.,;!?]|$)")
SCALE_WORDS = {"k": "thousand", "m": "million", "mn": "million", "bn": "billion",
               "b": "billion", "thousand": "thousand", "million": "million",
               "billion": "billion", "trillion": "trillion", "lakh": "lakh", "lakhs": "lakh",
               "crore": "crore", "crores": "crore"}
_SCALE_VALUES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
                 "lakh": 10**5, "crore": 10**7}
# "2 millions €", "3 Millionen €": a scale word of the language between amount and sign
_WORD_SCALES = {"million": 10**6, "millions": 10**6, "millón": 10**6, "millones": 10**6,
                "milhão": 10**6, "milhões": 10**6, "milione": 10**6, "milioni": 10**6,
                "Million": 10**6, "Millionen": 10**6, "milliard": 10**9, "milliards": 10**9,
                "Milliarde": 10**9, "Milliarden": 10**9, "miliardo": 10**9, "miliardi": 10**9}
_MONEY_AFTER_SCALE = re.compile(rf"(?<![\w.,])(?P<num>{NUM})\s(?P<scale>"
                                rf"{'|'.join(sorted(_WORD_SCALES, key=len, reverse=True))})"
                                rf"\s?(?P<cur>[€£¥₹])")
# ₹1,50,000: grouped in twos above a thousand, as India writes lakhs and crores
_INDIAN = re.compile(r"\d{1,2}(?:,\d{2})+,\d{3}")


def money(r: Reader, text: str) -> str:
    """$12.50 -> twelve dollars and fifty cents; $1.2M -> one point two million dollars."""
    if r.n is None:
        return text

    def amount(m: re.Match) -> str:
        if m.groupdict().get("neg"):
            return f"{r.say('minus', '-')} {amount_words(m)}"
        return amount_words(m)

    def amount_words(m: re.Match) -> str:
        currency = CURRENCY_SIGNS[m.group("cur").upper()]
        digits = m.group("num").replace(",", "")
        scale = m.groupdict().get("scale")
        if scale:
            scale = SCALE_WORDS[scale.lower()]
            if r.en:
                return f"{r.number(digits)} {scale} {r.n.currency_name(currency)}"
            value = Decimal(digits) * _SCALE_VALUES[scale]
            return r.n.money(value.quantize(Decimal(1)), currency)
        if r.en and _INDIAN.fullmatch(m.group("num")):
            return f"{indian(r, int(digits))} {r.n.currency_name(currency)}"
        return r.n.money(Decimal(digits), currency)
    text = _MONEY.sub(amount, text)
    if not r.en:
        text = _MONEY_AFTER_SCALE.sub(lambda m: r.n.money(
            (Decimal(m.group("num").replace(",", "")) * _WORD_SCALES[m.group("scale")])
            .quantize(Decimal(1)), CURRENCY_SIGNS[m.group("cur")]), text)
    text = _MONEY_AFTER.sub(amount, text)
    if r.en:
        # 2.1M viewers, 500K views: a count with its scale letter
        text = _COUNT_SCALE.sub(lambda m: f"{r.number(m.group('num'))} "
                                          f"{SCALE_WORDS[m.group('scale').lower()]}", text)
        # 3x more, 1.5x speed: times
        text = _TIMES.sub(lambda m: f"{r.number(m.group('num'))} times", text)
    return text


def indian(r: Reader, n: int) -> str:
    """2,50,00,000 -> two crore fifty lakh: a number India writes in lakhs and crores."""
    crore, rest = divmod(n, 10**7)
    lakh, rest = divmod(rest, 10**5)
    parts = [f"{r.n.cardinal(crore)} crore"] if crore else []
    parts += [f"{r.n.cardinal(lakh)} lakh"] if lakh else []
    return " ".join(parts + ([r.n.cardinal(rest)] if rest or not parts else []))
