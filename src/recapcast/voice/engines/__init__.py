"""Speech engines: a small protocol and a registry of the built-in and plugin engines.

Third-party engines register under the ``recapcast.engines`` entry-point group with a
factory taking a VoiceSettings, exactly as the built-in ones below. Optional attributes
of the factory: ``cpu_bound = True`` (worth a pool of speech threads; the factory then
also takes ``threads``, its share of the cores), ``identity(settings) -> str`` (what
identifies the voice's files, so a changed model rebuilds the episodes it spoke) and
``prepare(settings)`` (one-time set-up, run before any take is spoken).

Optional on an engine: ``stream(text) -> Speech | None`` (the take in pieces as they
are made, for the studio to play at once; None when it cannot for this voice) and
``levelled_in_mix = True`` (its takes are at the voice's own level, and the mix brings
each take's peak to the voice's volume).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import import_module
from importlib.metadata import entry_points
from typing import Protocol

from recapcast.errors import EngineError, RecapcastError
from recapcast.model import Finding, Show, VoiceSettings

__all__ = ["Audio", "Engine", "Speech", "engine_names", "get_engine", "is_cpu_bound",
           "language_findings", "levelled_in_mix", "peak_target", "prepare_voice",
           "voice_identity", "voice_dictionary", "with_engine"]


@dataclass(frozen=True)
class Audio:
    """What an engine returns: mono 16-bit PCM, or encoded bytes in a named format."""

    data: bytes
    sample_rate: int = 0
    """Sample rate of PCM data; 0 for encoded data."""
    format: str = "pcm"
    """``pcm`` (s16le mono) or a container ffmpeg reads, such as ``mp3``."""


@dataclass(frozen=True)
class Speech:
    """A take being made: mono 16-bit PCM at ``sample_rate``, ``samples`` long in all, in
    ``pieces`` (bytes) that arrive as they are made."""

    sample_rate: int
    samples: int
    pieces: Iterator[bytes]


def peak_target(settings: VoiceSettings) -> float:
    """Where a take of an engine that is ``levelled_in_mix`` has its peak: the voice's
    volume, at most full scale (as Piper's normalising put it, minus its clipping)."""
    return int(min(settings.volume, 1.0) * 32767) / 32768


class Engine(Protocol):
    """Speaks text with one voice."""

    name: str

    def synthesize(self, text: str) -> Audio:
        """Speak ``text`` (already speakable, at most one chunk) and return its audio."""
        ...

    # Optional: ``close()``, called once the build has spoken every take, frees what the
    # engine loaded.


_BUILTIN = {
    "piper": "recapcast.voice.engines.piper:PiperEngine",
    "gtts": "recapcast.voice.engines.gtts:GttsEngine",
    "tone": "recapcast.voice.engines.tone:ToneEngine",
}


@lru_cache(maxsize=1)
def _registry() -> dict[str, str]:
    found = dict(_BUILTIN)
    for point in entry_points(group="recapcast.engines"):
        found.setdefault(point.name, point.value)
    return found


def engine_names() -> list[str]:
    """Names of every engine that can be used."""
    return sorted(_registry())


def check_engine(name: str) -> str:
    """Return ``name`` if it is a known engine, else raise EngineError listing them."""
    if name not in _registry():
        raise EngineError(f"unknown engine {name!r}", f"known engines: {', '.join(engine_names())}")
    return name


def _factory(name: str):
    module, _, attr = _registry()[check_engine(name)].partition(":")
    return getattr(import_module(module), attr)


def get_engine(settings: VoiceSettings, *, threads: int = 0) -> Engine:
    """Create the engine that speaks with ``settings``, using ``threads`` cores if CPU-bound."""
    factory = _factory(settings.engine)
    if threads and getattr(factory, "cpu_bound", False):
        return factory(settings, threads=threads)
    return factory(settings)


def is_cpu_bound(name: str) -> bool:
    """Whether the engine ``name`` is worth running on a pool of speech threads."""
    return bool(getattr(_factory(name), "cpu_bound", False))


def levelled_in_mix(name: str) -> bool:
    """Whether the engine ``name``'s takes are at the voice's own level, for the mix to
    level (its optional ``levelled_in_mix``); False for an engine that is not known."""
    try:
        return bool(getattr(_factory(name), "levelled_in_mix", False))
    except RecapcastError:
        return False


def prepare_voice(settings: VoiceSettings) -> None:
    """Do the engine's one-time set-up for ``settings`` (its optional ``prepare``)."""
    prepare = getattr(_factory(settings.engine), "prepare", None)
    if prepare:
        prepare(settings)


def voice_identity(settings: VoiceSettings) -> str:
    """The voice's settings plus what identifies its files, for build fingerprints."""
    identity = getattr(_factory(settings.engine), "identity", None)
    return settings.fingerprint() + ("|" + identity(settings) if identity else "")


def voice_dictionary(voice: VoiceSettings):
    """The voice's ``(known_words, phonemes)``, or None when its engine cannot tell."""
    try:
        engine = get_engine(voice)
    except RecapcastError:
        return None
    if not (hasattr(engine, "known_words") and hasattr(engine, "phonemes")):
        return None
    return engine.known_words(), engine.phonemes


def language_findings(show: Show, config_name: str = "recapcast.toml") -> list[Finding]:
    """A warning when the narrator voice speaks another language than the show is in: its
    letters would be read with the voice's sounds ("doce" in an English accent)."""
    try:
        engine = get_engine(show.voice)
    except RecapcastError:
        return []
    if not hasattr(engine, "language"):
        return []
    spoken = engine.language()

    def base(language: str) -> str:
        return language.replace("_", "-").split("-")[0].lower()

    if base(spoken) == base(show.language):
        return []
    return [Finding(config_name, 0, f"the show's language is {show.language} but the narrator "
                    f"voice {show.voice.voice} speaks {spoken}: choose a voice in "
                    f"{show.language} ([voice] voice = a Piper .onnx file, or engine = "
                    f'"gtts" with voice = "{base(show.language)}")', "warning")]


def with_engine(show: Show, engine: str | None) -> Show:
    """``show`` with every voice on ``engine`` (``--engine``); None keeps the config's."""
    if not engine:
        return show
    check_engine(engine)

    def swap(voice: VoiceSettings) -> VoiceSettings:
        if voice.engine == engine:
            return voice
        return dataclasses.replace(voice, engine=engine, voice="en" if engine == "gtts" else
                                   VoiceSettings.voice)

    return dataclasses.replace(show, voice=swap(show.voice), quote_voice=swap(show.quote_voice),
                               voices=tuple((name, swap(v)) for name, v in show.voices))
