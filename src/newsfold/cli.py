"""Command line: parse, call the same functions as the Python API, print.

No logic lives here beyond choosing what to call and where to write.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path
from typing import TypeAlias

from . import __version__
from .errors import InputError, NewsfoldError
from .model import Article, Brief
from .render import FORMATS, format_for_path, render


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        return args.handler(args) or 0
    except NewsfoldError as exc:
        print(f"newsfold: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("newsfold: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. `newsfold brief ... | head`
        return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsfold",
        description="Fold many news reports of one story into one cited brief.",
    )
    parser.add_argument("--version", action="version", version=f"newsfold {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    for add_command in (_brief_parser, _summarize_parser, _cluster_parser, _ingest_parser,
                        _stories_parser, _serve_parser, _eval_parser, _eval_cluster_parser):
        add_command(commands)
    return parser


Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def _brief_parser(commands: Commands) -> None:
    brief = commands.add_parser("brief", help="fold a story's articles into one cited brief")
    _add_inputs(brief, required=False)
    brief.add_argument("--format", choices=FORMATS, default=None,
                       help="output format (default: from -o's extension, else md)")
    brief.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    brief.add_argument("--db", metavar="DB", help="read a stored story's brief from this store")
    brief.add_argument("--story", metavar="ID", help="with --db: the story to show")
    brief.set_defaults(handler=_brief)


def _summarize_parser(commands: Commands) -> None:
    summary = commands.add_parser("summarize", help="a plain extractive summary of N words")
    _add_inputs(summary, required=True)
    summary.add_argument("--words", type=int, default=100, help="word budget (default 100)")
    summary.set_defaults(handler=_summarize)


def _cluster_parser(commands: Commands) -> None:
    cluster = commands.add_parser("cluster", help="group articles (JSONL) into stories")
    cluster.add_argument("input", metavar="ARTICLES.jsonl")
    cluster.add_argument("-o", "--output", metavar="ASSIGNMENTS.jsonl",
                         help="write {id, story} lines here (default stdout)")
    _add_stream_options(cluster)
    cluster.set_defaults(handler=_cluster)


def _ingest_parser(commands: Commands) -> None:
    ingest = commands.add_parser("ingest", help="stream articles or feeds into a story store")
    ingest.add_argument("inputs", nargs="+", metavar="ARTICLES.jsonl|FEED")
    ingest.add_argument("--db", required=True, metavar="DB", help="SQLite store (created if missing)")
    _add_stream_options(ingest)
    ingest.set_defaults(handler=_ingest)


def _stories_parser(commands: Commands) -> None:
    stories = commands.add_parser("stories", help="list the stories in a store")
    stories.add_argument("--db", required=True, metavar="DB")
    stories.add_argument("--since", metavar="YYYY-MM-DD", type=_iso_date,
                         help="only stories updated on or after this date")
    stories.add_argument("--format", choices=("table", "json"), default="table")
    stories.set_defaults(handler=_stories)


def _serve_parser(commands: Commands) -> None:
    serve = commands.add_parser("serve", help="a local web app over a store, a folder or a brief")
    serve.add_argument("target", nargs="?", metavar="PATH",
                       help="a folder of articles or a brief .json (instead of --db)")
    serve.add_argument("--db", metavar="DB")
    serve.add_argument("--host", default="127.0.0.1", help="default 127.0.0.1 (local only)")
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(handler=_serve)


def _eval_parser(commands: Commands) -> None:
    evaluate = commands.add_parser("eval", help="score a brief against an annotated story")
    evaluate.add_argument("annotation", metavar="ANNOTATION.json")
    evaluate.add_argument("brief", metavar="BRIEF.json|STORY_DIR", nargs="?",
                          help="a brief JSON, or the story's articles to fold now "
                               "(default: the story named in the annotation's data block)")
    evaluate.add_argument("--format", choices=("table", "json"), default="table")
    evaluate.set_defaults(handler=_eval)


def _eval_cluster_parser(commands: Commands) -> None:
    eval_cluster = commands.add_parser(
        "eval-cluster", help="score story clustering (B-cubed, ARI) against gold story ids"
    )
    eval_cluster.add_argument("input", metavar="ARTICLES.jsonl")
    _add_stream_options(eval_cluster)
    eval_cluster.set_defaults(handler=_eval_cluster)


def _add_inputs(parser: argparse.ArgumentParser, *, required: bool) -> None:
    parser.add_argument("inputs", nargs="+" if required else "*", metavar="PATH_OR_URL",
                        help="files (.txt .md .html .json .jsonl), folders, - for stdin, or URLs")
    parser.add_argument("--date", type=_iso_date, metavar="YYYY-MM-DD",
                        help="publication date for sources whose date cannot be found")
    parser.add_argument("--max-bytes", type=int, default=5_000_000, metavar="N",
                        help="refuse inputs larger than this (default 5 MB)")
    parser.add_argument("--allow-private", action="store_true",
                        help="allow URLs that resolve to private or loopback addresses")
    parser.add_argument("--refresh", action="store_true", help="refetch URLs even if cached")
    parser.add_argument("--embedder", default="minilm", choices=("minilm", "hashing"),
                        help="sentence embedder (default minilm)")
    parser.add_argument("-q", "--quiet", action="store_true", help="no warnings or progress")


def _add_stream_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--executor", choices=("local", "dask"), default="local",
                        help="where per-article work runs (default local)")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="with --executor dask: a running scheduler (default: a LocalCluster)")
    parser.add_argument("--embedder", default="minilm", choices=("minilm", "hashing"))
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar")


def _iso_date(value: str) -> str:
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2031-03-14") from None


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
    _warn(result.problems, args.quiet)
    _progress(f"folding {len(result.articles)} sources …", args.quiet)
    return result.articles


def _brief(args: argparse.Namespace) -> int:
    if args.db:
        return _stored_brief(args)
    if args.story:
        raise InputError("--story needs --db")
    if not args.inputs:
        raise InputError("give at least one file, folder, URL or - (stdin); see newsfold brief --help")
    fmt = args.format or format_for_path(args.output)  # a bad -o name fails before the fold
    _write(render(_read_and_fold(args), fmt), args.output)
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
    _write(render(brief_from_json(stored), fmt), args.output)
    return 0


def _summarize(args: argparse.Namespace) -> int:
    from .pipeline import fold_facts
    from .summarize import summarize_facts

    if args.words < 1:
        raise InputError("--words must be at least 1")
    facts = fold_facts(_read_story(args), date=args.date, embedder=args.embedder)
    _write(summarize_facts(facts, words=args.words) + "\n", None)
    return 0


def _cluster(args: argparse.Namespace) -> int:
    from .progress import TerminalProgress
    from .readers import read_inputs
    from .stream.cluster import cluster_articles

    # One line per article: a copy with the same text is clustered (and lands
    # with its original) instead of being dropped as a brief would drop it.
    result = read_inputs([args.input], keep_identical=True)
    _warn(result.problems, args.quiet)
    bar = TerminalProgress("clustering", enabled=False if args.quiet else None)
    assignments = cluster_articles(
        result.articles, embedder=args.embedder, executor=args.executor,
        scheduler=args.scheduler, progress=bar,
    )
    bar.close()
    lines = "".join(json.dumps({"id": a, "story": s}) + "\n" for a, s in assignments)
    _write(lines, args.output)
    return 0


def _ingest(args: argparse.Namespace) -> int:
    from .stream.ingest import IngestOptions, ingest

    options = IngestOptions(embedder=args.embedder, executor=args.executor, scheduler=args.scheduler,
                            quiet=args.quiet)
    report = ingest(args.inputs, args.db, options)
    print(report.summary(), file=sys.stderr)
    return 0


def _stories(args: argparse.Namespace) -> int:
    from .stream.store import Store

    rows = Store(args.db, readonly=True).list_stories(since=args.since)
    if args.format == "json":
        _write(json.dumps([row.to_dict() for row in rows], indent=2) + "\n", None)
        return 0
    header = ("id", "title", "sources", "first", "last", "disputed")
    table = [header] + [
        (r.id, _short(r.title or "", 60), str(r.sources), r.first_date or "", r.last_date or "", str(r.disputed))
        for r in rows
    ]
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    out = "\n".join("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in table)
    _write(out + "\n", None)
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


def _write(text: str, path: str | None) -> None:
    if path and path != "-":
        try:
            Path(path).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise InputError(f"cannot write: {exc.strerror}", where=path) from exc
    else:
        sys.stdout.write(text)


def _warn(problems: list[str], quiet: bool) -> None:
    if quiet:
        return
    for problem in problems:
        print(f"newsfold: warning: {problem}", file=sys.stderr)


def _progress(message: str, quiet: bool) -> None:
    if not quiet and sys.stderr.isatty():
        print(f"newsfold: {message}", file=sys.stderr)


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
