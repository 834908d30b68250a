"""The in-process BS.1770 meter and mastering, against pyloudnorm."""

from __future__ import annotations

import numpy as np
import pyloudnorm
import pytest

from recapcast.sound.loudness import integrated_loudness, master, true_peak_db


def _speechlike(rate: int, seconds: float = 20.0, seed: int = 1) -> np.ndarray:
    rng = np.random.default_rng(seed)
    t = np.arange(int(seconds * rate)) / rate
    syllables = 0.5 + 0.5 * np.sin(2 * np.pi * 4 * t)
    x = 0.2 * syllables * np.sin(2 * np.pi * 180 * t) + 0.03 * rng.standard_normal(len(t))
    x[int(2 * rate):int(2.05 * rate)] *= 6  # a few sharp peaks, as plosives make
    return x


@pytest.mark.parametrize("rate", [44100, 48000])
def test_integrated_loudness_matches_pyloudnorm(rate):
    x = _speechlike(rate)
    assert integrated_loudness(x, rate) == pytest.approx(
        pyloudnorm.Meter(rate).integrated_loudness(x), abs=0.1)


def test_silence_has_no_loudness():
    assert integrated_loudness(np.zeros(44100), 44100) == -np.inf


def test_true_peak_sees_peaks_between_samples():
    n = np.arange(44100)
    x = 0.5 * np.sin(2 * np.pi * n / 4 + np.pi / 4)  # samples land 3 dB below the crest
    assert 20 * np.log10(np.max(np.abs(x))) == pytest.approx(-9.03, abs=0.01)
    assert true_peak_db(x) == pytest.approx(-6.02, abs=0.15)


def test_master_meets_loudness_and_peak_targets():
    rate = 44100
    x = _speechlike(rate) * 0.1
    out = master(x, rate, loudness_lufs=-16.0, peak_db=-1.0, margin_db=1.0)
    assert pyloudnorm.Meter(rate).integrated_loudness(out.samples) == pytest.approx(-16, abs=0.1)
    assert out.loudness_lufs == pytest.approx(-16.0, abs=0.05)
    assert true_peak_db(out.samples) <= -2.0 + 0.05
    assert out.true_peak_db == pytest.approx(true_peak_db(out.samples), abs=0.1)


def test_master_leaves_silence_alone():
    out = master(np.zeros(44100), 44100)
    assert not out.samples.any()


def test_encoding_limits_again_when_the_codec_overshoots(tmp_path):
    from recapcast.model import AudioSettings, Mix
    from recapcast.sound.mixdown import encode_mp3
    from test_release import ebur128

    rate = 44100
    noise = np.random.default_rng(2).uniform(-1, 1, 5 * rate)  # peaks at 0 dBFS
    pcm = (noise * 32767).astype("<i2").tobytes()
    target = tmp_path / "loud.mp3"
    lufs, peak = encode_mp3(Mix(pcm, rate, 1, ()), target, AudioSettings())
    # What the build reports is what an outside meter reads on the file.
    outside_lufs, outside_peak = ebur128(target)
    assert lufs == pytest.approx(outside_lufs, abs=0.1)
    assert peak == pytest.approx(outside_peak, abs=0.2)
    assert peak <= -1.15 and outside_peak <= -1.0
    assert lufs == pytest.approx(-16.0, abs=1.0)


def test_chunked_measures_agree_with_whole_signal_ones_across_chunk_edges():
    from recapcast.sound.loudness import _peak_envelope

    rate = 44100
    x = _speechlike(rate, seconds=14.0) * 0.3
    for edge in (1 << 18, 2 * (1 << 18), 282240):  # true-peak and filter chunk edges
        x[edge - 3:edge + 3] = [0.9, -0.9, 0.95, -0.95, 0.9, -0.9]
    # The whole-signal envelope of float32 samples is float32, the block search float64:
    # they differ by about 1e-6 dB (numpy 2.4), far below any real miss.
    assert true_peak_db(x) == pytest.approx(20 * np.log10(_peak_envelope(x).max()), abs=1e-4)
    assert integrated_loudness(x, rate) == pytest.approx(
        pyloudnorm.Meter(rate).integrated_loudness(x), abs=0.1)


def test_master_gains_float32_in_place():
    rate = 44100
    x = (_speechlike(rate) * 0.1).astype(np.float32)
    out = master(x, rate)
    assert out.samples is x
    assert out.loudness_lufs == pytest.approx(-16.0, abs=0.05)
    assert true_peak_db(x) <= -2.0 + 0.05


def test_a_meter_fed_in_pieces_agrees_with_the_whole_signal():
    from recapcast.sound.loudness import Meter

    rate = 44100
    x = _speechlike(rate, seconds=30.0)
    x[5 * rate:7 * rate] = 0.0
    stereo = np.stack((x, 0.5 * x), axis=1)
    meter = Meter(rate, channels=2)
    rng = np.random.default_rng(4)
    at = 0
    while at < len(stereo):
        size = int(rng.integers(1, 300_000))
        meter.feed(stereo[at:at + size])
        at += size
    lufs, peak = meter.result()
    assert lufs == pytest.approx(pyloudnorm.Meter(rate).integrated_loudness(stereo), abs=0.1)
    assert peak == pytest.approx(true_peak_db(x), abs=1e-9)


def test_measures_of_takes_laid_out_equal_the_measures_of_the_track():
    from recapcast.sound.loudness import (
        _block_peaks,
        _chunk,
        _energies,
        block_size,
        lay_out,
        measure,
    )

    rate = 44100
    step = block_size(rate)
    rng = np.random.default_rng(6)
    takes = [_speechlike(rate, seconds=float(rng.uniform(0.3, 3.0)), seed=i) for i in range(6)]
    starts, cursor = [], 1234
    for take in takes:
        cursor = -(-cursor // step) * step
        starts.append(cursor)
        cursor += len(take) + int(0.2 * rate)
    track = np.zeros(cursor + rate)
    for start, take in zip(starts, takes, strict=True):
        track[start:start + len(take)] = take
    energies, peaks = lay_out([(s, measure(t, rate)) for s, t in zip(starts, takes, strict=True)],
                              len(track), rate)
    whole = _energies(track, rate, step)
    assert np.max(np.abs(energies - whole)) < 1e-6 * whole.max()
    # Kept in float32: equal to about 1e-7 of full scale.
    assert np.max(np.abs(peaks - _block_peaks(track, step, _chunk(rate)))) < 1e-6
    assert master(track.copy(), rate, measured_blocks=(energies, peaks)).loudness_lufs == \
        pytest.approx(master(track.copy(), rate).loudness_lufs, abs=1e-6)


def test_take_measures_are_cached_and_made_again_when_the_take_changes(tmp_path):
    import os
    import wave

    from recapcast.model import Segment, Take, VoiceSettings
    from recapcast.sound.mixdown import TakeStore

    def take(level: float) -> Take:
        path = tmp_path / "takes" / "ab" / "abcdef.wav"
        path.parent.mkdir(parents=True, exist_ok=True)
        samples = (level * _speechlike(22050, seconds=2.0) * 32767).astype("<i2")
        with wave.open(str(path), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(22050)
            out.writeframes(samples.tobytes())
        # Not Piper's: the mix would bring its peak to the volume (test_take_levels.py).
        voice = VoiceSettings(engine="tone")
        return Take(Segment(0, "x", "x", voice, 0), path, 22050, len(samples), False)

    first = take(0.5)
    measures = TakeStore(44100, tmp_path / "measures").measures(first)
    cached = list((tmp_path / "measures").rglob("*.npz"))
    assert len(cached) == 1
    again = TakeStore(44100, tmp_path / "measures").measures(first)
    assert np.array_equal(again.energies, measures.energies)
    # The take is spoken again (new bytes, new time): its old measures do not count.
    second = take(0.25)
    os.utime(second.path, ns=(1, 1))
    remade = TakeStore(44100, tmp_path / "measures").measures(second)
    assert remade.energies.sum() == pytest.approx(measures.energies.sum() / 4, rel=1e-3)
