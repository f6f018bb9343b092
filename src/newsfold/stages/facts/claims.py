"""What a unit claims, without the frame that reports it.

Sources frame one claim in many ways: "firefighters from three stations
responded", "the SCDF said in a Facebook post on the same day that
firefighters from three stations responded", "…, according to the agency".
The frame (who reported it, where and when) is no part of the claim, but it
dilutes the sentence embedding, so two sources that report the same claim
through different frames look further apart than they are. The pair cosine
compares the claims: a unit's text less its reporting frame.

With the source's parse only (without one, the claim is the whole unit):
when the unit's main verb is a neutral reporting verb ("X said [that]
CLAIM", "“CLAIM,” X told reporters"; never a denial or a conclusion) with
its reported clause in the unit, the verb, its subject and its own
modifiers (where, when, to whom) are set aside; so are "according to X" and
"citing X" phrases. A claim of fewer than ``_MIN_CLAIM_WORDS`` words falls
back to the whole unit.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ...nlp.lexicon import NEUTRAL_REPORTING_VERBS
from .units import Unit

if TYPE_CHECKING:  # typing only: spaCy is loaded by the pipeline, not here
    from spacy.tokens import Doc, Span, Token

# What a reporting verb's frame holds besides the verb: who reports, to whom,
# where and when ("said in a statement on Tuesday", "told reporters").
_FRAME_DEPS = frozenset({"nsubj", "nsubjpass", "aux", "auxpass", "advmod", "prep", "npadvmod", "dobj",
                         "dative", "punct", "cc", "agent"})
_ATTRIBUTION_WORDS = frozenset({"according", "citing", "quoting"})
_MIN_CLAIM_WORDS = 4


def claim_text(unit: Unit, doc: Doc | None) -> str:
    """The unit's claim: its text less the reporting frame (see the module)."""
    if doc is None:
        return unit.text
    span = doc.char_span(unit.start, unit.end, alignment_mode="expand")
    if span is None:
        return unit.text
    inside = range(span.start, span.end)
    keep = set(inside)
    verb = _reporting_verb(span)
    if verb is not None:
        keep.discard(verb.i)
        for child in verb.children:
            if child.dep_ in _FRAME_DEPS:
                keep -= {t.i for t in child.subtree}
    for token in span:
        if token.lower_ in _ATTRIBUTION_WORDS and token.i in keep:
            keep -= {t.i for t in token.subtree}
    if len(keep) == len(inside):
        return unit.text  # no frame: the same text, so the embedder's cache serves it
    tokens = [doc[i] for i in sorted(keep)]
    # Left at the edges of a claim cut from its frame: "that", marks.
    while tokens and (tokens[0].is_punct or tokens[0].lower_ == "that"):
        tokens.pop(0)
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    if sum(not t.is_punct for t in tokens) < _MIN_CLAIM_WORDS:
        return unit.text
    return "".join(t.text_with_ws for t in tokens).strip()


def _reporting_verb(span: Span) -> Token | None:
    """The span's main verb when it is a neutral reporting verb, not negated,
    whose reported clause (its ``ccomp``) lies in the span; else None."""
    tops = [t for t in span if t.head.i == t.i or not span.start <= t.head.i < span.end]
    verb = next((t for t in tops if t.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.lower_ not in NEUTRAL_REPORTING_VERBS:
        return None
    children = list(verb.children)
    if any(c.dep_ == "neg" for c in children):
        return None
    return verb if any(c.dep_ == "ccomp" and span.start <= c.i < span.end for c in children) else None
