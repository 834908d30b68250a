"""The show languages: one module each, listed here. A new language is one more module
(see docs/speakable.md); a language without one still gets its number words."""

from __future__ import annotations

from recapcast.text.speech.languages import de, en, es, fr, it, pt
from recapcast.text.speech.languages.base import OTHER, Language

__all__ = ["LANGUAGES", "Language", "language_for"]

LANGUAGES: dict[str, Language] = {m.LANGUAGE.code: m.LANGUAGE for m in (en, es, fr, de, it, pt)}


def language_for(code: str) -> Language:
    """The language of a show code such as ``en-us``, ``es`` or ``de-AT``."""
    base = code.replace("_", "-").lower().partition("-")[0] or "en"
    return LANGUAGES.get(base, OTHER)
