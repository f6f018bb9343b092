"""numbers.aligned: figures in run-on sentences and counted nouns written as compounds."""
from __future__ import annotations

import pytest

from newsfold.model import Article
from newsfold.nlp.embed import get_embedder
from newsfold.stages.numbers import number_conflicts
from newsfold.stages.numbers.kinds import one_noun

from .test_numbers import context_of

MARCH = "A crowd of up to {} people marched to the harbour on Saturday to lay flowers for the crew."
# Photo captions glued together without a full stop, as some pages print them.
CAPTIONS = ("Relatives of the crew at the quay on Friday evening Wreaths laid by the harbour master and "
            "the town council beside the lifeboat station Rescue boats return to the harbour after the "
            "search was called off late on Thursday night Divers from the navy prepare their equipment on "
            "the pier while coastguard officers look on from the breakwater Fishing boats moored three deep "
            "along the old wall as storm clouds gather over the bay Local schoolchildren painted stones with "
            "messages of hope which now line the path up to the chapel Volunteers hand out tea and soup from a "
            "van parked outside the sailing club where families waited for news through the night ")


def _conflicts(*articles: Article):
    ctx = context_of(*articles)
    ctx.embedder = get_embedder("minilm")
    return number_conflicts(ctx)


def test_a_figure_in_a_run_on_of_captions_is_read_in_its_own_words():
    a = Article("a", MARCH.format(100))
    b = Article("b", MARCH.format(100).replace("A crowd", "A group"))
    # the source writes 100 people elsewhere, so 150 is not simply in the place of the others' 100
    changed = Article("c", CAPTIONS * 2 + MARCH.format(150)[0].lower() + MARCH.format(150)[1:]
                      + " In 2012 a ferry carrying 100 passengers ran aground off the same coast.")
    values = [[v.value for v in c.values] for c in _conflicts(a, b, changed)]
    assert ["up to 100", "up to 150"] in values


@pytest.mark.parametrize("a, b, expected", [
    ("checkpoint", "point", True), ("firefighter", "fighter", True), ("offence", "offense", True),
    ("website", "site", False), ("vendor", "stall", False), ("woman", "man", False),
])
def test_a_closed_compound_counts_what_its_last_word_counts(a, b, expected):
    assert one_noun(a, b) is expected and one_noun(b, a) is expected


def test_checkpoints_and_border_points_are_one_count():
    posts = "The new agency will take charge of {} at land, sea and air borders in stages from next month."
    a = Article("a", posts.format("114 border checkpoints"))
    b = Article("b", posts.format("114 border checkpoints").replace("The new agency", "The agency"))
    c = Article("c", posts.format("141 border points"))
    values = [[v.value for v in conflict.values] for conflict in _conflicts(a, b, c)]
    assert ["114", "141"] in values
