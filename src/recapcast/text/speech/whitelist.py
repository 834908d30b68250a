"""Abbreviations and titles (the language's tables), "No." and "p.", dotted acronyms."""

from __future__ import annotations

import re

from recapcast.text.speech.reader import Reader, spelled

__all__ = ["abbreviations"]

_PAGES = re.compile(r"(?<![\w.])(?P<abbr>pp|p|pg|pgs)\.\s*(?=\d)")
# "No. 9", "#1", British "No 4" (no full stop; not "No 2 days are alike", a count), the
# French "n° 12" and "№ 5"
_NUMBER_SIGN = re.compile(r"(?<!\w)(?:No|Nos|no)\.\s*(?=\d)|(?<!\w)No\s(?=\d+\b(?![.,]\d|"
                          r"\s+[a-z]+s\b))|(?<!\w)#(?=\d)|(?<![\w.])[Nn][°º]\s*(?=\d)|"
                          r"(?<!\w)№\s*(?=\d)")
_SAINT = re.compile(r"(?<!\w)St\.?(?=\s+[A-Z])")  # British style writes "St Aldhelm's"
_STREET = re.compile(r"(?<=\w)\s+St\.")
_AKA = re.compile(r"\bAKA\b|\ba\.k\.a\.", re.IGNORECASE)
_DOTTED_ACRONYM = re.compile(r"(?<![\w.])((?:[A-Z]\.){2,})(?=[\s,;:!?)'’\"”]|$)")
_TILDE_ABOUT = re.compile(r"~\s*(?=\d)")


def abbreviations(r: Reader, text: str) -> str:
    """Dr. -> Doctor, Lt. Data -> Lieutenant Data, No. 9 -> number nine, U.S. -> U-S."""
    if r.en:
        text = _SAINT.sub("Saint", text)
        text = _STREET.sub(lambda m: " Street." if m.end() == len(m.string) else " Street",
                           text)
    about = r.say("about")
    if about:
        # "a ~20% drop": a roughly twenty percent drop
        text = _TILDE_ABOUT.sub(
            lambda m: "roughly " if r.en and re.search(r"\b[Aa]n?\s*$", m.string[:m.start()])
            else about + " ", text)
    number, page, pages = r.say("number"), r.say("page"), r.say("pages")
    if number:
        text = _NUMBER_SIGN.sub(number + " ", text)
    if page:
        text = _PAGES.sub(lambda m: (pages if m.group("abbr") in ("pp", "pgs") else page)
                          + " ", text)
    if r.titles_re:
        text = r.titles_re.sub(lambda m: r.w.titles[m.group(1)], text)
    if r.abbreviations_re:
        text = r.abbreviations_re.sub(lambda m: r.w.abbreviations[m.group(1)], text)
    if r.en:
        text = _AKA.sub("A.K.A.", text)
        text = _DOTTED_ACRONYM.sub(
            lambda m: m.group(1) if m.group(1) == "A.K.A." else
            spelled(m.group(1).rstrip(".").split(".")) + ("." if m.end() == len(m.string)
                                                           else ""), text)
    return text
