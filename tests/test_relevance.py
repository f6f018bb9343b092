"""find_off_topic: an article about another event is flagged, conservatively."""
from __future__ import annotations

from dataclasses import replace

import pytest

from newsfold.context import StoryContext
from newsfold.model import Article
from newsfold.nlp.embed import get_embedder
from newsfold.stages.copies import find_copies
from newsfold.stages.relevance import find_off_topic, off_topic_reasons
from newsfold.stages.split import split

STORY = [
    ("A fire broke out at a chemical warehouse in the port town of Valmora on Sunday night. "
     "Twelve firefighters were injured. About 200 residents were evacuated."),
    ("Twelve firefighters were hurt as a blaze tore through a chemical depot in Valmora. "
     "Mayor Elena Ruiz said the cause of the fire was under investigation."),
    ("Residents of Valmora were told to keep their windows shut after Sunday's warehouse fire. "
     "Some 200 people spent the night in a school gym."),
    ("The Valmora warehouse fire was the largest in the town in a decade, officials said. "
     "The port will stay closed until Tuesday while firefighters cool the site."),
]
OFF_TOPIC = (
    "Northbridge United beat Castle Rovers 3-1 in the cup final on Saturday. "
    "Striker Leo Park scored twice before half time. The coach praised the team's defence."
)


def _context(articles, embedder_name):
    """A context with copies applied, as the pipeline does before relevance."""
    ctx = StoryContext(articles, sentences={a.id: split(a) for a in articles}, embedder=get_embedder(embedder_name))
    copy_of = find_copies(ctx)
    for article in articles:
        article.copy_of = copy_of.get(article.id)
    return ctx


def _run(texts, embedder_name):
    articles = [Article(id=f"s{i}", text=t) for i, t in enumerate(texts)]
    return find_off_topic(_context(articles, embedder_name))


@pytest.mark.parametrize("embedder_name", ["hashing", "minilm"])
def test_off_topic_article_is_flagged(embedder_name):
    assert _run(STORY[:2] + [OFF_TOPIC] + STORY[2:], embedder_name) == {"s2"}


@pytest.mark.parametrize("embedder_name", ["hashing", "minilm"])
def test_on_topic_story_is_left_alone(embedder_name):
    assert _run(STORY, embedder_name) == set()


def test_never_flags_with_fewer_than_three_sources():
    assert _run([STORY[0], OFF_TOPIC], "hashing") == set()
    # A copy does not count as a third source.
    assert _run([STORY[0], STORY[0] + " Updated.", OFF_TOPIC], "hashing") == set()


def test_flag_is_recomputed():
    # An earlier flag on an article is not an input: the stage decides afresh.
    articles = [Article(id=f"s{i}", text=t) for i, t in enumerate(STORY)]
    articles[0].off_topic = True
    ctx = StoryContext(articles, sentences={a.id: split(a) for a in articles}, embedder=get_embedder("hashing"))
    assert not find_off_topic(ctx)


@pytest.mark.shared
def test_kosovo_has_no_off_topic_source(kosovo_story):
    assert not find_off_topic(kosovo_story)
    sport = Article(id="sport", text=OFF_TOPIC)
    # a new context: the session's story is shared and stays as it is
    ctx = replace(kosovo_story, articles=[*kosovo_story.articles, sport],
                  sentences={**kosovo_story.sentences, sport.id: split(sport)})
    assert find_off_topic(ctx) == {"sport"}


class _TableEmbedder:
    """Vectors by sentence, for a rule test that does not depend on a model."""

    name = "table"

    def __init__(self, table):
        self.table = table

    def embed(self, texts):
        import numpy as np

        rows = np.asarray([self.table[t] for t in texts], dtype=np.float32)
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def _event_story():
    """Five reports lead on one event (axis 0) and add background on the place
    (axis 23, each from its own angle); a sixth shares the place and its background but leads on
    another event (axis 1)."""
    import numpy as np

    rng = np.random.default_rng(7)
    table, texts = {}, []
    for source in range(6):
        lead_axis = 1 if source == 5 else 0
        sentences = []
        for k in range(5):
            vector = np.zeros(24)
            if k < 2:
                vector[lead_axis] = 1.0
                vector += rng.normal(0, 0.15, 24)
            else:
                vector[23] = 1.0  # background on the place, shared
                vector[2 + 3 * source + k - 2] = 1.0  # ... each source from its own angle
                vector += rng.normal(0, 0.1, 24)
            text = f"Source {source} sentence {k} tells its part of the story."
            table[text] = vector
            sentences.append(text)
        texts.append(" ".join(sentences))
    return texts, _TableEmbedder(table)


def test_a_report_of_another_event_in_the_same_place_is_flagged_by_its_lede(monkeypatch):
    import numpy as np

    import newsfold.stages.relevance as relevance

    texts, embedder = _event_story()
    articles = [Article(id=f"s{i}", text=t) for i, t in enumerate(texts)]
    ctx = StoryContext(articles, sentences={a.id: split(a) for a in articles}, embedder=embedder)
    reasons = relevance.off_topic_reasons(ctx)
    assert set(reasons) == {"s5"} and "lede" in reasons["s5"]
    # Topic and support alone let it through: what it leads with is what catches it.
    retelling = relevance._retelling

    def without_ledes(*args):
        topic, support, cover, lede = retelling(*args)
        return [topic, support, np.ones_like(cover), np.ones_like(lede)]

    monkeypatch.setattr(relevance, "_retelling", without_ledes)
    assert relevance.off_topic_reasons(ctx) == {}


ARREST = [
 "Police in Harbourton arrested a 42-year-old man on Tuesday on suspicion of running a phone scam that cheated elderly residents of more than $200,000. Officers searched his flat on Elm Road and seized 12 phones. The man will be charged in court on Thursday.",
 "A man has been arrested in Harbourton over a scam that targeted pensioners by phone, police said on Tuesday. The 42-year-old allegedly posed as a bank officer. Victims lost more than $200,000 in total. Police seized a dozen phones from his home.",
 "Harbourton police said a 42-year-old man was arrested on Tuesday in connection with at least 30 scam cases. The suspect allegedly called elderly victims pretending to be from their bank. He is expected to be charged on Thursday.",
 "A suspected phone scammer was arrested at his flat in Harbourton on Tuesday. Police said the 42-year-old man had cheated elderly residents out of more than $200,000 by posing as a bank officer.",
]
ADVICE = "How to protect yourself from phone scams. Never give your bank details over the phone, even if the caller says they are from your bank. Hang up and call the bank's official number instead. Police in Harbourton say elderly residents are often targeted. Talk to older relatives about common scams. If you think you have been cheated, report it to the police at once."


def test_general_advice_next_to_an_arrest_story_is_flagged():
    # It shares the town, the police and the topic (scams), but reports no event.
    articles = [Article(id=f"s{i}", text=t) for i, t in enumerate(ARREST[:2] + [ADVICE] + ARREST[2:])]
    from newsfold.stages.relevance import off_topic_reasons

    reasons = off_topic_reasons(_context(articles, "minilm"))
    assert set(reasons) == {"s2"} and "lede" in reasons["s2"]
    assert _run(ARREST, "minilm") == set()


DRAW = [
    "Two tickets shared the Harbour Lottery jackpot of $9.2 million in the draw on Friday (Mar 14). "
    "The winning numbers were 4, 8, 15, 16, 23 and 42.",
    "The Harbour Lottery jackpot of $9.2 million drawn on Mar 14 was split between two tickets. "
    "One was bought at a kiosk in Calden, the other online.",
    "Queues formed at lottery kiosks across Calden before the Mar 14 draw, whose jackpot had grown to $9.2 million. "
    "Two winners will share it.",
    "Two winners split the $9.2 million prize of the Harbour Lottery on Mar 14, the lottery said. "
    "The next draw, on Mar 17, has a $1 million jackpot.",
]
EARLIER_DRAW = ("Lucky punters in Calden are celebrating after a $3.1 million Harbour Lottery prize was won "
                "on Monday (Mar 3). A retiree and an online player each took home half. "
                "The kiosk that sold one ticket has now had four big winners.")


def test_a_report_of_another_day_of_the_same_kind_of_event_is_flagged():
    # An earlier draw retells the story's kind of sentences, but not its day.
    articles = [Article(id=f"s{i}", text=t) for i, t in enumerate(DRAW[:2] + [EARLIER_DRAW] + DRAW[2:])]
    from newsfold.stages.relevance import off_topic_reasons

    reasons = off_topic_reasons(_context(articles, "minilm"))
    assert set(reasons) == {"s2"} and "Mar 3" in reasons["s2"] and "Mar 14" in reasons["s2"]
    assert _run(DRAW, "minilm") == set()


def test_a_report_dated_the_next_day_or_undated_is_kept():
    next_day = ("The Harbour Lottery said on Mar 15 that two tickets had shared its $9.2 million jackpot. "
                "Both winners have come forward.")
    undated = "Two tickets shared the $9.2 million Harbour Lottery jackpot. One was bought in Calden."
    assert _run(DRAW[:2] + [next_day, undated] + DRAW[2:], "minilm") == set()


def test_the_story_s_figures_under_another_day_are_kept_for_a_date_dispute():
    # one source getting the day wrong is no other event: its figures are the story's
    wrong_day = ("The $9.2 million Harbour Lottery jackpot was shared by two tickets in the draw "
                 "on Tuesday (Mar 11). One was bought online.")
    assert _run(DRAW[:2] + [wrong_day] + DRAW[2:], "minilm") == set()


def test_one_figure_of_its_own_a_few_days_off_is_kept_for_a_dispute():
    # a report of the draw that gets its day and its jackpot wrong; a week or more off, the
    # same one figure of its own is another draw
    wrong = ("Two tickets shared the Harbour Lottery jackpot of $11.4 million in the draw on Monday (Mar 17). "
             "One was bought at a kiosk in Calden.")
    assert _run(DRAW[:2] + [wrong] + DRAW[2:3], "minilm") == set()
    earlier = wrong.replace("Monday (Mar 17)", "Monday (Mar 3)")
    assert _run(DRAW[:2] + [earlier] + DRAW[2:3], "minilm") == {"s2"}


CRASH = [
    "A bus and a delivery lorry collided at the Mill Street junction in Harbourton on Wednesday morning, "
    "injuring 14 passengers. The bus driver was taken to hospital in a serious condition.",
    "Fourteen people were hurt when a lorry ran a red light and hit a crowded bus in Harbourton on Wednesday. "
    "Police closed Mill Street for six hours while investigators examined the wreck.",
    "The lorry driver, 51, was arrested after Wednesday's crash with a bus in central Harbourton, police said. "
    "Fourteen bus passengers were injured, two of them seriously.",
    "Witnesses said the lorry did not slow down before it struck the bus at Mill Street. "
    "Harbourton's transport chief promised a review of the junction after the crash that injured 14.",
]
WATER = [
    "A burst water main left 3,000 homes in Harbourton without running water on Wednesday. "
    "Engineers from the water company worked through the night to repair the pipe.",
    "Thousands of Harbourton households had no tap water on Wednesday after a main pipe burst. "
    "The water company handed out bottled water at the town hall and expects supply back on Thursday.",
]
FOLLOW_UP = ("Why the Mill Street junction keeps seeing crashes: residents had asked for a traffic camera "
             "there for years before Wednesday's collision between a lorry and a bus injured 14 people. "
             "The council said it would now fund one. Two earlier crashes at the junction were minor.")


@pytest.mark.parametrize("water", WATER)
def test_a_utility_failure_next_to_a_crash_in_the_same_town_and_week_is_flagged(water):
    reasons = off_topic_reasons_of(CRASH[:2] + [water] + CRASH[2:])
    assert set(reasons) == {"s2"} and "retells" in reasons["s2"]
    assert _run(CRASH, "minilm") == set()


def test_two_reports_of_one_other_event_cannot_vouch_for_each_other():
    # averaged over every other source, each water report leans on the other one; against the
    # majority that retells the others most (the four crash reports) both fall short
    reasons = off_topic_reasons_of(CRASH[:2] + [WATER[0]] + CRASH[2:] + [WATER[1]])
    assert set(reasons) == {"s2", "s5"}
    assert all("retells the 4 sources that retell the others most" in reason for reason in reasons.values())


def test_a_follow_up_from_its_own_angle_is_kept():
    assert _run(CRASH + [FOLLOW_UP], "minilm") == set()
    assert _run(CRASH[:3] + [FOLLOW_UP, WATER[0]], "minilm") == {"s4"}


def off_topic_reasons_of(texts):
    from newsfold.stages.relevance import off_topic_reasons

    articles = [Article(id=f"s{i}", text=t) for i, t in enumerate(texts)]
    return off_topic_reasons(_context(articles, "minilm"))


STRIKE = ("Bus drivers in Harbourton walked off the job on Friday morning, leaving passengers stranded at stops "
          "along Mill Street and across the town. Harbourton's transport chief said the bus company would "
          "run a reduced timetable while police kept the junction closed.")


def test_a_strike_two_days_after_the_crash_is_dated_by_its_weekday_and_flagged():
    # it names the crash's town, street and bus company and retells the others 64% as much as a
    # typical source: under the bar only for a source dated elsewhere that gives none of the figures
    texts = CRASH[:2] + [STRIKE] + CRASH[2:]
    dates = ["2031-05-07", "2031-05-08", "2031-05-09", "2031-05-08", "2031-05-08"]  # a Wednesday crash
    articles = [Article(id=f"s{i}", text=t, published=d) for i, (t, d) in enumerate(zip(texts, dates, strict=True))]
    from newsfold.stages.relevance import off_topic_reasons

    reasons = off_topic_reasons(_context(articles, "minilm"))
    assert set(reasons) == {"s2"} and "May 9" in reasons["s2"] and "May 7" in reasons["s2"]
    undated = [Article(id=f"s{i}", text=t) for i, t in enumerate(texts)]
    assert off_topic_reasons(_context(undated, "minilm")) == {}


FUND = [
    ("Valdorian anti-graft officers said on Thursday (Mar 13) that US$20 million of the Harbor Fund's "
     "missing money had come back with the help of American investigators. The sum was held in a US bank."),
    ("The Valdorian anti-graft agency confirmed on Mar 13 that it had recovered US$20 million linked to the "
     "Harbor Fund. Its chief thanked the FBI and the US Justice Department."),
    ("US$20 million of Harbor Fund money is back in Valdoria, the anti-graft agency said on Mar 13. "
     "Officers traced the money through three shell companies."),
]
EARLIER_ANNOUNCEMENT = (
    "The US Justice Department said on Friday (Mar 7) it had recovered another US$20 million tied to "
    "the Harbor Fund scandal. It has now returned US$1.7 billion of the US$4.5 billion said to be stolen.")


def test_the_announcement_a_week_before_the_follow_up_is_the_story_by_its_sum():
    # dated a week off with two figures of its own, but it gives the sum every other source gives
    articles = [Article(id=f"s{i}", text=t) for i, t in enumerate(FUND[:2] + [EARLIER_ANNOUNCEMENT] + FUND[2:])]
    from newsfold.stages.relevance import off_topic_reasons

    assert off_topic_reasons(_context(articles, "minilm")) == {}


def test_a_digest_of_several_stories_is_off_topic():
    digest = ("Stay in the know with a recap of our top stories today.\n"
              "1. Twelve firefighters hurt in Valmora warehouse fire\n"
              "Twelve firefighters were injured when a blaze tore through a chemical depot in Valmora... » READ MORE\n"
              "2. Bakery in Port Calden wins national sourdough award\n"
              "A family bakery has won the national prize for its sourdough... » READ MORE\n"
              "3. Police arrest man over stolen bicycles in Harbourton\n"
              "The police arrested a man on Tuesday after a string of bicycle thefts... » READ MORE\n")
    articles = [Article(id=f"s{i}", text=t) for i, t in enumerate(STORY[:3])]
    articles.append(Article(id="d", text=digest, title="Daily roundup: Valmora warehouse fire - and other top stories"))
    assert find_off_topic(_context(articles, "minilm")) == {"d"}
    # numbered points of one report, under a plain title, are no digest
    points = ("What we know about the Valmora fire:\n1. Twelve firefighters were injured.\n"
              "2. About 200 residents were evacuated.\n3. The port stays closed until Tuesday.")
    articles[-1] = Article(id="d", text=points, title="Valmora warehouse fire: what we know")
    assert "d" not in find_off_topic(_context(articles, "minilm"))


RESULTS = [
    ("Tarvik Ferries profit falls 12% as fuel costs bite",
     "Tarvik Ferries said on Tuesday its first-quarter profit fell 12% to 80 million crowns as fuel costs rose. "
     "Chief executive Mona Strand said ticket sales were steady."),
    ("Tarvik Ferries' quarter hit by fuel bill",
     "Ferry operator Tarvik Ferries reported a 12% drop in quarterly profit on Tuesday. "
     "Revenue was flat at 610 million crowns, the company said."),
    ("Fuel eats into Tarvik profit",
     "Higher fuel prices cut Tarvik's first-quarter profit by 12%, the operator said on Tuesday. "
     "Its shares fell 3% in early trading."),
]
RIVAL = ("Ostrand Lines beats forecasts as freight picks up",
         "Ostrand Lines said on Tuesday its first-quarter profit rose 9% to 55 million crowns as freight "
         "volumes picked up. Chief executive Pal Dahl said the company would add two ships. "
         "Its larger rival Tarvik reported a drop in profit on the same day.")


def _titled(pairs, embedder_name="hashing"):
    articles = [Article(id=f"s{i}", title=title, text=text) for i, (title, text) in enumerate(pairs)]
    return find_off_topic(_context(articles, embedder_name))


def _led_by_others(pairs):
    """The sources left out for leading with other actors (not for retelling the story little)."""
    articles = [Article(id=f"s{i}", title=title, text=text) for i, (title, text) in enumerate(pairs)]
    return {source for source, reason in off_topic_reasons(_context(articles, "hashing")).items()
            if "it leads with" in reason}


def test_a_rival_s_results_told_in_the_story_s_words_are_flagged_by_who_they_lead_with():
    assert _titled(RESULTS + [RIVAL]) == {"s3"} == _led_by_others(RESULTS + [RIVAL])
    # a report leading with the story's company from its own angle is kept, whoever else it names
    angle = ("Tarvik's fuel bill worries unions",
             "Union leader Ivar Holm said Tarvik Ferries should not cut crews to pay for fuel. "
             "The company reported lower profit on Tuesday.")
    assert _titled(RESULTS + [angle]) == set() == _led_by_others(RESULTS + [angle])
    # a lede naming one name no other source names (a dateline) is too little to tell other actors
    dated = ("Profit down at ferry firm", "BERGHAVN: A ferry operator said on Tuesday its profit fell 12% as fuel "
                                          "costs rose. Its shares fell 3%.")
    assert _led_by_others(RESULTS + [dated]) == set()
    # a headline in Title Case capitalises every word: none of them is a name
    titled = ("Will Pricier Crossings Push Commuters Back Onto Roads?",
              "Commuter Ingrid said fares would rise after the ferry firm lost money on fuel. "
              "Its profit fell 12% on Tuesday.")
    assert _led_by_others(RESULTS + [titled]) == set()
