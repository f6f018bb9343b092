#!/usr/bin/env python
"""Score ``newsfold summarize --words 100`` on the annotated dev stories, with a plain LexRank beside it.

    python scripts/eval_summarize.py [--words 100] [--json] [ANNOTATION ...]

The reference of a story is its annotated consensus facts (what at least two
independent sources state, tests/annotations/*.json; never heldout/). Each
fact has one locator per source; a summary covers a fact as well as it covers
the best of them:

- rouge1: the share of the locator's content words (lower case, stop words
  out) found in the summary, averaged over the facts (ROUGE-1 recall);
- rouge2: the same for the locator's word bigrams (ROUGE-2 recall);
- covered: the share of facts with rouge1 >= 0.75 (the fact is in the summary).

Every summary has the same word budget, so recall alone is fair between
summarizers. The command is run as a user runs it (``newsfold.cli.main``), so
``PYTHONPATH=/other/tree/src`` scores another tree the same way.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import json
import re
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "data"
sys.path.insert(0, str(REPO / "scripts"))

from bench_fold import lexrank  # a script beside this one

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_STOP = frozenset(
    "a an the of to in on at by for from with and or but as is are was were be been has have had "
    "that this these those it its he she they them his her their will would said says".split()
)
_COVERED = 0.75


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def fact_recall(locators: list[str], summary: str) -> tuple[float, float]:
    """(unigram, bigram) recall of the best-covered locator of one fact."""
    said = _words(summary)
    unigrams, bigrams = set(said), set(zip(said, said[1:]))
    best1 = best2 = 0.0
    for locator in locators:
        words = _words(locator)
        content = {w for w in words if w not in _STOP}
        pairs = set(zip(words, words[1:]))
        if content:
            best1 = max(best1, len(content & unigrams) / len(content))
        if pairs:
            best2 = max(best2, len(pairs & bigrams) / len(pairs))
    return best1, best2


def score(annotation: dict, summary: str) -> dict[str, float]:
    facts = [list(fact["evidence"].values()) for fact in annotation.get("consensus", [])]
    recalls = [fact_recall(locators, summary) for locators in facts]
    if not recalls:
        return {"rouge1": 0.0, "rouge2": 0.0, "covered": 0.0}
    return {
        "rouge1": sum(r[0] for r in recalls) / len(recalls),
        "rouge2": sum(r[1] for r in recalls) / len(recalls),
        "covered": sum(r[0] >= _COVERED for r in recalls) / len(recalls),
    }


def _story_inputs(annotation: dict, folder: Path) -> tuple[list[str], list[str]]:
    """(paths to pass to ``newsfold summarize``, the article texts for LexRank)."""
    data = annotation["data"]
    if "path" in data:
        target = REPO / data["path"]
    elif "shared" in data:
        target = SHARED / data["shared"]
    else:
        rows = [json.loads(line) for line in (SHARED / data["file"]).open(encoding="utf-8")]
        rows = [r for r in rows if r.get("story") == data["story"]]
        target = folder / "story.jsonl"
        target.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        return [str(target)], [r.get("text") or "" for r in rows]
    if not target.exists():
        raise FileNotFoundError(target)
    texts = [p.read_text(encoding="utf-8") for p in sorted(target.iterdir()) if p.suffix in {".txt", ".md"}]
    return [str(target)], texts


def summarize_with_cli(paths: list[str], words: int) -> str:
    from newsfold import cli

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        cli.main(["summarize", *paths, "--words", str(words), "-q"])
    return out.getvalue().strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("annotations", nargs="*", type=Path)
    parser.add_argument("--words", type=int, default=100)
    parser.add_argument("--json", action="store_true", help="print the scores and summaries as JSON")
    args = parser.parse_args()
    paths = args.annotations or sorted((REPO / "tests" / "annotations").glob("*.json"))
    table: dict[str, dict] = {}
    for path in paths:
        annotation = json.loads(path.read_text(encoding="utf-8"))
        with tempfile.TemporaryDirectory() as folder:
            try:
                inputs, texts = _story_inputs(annotation, Path(folder))
            except (OSError, KeyError) as exc:
                print(f"skipped {path.name}: {exc}", file=sys.stderr)
                continue
            started = time.perf_counter()
            summary = summarize_with_cli(inputs, args.words)
            seconds = time.perf_counter() - started
        baseline = lexrank(texts, words=args.words)
        table[path.stem] = {"newsfold": score(annotation, summary), "lexrank": score(annotation, baseline),
                            "summary": summary}
        print(f"{path.stem}: {seconds:.1f} s", file=sys.stderr)
    if args.json:
        print(json.dumps(table, indent=2, ensure_ascii=False))
        return
    print(f"{'story':<34}{'rouge1':>8}{'rouge2':>8}{'covered':>9}   lexrank: {'r1':>6}{'r2':>6}{'cov':>6}")
    for name, row in table.items():
        ours, base = row["newsfold"], row["lexrank"]
        print(f"{name[:33]:<34}{ours['rouge1']:>8.3f}{ours['rouge2']:>8.3f}{ours['covered']:>9.3f}"
              f"   {'':>9}{base['rouge1']:>6.3f}{base['rouge2']:>6.3f}{base['covered']:>6.3f}")
    for key in ("rouge1", "rouge2", "covered"):
        ours = sum(r["newsfold"][key] for r in table.values()) / max(len(table), 1)
        base = sum(r["lexrank"][key] for r in table.values()) / max(len(table), 1)
        print(f"mean {key:<10} newsfold {ours:.3f}   lexrank {base:.3f}")


if __name__ == "__main__":
    main()
