"""Renders segments through their engines into a content-addressed cache of takes.

Takes missing from the cache are spoken by a pool of threads when the engine is CPU-bound
(Piper): the voice is loaded once and each thread's runs get ``cores // threads``
onnxruntime threads. Other engines, and engines injected by the caller, speak one take at
a time.
"""

from __future__ import annotations

import hashlib
import io
import os
import threading
import wave
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from contextlib import closing
from functools import partial
from pathlib import Path

from recapcast.model import Segment, Take, VoiceSettings
from recapcast.safety.atomic import write_bytes
from recapcast.voice.engines import Audio, Engine, get_engine, is_cpu_bound, prepare_voice

__all__ = ["CACHE_VERSION", "cached_take", "encode", "take_key", "take_path", "cpu_cores",
           "render_takes"]

CACHE_VERSION = "1"
"""Bump when the way takes are made changes, so old takes are not reused."""


def take_key(voice: VoiceSettings, text: str, reading: int = 0) -> str:
    """Cache key of a take: engine, voice, settings, the exact speakable text and, past the
    first, which reading of it (Piper says a text differently each time)."""
    material = f"{CACHE_VERSION}\n{voice.fingerprint()}\n{text}"
    if reading:
        # Only when set, so every take cached before readings existed is reading 0.
        material += f"\nreading {reading}"
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


def cpu_cores() -> int:
    """Cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def take_path(cache_dir: Path, voice: VoiceSettings, text: str, reading: int = 0) -> Path:
    """Where the take of ``text`` (that reading of it) is cached."""
    key = take_key(voice, text, reading)
    suffix = ".mp3" if voice.engine == "gtts" else ".wav"
    return cache_dir / "takes" / key[:2] / f"{key}{suffix}"


def encode(audio: Audio) -> bytes:
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


def cached_take(segment: Segment, path: Path) -> Take | None:
    """The cached take, or None when there is none or it is unreadable (then it is dropped)."""
    if not path.is_file():
        return None
    try:
        return _take(segment, path, cached=True)
    except (wave.Error, EOFError, OSError):
        path.unlink(missing_ok=True)
        return None


def render_takes(
    segments: Sequence[Segment],
    cache_dir: Path,
    *,
    engine_for: Callable[[VoiceSettings], Engine] = get_engine,
    on_take: Callable[[Take], None] | None = None,
    jobs: int | None = None,
) -> list[Take]:
    """Return one take per segment, in segment order, synthesising only those not cached.

    ``jobs`` is the number of speech threads for a CPU-bound engine from the registry
    (None: one per core); the result does not depend on it. A text spoken twice with the
    same voice is synthesised once. ``on_take`` is called as each take is ready.
    """
    takes: list[Take | None] = [None] * len(segments)
    missing: dict[Path, list[int]] = {}
    for i, segment in enumerate(segments):
        path = take_path(cache_dir, segment.voice, segment.text, segment.reading)
        take = None if path in missing else cached_take(segment, path)
        if take is None:
            missing.setdefault(path, []).append(i)
        else:
            takes[i] = take
    # Longest first, so no thread is left with a long take while the others idle.
    work = sorted(((segments[idx[0]], path) for path, idx in missing.items()),
                  key=lambda item: -len(item[0].text))
    # Started before the cached takes are handed to on_take, so both happen at once.
    with closing(_synthesize(work, engine_for, jobs)) as spoken:
        if on_take:
            for take in takes:
                if take is not None:
                    on_take(take)
        for path in spoken:
            for n, i in enumerate(missing[path]):
                takes[i] = _take(segments[i], path, cached=n > 0)
                if on_take:
                    on_take(takes[i])
    return [t for t in takes if t is not None]


def _synthesize(work: list[tuple[Segment, Path]], engine_for, jobs: int | None
                ) -> Iterator[Path]:
    """Start speaking each (segment, path) into the cache; the iterator yields each path
    as its take is written. A CPU-bound engine from the registry speaks on threads, which
    start now; others speak one take at a time as the iterator is read."""
    if not work:
        return _in_turn([], {})
    cores = cpu_cores()
    pooled = engine_for is get_engine and (
        jobs is not None or all(map(is_cpu_bound, {s.voice.engine for s, _ in work})))
    workers = min(jobs or cores, len(work)) if pooled else 1
    if engine_for is get_engine:
        engine_for = partial(get_engine, threads=max(1, cores // workers))
    engines: dict[VoiceSettings, Engine] = {}
    for segment, _ in work:
        if segment.voice not in engines:
            prepare_voice(segment.voice)
            engines[segment.voice] = engine_for(segment.voice)
    if pooled:
        return _pooled(work, engines, workers)
    return _in_turn(work, engines)


def _in_turn(work: list[tuple[Segment, Path]], engines: dict[VoiceSettings, Engine]
             ) -> Iterator[Path]:
    try:
        for segment, path in work:
            _speak(engines, segment, path)
            yield path
    finally:
        _close(engines)


def _speak(engines: dict[VoiceSettings, Engine], segment: Segment, path: Path) -> None:
    """Speak one segment with its voice's engine into the take file ``path``."""
    write_bytes(path, encode(engines[segment.voice].synthesize(segment.text)))


def _close(engines: dict[VoiceSettings, Engine]) -> None:
    """Let each engine free what it loaded (an engine's optional ``close``)."""
    for engine in engines.values():
        close = getattr(engine, "close", None)
        if close:
            close()


def _pooled(work: list[tuple[Segment, Path]], engines: dict[VoiceSettings, Engine],
            workers: int) -> Iterator[Path]:
    """Speak ``work`` on ``workers`` threads, each taking the next task when it is done;
    the result yields each path as its take is written.

    Threads, not processes: onnxruntime releases the GIL while it runs, so two threads
    sharing one loaded voice speak as fast as two processes that each load it, without
    the second of start-up and the 380 MB a process costs.
    """
    stop = threading.Event()

    def speak(segment: Segment, path: Path) -> Path | None:
        if stop.is_set():
            return None
        _speak(engines, segment, path)
        return path

    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="recapcast-speech")
    futures = [pool.submit(speak, segment, path) for segment, path in work]
    return _Speaking(futures, pool, stop, engines)


class _Speaking:
    """The takes being spoken on the pool: iterate for each path as it is written; close
    (also on an error or Ctrl-C) and nothing new starts, while a take being spoken is
    finished (its file is written whole or not at all) before the process exits."""

    def __init__(self, futures: list, pool: ThreadPoolExecutor, stop: threading.Event,
                 engines: dict[VoiceSettings, Engine]) -> None:
        self.futures, self.pool, self.stop, self.engines = futures, pool, stop, engines

    def __iter__(self) -> Iterator[Path]:
        for future in as_completed(self.futures):
            path = future.result()
            if path is not None:
                yield path

    def close(self) -> None:
        self.stop.set()
        self.pool.shutdown(wait=False, cancel_futures=True)
        _close(self.engines)
