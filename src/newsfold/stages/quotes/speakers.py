"""Speakers: who the subject of a speech verb stands for.

The subject of the speech verb is read from the dependency parse (climbing
from "saying" to the verb that has a subject), else from the words next to
the verb. A subject is: a PERSON named in it; "he"/"she" = the last person who
was a grammatical subject or speaker before it (else the last person named),
skipping a person the article marks with the other honorific ("Mr Vell" is
no "she"); "it" = the last organisation that spoke in this or the two
paragraphs before; a surname of a person named in the article; a role alone
("the Secretary-General") = the person the article names with that role,
else nobody; an organisation ("VFOR said"). Anything else is ``None``.

Reading is in text order and remembers the speakers met so far: a pronoun
may stand for any of them.
"""
from __future__ import annotations

from typing import Any

from ...nlp.lexicon import (
    BODY_BACK_REFERENCES,
    INSTITUTION_WORDS,
    QUOTE_VERBS,
    RELATION_NOUNS,
    ROLE_WORDS,
    SPOKESPERSON_ROLES,
    STATEMENT_NOUNS,
    UNNAMED_SPEAKER_NOUNS,
)
from ...nlp.names import clean_name, speaker_name, suffix_label, title_before_name
from ...nlp.text import plain
from .people import People, joined_to, named_together
from .roles import body_subject, institution_of, last_body_named, named_after, named_before, spokes_role, tenure_of
from .tokens import (
    about_a_thing, addressed_subject, age_of, beside, cited_person, introduces_person, joining_hyphen,
    reporting_subjects, unnamed_group_spoke, user_handle,
)

_IT_REACH_CHARS = 1500  # how far back "it added" looks for the organisation that spoke
_THEY_REACH_CHARS = 600  # how far back "they said" looks for people named together
_THEY_PARAGRAPHS = 5  # ... and, with nobody nearer, for a body named in the plural ("the police said")
_IT_DEPTH = 4  # "it said … it added … it said": how many look-backs may nest
PRONOUNS = {"he", "she", "him", "her"}
_PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}
_NON_SPEAKERS = {"i", "we", "it", "you", "who", "which", "that", "this", "one",
                 "them", "us", "me"}

_PLACE_TYPES = {"GPE", "LOC", "FAC"}  # entity types of places: a place never speaks by name alone

Reading = tuple[str | None, bool]  # (speaker, explicit: a speech verb had a subject in the window)


class SpeakerResolver:
    """Resolves subjects to speakers in one article, remembering who spoke."""

    def __init__(self, people: People):
        self.people = people
        self.page = people.page
        self.heard: list[tuple[int, str]] = []  # (offset, name) of speakers resolved so far

    def from_window(self, start: int, end: int, *, first: bool) -> Reading:
        """The speaker of the first (or last) speech verb in [start, end)."""
        tokens = self.page.window_tokens(start, end)
        verbs = [t for t in tokens if t.lower_ in QUOTE_VERBS
                 and (t.pos_ in ("VERB", "AUX") or t.lower_ in ("said", "says", "told", "according", "read"))
                 and not about_a_thing(t)]
        if not verbs:
            return None, False
        verb = verbs[0] if first else verbs[-1]
        speaker, explicit = self.verb_speaker(verb, tokens)
        if speaker is not None:
            self.heard.append((verb.idx, speaker))
        return speaker, explicit

    def verb_speaker(self, verb: Any, window: list[Any], depth: int = 0) -> Reading:
        """The speaker of one speech verb, reading only ``window`` tokens."""
        window_ids = {t.i for t in window}
        before = self.page.text[:verb.idx].rstrip(" \t")
        if window and verb.i == window[0].i and verb.lower_ != "according" \
                and (not before or before[-1] in ".!?\n"):
            # "Said the spokesman: “…”": the subject follows a sentence-initial verb
            span = []
            for token in self.page.doc[verb.i + 1:verb.i + 10]:
                if token.i not in window_ids or token.text in (":", ",", ";", ".", "—"):
                    break
                span.append(token)
            heads = [t for t in span if t.pos_ in ("NOUN", "PROPN", "PRON")]
            if heads:
                return self.resolve(heads[-1], {t.i for t in span}, depth=depth), True
        cited = cited_person(verb)
        if cited is not None and cited.i in window_ids:
            return self.resolve(cited, window_ids, depth=depth), True
        if verb.lower_ == "according":
            for token in verb.subtree:
                if token.dep_ == "pobj" and token.i in window_ids:
                    return self.resolve(token, window_ids, depth=depth), False
        addressed = addressed_subject(verb)
        if addressed is not None:
            # "The court was told: “…”": the court listened; "was told by X": X spoke
            agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            if agents and agents[0].i in window_ids:
                return self.resolve(agents[0], window_ids, depth=depth), True
            return None, addressed.i in window_ids
        node = verb
        for _ in range(3):
            subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")
                        and not self.page.in_quote(c.idx) and not self.page.line_between(c.idx, verb.idx)]
            if subjects and all(self.page.removed(s.idx) for s in subjects):
                # a caption or an embed the parse ran into the sentence: only a
                # person in what is left of the subject speaks, else read beside the verb
                kept = [t for s in subjects for t in s.subtree if t.ent_type_ == "PERSON"
                        and t.i in window_ids and not self.page.removed(t.idx)]
                if kept:
                    return self.resolve(kept[-1], window_ids, depth=depth), True
                break
            if subjects:
                if node.i != verb.i:
                    subjects = reporting_subjects(node, window_ids) or subjects
                return self._subject_speaker(subjects, window_ids, depth), subjects[0].i in window_ids
            # "X responded by saying": through the preposition to the verb that has the subject
            if node.dep_ in ("advcl", "xcomp", "conj", "acl", "pcomp", "ccomp", "prep") and node.head.i != node.i:
                node = node.head
            else:
                break
        # the parse found no subject: read the words right next to the verb
        for token in beside(self.page.doc, verb, window_ids):
            speaker = self.resolve(token, window_ids, depth=depth)
            if speaker is not None:
                return speaker, False
        return None, False

    def _subject_speaker(self, subjects: list[Any], window_ids: set[int], depth: int) -> str | None:
        # a bad parse may split one subject ("Co-author, Professor X") into
        # several: the first that names a person wins, else the first that names a speaker
        split = [subjects[0]]
        for subject in subjects[1:]:  # only the pieces of one split phrase
            if subject.left_edge.i != split[-1].right_edge.i + 1:
                break
            split.append(subject)
        # ... a person among the pieces before a body ("CPP Youth Chairperson Dr Ana Ruiz" split after "CPP")
        found = [speaker for subject in split
                 if (speaker := self.resolve(subject, window_ids | {t.i for t in subject.subtree}, depth=depth))]
        if found:
            return next((s for s in found if self.people.names.type_of(s) == "PERSON"), found[0])
        if split[0].lower_ in RELATION_NOUNS:
            # "His son-in-law Tom Reyes told…" parsed as two subjects: the name right after the noun
            end = max(t.i for t in split[0].subtree)
            named = next((s for s in subjects[1:] if min(t.i for t in s.subtree) == end + 1), None)
            if named is not None:
                return self.resolve(named, window_ids | {t.i for t in named.subtree}, depth=depth)
        return None

    def resolve(self, token: Any, allowed: set[int], remember: bool = True, depth: int = 0) -> str | None:
        """The speaker a subject token stands for, or None."""
        lower = token.lower_
        if lower in PRONOUNS:
            return self._pronoun(token.idx, lower, depth)
        if lower == "it":
            return self._organisation_before(token.idx, depth)
        if lower == "they":
            return self._group_before(token.idx)
        if lower in _NON_SPEAKERS:
            return None
        handle = user_handle(token)
        if handle is not None:
            return handle  # "Reddit user kopi_88 wrote": the one account that wrote
        if lower in STATEMENT_NOUNS:  # "a statement from Mr Vell's family read": the family speaks
            done, speaker = self._statement_speaker(token, allowed, remember, depth)
            if done:
                return speaker
        phrase = [t for t in token.subtree if t.i in allowed and not self.page.in_quote(t.idx)]
        lo, hi = (phrase[0].idx, phrase[-1].idx + 1) if phrase else (token.idx, token.idx + 1)
        # not a name inside a relative clause of the subject ("Ana Ruiz, who was Guest-of-Honour")
        clauses = {t.i for c in token.subtree if c.dep_ in ("relcl", "acl") for t in c.subtree}
        persons = [e for e in self.page.ents if e.label_ == "PERSON" and lo <= e.start_char < hi
                   and speaker_name(e.text) and not self.people.place_tail(e) and e.root.i not in clauses]
        if lower in RELATION_NOUNS:
            holder = self._relation_holder(token, allowed)
            if holder is not None:
                return holder
        if persons:
            own = [e for e in persons if e.start <= token.i < e.end]
            # "district police chief ACP Dara Imrie said" with only the
            # district tagged a PERSON: the subject's own name wins
            own = own[:1] or [e for e in persons if joined_to(e.root, token)][-1:]  # or a conjunct's name
            return self.people.full_name(own[0].text) if own \
                else self._proper_name(token, allowed) or self.people.full_name(persons[-1].text)
        if (token.pos_ == "PROPN" or token.text[:1].isupper()) and self.people.is_surname(plain(token.text)):
            full = self.people.full_name(token.text, before=token.idx)
            written = self._proper_name(token, allowed)  # "Orin Vale" as written beats a known "Vale"
            return written if written and len(written.split()) > len(full.split()) else full
        determiners = {c.lower_ for c in token.children if c.dep_ == "det"}
        if token.pos_ in ("NOUN", "PROPN") and (determiners == {"the"} or not determiners and token.is_upper) \
                and token.ent_type_ != "PERSON":
            tenure = tenure_of(token)
            described = self.people.described(token.text, token.idx, tenure)  # "the accountant", "the DPP"
            if described is not None or tenure & {"former", "ex"}:  # "the former MP": whom it tells of
                return described or self._pronoun(token.idx, "", depth + 1)
        if any(w in ROLE_WORDS for w in plain(token.text).split("-")):
            return self._role_speaker(token, allowed, remember)
        if determiners == {"the"} and token.pos_ == "NOUN" and introduces_person(token):
            # "said the accountant, who …", "the tutor in his late 30s said": someone named before
            return self._pronoun(token.idx, age_of(token) or "", depth)
        if determiners == {"the"} and token.pos_ == "NOUN" and lower in BODY_BACK_REFERENCES and all(
                t.i == token.i or t.dep_ == "det" or t.dep_ in ("compound", "amod") and t.is_lower for t in phrase):
            return self._the_body(token, depth)  # "the firm", "the transport operator"
        if token.lower_ in INSTITUTION_WORDS:
            return self._institution(token, phrase, determiners)
        return self._organisation_speaker(token, lo, hi) or self._known_body(token, allowed) \
            or self._proper_name(token, allowed)

    def _statement_speaker(self, token: Any, allowed: set[int], remember: bool, depth: int) -> tuple[bool, str | None]:
        """(read, speaker) of a statement noun: whom "a statement from X" or
        "X's statement" names (a named one only: "a statement from the family"
        names nobody), or the body that spoke for "the release added"; read is
        False where the noun tells nothing and the subject is read on."""
        for pobj in (g for c in token.children if c.dep_ == "prep" and c.lower_ in ("from", "by")
                     for g in c.children if g.dep_ == "pobj" and g.i in allowed):
            if any(t.pos_ == "PROPN" for t in pobj.subtree):
                return True, self.resolve(pobj, allowed | {t.i for t in pobj.subtree}, remember, depth)
            return True, None
        # "Velmont's statement said", "the statement on Velmont's Facebook page said": whose it is
        owner = next((t for t in token.subtree if t.dep_ == "poss" and t.pos_ == "PROPN" and t.i in allowed
                      and not self.page.in_quote(t.idx)), None)
        if owner is not None:
            return True, self._proper_name(owner, allowed | {t.i for t in owner.lefts})
        if {c.lower_ for c in token.children if c.dep_ == "det"} == {"the"} and len(list(token.subtree)) == 2:
            return True, self._the_body(token, depth)
        return False, None

    def _institution(self, token: Any, phrase: list[Any], determiners: set[str]) -> str | None:
        """'the Harbor Master's Office': the words as written (no space before
        "'s"); "the authority" alone: the last authority this article named."""
        words = [t for t in phrase if t.pos_ not in ("DET", "PUNCT") and t.i <= token.i]
        if [t.lower_ for t in words] == [token.text] and determiners == {"the"}:
            return last_body_named(self.page, token.idx, token.lower_) or token.text
        return "".join(t.text_with_ws for t in words[:-1]) + words[-1].text if words else None

    def _relation_holder(self, token: Any, allowed: set[int]) -> str | None:
        """'Ana Ruiz's family said', 'the lawyer of Mr Ruiz said': the family
        or the lawyer speaks, not the person it is named by; "Ana Ruiz's family"
        when that person is one the article names. None when the subject also
        names whoever speaks ("his cousin, Tom Reyes") or holds no person."""
        holders = [c for c in token.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
        holders += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                    for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
        if len(holders) != 1:
            return None
        holder = holders[0]
        inside = {t.i for t in holder.subtree}
        if any(t.pos_ == "PROPN" and t.i not in inside and t.i in allowed
               and (t.ent_type_ == "PERSON" or t.head.i == token.i and t.dep_ in ("appos", "compound"))
               for t in token.subtree):
            return None  # "his cousin, Tom Reyes": the named one speaks ("of Mr Ruiz, from Calden" is no name)
        words = [t for t in holder.lefts if t.dep_ in ("compound", "flat") and t.pos_ == "PROPN"] + [holder]
        name = speaker_name(" ".join(t.text for t in words))
        if not name or holder.ent_type_ != "PERSON" and not self.people.is_surname(plain(holder.text)):
            return None
        return f"{self.people.full_name(name)}'s {token.lower_}"

    def _known_body(self, token: Any, allowed: set[int]) -> str | None:
        """'…,” MOM said' where this sentence's tagger missed the organisation:
        the subject's capitalised words are a body the story's entities name."""
        words = [t for t in token.subtree if t.i in allowed and t.i <= token.i and not self.page.in_quote(t.idx)
                 and t.pos_ not in ("DET", "PUNCT")]
        if not words or not all(t.text[:1].isupper() for t in words):
            return None
        name = "".join(t.text_with_ws for t in words[:-1]) + words[-1].text
        return name if self.people.names.type_of(name) in ("ORG", "GPE") else None

    def _proper_name(self, token: Any, allowed: set[int]) -> str | None:
        """'Ana Ruiz told the Herald', 'Central MP Ana Ruiz said': the run of
        capitalised proper nouns ending at the subject, after its last title
        word, where the tagger found no name (a person or a body that speaks);
        not a place the tagger or the story's entities name, unless the name's
        last word makes it a body ("East Region Forum" the tagger read as a
        region) or the story's entities call it a person or an organisation."""
        if token.pos_ != "PROPN" or not token.text[:1].isupper():
            return None
        words = [token]
        while words[0].i > 0:  # "East Region Forum": "East" hangs on "Region", not on "Forum"
            left = self.page.doc[words[0].i - 1]
            if left.i in allowed and joining_hyphen(left):
                words.insert(0, left)  # "Ana Dela-Cruz": one name the tagger cut at its hyphen
                continue
            if left.head not in words or left.i not in allowed or left.dep_ not in ("compound", "flat") \
                    or not left.text[:1].isupper() or left.pos_ != "PROPN" or self.page.in_quote(left.idx) \
                    or "\n" in left.whitespace_:  # a heading's last word is no part of the name after it
                break
            words.insert(0, left)
        if joining_hyphen(words[0]):
            words = words[1:]
        texts = ("".join(t.text_with_ws for t in words[:-1]) + words[-1].text).split()
        titles = [i for i, word in enumerate(texts[:-1]) if title_before_name(word)]
        name = speaker_name(" ".join(texts[titles[-1] + 1:] if titles else texts))
        kind = self.people.names.type_of(name) if name else None
        last = name.split()[-1] if name else ""
        place = kind in _PLACE_TYPES or token.ent_type_ in _PLACE_TYPES and kind not in ("ORG", "PERSON")
        if not name or place and suffix_label(name) != "ORG" or clean_name(name) is None \
                or title_before_name(last) or plain(last) in ROLE_WORDS:
            return None  # a place, or a title ("Director", "Harbour Master", "Senior Warden")
        if len(name.split()) == 1:  # one word: only a name the story knows ("the 2005 Code of …" is none)
            return self.people.full_name(name) if kind is not None else None
        return name

    def _role_speaker(self, token: Any, allowed: set[int], remember: bool) -> str | None:
        """A role alone: whom this article names with it, else nobody."""
        named = named_after(self.page, self.people, token, allowed)
        if named is not None:
            return named
        lower = token.lower_
        compounds = [t for t in token.subtree if t.i <= token.i and t.i in allowed
                     and t.pos_ in ("NOUN", "PROPN", "ADJ") and t.ent_type_ not in ("ORG", "GPE", "NORP")]
        role_words = [w for t in compounds for w in plain(t.text).split("-") if w]
        role_words = [w for w in role_words if w in ROLE_WORDS or w not in ("the", "a")]
        role_words = [w for w in role_words if w in ROLE_WORDS] or [lower]
        # "a spokesman" is someone new: only "the spokesman" may be a person named before
        determiners = {c.lower_ for c in token.children if c.dep_ == "det"}
        indefinite = bool(determiners & {"a", "an", "another", "one"})
        qualifier = institution_of(self.page, token, allowed) if lower in SPOKESPERSON_ROLES else None
        speaker = None if indefinite else self.people.role_holder(role_words, token.idx, qualifier, tenure_of(token))
        if speaker is None and determiners == {"the"}:
            speaker = named_before(self.page, self.people, token)  # "Minister for X Ana Ruiz … the minister said"
        if speaker is None and lower in SPOKESPERSON_ROLES:
            speaker = spokes_role(self.page, token, allowed)
        if speaker is not None and remember:
            self.heard.append((token.idx, speaker))
        return speaker

    def _organisation_speaker(self, token: Any, lo: int, hi: int) -> str | None:
        # the subject must name the organisation itself ("the Harbor Authority
        # said", "the company, Valdoria Lines, said", "a statement by the
        # agency said"), not hold it somewhere deeper ("not a result of the
        # merger' A spokeswoman … said")
        org = [e for e in self.page.ents if e.label_ == "ORG" and lo <= e.start_char < hi and (
            e.start <= token.i < e.end
            or e.root.head.i == token.i and e.root.dep_ in ("compound", "appos", "poss", "nmod")
            or e.root.dep_ == "pobj" and e.root.head.lower_ in ("by", "from", "of", "for")
            and e.root.head.head.i == token.i)]
        if not org:
            return None
        if token.lower_ in UNNAMED_SPEAKER_NOUNS and not org[0].start <= token.i < org[0].end:
            return None  # "an Instagram user said": someone unnamed, not the platform
        name = speaker_name(org[0].text)
        if any(plain(name) == plain(known.split()[-1]) for _, known, _ in self.people.mentions):
            return self.people.full_name(name)  # a person the tagger called an ORG
        return name

    def _pronoun(self, offset: int, pronoun: str, depth: int) -> str | None:
        """The last salient person (or role subject) before ``offset`` who may be ``pronoun``."""
        wanted = _PRONOUN_GENDER.get(pronoun)
        people = self.people
        candidates: list[tuple[int, Any, bool]] = [
            m for m in people.mentions if m[0] < offset and people.agrees(m[1], wanted)]
        # "he"/"she" is a person: a body that spoke ("HCA said") is no candidate, its spokesman is
        candidates += [(o, name, True) for o, name in self.heard if o < offset and people.agrees(name, wanted)
                       and not (wanted and people.names.body(name) and plain(name.split()[-1]) not in SPOKESPERSON_ROLES)]
        candidates += [(t.idx, t, True) for t in people.role_subjects if t.idx < offset]
        candidates.sort(key=lambda m: (m[0], isinstance(m[1], str)))
        salient = [m for m in candidates if m[2]]
        pick = salient[-1] if salient else candidates[-1] if candidates else None
        if pick is None:
            return None
        if isinstance(pick[1], str):
            return people.full_name(pick[1], before=pick[0] + 1)
        # the last subject was a role: its name if the article ties one, else nobody
        token = pick[1]
        allowed = {t.i for t in token.subtree if not self.page.in_quote(t.idx)}
        return self.resolve(token, allowed, remember=False, depth=depth)

    def _organisation_before(self, offset: int, depth: int) -> str | None:
        """'…,” it added': the last non-person speaker of a speech verb in this
        or the two paragraphs before, or an organisation that is the subject of
        a later verb ("X put up a notice. It also stated, saying “…”"); else None."""
        if depth >= _IT_DEPTH:
            return None  # "it said … it added … it said": far enough back
        persons = {name for _, name, _ in self.people.mentions}
        # '“…” it further read' after a quote of several paragraphs: look back from where the quote opened
        anchor = min((start for start, close in self.page.spans if offset - 40 <= close < offset), default=offset)
        limit = max(self.page.paragraphs_back(anchor, 2), anchor - _IT_REACH_CHARS)

        def person(name: str) -> bool:  # the story's entity type wins over this article's tagger
            kind = self.people.names.type_of(name)
            return kind == "PERSON" if kind else name in persons

        for token in reversed(self.page.tokens(limit, offset)):
            body = body_subject(self.page, self.people.names, token)
            if body is not None and not person(body):
                return body
            if token.lower_ not in QUOTE_VERBS or self.page.in_quote(token.idx) \
                    or (token.pos_ not in ("VERB", "AUX") and token.lower_ not in ("said", "says")):
                continue
            if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "it" for c in token.children):
                # an earlier "it said": the body it was read as, or stands for further back
                earlier = next((name for at, name in self.heard if at == token.idx), None) \
                    or self._organisation_before(token.idx, depth + 1)
                if earlier is not None and not person(earlier):
                    return earlier
                continue
            window = [t for t in token.sent if not self.page.in_quote(t.idx) and t.idx < offset]
            speaker, _ = self.verb_speaker(token, window, depth + 1)
            if speaker is not None and not person(speaker):
                return speaker
        return None

    def _the_body(self, token: Any, depth: int) -> str | None:
        """'The firm said': the body that spoke or acted before, when it is also
        the last body named as a clause's subject (or named at all, where none
        is a subject); else nobody. ("The ministry said" is the story's one
        ministry: ``StoryNames.canonical`` reads the lower-case word.)"""
        spoke = self._organisation_before(token.idx, depth)
        last = last_body_named(self.page, token.idx, reach=_IT_REACH_CHARS, acting=True) \
            or last_body_named(self.page, token.idx, reach=_IT_REACH_CHARS)
        return spoke if spoke and last and plain(last) == plain(spoke) else None

    def _group_before(self, offset: int) -> str | None:
        """'…,” they said': the people this or the paragraph before last named
        together ("prosecutors Ana Ruiz and Tomas Berg"), as "Ana Ruiz and
        Tomas Berg"; else the body or spokesperson, or the people named
        together, that spoke last in this or the two paragraphs before ("A
        Velmont spokeswoman said … They added"); else nobody."""
        # people named together a few sentences back, not a page away in flattened text
        limit = max(self.page.paragraphs_back(offset, 1), offset - _THEY_REACH_CHARS)
        if unnamed_group_spoke(self.page, limit, offset):
            return None  # "Neighbours said they were tired. “…,” they said"
        together = named_together(self.people, limit, offset)
        # a body, or people who spoke together, in this or the two paragraphs before
        reach = max(self.page.paragraphs_back(offset, 2), offset - _IT_REACH_CHARS)
        bodies = [(at, name) for at, name in self.heard if reach <= at < offset and (
            self.people.names.body(name) or " and " in name or plain(name.split()[-1]) in RELATION_NOUNS)]
        if together and (not bodies or together[0] > bodies[-1][0]):
            return together[1]
        return bodies[-1][1] if bodies else self._plural_body_before(offset)

    def _plural_body_before(self, offset: int) -> str | None:
        """'…,” they said' with nobody in reach: the body a plural noun named
        as the subject of the last speech verb outside quotes further back
        ("…, the police said." four paragraphs before); a group that names
        nobody ("residents said") speaks for nobody."""
        reach = max(self.page.paragraphs_back(offset, _THEY_PARAGRAPHS), offset - _IT_REACH_CHARS)
        for token in reversed(self.page.tokens(reach, offset)):
            if token.lower_ not in QUOTE_VERBS or token.pos_ not in ("VERB", "AUX") or self.page.in_quote(token.idx):
                continue
            subject = next((c for c in token.children if c.dep_ == "nsubj" and c.tag_ in ("NNS", "NNPS")), None)
            if subject is not None:
                speaker = self.resolve(subject, {t.i for t in subject.subtree}, remember=False)
                names = self.people.names  # "police": the story's one police body, or the police
                body = subject.lower_ in INSTITUTION_WORDS or names.body(names.canonical(speaker) or "")
                return speaker if speaker is not None and body else None
        return None
