"""The reader of one show language: its wording, number words and rules, which every kind
of written form (:mod:`recapcast.text.speech`) reads through."""

from __future__ import annotations

import re
from functools import lru_cache

from recapcast.text.speech.languages import language_for
from recapcast.text.wording import Wording, wording_for

__all__ = ["Reader", "reader_for", "word_after", "spelled", "NEXT_WORD"]

NEXT_WORD = re.compile(r"\s+([^\W\d_]+)\b")
_BETWEEN = re.compile(r"\b(?:between|entre|zwischen|tra|tussen)\s+$", re.IGNORECASE)


def word_after(m: re.Match) -> str:
    """The word that follows a match ("" at the end or before a number)."""
    following = NEXT_WORD.match(m.string, m.end())
    return following.group(1) if following else ""


def spelled(letters) -> str:
    """Letters a voice must spell, joined by hyphens: espeak-ng says "A-I" and "a-m" as
    letters but a spaced "A I" as the article and a word ("uh I")."""
    return "-".join(letters)


def _alternation(table: dict[str, str], after: str) -> re.Pattern[str] | None:
    """A pattern matching any key of ``table`` as a whole word, longest first."""
    if not table:
        return None
    keys = "|".join(re.escape(k) for k in sorted(table, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])({keys}){after}")


class Reader:
    """The wording (``w``), number words (``n``, None to keep digits) and rules (``lang``)
    of one show language."""

    def __init__(self, wording: Wording, language: str = ""):
        self.w = wording
        self.n = wording.numbers
        self.en = wording.english
        self.lang = language_for(language or wording.language)
        self.british = language.lower().replace("_", "-") == "en-gb"
        # a capital, also outside ASCII ("Capt. Þórunn"): a letter that is no lowercase one
        self.titles_re = _alternation(wording.titles,
                                      r"(?=\s+(?:[^\W\d_a-zß-ÿ]|\w+\.\s+[^\W\d_a-zß-ÿ]))")
        self.abbreviations_re = _alternation(wording.abbreviations,
                                             r"(?=\s|$|[,;:)!?]|\.(?:\s|$))")

    def say(self, role: str, default: str | None = None) -> str | None:
        """The glue word for ``role`` in the show's language, or ``default``."""
        return self.w.word(role, default)

    def cardinal(self, digits: str) -> str:
        """Digits as a whole number or, for a lone four-digit 1100-2099, as a year."""
        if self.n is None:
            return digits
        n = int(digits.replace(",", ""))
        if "," not in digits and len(digits) == 4 and 1100 <= n <= 2099:
            return self.n.year(n)
        return self.n.cardinal(n)

    def number(self, digits: str) -> str:
        """A whole or decimal number (``2.5``; grouping commas allowed)."""
        if self.n is None:
            return digits
        digits = digits.replace(",", "")
        return self.n.decimal(digits) if "." in digits else self.n.cardinal(int(digits))

    def ordinal(self, n: int) -> str:
        return str(n) if self.n is None else self.n.ordinal(n)

    def range_word(self, m: re.Match) -> str:
        """"to" between a range's two ends, or "and" after "between" (entre, zwischen)."""
        if _BETWEEN.search(m.string[:m.start()]):
            return self.say("and", "and")
        return self.say("to", "to")


@lru_cache(maxsize=16)
def reader_for(language: str) -> Reader:
    """The reader of a show language code (``en-us``, ``es``, ``pt-BR``)."""
    return Reader(wording_for(language), language)
