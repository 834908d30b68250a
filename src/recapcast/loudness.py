"""ITU-R BS.1770 loudness and true peak, and mastering to a loudness target (owns scipy)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

__all__ = ["Mastered", "integrated_loudness", "true_peak_db", "master", "finish"]

_BLOCK_S = 0.4
_HOP_S = 0.1
_OVERSAMPLE = 4
_TAPS = 4 * 24 - 1
"""Odd, so one phase of the interpolator is the samples themselves."""
ENCODE_MARGIN_DB = 1.0
"""Headroom kept below the true-peak target for the overshoot MP3 coding adds (about
0.4 dB on Piper speech at 96 kbps mono; mixdown.encode_mp3 checks the file)."""


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


def _k_weighted(samples: np.ndarray, rate: int) -> np.ndarray:
    from scipy.signal import sosfilt

    return sosfilt(_k_weighting(rate), np.asarray(samples, dtype=np.float64))


def _gated_loudness(weighted: np.ndarray, rate: int) -> float:
    """BS.1770 gating (400 ms blocks, 75 % overlap, -70 LUFS and -10 LU gates)."""
    hop = int(round(_HOP_S * rate))
    per_block = int(round(_BLOCK_S / _HOP_S))
    frames = weighted[: len(weighted) // hop * hop].reshape(-1, hop)
    if len(frames) < per_block:
        return -math.inf
    hops = np.einsum("ij,ij->i", frames, frames)
    sums = np.convolve(hops, np.ones(per_block), mode="valid")
    power = sums / (hop * per_block)
    power = power[power > 10 ** ((-70 + 0.691) / 10)]
    if not len(power):
        return -math.inf
    relative = -0.691 + 10 * math.log10(float(power.mean())) - 10
    power = power[power > 10 ** ((relative + 0.691) / 10)]
    return -0.691 + 10 * math.log10(float(power.mean()))


def integrated_loudness(samples: np.ndarray, rate: int) -> float:
    """Gated integrated loudness in LUFS of mono float samples; -inf for silence."""
    return _gated_loudness(_k_weighted(samples, rate), rate)


def _interpolator() -> np.ndarray:
    """A Kaiser-windowed sinc low-pass at the original Nyquist, for 4x interpolation."""
    n = np.arange(_TAPS) - (_TAPS - 1) / 2
    h = np.sinc(n / _OVERSAMPLE) * np.kaiser(_TAPS, 9.0)
    return h * (_OVERSAMPLE / h.sum())


def _running_max(values: np.ndarray, width: int) -> np.ndarray:
    """Maximum over a centred window of odd ``width`` (van Herk / Gil-Werman, O(n))."""
    half = width // 2
    padded = np.concatenate((np.full(half, values[0]), values, np.full(half + width, values[-1])))
    blocks = padded[: len(padded) // width * width].reshape(-1, width)
    forward = np.maximum.accumulate(blocks, axis=1).ravel()
    backward = np.maximum.accumulate(blocks[:, ::-1], axis=1)[:, ::-1].ravel()
    return np.maximum(backward[: len(values)], forward[width - 1: width - 1 + len(values)])


def _running_mean(values: np.ndarray, width: int) -> np.ndarray:
    """Mean over a centred window of odd ``width``, the ends held."""
    half = width // 2
    padded = np.concatenate((np.full(half, values[0]), values, np.full(half, values[-1])))
    sums = np.concatenate(([0.0], np.cumsum(padded)))
    return (sums[width:] - sums[:-width]) / width


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
        ys = np.convolve(samples, h[phase::_OVERSAMPLE])
        np.abs(ys, out=ys)
        np.maximum(env, ys[delay:delay + len(samples)], out=env)
    # An oversampled peak lies between two samples: credit it to both.
    np.maximum(env[:-1], env[1:], out=env[:-1])
    return env


def true_peak_db(samples: np.ndarray) -> float:
    """True peak in dBTP (4x oversampling, BS.1770 Annex 2)."""
    peak = float(np.max(_peak_envelope(samples))) if len(samples) else 0.0
    return 20 * math.log10(peak) if peak > 0 else -math.inf


def master(samples: np.ndarray, rate: int, *, loudness_lufs: float = -16.0,
           peak_db: float = -1.0, margin_db: float = ENCODE_MARGIN_DB) -> Mastered:
    """Gain the whole mix to ``loudness_lufs`` and limit true peaks to ``peak_db - margin_db``.

    The limiter's gain is a minimum filter (40 ms) of the gain each sample needs,
    smoothed by a moving average no wider than it: at or below the needed gain at every
    sample, with 40 ms ramps and no overshoot. Filtering, oversampling and gain commute,
    so the K-weighted signal and the 4x envelope are computed once and each candidate
    gain is checked with sums alone (the loudness it reports is measured afresh).
    """
    source = np.asarray(samples, dtype=np.float64)
    weighted = _k_weighted(source, rate)
    measured = _gated_loudness(weighted, rate)
    if not math.isfinite(measured):
        return Mastered(source, measured, true_peak_db(source))
    ceiling = 10 ** ((peak_db - margin_db) / 20)
    width = 2 * int(0.02 * rate) + 1
    envelope = _peak_envelope(source)
    # The gain is worked out on 32-sample blocks (the worst peak of each) and
    # interpolated; the smoothing window is a block short of the hold on each side, so
    # the interpolated gain is still at or below the one each sample needs.
    step = 32
    padded = np.concatenate((envelope, np.full(-len(envelope) % step, envelope[-1])))
    hold = -(-(width // 2) // step)
    held_blocks = _running_max(padded.reshape(-1, step).max(axis=1), 2 * hold + 1)
    reach = max(0, (width // 2 - step + 1) // step - 1)
    centres = np.arange(len(held_blocks)) * step + (step - 1) / 2
    del padded

    def gain_curve(gain_db: float) -> np.ndarray | float:
        gain = 10 ** (gain_db / 20)
        if float(held_blocks.max()) * gain <= ceiling:
            return gain
        need = np.minimum(1.0, ceiling / (gain * np.maximum(held_blocks, 1e-12)))
        smooth = _running_mean(need, 2 * reach + 1)
        return gain * np.interp(np.arange(len(source)), centres, smooth)

    tried: list[tuple[float, float]] = []
    gain_db = loudness_lufs - measured
    for _ in range(8):
        curve = gain_curve(gain_db)
        measured = _gated_loudness(weighted * curve, rate)
        tried.append((gain_db, measured))
        if abs(measured - loudness_lufs) < 0.05:
            break
        # Limiting takes away loudness as the gain grows: find the gain by secant steps.
        if len(tried) > 1 and tried[-1][0] != tried[-2][0]:
            (g0, m0), (g1, m1) = tried[-2], tried[-1]
            slope = min(max((m1 - m0) / (g1 - g0), 0.05), 1.0)
            gain_db = g1 + (loudness_lufs - m1) / slope
        else:
            gain_db += loudness_lufs - measured
    out = source * curve
    # The gain moves by under 1 % across the interpolator's 0.3 ms span, so the true
    # peak of the output is the source envelope times the gain.
    peak = float(np.max(envelope * curve))
    return Mastered(out, integrated_loudness(out, rate),
                    20 * math.log10(peak) if peak > 0 else -math.inf)


def finish(samples: np.ndarray, rate: int, regions: list[tuple[int, int]], peak_elsewhere_db: float,
           *, loudness_lufs: float = -16.0, peak_db: float = -1.0,
           margin_db: float = ENCODE_MARGIN_DB) -> Mastered:
    """Bring a mix whose voice is mastered, and to which music was added in ``regions``
    (sample ranges), to ``loudness_lufs`` with one gain, limiting true peaks in the
    regions only; elsewhere the true peak was ``peak_elsewhere_db`` before the gain."""
    measured = integrated_loudness(samples, rate)
    if not math.isfinite(measured):
        return Mastered(samples, measured, true_peak_db(samples))
    trim_db = loudness_lufs - measured
    out = samples * 10 ** (trim_db / 20)
    ceiling = 10 ** ((peak_db - margin_db) / 20)
    width = 2 * int(0.02 * rate) + 1
    peak = 10 ** ((peak_elsewhere_db + trim_db) / 20) if math.isfinite(peak_elsewhere_db) else 0.0
    for start, end in regions:
        a, b = max(0, start - width), min(len(out), end + width)
        if b - a < width:
            continue
        envelope = _peak_envelope(out[a:b])
        held = _running_max(envelope, width)
        gain = 1.0
        if float(held.max()) > ceiling:
            gain = _running_mean(np.minimum(1.0, ceiling / np.maximum(held, 1e-12)), width)
            out[a:b] *= gain
        peak = max(peak, float(np.max(envelope * gain)))
    return Mastered(out, integrated_loudness(out, rate),
                    20 * math.log10(peak) if peak > 0 else -math.inf)
