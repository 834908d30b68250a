"""Voices kept loaded for the studio's whole run, so a sentence costs only its synthesis."""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from pathlib import Path

from recapcast.model import Segment, Take, VoiceSettings
from recapcast.voice.engines import Audio, Engine, get_engine
from recapcast.voice.takes import cpu_cores, render_takes

__all__ = ["WarmVoices"]

log = logging.getLogger(__name__)


class _Kept:
    """An engine without ``close``: the take cache frees a voice once it has spoken all a
    build needs, which for the studio would mean loading it again for every sentence."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self.name = engine.name

    def synthesize(self, text: str) -> Audio:
        return self._engine.synthesize(text)


class WarmVoices:
    """One engine per voice, made on first use and kept; one sentence is spoken at a time,
    with every core's onnxruntime threads (a single take gains nothing from a pool)."""

    def __init__(self) -> None:
        self._engines: dict[VoiceSettings, _Kept] = {}
        self._lock = threading.Lock()

    def engine(self, settings: VoiceSettings) -> Engine:
        kept = self._engines.get(settings)
        if kept is None:
            kept = self._engines[settings] = _Kept(get_engine(settings, threads=cpu_cores()))
        return kept

    def speak(self, segments: Sequence[Segment], cache_dir: Path) -> list[Take]:
        """The takes of ``segments``, spoken now where the cache has none."""
        with self._lock:
            return render_takes(segments, cache_dir, engine_for=self.engine)

    def warm(self, settings: VoiceSettings) -> threading.Thread:
        """Load the voice in the background (speaking one word nowhere), so the first click
        does not wait for the model."""

        def load() -> None:
            try:
                with self._lock:
                    self.engine(settings).synthesize("Ready.")
            except Exception as exc:  # noqa: BLE001 - the first real take reports it
                log.warning("could not load the voice %s: %s", settings.voice, exc)

        thread = threading.Thread(target=load, name="recapcast-warm-voice", daemon=True)
        thread.start()
        return thread
