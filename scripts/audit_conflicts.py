#!/usr/bin/env python
"""Print every number and attribution conflict the pipeline finds on unannotated stories.

    python scripts/audit_conflicts.py [--max-stories 25] [--seed 0] [--kinds number,attribution]
                                      [--min-articles 3] [--max-articles 12] [--data DIR] [FILE ...]

For a human to judge precision: each conflict is printed with its topic, every
value, and for each value the source and the sentence (number conflicts) or the
quote with the words around it (attribution conflicts). Stories come from the
JSONL files of ../shared/data (``newscope_localnews/dev.jsonl`` and
``giveme5w1h/dev.jsonl`` unless FILEs are given), grouped by their ``story``
field; stories with between --min-articles and --max-articles articles are
kept, and at most --max-stories of them are drawn (seeded, so runs repeat).
Ends with a count of conflicts per kind.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from newsfold.model import Article
from newsfold.pipeline import fold

DEFAULT_FILES = ("newscope_localnews/dev.jsonl", "giveme5w1h/dev.jsonl")
CONTEXT_CHARS = 120


def load_stories(paths: list[Path]) -> dict[str, list[Article]]:
    stories: dict[str, list[Article]] = defaultdict(list)
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    r = json.loads(line)
                except json.JSONDecodeError as exc:
                    print(f"{path}:{number}: not JSON ({exc.msg}); line skipped", file=sys.stderr)
                    continue
                if not r.get("story") or not r.get("text"):
                    continue
                stories[f"{path.parent.name}/{r['story']}"].append(Article(
                    id=r["id"], text=r["text"], title=r.get("title"), outlet=r.get("outlet"),
                    published=(r.get("published") or "")[:10] or None,
                    published_from="metadata" if r.get("published") else None, url=r.get("url")))
    return stories


def _one_line(text: str) -> str:
    return " ".join(text.split())


def show(conflict, texts: dict[str, str]) -> None:
    print(f"  [{conflict.id}] {conflict.kind}: {conflict.topic}")
    for value in conflict.values:
        print(f"    = {value.value!r}")
        for ev in value.support:
            text = texts[ev.source]
            if conflict.kind == "number":
                shown = _one_line(text[ev.start:ev.end])
            else:
                before = _one_line(text[max(0, ev.start - CONTEXT_CHARS):ev.start])
                after = _one_line(text[ev.end:ev.end + CONTEXT_CHARS])
                shown = f"…{before} [[{_one_line(text[ev.start:ev.end])}]] {after}…"
            speaker = f" (speaker: {ev.speaker})" if conflict.kind == "attribution" else ""
            print(f"      - {ev.source}{speaker}: {shown}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--data", type=Path,
                        default=Path(os.environ.get("NEWSFOLD_SHARED_DATA", REPO.parent / "shared" / "data")))
    parser.add_argument("--max-stories", type=int, default=25)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--min-articles", type=int, default=3)
    parser.add_argument("--max-articles", type=int, default=12)
    parser.add_argument("--kinds", default="number,attribution",
                        help="comma-separated conflict kinds to print")
    args = parser.parse_args()
    paths = args.files or [args.data / f for f in DEFAULT_FILES]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        sys.exit(f"audit_conflicts: no such file: {', '.join(missing)} (pass JSONL files or --data)")
    kinds = {k.strip() for k in args.kinds.split(",") if k.strip()}
    stories = load_stories(paths)
    eligible = sorted(s for s, arts in stories.items()
                      if args.min_articles <= len(arts) <= args.max_articles)
    chosen = sorted(random.Random(args.seed).sample(eligible, min(args.max_stories, len(eligible))))
    print(f"{len(eligible)} stories with {args.min_articles}-{args.max_articles} articles; "
          f"auditing {len(chosen)} (seed {args.seed})\n")
    totals: Counter[str] = Counter()
    for story in chosen:
        started = time.perf_counter()
        brief = fold(stories[story])
        texts = {a.id: a.text for a in brief.sources}
        shown = [c for c in brief.conflicts if c.kind in kinds]
        print(f"== {story}: {len(brief.sources)} articles, {len(shown)} conflicts "
              f"({time.perf_counter() - started:.1f} s)")
        for conflict in shown:
            totals[conflict.kind] += 1
            show(conflict, texts)
        print()
    print("conflicts shown: " + (", ".join(f"{k} {n}" for k, n in sorted(totals.items())) or "none"))


if __name__ == "__main__":
    main()
