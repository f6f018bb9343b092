#!/usr/bin/env python
"""Print why the facts an annotation expects as one consensus fact are not grouped.

    python scripts/audit_grouping.py [--half A|B] [--invented] [ANNOTATION ...]

For each annotated dev story of the half (``newsfold.eval_speakers.half_of`` on
the annotation's story name; read misses on half A only, B checks a fix), or
of the invented stories with --invented, and for each ``consensus`` item that
no single fact covers in every annotated source: each source's units over the
evidence, the groups they fell into, and for the units left out of the group
that covers most sources, their average and best pair score to that group and
whether their source is in it already. Then the pair scores between the
evidence units of different sources against the join level. Held-out
annotations are never read.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from newsfold.errors import NewsfoldError
from newsfold.eval import _locate, load_story
from newsfold.eval_speakers import half_of
from newsfold.pipeline import prepare
from newsfold.stages.facts.clusters import _JOIN
from newsfold.stages.facts.group import Grouping, group_units

INVENTED_DATA = "path"  # the invented stories live in the repository, not in ../shared


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("annotations", nargs="*", type=Path)
    parser.add_argument("--half", choices=["A", "B"], default="A")
    parser.add_argument("--invented", action="store_true", help="the invented stories instead of a half")
    args = parser.parse_args()
    paths = args.annotations or sorted((REPO / "tests" / "annotations").glob("*.json"))
    for path in paths:
        annotation = json.loads(path.read_text(encoding="utf-8"))
        invented = INVENTED_DATA in annotation.get("data", {})
        if invented != args.invented or (not invented and half_of(annotation["story"]) != args.half):
            continue
        try:
            articles = load_story(annotation, path.parent)
        except (NewsfoldError, OSError) as exc:
            print(f"skipped {path.name}: {exc}", file=sys.stderr)
            continue
        grouping = group_units(prepare(articles))
        if grouping is not None:
            print(f"=== {path.stem}")
            texts = {a.id: a.text for a in articles}
            for item in annotation.get("consensus", []):
                _audit_item(item, texts, grouping)


def _audit_item(item: dict, texts: dict[str, str], grouping: Grouping) -> None:
    units, scores, groups = grouping.units, grouping.scores, grouping.groups
    group_of: dict[int, set[int]] = {}
    for number, group in enumerate(groups):
        for index in group:
            group_of.setdefault(index, set()).add(number)
    evidence: dict[str, list[int]] = {}
    for source, needle in item["evidence"].items():
        start, end = _locate(texts[source], needle) or (0, 0)
        evidence[source] = [i for i, u in enumerate(units) if u.source == source and u.start < end and start < u.end]
    covering = [set().union(*(group_of.get(i, set()) for i in ids)) for ids in evidence.values()]
    if not covering or set.intersection(*covering):
        return
    best = max(set().union(*covering), key=lambda g: (sum(g in c for c in covering), len(groups[g])), default=None)
    print(f"--- {item['id']} (expected {item.get('independent_sources')} independent sources)")
    for source, ids in evidence.items():
        for index in ids:
            print(f"  [{index}] {source} groups {sorted(group_of.get(index, set()))}: {units[index].text[:160]}")
            if best is not None and best not in group_of.get(index, set()):
                others = [j for j in groups[best] if units[j].source != source]
                told = any(units[j].source == source for j in groups[best])
                if others:
                    print(f"      to group {best}: average {scores[index, others].mean():.3f}, "
                          f"best {scores[index, others].max():.3f}, source there already: {told}")
    flat = [(source, i) for source, ids in evidence.items() for i in ids]
    for position, (first_source, first) in enumerate(flat):
        for second_source, second in flat[position + 1 :]:
            if first_source != second_source:
                mark = "joins" if scores[first, second] >= _JOIN else "below"
                print(f"    [{first}]-[{second}] {scores[first, second]:.3f} ({mark} {_JOIN})")


if __name__ == "__main__":
    main()
