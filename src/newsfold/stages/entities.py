"""Entities: spaCy NER mentions folded into one canonical entity each.

Stage contract: ``find_entities(articles, docs) -> list[Entity]``.

Reads ``article.text``, ``article.removed`` (mentions inside removed spans are
skipped), ``article.off_topic`` (off-topic sources are skipped) and the spaCy
``Doc`` of each article (entity offsets are text offsets). Adds nothing to the
articles; returns canonical entities, most widely reported first.

How mentions become entities, in order:

1. *Clean*: drop numeric/date labels and junk (no letters, no capital, handles,
   URLs); strip a leading determiner ("the"), a possessive ('s / ’s) and, for
   people, leading titles ("Prime Minister", "Adm.", "Maj.-Gen."). A title in
   front of a name inside a mislabelled entity ("Kosovo PM Kurti") makes the
   rest a PERSON; a job title alone ("Harbor Master", "President") is no
   entity. A name ending in a facility or organisation word ("... Bridge",
   "... Authority") takes that type whatever spaCy said. An all-caps word in a
   dateline ("PORT CALDEN, March 11 -") joins the entity its mixed-case form
   names, else it is dropped; a one-word "person" that only ever follows a
   place preposition ("sailing to Rotterdam") and never speaks is a place.
2. *Same folded string*: mentions whose accent-folded form is equal are one
   entity whatever label spaCy gave each one (the majority label wins).
3. *Transliteration*: equal transliteration skeletons (ch/č→c, x→ks, w→v...)
   merge; two full names of people merge when their surnames agree and their
   first names are near-identical skeletons (Aleksandar / Alexander); with all
   given names shared ("Noor Mohammad Fayez / Faiz") a near surname is enough;
   a full name with one stray capitalised word in front ("Youth Edwin Tong")
   is that name. Different first names never merge. Long place and
   organisation names that differ only in vowels merge (Mazar-i-Sharif /
   Mazar-e-Sharif); a hyphenated name the tagger cut ("Mazar") is read whole.
4. *Surname only*: a one-word mention joins the full-name person with that
   surname only when exactly one such person is in the story; when no full
   name ends with it, the one full name that starts with it ("Mr Foo" =
   Foo Ho Chew, family name first).
5. *Acronyms*: an acronym joins a full name only when the text ties them
   ("Full Name (ACR)", "ACR (Full Name)", "Full Name, ACR,") and the letters fit
   the words; a short list of universal short forms (U.S., U.N., EU, UK) joins
   its long form when both occur.

``canonical_lookup`` maps any surface name to the canonical name the same way,
for stages (quotes) that hold the entity list.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Callable, Iterable

from rapidfuzz.distance import Indel

from ..model import Article, Entity
from ..nlp.text import plain as plain_letters

LABELS = {
    "PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "NORP": "NORP",
    "EVENT": "EVENT", "FAC": "FAC",
    "WORK_OF_ART": "OTHER", "LAW": "OTHER", "PRODUCT": "OTHER", "LANGUAGE": "OTHER",
}
# Break majority-label ties in this order.
LABEL_PRIORITY = ["GPE", "ORG", "PERSON", "LOC", "NORP", "FAC", "EVENT", "OTHER"]

# Words in front of a person's name that are not part of it.
PERSON_TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "gen", "general", "lt", "lieutenant", "col", "colonel", "maj", "major", "capt",
    "captain", "adm", "admiral", "sgt", "sergeant", "cmdr", "commander", "brig",
    "brigadier", "president", "vice", "pm", "premier", "prime", "minister", "chancellor",
    "secretary", "sec", "sen", "senator", "rep", "representative", "gov", "governor",
    "mayor", "king", "queen", "prince", "princess", "pope", "sheikh", "emir", "ayatollah",
    "chief", "justice", "judge", "ambassador", "spokesman", "spokeswoman",
    "spokesperson", "deputy", "foreign", "defence", "defense", "interior", "finance",
    "chairman", "chairwoman", "chair", "ceo", "director", "envoy", "rev", "father",
    "st", "coach", "officer", "inspector", "superintendent", "lawyer", "attorney",
    "counsel", "prosecutor", "dpp", "assistant", "associate", "constable", "commissioner",
}
HONORIFICS = {"mr", "mrs", "ms", "miss", "mdm", "madam", "dr"}
# "…,” Said Ong": a speech verb the tagger took into the name that follows it
LEADING_SPEECH_VERBS = frozenset({"said", "says", "added", "told"})
# The end of a portfolio or office the tagger took into a name: "Minister for
# Culture, Community and Youth Edwin Tong", "Member of Parliament Louis Ng",
# "Leader of the Opposition Pritam Singh". Dropped when a two-word name remains.
PORTFOLIO_WORDS = {
    "parliament", "opposition", "youth", "development", "affairs", "health", "education",
    "culture", "community", "transport", "trade", "industry", "manpower", "law", "state",
    "home", "environment", "sustainability", "communications", "information", "digital",
    "social", "family", "families", "sport", "sports", "labour", "labor", "energy",
    "agriculture", "tourism", "security", "works", "housing", "welfare", "infrastructure",
}
# The subset that cannot start an organisation or place name ("General Motors"),
# so it may turn a mislabelled entity into a person.
STRONG_TITLES = {
    "mr", "mrs", "ms", "dr", "prof", "adm", "gen", "maj", "lt", "col", "capt", "sgt",
    "pm", "president", "minister", "chancellor", "premier", "senator", "sen",
    "secretary-general", "spokesperson", "spokesman", "spokeswoman", "ambassador",
    "mayor", "governor", "gov", "ceo", "chairman", "chairwoman",
}
# Two-word job titles ("Harbor Master Tomas Reyes"); matched as one title word.
TITLE_PHRASES = {
    ("harbor", "master"), ("harbour", "master"), ("prime", "minister"), ("secretary", "general"),
    ("foreign", "minister"), ("defence", "minister"), ("defense", "minister"),
    ("police", "chief"), ("fire", "chief"), ("army", "chief"), ("chief", "executive"),
    ("port", "captain"), ("vice", "president"), ("deputy", "mayor"), ("deputy", "minister"),
}
# Job titles that also start organisation or place names ("General Motors",
# "Captain Cook"): they make a person of a mislabelled entity only before a
# full name (two or more capitalised words) that is not an organisation name.
WEAK_TITLES = {
    "general", "captain", "chief", "judge", "commander", "director", "admiral", "colonel",
    "major", "lieutenant", "sergeant", "inspector", "superintendent", "justice", "officer",
    "king", "queen", "prince", "princess", "pope", "coach",
}
# Job titles: alone they are no entity, whatever spaCy labelled them.
JOB_TITLES = STRONG_TITLES | WEAK_TITLES | {
    "mayor", "governor", "chairman", "chairwoman", "chair", "ceo", "envoy", "secretary",
    "spokeswoman", "deputy", "chancellor", "representative",
}
# A name's last word says what kind of thing it is ("Calden Harbor Bridge").
SUFFIX_LABELS = {
    **dict.fromkeys(("bridge", "tunnel", "airport", "port", "station", "hospital", "stadium",
                     "pier", "terminal"), "FAC"),
    **dict.fromkeys(("authority", "agency", "ministry", "lines", "press", "guard", "council",
                     "company", "group", "foundation", "trust", "institute", "university",
                     "association", "commission", "committee", "corporation", "party"), "ORG"),
}
PLACE_PREPOSITIONS = {"to", "from", "in", "at", "near"}
SPEECH_VERBS = {"say", "says", "said", "saying", "tell", "tells", "told", "add", "adds", "added",
                "announce", "announces", "announced", "state", "states", "stated", "warn",
                "warns", "warned", "write", "writes", "wrote", "tweet", "tweets", "tweeted",
                "confirm", "confirms", "confirmed", "deny", "denies", "denied", "insist",
                "insists", "insisted", "argue", "argues", "argued", "claim", "claims",
                "claimed", "note", "notes", "noted", "explain", "explains", "explained",
                "ask", "asks", "asked", "urge", "urges", "urged"}
LEADING_DETERMINERS = {"the", "a", "an", "both", "all", "this", "that", "these", "those"}
LOCATIVE_PREPOSITIONS = {"in", "at", "near", "from", "into", "across", "outside", "inside",
                         "around", "through", "to"}
# Universal short forms; joined only when both forms occur in the story.
COMMON_SHORT_FORMS = {
    "us": "united states", "usa": "united states", "uk": "united kingdom",
    "un": "united nations", "eu": "european union", "britain": "united kingdom",
}
_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")
_SKELETON_RULES = [("tch", "c"), ("ch", "c"), ("sh", "s"), ("zh", "z"), ("kh", "h"),
                   ("x", "ks"), ("ph", "f"), ("w", "v"), ("y", "i"), ("ck", "k"), ("q", "k")]


def fold(name: str) -> str:
    """Accent-free lower-case form: 'Vučić’s' -> "vucic's", 'U.S.' -> 'us'."""
    plain = plain_letters(name).replace(".", "")
    plain = re.sub(r"[^\w' ]+", " ", plain)
    return " ".join(plain.split())


def skeleton(name: str) -> str:
    """A transliteration-blind form: 'Aleksandar' and 'Alexander' come close."""
    out = fold(name).replace("'", "")
    for old, new in _SKELETON_RULES:
        out = out.replace(old, new)
    return re.sub(r"(\w)\1+", r"\1", out)


def _similar(a: str, b: str, floor: float) -> bool:
    return a == b or Indel.normalized_similarity(a, b) >= floor


def clean_name(text: str, label: str = "PERSON") -> tuple[str, str] | None:
    """Strip determiners, possessives and titles; return (name, label) or None for junk."""
    text = " ".join(text.split()).strip(" ,;:—–-\"“”'‘")
    text = _POSSESSIVE.sub("", text).strip()
    words = text.split(" ")
    while len(words) > 1 and words[0].lower() in LEADING_DETERMINERS:
        words.pop(0)
    if label == "PERSON":
        if len(words) > 1 and words[0].lower() in LEADING_SPEECH_VERBS:
            words = words[1:]  # "Said Ong": the speech verb tagged into the name
        while len(words) > 1 and _is_title(words[0], PERSON_TITLES) \
                or len(words) > 2 and words[0].lower() in PORTFOLIO_WORDS:
            words.pop(0)
        if len(words) == 1 and _is_title(words[0], PERSON_TITLES):
            return None  # a title alone ("Maj.-Gen")
    if _only_titles(words):
        return None  # a job title alone ("Harbor Master", "Prime Minister")
    # a strong title inside: what follows is the person ("Italian Defense Minister X")
    ends = [end for i in range(len(words) - 1)
            if (end := _title_end(words, i, STRONG_TITLES, phrases=True)) is not None
            and end < len(words) - 1]
    if ends:
        rest = words[max(ends) + 1:]
        if rest and all(w[:1].isupper() for w in rest) and not suffix_label(" ".join(rest)):
            words, label = rest, "PERSON"
    elif label != "PERSON" and len(words) >= 3 and _is_title(words[0], WEAK_TITLES):
        rest = words[1:]  # "Captain Ruth Okafor", not "General Motors" nor "General Dynamics Group"
        if all(w[:1].isupper() for w in rest) and not suffix_label(" ".join(rest)):
            words, label = rest, "PERSON"
    name = " ".join(words)
    if not words or not re.search(r"[^\W\d_]", name) or not any(c.isupper() for c in name):
        return None
    if any(mark in name for mark in ("@", "/", "http", "#")):
        return None
    return name, label


def _title_end(words: list[str], i: int, titles: set[str], phrases: bool = True) -> int | None:
    """Index of the last word of a title starting at ``words[i]``, or None."""
    if i < 0 or i >= len(words):
        return None
    if phrases and i + 1 < len(words) and \
            (words[i].lower().strip("."), words[i + 1].lower().strip(".")) in TITLE_PHRASES:
        return i + 1
    return i if _is_title(words[i], titles) else None


def _only_titles(words: list[str]) -> bool:
    i = 0
    while i < len(words):
        end = _title_end(words, i, JOB_TITLES)
        if end is None:
            return False
        i = end + 1
    return bool(words)


def suffix_label(name: str) -> str | None:
    """FAC or ORG when a name of two or more words ends in a telling word."""
    words = name.split()
    return SUFFIX_LABELS.get(fold(words[-1])) if len(words) >= 2 else None


def _is_title(word: str, titles: set[str]) -> bool:
    parts = [p for p in word.lower().split("-") if p]
    return bool(parts) and all(p.strip(".") in titles for p in parts) or word.lower() in titles


@dataclass
class _Mention:
    surface: str
    label: str
    source: str
    preceded_by: str = ""  # lower-cased word before the mention (locative check)
    start: int = -1
    end: int = -1
    speaks: bool = False  # the subject of a speech verb ("Reyes said")
    dateline: str | None = None  # the all-caps dateline place it stands in ("PORT CALDEN")
    honorific: bool = False  # written "Mr Foo", "Ms Koh": certainly a person


class _UnionFind:
    def __init__(self, keys: Iterable[str]):
        self.parent = {k: k for k in keys}

    def find(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def _key(surface: str, label: str) -> str:
    key = fold(surface)
    if label == "NORP" and len(key) > 4 and key.endswith("s"):
        key = key[:-1]  # Serbs / Serb, Albanians / Albanian
    return key


def _collect_mentions(articles: list[Article], docs) -> list[_Mention]:
    mentions: list[_Mention] = []
    for article in articles:
        doc = docs.get(article.id)
        if article.off_topic or doc is None:
            continue
        datelines = _datelines(article.text)
        for ent in doc.ents:
            label = LABELS.get(ent.label_)
            if label is None or article.is_removed(ent.start_char, ent.end_char):
                continue
            end_char = ent.end_char
            tail = _HYPHEN_TAIL.match(article.text, end_char)
            if tail is not None:  # "Mazar-i-Sharif": the tagger stopped at "Mazar"
                end_char = tail.end()
            cleaned = clean_name(article.text[ent.start_char:end_char], label)
            if cleaned is None:
                continue
            name, label = cleaned
            first = doc[ent.start]
            if label == "PERSON" and first.pos_ in ("ADJ", "VERB", "ADV") and name.startswith(first.text) \
                    and len(name.split()) >= 2:
                name = name[len(first.text):].strip()  # "Overjoyed Cubs": a word the tagger took in
            if label != "NORP":
                label = suffix_label(name) or label
            before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
            root = ent.root
            speaks = root.dep_ in ("nsubj", "nsubjpass") and root.head.lower_ in SPEECH_VERBS
            place = next((p for start, end, p in datelines
                          if start <= ent.start_char and ent.end_char <= end), None)
            if place is not None and not _all_caps(name):
                place = None
            honorific = before in HONORIFICS or fold(ent.text.split()[0]) in HONORIFICS
            mentions.append(_Mention(name, label, article.id, before,
                                     ent.start_char, end_char, speaks, place, honorific))
        mentions.extend(_acronym_mentions(article))
    return mentions


# A dateline: an all-caps place at the start of a paragraph, then a comma and a
# date, or an agency in brackets and a dash ("PORT CALDEN, March 11 (Press) -").
_DATELINE = re.compile(
    r"(?m)^[ \t]*(?P<place>[A-Z][A-Z.'’&-]+(?:[ \t]+[A-Z][A-Z.'’&-]+)*)"
    r"(?=(?:,[ \t]*[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})?"
    r"(?:,[ \t]*(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat"
    r"|Sun)[a-z]*\.?|\d{1,4})\b|[ \t]*(?:\([^)\n]{1,60}\)[ \t]*)?[-—–][ \t]))")


_HYPHEN_TAIL = re.compile(r"(?:-[^\W\d_]+)+(?![\w-])")


def _datelines(text: str) -> list[tuple[int, int, str]]:
    """(start, end, place) of every all-caps dateline place in ``text``."""
    return [(m.start("place"), m.end("place"), m.group("place")) for m in _DATELINE.finditer(text)]


def _all_caps(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _resolve_caps(mentions: list[_Mention]) -> list[_Mention]:
    """Dateline words join the entity their mixed-case form names, else go.

    "CALDEN" in "PORT CALDEN, March 11" becomes "Port Calden" (with that
    entity's label) when the story writes "Port Calden" elsewhere; an all-caps
    word anywhere takes the label of its mixed-case form.
    """
    mixed: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        if not m.label.startswith("ACRONYM-FULL:") and not _all_caps(m.surface):
            mixed[_key(m.surface, m.label)][(m.surface, m.label)] += 1
    out = []
    for m in mentions:
        if m.label.startswith("ACRONYM-FULL:") or not _all_caps(m.surface):
            out.append(m)
            continue
        forms = [m.dateline, m.surface] if m.dateline else [m.surface]
        known = next((mixed[fold(f)] for f in forms if fold(f) in mixed), None)
        if known:
            surface, _ = known.most_common(1)[0][0]
            label = _majority(Counter({lab: n for (_, lab), n in known.items()}))
            out.append(_Mention(surface, label, m.source, m.preceded_by, m.start, m.end, m.speaks))
        elif m.dateline is None:
            out.append(m)
    return out


def _places_read_as_people(groups: dict[str, list[_Mention]]) -> None:
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


def _people_tagged_as_organisations(mentions: list[_Mention]) -> None:
    """'Foo Ho Chew' tagged ORG in a story that writes "Mr Foo": a short
    capitalised name that starts or ends with a name written with an honorific
    is a person."""
    honoured = {skeleton(m.surface) for m in mentions
                if m.honorific and m.label == "PERSON" and len(m.surface.split()) == 1}
    if not honoured:
        return
    for m in mentions:
        words = m.surface.split()
        if m.label != "ORG" or not 2 <= len(words) <= 4 or suffix_label(m.surface) \
                or not all(w[:1].isupper() for w in words):
            continue
        while len(words) > 2 and _is_title(words[0], PERSON_TITLES | JOB_TITLES):
            words = words[1:]
        if skeleton(words[0]) in honoured or skeleton(words[-1]) in honoured:
            m.surface, m.label = " ".join(words), "PERSON"


def _titled_known_people(mentions: list[_Mention]) -> None:
    """"Captain Okafor" (labelled ORG) is the person Ruth Okafor of the same story."""
    surnames = {skeleton(m.surface.split()[-1]) for m in mentions
                if m.label == "PERSON" and len(m.surface.split()) >= 2}
    for m in mentions:
        words = m.surface.split()
        if m.label in ("PERSON", "NORP") or m.label.startswith("ACRONYM") or len(words) < 2:
            continue
        end = _title_end(words, 0, JOB_TITLES)
        rest = words[end + 1:] if end is not None else []
        if len(rest) == 1 and rest[0][:1].isupper() and skeleton(rest[0]) in surnames:
            m.surface, m.label = rest[0], "PERSON"


# --- acronyms -------------------------------------------------------------------

_ACRONYM = r"[A-Z][A-Za-z&]*[A-Z](?:\.[A-Z])*\.?"
_NAME = r"[A-Z][\w’'.-]*(?:\s+(?:of|and|for|the|de|du|des|del|la|le|on|in|[A-Z][\w’'.-]*))*"
_TIED_PATTERNS = [
    re.compile(rf"(?P<name>{_NAME})\s+\((?P<acr>{_ACRONYM})\)"),
    re.compile(rf"\b(?P<acr>{_ACRONYM})\s+\((?P<name>{_NAME})\)"),
    re.compile(rf"(?P<name>{_NAME}),\s+(?:known as\s+|or\s+)?(?P<acr>{_ACRONYM}),"),
]
_NAME_CONNECTORS = {"of", "and", "for", "the", "de", "du", "des", "del", "la", "le", "on", "in"}


def acronym_fits(acronym: str, words: list[str]) -> bool:
    """True when the letters of ``acronym`` spell the start letters of ``words``.

    Each letter starts the next significant word or continues the current word's
    prefix (KFOR = K-osovo FOR-ce); connectors (of, and...) may be skipped; one extra
    final letter is allowed for an unnamed last word when two or more words
    fit ("Operational Reserve (ORF)").
    """
    letters = [c.lower() for c in acronym if c.isalnum()]
    words = [w.lower() for w in words]
    if len(letters) < 2 or not words:
        return False

    def fits(i: int, j: int, k: int) -> bool:
        # i: next letter; j: current word (-1 before the first); k: next char in word j
        if i == len(letters):
            return all(w in _NAME_CONNECTORS for w in words[j + 1:])
        # continue the current word's prefix ("FOR" of "Force")
        if j >= 0 and k < len(words[j]) and words[j][k] == letters[i] and fits(i + 1, j, k + 1):
            return True
        # start the next word, optionally skipping connectors
        for nj in range(j + 1, len(words)):
            if words[nj][:1] == letters[i] and fits(i + 1, nj, 1):
                return True
            if words[nj] not in _NAME_CONNECTORS:
                break
        return False

    if fits(0, -1, 0):
        return True
    significant = [w for w in words if w not in _NAME_CONNECTORS]
    return (len(significant) >= 2 and len(letters) == len(significant) + 1
            and [w[0] for w in significant] == letters[:-1])


def _tied_acronyms(text: str) -> list[tuple[str, str, int, int]]:
    """(full name, acronym, start, end) for every acronym the text ties to a name."""
    found = []
    for pattern in _TIED_PATTERNS:
        for match in pattern.finditer(text):
            words = match.group("name").split()
            acronym = match.group("acr")
            # the shortest trailing run of words that the acronym fits
            for start in range(len(words) - 1, -1, -1):
                candidate = words[start:]
                if candidate[0].lower() in _NAME_CONNECTORS:
                    continue
                if acronym_fits(acronym, candidate):
                    found.append((" ".join(candidate), acronym.rstrip("."),
                                  match.start(), match.end()))
                    break
    return found


def _acronym_mentions(article: Article) -> list[_Mention]:
    """The acronym and full name as tied mentions (label ORG until votes say otherwise)."""
    out = []
    for name, acronym, start, end in _tied_acronyms(article.text):
        if article.is_removed(start, end):
            continue
        cleaned = clean_name(name, "ORG")
        if cleaned:
            out.append(_Mention(cleaned[0], "ACRONYM-FULL:" + acronym, article.id, "", start, end))
    return out


# --- merging --------------------------------------------------------------------


def _majority(labels: Counter) -> str:
    return max(labels, key=lambda lab: (labels[lab], -LABEL_PRIORITY.index(lab)))


def find_entities(articles: list[Article], docs) -> list[Entity]:
    """Canonical entities of the story, by number of sources then mentions."""
    mentions = _resolve_caps(_collect_mentions(articles, docs))
    _titled_known_people(mentions)
    _people_tagged_as_organisations(mentions)
    ties: list[tuple[str, str]] = []  # (full-name key, acronym key)
    groups: dict[str, list[_Mention]] = defaultdict(list)
    for mention in mentions:
        if mention.label.startswith("ACRONYM-FULL:"):
            acronym = mention.label.split(":", 1)[1]
            ties.append((fold(mention.surface), fold(acronym)))
            continue  # the tie is no mention of its own
        groups[_key(mention.surface, mention.label)].append(mention)
    # A tied full name or acronym that spaCy missed is still a mention (as ORG).
    for mention in mentions:
        if mention.label.startswith("ACRONYM-FULL:"):
            acronym = mention.label.split(":", 1)[1]
            for surface in (mention.surface, acronym):
                key = fold(surface)
                if not any(m.source == mention.source for m in groups.get(key, ())):
                    groups[key].append(_Mention(surface, "ORG", mention.source))

    _places_read_as_people(groups)
    labels = {key: _majority(Counter(m.label for m in ms)) for key, ms in groups.items()}
    person_votes = {key: sum(m.label == "PERSON" for m in ms) for key, ms in groups.items()}
    uf = _UnionFind(groups)

    by_skeleton: dict[str, str] = {}
    for key in groups:
        other = by_skeleton.setdefault(skeleton(key), key)
        uf.union(other, key)

    # "Mazar-i-Sharif" / "Mazar-e-Sharif": long place or organisation names
    # that differ only in vowels
    long_names = sorted(k for k in groups if labels[k] != "PERSON" and len(k.replace(" ", "")) >= 10)
    by_consonants: dict[str, list[str]] = defaultdict(list)
    for key in long_names:
        by_consonants[_consonants(key)].append(key)
    for keys in by_consonants.values():
        for other in keys[1:]:
            if _similar(skeleton(keys[0]), skeleton(other), 0.85):
                uf.union(keys[0], other)

    full_people = [k for k in groups if labels[k] == "PERSON" and len(k.split()) >= 2]
    for i, a in enumerate(full_people):
        for b in full_people[i + 1:]:
            if _same_person(a, b):
                uf.union(a, b)

    for key, ms in groups.items():
        if len(key.split()) != 1 or not _may_be_person(ms, person_votes[key]):
            continue
        owners = {uf.find(p) for p in full_people
                  if _similar(skeleton(p.split()[-1]), skeleton(key), 0.9)}
        if not owners:
            # name orders where the family name comes first ("Mr Foo" is Foo
            # Ho Chew) or the given name is used ("Mr Zdulfika"): the first
            # word, when no full name ends with it
            owners = {uf.find(p) for p in full_people if skeleton(p.split()[0]) == skeleton(key)}
        if len(owners) == 1:
            uf.union(owners.pop(), key)

    for full, acronym in ties:
        uf.union(full, acronym)
    for short, long in COMMON_SHORT_FORMS.items():
        if short in groups and long in groups:
            uf.union(long, short)

    clusters: dict[str, list[str]] = defaultdict(list)
    for key in groups:
        clusters[uf.find(key)].append(key)
    _sweep_missed_mentions(articles, clusters, groups, full_people)
    entities = [_entity(keys, groups, full_people) for keys in clusters.values()]
    order = {a.id: i for i, a in enumerate(articles)}
    for entity in entities:
        entity.sources.sort(key=lambda s: order.get(s, len(order)))
    entities.sort(key=lambda e: (-len(e.sources), -e.mentions, e.name))
    return entities


def _sweep_missed_mentions(articles, clusters, groups, full_people) -> None:
    """Count exact occurrences of known names that the NER model missed.

    spaCy tags a name in one sentence and misses it in the next; an exact,
    case-sensitive, whole-word occurrence of a surface form already seen (or of
    the surname of a full-name person) is a mention too. A form shared by two
    entities is not swept.
    """
    owner: dict[str, str] = {}
    shared: set[str] = set()
    for root, keys in clusters.items():
        for key in keys:
            for m in groups[key]:
                forms = [m.surface]
                if key in full_people:
                    forms.append(m.surface.split()[-1])
                for form in forms:
                    if owner.setdefault(form, root) != root:
                        shared.add(form)
    surfaces = sorted((s for s in owner if s not in shared and len(s) >= 3),
                      key=len, reverse=True)
    if not surfaces:
        return
    pattern = re.compile(r"(?<![\w@#-])(?:" + "|".join(map(re.escape, surfaces)) + r")(?![\w-])")
    for article in articles:
        if article.off_topic:
            continue
        taken = sorted((m.start, m.end) for keys in clusters.values() for k in keys
                       for m in groups[k] if m.source == article.id and m.start >= 0)
        for match in pattern.finditer(article.text):
            start, end = match.span()
            if article.is_removed(start, end) or any(s < end and start < e for s, e in taken):
                continue
            surface = match.group()
            root = owner[surface]
            groups.setdefault(root, [])
            groups[root].append(_Mention(surface, "_SWEPT", article.id, "", start, end))
            taken.append((start, end))


def _same_person(a: str, b: str) -> bool:
    """Two full names are one person: same surname, near-same first name (or initial)."""
    wa, wb = a.split(), b.split()
    shorter, longer = sorted((wa, wb), key=len)
    if len(shorter) >= 2 and longer[-len(shorter):] == shorter and len(longer) - len(shorter) == 1 \
            and len(longer[0]) > 2:
        return True  # "Youth Edwin Tong": a stray capitalised word before the same name
    # all given names shared ("Noor Mohammad"): a near surname is a spelling variant
    floor = 0.8 if len(wa) == len(wb) >= 3 and wa[:-1] == wb[:-1] else 0.9
    if not _similar(skeleton(wa[-1]), skeleton(wb[-1]), floor):
        return False
    fa, fb = skeleton(wa[0]), skeleton(wb[0])
    if len(fa) == 1 or len(fb) == 1:
        return fa[0] == fb[0]
    return _similar(fa, fb, 0.85)


def _consonants(name: str) -> str:
    """The name's consonants and digits only: vowel spelling variants agree."""
    return re.sub(r"[aeiouy' ]", "", skeleton(name))


def _may_be_person(ms: list[_Mention], person_votes: int) -> bool:
    """A one-word mention may be a surname unless it only ever reads as a place."""
    if person_votes:
        return True
    return not any(m.label in ("GPE", "LOC", "FAC") and m.preceded_by in LOCATIVE_PREPOSITIONS
                   for m in ms)


def _entity(keys: list[str], groups: dict[str, list[_Mention]], full_people) -> Entity:
    members = [m for k in keys for m in groups[k]]
    votes = Counter(m.label for m in members if m.label != "_SWEPT")
    label = "PERSON" if any(k in full_people for k in keys) else _majority(votes)
    # Most complete form: most words, then the most-mentioned folded form, then a
    # form written with its diacritics, then the most frequent spelling.
    by_key: dict[str, Counter] = defaultdict(Counter)
    for m in members:
        surface = m.surface
        if label == "PERSON":  # a mention read as an organisation kept its office words
            cleaned = clean_name(surface, "PERSON")
            surface = cleaned[0] if cleaned else surface
        by_key[fold(surface)][surface] += 1
    candidates = list(by_key)
    if label == "PERSON":
        # "MVP Ben Zobrist", "Youth Edwin Tong": a stray word in front of a full
        # name the story also writes alone is not part of the name
        def stray(key: str) -> bool:
            words = key.split()
            return len(words) >= 3 and " ".join(words[1:]) in by_key
        candidates = [k for k in candidates if not stray(k)] or candidates
    best_key = max(candidates, key=lambda k: (len(k.split()), sum(by_key[k].values()), k))
    spellings = by_key[best_key]
    name = max(spellings, key=lambda s: (any(ord(c) > 127 for c in s), spellings[s], s))
    aliases = sorted({m.surface for m in members} | {name}, key=lambda s: (s != name, s))
    sources = list(dict.fromkeys(m.source for m in members))
    return Entity(name=name, type=label, aliases=aliases, sources=sources, mentions=len(members))


def canonical_lookup(entities: list[Entity]) -> Callable[[str], str | None]:
    """A function mapping any surface name to its entity's canonical name, or None.

    Matches, in order: the folded form of any alias; its transliteration
    skeleton; for one word, the surname of exactly one person; for a full name,
    a person with the same surname and a near-same first name.
    """
    by_fold: dict[str, str] = {}
    by_skeleton: dict[str, set[str]] = defaultdict(set)
    by_surname: dict[str, set[str]] = defaultdict(set)
    people: list[tuple[str, str]] = []
    for entity in entities:
        for alias in [entity.name, *entity.aliases]:
            by_fold.setdefault(fold(alias), entity.name)
            by_skeleton[skeleton(alias)].add(entity.name)
            if entity.type == "PERSON" and len(alias.split()) >= 2:
                by_surname[skeleton(alias.split()[-1])].add(entity.name)
                people.append((fold(alias), entity.name))

    def lookup(surface: str) -> str | None:
        cleaned = clean_name(surface, "PERSON")
        if cleaned is None:
            return None
        name = cleaned[0]
        key = fold(name)
        if key in by_fold:
            return by_fold[key]
        if len(by_skeleton.get(skeleton(name), ())) == 1:
            return next(iter(by_skeleton[skeleton(name)]))
        if len(key.split()) == 1:
            owners = by_surname.get(skeleton(name), set())
            return next(iter(owners)) if len(owners) == 1 else None
        owners = {canonical for alias, canonical in people if _same_person(alias, key)}
        return owners.pop() if len(owners) == 1 else None

    return lookup
