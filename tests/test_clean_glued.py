"""Page parts run into the text of flattened pages, by class: captions closed by a
credit in brackets or opened by an agency's, verbless captions and video titles
glued before the next sentence, embedded posts, live-page links, calls for
witnesses, breaking-news and correction notes, a closing gallery of captions.
Invented pages."""
from __future__ import annotations

from newsfold.model import Article
from newsfold.stages.clean import clean

LEDE = ("A ferry ran aground off Ostvale on Tuesday morning, and the coastguard said all 40 passengers "
        "were taken ashore by lifeboat within two hours.")
TAIL = "The harbour board said the ferry would be refloated at high tide on Wednesday."


def _gone(text: str, title: str | None = None) -> tuple[Article, list[str]]:
    article = clean(Article(id="x", text=text, title=title))
    return article, [text[r.start:r.end] for r in article.removed]


def _kept(article: Article, piece: str) -> bool:
    start = article.text.index(piece)
    return not any(r.start < start + len(piece) and start < r.end for r in article.removed)


def test_a_labelled_caption_closed_by_a_credit_in_brackets_goes():
    captions = ["Grounded: Lifeboat crews reach the stranded ferry (Jane Doe/PA )",
                "Rain: there were heavy showers throughout the morning (John Roe)"]
    text = " ".join([LEDE, captions[0], '"I have never seen the sea so rough," one passenger said.',
                     "The coastguard sent two boats.", captions[1], TAIL])
    article, gone = _gone(text)
    assert captions[0] in gone and captions[1] in gone
    assert _kept(article, "The coastguard sent two boats.") and _kept(article, TAIL)


def test_a_name_in_brackets_inside_prose_stays():
    text = " ".join([LEDE, "Its owner (Harbour Lines) said the ship was ten years old.",
                     "The ferry's captain (Jane Doe) was praised by passengers.", TAIL])
    article, gone = _gone(text)
    assert gone == []


def test_a_dated_caption_with_a_month_abbreviation_and_a_photo_credit_goes():
    caption = "A photo issued by the coastguard of the ferry aground off Ostvale, Nov. 9, 2031. (Photo: AP)"
    article, gone = _gone(caption + " " + LEDE + " " + TAIL)
    assert gone == [caption]
    assert _kept(article, LEDE)


def test_a_caption_opened_by_agency_credits_goes_and_the_body_copy_stays():
    body = "More than 20 people were treated in hospital after the grounding, the coastguard said."
    first = "SWNS * PA Jane Doe survived the grounding which left two people hurt"
    last = "SWNS More than 20 people were treated in hospital after the grounding"
    text = " ".join([body, LEDE, first, '"We hit the rocks and everyone fell over," she said.', TAIL, last])
    article, gone = _gone(text)
    assert first in gone and last in gone
    assert _kept(article, body) and _kept(article, '"We hit the rocks')


def test_a_broadcaster_opens_a_caption_only_when_it_visibly_ends_before_the_next_sentence():
    caption = "BBC Police have confirmed the ferry's captain has been questioned following the grounding"
    text = " ".join([LEDE, caption, "There was water everywhere, a passenger said.", TAIL])
    _, gone = _gone(text)
    assert caption in gone
    prose = "BBC Radio Ostvale said the ferry had been refloated by noon."
    article, gone = _gone(" ".join([LEDE, prose, TAIL]))
    assert gone == [] and _kept(article, prose)


def test_verbless_captions_glued_before_a_sentence_go():
    captions = ["The scene after a ferry ran aground off Ostvale, north Harbourton",
                "Mayor of Harbourton Jane Doe talking to lifeboat crews at the quay in Ostvale"]
    text = " ".join([LEDE, captions[0], "The 52-year-old captain is being questioned, police said.",
                     captions[1], "The harbour will stay closed until Friday.", TAIL])
    article, gone = _gone(text)
    assert captions[0] in gone and captions[1] in gone
    assert _kept(article, "The 52-year-old captain") and _kept(article, "The harbour will stay closed")


def test_an_adverbial_opening_a_sentence_is_no_caption():
    sentences = ["Speaking at a press conference on Tuesday, Harbour Minister Jane Doe said the port would reopen.",
                 "In his address at the annual harbour forum, John Roe said the ferry had been inspected.",
                 "At a briefing on the grounding, party chief Jane Doe said she would ask questions."]
    article, gone = _gone(" ".join([LEDE, *sentences, TAIL]))
    assert gone == []


def test_a_headline_glued_to_the_lede_stays():
    title = "Ferry aground off Ostvale after the morning storm"
    text = title + " " + LEDE + " " + TAIL
    article, gone = _gone(text, title=title)
    assert gone == []


def test_video_titles_glued_before_a_quote_go():
    titles = ["Jane Doe on the Ostvale ferry grounding", "John Roe, Harbour Master, on the Ostvale ferry grounding"]
    text = " ".join([LEDE, "A passenger described the moment the ship struck.", titles[0],
                     '"Later I saw the lifeboats coming," she said.', "The harbour master also spoke.", titles[1],
                     '"Together, we are working to refloat her," he said.', TAIL])
    article, gone = _gone(text)
    assert titles[0] in gone and titles[1] in gone
    assert _kept(article, '"Later I saw the lifeboats coming,"')


def test_a_footage_credit_after_a_media_caption_goes_whole():
    caption = "Media caption Courtesy of Jane Doe and John Roe"
    text = " ".join([LEDE, caption, "Andy Poe said he heard a loud bang from the shore.", TAIL])
    article, gone = _gone(text)
    assert caption in gone and _kept(article, "Andy Poe said he heard")


def test_an_embedded_reply_and_a_signature_with_a_cut_year_go():
    reply = "@janedoe @harbournews here you go, can't see the ferry from here though"
    signature = "-- Harbour Police (@HarbourPolice) March 8, 203"
    text = " ".join([LEDE, "Please avoid the quay #Ostvale pic.twitter.com/Ab12Cd", signature,
                     '"There are four boats out," they added.', reply, "pic.twitter.com/Xy34Zz", TAIL])
    article, gone = _gone(text)
    assert signature in " ".join(gone) and reply in " ".join(gone)
    assert _kept(article, '"There are four boats out,"') and _kept(article, TAIL)


def test_a_live_page_link_glued_before_a_sentence_goes():
    link = "Live updates on the Ostvale ferry grounding"
    text = " ".join([LEDE, link, "Harbour Ambulance Service said six people were treated.", TAIL])
    article, gone = _gone(text)
    assert gone == [link] and _kept(article, "Harbour Ambulance Service said")


def test_a_call_for_witnesses_closing_the_text_goes():
    call = ("Are you in the area? Did you see what happened? If it is safe to do so, you can share your experience "
            "by emailing news@post.example. Please include a contact number if you are willing to speak to a "
            "Post journalist. You can also contact us in the following ways.")
    article, gone = _gone(" ".join([LEDE, TAIL, call]))
    assert gone == [call] and _kept(article, TAIL)
    # a complaints line naming an address is reporting, not a call to the reader
    prose = "Complaints can also be lodged via e-mail at help@board.example, the board said."
    article, gone = _gone(" ".join([LEDE, TAIL, prose]))
    assert gone == []


def test_breaking_news_correction_and_coverage_notes_go():
    notes = ["Correction note: An earlier version of this story misstated the ferry's age. We are sorry for the error.",
             "Also, do check out our new podcast series on life in the harbour towns.",
             "Follow the Post’s coverage as we continue to bring you the latest developments."]
    article, gone = _gone("\n\n".join([LEDE, TAIL, *notes]))
    assert gone == notes
    breaking = "This is a breaking news story, more follows..."
    article, gone = _gone(" ".join([LEDE, TAIL, "(Jane Doe / The Post)", breaking]))
    assert breaking in " ".join(gone) and _kept(article, TAIL)


def test_a_closing_gallery_of_captions_that_repeat_each_other_goes():
    gallery = ("Rescue crews attend the quay in Ostvale, north Harbourton, after two people were hurt when a ferry "
               "ran aground. The scene after a ferry ran aground off Ostvale, north Harbourton, stranding forty "
               "passengers. Lifeboats near the spot where a ferry ran aground off Ostvale, north Harbourton, "
               "stranding forty passengers. Mayor Jane Doe talking to rescue crews at the quay in Ostvale, north "
               "Harbourton, after two people were hurt when a ferry ran aground.")
    article, gone = _gone(" ".join([LEDE, TAIL, "Most passengers went home by bus, the board said.", gallery]))
    assert gone == [gallery]
    assert _kept(article, "Most passengers went home by bus")


def test_closing_sentences_that_repeat_words_but_quote_or_state_facts_stay():
    ending = ("The ferry Harbour Star was built in 2021 for the Ostvale crossing. The ferry Harbour Star was "
              "inspected in May for the Ostvale crossing. The Ostvale crossing reopens on Friday.")
    article, gone = _gone(" ".join([LEDE, TAIL, ending]))
    assert gone == []

