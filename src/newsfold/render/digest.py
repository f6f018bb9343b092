"""What a reader takes in first: the summary, each fact as shown, the disputes
a fact's sources have, and which lines the short renderings keep.

Everything here is derived from a :class:`~newsfold.model.Brief` alone, so a
brief read back from JSON gives the same digest. The JSON renderer writes it
out (``summary``, and per fact ``shown``, ``quote`` and ``disputed``); the
Markdown and HTML renderers print it.

- A fact is shown as its whole sentence (``Fact.statement``) when its wording
  is a clause cut from one, so it keeps its subject and its speaker.
- A fact that is a quote already in the quotes section, told by no source the
  quote does not already cite, is a *quote repeat*: it stays in the JSON but
  is not listed again as a fact.
- A fact that quotes someone it does not name ("…," he said.) gets the
  speaker the quotes section gives that quote.
- A fact is linked to a conflict when its passages (or its shown sentence)
  overlap the passages of two values of that conflict, or of one value that
  its shown words state: a fact never claims agreement on a disputed value.
- The summary is 3 to 6 of the strongest consensus facts, whole sentences,
  none a quote and none repeating another; a story with fewer consensus facts
  fills it with its most central single-source facts. Its lines read in
  the order the sources tell them (the earliest any source does), so it
  opens on what happened.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Article, Brief, Conflict, Evidence, Fact, Quote, independent_count
from ..nlp.lexicon import STOPWORDS
from ..nlp.text import leans_back, overlap, plain, quoted_share

SUMMARY_MIN = 3
SUMMARY_MAX = 6
# Past the minimum, the summary stops growing at about this many words.
SUMMARY_WORDS = 90
# A summary line repeats another when this share of its content words is in it.
_REPEAT_SHARE = 0.6
# A fact mostly inside quotation marks is a quote, not a report of one.
_QUOTED = 0.5

_WORD = re.compile(r"[^\W_][\w'\u2019-]*", re.UNICODE)


@dataclass
class DisputedValue:
    value: str
    sources: int  # reports
    independent_sources: int


@dataclass
class Dispute:
    """A conflict whose values a fact's sources disagree on."""

    conflict: str  # K id
    kind: str
    topic: str
    values: list[DisputedValue]


@dataclass
class Digest:
    shown: dict[str, str]  # fact id -> the words a reader is shown
    quote_of: dict[str, str]  # fact id -> the Q id it repeats
    speaker: dict[str, str]  # fact id -> who speaks in its quoted words, where they do not name them
    disputes: dict[str, list[Dispute]]  # fact id -> its disputes, in conflict order
    summary: list[Fact]
    key_facts: list[Fact] = field(default_factory=list)  # consensus, not quote repeats, each shown once
    single: list[Fact] = field(default_factory=list)  # unique, most important first, not quote repeats, each shown once

    def below_summary(self, facts: list[Fact]) -> list[Fact]:
        """``facts`` less those the summary shows: a fact is shown once."""
        in_summary = {fact.id for fact in self.summary}
        return [fact for fact in facts if fact.id not in in_summary]


def digest(brief: Brief) -> Digest:
    """The digest of ``brief`` (see the module docstring)."""
    articles = {a.id: a for a in brief.sources}
    shown = {fact.id: shown_text(fact, articles) for fact in brief.facts}
    quote_of = {fact.id: q.id for fact in brief.facts if (q := _repeated_quote(fact, shown[fact.id], brief.quotes))}
    disputes = {fact.id: _disputes(fact, shown[fact.id], brief) for fact in brief.facts}
    speaker = {fact.id: name for fact in brief.facts if (name := _unnamed_speaker(fact, shown[fact.id], brief.quotes))}
    listed = [f for f in brief.facts if f.id not in quote_of]
    summary = _summary(listed, shown, articles)
    seen: set[str] = set()
    key_facts = _distinct([f for f in listed if f.kind == "consensus"], shown, seen)
    single = _distinct(sorted((f for f in listed if f.kind != "consensus"), key=_single_rank), shown, seen)
    return Digest(shown, quote_of, speaker, disputes, summary, key_facts, single)


def shown_text(fact: Fact, articles: dict[str, Article]) -> str:
    """The fact's whole sentence where it has one, else its own wording."""
    statement = fact.statement
    if statement is not None and statement.source in articles:
        return " ".join(articles[statement.source].text[statement.start : statement.end].split())
    return fact.text


def _overlaps(first: Evidence, second: Evidence) -> bool:
    return first.source == second.source and first.start < second.end and second.start < first.end


def quote_conflict(quote: Quote, brief: Brief) -> Conflict | None:
    """The attribution conflict over ``quote``'s passages, if the brief has one.

    Sources that name different speakers make no dispute by themselves: the
    quotes stage judges that a minister and the ministry, or a brand and its
    maker, are one voice. Only a conflict it raised is shown as a dispute."""
    return next((conflict for conflict in brief.conflicts if conflict.kind == "attribution" and any(
        _overlaps(ev, own) for value in conflict.values for ev in value.support for own in quote.support)), None)


def _repeated_quote(fact: Fact, shown: str, quotes: list[Quote]) -> Quote | None:
    """The quote this fact only repeats: mostly quoted words, and every source
    of the fact quoting it (in one or several of the quotes it overlaps)."""
    if quoted_share(shown) < _QUOTED:
        return None
    overlapping = [q for q in quotes if any(_overlaps(e, p) for e in fact.support for p in q.support)]
    quoting = {e.source for q in overlapping for e in q.support}
    if overlapping and {e.source for e in fact.support} <= quoting:
        return overlapping[0]
    return None


def _unnamed_speaker(fact: Fact, shown: str, quotes: list[Quote]) -> str | None:
    """The speaker of the quote in a fact's words when those words do not name
    them (a pronoun, or no attribution): the fact must keep its speaker."""
    if quoted_share(shown) == 0.0:
        return None
    for quote in quotes:
        if quote.speaker and any(_overlaps(e, q) for e in fact.support for q in quote.support):
            named = any(_states(plain(shown), plain(part)) for part in quote.speaker.split() if len(part) > 2)
            return None if named else quote.speaker
    return None


def _disputes(fact: Fact, shown: str, brief: Brief) -> list[Dispute]:
    passages = fact.support + ([fact.statement] if fact.statement else [])
    found = []
    for conflict in brief.conflicts:
        touched = [v for v in conflict.values if any(_overlaps(e, p) for e in v.support for p in passages)]
        if len(touched) >= 2 or any(_states(shown, v.value) for v in touched):
            found.append(_dispute(conflict, brief.sources))
    return found


def _dispute(conflict: Conflict, articles: list[Article]) -> Dispute:
    values = [
        DisputedValue(v.value, len({e.source for e in v.support}),
                      independent_count({e.source for e in v.support}, articles))
        for v in conflict.values
    ]
    return Dispute(conflict.id, conflict.kind, conflict.topic, values)


def _states(text: str, value: str) -> bool:
    """Whether ``text`` writes ``value`` as words of its own."""
    return bool(value.strip()) and re.search(rf"(?<!\w){re.escape(value.strip())}(?!\w)", text, re.I) is not None


def _content_words(text: str) -> set[str]:
    """Word roots of a line, to tell a repeat told in other words: parts of a
    hyphenated word ("Vice-Chair" is "Vice Chair") and the word
    without its ending ("deployed", "deploy")."""
    words = (part for m in _WORD.finditer(text) for part in m.group().lower().split("-"))
    return {_root(w) for w in words if w and w not in STOPWORDS}


def _root(word: str) -> str:
    word = word.removesuffix("'s").removesuffix("’s")
    for ending in ("ing", "ed", "es", "s"):
        if len(word) > len(ending) + 3 and word.endswith(ending) and not word.endswith("ss"):
            return word[:-len(ending)]
    return word


def _normal(text: str) -> str:
    return " ".join(text.lower().split())


def _reads_alone(text: str) -> bool:
    return not text.startswith("\u2026") and not text.rstrip().endswith("\u2026") and quoted_share(text) < _QUOTED


def _summary(facts: list[Fact], shown: dict[str, str], articles: dict[str, Article]) -> list[Fact]:
    """3 to 6 strongest consensus facts (more central single-source ones when
    too few): whole sentences, no quote, none repeating an earlier line, and
    none leaning on a sentence before it ("It said…", "However, …") unless
    too few others read alone. Listed in the order the sources tell them
    (``_story_position``; ties in the facts' order)."""
    consensus = [f for f in facts if f.kind == "consensus"]
    single = sorted((f for f in facts if f.kind != "consensus"), key=_single_rank)
    ranked = consensus + single
    chosen: list[Fact] = []
    words: list[set[str]] = []
    total = 0
    for strict in (True, False):
        for fact in ranked:
            if len(chosen) >= SUMMARY_MAX or (len(chosen) >= SUMMARY_MIN and (
                    not strict or total >= SUMMARY_WORDS or fact.kind != "consensus")):
                break
            text = shown[fact.id]
            content = _content_words(text)
            if fact in chosen or not _reads_alone(text) or not content or (strict and leans_back(text)):
                continue
            if any(overlap(content, other) >= _REPEAT_SHARE for other in words):
                continue
            chosen.append(fact)
            words.append(content)
            total += len(text.split())
    return sorted(chosen, key=lambda fact: (_story_position(fact, articles), facts.index(fact)))


def _story_position(fact: Fact, articles: dict[str, Article]) -> float:
    """How early the sources tell a fact: the smallest share of a source's
    text before it. The summary reads in that order, as a report does: what
    happened, then the details (ties in the facts' order)."""
    shares = [e.start / max(1, len(articles[e.source].text)) for e in fact.support if e.source in articles]
    return min(shares, default=1.0)


def _single_rank(fact: Fact) -> tuple[float, str]:
    """Single-source facts by importance: centrality and lead (``Fact.score``),
    a whole sentence before a fragment."""
    fragment = fact.text.startswith("\u2026") and fact.statement is None
    return (-fact.score + (0.1 if fragment else 0.0), fact.id)


def _distinct(facts: list[Fact], shown: dict[str, str], seen: set[str]) -> list[Fact]:
    """Facts whose shown words were not shown already (two clauses of one
    sentence are shown once, as that sentence)."""
    out = []
    for fact in facts:
        key = _normal(shown[fact.id])
        if key not in seen:
            seen.add(key)
            out.append(fact)
    return out
