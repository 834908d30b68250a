"""Turns written recap text into what a narrator would say, in chunks a voice can take."""

from __future__ import annotations

import re

__all__ = ["MAX_CHUNK_WORDS", "speakable", "chunk_text"]

MAX_CHUNK_WORDS = 50
"""Piper's memory grows with sentence length; no chunk handed to a voice is longer."""

_ABBREVIATIONS = {
    "Dr.": "Doctor", "Mr.": "Mister", "Mrs.": "Missus", "Ms.": "Miz", "St.": "Saint",
    "vs.": "versus", "etc.": "et cetera", "e.g.": "for example", "i.e.": "that is",
}
_ABBREVIATION = re.compile(
    r"(?<!\w)(" + "|".join(re.escape(k) for k in _ABBREVIATIONS) + r")(?=\s|$)"
)
_AKA = re.compile(r"\bAKA\b")
_SENTENCE = re.compile(r"(?<=[.!?…][\"”’)])\s+|(?<=[.!?…])\s+")
_NOT_AN_END = re.compile(r"(?:\b(?:Dr|Mr|Mrs|Ms|St|vs|etc|e\.g|i\.e)|\b[A-Z])\.$")
_CLAUSE = re.compile(r"(?<=[,;:–—])\s+")


def speakable(text: str) -> str:
    """Return ``text`` as a narrator would say it."""
    text = _ABBREVIATION.sub(lambda m: _ABBREVIATIONS[m.group(1)], text)
    text = _AKA.sub("A.K.A.", text)
    text = text.replace("&", " and ")
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
    chunks: list[str] = []
    current: list[str] = []
    count = 0
    for piece in pieces:
        n = len(piece.split())
        if current and count + n > limit:
            chunks.append(" ".join(current))
            current, count = [], 0
        current.append(piece)
        count += n
    if current:
        chunks.append(" ".join(current))
    return chunks


def chunk_text(text: str, limit: int = MAX_CHUNK_WORDS) -> list[str]:
    """Split a paragraph at sentence boundaries into chunks of at most ``limit`` words."""
    sentences: list[str] = []
    for piece in _SENTENCE.split(text.strip()):
        if sentences and _NOT_AN_END.search(sentences[-1]):
            sentences[-1] += " " + piece
        elif piece.strip():
            sentences.append(piece)
    pieces: list[str] = []
    for sentence in sentences:
        if len(sentence.split()) > limit:
            pieces += _split_long(sentence, limit)
        else:
            pieces.append(sentence.strip())
    return _pack(pieces, limit)
