"""One source's dated events: its date words resolved sentence by sentence,
each described by the clause it belongs to."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ...model import Article, Evidence, Sentence
from ...nlp.text import content_words
from .clauses import (
    announces,
    clause_head,
    dated_participle,
    ends_ahead,
    is_future,
    is_scheduled,
    looks_forward,
    set_to_come,
    told_done,
    told_in_past,
    tells_no_time,
)
from .describing import describe
from .mentions import (
    Mention,
    dateline_end,
    find_date_words,
    looks_like_date,
    quoted_spans,
)
from .merging import Event, since_day, tally_day, tells_another_event
from .resolving import number, parse_published, resolve

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_ISO_DAY = 10  # len("YYYY-MM-DD")


def events_of(article: Article, sentences: list[Sentence], doc: Doc) -> list[Event]:
    """The dated events of one source, in text order.

    "A day after X" counts from a day date in its own sentence, else from one
    in the sentence before it in the same paragraph; with neither it is skipped.
    """
    published = parse_published(article.published)
    mentions, quoted = _date_mentions(article, doc, published)
    cuts = _dateline_cuts(article.text, mentions)
    mentions = [m for m in mentions if m.start not in cuts]
    events = _quoted_days(article, quoted, sentences, doc, published)
    previous_dates: list[tuple[int, str]] = []  # (paragraph, day date) of the last sentence
    for sentence in sentences:
        sentence = _after_dateline(sentence, cuts, article.text)
        if sentence.start >= sentence.end:
            continue
        span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is None:
            continue
        sentence_tokens = list(span)
        inside = [m for m in mentions if sentence.start <= m.start and m.end <= sentence.end]
        token_sets = [_tokens_of(doc, m) for m in inside]
        _resolve_all(inside, token_sets, sentence_tokens, published)
        _range_ends(inside, article.text)
        days = [m.date for m in inside if m.kind != "day_after" and m.date and len(m.date) == _ISO_DAY]
        anchors = days or [d for p, d in previous_dates if p == sentence.paragraph]
        for m, tokens in zip(inside, token_sets):
            if m.kind == "day_after":
                if not anchors:
                    continue  # no day to count from: skip rather than guess
                m.date = _count_from(m, anchors[0])
            if not m.date or not tokens:
                continue
            others = [t for o, t in zip(inside, token_sets) if o is not m]
            event = _event(article, m, tokens, others, sentence_tokens, sentence)
            if event is not None:
                events.append(event)
        previous_dates = [(sentence.paragraph, d) for d in days]
    return sorted(events, key=lambda e: e.support.start)


def _date_mentions(article: Article, doc: Doc, published: date | None) -> tuple[list[Mention], list[Mention]]:
    """Date words of the reporting: not in removed spans, bare years and months
    only where they are dates; and apart, those in quotation marks (speech, not
    reported events)."""
    quotes = quoted_spans(article.text)
    mentions: list[Mention] = []
    quoted: list[Mention] = []
    for mention in find_date_words(article.text):
        if article.is_removed(mention.start, mention.end):
            continue
        if not looks_like_date(mention, doc, published):
            continue
        inside = any(q_start <= mention.start and mention.end <= q_end for q_start, q_end in quotes)
        (quoted if inside else mentions).append(mention)
    return mentions, quoted


def _quoted_days(article: Article, quoted: list[Mention], sentences: list[Sentence], doc: Doc,
                 published: date | None) -> list[Event]:
    """Days written with their month inside quotation marks ("flew there on
    January 8"), as ``quoted`` events: no timeline entry (speech), but what
    the speaker dates, for comparing claims across sources."""
    events = []
    for mention in quoted:
        sentence = next((s for s in sentences if s.start <= mention.start and mention.end <= s.end), None)
        tokens = _tokens_of(doc, mention)
        if mention.kind != "day" or sentence is None or not tokens:
            continue
        span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        mention.date = resolve(mention, published)
        event = _event(article, mention, tokens, [], list(span) if span is not None else [], sentence)
        if event is not None:
            events.append(replace(event, quoted=True))
    return events


def _dateline_cuts(text: str, mentions: list[Mention]) -> dict[int, tuple[int, int]]:
    """Dateline date's start -> (its start, where the report's first sentence really starts).

    A dateline's date ("PORT CALDEN, March 11 (Coastline Press) -") dates the
    report, not an event: it gives no entry.
    """
    cuts = {}
    for mention in mentions:
        cut = dateline_end(text, mention)
        if cut is not None:
            cuts[mention.start] = (mention.start, cut)
    return cuts


def _after_dateline(sentence: Sentence, cuts: dict[int, tuple[int, int]], text: str) -> Sentence:
    """The sentence without a dateline it opens with: the event is told after it."""
    for start, cut in cuts.values():
        if sentence.start <= start < sentence.end:
            sentence = replace(sentence, start=max(sentence.start, cut),
                               text=text[max(sentence.start, cut):sentence.end])
    return sentence


def _tokens_of(doc: Doc, mention: Mention) -> list[Token]:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return list(span) if span is not None else []


def _resolve_all(inside: list[Mention], token_sets: list[list[Token]],
                 sentence_tokens: list[Token], published: date | None) -> None:
    """Date every mention of a sentence but "a day after X" (which needs the others)."""
    for m, tokens in zip(inside, token_sets):
        if m.kind != "day_after" and tokens:
            head = clause_head(tokens[0], sentence_tokens)
            forward = m.kind == "month" and looks_forward(m, tokens, sentence_tokens)
            ahead = head is not None and (is_future(head) or is_scheduled(head) or set_to_come(head)) \
                and not told_in_past(tokens[0], head, sentence_tokens) \
                and not dated_participle(tokens[0], sentence_tokens)
            ahead = ahead or m.kind == "weekday" and ends_ahead(m.groups.get("mod") or "", head)
            m.date = resolve(m, published, future=ahead, forward=forward,
                             nearest=head is None or tells_no_time(head))


_RANGE_TO = frozenset({"to", "until", "till", "through", "-", "–"})


def _range_ends(inside: list[Mention], text: str) -> None:
    """A day written without its year that ends a range ("from 3 February to
    31 March", "between Mar 26, 2022, and Apr 3") is the first such day on or
    after the range's start: resolved alone, it could fall before the start."""
    for start, end in zip(inside, inside[1:]):
        if start.kind != "day" or end.kind != "day" or "year" in end.groups \
                or not (start.date and end.date and len(start.date) == len(end.date) == _ISO_DAY):
            continue
        between = text[start.end:end.start].strip(" ,").lower()
        if between not in _RANGE_TO and not (between == "and" and text[:start.start].rstrip().lower().endswith("between")):
            continue
        first, last = date.fromisoformat(start.date), date.fromisoformat(end.date)
        for year in (first.year, first.year + 1):
            try:
                moved = last.replace(year=year)
            except ValueError:  # 29 February
                continue
            if moved >= first:
                end.date = moved.isoformat()
                break


def _count_from(mention: Mention, anchor: str) -> str:
    """The day "n days after/before" names, counted back from the sentence's day:
    "a day after X" dates X one day before."""
    step = number(mention.groups["n"]) * (1 if mention.groups["dir"].lower() == "before" else -1)
    return (date.fromisoformat(anchor) + timedelta(days=step)).isoformat()


def _event(article: Article, mention: Mention, tokens: list[Token], others: list[list[Token]],
           sentence_tokens: list[Token], sentence: Sentence) -> Event | None:
    described = describe(tokens, others, sentence_tokens, sentence, day=mention.kind == "day")
    if described is None or mention.date is None:
        return None
    text, start, end, bare = described
    if article.is_removed(start, end):
        return None
    evidence = Evidence(article.id, start, end, as_written=article.text[mention.start:mention.end])
    head = clause_head(tokens[0], sentence_tokens)
    done = head is not None and told_done(head)
    return Event(mention.date, bare, evidence, content_words(bare), relative=mention.kind == "day_after",
                 shown=text, apart=tells_another_event(sentence.text),
                 said=head is not None and announces(head), done=done,
                 tally=tally_day(sentence.text, evidence.as_written or "", done),
                 since=since_day(sentence.text, evidence.as_written or ""))
