"""The command line's words: every command and option with its help text and examples.

``cli.py`` runs what this parses. Each command's ``--help`` ends with runnable
examples; a mistyped command gets a "did you mean"; ``--format markdown`` is
``md`` by another name. ``tests/test_cli.py`` checks that every option has help.
"""
from __future__ import annotations

import argparse
import datetime as dt
import difflib
from typing import NoReturn, TypeAlias

from . import __version__
from .render import FORMATS
from .stream.listing import SORTS

# Other names people type for a format; argparse shows only the canonical ones.
FORMAT_ALIASES = {"markdown": "md", "htm": "html", "txt": "md"}
EMBEDDERS = ("minilm", "hashing")
EMBEDDER_HELP = ("sentence embedder: minilm (the packaged ONNX model, best) or hashing "
                 "(no model, fast, for tests and tiny machines); default minilm")

EXAMPLES = {
    "brief": """\
  newsfold brief examples/harbor-bridge/                 # Markdown to the terminal
  newsfold brief a.html b.txt https://example.com/story -o brief.html
  newsfold brief stories.jsonl --format json --date 2031-03-14
  cat report.txt | newsfold brief - other.md
  newsfold brief --db news.db --story s0001 --format markdown""",
    "summarize": """\
  newsfold summarize examples/harbor-bridge/ --words 60""",
    "cluster": """\
  newsfold cluster articles.jsonl -o assignments.jsonl
  newsfold cluster articles.jsonl --embedder hashing --executor dask""",
    "ingest": """\
  newsfold ingest articles.jsonl --db news.db            # rerun it: nothing changes
  newsfold ingest https://example.com/feed.xml --db news.db -q""",
    "stories": """\
  newsfold stories --db news.db                          # newest news first
  newsfold stories --db news.db --sort size --per-page 10 --page 2
  newsfold stories --db news.db --since 2031-03-01 --until 2031-03-31 --outlet "Valley News"
  newsfold stories --db news.db --search "bridge closed" --format json""",
    "serve": """\
  newsfold serve --db news.db                            # then open http://127.0.0.1:8000/
  newsfold serve examples/harbor-bridge/ --port 8080
  newsfold serve brief.json""",
    "eval": """\
  newsfold eval tests/annotations/harbor-bridge.json
  newsfold eval tests/annotations/harbor-bridge.json brief.json --format json""",
    "eval-cluster": """\
  newsfold eval-cluster gold_articles.jsonl --embedder hashing""",
}

Commands: TypeAlias = "argparse._SubParsersAction[Parser]"


class Parser(argparse.ArgumentParser):
    """argparse, plus "did you mean" for a mistyped command or choice."""

    def error(self, message: str) -> NoReturn:
        if "invalid choice:" in message:
            message += _did_you_mean(message)
        super().error(message)


def _did_you_mean(message: str) -> str:
    """``invalid choice: 'brif' (choose from 'brief', ...)`` -> ``; did you mean 'brief'?``"""
    typed, _, rest = message.partition("invalid choice: ")[2].partition(" (choose from ")
    choices = [c.strip(" '\")") for c in rest.rstrip(")").split(",")]
    close = difflib.get_close_matches(typed.strip("'\""), choices, n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="newsfold",
        description="Fold many news reports of one story into one cited brief.",
        epilog="Run `newsfold COMMAND --help` for a command's options and examples.",
    )
    parser.add_argument("--version", action="version", version=f"newsfold {__version__}",
                        help="print the version and exit")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", dest="command", parser_class=Parser,
                                     help="what to do; `newsfold COMMAND --help` says more")
    for add_command in (_brief_parser, _summarize_parser, _cluster_parser, _ingest_parser,
                        _stories_parser, _serve_parser, _eval_parser, _eval_cluster_parser):
        add_command(commands)
    return parser


def _command(commands: Commands, name: str, help_text: str) -> argparse.ArgumentParser:
    return commands.add_parser(
        name, help=help_text, description=help_text[0].upper() + help_text[1:] + ".",
        epilog="examples:\n" + EXAMPLES[name] + "\n", formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def _brief_parser(commands: Commands) -> None:
    brief = _command(commands, "brief", "fold a story's articles into one cited brief")
    _add_inputs(brief, required=False)
    brief.add_argument("--format", type=output_format, choices=FORMATS, default=None, metavar="md|json|html",
                       help="output format: md (also: markdown), json or html "
                            "(default: from -o's extension, else md)")
    brief.add_argument("-o", "--output", metavar="FILE",
                       help="write here instead of stdout (.md, .json or .html); says what it wrote unless -q")
    brief.add_argument("--db", metavar="DB", help="read a stored story's brief from this store (see `newsfold ingest`)")
    brief.add_argument("--story", metavar="ID", help="with --db: the story to show (ids: `newsfold stories --db DB`)")


def _summarize_parser(commands: Commands) -> None:
    summary = _command(commands, "summarize", "a plain extractive summary of N words")
    _add_inputs(summary, required=True, embedder=False)  # a summary is lexical: no sentence embedder
    summary.add_argument("--words", type=int, default=100, metavar="N", help="word budget (default 100)")


def _cluster_parser(commands: Commands) -> None:
    cluster = _command(commands, "cluster", "group articles (JSONL) into stories")
    cluster.add_argument("input", metavar="ARTICLES.jsonl", help="one article a line: id, title, text, published, ...")
    cluster.add_argument("-o", "--output", metavar="ASSIGNMENTS.jsonl",
                         help="write {id, story} lines here (default stdout)")
    _add_stream_options(cluster)


def _ingest_parser(commands: Commands) -> None:
    ingest = _command(commands, "ingest", "stream articles or feeds into a story store")
    ingest.add_argument("inputs", nargs="+", metavar="ARTICLES.jsonl|FEED",
                        help="JSONL files, article files or folders, or RSS/Atom feed URLs")
    ingest.add_argument("--db", required=True, metavar="DB",
                        help="the SQLite store to add to (created if missing; safe to rerun)")
    _add_stream_options(ingest)


def _stories_parser(commands: Commands) -> None:
    stories = _command(commands, "stories", "list the stories in a store")
    stories.add_argument("--db", required=True, metavar="DB", help="the store to list (made by `newsfold ingest`)")
    stories.add_argument("--sort", choices=tuple(SORTS), default="recent",
                         help="recent: newest news date first (default); size: most sources first")
    stories.add_argument("--since", metavar="YYYY-MM-DD", type=iso_date,
                         help="only stories with news on or after this date (articles' publication dates)")
    stories.add_argument("--until", metavar="YYYY-MM-DD", type=iso_date,
                         help="only stories with news on or before this date")
    stories.add_argument("--outlet", metavar="NAME",
                         help="only stories with an article from this outlet (name or domain, any case)")
    stories.add_argument("--search", metavar="WORDS",
                         help="only stories whose articles contain every word, each with a snippet")
    stories.add_argument("--page", type=int, default=1, metavar="N", help="which page of --per-page rows (default 1)")
    stories.add_argument("--per-page", type=int, default=None, metavar="N",
                         help="rows per page (default: all on one page)")
    stories.add_argument("--format", choices=("table", "json"), default="table",
                         help="table: aligned columns for people (default); json: a list of story objects")


def _serve_parser(commands: Commands) -> None:
    serve = _command(commands, "serve", "a local web app over a store, a folder or a brief")
    serve.add_argument("target", nargs="?", metavar="PATH",
                       help="a folder of articles or a brief .json (instead of --db)")
    serve.add_argument("--db", metavar="DB", help="serve this store's stories (made by `newsfold ingest`)")
    serve.add_argument("--host", default="127.0.0.1",
                       help="address to listen on (default 127.0.0.1: this computer only)")
    serve.add_argument("--port", type=int, default=8000, metavar="N", help="port to listen on (default 8000)")


def _eval_parser(commands: Commands) -> None:
    evaluate = _command(commands, "eval", "score a brief against an annotated story")
    evaluate.add_argument("annotation", metavar="ANNOTATION.json", help="an annotated story (tests/annotations/)")
    evaluate.add_argument("brief", metavar="BRIEF.json|STORY_DIR", nargs="?",
                          help="a brief JSON, or the story's articles to fold now "
                               "(default: the story named in the annotation's data block)")
    evaluate.add_argument("--format", choices=("table", "json"), default="table",
                          help="table: one score a line (default); json: an object of scores")


def _eval_cluster_parser(commands: Commands) -> None:
    eval_cluster = _command(commands, "eval-cluster",
                            "score story clustering (B-cubed, ARI) against gold story ids")
    eval_cluster.add_argument("input", metavar="ARTICLES.jsonl", help="articles with a gold `story` field")
    _add_stream_options(eval_cluster)


def _add_inputs(parser: argparse.ArgumentParser, *, required: bool, embedder: bool = True) -> None:
    parser.add_argument("inputs", nargs="+" if required else "*", metavar="PATH_OR_URL",
                        help="files (.txt .md .html .json .jsonl), folders, - for stdin, or URLs")
    parser.add_argument("--date", type=iso_date, metavar="YYYY-MM-DD",
                        help="publication date for sources whose date cannot be found")
    parser.add_argument("--max-bytes", type=int, default=5_000_000, metavar="N",
                        help="refuse inputs larger than this (default 5 MB)")
    parser.add_argument("--allow-private", action="store_true",
                        help="allow URLs that resolve to private or loopback addresses")
    parser.add_argument("--refresh", action="store_true", help="refetch URLs even if cached")
    if embedder:
        parser.add_argument("--embedder", default="minilm", choices=EMBEDDERS, help=EMBEDDER_HELP)
    parser.add_argument("-q", "--quiet", action="store_true", help="no warnings, progress or 'wrote' line")


def _add_stream_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--executor", choices=("local", "dask"), default="local",
                        help="where per-article work runs: local (default) or dask")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="with --executor dask: a running scheduler (default: a LocalCluster)")
    parser.add_argument("--embedder", default="minilm", choices=EMBEDDERS, help=EMBEDDER_HELP)
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar, warnings or 'wrote' line")


def iso_date(value: str) -> str:
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2031-03-14") from None


def output_format(value: str) -> str:
    """``markdown`` -> ``md``; the canonical names pass through (argparse then checks the choice)."""
    lowered = value.strip().lower()
    return FORMAT_ALIASES.get(lowered, lowered)
