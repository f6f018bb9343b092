"""A plain extractive summary of about N words: every sentence a source sentence.

Two ways in, one choice of sentences:

- ``summarize_story`` (what ``newsfold summarize`` runs) reads the story's
  sentences alone, as the reading stages leave them (cleaned, split, copies
  marked): no parse and no sentence embedder. A sentence's weight is what
  classic multi-document summarizers (LexRank and friends) use, lexical
  support: how many *other independent* sources state something close to it
  (idf-weighted cosine of content words and numbers), then how close, then
  how early in its article. A copy never supports its original.
- ``summarize`` / ``summarize_facts`` take the facts of a brief, already
  ordered by importance (independent support, then centrality).

Either way the candidates are taken in order, one that mostly repeats what
is already chosen (word overlap) is skipped, and the summary stops at the
word budget.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

from .model import Brief, Fact, Sentence
from .nlp.lexicon import COMMON_STOPWORDS, STOPWORDS
from .nlp.sparse import binary_idf_matrix

if TYPE_CHECKING:
    from .context import StoryContext

_WORD = re.compile(r"\w+", re.UNICODE)
_REDUNDANT = 0.5  # share of a candidate's content words already covered
# Shorter than the list facts compare wordings with: summaries were tuned with
# this one, and the fuller list changes about a quarter of them.
_STOPWORDS = COMMON_STOPWORDS | {"may", "might"}


def summarize(brief: Brief, words: int = 100) -> str:
    """Up to ``words`` words of the brief's most important, non-repeating facts."""
    return summarize_facts(brief.facts, words)


def summarize_facts(facts: list[Fact], words: int = 100) -> str:
    """Up to ``words`` words of the most important, non-repeating of ``facts``
    (ordered by importance, as ``pipeline.fold_facts`` returns them)."""
    return _pick([fact.text for fact in facts], words)


def summarize_story(ctx: StoryContext, words: int = 100) -> str:
    """Up to ``words`` words of the story's best-supported, non-repeating sentences.

    Reads ``ctx.articles`` (``copy_of``, ``off_topic``) and ``ctx.sentences``
    (``pipeline.split_story`` is enough: no parse, no embedder)."""
    sentences, similarity = ranked_sentences(ctx)

    def restates(candidate: int, chosen: list[int]) -> bool:
        return bool(chosen) and float(similarity[candidate, chosen].max()) >= _RESTATES

    return _pick([sentence.text for sentence in sentences], words, restates)


def _pick(candidates: list[str], words: int, restates: Callable[[int, list[int]], bool] | None = None) -> str:
    """The candidates, in order, that fit the budget and repeat little of the
    earlier ones (word overlap; ``restates(candidate, chosen)`` by index, when given)."""
    if words < 1:
        raise ValueError("words must be at least 1")
    chosen: list[str] = []
    picked: list[int] = []
    covered: set[str] = set()
    used = 0
    for index, text in enumerate(candidates):
        sentence = " ".join(text.split())
        content = _content_words(sentence)
        if not content or len(content & covered) / len(content) >= _REDUNDANT:
            continue
        if restates is not None and restates(index, picked):
            continue
        length = len(sentence.split())
        if used + length > words:
            if not chosen:  # the top fact alone is too long: cut it at the budget
                return " ".join(sentence.split()[:words])
            continue  # a shorter, less important fact may still fit
        chosen.append(sentence)
        picked.append(index)
        covered |= content
        used += length
    return " ".join(chosen)


def _content_words(text: str) -> set[str]:
    return {w for w in (m.lower() for m in _WORD.findall(text)) if w not in _STOPWORDS}


# --- sentence support, without models ----------------------------------------------

_TOKEN = re.compile(r"\d[\d,.]*\d|\d|[^\W\d_]+", re.UNICODE)
_SAME = 0.3  # idf cosine at which another source states about the same thing
_MIN_WORDS = 6  # shorter pieces (labels, datelines, "Read more") are no summary sentence
_MAX_WORDS = 60  # one run-on paragraph would spend the whole budget
_RESTATES = 0.5  # idf cosine at which a sentence restates a chosen one


def ranked_sentences(ctx: StoryContext) -> tuple[list[Sentence], np.ndarray]:
    """The candidate sentences of the on-topic originals (a copy's sentences are
    its original's), best first: independent sources that state about the
    same, then how close they come, then position in the article; with their
    idf cosines, in that order."""
    roots = ctx.roots()
    pool = [(a.id, position, s) for a in ctx.on_topic() for position, s in enumerate(ctx.sentences.get(a.id, []))
            if _MIN_WORDS <= len(s.text.split()) <= _MAX_WORDS]
    if not pool:
        return [], np.zeros((0, 0))
    similarity = _idf_cosines([_terms(s.text) for _, _, s in pool])
    unit_roots = np.array([roots[source] for source, _, _ in pool])
    # The closest sentence of every independent source, for every sentence.
    best = np.column_stack([similarity[:, unit_roots == root].max(axis=1) for root in sorted(set(unit_roots))])
    own = np.column_stack([unit_roots == root for root in sorted(set(unit_roots))])
    best[own] = 0.0
    support = (best >= _SAME).sum(axis=1)
    closeness = best.sum(axis=1) / max(1, best.shape[1] - 1)
    originals = {a.id for a in ctx.articles if not a.copy_of}
    order = sorted(
        (i for i, (source, _, _) in enumerate(pool) if source in originals),
        key=lambda i: (-support[i], -closeness[i], pool[i][1], pool[i][0]),
    )
    return [pool[i][2] for i in order], similarity[np.ix_(order, order)]


def _terms(text: str) -> set[str]:
    """Content words (plural -s off) and numbers of a sentence."""
    found = set()
    for token in _TOKEN.findall(text):
        word = token.lower().replace(",", "")
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        if word not in STOPWORDS and (len(word) > 1 or word.isdigit()):
            found.add(word)
    return found


def _idf_cosines(rows: list[set[str]]) -> np.ndarray:
    """Sentence-by-sentence cosine of idf-weighted binary term vectors (dense)."""
    weighted = binary_idf_matrix([sorted(row) for row in rows], {}, dtype=np.float32)
    return np.asarray((weighted @ weighted.T).toarray())
