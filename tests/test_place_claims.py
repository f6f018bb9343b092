"""place_claims: one event told alike by independent sources at two places (invented texts)."""
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
