#!/usr/bin/env python
"""Audit clean() on real scraped news: what it removes, and whether it eats reporting.

    python scripts/audit_clean.py [--sample 40] [--seed 7] [--top 40] [FILE ...]

Runs ``clean`` over every article of the shared JSONL files (default: the
``dev.jsonl`` of ``newscope_localnews`` and ``giveme5w1h`` in ../shared/data) and prints

- the share of characters removed (per file and per reason),
- the most common removed strings for each reason,
- a seeded random sample of removed spans with a little context, for eyeballing,
- for rows with ``labels.paragraphs`` (NEWSCOPE relevance labels), the share of
  removed characters that fall in paragraphs labelled relevant=1: a precision
  proxy (boilerplate should sit in relevant=0 paragraphs or outside them).

Reads the shared data only; prints no article text beyond the removed spans.
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from newsfold.model import Article
from newsfold.stages.clean import clean

SHARED = Path(os.environ.get("NEWSFOLD_SHARED_DATA", REPO.parent / "shared" / "data"))
DEFAULT_FILES = [SHARED / "newscope_localnews" / "dev.jsonl", SHARED / "giveme5w1h" / "dev.jsonl"]


def _articles(path: Path):
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            article = Article(id=record["id"], text=record.get("text") or "", title=record.get("title"),
                              outlet=record.get("outlet"), url=record.get("url"))
            yield record, article


def _relevance_by_char(text: str, paragraphs: list[dict]) -> list[int | None] | None:
    """Relevance label (0/1) of each character of ``text``; None outside labelled paragraphs.

    The labelled paragraphs, joined, equal ``text`` without its newlines (a few
    characters may differ); characters are matched in order, newlines skipped.
    Returns None when the alignment fails badly.
    """
    labels: list[int | None] = [None] * len(text)
    pos, misses = 0, 0
    for paragraph in paragraphs:
        for ch in paragraph.get("text") or "":
            while pos < len(text) and text[pos] == "\n" and ch != "\n":
                pos += 1
            if pos >= len(text):
                return labels if misses < 20 else None
            if text[pos] != ch:
                misses += 1
                if misses > 20:
                    return None
            labels[pos] = int(paragraph.get("relevant", 0))
            pos += 1
    return labels


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--sample", type=int, default=40, help="random removed spans to print")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--top", type=int, default=40, help="most common removed strings to print")
    parser.add_argument("--reason", help="only sample spans with this reason")
    parser.add_argument("--in-relevant", action="store_true",
                        help="sample only spans lying mostly inside NEWSCOPE paragraphs labelled relevant=1")
    args = parser.parse_args()
    files = args.files or DEFAULT_FILES

    by_reason_chars: collections.Counter = collections.Counter()
    by_reason_strings: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    spans = []  # (file, id, reason, text, context)
    rel_removed = collections.Counter()  # label -> removed chars (in labelled rows)
    rel_total = collections.Counter()  # label -> all chars (in labelled rows)
    rel_spans_in_relevant: collections.Counter = collections.Counter()
    rel_chars_by_reason: collections.Counter = collections.Counter()
    in_relevant = []  # removed spans mostly inside relevant=1 paragraphs
    for path in files:
        if not path.exists():
            print(f"skipped {path}: missing", file=sys.stderr)
            continue
        total = removed = count = 0
        for record, article in _articles(path):
            count += 1
            result = clean(article)
            text = article.text
            total += len(text)
            mask = [False] * len(text)
            for span in result.removed:
                piece = text[span.start:span.end]
                removed += span.end - span.start
                by_reason_chars[span.reason] += span.end - span.start
                by_reason_strings[span.reason][" ".join(piece.split())[:100]] += 1
                context = (text[max(0, span.start - 60):span.start], text[span.end:span.end + 60])
                spans.append((path.parent.name, article.id, span.reason, piece, context))
                for i in range(span.start, span.end):
                    mask[i] = True
            paragraphs = (record.get("labels") or {}).get("paragraphs")
            if paragraphs:
                labels = _relevance_by_char(text, paragraphs)
                if labels is None:
                    continue
                for i, label in enumerate(labels):
                    if text[i].isspace():
                        continue
                    key = "unlabelled" if label is None else f"relevant={label}"
                    rel_total[key] += 1
                    if mask[i]:
                        rel_removed[key] += 1
                for span in result.removed:
                    inside = [labels[i] for i in range(span.start, span.end) if not text[i].isspace()]
                    rel_chars_by_reason[span.reason] += sum(1 for x in inside if x == 1)
                    if inside and sum(1 for x in inside if x == 1) > len(inside) / 2:
                        rel_spans_in_relevant[span.reason] += 1
                        in_relevant.append((path.parent.name, article.id, span.reason, text[span.start:span.end],
                                            (text[max(0, span.start - 60):span.start], text[span.end:span.end + 60])))
        share = removed / total if total else 0.0
        print(f"{path.parent.name}/{path.name}: {count} articles, {removed:,} of {total:,} chars removed ({share:.1%})")

    all_chars = sum(by_reason_chars.values())
    print("\nremoved chars by reason:")
    for reason, chars in by_reason_chars.most_common():
        print(f"  {reason:<12} {chars:>8,}  ({chars / all_chars:.1%} of removed)")

    if rel_total:
        removed_labelled = sum(rel_removed.values())
        print("\nNEWSCOPE paragraph labels (non-space chars of labelled rows):")
        for key in sorted(rel_total):
            print(f"  {key:<11} {rel_total[key]:>9,} chars, {rel_removed[key]:>7,} removed "
                  f"({rel_removed[key] / rel_total[key]:.2%} of them)")
        if removed_labelled:
            print(f"  share of removed chars in relevant=1 paragraphs: "
                  f"{rel_removed['relevant=1'] / removed_labelled:.1%}")
        print(f"  removed chars in relevant=1 paragraphs, by reason: {dict(rel_chars_by_reason.most_common())}")
        print(f"  spans mostly inside relevant=1 paragraphs, by reason: {dict(rel_spans_in_relevant.most_common())}")

    print(f"\n{args.top} most common removed strings by reason:")
    for reason in sorted(by_reason_strings, key=lambda r: -by_reason_chars[r]):
        print(f"  [{reason}]")
        for string, n in by_reason_strings[reason].most_common(args.top):
            print(f"    {n:>4}  {string!r}")

    pool = in_relevant if args.in_relevant else spans
    pool = [s for s in pool if not args.reason or s[2] == args.reason]
    rng = random.Random(args.seed)
    print(f"\nrandom sample of {min(args.sample, len(pool))} removed spans (seed {args.seed}):")
    for corpus, source, reason, piece, (before, after) in rng.sample(pool, min(args.sample, len(pool))):
        print(f"  {corpus} {source} [{reason}]")
        print(f"    …{' '.join(before.split())[-50:]} ⟦{' '.join(piece.split())[:300]}⟧ {' '.join(after.split())[:50]}…")


if __name__ == "__main__":
    main()
