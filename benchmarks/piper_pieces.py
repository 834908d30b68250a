"""A Piper take made in pieces (the studio's streaming): time to the first piece, to the
whole take, how late any piece comes for a listener who started at the first, against
the same take made in one run of each part.

Three sentences of ep12's length (about 230, 400 and 650 frames), the median of three
runs each, both cores.

    PYTHONPATH=src python benchmarks/piper_pieces.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from recapcast.model import VoiceSettings  # noqa: E402
from recapcast.voice.engines import piper, piper_stream  # noqa: E402

TEXTS = [
    "Jessica walks into the bar and orders a drink.",
    "The answer to the second one points straight at the man who has been watching her "
    "all along.",
    "The storm that broke the pier came at night, and by morning the whole town knew that "
    "the man who had been watching Jessica from the roof was not a stranger at all.",
]


def main() -> None:
    model, config = piper.voice_files("joe-us")
    cut = piper._split(model, config, 2)
    if cut is None:
        raise SystemExit("the bundled voice could not be cut")
    voice = piper._speaker(config)
    scales = piper._scales(voice, VoiceSettings())
    for text in TEXTS:
        ids = voice.phonemes_to_ids(voice.phonemize(text)[0])
        rows = []
        for _ in range(3):
            started = time.perf_counter()
            prior, mask = cut.prior(ids, scales)
            ready, seconds = [], []
            for piece in piper_stream.pieces(cut.graphs, prior, mask, cut.hop):
                ready.append(time.perf_counter() - started)
                seconds.append(len(piece) / 22050)
            # Heard from the first piece on: each later piece is due when the one before
            # it has played.
            due, late = ready[0], float("-inf")
            for k in range(1, len(ready)):
                due += seconds[k - 1]
                late = max(late, ready[k] - due)
            started = time.perf_counter()
            prior, mask = cut.prior(ids, scales)
            piper_stream.whole(cut.graphs, prior, mask)
            rows.append((ready[0], ready[-1], late, time.perf_counter() - started))
        first, whole, late, one_run = (statistics.median(r[i] for r in rows) for i in range(4))
        print(f"{prior.shape[2]:4d} frames ({sum(seconds):4.1f} s): first piece {first:.3f} s, "
              f"whole in pieces {whole:.3f} s, in one run {one_run:.3f} s, "
              f"pieces ready {-late * 1000:.0f} ms or more before they are due")


if __name__ == "__main__":
    main()
