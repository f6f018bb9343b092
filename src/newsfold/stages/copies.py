"""Find syndicated copies: one wire story published by several outlets.

Reads ``ctx.articles`` (their ``published``) and ``ctx.sentences`` (already
outside removed spans); returns, for every copy, the id of its group's root.
The pipeline writes that into ``Article.copy_of``.

Two steps, cheap first:

1. Candidates: pairs whose word 3-shingles overlap (Jaccard) above a low
   threshold. Outlets add headlines, captions and a few lines of their own, so
   copies can share well under half of their shingles; this step only has to
   keep such pairs, not to decide. Up to ``_EXACT_UP_TO`` articles the Jaccard
   is computed exactly for every pair (fast, and no datasketch import); beyond
   that a MinHash LSH index estimates it, so large stories are not all-pairs.
2. Verification: a candidate pair is a copy when most of the smaller
   article's text sits in sentences that have a near-identical sentence
   (rapidfuzz ratio) in the other. Independent reports that share a quote
   match one or two sentences, never most of them.

Copy pairs are joined into groups, the surest first, so chains (A
copies B, B copies C) collapse to one root: the earliest published, then the
longest, then the smallest id, which keeps the result deterministic. One
outlet's update of its own report on a later day (the charge, then the
sentence) is no copy, and no group may hold both.
"""
from __future__ import annotations

import re

from ..context import StoryContext
from ..model import Article

_WORD = re.compile(r"\w+", re.UNICODE)
_SHINGLE = 3
_PERMUTATIONS = 128
_LSH_THRESHOLD = 0.15  # candidate recall matters more than precision here
_EXACT_UP_TO = 40  # articles; all-pairs exact Jaccard is cheaper than MinHash below this
_SENTENCE_MATCH = 85.0  # rapidfuzz ratio for "the same sentence, lightly edited"
_COPY_SHARE = 0.5  # edited wire copies keep ~half their sentences verbatim; independents share few
_MIN_MATCHED = 2  # one shared quote never makes a copy
_SAME_TEXT = 0.8  # a share at which one outlet's two reports are one text, whatever their dates


def find_copies(ctx: StoryContext) -> dict[str, str]:
    """Copy id -> the id of the source it copies (the root of its group).

    Sources that copy nothing are not in the result.
    """
    articles = ctx.articles
    texts = {a.id: [s.text for s in ctx.sentences.get(a.id, [])] for a in articles}
    by_id = {a.id: a for a in articles}
    copies: list[tuple[float, str, str]] = []
    updates: list[tuple[str, str]] = []
    for first, second in _candidate_pairs(articles, texts):
        share = _share(texts[first], texts[second])
        if share >= _COPY_SHARE:
            if _is_update(by_id[first], by_id[second], share):
                updates.append((first, second))
            else:
                copies.append((-share, first, second))
    copy_of: dict[str, str] = {}
    for group in _groups(articles, sorted(copies), updates):
        if len(group) < 2:
            continue
        root = min(group, key=lambda a: _root_rank(a, texts[a.id]))
        copy_of.update((article.id, root.id) for article in group if article is not root)
    return copy_of


def _groups(articles: list[Article], copies: list[tuple[float, str, str]],
            updates: list[tuple[str, str]]) -> list[list[Article]]:
    """Copy pairs joined into groups, the surest first (``copies`` sorted),
    never joining two groups that would hold an update and what it updates."""
    group_of = {a.id: a.id for a in articles}
    members = {a.id: {a.id} for a in articles}
    for _, first, second in copies:
        one, other = group_of[first], group_of[second]
        if one == other or any(a in members[one] and b in members[other] or b in members[one] and a in members[other]
                               for a, b in updates):
            continue
        for node in members[one]:
            group_of[node] = other
        members[other] |= members.pop(one)
    grouped: dict[str, list[Article]] = {}
    for article in articles:
        grouped.setdefault(group_of[article.id], []).append(article)
    return list(grouped.values())


def _root_rank(article: Article, texts: list[str]) -> tuple[str, int, str]:
    # Missing dates sort last so a dated original wins over undated reposts.
    return (article.published or "9999", -sum(map(len, texts)), article.id)


def _shingles(texts: list[str]) -> set[bytes]:
    words = [w.lower() for text in texts for w in _WORD.findall(text)]
    if len(words) < _SHINGLE:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + _SHINGLE]).encode() for i in range(len(words) - _SHINGLE + 1)}


def _candidate_pairs(articles: list[Article], texts: dict[str, list[str]]) -> list[tuple[str, str]]:
    if len(articles) <= _EXACT_UP_TO:
        return _exact_pairs(articles, texts)
    return _lsh_pairs(articles, texts)


def _exact_pairs(articles: list[Article], texts: dict[str, list[str]]) -> list[tuple[str, str]]:
    shingles = [(a.id, _shingles(texts[a.id])) for a in articles]
    pairs = []
    for i, (first, first_set) in enumerate(shingles):
        for second, second_set in shingles[i + 1 :]:
            union = len(first_set | second_set)
            if union and len(first_set & second_set) / union >= _LSH_THRESHOLD:
                pairs.append((first, second))
    return pairs


def _lsh_pairs(articles: list[Article], texts: dict[str, list[str]]) -> list[tuple[str, str]]:
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=_LSH_THRESHOLD, num_perm=_PERMUTATIONS)
    hashes: dict[str, MinHash] = {}
    for article in articles:
        shingles = _shingles(texts[article.id])
        if not shingles:
            continue
        minhash = MinHash(num_perm=_PERMUTATIONS, seed=1)
        minhash.update_batch(list(shingles))
        hashes[article.id] = minhash
        lsh.insert(article.id, minhash)
    order = {a.id: i for i, a in enumerate(articles)}
    pairs: set[tuple[str, str]] = set()
    for source_id, minhash in hashes.items():
        for other in lsh.query(minhash):
            if other != source_id:
                first, second = sorted((source_id, other), key=order.__getitem__)
                pairs.add((first, second))
    return sorted(pairs, key=lambda pair: (order[pair[0]], order[pair[1]]))


def _share(first: list[str], second: list[str]) -> float:
    if not first or not second:
        return 0.0
    smaller, larger = sorted((first, second), key=lambda texts: sum(map(len, texts)))
    return copy_share(smaller, larger)


def _is_update(first: Article, second: Article, share: float) -> bool:
    """One outlet's report of a later day that keeps part of its earlier one
    (the charge, then the sentence): an update, no copy; nor may copies of
    the one and of the other join into one group."""
    return bool(first.outlet and first.outlet == second.outlet and share < _SAME_TEXT
                and first.published and second.published and first.published[:10] != second.published[:10])


def copy_share(smaller: list[str], larger: list[str]) -> float:
    """Share of ``smaller``'s characters in sentences nearly identical to one of ``larger``."""
    from rapidfuzz import fuzz, process, utils

    choices = [utils.default_process(text) for text in larger]
    matched_chars = matched = 0
    for text in smaller:
        hit = process.extractOne(
            utils.default_process(text), choices, scorer=fuzz.ratio, score_cutoff=_SENTENCE_MATCH
        )
        if hit is not None:
            matched += 1
            matched_chars += len(text)
    if matched < min(_MIN_MATCHED, len(smaller)):
        return 0.0
    return matched_chars / max(1, sum(map(len, smaller)))
