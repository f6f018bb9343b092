"""Speakers read from where a quote opens: a handle, a body named by "it"
several times over, a role written once before a name, a lead-in that names
whom the closing tag does not, and a line break that ends a clause."""
from __future__ import annotations


from tests.helpers import article_speakers
from newsfold.stages.quotes.marks import MAX_QUOTE_CHARS, quote_spans



def test_a_user_handle_speaks_and_another_unnamed_user_does_not():
    got = article_speakers(
        "Some blamed the council. Reddit user kopi_88 wrote: \"Parents have to watch their children all the time.\" "
        "But not everyone agreed. \"The boy is seven, nobody can watch him every minute of the day,\" wrote another user.")
    assert got["Parents have to"] == "kopi_88"
    assert got["The boy is"] is None


def test_a_subject_on_the_line_before_is_no_subject():
    got = article_speakers(
        "Crowds gathered at the market after the fire.\nPosted by Ana Delmar on Sunday 19 January\n"
        "One user commented: \"When the rain comes we all get wet anyway, so keep calm.\"")
    assert got["When the rain"] is None


def test_it_said_it_added_it_noted_it_said_is_one_body_along_the_chain():
    got = article_speakers(
        "Shop rents should be frozen next year, the Harbor Traders Association (HTA) said on Monday.\n"
        "The current rent rules create \"serious problems\" for small shops, HTA noted.\n"
        "\"Given the long hours and low margins, many owners cannot keep up with the rises,\" it said.\n"
        "The association recommended cutting the stall levy by a fifth for shops that train staff.\n"
        "\"This would help owners invest in their workers for the next stage of growth,\" it added.\n"
        "Other suggestions included wider hiring rules for cooks and cleaners, it noted.\n"
        "Grants could fund training trips abroad and courses on recycling, it suggested.\n"
        "It proposed relaxing zoning rules so that large stores can move out of the old town.\n"
        "\"This change would also free up space in the old town for small shops,\" it said.")
    assert got["Given the long"] == "Harbor Traders Association"
    assert got["This would help"] == "Harbor Traders Association"
    assert got["This change would"] == "Harbor Traders Association"


def test_the_minister_is_whom_the_article_named_after_that_title():
    got = article_speakers(
        "Announcing this on Monday, Minister for Harbour Affairs Tomas Berglund said the ferry fares will fall in May.\n"
        "\"In a new year, people have all kinds of hopes, and cheaper fares are one of them,\" the minister said.")
    assert got["In a new"] == "Tomas Berglund"


def _long_paragraph(n: int) -> str:
    return " ".join(f"This is sentence {i} of a long answer about the harbour and its many workers." for i in range(n))


def test_a_quote_reopened_at_each_paragraph_may_run_past_one_quote_length():
    paragraphs = [_long_paragraph(6) for _ in range(4)]
    text = ("Reacting to the news, Harbour Minister Tomas Berglund said, “" + "\n“".join(paragraphs)
            + ",” the lawmaker added.\nThe port reopens on Friday.")
    assert len(text) > MAX_QUOTE_CHARS + 200
    spans = quote_spans(text)
    assert len(spans) == 1 and text[spans[0][1] + 1:].startswith(" the lawmaker added")
    # the closing tag names nobody the article knows; the quote's own lead-in does
    assert set(article_speakers(text).values()) == {"Tomas Berglund"}


def test_an_unbalanced_mark_still_stops_at_one_quote_length():
    text = "He said “" + _long_paragraph(30) + " and so on."
    assert quote_spans(text) == []


def test_the_release_is_the_body_that_spoke_before_and_a_statement_is_nobody():
    got = article_speakers(
        "The Calden Harbour Board said on Monday that ferry fares will rise in May.\n"
        "\"These increases will be small, as they build on the fare freeze of last year,\" the release stated.\n"
        "Separately, unions met on Tuesday.\n"
        "\"We will ask every member to vote on the offer before the end of the month,\" a statement said.")
    assert got["These increases will"] == "Calden Harbour Board"
    assert got["We will ask"] is None


def test_a_name_beside_a_lost_subject_is_the_subject_but_a_persons_seat_is_not():
    from spacy.tokens import Doc

    from newsfold.nlp.spacy_model import load
    from newsfold.stages.quotes.people import _is_subject

    # "state works committee chairman Omar Haddad confirmed …" parsed with "works" for the subject
    words = ["state", "works", ",", "chairman", "Omar", "Haddad", "confirmed", "it"]
    doc = Doc(load().vocab, words=words, heads=[1, 6, 1, 5, 5, 1, 6, 6],
              deps=["compound", "nsubj", "punct", "compound", "compound", "appos", "ROOT", "dobj"])
    assert _is_subject(doc[5]) and _is_subject(doc[1])
    # "Ana Ruiz (Calden GRC) said …": the seat in apposition to a named subject is not
    words = ["Ana", "Ruiz", "(", "Calden", "GRC", ")", "said", "it"]
    doc = Doc(load().vocab, words=words, heads=[1, 6, 4, 4, 1, 4, 6, 6],
              deps=["compound", "nsubj", "punct", "compound", "appos", "punct", "ROOT", "dobj"],
              ents=["B-PERSON", "I-PERSON", "O", "B-ORG", "I-ORG", "O", "O", "O"])
    assert _is_subject(doc[1]) and not _is_subject(doc[4])


def test_he_never_stands_for_a_body_that_spoke():
    got = article_speakers(
        "The Harbour Control Agency (HCA) will take over 40 checkpoints in stages from Feb 1.\n"
        "\"It will take some time before all checkpoints are handed over,\" HCA said.\n"
        "\"We hope the transition will be smooth at both our checkpoints,\" he said.")
    assert got["It will take"] == "Harbour Control Agency"
    assert got["We hope the"] is None  # nobody named: no guess, and never the agency
