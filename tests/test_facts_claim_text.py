"""The claim a unit states, its reporting clause left out for the embedding
(issue 13: paraphrases a source attributes and another does not). Invented."""
from __future__ import annotations

import pytest

from newsfold.stages.facts.claim_text import claim_text


@pytest.mark.parametrize("text, claim", [
    ("The path links to the pier at the park's southern end, said the Parks Office and Velmont in a joint release.",
     "The path links to the pier at the park's southern end"),
    ("Speaking at the opening on Jan 25, Minister Ana Ruiz said the path completes the coastal loop",
     "the path completes the coastal loop"),
    ("The police said that a 42-year-old man was arrested on Wednesday.", "a 42-year-old man was arrested on Wednesday."),
    ("According to the police, the driver was arrested at the scene.", "the driver was arrested at the scene."),
    ("More than 50 people were injured, the fire brigade said.", "More than 50 people were injured"),
])
def test_the_reporting_clause_is_left_out(text, claim):
    assert claim_text(text) == claim


@pytest.mark.parametrize("text", [
    "The bridge, which engineers said was safe, was closed on Monday.",  # a relative clause reports inside
    "Officials who visited the site said the damage was severe and spread.",
    "Ten people were hurt, including a child who said she was fine.",
    "Police said it.",  # too little would be left
    "The bridge was closed on Monday.",
])
def test_a_claim_without_a_reporting_clause_at_its_ends_stays(text):
    assert claim_text(text) == text
