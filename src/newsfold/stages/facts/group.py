"""group_facts: the facts stage, units -> pair scores -> clusters -> facts."""
from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from ...context import StoryContext
from ...errors import NewsfoldError
from ...model import Fact, Sentence
from ...nlp.lexicon import CAPTION_PARTICIPLES
from .claim_text import claim_text
from .clusters import cluster, with_shared_units
from .features import identifiers
from .scores import identifier_clash, pair_scores, without_topic
from .units import Unit, clause_units
from .wording import importance, story_centroid, to_fact

if TYPE_CHECKING:  # typing only: spaCy is loaded by the pipeline, not here
    from ...nlp.embed import Embedder
    from spacy.tokens import Doc


def group_facts(ctx: StoryContext) -> list[Fact]:
    """Claim groups across the on-topic sources, ordered by importance.

    Reads ``ctx.on_topic()`` (their ``copy_of``), ``ctx.sentences``,
    ``ctx.embedder`` and ``ctx.docs``: with a source's parse, long sentences
    are cut at their clauses, so a sentence that carries two facts supports
    both; without one, at punctuation and connectors only. A photo caption
    or a heading the cleaner left in (``is_caption``, ``headings_left_out``)
    is no fact. Returns the facts,
    most important first, with ``id=""``: the pipeline numbers them.
    """
    grouping = group_units(ctx)
    if grouping is None:
        return []
    on_topic = ctx.on_topic()
    units, vectors, scores = grouping.units, grouping.vectors, grouping.scores
    story = story_centroid(units, vectors, ctx.roots())
    facts = [
        to_fact(group, units, scores, vectors, story, on_topic, own)
        for group, own in zip(grouping.groups, grouping.borrowed)
    ]
    facts.sort(key=lambda fact: importance(fact, on_topic))
    return facts


class Grouping(NamedTuple):
    """What the grouping decided and on what: the units, their vectors, the
    pair scores, and the groups (unit indices) with the units each borrowed.
    ``scripts/audit_grouping.py`` prints it for the facts an annotation expects."""

    units: list[Unit]
    vectors: np.ndarray
    scores: np.ndarray
    groups: list[list[int]]
    borrowed: list[set[int]]


def group_units(ctx: StoryContext) -> Grouping | None:
    """The units of the on-topic sources grouped (None when there are none)."""
    units = [
        u for a in ctx.on_topic() for s in headings_left_out(ctx.sentences.get(a.id, []))
        if not is_caption(s, ctx.docs.get(a.id)) for u in clause_units(s, ctx.docs.get(a.id))
    ]
    if not units:
        return None
    if ctx.embedder is None:
        raise NewsfoldError("group_facts needs the story's embedder (ctx.embedder)")
    # The embedder is called once for all units.
    vectors = _claim_vectors(ctx.embedder, units)
    clash = identifier_clash([identifiers(u.text) for u in units])
    scores = pair_scores(units, without_topic(vectors), clash)
    roots = ctx.roots()
    unit_roots = [roots[u.source] for u in units]
    groups, borrowed = with_shared_units(cluster(units, scores, clash), units, scores, unit_roots, clash)
    return Grouping(units, vectors, scores, groups, borrowed)


def _claim_vectors(embedder: Embedder, units: list[Unit]) -> np.ndarray:
    """Each unit's vector: the mean of its sentence's and its claim's (the
    reporting clause left out, :mod:`.claim_text`), so a claim attributed in
    one source and not in another still meets it, and who spoke still counts
    a little. The embedder is called once, for the units and the claims that differ."""
    texts = [u.text for u in units]
    claims = [claim_text(t) for t in texts]
    changed = [i for i, (t, c) in enumerate(zip(texts, claims)) if c != t]
    embedded = np.asarray(embedder.embed(texts + [claims[i] for i in changed]), dtype=np.float32)
    vectors = embedded[:len(texts)].copy()
    for k, i in enumerate(changed):
        mixed = vectors[i] + embedded[len(texts) + k]
        vectors[i] = mixed / max(float(np.linalg.norm(mixed)), 1e-9)
    return vectors


# A heading is a short line of its own with no closing mark: a subheading
# ("Similar bills were passed in the past"), a field ("Visiting Hours: 9am-5pm
# daily"), a related headline or a step ("Step 2: Online Sign-up").
_HEADING_WORDS = 12
_CLOSED = re.compile(r"[.!?;,\"\u201d\u2019')\]]\s*$")


def headings_left_out(sentences: list[Sentence]) -> list[Sentence]:
    """The sentences of one source less its headings: a sentence that is a
    paragraph of its own, of ``_HEADING_WORDS`` words or fewer, not closed by
    a full stop, a question or exclamation mark, a quotation mark, a bracket,
    or the semicolon or comma of a list item ("Do not overload sockets;"). Reports write their claims as sentences; a line like that
    introduces or labels them and states nothing a brief should count."""
    per_paragraph = Counter(s.paragraph for s in sentences)
    return [s for s in sentences if not (
        per_paragraph[s.paragraph] == 1 and len(s.text.split()) <= _HEADING_WORDS and not _CLOSED.search(s.text))]


_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def is_caption(sentence: Sentence, doc: Doc | None) -> bool:
    """A photo caption the cleaner left in: a noun phrase with no verb of its
    own, closed by a caption participle ("The wrecked shelter on Harbor Road,
    photographed on Tuesday."). Never a fact. Needs the parse; without one,
    nothing is a caption."""
    head, comma, tail = sentence.text.rstrip().rpartition(",")
    words = tail.split()
    if doc is None or not comma or not head.strip() or not words or words[0].lower() not in CAPTION_PARTICIPLES:
        return False
    span = doc.char_span(sentence.start, sentence.start + len(head), alignment_mode="expand")
    if span is None:
        return False
    return not any(
        token.tag_ in _FINITE_TAGS and not any(t.dep_ == "relcl" for t in (token, *token.ancestors))
        for token in span
    )
