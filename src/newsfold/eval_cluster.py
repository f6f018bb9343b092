"""Scoring story clusterings against gold stories, with a baseline in the same run.

``evaluate(gold, predicted)`` gives B-cubed precision / recall / F1 (Bagga &
Baldwin 1998, averaged over articles) and the adjusted Rand index.

``cluster_errors(gold, predicted)`` lists what a clustering gets wrong (each
split gold story, each mixed predicted story, with its B3 cost), and
``half_of_the_stories``, ``later_half_delayed`` and ``stories_moved_apart``
make probes of a gold file.

``run(path)`` reads a JSONL file whose records carry a gold ``story``, groups
the articles with :func:`newsfold.stream.cluster.cluster_articles` and with the
reference baseline (TF-IDF of title + first 500 characters, cosine distance,
average-linkage agglomerative clustering), and scores both. The baseline's
distance threshold is swept on the same file and the best one is reported:
an *oracle* baseline, which our single, fixed parameter set must beat.
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .model import Article

BASELINE_THRESHOLDS = tuple(round(0.50 + 0.01 * i, 2) for i in range(50))


def evaluate(gold: dict[str, str], predicted: dict[str, str]) -> dict:
    """B-cubed P/R/F1 and ARI over the articles present in ``gold``.

    An article missing from ``predicted`` counts as a singleton.
    """
    from sklearn.metrics import adjusted_rand_score

    ids = sorted(gold)
    if not ids:
        raise ValueError("no gold articles to score")
    pred = {i: predicted.get(i, f"\0singleton:{i}") for i in ids}
    gold_sizes = Counter(gold[i] for i in ids)
    pred_sizes = Counter(pred[i] for i in ids)
    joint = Counter((gold[i], pred[i]) for i in ids)
    precision = sum(joint[(gold[i], pred[i])] / pred_sizes[pred[i]] for i in ids) / len(ids)
    recall = sum(joint[(gold[i], pred[i])] / gold_sizes[gold[i]] for i in ids) / len(ids)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    ari = adjusted_rand_score([gold[i] for i in ids], [pred[i] for i in ids])
    return {
        "b3_precision": precision,
        "b3_recall": recall,
        "b3_f1": f1,
        "ari": float(ari),
        "articles": len(ids),
        "gold_stories": len(gold_sizes),
        "predicted_stories": len(pred_sizes),
    }


def read_gold(path: str | Path) -> tuple[list[Article], dict[str, str]]:
    """Articles and their gold ``story`` from a JSONL file."""
    articles, gold = [], {}
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError("no such file; give a JSONL file of articles with a gold 'story' field", where=str(path)) from None
    except IsADirectoryError:
        raise InputError("is a folder; give a JSONL file of articles with a gold 'story' field", where=str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read it ({exc.strerror})", where=str(path)) from None
    for number, raw in enumerate(data.splitlines(), 1):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise InputError("not UTF-8 text; save the file as UTF-8", where=f"{path}:{number}") from None
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"not JSON ({exc.msg})", where=f"{path}:{number}") from exc
        article_id = str(record.get("id") or number)
        articles.append(
            Article(
                id=article_id,
                text=record.get("text") or "",
                title=record.get("title"),
                outlet=record.get("outlet"),
                published=(record.get("published") or None),
                url=record.get("url"),
            )
        )
        if record.get("story") is None:
            raise InputError("no gold 'story' field", where=f"{path}:{number}")
        gold[article_id] = str(record["story"])
    return articles, gold


def later_half_delayed(articles: list[Article], gold: dict[str, str], days: int) -> list[Article]:
    """``articles`` with the later half of every gold story (by date, then id) published ``days`` later.

    A robustness probe for follow-ups: a story told again weeks after it broke
    (charged, then sentenced) should still be one story. The texts are
    unchanged, so only the time evidence differs from the original file; the
    other stories do not move. Undated articles stay undated.
    """
    from dataclasses import replace
    from datetime import date, timedelta

    by_story: dict[str, list[Article]] = {}
    for article in articles:
        by_story.setdefault(gold[article.id], []).append(article)
    moved: dict[str, Article] = {}
    for members in by_story.values():
        members = sorted(members, key=lambda a: (a.published or "", a.id))
        for article in members[len(members) // 2 :]:
            if article.published and days:
                later = date.fromisoformat(article.published[:10]) + timedelta(days=days)
                moved[article.id] = replace(article, published=later.isoformat())
    return [moved.get(a.id, a) for a in articles]


def stories_moved_apart(articles: list[Article], gold: dict[str, str], days: int, seed: int) -> list[Article]:
    """``articles`` with every gold story moved by its own random offset of 0 to ``days - 1`` days.

    A probe for the story window's price: stories that were told in the same
    weeks drift apart, so a short window separates some of them for free and
    a long one leaves that to the content. Each story keeps its own spacing;
    ``seed`` picks the offsets. Undated articles stay undated.
    """
    import random
    from dataclasses import replace
    from datetime import date, timedelta

    rng = random.Random(seed)
    offset = {story: rng.randrange(days) for story in sorted(set(gold.values()))} if days > 0 else {}
    moved = []
    for article in articles:
        shift = offset.get(gold[article.id], 0)
        if article.published and shift:
            later = date.fromisoformat(article.published[:10]) + timedelta(days=shift)
            article = replace(article, published=later.isoformat())
        moved.append(article)
    return moved


def half_of_the_stories(articles: list[Article], gold: dict[str, str], seed: int) -> list[Article]:
    """The articles of a random half of the gold stories (``seed`` picks which), in input order.

    An over-tuning probe: a parameter set fitted to one file's stories should
    score about as well on a different set of stories, as on a held-out file.
    The same seed picks the same stories, so two settings compare on the same halves.
    """
    import random

    stories = sorted({gold[a.id] for a in articles})
    kept = set(random.Random(seed).sample(stories, len(stories) // 2))
    return [a for a in articles if gold[a.id] in kept]


@dataclass(frozen=True)
class ClusterError:
    """One gold story split over predicted stories, or one predicted story mixing gold stories."""

    kind: str  # "split" (``story`` is gold, ``parts`` predicted) or "merge" (``story`` is predicted, ``parts`` gold)
    story: str
    parts: tuple[tuple[str, tuple[str, ...]], ...]  # (story, article ids), largest part first
    loss: float  # the share of B3 recall (split) or precision (merge) that it costs


def cluster_errors(gold: dict[str, str], predicted: dict[str, str]) -> list[ClusterError]:
    """Every split gold story and every mixed predicted story, costliest first.

    A split's ``loss`` is what its articles take off B3 recall, a merge's what
    they take off B3 precision, so recall is 1 minus the splits' losses and
    precision 1 minus the merges' (the articles scored as in :func:`evaluate`).
    """
    ids = sorted(gold)
    pred = {i: predicted.get(i, f"\0singleton:{i}") for i in ids}
    errors = []
    for kind, outer, inner in (("split", gold, pred), ("merge", pred, gold)):
        groups: dict[str, dict[str, list[str]]] = {}
        for i in ids:
            groups.setdefault(outer[i], {}).setdefault(inner[i], []).append(i)
        for story, parts in groups.items():
            if len(parts) < 2:
                continue
            size = sum(len(members) for members in parts.values())
            loss = sum(len(m) * (1 - len(m) / size) for m in parts.values()) / len(ids)
            ordered = sorted(parts.items(), key=lambda part: (-len(part[1]), part[0]))
            errors.append(ClusterError(kind, story, tuple((p, tuple(m)) for p, m in ordered), loss))
    return sorted(errors, key=lambda e: (-e.loss, e.kind, e.story))


def baseline_clusters(articles: list[Article], threshold: float) -> dict[str, str]:
    """TF-IDF (title + first 500 chars), cosine, average-linkage agglomerative."""
    labels = _baseline_labels(_baseline_distances(articles), threshold)
    return {a.id: f"b{label}" for a, label in zip(articles, labels)}


def _baseline_distances(articles: list[Article]):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_distances

    texts = [f"{a.title or ''}\n{a.text[:500]}" for a in articles]
    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
    return cosine_distances(matrix)


def _baseline_labels(distances, threshold: float):
    from sklearn.cluster import AgglomerativeClustering

    if len(distances) < 2:
        return [0] * len(distances)
    model = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=threshold
    )
    return model.fit_predict(distances)


def tuned_baseline(articles: list[Article], gold: dict[str, str]) -> tuple[float, dict]:
    """The baseline at its best threshold on this very file (an oracle)."""
    distances = _baseline_distances(articles)

    def scores(threshold: float) -> dict:
        labels = _baseline_labels(distances, threshold)
        return evaluate(gold, {a.id: f"b{label}" for a, label in zip(articles, labels)})

    results = [(threshold, scores(threshold)) for threshold in BASELINE_THRESHOLDS]
    return max(results, key=lambda result: result[1]["b3_f1"])  # the first of equals, as before


def run(path: str | Path, *, embedder="minilm", executor="local", scheduler=None) -> dict:
    """Score our clusterer and the tuned baseline on ``path``; returns both."""
    from .stream.cluster import cluster_articles

    articles, gold = read_gold(path)
    ours = evaluate(gold, dict(cluster_articles(articles, embedder=embedder, executor=executor, scheduler=scheduler)))
    threshold, base = tuned_baseline(articles, gold)
    return {"file": str(path), "newsfold": ours, "baseline": base, "baseline_threshold": threshold}


def format_report(result: dict) -> str:
    rows = [f"{result['file']}: {result['newsfold']['articles']} articles, {result['newsfold']['gold_stories']} gold stories"]
    rows.append(f"{'method':<44} {'stories':>7} {'B3-P':>6} {'B3-R':>6} {'B3-F1':>6} {'ARI':>6}")
    label = f"baseline tfidf+avg-link (t={result['baseline_threshold']:.2f}, tuned here)"
    for name, scores in (("newsfold online clusterer", result["newsfold"]), (label, result["baseline"])):
        rows.append(
            f"{name:<44} {scores['predicted_stories']:>7} {scores['b3_precision']:>6.3f} "
            f"{scores['b3_recall']:>6.3f} {scores['b3_f1']:>6.3f} {scores['ari']:>6.3f}"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    """``python -m newsfold.eval_cluster FILE.jsonl [--embedder NAME] [--executor NAME]``."""
    import argparse

    parser = argparse.ArgumentParser(prog="newsfold eval-cluster", description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+")
    parser.add_argument("--embedder", default="minilm")
    parser.add_argument("--executor", default="local")
    parser.add_argument("--scheduler")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    results = [run(f, embedder=args.embedder, executor=args.executor, scheduler=args.scheduler) for f in args.files]
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print("\n\n".join(format_report(r) for r in results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
