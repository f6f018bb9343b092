import re

from newsfold.model import Article, Brief, Evidence, Fact
from newsfold.summarize import summarize


def _fact(i, text):
    return Fact(f"F{i}", text, "consensus", 2, 2, [Evidence("a", 0, 1)])


def test_summary_keeps_budget_order_and_skips_repeats():
    brief = Brief("t", None, [Article("a", "x")], [
        _fact(1, "A container ship struck the harbor bridge on Monday night."),
        _fact(2, "The container ship struck the harbor bridge on Monday."),
        _fact(3, "Fourteen people were injured."),
        _fact(4, "The investigation will take several months to complete, officials said on Wednesday."),
    ])
    text = summarize(brief, words=16)
    assert text.startswith("A container ship struck")
    assert "The container ship struck the harbor bridge on Monday." not in text
    assert "Fourteen people were injured." in text
    assert len(text.split()) <= 16


def test_summary_cuts_a_single_long_fact():
    brief = Brief("t", None, [Article("a", "x")], [_fact(1, "one two three four five six")])
    assert summarize(brief, words=3) == "one two three"


def _story(texts, copy_of=None):
    from newsfold.context import StoryContext
    from newsfold.pipeline import split_story

    ctx = split_story([Article(source_id, text) for source_id, text in texts.items()])
    for article in ctx.articles:  # as given, whatever find_copies made of these short texts
        article.copy_of = (copy_of or {}).get(article.id)
    return StoryContext(ctx.articles, ctx.sentences)


_STORY = {
    "a": "The city council approved a new budget of 40 million dollars on Tuesday evening. "
         "The mayor's cat was seen sleeping on the steps of the old library building.",
    "b": "A budget of 40 million dollars was approved by the city council on Tuesday. "
         "Local bakers complained about the price of flour at the weekly market again.",
    "c": "Council members voted to approve the new 40 million dollar budget late on Tuesday. "
         "The council approved a new budget of 40 million dollars on Tuesday evening, officials said.",
}


def test_story_summary_puts_what_independent_sources_share_first_and_skips_restatements():
    from newsfold.summarize import ranked_sentences, summarize_story

    ctx = _story(_STORY)
    ranked, similarity = ranked_sentences(ctx)
    assert "budget" in ranked[0].text and "budget" in ranked[1].text  # stated by all three sources
    assert "cat" not in ranked[0].text and "flour" not in ranked[0].text
    assert similarity.shape == (len(ranked), len(ranked))
    summary = summarize_story(ctx, words=30)
    assert summary.count("40 million") == 1  # one budget sentence; the others restate it
    assert len(summary.split()) <= 30
    texts = " ".join(_STORY.values())
    for sentence in re.split(r"(?<=\.) ", summary):  # every sentence is a source sentence, verbatim
        assert sentence in texts


def test_a_copy_never_supports_its_original():
    from newsfold.summarize import ranked_sentences

    texts = {"a": _STORY["a"], "b": _STORY["a"], "c": "Snow fell on the northern hills for the third day in a row."}
    alone, _ = ranked_sentences(_story(texts, copy_of={"b": "a"}))
    # No support either way: leads first, then later sentences; the copy adds no candidate.
    assert [(s.source, s.index) for s in alone] == [("a", 0), ("c", 0), ("a", 1)]
    supported, _ = ranked_sentences(_story(texts))
    assert "budget" in supported[0].text and supported[0].source in {"a", "b"}
