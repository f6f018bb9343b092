"""find_entities: mentions grouped by folded form, then merged by name rules."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from ...context import StoryContext
from ...model import Article, Entity
from ...nlp.lexicon import LEGAL_FORMS, NAME_PARTICLES, STOPWORDS
from ...nlp.names import clean_name, fold, same_person, similar, skeleton, suffix_label
from .acronyms import initials
from .mentions import (
    bodies_read_as_people,
    ACRONYM_TIE,
    ALIAS_TIE,
    Mention,
    collect_mentions,
    majority,
    mention_key,
    people_read_as_bodies,
    people_tagged_as_organisations,
    places_read_as_people,
    resolve_caps,
    titled_known_people,
)
from .owners import leading_owner, nearest_owner
from .organisations import (
    merge_first_word_short_forms,
    merge_owner_short_forms,
    merge_inverted_heads,
    merge_legal_forms,
    merge_spelled_short_forms,
    merge_translated_generics,
)
from .spellings import add_longer_forms, merge_divisions, merge_plural_spellings
from .sweep import add_honoured_people, add_untagged_facilities, sweep_missed_mentions

LOCATIVE_PREPOSITIONS = {"in", "at", "near", "from", "into", "across", "outside", "inside",
                         "around", "through", "to"}
# Universal short forms of countries, unions and big cities (written in news of
# any place) that are not their initials ("KL", "HK" are: the initials rule joins
# them); joined only when both forms occur in the story.
COMMON_SHORT_FORMS = {
    "us": ("united states",), "usa": ("united states",), "uk": ("united kingdom",),
    "un": ("united nations",), "eu": ("european union",), "britain": ("united kingdom",),
    "nyc": ("new york city", "new york"), "dc": ("washington dc", "washington d c"),
    "philly": ("philadelphia",), "vegas": ("las vegas",), "rio": ("rio de janeiro",),
    "cdmx": ("mexico city",), "joburg": ("johannesburg",), "jozi": ("johannesburg",),
    "st petersburg": ("saint petersburg",), "petersburg": ("saint petersburg",),
}

Groups = dict[str, list[Mention]]  # folded key -> its mentions


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


def find_entities(ctx: StoryContext) -> list[Entity]:
    """Canonical entities of the story, by number of sources then mentions.

    Reads ``ctx.articles`` and ``ctx.docs``; returns the entities (see the
    package docstring for the rules, in order).
    """
    mentions = resolve_caps(collect_mentions(ctx.articles, ctx.docs))
    titled_known_people(mentions)
    people_tagged_as_organisations(mentions)
    groups, ties, alternates = _group_mentions(mentions)
    places_read_as_people(groups)
    people_read_as_bodies(groups)
    firsts = bodies_read_as_people(groups, ctx.articles)
    add_honoured_people(ctx.articles, groups)
    labels = {key: majority(Counter(m.label for m in ms)) for key, ms in groups.items()}
    full_people = [k for k in groups if labels[k] == "PERSON" and len(k.split()) >= 2 and not _one_word(groups[k])]
    _untagged_acronyms(ctx.articles, groups, labels)
    add_longer_forms(ctx.articles, groups, labels)
    add_untagged_facilities(ctx.articles, groups, labels)
    clusters = _merge(groups, labels, full_people, ties, firsts)
    sweep_missed_mentions(ctx.articles, clusters, groups, full_people)
    entities = [_entity(keys, groups, full_people, alternates) for keys in clusters.values()]
    order = {a.id: i for i, a in enumerate(ctx.articles)}
    for entity in entities:
        entity.sources.sort(key=lambda s: order.get(s, len(order)))
    entities.sort(key=lambda e: (-len(e.sources), -e.mentions, e.name))
    return entities


def _group_mentions(mentions: list[Mention]) -> tuple[Groups, list[tuple[str, str]], set[str]]:
    """Mentions by folded key, the (name key, acronym or alternate key) ties,
    and the keys of the alternate names ("known in older maps as X")."""
    ties: list[tuple[str, str]] = []
    alternates: set[str] = set()
    groups: Groups = defaultdict(list)
    tied: list[tuple[Mention, str, str]] = []  # (tie, the other name, the label of a missed mention)
    for mention in mentions:
        if mention.label.startswith(ACRONYM_TIE):
            tied.append((mention, mention.label.split(":", 1)[1], "ORG"))
        elif mention.label.startswith(ALIAS_TIE):
            label, other = mention.label[len(ALIAS_TIE):].split(":", 1)
            # "X Ferries (formerly Y Shipping Company)": a telling ending beats the tagger
            tied.append((mention, other, suffix_label(other) or suffix_label(mention.surface) or label))
        else:
            groups[mention_key(mention.surface, mention.label)].append(mention)
    # A tied name that the tagger missed is still a mention (an acronym as ORG,
    # an alternate name with the label of the name it is given for).
    for mention, other, label in tied:
        ties.append((fold(mention.surface), fold(other)))
        for surface in (mention.surface, other):
            key = fold(surface)
            if not any(m.source == mention.source for m in groups.get(key, ())):
                groups[key].append(Mention(surface, label, mention.source))
        if mention.label.startswith(ALIAS_TIE):
            alternates.add(fold(other))
            if label != "PERSON":
                for m in groups[fold(other)] + groups[fold(mention.surface)]:
                    m.label = label  # "the town, known as Brennholtz": a town, whatever the tagger said
    return groups, ties, alternates


def _merge(groups: Groups, labels: dict[str, str], full_people: list[str],
           ties: list[tuple[str, str]], firsts: list[tuple[str, str]]) -> dict[str, list[str]]:
    """Root key -> the keys of one entity, merged by the rules in order."""
    uf = _UnionFind(groups)
    _merge_spellings(uf, groups, labels)
    merge_plural_spellings(uf, groups, labels)
    merge_divisions(uf, groups, labels)
    for i, a in enumerate(full_people):
        for b in full_people[i + 1:]:
            if same_person(a, b):
                uf.union(a, b)
    _merge_name_starts(uf, full_people)
    _merge_surnames(uf, groups, full_people)
    for full, acronym in consistent_ties(ties):
        uf.union(full, acronym)
    for body, first in firsts:  # "Calmark" of "Calmark Transit", both read as people by the tagger
        uf.union(body, first)
    for short, longs in COMMON_SHORT_FORMS.items():
        long = next((name for name in longs if name in groups), None)
        if short in groups and long is not None:
            uf.union(long, short)
    _merge_initials(uf, groups, labels)
    _merge_short_forms(uf, groups, labels)
    merge_legal_forms(uf, groups, labels)
    merge_inverted_heads(uf, groups, labels)
    merge_translated_generics(uf, groups, labels)
    merge_spelled_short_forms(uf, groups, labels)
    merge_first_word_short_forms(uf, groups, labels)
    merge_owner_short_forms(uf, groups, labels)
    clusters: dict[str, list[str]] = defaultdict(list)
    for key in groups:
        clusters[uf.find(key)].append(key)
    return clusters


def _merge_spellings(uf: _UnionFind, groups: Groups, labels: dict[str, str]) -> None:
    """Equal transliteration skeletons; long non-person names that differ only in vowels."""
    by_skeleton: dict[str, str] = {}
    for key in groups:
        other = by_skeleton.setdefault(skeleton(key), key)
        uf.union(other, key)
    # "Dar-i-Valon" / "Dar-e-Valon": long place or organisation names
    # that differ only in vowels
    long_names = sorted(k for k in groups if labels[k] != "PERSON" and len(k.replace(" ", "")) >= 10)
    by_consonants: dict[str, list[str]] = defaultdict(list)
    for key in long_names:
        by_consonants[_consonants(key)].append(key)
    for keys in by_consonants.values():
        for other in keys[1:]:
            if similar(skeleton(keys[0]), skeleton(other), 0.85):
                uf.union(keys[0], other)


def _merge_short_forms(uf: _UnionFind, groups: Groups, labels: dict[str, str]) -> None:
    """Short forms of one longer non-person name of the story: its first and
    last words with some words between left out ("Harbor Board" of "Harbor
    and Transit Board"), or one word that runs the starts of its first words
    together ("PortMarine" of "Portland Marine Group"). A short form that fits two
    names joins neither."""
    long_names = [k for k in groups if labels[k] != "PERSON" and len(k.split()) >= 3]
    for key, ms in groups.items():
        words = key.split()
        if labels[key] == "PERSON" and len(words) > 1:
            continue
        if len(words) >= 2:
            owners = {uf.find(k) for k in long_names if _skips_words(words, k.split())}
        else:
            parts = _camel_parts(ms[0].surface)
            owners = {uf.find(k) for k in groups if labels[k] != "PERSON" and k != key
                      and _runs_starts(parts, k.split())} if len(parts) >= 2 else set()
        if len(owners) == 1:
            uf.union(owners.pop(), key)


def _skips_words(short: list[str], long: list[str]) -> bool:
    """Whether ``short`` keeps the first and last words of the longer ``long``
    and, in order, only words of it."""
    if len(short) >= len(long) or short[0] != long[0] or short[-1] != long[-1] \
            or long.count(short[0]) > 1 or long.count(short[-1]) > 1:
        return False  # not a list of two names ("Ministry of Health, Ministry of Education")
    rest = iter(long[1:-1])
    return all(word in rest for word in short[1:-1])


def _camel_parts(surface: str) -> list[str]:
    """'PortMarine' -> ['port', 'marine']; a word without inner capitals -> [it]."""
    if not surface.isalpha() or surface.isupper():
        return [surface.lower()]
    return [part.lower() for part in re.findall(r"[A-Z][a-z]+", surface)] \
        if re.fullmatch(r"(?:[A-Z][a-z]+){2,}", surface) else [surface.lower()]


def _runs_starts(parts: list[str], words: list[str]) -> bool:
    """Whether each part starts the next word of ``words`` from its first
    ("port", "marine" of "portland marine group"), one or two words left over."""
    return len(words) > len(parts) - 1 and len(words) - len(parts) <= 2 \
        and all(word.startswith(part) for part, word in zip(parts, words))


def _merge_name_starts(uf: _UnionFind, full_people: list[str]) -> None:
    """'Tomas Arvid' joins 'Tomas Arvid Lindqvist': a person's name
    of two words or more that starts exactly one longer person's name."""
    for short in full_people:
        words = short.split()
        owners = {uf.find(k) for k in full_people
                  if len(k.split()) > len(words) and k.split()[:len(words)] == words}
        if len(owners) == 1:
            uf.union(owners.pop(), short)


def _merge_surnames(uf: _UnionFind, groups: Groups, full_people: list[str]) -> None:
    """A one-word mention joins the one full-name person it ends (or starts)."""
    for key, ms in groups.items():
        person_votes = sum(m.label == "PERSON" for m in ms)
        size = len(key.split())  # "Okonjo-Barth" folds to two words, written as one
        if not (size == 1 or _one_word(ms)) or not _may_be_person(ms, person_votes):
            continue
        owners = {uf.find(p) for p in full_people if len(p.split()) > size
                  and similar(skeleton(" ".join(p.split()[-size:])), skeleton(key), 0.9)}
        # name orders where the family name comes first ("Mr Lim" is Lim Wei
        # Jie) or the given name is used: the first word, when no full name
        # ends with it; beside one that does, a rival owner when the name has
        # a family name's shape, three words or more ("pastors Lim Wei Jie and Ana Lim")
        owners |= {uf.find(p) for p in full_people if skeleton(p.split()[0]) == skeleton(key)
                   and (not owners or len(p.split()) >= 3)}
        if not owners and size == 1 and key not in NAME_PARTICLES:
            # a given name inside a longer name ("Rizal" of "Mohamad Rizal Mohamad Salim")
            owners = {uf.find(p) for p in full_people if len(p.split()) > 2
                      and skeleton(key) in {skeleton(w) for w in p.split()[1:-1]}}
        owner = owners.pop() if len(owners) == 1 else leading_owner(uf, groups, full_people, owners, ms) \
            or nearest_owner(uf, groups, full_people, owners, ms)
        if owner is not None:
            uf.union(owner, key)


def _one_word(ms: list[Mention]) -> bool:
    """Every mention is one written word, a hyphenated one ("Okonjo-Barth") too."""
    return all(len(m.surface.split()) == 1 for m in ms)


def consistent_ties(ties: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The (full name, short form) ties to keep: a short form tied to names
    that differ in a word ("the Maintenance of Crafts Act (MCA)" in one
    source, "the Maintenance of Coasts Act (MCA)" in another) stays with the
    name most ties give it (the first on a tie), so two laws or two bodies
    never merge through their shared initials. Names of one body keep theirs:
    spellings ("Networks & Expertise", "Network and Expertise"; "X Bhd",
    "X Berhad") and a name that holds the other's words ("US Department of
    Justice", "Department of Justice")."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for full, short in ties:
        counts[short][full] += 1
    # most_common keeps first-seen order among equal counts
    main_words = {short: _name_words(names.most_common(1)[0][0]) for short, names in counts.items()}
    kept = []
    for full, short in ties:
        words = _name_words(full)
        if words <= main_words[short] or main_words[short] <= words:
            kept.append((full, short))
    return kept


def _name_words(key: str) -> frozenset[str]:
    """A name's words without function words, legal forms or plural endings."""
    return frozenset(w.removesuffix("s") for w in re.findall(r"\w+", key) if w not in STOPWORDS | LEGAL_FORMS)


def _merge_initials(uf: _UnionFind, groups: Groups, labels: dict[str, str]) -> None:
    """An acronym written alone ("NH", "HTA") joins the one name of the story,
    not a person's, whose words' first letters it spells ("Nova Harbor")."""
    by_initials: dict[str, set[str]] = defaultdict(set)
    for key in groups:
        if labels[key] != "PERSON" and len(key.split()) >= 2:
            by_initials[initials(key)].add(key)
    for key, ms in groups.items():
        surface = ms[0].surface.replace(".", "")
        if labels[key] == "PERSON" or " " in surface or not 2 <= len(surface) <= 6 or not surface.isupper():
            continue
        owners = {uf.find(k) for k in by_initials.get(key, ())}
        if len(owners) == 1:
            uf.union(owners.pop(), key)


_CAPS_WORD = re.compile(r"(?<![\w@#.-])[A-Z]{2,6}(?![\w-])")


def _untagged_acronyms(articles: list[Article], groups: Groups, labels: dict[str, str]) -> None:
    """An all-caps word the tagger never marked ("NH" beside "Nova Harbor") is
    a mention when it spells the initials of exactly one multi-word name of the
    story that is not a person's; ``_merge_initials`` then joins the two. Not a
    word in capitals ("ON"), nor an abbreviation the texts also write in the
    plural ("MPs": a common noun's, not a body's), nor one inside a run of
    capitalised words ("Central MP Ana Ruiz")."""
    by_initials: dict[str, list[str]] = defaultdict(list)
    for key in groups:
        if labels[key] != "PERSON" and len(key.split()) >= 2:
            by_initials[initials(key)].append(key)
    texts = "\n".join(a.text for a in articles)
    plural: dict[str, bool] = {}
    for article in articles:
        if article.off_topic:
            continue
        for match in _CAPS_WORD.finditer(article.text):
            key = match.group().lower()
            owners = by_initials.get(key, [])
            if owners and match.group() not in plural:
                plural[match.group()] = re.search(rf"\b{match.group()}s\b", texts) is not None
            if key in STOPWORDS or plural.get(match.group()) or _in_name(article.text, *match.span()):
                continue
            if key in groups and not any(m.label == "_UNTAGGED" for m in groups[key]) or len(owners) != 1 \
                    or _boilerplate(article, *match.span()):
                continue
            if key not in groups:
                labels[key] = labels[owners[0]]
            groups[key].append(Mention(match.group(), "_UNTAGGED", article.id, "", *match.span()))


def _in_name(text: str, start: int, end: int) -> bool:
    """Whether a capitalised word stands right before or after [start, end):
    a title inside a name ("Central MP Ana Ruiz"), not an acronym alone."""
    before = re.search(r"([A-Z][\w'’-]*)[ \t]+$", text[max(0, start - 40):start])
    after = re.match(r"[ \t]+[A-Z][a-z]", text[end:end + 4])
    return before is not None or after is not None


def _boilerplate(article: Article, start: int, end: int) -> bool:
    """Whether [start, end) lies in removed text other than the source's title
    (a title is the source's own words: "NH brawl: three arrested")."""
    return any(r.start < end and start < r.end and r.reason != "title" for r in article.removed)


def _consonants(name: str) -> str:
    """The name's consonants and digits only: vowel spelling variants agree."""
    return re.sub(r"[aeiouy' ]", "", skeleton(name))


def _may_be_person(ms: list[Mention], person_votes: int) -> bool:
    """A one-word mention may be a surname unless it only ever reads as a place."""
    if person_votes:
        return True
    return not any(m.label in ("GPE", "LOC", "FAC") and m.preceded_by in LOCATIVE_PREPOSITIONS
                   for m in ms)


def _entity(keys: list[str], groups: Groups, full_people: list[str], alternates: set[str]) -> Entity:
    members = [m for k in keys for m in groups[k]]
    # a common short form with its long form ("Philly", "Philadelphia"): the tagger's label of the long form
    shorts = {k for k in keys if any(long in keys for long in COMMON_SHORT_FORMS.get(k, ()))}
    votes = Counter(m.label for k in keys if k not in shorts for m in groups[k]
                    if not m.label.startswith("_"))  # not "_SWEPT", "_UNTAGGED"
    label = "PERSON" if any(k in full_people for k in keys) else majority(votes) if votes else "ORG"
    # Most complete form: most words, then the most-mentioned folded form, then a
    # form written with its diacritics, then the most frequent spelling.
    by_key: dict[str, Counter] = defaultdict(Counter)
    for m in members:
        surface = m.surface
        if label == "PERSON":  # a mention read as an organisation kept its office words
            cleaned = clean_name(surface, "PERSON")
            surface = cleaned[0] if cleaned else surface
        by_key[fold(surface)][surface] += 1
    # "the town, known in older maps as X": X is another name, not the one to use
    candidates = [k for k in by_key if k not in alternates and k not in shorts] or list(by_key)  # not "Philly"
    if label == "PERSON":
        # "MVP Ana Ruiz", "Youth Ana Ruiz": a stray word in front of a full
        # name the story also writes alone is not part of the name, unless the
        # story writes that word alone for the person too: a family name
        # written first ("Lim" of "Lim Wei Jie", whose given names are "Wei Jie")
        def stray(key: str) -> bool:  # (a rest written as one word, "Okonjo-Barth", is a surname alone)
            first, rest = key.split()[0], " ".join(key.split()[1:])
            return len(key.split()) >= 3 and rest in by_key and any(" " in s for s in by_key[rest]) \
                and first not in by_key
        candidates = [k for k in candidates if not stray(k)] or candidates
    best_key = max(candidates, key=lambda k: (len(k.split()), sum(by_key[k].values()), k))
    spellings = by_key[best_key]
    name = max(spellings, key=lambda s: (any(ord(c) > 127 for c in s), spellings[s], s))
    aliases = sorted({m.surface for m in members} | {name}, key=lambda s: (s != name, s))
    sources = list(dict.fromkeys(m.source for m in members))
    return Entity(name=name, type=label, aliases=aliases, sources=sources, mentions=len(members))
