"""Off-topic benchmark: real articles of other stories, slipped into a real story.

For each multi-source story of a labelled news collection, articles of
*other* stories are added as distractors, each kind chosen by a rule, never by
hand, so a screen tuned on one kind is checked on the others:

- ``names``: the article whose names (capitalised words: people, places,
  organisations) overlap the story's most, rare names weighing more, with a
  bonus when it was published within a week of the story;
- ``nearest``: the article whose title and lead are nearest the story's in
  sentence embedding: the same kind of event, another event;
- ``place``: the article that shares the story's places most (capitalised
  names after "in", "at", "near" ..., rare ones weighing more), with the same
  week bonus: another event in the same place and week;
- ``pair``: the ``names`` and the ``nearest`` distractor at once (a screen
  may flag only a minority, and two outliers must not hide each other);
- ``unchanged``: the story alone, to count false alarms where nothing is off.

Each kind takes an article the kinds before it did not take, so the kinds
test different articles. The story is then screened (clean, split, copies,
relevance) and scored per kind:

- ``distractor_recall``: the share of distractors flagged;
- ``false_alarms``: the share of true sources flagged, over all cases;
- ``clean_cases``: the share of cases with every distractor flagged and no
  true source flagged.

What is never a true source or a distractor: an article whose every labelled
paragraph is irrelevant (NEWSCOPE labels: it is about something else), and a
story the collection calls a topic rather than an event (Giveme5W1H Google
News categories; a story where a quarter of the labelled articles are
irrelevant). Stories that share an article, or whose ids extend one another
(``tram`` and ``tram-victims``), are the same event and never distract each
other. Stories split in halves by :func:`story_half`; tune on ``dev`` only.
Pure functions; ``scripts/eval_offtopic.py`` reads the data and prints.
"""
from __future__ import annotations

import math
import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from .model import Article
from .nlp.lexicon import MONTH_NAMES, WEEKDAY_NAMES

MIN_TRUE_SOURCES = 3
MAX_TRUE_SOURCES = 8  # the first articles of a big story: enough to judge, quick to screen
WEEK_BONUS = 0.5  # a same-week article wins over one that shares a little more
LEAD_CHARS = 400  # the lead that ``nearest`` compares, after the title
KINDS = ("names", "nearest", "place", "pair", "unchanged")

_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w'’-]{2,}")
_PLACE = re.compile(r"\b(?:in|at|near|outside|inside|along|off|across|around)\s+(?:the\s+)?"
                    r"((?:[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+)*)")
_NOT_PLACES = frozenset(w.lower() for w in (*MONTH_NAMES, *WEEKDAY_NAMES))

Screen = Callable[[list[Article]], set[str]]
Embed = Callable[[Sequence[str]], np.ndarray]


@dataclass
class Case:
    story: str
    true_ids: list[str]
    distractors: list[dict] = field(default_factory=list)
    kind: str = "names"
    overlap: float = 0.0

    @property
    def distractor(self) -> dict:
        return self.distractors[0]


def article_of(record: dict) -> Article:
    return Article(id=record["id"], text=record.get("text") or "", title=record.get("title"),
                   outlet=record.get("outlet"), url=record.get("url"), published=record.get("published"))


def story_half(story: str, linked: dict[str, set[str]]) -> str:
    """``dev`` or ``heldout``: a stable half by story, linked stories together."""
    key = min({story} | linked.get(story, set()))
    return "heldout" if zlib.crc32(key.encode()) % 2 else "dev"


def linked_stories(records: Iterable[dict]) -> dict[str, set[str]]:
    """Story -> the stories that are the same event (a shared article, or an id extending another)."""
    records = list(records)
    stories = {r["story"] for r in records}
    linked: dict[str, set[str]] = defaultdict(set)
    for record in records:
        for other in (record.get("labels") or {}).get("also_in_story") or []:
            linked[record["story"]].add(other)
            linked[other].add(record["story"])
    for story in stories:
        for other in stories:
            if story != other and other.startswith(story + "-"):
                linked[story].add(other)
                linked[other].add(story)
    return linked


class _Pool:
    """The articles a distractor may come from, with what each kind compares."""

    def __init__(self, records: list[dict], embed: Embed | None):
        self.usable = [r for r in records if r.get("text") and not _irrelevant(r)]
        self.names = {r["id"]: _names(r) for r in self.usable}
        self.places = {r["id"]: _places(r) for r in self.usable}
        self.name_rarity = _rarity(self.names.values())
        self.place_rarity = _rarity(self.places.values())
        self.vectors: dict[str, np.ndarray] = {}
        if embed is not None and self.usable:
            rows = embed([_lead(r) for r in self.usable])
            self.vectors = {r["id"]: np.asarray(row) for r, row in zip(self.usable, rows)}

    def best(self, kind: str, true_rows: list[dict], excluded: Callable[[dict], bool]) -> tuple[float, dict] | None:
        story_date = _median_date(true_rows)
        if kind == "nearest":
            if not self.vectors:
                return None
            centre = np.mean([self.vectors[r["id"]] for r in true_rows], axis=0)
        else:
            own, rarity = (self.names, self.name_rarity) if kind == "names" else (self.places, self.place_rarity)
            story_words = Counter(n for r in true_rows for n in own[r["id"]])
        best: tuple[float, dict] | None = None
        for candidate in self.usable:
            if excluded(candidate):
                continue
            if kind == "nearest":
                score = float(self.vectors[candidate["id"]] @ centre)
            else:
                score = _overlap(own[candidate["id"]], story_words, rarity)
                score += WEEK_BONUS * _same_week(candidate.get("published"), story_date)
            if best is None or score > best[0]:
                best = (score, candidate)
        return best


def build_cases(records: list[dict], half: str | None = None, kinds: Sequence[str] = ("names",),
                embed: Embed | None = None) -> list[Case]:
    """Cases of each kind (see the module) per event story with enough true
    sources (of ``half`` when given); ``nearest`` and ``pair`` need ``embed``
    (texts -> unit rows) and are left out without it."""
    linked = linked_stories(records)
    by_story: dict[str, list[dict]] = defaultdict(list)
    for record in records:
        by_story[record["story"]].append(record)
    pool = _Pool(records, embed if {"nearest", "pair"} & set(kinds) else None)
    cases = []
    for story, rows in sorted(by_story.items()):
        if half and story_half(story, linked) != half:
            continue
        true_rows = [r for r in rows if r.get("text") and not _irrelevant(r)][:MAX_TRUE_SOURCES]
        if _is_topic(story, rows) or len(true_rows) < MIN_TRUE_SOURCES:
            continue
        cases += _story_cases(story, true_rows, pool, kinds, {story} | linked.get(story, set()))
    return cases


def _story_cases(story: str, true_rows: list[dict], pool: _Pool, kinds: Sequence[str],
                 same: set[str]) -> list[Case]:
    seen = {(r.get("url"), r.get("text")) for r in true_rows}
    picked: dict[str, tuple[float, dict]] = {}
    true_ids = [r["id"] for r in true_rows]
    for kind in ("names", "nearest", "place"):
        if kind not in kinds and not (kind != "place" and "pair" in kinds):
            continue
        found = pool.best(kind, true_rows, lambda c: c["story"] in same or (c.get("url"), c.get("text")) in seen)
        if found is not None:
            picked[kind] = found
            seen.add((found[1].get("url"), found[1].get("text")))  # the next kind takes another article
    cases = [Case(story, true_ids, [picked[k][1]], k, picked[k][0]) for k in kinds if k in picked]
    if "pair" in kinds and "names" in picked and "nearest" in picked:
        cases.append(Case(story, true_ids, [picked["names"][1], picked["nearest"][1]], "pair"))
    if "unchanged" in kinds:
        cases.append(Case(story, true_ids, [], "unchanged"))
    return cases


def screen(articles: list[Article], embedder: str = "minilm") -> set[str]:
    """The off-topic ids that ``pipeline.prepare`` marks, without dating and the spaCy parse."""
    from .context import StoryContext
    from .nlp.embed import get_embedder
    from .stages import clean, copies, relevance, split

    articles = [clean.clean(a) for a in articles]
    ctx = StoryContext(articles, sentences={a.id: split.split(a) for a in articles})
    copy_of = copies.find_copies(ctx)
    for article in articles:
        article.copy_of = copy_of.get(article.id)
    ctx.embedder = get_embedder(embedder)
    return relevance.find_off_topic(ctx)


def case_articles(case: Case, rows_by_id: dict[str, dict]) -> list[Article]:
    """The case's true sources with its distractors (ids ``distractor-...``) spread among them."""
    articles = [article_of(rows_by_id[i]) for i in case.true_ids]
    for n, record in enumerate(case.distractors, start=1):
        distractor = article_of(record)
        distractor.id = "distractor-" + distractor.id
        articles.insert(n * len(articles) // (len(case.distractors) + 1), distractor)
    return articles


def score_cases(cases: list[Case], rows_by_id: dict[str, dict], screen: Screen) -> dict[str, float]:
    """Run ``screen`` (articles -> flagged ids) on each case and score the flags."""
    caught = distractors = alarms = sources = clean_cases = 0
    for case in cases:
        articles = case_articles(case, rows_by_id)
        planted = {a.id for a in articles if a.id.startswith("distractor-")}
        flagged = screen(articles)
        wrong = len(flagged - planted)
        caught += len(planted & flagged)
        distractors += len(planted)
        alarms += wrong
        sources += len(case.true_ids)
        clean_cases += planted <= flagged and not wrong
    n = len(cases)
    return {
        "cases": float(n),
        "distractor_recall": caught / distractors if distractors else 1.0,
        "false_alarms": alarms / sources if sources else 0.0,
        "clean_cases": clean_cases / n if n else 1.0,
    }


def _irrelevant(record: dict) -> bool:
    paragraphs = (record.get("labels") or {}).get("paragraphs") or []
    return bool(paragraphs) and not any(p.get("relevant") for p in paragraphs)


def _is_topic(story: str, rows: list[dict]) -> bool:
    if any((r.get("labels") or {}).get("subset") == "google_news" for r in rows):
        return True
    labelled = [r for r in rows if (r.get("labels") or {}).get("paragraphs")]
    return bool(labelled) and sum(map(_irrelevant, labelled)) * 4 >= len(labelled)


def _names(record: dict) -> set[str]:
    text = f"{record.get('title') or ''}\n{record.get('text') or ''}"
    return {m.group(0).lower() for line in text.splitlines() for m in _NAME.finditer(line)}


def _places(record: dict) -> set[str]:
    """Capitalised names after a preposition of place ("in Valmora", "at the Harbour Road depot")."""
    text = f"{record.get('title') or ''}\n{record.get('text') or ''}"
    found = {m.group(1).lower() for m in _PLACE.finditer(text)}
    return {p for p in found if p.split()[0] not in _NOT_PLACES}


def _lead(record: dict) -> str:
    return f"{record.get('title') or ''}. {(record.get('text') or '')[:LEAD_CHARS]}"


def _rarity(name_sets: Iterable[set[str]]) -> dict[str, float]:
    sets = list(name_sets)
    counts = Counter(n for names in sets for n in names)
    return {n: math.log(len(sets) / c) for n, c in counts.items()}


def _overlap(names: set[str], story_names: Counter, rarity: dict[str, float]) -> float:
    """Rarity-weighted names the candidate shares with the story, over its own names' weight."""
    own = sum(rarity.get(n, 0.0) for n in names) or 1.0
    shared = sum(rarity.get(n, 0.0) for n in names if n in story_names)
    return shared / math.sqrt(own)


def _median_date(rows: list[dict]) -> date | None:
    dates = sorted(d for r in rows if (d := _date(r.get("published"))))
    return dates[len(dates) // 2] if dates else None


def _same_week(published: str | None, story_date: date | None) -> bool:
    day = _date(published)
    return bool(day and story_date and abs((day - story_date).days) <= 7)


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat((value or "")[:10])
    except ValueError:
        return None
