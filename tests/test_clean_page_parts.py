"""Boilerplate by class, met on four stories annotated blind for issue 13: a
paywall's login box, a byline and a photo credit run into the text, a related
link, a video report's sign-off, a filing date closing the text, a capitals
heading after a quote, a question heading after an intro's colon. Invented pages."""
from __future__ import annotations

from newsfold.model import Article
from newsfold.stages.clean import clean

from .helpers import kept_text as kept


def removed(text: str) -> list[str]:
    article = clean(Article(id="x", text=text))
    return [text[span.start:span.end] for span in article.removed]


def test_a_paywall_page_keeps_its_standfirst_and_loses_byline_and_login_box():
    text = ("Harbor Fund Recovers $20m By Jane Doe, The Harbor Post Published on 21st January 2031 "
            "The recovery involves funds paid to companies owned by a businessman To continue reading... "
            "Sign in Password * Remember me Lost your password? Subscribe to The Harbor Post for analysis. "
            "Related:fund, asset recovery Recommended for you Five indicted in fraud case")
    left = kept(text)
    assert "The recovery involves funds paid to companies owned by a businessman" in left
    for gone in ("By Jane Doe", "Published on", "Sign in Password", "Recommended for you", "Related:"):
        assert gone not in left


def test_a_credit_a_related_link_and_a_reports_sign_off_go_inline():
    text = ("Bars on a shelf in Calden. (Tomas Berg/Reuters) The maker widened the gaps between the peaks. "
            "One customer said it looked \u201clike a copy of itself\u201d. The bar sums up the year: more troughs than "
            "peaks | Mira Tal Read more Explaining the change, the maker cited costs. Nature groups say the work "
            "will help wildlife move between parks. Lena Ruiz reports.")
    left = kept(text)
    assert "(Tomas Berg/Reuters)" not in left and "Read more" not in left and "Lena Ruiz reports" not in left
    assert "Explaining the change, the maker cited costs." in left
    assert "Bars on a shelf in Calden." in left  # a caption sentence without its credit is not known for one


def test_a_filing_date_closing_the_text_is_a_sign_off():
    text = ("The fund said on Friday that it had recovered another $20 million.\n"
            "A former minister is on trial over the same funds. - January 20, 2031")
    assert removed(text) == ["- January 20, 2031"]
    assert removed("The vote is set for - January 20, 2031 at the latest, officials said.") == []


def test_a_capitals_heading_after_a_closing_quote_mark_is_a_subheading():
    text = ("Tony Ames said: 'You made the product look cheap.' HOW DID THE BAR GET ITS NAME? The name comes "
            "from the founder's family name and the word for nougat, the company says.")
    assert "HOW DID THE BAR GET ITS NAME?" in removed(text)


def test_a_question_heading_after_an_intro_ending_in_a_colon_is_a_subheading():
    text = ("Two new parks will open in 2028. Here is everything you need to know about the two green spaces:\n"
            "What upgrades are made to the Calden corridor?\n"
            "Residents have plenty to look forward to, with new trails and a boardwalk over the quarry.\n")
    assert removed(text) == ["What upgrades are made to the Calden corridor?"]


def test_counted_gallery_captions_run_into_the_text_go():
    text = ("The maker increased the gap between the peaks of its 400g and 170g bars. 4 The 150g bar has larger "
            "gaps between its triangles 4 An image of the old bar from 2011 showing the smaller gap Alamy 4 A chart "
            "of the old and new bars Angry customers branded the move stupid. Sales fell 4 per cent in 4 weeks.")
    left = kept(text)
    assert "The 150g bar has larger gaps" not in left and "An image of the old bar" not in left
    assert "The maker increased the gap between the peaks of its 400g and 170g bars." in left
    assert "Sales fell 4 per cent in 4 weeks." in left
    # a number repeated in prose is no gallery
    prose = ("Police arrested 4 Men on Monday. A court charged 4 Women on Tuesday. Officers found 4 Knives "
             "in the flat on Wednesday.")
    assert kept(prose) == prose


BODY = ("The council opened the new ferry pier on Monday after two years of work.\n\n"
        "The pier will serve three routes, the transport office said.\n\n")


def test_a_syndication_note_in_brackets_closing_the_text():
    note = "(This article is published under a content partnership between The Harbor Post and Coast Radio)"
    assert removed(BODY + note) == [note]
    # reporting on a publication stays
    story = "The article was published on Monday and drew wide comment, the editor said."
    assert removed(BODY + story) == []


def test_a_share_request_after_a_round_up():
    promo = "Enjoyed this round-up? Share it with your friends and family!"
    assert removed(BODY + promo) == [promo]


def test_the_outlet_credited_in_capitals_after_the_last_sentence():
    text = BODY + "It would ease traffic on the old bridge, it said. THE HARBOR TIMES"
    assert removed(text) == ["THE HARBOR TIMES"]
    # the same capitals inside the text are no sign-off
    inside = BODY + "THE HARBOR TIMES reported the opening first. Crowds came to see it."
    assert removed(inside) == []


def test_an_embedded_posts_casual_text_above_its_signature():
    post = "So calm. .. Too much smoke"
    signature = "Posted by Jo Tan on Sunday 19 January 2031"
    assert removed(BODY + post + "\n" + signature + "\n\nThe fire was out by 6am.") == [post, signature]


def test_a_run_of_unpunctuated_captions_glued_before_a_sentence():
    captions = ("Divers search the lake near Orvel pier on Monday The team are trying to reach the wreck "
                "before dark A crane has been brought in from the port")
    sentence = "The boat, named Silver Tern by its owner, sank on Sunday with two people on board."
    text = BODY + "Crews worked through the night. " + captions + " " + sentence
    assert captions in removed(text)
    assert sentence in kept(text)
    # one long sentence with a name's article in it is prose
    prose = ("Divers from the harbour unit told a reporter from The Daily Post that they searched the lake "
             "near the pier for six hours on Monday and would go back on Tuesday if the weather held, "
             "and that I think we should wait was all the skipper said to them before he left.")
    assert removed(BODY + prose) == []
    # posts quoted in a row are no captions: a sentence the splitter ran into them stays
    posts = ("The maker cut the weight of its bars by a tenth last week and kept the price, angering fans. "
             "Hundreds took to social media to complain about the change, and some called for a boycott. "
             "To many, the new bars signal a dim future outside the E.U. #Bars in three years: "
             "pic.twitter.com/Ab12Cd -- Jo (@jo) November 8, 2031 Meanwhile, a spokesman for the maker said "
             "the change was needed It comes after a number of makers raised prices.")
    assert "To many, the new bars signal" in kept(BODY + posts)


def test_the_paragraph_under_an_about_the_author_heading_is_a_bio():
    bio = ("Jo Tan pens articles on first homes and credit cards. When she is not writing, "
           "you will find her at dance classes.")
    assert bio in removed(BODY + "About the author\n\n" + bio)
