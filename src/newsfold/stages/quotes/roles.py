"""Roles as subjects: the name written after a role, and the institution a
spokesperson speaks for ("a spokesman for the harbour authority")."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...nlp.lexicon import INSTITUTION_WORDS, QUOTE_VERBS, TENURE_WORDS
from ...nlp.names import clean_name, speaker_name
from ...nlp.text import plain
from .canonical import StoryNames
from .page import Page
from .people import People


def named_after(page: Page, people: People, token: Any, allowed: set[int]) -> str | None:
    """'VFOR commander Maj.-Gen. Ana Maria Ruiz', 'Minister for Harbour Affairs
    K Ruiz': the name after a role (and its portfolio)."""
    doc = page.doc
    name: list[str] = []  # capitalised words the tagger did not call a PERSON
    portfolio = False  # a "for"/"of" after the role: what it is in charge of may follow
    for j in range(token.i + 1, min(len(doc), token.i + 12)):
        tok = doc[j]
        if j not in allowed:
            break
        if tok.lower_ in ("for", "of", "and", ","):
            name = []  # "Minister for Culture, Community and Youth Ana Ruiz": the portfolio goes
            portfolio = True
            continue
        if portfolio and not name and tok.pos_ in ("NOUN", "ADJ") and tok.text.islower():
            continue  # "director of wildlife management Ana Ruiz"
        if tok.ent_type_ == "PERSON" and tok.ent_iob_ == "B":
            ent = next(e for e in page.ents if e.start == j)
            if speaker_name(ent.text):
                return people.full_name(ent.text)
            continue
        if portfolio and tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.ent_type_ != "PERSON":
            name.append(tok.text)  # "Mayor of Port Calden Ana Ruiz", tagged one place: sorted out below
            continue
        if tok.ent_type_ == "PERSON" or tok.text in ".-":
            continue
        if tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.ent_type_ not in ("ORG", "GPE", "NORP"):
            name.append(tok.text)
            continue
        if _misread_name_word(tok, name):
            name.append(tok.text)  # "finance director Per Ostby": "Per" read as a preposition
            continue
        break
    cleaned = speaker_name(" ".join(_without_place(page, name)))
    return people.full_name(cleaned) if cleaned else None


def _misread_name_word(token: Any, name: list[str]) -> bool:
    """A capitalised word after a role that the tagger read as another part
    of speech ("Per" a preposition, "Ostby" a noun, the two an organisation):
    a name's word when it starts the name or carries one on, and the run of
    capitalised words it is in ends the clause (a comma, a full stop, the
    end), as a name does after "said finance director"."""
    if not (token.is_alpha and token.text[:1].isupper() and token.text[1:].islower()) \
            or token.ent_type_ in ("GPE", "NORP", "DATE"):
        return False
    doc, j = token.doc, token.i
    while j + 1 < len(doc) and doc[j + 1].is_alpha and doc[j + 1].text[:1].isupper():
        j += 1
    ends_clause = j + 1 == len(doc) or doc[j + 1].is_punct
    return ends_clause and len(name) + j - token.i + 1 >= 2  # a name of two words at least


def named_before(page: Page, people: People, token: Any) -> str | None:
    """'Minister for Harbour Affairs Ana Ruiz said … “…,” the minister said':
    the name the article last wrote after the same role word, before
    ``token`` and outside quotes; else None."""
    for earlier in _earlier_uses(page, token):
        if earlier.text[:1].isupper():
            named = named_after(page, people, earlier, {t.i for t in earlier.sent if not page.in_quote(t.idx)})
            if named is not None:
                return named
    return None


def _earlier_uses(page: Page, token: Any) -> Iterator[Any]:
    """The earlier tokens of the same word outside quotes, the nearest first:
    where "the minister", "the spokesman" was first written with more."""
    for earlier in reversed(page.doc[:token.i]):
        if earlier.lower_ == token.lower_ and not page.in_quote(earlier.idx):
            yield earlier


def _without_place(page: Page, words: list[str]) -> list[str]:
    """'Port Calden Ana Ruiz' after "Mayor of": the leading words the article
    names as a place elsewhere go, leaving two words or more."""
    places = {" ".join(e.text.split()) for e in page.ents if e.label_ in ("GPE", "LOC", "FAC")}
    for size in range(len(words) - 2, 0, -1):
        if " ".join(words[:size]) in places:
            return words[size:]
    return words


def spokes_role(page: Page, token: Any, allowed: set[int]) -> str | None:
    """"VRA spokesman", "foreign ministry spokesman": a spokesperson role with
    the institution it speaks for, from this mention or, for "the
    spokesman", the last earlier mention that named it; else None."""
    qualifier = institution_of(page, token, allowed)
    if qualifier is None and any(c.lower_ == "the" for c in token.children if c.dep_ == "det"):
        for earlier in _earlier_uses(page, token):
            qualifier = institution_of(page, earlier, {t.i for t in earlier.subtree})
            if qualifier is not None:
                break
    return f"{qualifier} {token.lower_}" if qualifier else None


def institution_of(page: Page, token: Any, allowed: set[int]) -> str | None:
    """The institution named in a role's modifiers ("foreign ministry" of
    "foreign ministry spokesman", "the Valdorian navy" of "a spokesman for
    the Valdorian navy"), else None."""
    def modifiers(node: Any) -> list[Any]:  # "foreign ministry", "VRA": compounds and adjectives only
        out = []
        for child in node.lefts:
            if child.dep_ in ("compound", "amod", "nmod", "poss") and child.i in allowed \
                    and not page.in_quote(child.idx):
                out += modifiers(child) + [child]
        return out

    words = [t for t in modifiers(token) if t.pos_ not in ("DET", "PUNCT", "PART")]
    for child in token.children:  # "a spokesman for the Valdorian navy"
        if child.dep_ == "prep" and child.lower_ in ("for", "of", "at") and child.i in allowed:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    words += [t for t in modifiers(pobj) if t.pos_ not in ("DET", "PUNCT", "PART")] + [pobj]
    named = any(t.ent_type_ in ("ORG", "NORP", "GPE") or t.pos_ == "PROPN"
                or t.lower_ in INSTITUTION_WORDS for t in words)
    if not named:
        return None
    words.sort(key=lambda t: t.i)
    return " ".join(t.text for t in words)


def tenure_of(token: Any) -> frozenset[str]:
    """The words that set a role in time ("the *former* MP", "the *then* minister")."""
    return frozenset(w for c in token.children if (w := plain(c.text)) in TENURE_WORDS)


def last_body_named(page: Page, offset: int, head: str = "", reach: int = 0, acting: bool = False) -> str | None:
    """The last organisation the article names outside quotes before
    ``offset``: within two paragraphs and ``reach`` characters, or, with a
    ``head`` word, anywhere before it, the last whose name ends in that word
    ("the authority" is the Transit Authority); as a speaker name. With
    ``acting``, only one that is a clause's subject ("Velmont provided an
    update that a train bound for Orrin Depot stalled": Velmont, not the
    depot; "Rivals including Orla Group are suspected": Orla)."""
    limit = 0 if head else max(page.paragraphs_back(offset, 2), offset - reach)
    for ent in reversed([e for e in page.ents if limit <= e.start_char and e.end_char <= offset
                         and e.label_ == "ORG" and not page.in_quote(e.start_char)
                         and (not acting or _in_main_subject(e.root))
                         and (not head or plain(e.text).split()[-1:] == [head])]):
        cleaned = clean_name(ent.text, "ORG")
        if cleaned:
            return speaker_name(cleaned[0])
    return None


def _in_main_subject(token: Any) -> bool:
    """Whether ``token`` is, or stands inside, the subject of its sentence's
    main verb (or of a verb joined to it: a heading the parse ran into the sentence)."""
    return any(t.dep_ in ("nsubj", "nsubjpass") and (t.head.dep_ == "ROOT" or t.head.dep_ == "conj"
                                                       and t.head.head.dep_ == "ROOT")
               for t in (token, *token.ancestors))


def body_subject(page: Page, names: StoryNames, token: Any) -> str | None:
    """The organisation ``token`` names when it heads the subject of a verb
    that is not a speech verb (speech verbs are read for their speaker),
    outside quotes: the tagger's organisation, or a name the story types so."""
    if token.dep_ not in ("nsubj", "nsubjpass") or token.pos_ != "PROPN" \
            or token.head.lower_ in QUOTE_VERBS or page.in_quote(token.idx):
        return None
    ent = next((e for e in page.ents if e.start <= token.i < e.end), None)
    if ent is None or ent.root.i != token.i:
        return None
    cleaned = clean_name(ent.text, "ORG")  # "The Harbor Office": the determiner goes
    name = speaker_name(cleaned[0]) if cleaned else ""
    kind = names.type_of(name) if name else None
    return name if name and (kind == "ORG" or kind is None and ent.label_ == "ORG") else None
