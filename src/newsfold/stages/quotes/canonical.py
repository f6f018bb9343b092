"""StoryNames: the canonical names the entities stage found, for speakers."""
from __future__ import annotations

from collections import defaultdict

from ...model import Entity
from ...nlp.text import plain


class StoryNames:
    """Canonical names, entity types and unambiguous surnames from ``ctx.entities``."""

    def __init__(self, entities: list[Entity]):
        self.exact: dict[str, str] = {}
        self.types: dict[str, str] = {}
        by_surname: dict[str, set[str]] = defaultdict(set)
        for entity in entities or []:
            for form in [entity.name, *entity.aliases]:
                self.exact.setdefault(plain(form).strip(), entity.name)
                self.types.setdefault(plain(form).strip(), entity.type)
                if entity.type == "PERSON" and form.split():
                    by_surname[plain(form.split()[-1])].add(entity.name)
        # folded surname -> the one person of the story who has it
        self.surnames = {s: next(iter(names)) for s, names in by_surname.items() if len(names) == 1}

    def type_of(self, name: str) -> str | None:
        """The entity type the story gives ``name`` (any alias), else None."""
        return self.types.get(plain(name).strip())

    def canonical(self, surface: str | None) -> str | None:
        """The entity name for ``surface`` (an alias, or a capitalised unique
        surname); else ``surface`` as written."""
        if not surface:
            return None
        key = plain(surface).strip()
        if key in self.exact:
            return self.exact[key]
        words = key.split()
        if words and words[-1] in self.surnames and surface[:1].isupper():
            return self.surnames[words[-1]]
        return surface
