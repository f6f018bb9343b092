"""Score a brief against an annotated story.

An annotation (JSON, see ``tests/annotations/``) locates what a good brief must
contain by short *evidence strings*: exact substrings of a source's text.

```
{
  "story": "harbor-bridge",
  "copies": [["coastline-wire", "harbor-courier"]],        # syndication groups
  "boilerplate": {"harbor-courier": ["Source: Coastline Press"]},
  "consensus": [{"id": "closed", "independent_sources": 4,
                 "evidence": {"coastline-wire": "close the bridge", ...}}],
  "unique": [{"id": "tug-warning", "evidence": {"calden-daily": "had warned port officials"}}],
  "distinct": [["closed", "injured"]],                     # must not share one fact
  "conflicts": [{"kind": "number", "values": {"14": ["coastline-wire"], "17": ["northern-broadcast"]}}],
  "quotes": [{"contains": "stay closed until engineers", "speaker": "Elena Sørby",
              "speakers": {"coastline-wire": "Elena Sørby", "calden-daily": "Tomas Reyes"},
              "attribution_conflict": true}],
  "entities": [{"same": ["Elena Sørby", "Elena Sorby", "Sorby"]}],
  "distinct_entities": [["Tomas Reyes", "Elena Sørby"]],
  "timeline": [{"date": "2031-03-10", "contains": ["struck", "hit", "collision"]}],
  "off_topic": ["weather-roundup"]                         # sources about another event
}
```

``conflicts`` lists every real disagreement of the story (an editor's full list),
so ``dispute_precision`` can count a reported dispute that matches none of them
as a false alarm; ``off_topic`` lists every source that does not report the
story's event (absent: none). Both scores are defined in ``newsfold.eval_disputes``.

Scores are shares in [0, 1]; each is reported with the count it was computed on.
A brief fact *covers* an evidence string when one of its support spans in that
source overlaps where the string stands in the source text.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from .errors import InputError
from .eval_disputes import conflict_scores, off_topic_scores
from .model import Brief, source_roots
from .nlp.lexicon import HONORIFICS
from .nlp.names import clean_name
from .nlp.text import plain


def evaluate(annotation: dict, brief: Brief) -> dict[str, float]:
    """All scores for one brief; keys are stable (tests pin floors on them)."""
    texts = {a.id: a.text for a in brief.sources}
    located = _locate_all(annotation, texts)
    scores: dict[str, float] = {}
    scores.update(_copy_scores(annotation, brief))
    scores.update(_boilerplate_scores(annotation, brief, texts))
    scores.update(_fact_scores(annotation, brief, located))
    scores.update(_provenance_scores(brief))
    scores.update(conflict_scores(annotation, brief))
    scores.update(off_topic_scores(annotation, brief))
    scores.update(_quote_scores(annotation, brief))
    scores.update(_entity_scores(annotation, brief))
    scores.update(_timeline_scores(annotation, brief))
    return scores


def evaluate_path(annotation_path: str, brief_path: str | None = None) -> dict[str, float]:
    """``newsfold eval``: a brief JSON file, a folder of articles folded now, or
    (no path) the story the annotation's ``data`` block names."""
    from .pipeline import fold

    annotation = _load_json(annotation_path)
    if brief_path is None:
        return evaluate(annotation, fold(load_story(annotation, Path(annotation_path).parent)))
    target = Path(brief_path)
    if target.is_dir() or target.suffix.lower() not in (".json",):
        from .readers import read_inputs

        brief = fold(read_inputs([brief_path]).articles)
    else:
        from .render.json_out import brief_from_dict

        brief = brief_from_dict(_load_json(brief_path))
    return evaluate(annotation, brief)


def load_story(annotation: dict, annotation_dir: Path) -> list:
    """The articles an annotation's ``data`` block names.

    ``{"path": "examples/x"}``: a folder, relative to the repository (the
    annotation's grandparent folder); ``{"shared": "kosovo-2023-05-30"}``: a folder of
    ``../shared/data``; ``{"file": "giveme5w1h/dev.jsonl", "story": "..."}``: the
    records of one story in a JSONL file of ``../shared/data``.
    """
    from .readers import read_inputs
    from .readers.files import article_from_record

    data = annotation.get("data")
    if not data:
        raise InputError("the annotation has no data block; pass the brief or the story folder")
    repo = next((d for d in annotation_dir.resolve().parents if (d / "pyproject.toml").exists()),
                annotation_dir.resolve().parent.parent)
    shared = Path(os.environ.get("NEWSFOLD_SHARED_DATA", repo.parent / "shared" / "data"))
    if "path" in data:
        return read_inputs([str(repo / data["path"])]).articles
    if "shared" in data:
        return read_inputs([str(shared / data["shared"])]).articles
    rows = []
    with open(shared / data["file"], encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record.get("story") == data["story"]:
                rows.append(record)
    if not rows:
        raise InputError(f"no articles of story {data['story']!r} in {shared / data['file']}")
    # the same record reading as `newsfold brief file.jsonl` (dates, ids, fields)
    problems: list[str] = []
    origin = str(shared / data["file"])
    articles = [article_from_record(r, default_id=str(r.get("id")), origin=origin, where=origin, problems=problems)
                for r in rows]
    if problems:
        raise InputError(f"story {data['story']!r}: " + "; ".join(problems))
    return articles


def _load_json(path: str) -> dict:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError("no such file", where=path) from None
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON (line {exc.lineno}: {exc.msg})", where=path) from None


# --- locating annotated evidence --------------------------------------------


def _locate(text: str, needle: str) -> tuple[int, int] | None:
    at = text.find(needle)
    if at < 0:
        at = text.lower().find(needle.lower())  # same length, so offsets still hold
        if at < 0:
            return None
    return at, at + len(needle)


def _locate_all(annotation: dict, texts: dict[str, str]) -> dict[str, dict[str, tuple[int, int]]]:
    """fact id -> source -> (start, end); a string not found is an annotation error."""
    located: dict[str, dict[str, tuple[int, int]]] = {}
    for item in annotation.get("consensus", []) + annotation.get("unique", []):
        spans = {}
        for source, needle in item["evidence"].items():
            if source not in texts:
                raise InputError(f"annotation names source {source!r}, which the brief lacks")
            span = _locate(texts[source], needle)
            if span is None:
                raise InputError(f"annotation evidence {needle!r} not found in source {source}")
            spans[source] = span
        located[item["id"]] = spans
    return located


def _covering_facts(brief: Brief, source: str, span: tuple[int, int]) -> set[str]:
    start, end = span
    return {
        fact.id
        for fact in brief.facts
        for e in fact.support
        if e.source == source and e.start < end and start < e.end
    }


# --- scores -----------------------------------------------------------------


def _copy_scores(annotation: dict, brief: Brief) -> dict[str, float]:
    gold = {frozenset(pair) for group in annotation.get("copies", []) for pair in _pairs(group)}
    root = source_roots(brief.sources)
    found = {
        frozenset((a, b))
        for a in root
        for b in root
        if a < b and root[a] == root[b]
    }
    return {
        "copies_precision": _share(len(gold & found), len(found), empty=1.0),
        "copies_recall": _share(len(gold & found), len(gold), empty=1.0),
    }


def _boilerplate_scores(annotation: dict, brief: Brief, texts: dict[str, str]) -> dict[str, float]:
    removed_hits, total, leaked = 0, 0, 0
    for source, strings in annotation.get("boilerplate", {}).items():
        article = brief.source(source)
        for needle in strings:
            span = _locate(texts[source], needle)
            if span is None:
                raise InputError(f"annotation boilerplate {needle!r} not found in source {source}")
            total += 1
            start, end = span
            covered = sum(
                max(0, min(end, r.end) - max(start, r.start)) for r in article.removed
            )
            removed_hits += covered >= (end - start) * 0.9
            leaked += any(
                e.source == source and e.start < end and start < e.end
                for fact in brief.facts
                for e in fact.support
            )
    return {
        "boilerplate_removed": _share(removed_hits, total, empty=1.0),
        "boilerplate_kept_out_of_facts": 1.0 - _share(leaked, total, empty=0.0),
    }


def _fact_scores(annotation: dict, brief: Brief, located) -> dict[str, float]:
    by_id = {fact.id: fact for fact in brief.facts}
    consensus = annotation.get("consensus", [])
    grouped, counted, source_recall = 0, 0, 0.0
    for item in consensus:
        spans = located[item["id"]]
        per_source = [_covering_facts(brief, s, span) for s, span in spans.items()]
        common = set.intersection(*per_source) if per_source else set()
        # Best single fact: the one covering the most annotated sources.
        candidates = set().union(*per_source) if per_source else set()
        best = max(
            (sum(fid in covered for covered in per_source) for fid in candidates), default=0
        )
        source_recall += best / len(spans)
        if common:
            grouped += 1
            expected = item.get("independent_sources")
            fact = by_id[sorted(common)[0]]
            counted += fact.kind == "consensus" and (
                expected is None or fact.independent_sources == expected
            )
    unique_found = 0
    for item in annotation.get("unique", []):
        (source, span), = located[item["id"]].items()
        unique_found += any(by_id[f].kind == "unique" for f in _covering_facts(brief, source, span))
    merged, pairs = 0, 0
    for first, second in annotation.get("distinct", []):
        pairs += 1
        merged += _share_a_fact(brief, located[first], located[second])
    return {
        "consensus_grouped": _share(grouped, len(consensus), empty=1.0),
        "consensus_counted": _share(counted, len(consensus), empty=1.0),
        "consensus_source_recall": _share(source_recall, len(consensus), empty=1.0),
        "unique_found": _share(unique_found, len(annotation.get("unique", [])), empty=1.0),
        "distinct_kept_apart": 1.0 - _share(merged, pairs, empty=0.0),
    }


def _share_a_fact(brief: Brief, first: dict, second: dict) -> bool:
    """Two annotated facts share a fact when one brief fact covers both in the same source."""
    for source in set(first) & set(second):
        if (
            _covering_facts(brief, source, first[source]) & _covering_facts(brief, source, second[source])
            and first[source] != second[source]
        ):
            return True
    return False


def _provenance_scores(brief: Brief) -> dict[str, float]:
    """Every evidence span must lie inside its source and outside removed spans."""
    by_id = {a.id: a for a in brief.sources}
    spans = [e for f in brief.facts for e in f.support]
    spans += [e for c in brief.conflicts for v in c.values for e in v.support]
    spans += [e for q in brief.quotes for e in q.support]
    spans += [e for t in brief.timeline for e in t.support]
    valid = sum(
        e.source in by_id
        and 0 <= e.start < e.end <= len(by_id[e.source].text)
        and not by_id[e.source].is_removed(e.start, e.end)
        for e in spans
    )
    return {"evidence_valid": _share(valid, len(spans), empty=1.0)}


def _quote_scores(annotation: dict, brief: Brief) -> dict[str, float]:
    gold = annotation.get("quotes", [])
    found, speaker_right, per_source_right, per_source_total, attribution = 0, 0, 0, 0, 0
    attribution_total = 0
    for item in gold:
        quote = next((q for q in brief.quotes if _fold(item["contains"]) in _fold(q.text)), None)
        if item.get("attribution_conflict") is not None:
            attribution_total += 1
        if quote is None:
            per_source_total += len(item.get("speakers", {}))
            continue
        found += 1
        speaker_right += _same_name(quote.speaker, item.get("speaker"), brief)
        for source, speaker in item.get("speakers", {}).items():
            per_source_total += 1
            given = [e.speaker for e in quote.support if e.source == source]
            per_source_right += bool(given) and _same_name(given[0], speaker, brief)
        if item.get("attribution_conflict") is not None:
            has_conflict = any(
                c.kind == "attribution" and _quote_conflict_matches(c, quote, brief) for c in brief.conflicts
            )
            attribution += has_conflict == item["attribution_conflict"]
    return {
        "quotes_found": _share(found, len(gold), empty=1.0),
        "quote_speaker": _share(speaker_right, len(gold), empty=1.0),
        "quote_speaker_per_source": _share(per_source_right, per_source_total, empty=1.0),
        "attribution_conflicts": _share(attribution, attribution_total, empty=1.0),
    }


def _quote_conflict_matches(conflict, quote, brief: Brief) -> bool:
    quoted = {(e.source, e.start, e.end) for e in quote.support}
    spans = [(e.source, e.start, e.end) for v in conflict.values for e in v.support]
    return any(
        s == qs and start < qe and qs_start < end
        for s, start, end in spans
        for qs, qs_start, qe in quoted
    )


def _entity_scores(annotation: dict, brief: Brief) -> dict[str, float]:
    def holder(name: str):
        # as written, else without a title ("Mr Vell" is the alias "Vell"): the
        # brief lists cleaned names; nothing else is inferred here
        # (as a body too: "St Bevan's" is listed "St Bevan", its possessive dropped, its "St" kept)
        cleaned = [found[0] for label in ("PERSON", "ORG") if (found := clean_name(name, label))]
        keys = [_fold(name)] + [_fold(c) for c in cleaned]
        for key in keys:
            for index, entity in enumerate(brief.entities):
                if key == _fold(entity.name) or key in {_fold(a) for a in entity.aliases}:
                    return index
        return None

    same = annotation.get("entities", [])
    merged = sum(
        len({holder(name) for name in item["same"]}) == 1 and holder(item["same"][0]) is not None
        for item in same
    )
    distinct = annotation.get("distinct_entities", [])
    apart = sum(
        holder(a) is None or holder(b) is None or holder(a) != holder(b) for a, b in distinct
    )
    return {
        "entities_merged": _share(merged, len(same), empty=1.0),
        "entities_kept_apart": _share(apart, len(distinct), empty=1.0),
    }


def _timeline_scores(annotation: dict, brief: Brief) -> dict[str, float]:
    gold = annotation.get("timeline", [])
    texts = {a.id: a.text for a in brief.sources}
    found = 0
    for item in gold:
        words = [_fold(w) for w in item["contains"]]
        for event in brief.timeline:
            if event.date != item["date"]:
                continue
            haystack = _fold(event.text) + " " + " ".join(
                _fold(texts[e.source][e.start : e.end]) for e in event.support if e.source in texts
            )
            if any(word in haystack for word in words):
                found += 1
                break
    return {"timeline_found": _share(found, len(gold), empty=1.0)}


# --- helpers ----------------------------------------------------------------


def _pairs(group: list[str]):
    return [(a, b) for i, a in enumerate(group) for b in group[i + 1 :]]


def _share(part: float, whole: int, *, empty: float) -> float:
    return round(part / whole, 4) if whole else empty


def _fold(text: str | None) -> str:
    """Lower case without diacritics, whitespace folded: for lenient matching."""
    if text is None:
        return ""
    return " ".join(plain(text).split())


_ROLE_WORDS = {"spokesman", "spokeswoman", "spokesperson", "spokespeople", "representative", "official", "officials",
               "statement", "a", "an", "the", "said", "says"}


def _same_name(given: str | None, expected: str | None, brief: Brief | None = None) -> bool:
    """Whether two speaker names denote the same speaker.

    Equal after folding, the same surname, the same once role words and
    honorifics are set aside ("HTA spokesman" is the HTA speaking, "Mr Vo"
    is Vo), or two aliases of one entity of
    the brief ("HTA" and "Harbor Transit Authority" when the text ties them).
    """
    if expected is None or given is None:
        return given is None and expected is None
    given_f, expected_f = _fold(given), _fold(expected)
    if given_f == expected_f or given_f.split()[-1:] == expected_f.split()[-1:]:
        return True
    given_core = " ".join(w for w in given_f.split() if w not in _ROLE_WORDS and w not in HONORIFICS)
    expected_core = " ".join(w for w in expected_f.split() if w not in _ROLE_WORDS and w not in HONORIFICS)
    if given_core and given_core == expected_core:
        return True
    for entity in brief.entities if brief else []:
        names = {_fold(entity.name)} | {_fold(alias) for alias in entity.aliases}
        if {given_core, expected_core} <= names:
            return True
    return False
