from newsfold.context import StoryContext
from newsfold.model import Article
from newsfold.stages.places import place_conflicts
from newsfold.stages.split import split


def _conflicts(*articles):
    return place_conflicts(StoryContext(list(articles), sentences={a.id: split(a) for a in articles}))


def test_independent_sources_give_the_same_street_different_numbers():
    a = Article("a", "The fight broke out outside a coffee shop at 181 Ang Mo Kio Avenue 6 on Friday.")
    b = Article("b", "Police were alerted to the case at Block 181 Ang Mo Kio Avenue 5 at 11.55pm.")
    (conflict,) = _conflicts(a, b)
    assert conflict.kind == "place" and conflict.topic == "where: Ang Mo Kio avenue" and conflict.id == ""
    assert {v.value for v in conflict.values} == {"Ang Mo Kio Avenue 6", "Ang Mo Kio Avenue 5"}
    for value in conflict.values:
        for e in value.support:
            text = {"a": a.text, "b": b.text}[e.source][e.start:e.end]
            assert value.value.split()[-1] in text


def test_a_copy_and_a_source_naming_both_numbers_do_not_conflict():
    a = Article("a", "The fire started at 12 Harbour Road 3 and spread to Harbour Road 4 by noon.")
    b = Article("b", "Crews reached Harbour Road 4 within minutes of the first call.")
    c = Article("c", "Crews reached Harbour Road 3 within minutes of the first call.", copy_of="d")
    d = Article("d", "Crews reached Harbour Road 4 within minutes, officials said.")
    assert _conflicts(a, b) == []
    assert _conflicts(c, d) == []  # a copy never disagrees with its original


def test_different_streets_are_not_compared():
    a = Article("a", "The crash happened on Orchard Road 2 late on Monday.")
    b = Article("b", "The crash happened on Bukit Timah Road 5 late on Monday.")
    assert _conflicts(a, b) == []
