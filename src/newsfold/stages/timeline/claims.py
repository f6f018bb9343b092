"""Date claims: the sentences of a story that date events to days, as the
aligned comparisons (``aligned``, ``consensus``) read them.

A claim is one sentence of one source with the days its events are dated to,
each day with the content words next to it (what it dates), and the
sentence's content words with its date words and what it quotes masked.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from ...context import StoryContext
from ...nlp.lexicon import MONTHS, WEEKDAY_NUMBERS
from ...nlp.text import content_words, one_sentence, overlap
from .mentions import quoted_spans
from .merging import ISO_DAY, TIME_OF_DAY, Event, one_person, same_moment, sequence_words

NEAR_WORDS = 5  # words each side of a date that say what it dates
_LATE_DAYS = 1  # a day told as done this many days after its report's date may still be its zone's
_UPDATE = re.compile(r"\bupdated?\b", re.IGNORECASE)
_UPDATE_REACH = 16  # characters before a day that an update note's word may stand in ("UPDATE (27 Jan")
DATE_WORDS = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, [*MONTHS, *WEEKDAY_NUMBERS]), key=len, reverse=True))
    + r")\b\.?|\d+(?:st|nd|rd|th)?", re.IGNORECASE)


@dataclass(frozen=True)
class Claim:
    """One sentence of one source and the days its events are dated to."""

    source: str
    root: str
    span: tuple[int, int]
    text: str  # without what it quotes
    words: frozenset[str]
    days: frozenset[str]  # every day it gives, a day counted from another ("two days after") included
    event: str  # what its first dated event says, for the conflict's topic
    near: frozenset[str] = frozenset()  # words next to its dates
    dated: tuple[tuple[str, frozenset[str]], ...] = ()  # each day it can dispute and the words next to it
    written: tuple[tuple[str, str], ...] = ()  # each such day and its date words as written ("Tuesday (Jan 21)")
    said: frozenset[str] = frozenset()  # days of an announcement ("On Jan 22, the agency said he will …",
    # "in a Jan 22 statement")
    late: frozenset[str] = frozenset()  # days told as done yet after its report's date (``late_days``)
    ahead: frozenset[str] = frozenset()  # days after its report's date: to come when it was written
    events: tuple[tuple[str, str], ...] = ()  # each day and what its event says ("an attack was detected")
    tally: frozenset[str] = frozenset()  # days a count is told at ("as of Jan 22", ``merging.tally_day``)
    quotes: frozenset[str] = frozenset()  # the content words of what it quotes
    reported: str = ""  # its source's day of publication (YYYY-MM-DD), if known
    spans: frozenset[str] = frozenset()  # days that start a span ("held since Jan 17", ``merging.since_day``)

    def event_of(self, day: str) -> str:
        """What the event dated ``day`` says (the first dated event's words otherwise)."""
        return dict(self.events).get(day, self.event)


def claims_of(ctx: StoryContext, events: list[Event], by_weekday: bool = False) -> list[Claim]:
    """Sentences that date events to days written with their month ("on Mar
    12", "Tuesday (Mar 12)", "from 3 February to 31 March"): a weekday or
    "yesterday" alone depends on the date a source is given. A day counted
    from another ("two days after the order") agrees with that day and
    disputes none. A year or a month beside the days ("by 2030") is context,
    not a day the sentence gives. With ``by_weekday``, the other sentences
    instead: those giving days by a weekday or "yesterday" alone, resolved
    (a telling of the story's day that a lone day may be weighed against;
    ``aligned`` disputes one only by the weekday it names)."""
    roots = ctx.roots()
    by_sentence: dict[tuple[str, tuple[int, int]], list[Event]] = defaultdict(list)
    for event in events:
        sentence = next((s for s in ctx.sentences.get(event.support.source, [])
                         if s.start <= event.support.start < s.end), None)
        if sentence is not None:
            by_sentence[(event.support.source, (sentence.start, sentence.end))].append(event)
    updates = {a.id: update_days(a.text, [e for e in events if e.support.source == a.id]) for a in ctx.articles}
    claims = []
    for (source, span), dated in by_sentence.items():
        days = [e for e in dated if len(e.date) == ISO_DAY and not e.relative
                and any(c.isdigit() for c in e.support.as_written or "")]
        if by_weekday:
            days = [] if days else [e for e in dated if len(e.date) == ISO_DAY and not e.relative]
        if not days:
            continue
        raw = ctx.article(source).text[span[0]:span[1]]
        # what it quotes is masked, unless a day it gives is quoted: then that is what it dates
        text = raw if any(e.quoted for e in days) else unquoted(raw)
        words = frozenset(content_words(DATE_WORDS.sub(" ", text)))
        near: dict[str, frozenset[str]] = {}
        for e in days:
            near[e.date] = near.get(e.date, frozenset()) | near_words(raw, e.support.as_written or "")
        counted = frozenset(e.date for e in dated if e.relative and len(e.date) == ISO_DAY)
        claims.append(Claim(source, roots.get(source, source), span, text, words, frozenset(near) | counted,
                            days[0].text, frozenset().union(*near.values()), tuple(near.items()),
                            tuple((e.date, e.support.as_written or "") for e in days),
                            frozenset(e.date for e in days if e.said or statement_day(raw, e.support.as_written or "")),
                            late_days(days, ctx.article(source).published, updates[source]),
                            days_ahead(near, ctx.article(source).published),
                            tuple((e.date, e.text) for e in reversed(days)),
                            frozenset(e.date for e in days if e.tally),
                            frozenset() if text == raw else quoted_words(raw),
                            (ctx.article(source).published or "")[:ISO_DAY],
                            frozenset(e.date for e in days if e.since)))
    return claims


def late_days(days: Iterable[Event], published: str | None, updated: Iterable[str] = ()) -> frozenset[str]:
    """The days its clause tells as done ("said it was alerted on Jan 26")
    more than ``_LATE_DAYS`` after the report was last written (its date, or
    the latest day of an update note, ``update_days``): a report cannot tell
    as done what happens after it is written, so such a day is wrong (a slip,
    a changed day), not another event; a day to come ("will open on Jan 26")
    may well be later. A day after is left to a report dated a zone away."""
    if not published or len(published) < ISO_DAY:
        return frozenset()
    written = max([date.fromisoformat(published[:ISO_DAY]), *map(date.fromisoformat, updated)])
    return frozenset(e.date for e in days if e.done and not e.quoted
                     and (date.fromisoformat(e.date) - written).days > _LATE_DAYS)


def days_ahead(days: Iterable[str], published: str | None) -> frozenset[str]:
    """The days after the report's date: still to come when it was written."""
    if not published or len(published) < ISO_DAY:
        return frozenset()
    return frozenset(day for day in days if day > published[:ISO_DAY])


def update_days(text: str, events: Iterable[Event]) -> set[str]:
    """The days of the report's update notes ("UPDATE (27 Jan, 7.30pm):",
    "Updated on Jan 27"): the report was written again on that day, after its date."""
    return {e.date for e in events if len(e.date) == ISO_DAY and e.support.as_written
            and any(_UPDATE.search(text, max(0, at - _UPDATE_REACH), at)
                    for at in _places(text, e.support.as_written))}


def _places(text: str, written: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(written), text)]


def near_words(sentence: str, as_written: str) -> frozenset[str]:
    """Content words next to a date in its sentence (``NEAR_WORDS`` each side):
    the verb or noun it dates ("began his jail term on Mar 5"). A time of day
    is no such word: its "pm" would make any two dates beside a time alike."""
    at = sentence.find(as_written)
    if not as_written or at < 0:
        return frozenset()
    before = DATE_WORDS.sub(" ", TIME_OF_DAY.sub(" ", sentence[:at])).split()[-NEAR_WORDS:]
    after = DATE_WORDS.sub(" ", TIME_OF_DAY.sub(" ", sentence[at + len(as_written):])).split()[:NEAR_WORDS]
    return frozenset(content_words(" ".join(before + after)))


_STATEMENT = r"(?:statement|press\s+release|release|announcement|notice|post|letter|advisory|update)s?"
_DATED = r"(?:dated|issued|released|published|made|posted|put\s+out)"


def statement_day(sentence: str, as_written: str) -> bool:
    """Whether the day dates a statement, not the event it tells ("issued a
    joint statement on Jan 24 condemning …", "in a Jan 24 press release",
    "a statement released on Jan 21"): an announcement's day."""
    if not as_written:
        return False
    day = re.escape(as_written)
    return re.search(rf"\b{_STATEMENT}(?:\s+{_DATED})?\s+(?:on\s+|of\s+)?(?:\w+\s+)?{day}"
                     rf"|{day},?\s+{_STATEMENT}\b", sentence, re.IGNORECASE) is not None


_ONE_QUOTE = 0.3  # the share of the shorter quote's content words that one quote told twice shares


def one_moment(a: Claim, day_a: str, b: Claim, day_b: str) -> bool:
    """Whether the two claims' days may date one thing: one moment
    (``merging.same_moment``), and, for the days two statements were made on
    that each quote their words, one statement: quotes alike ("'... the
    process is underway,' the spokesman told a daily on Jan 23" and "'...
    nobody came to see him,' the spokesman said by text message on Jan 30"
    date two statements; "'...,' he said during the launch on Jan 22" dates
    the launch, not what he said); and one person: a sentence telling of a
    woman only and one telling of a man only ("She will be charged on Jan 23"
    and "The man will be charged on Feb 4") tell of two people; and both or
    neither the start of a span ("held since Jan 17" against "held since
    Jan 20" is one start moved; against "arrested on Jan 20", two things)."""
    if a.quotes and b.quotes and _spoken(a, day_a) and _spoken(b, day_b) and overlap(a.quotes, b.quotes) < _ONE_QUOTE:
        return False
    if not one_person(a.text, b.text) or _each_report_s_own(a, day_a, b, day_b):
        return False
    if (day_a in a.spans) != (day_b in b.spans):
        return False  # "held since Jan 17" starts a state; "arrested on Jan 20" is an event
    tally_a, tally_b = day_a in a.tally, day_b in b.tally
    # the words without their days are read only where a count's moment is weighed
    return not (tally_a or tally_b) or same_moment(tally_a, _without_days(a), tally_b, _without_days(b))


_STATE = re.compile(r"\b(?:still|remain(?:s|ed|ing)?|continu(?:e|es|ed|ing)\s+to)\b", re.IGNORECASE)


def _each_report_s_own(a: Claim, day_a: str, b: Claim, day_b: str) -> bool:
    """Whether each day is the day of its own report, in reports of two days,
    and each sentence tells a state then ("several remained in hospital on
    Monday" in a Monday report, "five were still being treated on
    Wednesday" in a Wednesday one): a follow-up tells the state since, not
    another day for the first. (A statement made on each report's day may
    still be one statement dated apart, so it is not read so.)"""
    if not (a.reported and b.reported) or a.reported == b.reported:
        return False
    return all(day == claim.reported and _STATE.search(claim.text) is not None
               for claim, day in ((a, day_a), (b, day_b)))


def _spoken(claim: Claim, day: str) -> bool:
    return day in claim.said or any(given == day and speech_day(claim.text, written) for given, written in claim.written)


def _without_days(claim: Claim) -> str:
    text = claim.text
    for _, written in claim.written:
        text = text.replace(written, " ") if written else text
    return text


def quoted_words(text: str) -> frozenset[str]:
    """The content words of what a sentence quotes."""
    return frozenset(content_words(" ".join(text[start:end] for start, end in quoted_spans(text))))


_SPEECH = re.compile(r"\b(?:said|says|told|tells|added|stated|wrote)\b", re.IGNORECASE)
_EVENT_BETWEEN = re.compile(r"\b(?:during|after|before|following|ahead\s+of|at\s+the\s+(?:launch|opening|start|end))\b",
                            re.IGNORECASE)
_QUOTE_ENDS = "\"\u201d"


def speech_day(sentence: str, as_written: str) -> bool:
    """Whether the day is the one a quote was spoken on: a speech verb between
    the quote's end (or the last 80 characters) and the day, and no event
    named between them ("'...,' said the spokesman to a daily, Saturday, Jan
    25"; not "'...,' he said during the launch on Jan 22")."""
    at = sentence.find(as_written) if as_written else -1
    if at < 0:
        return False
    window = sentence[max(0, at - 80):at]
    window = window[max(window.rfind(mark) for mark in _QUOTE_ENDS) + 1:]
    return bool(_SPEECH.search(window)) and not _EVENT_BETWEEN.search(window)


def unquoted(text: str) -> str:
    """The sentence without what it quotes: a quote or a title it cites is
    not what the sentence dates ("said on Jan 22", "the article '...' (Jan 21)")."""
    for start, end in reversed(quoted_spans(text)):
        text = text[:start] + " " + text[end:]
    return text


def sequence(claim: Claim) -> frozenset[str]:
    """The words that place the sentence's event in a series (see ``merging.sequence_words``)."""
    return sequence_words(claim.text)


def days_apart(a: str, b: str) -> int:
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)


def month_slip(a: str, b: str) -> bool:
    """Whether two days differ only by one month ("Jan 24" and "Feb 24"): a
    month misread or mistyped, as close as a day a few days off."""
    x, y = date.fromisoformat(a), date.fromisoformat(b)
    return x.day == y.day and abs((x.year * 12 + x.month) - (y.year * 12 + y.month)) == 1


def holds(held: set[tuple[str, int]], claim: Claim) -> bool:
    """Whether a support ``(source, start)`` of a known conflict lies in the claim's sentence."""
    return any(source == claim.source and claim.span[0] <= start < claim.span[1] for source, start in held)


def roots_of_days(claims: Iterable[Claim], split: frozenset[tuple[str, int, str]] = frozenset()) -> dict[str, set[str]]:
    """Day -> the independent sources whose claims give it; a day of a
    ``split`` telling (``split_tellings``) counts for no source."""
    roots: dict[str, set[str]] = defaultdict(set)
    for claim in claims:
        for day in claim.days:
            if (claim.source, claim.span[0], day) not in split:
                roots[day].add(claim.root)
    return roots


_RELATIVE_DAY = re.compile(r"\b(?:today|tonight|yesterday|tomorrow)\b", re.IGNORECASE)


def masked_days(text: str, relative: bool = False) -> str:
    """The sentence lower-cased with its date words masked (and, with
    ``relative``, "today", "yesterday" …): one sentence written twice with
    other days reads the same (``nlp.text.one_sentence``)."""
    text = DATE_WORDS.sub("#", text)
    return " ".join((_RELATIVE_DAY.sub("#", text) if relative else text).lower().split())


def split_tellings(claims: Sequence[Claim]) -> frozenset[tuple[str, int, str]]:
    """(source, sentence start, day) of each day a copy and its original give
    differently in one sentence ("passed a bill today" in a copy, "passed a
    bill yesterday" in its original, one dated a day later): the independent
    source tells both days there, so the sentence counts for neither when
    days are counted by source. Whether they disagree is ``copied``'s to weigh."""
    masked = [masked_days(c.text, relative=True) for c in claims]
    split: set[tuple[str, int, str]] = set()
    for i, a in enumerate(claims):
        for j in range(i + 1, len(claims)):
            b = claims[j]
            if a.root != b.root or a.source == b.source or a.days == b.days or not one_sentence(masked[i], masked[j]):
                continue
            split |= {(a.source, a.span[0], day) for day in a.days - b.days}
            split |= {(b.source, b.span[0], day) for day in b.days - a.days}
    return frozenset(split)
