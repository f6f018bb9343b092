"""The words of a unit that state its claim: who said it left out.

"The trail connects to the jetty, said the parks board in a joint release"
and "The trail connects to the jetty" state one thing; the reporting clause
("…, X said", "X said that …", "according to X") tells where a claim comes
from, and two sources attribute one claim to different bodies or not at all.
The embedding compares what units claim, so the reporting words are left out
there (never in what a fact cites or shows, nor in the word and name overlap:
measured, leaving them out there too grouped fewer dev facts).
"""
from __future__ import annotations

import re

_SPEECH = (r"(?:said|says|say|saying|told\s+[^,.;:]{1,40}?|added|adds|adding|noted|stated|explained|announced"
           r"|confirmed|warned|reported|revealed|claimed|insisted)")
_WHO = r"(?:(?!\b(?:which|who|whom|that|whose)\b)[^,.;:\"“”]){1,80}?"  # no relative clause inside
_WHO_SHORT = r"(?:[^\s,.;:\"“”]+(?:\s+[^\s,.;:\"“”]+){0,7}?)"  # eight words at most
_PREP_TAIL = r"(?:\s+(?:in|on|at|during|after|via)\s+[^,.;:]{1,60}?)?"
# "…, said the parks board in a joint release." / "…, the parks board said on Monday."
_TAIL = re.compile(
    rf",\s*(?:{_SPEECH}\s+{_WHO_SHORT}|{_WHO_SHORT}\s+{_SPEECH}){_PREP_TAIL}\s*[.!]?\s*$", re.IGNORECASE)
# "Police said that …", "Speaking at the opening, the minister said …", "According to the police, …"
_LEAD = r"(?:(?:[A-Z]\w*ing|At|In|On|During|After|Addressing)\b[^,.;:\"“”]{1,120},\s*)"  # "Speaking at X, "
_HEAD = re.compile(
    rf"^(?:{_LEAD}?{_WHO}\s+{_SPEECH}(?:\s+(?:on|in|at)\s+[^,.;:]{{1,40}}?\s+that|\s+that)?\s+"
    rf"|according\s+to\s+[^,]{{1,80}},\s*)", re.IGNORECASE)
_MIN_WORDS = 4  # what is left must still say something
_ACTOR_PRONOUN = re.compile(r"(?:it|he|she|they|we|i)\b", re.IGNORECASE)


def claim_text(text: str) -> str:
    """``text`` without its reporting clause at either end, when enough is left."""
    core = text
    tail = _TAIL.search(core)
    if tail is not None and len(core[:tail.start()].split()) >= _MIN_WORDS:
        core = core[:tail.start()]
    head = _HEAD.match(core)
    # "Halvard Lines said it was cooperating": the one who speaks is who acts; it stays
    if head is not None and len(core[head.end():].split()) >= _MIN_WORDS \
            and not _ACTOR_PRONOUN.match(core, head.end()):
        core = core[head.end():]
    return core.strip() or text
