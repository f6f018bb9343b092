"""Boilerplate by class (issue 13): section and date headers, promo lines, bios,
capital-letter credits, listed headlines with time stamps. Invented pages."""
from __future__ import annotations

import pytest

from newsfold.model import Article
from newsfold.stages.clean import clean

BODY = (
    "Two buses collided near the central depot on Tuesday morning, injuring nine passengers.\n\n"
    "The transit authority said the depot would reopen on Wednesday after an inspection.\n\n"
)


def _removed(text: str, title: str | None = None) -> tuple[Article, dict[str, list[str]]]:
    article = clean(Article(id="x", text=text, title=title))
    out: dict[str, list[str]] = {}
    for span in article.removed:
        out.setdefault(span.reason, []).append(text[span.start:span.end])
    return article, out


def test_section_header_is_removed_and_never_the_title():
    text = "Harbourton | 14 March 2031, 10:15 am\n\nBuses collide near central depot\n\n" + BODY
    article, removed = _removed(text)
    assert removed["navigation"] == ["Harbourton | 14 March 2031, 10:15 am"]
    assert removed["title"] == ["Buses collide near central depot"]
    assert article.title == "Buses collide near central depot"


def test_a_known_title_that_is_a_page_header_gives_way_to_the_headline():
    text = "Buses collide near central depot\n\n" + BODY
    article, _ = _removed(text, title="10:15 AM | The Evening Post | Transport")
    assert article.title == "Buses collide near central depot"
    kept, _ = _removed(text, title="Buses collide | The Evening Post")
    assert kept.title == "Buses collide | The Evening Post"  # may stand for a headline


def test_promo_lines_by_class():
    promos = ["Listen live to City Radio on 98.1 FM", "Turn on notifications to get breaking news first.",
              "Get the Evening Post app", "Thank you for sharing your thoughts. We appreciate your feedback.",
              "What do you think of it? Let us know in the comments.", "Tell us your views in the comments below."]
    _, removed = _removed(BODY + "\n\n".join(promos))
    assert removed["promo"] == promos


def test_a_sign_up_box_glued_to_the_lede_goes_and_the_lede_stays():
    box = ("Get the morning briefing straight to your inbox + Subscribe Thank you for subscribing! "
           "Could not subscribe, try again later Invalid Email")
    lede = "The Harbour Lions beat the Rovers 3-2 to win their first league title in 40 years."
    article, removed = _removed(box + " " + lede + "\n\n" + BODY)
    assert removed["promo"] == [box]
    assert lede in article.text and not article.is_removed(len(box) + 1, len(box) + 1 + len(lede))
    _, kept = _removed("Thank you for your patience, the coach told fans. Show me a better team, he said.\n\n" + BODY)
    assert "promo" not in kept


def test_author_bio_naming_beat_and_outlet():
    bio = "Mara Quist covers transport and city planning for the Evening Post."
    _, removed = _removed(BODY + bio)
    assert removed["bio"] == [bio]
    # A sentence of reporting with the same verb stays.
    _, kept = _removed(BODY + "The new insurance covers nine passengers for the Harbour Line.")
    assert "bio" not in kept


def test_capitals_credit_line_is_a_caption():
    _, removed = _removed(BODY + "JANE DOE/THE EVENING POST\n\nThe inspection will take a day.")
    assert removed["caption"] == ["JANE DOE/THE EVENING POST"]


def test_related_headlines_with_dots_and_time_stamps_are_lists():
    dotted = "Opinion · 1 week ago\n\nWhy the depot should move\n\nTransport · 2 days ago\n\nNew ferry route opens"
    _, removed = _removed(BODY + dotted)
    assert removed["navigation"] == ["Opinion · 1 week ago", "Why the depot should move",
                                     "Transport · 2 days ago", "New ferry route opens"]
    stamped = ("more in Harbourton\n\nCouncil approves new cycle lanes\n\nFeb 07, 2031 10:25 PM\n\n"
               "Ferry fares to rise in April\n\nFeb 07, 2031 06:30 PM")
    _, removed = _removed(BODY + stamped)
    listed = [p for reason in ("promo", "navigation") for p in removed.get(reason, [])]
    assert "Council approves new cycle lanes" in listed and "Ferry fares to rise in April" in listed
    # One stamp under a headline is a byline stamp, not a list.
    _, single = _removed("Buses collide near depot\n\nFeb 07, 2031 10:25 PM\n\n" + BODY)
    assert single.get("title") == ["Buses collide near depot"]


def test_a_table_like_sentence_with_bars_is_kept():
    line = "The depot handles 40 buses a day | the busiest in the region, officials said."
    _, removed = _removed(BODY + line)
    assert "navigation" not in removed


def _all_removed(removed: dict[str, list[str]]) -> list[str]:
    return [piece for pieces in removed.values() for piece in pieces]


def test_bylines_in_other_spellings():
    for byline in ("by Jane Doe", "By: Jane Doe", "BY JANE DOE [jane.doe@post.example]",
                   "- Additional reporting by Tom Roe", "Additional reporting by Tom Roe and Ada Poe"):
        _, removed = _removed(BODY + byline + "\n\nThe inspection will take a day.")
        assert removed.get("byline") == [byline], byline
    _, kept = _removed(BODY + "by the end of the week the depot reopened, officials said.")
    assert "byline" not in kept


def test_date_stamps_and_outlet_headers():
    for stamp in ("05 March 2031 @ 10:35 PM", "March 14, 2031 at 16:29 JST"):
        _, removed = _removed(BODY + stamp)
        assert _all_removed(removed) == [stamp], stamp
    header = "Harbour Life // March 14, 2031, 12:49 pm"
    _, removed = _removed("Buses collide near central depot\n\n" + header + "\n\n" + BODY)
    assert removed["navigation"] == [header]


def test_bios_without_an_article_or_a_beat_verb():
    for bio in ("- Jane Doe is senior correspondent at The Evening Post, covering transport and health.",
                "Jane Doe is a correspondent at The Evening Post, specialising in the city's schools."):
        _, removed = _removed(BODY + bio)
        assert removed.get("bio") == [bio], bio


def test_an_op_eds_closing_line_on_its_author_is_a_bio():
    bio = "Tom Roe is the vice president for research at Acme Harbour Data"
    _, removed = _removed(BODY + bio)
    assert removed.get("bio") == [bio]
    # A sentence of reporting about someone's role ends like one, and stays.
    for line in ("Tom Roe is the vice president for research at Acme Harbour Data.",
                 "Mr Roe is the head of the depot at Harbour Transit"):
        _, kept = _removed(BODY + line)
        assert "bio" not in kept, line


def test_credits_and_captions_without_a_photo_word():
    for credit in ("Jane Doe for The Evening Post", "Uploaded by Tom Roe", "Feature Image Credit: Stockhouse",
                   "IMAGE 3", "Items seized in the raid ▼", "Tom Roe at the Harbour District Court on May 21, 2029."):
        _, removed = _removed(BODY + credit + "\n\nThe inspection will take a day.")
        assert removed.get("caption") == [credit], credit
    # A capitalised headline with a verb and no date is no caption; nor is the first paragraph.
    _, kept = _removed(BODY + "Harbour Transit Upgrades Its Fleet to Serve the Islands in Winter.\n\nIt will take a day.")
    assert "caption" not in kept
    _, first = _removed("Tom Roe at the Harbour District Court on May 21, 2029.\n\n" + BODY)
    assert "caption" not in first


def test_pointer_and_reader_promo_lines():
    promos = ["Read related: Ferry fares to rise in April",
              "Get a copy of The Evening Post or go to eveningpost.com for more stories.",
              "More information on the recall can be found here.",
              "Got a reaction? Share your thoughts in the comments",
              "This website uses cookies.", "In case you missed it: New ferry route opens",
              "Editor's Choice: Why the depot should move", "Reading Time: 3 minutes"]
    _, removed = _removed(BODY + "\n\n".join(promos))
    assert removed["promo"] == promos
    _, kept = _removed(BODY + "More information about the victims is expected later, the police said.")
    assert "promo" not in kept


def test_a_slogan_beside_an_app_promo_at_the_top_goes_with_it_but_reporting_stays():
    head = "Harbour News: anytime, anywhere.\n\nDownload the new Harbour News app today.\n\n"
    tail = "\n\nPolice investigations are ongoing.\n\nGet the Harbour News app"
    _, removed = _removed(head + BODY + tail)
    assert removed["promo"] == ["Harbour News: anytime, anywhere.", "Download the new Harbour News app today.",
                                "Get the Harbour News app"]


def test_a_dek_under_the_headline_and_a_heading_ending_on_a_quoted_phrase():
    dek = "Quite a view."
    heading = "Believes the crash was “no accident”"
    text = ("Buses collide near central depot\n\n" + dek + "\n\n" + BODY + heading + "\n\n"
            + "The driver told investigators the brakes had failed twice that week.")
    _, removed = _removed(text)
    assert removed["subheading"] == [dek, heading]
    # A short sentence with a verb under the headline is reporting.
    _, kept = _removed("Buses collide near central depot\n\nNine were hurt.\n\n" + BODY)
    assert "subheading" not in kept


def test_an_embedded_posts_text_before_its_signature():
    post = "[Collision @ Pier 4] Earlier this morning at about 5am, crews from the central station..."
    signature = "Posted by Harbour Fire Service on Saturday, March 8, 2031"
    _, removed = _removed(BODY + post + "\n" + signature + "\n\nThe depot will reopen on Wednesday.")
    assert removed["embed"] == [post] and removed["byline"] == [signature]
    # Reporting before a signature stays when it carries no mark of a post.
    _, kept = _removed(BODY + "Smoke rose from the depot.\n" + signature + "\n\nIt will reopen on Wednesday.")
    assert "embed" not in kept


def test_related_headlines_under_dashed_section_lines():
    listed = "- Opinion1 week ago\n\nWhy the depot should move\n\n- Transport3 days ago\n\nNew ferry route opens"
    _, removed = _removed(BODY + listed)
    assert removed["navigation"] == ["- Opinion1 week ago", "Why the depot should move",
                                     "- Transport3 days ago", "New ferry route opens"]


def test_a_joint_agency_sign_off_ending_the_text():
    _, removed = _removed(BODY.rstrip() + " – NORDPRESS-AFP")
    assert removed["signoff"] == ["– NORDPRESS-AFP"]


# Page parts of every class, as a line of their own closing a story (invented).
PAGE_PARTS = [
    'Listen live: City Radio 98.1 FM',
    'Listen to City Radio live on our app',
    'Tune in to City Radio 98.1 FM weekdays from 6am',
    'Turn on notifications',
    'Enable push alerts for breaking news',
    'Get alerts for this story',
    'Download our app for the latest updates',
    'Photo: Jane Doe / Evening Post',
    'Picture: Jane Doe',
    '(Jane Doe/Evening Post)',
    'Jane Doe / The Evening Post',
    'Photo by Jane Doe on Unsplash',
    'Credit: Jane Doe/Evening Post',
    'File photo',
    'Harbourton | 14 March 2031, 10:15 am',
    'Harbourton | March 14, 2031 | 10:15 AM',
    'Opinion · 1 week ago',
    'Opinion | 1 week ago',
    '2 hours ago',
    'Transport · 3 hrs ago',
    'Updated 14 March 2031, 10:15 am',
    'Published: 10:15 AM, March 14, 2031',
    'By Jane Doe | Evening Post',
    'Jane Doe, Transport Reporter',
    'Jane Doe covers transport for the Evening Post.',
    "Jane Doe is the Evening Post's transport reporter.",
    'Jane Doe writes about transport and cities. Follow her on X @janedoe.',
    'Email the author at jane.doe@eveningpost.com',
    'Contact the reporter: jane.doe@eveningpost.com',
    'Related stories',
    'Read next: Ferry fares to rise in April',
    'More on this story',
    'Most popular',
    'Trending now',
    'Sign up for our free morning briefing',
    'Subscribe now for just $1 a week',
    'Support local journalism today.',
    'Follow us on Facebook, Instagram and X',
    'Share this article',
    'Share on WhatsApp',
    'Copy link',
    'Comments (12)',
    'Advertisement',
    'Have a story tip? Email tips@eveningpost.com',
    'This story has been updated with comment from the transit authority.',
    'Do you have a news tip? Contact us at news@eveningpost.com',
    '© 2031 Evening Post Media. All rights reserved.',
    'Watch: Buses collide at the central depot',
    'WATCH: Buses collide at the central depot',
    "Catch up on City Radio's morning show on demand",
    'Listen to the podcast',
    'Stream City Radio anywhere with the free app',
    'The wrecked shelter on Pier Road, photographed yesterday afternoon.',
    'The damaged bus shelter on Pier Road, pictured on Tuesday.',
    'Firefighters at the scene on Tuesday night. (Photo: Jane Doe)',
    'Rescue workers search the rubble in Harbourton on March 14, 2031. REUTERS/Jane Doe',
    'A view of the damaged depot. Photo: Evening Post',
    'Jane Doe / Evening Post',
    'Photograph: Jane Doe/The Evening Post',
    'PHOTO: EVENING POST',
    'Picture: Supplied',
    'Image: Harbour Transit',
    'Source: Harbour Transit',
    'The Evening Post | Transport | 14 March 2031',
    '14 March 2031 | 10:15 am | Harbourton',
    'Harbourton, 14 March 2031, 10:15',
    'Opinion · 1 week ago · Jane Doe',
    'Opinion • 3 days ago',
    'Listen to this article',
    'Listen live',
    'Listen live: City FM',
    'Download the City FM app',
    'Turn on notifications for breaking news alerts',
    'Get our breaking news alerts',
    'Never miss a story: turn on notifications',
    'Stay up to date with our newsletter',
    'Sign up to the morning briefing',
    'Jane Doe is a reporter at the Evening Post covering transport.',
    'Jane Doe covers transport for the Evening Post',
    'Follow Jane Doe on X: @janedoe',
    "Jane Doe is the Evening Post's city editor. She has covered Harbourton since 2020.",
    'More from the Evening Post',
    'More stories',
    'You may also like',
    'Related: Ferry fares to rise in April',
]
# Short lines of reporting that look a little like them and stay.
REPORTING = [
    'Police are investigating.',
    'No one was injured.',
    'Nine were hurt.',
    'The bridge will reopen on Friday.',
    'Two hours ago, the first ferry left the pier.',
    'Jane Doe, 34, is a reporter who was injured in the blast.',
    'Maria Lund is a journalist who has been detained since March.',
    'She covers her face in the video.',
    'The mayor urged residents to listen to the emergency broadcasts.',
    'Residents can stream the council meeting live on its website from 7pm.',
    'He had a tip from a neighbour about the fire.',
    'Comments from the minister drew criticism.',
    "The driver, Tom Roe, is the depot's most experienced mechanic.",
    'The ferry operator said it would support local businesses affected by the closure.',
    "Readers can find the full report on the council's website.",
    'Investigations are ongoing.',
    'Harbourton Mayor Ada Poe at the scene on March 3, 2031, said the depot would be rebuilt.',
    'The shuttle buses will run every 10 minutes until the depot reopens.',
    'Police say the suspect, seen leaving the pier on Monday, was arrested in the evening.',
]


@pytest.mark.parametrize("line", PAGE_PARTS)
def test_page_part_closing_a_story_is_removed(line):
    text = BODY + line
    article, _ = _removed(text)
    start = text.index(line)
    covered = sum(max(0, min(start + len(line), r.end) - max(start, r.start)) for r in article.removed)
    assert covered >= 0.9 * len(line)
    assert all(r.start >= start for r in article.removed)  # and nothing of the reporting


@pytest.mark.parametrize("line", REPORTING)
@pytest.mark.parametrize("where", ["start", "middle", "end"])
def test_short_reporting_lines_stay(line, where):
    text = {"start": "Buses collide near depot\n\n" + line + "\n\n" + BODY,
            "middle": BODY + line + "\n\nThe inspection will take a day, officials said.",
            "end": BODY + line}[where]
    article, _ = _removed(text)
    start = text.index(line)
    assert not [r for r in article.removed if r.start < start + len(line) and start < r.end]


def test_embed_residue_and_a_closing_count():
    for line in ("[embed]https://social.example/harbourfire/posts/123[/embed]", "♬ original sound - Harbour News",
                 "@harbour_watch"):
        _, removed = _removed(BODY + line + "\n\nThe inspection will take a day.")
        assert removed.get("embed") == [line], line
    _, removed = _removed(BODY + "1105")
    assert removed.get("navigation") == ["1105"]
    _, kept = _removed(BODY + "1105\n\nThe inspection will take a day.")
    assert "navigation" not in kept


def test_a_place_name_standing_as_the_dateline():
    text = "Buses collide near central depot\n\nHarbourton. Two buses collided near the central depot on Tuesday.\n\n" + BODY
    _, removed = _removed(text)
    assert [piece.strip() for piece in removed["dateline"]] == ["Harbourton."]
    for opening in ("Prof. Ada Poe said the depot would reopen.", "Sept. rain flooded the depot."):
        _, kept = _removed("Buses collide near central depot\n\n" + opening + "\n\n" + BODY)
        assert "dateline" not in kept, opening


def test_long_headline_style_subheadings_between_prose():
    for heading in ("Teen evaded depot guard on the coast road, causing crash after swerving in front of a tanker",
                    "Depot Chief Highlights “Zero Harm” Goal and Calls for Review of Night Shifts"):
        _, removed = _removed(BODY + heading + "\n\nThe driver told investigators the brakes had failed twice that week.")
        assert removed.get("subheading") == [heading], heading
    # Two sentences, or a link, on one line are not a heading.
    for line in ("The depot reopened on Friday. Shuttle buses will keep running until the end of the month",
                 "Members of the public can report damaged shelters to the transit authority at harbour.gov/report"):
        _, kept = _removed(BODY + line + "\n\nThe driver told investigators the brakes had failed twice that week.")
        assert "subheading" not in kept, line


def test_a_clips_text_with_its_handle_and_hashtags_is_an_embed():
    clip = "@harbournews The transit minister answered questions in Parliament on Feb. 5. #harbour #transit"
    _, removed = _removed(BODY + clip + "\n\nThe inspection will take a day.")
    assert removed.get("embed") == [clip]


def test_a_social_post_signature_flattened_into_a_paragraph_goes():
    post = "Worst news of the week: the bars got smaller pic.twitter.com/Ab12Cd -- Jo Tan (@jotan) March 8, 2031"
    # a flattened page: one long paragraph (a short one holding the post goes whole, as an embed)
    story = ("Shoppers were angry after the chocolate bars shrank by a tenth, and many said so online within hours "
             "of the first photographs of the new shape being shared by fans in several countries. " + post +
             " The maker said on Tuesday that costs had risen and that the price would stay the same, adding that "
             "the bars would keep their famous shape and that no other products were affected by the change.")
    article, removed = _removed(story + "\n\n" + BODY)
    assert removed["embed"] == ["pic.twitter.com/Ab12Cd -- Jo Tan (@jotan) March 8, 2031"]
    assert "The maker said on Tuesday" in article.text
    assert not article.is_removed(story.index("The maker"), story.index("The maker") + 20)
    # a handle quoted in reporting, without a post's date, stays
    _, kept = _removed("The mayor (@harbourmayor) wrote that the bridge would reopen on Friday.\n\n" + BODY)
    assert "embed" not in kept


def test_a_gallery_widget_s_bare_caption_label_opens_a_caption():
    from newsfold.model import Article
    from newsfold.stages.clean import clean

    text = ("The ferry was refloated on Friday night. Caption The crew waved from the deck as the ferry was "
            "towed into port. Passengers were taken home by bus.")
    article = clean(Article(id="a", text=text))
    removed = [text[r.start:r.end] for r in article.removed if r.reason == "caption"]
    assert removed == ["Caption The crew waved from the deck as the ferry was towed into port."]


def test_a_comment_prompt_and_a_trending_list_are_removed():
    text = ("Join the discussion: comments are open below.\n\n" + BODY
            + "Trending now\n\nFive ways to beat the morning queues\n\nWhy the harbour ferry keeps running late\n")
    article, removed = _removed(text)
    gone = [line for lines in removed.values() for line in lines]
    assert "Join the discussion: comments are open below." in gone
    assert "Five ways to beat the morning queues" in gone and "Why the harbour ferry keeps running late" in gone
    assert not any("collided" in line or "reopen" in line for line in gone)


def test_station_and_app_promos_worded_other_ways():
    promos = ["Watch live: Quayside TV News at Six, every weeknight on the Quayside TV app.",
              "Listen to Harbour Radio on 97.4 FM and DAB, or ask your smart speaker to play it.",
              "Get breaking news first: download the Evening Post app for alerts on your phone.",
              "Harbour Radio News is on air every hour, on the hour. Turn on alerts in our app for breaking news.",
              "Harbour News: headlines at the top of every hour. Follow Harbour Radio for the latest on the strike."]
    _, removed = _removed(BODY + "\n\n".join(promos))
    assert removed["promo"] == promos
    # reporting that names a station, an hour or alerts stays
    told = ["Residents were told to turn on flood alerts, the council said.",
            "The station said it would broadcast the count live from the hall at 9pm."]
    _, kept = _removed(BODY + "\n\n".join(told))
    assert "promo" not in kept


def test_a_desk_byline_and_a_bio_told_in_the_perfect():
    _, removed = _removed("By the Evening Post newsdesk, with Wire Press\n\n" + BODY)
    assert removed["byline"] == ["By the Evening Post newsdesk, with Wire Press"]
    bio = "Mara Quist has covered the harbour for the Evening Post since 2024."
    _, removed = _removed(BODY + bio)
    assert removed["bio"] == [bio]
    _, kept = _removed(BODY + "By the time the desk reopened, the queue had gone.")
    assert "byline" not in kept
