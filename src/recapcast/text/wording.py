"""The words a narrator puts around numbers and symbols, per show language.

Number words come from :mod:`recapcast.text.numbers`; this module holds the rest: what "%"
or "vs." or "S3E4" or "km" is called in the show's language. A language without a table
here keeps such symbols for the voice, which reads them in its own language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from recapcast.text.numbers import NumberWords, number_words_for

__all__ = ["Wording", "wording_for"]


# Monarchs and popes in several languages: a Roman numeral after one is an ordinal.
REGNAL_NAMES = frozenset((
    "Henry Edward George Louis Charles Elizabeth Richard James William Mary John Philip "
    "Pius Benedict Leo Gregory Innocent Clement Frederick Peter Catherine Ramesses "
    "Alexander Napoleon Alfonso Ferdinand Isabella Victor Felipe Juan Carlos Gustav "
    "Constantine Nicholas Ivan Paul Francis Urban Boniface Sixtus Rudolf Otto Wilhelm "
    "Friedrich Ludwig Christian Haakon Olav Harald Margaret Anne David Malcolm Robert "
    "Ptolemy Cleopatra Amenhotep Thutmose Darius Xerxes Antiochus Herod Mehmed Selim "
    "Suleiman Murad Stephen Vladimir Sigismund Casimir Stanislaus Wenceslas Matthias "
    "Enrique Isabel Fernando Luis Jaime Juana Guillaume Henri Jean Heinrich Karl Johann "
    "Enrico Carlo Luigi Giovanni Pedro Manuel João Afonso").split())


@dataclass(frozen=True)
class Wording:
    """How one language says what recaps write as symbols and abbreviations."""

    language: str
    """The language code of the table (``en``, ``es``)."""
    numbers: NumberWords | None
    """Number words; None keeps digits for the voice."""
    words: dict[str, str] = field(default_factory=dict)
    """Glue words by role: percent, to, and, plus, equals, minus, number, season, episode..."""
    abbreviations: dict[str, str] = field(default_factory=dict)
    """``Dr.`` -> Doctor: said wherever they stand."""
    titles: dict[str, str] = field(default_factory=dict)
    """``Lt.`` -> lieutenant: said only before a name (``Gen.`` is not always a general)."""
    month_names: tuple[str, ...] = ()
    """The twelve months, January first."""
    decimal_comma: bool = False
    """12,5 is twelve point five and 40.000 forty thousand."""
    us_dates: bool = False
    """11/14/2026 is month/day/year (US English), else day/month/year."""
    zones: dict[str, str] = field(default_factory=dict)
    """Time zones after a time: ``ET`` -> eastern."""
    units: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Units after a number: ``km`` -> (kilometer, kilometers)."""
    fractions: dict[int, tuple[str, str]] = field(default_factory=dict)
    """Denominators: 4 -> (quarter, quarters); others are read as ordinals."""
    regnal_names: frozenset[str] = REGNAL_NAMES
    """Names a Roman numeral after which is an ordinal (Henry VIII: the eighth)."""
    english: bool = False
    """English-only readings: "a m", Saint/Street, "the" before a regnal ordinal."""

    @property
    def months(self) -> dict[str, str]:
        """Month names and their three- and four-letter abbreviations (lowercase) -> name."""
        table = {}
        for name in self.month_names:
            table.update({name.lower(): name, name[:3].lower(): name})
            if name.lower().startswith("sept"):
                table["sept"] = name
        return table

    def word(self, role: str, default: str | None = None) -> str | None:
        """The glue word for ``role``, or ``default`` (None: keep the symbol)."""
        return self.words.get(role, default)


_EN_UNITS = {
    "km": ("kilometer", "kilometers"), "kms": ("kilometer", "kilometers"),
    "m": ("meter", "meters"), "cm": ("centimeter", "centimeters"),
    "mm": ("millimeter", "millimeters"), "mi": ("mile", "miles"),
    "ft": ("foot", "feet"), "yd": ("yard", "yards"),
    "kg": ("kilogram", "kilograms"), "g": ("gram", "grams"), "mg": ("milligram", "milligrams"),
    "lb": ("pound", "pounds"), "lbs": ("pound", "pounds"), "oz": ("ounce", "ounces"),
    "tbsp": ("tablespoon", "tablespoons"), "tsp": ("teaspoon", "teaspoons"),
    "tbs": ("tablespoon", "tablespoons"),
    "mph": ("mile per hour", "miles per hour"), "kph": ("kilometer per hour",
                                                        "kilometers per hour"),
    "km/h": ("kilometer per hour", "kilometers per hour"),
    "ml": ("milliliter", "milliliters"), "l": ("liter", "liters"),
    "hz": ("hertz", "hertz"), "khz": ("kilohertz", "kilohertz"),
    "mhz": ("megahertz", "megahertz"), "ghz": ("gigahertz", "gigahertz"),
    "kb": ("kilobyte", "kilobytes"), "mb": ("megabyte", "megabytes"),
    "gb": ("gigabyte", "gigabytes"), "tb": ("terabyte", "terabytes"),
    "w": ("watt", "watts"), "kw": ("kilowatt", "kilowatts"), "v": ("volt", "volts"),
    "min": ("minute", "minutes"), "mins": ("minute", "minutes"), "hr": ("hour", "hours"),
    "hrs": ("hour", "hours"), "sec": ("second", "seconds"), "secs": ("second", "seconds"),
    "ms": ("millisecond", "milliseconds"), "fps": ("frame per second", "frames per second"),
    "°c": ("degree Celsius", "degrees Celsius"), "°f": ("degree Fahrenheit",
                                                        "degrees Fahrenheit"),
    "°": ("degree", "degrees"),
    "yr": ("year", "years"), "yrs": ("year", "years"),
    "bps": ("basis point", "basis points"), "bp": ("basis point", "basis points"),
    "kt": ("knot", "knots"), "kts": ("knot", "knots"), "atm": ("atmosphere", "atmospheres"),
    "psi": ("pound per square inch", "pounds per square inch"), "mpg": ("mile per gallon",
                                                                       "miles per gallon"),
}
_ENGLISH = dict(
    words={
        "percent": "percent", "to": "to", "and": "and", "plus": "plus", "equals": "equals",
        "minus": "minus", "number": "number", "versus": "versus", "about": "about",
        "season": "season", "episode": "episode", "episodes": "episodes", "page": "page",
        "pages": "pages", "out of": "out of", "dot": "dot", "at": "at", "half": "half",
        "a half": "a half", "one half": "one half", "of": "of", "the": "the", "hours": "hours",
        "minutes": "minutes", "seconds": "seconds", "hour": "hour", "minute": "minute",
        "second": "second", "o'clock": "o'clock", "hashtag": "",
        "in the words of": "In the words of",
        "thanks for listening to": "Thanks for listening to",
    },
    abbreviations={
        "Dr.": "Doctor", "Mr.": "Mister", "Mrs.": "Missus", "Ms.": "Miz", "Mt.": "Mount",
        "Jr.": "Junior", "Sr.": "Senior", "vs.": "versus", "vs": "versus", "v.": "versus",
        "etc.": "et cetera", "e.g.": "for example", "i.e.": "that is",
        "approx.": "approximately", "feat.": "featuring",
        "Ave.": "Avenue", "Blvd.": "Boulevard", "Rd.": "Road", "Bros.": "Brothers",
        "Co.": "Company", "Inc.": "Incorporated", "Ltd.": "Limited", "Corp.": "Corporation",
        "Dept.": "Department", "Univ.": "University", "Jan.": "January", "Feb.": "February",
        "Aug.": "August", "Sept.": "September", "Oct.": "October", "Nov.": "November",
        "Dec.": "December", "WWI": "World War One", "WWII": "World War Two",
        "INT.": "Interior", "EXT.": "Exterior", "INT./EXT.": "Interior, exterior",
        "def.": "defeated", "mr.": "mister", "mrs.": "missus", "dr.": "doctor", "§": "section",
        "§§": "sections",
        "WW1": "World War One", "WW2": "World War Two",
        "Mon.": "Monday", "Tue.": "Tuesday", "Tues.": "Tuesday", "Wed.": "Wednesday",
        "Thu.": "Thursday", "Thur.": "Thursday", "Thurs.": "Thursday", "Fri.": "Friday",
        "Sat.": "Saturday", "ep.": "episode", "eps.": "episodes", "(ret.)": "(retired)",
        "Apt.": "Apartment", "w/": "with", "w/o": "without",
    },
    titles={
        "Lt.": "Lieutenant", "Lieut.": "Lieutenant", "Cmdr.": "Commander",
        "Cdr.": "Commander", "Capt.": "Captain", "Sgt.": "Sergeant", "Det.": "Detective",
        "Prof.": "Professor", "Gen.": "General", "Sen.": "Senator", "Rep.": "Representative",
        "Gov.": "Governor", "Pres.": "President", "Col.": "Colonel", "Maj.": "Major",
        "Adm.": "Admiral", "Insp.": "Inspector", "Supt.": "Superintendent",
        "Cpl.": "Corporal", "Pvt.": "Private", "Rev.": "Reverend", "Hon.": "Honorable",
        "Fr.": "Father", "Mme.": "Madame",
        "Mlle.": "Mademoiselle", "Cllr.": "Councillor", "Amb.": "Ambassador",
        "Lt": "Lieutenant", "Capt": "Captain", "Sgt": "Sergeant", "Det": "Detective",
        "Prof": "Professor", "Cmdr": "Commander", "Ft.": "Fort",
    },
    month_names=tuple("January February March April May June July August September October "
                      "November December".split()),
    zones={
        "ET": "eastern", "EST": "eastern", "EDT": "eastern", "CT": "central",
        "CST": "central", "CDT": "central", "MT": "mountain", "MST": "mountain",
        "MDT": "mountain", "PT": "pacific", "PST": "pacific", "PDT": "pacific",
        "GMT": "G M T", "UTC": "U T C", "BST": "British summer time", "CET": "C E T",
        "AEST": "Australian eastern", "JST": "Japan time", "IST": "India time",
    },
    units=_EN_UNITS,
    fractions={2: ("half", "halves"), 4: ("quarter", "quarters")},
    english=True,
)
_SPANISH = dict(
    words={
        "percent": "por ciento", "to": "a", "and": "y", "plus": "más", "equals": "igual a",
        "minus": "menos", "number": "número", "versus": "contra", "about": "unos",
        "season": "temporada", "episode": "episodio", "episodes": "episodios",
        "page": "página", "pages": "páginas", "out of": "de", "dot": "punto", "at": "arroba",
        "half": "medio", "a half": "y medio", "one half": "un medio", "of": "de",
        "the": "", "hours": "horas", "minutes": "minutos", "seconds": "segundos",
        "hour": "hora", "minute": "minuto", "second": "segundo", "o'clock": "en punto",
        "hashtag": "",
        "in the words of": "En palabras de",
        "thanks for listening to": "Gracias por escuchar",
    },
    abbreviations={
        "Dr.": "doctor", "Dra.": "doctora", "Sr.": "señor", "Sra.": "señora",
        "Srta.": "señorita", "Dña.": "doña", "Ud.": "usted", "Uds.": "ustedes",
        "vs.": "contra", "etc.": "etcétera", "aprox.": "aproximadamente", "pág.": "página",
        "núm.": "número", "Nº": "número", "n.º": "número", "Avda.": "avenida",
        "Prof.": "profesor", "Profa.": "profesora", "Cap.": "capítulo",
        "EE. UU.": "Estados Unidos", "EE.UU.": "Estados Unidos", "EEUU": "Estados Unidos",
        "Sto.": "santo", "Sta.": "santa", "Av.": "avenida", "sáb.": "sábado",
        "dom.": "domingo", "lun.": "lunes", "mié.": "miércoles", "jue.": "jueves",
        "vie.": "viernes",
    },
    month_names=tuple("enero febrero marzo abril mayo junio julio agosto septiembre octubre "
                      "noviembre diciembre".split()),
    units={
        "km": ("kilómetro", "kilómetros"), "m": ("metro", "metros"),
        "cm": ("centímetro", "centímetros"), "kg": ("kilo", "kilos"),
        "g": ("gramo", "gramos"), "km/h": ("kilómetro por hora", "kilómetros por hora"),
        "mph": ("milla por hora", "millas por hora"), "min": ("minuto", "minutos"),
        "h": ("hora", "horas"), "ghz": ("gigahercio", "gigahercios"),
        "mhz": ("megahercio", "megahercios"), "gb": ("gigabyte", "gigabytes"),
        "mb": ("megabyte", "megabytes"), "l": ("litro", "litros"),
        "ml": ("mililitro", "mililitros"),
        "°c": ("grado centígrado", "grados centígrados"), "°": ("grado", "grados"),
    },
    fractions={2: ("medio", "medios"), 3: ("tercio", "tercios"), 4: ("cuarto", "cuartos")},
)
_FRENCH = dict(
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
                   "Dr": "docteur", "etc.": "et cetera", "env.": "environ", "p.": "page",
                   "M€": "millions d'euros", "Md€": "milliards d'euros"},
    units={"km": ("kilomètre", "kilomètres"), "m": ("mètre", "mètres"),
           "kg": ("kilo", "kilos"), "km/h": ("kilomètre heure", "kilomètres heure"),
           "min": ("minute", "minutes"), "h": ("heure", "heures"),
           "°c": ("degré Celsius", "degrés Celsius"), "°": ("degré", "degrés")},
    fractions={2: ("demi", "demis"), 3: ("tiers", "tiers"), 4: ("quart", "quarts")},
)
_GERMAN = dict(
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
    abbreviations={"Dr.": "Doktor", "Hr.": "Herr", "Fr.": "Frau", "Prof.": "Professor",
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
_ITALIAN = dict(
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
_PORTUGUESE = dict(
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
_DECIMAL_COMMA = {"es", "fr", "de", "it", "pt", "nl", "da", "sv", "no", "nb", "fi", "pl", "cs",
                  "ru", "uk", "tr", "ro", "hu", "ca", "sk", "sl", "hr", "sr", "lt", "lv", "id"}
_TABLES = {"en": _ENGLISH, "es": _SPANISH, "fr": _FRENCH, "de": _GERMAN, "it": _ITALIAN,
           "pt": _PORTUGUESE}


@lru_cache(maxsize=16)
def wording_for(language: str) -> Wording:
    """The wording of a show language code such as ``en-us``, ``es`` or ``de-AT``."""
    base, _, region = language.replace("_", "-").lower().partition("-")
    base = base or "en"
    return Wording(language=base, numbers=number_words_for(language or "en"),
                   us_dates=(base, region) in (("en", "us"), ("en", "")),
                   decimal_comma=base in _DECIMAL_COMMA,
                   **_TABLES.get(base, {}))
