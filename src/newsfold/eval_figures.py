"""Injection benchmark, figures changed by other amounts: under
``--figure-change vary`` the seed picks each changed figure's change
(``FIGURE_CHANGES``; ``SMALL_CHANGES`` for counts under 10), so recall is not
tuned to the one change ``eval_edits.changed_figure`` makes by default, and
recall is reported per change (``figure_recall_by_change``).
"""
from __future__ import annotations

import math
import random
import re
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from .eval_edits import Edit, _changed_value, _figures, bound_allows, bounds_of, changed_figure, figures_of
from .eval_inject import StoryResult

FIGURE_CHANGES = ("x0.5", "x0.7", "x1.3", "x1.5", "x2", "x3")
SMALL_CHANGES = ("-2", "+2", "+5")  # counts under 10 written in digits
def figure_change_of(old: str, new: str) -> str:
    """The name of the change that turned ``old`` into ``new`` ("+3", "x1.5")."""
    before, after = Decimal(old.replace(",", "")), Decimal(new.replace(",", ""))
    if "." not in old and before < 10:
        return f"{int(after - before):+d}"
    ratio = after / before if before else Decimal(0)
    return min(FIGURE_CHANGES, key=lambda c: abs(Decimal(c[1:]) - ratio))


def vary_figures(edits: Sequence[Edit], text: str, others: Sequence[str], rng: random.Random) -> list[Edit]:
    """Each figure edit given a change the seed picks among ``FIGURE_CHANGES``
    (``SMALL_CHANGES`` for counts under 10), never one a bound makes
    compatible: "at least 20" in the changed text lowered ("at least 15"),
    or raised where another source writes "at least 20"; "up to" the other
    way; nor a percentage over 100. Other edits stay as they are."""
    out = []
    figures, other_figures = _figures(text), figures_of(others)
    for edit in edits:
        key, match = next(((k, m) for k, m in figures if m.start("num") == edit.start), (None, None))
        if edit.kind != "figure" or key is None or match is None:
            out.append(edit)
            continue
        value = Decimal(match["num"].replace(",", ""))
        percent = bool(re.search("%|cent", match["scale"] or ""))
        bounds = bounds_of(key, match, text, other_figures)
        changes = [c for c in (SMALL_CHANGES if "." not in match["num"] and value < 10 else FIGURE_CHANGES)
                   if 0 < _changed_value(value, c) <= (100 if percent else math.inf)
                   and not bound_allows(bounds, value, _changed_value(value, c))]
        if changes:
            out.append(replace(edit, new=changed_figure(match["num"], percent, rng.choice(changes))))
    return out


def figure_recall_by_change(results: Sequence[StoryResult]) -> dict[str, dict[str, float]]:
    """Figure recall per change made ("x1.5", "+3"; ``figure_change_of``):
    attempted, found, recall, and the same over changes whose original
    stands in three or more outlets."""
    groups: dict[str, list[tuple[bool, bool]]] = {}
    for r in results:
        for i in r.injections:
            if i.kind == "figure":
                groups.setdefault(figure_change_of(i.old, i.new), []).append((r.found["figure"], i.sources >= 2))
    out = {}
    for change, rows in sorted(groups.items()):
        wide = [found for found, three in rows if three]
        out[change] = {"attempted": len(rows), "found": sum(f for f, _ in rows),
                       "recall": round(sum(f for f, _ in rows) / len(rows), 3),
                       "attempted_3_outlets": len(wide), "recall_3_outlets": round(sum(wide) / len(wide), 3) if wide else 0.0}
    return out
