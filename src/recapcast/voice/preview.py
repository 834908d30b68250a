"""``recapcast preview``: speak one segment of a script, or any text, into a file."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

from recapcast.config import Project
from recapcast.errors import UsageError
from recapcast.model import EpisodeMeta, Paragraph, Quote, Script, Segment, Take
from recapcast.safety.atomic import write_bytes
from recapcast.text.script import read_script
from recapcast.text.segments import plan_segments
from recapcast.voice import readings
from recapcast.voice.engines import with_engine
from recapcast.voice.takes import render_takes

__all__ = ["PLAYERS", "segments_of", "segment_rows", "preview_segment", "preview_text", "save",
           "player"]

PLAYERS = (("ffplay", "-nodisp", "-autoexit", "-loglevel", "quiet"), ("afplay",),
           ("paplay",), ("aplay", "-q"), ("play", "-q"))
"""Players tried in order; the first found plays the preview."""


def segments_of(project: Project, episode_id: str, engine: str | None = None
                ) -> tuple[Segment, ...]:
    """The segments a build of ``episode_id`` would speak (with the readings the episode
    chose), numbered from 1 by position."""
    script = read_script(project, episode_id)
    return readings.planned(project.cache_dir, script, with_engine(project.show, engine))[0]


def segment_rows(project: Project, episode_id: str, engine: str | None = None) -> list[dict]:
    """What ``preview --json`` prints: each segment a build would speak, in order, with the
    written text and the exact text its engine is handed (normalised, lexicon applied)."""
    script = read_script(project, episode_id)
    segments, titles = readings.planned(project.cache_dir, script,
                                        with_engine(project.show, engine))
    return [{"number": number, "role": s.role, "speaker": s.speaker,
             "chapter": titles[s.chapter], "written": s.written, "text": s.text,
             "engine": s.voice.engine, "voice": s.voice.voice}
            for number, s in enumerate(segments, 1)]


def preview_segment(project: Project, episode_id: str, number: int,
                    engine: str | None = None) -> Take:
    """Speak segment ``number`` (1-based) of a script; it lands in the take cache too."""
    segments = segments_of(project, episode_id, engine)
    if not 1 <= number <= len(segments):
        raise UsageError(f"{episode_id} has segments 1 to {len(segments)}, not {number}",
                         f"list them with: recapcast preview {episode_id}")
    return render_takes([segments[number - 1]], project.cache_dir)[0]


def preview_text(project: Project, text: str, speaker: str = "",
                 engine: str | None = None) -> Take:
    """Speak ``text`` as the narrator, or as a quote by ``speaker``, with the show's lexicon."""
    block = Quote(text, speaker) if speaker else Paragraph(text)
    script = Script("preview", EpisodeMeta("preview"), (block,))
    # Only the text itself: no opening or sign-off around it.
    show = dataclasses.replace(with_engine(project.show, engine), opening="", signoff="")
    segments = plan_segments(script, show)[0]
    spoken = [s for s in segments if s.role == "quote"] if speaker else list(segments)
    if not spoken:
        raise UsageError("there is nothing to speak in that text",
                         'give words, for example: recapcast preview --text "Kilgrave"')
    takes = render_takes(spoken, project.cache_dir)
    if len(takes) == 1:
        return takes[0]
    raise UsageError("the text is longer than one segment (50 words)",
                     "preview a sentence or two at a time")


def save(take: Take, out: Path) -> Path:
    """Copy a take to ``out`` (its suffix follows the take: .wav, or .mp3 for gTTS)."""
    out = out.with_suffix(take.path.suffix)
    write_bytes(out, take.path.read_bytes())
    return out


def player() -> list[str] | None:
    """The command line of an installed audio player, or None."""
    for command in PLAYERS:
        found = shutil.which(command[0])
        if found:
            return [found, *command[1:]]
    return None
