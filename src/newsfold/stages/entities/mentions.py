"""Mentions: the tagger's entities of each article, cleaned and relabelled.

Each mention keeps where it stands and what the words around it say (a place
preposition before it, a speech verb it is the subject of, a dateline it
stands in, an honorific): the merging rules read those, never the text again.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from ...model import Article
from ...nlp.lexicon import (
    HONORIFICS,
    INSTITUTION_WORDS,
    JOB_TITLES,
    MONTH_NAMES,
    PERSON_TITLES,
    PORTFOLIO_WORDS,
    RELATION_NOUNS,
    ROLE_WORDS,
    SITE_NOUNS,
    SPEECH_VERBS,
    TITLE_PHRASES,
    WEEKDAY_NAMES,
)
from ...nlp.names import clean_name, fold, is_title, skeleton, suffix_label, title_before_name
from .acronyms import tied_acronyms
from .alternates import alternate_names, name_start

LABELS = {
    "PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "NORP": "NORP",
    "EVENT": "EVENT", "FAC": "FAC",
    "WORK_OF_ART": "OTHER", "LAW": "OTHER", "PRODUCT": "OTHER", "LANGUAGE": "OTHER",
}
# Break majority-label ties in this order.
LABEL_PRIORITY = ["GPE", "ORG", "PERSON", "LOC", "NORP", "FAC", "EVENT", "OTHER"]
PLACE_PREPOSITIONS = {"to", "from", "in", "at", "near"}
# Roles a body's people hold, written right after its name ("Calmark chief executive")
_BODY_ROLES = "|".join(sorted(ROLE_WORDS | {"executive", "manager", "boss", "founder", "owner"}))
_ROLE_AFTER = re.compile(rf" (?:{_BODY_ROLES})\b")  # the space before a role, where a name may end
# A tied full name and its acronym travel as one mention with this label prefix.
ACRONYM_TIE = "ACRONYM-FULL:"
# A name and an alternate name the text gives it: "ALIAS:<label>:<alternate>".
ALIAS_TIE = "ALIAS:"

# A dateline: an all-caps place at the start of a paragraph, then a comma and a
# date, or an agency in brackets and a dash ("PORT CALDEN, March 11 (Press) -").
_DATE_WORD = "|".join(name[:3] for name in MONTH_NAMES + WEEKDAY_NAMES)
_DATELINE = re.compile(
    r"(?m)^[ \t]*(?P<place>[A-Z][A-Z.'’&-]+(?:[ \t]+[A-Z][A-Z.'’&-]+)*)"
    r"(?=(?:,[ \t]*[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})?"
    rf"(?:,[ \t]*(?:(?:{_DATE_WORD})[a-z]*\.?|\d{{1,4}})\b|[ \t]*(?:\([^)\n]{{1,60}}\)[ \t]*)?[-—–][ \t]))")
_HYPHEN_TAIL = re.compile(r"(?:-[^\W\d_]+)+(?![\w-])")


@dataclass
class Mention:
    surface: str
    label: str
    source: str
    preceded_by: str = ""  # lower-cased word before the mention (locative check)
    start: int = -1
    end: int = -1
    speaks: bool = False  # the subject of a speech verb ("Reyes said")
    dateline: str | None = None  # the all-caps dateline place it stands in ("PORT CALDEN")
    honorific: bool = False  # written "Mr Lim", "Ms Vell": certainly a person
    title: tuple[str, ...] = ()  # the title words right before the name, folded: ("assoc", "prof")


def mention_key(surface: str, label: str) -> str:
    """The folded form mentions are grouped by; plural nationalities as singular."""
    key = fold(surface)
    if label == "NORP" and len(key) > 4 and key.endswith("s"):
        key = key[:-1]  # Valdorians / Valdorian
    return key


def majority(labels: Counter) -> str:
    """The most frequent label, ties broken by ``LABEL_PRIORITY``."""
    return max(labels, key=lambda lab: (labels[lab], -LABEL_PRIORITY.index(lab)))


def collect_mentions(articles: list[Article], docs: dict[str, Any]) -> list[Mention]:
    """Every cleaned mention of the on-topic articles, then the acronyms the text ties."""
    mentions: list[Mention] = []
    for article in articles:
        doc = docs.get(article.id)
        if article.off_topic or doc is None:
            continue
        datelines = _datelines(article.text)
        reach = -1  # where the last mention ended: a site run on past the tagger's entity holds the next
        for ent in doc.ents:
            if ent.start_char < reach:
                continue
            mention = _entity_mention(article, doc, ent, datelines)
            if mention is not None and not _names_itself(article, mention.surface):
                mentions.append(mention)
                reach = mention.end
        mentions.extend(_acronym_mentions(article))
        mentions.extend(_alternate_mentions(article, doc))
    return mentions


def _names_itself(article: Article, name: str) -> bool:
    """The report's own outlet ("Northmere Echo", or "the Echo understands"
    on the Echo's page): who reports the story, not who is in it."""
    outlet = (article.outlet or "").split()
    return bool(outlet) and fold(name) in {fold(" ".join(outlet)), fold(outlet[-1]) if len(outlet) >= 2 else ""}


def _entity_mention(article: Article, doc: Any, ent: Any,
                    datelines: list[tuple[int, int, str]]) -> Mention | None:
    label = LABELS.get(ent.label_)
    if label is None or article.is_removed(ent.start_char, ent.end_char):
        return None
    end_char = ent.end_char
    tail = _HYPHEN_TAIL.match(article.text, end_char)
    if tail is not None:  # "Dar-i-Valon": the tagger stopped at "Dar"
        end_char = tail.end()
    tagged_end, end_char = end_char, _name_end(article.text, ent.start_char, end_char, label)
    site = _SITE_OF_OWNER.match(article.text, end_char - 2 if ent.text[-2:] in ("'s", "’s") else end_char)
    if site is not None and end_char == tagged_end and site.group("site").split()[-1].lower() in SITE_NOUNS:
        end_char, label = site.end(), "FAC"  # "St Bevan's General Hospital": the tagger stopped at the owner
    elif _SAINTS_PLACE.fullmatch(article.text, ent.start_char, end_char):
        label = "FAC"  # "admitted to St Bevan's": a saint's name with its possessive names a place
    if _GENERIC_HEAD.fullmatch(article.text, ent.start_char, end_char) is not None:
        # "[River] Esk", "[Lake] Ardin": the tagger stopped at the kind of place before its name
        after = _CAPITALISED.match(article.text, end_char)
        if after is None:
            return None
        end_char = after.end()
    start_char = name_start(doc, ent)
    cleaned = clean_name(article.text[start_char:end_char], label)
    if cleaned is None:
        return None
    name, label = cleaned
    first = doc[ent.start]
    if label == "PERSON" and first.pos_ in ("ADJ", "VERB", "ADV") and name.startswith(first.text) \
            and len(name.split()) >= 2:
        name = name[len(first.text):].strip()  # "Jubilant Rovers": a word the tagger took in
    if label != "NORP":
        label = suffix_label(name) or label
    if label != "PERSON" and (person := _person_after_office(article.text, start_char, name)):
        name, label = person, "PERSON"  # "Secretary for [Transport Ana Ruiz]": the tagger took the portfolio in
    if label != "PERSON" and not suffix_label(name) and 2 <= len(name.split()) <= 3 \
            and all(w[:1].isupper() for w in name.split()) \
            and (_after_relation_noun(article.text, ent.start_char) or _AGE_AFTER.match(article.text, end_char)
                 or label in _NOT_PEOPLE and _title_before(article.text, start_char)):
        # "son-in-law Tom Reyes", "his cousin, Ana Ruiz", "the ferry firm's chief executive Ruben Vale",
        # "Tom Reyes, 23,": a relation, a title or an age tells a person, whatever the tagger said
        label = "PERSON"
    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    root = ent.root
    speaks = root.dep_ in ("nsubj", "nsubjpass") and root.head.lower_ in SPEECH_VERBS
    place = next((p for start, end, p in datelines
                  if start <= ent.start_char and ent.end_char <= end), None)
    if place is not None and not _all_caps(name):
        place = None
    honorific = before in HONORIFICS or fold(ent.text.split()[0]) in HONORIFICS
    at = article.text.find(name, start_char, end_char)
    title = _title_before(article.text, at if at >= 0 else start_char) if label == "PERSON" else ()
    return Mention(name, label, article.id, before, start_char, end_char, speaks, place, honorific, title)


_AGE_AFTER = re.compile(r",[ \t]*\d{1,3},")  # "Ana Ruiz, 67,": an age after a name
_NOT_PEOPLE = frozenset({"ORG", "FAC", "WORK_OF_ART", "PRODUCT"})  # labels a titled name is read as a person from
_TITLE_WORDS = re.compile(r"(?:[A-Za-z][\w.-]*[ \t]+)+$")


def _title_before(text: str, start: int) -> tuple[str, ...]:
    """The title words written right before a name ("Assistant Superintendent", "Asst Supt"), folded."""
    run = _TITLE_WORDS.search(text, max(0, start - 60), start)
    words = run.group().split()[-4:] if run else []
    title: list[str] = []
    while words:
        if title_before_name(words[-1]):
            title.insert(0, fold(words.pop()))
        elif len(words) >= 2 and (words[-2].lower().strip("."), words[-1].lower().strip(".")) in TITLE_PHRASES:
            title[:0] = [fold(words[-2]), fold(words[-1])]  # "chief executive"
            del words[-2:]
        else:
            break
    return tuple(title)


# A sentence ends inside the tagged span: a word of three letters or more, a
# full stop, then a capital ("Oren Vask. According to ..."), not an initial or
# a title's abbreviation ("J. Smith", "Gen. Ruiz", "U.S. Navy").
_SENTENCE_BREAK = re.compile(r"(?<=[a-z]{2})[.!?](?=\s+[A-Z])")
# An organisation's possessive inside the tagged span: its owner is the
# organisation named ("Calden University’s School of Law" is Calden University's).
_OWNER_POSSESSIVE = re.compile(r"['’]s\s+(?=[A-Z])")


# A site written after its owner's possessive ("St Bevan's [General Hospital]"), and a saint's
# name with its possessive alone ("St Bevan's"), the short name of such a site
_SITE_OF_OWNER = re.compile(r"['’]s[ \t]+(?P<site>(?:[A-Z][\w-]*[ \t]+){0,2}[A-Z][\w-]*)")
_SAINTS_PLACE = re.compile(r"(?:St|Saint)\.?[ \t]+[A-Z][\w-]*['’]s")
_GENERIC_HEAD = re.compile(r"(?:River|Lake|Mount|Bay|Cape|Loch|Gulf|Port|Fort|Isle)")
_CAPITALISED = re.compile(r"[ \t]+[A-Z][\w'’-]+")


def _name_end(text: str, start: int, end: int, label: str) -> int:
    """Where the name the tagger marked in [start, end) really ends: before a
    sentence break inside it, and for an organisation before its possessive
    when the owner is a name of two words or more or an acronym and a unit
    of two words or more follows ("CTU's Coastal School", not "St Aldric's Hospital")."""
    span = text[start:end]
    cut = _SENTENCE_BREAK.search(span)
    if cut is not None and not is_title(span[:cut.start()].split()[-1], PERSON_TITLES):
        span = span[:cut.start()]
    owner = _OWNER_POSSESSIVE.search(span) if label == "ORG" else None
    # "St Aldric's Hospital" is one name: a unit of two words or more follows an owner
    if owner is not None and len(span[owner.end():].split()) >= 2:
        words = span[:owner.start()].split()
        if len(words) >= 2 or words and _all_caps(words[0]):
            span = span[:owner.start()]
    return start + len(span)


# An office written before a mention: "Deputy Harbour Secretary for (the Ministry of ...)"
_OFFICE_TITLES = "|".join(sorted(JOB_TITLES | {"minister", "secretary", "parliamentary secretary"}))
_OFFICE_BEFORE = re.compile(
    rf"\b(?i:{_OFFICE_TITLES})\s+(?:for|of)\s+(?:(?:[A-Z][\w'’-]*|and|of|the|&),?\s+){{0,12}}$")
_OFFICE_WORDS = PORTFOLIO_WORDS | PERSON_TITLES | {"ministry", "department", "office", "and", "of", "for", "the", "&"}


def _person_after_office(text: str, start: int, name: str) -> str | None:
    """The person a non-person mention ends with when it opens with the portfolio
    of an office written before it ("Secretary for Transport Ana Ruiz" tagged
    "Transport Ana Ruiz"): two to four capitalised words after the portfolio, no
    telling ending ("Transport Workers Union" stays a body)."""
    if not _OFFICE_BEFORE.search(text, max(0, start - 160), start):
        return None
    words = name.split()
    k = 0
    while k < len(words) and (fold(words[k]) or words[k]) in _OFFICE_WORDS:
        k += 1
    rest = words[k:]
    if k == 0 or not 2 <= len(rest) <= 4 or not all(w[:1].isupper() for w in rest) or suffix_label(" ".join(rest)):
        return None
    return " ".join(rest)


_WORD_BEFORE = re.compile(r"([A-Za-z]+(?:-[A-Za-z]+)*),?[ \t]+$")


def _after_relation_noun(text: str, start: int) -> bool:
    """Whether a relation noun ("cousin", "son-in-law") stands right before ``start``."""
    match = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return match is not None and match.group(1).lower() in RELATION_NOUNS


def _acronym_mentions(article: Article) -> list[Mention]:
    """The acronym and full name as tied mentions (label ORG until votes say otherwise)."""
    out = []
    for name, acronym, start, end in tied_acronyms(article.text):
        if article.is_removed(start, end):
            continue
        cleaned = clean_name(name, "ORG")
        if cleaned:
            out.append(Mention(cleaned[0], ACRONYM_TIE + acronym, article.id, "", start, end))
    return out


def _alternate_mentions(article: Article, doc: Any) -> list[Mention]:
    """A name and the alternate name the text gives it, as one tie mention."""
    return [Mention(name, f"{ALIAS_TIE}{label}:{other}", article.id, "", start, end)
            for name, label, other, start, end in alternate_names(article.text, doc)
            if not article.is_removed(start, end)]


def _datelines(text: str) -> list[tuple[int, int, str]]:
    """(start, end, place) of every all-caps dateline place in ``text``."""
    return [(m.start("place"), m.end("place"), m.group("place")) for m in _DATELINE.finditer(text)]


def _is_tie(mention: Mention) -> bool:
    return mention.label.startswith((ACRONYM_TIE, ALIAS_TIE))


def _all_caps(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


# --- relabelling ----------------------------------------------------------------


def resolve_caps(mentions: list[Mention]) -> list[Mention]:
    """Dateline words join the entity their mixed-case form names, else go.

    "CALDEN" in "PORT CALDEN, March 11" becomes "Port Calden" (with that
    entity's label) when the story writes "Port Calden" elsewhere; an all-caps
    word anywhere takes the label of its mixed-case form.
    """
    mixed: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        if not _is_tie(m) and not _all_caps(m.surface):
            mixed[mention_key(m.surface, m.label)][(m.surface, m.label)] += 1
    out = []
    for m in mentions:
        if _is_tie(m) or not _all_caps(m.surface):
            out.append(m)
            continue
        forms = [m.dateline, m.surface] if m.dateline else [m.surface]
        known = next((mixed[fold(f)] for f in forms if fold(f) in mixed), None)
        if known:
            surface, _ = known.most_common(1)[0][0]
            label = majority(Counter({lab: n for (_, lab), n in known.items()}))
            out.append(Mention(surface, label, m.source, m.preceded_by, m.start, m.end, m.speaks))
        elif m.dateline is None:
            out.append(m)
    return out


def places_read_as_people(groups: dict[str, list[Mention]]) -> None:
    """A one-word "person" that follows place prepositions and never speaks is a place.

    Not when it is the surname of a full-name person in the story.
    """
    surnames = {skeleton(k.split()[-1]) for k, ms in groups.items()
                if len(k.split()) >= 2 and any(m.label == "PERSON" for m in ms)}
    for key, ms in groups.items():
        people = [m for m in ms if m.label == "PERSON"]
        if (len(key.split()) != 1 or not people or skeleton(key) in surnames
                or any(m.speaks for m in ms)
                or not any(m.preceded_by in PLACE_PREPOSITIONS for m in people)):
            continue
        for m in people:
            m.label = "GPE"
    for key, ms in groups.items():
        if len(key.split()) >= 2 and _place_of_several_words(ms):
            for m in ms:
                if m.label == "PERSON":
                    m.label = "GPE"


# Prepositions of place that people seldom follow ("a letter to X", "from X" they do)
_PLACE_ONLY_PREPOSITIONS = {"in", "at", "near", "through", "within", "around", "across"}


def _place_of_several_words(ms: list[Mention]) -> bool:
    """A "person" of several words that the tagger also reads as a place, body
    or building, that follows a preposition of place, and that no one calls by
    an honorific or quotes: a place ("through Calden Quay")."""
    return any(m.label == "PERSON" for m in ms) and any(m.label in ("GPE", "LOC", "FAC", "ORG") for m in ms) \
        and any(m.preceded_by in _PLACE_ONLY_PREPOSITIONS for m in ms) \
        and not any(m.honorific or m.speaks for m in ms)


def people_read_as_bodies(groups: dict[str, list[Mention]]) -> None:
    """'Dario Benn' tagged a person once and an organisation twice, in a
    story that writes "Benn" alone as a person: a full name whose surname
    the story uses for a person, and which the tagger called a person at
    least once, is a person (no telling ending such as "Group")."""
    lone_people = {key for key, ms in groups.items() if len(key.split()) == 1
                   and sum(m.label == "PERSON" for m in ms) * 2 > len(ms)}
    for key, ms in groups.items():
        words = key.split()
        if not 2 <= len(words) <= 3 or words[-1] not in lone_people or not any(m.label == "PERSON" for m in ms) \
                or any(suffix_label(m.surface) for m in ms) or not all(w[:1].isupper() for w in ms[0].surface.split()):
            continue
        for m in ms:
            if m.label == "ORG":
                m.label = "PERSON"


def bodies_read_as_people(groups: dict[str, list[Mention]], articles: list[Article]) -> list[tuple[str, str]]:
    """A "person" the text writes with a body's role right after its name, no
    comma between ("Calmark Transit chief executive Ana Ruiz", "Calmark
    boss"), is an organisation, whatever the tagger said; so is its first word
    alone ("Calmark"), a "person" too. Never a name written with an honorific.
    Returns the (name key, first word key) pairs that are one body."""
    reach = 1 + max((len(m.surface) for ms in groups.values() for m in ms), default=0)
    before = [a.text[max(0, role.start() - reach):role.start()]
              for a in articles if not a.off_topic for role in _ROLE_AFTER.finditer(a.text)]
    firsts: list[tuple[str, str]] = []
    for key, ms in list(groups.items()):
        people = [m for m in ms if m.label == "PERSON"]
        if not people or any(m.honorific for m in ms) \
                or not any(_ends_with_name(text, m.surface) for text in before for m in people):
            continue
        for m in people:
            m.label = "ORG"
        first = key.split()[0]
        if first != key and first in groups and not any(m.honorific for m in groups[first]) \
                and all(m.label in ("PERSON", "ORG") for m in groups[first]):
            for m in groups[first]:
                m.label = "ORG"
            firsts.append((key, first))
    return firsts


def _ends_with_name(text: str, name: str) -> bool:
    """Whether ``text`` ends with ``name`` as whole words."""
    return text.endswith(name) and (len(text) == len(name) or not re.match(r"\w", text[-len(name) - 1]))


def people_tagged_as_organisations(mentions: list[Mention]) -> None:
    """'Lim Wei Jie' tagged ORG in a story that writes "Mr Lim": a short
    capitalised name that starts or ends with a name written with an honorific
    is a person."""
    honoured = {skeleton(m.surface) for m in mentions
                if m.honorific and m.label == "PERSON" and len(m.surface.split()) == 1}
    for m in mentions:
        words = m.surface.split()
        if m.label != "ORG" or not 2 <= len(words) <= 5 or suffix_label(m.surface) \
                or not all(w[:1].isupper() for w in words):
            continue
        titled = False
        while len(words) > 2 and is_title(words[0], PERSON_TITLES | JOB_TITLES):
            words, titled = words[1:], True
        # "Chief Inspector Ana Ruiz" tagged ORG: a title, then a name of
        # two or three words that no body word ends
        named = titled and len(words) <= 3 and not any(fold(w) in INSTITUTION_WORDS for w in words)
        if named or skeleton(words[0]) in honoured or skeleton(words[-1]) in honoured:
            m.surface, m.label = " ".join(words), "PERSON"


def titled_known_people(mentions: list[Mention]) -> None:
    """Titles in front of a person of the same story, whatever the label:
    "Captain Okafor" and "Dr Okafor" are Ruth Okafor, "SM Varek" is Varek Li Wen
    (a family name first), "ACP Dara Imrie" is Dara Imrie. Titles are the
    lexicon's, short all-caps abbreviations and portfolio words
    (:func:`newsfold.nlp.names.title_before_name`)."""
    full = {fold(m.surface) for m in mentions if m.label == "PERSON" and len(m.surface.split()) >= 2}
    known_words = {skeleton(w) for name in full for w in (name.split()[0], name.split()[-1])}
    for m in mentions:
        words = m.surface.split()
        if m.label == "NORP" or _is_tie(m) or len(words) < 2 or suffix_label(m.surface):
            continue
        for i in range(1, len(words)):
            if not _title_word(words[i - 1]):
                break
            rest = words[i:]
            if fold(" ".join(rest)) in full \
                    or len(rest) == 1 and rest[0][:1].isupper() and skeleton(rest[0]) in known_words:
                m.surface, m.label = " ".join(rest), "PERSON"
                break


def _title_word(word: str) -> bool:
    """A word of a title written before a name ("Minister for Coastal Affairs")."""
    return title_before_name(word) or fold(word) in PORTFOLIO_WORDS or word in ("for", "of", "and")
