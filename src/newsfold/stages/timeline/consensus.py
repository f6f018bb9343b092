"""A day only one source gives, against the day the story agrees on.

Aligned pairs (``aligned``) compare two sources sentence by sentence; a day
moved in one source's telling is also seen against the story as a whole: the
day two or more other independent sources give for an event, a few days from
a day that only this source gives, in a sentence that tells the same event.
Consensus is what tells one event from two here: a single other source
giving another day more often tells another event (a charge and a hearing).

Method, in order, for each day only one independent source gives (a *lone*
day; weekdays and "a day after X" resolved, anywhere in the story), in a
sentence no conflict holds yet and that places its event in no series ("the
next draw"):

1. alike (``_alike_consensus``): against a day of the same month at most
   ``_MOST_DAYS`` apart, or the same day a month off (``claims.month_slip``),
   that two or more other independent sources give in
   sentences loosely alike (``_LOOSE``: some content words shared, a lower
   cosine, some words next to the two days shared; only with an embedder).
   The lone day's source giving the consensus day in another sentence does
   not explain it away: beside a consensus, that source is at odds with itself.
2. against the story (``_story_consensus``): else, against a day of the same
   month at most ``FEW_DAYS`` apart, or the same day a month off, that two or more other independent
   sources give, in sentences of their own telling this event, and that the
   lone day's source never gives (its copies may: a copy that kept the day
   tells what was moved). Each other source's sentence most like the lone
   one is weighed by its words (the larger of the shared content words and
   the shared words next to the days) plus its cosine (at least
   ``LONE_COSINE``): one of them at least ``_LONE[0]``; or a single source's
   sentence at least ``_LONE_ONE`` when a second source gives the day in
   words of its own. A source that also gives the consensus day elsewhere tells
   two days, so it is held to more: one sentence at least ``_LONE[1]`` and a
   second source's at least ``_LONE[2]``; unless it gives that day only in
   sentences told unlike every other source's giving it (``_tells_other_things``):
   those tell other things, and it is weighed as usual; so is a lone day its
   clause tells as done after the source's own date (``claims.late_days``: "said
   it was alerted on Jan 26" in a Jan 24 report): a wrong day, not a second
   event beside the story's. A sentence that names another
   stage of a process next to its day ("charged on Mar 12" against "the
   fire on Mar 9", ``lexicon.EVENT_STAGES``) tells another event and is not
   weighed, nor is a statement's day that is its report's own date against a
   story's day that is the date of the reports giving it
   (``_each_its_own_day``: "said on Monday" in Monday's reports, "confirmed
   on Wednesday" in Wednesday's: each tells what was said on its day). Of
   several such days, the one told most alike.

Further apart than a few days, or whole weeks apart (a weekly draw), two
days are more often two events than one moved.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ...nlp.lexicon import SPEECH_VERBS
from ...nlp.text import content_words, overlap
from .claims import Claim, days_apart, month_slip, one_moment, roots_of_days, sequence
from .merging import stages

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    import numpy as np

Pair = tuple[tuple[Claim, str], tuple[Claim, str]]

_MOST_DAYS = 10
# a day only one source gives, against one two or more others give: (shared
# content words, cosine, shared words next to the days), all at least
_LOOSE = (0.3, 0.4, 0.3)
FEW_DAYS = 5
# against the story: (one sentence's words + cosine; the same when the lone
# source gives the consensus day too, and a second source's sentence then)
_LONE = (0.6, 1.3, 1.0)
# ... or one other source's sentence this alike, the day given by a second
# source in its own words ("alerted to the fire at 4.55am on Jan 19" beside
# "the fire broke out on Sunday"): the telling is one event, the consensus two sources
_LONE_ONE = 1.1
_SPEECH = frozenset(content_words(" ".join(SPEECH_VERBS)))  # a statement's day: "said on Monday"
_STILL = re.compile(r"\bstill\b", re.IGNORECASE)  # a state on a day: "were still being treated on Wednesday"
LONE_COSINE = 0.3  # ... each sentence weighed at least this close in meaning: a shared word alone is no telling


@dataclass(frozen=True)
class Given:
    """Who gives each day anywhere in the story (every event, weekdays resolved)."""

    roots: dict[str, set[str]]  # day -> independent sources that give it
    sources: set[tuple[str, str]]  # (source, day)
    # (source, day) given outside every claim weighed: a telling that cannot be weighed
    unweighed: set[tuple[str, str]] = field(default_factory=set)
    # (source, sentence start, day) a copy and its original tell apart (``claims.split_tellings``)
    split: frozenset[tuple[str, int, str]] = frozenset()


def lone_day_pairs(claims: Sequence[Claim], shared: Sequence[Sequence[float]], cosine: np.ndarray,
                   free: Sequence[bool], given: Given,
                   lone: Callable[[int, str], bool] = lambda i, day: True) -> list[Pair]:
    """Pairs of a lone day against the story's day (see the module docstring);
    ``free``: the claims no conflict holds yet; ``lone(i, day)``: whether
    claim ``i``'s ``day`` may be the lone one."""
    roots_of_day = roots_of_days(claims, given.split)
    pairs: list[Pair] = []
    for i, claim in enumerate(claims):
        if not free[i]:
            continue
        for day, near in claim.dated:
            if roots_of_day[day] != {claim.root} or not lone(i, day):
                continue
            found = _alike_consensus(claims, shared, cosine, free, i, day, near)
            if not found and given.roots.get(day, set()) <= {claim.root} and not sequence(claim):
                found = _story_consensus(claims, shared, cosine, i, day, given)
            pairs += found
    return pairs


def _alike_consensus(claims: Sequence[Claim], shared: Sequence[Sequence[float]], cosine: np.ndarray,
                     free: Sequence[bool], i: int, day: str, near: frozenset[str]) -> list[Pair]:
    """The lone day against a day two or more other sources give in loosely alike sentences."""
    claim = claims[i]
    placed = placed_alike(claims, claim)
    alike: dict[str, list[Claim]] = defaultdict(list)
    for j, other in enumerate(claims):
        if other.root == claim.root or not free[j]:
            continue
        for other_day, other_near in other.dated:
            close = other_day[:7] == day[:7] and days_apart(day, other_day) <= _MOST_DAYS
            if not (close or month_slip(day, other_day)) or other_day in claim.days \
                    or _to_come_against_past(claim, day, other, other_day) or not one_moment(claim, day, other, other_day):
                continue
            if sequence(other) != sequence(claim) and other_day not in placed:
                continue
            if overlap(near, other_near) >= _LOOSE[2] and shared[i][j] >= _LOOSE[0] \
                    and cosine[i][j] >= _LOOSE[1]:  # the words next to the days: one event
                alike[other_day].append(other)
    agreed = [d for d, others in alike.items() if len({o.root for o in others}) >= 2]
    if len(agreed) != 1:
        return []
    return [((claim, day), (other, agreed[0])) for other in alike[agreed[0]]]


def _story_consensus(claims: Sequence[Claim], shared: Sequence[Sequence[float]], cosine: np.ndarray,
                     i: int, day: str, given: Given) -> list[Pair]:
    """The lone day against a day the story agrees on, a few days away, told
    in sentences like the lone one (see the module docstring, step 2)."""
    claim = claims[i]
    lone_near = dict(claim.dated)[day]
    # the stage its clause names where the words next to the day name none ("On 14 March, that trust
    # ended with a six-year prison sentence")
    lone_stages = stages(lone_near) or stages(frozenset(content_words(claim.event_of(day))))
    placed = placed_alike(claims, claim)
    best: dict[str, dict[str, tuple[float, int]]] = defaultdict(dict)  # day -> root -> its likest sentence
    for j, other in enumerate(claims):
        if other.root == claim.root:
            continue
        for other_day in other.days:
            near_day = other_day[:7] == day[:7] and other_day != day and days_apart(day, other_day) <= FEW_DAYS
            if not (near_day or month_slip(day, other_day)) or _to_come_against_past(claim, day, other, other_day) \
                    or not one_moment(claim, day, other, other_day) or _each_its_own_day(claim, day, other, other_day):
                continue
            if sequence(other) != sequence(claim) and other_day not in placed:
                continue
            other_near = dict(other.dated).get(other_day, frozenset())
            if stages(other_near) != lone_stages:
                continue  # "charged on Mar 12" against "the fire on Mar 9": two stages, two events
            if cosine[i][j] < LONE_COSINE:
                continue
            words = max(shared[i][j], overlap(lone_near, other_near))
            score = words + float(cosine[i][j])
            if score > best[other_day].get(other.root, (-1.0, j))[0]:
                best[other_day][other.root] = (score, j)
    options = []
    for other_day, by_root in best.items():
        # a source giving the story's day only in sentences unlike every other source's giving it
        # tells other things on that day: it is weighed as if it never gave it
        # ... and so does one whose lone day is told as done after its own report's date: that day
        # is wrong, not another event's
        gives_too = (claim.source, other_day) in given.sources and day not in claim.late \
            and not _tells_other_things(claims, shared, cosine, i, other_day, given)
        first, second = [*sorted((score for score, _ in by_root.values()), reverse=True), 0.0][:2]
        told_alike = [j for _, j in by_root.values()]
        agreeing = len(given.roots.get(other_day, set()) - {claim.root})
        if not gives_too:
            # or one telling much alike, and a second source gives the day in its own words
            told = len(by_root) >= 2 and first >= _LONE[0] or first >= _LONE_ONE and agreeing >= 2
        else:
            told = len(by_root) >= 2 and first >= _LONE[1] and second >= _LONE[2]
        if told:
            options.append((first + second, other_day, [claims[j] for j in told_alike]))
    if not options:
        return []
    _, agreed, others = max(options, key=lambda option: option[:2])
    return [((claim, day), (other, agreed)) for other in others]


def _tells_other_things(claims: Sequence[Claim], shared: Sequence[Sequence[float]], cosine: np.ndarray,
                        i: int, day: str, given: Given) -> bool:
    """Whether the lone day's source gives the story's ``day`` only in other
    sentences, each told unlike every other source's sentence giving it
    (``_weight`` under ``_LONE[0]``, the least a telling weighs): those
    sentences tell other things ("had met the council on March 9" beside
    "the fire on March 9"). Never where it gives the day in the lone sentence
    itself ("admitted on Jan 24 and discharged on Jan 27": two events) or
    outside every claim (a weekday alone: a telling that cannot be weighed)."""
    claim = claims[i]
    if day in claim.days or (claim.source, day) in given.unweighed:
        return False
    own = [k for k, told in enumerate(claims) if k != i and told.source == claim.source and day in told.days]
    others = [j for j, told in enumerate(claims) if told.root != claim.root and day in told.days]
    return bool(own) and all(_weight(claims, shared, cosine, k, j, day) < _LONE[0] for k in own for j in others)


def _weight(claims: Sequence[Claim], shared: Sequence[Sequence[float]], cosine: np.ndarray,
            k: int, j: int, day: str) -> float:
    """How alike sentence ``k`` tells sentence ``j``'s event on ``day``: the
    larger of their shared content words and the shared words next to the
    day, plus their cosine (as the lone sentence is weighed)."""
    near = overlap(dict(claims[k].dated).get(day, frozenset()), dict(claims[j].dated).get(day, frozenset()))
    return max(shared[k][j], near) + float(cosine[k][j])


def _to_come_against_past(claim: Claim, day: str, other: Claim, other_day: str) -> bool:
    """Whether ``other_day`` was still to come in its report while the lone
    ``day`` was not in its own: a deadline or a plan ("the cable will be
    replaced by Friday") is no telling of a day gone by ("a cable fault
    stopped the line on March 4")."""
    return other_day in other.ahead and day not in claim.ahead


def _each_its_own_day(claim: Claim, day: str, other: Claim, other_day: str) -> bool:
    """Whether each day is the day its own source was published, those differ,
    and the lone day is a statement's (a speech verb next to it) or a state's
    ("still"): each report tells what was said, or how things stood, on its
    own day ("health officials said on Monday" in a Monday report, "confirmed
    on Wednesday" or "five were still being treated on Wednesday" in a
    Wednesday one), not one event dated two ways. Not an event's day ("the group was launched on Jan
    22" in a Jan 22 report against Jan 21 in Jan 21 reports: one launch), nor
    where the tellings are alike (step 1: "posted on Wednesday" against
    "posted on Saturday" word for word is one post dated two ways)."""
    return day == claim.reported and other_day == other.reported and day != other_day \
        and (bool(dict(claim.dated).get(day, frozenset()) & _SPEECH) or _STILL.search(claim.text) is not None)


def placed_alike(claims: Sequence[Claim], claim: Claim) -> set[str]:
    """The days other sources give in sentences that place their event in a
    series as ``claim`` places its own. On such a day a sentence placing it
    otherwise ("its next open house on Feb 2" beside "the open house on Feb
    2") tells the same event: its series word counts from the day it was
    written, not from another occurrence of the story."""
    placed = sequence(claim)
    return {day for other in claims if other.root != claim.root and sequence(other) == placed for day in other.days}

