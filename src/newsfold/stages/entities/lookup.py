"""canonical_lookup: any surface name -> the canonical name of its entity."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from ...model import Entity
from ...nlp.names import clean_name, fold, same_person, skeleton


def canonical_lookup(entities: list[Entity]) -> Callable[[str], str | None]:
    """A function mapping any surface name to its entity's canonical name, or None.

    Matches, in order: the folded form of any alias; its transliteration
    skeleton; for one word, the surname of exactly one person; for a full name,
    a person with the same surname and a near-same first name.
    """
    by_fold: dict[str, str] = {}
    by_skeleton: dict[str, set[str]] = defaultdict(set)
    by_surname: dict[str, set[str]] = defaultdict(set)
    people: list[tuple[str, str]] = []
    for entity in entities:
        for alias in [entity.name, *entity.aliases]:
            by_fold.setdefault(fold(alias), entity.name)
            by_skeleton[skeleton(alias)].add(entity.name)
            if entity.type == "PERSON" and len(alias.split()) >= 2:
                by_surname[skeleton(alias.split()[-1])].add(entity.name)
                people.append((fold(alias), entity.name))

    def lookup(surface: str) -> str | None:
        cleaned = clean_name(surface, "PERSON")
        if cleaned is None:
            return None
        name = cleaned[0]
        key = fold(name)
        if key in by_fold:
            return by_fold[key]
        if len(by_skeleton.get(skeleton(name), ())) == 1:
            return next(iter(by_skeleton[skeleton(name)]))
        if len(key.split()) == 1:
            owners = by_surname.get(skeleton(name), set())
            return next(iter(owners)) if len(owners) == 1 else None
        owners = {canonical for alias, canonical in people if same_person(alias, key)}
        return owners.pop() if len(owners) == 1 else None

    return lookup
