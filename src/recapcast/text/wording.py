"""The words a narrator puts around numbers and symbols, per show language.

Number words come from :mod:`recapcast.text.numbers`; the tables of what "%" or "vs." or
"S3E4" or "km" is called live in the language's module of
:mod:`recapcast.text.speech.languages`. A language without one keeps such symbols for the
voice, which reads them in its own language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from recapcast.text.numbers import NumberWords, number_words_for
from recapcast.text.speech.languages import LANGUAGES

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


_DECIMAL_COMMA = {"es", "fr", "de", "it", "pt", "nl", "da", "sv", "no", "nb", "fi", "pl", "cs",
                  "ru", "uk", "tr", "ro", "hu", "ca", "sk", "sl", "hr", "sr", "lt", "lv", "id"}
_TABLES = {code: language.wording for code, language in LANGUAGES.items()}


@lru_cache(maxsize=16)
def wording_for(language: str) -> Wording:
    """The wording of a show language code such as ``en-us``, ``es`` or ``de-AT``."""
    base, _, region = language.replace("_", "-").lower().partition("-")
    base = base or "en"
    return Wording(language=base, numbers=number_words_for(language or "en"),
                   us_dates=(base, region) in (("en", "us"), ("en", "")),
                   decimal_comma=base in _DECIMAL_COMMA,
                   **_TABLES.get(base, {}))
