"""Renders segments through their engines into a content-addressed cache of takes.

Takes missing from the cache are spoken by worker processes when the engine is CPU-bound
(Piper): each worker (this module run with ``python -m``) loads the voice once and gets
``cores // workers`` onnxruntime threads. Other engines, and engines injected by the
caller, speak in this process.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import os
import signal
import sys
import wave
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing
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


def _cached_take(segment: Segment, path: Path) -> Take | None:
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

    ``jobs`` is the number of worker processes for a CPU-bound engine from the registry
    (None: one per core); the result does not depend on it. A text spoken twice with the
    same voice is synthesised once. ``on_take`` is called as each take is ready.
    """
    takes: list[Take | None] = [None] * len(segments)
    missing: dict[Path, list[int]] = {}
    for i, segment in enumerate(segments):
        path = _take_path(cache_dir, segment.voice, segment.text)
        take = None if path in missing else _cached_take(segment, path)
        if take is None:
            missing.setdefault(path, []).append(i)
            continue
        takes[i] = take
        if on_take:
            on_take(takes[i])
    # Longest first, so no worker is left with a long take while the others idle.
    work = sorted(((segments[idx[0]], path) for path, idx in missing.items()),
                  key=lambda item: -len(item[0].text))
    with closing(_synthesize(work, engine_for, jobs)) as spoken:
        for path in spoken:
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
        jobs is not None or all(map(is_cpu_bound, {s.voice.engine for s, _ in work})))
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


def _worker_env() -> dict[str, str]:
    env = dict(os.environ)
    # The workers import recapcast from where this process did, installed or not.
    package_root = str(Path(__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
    return env


def _pooled(work: list[tuple[Segment, Path]], workers: int, threads: int) -> Iterator[Path]:
    """Speak ``work`` in ``workers`` processes (``python -m recapcast.speech``), each taking
    the next task when it is done; yield each path as its take is written."""
    import selectors
    import subprocess

    tasks = [json.dumps({"voice": dataclasses.asdict(s.voice), "text": s.text, "path": str(p)})
             for s, p in reversed(work)]
    env = _worker_env()
    procs: list[subprocess.Popen] = []
    try:
        with selectors.DefaultSelector() as selector:
            for _ in range(workers):
                proc = subprocess.Popen(
                    [sys.executable, "-m", "recapcast.speech", str(threads)], env=env,
                    stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8",
                    # Out of the terminal's process group: Ctrl-C reaches only this process,
                    # which kills the workers; a worker whose parent dies sees EOF and ends.
                    start_new_session=True)
                procs.append(proc)
                selector.register(proc.stdout, selectors.EVENT_READ, proc)
                proc.stdin.write(tasks.pop() + "\n")
                proc.stdin.flush()
                if not tasks:
                    break
            busy = len(procs)
            while busy:
                for key, _ in selector.select():
                    proc = key.data
                    line = proc.stdout.readline()
                    if not line:
                        raise EngineError(
                            f"a speech worker stopped unexpectedly (exit code {proc.wait()})",
                            "see its error above; --jobs 1 speaks in this process")
                    reply = json.loads(line)
                    if "error" in reply:
                        raise EngineError(reply["error"], reply["hint"])
                    yield Path(reply["path"])
                    if tasks:
                        proc.stdin.write(tasks.pop() + "\n")
                        proc.stdin.flush()
                    else:
                        selector.unregister(proc.stdout)
                        busy -= 1
    finally:
        # Also on an error or Ctrl-C: no worker outlives the build or finishes its take.
        for proc in procs:
            proc.kill()
            proc.wait()
            proc.stdin.close()
            proc.stdout.close()


def _serve(threads: int) -> None:
    """A worker: read one JSON task a line on stdin, speak it into the cache, reply a line."""
    # Ctrl-C reaches the whole process group; the parent handles it and kills the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    replies = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)  # what libraries print must not corrupt the replies
    engines: dict[VoiceSettings, Engine] = {}
    for line in sys.stdin:
        task = json.loads(line)
        voice = VoiceSettings(**task["voice"])
        try:
            if voice not in engines:
                engines[voice] = get_engine(voice, threads=threads)
            write_bytes(Path(task["path"]), _encode(engines[voice].synthesize(task["text"])))
            reply = {"path": task["path"]}
        except RecapcastError as exc:
            reply = {"error": exc.message, "hint": exc.hint}
        replies.write(json.dumps(reply) + "\n")
        replies.flush()


if __name__ == "__main__":
    _serve(int(sys.argv[1]))
