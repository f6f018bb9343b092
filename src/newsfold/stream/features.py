"""Per-article features for story clustering: the expensive, parallel part.

``compute_features(articles, embedder)`` reads each article's title and lead
and returns one :class:`ArticleFeatures` per article (a title's tail naming
the article's own outlet, "... - The Daily Example", is left out: it tells
the site, not the story):

- ``vector``: a MiniLM (int8 arithmetic, or hashing) embedding of the title plus the start of
  the lead, kept short on purpose (the transformer's cost grows with tokens;
  the title and first sentence carry the event);
- ``terms``: hashed content words of the title (counted twice) and the first
  part of the body, as raw counts; the clusterer weights them with an IDF it
  learns from the stream;
- ``entities``: hashed proper-noun phrases (capitalised word runs, a cheap
  stand-in for NER that runs at stream speed), cleaned and folded as the
  brief folds names (``nlp.names.clean_name`` and ``fold``); a Title-Case
  headline gives none (every word is capitalised there), its body does;
- ``day``: the publication day as an ordinal (ingest time when missing).

The function is pure and deterministic: the same chunk of articles gives
bit-identical features in any process, which is what lets the Dask executor
return exactly what the local one does (see ``executors.py``). Vectors are
rounded to float16 so tiny float differences between batch shapes cannot
change an assignment.
"""
from __future__ import annotations

import re
import threading
import zlib
from dataclasses import dataclass
from functools import lru_cache
from datetime import UTC, date, datetime

import numpy as np

from ..model import Article
from ..nlp.lexicon import MONTHS, WEEKDAYS
from ..nlp.names import clean_name, fold
from ..nlp.text import LETTER_WORD, headline, title_case

# Terms and entities are hashed into this many buckets: the stream's document
# frequencies then live in one fixed-size array, so memory stays flat.
TERM_BUCKETS = 1 << 20
EMBED_TITLE_CHARS = 160
EMBED_LEAD_CHARS = 0  # title only: the lead adds tokens (cost) more than signal
# The transformer's cost grows with tokens; a title is ~16-20 word pieces. With
# the int8 model the dev scores at 20 are those at 24 or better (B3-F1 / ARI:
# LocalNews 0.920 / 0.759 against 0.917 / 0.757, Giveme5W1H 0.919 / 0.867 at
# both), and 20 is ~7 % cheaper; 16 loses 0.011 B3-F1 on LocalNews.
EMBED_MAX_TOKENS = 20
TERM_BODY_CHARS = 1500

_PROPER = re.compile(r"(?<![\w.])([A-Z][\w'’&.-]*(?:\s+(?:of\s+|the\s+|de\s+)?[A-Z][\w'’&.-]*)*)")
_SENTENCE_START = re.compile(r"(?:^|[.!?:\n]\s*|[\"“‘]\s*)$")
_SPACES = re.compile(r"\s+")

try:  # a standard list; sklearn is a core dependency
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS as _SKLEARN_STOP
except ImportError:  # pragma: no cover
    _SKLEARN_STOP = frozenset()
# Words that say nothing about which story an article belongs to: reporting
# verbs, calendar words (every story has dates), titles, and the photo and
# wire credits that boilerplate leaves in a lead.
_STOP = frozenset(_SKLEARN_STOP) | frozenset(WEEKDAYS) | frozenset(MONTHS) | {
    "said", "says", "say", "told", "also", "would", "could", "one", "two", "new",
    "year", "years", "day", "days", "time", "people", "news", "like", "just", "read",
    "more", "image", "photo", "copyright", "getty", "images", "reuters",
    "mr", "mrs", "ms", "dr",
}


@dataclass
class ArticleFeatures:
    """What the clusterer needs to know about one article."""

    id: str
    day: int
    vector: np.ndarray  # float32, L2-normalised
    terms: dict[int, float]  # hashed term -> count
    entities: frozenset[int]  # hashed proper-noun phrases


def term_id(term: str) -> int:
    """A stable hash (``hash()`` is salted per process; workers must agree)."""
    return zlib.crc32(term.encode("utf-8")) % TERM_BUCKETS


_TITLE_TAIL = re.compile(r"\s+[-|–—]\s+([^-|–—]+)$")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def _without_outlet(title: str, outlet: str | None) -> str:
    """``title`` without a trailing " - Outlet Name" that names the article's own outlet.

    Many sites end every headline with their name ("... - The Daily Example"
    on www.dailyexample.com); it says which site, not which story, and it
    would make two stories of one site alike. The tail goes when its letters
    and the outlet's (a domain or a site name) contain one another.
    """
    match = _TITLE_TAIL.search(title)
    if not match or not outlet:
        return title
    tail = _NOT_ALNUM.sub("", match.group(1).lower())
    site = outlet.lower().removeprefix("www.")
    site = _NOT_ALNUM.sub("", site.rsplit(".", 1)[0] if "." in site and " " not in site else site)
    if min(len(tail), len(site)) >= 4 and (tail in site or site in tail):
        return title[: match.start()]
    return title


def embedding_text(article: Article) -> str:
    """The headline (else the first words of the text) plus a short lead: what the embedder sees.

    A title that is a page label ("Details", "Categories": :func:`headline`)
    says nothing about the story, so the text's opening stands in for it.
    """
    body = _SPACES.sub(" ", article.text.strip())
    # With no text, a title is all there is, page label or not.
    title = headline(article.title) if body else article.title
    title = _without_outlet(title, article.outlet) if title else title
    title = _SPACES.sub(" ", (title or "").strip())[:EMBED_TITLE_CHARS]
    if title and body.startswith(title):
        body = body[len(title) :].lstrip(" .:-—")
    if not title:
        return body[: EMBED_TITLE_CHARS + EMBED_LEAD_CHARS]
    lead = body[:EMBED_LEAD_CHARS]
    return f"{title}. {lead}" if lead else title


def publication_day(published: str | None, fallback: int | None = None) -> int:
    """The ISO date's ordinal; ``fallback`` (default: today, UTC) when missing or bad."""
    if published:
        try:
            return date.fromisoformat(published[:10]).toordinal()
        except ValueError:
            pass
    if fallback is not None:
        return fallback
    return datetime.now(UTC).date().toordinal()


def _words(text: str) -> list[str]:
    return [w for w in (m.lower() for m in LETTER_WORD.findall(text)) if len(w) > 2 and w not in _STOP]


def _entities(text: str) -> set[str]:
    found = set()
    for match in _PROPER.finditer(text):
        phrase = match.group(1).strip(".-'’")
        words = phrase.split()
        # A single capitalised word opening a sentence is usually not a name.
        if (
            len(words) == 1
            and _SENTENCE_START.search(text[max(0, match.start() - 3) : match.start()])
            and (words[0].lower() in _STOP or len(words[0]) < 4)
        ):
            continue
        if phrase.lower() in _STOP or len(phrase) < 2:
            continue
        key = _name_key(phrase)
        if key:
            found.add(key)
    return found


@lru_cache(maxsize=1 << 16)
def _name_key(phrase: str) -> str | None:
    """The brief's name folding: no determiner, possessive or title ("The
    Harbor Authority's" = "Harbor Authority"), accents and case folded.
    Cached: a stream repeats its names (bounded, so memory stays flat)."""
    cleaned = clean_name(phrase, "OTHER")
    return fold(cleaned[0]) if cleaned is not None else None


def article_terms(article: Article) -> tuple[dict[int, float], frozenset[int]]:
    """Hashed content-word counts and proper-noun phrases of title + body start."""
    body = article.text[:TERM_BODY_CHARS]
    title = (headline(article.title) if body.strip() else article.title) or ""
    title = _without_outlet(title, article.outlet)
    counts: dict[int, float] = {}
    for weight, text in ((2.0, title), (1.0, body)):
        for word in _words(text):
            key = term_id(word)
            counts[key] = counts.get(key, 0.0) + weight
    # A headline in Title Case capitalises every word, so its capitalised runs
    # are not names ("Bridge Collapses in Millbrook, Near Eastport" gives
    # "bridge collapses", "near eastport"); the body names the actors properly.
    names = _entities(body)
    if not (body.strip() and title_case(title)):
        names |= _entities(title)  # apart: a name ending the title must not run into the body's first word
    entities = frozenset(term_id("@" + e) for e in names)
    return counts, entities


_STREAM_EMBEDDERS: dict[tuple[str, int | None], object] = {}
_STREAM_LOCK = threading.Lock()


def stream_embedder(name: str = "minilm", threads: int | None = None):
    """The embedder the stream uses for ``name``: for MiniLM, its own instance,
    the per-row int8 form (``nlp/int8_model.py``: ~2.5 times the titles per
    CPU-second, and a title's vector never depends on its batch), truncating at
    ``EMBED_MAX_TOKENS``, with its own text cache so vectors of another form or
    length limit are never mixed in; one per process and thread count."""
    from ..nlp import embed

    key = (name, threads)
    with _STREAM_LOCK:
        if key not in _STREAM_EMBEDDERS:
            model: embed.Embedder
            if name == "minilm":
                model = embed.MiniLMEmbedder(threads=threads, max_tokens=EMBED_MAX_TOKENS, integer=True)
            else:
                model = embed.get_embedder(name)
            _STREAM_EMBEDDERS[key] = model
        return _STREAM_EMBEDDERS[key]


def compute_features(articles: list[Article], embedder="minilm", default_day: int | None = None) -> list[ArticleFeatures]:
    """Features of ``articles`` in order (one batched embedder call)."""
    model = stream_embedder(embedder) if isinstance(embedder, str) else embedder
    vectors = model.embed([embedding_text(a) for a in articles]) if articles else np.zeros((0, 384))
    # float16 rounding: identical decisions whatever batch shape produced the floats.
    vectors = vectors.astype(np.float16).astype(np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors = vectors / np.clip(norms, 1e-9, None)
    out = []
    for article, vector in zip(articles, vectors):
        terms, entities = article_terms(article)
        out.append(
            ArticleFeatures(
                id=article.id,
                day=publication_day(article.published, default_day),
                vector=vector,
                terms=terms,
                entities=entities,
            )
        )
    return out
