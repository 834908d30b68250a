"""Transcripts from the mix's segment timings: WebVTT, SRT and plain text."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from recapcast.model import Span

__all__ = ["Cue", "cues", "to_vtt", "to_srt", "to_text"]

MAX_CUE_CHARS = 84
"""Two caption lines of 42 characters, the common broadcast limit."""
_LINE_CHARS = 42
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*$")
_CLAUSE_END = re.compile(r"[,;:—–][\"'”’)]*$")
_ABBREVIATIONS = {"dr.", "mr.", "mrs.", "ms.", "st.", "vs.", "jr.", "sr.", "prof."}


@dataclass(frozen=True)
class Cue:
    """One caption: text shown from ``start_ms`` to ``end_ms``, and who says it."""

    start_ms: int
    end_ms: int
    text: str
    speaker: str = ""
    opens_take: bool = True
    """True for the first cue of a take."""


def _sentences(text: str) -> list[str]:
    words = text.split()
    out: list[list[str]] = [[]]
    for i, word in enumerate(words):
        out[-1].append(word)
        following = words[i + 1] if i + 1 < len(words) else ""
        if (_SENTENCE_END.search(word) and word.lower() not in _ABBREVIATIONS
                and (following[:1].isupper() or following[:1] in "\"“'")):
            out.append([])
    return [" ".join(s) for s in out if s]


def _balanced(sentence: str) -> list[str]:
    """Cut a long sentence into the fewest near-equal runs, at a comma when one is close."""
    words = sentence.split()
    parts = -(-len(sentence) // MAX_CUE_CHARS)
    ends = np.cumsum([len(w) + 1 for w in words])
    cuts = []
    for j in range(1, parts):
        goal = j * len(sentence) / parts
        score = [abs(end - goal) - (12 if _CLAUSE_END.search(w) else 0)
                 for end, w in zip(ends, words, strict=True)]
        lowest = (cuts[-1] + 1) if cuts else 1
        candidates = range(lowest, len(words))
        if not candidates:
            break
        cuts.append(min(candidates, key=lambda i: score[i - 1]))
    bounds = [0, *cuts, len(words)]
    return [" ".join(words[a:b]) for a, b in zip(bounds, bounds[1:], strict=False) if b > a]


def _pieces(text: str) -> list[str]:
    """Caption-sized pieces of ``text``: whole sentences, long ones cut into balanced runs."""
    pieces: list[str] = []
    for sentence in _sentences(text):
        pieces += [sentence] if len(sentence) <= MAX_CUE_CHARS else _balanced(sentence)
    return pieces


def cues(spans: Sequence[Span], sample_rate: int) -> list[Cue]:
    """Captions for every span, each span's time shared among its pieces by their length."""
    out: list[Cue] = []
    for span in spans:
        pieces = _pieces(span.segment.written)
        total = sum(len(p) + 1 for p in pieces) or 1
        speaker = span.segment.speaker if span.segment.role == "quote" else ""
        done = 0
        for n, piece in enumerate(pieces):
            start = span.start + (span.end - span.start) * done // total
            done += len(piece) + 1
            end = span.start + (span.end - span.start) * done // total
            out.append(Cue(start * 1000 // sample_rate, end * 1000 // sample_rate, piece,
                           speaker, n == 0))
    return out


def _clock(ms: int, separator: str) -> str:
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}{separator}{millis:03d}"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _lines(text: str) -> str:
    return "\n".join(textwrap.wrap(text, _LINE_CHARS, break_long_words=False)) or text


def to_vtt(spans: Sequence[Span], sample_rate: int) -> str:
    """A WebVTT transcript; quotes carry their speaker as a ``<v Speaker>`` voice span."""
    blocks = ["WEBVTT"]
    for n, cue in enumerate(cues(spans, sample_rate), start=1):
        text = _escape(_lines(cue.text))
        if cue.speaker:
            name = " ".join(re.sub(r"[<>&]", " ", cue.speaker).split())
            text = f"<v {name}>{text}</v>"
        blocks.append(f"{n}\n{_clock(cue.start_ms, '.')} --> {_clock(cue.end_ms, '.')}\n{text}")
    return "\n\n".join(blocks) + "\n"


def to_srt(spans: Sequence[Span], sample_rate: int) -> str:
    """An SRT transcript; the first caption of each quote names its speaker."""
    blocks = []
    for n, cue in enumerate(cues(spans, sample_rate), start=1):
        text = f"{cue.speaker}: {cue.text}" if cue.speaker and cue.opens_take else cue.text
        blocks.append(f"{n}\n{_clock(cue.start_ms, ',')} --> {_clock(cue.end_ms, ',')}\n"
                      f"{_lines(text)}")
    return "\n\n".join(blocks) + "\n"


def to_text(spans: Sequence[Span]) -> str:
    """The whole episode as plain text: one line a segment (a paragraph with dialogue inside
    it, one line), a blank line between chapters."""
    lines: list[str] = []
    chapter = None
    before = None
    for span in spans:
        segment = span.segment
        if chapter is not None and segment.chapter != chapter:
            lines.append("")
        chapter = segment.chapter
        if segment.inline and before is not None and before.inline and \
                before.paragraph == segment.paragraph and lines and lines[-1]:
            # a paragraph with dialogue inside: its runs read as the paragraph was written
            lines[-1] += " " + segment.written
        elif segment.inline:
            lines.append(segment.written)
        elif segment.role == "quote":
            lines.append(f"“{segment.written}”" + (f" — {segment.speaker}" if segment.speaker
                                                      else ""))
        else:
            lines.append(segment.written)
        before = segment
    return "\n".join(lines) + "\n"
