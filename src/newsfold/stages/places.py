"""Place conflicts: independent sources that put the story at different addresses.

Reads ``ctx.articles`` (``copy_of``, ``off_topic``) and ``ctx.sentences``
(outside removed spans); returns ``Conflict(kind="place")`` with ``id=""``.

Only addresses are compared, because a street number is a precise claim and a
wrong one is a common discrepancy between reports ("181 Elm Hill Avenue 6"
against "Avenue 5"). A street is its name and kind ("Elm Hill Avenue"); its
number is the value. A conflict needs two independent sources that each give
that street one number only, and different ones: a source that names both
numbers is describing two places, not disagreeing.
"""
from __future__ import annotations

import re
from collections import defaultdict

from ..context import StoryContext
from ..model import Conflict, ConflictValue, Evidence, root_of

_STREET_KINDS = {
    "avenue": "avenue", "ave": "avenue", "street": "street", "st": "street", "road": "road",
    "rd": "road", "drive": "drive", "dr": "drive", "lane": "lane", "boulevard": "boulevard",
    "crescent": "crescent", "close": "close", "way": "way", "highway": "highway", "route": "route",
}
_ADDRESS = re.compile(
    r"(?P<name>(?:[A-Z][a-z]+\s){1,4})"
    r"(?P<kind>Avenue|Ave|Street|St|Road|Rd|Drive|Dr|Lane|Boulevard|Crescent|Close|Way|Highway|Route)\.?\s+"
    r"(?P<number>\d{1,3}[A-Z]?)\b"
)
_LEADING_NOISE = {"Block", "Blk", "At", "On", "Along", "In", "Near", "The", "Outside", "Off"}


def place_conflicts(ctx: StoryContext) -> list[Conflict]:
    """Streets that independent on-topic sources number differently (``id=""``)."""
    roots = {a.id: root_of(a) for a in ctx.on_topic()}
    # street -> root -> number -> evidence
    seen: dict[tuple[str, str], dict[str, dict[str, list[Evidence]]]] = defaultdict(lambda: defaultdict(dict))
    written: dict[tuple[str, str, str], str] = {}
    for source, root in roots.items():
        for sentence in ctx.sentences.get(source, []):
            for match in _ADDRESS.finditer(sentence.text):
                street, number = _street(match), match.group("number")
                evidence = Evidence(source, sentence.start, sentence.end)
                seen[street][root].setdefault(number, []).append(evidence)
                written.setdefault((*street, number), match.group(0).strip())
    conflicts = []
    for street, by_root in seen.items():
        single = {root: next(iter(numbers)) for root, numbers in by_root.items() if len(numbers) == 1}
        if len(set(single.values())) < 2:
            continue
        values = []
        for number in sorted(set(single.values())):
            support = [e for root, n in single.items() if n == number for e in by_root[root][n]]
            values.append(ConflictValue(written[(*street, number)], support))
        values.sort(key=lambda v: -len({roots[e.source] for e in v.support}))
        conflicts.append(Conflict(id="", kind="place", topic=f"where: {street[0].title()} {street[1]}", values=values))
    return conflicts


def _street(match: re.Match[str]) -> tuple[str, str]:
    words = match.group("name").split()
    while words and words[0] in _LEADING_NOISE:
        words.pop(0)
    return " ".join(words).lower(), _STREET_KINDS[match.group("kind").lower()]
