"""Score boilerplate removal against paragraph relevance labels (NEWSCOPE LocalNews).

Each labelled article carries ``labels.paragraphs``: the source's paragraphs,
each marked ``relevant`` 1 or 0, which joined in order equal the article's
``text`` without its newlines. This module maps every labelled paragraph back
to its character span in ``text`` and asks, for the spans ``clean`` removed:

- ``irrelevant_removed``: the share of irrelevant paragraphs removed (recall of
  boilerplate removal). Counted over *mixed* articles, those with at least one
  relevant paragraph: an article whose every paragraph is irrelevant is about
  another story, which is relevance's job, not cleaning's (scored apart as
  ``off_topic_*`` by :func:`score_off_topic`).
- ``relevant_kept``: the share of relevant paragraphs kept (not removed);
  ``relevant_chars_kept`` the share of their characters. The source's
  paragraphs often glue a headline, subheadings or a promo line to the
  reporting, so a few relevant characters are rightly removed.
- ``removed_precision``: of the removed paragraphs, the share labelled irrelevant.

A paragraph counts as removed when at least half of its non-space characters
lie in removed spans. Many irrelevant paragraphs are reporting on a side
topic, which no boilerplate rule should touch, so ``irrelevant_removed`` has a
ceiling well below 1; the score moves when a class of page part is handled.

Stories split in two halves (``dev`` and ``heldout``) by a hash of the story
id, with stories that share an article kept together, so rules are tuned on
one half and the other is scored once at the end. Pure functions;
``scripts/eval_labels.py`` reads the data and prints.
"""
from __future__ import annotations

import zlib
from collections.abc import Iterable
from dataclasses import dataclass

from .model import Article, Removed

_MAX_MISSES = 20  # characters that may differ between the paragraphs and the text
REMOVED_SHARE = 0.5


@dataclass(frozen=True)
class LabelledParagraph:
    start: int
    end: int
    relevant: bool


def split_of(record: dict) -> str:
    """``dev`` or ``heldout``: a stable half by story, stories sharing an article together."""
    stories = [record["story"], *((record.get("labels") or {}).get("also_in_story") or [])]
    return "heldout" if zlib.crc32(min(stories).encode()) % 2 else "dev"


def paragraph_spans(text: str, paragraphs: list[dict]) -> list[LabelledParagraph] | None:
    """Each labelled paragraph's span in ``text``, matched character by character.

    Newlines of ``text`` that the paragraphs lack are skipped. None when more
    than a few characters disagree (the labels do not belong to this text).
    """
    spans: list[LabelledParagraph] = []
    pos = misses = 0
    for paragraph in paragraphs:
        start = None
        for ch in paragraph.get("text") or "":
            while pos < len(text) and text[pos] == "\n" and ch != "\n":
                pos += 1
            if pos >= len(text):
                break
            if text[pos] != ch:
                misses += 1
                if misses > _MAX_MISSES:
                    return None
            start = pos if start is None else start
            pos += 1
        if start is not None:
            spans.append(LabelledParagraph(start, pos, bool(paragraph.get("relevant"))))
    return spans


@dataclass
class Tally:
    """Counts behind the scores; add articles with :meth:`add`."""

    irrelevant: int = 0
    irrelevant_removed: int = 0
    relevant: int = 0
    relevant_removed: int = 0
    relevant_chars: int = 0
    relevant_chars_removed: int = 0
    removed: int = 0
    removed_irrelevant: int = 0
    articles: int = 0

    def add(self, text: str, spans: list[LabelledParagraph], removed: Iterable[Removed]) -> None:
        mask = bytearray(len(text))
        for span in removed:
            mask[span.start:span.end] = b"\1" * (span.end - span.start)
        mixed = any(p.relevant for p in spans)
        self.articles += 1
        for paragraph in spans:
            solid = [i for i in range(paragraph.start, paragraph.end) if not text[i].isspace()]
            gone = sum(mask[i] for i in solid)
            is_removed = bool(solid) and gone >= REMOVED_SHARE * len(solid)
            if paragraph.relevant:
                self.relevant += 1
                self.relevant_removed += is_removed
                self.relevant_chars += len(solid)
                self.relevant_chars_removed += gone
            elif mixed:
                self.irrelevant += 1
                self.irrelevant_removed += is_removed
            if is_removed and mixed:
                self.removed += 1
                self.removed_irrelevant += not paragraph.relevant

    def scores(self) -> dict[str, float]:
        return {
            "articles": float(self.articles),
            "irrelevant_paragraphs": float(self.irrelevant),
            "irrelevant_removed": _share(self.irrelevant_removed, self.irrelevant),
            "relevant_kept": 1.0 - _share(self.relevant_removed, self.relevant),
            "relevant_chars_kept": 1.0 - _share(self.relevant_chars_removed, self.relevant_chars),
            "removed_precision": _share(self.removed_irrelevant, self.removed, empty=1.0),
        }


def score_cleaning(records: Iterable[dict], clean) -> dict[str, float]:
    """Scores of ``clean`` (Article -> cleaned Article) over the labelled records."""
    tally = Tally()
    for record in records:
        paragraphs = (record.get("labels") or {}).get("paragraphs")
        if not paragraphs:
            continue
        article = article_of(record)
        spans = paragraph_spans(article.text, paragraphs)
        if spans is None:
            continue
        tally.add(article.text, spans, clean(article).removed)
    return tally.scores()


def off_topic_truth(records: Iterable[dict]) -> dict[str, bool]:
    """Article id -> True when every labelled paragraph is irrelevant (about another story)."""
    truth: dict[str, bool] = {}
    for record in records:
        paragraphs = (record.get("labels") or {}).get("paragraphs")
        if paragraphs:
            truth[record["id"]] = not any(p.get("relevant") for p in paragraphs)
    return truth


def score_off_topic(truth: dict[str, bool], flagged: set[str]) -> dict[str, float]:
    """Recall and false alarms of off-topic flags against labelled articles."""
    positives = [a for a, off in truth.items() if off]
    negatives = [a for a, off in truth.items() if not off]
    return {
        "off_topic_articles": float(len(positives)),
        "off_topic_recall": _share(sum(a in flagged for a in positives), len(positives), empty=1.0),
        "on_topic_flagged": _share(sum(a in flagged for a in negatives), len(negatives), empty=0.0),
    }


def article_of(record: dict) -> Article:
    return Article(id=record["id"], text=record.get("text") or "", title=record.get("title"),
                   outlet=record.get("outlet"), url=record.get("url"), published=record.get("published"))


def _share(part: float, whole: float, *, empty: float = 0.0) -> float:
    return part / whole if whole else empty
