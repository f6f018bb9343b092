"""Sparse item-set rows: indicator matrices and idf-weighted, L2-normalised
ones, whose products are co-occurrence counts and idf cosines."""
from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix


def indicator_matrix(rows: Sequence[Iterable[Hashable]], vocabulary: dict[Hashable, int]) -> csr_matrix:
    """One row per item set, a 1 in the column of each item (scipy CSR)."""
    from scipy.sparse import csr_matrix

    indices: list[int] = []
    indptr = [0]
    for row in rows:
        indices.extend(vocabulary.setdefault(item, len(vocabulary)) for item in row)
        indptr.append(len(indices))
    return csr_matrix(
        (np.ones(len(indices), dtype=np.float32), indices, indptr),
        shape=(len(rows), max(1, len(vocabulary))),
    )


def binary_idf_matrix(rows: Sequence[Iterable[Hashable]], vocabulary: dict[Hashable, int],
                      dtype: type = np.float64) -> csr_matrix:
    """Rows of idf-weighted indicator vectors, L2-normalised (scipy CSR), in ``dtype``."""
    matrix = indicator_matrix(rows, vocabulary)
    document_frequency = np.asarray((matrix > 0).sum(axis=0)).ravel()
    idf: np.ndarray = (np.log((1 + len(rows)) / (1 + document_frequency)) + 1.0).astype(dtype)
    matrix = matrix.multiply(idf[None, :]).tocsr()
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return matrix.multiply(1.0 / norms[:, None]).tocsr()
