"""StoryNames: the canonical names the entities stage found, for speakers.

Which names may speak: people and organisations (countries speak for their
governments). A name the story types as a law, a work or a product, or one ending in a law word ("... Harmony Act"), is nobody's voice;
a one-word "name" the texts also write after an article ("the Bill", "the
board") is a common noun; the story's own outlets report, they do not speak. A dispute needs names, not fragments: see
:meth:`StoryNames.disputable`.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from ...model import Entity
from ...nlp.lexicon import HONORIFICS, INSTITUTION_WORDS, JOB_TITLES, ROLE_WORDS, SPOKESPERSON_ROLES
from ...nlp.names import suffix_label, title_before_name
from ...nlp.text import plain

# Entity types that never speak: laws, works and products (OTHER). Not events:
# the tagger calls many a forum or festival organiser an EVENT.
_SILENT_TYPES = {"OTHER"}
# Types that speak as a body: a one-word name of these is a name, not a fragment.
_BODY_TYPES = {"ORG", "GPE", "NORP"}


class StoryNames:
    """Canonical names, entity types and unambiguous surnames from ``ctx.entities``.

    ``texts``: the story's on-topic texts, read only to tell a one-word name
    from a capitalised common noun ("the Bill").
    """

    def __init__(self, entities: list[Entity], texts: Iterable[str] = (), outlets: Iterable[str | None] = ()):
        self.exact: dict[str, str] = {}
        self.types: dict[str, str] = {}
        bodies: dict[str, set[str]] = defaultdict(set)  # institution word -> the bodies named with it
        by_surname: dict[str, set[str]] = defaultdict(set)
        by_first: dict[str, set[str]] = defaultdict(set)
        for entity in entities or []:
            for form in [entity.name, *entity.aliases]:
                self.exact.setdefault(plain(form).strip(), entity.name)
                self.types.setdefault(plain(form).strip(), entity.type)
                if entity.type == "PERSON" and form.split():
                    by_surname[plain(form.split()[-1])].add(entity.name)
                if entity.type == "PERSON" and len(form.split()) >= 2:
                    by_first[plain(form.split()[0])].add(entity.name)
            head = _head_word(entity.name)
            if entity.type == "ORG" and head in INSTITUTION_WORDS:
                bodies[head].add(entity.name)
        # "the ministry said": the one body of the story whose name has that head
        # word ("Ministry of X", "Harbor Authority"; not "X Police Division")
        self.bodies = {word: next(iter(names)) for word, names in bodies.items() if len(names) == 1}
        # folded surname -> the one person of the story who has it
        self.surnames = {s: next(iter(names)) for s, names in by_surname.items() if len(names) == 1}
        # folded first word (a given name, or a family name written first:
        # "Varek" of "Varek Li Wen") -> the one person whose full name starts with it
        self.first_words = {f: next(iter(names)) for f, names in by_first.items()
                            if len(names) == 1 and f not in by_surname}
        # folded full names of people (two words or more) -> the entity name
        self.full_people = {plain(form).strip(): entity.name for entity in entities or []
                            if entity.type == "PERSON" for form in [entity.name, *entity.aliases]
                            if len(form.split()) >= 2}
        prefixes: dict[str, set[str]] = defaultdict(set)
        for form, name in self.full_people.items():
            words = form.split()
            for size in range(2, len(words)):
                prefixes[" ".join(words[:size])].add(name)
        # the first two or more words of exactly one person's full name -> that person
        self.name_prefixes = {p: next(iter(n)) for p, n in prefixes.items() if len(n) == 1}
        # "harborcitynews" of "www.harborcitynews.com": the story's outlets report, they do not speak
        # (not a government site's: "police.gov.example" is the police's own voice)
        self.outlets = {label for outlet in outlets if outlet and ".gov" not in outlet
                        for label in re.split(r"[^a-z0-9]+", plain(outlet)) if len(label) >= 4}
        self._texts = list(texts)
        self._found: dict[str, bool] = {}  # pattern -> whether any text holds it
        self._bodies_named: dict[str, str] = {}

    def type_of(self, name: str) -> str | None:
        """The entity type the story gives ``name`` (any alias), else None."""
        return self.types.get(plain(name).strip())

    def canonical(self, surface: str | None) -> str | None:
        """The entity name for ``surface`` (an alias; a capitalised unique
        surname; a unique first word, alone or after titles: "SM Varek",
        "Minister Varek"; an institution word written in lower case, "ministry",
        for the one body of the story named with it); else ``surface`` as written."""
        if not surface:
            return None
        key = plain(surface).strip()
        if key not in self.exact and " and " in surface and all(
                part[:1].isupper() for part in surface.split(" and ")):
            # "Ana Ruiz and Tomas Berg": each person canonical, still both
            return " and ".join(str(self.canonical(part)) for part in surface.split(" and "))
        if key in self.exact:
            return self.exact[key]
        words = key.split()
        if surface.islower() and words and words[-1] in self.bodies:
            return self.bodies[words[-1]]
        if surface.islower() and len(words) >= 3 and words[-1] in SPOKESPERSON_ROLES:
            # "foreign ministry spokesman": the story's one "Valdorian foreign ministry"
            return f"{self._named_body(' '.join(surface.split()[:-1]))} {surface.split()[-1]}"
        # "Calden Central MP Ana Ruiz", "Tomas Arvid": a known full name ends it, or it starts one
        for size in range(len(words) - 1, 1, -1):
            if " ".join(words[-size:]) in self.full_people:
                return self.full_people[" ".join(words[-size:])]
        if len(words) >= 2 and key in self.name_prefixes:
            return self.name_prefixes[key]
        # a surname stands for a full name, never a written full name for a surname alone
        if words and words[-1] in self.surnames and surface[:1].isupper() \
                and (len(self.surnames[words[-1]].split()) >= 2 or len(words) == 1):
            return self.surnames[words[-1]]
        titles = surface.split()[:-1]
        if words and words[-1] in self.first_words and surface.split()[-1][:1].isupper() \
                and all(title_before_name(word) for word in titles):
            return self.first_words[words[-1]]
        return surface

    def speaker(self, surface: str | None) -> str | None:
        """``surface`` made canonical, or None when it names nobody who speaks
        (a law, a work, a product, a capitalised common noun; an
        institution word such as "the Police" still speaks)."""
        name = self.canonical(surface)
        if not name:
            return None
        kind = self.type_of(name)
        if kind in _SILENT_TYPES or suffix_label(name) == "OTHER" or self.is_outlet(name):
            return None
        if len(name.split()) == 1 and plain(name) in JOB_TITLES | ROLE_WORDS:
            return None  # "the Mayor" whom the article does not name: a title, nobody's name
        if len(name.split()) == 1 and kind in (None, "PERSON") and name[:1].isupper() \
                and plain(name) not in INSTITUTION_WORDS and self._common_noun(name):
            return None
        return name

    def speaks_for(self, person: str, body: str) -> bool:
        """Whether the texts name ``person`` right after one of ``body``'s
        names or a telling word of it ("NH director Ana Ruiz", "Transit
        Minister Ana Ruiz" for the Ministry of Transit): the person is the body's voice."""
        if self.type_of(body) not in _BODY_TYPES:
            return False
        forms = {form for form, name in self.exact.items() if name == self.exact.get(plain(body).strip(), body)}
        forms.add(plain(body))
        # telling words: not an institution word, not a place the story names ("Calden" of "Calden Police")
        words = {w for form in forms for w in form.split() if len(w) > 3 and w not in INSTITUTION_WORDS
                 and self.types.get(w) not in ("GPE", "LOC", "NORP", "FAC")}
        pattern = re.compile(rf"([^.\n]{{0,80}})\b{re.escape(person.split()[-1])}\b")
        for text in self._texts:
            for match in pattern.finditer(text):
                before = set(re.findall(r"\w+", plain(match.group(1))))
                if before & words or any(form in plain(match.group(1)) for form in forms):
                    return True
        return False

    def is_outlet(self, name: str) -> bool:
        """Whether ``name`` is one of the story's outlets ("Harbor City News"
        for harborcitynews.com, "The Coast Post" for coastpost.example)."""
        if not name[:1].isupper() or plain(name.split()[-1]) in INSTITUTION_WORDS:
            return False  # "the police" speak, whatever the outlets' addresses say
        squashed = re.sub(r"[^a-z0-9]", "", plain(name))
        return squashed in self.outlets or squashed.startswith("the") and squashed[3:] in self.outlets

    def body(self, name: str) -> bool:
        """Whether ``name`` is an organisation, a place or a people the story
        types so, or a body's spokesperson ("Halvard Lines spokeswoman")."""
        words = name.split()
        return bool(words) and (self.type_of(name) in _BODY_TYPES or plain(words[-1]) in SPOKESPERSON_ROLES)

    def disputable(self, name: str) -> bool:
        """Whether two sources naming ``name`` and someone else for one quote is
        a dispute: a full name, a body the story names ("Halvard Lines", "NATO"),
        an institution's spokesperson, a person's surname the texts write
        after an honorific ("Mr Varek"); not a one-word fragment ("Velmor") nor
        a description ("the research house")."""
        words = name.split()
        if not words:
            return False
        if not name[:1].isupper():
            return plain(words[-1]) in SPOKESPERSON_ROLES and len(words) >= 2
        if len(words) >= 2:
            return True
        letters = name.replace(".", "")
        return self.type_of(name) in _BODY_TYPES or (len(letters) >= 2 and letters.isupper()) \
            or self.type_of(name) == "PERSON" and self._honoured(name)

    def _honoured(self, word: str) -> bool:
        """Whether the texts write ``word`` after an honorific ("Mr Varek"): a
        person's surname, no fragment."""
        return self._in_texts(rf"\b(?i:{'|'.join(sorted(HONORIFICS))})\.?\s+{re.escape(word)}\b")

    def _named_body(self, body: str) -> str:
        """``body`` ("foreign ministry") with the one capitalised name the
        story's texts write before it ("German foreign ministry"), else as is."""
        if body not in self._bodies_named:
            pattern = re.compile(rf"\b((?:[A-Z][\w-]+ )+){re.escape(body)}\b")
            found = {re.sub(r"^(?:The|A|An|This|That) ", "", m.group(1).strip())
                     for text in self._texts for m in pattern.finditer(text)} - {"The", "A", "An", "This", "That"}
            self._bodies_named[body] = f"{found.pop()} {body}" if len(found) == 1 else body
        return self._bodies_named[body]

    def _common_noun(self, word: str) -> bool:
        """Whether the texts write ``word`` after an article ("the Bill")."""
        return self._in_texts(rf"\b(?:[Tt]he|[Tt]his|[Tt]hat|an?)\s+{re.escape(word)}\b")

    def _in_texts(self, pattern: str) -> bool:
        """Whether any of the story's texts holds ``pattern`` (cached)."""
        if pattern not in self._found:
            compiled = re.compile(pattern)
            self._found[pattern] = any(compiled.search(text) for text in self._texts)
        return self._found[pattern]


def _head_word(name: str) -> str:
    """The word a body's name is a kind of: the last word, or the one before
    "of"/"for" ("ministry" of "Ministry of Coastal Works")."""
    words = plain(name).split()
    for i, word in enumerate(words[1:], start=1):
        if word in ("of", "for"):
            return words[i - 1]
    if len(words) >= 2 and words[-1] in _FORCE_WORDS:
        return words[-2]  # a police force or service ("Calden Police Service"): the police
    return words[-1] if words else ""


_FORCE_WORDS = frozenset({"force", "service"})
