"""Portuguese: its words around numbers, feminine hours ("vinte e duas horas") and dates
with "de"."""

from __future__ import annotations

import re

from recapcast.text.speech.languages.base import Language, Reader, regnal_to_ten

WORDING = dict(
    words={
        "percent": "por cento", "to": "a", "and": "e", "plus": "mais", "equals": "igual a",
        "minus": "menos", "number": "número", "versus": "contra", "about": "cerca de",
        "season": "temporada", "episode": "episódio", "episodes": "episódios",
        "page": "página", "pages": "páginas", "out of": "de", "dot": "ponto", "at": "arroba",
        "of": "de", "the": "", "hours": "horas", "minutes": "minutos", "seconds": "segundos",
        "hour": "hora", "minute": "minuto", "second": "segundo", "hashtag": "",
        "in the words of": "Nas palavras de",
        "thanks for listening to": "Obrigado por ouvir",
    },
    abbreviations={"Dr.": "doutor", "Dra.": "doutora", "Sr.": "senhor", "Sra.": "senhora",
                   "Srta.": "senhorita", "Prof.": "professor", "Profa.": "professora",
                   "etc.": "etcétera", "nº": "número", "n.º": "número", "pág.": "página",
                   "Av.": "avenida"},
    month_names=tuple("janeiro fevereiro março abril maio junho julho agosto setembro outubro "
                      "novembro dezembro".split()),
    units={"km": ("quilômetro", "quilômetros"), "m": ("metro", "metros"),
           "kg": ("quilo", "quilos"), "km/h": ("quilômetro por hora", "quilômetros por hora"),
           "min": ("minuto", "minutos"), "h": ("hora", "horas"),
           "°c": ("grau", "graus"), "°": ("grau", "graus")},
    fractions={2: ("meio", "meios"), 3: ("terço", "terços"), 4: ("quarto", "quartos")},
)


def clock(r: Reader, hour: int, minute: int, *, hours: bool = False,
          ampm: str | None = None, end: str = "") -> str:
    """22h -> vinte e duas horas; 1h -> uma hora; 9:30 -> nove e trinta."""
    # Hours are feminine (uma, duas, vinte e duas horas).
    h = re.sub(r"\bum$", "uma", re.sub(r"\bdois$", "duas", r.n.cardinal(hour)))
    if minute == 0:
        return f"{h} hora{'s' if hour > 1 else ''}"
    return f"{h} e {r.n.cardinal(minute)}"


def date(r: Reader, day: int, month: int, year: int | None, before: str,
         iso: bool = False) -> str:
    """15/10/2023 -> quinze de outubro de dois mil e vinte e três."""
    spoken = f"{r.n.cardinal(day)} de {r.w.month_names[month - 1]}"
    return spoken if year is None else f"{spoken} de {r.n.year(year)}"


LANGUAGE = Language(code="pt", wording=WORDING, clock=clock, date=date, regnal=regnal_to_ten,
                    hour_marks=("h",),
                    degree_ordinal=True, clock_before=r"(?i:às|das|até às|pelas|entre as)",
                    clock_after=r"h\b|horas\b")
