"""Numbers: quantities with what they count, and number conflicts across sources.

``extract_quantities(article, sentences, doc)`` reads one article, its sentences
(exact offsets, from ``split``) and its spaCy ``Doc`` (parsed over the whole
``article.text``) and returns every countable quantity outside removed spans:
its value, qualifier, unit, the noun it counts (as written and normalised), the
class of that noun, and the event it is a count of ("injured", "killed",
"deployed", ...).

``number_conflicts(articles, quantities)`` reads those quantities for all
articles and adds ``Conflict(kind="number")`` for the same quantity reported
with incompatible values by independent sources.

How a quantity is read, in order:

1. the number itself from the tokens: digits ("30", "3,800", "3.5", "5bn"),
   words ("eleven", "twenty-five", "two hundred and fifty", "a dozen") and
   vague words ("hundreds", "dozens", "tens of thousands": kept, marked
   ``vague``, never compared); a scale word ("million") and unit ("%", "per
   cent", "€") around it; a range ("50-60", "10 to 12", "between 10 and 20")
   keeps both ends and invents no midpoint;
2. skipped: dates, times and ordinals (spaCy's DATE/TIME/ORDINAL), numbers
   inside names ("247 News Reel"), years written as bare four digits
   ("2008 declaration") unless they count a plural noun, and "one" used as a
   pronoun;
3. the qualifier from the words before it ("at least", "more than", "almost",
   "some", "up to", ...);
4. the counted noun: the head of the number's ``nummod`` arc, else the first
   noun after it ("Eleven Italian and 19 Hungarian soldiers"); partitive heads
   take their ``of`` phrase ("30 members of the NATO mission"), percentages the
   noun they describe ("a 3.5% turnout", "turnout of less than 3.5%");
5. the event: the nearest event word on the dependency path from the counted
   noun up to the root ("were injured", "left ... wounded", "sustained
   injuries"), else the nearest event word in the same sentence.
"""
from __future__ import annotations

import bisect
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..model import Article, Conflict, ConflictValue, Evidence, Sentence

QUALIFIERS = ("exactly", "at_least", "more_than", "less_than", "at_most", "almost", "about")

# Longest phrases first, so "no more than" wins over "more than".
_QUALIFIER_PHRASES: list[tuple[tuple[str, ...], str]] = sorted(
    [
        (("at", "least"), "at_least"),
        (("no", "fewer", "than"), "at_least"),
        (("no", "less", "than"), "at_least"),
        (("a", "minimum", "of"), "at_least"),
        (("more", "than"), "more_than"),
        (("over",), "more_than"),
        (("above",), "more_than"),
        (("upwards", "of"), "more_than"),
        (("in", "excess", "of"), "more_than"),
        (("less", "than"), "less_than"),
        (("fewer", "than"), "less_than"),
        (("under",), "less_than"),
        (("below",), "less_than"),
        (("up", "to"), "at_most"),
        (("at", "most"), "at_most"),
        (("no", "more", "than"), "at_most"),
        (("as", "many", "as"), "at_most"),
        (("a", "maximum", "of"), "at_most"),
        (("almost",), "almost"),
        (("nearly",), "almost"),
        (("close", "to"), "almost"),
        (("just", "under"), "almost"),
        (("about",), "about"),
        (("around",), "about"),
        (("some",), "about"),
        (("approximately",), "about"),
        (("roughly",), "about"),
        (("an", "estimated"), "about"),
        (("estimated",), "about"),
        (("circa",), "about"),
        (("approx",), "about"),
    ],
    key=lambda item: -len(item[0]),
)

_UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000,
           "billion": 1_000_000_000, "trillion": 1_000_000_000_000}
_SCALE_ABBREV = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000,
                 "bn": 1_000_000_000, "b": 1_000_000_000, "tn": 1_000_000_000_000}
_VAGUE = {"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1_000,
          "millions": 1_000_000, "billions": 1_000_000_000}
_CURRENCY_SYMBOLS = {"€", "$", "£", "¥", "₹", "₽", "us$", "c$", "a$"}
_PERCENT_WORDS = {"%", "percent", "pct"}

_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_DIGITS_SCALED = re.compile(r"^(\d+(?:\.\d+)?)(k|m|mn|mln|bn|b|tn)$", re.I)
_DIGIT_RANGE = re.compile(r"^(\d[\d,]*(?:\.\d+)?)[-–](\d[\d,]*(?:\.\d+)?)$")

# spaCy's DATE label is not trusted ("Between 10 and 20 cars" comes out as a
# date); dates are told by month names, time units and the year rule instead.
_SKIP_ENTS = {"ORG", "PRODUCT", "WORK_OF_ART", "LAW", "FAC", "GPE", "PERSON", "LOC", "LANGUAGE"}
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
           "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
             "today", "yesterday", "tonight"}
_TIME_UNITS = {"second", "minute", "hour", "day", "night", "week", "weekend", "month", "year",
               "decade", "century", "millennium"}
_CLOCK = {"a.m.", "p.m.", "am", "pm", "o'clock", "gmt", "utc", "cet", "est"}

# Event words, as written, to the event they count. Kept small and plain:
# a count is only compared with counts of the same event.
_EVENT_FORMS = {
    "injured": "injure injured injures injuring injury injuries hurt hurting wounded "
               "wound wounds wounding hospitalised hospitalized",
    "killed": "kill killed kills killing killings dead die died dies dying death deaths "
              "perished fatalities fatality",
    "deployed": "deploy deployed deploys deploying deployment send sends sent sending "
                "dispatch dispatched dispatching reinforce reinforcing reinforcements "
                "mobilised mobilized",
    # the standing strength of a force ("Germany has 850 troops there", "troops stationed")
    "present": "stationed based garrisoned",
    "arrested": "arrest arrested arrests arresting detained detain detains detaining "
                "detention detentions",
    "evacuated": "evacuate evacuated evacuating evacuation",
    "displaced": "displaced fled flee fleeing homeless",
    "missing": "missing",
}
EVENTS = {form: event for event, forms in _EVENT_FORMS.items() for form in forms.split()}
# Tolls: the events whose counts are casualty figures. A noun that is itself a
# toll word ("two fatalities", "six deaths", "120 wounded") counts people.
TOLLS = {"killed", "injured"}
# Verbs of a force's standing strength: "Germany has 850 soldiers at a base".
_PRESENCE_VERBS = {"have", "remain", "station", "base", "consist", "number", "keep", "maintain"}
# Verbs too general to say what an event-less count of things is about.
_GENERIC_VERBS = {"be", "have", "show", "see", "include", "say", "make", "get", "take", "give",
                  "involve", "feature", "use", "go", "come", "reach", "hit", "bring", "contain"}
# Words that make a count an addition or a part of another count.
_INCREMENT_BEFORE = {"another", "other", "remaining", "additional", "further", "extra"}
_INCREMENT_AFTER = {"more", "other", "additional", "further", "extra"}
_SUBSET_OF = {"the", "them", "those", "these", "us", "whom", "which", "its", "their", "his", "her"}
_PARTITION = re.compile(r"\b(?:the|an?) (?:other|remaining|rest of the)\b|\bthe rest\b", re.I)
_SEVERITY = re.compile(r"\b(?:serious(?:ly)?|critical(?:ly)?|life-threatening|minor|severe(?:ly)?|"
                       r"slight(?:ly)?|walking wounded)\b", re.I)
# A sentence dated to an earlier time is about an earlier event ("air strikes
# last week that killed 30"): background, never compared with this story's counts.
_BACKGROUND = re.compile(
    r"\b(?:last|past|previous|earlier this|this|prior) (?:week|month|year|weekend|decade|summer|"
    r"winter|spring|autumn|fall)\b|\b(?:weeks|months|years|decades) (?:ago|earlier|before)\b|"
    r"\b(?:in|since|of|during) (?:19|20)\d\d\b|\bsince (?:january|february|march|april|may|june|"
    r"july|august|september|october|november|december)\b|\bon that occasion\b",
    re.I,
)

# Which people a count is about. Counts of one class may be the same people
# written differently ("protesters", "civilians", "Serbs"); different classes
# are never compared (soldiers are not protesters).
_CLASS_WORDS = {
    "military": "soldier troop peacekeeper serviceman servicewoman servicemember marine "
                "paratrooper sailor airman trooper personnel reservist commando conscript "
                "guardsman",
    "police": "police policeman policewoman officer cop gendarme",
    "civilians": "civilian protester protestor demonstrator person people resident citizen "
                 "villager rioter local bystander passerby passer-by individual participant "
                 "inhabitant man woman youth pedestrian body victim",
    "children": "child kid minor boy girl baby infant toddler teenager student pupil",
    "journalists": "journalist reporter photographer cameraman",
}
_NOUN_CLASS = {word: cls for cls, words in _CLASS_WORDS.items() for word in words.split()}
PEOPLE_CLASSES = set(_CLASS_WORDS)
# Other nouns for people: a count of them needs an event to be compared, like
# the classes above, but each is only compared with itself.
_PERSON_NOUNS = set("""
official worker employee staff member passenger victim firefighter paramedic doctor nurse
patient crew crewman driver pilot guard fighter militant insurgent rebel attacker gunman
suspect prisoner detainee hostage migrant refugee asylum-seeker student teacher tourist
visitor fan spectator voter shopper customer other
""".split())
# "members of the mission": the class comes from what they are members of.
_PARTITIVE = {"member", "part", "group", "contingent"}
_MILITARY_BODIES = {"mission", "force", "army", "military", "contingent", "battalion",
                    "brigade", "unit", "navy", "alliance", "troop", "soldier", "peacekeeper"}
_IRREGULAR = {"people": "people", "men": "man", "women": "woman", "children": "child",
              "police": "police", "personnel": "personnel", "servicemen": "serviceman",
              "servicewomen": "servicewoman", "policemen": "policeman",
              "policewomen": "policewoman", "staff": "staff", "media": "media",
              "feet": "foot", "teeth": "tooth", "mice": "mouse", "series": "series",
              "news": "news", "species": "species", "gardaí": "garda"}


@dataclass
class Quantity:
    """One number in one source, with what it counts.

    ``value`` is the number as written (the low end for a range, the unit for a
    vague word like "hundreds"); ``low``/``high`` are set for ranges only.
    ``start``/``end`` cover the qualifier, number and unit ("more than 53",
    "€2.3 million", "3.5%"); ``text`` is ``article.text[start:end]``.
    """

    source: str
    start: int
    end: int
    value: float
    qualifier: str = "exactly"  # one of QUALIFIERS
    low: float | None = None
    high: float | None = None
    unit: str | None = None  # "%", "€", "$"... (None for plain counts)
    counted: str | None = None  # the counted noun as written: "NATO soldiers"
    head: str | None = None  # normalised head noun: "soldier"
    referent: str | None = None  # class of what is counted: military, civilians... else head
    event: str | None = None  # injured|killed|deployed|arrested|...
    sentence: int = -1  # Sentence.index of the sentence holding it
    text: str = ""
    vague: bool = False  # "hundreds", "dozens": never compared
    precision: float = 0.0  # half a unit of the last written decimal
    demonym: bool = False  # counted noun is a people name ("Serbs", "Italians")
    part_of: int | None = None  # index (in this source's list) of the total it is part of
    derived: bool = False  # a total summed from coordinated parts ("11 ... and 19 ...")
    sentence_span: tuple[int, int] | None = field(default=None, repr=False)
    descriptor: bool = False  # "nine-person brawl", "93-seat parliament": describes another noun
    increment: bool = False  # "two more", "another two", "two other": added to some other count
    subset: bool = False  # "three of the soldiers", or its sentence splits a group ("the other two")
    background: bool = False  # its sentence is dated to an earlier time ("last week", "in 2015")
    owners: frozenset = field(default_factory=frozenset)  # whose: "German troops", "Germany has"
    verb: str | None = None  # lemma of the verb governing the count
    context: frozenset = field(default_factory=frozenset, repr=False)  # content lemmas of its sentence
    modifiers: frozenset = field(default_factory=frozenset, repr=False)  # of the counted noun

    @property
    def people(self) -> bool:
        return self.referent in PEOPLE_CLASSES or self.head in _PERSON_NOUNS or self.demonym

    @property
    def key(self) -> tuple | None:
        """What must match for two quantities to be the same quantity, or None."""
        if self.vague or self.referent is None or self.descriptor:
            return None
        if self.people and self.event is None:
            # "30 soldiers" without an event could be anything: too loose to compare.
            return None
        return (self.event, self.referent, self.unit)


# ---------------------------------------------------------------- extraction


def extract_quantities(article: Article, sentences, doc) -> list[Quantity]:
    """Quantities of one article (see the module docstring for the method).

    ``sentences`` is this article's ``list[Sentence]`` (or the whole
    ``dict[source_id, list[Sentence]]``); ``doc`` is its spaCy Doc.
    """
    if isinstance(sentences, dict):
        sentences = sentences.get(article.id, [])
    sentences = sorted(sentences or [], key=lambda s: s.start)
    starts = [s.start for s in sentences]
    found: list[Quantity] = []
    i = 0
    n = len(doc)
    while i < n:
        token = doc[i]
        read = _read_quantity(article, doc, i)
        if read is None:
            i += 1
            continue
        quantity, last = read
        i = last + 1
        if article.is_removed(quantity.start, quantity.end):
            continue
        sentence = _containing(sentences, starts, quantity.start)
        if sentence is not None:
            quantity.sentence = sentence.index
            quantity.sentence_span = (sentence.start, sentence.end)
        elif sentences:
            continue  # outside every sentence: a title, caption or other removed text
        else:
            sent = token.sent
            quantity.sentence = -1
            quantity.sentence_span = (sent.start_char, sent.end_char)
        said = article.text[quantity.sentence_span[0]:quantity.sentence_span[1]]
        quantity.background = _dated_earlier(doc, said, quantity.sentence_span[0])
        if _PARTITION.search(said):
            quantity.subset = True  # "two ... and the other two ...": every count here is a part
        found.append(quantity)
    _mark_parts(article, found)
    return found


def _dated_earlier(doc, sentence: str, offset: int) -> bool:
    """True when the sentence is dated to an earlier time ("last week", "in
    2015"), unless the date is only a starting point ("after the end of the
    mission in 2015, 1,000 troops have remained")."""
    for match in _BACKGROUND.finditer(sentence):
        if match.group(0).lower().startswith("since"):
            return True  # a count over a period: "five incidents since June"
        at = offset + match.end() - 1
        token = next((t for t in doc if t.idx <= at < t.idx + len(t.text)), None)
        if token is None:
            return True
        starting_point = False
        node = token
        for _ in range(8):
            if node.dep_ == "prep" and node.lower_ in ("after", "since", "until", "before", "from"):
                starting_point = True
                break
            if node.head is node or node.pos_ in ("VERB", "AUX"):
                break
            node = node.head
        if not starting_point:
            return True
    return False


def _containing(sentences: list[Sentence], starts: list[int], offset: int):
    at = bisect.bisect_right(starts, offset) - 1
    if at >= 0 and sentences[at].start <= offset < sentences[at].end:
        return sentences[at]
    return None


def _read_quantity(article: Article, doc, i: int):
    """The quantity starting at token ``i``, and its last token index; or None."""
    token = doc[i]
    if token.ent_type_ in _SKIP_ENTS:
        return None
    number = _read_number(doc, i)
    if number is None:
        return None
    value, last, decimals, vague, as_words = number
    first = i
    # "a dozen": the article belongs to the number.
    if as_words and first > 0 and doc[first - 1].lower_ in ("a", "an") and doc[first].lower_ in (
        "dozen", "hundred", "thousand", "million", "billion"
    ):
        first -= 1
    if _is_identifier(doc, first, last) or _is_date(doc, i, last):
        return None

    unit = None
    if first > 0 and doc[first - 1].lower_ in _CURRENCY_SYMBOLS:
        first -= 1
        unit = doc[first].text
    last_token = last
    nxt = last + 1
    if nxt < len(doc) and doc[nxt].lower_ in _PERCENT_WORDS:
        unit, last_token = "%", nxt
    elif nxt + 1 < len(doc) and doc[nxt].lower_ == "per" and doc[nxt + 1].lower_ == "cent":
        unit, last_token = "%", nxt + 1

    low = high = None
    range_end = _read_range_end(doc, last_token, value, unit)
    if range_end is not None:
        high, last_token = range_end
        low = value
    elif "-" in doc[last].text or "–" in doc[last].text:
        match = _DIGIT_RANGE.match(doc[last].text)
        if match:
            low = value
            high = float(match.group(2).replace(",", ""))
    if first > 0 and doc[first - 1].lower_ == "between" and range_end is not None:
        first -= 1

    qualifier = "exactly"
    if low is None:
        qualifier, first = _read_qualifier(doc, first)
    if vague:
        qualifier = "at_least"
    elif qualifier == "exactly" and as_words and doc[i].lower_ == "dozen":
        qualifier = "about"

    counted_tokens, head_token = _counted_noun(doc, first, last, last_token, unit)
    if head_token is not None and head_token.lower_ in _WEEKDAYS:
        counted_tokens, head_token = None, None  # "rose to at least six Friday"
    if as_words and doc[last].lower_ == "one" and doc[last].dep_ != "nummod":
        return None  # "one of those places": a pronoun, not a count
    if _looks_like_year(doc[i].text, value, decimals, head_token):
        return None
    if head_token is not None and _singular(head_token.text) in _TIME_UNITS:
        return None  # "two decades", "30 days": durations, not counts

    start = doc[first].idx
    end = doc[last_token].idx + len(doc[last_token].text)
    head = _singular(head_token.text) if head_token is not None else None
    quantity = Quantity(
        source=article.id,
        start=start,
        end=end,
        value=value,
        qualifier=qualifier,
        low=low,
        high=high,
        unit=unit,
        counted=counted_tokens,
        head=head,
        text=article.text[start:end],
        vague=vague,
        precision=0.5 * 10 ** (-decimals) if decimals else 0.0,
    )
    if head_token is not None:
        quantity.demonym = _is_demonym(head_token)
        quantity.referent = _referent(head_token, head, quantity.demonym)
        quantity.event = _event(doc, head_token, i, quantity.people)
        if head in EVENTS and EVENTS[head] in TOLLS:
            # "two fatalities", "six deaths", "120 wounded": the noun is the toll itself
            quantity.event, quantity.referent = EVENTS[head], "civilians"
        elif head == "other" and quantity.event in TOLLS:
            quantity.referent = "civilians"  # "100 others wounded"
    elif unit is None:
        toll = _bare_toll(doc[last])
        if toll is not None:
            # "killing six and wounding 120", "the death toll rose to six"
            quantity.event, quantity.referent = toll, "civilians"
    _describe(doc, quantity, first, last, last_token, head_token)
    if quantity.event is None and quantity.referent in ("military", "police") \
            and quantity.verb in _PRESENCE_VERBS:
        quantity.event = "present"
    return quantity, last_token


def _describe(doc, quantity: Quantity, first: int, last: int, last_token: int, head_token) -> None:
    """What tells this count from others of the same thing: whether it describes
    another noun, adds to or is part of another count, whose things it counts,
    its governing verb and the content words around it."""
    n = len(doc)
    nxt = last_token + 1
    if nxt + 1 < n and doc[nxt].text in ("-", "–") and not doc[last_token].whitespace_ \
            and not doc[nxt].whitespace_ and doc[nxt + 1].pos_ in ("NOUN", "ADJ", "PROPN"):
        quantity.descriptor = True  # "nine-person brawl", "a 33-second video"
    words_before = {doc[j].lower_ for j in range(max(0, first - 2), first)}
    if words_before & _INCREMENT_BEFORE:
        quantity.increment = True
    if nxt < n and doc[nxt].lower_ in _INCREMENT_AFTER:
        quantity.increment = True
    if quantity.event == "injured":
        # "eight people had serious injuries", "seriously injured five": some of the injured
        near = []
        for j in range(nxt, min(n, nxt + 6)):
            if doc[j].is_punct:
                break
            near.append(doc[j].text)
        for j in range(first - 1, max(-1, first - 4), -1):
            if doc[j].is_punct:
                break
            near.append(doc[j].text)
        if _SEVERITY.search(" ".join(near)):
            quantity.subset = True
    if nxt + 1 < n and doc[nxt].lower_ == "of" and doc[nxt + 1].lower_ in _SUBSET_OF \
            and not (first > 0 and doc[first - 1].lower_ == "all"):
        quantity.subset = True  # "three of the 30 soldiers", "four of whom"
    anchor = head_token if head_token is not None else doc[last]
    verb = anchor
    for _ in range(8):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
    quantity.verb = _lemma(verb) if verb.pos_ in ("VERB", "AUX") else None
    owners = set()
    if head_token is not None:
        for child in head_token.children:
            if child.dep_ in ("amod", "compound", "poss", "nmod") and child.ent_type_ in ("NORP", "GPE", "ORG"):
                owners |= _owner_key(child.text)
            if child.dep_ in ("amod", "compound", "poss", "nmod") and child.i < head_token.i:
                quantity.modifiers = quantity.modifiers | {_lemma(child)}
        if head_token.dep_ in ("dobj", "attr") and verb.pos_ in ("VERB", "AUX"):
            clause = verb
            while clause.dep_ == "conj" and clause.head is not clause and not _subject(clause):
                clause = clause.head
            subject = _subject(clause)
            if subject is not None and subject.ent_type_ in ("NORP", "GPE", "ORG"):
                owners |= _owner_key(subject.text)
    quantity.owners = frozenset(owners)
    sent = anchor.sent
    quantity.context = frozenset(
        _lemma(t) for t in sent
        if t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ") and not t.is_stop and t.is_alpha
        and (head_token is None or t.i != head_token.i)
    )


_IRREGULAR_VERBS = {"has": "have", "had": "have", "having": "have", "is": "be", "are": "be",
                    "was": "be", "were": "be", "been": "be", "being": "be", "am": "be",
                    "took": "take", "taken": "take", "brought": "bring", "sent": "send",
                    "went": "go", "gone": "go", "came": "come", "made": "make", "got": "get",
                    "gave": "give", "given": "give", "saw": "see", "seen": "see", "kept": "keep",
                    "shown": "show", "said": "say"}


def _lemma(token) -> str:
    """The token's lemma; a plain suffix-stripping guess where the model has no
    lemmatizer (the same word always gets the same guess)."""
    if token.lemma_ and token.lemma_ != token.text:
        return token.lemma_.lower()
    word = token.lower_
    if word in _IRREGULAR_VERBS:
        return _IRREGULAR_VERBS[word]
    if token.pos_ in ("VERB", "AUX"):
        for suffix, keep in (("ying", "y"), ("ing", ""), ("ied", "y"), ("ed", ""), ("es", ""), ("s", "")):
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                stem = word[: len(word) - len(suffix)] + keep
                if suffix in ("ed", "ing") and len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "ls":
                    stem = stem[:-1]  # "stopped" -> "stop"
                return stem
        return word
    return _singular(word)


def _subject(verb):
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _owner_key(text: str) -> set[str]:
    """"Germany", "German", "German's" -> {"germ"}: names and their demonyms meet
    on their first four letters (a mismatch only keeps two counts apart)."""
    return {w[:4] for w in re.findall(r"[a-z]+", _fold_ascii(text)) if len(w) > 2}


def _fold_ascii(text: str) -> str:
    from ..nlp.text import plain

    return plain(text)


def _bare_toll(number):
    """The toll event a number with no counted noun stands in: the object of
    "killing"/"wounding", or the value of a "death toll"; else None."""
    head = number.head
    if number.dep_ in ("dobj", "nsubjpass", "nsubj", "nummod", "conj", "appos") and head.lower_ in EVENTS \
            and EVENTS[head.lower_] in TOLLS:
        return EVENTS[head.lower_]  # "wounding 120", "120 wounded"
    # "the death toll rose to six", "a death toll of six", "the death toll was six"
    node = number
    for _ in range(4):
        node = node.head
        candidates = [node] + [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        for cand in candidates:
            if cand.lower_ in ("toll", "tally"):
                for child in cand.children:
                    if child.dep_ in ("compound", "amod") and child.lower_ in EVENTS \
                            and EVENTS[child.lower_] in TOLLS:
                        return EVENTS[child.lower_]
        if node.head is node:
            break
    return None


def _word_value(word: str):
    word = word.lower()
    if word in _UNITS_WORDS:
        return _UNITS_WORDS[word]
    if word in _TENS_WORDS:
        return _TENS_WORDS[word]
    if "-" in word:  # "twenty-five" as one token
        left, _, right = word.partition("-")
        if left in _TENS_WORDS and right in _UNITS_WORDS and 0 < _UNITS_WORDS[right] < 10:
            return _TENS_WORDS[left] + _UNITS_WORDS[right]
    return None


def _read_number(doc, i: int):
    """(value, last token, decimals, vague, as_words) for a number at token i."""
    text = doc[i].text
    lower = text.lower()
    if _DIGITS.match(text):
        value = float(text.replace(",", ""))
        decimals = len(text.split(".")[1]) if "." in text else 0
        last = i
        if i + 1 < len(doc) and doc[i + 1].lower_ in _SCALES and doc[i + 1].lower_ != "hundred":
            value *= _SCALES[doc[i + 1].lower_]
            last = i + 1
            if decimals:
                decimals -= int(round(math.log10(_SCALES[doc[i + 1].lower_])))
        elif i + 1 < len(doc) and doc[i + 1].lower_ in _SCALE_ABBREV and not doc[i].whitespace_:
            value *= _SCALE_ABBREV[doc[i + 1].lower_]
            last = i + 1
            decimals = 0
        return value, last, max(decimals, 0), False, False
    match = _DIGITS_SCALED.match(text)
    if match:
        return float(match.group(1)) * _SCALE_ABBREV[match.group(2).lower()], i, 0, False, False
    match = _DIGIT_RANGE.match(text)
    if match and text.count("-") + text.count("–") == 1:
        return float(match.group(1).replace(",", "")), i, 0, False, False
    if lower in _VAGUE or lower == "tens":
        return _read_vague(doc, i)
    if lower == "dozen":
        if i > 0 and doc[i - 1].lower_ in ("a", "half"):
            return 12.0, i, 0, False, True
        return None
    if _word_value(lower) is not None or lower in _SCALES:
        return _read_number_words(doc, i)
    return None


def _read_vague(doc, i: int):
    lower = doc[i].lower_
    # "tens of thousands", "hundreds of thousands"
    if i + 2 < len(doc) and doc[i + 1].lower_ == "of" and doc[i + 2].lower_ in _VAGUE:
        base = 10 if lower == "tens" else _VAGUE.get(lower, 1)
        return float(base * _VAGUE[doc[i + 2].lower_]), i + 2, 0, True, True
    if lower == "tens":
        return None
    return float(_VAGUE[lower]), i, 0, True, True


def _read_number_words(doc, i: int):
    """Spelled-out numbers: "eleven", "twenty-five", "two hundred and fifty"."""
    total = 0
    current = 0
    last = None
    j = i
    seen = False
    while j < len(doc):
        word = doc[j].lower_
        value = _word_value(word)
        if value is not None:
            if seen and current % 100 != 0 and value < 100 and current % 10 == 0 and value < 10:
                current += value  # "twenty five"
            elif seen and current and not (current % 100 == 0 and value < 100) and not (
                current % 10 == 0 and current % 100 != 0 and value < 10
            ):
                break  # "two three": two numbers, stop
            else:
                current += value
            seen, last = True, j
        elif word in _SCALES and seen:
            scale = _SCALES[word]
            if scale == 100:
                current *= 100
            else:
                total += current * scale
                current = 0
            last = j
        elif word in _SCALES and not seen and j == i and i > 0 and doc[i - 1].lower_ in ("a", "an"):
            current = _SCALES[word]
            seen, last = True, j
        elif word == "-" and not doc[j - 1].whitespace_ and seen:
            pass
        elif word == "and" and seen and j + 1 < len(doc) and _word_value(doc[j + 1].lower_) is not None \
                and doc[j - 1].lower_ in _SCALES:
            pass
        else:
            break
        j += 1
    if last is None:
        return None
    return float(total + current), last, 0, False, True


def _read_range_end(doc, last: int, low: float, unit):
    """The high end of "50-60", "10 to 12", "between 10 and 20"; None otherwise."""
    j = last + 1
    if j + 1 >= len(doc):
        return None
    joiner = doc[j].lower_
    between = doc[last].i > 0 and any(t.lower_ == "between" for t in doc[max(0, last - 3):last])
    if joiner not in ("-", "–", "—", "to") and not (joiner == "and" and between):
        return None
    number = _read_number(doc, j + 1)
    if number is None:
        return None
    high, high_last, _, vague, _ = number
    if vague or high <= low:
        return None  # "3-1" is a score, not a range
    end = high_last
    if unit == "%" and end + 1 < len(doc) and doc[end + 1].lower_ in _PERCENT_WORDS:
        end += 1
    return high, end


def _read_qualifier(doc, first: int) -> tuple[str, int]:
    for phrase, qualifier in _QUALIFIER_PHRASES:
        begin = first - len(phrase)
        if begin < 0:
            continue
        if tuple(t.lower_ for t in doc[begin:first]) == phrase:
            return qualifier, begin
    return "exactly", first


def _is_identifier(doc, first: int, last: int) -> bool:
    """Numbers that name rather than count: "F-16", "Resolution 1244", "COVID-19"."""
    text = doc[last].text
    if any(c.isalpha() for c in text) and not _DIGITS_SCALED.match(text) and _word_value(text) is None \
            and text.lower() not in _SCALES and text.lower() not in _VAGUE and text.lower() != "dozen":
        return True
    if first > 0:
        before = doc[first - 1]
        if before.text in ("-", "#", "/") and not before.whitespace_:
            return True
        if before.text[:1].isupper() and before.pos_ in ("PROPN", "NOUN") and not before.is_sent_start \
                and before.lower_ not in EVENTS and doc[last].dep_ != "nummod" \
                and doc[first].text[:1].isdigit():
            return True
    if last + 1 < len(doc) and doc[last + 1].text in (":", "/") and not doc[last].whitespace_:
        return True  # "10:30", "5/6"
    return False


def _is_date(doc, first: int, last: int) -> bool:
    """"May 30", "30 May", "May 30, 2023", "5 p.m."."""
    def month(j):
        return 0 <= j < len(doc) and doc[j].lower_ in _MONTHS and doc[j].text[:1].isupper()
    if month(first - 1) or month(last + 1):
        return True
    if first >= 2 and doc[first - 1].text == "," and month(first - 3):
        return True  # the year of "May 30, 2023"
    return last + 1 < len(doc) and doc[last + 1].lower_ in _CLOCK


def _looks_like_year(text: str, value: float, decimals: int, head_token) -> bool:
    if not (len(text) == 4 and text.isdigit() and 1000 <= value <= 2100):
        return False
    plural = head_token is not None and _singular(head_token.text) != head_token.text.lower()
    return not plural


def _counted_noun(doc, first: int, last: int, last_token: int, unit):
    """(counted noun as written, head token) for the number at tokens first..last."""
    if unit == "%":
        return _percent_noun(doc, last_token)
    number = doc[last]
    head = None
    if number.dep_ in ("nummod", "quantmod", "compound") and number.head.pos_ in ("NOUN", "PROPN") \
            and number.head.i > last_token:
        head = number.head
    if head is None:
        head = _following_noun(doc, last_token)
    if head is None:
        return None, None
    if head.i > last_token and not any(t.pos_ == "NUM" for t in doc[last_token + 1:head.i]):
        text = doc.text[doc[last_token + 1].idx:head.idx + len(head.text)]
    else:  # "Eleven Italian and 19 Hungarian soldiers": just "soldiers"
        text = head.text
    if _singular(head.text) in _PARTITIVE:
        pobj = _of_object(head)
        if pobj is not None:
            text = doc.text[min(head.idx, doc[last_token + 1].idx):pobj.idx + len(pobj.text)]
    return text, head


def _following_noun(doc, last: int):
    """The first noun after a number, across modifiers and coordinated numbers."""
    j = last + 1
    while j < len(doc) and j <= last + 7:
        tok = doc[j]
        if tok.lower_ == "of" and j == last + 1:
            # "hundreds of troops": the partitive object is what is counted
            for k in range(j + 1, min(len(doc), j + 5)):
                if doc[k].pos_ == "NOUN" or (doc[k].pos_ == "PROPN" and _is_demonym(doc[k])):
                    return doc[k]
                if doc[k].pos_ in ("VERB", "AUX", "PUNCT"):
                    break
            return None
        if tok.pos_ == "NOUN":
            return tok
        if tok.pos_ == "PROPN":
            after = doc[j + 1] if j + 1 < len(doc) else None
            if after is None or after.pos_ not in ("NOUN", "PROPN", "ADJ"):
                return tok if _is_plural_word(tok.text) else None
        elif tok.pos_ in ("ADJ", "NUM", "CCONJ", "ADV") or tok.text in ("-",) or tok.lower_ in ("more", "additional", "other", "extra"):
            pass
        else:
            return None
        j += 1
    return None


def _percent_noun(doc, percent_index: int):
    pct = doc[percent_index]
    if pct.head.pos_ == "NOUN" and pct.dep_ in ("compound", "amod", "nummod", "nmod") and pct.head.i > pct.i:
        return pct.head.text, pct.head
    pobj = _of_object(pct)
    if pobj is not None:
        return doc.text[pobj.idx:pobj.idx + len(pobj.text)], pobj
    if pct.dep_ == "pobj" and pct.head.lower_ == "of" and pct.head.head.pos_ == "NOUN":
        return pct.head.head.text, pct.head.head
    if pct.dep_ in ("attr", "acomp", "dobj", "npadvmod") and pct.head.pos_ in ("AUX", "VERB"):
        for child in pct.head.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ in ("NOUN", "PROPN") \
                    and child.ent_type_ not in ("GPE", "ORG", "NORP", "LOC"):
                return child.text, child
    return None, None


def _of_object(token):
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def _singular(word: str) -> str:
    word = word.lower()
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _is_plural_word(word: str) -> bool:
    return _singular(word) != word.lower() or word.lower() in ("people", "police")


def _is_demonym(token) -> bool:
    """"Serbs", "Italians": a people name used as the counted noun."""
    return token.ent_type_ == "NORP" or (
        token.pos_ == "PROPN" and token.text[:1].isupper() and _is_plural_word(token.text)
        and token.text.endswith(("ans", "ians", "ese", "is", "s"))
        and token.ent_type_ not in ("ORG", "GPE", "PERSON")
    )


def _referent(head_token, head: str, demonym: bool) -> str:
    if head == "member" and any(c.lower_ == "service" for c in head_token.children if c.dep_ == "compound"):
        return "military"  # "service members"
    if head in _NOUN_CLASS:
        cls = _NOUN_CLASS[head]
        if cls == "police" and head == "officer":
            compound = {c.lower_ for c in head_token.children if c.dep_ == "compound"}
            return "police" if not compound or "police" in compound else head
        return cls
    if head in _PARTITIVE:
        pobj = _of_object(head_token)
        if pobj is not None:
            body = _singular(pobj.text)
            if body in _MILITARY_BODIES or _NOUN_CLASS.get(body) == "military":
                return "military"
            if body in ("police",) or _NOUN_CLASS.get(body) == "police":
                return "police"
            return f"{head} of {body}"
    if demonym:
        return "civilians"
    return head


def _event(doc, head_token, number_index: int, people: bool) -> str | None:
    """The event the counted noun takes part in: the nearest event word on the
    dependency path up from the noun, else (for counts of people only) the
    nearest in the sentence."""
    for child in head_token.children:
        if child.dep_ in ("amod", "acl", "relcl") and child.lower_ in EVENTS:
            return EVENTS[child.lower_]
    token = head_token
    for _ in range(8):
        if token.lower_ in EVENTS and token is not head_token:
            return EVENTS[token.lower_]
        for child in token.children:
            if child.dep_ in ("dobj", "oprd", "acomp", "xcomp", "ccomp", "attr") \
                    and child.lower_ in EVENTS and child is not head_token:
                return EVENTS[child.lower_]
        if people and _to_hospital(token):
            return "injured"  # "84 people have been taken to hospital"
        if token.head is token or token.pos_ in ("VERB", "AUX"):
            break  # the clause's verb is not an event: look no higher
        token = token.head
    if not people:
        return None
    # The nearest event word in the same clause: "nine people in the video" is
    # not a count of the arrests another clause of the sentence reports.
    clause = _clause(head_token)
    best = None
    for tok in head_token.sent:
        if tok.lower_ in EVENTS and _clause(tok) is clause:
            distance = abs(tok.i - number_index)
            if distance <= 12 and (best is None or distance < best[0]):
                best = (distance, EVENTS[tok.lower_])
    return best[1] if best else None


def _clause(token):
    """The verb heading the clause a token stands in (the root if none)."""
    for _ in range(12):
        if token.pos_ in ("VERB", "AUX") or token.head is token:
            return token
        token = token.head
    return token


def _to_hospital(token) -> bool:
    """"taken to hospital", "treated in the hospital": a common-noun hospital
    (a named one, "Khoo Teck Puat Hospital", is only where someone went)."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("to", "in", "into"):
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.text in ("hospital", "hospitals"):
                    return True
    return False


def _mark_parts(article: Article, quantities: list[Quantity]) -> None:
    """Coordinated sub-counts ("11 Italians and 19 Hungarians") that add up to a
    total are marked ``part_of`` it and take its class and event; without a
    total, their sum is added as a ``derived`` total."""
    by_sentence: dict[int, list[int]] = defaultdict(list)
    for index, q in enumerate(quantities):
        if not q.vague and q.qualifier == "exactly" and q.low is None:
            by_sentence[q.sentence].append(index)
    derived: list[Quantity] = []
    for indices in by_sentence.values():
        run: list[int] = []
        for index in indices + [None]:
            if index is not None and run and _coordinated(article, quantities[run[-1]], quantities[index]):
                run.append(index)
                continue
            if len(run) >= 2:
                derived.extend(_resolve_runs(article, quantities, run))
            run = [index] if index is not None else []
    quantities.extend(derived)


def _coordinated(article: Article, left: Quantity, right: Quantity) -> bool:
    gap = article.text[left.end:right.start]
    if len(gap) > 40 or any(c in gap for c in ".;:“”\"\n"):
        return False
    words = gap.replace(",", " , ").split()
    return ("and" in words or "," in words) and len(words) <= 5 and left.unit == right.unit


def _resolve_runs(article: Article, quantities: list[Quantity], run: list[int]) -> list[Quantity]:
    """Try the longest stretches of a coordinated run first: "30 soldiers, 11
    Italians and 19 Hungarians" is a total and two parts."""
    for size in range(len(run), 1, -1):
        for begin in range(0, len(run) - size + 1):
            window = run[begin:begin + size]
            if any(quantities[i].part_of is not None for i in window):
                continue
            outcome = _resolve_run(article, quantities, window, derive=size == len(run))
            if outcome is not None:
                return outcome
    return []


def _resolve_run(article: Article, quantities: list[Quantity], run: list[int], derive: bool):
    """Parts of an existing total (returns []), a derived total ([total]), or None."""
    parts = [quantities[i] for i in run]
    # Parts share what they count; a people name ("Italians") may stand for any class.
    classes = {q.referent for q in parts if not q.demonym}
    if len(classes) > 1 or None in classes:
        return None
    total_value = sum(q.value for q in parts)
    events = {q.event for q in parts} - {None}
    if len(events) > 1 or (derive and len({q.event for q in parts}) > 1) or any(q.increment for q in parts):
        return None  # "four dead and 120 wounded", "trapping five and injuring another 40"
    candidates = [
        (q.sentence != parts[0].sentence, i)
        for i, q in enumerate(quantities)
        if i not in run and not q.vague and q.part_of is None and q.unit == parts[0].unit
        and q.low is None and q.qualifier in ("exactly", "at_least", "about")
        and abs(q.value - total_value) <= q.precision
        and (not classes or q.referent in classes)
        and (q.event is None or not events or q.event in events)
    ]
    if candidates:
        _, total_index = min(candidates)
        total = quantities[total_index]
        for q in parts:
            q.part_of = total_index
            q.referent = total.referent
            q.event = total.event or q.event
        return []
    if not derive or len({q.referent for q in parts}) != 1:
        return None
    first, last = parts[0], parts[-1]
    total = Quantity(
        source=article.id, start=first.start, end=last.end, value=total_value,
        unit=first.unit, counted=last.counted, head=last.head, referent=last.referent,
        event=next(iter(events)) if len(events) == 1 else None, sentence=first.sentence,
        text=article.text[first.start:last.end], derived=True,
        sentence_span=first.sentence_span,
    )
    total_index = len(quantities)
    for q in parts:
        q.part_of = total_index
    return [total]


# ---------------------------------------------------------------- conflicts

_INF = math.inf


def interval(q: Quantity, halve: bool = False) -> tuple[float, float, bool, bool]:
    """(low, high, low_open, high_open): every value ``q`` allows (``halve``:
    an approximate value allows half its usual slack)."""
    tol = q.precision
    slack = 0.05 if halve else 0.1
    if q.low is not None and q.high is not None:
        return q.low - tol, q.high + tol, False, False
    v = q.value
    if q.qualifier == "at_least":
        return v - tol, _INF, False, True
    if q.qualifier == "more_than":
        return v, _INF, True, True
    if q.qualifier == "less_than":
        return 0.0, v, False, True
    if q.qualifier == "at_most":
        return 0.0, v + tol, False, False
    if q.qualifier == "almost":
        return (1 - slack) * v - tol, v + tol, False, False
    if q.qualifier == "about":
        return (1 - slack) * v - tol, (1 + slack) * v + tol, False, False
    return v - tol, v + tol, False, False


_APPROXIMATE = {"about", "almost"}
_LOWER_BOUNDS = {"at_least", "more_than"}
_UPPER_BOUNDS = {"at_most", "less_than"}
BOUND_SPREAD = 1.2  # two stated bounds further apart than this are different figures


def compatible(a: Quantity, b: Quantity) -> bool:
    """True when some single true value could make both reports right.

    Qualifiers, as reporters use them:

    - an exact value must fall inside the other's interval (``interval``):
      "at least 4" and "6" agree, "more than 53" and "53" do not; "about v"
      allows 10% either way and "almost v" up to 10% under v;
    - two approximate values ("about 850", "nearly 1,000") share that 10%
      slack: each allows 5%, so "about 850" and "nearly 1,000" disagree while
      "about 30" and "about 32" agree;
    - two lower bounds ("at least two" killed, "at least six" killed) are the
      figures each report could confirm: they disagree when the larger is more
      than ``BOUND_SPREAD`` times the smaller ("at least 50" and "more than 53"
      agree); two upper bounds likewise.
    """
    if a.low is None and b.low is None:
        if a.qualifier in _LOWER_BOUNDS and b.qualifier in _LOWER_BOUNDS or \
                a.qualifier in _UPPER_BOUNDS and b.qualifier in _UPPER_BOUNDS:
            small, large = sorted((a.value, b.value))
            return large <= small * BOUND_SPREAD + max(a.precision, b.precision)
    halve = a.low is None and b.low is None and a.qualifier in _APPROXIMATE and b.qualifier in _APPROXIMATE
    a_lo, a_hi, a_lo_open, a_hi_open = interval(a, halve)
    b_lo, b_hi, b_lo_open, b_hi_open = interval(b, halve)
    lo, lo_open = (a_lo, a_lo_open) if a_lo > b_lo else (b_lo, b_lo_open) if b_lo > a_lo else (a_lo, a_lo_open or b_lo_open)
    hi, hi_open = (a_hi, a_hi_open) if a_hi < b_hi else (b_hi, b_hi_open) if b_hi < a_hi else (a_hi, a_hi_open or b_hi_open)
    if lo < hi:
        return True
    return lo == hi and not lo_open and not hi_open


def comparable(a: Quantity, b: Quantity) -> bool:
    """True when two quantities of the same key measure the same thing.

    The key (event, class of what is counted, unit) must already match. Then:
    whose things they count must not differ ("German troops" and "Afghan
    troops"); and a count with no event ("two fire engines", "400g bars") is
    only compared with one governed by the same specific verb, with the same
    modifiers and most content words of its sentence shared.
    """
    if a.owners and b.owners and not a.owners & b.owners:
        return False
    if a.event is None:
        if a.verb is None or a.verb != b.verb or a.verb in _GENERIC_VERBS:
            return False
        if a.modifiers != b.modifiers:
            return False
        union = a.context | b.context
        return bool(union) and len(a.context & b.context) / len(union) >= 0.5
    return True


def _interval_contains(q: Quantity, value: float) -> bool:
    lo, hi, lo_open, hi_open = interval(q)
    return (lo < value or (lo == value and not lo_open)) and (value < hi or (value == hi and not hi_open))


def _signature(q: Quantity) -> tuple:
    return (q.qualifier, q.value, q.low, q.high, q.unit)


def number_conflicts(articles: list[Article], quantities: list[Quantity]) -> list[Conflict]:
    """Number conflicts: the same quantity, incompatible values, independent sources.

    The same quantity = the same ``Quantity.key`` (event, class of what is
    counted, unit), both or neither an addition ("two more"), and
    ``comparable`` (same owner; an event-less count needs the same verb and
    context). Never compared: parts of a total, sub-counts ("three of the
    soldiers", a sentence that splits a group: "two ... the other two"),
    descriptors ("nine-person brawl") and counts in sentences dated to an
    earlier time ("air strikes last week killed 30": another event). Each
    source states one value per key: its first (the lead; later different
    figures are updates, sub-counts or other events), the largest if its first
    sentence holds several. A value is listed when an independent source
    states a value incompatible with it (see ``compatible`` for qualifiers); a
    value compatible with every other ("at least 50" beside "52" and "more
    than 53") takes no side and is left out. Two values are no conflict when
    a source that states one also writes the other (it counts two things). A copy (``copy_of``) never
    conflicts with its original. Conflicts are ranked by the independent
    sources involved. Off-topic articles are skipped.
    """
    by_id = {a.id: a for a in articles}

    def root(source: str) -> str:
        article = by_id.get(source)
        return article.copy_of if article is not None and article.copy_of else source

    per_key: dict[tuple, dict[str, list[Quantity]]] = defaultdict(lambda: defaultdict(list))
    for q in quantities:
        article = by_id.get(q.source)
        if article is None or article.off_topic or q.part_of is not None or q.key is None \
                or q.subset or q.background:
            continue
        per_key[q.key + (q.increment,)][q.source].append(q)

    found: list[tuple[int, int, Conflict]] = []
    for key, per_source in per_key.items():
        claims: dict[tuple, list[Quantity]] = defaultdict(list)  # signature -> quantities
        stated_of: dict[tuple, list[Quantity]] = defaultdict(list)  # signature -> one per source
        roots_of: dict[tuple, set[str]] = defaultdict(set)
        for source, qs in per_source.items():
            first = min(q.sentence for q in qs)
            stated = max((q for q in qs if q.sentence == first),
                         key=lambda q: (interval(q)[0], q.qualifier == "exactly", -q.start))
            for q in qs:
                if _signature(q) == _signature(stated):
                    claims[_signature(q)].append(q)
            stated_of[_signature(stated)].append(stated)
            roots_of[_signature(stated)].add(root(source))
        signatures = list(claims)

        def writes_both(sig, other) -> bool:
            # a source that states one value and elsewhere writes the other
            # (the same figure, not an addition: "another 1,000" is a second
            # group) is counting two things, not contradicting anyone
            return any(q is not a and _signature(q)[1:] == _signature(b)[1:]
                       for a in stated_of[sig] for q in per_source[a.source] for b in stated_of[other])

        def disagree(sig, other) -> bool:
            if roots_of[sig] | roots_of[other] == roots_of[sig] & roots_of[other]:
                return False
            if writes_both(sig, other) or writes_both(other, sig):
                return False
            return any(not compatible(a, b) and comparable(a, b)
                       for a in stated_of[sig] for b in stated_of[other])

        contested = [sig for sig in signatures if any(disagree(sig, o) for o in signatures if o != sig)]
        if len(contested) < 2:
            continue
        # One figure written with different approximations ("nearly 1,000",
        # "roughly 1,000") is one value of the conflict.
        merged: dict[tuple, list[tuple]] = defaultdict(list)
        for sig in contested:
            merged[sig[1:]].append(sig)
        groups = []
        for sigs in merged.values():
            if all(compatible(claims[a][0], claims[b][0]) for i, a in enumerate(sigs) for b in sigs[i + 1:]):
                groups.append(sigs)
            else:
                groups.extend([sig] for sig in sigs)
        groups.sort(key=lambda sigs: (-len(set().union(*(roots_of[s] for s in sigs))),
                                      interval(claims[sigs[0]][0])[0]))
        values = []
        for sigs in groups:
            members = [q for sig in sigs for q in claims[sig]]
            values.append(ConflictValue(value=_as_written(members), support=_evidence(members)))
        involved = {q.source for sig in contested for q in claims[sig]}
        independent = len({root(s) for s in involved})
        all_of_key = [q for qs in per_source.values() for q in qs]
        conflict = Conflict(id="", kind="number", topic=_topic(key, all_of_key), values=values)
        found.append((independent, len(involved), conflict))
    found.sort(key=lambda item: (-item[0], -item[1]))
    conflicts = [conflict for _, _, conflict in found]
    for number, conflict in enumerate(conflicts, 1):
        conflict.id = f"N{number}"
    return conflicts


def _as_written(quantities: list[Quantity]) -> str:
    """The value as most sources write it ("52", "more than 53")."""
    counts = Counter(" ".join(q.text.split()) for q in quantities)
    return counts.most_common(1)[0][0]


def _evidence(quantities: list[Quantity]) -> list[Evidence]:
    seen = set()
    evidence = []
    for q in sorted(quantities, key=lambda q: (q.source, q.start)):
        start, end = q.sentence_span or (q.start, q.end)
        if (q.source, start, end) not in seen:
            seen.add((q.source, start, end))
            evidence.append(Evidence(source=q.source, start=start, end=end))
    return evidence


def _topic(key: tuple, quantities: list[Quantity]) -> str:
    """"protesters injured": the noun most reports use, and the event."""
    event, referent, unit = key[:3]
    nouns = Counter()
    for q in quantities:
        if q.counted:
            head = q.counted.split()[-1] if q.head not in _PARTITIVE else q.counted
            nouns[head if head[:1].isupper() and q.demonym else head.lower()] += 1
    noun = nouns.most_common(1)[0][0] if nouns else (referent or "quantity")
    if unit == "%":
        noun = f"% {noun}"
    return f"{noun} {event}" if event else noun
