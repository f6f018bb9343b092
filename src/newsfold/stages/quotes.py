"""Quotes: direct quotes, who said them, and attribution conflicts.

``find_quotes(articles, docs, entities)`` reads each on-topic article's text,
its spaCy Doc (parsed over the whole ``article.text``) and the story's
canonical entities, and returns the quotes of the story (the same words in
several sources are one ``Quote`` with one ``Evidence`` per source, each with
that source's speaker) and ``Conflict(kind="attribution")`` for quotes that
independent sources give to different speakers, or that one source gives to a
speaker and another to nobody.

How it works, in order:

1. Quote marks. Every quote style (“…”, "…", ‘…’, «…», „…“) is scanned with a
   small state machine. A quote may run over paragraph breaks when the next
   paragraph reopens it (the newspaper convention) or the closing mark comes
   later. An opening mark that meets another opening mark before its closing
   one is unbalanced and dropped; so is a quote that runs to the end of the
   text or past ``MAX_QUOTE_CHARS``. Quotes inside quotes stay part of the
   outer one. Quotes of fewer than ``MIN_WORDS`` words ("precedent", "at
   risk") are scare quotes and fragments: they are masked, never reported.
2. The speaker, first match wins:
   a. the clause right after the quote ("…,” Stoltenberg said", "…,” said
      Adm. X", "…,” he added");
   b. the clause before it in the same sentence ("X said: “…", "He warned
      that troops “…", "Y condemned it, saying “…", "according to X");
   c. a lead-in paragraph ending with a colon right before a quote paragraph
      (a speech verb's subject, or any verb's subject that is a person:
      "Tong underscored the point:");
   d. an interview label naming a person of the article ("Tong: “…”");
   e. a quote paragraph right after a paragraph whose last sentence is X's
      words ("“…,” said X." or "…, he stressed.") continues X.
   The subject of the speech verb is read from the dependency parse (climbing
   from "saying" to the verb that has a subject), else from the words next to
   the verb. A subject is: a PERSON named in it; "he"/"she" = the last person
   who was a grammatical subject or speaker before it (else the last person
   named), skipping a person the article marks with the other honorific
   ("Mr Haddad" is no "she"); "it" = the last organisation that spoke in this or the two
   paragraphs before; a surname of a person named in the article; a role alone ("the
   Secretary-General") = the person the article names with that role, else
   nobody; an organisation ("KFOR said"). Anything else is ``None``: a quote
   with no attribution is never guessed, and a quote paragraph after a
   paragraph that is not somebody's words is nobody's.
3. Names become canonical through ``entities`` (name or alias, diacritics and
   case ignored, then a unique surname); else the article's fullest form.
4. The same quote across sources: rapidfuzz on normalised text (partial ratio
   for trimmed wordings, token-set ratio for reordered or re-translated ones).
"""
from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from ..model import Article, Conflict, ConflictValue, Entity, Evidence, Quote
from ..nlp.text import plain
from ..nlp.lexicon import LEADING_SPEECH_VERBS, PERSON_TITLES, PORTFOLIO_WORDS

MAX_QUOTE_CHARS = 1500  # longer "quotes" are unbalanced marks, not speech
MAX_QUOTE_PARAGRAPHS = 4
MIN_WORDS = 3
WINDOW_CHARS = 300  # how far an attribution clause may reach from the quote
_IT_REACH_CHARS = 1500  # how far back "it added" looks for the organisation that spoke
MATCH_PARTIAL = 88  # a trimmed wording lies inside the longer one
MATCH_TOKEN_SET = 80  # a reordered / re-translated wording shares most words
UNATTRIBUTED = "unattributed"

# opening mark -> closing marks it accepts
_CLOSERS = {
    "“": "”\"",
    "\"": "\"”",
    "„": "“”",
    "«": "»",
    "‹": "›",
    "‘": "’",
    "‚": "‘’",
}
_OPEN_AFTER = set(" \t\n\r([{—–-/:;,") | {""}

_SPEECH_VERBS = set("""
say said says saying tell told tells telling add added adds adding warn warned warns
warning urge urged urges urging state stated states stating note noted notes noting
explain explained explains insist insisted insists write wrote writes tweet tweeted
tweets post posted declare declared declares announce announced announces stress
stressed stresses ask asked asks reply replied replies argue argued argues claim claimed
continue continued continues express expressed expresses describe described condemn
condemned condemns thank thanked thanks accuse accused blame blamed blames promise
promised vow vowed pledge pledged admit admitted acknowledge acknowledged emphasise
emphasised emphasize emphasized underline underlined remark remarked comment commented
suggest suggested conclude concluded according quoted recalled recall told
share shared shares elaborate elaborated elaborates reiterate reiterated reiterates
recount recounted recounts quip quipped quips assure assured assures respond responded
responds caution cautioned cautions lament lamented laments concede conceded concedes
confirm confirmed confirms reveal revealed reveals exclaim exclaimed shout shouted
""".split())
_ROLE_WORDS = set("""
secretary-general secretary general chief minister president premier chancellor
spokesperson spokesman spokeswoman commander ambassador envoy head leader director
official mayor governor prosecutor chairman chairwoman chair ceo king queen pope prime
representative negotiator adviser advisor
""".split())
_INSTITUTIONS = set("""
ministry government office embassy army presidency cabinet kremlin parliament council
committee agency commission police military mission bureau department authority board
court tribunal secretariat
""".split())
# Roles that speak for an institution: with the institution named ("an SCDF
# spokesman", "a spokesman for the foreign ministry") the speaker is that role
# of that institution; other roles ("the NATO chief") need the person's name.
_SPOKES_ROLES = {"spokesman", "spokeswoman", "spokesperson"}
# Unnamed people who may be a quote's subject: a pronoun after them is theirs.
_UNNAMED_SPEAKERS = {"teen", "teenager", "youth", "man", "woman", "boy", "girl", "driver",
                     "motorist", "rider", "passenger", "victim", "suspect", "accused", "defendant",
                     "student", "worker", "owner", "customer", "patient", "mother", "father",
                     "witness", "eyewitness", "resident", "official", "source", "neighbour",
                     "neighbor", "bystander", "shopkeeper", "doctor", "survivor", "relative"}
_PLACE_NOUNS = {"city", "town", "village", "country", "province", "region", "capital", "district",
                "state", "area", "island", "port", "county", "suburb", "neighbourhood", "neighborhood"}
_PRONOUNS = {"he", "she", "him", "her"}
_HONORIFIC_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "madam": "f", "mdm": "f"}
_NON_SPEAKERS = {"i", "we", "they", "it", "you", "who", "which", "that", "this", "one",
                 "them", "us", "me"}


@dataclass
class _Found:
    """One quote in one source, before grouping."""

    source: str
    start: int  # inner text, marks excluded
    end: int
    text: str  # normalised display text
    speaker: str | None
    order: int
    norm: str = field(default="", repr=False)


# ---------------------------------------------------------------- quote marks


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(open mark index, close mark index) of every balanced quote in ``text``.

    Unbalanced openings, quotes running to the end of the text and overlong
    spans are dropped; nested quotes stay inside the outer span.
    """
    spans = []
    i = 0
    n = len(text)
    while i < n:
        char = text[i]
        if char in _CLOSERS and _opens(text, i):
            close = _find_close(text, i)
            if close is not None and any(c.isalnum() for c in text[i + 1:close]):
                spans.append((i, close))
                i = close + 1
                continue
        i += 1
    return spans


def _opens(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    if not after or after.isspace():
        return False
    if text[i] in "\"‘‚":
        # straight and single marks double as closers and apostrophes
        return before in _OPEN_AFTER or before in "“«„"
    return True


def _closes(text: str, j: int, opener: str) -> bool:
    char = text[j]
    if char not in _CLOSERS[opener]:
        return False
    before = text[j - 1] if j > 0 else ""
    after = text[j + 1] if j + 1 < len(text) else ""
    if char in "’‘" and before.isalnum() and after.isalpha():
        return False  # an apostrophe: "Russia’s"
    if char == "\"" and opener == "\"" and (not before or before.isspace()) and after and not after.isspace():
        return False  # this straight mark opens the next quote
    return True


def _find_close(text: str, i: int) -> int | None:
    opener = text[i]
    paragraphs = 0
    limit = min(len(text), i + MAX_QUOTE_CHARS)
    j = i + 1
    while j < limit:
        char = text[j]
        if char == "\n":
            if j + 1 < len(text) and text[j + 1] == "\n" or _paragraph_starts_at(text, j + 1):
                paragraphs += 1
                if paragraphs > MAX_QUOTE_PARAGRAPHS:
                    return None
        if _closes(text, j, opener) and j > i + 1:
            return j
        if char == opener and _opens(text, j):
            # A second opening mark: the newspaper convention reopens the
            # quote at each new paragraph; anywhere else ours is unbalanced.
            if not _at_paragraph_start(text, j):
                return None
        j += 1
    return None


def _paragraph_starts_at(text: str, j: int) -> bool:
    return j < len(text) and text[j] not in " \t"


def _at_paragraph_start(text: str, j: int) -> bool:
    k = j - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    return k < 0 or text[k] == "\n"


# ---------------------------------------------------------------- per article


class _ArticleQuotes:
    """Quotes and speakers of one article."""

    def __init__(self, article: Article, doc, lookup: "_Names"):
        self.article = article
        self.text = article.text
        self.doc = doc
        self.lookup = lookup
        self.spans = quote_spans(self.text)
        self.span_starts = [start for start, _ in self.spans]
        self.span_ends = dict(self.spans)
        self.token_starts = [t.idx for t in doc]
        self.paragraph_starts = [0] + [m.end() for m in re.finditer(r"\n\s*", self.text)]
        self.ents = list(doc.ents)  # Doc.ents builds new spans on every access: read it once
        self.person_names = [name for name in (_clean_name(e.text) for e in self.ents if e.label_ == "PERSON")
                             if name]
        self.extra_names: list[str] = []  # names the tagger missed ("Ajmal Jan, a shopkeeper")
        self.persons = self._person_mentions()
        self.genders = self._genders()
        self._it_depth = 0  # how deep "it added" look-backs are nested
        self.speakers: list[tuple[int, str]] = []  # (offset, name) of resolved speakers
        self.role_subjects = self._role_subjects()
        self.explicit = False  # the last window read had a speech verb with a subject
        self.resolved: dict[int, str | None] = {}  # close mark -> speaker of quotes read so far

    # --- mentions

    def _in_quote(self, offset: int) -> bool:
        # spans are sorted and disjoint: only the last one opening before offset can hold it
        index = bisect.bisect_left(self.span_starts, offset) - 1
        return index >= 0 and offset < self.spans[index][1]

    def _person_mentions(self) -> list[tuple[int, str, bool]]:
        """(offset, full name, salient) of every person named outside quotes.

        Salient = the grammatical subject of its clause; pronouns prefer those.
        """
        mentions = []
        for ent in self.ents:
            if ent.label_ != "PERSON" or self._in_quote(ent.start_char):
                continue
            if self.article.is_removed(ent.start_char, ent.end_char):
                continue
            name = _clean_name(ent.text)
            if not name or any(c.isdigit() for c in name):
                continue
            if self.lookup.types.get(_fold(name).strip(), "PERSON") != "PERSON":
                continue  # the story's entities say it is no person ("COVID-19", "Meta")
            salient = ent.root.dep_ in ("nsubj", "nsubjpass")
            mentions.append((ent.start_char, name, salient))
        # "Ajmal Jan, a local shopkeeper, said": a name introduced by an
        # apposition is a person even where the tagger missed it
        for token in self.doc:
            if token.pos_ != "PROPN" or token.ent_type_ in ("PERSON", "ORG", "NORP", "FAC") \
                    or self._in_quote(token.idx) or token.dep_ == "compound":
                continue
            if not any(c.dep_ == "appos" and c.pos_ == "NOUN" and c.i > token.i
                       and c.lower_ not in _PLACE_NOUNS for c in token.children):
                continue
            words = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [token]
            if len(words) >= 2 and all(w.text[:1].isupper() and w.is_alpha for w in words) \
                    and not self.article.is_removed(words[0].idx, token.idx + len(token.text)):
                name = " ".join(w.text for w in words)
                self.extra_names.append(name)
                mentions.append((words[0].idx, name, True))
        known_surnames = {_fold(name.split()[-1]): name for _, name, _ in mentions}
        known_surnames.update(self.lookup.surnames)
        # surnames spaCy tagged as something else ("Stoltenberg" as ORG)
        for token in self.doc:
            if token.pos_ == "PROPN" and token.dep_ in ("nsubj", "nsubjpass") \
                    and token.ent_type_ != "PERSON" and _fold(token.text) in known_surnames \
                    and not self._in_quote(token.idx):
                mentions.append((token.idx, self._full_name(token.text), True))
        mentions.sort()
        return mentions

    def _full_name(self, surface: str) -> str:
        """The fullest form of a name used in this article ("Kurti" -> "Albin Kurti")."""
        surface = _clean_name(surface)
        key = _fold(surface.split()[-1]) if surface else ""
        best = surface
        names = self.person_names + self.extra_names
        for name in names:
            if name and _fold(name.split()[-1]) == key and len(name) > len(best):
                best = name
        if best == surface and len(surface.split()) == 1:
            # family name first ("Ong" is Ong Ye Kung): one full name starting with it
            starting = {n for n in names if n and len(n.split()) > 1 and _fold(n.split()[0]) == key}
            if len(starting) == 1:
                best = starting.pop()
        return best

    def _role_subjects(self) -> list:
        """Subjects that are a role or an unnamed person ("a foreign ministry
        spokesman said", "one witness said"), outside quotes: a later "he said"
        may be theirs rather than a person named before them."""
        found = []
        for token in self.doc:
            if token.dep_ not in ("nsubj", "nsubjpass") or token.ent_type_ == "PERSON" \
                    or self._in_quote(token.idx) or self.article.is_removed(token.idx, token.idx + 1):
                continue
            words = set(_fold(token.text).split("-"))
            if words & (_ROLE_WORDS | _UNNAMED_SPEAKERS):
                found.append(token)
        return found

    def _genders(self) -> dict[str, str]:
        """Folded surname -> "m" or "f" where the article writes an honorific
        before the name ("Mr Haddad", "Ms Lena Dahl") and never the other one."""
        seen: dict[str, set[str]] = {}
        for ent in self.ents:
            if ent.label_ != "PERSON":
                continue
            words = ent.text.split()
            before = self.doc[ent.start - 1].text if ent.start else ""
            title = _fold(words[0] if _fold(words[0]).strip(".") in _HONORIFIC_GENDER else before).strip(".")
            gender = _HONORIFIC_GENDER.get(title)
            name = _clean_name(ent.text)
            if gender and name:
                seen.setdefault(_fold(name.split()[-1]), set()).add(gender)
        return {key: next(iter(found)) for key, found in seen.items() if len(found) == 1}

    def _pronoun(self, offset: int, pronoun: str = "") -> str | None:
        wanted = {"he": "m", "him": "m", "she": "f", "her": "f"}.get(pronoun)

        def agrees(name) -> bool:  # "she" is not the Mr Haddad named last
            if not wanted or not isinstance(name, str) or not name.split():
                return True
            return self.genders.get(_fold(name.split()[-1]), wanted) == wanted

        candidates = [m for m in self.persons if m[0] < offset and agrees(m[1])]
        candidates += [(o, name, True) for o, name in self.speakers if o < offset and agrees(name)]
        candidates += [(t.idx, t, True) for t in self.role_subjects if t.idx < offset]
        candidates.sort(key=lambda m: (m[0], isinstance(m[1], str)))
        salient = [m for m in candidates if m[2]]
        pick = salient[-1] if salient else candidates[-1] if candidates else None
        if pick is None:
            return None
        if isinstance(pick[1], str):
            return self._full_name(pick[1])
        # the last subject was a role: its name if the article ties one, else nobody
        token = pick[1]
        allowed = {t.i for t in token.subtree if not self._in_quote(t.idx)}
        return self._resolve(token, allowed, remember=False)

    def _spokes_role(self, token, allowed) -> str | None:
        """"SCDF spokesman", "foreign ministry spokesman": a spokesperson role with
        the institution it speaks for, from this mention or, for "the
        spokesman", the last earlier mention that named it; else None."""
        qualifier = self._institution_of(token, allowed)
        if qualifier is None and any(c.lower_ == "the" for c in token.children if c.dep_ == "det"):
            for earlier in reversed(self.doc[:token.i]):
                if earlier.lower_ == token.lower_ and not self._in_quote(earlier.idx):
                    qualifier = self._institution_of(earlier, {t.i for t in earlier.subtree})
                    if qualifier is not None:
                        break
        return f"{qualifier} {token.lower_}" if qualifier else None

    def _institution_of(self, token, allowed) -> str | None:
        def modifiers(node):  # "foreign ministry", "SCDF": compounds and adjectives only
            out = []
            for child in node.lefts:
                if child.dep_ in ("compound", "amod", "nmod", "poss") and child.i in allowed \
                        and not self._in_quote(child.idx):
                    out += modifiers(child) + [child]
            return out

        words = [t for t in modifiers(token) if t.pos_ not in ("DET", "PUNCT", "PART")]
        for child in token.children:  # "a spokesman for the German military"
            if child.dep_ == "prep" and child.lower_ in ("for", "of", "at") and child.i in allowed:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        words += [t for t in modifiers(pobj) if t.pos_ not in ("DET", "PUNCT", "PART")] + [pobj]
        named = any(t.ent_type_ in ("ORG", "NORP", "GPE") or t.pos_ == "PROPN"
                    or t.lower_ in _INSTITUTIONS for t in words)
        if not named:
            return None
        words.sort(key=lambda t: t.i)
        return " ".join(t.text for t in words)

    def _role(self, role_words: list[str], offset: int, qualifier: str | None = None) -> str | None:
        """The person this article names with the role ("Secretary-General");
        with a ``qualifier`` ("foreign ministry" spokesman), one named with it."""
        if not role_words:
            return None
        head = role_words[-1]
        wanted = {w for w in re.findall(r"\w+", _fold(qualifier or "")) if len(w) > 2}
        matches = []
        for ent in self.ents:
            if ent.label_ != "PERSON" or not _clean_name(ent.text):
                continue
            context = self.doc[max(ent.sent.start, ent.start - 8):min(ent.sent.end, ent.end + 6)]
            words = {w for t in context for w in _fold(t.text).split("-")}
            hits = sum(1 for w in role_words if w in words)
            if wanted and not wanted & words:
                continue
            if head in words and hits * 2 >= len(role_words):
                matches.append((ent.start_char, _clean_name(ent.text)))
        before = [m for m in matches if m[0] < offset]
        if before:
            return before[-1][1]
        return matches[0][1] if matches else None

    # --- quotes

    def quotes(self) -> list[tuple[int, int, str | None]]:
        """(inner start, inner end, speaker or None) for reportable quotes."""
        found = []
        for open_index, close_index in self.spans:
            start, end = _inner(self.text, open_index, close_index)
            if end <= start or self.article.is_removed(open_index, close_index + 1):
                continue
            if len(re.findall(r"\w+", self.text[start:end])) < MIN_WORDS:
                continue
            speaker = self._speaker(open_index, close_index)
            self.resolved[close_index] = speaker
            found.append((start, end, speaker))
        return found

    def _speaker(self, open_index: int, close_index: int) -> str | None:
        inner = self.text[open_index + 1:close_index].rstrip()
        after_start, after_end = close_index + 1, self._sentence_end(close_index + 1)
        following = self.text[after_start:after_end].lstrip(" ,")
        ends_sentence = inner[-1:] in ".?!" and inner[-1:] != "" and following[:1].isupper()
        if following and not following.startswith("\n"):
            if not ends_sentence or self._short_tag(after_start, after_end):
                self.explicit = False
                speaker = self._from_window(after_start, after_end, first=True)
                if speaker is not None or self.explicit:
                    return speaker  # "…,” one witness said": nobody named, nobody guessed
        before_start = self._sentence_start(open_index)
        self.explicit = False
        speaker = self._from_window(before_start, open_index, first=False)
        if speaker is not None or self.explicit:
            return speaker
        label = self._label(open_index)
        if label is not None or not _at_paragraph_start(self.text, open_index):
            return label
        return self._lead_in(open_index) or self._continuation(open_index)

    def _short_tag(self, start: int, end: int) -> bool:
        """'…stop.” Stoltenberg said.': a short speech tag after a full sentence."""
        clause = self.text[start:end]
        if any(mark in clause for mark in _CLOSERS):
            return False
        words = clause.split()
        return 0 < len(words) <= 6 and any(w.strip(".,").lower() in _SPEECH_VERBS for w in words)

    def _sentence_end(self, offset: int) -> int:
        limit = min(len(self.text), offset + WINDOW_CHARS)
        j = offset
        while j < limit:
            char = self.text[j]
            if char == "\n":
                return j
            at = self._span_at(j)
            if at is not None:
                j = at + 1
                continue
            if char in ".!?" and (j + 1 >= len(self.text) or self.text[j + 1].isspace()) \
                    and not _abbreviation_before(self.text, j):
                return j + 1
            j += 1
        return limit

    def _sentence_start(self, offset: int) -> int:
        limit = max(0, offset - WINDOW_CHARS)
        j = offset - 1
        while j > limit:
            char = self.text[j]
            if char == "\n":
                return j + 1
            if char in ".!?" and self.text[j + 1:j + 2].isspace() and not _abbreviation_before(self.text, j):
                rest = self.text[j + 1:offset].lstrip()
                if rest[:1].isupper() or rest[:1] in _CLOSERS:
                    return j + 1
            if char in "”»’\"" :
                # step over a whole earlier quote
                for start, end in self.spans:
                    if end == j:
                        j = start
                        break
            j -= 1
        return limit

    def _span_at(self, offset: int) -> int | None:
        return self.span_ends.get(offset)

    def _window_tokens(self, start: int, end: int):
        first = bisect.bisect_left(self.token_starts, start)
        last = bisect.bisect_left(self.token_starts, end)
        return [t for t in self.doc[first:last] if not self._in_quote(t.idx) and t.text not in _CLOSERS]

    def _from_window(self, start: int, end: int, *, first: bool) -> str | None:
        tokens = self._window_tokens(start, end)
        verbs = [t for t in tokens if t.lower_ in _SPEECH_VERBS
                 and (t.pos_ in ("VERB", "AUX") or t.lower_ in ("said", "says", "told", "according"))]
        if not verbs:
            return None
        verb = verbs[0] if first else verbs[-1]
        self.explicit = False
        speaker = self._verb_speaker(verb, tokens)
        if speaker is not None:
            self.speakers.append((verb.idx, speaker))
        return speaker

    def _lead_in(self, open_index: int) -> str | None:
        """'Stoltenberg said:' ending the paragraph before a quote paragraph."""
        if not _at_paragraph_start(self.text, open_index):
            return None
        k = open_index - 1
        while k >= 0 and self.text[k].isspace():
            k -= 1
        if k < 0 or self.text[k] != ":":
            return None
        start = self._sentence_start(k)
        speaker = self._from_window(start, k, first=False)
        if speaker is not None or self.explicit:
            return speaker
        # "Tong underscored the importance of integration:" — the colon
        # introduces the words; the clause's subject speaks if it is a person
        window = self._window_tokens(start, k)
        for verb in reversed(window):
            if verb.pos_ != "VERB" or not any(c.dep_ == "nsubj" for c in verb.children):
                continue
            subject = next(c for c in verb.children if c.dep_ == "nsubj")
            if subject.lower_ not in _PRONOUNS and subject.ent_type_ != "PERSON" \
                    and _fold(subject.text) not in self.lookup.surnames:
                return None
            speaker = self._resolve(subject, {t.i for t in window})
            kind = self.lookup.types.get(_fold(speaker or "").strip())
            return speaker if speaker is not None and kind in (None, "PERSON") else None
        return None

    def _label(self, open_index: int) -> str | None:
        """'Tong: “…”': an interview transcript's label, when it names a person of the article."""
        start = self.text.rfind("\n", 0, open_index) + 1
        match = _LABEL.fullmatch(self.text[start:open_index].strip())
        if match is None:
            return None
        name = _clean_name(match.group(1))
        key = _fold(name.split()[-1]) if name else ""
        if key and self._is_surname(key):
            return self._full_name(name)
        return None

    def _is_surname(self, key: str) -> bool:
        """Whether folded ``key`` is the surname of a person of the story or of this article."""
        return key in self.lookup.surnames or any(_fold(name.split()[-1]) == key for _, name, _ in self.persons)

    def _continuation(self, open_index: int) -> str | None:
        """A quote paragraph right after a paragraph whose last sentence is X's
        words (a quote given to X, or "…, he stressed") continues X; after any
        other paragraph it stays unattributed."""
        k = open_index - 1
        while k >= 0 and self.text[k].isspace():
            k -= 1
        if k < 0:
            return None
        end = k + 1
        start = self._sentence_start(end)
        quoted = [close for close in self.resolved if start <= close < end]
        if quoted:
            return self.resolved[max(quoted)]
        return self._from_window(start, end, first=False)

    def _organisation_before(self, offset: int) -> str | None:
        """'…,” it added': the last non-person speaker of a speech verb in this
        or the two paragraphs before, else None."""
        if self._it_depth >= 4:
            return None  # "it said … it added … it said": far enough back
        persons = {name for _, name, _ in self.persons}
        limit = max(self._paragraphs_back(offset, 2), offset - _IT_REACH_CHARS)

        def person(name: str) -> bool:  # the story's entity type wins over this article's tagger
            kind = self.lookup.types.get(_fold(name).strip())
            return kind == "PERSON" if kind else name in persons

        first = bisect.bisect_left(self.token_starts, limit)
        last = bisect.bisect_left(self.token_starts, offset)
        explicit = self.explicit
        self._it_depth += 1
        try:
            for token in reversed(self.doc[first:last]):
                if token.lower_ not in _SPEECH_VERBS or self._in_quote(token.idx) \
                        or (token.pos_ not in ("VERB", "AUX") and token.lower_ not in ("said", "says")):
                    continue
                if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "it" for c in token.children):
                    continue  # an earlier "it said" points further back still
                window = [t for t in token.sent if not self._in_quote(t.idx) and t.idx < offset]
                speaker = self._verb_speaker(token, window)
                if speaker is not None and not person(speaker):
                    return speaker
            return None
        finally:
            self.explicit = explicit
            self._it_depth -= 1

    def _paragraphs_back(self, offset: int, count: int) -> int:
        """Where the paragraph ``count`` paragraphs before the one holding ``offset`` starts."""
        index = bisect.bisect_right(self.paragraph_starts, offset) - 1
        return self.paragraph_starts[max(0, index - count)]

    def _verb_speaker(self, verb, window) -> str | None:
        window_ids = {t.i for t in window}
        before = self.text[:verb.idx].rstrip(" \t")
        if window and verb.i == window[0].i and verb.lower_ != "according" \
                and (not before or before[-1] in ".!?\n"):
            # "Said the spokesman: “…”": the subject follows a sentence-initial verb
            span = []
            for token in self.doc[verb.i + 1:verb.i + 10]:
                if token.i not in window_ids or token.text in (":", ",", ";", ".", "—"):
                    break
                span.append(token)
            heads = [t for t in span if t.pos_ in ("NOUN", "PROPN", "PRON")]
            if heads:
                self.explicit = True
                return self._resolve(heads[-1], {t.i for t in span})
        if verb.lower_ == "according":
            for token in verb.subtree:
                if token.dep_ == "pobj" and token.i in window_ids:
                    return self._resolve(token, window_ids)
        node = verb
        for _ in range(3):
            subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")
                        and not self._in_quote(c.idx)]
            if subjects:
                # a bad parse may split one subject ("Co-author, Professor X")
                # into several: the first that names a speaker wins
                self.explicit = subjects[0].i in window_ids
                split = [subjects[0]]
                for subject in subjects[1:]:  # only the pieces of one split phrase
                    if subject.i != split[-1].i + 1:
                        break
                    split.append(subject)
                for subject in split:
                    speaker = self._resolve(subject, window_ids | {t.i for t in subject.subtree})
                    if speaker is not None:
                        return speaker
                return None
            if node.dep_ in ("advcl", "xcomp", "conj", "acl", "pcomp", "ccomp") and node.head is not node:
                node = node.head
            else:
                break
        # the parse found no subject: read the words right next to the verb
        for token in self._beside(verb, window_ids):
            speaker = self._resolve(token, window_ids)
            if speaker is not None:
                return speaker
        return None

    def _beside(self, verb, window_ids):
        doc = self.doc
        j = verb.i - 1
        while j >= 0 and j in window_ids and doc[j].pos_ in ("ADV", "AUX", "PART"):
            j -= 1
        if j >= 0 and j in window_ids and doc[j].pos_ in ("PROPN", "PRON", "NOUN"):
            yield doc[j]
        j = verb.i + 1
        while j < len(doc) and j in window_ids and j <= verb.i + 8:
            if doc[j].text in (",", ".", ";"):
                break
            if doc[j].pos_ in ("PROPN", "PRON") or doc[j].ent_type_ == "PERSON":
                yield doc[j]
                break
            j += 1

    def _named_after(self, token, allowed) -> str | None:
        """'KFOR commander Maj.-Gen. Angelo Michele Ristuccia': the name after a role."""
        name: list[str] = []  # capitalised words the tagger did not call a PERSON
        for j in range(token.i + 1, min(len(self.doc), token.i + 8)):
            tok = self.doc[j]
            if j not in allowed:
                break
            if tok.ent_type_ == "PERSON" and tok.ent_iob_ == "B":
                ent = next(e for e in self.ents if e.start == j)
                if _clean_name(ent.text):
                    return self._full_name(ent.text)
                continue
            if tok.ent_type_ == "PERSON" or tok.text in ".-":
                continue
            if tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.ent_type_ not in ("ORG", "GPE", "NORP"):
                name.append(tok.text)
                continue
            break
        cleaned = _clean_name(" ".join(name))
        return self._full_name(cleaned) if cleaned else None

    def _resolve(self, token, allowed, remember: bool = True) -> str | None:
        """The speaker a subject token stands for, or None."""
        lower = token.lower_
        if lower in _PRONOUNS:
            return self._pronoun(token.idx, lower)
        if lower == "it":
            return self._organisation_before(token.idx)
        if lower in _NON_SPEAKERS:
            return None
        phrase = [t for t in token.subtree if t.i in allowed and not self._in_quote(t.idx)]
        lo, hi = (phrase[0].idx, phrase[-1].idx + 1) if phrase else (token.idx, token.idx + 1)
        persons = [e for e in self.ents if e.label_ == "PERSON" and lo <= e.start_char < hi
                   and _clean_name(e.text)]
        if persons:
            own = [e for e in persons if e.start <= token.i < e.end]
            return self._full_name((own or persons[-1:])[0].text)
        if (token.pos_ == "PROPN" or token.text[:1].isupper()) and self._is_surname(_fold(token.text)):
            return self._full_name(token.text)
        # a role alone: whom this article names with it, else nobody
        compounds = [t for t in token.subtree if t.i <= token.i and t.i in allowed
                     and t.pos_ in ("NOUN", "PROPN", "ADJ") and t.ent_type_ not in ("ORG", "GPE", "NORP")]
        role_words = [w for t in compounds for w in _fold(t.text).split("-") if w]
        if any(w in _ROLE_WORDS for w in _fold(token.text).split("-")):
            named = self._named_after(token, allowed)
            if named is not None:
                return named
            role_words = [w for w in role_words if w in _ROLE_WORDS or w not in ("the", "a")]
            role_words = [w for w in role_words if w in _ROLE_WORDS] or [lower]
            # "a spokesman" is someone new: only "the spokesman" may be a person named before
            determiners = {c.lower_ for c in token.children if c.dep_ == "det"}
            indefinite = bool(determiners & {"a", "an", "another", "one"})
            qualifier = self._institution_of(token, allowed) if lower in _SPOKES_ROLES else None
            speaker = None if indefinite else self._role(role_words, token.idx, qualifier)
            if speaker is None and lower in _SPOKES_ROLES:
                speaker = self._spokes_role(token, allowed)
            if speaker is not None and remember:
                self.speakers.append((token.idx, speaker))
            return speaker
        orgs = [e for e in self.ents if e.label_ in ("ORG", "GPE", "NORP") and lo <= e.start_char < hi]
        if token.lower_ in _INSTITUTIONS:
            words = [t.text for t in phrase if t.pos_ not in ("DET", "PUNCT") and t.i <= token.i]
            return " ".join(words) or None
        # the subject must name the organisation itself ("Mondelez said", "the
        # company, Mondelez, said", "a statement by UNICEF said"), not hold it
        # somewhere deeper ("not a result of Brexit' A spokeswoman … said")
        org = [e for e in orgs if e.label_ == "ORG" and (
            e.start <= token.i < e.end
            or e.root.head.i == token.i and e.root.dep_ in ("compound", "appos", "poss", "nmod")
            or e.root.dep_ == "pobj" and e.root.head.lower_ in ("by", "from", "of", "for")
            and e.root.head.head.i == token.i)]
        if org:
            name = _clean_name(org[0].text)
            if any(_fold(name) == _fold(known.split()[-1]) for _, known, _ in self.persons):
                return self._full_name(name)  # a person the tagger called an ORG
            return name
        return None


_LABEL = re.compile(r"([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*:")


def _abbreviation_before(text: str, period: int) -> bool:
    """'Gen.', 'B.', 'U.S.' : a period that does not end the sentence."""
    k = period
    while k > 0 and (text[k - 1].isalpha() or text[k - 1] in ".-"):
        k -= 1
    word = text[k:period]
    last = word.replace(".", " ").replace("-", " ").split()
    last = last[-1] if last else ""
    return len(last) == 1 or _fold(last) in _TITLES


def _inner(text: str, open_index: int, close_index: int) -> tuple[int, int]:
    start, end = open_index + 1, close_index
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


_TITLES = set("""
mr mrs ms dr prof sir dame lord gen maj adm col lt capt cpt sgt cmdr brig sen rep gov
pres rev st hon maj-gen lt-gen brig-gen
""".split())


def _clean_name(name: str) -> str:
    """A person's name without possessive and leading titles ("Adm. X" -> "X")."""
    name = re.sub(r"[’']s$", "", name.strip()).strip(" ,.;:")
    words = name.split()
    if words and _fold(words[0]) in LEADING_SPEECH_VERBS:
        words = words[1:]  # "Said Ong": the verb of "…,” said Ong, tagged into the name
        if not words:
            return ""
    while words and _fold(words[0]).replace(".", "").strip("-") in _TITLES | {
        w.replace("-", "") for w in _TITLES
    } | {_fold(w).replace(".", "") for w in ("Maj.-Gen.", "Lt.-Gen.", "Brig.-Gen.")} \
            or len(words) > 2 and _fold(words[0]) in PORTFOLIO_WORDS \
            or len(words) > 1 and _fold(words[0]).strip(".") in PERSON_TITLES:
        words.pop(0)
    return " ".join(words)


def _fold(text: str) -> str:
    """Lowercase without diacritics: "Vučić" -> "vucic"."""
    return plain(text)


def _display(text: str) -> str:
    """Quote text for reading: paragraph re-openings and runs of space collapsed."""
    text = re.sub(r"\s*\n\s*[“\"„«‘]?", " ", text)
    return " ".join(text.split())


def _normalised(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", _fold(text)).split())


# ---------------------------------------------------------------- names


class _Names:
    """Canonical names from the entities stage."""

    def __init__(self, entities: list[Entity]):
        self.exact: dict[str, str] = {}
        self.types: dict[str, str] = {}
        by_surname: dict[str, set[str]] = defaultdict(set)
        for entity in entities or []:
            for form in [entity.name, *entity.aliases]:
                self.exact.setdefault(_fold(form).strip(), entity.name)
                self.types.setdefault(_fold(form).strip(), entity.type)
                if entity.type == "PERSON" and form.split():
                    by_surname[_fold(form.split()[-1])].add(entity.name)
        self.surnames = {s: next(iter(names)) for s, names in by_surname.items() if len(names) == 1}

    def canonical(self, surface: str | None) -> str | None:
        if not surface:
            return None
        key = _fold(surface).strip()
        if key in self.exact:
            return self.exact[key]
        words = key.split()
        if words and words[-1] in self.surnames and surface[:1].isupper():
            return self.surnames[words[-1]]
        return surface


# ---------------------------------------------------------------- grouping


def find_quotes(articles: list[Article], docs: dict, entities: list[Entity]) -> tuple[list[Quote], list[Conflict]]:
    """Quotes of the story and attribution conflicts (see the module docstring).

    Reads ``article.text``, ``removed``, ``copy_of`` and ``off_topic`` (off-topic
    articles are skipped), ``docs[article.id]`` and ``entities``. Quotes are
    ranked by independent sources, then by sources, then by first appearance.
    """
    names = _Names(entities)
    found: list[_Found] = []
    for order, article in enumerate(articles):
        doc = docs.get(article.id)
        if article.off_topic or doc is None:
            continue
        reader = _ArticleQuotes(article, doc, names)
        for start, end, speaker in reader.quotes():
            text = _display(article.text[start:end])
            found.append(_Found(source=article.id, start=start, end=end, text=text,
                                speaker=names.canonical(speaker), order=order,
                                norm=_normalised(text)))
    groups = _group(found)
    for group in groups:
        _unify_speakers(group, names)

    by_id = {a.id: a for a in articles}

    def root(source: str) -> str:
        article = by_id.get(source)
        return article.copy_of if article is not None and article.copy_of else source

    ranked = []
    for group in groups:
        group.sort(key=lambda f: (f.order, f.start))
        roots = {root(f.source) for f in group}
        ranked.append((-len(roots), -len({f.source for f in group}), group[0].order, group[0].start, group))
    ranked.sort(key=lambda item: item[:4])

    quotes: list[Quote] = []
    conflicts: list[Conflict] = []
    for number, (*_, group) in enumerate(ranked, 1):
        longest = max(group, key=lambda f: len(f.norm))
        support = [Evidence(source=f.source, start=f.start, end=f.end, speaker=f.speaker) for f in group]
        quotes.append(Quote(id=f"Q{number}", text=longest.text, speaker=_agreed_speaker(group, root),
                            support=support))
        conflict = _attribution_conflict(group, root, longest.text)
        if conflict is not None:
            conflicts.append(conflict)
    conflicts.sort(key=lambda c: -len({root(e.source) for v in c.values for e in v.support}))
    for number, conflict in enumerate(conflicts, 1):
        conflict.id = f"A{number}"
    return quotes, conflicts


def same_quote(a: str, b: str) -> bool:
    """True when two normalised wordings are the same quote (trimmed or re-worded)."""
    short, long = sorted((a, b), key=len)
    short_words = short.split()
    if len(short_words) < MIN_WORDS:
        return False
    # Both tests below need most of the shorter wording's words in the longer
    # one; a cheap word check first spares the string matching on big stories.
    if len(short_words) >= 5:
        shared = len(set(short_words) & set(long.split()))
        if shared < 0.3 * len(set(short_words)):
            return False
    if fuzz.partial_ratio(short, long) >= MATCH_PARTIAL and len(short) >= 20:
        return True
    # re-translations: most words shared in a different order
    return len(short.split()) >= 6 and fuzz.token_set_ratio(short, long) >= MATCH_TOKEN_SET \
        and fuzz.token_sort_ratio(short, long) >= 60


def _group(found: list[_Found]) -> list[list[_Found]]:
    groups: list[list[_Found]] = []
    for item in sorted(found, key=lambda f: -len(f.norm)):
        best = None
        best_score = 0.0
        for group in groups:
            for member in group:
                if same_quote(item.norm, member.norm):
                    score = fuzz.ratio(item.norm, member.norm)
                    if score > best_score or best is None:
                        best, best_score = group, score
                    break
        if best is None:
            groups.append([item])
        else:
            best.append(item)
    return groups


def _unify_speakers(group: list[_Found], lookup: "_Names | None" = None) -> None:
    """One name per person within a quote's variants.

    "Robin Smith" and "Constable Robin Smith", or "Saifuddin" and "Saifuddin
    Nasution", are the same speaker when one name's words are all in the
    other's (a spokesperson counts as the institution it speaks for); they
    must not make an attribution conflict. The shortest name of two or more
    words stands for the set (titles drop out that way).
    """
    names = sorted({f.speaker for f in group if f.speaker}, key=lambda n: (len(n.split()), n))

    def core(name: str) -> set[str]:
        # "foreign ministry spokesman" speaks for the "German foreign ministry";
        # "RAIB spokesman" for the "Rail Accident Investigation Branch" the text ties to RAIB
        kept = [w for w in name.split() if _fold(w) not in _SPOKES_ROLES] or name.split()
        canonical = lookup.canonical(" ".join(kept)) if lookup is not None else None
        return set(_fold_name(canonical or " ".join(kept)).split())

    words = {name: core(name) for name in names}
    chosen: dict[str, str] = {}
    for name in names:
        related = [other for other in names if other != name
                   and (words[name] <= words[other] or words[other] <= words[name])]
        family = [name] + related
        full = [n for n in family if len(n.split()) >= 2]
        chosen[name] = min(full or family, key=lambda n: (len(n.split()), n))
    for f in group:
        if f.speaker:
            f.speaker = chosen[f.speaker]


def _fold_name(name: str) -> str:
    return plain(name).replace(".", "")


def _agreed_speaker(group: list[_Found], root) -> str | None:
    """The speaker the most independent sources give; None if none or tied."""
    votes = Counter()
    for speaker, roots in _speaker_roots(group, root).items():
        if speaker is not None:
            votes[speaker] = len(roots)
    if not votes:
        return None
    ranked = votes.most_common()
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


def _speaker_roots(group: list[_Found], root) -> dict[str | None, set[str]]:
    """speaker -> independent sources giving it; a source root that names a
    speaker anywhere does not also count as leaving it unattributed."""
    named_roots = {root(f.source) for f in group if f.speaker}
    out: dict[str | None, set[str]] = defaultdict(set)
    for f in group:
        if f.speaker or root(f.source) not in named_roots:
            out[f.speaker].add(root(f.source))
    return out


def _attribution_conflict(group: list[_Found], root, text: str) -> Conflict | None:
    by_speaker = _speaker_roots(group, root)
    root_sets = list(by_speaker.values())
    independent = any(r1 != r2 for i, a in enumerate(root_sets) for b in root_sets[i + 1:]
                      for r1 in a for r2 in b)
    if not independent:
        return None  # only a copy and its original disagree
    values = []
    for speaker, roots in sorted(by_speaker.items(), key=lambda kv: (-len(kv[1]), kv[0] is None, kv[0] or "")):
        support = [Evidence(source=f.source, start=f.start, end=f.end, speaker=f.speaker)
                   for f in group if f.speaker == speaker and (speaker or root(f.source) in roots)]
        values.append(ConflictValue(value=speaker or UNATTRIBUTED, support=support))
    words = text.split()
    topic = " ".join(words[:8]) + ("…" if len(words) > 8 else "")
    return Conflict(id="", kind="attribution", topic=topic, values=values)
