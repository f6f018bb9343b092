"""Numbers: quantities with what they count, and number conflicts across sources.

``extract_quantities(article, sentences, doc)`` reads one article, its sentences
(exact offsets, from ``split``) and its spaCy ``Doc`` (parsed over the whole
``article.text``) and returns every countable quantity outside removed spans:
its value, qualifier, unit, the noun it counts (as written and normalised), the
class of that noun, and the event it is a count of ("injured", "killed",
"deployed", ...).

``number_conflicts(ctx)`` extracts the quantities of the story's on-topic
sources from the context and returns ``Conflict(kind="number")`` (``id=""``:
the pipeline numbers conflicts) for the same quantity reported with
incompatible values by independent sources.

The package, by job:

- ``reading``: the number as written (digits, words, vague words, ranges, qualifiers);
- ``not_counts``: numbers that name or date rather than count;
- ``counted``, ``vocabulary``, ``inflection``: what a number counts;
- ``events``: what event it is a count of;
- ``describe``, ``parts``: what tells one count from another, and parts of a total;
- ``items``: figures of one item of several ("$20 billion and $7 billion,
  respectively", parallel clauses, a count of one hospital of several),
  compared only with their own item's;
- ``extract``: one article's quantities, read in that order;
- ``compare``: whether two values can both be right and measure the same thing;
- ``kinds``: whether two figures count or measure the same kind of thing;
- ``conflicts``: number conflicts across sources (by key), and ``aligned``: by claim
  (``lone``: values one source alone gives; ``copied``: a figure a copy and its original
  write differently; ``counterparts``: the last figure of a kind left in two alike
  sentences; ``disputes``: disagreeing pairs as conflicts).
"""
from __future__ import annotations

from .compare import BOUND_SPREAD, comparable, compatible, interval
from .conflicts import number_conflicts
from .extract import extract_quantities
from .quantity import QUALIFIERS, Quantity
from .vocabulary import EVENTS, PEOPLE_CLASSES, TOLLS

__all__ = [
    "BOUND_SPREAD", "EVENTS", "PEOPLE_CLASSES", "QUALIFIERS", "TOLLS", "Quantity",
    "comparable", "compatible", "extract_quantities", "interval", "number_conflicts",
]
