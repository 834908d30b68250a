"""The faster copy of the Piper voice: same voice, same samples, made once, safe to lose."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import numpy as np
import onnx

from recapcast.voice.engines import piper_model
from recapcast.voice.engines.piper import voice_files

TEXT = "Jessica Jones walks into the bar, and Kilgrave smiles at her."


def _speak(model: Path, config: Path, text: str) -> np.ndarray:
    import onnxruntime
    from piper import PiperConfig, PiperVoice, SynthesisConfig

    voice = PiperVoice(
        session=onnxruntime.InferenceSession(str(model), providers=["CPUExecutionProvider"]),
        config=PiperConfig.from_dict(json.loads(config.read_text(encoding="utf-8"))))
    # No sampled noise, so the two models must give the same samples.
    quiet = SynthesisConfig(noise_scale=0.0, noise_w_scale=0.0, normalize_audio=False)
    return np.concatenate([c.audio_float_array for c in voice.synthesize(text, quiet)])


def test_the_copy_speaks_the_same_samples_as_the_bundled_voice(tmp_path, monkeypatch):
    monkeypatch.setenv("RECAPCAST_MODEL_CACHE", str(tmp_path / "voices"))
    model, config = voice_files("joe-us")
    # What earlier rewrites left goes, so old copies do not pile up; another
    # installation's copy of this version stays.
    voices = tmp_path / "voices"
    voices.mkdir()
    stale = [voices / f"{model.stem}-2d-{tag}{end}" for tag in ("0000", "v0-0000")
             for end in (".onnx", ".ort-1.0-cpu.onnx")]
    other = voices / f"{model.stem}-2d-v{piper_model.REWRITE_VERSION}-0000.onnx"
    for path in [*stale, other]:
        path.write_bytes(b"old")
    copy = piper_model.fast_model(model)
    assert copy != model and copy.parent == voices
    assert not any(path.exists() for path in stale) and other.exists()
    graph = onnx.load(str(copy)).graph
    convs = [n for n in graph.node if n.op_type == "Conv" and n.name.startswith("/dec/")]
    assert convs and all(len(next(a.ints for a in n.attribute if a.name == "kernel_shape")) == 2
                         for n in convs)
    original, fast = _speak(model, config, TEXT), _speak(copy, config, TEXT)
    assert len(fast) == len(original) > 22050
    assert np.max(np.abs(fast - original)) < 1e-4
    # Made once: the second call finds it.
    stamp = copy.stat().st_mtime_ns
    assert piper_model.fast_model(model) == copy and copy.stat().st_mtime_ns == stamp


def test_a_model_it_does_not_know_is_used_as_it_is(tmp_path, monkeypatch):
    monkeypatch.setenv("RECAPCAST_MODEL_CACHE", str(tmp_path / "voices"))
    model = tmp_path / "other.onnx"
    x = onnx.helper.make_tensor_value_info("x", onnx.TensorProto.FLOAT, [1, 4])
    y = onnx.helper.make_tensor_value_info("y", onnx.TensorProto.FLOAT, [1, 4])
    graph = onnx.helper.make_graph([onnx.helper.make_node("Relu", ["x"], ["y"])], "g", [x], [y])
    onnx.save(onnx.helper.make_model(graph), str(model))
    assert piper_model.fast_model(model) == model
    garbage = tmp_path / "garbage.onnx"
    garbage.write_bytes(b"not a model")
    assert piper_model.fast_model(garbage) == garbage
    assert not list((tmp_path / "voices").glob("*.onnx"))


def test_the_copy_can_be_turned_off(tmp_path, monkeypatch):
    from recapcast.model import VoiceSettings
    from recapcast.voice.engines.piper import PiperEngine

    monkeypatch.setenv("RECAPCAST_MODEL_CACHE", str(tmp_path / "voices"))
    monkeypatch.setenv("RECAPCAST_FAST_VOICE", "0")
    PiperEngine.prepare(VoiceSettings())
    assert not (tmp_path / "voices").exists()


def test_the_graph_onnxruntime_optimised_is_kept_and_reused(tmp_path, monkeypatch):
    from recapcast.model import VoiceSettings
    from recapcast.voice.engines import piper

    monkeypatch.setenv("RECAPCAST_MODEL_CACHE", str(tmp_path / "voices"))
    piper.release()
    engine = piper.PiperEngine(VoiceSettings(), threads=1)
    first = engine.synthesize("The first take.")
    saved = list((tmp_path / "voices").glob("*.ort-*.onnx"))
    assert len(saved) == 1 and not list((tmp_path / "voices").glob(".recapcast-tmp-*"))
    stamp = saved[0].stat().st_mtime_ns
    engine.close()
    second = engine.synthesize("The first take.")
    assert saved[0].stat().st_mtime_ns == stamp  # loaded, not made again
    assert second.sample_rate == first.sample_rate == 22050
    assert abs(len(second.data) - len(first.data)) < 0.2 * len(first.data)
    # A damaged saved graph is made again, not fatal.
    engine.close()
    saved[0].write_bytes(b"damaged")
    assert len(engine.synthesize("The first take.").data) > 0
    assert saved[0].stat().st_size > 1000
    engine.close()


def test_a_cache_that_cannot_be_written_only_costs_speed(tmp_path, monkeypatch):
    from recapcast.model import VoiceSettings
    from recapcast.voice.engines import piper

    cache = tmp_path / "voices"
    monkeypatch.setenv("RECAPCAST_MODEL_CACHE", str(cache))
    piper.release()
    engine = piper.PiperEngine(VoiceSettings(), threads=1)
    assert len(engine.synthesize("Made once.").data) > 0
    engine.close()
    for saved in cache.glob("*.ort-*.onnx"):
        saved.unlink()

    def no_room(*args, **kwargs):
        raise OSError(28, "No space left on device")

    # The copy is there; the optimised graph cannot be saved (tests run as root, so a
    # read-only folder would not stop them).
    monkeypatch.setattr(tempfile, "mkstemp", no_room)
    try:
        assert len(engine.synthesize("Spoken all the same.").data) > 0
        assert not list(cache.glob("*.ort-*.onnx"))
        # Spoken by the faster copy, not the bundled model.
        loaded = piper._load(engine.model, engine.config, engine.threads)
        assert Path(loaded.session._model_path).parent == cache
    finally:
        engine.close()
