"""What tells a count from others of the same thing.

Whether it describes another noun ("nine-person brawl"), adds to another count
("two more"), is part of one ("three of the soldiers", "eight had serious
injuries"), whose things it counts ("Ruritanian troops", "Ruritania has"), the
verb governing it, the content words of its sentence, and whether its sentence
is dated to an earlier time ("last week").
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ...nlp.lexicon import EVENT_STAGES, MONTH_NAMES
from ...nlp.text import plain
from .events import clause_head
from .inflection import lemma
from .quantity import Quantity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Words that make a count an addition or a part of another count.
_INCREMENT_BEFORE = {"another", "other", "remaining", "additional", "further", "extra"}
_INCREMENT_AFTER = {"more", "other", "additional", "further", "extra"}
_SUBSET_OF = {"the", "them", "those", "these", "us", "whom", "which", "its", "their", "his", "her"}
PARTITION = re.compile(r"\b(?:the|an?) (?:other|remaining|rest of the)\b|\bthe rest\b", re.IGNORECASE)
_SEVERITY = re.compile(r"\b(?:serious(?:ly)?|critical(?:ly)?|life-threatening|minor|severe(?:ly)?|"
                       r"slight(?:ly)?|walking wounded)\b", re.IGNORECASE)
# A sentence dated to an earlier time is about an earlier event ("air strikes
# last week that killed 30"): background, never compared with this story's counts.
_BACKGROUND = re.compile(
    r"\b(?:last|previous|earlier this|prior) (?:week|month|year|weekend|decade|summer|"
    r"winter|spring|autumn|fall)\b|\b(?:weeks|months|years|decades) (?:ago|earlier|before)\b|"
    r"\b(?:in|since|of|during) (?:19|20)\d\d\b|\bsince (?:"
    + "|".join(name.lower() for name in MONTH_NAMES)
    + r")\b|\bon that occasion\b",
    re.IGNORECASE,
)
# Prepositions that make a date a starting point, not the time of the count.
_STARTING_POINT = ("after", "since", "until", "before", "from")
_OWNER_TYPES = ("NORP", "GPE", "ORG")
_MODIFIER_ARCS = ("amod", "compound", "poss", "nmod")


def dated_earlier(doc: Doc, sentence: str, offset: int) -> bool:
    """True when the sentence is dated to an earlier time ("last week", "in
    2015"), unless the date is only a starting point ("after the end of the
    mission in 2015, 1,000 troops have remained") or dates a stage of the
    case the story follows ("was convicted last month of taking $4.8
    million": the amount is the case's, whenever the verdict came)."""
    for match in _BACKGROUND.finditer(sentence):
        if match.group(0).lower().startswith("since"):
            return True  # a count over a period: "five incidents since June"
        at = offset + match.end() - 1
        token = next((t for t in doc if t.idx <= at < t.idx + len(t.text)), None)
        if token is None or not (_is_starting_point(token) or _dates_a_stage(token)):
            return True
    return False


def _dates_a_stage(token: Token) -> bool:
    """Whether the verb a date word hangs from names a stage of a process ("convicted", "charged")."""
    verb = clause_head(token)
    return verb.pos_ in ("VERB", "AUX") and verb.lower_ in EVENT_STAGES


def earlier_words(sentence: str) -> frozenset[str]:
    """The words that date a sentence to an earlier time, lower-cased ("last
    week", "in 2015"): two sentences dated by the same words are of one time."""
    return frozenset(" ".join(match.group(0).lower().split()) for match in _BACKGROUND.finditer(sentence))


def _is_starting_point(token: Token) -> bool:
    node = token
    for _ in range(8):
        if node.dep_ == "prep" and node.lower_ in _STARTING_POINT:
            return True
        if node.head.i == node.i or node.pos_ in ("VERB", "AUX"):
            return False
        node = node.head
    return False


def describe(doc: Doc, quantity: Quantity, first: int, last: int, last_token: int,
             head_token: Token | None) -> None:
    """Fill the fields that tell this count from others of the same thing:
    ``descriptor``, ``increment``, ``subset``, ``verb``, ``of_noun``, ``owners``,
    ``modifiers`` and ``context``. ``first``..``last_token`` are its tokens
    (``last`` the number's last token)."""
    if _is_descriptor(doc, last_token):
        quantity.descriptor = True
    if _is_increment(doc, first, last_token):
        quantity.increment = True
    if _is_subset(doc, quantity, first, last_token):
        quantity.subset = True
    anchor = head_token if head_token is not None else doc[last]
    verb = _governing_verb(anchor)
    quantity.verb = lemma(verb) if verb.pos_ in ("VERB", "AUX") else None
    if head_token is None and anchor.dep_ == "pobj" and anchor.head.lower_ == "of" \
            and anchor.head.head.pos_ == "NOUN":
        quantity.of_noun = lemma(anchor.head.head)  # "a fine of S$3,000": what the amount is
    if head_token is not None:
        quantity.modifiers = frozenset(lemma(child) for child in head_token.children
                                       if child.dep_ in _MODIFIER_ARCS and child.i < head_token.i)
        quantity.owners = frozenset(_owners(head_token, verb))
        if quantity.people and quantity.verb == "lose" \
                and any(c.dep_ == "dobj" and c.lower_ in ("job", "jobs") for c in verb.children):
            quantity.head = quantity.referent = "job"  # "460 employees will lose their jobs": 460 jobs
    quantity.context = content_lemmas(t for t in anchor.sent if head_token is None or t.i != head_token.i)


def content_lemmas(tokens: Iterable[Token]) -> frozenset[str]:
    """The lemmas of the content words among ``tokens`` (nouns, names, verbs,
    adjectives; no stop words, no numbers)."""
    return frozenset(lemma(t) for t in tokens
                     if t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ") and not t.is_stop and t.is_alpha)


def _is_descriptor(doc: Doc, last_token: int) -> bool:
    """"nine-person brawl", "a 33-second video": the count describes another
    noun. A penalty's length is its figure, not a descriptor ("a six-year
    prison sentence", "a two-year driving ban"), nor is a margin ("an
    11-vote win" is won by 11 votes, "a 12-point lead")."""
    nxt = last_token + 1
    if not (nxt + 1 < len(doc) and doc[nxt].text in ("-", "–") and not doc[last_token].whitespace_
            and not doc[nxt].whitespace_ and doc[nxt + 1].pos_ in ("NOUN", "ADJ", "PROPN")):
        return False
    described = {t.lower_ for t in doc[nxt + 2:nxt + 5]}
    if nxt + 2 < len(doc) and doc[nxt + 2].lower_ in _MARGINS:
        return False
    return not (doc[nxt + 1].lower_ in _TIME_UNITS and described & _PENALTIES)


_TIME_UNITS = frozenset({"year", "month", "week", "day"})
# what a margin is of: "an 11-vote win", "a 12-point lead", "a three-goal defeat", "a 20-seat majority"
_MARGINS = frozenset({"win", "victory", "lead", "margin", "majority", "defeat", "loss"})
_PENALTIES = frozenset({"sentence", "term", "jail", "prison", "ban", "disqualification", "suspension", "imprisonment"})


# A whole span: how long something lasts ("closed for two weeks") or a
# penalty's length, by the words before it ("sentenced to", "a sentence of")
# or after its unit ("in prison", "prison sentence", "ban").
_TERM_BEFORE = re.compile(r"(?:\b(?:sentenced|jailed|imprisoned|banned|disqualified|detained|sentence|term|ban|"
                          r"jail|prison|imprisonment)\s+(?:to|for|of)?|\bfor)\s*(?:an?\s+)?(?:about\s+|nearly\s+)?$",
                          re.IGNORECASE)
_TERM_AFTER = re.compile(r"^[\s-]*(?:years?|months?|weeks?|days?)(?:['’]s?)?\s+(?:in\s+(?:jail|prison)|"
                         r"(?:jail|prison)\s+(?:sentence|term)|sentence|term|ban|jail|prison|imprisonment|"
                         r"disqualification|suspension)\b", re.IGNORECASE)
# ... and a piece of a longer span ("two years and three months"): no whole term
_SPAN_AFTER = re.compile(r"^[\s-]*(?:years?|months?|weeks?)['’]?\s*(?:,|and|&)\s+(?:[\w-]+\s+){0,4}?"
                         r"(?:months?|weeks?|days?)\b", re.IGNORECASE)
_SPAN_BEFORE = re.compile(r"\b(?:years?|months?|weeks?)['’]?\s*(?:,\s*(?:and\s+|&\s+)?|(?:and|&)\s+)$", re.IGNORECASE)


def is_term(text: str, quantity: Quantity) -> bool:
    """A span of time told whole, as how long something lasts ("closed for
    two weeks") or a penalty's length ("sentenced to six years in prison", "a
    six-year prison sentence", "a sentence of six and a half years"); not
    "over five years", "two weeks ago" nor a piece of "two years and three months"."""
    before, after = text[max(0, quantity.start - 40):quantity.start], text[quantity.end:quantity.end + 60]
    if _SPAN_AFTER.match(after) or _SPAN_BEFORE.search(before):
        return False
    return bool(_TERM_BEFORE.search(before) or _TERM_AFTER.match(after))


def _is_increment(doc: Doc, first: int, last_token: int) -> bool:
    """"another two", "two more": added to some other count."""
    words_before = {doc[j].lower_ for j in range(max(0, first - 2), first)}
    nxt = last_token + 1
    return bool(words_before & _INCREMENT_BEFORE) or (nxt < len(doc) and doc[nxt].lower_ in _INCREMENT_AFTER)


def _is_subset(doc: Doc, quantity: Quantity, first: int, last_token: int) -> bool:
    """Part of a larger count: "three of the 30 soldiers", "four of whom", and
    for the injured "eight people had serious injuries", "seriously injured five"."""
    nxt = last_token + 1
    if quantity.event == "injured" and _SEVERITY.search(" ".join(_words_around(doc, first, last_token))):
        return True
    return nxt + 1 < len(doc) and doc[nxt].lower_ == "of" and doc[nxt + 1].lower_ in _SUBSET_OF \
        and not (first > 0 and doc[first - 1].lower_ == "all")


def _words_around(doc: Doc, first: int, last_token: int) -> list[str]:
    """Up to six words after the count and three before it, within its punctuation."""
    near = []
    for j in range(last_token + 1, min(len(doc), last_token + 7)):
        if doc[j].is_punct:
            break
        near.append(doc[j].text)
    for j in range(first - 1, max(-1, first - 4), -1):
        if doc[j].is_punct:
            break
        near.append(doc[j].text)
    return near


def _governing_verb(anchor: Token) -> Token:
    """The nearest verb up from the anchor (or the highest token reached)."""
    verb = anchor
    for _ in range(8):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    return verb


def _owners(head_token: Token, verb: Token) -> set[str]:
    """Whose things are counted: a people or country modifying the noun
    ("Ruritanian troops"), or the subject that has them ("Ruritania has 850 troops")."""
    owners = set()
    for child in head_token.children:
        if child.dep_ in _MODIFIER_ARCS and child.ent_type_ in _OWNER_TYPES:
            owners |= _owner_key(child.text)
    if head_token.dep_ in ("dobj", "attr") and verb.pos_ in ("VERB", "AUX"):
        clause = verb
        while clause.dep_ == "conj" and clause.head.i != clause.i and not _subject(clause):
            clause = clause.head
        subject = _subject(clause)
        if subject is not None and subject.ent_type_ in _OWNER_TYPES:
            owners |= _owner_key(subject.text)
    return owners


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _owner_key(text: str) -> set[str]:
    """"Ruritania", "Ruritanian", "Ruritania's" -> {"ruri"}: names and their
    demonyms meet on their first four letters (a mismatch only keeps two counts
    apart)."""
    return {w[:4] for w in re.findall(r"[a-z]+", plain(text)) if len(w) > 2}
