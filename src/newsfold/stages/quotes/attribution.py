"""Attribution: the speaker of each quote of one article, first match wins.

a. the clause right after the quote ("…,” Ruiz said", "…,” said Adm. X",
   "…,” he added");
b. the clause before it in the same sentence ("X said: “…", "He warned that
   troops “…", "Y condemned it, saying “…", "according to X");
c. a lead-in paragraph ending with a colon right before a quote paragraph (a
   speech verb's subject, or any verb's subject that is a person: "Ruiz
   underscored the point:");
d. an interview label naming a person of the article ("Ruiz: “…”");
e. a quote paragraph right after a paragraph whose last sentence is X's words
   ("“…,” said X." or "…, he stressed."), or reports them ("X pointed out that
   …"), continues X, or introduces X ("Ms X, 67, a nearby resident, walks
   there weekly." then "“…”": a vox pop);
f. a quote paragraph nothing else attributes, right before a paragraph opening
   with a quote given to X ("“…” / “…,” he said."), is X's.

A quote with no attribution is never guessed, and a quote paragraph after any
other paragraph is nobody's. Who a subject stands for
is :mod:`.speakers`' job.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ...model import Article
from ...nlp.lexicon import PERSON_TITLES, QUOTE_VERBS
from ...nlp.names import is_title, speaker_name, surname_key
from ...nlp.text import plain
from .canonical import StoryNames
from .marks import CLOSERS, MIN_WORDS, at_paragraph_start, inner, is_quoted_name
from .page import Page
from .people import People
from .speakers import PRONOUNS, SpeakerResolver

_LABEL = re.compile(r"([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*:")
# the words after a quote up to a colon that opens the next quote
_NEXT_QUOTE_TAG = re.compile(r"[^\"“”‘’«»„\n]{0,200}?:[ \t]*(?=[\"“‘«„'])")
# words that name a title, not speech: 'an article titled “…”', 'a report headlined “…”'
_TITLED = re.compile(r"\b(?:titled|entitled|headlined|headed)[ \t]*[,:]?[ \t]*$", re.I)
# a name introduced by an age or a description: "Ana Ruiz, 67,", "Ana Ruiz, a nearby resident,"
_INTRODUCED = re.compile(r"[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,4},[ \t]+(?:\d{1,3},|an?[ \t])")
_ROLE_LABEL = re.compile(
    r"(?:^|[.!?][\"”’']?\s+|\n)(?:An?\s+|The\s+)?(?P<body>[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,4})\s+"
    r"(?P<role>spokesman|spokeswoman|spokesperson)\s*:\s*$")


def article_quotes(article: Article, doc: Any, names: StoryNames,
                   voices: Mapping[str, int] | None = None) -> tuple[list[tuple[int, int, str | None]], bool]:
    """(inner start, inner end, speaker or None) of the reportable quotes of
    one article, and whether a one-word name two of its people hold was read
    as one of them (without ``voices``, the story's quoted people, by nearness)."""
    attribution = _Attribution(People(Page(article, doc), names, voices))
    return attribution.quotes(), attribution.people.guessed


class _Attribution:
    """The attribution cascade over one article's quotes, in text order."""

    def __init__(self, people: People):
        self.page = people.page
        self.text = people.page.text
        self.people = people
        self.speakers = SpeakerResolver(people)
        self.resolved: dict[int, str | None] = {}  # close mark -> speaker of quotes read so far
        self.untold: set[int] = set()  # close marks of quote paragraphs nothing around attributes

    def quotes(self) -> list[tuple[int, int, str | None]]:
        found = []
        for open_index, close_index in self.page.spans:
            start, end = inner(self.text, open_index, close_index)
            removed = self.page.article.removed
            if end <= start or any(r.start <= open_index < r.end or r.start <= close_index < r.end for r in removed):
                continue  # a quote mark inside removed text: the quote is the page's, not the story's
            if len(re.findall(r"\w+", self.text[start:end])) < MIN_WORDS or is_quoted_name(self.text[start:end]):
                continue  # a scare quote, a fragment or a name: masked, never reported
            speaker = self._speaker(open_index, close_index)
            self.resolved[close_index] = speaker
            # a caption run into the quote is no part of it: the words either side are
            found += [(a, b, close_index) for a, b in self._kept_pieces(start, end)]
        told = self._told_next()
        return [(a, b, told.get(close, self.resolved[close])) for a, b, close in found]

    def _told_next(self) -> dict[int, str]:
        """'“…” / “…,” he said.': a quote paragraph nothing attributes, right
        before a paragraph that opens with a quote its own words give to X, is
        X's too (one speaker's words set out over two paragraphs)."""
        told: dict[int, str] = {}
        spans = self.page.spans
        for (_, close), (next_open, next_close) in zip(spans, spans[1:]):
            if close not in self.untold or self.resolved.get(next_close) is None:
                continue
            between = self.text[close + 1:next_open]
            if between.strip() or "\n" not in between or next_close in self.untold:
                continue  # not the next paragraph's opening quote, or that one is untold as well
            told[close] = str(self.resolved[next_close])
        return told

    def _kept_pieces(self, start: int, end: int) -> list[tuple[int, int]]:
        """[start, end) without the removed spans inside it, in pieces of
        ``MIN_WORDS`` words or more, stripped of spaces and stray marks. The
        words after a removed span belong to the quote only when a quote mark
        reopens it there ("…part of. [caption] “Every guy…"); else the marks
        were paired across the page and nothing of the span is a quote."""
        pieces, at = [], start
        inside = [r for r in self.page.article.removed if start < r.end and r.start < end]
        for span in sorted(inside, key=lambda r: (r.start, r.end)):
            pieces.append((at, span.start))
            at = max(at, span.end)
            if self.text[at:end].lstrip()[:1] not in CLOSERS:
                return []
        pieces.append((at, end))
        return self._stripped(pieces)

    def _stripped(self, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
        out = []
        for a, b in pieces:
            while a < b and (self.text[a].isspace() or self.text[a] in CLOSERS):
                a += 1
            while b > a and (self.text[b - 1].isspace() or self.text[b - 1] in CLOSERS):
                b -= 1
            if len(re.findall(r"\w+", self.text[a:b])) >= MIN_WORDS:
                out.append((a, b))
        return out

    def _speaker(self, open_index: int, close_index: int) -> str | None:
        if _TITLED.search(self.text, max(0, open_index - 40), open_index):
            return None  # 'an article titled “…”': a title is nobody's words
        inner_text = self.text[open_index + 1:close_index].rstrip()
        after_start, after_end = close_index + 1, self.page.sentence_end(close_index + 1)
        following = self.text[after_start:after_end].lstrip(" ,")
        ends_sentence = inner_text[-1:] in ".?!" and inner_text[-1:] != "" and following[:1].isupper()
        if following and not following.startswith("\n") and not self._tag_of_next_quote(after_start) \
                and (not ends_sentence or self._short_tag(after_start, after_end)):
            speaker, explicit = self.speakers.from_window(after_start, after_end, first=True)
            if speaker is not None:
                return speaker
            if explicit:  # "…,” one witness said": nobody named, nobody guessed, unless
                # the quote's own lead-in names who ("X said, “…,” the lawmaker added")
                lead_in = max([self.page.sentence_start(open_index)]
                              + [close + 1 for _, close in self.page.spans if close < open_index])
                return self.speakers.from_window(lead_in, open_index, first=False)[0]
        role = self._role_label(open_index)
        if role is not None:
            return role
        before_start = self.page.sentence_start(open_index)
        speaker, explicit = self.speakers.from_window(before_start, open_index, first=False)
        if speaker is not None or explicit:
            return speaker
        label = self._label(open_index)
        if label is not None or not at_paragraph_start(self.text, open_index):
            return label
        speaker = self._lead_in(open_index) or self._continuation(open_index)
        if speaker is None and self.text[close_index + 1:close_index + 2] in ("\n", ""):
            self.untold.add(close_index)
        return speaker

    def _tag_of_next_quote(self, start: int) -> bool:
        """'…rain delay.” Kalder added: “It's…': the one speech verb between
        this quote and the next ends its clause with a colon that opens the
        next quote, so it speaks the next one, not this one ("…,” said Ruiz,
        adding: “…" has two verbs: the first is this quote's)."""
        match = _NEXT_QUOTE_TAG.match(self.text, start)
        if match is None:
            return False
        words = [w.strip(".,;:").lower() for w in match.group().split()]
        verbs = [i for i, w in enumerate(words) if w in QUOTE_VERBS]
        return len(verbs) == 1 and verbs[0] >= len(words) - 3

    def _short_tag(self, start: int, end: int) -> bool:
        """'…stop.” Ruiz said.': a short speech tag after a full sentence."""
        clause = self.text[start:end]
        if any(mark in clause for mark in CLOSERS):
            return False
        words = clause.split()
        return 0 < len(words) <= 6 and any(w.strip(".,").lower() in QUOTE_VERBS for w in words)

    def _lead_in(self, open_index: int) -> str | None:
        """'Ruiz said:' ending the paragraph before a quote paragraph."""
        if not at_paragraph_start(self.text, open_index):
            return None
        k = open_index - 1
        while k >= 0 and self.text[k].isspace():
            k -= 1
        if k < 0 or self.text[k] != ":":
            return None
        start = self.page.sentence_start(k)
        speaker, explicit = self.speakers.from_window(start, k, first=False)
        if speaker is not None or explicit:
            return speaker
        # "Ruiz underscored the importance of integration:" — the colon
        # introduces the words; the clause's subject speaks if it is a person
        window = self.page.window_tokens(start, k)
        for verb in reversed(window):
            if verb.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in verb.children):
                return self._person_subject(verb, window)
        return None

    def _person_subject(self, verb: Any, window: list[Any]) -> str | None:
        """The person the subject of ``verb`` stands for, or None when it is no person."""
        subject = next(c for c in verb.children if c.dep_ == "nsubj")
        if subject.lower_ not in PRONOUNS and subject.ent_type_ != "PERSON" \
                and plain(subject.text) not in self.people.names.surnames:
            return None
        speaker = self.speakers.resolve(subject, {t.i for t in window})
        kind = self.people.names.type_of(speaker or "")
        return speaker if speaker is not None and kind in (None, "PERSON") else None

    def _reported(self, start: int, end: int) -> str | None:
        """'Ruiz pointed out that the route is long.' before an untold quote
        paragraph: the person whose words or view the sentence reports (its
        main verb's subject, with a clause of what was said after the verb)
        goes on in their own words."""
        window = self.page.window_tokens(start, end)
        for verb in window:
            if verb.dep_ == "ROOT" and verb.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in verb.children) \
                    and any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children):
                return self._person_subject(verb, window)
        return None

    def _label(self, open_index: int) -> str | None:
        """'Ruiz: “…”': an interview transcript's label, when it names a person of the article."""
        start = self.text.rfind("\n", 0, open_index) + 1
        match = _LABEL.fullmatch(self.text[start:open_index].strip())
        if match is None:
            return None
        name = speaker_name(match.group(1))
        key = surname_key(name) if name else ""
        if key and self.people.is_surname(key):
            return self.people.full_name(name)
        return None

    def _role_label(self, open_index: int) -> str | None:
        """'A Calden Police spokesman: “…”': a body's spokesperson as a label
        before the quote, in its own sentence, with no speech verb."""
        match = _ROLE_LABEL.search(self.text, max(0, open_index - 100), open_index)
        return f"{match.group('body')} {match.group('role')}" if match else None

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
        start = self.page.sentence_start(end)
        quoted = [close for close in self.resolved if start <= close < end]
        if quoted:
            return self.resolved[max(quoted)]
        speaker, explicit = self.speakers.from_window(start, end, first=False)
        if speaker is not None or explicit:
            return speaker
        return self._reported(start, end) or self._introduced(start, end)

    def _introduced(self, start: int, end: int) -> str | None:
        """'Ms Ana Ruiz, 67, a nearby resident, walks there weekly.' before an
        untold quote paragraph: the person the sentence opens by introducing
        (a name first, after titles only, then an age or "a/an …")."""
        for at, name, _ in self.people.mentions:
            if start <= at < end and all(is_title(w, PERSON_TITLES) for w in self.text[start:at].split()) \
                    and _INTRODUCED.match(self.text, at):
                return self.people.full_name(name, before=at + 1)
        return None
