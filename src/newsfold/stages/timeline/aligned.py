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
   same kind of claim is telling two events); the moment a running count is
   told at ("as of Jan 22", ``merging.tally_day``) is the counterpart only
   of another such moment with the same counts, and the days two quotes were
   spoken on only when the quotes are alike, and the start of a span ("held
   since Jan 17") only of another start (``claims.one_moment``, in every
   tier below too);
4. a day its own weekday contradicts (``weekdays``: "Tuesday (Jan 24)" in a
   year where Jan 24 is a Friday), that no other source gives, against the
   weekday's day in the likest sentence of each other source giving it;
5. two weekday names for one event (``_weekdays_apart``): sentences of
   independent sources that give their day by a weekday alone, told alike
   as in 2., each naming another weekday, with some words next to the two
   days shared ("said on Tuesday it would cut 620 jobs" against "announced
   on Wednesday that more than 600 jobs will go"); every other source whose
   telling is alike either sentence and names one of the two weekdays backs it;
6. a lone day against the story (``consensus``): a day that only one
   independent source gives, in a sentence no pair holds, against the day
   two or more other independent sources give for the same event; the
   sentences weighed against it include those giving the day by a weekday
   or "yesterday" alone (``claims_of(by_weekday=True)``: "said in a Facebook
   post on Wednesday"); such a sentence is the lone side itself only where it
   names a weekday less than a week from the story's day ("rescued on Monday"
   against two sources' Tuesday): a weekday named alone is resolved against
   its source's date, which may put it a whole week off, never a day, while
   "yesterday" is only as right as that date; a day a copy and its original
   give apart in one sentence (a copy run a day later keeping "yesterday",
   ``claims.split_tellings``) counts for neither when days are counted by source;
7. a lone day in a fact group (``grouped``): against the day two or more
   other independent sources give in the sentences the facts stage groups
   with it (``ctx.facts``);
8. a day a copy and its original give differently in one sentence
   (``copied``), where a source of another root gives one of the two days;
9. grouped: pairs sharing a sentence form one conflict; a day's support is
   each sentence giving it.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator

import numpy as np

from ...context import StoryContext
from ...model import Conflict, ConflictValue, Evidence
from ...nlp.align import cosines_of_alike, mutual_best
from ...nlp.text import overlap
from .claims import DATE_WORDS, Claim, claims_of, days_apart, holds, month_slip, one_moment, split_tellings
from .consensus import Given, lone_day_pairs
from .copied import copied_day_pairs
from .grouped import grouped_pairs
from .merging import Event, one_occurrence
from .weekdays import WEEKDAY, weekday_pairs

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
_WEEK = 7  # a weekday alone resolved against a source's date may be a week off
# a sentence giving a disputed day backs it this alike at least: (shared words, and cosine; or this
# cosine with this share of the words next to the days: "The attack was discovered on Monday")
_BACK = (0.3, 0.5, 0.3, 0.5)


def aligned_date_conflicts(ctx: StoryContext, events: list[Event], known: list[Conflict]) -> list[Conflict]:
    """Date conflicts between aligned sentences of independent sources (see the
    module docstring), leaving out sentences a ``known`` conflict already holds."""
    claims = claims_of(ctx, events)
    # the sentences that give days by a weekday or "yesterday" alone, after the claims
    told = claims + claims_of(ctx, events, by_weekday=True)
    if len({claim.root for claim in told}) < 2:
        return []
    size = len(claims)
    told_shared, told_cosine = _words_and_meaning(ctx, told, masked=size)
    shared, cosine = _trimmed(told_shared, 0, size), told_cosine[:size, :size]
    similar = _similarity(ctx, claims, shared, cosine)
    held = {(e.source, e.start) for conflict in known for value in conflict.values for e in value.support}
    free = [not holds(held, claim) for claim in told]
    pairs = [((claims[i], day_a), (claims[j], day_b)) for i, j, day_a, day_b in _told_apart(claims, similar, free)]

    def unpaired() -> list[bool]:
        paired = {claim for pair in pairs for claim, _ in pair}
        return [free[i] and claim not in paired for i, claim in enumerate(told)]

    pairs += weekday_pairs(claims, shared, cosine, unpaired()[:size])
    pairs += _weekdays_apart(ctx, told[size:], _trimmed(told_shared, size, len(told)),
                             told_cosine[size:, size:], unpaired()[size:])
    roots = ctx.roots()
    given = Given(defaultdict(set), {(e.support.source, e.date) for e in events}, _unweighed(told, events),
                  split_tellings(told))
    for event in events:
        if not _split(told, given.split, event):
            given.roots[event.date].add(roots.get(event.support.source, event.support.source))
    # a weekday telling is weighed against a lone day ...
    pairs += lone_day_pairs(told, told_shared, told_cosine, unpaired()[:size] + [False] * (len(told) - size), given)
    # ... and is one when it names its weekday, less than a week from the story's day
    named = lone_day_pairs(told, told_shared, told_cosine, unpaired(), given,
                           lambda i, day: i >= size and bool(_weekday_named(told[i], day)))
    pairs += [pair for pair in named if days_apart(pair[0][1], pair[1][1]) < _WEEK]
    pairs += grouped_pairs(ctx, claims, cosine, unpaired()[:size])
    pairs += copied_day_pairs(claims, cosine, unpaired()[:size])
    groups = _groups(pairs)
    likeness = _likeness(ctx, told, told_shared, told_cosine)

    def backs(i: int, j: int) -> bool:
        """Alike, or loosely: some words shared and close in meaning, or the words next to the days shared."""
        loose = told_cosine[i][j] >= _BACK[1] or told_cosine[i][j] >= _BACK[2] \
            and overlap(told[i].near, told[j].near) >= _BACK[3]
        return likeness(i, j) > 0 or told_shared[i][j] >= _BACK[0] and bool(loose)

    _back(told, backs, unpaired(), groups)
    return [_conflict(group) for group in groups]


def _back(told: list[Claim], alike: Callable[[int, int], bool], free: list[bool],
          groups: list[list[tuple[Claim, str]]]) -> None:
    """Each free sentence of another independent source that gives one day of
    a disputed pair alone, ``alike`` a sentence giving that day (loosely:
    ``_BACK``; "after Saturday's wedding reception" beside "fell ill after a
    wedding banquet on Saturday, April 29"; "The attack was discovered on
    Monday" beside "staff discovered the breach on Monday"), backs it (the reader sees every
    source that gives a day, not only the likest pair; a day written with its
    month backs a weekday telling too), and so does the original of a copy
    the pair cites."""
    index = {id(claim): k for k, claim in enumerate(told)}
    for group in groups:
        days = {day for _, day in group}
        sources = {claim.source for claim, _ in group}
        for k, claim in enumerate(told):
            given = claim.days & days
            if not free[k] or len(given) != 1 or claim.source in sources:
                continue
            day = next(iter(given))
            sides = {d for c, d in group if c.root == claim.root}
            if sides:  # a copy of it is cited: the original joins it on that day
                joins = claim.source == claim.root and sides == {day}
            else:
                joins = any(d == day and id(c) in index and alike(k, index[id(c)]) for c, d in group)
            if joins:
                group.append((claim, day))
                sources.add(claim.source)


def _weekdays_apart(ctx: StoryContext, told: list[Claim], shared: list[list[float]], cosine: np.ndarray,
                    free: list[bool]) -> list[tuple[tuple[Claim, str], tuple[Claim, str]]]:
    """Two independent sources telling one event alike by a weekday alone,
    each naming another weekday ("said on Tuesday it would cut 620 jobs"
    against "announced on Wednesday that more than 600 jobs will go"). A
    weekday alone is resolved against the date a source is given, so its day
    may be a week off; but two weekday names that differ disagree whatever
    dates the sources carry (one name resolved to two days is no dispute).
    Some words next to the two days are shared (``_near_shared``). "Yesterday"
    and "today" name no weekday and are left out: they are only as right as a
    source's date."""
    similar = _similarity(ctx, told, shared, cosine)
    pairs = []
    for i, j, day_a, day_b in _told_apart(told, similar, free):
        named_a, named_b = _weekday_named(told[i], day_a), _weekday_named(told[j], day_b)
        if named_a and named_b and named_a != named_b and _near_shared(told[i], day_a, told[j], day_b):
            pairs.append(((told[i], day_a), (told[j], day_b)))
            pairs += _same_side(told, similar, free, (i, day_a), (j, day_b))
            pairs += [(b, a) for a, b in _same_side(told, similar, free, (j, day_b), (i, day_a))]
    return pairs


def _told_apart(claims: list[Claim], similar: list[list[float]], free: list[bool]) -> Iterator[tuple[int, int, str, str]]:
    """(i, j, i's day, j's day) for each day two free sentences of independent
    sources, each the other's likest, date apart (``_disputed``), where
    neither source gives the other's day in another sentence alike
    (``_gives_elsewhere``)."""
    for i, j in mutual_best([c.source for c in claims], [c.root for c in claims], similar):
        if not (free[i] and free[j]):
            continue
        for day_a, day_b in _disputed(claims[i], claims[j]):
            if not (_gives_elsewhere(claims, similar, i, j, day_b) or _gives_elsewhere(claims, similar, j, i, day_a)):
                yield i, j, day_a, day_b


def _same_side(told: list[Claim], similar: list[list[float]], free: list[bool], side: tuple[int, str],
               other: tuple[int, str]) -> list[tuple[tuple[Claim, str], tuple[Claim, str]]]:
    """The other sources' tellings alike either sentence of a disputed pair
    that name ``side``'s weekday too, each against ``other``: the reader sees
    every source that gives a day, not only the likest pair."""
    (i, day), (j, other_day) = side, other
    return [((claim, day), (told[j], other_day)) for k, claim in enumerate(told)
            if free[k] and claim.root not in (told[i].root, told[j].root)
            and _weekday_named(claim, day) == _weekday_named(told[i], day)
            and other_day not in claim.days and (similar[k][i] > 0 or similar[k][j] > 0)]


def _near_shared(a: Claim, day_a: str, b: Claim, day_b: str) -> bool:
    """Whether some words next to the two days are shared: the same event dated
    ("said on Tuesday it would cut" and "announced on Wednesday that … jobs
    will go" share the firm's name), not another clause's ("the track work
    began late on Friday" against "craned onto a lorry on Saturday")."""
    near_a = next((near for day, near in a.dated if day == day_a), frozenset())
    near_b = next((near for day, near in b.dated if day == day_b), frozenset())
    return overlap(near_a, near_b) > 0


def _weekday_named(claim: Claim, day: str) -> str:
    """The weekday the claim names for ``day`` ("on Tuesday": "tuesday"), or ""."""
    return next((found.group(1).lower() for given, written in claim.written
                 if given == day and (found := WEEKDAY.search(written))), "")


def _trimmed(matrix: list[list[float]], start: int, end: int) -> list[list[float]]:
    return [row[start:end] for row in matrix[start:end]]


def _split(told: list[Claim], split: frozenset[tuple[str, int, str]], event: Event) -> bool:
    """Whether the event is told in a sentence whose day a copy and its original tell apart."""
    at = event.support
    return bool(split) and any((claim.source, claim.span[0], event.date) in split and claim.source == at.source
               and claim.span[0] <= at.start < claim.span[1] for claim in told)


def _unweighed(claims: list[Claim], events: list[Event]) -> set[tuple[str, str]]:
    """(source, day) of each event no claim gives (the weekday tellings are
    claims here: a day given outside every sentence weighed, such as one the
    sentence splitter or the parse leaves out, cannot be weighed)."""
    held = {(c.source, c.span, day) for c in claims for day in c.days}
    return {(e.support.source, e.date) for e in events if not any(
        (e.support.source, span, e.date) in held for span in _spans(claims, e.support.source, e.support.start))}


def _spans(claims: list[Claim], source: str, start: int) -> list[tuple[int, int]]:
    return [c.span for c in claims if c.source == source and c.span[0] <= start < c.span[1]]


def _similarity(ctx: StoryContext, claims: list[Claim], shared: list[list[float]],
                cosine: np.ndarray) -> list[list[float]]:
    """Pairwise likeness of the claims' sentences with date words masked, from
    their shared content words and cosines (``_words_and_meaning``): the mean
    of those and the shared words next to their dates, 0 when unlike."""
    size = len(claims)
    likeness = _likeness(ctx, claims, shared, cosine)
    return [[likeness(i, j) for j in range(size)] for i in range(size)]


def _likeness(ctx: StoryContext, claims: list[Claim], shared: list[list[float]],
              cosine: np.ndarray) -> Callable[[int, int], float]:
    """The likeness of two claims' sentences (``_similarity``), pair by pair."""
    if ctx.embedder is None:
        return lambda i, j: shared[i][j] if one_occurrence(claims[i].text, claims[j].text) else 0.0
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

    return likeness


def _words_and_meaning(ctx: StoryContext, claims: list[Claim], masked: int) -> tuple[list[list[float]], np.ndarray]:
    """Shared content words and cosines (0 without an embedder) of each two
    claims' sentences: every claim with a partner, since an outlier's sentence
    may share few words and still mean the same. The first ``masked`` claims
    (days written with their month) are embedded with their date words
    masked; the weekday tellings after them as written (the facts stage
    embedded most of them already, and one weekday word moves a cosine little)."""
    size = len(claims)
    shared = [[overlap(claims[i].words, claims[j].words) for j in range(size)] for i in range(size)]
    if ctx.embedder is None:
        return shared, np.zeros((size, size), dtype=np.float32)
    texts = [DATE_WORDS.sub("#", claim.text) if k < masked else claim.text for k, claim in enumerate(claims)]
    return shared, cosines_of_alike(ctx.embedder, texts,
                                    [claim.root for claim in claims], shared, 0.0)


def _disputed(a: Claim, b: Claim) -> list[tuple[str, str]]:
    """(a's day, b's day) for each day the two sentences date apart. Days
    both give agree; when each has one day the other lacks, those two are
    counterparts; else a day's counterpart is the one with the most words
    next to it shared, some at least ("left for the capital on Mar 14"
    against "flew to the capital on Mar 11 and was to return on Mar 18").
    The day of an announcement ("On Jan 22, the agency said he will be
    charged", "issued a statement on Jan 24 condemning …",
    ``claims.statement_day``) is no counterpart of the day of an event ("he
    admitted the charges on Jan 23")."""
    only_a = [(day, near) for day, near in a.dated if day not in b.days]
    only_b = [(day, near) for day, near in b.dated if day not in a.days]
    one_each = len(only_a) == 1 and len(only_b) == 1
    scored = sorted(((1.0 if one_each else overlap(near_a, near_b), day_a, day_b)
                     for day_a, near_a in only_a for day_b, near_b in only_b
                     if (days_apart(day_a, day_b) <= _MOST_DAYS or month_slip(day_a, day_b))
                     and (day_a in a.said) == (day_b in b.said) and one_moment(a, day_a, b, day_b)), reverse=True)
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
    day, claims = ordered[0]
    return Conflict(id="", kind="date", topic=claims[0].event_of(day), values=values)
