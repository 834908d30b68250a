"""Numbers in words in the show's language, through num2words (the one module that imports it)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from num2words import CONVERTER_CLASSES, num2words

__all__ = ["NumberWords", "number_words_for"]

# num2words names a few currencies in a way a narrator would not ("pounds sterling"), or not
# at all for some languages; these fill the gaps for the symbols recaps use.
_UNITS = {
    "en": {"GBP": ("pound", "pounds"), "EUR": ("euro", "euros"), "JPY": ("yen", "yen"),
           "INR": ("rupee", "rupees"), "KRW": ("won", "won"), "RUB": ("ruble", "rubles")},
    "fr": {"JPY": ("yen", "yens"), "INR": ("roupie", "roupies")},
    "de": {"JPY": ("Yen", "Yen"), "INR": ("Rupie", "Rupien")},
    "it": {"JPY": ("yen", "yen"), "INR": ("rupia", "rupie")},
    "pt": {"JPY": ("iene", "ienes"), "INR": ("rupia", "rupias"), "BRL": ("real", "reais")},
    "nl": {"JPY": ("yen", "yen"), "INR": ("roepie", "roepies")},
}
_CENTS = {"pt": {"BRL": ("centavo", "centavos")}}
# What joins the cents to the whole amount, where num2words does not say it.
_AND = {"es": "con", "fr": "et", "de": "und", "it": "e", "pt": "e", "nl": "en"}
# A round million is "de" (d', di) what it counts: dos millones de euros, deux millions d'euros.
_MILLIONS_OF = {
    "es": (r"mill(?:ón|ones)|bill(?:ón|ones)", "de "), "pt": (r"milh(?:ão|ões)|bilh(?:ão|ões)",
                                                          "de "),
    "fr": (r"millions?|milliards?", "de "), "it": (r"milion[ei]|miliard[oi]", "di "),
}
# num2words reads 2.5 as "dos punto cinco"; where the decimal mark is a comma a narrator
# says the comma ("dos coma cinco").
_DECIMAL_MARK = {"es": "coma", "fr": "virgule", "de": "Komma", "it": "virgola",
                 "pt": "vírgula", "nl": "komma"}
_CUT = " \ue0ff"
"""A separator no text holds: what num2words says after it is the cents, when there are none."""


@dataclass(frozen=True)
class NumberWords:
    """How numbers are said in one language."""

    lang: str
    """num2words' language code (``en``, ``es``, ``pt_BR``)."""
    plain_and: bool = False
    """US English: "one hundred five", not "one hundred and five"."""

    def _say(self, value, **kwargs) -> str:
        words = num2words(value, lang=self.lang, **kwargs)
        # Hyphens and commas are writing, not speech ("forty-two", "one thousand, five").
        words = words.replace("-", " ").replace(",", "")
        if self.plain_and:
            words = " ".join(w for w in words.split() if w != "and")
        return " ".join(words.split())

    def cardinal(self, n: int) -> str:
        """12 -> twelve (doce, douze, zwölf)."""
        return self._say(n)

    def ordinal(self, n: int) -> str:
        """21 -> twenty first."""
        try:
            return self._say(n, to="ordinal")
        except NotImplementedError:
            return self.cardinal(n)

    def year(self, n: int) -> str:
        """1962 -> nineteen sixty two; 2005 -> two thousand five."""
        try:
            return self._say(n, to="year")
        except NotImplementedError:
            return self.cardinal(n)

    def decimal(self, digits: str) -> str:
        """``2.5`` -> two point five; the digits after the point are read one by one."""
        whole, _, frac = digits.partition(".")
        if not frac:
            return self.cardinal(int(whole))
        mark = _DECIMAL_MARK.get(self.lang.split("_")[0])
        if mark is None:
            point = self._say(1.5).split()
            # num2words reads 1.5 as "one point five": the middle word is the language's point.
            mark = " ".join(point[len(self.cardinal(1).split()):-len(self.cardinal(5).split())])
        return " ".join([self.cardinal(int(whole)), mark] + [self.cardinal(int(d)) for d in frac])

    def money(self, amount: Decimal, currency: str) -> str:
        """Decimal("12.50"), "USD" -> twelve dollars and fifty cents."""
        words = self._money(amount, currency)
        of = _MILLIONS_OF.get(self.lang.split("_")[0])
        if of:
            name = self.currency_name(currency)
            # French elides before a vowel: deux millions d'euros
            word = "d'" if self.lang.startswith("fr") and name[:1] in "aeiouéAEIOU" else of[1]
            words = re.sub(rf"\b({of[0]}) (?={re.escape(name)}\b)", rf"\1 {word}", words)
        return words

    def _money(self, amount: Decimal, currency: str) -> str:
        whole = int(amount)
        cents = int((amount - whole) * 100)
        english = self.lang.startswith("en")
        if not whole and cents and self.cent_name(currency, cents):
            # $0.99: ninety nine cents, not "zero dollars and ninety nine cents"
            return f"{self.cardinal(cents)} {self.cent_name(currency, cents)}"
        if english and currency == "GBP" and whole and cents:
            # £12.99: "twelve pounds ninety nine", as a price in pounds is said
            return f"{self.cardinal(whole)} {self.currency_name(currency, whole)} " \
                   f"{self.cardinal(cents)}"
        if self._own_unit(currency) is None:
            kwargs = {"separator": " and"} if english and cents else {}
            try:
                words = num2words(float(amount), lang=self.lang, to="currency",
                                  currency=currency, **(kwargs if cents else {"separator": _CUT}))
            except (NotImplementedError, TypeError):
                pass  # pt_BR's converter takes no currency: its words are built below
            else:
                return self._tidy(words.split(_CUT)[0], keep_last_and=bool(cents))
        words = f"{self.cardinal(whole)} {self.currency_name(currency, whole)}"
        if cents:
            joiner = _AND.get(self.lang.split("_")[0], "and")
            words += f" {joiner} {self.cardinal(cents)} {self.cent_name(currency, cents) or ''}"
        return words.strip()

    def cent_name(self, currency: str, cents: int) -> str | None:
        """The hundredth of a currency (cents, pence, céntimos); None if unknown."""
        if self.lang.startswith("en"):
            if currency == "GBP":
                return "penny" if cents == 1 else "pence"
            return "cent" if cents == 1 else "cents"
        forms = _CENTS.get(self.lang.split("_")[0], {}).get(currency) or self._forms(currency, 1)
        if forms is None:
            return None
        return forms[0] if cents == 1 else forms[-1]

    def _forms(self, currency: str, which: int) -> tuple[str, str] | None:
        """num2words' names of a currency (0) or its hundredth (1), in the language or, for
        a regional variant such as pt_BR, in the language it varies."""
        for code in dict.fromkeys((self.lang, self.lang.split("_")[0])):
            converter = CONVERTER_CLASSES.get(code)
            try:
                return converter.CURRENCY_FORMS[currency][which]
            except (AttributeError, KeyError):
                continue
        return None

    def currency_name(self, currency: str, count: int = 2) -> str:
        """USD -> dollars (count 1: dollar); the ISO code itself when the language has none."""
        forms = self._own_unit(currency) or self._forms(currency, 0)
        if forms is None:
            return currency
        return forms[0] if count == 1 else forms[-1]

    def _own_unit(self, currency: str) -> tuple[str, str] | None:
        return _UNITS.get(self.lang.split("_")[0], {}).get(currency)

    def _tidy(self, words: str, keep_last_and: bool) -> str:
        words = words.replace("-", " ").replace(",", "")
        if self.plain_and:
            head, sep, tail = words.rpartition(" and ") if keep_last_and else ("", "", words)
            words = " ".join(w for w in (head or tail).split() if w != "and")
            if head:
                words += f" and {tail}"
        return " ".join(words.split())


@lru_cache(maxsize=16)
def number_words_for(language: str) -> NumberWords | None:
    """The number words of a show language (``en-us``, ``es``, ``pt-BR``); None if unknown.

    With None, digits stay digits: the voice reads them in its own language, which is better
    than English words in a show that is not in English.
    """
    lang, _, region = language.replace("_", "-").partition("-")
    lang = lang.lower()
    for code in (f"{lang}_{region.upper()}", lang):
        if code in CONVERTER_CLASSES:
            return NumberWords(code, plain_and=(lang == "en" and region.lower() != "gb"))
    return None
