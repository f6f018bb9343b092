"""Lone values: a figure one source alone gives, set against what others give.

A figure changed in one report stands alone: no other independent source
writes its number of its kind, while the number it replaced is still written
by the others. Who writes each figure (``Backing``) lets the aligned
comparison pair such a lone value from looser likeness than two figures that
are both backed:

- ``lone_pair``: a lone value against one that ``CONSENSUS`` or more other
  independent sources give, both counting the same written noun;
- ``lone_against``: a lone value whose source nowhere writes the other's
  value (the words next to the two figures then decide, in ``aligned``);
- ``slot``: a lone value in the place of a consensus value its source
  never writes (see ``Backing.slot``).
"""
from __future__ import annotations

import re

from collections import defaultdict

from .compare import agree, interval, one_scale, same_number
from .kinds import STEM, SameKind, one_noun
from .quantity import Quantity

CONSENSUS = 2  # other independent sources writing a value that make it the story's
_SLOT_RATIO = 2.0  # a value in another's place is this close to it ("S$600" a child, "S$1,250" a carer)
_MOST_PARTS = 6  # other figures of a sentence tried as parts of a total with one
_TOTALS = frozenset({"exactly", "about", "almost"})  # qualifiers of a total parts may add up to
_PART_OF = re.compile(r"\b(?:including|of\s+which|of\s+whom|among\s+them)\b", re.IGNORECASE)
_PART_REACH = 80  # characters from a whole to the part it includes


class Backing:
    """Who writes each figure's number, of its kind, in any sentence ("up to
    15 years" and "15 years" back each other): the sources and the
    independent sources (roots)."""

    def __init__(self, figures: list[Quantity], roots: list[str], same_kind: SameKind,
                 synonyms: dict[str, str], quantities: list[Quantity] | None = None) -> None:
        self.figures, self.roots, self.same_kind, self.synonyms = figures, roots, same_kind, synonyms
        # every quantity of a sentence, spelled-out counts too: parts of a total
        self.sentences: dict[tuple[str, tuple[int, int] | None], list[Quantity]] = defaultdict(list)
        for q in quantities if quantities is not None else figures:
            self.sentences[(q.source, q.sentence_span)].append(q)
        self.by_unit: dict[str, list[int]] = defaultdict(list)  # figures that may be of one kind
        for x, q in enumerate(figures):
            self.by_unit[_unit_key(q)].append(x)
        size = len(figures)
        self.writers: list[frozenset[str]] = [frozenset()] * size
        self.backers: list[frozenset[str]] = [frozenset()] * size
        for members in self.by_unit.values():
            for x in members:
                a = figures[x]
                alike = [y for y in members if same_kind(a, figures[y]) and same_number(a, figures[y])]
                self.writers[x] = frozenset(figures[y].source for y in alike)
                self.backers[x] = frozenset(roots[y] for y in alike)
        self._slots: dict[int, list[int]] = {}  # lone figure -> the figures whose place it takes

    def lone(self, x: int) -> bool:
        """No other independent source writes figure ``x``'s number."""
        return self.backers[x] == {self.roots[x]}

    def consensus_against(self, x: int, y: int) -> bool:
        """Figure ``y``'s number is written by ``CONSENSUS`` or more independent
        sources besides ``x``'s, and never by ``x``'s source."""
        return len(self.backers[y] - {self.roots[x]}) >= CONSENSUS and self.figures[x].source not in self.writers[y]

    def lone_pair(self, x: int, y: int) -> bool:
        """Two figures counting one written noun, or one's noun the other's act
        (``_same_noun``: "a S$75 million donation", "donated S$50 million"),
        one a lone value, the other given by ``CONSENSUS`` or more other
        independent sources."""
        a, b = self.figures[x], self.figures[y]
        if not self._same_noun(a, b):
            return False
        return self.lone(x) and len(self.backers[y] - {self.roots[x]}) >= CONSENSUS \
            or self.lone(y) and len(self.backers[x] - {self.roots[y]}) >= CONSENSUS

    def lone_against(self, x: int, y: int) -> bool:
        """Two figures that count or measure something (not bare numbers: a
        code, a phone number), one a lone value whose source nowhere writes
        the other's value."""
        a, b = self.figures[x], self.figures[y]
        if not ((a.unit or a.head) and (b.unit or b.head)):
            return False
        return self.lone(x) and self.roots[x] not in self.backers[y] \
            or self.lone(y) and self.roots[y] not in self.backers[x]

    def slot_pairs(self) -> list[tuple[int, int]]:
        """Every lone figure with each figure whose place it takes."""
        return [(x, w) for x in range(len(self.figures)) if self.lone(x) for w in self.slot_of(x)]

    def slot(self, x: int, y: int) -> bool:
        """One of two figures is a lone value standing where the other, a
        consensus value, stands in the other reports (``slot_of``)."""
        return y in self.slot_of(x) or x in self.slot_of(y)

    def slot_of(self, x: int) -> frozenset[int]:
        """The figures of other sources whose place lone figure ``x`` takes: of
        its kind, at most ``_SLOT_RATIO`` apart, disagreeing with it, not a range, a duration nor
        parts adding up to it, all of the one number that ``CONSENSUS`` or
        more other independent sources write and ``x``'s source never writes
        (of several such numbers, the one most independent sources write;
        none on a tie), and ``x``'s number the only lone number of its source
        of that kind and scale disagreeing with it; a lone number its source
        writes with a noun ("15 fatalities", "the S$20 pack") takes the place
        only of a number some report writes with that noun, or with the act
        it names ("donated S$50 million" for "a S$75 million donation"; "19
        workers" is another count), and one it writes with no noun only where
        its sentence names theirs ("workshops at $20" is no "$15 food voucher"). A report that never writes what the others agree
        on, and writes a figure of the same kind that no one else writes,
        gives another value for the same thing."""
        if x not in self._slots:
            self._slots[x] = self._find_slot(x)
        return frozenset(self._slots[x])

    def _find_slot(self, x: int) -> list[int]:
        a = self.figures[x]
        if not (self.lone(x) and (a.unit or a.head)) or a.low is not None or a.duration:
            return []  # a range has no one value; a span of years may be an age, a wait, a term
        places = [w for w in self.by_unit[_unit_key(a)] if self.roots[w] != self.roots[x]
                  and ((b := self.figures[w]).unit or b.head) and b.low is None and self.same_kind(a, b)
                  and one_scale(a, b, _SLOT_RATIO) and not agree(a, b) and self.consensus_against(x, w)
                  and not self.summed(x, b) and not self.summed(w, a)]
        places = self._most_backed(places)
        if not a.head and not self._tells_noun_of(a, places):
            return []  # "workshops are priced at $20" takes no "$15 food voucher"'s place
        named = [q for q in self.figures if q.source == a.source and q.head and same_number(q, a)
                 and self.same_kind(q, a)]
        if not places or named and not any(self._same_noun(q, self.figures[w]) for q in named for w in places):
            return []  # "packs of S$10 and S$20 ... the S$20 pack": no report prices a pack at the other number
        value = self.figures[places[0]]
        if any(z != x and q.source == a.source and self.lone(z) and not same_number(q, a) and self.same_kind(q, value)
               and one_scale(q, value) and not agree(q, value) for z, q in enumerate(self.figures)):
            return []
        return places

    def summed(self, x: int, total: Quantity) -> bool:
        """Figure ``x`` and some other figures of its kind in its sentence add
        up to ``total``: parts of it ("S$165 million and S$65 million
        respectively" beside "a combined S$230 million"; "10 research labs
        ..., while the annexe houses two research labs" beside "12 research
        labs"), not another value for it."""
        a = self.figures[x]
        if total.qualifier not in _TOTALS or total.low is not None:
            return False  # a bound ("over 75%") is no total that parts could add up to
        others = [q for q in self.sentences.get((a.source, a.sentence_span), [])
                  if q is not a and not q.vague and q.low is None and self.same_kind(q, a)][:_MOST_PARTS]
        low, high, _, _ = interval(total)
        for mask in range(1, 2 ** len(others)):
            parts = [a, *(q for bit, q in enumerate(others) if mask >> bit & 1)]
            whole, slack = sum(q.value for q in parts), max(q.precision for q in parts)
            if low - slack <= whole <= high + slack:
                return True
        return False

    def remainder(self, x: int, other: Quantity, texts: dict[str, str]) -> bool:
        """Figure ``x``'s number less a part that some report of it counts
        within it ("120 berths, including 8 floating pontoons") is ``other`` ("112
        berths" along the quay): the rest of the whole, not another value
        for it. ``texts``: each source's article text."""
        a = self.figures[x]
        if other.qualifier not in _TOTALS or other.low is not None or a.low is not None:
            return False
        low, high, _, _ = interval(other)
        for whole in (q for q in self.figures if q.value == a.value and q.unit == a.unit and q.low is None):
            text = texts[whole.source]
            for q in self.sentences.get((whole.source, whole.sentence_span), []):
                between = text[whole.end:q.start]
                if q.start > whole.end and len(between) <= _PART_REACH and _PART_OF.search(between) \
                        and q.low is None and not q.vague and q.unit == a.unit \
                        and low - max(a.precision, q.precision) <= a.value - q.value <= high + max(a.precision, q.precision):
                    return True
        return False

    def _same_noun(self, a: Quantity, b: Quantity) -> bool:
        """Both figures count a noun, the same one or two names for one thing
        (a figure with no head counts the noun it is "of", "a fine of
        S$3,000", beside one with a head, "a S$9,000 fine"; two "of" nouns,
        "a fine of S$4,500" and "a fine of up to S$3,000", are too weak a
        reading); or one figure's noun is what the other's verb does ("a S$75
        million donation" beside "donated S$50 million": the same thing, told as an act)."""
        noun_a = noun_b = None
        if a.head or b.head:
            noun_a, noun_b = a.head or a.of_noun, b.head or b.of_noun
        if not (noun_a and noun_b):
            return _noun_of_verb(a, b) or _noun_of_verb(b, a)
        return self.synonyms.get(noun_a, noun_a) == self.synonyms.get(noun_b, noun_b) or one_noun(noun_a, noun_b)

    def _tells_noun_of(self, a: Quantity, places: list[int]) -> bool:
        """A lone figure counting no noun may take the place of figures that
        each count one only where its sentence names one of those nouns ("fined
        S$3,000" for "a S$3,000 fine"; "the prize was S$2 million" for "a S$1
        million prize"); a place some report gives with no noun is open to it."""
        heads = [self.figures[w].head for w in places]
        if not all(heads):
            return True
        nouns = {self.synonyms.get(h, h) for h in heads if h}
        told = {self.synonyms.get(word, word) for word in a.context}
        return bool(nouns & told) or any(noun[:STEM] == word[:STEM] for noun in nouns for word in told)

    def _most_backed(self, places: list[int]) -> list[int]:
        """The figures of the number more independent sources write than any
        other number among them ("S$54.5 million" in four reports, a
        conversion "$40.23 million" in two); none on a tie."""
        numbers: list[list[int]] = []
        for w in places:
            same = next((n for n in numbers if same_number(self.figures[n[0]], self.figures[w])), None)
            if same is None:
                numbers.append([w])
            else:
                same.append(w)
        backed = sorted(((len(frozenset().union(*(self.backers[w] for w in n))), n) for n in numbers),
                        key=lambda item: -item[0])
        if not backed or len(backed) > 1 and backed[0][0] == backed[1][0]:
            return []
        return backed[0][1]


def _noun_of_verb(a: Quantity, b: Quantity) -> bool:
    """``a`` counts no noun and its verb is ``b``'s noun told as an act
    ("donated" and "donation", "fined" and "fine"), alike in their first letters."""
    noun, verb = b.head or b.of_noun, a.verb
    # a short stem drops the verb's final "e" ("fined" -> "fin" for the noun "fine")
    return not (a.head or a.of_noun) and noun is not None and verb is not None \
        and (verb[:STEM] == noun[:STEM] or noun == verb + "e")


def _unit_key(q: Quantity) -> str:
    """Figures of one kind share this: the unit's last sign ("$" of "S$", "US$")."""
    return (q.unit or "")[-1:]
