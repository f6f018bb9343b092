"""Organisation names written several ways: legal forms and generic endings,
body heads written either way round, a Malay place word or its English, and a
short form spelled out inside a name.

Each rule unions keys of the folded-name groups (see :mod:`.merging`); none
touches a person's name.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Protocol

from ...nlp.lexicon import ENGLISH_BEFORE_NAME, GENERIC_ORG_TAILS, INVERTIBLE_BODY_HEADS, LEGAL_FORMS, MALAY_GENERICS
from .acronyms import initials


class _Union(Protocol):
    def find(self, key: str) -> str: ...
    def union(self, a: str, b: str) -> None: ...


def merge_legal_forms(uf: _Union, groups: dict, labels: dict[str, str]) -> None:
    """'X Ltd', 'X Limited', 'X (Private) Limited' and 'X' are one company:
    names that are equal once their legal forms are dropped merge, and so does
    the bare name when the story writes it (the legal form says it is a
    company, whatever the tagger said). A generic ending ("X International",
    "X Group") is dropped the same way, but only to join a bare name that is
    not a person's ("Velmont" of "Velmont International", not "Okoro" of
    "Okoro Group" when the story names a person Okoro; a lone word the tagger
    called a person is no surname when no person's full name holds it)."""
    by_base: dict[str, list[str]] = defaultdict(list)
    person_words = _person_words(groups, labels)
    for key in groups:
        words = key.split()
        while len(words) > 1 and words[-1] in LEGAL_FORMS:
            words.pop()
        base = " ".join(words)
        by_base[base].append(key)
        if base != key and base in groups:
            uf.union(base, key)
        if labels.get(key) == "PERSON":
            continue
        while len(words) > 1 and words[-1] in GENERIC_ORG_TAILS | LEGAL_FORMS:
            words.pop()
        bare = " ".join(words)
        if bare != key and bare in groups and (labels.get(bare) != "PERSON" or bare not in person_words):
            uf.union(bare, key)
    for keys in by_base.values():  # "2Harbour Relief Fund Bhd" / "... Berhad"
        for other in keys[1:]:
            uf.union(keys[0], other)


def _person_words(groups: dict, labels: dict[str, str]) -> set[str]:
    """The words of people's full names: a bare word among them may be a surname."""
    return {w for k in groups if labels.get(k) == "PERSON" and len(k.split()) >= 2 for w in k.split()}


def merge_inverted_heads(uf: _Union, groups: dict, labels: dict[str, str]) -> None:
    """'Calden Fisheries Department' is 'Calden Department of Fisheries', 'Ports
    Ministry' is 'Ministry of Ports': a body's head word written last
    joins the name that writes it first with "of", when exactly one does."""
    for key in groups:
        words = key.split()
        if labels.get(key) == "PERSON" or len(words) < 2 or words[-1] not in INVERTIBLE_BODY_HEADS:
            continue
        head = words[-1]
        owners = set()
        for split in range(len(words) - 1):
            prefix, subject = words[:split], words[split:-1]
            if not subject or subject[0] in ("of", "and", "the"):
                continue
            inverted = " ".join(prefix + [head, "of"] + subject)
            if inverted in groups and labels.get(inverted) != "PERSON":
                owners.add(uf.find(inverted))
        if len(owners) == 1:
            uf.union(owners.pop(), key)


def merge_translated_generics(uf: _Union, groups: dict, labels: dict[str, str]) -> None:
    """'Pulau Seranti' is 'Seranti Island', 'Kompleks Harbour Jaya' the 'Harbour
    Jaya Complex': a name opening with a Malay place or building word joins
    the name the story writes with its English word (``MALAY_GENERICS``)."""
    for key in groups:
        words = key.split()
        english = MALAY_GENERICS.get(words[0]) if len(words) >= 2 else None
        if english is None:
            continue  # (a name opening with such a word is no person's, whatever the tagger said)
        rest = words[1:]
        other = " ".join([english, *rest] if english in ENGLISH_BEFORE_NAME else [*rest, english])
        if other in groups and labels.get(other) != "PERSON":
            uf.union(key, other)


def merge_spelled_short_forms(uf: _Union, groups: dict, labels: dict[str, str]) -> None:
    """'Velmont PE Trust' is 'Velmont Private Equity Trust': a name with one word in
    capitals joins the one longer name that is the same but for that word
    spelled out, its initials in order."""
    names = [k for k in groups if labels.get(k) != "PERSON" and len(k.split()) >= 2]
    for key in names:
        surface_words = groups[key][0].surface.split()
        words = key.split()
        if len(surface_words) != len(words):
            continue
        for index, written in enumerate(surface_words):
            letters = written.replace(".", "")
            if not (2 <= len(letters) <= 4 and letters.isalpha() and letters.isupper()):
                continue
            width = len(letters)
            before, after = words[:index], words[index + 1:]
            owners = {uf.find(other) for other in names
                      if len(other.split()) == len(words) - 1 + width
                      and other.split()[:index] == before
                      and other.split()[index + width:] == after
                      and initials(" ".join(other.split()[index:index + width])) == letters.lower()}
            if len(owners) == 1:
                uf.union(owners.pop(), key)



def merge_first_word_short_forms(uf: _Union, groups: dict, labels: dict[str, str]) -> None:
    """'Halvane' of 'Halvane Logistics', 'Kestrelby' of 'Kestrelby Chemical
    Storage': a one-word name, an organisation or a "person" that no person's
    full name holds, that opens exactly one organisation of two words or more
    is its short form. Never a place: "Calden" of "Calden Transit" may be
    the town the body is named after."""
    person_words = _person_words(groups, labels)
    opened: dict[str, set[str]] = defaultdict(set)
    for key in groups:
        words = key.split()
        if len(words) >= 2 and labels.get(key) == "ORG":
            opened[words[0]].add(uf.find(key))
    for word, bodies in opened.items():
        label = labels.get(word)
        if len(bodies) == 1 and word in groups and (label == "ORG" or label == "PERSON" and word not in person_words):
            uf.union(next(iter(bodies)), word)


def merge_owner_short_forms(uf: _Union, groups: dict, labels: dict[str, str]) -> None:
    """'St Bevan' of 'St Bevan's General Hospital': a name that is the owner
    written before the possessive of exactly one longer name, and no person,
    is that site's short form."""
    owned: dict[str, set[str]] = defaultdict(set)
    for key in groups:
        for mark in ("'s ", "’s "):
            if mark in key:
                owned[key.split(mark)[0]].add(uf.find(key))
    for owner, sites in owned.items():
        if len(sites) == 1 and owner in groups and labels.get(owner) != "PERSON":
            uf.union(next(iter(sites)), owner)
