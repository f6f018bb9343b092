"""Boilerplate by class (issue 13): photo galleries and credited captions
flattened into one paragraph. Invented pages."""
from __future__ import annotations

from newsfold.model import Article
from newsfold.stages.clean import clean


def _kept_and_removed(text: str) -> tuple[str, list[str]]:
    article = clean(Article(id="x", text=text))
    removed = [text[r.start:r.end] for r in article.removed]
    kept = text
    for r in sorted(article.removed, key=lambda r: -r.start):
        kept = kept[:r.start] + " " + kept[r.end:]
    return " ".join(kept.split()), removed


def test_a_numbered_gallery_goes_whole():
    text = ("The ferry capsized near Calden on Tuesday, and 12 people were rescued by fishermen. "
            "Harbour news in pictures 4 show all Harbour news in pictures 1/4 Lanterns light the old pier "
            "Getty 2/4 The mayor opens the winter market Reuters 3/4 Runners cross the north bridge EPA "
            "4/4 Fishing boats return at dawn Getty The coastguard said the search was over.")
    kept, removed = _kept_and_removed(text)
    assert "Lanterns" not in kept and "Fishing boats" not in kept and "in pictures" not in kept
    assert "12 people were rescued by fishermen." in kept
    assert "The coastguard said the search was over." in kept


def test_credited_slides_repeating_the_gallery_size_go():
    text = ("Three people were hurt when the tram left the rails on Monday, the operator said. "
            "Getty Images 9 A crane lifts the carriage from the track Harbour Press 9 A map of the junction "
            "The operator said services would resume on Friday. Getty Images 9 Flowers left at the stop "
            "Investigators will publish a report next month.")
    kept, removed = _kept_and_removed(text)
    assert "crane lifts" not in kept and "map of the junction" not in kept and "Flowers left" not in kept
    assert "The operator said services would resume on Friday." in kept
    assert "Investigators will publish a report next month." in kept
    # a number repeated twice is no gallery
    text = "Route 9 The buses ran late. Line 9 The trams ran on time. Both lines reopened on Friday."
    assert _kept_and_removed(text)[1] == []


def test_a_bare_credit_closes_an_unpunctuated_caption_not_the_quote_before_it():
    text = ('A Calden Police spokesman said: "Their families are being supported by officers at this hard time. " '
            "Wreckage: The tram lies on its side near the depot (PA) The driver was arrested on suspicion of "
            "dangerous driving. He was later released on bail.")
    kept, removed = _kept_and_removed(text)
    assert removed == ["Wreckage: The tram lies on its side near the depot (PA)"]
    assert "Their families are being supported" in kept
    # a credit-like word in brackets inside a sentence stays
    text = ("She posted the video on social media (Facebook) that evening. It was shared 4,000 times "
            "before the council asked for it to be taken down.")
    assert _kept_and_removed(text)[1] == []


def test_a_long_capitals_heading_quoting_a_claim_goes_inline():
    text = ("The tram left the rails at the junction on Wednesday. Police said the driver had been released. "
            "RIDER CLAIMS CARRIAGE 'TIPPED ONTO ONE SIDE' ON SAME BEND ONE WEEK EARLIER One rider said he "
            "had written to the operator about the speed on the bend.")
    kept, removed = _kept_and_removed(text)
    assert removed == ["RIDER CLAIMS CARRIAGE 'TIPPED ONTO ONE SIDE' ON SAME BEND ONE WEEK EARLIER"]
    assert "One rider said he had written to the operator" in kept


def test_a_caption_pointing_into_the_photo_goes_but_prose_saying_left_stays():
    text = ("Four people were named by police on Saturday. Victims: From left to right: Ana Ruiz, Tomas Vell "
            "and Ruth Okafor They were on their way to work when the tram overturned. "
            "The mayor (left) and the police chief laid flowers at the stop on Sunday.")
    kept, removed = _kept_and_removed(text)
    assert removed == ["Victims: From left to right: Ana Ruiz, Tomas Vell and Ruth Okafor"]
    assert "The mayor (left) and the police chief laid flowers at the stop on Sunday." in kept
