#!/usr/bin/env python
"""Score boilerplate (and off-topic) removal against NEWSCOPE paragraph relevance labels.

    python scripts/eval_labels.py [--split dev|heldout|all] [--off-topic] [--errors] [--json] [FILE]

Cleans every labelled article of ``newscope_localnews/dev.jsonl`` (or FILE) and
prints irrelevant paragraphs removed (recall), relevant characters kept and
the precision of removals, for one half of the stories (``--split``, default
dev; score ``heldout`` only at the end). ``--off-topic`` also prepares each
story (clean, split, copies, relevance) and scores the off-topic flags against
articles whose every paragraph is labelled irrelevant. ``--errors`` lists,
for error analysis, the relevant paragraphs removed (by the reasons of the
spans that removed them) and the short irrelevant paragraphs left in. See
``newsfold.eval_labels`` for the definitions.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from newsfold.eval_labels import (
    REMOVED_SHARE,
    article_of,
    off_topic_truth,
    paragraph_spans,
    score_cleaning,
    score_off_topic,
    split_of,
)
from newsfold.stages.clean import clean

SHARED = Path(os.environ.get("NEWSFOLD_SHARED_DATA", REPO.parent / "shared" / "data"))
DEFAULT = SHARED / "newscope_localnews" / "dev.jsonl"


def _off_topic(records: list[dict]) -> dict[str, float]:
    from newsfold.pipeline import prepare

    stories: dict[str, list[dict]] = defaultdict(list)
    for record in records:
        stories[record["story"]].append(record)
    flagged: set[str] = set()
    for rows in stories.values():
        ctx = prepare([article_of(r) for r in rows])
        flagged.update(a.id for a in ctx.articles if a.off_topic)
    return score_off_topic(off_topic_truth(records), flagged)


def _errors(records: list[dict]) -> None:
    """Relevant paragraphs removed, by reason; short irrelevant ones kept (mixed articles)."""
    lost: dict[str, list[str]] = defaultdict(list)
    kept: list[str] = []
    for record in records:
        article = article_of(record)
        spans = paragraph_spans(article.text, (record.get("labels") or {}).get("paragraphs") or [])
        if not spans or not any(p.relevant for p in spans):
            continue
        removed = clean(article).removed
        for paragraph in spans:
            solid = [i for i in range(paragraph.start, paragraph.end) if not article.text[i].isspace()]
            gone = sum(any(r.start <= i < r.end for r in removed) for i in solid)
            text = " ".join(article.text[paragraph.start:paragraph.end].split())
            if paragraph.relevant and solid and gone >= REMOVED_SHARE * len(solid):
                reasons = sorted({r.reason for r in removed if r.start < paragraph.end and paragraph.start < r.end})
                lost["+".join(reasons)].append(f"{record['id']}: {text[:160]}")
            elif not paragraph.relevant and not gone and len(text.split()) <= 25:
                kept.append(f"{record['id']}: {text[:160]}")
    print(f"relevant paragraphs removed: {sum(map(len, lost.values()))}")
    for reason, rows in sorted(lost.items(), key=lambda item: -len(item[1])):
        print(f"  [{reason}] {len(rows)}")
        for row in rows:
            print(f"    {row}")
    print(f"short irrelevant paragraphs kept: {len(kept)}")
    for row in kept:
        print(f"    {row}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--split", choices=["dev", "heldout", "all"], default="dev")
    parser.add_argument("--off-topic", action="store_true", help="also fold stories and score off-topic flags")
    parser.add_argument("--errors", action="store_true", help="list removed relevant and kept irrelevant paragraphs")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not args.file.exists():
        sys.exit(f"{args.file} is missing: the shared data is not here")
    with open(args.file, encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle]
    records = [r for r in records if args.split == "all" or split_of(r) == args.split]
    if args.errors:
        _errors(records)
    scores = score_cleaning(records, clean)
    if args.off_topic:
        scores.update(_off_topic(records))
    if args.json:
        print(json.dumps(scores, indent=2))
        return
    print(f"split {args.split}: {len({r['story'] for r in records})} stories")
    for key, value in scores.items():
        print(f"  {key:<22} {value:.3f}" if value <= 1 else f"  {key:<22} {value:.0f}")


if __name__ == "__main__":
    main()
