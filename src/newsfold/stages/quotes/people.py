"""People: the persons one article names outside quotes, and how it names them."""
from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ...nlp.lexicon import (
    INSTITUTION_WORDS,
    PERSON_TITLES,
    PLACE_NOUNS,
    QUOTE_VERBS,
    ROLE_WORDS,
    TENURE_WORDS,
    UNNAMED_SPEAKER_NOUNS,
)
from ...nlp.names import (
    honorific_gender,
    is_title,
    runs_names_together,
    speaker_name,
    suffix_label,
    surname_key,
    title_before_name,
)
from ...nlp.text import plain
from .canonical import StoryNames
from .page import Page

Mention = tuple[int, str, bool]  # (offset, full name, salient: the subject of its clause)


class People:
    """Who an article names, where, with which honorific, and in which role."""

    def __init__(self, page: Page, names: StoryNames, voices: Mapping[str, int] | None = None):
        self.page = page
        self.names = names
        self.voices = voices or {}  # canonical speaker -> independent sources that quote them, named plainly
        self.guessed = False  # whether a one-word name two full names hold was read by the nearer one
        self.mentions: list[Mention] = []  # filled next; full_name reads it
        self.person_names = [name for name in (speaker_name(e.text) for e in page.ents if e.label_ == "PERSON")
                             if name and not runs_names_together(name.split())]
        self.extra_names: list[str] = []  # names the tagger missed ("Ana Ruiz, a shopkeeper")
        self.mentions = self._mentions()
        self.genders = self._genders()
        self.role_subjects = self._role_subjects()
        self.descriptions = self._descriptions()

    # --- who is named

    def _mentions(self) -> list[Mention]:
        """(offset, full name, salient) of every person named outside quotes.

        Salient = the grammatical subject of its clause; pronouns prefer those.
        """
        mentions = self._tagged() + self._introduced() + self._speaking()
        known_surnames = {surname_key(name): name for _, name, _ in mentions}
        known_surnames.update(self.names.surnames)
        # surnames spaCy tagged as something else (a surname as ORG)
        for token in self.page.doc:
            if token.pos_ == "PROPN" and token.dep_ in ("nsubj", "nsubjpass") \
                    and token.ent_type_ != "PERSON" and plain(token.text) in known_surnames \
                    and not self.page.in_quote(token.idx):
                mentions.append((token.idx, self.full_name(token.text), True))
        mentions.sort()
        return mentions

    def _tagged(self) -> list[Mention]:
        """The tagger's persons, unless the story's entities say otherwise."""
        mentions = []
        for ent in self.page.ents:
            if self.page.in_quote(ent.start_char) or self.page.article.is_removed(ent.start_char, ent.end_char):
                continue
            name = speaker_name(ent.text)
            if not name or any(c.isdigit() for c in name) or runs_names_together(name.split()):
                continue
            if ent.label_ != "PERSON":
                # "ACP Dara Imrie" tagged ORG: a person of the story's entities whatever the label
                known = self.names.canonical(name) or name  # "ACP Dara Imrie" ends with a known full name
                if plain(known) in self.names.full_people:
                    self.person_names.append(known)
                    mentions.append((ent.start_char, known, _is_subject(ent.root)))
                continue
            if self.names.type_of(name) not in (None, "PERSON") or self.place_tail(ent):
                continue  # the story's entities say it is no person ("COVID-19", a company)
            salient = _is_subject(ent.root) or self._opens_line(ent)
            mentions.append((ent.start_char, name, salient))
        return mentions

    def _opens_line(self, ent: Any) -> bool:
        """'Mr Ruiz, who is also …, underscored …' opening a line that the parse
        ran a heading into: a name first on its line, after titles only, and
        not a possessive, is the subject the parse lost."""
        text = self.page.article.text
        line = text.rfind("\n", 0, ent.start_char) + 1
        before = text[line:ent.start_char].split()
        # a name set off by a comma ("Mr Ruiz, who …"), after a title or of two words or more
        # (not "Small and medium firms …" with "Small" tagged a person)
        return all(is_title(w, PERSON_TITLES) for w in before) and (bool(before) or len(ent) > 1) \
            and ent.root.dep_ != "poss" and text.startswith(",", ent.end_char)

    def place_tail(self, ent: Any) -> bool:
        """'Port Calden North district police': a "person" the tagger cut out of
        a place name, whose first word ends a place or body the story names
        with the word before it."""
        if ent.start == 0:
            return False
        before = self.page.doc[ent.start - 1]
        if not before.text[:1].isupper() or before.whitespace_ != " ":
            return False
        return self.names.type_of(f"{before.text} {ent[0].text}") not in (None, "PERSON")

    def _introduced(self) -> list[Mention]:
        """"Ana Ruiz, a local shopkeeper, said": a name introduced by an
        apposition is a person even where the tagger missed it."""
        mentions = []
        for token in self.page.doc:
            if token.pos_ != "PROPN" or token.ent_type_ in ("PERSON", "ORG", "NORP", "FAC") \
                    or self.page.in_quote(token.idx) or token.dep_ == "compound":
                continue
            # the apposition is set off by a comma ("Ana Ruiz, a shopkeeper"), not a
            # noun run on after a name ("the Orvel Harbour Zone (OHZ) connectivity")
            # ... or an age ("Tom Vane, 54, from Eastby")
            if not any(c.dep_ == "appos" and c.i > token.i
                       and (c.pos_ == "NOUN" and c.lower_ not in PLACE_NOUNS
                            or c.pos_ == "NUM" and c.text.isdigit() and len(c.text) <= 3)
                       and any(t.text == "," for t in self.page.doc[token.i + 1:c.i]) for c in token.children):
                continue
            words = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [token]
            if words[0].lower_ in UNNAMED_SPEAKER_NOUNS:
                words = words[1:]  # "Passenger Tom Vane, 54,": who he is, not his name
            if len(words) >= 2 and all(w.text[:1].isupper() and w.is_alpha for w in words) \
                    and not self.page.article.is_removed(words[0].idx, token.idx + len(token.text)):
                name = speaker_name(" ".join(w.text for w in words))  # "Mr Orin Vale" is Orin Vale
                if not name:
                    continue
                self.extra_names.append(name)
                mentions.append((words[0].idx, name, True))
        return mentions

    def _speaking(self) -> list[Mention]:
        """"Mayor Ana Ruiz said the bridge…" where the tagger found no name: the
        capitalised proper nouns (two or more, after any title) that are the
        subject of a speech verb outside quotes are a person, so that a later
        "she said" has someone to stand for. Not a name the story or the
        sentence types as anything but a person, nor one whose last word makes
        it a body ("Harbor Council")."""
        mentions = []
        for token in self.page.doc:
            if token.dep_ != "nsubj" or token.pos_ != "PROPN" or token.ent_type_ \
                    or token.head.lower_ not in QUOTE_VERBS or self.page.in_quote(token.idx):
                continue
            words = [token]
            while words[0].i > 0:
                left = self.page.doc[words[0].i - 1]
                if left.head not in words or left.dep_ not in ("compound", "flat") or left.pos_ != "PROPN" \
                        or left.ent_type_ or not left.is_alpha or not left.text[:1].isupper():
                    break
                words.insert(0, left)
            if any(t.ent_type_ == "PERSON" and joined_to(t, token) for t in token.subtree):
                continue  # "Roads, … Board Chairman Ana Ruiz told": the person named in it speaks
            texts = [w.text for w in words]
            titles = [i for i, word in enumerate(texts[:-1]) if title_before_name(word)]
            name = speaker_name(" ".join(texts[titles[-1] + 1:] if titles else texts))  # "Calden MP Ana Ruiz"
            if len(name.split()) < 2 or suffix_label(name) or plain(name.split()[-1]) in INSTITUTION_WORDS \
                    or self.names.type_of(name) not in (None, "PERSON") \
                    or self.page.article.is_removed(words[0].idx, token.idx + len(token.text)):
                continue
            self.extra_names.append(name)
            mentions.append((words[0].idx, name, True))
        return mentions

    def full_name(self, surface: str, before: int | None = None) -> str:
        """The fullest form of a name used in this article ("Ruiz" -> "Ana Ruiz").

        With ``before`` (where the name is written), a one-word name that two
        full names may stand for ("Dr Tan" of "Tan Wei Ling" and of "Ana Tan")
        is the one named last before it."""
        surface = speaker_name(surface)
        key = surname_key(surface) if surface else ""
        best = surface
        names = self.person_names + self.extra_names
        words = surface.split()
        if len(words) == 1:
            nearest = self._nearest_holder(key, before)
            if nearest is not None:
                return nearest
        # a written given name stays: "Tomas Vell" is not the article's longer "Arvid Vell"
        given = plain(words[0]) if len(words) >= 2 else None
        for name in names:
            if name and surname_key(name) == key and len(name) > len(best) \
                    and (given is None or plain(name.split()[0]) == given):
                best = name
        if best == surface and words and all(title_before_name(w) for w in words[:-1]):
            # family name first ("Lim", "SM Varek" is Varek Li Wen): one full name starting with it
            starting = {n for n in names if n and len(n.split()) > 1 and plain(n.split()[0]) == key}
            if len(starting) == 1:
                best = starting.pop()
        return best

    def _nearest_holder(self, key: str, before: int | None) -> str | None:
        """The full name ending or starting with folded ``key`` that is meant,
        when more than one full name of this article may be: the one the
        story's other sources quote most (``voices``: "husband and wife pastors
        Varek Lin and Ana Lin … Lin said", where the others quote him), else the
        one this article names last before ``before`` (None: not told here)."""
        holders = {name for _, name, _ in self.mentions if len(name.split()) > 1
                   and key in (surname_key(name), plain(name.split()[0]))}
        if len(holders) < 2:
            return None
        self.guessed = True
        heard = sorted(((self.voices.get(self.names.canonical(name) or name, 0), name) for name in holders),
                       reverse=True)
        if heard[0][0] > heard[1][0]:
            return heard[0][1]
        if before is None:
            return None
        named = [(at, name) for at, name, _ in self.mentions if name in holders and at < before]
        return max(named)[1] if named else None

    def is_surname(self, key: str) -> bool:
        """Whether folded ``key`` is the surname of a person of the story or of this article."""
        return key in self.names.surnames or any(surname_key(name) == key for _, name, _ in self.mentions)

    # --- how they are named

    def _descriptions(self) -> dict[str, list[tuple[int, str, frozenset[str]]]]:
        """Folded word -> (offset, full name) of the persons this article
        describes with it: the words written before a name ("Calden resident
        Ana Ruiz", "CHO Vell"), the initials of a capitalised title there
        ("Chief Harbour Officer" = "cho") and an apposition's noun ("Ana
        Ruiz, an accountant"). "The accountant said" may then stand for her.
        Each description keeps the tenure words written just before it
        ("former Calden MP Ana Ruiz").
        An organisation is described by an apposition's noun only ("Velmont
        International, the company which makes the bar")."""
        found: dict[str, list[tuple[int, str, frozenset[str]]]] = {}
        for ent in self.page.ents:
            if ent.label_ == "ORG" and not self.page.in_quote(ent.start_char) and speaker_name(ent.text):
                # "Velmont International, the company which makes the bar": "the company said" is Velmont
                for noun in (c for c in ent.root.children if c.dep_ == "appos" and c.pos_ == "NOUN"):
                    found.setdefault(plain(noun.text), []).append(
                        (ent.start_char, str(speaker_name(ent.text)), frozenset()))
            if ent.label_ != "PERSON" or self.page.in_quote(ent.start_char) or not speaker_name(ent.text):
                continue
            name = self.full_name(ent.text)
            words = [t for t in ent if title_before_name(t.text) or t.lower_ in ROLE_WORDS]
            j = ent.start - 1
            while j >= 0 and ent.start - j <= 5 and self.page.doc[j].pos_ in ("NOUN", "PROPN") \
                    and self.page.doc[j].dep_ in ("compound", "amod", "nmod"):
                words.insert(0, self.page.doc[j])
                j -= 1
            words += [c for c in ent.root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
            keys = {plain(t.text) for t in words}
            tenure = frozenset(w for t in self.page.doc[max(0, ent.start - 6):ent.start]
                               if (w := plain(t.text)) in TENURE_WORDS)
            capitals = [t.text for t in words if t.text[:1].isupper() and t.text[1:].islower()]
            if len(capitals) >= 2:
                keys.add("".join(w[0] for w in capitals).lower())
            for key in keys:
                found.setdefault(key, []).append((ent.start_char, name, tenure))
        return found

    def described(self, word: str, offset: int, tenure: frozenset[str] = frozenset()) -> str | None:
        """The person this article last described with ``word`` before
        ``offset`` (else first after it), or None; with a ``tenure`` ("the
        former MP"), one described with it too (not "current MP Tomas Berg")."""
        named = [(at, name) for at, name, said in self.descriptions.get(plain(word), []) if tenure <= said]
        before = [name for at, name in named if at < offset]
        return before[-1] if before else named[0][1] if named else None

    def _genders(self) -> dict[str, str]:
        """Folded surname -> "m" or "f" where the article writes an honorific
        before the name ("Mr Vell", "Ms Ana Ruiz"), or the name is the subject
        of a clause that owns something with "his"/"her" ("Vell had left her
        car"), and never the other one."""
        seen: dict[str, set[str]] = {}
        for ent in self.page.ents:
            if ent.label_ != "PERSON":
                continue
            before = self.page.doc[ent.start - 1].text if ent.start else ""
            gender = honorific_gender(ent.text.split()[0]) or honorific_gender(before) or self._owner_gender(ent)
            name = speaker_name(ent.text)
            if gender and name:
                seen.setdefault(surname_key(name), set()).add(gender)
        return {key: next(iter(found)) for key, found in seen.items() if len(found) == 1}

    def _owner_gender(self, ent: Any) -> str | None:
        """"m"/"f" when ``ent`` is the subject of a verb whose object is owned
        with "his"/"her", and the clause names no other person."""
        root = ent.root
        if root.dep_ not in ("nsubj", "nsubjpass") or self.page.in_quote(ent.start_char):
            return None
        verb = root.head
        owners = {t.lower_ for c in verb.children if c.dep_ in ("dobj", "attr")
                  for t in c.children if t.dep_ == "poss"}
        others = [t for t in verb.subtree if t.ent_type_ == "PERSON" and not ent.start <= t.i < ent.end]
        if others or len(owners & {"his", "her"}) != 1:
            return None
        return "m" if "his" in owners else "f"

    def agrees(self, name: str, wanted: str | None) -> bool:
        """Whether a pronoun of gender ``wanted`` may stand for ``name`` ("she"
        is not the Mr Vell named last)."""
        if not wanted or not name.split():
            return True
        return self.genders.get(surname_key(name), wanted) == wanted

    def _role_subjects(self) -> list[Any]:
        """Subjects that are an unnamed person, or a role that speaks ("one
        witness said", "a foreign ministry spokesman said"), outside quotes: a
        later "he said" may be theirs rather than a person named before them."""
        found = []
        for token in self.page.doc:
            if token.dep_ not in ("nsubj", "nsubjpass") or token.ent_type_ == "PERSON" \
                    or self.page.in_quote(token.idx) or self.page.removed(token.idx):
                continue
            words = set(plain(token.text).split("-"))
            # an unnamed person always competes with a named one ("when the teen
            # was charged, he said"); a role only when it speaks ("for the
            # president to review" is no one a later "she said" stands for)
            if (words & UNNAMED_SPEAKER_NOUNS or words & ROLE_WORDS and token.head.lower_ in QUOTE_VERBS) \
                    and not _reported(token):
                found.append(token)
        return found

    def role_holder(self, role_words: list[str], offset: int, qualifier: str | None = None,
                    tenure: frozenset[str] = frozenset()) -> str | None:
        """The person this article names with the role ("Secretary-General");
        with a ``qualifier`` ("foreign ministry" spokesman), one named with it;
        with a ``tenure`` ("the former MP"), one named with that word too (not
        "current MP Tomas Berg")."""
        if not role_words:
            return None
        head = role_words[-1]
        wanted = {w for w in re.findall(r"\w+", plain(qualifier or "")) if len(w) > 2}
        matches = []
        doc = self.page.doc
        for ent in self.page.ents:
            if ent.label_ != "PERSON" or not speaker_name(ent.text):
                continue
            if ent.root.dep_ in ("compound", "poss") and plain(ent.root.head.text) == head:
                continue  # "a Vell spokesperson" speaks for Vell: Vell holds no role here
            context = doc[max(ent.sent.start, ent.start - 8):min(ent.sent.end, ent.end + 6)]
            words = {w for t in context for w in plain(t.text).split("-")}
            hits = sum(1 for w in role_words if w in words)
            if wanted and not wanted & words or tenure and not tenure & words:
                continue
            if head in words and hits * 2 >= len(role_words) and _beside(context, head, ent):
                matches.append((ent.start_char, speaker_name(ent.text)))
        before = [m for m in matches if m[0] < offset]
        if before:
            return before[-1][1]
        return matches[0][1] if matches else None


def _beside(context: Any, head: str, ent: Any) -> bool:
    """Whether the role word ``head`` is written with the name, no verb
    between ("Secretary-General Ana Ruiz", "Ana Ruiz, the secretary-general";
    not "the representative said he had asked Ana Ruiz")."""
    for token in context:
        if head not in plain(token.text).split("-"):
            continue
        lo, hi = (token.i + 1, ent.start) if token.i < ent.start else (ent.end, token.i)
        if not any(t.pos_ in ("VERB", "AUX") for t in token.doc[lo:hi]):
            return True
    return False


def joined_to(name: Any, subject: Any) -> bool:
    """Whether a name stands in the subject as one of its parts ("State Roads,
    Parks and Ferries Board Chairman Ana Ruiz" parsed with "Roads" for the
    subject and the name a conjunct): a chain of conjuncts or appositions up
    to the subject, never through a possessive or a preposition."""
    seen = False
    while name.i != subject.i:
        if name.dep_ in ("poss", "prep", "pobj", "relcl", "acl", "dobj", "ccomp") or name.head.i == name.i:
            return False
        seen = seen or name.dep_ in ("conj", "appos")
        name = name.head
    return seen


def _is_subject(token: Any) -> bool:
    """Whether a name is its clause's subject: the subject itself, in
    apposition to it ("state works committee chairman Ana Ruiz, when
    contacted, confirmed" parsed with "works" for the subject; not "Ana Ruiz
    (Calden GRC)", a person's seat), or a name
    the parse made the root of its sentence (a subject it lost the verb of)."""
    if token.dep_ in ("nsubj", "nsubjpass", "ROOT") \
            or token.dep_ == "appos" and token.head.dep_ in ("nsubj", "nsubjpass") and token.head.ent_type_ != "PERSON":
        return True
    subject = token  # "Roads, Ferries and Harbour Council Chairman Ana Ruiz told": a conjunct of the subject
    while subject.dep_ in ("conj", "appos", "npadvmod") and subject.head.i != subject.i:
        subject = subject.head
    return subject.dep_ in ("nsubj", "nsubjpass") and subject.ent_type_ != "PERSON" and joined_to(token, subject)


# two names joined as one subject: "Ana Ruiz and Tomas Berg", "Mr Ana Ruiz and Mr Tomas Berg"
_NAME_RUN = r"[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){1,3}"
_JOINED = re.compile(rf"(?P<first>{_NAME_RUN}),?[ \t]+and[ \t]+(?:(?P<title>[A-Z][a-z]{{1,4}}\.?)[ \t]+)?"
                     rf"(?P<second>{_NAME_RUN})")


def named_together(people: People, limit: int, offset: int) -> tuple[int, str] | None:
    """The last pair of people named together in [limit, offset) outside quotes
    ("prosecutors Ana Ruiz and Tomas Berg"), one of them a person the article
    names: (where, "Ana Ruiz and Tomas Berg"); else None."""
    known = {plain(name) for _, name, _ in people.mentions}
    together: tuple[int, str] | None = None
    for match in _JOINED.finditer(people.page.text, limit, offset):
        if people.page.in_quote(match.start()) or match.group("title") and not title_before_name(match.group("title")):
            continue
        names = [_known_tail(match.group(side), known) for side in ("first", "second")]
        if any(names):  # one of the two is a person the article names; the other reads as a name
            written = [name or " ".join(match.group(side).split()[-2:])
                       for name, side in zip(names, ("first", "second"))]
            together = (match.start(), " and ".join(people.full_name(n) for n in written))
    return together


def _known_tail(run: str, known: set[str]) -> str | None:
    """The longest tail of two words or more of ``run`` that is a known person's name."""
    words = run.split()
    for size in range(len(words), 1, -1):
        tail = " ".join(words[-size:])
        if plain(tail) in known:
            return tail
    return None


def _reported(token: Any) -> bool:
    """Whether ``token`` sits in what a speech verb reports ("Ruiz said police
    were looking at whether the driver fell asleep"): the driver is talked
    about, not someone a later "he said" stands for."""
    node = token.head
    for _ in range(4):
        if node.dep_ == "ccomp" and node.head.lower_ in QUOTE_VERBS and node.head.i != node.i:
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False
