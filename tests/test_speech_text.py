"""Chunking and speakable text."""

from __future__ import annotations

import pytest

from recapcast.text.speakable import (
    MAX_CHUNK_WORDS,
    chunk_text,
    number_words,
    ordinal_words,
    speakable,
    year_words,
)


def test_chunks_respect_the_word_limit_and_keep_every_word():
    paragraph = " ".join(f"Sentence number {i} has exactly seven words." for i in range(30))
    chunks = chunk_text(paragraph)
    assert all(len(c.split()) <= MAX_CHUNK_WORDS for c in chunks)
    assert " ".join(chunks).split() == paragraph.split()
    assert all(c.endswith(".") for c in chunks)


def test_an_unpunctuated_run_is_cut_into_even_chunks():
    words = ["word"] * 3000
    chunks = chunk_text(" ".join(words))
    assert all(len(c.split()) <= MAX_CHUNK_WORDS for c in chunks)
    assert sum(len(c.split()) for c in chunks) == 3000


def test_abbreviations_do_not_end_sentences():
    chunks = chunk_text("She did research on Dr. Kozlov. " * 12)
    assert not any(c.endswith("Dr.") for c in chunks)


def test_speakable_expands_what_piper_misreads():
    assert speakable("Dr. Kozlov & Mr. Smith") == "Doctor Kozlov and Mister Smith"
    assert "A.K.A." in speakable("Episode 11 AKA And I've Got The Blues")


@pytest.mark.parametrize("written, spoken", [
    ("I can only fight one big bad at a time. ~ Jessica Jones",
     "I can only fight one big bad at a time. — Jessica Jones"),
    ("Episode 11 AKA And I've Got The Blues", "Episode eleven A.K.A. And I've Got The Blues"),
    ("Dr. Kozlov met Mr. Smith and Mrs. Walker.",
     "Doctor Kozlov met Mister Smith and Missus Walker."),
    ("They meet at St. Mark's Church on 12 Main St.",
     "They meet at Saint Mark's Church on twelve Main Street."),
    ("Cage waits the full 12 hours.", "Cage waits the full twelve hours."),
    ("A crowd of 1,500 people.", "A crowd of one thousand five hundred people."),
    ("It aired in 2015.", "It aired in twenty fifteen."),
    ("The 1990s and the '80s", "The nineteen nineties and the eighties"),
    ("IGH paid $3.5 million.", "IGH paid three point five million dollars."),
    ("A drink for $12.50, or $1.", "A drink for twelve dollars and fifty cents, or one dollar."),
    ("It costs £20.", "It costs twenty pounds."),
    ("She calls at 9:30 pm.", "She calls at nine thirty p-m."),
    ("At 7 a.m. and 10:00 and 9:05", "At seven a-m and ten o'clock and nine oh five"),
    ("Her 21st birthday, his 2nd try, the 3rd act, the 100th time.",
     "Her twenty first birthday, his second try, the third act, the one hundredth time."),
    ("Episodes 3–6 were better.", "Episodes three to six were better."),
    ("Seasons 1-2", "Seasons one to two"),
    ("Jones & Cage", "Jones and Cage"),
    ("A 50% chance, 12.5% of it", "A fifty percent chance, twelve point five percent of it"),
    ("Watch it on https://www.netflix.com/title/80002311.", "Watch it on netflix dot com."),
    ("Write to tips@recap.example.com", "Write to tips at recap dot example dot com"),
    ("Kilgrave is back 😱🔥 and angry 👍🏽", "Kilgrave is back and angry"),
    ("<p>She <b>runs</b> &amp; hides</p>", "She runs and hides"),
    ("Rock &amp; roll&nbsp;forever &mdash; really", "Rock and roll forever — really"),
    ("**Jones** is *not* amused", "Jones is not amused"),
    ("See [the recap](https://example.com/x) and `notes`", "See the recap and notes"),
    ("Trish's #1 fan", "Trish's number one fan"),
    ("~5 minutes later", "about five minutes later"),
    ("the flash drive - the one Reva found", "the flash drive, the one Reva found"),
])
def test_written_text_is_spoken_naturally(written: str, spoken: str):
    assert speakable(written) == spoken


@pytest.mark.parametrize("written", [
    "~ Jessica Jones", "<i>x</i> &amp; &lt;y&gt;", "**a** _b_ `c` #tag", "a|b {c} [d] \\e ^f",
    "50% & 2+2=4 @home", "😀 👍🏽 🇬🇧 ❤️",
])
def test_no_symbol_reaches_the_voice(written: str):
    assert not set(speakable(written)) & set("~<>&*_`#|{}[]\\^%+=@")


def test_numbers_in_words():
    assert number_words(0) == "zero"
    assert number_words(42) == "forty two"
    assert number_words(1_000_001) == "one million one"
    assert ordinal_words(12) == "twelfth"
    assert ordinal_words(40) == "fortieth"
    assert year_words(2005) == "two thousand five"
    assert year_words(1905) == "nineteen oh five"


def test_inline_pronunciations_and_lexicon():
    lexicon = (("Kilgrave", "KILL-grave"), ("Kozlov", "/ˈkɑzlɔv/"))
    assert speakable("{Reva|REE-vuh} and Kilgrave's plan", lexicon) == (
        "ree-vuh and kill-grave's plan")
    assert speakable("Dr. Kozlov's lab", lexicon) == "Doctor [[ ˈkɑzlɔvz ]] lab"
    # Engines without phonemes get the written word.
    assert speakable("Dr. Kozlov's lab", lexicon, phonemes=False) == "Doctor Kozlov's lab"
    assert speakable("{Trish|/tɹɪʃ/}", ()) == "[[ tɹɪʃ ]]"
    # Whole words only, and case matters: a cage is not Cage.
    assert speakable("Kilgraves and kilgrave", lexicon) == "Kilgraves and kilgrave"
