"""Alternate names the text gives an entity ("Velmora, also known as Old Quay",
"Nordline Ferries (formerly Calden Shipping)", "the town, known in older
records as Brennholtz"), acronyms written in brackets after a tagged name
whose letters need not fit it (a local-language acronym: "the Norland
Sea Patrol (KVN)"), short forms in brackets that keep some of its words
("Calden Ferries’ (CF Ferries)", "the Hydrological Service (Hydro
Service)") and a code name after "or" ("the North Hall, or NH2, …")."""
from __future__ import annotations

import re
from typing import Any

from ...nlp.lexicon import PLACE_NOUNS
from ...nlp.names import clean_name
from .acronyms import NAME_PATTERN

# ", also known as X", " (formerly known as X", ", known in older records as X", ", formerly X",
# ", known until 2022 as X", ", which was called X until 2020", ", which used to be known as X"
# (a bare "called X" only after "which was" or "formerly": ", called X a wake-up call" is a verb)
_ALTERNATE = re.compile(
    r"\s*[,(]\s*(?:(?:(?:also|formerly|previously|once|originally|locally|widely|better|commonly|"
    r"sometimes|still)\s+)?(?:known|called|named|spelt|spelled|written|listed)\s+"
    r"(?:(?:in|on|by|to|among|until|till|before)\s+[^,();.\n]{1,40}?\s+)?as"
    r"|(?:which|that)\s+(?:was|were|is|had\s+been|has\s+been|used\s+to\s+be)\s+"
    r"(?:(?:also|formerly|previously|once|originally)\s+)?(?:called|named|known\s+as)"
    r"|(?:formerly|previously|once|originally)\s+(?:called|named)"
    r"|formerly|previously|once|aka|a\.k\.a\.)\s+"
    rf"(?:the\s+)?[\"“‘']?(?P<alt>{NAME_PATTERN})")
_BRACKETED_ACRONYM = re.compile(r"\s*\((?P<acr>[A-Z][A-Z&.-]{1,9})\)")
# "the North Hall, or NH2, is home to …": a code name between commas after "or"
_OR_CODE = re.compile(r",\s+or\s+(?P<code>[A-Z][A-Za-z-]*\d[\w-]*),")
# "Calden Ferries’ (CF Ferries)", "Calden School of Law (Calden Law)": a short form in brackets
_BRACKETED_SHORT = re.compile(rf"(?:['’]s?)?\s*\((?P<short>{NAME_PATTERN})\)")
_ANTECEDENT = re.compile(r"\b[Tt]he\s+(?:[a-z]+\s+)?(?P<noun>[a-z]+)$")  # "the town", "the housing association"
_ANTECEDENT_REACH = 400  # characters back to the name "the town" stands for
_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}
_TRAILING_CONNECTORS = {"of", "and", "for", "the", "de", "du", "des", "del", "la", "le", "on", "in"}

Alternate = tuple[str, str, str, int, int]  # (name, its label, other name, start, end)


# a sentence ends inside a run of capitalised words ("Oren Vask. According to …")
_SENTENCE_BREAK = re.compile(r"(?<=[a-z]{2})[.!?]\s+(?=[A-Z])")


def name_start(doc: Any, ent: Any) -> int:
    """Where a person's name the tagger marked really starts: one capitalised
    word right before it that the tagger left out of every entity, mid-sentence
    ("financier Oren Tal Vask" tagged "Tal Vask"), is part of the name."""
    if ent.label_ != "PERSON" or ent.start == 0:
        return ent.start_char
    word = doc[ent.start - 1]
    before = doc[ent.start - 2] if ent.start >= 2 else None
    if word.pos_ != "PROPN" or not word.text.istitle() or word.ent_type_ or word.is_sent_start \
            or word.whitespace_ != " " or before is None or not before.is_lower or not before.is_alpha:
        return ent.start_char
    return word.idx


def alternate_names(text: str, doc: Any) -> list[Alternate]:
    """Every (name, label, alternate name, start, end) the text ties."""
    ents = [e for e in doc.ents if e.label_ in _LABELS]
    found: list[Alternate] = []
    for match in _ALTERNATE.finditer(text):
        owner = _owner(text, ents, match.start())
        if owner is None:
            continue
        words = _SENTENCE_BREAK.split(match.group("alt"))[0].split()
        while words and words[-1].lower() in _TRAILING_CONNECTORS:
            words.pop()
        cleaned = clean_name(" ".join(words), owner[1])
        if cleaned and cleaned[0].lower() != owner[0].lower():
            found.append((owner[0], owner[1], cleaned[0], owner[2], match.end()))
    for ent in ents:
        if ent.label_ == "PERSON" or len(ent.text.split()) < 2:
            continue
        bracket = _BRACKETED_ACRONYM.match(text, ent.end_char)
        cleaned = clean_name(ent.text, ent.label_)
        if bracket and cleaned:
            found.append((cleaned[0], cleaned[1], bracket.group("acr").replace(".", ""),
                          ent.start_char, bracket.end()))
        if not bracket:
            found += _bracketed_short_form(text, ent)
        code = _OR_CODE.match(text, ent.end_char)
        if code and cleaned:
            found.append((cleaned[0], cleaned[1], code.group("code"), ent.start_char, code.end()))
    return found


def _bracketed_short_form(text: str, ent: Any) -> list[Alternate]:
    """The short form in brackets after a tagged name, or inside the tagged
    span when the tagger took the bracket in ("Calden Ferries’ (CF Ferries")."""
    head, bracket, tail = ent.text.partition("(")
    if bracket and text.startswith(")", ent.end_char) and re.fullmatch(NAME_PATTERN, tail.strip()):
        short, end = tail.strip(), ent.end_char + 1
    else:
        match = _BRACKETED_SHORT.match(text, ent.end_char)
        if match is None or bracket:
            return []
        short, end = match.group("short"), match.end()
    cleaned = clean_name(head, ent.label_)
    if cleaned is None or not _short_form(short, cleaned[0]):
        return []
    return [(cleaned[0], cleaned[1], short, ent.start_char, end)]


def _short_form(short: str, name: str) -> bool:
    """Whether ``short`` keeps some words of ``name`` and adds none but
    abbreviations in capitals ("CF Ferries" of "Calden Ferries") or a word of
    it clipped ("Hydro Service" of "Hydrological Service")."""
    words, kept = short.split(), {w.lower() for w in name.split()}

    def clipped(word: str) -> bool:
        return len(word) >= 3 and any(k.startswith(word.lower()) and k != word.lower() for k in kept)

    return len(short) < len(name) and any(w.lower() in kept for w in words) \
        and all(w.lower() in kept or w.isupper() or clipped(w) for w in words)


def _reads_as_place(text: str, ent: Any) -> bool:
    """Tagged a place, or a name the text puts a place's preposition before
    ("a plant in Vellmoor": an invented town the tagger read as a company)."""
    before = text[max(0, ent.start_char - 8):ent.start_char].split()
    return ent.label_ in ("GPE", "LOC", "FAC") or ent.label_ == "ORG" and before[-1:] in (["in"], ["near"])


def _owner(text: str, ents: list[Any], at: int) -> tuple[str, str, int] | None:
    """(name, label, start) of what the alternate name is given to: the
    entity that ends where the phrase starts, or, for "the town" / "the
    company", the nearest entity of a fitting kind before it."""
    before = next((e for e in ents if e.end_char == at), None)
    if before is not None:
        start = name_start(before.doc, before)
        cleaned = clean_name(text[start:before.end_char], before.label_)
        return (cleaned[0], cleaned[1], start) if cleaned else None
    antecedent = _ANTECEDENT.search(text, max(0, at - 40), at)
    if antecedent is None:
        return None
    noun = antecedent.group("noun")
    place = noun in PLACE_NOUNS
    # "the association" is the Halvern Housing Association named before, however far back;
    # else, for a place, the nearest place within reach. A company or a body is not taken
    # by nearness: the tagger often reads one as a person, and the nearest organisation
    # left is then another one (a union beside "the company"): no tie beats a wrong one.
    named = [e for e in ents if e.end_char <= antecedent.start() and e.label_ != "PERSON"
             and noun in (w.lower() for w in e.text.split()[1:])]
    fitting = named or [e for e in ents if at - _ANTECEDENT_REACH <= e.start_char and e.end_char <= antecedent.start()
                        and e.label_ != "PERSON" and _reads_as_place(text, e) == place and place]
    if not fitting:
        return None
    cleaned = clean_name(fitting[-1].text, fitting[-1].label_)
    return (cleaned[0], cleaned[1], fitting[-1].start_char) if cleaned else None
