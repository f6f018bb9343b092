"""Injection benchmark: does the brief show a disagreement it has never seen?

In one independent, on-topic source of a real story one figure, one date and
one quote's speaker are changed to values no other source gives, and the story
is folded again. A change is *found* when the brief has a conflict of the
matching kind (``number``, ``date``, ``attribution``) with a value supported in
the changed source over the changed text and another value supported by another
independent source; *touched* when any conflict has support over it.

Only what another independent source also writes is changed (the same figure
with its counted noun or currency, the same day of the month, the same quote
inside quotation marks: a paraphrase names no speaker to disagree with), so
every change is a real disagreement; a possessive name ("said Mr Ruiz's
father") is not the speaker and is never swapped. Never changed: years, times, ordinals,
ages ("aged 45", "45-year-old", "12 years old"), phone numbers, addresses and
codes (a figure is digits with a lower-case counted noun after them, or with a
currency, scale or percent sign; a bare number after a capitalised word names
something: "Avenue 5", "a System 7 entry"), figures beside a month (those are
dates), and figures of a sentence the page prints twice (one edit would leave
the copy to contradict it). A figure a bound would let the change agree with
("up to 32" raised to "up to 48" beside another source's 32) is changed the
other way (the figures: ``eval_edits``).
Pure functions; ``scripts/eval_injection.py`` reads the stories and prints.
"""
from __future__ import annotations

import calendar
import hashlib
import random
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from .model import Article, Brief, Entity, root_of, source_roots
from .eval_dates import VARIED_SHIFTS, changed_month, moved_day
from .eval_edits import MONTH_PATTERN, Edit, figure_edits, sentence_around
from .nlp.lexicon import HONORIFICS, MONTHS, QUOTE_VERBS
from .nlp.names import fold as fold_name
from .nlp.names import same_person, speaker_name

KINDS: tuple[str, ...] = ("figure", "date", "speaker")
CONFLICT_KIND: dict[str, str] = {"figure": "number", "date": "date", "speaker": "attribution"}
MIN_QUOTE_WORDS = 6

Fold = Callable[[list[Article]], Brief]

_DATE = re.compile(
    rf"\b(?:(?P<m1>{MONTH_PATTERN})\.?\s(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?|"
    rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s(?:of\s)?(?P<m2>{MONTH_PATTERN})\b)(?![\d:])"
)
_QUOTE = re.compile(r"[“\"](?P<quote>[^“”\"\n]{20,800})[”\"]")
_TITLE = "|".join(sorted((h.capitalize() for h in HONORIFICS | {"prof"}), key=len, reverse=True))
_NAME = rf"(?:(?:{_TITLE})\.?\s)?[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){{0,4}}"
# "read" speaks for a statement ("a statement from X read:"), never for a name: not a change to inject
_VERB = "|".join(sorted(QUOTE_VERBS - {"according", "read", "reads"}, key=len, reverse=True))
_NAME_AFTER = re.compile(rf"\s*,?\s*(?:(?P<a>{_NAME})\s(?:{_VERB})\b|(?:{_VERB})\s(?P<b>{_NAME}))")
_NAME_BEFORE = re.compile(rf"(?P<a>{_NAME})\s(?:{_VERB})\s?[:,]?\s*$")


@dataclass(frozen=True)
class Injection:
    """A change as it stands in the changed text of ``source``: ``[start, end)`` is
    the marked span (the new value; for a speaker, the quote and the name)."""

    kind: str
    source: str
    start: int
    end: int
    old: str
    new: str
    sentence: str
    sources: int = 1  # other independent sources that write the original item


@dataclass
class StoryResult:
    """One story: the source changed, its changes, and per kind found/touched."""

    story: str
    target: str | None
    injections: list[Injection]
    found: dict[str, bool] = field(default_factory=dict)
    touched: dict[str, bool] = field(default_factory=dict)
    conflicts_before: int = 0
    conflicts_after: int = 0


def split_of(story: str) -> str:
    """``dev`` or ``heldout``: a fixed half of the stories by a hash of the id."""
    return "dev" if int.from_bytes(hashlib.sha1(story.encode("utf-8")).digest(), "big") % 2 == 0 else "heldout"


def visible_text(article: Article) -> str:
    """The article's text with removed spans blanked, offsets unchanged."""
    text = article.text
    for span in article.removed:
        text = text[:span.start] + " " * (span.end - span.start) + text[span.end:]
    return text



# --- dates ----------------------------------------------------------------------


def _dates(text: str) -> Iterable[tuple[tuple[int, int], re.Match[str], str]]:
    for match in _DATE.finditer(text):
        group = "d1" if match["d1"] else "d2"
        month = MONTHS[(match["m1"] or match["m2"]).lower()]
        day = int(match[group])
        if 1 <= day <= calendar.monthrange(2001, month)[1]:
            yield (month, day), match, group


def date_edits(text: str, others: Sequence[str], vary: random.Random | None = None) -> list[Edit]:
    """Day-of-month dates of ``text`` that some of ``others`` also write, each
    moved three days; with ``vary``, by a seeded choice of ``VARIED_SHIFTS``."""
    other_keys = [{key for key, _, _ in _dates(other)} for other in others]
    edits = []
    for key, match, group in _dates(text):
        sources = sum(key in keys for keys in other_keys)
        if not sources:
            continue
        shift = vary.choice(VARIED_SHIFTS) if vary else 3
        if shift == "month":
            month_group = "m1" if match["m1"] else "m2"
            edits.append(Edit("date", match.start(month_group), match.end(month_group),
                              changed_month(match[month_group], *key), match.start(), match.end(), sources))
        else:
            edits.append(Edit("date", match.start(group), match.end(group), str(moved_day(*key, by=int(shift))),
                              match.start(), match.end(), sources))
    return edits


# --- speakers -------------------------------------------------------------------


def _grams(text: str, n: int = MIN_QUOTE_WORDS) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def person_of(name: str, people: Sequence[Entity]) -> Entity | None:
    """The story's person a written name stands for ("Mr Ruiz", "Ana Ruiz")."""
    plain_name = fold_name(speaker_name(name))
    if not plain_name:
        return None
    for person in people:
        for alias in [person.name, *person.aliases]:
            folded = fold_name(alias)
            if folded and (folded == plain_name or same_person(folded, plain_name)
                           or " " not in plain_name and folded.split()[-1] == plain_name):
                return person
    return None


def _one_sentence(text: str, start: int, end: int, keep_first: bool) -> tuple[int, int]:
    """The part of a matched name within one sentence: '"...," said Ana. Ana
    also spoke' matches "Ana. Ana"; a word of two or more letters ending with
    a full stop ends a sentence (an initial or a title does not)."""
    stops = [m for m in re.finditer(r"\b([A-Za-z]{2,})\.\s+", text[start:end])
             if m[1].lower() not in HONORIFICS]
    if not stops:
        return start, end
    return (start, start + stops[0].end(1)) if keep_first else (start + stops[-1].end(), end)


def _attributed(text: str, quote: re.Match[str]) -> tuple[int, int] | None:
    """The span of the name a quote is attributed to, after it or before it."""
    # A quote closed by a full stop ends its sentence: the next name starts another.
    after = None if quote["quote"].rstrip().endswith(".") else _NAME_AFTER.match(text, quote.end())
    shift = max(0, quote.start() - 80)
    before = None if after else _NAME_BEFORE.search(text[shift:quote.start()])
    if after:
        group = "a" if after["a"] else "b"
        start, end = after.start(group), after.end(group)
    elif before:
        start, end = before.start("a") + shift, before.end("a") + shift
    else:
        return None
    start, end = _one_sentence(text, start, end, keep_first=bool(after and after["b"]))
    core = speaker_name(text[start:end])  # "Mayor Ana Ruiz": the title stays
    return (end - len(core), end) if core and text[start:end].endswith(core) else (start, end)


def speaker_edits(text: str, others: Sequence[str], people: Sequence[Entity], rng: random.Random,
                  said_by: Callable[[int, int], set[str]] = lambda start, end: set(),
                  substitutes: int = 1) -> list[Edit]:
    """Quotes of ``text`` that some of ``others`` also quote (the words inside
    their quotation marks: a paraphrase carries no speaker), attributed to a
    named person of the story (not "Mr Ruiz's father"): the name is swapped for another person of the story,
    never one ``said_by(quote start, end)`` (what other sources say) names;
    one edit per quote, or with ``substitutes`` > 1 one per substitute (a seeded sample)."""
    other_grams = [set().union(*(_grams(q["quote"]) for q in _QUOTE.finditer(other))) for other in others]
    edits = []
    for quote in _QUOTE.finditer(text):
        sources = sum(bool(_grams(quote["quote"]) & carried) for carried in other_grams)
        span = _attributed(text, quote) if sources else None
        if span is not None and re.search(r"['’]s?$", text[span[0]:span[1]]):
            continue  # "said Mr Ruiz's father": the speaker is whom the name owns
        speaker = person_of(text[span[0]:span[1]], people) if span else None
        if span is None or speaker is None:
            continue
        taken = {fold_name(a) for a in [speaker.name, *speaker.aliases]}
        taken |= {fold_name(name) for name in said_by(quote.start(), quote.end())}
        swaps = [p for p in people if not any(
            same_person(fold_name(a), n) or fold_name(a) == n for a in [p.name, *p.aliases] for n in taken if a and n)]
        full = [p for p in swaps if " " in p.name.strip()] or swaps
        names = sorted(p.name for p in full)
        chosen = [rng.choice(names)] if names and substitutes == 1 else rng.sample(names, min(substitutes, len(names)))
        edits += [Edit("speaker", span[0], span[1], name, min(span[0], quote.start()), max(span[1], quote.end()),
                       sources) for name in chosen]
    return edits


# --- planning and applying -------------------------------------------------------


def _candidates(brief: Brief, target: Article, people: Sequence[Entity],
                rng: random.Random, vary: random.Random | None = None) -> dict[str, list[Edit]]:
    """Each kind's possible edits in ``target``, outside its removed spans."""
    others = [visible_text(a) for a in brief.sources
              if not a.off_topic and root_of(a) != root_of(target)]
    text = visible_text(target)

    def said_by(start: int, end: int) -> set[str]:
        return {e.speaker for quote in brief.quotes if any(
            e.source == target.id and e.start < end and start < e.end for e in quote.support)
            for e in quote.support if e.speaker}

    found = {"figure": figure_edits(text, others), "date": date_edits(text, others, vary),
             "speaker": speaker_edits(text, others, people, rng, said_by)}
    return {kind: [e for e in edits if not target.is_removed(e.mark_start, e.mark_end)]
            for kind, edits in found.items()}


def _pick(edits: list[Edit], taken: list[Edit], rng: random.Random) -> Edit | None:
    """A seeded choice among the edits most other sources back (two is enough)
    whose mark overlaps no edit already taken."""
    free = [e for e in edits if not any(e.mark_start < t.mark_end and t.mark_start < e.mark_end for t in taken)]
    if not free:
        return None
    best = max(min(e.sources, 2) for e in free)
    return rng.choice([e for e in free if min(e.sources, 2) == best])


def plan(brief: Brief, rng: random.Random, vary: random.Random | None = None) -> tuple[Article | None, list[Edit]]:
    """The source to change (independent, on topic, with the most kinds to change;
    a seeded choice among ties) and one edit per kind it allows."""
    people = [e for e in brief.entities if e.type == "PERSON"]
    eligible = [a for a in brief.sources if a.copy_of is None and not a.off_topic]
    options = {a.id: (a, _candidates(brief, a, people, rng, vary)) for a in eligible}
    most = max((sum(bool(edits) for edits in found.values()) for _, found in options.values()), default=0)
    if not most:
        return None, []
    target, found = options[rng.choice(sorted(
        source for source, (_, kinds) in options.items() if sum(bool(e) for e in kinds.values()) == most))]
    taken: list[Edit] = []
    for kind in ("speaker", "figure", "date"):  # the rarest kind chooses first
        edit = _pick(found[kind], taken, rng)
        if edit:
            taken.append(edit)
    return target, taken


def apply_edits(article: Article, edits: Sequence[Edit]) -> tuple[Article, list[Injection]]:
    """The article with its text changed, and where each change now stands.

    The changed article is new text read afresh: the reader's removed spans
    (header lines at the top) are kept only where they end before the first
    change; the pipeline finds everything else again."""
    text, shift, placed = article.text, 0, []
    for edit in sorted(edits, key=lambda e: e.start):
        old = article.text[edit.start:edit.end]
        delta = len(edit.new) - len(old)
        start = edit.start + shift
        text = text[:start] + edit.new + text[start + len(old):]
        placed.append((edit, old, edit.mark_start + shift, edit.mark_end + shift + delta))
        shift += delta
    injections = [Injection(edit.kind, article.id, mark_start, mark_end, old, edit.new,
                            sentence_around(text, mark_start, mark_end), edit.sources)
                  for edit, old, mark_start, mark_end in placed]
    first = min((e.start for e in edits), default=len(article.text))
    changed = replace(article, text=text, removed=[r for r in article.removed if r.end <= first])
    return changed, injections


# --- detection and scoring --------------------------------------------------------


def detect(brief: Brief, injection: Injection) -> tuple[bool, bool]:
    """(found, touched) for one injection in the brief of the changed story.

    Found: a conflict of the injection's kind with a value supported in the
    changed source over the marked span, and another value supported by another
    independent source. Touched: any conflict with support over the span."""
    roots = source_roots(brief.sources)
    own_root = roots.get(injection.source, injection.source)
    found = touched = False
    for conflict in brief.conflicts:
        hit = [any(e.source == injection.source and e.start < injection.end and injection.start < e.end
                   for e in value.support) for value in conflict.values]
        if not any(hit):
            continue
        touched = True
        others = [value for value, is_hit in zip(conflict.values, hit, strict=True) if not is_hit]
        if conflict.kind == CONFLICT_KIND[injection.kind] and any(
                roots.get(e.source, e.source) != own_root for value in others for e in value.support):
            found = True
    return found, touched


Revalue = Callable[[Sequence[Edit], str, Sequence[str], random.Random], list[Edit]]


def run_story(story: str, articles: list[Article], fold: Fold, seed: int = 0,
              revalue: Revalue | None = None, date_change: str = "three") -> StoryResult:
    """Fold the story as it is, change one source, fold again, and score each
    change; ``revalue`` (``eval_figures.vary_figures``) may give the planned
    edits other values (the changed text, the others' texts, a seeded rng);
    ``date_change`` "vary" moves the date by a seeded ``VARIED_SHIFTS``."""
    rng = random.Random(f"{seed}:{story}")
    before = fold(articles)
    target, edits = plan(before, rng, random.Random(f"date:{seed}:{story}") if date_change == "vary" else None)
    result = StoryResult(story, target.id if target else None, [], conflicts_before=len(before.conflicts))
    if target is None or not edits:
        return result
    original = next(a for a in articles if a.id == target.id)
    if revalue is not None:
        others = [visible_text(a) for a in before.sources if not a.off_topic and root_of(a) != root_of(target)]
        edits = revalue(edits, visible_text(target), others, random.Random(f"{seed}:{story}:figure"))
    changed, result.injections = apply_edits(original, edits)
    after = fold([changed if a.id == target.id else a for a in articles])
    result.conflicts_after = len(after.conflicts)
    for injection in result.injections:
        result.found[injection.kind], result.touched[injection.kind] = detect(after, injection)
    return result


def score(results: Sequence[StoryResult]) -> dict[str, object]:
    """Per kind: attempted, found, touched, skipped (stories with nothing of the
    kind to change), recall, and recall over the changes that two or more other
    independent sources write (the original then stands in three outlets);
    conflicts per unchanged story, and the extra conflicts a changed story shows
    beyond the injections found."""
    kinds: dict[str, dict[str, float]] = {}
    for kind in KINDS:
        attempted, found = sum(kind in r.found for r in results), sum(r.found.get(kind, False) for r in results)
        wide = [r.found[kind] for r in results for i in r.injections if i.kind == kind and i.sources >= 2]
        kinds[kind] = {"attempted": attempted, "found": found, "skipped": len(results) - attempted,
                       "touched": sum(r.touched.get(kind, False) for r in results),
                       "recall": round(found / attempted, 3) if attempted else 0.0,
                       "attempted_3_outlets": len(wide),
                       "recall_3_outlets": round(sum(wide) / len(wide), 3) if wide else 0.0}
    changed = [r for r in results if r.injections]
    extra = [r.conflicts_after - r.conflicts_before - sum(r.found.values()) for r in changed]
    return {
        "stories": len(results), "changed_stories": len(changed), "kinds": kinds,
        "conflicts_per_unchanged_story": round(sum(r.conflicts_before for r in results) / len(results), 3)
        if results else 0.0,
        "extra_conflicts_per_changed_story": round(sum(extra) / len(extra), 3) if extra else 0.0,
    }
