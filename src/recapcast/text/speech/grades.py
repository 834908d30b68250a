"""Letter grades (B+, A-) and star ratings (★★★½)."""

from __future__ import annotations

import re

from recapcast.text.speech.reader import Reader

__all__ = ["grades", "stars"]

_GRADE = re.compile(r"(?<![\w+-])([A-F])([+\-−])(?=[\s.,;:!?)]|$)")
_TRAILING_PLUS = re.compile(r"(?<=[a-z])\+(?=[\s.,;:!?)]|$)")
_STARS = re.compile(r"★+(?:\s?½)?☆*")


def grades(r: Reader, text: str) -> str:
    """B+ is "B-plus", A- "A-minus"; "Disney+" at a sentence's end "Disney plus"."""
    plus, minus = r.say("plus"), r.say("minus")
    if plus and minus:
        text = _GRADE.sub(lambda m: f"{m.group(1)}-{plus if m.group(2) == '+' else minus}",
                          text)
        # "Disney+." at a sentence's end: the sign is part of the name
        text = _TRAILING_PLUS.sub(f" {plus}", text)
    return text


def stars(r: Reader, text: str) -> str:
    """★★★½ as "three and a half stars" (before emoji, which ★ is, are dropped)."""
    if not (r.en and r.n is not None):
        return text

    def rating(m: re.Match) -> str:
        full, half, empty = m.group(0).count("★"), "½" in m.group(0), m.group(0).count("☆")
        count = r.n.cardinal(full) + (" and a half" if half else "")
        if empty:  # ★★★★☆: four out of five stars
            return f"{count} out of {r.n.cardinal(full + empty + half)} stars"
        return f"{count} {'star' if full == 1 and not half else 'stars'}"
    return _STARS.sub(rating, text)
