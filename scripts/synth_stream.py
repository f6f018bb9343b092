#!/usr/bin/env python
"""A long synthetic article stream, generated from the shared dev articles.

The stream is cut into *epochs*. Each epoch draws as many articles as the base
has, with replacement (a seeded random draw, nothing picked by hand), keeps
them in the base's publication order and starts the epoch ``EPOCH_GAP_DAYS``
(the clusterer's window and two weeks) after the previous one's last possible
day, so a story never spans
epochs and the active set stays the size of one epoch. Every drawn article
gets a new id and a perturbed copy of its title and text, as another outlet's
version of the same report would be:

- title: one word dropped, two neighbours swapped, and/or a content word of
  the article's own lead inserted (so titles rarely repeat and each one is
  embedded afresh, as cold as a real stream);
- text: one paragraph after the first dropped, sometimes.

Generated lazily (a generator), so a million-article stream takes no memory.
Nothing is written into the repository: ``--out /tmp/FILE.jsonl`` writes JSONL
for the CLI (``newsfold cluster /tmp/FILE.jsonl``).

    python scripts/synth_stream.py --n 10000 --out /tmp/nf-synth-10k.jsonl
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from newsfold.model import Article
from newsfold.stream.scoring import Params

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
FILES = ("newscope_localnews/dev.jsonl", "giveme5w1h/dev.jsonl")
# Clipping keeps a million articles inside the calendar (year 9999) while each
# epoch still spreads its stories over weeks, as a real stream does.
MAX_OFFSET_DAYS = 45
# Past the clusterer's window: an epoch's stories are evicted before the next begins.
EPOCH_GAP_DAYS = Params().window_days + 15
_LEAD_WORD = re.compile(r"\b[a-z]{5,}\b")


def load_base(data: Path = SHARED) -> list[Article]:
    """The dev articles in publication order, each with its day offset in its own file
    (days after the file's 5th-percentile date, clipped to 0..MAX_OFFSET_DAYS)."""
    base = []
    for name in FILES:
        path = data / name
        if not path.exists():
            continue
        articles = []
        for line in path.open(encoding="utf-8"):
            record = json.loads(line)
            articles.append(Article(id=record["id"], title=record.get("title"), text=record.get("text") or "",
                                    published=record.get("published")))
        days = sorted(date.fromisoformat(a.published[:10]) for a in articles if a.published)
        first = days[len(days) // 20]
        for article in articles:
            offset = (date.fromisoformat(article.published[:10]) - first).days if article.published else 0
            article.extra["offset"] = min(max(0, offset), MAX_OFFSET_DAYS)
        base.extend(articles)
    if not base:
        sys.exit(f"no shared data under {data}; pass --data")
    return sorted(base, key=lambda a: (a.extra["offset"], a.published or "", a.id))


def perturb_title(title: str, lead: str, rng: random.Random) -> str:
    words = title.split()
    if len(words) > 4 and rng.random() < 0.5:
        del words[rng.randrange(1, len(words))]
    if len(words) > 2 and rng.random() < 0.5:
        i = rng.randrange(len(words) - 1)
        words[i], words[i + 1] = words[i + 1], words[i]
    candidates = _LEAD_WORD.findall(lead[:400])
    if candidates and rng.random() < 0.7:
        words.insert(rng.randrange(len(words) + 1), rng.choice(candidates))
    return " ".join(words)


def perturb_text(text: str, rng: random.Random) -> str:
    paragraphs = text.split("\n")
    if len(paragraphs) > 2 and rng.random() < 0.5:
        del paragraphs[rng.randrange(1, len(paragraphs))]
    return "\n".join(paragraphs)


def generate(base: list[Article], n: int, seed: int = 0) -> Iterator[Article]:
    """``n`` perturbed articles in publication order, lazily."""
    rng = random.Random(seed)
    span = max(a.extra["offset"] for a in base) + EPOCH_GAP_DAYS
    origin = date(2030, 1, 1)
    produced = 0
    epoch = 0
    while produced < n:
        drawn = sorted(rng.randrange(len(base)) for _ in range(min(len(base), n - produced)))
        for k in drawn:
            source = base[k]
            day = origin + timedelta(days=epoch * span + source.extra["offset"])
            title = perturb_title(source.title, source.text, rng) if source.title else None
            yield Article(id=f"syn{produced}", title=title, text=perturb_text(source.text, rng),
                          published=day.isoformat())
            produced += 1
        epoch += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, required=True, help="a JSONL file outside the repository, e.g. under /tmp")
    parser.add_argument("--data", type=Path, default=SHARED)
    args = parser.parse_args()
    base = load_base(args.data)
    with args.out.open("w", encoding="utf-8") as handle:
        for article in generate(base, args.n, args.seed):
            handle.write(json.dumps({"id": article.id, "title": article.title, "text": article.text,
                                     "published": article.published}) + "\n")


if __name__ == "__main__":
    main()
