"""Text folding shared by the stages and the evaluation."""
from __future__ import annotations

import re
from difflib import SequenceMatcher
from collections.abc import Set as AbstractSet
import unicodedata

# Letters that Unicode does not decompose into a base letter plus a mark.
_PLAIN_LETTERS = str.maketrans({"đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O",
                                "æ": "ae", "Æ": "AE", "ß": "ss", "ı": "i", "œ": "oe", "Œ": "OE",
                                "’": "'"})


def plain(text: str) -> str:
    """Lower case without diacritics, for comparing names and words: "Novák" -> "novak",
    "Sørby" -> "sorby". Lengths may change ("ß" -> "ss"): never use it for offsets."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_PLAIN_LETTERS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


_WORD_WITH_LETTER = re.compile(r"[^\W\d_]")
_MIN_HEADLINE_WORDS = 3


def headline(title: str | None) -> str | None:
    """``title`` as a story's headline, or None when it is a page label.

    News headlines run to several words; a one- or two-word title is a section
    or page label ("Details", "Categories", "Latest"). A title built of
    " | "-separated parts ("Site | Section | The real headline") stands for its
    longest part.
    """
    if not title:
        return None
    parts = [part.strip() for part in title.split(" | ")]
    best = max(parts, key=lambda part: len(part.split()))
    words = [word for word in best.split() if _WORD_WITH_LETTER.search(word)]
    return best if len(words) >= _MIN_HEADLINE_WORDS else None


# a word that starts with a letter ("it's", "co-op", "Ruiz"), as headlines and the stream's terms are read
LETTER_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]", re.UNICODE)


def title_case(title: str) -> bool:
    """Whether a headline capitalises (nearly) every longer word, as Title
    Case does: its capitalised words are then no sign of names."""
    words = [w for w in LETTER_WORD.findall(title) if len(w) >= 4]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def headline_words(title: str) -> frozenset[str]:
    """A headline's content words, lower-cased and accent-folded, without a
    plural -s ("Guidelines" and "guideline" are one word)."""
    from .lexicon import STOPWORDS

    words = (plain(word).lower() for word in _HEADLINE_WORD.findall(title))
    return frozenset(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
                     for w in words if w not in STOPWORDS and len(w) > 1)


_HEADLINE_WORD = re.compile(r"[^\W_]+", re.UNICODE)


_OPENING = re.compile(r"[\W_]*([^\W\d_]+)(?:\s+(?:two|three|four|five|\d+)\s+|\s+)?([^\W\d_]+)?")


def opens_leaning_back(text: str) -> bool:
    """Whether a sentence opens on a word that points to the one before it
    (``CONTEXT_OPENERS``: "It said…", "However, …", "The two other officers…")."""
    from .lexicon import CONTEXT_OPENERS

    first = _OPENING.match(text)
    if first is None:
        return False
    words = [w.lower() for w in first.groups() if w]
    return words[0] in CONTEXT_OPENERS or (words[0] == "the" and len(words) > 1 and words[1] in CONTEXT_OPENERS)


_PRONOUN_SUBJECTS = frozenset({"he", "she", "it", "they", "this", "these", "those"})
# An opening phrase (up to its comma), then the first word of the main clause.
_AFTER_OPENING_PHRASE = re.compile(r"[^,.;:!?]{0,120},\s*(\w+)")


def leans_back(text: str) -> bool:
    """Whether a sentence leans on the one before it: it opens on a word
    pointing back (``opens_leaning_back``), or its subject after an opening
    phrase is a pronoun ("While it was returning to base, it hit a lorry",
    "Suspicious of the noise, she called the police")."""
    if opens_leaning_back(text):
        return True
    main = _AFTER_OPENING_PHRASE.match(text)
    return main is not None and main.group(1).lower() in _PRONOUN_SUBJECTS


# Quoted words: between curly or straight double quotes (an unclosed quote runs to the end).
_QUOTED = re.compile(r"[\u201c\"][^\u201c\u201d\"]*(?:[\u201d\"]|$)")


def quoted_share(text: str) -> float:
    """How much of ``text`` (0..1, by characters) stands inside quotation marks.

    A closing curly quote before any opening one ends a quote that began
    before ``text`` did (the tail of a quote cut into sentences)."""
    if not text:
        return 0.0
    opening, closing = text.find("\u201c"), text.find("\u201d")
    head = closing + 1 if closing >= 0 and (opening < 0 or closing < opening) else 0
    inside = head + sum(len(m.group()) for m in _QUOTED.finditer(text, head))
    return inside / len(text)


def overlap(a: AbstractSet[str], b: AbstractSet[str]) -> float:
    """The share of the smaller set's words that the other set also has (0 when either is empty)."""
    smaller = min(len(a), len(b))
    return len(a & b) / smaller if smaller else 0.0


def one_sentence(a: str, b: str, floor: float = 0.9) -> bool:
    """Whether two (masked) sentences are one sentence written twice: alike
    character by character to ``floor`` (a copy and its original)."""
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return matcher.real_quick_ratio() >= floor and matcher.quick_ratio() >= floor and matcher.ratio() >= floor


# Words that tell no event apart (content_words)
_EVENT_STOP_WORDS = {
    "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "by",
    "with", "as", "is", "was", "were", "are", "be", "been", "has", "have", "had", "that",
    "this", "which", "who", "whose", "it", "its", "their", "they", "he", "she", "his", "her",
    "will", "would", "said", "says", "after", "before", "also", "into", "over", "than",
    "more", "some", "any", "not", "no", "so", "can", "could", "did", "do", "up", "out",
}


def content_words(text: str) -> set[str]:
    """Lower-cased content words, crudely stemmed, for comparing event texts."""
    out = set()
    for word in re.findall(r"[^\W_]+(?:[.,]\d+)?", text.lower()):
        if word in _EVENT_STOP_WORDS or len(word) < 2:
            continue
        for suffix in ("ing", "ed", "es", "s"):
            if len(word) > len(suffix) + 3 and word.endswith(suffix):
                word = word[: -len(suffix)]
                break
        out.add(word)
    return out
