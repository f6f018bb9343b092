"""Aligned claims: the same sentence in two independent sources with another day.

Merging (``merging``) compares the clauses a date belongs to, so it misses a
moved date whenever two reports word the event differently or attach the date
to another clause. This comparison works on claims instead: two sentences of
independent sources that say the same thing once their date words are masked,
each dating it to a different day, disagree on that day.

Method, in order:

1. claims (``claims``): each sentence that dates events to days written
   with their month (a weekday or "yesterday" alone is resolved against the
   date a source is given, often a day off; a day counted from another, "a
   day after X", agrees with that day and is never disputed); a year or
   month beside the days is context ("by 2030"), a range gives both its
   days; a day inside quotation marks counts too, with what it quotes as
   the sentence's words ("'He flew there on Jan 8,' his cousin said"); each
   day keeps the content words next to it (what it dates);
2. pairs: sentences of independent sources whose wording, with date words
   and quoted text masked, is alike: most content words shared
   (``_MIN_SHARED``) and, when the context has an embedder, close in meaning
   (``_MIN_COSINE``), fewer words shared made up for by closer meaning
   (``_LEAST_SHARED_TRADED``: as much of the two in all); or, aligned by the event they date, some content words
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
   launch and a deadline), or the same day of the next or previous month (a
   month misread: ``claims.month_slip``), and neither source gives the other's day in
   another sentence alike the other's (a source giving both days for the
   same kind of claim is telling two events);
4. a day its own weekday contradicts (``weekdays``: "Tuesday (Jan 24)" in a
   year where Jan 24 is a Friday), that no other source gives, against the
   weekday's day in the likest sentence of each other source giving it;
5. a lone day against the story (``consensus``): a day that only one
   independent source gives, in a sentence no pair holds, against the day
   two or more other independent sources give for the same event; the
   sentences weighed against it include those giving the day by a weekday
   or "yesterday" alone (``claims_of(by_weekday=True)``: "said in a Facebook
   post on Wednesday"), which are never the lone side themselves;
6. a lone day in a fact group (``grouped``): against the day two or more
   other independent sources give in the sentences the facts stage groups
   with it (``ctx.facts``);
7. a day a copy and its original give differently in one sentence
   (``copied``), where a source of another root gives one of the two days;
8. grouped: pairs sharing a sentence form one conflict; a day's support is
   each sentence giving it.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from ...context import StoryContext
from ...model import Conflict, ConflictValue, Evidence
from ...nlp.align import cosines_of_alike, mutual_best
from ...nlp.text import overlap
from .claims import DATE_WORDS, Claim, claims_of, days_apart, holds, month_slip
from .consensus import Given, lone_day_pairs
from .copied import copied_day_pairs
from .grouped import grouped_pairs
from .merging import Event, one_occurrence
from .weekdays import weekday_pairs

_MIN_SHARED = 0.5  # shared content words over the smaller sentence's
_MIN_COSINE = 0.75  # masked sentences, normalised embeddings
# ... or less close in meaning but sharing most content words: a reworded
# sentence with its date moved keeps its words while the embedding drifts.
_MIN_COSINE_WORDS = (0.55, 0.6)
# ... or, between the two, as much likeness in all as the first tier's least (shared words plus
# cosine), with some more of one making up for less of the other, down to this share of words
_LEAST_SHARED_TRADED = 0.4
# ... or with the words next to the dates shared (the event they date), less alike as a whole
_MIN_SHARED_NEAR, _MIN_COSINE_NEAR, _MIN_NEAR = 0.3, 0.55, 0.5
_MOST_DAYS = 10

def aligned_date_conflicts(ctx: StoryContext, events: list[Event], known: list[Conflict]) -> list[Conflict]:
    """Date conflicts between aligned sentences of independent sources (see the
    module docstring), leaving out sentences a ``known`` conflict already holds."""
    claims = claims_of(ctx, events)
    if len({claim.root for claim in claims}) < 2:
        return []
    similar, shared, cosine = _similarity(ctx, claims)
    held = {(e.source, e.start) for conflict in known for value in conflict.values for e in value.support}
    free = [not holds(held, claim) for claim in claims]
    pairs = []
    for i, j in mutual_best([c.source for c in claims], [c.root for c in claims], similar):
        if not (free[i] and free[j]):
            continue
        for day_a, day_b in _disputed(claims[i], claims[j]):
            if not (_gives_elsewhere(claims, similar, i, j, day_b) or _gives_elsewhere(claims, similar, j, i, day_a)):
                pairs.append(((claims[i], day_a), (claims[j], day_b)))
    paired = {claim for pair in pairs for claim, _ in pair}
    pairs += weekday_pairs(claims, shared, cosine, [free[i] and claim not in paired for i, claim in enumerate(claims)])
    paired = {claim for pair in pairs for claim, _ in pair}
    roots = ctx.roots()
    given = Given(defaultdict(set), {(e.support.source, e.date) for e in events}, _unweighed(claims, events))
    for event in events:
        given.roots[event.date].add(roots.get(event.support.source, event.support.source))
    pairs += _lone_days(ctx, claims, shared, events, [free[i] and claim not in paired for i, claim in enumerate(claims)],
                        given)
    paired = {claim for pair in pairs for claim, _ in pair}
    pairs += grouped_pairs(ctx, claims, cosine, [free[i] and claim not in paired for i, claim in enumerate(claims)])
    paired = {claim for pair in pairs for claim, _ in pair}
    pairs += copied_day_pairs(claims, cosine, [free[i] and claim not in paired for i, claim in enumerate(claims)])
    return [_conflict(group) for group in _groups(pairs)]


def _lone_days(ctx: StoryContext, claims: list[Claim], shared: list[list[float]], events: list[Event],
               free: list[bool], given: Given) -> list[tuple[tuple[Claim, str], tuple[Claim, str]]]:
    """Lone days against the story (``consensus``), weighed against the
    sentences of other sources that date the story's day by a weekday alone
    as well ("said in a Facebook post on Wednesday" beside "said in a
    Facebook post on Jan 25"); those sentences are never the lone side.
    ``shared``: the claims' shared words, counted already."""
    told = claims + claims_of(ctx, events, by_weekday=True)
    shared, cosine = _words_and_meaning(ctx, told, shared)
    return lone_day_pairs(told, shared, cosine, free + [False] * (len(told) - len(claims)), given)


def _unweighed(claims: list[Claim], events: list[Event]) -> set[tuple[str, str]]:
    """(source, day) of each event no claim gives (a weekday alone, "yesterday")."""
    held = {(c.source, c.span, day) for c in claims for day in c.days}
    return {(e.support.source, e.date) for e in events if not any(
        (e.support.source, span, e.date) in held for span in _spans(claims, e.support.source, e.support.start))}


def _spans(claims: list[Claim], source: str, start: int) -> list[tuple[int, int]]:
    return [c.span for c in claims if c.source == source and c.span[0] <= start < c.span[1]]


def _similarity(ctx: StoryContext, claims: list[Claim]) -> tuple[list[list[float]], list[list[float]], np.ndarray]:
    """Pairwise likeness of the claims' sentences with date words masked: the
    mean of shared content words and cosine, 0 when unlike; and the shared
    words and cosines it is made of (cosines 0 without an embedder)."""
    size = len(claims)
    shared, cosine = _words_and_meaning(ctx, claims)
    if ctx.embedder is None:
        alike = [[shared[i][j] if one_occurrence(claims[i].text, claims[j].text) else 0.0 for j in range(size)]
                 for i in range(size)]
        return alike, shared, cosine
    least_cosine, most_shared = _MIN_COSINE_WORDS

    def likeness(i: int, j: int) -> float:
        if not one_occurrence(claims[i].text, claims[j].text):
            return 0.0  # "the next draw on Jan 27" is not "the draw on Jan 24"
        near = overlap(claims[i].near, claims[j].near)
        alike = shared[i][j] >= _MIN_SHARED and (
            cosine[i][j] >= _MIN_COSINE or cosine[i][j] >= least_cosine and shared[i][j] >= most_shared) \
            or shared[i][j] >= _LEAST_SHARED_TRADED and cosine[i][j] >= least_cosine \
            and shared[i][j] + cosine[i][j] >= _MIN_SHARED + _MIN_COSINE
        dated_alike = shared[i][j] >= _MIN_SHARED_NEAR and cosine[i][j] >= _MIN_COSINE_NEAR and near >= _MIN_NEAR
        # a day both give anchors the rest: "from May 4 to Jun 29" against "from 4 May to 26 June"
        anchored = bool(claims[i].days & claims[j].days) and shared[i][j] >= _MIN_SHARED \
            and cosine[i][j] >= least_cosine
        return (shared[i][j] + float(cosine[i][j]) + near) / 3 if alike or dated_alike or anchored else 0.0

    return [[likeness(i, j) for j in range(size)] for i in range(size)], shared, cosine


def _words_and_meaning(ctx: StoryContext, claims: list[Claim],
                       counted: Sequence[Sequence[float]] = ()) -> tuple[list[list[float]], np.ndarray]:
    """Shared content words and cosines (0 without an embedder) of each two
    claims' sentences, date words masked: every claim with a partner, since an
    outlier's sentence may share few words and still mean the same. The
    shared words of the first ``len(counted)`` claims are ``counted`` already."""
    size, known = len(claims), len(counted)
    shared = [[counted[i][j] if i < known and j < known else overlap(claims[i].words, claims[j].words)
               for j in range(size)] for i in range(size)]
    if ctx.embedder is None:
        return shared, np.zeros((size, size), dtype=np.float32)
    return shared, cosines_of_alike(ctx.embedder, [DATE_WORDS.sub("#", claim.text) for claim in claims],
                                    [claim.root for claim in claims], shared, 0.0)


def _disputed(a: Claim, b: Claim) -> list[tuple[str, str]]:
    """(a's day, b's day) for each day the two sentences date apart. Days
    both give agree; when each has one day the other lacks, those two are
    counterparts; else a day's counterpart is the one with the most words
    next to it shared, some at least ("left for the capital on Mar 14"
    against "flew to the capital on Mar 11 and was to return on Mar 18").
    The day of an announcement ("On Jan 22, the agency said he will be
    charged") is no counterpart of the day of an event ("he admitted the
    charges on Jan 23")."""
    only_a = [(day, near) for day, near in a.dated if day not in b.days]
    only_b = [(day, near) for day, near in b.dated if day not in a.days]
    one_each = len(only_a) == 1 and len(only_b) == 1
    scored = sorted(((1.0 if one_each else overlap(near_a, near_b), day_a, day_b)
                     for day_a, near_a in only_a for day_b, near_b in only_b
                     if (days_apart(day_a, day_b) <= _MOST_DAYS or month_slip(day_a, day_b))
                     and (day_a in a.said) == (day_b in b.said)), reverse=True)
    out: list[tuple[str, str]] = []
    for score, day_a, day_b in scored:
        if score > 0 and all(day_a != x and day_b != y for x, y in out):
            out.append((day_a, day_b))
    return out


def _gives_elsewhere(claims: list[Claim], similar: list[list[float]], i: int, j: int, day: str) -> bool:
    """True when claim ``i``'s source gives ``day`` in another sentence alike
    claim ``j``: that source tells both days, of two events (a hearing set
    for one day and moved to another), not a disagreement."""
    return any(k != i and claim.source == claims[i].source and day in claim.days and similar[k][j] > 0
               for k, claim in enumerate(claims))


def _groups(pairs: list[tuple[tuple[Claim, str], tuple[Claim, str]]]) -> list[list[tuple[Claim, str]]]:
    """Pairs sharing a sentence, joined: one group per disagreement."""
    groups: list[list[tuple[Claim, str]]] = []
    for a, b in pairs:
        joined = [g for g in groups if a in g or b in g]
        merged = [item for g in joined for item in g]
        merged += [item for item in (a, b) if item not in merged]
        groups = [g for g in groups if g not in joined] + [merged]
    return groups


def _conflict(group: list[tuple[Claim, str]]) -> Conflict:
    by_day: dict[str, list[Claim]] = defaultdict(list)
    for claim, day in group:
        by_day[day].append(claim)
    ordered = sorted(by_day.items(), key=lambda item: (-len({c.root for c in item[1]}), item[0]))
    values = [ConflictValue(day, [Evidence(c.source, *c.span) for c in sorted(claims, key=lambda c: c.source)])
              for day, claims in ordered]
    return Conflict(id="", kind="date", topic=ordered[0][1][0].event, values=values)
