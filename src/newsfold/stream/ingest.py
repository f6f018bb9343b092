"""Incremental ingest: read articles, group them into stories, keep briefs current.

``ingest(inputs, db, options)`` does, in order:

1. read the inputs (``newsfold.readers.read_inputs``; its problems, such as
   malformed JSONL lines, go into the report and the rest is ingested);
2. vet each article: one with neither text nor title is skipped; one with a
   title only is clustered by its title and stored, but left out of its
   story's brief (nothing in it to cite); an article whose content hash
   (``identity.py``: every field but the id) is already stored (or repeated
   in the input) is a duplicate and changes nothing; one whose text is stored
   (or earlier in the input) with another outlet, URL, date or record fields is a copy: stored
   with ``copy_of`` set and put in its original's story, not clustered; a missing id becomes ``h<hash>``; an id already used by a
   different text gets a ``~2``-style suffix; a missing date becomes the
   ingest date (all flagged in the report);
3. in publication order, in batches: features on the executor (local or
   Dask), then ONE write transaction (``BEGIN IMMEDIATE``, so one writer at a
   time) that reads the clusterer state other writers may have advanced,
   vets the batch again against what they stored, runs the ordered
   assignment step and writes the articles, assignments, merges, cluster
   state and story rows. Two ingests (or web posts) on one store therefore
   interleave batch by batch, and story ids come from the database;
4. once the input is clustered (and, in a long input, after every
   ``BRIEFS_EVERY`` articles), rebuild the briefs of the stories touched since
   (only those, each once however many batches touched it), each in its own
   transaction; a brief is saved only if its story still holds the articles it
   was folded from (else the writer that changed it rebuilds it). Folding a
   story once per run rather than once per batch: of the 614-article LocalNews
   dev file's 124 folds (922 article-folds) at 256 articles a batch, 83 folds
   (614 article-folds) remain.

A run killed anywhere leaves the last committed batch; rerunning the same
command skips what is stored (content hashes), resumes the clusterer from its
saved state and rebuilds any brief still marked pending, so it ends in the
same state as an uninterrupted run.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from datetime import date
from typing import TYPE_CHECKING, Any

from ..model import Article, Brief
from ..pipeline import Timings
from ..progress import TerminalProgress
from ..render import to_json
from .batch import final_story
from .cluster import Clusterer, Params, publication_order
from .executors import get_executor
from .features import ArticleFeatures
from .identity import content_hash, text_hash
from .store import Store

if TYPE_CHECKING:
    from ..readers import ReadResult

Progress = Callable[[int, int], None]  # (done, total)

# Briefs wait for the end of the input, or this many clustered articles in a
# long one (a feed, a large file), so a story is folded once per run while a
# long run still keeps its briefs this close behind.
BRIEFS_EVERY = 4096


@dataclass
class IngestReport:
    read: int = 0
    new: int = 0
    duplicates: int = 0
    copies: int = 0  # new articles whose text another stored article has (counted in ``new`` too)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (article, reason)
    flagged: list[str] = field(default_factory=list)  # kept, with a warning
    problems: list[str] = field(default_factory=list)  # from reading the inputs
    stories: list[str] = field(default_factory=list)  # the stories this run's new articles are in now
    stories_merged: int = 0
    briefs_rebuilt: int = 0
    brief_failures: list[str] = field(default_factory=list)
    phases: dict[str, float] = field(default_factory=dict)  # seconds: read, vet, cluster, store, briefs

    @property
    def stories_touched(self) -> int:
        return len(self.stories)

    def to_dict(self) -> dict:
        return {
            "read": self.read, "new": self.new, "copies": self.copies, "duplicates": self.duplicates,
            "skipped": [{"article": a, "reason": r} for a, r in self.skipped],
            "flagged": self.flagged, "problems": self.problems,
            "stories_touched": self.stories_touched, "stories": self.stories, "stories_merged": self.stories_merged,
            "briefs_rebuilt": self.briefs_rebuilt, "brief_failures": self.brief_failures,
            "seconds": {name: round(seconds, 3) for name, seconds in self.phases.items()},
        }

    def summary(self) -> str:
        lines = [(
            f"read {self.read}, new {self.new}, copies {self.copies}, duplicates {self.duplicates}, skipped {len(self.skipped)}, "
            f"flagged {len(self.flagged)}; stories touched {self.stories_touched} (merged {self.stories_merged}), "
            f"briefs rebuilt {self.briefs_rebuilt}"
        )]
        lines += [f"problem: {p}" for p in self.problems]
        lines += [f"skipped {a}: {r}" for a, r in self.skipped]
        lines += [f"flagged: {f}" for f in self.flagged]
        lines += [f"brief failed: {f}" for f in self.brief_failures]
        if self.phases:
            lines.append("time: " + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in self.phases.items()))
        return "\n".join(lines)


def _valid_date(value: str | None) -> bool:
    if not value:
        return False
    try:
        date.fromisoformat(value[:10])
    except ValueError:
        return False
    return True


def _vet(
    articles: list[Article], store: Store, report: IngestReport, ingest_date: str, *, given: bool = False
) -> tuple[list[Article], list[str]]:
    kept: list[Article] = []
    hashes: list[str] = []
    candidates = []
    for article in articles:
        if not (article.text or "").strip() and not (article.title or "").strip():
            report.skipped.append((article.id or "(no id)", "empty text and no title"))
            continue
        candidates.append((article, content_hash(article)))
    stored = store.known_hashes([h for _, h in candidates])
    seen: set[str] = set()
    for article, digest in candidates:
        if digest in stored or digest in seen:
            report.duplicates += 1
            continue
        seen.add(digest)
        kept.append(article)
        hashes.append(digest)
    # Ids: derive missing ones, and keep both articles when an id is reused for a different text.
    used = store.known_ids([a.id for a in kept if a.id])
    taken_here: set[str] = set()
    for article, digest in zip(kept, hashes):
        if not article.id:
            article.id = f"h{digest[:12]}"
            report.flagged.append(f"{article.id}: no id; derived one from the content")
        if article.id in used or article.id in taken_here:
            base = article.id
            article.id = _free_id(base, store, taken_here)
            report.flagged.append(f"{base}: id already used by a different text; kept this one as {article.id}")
        taken_here.add(article.id)
        if not _valid_date(article.published):
            was = article.published
            article.published = ingest_date
            article.published_from = "given"
            which = "the given date" if given else "the ingest date"
            article.notes.append(f"no usable publication date ({was!r}); {which} was used")
            report.flagged.append(f"{article.id}: no usable date; used {which} {ingest_date}")
        else:
            article.published = (article.published or "")[:10]
    _mark_copies(kept, store, report)
    return kept, hashes


def _mark_copies(articles: list[Article], store: Store, report: IngestReport) -> None:
    """Set ``copy_of`` on each article whose text is stored, or earlier in ``articles``, under another id."""
    digests = [text_hash(a) for a in articles]
    originals = store.originals(digests)
    for article, digest in zip(articles, digests):
        if not article.text.strip():
            continue  # a title-only record copies nothing
        original = originals.setdefault(digest, article.id)
        if original != article.id:
            article.copy_of = original
            article.notes.append(f"same text as {original}; kept as a copy, counted once")
            report.copies += 1


@dataclass
class IngestOptions:
    """How an ingest runs; the defaults are those of ``newsfold ingest``.

    ``progress(done, total)`` is called as articles are clustered; by default
    a bar is drawn on stderr when it is a terminal, unless ``quiet``.
    ``default_date`` (ISO) dates the articles that carry no date; without it
    they get the ingest date. Either way they are flagged. ``read_inputs`` and
    ``fold`` default to newsfold's own (tests inject fakes).
    """

    embedder: Any = "minilm"  # a name, or an embedder object
    executor: str = "local"  # local|dask
    scheduler: str | None = None  # with dask: a running scheduler's address
    batch_size: int = 256
    params: Params | None = None
    default_date: str | None = None
    progress: Progress | None = None
    quiet: bool = False
    read_inputs: Callable[[list[str]], ReadResult] | None = None
    fold: Callable[[list[Article]], Brief] | None = None


def ingest(inputs: list[str], db: str, options: IngestOptions | None = None) -> IngestReport:
    """Ingest ``inputs`` into the store at ``db``; see the module docstring and :class:`IngestOptions`."""
    options = options or IngestOptions()
    read_inputs = options.read_inputs or _default_reader()
    fold = options.fold or _default_fold()
    own_bar = None if options.progress is not None or options.quiet else TerminalProgress("ingest")
    timings = Timings()
    try:
        _phase(own_bar, "reading")
        with timings.stage("read"):
            result = read_inputs(list(inputs))
        report = IngestReport(read=len(result.articles), problems=list(result.problems), phases=timings.stages)
        with Store(db) as store:
            ingest_date = options.default_date or date.today().isoformat()
            with timings.stage("vet"):
                articles, hashes = _vet(list(result.articles), store, report, ingest_date,
                                        given=options.default_date is not None)
            failed: set[str] = set()
            rebuild = partial(_rebuild_briefs, store, fold, report, failed, own_bar, timings)
            touched = _cluster_and_commit(store, articles, hashes, options, own_bar or options.progress,
                                          rebuild, report, timings)
            rebuild()  # the stories this run touched, and leftovers of a killed run
            report.stories = sorted(touched)
    finally:
        if own_bar is not None:
            own_bar.close()
    return report


def _phase(bar: TerminalProgress | None, label: str, total: int = 0, done: int | None = None) -> None:
    """Name what the bar counts now (articles clustered, briefs folded); its ETA is per phase."""
    if bar is not None:
        bar.phase(f"ingest: {label}", total, done)


def _default_reader() -> Callable[[list[str]], ReadResult]:
    from ..readers import read_inputs

    # Every article is stored, copies of another's text included (vetting marks them),
    # and so is a record with a title only: it is clustered, and left out of the brief.
    return partial(read_inputs, keep_identical=True, keep_title_only=True)


def _default_fold() -> Callable[[list[Article]], Brief]:
    from ..pipeline import fold

    return fold


def _cluster_and_commit(
    store: Store,
    articles: list[Article],
    hashes: list[str],
    options: IngestOptions,
    progress: Progress | None,
    rebuild_briefs: Callable[[], None],
    report: IngestReport,
    timings: Timings,
) -> set[str]:
    """Cluster the vetted articles in publication order, committing one batch at a time.

    Features run outside any lock; each batch is then assigned and written by
    :func:`_commit` under the store's write lock; ``rebuild_briefs`` runs after
    every ``BRIEFS_EVERY`` articles (the caller runs it once more at the end).
    Returns the stories the new articles are in at the end (merges followed,
    whoever made them).
    """
    if not articles:
        return set()
    # Copies go last, so their originals are stored (or earlier in the batch) when they are assigned.
    order = sorted(publication_order(articles), key=lambda i: articles[i].copy_of is not None)
    articles = [articles[i] for i in order]
    hashes = [hashes[i] for i in order]
    touched_all: set[str] = set()
    writer = _Writer(store, options.params)
    bar = progress if isinstance(progress, TerminalProgress) else None
    batch: list[tuple[Article, str, ArticleFeatures]] = []
    since_briefs = 0
    with get_executor(options.executor, scheduler=options.scheduler, embedder=options.embedder) as run:
        features = iter(run.features(articles, batch_size=options.batch_size))
        while True:
            _phase(bar, "clustering", len(articles))
            with timings.stage("cluster"):  # the features, computed ahead by the executor
                step = next(features, None)
            if step is None:
                break
            position, feats = step
            batch.append((articles[position], hashes[position], feats))
            if len(batch) == options.batch_size or position == len(articles) - 1:
                touched_all |= _commit(store, batch, writer, report, timings)
                since_briefs += len(batch)
                batch = []
                if progress is not None:
                    progress(position + 1, len(articles))
                if since_briefs >= BRIEFS_EVERY:
                    rebuild_briefs()
                    since_briefs = 0
    return {store.live_story(story_id) for story_id in touched_all}


class _Writer:
    """This ingest's clusterer, caught up with the store whenever another writer committed in between."""

    def __init__(self, store: Store, params: Params | None):
        self.store, self.params = store, params
        self.clusterer: Clusterer | None = None

    def current(self) -> Clusterer:
        """Call inside the write transaction: the state it returns cannot change until the commit."""
        if self.clusterer is None or self.clusterer.documents != self.store.documents():
            self.clusterer = self.store.load_clusterer(self.params)
        return self.clusterer


def _commit(
    store: Store, batch: list[tuple[Article, str, ArticleFeatures]], writer: _Writer, report: IngestReport,
    timings: Timings,
) -> set[str]:
    """Assign and store one batch as one write transaction (``BEGIN IMMEDIATE``: one writer at a time).

    Read state -> assign -> commit happen under the lock, so two ingests (or
    two web posts) on one store never hand out the same story id or assign
    against a stale clusterer: the clusterer and the story counter come from
    the database, and the batch is vetted again against what others stored.
    """
    try:
        with store.transaction():
            with timings.stage("cluster"):
                clusterer = writer.current()
                fresh = _claim(store, batch, report)
                assigned: list[tuple[str, str]] = []
                merges: list[tuple[str, str]] = []
                for article, _, feats in fresh:
                    story_id = _original_story(store, article, assigned)
                    if story_id is None:
                        story_id, step_merges = clusterer.add(feats)
                        merges += step_merges
                    assigned.append((article.id, story_id))
                merges += clusterer.consolidate()  # the second pass, once a batch
            # An article assigned to a story absorbed later in the same batch follows the merge.
            assignments = [(article_id, final_story(story_id, merges)) for article_id, story_id in assigned]
            with timings.stage("store"):
                touched = store.write_batch([a for a, _, _ in fresh], [h for _, h, _ in fresh], assignments,
                                            merges, clusterer) if fresh else set()
    except BaseException:
        writer.clusterer = None  # it may hold the uncommitted batch
        raise
    clusterer.clear_changes()
    report.new += len(fresh)
    report.stories_merged += len(merges)
    return touched


def _original_story(store: Store, article: Article, assigned: list[tuple[str, str]]) -> str | None:
    """A copy's story: its original's (assigned earlier in this batch, or stored); None for the rest."""
    if article.copy_of is None:
        return None
    for article_id, story_id in assigned:
        if article_id == article.copy_of:
            return story_id
    return store.story_of(article.copy_of)


def _claim(
    store: Store, batch: list[tuple[Article, str, ArticleFeatures]], report: IngestReport
) -> list[tuple[Article, str, ArticleFeatures]]:
    """The batch less what another writer stored since :func:`_vet` (same text); ids they took get a suffix."""
    stored = store.known_hashes([h for _, h, _ in batch])
    taken = store.known_ids([a.id for a, _, _ in batch])
    fresh = []
    for article, digest, feats in batch:
        if digest in stored:
            report.duplicates += 1
            continue
        if article.id in taken:
            base = article.id
            article.id = _free_id(base, store, {a.id for a, _, _ in batch})
            report.flagged.append(f"{base}: id already used by a different text; kept this one as {article.id}")
        fresh.append((article, digest, feats))
    return fresh


def _free_id(base: str, store: Store, taken_here: set[str]) -> str:
    """``base~2``, ``base~3``, ...: the first one neither stored nor taken in this run."""
    number = 2
    while f"{base}~{number}" in taken_here or store.known_ids([f"{base}~{number}"]):
        number += 1
    return f"{base}~{number}"


def _rebuild_briefs(
    store: Store, fold: Callable[[list[Article]], Brief], report: IngestReport, failed: set[str],
    bar: TerminalProgress | None, timings: Timings,
) -> None:
    """Fold each story marked pending once, however many of its articles arrived since its last fold."""
    pending = [story_id for story_id in store.pending_briefs() if story_id not in failed]
    earlier = report.briefs_rebuilt + len(report.brief_failures)  # so the ETA's rate spans every batch
    for done, story_id in enumerate(pending):
        _phase(bar, "briefs", earlier + len(pending), earlier + done)
        with timings.stage("briefs"):
            articles = store.get_articles(story_id)
            texts = [a for a in articles if a.text.strip()]  # a title-only article has nothing to cite
            try:
                brief = fold(texts) if texts else Brief(title=None, date=None, sources=[])
                brief_json = to_json(brief)
                disputed = len(brief.conflicts)
            except Exception as exc:  # one bad story must not stop the stream; it stays pending
                report.brief_failures.append(f"{story_id}: {type(exc).__name__}: {exc}")
                failed.add(story_id)
                continue
        with timings.stage("store"):
            if store.save_brief(story_id, brief_json, disputed, [a.id for a in articles]):
                report.briefs_rebuilt += 1
