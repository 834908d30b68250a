"""Renders segments through their engines into a content-addressed cache of takes."""

from __future__ import annotations

import hashlib
import io
import wave
from collections.abc import Callable, Sequence
from pathlib import Path

from recapcast.atomic import write_bytes
from recapcast.engines import Audio, Engine, get_engine
from recapcast.model import Segment, Take, VoiceSettings

__all__ = ["take_key", "render_takes"]

CACHE_VERSION = "1"
"""Bump when the way takes are made changes, so old takes are not reused."""


def take_key(voice: VoiceSettings, text: str) -> str:
    """Cache key of a take: engine, voice, settings and the exact speakable text."""
    material = f"{CACHE_VERSION}\n{voice.fingerprint()}\n{text}"
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


def _take_path(cache_dir: Path, voice: VoiceSettings, text: str) -> Path:
    key = take_key(voice, text)
    suffix = ".mp3" if voice.engine == "gtts" else ".wav"
    return cache_dir / "takes" / key[:2] / f"{key}{suffix}"


def _encode(audio: Audio) -> bytes:
    if audio.format != "pcm":
        return audio.data
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(audio.sample_rate)
        out.writeframes(audio.data)
    return buffer.getvalue()


def _take(segment: Segment, path: Path, cached: bool) -> Take:
    if path.suffix == ".wav":
        with wave.open(str(path), "rb") as wav:
            return Take(segment, path, wav.getframerate(), wav.getnframes(), cached)
    return Take(segment, path, 0, 0, cached)


def _cached_take(segment: Segment, path: Path) -> Take | None:
    """The cached take, or None when there is none or it is unreadable (then it is dropped)."""
    if not path.is_file():
        return None
    try:
        return _take(segment, path, cached=True)
    except (wave.Error, EOFError, OSError):
        path.unlink(missing_ok=True)
        return None


def render_takes(
    segments: Sequence[Segment],
    cache_dir: Path,
    *,
    engine_for: Callable[[VoiceSettings], Engine] = get_engine,
    on_take: Callable[[Take], None] | None = None,
) -> list[Take]:
    """Return one take per segment, synthesising only those not in the cache."""
    engines: dict[VoiceSettings, Engine] = {}
    takes: list[Take] = []
    for segment in segments:
        path = _take_path(cache_dir, segment.voice, segment.text)
        take = _cached_take(segment, path)
        if take is None:
            if segment.voice not in engines:
                engines[segment.voice] = engine_for(segment.voice)
            audio = engines[segment.voice].synthesize(segment.text)
            write_bytes(path, _encode(audio))
            take = _take(segment, path, cached=False)
        takes.append(take)
        if on_take:
            on_take(take)
    return takes
