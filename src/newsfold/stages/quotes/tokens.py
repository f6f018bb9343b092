"""Token helpers of the speaker reading (``speakers``): a hyphen inside a
name, a noun said of a person, the words beside a verb whose subject the
parse missed, and the verbs around a speech verb in the parse."""
from __future__ import annotations

import re

from collections.abc import Iterator
from typing import Any

from ...nlp.lexicon import ADDRESSEE_VERBS, QUOTE_VERBS, UNNAMED_SPEAKER_NOUNS

# "Berg recalled Ruiz saying": the one heard speaks
_HEARD_SPEECH = {"saying", "say", "telling", "tell", "asking", "ask"}
# "<outlet> quoted X as saying": X speaks (the parse has no lemmas)
_CITING_VERBS = {"quote", "quotes", "quoted", "quoting", "cite", "cites", "cited", "citing"}


def joining_hyphen(token: Any) -> bool:
    """A hyphen written between two words without spaces ("Dela-Cruz")."""
    return token.text in ("-", "‐") and not token.whitespace_ and token.i > 0 \
        and not token.doc[token.i - 1].whitespace_


def introduces_person(token: Any) -> bool:
    """Whether a noun is said of a person: a "who" clause on it ("the
    accountant, who manages the garden") or an age ("the 65-year-old", "the
    tutor in his late 30s")."""
    if "year-old" in token.lower_ or any(c.lower_ == "old" for c in token.children) or age_of(token):
        return True
    return any(c.dep_ == "relcl" and any(w.lower_ in ("who", "whom", "whose") for w in c.children)
               for c in token.children)


def age_of(token: Any) -> str | None:
    """'he' or 'she' when a noun is given an age by "in his/her (late) 30s"."""
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "in"):
        words = [t.lower_ for t in prep.subtree]
        if any(re.fullmatch(r"\d0s|(?:twen|thir|for|fif|six|seven|eigh|nine)ties", w) for w in words):
            return "he" if "his" in words else "she" if "her" in words else None
    return None


def beside(doc: Any, verb: Any, window_ids: set[int]) -> Iterator[Any]:
    """The nouns and names right next to a verb whose subject the parse missed."""
    j = verb.i - 1
    while j >= 0 and j in window_ids and doc[j].pos_ in ("ADV", "AUX", "PART"):
        j -= 1
    if j >= 0 and j in window_ids and doc[j].pos_ in ("PROPN", "PRON", "NOUN"):
        yield doc[j]
    elif j >= 1 and j in window_ids and doc[j].text == ",":
        # "Ana Ruiz, who was on the ferry, said", "Ana Ruiz, of the agency, said": the name a
        # relative clause, apposition or prepositional phrase right before the verb hangs on
        node = doc[j - 1]
        for _ in range(6):
            head = node.head
            if node.dep_ in ("relcl", "acl", "appos", "prep") and head.i < node.i and head.i in window_ids \
                    and head.pos_ in ("PROPN", "NOUN"):
                yield head
                break
            if head.i == node.i:
                break
            node = head
    j = verb.i + 1
    while j < len(doc) and j in window_ids and j <= verb.i + 8:
        if doc[j].text in (",", ".", ";"):
            break
        if doc[j].pos_ in ("PROPN", "PRON") or doc[j].ent_type_ == "PERSON":
            yield doc[j]
            break
        j += 1


def about_a_thing(verb: Any) -> bool:
    """'…,” that confirmed the raids' or '…, a line that confirmed…': a verb
    whose subject is "that"/"which" tells what a thing (the statement) did;
    it is no speech tag."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("that", "which") for c in verb.children)


def reporting_subjects(node: Any, window_ids: set[int]) -> list[Any]:
    """'X said the repair is enough, adding that “…”': the parse hangs "adding"
    on the reported clause ("is"), whose subject is not who speaks. When that
    clause is what a speech verb reports, the speech verb's subject speaks."""
    for _ in range(2):
        if node.lower_ in QUOTE_VERBS or node.dep_ not in ("ccomp", "conj") or node.head.i == node.i:
            return []
        node = node.head
        if node.lower_ in QUOTE_VERBS:
            return [c for c in node.children if c.dep_ == "nsubj" and c.i in window_ids]
    return []


def cited_person(verb: Any) -> Any | None:
    """'CNA quoted Ana Ruiz as saying', 'the paper cited her as saying',
    'Berg recalled Ruiz saying': the person quoted, not who quotes; None for
    any other verb."""
    node = verb
    if verb.lower_ in ("saying", "telling") and verb.head.lower_ == "as":
        node = verb.head.head
    # "Berg recalled Ruiz saying", "she heard him tell the team": the one heard speaks
    heard = next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp", "advcl") and c.lower_ in _HEARD_SPEECH
                  and c.i > verb.i), None)
    if heard is not None:
        subject = next((c for c in heard.children if c.dep_ == "nsubj"), None)
        # or parsed as the object right before it ("recalled [Ruiz] [saying]"), a name or "him"/"her"
        named = next((c for c in verb.children if c.dep_ == "dobj" and c.i == heard.i - 1
                      and c.pos_ in ("PROPN", "PRON")), None)
        if subject is not None or named is not None:
            return subject or named
    if node.lower_ not in _CITING_VERBS:
        return None
    return next((c for c in node.children if c.dep_ == "dobj"), None)


def addressed_subject(verb: Any) -> Any:
    """The passive subject of a verb of addressing ("the court was told"), or None."""
    if verb.lower_ not in ADDRESSEE_VERBS:
        return None
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)


def user_handle(token: Any) -> str | None:
    """'Reddit user kopi_88 wrote': the account name written right after a
    noun such as "user" (``token`` is that noun or the name), when it is
    written as a handle (a digit, an underscore or "@", or a capital inside
    the word); else None."""
    doc = token.doc
    if token.lower_ in UNNAMED_SPEAKER_NOUNS:
        handle = doc[token.i + 1] if token.i + 1 < len(doc) else None
    else:
        handle = token if token.i > 0 and doc[token.i - 1].lower_ in UNNAMED_SPEAKER_NOUNS else None
    if handle is None or handle.is_punct or not token.whitespace_ and handle is not token:
        return None
    text = handle.text  # "Ana" of "a resident Ana Ruiz" is no handle: a plain capital is not enough
    if len(text) < 3 or not any(ch.isdigit() or ch in "_@" for ch in text) and not any(ch.isupper() for ch in text[1:]):
        return None
    return text


def unnamed_group_spoke(page: Any, start: int, offset: int) -> bool:
    """Whether the last speech verb in [start, offset) outside quotes has a
    plural common noun naming nobody for its subject ("Residents said",
    not "Lawyers Ana Ruiz and Tomas Berg said")."""
    for token in reversed(page.tokens(start, offset)):
        if token.lower_ not in QUOTE_VERBS or page.in_quote(token.idx):
            continue
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects and subjects[0].lower_ != "they":
            subject = subjects[0]
            # a sentence's first word may be tagged a proper noun ("Neighbours said")
            # and tagged a one-word organisation in a long text
            plural = subject.tag_ in ("NNS", "NNPS") or subject.lower_.endswith("s") \
                and subject.ent_type_ != "PERSON" and len(list(subject.subtree)) == 1
            return plural and not any(t.ent_type_ for t in subject.subtree if t.i != subject.i)
    return False
