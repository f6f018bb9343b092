"""Boilerplate by class (issue 13): section and date headers, promo lines, bios,
capital-letter credits, listed headlines with time stamps. Invented pages."""
from __future__ import annotations

from newsfold.model import Article
from newsfold.stages.clean import clean

BODY = (
    "Two buses collided near the central depot on Tuesday morning, injuring nine passengers.\n\n"
    "The transit authority said the depot would reopen on Wednesday after an inspection.\n\n"
)


def _removed(text: str, title: str | None = None) -> tuple[Article, dict[str, list[str]]]:
    article = clean(Article(id="x", text=text, title=title))
    out: dict[str, list[str]] = {}
    for span in article.removed:
        out.setdefault(span.reason, []).append(text[span.start:span.end])
    return article, out


def test_section_header_is_removed_and_never_the_title():
    text = "Harbourton | 14 March 2031, 10:15 am\n\nBuses collide near central depot\n\n" + BODY
    article, removed = _removed(text)
    assert removed["navigation"] == ["Harbourton | 14 March 2031, 10:15 am"]
    assert removed["title"] == ["Buses collide near central depot"]
    assert article.title == "Buses collide near central depot"


def test_a_known_title_that_is_a_page_header_gives_way_to_the_headline():
    text = "Buses collide near central depot\n\n" + BODY
    article, _ = _removed(text, title="10:15 AM | The Evening Post | Transport")
    assert article.title == "Buses collide near central depot"
    kept, _ = _removed(text, title="Buses collide | The Evening Post")
    assert kept.title == "Buses collide | The Evening Post"  # may stand for a headline


def test_promo_lines_by_class():
    promos = ["Listen live to City Radio on 98.1 FM", "Turn on notifications to get breaking news first.",
              "Get the Evening Post app", "Thank you for sharing your thoughts. We appreciate your feedback."]
    _, removed = _removed(BODY + "\n\n".join(promos))
    assert removed["promo"] == promos


def test_author_bio_naming_beat_and_outlet():
    bio = "Mara Quist covers transport and city planning for the Evening Post."
    _, removed = _removed(BODY + bio)
    assert removed["bio"] == [bio]
    # A sentence of reporting with the same verb stays.
    _, kept = _removed(BODY + "The new insurance covers nine passengers for the Harbour Line.")
    assert "bio" not in kept


def test_capitals_credit_line_is_a_caption():
    _, removed = _removed(BODY + "JANE DOE/THE EVENING POST\n\nThe inspection will take a day.")
    assert removed["caption"] == ["JANE DOE/THE EVENING POST"]


def test_related_headlines_with_dots_and_time_stamps_are_lists():
    dotted = "Opinion · 1 week ago\n\nWhy the depot should move\n\nTransport · 2 days ago\n\nNew ferry route opens"
    _, removed = _removed(BODY + dotted)
    assert removed["navigation"] == ["Opinion · 1 week ago", "Why the depot should move",
                                     "Transport · 2 days ago", "New ferry route opens"]
    stamped = ("more in Harbourton\n\nCouncil approves new cycle lanes\n\nFeb 07, 2031 10:25 PM\n\n"
               "Ferry fares to rise in April\n\nFeb 07, 2031 06:30 PM")
    _, removed = _removed(BODY + stamped)
    listed = [p for reason in ("promo", "navigation") for p in removed.get(reason, [])]
    assert "Council approves new cycle lanes" in listed and "Ferry fares to rise in April" in listed
    # One stamp under a headline is a byline stamp, not a list.
    _, single = _removed("Buses collide near depot\n\nFeb 07, 2031 10:25 PM\n\n" + BODY)
    assert single.get("title") == ["Buses collide near depot"]


def test_a_table_like_sentence_with_bars_is_kept():
    line = "The depot handles 40 buses a day | the busiest in the region, officials said."
    _, removed = _removed(BODY + line)
    assert "navigation" not in removed
