"""Italian: its words around numbers ("per cento", "virgola"), the clock ("alle ventuno e
trenta", written 21:30 or 21.30); dates as :mod:`.base` says them ("il dieci febbraio")."""

from __future__ import annotations

from recapcast.text.speech.languages.base import Language, Reader

WORDING = dict(
    words={
        "percent": "per cento", "to": "a", "and": "e", "plus": "più", "equals": "uguale a",
        "minus": "meno", "number": "numero", "versus": "contro", "about": "circa",
        "season": "stagione", "episode": "episodio", "episodes": "episodi", "page": "pagina",
        "pages": "pagine", "out of": "su", "dot": "punto", "at": "chiocciola", "of": "di",
        "the": "", "hours": "ore", "minutes": "minuti", "seconds": "secondi", "hour": "ora",
        "minute": "minuto", "second": "secondo", "hashtag": "",
        "in the words of": "Con le parole di",
        "thanks for listening to": "Grazie per aver ascoltato",
    },
    abbreviations={"dott.": "dottor", "Dott.": "dottor", "dott.ssa": "dottoressa",
                   "Dott.ssa": "dottoressa", "sig.": "signor", "Sig.": "signor",
                   "sig.ra": "signora", "Sig.ra": "signora", "prof.": "professor",
                   "Prof.": "professor", "ecc.": "eccetera", "n.": "numero", "avv.": "avvocato",
                   "Avv.": "avvocato", "ing.": "ingegner", "Ing.": "ingegner"},
    month_names=tuple("gennaio febbraio marzo aprile maggio giugno luglio agosto settembre "
                      "ottobre novembre dicembre".split()),
    units={"km": ("chilometro", "chilometri"), "m": ("metro", "metri"),
           "kg": ("chilo", "chili"), "km/h": ("chilometro orario", "chilometri orari"),
           "min": ("minuto", "minuti"), "h": ("ora", "ore"),
           "°c": ("grado", "gradi"), "°": ("grado", "gradi")},
    fractions={2: ("mezzo", "mezzi"), 3: ("terzo", "terzi"), 4: ("quarto", "quarti")},
)



def clock(r: Reader, hour: int, minute: int, *, hours: bool = False,
          ampm: str | None = None, end: str = "") -> str:
    """alle 21:30 -> alle ventuno e trenta; all'1 -> una."""
    h = "una" if hour == 1 else r.n.cardinal(hour)
    return h + (f" e {r.n.cardinal(minute)}" if minute else "")


LANGUAGE = Language(code="it", wording=WORDING, clock=clock, degree_ordinal=True,
                    clock_before=r"(?i:alle|dalle|le|ore|verso le|entro le|fino alle|tra le)",
                    clock_after=r"h\b")
