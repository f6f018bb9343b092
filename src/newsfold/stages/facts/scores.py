"""Pair scores: how close two units are to stating the same thing.

A weighted sum of the embedding cosine (paraphrase), idf-weighted content-word
overlap (wording), idf-weighted overlap of capitalised names, and numbers (a
shared number raises the score, a shared specific figure more; the same noun with different numbers lowers
it; the same kind of identifier with other codes keeps two units apart). All
of it is sparse or dense matrix algebra, so 50 articles stay cheap.
"""
from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence

import numpy as np

from ...nlp.sparse import binary_idf_matrix, indicator_matrix
from .features import Features, features, specific_numbers
from .units import Unit

# Weights of the pair score; the numbers term is added on top.
_W_COSINE = 0.70
_W_WORDS = 0.20
_W_NAMES = 0.10
_SHARED_NUMBER = 0.06
# A shared specific figure ("72.8 hectares", "380 species") is told by two
# statements of one fact far more often than by chance: a stronger pull.
_SHARED_SPECIFIC_NUMBER = 0.15
_CONFLICTING_NUMBER = 0.15
# "Block 12B" and "Block 17B", "Flight 12" and "Flight 31": the same kind of
# identifier with other codes names other things; such units never join.
_DIFFERENT_IDENTIFIER = 0.30
# The share of the story's mean direction taken out of every unit vector.
_TOPIC_REMOVAL = 0.5


def without_topic(vectors: np.ndarray) -> np.ndarray:
    """Unit vectors with a share of the story's mean direction taken out.

    Every sentence of a story is about the same ship or the same war, so raw
    cosines between different statements are high ("the troops will act" and
    "the alliance sends troops"); taking out part of the common direction makes
    the cosine weigh what each unit says rather than what the story is about.
    The common direction is the coordinate-wise median, not the mean: a few
    stray lines (a leftover promo, one long off-beat source) barely move it,
    so removing one of them does not shift every pair score of the story.
    """
    if len(vectors) < 3 or _TOPIC_REMOVAL <= 0:
        return vectors
    residual = vectors - _TOPIC_REMOVAL * np.median(vectors, axis=0)[None, :]
    return residual / np.clip(np.linalg.norm(residual, axis=1, keepdims=True), 1e-9, None)


def pair_scores(units: list[Unit], vectors: np.ndarray, clash: np.ndarray) -> np.ndarray:
    """Symmetric unit-by-unit similarity (about 0..1; the diagonal is meaningless).

    ``clash`` marks pairs naming the same kind of identifier with other codes
    (``identifier_clash``); they are pushed apart here and never joined later.
    """
    unit_features = [features(u.text) for u in units]
    specific = _co_occurrence([specific_numbers(u.text) for u in units]) > 0
    words = binary_idf_matrix([f[0] for f in unit_features], {})
    names = binary_idf_matrix([f[1] for f in unit_features], {})
    score = _W_COSINE * (vectors @ vectors.T)
    score += _W_WORDS * (words @ words.T).toarray()
    score += _W_NAMES * (names @ names.T).toarray()
    score += _number_term(unit_features) + _SHARED_SPECIFIC_NUMBER * specific
    score -= _DIFFERENT_IDENTIFIER * clash
    return score


def identifier_clash(identifiers: list[frozenset[tuple[str, str]]]) -> np.ndarray:
    """True where two units name the same kind of identifier with no code in common."""
    n = len(identifiers)
    clash = np.zeros((n, n), dtype=bool)
    codes_by_kind: dict[str, dict[str, int]] = {}
    for ids in identifiers:
        for kind, code in ids:
            codes_by_kind.setdefault(kind, {}).setdefault(code, len(codes_by_kind[kind]))
    for kind, codes in codes_by_kind.items():
        member = np.zeros((n, len(codes)), dtype=np.float32)
        for row, ids in enumerate(identifiers):
            for other_kind, code in ids:
                if other_kind == kind:
                    member[row, codes[code]] = 1.0
        named = member.sum(axis=1) > 0  # rows naming this kind at all
        shared = (member @ member.T) > 0
        clash |= named[:, None] & named[None, :] & ~shared
    return clash


def _number_term(unit_features: list[Features]) -> np.ndarray:
    shared_numbers = _co_occurrence([f[2] for f in unit_features])
    shared_pairs = _co_occurrence([f[3] for f in unit_features])
    shared_nouns = _co_occurrence([{noun for _, noun in f[3]} for f in unit_features])
    # The same counted noun with a different number ("41 protesters" vs
    # "40 protesters") is a conflict: related, but not the same statement.
    conflict = shared_nouns > shared_pairs
    return _SHARED_NUMBER * (shared_numbers > 0) - _CONFLICTING_NUMBER * conflict


def _co_occurrence(rows: Sequence[Iterable[Hashable]]) -> np.ndarray:
    """How many items each pair of rows has in common (dense, rows x rows)."""
    matrix = indicator_matrix(rows, {})
    return (matrix @ matrix.T).toarray()
