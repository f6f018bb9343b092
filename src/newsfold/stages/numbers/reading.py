"""Reading a number as written: digits, number words, vague words, ranges, qualifiers.

Digits ("30", "3,800", "3.5", "5bn") and their scale ("2.3 million"); words
("eleven", "twenty-five", "two hundred and fifty", "a dozen"); vague words
("hundreds", "dozens", "tens of thousands": kept, marked vague); the high end
of a range ("50-60", "10 to 12", "between 10 and 20"); the qualifier before a
number ("at least", "more than", "almost", "some", "up to", ...).

Number words are read here rather than by the ``number-parser`` package: the
reader walks spaCy tokens and must say where a number ends ("two three" is two
numbers, "two hundred and fifty" one), which a parser of whole strings does not.
"""
from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, NamedTuple

from ...nlp.lexicon import OVER_PARTICLE_VERBS, SCALE_ABBREVIATIONS, SCALE_WORDS, TENS_WORDS, UNIT_WORDS
from .inflection import lemma

if TYPE_CHECKING:
    from spacy.tokens import Doc

VAGUE = {"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1_000,
         "millions": 1_000_000, "billions": 1_000_000_000}
PERCENT_WORDS = {"%", "percent", "pct"}

_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_SCALE = "|".join(sorted(SCALE_ABBREVIATIONS, key=len, reverse=True))
DIGITS_SCALED = re.compile(rf"^(\d+(?:\.\d+)?)({_SCALE})$", re.IGNORECASE)
# A currency and its amount as one token: "S$30,000", "US$2.2", "HK$500", "RM2,400" (ringgit), "Rp50,000" (rupiah),
# "Rs300" (rupees); its scale may close it ("RM45mil").
CURRENCY_DIGITS = re.compile(rf"^([A-Z]{{1,3}}\$|RM|Rp|Rs)(\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)({_SCALE})?$")
DIGIT_RANGE = re.compile(r"^(\d[\d,]*(?:\.\d+)?)[-–](\d[\d,]*(?:\.\d+)?)$")

# Longest phrases first, so "no more than" wins over "more than".
_QUALIFIER_PHRASES: list[tuple[tuple[str, ...], str]] = sorted(
    [
        (("at", "least"), "at_least"),
        (("no", "fewer", "than"), "at_least"),
        (("no", "less", "than"), "at_least"),
        (("not", "less", "than"), "at_least"),
        (("not", "fewer", "than"), "at_least"),
        (("a", "minimum", "of"), "at_least"),
        (("more", "than"), "more_than"),
        (("over",), "more_than"),
        (("above",), "more_than"),
        (("upwards", "of"), "more_than"),
        (("in", "excess", "of"), "more_than"),
        (("less", "than"), "less_than"),
        (("fewer", "than"), "less_than"),
        (("under",), "less_than"),
        (("below",), "less_than"),
        (("younger", "than"), "less_than"),  # an age limit: "children younger than 18 months"
        (("older", "than"), "more_than"),
        (("up", "to"), "at_most"),
        (("at", "most"), "at_most"),
        (("no", "more", "than"), "at_most"),
        (("not", "more", "than"), "at_most"),
        (("as", "many", "as"), "at_most"),
        (("as", "much", "as"), "at_most"),
        (("a", "maximum", "of"), "at_most"),
        (("almost",), "almost"),
        (("nearly",), "almost"),
        (("close", "to"), "almost"),
        (("just", "under"), "almost"),
        (("about",), "about"),
        (("around",), "about"),
        (("some",), "about"),
        (("approximately",), "about"),
        (("roughly",), "about"),
        (("an", "estimated"), "about"),
        (("estimated",), "about"),
        (("circa",), "about"),
        (("approx",), "about"),
    ],
    key=lambda item: -len(item[0]),
)


class Number(NamedTuple):
    """A number read from the tokens: its value and the last token it takes."""

    value: float
    last: int
    decimals: int  # decimals as written, after scaling ("2.3 million": 0)
    vague: bool  # "hundreds", "tens of thousands"
    as_words: bool  # spelled out ("eleven", "a dozen")
    unit: str | None = None  # a currency written in the same token ("S$30,000": "S$")


def word_value(word: str) -> int | None:
    """The value of one number word ("eleven", "twenty-five"), else None."""
    word = word.lower()
    if word in UNIT_WORDS:
        return UNIT_WORDS[word]
    if word in TENS_WORDS:
        return TENS_WORDS[word]
    if "-" in word:  # "twenty-five" as one token
        left, _, right = word.partition("-")
        if left in TENS_WORDS and right in UNIT_WORDS and 0 < UNIT_WORDS[right] < 10:
            return TENS_WORDS[left] + UNIT_WORDS[right]
    return None


def read_number(doc: Doc, i: int) -> Number | None:
    """The number starting at token ``i``, or None."""
    text = doc[i].text
    lower = text.lower()
    if _DIGITS.match(text):
        return _read_digits(doc, i)
    match = CURRENCY_DIGITS.match(text)
    if match and match.group(3):
        return _scaled(match.group(2), match.group(3), i)._replace(unit=match.group(1))
    if match:
        return _read_digits(doc, i, match.group(2))._replace(unit=match.group(1))
    match = DIGITS_SCALED.match(text)
    if match:
        return _scaled(match.group(1), match.group(2), i)
    match = DIGIT_RANGE.match(text)
    if match and text.count("-") + text.count("–") == 1:
        return Number(float(match.group(1).replace(",", "")), i, 0, False, False)
    if lower in VAGUE or lower == "tens":
        return _read_vague(doc, i)
    if lower == "dozen":
        if i > 0 and doc[i - 1].lower_ in ("a", "half"):
            return Number(12.0, i, 0, False, True)
        return None
    if word_value(lower) is not None or lower in SCALE_WORDS:
        return _read_number_words(doc, i)
    return None


def _read_digits(doc: Doc, i: int, text: str | None = None) -> Number:
    """"30", "3,800", "3.5" and a scale after it ("2.3 million", "5 bn");
    ``text``: the digits when the token holds more."""
    text = text or doc[i].text
    value = float(text.replace(",", ""))
    decimals = len(text.split(".")[1]) if "." in text else 0
    last = i
    after = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    if after in SCALE_WORDS and after != "hundred":
        value *= SCALE_WORDS[after]
        last = i + 1
        if decimals:
            decimals -= round(math.log10(SCALE_WORDS[after]))
    elif (scale := short_scale(after)) is not None and not doc[i].whitespace_:
        value *= scale
        last = i + 1
        decimals = 0
    return Number(value, last, max(decimals, 0), False, False)


def _scaled(digits: str, scale: str, i: int) -> Number:
    """An amount and its scale written short in one token ("5bn", "94mil" of "RM94mil")."""
    return Number(float(digits.replace(",", "")) * SCALE_ABBREVIATIONS[scale.lower()], i, 0, False, False)


def short_scale(word: str) -> int | None:
    """The multiple a scale written short stands for ("m", "bn", "mil"; "m." where
    it ends a sentence, one token: "S$3.2m."), or None."""
    return SCALE_ABBREVIATIONS.get(word.lower().rstrip("."))


def _read_vague(doc: Doc, i: int) -> Number | None:
    lower = doc[i].lower_
    # "tens of thousands", "hundreds of thousands"
    if i + 2 < len(doc) and doc[i + 1].lower_ == "of" and doc[i + 2].lower_ in VAGUE:
        base = 10 if lower == "tens" else VAGUE.get(lower, 1)
        return Number(float(base * VAGUE[doc[i + 2].lower_]), i + 2, 0, True, True)
    if lower == "tens":
        return None
    return Number(float(VAGUE[lower]), i, 0, True, True)


def _read_number_words(doc: Doc, i: int) -> Number | None:
    """Spelled-out numbers: "eleven", "twenty-five", "two hundred and fifty"."""
    total = 0
    current = 0
    last = None
    j = i
    seen = False
    while j < len(doc):
        word = doc[j].lower_
        value = word_value(word)
        if value is not None:
            if seen and _adds_units(current, value):
                current += value  # "twenty five"
            elif seen and current and _starts_another(current, value):
                break  # "two three": two numbers, stop
            else:
                current += value
            seen, last = True, j
        elif word in SCALE_WORDS and seen:
            scale = SCALE_WORDS[word]
            if scale == 100:
                current *= 100
            else:
                total += current * scale
                current = 0
            last = j
        elif word in SCALE_WORDS and not seen and j == i and i > 0 and doc[i - 1].lower_ in ("a", "an"):
            current = SCALE_WORDS[word]  # "a hundred", "a million"
            seen, last = True, j
        elif not (seen and _joins_words(doc, j)):
            break
        j += 1
    if last is None:
        return None
    return Number(float(total + current), last, 0, False, True)


def _adds_units(current: int, value: int) -> bool:
    """"twenty" then "five": the units of a round ten."""
    return current % 100 != 0 and value < 100 and current % 10 == 0 and value < 10


def _starts_another(current: int, value: int) -> bool:
    """A word that cannot continue ``current``: not tens or units after a
    round hundred, nor units after a round ten."""
    return not (current % 100 == 0 and value < 100) and not (
        current % 10 == 0 and current % 100 != 0 and value < 10
    )


def _joins_words(doc: Doc, j: int) -> bool:
    """The hyphen of "twenty - five" or the "and" of "two hundred and fifty"."""
    word = doc[j].lower_
    if word == "-":
        return not doc[j - 1].whitespace_
    return word == "and" and j + 1 < len(doc) and word_value(doc[j + 1].lower_) is not None \
        and doc[j - 1].lower_ in SCALE_WORDS


def read_range_end(doc: Doc, last: int, low: float, unit: str | None) -> tuple[float, int] | None:
    """The high end of "50-60", "10 to 12", "between 10 and 20" and its last
    token; None otherwise."""
    j = last + 1
    if j + 1 >= len(doc):
        return None
    joiner = doc[j].lower_
    between = doc[last].i > 0 and any(t.lower_ == "between" for t in doc[max(0, last - 3):last])
    if joiner not in ("-", "–", "—", "to") and not (joiner == "and" and between):
        return None
    number = read_number(doc, j + 1)
    if number is None:
        return None
    if number.vague or number.value <= low:
        return None  # "3-1" is a score, not a range
    end = number.last
    if unit == "%":
        if not (end + 1 < len(doc) and doc[end + 1].lower_ in PERCENT_WORDS):
            return None  # "fell 18% to 412 million euros": a share, then the new amount
        end += 1
    return number.value, end


def read_qualifier(doc: Doc, first: int) -> tuple[str, int]:
    """The qualifier written before token ``first`` and the token it starts at.
    The particle of a phrasal verb qualifies nothing: "will take over 114
    checkpoints" takes them all (``OVER_PARTICLE_VERBS``)."""
    for phrase, qualifier in _QUALIFIER_PHRASES:
        begin = first - len(phrase)
        if begin < 0:
            continue
        if tuple(t.lower_ for t in doc[begin:first]) == phrase:
            if phrase == ("over",) and begin > 0 and doc[begin - 1].pos_ in ("VERB", "AUX") \
                    and {(stem := lemma(doc[begin - 1])), stem + "e"} & OVER_PARTICLE_VERBS:
                break  # the stem guess drops an "e": "taking" -> "tak"
            return qualifier, begin
    return "exactly", first
