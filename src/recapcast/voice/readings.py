"""Take history: several readings of one sentence, and which one each episode uses.

Piper samples noise, so each time it speaks a text it reads it a little differently. A
reading is a take cached under the text's key plus its number (``takes.take_key``); the
choice of reading is kept per episode in ``.cache/readings/<episode_id>.json``, a map
from the key of the text's first reading to the chosen number. It sits in the cache
rather than in the script because it names audio that only this cache holds: a fresh
clone has none of those takes, and the script stays the documented format. The build
applies the choices when it plans its segments, so the planned segments (and so the build
fingerprint) change with a choice, and the next build uses the chosen take.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable
from pathlib import Path

from recapcast.model import Script, Segment, Show, VoiceSettings
from recapcast.safety.atomic import write_text
from recapcast.text.segments import plan_segments
from recapcast.voice.takes import take_key, take_path

__all__ = ["MAX_READINGS", "chosen", "with_readings", "planned", "choose", "readings",
           "next_reading"]

MAX_READINGS = 32
"""Readings kept listed for one text (the history's length)."""


def _choices_path(cache_dir: Path, episode_id: str) -> Path:
    return cache_dir / "readings" / f"{episode_id}.json"


def chosen(cache_dir: Path, episode_id: str) -> dict[str, int]:
    """The episode's choices: key of a text's first reading -> the reading to use."""
    try:
        data = json.loads(_choices_path(cache_dir, episode_id).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items()
            if isinstance(v, int) and not isinstance(v, bool) and 0 < v < MAX_READINGS}


def with_readings(segments: Iterable[Segment], choices: dict[str, int]) -> tuple[Segment, ...]:
    """The segments with the chosen reading of each (a take that is missing from the cache
    is spoken again as that reading, as any missing take is)."""
    if not choices:
        return tuple(segments)
    return tuple(dataclasses.replace(s, reading=choices.get(take_key(s.voice, s.text), 0))
                 for s in segments)


def planned(cache_dir: Path, script: Script, show: Show
            ) -> tuple[tuple[Segment, ...], tuple[str, ...]]:
    """The segments a build of ``script`` speaks, each with the reading the episode chose,
    and the chapter titles."""
    segments, titles = plan_segments(script, show)
    return with_readings(segments, chosen(cache_dir, script.episode_id)), titles


def choose(cache_dir: Path, episode_id: str, voice: VoiceSettings, text: str,
           reading: int) -> None:
    """Make ``reading`` of ``text`` the one the episode's builds use."""
    choices = chosen(cache_dir, episode_id)
    key = take_key(voice, text)
    if reading:
        choices[key] = reading
    else:
        choices.pop(key, None)
    write_text(_choices_path(cache_dir, episode_id), json.dumps(choices, indent=1,
                                                                sort_keys=True))


def readings(cache_dir: Path, voice: VoiceSettings, text: str) -> list[int]:
    """The readings of ``text`` with ``voice`` that are in the cache."""
    return [n for n in range(MAX_READINGS) if take_path(cache_dir, voice, text, n).is_file()]


def next_reading(cache_dir: Path, voice: VoiceSettings, text: str) -> int:
    """The number a new reading of ``text`` gets (after the newest one cached)."""
    found = readings(cache_dir, voice, text)
    return min(max(found, default=-1) + 1, MAX_READINGS - 1)
