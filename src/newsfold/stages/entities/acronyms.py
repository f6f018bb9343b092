"""Acronyms the text ties to a full name ("Harbor Safety Authority (HSA)")."""
from __future__ import annotations

import re

from ...nlp.lexicon import INSTITUTION_WORDS

# Capitals ("HSA", "U.N."), or a contraction with two capitals or more
# ("CHarbour", "MinDef"); either may open with a digit that starts the name's
# first word ("2HRF" of "2Harbour Relief Fund")
_ACRONYM = r"\d?[A-Z][A-Za-z&]*[A-Z](?:\.[A-Z])*\.?|[A-Z][a-z]*[A-Z][a-z]{2,}"
_NAME = r"\d?[A-Z][\w’'.-]*(?:\s+(?:of|and|for|the|de|du|des|del|la|le|on|in|[A-Z][\w’'.-]*))*"
NAME_PATTERN = _NAME  # a run of capitalised words with connectors, for other tie patterns
_TIED_PATTERNS = [
    re.compile(rf"(?P<name>{_NAME})\s+[(\[](?P<acr>{_ACRONYM})[)\]]"),  # "Full Name (ACR)", "Full Name [ACR]"
    re.compile(rf"\b(?P<acr>{_ACRONYM})\s+\((?P<name>{_NAME})\)"),
    re.compile(rf"(?P<name>{_NAME}),\s+(?:known as\s+|or\s+)?(?P<acr>{_ACRONYM}),"),
]
# "HTA, the Harbor Transit Authority, ...": the acronym first, its name after
_LEADING_PATTERN = re.compile(rf"\b(?P<acr>{_ACRONYM}),\s+(?:the\s+)?(?P<name>{_NAME})")
_NAME_CONNECTORS = {"of", "and", "for", "the", "de", "du", "des", "del", "la", "le", "on", "in"}


def acronym_fits(acronym: str, words: list[str]) -> bool:
    """True when the letters of ``acronym`` spell the start letters of ``words``.

    Each letter starts the next significant word or continues the current word's
    prefix (VFOR = V-aldoria FOR-ce); connectors (of, and...) may be skipped; one extra
    final letter is allowed for an unnamed last word when two or more words
    fit ("Harbor Patrol (HPF)"), and one institution word ("board", "agency")
    may end the name unspelled after two spelled words ("CHarbour" for Calden Harbour Authority).
    """
    letters = [c.lower() for c in acronym if c.isalnum()]
    words = [w.lower() for w in words]
    if len(letters) < 2 or not words:
        return False

    def fits(i: int, j: int, k: int) -> bool:
        # i: next letter; j: current word (-1 before the first); k: next char in word j
        if i == len(letters):
            # a generic last word may go unspelled ("CHarbour": Calden Harbour Authority)
            rest = [w for w in words[j + 1:] if w not in _NAME_CONNECTORS]
            return not rest or (j >= 1 and len(rest) == 1 and rest[0] in INSTITUTION_WORDS)
        # continue the current word's prefix ("FOR" of "Force")
        if j >= 0 and k < len(words[j]) and words[j][k] == letters[i] and fits(i + 1, j, k + 1):
            return True
        # start the next word, optionally skipping connectors
        for nj in range(j + 1, len(words)):
            if words[nj][:1] == letters[i] and fits(i + 1, nj, 1):
                return True
            if words[nj] not in _NAME_CONNECTORS:
                break
        return False

    if fits(0, -1, 0):
        return True
    significant = [w for w in words if w not in _NAME_CONNECTORS]
    return (len(significant) >= 2 and len(letters) == len(significant) + 1
            and [w[0] for w in significant] == letters[:-1])


def loosely_fits(acronym: str, words: list[str]) -> bool:
    """True when the acronym spells the name with one liberty that
    :func:`acronym_fits` does not take: one letter from inside a word ("RWL":
    RingWay Line) or one significant word unspelled ("VNL": Varlo-North
    [Coast] Line). Its first letter starts the name and the name's last
    significant word is spelled. Only for an acronym the text ties to the name
    itself ("Full Name (ACR)"), never to match a name found elsewhere."""
    letters = [c.lower() for c in acronym if c.isalnum()]
    parts = [p.lower() for w in words for p in w.split("-") if p]
    parts = [p for p in parts if p not in _NAME_CONNECTORS]
    if len(letters) < 2 or len(parts) < 2:
        return False

    def fits(i: int, j: int, k: int, liberty: bool) -> bool:
        # i: next letter; j: current word; k: next char in word j; liberty: still free to take
        if i == len(letters):
            return j == len(parts) - 1
        word = parts[j]
        if k < len(word) and word[k] == letters[i] and fits(i + 1, j, k + 1, liberty):
            return True  # the word's prefix continues
        if liberty and letters[i] in word[k + 1:]:
            at = word.index(letters[i], k + 1)
            if fits(i + 1, j, at + 1, False):
                return True  # a letter from inside the word
        for skip, nj in ((False, j + 1), (True, j + 2)):
            if nj < len(parts) and (liberty or not skip) and parts[nj][0] == letters[i] \
                    and fits(i + 1, nj, 1, liberty and not skip):
                return True
        return False

    return parts[0][0] == letters[0] and fits(1, 0, 1, True)


def tied_acronyms(text: str) -> list[tuple[str, str, int, int]]:
    """(full name, acronym, start, end) for every acronym the text ties to a name."""
    found = []
    for pattern in _TIED_PATTERNS:
        for match in pattern.finditer(text):
            words = match.group("name").split()
            # the shortest trailing run of words that the acronym fits
            runs = [words[start:] for start in range(len(words) - 1, -1, -1)]
            tie = _fitting(match.group("acr"), runs, match.start(), match.end())
            found += [tie] if tie else []
    for match in _LEADING_PATTERN.finditer(text):
        words = match.group("name").split()
        # the longest leading run it fits ("HTA, the Harbor Transit Authority Board said")
        runs = [words[:end] for end in range(len(words), 0, -1) if words[end - 1].lower() not in _NAME_CONNECTORS]
        tie = _fitting(match.group("acr"), runs,
                       match.start(), match.end())
        found += [tie] if tie else []
    return found


def initials(name: str) -> str:
    """The first letters of a name's significant words: "Nova Harbor" -> "nh"."""
    return "".join(w[0] for w in name.lower().split() if w not in _NAME_CONNECTORS)


def _fitting(acronym: str, runs: list[list[str]], start: int, end: int) -> tuple[str, str, int, int] | None:
    """The first run the acronym fits, strictly (:func:`acronym_fits`) if any run does, else loosely."""
    for fit in (acronym_fits, loosely_fits):
        for candidate in runs:
            if candidate[0].lower() in _NAME_CONNECTORS or " ".join(candidate) == acronym:
                continue
            if fit(acronym, candidate):
                return " ".join(candidate), acronym.rstrip("."), start, end
    return None
