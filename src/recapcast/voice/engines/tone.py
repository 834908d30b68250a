"""A deterministic stand-in voice: a soft tone whose length follows the word count.

It makes timing exact in tests (0.3 s a word) and needs no model or network.
"""

from __future__ import annotations

from recapcast.model import VoiceSettings
from recapcast.voice.engines import Audio, Speech

SAMPLE_RATE = 22050
SECONDS_PER_WORD = 0.3


class ToneEngine:
    """Speaks each word as a 0.3 s tone burst."""

    name = "tone"

    def __init__(self, settings: VoiceSettings) -> None:
        self.settings = settings

    def synthesize(self, text: str) -> Audio:
        import numpy as np

        words = max(1, len(text.split()))
        n = int(round(words * SECONDS_PER_WORD * SAMPLE_RATE))
        t = np.arange(n) / SAMPLE_RATE
        # A pitch that follows the word rhythm, so loudness meters see speech-like level.
        envelope = 0.5 + 0.5 * np.sin(2 * np.pi * t / SECONDS_PER_WORD - np.pi / 2)
        wave = 0.3 * self.settings.volume * envelope * np.sin(2 * np.pi * 220 * t)
        return Audio((wave * 32767).astype("<i2").tobytes(), SAMPLE_RATE)

    def stream(self, text: str) -> Speech:
        """The same take in pieces of 8,192 samples (as a cut Piper voice gives them)."""
        pcm = self.synthesize(text).data
        step = 8192 * 2
        return Speech(SAMPLE_RATE, len(pcm) // 2,
                      iter([pcm[at:at + step] for at in range(0, len(pcm), step)]))
