"""Flag articles that report another event than the rest of the story.

Reads ``ctx.articles`` (their ``copy_of``: copies must be found first),
``ctx.sentences`` and ``ctx.embedder``; returns the ids of the outliers, each
with the reason it is left out (``off_topic_reasons``; ``find_off_topic`` the
ids alone). The pipeline writes that into ``Article.off_topic`` and the notes.

A distractor can share the story's place, week and some names, so names are
no evidence. Two signals judge whether an article reports the *same event*,
both against the *other* independent sources:

1. Topic: the mean sentence embedding of the article against the centroid of
   the story's core. The core is found in two rounds: every source first, then
   only the half most similar to that first centroid, so a few off-topic
   articles cannot drag the centre towards themselves.
2. Support: the share of the article's sentences that some other source
   states too (a sentence of another source within ``_SAME_SENTENCE``
   cosine): the event's figures, actors and actions, sentence by sentence.
   Reports of one event retell each other's facts; a report of another event
   in the same place retells none.

3. Event: what a report leads with. Reports of one event open on it, so a
   source's lede (its first ``_LEDE_SENTENCES`` sentences) is told, nearly
   word for word, in the other sources' ledes (``lede``), and the source tells
   what the other sources lead with somewhere in its text (``covers``).
   A report of another event in the same place and week shares names and
   topic but neither lede.

4. Day: reports of one event agree on its day. A source that names none of
   the days most other sources name (``_STORY_DAY_SHARE`` of them) while its
   lede names a day ``_OTHER_DAY_GAP`` or more days away from all of them
   reports another event of the same kind (last week's draw beside this
   week's, an earlier speech beside the one the story is about), however
   alike the two read sentence by sentence, when its figures are its own too:
   fewer than half of its specific figures (a decimal point, or three digits
   or more) are any other source's. The story's figures under another day
   are one source getting the day wrong: a date dispute, not another event.

Each source's score is topic plus support (``_SUPPORT_WEIGHT``; a short
article's support drawn towards the story's typical one), as a share of the median
score of the other sources (so embedders with different scales, and stories
of loosely or tightly written reports, work alike). An article is off-topic
when its score is below ``_RELATIVE`` of that median, unless half of its
sentences are supported (``_KEEP_SUPPORTED``) or many are
(``_KEEP_SUPPORTED_SENTENCES``: a weekly roundup with one section on the event
still reports it). The rule is conservative on
purpose: a lost on-topic source costs more than a stray sentence. An article
is off-topic too when the event test fails: its lede and its cover of the
others' ledes both fall below ``_EVENT_RELATIVE`` of the typical source's, few
of its sentences (``_EVENT_MAX_SUPPORT``) are supported and its score is low
too (``_EVENT_SCORE``; the same keeps apply), or when the day test fails
(no keep applies: a report of another day retells the story's kind of
sentences by nature). Nothing is
flagged with fewer than three independent sources (no majority to compare
against), and never more than a minority of them, the lowest scores first.
"""
from __future__ import annotations

import re

import numpy as np

from ..context import StoryContext
from ..errors import NewsfoldError
from ..model import Article, Sentence, root_of
from ..nlp.days import Day, day_label, days_apart, days_named, without_days

_MIN_SOURCES = 3
_RELATIVE = 0.55  # an outlier scores less than this share of the typical source
_SUPPORT_WEIGHT = 0.75  # support against topic in the score
_PRIOR_SENTENCES = 4  # a short article's support leans this many sentences towards the story's typical one
_SAME_SENTENCE = 0.6  # cosine at which another source states the same thing
_KEEP_SUPPORTED = 0.5  # an article with this share of its sentences supported is kept
_KEEP_SUPPORTED_SENTENCES = 9  # ... or this many: a roundup that reports the event among others
_LEDE_SENTENCES = 2  # the lede: what a report opens on
_EVENT_RELATIVE = 0.7  # a lede and a cover of the others' ledes below this share of the typical source's ...
_EVENT_MAX_SUPPORT = 0.3  # ... with fewer of its sentences supported than this ...
_EVENT_SCORE = 0.8  # ... and a score below this share of the typical source's: another event
_STORY_DAY_SHARE = 2 / 3  # a day named by this share of the other sources (two at least) is the story's
_OTHER_DAY_GAP = 2  # a lede dated this many days from every day of the story tells another event


def find_off_topic(ctx: StoryContext) -> set[str]:
    """Ids of the articles about another event (the whole group of a copied story)."""
    return set(off_topic_reasons(ctx))


def off_topic_reasons(ctx: StoryContext) -> dict[str, str]:
    """Off-topic article id -> why it is left out, in words for the brief's notes."""
    sentences = ctx.sentences
    roots = _roots(ctx.articles, sentences)
    if len(roots) < _MIN_SOURCES:
        return {}
    if ctx.embedder is None:
        raise NewsfoldError("find_off_topic needs the story's embedder (ctx.embedder)")
    ids = list(roots)
    owner = np.asarray([row for row, root in enumerate(ids) for a in roots[root] for _ in sentences[a.id]])
    texts = [s.text for root in ids for a in roots[root] for s in sentences[a.id]]
    vectors = np.asarray(ctx.embedder.embed(texts), dtype=np.float32)
    topic = np.stack([_unit(vectors[owner == row].mean(axis=0)) for row in range(len(ids))])
    similarity = _core_similarity(topic)
    support = _support(vectors, owner, len(ids))
    counts = np.bincount(owner, minlength=len(ids))
    lede, covers = _event_overlap(vectors, owner, len(ids))
    suspects: list[tuple[float, str]] = []
    for row, root in enumerate(ids):
        # Two sentences prove little either way: a short article's support is
        # drawn towards what the other sources typically reach.
        prior = float(np.median(np.delete(support, row)))
        steady = (support * counts + _PRIOR_SENTENCES * prior) / (counts + _PRIOR_SENTENCES)
        score = similarity + _SUPPORT_WEIGHT * steady
        typical = float(np.median(np.delete(score, row)))
        supported = support[row] * counts[row]
        kept = support[row] >= _KEEP_SUPPORTED or supported >= _KEEP_SUPPORTED_SENTENCES
        # (only where the other sources retell each other: the event is there to be told)
        other_event = support[row] < _EVENT_MAX_SUPPORT <= prior and score[row] < _EVENT_SCORE * typical and all(
            values[row] < _EVENT_RELATIVE * float(np.median(np.delete(values, row))) for values in (lede, covers))
        if not kept and (score[row] < _RELATIVE * typical or other_event):
            suspects.append((float(score[row] / max(typical, 1e-9)), root))
    dated = _dated_elsewhere(roots, sentences)
    ranked = [(0.0 if root in dated else 1.0, ratio, root) for ratio, root in suspects]
    ranked += [(0.0, 0.0, root) for root in dated if root not in {root for _, root in suspects}]
    # Only a minority can be off topic; another day first, then the lowest scores.
    flagged = [root for *_, root in sorted(ranked)[: (len(ids) - 1) // 2]]
    reasons: dict[str, str] = {}
    for root in flagged:
        if root in dated:
            reasons.update((article.id, dated[root]) for article in roots[root])
            continue
        row = ids.index(root)
        count = int(counts[row])
        supported = round(float(support[row]) * count)
        typical_similarity = float(np.median(np.delete(similarity, row)))
        typical_lede = float(np.median(np.delete(lede, row)))
        reason = (f"reports another event: {supported} of its {count} sentences are told by another source, "
                  f"its topic matches the story's {similarity[row]:.2f} against {typical_similarity:.2f} "
                  f"for the other sources, and its lede matches theirs {lede[row]:.2f} against {typical_lede:.2f}")
        reasons.update((article.id, reason) for article in roots[root])
    return reasons


def _dated_elsewhere(roots: dict[str, list[Article]], sentences: dict[str, list[Sentence]]) -> dict[str, str]:
    """Sources whose lede names another day than every day the story agrees
    on, naming none of those days anywhere: source -> the reason, in words."""
    named: dict[str, set[Day]] = {}
    ledes: dict[str, set[Day]] = {}
    figures: dict[str, set[str]] = {}
    for root, articles in roots.items():
        named[root], ledes[root], figures[root] = set(), set(), set()
        for article in articles:
            for index, sentence in enumerate(sentences[article.id]):
                days = days_named(sentence.text)
                named[root] |= days
                figures[root] |= _specific_figures(without_days(sentence.text))
                if index < _LEDE_SENTENCES:
                    ledes[root] |= days
    found: dict[str, str] = {}
    for root in roots:
        others = [named[other] for other in roots if other != root]
        needed = max(2.0, _STORY_DAY_SHARE * len(others))
        story_days = {day for day in set().union(*others) if sum(day in o for o in others) >= needed}
        if not story_days or named[root] & story_days or not ledes[root]:
            continue
        # another event has figures of its own; the story's figures under another day are a date dispute
        told = set().union(*(figures[other] for other in roots if other != root))
        if not figures[root] or 2 * len(figures[root] & told) >= len(figures[root]):
            continue
        if all(days_apart(day, own) >= _OTHER_DAY_GAP for day in story_days for own in ledes[root]):
            found[root] = (f"reports another event: its lede is dated {', '.join(map(day_label, sorted(ledes[root])))} "
                           f"and it names none of the days the other sources agree on "
                           f"({', '.join(map(day_label, sorted(story_days)))})")
    return found


_FIGURE = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*")


def _specific_figures(text: str) -> set[str]:
    """Figures specific enough to tell an event by: with a decimal point or of
    three digits or more, not a year ("3.04", "91,930"; not "3", not "2025")."""
    found = set()
    for match in _FIGURE.finditer(text):
        value = match.group().rstrip(".,").replace(",", "")
        if ("." in value or len(value) >= 3) and not re.fullmatch(r"(?:19|20)\d\d", value):
            found.add(value)
    return found


def _support(vectors: np.ndarray, owner: np.ndarray, sources: int) -> np.ndarray:
    """Each source's share of sentences that another independent source states too."""
    closest = vectors @ vectors.T
    closest[owner[:, None] == owner[None, :]] = -1.0  # a source never supports itself
    supported = closest.max(axis=1) >= _SAME_SENTENCE
    return np.asarray([supported[owner == row].mean() for row in range(sources)], dtype=np.float32)


def _event_overlap(vectors: np.ndarray, owner: np.ndarray, sources: int) -> tuple[np.ndarray, np.ndarray]:
    """Per source: how closely another source's lede tells its lede (best pair),
    and how closely it tells the other sources' ledes (each lede sentence's best
    match in it, averaged per source, median over the sources)."""
    ledes = [np.flatnonzero(owner == row)[:_LEDE_SENTENCES] for row in range(sources)]
    lede = np.zeros(sources, dtype=np.float32)
    covers = np.zeros(sources, dtype=np.float32)
    for row in range(sources):
        others = np.concatenate([ledes[k] for k in range(sources) if k != row])
        lede[row] = float((vectors[ledes[row]] @ vectors[others].T).max())
        mine = vectors[owner == row]
        covers[row] = float(np.median([(vectors[ledes[k]] @ mine.T).max(axis=1).mean()
                                       for k in range(sources) if k != row]))
    return lede, covers


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
