"""A plain extractive summary of about N words, built from a brief's top facts.

Facts are already ordered by importance (independent support, then
centrality). We take their representative wordings in that order, skip any
that mostly repeats what is already chosen (word overlap), and stop at the
word budget. The result is comparable to classic multi-document extractive
summarizers (LexRank and friends): every sentence is a source sentence.
"""
from __future__ import annotations

import re

from .model import Brief, Fact
from .nlp.lexicon import COMMON_STOPWORDS

_WORD = re.compile(r"\w+", re.UNICODE)
_REDUNDANT = 0.5  # share of a candidate's content words already covered
# Shorter than the list facts compare wordings with: summaries were tuned with
# this one, and the fuller list changes about a quarter of them.
_STOPWORDS = COMMON_STOPWORDS | {"may", "might"}


def summarize(brief: Brief, words: int = 100) -> str:
    """Up to ``words`` words of the brief's most important, non-repeating facts."""
    return summarize_facts(brief.facts, words)


def summarize_facts(facts: list[Fact], words: int = 100) -> str:
    """Up to ``words`` words of the most important, non-repeating of ``facts``
    (ordered by importance, as ``pipeline.fold_facts`` returns them)."""
    if words < 1:
        raise ValueError("words must be at least 1")
    chosen: list[str] = []
    covered: set[str] = set()
    used = 0
    for fact in facts:
        sentence = " ".join(fact.text.split())
        content = _content_words(sentence)
        if not content or len(content & covered) / len(content) >= _REDUNDANT:
            continue
        length = len(sentence.split())
        if used + length > words:
            if not chosen:  # the top fact alone is too long: cut it at the budget
                return " ".join(sentence.split()[:words])
            continue  # a shorter, less important fact may still fit
        chosen.append(sentence)
        covered |= content
        used += length
    return " ".join(chosen)


def _content_words(text: str) -> set[str]:
    return {w for w in (m.lower() for m in _WORD.findall(text)) if w not in _STOPWORDS}
