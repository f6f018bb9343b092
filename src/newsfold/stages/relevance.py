"""Flag articles that report another event than the rest of the story.

Reads ``ctx.articles`` (their ``copy_of``: copies must be found first),
``ctx.sentences`` and ``ctx.embedder``; returns the ids of the outliers. The
pipeline writes that into ``Article.off_topic``.

Two signals, both against the *other* independent sources:

1. Topic: the mean sentence embedding of the article against the centroid of
   the story's core. The core is found in two rounds: every source first, then
   only the half most similar to that first centroid, so a few off-topic
   articles cannot drag the centre towards themselves.
2. Names: the share of the article's capitalised words (people, places,
   organisations) that some other source also uses. A report from a new angle
   can read differently yet name the same people and places; it is kept.

An article is off-topic when its topic similarity is well below what the
other sources reach (a share, ``_RELATIVE``, so embedders with different
scales work alike) and below an absolute bar (``_MAX_SIMILAR``),
and its names are mostly its own. The rule is conservative on purpose: a lost
on-topic source costs more than a stray sentence. Nothing is flagged with
fewer than three independent sources (no majority to compare against), and
never more than a minority of them.
"""
from __future__ import annotations

import re

import numpy as np

from ..context import StoryContext
from ..errors import NewsfoldError
from ..model import Article, Sentence, root_of

_MIN_SOURCES = 3
_MAX_SIMILAR = 0.6  # above this an article is on topic, whatever the others do
_RELATIVE = 0.6  # an outlier reaches less than this share of the typical similarity
_NAME_SHARE = 0.6  # an article sharing this share of its names is kept

_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*", re.UNICODE)


def find_off_topic(ctx: StoryContext) -> set[str]:
    """Ids of the articles about another event (the whole group of a copied story)."""
    sentences = ctx.sentences
    roots = _roots(ctx.articles, sentences)
    if len(roots) < _MIN_SOURCES:
        return set()
    if ctx.embedder is None:
        raise NewsfoldError("find_off_topic needs the story's embedder (ctx.embedder)")
    ids = list(roots)
    texts = [s.text for root in ids for a in roots[root] for s in sentences[a.id]]
    vectors = np.asarray(ctx.embedder.embed(texts), dtype=np.float32)
    topic = np.zeros((len(ids), vectors.shape[1]), dtype=np.float32)
    offset = 0
    for row, root in enumerate(ids):
        count = sum(len(sentences[a.id]) for a in roots[root])
        topic[row] = _unit(vectors[offset : offset + count].mean(axis=0))
        offset += count

    similarity = _core_similarity(topic)
    names = [_names(root, roots, sentences) for root in ids]
    suspects: list[tuple[float, str]] = []
    for row, root in enumerate(ids):
        others = np.delete(similarity, row)
        cutoff = min(_MAX_SIMILAR, _RELATIVE * float(np.median(others)))
        shared = _name_share(names[row], [n for k, n in enumerate(names) if k != row])
        if similarity[row] < cutoff and shared < _NAME_SHARE:
            suspects.append((float(similarity[row]), root))
    # Only a minority can be off topic; the least similar go first.
    flagged = [root for _, root in sorted(suspects)[: (len(ids) - 1) // 2]]
    return {article.id for root in flagged for article in roots[root]}


def _roots(articles: list[Article], sentences: dict[str, list[Sentence]]) -> dict[str, list[Article]]:
    """Articles with text, grouped by the independent source they stand for."""
    roots: dict[str, list[Article]] = {}
    for article in articles:
        if sentences.get(article.id):
            roots.setdefault(root_of(article), []).append(article)
    return roots


def _unit(vector: np.ndarray) -> np.ndarray:
    return vector / max(float(np.linalg.norm(vector)), 1e-9)


def _core_similarity(topic: np.ndarray) -> np.ndarray:
    """Each source's similarity to the centroid of the core, itself left out."""
    first = topic @ _unit(topic.mean(axis=0))
    core = first >= np.median(first)
    out = np.zeros(len(topic), dtype=np.float32)
    for row in range(len(topic)):
        members = core.copy()
        members[row] = False
        if not members.any():
            members = np.arange(len(topic)) != row
        out[row] = float(topic[row] @ _unit(topic[members].mean(axis=0)))
    return out


def _names(
    root: str, roots: dict[str, list[Article]], sentences: dict[str, list[Sentence]]
) -> set[str]:
    """Capitalised words, minus each sentence's first (capitalised anyway)."""
    names: set[str] = set()
    for article in roots[root]:
        for sentence in sentences[article.id]:
            words = _WORD.findall(sentence.text)
            names.update(_name_key(w) for w in words[1:] if w[0].isupper())
    return names


def _name_key(word: str) -> str:
    word = word.lower().replace("\u2019", "'")
    return word.removesuffix("'s")


def _name_share(own: set[str], others: list[set[str]]) -> float:
    if not own:
        return 0.0
    seen = set().union(*others) if others else set()
    return len(own & seen) / len(own)
