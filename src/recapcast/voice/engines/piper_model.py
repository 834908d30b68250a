"""A faster copy of a Piper voice model: its decoder rewritten from 1-D to 2-D convolutions
(owns onnx).

About 70 % of Piper's time is the HiFi-GAN decoder's ``Conv1d`` layers at the audio
rate. onnxruntime runs a 2-D convolution of height 1 through its blocked (NCHWc) kernels,
about 1.6 times faster than the same 1-D convolution, so the copy speaks about 17 %
faster with the same weights (samples agree to about 1e-6); a LeakyRelu between two
convolutions becomes a convolution too, which keeps the tensors in that blocked layout,
and the divisions that average residual blocks go into the next convolution's weights
(about 4 % more together). The copy is made once per model file and kept in the user's
cache directory; when a model does not have the shape this rewrite knows, or anything
fails, the original model is used.

For the studio, the copy is also cut in three parts (``model_parts``): the prior (text
encoder, durations and noise: what a sentence will be, frame by frame), the flow and
the decoder. The last two look only at nearby frames, so they can run on a window of
frames at a time and a take can be heard before all of it is made
(``piper_stream``).
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from pathlib import Path

from recapcast.safety.atomic import write_bytes

__all__ = ["PARTS", "REWRITE_VERSION", "cache_root", "fast_model", "model_parts", "split"]

log = logging.getLogger(__name__)

REWRITE_VERSION = "3"
"""Part of the copy's name: bump when the rewrite changes."""
_DECODER = "/dec/"
"""Name prefix of the decoder's nodes in every Piper (VITS) export."""
PARTS = ("prior", "flow", "decoder")
"""The parts ``split`` cuts a model in, in the order they run."""
_SPLIT_VERSION = "1"
"""Part of the parts' names: bump when ``split`` changes."""
_INPUTS = ["input", "input_lengths", "scales"]
"""A single-speaker Piper export's inputs (a multi-speaker one adds ``sid``)."""
_ELEMENTWISE = {"Add", "LeakyRelu", "Div", "Mul", "Tanh"}
"""Ops that work on tensors of any rank, so they follow the convolutions to 4-D."""


def cache_root() -> Path:
    """Where converted voices are kept: ``$RECAPCAST_MODEL_CACHE``, else the XDG cache."""
    configured = os.environ.get("RECAPCAST_MODEL_CACHE")
    if configured:
        return Path(configured).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "recapcast" / "voices"


def _copy_path(model: Path) -> Path:
    stat = model.stat()
    key = hashlib.sha256(
        f"{REWRITE_VERSION}|{model.resolve()}|{stat.st_size}|{stat.st_mtime_ns}".encode()
    ).hexdigest()[:16]
    return cache_root() / f"{_prefix(model)}{key}.onnx"


def _prefix(model: Path) -> str:
    return f"{model.stem}-2d-v{REWRITE_VERSION}-"


def fast_model(model: Path) -> Path:
    """The 2-D-decoder copy of ``model`` (made now if missing), else ``model`` itself."""
    try:
        copy = _copy_path(model)
        if copy.is_file():
            return copy
        data = rewrite(model.read_bytes())
        if data is None:
            return model
        write_bytes(copy, data)
        _remove_older_copies(model, copy)
        return copy
    except Exception as exc:  # noqa: BLE001 - any failure only costs speed
        log.debug("using %s as it is: %s", model, exc)
        return model


def _remove_older_copies(model: Path, copy: Path) -> None:
    """Delete the copies (and saved graphs) of ``model`` made by earlier versions of the
    rewrite: about 130 MB each, never read again. Copies of this version made from another
    installation's model file are left alone, as that installation still uses them."""
    for old in copy.parent.glob(f"{model.stem}-2d-*.onnx"):
        if not old.name.startswith(_prefix(model)):
            old.unlink(missing_ok=True)


def rewrite(model_bytes: bytes) -> bytes | None:
    """The model with its decoder in 2-D convolutions, or None if its shape is unknown.

    The decoder is the run of ``/dec/`` nodes fed by one outside tensor. Its input gets a
    height axis of 1 (Unsqueeze), each Conv gets 4-D weights and attributes, ConvTranspose
    stays 1-D between a Squeeze and an Unsqueeze (2-D is no faster for it), and each
    tensor leaving the decoder loses the axis again (Squeeze).
    """
    import numpy as np
    import onnx
    from onnx import helper, numpy_helper

    model = onnx.load_from_string(model_bytes)
    graph = model.graph
    decoder = [n for n in graph.node if n.name.startswith(_DECODER)]
    if not decoder or any(n.op_type not in _ELEMENTWISE | {"Conv", "ConvTranspose"}
                          for n in decoder):
        return None
    inside = {out for n in decoder for out in n.output}
    weights = {w.name: w for w in graph.initializer}
    feeds = {i for n in decoder for i in n.input if i and i not in inside and i not in weights}
    if len(feeds) != 1:
        return None
    source = feeds.pop()
    axis = "recapcast_axis2"
    graph.initializer.append(numpy_helper.from_array(np.array([2], dtype=np.int64), axis))

    def wide(name: str) -> str:
        return f"{name}__4d"

    nodes = []
    for node in graph.node:
        if node is decoder[0]:
            nodes.append(helper.make_node("Unsqueeze", [source, axis], [wide(source)],
                                          name=f"{_DECODER}recapcast_to_4d"))
        if not node.name.startswith(_DECODER):
            for k, name in enumerate(node.input):
                if name in inside:
                    nodes.append(helper.make_node("Squeeze", [wide(name), axis], [f"{name}__3d"]))
                    node.input[k] = f"{name}__3d"
            nodes.append(node)
            continue
        node.input[:] = [wide(i) if i == source or i in inside else i for i in node.input]
        node.output[:] = [wide(o) for o in node.output]
        if node.op_type == "ConvTranspose":
            flat_in, flat_out = f"{node.input[0]}__3d", f"{node.output[0]}__3d"
            nodes.append(helper.make_node("Squeeze", [node.input[0], axis], [flat_in]))
            nodes.append(node)
            # Through a blocked convolution at once, so the residual sums that follow run
            # blocked too.
            weight = weights.get(node.input[1])
            if weight is None or len(weight.dims) != 3:
                return None
            group = next((a.i for a in node.attribute if a.name == "group"), 1)
            nodes.append(helper.make_node("Unsqueeze", [flat_out, axis], [f"{flat_out}__4d"]))
            nodes.append(_identity_conv(f"{flat_out}__4d", node.output[0],
                                        weight.dims[1] * group, graph, helper, numpy_helper))
            node.input[0], node.output[0] = flat_in, flat_out
            continue
        if node.op_type == "Conv":
            if not _widen_conv(node, weights, numpy_helper):
                return None
        nodes.append(node)
    del graph.node[:]
    graph.node.extend(nodes)
    # Recorded shapes of decoder tensors are 3-D and would now be wrong.
    kept = [v for v in graph.value_info if v.name not in inside]
    del graph.value_info[:]
    graph.value_info.extend(kept)
    try:
        _fold_divisions(graph, numpy_helper)
        _activations_as_convolutions(model, onnx, helper, numpy_helper)
    except Exception as exc:  # noqa: BLE001 - the 2-D copy is worth having without these
        log.debug("decoder activations and divisions kept as they are: %s", exc)
    onnx.checker.check_model(model)
    return model.SerializeToString()


def _activations_as_convolutions(model, onnx, helper, numpy_helper) -> None:
    """Turn each decoder LeakyRelu that feeds only convolutions into a depthwise 1x1
    convolution of weight 1 with LeakyRelu as its activation (x * 1 is exact).

    onnxruntime's blocked (NCHWc) kernels fuse an activation into a convolution but
    cannot run a LeakyRelu alone, so between two convolutions it cost a reorder out of
    the blocked layout and one back: about 15 % of the decoder's time, against 6 % for
    the extra convolution.
    """
    graph = model.graph
    shapes = {v.name: v.type.tensor_type.shape.dim
              for v in onnx.shape_inference.infer_shapes(model).graph.value_info}
    users: dict[str, list[str]] = {}
    for node in graph.node:
        for name in node.input:
            users.setdefault(name, []).append(node.op_type)
    nodes = []
    for node in graph.node:
        dims = shapes.get(node.input[0]) if node.input else None
        if (node.op_type == "LeakyRelu" and node.name.startswith(_DECODER) and dims
                and len(dims) == 4 and dims[1].dim_value > 0
                and set(users.get(node.output[0], ["?"])) == {"Conv"}):
            moved = f"{node.input[0]}__same"
            nodes.append(_identity_conv(node.input[0], moved, dims[1].dim_value, graph,
                                        helper, numpy_helper))
            node.input[0] = moved
        nodes.append(node)
    del graph.node[:]
    graph.node.extend(nodes)


def _fold_divisions(graph, numpy_helper) -> None:
    """Fold each decoder division by a positive constant into the convolution after it.

    The decoder averages its residual blocks (x / 3) just before a LeakyRelu and a
    (transposed) convolution. LeakyRelu(x / c) = LeakyRelu(x) / c for c > 0, so the
    convolution's weights take the 1 / c and a pass over the tensor goes, with the
    reorders out of the blocked layout and back that it needed.
    """
    import numpy as np

    constants = {w.name: w for w in graph.initializer}
    constants.update({n.output[0]: n.attribute[0].t for n in graph.node if n.op_type
                      == "Constant" and n.attribute and n.attribute[0].name == "value"})
    users: dict[str, list] = {}
    for node in graph.node:
        for name in node.input:
            users.setdefault(name, []).append(node)
    folded = []
    for node in graph.node:
        if node.op_type != "Div" or not node.name.startswith(_DECODER) \
                or node.input[1] not in constants:
            continue
        divisor = numpy_helper.to_array(constants[node.input[1]])
        if divisor.size != 1 or not float(divisor) > 0:
            continue
        chain, name = [], node.output[0]
        while len(users.get(name, [])) == 1 and len(chain) < 3:
            chain.append(users[name][0])
            name = chain[-1].output[0]
            if chain[-1].op_type in ("Conv", "ConvTranspose"):
                break
        kinds = [n.op_type for n in chain]
        if kinds not in (["LeakyRelu", "Conv"], ["LeakyRelu", "Squeeze", "ConvTranspose"]):
            continue
        conv = chain[-1]
        weight = constants.get(conv.input[1])
        if weight is None or len(users.get(conv.input[1], [])) != 1:
            continue
        scaled = numpy_helper.to_array(weight) / np.float32(float(divisor))
        weight.CopyFrom(numpy_helper.from_array(scaled.astype(np.float32), weight.name))
        chain[0].input[0] = node.input[0]
        folded.append(node)
    for node in folded:
        graph.node.remove(node)
    # A divisor nothing else uses would make onnxruntime warn on every load.
    used = {name for node in graph.node for name in node.input}
    divisors = {node.input[1] for node in folded} - used
    for unused in [w for w in graph.initializer if w.name in divisors]:
        graph.initializer.remove(unused)


def _identity_conv(source: str, target: str, channels: int, graph, helper, numpy_helper):
    """A depthwise 1x1 convolution of weight 1: ``target`` equals ``source``, blocked."""
    import numpy as np

    weight = f"{target}__one"
    graph.initializer.append(numpy_helper.from_array(
        np.ones((channels, 1, 1, 1), dtype=np.float32), weight))
    return helper.make_node("Conv", [source, weight], [target], group=channels,
                            kernel_shape=[1, 1], name=f"{_DECODER}recapcast_{target}")


def _widen_conv(node, weights, numpy_helper) -> bool:
    """Give a 1-D Conv node a height-1 kernel; False if it is not a plain 1-D Conv."""
    weight = weights.get(node.input[1])
    if weight is None or len(weight.dims) != 3:
        return False
    array = numpy_helper.to_array(weight)
    weight.CopyFrom(numpy_helper.from_array(array[:, :, None, :], weight.name))
    for attribute in node.attribute:
        if attribute.name in ("kernel_shape", "strides", "dilations"):
            attribute.ints[:] = [1, *attribute.ints]
        elif attribute.name == "pads":
            begin, end = list(attribute.ints)
            attribute.ints[:] = [0, begin, 0, end]
        elif attribute.name == "auto_pad" and attribute.s not in (b"", b"NOTSET"):
            return False
    return True


def model_parts(model: Path) -> dict[str, Path] | None:
    """The parts of ``model``'s faster copy (``split``), made now if missing and kept
    beside it; None when the model cannot be cut (then it is only spoken whole)."""
    try:
        copy = fast_model(model)
        if copy == model:
            return None
        paths = {part: copy.with_name(f"{copy.stem}.s{_SPLIT_VERSION}.{part}.onnx")
                 for part in PARTS}
        if all(path.is_file() for path in paths.values()):
            return paths
        parts = split(copy.read_bytes())
        if parts is None:
            return None
        for part, data in parts.items():
            write_bytes(paths[part], data)
        return paths
    except Exception as exc:  # noqa: BLE001 - a voice that is not cut is only heard later
        log.debug("%s is spoken whole: %s", model, exc)
        return None


def split(model_bytes: bytes) -> dict[str, bytes] | None:
    """A Piper (VITS) model cut in ``PARTS``, or None if its shape is not the one known.

    The cuts are found by the graph's structure, not by tensor numbers, which change
    between exports: the decoder's input is the flow's output times the frame mask (a
    Mul whose other input is made outside the flow), and the flow reads one tensor made
    by a top-level node besides that mask: the prior (means plus scaled noise).
    """
    import onnx
    from onnx.utils import Extractor

    model = onnx.load_from_string(model_bytes)
    graph = model.graph
    if [i.name for i in graph.input] != _INPUTS or len(graph.output) != 1:
        return None
    producers = {out: node for node in graph.node for out in node.output}
    decoder = [n for n in graph.node if n.name.startswith(_DECODER)]
    if not decoder or decoder[0].input[0] not in producers:
        return None
    decoder_in = decoder[0].input[0]
    masking = producers[decoder_in]

    def in_flow(name: str) -> bool:
        return name in producers and producers[name].name.startswith("/flow/")

    flowed = [i for i in masking.input if in_flow(i)]
    mask = [i for i in masking.input if not in_flow(i)]
    if masking.op_type != "Mul" or len(flowed) != 1 or len(mask) != 1:
        return None
    read = {i for n in graph.node if n.name.startswith("/flow/") for i in n.input}
    prior = sorted(i for i in read if i in producers and i != mask[0]
                   and re.fullmatch(r"/[^/]+", producers[i].name))
    if len(prior) != 1:
        return None
    cut = Extractor(model)
    parts = {"prior": cut.extract_model(_INPUTS, [prior[0], mask[0]]),
             "flow": cut.extract_model([prior[0], mask[0]], [decoder_in]),
             "decoder": cut.extract_model([decoder_in], [graph.output[0].name])}
    # Not onnx.checker: the cut tensors keep no recorded shape, which it asks for. The
    # engine proves the parts instead, by speaking with them (piper._Split.check).
    return {name: part.SerializeToString() for name, part in parts.items()}
