"""Online story clustering, one article at a time in publication order.

The method follows the streaming news clusterer of Miranda et al. (2018,
"Multilingual Clustering of Streaming News"): every story keeps the sums of
its articles' unit vectors in a few feature spaces, a new article is scored
against the stories that are still *active* (seen within ``window_days``),
it joins the best one when the score clears ``threshold``, else it opens a
new story. Stories that grow close are merged when the evidence has
accumulated (``merge_threshold``), so an early split can heal; a second pass
(:meth:`Clusterer.consolidate`, once a batch) re-checks every story changed
since the last one, so a follow-up the online step left apart joins up.

The similarity of two articles is a fixed linear mix of embedding, term,
name and time evidence (:mod:`newsfold.stream.scoring`). An article (or a story) is scored against a story by **average link**: the
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

A store saves :meth:`Clusterer.state` after each batch and resumes with
:meth:`Clusterer.from_state`, so a resumed ingest decides exactly as an
uninterrupted one.

Candidate search is blocked by time and approximated by the embedding: only
active stories are scored, and only the ``candidates`` nearest by average
embedding similarity (one matrix-vector product, :mod:`.active`) get the full score. Memory
is bounded by the number of active stories plus a fixed-size archive of
recently evicted ones (only undated articles, which carry no time evidence,
look there), so it stays flat however long the stream runs.
"""
from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..model import Article
from .active import ActiveIndex
from .features import TERM_BUCKETS, ArticleFeatures
from .scoring import Params, coherent, score
from .story import DIMENSION, Story, norm, prune

__all__ = ["DIMENSION", "ClusterState", "Clusterer", "Params", "Story", "cluster_articles", "publication_order"]

Weights = dict[int, float]


@dataclass
class ClusterState:
    """What a store keeps of a clusterer: counters, document frequencies and stories.

    From :meth:`Clusterer.state`: the terms and stories changed since the last
    :meth:`Clusterer.clear_changes` (the store saves only those). For
    :meth:`Clusterer.from_state`: every stored term and the active stories.
    """

    documents: int = 0
    next_number: int = 1
    current_day: int | None = None
    doc_freq: dict[int, int] = field(default_factory=dict)  # hashed term -> documents containing it
    stories: list[Story] = field(default_factory=list)


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
        self._index = ActiveIndex()
        self._changed: set[str] = set()  # stories changed since the last clear_changes()
        self._changed_terms: set[int] = set()
        self._recent: set[str] = set()  # stories changed since the last consolidate()
        self._evicted: dict[str, Story] = {}  # changed, then evicted: kept until saved
        # The most recently evicted stories (bounded): an undated article has
        # no time evidence, so it may still join one of them.
        self._archive: OrderedDict[str, Story] = OrderedDict()

    # -- state ---------------------------------------------------------
    @classmethod
    def from_state(cls, state: ClusterState, params: Params | None = None) -> Clusterer:
        """A clusterer as a store saved it: counters, term frequencies, active stories."""
        clusterer = cls(params)
        clusterer.documents = state.documents
        clusterer.next_number = state.next_number
        clusterer.current_day = state.current_day
        if state.doc_freq:
            terms = np.array(list(state.doc_freq.items()), dtype=np.int64)
            clusterer.doc_freq[terms[:, 0]] = terms[:, 1]
        for story in state.stories:
            story.update_norms()
            clusterer.load_story(story)
        return clusterer

    def state(self) -> ClusterState:
        """Counters, and the terms and stories changed since :meth:`clear_changes` (what a store saves)."""
        return ClusterState(
            documents=self.documents,
            next_number=self.next_number,
            current_day=self.current_day,
            doc_freq={int(t): int(self.doc_freq[t]) for t in sorted(self._changed_terms)},
            stories=[self.stories.get(i) or self._evicted[i] for i in sorted(self._changed)],
        )

    def clear_changes(self) -> None:
        """Forget what changed (it is saved, or nothing persists): memory stays flat."""
        self._changed.clear()
        self._evicted.clear()
        self._changed_terms.clear()

    def horizon(self) -> int | None:
        """The oldest last day an active story may have (None before the first dated article)."""
        return None if self.current_day is None else self.current_day - self.params.window_days

    def load_story(self, story: Story) -> None:
        """Make a stored story active again (resuming an ingest)."""
        self.stories[story.id] = story
        self._index.set(story)

    def _drop(self, story_id: str) -> Story:
        self._index.remove(story_id)
        story = self.stories.pop(story_id)
        if story_id in self._changed:  # keep its last state until the store has saved it
            self._evicted[story_id] = story
        return story

    def _evict(self, day: int) -> None:
        horizon = day - self.params.window_days
        for story_id in [s.id for s in self.stories.values() if s.last_day < horizon]:
            self._archive[story_id] = self._drop(story_id)
            while len(self._archive) > self.params.archive:
                self._archive.popitem(last=False)
        self._index.shrink()

    # -- features -> weights ---------------------------------------------
    def _idf(self, keys: list[int]) -> dict[int, float]:
        n = self.documents + 1
        freq = self.doc_freq[np.fromiter(keys, dtype=np.int64, count=len(keys))]
        return dict(zip(keys, (np.log((n + 1) / (freq + 1.0)) + 1.0).tolist()))

    def _weights(self, feats: ArticleFeatures) -> tuple[Weights, Weights]:
        idf = self._idf(list(feats.terms) + list(feats.entities))
        terms = {k: (1.0 + math.log(c)) * idf[k] for k, c in feats.terms.items()}
        names = {k: idf[k] for k in feats.entities}
        t_norm, n_norm = norm(terms), norm(names)
        return ({k: v / t_norm for k, v in terms.items()}, {k: v / n_norm for k, v in names.items()})

    def _count_document(self, feats: ArticleFeatures) -> None:
        self.documents += 1
        keys = list(feats.terms) + list(feats.entities)
        if keys:
            np.add.at(self.doc_freq, np.fromiter(keys, dtype=np.int64, count=len(keys)), 1)
            self._changed_terms.update(keys)

    # -- the step --------------------------------------------------------
    def add(self, feats: ArticleFeatures) -> tuple[str, list[tuple[str, str]]]:
        if feats.day is not None and (self.current_day is None or feats.day > self.current_day):
            self.current_day = feats.day
            self._evict(feats.day)
        terms, names = self._weights(feats)
        best_id = self._best_story(feats, terms, names)
        if best_id is None:
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

    def _best_story(self, feats: ArticleFeatures, terms: Weights, names: Weights) -> str | None:
        """The story the article joins (made active again if archived), or None for a new one."""
        p = self.params
        best_id, best_score = None, -1.0
        for story_id, emb in self._index.nearest(feats.vector, p.candidates):
            story = self.stories[story_id]
            value = score(p, emb, terms, names, 1, story, feats.day, feats.day)
            if value > best_score and coherent(p, value, story):
                best_id, best_score = story_id, value
        if feats.day is None and self._archive:
            # Undated: no time blocking either; recently evicted stories qualify too.
            for story_id in sorted(self._archive):
                story = self._archive[story_id]
                value = score(p, float(story.mean() @ feats.vector), terms, names, 1, story, None, None)
                if value > best_score and coherent(p, value, story):
                    best_id, best_score = story_id, value
            if best_id in self._archive and best_score >= p.threshold:
                self.load_story(self._archive.pop(best_id))
        if best_id is None or best_score < p.threshold:
            return None
        return best_id

    def _absorb(
        self, story: Story, vector: np.ndarray, terms: Weights, names: Weights, first: int, last: int, size: int
    ) -> None:
        story.vector_sum = story.vector_sum + vector
        for target, weights in ((story.terms, terms), (story.names, names)):
            for k, v in weights.items():
                target[k] = target.get(k, 0.0) + v
        prune(story.terms, self.params.max_terms)
        prune(story.names, self.params.max_terms // 4)
        story.update_norms()
        story.size += size
        story.first_day = min(story.first_day, first) if story.size > size else first
        story.last_day = max(story.last_day, last)
        self._index.set(story)
        self._changed.add(story.id)
        self._recent.add(story.id)

    def _merge_around(self, story: Story) -> list[tuple[str, str]]:
        """Merge ``story`` with an active story it has grown close to (average link)."""
        p = self.params
        merges: list[tuple[str, str]] = []
        # Re-check as evidence accumulates: at sizes 2-4, then every 4th article.
        while story.size > 1 and (story.size <= 4 or story.size % 4 == 0 or merges):
            best, best_score = None, -1.0
            for other_id, emb in self._index.nearest(story.mean(), p.candidates, exclude=story.id)[: p.merge_candidates]:
                other = self.stories[other_id]
                value = score(p, emb, story.terms, story.names, story.size, other, story.first_day, story.last_day)
                if value > best_score:
                    best, best_score = other, value
            if best is None or best_score < p.merge_threshold:
                break
            # Two stories merge only when they are about as close to each other
            # as their members are among themselves: related events (two lottery
            # draws, two fires) stay apart, a story told in two waves joins up.
            if not coherent(p, best_score, story, best):
                break
            story = self._merge(story, best, merges)
        return merges


    def _merge(self, story: Story, other: Story, merges: list[tuple[str, str]]) -> Story:
        """Fold the younger of two stories into the older id; returns the survivor."""
        survivor, absorbed = sorted((story, other), key=lambda s: _number(s.id))
        self._absorb(
            survivor, absorbed.vector_sum, absorbed.terms, absorbed.names,
            absorbed.first_day, absorbed.last_day, absorbed.size,
        )
        absorbed.merged_into = survivor.id
        self._changed.add(absorbed.id)
        self._recent.discard(absorbed.id)
        self._drop(absorbed.id)
        merges.append((absorbed.id, survivor.id))
        return survivor

    # -- the second pass ---------------------------------------------------
    def consolidate(self, also: Iterable[str] = ()) -> list[tuple[str, str]]:
        """Second pass over the stories changed since the last one: merge what the first pass kept apart.

        The online step compares an article with its shortlist once, and
        re-checks a story for merges only at a few sizes; a singleton never
        looks for a merge itself. So two stories that the average link puts
        above ``merge_threshold`` can stay apart: a follow-up that opened its
        own story before the story it follows had the words to draw it in.
        Here every story changed since the last pass is scored against its
        ``merge_candidates`` nearest active stories (as the online merge check
        picks them) by the full average link, and
        the best pair that passes the same two tests (``merge_threshold`` and
        cohesion) merges, best first, until none does. Only recent stories are
        looked at, so the cost per call follows the articles added, not the
        store. Deterministic (pairs ranked by score, then ids) and idempotent:
        a second call with nothing added in between does nothing. ``also``
        names active stories to re-examine though unchanged (a check that a
        stored state is already a fixpoint of this pass).
        """
        p = self.params
        merges: list[tuple[str, str]] = []
        self._recent.update(s for s in also if s in self.stories)
        while self._recent:
            best: tuple[float, str, str] | None = None
            for story_id in sorted(self._recent):
                story = self.stories.get(story_id)
                if story is None:
                    continue
                nearest = self._index.nearest(story.mean(), p.candidates, exclude=story_id)[: p.merge_candidates]
                for other_id, emb in nearest:
                    other = self.stories[other_id]
                    value = score(p, emb, story.terms, story.names, story.size, other, story.first_day, story.last_day)
                    first, second = sorted((story_id, other_id))
                    key = (value, first, second)
                    if value >= p.merge_threshold and (best is None or key > best) and coherent(p, value, story, other):
                        best = key
            if best is None:
                break
            _, first, second = best
            self._merge(self.stories[first], self.stories[second], merges)
        self._recent.clear()
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
    embedder: Any = "minilm",
    executor: str = "local",
    scheduler: str | None = None,
    progress: Callable[[int, int], None] | None = None,
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
        for done, (position, feats) in enumerate(run.features(ordered, batch_size=batch_size), start=1):
            if ordered[position].published is None:
                feats.day = None
            story_id, merges = clusterer.add(feats)
            for absorbed, survivor in merges:
                parent[absorbed] = survivor
            story_of[order[position]] = story_id
            if done % batch_size == 0 or done == len(articles):
                # The second pass runs once a batch, as in an ingest.
                for absorbed, survivor in clusterer.consolidate():
                    parent[absorbed] = survivor
                clusterer.clear_changes()  # nothing persists here; keep memory flat
            if progress is not None and (done % batch_size == 0 or done == len(articles)):
                progress(done, len(articles))

    def root(story_id: str) -> str:
        while story_id in parent:
            story_id = parent[story_id]
        return story_id

    return [(article.id, root(story_of[i])) for i, article in enumerate(articles)]
