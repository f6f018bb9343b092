"""Boilerplate by class, second set (issue 13): broadcasters' listen-again promos,
calls to the audience to text, call or comment, a reader question before its
comment prompt, a dated section header with slashes, and the headlines listed
under "Read next" whatever they say. Invented pages."""
from __future__ import annotations

from newsfold.model import Article
from newsfold.stages.clean import clean
from newsfold.stages.clean.lines import is_section_header

BODY = (
    "A freight train left the tracks outside Wellmere station on Sunday night, blocking the line for two days.\n\n"
    "The rail operator said no one was hurt and that repairs to the points would begin on Monday.\n\n"
)


def _removed(text: str) -> dict[str, list[str]]:
    article = clean(Article(id="x", text=text))
    out: dict[str, list[str]] = {}
    for span in article.removed:
        out.setdefault(span.reason, []).append(text[span.start:span.end])
    return out


def test_listen_again_and_audience_calls_are_promos():
    promos = ["Listen again: the Drive Show with Ama Holt, weekday evenings on the Coast FM app",
              "Listen back to Morning Desk on the North Sound Radio app.",
              "Have your say: ring the newsroom on 0800 123 456 or write to us.",
              "Text the studio on 62000 or message the programme on WhatsApp.",
              "Call the newsroom on 555 0199 with your pictures, or comment on our Facebook page."]
    removed = _removed(BODY + "\n\n".join(promos))
    assert removed.get("promo") == promos


def test_a_reader_question_on_any_topic_goes_with_its_comment_prompt():
    prompt = "What do you make of the new timetable? Tell us in the comments below."
    removed = _removed(BODY + prompt)
    assert removed.get("promo") == [prompt]


def test_speech_that_asks_to_listen_or_call_stays():
    kept = ('"Listen, we have to call the studio owners today," the mayor said.\n\n'
            "Residents were asked to call the council if they saw water in their cellars.")
    assert "promo" not in _removed(BODY + kept)


def test_a_section_header_with_slashes_needs_a_date():
    header = "Transport / 03.11.2031 / 18:40"
    removed = _removed(header + "\n\nTrain derails near Wellmere\n\n" + BODY)
    assert removed.get("navigation") == [header]
    assert not is_section_header("Rail / Road") and not is_section_header("Jane Doe / The Evening Post")
    assert is_section_header("News / 2031-11-03")


def test_headlines_listed_under_read_next_go_whatever_their_length():
    listed = ["Read next", "Wellmere bypass to open a year late after funding gap",
              "Council tax in the county to rise by 5% in April, leaders confirm"]
    removed = _removed(BODY + "\n\n".join(listed))
    assert removed.get("promo") == listed


def test_a_call_to_follow_an_outlet_on_social_media_is_a_promo_but_news_about_it_stays():
    promo = "Follow Wellmere Today on social media for updates."
    assert _removed(BODY + promo).get("promo") == [promo]
    kept = "Following the derailment, posts on social media showed the blocked line.\n\n" \
           "Follow-up checks on social media reports found no injuries."
    assert "promo" not in _removed(BODY + kept)


def test_a_station_s_frequency_promo_goes():
    promo = "Hear the latest news every hour on Wellmere Radio, 101.4 FM."
    assert _removed(BODY + promo).get("promo") == [promo]
    kept = "Listeners heard the driver's call on the station, which broadcasts on 101.4 FM, on Monday."
    assert "promo" not in _removed(BODY + kept)


def test_a_station_naming_itself_to_its_listeners_is_a_promo():
    promo = "You're listening to Wellmere Radio."
    assert _removed(BODY + promo).get("promo") == [promo]
    kept = "Residents said they were listening to Wellmere Radio when the sirens started."
    assert "promo" not in _removed(BODY + kept)


def test_schedule_catch_up_app_and_tip_line_promos_go():
    promos = ["Travel news every 15 minutes at breakfast, and whenever you need it on the Coast Sounds app.",
              "Hear the full interview with Ama Holt on Coast Breakfast, on catch-up now.",
              "Coast Radio News: every hour, on the hour, on 101.4 FM.",
              "Do you have information about this story? Email the Wellmere Today newsdesk."]
    assert _removed(BODY + "\n\n".join(promos)).get("promo") == promos
    kept = ("Trains ran every 15 minutes once the line reopened.\n\n"
            "Police asked anyone with information about the incident to call them.")
    assert "promo" not in _removed(BODY + kept)


def test_a_syndication_intro_and_a_more_tomorrow_promo_go():
    promos = ["The following report was supplied by the Coastline news agency.",
              "The Wellmere Lamp will have more on the strike in tomorrow's edition."]
    assert _removed("\n\n".join([promos[0], BODY.strip(), promos[1]])).get("promo") == promos
    kept = "The union said it will have more to say on the strike after the talks on Thursday."
    assert "promo" not in _removed(BODY + kept)
