"""People's and organisations' names: cleaning, folding and title checks.

The one home of name rules for the stages (entities, quotes) and the
evaluation. The words themselves (titles, honorifics, portfolio words, speech
verbs) are data in :mod:`newsfold.nlp.lexicon`.

Two cleaners share those rules and differ on purpose:

* :func:`clean_name` cleans an entity mention of any label and says whether
  it is a name at all (``None`` for junk, a job title alone, a handle); a title
  inside a mislabelled mention can make the rest a PERSON.
* :func:`speaker_name` cleans a name already known to stand for a person (a
  quote's speaker): it only strips the possessive, a speech verb and leading
  titles, abbreviated ones included, and never rejects.
"""
from __future__ import annotations

import re

from rapidfuzz.distance import Indel

from .lexicon import (
    HONORIFIC_GENDER,
    HONORIFICS,
    JOB_TITLES,
    LEADING_DETERMINERS,
    LEADING_SPEECH_VERBS,
    NAME_PARTICLES,
    NAME_SUFFIX_LABELS,
    PERSON_TITLES,
    PORTFOLIO_WORDS,
    SPELLING_ENDINGS,
    STRONG_TITLES,
    TITLE_ABBREVIATIONS,
    TITLE_PHRASES,
    UNNAMED_SPEAKER_NOUNS,
    WEAK_TITLES,
)
from .text import plain

# a person noun opening a name of three words or more is a describer ("Pensioner"); shorter
# ones may be a family name written first ("Fan", "Man")
_LEAST_DESCRIBER = 5
_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")
_SKELETON_RULES = [("tch", "c"), ("ch", "c"), ("sh", "s"), ("zh", "z"), ("kh", "h"),
                   ("x", "ks"), ("ph", "f"), ("w", "v"), ("y", "i"), ("ck", "k"), ("q", "k")]
# "Maj.-Gen." reads "maj-gen" or "majgen" once its periods are gone
_ABBREVIATED_TITLES = TITLE_ABBREVIATIONS | {title.replace("-", "") for title in TITLE_ABBREVIATIONS}


# --- folding --------------------------------------------------------------------


def fold(name: str) -> str:
    """Accent-free lower-case form, periods dropped and other punctuation a
    space: 'Kovač’s' -> "kovac's", 'U.S.' -> 'us'. The key names are grouped by."""
    folded = plain(name).replace(".", "")
    folded = re.sub(r"[^\w' ]+", " ", folded)
    return " ".join(folded.split())


def skeleton(name: str) -> str:
    """A transliteration-blind form: 'Katarina' and 'Catharina' come close."""
    out = fold(name).replace("'", "")
    for old, new in _SKELETON_RULES:
        out = out.replace(old, new)
    return re.sub(r"(\w)\1+", r"\1", out)


def spelling_key(word: str) -> str:
    """One folded word in one of its British and American spellings ("defence"
    and "defense", "centre" and "center", "organisation" and "organization"):
    the endings are :data:`newsfold.nlp.lexicon.SPELLING_ENDINGS`."""
    if len(word) >= 5:
        for british, american in SPELLING_ENDINGS:
            if word.endswith(british) and len(word) - len(british) >= 2:
                return word[: -len(british)] + american
    return word


def name_words(name: str) -> set[str]:
    """The accent-free words of a name, periods dropped but hyphens kept
    ("Secretary-General" stays one word): for comparing two names word by word."""
    return set(plain(name).replace(".", "").split())


def surname_key(name: str) -> str:
    """The folded last word of a non-empty name: "Ana Ruíz" -> "ruiz"."""
    return plain(name.split()[-1])


def similar(a: str, b: str, floor: float) -> bool:
    """Equal, or at least ``floor`` alike by normalised Indel similarity."""
    return a == b or Indel.normalized_similarity(a, b) >= floor


def same_person(a: str, b: str) -> bool:
    """Two folded full names are one person: same surname, near-same first name (or
    initial, or the given name's short form that starts it)."""
    wa, wb = a.split(), b.split()
    shorter, longer = sorted((wa, wb), key=len)
    if len(shorter) >= 2 and longer[-len(shorter):] == shorter and len(longer) - len(shorter) == 1 \
            and len(longer[0]) > 2:
        return True  # "Youth Ana Ruiz": a stray capitalised word before the same name
    if len(shorter) == 2 and len(longer) >= 3 and shorter[-1] == longer[-1] and shorter[0] in longer[1:-1]:
        return True  # "Rizal Salim" of "Mohamad Rizal Mohamad Salim": a middle given name and the surname
    # all given names shared ("Omar Karim Aziz / Azeez"): a near surname is a spelling variant
    floor = 0.8 if len(wa) == len(wb) >= 3 and wa[:-1] == wb[:-1] else 0.9
    if not similar(skeleton(wa[-1]), skeleton(wb[-1]), floor):
        return False
    fa, fb = skeleton(wa[0]), skeleton(wb[0])
    if len(fa) == 1 or len(fb) == 1:
        return fa[0] == fb[0]
    if min(len(fa), len(fb)) >= 3 and (fa.startswith(fb) or fb.startswith(fa)):
        return True  # a short form of the given name: "Phil" of "Philip", "Don" of "Donald"
    return similar(fa, fb, 0.85)


# --- titles and honorifics ------------------------------------------------------


def is_title(word: str, titles: frozenset[str]) -> bool:
    """Whether ``word`` is one of ``titles``, or hyphenated titles ("Maj.-Gen.")."""
    parts = [p for p in word.lower().split("-") if p]
    if len(parts) > 1 and parts[0] == "co":
        parts = parts[1:]  # "Co-Chairperson", "co-chair"
    return bool(parts) and all(p.strip(".") in titles for p in parts) or word.lower() in titles


_ROMAN = re.compile(r"[IVX]{1,4}")


def roman_numeral(name: str) -> bool:
    """'II': the numeral after a title ("Harbour Master II"), no name."""
    return bool(_ROMAN.fullmatch(name.strip(" .")))


def title_end(words: list[str], i: int, titles: frozenset[str], phrases: bool = True) -> int | None:
    """Index of the last word of a title starting at ``words[i]``, or None."""
    if i < 0 or i >= len(words):
        return None
    if phrases and i + 1 < len(words) and \
            (words[i].lower().strip("."), words[i + 1].lower().strip(".")) in TITLE_PHRASES:
        return i + 1
    return i if is_title(words[i], titles) else None


def only_titles(words: list[str]) -> bool:
    """Whether the words are job titles and nothing else ("Harbor Master")."""
    i = 0
    while i < len(words):
        end = title_end(words, i, JOB_TITLES)
        if end is None:
            return False
        i = end + 1
    return bool(words)


def title_before_name(word: str) -> bool:
    """Whether ``word``, written before a name, is a title rather than part of
    it: a title of the lexicon ("Minister", "Dr", "Maj.-Gen.") or a short
    all-caps abbreviation ("SM", "DPM", "ACP"), which a given name never is."""
    bare = word.strip(".,")
    if is_title(bare, PERSON_TITLES | JOB_TITLES) or plain(bare).replace(".", "") in _ABBREVIATED_TITLES:
        return True
    letters = bare.replace(".", "")
    return 2 <= len(letters) <= 4 and letters.isalpha() and letters.isupper()


def honorific_gender(word: str) -> str | None:
    """"m" or "f" when ``word`` is an honorific that marks one ("Mr.", "Ms"), else None."""
    return HONORIFIC_GENDER.get(plain(word).strip("."))


def suffix_label(name: str) -> str | None:
    """FAC, ORG or OTHER (a law) when a name of two or more words ends in a telling word."""
    words = name.split()
    return NAME_SUFFIX_LABELS.get(fold(words[-1])) if len(words) >= 2 else None


# --- cleaning -------------------------------------------------------------------


def clean_name(text: str, label: str = "PERSON") -> tuple[str, str] | None:
    """An entity mention without determiners, possessive and titles: (name,
    label), or None for junk and job titles alone. A strong title inside a
    mention makes what follows it a PERSON ("Valdorian Defence Minister X")."""
    text = " ".join(text.split()).strip(" ,;:—–-\"“”'‘")
    text = re.sub(r"\s*\([^)]*$", "", text)  # "Calden Harbour Trust (CHT": a bracket the tagger cut
    text = _POSSESSIVE.sub("", text).strip()
    words = text.split(" ")
    while len(words) > 1 and words[0].lower() in LEADING_DETERMINERS:
        words.pop(0)
    if label == "PERSON":
        if len(words) > 1 and words[0].lower() in LEADING_SPEECH_VERBS:
            words = words[1:]  # "Said Ruiz": the speech verb tagged into the name
        while (len(words) > 1 and is_title(words[0], PERSON_TITLES)
               or len(words) > 2 and words[0].lower() in PORTFOLIO_WORDS) and words[1][:1].isupper():
            words.pop(0)  # not "Parks and Recreation Board": a name goes on after a connector
        while len(words) > 1 and words[-1].isalpha() and words[-1].islower():
            words.pop()  # "Tarsk Vale postcard": a common noun the tagger took in ends no name
        if len(words) >= 3 and len(words[0]) >= _LEAST_DESCRIBER and words[0].lower() in UNNAMED_SPEAKER_NOUNS \
                and words[1][:1].isupper():
            words = words[1:]  # "Pensioner Rosa Dunmore": who she is, capitalised to open a sentence
        if len(words) == 1 and is_title(words[0], PERSON_TITLES):
            return None  # a title alone ("Maj.-Gen")
        if plain(words[-1]).strip(".") in _NAME_OPENERS:
            return None  # "Chairperson Dr", "Harbour Board Mr": the name was cut off after its title
    if only_titles(words):
        return None  # a job title alone ("Harbor Master", "Deputy Mayor")
    words, label = _person_after_title(words, label)
    if label == "PERSON" and runs_names_together(words):
        return None  # "Ruiz fed Dean": no one's name
    name = " ".join(words)
    if not words or not re.search(r"[^\W\d_]", name) or not any(c.isupper() for c in name):
        return None
    if any(mark in name for mark in ("@", "/", "http", "#")) or roman_numeral(name):
        return None
    return name, label


# honorifics that only ever open a name: a "name" ending with one was cut off
_NAME_OPENERS = HONORIFICS | {"prof", "datuk", "dato", "datin"}


def runs_names_together(words: list[str]) -> bool:
    """'Ruiz fed Dean': a lower-case word inside a tagged person that is neither
    a name particle ("van", "bin") nor a connector of a title ("of", "for"):
    two names run together by a verb."""
    return any(w.isalpha() and w.islower() and w not in NAME_PARTICLES
               and w not in ("of", "for", "and", "the", "at", "in", "on", "to") for w in words[1:-1])


def _person_after_title(words: list[str], label: str) -> tuple[list[str], str]:
    """The person named after a title inside a mention, else the mention as it is."""
    # a strong title inside: what follows is the person ("Valdorian Defence Minister X")
    ends = [end for i in range(len(words) - 1)
            if (end := title_end(words, i, STRONG_TITLES, phrases=True)) is not None
            and end < len(words) - 1]
    if ends:
        rest = words[max(ends) + 1:]
        # "Minister for Coastal Affairs Ana Ruiz": the portfolio after the title goes too
        while len(rest) > 2 and (rest[0].lower() in ("for", "of", "and", "the") or plain(rest[0]) in PORTFOLIO_WORDS):
            rest = rest[1:]
        if rest and all(w[:1].isupper() for w in rest) and not suffix_label(" ".join(rest)):
            return rest, "PERSON"
    elif label == "PERSON" and (caps := [i for i, w in enumerate(words[:-2]) if _initialism(w)]):
        rest = words[caps[-1] + 1:]  # "Calden SMC Ana Ruiz": what follows an initialism is the person
        if all(w[:1].isupper() for w in rest) and not suffix_label(" ".join(rest)) and not only_titles(rest):
            return rest, "PERSON"
    elif label != "PERSON" and len(words) >= 3 and is_title(words[0], WEAK_TITLES):
        rest = words[1:]  # "Captain Ruth Okafor", not "General Anvil" nor "General Anvil Group"
        if all(w[:1].isupper() for w in rest) and not suffix_label(" ".join(rest)):
            return rest, "PERSON"
    return words, label


def _initialism(word: str) -> bool:
    """A title or constituency written in capitals inside a name ("MP", "SMC", "ACP")."""
    return 2 <= len(word) <= 5 and word.isalpha() and word.isupper()


def speaker_name(name: str) -> str:
    """A person's name without possessive, speech verb and leading titles
    ("Adm. X" -> "X"); "" when nothing but those is left."""
    name = name.strip().rsplit("\n", 1)[-1]  # "…Harbour Council Poll\nVale": a heading's end is no part of it
    name = re.sub(r"/[A-Z][\w.]*$", "", name)  # "Ana Ruiz/FB": a photo credit's outlet goes
    name = re.sub(r"[’']s$", "", name).strip(" ,.;:")
    words = name.split()
    if words and plain(words[0]) in LEADING_SPEECH_VERBS:
        words = words[1:]  # "Said Ruiz": the verb of "…,” said Ruiz, tagged into the name
        if not words:
            return ""
    while words and plain(words[0]).replace(".", "").strip("-") in _ABBREVIATED_TITLES \
            or len(words) > 2 and plain(words[0]) in PORTFOLIO_WORDS \
            or len(words) > 1 and is_title(words[0], PERSON_TITLES):
        words.pop(0)
    return "" if roman_numeral(" ".join(words)) else " ".join(words)
