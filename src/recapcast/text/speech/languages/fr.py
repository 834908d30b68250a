"""French: its words around numbers, "heures" on the clock, "premier" for the first day and
"1er", ordinal Roman numerals ("XIXe siècle") and kings with cardinals (Louis quatorze)."""

from __future__ import annotations

import re

from recapcast.text.speech.languages.base import ROMAN_VALID, Language, Reader, roman_value

WORDING = dict(
    words={
        "percent": "pour cent", "to": "à", "and": "et", "plus": "plus", "equals": "égale",
        "minus": "moins", "number": "numéro", "versus": "contre", "about": "environ",
        "season": "saison", "episode": "épisode", "episodes": "épisodes", "page": "page",
        "pages": "pages", "out of": "sur", "dot": "point", "at": "arobase", "of": "de",
        "the": "", "hours": "heures", "minutes": "minutes", "seconds": "secondes",
        "hour": "heure", "minute": "minute", "second": "seconde", "hashtag": "",
        "in the words of": "Pour citer",
        "thanks for listening to": "Merci d'avoir écouté",
    },
    month_names=tuple("janvier février mars avril mai juin juillet août septembre octobre "
                      "novembre décembre".split()),
    abbreviations={"M.": "monsieur", "Mme": "madame", "Mlle": "mademoiselle",
                   "MM.": "messieurs", "Mmes": "mesdames", "Mlles": "mesdemoiselles",
                   "Mgr": "monseigneur",
                   "Dr": "docteur", "etc.": "et cetera", "env.": "environ", "p.": "page",
                   "M€": "millions d'euros", "Md€": "milliards d'euros"},
    units={"km": ("kilomètre", "kilomètres"), "m": ("mètre", "mètres"),
           "kg": ("kilo", "kilos"), "km/h": ("kilomètre heure", "kilomètres heure"),
           "min": ("minute", "minutes"), "h": ("heure", "heures"),
           "°c": ("degré Celsius", "degrés Celsius"), "°": ("degré", "degrés")},
    fractions={2: ("demi", "demis"), 3: ("tiers", "tiers"), 4: ("quart", "quarts")},
)

_ORDINAL = re.compile(r"\b(?P<num>\d{1,4})(?P<mark>ère|ème|er|re|e|ᵉ|ᵉʳ)(?!\w)")
_ROMAN_ORDINAL = re.compile(r"\b(?P<roman>[IVX]{1,6})(?:e|ème|er|ᵉ)\b")


def clock(r: Reader, hour: int, minute: int, *, hours: bool = False,
          ampm: str | None = None, end: str = "") -> str:
    """21h30 -> vingt et une heures trente; 1h -> une heure (l'heure est féminine)."""
    h = re.sub(r"\bun$", "une", r.n.cardinal(hour))
    return f"{h} heure{'s' if hour > 1 else ''}" + (
        f" {r.n.cardinal(minute)}" if minute else "")


def _day(r: Reader, day: int) -> str:
    return "premier" if day == 1 else r.n.cardinal(day)


def date(r: Reader, day: int, month: int, year: int | None, before: str,
         iso: bool = False) -> str:
    """01/11/2026 -> premier novembre deux mille vingt six."""
    spoken = f"{_day(r, day)} {r.w.month_names[month - 1]}"
    return spoken if year is None else f"{spoken} {r.n.year(year)}"


def day_then_month(r: Reader, day: int, month: str, before: str) -> str:
    """1 mai -> premier mai."""
    return f"{_day(r, day)} {month}"


def _ordinal(r: Reader, m: re.Match) -> str:
    n = int(m.group("num"))
    if n == 1:
        return "première" if m.group("mark") in ("re", "ère") else "premier"
    return r.n.ordinal(n)


def ordinals(r: Reader, text: str) -> str:
    """1er, 1re, 3e, 2ème: premier, première, troisième, deuxième."""
    return _ORDINAL.sub(lambda m: _ordinal(r, m), text)


def roman_ordinals(r: Reader, text: str) -> str:
    """"XIXe siècle": le dix-neuvième siècle; "François Ier": premier."""
    return _ROMAN_ORDINAL.sub(
        lambda m: ("premier" if roman_value(m.group("roman")) == 1 else
                   r.n.ordinal(roman_value(m.group("roman"))))
        if ROMAN_VALID.match(m.group("roman")) else m.group(0), text)


def regnal(r: Reader, before: str, value: int) -> str:
    """Louis XIV: Louis quatorze."""
    return f"{before} {r.n.cardinal(value)}"


LANGUAGE = Language(code="fr", wording=WORDING, clock=clock, date=date,
                    day_then_month=day_then_month, ordinals=ordinals,
                    roman_ordinals=roman_ordinals, regnal=regnal,
                    clock_before=r"(?i:à|vers|dès)", clock_after=r"h\b",
                    hour_marks=("h",))
