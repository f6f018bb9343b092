"""Boilerplate classes met on pages newly read (issue 13): headings that open
on a quote or close on a bracketed time, a content system's placeholder line,
headlines left among the page parts that close the text, a related-stories list
with separators and standfirsts, linked headlines listed as bullets inside the
text, a promo box flattened into one paragraph. Invented pages."""
from __future__ import annotations


from .helpers import kept_text as kept
from .helpers import removed_reasons as removed

LEDE = "Two ferries collided off Port Calden on Tuesday morning, injuring nine passengers, the harbour board said."
BODY = "The harbour board said both vessels were inspected overnight and would sail again on Thursday."
MORE = "Passengers on the morning service were taken to the Calden General Hospital for checks."


def test_a_heading_may_open_on_a_quote_or_close_on_a_bracketed_time():
    text = "\n".join([LEDE, BODY, "“Never Again”: Ferry Passenger Vows to Fly Instead", MORE,
                      "Harbour Fun Run 2031 (March 14, 6 AM – 10 AM)", BODY.replace("Thursday", "Friday")])
    assert removed(text).get("“Never Again”: Ferry Passenger Vows to Fly Instead") == "subheading"
    assert removed(text).get("Harbour Fun Run 2031 (March 14, 6 AM – 10 AM)") == "subheading"
    # a bracket that says who said it is a sentence's, not a heading's time
    quoted = "\n".join([LEDE, BODY, "Both ferries will be scrapped (the board said)", MORE])
    assert "Both ferries will be scrapped" in kept(quoted)


def test_a_placeholder_line_is_removed_and_the_heading_after_it_too():
    text = "\n".join([LEDE, BODY, "[[nid:712345]]", "Ferry safety: the rules", MORE])
    found = removed(text)
    assert "[[nid:712345]]" in found and found.get("Ferry safety: the rules") == "subheading"


def test_headlines_left_among_the_closing_page_parts_go():
    text = "\n".join([
        LEDE, BODY, MORE,
        "Stay tuned for updates by following them on Instagram here.",
        "HAVE YOU HEARD?",
        "Calden bakery wins national award for its sourdough – and it uses a 100-year-old oven",
        "Budget-friendly harbour cruises in Calden under $30 a person",
    ])
    found = removed(text)
    assert "HAVE YOU HEARD?" in found
    assert "Budget-friendly harbour cruises in Calden under $30 a person" in found
    assert "Calden bakery wins national award for its sourdough – and it uses a 100-year-old oven" in found
    assert MORE in kept(text)


def test_a_venue_s_details_after_the_reporting_stay():
    text = "\n".join([LEDE, BODY, "Calden Ferry Museum, 12 Pier Road", "Open: Monday to Sunday (10am to 6pm)",
                      "Nearest stop: Pier Road", "Follow us on Facebook."])
    assert "Open: Monday to Sunday (10am to 6pm)" in kept(text)


def test_a_related_list_with_separators_and_standfirsts_goes_to_the_end():
    text = "\n".join([
        LEDE, BODY, "More from Harbour News", "-",
        "Velmora port workers end strike after pay deal",
        "Dock workers at Velmora returned on Monday after a three-week stoppage.",
        "-",
        "New lighthouse keeper named for Tarsk Point",
        "The coastguard has said the light will be staffed again from May.",
    ])
    found = removed(text)
    assert "The coastguard has said the light will be staffed again from May." in found
    assert "Dock workers at Velmora returned on Monday after a three-week stoppage." in found
    assert BODY in kept(text)


def test_a_story_after_a_related_link_is_kept():
    text = "\n".join([LEDE, "Related stories", "Velmora port workers end strike after pay deal", BODY, MORE])
    assert BODY in kept(text) and MORE in kept(text)


def test_bullets_of_other_stories_inside_the_text_go_but_the_story_s_own_points_stay():
    foreign = [
        "- Norland buys two frigates as its navy deal with Ostvale collapses",
        "- Volcano near Tarsk erupts for a second time this winter",
        "- Mountain rescue teams train with new thermal drones",
    ]
    # one paragraph a line, as scraped pages are (lines longer than a hard wrap)
    body = BODY + " The board will publish its report on the collision before the end of the month."
    text = "\n".join([LEDE, *foreign, body, MORE])
    for line in foreign:
        assert line in removed(text)
    own = [
        "- Both ferries were inspected by the harbour board overnight",
        "- Nine passengers were taken to hospital for checks",
        "- The morning service will sail again on Thursday",
    ]
    text = "\n".join([LEDE, *own, body, MORE])
    for line in own:
        assert line[2:] in kept(text)


def test_a_promo_box_flattened_into_a_paragraph_goes_whole():
    box = ("Follow us everywhere and at any time. HarbourNews.com works on any phone or computer. "
           "For more up-to-date news, follow our Facebook and YouTube pages. Our standards: editorial principles.")
    text = "\n".join([LEDE, BODY, box])
    assert box in removed(text)
    # one call to action in a paragraph of reporting takes only its own sentence
    mixed = "\n".join([LEDE, BODY + " The board thanked the crews. Follow us on Facebook. " + MORE])
    assert "The board thanked the crews." in kept(mixed) and MORE in kept(mixed)


def test_a_heading_above_a_paragraph_that_opens_a_list_is_a_heading():
    text = "\n".join([
        LEDE, BODY,
        "Renewed Calden Harbour Walk: Everything You Need to Know",
        "The harbour walk, spanning four kilometres of piers and beaches, will gain these features next year:",
        "- a covered boardwalk", MORE,
    ])
    assert removed(text).get("Renewed Calden Harbour Walk: Everything You Need to Know") == "subheading"
