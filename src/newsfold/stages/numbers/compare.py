"""Comparing two quantities: could both reports be right, and do they measure the same thing?"""
from __future__ import annotations

import math
import re

from .quantity import Quantity

_APPROXIMATE = {"about", "almost"}
LOWER_BOUNDS = frozenset({"at_least", "more_than"})
UPPER_BOUNDS = frozenset({"at_most", "less_than"})
BOUND_SPREAD = 1.2  # two stated bounds further apart than this are different figures
MOST_RATIO = 3.0  # figures further apart than this are other things, not a disagreement
_FLOAT_SLACK = 1e-9
_DIGITS = re.compile(r"\d[\d,.]*\d|\d")
# Verbs too general to say what an event-less count of things is about.
_GENERIC_VERBS = {"be", "have", "show", "see", "include", "say", "make", "get", "take", "give",
                  "involve", "feature", "use", "go", "come", "reach", "hit", "bring", "contain"}


def interval(q: Quantity, halve: bool = False) -> tuple[float, float, bool, bool]:
    """(low, high, low_open, high_open): every value ``q`` allows (``halve``:
    an approximate value allows half its usual slack)."""
    tol = q.precision
    slack = 0.05 if halve else 0.1
    if q.low is not None and q.high is not None:
        return q.low - tol, q.high + tol, False, False
    v = q.value
    if q.qualifier == "at_least":
        return v - tol, math.inf, False, True
    if q.qualifier == "more_than":
        return v, math.inf, True, True
    if q.qualifier == "less_than":
        return 0.0, v, False, True
    if q.qualifier == "at_most":
        return 0.0, v + tol, False, False
    if q.qualifier == "almost":
        return (1 - slack) * v - tol, v + tol, False, False
    if q.qualifier == "about":
        return (1 - slack) * v - tol, (1 + slack) * v + tol, False, False
    return v - tol, v + tol, False, False


def compatible(a: Quantity, b: Quantity) -> bool:
    """True when some single true value could make both reports right.

    Qualifiers, as reporters use them:

    - an exact value must fall inside the other's interval (``interval``):
      "at least 4" and "6" agree, "more than 53" and "53" do not; "about v"
      allows 10% either way and "almost v" up to 10% under v; a conversion
      in brackets is as precise as the figure it converts (its ``precision``:
      "17 miles (27km)" and "17 miles (28km)" agree);
    - two approximate values ("about 850", "nearly 1,000") share that 10%
      slack: each allows 5%, so "about 850" and "nearly 1,000" disagree while
      "about 30" and "about 32" agree;
    - two lower bounds ("at least two" killed, "at least six" killed) are the
      figures each report could confirm: they disagree when the larger is more
      than ``BOUND_SPREAD`` times the smaller ("at least 50" and "more than 53"
      agree); two upper bounds likewise.
    """
    both_lower = a.qualifier in LOWER_BOUNDS and b.qualifier in LOWER_BOUNDS
    both_upper = a.qualifier in UPPER_BOUNDS and b.qualifier in UPPER_BOUNDS
    if a.low is None and b.low is None and (both_lower or both_upper):
        small, large = sorted((a.value, b.value))
        return large <= small * BOUND_SPREAD + max(a.precision, b.precision)
    halve = a.low is None and b.low is None and a.qualifier in _APPROXIMATE and b.qualifier in _APPROXIMATE
    a_lo, a_hi, a_lo_open, a_hi_open = interval(a, halve)
    b_lo, b_hi, b_lo_open, b_hi_open = interval(b, halve)
    lo, lo_open = _tighter(a_lo, a_lo_open, b_lo, b_lo_open, larger=True)
    hi, hi_open = _tighter(a_hi, a_hi_open, b_hi, b_hi_open, larger=False)
    if lo < hi:
        return True
    return lo == hi and not lo_open and not hi_open


def _tighter(a: float, a_open: bool, b: float, b_open: bool, *, larger: bool) -> tuple[float, bool]:
    """The tighter of two bounds (the larger low, the smaller high); on a tie,
    open if either is."""
    if (a > b) if larger else (a < b):
        return a, a_open
    if (b > a) if larger else (b < a):
        return b, b_open
    return a, a_open or b_open


def comparable(a: Quantity, b: Quantity) -> bool:
    """True when two quantities of the same key measure the same thing.

    The key (event, class of what is counted, unit) must already match. Then:
    whose things they count must not differ ("Ruritanian troops" and
    "Freedonian troops"); and a count with no event ("two fire engines", "400g
    bars") is only compared with one governed by the same specific verb, with
    the same modifiers and most content words of its sentence shared.
    """
    if a.owners and b.owners and not a.owners & b.owners:
        return False
    if a.event is None:
        if a.verb is None or a.verb != b.verb or a.verb in _GENERIC_VERBS:
            return False
        if a.modifiers != b.modifiers:
            return False
        union = a.context | b.context
        return bool(union) and len(a.context & b.context) / len(union) >= 0.5
    return True


def agree(a: Quantity, b: Quantity) -> bool:
    """Both can be right (``compatible``), or one is the other rounded."""
    return compatible(a, b) or rounded(a, b) or rounded(b, a)


def same_number(q: Quantity, figure: Quantity) -> bool:
    """The same number, or one the other rounded ("2.2 billion", "2.24 billion")."""
    return q.value == figure.value or rounded(q, figure) or rounded(figure, q)


def half_unit(q: Quantity) -> float:
    """Half the unit of the last digit ``q`` is written with, in its value's
    scale ("17": 0.5, "2.3 million": 50,000); 0.5 for a number in words."""
    digits = _DIGITS.search(q.text)
    if digits is None:
        return 0.5
    written = float(digits.group(0).replace(",", ""))
    decimals = len(digits.group(0).split(".")[1]) if "." in digits.group(0) else 0
    scale = q.value / written if written else 1.0
    return 0.5 * 10 ** -decimals * scale


def rounded(a: Quantity, b: Quantity) -> bool:
    """"74%" beside "74.3%", "2.2 billion" beside "2.24 billion": ``a`` is ``b``
    rounded to the digits ``a`` is written with; a half either way ("$4.2m"
    beside "S$4.25 million": writers round a half down as often as up)."""
    if _DIGITS.search(a.text) is None or a.low is not None:
        return False
    return abs(b.value - a.value) <= half_unit(a) * (1 + _FLOAT_SLACK)


def one_scale(a: Quantity, b: Quantity, ratio: float = MOST_RATIO) -> bool:
    """Values at most ``ratio`` apart: further apart they are other
    things ("RM31.2 million, or RM1,640 per square metre"), never counterparts.
    "6.9" is three times "2.3", though not in floating point: the ratio is
    read with a hair of slack (``_FLOAT_SLACK``)."""
    small, large = sorted((abs(a.value), abs(b.value)))
    return small > 0 and large <= small * ratio * (1 + _FLOAT_SLACK)
