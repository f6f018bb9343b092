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
   is context ("by 2030"), a range gives both its days;
2. pairs: sentences of independent sources whose wording, with date words
   and quoted text masked, is alike: most content words shared
   (``_MIN_SHARED``) and, when the context has an embedder, close in meaning
   (``_MIN_COSINE``); or, aligned by the event they date, some content words
   shared, less close in meaning, and most words next to the dates shared
   (``_MIN_SHARED_NEAR``, ``_MIN_COSINE_NEAR``, ``_MIN_NEAR``: "began his
   jail term on Feb 5"); each sentence is paired only with its most alike
   sentence in the other source, both ways;
3. kept: each sentence has exactly one day the other lacks, the two are at
   most ``_MOST_DAYS`` apart (further apart they are more often two events: a
   launch and a deadline), and neither source gives the other's day in
   another sentence alike the other's (a source giving both days for the
   same kind of claim is telling two events);
4. grouped: pairs sharing a sentence form one conflict; a day's support is
   each sentence giving it.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from ...context import StoryContext
from ...model import Conflict, ConflictValue, Evidence
from ...nlp.lexicon import MONTHS, WEEKDAY_NUMBERS
from ...nlp.align import cosines_of_alike, mutual_best
from ...nlp.text import overlap
from .mentions import quoted_spans
from .merging import Event, content_words

_MIN_SHARED = 0.5  # shared content words over the smaller sentence's
_MIN_COSINE = 0.75  # masked sentences, normalised embeddings
# ... or less close in meaning but sharing most content words: a reworded
# sentence with its date moved keeps its words while the embedding drifts.
_MIN_COSINE_WORDS = (0.55, 0.6)
# ... or with the words next to the dates shared (the event they date), less alike as a whole
_MIN_SHARED_NEAR, _MIN_COSINE_NEAR, _MIN_NEAR = 0.3, 0.55, 0.5
_NEAR_WORDS = 5
_MOST_DAYS = 10
_ISO_DAY = 10  # len("YYYY-MM-DD")
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


def aligned_date_conflicts(ctx: StoryContext, events: list[Event], known: list[Conflict]) -> list[Conflict]:
    """Date conflicts between aligned sentences of independent sources (see the
    module docstring), leaving out sentences a ``known`` conflict already holds."""
    claims = _claims(ctx, events)
    if len({claim.root for claim in claims}) < 2:
        return []
    similar = _similarity(ctx, claims)
    held = {(e.source, e.start) for conflict in known for value in conflict.values for e in value.support}
    pairs = []
    for i, j in mutual_best([c.source for c in claims], [c.root for c in claims], similar):
        a, b = claims[i], claims[j]
        if any(_holds(held, claim) for claim in (a, b)):
            continue
        days = _disputed(a, b)
        if days is not None and (_gives_elsewhere(claims, similar, i, j, days[1])
                                 or _gives_elsewhere(claims, similar, j, i, days[0])):
            continue
        if days is not None:
            pairs.append(((a, days[0]), (b, days[1])))
    return [_conflict(group) for group in _groups(pairs)]


def _claims(ctx: StoryContext, events: list[Event]) -> list[_Claim]:
    """Sentences that date events to days written with their month ("on Jan
    24", "Tuesday (Jan 24)", "from 3 February to 31 March"): a weekday or
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
        near = frozenset().union(*(_near(raw, e.support.as_written or "") for e in days))
        claims.append(_Claim(source, roots.get(source, source), span, text, words,
                             frozenset(e.date for e in days), days[0].text, near))
    return claims


def _near(sentence: str, as_written: str) -> frozenset[str]:
    """Content words next to a date in its sentence (``_NEAR_WORDS`` each side):
    the verb or noun it dates ("began his jail term on Feb 5")."""
    at = sentence.find(as_written)
    if not as_written or at < 0:
        return frozenset()
    before = _DATE_WORDS.sub(" ", sentence[:at]).split()[-_NEAR_WORDS:]
    after = _DATE_WORDS.sub(" ", sentence[at + len(as_written):]).split()[:_NEAR_WORDS]
    return frozenset(content_words(" ".join(before + after)))


def _unquoted(text: str) -> str:
    """The sentence without what it quotes: a quote or a title it cites is
    not what the sentence dates ("said on Jan 22", "the article '...' (Jan 21)")."""
    for start, end in reversed(quoted_spans(text)):
        text = text[:start] + " " + text[end:]
    return text


def _similarity(ctx: StoryContext, claims: list[_Claim]) -> list[list[float]]:
    """Pairwise likeness of the claims' sentences with date words masked: the
    mean of shared content words and cosine, 0 when unlike."""
    size = len(claims)
    shared = [[overlap(claims[i].words, claims[j].words) for j in range(size)] for i in range(size)]
    if ctx.embedder is None:
        return shared
    cosine = cosines_of_alike(ctx.embedder, [_DATE_WORDS.sub("#", claim.text) for claim in claims],
                              [claim.root for claim in claims], shared, min(_MIN_SHARED, _MIN_SHARED_NEAR))
    least_cosine, most_shared = _MIN_COSINE_WORDS

    def likeness(i: int, j: int) -> float:
        near = overlap(claims[i].near, claims[j].near)
        alike = shared[i][j] >= _MIN_SHARED and (
            cosine[i][j] >= _MIN_COSINE or cosine[i][j] >= least_cosine and shared[i][j] >= most_shared)
        dated_alike = shared[i][j] >= _MIN_SHARED_NEAR and cosine[i][j] >= _MIN_COSINE_NEAR and near >= _MIN_NEAR
        return (shared[i][j] + float(cosine[i][j]) + near) / 3 if alike or dated_alike else 0.0

    return [[likeness(i, j) for j in range(size)] for i in range(size)]


def _disputed(a: _Claim, b: _Claim) -> tuple[str, str] | None:
    """(a's day, b's day) when the two sentences date their event apart, else None."""
    only_a, only_b = a.days - b.days, b.days - a.days
    if len(only_a) != 1 or len(only_b) != 1:
        return None
    day_a, day_b = next(iter(only_a)), next(iter(only_b))
    if abs((date.fromisoformat(day_a) - date.fromisoformat(day_b)).days) > _MOST_DAYS:
        return None
    return day_a, day_b


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
