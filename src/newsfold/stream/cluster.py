"""Online story clustering, one article at a time in publication order.

The method follows the streaming news clusterer of Miranda et al. (2018,
"Multilingual Clustering of Streaming News"): every story keeps the sums of
its articles' unit vectors in a few feature spaces, a new article is scored
against the stories that are still *active* (seen within ``window_days``),
it joins the best one when the score clears ``threshold``, else it opens a
new story. Stories that grow close are merged when the evidence has
accumulated (``merge_threshold``), so an early split can heal.

The similarity of two articles is a fixed linear mix, each part in [0, 1]::

    w_embed * cos(embedding)          # meaning of the title (MiniLM)
  + w_terms * cos(tf-idf terms)       # shared content words, title + body start
  + w_names * cos(names)              # shared proper nouns
  - w_time  * (1 - exp(-gap² / 2σ²))  # days outside the story's span

An article (or a story) is scored against a story by **average link**: the
mean of that similarity over all article pairs, which the per-story sums give
exactly (``a · Σ/n``), as in average-linkage agglomerative clustering. Unlike
the cosine to a centroid, the average does not creep up as a story grows and
varies, so big stories do not snowball. A join or merge must also be
**coherent**: at least ``cohesion_ratio`` times the story's own mean pairwise
score (its cohesion, also exact from the sums). A tight story of one event
(a lottery draw, a fire) then refuses a merely related article or story,
while a loose, topic-like story still gathers its waves.

IDF weights are learnt from the stream itself (document frequencies of
hashed terms so far), so nothing is fitted on a corpus and the result only
depends on the articles seen so far, in order. The parameters are round
numbers chosen once, the same for every dataset (see :class:`Params`).

Candidate search is blocked by time and approximated by the embedding: only
active stories are scored, and only the ``candidates`` nearest by average
embedding similarity (one matrix-vector product) get the full score. Memory
is bounded by the number of active stories plus a fixed-size archive of
recently evicted ones (only undated articles, which carry no time evidence,
look there), so it stays flat however long the stream runs.
"""
from __future__ import annotations

import math
from collections import OrderedDict
from dataclasses import dataclass, field

import numpy as np

from ..model import Article
from .features import TERM_BUCKETS, ArticleFeatures

DIMENSION = 384


@dataclass(frozen=True)
class Params:
    """One set of parameters for every dataset (round numbers, not tuned per set).

    Weights: a logistic regression of "same story?" on the three pairwise
    similarities, fitted on either dev file alone, gives nearly the same ratio
    (about 1 : 5 : 2.5 for embedding : terms : names, whichever file it is
    fitted on); the weights are that ratio, rounded. ``threshold`` (joins and
    merges alike) and ``cohesion_ratio`` were then read off a small grid as
    values inside the region that is good on *both* dev files, away from its
    edges; the sensitivity of the scores to ±20 % is in docs/stream.md.
    """

    threshold: float = 0.12
    merge_threshold: float = 0.12
    w_embed: float = 0.15
    w_terms: float = 0.6
    w_names: float = 0.25
    w_time: float = 0.1
    time_sigma_days: float = 7.0
    window_days: int = 45
    candidates: int = 24
    merge_candidates: int = 8
    max_terms: int = 400
    archive: int = 1024  # evicted stories still offered to undated articles
    cohesion_ratio: float = 0.35


@dataclass
class Story:
    """The clustering state of one story (what a resumed ingest reloads)."""

    id: str
    size: int = 0
    vector_sum: np.ndarray = field(default_factory=lambda: np.zeros(DIMENSION, dtype=np.float32))
    terms: dict[int, float] = field(default_factory=dict)
    names: dict[int, float] = field(default_factory=dict)
    first_day: int = 0
    last_day: int = 0
    merged_into: str | None = None
    terms_norm: float = 1.0
    names_norm: float = 1.0

    def centroid(self) -> np.ndarray:
        norm = float(np.linalg.norm(self.vector_sum))
        return self.vector_sum / norm if norm > 0 else self.vector_sum

    def mean(self) -> np.ndarray:
        """The mean of the members' unit vectors: ``v · mean`` is v's average-link similarity."""
        return self.vector_sum / max(self.size, 1)


def _norm(weights: dict[int, float]) -> float:
    return math.sqrt(sum(v * v for v in weights.values())) or 1.0


def _dot(a: dict[int, float], b: dict[int, float]) -> float:
    # Two term vectors share few keys: intersect the key sets in C, then add
    # the few products in a fixed (sorted) order.
    return sum(a[k] * b[k] for k in sorted(a.keys() & b.keys()))


def _prune(weights: dict[int, float], keep: int) -> None:
    if len(weights) > 2 * keep:
        kept = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:keep]
        weights.clear()
        weights.update(kept)


class Clusterer:
    """Assigns articles to stories, one at a time; holds only active stories.

    ``add(features)`` returns ``(story_id, merges)`` where ``merges`` lists
    ``(absorbed_story, surviving_story)`` pairs that happened on this step:
    every article of the absorbed story now belongs to the survivor.
    """

    def __init__(self, params: Params | None = None):
        self.params = params or Params()
        self.doc_freq = np.zeros(TERM_BUCKETS, dtype=np.int32)
        self.documents = 0
        self.next_number = 1
        self.current_day: int | None = None
        self.stories: dict[str, Story] = {}  # active stories only
        self._slots: dict[str, int] = {}
        self._slot_ids: list[str] = []
        self._matrix = np.zeros((64, DIMENSION), dtype=np.float32)
        self.dirty: set[str] = set()  # stories changed since the last take_dirty()
        self.dirty_terms: set[int] = set()
        self._evicted: dict[str, Story] = {}
        # The most recently evicted stories (bounded): an undated article has
        # no time evidence, so it may still join one of them.
        self._archive: OrderedDict[str, Story] = OrderedDict()

    # -- state ---------------------------------------------------------
    def load_story(self, story: Story) -> None:
        """Make a stored story active again (resuming an ingest)."""
        self.stories[story.id] = story
        self._set_row(story)

    def take_dirty(self) -> tuple[list[Story], list[int]]:
        """Stories and terms changed since the last call (what a store must save)."""
        stories = [self.stories.get(i) or self._evicted[i] for i in sorted(self.dirty)]
        terms = sorted(self.dirty_terms)
        self.dirty.clear()
        self._evicted.clear()
        self.dirty_terms.clear()
        return stories, terms

    def _set_row(self, story: Story) -> None:
        slot = self._slots.get(story.id)
        if slot is None:
            slot = len(self._slot_ids)
            if slot == len(self._matrix):
                grown = np.zeros((2 * len(self._matrix), DIMENSION), dtype=np.float32)
                grown[:slot] = self._matrix
                self._matrix = grown
            self._slots[story.id] = slot
            self._slot_ids.append(story.id)
        self._matrix[slot] = story.mean()

    def _drop(self, story_id: str) -> Story:
        slot = self._slots.pop(story_id)
        last = len(self._slot_ids) - 1
        if slot != last:
            moved = self._slot_ids[last]
            self._matrix[slot] = self._matrix[last]
            self._slot_ids[slot] = moved
            self._slots[moved] = slot
        self._slot_ids.pop()
        story = self.stories.pop(story_id)
        if story_id in self.dirty:  # keep its last state until the store has saved it
            self._evicted[story_id] = story
        return story

    def _evict(self, day: int) -> None:
        horizon = day - self.params.window_days
        for story_id in [s.id for s in self.stories.values() if s.last_day < horizon]:
            self._archive[story_id] = self._drop(story_id)
            while len(self._archive) > self.params.archive:
                self._archive.popitem(last=False)
        # Keep the matrix's memory proportional to the active stories.
        if len(self._matrix) > 256 and len(self._slot_ids) < len(self._matrix) // 4:
            self._matrix = self._matrix[: len(self._matrix) // 2].copy()

    # -- scoring -------------------------------------------------------
    def _idf(self, keys: list[int]) -> dict[int, float]:
        n = self.documents + 1
        freq = self.doc_freq[np.fromiter(keys, dtype=np.int64, count=len(keys))]
        return dict(zip(keys, (np.log((n + 1) / (freq + 1.0)) + 1.0).tolist()))

    def _weights(self, feats: ArticleFeatures) -> tuple[dict[int, float], dict[int, float]]:
        idf = self._idf(list(feats.terms) + list(feats.entities))
        terms = {k: (1.0 + math.log(c)) * idf[k] for k, c in feats.terms.items()}
        names = {k: idf[k] for k in feats.entities}
        t_norm, n_norm = _norm(terms), _norm(names)
        return ({k: v / t_norm for k, v in terms.items()}, {k: v / n_norm for k, v in names.items()})

    def _score(self, emb: float, terms, names, size: int, story: Story, first, last) -> float:
        """Average-link score of ``size`` articles (summed unit vectors ``terms``,
        ``names``; mean embedding similarity ``emb``) spanning first..last days
        against ``story``: the mean over all article pairs of the mixed similarity.

        Averaging over pairs (rather than taking the cosine to a centroid) keeps
        the score of a large, varied story from creeping up as it grows, so a
        story cannot snowball through a fixed threshold.
        """
        p = self.params
        pairs = size * max(story.size, 1)
        term_sim = _dot(terms, story.terms) / pairs if terms and story.terms else 0.0
        name_sim = _dot(names, story.names) / pairs if names and story.names else 0.0
        # An undated article carries no time evidence: no penalty.
        gap = 0 if first is None else max(0, first - story.last_day, story.first_day - last)
        sigma = p.time_sigma_days
        time_penalty = p.w_time * (1.0 - math.exp(-(gap * gap) / (2 * sigma * sigma)))
        return p.w_embed * max(emb, 0.0) + p.w_terms * term_sim + p.w_names * name_sim - time_penalty

    def _cohesion(self, story: Story) -> float | None:
        """The story's own average-link score: the mean mixed similarity of its member pairs.

        Each member adds a unit vector to the sums, so the sum of the
        off-diagonal pair similarities is ``|sum|² - n``. ``None`` for a singleton.
        """
        n = story.size
        if n < 2:
            return None
        p = self.params
        pairs = n * (n - 1)
        emb = (float(story.vector_sum @ story.vector_sum) - n) / pairs
        terms = (story.terms_norm ** 2 - n) / pairs if story.terms else 0.0
        names = (story.names_norm ** 2 - n) / pairs if story.names else 0.0
        return p.w_embed * max(emb, 0.0) + p.w_terms * max(terms, 0.0) + p.w_names * max(names, 0.0)

    def _coherent(self, score: float, *stories: Story) -> bool:
        """Whether ``score`` is at least ``cohesion_ratio`` times the tightest story's cohesion."""
        if not self.params.cohesion_ratio:
            return True
        tightest = max((c for c in map(self._cohesion, stories) if c is not None), default=None)
        return tightest is None or score >= self.params.cohesion_ratio * tightest

    def _nearest(self, vector: np.ndarray, exclude: str | None = None) -> list[tuple[str, float]]:
        """The ``candidates`` active stories with the highest average embedding similarity."""
        count = len(self._slot_ids)
        if count == 0:
            return []
        sims = self._matrix[:count] @ vector
        k = min(self.params.candidates, count)
        if k < count:
            top = np.argpartition(-sims, k - 1)[:k]
        else:
            top = np.arange(count)
        # Stable, deterministic order: by similarity, then by story id.
        ranked = sorted(((self._slot_ids[i], float(sims[i])) for i in top), key=lambda t: (-t[1], t[0]))
        return [(sid, sim) for sid, sim in ranked if sid != exclude]

    # -- the step --------------------------------------------------------
    def add(self, feats: ArticleFeatures) -> tuple[str, list[tuple[str, str]]]:
        p = self.params
        if feats.day is not None and (self.current_day is None or feats.day > self.current_day):
            self.current_day = feats.day
            self._evict(feats.day)
        terms, names = self._weights(feats)
        best_id, best_score = None, -1.0
        for story_id, emb in self._nearest(feats.vector):
            story = self.stories[story_id]
            score = self._score(emb, terms, names, 1, story, feats.day, feats.day)
            if score > best_score and self._coherent(score, story):
                best_id, best_score = story_id, score
        if feats.day is None and self._archive:
            # Undated: no time blocking either; recently evicted stories qualify too.
            for story_id in sorted(self._archive):
                story = self._archive[story_id]
                score = self._score(float(story.mean() @ feats.vector), terms, names, 1, story, None, None)
                if score > best_score and self._coherent(score, story):
                    best_id, best_score = story_id, score
            if best_id in self._archive and best_score >= p.threshold:
                self.load_story(self._archive.pop(best_id))
        if best_id is None or best_score < p.threshold:
            best_id = f"s{self.next_number:04d}"
            self.next_number += 1
            day = feats.day if feats.day is not None else (self.current_day or 0)
            self.stories[best_id] = Story(id=best_id, first_day=day, last_day=day)
        story = self.stories[best_id]
        day = feats.day if feats.day is not None else story.last_day
        self._absorb(story, feats.vector, terms, names, day, day, 1)
        self._count_document(feats)
        merges = self._merge_around(story)
        for absorbed, survivor in merges:
            if absorbed == best_id:
                best_id = survivor
        return best_id, merges

    def _count_document(self, feats: ArticleFeatures) -> None:
        self.documents += 1
        keys = list(feats.terms) + list(feats.entities)
        if keys:
            np.add.at(self.doc_freq, np.fromiter(keys, dtype=np.int64, count=len(keys)), 1)
            self.dirty_terms.update(keys)

    def _absorb(self, story: Story, vector, terms, names, first: int, last: int, size: int) -> None:
        story.vector_sum = story.vector_sum + vector
        for target, weights in ((story.terms, terms), (story.names, names)):
            for k, v in weights.items():
                target[k] = target.get(k, 0.0) + v
        _prune(story.terms, self.params.max_terms)
        _prune(story.names, self.params.max_terms // 4)
        story.terms_norm, story.names_norm = _norm(story.terms), _norm(story.names)
        story.size += size
        story.first_day = min(story.first_day, first) if story.size > size else first
        story.last_day = max(story.last_day, last)
        self._set_row(story)
        self.dirty.add(story.id)

    def _merge_around(self, story: Story) -> list[tuple[str, str]]:
        """Merge ``story`` with an active story it has grown close to (average link)."""
        merges = []
        # Re-check as evidence accumulates: at sizes 2-4, then every 4th article.
        while story.size > 1 and (story.size <= 4 or story.size % 4 == 0 or merges):
            best, best_score = None, -1.0
            for other_id, emb in self._nearest(story.mean(), exclude=story.id)[: self.params.merge_candidates]:
                other = self.stories[other_id]
                score = self._score(emb, story.terms, story.names, story.size, other, story.first_day, story.last_day)
                if score > best_score:
                    best, best_score = other, score
            if best is None or best_score < self.params.merge_threshold:
                break
            # Two stories merge only when they are about as close to each other
            # as their members are among themselves: related events (two lottery
            # draws, two fires) stay apart, a story told in two waves joins up.
            if not self._coherent(best_score, story, best):
                break
            survivor, absorbed = sorted((story, best), key=lambda s: _number(s.id))
            self._absorb(
                survivor, absorbed.vector_sum, absorbed.terms, absorbed.names,
                absorbed.first_day, absorbed.last_day, absorbed.size,
            )
            absorbed.merged_into = survivor.id
            self.dirty.add(absorbed.id)
            self._drop(absorbed.id)
            merges.append((absorbed.id, survivor.id))
            story = survivor
        return merges


def _number(story_id: str) -> int:
    digits = "".join(ch for ch in story_id if ch.isdigit())
    return int(digits) if digits else 0


def publication_order(articles: list[Article]) -> list[int]:
    """Indices of ``articles`` by publication date (undated last), then input order."""
    return sorted(range(len(articles)), key=lambda i: (articles[i].published is None, articles[i].published or "", i))


def cluster_articles(
    articles: list[Article],
    *,
    embedder="minilm",
    executor="local",
    scheduler=None,
    progress=None,
    params: Params | None = None,
    batch_size: int = 256,
) -> list[tuple[str, str]]:
    """Group ``articles`` into stories: ``[(article_id, story_id)]`` in input order.

    Articles are seen in publication order, as a stream would see them. The
    per-article features (embeddings, terms, names) run on ``executor``
    ("local" or "dask"; ``scheduler`` is a Dask scheduler address); the
    assignment step is sequential and local, so every executor gives the
    same stories. ``progress(done, total)`` is called after each batch.
    Undated articles come after the dated ones and are matched without a time penalty.
    """
    from .executors import get_executor

    order = publication_order(articles)
    clusterer = Clusterer(params)
    story_of: dict[int, str] = {}
    parent: dict[str, str] = {}
    ordered = [articles[i] for i in order]
    with get_executor(executor, scheduler=scheduler, embedder=embedder) as run:
        done = 0
        for position, feats in run.features(ordered, batch_size=batch_size):
            if ordered[position].published is None:
                feats.day = None
            story_id, merges = clusterer.add(feats)
            for absorbed, survivor in merges:
                parent[absorbed] = survivor
            story_of[order[position]] = story_id
            done += 1
            if done % batch_size == 0:
                clusterer.take_dirty()  # nothing persists here; keep memory flat
            if progress is not None and (done % batch_size == 0 or done == len(articles)):
                progress(done, len(articles))

    def root(story_id: str) -> str:
        while story_id in parent:
            story_id = parent[story_id]
        return story_id

    return [(article.id, root(story_of[i])) for i, article in enumerate(articles)]
