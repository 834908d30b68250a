"""How even the loudness of Piper takes is, at the voice's own level and peak-normalised.

Speaks every Piper segment of ep12 (at least 0.5 s long) with the show's voices and prints
the range and standard deviation of the takes' integrated loudness (BS.1770) both ways,
and the range of their raw peaks. Piper samples noise, so figures move a little per run.

    PYTHONPATH=src python benchmarks/take_levels.py
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from recapcast.config import load_project  # noqa: E402
from recapcast.sound.loudness import integrated_loudness  # noqa: E402
from recapcast.text.script import parse_script  # noqa: E402
from recapcast.text.segments import plan_segments  # noqa: E402
from recapcast.voice.engines.piper import PiperEngine  # noqa: E402


def main() -> None:
    project = load_project(ROOT)
    script = parse_script((ROOT / "scripts" / "ep12.md").read_text("utf-8"), "ep12")
    segments = [s for s in plan_segments(script, project.show)[0] if s.voice.engine == "piper"]
    raw, levelled, peaks = [], [], []
    for segment in segments:
        pcm = PiperEngine(segment.voice, threads=2).synthesize(segment.text).data
        samples = np.frombuffer(pcm, dtype="<i2").astype(np.float64) / 32768
        if len(samples) < 22050 // 2:
            continue
        peak = float(np.max(np.abs(samples)))
        raw.append(integrated_loudness(samples, 22050))
        levelled.append(integrated_loudness(samples / peak, 22050))
        peaks.append(peak)
    for name, values in (("own level", raw), ("peak-normalised", levelled)):
        print(f"{name:16s} {min(values):6.1f} to {max(values):6.1f} LUFS, "
              f"standard deviation {statistics.stdev(values):.2f} LU")
    print(f"takes: {len(raw)}; raw peaks {min(peaks):.2f} to {max(peaks):.2f}")


if __name__ == "__main__":
    main()
