"""Off-topic benchmark: a real article of another story, slipped into a real story.

For each multi-source story of a labelled news collection, the article of
*another* story that looks most like it is added as a distractor: the one
whose names (capitalised words: people, places, organisations) overlap the
story's most, rare names weighing more, with a bonus when it was published
within a week of the story. So the distractor shares the place, the week and
some names where the collection has such an article, and it is chosen by
overlap, never by hand. The story is then screened (clean, split, copies,
relevance) and scored:

- ``distractor_recall``: the share of cases whose distractor is flagged;
- ``false_alarms``: the share of true sources flagged, over all cases;
- ``clean_cases``: the share of cases with the distractor flagged and no true
  source flagged.

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
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from .model import Article

MIN_TRUE_SOURCES = 3
MAX_TRUE_SOURCES = 8  # the first articles of a big story: enough to judge, quick to screen
WEEK_BONUS = 0.5  # a same-week article wins over one that shares a little more

_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w'’-]{2,}")

Screen = Callable[[list[Article]], set[str]]


@dataclass
class Case:
    story: str
    true_ids: list[str]
    distractor: dict
    overlap: float


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


def build_cases(records: list[dict], half: str | None = None) -> list[Case]:
    """One case per event story with enough true sources (of ``half`` when given)."""
    linked = linked_stories(records)
    by_story: dict[str, list[dict]] = defaultdict(list)
    for record in records:
        by_story[record["story"]].append(record)
    usable = [r for r in records if r.get("text") and not _irrelevant(r)]
    names = {r["id"]: _names(r) for r in usable}
    rarity = _rarity(names.values())
    cases = []
    for story, rows in sorted(by_story.items()):
        if half and story_half(story, linked) != half:
            continue
        true_rows = [r for r in rows if r.get("text") and not _irrelevant(r)][:MAX_TRUE_SOURCES]
        if _is_topic(story, rows) or len(true_rows) < MIN_TRUE_SOURCES:
            continue
        same = {story} | linked.get(story, set())
        seen = {(r.get("url"), r.get("text")) for r in true_rows}
        story_names = Counter(n for r in true_rows for n in names[r["id"]])
        story_date = _median_date(true_rows)
        best: tuple[float, dict] | None = None
        for candidate in usable:
            if candidate["story"] in same or (candidate.get("url"), candidate.get("text")) in seen:
                continue
            score = _overlap(names[candidate["id"]], story_names, rarity)
            score += WEEK_BONUS * _same_week(candidate.get("published"), story_date)
            if best is None or score > best[0]:
                best = (score, candidate)
        if best is not None:
            cases.append(Case(story, [r["id"] for r in true_rows], best[1], best[0]))
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


def score_cases(cases: list[Case], rows_by_id: dict[str, dict], screen: Screen) -> dict[str, float]:
    """Run ``screen`` (articles -> flagged ids) on each case and score the flags."""
    caught = alarms = sources = clean_cases = 0
    for case in cases:
        articles = [article_of(rows_by_id[i]) for i in case.true_ids]
        distractor = article_of(case.distractor)
        distractor.id = "distractor-" + distractor.id
        articles.insert(len(articles) // 2, distractor)
        flagged = screen(articles)
        hit = distractor.id in flagged
        wrong = len(flagged - {distractor.id})
        caught += hit
        alarms += wrong
        sources += len(case.true_ids)
        clean_cases += hit and not wrong
    n = len(cases)
    return {
        "cases": float(n),
        "distractor_recall": caught / n if n else 1.0,
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
