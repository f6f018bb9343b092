"""Boilerplate by the shape of a run of lines (issue 13, pages never used before):
scraped pages with one paragraph a line, a letter's signature,
headlines listed in the text, a closing sign-up box, source notes, house promos,
editors' codes closing the text, listed headlines that report speech, a short
clip's caption. Invented pages."""
from __future__ import annotations


from .helpers import kept_text as kept
from .helpers import removed_reasons as removed

LEDE = "Two ferries collided off Port Calden on Tuesday morning, injuring nine passengers, the harbour board said."
BODY = ("The harbour board said both vessels were inspected overnight and would sail again on Thursday.\n\n"
        "Passengers on the morning service were taken to the Calden General Hospital for checks.")


def test_a_scraped_page_with_unpunctuated_list_lines_is_not_taken_for_wrapped_prose():
    # One paragraph a line, no blank lines; the list items end without a full stop and
    # the first line is longer than any hard-wrapped line would be.
    text = "\n".join([
        LEDE + " The board has now issued new rules for ferry crews, which take effect next month across all routes:",
        "- Crews must log every departure with the harbour office before leaving the berth at Calden",
        "- Captains must slow to five knots inside the breakwater at all times of the day and night",
        "- Lookouts must be posted on both decks whenever visibility drops below one nautical mile",
        "Join our WhatsApp channel and get the latest news and must-reads.",
    ])
    assert removed(text).get("Join our WhatsApp channel and get the latest news and must-reads.") == "promo"
    assert "Crews must log every departure" in kept(text)


def test_a_headline_above_a_share_button_is_no_wrapped_sentence():
    text = "Ferries collide off Port Calden in morning fog\nshare on\n" + LEDE + "\n" + BODY
    gone = removed(text)
    assert gone.get("share on") == "promo"
    assert LEDE in kept(text)


def test_a_letters_closing_signature_is_removed_but_a_venue_block_is_not():
    text = (LEDE + "\n" + BODY + "\nJane Okoro\nDirector, Ferry Safety Division\nCalden Harbour Board\n")
    left = kept(text)
    assert "Jane Okoro" not in left and "Ferry Safety Division" not in left and "Calden Harbour Board" not in left
    venue = LEDE + "\n" + BODY + "\nCalden Ferry Terminal\nAddress: 3 Pier Road, Port Calden\nOpen: Monday to Sunday (6am to 11pm)\n"
    assert "3 Pier Road" in kept(venue) and "Monday to Sunday" in kept(venue)


def test_headlines_listed_between_paragraphs_are_promo_but_one_heading_is_not():
    # (scraped lines run longer than any hard-wrapped line)
    text = (LEDE + " Nobody was seriously hurt.\n" + "Weekend Picks: Ten Quiet Beaches to Visit Around the Calden Coast\n"
            "Old Town Museum: Residents Enjoy Free Admission Until the End of March\n" + BODY)
    gone = removed(text)
    assert gone.get("Weekend Picks: Ten Quiet Beaches to Visit Around the Calden Coast") == "promo"
    assert gone.get("Old Town Museum: Residents Enjoy Free Admission Until the End of March") == "promo"
    single = LEDE + "\nWhat the Harbour Board Will Change for Ferry Crews Next Month\n" + BODY
    assert "promo" not in removed(single).values()


def test_a_closing_signup_box_goes_whole():
    text = (LEDE + "\n" + BODY + "\nRelated articles:\nFree newsletter\nGet the week's harbour news every Friday.\n"
            "We sum up the biggest stories of the week so you don't have to.\nsubscribe now")
    left = kept(text)
    assert "harbour news every Friday" not in left and "We sum up" not in left
    assert "Calden General Hospital" in left


def test_source_notes_house_promos_and_offers_are_removed():
    for line in ("Parts of this story have been sourced from the Calden Courier.",
                 "This article was translated from the original in Malay.",
                 "Don't miss: Five new ferry routes open next year",
                 "Check out our guide to the best seafood stalls in Port Calden.",
                 "Enjoy up to 30% off when you book with FerryGo."):
        assert line in removed(LEDE + "\n\n" + BODY + "\n\n" + line), line
    story = "This story was first reported by the harbour master to the board."
    assert story in kept(LEDE + "\n\n" + story + "\n\n" + BODY)


def test_editors_codes_closing_the_text_are_a_signoff():
    text = LEDE + "\n\n" + BODY + " The board will publish its report next week. PTI AB CDE CDE"
    assert removed(text).get("PTI AB CDE CDE") == "signoff"
    assert "publish its report next week." in kept(text)


def test_a_listed_headline_that_reports_speech_goes_with_its_list():
    text = (LEDE + "\n" + BODY + "\n-\nHarbour2 days ago\nFerry fares to rise in April, says transport board\n"
            "-\nCity1 week ago\nNew pier opens in the old town, says mayor")
    left = kept(text)
    assert "says transport board" not in left and "says mayor" not in left


def test_a_short_clips_caption_goes_with_its_sound_line_and_a_label_line_stays():
    text = LEDE + "\n" + BODY + "\n@caldenpost The view from the ferry this morning 🌊\n♬ original sound - Calden Post"
    assert "The view from the ferry" not in kept(text)
    detail = (LEDE + "\n" + BODY + "\nNearest ferry stop: Pier Road\n"
              "Have news to share? Get in touch with us via email at news@example.org.")
    assert removed(detail).get("Nearest ferry stop: Pier Road") != "promo"


def test_a_stray_hard_wrap_joins_two_lines_only():
    # One paragraph a line, with one sentence wrapped mid-way: only those two lines join,
    # so the headline and the closing credit are still judged as lines of their own.
    text = "\n".join([
        "Ferries collide off Port Calden in morning fog",
        LEDE,
        '"The fog made the crossing far less',
        'safe than usual," the harbour master said.',
        "The board said both vessels would sail again on Thursday after checks by its inspectors.",
        "Top photo via Calden Harbour Board",
    ])
    gone = removed(text)
    assert gone.get("Ferries collide off Port Calden in morning fog") == "title"
    assert gone.get("Top photo via Calden Harbour Board") == "caption"
    assert "far less\nsafe than usual" in kept(text)


def test_a_closing_call_to_action_goes_with_the_question_before_it():
    text = LEDE + "\n\n" + BODY + " Are you keen to ride the new ferry? Check out the Harbour Board's summer timetable."
    left = kept(text)
    assert "keen to ride" not in left and "summer timetable" not in left
    assert "Calden General Hospital for checks." in left
    visit = LEDE + "\n\n" + BODY + " For more details, visit here."
    assert "visit here" not in kept(visit)
    reporting = LEDE + "\n\n" + BODY + " Inspectors will visit the pier on Monday."
    assert "Inspectors will visit the pier on Monday." in kept(reporting)


def test_publication_notes_bracketed_links_and_a_publishers_blurb_are_removed():
    note = "(This article was published on March 14, 2031)"
    assert note in removed(LEDE + "\n\n" + BODY + "\n\n" + note)
    link = "[Jane Doe: Why the harbour keeps flooding]"
    text = LEDE + " " + link + " The board said it would review the crossing. " + BODY
    assert link in removed(text)
    assert "The board said it would review the crossing." in kept(text)
    blurb = "Harbour Voice is the one stop site for local news and culture. We also cover history and sport."
    assert blurb in removed(LEDE + "\n\n" + BODY + "\n\n" + blurb)
    company = "FerryGo is the leading platform for ferry bookings in the region."
    assert company in kept(LEDE + "\n\n" + BODY + "\n\n" + company)


def test_a_list_heading_with_trailing_marks_takes_its_headlines():
    text = (LEDE + "\n" + BODY + "\nMore from Harbour Voice:-\n"
            "Old Lighthouse Reopens After Ten Years of Repairs\nCity Council Approves New Night Ferry to the Islands")
    left = kept(text)
    assert "Old Lighthouse Reopens" not in left and "New Night Ferry" not in left


def test_follow_prompts_and_donation_appeals_inside_a_sentence():
    text = (LEDE + "\n\n" + BODY + "\n\nSince you have made it to the end of the article, follow Harbour Voice on Telegram!"
            "\n\nIf you can, please do consider buying a mug to support Harbour Voice’s work!")
    left = kept(text)
    assert "Telegram" not in left and "buying a mug" not in left
    story = LEDE + "\n\nPassengers would follow the board's advice on Telegram groups, a ferry operator added.\n\n" + BODY
    assert "follow the board's advice" in kept(story)


def test_a_posts_signature_after_a_link_and_a_caption_before_its_photo_credit():
    post = ("The crossing is closed for the day. https://t.co/Ab12Cd- Calden Harbour (@caldenharbour) March 08, 2031 "
            "The board said the ferries would resume on Thursday.")
    assert "(@caldenharbour)" not in kept(LEDE + " " + post)
    caption = ("Passengers wait on the pier after the collision. (Photo: Jane Doe/Calden Post) "
               "Two ferries collided off Port Calden on Tuesday. The board said nine people were hurt.")
    left = kept(caption)
    assert "Passengers wait on the pier" not in left and "Jane Doe" not in left
    assert "The board said nine people were hurt." in left


def test_empty_field_labels_closing_the_page_go_but_a_label_with_values_stays():
    text = LEDE + "\n" + BODY + "\n- Location :\n- First Published:"
    left = kept(text)
    assert "Location" not in left and "First Published" not in left
    # a label with values is no empty field ("Please refer:" above links to documents is a page
    # part of its own, see test_clean_closings)
    listed = LEDE + "\n" + BODY + "\nWhat we know:\n- Nine passengers were hurt\n- Both ferries sail on Thursday"
    assert "What we know:" in kept(listed) and "Nine passengers were hurt" in kept(listed)


def test_a_helpline_box_and_a_pointer_to_one_go_but_the_storys_hotline_stays():
    story = ("A 34-year-old man died after falling from a block in Norby on Monday, police said.\n"
             "The council's housing hotline took more than 300 calls from residents on Tuesday.\n"
             "Police said they were not treating the death as suspicious.\n")
    box = ("Where to get help\n"
           "If you or someone you know needs someone to talk to, these services can help:\n"
           "Brightline Listening Service\n"
           "Tel: 0800 112 2334 (24 hours)\n"
           "Harbour Youth Line: 1800-44-5566\n"
           "Website: www.harbouryouth.org.xx\n")
    left = kept(story + box)
    for line in box.splitlines():
        assert line not in left
    assert "housing hotline took more than 300 calls" in left and "not treating the death" in left
    pointer = "If you are struggling, you can call the Brightline Listening Service on 0800 112 2334."
    reasons = removed(story + pointer)
    assert reasons.get(pointer) == "helpline"
    assert not any("300 calls" in span for span in reasons)
