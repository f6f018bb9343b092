"""Mentions the tagger missed: exact occurrences of names the story already
has, places named with a facility word that the tagger never marked, and
full names written after an honorific."""
from __future__ import annotations

import re
from collections import defaultdict

from ...model import Article
from ...nlp.lexicon import HONORIFICS, LEADING_DETERMINERS, NAME_SUFFIX_LABELS, STOPWORDS
from ...nlp.names import fold
from .mentions import Mention

Groups = dict[str, list[Mention]]  # folded key -> its mentions
# ... and the Malay honorifics that stand before a full name, with "Seri" after them ("Datuk Seri Ana Ruiz")
_HONORIFIC = "|".join(sorted(h.capitalize() for h in HONORIFICS | {"datuk", "dato", "datin", "tun"}))


def sweep_missed_mentions(articles: list[Article], clusters: dict[str, list[str]],
                           groups: Groups, full_people: list[str]) -> None:
    """Count exact occurrences of known names that the NER model missed.

    spaCy tags a name in one sentence and misses it in the next; an exact,
    case-sensitive, whole-word occurrence of a surface form already seen (or of
    the surname of a full-name person) is a mention too. A form shared by two
    entities is not swept, nor one of two letters ("Ng", "Li"), a word of
    any text, unless an honorific stands before it ("Mr Vo"). The first word
    of a name of three words is swept only after an honorific too ("Dr Lim"
    of Lim Wei Jie, a family name first).
    """
    owner: dict[str, str] = {}
    shared: set[str] = set()
    firsts: set[str] = set()  # a full name's first word: a family name only after an honorific ("Dr Lim")
    for root, keys in clusters.items():
        for key in keys:
            for m in groups[key]:
                forms = [m.surface]
                if key in full_people:
                    forms.append(m.surface.split()[-1])
                    if len(m.surface.split()) >= 3:  # "Lim Wei Jie": family name first
                        forms.append(m.surface.split()[0])
                        firsts.add(m.surface.split()[0])
                for form in forms:
                    if owner.setdefault(form, root) != root:
                        shared.add(form)
    firsts -= {m.surface for keys in clusters.values() for key in keys for m in groups[key]}
    surfaces = sorted((s for s in owner if s not in shared and len(s) >= 3 and s not in firsts),
                      key=len, reverse=True)
    short = sorted(s for s in owner if s not in shared and s.istitle()
                   and (len(s) == 2 or s in firsts and " " not in s))
    patterns = []
    if surfaces:
        patterns.append(re.compile(r"(?<![\w@#-])(" + "|".join(map(_dash_blind, surfaces)) + r")(?![\w-])"))
    if short:
        patterns.append(re.compile(rf"\b(?:{_HONORIFIC})\.?\s+(" + "|".join(short) + r")(?![\w-])"))
    by_dash = {_dash_key(surface): owner[surface] for surface in surfaces + short}
    for article in articles:
        if article.off_topic:
            continue
        taken = [(m.start, m.end, root) for root, keys in clusters.items() for k in keys
                 for m in groups[k] if m.source == article.id and m.start >= 0]
        for match in (match for pattern in patterns for match in pattern.finditer(article.text)):
            start, end = match.span(1)
            surface = match.group(1)
            root = by_dash[_dash_key(surface)]
            # a longer form of the same entity around a tagged part of it is a mention of its own
            if article.is_removed(start, end) or any(s < end and start < e and (r != root or s <= start and end <= e)
                                                     for s, e, r in taken):
                continue
            groups.setdefault(root, [])
            groups[root].append(Mention(surface, "_SWEPT", article.id, "", start, end))
            taken.append((start, end, root))


def _dash_blind(surface: str) -> str:
    """A pattern for ``surface`` where a spaced dash may be any dash ("A Road -
    B Road" is "A Road — B Road")."""
    return re.sub(r"\\ [-–—]\\ |\\ \\-\\ ", r"\\s*[-–—]\\s*", re.escape(surface))


def _dash_key(surface: str) -> str:
    """One form for any dash, spaced or not: the key a swept match finds its owner by."""
    return re.sub(r"\s*[-–—]\s*", " - ", surface)


def _tagged_spans(groups: Groups) -> dict[str, list[tuple[int, int]]]:
    """Source id -> the (start, end) of every mention found so far in it."""
    taken: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for ms in groups.values():
        for m in ms:
            if m.start >= 0:
                taken[m.source].append((m.start, m.end))
    return taken


_FACILITY_WORDS = sorted(word.capitalize() for word, label in NAME_SUFFIX_LABELS.items() if label == "FAC")
_FACILITY = re.compile(rf"(?<![\w'’-])((?:[A-Z][a-z][\w'’-]*[ \t]+){{1,3}}(?:{'|'.join(_FACILITY_WORDS)}))(?![\w-])")


def add_untagged_facilities(articles: list[Article], groups: Groups, labels: dict[str, str]) -> None:
    """A place the tagger never marked that its name's last word tells ("Harbour
    Checkpoint", "Calden Ferry Terminal"): capitalised words before a facility
    word, written twice or more in the story and nowhere inside a tagged name."""
    taken = _tagged_spans(groups)
    found: dict[str, list[Mention]] = defaultdict(list)
    for article in articles:
        if article.off_topic:
            continue
        for match in _FACILITY.finditer(article.text):
            words = match.group(1).split()
            while words and words[0].lower() in LEADING_DETERMINERS | STOPWORDS:
                words.pop(0)
            start, end = match.end(1) - len(" ".join(words)), match.end(1)
            if len(words) < 2 or article.is_removed(start, end) \
                    or any(s < end and start < e for s, e in taken[article.id]):
                continue
            found[fold(" ".join(words))].append(Mention(" ".join(words), "FAC", article.id, "", start, end))
    for key, ms in found.items():
        if key not in groups and len(ms) >= 2:
            groups[key] = ms
            labels[key] = "FAC"


_HONOURED_NAME = re.compile(
    rf"\b(?:{_HONORIFIC})['’]?\.?(?:[ \t]+Seri)?[ \t]+((?:[A-Z][a-z][\w'’-]*[ \t]+){{1,3}}[A-Z][a-z][\w'’-]*)(?![\w'’-]|[ \t]+[A-Z])")


def add_honoured_people(articles: list[Article], groups: Groups) -> None:
    """A full name the tagger never marked, written after an honorific ("Dr Lena
    Varga Holm, a research fellow"): a person, in that source."""
    taken = _tagged_spans(groups)
    for article in articles:
        if article.off_topic:
            continue
        for match in _HONOURED_NAME.finditer(article.text):
            start, end = match.span(1)
            name = match.group(1)
            if article.is_removed(start, end) or any(s < end and start < e for s, e in taken[article.id]) \
                    or any(w.lower() in STOPWORDS for w in name.split()) or NAME_SUFFIX_LABELS.get(fold(name.split()[-1])):
                continue
            groups[fold(name)].append(Mention(name, "PERSON", article.id, "", start, end, honorific=True))
