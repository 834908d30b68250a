"""Ordinals: 1st, 22nd, 1,000th, 1ª, 2º; the language's own marks (1er, 3., 1.er) first."""

from __future__ import annotations

import re

from recapcast.text.speech.reader import Reader

__all__ = ["ordinals"]

_ORDINAL = re.compile(r"\b(?P<num>\d{1,3}(?:,\d{3})+|\d+)\.?"
                      r"(?P<mark>st|nd|rd|th|º|ª|°(?=\s))(?!\w)", re.IGNORECASE)


def ordinals(r: Reader, text: str) -> str:
    """3rd -> third; la 1ª vez -> la primera vez; le 1er épisode -> le premier épisode."""
    if r.n is None:
        return text
    text = r.lang.ordinals(r, text)

    def ordinal(m: re.Match) -> str:
        words = r.ordinal(int(m.group("num").replace(",", "")))
        if m.group("mark") == "ª":
            # 1ª is feminine in Spanish, Portuguese and Italian: primera, not primero.
            return re.sub(r"o\b", "a", words)
        return r.lang.ordinal_agree(r, words, m)
    return _ORDINAL.sub(ordinal, text)
