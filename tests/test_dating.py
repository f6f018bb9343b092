"""date_sources(): dateline / metadata dates, then story agreement, then body dates, then --date."""
from __future__ import annotations

import pytest

from newsfold.errors import InputError
from newsfold.model import Article, Removed
from newsfold.stages.dating import Dating, date_sources


def date_and_apply(articles: list[Article], given: str | None = None) -> dict[str, Dating]:
    """Run the stage, check it changed no article, then apply its result as the pipeline does."""
    before = [(a.published, a.published_from, list(a.notes)) for a in articles]
    found = date_sources(articles, given=given)
    assert [(a.published, a.published_from, a.notes) for a in articles] == before
    for article in articles:
        if article.id in found:
            dated = found[article.id]
            article.published, article.published_from = dated.published, dated.published_from
            article.notes.append(dated.note)
    return found


def art(id: str, text: str = "Officials closed the bridge on Friday.", **fields) -> Article:
    return Article(id=id, text=text, **fields)


def dated(id: str, day: str) -> Article:
    return art(id, published=day, published_from="metadata")


def test_reuters_dateline_with_its_year_from_the_story():
    article = art("r", "PORTVILLE, March 14 (Reuters) - Officials closed a bridge on Friday.")
    date_and_apply([article, dated("a", "2031-03-15")])
    assert (article.published, article.published_from) == ("2031-03-14", "text")
    assert "March 14 (Reuters) -" in article.notes[0]


def test_dateline_year_nearest_the_story_across_new_year():
    article = art("r", "OSLO, Dec 31 (Reuters) - Fireworks were cancelled.")
    date_and_apply([article, dated("a", "2032-01-01")])
    assert article.published == "2031-12-31"


def test_dateline_with_day_first_and_year():
    article = art("f", "PARIS, 14 March 2031 (AFP) — The bridge was closed.")
    date_and_apply([article])
    assert (article.published, article.published_from) == ("2031-03-14", "text")


def test_caption_date_in_a_removed_span_dates_the_article():
    text = ("Bridge shut\n\nCrews work, Friday, March 14, 2031. (AP Photo/Lee Marsh)\n\n"
            "The council first warned about the bridge on January 3, 2029.")
    caption_start = text.index("Crews")
    article = art("c", text, removed=[Removed(caption_start, text.index(")") + 1, "caption")])
    date_and_apply([article, dated("a", "2031-03-20"), dated("b", "2031-03-20")])
    assert (article.published, article.published_from) == ("2031-03-14", "text")


def test_weekday_date_in_the_body_counts_when_the_weekday_fits():
    article = art("w", "The bridge was closed on Friday, March 14, 2031, after a crack was found.")
    wrong = art("x", "The bridge was closed on Monday, March 14, 2031, after a crack was found.")
    date_and_apply([article, wrong, dated("a", "2031-03-20"), dated("b", "2031-03-20")])
    assert (article.published, article.published_from) == ("2031-03-14", "text")
    # A weekday that does not fit is a plain body date: the story date wins over it.
    assert (wrong.published, wrong.published_from) == ("2031-03-20", "story")


def test_story_agreement_for_sources_without_a_date():
    plain = art("p")
    others = [dated("a", "2031-03-14"), dated("b", "2031-03-14"), dated("c", "2031-03-13")]
    date_and_apply([plain, *others], given="2031-01-01")
    assert (plain.published, plain.published_from) == ("2031-03-14", "story")
    assert "2 of 3" in plain.notes[0]


def test_off_topic_and_guessed_dates_do_not_vote():
    plain = art("p")
    off = art("o", published="2030-01-01", published_from="metadata", off_topic=True)
    guessed = art("g", published="2030-01-01", published_from="given")
    date_and_apply([plain, off, guessed, dated("a", "2031-03-14")])
    assert plain.published == "2031-03-14"


def test_body_date_when_no_other_source_is_dated():
    article = art("b", "The council voted on March 2, 2031 and again on 9 March 2031 to close the bridge.")
    date_and_apply([article], given="2031-01-01")
    assert (article.published, article.published_from) == ("2031-03-09", "text")


def test_given_date_last():
    article = art("g", "Officials closed the bridge on Friday, March 14.")  # no year: not a full date
    date_and_apply([article], given="2031-03-14")
    assert (article.published, article.published_from) == ("2031-03-14", "given")


def test_no_evidence_and_no_given_leaves_the_date_unknown():
    article = art("n")
    assert date_and_apply([article]) == {}
    assert (article.published, article.published_from) == (None, None)


def test_known_dates_are_left_alone():
    article = art("k", "PORTVILLE, March 14 (Reuters) - Closed.", published="2031-03-15", published_from="header")
    assert date_and_apply([article], given="2031-01-01") == {}
    assert (article.published, article.published_from) == ("2031-03-15", "header")


def test_bad_given_date_is_an_input_error():
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        date_and_apply([art("x")], given="March 14")


@pytest.mark.shared
def test_kosovo_sources_all_dated_and_004_from_its_caption(kosovo_story):
    # kosovo_story went through clean and this stage, applied by the pipeline's own code
    articles = kosovo_story.articles
    by_id = {a.id: a for a in articles}
    assert {a.published for a in articles} == {"2023-05-30"}
    assert by_id["001"].published_from == "header"
    assert by_id["004"].published_from == "text"
    assert "May 30, 2023" in by_id["004"].notes[0]
    assert by_id["000"].published_from == "story"


def test_past_weekdays_are_days_from_the_report_s_date():
    from newsfold.nlp.days import days_named

    published = "2031-05-09"  # a Friday
    assert days_named("The fire broke out on Wednesday night.", published) == {(5, 7)}
    assert days_named("Drivers walked out on Friday.", published) == {(5, 9)}
    assert days_named("Talks resume next Monday.", published) == set()
    assert days_named("She will meet them on Monday.", published) == set()
    assert days_named("The fire broke out on Wednesday night.") == set()  # no date, no weekday
    assert days_named("The draw, to be held on Friday, has a big jackpot.", published) == set()
    assert days_named("The draw on Friday (Jan 24) was the year's last.", published) == {(1, 24)}
