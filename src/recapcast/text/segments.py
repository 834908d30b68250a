"""Turns a script into the segments a voice speaks, and the chapter titles."""

from __future__ import annotations

from functools import lru_cache

from recapcast.model import (
    Heading,
    Paragraph,
    Pause,
    Pronounce,
    Quote,
    Script,
    Segment,
    Show,
    VoiceSettings,
)
from recapcast.text import dialogue, opening
from recapcast.text.lexicon import display_text
from recapcast.text.plaintext import without_emoji
from recapcast.text.speakable import MAX_CHUNK_WORDS, chunk_text, speakable
from recapcast.text.wording import wording_for

__all__ = ["FRAMING_ROLES", "INTRO_CHAPTER", "PHONEME_ENGINES", "follows_quote", "plan_segments",
           "quote_intro", "script_lexicon", "voice_for"]

PHONEME_ENGINES = frozenset({"piper"})
"""Engines that take IPA inline as ``[[ ... ]]``; others are given the written word."""

INTRO_CHAPTER = "Intro"
FRAMING_ROLES = frozenset({"opening", "signoff"})
"""Roles of the words the show says around every recap (``text.opening``)."""
SENTENCE_GAP_S = 0.2
"""Silence between chunks of one paragraph; piper already ends each with a short tail."""
RUN_GAP_S = 0.0
"""Silence added where a paragraph changes voice (narrator to a quotation's speaker and
back): none, as the listener should hear one paragraph in two voices; each take's own
short tail is the only gap."""


def voice_for(show: Show, speaker: str) -> VoiceSettings:
    """A quote's voice: the speaker's own if the config names one, else the quote voice."""
    wanted = speaker.casefold()
    for name, voice in show.voices:
        if name.casefold() == wanted:
            return voice
    return show.quote_voice


def script_lexicon(script: Script, show: Show) -> tuple[tuple[str, str], ...]:
    """The show's lexicon with the script's ``[pronounce ...]`` lines over it."""
    merged = dict(show.lexicon)
    merged.update((b.word, b.says) for b in script.blocks if isinstance(b, Pronounce))
    return tuple(merged.items())


def plan_segments(script: Script, show: Show) -> tuple[tuple[Segment, ...], tuple[str, ...]]:
    """Return the segments in speaking order and the chapter titles.

    Chapter 0 is the intro music and the show's opening; each heading starts a new chapter
    and is spoken; the sign-off closes the last chapter.
    """
    segments: list[Segment] = []
    titles = [INTRO_CHAPTER]
    pending_pause = 0.0
    lexicon = script_lexicon(script, show)

    def add(written: str, voice, role: str = "narrator", speaker: str = "",
            gap: float = 0.0, inline: bool = False) -> int:
        nonlocal pending_pause
        placed = 0
        phonemes = voice.engine in PHONEME_ENGINES
        for chunk, text in _said(written, lexicon, phonemes, show.language):
            if not text.strip(" .,;:!?-—–\"'"):
                continue
            segments.append(Segment(
                index=len(segments), text=text, written=display_text(chunk), voice=voice,
                chapter=len(titles) - 1, role=role, speaker=speaker,
                pause_before_s=(gap + pending_pause) if placed == 0 else SENTENCE_GAP_S,
                paragraph=paragraph, inline=inline,
            ))
            placed += 1
            pending_pause = 0.0
        return placed

    paragraph = -1  # the opening belongs to no block of the script
    add(opening.fill(show.opening, script.meta, show.title, show.language, script.episode_id),
        show.voice, role="opening")
    for number, block in enumerate(script.blocks):
        paragraph = number  # read by add()
        first = not segments
        if isinstance(block, Heading):
            titles.append(display_text(block.text))
            add(block.text, show.voice, gap=0.0 if first else show.chapter_pause_s)
        elif isinstance(block, Paragraph):
            _add_runs(add, show, block.text, 0.0 if first else show.pause_s)
        elif isinstance(block, Quote):
            gap = 0.0 if first else show.pause_s
            if block.speaker:
                add(quote_intro(block.speaker, show.language,
                                in_dialogue=follows_quote(script, number)), show.voice, gap=gap)
                gap = 0.35
            add(block.text, voice_for(show, block.speaker), role="quote", speaker=block.speaker,
                gap=gap)
        elif isinstance(block, Pause):
            pending_pause += block.seconds
    if not any(s.role != "opening" for s in segments):
        return (), tuple(titles)  # an opening alone is not an episode
    paragraph = len(script.blocks)
    add(opening.fill(show.signoff, script.meta, show.title, show.language, script.episode_id),
        show.voice, role="signoff", gap=show.chapter_pause_s)
    return tuple(segments), tuple(titles)


def _add_runs(add, show: Show, text: str, gap: float) -> None:
    """A paragraph's runs (``text.dialogue``): the narrator's and each named speaker's, the
    first after the paragraph's pause, the others straight after the run before them. A
    quotation inside a sentence gets no "In the words of ..." (its sentence names the
    speaker)."""
    runs = dialogue.runs(text)
    inline = len(runs) > 1
    placed = 0
    for run in runs:
        if run.speaker:
            placed += add(run.text, voice_for(show, run.speaker), role="quote",
                          speaker=run.speaker, gap=RUN_GAP_S if placed else gap,
                          inline=inline)
        else:
            placed += add(run.text, show.voice, gap=RUN_GAP_S if placed else gap,
                          inline=inline)


def follows_quote(script: Script, number: int) -> bool:
    """Whether block ``number`` answers a quote just before it (pauses between are fine)."""
    for block in reversed(script.blocks[:number]):
        if not isinstance(block, Pause):
            return isinstance(block, Quote) and bool(block.speaker)
    return False


def quote_intro(speaker: str, language: str, *, in_dialogue: bool = False) -> str:
    """What the narrator says before a quote: "In the words of Maud:", or only "Tobiah:"
    when it answers the quote before it, as a script reads an exchange."""
    if in_dialogue:
        return f"{speaker}:"
    lead = wording_for(language).words.get("in the words of", "In the words of")
    return f"{lead} {speaker}:"


@lru_cache(maxsize=8192)
def _said(written: str, lexicon: tuple[tuple[str, str], ...], phonemes: bool,
          language: str) -> tuple[tuple[str, str], ...]:
    """``_chunks``, kept: the studio plans a draft again after each edit, and only the
    edited paragraph's text is new (planning ep12 again took 0.08 s, nearly all of it
    making text speakable)."""
    return tuple(_chunks(written, lexicon, phonemes, language))


def _chunks(written: str, lexicon: tuple[tuple[str, str], ...], phonemes: bool,
            language: str, limit: int = MAX_CHUNK_WORDS) -> list[tuple[str, str]]:
    """(written, speakable) pairs whose speakable side is at most MAX_CHUNK_WORDS words.

    Speaking can lengthen text ("e.g." becomes "for example"), so a written chunk whose
    speakable form is too long is cut again, smaller.
    """
    out: list[tuple[str, str]] = []
    for chunk in chunk_text(written, limit):
        text = speakable(without_emoji(chunk), lexicon, phonemes=phonemes, language=language)
        if len(text.split()) <= MAX_CHUNK_WORDS:
            out.append((chunk, text))
        elif len(chunk.split()) > 1:
            out += _chunks(chunk, lexicon, phonemes, language, max(1, limit // 2))
        else:
            out += [(piece, piece) for piece in chunk_text(text)]
    return out

