"""Renders segments through their engines into a content-addressed cache of takes.

Takes missing from the cache are spoken by a pool of worker processes when the engine is
CPU-bound (Piper): each worker loads the voice once and gets ``cores // workers``
onnxruntime threads. Other engines, and engines injected by the caller, speak in-process.
"""

from __future__ import annotations

import hashlib
import io
import os
import signal
import wave
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from pathlib import Path

from recapcast.atomic import write_bytes
from recapcast.engines import Audio, Engine, get_engine, is_cpu_bound
from recapcast.errors import EngineError, RecapcastError
from recapcast.model import Segment, Take, VoiceSettings

__all__ = ["CACHE_VERSION", "take_key", "cpu_cores", "render_takes"]

CACHE_VERSION = "1"
"""Bump when the way takes are made changes, so old takes are not reused."""


def take_key(voice: VoiceSettings, text: str) -> str:
    """Cache key of a take: engine, voice, settings and the exact speakable text."""
    material = f"{CACHE_VERSION}\n{voice.fingerprint()}\n{text}"
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


def cpu_cores() -> int:
    """Cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _take_path(cache_dir: Path, voice: VoiceSettings, text: str) -> Path:
    key = take_key(voice, text)
    suffix = ".mp3" if voice.engine == "gtts" else ".wav"
    return cache_dir / "takes" / key[:2] / f"{key}{suffix}"


def _encode(audio: Audio) -> bytes:
    if audio.format != "pcm":
        return audio.data
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(audio.sample_rate)
        out.writeframes(audio.data)
    return buffer.getvalue()


def _take(segment: Segment, path: Path, cached: bool) -> Take:
    if path.suffix == ".wav":
        with wave.open(str(path), "rb") as wav:
            return Take(segment, path, wav.getframerate(), wav.getnframes(), cached)
    return Take(segment, path, 0, 0, cached)


def render_takes(
    segments: Sequence[Segment],
    cache_dir: Path,
    *,
    engine_for: Callable[[VoiceSettings], Engine] = get_engine,
    on_take: Callable[[Take], None] | None = None,
    jobs: int | None = None,
) -> list[Take]:
    """Return one take per segment, in segment order, synthesising only those not cached.

    ``jobs`` is the number of worker processes for a CPU-bound engine from the registry
    (None: one per core); the result does not depend on it. A text spoken twice with the
    same voice is synthesised once. ``on_take`` is called as each take is ready.
    """
    takes: list[Take | None] = [None] * len(segments)
    missing: dict[Path, list[int]] = {}
    for i, segment in enumerate(segments):
        path = _take_path(cache_dir, segment.voice, segment.text)
        if path in missing or not path.is_file():
            missing.setdefault(path, []).append(i)
            continue
        takes[i] = _take(segment, path, cached=True)
        if on_take:
            on_take(takes[i])
    # Longest first, so no worker is left with a long take while the others idle.
    work = sorted(((segments[idx[0]], path) for path, idx in missing.items()),
                  key=lambda item: -len(item[0].text))
    for path in _synthesize(work, engine_for, jobs):
        for n, i in enumerate(missing[path]):
            takes[i] = _take(segments[i], path, cached=n > 0)
            if on_take:
                on_take(takes[i])
    return [t for t in takes if t is not None]


def _synthesize(work: list[tuple[Segment, Path]], engine_for, jobs: int | None
                ) -> Iterator[Path]:
    """Speak each (segment, path) into the cache; yield each path as its take is written."""
    if not work:
        return
    cores = cpu_cores()
    pooled = engine_for is get_engine and (
        jobs is not None or all(is_cpu_bound(s.voice.engine) for s, _ in work))
    workers = min(jobs or cores, len(work)) if pooled else 1
    if workers <= 1:
        if engine_for is get_engine:
            engine_for = partial(get_engine, threads=cores)
        engines: dict[VoiceSettings, Engine] = {}
        for segment, path in work:
            if segment.voice not in engines:
                engines[segment.voice] = engine_for(segment.voice)
            write_bytes(path, _encode(engines[segment.voice].synthesize(segment.text)))
            yield path
        return
    yield from _pooled(work, workers, max(1, cores // workers))


def _pooled(work: list[tuple[Segment, Path]], workers: int, threads: int) -> Iterator[Path]:
    import multiprocessing

    # spawn: the parent may run threads (progress display), which fork does not copy safely.
    pool = multiprocessing.get_context("spawn").Pool(workers, _worker_init, (threads,))
    try:
        tasks = [(segment.voice, segment.text, str(path)) for segment, path in work]
        for result in pool.imap_unordered(_worker_take, tasks, chunksize=1):
            if result[0] == "error":
                raise EngineError(result[1], result[2])
            yield Path(result[1])
        pool.close()
    finally:
        # On an error or Ctrl-C the workers are killed rather than left to finish their takes.
        pool.terminate()
        pool.join()


_WORKER_THREADS = 0
_WORKER_ENGINES: dict[VoiceSettings, Engine] = {}


def _worker_init(threads: int) -> None:
    global _WORKER_THREADS
    # Ctrl-C reaches the whole process group; the parent alone handles it and ends the pool.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER_THREADS = threads


def _worker_take(task: tuple[VoiceSettings, str, str]) -> tuple[str, str, str]:
    voice, text, path = task
    try:
        if voice not in _WORKER_ENGINES:
            _WORKER_ENGINES[voice] = get_engine(voice, threads=_WORKER_THREADS)
        write_bytes(Path(path), _encode(_WORKER_ENGINES[voice].synthesize(text)))
    except RecapcastError as exc:
        return ("error", exc.message, exc.hint)
    return ("ok", path, "")
