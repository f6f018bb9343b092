"""Reading the parse around date words: the clause a date belongs to, and
whether that clause looks back or ahead (which decides the year of a bare
month and the week of a bare weekday)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .mentions import Mention

if TYPE_CHECKING:
    from spacy.tokens import Token

CLAUSE_DEPS = {"ROOT", "ccomp", "advcl", "relcl", "conj", "parataxis", "csubj", "pcomp", "xcomp"}
SPEECH_VERBS = {"said", "says", "told", "tells", "added", "announced", "stated", "reported",
                "wrote", "tweeted", "confirmed", "warned"}
FUTURE_AUX = {"will", "shall", "'ll", "’ll"}
# Words that make a bare month look forward ("expect ... until June").
FORWARD_WORDS = {"will", "shall", "'ll", "’ll", "expect", "expects", "expected", "expecting",
                 "scheduled", "plan", "plans", "planned", "planning", "next", "upcoming",
                 "intend", "intends", "intended", "slated"}
# ... when followed by "to" and a verb ("due to be finished", "set to open").
FORWARD_BEFORE_TO = {"due", "set", "aim", "aims", "aiming", "going", "expected", "scheduled",
                     "planned", "slated"}
FORWARD_CUES = {"until", "till", "by"}
PAST_WORDS = {"ago", "last", "earlier", "previous", "previously", "since", "former", "formerly"}
# Dependents that stay with a verb when reading its tense and outlook.
_VERB_PARTS = ("aux", "auxpass", "neg", "advmod", "prt", "acomp", "xcomp")


def clause_head(token: Token, sentence_tokens: list[Token]) -> Token | None:
    """The verb heading the clause ``token`` belongs to, or None in a verbless sentence."""
    inside = {t.i for t in sentence_tokens}
    current, below = token, token
    for _ in range(40):
        if current.pos_ in ("VERB", "AUX") and current.dep_ in CLAUSE_DEPS:
            if _before_reported_subject(below, current):
                return current.head
            # an infinitive ("to rebuke") or a bare "X said" tail reports its governor's event
            # (a verb's complement, "will start accepting", "plans to open", tells its governor's time)
            infinitive = any(c.dep_ == "aux" and c.tag_ == "TO" for c in current.children) or current.dep_ == "xcomp"
            tail_speech = current.lower_ in SPEECH_VERBS and current.dep_ in ("conj", "parataxis")
            climbable = current.head.i != current.i and current.head.i in inside
            if not ((infinitive and current.dep_ != "ROOT") or tail_speech) or not climbable:
                return current
        if current.head.i == current.i or current.head.i not in inside:
            break
        current, below = current.head, current
    if current.pos_ in ("VERB", "AUX"):
        return current
    return None


def dated_participle(token: Token, sentence_tokens: list[Token]) -> bool:
    """'… faces checks after one of its buses overturned on Monday', 'the rules
    adopted on Tuesday': the parse hangs the participle from a noun (acl), so
    the clause above it ("faces") would give the day its tense; a day hanging
    from a participle by "on" dates that participle's event, one done. A
    participle that sets a time to come ("the talks scheduled for Monday") is
    no such event."""
    inside = {t.i for t in sentence_tokens}
    current, below = token, token
    for _ in range(40):
        if current.dep_ == "acl" and current.tag_ == "VBN" and below.dep_ == "prep" and below.lower_ == "on":
            return current.lower_ not in FORWARD_WORDS | FORWARD_BEFORE_TO
        if current.pos_ in ("VERB", "AUX") and current.dep_ in CLAUSE_DEPS or current.head.i == current.i \
                or current.head.i not in inside:
            return False
        current, below = current.head, current
    return False


def _before_reported_subject(part: Token, verb: Token) -> bool:
    """'The firm said on Tuesday it would cut 620 jobs': the parse hangs "on
    Tuesday" from the reported "cut", but a phrase between the speech verb and
    the reported clause's subject is the speech verb's (when it was said)."""
    if verb.dep_ != "ccomp" or verb.head.lower_ not in SPEECH_VERBS or part.dep_ not in ("prep", "npadvmod"):
        return False
    subjects = [child.i for child in verb.children if child.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and verb.head.i < part.i < min(subjects)


def main_verb_when_cut(token: Token, sentence_tokens: list[Token]) -> Token | None:
    """The sentence's own main verb when the parse hangs ``token``'s part of
    it from a word of another sentence ("PORT CALDEN — From Tuesday (Mar 12),
    ferries will ...": the date an apposition of the place; a subject read
    as an apposition of the sentence before), else None."""
    inside = {t.i for t in sentence_tokens}
    current = token
    for _ in range(40):
        if current.head.i == current.i:
            return None
        if current.head.i not in inside:
            main = next((t for t in sentence_tokens if t.pos_ in ("VERB", "AUX")
                         and (t.head.i == t.i or t.head.i not in inside)), None)
            # the whole sentence hung from the other one: its first verb tells it
            return main or next((t for t in sentence_tokens if t.pos_ == "VERB"), None)
        current = current.head
    return None


def verb_above(token: Token, sentence_tokens: list[Token]) -> Token | None:
    """The nearest verb ``token`` hangs from inside its sentence, whatever its
    dependency: the clause a day dates when the parse leaves the sentence no
    verb at its root ("… part of the Harbour Plan, a strategy launched on Jan
    21": the root a name, "launched" a participle of a noun)."""
    inside = {t.i for t in sentence_tokens}
    current = token
    for _ in range(40):
        if current.pos_ == "VERB":
            return current
        if current.head.i == current.i or current.head.i not in inside:
            return None
        current = current.head
    return None


def verb_of_noun_root(token: Token, sentence_tokens: list[Token]) -> Token | None:
    """The word telling the event of a day the parse hangs, through nouns
    only, from a sentence root the tagger made a noun: the root itself when
    it has a subject (a verb read as a noun: "the festival returns from Feb
    22", "returns" a noun), else the first participle hanging from a noun
    ("About 23 tonnes of oil leaked from a hose at the base on Feb 5": root
    "tonnes", "leaked" a participle of "oil", the day an apposition's). None
    when the day hangs from a verb, or the root is one."""
    inside = {t.i for t in sentence_tokens}
    current = token
    for _ in range(40):
        if current.pos_ in ("VERB", "AUX"):
            return None
        if current.head.i == current.i or current.head.i not in inside:
            break
        current = current.head
    if any(child.dep_ in ("nsubj", "nsubjpass") for child in current.children):
        return current
    return next((t for t in sentence_tokens if t.pos_ == "VERB" and t.dep_ == "acl"
                 and not any(part.i == token.i for part in t.subtree)), None)


def mention_root(tokens: list[Token], ids: set[int]) -> Token:
    """The token of a mention that the rest of the sentence hangs it from."""
    return next((t for t in tokens if t.head.i not in ids or t.head.i == t.i), tokens[0])


def is_future(verb: Token) -> bool:
    """'will meet', and a future reported in the past: 'said she would meet'
    (a "would" clause that a speech verb reports; not "would have")."""
    aux = {child.lower_ for child in verb.children if child.dep_ == "aux"}
    if aux & FUTURE_AUX:
        return True
    return "would" in aux and "have" not in aux and verb.dep_ == "ccomp" and verb.head.lower_ in SPEECH_VERBS


def announces(verb: Token) -> bool:
    """'On Jan 22, the agency said he will be charged': a speech verb that
    reports an event to come; its day is the announcement's, not the event's."""
    return verb.lower_ in SPEECH_VERBS and any(
        child.dep_ in ("ccomp", "xcomp") and child.pos_ in ("VERB", "AUX") and is_future(child)
        for child in verb.children)


def is_scheduled(verb: Token) -> bool:
    """'The bazaar runs until Mar 29', 'the iftar happens on Mar 22': an event
    told in the simple present, as a timetable tells what is to come (not
    "says", nor a present perfect or passive: "has closed", "is closed")."""
    aux = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    return verb.tag_ in ("VBZ", "VBP") and not aux and verb.lower_ not in SPEECH_VERBS \
        and verb.lemma_ not in ("be", "have", "say")


def tells_no_time(verb: Token) -> bool:
    """'The deadline is Mar 22', 'the iftar is where the magic happens': a
    present "is"/"are" with no other verb form beside it; or a present
    progressive ("the resort is accepting bookings for stays from Apr 2")."""
    aux = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBG":
        return len(aux) == 1 and aux[0].lower_ in ("is", "are", "am", "'s", "'re", "’s", "’re")
    return verb.lemma_ == "be" and verb.tag_ in ("VBZ", "VBP") and not aux


def set_to_come(head: Token | None) -> bool:
    """'The suspects are due to appear in court on Friday', 'the line is set
    to open on Monday', 'is expected to announce': a plan told in the present
    ("due", "set", "expected" ... with "to" and a verb) is of a time to come;
    told in the past ("was set to open") it may have passed, unless a speech
    verb reports it ("Kestel said the river was expected to peak on Monday":
    the tense follows "said")."""
    if head is None:
        return False
    if _told_in_past_tense(head) and not (head.dep_ == "ccomp" and head.head.lower_ in SPEECH_VERBS):
        return False
    return any(_set_to(token) for token in (head, *(child for child in head.children
                                                     if child.dep_ in ("acomp", "oprd", "xcomp"))))


def ends_ahead(mod: str, head: Token | None) -> bool:
    """'sailings are cancelled until Friday', 'the company had cancelled all
    sailings until Friday' (reported), 'must be paid by Friday': the end of a
    period or a deadline given by a bare weekday is the coming one, unless
    its clause tells it done in the past ("the road stayed shut until Friday",
    "by Friday, 20 had been arrested"); the weekday's twin of a bare month's
    cue (``looks_forward``)."""
    if head is None or " ".join(mod.lower().split()) not in FORWARD_CUES:
        return False
    reported = head.dep_ == "ccomp" and head.head.lower_ in SPEECH_VERBS \
        and any(child.dep_ in ("aux", "auxpass") and child.lower_ in ("had", "would") for child in head.children)
    return not _told_in_past_tense(head) or reported


def _told_in_past_tense(verb: Token) -> bool:
    """'closed', 'was closed', 'had closed': a simple past, or a past auxiliary."""
    return verb.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)


def _set_to(token: Token) -> bool:
    """'due to be finished', 'set to open': a word of plans, then "to" and a verb."""
    doc = token.doc
    return token.lower_ in FORWARD_BEFORE_TO and token.i + 2 < len(doc) and doc[token.i + 1].lower_ == "to" \
        and doc[token.i + 2].pos_ in ("VERB", "AUX")


def told_in_past(token: Token, head: Token, sentence_tokens: list[Token]) -> bool:
    """'…will cut 650 jobs, the maker announced on Tuesday': the day hangs from
    a past speech verb below the future clause it reports, so it is a past day."""
    verb = verb_above(token, sentence_tokens)  # "announced" may be parsed a participle of "the maker"
    return verb is not None and verb.i != head.i and verb.tag_ in ("VBD", "VBN") \
        and verb.lower_ in SPEECH_VERBS and not is_future(verb)


def told_done(verb: Token) -> bool:
    """'was alerted', 'said', 'has closed': a clause told as done (a simple
    past, or a participle with a past or perfect auxiliary), not one to come
    ('will open', 'said she would meet') nor one told in the present ('is
    expected', 'opens')."""
    if is_future(verb):
        return False
    aux = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    if any(child.tag_ == "MD" for child in aux):
        return False
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(child.tag_ == "VBD" or child.lemma_ == "have" for child in aux)


def looks_forward(mention: Mention, tokens: list[Token], sentence_tokens: list[Token]) -> bool:
    """True when the clause of a bare month looks ahead ("expect ... until June")."""
    root = mention_root(tokens, {t.i for t in tokens})
    head = clause_head(root, sentence_tokens)
    scope = _outlook_scope(root, head, {t.i for t in sentence_tokens})
    words = {t.lower_ for t in scope}
    cue = (mention.groups.get("cue") or "").lower()
    if cue in ("since", "last") or words & PAST_WORDS:
        return False
    if words & FORWARD_WORDS:
        return True
    if any(_set_to(t) for t in scope):
        return True  # "due to be finished", "set to open"
    if cue in FORWARD_CUES and head is not None:
        return not _told_in_past_tense(head)  # "closed until June" looks ahead; "was closed until June" back
    return False


def _outlook_scope(root: Token, head: Token | None, inside: set[int]) -> set[Token]:
    """The month's own clause ("June, when repairs are due") and the words from
    the month up to its clause's verb, with that verb's auxiliaries and adverbs."""
    scope = set(root.subtree)
    current = root
    for _ in range(40):
        scope.add(current)
        scope.update(c for c in current.children if c.dep_ in _VERB_PARTS)
        if head is None or current.i == head.i or current.head.i == current.i \
                or current.head.i not in inside:
            break
        current = current.head
    return scope
