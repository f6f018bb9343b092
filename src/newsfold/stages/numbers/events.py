"""What event a count is a count of: injured, killed, deployed, arrested...

The nearest event word on the dependency path from the counted noun up to its
clause's verb ("were injured", "left ... wounded", "sustained injuries"), else,
for counts of people, the nearest event word in the same clause. A number with
no counted noun may itself be a toll ("killing six", "the death toll rose to six").
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .vocabulary import EVENTS, TOLLS

if TYPE_CHECKING:
    from spacy.tokens import Token

_PATH_STEPS = 8  # how far up the parse an event word may be
_NEAREST_IN_CLAUSE = 12  # tokens between the number and an event word of its clause


def event_of(head_token: Token, number_index: int, people: bool) -> str | None:
    """The event the counted noun takes part in: the nearest event word on the
    dependency path up from the noun, else (for counts of people only) the
    nearest in the clause."""
    for child in head_token.children:
        if child.dep_ in ("amod", "acl", "relcl") and child.lower_ in EVENTS:
            return EVENTS[child.lower_]
    on_path = _event_on_path(head_token, people)
    if on_path is not None or not people:
        return on_path
    return _nearest_event_in_clause(head_token, number_index)


def _event_on_path(head_token: Token, people: bool) -> str | None:
    token = head_token
    for _ in range(_PATH_STEPS):
        if token.lower_ in EVENTS and token is not head_token:
            return EVENTS[token.lower_]
        for child in token.children:
            if child.dep_ in ("dobj", "oprd", "acomp", "xcomp", "ccomp", "attr") \
                    and child.lower_ in EVENTS and child.i != head_token.i:
                return EVENTS[child.lower_]
        if people and _to_hospital(token):
            return "injured"  # "84 people have been taken to hospital"
        if token.head.i == token.i or token.pos_ in ("VERB", "AUX"):
            break  # the clause's verb is not an event: look no higher
        token = token.head
    return None


def _nearest_event_in_clause(head_token: Token, number_index: int) -> str | None:
    """The nearest event word in the same clause: "nine people in the video" is
    not a count of the arrests another clause of the sentence reports."""
    clause = clause_head(head_token)
    best: tuple[int, str] | None = None
    for tok in head_token.sent:
        if tok.lower_ in EVENTS and clause_head(tok).i == clause.i:
            distance = abs(tok.i - number_index)
            if distance <= _NEAREST_IN_CLAUSE and (best is None or distance < best[0]):
                best = (distance, EVENTS[tok.lower_])
    return best[1] if best else None


def clause_head(token: Token) -> Token:
    """The verb heading the clause a token stands in (the root if none)."""
    for _ in range(12):
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            return token
        token = token.head
    return token


def _to_hospital(token: Token) -> bool:
    """"taken to hospital", "treated in the hospital": a common-noun hospital
    (a named one, "St Example's Hospital", is only where someone went)."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("to", "in", "into"):
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.text in ("hospital", "hospitals"):
                    return True
    return False


def bare_toll(number: Token) -> str | None:
    """The toll event a number with no counted noun stands in: the object of
    "killing"/"wounding", or the value of a "death toll"; else None."""
    head = number.head
    if number.dep_ in ("dobj", "nsubjpass", "nsubj", "nummod", "conj", "appos") and head.lower_ in EVENTS \
            and EVENTS[head.lower_] in TOLLS:
        return EVENTS[head.lower_]  # "wounding 120", "120 wounded"
    after = number.nbor() if number.i + 1 < len(number.doc) else None
    if number.dep_ == "pobj" and after is not None and after.lower_ in EVENTS and EVENTS[after.lower_] in TOLLS \
            and after.tag_ in ("VBN", "JJ"):
        return EVENTS[after.lower_]  # "among more than 50 injured": the toll word, however the parser attaches it
    # "the death toll rose to six", "a death toll of six", "the death toll was six"
    node = number
    for _ in range(4):
        node = node.head
        candidates = [node] + [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        for candidate in candidates:
            toll = _toll_of(candidate)
            if toll is not None:
                return toll
        if node.head.i == node.i:
            break
    return None


def _toll_of(token: Token) -> str | None:
    """"death toll", "injury tally": the toll event the word names, else None."""
    if token.lower_ not in ("toll", "tally"):
        return None
    for child in token.children:
        if child.dep_ in ("compound", "amod") and child.lower_ in EVENTS and EVENTS[child.lower_] in TOLLS:
            return EVENTS[child.lower_]
    return None
