"""English language data, kept once and read by every stage.

Months, weekdays, number words and the words of speech live here as data;
stages build their own patterns and narrower sets from these (a stage that
needs "months and weekdays, but not 'may'" derives it, it does not retype it).
Lower case unless a name says otherwise.
"""
from __future__ import annotations

MONTH_NAMES: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
# Abbreviations as newsrooms write them ("Sept" beside "Sep"; "May" has none).
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
MONTHS_FULL: dict[str, int] = {name.lower(): number for number, name in enumerate(MONTH_NAMES, start=1)}
# Every way a month is written -> its number (1-12).
MONTHS: dict[str, int] = {**MONTHS_FULL, **MONTH_ABBREVIATIONS}

WEEKDAY_NAMES: tuple[str, ...] = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAYS: tuple[str, ...] = tuple(name.lower() for name in WEEKDAY_NAMES)
WEEKDAY_ABBREVIATIONS: dict[str, int] = {
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
}
# Every way a weekday is written -> its number (Monday = 0, as datetime.weekday()).
WEEKDAY_NUMBERS: dict[str, int] = {**{name: n for n, name in enumerate(WEEKDAYS)}, **WEEKDAY_ABBREVIATIONS}

# Number words: units and teens, tens, and the scales that multiply them.
UNIT_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS_WORDS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALE_WORDS: dict[str, int] = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000,
    "billion": 1_000_000_000, "trillion": 1_000_000_000_000,
}

# Honorifics written before a name, with the gender they mark where they mark one.
HONORIFIC_GENDER: dict[str, str] = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "madam": "f", "mdm": "f"}
HONORIFICS: frozenset[str] = frozenset(HONORIFIC_GENDER) | {"dr"}

# -- facts and summaries: stop words ----------------------------------------
# The commonest function words (and "said", "says"): every stop list starts here.
COMMON_STOPWORDS: frozenset[str] = frozenset(
    [
        "a", "about", "after", "also", "an", "and", "are", "as", "at", "be", "been", "before",
        "but", "by", "could", "for", "from", "had", "has", "have", "he", "her", "his", "i", "in",
        "into", "is", "it", "its", "no", "not", "of", "on", "or", "our", "over", "she", "should",
        "than", "that", "the", "their", "then", "these", "they", "this", "those", "to", "was", "we",
        "were", "what", "which", "who", "will", "with", "would", "you", "said", "says"
    ]
)
# A fuller list, for telling whether two sentences are worded alike.
STOPWORDS: frozenset[str] = COMMON_STOPWORDS | frozenset(
    [
        "above", "again", "against", "all", "am", "any", "because", "being", "below", "between",
        "both", "can", "did", "do", "does", "doing", "down", "during", "each", "few", "further",
        "having", "here", "hers", "herself", "him", "himself", "how", "if", "itself", "just", "me",
        "more", "most", "my", "myself", "nor", "now", "off", "once", "only", "other", "ours",
        "ourselves", "out", "own", "same", "so", "some", "such", "theirs", "them", "themselves",
        "there", "through", "too", "under", "until", "up", "very", "when", "where", "while", "whom",
        "why", "your", "yours", "yourself", "yourselves"
    ]
)
