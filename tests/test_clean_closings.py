"""Boilerplate classes met on the fourth held-out set (issue 13): a table of
contents ("Jump to:") and the headings it lists, page parts closing the text
after a label (a caps question, "Please refer:"), an author bio under "About
<name>", a photo-credit line, calls to action and a question to the reader
closing the text. Invented pages."""
from __future__ import annotations

from .helpers import kept_text as kept
from .helpers import removed_reasons as removed

LEDE = "Two ferries collided off Port Calden on Tuesday morning, injuring nine passengers, the harbour board said."
BODY = "The harbour board said both vessels were inspected overnight and would sail again on Thursday."
MORE = "Passengers on the morning service were taken to the Calden General Hospital for checks."


def test_a_table_of_contents_and_the_headings_it_lists_go():
    text = "\n".join([LEDE, "Here is everything you need to know about the new ferry.", "Jump to:",
                      "Cabins & decks on the Calden ferry", "Dining on board", "Fares & bookings",
                      BODY, "Cabins & decks on the Calden ferry", MORE, "Fares & bookings",
                      "Fares start at $12 for adults and $6 for children, the board said."])
    found = removed(text)
    assert "Jump to:" in found and "Dining on board" in found
    assert "Cabins & decks on the Calden ferry" in found and "Fares & bookings" in found
    assert "Fares start at $12" in kept(text) and BODY in kept(text)


def test_a_caps_label_and_the_lines_after_it_close_the_page():
    text = "\n".join([LEDE, BODY, "Bookings for the ferry can be made through the board's webpage.",
                      "HAVE YOU HEARD?",
                      "880,200 travellers crossed the strait in 2030 – a record",
                      "The new Calden boardwalk is now open, with views of the bay"])
    found = removed(text)
    assert "HAVE YOU HEARD?" in found and "880,200 travellers crossed the strait in 2030 – a record" in found


def test_a_refer_label_and_its_list_close_the_page():
    text = "\n".join([LEDE, BODY, MORE, "Please refer:", "- Factsheet on the board's new ferries",
                      "- Transcript of the minister's speech"])
    found = removed(text)
    assert "Please refer:" in found and "- Transcript of the minister's speech" in found


def test_a_key_facts_list_after_a_plain_label_stays():
    text = "\n".join([LEDE, BODY, MORE, "What we know:", "- Nine passengers were hurt",
                      "- Both ferries sail again on Thursday"])
    assert "Nine passengers were hurt" in kept(text)


def test_an_author_bio_under_about_and_the_name_goes():
    text = "\n".join([LEDE, BODY, MORE, "Source: Coastline Press", "About Ravi",
                      "Ravi Menon is a programmer. He is the editor of CaldenNews.XYZ and runs a web firm.",
                      "When it comes to writing he likes world politics and films.",
                      "He can be reached at ravi@caldennews.xyz"])
    found = removed(text)
    assert any(k.startswith("Ravi Menon is a programmer") for k in found)
    assert any(k.startswith("When it comes to writing") for k in found)


def test_a_photo_credit_line_goes():
    text = "\n".join([LEDE, BODY, MORE, "Photos from Parks/FB, Ana Ruiz/FB, Tomas Reyes/FB and Lea Vell/FB"])
    assert "Photos from Parks/FB" in " ".join(removed(text))


def test_calls_to_action_and_a_question_to_the_reader_close_the_page():
    for tail in ("Learn more about the Calden Ferry Club at their website here.",
                 "Are you planning to ride the new Calden ferry?",
                 "Stay tuned as we share more updates soon!"):
        text = "\n".join([LEDE, BODY, MORE, tail])
        assert tail not in kept(text), tail
    # a reporter's question inside the story stays
    text = "\n".join([LEDE, "Are you safe on a ferry? The board says yes, and cites nine years without a collision.", MORE])
    assert "Are you safe on a ferry?" in kept(text)


def test_a_section_about_a_place_is_no_bio():
    text = "\n".join([LEDE, BODY, "About Calden",
                      "Calden is a port town of 40,000 people on the east coast.",
                      "Its ferry terminal opened in 1998 and serves three islands.",
                      MORE])
    assert "Its ferry terminal opened in 1998" in kept(text)


def test_a_key_facts_list_after_a_label_in_capitals_stays():
    caps = "\n".join([LEDE, BODY, MORE, "WHAT WE KNOW:", "- Nine passengers were hurt",
                      "- Both ferries sail again on Thursday"])
    assert "Nine passengers were hurt" in kept(caps)
