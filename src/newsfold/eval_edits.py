"""Injection benchmark, the edits: one change planned on a source's text, and
the figures of a text that may be changed (``figure_edits``).

A figure is digits with a lower-case counted noun after them, or with a
currency, scale or percent sign. Never changed: years, times, ages ("aged
45", "12 years old"), a bare number after a capitalised word (it names
something: "Avenue 5", "a System 7 entry"), figures beside a month (those are
dates), and figures of a sentence the page prints twice. The change is
``changed_figure``'s, made the other way where a bound would let it agree.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .nlp.lexicon import MONTHS, STOPWORDS

_CURRENCY = r"(?:[A-Z]{1,2}\$|RM|\$|£|€)"
_FIGURE = re.compile(
    rf"(?<![\w$£€.,/:#-])(?P<cur>{_CURRENCY}\s?)?(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)"
    r"(?![\w/:#-]|[.,]\d)"
    r"(?P<scale>\s(?:million|billion|trillion)\b|%|\sper\s?cent\b)?"
    r"(?:\s(?P<noun>[a-z][a-z-]+)\b)?"
)
MONTH_PATTERN = "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True))
_AGE_BEFORE = re.compile(r"\b(?:aged|age|ages)\s(?:\w+\s(?:to|and)\s)?$", re.I)  # "aged seven to 12 years"
# A capitalised word before a bare number, not starting a sentence: the number names ("Avenue 5").
_NAMED_NUMBER = re.compile(r"[^\s.!?:;\"“”]\s+[A-Z][A-Za-z]*\s$")
_TIME_NOUNS = frozenset({"am", "pm", "hrs", "hours", "h", "gmt"})

Figures = list[tuple[tuple[str, ...], re.Match[str]]]  # (what another source must write, where) per figure


@dataclass(frozen=True)
class Edit:
    """One change planned on the original text: ``[start, end)`` becomes ``new``;
    ``[mark_start, mark_end)`` (around it) is what a conflict must cover."""

    kind: str
    start: int
    end: int
    new: str
    mark_start: int
    mark_end: int
    sources: int  # other independent sources that write the original item


_LOWER_BOUND = re.compile(r"\b(?:at least|(?<!no )(?<!not )more than|over|above|upwards of|in excess of|"
                          r"no fewer than|no less than|not less than|exceeding)\s$", re.I)
_UPPER_BOUND = re.compile(r"\b(?:up to|less than|fewer than|under|below|at most|no more than|as many as|"
                          r"almost|nearly|just under|not more than)\s$", re.I)


def bound_before(text: str, start: int) -> int:
    """+1 when the words before a figure make it a lower bound ("at least
    20"), -1 an upper bound ("up to 20"), else 0."""
    before = text[max(0, start - 24):start]
    return 1 if _LOWER_BOUND.search(before) else -1 if _UPPER_BOUND.search(before) else 0


def _figure_key(match: re.Match[str], text: str) -> tuple[str, ...] | None:
    """What another source must write to give the same figure; None to skip it."""
    num, noun = match["num"], match["noun"] or ""
    cur = (match["cur"] or "").strip()
    scale = " ".join((match["scale"] or "").split()).replace("percent", "per cent")
    before = text[max(0, match.start() - 24):match.start()]
    age = noun in ("year", "years") and text.startswith(" old", match.end())
    if age or _AGE_BEFORE.search(before) or noun in _TIME_NOUNS or noun in MONTHS:
        return None
    if re.search(rf"(?:{MONTH_PATTERN})\.?\s$", before) or ("," not in num and len(num.replace(".", "")) >= 7):
        return None
    if cur or scale:
        return (cur, num, scale)
    if re.fullmatch(r"(19|20)\d\d", num) or not noun or noun in STOPWORDS:
        return None  # a year, or a bare number nothing counts
    if _NAMED_NUMBER.search(before):
        return None  # a number in a name: "Merrow Avenue 5", "a System 7 entry", "Group 2 prizes"
    return (num, noun)


def _figures(text: str) -> Figures:
    keyed = ((_figure_key(match, text), match) for match in _FIGURE.finditer(text))
    return [(key, match) for key, match in keyed if key]


def changed_figure(num: str, percent: bool = False, change: str | None = None) -> str:
    """A clearly different figure in the same format: by default small counts
    + 3, else x1.5 ("15,000" -> "22,500", "2.3" -> "3.5"), a percentage over
    100 halved instead; or the ``change`` named ("x0.7", "+2", see
    ``eval_figures.FIGURE_CHANGES``)."""
    places = Decimal(1).scaleb(-len(num.split(".")[1])) if "." in num else Decimal(1)
    value = Decimal(num.replace(",", ""))
    if change is not None:
        new = _changed_value(value, change)
    elif "." not in num and value < 10:
        new = value + 3
    else:
        new = value * Decimal("1.5") if not (percent and value * Decimal("1.5") > 100) else value / 2
    new = new.quantize(places, rounding=ROUND_HALF_UP)
    if new == value:
        new += places
    return f"{new:,}" if "," in num else f"{new}"


def _changed_value(value: Decimal, change: str) -> Decimal:
    return value + int(change) if change[0] in "+-" else value * Decimal(change[1:])


def figure_edits(text: str, others: Sequence[str]) -> list[Edit]:
    """Figures of ``text`` that some of ``others`` also write, each changed
    (``changed_figure``); the other way where a bound would make the change
    agree ("up to 32" raised to "up to 48" allows the others' 32: lowered to
    "up to 22"; neither way: not changed), and never in a sentence the page
    prints twice (one edit would leave its copy)."""
    other_figures = figures_of(others)
    other_keys = [{key for key, _ in figures} for _, figures in other_figures]
    flat = " ".join(text.split())
    edits = []
    for key, match in _figures(text):
        sources = sum(key in keys for keys in other_keys)
        if not sources or _repeated(flat, text, match.start(), match.end()):
            continue
        new = _unbounded_change(match, bounds_of(key, match, text, other_figures))
        if new is not None:
            edits.append(Edit("figure", match.start("num"), match.end("num"), new,
                              match.start(), match.end("scale") if match["scale"] else match.end("num"), sources))
    return edits



def figures_of(texts: Sequence[str]) -> list[tuple[str, Figures]]:
    """Each text with its figures (``_figures``), read once."""
    return [(text, _figures(text)) for text in texts]


def bounds_of(key: tuple[str, ...], match: re.Match[str], text: str, others: list[tuple[str, Figures]]) -> set[int]:
    """The bounds a change of ``match`` must respect: its own (``bound_before``)
    and, turned round, those of each other source's figure with its ``key``
    ("at least 20" there lets any larger value here agree)."""
    return {bound_before(text, match.start())} | {
        -bound_before(other, m.start()) for other, figures in others for k, m in figures if k == key}


def bound_allows(bounds: set[int], value: Decimal, new: Decimal) -> bool:
    """A bound in ``bounds`` lets ``new`` agree with ``value``: 1, a lower
    bound, any smaller value; -1, an upper bound, any larger one."""
    return 1 in bounds and new < value or -1 in bounds and new > value


def _unbounded_change(match: re.Match[str], bounds: set[int]) -> str | None:
    """The default change of a figure (``changed_figure``), or its mirror (-3,
    x0.7) where a bound makes the default agree (``bound_allows``)."""
    num, percent = match["num"], bool(re.search("%|cent", match["scale"] or ""))
    value = Decimal(num.replace(",", ""))
    small = "." not in num and value < 10
    for change in (None, "-3" if small else "x0.7"):
        new = changed_figure(num, percent, change)
        after = Decimal(new.replace(",", ""))
        if after > 0 and not bound_allows(bounds, value, after):
            return new
    return None


def _repeated(flat: str, text: str, start: int, end: int) -> bool:
    """The sentence around ``[start, end)`` stands twice in ``text`` (a page
    printing a paragraph again); ``flat`` is ``text`` with its whitespace folded."""
    sentence = sentence_around(text, start, end)
    return len(sentence) > 40 and flat.count(sentence) > 1


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence around ``[start, end)``, its whitespace folded."""
    left = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1, start - 240)
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    right = min([*stops, end + 240, len(text)])
    return " ".join(text[left:right + 1].split())

