"""Pinned quality floors: a change that makes briefs worse fails here.

Every annotated story in tests/annotations/ (dev: the example, Kosovo and
six real stories used while building, three of them the first held-out set
until 2026-11-23, plus four real stories annotated blind for issue 13, plus
five more annotated blind for issue 13 on 2026-12-06, picked by rule, plus
four more annotated blind the same day for quotes, entities and boilerplate) and
tests/annotations/heldout/ (five real stories annotated blind, without running
the tool on them, never tuned on) is folded and scored with newsfold.eval.
dispute_precision and off_topic_f1 floors on stories without annotated
conflicts or off-topic sources mean: no false dispute, no false flag. The floors sit a little under what
`python scripts/eval_briefs.py` measured; raise them when briefs get better.
Stories whose data lives in ../shared skip cleanly when it is absent.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsfold
from newsfold.eval import evaluate, load_story

from .helpers import assert_brief_rules, assert_evidence_round_trips

ANNOTATIONS = Path(__file__).parent / "annotations"

# Every story must keep these, whatever it is.
ALWAYS = {"evidence_valid": 1.0}

# FLOORS[story][score]: measured minus 0.05 (scripts/eval_briefs.py), 0.95 where 1.0 was
# measured; scores measured at 0 have no floor. The README's Quality section has the numbers.
FLOORS: dict[str, dict[str, float]] = {
    # an invented story with the issue-13 traps (a copy with its credit, an off-topic report of the
    # same town and week, a hyphenated surname alone, a town the tagger reads as a company and its
    # older name, promos, link lists, a bio), written 2026-12-06 and scored blind before any fix:
    # consensus 0.4, conflicts 0.33, quote_speaker 0.5, entities 0.6; floors after that day's fixes
    "plant-leak": {
        "copies_precision": 0.95, "copies_recall": 0.95, "boilerplate_removed": 0.95,
        "boilerplate_kept_out_of_facts": 0.95, "consensus_grouped": 0.35, "consensus_counted": 0.35,
        "consensus_source_recall": 0.65, "unique_found": 0.95, "distinct_kept_apart": 0.95,
        "conflicts_found": 0.95, "number_conflicts_precision": 0.95, "dispute_precision": 0.95,
        "off_topic_f1": 0.95, "off_topic_kept_out": 0.95,
        "quotes_found": 0.95, "quote_speaker": 0.95, "quote_speaker_per_source": 0.95,
        "attribution_conflicts": 0.95, "entities_merged": 0.95, "entities_kept_apart": 0.95,
        "timeline_found": 0.95,
    },
    # a second invented story (same day; blind: boilerplate 0.78, consensus 0.67, conflicts 0,
    # dispute precision 0.67: a company the tagger read as a person disputed its chief executive's
    # statement; off-topic 0: a strike in the same city and week stays in)
    "bus-crash": {
        "copies_precision": 0.95, "copies_recall": 0.95, "boilerplate_removed": 0.95,
        "boilerplate_kept_out_of_facts": 0.95, "conflicts_found": 0.95, "number_conflicts_precision": 0.95, "consensus_grouped": 0.61, "consensus_counted": 0.61,
        "consensus_source_recall": 0.75, "unique_found": 0.95, "distinct_kept_apart": 0.95,
        "dispute_precision": 0.95, "off_topic_f1": 0.95, "off_topic_kept_out": 0.95,
        "quotes_found": 0.95, "quote_speaker": 0.95, "quote_speaker_per_source": 0.95,
        "attribution_conflicts": 0.95, "entities_merged": 0.95, "entities_kept_apart": 0.95,
        "timeline_found": 0.95,
    },
    # a third (same day; blind: boilerplate 0.89, consensus 0.5, the 14-vs-12 homes dispute
    # missed, off-topic 0: another fire in the same county four days later stayed in); floors
    # after the fixes the three stories showed
    "hill-fire": {
        "copies_precision": 0.95, "copies_recall": 0.95, "boilerplate_removed": 0.95,
        "boilerplate_kept_out_of_facts": 0.95, "conflicts_found": 0.95, "consensus_grouped": 0.45, "consensus_counted": 0.45,
        "consensus_source_recall": 0.7, "unique_found": 0.95, "distinct_kept_apart": 0.95,
        "number_conflicts_precision": 0.95, "dispute_precision": 0.95, "off_topic_f1": 0.95,
        "off_topic_kept_out": 0.95, "quotes_found": 0.95, "quote_speaker": 0.95, "quote_speaker_per_source": 0.95,
        "attribution_conflicts": 0.95, "entities_merged": 0.95, "entities_kept_apart": 0.95,
        "timeline_found": 0.95,
    },
    # four real stories annotated blind for issue 13 on 2026-12-06 (the "read" session; picked by rule,
    # see their notes); floors measured after that session's reading fixes
    # number_conflicts_precision has no floor since 2026-12-07: "RM94mil" is read now, and the brief
    # shows RM94 million (three sources) against RM88.7 million (one), a real part of the annotated
    # dispute (dispute_precision 1.0) that leaves out the "about RM90 million" source, which agrees
    # with both; that stricter score then measures 0 (it was 1.0 while nothing was reported)
    "us-1mdb-recovery-2025-01-20": {
        "copies_precision": 0.2, "copies_recall": 0.95, "boilerplate_removed": 0.95,
        "boilerplate_kept_out_of_facts": 0.95, "consensus_grouped": 0.72, "consensus_counted": 0.06,
        "consensus_source_recall": 0.87, "unique_found": 0.95, "distinct_kept_apart": 0.95,
        "evidence_valid": 0.95, "dispute_precision": 0.95,
        "off_topic_f1": 0.95, "off_topic_kept_out": 0.95, "quotes_found": 0.95, "quote_speaker": 0.95,
        "quote_speaker_per_source": 0.95, "attribution_conflicts": 0.95, "entities_merged": 0.95,
        "entities_kept_apart": 0.95, "timeline_found": 0.95,
    },
    "ex-girlfriend-rape-sentence-2025-01-20": {
        "copies_precision": 0.95, "copies_recall": 0.95, "boilerplate_removed": 0.95,
        "boilerplate_kept_out_of_facts": 0.95, "consensus_grouped": 0.5, "consensus_counted": 0.39,
        "consensus_source_recall": 0.86, "unique_found": 0.45, "distinct_kept_apart": 0.61,
        "evidence_valid": 0.95, "conflicts_found": 0.95, "number_conflicts_precision": 0.95,
        "dispute_precision": 0.95, "off_topic_f1": 0.95, "off_topic_kept_out": 0.95, "quotes_found": 0.95,
        "quote_speaker": 0.95, "quote_speaker_per_source": 0.95, "attribution_conflicts": 0.95,
        "entities_merged": 0.95, "entities_kept_apart": 0.95, "timeline_found": 0.95,
    },
    "mandai-bukit-batok-parks-2025-01-22": {
        "copies_precision": 0.95, "copies_recall": 0.95, "boilerplate_removed": 0.88,
        "boilerplate_kept_out_of_facts": 0.88, "consensus_grouped": 0.22, "consensus_counted": 0.13,
        "consensus_source_recall": 0.64, "unique_found": 0.45, "distinct_kept_apart": 0.95,
        "evidence_valid": 0.95, "number_conflicts_precision": 0.95, "dispute_precision": 0.95,
        "off_topic_f1": 0.95, "off_topic_kept_out": 0.95, "quotes_found": 0.95, "quote_speaker": 0.95,
        "quote_speaker_per_source": 0.95, "attribution_conflicts": 0.95, "entities_merged": 0.95,
        "entities_kept_apart": 0.95, "timeline_found": 0.95,
    },
    "toblerone-gaps-2016-11-08": {
        "copies_precision": 0.95, "copies_recall": 0.95, "boilerplate_removed": 0.66,
        "boilerplate_kept_out_of_facts": 0.66, "consensus_grouped": 0.11, "consensus_counted": 0.11,
        "consensus_source_recall": 0.68, "unique_found": 0.61, "distinct_kept_apart": 0.45,
        "evidence_valid": 0.95, "conflicts_found": 0.95, "number_conflicts_precision": 0.95,
        "off_topic_f1": 0.95, "off_topic_kept_out": 0.95, "quotes_found": 0.9, "quote_speaker": 0.81,
        "quote_speaker_per_source": 0.76, "attribution_conflicts": 0.95, "entities_merged": 0.95,
        "entities_kept_apart": 0.95, "timeline_found": 0.95,
    },
    # five real stories annotated blind for issue 13 (dev; picked by rule, see their notes)
    "keep-volume-low-signs-2025-01-15": {
        "copies_precision": 0.95, "copies_recall": 0.95, "boilerplate_removed": 0.95,
        "boilerplate_kept_out_of_facts": 0.95, "consensus_grouped": 0.2, "consensus_counted": 0.2,
        "consensus_source_recall": 0.47, "unique_found": 0.95, "distinct_kept_apart": 0.95,
        "evidence_valid": 0.95, "conflicts_found": 0.95, "number_conflicts_precision": 0.95,
        "dispute_precision": 0.95, "off_topic_f1": 0.95, "off_topic_kept_out": 0.95, "quotes_found": 0.95,
        "quote_speaker": 0.75, "quote_speaker_per_source": 0.78, "attribution_conflicts": 0.95,
        "entities_merged": 0.95, "entities_kept_apart": 0.95, "timeline_found": 0.95,
    },
    "causeway-bribe-photo-2025-01-18": {
        "copies_precision": 0.95, "copies_recall": 0.95, "boilerplate_removed": 0.95,
        "boilerplate_kept_out_of_facts": 0.95, "consensus_grouped": 0.45, "consensus_counted": 0.45,
        "consensus_source_recall": 0.66, "unique_found": 0.62, "distinct_kept_apart": 0.95,
        "evidence_valid": 0.95, "conflicts_found": 0.95, "number_conflicts_precision": 0.95,
        "dispute_precision": 0.95, "off_topic_f1": 0.95, "off_topic_kept_out": 0.95, "quotes_found": 0.75,
        "quote_speaker": 0.75, "quote_speaker_per_source": 0.7, "attribution_conflicts": 0.95,
        "entities_merged": 0.2, "entities_kept_apart": 0.95, "timeline_found": 0.95,
    },
    "nus-sea-buildings-2025-01-21": {
        "copies_precision": 0.95, "copies_recall": 0.95, "boilerplate_removed": 0.87,
        "boilerplate_kept_out_of_facts": 0.87, "consensus_grouped": 0.65, "consensus_counted": 0.65,
        "consensus_source_recall": 0.84, "unique_found": 0.45, "distinct_kept_apart": 0.95,
        "evidence_valid": 0.95, "conflicts_found": 0.95, "number_conflicts_precision": 0.95,
        "dispute_precision": 0.95, "off_topic_f1": 0.95, "off_topic_kept_out": 0.95, "quotes_found": 0.95,
        "quote_speaker": 0.95, "quote_speaker_per_source": 0.95, "attribution_conflicts": 0.95,
        "entities_merged": 0.95, "entities_kept_apart": 0.95, "timeline_found": 0.95,
    },
    "toto-reunion-draw-2025-01-24": {
        "copies_precision": 0.95, "copies_recall": 0.95, "boilerplate_removed": 0.92,
        "boilerplate_kept_out_of_facts": 0.92, "consensus_grouped": 0.51, "consensus_counted": 0.51,
        "consensus_source_recall": 0.79, "unique_found": 0.45, "distinct_kept_apart": 0.95,
        "evidence_valid": 0.95, "conflicts_found": 0.95, "number_conflicts_precision": 0.95,
        "dispute_precision": 0.95, "off_topic_f1": 0.95, "off_topic_kept_out": 0.95, "quotes_found": 0.95,
        "quote_speaker": 0.95, "quote_speaker_per_source": 0.95, "attribution_conflicts": 0.95,
        "entities_merged": 0.62, "entities_kept_apart": 0.95, "timeline_found": 0.95,
    },
    "croydon-tram-victims-named-2016-11-12": {
        "copies_precision": 0.95, "copies_recall": 0.95, "boilerplate_removed": 0.6,
        "boilerplate_kept_out_of_facts": 0.6, "consensus_grouped": 0.62, "consensus_counted": 0.62,
        "consensus_source_recall": 0.84, "unique_found": 0.95, "distinct_kept_apart": 0.95,
        "evidence_valid": 0.95, "number_conflicts_precision": 0.95, "dispute_precision": 0.95,
        "off_topic_f1": 0.95, "off_topic_kept_out": 0.95, "quotes_found": 0.74, "quote_speaker": 0.59,
        "quote_speaker_per_source": 0.51, "attribution_conflicts": 0.95, "entities_merged": 0.82,
        "entities_kept_apart": 0.95, "timeline_found": 0.95,
    },
    "amk-brawl-2025-01-17": {
        "copies_precision": 0.95, "copies_recall": 0.95, "boilerplate_removed": 0.95,
        "boilerplate_kept_out_of_facts": 0.95, "consensus_grouped": 0.70, "consensus_counted": 0.70,
        "consensus_source_recall": 0.85, "unique_found": 0.95, "distinct_kept_apart": 0.95,
        "evidence_valid": 0.95, "conflicts_found": 0.45, "number_conflicts_precision": 0.95,
        "quotes_found": 0.95, "quote_speaker": 0.95, "quote_speaker_per_source": 0.80,
        "attribution_conflicts": 0.95, "entities_merged": 0.7, "entities_kept_apart": 0.95,
        "timeline_found": 0.95,
        "dispute_precision": 0.95, "off_topic_f1": 0.95, "off_topic_kept_out": 0.95,
    },
    "consulate-attack-2016-11-10": {
        "copies_precision": 0.95, "copies_recall": 0.95, "boilerplate_removed": 0.95,
        "boilerplate_kept_out_of_facts": 0.95, "consensus_grouped": 0.35, "consensus_counted": 0.35,
        "consensus_source_recall": 0.63, "unique_found": 0.95, "distinct_kept_apart": 0.95,
        "evidence_valid": 0.95, "conflicts_found": 0.95, "number_conflicts_precision": 0.95,
        "quotes_found": 0.95, "quote_speaker": 0.70, "quote_speaker_per_source": 0.80,
        "attribution_conflicts": 0.95, "entities_merged": 0.95, "entities_kept_apart": 0.95,
        "timeline_found": 0.95,
        "dispute_precision": 0.95, "off_topic_f1": 0.95, "off_topic_kept_out": 0.95,
    },
    "harbor-bridge": {
        "copies_precision": 0.95, "copies_recall": 0.95, "boilerplate_removed": 0.95,
        "boilerplate_kept_out_of_facts": 0.95, "consensus_grouped": 0.78, "consensus_counted": 0.78,
        "consensus_source_recall": 0.86, "unique_found": 0.75, "distinct_kept_apart": 0.95,
        "evidence_valid": 0.95, "conflicts_found": 0.95, "number_conflicts_precision": 0.95,
        "quotes_found": 0.95, "quote_speaker": 0.95, "quote_speaker_per_source": 0.95,
        "attribution_conflicts": 0.95, "entities_merged": 0.95, "entities_kept_apart": 0.95,
        "timeline_found": 0.95,
        "dispute_precision": 0.95, "off_topic_f1": 0.95, "off_topic_kept_out": 0.95,
    },
    "hdb-cool-paint-rollout-2025-02-03": {
        "copies_precision": 0.95, "copies_recall": 0.95, "boilerplate_removed": 0.82,
        "boilerplate_kept_out_of_facts": 0.82, "consensus_grouped": 0.35, "consensus_counted": 0.35,
        "consensus_source_recall": 0.66, "unique_found": 0.75, "distinct_kept_apart": 0.95,
        "evidence_valid": 0.95, "number_conflicts_precision": 0.95, "quotes_found": 0.95,
        "quote_speaker": 0.45, "quote_speaker_per_source": 0.45, "attribution_conflicts": 0.95,
        "entities_merged": 0.75, "entities_kept_apart": 0.95, "timeline_found": 0.95,
        "dispute_precision": 0.95, "off_topic_f1": 0.95, "off_topic_kept_out": 0.95,
    },
    "kosovo-2023-05-30": {
        "copies_precision": 0.95, "copies_recall": 0.95, "boilerplate_removed": 0.95,
        "boilerplate_kept_out_of_facts": 0.95, "consensus_grouped": 0.95, "consensus_counted": 0.82,
        "consensus_source_recall": 0.95, "unique_found": 0.95, "distinct_kept_apart": 0.95,
        "evidence_valid": 0.95, "conflicts_found": 0.95, "number_conflicts_precision": 0.95,
        "quotes_found": 0.95, "quote_speaker": 0.95, "quote_speaker_per_source": 0.95,
        "attribution_conflicts": 0.95, "entities_merged": 0.95, "entities_kept_apart": 0.95,
        "timeline_found": 0.95,
        "dispute_precision": 0.45, "off_topic_f1": 0.95, "off_topic_kept_out": 0.95,
    },
    "lta-officer-chase-sentencing-2025-01-23": {
        "copies_precision": 0.95, "copies_recall": 0.95, "boilerplate_removed": 0.95,
        "boilerplate_kept_out_of_facts": 0.95, "consensus_grouped": 0.55, "consensus_counted": 0.55,
        "consensus_source_recall": 0.83, "unique_found": 0.95, "distinct_kept_apart": 0.95,
        "evidence_valid": 0.95, "conflicts_found": 0.95, "number_conflicts_precision": 0.95,
        "quotes_found": 0.95, "quote_speaker": 0.95, "quote_speaker_per_source": 0.95,
        "attribution_conflicts": 0.95, "entities_merged": 0.95, "entities_kept_apart": 0.95,
        "timeline_found": 0.95,
        "off_topic_f1": 0.95, "off_topic_kept_out": 0.95,
        "dispute_precision": 0.95,
    },
    "punggol-flat-fire-2025-01-26": {
        "copies_precision": 0.45, "copies_recall": 0.95, "boilerplate_removed": 0.78,
        "boilerplate_kept_out_of_facts": 0.78, "consensus_grouped": 0.75, "consensus_counted": 0.15,
        "consensus_source_recall": 0.89, "unique_found": 0.70, "distinct_kept_apart": 0.95,
        "evidence_valid": 0.95, "conflicts_found": 0.95, "number_conflicts_precision": 0.95,
        "quotes_found": 0.95, "quote_speaker": 0.95, "quote_speaker_per_source": 0.95,
        "attribution_conflicts": 0.95, "entities_merged": 0.61, "entities_kept_apart": 0.95,
        "timeline_found": 0.95,
        "dispute_precision": 0.95, "off_topic_f1": 0.95, "off_topic_kept_out": 0.95,
    },
    "sungei-kadut-fire-engine-2025-01-23": {
        "copies_precision": 0.95, "copies_recall": 0.95, "boilerplate_removed": 0.95,
        "boilerplate_kept_out_of_facts": 0.95, "consensus_grouped": 0.28, "consensus_counted": 0.17,
        "consensus_source_recall": 0.73, "unique_found": 0.35, "distinct_kept_apart": 0.95,
        "evidence_valid": 0.95, "conflicts_found": 0.95, "number_conflicts_precision": 0.95,
        "quotes_found": 0.95, "quote_speaker": 0.45, "quote_speaker_per_source": 0.61,
        "attribution_conflicts": 0.95, "entities_merged": 0.95, "entities_kept_apart": 0.95,
        "timeline_found": 0.95,
        "dispute_precision": 0.95, "off_topic_f1": 0.95, "off_topic_kept_out": 0.95,
    },
    "healthcare-pay-rise-2025-01-29": {
        "copies_precision": 0.45, "copies_recall": 0.95, "boilerplate_removed": 0.81,
        "boilerplate_kept_out_of_facts": 0.81, "consensus_grouped": 0.37, "consensus_counted": 0.09,
        "consensus_source_recall": 0.73, "unique_found": 0.95, "distinct_kept_apart": 0.95,
        "evidence_valid": 0.95, "conflicts_found": 0.95, "number_conflicts_precision": 0.95,
        "quotes_found": 0.95, "quote_speaker": 0.95, "quote_speaker_per_source": 0.50,
        "attribution_conflicts": 0.78, "entities_merged": 0.78, "entities_kept_apart": 0.95,
        "timeline_found": 0.95,
        "off_topic_f1": 0.95, "off_topic_kept_out": 0.95,
        "dispute_precision": 0.95,
    },
    "money-laundering-wang-junjie-charged-2025-01-23": {
        "copies_precision": 0.95, "copies_recall": 0.95, "boilerplate_removed": 0.59,
        "boilerplate_kept_out_of_facts": 0.59, "consensus_grouped": 0.57, "consensus_counted": 0.45,
        "consensus_source_recall": 0.72, "unique_found": 0.28, "distinct_kept_apart": 0.95,
        "evidence_valid": 0.95, "conflicts_found": 0.95, "number_conflicts_precision": 0.95,
        "quotes_found": 0.95, "quote_speaker": 0.70, "quote_speaker_per_source": 0.82,
        "attribution_conflicts": 0.95, "entities_merged": 0.45, "entities_kept_apart": 0.95,
        "timeline_found": 0.95,
        "off_topic_f1": 0.95, "off_topic_kept_out": 0.95,
    },
    "geylang-brick-assault-2025-02-04": {
        "copies_precision": 0.28, "copies_recall": 0.95, "boilerplate_removed": 0.76,
        "boilerplate_kept_out_of_facts": 0.76, "consensus_grouped": 0.82, "consensus_counted": 0.07,
        "consensus_source_recall": 0.89, "distinct_kept_apart": 0.70, "evidence_valid": 0.95,
        "conflicts_found": 0.95, "number_conflicts_precision": 0.95, "dispute_precision": 0.95,
        "off_topic_f1": 0.95, "off_topic_kept_out": 0.95, "quotes_found": 0.95, "quote_speaker": 0.95,
        "quote_speaker_per_source": 0.95, "attribution_conflicts": 0.95, "entities_merged": 0.95,
        "entities_kept_apart": 0.95, "timeline_found": 0.95,
    },
    "lion-dance-coffee-mischief-2025-02-03": {
        "copies_precision": 0.95, "copies_recall": 0.95, "boilerplate_removed": 0.61,
        "boilerplate_kept_out_of_facts": 0.61, "consensus_grouped": 0.64, "consensus_counted": 0.64,
        "consensus_source_recall": 0.83, "unique_found": 0.95, "distinct_kept_apart": 0.95,
        "evidence_valid": 0.95, "number_conflicts_precision": 0.95, "off_topic_f1": 0.95,
        "off_topic_kept_out": 0.95, "quotes_found": 0.95, "attribution_conflicts": 0.95,
        "entities_merged": 0.54, "entities_kept_apart": 0.95, "timeline_found": 0.95,
        "dispute_precision": 0.95,
    },
    "raffles-place-worker-death-2025-01-25": {
        "copies_precision": 0.95, "copies_recall": 0.95, "boilerplate_removed": 0.88,
        "boilerplate_kept_out_of_facts": 0.88, "consensus_grouped": 0.64, "consensus_counted": 0.56,
        "consensus_source_recall": 0.83, "unique_found": 0.95, "distinct_kept_apart": 0.95,
        "evidence_valid": 0.95, "number_conflicts_precision": 0.95, "off_topic_f1": 0.95,
        "off_topic_kept_out": 0.95, "quotes_found": 0.95, "quote_speaker_per_source": 0.95,
        "quote_speaker": 0.95, "attribution_conflicts": 0.95, "dispute_precision": 0.95,
        "entities_merged": 0.55, "entities_kept_apart": 0.95, "timeline_found": 0.95,
    },
    "truffle-brie-recall-2025-01-21": {
        "copies_precision": 0.95, "copies_recall": 0.95, "boilerplate_removed": 0.52,
        "boilerplate_kept_out_of_facts": 0.52, "consensus_grouped": 0.52, "consensus_counted": 0.52,
        "consensus_source_recall": 0.84, "unique_found": 0.95, "distinct_kept_apart": 0.95,
        "evidence_valid": 0.95, "number_conflicts_precision": 0.95, "dispute_precision": 0.95,
        "off_topic_f1": 0.95, "off_topic_kept_out": 0.95, "quotes_found": 0.95, "quote_speaker": 0.95,
        "quote_speaker_per_source": 0.95, "attribution_conflicts": 0.95, "entities_merged": 0.61,
        "entities_kept_apart": 0.95, "timeline_found": 0.95,
    },
    "amoy-food-centre-fire-2025-01-19": {
        "copies_precision": 0.95, "copies_recall": 0.95, "boilerplate_removed": 0.79,
        "boilerplate_kept_out_of_facts": 0.79, "consensus_grouped": 0.37, "consensus_counted": 0.37,
        "consensus_source_recall": 0.70, "unique_found": 0.95, "distinct_kept_apart": 0.95,
        "evidence_valid": 0.95, "conflicts_found": 0.95, "number_conflicts_precision": 0.95,
        "dispute_precision": 0.95, "off_topic_f1": 0.95, "off_topic_kept_out": 0.95, "quotes_found": 0.95,
        "attribution_conflicts": 0.95, "entities_merged": 0.61, "entities_kept_apart": 0.95,
        "timeline_found": 0.95,
    },
    "china-well-boy-2016-11-06": {
        "copies_recall": 0.95, "boilerplate_removed": 0.28, "boilerplate_kept_out_of_facts": 0.28,
        "consensus_source_recall": 0.48, "unique_found": 0.95, "distinct_kept_apart": 0.95,
        "evidence_valid": 0.95, "number_conflicts_precision": 0.95, "dispute_precision": 0.95,
        "off_topic_f1": 0.95, "off_topic_kept_out": 0.95, "quotes_found": 0.95, "quote_speaker": 0.61,
        "quote_speaker_per_source": 0.61, "attribution_conflicts": 0.95, "entities_merged": 0.54,
        "entities_kept_apart": 0.95, "timeline_found": 0.95,
    },
    "retailers-budget-wishlist-2025-01-23": {
        "copies_precision": 0.95, "copies_recall": 0.95, "boilerplate_removed": 0.85,
        "boilerplate_kept_out_of_facts": 0.85, "consensus_source_recall": 0.61, "unique_found": 0.95,
        "distinct_kept_apart": 0.95, "evidence_valid": 0.95, "conflicts_found": 0.95,
        "number_conflicts_precision": 0.95, "dispute_precision": 0.95, "quotes_found": 0.95,
        "quote_speaker": 0.28, "quote_speaker_per_source": 0.28, "attribution_conflicts": 0.95,
        "entities_merged": 0.45, "entities_kept_apart": 0.95, "timeline_found": 0.95,
    },
}


def _annotations():
    return sorted(ANNOTATIONS.glob("*.json")) + sorted((ANNOTATIONS / "heldout").glob("*.json"))


@pytest.fixture(scope="module")
def scored():
    cache: dict[str, tuple] = {}

    def score(path: Path):
        if path.stem not in cache:
            annotation = json.loads(path.read_text(encoding="utf-8"))
            try:
                articles = load_story(annotation, path.parent)
            except (newsfold.NewsfoldError, OSError) as exc:
                pytest.skip(f"data for {path.stem} is not available: {exc}")
            brief = newsfold.fold(articles)
            cache[path.stem] = (brief, evaluate(annotation, brief))
        return cache[path.stem]

    return score


@pytest.mark.parametrize("path", _annotations(), ids=lambda p: p.stem)
def test_quality_floors(path, scored):
    brief, scores = scored(path)
    assert_evidence_round_trips(brief)
    assert_brief_rules(brief)
    floors = {**ALWAYS, **FLOORS.get(path.stem, {})}
    low = {key: (scores[key], floor) for key, floor in floors.items() if scores[key] < floor}
    assert not low, f"{path.stem}: below floor (measured, floor): {low}\nall scores: {scores}"


def test_every_annotation_has_floors():
    missing = [p.stem for p in _annotations() if p.stem not in FLOORS]
    assert not missing, f"pin floors for: {missing}"


# Two more invented stories for issue 13 (2026-12-06, helper wt-inv), written and annotated before
# newsfold ran on them: a sentencing and appeal (housing-fraud: blind boilerplate 0.75, off-topic 0,
# quote speaker 0.83, entities 0.71) and a company's job cuts (glass-layoffs: blind boilerplate 0.82,
# entities 0.83). Floors after that day's fixes, measured minus 0.05 (0.95 where 1.0 was measured).
FLOORS["housing-fraud"] = {
    "copies_precision": 0.95, "copies_recall": 0.95, "boilerplate_removed": 0.95,
    "boilerplate_kept_out_of_facts": 0.95, "consensus_grouped": 0.23, "consensus_counted": 0.23,
    "consensus_source_recall": 0.66, "unique_found": 0.8, "distinct_kept_apart": 0.45,
    "conflicts_found": 0.7, "number_conflicts_precision": 0.95, "dispute_precision": 0.95,
    "off_topic_f1": 0.95, "off_topic_kept_out": 0.95, "quotes_found": 0.95, "quote_speaker": 0.95,
    "quote_speaker_per_source": 0.95, "attribution_conflicts": 0.95, "entities_merged": 0.95,
    "entities_kept_apart": 0.95, "timeline_found": 0.95,
}
FLOORS["glass-layoffs"] = {
    "copies_precision": 0.95, "copies_recall": 0.95, "boilerplate_removed": 0.95,
    "boilerplate_kept_out_of_facts": 0.95, "consensus_grouped": 0.45, "consensus_counted": 0.45,
    "consensus_source_recall": 0.78, "unique_found": 0.82, "distinct_kept_apart": 0.45,
    "conflicts_found": 0.95, "number_conflicts_precision": 0.95, "dispute_precision": 0.95,
    "off_topic_f1": 0.95, "off_topic_kept_out": 0.95, "quotes_found": 0.95, "quote_speaker": 0.95,
    "quote_speaker_per_source": 0.95, "attribution_conflicts": 0.95, "entities_merged": 0.78,
    "entities_kept_apart": 0.95, "timeline_found": 0.7,
}
# glass-layoffs' weekday dispute (Tuesday against Wednesday) is found since 2026-12-07: conflicts 1.0.

# An invented ferry fire (2026-12-07, issues 12 and 13): written before newsfold ran on it, annotated
# after a first look at its brief (a development story). Floors measured minus 0.05; the disputed
# quote's speaker is a tie of one independent source against one, which the brief leaves open (0.667).
FLOORS["ferry-fire"] = {
    "copies_precision": 0.95, "copies_recall": 0.95, "boilerplate_removed": 0.95,
    "boilerplate_kept_out_of_facts": 0.95, "consensus_grouped": 0.35, "consensus_counted": 0.35,
    "consensus_source_recall": 0.58, "unique_found": 0.95, "distinct_kept_apart": 0.95,
    "conflicts_found": 0.95, "number_conflicts_precision": 0.95, "dispute_precision": 0.95,
    "off_topic_f1": 0.95, "off_topic_kept_out": 0.95, "quotes_found": 0.95, "quote_speaker": 0.95,
    "quote_speaker_per_source": 0.95, "attribution_conflicts": 0.95, "entities_merged": 0.95,
    "entities_kept_apart": 0.95, "timeline_found": 0.95,
}

# An invented subway signal failure (2026-12-07, issues 12 and 13), written before newsfold ran on
# it and annotated after a first look at its brief. That first brief missed both disputes ("more
# than 15,000" riders against about 12,000 commuters; "March 4" against three sources' Monday),
# reported a false one ("March 4" against a deadline to come, "by Friday") and kept a social-media
# promo; fixed by class. Floors measured minus 0.05.
FLOORS["signal-outage"] = {
    "copies_precision": 0.95, "copies_recall": 0.95, "boilerplate_removed": 0.95,
    "boilerplate_kept_out_of_facts": 0.95, "consensus_grouped": 0.55, "consensus_counted": 0.35,
    "consensus_source_recall": 0.75, "unique_found": 0.95, "distinct_kept_apart": 0.95,
    "conflicts_found": 0.95, "number_conflicts_precision": 0.95, "dispute_precision": 0.95,
    "off_topic_f1": 0.95, "off_topic_kept_out": 0.95, "quotes_found": 0.95, "quote_speaker": 0.95,
    "quote_speaker_per_source": 0.95, "attribution_conflicts": 0.95, "entities_merged": 0.95,
    "entities_kept_apart": 0.95, "timeline_found": 0.95,
}

# An invented call-centre raid (2026-12-07, issues 12 and 13), written before newsfold ran on it and
# annotated after a first look at its brief. That first brief dated "are due to appear in court on
# Friday" to the Friday before, kept a station's frequency promo and "Pensioner" in a name; fixed by
# class. Still open: "a police spokesman" against the named officer is reported as an attribution
# dispute, which the annotation does not count (0.5), and the charges share a sentence with the
# court date (a consensus fact). Floors measured minus 0.05.
FLOORS["call-centre-raid"] = {
    "copies_precision": 0.95, "copies_recall": 0.95, "boilerplate_removed": 0.95,
    "boilerplate_kept_out_of_facts": 0.95, "consensus_grouped": 0.55, "consensus_counted": 0.55,
    "consensus_source_recall": 0.83, "unique_found": 0.7, "distinct_kept_apart": 0.95,
    "conflicts_found": 0.95, "number_conflicts_precision": 0.95, "dispute_precision": 0.45,
    "off_topic_f1": 0.95, "off_topic_kept_out": 0.95, "quotes_found": 0.95, "quote_speaker": 0.95,
    "quote_speaker_per_source": 0.95, "attribution_conflicts": 0.45, "entities_merged": 0.95,
    "entities_kept_apart": 0.95, "timeline_found": 0.95,
}

# An invented chipmaker's results (2026-12-07, issues 12 and 13), written before newsfold ran on
# it and annotated after a first look at its brief. That first brief missed "€2.4bn" against "2.1
# billion euros" and kept "Norvik Holdings ASA" apart; fixed by class. A rival's results of the
# same day, told in the story's words, stayed in (off-topic 0) and their figures were disputed
# against the story's (dispute precision 0.33): a first rule on ledes naming no one the others name
# was reverted (it flagged feature ledes of real stories); session 20's stricter one (two names or
# more no other source names anywhere, none of those most others lead with) flags it and nothing
# else on the real sets. "said finance director Per Ostby" gave no speaker (the tagger reads "Per"
# as a preposition) until session 20 (a name after a role, read as other words). Floors measured
# minus 0.05.
FLOORS["chipmaker-results"] = {
    "copies_precision": 0.95, "copies_recall": 0.95, "boilerplate_removed": 0.95,
    "boilerplate_kept_out_of_facts": 0.95, "consensus_grouped": 0.61, "consensus_counted": 0.61,
    "consensus_source_recall": 0.83, "unique_found": 0.45, "distinct_kept_apart": 0.95,
    "conflicts_found": 0.95, "number_conflicts_precision": 0.95, "dispute_precision": 0.95,
    "off_topic_f1": 0.95, "off_topic_kept_out": 0.95, "quotes_found": 0.95, "quote_speaker": 0.95,
    "quote_speaker_per_source": 0.95, "attribution_conflicts": 0.95, "entities_merged": 0.95,
    "entities_kept_apart": 0.95, "timeline_found": 0.95,
}

# An invented jewel theft from a museum (2026-12-07, session 15, issues 12 and 13), written before
# newsfold ran on it and annotated after a first look at its brief. That first brief missed "Nine
# pieces" against two sources' "eight pieces" (small counts in words were never compared) and the
# date dispute left out a source giving "Sunday, March 14" (only the likest pair was cited); fixed
# by class. Still open: the disputed quote ties one source against one, so it gets no speaker
# (quote_speaker 0.5); consensus grouping 0.4. Floors measured minus 0.05.
FLOORS["museum-theft"] = {
    "copies_precision": 0.95, "copies_recall": 0.95, "boilerplate_removed": 0.95,
    "boilerplate_kept_out_of_facts": 0.95, "consensus_grouped": 0.35, "consensus_counted": 0.35,
    "consensus_source_recall": 0.65, "unique_found": 0.95, "distinct_kept_apart": 0.95,
    "conflicts_found": 0.95, "number_conflicts_precision": 0.95, "dispute_precision": 0.95,
    "off_topic_f1": 0.95, "off_topic_kept_out": 0.95, "quotes_found": 0.95, "quote_speaker": 0.45,
    "quote_speaker_per_source": 0.95, "attribution_conflicts": 0.95, "entities_merged": 0.95,
    "entities_kept_apart": 0.95, "timeline_found": 0.95,
}

# An invented ransomware attack on a hospital trust (2026-12-07, session 15, issues 12 and 13),
# written before newsfold ran on it and annotated after a first look at its brief. That first brief
# gave the date dispute the topic of the sentence's other day ("Northmere Health Trust said", not
# the attack detected) and cited the wire's copy instead of the wire, gave the disputed quote
# (one source against one) no speaker, listed the outlet ("the Echo understands") as an entity and
# dated "the trust was detected" (a clause read as the name's); fixed by class. Still open:
# consensus grouping 0.33 (the reports' ledes each carry two facts). Floors measured minus 0.05.
FLOORS["hospital-cyberattack"] = {
    "copies_precision": 0.95, "copies_recall": 0.95, "boilerplate_removed": 0.95,
    "boilerplate_kept_out_of_facts": 0.95, "consensus_grouped": 0.28, "consensus_counted": 0.28,
    "consensus_source_recall": 0.61, "unique_found": 0.95, "distinct_kept_apart": 0.95,
    "conflicts_found": 0.95, "number_conflicts_precision": 0.95, "dispute_precision": 0.95,
    "off_topic_f1": 0.95, "off_topic_kept_out": 0.95, "quotes_found": 0.95, "quote_speaker": 0.95,
    "quote_speaker_per_source": 0.95, "attribution_conflicts": 0.95, "entities_merged": 0.95,
    "entities_kept_apart": 0.95, "timeline_found": 0.95,
}

# An invented river flood (2026-12-07, session 15, issues 12 and 13), written before newsfold ran on
# it and annotated after a first look at its brief. That first brief had no place dispute (places
# were compared by street number only: "burst its banks at Brindle Bridge" against "overtopped its
# banks at Quenby Weir"), dated "said the river was expected to peak on Monday" to the Monday
# before, kept "Councillor" in a name, "River" of "River Esk" and "Meteorological Office (Met
# Office)" apart, and a station's "You're listening to …"; fixed by class. Floors measured minus 0.05.
FLOORS["river-flood"] = {
    "copies_precision": 0.95, "copies_recall": 0.95, "boilerplate_removed": 0.95,
    "boilerplate_kept_out_of_facts": 0.95, "consensus_grouped": 0.45, "consensus_counted": 0.45,
    "consensus_source_recall": 0.65, "unique_found": 0.95, "distinct_kept_apart": 0.95,
    "conflicts_found": 0.95, "number_conflicts_precision": 0.95, "dispute_precision": 0.95,
    "off_topic_f1": 0.95, "off_topic_kept_out": 0.95, "quotes_found": 0.95, "quote_speaker": 0.95,
    "quote_speaker_per_source": 0.95, "attribution_conflicts": 0.95, "entities_merged": 0.95,
    "entities_kept_apart": 0.95, "timeline_found": 0.95,
}

# Two invented stories written blind (2026-12-07, session 23) by helpers that never read the code nor
# ran newsfold, scored once on the session's start code: a fraud verdict (fraud-verdict: conflicts
# 0.25, dispute precision 0.50) and a banquet food poisoning (banquet-poisoning: conflicts 0.25, dispute
# precision 0.60). Fixed by class since: "six and a half years" read as six, "a six-year prison
# sentence" read as a descriptor, and a follow-up's "still being treated on Wednesday" disputed against
# "remained on Monday" (session 23); two stages of a process ("found guilty", "sentenced") are two
# events, a whole span in words ("jailed for six years", "closed for two weeks") is compared, a site the
# tagger calls an organisation is a place, station and app promos worded other ways (session 24);
# an amount in a sentence dated by an earlier stage of the case ("convicted last month of taking"), a
# day whose clause names the stage ("with a six-year prison sentence") against a weekday, two reports'
# statements each on its own day, a subject the parse hung on a caption, a saint's site written short
# ("St X's") (session 25). Still open: a bare count at a named hospital ("23 were admitted to St X's").
# Floors measured minus 0.05.
FLOORS["fraud-verdict"] = {
    "copies_precision": 0.95, "copies_recall": 0.95, "boilerplate_removed": 0.95,
    "boilerplate_kept_out_of_facts": 0.95, "consensus_grouped": 0.11, "consensus_counted": 0.11,
    "consensus_source_recall": 0.61, "unique_found": 0.95, "distinct_kept_apart": 0.95,
    "conflicts_found": 0.95, "number_conflicts_precision": 0.95, "dispute_precision": 0.95,
    "off_topic_f1": 0.95, "off_topic_kept_out": 0.95, "quotes_found": 0.95, "quote_speaker": 0.95,
    "quote_speaker_per_source": 0.95, "attribution_conflicts": 0.95, "entities_merged": 0.95,
    "entities_kept_apart": 0.95, "timeline_found": 0.95,
}
FLOORS["banquet-poisoning"] = {
    "copies_precision": 0.95, "copies_recall": 0.95, "boilerplate_removed": 0.95,
    "boilerplate_kept_out_of_facts": 0.95, "consensus_grouped": 0.55, "consensus_counted": 0.55,
    "consensus_source_recall": 0.8, "unique_found": 0.95, "distinct_kept_apart": 0.95,
    "conflicts_found": 0.7, "number_conflicts_precision": 0.0, "dispute_precision": 0.95,
    "off_topic_f1": 0.95, "off_topic_kept_out": 0.95, "quotes_found": 0.95, "quote_speaker": 0.95,
    "quote_speaker_per_source": 0.95, "attribution_conflicts": 0.95, "entities_merged": 0.95,
    "entities_kept_apart": 0.95, "timeline_found": 0.75,
}

# Two more written blind (2026-12-07, session 24) the same way, scored once on the session's start code
# and once on its end code: a warehouse fire (warehouse-fire: conflicts 0.80 -> 1.00, dispute precision
# 0.80 -> 0.83, boilerplate 0.50 -> 1.00, entities 0.75 -> 1.00) and a council recount
# (election-recount: conflicts 0.50 -> 0.50, boilerplate 0.85 -> 1.00). Since (session 25): a margin
# ("an 11-vote win") is compared with "won by seven votes", and the venue of the event the titles share
# is compared however unlike the sentences ("the recount at X", "The recount took place at Y"): recount
# conflicts 0.50 -> 1.00. Still open: "allowed back on Thursday" against "moved out on Tuesday" (a
# false date; a stage word "back" cost a real quoted day), the returning officer's surname never
# written alone. Floors measured minus 0.05.
FLOORS["warehouse-fire"] = {
    "copies_precision": 0.95, "copies_recall": 0.95, "boilerplate_removed": 0.95,
    "boilerplate_kept_out_of_facts": 0.95, "consensus_grouped": 0.66, "consensus_counted": 0.66,
    "consensus_source_recall": 0.84, "unique_found": 0.95, "distinct_kept_apart": 0.95,
    "conflicts_found": 0.95, "number_conflicts_precision": 0.95, "dispute_precision": 0.78,
    "off_topic_f1": 0.95, "off_topic_kept_out": 0.95, "quotes_found": 0.95, "quote_speaker": 0.8,
    "quote_speaker_per_source": 0.85, "attribution_conflicts": 0.95, "entities_merged": 0.95,
    "entities_kept_apart": 0.95, "timeline_found": 0.95,
}
FLOORS["election-recount"] = {
    "copies_precision": 0.95, "copies_recall": 0.95, "boilerplate_removed": 0.95,
    "boilerplate_kept_out_of_facts": 0.95, "consensus_grouped": 0.28, "consensus_counted": 0.28,
    "consensus_source_recall": 0.69, "unique_found": 0.95, "distinct_kept_apart": 0.95,
    "conflicts_found": 0.95, "number_conflicts_precision": 0.95, "dispute_precision": 0.95,
    "off_topic_f1": 0.95, "off_topic_kept_out": 0.95, "quotes_found": 0.95, "quote_speaker": 0.95,
    "quote_speaker_per_source": 0.95, "attribution_conflicts": 0.95, "entities_merged": 0.55,
    "entities_kept_apart": 0.95, "timeline_found": 0.95,
}

# Two more written blind (2026-12-07, session 25) the same way and scored once on the session's start
# code (98b4a30) and once after that day's first fixes (b3ce147), which changed nothing on them: a train
# derailment (train-derailment: conflicts 0.60, dispute precision 0.67, boilerplate 0.80) and a water
# utility's data breach (data-breach: conflicts 0.40, boilerplate 0.88, entities 0.40). Fixed by class
# since (reading stories now): a speed however its unit is written ("95 km/h", "70km/h", "70
# kilometres an hour"; "the 80 km/h limit" a limit), a share of an owner's count ("three of the
# train's six carriages"), viaducts and junctions as sites, a venue told "on" a site or in a "where"
# clause, a disputed day backed by the words next to it, a name with an age after it a person (and the
# "he said" after it his), a count of a compound's last noun ("about 180,000 customer accounts"),
# schedule/catch-up/tip-line promos. Still open: an arrest "at a flat on Corbie Lane" (a road) against
# a station, a chair named alone only in the off-topic report. Floors measured minus 0.05.
FLOORS["train-derailment"] = {
    "copies_precision": 0.95, "copies_recall": 0.95, "boilerplate_removed": 0.95,
    "boilerplate_kept_out_of_facts": 0.95, "consensus_grouped": 0.45, "consensus_counted": 0.45,
    "consensus_source_recall": 0.8, "unique_found": 0.95, "distinct_kept_apart": 0.95,
    "conflicts_found": 0.95, "number_conflicts_precision": 0.95, "dispute_precision": 0.95,
    "off_topic_f1": 0.95, "off_topic_kept_out": 0.95, "quotes_found": 0.95, "quote_speaker": 0.95,
    "quote_speaker_per_source": 0.95, "attribution_conflicts": 0.95, "entities_merged": 0.95,
    "entities_kept_apart": 0.95, "timeline_found": 0.95,
}
FLOORS["data-breach"] = {
    "copies_precision": 0.95, "copies_recall": 0.95, "boilerplate_removed": 0.95,
    "boilerplate_kept_out_of_facts": 0.95, "consensus_grouped": 0.15, "consensus_counted": 0.15,
    "consensus_source_recall": 0.54, "unique_found": 0.95, "distinct_kept_apart": 0.95,
    "conflicts_found": 0.75, "number_conflicts_precision": 0.95, "dispute_precision": 0.95,
    "off_topic_f1": 0.95, "off_topic_kept_out": 0.95, "quotes_found": 0.95, "quote_speaker": 0.95,
    "quote_speaker_per_source": 0.95, "attribution_conflicts": 0.95, "entities_merged": 0.55,
    "entities_kept_apart": 0.95, "timeline_found": 0.95,
}

# And two more (2026-12-07, session 25), written blind while the session's end code stood and scored
# once on its start code (98b4a30) and once on the code of that moment (190ee60 plus a compound's last
# noun): a building collapse (building-collapse: conflicts 0.40 -> 0.60) and a plant closure and strike
# (plant-strike: conflicts 0.20 -> 0.20, boilerplate 0.81 -> 0.88); every other score 1.00 on both but
# consensus grouping. Fixed by class since (reading stories now): people who "lose their jobs" counted
# as jobs, a syndication intro and a "more in tomorrow's edition" promo. Still open: "a nine-storey
# block" against "an eleven-storey block" (descriptors compared with each other cost two false number
# disputes on real stories, bar weights and room counts, so they stay uncompared), a
# "Gorvane Infirmary" against "Kellaway Memorial Hospital" (told "taken to"), "Corven House" against
# "the Hotel Amberlode" (neither is read as a site), a redundancy package "worth 41 million euros"
# against "of EUR 14 million" (amounts with no noun), an announcement moved onto another real day of
# the story (the strike's). Floors measured minus 0.05.
FLOORS["building-collapse"] = {
    "copies_precision": 0.95, "copies_recall": 0.95, "boilerplate_removed": 0.95,
    "boilerplate_kept_out_of_facts": 0.95, "consensus_grouped": 0.67, "consensus_counted": 0.67,
    "consensus_source_recall": 0.79, "unique_found": 0.95, "distinct_kept_apart": 0.95,
    "conflicts_found": 0.55, "number_conflicts_precision": 0.95, "dispute_precision": 0.95,
    "off_topic_f1": 0.95, "off_topic_kept_out": 0.95, "quotes_found": 0.95, "quote_speaker": 0.95,
    "quote_speaker_per_source": 0.95, "attribution_conflicts": 0.95, "entities_merged": 0.95,
    "entities_kept_apart": 0.95, "timeline_found": 0.95,
}
FLOORS["plant-strike"] = {
    "copies_precision": 0.95, "copies_recall": 0.95, "boilerplate_removed": 0.95,
    "boilerplate_kept_out_of_facts": 0.95, "consensus_grouped": 0.45, "consensus_counted": 0.45,
    "consensus_source_recall": 0.71, "unique_found": 0.95, "distinct_kept_apart": 0.95,
    "conflicts_found": 0.35, "number_conflicts_precision": 0.95, "dispute_precision": 0.95,
    "off_topic_f1": 0.95, "off_topic_kept_out": 0.95, "quotes_found": 0.95, "quote_speaker": 0.95,
    "quote_speaker_per_source": 0.95, "attribution_conflicts": 0.95, "entities_merged": 0.95,
    "entities_kept_apart": 0.95, "timeline_found": 0.95,
}
