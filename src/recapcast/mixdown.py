"""Stitches music, takes and pauses into one mix and encodes the MP3 (owns pydub and ffmpeg)."""

from __future__ import annotations

import subprocess
import warnings
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from recapcast.errors import BuildError
from recapcast.model import Chapter, Mix, Take

__all__ = ["SAMPLE_RATE", "ffmpeg_exe", "decode_file", "mix_episode", "encode_mp3"]

SAMPLE_RATE = 44100
BITRATE = "96k"
"""Mono 96 kbps: inside Apple's 64-128 kbps range for mono, with room for music."""


@lru_cache(maxsize=1)
def ffmpeg_exe() -> str:
    """The ffmpeg binary that ``imageio-ffmpeg`` ships (with libmp3lame)."""
    import imageio_ffmpeg

    return imageio_ffmpeg.get_ffmpeg_exe()


@lru_cache(maxsize=1)
def _audio_segment():
    with warnings.catch_warnings():
        # pydub warns at import when no ffprobe is on PATH; we never use ffprobe.
        warnings.simplefilter("ignore", RuntimeWarning)
        from pydub import AudioSegment
    AudioSegment.converter = ffmpeg_exe()
    return AudioSegment


def decode_file(path: Path, rate: int = SAMPLE_RATE) -> bytes:
    """Decode any file ffmpeg reads to mono s16le PCM at ``rate``."""
    result = subprocess.run(
        [ffmpeg_exe(), "-v", "error", "-nostdin", "-i", str(path), "-f", "s16le", "-ac", "1",
         "-ar", str(rate), "-"],
        capture_output=True,
    )
    if result.returncode != 0 or not result.stdout:
        detail = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise BuildError(f"cannot read audio file {path}: {detail[-1] if detail else 'no audio'}",
                         "give a file ffmpeg can decode (WAV, MP3, FLAC, OGG, ...)")
    return result.stdout


def _take_pcm(take: Take) -> bytes:
    if take.path.suffix != ".wav":
        return decode_file(take.path)
    segment = _audio_segment().from_wav(str(take.path))
    segment = segment.set_channels(1).set_sample_width(2)
    if segment.frame_rate != SAMPLE_RATE:
        segment = segment.set_frame_rate(SAMPLE_RATE)
    return segment.raw_data


def _silence(seconds: float) -> bytes:
    return bytes(2 * int(round(seconds * SAMPLE_RATE)))


def _to_pcm(samples: np.ndarray) -> bytes:
    return (np.clip(samples, -1.0, 1.0) * 32767).astype("<i2").tobytes()


def _normalize_peak(samples: np.ndarray, target: float, block: int = 1 << 20) -> None:
    """Scale int16 ``samples`` in place so the peak is ``target`` of full scale."""
    if not len(samples):
        return
    peak = max(int(samples.max()), -int(samples.min())) / 32768
    if peak == 0:
        return
    gain = target / peak * 32767 / 32768
    for at in range(0, len(samples), block):
        chunk = samples[at:at + block].astype(np.float32) * gain
        samples[at:at + block] = np.clip(chunk, -32767, 32767).astype("<i2")


def mix_episode(takes: Sequence[Take], chapter_titles: Sequence[str], intro: np.ndarray,
                *, lead_in_s: float = 0.4) -> Mix:
    """Join the intro music, then each take after its pause, and place the chapters.

    Chapter times come from sample counts; chapter 0 starts at 0, each other chapter
    at the first sample of its first take, and the last ends at the end of the mix.
    """
    # One growing buffer (realloc grows it in place) and an in-place int16 gain keep the
    # peak memory near one copy of the mix, however long the episode.
    pcm = bytearray(_to_pcm(intro))
    pcm += _silence(lead_in_s)
    starts: dict[int, int] = {0: 0}
    for take in takes:
        pcm += _silence(take.segment.pause_before_s)
        starts.setdefault(take.segment.chapter, len(pcm) // 2)
        pcm += _take_pcm(take)
    pcm += _silence(1.0)
    frames = len(pcm) // 2
    _normalize_peak(np.frombuffer(pcm, dtype="<i2"), 10 ** (-1.0 / 20))
    ordered = sorted((start, index) for index, start in starts.items())
    chapters = []
    for n, (start, index) in enumerate(ordered):
        end = ordered[n + 1][0] if n + 1 < len(ordered) else frames
        chapters.append(Chapter(chapter_titles[index], start * 1000 // SAMPLE_RATE,
                                end * 1000 // SAMPLE_RATE))
    return Mix(pcm, SAMPLE_RATE, 1, tuple(chapters))


def encode_mp3(mix: Mix, target: Path, bitrate: str = BITRATE) -> None:
    """Encode ``mix`` as a 44.1 kHz MP3 at ``target`` (which should be a temporary path)."""
    # PCM goes to ffmpeg through a pipe: no temporary WAV, no copy of the mix. LAME's
    # quality 7 encodes about 2.5 times faster than its default at this bitrate.
    result = subprocess.run(
        [ffmpeg_exe(), "-v", "error", "-nostdin", "-y", "-f", "s16le", "-ar", str(mix.sample_rate),
         "-ac", str(mix.channels), "-i", "pipe:0", "-ar", str(SAMPLE_RATE), "-c:a", "libmp3lame",
         "-b:a", bitrate, "-compression_level", "7", "-f", "mp3", str(target)],
        input=mix.pcm, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    if result.returncode != 0:
        detail = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise BuildError(f"MP3 encoding failed: {detail[-1] if detail else 'ffmpeg failed'}")
