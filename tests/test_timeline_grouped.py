"""timeline.grouped: a day moved in one telling of a claim the fact groups join."""
from __future__ import annotations

from newsfold.context import StoryContext
from newsfold.model import Article, Evidence, Fact
from newsfold.nlp.spacy_model import parse
from newsfold.stages.timeline import build_timeline

from .test_timeline import split
from .test_timeline_aligned import _Alike

# three tellings of one opening, worded apart: no two share most of their words
_TOLD = [
    "Bookings for the hillside resort will open to the public on 24 March.",
    "Reservations can be made on the official website starting March 24.",
    "Room prices will appear online from 24 March, the operator said.",
]


def _conflicts(texts: list[str], grouped: list[int], copy_of: dict[int, int] | None = None, cosine: float = 0.4):
    articles = [Article(f"s{k}", text, published="2031-03-10") for k, text in enumerate(texts)]
    for k, original in (copy_of or {}).items():
        articles[k].copy_of = f"s{original}"
    docs = dict(zip((a.id for a in articles), parse([a.text for a in articles])))
    support = [Evidence(f"s{k}", 0, len(texts[k])) for k in grouped]
    fact = Fact("F1", texts[grouped[0]], "consensus", len(support), len(support), support)
    ctx = StoryContext(articles, sentences={a.id: split(a) for a in articles}, docs=docs,
                       embedder=_Alike(cosine), facts=[fact])
    return [c for c in build_timeline(ctx)[1] if c.kind == "date"]


def test_a_lone_day_in_a_fact_group_is_disputed_against_the_group_s_day():
    moved = _TOLD[:2] + [_TOLD[2].replace("24", "27")]
    [conflict] = _conflicts(moved, [0, 1, 2])
    assert [(v.value, [e.source for e in v.support]) for v in conflict.values] == [
        ("2031-03-24", ["s0", "s1"]), ("2031-03-27", ["s2"])]
    # the same sentences in no common group: too unlike to compare
    assert _conflicts(moved, [0, 1]) == []
    # grouped, but far apart in meaning once date words and quotes are masked ("I refer to the
    # article '...' (24 March)"): the day dates something else
    assert _conflicts(moved, [0, 1, 2], cosine=0.2) == []
    # the source at odds with itself (it gives the group's day in another sentence) is still disputed
    both = _TOLD[:2] + [moved[2] + " Bookings open on 24 March."]
    assert len(_conflicts(both, [0, 1, 2])) == 1


def test_a_group_day_needs_two_other_sources_and_a_near_day():
    moved = _TOLD[:2] + [_TOLD[2].replace("24", "27")]
    assert _conflicts([_TOLD[0], moved[2]], [0, 1]) == []  # one source against one
    assert _conflicts(moved, [0, 1, 2], copy_of={1: 0}) == []  # a copy counts once
    far = _TOLD[:2] + [_TOLD[2].replace("24 March", "9 March")]
    assert _conflicts(far, [0, 1, 2]) == []  # two weeks apart: more often two events
    nxt = [_TOLD[0].replace("open", "open again at the next sale"), _TOLD[1].replace("starting", "in the next sale from"),
           moved[2]]
    assert _conflicts(nxt, [0, 1, 2]) == []  # the next sale, not this one
