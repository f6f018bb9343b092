"""Another event of the same kind a day apart (issue 13): a day off is usually one
source getting the day wrong, unless none of its figures is the story's.
Invented texts."""
from __future__ import annotations

from newsfold.context import StoryContext
from newsfold.model import Article
from newsfold.nlp.embed import get_embedder
from newsfold.stages.copies import find_copies
from newsfold.stages.relevance import off_topic_reasons
from newsfold.stages.split import split

HEARING = [
    "A former school bursar who stole 380,000 euros from Ellery Grammar School was jailed for four years at "
    "Ravensholt Crown Court on Wednesday. Judge Amos Teale said she had betrayed the pupils.",
    "Nadia Fenwick, the former bursar of Ellery Grammar School, was sentenced to four years on Wednesday for "
    "stealing 380,000 euros. Judge Amos Teale told her the school had lost its new library.",
    "The school bursar who took 380,000 euros from Ellery Grammar was jailed on Wednesday. Fenwick had spent "
    "the money on two cars and a flat, Ravensholt Crown Court heard.",
    "Parents at Ellery Grammar said the four-year sentence handed to Nadia Fenwick on Wednesday was fair. "
    "The school said it had recovered 95,000 euros of the 380,000 euros.",
]
DATES = ["2031-10-15", "2031-10-15", "2031-10-16", "2031-10-16"]  # a Wednesday hearing


def _reasons(texts: list[str], dates: list[str]) -> dict[str, str]:
    articles = [Article(id=f"s{i}", text=t, published=d) for i, (t, d) in enumerate(zip(texts, dates, strict=True))]
    ctx = StoryContext(articles, sentences={a.id: split(a) for a in articles}, embedder=get_embedder("minilm"))
    copies = find_copies(ctx)
    for article in articles:
        article.copy_of = copies.get(article.id)
    return off_topic_reasons(ctx)


def test_another_sentencing_by_the_same_judge_the_day_before_is_flagged():
    other = ("A Ravensholt man who stole 2,700 litres of heating oil from a farm depot was jailed for 11 months at "
             "Ravensholt Crown Court on Tuesday. Judge Amos Teale said the thefts were planned. Kieran Mottram, 29, "
             "sold the oil to neighbours.")
    reasons = _reasons(HEARING[:2] + [other] + HEARING[2:], DATES[:2] + ["2031-10-14"] + DATES[2:])
    assert set(reasons) == {"s2"} and "Oct 14" in reasons["s2"] and "none of their figures" in reasons["s2"]


def test_a_day_off_with_the_story_s_figure_is_kept_for_a_date_dispute():
    wrong_day = ("Nadia Fenwick, who stole 380,000 euros from Ellery Grammar School, was jailed for four years "
                 "on Tuesday. She cried as the sentence was read.")
    assert _reasons(HEARING[:2] + [wrong_day] + HEARING[2:], DATES[:2] + ["2031-10-15"] + DATES[2:]) == {}


FIRE = [
    "A fire broke out at a noodle stall in Rowan Street Market at 4.55am on Mar 9. "
    "No one was hurt, the fire service said.",
    "Firefighters were called to Rowan Street Market at 4.55am on Mar 9 after a stall caught fire. "
    "The market reopened by noon.",
    "A stall owner at Rowan Street Market watched calmly as his stall burned on Mar 9. "
    "The fire was reported at 4.55am and put out within 20 minutes.",
    "Rowan Street Market traders cleaned up on Mar 9 after an early fire. A video of the blaze drew comments online.",
]
FIRE_DATES = ["2031-03-09", "2031-03-09", "2031-03-10", "2031-03-10"]


def test_a_few_days_off_with_a_figure_most_sources_give_is_kept_for_a_date_dispute():
    # its own figures outnumber the story's, but the one it shares (the alarm at 4.55am) is what most
    # sources give: one source getting the day wrong. A week or more off, it is another fire.
    wrong = ("A stall owner stayed calm as a fire raged at Rowan Street Market on Mar 12. "
             "The fire was reported at 4.55am; about 1,500 people have watched the video, and 300 commented.")
    texts = FIRE[:2] + [wrong] + FIRE[2:]
    assert _reasons(texts, FIRE_DATES[:2] + ["2031-03-12"] + FIRE_DATES[2:]) == {}
    earlier = wrong.replace("Mar 12", "Mar 1")
    reasons = _reasons(FIRE[:2] + [earlier] + FIRE[2:], FIRE_DATES[:2] + ["2031-03-01"] + FIRE_DATES[2:])
    assert set(reasons) == {"s2"} and "Mar 1" in reasons["s2"]
