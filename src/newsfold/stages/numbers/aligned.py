"""Aligned claims: the same figure in two independent sources with different values.

The key comparison (``conflicts``) needs an event, a verb or a context to tell
one count from another, so it stays silent on most figures ("fined S$3,000",
"300 vouchers", "a S$2.3 million jackpot"). This second comparison works on
claims instead of keys: two sentences of independent on-topic sources that
say the same thing once their numbers are masked, and that carry a figure of
the same kind (the same currency or percent sign, the same counted noun, or
two nouns for one thing: "cars" and "vehicles", ``_synonyms``) with
incompatible values (``compatible``), disagree on that figure.

Method, in order:

1. candidates: every quantity written in digits that counts or measures
   something (a unit, a counted noun, or 100 and up), not vague, not a
   descriptor ("a 30-page report"), not a part of another count
   (coordinated measures are figures: "cut to 220 grams and 90 grams"),
   not a total summed from parts; a small count in words ("eight pieces",
   not "one man", a span of time only told whole, "jailed for six years",
   "closed for two weeks": ``Quantity.term``) only in alike sentences counting one noun, neither
   source writing the other's count (a term one source alone gives also in
   loosely alike ones); durations too ("15 years"), each compared only with its own time unit, additions
   ("26 additional gates", "another 1,000") only with additions, and a
   figure of one item of several ("cost $20 billion and $7 billion,
   respectively") only with a figure of that item (``items.same_item``),
   unless it is a lone value in a plain consensus value's place (below);
2. pairs: figures, not sentences. Two figures of the same kind in sentences
   (in a run-on of glued captions, the words around the figures:
   ``surroundings.claims_of``) of independent sources whose masked wording is alike (most content lemmas
   shared, ``_MIN_SHARED``, and with an embedder close in meaning,
   ``_MIN_COSINE``, or less close with the words next to the two figures
   shared, ``_MIN_COSINE_NEAR``/``_MIN_NEAR``), of one time (``same_time``),
   are scored by both likenesses. A value that one source alone gives, set
   against a value of its kind that ``lone.CONSENSUS`` or more other
   independent sources give, both counting the same written noun, is paired
   from looser likeness (``_MIN_SHARED_LONE``, ``_MIN_COSINE_LONE``: a
   sentence reworded around a changed figure) at a lower score
   (``_LONE_WEIGHT``), so an alike pair always wins. So is a value one
   source alone gives, that source nowhere writing the other source's
   value, when most words next to the two figures are shared
   (``_MIN_NEAR_LONE``: "fitted the new valve to 40,000 boilers",
   "installed the new valve in 60,000 boilers") in sentences that share few
   words (``_MIN_SHARED_NEAR_LONE``, ``_MIN_COSINE_NEAR_LONE``); bare
   numbers and numbers after a name ("a System 7 entry") are left out of
   this tier. Least alike of all, at the lowest score (``_SLOT_WEIGHT``):
   a lone value standing in the place of the number the others agree on,
   which its source never writes (``lone.Backing.slot``). Each figure is
   paired only with its best figure in the other source, both ways (a
   sentence with several figures pairs each with its own counterpart, and
   a figure agreeing with one on the other side takes it; the one figure of
   a kind left unpaired in each of two sentences whose other figures of that
   kind pair, agreeing, are counterparts: ``counterparts``); never a figure
   whose number the other's own sentence also writes, spelled out too
   ("9 hours, up from 2" against "4.5 hours, up from two": 2 is two's
   counterpart, ``_beside``);
3. kept: the values are incompatible, of one scale (``compare.MOST_RATIO``;
   figures further apart are never counterparts), neither is a sum of
   parts that add up to the other ("10 research labs ... two research
   labs" beside "12 research labs"), and neither source writes the other's
   figure for the same claim (in the same sentence, of the same kind; or of
   the same kind, both exact or both bounds, in a sentence alike the
   other's that is not itself the counterpart of another sentence of the
   other source): a source writing both there is giving an update, a
   sub-count or another group. The same number in an unlike sentence is
   another thing;
   also kept: a copy and its original writing one sentence with different
   figures in one place, where a source of another root writes one of the
   two values (``copied``: they are one source, never paired above);
4. grouped: pairs sharing a quantity form one conflict; a value's support is
   the sentence of each quantity stating it.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ...context import StoryContext
from ...model import Conflict
from ...nlp.align import cosines_of_alike, mutual_best
from ...nlp.text import overlap
from .compare import agree, one_scale, same_number
from .copied import copied_pairs
from .counterparts import agreeing_first, last_left
from .disputes import as_conflict, back_known, backed, folded_into, grouped, held, known_pairs
from .inflection import MEASURES
from .items import one_item
from .kinds import kind_test, synonyms_of
from .lone import CONSENSUS, Backing
from .quantity import Quantity
from .surroundings import (
    Claim,
    after_a_name,
    bracket_label,
    claims_of,
    near_words,
    past_event,
    same_time,
    slot_time,
)
from .vocabulary import CHANGE_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Doc

_MIN_SHARED = 0.3  # shared content lemmas over the smaller sentence's
_MIN_COSINE = 0.75  # masked sentences, normalised embeddings
# ... or less close in meaning with the words next to the figures shared
_MIN_COSINE_NEAR = 0.6
_MIN_NEAR = 0.4
# ... or, for a value one source alone gives against one that lone.CONSENSUS or more
# other independent sources give, loosely alike (a reworded sentence), at a lower score
_MIN_SHARED_LONE, _MIN_COSINE_LONE, _LONE_WEIGHT = 0.15, 0.5, 0.5
_SLOT_WEIGHT = 0.25  # a lone value in a consensus value's place, sentences least alike
_MIN_COSINE_SLOT = 0.3
# ... or, for a lone value, with most words next to the two figures shared and the sentences less alike
_MIN_NEAR_LONE, _MIN_SHARED_NEAR_LONE, _MIN_COSINE_NEAR_LONE = 0.5, 0.05, 0.4
_BOUNDS = frozenset({"at_least", "more_than", "less_than", "at_most"})
_EXPLAINS = 0.8  # another sentence of the source this alike the other's (of the pair's likeness) explains it
_DIGITS = re.compile(r"\d[\d,.]*\d|\d")
_LEAST_BARE = 100  # a bare number from here up is a figure ("a strata area of 19,289")


def aligned_conflicts(ctx: StoryContext, quantities: list[Quantity],
                      known: list[Conflict]) -> list[Conflict]:
    """Number conflicts between aligned figures of independent sources
    (see the module docstring), leaving out pairs a ``known`` conflict holds."""
    claims = claims_of(ctx, [q for q in quantities if _candidate(q)])
    if len({claim.root for claim in claims}) < 2:
        return []
    figures = [(i, q) for i, claim in enumerate(claims) for q in claim.quantities]
    figured, roots = [q for _, q in figures], [claims[i].root for i, _ in figures]
    synonyms = synonyms_of(ctx, figured)
    same_kind = kind_test(synonyms)
    backing = Backing(figured, roots, same_kind, synonyms, quantities)
    likeness, words = _likeness(ctx, claims, figures, backing)
    agreeing_first(figures, likeness, same_kind)
    held_pairs = known_pairs(known)
    texts = {article.id: article.text for article in ctx.articles}
    pairs = []
    best = mutual_best([q.source for q in figured], roots, likeness)
    for x, y in best + _restated_pairs(best, figures, likeness, words) + last_left(best, figures, likeness, same_kind):
        a, b = figures[x][1], figures[y][1]
        if _disagree(a, b) and not held(a, b, held_pairs) and not backing.summed(x, b) and not backing.summed(y, a) \
                and not backing.remainder(x, b, texts) and not backing.remainder(y, a, texts) \
                and not _writes_elsewhere(quantities, figures, likeness, ctx.docs, backing, y, x, words.restates) \
                and not _writes_elsewhere(quantities, figures, likeness, ctx.docs, backing, x, y, words.restates):
            pairs.append((a, b))
    pairs += [(a, b) for a, b in copied_pairs(claims, figured, backing.backers, same_kind)
              if not held(a, b, held_pairs)]
    back_known(known, figured, same_kind)
    found = [as_conflict(backed(group, figured, same_kind)) for group in grouped(pairs)]
    return [conflict for conflict in found if not folded_into(conflict, known)]


def _restated_pairs(best: list[tuple[int, int]], figures: list[tuple[int, Quantity]],
                    likeness: list[list[float]], words: _Words) -> list[tuple[int, int]]:
    """A source telling one claim twice, once with the others' value (paired,
    agreeing) and once with a lone value (``_Words.restates``): the lone
    figure paired too, with each figure its agreeing twin pairs with, where
    that figure is the lone one's best in its source."""
    out = []
    for x, y in best + [(y, x) for x, y in best]:
        if not agree(figures[x][1], figures[y][1]):
            continue
        source = figures[y][1].source
        for z, (_, q) in enumerate(figures):
            if q.source == figures[x][1].source and z != x and likeness[z][y] > 0 and words.restates(x, z) \
                    and _best_in(likeness, figures, z, source) <= likeness[z][y]:
                out.append((z, y))
    return out


def _likeness(ctx: StoryContext, claims: list[Claim], figures: list[tuple[int, Quantity]],
              backing: Backing) -> tuple[list[list[float]], _Words]:
    """How alike each two figures of independent sources are (0: not to be
    paired): of one kind, in sentences of one time that are alike once their
    numbers are masked (``_sentence_alike``), scored by the sentences' shared
    lemmas and meaning and by the words around each figure. A lone figure
    (``lone``) against one that two or more other sources back needs less
    alike sentences, and scores lower than any pair that is alike; a lone
    figure in a consensus value's place (``Backing.slot``) needs least, and
    scores lowest (``_Words.weight``)."""
    same_kind = backing.same_kind
    members: dict[int, list[int]] = defaultdict(list)
    for x, (i, _) in enumerate(figures):
        members[i].append(x)
    words = _Words.of(ctx, claims, figures, backing)

    def counterparts(i: int, j: int, shared: float) -> bool:
        """Two figures that may pair: of one kind and scale, in sentences
        sharing ``_MIN_SHARED`` lemmas, or fewer for a lone value."""
        return any(same_kind(figures[x][1], figures[y][1]) and one_scale(figures[x][1], figures[y][1])
                   and (shared >= _MIN_SHARED or backing.lone_pair(x, y) or words.told_alike(x, y))
                   for x in members[i] for y in members[j])

    # a lone value in a consensus value's place is read in sentences sharing no words too
    slots = {(figures[x][0], figures[w][0]) for x, w in backing.slot_pairs()}
    shared, cosine = _sentence_likeness(ctx, claims, counterparts, _MIN_SHARED_NEAR_LONE,
                                        slots | {(j, i) for i, j in slots})
    size = len(figures)
    out = [[0.0] * size for _ in range(size)]
    for x, (i, a) in enumerate(figures):
        for y in range(x + 1, size):
            j, b = figures[y]
            # cheapest tests first: this runs over every two figures of the story
            if claims[i].root == claims[j].root or cosine[i][j] < _MIN_COSINE_SLOT or a.increment != b.increment \
                    or a.term != b.term and (a.small_in_words or b.small_in_words) \
                    or not same_kind(a, b) or not one_scale(a, b) or not one_item(backing, x, y):
                continue
            if (shared[i][j] < _MIN_SHARED_NEAR_LONE or cosine[i][j] < _MIN_COSINE_NEAR_LONE) \
                    and not backing.slot(x, y) or words.two_items(x, y):
                continue
            if _beside(ctx.docs, backing, a, b) or _beside(ctx.docs, backing, b, a):
                continue  # "4.5 hours, up from two" and "9 hours, up from 2": 2 is two's counterpart
            around = overlap(words.near[x], words.near[y])
            score = shared[i][j] + cosine[i][j] + around
            out[x][y] = out[y][x] = score * words.weight(x, y, shared[i][j], cosine[i][j], around)
    return out, words


@dataclass
class _Words:
    """What the words around each figure tell (``_likeness``)."""

    claims: list[Claim]
    figures: list[tuple[int, Quantity]]
    backing: Backing
    near: list[frozenset[str]]  # word stems next to it
    named: list[bool]  # after a name: "a System 7 entry"
    labels: list[frozenset[str]]  # the item a bracketed figure prices: "Hangover ($37)"
    of_one_time: dict[tuple[int, int], bool] = field(default_factory=dict)

    @classmethod
    def of(cls, ctx: StoryContext, claims: list[Claim], figures: list[tuple[int, Quantity]],
           backing: Backing) -> _Words:
        return cls(claims, figures, backing, [near_words(ctx, q) for _, q in figures],
                   [after_a_name(ctx, q) for _, q in figures],
                   [bracket_label(ctx.article(q.source).text, q) for _, q in figures])

    def told_alike(self, x: int, y: int) -> bool:
        """A value one source alone gives beside another source's value, the
        words next to the two figures alike (the same thing counted, reworded
        around it); a number after a name ("a System 7 entry") names a thing."""
        return overlap(self.near[x], self.near[y]) >= _MIN_NEAR_LONE and not (self.named[x] or self.named[y]) \
            and self.backing.lone_against(x, y)

    def restates(self, z: int, y: int) -> bool:
        """Figures ``z`` and ``y`` of one source in two sentences of one time,
        counting one noun with most words next to them shared ("borrowed $500
        from loan sharks", "borrowed $750 from a loan shark"), ``y`` a lone
        value and ``z``'s number one that ``CONSENSUS`` or more other sources
        write: the source tells one claim twice with two values, so ``z``
        explains nothing about ``y``."""
        (i, a), (j, b) = self.figures[z], self.figures[y]
        if i == j or not self.backing.lone(y) or len(self.backing.backers[z] - {self.claims[j].root}) < CONSENSUS:
            return False
        synonyms = self.backing.synonyms
        one_noun = (a.head and synonyms.get(a.head, a.head)) == (b.head and synonyms.get(b.head, b.head))
        return one_noun and overlap(self.near[z], self.near[y]) >= _MIN_NEAR_LONE and same_time(self.claims[i], self.claims[j])

    def two_items(self, x: int, y: int) -> bool:
        """Bracketed figures of two items: "Korean teas ($9)", "sesame ice cream (S$8)"."""
        return bool(self.labels[x] and self.labels[y] and not self.labels[x] & self.labels[y])

    def weight(self, x: int, y: int, shared: float, cosine: float, around: float) -> float:
        """1 for figures in alike sentences of one time, ``_LONE_WEIGHT`` for a
        lone value in looser ones (of one time, or told of a dated past
        event: ``_past_pair``) or one item's price in two lists,
        ``_SLOT_WEIGHT`` for a lone value in a consensus value's place, else 0."""
        (i, a), (j, b) = self.figures[x], self.figures[y]
        if (i, j) not in self.of_one_time:
            self.of_one_time[(i, j)] = same_time(self.claims[i], self.claims[j])
        one_time = self.of_one_time[(i, j)]
        loose = shared >= _MIN_SHARED_LONE and cosine >= _MIN_COSINE_LONE
        alike = one_time and loose and _sentence_alike(shared, cosine, around)
        if a.small_in_words or b.small_in_words:
            if alike and self._spelled_pair(x, y):
                return 1.0
            # a whole span one source alone gives, reworded ("a sentence of six and a half years")
            return _LONE_WEIGHT if a.term and b.term and one_time and loose and self.backing.lone_pair(x, y) else 0.0
        if alike:
            return 1.0
        if one_time and (loose and self.backing.lone_pair(x, y) or self.told_alike(x, y)) \
                or self.labels[x] & self.labels[y] or loose and self._past_pair(x, y):
            return _LONE_WEIGHT
        if not self.backing.slot(x, y):
            return 0.0
        lone_first = y in self.backing.slot_of(x)
        timely = slot_time(self.claims[i], a, self.claims[j]) if lone_first \
            else slot_time(self.claims[j], b, self.claims[i])
        return _SLOT_WEIGHT if timely else 0.0

    def _spelled_pair(self, x: int, y: int) -> bool:
        """Small counts in words ("eight pieces", "Nine pieces") pair when they
        count one noun and neither source writes the other's count of its kind
        anywhere ("three charges ... two related charges": groups of a list)."""
        (_, a), (_, b) = self.figures[x], self.figures[y]
        synonyms, writers = self.backing.synonyms, self.backing.writers
        one_noun = a.head is not None and synonyms.get(a.head, a.head) == synonyms.get(b.head or "", b.head)
        return one_noun and a.source not in writers[y] and b.source not in writers[x]

    def _past_pair(self, x: int, y: int) -> bool:
        """A lone value told of a past event without its date, beside a
        counting-the-same-noun consensus value dated earlier (``past_event``)."""
        (i, _), (j, _) = self.figures[x], self.figures[y]
        if not self.backing.lone_pair(x, y):
            return False
        lone_first = self.backing.lone(x)
        return past_event(self.claims[i], self.claims[j]) if lone_first else past_event(self.claims[j], self.claims[i])


def _sentence_alike(shared: float, cosine: float, around: float) -> bool:
    """Alike enough to compare their figures: close in meaning with some
    lemmas shared, or less close with the words around the figures shared."""
    if shared < _MIN_SHARED:
        return False
    return cosine >= _MIN_COSINE or cosine >= _MIN_COSINE_NEAR and around >= _MIN_NEAR


def _candidate(q: Quantity) -> bool:
    """A figure that may be compared: it counts or measures something, or is
    large enough to be a figure rather than a small bare number."""
    if q.small_in_words and (q.value < 2 or q.head is None or q.duration and not q.term or q.head in MEASURES):
        return False  # "one man": an aside; "eight pieces", "jailed for six years" are compared
    if not any(c.isdigit() for c in q.text) and q.head is None:
        return False  # a count of ten or more is spelled out where a sentence starts ("Fourteen homes")
    if q.vague or q.descriptor or q.derived or q.sentence_span is None:
        return False
    if q.part_of is not None and q.head not in MEASURES:
        return False  # "10 research labs and three teaching labs": parts of a count, not its figures
    return q.unit is not None or q.head is not None or q.value >= _LEAST_BARE


def _sentence_likeness(ctx: StoryContext, claims: list[Claim], read: Callable[[int, int, float], bool],
                       least: float, also: set[tuple[int, int]]) -> tuple[list[list[float]], list[list[float]]]:
    """Shared content lemmas and cosine (1.0 without an embedder) of each two
    claims' masked sentences; a cosine only where ``read(i, j, shared)``
    with ``least`` shared, or for the pairs ``also`` (0 elsewhere: those pairs
    are never read)."""
    size = len(claims)
    shared = [[overlap(claims[i].lemmas, claims[j].lemmas) for j in range(size)] for i in range(size)]
    if ctx.embedder is None:
        return shared, [[1.0] * size for _ in range(size)]
    wanted = [[1.0 if claims[i].root != claims[j].root and (shared[i][j] >= least and read(i, j, shared[i][j])
                                                           or (i, j) in also) else 0.0
               for j in range(size)] for i in range(size)]
    cosine = cosines_of_alike(ctx.embedder, [_DIGITS.sub("#", claim.text) for claim in claims],
                              [claim.root for claim in claims], wanted, 1.0)
    return shared, [[float(cosine[i][j]) for j in range(size)] for i in range(size)]


def _beside(docs: dict[str, Doc], backing: Backing, own: Quantity, figure: Quantity) -> bool:
    """``own``'s sentence also writes ``figure``'s number, of its kind, spelled
    out too ("up from two hours"): that mention is ``figure``'s counterpart, not
    ``own``; an item's price is written only by a price of that item ("Leek
    ($12)" does not write "Ginger soup ($12)")."""
    label = bracket_label(docs[figure.source].text, figure)
    text = docs[own.source].text
    return any(q is not own and not q.vague and backing.same_kind(q, figure) and agree(q, figure)
               and _bound(q) == _bound(figure) and not (label and label.isdisjoint(bracket_label(text, q) or label))
               for q in backing.sentences.get((own.source, own.sentence_span), []))


def _disagree(a: Quantity, b: Quantity) -> bool:
    """Incompatible values of one scale (further apart, they are other things)."""
    return not agree(a, b) and one_scale(a, b)


def _writes_elsewhere(quantities: list[Quantity], figures: list[tuple[int, Quantity]],
                      likeness: list[list[float]], docs: dict[str, Doc], backing: Backing,
                      x: int, y: int, restates: Callable[[int, int], bool]) -> bool:
    """True when figure ``y``'s source also writes figure ``x``'s number (of
    its kind, not vague, or one agreeing with it: "$72.60" beside "almost
    $73") in ``y``'s own sentence ("cut from 250g to 220g"; "at least nine
    strokes" is no term of years; a limit, "younger than 18 months", is not
    written by an exact "18 months" there, nor the other way), or
    of its kind in a sentence about as alike ``x``'s as ``y``'s is (``_EXPLAINS``;
    both exact or both bounds): that
    source gives both, for the claim ``x`` makes and for another (an update,
    a sub-count, another group). The same number in an unlike sentence is
    another thing; it does not explain away the disagreement. A bound only
    bounds: "up to S$3,000" does not write a fine of S$3,000. Nor does a
    sentence telling ``y``'s claim again with ``x``'s number
    (``_Words.restates``, no word of change in either): two values for one
    thing. Anywhere else,
    the same number explains the disagreement only with a word of change
    in one of the three sentences (``CHANGE_WORDS``: "initially", "ballooned"),
    or when the two figures count different nouns (a group and its part);
    an age set off after a name ("Ana Ruiz, 42,") writes no figure that
    counts or measures something ("42 months")."""
    figure, own = figures[x][1], figures[y][1]
    doc = docs[own.source]
    text = doc.text
    if _beside(docs, backing, own, figure):
        return True
    same_kind = backing.same_kind
    least = likeness[y][x] * _EXPLAINS
    if any(z != y and q.source == own.source and likeness[z][x] >= least and _same_bound_value(q, figure)
           and _best_in(likeness, figures, z, figure.source) <= likeness[z][x]
           and not (restates(z, y) and not _tells_change(doc, q) and not _tells_change(doc, own))
           for z, (_, q) in enumerate(figures)):
        return True
    # Two counted nouns ("1,200 teachers", "4,500 staff"): a source writing both counts two groups.
    two_groups = bool(own.head and figure.head and own.head != figure.head)
    changed = two_groups or _tells_change(docs[figure.source], figure) or _tells_change(doc, own)
    counted = bool(figure.head or figure.unit)
    return any(q is not own and q.source == own.source and same_kind(q, figure) and _same_bound_value(q, figure)
               and not (counted and _an_age(text, q)) and (changed or _tells_change(doc, q)) for q in quantities)


def _an_age(text: str, q: Quantity) -> bool:
    """A bare number set off by commas after a name: "Ana Ruiz, 42, said"."""
    before = text[max(0, q.start - 40):q.start]
    return not (q.head or q.unit) and text[q.end:q.end + 1] == "," \
        and bool(re.search(r"[A-Z][\w'’-]*,\s(?:then\s|aged\s)?$", before))


def _best_in(likeness: list[list[float]], figures: list[tuple[int, Quantity]], z: int, source: str) -> float:
    """How alike figure ``z`` is to its closest figure of ``source``."""
    return max((likeness[z][w] for w, (_, q) in enumerate(figures) if q.source == source), default=0.0)


def _tells_change(doc: Doc, q: Quantity) -> bool:
    """A word of change (``CHANGE_WORDS``) in ``q``'s sentence that can speak
    of a figure: a verb or an adverb ("rose", "initially"), a word of time
    ("in the previous survey": the sentence's figures are of then), or a
    participle of the figure or its noun ("a combined S$230 million"). A
    participle of another noun ("an updated code of practice", "the revised
    rules") tells a change of that thing, not of a figure."""
    start, end = q.sentence_span or (q.start, q.end)
    reach = q.end + len(q.counted or "") + 1
    return any(t.lower_ in CHANGE_WORDS and not (t.dep_ == "amod" and t.tag_ in ("VBN", "VBD")
                                                 and not q.start <= t.head.idx <= reach)
               for t in doc.char_span(start, end, alignment_mode="expand") or ())


def _same_bound_value(q: Quantity, figure: Quantity) -> bool:
    return _bound(q) == _bound(figure) and same_number(q, figure)


def _bound(q: Quantity) -> bool:
    return q.qualifier in _BOUNDS
