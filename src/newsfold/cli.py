"""Command line: parse, call the same functions as the Python API, print.

No logic lives here beyond choosing what to call and where to write.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

from .cli_parser import build_parser
from .errors import InputError, NewsfoldError
from .log import LOGGER, setup
from .model import Article, Brief
from .render import format_for_path, render


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = HANDLERS.get(args.command or "")
    if handler is None:
        parser.print_help()
        return 2
    setup(quiet=getattr(args, "quiet", False))
    try:
        return handler(args) or 0
    except NewsfoldError as exc:
        LOGGER.error("%s", exc)
        return exc.exit_code
    except KeyboardInterrupt:
        print("newsfold: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. `newsfold brief ... | head`
        return 0


def _read_and_fold(args: argparse.Namespace) -> Brief:
    from .pipeline import fold

    articles = _read_story(args)
    return fold(articles, date=args.date, embedder=args.embedder)


def _read_story(args: argparse.Namespace) -> list[Article]:
    from .nlp import spacy_model
    from .readers import read_inputs

    spacy_model.use_processes(min(2, os.cpu_count() or 1))
    result = read_inputs(
        args.inputs,
        date=args.date,
        max_bytes=args.max_bytes,
        allow_private=args.allow_private,
        refresh=args.refresh,
        progress=None if not args.quiet else False,
    )
    _warn(result.problems)
    _progress(f"folding {len(result.articles)} sources …")
    return result.articles


def _brief(args: argparse.Namespace) -> int:
    if args.db:
        return _stored_brief(args)
    if args.story:
        raise InputError("--story needs --db")
    if not args.inputs:
        raise InputError("give at least one file, folder, URL or - (stdin); see newsfold brief --help")
    fmt = args.format or format_for_path(args.output)  # a bad -o name fails before the fold
    _write(render(_read_and_fold(args), fmt), args.output, f"{_FORMAT_NAMES[fmt]} brief")
    return 0


def _stored_brief(args: argparse.Namespace) -> int:
    from .render.json_out import brief_from_json
    from .stream.store import Store

    if not args.story:
        raise InputError("--db needs --story ID; list stories with: newsfold stories --db " + args.db)
    fmt = args.format or format_for_path(args.output)
    stored = Store(args.db, readonly=True).get_brief_json(args.story)
    if stored is None:
        raise InputError(f"no story {args.story!r} in {args.db}; list them with: newsfold stories --db {args.db}")
    _write(render(brief_from_json(stored), fmt), args.output, f"{_FORMAT_NAMES[fmt]} brief of story {args.story}")
    return 0


def _summarize(args: argparse.Namespace) -> int:
    from .pipeline import split_story
    from .summarize import summarize_story

    if args.words < 1:
        raise InputError("--words must be at least 1")
    # Sentences, copies and lexical support are all a summary needs: no parse, no embedder.
    ctx = split_story(_read_story(args), date=args.date)
    _write(summarize_story(ctx, words=args.words) + "\n", None)
    return 0


def _cluster(args: argparse.Namespace) -> int:
    from .progress import TerminalProgress
    from .readers import read_inputs
    from .stream.cluster import cluster_articles

    # One line per article: a copy with the same text is clustered (and lands
    # with its original) instead of being dropped as a brief would drop it.
    # A record with a title only is placed too: a title is enough to cluster.
    result = read_inputs([args.input], keep_identical=True, keep_title_only=True)
    _warn(result.problems)
    bar = TerminalProgress("clustering", enabled=False if args.quiet else None)
    assignments = cluster_articles(
        result.articles, embedder=args.embedder, executor=args.executor,
        scheduler=args.scheduler, progress=bar,
    )
    bar.close()
    lines = "".join(json.dumps({"id": a, "story": s}) + "\n" for a, s in assignments)
    _write(lines, args.output, f"{len(assignments)} assignments")
    return 0


def _ingest(args: argparse.Namespace) -> int:
    from .stream.ingest import IngestOptions, ingest

    options = IngestOptions(embedder=args.embedder, executor=args.executor, scheduler=args.scheduler,
                            quiet=args.quiet)
    report = ingest(args.inputs, args.db, options)
    print(report.summary(), file=sys.stderr)
    return 0


def _stories(args: argparse.Namespace) -> int:
    from .stream.listing import StoryQuery, select
    from .stream.store import Store

    query = StoryQuery(sort=args.sort, since=args.since, until=args.until, outlet=args.outlet,
                       page=args.page, per_page=args.per_page)
    with Store(args.db, readonly=True) as store:
        rows = store.search(args.search) if args.search else store.list_stories()
    page = select(rows, query)
    if args.format == "json":
        _write(json.dumps([row.to_dict() for row in page.rows], indent=2, ensure_ascii=False) + "\n", None)
        return 0
    header = ("id", "title", "sources", "first", "last", "disputed", "outlets")
    table = [header] + [
        (r.id, _short(r.title or "", 60), str(r.sources), r.first_date or "", r.last_date or "", str(r.disputed),
         _short(", ".join(r.outlets), 40))
        for r in page.rows
    ]
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    lines = []
    for row, story in zip(table, [None, *page.rows]):
        lines.append("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())
        if story is not None and story.snippet:
            lines.append(" " * (widths[0] + 2) + story.snippet)
    if page.pages > 1:
        lines.append(f"page {page.page} of {page.pages} ({page.total} stories); next: --page {page.page + 1}"
                     if page.page < page.pages else f"page {page.page} of {page.pages} ({page.total} stories)")
    _write("\n".join(lines) + "\n", None)
    return 0


def _serve(args: argparse.Namespace) -> int:
    from .web.app import serve

    if bool(args.target) == bool(args.db):
        raise InputError("give either --db DB or a PATH (a folder of articles or a brief .json)")
    serve(db=args.db, path=args.target, host=args.host, port=args.port)
    return 0


def _eval(args: argparse.Namespace) -> int:
    from .eval import evaluate_path

    scores = evaluate_path(args.annotation, args.brief)
    if args.format == "json":
        _write(json.dumps(scores, indent=2) + "\n", None)
    else:
        _write("".join(f"{name:<32} {value:.3f}\n" for name, value in scores.items()), None)
    return 0


def _eval_cluster(args: argparse.Namespace) -> int:
    from .eval_cluster import format_report, run

    result = run(args.input, embedder=args.embedder, executor=args.executor, scheduler=args.scheduler)
    _write(format_report(result) + "\n", None)
    return 0


_FORMAT_NAMES = {"md": "Markdown", "json": "JSON", "html": "HTML"}


def _write(text: str, path: str | None, what: str = "") -> None:
    """Print ``text``, or write it to ``path`` and say so on stderr (not with ``-q``)."""
    if path and path != "-":
        try:
            Path(path).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise InputError(f"cannot write: {exc.strerror}", where=path) from exc
        size = len(text.encode("utf-8"))
        amount = f"{size / 1000:.1f} kB" if size >= 1000 else f"{size} bytes"
        LOGGER.info("wrote %s%s (%s)", what + " to " if what else "", path, amount)
    else:
        sys.stdout.write(text)


def _warn(problems: list[str]) -> None:
    """Inputs skipped or repaired while reading: ``newsfold: warning: FILE:LINE: …`` (not with ``-q``)."""
    for problem in problems:
        LOGGER.warning("%s", problem)


def _progress(message: str) -> None:
    """A step of a long run, on a terminal only (logs and pipes stay clean), not with ``-q``."""
    if sys.stderr.isatty():
        LOGGER.info("%s", message)


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "brief": _brief, "summarize": _summarize, "cluster": _cluster, "ingest": _ingest, "stories": _stories,
    "serve": _serve, "eval": _eval, "eval-cluster": _eval_cluster,
}

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
