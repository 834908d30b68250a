"""Voices kept loaded for the studio's whole run, so a sentence costs only its synthesis;
and takes heard while they are being made.

One worker thread speaks, with every core's onnxruntime threads (a single take gains
nothing from a pool). It always works on the newest take asked for, a piece at a time:
the sentence just clicked or edited is heard first, and one asked for before it is
finished after. A take of an engine that can ``stream`` (a cut Piper voice) is a
``LiveTake`` from the moment its length is known (its prior, about a seventh of its
time): the page starts playing its first piece while the rest is made, and the whole
take is written to the cache when its last piece is.
"""

from __future__ import annotations

import logging
import struct
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

from recapcast.errors import EngineError, RecapcastError
from recapcast.model import Segment, Take, VoiceSettings
from recapcast.safety.atomic import write_bytes
from recapcast.voice.engines import Audio, Engine, Speech, get_engine
from recapcast.voice.takes import cached_take, cpu_cores, encode, take_path

__all__ = ["LiveTake", "WarmVoices", "wav_header"]

log = logging.getLogger(__name__)


def wav_header(sample_rate: int, samples: int) -> bytes:
    """The 44-byte header of a mono 16-bit WAV file of ``samples`` samples."""
    size = samples * 2
    return b"RIFF" + struct.pack("<I", 36 + size) + b"WAVEfmt " + struct.pack(
        "<IHHIIHH", 16, 1, 1, sample_rate, sample_rate * 2, 2, 16) + b"data" + \
        struct.pack("<I", size)


class _Kept:
    """An engine without ``close``: the take cache frees a voice once it has spoken all a
    build needs, which for the studio would mean loading it again for every sentence."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self.name = engine.name
        self.stream = getattr(engine, "stream", None)

    def synthesize(self, text: str) -> Audio:
        return self._engine.synthesize(text)


class _Job:
    """One take being made by the worker: ``step`` does the next part of it (the first
    step learns its length, each later one makes a piece); the last one writes the file."""

    def __init__(self, segment: Segment, path: Path, engine) -> None:
        self.segment, self.path, self._engine = segment, path, engine
        self.known = threading.Event()
        """Set once the take's length is known (or it failed)."""
        self.changed = threading.Condition()
        self.pieces: list[bytes] = []
        self.done = False
        self.error: Exception | None = None
        self.sample_rate = self.samples = 0
        self.streamed = False
        self.written = False
        self._pieces: Iterator[bytes] | None = None

    def step(self) -> bool:
        """Do the next part of the take; False once it is whole (or failed)."""
        try:
            return self._step()
        except Exception as exc:  # noqa: BLE001 - reported to whoever waits for the take
            self._fail(exc)
            return False

    def _step(self) -> bool:
        if self._pieces is None:
            speech = self._engine.stream(self.segment.text) if self._engine.stream else None
            self.streamed = speech is not None
            if speech is None:
                # An engine that cannot stream: its take is made whole, in this one step.
                audio = self._engine.synthesize(self.segment.text)
                speech = self._whole(audio)
            self.sample_rate, self.samples = speech.sample_rate, speech.samples
            self._pieces = iter(speech.pieces)
            self.known.set()
            return True
        piece = next(self._pieces, None)
        if piece is not None:
            with self.changed:
                self.pieces.append(piece)
                self.changed.notify_all()
            return True
        self._finish()
        return False

    def _whole(self, audio: Audio) -> Speech:
        """A take made whole is written at once (a newer take would otherwise hold back
        the step that writes it); an encoded one (gTTS's MP3) is served from its file."""
        write_bytes(self.path, encode(audio))
        if audio.format != "pcm":
            return Speech(0, 0, iter(()))
        self.written = True
        return Speech(audio.sample_rate, len(audio.data) // 2, iter([audio.data]))

    def _finish(self) -> None:
        pcm = b"".join(self.pieces)
        if self.sample_rate and not self.written:
            # Exactly the length promised (the header sent already says it).
            pcm = pcm[:self.samples * 2].ljust(self.samples * 2, b"\0")
            write_bytes(self.path, encode(Audio(pcm, self.sample_rate)))
        with self.changed:
            self.done = True
            self.changed.notify_all()

    def stop(self) -> None:
        """The studio is stopping: whoever waits for this take is told so."""
        self._fail(EngineError("the studio is stopping"), quiet=True)

    def _fail(self, exc: Exception, quiet: bool = False) -> None:
        self.error = exc if isinstance(exc, RecapcastError) else \
            EngineError(f"the voice could not speak {self.segment.text[:60]!r}: {exc}")
        if not quiet:
            log.warning("%s", self.error)
        with self.changed:
            self.done = True
            self.changed.notify_all()
        self.known.set()


class LiveTake:
    """A take being made, as the studio serves it: a WAV header with the whole length,
    then the samples as they are made. If making it fails half-way, the rest is silence
    (the length was promised) and no file is written."""

    media_type = "audio/wav"

    def __init__(self, job: _Job) -> None:
        self._job = job
        self.header = wav_header(job.sample_rate, job.samples)
        self.length = len(self.header) + job.samples * 2

    def read(self) -> Iterator[bytes]:
        """The WAV file's bytes, each piece as soon as it is made."""
        yield self.header
        sent, n = 0, 0
        while True:
            with self._job.changed:
                while n >= len(self._job.pieces) and not self._job.done:
                    self._job.changed.wait(1.0)
                ready = self._job.pieces[n:]
                done = self._job.done
            for piece in ready:
                piece = piece[:self.length - len(self.header) - sent]
                sent += len(piece)
                yield piece
            n += len(ready)
            if done:
                break
        missing = self.length - len(self.header) - sent
        if missing > 0:
            yield b"\0" * missing

    def wait(self) -> Path | None:
        """Wait until the take is whole: its file, or None if it failed."""
        with self._job.changed:
            while not self._job.done:
                self._job.changed.wait(1.0)
        return None if self._job.error else self._job.path


class WarmVoices:
    """One engine per voice, made on first use and kept, and the one worker that speaks."""

    def __init__(self) -> None:
        self._engines: dict[VoiceSettings, _Kept] = {}
        self._jobs: list = []
        self._live: dict[Path, _Job] = {}
        self._made: set[Path] = set()
        self._wake = threading.Condition()
        self._worker: threading.Thread | None = None
        self._closed = False

    def engine(self, settings: VoiceSettings) -> _Kept:
        kept = self._engines.get(settings)
        if kept is None:
            kept = self._engines[settings] = _Kept(get_engine(settings, threads=cpu_cores()))
        return kept

    def speak(self, segments: Sequence[Segment], cache_dir: Path) -> list[Take]:
        """The takes of ``segments``: from the cache, else being made by the worker. Returns
        once each new take's length is known; ``live`` serves it until it is whole."""
        found: list[Take | _Job] = []
        with self._wake:
            if self._closed:
                raise EngineError("the studio is stopping")
            for segment in segments:
                path = take_path(cache_dir, segment.voice, segment.text, segment.reading)
                job = self._live.get(path)
                take = None if job else cached_take(segment, path)
                if take is None and job is None:
                    job = self._live[path] = _Job(segment, path, _Lazy(self, segment.voice))
                found.append(take or job)
            # Asked for now: made before what was asked earlier, the first of them first
            # (pushed last), a take asked for again included.
            for job in reversed([item for item in found if isinstance(item, _Job)]):
                if job in self._jobs:
                    self._jobs.remove(job)
                self._push(job)
        takes = []
        for segment, item in zip(segments, found, strict=True):
            if isinstance(item, Take):
                takes.append(item)
                continue
            item.known.wait()
            if item.error:
                raise item.error
            if not item.sample_rate:
                # An encoded take, written whole.
                take = cached_take(segment, item.path)
                if take is None:
                    raise EngineError(f"the take of {segment.text[:60]!r} was not written")
                takes.append(take)
                continue
            takes.append(Take(segment, item.path, item.sample_rate, item.samples, False))
        return takes

    def live(self, path: Path) -> LiveTake | None:
        """The take being made into ``path``, or None when there is none."""
        with self._wake:
            job = self._live.get(path)
        return LiveTake(job) if job and job.known.is_set() and job.sample_rate else None

    def pending(self, path: Path) -> bool:
        """Whether a take is being made into ``path`` (it is not in the cache yet)."""
        with self._wake:
            return path in self._live

    def in_pieces(self, path: Path) -> bool:
        """Whether the take at ``path`` was made in pieces by this studio (and so its page
        may play it as it arrives)."""
        with self._wake:
            return path in self._made or (path in self._live and self._live[path].streamed)

    def warm(self, settings: VoiceSettings) -> threading.Event:
        """Load the voice in the background (speaking a few words nowhere), so the first
        click does not wait for the model; the event is set when it is loaded."""
        job = _Warm(self, settings)
        with self._wake:
            if self._closed:
                job.loaded.set()
                return job.loaded
            # Under the takes asked for: after a build freed the voice, a take being heard
            # goes on first (it loads the voice itself if it has to).
            self._push(job, first=False)
        return job.loaded

    def stop(self) -> None:
        """Stop speaking, without waiting: what waits for a take is told the studio is
        stopping (a take being heard ends in silence at once) and no new step starts."""
        with self._wake:
            self._closed = True
            waiting, self._jobs = self._jobs, []
            self._wake.notify_all()
        for job in waiting:
            job.stop()

    def close(self, timeout: float = 0.25) -> None:
        """``stop``, then wait up to ``timeout`` for the step under way: a piece takes
        about 0.1-0.3 s, so a take is left whole or not at all. A voice still loading (seconds,
        at the studio's start) is not waited for: the studio then ends with ``os._exit``
        and takes are written atomically, so nothing is left half-written."""
        self.stop()
        # Once: the studio closes on its way down and again as it ends.
        worker, self._worker = self._worker, None
        if worker is not None:
            worker.join(timeout)

    def _push(self, job, first: bool = True) -> None:
        """Add a job for the worker (called holding ``_wake``), starting the worker; it is
        made ``first`` of all, else after all the others."""
        if first:
            self._jobs.append(job)
        else:
            self._jobs.insert(0, job)
        self._wake.notify()
        if self._worker is None:
            self._worker = threading.Thread(target=self._work, name="recapcast-voice",
                                            daemon=True)
            self._worker.start()

    def _work(self) -> None:
        while True:
            with self._wake:
                while not self._jobs and not self._closed:
                    self._wake.wait()
                if self._closed:
                    return
                # The newest first: the sentence the user asked for last is the one they
                # are waiting to hear. But a take whose length is not known yet comes before
                # the pieces of others: its request waits for that (a seventh of its time).
                job = next((j for j in reversed(self._jobs) if isinstance(j, _Job)
                            and not j.known.is_set()), self._jobs[-1])
            more = job.step()
            if not more:
                with self._wake:
                    if job in self._jobs:
                        self._jobs.remove(job)
                    if isinstance(job, _Job):
                        self._live.pop(job.path, None)
                        if job.streamed and not job.error:
                            self._made.add(job.path)


class _Lazy:
    """The voice's engine, made by the worker at the take's first step (loading a voice
    is part of speaking, and never happens on the thread serving the page)."""

    def __init__(self, voices: WarmVoices, settings: VoiceSettings) -> None:
        self._voices, self._settings = voices, settings

    @property
    def stream(self):
        return self._voices.engine(self._settings).stream

    def synthesize(self, text: str) -> Audio:
        return self._voices.engine(self._settings).synthesize(text)


class _Warm:
    """A job that loads a voice (and its cut parts) by speaking a few words nowhere."""

    def __init__(self, voices: WarmVoices, settings: VoiceSettings) -> None:
        self._voices, self._settings = voices, settings
        self.loaded = threading.Event()

    def stop(self) -> None:
        self.loaded.set()

    def step(self) -> bool:
        try:
            engine = self._voices.engine(self._settings)
            # A voice that can stream is only ever streamed here: its whole model is not
            # loaded (Piper's cut voice runs its parts).
            speech = engine.stream("Ready.") if engine.stream else None
            if speech is None:
                engine.synthesize("Ready.")
            for _ in speech.pieces if speech else ():
                pass
        except Exception as exc:  # noqa: BLE001 - the first real take reports it
            log.warning("could not load the voice %s: %s", self._settings.voice, exc)
        self.loaded.set()
        return False
