"""ITU-R BS.1770 loudness and true peak, and mastering to a loudness target (numpy only)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from recapcast.sound.fir import FilterBank

__all__ = ["Mastered", "Measures", "Meter", "block_size", "measure", "lay_out", "prepare",
           "integrated_loudness", "to_db",
           "true_peak_db", "master", "finish"]

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
    energies: np.ndarray | None = None
    """K-weighted energy sums of the samples' blocks (``_step`` samples), when known."""


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


def prepare(rate: int = 44100) -> None:
    """Make the K-weighting filter and the oversampler for ``rate`` ahead of time."""
    _k_filter_spectrum(rate, _KFilter.LARGEST)
    _oversampler()


@lru_cache(maxsize=4)
def _k_filter_response(rate: int) -> np.ndarray:
    """The K-weighting filter as an FIR: the two biquads' impulse response, run out until
    it is below 1e-10 of its start (4,096 taps at 44.1 and 48 kHz). Applied by FFT it is
    the same filter as the recursive one to below float32's resolution, with numpy alone
    (scipy.signal took 0.5 s to import)."""
    taps = 1 << max(12, math.ceil(math.log2(0.08 * rate)))
    response = np.zeros(taps)
    response[0] = 1.0
    for b0, b1, b2, _, a1, a2 in _k_weighting(rate):
        x1 = x2 = y1 = y2 = 0.0
        for n in range(taps):
            x = response[n]
            y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2
            x2, x1, y2, y1 = x1, x, y1, y
            response[n] = y
    return response


@lru_cache(maxsize=16)
def _k_filter_spectrum(rate: int, size: int) -> np.ndarray:
    """The K-weighting FIR's spectrum for FFTs of ``size`` (float32 transforms)."""
    return np.fft.rfft(_k_filter_response(rate), size).astype(np.complex64)


class _KFilter:
    """K-weighting of a signal that comes in pieces (overlap-save FFT convolution, in
    float32: about twice as fast as float64, and far finer than a loudness reading)."""

    LARGEST = 1 << 16

    def __init__(self, rate: int) -> None:
        self.rate = rate
        self.taps = len(_k_filter_response(rate))
        self.history = np.zeros(self.taps - 1, dtype=np.float32)

    def run(self, part: np.ndarray) -> np.ndarray:
        """The K-weighted ``part``, continuing from the pieces before it (float32)."""
        signal = np.concatenate((self.history, np.asarray(part, dtype=np.float32)))
        out = np.empty(len(part), dtype=np.float32)
        keep = self.taps - 1
        hop = self.LARGEST - keep
        for a in range(0, len(part), hop):
            piece = signal[a:a + hop + keep]
            # A short piece (most takes end in one) needs a smaller transform only.
            size = min(self.LARGEST, max(4 * self.taps, 1 << (len(piece) - 1).bit_length()))
            spectrum = _k_filter_spectrum(self.rate, size)
            filtered = np.fft.irfft(np.fft.rfft(piece, size) * spectrum, size)
            out[a:a + len(piece) - keep] = filtered[keep:len(piece)]
        self.history = signal[len(signal) - keep:]
        return out


def _hop(rate: int) -> int:
    return int(round(_HOP_S * rate))


def _step(rate: int) -> int:
    """The block the limiter and the energy sums work on: about 32 samples, dividing a hop."""
    hop = _hop(rate)
    return max(d for d in range(1, 33) if hop % d == 0)


def _chunk(rate: int) -> int:
    return _hop(rate) * 64


def _energies(samples: np.ndarray, rate: int, step: int) -> np.ndarray:
    """Sums of the squared K-weighted samples over consecutive ``step``-sample blocks (a
    short last block counts its samples only), filtered chunk by chunk."""
    k = _KFilter(rate)
    chunk = _chunk(rate)
    out = np.empty(-(-len(samples) // step))
    for a in range(0, len(samples), chunk):
        sums = _block_sums(k.run(samples[a:a + chunk]), step)
        out[a // step:a // step + len(sums)] = sums
    return out


def _block_sums(weighted: np.ndarray, step: int) -> np.ndarray:
    """Sums of the squares of K-weighted samples over ``step``-sample blocks (squared in
    place; a short last block counts its samples only)."""
    np.square(weighted, out=weighted)
    padded = np.concatenate((weighted, np.zeros(-len(weighted) % step, dtype=weighted.dtype)))
    return padded.reshape(-1, step).sum(axis=1, dtype=np.float64)


def _gated(energies: np.ndarray, length: int, rate: int, step: int) -> float:
    """BS.1770 gating (400 ms blocks, 75 % overlap, -70 LUFS and -10 LU gates) of the
    K-weighted energies of ``step``-sample blocks (whole 100 ms hops only)."""
    hop = _hop(rate)
    per_block = int(round(_BLOCK_S / _HOP_S))
    per_hop = hop // step
    whole = length // hop
    if whole < per_block:
        return -math.inf
    hops = energies[:whole * per_hop].reshape(-1, per_hop).sum(axis=1)
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
    step = _step(rate)
    return _gated(_energies(samples, rate, step), len(samples), rate, step)


@lru_cache(maxsize=1)
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
    """Mean over a centred window of odd ``width``, the ends held, in ``values``' dtype.

    Narrow windows (the limiter's, tens of blocks) by direct convolution, which needs no
    float64 running sums the size of a long episode; wide ones by running sums.
    """
    half = width // 2
    padded = np.concatenate((np.full(half, values[0]), values, np.full(half, values[-1])))
    if width <= 64:
        return np.convolve(padded, np.full(width, 1.0 / width, dtype=values.dtype), "valid")
    sums = np.concatenate(([0.0], np.cumsum(padded, dtype=np.float64)))
    return ((sums[width:] - sums[:-width]) / width).astype(values.dtype, copy=False)


@lru_cache(maxsize=1)
def _oversampler() -> FilterBank:
    """The interpolator's phases that fall between the samples, and the samples themselves
    (a one-tap filter), as one bank: its largest output is the 4x-oversampled magnitude."""
    h = _interpolator()
    centre = (len(h) - 1) // 2
    phases = [p for p in range(_OVERSAMPLE) if p != centre % _OVERSAMPLE]
    return FilterBank([h[p::_OVERSAMPLE] for p in phases] + [np.ones(1)],
                      [(centre - p) // _OVERSAMPLE for p in phases] + [0])


def _peak_envelope(samples: np.ndarray) -> np.ndarray:
    """Per sample, the largest magnitude among its 4x-oversampled neighbours (and itself)."""
    env = _oversampler().max_abs(samples)
    # An oversampled peak lies between two samples: credit it to both.
    np.maximum(env[:-1], env[1:], out=env[:-1])
    return env


def _block_peaks(samples: np.ndarray, step: int, chunk: int) -> np.ndarray:
    """The largest 4x-oversampled envelope value of each ``step``-sample block, worked out
    chunk by chunk with enough context on each side for the interpolator."""
    context = _TAPS // _OVERSAMPLE + 2
    n = len(samples)
    out = np.empty(-(-n // step))
    for a in range(0, n, chunk):
        b = min(n, a + chunk)
        part = np.zeros(b - a + 2 * context, dtype=np.float32)
        lo, hi = max(0, a - context), min(n, b + context)
        part[lo - a + context:hi - a + context] = samples[lo:hi]
        env = _peak_envelope(part)[context:context + b - a]
        env = np.concatenate((env, np.full(-len(env) % step, env[-1])))
        out[a // step:a // step + len(env) // step] = env.reshape(-1, step).max(axis=1)
    return out


def _interpolation_gain() -> float:
    """The most the 4x interpolator can give: a true peak is at most this times the
    largest sample magnitude among the ``_TAPS // 4 + 1`` samples around it."""
    h = _interpolator()
    return max(1.0, max(float(np.abs(h[phase::_OVERSAMPLE]).sum())
                        for phase in range(_OVERSAMPLE)))


def true_peak_db(samples: np.ndarray, block: int = 4096) -> float:
    """True peak in dBTP (4x oversampling, BS.1770 Annex 2) of mono samples.

    Exact, but only the blocks that could hold the peak are oversampled: a block's
    true peak is at most the interpolator's gain times the largest sample near it, so
    blocks are visited from the highest such bound down and the search stops once the
    bound falls below the peak found.
    """
    n = len(samples)
    if not n:
        return -math.inf
    padded = np.abs(np.concatenate((samples, np.zeros(-n % block, dtype=samples.dtype))))
    sample_peaks = padded.reshape(-1, block).max(axis=1).astype(np.float64)
    # Context reaches at most a few samples over a block edge: count the neighbours too.
    near = np.maximum(sample_peaks, np.maximum(np.concatenate((sample_peaks[1:], [0.0])),
                                               np.concatenate(([0.0], sample_peaks[:-1]))))
    bounds = near * _interpolation_gain()
    context = _TAPS // _OVERSAMPLE + 2
    peak = 0.0
    for b in np.argsort(-bounds, kind="stable"):
        if bounds[b] <= peak:
            break
        a = int(b) * block
        lo, hi = max(0, a - context), min(n, a + block + context)
        part = np.zeros(hi - lo + 2 * context)
        part[context:context + hi - lo] = samples[lo:hi]
        env = _peak_envelope(part)[context + a - lo:context + min(n, a + block) - lo]
        peak = max(peak, float(env.max()))
    return 20 * math.log10(peak) if peak > 0 else -math.inf


class Meter:
    """Integrated loudness and true peak of audio that arrives in pieces (a decoder's
    output), measured as it comes: K-weighted block energies with the filter state
    carried over, and the 4x envelope of each chunk with its neighbours' samples.

    Without ``loudness`` only the true peak is measured (the integrated loudness is then
    NaN).
    """

    def __init__(self, rate: int, channels: int = 1, loudness: bool = True) -> None:
        self.rate, self.channels = rate, channels
        self.step, self.chunk = _step(rate), _chunk(rate)
        self.context = _TAPS // _OVERSAMPLE + 2
        self._filters = [_KFilter(rate) for _ in range(channels)]
        # float32 like the decoder's samples, so joining pieces never widens them.
        self._before = np.zeros((self.context, channels), dtype=np.float32)
        self._pending = np.zeros((0, channels), dtype=np.float32)
        self._energies: list[np.ndarray] = []
        self._length = 0
        self._peak = 0.0
        self._loudness = loudness

    def feed(self, samples: np.ndarray) -> None:
        """Add samples shaped (frames, channels)."""
        self._pending = np.concatenate((self._pending, samples))
        while len(self._pending) >= self.chunk + self.context:
            self._measure(self._pending[:self.chunk], self._pending[self.chunk:][:self.context])
            self._pending = self._pending[self.chunk:]

    def result(self) -> tuple[float, float]:
        """(integrated LUFS, true peak dBTP) of everything fed."""
        if len(self._pending):
            self._measure(self._pending, np.zeros((self.context, self.channels), np.float32))
            self._pending = self._pending[:0]
        if not self._loudness:
            return math.nan, to_db(self._peak)
        energies = np.concatenate(self._energies) if self._energies else np.zeros(0)
        return (_gated(energies, self._length, self.rate, self.step), to_db(self._peak))

    def _measure(self, part: np.ndarray, after: np.ndarray) -> None:
        blocks = -(-len(part) // self.step)
        total = np.zeros(blocks)
        for c in range(self.channels):
            if self._loudness:
                total += _block_sums(self._filters[c].run(part[:, c]), self.step)
            around = np.concatenate((self._before[:, c], part[:, c], after[:, c]))
            envelope = _peak_envelope(around)
            self._peak = max(self._peak, float(envelope[self.context:-self.context].max()))
        self._energies.append(total)
        self._length += len(part)
        self._before = np.concatenate((self._before, part))[-self.context:]


@dataclass(frozen=True)
class Measures:
    """What mastering needs to know of one take, measured once (and cached with it).

    For a take laid at a multiple of ``block_size(rate)`` samples, with silence around it:
    ``energies`` are its K-weighted block energies from its first sample (the filters'
    ringing after it included), ``peaks`` its 4x-oversampled envelope maxima per block
    from ``lead`` blocks before it.
    """

    energies: np.ndarray
    peaks: np.ndarray
    lead: int


_TAIL_S = 0.1
"""How long the K-weighting filters ring after a take, counted in its energies."""


def block_size(rate: int) -> int:
    """Samples in one block of energies and peaks (about 32: a divisor of a 100 ms hop)."""
    return _step(rate)


def measure(samples: np.ndarray, rate: int) -> Measures:
    """The block measures of one take's samples (mono float) at ``rate``."""
    step = _step(rate)
    samples = np.asarray(samples, dtype=np.float32)
    tail = -(-int(_TAIL_S * rate) // step) * step
    ringing = np.concatenate((samples, np.zeros(tail + -len(samples) % step, np.float32)))
    lead = -(-(_TAPS // _OVERSAMPLE + 2) // step)
    padded = np.concatenate((np.zeros(lead * step, np.float32), samples,
                             np.zeros(lead * step + -len(samples) % step, np.float32)))
    envelope = _peak_envelope(padded)
    # float32 halves what a long episode's measures hold; sums are made in float64.
    return Measures(_energies(ringing, rate, step).astype(np.float32),
                    envelope.reshape(-1, step).max(axis=1).astype(np.float32), lead)


def lay_out(measures: list[tuple[int, Measures]], length: int, rate: int
            ) -> tuple[np.ndarray, np.ndarray]:
    """Block energies and peaks of a track of ``length`` samples holding the measured takes
    at the given starts (multiples of ``block_size(rate)``), silence elsewhere."""
    step = _step(rate)
    blocks = -(-length // step)
    energies, peaks = np.zeros(blocks, np.float32), np.zeros(blocks, np.float32)
    for start, m in measures:
        at = start // step
        part = m.energies[:max(0, blocks - at)]
        energies[at:at + len(part)] += part
        first = at - m.lead
        part = m.peaks[max(0, -first):max(0, blocks - first)]
        lo = max(0, first)
        np.maximum(peaks[lo:lo + len(part)], part, out=peaks[lo:lo + len(part)])
    return energies, peaks


def to_db(value: float) -> float:
    """A linear level in dB (-inf for 0)."""
    return 20 * math.log10(value) if value > 0 else -math.inf


def master(samples: np.ndarray, rate: int, *, loudness_lufs: float = -16.0,
           peak_db: float = -1.0, margin_db: float = ENCODE_MARGIN_DB,
           measured_blocks: tuple[np.ndarray, np.ndarray] | None = None) -> Mastered:
    """Gain the whole mix to ``loudness_lufs`` and limit true peaks to ``peak_db - margin_db``.

    float32 samples are gained in place (any other type is copied to float32 first), so a
    long mix needs no second copy. The limiter's gain is a minimum filter (40 ms) of the
    gain each block of about 32 samples needs, smoothed by a moving average no wider than
    it and interpolated: at or below the needed gain at every sample, with 40 ms ramps and
    no overshoot. Filtering, oversampling and gain commute, so the K-weighted block
    energies and the 4x envelope are computed once and each candidate gain is checked
    with sums alone. ``measured_blocks`` are the samples' block energies and peaks when
    already known (``lay_out``), else they are measured here.
    """
    out = np.asarray(samples, dtype=np.float32)
    if out is samples and not out.flags.writeable:
        out = out.copy()
    step, chunk = _step(rate), _chunk(rate)
    if measured_blocks is None:
        energies, peaks = _energies(out, rate, step), None
    else:
        # Taken over (and changed): a long episode's block arrays are tens of MB each.
        energies, peaks = measured_blocks
    measured = _gated(energies, len(out), rate, step)
    if not math.isfinite(measured):
        return Mastered(out, measured, true_peak_db(out))
    ceiling = 10 ** ((peak_db - margin_db) / 20)
    width = 2 * int(0.02 * rate) + 1
    if peaks is None:
        peaks = _block_peaks(out, step, chunk)
    hold = -(-(width // 2) // step)
    held = _running_max(peaks, 2 * hold + 1)
    # The smoothing window is a block short of the hold on each side, so the gain
    # interpolated between block centres is still at or below the one each sample needs.
    reach = max(0, (width // 2 - step + 1) // step - 1)
    held_max = float(held.max())

    def block_gain(gain_db: float) -> np.ndarray | float:
        gain = 10 ** (gain_db / 20)
        if held_max * gain <= ceiling:
            return gain
        need = np.maximum(held, 1e-12)
        need *= gain
        np.divide(ceiling, need, out=need)
        np.minimum(need, 1.0, out=need)
        smooth = _running_mean(need, 2 * reach + 1)
        smooth *= gain
        return smooth

    tried: list[tuple[float, float]] = []
    gain_db = loudness_lufs - measured
    for _ in range(8):
        curve = block_gain(gain_db)
        # The gain moves by well under 1 % within a block: a block's energy scales by the
        # square of the gain at its centre.
        measured = _gated(energies * np.square(curve), len(out), rate, step)
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
    energies *= np.square(curve)
    if isinstance(curve, float):
        out *= np.float32(curve)
        return Mastered(out, measured, to_db(float(peaks.max()) * curve), energies)
    piece = step * 512
    for a in range(0, len(out), piece):
        b = min(len(out), a + piece)
        # The blocks around this piece: their centres bracket every sample in it.
        lo, hi = max(0, a // step - 1), min(len(curve), b // step + 2)
        gains = curve[lo:hi]
        if gains.min() == gains.max():
            out[a:b] *= np.float32(gains[0])  # the limiter rests here: one gain
            continue
        out[a:b] *= _between_centres(curve, a, b, step)
    # Between block centres the gain lies between its neighbours': a block's true peak
    # after the gain is at most its envelope times the largest of the three.
    near = curve.copy()
    np.maximum(near[1:], curve[:-1], out=near[1:])
    np.maximum(near[:-1], curve[1:], out=near[:-1])
    near *= peaks
    return Mastered(out, measured, to_db(float(near.max())), energies)


def _between_centres(curve: np.ndarray, a: int, b: int, step: int) -> np.ndarray:
    """Samples ``a:b`` (``a`` on a block edge) of the gain interpolated linearly between
    block centres, held before the first and after the last (``np.interp``, made block by
    block: the centres are evenly spaced)."""
    first, last = a // step, -(-b // step)
    here = curve[first:last].astype(np.float32)
    before = curve[max(first - 1, 0):last - 1].astype(np.float32)
    if first == 0:
        before = np.concatenate((here[:1], before))
    after = curve[first + 1:last + 1].astype(np.float32)
    if len(after) < len(here):
        after = np.concatenate((after, here[len(after):][-1:]))
    t = ((np.arange(step) - (step - 1) / 2) / step).astype(np.float32)
    gains = here[:, None] + (here - before)[:, None] * np.minimum(t, 0)[None, :]
    gains += (after - here)[:, None] * np.maximum(t, 0)[None, :]
    return gains.ravel()[:b - a]


def finish(samples: np.ndarray, rate: int, regions: list[tuple[int, int]], peak_elsewhere_db: float,
           *, energies: np.ndarray | None = None, loudness_lufs: float = -16.0,
           peak_db: float = -1.0, margin_db: float = ENCODE_MARGIN_DB) -> Mastered:
    """Bring a mix whose voice is mastered, and to which music was added in ``regions``
    (sample ranges), to ``loudness_lufs`` with one gain, limiting true peaks in the
    regions only; elsewhere the true peak was ``peak_elsewhere_db`` before the gain.
    ``energies`` are the voice's block energies (``Mastered``): given, only the regions
    are measured again. float32 samples are changed in place."""
    out = np.asarray(samples, dtype=np.float32)
    if out is samples and not out.flags.writeable:
        out = out.copy()
    step = _step(rate)
    width = 2 * int(0.02 * rate) + 1
    # Whole blocks, so each block's energy is measured over all of its samples.
    spans = [(max(0, start - width) // step * step, min(len(out), -(-(end + width) // step) * step))
             for start, end in regions]
    if energies is None or len(energies) != -(-len(out) // step):
        energies = _energies(out, rate, step)
    else:
        energies = energies.copy()
        for a, b in spans:
            _remeasure(energies, out, a, b, rate, step)
    measured = _gated(energies, len(out), rate, step)
    if not math.isfinite(measured):
        return Mastered(out, measured, true_peak_db(out))
    trim_db = loudness_lufs - measured
    out *= np.float32(10 ** (trim_db / 20))
    energies *= 10 ** (trim_db / 10)
    ceiling = 10 ** ((peak_db - margin_db) / 20)
    peak = 10 ** ((peak_elsewhere_db + trim_db) / 20) if math.isfinite(peak_elsewhere_db) else 0.0
    limited = False
    for a, b in spans:
        if b - a < width:
            continue
        envelope = _peak_envelope(out[a:b])
        held = _running_max(envelope, width)
        gain = 1.0
        if float(held.max()) > ceiling:
            gain = _running_mean(np.minimum(1.0, ceiling / np.maximum(held, 1e-12)), width)
            out[a:b] *= gain.astype(np.float32)
            _remeasure(energies, out, a, b, rate, step)
            limited = True
        envelope = envelope * gain
        peak = max(peak, float(np.max(envelope)))
    # Without limiting, the one gain moved the loudness by exactly the trim.
    lufs = _gated(energies, len(out), rate, step) if limited else measured + trim_db
    return Mastered(out, lufs, to_db(peak), energies)


def _remeasure(energies: np.ndarray, samples: np.ndarray, a: int, b: int, rate: int,
               step: int) -> None:
    """Put the block energies of ``samples[a:b]`` (``a`` on a block edge) in ``energies``.

    The filters start at rest: right for music that starts the mix or follows silence.
    """
    part = _energies(samples[a:b], rate, step)
    energies[a // step:a // step + len(part)] = part
