"""FilterBank gives what np.convolve gives, for every filter, delay and signal length."""

from __future__ import annotations

import numpy as np
import pytest

from recapcast.sound.fir import FilterBank


@pytest.mark.parametrize("length", [1, 7, 23, 24, 25, 1000, 2048 * 24 + 5, 3 * 2048 * 24])
def test_filter_bank_matches_numpy_convolve(length):
    rng = np.random.default_rng(length)
    filters = [rng.standard_normal(24), rng.standard_normal(24), rng.standard_normal(9),
               np.ones(1)]
    delays = [11, 12, 4, 0]
    x = rng.standard_normal(length)
    bank = FilterBank(filters, delays)
    out = bank.run(x)
    assert out.shape == (4, length)
    for p, (f, d) in enumerate(zip(filters, delays, strict=True)):
        expected = np.convolve(x, f)[d:d + length]
        assert np.allclose(out[p], expected, atol=1e-4), p
    expected = np.max([np.abs(np.convolve(x, f)[d:d + length])
                       for f, d in zip(filters, delays, strict=True)], axis=0)
    assert np.allclose(bank.max_abs(x), expected, atol=1e-4)


def test_one_filter_bank_takes_the_magnitude_of_its_only_output():
    x = np.array([0.5, -2.0, 1.0])
    assert np.allclose(FilterBank([np.ones(1)], [0]).max_abs(x), [0.5, 2.0, 1.0])
