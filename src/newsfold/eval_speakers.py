"""Injection benchmark, every speaker case: one fold per speaker swap, not one per story.

The per-story benchmark (:mod:`newsfold.eval_inject`) changes one quote's
speaker in one source; most stories offer few such quotes, so a handful of
cases decide the recall. Here every eligible swap of every independent,
on-topic source (each quote with a name beside it that another independent
source also quotes, with two substitute persons) is folded alone and scored
alone. ``half_of`` splits a split's stories again, so that misses read on
half A can be checked on half B.
"""
from __future__ import annotations

import hashlib
import random

from .eval_edits import Edit
from .eval_inject import Fold, StoryResult, apply_edits, detect, speaker_edits, visible_text
from .model import Article, Brief, root_of


def speaker_cases(brief: Brief, rng: random.Random, substitutes: int = 2) -> list[tuple[Article, Edit]]:
    """Every speaker edit of every independent, on-topic source, each with
    ``substitutes`` persons: one case each, to fold alone."""
    people = [e for e in brief.entities if e.type == "PERSON"]
    cases = []
    for target in (a for a in brief.sources if a.copy_of is None and not a.off_topic):
        others = [visible_text(a) for a in brief.sources if not a.off_topic and root_of(a) != root_of(target)]

        def said_by(start: int, end: int, target: Article = target) -> set[str]:
            return {e.speaker for quote in brief.quotes if any(
                e.source == target.id and e.start < end and start < e.end for e in quote.support)
                for e in quote.support if e.speaker}

        edits = speaker_edits(visible_text(target), others, people, rng, said_by, substitutes)
        cases += [(target, e) for e in edits if not target.is_removed(e.mark_start, e.mark_end)]
    return cases


def run_story_every(story: str, articles: list[Article], fold: Fold, seed: int = 0,
                    substitutes: int = 2) -> list[StoryResult]:
    """Fold the story once as it is, then once per speaker case of
    :func:`speaker_cases` with only that change; one result per case."""
    rng = random.Random(f"{seed}:{story}")
    before = fold(articles)
    results = []
    for target, edit in speaker_cases(before, rng, substitutes):
        original = next(a for a in articles if a.id == target.id)
        changed, injections = apply_edits(original, [edit])
        after = fold([changed if a.id == target.id else a for a in articles])
        result = StoryResult(story, target.id, injections, conflicts_before=len(before.conflicts),
                             conflicts_after=len(after.conflicts))
        result.found["speaker"], result.touched["speaker"] = detect(after, injections[0])
        results.append(result)
    return results


def half_of(story: str) -> str:
    """'A' or 'B': a fixed half of a split's stories, by the hash bit above the one
    :func:`split_of` reads. Read misses on A; B only checks that a fix generalises."""
    return "A" if int.from_bytes(hashlib.sha1(story.encode("utf-8")).digest(), "big") // 2 % 2 == 0 else "B"
