#!/usr/bin/env python
"""Measure how well HTML pages are read: main text kept, boilerplate kept out, metadata right.

Reads every ``*.expected.json`` in a folder (default ``tests/data/web``). Each names
a saved ``page`` and lists ``keep`` (main-text paragraphs), ``drop`` (boilerplate
strings: nav, cookie banner, related links, comments, footer, captions, promos)
and ``metadata`` (title, outlet, author, published; null = must be absent).

Scores, per page and over all pages:

* ``recall``: main-text characters recovered / main-text characters. A paragraph
  found whole counts in full; otherwise the runs of at least 12 characters it
  shares with the extracted text count.
* ``boilerplate_out``: share of ``drop`` strings absent from the extracted text.
* ``metadata``: share of metadata fields equal to the annotation.

    python scripts/eval_extraction.py [FOLDER] [--json] [--baseline]

tests/test_html.py pins floors on these numbers.
"""
from __future__ import annotations

import argparse
import json
import sys
from difflib import SequenceMatcher
from pathlib import Path

MIN_RUN = 12
DEFAULT_DIR = Path(__file__).resolve().parent.parent / "tests" / "data" / "web"


def recovered_chars(paragraph: str, text: str) -> int:
    """Characters of ``paragraph`` found in ``text`` (whole, else in runs >= MIN_RUN)."""
    if paragraph in text:
        return len(paragraph)
    matcher = SequenceMatcher(None, paragraph, text, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks() if block.size >= MIN_RUN)


def score_page(expected: dict, article) -> dict:
    """Scores of one extracted article against its annotation."""
    text = " ".join(article.text.split())
    keep = [" ".join(p.split()) for p in expected["keep"]]
    total = sum(map(len, keep))
    found = sum(recovered_chars(p, text) for p in keep)
    folded = text.casefold()
    leaked = [s for s in expected["drop"] if s.casefold() in folded]
    fields = expected.get("metadata", {})
    wrong = {k: getattr(article, k) for k, v in fields.items() if getattr(article, k) != v}
    return {
        "page": expected["page"],
        "method": article.extra.get("extraction"),
        "main_chars": total,
        "recovered_chars": found,
        "recall": found / total if total else 1.0,
        "boilerplate": len(expected["drop"]),
        "boilerplate_out": 1 - len(leaked) / len(expected["drop"]) if expected["drop"] else 1.0,
        "leaked": leaked,
        "metadata": 1 - len(wrong) / len(fields) if fields else 1.0,
        "metadata_wrong": wrong,
    }


def evaluate(folder: str | Path = DEFAULT_DIR, *, baseline: bool = False) -> dict:
    """Read every annotated page in ``folder``; return per-page scores and totals.

    ``baseline=True`` scores only the last step of the cascade (our lxml
    baseline), to keep the fallback honest too; metadata is then not scored.
    """
    from newsfold.readers.html import article_from_html
    from newsfold.readers.web import decode_body

    if baseline:
        from lxml import html as lxml_html

        from newsfold.model import Article
        from newsfold.readers.html import baseline_text

        def article_from_html(html, *, id, origin):  # the baseline stands in for the real extractor
            text = baseline_text(lxml_html.document_fromstring(html))
            return Article(id=id, text=text, origin=origin, extra={"extraction": "baseline"})

    folder = Path(folder)
    pages = []
    for path in sorted(folder.glob("*.expected.json")):
        expected = json.loads(path.read_text("utf-8"))
        page = folder / expected["page"]
        article = article_from_html(decode_body(page.read_bytes()), id=page.stem, origin=str(page))
        if baseline:
            expected["metadata"] = {}
        pages.append(score_page(expected, article))
    if not pages:
        raise SystemExit(f"no *.expected.json files in {folder}")
    main = sum(p["main_chars"] for p in pages)
    drops = sum(p["boilerplate"] for p in pages)
    return {
        "pages": pages,
        "recall": sum(p["recovered_chars"] for p in pages) / main,
        "min_page_recall": min(p["recall"] for p in pages),
        "boilerplate_out": 1 - sum(len(p["leaked"]) for p in pages) / drops,
        "metadata": sum(p["metadata"] for p in pages) / len(pages),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=DEFAULT_DIR)
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--baseline", action="store_true", help="score only the lxml fallback step")
    args = parser.parse_args(argv)
    result = evaluate(args.folder, baseline=args.baseline)
    if args.json:
        json.dump(result, sys.stdout, indent=2, ensure_ascii=False)
        print()
        return 0
    print(f"{'page':28} {'method':22} {'recall':>7} {'bp-out':>7} {'meta':>6}")
    for p in result["pages"]:
        print(f"{p['page']:28} {p['method']:22} {p['recall']:7.3f} {p['boilerplate_out']:7.3f} {p['metadata']:6.2f}")
        for leak in p["leaked"]:
            print(f"    leaked: {leak!r}")
        for key, value in p["metadata_wrong"].items():
            print(f"    {key}: got {value!r}")
    print(f"{'ALL':28} {'':22} {result['recall']:7.3f} {result['boilerplate_out']:7.3f} {result['metadata']:6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
