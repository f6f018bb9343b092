"""Word forms: the singular of a counted noun and the lemma of a word.

The small spaCy models have no lemmatizer for every word, so these are plain
rules with a few irregular forms: the same word always gets the same guess,
which is all that comparing two counts needs.
"""
from __future__ import annotations

import re

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

_IRREGULAR_PLURALS = {"people": "people", "men": "man", "women": "woman", "children": "child",
                      "police": "police", "personnel": "personnel", "servicemen": "serviceman",
                      "servicewomen": "servicewoman", "policemen": "policeman",
                      "policewomen": "policewoman", "staff": "staff", "media": "media",
                      "feet": "foot", "teeth": "tooth", "mice": "mouse", "series": "series",
                      "news": "news", "species": "species", "gardaí": "garda"}
_IRREGULAR_VERBS = {"has": "have", "had": "have", "having": "have", "is": "be", "are": "be",
                    "was": "be", "were": "be", "been": "be", "being": "be", "am": "be",
                    "took": "take", "taken": "take", "brought": "bring", "sent": "send",
                    "went": "go", "gone": "go", "came": "come", "made": "make", "got": "get",
                    "gave": "give", "given": "give", "saw": "see", "seen": "see", "kept": "keep",
                    "shown": "show", "said": "say"}
# Verb endings to strip, longest first, and what replaces them ("carrying" -> "carry").
_VERB_SUFFIXES = (("ying", "y"), ("ing", ""), ("ied", "y"), ("ed", ""), ("es", ""), ("s", ""))


# Units of measure as written short or in another spelling, to one name: "220g"
# and "220 grams" measure the same thing.
_UNIT_SPELLINGS = {
    "g": "gram", "gm": "gram", "gramme": "gram", "kg": "kilogram", "kilo": "kilogram",
    "kilogramme": "kilogram", "mg": "milligram", "lb": "pound", "lbs": "pound", "oz": "ounce",
    "km": "kilometre", "kilometer": "kilometre", "m": "metre", "meter": "metre", "cm": "centimetre",
    "centimeter": "centimetre", "mm": "millimetre", "millimeter": "millimetre", "mi": "mile",
    "ft": "foot", "l": "litre", "liter": "litre", "ml": "millilitre", "milliliter": "millilitre",
    "ha": "hectare", "sqft": "square foot", "mph": "mile per hour", "kmh": "kilometre per hour",
    "km/h": "kilometre per hour", "kph": "kilometre per hour",
    "hr": "hour", "hrs": "hour", "min": "minute", "mins": "minute", "sec": "second", "secs": "second",
    "yr": "year", "yrs": "year", "tonne": "ton", "t": "ton",
}
MEASURES = frozenset(_UNIT_SPELLINGS.values()) - {"hour", "minute", "second", "year"}
# Units written short that name nothing else after a number ("19,289 sq ft", "40 km"); one
# letter ("m", "g") only after "sq"/"square"
MEASURE_ABBREVIATIONS = frozenset(
    w for w, unit in _UNIT_SPELLINGS.items() if len(w) > 1 and w != unit and unit in MEASURES and w not in ("kilo",))


def measure_noun(word: str) -> str:
    """What a count counts, by one name: the singular, and a unit of measure
    by its full name ("g", "grams" -> "gram"; "kilometers" -> "kilometre"); a
    short unit that ends a sentence keeps no stop ("to 150g." -> "gram")."""
    word = word.lower().rstrip(".") or word.lower()
    if word in _UNIT_SPELLINGS:
        return _UNIT_SPELLINGS[word]
    one = singular(word)
    return _UNIT_SPELLINGS.get(one, one)


# "/h", "per hour", "an hour" after a distance: a speed ("95 km/h", "70 kilometres an hour"); a
# noun after it names what the speed is of ("the 80 km/h limit")
_PER_HOUR = re.compile(r"[ \t]*(?:/[ \t]*h(?:r|our)?\b|per[ \t]+hour\b|an[ \t]+hour\b)"
                       r"(?:[ \t]+(?P<noun>limit|zone|restriction)s?\b)?", re.IGNORECASE)
_SPEED_OF = re.compile(r"[ \t]+(?P<noun>limit|zone|restriction)s?\b", re.IGNORECASE)


def speed_noun(head: str, after: str) -> str:
    """A distance's name followed by "per hour" in ``after`` (the text right
    after it) is a speed: "95 km/h" and "70 kilometres an hour" measure one
    thing, "kilometre per hour", as "70km/h" does; "the 80 km/h limit" is a limit."""
    if head in ("kilometre per hour", "mile per hour"):  # "80km/h limit", "80 mph zone"
        found = _SPEED_OF.match(after)
        return found.group("noun").lower() if found else head
    found = _PER_HOUR.match(after) if head in ("kilometre", "mile") else None
    if found is None:
        return head
    return found.group("noun").lower() if found.group("noun") else f"{head} per hour"


def singular(word: str) -> str:
    """Lower-case singular of a noun: "soldiers" -> "soldier", "injuries" -> "injury"."""
    word = word.lower()
    if word in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[word]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def is_plural_word(word: str) -> bool:
    return singular(word) != word.lower() or word.lower() in ("people", "police")


def lemma(token: Token) -> str:
    """The token's lemma; a plain suffix-stripping guess where the model has no
    lemmatizer (the same word always gets the same guess)."""
    if token.lemma_ and token.lemma_ != token.text:
        return token.lemma_.lower()
    word = token.lower_
    if word in _IRREGULAR_VERBS:
        return _IRREGULAR_VERBS[word]
    if token.pos_ in ("VERB", "AUX"):
        return _verb_stem(word)
    return singular(word)


def _verb_stem(word: str) -> str:
    for suffix, keep in _VERB_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: len(word) - len(suffix)] + keep
            if suffix in ("ed", "ing") and len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "ls":
                stem = stem[:-1]  # "stopped" -> "stop"
            return stem
    return word
