"""Chunking and speakable text."""

from __future__ import annotations

from recapcast.speech_text import MAX_CHUNK_WORDS, chunk_text, speakable


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
