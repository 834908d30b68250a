"""Fractions (½, 3/4 of a mile, 2 1/2 hours), scores out of a total (9/10, 26/30) and pairs
said as such (24/7, 9/11, 50/50); a slash that is a date goes to :mod:`.date`."""

from __future__ import annotations

import re

from recapcast.text.speech.date import day_and_month, month_and_day
from recapcast.text.speech.reader import Reader

__all__ = ["fractions"]

_FRACTION_CHARS = {"½": (1, 2), "⅓": (1, 3), "⅔": (2, 3), "¼": (1, 4), "¾": (3, 4),
                   "⅕": (1, 5), "⅛": (1, 8), "⅜": (3, 8), "⅝": (5, 8), "⅞": (7, 8)}
_FRACTION_CHAR = re.compile(r"(?:(?P<whole>\d+)\s?)?(?P<f>[" + "".join(_FRACTION_CHARS) + "])")
_SLASH = re.compile(r"(?<![\w/.])(?:(?P<whole>\d+)\s)?(?P<a>\d+(?:\.\d+)?)/(?P<b>\d+)(?![\w/])"
                    r"(?P<after>\s+(?P<next>[^\W\d_][\w'’-]*))?")
_FRACTION_OF = {"del", "de", "des", "du", "dei", "degli", "della", "delle", "do", "da", "dos",
                "das", "der", "von"}
_RATING_DENOMINATORS = {5, 10, 20, 100}
_FRACTION_DENOMINATORS = {2, 3, 4, 5, 6, 8, 10, 12, 16}
# "one" as the numerator of a fraction, where the counting word differs: un medio, ein halb
_ONE_BEFORE_A_NOUN = {"uno": "un", "eins": "ein"}
_RATING_WORDS = {"stars", "star", "points", "point", "rating", "score"}


def fractions(r: Reader, text: str) -> str:
    """½ cup -> half a cup; 3/4 -> three quarters; 4/5 stars -> four out of five stars."""
    if r.n is None:
        return text

    def char(m: re.Match) -> str:
        a, b = _FRACTION_CHARS[m.group("f")]
        # "½ cup": what follows decides "half a cup" (as for 1/2 cup)
        after = re.match(r"\s+[^\W\d_][\w'’-]*", m.string[m.end():])
        spoken = _fraction(r, m.group("whole"), a, b, after.group(0) if after else "")
        return spoken[:len(spoken) - len(after.group(0))] if after else spoken

    def slash(m: re.Match) -> str:
        a, b = m.group("a"), int(m.group("b"))
        after, nxt = m.group("after") or "", (m.group("next") or "").lower()
        before = m.string[:m.start()]
        if r.en and not m.group("whole") and nxt not in _RATING_WORDS:
            if a == str(b) and b in (20, 50):  # 50/50, 20/20 vision
                return f"{r.n.cardinal(b)}-{r.n.cardinal(b)}{after}"
            date = month_and_day(r, a, b, before)
            if date:
                return date + after
        if not r.en and not m.group("whole") and nxt not in _RATING_WORDS and (
                nxt not in _FRACTION_OF):  # "el 3/4 del público" is three quarters
            date = day_and_month(r, a, m.group("b"), before)
            if date:
                return date + after
        out_of = r.say("out of")
        proper = "." not in a and 0 < int(a) < b and b in _FRACTION_DENOMINATORS
        # A score out of a round total (26/30, 41/50); 9/11 and 24/7 are not.
        total = b >= 15 and b % 5 == 0 and float(a) <= b
        if ((b in _RATING_DENOMINATORS or total) and out_of and not m.group("whole")
                and float(a) <= b and (nxt in _RATING_WORDS or not proper
                                       or b in (5, 10) and nxt != "of")):
            return f"{r.number(a)} {out_of} {r.n.cardinal(b)}{after}"
        if not proper:
            # 24/7, 9/11: two numbers, said one after the other.
            return f"{r.number(a)} {r.n.cardinal(b)}{after}"
        return _fraction(r, m.group("whole"), int(a), b, after)
    text = _FRACTION_CHAR.sub(char, text)
    return _SLASH.sub(slash, text)


def _fraction(r: Reader, whole: str | None, a: int, b: int, after: str) -> str:
    names = r.w.fractions.get(b)
    if names:
        denominator = names[0] if a == 1 else names[1]
    elif r.en:
        denominator = r.n.ordinal(b) + ("s" if a != 1 else "")
    else:
        denominator = r.n.ordinal(b)
    if r.en and b == 2 and a == 1:
        if whole:
            return f"{r.n.cardinal(int(whole))} and a half{after}"
        nxt = after.strip().lower()
        if nxt in ("of", "a", "an", "the", ""):
            return f"half{after}"
        article = "an" if nxt[:1] in "aeiou" or nxt.startswith("hour") else "a"
        return f"half {article}{after}"
    numerator = r.n.cardinal(a)
    spoken = f"{_ONE_BEFORE_A_NOUN.get(numerator, numerator)} {denominator}"
    if whole:
        spoken = f"{r.n.cardinal(int(whole))} {r.say('and', '')} {spoken}"
    return spoken + after
