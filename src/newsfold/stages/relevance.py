"""Flag articles that report another event than the rest of the story.

Reads ``ctx.articles`` (their ``copy_of``: copies must be found first),
``ctx.sentences`` and ``ctx.embedder``; returns the ids of the outliers, each
with the reason it is left out (``off_topic_reasons``; ``find_off_topic`` the
ids alone). The pipeline writes that into ``Article.off_topic`` and the notes.

A distractor can share the story's place, week, kind of event and some
names, so no single one of those is evidence. Reports of one event *retell*
each other; four signals measure that, each for one independent source
against every other one and averaged over them:

1. Topic: how close the mean sentence embeddings of the two sources are.
2. Support: the share of its sentences that the other source states too (a
   sentence within ``_SAME_SENTENCE`` cosine): the event's figures, actors
   and actions, sentence by sentence.
3. Cover: how closely it tells what the other source leads with (its first
   ``_LEDE_SENTENCES`` sentences): reports of one event all tell its core.
4. Lede words: the share of the content words and figures of its own lede
   that the other source uses anywhere: what it leads with is the story's.

Each signal is taken as a share of the typical source's (the median of the
others, so embedders of different scales and loosely or tightly written
stories work alike), capped at 1 (being more typical than typical proves
nothing), and the four are averaged, leaving out a signal whose typical value
is nothing (no two sources share a sentence: it tells nothing). A source whose average is below
``_RELATIVE`` reports another event: a follow-up or an explainer of the same
event still retells its core and keeps most of all four.

Averaged over every other source, two articles of one other event vouch for
each other: each retells the other fully. So, from ``_CORE_FROM`` sources
on, each source is weighed once more against the core, the majority that
retells the others most (as many as must stay on topic), with the typical
values now the core's; a source under ``_RELATIVE_CORE`` there reports
another event too. The lower bar keeps a loose report of the story (a
commentary, a reader's letter), which the tight core also retells less, in.

5. Day: reports of one event agree on its day. A source that names none of
   the days most other sources name (``_STORY_DAY_SHARE`` of them) while its
   lede names a day ``_OTHER_DAY_GAP`` or more days away from all of them
   reports another event of the same kind (last week's draw beside this
   week's, an earlier speech beside the one the story is about), however
   alike the two read sentence by sentence, when its figures are its own too:
   fewer than half of its specific figures (a decimal point, or three digits
   or more) are any other source's. The story's figures under another day
   are one source getting the day wrong: a date dispute, not another event;
   so is one figure of its own under a day less than ``_OTHER_OCCURRENCE_GAP``
   days off (a changed figure and day in one report of the event), and so
   are figures of its own beside one that most other sources give (the
   alarm's "4.55am") under a day less than that off, while a week or more
   apart tells another occurrence (last week's draw). Days are
   dates and, from the report's own date, past weekdays ("on Thursday"). A
   source dated elsewhere that gives none of the story's figures (nor any of
   its own, often) is another event when its retelling average is below
   ``_RELATIVE_DATED``: a strike three days after a crash in the same city.
   A source that gives a sum that most other sources give (the share of
   the story's days, three at least: "US$20m") reports the story, however
   dated: an announcement a week before the follow-up the others report.

6. Digest: a page of several stories ("Daily roundup: … and other top
   stories", numbered headlines each with a teaser and "READ MORE") reports
   none of them; it names the story in one headline and teaser at most.

7. Actors (``_other_actors``): a source whose title and lede name two or
   more names (capitalised words the story never writes in lower case) that
   no other source names anywhere, and none of the names most other sources
   lead with, reports what other actors did: a rival's results the same
   day, told in the story's very words and naming the story's company only
   in its last line. A name one source spells longer ("Norlanders",
   "Norland") is one name; a lede naming a single name no one else names
   (a dateline) is too little to tell.

Nothing is flagged with fewer than three independent sources (no majority to
compare against), and never more than a minority of them: another day first,
then the lowest averages. The rule is conservative on purpose: a lost
on-topic source costs more than a stray sentence.
"""
from __future__ import annotations

import re

import numpy as np

from ..context import StoryContext
from ..errors import NewsfoldError
from ..model import Article, Sentence, root_of
from ..nlp.days import Day, day_label, days_apart, days_named, without_days
from ..nlp.lexicon import MONTHS, STOPWORDS, WEEKDAY_NUMBERS
from ..nlp.text import title_case

_MIN_SOURCES = 3
_RELATIVE = 0.57  # an outlier's retelling averages less than this share of the typical source's
_RELATIVE_CORE = 0.5  # ... or less than this share of the typical core source's, against the core
_CORE_FROM = 5  # sources from which two of them may be of another event (three of the story beside them)
_SAME_SENTENCE = 0.6  # cosine at which another source states the same thing
_LEDE_SENTENCES = 2  # the lede: what a report opens on
_ACTORS = 2  # a lede naming this many names no other source names leads with other actors
_STORY_DAY_SHARE = 2 / 3  # a day named by this share of the other sources (two at least) is the story's
_OTHER_DAY_GAP = 2  # a lede dated this many days from every day of the story tells another event
_OTHER_OCCURRENCE_GAP = 7  # ... this many when it gives only one figure no other source gives
_RELATIVE_DATED = 0.75  # the retelling share below which a source dated elsewhere, none of whose figures
# the story gives, reports another event
_SIGNALS = ("its topic", "its sentences another source states", "the others' ledes it tells",
            "its lede's words the others use")  # in the note, in the order _retelling returns them


def find_off_topic(ctx: StoryContext) -> set[str]:
    """Ids of the articles about another event (the whole group of a copied story)."""
    return set(off_topic_reasons(ctx))


def off_topic_reasons(ctx: StoryContext) -> dict[str, str]:
    """Off-topic article id -> why it is left out, in words for the brief's notes."""
    sentences = ctx.sentences
    roots = _roots(ctx.articles, sentences)
    if len(roots) < _MIN_SOURCES:
        return {}
    if ctx.embedder is None:
        raise NewsfoldError("find_off_topic needs the story's embedder (ctx.embedder)")
    ids = list(roots)
    texts = [[s.text for a in roots[root] for s in sentences[a.id]] for root in ids]
    owner = np.asarray([row for row, own in enumerate(texts) for _ in own])
    vectors = np.asarray(ctx.embedder.embed([t for own in texts for t in own]), dtype=np.float32)
    signals, typical, score, against_core = _scores(_retelling(vectors, owner, texts))
    dated, doubtful = _dated_elsewhere(roots, sentences)
    dated.update((root, "a digest of several stories (numbered headlines with teasers), not a report of this one")
                 for root in ids if root not in dated and _digest(roots[root][0]))
    dated.update((root, reason) for root, reason in _other_actors(roots, sentences).items() if root not in dated)
    ranked = [(0.0, 0.0, root) for root in dated]
    ranked += [(1.0, float(score[row]), root) for row, root in enumerate(ids) if root not in dated
               and score[row] < (_RELATIVE_DATED if root in doubtful else _RELATIVE)]
    # Only a minority can be off topic; another day first, then the lowest averages.
    flagged = [root for *_, root in sorted(ranked)[: len(ids) - _majority(len(ids))]]
    reasons: dict[str, str] = {}
    for root in flagged:
        if root in dated:
            reason = dated[root]
        elif root in doubtful:
            reason = f"{doubtful[root]}, gives none of their figures, and retells them {score[ids.index(root)]:.0%} " \
                     "as much as a typical source does"
        else:
            row = ids.index(root)
            shares = "; ".join(f"{name} {signals[k, row]:.2f} against {typical[k, row]:.2f}"
                               for k, name in enumerate(_SIGNALS))
            others = f"the {_majority(len(ids))} sources that retell the others most" if against_core[row] else \
                "the other sources"
            reason = (f"reports another event: it retells {others} {score[row]:.0%} as much as a "
                      f"typical one of them does ({shares} for a typical one)")
        reasons.update((article.id, reason) for article in roots[root])
    return reasons


def _retelling(vectors: np.ndarray, owner: np.ndarray, texts: list[list[str]]) -> list[np.ndarray]:
    """Source x source matrices, row tells column: topic, support, cover, lede words."""
    sources = len(texts)
    counts = np.bincount(owner, minlength=sources)
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]])  # a source's sentences are consecutive
    topic = np.stack([_unit(vectors[start:start + count].mean(axis=0)) for start, count in zip(starts, counts)])
    # each sentence's best match in each source: sentence x source
    best = np.maximum.reduceat(vectors @ vectors.T, starts, axis=1)
    support = np.add.reduceat((best >= _SAME_SENTENCE).astype(np.float32), starts, axis=0) / counts[:, None]
    cover = np.stack([best[start:start + min(count, _LEDE_SENTENCES)].mean(axis=0)
                      for start, count in zip(starts, counts)], axis=1)
    words = [_content_words(" ".join(own)) for own in texts]
    lede_words = [_content_words(" ".join(own[:_LEDE_SENTENCES])) for own in texts]
    lede = np.asarray([[len(mine & words[other]) / max(len(mine), 1) for other in range(sources)]
                       for mine in lede_words], dtype=np.float32)
    return [topic @ topic.T, support, cover, lede]


def _scores(matrices: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Each source's signals (signal x source), the typical values they are
    weighed against, its score, and whether it was weighed against the core.

    First against every other source. Averaged that way, two articles of one
    other event vouch for each other; so, from ``_CORE_FROM`` sources on, each
    is also weighed against the core: the majority that retells the others
    most (the most that can stay when a minority is flagged). A source that
    retells the core less than ``_RELATIVE_CORE`` of what a core source does
    takes that lower score.
    """
    everyone = np.ones(len(matrices[0]), dtype=bool)
    signals, typical, score = _retold(matrices, everyone)
    against_core = np.zeros_like(everyone)
    if len(everyone) >= _CORE_FROM:
        core = np.zeros_like(everyone)
        core[np.argsort(-score, kind="stable")[: _majority(len(core))]] = True
        core_signals, core_typical, core_score = _retold(matrices, core)
        against_core = core_score < np.minimum(score, _RELATIVE_CORE)
        signals[:, against_core], typical[:, against_core] = core_signals[:, against_core], core_typical[:, against_core]
        score = np.where(against_core, core_score, score)
    return signals, typical, score, against_core


def _majority(sources: int) -> int:
    """The fewest sources that must stay on topic: more than half."""
    return sources - (sources - 1) // 2


def _retold(matrices: list[np.ndarray], core: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each source's signals against the ``core`` sources (signal x source),
    the typical core source's values (the median of the other core sources'),
    and its score: the mean of its signals as shares of the typical ones,
    each capped at 1 (being more typical than typical proves nothing)."""
    signals = np.stack([_against(pairs, core) for pairs in matrices])
    typical = np.stack([[np.median(values[core & (np.arange(len(core)) != row)]) for row in range(len(core))]
                        for values in signals])
    with np.errstate(divide="ignore", invalid="ignore"):
        # NaN where the typical value is nothing: a signal no source shows says nothing either way
        relative = np.where(typical > 1e-9, np.minimum(1.0, signals / typical), np.nan)
    told = ~np.isnan(relative)
    score = np.where(told, relative, 0.0).sum(axis=0) / np.maximum(told.sum(axis=0), 1) + (~told.any(axis=0))
    return signals, typical, score


def _against(pairs: np.ndarray, core: np.ndarray) -> np.ndarray:
    """Each source's mean over the core sources, itself left out."""
    weights = np.tile(core.astype(np.float32), (len(pairs), 1))
    np.fill_diagonal(weights, 0.0)
    return (pairs * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1.0)


_WORD = re.compile(r"\w[\w'’-]*\w|\w")


def _content_words(text: str) -> set[str]:
    """Lower-cased words of three letters or more that are not stop words, and figures."""
    return {w for w in (m.group().lower() for m in _WORD.finditer(text))
            if w[0].isdigit() or (len(w) >= 3 and w not in STOPWORDS)}


def _dated_elsewhere(roots: dict[str, list[Article]],
                     sentences: dict[str, list[Sentence]]) -> tuple[dict[str, str], dict[str, str]]:
    """Sources whose lede names another day than every day the story agrees
    on, naming none of those days anywhere: source -> the reason, in words;
    first those whose figures are their own (another event), then those that
    give none of the story's figures (another event if they retell it little)."""
    named: dict[str, set[Day]] = {}
    ledes: dict[str, set[Day]] = {}
    figures: dict[str, set[str]] = {}  # the specific ones (``_specific``)
    numbers: dict[str, set[str]] = {}  # every figure, small ones too
    amounts: dict[str, set[str]] = {}
    for root, articles in roots.items():
        named[root], ledes[root], numbers[root], amounts[root] = set(), set(), set(), set()
        for article in articles:
            for index, sentence in enumerate(sentences[article.id]):
                days = days_named(sentence.text, article.published)
                named[root] |= days
                numbers[root] |= _figures(without_days(sentence.text))
                amounts[root] |= _amounts(sentence.text)
                if index < _LEDE_SENTENCES:
                    ledes[root] |= days
        figures[root] = {value for value in numbers[root] if _specific(value)}
    found: dict[str, str] = {}
    doubtful: dict[str, str] = {}
    for root in roots:
        others = [named[other] for other in roots if other != root]
        needed = max(2.0, _STORY_DAY_SHARE * len(others))
        story_days = {day for day in set().union(*others) if sum(day in o for o in others) >= needed}
        if not story_days or named[root] & story_days or not ledes[root]:
            continue
        told_amounts = [amounts[other] for other in roots if other != root]
        if any(sum(n in o for o in told_amounts) >= max(3.0, needed) for n in amounts[root]):
            continue  # it gives the sum the story agrees on ("US$20m"): a report of the story, days apart
        numbered = [numbers[other] for other in roots if other != root]
        # another event has figures of its own; the story's figures under another day are a date dispute
        told = set().union(*(figures[other] for other in roots if other != root))
        own, shared = figures[root] - told, figures[root] & told
        apart = min(days_apart(day, lede) for day in story_days for lede in ledes[root])
        # a day off may be one source getting the day wrong, unless none of its figures is the
        # story's: then it is weighed as below, like a source dated further off
        own_figures_only = bool(numbers[root]) and not numbers[root] & set().union(*numbered)
        if apart < _OTHER_DAY_GAP and not own_figures_only:
            continue
        backed = [value for value in shared if sum(value in figures[other] for other in roots if other != root) >= needed]
        if backed and apart < _OTHER_OCCURRENCE_GAP:
            continue  # a figure most others give ("4.55am"), days off: one source getting the day wrong
        reason = (f"reports another event: its lede is dated {', '.join(map(day_label, sorted(ledes[root])))} "
                  f"and it names none of the days the other sources agree on "
                  f"({', '.join(map(day_label, sorted(story_days)))})")
        # with one figure of its own, only a week or more tells another occurrence (last week's
        # draw); a few days off is one source getting the day, and that figure, wrong
        if own and 2 * len(shared) < len(figures[root]) \
                and apart >= (_OTHER_DAY_GAP if len(own) >= 2 else _OTHER_OCCURRENCE_GAP):
            found[root] = reason
        elif not numbers[root] & set().union(*numbered):
            doubtful[root] = reason  # another day and none of the story's figures: a weaker retelling tells
    return found, doubtful


def _other_actors(roots: dict[str, list[Article]], sentences: dict[str, list[Sentence]]) -> dict[str, str]:
    """Sources whose title and lede name only actors that no other source
    names, and none of those most other sources lead with: source -> the
    reason, in words. A rival's results told in the story's very words,
    naming the story's company in its last line, leads with the rival."""
    texts = {root: _pieces(articles, sentences) for root, articles in roots.items()}
    lede_texts = {root: _pieces(articles, sentences, _LEDE_SENTENCES) for root, articles in roots.items()}
    common = {w for pieces in texts.values() for piece in pieces for w in re.findall(r"\b[a-z][\w-]*", piece)}
    lede = {root: _names(pieces, common) for root, pieces in lede_texts.items()}
    named = {root: _words(_names(pieces, common)) for root, pieces in texts.items()}
    led = {root: _words(names) for root, names in lede.items()}
    found: dict[str, str] = {}
    for root in roots:
        others = [other for other in roots if other != root]
        needed = max(2.0, _STORY_DAY_SHARE * len(others))
        leading = {word for word in set().union(*(led[o] for o in others)) if sum(word in led[o] for o in others) >= needed}
        if len(lede[root]) >= _ACTORS and leading \
                and not _shared(led[root], leading | set().union(*(named[o] for o in others))):
            written = {word.lower(): word for o in others for name in lede[o] for word in name.split()}
            found[root] = (f"reports another event: it leads with {'; '.join(sorted(lede[root]))}, whom no other "
                           f"source names, and not with {', '.join(sorted(written[w] for w in leading))}, "
                           "as most other sources do")
    return found


def _pieces(articles: list[Article], sentences: dict[str, list[Sentence]], most: int | None = None) -> list[str]:
    """The titles and (the first ``most``) sentences of a source's articles; a
    headline in Title Case capitalises every word, so it gives no names."""
    return [piece for a in articles
            for piece in ("" if title_case(a.title or "") else a.title or "", *(s.text for s in sentences[a.id][:most]))]


_NAME = re.compile(r"(?<![\w'’])[A-Z][\w-]{2,}(?:\s+[A-Z][\w-]{2,})*")


def _names(pieces: list[str], common: set[str]) -> set[str]:
    """The names of a title and sentences, as written: runs of capitalised
    words, each word no stopword, month or weekday, nor a word the story
    writes in lower case somewhere; a single word opening a piece is no name
    ("Chief executive …"; "Ostrand Lines said" is one)."""
    found: set[str] = set()
    for piece in pieces:
        for match in _NAME.finditer(piece):
            words = [w for w in match.group().split() if not _common(w, common)]
            if words and not (match.start() == len(piece) - len(piece.lstrip()) and len(match.group().split()) == 1):
                found.add(" ".join(words))
    return found


def _common(word: str, common: set[str]) -> bool:
    lower = word.lower()
    return lower in common or lower in STOPWORDS or lower in MONTHS or lower in WEEKDAY_NUMBERS


def _words(names: set[str]) -> set[str]:
    return {word.lower() for name in names for word in name.split()}


def _shared(names: set[str], others: set[str]) -> bool:
    """Whether a name's word is one of ``others``, or begins one or is begun by one ("norland", "norlanders")."""
    return any(a.startswith(b) or b.startswith(a) for a in names for b in others)


_FIGURE = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*")
_AMOUNT = re.compile(r"(?:[A-Z]{0,3}\$|€|£|RM)\s?(?P<money>\d+(?:[.,]\d+)*)"
                     r"|(?<![\w.])(?P<scaled>\d+(?:[.,]\d+)*)\s?(?:million|billion|mil|bn)\b")


# "Daily roundup: …", "… and other top stories today", "Morning briefing"
_DIGEST_TITLE = re.compile(r"\b(?:round-?up|briefing|digest|top stories|news in brief)\b", re.IGNORECASE)
_NUMBERED = re.compile(r"^\d{1,2}[.)]\s+\S", re.MULTILINE)
_READ_MORE = re.compile(r"(?:»|>>|\.\.\.|…)\s*read more\s*$", re.IGNORECASE | re.MULTILINE)
_DIGEST_ITEMS = 3


def _digest(article: Article) -> bool:
    """A page of several stories: a digest's title and three numbered items or
    more, or three teasers or more closing on "READ MORE"."""
    numbered = len(_NUMBERED.findall(article.text))
    teasers = len(_READ_MORE.findall(article.text))
    return teasers >= _DIGEST_ITEMS or bool(_DIGEST_TITLE.search(article.title or "")) and numbered >= _DIGEST_ITEMS


def _figures(text: str) -> set[str]:
    """Every figure of ``text`` but a year ("20" of "US$20m" too; not "2025")."""
    values = (match.group().rstrip(".,").replace(",", "") for match in _FIGURE.finditer(text))
    return {value for value in values if not re.fullmatch(r"(?:19|20)\d\d", value)}


def _specific(value: str) -> bool:
    """A figure specific enough to tell an event by: with a decimal point or
    of three digits or more ("3.04", "91930"; not "3")."""
    return "." in value or len(value) >= 3


def _amounts(text: str) -> set[str]:
    """Sums of money and figures with a scale: "US$20m", "RM 1.5 billion",
    "20 million" (not "SG60", not "Group 2"): a story's telling figures."""
    return {(match.group("money") or match.group("scaled")).replace(",", "") for match in _AMOUNT.finditer(text)}


def _roots(articles: list[Article], sentences: dict[str, list[Sentence]]) -> dict[str, list[Article]]:
    """Articles with text, grouped by the independent source they stand for."""
    roots: dict[str, list[Article]] = {}
    for article in articles:
        if sentences.get(article.id):
            roots.setdefault(root_of(article), []).append(article)
    return roots


def _unit(vector: np.ndarray) -> np.ndarray:
    return vector / max(float(np.linalg.norm(vector)), 1e-9)
