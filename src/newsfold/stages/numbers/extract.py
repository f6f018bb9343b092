"""Quantities of one article: each number read with what it counts.

How a quantity is read, in order:

1. the number itself (``reading``): digits, words, vague words, a scale word
   and unit around it, a range, the qualifier before it;
2. skipped (``not_counts``): dates, times, numbers inside names, bare
   four-digit years unless they count a plural noun, "one" used as a pronoun;
   also anything spaCy tags as a name (ORG, GPE, PERSON...). A duration ("two
   decades", "15 years") is kept as one (``Quantity.duration``): it counts no
   event and has no key, and only aligned claims compare it; one that is a
   whole penalty's length ("jailed for six years") is a ``Quantity.term``
   (``describe.is_term``), compared even in words;
3. the counted noun and its class (``counted``);
4. the event it is a count of (``events``), or the toll a bare number stands in;
5. what tells it from other counts of the same thing (``describe``), and
   coordinated parts of a total (``parts``).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...model import Article, Sentence
from ...nlp.lexicon import HONORIFICS, SCALE_WORDS, WEEKDAYS
from ...nlp.text import plain
from .compare import half_unit
from .counted import counted_noun, is_demonym, referent
from .describe import PARTITION, dated_earlier, describe, is_term
from .events import bare_toll, event_of
from .inflection import measure_noun, singular, speed_noun
from .items import mark_items
from .not_counts import is_date, is_identifier, is_score, looks_like_year
from .parts import mark_parts
from .quantity import Quantity
from .reading import (
    CURRENCY_DIGITS,
    DIGIT_RANGE,
    PERCENT_WORDS,
    read_number,
    read_qualifier,
    read_range_end,
    short_scale,
)
from .vocabulary import EVENTS, TOLLS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_SKIP_ENTS = {"ORG", "PRODUCT", "WORK_OF_ART", "LAW", "FAC", "GPE", "PERSON", "LOC", "LANGUAGE"}
_CURRENCY_SYMBOLS = {"€", "$", "£", "¥", "₹", "₽", "us$", "c$", "a$"}
# currency words that name one currency only ("pounds" may weigh)
_CURRENCY_WORDS = {"euro": "€", "euros": "€", "dollar": "$", "dollars": "$", "yen": "¥"}
# "rose to at least six Friday": a day is not what is counted.
_DAY_WORDS = frozenset(WEEKDAYS) | {"today", "yesterday", "tonight"}
_TIME_UNITS = {"second", "minute", "hour", "day", "night", "week", "weekend", "month", "year",
               "decade", "century", "millennium"}
# Verbs of a force's standing strength: "Ruritania has 850 soldiers at a base".
_PRESENCE_VERBS = {"have", "remain", "station", "base", "consist", "number", "keep", "maintain"}
# Words that count a span of time up to the time of writing.
_SO_FAR = re.compile(r"\b(?:by now|so far|as of (?:this )?writing|at the time of writing|as of press time|to date)\b",
                     re.IGNORECASE)
# Between a figure and its conversion: its unit, then an opening bracket ("metres (").
_CONVERTED = re.compile(r"\s*(?:[^\W\d_]+\.?\s*){0,2}\(\s*")
# ... and after the conversion, its unit and the closing bracket ("27km)").
_CLOSED = re.compile(r"\s*(?:[^\W\d_]+\.?\s*){0,2}\)")
# A full name set off by a comma right before a number: "Mr Ana Ruiz, 28,".
_AGE_AFTER_NAME = re.compile(r"(?<![\w'’-])(?P<name>(?:[A-Z][\w'’-]*[ \t]+){1,4}[A-Z][\w'’-]*),[ \t](?:aged[ \t])?\Z")
# Words a number takes its article with: "a dozen", "a hundred".
_TAKES_ARTICLE = ("dozen", "hundred", "thousand", "million", "billion")


@dataclass
class _Written:
    """A number with what is written around it, as token indices."""

    value: float
    first: int  # first token: the qualifier, the "a" of "a dozen", a currency sign
    last: int  # the number's own last token
    end: int  # the last token with its unit or a range's high end
    decimals: int
    vague: bool
    as_words: bool
    unit: str | None = None
    low: float | None = None
    high: float | None = None
    qualifier: str = "exactly"


def extract_quantities(article: Article, sentences: list[Sentence] | dict[str, list[Sentence]],
                       doc: Doc) -> list[Quantity]:
    """Quantities of one article, outside its removed spans (see the module
    docstring for the method).

    ``sentences`` is this article's ``list[Sentence]`` (or the whole
    ``dict[source_id, list[Sentence]]``); ``doc`` is its spaCy Doc.
    """
    if isinstance(sentences, dict):
        sentences = sentences.get(article.id, [])
    ordered = sorted(sentences or [], key=lambda s: s.start)
    starts = [s.start for s in ordered]
    found: list[Quantity] = []
    i = 0
    while i < len(doc):
        read = _read_quantity(article, doc, i)
        if read is None:
            i += 1
            continue
        quantity, last = read
        if not article.is_removed(quantity.start, quantity.end) \
                and _place(article, doc, doc[i], quantity, ordered, starts):
            found.append(quantity)
        i = last + 1
    _conversions_bound(article.text, found)
    mark_parts(article, found)
    mark_items(doc, found)
    return found


def _conversions_bound(text: str, found: list[Quantity]) -> None:
    """A figure in brackets right after another ("less than 10 metres (33
    feet)", "about S$5,000 (US$3,700)") is the same amount converted: it
    takes the bound or the "about" its first writing has. It is marked
    ``converted``, and is only as precise as the figure it converts: "17
    miles" is 16.5 to 17.5 miles, so "(27km)" and "(28km)" both convert it
    (the conversion's ``precision`` takes that share of its value); "RM10,000
    (S$3,030)" and "(S$3,038)" are two rates."""
    for first, second in zip(found, found[1:]):
        if _CONVERTED.fullmatch(text[first.end:second.start]) and _CLOSED.match(text, second.end):
            second.converted = True
            if second.qualifier == "exactly" and first.qualifier != "exactly":
                second.qualifier = first.qualifier
            if first.value > 0 and first.low is None and second.low is None:
                second.precision = max(second.precision,
                                       second.value * half_unit(first) / first.value + half_unit(second))


def _place(article: Article, doc: Doc, token: Token, quantity: Quantity,
           sentences: list[Sentence], starts: list[int]) -> bool:
    """Set the quantity's sentence and what its sentence says of it; False
    when it lies outside every sentence (a title, caption or other removed text)."""
    sentence = _containing(sentences, starts, quantity.start)
    if sentence is not None:
        quantity.sentence = sentence.index
        quantity.sentence_span = (sentence.start, sentence.end)
    elif sentences:
        return False
    else:
        quantity.sentence = -1
        quantity.sentence_span = (token.sent.start_char, token.sent.end_char)
    start, end = quantity.sentence_span
    said = article.text[start:end]
    quantity.background = dated_earlier(doc, said, start)
    if PARTITION.search(said):
        quantity.subset = True  # "two ... and the other two ...": every count here is a part
    return True


def _containing(sentences: list[Sentence], starts: list[int], offset: int) -> Sentence | None:
    at = bisect.bisect_right(starts, offset) - 1
    if at >= 0 and sentences[at].start <= offset < sentences[at].end:
        return sentences[at]
    return None


def _head_noun(text: str, head_token: Token | None) -> str | None:
    """What the count counts, by one name (``measure_noun``; a speed, ``speed_noun``)."""
    if head_token is None:
        return None
    end = head_token.idx + len(head_token.text)
    return speed_noun(measure_noun(head_token.text), text[end:end + 40])


def _read_quantity(article: Article, doc: Doc, i: int) -> tuple[Quantity, int] | None:
    """The quantity starting at token ``i``, and its last token index; or None."""
    if doc[i].ent_type_ in _SKIP_ENTS and not CURRENCY_DIGITS.match(doc[i].text) and not _tagged_count(doc, i):
        return None  # a name; but "S$450" is an amount whatever the tagger says
    written = _read_written(doc, i)
    if written is None:
        return None
    counted, head_token = counted_noun(doc, written.last, written.end, written.unit)
    if head_token is not None and (head_token.lower_ in _DAY_WORDS or written.unit not in (None, "%")
                                   and singular(head_token.text) in _TIME_UNITS):
        counted, head_token = None, None  # "S$4,500 or 18 days' jail": an amount is never a span of time
    if _not_a_count(doc, i, written, head_token):
        return None
    duration = head_token is not None and singular(head_token.text) in _TIME_UNITS
    start = doc[written.first].idx
    last_text = doc[written.end].text
    if short_scale(last_text) is not None:
        last_text = last_text.rstrip(".")  # "S$3.2m." ending a sentence: the full stop is the sentence's
    end = doc[written.end].idx + len(last_text)
    quantity = Quantity(
        source=article.id, start=start, end=end, value=written.value,
        qualifier=written.qualifier, low=written.low, high=written.high, unit=written.unit,
        counted=counted, head=_head_noun(article.text, head_token),
        text=article.text[start:end], vague=written.vague,
        precision=0.5 * 10 ** (-written.decimals) if written.decimals else 0.0, duration=duration,
    )
    if duration:  # "15 years", "30 days": a span of time, compared only between aligned claims
        describe(doc, quantity, written.first, written.last, written.end, head_token)
        quantity.term = is_term(article.text, quantity)
        quantity.vague = _running(doc, written.first)  # a clock still running when written: never compared
        return quantity, written.end
    _classify(doc, quantity, i, written.last, head_token)
    describe(doc, quantity, written.first, written.last, written.end, head_token)
    if head_token is None and written.unit is None and not written.vague:
        _read_age(article.text, quantity)
    if quantity.event is None and quantity.referent in ("military", "police") \
            and quantity.verb in _PRESENCE_VERBS:
        quantity.event = "present"
    return quantity, written.end


def _running(doc: Doc, first: int) -> bool:
    """A span of time counted up to the time of writing ("trapped for 50 hours
    by now", "have been searching for more than 85 hours"): each report gives
    the count of its own hour, so two reports' values differ without
    disagreeing. A present perfect after "for", or a "so far" word in the
    sentence."""
    before = doc[first - 1] if first else None
    if before is not None and before.lower_ == "for" and before.head.pos_ in ("VERB", "AUX") and any(
            c.dep_ == "aux" and c.lower_ in ("has", "have", "'s", "'ve", "’s", "’ve") for c in before.head.children):
        return True
    return bool(_SO_FAR.search(doc[first].sent.text))


def _read_age(text: str, quantity: Quantity) -> None:
    """'Mr Ana Ruiz, 28, of …': the age of the person named just before, set
    off by commas; a source giving that person another age disagrees."""
    match = _AGE_AFTER_NAME.search(text, max(0, quantity.start - 60), quantity.start)
    if match is None or text[quantity.end:quantity.end + 1] != "," or quantity.value >= 120:
        return
    words = [w for w in plain(match.group("name")).split() if w not in HONORIFICS]
    if len(words) >= 2 and not set(words) & {"in", "on", "at", "the", "of", "and", "by", "for"}:
        quantity.event, quantity.referent = "age", "age of " + " ".join(words)


def _tagged_count(doc: Doc, i: int) -> bool:
    """A number the entity tagger took for a name all by itself, that counts
    the common noun after it ("and 104 summonses were issued" tagged an
    organisation): a count. A number inside a longer name ("Boeing 737
    jets") stays a name."""
    token = doc[i]
    alone = token.ent_iob_ == "B" and (i + 1 == len(doc) or doc[i + 1].ent_iob_ != "I")
    after_a_name = i > 0 and doc[i - 1].text[:1].isupper() and not doc[i - 1].is_sent_start
    return alone and not after_a_name and token.like_num and token.dep_ == "nummod" and token.head.pos_ == "NOUN" and token.head.i > i


def _read_written(doc: Doc, i: int) -> _Written | None:
    """The number at token ``i`` with its article, unit, range and qualifier;
    None when there is none or it names rather than counts."""
    number = read_number(doc, i)
    if number is None:
        return None
    first = i
    if number.as_words and first > 0 and doc[first - 1].lower_ in ("a", "an") \
            and doc[first].lower_ in _TAKES_ARTICLE:
        first -= 1  # "a dozen": the article belongs to the number
    if is_identifier(doc, first, number.last) or is_date(doc, i, number.last) or is_score(doc, number.last):
        return None
    written = _Written(number.value, first, number.last, number.last, number.decimals,
                       number.vague, number.as_words, number.unit)
    _read_unit(doc, written)
    _read_half(doc, written)
    _read_range(doc, written)
    if written.low is None:
        written.qualifier, written.first = read_qualifier(doc, written.first)
    if written.vague:
        written.qualifier = "at_least"
    elif written.qualifier == "exactly" and written.as_words and doc[i].lower_ == "dozen":
        written.qualifier = "about"
    return written


def _read_unit(doc: Doc, written: _Written) -> None:
    """A currency sign before the number ("€2.3 million"), or its word after it
    ("2.3 million euros": the sign it stands for), a percent after it."""
    if written.first > 0 and doc[written.first - 1].lower_ in _CURRENCY_SYMBOLS:
        written.first -= 1
        written.unit = doc[written.first].text
    nxt = written.last + 1
    if written.unit is None and nxt < len(doc) and doc[nxt].lower_ in _CURRENCY_WORDS:
        written.unit, written.end = _CURRENCY_WORDS[doc[nxt].lower_], nxt
    elif nxt < len(doc) and doc[nxt].lower_ in PERCENT_WORDS:
        written.unit, written.end = "%", nxt
    elif nxt + 1 < len(doc) and doc[nxt].lower_ == "per" and doc[nxt + 1].lower_ == "cent":
        written.unit, written.end = "%", nxt + 1


def _read_half(doc: Doc, written: _Written) -> None:
    """"and a half" after the number is its half: "six and a half years",
    "a two-and-a-half-year term" (hyphens are tokens of their own)."""
    if written.vague or written.end != written.last:
        return
    after = [t for t in doc[written.last + 1:written.last + 8] if t.text != "-"]
    if [t.lower_ for t in after[:3]] == ["and", "a", "half"]:
        written.value += 0.5
        written.end = after[2].i
        written.decimals = max(written.decimals, 1)
        scale = doc[written.end + 1].lower_ if written.end + 1 < len(doc) else ""
        if scale in SCALE_WORDS and scale != "hundred":  # "two and a half million"
            written.value *= SCALE_WORDS[scale]
            written.end += 1
            written.decimals = 0


def _read_range(doc: Doc, written: _Written) -> None:
    """Both ends of "50-60", "10 to 12", "between 10 and 20"; no midpoint."""
    range_end = read_range_end(doc, written.end, written.value, written.unit)
    if range_end is not None:
        written.low = written.value
        written.high, written.end = range_end
        if written.first > 0 and doc[written.first - 1].lower_ == "between":
            written.first -= 1
        return
    number_text = doc[written.last].text
    if "-" in number_text or "–" in number_text:
        match = DIGIT_RANGE.match(number_text)
        if match:
            written.low = written.value
            written.high = float(match.group(2).replace(",", ""))


def _not_a_count(doc: Doc, i: int, written: _Written, head_token: Token | None) -> bool:
    """"one of those places" (a pronoun), a bare year (an amount, "$1000" or
    "1500%", is never a year)."""
    if written.as_words and doc[written.last].lower_ == "one" and doc[written.last].dep_ != "nummod":
        return True
    return written.unit is None and looks_like_year(doc[i].text, written.value, head_token)


def _classify(doc: Doc, quantity: Quantity, number_index: int, last: int, head_token: Token | None) -> None:
    """The class of what is counted and the event it is a count of."""
    if head_token is not None:
        quantity.demonym = is_demonym(head_token)
        quantity.referent = referent(head_token, quantity.head or "", quantity.demonym)
        quantity.event = event_of(head_token, number_index, quantity.people)
        if quantity.head in EVENTS and EVENTS[quantity.head] in TOLLS:
            # "two fatalities", "six deaths", "120 wounded": the noun is the toll itself
            quantity.event, quantity.referent = EVENTS[quantity.head], "civilians"
        elif quantity.head == "other" and quantity.event in TOLLS:
            quantity.referent = "civilians"  # "100 others wounded"
    elif quantity.unit is None:
        toll = bare_toll(doc[last])
        if toll is not None:
            # "killing six and wounding 120", "the death toll rose to six"
            quantity.event, quantity.referent = toll, "civilians"
