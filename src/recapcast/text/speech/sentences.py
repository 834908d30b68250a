"""Sentences and chunks: where a paragraph's sentences end, and the pieces a voice takes."""

from __future__ import annotations

import re

__all__ = ["MAX_CHUNK_WORDS", "split_sentences", "chunk_text"]

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
