"""Group sentences and clauses that state the same information across sources.

Reads the sentences of every on-topic article (``off_topic`` sources are left
out), ``copy_of`` (copies support a fact but never raise its independent count)
and an embedder; returns ``Fact`` objects ordered by importance
(independent sources, then centrality), with ids F1, F2, ...

How, in order:

1. Units. Each sentence is one unit, or several when it carries several pieces
   of information joined by clause connectors ("; ", ", a day after", ", while",
   ", leaving", " and to put" ...). Units tile their sentence exactly, so every
   character of every kept sentence ends up in some fact: nothing is lost.
2. Pair scores between units of different sources: a weighted sum of the
   embedding cosine (paraphrase), idf-weighted content-word overlap (wording),
   idf-weighted overlap of capitalised names, and numbers (a shared number
   raises the score; the same noun with different numbers lowers it; the same
   kind of identifier with other codes, "Block 224A" and "Block 229A", keeps
   two units apart).
   All of it is sparse or dense matrix algebra, so 50 articles stay cheap; the
   embedder is called once for all units.
3. Clusters: greedy average-link agglomeration over the pair scores, best
   pair first, never putting two units of one source in a group. A second pass
   joins groups that hold the same fact repeated inside a source (a quote and
   the sentence that reports it), only when the repeats are close themselves.
4. Each group becomes a Fact; its text is the clearest, most central unit of
   an original (non-copy) source, preferring whole sentences.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ..model import Article, Evidence, Fact, Sentence, independent_count

# Weights of the pair score; the numbers term is added on top.
_W_COSINE = 0.70
_W_WORDS = 0.20
_W_NAMES = 0.10
_SHARED_NUMBER = 0.06
_CONFLICTING_NUMBER = 0.15
# "Block 224A" and "Block 229A", "Flight 12" and "Flight 31": the same kind of
# identifier with other codes names other things; such units never join.
_DIFFERENT_IDENTIFIER = 0.30
# Two units join when their score reaches _JOIN and the groups they belong to
# stay at least _LINK apart on average (so a group cannot grow by chaining).
_TOPIC_REMOVAL = 0.5
_JOIN = 0.50
# A unit already in one group supports another only with a strong average link.
_SHARED_UNIT = 0.55
_LINK = 0.42
# Two units of one source join a group together only when they are this close
# (the same sentence repeated, lightly edited).
_REPEAT_SELF = 0.80
# Two groups that share a source merge only when the smaller one's units match
# the other this well on average (and both are about one quantity).
_REPEAT_LINK = 0.45

_MIN_CLAUSE_WORDS = 5

_STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself no nor not now of off on once only or
    other our ours ourselves out over own same she should so some such than that the their
    theirs them themselves then there these they this those through to too under until up
    very was we were what when where which while who whom why will with would you your yours
    yourself yourselves said says say told tells according mr mrs ms one""".split()
)
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000, "dozen": 12,
}  # fmt: skip
_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?%?|[^\W\d_][\w'\u2019-]*", re.UNICODE)
_IDENTIFIER = re.compile(r"\b([A-Z][a-z]{2,})\s+(\d{1,5}[A-Za-z]?)\b(?![,.]\d|\s*%)")
# Month names and counted words are no identifier kinds ("May 30", "Monday 5")
_NOT_IDENTIFIER_KINDS = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday about some over under nearly almost around roughly approximately just
    another only least since exactly""".split()
)

# Clause boundaries: the split falls just before the connector, so the comma
# stays with the left clause. Each needs enough words on both sides.
# Participle clauses (", leaving 30 hurt") are not cut: alone they read as
# fragments and attach to whatever shares a word with them.
_CONNECTOR = re.compile(
    r"(?<=;)\s+"
    # Sentence breaks pysbd keeps inside quotes; the word before the period
    # must be lower case so "Adm. Stuart B. Munsch" stays whole.
    r"|(?<=[a-z]{2}[.!?])\s+(?=[\"\u201c]?[A-Z])"
    r"|(?<=,)[\"'\u201d\u2019]?\s+(?=(?:while|whereas|but|although|though|as|after|before|when|amid|"
    r"(?:a|one|two|three|several|some|hours|days)\s+(?:\w+\s+)?(?:after|before|later))\b)"
    r"|\s+(?=and\s+(?:(?:also|then|later|now|still)\s+)?[a-z]+\b)"
)
# " and " starts a new clause only when a verb (or "to" + verb) follows;
# without a tagger we accept auxiliaries, common reporting/action verbs and
# regular past tenses.
_VERB_AFTER_AND = frozenset(
    """to will would could can may might must should shall has have had is are was were be
    been said says told tells put puts made makes took takes gave gives sent sends left
    leaves urged urges called calls warned warns went goes came comes got gets held holds
    kept keeps set sets met meets saw sees found finds began begins became becomes brought
    brings led leads ran runs won wins lost loses hit hits cut cuts let lets stood stands
    fell falls paid pays spent spends sought seeks built builds struck strikes threw throws
    fled flees fought fights say make take give send leave call warn urge ask asks stop
    stops return returns engage engages avoid avoids stick sticks refrain refrains prevent
    prevents hide hides remain remains continue continues try tries plan plans want wants
    need needs help helps keep seek consider considers demand demands accuse accuses deny
    denies blame blames stand""".split()
)
_LEADING_CONNECTOR = re.compile(
    r"^(?:and|but|while|whereas|although|though|as|after|before|when|amid|"
    r"(?:a|one|two|three|several|some|hours|days)\s+(?:\w+\s+)?(?:after|before|later))\s+",
    re.IGNORECASE,
)
_PRONOUN_START = re.compile(r"^(?:he|she|it|they|this|these|those|his|her|their)\b", re.I)


@dataclass
class _Unit:
    sentence: Sentence
    start: int
    end: int
    text: str

    @property
    def source(self) -> str:
        return self.sentence.source

    @property
    def whole(self) -> bool:
        return self.start == self.sentence.start and self.end == self.sentence.end


def group_facts(
    articles: list[Article], sentences: dict[str, list[Sentence]], embedder, docs=None
) -> list[Fact]:
    """Claim groups across the on-topic sources, ordered by importance.

    ``docs`` (spaCy parses by source id, optional) lets long sentences be cut
    at their clauses, so a sentence that carries two facts supports both.
    """
    on_topic = [a for a in articles if not a.off_topic]
    docs = docs or {}
    units = [
        u for a in on_topic for s in sentences.get(a.id, []) for u in clause_units(s, docs.get(a.id))
    ]
    if not units:
        return []
    vectors = np.asarray(embedder.embed([u.text for u in units]), dtype=np.float32)
    clash = _identifier_clash([_identifiers(u.text) for u in units])
    scores = pair_scores(units, _without_topic(vectors), clash)
    roots = [_root(u.source, on_topic) for u in units]
    groups, borrowed = _with_shared_units(_cluster(units, scores, clash), units, scores, roots, clash)
    story = _story_centroid(units, vectors, on_topic)
    facts = [
        _fact(group, units, scores, vectors, story, on_topic, own)
        for group, own in zip(groups, borrowed)
    ]
    facts.sort(key=lambda f: (-f.independent_sources, -f.score, _first_position(f, on_topic)))
    for number, fact in enumerate(facts, 1):
        fact.id = f"F{number}"
    return facts


# -- units -------------------------------------------------------------------


def clause_units(sentence: Sentence, doc=None) -> list[_Unit]:
    """The sentence cut at clause boundaries into pieces that tile it exactly.

    Boundaries come from punctuation and connectors (always) and, when a spaCy
    ``doc`` of the article is given, from its parse: coordinated clauses,
    participle and adverbial clauses, non-restrictive relative clauses and
    "after/amid ..." phrases that carry their own event. Pieces shorter than
    five words rejoin their neighbour.
    """
    text = sentence.text
    candidates = {match.end() for match in _CONNECTOR.finditer(text) if _accept_cut(text, match)}
    if doc is not None:
        candidates |= _parse_cuts(sentence, doc)
    cuts = [0]
    for cut in sorted(candidates):
        if 0 < cut < len(text) and _words(text[cuts[-1] : cut]) >= _MIN_CLAUSE_WORDS:
            cuts.append(cut)
    # The last piece must be long enough too; else it rejoins its left neighbour.
    while len(cuts) > 1 and _words(text[cuts[-1] :]) < _MIN_CLAUSE_WORDS:
        cuts.pop()
    bounds = cuts + [len(text)]
    units = []
    for left, right in zip(bounds, bounds[1:]):
        start, end = sentence.start + left, sentence.start + right
        # Units are stripped so evidence has no dangling whitespace; the
        # whitespace between clauses belongs to no fact, like that between sentences.
        while end > start and text[end - sentence.start - 1].isspace():
            end -= 1
        while start < end and text[start - sentence.start].isspace():
            start += 1
        units.append(_Unit(sentence, start, end, text[start - sentence.start : end - sentence.start]))
    return units


_CLAUSE_MARKS = frozenset({"while", "whereas", "although", "though", "because", "as", "after", "before", "when", "since"})
_ATTRIBUTION_VERBS = frozenset({"according", "citing", "quoting"})
_EVENT_PREPOSITIONS = frozenset({"after", "following", "amid", "despite"})


def _parse_cuts(sentence: Sentence, doc) -> set[int]:
    """Offsets (relative to the sentence) where a clause of its own starts or ends.

    A clause that opens the sentence ends at a cut; any other starts at one
    and runs on to the next cut, so the main clause keeps its subject and verb
    together in the piece before it.
    """
    span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
    if span is None:
        return set()
    last_word = span.end - 1
    while last_word > span.start and span.doc[last_word].is_punct:
        last_word -= 1
    cuts: set[int] = set()
    for token in span:
        if not _starts_clause(token):
            continue
        subtree = [t for t in token.subtree if span.start <= t.i < span.end]
        first, last = subtree[0], subtree[-1]
        if first.i == span.start and last.i < last_word:
            after = last.i + 1
            while after < span.end and span.doc[after].is_punct:
                after += 1
            if after < span.end:
                cuts.add(span.doc[after].idx - sentence.start)
        elif first.i > span.start:
            cuts.add(first.idx - sentence.start)
    return cuts


def _starts_clause(token) -> bool:
    verb = token.pos_ in ("VERB", "AUX")
    if not verb and not (token.dep_ == "prep" and token.lower_ in _EVENT_PREPOSITIONS):
        return False
    before = token.doc[token.left_edge.i - 1] if token.left_edge.i > 0 else None
    after_comma = before is not None and before.text == ","
    if token.dep_ == "conj" and token.head.pos_ in ("VERB", "AUX"):
        # "... injured 14 people, and the bridge remains closed": a second
        # clause with its own subject, or a second participle.
        has_subject = any(child.dep_ in ("nsubj", "nsubjpass") for child in token.children)
        return has_subject or (token.tag_ == "VBG" and token.head.tag_ == "VBG")
    if token.lower_ in _ATTRIBUTION_VERBS:
        return False  # "..., according to hospital sources" belongs to its clause
    if token.dep_ == "advcl":
        marks = {child.lower_ for child in token.children if child.dep_ == "mark"}
        # A participle only after a comma: "struck the pier, injuring 14" is
        # two events; "freed using hydraulic tools" is one.
        return bool(marks & _CLAUSE_MARKS) or (token.tag_ in ("VBG", "VBN") and after_comma)
    if token.dep_ == "relcl":
        return after_comma
    if token.dep_ == "prep":
        # "after clashes which left 30 soldiers wounded": an event of its own.
        return any(t.pos_ == "VERB" for t in token.subtree)
    return False


def _accept_cut(text: str, match: re.Match) -> bool:
    following = text[match.end() :].split(None, 3)
    if not following:
        return False
    head = following[0].lower()
    if head == "and":
        verb = following[1].lower() if len(following) > 1 else ""
        if verb in {"also", "then", "later", "now", "still"} and len(following) > 2:
            verb = following[2].lower()
        regular_past = verb.endswith("ed") and len(verb) > 4
        return (verb in _VERB_AFTER_AND or regular_past) and _words(text[match.end() :]) >= 6
    return True


def _words(text: str) -> int:
    return len(_TOKEN.findall(text))


# -- features ------------------------------------------------------------------


def _stem(word: str) -> str:
    word = word.lower().replace("\u2019", "'")
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _number(token: str) -> str | None:
    if token[0].isdigit():
        value = token.replace(",", "").rstrip("%")
        return value[:-2] if value.endswith(".0") else value
    value = _NUMBER_WORDS.get(token.lower())
    return str(value) if value is not None else None


@lru_cache(maxsize=50_000)
def _identifiers(text: str) -> frozenset:
    """(kind, code) of identifiers such as "Block 224A", "Street 91"."""
    return frozenset(
        (kind.lower(), code.upper()) for kind, code in _IDENTIFIER.findall(text)
        if kind.lower() not in _NOT_IDENTIFIER_KINDS and kind.lower() not in _STOPWORDS
    )


@lru_cache(maxsize=50_000)
def _features(text: str) -> tuple[frozenset, frozenset, frozenset, frozenset]:
    """(content stems, names, numbers, (number, noun) pairs) of one unit."""
    tokens = _TOKEN.findall(text)
    words, names, numbers, counted = set(), set(), set(), set()
    for position, token in enumerate(tokens):
        number = _number(token)
        if number is not None:
            numbers.add(number)
            noun = "percent" if token.endswith("%") else _counted_noun(tokens[position + 1 : position + 4])
            if noun:
                counted.add((number, noun))
            continue
        stem = _stem(token)
        if stem in _STOPWORDS or len(stem) < 2:
            continue
        words.add(stem)
        if token[0].isupper() and (position > 0 or token.isupper()):
            names.add(stem)
    return frozenset(words), frozenset(names), frozenset(numbers), frozenset(counted)


def _counted_noun(following: list[str]) -> str | None:
    # "30 NATO soldiers", "700 more troops": the first lower-case content word.
    for token in following:
        if _number(token) is not None:
            return None
        stem = _stem(token)
        if token[0].islower() and stem not in _STOPWORDS and stem not in {"more", "other", "least"}:
            return stem
    return None


def _binary_idf_matrix(rows: list[set], vocabulary: dict) -> "object":
    """Rows of idf-weighted indicator vectors, L2-normalised (scipy CSR)."""
    from scipy.sparse import csr_matrix

    indices, indptr = [], [0]
    for row in rows:
        for item in row:
            indices.append(vocabulary.setdefault(item, len(vocabulary)))
        indptr.append(len(indices))
    matrix = csr_matrix(
        (np.ones(len(indices), dtype=np.float32), indices, indptr),
        shape=(len(rows), max(1, len(vocabulary))),
    )
    document_frequency = np.asarray((matrix > 0).sum(axis=0)).ravel()
    idf = np.log((1 + len(rows)) / (1 + document_frequency)) + 1.0
    matrix = matrix.multiply(idf[None, :]).tocsr()
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return matrix.multiply(1.0 / norms[:, None]).tocsr()


def _without_topic(vectors: np.ndarray) -> np.ndarray:
    """Unit vectors with a share of the story's mean direction taken out.

    Every sentence of a story is about the same ship or the same war, so raw
    cosines between different statements are high ("NATO troops will act" and
    "NATO sends troops"); taking out part of the common direction makes the
    cosine weigh what each unit says rather than what the story is about.
    """
    if len(vectors) < 3 or _TOPIC_REMOVAL <= 0:
        return vectors
    residual = vectors - _TOPIC_REMOVAL * vectors.mean(axis=0)[None, :]
    return residual / np.clip(np.linalg.norm(residual, axis=1, keepdims=True), 1e-9, None)


def pair_scores(units: list[_Unit], vectors: np.ndarray, clash: np.ndarray) -> np.ndarray:
    """Symmetric unit-by-unit similarity (about 0..1; the diagonal is meaningless).

    ``clash`` marks pairs naming the same kind of identifier with other codes
    (``_identifier_clash``); they are pushed apart here and never joined later.
    """
    features = [_features(u.text) for u in units]
    words = _binary_idf_matrix([f[0] for f in features], {})
    names = _binary_idf_matrix([f[1] for f in features], {})
    score = _W_COSINE * (vectors @ vectors.T)
    score += _W_WORDS * (words @ words.T).toarray()
    score += _W_NAMES * (names @ names.T).toarray()
    score += _number_term(features)
    score -= _DIFFERENT_IDENTIFIER * clash
    return score


def _identifier_clash(identifiers: list[frozenset]) -> np.ndarray:
    """True where two units name the same kind of identifier with no code in common."""
    n = len(identifiers)
    clash = np.zeros((n, n), dtype=bool)
    codes_by_kind: dict[str, dict[str, int]] = {}
    for ids in identifiers:
        for kind, code in ids:
            codes_by_kind.setdefault(kind, {}).setdefault(code, len(codes_by_kind[kind]))
    for kind, codes in codes_by_kind.items():
        member = np.zeros((n, len(codes)), dtype=np.float32)
        for row, ids in enumerate(identifiers):
            for other_kind, code in ids:
                if other_kind == kind:
                    member[row, codes[code]] = 1.0
        named = member.any(axis=1)
        shared = (member @ member.T) > 0
        clash |= named[:, None] & named[None, :] & ~shared
    return clash


def _number_term(features) -> np.ndarray:
    from scipy.sparse import csr_matrix

    def indicator(rows):
        vocabulary: dict = {}
        indices, indptr = [], [0]
        for row in rows:
            indices.extend(vocabulary.setdefault(item, len(vocabulary)) for item in row)
            indptr.append(len(indices))
        matrix = csr_matrix(
            (np.ones(len(indices), dtype=np.float32), indices, indptr),
            shape=(len(rows), max(1, len(vocabulary))),
        )
        return (matrix @ matrix.T).toarray()

    shared_numbers = indicator([f[2] for f in features])
    shared_pairs = indicator([f[3] for f in features])
    shared_nouns = indicator([{noun for _, noun in f[3]} for f in features])
    # The same counted noun with a different number ("52 protesters" vs
    # "50 protesters") is a conflict: related, but not the same statement.
    conflict = shared_nouns > shared_pairs
    return _SHARED_NUMBER * (shared_numbers > 0) - _CONFLICTING_NUMBER * conflict


# -- clustering --------------------------------------------------------------


def _cluster(units: list[_Unit], scores: np.ndarray, clash: np.ndarray) -> list[list[int]]:
    """Greedy average-link agglomeration; deterministic (ties by position)."""
    numbers = [_features(u.text)[2] for u in units]
    source_ids = np.array([u.source for u in units])
    same_source = source_ids[:, None] == source_ids[None, :]
    group_of = list(range(len(units)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(units))}

    # A same-source pair is an edge only when it is a near-verbatim repeat.
    edges = np.triu((scores >= _JOIN) & (~same_source | (scores >= _REPEAT_SELF)), k=1)
    first, second = np.nonzero(edges)
    order = np.lexsort((second, first, -scores[first, second]))
    for i, j in zip(first[order], second[order]):
        a, b = group_of[i], group_of[j]
        if a == b:
            continue
        block = np.ix_(members[a], members[b])
        if (same_source[block] & (scores[block] < _REPEAT_SELF)).any() or clash[block].any():
            continue  # two different statements of one source, or of two blocks, stay apart
        if scores[block].mean() < _LINK:
            continue
        _merge(a, b, members, group_of)

    # Second pass: the same fact told twice by one source in different words
    # (a quote and the sentence that reports it) is left in two groups above.
    # Only groups that share a source and a usual number can qualify; checking
    # those sets first keeps this pass cheap on large stories.
    changed = True
    while changed:
        changed = False
        alive = sorted(members, key=lambda g: members[g][0])
        keys = {g: ({units[i].source for i in members[g]}, _usual_numbers(members[g], numbers)) for g in alive}
        for index, a in enumerate(alive):
            for b in alive[index + 1 :]:
                if a not in members or b not in members:
                    continue
                if not (keys[a][0] & keys[b][0]) or not (keys[a][1] & keys[b][1]):
                    continue
                if clash[np.ix_(members[a], members[b])].any():
                    continue
                if _repeat_link(members[a], members[b], scores, same_source, numbers):
                    _merge(a, b, members, group_of)
                    keys[min(a, b)] = ({units[i].source for i in members[min(a, b)]}, _usual_numbers(members[min(a, b)], numbers))
                    changed = True
    return sorted(members.values(), key=min)


def _with_shared_units(
    groups: list[list[int]], units: list[_Unit], scores: np.ndarray, roots: list[str], clash: np.ndarray
) -> tuple[list[list[int]], list[set[int]]]:
    """Let a unit that states two facts support a second group too.

    Clustering puts each unit in one group. A sentence the parser could not
    cut ("struck the bridge after losing steering") may still match a second
    group as well as a first-pass join would; it then supports that group as
    well: only its best such group, only one where its source is not yet
    present, and only one that two independent sources already support, so a
    borrowed unit can widen agreement but never create it. Returns the groups
    and, per group, the units it borrowed (never chosen as its wording).
    """
    result = [list(group) for group in groups]
    borrowed: list[set[int]] = [set() for _ in result]
    if not result:
        return result, borrowed
    sources = [{units[i].source for i in group} for group in result]
    agreed = [len({roots[i] for i in group}) >= 2 for group in result]
    link = np.stack([scores[:, group].mean(axis=1) for group in result], axis=1)
    for index, unit in enumerate(units):
        for position in np.argsort(-link[index], kind="stable"):
            if link[index, position] < _SHARED_UNIT:
                break
            if index in result[position]:
                continue
            if agreed[position] and unit.source not in sources[position] \
                    and not clash[index, result[position]].any():
                result[position].append(index)
                borrowed[position].add(index)
                sources[position].add(unit.source)
            break
    return [sorted(group) for group in result], borrowed


def _merge(a, b, members, group_of) -> None:
    keep, gone = min(a, b), max(a, b)
    for index in members[gone]:
        group_of[index] = keep
    members[keep] = sorted(members[keep] + members.pop(gone))


def _repeat_link(a, b, scores, same_source, numbers) -> bool:
    """Whether groups ``a`` and ``b``, sharing a source, state one fact.

    Wording alone cannot tell a repeat from a neighbouring statement of the
    same source, so both groups must also be about one quantity (a number
    most units of each carry), and the smaller group's units must match the
    other group's units from other sources well on average.
    """
    small, large = sorted((a, b), key=len)
    if len(large) < 2 or not same_source[np.ix_(small, large)].any():
        return False
    cross = np.where(same_source[np.ix_(small, large)], -1.0, scores[np.ix_(small, large)])
    best = cross.max(axis=1)
    # A lone unit has no group of its own to vouch for it: it must match as
    # well as a first-pass join would.
    needed = _REPEAT_LINK if len(small) > 1 else _JOIN
    if (best < 0).any() or best.mean() < needed:
        return False
    return bool(_usual_numbers(small, numbers) & _usual_numbers(large, numbers))


def _usual_numbers(group, numbers) -> set[str]:
    counts: dict[str, int] = {}
    for index in group:
        for number in numbers[index]:
            counts[number] = counts.get(number, 0) + 1
    return {number for number, count in counts.items() if count * 2 > len(group)}


# -- facts -------------------------------------------------------------------


def _story_centroid(units, vectors, articles) -> np.ndarray:
    # Each independent source weighs the same, so a long article or a wire
    # story printed five times does not pull the centre towards itself.
    by_root: dict[str, list[int]] = {}
    for index, unit in enumerate(units):
        by_root.setdefault(_root(unit.source, articles), []).append(index)
    centre = np.mean([vectors[rows].mean(axis=0) for rows in by_root.values()], axis=0)
    return centre / max(float(np.linalg.norm(centre)), 1e-9)


def _root(source_id: str, articles) -> str:
    for article in articles:
        if article.id == source_id:
            return article.copy_of or article.id
    return source_id


def _fact(group, units, scores, vectors, story, articles, borrowed=frozenset()) -> Fact:
    source_ids = sorted({units[i].source for i in group})
    copies = {a.id for a in articles if a.copy_of}
    mean = vectors[group].mean(axis=0)
    centrality = float(mean @ story) / max(float(np.linalg.norm(mean)), 1e-9)
    # News puts what matters first: a small bonus for facts told early.
    lead = max(1.0 / (1.0 + units[i].sentence.index) for i in group)
    candidates = (
        [i for i in group if units[i].source not in copies and i not in borrowed]
        or [i for i in group if i not in borrowed]
        or list(group)
    )
    best = max(candidates, key=lambda i: (_clarity(i, group, units, scores), -i))
    independent = independent_count(source_ids, articles)
    return Fact(
        id="",
        text=_display_text(units[best]),
        kind="consensus" if independent >= 2 else "unique",
        sources=len(source_ids),
        independent_sources=independent,
        support=[Evidence(units[i].source, units[i].start, units[i].end) for i in sorted(group)],
        score=round(0.8 * centrality + 0.2 * lead, 4),
    )


def _clarity(index, group, units, scores) -> float:
    unit = units[index]
    others = [j for j in group if units[j].source != unit.source]
    central = float(scores[index, others].mean()) if others else 0.0
    words = _words(unit.text)
    # A figure no other source in the group gives (17 injured where the others
    # say 14) must not become the wording of what the sources agree on.
    numbers = _features(unit.text)[2]
    elsewhere = set().union(*(_features(units[j].text)[2] for j in others)) if others else set()
    lone_figure = bool(others) and bool(numbers - elsewhere)
    return (
        central
        - (0.25 if lone_figure else 0.0)
        + (0.15 if unit.whole else 0.05 if unit.start == unit.sentence.start else 0.0)
        - (0.0 if _reads_alone(unit) else 0.15)
        - (0.10 if _PRONOUN_START.match(unit.text) else 0.0)
        - (0.05 if unit.text[:1] in "\"'\u201c\u2018" else 0.0)
        - (0.10 if words > 40 else 0.0)
    )


def _display_text(unit: _Unit) -> str:
    """The unit's own words, verbatim, with "…" where it was cut from its sentence.

    A fact's wording is what a source wrote, never a rewrite: a clause such as
    "while the bridge is closed, the office said" is shown as
    "…while the bridge is closed, the office said." rather than turned into
    the plainer (and stronger) "The bridge is closed".
    """
    text = unit.text.strip()
    starts_sentence = unit.start == unit.sentence.start
    ends_sentence = unit.end >= unit.sentence.end
    if not ends_sentence:
        text = _TRAILING_JOINER.sub("", text) + "…"
    if not starts_sentence:
        text = "…" + text
    return " ".join(text.split())


# A cut clause ends on the word or mark that joined it to the next one.
_TRAILING_JOINER = re.compile(r"(?:[\s,;:\u2014\u2013-]|\s(?:and|or|but))+$")


def _reads_alone(unit: _Unit) -> bool:
    if unit.start == unit.sentence.start:
        return True
    if _LEADING_CONNECTOR.match(unit.text):
        return True
    return unit.text.lstrip("\"'\u201c\u2018")[:1].isupper()


def _first_position(fact: Fact, articles) -> tuple:
    order = {a.id: i for i, a in enumerate(articles)}
    return min((order.get(e.source, 0), e.start) for e in fact.support)
