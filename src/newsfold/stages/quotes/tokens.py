"""Token helpers of the speaker reading (``speakers``): a hyphen inside a
name, a noun said of a person, the words beside a verb whose subject the
parse missed."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def joining_hyphen(token: Any) -> bool:
    """A hyphen written between two words without spaces ("Dela-Cruz")."""
    return token.text in ("-", "‐") and not token.whitespace_ and token.i > 0 \
        and not token.doc[token.i - 1].whitespace_


def introduces_person(token: Any) -> bool:
    """Whether a noun is said of a person: a "who" clause on it ("the
    accountant, who manages the garden") or an age ("the 65-year-old")."""
    if "year-old" in token.lower_ or any(c.lower_ == "old" for c in token.children):
        return True
    return any(c.dep_ == "relcl" and any(w.lower_ in ("who", "whom", "whose") for w in c.children)
               for c in token.children)


def beside(doc: Any, verb: Any, window_ids: set[int]) -> Iterator[Any]:
    """The nouns and names right next to a verb whose subject the parse missed."""
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
