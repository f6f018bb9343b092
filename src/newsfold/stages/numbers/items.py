"""Figures of several items: a figure that belongs to one item of several is
compared only with a value of that item.

Three ways a figure is one item's of several:

- ``respectively``: "the two lines could cost RM20 billion and RM7 billion,
  respectively": each figure is its item's, the items unnamed in the sentence
  (told apart by their place in the list, ``Item.slot``);
- parallel clauses: two or more figures of one kind, each in its own clause
  joined by "and", "while", "whereas" (``conj``, ``advcl``): "20 patients were
  taken to Riverside Hospital, and 31 went to Hill General", "the light rail
  could cost $20 billion, while the bus line would need $7 billion". Each
  figure's item is told by the words of its own clause that the other
  clauses do not share (``Item.words``; ``Item.names``: the proper nouns
  among them, or the name of the body the figure is restricted to, below);
- a body of several (``mark_bodies``, across the story): a count restricted
  to a named organisation or place ("taken to Riverside Hospital") or said by
  one ("Riverside Hospital said it was treating 20 people"), where the story
  names two or more such bodies of one kind (the same last word: two
  "Hospital"s) and one count of each adds up to a total a report gives ("51
  were taken to hospital"): each body's count is a part of that total.

A figure of an item (``Quantity.item``) is never compared by key (like a
part of a total) and, in aligned claims, only with a figure of the same item
(``same_item``): another item figure whose item it names (or in the same
place of a list when one is unnamed), or a plain figure whose sentence names
the item (one of its names, else most of its words). One exception
(``one_item``): a lone item figure standing where the value the other reports
agree on stands is a changed figure.
"""
from __future__ import annotations

import re
from collections import defaultdict
from itertools import product
from typing import TYPE_CHECKING

from ...nlp.lexicon import HONORIFICS
from ...nlp.text import plain
from .inflection import lemma
from .kinds import same_kind_plain
from .quantity import Item, Quantity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from .lone import Backing

_NOT_BODIES = ("GPE", "NORP", "LOC", "DATE", "CARDINAL", "MONEY")  # names that are no body of several
_BODY_PREPOSITIONS = ("to", "at", "in", "into")
_TOTALS = ("exactly", "about")
_MOST_VALUES = 3  # values of one body tried in a sum
_MOST_BODIES = 5


def same_item(a: Quantity, b: Quantity) -> bool:
    """Two figures that may be compared as one item's (see the module docstring)."""
    if a.item is None and b.item is None:
        return True
    if a.item is not None and b.item is not None:
        if not (a.item.words and b.item.words):
            return a.item.slot is not None and a.item.slot == b.item.slot
        return a.item.named_in(b.item.words | b.item.names) or b.item.named_in(a.item.words | a.item.names)
    item, other = (a.item, b) if a.item is not None else (b.item, a)
    assert item is not None
    return item.named_in(other.context)


def one_item(backing: Backing, x: int, y: int) -> bool:
    """Figures of one item (``same_item``); or a lone figure of one item
    of several standing in the place of a consensus value that names no item
    (``Backing.slot_of``: "the first prizes stand at S$8 million, while …"
    where the others agree on S$5 million): a changed figure whatever item
    its sentence names. A lone plain figure beside a consensus of one item
    ("the project, estimated to cost RM8.75 billion") is another thing."""
    a, b = backing.figures[x], backing.figures[y]
    if same_item(a, b):
        return True
    return a.item is not None and b.item is None and y in backing.slot_of(x) \
        or b.item is not None and a.item is None and x in backing.slot_of(y)


def mark_items(doc: Doc, quantities: list[Quantity]) -> None:
    """Set ``item`` on figures of several items in one sentence (``respectively``,
    parallel clauses) and ``bodies`` on counts of named bodies; ``quantities``
    are one article's, ``doc`` its parse."""
    by_sentence: dict[tuple[int, int] | None, list[tuple[Quantity, Token]]] = defaultdict(list)
    for q in quantities:
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None or q.derived:
            continue
        q.bodies = _bodies(span)
        if not (q.vague or q.converted or q.descriptor or q.subset or q.part_of is not None):
            by_sentence[q.sentence_span].append((q, span.root))
    for figures in by_sentence.values():
        for group in _kinds(figures):
            if len(group) >= 2:
                _mark_group(doc, group)


def _kinds(figures: list[tuple[Quantity, Token]]) -> list[list[tuple[Quantity, Token]]]:
    """Figures of one kind (``_one_kind``), in sentence order."""
    groups: list[list[tuple[Quantity, Token]]] = []
    for figure in sorted(figures, key=lambda f: f[0].start):
        q = figure[0]
        home = next((g for g in groups if all(_one_kind(q, p) for p, _ in g)), None)
        if home is None:
            groups.append([figure])
        else:
            home.append(figure)
    return groups


def _one_kind(a: Quantity, b: Quantity) -> bool:
    """One unit, one event and one counted noun (or one left unsaid: "20
    patients were taken to …, and 31 went to …", "seven others")."""
    heads = {a.head, b.head} - {None, "other"}
    return same_kind_plain(a, b) and len(heads) <= 1 and a.event == b.event and a.duration == b.duration \
        and a.increment == b.increment


def _mark_group(doc: Doc, group: list[tuple[Quantity, Token]]) -> None:
    """Figures of one kind in one sentence, each its own item's: in a
    "respectively" list, or each in its own parallel clause with words of
    its own (see the module docstring)."""
    sentence = group[0][1].sent
    count = len(group)
    if any(t.lower_ == "respectively" for t in sentence):
        for place, (q, _) in enumerate(group):
            q.item = Item(frozenset(), frozenset(), (place, count))
        return
    roots = [_clause_root(token) for _, token in group]
    if len({r.i for r in roots}) < count or not all(_parallel(r, roots) for r in roots):
        return
    quantity_tokens = {t.i for q, _ in group for t in doc.char_span(q.start, q.end, alignment_mode="expand") or ()}
    quantity_tokens |= {t.head.i for _, t in group if t.dep_ == "nummod"}  # the counted nouns
    regions = [_region(root, roots, quantity_tokens) for root in roots]
    # a figure's body ("taken to Riverside Hospital in Easton") names its item better than every name of its clause
    # (its words but the last, the kind of body: "Riverside" of "Riverside Hospital")
    regions = [(words, {w for body in q.bodies for w in body[:-1]} or names)
               for (q, _), (words, names) in zip(group, regions, strict=True)]
    shared = frozenset.intersection(*(frozenset(words) for words, _ in regions))
    shared_names = frozenset.intersection(*(frozenset(names) for _, names in regions))
    labels = [(frozenset(words) - shared, frozenset(names) - shared_names) for words, names in regions]
    if any(not words for words, _ in labels) or len(set(labels)) < count:
        return  # nothing tells the items apart
    for place, ((q, _), (words, names)) in enumerate(zip(group, labels, strict=True)):
        q.item = Item(words, names, (place, count))


def _clause_root(token: Token) -> Token:
    """The verb heading the clause a figure stands in, above its infinitives
    ("is projected to require around $7 billion": projected)."""
    node = token
    for _ in range(10):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            break
        node = node.head
    while node.dep_ == "xcomp" and node.head.i != node.i:
        node = node.head
    return node


def _parallel(root: Token, roots: list[Token]) -> bool:
    """A clause joined to one of the others ("…, and 31 went to …", "…,
    while the other line would need …"), or beside one under a shared head."""
    return any(_joined(root) and root.head.i == other.i or _joined(other) and other.head.i == root.i
               or _joined(root) and _joined(other) and root.head.i == other.head.i
               for other in roots if other.i != root.i)


def _joined(clause: Token) -> bool:
    """A coordinated clause, or an adverbial one with its conjunction ("while
    …"; not a purpose: "battled for hours to free five people")."""
    return clause.dep_ == "conj" or clause.dep_ == "advcl" and any(c.dep_ == "mark" for c in clause.children)


def _region(root: Token, roots: list[Token], skip: set[int]) -> tuple[set[str], set[str]]:
    """Content lemmas (and proper nouns) of the clause under ``root``, leaving
    out the other clauses under it, names of people and the figures."""
    inner = {t.i for other in roots if other.i != root.i and root.is_ancestor(other) for t in other.subtree}
    words, names = set(), set()
    for t in root.subtree:
        if t.i in inner or t.i in skip or t.is_stop or not t.is_alpha or t.ent_type_ == "PERSON" \
                or t.lower_ in HONORIFICS or t.pos_ not in ("NOUN", "PROPN", "VERB", "ADJ"):
            continue
        words.add(lemma(t))
        if t.pos_ == "PROPN":
            names.add(lemma(t))
    return words, names


def _bodies(span: Span) -> tuple[tuple[str, ...], ...]:
    """The named bodies a count is restricted to ("taken to Riverside
    Hospital", "20 patients at Hill General") or told by ("Riverside Hospital
    said it was treating 20 people", "Riverside Hospital's director said",
    "the paper, Riverside Hospital, said"), each as plain words."""
    verb = _clause_root(span.root)
    names = [_name_words(c) for token in (span.root, span.root.head, verb) for prep in token.children
             if prep.dep_ == "prep" and prep.lower_ in _BODY_PREPOSITIONS for c in prep.children if c.dep_ == "pobj"]
    node = verb
    for _ in range(3):
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass") and not c.is_ancestor(span.root)
                    and c.i != span.root.i]
        for subject in subjects:
            names.append(_name_words(subject))
            names.extend(_name_words(c) for c in subject.children if c.dep_ in ("poss", "appos"))
        if node.dep_ != "ccomp" or node.head.i == node.i:
            break
        node = node.head
    return tuple(dict.fromkeys(name for name in names if name))


def _name_words(token: Token) -> tuple[str, ...] | None:
    """The plain words of the proper name ``token`` heads ("St Example's
    Hospital": its compounds and possessives), or None: not a name, or a
    place or people name (a country is no body of several)."""
    if token.pos_ != "PROPN" or token.ent_type_ in _NOT_BODIES:
        return None
    parts = [token]
    for child in token.lefts:
        if child.dep_ in ("compound", "poss", "amod") and child.pos_ == "PROPN":
            parts.extend(t for t in child.subtree if t.pos_ == "PROPN")
    parts.sort(key=lambda t: t.i)
    words = tuple(w for t in parts for w in re.findall(r"[a-z]+", plain(t.text)))
    return words or None


def mark_bodies(quantities: list[Quantity]) -> None:
    """Counts of bodies of one kind whose counts add up to a total the story
    gives (see the module docstring): each is its body's item."""
    by_last: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for q in quantities:
        for body in q.bodies:
            if len(body) >= 2:
                by_last[body[-1]].append(body)
    for last, names in by_last.items():
        bodies = _distinct(names)
        if not 2 <= len(bodies) <= _MOST_BODIES:
            continue
        owned = {body: [q for q in quantities if any(set(b) <= set(body) and b[-1] == last for b in q.bodies)]
                 for body in bodies}
        if _adds_up(owned, [q for q in quantities if not any(b[-1] == last for b in q.bodies)]):
            for body, qs in owned.items():
                words = frozenset(body[:-1])
                for q in qs:
                    if q.item is None:
                        q.item = Item(words, words)


def _distinct(names: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The longest spelling of each body: "riverside hospital" is "riverside
    general hospital" too (its words a subset)."""
    out: list[tuple[str, ...]] = []
    for name in sorted(set(names), key=len, reverse=True):
        if not any(set(name) <= set(kept) for kept in out):
            out.append(name)
    return out


def _adds_up(owned: dict[tuple[str, ...], list[Quantity]], others: list[Quantity]) -> bool:
    """One count of each body adds up to a count of their kind that no body is
    named for ("20 … to Riverside Hospital", "31 … to Hill General", "51 were
    taken to hospital")."""
    choices = []
    for qs in owned.values():
        counts = {q.value: q for q in qs if _whole(q)}
        choices.append([counts[value] for value in sorted(counts)[:_MOST_VALUES]])
    if any(not counts for counts in choices):
        return False
    totals = [q for q in others if _whole(q)]
    for parts in product(*choices):
        whole = sum(q.value for q in parts)
        if any(abs(t.value - whole) <= t.precision and all(same_kind_plain(t, q) for q in parts) for t in totals):
            return True
    return False


def _whole(q: Quantity) -> bool:
    """A count that may be a part or a total: stated plainly, not a part already."""
    return not (q.vague or q.subset or q.increment or q.converted or q.duration) and q.low is None \
        and q.qualifier in _TOTALS and q.part_of is None
