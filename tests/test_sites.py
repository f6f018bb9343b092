"""stages.sites: one event told alike by independent sources at two places (invented texts)."""
from __future__ import annotations

from newsfold.model import Article
from newsfold.pipeline import fold

_WIRE = ("About 1,200 residents of Dunholt were moved from their homes on Sunday after the River Vell burst its "
         "banks at Brindle Bridge following two days of heavy rain, the county council said.")
_RADIO = ("Residents of Dunholt were moved from their homes on Sunday after the River Vell burst its banks at "
          "Brindle Bridge, the council said. Rest centres were opened at two schools.")
_MOVED = ("Some 1,200 people were evacuated from Dunholt on Sunday when the River Vell overtopped its banks "
          "at Quenby Weir.")


def _places(*texts: str) -> list[list[tuple[str, list[str]]]]:
    articles = [Article(id=f"s{i}", text=t, published="2032-09-12") for i, t in enumerate(texts)]
    return [[(v.value, [e.source for e in v.support]) for v in c.values]
            for c in fold(articles).conflicts if c.kind == "place"]


def test_a_place_one_source_alone_gives_for_the_event_is_disputed():
    assert _places(_WIRE, _RADIO, _MOVED) == [[("Brindle Bridge", ["s0", "s1"]), ("Quenby Weir", ["s2"])]]


def test_a_source_naming_both_places_tells_of_two_places():
    both = _MOVED + " Water also spilled over the road at Brindle Bridge later in the day."
    assert _places(_WIRE, _RADIO, both) == []


def test_two_areas_told_loosely_alike_are_no_dispute():
    # a suburb and its state: told loosely alike, one may lie inside the other
    told = ["A house in Kelvin Park was set on fire on Saturday by loan sharks, police said.",
            "Police said a house in Kelvin Park was set on fire by loan sharks on Saturday night.",
            "The situation escalated on Saturday when one of the loan sharks set fire to the family's house in Arland."]
    assert _places(*told) == []


def test_a_site_the_tagger_calls_an_organisation_is_still_a_site():
    # "Quayside Pavilion" tagged an organisation, "Emberly Hall in Tarnmouth" one span holding the hall
    told = ["At least 40 people fell ill after a wedding banquet at Emberly Hall in Tarnmouth on Saturday, "
            "health officials said.",
            "Health officials say 30 people were taken ill after eating at a wedding banquet at Emberly Hall "
            "in Tarnmouth on Saturday night.",
            "In all, 48 guests fell ill after Saturday's wedding banquet at the Quayside Pavilion in Tarnmouth, "
            "the health agency said."]
    found = _places(*told)
    assert [[place for place, _ in values] for values in found] == [["Emberly Hall", "Quayside Pavilion"]]
    assert found[0][1][1] == ["s2"]


def _titled(*told: tuple[str, str]) -> list[list[tuple[str, list[str]]]]:
    articles = [Article(id=f"s{i}", text=text, title=title, published="2032-09-12")
                for i, (title, text) in enumerate(told)]
    return [[(v.value, [e.source for e in v.support]) for v in c.values]
            for c in fold(articles).conflicts if c.kind == "place"]


_RECOUNT = [
    ("Recount keeps Mayor Ilse Brandt in office",
     "Mayor Ilse Brandt won by seven votes, the electoral office said after the recount at Marlow Civic Hall."),
    ("Brandt holds her seat after tense recount",
     "A recount at Marlow Civic Hall on Tuesday confirmed that Ilse Brandt had beaten her rival."),
    ("Marlow recount: Brandt keeps her seat",
     "Mayor Ilse Brandt kept her seat by seven votes. The recount took place at the Fenbury Drill Hall, "
     "where staff sorted the ballot papers into bundles of fifty before counting them again."),
]


def test_the_venue_of_the_story_s_event_told_in_words_of_their_own_is_disputed():
    # three sentences told unlike one another; the event their titles share ("recount") is held at two halls
    assert _titled(*_RECOUNT) == [[("Marlow Civic Hall", ["s0", "s1"]), ("Fenbury Drill Hall", ["s2"])]]
    # a source that names both halls tells of two places of the story
    both = (_RECOUNT[2][0], _RECOUNT[2][1] + " The result was then read out at Marlow Civic Hall.")
    assert _titled(*_RECOUNT[:2], both) == []
    # a place that is the venue of something the titles do not share is no venue of the story's event
    kitchen = (_RECOUNT[2][0], "Mayor Ilse Brandt kept her seat by seven votes. Staff ate lunch in the canteen"
                               " at the Fenbury Drill Hall.")
    assert _titled(*_RECOUNT[:2], kitchen) == []
