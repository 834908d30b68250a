"""Turns written recap text into what a narrator would say, in chunks a voice can take.

Each kind of written form (episode codes, money, clock times, dates, measures, ordinals,
numbers...) is read by its own module of :mod:`recapcast.text.speech`, in the words of the
show's language (:mod:`recapcast.text.speech.languages`); this module orders them. The
order matters: a kind that reads digits must run before a simpler one would take them
("$1.2M" is money before "1.2" is a decimal; "9:30" is a time before "9" is a number).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from recapcast.text.lexicon import substitute
from recapcast.text.numbers import number_words_for
from recapcast.text.speech import (
    cardinal,
    casing,
    clock,
    date,
    decimal,
    electronic,
    episodes,
    fraction,
    grades,
    markup,
    measure,
    money,
    ordinal,
    ranges,
    roman,
    symbols,
    telephone,
    whitelist,
)
from recapcast.text.speech.reader import Reader, reader_for
from recapcast.text.speech.sentences import MAX_CHUNK_WORDS, chunk_text, split_sentences

__all__ = [
    "MAX_CHUNK_WORDS", "speakable", "chunk_text", "split_sentences", "number_words",
    "ordinal_words", "year_words", "KINDS",
]

Rule = Callable[[Reader, str], str]

KINDS: tuple[tuple[str, Rule], ...] = (
    # before anything reads a number: "40.000", "150 000" and "12,5" as the language writes
    ("cardinal", cardinal.digits),
    ("electronic", electronic.handles),
    ("casing", casing.shouting),
    ("episodes", episodes.episodes),
    ("whitelist", whitelist.abbreviations),
    ("grades", grades.grades),
    ("ranges", ranges.ranges),
    ("money", money.money),
    ("time", clock.times),
    ("date", date.dates),
    ("fraction", fraction.fractions),
    ("measure", measure.units),
    ("roman", roman.roman),
    ("telephone", telephone.phones),
    ("measure", measure.percents),
    ("ordinal", ordinal.ordinals),
    ("cardinal", cardinal.codes),
    ("cardinal", cardinal.ranges),
    ("telephone", telephone.named_numbers),
    ("cardinal", cardinal.word_ranges),
    ("date", date.years),
    ("telephone", telephone.leading_zeros),
    ("decimal", decimal.versions),
    ("decimal", decimal.decimals),
    ("cardinal", cardinal.integers),
    ("symbols", symbols.symbols),
)
"""The kinds in the order they read a text, each named by its module (the golden tables
of tests/data/speech are named so)."""


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

    reader = reader_for(language)
    text = markup.markup(markup.PLACEHOLDER.sub(" ", text))
    text = substitute(text, lexicon, phonemes, protect)
    # ★ is an emoji: star ratings are read before emoji are dropped
    for rule in (grades.stars, markup.emoji, markup.other_script, electronic.emails,
                 electronic.urls):
        text = rule(reader, text)
    for _kind, rule in KINDS:
        text = rule(reader, text)
    text = symbols.tidy(text)
    text = markup.PLACEHOLDER.sub(lambda m: kept[ord(m.group(0)) - 0xE100], text)
    return re.sub(r"\s+", " ", text).strip()
