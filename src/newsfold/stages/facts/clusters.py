"""Clusters: units grouped into facts over their pair scores.

Greedy average-link agglomeration, best pair first, never putting two units of
one source in a group. A second pass joins groups that hold the same fact
repeated inside a source (a quote and the sentence that reports it), only when
the repeats are close themselves. Last, a unit that states two facts may also
support a second group. Groups are lists of unit indices.
"""
from __future__ import annotations

import numpy as np

from .features import features, numbers_of
from .units import Unit

# Two units join when their score reaches _JOIN and the groups they belong to
# stay at least _LINK apart on average (so a group cannot grow by chaining).
_JOIN = 0.50
_LINK = 0.42
# A unit already in one group supports another only with a strong average link,
# or with a fair one when it says all the group says: a longer sentence holding
# the group's words and more ("four officers were taken to two hospitals"
# against "four officers were taken to hospital").
_SHARED_UNIT = 0.55
_CONTAINED_LINK = 0.45
_CONTAINED_SHARE = 0.8
_CONTAINED_WORDS = 3  # a group says too little to be "contained" with fewer core words
# Two groups that link this well on average are two wordings of one fact (a
# source that told it twice kept them apart); a unit of one supporting the
# other on a single pair would only copy support between near-duplicates.
# Unrelated statements of one story link at 0.2-0.3.
_SIBLING_LINK = 0.35
# Two units of one source join a group together only when they are this close
# (the same sentence repeated, lightly edited).
_REPEAT_SELF = 0.80
# Two groups that share a source merge only when the smaller one's units match
# the other this well on average (and both are about one quantity).
_REPEAT_LINK = 0.45

Groups = dict[int, list[int]]  # group id (its first unit) -> unit indices, sorted


def cluster(units: list[Unit], scores: np.ndarray, clash: np.ndarray) -> list[list[int]]:
    """Greedy average-link agglomeration; deterministic (ties by position)."""
    source_ids = np.array([u.source for u in units])
    same_source = source_ids[:, None] == source_ids[None, :]
    group_of = list(range(len(units)))
    members: Groups = {i: [i] for i in range(len(units))}

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
    _join_repeats(units, scores, clash, same_source, members, group_of)
    return sorted(members.values(), key=min)


def _join_repeats(
    units: list[Unit], scores: np.ndarray, clash: np.ndarray, same_source: np.ndarray,
    members: Groups, group_of: list[int],
) -> None:
    """Second pass: the same fact told twice by one source in different words
    (a quote and the sentence that reports it) is left in two groups by the
    first. Only groups that share a source and a usual number can qualify;
    checking those sets first keeps this pass cheap on large stories."""
    numbers = [numbers_of(u.text) for u in units]

    def key(group: int) -> tuple[set[str], set[str]]:
        return {units[i].source for i in members[group]}, _usual_numbers(members[group], numbers)

    changed = True
    while changed:
        changed = False
        alive = sorted(members, key=lambda g: members[g][0])
        keys = {g: key(g) for g in alive}
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
                    keys[min(a, b)] = key(min(a, b))
                    changed = True


def with_shared_units(
    groups: list[list[int]], units: list[Unit], scores: np.ndarray, roots: list[str], clash: np.ndarray
) -> tuple[list[list[int]], list[set[int]]]:
    """Let a unit that states two facts support a second group too, and a
    unit left alone join the group it matches.

    Clustering puts each unit in one group, best pair first, and never undoes
    a join: a sentence the parser could not cut ("struck the bridge after
    losing steering") stays in the group of its first fact, and a unit whose
    paraphrase was taken into a group by a closer pair may stay alone because
    the groups grew apart before its own pair came up. Against the finished
    groups, a unit then supports the best-linked group that it matches as a
    first-pass join would (``_LINK`` on average over the group, with one pair
    at ``_JOIN``, unless its own group is another wording of that one:
    ``_siblings``), or on average by ``_SHARED_UNIT``, or at
    ``_CONTAINED_LINK`` when it says all the group says. Only a group where its source is not yet
    present, and one that two independent sources already support, so this
    can widen agreement but never create it. A unit alone in its group moves
    there; a unit of a group of its own supports both. ``roots`` is each
    unit's independent source. Returns the groups and, per group, the units
    it borrowed (never chosen as its wording).
    """
    result = [list(group) for group in groups]
    borrowed: list[set[int]] = [set() for _ in result]
    if not result:
        return result, borrowed
    sources = [{units[i].source for i in group} for group in result]
    agreed = [len({roots[i] for i in group}) >= 2 for group in result]
    link = np.stack([scores[:, group].mean(axis=1) for group in result], axis=1)
    core = [_core_words(group, units) for group in result]
    home = {index: position for position, group in enumerate(groups) for index in group}
    for index, unit in enumerate(units):
        for position in np.argsort(-link[index], kind="stable"):
            average = link[index, position]
            if average < _LINK:
                break
            if index in result[position] or not agreed[position] or unit.source in sources[position] \
                    or clash[index, result[position]].any():
                continue
            strong = (
                average >= _SHARED_UNIT
                or (average >= _CONTAINED_LINK and _contains(unit, core[position]))
                or (scores[index, groups[position]].max() >= _JOIN
                    and _second_fact(unit, core[home[index]], core[position], len(groups[home[index]]))
                    and not _siblings(groups[home[index]], groups[position], index, scores))
            )
            if not strong:
                continue
            result[position].append(index)
            sources[position].add(unit.source)
            if len(groups[home[index]]) == 1:
                result[home[index]] = []  # alone, it moves: one statement, one fact
            else:
                borrowed[position].add(index)
            break
    kept = [(sorted(group), own) for group, own in zip(result, borrowed) if group]
    return [group for group, _ in kept], [own for _, own in kept]


def _second_fact(unit: Unit, own_core: frozenset[str], other_core: frozenset[str], own_size: int) -> bool:
    """Whether a unit says something of another group's fact that its own
    group's fact does not: a word of the other group's core outside its own
    group's core. A unit alone has no fact of its own to explain its words."""
    if own_size == 1:
        return True
    return bool((features(unit.text)[0] & other_core) - own_core)


def _siblings(own: list[int], other: list[int], index: int, scores: np.ndarray) -> bool:
    """Whether the rest of a unit's group links to another group as two
    wordings of one fact do (kept apart only because a source says it twice)."""
    rest = [j for j in own if j != index]
    return bool(rest) and bool(scores[np.ix_(rest, other)].mean() >= _SIBLING_LINK)


def _core_words(group: list[int], units: list[Unit]) -> frozenset[str]:
    """The content words, names left out, that most of the group's units share:
    what the group says (names tell who or where, and a sentence can name the
    same people or places while saying something else)."""
    counts: dict[str, int] = {}
    for index in group:
        words, names, _, _ = features(units[index].text)
        for word in words - names:
            counts[word] = counts.get(word, 0) + 1
    return frozenset(word for word, count in counts.items() if count * 2 > len(group))


def _contains(unit: Unit, core: frozenset[str]) -> bool:
    """Whether the unit's words hold nearly all of a group's core words."""
    if len(core) < _CONTAINED_WORDS:
        return False
    return len(core & features(unit.text)[0]) >= _CONTAINED_SHARE * len(core)


def _merge(a: int, b: int, members: Groups, group_of: list[int]) -> None:
    keep, gone = min(a, b), max(a, b)
    for index in members[gone]:
        group_of[index] = keep
    members[keep] = sorted(members[keep] + members.pop(gone))


def _repeat_link(
    a: list[int], b: list[int], scores: np.ndarray, same_source: np.ndarray, numbers: list[frozenset[str]]
) -> bool:
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


def _usual_numbers(group: list[int], numbers: list[frozenset[str]]) -> set[str]:
    """The numbers most units of the group carry."""
    counts: dict[str, int] = {}
    for index in group:
        for number in numbers[index]:
            counts[number] = counts.get(number, 0) + 1
    return {number for number, count in counts.items() if count * 2 > len(group)}
