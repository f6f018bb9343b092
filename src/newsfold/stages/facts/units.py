"""Units: a sentence, or the clauses of a sentence that carries several facts.

Units tile their sentence exactly (up to the whitespace between clauses), so
every character of every kept sentence ends up in some fact: nothing is lost.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from ...model import Sentence
from .features import word_count

if TYPE_CHECKING:  # typing only: spaCy is loaded by the pipeline, not here
    from spacy.tokens import Doc, Token

_MIN_CLAUSE_WORDS = 5

# Clause boundaries: the split falls just before the connector, so the comma
# stays with the left clause. Each needs enough words on both sides.
# Participle clauses (", leaving 30 hurt") are not cut: alone they read as
# fragments and attach to whatever shares a word with them.
_CONNECTOR = re.compile(
    r"(?<=;)\s+"
    # Sentence breaks pysbd keeps inside quotes; the word before the period
    # must be lower case so "Adm. Mara T. Quell" stays whole.
    r"|(?<=[a-z]{2}[.!?])\s+(?=[\"\u201c]?[A-Z])"
    r"|(?<=,)[\"'\u201d\u2019]?\s+(?=(?:while|whereas|but|although|though|as|after|before|when|amid|"
    r"(?:a|one|two|three|several|some|hours|days)\s+(?:\w+\s+)?(?:after|before|later))\b)"
    r"|\s+(?=and\s+(?:(?:also|then|later|now|still)\s+)?[a-z]+\b)"
)
# " and " starts a new clause only when a verb (or "to" + verb) follows;
# without a tagger we accept auxiliaries, common reporting/action verbs and
# regular past tenses.
_VERB_AFTER_AND = frozenset(
    [
        "to", "will", "would", "could", "can", "may", "might", "must", "should", "shall", "has",
        "have", "had", "is", "are", "was", "were", "be", "been", "said", "says", "told", "tells",
        "put", "puts", "made", "makes", "took", "takes", "gave", "gives", "sent", "sends", "left",
        "leaves", "urged", "urges", "called", "calls", "warned", "warns", "went", "goes", "came",
        "comes", "got", "gets", "held", "holds", "kept", "keeps", "set", "sets", "met", "meets",
        "saw", "sees", "found", "finds", "began", "begins", "became", "becomes", "brought",
        "brings", "led", "leads", "ran", "runs", "won", "wins", "lost", "loses", "hit", "hits",
        "cut", "cuts", "let", "lets", "stood", "stands", "fell", "falls", "paid", "pays", "spent",
        "spends", "sought", "seeks", "built", "builds", "struck", "strikes", "threw", "throws",
        "fled", "flees", "fought", "fights", "say", "make", "take", "give", "send", "leave", "call",
        "warn", "urge", "ask", "asks", "stop", "stops", "return", "returns", "engage", "engages",
        "avoid", "avoids", "stick", "sticks", "refrain", "refrains", "prevent", "prevents", "hide",
        "hides", "remain", "remains", "continue", "continues", "try", "tries", "plan", "plans",
        "want", "wants", "need", "needs", "help", "helps", "keep", "seek", "consider", "considers",
        "demand", "demands", "accuse", "accuses", "deny", "denies", "blame", "blames", "stand"
    ]
)
_ADVERB_AFTER_AND = frozenset({"also", "then", "later", "now", "still"})

_CLAUSE_MARKS = frozenset({"while", "whereas", "although", "though", "because", "as", "after", "before", "when", "since"})
_ATTRIBUTION_VERBS = frozenset({"according", "citing", "quoting"})
_EVENT_PREPOSITIONS = frozenset({"after", "following", "amid", "despite"})


@dataclass
class Unit:
    """One clause (or whole sentence) of a source: ``text`` is source text [start, end)."""

    sentence: Sentence
    start: int
    end: int
    text: str

    @property
    def source(self) -> str:
        return self.sentence.source

    @property
    def whole(self) -> bool:
        return self.start == self.sentence.start and self.end == self.sentence.end


def clause_units(sentence: Sentence, doc: Doc | None = None) -> list[Unit]:
    """The sentence cut at clause boundaries into pieces that tile it exactly.

    Boundaries come from punctuation and connectors (always) and, when a spaCy
    ``doc`` of the article is given, from its parse: coordinated clauses,
    participle and adverbial clauses, non-restrictive relative clauses and
    "after/amid ..." phrases that carry their own event. Pieces shorter than
    five words rejoin their neighbour.
    """
    text = sentence.text
    candidates = {match.end() for match in _CONNECTOR.finditer(text) if _accept_cut(text, match)}
    if doc is not None:
        candidates = {cut for cut in candidates if not _shared_verb_phrase(sentence, doc, cut)}
        candidates |= _parse_cuts(sentence, doc)
    cuts = [0]
    for cut in sorted(candidates):
        if 0 < cut < len(text) and word_count(text[cuts[-1] : cut]) >= _MIN_CLAUSE_WORDS:
            cuts.append(cut)
    # The last piece must be long enough too; else it rejoins its left neighbour.
    while len(cuts) > 1 and word_count(text[cuts[-1] :]) < _MIN_CLAUSE_WORDS:
        cuts.pop()
    bounds = cuts + [len(text)]
    units = []
    for left, right in pairwise(bounds):
        start, end = sentence.start + left, sentence.start + right
        # Units are stripped so evidence has no dangling whitespace; the
        # whitespace between clauses belongs to no fact, like that between sentences.
        while end > start and text[end - sentence.start - 1].isspace():
            end -= 1
        while start < end and text[start - sentence.start].isspace():
            start += 1
        units.append(Unit(sentence, start, end, text[start - sentence.start : end - sentence.start]))
    return units


def _accept_cut(text: str, match: re.Match[str]) -> bool:
    following = text[match.end() :].split(None, 3)
    if not following:
        return False
    head = following[0].lower()
    if head == "and":
        verb = following[1].lower() if len(following) > 1 else ""
        if verb in _ADVERB_AFTER_AND and len(following) > 2:
            verb = following[2].lower()
        regular_past = verb.endswith("ed") and len(verb) > 4 and "-" not in verb  # not "medium-sized"
        return (verb in _VERB_AFTER_AND or regular_past) and word_count(text[match.end() :]) >= 6
    return True


# The heads under which two coordinated verbs are one predicate's parts, not
# two clauses: "those who spread rumours and tarnished ..." (a relative
# clause), "banned from holding or obtaining a licence" (a preposition's
# object).
_PHRASE_HEADS = frozenset({"relcl", "pcomp", "acl", "pobj", "csubj", "csubjpass"})


def _shared_verb_phrase(sentence: Sentence, doc: Doc, cut: int) -> bool:
    """Whether the parse reads the " and <verb>" starting at ``cut`` as the
    second half of one verb phrase (see ``_PHRASE_HEADS``), or reads no verb
    after the "and" at all: cut there, both halves read as fragments and each
    matches neither source's whole claim."""
    start = sentence.start + cut
    tokens = doc.char_span(start, sentence.end, alignment_mode="expand")
    if tokens is None or len(tokens) < 2 or tokens[0].lower_ not in ("and", "or"):
        return False
    verb = next((t for t in tokens[1:3] if t.pos_ in ("VERB", "AUX")), None)
    # no verb after "and" ("small and medium-sized firms", "and hurt"): no clause starts there
    return verb is None or not _coordinated_clause(verb)


def _coordinated_clause(token: Token) -> bool:
    """A verb joined by "and"/"or" to another starts a clause of its own when
    it has its own subject, or when the verb it joins heads a clause (the
    sentence's root, a reported clause, an adverbial or participle clause)."""
    if token.dep_ != "conj":
        return True
    if any(child.dep_ in ("nsubj", "nsubjpass") for child in token.children):
        return True
    head = token.head
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    return head.dep_ not in _PHRASE_HEADS


def _parse_cuts(sentence: Sentence, doc: Doc) -> set[int]:
    """Offsets (relative to the sentence) where a clause of its own starts or ends.

    A clause that opens the sentence ends at a cut; any other starts at one
    and runs on to the next cut, so the main clause keeps its subject and verb
    together in the piece before it.
    """
    span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
    if span is None:
        return set()
    last_word = span.end - 1
    while last_word > span.start and span.doc[last_word].is_punct:
        last_word -= 1
    cuts: set[int] = set()
    for token in span:
        if not _starts_clause(token):
            continue
        subtree = [t for t in token.subtree if span.start <= t.i < span.end]
        first, last = subtree[0], subtree[-1]
        if first.i == span.start and last.i < last_word:
            after = last.i + 1
            while after < span.end and span.doc[after].is_punct:
                after += 1
            if after < span.end:
                cuts.add(span.doc[after].idx - sentence.start)
        elif first.i > span.start:
            cuts.add(first.idx - sentence.start)
    return cuts


def _starts_clause(token: Token) -> bool:
    verb = token.pos_ in ("VERB", "AUX")
    if not verb and not (token.dep_ == "prep" and token.lower_ in _EVENT_PREPOSITIONS):
        return False
    before = token.doc[token.left_edge.i - 1] if token.left_edge.i > 0 else None
    after_comma = before is not None and before.text == ","
    if token.dep_ == "conj" and token.head.pos_ in ("VERB", "AUX"):
        # "... injured 14 people, and the bridge remains closed": a second
        # clause with its own subject, or a second participle.
        # A second participle only of a participle clause ("..., injuring 14
        # and leaving 30 homeless"), not of a gerund object ("denied asking
        # for or accepting money").
        has_subject = any(child.dep_ in ("nsubj", "nsubjpass") for child in token.children)
        second_participle = token.tag_ == "VBG" and token.head.tag_ == "VBG" and token.head.dep_ == "advcl"
        return has_subject or second_participle
    if token.lower_ in _ATTRIBUTION_VERBS:
        return False  # "..., according to hospital sources" belongs to its clause
    if token.dep_ == "advcl":
        marks = {child.lower_ for child in token.children if child.dep_ == "mark"}
        # A participle only after a comma: "struck the pier, injuring 14" is
        # two events; "freed using hydraulic tools" is one.
        return bool(marks & _CLAUSE_MARKS) or (token.tag_ in ("VBG", "VBN") and after_comma)
    if token.dep_ == "relcl":
        return after_comma
    if token.dep_ == "prep":
        # "after clashes which left 12 guards wounded": an event of its own.
        return any(t.pos_ == "VERB" for t in token.subtree)
    return False
