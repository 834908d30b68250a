"""Turns written recap text into what a narrator would say, in chunks a voice can take."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from decimal import Decimal
from functools import lru_cache

from recapcast.text.lexicon import substitute
from recapcast.text.numbers import number_words_for
from recapcast.text.wording import Wording, wording_for

__all__ = [
    "MAX_CHUNK_WORDS", "speakable", "chunk_text", "split_sentences", "number_words",
    "ordinal_words", "year_words",
]

MAX_CHUNK_WORDS = 50
"""Piper's memory grows with sentence length; no chunk handed to a voice is longer."""

_SENTENCE = re.compile(r"(?<=[.!?…][\"”’)»])\s+|(?<=[.!?…])\s+(?![»”])")
_NOT_AN_END = re.compile(
    r"(?:\b(?:Dr|Mr|Mrs|Ms|Mt|Jr|Sr|St|No|vs|etc|approx|e\.g|i\.e|Lt|Lieut|Cmdr|Cdr|Capt|Sgt|"
    r"Det|Prof|Gen|Sen|Rep|Gov|Pres|Col|Maj|Adm|Insp|Supt|Cpl|Pvt|Rev|Hon|Fr|Mme|Mlle|Cllr|"
    r"Amb|Ep|Eps|Vol|Ch|Pt|pp|p|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Ave|Blvd|"
    r"Rd|Bros|Co|Inc|Ltd|Corp|Dept|Univ|feat|Dra|Sra|Srta|aprox|Nr|ca|bzw|usw|z\.B|Mio|Mrd|"
    r"Tsd|vgl|ggf|evtl|inkl|bspw|Str|Hr|Fr|Mme|Mlle|Sto|Sta|Avda|núm|pág|Cal|def|mr|mrs|dr|"
    r"Ft|ep|eps|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Av|sáb|dom|lun|mié|jue|vie|"
    r"dott|Dott|sig|Sig|avv|Avv|ing|Ing|Profa|Dra|Sra|Apt|ret)"
    r"|(?<!°)\b[A-Z]|(?<![\w.'’])[a-z])\.$"
    # a German ordinal after its article: "die 3." goes on with "Folge"
    r"|\b(?i:die|der|das|den|dem|des|am|im|vom|zum|zur|beim|seit|ab|bis)\s+\d{1,3}\.$"
)
# A sentence does not start in lowercase ("at 2 a.m. in the box"), nor with the time zone
# of the time before it ("10 p.m. ET").
_GOES_ON = re.compile(r"[a-z]")
_CAPITAL_START = re.compile(r"[.!?…]\s+[\"“(]?[A-Z]")
_CLOCK_END = re.compile(r"\b[ap]\.m\.$")
# After "9 a.m." a time zone or a day goes on with the sentence ("9 a.m. Monday, she...").
_ZONE_START = re.compile(r"(?:[A-Z]{2,4}|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|today|"
                         r"tomorrow|tonight)\b")
# A dotted acronym or "etc." ends a sentence when the next one starts as sentences do:
# "in Washington, D.C. The next morning", but "the U.S. Army" goes on.
_ACRONYM_END = re.compile(r"(?:\b(?:[A-Z]\.){2,}|\betc\.)$")
_STARTER = re.compile(
    r"(?:The|A|An|He|She|They|It|We|I|You|But|And|Then|When|After|Before|Later|Meanwhile|"
    r"This|That|These|Those|There|His|Her|Their|Our|My|In|On|At|As|So|Now|Still|Yet|Back|"
    r"Once|While|Soon|Next|Finally|Even|Only|Nobody|Everyone|What|Why|How)\b")
_CLAUSE = re.compile(r"(?<=[,;:–—])\s+")

_TAG = re.compile(r"<\s*(?P<close>/)?\s*(?P<name>[a-zA-Z][\w-]*)[^<>]*>|<!--.*?-->", re.DOTALL)
_BLOCK_TAGS = {"br", "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "tr", "td"}
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[(?P<text>[^\]]+)\]\((?:[^)\s]+)(?:\s+\"[^\"]*\")?\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_|~~|`)(?=\S)(?P<text>.+?)(?<=\S)\1(?!\w)")
_EMAIL = re.compile(r"(?<![\w.])(?P<user>[\w.+-]+)@(?P<host>[\w-]+(?:\.[\w-]+)+)")
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"]+", re.IGNORECASE)
_EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\ufe0f\u200d\u20e3"
                    "\U000e0020-\U000e007f\u2300-\u23ff]")
_PLACEHOLDER = re.compile("[\ue100-\ue8ff]")
_LATIN_SCRIPT = {"en", "es", "fr", "de", "it", "pt", "nl"}
_OTHER_SCRIPT = re.compile(r"\(?[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uff00-\uffef]+\)?")

_HASHTAG = re.compile(r"(?<![\w&#])#(?P<tag>[^\W\d_]\w*)")
_HANDLE = re.compile(r"(?<![\w@.])@(?P<tag>\w+)")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[^\W\d_])(?=\d)"
                    r"|(?<=\d)(?=[^\W\d_])")
_SHOUT_WORD = r"(?:[A-Z][A-Z'’]*(?:-[A-Z]+)*)"
_SHOUTING = re.compile(rf"(?<![\w-]){_SHOUT_WORD}(?:[ \t]+{_SHOUT_WORD})+(?![\w-])")
# Kept in capitals when a shouted line is lowercased: "THE US OFFICE" is not "the us office".
_ACRONYMS = frozenset(
    "UK USA EU UN FBI CIA NSA DEA ATF IRS NYPD LAPD NHS BBC HBO CNN NBC CBS ABC TV DJ DNA "
    "ICU CEO CFO DC NYC VIP AI HR".split())
_REPEATED_MARKS = re.compile(r"([!?])[!?]+")

_EPISODE_CODE = re.compile(r"\b[Ss]\s?(?P<s>\d{1,2})\s?[Ee][Pp]?\s?(?P<e>\d{1,3})\b"
                           r"|\b(?P<s2>\d{1,2})[x×](?P<e2>\d{2,3})\b")
_SEASON_CODE = re.compile(r"\bS(?P<s>\d{1,2})\b(?![-–]\d)")
_EPISODE_ABBR = re.compile(r"\b(?P<abbr>Eps?|EPS?|ep)\.?\s*(?=\d)")
_PAGES = re.compile(r"(?<![\w.])(?P<abbr>pp|p|pg|pgs)\.\s*(?=\d)")
# "No. 9", "#1", and British "No 10 Harbour Row" (no full stop, before a name)
_NUMBER_SIGN = re.compile(r"(?<!\w)(?:No|Nos|no)\.\s*(?=\d)|(?<!\w)No\s(?=\d+\s[A-Z])|"
                          r"(?<!\w)#(?=\d)|(?<!\w)№\s*(?=\d)")
_SAINT = re.compile(r"(?<!\w)St\.?(?=\s+[A-Z])")  # British style writes "St Aldhelm's"
_STREET = re.compile(r"(?<=\w)\s+St\.")
_AKA = re.compile(r"\bAKA\b|\ba\.k\.a\.", re.IGNORECASE)
_DOTTED_ACRONYM = re.compile(r"(?<![\w.])((?:[A-Z]\.){2,})(?=[\s,;:!?)'’\"”]|$)")
_LETTERS_DIGITS = re.compile(r"\b(?P<letters>[A-Z]{1,4})-?(?=\d+\b)")
_ATTRIBUTION = re.compile(r"(?:^|\s)~\s*(?=[A-Z])")
_TILDE_ABOUT = re.compile(r"~\s*(?=\d)")
_LETTERS_AND = re.compile(r"(?<![\w&])([A-Z]{1,3})&([A-Z]{1,3})(?![\w&])")
_ARITHMETIC = re.compile(r"(?<=\w)\s*([+=])\s*(?=\w)")

_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"  # not the comma after it: "$9,500, to someone"
_CURRENCY_SIGNS = {"$": "USD", "US$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR",
                   "₩": "KRW", "₽": "RUB", "C$": "CAD", "A$": "AUD"}
_SIGN = "|".join(re.escape(s) for s in sorted(_CURRENCY_SIGNS, key=len, reverse=True))
_SCALE = r"(?:\s?(?P<scale>thousand|million|billion|trillion|mn|bn|[kmb])\b)"
_MONEY = re.compile(rf"(?P<neg>(?<![\w-])[-−])?(?<![\w$])(?P<cur>{_SIGN})\s?(?P<num>{_NUM})"
                    rf"{_SCALE}?", re.IGNORECASE)
_BARE_SCALE = r"(?:\s?(?:thousand|million|billion|trillion|mn|bn|[kmb])\b)"
# $5-10K, $5–$10, 5-10 €: one amount, a range of values
_MONEY_RANGE = re.compile(
    rf"(?<![\w$])(?P<cur>{_SIGN})\s?(?P<a>{_NUM})(?P<s1>{_BARE_SCALE})?\s?[–—-]\s?"
    rf"(?:(?:{_SIGN})\s?)?(?P<b>{_NUM}){_SCALE}?", re.IGNORECASE)
_MONEY_AFTER_RANGE = re.compile(
    rf"(?<![\w.,])(?P<a>{_NUM})\s?[–—-]\s?(?P<b>{_NUM})\s?(?=[€£¥₹])")
# 10-15%, 70-75°F, 1-2 p.m., 5-10 km: a range whose second number carries the unit
_UNIT_RANGE = re.compile(
    r"(?<![\w.,–-])(?P<a>\d+(?:\.\d+)?)\s?[–—-]\s?(?P<b>\d+(?:\.\d+)?)"
    r"(?=(?P<unit>\s?(?:%|°|per ?cent\b|[ap]\.?\s?m\b|[^\W\d_]{1,4}\b|km/h)))")
_BETWEEN = re.compile(r"\b(?:between|entre|zwischen|tra|tussen)\s+$", re.IGNORECASE)
_COUNT_SCALE = re.compile(r"(?<![\w.,])(?P<num>\d+(?:\.\d+)?)(?P<scale>K|M|B|bn|mn)"
                          r"(?=\s+(?:viewers|views|followers|subscribers|streams|votes|people|"
                          r"fans|users|downloads|plays|likes|listeners|copies|households|"
                          r"hours|minutes|tickets|signatures|comments|retweets|shares)\b)")
# "3x more", "2.3x leveraged", "grew 3x.": times (not 4x4, not 3x02, an episode code)
_TIMES = re.compile(r"(?<![\w.,])(?P<num>\d+(?:\.\d+)?)x(?=\s+[a-z]|[.,;!?]|$)")
_MONEY_AFTER = re.compile(rf"(?<![\w.,])(?P<num>{_NUM})\s?(?P<cur>[€£¥₹])")
_SCALE_WORDS = {"k": "thousand", "m": "million", "mn": "million", "bn": "billion",
                "b": "billion", "thousand": "thousand", "million": "million",
                "billion": "billion", "trillion": "trillion"}
_SCALE_VALUES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}

_TIME = re.compile(
    r"\b(?P<h>\d{1,2})(?:[:.](?P<m>[0-5]\d))?\s?(?P<ap>[ap])\.?\s?m\b\.?(?!\w)"
    r"(?:\s(?P<zone>(?-i:[A-Z]{2,4}))\b)?"
    r"|\b(?P<h2>\d{1,2})[:h](?P<m2>[0-5]\d)\b(?![:\d])(?P<hours>\s?(?:Uhr|hrs?|h)\b)?"
    r"(?:\s(?P<zone2>(?-i:[A-Z]{2,4}))\b)?",
    re.IGNORECASE)
_DOTTED_CLOCK = re.compile(
    r"(?P<before>\b(?:at|from|until|till|by|before|after|around)\s+)?\b(?P<h>[01]?\d|2[0-3])\."
    r"(?P<m>[0-5]\d)\b(?!\.\d)(?P<after>\s?(?:GMT|BST|CET|UTC|[ap]\.?m\b\.?|h\b))?")
# What follows a number that counts or measures, so "at 3.14 percent" is no clock time
_COUNTED = re.compile(r"\s*(?:%|°|per\b|percent|points?|pounds?|dollars?|euros?|times|"
                      r"[a-z]+s\b|(?:km|mi|mph|kph|kg|g|lbs?|oz|ft|m|cm|mm|l|ml)\b)")
_DURATION = re.compile(r"\b(?P<h>\d{1,2}):(?P<m>[0-5]\d):(?P<s>[0-5]\d)\b")
_HOURS_MINUTES = re.compile(r"\b(?P<h>\d{1,2})\s?h(?:rs?)?\s?(?P<m>[0-5]?\d)\s?m(?:ins?)?\b")
_BROADCAST = re.compile(r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})(?P<zone>c)\b")
_DAY_MONTH = re.compile(r"\b(?P<month>[A-Z][a-z]{2,8})\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b"
                        r"(?!:|\d|\s?(?:%|[ap]\.?m\b))")
_MONTH_DAY = re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
                        r"(?P<month>[A-Z][a-z]{2,8})\b\.?")
_ISO_DATE = re.compile(r"(?<![\d-])(?P<y>1[89]\d\d|20\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d-])")
_SLASH_DATE = re.compile(r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])")
_FRACTION_CHARS = {"½": (1, 2), "⅓": (1, 3), "⅔": (2, 3), "¼": (1, 4), "¾": (3, 4),
                   "⅕": (1, 5), "⅛": (1, 8), "⅜": (3, 8), "⅝": (5, 8), "⅞": (7, 8)}
_FRACTION_CHAR = re.compile(r"(?:(?P<whole>\d+)\s?)?(?P<f>[" + "".join(_FRACTION_CHARS) + "])")
_SLASH = re.compile(r"(?<![\w/.])(?:(?P<whole>\d+)\s)?(?P<a>\d+(?:\.\d+)?)/(?P<b>\d+)(?![\w/])"
                    r"(?P<after>\s+(?P<next>[^\W\d_][\w'’-]*))?")
_DATE_BEFORE = re.compile(r"\b(?:on|by|since|until|till|before|after|from|dated|aired|"
                          r"airs|premieres?|premiered)\s+$", re.IGNORECASE)
_FRACTION_OF = {"del", "de", "des", "du", "dei", "degli", "della", "delle", "do", "da", "dos",
                "das", "der", "von"}
_DAY_BEFORE = re.compile(r"\b(?:el|le|il|am|dia|día|giorno|jour|desde|hasta|depuis|dal|del|"
                         r"du|vom|bis|ab|sábado|domingo|lunes|martes|miércoles|jueves|"
                         r"viernes|sáb|dom)\.?\s+$", re.IGNORECASE)
_ONE_LETTER_UNITS = {"m", "g", "V", "W", "L", "h", "°"}
_RATING_DENOMINATORS = {5, 10, 20, 100}
_FRACTION_DENOMINATORS = {2, 3, 4, 5, 6, 8, 10, 12, 16}
_RATING_WORDS = {"stars", "star", "points", "point", "rating", "score"}
_HEIGHT = re.compile(r"(?<![\w.])(?P<ft>[1-8])\s?['’′]\s?(?P<inch>\d{1,2})\s?(?:\"|”|″|''|’’)")
_LEADING_ZERO = re.compile(r"(?<![\w.,:/])0\d+(?![\w.,:/]\d)")
_NEGATIVE = re.compile(r"(?:(?<=^)|(?<=[\s(\[]))[-−–](?=\d)")
_UNIT = re.compile(
    r"(?P<num>\d[\d,]*(?:\.\d+)?)(?P<space>\s?)(?P<unit>°\s?[CF]\b|°|km/h|[a-zA-Z]{1,4}\b)(?!['’]\w)")
_HYPHEN_UNIT = re.compile(r"(?<![\w.])(?P<num>\d+(?:\.\d+)?)-(?P<unit>[a-zA-Z]{2,4})\b"
                          r"(?!-(?!old\b))")
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an)(?:\s+(?:single|whole|full|mere|massive|huge|tiny|"
                             r"solid|hefty|new|record))?\s+$", re.IGNORECASE)
_UNIT_DOT = re.compile(r"\b((?:hours?|minutes?|seconds?|inch|inches|feet|foot|pounds?|ounces?|"
                       r"miles?|yards?|kilometers?|meters?))\.(?=\s+[a-z])")
_PERCENT = re.compile(r"(?P<num>\d[\d,]*(?:\.\d+)?)\s?(?:%|per ?cent\b)")
_ORDINAL = re.compile(r"\b(?P<num>\d{1,3}(?:,\d{3})+|\d+)\.?"
                      r"(?P<mark>st|nd|rd|th|º|ª|°(?=\s))(?!\w)", re.IGNORECASE)
_RANGE = re.compile(r"(?<![\d.,–-])(?P<a>\d+)\s?[–—-]\s?(?P<b>\d+)(?![\d–-])")
# Numbers that are names, said as their digits: phone numbers (TV's 555 ones too), 911.
_PHONE = re.compile(r"(?<![\w-])(?:\(\d{3}\)\s?\d{3}-\d{4}|\d{3}-\d{3}-\d{4}|555-\d{4}|911)"
                    r"(?![\w-]|[.,]\d)")
_NAMED_NUMBER = re.compile(
    r"\b(?P<before>Room|Flight|Suite|Apartment|Apt\.|Gate|Platform|Route|Highway|Interstate|"
    r"Boeing|Airbus|Porsche|Peugeot|Locker|Cell|Ward|Bay|Unit|Bus|Train|Track|Studio|Area|"
    r"Apollo|Level|Lot|Pier|Dock|Hangar|Sector|Block|Precinct)\s+(?P<num>[1-9]\d{2,3})\b"
    r"(?![.,]\d)")
_WORD_RANGE = re.compile(r"\b(\d+)-to-(\d+)\b")
# "Jan. '24", "in '85": a year by its last two digits (not '90s, a decade)
_SHORT_YEAR = re.compile(r"(?<![\w'’])['’](\d{2})\b(?!['’]?s\b)")
_DECADE = re.compile(r"(?<![\w'’])['’]?(?P<num>\d{2}|\d{4})s\b")
# "7.5." at a sentence's end is a decimal too
_DECIMAL = re.compile(r"(?<![\d.])(?P<num>\d[\d,]*\.\d+)(?!\d|\.\d)")
_DOTTED_NUMBER = re.compile(r"(?<![\d.])\d{1,3}(?:\.\d{1,3}){2,3}(?!\d|\.\d)")
_INTEGER = re.compile(r"(?<![\d.])\d{1,3}(?:,\d{3})+(?![\d,]\d)|(?<![\d.])\d+")
_EUROPEAN_GROUPS = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d.,]*\d)")
_FRENCH_ORDINAL = re.compile(r"\b(?P<num>\d{1,4})(?P<mark>ère|ème|er|re|e|ᵉ|ᵉʳ)(?!\w)")
_SPANISH_ORDINAL = re.compile(r"\b(\d{1,3})\.?er\b")
# "die 3. Folge", "am 3. Oktober": a German ordinal is the number and a full stop before a noun.
_GERMAN_ORDINAL = re.compile(r"(?<![\d.,])(?P<num>\d{1,3})\.(?=\s+[A-ZÄÖÜ][a-zäöüß])")
_GERMAN_DATIVE = re.compile(r"\b(?:am|im|vom|zum|zur|beim|dem|den|des|(?:in|an|aus|bei|mit|nach|"
                            r"von|zu|seit|auf|unter|vor) der)\s+$", re.IGNORECASE)
_DOTTED_DATE = re.compile(
    r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4}|\d{2})(?![\d.]\d)")
_SPACE_GROUPS = re.compile(r"(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.]\d)")
_EUROPEAN_DECIMAL = re.compile(r"(?<![\d,])(\d+),(\d+)(?![\d,])")
_ROMAN = re.compile(r"\b(?P<before>[A-Z][\w'’]*) (?P<roman>[IVX]{1,6})\b(?!\.\w|['’](?!s\b)\w)")
# "siglo XXI", "tomo II": Roman numerals after the words other languages write in lowercase
_ROMAN_AFTER_WORD = re.compile(
    r"\b(?P<before>siglo|tomo|volumen|capítulo|parte|acto|fase|temporada|siècle|tome|partie|"
    r"chapitre|saison|Teil|Kapitel|Band|Staffel|secolo|capitolo|stagione|século)"
    r" (?P<roman>[IVX]{1,6})\b(?!\.\w)")
_FRENCH_ROMAN_ORDINAL = re.compile(r"\b(?P<roman>[IVX]{1,6})(?:e|ème|er|ᵉ)\b")
_COORDINATES = re.compile(r"(?P<a>\d{1,3}(?:\.\d+)?)°?\s?(?P<ns>[NS]),?\s+"
                          r"(?P<b>\d{1,3}(?:\.\d+)?)°?\s?(?P<ew>[EW])\b")
_COMPASS = {"N": "north", "S": "south", "E": "east", "W": "west"}
_GRADE = re.compile(r"(?<![\w+-])([A-F])([+\-−])(?=[\s.,;:!?)]|$)")
_TRAILING_PLUS = re.compile(r"(?<=[a-z])\+(?=[\s.,;:!?)]|$)")
_STARS = re.compile(r"★+(?:\s?½)?☆*")
_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)\b")
# Words after a number that are not the noun it counts.
_ES_NOT_NOUNS = {"de", "del", "y", "o", "a", "al", "en", "por", "para", "con", "sin", "que",
                 "es", "son", "más", "menos", "tras", "las", "los", "sus", "mis", "tus",
                 "nos", "les", "pues", "veces", "dos", "tres", "seis", "diez", "doce",
                 "millones", "horas"}
_ES_MASCULINE_A = {"días", "problemas", "programas", "mapas", "temas", "sistemas",
                   "planetas", "idiomas", "climas", "dramas", "poemas", "esquemas", "dilemas",
                   "cometas", "tranvías", "sofás", "papás", "guardias", "policías", "pilotas"}
_ES_FEMININE = {"veces", "mujeres", "noches", "partes", "calles", "llaves", "naves",
                "clases", "fases", "series", "especies", "imágenes", "flores", "manos",
                "gentes", "muertes", "torres", "madres", "redes", "leyes", "voces", "luces",
                "cruces", "fuentes", "frases", "mieses", "sedes", "suertes", "carnes"}


def _word_after(m: re.Match) -> str:
    """The word that follows a match ("" at the end or before a number)."""
    following = _NEXT_WORD.match(m.string, m.end())
    return following.group(1) if following else ""


def _spanish_feminine(noun: str) -> bool:
    """Whether a Spanish plural noun is (most likely) feminine."""
    noun = noun.lower()
    if noun in _ES_MASCULINE_A:
        return False
    return (noun.endswith("as") or noun in _ES_FEMININE
            or noun.endswith(("dades", "tades", "ciones", "siones", "umbres", "tudes")))


def _spanish_feminine_singular(noun: str) -> bool:
    """Whether a Spanish singular noun is (most likely) feminine: hija, canción, ciudad."""
    noun = noun.lower()
    if noun in _ES_MASCULINE_A_SINGULAR:
        return False
    return (noun.endswith(("a", "ión", "dad", "tad", "umbre", "tud", "ez"))
            or noun in _ES_FEMININE_SINGULAR)


# Words a number after which is a label, not a count: "la temporada 1 termina".
_ES_LABELS = {"el", "la", "los", "las", "temporada", "episodio", "capítulo", "parte", "número",
              "nivel", "ronda", "fase", "acto", "puesto", "página", "minuto", "día", "año",
              "semana", "juego", "partido", "lugar", "sala", "puerta", "casilla", "nº"}
_ES_MASCULINE_A_SINGULAR = {w[:-1] for w in _ES_MASCULINE_A} | {"día", "mapa", "sofá", "papá"}
_ES_FEMININE_SINGULAR = {"mujer", "noche", "parte", "calle", "llave", "nave", "clase", "fase",
                         "serie", "especie", "imagen", "flor", "mano", "gente", "muerte",
                         "torre", "madre", "red", "ley", "voz", "luz", "cruz", "fuente",
                         "frase", "sede", "suerte", "carne", "vez", "hora", "tarde"}


_ROMAN_VALID = re.compile(r"^(?=[IVX])(X{0,3})(IX|IV|V?I{0,3})$")
_ROMAN_CARDINAL_BEFORE = {"Part", "Chapter", "Book", "Act", "Volume", "Vol", "Season", "Episode",
                          "War", "Phase", "Round", "Level", "Stage", "Series", "Scene", "Pt"}
# Left-over symbols a voice would name ("tilde", "asterisk"); spoken text never holds them.
_SYMBOLS = re.compile(r"[<>{}\[\]|\\^_*#~=`@+/]")
_LETTERS = {"I": 1, "V": 5, "X": 10}


def number_words(n: int, language: str = "en-us") -> str:
    """A whole number in words: 1,234 -> one thousand two hundred thirty four."""
    return _numbers(language).cardinal(n)


def ordinal_words(n: int, language: str = "en-us") -> str:
    """21 -> twenty first."""
    return _numbers(language).ordinal(n)


def year_words(n: int, language: str = "en-us") -> str:
    """1999 -> nineteen ninety nine, 2005 -> two thousand five, 2015 -> twenty fifteen."""
    return _numbers(language).year(n)


def _numbers(language: str):
    numbers = number_words_for(language)
    if numbers is None:
        raise ValueError(f"no number words for language {language!r}")
    return numbers


def _alternation(table: dict[str, str], after: str) -> re.Pattern[str] | None:
    """A pattern matching any key of ``table`` as a whole word, longest first."""
    if not table:
        return None
    keys = "|".join(re.escape(k) for k in sorted(table, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])({keys}){after}")


@lru_cache(maxsize=16)
def _reader(language: str) -> _Reader:
    return _Reader(wording_for(language))


def _roman_value(numeral: str) -> int:
    total = 0
    for letter, following in zip(numeral, numeral[1:] + " ", strict=True):
        value = _LETTERS[letter]
        total += -value if _LETTERS.get(following, 0) > value else value
    return total


class _Reader:
    """The rules of one show language, applied in order to one text."""

    def __init__(self, wording: Wording):
        self.w = wording
        self.n = wording.numbers
        self.en = wording.english
        # a capital, also outside ASCII ("Capt. Þórunn"): a letter that is no lowercase one
        self.titles_re = _alternation(wording.titles,
                                      r"(?=\s+(?:[^\W\d_a-zß-ÿ]|\w+\.\s+[^\W\d_a-zß-ÿ]))")
        self.abbreviations_re = _alternation(wording.abbreviations,
                                             r"(?=\s|$|[,;:)!?]|\.(?:\s|$))")

    def say(self, role: str, default: str | None = None) -> str | None:
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
        if self.n is None:
            return digits
        digits = digits.replace(",", "")
        return self.n.decimal(digits) if "." in digits else self.n.cardinal(int(digits))

    def ordinal(self, n: int) -> str:
        return str(n) if self.n is None else self.n.ordinal(n)

    # -- the rules -----------------------------------------------------------------------

    def handles(self, text: str) -> str:
        def words(m: re.Match) -> str:
            return _CAMEL.sub(" ", m.group("tag").replace("_", " ")).strip()
        text = _HASHTAG.sub(words, text)
        return _HANDLE.sub(words, text)

    def shouting(self, text: str) -> str:
        def lower(m: re.Match) -> str:
            words = m.group(0).split()
            if not any(len(w) >= 4 for w in words):
                return m.group(0)
            def roman(w: str) -> bool:
                return len(w) > 1 and bool(_ROMAN_VALID.match(w))
            # The word before a Roman numeral keeps its capital, for the numeral's rule
            # ("WAR II": War two).
            return " ".join(w if w == "I" or w in _ACRONYMS or roman(w) else
                            w.capitalize() if nxt and roman(nxt) else w.lower()
                            for w, nxt in zip(words, words[1:] + [""], strict=True))
        text = _SHOUTING.sub(lower, text)
        return _REPEATED_MARKS.sub(r"\1", text)

    def episodes(self, text: str) -> str:
        season, episode = self.say("season"), self.say("episode")
        if season is None or self.n is None:
            return text

        def code(m: re.Match) -> str:
            s, e = m.group("s") or m.group("s2"), m.group("e") or m.group("e2")
            return f"{season} {self.n.cardinal(int(s))} {episode} {self.n.cardinal(int(e))}"
        text = _EPISODE_CODE.sub(code, text)
        text = _SEASON_CODE.sub(lambda m: f"{season} {self.n.cardinal(int(m.group('s')))}", text)
        return _EPISODE_ABBR.sub(
            lambda m: (self.say("episodes") if m.group("abbr").lower() == "eps"
                       else episode) + " ", text)

    def abbreviations(self, text: str) -> str:
        if self.en:
            text = _SAINT.sub("Saint", text)
            text = _STREET.sub(lambda m: " Street." if m.end() == len(m.string) else " Street",
                               text)
        about = self.say("about")
        if about:
            # "a ~20% drop": a roughly twenty percent drop
            text = _TILDE_ABOUT.sub(
                lambda m: "roughly " if self.en and re.search(r"\b[Aa]n?\s*$",
                                                              m.string[:m.start()])
                else about + " ", text)
        number, page, pages = self.say("number"), self.say("page"), self.say("pages")
        if number:
            text = _NUMBER_SIGN.sub(number + " ", text)
        if page:
            text = _PAGES.sub(lambda m: (pages if m.group("abbr") in ("pp", "pgs") else page)
                              + " ", text)
        if self.titles_re:
            text = self.titles_re.sub(lambda m: self.w.titles[m.group(1)], text)
        if self.abbreviations_re:
            text = self.abbreviations_re.sub(lambda m: self.w.abbreviations[m.group(1)], text)
        if self.en:
            text = _AKA.sub("A.K.A.", text)
            text = _DOTTED_ACRONYM.sub(
                lambda m: m.group(1) if m.group(1) == "A.K.A." else
                _spelled(m.group(1).rstrip(".").split(".")) + ("." if m.end() == len(m.string)
                                                                else ""), text)
        return text

    def ranges(self, text: str) -> str:
        """A range whose unit or currency stands once: $5-10K is "five to ten thousand
        dollars", 10-15% "ten to fifteen percent"."""
        if self.n is None or not self.say("to"):
            return text

        def money(m: re.Match) -> str:
            cur, a, b = m.group("cur"), m.group("a"), m.group("b")
            to = self.range_word(m)
            scale = m.group("scale")
            if self.en and not m.group("s1") and "." not in a + b:
                currency = _CURRENCY_SIGNS[cur.upper()]
                words = f" {_SCALE_WORDS[scale.lower()]}" if scale else ""
                return (f"{self.number(a)} {to} {self.number(b)}{words} "
                        f"{self.n.currency_name(currency)}")
            first = m.group("s1") or (scale if not self.en else "") or ""
            return f"{cur}{a}{first} {to} {cur}{b}{scale or ''}"

        def unit(m: re.Match) -> str:
            written = m.group("unit").strip().lower()
            if written[:1].isalpha() and not re.fullmatch(r"[ap]\.?\s?m|per ?cent", written) \
                    and written not in self.w.units:
                return m.group(0)
            return f"{m.group('a')} {self.range_word(m)} {m.group('b')}"
        text = _MONEY_RANGE.sub(money, text)
        text = _MONEY_AFTER_RANGE.sub(
            lambda m: f"{m.group('a')} {self.range_word(m)} {m.group('b')} ", text)
        return _UNIT_RANGE.sub(unit, text)

    def range_word(self, m: re.Match) -> str:
        """"to" between a range's two ends, or "and" after "between" (entre, zwischen)."""
        if _BETWEEN.search(m.string[:m.start()]):
            return self.say("and", "and")
        return self.say("to", "to")

    def money(self, text: str) -> str:
        if self.n is None:
            return text

        def amount(m: re.Match) -> str:
            if m.groupdict().get("neg"):
                return f"{self.say('minus', '-')} {amount_words(m)}"
            return amount_words(m)

        def amount_words(m: re.Match) -> str:
            currency = _CURRENCY_SIGNS[m.group("cur").upper()]
            digits = m.group("num").replace(",", "")
            scale = m.groupdict().get("scale")
            if scale:
                scale = _SCALE_WORDS[scale.lower()]
                if self.en:
                    return f"{self.number(digits)} {scale} {self.n.currency_name(currency)}"
                value = Decimal(digits) * _SCALE_VALUES[scale]
                return self.n.money(value.quantize(Decimal(1)), currency)
            return self.n.money(Decimal(digits), currency)
        text = _MONEY.sub(amount, text)
        text = _MONEY_AFTER.sub(amount, text)
        if self.en:
            # 2.1M viewers, 500K views: a count with its scale letter
            text = _COUNT_SCALE.sub(lambda m: f"{self.number(m.group('num'))} "
                                              f"{_SCALE_WORDS[m.group('scale').lower()]}", text)
            # 3x more, 1.5x speed: times
            text = _TIMES.sub(lambda m: f"{self.number(m.group('num'))} times", text)
        return text

    def times(self, text: str) -> str:
        if self.n is None:
            return text
        text = _DURATION.sub(self._duration, text)
        text = _HOURS_MINUTES.sub(self._duration, text)
        text = _BROADCAST.sub(
            lambda m: f"{self.n.cardinal(int(m.group('a')))} {self.n.cardinal(int(m.group('b')))}"
                      f" {self.w.zones.get('CT', '')}".rstrip() if self.en else m.group(0), text)
        if self.en:
            # "at 21.45", "22.00 GMT": a British clock time written with a full stop
            text = _DOTTED_CLOCK.sub(
                lambda m: f"{m.group('before') or ''}{m.group('h')}:{m.group('m')}"
                          f"{m.group('after') or ''}" if m.group("after") or (
                    m.group("before") and not _COUNTED.match(m.string, m.end()))
                else m.group(0), text)
        return _TIME.sub(self._time, text)

    def _duration(self, m: re.Match) -> str:
        parts = []
        for group, one, many in (("h", "hour", "hours"), ("m", "minute", "minutes"),
                                 ("s", "second", "seconds")):
            value = int(m.groupdict().get(group) or 0)
            if value:
                parts.append(f"{self.n.cardinal(value)} "
                             f"{self.say(one if value == 1 else many, one)}")
        return " ".join(parts) or self.n.cardinal(0)

    def _time(self, m: re.Match) -> str:
        hour = int(m.group("h") or m.group("h2"))
        minute = int(m.group("m") or m.group("m2") or 0)
        zone = m.group("zone") or m.group("zone2") or ""
        zone_word = ""
        tail = ""
        if zone:
            if zone in self.w.zones:
                zone_word = " " + self.w.zones[zone]
            else:
                tail = " " + zone
        ampm = m.group("ap")
        if self.en:
            if ampm:
                # "p.m." at the end of the text also ends the sentence.
                end = "." if m.group(0).endswith(".") and m.end() == len(m.string) else ""
                # Letters joined by a hyphen are spelled: espeak-ng reads a lone "a" as
                # the article ("six uh em"), "a-m" as the letters.
                suffix = f" {ampm.lower()}-m{end if not zone else ''}"
            elif minute == 0 and hour > 12:
                suffix = " hundred"  # a 24-hour clock: 14:00 is "fourteen hundred"
            elif minute == 0:
                suffix = " o'clock"
            else:
                suffix = ""
            if minute == 0:
                spoken = self.n.cardinal(hour) + suffix
            else:
                spoken = (f"{self.n.cardinal(hour)} {'oh ' if minute < 10 else ''}"
                          f"{self.n.cardinal(minute)}{suffix}")
            return spoken + zone_word + tail
        hours = bool((m.group("hours") or "").strip())
        return self._foreign_time(hour, minute, hours) + zone_word + tail

    def _foreign_time(self, hour: int, minute: int, hours: bool = False) -> str:
        h = self.n.cardinal(hour)
        lang = self.w.language
        if lang == "es":
            # Hours are feminine (la una, las veintiuna).
            h = re.sub(r"uno$", "una", h)
            if minute == 0 and (hour > 12 or hours):
                return f"{h} horas"  # "a las 22:00 h": a las veintidós horas
            named = {0: "en punto", 15: "y cuarto", 30: "y media"}
            return f"{h} {named.get(minute) or 'y ' + self.n.cardinal(minute)}"
        if lang == "pt":
            # Hours are feminine in Portuguese too (uma, duas, vinte e duas horas).
            h = re.sub(r"\bum$", "uma", re.sub(r"\bdois$", "duas", h))
            if minute == 0:
                return f"{h} hora{'s' if hour > 1 else ''}"
            return f"{h} e {self.n.cardinal(minute)}"
        if lang == "fr":
            return f"{h} heure{'s' if hour > 1 else ''}" + (
                f" {self.n.cardinal(minute)}" if minute else "")
        if lang == "de":
            return f"{h} Uhr" + (f" {self.n.cardinal(minute)}" if minute else "")
        return h + (f" {self.n.cardinal(minute)}" if minute else "")

    def dates(self, text: str) -> str:
        if self.n is None or not self.w.months:
            return text
        months = self.w.months

        def day_month(m: re.Match) -> str:
            month = months.get(m.group("month").lower())
            day = int(m.group("day"))
            if month is None or not 1 <= day <= 31:
                return m.group(0)
            return f"{month} {self.ordinal(day) if self.en else self.n.cardinal(day)}"

        def month_day(m: re.Match) -> str:
            month = months.get(m.group("month").lower().rstrip("."))
            day = int(m.group("day"))
            if month is None or not 1 <= day <= 31:
                return m.group(0)
            if self.en:
                the = "" if re.search(r"\b[Tt]he\s+$", m.string[:m.start()]) else "the "
                return f"{the}{self.ordinal(day)} of {month}"
            if self.w.language == "de":
                return f"{self.n.ordinal(day)} {month}"
            if self.w.language == "fr":
                return f"{'premier' if day == 1 else self.n.cardinal(day)} {month}"
            return f"{self.n.cardinal(day)} {self.say('of', '')} {month}"

        def slash_date(m: re.Match) -> str:
            a, b, year = int(m.group("a")), int(m.group("b")), m.group("y")
            # 11/14/2026 in US English, 14/11/2026 everywhere else.
            month, day = (a, b) if self.w.us_dates else (b, a)
            ordered = self.w.month_names
            if not (1 <= month <= 12 and 1 <= day <= 31) or len(ordered) != 12:
                return m.group(0)
            year_n = int(year) + (2000 if len(year) == 2 else 0)
            if not self.en:
                return self._foreign_date(day, month, year_n, m)
            return f"{ordered[month - 1]} {self.ordinal(day)} {self.n.year(year_n)}"
        text = _ISO_DATE.sub(self._iso_date, text)
        if self.w.language == "de":
            text = _DOTTED_DATE.sub(self._german_date, text)
        text = _SLASH_DATE.sub(slash_date, text)
        text = _DAY_MONTH.sub(day_month, text)
        return _MONTH_DAY.sub(month_day, text)

    def _iso_date(self, m: re.Match) -> str:
        """2026-11-14: November fourteenth, twenty twenty six (quince de noviembre...)."""
        year, month, day = int(m.group("y")), int(m.group("m")), int(m.group("d"))
        if not (1 <= month <= 12 and 1 <= day <= 31) or len(self.w.month_names) != 12:
            return m.group(0)
        if not self.en:
            return self._foreign_date(day, month, year, m)
        return f"{self.w.month_names[month - 1]} {self.ordinal(day)}, {self.n.year(year)}"

    def _german_date(self, m: re.Match) -> str:
        day, month, year = int(m.group("d")), int(m.group("m")), m.group("y")
        if not (1 <= month <= 12 and 1 <= day <= 31) or len(self.w.month_names) != 12:
            return m.group(0)
        return self._foreign_date(day, month, int(year) + (2000 if len(year) == 2 else 0), m)

    def _foreign_date(self, day: int, month: int, year: int, m: re.Match) -> str:
        """A day/month/year date as the show's language says it: quince de agosto de dos
        mil veintiséis, quatorze novembre, am vierzehnten November."""
        name, lang = self.w.month_names[month - 1], self.w.language
        if lang == "de":
            ending = "n" if _GERMAN_DATIVE.search(m.string[:m.start()]) else ""
            return f"{self.n.ordinal(day)}{ending} {name} {self.n.year(year)}"
        spoken_day = "premier" if lang == "fr" and day == 1 else self.n.cardinal(day)
        of = self.say("of", "") if lang in ("es", "pt") else ""
        return " ".join(f"{spoken_day} {of} {name} {of} {self.n.year(year)}".split())

    def fractions(self, text: str) -> str:
        if self.n is None:
            return text

        def char(m: re.Match) -> str:
            a, b = _FRACTION_CHARS[m.group("f")]
            # "½ cup": what follows decides "half a cup" (as for 1/2 cup)
            after = re.match(r"\s+[^\W\d_][\w'’-]*", m.string[m.end():])
            spoken = self._fraction(m.group("whole"), a, b, after.group(0) if after else "")
            return spoken[:len(spoken) - len(after.group(0))] if after else spoken

        def slash(m: re.Match) -> str:
            a, b = m.group("a"), int(m.group("b"))
            after, nxt = m.group("after") or "", (m.group("next") or "").lower()
            if self.en and not m.group("whole") and nxt not in _RATING_WORDS:
                if a == str(b) and b in (20, 50):  # 50/50, 20/20 vision
                    return f"{self.n.cardinal(b)}-{self.n.cardinal(b)}{after}"
                date = self._month_day(a, b, m.string[:m.start()])
                if date:
                    return date + after
            if not self.en and not m.group("whole") and nxt not in _RATING_WORDS and (
                    nxt not in _FRACTION_OF):  # "el 3/4 del público" is three quarters
                date = self._day_month(a, m.group("b"), m.string[:m.start()])
                if date:
                    return date + after
            out_of = self.say("out of")
            proper = "." not in a and 0 < int(a) < b and b in _FRACTION_DENOMINATORS
            # A score out of a round total (26/30, 41/50); 9/11 and 24/7 are not.
            total = b >= 15 and b % 5 == 0 and float(a) <= b
            if ((b in _RATING_DENOMINATORS or total) and out_of and not m.group("whole")
                    and float(a) <= b and (nxt in _RATING_WORDS or not proper
                                           or b in (5, 10) and nxt != "of")):
                return f"{self.number(a)} {out_of} {self.n.cardinal(b)}{after}"
            if not proper:
                # 24/7, 9/11: two numbers, said one after the other.
                return f"{self.number(a)} {self.n.cardinal(b)}{after}"
            return self._fraction(m.group("whole"), int(a), b, after)
        text = _FRACTION_CHAR.sub(char, text)
        return _SLASH.sub(slash, text)

    def _month_day(self, a: str, b: int, before: str) -> str | None:
        """"on 6/15": a month and day without a year, where a date is expected (after "on",
        "by", "since"...), as US English writes it; else None."""
        if "." in a or not self.w.us_dates or not _DATE_BEFORE.search(before) or \
                (a, b) == ("9", 11):  # "after 9/11" is the day's name: nine eleven
            return None
        month, day = int(a), b
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        return f"{self.w.month_names[month - 1]} {self.ordinal(day)}"

    def _day_month(self, a: str, b: str, before: str) -> str | None:
        """"el 10/02", "il 10/02": a day and month without a year, as other languages write
        them (a leading zero or a word that asks for a date says so); else None."""
        if "." in a or len(self.w.month_names) != 12 or not (
                a.startswith("0") or b.startswith("0") or _DAY_BEFORE.search(before)):
            return None
        day, month = int(a), int(b)
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        name, lang = self.w.month_names[month - 1], self.w.language
        if lang == "de":
            return f"{self.n.ordinal(day)} {name}"
        spoken_day = "premier" if lang == "fr" and day == 1 else self.n.cardinal(day)
        of = self.say("of", "") if lang in ("es", "pt") else ""
        return " ".join(f"{spoken_day} {of} {name}".split())

    def _fraction(self, whole: str | None, a: int, b: int, after: str) -> str:
        names = self.w.fractions.get(b)
        if names:
            denominator = names[0] if a == 1 else names[1]
        elif self.en:
            denominator = self.n.ordinal(b) + ("s" if a != 1 else "")
        else:
            denominator = self.n.ordinal(b)
        if self.en and b == 2 and a == 1:
            if whole:
                return f"{self.n.cardinal(int(whole))} and a half{after}"
            nxt = after.strip().lower()
            if nxt in ("of", "a", "an", "the", ""):
                return f"half{after}"
            article = "an" if nxt[:1] in "aeiou" or nxt.startswith("hour") else "a"
            return f"half {article}{after}"
        spoken = f"{self.n.cardinal(a)} {denominator}"
        if whole:
            spoken = f"{self.n.cardinal(int(whole))} {self.say('and', '')} {spoken}"
        return spoken + after

    def units(self, text: str) -> str:
        if self.n is None:
            return text
        if self.en:
            # 53.421 N, 2.235 W: north and west, not newtons and watts
            text = _COORDINATES.sub(
                lambda m: f"{m.group('a')} {_COMPASS[m.group('ns')]}, "
                          f"{m.group('b')} {_COMPASS[m.group('ew')]}", text)
        if self.en:
            # 5'10": five foot ten
            text = _HEIGHT.sub(lambda m: f"{self.n.cardinal(int(m.group('ft')))} foot "
                                         f"{self.n.cardinal(int(m.group('inch')))}"
                               if int(m.group("inch")) < 12 else m.group(0), text)
        minus = self.say("minus")
        if minus:
            text = _NEGATIVE.sub(minus + " ", text)
        units = self.w.units

        def unit(m: re.Match) -> str:
            written = m.group("unit").replace(" ", "")
            key = written.lower()
            names = units.get(key)
            # One-letter units only as written ("5 m", "12 V"): "5 M" or "3 G" is something
            # else, and "5 l" may be a typo.
            if names is None or (len(key) == 1 and written not in _ONE_LETTER_UNITS):
                return m.group(0)
            if key == "°" and self.w.language in ("it", "es", "pt") and _NEXT_WORD.match(
                    m.string, m.end()) and _word_after(m).islower():
                return m.group(0)  # "al 12° piano", "1° maggio": an ordinal, read later
            digits = m.group("num")
            if self.en and _ARTICLE_BEFORE.search(m.string[:m.start()]) and _NEXT_WORD.match(
                    m.string, m.end()) and _word_after(m).islower() and _word_after(m) not in (
                    "of", "and", "or", "to", "in", "on", "at", "per", "a", "an", "the"):
                # "a 300 lb block": a measure before its noun is said in the singular
                return f"{self.number(digits)} {names[0]}"
            if key == "h" and self.w.language in ("es", "pt") and digits.isdigit() and int(
                    digits) <= 24:
                return self._foreign_time(int(digits), 0, True)  # "às 22h": feminine hours
            one = digits.replace(",", "") in ("1", "1.0")
            return f"{self.number(digits)} {names[0] if one else names[1]}"
        text = _HYPHEN_UNIT.sub(
            lambda m: f"{self.number(m.group('num'))} {units[m.group('unit').lower()][0]}"
            if m.group("unit").lower() in units and len(m.group("unit")) > 1 else m.group(0),
            text)  # "the 38-min mark": thirty eight minute mark
        text = _UNIT.sub(unit, text)
        # "72 hrs. to explain": the abbreviation's full stop ends no sentence
        return _UNIT_DOT.sub(r"\1", text)

    def digits(self, text: str) -> str:
        """Numbers as the later rules read them: 40.000, 40 000 and 12,5 in languages that
        write so."""
        if self.w.decimal_comma:
            text = _SPACE_GROUPS.sub(lambda m: re.sub(r"[ \u00a0\u202f]", "", m.group(0)), text)
            text = _EUROPEAN_GROUPS.sub(lambda m: m.group(0).replace(".", ""), text)
            text = _EUROPEAN_DECIMAL.sub(r"\1.\2", text)
        return text

    def numbers(self, text: str) -> str:
        if self.n is None:
            return text
        if self.en:
            text = _PHONE.sub(self._digit_groups, text)
        percent = self.say("percent")
        if percent:
            text = _PERCENT.sub(lambda m: f"{self.number(m.group('num'))} {percent}", text)
        if self.w.language == "fr":
            text = _FRENCH_ORDINAL.sub(self._french_ordinal, text)
        elif self.w.language == "de":
            text = _GERMAN_ORDINAL.sub(self._german_ordinal, text)
        elif self.w.language == "es":
            # 1.er piso, 3er lugar: primer, tercer (before a masculine noun)
            text = _SPANISH_ORDINAL.sub(
                lambda m: re.sub(r"\b(prim|terc)ero$", r"\1er", self.ordinal(int(m.group(1)))),
                text)
        text = _ORDINAL.sub(self._ordinal, text)
        # Model numbers and codes: "TS-4000", "Q3", "COVID-19".
        text = _LETTERS_DIGITS.sub(lambda m: m.group("letters") + " ", text)
        if self.say("to"):
            text = _RANGE.sub(lambda m: f"{self.cardinal(m.group('a'))} {self.range_word(m)} "
                                        f"{self.cardinal(m.group('b'))}", text)
        if self.en:
            text = _NAMED_NUMBER.sub(self._named_number, text)
            text = _WORD_RANGE.sub(lambda m: f"{self.cardinal(m.group(1))} to "
                                             f"{self.cardinal(m.group(2))}", text)  # 3-to-1
            text = _SHORT_YEAR.sub(lambda m: f" {self.n.cardinal(int(m.group(1)))}", text)
            text = _DECADE.sub(self._decade, text)
            # 007, 0451: digit by digit, zero as "oh"
            text = _LEADING_ZERO.sub(lambda m: " " + " ".join(
                "oh" if d == "0" else self.n.cardinal(int(d)) for d in m.group(0)) + " ", text)
        else:
            # "los 1990s" (an English habit): the year, without the s
            text = _DECADE.sub(lambda m: f" {self.cardinal(m.group('num'))} ", text)
        if self.en:
            # Version 1.2.3: one point two point three
            text = _DOTTED_NUMBER.sub(lambda m: " " + " point ".join(
                self.n.cardinal(int(x)) for x in m.group(0).split(".")) + " ", text)
        text = _DECIMAL.sub(lambda m: f" {self.number(m.group('num'))} ", text)
        if self.w.language == "es":
            return _INTEGER.sub(self._spanish_cardinal, text)
        return _INTEGER.sub(lambda m: f" {self.cardinal(m.group(0))} ", text)

    def _digits(self, digits: str) -> str:
        return " ".join("oh" if d == "0" else self.n.cardinal(int(d)) for d in digits)

    def _digit_groups(self, m: re.Match) -> str:
        """555-0199, (212) 555-0199, 911: a phone number digit by digit, a pause a group."""
        return " " + ", ".join(self._digits(g) for g in re.findall(r"\d+", m.group(0))) + " "

    def _named_number(self, m: re.Match) -> str:
        """Room 237, Flight 815, Boeing 747: "two thirty seven", as such numbers are said."""
        digits = m.group("num")
        head, tail = digits[:-2], int(digits[-2:])
        if tail == 0:
            rest = "hundred"
        elif tail < 10:
            rest = f"oh {self.n.cardinal(tail)}"
        else:
            rest = self.n.cardinal(tail)
        return f"{m.group('before')} {self.n.cardinal(int(head))} {rest}"

    def _spanish_cardinal(self, m: re.Match) -> str:
        """A Spanish number agreeing with the noun after it: veintiún años, trescientas
        cincuenta hectáreas, mil doscientas personas."""
        words = self.cardinal(m.group(0))
        noun = _word_after(m)
        if noun.lower() in _ES_NOT_NOUNS or not noun.islower():
            return f" {words} "
        if not noun.endswith("s"):
            label = re.search(r"(\w+)\s+$", m.string[:m.start()])
            if words == "uno" and not (label and label.group(1).lower() in _ES_LABELS):
                # 1 hija, 1 voto: una hija, un voto (not "la temporada 1 termina")
                return " una " if _spanish_feminine_singular(noun) else " un "
            return f" {words} "
        if _spanish_feminine(noun):
            words = re.sub(r"ientos\b", "ientas", re.sub(r"uno$", "una", words))
        else:
            words = re.sub(r"veintiuno$", "veintiún", re.sub(r"(?<!\w)uno$", "un", words))
        return f" {words} "

    def _french_ordinal(self, m: re.Match) -> str:
        n = int(m.group("num"))
        if n == 1:
            return "première" if m.group("mark") in ("re", "ère") else "premier"
        return self.n.ordinal(n)

    def _german_ordinal(self, m: re.Match) -> str:
        # "die 3. Folge": die dritte Folge; after "am", "im", "in der": the dative, dritten.
        words = self.n.ordinal(int(m.group("num")))
        before = m.string[:m.start()]
        return words + ("n" if _GERMAN_DATIVE.search(before) else "")

    def _ordinal(self, m: re.Match) -> str:
        words = self.ordinal(int(m.group("num").replace(",", "")))
        if m.group("mark") == "ª":
            # 1ª is feminine in Spanish, Portuguese and Italian: primera, not primero.
            words = re.sub(r"o\b", "a", words)
        elif self.w.language == "es":
            noun = _word_after(m)
            if noun.islower() and noun.lower() not in _ES_NOT_NOUNS:
                # before a masculine noun: el tercer episodio, el primer día
                words = re.sub(r"\b(prim|terc)ero$", r"\1er", words)
        return words

    def _decade(self, m: re.Match) -> str:
        num = m.group("num")
        words = self.n.year(int(num)) if len(num) == 4 else self.n.cardinal(int(num))
        return words[:-1] + "ies" if words.endswith("y") else words + "s"

    def roman(self, text: str) -> str:
        if self.n is None:
            return text
        if self.w.language == "fr":
            # "XIXe siècle": le dix-neuvième siècle; "François Ier": premier
            text = _FRENCH_ROMAN_ORDINAL.sub(
                lambda m: ("premier" if _roman_value(m.group("roman")) == 1 else
                           self.n.ordinal(_roman_value(m.group("roman"))))
                if _ROMAN_VALID.match(m.group("roman")) else m.group(0), text)
        text = _ROMAN_AFTER_WORD.sub(
            lambda m: f"{m.group('before')} {self.n.cardinal(_roman_value(m.group('roman')))}"
            if _ROMAN_VALID.match(m.group("roman")) else m.group(0), text)

        def numeral(m: re.Match) -> str:
            roman, before = m.group("roman"), m.group("before")
            cardinal = before in _ROMAN_CARDINAL_BEFORE
            regnal = before in self.w.regnal_names
            # One letter is a numeral only where a number is expected: "Malcolm X", "Plan V".
            if not _ROMAN_VALID.match(roman) or (len(roman) == 1 and not cardinal
                                                   and not (regnal and roman == "V")):
                return m.group(0)
            value = _roman_value(roman)
            if regnal and self.w.language == "fr":
                return f"{before} {self.n.cardinal(value)}"  # Louis XIV: Louis quatorze
            if regnal:
                the = self.say("the", "")
                return f"{before} {the} {self.n.ordinal(value)}".replace("  ", " ")
            return f"{before} {self.n.cardinal(value)}"
        return _ROMAN.sub(numeral, text)

    def grades(self, text: str) -> str:
        """Letter grades and star ratings: B+ is "B plus", ★★★½ "three and a half stars"."""
        plus, minus = self.say("plus"), self.say("minus")
        if plus and minus:
            text = _GRADE.sub(lambda m: f"{m.group(1)}-{plus if m.group(2) == '+' else minus}",
                              text)
            # "Disney+." at a sentence's end: the sign is part of the name
            text = _TRAILING_PLUS.sub(f" {plus}", text)
        return text

    def stars(self, text: str) -> str:
        """★★★½ as "three and a half stars" (before emoji, which ★ is, are dropped)."""
        if self.en and self.n is not None:
            text = _STARS.sub(self._stars, text)
        return text

    def _stars(self, m: re.Match) -> str:
        full, half, empty = m.group(0).count("★"), "½" in m.group(0), m.group(0).count("☆")
        count = self.n.cardinal(full) + (" and a half" if half else "")
        if empty:  # ★★★★☆: four out of five stars
            return f"{count} out of {self.n.cardinal(full + empty + half)} stars"
        return f"{count} {'star' if full == 1 and not half else 'stars'}"

    def symbols(self, text: str) -> str:
        text = _ATTRIBUTION.sub(" — ", text)
        and_word = self.say("and", "&")
        # AT&T, Q&A, R&B: letters, spelled, around the word
        text = _LETTERS_AND.sub(lambda m: f"{_spelled(m.group(1))} {and_word} "
                                          f"{_spelled(m.group(2))}", text)
        text = text.replace("&", f" {and_word} ")
        percent = self.say("percent")
        if percent:
            text = text.replace("%", f" {percent} ")
        for sign, role in (("+", "plus"), ("=", "equals")):
            word = self.say(role)
            if word:
                text = _ARITHMETIC.sub(lambda m, s=sign, w=word: f" {w} " if m.group(1) == s
                                       else m.group(0), text)
        text = re.sub(r"(?<=\w)/(?=\w)", " ", text)
        text = re.sub(r"\s+-+\s+", ", ", text)
        return _SYMBOLS.sub(" ", text)


def _spelled(letters) -> str:
    """Letters a voice must spell, joined by hyphens: espeak-ng says "A-I" and "a-m" as
    letters but a spaced "A I" as the article and a word ("uh I")."""
    return "-".join(letters)


def _url(m: re.Match, dot: str) -> str:
    url = m.group(0).rstrip(".,;:!?)")
    host = re.sub(r"^(?:https?://)?(?:www\.)?", "", url, flags=re.IGNORECASE).split("/")[0]
    return " " + host.replace(".", f" {dot} ") + m.group(0)[len(url):]


def _markup(text: str) -> str:
    text = _TAG.sub(lambda m: " " if (m.group("name") or "").lower() in _BLOCK_TAGS else "",
                    text)
    text = html.unescape(text)
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(lambda m: m.group("text"), text)
    for _ in range(2):
        text = _MD_EMPHASIS.sub(lambda m: m.group("text"), text)
    return text


def speakable(text: str, lexicon: Iterable[tuple[str, str]] = (), *,
              phonemes: bool = True, language: str = "en-us") -> str:
    """Return ``text`` as a narrator of a show in ``language`` would say it.

    Markup and emoji are dropped; abbreviations, episode codes, dates, numbers, money,
    times, units, fractions, ordinals, ranges and symbols become words in the show's
    language; ``lexicon`` entries and inline ``{word|says}`` become their pronunciations
    (IPA as Piper's ``[[ ... ]]`` when ``phonemes`` is true).
    """
    kept: list[str] = []

    def protect(spoken: str) -> str:
        kept.append(spoken)
        # One private-use character a token: no later rule reads or splits it.
        return chr(0xE100 + len(kept) - 1)

    reader = _reader(language)
    dot, at = reader.say("dot", "dot"), reader.say("at", "at")
    # Private-use characters mean nothing to a voice, and these ones mark protected tokens.
    text = _markup(_PLACEHOLDER.sub(" ", text))
    text = substitute(text, lexicon, phonemes, protect)
    text = _EMOJI.sub(" ", reader.stars(text))
    if reader.w.language in _LATIN_SCRIPT:
        # "Skyforge Academy (空鍛学園)": a voice of a Latin-script language cannot say it
        text = _OTHER_SCRIPT.sub(" ", text)
    text = _EMAIL.sub(
        lambda m: f"{m.group('user')} {at} {m.group('host').replace('.', f' {dot} ')}", text)
    text = _URL.sub(lambda m: _url(m, dot), text)
    rules: tuple[Callable[[str], str], ...] = (
        reader.digits, reader.handles, reader.shouting, reader.episodes, reader.abbreviations,
        reader.grades, reader.ranges, reader.money, reader.times, reader.dates, reader.fractions,
        reader.units, reader.roman,
        reader.numbers, reader.symbols,
    )
    for rule in rules:
        text = rule(text)
    text = re.sub(r"\s+([,.;:!?)])", r"\1", text)
    text = re.sub(r"([(\[])\s+", r"\1", text)
    text = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", text)
    # A number said as words keeps what was joined to it: "twelve-year-old", "Season two's".
    text = re.sub(r"(?<=\w) +(?=-[^\W\d_]|['’]s\b)", "", text)
    text = _PLACEHOLDER.sub(lambda m: kept[ord(m.group(0)) - 0xE100], text)
    return re.sub(r"\s+", " ", text).strip()


def _split_long(sentence: str, limit: int) -> list[str]:
    """Cut a sentence over ``limit`` words at clause marks, else into equal word runs."""
    pieces: list[str] = []
    for clause in _CLAUSE.split(sentence):
        words = clause.split()
        if len(words) <= limit:
            pieces.append(clause)
            continue
        parts = -(-len(words) // limit)
        size = -(-len(words) // parts)
        pieces += [" ".join(words[i:i + size]) for i in range(0, len(words), size)]
    return _pack(pieces, limit)


def _pack(pieces: list[str], limit: int) -> list[str]:
    """Join pieces into chunks of at most ``limit`` words, of about even length.

    Even chunks avoid a short tail (a 108-word paragraph is 36+36+36, not 50+43+15): a
    few words alone lose the context that carries their intonation.
    """
    total = sum(len(p.split()) for p in pieces)
    target = total / max(1, -(-total // limit))
    chunks: list[str] = []
    current: list[str] = []
    count = 0
    for piece in pieces:
        n = len(piece.split())
        if current and (count + n > limit or abs(count + n - target) > abs(count - target)):
            chunks.append(" ".join(current))
            current, count = [], 0
        current.append(piece)
        count += n
    if current:
        chunks.append(" ".join(current))
    return chunks


def split_sentences(text: str) -> list[str]:
    """The sentences of a paragraph; abbreviations such as ``Dr.`` do not end one."""
    sentences: list[str] = []
    # Text written all in lowercase (a chat log) starts its sentences in lowercase too.
    lowercase = not _CAPITAL_START.search(text) and not text[:1].isupper()
    for piece in _SENTENCE.split(text.strip()):
        # Every test looks at how the sentence so far ends: its last characters are enough,
        # and a paragraph of thousands of merged pieces stays linear.
        last = sentences[-1][-80:] if sentences else ""
        goes_on = _GOES_ON.match(piece) and not (lowercase and not _CLOCK_END.search(last))
        ends = sentences and _ACRONYM_END.search(last) and _STARTER.match(piece)
        if sentences and not ends and (_NOT_AN_END.search(last) or goes_on
                                       or (_CLOCK_END.search(last) and _ZONE_START.match(piece))):
            sentences[-1] += " " + piece
        elif piece.strip():
            sentences.append(piece.strip())
    return sentences


def chunk_text(text: str, limit: int = MAX_CHUNK_WORDS) -> list[str]:
    """Split a paragraph into its sentences; a sentence over ``limit`` words is cut further.

    One sentence a chunk keeps chunk boundaries where the author put them: editing a
    sentence changes only its own take (packing sentences into longer chunks shifted every
    boundary after an edit). Piper speaks each sentence on its own anyway, so nothing is
    lost in intonation.
    """
    chunks: list[str] = []
    for sentence in split_sentences(text):
        if len(sentence.split()) > limit:
            chunks += _split_long(sentence, limit)
        else:
            chunks.append(sentence)
    return chunks
