"""Turns a script into the segments a voice speaks, and the chapter titles."""

from __future__ import annotations

from recapcast.model import Heading, Paragraph, Pause, Quote, Script, Segment, Show
from recapcast.plaintext import without_emoji
from recapcast.speech_text import MAX_CHUNK_WORDS, chunk_text, speakable

__all__ = ["INTRO_CHAPTER", "plan_segments"]

INTRO_CHAPTER = "Intro"
SENTENCE_GAP_S = 0.2
"""Silence between chunks of one paragraph; piper already ends each with a short tail."""


def plan_segments(script: Script, show: Show) -> tuple[tuple[Segment, ...], tuple[str, ...]]:
    """Return the segments in speaking order and the chapter titles.

    Chapter 0 is the intro music; each heading starts a new chapter and is spoken.
    """
    segments: list[Segment] = []
    titles = [INTRO_CHAPTER]
    pending_pause = 0.0

    def add(written: str, voice, role: str = "narrator", speaker: str = "",
            gap: float = 0.0) -> None:
        nonlocal pending_pause
        placed = 0
        for chunk, text in _chunks(written):
            if not text.strip(" .,;:!?-—–\"'"):
                continue
            segments.append(Segment(
                index=len(segments), text=text, written=chunk, voice=voice,
                chapter=len(titles) - 1, role=role, speaker=speaker,
                pause_before_s=(gap + pending_pause) if placed == 0 else SENTENCE_GAP_S,
            ))
            placed += 1
            pending_pause = 0.0

    for block in script.blocks:
        first = not segments
        if isinstance(block, Heading):
            titles.append(block.text)
            add(block.text, show.voice, gap=0.0 if first else show.chapter_pause_s)
        elif isinstance(block, Paragraph):
            add(block.text, show.voice, gap=0.0 if first else show.pause_s)
        elif isinstance(block, Quote):
            gap = 0.0 if first else show.pause_s
            if block.speaker:
                add(f"As {block.speaker} puts it:", show.voice, gap=gap)
                gap = 0.35
            add(block.text, show.quote_voice, role="quote", speaker=block.speaker, gap=gap)
        elif isinstance(block, Pause):
            pending_pause += block.seconds
    return tuple(segments), tuple(titles)


def _chunks(written: str, limit: int = MAX_CHUNK_WORDS) -> list[tuple[str, str]]:
    """(written, speakable) pairs whose speakable side is at most MAX_CHUNK_WORDS words.

    Speaking can lengthen text ("e.g." becomes "for example"), so a written chunk whose
    speakable form is too long is cut again, smaller.
    """
    out: list[tuple[str, str]] = []
    for chunk in chunk_text(written, limit):
        text = speakable(without_emoji(chunk))
        if len(text.split()) <= MAX_CHUNK_WORDS:
            out.append((chunk, text))
        elif len(chunk.split()) > 1:
            out += _chunks(chunk, max(1, limit // 2))
        else:
            out += [(piece, piece) for piece in chunk_text(text)]
    return out

