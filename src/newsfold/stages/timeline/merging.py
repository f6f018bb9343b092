"""Merging events: events of the same date whose content words overlap become
one entry with several supports; strongly similar events that independent
sources date differently become ``date`` conflicts, unless the two tellings
place their event in a series differently ("the next draw" / "the draw") or
name two stages of a process ("found guilty" / "sentenced", ``two_stages``)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from ...model import Conflict, ConflictValue, Evidence, TimelineEvent
from ...nlp.lexicon import EVENT_STAGES
from ...nlp.text import content_words


@dataclass
class Event:
    """One dated event as one source tells it."""

    date: str
    text: str
    support: Evidence
    words: set[str]
    relative: bool = False  # dated from another event ("a day after X")
    shown: str = ""  # the text a reader sees, with a borrowed subject; ``text`` is what events are compared by
    apart: bool = False  # its sentence tells another event than the story's ("In an unrelated case, …")
    quoted: bool = False  # a day inside quotation marks: what a speaker dates, no timeline entry
    said: bool = False  # it dates an announcement ("On Jan 22, the agency said he will …"), not the event
    done: bool = False  # its clause is told as done ("was alerted", "said"), not as to come
    tally: bool = False  # it dates the moment a running count is told at ("as of Jan 22": ``tally_day``)
    since: bool = False  # it starts a span ("held since Jan 17": ``since_day``), disputed only against another start


@dataclass
class _Cluster:
    date: str
    events: list[Event] = field(default_factory=list)


_SEQUENCE = re.compile(r"\b(next|previous|upcoming|preceding|subsequent|another)\b")
# "In an unrelated case, …", "in a separate incident": the sentence tells another event
_SEPARATE = re.compile(r"\b(?:unrelated|separate|different|another)\s+(?:case|incident|matter|accident|attack|offence|offense)\b")


TIME_OF_DAY = re.compile(r"\b\d+(?:[.:]\d\d)?\s?[ap]\.?m\b\.?", re.IGNORECASE)  # "8pm", "9:35 a.m."
# "as of", "as at", "by" (then the day, perhaps "the end of" it, "5pm on" it)
_CUTOFF = re.compile(r"\b(?:as\s+(?:of|at)|(?P<by>by))\s+(?:(?:the\s+)?(?:end|morning|afternoon|evening|night)\s+of\s+)?$",
                     re.IGNORECASE)
_COUNT = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?")


def tally_day(sentence: str, as_written: str, done: bool) -> bool:
    """Whether the day is the one a running count is told at, not the day of
    an event: "as of Wednesday (Jan 22)", "as at 5pm on Jan 3", or "by" a day
    told done ("by 17 January, 13 had been recaptured"; "must be paid by
    Jan 17" is a deadline)."""
    at = sentence.find(as_written) if as_written else -1
    if at < 0:
        return False
    before = TIME_OF_DAY.sub(" ", sentence[max(0, at - 40):at])
    before = re.sub(r"\b(?:on|at)\s*$", "", before.rstrip()).rstrip(" ,") + " "
    found = _CUTOFF.search(before)
    return found is not None and (done or not found.group("by"))


_SINCE = re.compile(r"\bsince\s+(?:the\s+)?$", re.IGNORECASE)


def since_day(sentence: str, as_written: str) -> bool:
    """Whether the day starts a span ("their first title since 1908", "missing
    since Jan 8"): the sentence tells the span, and another source's other
    start most often belongs to another span ("the first team since 1985 to
    come back"), not a disputed day."""
    at = sentence.find(as_written) if as_written else -1
    return at >= 0 and (as_written.lower().startswith("since ") or _SINCE.search(sentence[max(0, at - 20):at]) is not None)


_FEMALE = frozenset({"she", "her", "hers", "herself", "woman", "women", "girl", "mother", "wife", "daughter",
                     "sister", "mrs", "ms", "madam", "grandmother", "aunt"})
_MALE = frozenset({"he", "his", "him", "himself", "man", "men", "boy", "father", "husband", "son", "brother",
                   "mr", "grandfather", "uncle"})
_ATTRIBUTION = re.compile(r"\b(?:(?:he|she)\s+(?:said|says|added|told|explained)|(?:said|says|added|told)\s+(?:he|she))\b",
                          re.IGNORECASE)


@lru_cache(maxsize=4096)
def _gender(text: str) -> str:
    """"female" or "male" when the sentence tells of women only or men only
    (a reporter's "he said" left out), else ""."""
    words = set(re.findall(r"[a-z]+", _ATTRIBUTION.sub(" ", text).lower()))
    female, male = bool(words & _FEMALE), bool(words & _MALE)
    return "female" if female and not male else "male" if male and not female else ""


def one_person(a: str, b: str) -> bool:
    """Whether two tellings may be of one person: not one of women only and
    one of men only ("She will be charged on Jan 23" and "The man will be
    charged on Feb 4")."""
    return {_gender(a), _gender(b)} != {"female", "male"}


def same_moment(tally_a: bool, text_a: str, tally_b: bool, text_b: str) -> bool:
    """Whether two days may date one thing, given whether each is the moment
    of a running count (``tally_day``) and the words of its telling without
    its day: neither is, or both are and the counts agree ("34 caught as of
    Jan 22" against "34 caught as of Jan 25"). "13 recaptured by Jan 17" is an
    earlier moment of the count than "23 as of Jan 18", and neither dates the
    escape the count is of."""
    return tally_a == tally_b and (not tally_a or _counts(text_a) == _counts(text_b))


def _counts(text: str) -> frozenset[str]:
    return frozenset(m.group().replace(",", "") for m in _COUNT.finditer(TIME_OF_DAY.sub(" ", text)))


def tells_another_event(text: str) -> bool:
    """Whether a sentence says it tells another event ("In an unrelated case", "in a separate incident")."""
    return bool(_SEPARATE.search(text.lower()))


def sequence_words(text: str) -> frozenset[str]:
    """The words that place an event in a series ("the next draw", "the
    upcoming hearing", "the previous round"), or apart from the story's
    ("in an unrelated case": ``separate``): two tellings that place theirs
    differently are two events, whatever their other words ("another call
    on Dec 20" is a further call, not the call)."""
    lowered = text.lower()
    words = set(_SEQUENCE.findall(lowered))
    if _SEPARATE.search(lowered):
        words.add("separate")
    return frozenset(words)


ISO_DAY = 10  # len("YYYY-MM-DD")
_STAGES = {stem: stage for word, stage in EVENT_STAGES.items() for stem in content_words(word)}


def stages(words: frozenset[str] | set[str]) -> set[str]:
    """The stages of a process that content words name (``lexicon.EVENT_STAGES``:
    "convicted", "sentenced"); "pre-trial" (a conference before any trial) names none."""
    return {_STAGES[word] for word in words if word in _STAGES and not (word == "trial" and "pre" in words)}


def two_stages(a: set[str], b: set[str]) -> bool:
    """Whether two tellings name stages of a process and share none ("found
    guilty by a jury" against "was sentenced"): two events, whatever else they share."""
    named_a, named_b = stages(a), stages(b)
    return bool(named_a and named_b and not named_a & named_b)


def similarity(a: set[str], b: set[str]) -> tuple[float, int]:
    """(overlap coefficient, shared words) of two content-word sets."""
    if not a or not b:
        return 0.0, 0
    shared = len(a & b)
    return shared / min(len(a), len(b)), shared


def merge_events(events: list[Event], roots: dict[str, str]) -> tuple[list[TimelineEvent], list[Conflict]]:
    """Timeline entries ordered by date then support, and date conflicts (``id=""``:
    the pipeline numbers conflicts). ``roots``: source id -> its independent source."""
    clusters = _cluster(events)
    clusters.sort(key=lambda c: (c.date, -len(c.events)))
    timeline = []
    for cluster in clusters:
        described = _representative(cluster)
        timeline.append(TimelineEvent(cluster.date, described.shown or described.text,
                                      _supports(cluster, described)))
    return timeline, _date_conflicts(clusters, roots)


def _cluster(events: list[Event]) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    for event in events:
        best, best_score = None, 0.0
        for cluster in clusters:
            if cluster.date != event.date:
                continue
            for other in cluster.events:
                score, shared = similarity(event.words, other.words)
                similar = score >= 0.5 and shared >= 2 or score >= 0.4 and shared >= 3
                if (similar or score == 1.0) and score > best_score:
                    best, best_score = cluster, score
        if best is None:
            clusters.append(_Cluster(event.date, [event]))
        elif not any(e.support.source == event.support.source and
                     e.support.start == event.support.start for e in best.events):
            best.events.append(event)
    return clusters


def _centrality(event: Event, cluster: _Cluster) -> tuple[float, int]:
    return sum(similarity(event.words, other.words)[0] for other in cluster.events), len(event.words)


def _representative(cluster: _Cluster) -> Event:
    """The event that best states what the cluster's events share."""
    return max(cluster.events, key=lambda event: _centrality(event, cluster))


def _supports(cluster: _Cluster, described: Event) -> list[Evidence]:
    """The cluster's supports, the most central one with explicit date words first.

    "A day after X" is evidence of last resort: it comes first only when no
    source writes the date directly, and a source that dates the entry directly
    keeps no "a day after" support too (unless it gave the entry its text).
    """
    direct = [e for e in cluster.events if not e.relative]
    first = max(direct, key=lambda event: _centrality(event, cluster)) if direct else described
    dated = {e.support.source for e in direct}
    rest = [e for e in cluster.events if e is not first and
            (not e.relative or e.support.source not in dated or e is described)]
    return [first.support] + [e.support for e in rest]


def _date_conflicts(clusters: list[_Cluster], roots: dict[str, str]) -> list[Conflict]:
    """Strongly similar events that independent sources date differently, to
    the same precision (a year beside a day of another year is most often a
    second event the clause also tells: "charged on May 21, 2030, after they
    had damaged the kiosk" beside "damaged the kiosk ... in 2029")."""
    conflicts: list[Conflict] = []
    for i, a in enumerate(clusters):
        for b in clusters[i + 1:]:
            if a.date.startswith(b.date) or b.date.startswith(a.date):
                continue  # "2023-05" and "2023-05-29" can both be true
            if len(a.date) != len(b.date):
                continue  # "in 2020" beside "on May 21, 2021": most often two events told in one clause
            roots_a = {roots.get(e.support.source, e.support.source) for e in a.events}
            roots_b = {roots.get(e.support.source, e.support.source) for e in b.events}
            if roots_a & roots_b:
                continue  # one source giving two dates is most often two events
            if _strongly_similar(a, b):
                conflicts.append(Conflict(
                    id="", kind="date", topic=_representative(a).shown or _representative(a).text,
                    values=[ConflictValue(c.date, [e.support for e in c.events]) for c in (a, b)]))
    return conflicts


def _strongly_similar(a: _Cluster, b: _Cluster) -> bool:
    return any(
        similarity(x.words, y.words)[0] >= 0.7 and similarity(x.words, y.words)[1] >= 3
        and fuzz.token_set_ratio(x.text, y.text) >= 75 and one_occurrence(x.text, y.text)
        and x.apart == y.apart and same_moment(x.tally, x.text, y.tally, y.text) and _one_start(x, y)
        and one_person(x.text, y.text) and not two_stages(x.words, y.words)
        for x in a.events for y in b.events)


def _one_start(x: Event, y: Event) -> bool:
    """Neither starts a span, or both start one on a day ("held since Jan 17"
    against "held since Jan 20"); starts given by years ("the first title since
    1908", "the first team since 1985 to come back") most often start two spans."""
    return x.since == y.since and (not x.since or len(x.date) == len(y.date) == ISO_DAY)


def one_occurrence(x: str, y: str) -> bool:
    """Whether two event clauses can tell one occurrence: placed alike in a
    series, and not each "another" one ("another spill occurred" on two days
    is two further spills) unless told word for word (a copy)."""
    placed = sequence_words(x)
    return placed == sequence_words(y) and ("another" not in placed or x.lower() == y.lower())
