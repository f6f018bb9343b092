"""What a figure's sentence tells around it, for the aligned comparison:
the claim it stands in, the time that sentence is of, the words next to it,
and, in a list, the item it belongs to.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from typing import TYPE_CHECKING

from ...context import StoryContext
from ...nlp.lexicon import STOPWORDS
from .describe import content_lemmas, earlier_words
from .kinds import STEM
from .quantity import Quantity

if TYPE_CHECKING:
    from spacy.tokens import Doc

_NEAR_WORDS = 5  # words each side of a figure
_CLAIM_REACH = 200  # characters of a run-on sentence kept either side of its figures
_LABEL_WORDS = 4  # words before a bracketed figure that name its item
_WORD = re.compile(r"[^\W\d_]{3,}")
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_TIME_REACH = 80  # characters either side of a figure that date it
_REPORTS_APART = 3  # days between two reports whose same words ("weeks ago") date one time
_LONG_AGO = re.compile(r"\b(?:last|previous|prior|earlier this) (?:year|month|decade)|"
                       r"\b(?:years|months|decades) (?:ago|earlier|before)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Claim:
    """One sentence of one source and the candidate figures it states."""

    source: str
    root: str
    span: tuple[int, int]
    text: str
    lemmas: frozenset[str]
    quantities: tuple[Quantity, ...]
    earlier: bool = False  # dated to an earlier time: "last week", a year before publication
    past: bool = False  # told in the simple past ("were each given 21 months' jail")
    published: str = ""  # its source's day of publication (YYYY-MM-DD), if known


def claims_of(ctx: StoryContext, figures: list[Quantity]) -> list[Claim]:
    """The sentences (or runs of a run-on sentence: ``claim_runs``) that state ``figures``."""
    roots = ctx.roots()
    by_sentence: dict[tuple[str, tuple[int, int]], list[Quantity]] = defaultdict(list)
    for q in figures:
        if q.sentence_span is not None:
            by_sentence[(q.source, q.sentence_span)].append(q)
    claims = []
    for (source, sentence), qs in ((key, run) for key, told in by_sentence.items() for run in claim_runs(told)):
        span = claim_span(ctx.article(source).text, sentence, qs)
        text = ctx.article(source).text[span[0]:span[1]]
        words = ctx.docs[source].char_span(*span, alignment_mode="contract") if span != sentence else None
        lemmas = content_lemmas(words) if words is not None else frozenset().union(*(q.context for q in qs))
        published = ctx.article(source).published or ""
        earlier = any(q.background for q in qs) or any(year < published[:4] for year in YEAR.findall(text))
        claims.append(Claim(source, roots.get(source, source), span, text, lemmas, tuple(qs), earlier,
                            told_in_past(ctx.docs[source], span), published[:10] if len(published) >= 10 else ""))
    return claims


def claim_runs(qs: list[Quantity]) -> list[list[Quantity]]:
    """A sentence's figures in runs, a figure more than ``_CLAIM_REACH``
    characters after the one before it starting the next (a run-on sentence
    tells several claims)."""
    runs: list[list[Quantity]] = []
    for q in sorted(qs, key=lambda q: q.start):
        if runs and q.start - runs[-1][-1].end <= _CLAIM_REACH:
            runs[-1].append(q)
        else:
            runs.append([q])
    return runs


def claim_span(text: str, sentence: tuple[int, int], qs: list[Quantity]) -> tuple[int, int]:
    """The part of a sentence that tells its figures: all of it, or in a
    run-on (captions and headlines glued without a stop) the words within
    ``_CLAIM_REACH`` characters of them, so the rest of the run does not
    dilute its likeness to another source's sentence."""
    start = max(sentence[0], min(q.start for q in qs) - _CLAIM_REACH)
    end = min(sentence[1], max(q.end for q in qs) + _CLAIM_REACH)
    if start > sentence[0]:
        start = next((i + 1 for i in range(start, min(q.start for q in qs)) if text[i].isspace()), start)
    if end < sentence[1]:
        end = next((i for i in range(end, max(q.end for q in qs), -1) if text[i].isspace()), end)
    return start, end


def bracket_label(text: str, q: Quantity) -> frozenset[str]:
    """The item a bracketed figure belongs to: word stems before the bracket,
    back to the list's last separator ("..., Hangover ($37), ..." -> hango);
    empty for a figure not in brackets."""
    start = q.sentence_span[0] if q.sentence_span else 0
    before = text[start:q.start].rstrip()
    if not before.endswith("("):
        return frozenset()
    item = re.split(r"[,;:.()]", before[:-1])[-1]
    return frozenset(w.lower()[:STEM] for w in _WORD.findall(item)[-_LABEL_WORDS:] if w.lower() not in STOPWORDS)


def after_a_name(ctx: StoryContext, q: Quantity) -> bool:
    """The word before the figure is capitalised inside its sentence ("a System 7 entry")."""
    start = q.sentence_span[0] if q.sentence_span else 0
    words = ctx.article(q.source).text[start:q.start].split()
    return len(words) >= 2 and words[-1][:1].isupper()




def near_words(ctx: StoryContext, q: Quantity) -> frozenset[str]:
    """Word stems next to a figure in its sentence (``_NEAR_WORDS`` each side)."""
    text = ctx.article(q.source).text
    start, end = q.sentence_span or (q.start, q.end)
    before = _WORD.findall(text[start:q.start])[-_NEAR_WORDS:]
    after = _WORD.findall(text[q.end:end])[:_NEAR_WORDS]
    return frozenset(w.lower()[:STEM] for w in before + after if w.lower() not in STOPWORDS)


def same_time(a: Claim, b: Claim) -> bool:
    """Sentences that name different years are about different times; a
    sentence dated to an earlier time ("in 2021", "earlier this month", "in
    October 2023" in a 2025 report) is compared only with one naming the same
    year (an earlier event, told without a year, may be another one), or
    with one dated earlier by the same words in a report of a day or two
    apart ("announced last week" in both: the same week)."""
    years_a, years_b = set(YEAR.findall(a.text)), set(YEAR.findall(b.text))
    if a.earlier or b.earlier:
        return bool(years_a & years_b) or _dated_alike(a, b)
    return not (years_a and years_b) or bool(years_a & years_b)


def _dated_alike(a: Claim, b: Claim) -> bool:
    """Both dated earlier by the same words ("weeks ago") in reports at most
    ``_REPORTS_APART`` days apart: "two weeks ago" written on a Friday and on
    the Sunday after dates one sale."""
    if not (a.earlier and b.earlier and a.published and b.published):
        return False
    try:
        apart = abs((date.fromisoformat(a.published) - date.fromisoformat(b.published)).days)
    except ValueError:
        return False
    return apart <= _REPORTS_APART and bool(earlier_words(a.text) & earlier_words(b.text))


def told_in_past(doc: Doc, span: tuple[int, int]) -> bool:
    """The sentence's main verb is in the simple past ("was jailed", "fined"),
    not the present or a perfect ("has risen": a state up to now)."""
    tokens = doc.char_span(span[0], span[1], alignment_mode="expand")
    roots = [t for t in tokens or () if t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX")]
    return bool(roots) and all(
        t.tag_ == "VBD" or t.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in t.children)
        for t in roots)


def past_event(lone: Claim, placed: Claim) -> bool:
    """A lone value told in the simple past with no year (``lone``) beside a
    consensus value dated earlier (``placed``: "jailed for 14 months on
    April 4, 2024"): one past event, the date left out. A lone value in the
    present or perfect ("has risen to 200") may be a later state."""
    return lone.past and not lone.earlier and placed.earlier and not YEAR.search(lone.text)


def slot_time(lone: Claim, figure: Quantity, placed: Claim) -> bool:
    """A lone value may stand in a consensus value's place (``Backing.slot``)
    at one time (``same_time``), or when only the lone value's sentence is
    dated earlier, by days or weeks and with no year near the figure
    (``_TIME_REACH``; "bought two weeks ago for ..."): the story's own event
    told late. A consensus told as of an
    earlier time ("in 2023 it listed 185 firms") may have changed since; a
    lone value of months or years ago ("last year, 97% claimed") is another
    event's."""
    if same_time(lone, placed):
        return True
    start = figure.start - lone.span[0]
    near = lone.text[max(0, start - _TIME_REACH):figure.end - lone.span[0] + _TIME_REACH]
    return not placed.earlier and not YEAR.search(near) and not _LONG_AGO.search(near)
