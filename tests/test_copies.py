"""find_copies: wire copies collapse to one root; shared quotes are not copies."""
from __future__ import annotations

import pytest

from newsfold.context import StoryContext
from newsfold.model import Article, Removed
from newsfold.stages.copies import find_copies
from newsfold.stages.split import split

WIRE = (
    "Heavy rain flooded the lower town of Brenna on Wednesday, forcing 300 people from their homes.\n\n"
    "The river rose by two metres in six hours, the regional water agency said.\n\n"
    "\u201cWe have never seen the water rise this fast,\u201d said mayor Tomas Lind.\n\n"
    "Schools in the district will stay closed until Friday.\n\n"
    "Rail services between Brenna and the capital were suspended.\n\n"
    "Forecasters expect more rain over the weekend.\n"
)
COPY = (
    "Floods force hundreds from homes in Brenna\n\n"
    + WIRE.replace("Wednesday", "Wednesday night").replace("Forecasters expect", "Meteorologists expect")
    + "\nThe town was last flooded in 2011.\n"
)
INDEPENDENT = (
    "Residents of Brenna spent the night in sports halls after the river burst its banks.\n\n"
    "\u201cWe have never seen the water rise this fast,\u201d said mayor Tomas Lind.\n\n"
    "Volunteers filled sandbags until the early morning, and the army sent two trucks.\n\n"
    "Insurers said claims could reach several million euros.\n"
)


def _mark(articles):
    copy_of = find_copies(StoryContext(articles, sentences={a.id: split(a) for a in articles}))
    return {a.id: copy_of.get(a.id) for a in articles}


def test_copy_found_and_shared_quote_is_not_a_copy():
    articles = [
        Article(id="copy", text=COPY, published="2031-03-14"),
        Article(id="wire", text=WIRE, published="2031-03-13"),
        Article(id="indie", text=INDEPENDENT, published="2031-03-13"),
    ]
    # The earliest published is the root, even though the copy is longer.
    assert _mark(articles) == {"copy": "wire", "wire": None, "indie": None}


def test_a_follow_up_that_reuses_the_background_is_no_copy():
    # the same outlet's next-day report: a new lead and new facts, with the
    # earlier report's background (just under half of it) kept word for word
    follow_up = (
        "The water in the lower town of Brenna fell by a metre overnight, and the first residents went home.\n\n"
        "Cleaning crews worked through the main square on Thursday morning.\n\n"
        "The regional water agency lifted its red warning at noon.\n\n"
        "Heavy rain flooded the lower town of Brenna on Wednesday, forcing 300 people from their homes.\n\n"
        "The river rose by two metres in six hours, the regional water agency said.\n"
    )
    articles = [Article(id="first", text=WIRE, published="2031-03-13"),
                Article(id="next", text=follow_up, published="2031-03-14")]
    assert _mark(articles) == {"first": None, "next": None}


def test_an_outlets_report_of_a_later_day_is_an_update_and_splits_no_copies():
    # the outlet's court report keeps more than half of its pre-court report,
    # and a reprint of each follows: two copy pairs, never one group of four
    before = WIRE
    court = ("A court in Brenna fined the water agency on Friday for the late warning.\n\n"
             "Judge Ana Ruiz said the agency had ignored two alerts.\n\n"
             + "\n\n".join(WIRE.split("\n\n")[:4]) + "\n")
    articles = [Article(id="pre", text=before, published="2031-03-13", outlet="www.brenna-post.example"),
                Article(id="pre-reprint", text=before, published="2031-03-13", outlet="www.reprints.example"),
                Article(id="court", text=court, published="2031-03-16", outlet="www.brenna-post.example"),
                Article(id="court-reprint", text=court, published="2031-03-16", outlet="www.other.example")]
    assert _mark(articles) == {"pre": None, "pre-reprint": "pre", "court": None, "court-reprint": "court"}
    # the same day, it is one text re-posted
    articles[2] = Article(id="court", text=court, published="2031-03-13", outlet="www.brenna-post.example")
    assert len(set(_mark(articles).values()) - {None}) == 1


def test_root_is_longest_when_dates_tie_and_rerun_is_stable():
    articles = [Article(id="b", text=WIRE), Article(id="a", text=COPY), Article(id="c", text=INDEPENDENT)]
    assert _mark(articles) == {"a": None, "b": "a", "c": None}
    assert _mark(articles) == {"a": None, "b": "a", "c": None}


def test_chains_collapse_to_one_root():
    middle = COPY.replace("Schools in the district", "All schools in the district")
    last = middle.replace("Rail services", "Train services").replace("The town was last", "Brenna was last")
    articles = [
        Article(id="x1", text=WIRE, published="2031-03-13"),
        Article(id="x2", text=middle, published="2031-03-14"),
        Article(id="x3", text=last, published="2031-03-15"),
    ]
    assert _mark(articles) == {"x1": None, "x2": "x1", "x3": "x1"}


def test_removed_text_is_ignored():
    # Two different reports that share only a long promo block are not copies.
    promo = "Subscribe to our newsletter for daily updates. " * 12
    first = Article(id="f", text=WIRE + "\n" + promo)
    second = Article(id="s", text=INDEPENDENT + "\n" + promo)
    for article in (first, second):
        start = article.text.index("Subscribe")
        article.removed.append(Removed(start, len(article.text), "promo"))
    assert _mark([first, second]) == {"f": None, "s": None}


def test_scales_to_sixty_articles():
    articles = []
    for k in range(60):
        base = WIRE if k % 3 == 0 else INDEPENDENT.replace("Brenna", f"Town{k}") + f"\nExtra line {k} about sandbags.\n"
        articles.append(Article(id=f"n{k:02d}", text=base.replace("Wednesday", f"Wednesday ({k:02d})")))
    copies = _mark(articles)
    wires = [f"n{k:02d}" for k in range(0, 60, 3)]
    assert copies[wires[0]] is None
    assert all(copies[w] == wires[0] for w in wires[1:])


@pytest.mark.shared
def test_kosovo_only_001_and_004_are_copies(kosovo_story):
    copies = find_copies(kosovo_story)
    pairs = {(k, v) for k, v in copies.items() if v}
    assert pairs in ({("001", "004")}, {("004", "001")})
