"""The show's own intro jingle and outro, generated from code (no borrowed music)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from collections.abc import Callable

    from recapcast.model import Show

__all__ = ["intro_and_outro", "jingle", "outro"]

# I–V–vi–IV in C major, one chord a bar: root, third, fifth as MIDI notes.
_PROGRESSION = ((48, 64, 67, 72), (43, 62, 67, 71), (45, 64, 69, 72), (41, 65, 69, 72))
_BPM = 112


def _freq(note: int) -> float:
    return 440.0 * 2 ** ((note - 69) / 12)


def _pluck(freq: float, seconds: float, rate: int) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    tone = np.sin(2 * np.pi * freq * t) + 0.3 * np.sin(4 * np.pi * freq * t)
    return tone * np.exp(-3.5 * t) * np.minimum(1.0, t * 200)


def jingle(rate: int = 44100, bars: int = 4) -> np.ndarray:
    """A short original jingle: arpeggiated chords over a soft pad, as float mono in [-1, 1]."""
    beat = 60.0 / _BPM
    bar = 4 * beat
    total = bars * bar + 2.0
    out = np.zeros(int(total * rate))
    for i in range(bars):
        chord = _PROGRESSION[i % len(_PROGRESSION)]
        start = int(i * bar * rate)
        t = np.arange(int(bar * rate)) / rate
        pad = sum(np.sin(2 * np.pi * _freq(n) * t) for n in chord[1:]) / 3
        pad *= 0.25 * np.minimum(1.0, t / 0.3) * np.minimum(1.0, (bar - t) / 0.3)
        out[start:start + len(pad)] += pad
        bass = _pluck(_freq(chord[0]), bar, rate) * 0.5
        out[start:start + len(bass)] += bass
        for step in range(8):
            note = chord[1 + step % 3] + (12 if step >= 4 else 0)
            at = start + int(step * beat / 2 * rate)
            pluck = _pluck(_freq(note), 1.2, rate) * 0.35
            end = min(len(out), at + len(pluck))
            out[at:end] += pluck[: end - at]
    fade = int(2.0 * rate)
    out[-fade:] *= np.linspace(1.0, 0.0, fade)
    return out / np.max(np.abs(out)) * 0.8


def outro(rate: int = 44100) -> np.ndarray:
    """A short closing cadence (IV, V, then a long I) in the jingle's sound, float mono."""
    beat = 60.0 / _BPM
    chords = ((_PROGRESSION[3], 2 * beat), (_PROGRESSION[1], 2 * beat), (_PROGRESSION[0], 5.0))
    out = np.zeros(int(sum(length for _, length in chords) * rate) + rate)
    at = 0
    for chord, length in chords:
        t = np.arange(int((length + 0.5) * rate)) / rate
        pad = sum(np.sin(2 * np.pi * _freq(n) * t) for n in chord[1:]) / 3
        pad *= 0.25 * np.minimum(1.0, t / 0.05) * np.exp(-t / max(length, 1.0))
        out[at:at + len(pad)] += pad[: len(out) - at]
        bass = _pluck(_freq(chord[0]), length + 0.5, rate) * 0.5
        out[at:at + len(bass)] += bass[: len(out) - at]
        for step, note in enumerate(chord[1:] + (chord[1] + 12,)):
            start = at + int(step * beat / 2 * rate)
            pluck = _pluck(_freq(note + 12), 1.2, rate) * 0.3
            end = min(len(out), start + len(pluck))
            out[start:end] += pluck[: end - start]
        at += int(length * rate)
    fade = int(1.5 * rate)
    out[-fade:] *= np.linspace(1.0, 0.0, fade)
    return out / np.max(np.abs(out)) * 0.8


def _music(root: Path, name: str, generate: Callable[[int], np.ndarray], rate: int
           ) -> np.ndarray | None:
    """The configured music file, the generated default when empty, or None for ``none``."""
    from recapcast.sound import mixdown

    if not name:
        return generate(rate)
    if name.lower() == "none":
        return None
    return mixdown.decode_music(root / name, rate)


def intro_and_outro(root: Path, show: Show) -> tuple[np.ndarray | None, np.ndarray | None]:
    """The show's intro and outro music at its sample rate (``root``: the show folder)."""
    rate = show.audio.sample_rate
    return (_music(root, show.intro, jingle, rate), _music(root, show.outro, outro, rate))
