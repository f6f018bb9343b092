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
