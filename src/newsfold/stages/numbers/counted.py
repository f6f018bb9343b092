"""What a number counts: the counted noun and the class of what it names.

The counted noun is the head of the number's ``nummod`` arc, else the first
noun after it ("Eleven Freedonian and 19 Ruritanian soldiers"); partitive
heads take their ``of`` phrase ("30 members of the peace mission"),
percentages the noun they describe ("a 3.5% turnout", "turnout of less than
3.5%"). An amount is not given the noun it is "of" ("a fine of S$3,000"):
tried, it lost a prize a story's sources compare ("a prize of S$12 million"
beside the changed first prize) as it won a fine.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .inflection import MEASURE_ABBREVIATIONS, MEASURES, is_plural_word, measure_noun, singular
from .vocabulary import MILITARY_BODIES, NOUN_CLASS, PARTITIVE

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def counted_noun(doc: Doc, last: int, last_token: int, unit: str | None) -> tuple[str | None, Token | None]:
    """(counted noun as written, head token) for the number whose value ends at
    token ``last`` and whose unit ends at ``last_token``."""
    if unit == "%":
        return _percent_noun(doc, last_token)
    number = doc[last]
    if last_token + 1 < len(doc) and doc[last_token + 1].lower_ == "times":
        # a multiplier ("up to 40 times the amount evaded"), however the parser attaches it
        return doc[last_token + 1].text, doc[last_token + 1]
    head = _measure_after(doc, last_token)
    if head is not None:  # "19,289 sq ft", however the parser attaches it
        return doc.text[doc[last_token + 1].idx:head.idx + len(head.text)], head
    if number.dep_ in ("nummod", "quantmod", "compound") and number.head.pos_ in ("NOUN", "PROPN") \
            and number.head.i > last_token:
        head = number.head
    if head is None:
        head = _following_noun(doc, last_token)
    if head is None:
        return None, None
    while head.dep_ == "compound" and head.head.pos_ == "NOUN" and head.i < head.head.i <= head.i + 2 \
            and doc[head.i - 1].text not in ("-", "–") and measure_noun(head.text) not in MEASURES:
        # "180,000 customer accounts" counts accounts, however the number was attached; not
        # "an 11-vote win" (votes) nor "400 gram bars" (grams)
        head = head.head
    if head.i > last_token and not any(t.pos_ == "NUM" for t in doc[last_token + 1:head.i]):
        text = doc.text[doc[last_token + 1].idx:head.idx + len(head.text)].lstrip("-–")  # "an 11-vote win"
    else:  # "Eleven Freedonian and 19 Ruritanian soldiers": just "soldiers"
        text = head.text
    if singular(head.text) in PARTITIVE:
        pobj = of_object(head)
        if pobj is not None:
            text = doc.text[min(head.idx, doc[last_token + 1].idx):pobj.idx + len(pobj.text)]
    return text, head


def _measure_after(doc: Doc, last: int) -> Token | None:
    """A unit of measure written right after the number, "square" or "sq"
    between ("19,289 sq ft", "40 km")."""
    j = last + 1
    square = j < len(doc) and doc[j].lower_ in ("sq", "sq.", "square")
    j += square
    if j < len(doc) and (doc[j].lower_ in MEASURE_ABBREVIATIONS or square and doc[j].lower_ in ("m", "ft", "km")):
        return doc[j]
    return None


def _following_noun(doc: Doc, last: int) -> Token | None:
    """The first noun after a number, across modifiers and coordinated numbers."""
    j = last + 1
    while j < len(doc) and j <= last + 7:
        tok = doc[j]
        if tok.lower_ == "of" and j == last + 1:
            return _partitive_object(doc, j)
        if tok.pos_ == "NOUN":
            return tok
        if tok.pos_ == "PROPN":
            after = doc[j + 1] if j + 1 < len(doc) else None
            if after is None or after.pos_ not in ("NOUN", "PROPN", "ADJ"):
                return tok if is_plural_word(tok.text) else None
        elif tok.pos_ == "CCONJ":
            if j + 1 < len(doc) and doc[j + 1].pos_ in ("NOUN", "PROPN"):
                return None  # "a fine of $3,000 or jail": another penalty, not what is counted
        elif tok.pos_ in ("ADJ", "NUM", "ADV") or tok.text in ("-",) \
                or tok.lower_ in ("more", "additional", "other", "extra"):
            pass
        else:
            return None
        j += 1
    return None


def _partitive_object(doc: Doc, of: int) -> Token | None:
    """"hundreds of troops": the partitive object is what is counted; not an
    owner before it ("three of the train's six carriages" counts carriages)."""
    k, end = of + 1, min(len(doc), of + 5)
    while k < end:
        if k + 2 < len(doc) and doc[k + 1].lower_ in ("'s", "’s"):
            k, end = k + 2, min(len(doc), end + 2)  # past the owner and its "'s"
            continue
        if doc[k].pos_ == "NOUN" or (doc[k].pos_ == "PROPN" and is_demonym(doc[k])):
            return doc[k]
        if doc[k].pos_ in ("VERB", "AUX", "PUNCT"):
            break
        k += 1
    return None


def _percent_noun(doc: Doc, percent_index: int) -> tuple[str | None, Token | None]:
    pct = doc[percent_index]
    if pct.head.pos_ == "NOUN" and pct.dep_ in ("compound", "amod", "nummod", "nmod") and pct.head.i > pct.i:
        return pct.head.text, pct.head
    pobj = of_object(pct)
    if pobj is not None:
        return doc.text[pobj.idx:pobj.idx + len(pobj.text)], pobj
    if pct.dep_ == "pobj" and pct.head.lower_ == "of" and pct.head.head.pos_ == "NOUN":
        return pct.head.head.text, pct.head.head
    if pct.dep_ in ("attr", "acomp", "dobj", "npadvmod") and pct.head.pos_ in ("AUX", "VERB"):
        for child in pct.head.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ in ("NOUN", "PROPN") \
                    and child.ent_type_ not in ("GPE", "ORG", "NORP", "LOC"):
                return child.text, child
    return None, None


def of_object(token: Token) -> Token | None:
    """The object of the token's "of" phrase ("members of *the mission*")."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def is_demonym(token: Token) -> bool:
    """"Ruritanians", "Freedonians": a people name used as the counted noun."""
    return token.ent_type_ == "NORP" or (
        token.pos_ == "PROPN" and token.text[:1].isupper() and is_plural_word(token.text)
        and token.text.endswith(("ans", "ians", "ese", "is", "s"))
        and token.ent_type_ not in ("ORG", "GPE", "PERSON")
    )


def referent(head_token: Token, head: str, demonym: bool) -> str:
    """The class of what is counted (military, police, civilians...), else the noun."""
    if head == "member" and any(c.lower_ == "service" for c in head_token.children if c.dep_ == "compound"):
        return "military"  # "service members"
    if head in NOUN_CLASS:
        cls = NOUN_CLASS[head]
        if cls == "police" and head == "officer":
            compound = {c.lower_ for c in head_token.children if c.dep_ == "compound"}
            return "police" if not compound or "police" in compound else head
        return cls
    if head in PARTITIVE:
        pobj = of_object(head_token)
        if pobj is not None:
            return _body_class(head, singular(pobj.text))
    if demonym:
        return "civilians"
    return head


def _body_class(head: str, body: str) -> str:
    """"members of the mission" -> military; "members of the club" -> itself."""
    if body in MILITARY_BODIES or NOUN_CLASS.get(body) == "military":
        return "military"
    if body in ("police",) or NOUN_CLASS.get(body) == "police":
        return "police"
    return f"{head} of {body}"
