"""The digest: summary, facts as whole sentences, quote repeats, disputes shown
in the facts they concern, and the capped Markdown lists (all kept in JSON)."""
from __future__ import annotations

import json

import pytest

import newsfold
from newsfold.model import Article, Brief, Conflict, ConflictValue, Evidence, Fact, Quote
from newsfold.nlp.text import leans_back, quoted_share
from newsfold.render import to_dict, to_html, to_markdown
from newsfold.render.digest import SUMMARY_MAX, SUMMARY_MIN, digest
from newsfold.render.json_out import brief_from_json
from tests.helpers import assert_evidence_round_trips, assert_valid_json_brief


@pytest.fixture(scope="module")
def example(example_dir):
    return newsfold.fold(newsfold.read(str(example_dir)))


def test_quoted_share():
    assert quoted_share("The bridge closed on Monday.") == 0.0
    assert quoted_share("\u201cWe will reopen when it is safe,\u201d she said.") > 0.5
    # The tail of a quote cut into sentences: closed before it was opened.
    assert quoted_share("These are prudent steps.\u201d he added.") > 0.5
    assert quoted_share("") == 0.0


def test_summary_lines_are_strong_whole_consensus_facts(example):
    document = to_dict(example)
    assert_valid_json_brief(document)
    summary = document["summary"]
    assert SUMMARY_MIN <= len(summary) <= SUMMARY_MAX
    facts = {f["id"]: f for f in document["facts"]}
    for line in summary:
        fact = facts[line["fact"]]
        assert fact["kind"] == "consensus"
        assert line["support"] == fact["support"] and line["text"] == fact["shown"]
        assert "\u2026" not in line["text"] and quoted_share(line["text"]) < 0.5
    # The lede (here also the strongest fact) leads, and the summary leads the Markdown.
    assert summary[0]["fact"] == "F1"
    markdown = to_markdown(example)
    assert markdown.index("## Summary") < markdown.index("## Sources")


def test_facts_are_shown_as_whole_sentences(example):
    assert_evidence_round_trips(example)
    by_id = {a.id: a for a in example.sources}
    cut = [f for f in example.facts if f.statement is not None]
    assert cut, "the example has facts worded by a clause"
    for fact in cut:
        sentence = by_id[fact.statement.source].text[fact.statement.start:fact.statement.end]
        assert fact.text.strip("\u2026").rstrip(".") [:20] in " ".join(sentence.split())
    markdown = to_markdown(example)
    for section in ("## Summary", "## Key facts"):
        block = markdown.split(section, 1)[1].split("\n## ", 1)[0]
        facts = [line for line in block.splitlines() if line.startswith("- ")]
        assert facts and not any("\u2026" in line for line in facts), block
    # The clause "…shortly after leaving the container terminal, the … Coast
    # Guard said." is shown with its subject.
    assert "…shortly after leaving" not in markdown


def test_disputed_values_are_shown_in_the_facts_they_concern(example):
    document = to_dict(example)
    conflicts = {c["topic"]: c for c in document["conflicts"]}
    injured = conflicts["people injured"]
    attribution = next(c for c in document["conflicts"] if c["kind"] == "attribution")
    facts = {f["id"]: f for f in document["facts"]}
    # The fact that credits the bridge quote to four sources shows that one
    # source gives it to another speaker.
    quote_fact = next(f for f in facts.values() if f["kind"] == "consensus" and "stay closed" in f["shown"])
    assert [d["conflict"] for d in quote_fact["disputed"]] == [attribution["id"]]
    # Every fact stating "14" injured shows the minority value with its count.
    stating = [f for f in facts.values() if "injuring 14 people" in f["shown"] or "injured 14 people" in f["shown"]]
    assert stating
    for fact in stating:
        (dispute,) = [d for d in fact["disputed"] if d["conflict"] == injured["id"]]
        values = {v["value"]: v["independent_sources"] for v in dispute["values"]}
        assert values == {"14": 2, "Seventeen": 1}
    # A fact about something else is not linked.
    assert facts[next(i for i, f in facts.items() if "Rotterdam" in f["shown"])]["disputed"] == []
    markdown = to_markdown(example)
    assert f"disputed (people injured): 14 [2 sources] · Seventeen [1 source] → [{injured['id']}](#disputed)" in markdown
    html = to_html(example)
    assert f'<a href="#{injured["id"]}">{injured["id"]}</a>' in html and 'id="{}"'.format(injured["id"]) in html


def test_quote_repeats_stay_in_json_only(example):
    derived = digest(example)
    assert derived.quote_of, "the example repeats a quote as a single-source fact"
    markdown = to_markdown(example)
    quotes = {q.id: q for q in example.quotes}
    for fact_id, quote_id in derived.quote_of.items():
        fact = next(f for f in example.facts if f.id == fact_id)
        assert {e.source for e in fact.support} <= {e.source for e in quotes[quote_id].support}
        assert derived.shown[fact_id] not in markdown
        assert next(f for f in to_dict(example)["facts"] if f["id"] == fact_id)["quote"] == quote_id


def _many_facts_brief(count: int) -> Brief:
    text = " ".join(f"Item number {i} was reported by the city office." for i in range(count))
    article = Article("001", text, outlet="Coast Herald", published="2031-03-14")
    other = Article("002", "The bridge closed on Monday.", outlet="Bay Daily")
    facts = [Fact("F1", "The bridge closed on Monday.", "consensus", 2, 2,
                  [Evidence("001", 0, 10), Evidence("002", 0, 28)], score=0.9)]
    start = 0
    for i in range(count):
        sentence = f"Item number {i} was reported by the city office."
        facts.append(Fact(f"F{i + 2}", sentence, "unique", 1, 1, [Evidence("001", start, start + len(sentence))],
                          score=round(0.5 - i / 1000, 4)))
        start += len(sentence) + 1
    return Brief("Items", "2031-03-14", [article, other], facts)


def test_single_source_facts_are_ranked_and_capped_but_all_in_json():
    brief = _many_facts_brief(20)
    markdown = to_markdown(brief)
    block = markdown.split("## Reported by one source only", 1)[1].split("\n## ", 1)[0]
    shown = [line for line in block.splitlines() if line.startswith("- Item number")]
    # The summary takes the most central ones; the list goes on from there, capped.
    assert 0 < len(shown) <= 8
    numbers = [int(line.split()[3]) for line in shown]
    assert numbers == sorted(numbers)
    in_summary = len(digest(brief).summary)
    assert f"- … {20 - (in_summary - 1) - len(shown)} more single-source facts in the JSON brief" in block
    document = json.loads(newsfold.render.to_json(brief))
    assert len(document["facts"]) == 21
    html = to_html(brief)
    assert "more reported by one source" in html and all(f"Item number {i} " in html for i in range(20))


def test_dispute_needs_two_values_or_the_value_stated():
    text = "Twelve people were hurt, officials said. The bridge is closed."
    other = "Fifteen people were injured on Monday. The bridge is closed."
    articles = [Article("a", text), Article("b", other)]
    conflict = Conflict("K1", "number", "people injured", [
        ConflictValue("Twelve", [Evidence("a", 0, 40)]),
        ConflictValue("Fifteen", [Evidence("b", 0, 38)]),
    ])
    both = Fact("F1", "People were hurt.", "consensus", 2, 2, [Evidence("a", 0, 40), Evidence("b", 0, 38)])
    stating = Fact("F2", "Twelve people were hurt, officials said.", "unique", 1, 1, [Evidence("a", 0, 40)])
    silent = Fact("F3", "Officials said so.", "unique", 1, 1, [Evidence("a", 25, 40)])
    apart = Fact("F4", "The bridge is closed.", "consensus", 2, 2, [Evidence("a", 41, 62), Evidence("b", 39, 60)])
    brief = Brief("t", None, articles, [both, apart, stating, silent], [conflict],
                  [Quote("Q1", "x", None, [Evidence("a", 0, 5)])])
    disputes = digest(brief).disputes
    assert [d.conflict for d in disputes["F1"]] == ["K1"]
    assert [d.conflict for d in disputes["F2"]] == ["K1"]
    assert disputes["F3"] == [] and disputes["F4"] == []


def test_json_round_trip_keeps_statements(example):
    again = brief_from_json(newsfold.render.to_json(example))
    assert [f.statement for f in again.facts] == [f.statement for f in example.facts]
    before, after = digest(example), digest(again)
    assert after.shown == before.shown and after.disputes == before.disputes
    assert [f.id for f in after.summary] == [f.id for f in before.summary]


@pytest.mark.shared
def test_kosovo_markdown_is_short_and_loses_nothing_of_the_json(kosovo_dir):
    brief = newsfold.fold(newsfold.read(str(kosovo_dir)))
    markdown = to_markdown(brief)
    assert len(markdown.split()) < 1200
    document = to_dict(brief)
    assert_valid_json_brief(document)
    assert len(document["facts"]) == len(brief.facts) and len(document["quotes"]) == len(brief.quotes)
    assert "more single-source facts in the JSON brief" in markdown


def test_a_fact_that_quotes_keeps_its_speaker():
    first = "\u201cWe will reopen,\u201d he said, adding that engineers would check every cable of the bridge first."
    text = first + " Mayor Lena Ortiz spoke on Monday."
    named = "\u201cWe will reopen,\u201d Ortiz said, and the engineers agreed with her on every point."
    articles = [Article("a", text), Article("b", named)]
    quote = Quote("Q1", "We will reopen,", "Lena Ortiz",
                  [Evidence("a", 1, 16, speaker=None), Evidence("b", 1, 16, speaker="Ortiz")])
    pronoun = Fact("F1", first, "unique", 1, 1, [Evidence("a", 0, len(first))])
    own = Fact("F2", named, "unique", 1, 1, [Evidence("b", 0, len(named))])
    plain_fact = Fact("F3", "Mayor Lena Ortiz spoke on Monday.", "unique", 1, 1,
                      [Evidence("a", len(first) + 1, len(text))])
    brief = Brief("t", None, articles, [pronoun, own, plain_fact], [], [quote])
    derived = digest(brief)
    assert derived.speaker == {"F1": "Lena Ortiz"}
    assert "bridge first. — Lena Ortiz [1 source: a]" in to_markdown(brief)
    assert to_dict(brief)["facts"][0]["speaker"] == "Lena Ortiz"
    assert 'class="fact-speaker">— Lena Ortiz<' in to_html(brief)


def test_a_citation_names_a_few_sources_then_counts_the_rest():
    articles = [Article(f"s{i}", "The bridge closed on Monday.") for i in range(10)]
    articles.append(Article("c0", "The bridge closed on Monday.", copy_of="s0"))
    fact = Fact("F1", "The bridge closed on Monday.", "consensus", 11, 10, [Evidence(a.id, 0, 28) for a in articles])
    markdown = to_markdown(Brief("t", None, articles, [fact]))
    assert "[10 sources: s0, s1, s2, s3, s4, s5 and 4 more; 1 copy]" in markdown
    assert len(to_dict(Brief("t", None, articles, [fact]))["facts"][0]["support"]) == 11


def test_summary_reads_in_the_order_the_sources_tell_it():
    body = "The ferry sank near the pier. Forty people were rescued. The captain was arrested later."
    sources = [Article(key, body, published="2031-03-14") for key in "ab"]

    def fact(fid: str, words: str, sources_count: int, score: float) -> Fact:
        start = body.index(words)
        return Fact(fid, words, "consensus", 2, sources_count,
                    [Evidence(key, start, start + len(words)) for key in "ab"], score=score)
    facts = [fact("F1", "The captain was arrested later.", 2, 0.9), fact("F2", "Forty people were rescued.", 2, 0.8),
             fact("F3", "The ferry sank near the pier.", 2, 0.7)]
    summary = digest(Brief("Ferry", "2031-03-14", sources, facts)).summary
    assert [f.id for f in summary] == ["F3", "F2", "F1"]


def test_a_summary_line_is_not_repeated_in_other_word_forms():
    # "Vice-Chair"/"Vice Chair", "deploy"/"deployed": the same claim told twice
    body = ("Port Vice-Chair Ana Ruiz announced that the board would deploy an extra 40 tugs in Calden amid "
            "rising tensions in the harbour's north. Port Vice Chair Ana Ruiz announced that an extra 40 tugs will be deployed to Calden, "
            "a day after two ships ran aground. The harbour reopened on Friday. Ferries ran again at noon.")
    sources = [Article(key, body, published="2031-03-14") for key in "ab"]
    sentences = [s + "." for s in body.rstrip(".").split(". ")]

    def fact(n: int) -> Fact:
        start = body.index(sentences[n])
        return Fact(f"F{n + 1}", sentences[n], "consensus", 2, 2,
                    [Evidence(key, start, start + len(sentences[n])) for key in "ab"], score=1.0 - n / 10)
    summary = digest(Brief("Tugs", "2031-03-14", sources, [fact(n) for n in range(4)])).summary
    assert [f.id for f in summary] == ["F1", "F3", "F4"]


def test_summary_lines_read_alone_unless_too_few_do():
    sentences = ["However, the ferry was refloated at noon.", "It said all 41 passengers were safe.",
                 "The two other crew members were treated at the scene.",
                 "While it was being towed, it lost its rudder.",
                 "Worried by the listing hull, they called the coast guard.",
                 "The Velden ferry ran aground off Marrow Point on Friday.",
                 "Lifeboat crews brought all 41 passengers ashore.",
                 "Harbour officials closed the channel to shipping until Sunday."]
    text = " ".join(sentences)
    a, b = Article("a", text, published="2031-05-02"), Article("b", text, published="2031-05-02")
    facts, start = [], 0
    for n, sentence in enumerate(sentences):
        facts.append(Fact(f"F{n + 1}", sentence, "consensus", 2, 2,
                          [Evidence("a", start, start + len(sentence)), Evidence("b", start, start + len(sentence))],
                          score=1.0 - n / 10))
        start += len(sentence) + 1
    brief = Brief("Ferry aground", "2031-05-02", [a, b], facts)
    assert [f.id for f in digest(brief).summary] == ["F6", "F7", "F8"]
    # with too few lines that read alone, the others fill the summary to its minimum, in rank order
    brief.facts = facts[:6]
    assert [f.id for f in digest(brief).summary] == ["F1", "F2", "F6"]


def test_markdown_warns_of_two_speakers_but_not_of_a_source_that_names_none():
    text = "“The bridge stays shut,” Ana Ruiz said."
    a, b, c = (Article(key, text, published="2031-03-14") for key in "abc")
    quote = Quote("Q1", "The bridge stays shut", "Ana Ruiz",
                  [Evidence("a", 0, 23, speaker="Ana Ruiz"), Evidence("b", 0, 23, speaker=None)])
    brief = Brief("Bridge", "2031-03-14", [a, b, c], [], quotes=[quote])
    markdown = to_markdown(brief)
    assert "⚠" not in markdown and "  - not attributed in b" in markdown
    quote.support.append(Evidence("c", 0, 23, speaker="Tomas Reyes"))
    # two names the quotes stage judged one voice (no conflict): shown as credited, no warning
    markdown = to_markdown(brief)
    assert "⚠" not in markdown and "  - as credited: a: Ana Ruiz; b: no speaker; c: Tomas Reyes" in markdown
    brief.conflicts.append(Conflict("K1", "attribution", "The bridge stays shut", [
        ConflictValue("Ana Ruiz", [quote.support[0]]), ConflictValue("Tomas Reyes", [quote.support[2]])]))
    assert ("⚠ sources differ on who said it (a: Ana Ruiz; b: no speaker; c: Tomas Reyes) → [K1](#disputed)"
            in to_markdown(brief))


@pytest.mark.parametrize(("sentence", "leans"), [
    ("It said all 41 passengers were safe.", True),
    ("The two other crew members were treated at the scene.", True),
    ("Worried by the listing hull, they called the coast guard.", True),
    ("While it was being towed, it lost its rudder.", True),
    ("Worried by the listing hull, the captain called the coast guard.", False),
    ("The Velden ferry ran aground off Marrow Point on Friday.", False),
])
def test_a_sentence_leans_back_on_a_pointing_opener_or_a_pronoun_subject(sentence, leans):
    # one test serves the summary (render.digest) and a fact's wording (facts.wording)
    assert leans_back(sentence) is leans
