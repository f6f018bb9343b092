#!/usr/bin/env python
"""Unsupervised attribution check: do independent sources give a shared quote a speaker, and the same one?

    python scripts/eval_quote_agreement.py                 # halves A and B of the dev stories
    python scripts/eval_quote_agreement.py --failures 20   # and the failures of half A, with context
    python scripts/eval_quote_agreement.py --json
    python scripts/eval_quote_agreement.py --split heldout --failures 20  # held-out half A only: a reading set

No annotation is needed. The dev stories of ``scripts/eval_injection.py`` (the
same hash half, the same seeded articles) are folded once each. For every
quote of a brief that two or more independent sources carry:

- coverage: the share of its independent sources (a copy counts with its
  original) whose text gives it a speaker;
- agreement: of the quotes that two or more independent sources attribute,
  the share where they all give the same speaker (a real story rarely credits
  one sentence to two people);
- whole: the share of quotes attributed by every independent source, to one
  speaker.

A variant with no speaker while another source names one is usually our
reading failing (the speaker a paragraph before, "he said" after a named
person, a speaker named only in the lede); two speakers are either a misread
or a true dispute. The dev stories are split again by a second bit of the
same hash into half A (look at its failures) and half B (only ever scored),
so that a fix read off A's failures is checked on stories it was not fitted to.
"""
from __future__ import annotations

import argparse
import json
import sys
import warnings
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "scripts"))

from eval_injection import SHARED, stories

from newsfold.eval_speakers import half_of
from newsfold.model import Brief, root_of
from newsfold.pipeline import fold


def shared_quotes(story: str, brief: Brief) -> list[dict]:
    """Each quote two or more independent sources carry: the speaker each source root gives."""
    roots = {a.id: root_of(a) for a in brief.sources}
    out = []
    for quote in brief.quotes:
        by_root: dict[str, set[str | None]] = {}
        for e in quote.support:
            by_root.setdefault(roots.get(e.source, e.source), set()).add(e.speaker)
        if len(by_root) < 2:
            continue
        # a root that names a speaker anywhere names it; None only where it names nobody
        given = {root: sorted(s for s in speakers if s) or [None] for root, speakers in by_root.items()}
        out.append({"story": story, "quote": quote.text[:160], "speakers": given,
                    "support": [(e.source, e.start, e.end, e.speaker) for e in quote.support]})
    return out


def summary(quotes: list[dict]) -> dict[str, float | int]:
    variants = [speakers for q in quotes for speakers in q["speakers"].values()]
    named = [q for q in quotes if sum(s != [None] for s in q["speakers"].values()) >= 2]
    agreeing = [q for q in named if len({s[0] for s in q["speakers"].values() if s != [None]}) == 1
                and all(len(s) == 1 for s in q["speakers"].values())]
    whole = [q for q in agreeing if all(s != [None] for s in q["speakers"].values())]
    return {"quotes": len(quotes), "variants": len(variants),
            "coverage": round(sum(v != [None] for v in variants) / len(variants), 3) if variants else 0.0,
            "attributed_twice": len(named),
            "agreement": round(len(agreeing) / len(named), 3) if named else 0.0,
            "whole": round(len(whole) / len(quotes), 3) if quotes else 0.0}


def _context(brief: Brief, source: str, start: int, end: int, chars: int = 220) -> str:
    text = next(a.text for a in brief.sources if a.id == source)
    return " ".join((text[max(0, start - chars):start] + " [[" + text[start:end][:80] + "…]] "
                     + text[end:end + chars]).split())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=8, help="most articles per story (default 8)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--split", choices=("dev", "heldout"), default="dev",
                        help="heldout folds its half A only (a reading set since 2026-12-07; half B stays unread)")
    parser.add_argument("--failures", type=int, default=0, help="failures of half A to print, with context")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not SHARED.is_dir():
        print(f"error: {SHARED} is not present; the check needs ../shared/data", file=sys.stderr)
        return 2
    warnings.simplefilter("ignore")
    found: dict[str, list[dict]] = {"A": [], "B": []}
    failures = []
    for story, articles in stories(args.split, 1000, args.articles, args.seed).items():
        if args.split == "heldout" and half_of(story) != "A":
            continue
        brief = fold(articles)
        quotes = shared_quotes(story, brief)
        found[half_of(story)] += quotes
        print(f"{story} ({half_of(story)}): {len(quotes)} shared quotes", file=sys.stderr, flush=True)
        if half_of(story) == "A":
            failures += [(q, brief) for q in quotes if len({s for v in q["speakers"].values() for s in v}) > 1]
    result = {half: summary(quotes) for half, quotes in found.items()}
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print("| half | shared quotes | variants | coverage | attributed twice | agreement | whole |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        for half, s in result.items():
            print(f"| {half} | {s['quotes']} | {s['variants']} | {s['coverage']:.3f} | {s['attributed_twice']} "
                  f"| {s['agreement']:.3f} | {s['whole']:.3f} |")
    for q, brief in failures[:args.failures]:
        print(f"\n== {q['story']}: {q['quote']}")
        for source, start, end, speaker in q["support"]:
            print(f"  {source}: {speaker!r}\n    {_context(brief, source, start, end)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
