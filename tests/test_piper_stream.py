"""A Piper take made a window of frames at a time: the voice cut in prior, flow and decoder,
the pieces the same samples as the whole take, and a voice that cannot be cut spoken whole."""

from __future__ import annotations

import numpy as np
import onnx
import pytest

from recapcast.model import VoiceSettings
from recapcast.voice.engines import piper, piper_model, piper_stream
from recapcast.voice.engines.piper import PiperEngine, voice_files

SENTENCES = [
    "Jessica walks into the bar.",
    "The answer to the second one points straight at the man who has been watching her "
    "all along, from the roof across the street, since the night of the storm.",
    "Why?",
]


@pytest.fixture(scope="module")
def split():
    """The bundled voice, cut and loaded as the studio loads it (2 threads)."""
    model, config = voice_files("joe-us")
    loaded = piper._split(model, config, 2)
    assert loaded is not None, "the bundled voice could not be cut"
    return loaded, piper._loaded(model, config, 2)


def _prior(split, text: str):
    cut, voice = split
    ids = voice.phonemes_to_ids(voice.phonemize(text)[0])
    return cut.prior(ids, piper._scales(voice, VoiceSettings()))


def test_the_parts_are_cut_where_the_graph_says_and_made_once(tmp_path, monkeypatch):
    monkeypatch.setenv("RECAPCAST_MODEL_CACHE", str(tmp_path / "voices"))
    model, _ = voice_files("joe-us")
    parts = piper_model.model_parts(model)
    assert parts is not None and list(parts) == list(piper_model.PARTS)
    inputs = {name: [i.name for i in onnx.load(str(path)).graph.input]
              for name, path in parts.items()}
    assert inputs["prior"] == ["input", "input_lengths", "scales"]
    assert len(inputs["flow"]) == 2 and len(inputs["decoder"]) == 1
    # The flow's output is what the decoder reads; its inputs are what the prior makes.
    flow = onnx.load(str(parts["flow"])).graph
    prior = onnx.load(str(parts["prior"])).graph
    assert [o.name for o in flow.output] == inputs["decoder"]
    assert [o.name for o in prior.output] == inputs["flow"]
    stamps = {name: path.stat().st_mtime_ns for name, path in parts.items()}
    again = piper_model.model_parts(model)
    assert again == parts and {n: p.stat().st_mtime_ns for n, p in again.items()} == stamps


@pytest.mark.parametrize("text", SENTENCES)
def test_pieces_are_the_whole_take(split, text: str):
    cut = split[0]
    prior, mask = _prior(split, text)
    whole = piper_stream.whole(cut.graphs, prior, mask)
    pieces = list(piper_stream.pieces(cut.graphs, prior, mask, cut.hop))
    frames = prior.shape[2]
    assert len(whole) == frames * cut.hop
    sizes = [len(p) // cut.hop for p in pieces]
    # 32 frames first, then doubling up to 128, the last what is left.
    expected, size, left = [], piper_stream.FIRST, frames
    while left > 0:
        expected.append(min(size, left))
        left -= expected[-1]
        size = min(piper_stream.LARGEST, size * 2)
    assert sizes == expected
    joined = np.concatenate(pieces)
    assert len(joined) == len(whole)
    assert np.max(np.abs(joined - whole)) < 1e-4
    assert np.max(np.abs(whole)) > 0.05  # a voice, not silence


def test_a_window_without_its_margins_is_not_the_take(split):
    """The margins matter: without them, the edges of each window come out different."""
    cut = split[0]
    prior, mask = _prior(split, SENTENCES[1])
    whole = piper_stream.whole(cut.graphs, prior, mask)
    bare = piper_stream.Graphs(cut.graphs.flow, cut.graphs.decoder, 0, 0)
    joined = np.concatenate(list(piper_stream.pieces(bare, prior, mask, cut.hop)))
    assert len(joined) == len(whole) and np.max(np.abs(joined - whole)) > 1e-3


def test_the_engine_streams_a_take_of_the_length_it_promised():
    engine = PiperEngine(VoiceSettings(volume=0.5), threads=2)
    speech = engine.stream(SENTENCES[0])
    assert speech is not None and speech.sample_rate == 22050
    pcm = b"".join(speech.pieces)
    assert len(pcm) == 2 * speech.samples > 22050
    samples = np.frombuffer(pcm, dtype="<i2")
    # At the voice's own level times the volume: under half of full scale, not silence.
    assert 1000 < np.max(np.abs(samples)) <= 16384


def test_without_the_faster_copy_a_take_is_not_streamed(monkeypatch):
    monkeypatch.setenv("RECAPCAST_FAST_VOICE", "0")
    assert PiperEngine(VoiceSettings(), threads=2).stream(SENTENCES[0]) is None


def test_a_model_of_another_shape_is_not_cut():
    x = onnx.helper.make_tensor_value_info("x", onnx.TensorProto.FLOAT, [1, 4])
    y = onnx.helper.make_tensor_value_info("y", onnx.TensorProto.FLOAT, [1, 4])
    graph = onnx.helper.make_graph([onnx.helper.make_node("Relu", ["x"], ["y"])], "g", [x], [y])
    assert piper_model.split(onnx.helper.make_model(graph).SerializeToString()) is None
