"""Aligned claims: the same sentence in two independent sources with another day.

Merging (``merging``) compares the clauses a date belongs to, so it misses a
moved date whenever two reports word the event differently or attach the date
to another clause. This comparison works on claims instead: two sentences of
independent sources that say the same thing once their date words are masked,
each dating it to a different day, disagree on that day.

Method, in order:

1. claims: each sentence that dates events to days written with their
   month (a weekday or "yesterday" alone is resolved against the date a
   source is given, often a day off; a sentence with "a day after X",
   counted from another date, is left out); a year or month beside the days
   is context ("by 2030"), a range gives both its days; each day keeps the
   content words next to it (``_NEAR_WORDS`` each side: what it dates);
2. pairs: sentences of independent sources whose wording, with date words
   and quoted text masked, is alike: most content words shared
   (``_MIN_SHARED``) and, when the context has an embedder, close in meaning
   (``_MIN_COSINE``); or, aligned by the event they date, some content words
   shared, less close in meaning, and most words next to the dates shared
   (``_MIN_SHARED_NEAR``, ``_MIN_COSINE_NEAR``, ``_MIN_NEAR``: "began his
   jail term on Mar 5"); or, sharing a day, most content words shared and
   less close in meaning (the first day of a range anchors its last: "from
   May 4 to Jun 29"); each sentence is paired only with its most alike
   sentence in the other source, both ways; never two sentences that place
   their event in a series differently ("the next draw" against "the draw",
   "the upcoming hearing" against "the hearing": two events of the series);
3. kept: days both sentences give agree; a day one gives and the other
   lacks is paired with its counterpart: when each has one such day, those
   two; else the day with the most words next to it shared, some at least
   (``_disputed``: "left for the capital on Mar 14" against "flew there on
   Mar 11 and was to return on Mar 18"). Counterparts are at most
   ``_MOST_DAYS`` apart (further apart they are more often two events: a
   launch and a deadline), and neither source gives the other's day in
   another sentence alike the other's (a source giving both days for the
   same kind of claim is telling two events);
4. outliers against consensus (``_outliers``): a day that only one
   independent source gives, in a sentence no conflict holds yet, against a
   day of the same month at most ``_MOST_DAYS`` apart that two or more other
   independent sources give in sentences loosely alike (``_LOOSE``: some
   content words shared, a lower cosine, some words next to the two days
   shared; only with an embedder). Consensus is the evidence of one event
   here: a single other source giving another day in such a loosely alike
   sentence more often tells another event (a charge and a hearing). The
   lone day's source giving the consensus day in another sentence does not
   explain it away: beside a consensus, that source is at odds with itself.
   Failing that, a day two or more other sources give anywhere in the
   story, when the lone day's source dates nothing to it: one of those
   sentences must share words next to the day and either some content
   words or a lower cosine, or be close as a whole (``_CLOSE``);
5. grouped: pairs sharing a sentence form one conflict; a day's support is
   each sentence giving it.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

import numpy as np

from ...context import StoryContext
from ...model import Conflict, ConflictValue, Evidence
from ...nlp.lexicon import MONTHS, WEEKDAY_NUMBERS
from ...nlp.align import cosines_of_alike, mutual_best
from ...nlp.text import overlap
from .mentions import quoted_spans
from .merging import Event, content_words, sequence_words

_MIN_SHARED = 0.5  # shared content words over the smaller sentence's
_MIN_COSINE = 0.75  # masked sentences, normalised embeddings
# ... or less close in meaning but sharing most content words: a reworded
# sentence with its date moved keeps its words while the embedding drifts.
_MIN_COSINE_WORDS = (0.55, 0.6)
# ... or with the words next to the dates shared (the event they date), less alike as a whole
_MIN_SHARED_NEAR, _MIN_COSINE_NEAR, _MIN_NEAR = 0.3, 0.55, 0.5
_NEAR_WORDS = 5
# a day only one source gives, against one two or more others give: (shared
# content words, cosine, shared words next to the days), all at least
_LOOSE = (0.3, 0.4, 0.3)
# ... and for a day the story agrees on, a sentence this alike (shared content words, cosine) whatever its day's words
_CLOSE = (0.4, 0.6)
_MOST_DAYS = 10
_ISO_DAY = 10  # len("YYYY-MM-DD")
_TIME = re.compile(r"\b\d+(?:[.:]\d\d)?\s?[ap]\.?m\b\.?", re.IGNORECASE)  # "8pm", "9:35 a.m."
_DATE_WORDS = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, [*MONTHS, *WEEKDAY_NUMBERS]), key=len, reverse=True))
    + r")\b\.?|\d+(?:st|nd|rd|th)?", re.IGNORECASE)


@dataclass(frozen=True)
class _Claim:
    """One sentence of one source and the days its events are dated to."""

    source: str
    root: str
    span: tuple[int, int]
    text: str  # without what it quotes
    words: frozenset[str]
    days: frozenset[str]
    event: str  # what its first dated event says, for the conflict's topic
    near: frozenset[str] = frozenset()  # words next to its dates
    dated: tuple[tuple[str, frozenset[str]], ...] = ()  # each day and the words next to it


def aligned_date_conflicts(ctx: StoryContext, events: list[Event], known: list[Conflict]) -> list[Conflict]:
    """Date conflicts between aligned sentences of independent sources (see the
    module docstring), leaving out sentences a ``known`` conflict already holds."""
    claims = _claims(ctx, events)
    if len({claim.root for claim in claims}) < 2:
        return []
    similar, shared, cosine = _similarity(ctx, claims)
    held = {(e.source, e.start) for conflict in known for value in conflict.values for e in value.support}
    free = [not _holds(held, claim) for claim in claims]
    pairs = []
    for i, j in mutual_best([c.source for c in claims], [c.root for c in claims], similar):
        if not (free[i] and free[j]):
            continue
        for day_a, day_b in _disputed(claims[i], claims[j]):
            if not (_gives_elsewhere(claims, similar, i, j, day_b) or _gives_elsewhere(claims, similar, j, i, day_a)):
                pairs.append(((claims[i], day_a), (claims[j], day_b)))
    paired = {claim for pair in pairs for claim, _ in pair}
    roots = ctx.roots()
    given = {(roots.get(e.support.source, e.support.source), e.date) for e in events}
    pairs += _outliers(claims, shared, cosine, [free[i] and claim not in paired for i, claim in enumerate(claims)],
                       given)
    return [_conflict(group) for group in _groups(pairs)]


def _claims(ctx: StoryContext, events: list[Event]) -> list[_Claim]:
    """Sentences that date events to days written with their month ("on Mar
    12", "Tuesday (Mar 12)", "from 3 February to 31 March"): a weekday or
    "yesterday" alone depends on the date a source is given, and "a day after
    X" is counted from another date. A year or a month beside the days ("by
    2030") is context, not a day the sentence gives."""
    roots = ctx.roots()
    by_sentence: dict[tuple[str, tuple[int, int]], list[Event]] = defaultdict(list)
    for event in events:
        sentence = next((s for s in ctx.sentences.get(event.support.source, [])
                         if s.start <= event.support.start < s.end), None)
        if sentence is not None:
            by_sentence[(event.support.source, (sentence.start, sentence.end))].append(event)
    claims = []
    for (source, span), dated in by_sentence.items():
        days = [e for e in dated if len(e.date) == _ISO_DAY and any(c.isdigit() for c in e.support.as_written or "")]
        if not days or any(e.relative for e in dated):
            continue
        raw = ctx.article(source).text[span[0]:span[1]]
        text = _unquoted(raw)
        words = frozenset(content_words(_DATE_WORDS.sub(" ", text)))
        near: dict[str, frozenset[str]] = {}
        for e in days:
            near[e.date] = near.get(e.date, frozenset()) | _near(raw, e.support.as_written or "")
        claims.append(_Claim(source, roots.get(source, source), span, text, words, frozenset(near),
                             days[0].text, frozenset().union(*near.values()), tuple(near.items())))
    return claims


def _near(sentence: str, as_written: str) -> frozenset[str]:
    """Content words next to a date in its sentence (``_NEAR_WORDS`` each side):
    the verb or noun it dates ("began his jail term on Mar 5"). A time of day
    is no such word: its "pm" would make any two dates beside a time alike."""
    at = sentence.find(as_written)
    if not as_written or at < 0:
        return frozenset()
    before = _DATE_WORDS.sub(" ", _TIME.sub(" ", sentence[:at])).split()[-_NEAR_WORDS:]
    after = _DATE_WORDS.sub(" ", _TIME.sub(" ", sentence[at + len(as_written):])).split()[:_NEAR_WORDS]
    return frozenset(content_words(" ".join(before + after)))


def _unquoted(text: str) -> str:
    """The sentence without what it quotes: a quote or a title it cites is
    not what the sentence dates ("said on Jan 22", "the article '...' (Jan 21)")."""
    for start, end in reversed(quoted_spans(text)):
        text = text[:start] + " " + text[end:]
    return text


def _similarity(ctx: StoryContext, claims: list[_Claim]) -> tuple[list[list[float]], list[list[float]], np.ndarray]:
    """Pairwise likeness of the claims' sentences with date words masked: the
    mean of shared content words and cosine, 0 when unlike; and the shared
    words and cosines it is made of (cosines 0 without an embedder)."""
    size = len(claims)
    shared = [[overlap(claims[i].words, claims[j].words) for j in range(size)] for i in range(size)]
    if ctx.embedder is None:
        alike = [[0.0 if _sequence(claims[i]) != _sequence(claims[j]) else shared[i][j] for j in range(size)]
                 for i in range(size)]
        return alike, shared, np.zeros((size, size), dtype=np.float32)
    # every claim with a partner: an outlier's sentence may share few words and still mean the same
    cosine = cosines_of_alike(ctx.embedder, [_DATE_WORDS.sub("#", claim.text) for claim in claims],
                              [claim.root for claim in claims], shared, 0.0)
    least_cosine, most_shared = _MIN_COSINE_WORDS

    def likeness(i: int, j: int) -> float:
        if _sequence(claims[i]) != _sequence(claims[j]):
            return 0.0  # "the next draw on Jan 27" is not "the draw on Jan 24"
        near = overlap(claims[i].near, claims[j].near)
        alike = shared[i][j] >= _MIN_SHARED and (
            cosine[i][j] >= _MIN_COSINE or cosine[i][j] >= least_cosine and shared[i][j] >= most_shared)
        dated_alike = shared[i][j] >= _MIN_SHARED_NEAR and cosine[i][j] >= _MIN_COSINE_NEAR and near >= _MIN_NEAR
        # a day both give anchors the rest: "from May 4 to Jun 29" against "from 4 May to 26 June"
        anchored = bool(claims[i].days & claims[j].days) and shared[i][j] >= _MIN_SHARED \
            and cosine[i][j] >= least_cosine
        return (shared[i][j] + float(cosine[i][j]) + near) / 3 if alike or dated_alike or anchored else 0.0

    return [[likeness(i, j) for j in range(size)] for i in range(size)], shared, cosine


def _sequence(claim: _Claim) -> frozenset[str]:
    """The words that place the sentence's event in a series (see ``merging.sequence_words``)."""
    return sequence_words(claim.text)


def _disputed(a: _Claim, b: _Claim) -> list[tuple[str, str]]:
    """(a's day, b's day) for each day the two sentences date apart. Days
    both give agree; when each has one day the other lacks, those two are
    counterparts; else a day's counterpart is the one with the most words
    next to it shared, some at least ("left for the capital on Mar 14"
    against "flew to the capital on Mar 11 and was to return on Mar 18")."""
    only_a = [(day, near) for day, near in a.dated if day not in b.days]
    only_b = [(day, near) for day, near in b.dated if day not in a.days]
    one_each = len(only_a) == 1 and len(only_b) == 1
    scored = sorted(((1.0 if one_each else overlap(near_a, near_b), day_a, day_b)
                     for day_a, near_a in only_a for day_b, near_b in only_b
                     if _days_apart(day_a, day_b) <= _MOST_DAYS), reverse=True)
    out: list[tuple[str, str]] = []
    for score, day_a, day_b in scored:
        if score > 0 and all(day_a != x and day_b != y for x, y in out):
            out.append((day_a, day_b))
    return out


def _days_apart(a: str, b: str) -> int:
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)


def _outliers(claims: list[_Claim], shared: list[list[float]], cosine: np.ndarray, free: list[bool],
              given: set[tuple[str, str]]) -> list[tuple[tuple[_Claim, str], tuple[_Claim, str]]]:
    """Pairs of a day that only one independent source gives against the day,
    of the same month and at most ``_MOST_DAYS`` apart, that two or more
    other independent sources give: in sentences loosely alike (``_LOOSE``:
    some content words shared, some words next to the two days shared, a
    lower cosine), or anywhere in the story with one of them sharing words
    next to the day and either of the other two, or close as a whole
    (``_CLOSE``), when the lone day's source dates nothing to that day
    (``given``: (root, day) of every event, weekdays resolved) and the two
    days are not whole weeks apart (a weekly draw's two dates). Consensus
    is what tells one event apart from two here: a day the story agrees on,
    which the lone source never gives, is the day it moved."""
    roots_of_day: dict[str, set[str]] = defaultdict(set)
    for claim in claims:
        for day in claim.days:
            roots_of_day[day].add(claim.root)
    pairs = []
    for i, claim in enumerate(claims):
        if not free[i]:
            continue
        for day, near in claim.dated:
            if roots_of_day[day] != {claim.root}:
                continue
            alike: dict[str, list[_Claim]] = defaultdict(list)
            partly: dict[str, list[_Claim]] = defaultdict(list)
            for j, other in enumerate(claims):
                if other.root == claim.root or not free[j] or _sequence(other) != _sequence(claim):
                    continue
                for other_day, other_near in other.dated:
                    if other_day[:7] != day[:7] or other_day in claim.days or _days_apart(day, other_day) > _MOST_DAYS:
                        continue
                    if overlap(near, other_near) >= _LOOSE[2]:  # the words next to the days: one event
                        if shared[i][j] >= _LOOSE[0] and cosine[i][j] >= _LOOSE[1]:
                            alike[other_day].append(other)
                        if shared[i][j] >= _LOOSE[0] or cosine[i][j] >= _LOOSE[1]:
                            partly[other_day].append(other)
                    elif shared[i][j] >= _CLOSE[0] and cosine[i][j] >= _CLOSE[1]:
                        partly[other_day].append(other)  # or the same sentence, reworded around its day
            agreed = [d for d, others in alike.items() if len({o.root for o in others}) >= 2]
            if not agreed:
                # whole weeks apart: more often a weekly event's two occurrences (a draw, a sitting)
                agreed = [d for d in partly if len(roots_of_day[d] - {claim.root}) >= 2
                          and (claim.root, d) not in given and _days_apart(day, d) % 7]
                alike = partly
            if len(agreed) == 1:
                pairs += [((claim, day), (other, agreed[0])) for other in alike[agreed[0]]]
    return pairs


def _gives_elsewhere(claims: list[_Claim], similar: list[list[float]], i: int, j: int, day: str) -> bool:
    """True when claim ``i``'s source gives ``day`` in another sentence alike
    claim ``j``: that source tells both days, of two events (a hearing set
    for one day and moved to another), not a disagreement."""
    return any(k != i and claim.source == claims[i].source and day in claim.days and similar[k][j] > 0
               for k, claim in enumerate(claims))


def _holds(held: set[tuple[str, int]], claim: _Claim) -> bool:
    return any(source == claim.source and claim.span[0] <= start < claim.span[1] for source, start in held)


def _groups(pairs: list[tuple[tuple[_Claim, str], tuple[_Claim, str]]]) -> list[list[tuple[_Claim, str]]]:
    """Pairs sharing a sentence, joined: one group per disagreement."""
    groups: list[list[tuple[_Claim, str]]] = []
    for a, b in pairs:
        joined = [g for g in groups if a in g or b in g]
        merged = [item for g in joined for item in g]
        merged += [item for item in (a, b) if item not in merged]
        groups = [g for g in groups if g not in joined] + [merged]
    return groups


def _conflict(group: list[tuple[_Claim, str]]) -> Conflict:
    by_day: dict[str, list[_Claim]] = defaultdict(list)
    for claim, day in group:
        by_day[day].append(claim)
    ordered = sorted(by_day.items(), key=lambda item: (-len({c.root for c in item[1]}), item[0]))
    values = [ConflictValue(day, [Evidence(c.source, *c.span) for c in sorted(claims, key=lambda c: c.source)])
              for day, claims in ordered]
    return Conflict(id="", kind="date", topic=ordered[0][1][0].event, values=values)
