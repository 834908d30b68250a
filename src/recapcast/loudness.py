"""ITU-R BS.1770 loudness and true peak, and a mastering chain that meets a target (owns scipy)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

__all__ = ["Mastered", "integrated_loudness", "true_peak_db", "master"]

_BLOCK_S = 0.4
_HOP_S = 0.1
_OVERSAMPLE = 4
_TAPS = 4 * 24 - 1
"""Odd, so one phase of the interpolator is the samples themselves."""
ENCODE_MARGIN_DB = 1.0
"""Headroom kept below the true-peak target for the overshoot MP3 encoding adds."""


@dataclass(frozen=True)
class Mastered:
    """Mastered samples and what they measure."""

    samples: np.ndarray
    loudness_lufs: float
    true_peak_db: float


def _k_weighting(rate: int) -> np.ndarray:
    """The two BS.1770 K-weighting biquads for any sample rate (as libebur128 derives them)."""
    f0, gain, q = 1681.974450955533, 3.999843853973347, 0.7071752369554196
    k = math.tan(math.pi * f0 / rate)
    vh = 10 ** (gain / 20)
    vb = vh ** 0.4996667741545416
    a0 = 1 + k / q + k * k
    shelf = [(vh + vb * k / q + k * k) / a0, 2 * (k * k - vh) / a0,
             (vh - vb * k / q + k * k) / a0, 1.0, 2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0]
    f0, q = 38.13547087602444, 0.5003270373238773
    k = math.tan(math.pi * f0 / rate)
    a0 = 1 + k / q + k * k
    highpass = [1.0, -2.0, 1.0, 1.0, 2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0]
    return np.array([shelf, highpass])


def integrated_loudness(samples: np.ndarray, rate: int) -> float:
    """Gated integrated loudness in LUFS of mono float samples; -inf for silence."""
    from scipy.signal import sosfilt

    weighted = sosfilt(_k_weighting(rate), np.asarray(samples, dtype=np.float64))
    block, hop = int(round(_BLOCK_S * rate)), int(round(_HOP_S * rate))
    if len(weighted) < block:
        return -math.inf
    energy = np.concatenate(([0.0], np.cumsum(weighted * weighted)))
    starts = np.arange(0, len(weighted) - block + 1, hop)
    power = (energy[starts + block] - energy[starts]) / block
    power = power[power > 10 ** ((-70 + 0.691) / 10)]
    if not len(power):
        return -math.inf
    relative = -0.691 + 10 * math.log10(float(power.mean())) - 10
    power = power[power > 10 ** ((relative + 0.691) / 10)]
    return -0.691 + 10 * math.log10(float(power.mean()))


def _interpolator() -> np.ndarray:
    from scipy.signal import firwin

    return firwin(_TAPS, 1 / _OVERSAMPLE, window=("kaiser", 9.0)) * _OVERSAMPLE


def _peak_envelope(samples: np.ndarray) -> np.ndarray:
    """Per sample, the largest magnitude among its 4x-oversampled neighbours (and itself)."""
    h = _interpolator()
    centre = (len(h) - 1) // 2
    env = np.abs(samples)
    for phase in range(_OVERSAMPLE):
        if phase == centre % _OVERSAMPLE:
            continue
        delay = (centre - phase) // _OVERSAMPLE
        # np.convolve is direct and, for 24 taps, faster than FFT convolution.
        ys = np.abs(np.convolve(samples, h[phase::_OVERSAMPLE]))[delay:delay + len(samples)]
        np.maximum(env[:len(ys)], ys, out=env[:len(ys)])
    # An oversampled peak lies between two samples: credit it to both.
    env[:-1] = np.maximum(env[:-1], env[1:])
    return env


def true_peak_db(samples: np.ndarray) -> float:
    """True peak in dBTP (4x oversampling, BS.1770 Annex 2)."""
    peak = float(np.max(_peak_envelope(samples))) if len(samples) else 0.0
    return 20 * math.log10(peak) if peak > 0 else -math.inf


def _limiter_gain(env: np.ndarray, rate: int, ceiling: float) -> np.ndarray | float:
    """A smooth gain at or below ``ceiling / env`` at every sample (1.0 when none is needed).

    A minimum filter then a moving average no wider than it never exceeds the needed
    gain, and turns each reduction into 20 ms ramps with no overshoot.
    """
    from scipy.ndimage import minimum_filter1d, uniform_filter1d

    if float(env.max(initial=0.0)) <= ceiling:
        return 1.0
    need = np.minimum(1.0, ceiling / np.maximum(env, 1e-12))
    width = 2 * int(0.02 * rate) + 1
    gain = minimum_filter1d(need, width, mode="nearest")
    return uniform_filter1d(gain, width, mode="nearest")


def master(samples: np.ndarray, rate: int, *, loudness_lufs: float = -16.0,
           peak_db: float = -1.0, margin_db: float = ENCODE_MARGIN_DB) -> Mastered:
    """Gain the whole mix to ``loudness_lufs`` and limit true peaks to ``peak_db - margin_db``."""
    source = np.asarray(samples, dtype=np.float64)
    ceiling_db = peak_db - margin_db
    measured = integrated_loudness(source, rate)
    if not math.isfinite(measured):
        return Mastered(source, measured, true_peak_db(source))
    # The oversampled envelope scales with a gain, so it is computed once.
    env = _peak_envelope(source)
    ceiling = 10 ** (ceiling_db / 20)
    tried: list[tuple[float, float]] = []
    gain_db = loudness_lufs - measured
    for _ in range(6):
        gain = 10 ** (gain_db / 20)
        out = source * (gain * _limiter_gain(env * gain, rate, ceiling))
        measured = integrated_loudness(out, rate)
        tried.append((gain_db, measured))
        if abs(measured - loudness_lufs) < 0.05:
            break
        # Limiting takes away loudness as the gain grows: find the gain by secant steps.
        if len(tried) > 1 and tried[-1][0] != tried[-2][0]:
            (g0, m0), (g1, m1) = tried[-2], tried[-1]
            slope = max((m1 - m0) / (g1 - g0), 0.05)
            gain_db = g1 + (loudness_lufs - m1) / slope
        else:
            gain_db += loudness_lufs - measured
    peak = true_peak_db(out)
    if peak > ceiling_db:
        out = out * 10 ** ((ceiling_db - peak) / 20)
        measured += ceiling_db - peak
        peak = ceiling_db
    return Mastered(out, measured, peak)
