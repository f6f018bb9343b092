"""Describing the event a date belongs to: the clause the date words sit in
(its verb's subtree, without clauses that carry other dates and without the
date words), or the noun phrase a date modifies ("the 2008 declaration")."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from ...model import Sentence
from .clauses import clause_head, main_verb_when_cut, mention_root, verb_above, verb_of_noun_root

if TYPE_CHECKING:
    from spacy.tokens import Token

NOUN_MODIFIER_DEPS = {"nummod", "compound", "poss", "amod", "nmod", "npadvmod"}
# Words an event's clause may open with that tie it to the rest of its sentence.
# Articles stay: "The ferry will be towed", not "ferry will be towed".
LEADING_JUNK = {"when", "where", "while", "that", "which", "who", "whose", "and", "but", "as",
                "after", "before", "since", "because", "so", "then", "also"}
MAX_WORDS = 35
_CLAUSE_MARKS = (",", ";", "—", "–")
_EDGE_PUNCT = " ,;:—–-"


def describe(mention_tokens: list[Token], other_mentions: list[list[Token]],
             sentence_tokens: list[Token], sentence: Sentence, day: bool = False) -> Described | None:
    """The event a date belongs to (shown text, start, end, bare text), or None.

    A date in a sentence with no verb (a caption, a dateline) is no event. A
    ``day`` (a day written with its month) that the parse hangs from another
    sentence dates its own sentence's main verb, told with all it governs
    (which clause holds the date is unknown); a bare year there may be a
    name's ("the Harbour Safety Act 2021"), so it dates nothing. A day in a
    sentence whose parse puts no verb at its root dates the verb it hangs from.
    """
    if not any(t.pos_ in ("VERB", "AUX") for t in sentence_tokens):
        return None
    mention_ids = _with_bare_prepositions(mention_tokens, sentence_tokens)
    root = mention_root(mention_tokens, mention_ids)
    found = _event_head(root, mention_ids, sentence_tokens)
    cut_off = main_verb_when_cut(root, sentence_tokens) if found is None and day else None
    found = (cut_off, False) if cut_off is not None else found
    # a verbless root inside the sentence (a name the parse made its head): the day dates the verb it hangs from
    participle = verb_above(root, sentence_tokens) if found is None and day else None
    found = (participle, True) if participle is not None else found
    # a root the tagger made a noun ("About 23 tonnes of oil leaked … on Feb 5"): its verb or participle
    misread = verb_of_noun_root(root, sentence_tokens) if found is None and day else None
    found = (misread, True) if misread is not None else found
    if found is None:
        return None
    head, drop_clauses = found
    blocked = {t.i for m in other_mentions for t in m}
    keep = _kept(head, mention_ids, blocked, drop_clauses)
    inside = {t.i for t in sentence_tokens}
    subject = subject_phrase(head, inside) - mention_ids - blocked if drop_clauses else set()
    keep -= {t.i for t in head.children if t.dep_ in _SUBJECT_DEPS and t.tag_ in _RELATIVE_TAGS}
    tokens = [head.doc[i] for i in sorted(keep & inside)]
    if not tokens:
        return None
    if not _starts_with_verb(tokens, head):
        subject = set()  # "… and the reboot came": words before the verb already tell who
    lead = [head.doc[i] for i in sorted(subject) if i < tokens[0].i or i > tokens[-1].i]
    bare = _joined([(t.i, t.text, t.whitespace_) for t in tokens])
    if not bare or not re.search(r"[^\W\d_]{3}", bare):
        return None
    words = [(t.i, t.text, t.whitespace_) for t in [*lead, *tokens]]
    if lead and tokens[0].pos_ != "PROPN":  # "Launched in 2024, the scheme …": "the scheme launched"
        index, written, space = words[len(lead)]
        words[len(lead)] = (index, written[:1].lower() + written[1:], space)
    start, end = _evidence_span(head, keep & inside | mention_ids, sentence)
    return Described(_joined(words) if lead else bare, start, end, bare)


class Described(NamedTuple):
    """An event's words as shown (with the subject its clause borrows) and
    bare (its own clause only: what events are compared by), and where they lie."""

    text: str
    start: int
    end: int
    bare: str


def _joined(words: list[tuple[int, str, str]]) -> str:
    """(index, text, space) words as one tidy line: a space only where the text had one or words were left out."""
    return _tidy("".join(written + (space if k + 1 < len(words) and words[k + 1][0] == index + 1 else " ")
                         for k, (index, written, space) in enumerate(words)))


_SUBJECT_DEPS = ("nsubj", "nsubjpass", "expl", "csubj")
_RELATIVE_TAGS = ("WDT", "WP", "WP$")  # "which", "who", "that" as a relative clause's subject
_PHRASE_DROPS = ("relcl", "acl", "appos", "advcl", "conj", "cc", "punct", "prep", "parataxis")


def _starts_with_verb(tokens: list[Token], head: Token) -> bool:
    """Whether an event's words start with its verb or the verb's auxiliaries and adverbs."""
    for token in tokens:
        if token.i == head.i:
            return True
        if token.head.i != head.i or token.dep_ not in ("aux", "auxpass", "neg", "advmod", "punct"):
            return False
    return False


def subject_phrase(head: Token, inside: set[int]) -> set[int]:
    """Token ids of the subject an event's verb needs but does not have in its
    own clause: "[The terminal], which opened in 1987", "[Ruiz] was arrested
    and was deported in May", "Launched in 2024, [the scheme] gives …". Empty
    when the verb has its own subject or none can be found in the sentence."""
    if head.pos_ not in ("VERB", "AUX"):
        return set()
    own = next((c for c in head.children if c.dep_ in _SUBJECT_DEPS), None)
    if own is not None and own.tag_ not in _RELATIVE_TAGS:
        return set()
    node = head
    for _ in range(4):
        parent = node.head
        if parent.i == node.i or parent.i not in inside:
            return set()
        if node.dep_ in ("relcl", "acl") and parent.pos_ in ("NOUN", "PROPN", "PRON"):
            return _counted_whole(parent, node, inside)
        if node.dep_ not in ("conj", "advcl", "xcomp", "acl"):
            return set()
        subject = next((c for c in parent.children if c.dep_ in _SUBJECT_DEPS), None)
        if subject is not None and subject.tag_ not in _RELATIVE_TAGS:
            return _noun_phrase(subject, inside)
        node = parent
    return set()


def _counted_whole(noun: Token, clause: Token, inside: set[int]) -> set[int]:
    """The noun phrase a clause hanging from ``noun`` tells of: the count the
    noun is the whole of, with it ("one of its buses overturned", not "its
    buses"); the noun a name follows, for a clause without a comma ("a
    cyberattack on the Trust that was detected"); else the noun's own phrase."""
    of = noun.head
    if noun.dep_ == "pobj" and of.lower_ == "of" and of.head.i in inside and of.head.pos_ in ("NUM", "PRON"):
        ids = ({t.i for t in of.head.subtree if t.dep_ != "punct"} - {t.i for t in clause.subtree}) & inside
        if len(ids) <= 10:
            return ids
    first = min(t.i for t in clause.subtree)
    if noun.pos_ == "PROPN" and noun.dep_ == "pobj" and of.head.pos_ == "NOUN" and of.head.i in inside \
            and first > 0 and noun.doc[first - 1].text != ",":
        # "a cyberattack on the Trust that was detected": a name takes no restrictive clause, so
        # the clause is the noun's before it, told with the name ("a cyberattack on the Trust")
        ids = (_noun_phrase(of.head, inside) | {of.i} | {t.i for t in noun.subtree}) - {t.i for t in clause.subtree}
        if len(ids & inside) <= 10:
            return ids & inside
    return _noun_phrase(noun, inside)


def _noun_phrase(token: Token, inside: set[int]) -> set[int]:
    """The noun phrase a token heads, without clauses, appositions and
    prepositional tails ("the Calden ferry terminal", not "…, which opened …")."""
    ids = {token.i}
    for child in token.children:
        if child.dep_ not in _PHRASE_DROPS:
            ids |= {t.i for t in child.subtree}
    ids &= inside
    return ids if len(ids) <= 10 else {token.i}


def _with_bare_prepositions(mention_tokens: list[Token], sentence_tokens: list[Token]) -> set[int]:
    """The mention's token ids, with a preposition left with nothing but the date
    ("in [1999]"), or with only its degree words ("at least until [June]")."""
    mention_ids = {t.i for t in mention_tokens}
    for token in sentence_tokens:
        children = list(token.children)
        dated = [c for c in children if c.i in mention_ids]
        hedges = [c for c in children if c.i not in mention_ids and c.dep_ == "advmod"]
        if token.pos_ == "ADP" and dated and len(dated) + len(hedges) == len(children):
            mention_ids.add(token.i)
            mention_ids.update(t.i for c in hedges for t in c.subtree)
    return mention_ids


def _event_head(root: Token, mention_ids: set[int],
                sentence_tokens: list[Token]) -> tuple[Token, bool] | None:
    """The token whose subtree tells the event, and whether its following and
    leading clauses are dropped (they are for a verb, not for a noun phrase)."""
    # "until June, when the first repairs are due": the when-clause is what happens then
    when_clause = next((c for c in root.children if c.dep_ == "relcl" and
                        any(w.dep_ == "advmod" and w.lower_ == "when" for w in c.children)), None)
    noun_head = root.head.pos_ == "NOUN" or (root.head.pos_ == "PROPN" and root.head.ent_type_ == "EVENT")
    if when_clause is not None:
        return when_clause, True
    if root.dep_ in NOUN_MODIFIER_DEPS and noun_head and root.head.i not in mention_ids:
        return root.head, False  # "the 2008 declaration", "April elections"
    head = clause_head(root, sentence_tokens)
    if head is None or _cited_date(root, head):
        return None
    return head, True


# Verbs that cite or recall: a date they take as their object is what is cited,
# not when the citing happened ("she often cites 1999" dates nothing).
_CITING = {"cite", "cites", "cited", "citing", "recall", "recalls", "recalled", "recalling",
           "mention", "mentions", "mentioned", "mentioning", "invoke", "invokes", "invoked",
           "refer", "refers", "referred", "referring", "remember", "remembers", "remembered"}


def _cited_date(root: Token, head: Token) -> bool:
    """Whether the date is the object of a citing verb ("cites 1999", "refers
    to 1999", "recalled 1999 as …"), not the time the citing happened."""
    if head.lower_ not in _CITING:
        return False
    if root.dep_ in ("dobj", "attr", "oprd") and root.head.i == head.i:
        return True
    preposition = root.head
    return root.dep_ == "pobj" and preposition.lower_ in ("to", "as") and preposition.head.i == head.i


def _kept(head: Token, mention_ids: set[int], blocked: set[int], drop_clauses: bool) -> set[int]:
    """Token ids of ``head``'s subtree that tell its event: without the date words,
    other dates' words and the clauses those carry."""
    keep = {t.i for t in head.subtree}
    doc = head.doc
    for child in head.children:
        sub = {t.i for t in child.subtree}
        if sub & mention_ids:
            continue
        carries_other = bool(sub & blocked)
        # a following clause after a comma is another event ("..., and X did Y")
        clausal = child.dep_ in ("conj", "parataxis") and child.pos_ in ("VERB", "AUX")
        after_comma = child.i > head.i and child.left_edge.i > 0 and \
            doc[child.left_edge.i - 1].text in _CLAUSE_MARKS
        # a leading phrase set off by a comma is context ("In the wake of clashes, ...")
        leading = child.i < head.i and child.dep_ in ("prep", "advcl", "advmod") and \
            child.right_edge.i + 1 < len(doc) and doc[child.right_edge.i + 1].text == ","
        # "and" stays before a following verb kept with it ("opened and drew")
        trailing_cc = child.dep_ == "cc" and child.i > head.i and not any(
            c.dep_ == "conj" and c.i > child.i and not (drop_clauses and doc[c.left_edge.i - 1].text in _CLAUSE_MARKS)
            and not {t.i for t in c.subtree} & (blocked | mention_ids) for c in head.children)
        if carries_other or (drop_clauses and (clausal and after_comma or leading)) or trailing_cc:
            keep -= sub
            if carries_other and child.dep_ in _SUBJECT_DEPS:  # "Ruiz, who was jailed in April, will …"
                keep |= _noun_phrase(child, sub) - blocked
    keep -= mention_ids
    keep -= blocked
    return keep


def _evidence_span(head: Token, span_ids: set[int], sentence: Sentence) -> tuple[int, int]:
    """The text offsets of the event and its date words, inside the sentence,
    without punctuation at either edge."""
    doc = head.doc
    start = max(sentence.start, min(doc[i].idx for i in span_ids))
    end = min(sentence.end, max(doc[i].idx + len(doc[i]) for i in span_ids))
    written = doc.text
    while start < end and written[start] in _EDGE_PUNCT:
        start += 1
    while end > start and written[end - 1] in _EDGE_PUNCT:
        end -= 1
    return start, end


def _tidy(text: str) -> str:
    text = " ".join(text.split())
    # a span the date words emptied: "accidents between [March 2015] and [March 2016]", "held on [Monday]."
    text = re.sub(r"\b(?:between|from)\s+(?:and|to|until|till|through)\b\s*", "", text, flags=re.I)
    # (a space before the mark: the date words stood there; "switched on." keeps its particle)
    text = re.sub(r"\s\b(?:in|on|at|since|until|during|between|from)\s+(?=[,.;:)])", "", text)
    text = re.sub(r"\s+([,.;:!?’”)])", r"\1", text)
    text = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", text)
    text = re.sub(r"([(“‘])\s+", r"\1", text)
    # a dateline in capitals opening the sentence ("CALDEN: Residents can …") is no part of the event
    text = re.sub(r"^[A-Z][A-Z.'’ -]{2,30}:\s+(?=\S)", "", text)
    # brackets the date words left empty or half empty: "held ()", "UPDATE (, 7.30pm)"
    text = re.sub(r"\(\s*[,;:]?\s*\)\s*", "", text)
    text = re.sub(r"\(\s*[,;:]\s*", "(", text)
    text = re.sub(r"\s*[,;:]\s*\)", ")", text)
    words = text.split(" ")
    while words and (words[0].lower().strip(",;:—–-") in LEADING_JUNK or not words[0].strip(",;:—–-")):
        words.pop(0)
    if len(words) > MAX_WORDS:
        words = words[:MAX_WORDS] + ["…"]
    text = " ".join(words).strip(" ,;:—–-.")
    return text
