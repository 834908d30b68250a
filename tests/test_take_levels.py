"""Piper takes are kept at the voice's own level (so they can be heard while they are
made) and the mix brings each one's peak to the voice's volume, as Piper's normalising
did: the episode sounds as before, and takes cached before keep their level exactly."""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np
import pytest

from recapcast.model import Segment, Take, VoiceSettings
from recapcast.sound.mixdown import TakeStore
from recapcast.voice.engines import peak_target


def _take(tmp_path: Path, name: str, peak: float, voice: VoiceSettings) -> Take:
    t = np.arange(22050) / 22050
    wave_ = np.sin(2 * np.pi * 180 * t) * (0.5 + 0.5 * np.sin(2 * np.pi * 3 * t))
    samples = (peak * wave_ / np.max(np.abs(wave_)) * 32767).astype("<i2")
    path = tmp_path / f"{name}.wav"
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(22050)
        out.writeframes(samples.tobytes())
    return Take(Segment(0, "x", "x", voice, 0), path, 22050, len(samples), False)


def _peak(take: Take, rate: int = 22050) -> float:
    return float(np.max(np.abs(TakeStore(rate).samples(take))))


@pytest.mark.parametrize("raw", [0.2, 0.45, 0.86])
def test_a_piper_take_at_its_own_level_peaks_at_the_volume_in_the_mix(tmp_path, raw):
    voice = VoiceSettings(volume=0.8)
    assert _peak(_take(tmp_path, "raw", raw, voice)) == pytest.approx(peak_target(voice),
                                                                     abs=1e-6)


def test_a_take_normalised_before_gets_a_gain_of_exactly_one(tmp_path):
    voice = VoiceSettings()
    take = _take(tmp_path, "old", 1.0, voice)
    with wave.open(str(take.path)) as old:
        samples = np.frombuffer(old.readframes(old.getnframes()), dtype="<i2")
    assert np.max(np.abs(samples)) == 32767  # as Piper's normalising made it
    assert np.array_equal(TakeStore(22050).samples(take), samples.astype(np.float32) / 32768)


def test_a_volume_over_one_does_not_clip_and_other_engines_keep_their_level(tmp_path):
    loud = _take(tmp_path, "loud", 0.3, VoiceSettings(volume=1.5))
    assert _peak(loud) == pytest.approx(32767 / 32768, abs=1e-6)
    tone = _take(tmp_path, "tone", 0.3, VoiceSettings(engine="tone"))
    assert _peak(tone) == pytest.approx(0.3, abs=1e-4)
    # At the mix rate too (upsampled after levelling).
    assert _peak(_take(tmp_path, "hi", 0.3, VoiceSettings()), 44100) == pytest.approx(
        peak_target(VoiceSettings()), abs=0.02)
