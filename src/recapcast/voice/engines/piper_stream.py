"""A Piper take made a window of frames at a time, so it can be heard while it is made.

The prior (``piper_model.split``) says, for each frame of about 12 ms, what the sentence
will be; the flow and the decoder turn frames into sound looking only at frames nearby.
So a window of frames, widened by a margin on each side that is then thrown away, gives
the same samples as the whole take (to about 1e-6): the first ``FIRST`` frames (0.37 s
at 22,050 Hz) are heard after the prior and one small window, about a quarter of the
whole take's time, and later windows double up to ``LARGEST`` frames, where the margins
cost less; the flow (a seventh of the work) runs on the first window and then once on all
the rest. The margins are checked once per loaded voice against the whole take
(``PiperEngine``), so a voice whose parts look further than they allow is spoken whole.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

__all__ = ["FIRST", "LARGEST", "Graphs", "pieces", "whole"]

FIRST = 32
"""Frames in the first window: small, as the listener waits for it."""
LARGEST = 256
"""Frames in the largest window (3 s): the decoder's margins cost 19 % of it."""


@dataclass(frozen=True)
class Graphs:
    """The loaded flow and decoder (onnxruntime sessions) and the margins, in frames, that
    make a window's middle exact: what each looks at on either side of a frame."""

    flow: object
    decoder: object
    flow_margin: int = 40
    decoder_margin: int = 24


def _flow(graphs: Graphs, prior: np.ndarray, mask: np.ndarray) -> np.ndarray:
    prior_in, mask_in = (i.name for i in graphs.flow.get_inputs())
    return graphs.flow.run(None, {prior_in: prior, mask_in: mask})[0]


def _decode(graphs: Graphs, frames: np.ndarray) -> np.ndarray:
    name = graphs.decoder.get_inputs()[0].name
    return graphs.decoder.run(None, {name: np.ascontiguousarray(frames)})[0].reshape(-1)


def whole(graphs: Graphs, prior: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """The take's float samples, made in one run of each part."""
    return _decode(graphs, _flow(graphs, prior, mask))


def _span(graphs: Graphs, frames: int, start: int, end: int) -> tuple[int, int]:
    """The frames the decoder runs on to make frames ``start`` to ``end`` exactly."""
    return max(0, start - graphs.decoder_margin), min(frames, end + graphs.decoder_margin)


def _decoded(graphs: Graphs, flowed: np.ndarray, at: int, start: int, end: int,
             hop: int) -> np.ndarray:
    """Samples of frames ``start`` to ``end`` from ``flowed``, the flow's output for frames
    from ``at`` on (exact over the decoder's span)."""
    dec_start, dec_end = _span(graphs, flowed.shape[2] + at, start, end)
    sound = _decode(graphs, flowed[:, :, dec_start - at:dec_end - at])
    return sound[(start - dec_start) * hop:(end - dec_start) * hop]


def _flowed(graphs: Graphs, prior: np.ndarray, mask: np.ndarray, start: int,
            end: int) -> tuple[np.ndarray, int]:
    """The flow's output over frames ``start`` to ``end`` widened by its margin, and the
    frame it starts at: exact from ``start`` to ``end``."""
    frames = prior.shape[2]
    at, stop = max(0, start - graphs.flow_margin), min(frames, end + graphs.flow_margin)
    return _flow(graphs, np.ascontiguousarray(prior[:, :, at:stop]),
                 np.ascontiguousarray(mask[:, :, at:stop])), at


def pieces(graphs: Graphs, prior: np.ndarray, mask: np.ndarray, hop: int, *,
           first: int = FIRST) -> Iterator[np.ndarray]:
    """The take's float samples in pieces, in order: ``first`` frames, then windows twice
    as long as the one before, up to ``LARGEST``.

    The flow runs twice: on the first window's span (so the first piece waits for no more
    than it needs), then once on all the rest; the decoder runs once per window.
    """
    frames = prior.shape[2]
    end = min(frames, first)
    flowed, at = _flowed(graphs, prior, mask, *_span(graphs, frames, 0, end))
    yield _decoded(graphs, flowed, at, 0, end, hop)
    if end < frames:
        flowed, at = _flowed(graphs, prior, mask, _span(graphs, frames, end, frames)[0],
                             frames)
    start, size = end, min(LARGEST, first * 2)
    while start < frames:
        end = min(frames, start + size)
        yield _decoded(graphs, flowed, at, start, end, hop)
        start, size = end, min(LARGEST, size * 2)
