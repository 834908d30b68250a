"""German: its words around numbers, "Uhr" on the clock, ordinal days in their case ("am
vierzehnten November"), "die 3. Folge" and dotted dates (14.11.2026)."""

from __future__ import annotations

import re

from recapcast.text.speech.languages.base import Language, Reader

WORDING = dict(
    words={
        "percent": "Prozent", "to": "bis", "and": "und", "plus": "plus", "equals": "gleich",
        "minus": "minus", "number": "Nummer", "versus": "gegen", "about": "etwa",
        "season": "Staffel", "episode": "Folge", "episodes": "Folgen", "page": "Seite",
        "pages": "Seiten", "out of": "von", "dot": "Punkt", "at": "at", "of": "von",
        "the": "", "hours": "Stunden", "minutes": "Minuten", "seconds": "Sekunden",
        "hour": "Stunde", "minute": "Minute", "second": "Sekunde", "o'clock": "Uhr",
        "hashtag": "",
        "in the words of": "Mit den Worten von",
        "thanks for listening to": "Danke fürs Zuhören bei",
    },
    month_names=tuple("Januar Februar März April Mai Juni Juli August September Oktober "
                      "November Dezember".split()),
    titles={"Hr.": "Herr", "Fr.": "Frau", "Frl.": "Fräulein", "Hrn.": "Herrn"},
    abbreviations={"Dr.": "Doktor", "Prof.": "Professor",
                   "usw.": "und so weiter", "z.B.": "zum Beispiel", "ca.": "circa",
                   "z. B.": "zum Beispiel", "u. a.": "unter anderem", "u.a.": "unter anderem",
                   "d. h.": "das heißt", "d.h.": "das heißt", "z. T.": "zum Teil",
                   "u. U.": "unter Umständen", "v. a.": "vor allem", "o. Ä.": "oder Ähnliches",
                   "Mio.": "Millionen", "Mrd.": "Milliarden", "Tsd.": "Tausend",
                   "bspw.": "beispielsweise", "evtl.": "eventuell", "inkl.": "inklusive",
                   "S.": "Seite", "Nr.": "Nummer", "bzw.": "beziehungsweise"},
    units={"km": ("Kilometer", "Kilometer"), "m": ("Meter", "Meter"),
           "kg": ("Kilo", "Kilo"), "km/h": ("Stundenkilometer", "Stundenkilometer"),
           "min": ("Minute", "Minuten"), "h": ("Stunde", "Stunden"),
           "°c": ("Grad Celsius", "Grad Celsius"), "°": ("Grad", "Grad")},
    fractions={2: ("halb", "halbe"), 4: ("Viertel", "Viertel")},
)

# "die 3. Folge", "am 3. Oktober": an ordinal is the number and a full stop before a noun.
_ORDINAL = re.compile(r"(?<![\d.,])(?P<num>\d{1,3})\.(?=\s+[A-ZÄÖÜ][a-zäöüß])")
# Where an ordinal ends in -n: after "am", "vom", "in der" (dative), "den", "bis", "ab"
# (accusative): am dritten Oktober, bis fünften Oktober.
DATIVE = re.compile(r"\b(?:am|im|vom|zum|zur|beim|dem|den|des|bis|ab|seit|(?:in|an|aus|bei|mit|"
                    r"nach|von|zu|seit|auf|unter|vor) der)\s+$", re.IGNORECASE)


def clock(r: Reader, hour: int, minute: int, *, hours: bool = False,
          ampm: str | None = None, end: str = "") -> str:
    """9:30 Uhr -> neun Uhr dreißig; 1 Uhr -> ein Uhr."""
    h = re.sub(r"eins$", "ein", r.n.cardinal(hour))
    return f"{h} Uhr" + (f" {r.n.cardinal(minute)}" if minute else "")


def date(r: Reader, day: int, month: int, year: int | None, before: str,
         iso: bool = False) -> str:
    """Am 14.11.2026 -> am vierzehnten November zweitausendsechsundzwanzig; am 1.5. -> am
    ersten Mai (after "am", "vom", "in der": the dative)."""
    spoken = day_then_month(r, day, r.w.month_names[month - 1], before)
    return spoken if year is None else f"{spoken} {r.n.year(year)}"


def day_then_month(r: Reader, day: int, month: str, before: str) -> str:
    """3 Oktober -> dritte Oktober; am 3 Oktober -> am dritten Oktober."""
    ending = "n" if DATIVE.search(before) else ""
    return f"{r.n.ordinal(day)}{ending} {month}"


def _ordinal(r: Reader, m: re.Match) -> str:
    # "die 3. Folge": die dritte Folge; after "am", "im", "in der": the dative, dritten.
    words = r.n.ordinal(int(m.group("num")))
    return words + ("n" if DATIVE.search(m.string[:m.start()]) else "")


def ordinals(r: Reader, text: str) -> str:
    return _ORDINAL.sub(lambda m: _ordinal(r, m), text)


def regnal(r: Reader, before: str, value: int) -> str:
    """Ludwig XIV -> Ludwig der Vierzehnte."""
    return f"{before} der {r.n.ordinal(value).capitalize()}"


LANGUAGE = Language(code="de", wording=WORDING, clock=clock, date=date,
                    day_then_month=day_then_month, ordinals=ordinals, regnal=regnal,
                    dotted_dates=True,
                    clock_before=r"(?i:um|ab|bis|gegen|seit|von)",
                    clock_after=r"Uhr\b|h\b", hour_marks=("uhr",))
