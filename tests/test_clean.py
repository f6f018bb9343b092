"""clean(): non-reporting paragraphs become removed spans; real sentences stay."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfold.model import Article
from newsfold.readers.files import article_from_text
from newsfold.stages.clean import clean

# Invented reports shaped like common outlets' copy.
WIRE_AP = """Harbor bridge shut after engineers find crack

By JANE DOE and OMAR FIELD
Associated Press

PORTVILLE (AP) — City officials closed the Harbor Bridge on Friday after engineers found a crack in a main support.

Workers in orange vests block the Harbor Bridge entrance in Portville, Friday, March 14, 2031. (AP Photo/Lee Marsh)

“We will not reopen it until it is safe,” Mayor Ana Reyes said.

Traffic was diverted to the river tunnel, adding up to 40 minutes to commutes.
"""

WIRE_REUTERS = """PORTVILLE, March 14 (Reuters) - Officials closed a major bridge on Friday after a crack was found, the city said.

The bridge carries about 60,000 vehicles a day.

Reporting by Tom Greer in Portville; Editing by Sara Lind

Our Standards: The Thomson Reuters Trust Principles.
"""

GUARDIAN_STYLE = """Jane Doe | Harbor Gazette
Fri 14 Mar 2031 10.15 GMT

The bridge closure caught drivers by surprise on Friday morning.

Engineers inspect the damaged support. Photograph: Lee Marsh/Getty Images

Sign up for our morning briefing newsletter

What happens next?

The council will meet on Monday to decide on repairs.

Read more: How the bridge was built in 1962
"""

LOCAL_STYLE = """The city closed the Harbor Bridge on Friday.
Officials said repairs could take weeks.
Source: City of Portville
Sources: Harbor Gazette, local radio

Omar Field is a reporter at the Portville Courier, where he covers city hall and transport. Follow him on X @ofield.
"""

EMBED_STYLE = """Officials closed the bridge on Friday.

The mayor posted a photo of the crack on social media.

— Ana Reyes (@MayorReyes) March 14, 2031

Bridge closed until further notice pic.twitter.com/AbC123

Repair crews arrived in the afternoon.
"""

BBC_STYLE = """Bridge closes after crack is found

Image source, Getty Images
Image caption, Engineers found the crack on Thursday night

The Harbor Bridge has been closed indefinitely, the city council says.

Key figures:

30 lanes closed

Police Chief Tom Greer told the Courier: "It is not safe."

Related Topics

Published
14 March 2031
"""


def removed_texts(article: Article) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for span in article.removed:
        out.setdefault(span.reason, []).append(article.text[span.start:span.end])
    return out


def cleaned(text: str) -> Article:
    return clean(article_from_text(text, id="x", origin=None))


def test_ap_style_headline_byline_and_caption():
    article = cleaned(WIRE_AP)
    removed = removed_texts(article)
    assert removed["title"] == ["Harbor bridge shut after engineers find crack"]
    assert article.title == "Harbor bridge shut after engineers find crack"
    assert removed["byline"] == ["By JANE DOE and OMAR FIELD", "Associated Press"]
    assert "subheading" not in removed
    assert removed["caption"] == [
        "Workers in orange vests block the Harbor Bridge entrance in Portville, Friday, March 14, 2031. (AP Photo/Lee Marsh)"
    ]
    assert removed["dateline"] == ["PORTVILLE (AP) — "]
    assert not article.is_removed(WIRE_AP.index("City officials"), WIRE_AP.index("main support.") + 1)
    assert not article.is_removed(WIRE_AP.index("“We will"), WIRE_AP.index("Reyes said.") + 1)


def test_reuters_footer_and_standards_line():
    removed = removed_texts(cleaned(WIRE_REUTERS))
    assert removed == {
        "dateline": ["PORTVILLE, March 14 (Reuters) - "],
        "byline": ["Reporting by Tom Greer in Portville; Editing by Sara Lind"],
        "promo": ["Our Standards: The Thomson Reuters Trust Principles."],
    }


def test_guardian_style_byline_stamp_caption_promos_and_question_subheading():
    article = cleaned(GUARDIAN_STYLE)
    removed = removed_texts(article)
    assert removed["byline"] == ["Jane Doe | Harbor Gazette", "Fri 14 Mar 2031 10.15 GMT"]
    assert removed["caption"] == ["Engineers inspect the damaged support. Photograph: Lee Marsh/Getty Images"]
    assert removed["promo"] == ["Sign up for our morning briefing newsletter", "Read more: How the bridge was built in 1962"]
    assert removed["subheading"] == ["What happens next?"]
    assert "title" not in removed  # the first line is a byline, not a headline
    assert article.title is None


def test_bbc_style_image_lines_stamps_and_a_kept_list_item():
    article = cleaned(BBC_STYLE)
    assert removed_texts(article) == {
        "title": ["Bridge closes after crack is found"],
        "caption": ["Image source, Getty Images", "Image caption, Engineers found the crack on Thursday night"],
        "promo": ["Related Topics"],
        "byline": ["Published", "14 March 2031"],
    }
    start = BBC_STYLE.index("30 lanes")
    assert not article.is_removed(start, start + 15)


def test_local_style_source_lines_and_bio_one_paragraph_per_line():
    removed = removed_texts(cleaned(LOCAL_STYLE))
    assert removed["source-line"] == ["Source: City of Portville", "Sources: Harbor Gazette, local radio"]
    assert removed["bio"] == [
        "Omar Field is a reporter at the Portville Courier, where he covers city hall and transport. Follow him on X @ofield."
    ]
    assert set(removed) == {"source-line", "bio"}


def test_embed_signature_and_tweet_lines():
    article = cleaned(EMBED_STYLE)
    assert removed_texts(article) == {
        "embed": ["— Ana Reyes (@MayorReyes) March 14, 2031", "Bridge closed until further notice pic.twitter.com/AbC123"]
    }


def test_header_span_is_kept_and_the_rest_of_its_line_is_not_removed():
    text = " date 2031-03-14 Officials closed the bridge on Friday.\n\nRepairs could take weeks.\n"
    article = cleaned(text)
    assert [(text[r.start:r.end], r.reason) for r in article.removed] == [("date 2031-03-14", "header")]


def test_known_title_repeated_as_first_line_is_removed_even_with_punctuation():
    text = "Bridge shut.\n\nOfficials closed the bridge on Friday.\n"
    article = clean(Article(id="x", text=text, title="Bridge shut."))
    assert removed_texts(article) == {"title": ["Bridge shut."]}


@pytest.mark.parametrize("text", [
    # Real sentences that look a little like non-reporting text.
    "Officials closed the bridge.\n\nBy Tuesday evening, the crews had left the site.\n\nTraffic resumed.\n",
    "Officials closed the bridge.\n\nBy Monday\n\nnothing else.\n",
    "Officials closed the bridge.\n\nSources said the repairs would cost millions.\n\nTraffic resumed.\n",
    "Officials closed the bridge.\n\nThe agency signed a licensing deal with Getty Images.\n\nTraffic resumed.\n",
    "Officials closed the bridge.\n\nThe photo by a local resident showed a wide crack.\n\nTraffic resumed.\n",
    "Officials closed the bridge.\n\n“We cannot afford another closure,”\n\nthe mayor said.\n",
    "Officials closed the bridge.\n\nJane Doe is a reporter for the Courier who was hurt in the collapse, police said.\n",
    "Officials closed the bridge.\n\nShare prices of the builder fell 5% on Friday.\n\nTraffic resumed.\n",
    # A hard-wrapped paragraph: its short last line is not a subheading.
    "Officials closed the bridge on Friday after engineers found\na crack in one of the main supports near\nthe east bank\n\nTraffic resumed on Sunday.\n",
])
def test_real_sentences_are_not_removed(text):
    article = cleaned(text)
    assert article.removed == [], removed_texts(article)


def test_subheading_needs_to_stand_alone_short_and_unpunctuated():
    base = "Officials closed the bridge on Friday.\n\n{}\n\nRepairs could take weeks.\n"
    assert removed_texts(cleaned(base.format("Long road ahead"))) == {"subheading": ["Long road ahead"]}
    assert cleaned(base.format("The repairs will be long and costly for the city")).removed == []
    assert cleaned(base.format("Repairs begin.")).removed == []


def test_the_input_article_is_not_changed():
    article = article_from_text(WIRE_AP, id="x", origin=None)
    result = clean(article)
    result.notes.append("later stage note")
    assert article.removed == [] and article.title is None and article.notes == []
    assert result.removed


def test_cleaning_twice_adds_nothing():
    once = cleaned(WIRE_AP)
    assert clean(once).removed == once.removed


# -- property: spans are in bounds, ordered, disjoint; text never changes -----------------------

PIECES = [
    "Officials closed the bridge on Friday.", "By Jane Doe", "Source: City hall", "Long road ahead",
    "Harbor bridge shut", "Sign up for our newsletter", "— Ana Reyes (@MayorReyes) March 14, 2031",
    "Crews work, Friday, March 14, 2031. (AP Photo/Lee Marsh)", "date 2031-03-14", "“Quote,” she said.",
    "Omar Field is a reporter at the Courier, where he covers transport.", "", " ", "\t", "x", "?",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=30)), max_size=12),
       st.lists(st.sampled_from(["\n", "\n\n", "\r\n", " ", "\n \n"]), min_size=12, max_size=12))
def test_spans_in_bounds_ordered_disjoint_and_text_unchanged(pieces, separators):
    text = "".join(p + s for p, s in zip(pieces, separators))
    article = article_from_text(text, id="p", origin=None)
    headers = list(article.removed)
    result = clean(article)
    assert result.text == text
    assert all(h in result.removed for h in headers)
    previous_end = 0
    for span in result.removed:
        assert 0 <= span.start < span.end <= len(text)
        assert span.start >= previous_end
        assert text[span.start:span.end] == text[span.start:span.end].strip()
        previous_end = span.end


# -- the shared real story -------------------------------------------------------------------


@pytest.fixture(scope="module")
def kosovo(kosovo_story):
    return {a.id: a for a in kosovo_story.articles}


@pytest.mark.shared
def test_kosovo_001_header(kosovo):
    article = kosovo["001"]
    assert [(article.text[r.start:r.end], r.reason) for r in article.removed] == [("date 2023-05-30", "header")]


@pytest.mark.shared
def test_kosovo_003_source_lines_and_bio(kosovo):
    removed = removed_texts(kosovo["003"])
    assert len(removed["source-line"]) == 2
    assert all(s.startswith("Source: ") for s in removed["source-line"])
    assert len(removed["bio"]) == 1 and " is a journalist at " in removed["bio"][0]
    assert removed["bio"][0].endswith("pressing issues.")


@pytest.mark.shared
def test_kosovo_004_title_and_caption(kosovo):
    article = kosovo["004"]
    removed = removed_texts(article)
    assert removed["title"] == [article.text.splitlines()[0]]
    assert article.title == article.text.splitlines()[0]
    assert len(removed["caption"]) == 1 and removed["caption"][0].endswith("(AP Photo/Bojan Slavkovic)")
    assert "Tuesday, May 30, 2023" in removed["caption"][0]
    assert removed["subheading"] == ["Growing tensions"]


@pytest.mark.shared
def test_kosovo_002_embed_and_subheading(kosovo):
    removed = removed_texts(kosovo["002"])
    assert removed["embed"] == ["— AFP News Agency (@AFP) May 30, 2023"]
    assert removed["subheading"] == ["Decisive steps"]


# Which non-blank lines of each shared file are not reporting (by position, so
# the test holds no text of the files); every other line must stay whole.
KOSOVO_NOT_REPORTING = {"000": set(), "001": set(), "002": {6, 10}, "003": {7, 8, 9}, "004": {0, 1, 11, 16}}


@pytest.mark.shared
@pytest.mark.parametrize("source", sorted(KOSOVO_NOT_REPORTING))
def test_kosovo_news_lines_are_never_removed_and_the_others_are(kosovo, source):
    article = kosovo[source]
    header_end = max((r.end for r in article.removed if r.reason == "header"), default=0)
    lines, pos = [], 0
    for raw in article.text.split("\n"):
        if raw.strip():
            start = max(pos + len(raw) - len(raw.lstrip()), header_end)
            lines.append((start, pos + len(raw.rstrip())))
        pos += len(raw) + 1
    for number, (start, end) in enumerate(lines):
        if number in KOSOVO_NOT_REPORTING[source]:
            assert any(r.start <= start and end <= r.end for r in article.removed), number
        else:
            assert not article.is_removed(start, end), (number, article.text[start:end][:60])


@pytest.mark.shared
def test_kosovo_000_has_nothing_removed(kosovo):
    assert kosovo["000"].removed == []


# -- scraped pages: one paragraph a line, and flattened text --------------------------------

SCRAPED_LINES = """Harbor bridge shut after crack found
Officials closed the Harbor Bridge on Friday after engineers found a crack.
The police said they were alerted at about 9am.
Crack found during routine inspection
Engineers spotted the crack in a main support during a check on Thursday.
3 lanes closed for repairs
Three of the four lanes will stay shut for at least a month, the council said.
Also read: Ferry fares to rise from April
Ferry fares to rise from April
Have news you must share? Get in touch with us via email at tips@example.com.
Top image from Harbor Watch/Facebook
MORE STORIES
"""


def test_scraped_lines_headings_promos_repeated_link_and_image_credit():
    article = cleaned(SCRAPED_LINES)
    removed = removed_texts(article)
    assert removed["subheading"] == ["Crack found during routine inspection", "3 lanes closed for repairs"]
    assert removed["promo"] == [
        "Also read: Ferry fares to rise from April", "Ferry fares to rise from April",
        "Have news you must share? Get in touch with us via email at tips@example.com.", "MORE STORIES",
    ]
    assert removed["caption"] == ["Top image from Harbor Watch/Facebook"]
    for sentence in ("Officials closed the Harbor Bridge", "The police said", "Engineers spotted", "Three of the four"):
        start = SCRAPED_LINES.index(sentence)
        assert not article.is_removed(start, start + len(sentence))


@pytest.mark.parametrize("line, reason", [
    ("Join our WhatsApp channel and get the latest news and must-reads.", "promo"),
    ("Join the Courier's Telegram channel for breaking news.", "promo"),
    ("Download the new Courier app today.", "promo"),
    ("Get the Courier on your phone with the free app. Download from the App Store now", "promo"),
    ("This article was first published in the Harbor Gazette. Permission required for reproduction.", "promo"),
    ("Send us your tips at tips@example.com", "promo"),
    ("Follow us on Telegram for all the latest news", "promo"),
    ("Click here to get the latest updates on Google News", "promo"),
    ("Watch the video below:", "promo"),
    ("Featured image adapted from Harbor Watch on Facebook.", "caption"),
    ("Photos from Jane Doe/Instagram", "caption"),
    ("/HGZ", "signoff"),
    ("- The Harbor Gazette/ANN", "signoff"),
    ("— BERNAMA", "signoff"),
    ("jane.doe@example.com", "signoff"),
    ("She can be reached at jane.doe@example.com", "signoff"),
    ("Copyright Harbor Media. All rights reserved.", "signoff"),
    ("Opinion2 weeks ago", "navigation"),
])
def test_line_rules(line, reason):
    text = f"Officials closed the bridge on Friday after a crack was found.\n{line}\nRepairs could take weeks, the council said.\n"
    article = cleaned(text)
    assert removed_texts(article) == {reason: [line]}


def test_site_menu_before_the_first_paragraph_is_navigation():
    text = "Politics\nSingapore\nShare on\nOfficials closed the bridge on Friday after a crack was found.\nRepairs could take weeks.\n"
    assert removed_texts(cleaned(text)) == {"navigation": ["Politics", "Singapore"], "promo": ["Share on"]}


def test_related_list_of_headlines_with_ages_is_navigation():
    text = ("Officials closed the bridge on Friday after a crack was found.\nRepairs could take weeks.\n"
            "Council approves new budget for schools\nPolitics2 weeks ago\nFerry operator names new chief\n"
            "Business3 days ago\n")
    assert removed_texts(cleaned(text)) == {"navigation": [
        "Council approves new budget for schools", "Politics2 weeks ago", "Ferry operator names new chief",
        "Business3 days ago"]}


FLAT_BBC = ("Image copyright Reuters Image caption Engineers inspected the crack on Thursday night The Harbor Bridge "
            "has been closed, the council says. Traffic was diverted to the tunnel. 'Long repairs' A council "
            "spokesman said work could take a month. Image caption The bridge carries 60,000 cars a day Drivers "
            "faced long queues on Friday.")


def test_flattened_image_credit_caption_runs_and_quoted_subheading():
    article = cleaned(FLAT_BBC)
    removed = removed_texts(article)
    assert removed["caption"] == [
        "Image copyright Reuters Image caption Engineers inspected the crack on Thursday night",
        "Image caption The bridge carries 60,000 cars a day",
    ]
    assert removed["subheading"] == ["'Long repairs'"]
    for sentence in ("The Harbor Bridge has been closed, the council says.", "Traffic was diverted to the tunnel.",
                     "A council spokesman said work could take a month.", "Drivers faced long queues on Friday."):
        start = FLAT_BBC.index(sentence)
        assert not article.is_removed(start, start + len(sentence)), sentence


FLAT_NEWSLETTER = ("Officials closed the bridge on Friday. Morning Briefing: Harbor Edition Get the news delivered to "
                   "your inbox every day. Please verify you're not a robot by clicking the box. Invalid email address. "
                   "Please re-enter. Sign Up Thank you for subscribing. The council will meet on Monday. Advertisement "
                   "Continue reading the main story Repairs could take weeks, engineers said. Getty Images The crack "
                   "in the main support tumbler A second view of the crack Drivers were told to use the tunnel. "
                   "Additional reporting by agencies")


def test_flattened_newsletter_box_residue_credit_captions_and_signoff():
    article = cleaned(FLAT_NEWSLETTER)
    removed = removed_texts(article)
    assert removed["promo"] == [
        ("Morning Briefing: Harbor Edition Get the news delivered to your inbox every day. Please verify you're not "
         "a robot by clicking the box. Invalid email address. Please re-enter. Sign Up Thank you for subscribing."),
        "Advertisement Continue reading the main story",
    ]
    assert removed["caption"] == ["Getty Images The crack in the main support tumbler A second view of the crack"]
    assert removed["signoff"] == ["Additional reporting by agencies"]
    for sentence in ("Officials closed the bridge on Friday.", "The council will meet on Monday.",
                     "Repairs could take weeks, engineers said.", "Drivers were told to use the tunnel."):
        start = FLAT_NEWSLETTER.index(sentence)
        assert not article.is_removed(start, start + len(sentence)), sentence


def test_inline_signoff_and_parenthesised_credit():
    text = ("Officials closed the bridge on Friday. Workers inspect the crack (Getty Images) Repairs could take "
            "weeks, the council said. /HGZ")
    article = cleaned(text)
    assert removed_texts(article) == {"caption": ["Workers inspect the crack (Getty Images)"], "signoff": ["/HGZ"]}


@pytest.mark.parametrize("text", [
    # Near misses: real reporting that mentions sign-ups, photos, newsletters, images and wires.
    "Officials closed the bridge.\n\nShe said she would sign up for the program.\n\nTraffic resumed.\n",
    "Officials closed the bridge.\n\nThe photo showed a wide crack in the support.\n\nTraffic resumed.\n",
    "Officials closed the bridge.\n\nPhotos from the scene showed a wide crack in the support.\n\nTraffic resumed.\n",
    "Officials closed the bridge.\n\nThe council's newsletter warned residents last month.\n\nTraffic resumed.\n",
    "Officials closed the bridge.\n\nRelated costs will be covered by the state, the mayor said.\n\nTraffic resumed.\n",
    ("Officials closed the bridge. She said she would sign up for the program. Getty Images declined to comment. "
     "The photo showed a crack. More stories of damage emerged on Friday. Traffic resumed.\n"),
    # A scraped line that lost its full stop but reports something (a speaker) is not a heading.
    "Officials closed the bridge on Friday.\nEngineers said the repairs would take weeks and cost millions\nTraffic resumed on Sunday.\n",
    "Officials closed the bridge.\n\nTraffic resumed.\n\nThe Straits Times reported the closure first.\n",
])
def test_near_misses_are_not_removed(text):
    article = cleaned(text)
    assert all(r.reason == "title" for r in article.removed) or article.removed == [], removed_texts(article)


def test_dateline_is_removed_but_its_sentence_and_credits_stay():
    text = "PORTVILLE (Reuters) - Officials closed the bridge. An image of the crack was shared widely. Traffic resumed.\n"
    article = cleaned(text)
    assert removed_texts(article) == {"dateline": ["PORTVILLE (Reuters) - "]}
    assert not article.is_removed(text.index("Officials"), len(text.rstrip()))


@pytest.mark.parametrize("text", [
    "NATO Secretary-General Jens Stoltenberg said the alliance would send more troops.\n",
    "US President Joe Biden said on Monday that talks would resume.\n",
    "UPDATE (27 Jan, 7.30pm): All four officers have been discharged.\n",
])
def test_sentences_that_open_with_capitals_are_not_datelines(text):
    assert "dateline" not in removed_texts(cleaned(text))


def test_page_metadata_list_dash_bio_and_trailing_address_in_one_line_a_paragraph_page():
    text = (
        "Officials closed the bridge on Friday after a crack was found.\n"
        "Article Date: 24 Jan 2031\n"
        "Author: Jane Doe\n"
        "Repairs could take weeks, the council said.\n"
        "Keeping bridges safe\n"
        "Inspectors check every girder twice a year.\n"
        "- Jane Doe is a journalist at The Harbor Gazette, covering transport and city hall.\n"
        "[[nid:713695]]\n"
        "jane.doe@example.com\n"
    )
    article = cleaned(text)
    found = removed_texts(article)
    assert found.get("byline") == ["Article Date: 24 Jan 2031", "Author: Jane Doe"]
    assert found.get("bio") == ["- Jane Doe is a journalist at The Harbor Gazette, covering transport and city hall."]
    assert found.get("subheading") == ["Keeping bridges safe"]
    assert found.get("signoff") == ["jane.doe@example.com"]
    for sentence in ("Officials closed", "Repairs could", "Inspectors check"):
        start = text.index(sentence)
        assert not article.is_removed(start, start + len(sentence))


def test_agency_prefix_with_a_slash_is_a_dateline():
    text = "ANN/THE HARBOR GAZETTE – A fire broke out early on Sunday at a block in the port.\nNobody was hurt.\n"
    assert removed_texts(cleaned(text)) == {"dateline": ["ANN/THE HARBOR GAZETTE – "]}
