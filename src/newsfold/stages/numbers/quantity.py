"""Quantity: one number in one source, with what it counts."""
from __future__ import annotations

from dataclasses import dataclass, field

from .vocabulary import PEOPLE_CLASSES, PERSON_NOUNS

QUALIFIERS = ("exactly", "at_least", "more_than", "less_than", "at_most", "almost", "about")


@dataclass(frozen=True)
class Item:
    """What a figure of several items in one sentence, or a count of one body
    of several, belongs to (see ``items``)."""

    words: frozenset[str]  # content lemmas telling its item from the others
    names: frozenset[str]  # the proper nouns among them
    slot: tuple[int, int] | None = None  # (place, count) of its figure among its sentence's items

    def named_in(self, lemmas: frozenset[str]) -> bool:
        """One of its names, else most of its words, is among ``lemmas``."""
        if self.names:
            return bool(self.names & lemmas)
        return bool(self.words) and 2 * len(self.words & lemmas) > len(self.words)


@dataclass
class Quantity:
    """One number in one source, with what it counts.

    ``value`` is the number as written (the low end for a range, the unit for a
    vague word like "hundreds"); ``low``/``high`` are set for ranges only.
    ``start``/``end`` cover the qualifier, number and unit ("more than 53",
    "€2.3 million", "3.5%"); ``text`` is ``article.text[start:end]``.
    """

    source: str
    start: int
    end: int
    value: float
    qualifier: str = "exactly"  # one of QUALIFIERS
    low: float | None = None
    high: float | None = None
    unit: str | None = None  # "%", "€", "$"... (None for plain counts)
    counted: str | None = None  # the counted noun as written: "Ruritanian soldiers"
    head: str | None = None  # normalised head noun: "soldier"
    referent: str | None = None  # class of what is counted: military, civilians... else head
    event: str | None = None  # injured|killed|deployed|arrested|...
    sentence: int = -1  # Sentence.index of the sentence holding it
    text: str = ""
    vague: bool = False  # "hundreds", "dozens": never compared
    precision: float = 0.0  # half a unit of the last written decimal
    demonym: bool = False  # counted noun is a people name ("Ruritanians")
    part_of: int | None = None  # index (in this source's list) of the total it is part of
    derived: bool = False  # a total summed from coordinated parts ("11 ... and 19 ...")
    sentence_span: tuple[int, int] | None = field(default=None, repr=False)
    descriptor: bool = False  # "nine-person brawl", "93-seat parliament": describes another noun
    increment: bool = False  # "two more", "another two", "two other": added to some other count
    subset: bool = False  # "three of the soldiers", or its sentence splits a group ("the other two")
    background: bool = False  # its sentence is dated to an earlier time ("last week", "in 2015")
    owners: frozenset[str] = field(default_factory=frozenset)  # whose: "Ruritanian troops", "Ruritania has"
    duration: bool = False  # "15 years", "30 days": a span of time, not a count
    term: bool = False  # a span told whole: "closed for two weeks", "jailed for six years" (``describe.is_term``)
    verb: str | None = None  # lemma of the verb governing the count
    of_noun: str | None = None  # lemma of the noun a figure with no head is "of": "a fine of S$3,000"
    converted: bool = False  # a conversion in brackets of the figure before it: "17 miles (27km)"
    bodies: tuple[tuple[str, ...], ...] = ()  # named bodies it is restricted to or told by, as plain words
    item: Item | None = None  # the item of several it belongs to ("X cost $2bn and Y $1bn, respectively")
    context: frozenset[str] = field(default_factory=frozenset, repr=False)  # content lemmas of its sentence
    modifiers: frozenset[str] = field(default_factory=frozenset, repr=False)  # of the counted noun

    @property
    def people(self) -> bool:
        return self.referent in PEOPLE_CLASSES or self.head in PERSON_NOUNS or self.demonym

    @property
    def small_in_words(self) -> bool:
        """A count under ten in words ("eight pieces"), as news style writes small counts."""
        return self.value < 10 and not any(c.isdigit() for c in self.text)

    @property
    def key(self) -> tuple[str | None, str, str | None] | None:
        """What must match for two quantities to be the same quantity, or None."""
        if self.vague or self.referent is None or self.descriptor or self.duration:
            return None
        if self.people and self.event is None:
            # "30 soldiers" without an event could be anything: too loose to compare.
            return None
        return (self.event, self.referent, self.unit)
