"""What a unit's words say, without a parser: content stems, names, numbers,
counted nouns and identifiers ("Block 12B", "Gate 7").

Everything here is keyed by the unit's text and cached, since the scores, the
clustering and the choice of wording all ask again for the same units.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...nlp.lexicon import (
    MONTHS,
    SCALE_ABBREVIATIONS,
    SCALE_WORDS,
    STOPWORDS,
    TENS_WORDS,
    UNIT_WORDS,
    WEEKDAYS,
)

# Besides the function words: reporting verbs, honorifics and "one" say
# nothing about what a statement is.
STOPWORDS_FOR_FACTS: frozenset[str] = STOPWORDS | {
    "say", "told", "tells", "according", "mr", "mrs", "ms", "one",
}
# Counts spelled out, one to a thousand, and "a dozen".
_NUMBER_WORDS: dict[str, int] = {
    **{word: value for word, value in {**UNIT_WORDS, **TENS_WORDS, **SCALE_WORDS}.items() if 0 < value <= 1000},
    "dozen": 12,
}
_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?%?|[^\W\d_][\w'\u2019-]*", re.UNICODE)
_IDENTIFIER = re.compile(r"\b([A-Z][a-z]{2,})\s+(\d{1,5}[A-Za-z]?)\b(?![,.]\d|\s*%)")
# Months, weekdays and counted words are no identifier kinds ("May 30", "Monday 5").
_NOT_IDENTIFIER_KINDS: frozenset[str] = frozenset(MONTHS) | frozenset(WEEKDAYS) | frozenset(
    [
        "about", "some", "over", "under", "nearly", "almost", "around", "roughly", "approximately",
        "just", "another", "only", "least", "since", "exactly"
    ]
)

Features = tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[tuple[str, str]]]


def word_count(text: str) -> int:
    return len(_TOKEN.findall(text))


def stem(word: str) -> str:
    word = word.lower().replace("\u2019", "'")
    word = word.removesuffix("'s")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def number(token: str) -> str | None:
    """The value a token states, as a plain string ("1,200" -> "1200"), or None."""
    if token[0].isdigit():
        value = token.replace(",", "").rstrip("%")
        return value.removesuffix(".0")
    value_of_word = _NUMBER_WORDS.get(token.lower())
    return str(value_of_word) if value_of_word is not None else None


_CURRENCY_MARKS = frozenset("$\u20ac\u00a3\u00a5")


def _quantities(text: str) -> list[tuple[int, str, int]]:
    """(token position, value, position after it) of every number of a unit,
    its scale applied: "5 million" and "S$5m" are 5000000, so two amounts
    match however they are written and "5 million" is not the count "5".
    An abbreviated scale counts only right after a currency amount ("$2bn"):
    a bare "500m" is a distance."""
    found = list(_TOKEN.finditer(text))
    out = []
    position = 0
    while position < len(found):
        value = number(found[position].group())
        if value is None:
            position += 1
            continue
        scale, after = 1, position + 1
        if after < len(found):
            figure, following = found[position], found[after]
            word = following.group().lower()
            if word in SCALE_WORDS and word != found[position].group().lower():
                scale = SCALE_WORDS[word]
            elif word in SCALE_ABBREVIATIONS and following.start() == figure.end() \
                    and figure.start() > 0 and text[figure.start() - 1] in _CURRENCY_MARKS:
                scale = SCALE_ABBREVIATIONS[word]
        if scale > 1:
            amount = float(value) * scale
            value, after = str(round(amount)) if amount >= 1000 else f"{amount:g}", after + 1
        out.append((position, value, after))
        position = after
    return out


@lru_cache(maxsize=50_000)
def identifiers(text: str) -> frozenset[tuple[str, str]]:
    """(kind, code) of identifiers such as "Block 12B", "Street 91"."""
    return frozenset(
        (kind.lower(), code.upper()) for kind, code in _IDENTIFIER.findall(text)
        if kind.lower() not in _NOT_IDENTIFIER_KINDS and kind.lower() not in STOPWORDS_FOR_FACTS
    )


@lru_cache(maxsize=50_000)
def features(text: str) -> Features:
    """(content stems, names, numbers, (number, noun) pairs) of one unit."""
    tokens = _TOKEN.findall(text)
    words, names, numbers, counted = set(), set(), set(), set()
    in_figure: set[int] = set()
    for position, value, after in _quantities(text):
        in_figure.update(range(position, after))
        numbers.add(value)
        noun = "percent" if tokens[after - 1].endswith("%") else _counted_noun(tokens[after : after + 3])
        if noun:
            counted.add((value, noun))
    for position, token in enumerate(tokens):
        if position in in_figure:
            continue
        word = stem(token)
        if word in STOPWORDS_FOR_FACTS or len(word) < 2:
            continue
        words.add(word)
        if token[0].isupper() and (position > 0 or token.isupper()):
            names.add(word)
    return frozenset(words), frozenset(names), frozenset(numbers), frozenset(counted)


def numbers_of(text: str) -> frozenset[str]:
    """The numbers a unit states."""
    return features(text)[2]


# Below this a count is too common to tell statements apart ("two", "12 hours").
_SPECIFIC_FROM = 13


@lru_cache(maxsize=50_000)
def specific_numbers(text: str) -> frozenset[str]:
    """The figures of a unit that two statements share only by telling the
    same thing: a decimal ("72.8 hectares"), a count of ``_SPECIFIC_FROM``
    or more in digits or words ("380 species", "a hundred people"), or an
    amount with its scale ("S$5 million"); never a year, nor a day beside
    its month ("Jan 24"), which many statements of a story share."""
    tokens = _TOKEN.findall(text)
    out = set()
    for position, value, after in _quantities(text):
        token = tokens[position]
        amount = float(value)
        scaled = after > position + 1 and not token.endswith("%")
        before = tokens[position - 1].lower() if position else ""
        following = tokens[after].lower() if after < len(tokens) else ""
        day = before in MONTHS or following in MONTHS
        year = token.rstrip(",").isdigit() and not scaled and 1900 <= amount <= 2100
        if scaled or "." in token or (amount >= _SPECIFIC_FROM and not year and not day):
            out.add(value)
    return frozenset(out)


def _counted_noun(following: list[str]) -> str | None:
    # "30 Red Cross workers", "300 more troops": the first lower-case content word.
    for token in following:
        if number(token) is not None:
            return None
        word = stem(token)
        if token[0].islower() and word not in STOPWORDS_FOR_FACTS and word not in {"more", "other", "least"}:
            return word
    return None
