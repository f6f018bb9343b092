"""Grouping: the same quote across sources, its speaker, attribution conflicts.

The same quote across sources: rapidfuzz on normalised text (partial ratio
for trimmed wordings, token-set ratio for reordered or re-translated ones).
Within a group one name stands for each person; the speaker most independent
sources give is the quote's speaker, and independent sources that give it to
different speakers (or one to a speaker, another to nobody) make a conflict.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from ...model import Conflict, ConflictValue, Evidence
from ...nlp.lexicon import COMMON_STOPWORDS, SPOKESPERSON_ROLES
from ...nlp.names import name_words, title_before_name
from ...nlp.text import plain
from .canonical import StoryNames
from .marks import MIN_WORDS

MATCH_PARTIAL = 88  # a trimmed wording lies inside the longer one
MATCH_TOKEN_SET = 80  # a reordered / re-translated wording shares most words
SHARED_RUN = 6  # words in a row two wordings of one utterance share ("we will not wait until March")
SHARED_CONTENT = 3  # of them telling words: "we will do all that we" is no shared utterance


@dataclass
class Found:
    """One quote in one source, before grouping."""

    source: str
    start: int  # inner text, marks excluded
    end: int
    text: str  # normalised display text
    speaker: str | None
    order: int
    norm: str = field(default="", repr=False)


def same_quote(a: str, b: str) -> bool:
    """True when two normalised wordings are the same quote (trimmed or re-worded)."""
    short, long = sorted((a, b), key=len)
    short_words = short.split()
    if len(short_words) < MIN_WORDS:
        return False
    # Both tests below need most of the shorter wording's words in the longer
    # one; a cheap word check first spares the string matching on big stories.
    if len(short_words) >= 5:
        shared = len(set(short_words) & set(long.split()))
        if shared < 0.3 * len(set(short_words)):
            return False
    if fuzz.partial_ratio(short, long) >= MATCH_PARTIAL and len(short) >= 20:
        return True
    # re-translations: most words shared in a different order
    return len(short.split()) >= 6 and fuzz.token_set_ratio(short, long) >= MATCH_TOKEN_SET \
        and fuzz.token_sort_ratio(short, long) >= 60


def group(found: list[Found]) -> list[list[Found]]:
    """The found quotes grouped by wording, longest wordings first; each joins
    the group of its closest match."""
    groups: list[list[Found]] = []
    for item in sorted(found, key=lambda f: -len(f.norm)):
        best = None
        best_score = 0.0
        for candidate in groups:
            for member in candidate:
                if same_quote(item.norm, member.norm):
                    score = fuzz.ratio(item.norm, member.norm)
                    if score > best_score or best is None:
                        best, best_score = candidate, score
                    break
        if best is None:
            groups.append([item])
        else:
            best.append(item)
    return groups


def linked(groups: list[list[Found]]) -> list[list[int]]:
    """Indexes of groups that hold one utterance worded two ways (two
    translations, two transcripts of one speech): a variant of each shares a
    run of ``SHARED_RUN`` words, ``SHARED_CONTENT`` of them words of four
    letters or more that are no stopwords, and the two groups are not quoted
    by the very same sources (one source's two quotes alone link nothing;
    ``attribution_conflict`` then needs independent sources to disagree).
    Only sets of two or more."""
    owner: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for index, variants in enumerate(groups):
        for f in variants:
            words = f.norm.split()
            for i in range(len(words) - SHARED_RUN + 1):
                run = tuple(words[i:i + SHARED_RUN])
                if sum(len(w) >= 4 and w not in COMMON_STOPWORDS for w in run) >= SHARED_CONTENT:
                    owner[run].add(index)
    parent = list(range(len(groups)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for indexes in owner.values():
        first, *rest = sorted(indexes)
        for other in rest:
            if {f.source for f in groups[first]} != {f.source for f in groups[other]}:
                parent[root(other)] = root(first)
    sets: dict[int, list[int]] = defaultdict(list)
    for index in range(len(groups)):
        sets[root(index)].append(index)
    return [members for members in sets.values() if len(members) > 1]


def unify_speakers(variants: list[Found], names: StoryNames | None = None) -> None:
    """One name per person within a quote's variants.

    "Ana Ruiz" and "Constable Ana Ruiz", "SM Vell" and "Vell Li Wen", or "Ruiz" and "Ruiz Vell", are
    the same speaker when one name's words are all in the other's (a
    spokesperson counts as the institution it speaks for); they must not make
    an attribution conflict. The shortest name of two or more words that does
    not start with a title stands for the set (titles drop out that way).
    A variant no speaker is given for takes the one speaker another variant
    of the same source, as long or longer, has: one article quoting the same
    words twice.
    """
    speakers = sorted({f.speaker for f in variants if f.speaker}, key=lambda n: (len(n.split()), n))

    def core(name: str) -> set[str]:
        # "foreign ministry spokesman" speaks for the "Valdorian foreign ministry";
        # "VRA spokesman" for the "Valdoria Rail Authority" the text ties to VRA
        kept = [w for w in name.split() if plain(w) not in SPOKESPERSON_ROLES] or name.split()
        canonical = names.canonical(" ".join(kept)) if names is not None else None
        words = (canonical or " ".join(kept)).split()
        # "SM Varek" is the "Varek Li Wen" another source names: titles are no part of a name
        return name_words(" ".join([w for w in words[:-1] if not title_before_name(w)] + words[-1:]))

    words = {name: core(name) for name in speakers}
    chosen: dict[str, str] = {}
    for name in speakers:
        related = [other for other in speakers if other != name
                   and (words[name] <= words[other] or words[other] <= words[name])]
        family = [name] + related
        full = [n for n in family if len(n.split()) >= 2]
        chosen[name] = min(full or family, key=lambda n: (title_before_name(n.split()[0]), len(n.split()), n))
    for f in variants:
        if f.speaker:
            f.speaker = chosen[f.speaker]
    # the same words twice in one article are one voice: "One customer called
    # it “a weird knock-off”" and, further on, the customer's whole post
    # (only from a wording at least as long: a fragment's speaker is the weaker reading)
    for f in variants:
        if f.speaker is None:
            named = {g.speaker for g in variants if g.source == f.source and g.speaker and len(g.norm) >= len(f.norm)}
            if len(named) == 1:
                f.speaker = named.pop()


def agreed_speaker(variants: list[Found], roots: dict[str, str],
                   named_by: Callable[[str], int] = lambda speaker: 0) -> str | None:
    """The speaker the most independent sources give; of speakers tied on
    that, the one the most independent sources of the story name at all
    (``named_by``: one source against one, the story's main actor is the
    likelier speaker); None if none or still tied."""
    votes: Counter[str] = Counter()
    for speaker, speaker_roots in _speaker_roots(variants, roots).items():
        if speaker is not None:
            votes[speaker] = len(speaker_roots)
    if not votes:
        return None
    ranked = sorted(votes.items(), key=lambda item: (-item[1], -named_by(item[0])))
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1] and named_by(ranked[0][0]) == named_by(ranked[1][0]):
        return None
    return ranked[0][0]


def _speaker_roots(variants: list[Found], roots: dict[str, str]) -> dict[str | None, set[str]]:
    """speaker -> independent sources giving it; a source root that names a
    speaker anywhere does not also count as leaving it unattributed."""
    named_roots = {roots.get(f.source, f.source) for f in variants if f.speaker}
    out: dict[str | None, set[str]] = defaultdict(set)
    for f in variants:
        root = roots.get(f.source, f.source)
        if f.speaker or root not in named_roots:
            out[f.speaker].add(root)
    return out


def _voice_of(speaker: str, names: StoryNames) -> str:
    """The body a spokesperson named by role alone speaks for ("police
    spokesman": the story's police force), else the speaker."""
    words = speaker.split()
    if len(words) >= 2 and plain(words[-1]) in SPOKESPERSON_ROLES and not speaker[:1].isupper():
        return names.canonical(" ".join(words[:-1])) or speaker
    return speaker


def attribution_conflict(variants: list[Found], roots: dict[str, str], text: str,
                         names: StoryNames | None = None) -> Conflict | None:
    """The speakers independent sources name for a quote, when they name
    different ones (``id=""``).

    A source that names nobody disputes nothing: its silence shows in the
    quote's speakers by source, not here; nor does a person the texts name as
    a body's ("Harbor Board director Ana Ruiz") dispute that body. Only names that may make a dispute
    count (:meth:`StoryNames.disputable`: no one-word fragments), and bodies
    alone dispute nothing: sources that credit one statement to a company and
    to its brand, or to an office and to its ministry, name where it came
    from, not who said it; a dispute needs a person among the speakers.
    """
    by_speaker: dict[str, set[str]] = {
        speaker: speaker_roots for speaker, speaker_roots in _speaker_roots(variants, roots).items()
        if speaker is not None and (names is None or names.disputable(speaker))}
    if names is not None:
        for person in [n for n in by_speaker if names.type_of(n) == "PERSON"]:
            body = next((b for b in by_speaker if b != person and names.speaks_for(person, _voice_of(b, names))),
                        None)
            if body is not None:  # the minister and the ministry: one voice, no dispute
                by_speaker[body] |= by_speaker.pop(person)
    if names is not None and all(names.body(n) for n in by_speaker):
        return None  # bodies only: a brand and its maker, an office and its ministry, one statement
    root_sets = list(by_speaker.values())
    independent = any(r1 != r2 for i, a in enumerate(root_sets) for b in root_sets[i + 1:]
                      for r1 in a for r2 in b)
    if not independent:
        return None  # one speaker named, or only a copy and its original disagree
    values = []
    for speaker in sorted(by_speaker, key=lambda name: (-len(by_speaker[name]), name)):
        support = [Evidence(source=f.source, start=f.start, end=f.end, speaker=f.speaker)
                   for f in variants if f.speaker == speaker]
        values.append(ConflictValue(value=speaker, support=support))
    words = text.split()
    topic = " ".join(words[:8]) + ("…" if len(words) > 8 else "")
    return Conflict(id="", kind="attribution", topic=topic, values=values)
