"""Timeline: dated events, with relative dates resolved against publication.

Stage contract: ``build_timeline(articles, sentences, docs) -> (events, conflicts)``.

Reads each article's ``text``, ``published`` (ISO date; a source without one
contributes only absolute dates), ``removed`` spans, ``copy_of`` and
``off_topic`` (skipped); ``sentences`` (date words outside every sentence are
not reporting and are skipped) and the spaCy ``Doc`` of each article (parse
and DATE entities). Returns timeline events ordered by date then support, and
``date`` conflicts.

How a date becomes an event:

1. *Find* date words with regexes (absolute dates, months, years, weekdays,
   "yesterday"/"today", weekends, "last month", "a day after"). A bare year or
   month counts only where the parse or a cue word makes it a date ("in 2008",
   "the 2013 deal", "in April"; not "2000 troops", not the verb "may").
   Vague words ("recently", "this week", "decades") are not dates here, and
   date words inside quotation marks are speech, not reported events.
   A dateline's date ("KYIV, May 30 (Reuters) -") dates the report, not an
   event: it gives no entry, and the sentence's event is described without it.
2. *Resolve* against the source's ``published`` date (precision YYYY, YYYY-MM
   or YYYY-MM-DD). A weekday is the most recent one on or before publication
   ("on Tuesday" in a Tuesday paper is that day), the next one for a verb in
   the future, strictly earlier after "last". A bare month later in the year
   than publication is last year's ("in June" in a March paper), unless the
   clause looks forward ("will", "expect", "due to", "scheduled", "until
   June" with a verb not in the past tense): then it is the coming one. A weekend is dated by its
   Saturday, since the schema has no week precision. "A day after X" dates X
   one day before the date of the sentence (or the sentence before in the
   paragraph); with no such date it is skipped. An explicit date written next
   to a weekday wins ("last Friday, May 26"). Nothing unresolvable is kept.
3. *Describe*: the clause the date belongs to (its verb's subtree, without
   clauses that carry other dates and without the date words), or the noun
   phrase a date modifies ("the 2008 declaration"). A date in a sentence with
   no verb (a caption, a dateline) is no event.
4. *Merge* events of the same date whose content words overlap into one entry
   with several supports. Strongly similar events that independent sources
   date differently become ``date`` conflicts. The entry's text is its most
   central event; its first support (whose date words a renderer shows) is the
   most central one with explicit date words, and a source's "a day after X"
   support is dropped from an entry the same source dates directly.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from rapidfuzz import fuzz

from ..model import Article, Conflict, ConflictValue, Evidence, Sentence, TimelineEvent

MONTHS = {name: i + 1 for i, name in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"])}
MONTHS.update({"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
               "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12})
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}

_MONTH_FULL = r"January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH = rf"(?P<month>{_MONTH_FULL}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MOD = r"(?P<mod>(?i:(?:earlier|later|late|early)\s+on|on|last|this\s+past|past|this|next|since|by|until))"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>\d{4}))?"
_NUM = r"(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)"

# (kind, pattern); overlapping matches: the longest wins, then the earlier kind.
PATTERNS = [
    ("day", re.compile(r"\b(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})\b")),
    ("day", re.compile(rf"(?:\b{_MOD}\s+)?\b{_WEEKDAY},?\s+{_MONTH}\s+{_DAY}\b{_YEAR}")),
    ("day", re.compile(rf"(?:\b{_MOD}\s+)?\b{_WEEKDAY},?\s+{_DAY}\s+{_MONTH}(?!\w){_YEAR}")),
    ("day", re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?![,.]?\d){_YEAR}")),
    ("day", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?!\w){_YEAR}")),
    ("month", re.compile(rf"\b{_MONTH}\s+(?P<year>\d{{4}})\b")),
    ("weekday", re.compile(
        rf"(?:\b{_MOD}\s+)?\b{_WEEKDAY}(?:\s+(?i:morning|afternoon|evening|night))?(?:['’]s\b)?")),
    ("offset", re.compile(r"\b(?P<word>(?i:the\s+day\s+before\s+yesterday|yesterday|today|tonight"
                          r"|tomorrow|this\s+(?:morning|afternoon|evening)))\b(?:['’]s\b)?")),
    ("offset", re.compile(rf"\b{_NUM}\s+days?\s+ago\b", re.I)),
    ("weekend", re.compile(r"\b(?P<mod>(?i:over|during|at|on|(?:over\s+|during\s+)?(?:the\s+)?"
                           r"(?:past|last)|this))\s+(?i:the\s+)?(?i:weekend)\b")),
    ("relative_month", re.compile(r"\b(?i:(?P<mod>last|earlier\s+this|this)\s+month)\b")),
    ("relative_year", re.compile(r"\b(?i:(?P<mod>last|earlier\s+this|this)\s+year)\b")),
    ("day_after", re.compile(rf"\b(?i:{_NUM}\s+days?\s+(?P<dir>after|before))\b")),
    ("month", re.compile(rf"(?:\b(?P<cue>(?i:in|since|until|till|by|during|from|early|late|mid"
                         rf"|last|next|this|of|through|before|after|the))[\s-]+)?"
                         rf"\b(?P<month>{_MONTH_FULL})\b(?!\s+\d)")),
    ("year", re.compile(r"(?:\b(?P<cue>(?i:in|since))\s+)?(?<![\d$€£¥.,/-])\b(?P<year>1[5-9]\d\d|20\d\d)\b(?![-–/]\d|%|,\d|\.\d|s\b|['’]s)")),
]
YEAR_CUES = {"in", "since", "until", "till", "by", "from", "during", "of", "before", "after",
             "between", "through", "around", "circa", "the", "a", "its", "their", "his", "her",
             "this", "that", "'s", "’s", "s", "early", "late", "mid"}
FUTURE_AUX = {"will", "shall", "'ll", "’ll"}
CLAUSE_DEPS = {"ROOT", "ccomp", "advcl", "relcl", "conj", "parataxis", "csubj", "pcomp", "xcomp"}
SPEECH_VERBS = {"said", "says", "told", "tells", "added", "announced", "stated", "reported",
                "wrote", "tweeted", "confirmed", "warned"}
# Cue words that belong to the event, not to the date ("after April elections").
EVENT_CUES = {"after", "before", "the", "of", "from", "through", "till", "until", "since", "by",
              "during"}
NOUN_MODIFIER_DEPS = {"nummod", "compound", "poss", "amod", "nmod", "npadvmod"}
LEADING_JUNK = {"when", "where", "while", "that", "which", "who", "whose", "and", "but", "as",
                "after", "before", "since", "because", "so", "then", "also", "the", "a", "an"}
STOP_WORDS = {
    "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "by",
    "with", "as", "is", "was", "were", "are", "be", "been", "has", "have", "had", "that",
    "this", "which", "who", "whose", "it", "its", "their", "they", "he", "she", "his", "her",
    "will", "would", "said", "says", "after", "before", "also", "into", "over", "than",
    "more", "some", "any", "not", "no", "so", "can", "could", "did", "do", "up", "out",
}
MAX_WORDS = 35
# Words that make a bare month look forward ("expect ... until June").
FORWARD_WORDS = {"will", "shall", "'ll", "’ll", "expect", "expects", "expected", "expecting",
                 "scheduled", "plan", "plans", "planned", "planning", "next", "upcoming",
                 "intend", "intends", "intended", "slated"}
# ... when followed by "to" and a verb ("due to be finished", "set to open").
FORWARD_BEFORE_TO = {"due", "set", "aim", "aims", "aiming", "going", "expected", "scheduled",
                     "planned", "slated"}
FORWARD_CUES = {"until", "till", "by"}
PAST_WORDS = {"ago", "last", "earlier", "previous", "previously", "since", "former", "formerly"}
# A dateline: a place at the start of a paragraph, a comma, the date, then an
# agency in brackets and/or a dash ("PORT CALDEN, March 11 (Coastline Press) -").
_DATELINE_BEFORE = re.compile(r"[ \t]*[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,4}"
                              r"(?:,[ \t]*[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})?,[ \t]*")
_DATELINE_AFTER = re.compile(r"[ \t]*(?:\([^()\n]{1,60}\)[ \t]*(?:[-—–:]+[ \t]*)?|[-—–]+[ \t]+)")


@dataclass
class _Mention:
    start: int
    end: int
    kind: str
    groups: dict
    date: str | None = None


@dataclass
class _Event:
    date: str
    text: str
    support: Evidence
    words: set[str]
    relative: bool = False  # dated from another event ("a day after X")


@dataclass
class _Cluster:
    date: str
    events: list[_Event] = field(default_factory=list)


# --- finding date words ---------------------------------------------------------


def find_date_words(text: str) -> list[_Mention]:
    """Every date-like match in ``text``, overlaps resolved (longest, then earliest kind)."""
    found = []
    for priority, (kind, pattern) in enumerate(PATTERNS):
        for match in pattern.finditer(text):
            groups = {k: v for k, v in match.groupdict().items() if v is not None}
            start = match.start()
            if kind == "month" and groups.get("cue", "").lower() in EVENT_CUES:
                start = match.start("month")
            found.append((-(match.end() - start), priority,
                          _Mention(start, match.end(), kind, groups)))
    found.sort(key=lambda item: (item[0], item[1], item[2].start))
    taken: list[_Mention] = []
    for _, _, mention in found:
        if all(mention.end <= t.start or t.end <= mention.start for t in taken):
            taken.append(mention)
    return sorted(taken, key=lambda m: m.start)


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks; an unclosed quote ends with its paragraph."""
    spans, opened = [], None
    for i, char in enumerate(text):
        if char == "\n" and opened is not None and text[i + 1:i + 2] in ("\n", ""):
            spans.append((opened, i))
            opened = None
        elif char == "“" or (char == '"' and opened is None):
            opened = i if opened is None else opened
        elif char in "”\"" and opened is not None:
            spans.append((opened, i + 1))
            opened = None
    if opened is not None:
        spans.append((opened, len(text)))
    return spans


def _looks_like_date(mention: _Mention, doc, published: date | None) -> bool:
    """Bare years and months need a cue; everything else the pattern already vouches for."""
    if mention.kind == "month" and "year" not in mention.groups:
        if mention.groups.get("cue"):
            return True
        token = _token_at(doc, mention.start)
        return mention.groups["month"] != "May" and token is not None and token.ent_type_ == "DATE"
    if mention.kind != "year":
        return True
    year = int(mention.groups["year"])
    if published and year > published.year + 30:
        return False
    if mention.groups.get("cue"):
        return True
    token = _token_at(doc, mention.end - 4)
    if token is None:
        return False
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if following is not None and following.tag_ in ("NNS", "NNPS"):
        return False  # "2000 troops"
    if token.ent_type_ == "DATE":
        return True
    preceding = doc[token.i - 1].lower_ if token.i > 0 else ""
    if preceding in YEAR_CUES:
        return True
    return following is not None and following.tag_ in ("NN", "NNP", "JJ")  # "2013 deal"


def _token_at(doc, offset: int):
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


# --- resolving ------------------------------------------------------------------


def resolve(mention: _Mention, published: date | None, future: bool = False,
            forward: bool = False) -> str | None:
    """The ISO date (YYYY, YYYY-MM or YYYY-MM-DD) of a mention, or None.

    ``future``: the clause's verb is in the future tense. ``forward``: the clause
    looks forward (expectation, plan, "until"), which moves a bare month later
    in the year than publication to its coming occurrence.
    """
    g, kind = mention.groups, mention.kind
    mod = " ".join(g.get("mod", "").lower().split())
    if kind == "year":
        return g["year"]
    if kind == "day":
        month = int(g["mnum"]) if "mnum" in g else MONTHS[g["month"].lower().rstrip(".")]
        day = int(g["day"])
        if "year" in g:
            return _iso(int(g["year"]), month, day)
        if published is None:
            return None
        # the nearest such day to publication
        candidates = [(y, month, day) for y in (published.year - 1, published.year, published.year + 1)]
        valid = [date(*c) for c in candidates if _iso(*c)]
        return min(valid, key=lambda d: abs(d - published)).isoformat() if valid else None
    if kind == "month":
        month = MONTHS[g["month"].lower().rstrip(".")]
        if "year" in g:
            return f"{int(g['year']):04d}-{month:02d}"
        if published is None:
            return None
        cue = (g.get("cue") or "").lower()
        this_year = published.year
        if cue == "last":
            year = this_year if month < published.month else this_year - 1
        elif cue == "next":
            year = this_year if month > published.month else this_year + 1
        elif future or (forward and month > published.month):
            year = this_year if month >= published.month else this_year + 1
        else:  # reports look back: "in December" in a January paper is last year's
            year = this_year if month <= published.month else this_year - 1
        return f"{year:04d}-{month:02d}"
    if published is None:
        return None
    if kind == "weekday":
        target = WEEKDAYS.index(g["weekday"].lower())
        back = (published.weekday() - target) % 7
        if mod in ("last", "this past", "past"):
            return (published - timedelta(days=back or 7)).isoformat()
        if mod == "next" or (future and mod != "since"):
            ahead = (target - published.weekday()) % 7
            return (published + timedelta(days=ahead or (7 if mod == "next" else 0))).isoformat()
        return (published - timedelta(days=back)).isoformat()
    if kind == "offset":
        word = " ".join(g.get("word", "").lower().split())
        if "n" in g:
            days = -_number(g["n"])
        else:
            days = {"the day before yesterday": -2, "yesterday": -1, "tomorrow": 1}.get(word, 0)
        return (published + timedelta(days=days)).isoformat()
    if kind == "weekend":
        saturday = 5
        if future and mod in ("this", "at", "on", "over", "during"):
            ahead = (saturday - published.weekday()) % 7
            return (published + timedelta(days=ahead)).isoformat()
        back = (published.weekday() - saturday) % 7
        if back == 0 and ("past" in mod or "last" in mod):
            back = 7
        return (published - timedelta(days=back)).isoformat()
    if kind == "relative_month":
        first = published.replace(day=1)
        if mod == "last":
            first = (first - timedelta(days=1)).replace(day=1)
        return f"{first.year:04d}-{first.month:02d}"
    if kind == "relative_year":
        return f"{published.year - (1 if mod == 'last' else 0):04d}"
    return None


def _number(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word.lower(), 1)


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _parse_published(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


# --- describing -----------------------------------------------------------------


def _clause_head(token, sentence_tokens):
    """The verb heading the clause ``token`` belongs to, or None in a verbless sentence."""
    inside = {t.i for t in sentence_tokens}
    current = token
    for _ in range(40):
        if current.pos_ in ("VERB", "AUX") and current.dep_ in CLAUSE_DEPS:
            # an infinitive ("to rebuke") or a bare "X said" tail reports its governor's event
            infinitive = any(c.dep_ == "aux" and c.tag_ == "TO" for c in current.children)
            tail_speech = current.lower_ in SPEECH_VERBS and current.dep_ in ("conj", "parataxis")
            climbable = current.head.i != current.i and current.head.i in inside
            if not ((infinitive and current.dep_ != "ROOT") or tail_speech) or not climbable:
                return current
        if current.head.i == current.i or current.head.i not in inside:
            break
        current = current.head
    if current.pos_ in ("VERB", "AUX"):
        return current
    return None


def _describe(mention_tokens, other_mentions, sentence_tokens, sentence: Sentence):
    """(text, start, end) of the event a date belongs to, or None."""
    if not any(t.pos_ in ("VERB", "AUX") for t in sentence_tokens):
        return None
    mention_ids = {t.i for t in mention_tokens}
    for token in sentence_tokens:  # a preposition left with nothing: "in [1999]"
        children = list(token.children)
        dated = [c for c in children if c.i in mention_ids]
        # ... or with only its degree words: "at least until [June]"
        hedges = [c for c in children if c.i not in mention_ids and c.dep_ == "advmod"]
        if token.pos_ == "ADP" and dated and len(dated) + len(hedges) == len(children):
            mention_ids.add(token.i)
            mention_ids.update(t.i for c in hedges for t in c.subtree)
    root = next((t for t in mention_tokens if t.head.i not in mention_ids or t.head.i == t.i),
                mention_tokens[0])
    # "until June, when the first repairs are due": the when-clause is what happens then
    when_clause = next((c for c in root.children if c.dep_ == "relcl" and
                        any(w.dep_ == "advmod" and w.lower_ == "when" for w in c.children)), None)
    blocked = {t.i for m in other_mentions for t in m}
    noun_head = root.head.pos_ == "NOUN" or (root.head.pos_ == "PROPN" and root.head.ent_type_ == "EVENT")
    if when_clause is not None:
        head, drop_clauses = when_clause, True
    elif root.dep_ in NOUN_MODIFIER_DEPS and noun_head and root.head.i not in mention_ids:
        head, drop_clauses = root.head, False  # "the 2008 declaration", "April elections"
    else:
        head, drop_clauses = _clause_head(root, sentence_tokens), True
        if head is None:
            return None
    keep = set(t.i for t in head.subtree)
    for child in head.children:
        sub = {t.i for t in child.subtree}
        if sub & mention_ids:
            continue
        doc = child.doc
        carries_other = bool(sub & blocked)
        # a following clause after a comma is another event ("..., and X did Y")
        clausal = child.dep_ in ("conj", "parataxis") and child.pos_ in ("VERB", "AUX")
        after_comma = child.i > head.i and child.left_edge.i > 0 and \
            doc[child.left_edge.i - 1].text in (",", ";", "—", "–")
        # a leading phrase set off by a comma is context ("In the wake of clashes, ...")
        leading = child.i < head.i and child.dep_ in ("prep", "advcl", "advmod") and \
            child.right_edge.i + 1 < len(doc) and doc[child.right_edge.i + 1].text == ","
        trailing_cc = child.dep_ == "cc" and child.i > head.i
        if carries_other or (drop_clauses and (clausal and after_comma or leading)) or trailing_cc:
            keep -= sub
    keep -= mention_ids
    keep -= blocked
    inside = {t.i for t in sentence_tokens}
    tokens = [head.doc[i] for i in sorted(keep & inside)]
    if not tokens:
        return None
    text = _tidy("".join(t.text_with_ws if t.i + 1 in keep else t.text + " " for t in tokens))
    if not text or not re.search(r"[^\W\d_]{3}", text):
        return None
    span_ids = keep & inside | mention_ids
    doc = head.doc
    start = max(sentence.start, min(doc[i].idx for i in span_ids))
    end = min(sentence.end, max(doc[i].idx + len(doc[i]) for i in span_ids))
    written = doc.text
    while start < end and written[start] in " ,;:—–-":
        start += 1
    while end > start and written[end - 1] in " ,;:—–-":
        end -= 1
    return text, start, end


def _tidy(text: str) -> str:
    text = " ".join(text.split())
    text = re.sub(r"\s+([,.;:!?’”)])", r"\1", text)
    text = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", text)
    text = re.sub(r"([(“‘])\s+", r"\1", text)
    words = text.split(" ")
    while words and (words[0].lower().strip(",;:—–-") in LEADING_JUNK or not words[0].strip(",;:—–-")):
        words.pop(0)
    if len(words) > MAX_WORDS:
        words = words[:MAX_WORDS] + ["…"]
    text = " ".join(words).strip(" ,;:—–-.")
    return text


def content_words(text: str) -> set[str]:
    """Lower-cased content words, crudely stemmed, for comparing event texts."""
    out = set()
    for word in re.findall(r"[^\W_]+(?:[.,]\d+)?", text.lower()):
        if word in STOP_WORDS or len(word) < 2:
            continue
        for suffix in ("ing", "ed", "es", "s"):
            if len(word) > len(suffix) + 3 and word.endswith(suffix):
                word = word[: -len(suffix)]
                break
        out.add(word)
    return out


def similarity(a: set[str], b: set[str]) -> tuple[float, int]:
    """(overlap coefficient, shared words) of two content-word sets."""
    if not a or not b:
        return 0.0, 0
    shared = len(a & b)
    return shared / min(len(a), len(b)), shared


# --- the stage ------------------------------------------------------------------


def _events_of(article: Article, sentences: list[Sentence], doc) -> list[_Event]:
    published = _parse_published(article.published)
    quotes = quoted_spans(article.text)
    mentions = []
    for mention in find_date_words(article.text):
        if article.is_removed(mention.start, mention.end):
            continue
        if any(q_start <= mention.start and mention.end <= q_end for q_start, q_end in quotes):
            continue
        if not _looks_like_date(mention, doc, published):
            continue
        mentions.append(mention)
    cuts = {}  # dateline date -> where the report's first sentence really starts
    for mention in mentions:
        cut = _dateline_end(article.text, mention)
        if cut is not None:
            cuts[mention.start] = (mention.start, cut)
    mentions = [m for m in mentions if m.start not in cuts]

    events: list[_Event] = []
    previous_dates: list[tuple[int, str]] = []  # (paragraph, day date) of the last sentence
    for sentence in sentences:
        for start, cut in cuts.values():
            if sentence.start <= start < sentence.end:  # the event is told after the dateline
                sentence = replace(sentence, start=max(sentence.start, cut),
                                   text=article.text[max(sentence.start, cut):sentence.end])
        if sentence.start >= sentence.end:
            continue
        inside = [m for m in mentions if sentence.start <= m.start and m.end <= sentence.end]
        span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is None:
            continue
        sentence_tokens = list(span)
        token_sets = []
        for m in inside:
            mspan = doc.char_span(m.start, m.end, alignment_mode="expand")
            token_sets.append(list(mspan) if mspan is not None else [])
        for m, tokens in zip(inside, token_sets):
            if m.kind != "day_after" and tokens:
                head = _clause_head(tokens[0], sentence_tokens)
                forward = m.kind == "month" and _looks_forward(m, tokens, sentence_tokens)
                m.date = resolve(m, published, future=head is not None and _is_future(head),
                                 forward=forward)
        anchors = [m.date for m in inside if m.kind != "day_after" and m.date and len(m.date) == 10]
        if not anchors:
            anchors = [d for p, d in previous_dates if p == sentence.paragraph]
        for m, tokens in zip(inside, token_sets):
            if m.kind == "day_after":
                if not anchors:
                    continue  # no day to count from: skip rather than guess
                step = _number(m.groups["n"]) * (1 if m.groups["dir"].lower() == "before" else -1)
                m.date = (date.fromisoformat(anchors[0]) + timedelta(days=step)).isoformat()
            if not m.date or not tokens:
                continue
            others = [t for o, t in zip(inside, token_sets) if o is not m]
            described = _describe(tokens, others, sentence_tokens, sentence)
            if described is None:
                continue
            text, start, end = described
            if article.is_removed(start, end):
                continue
            evidence = Evidence(article.id, start, end, as_written=article.text[m.start:m.end])
            events.append(_Event(m.date, text, evidence, content_words(text),
                                 relative=m.kind == "day_after"))
        days = [m.date for m in inside if m.date and len(m.date) == 10 and m.kind != "day_after"]
        previous_dates = [(sentence.paragraph, d) for d in days]
    return events


def _dateline_end(text: str, mention: _Mention) -> int | None:
    """Where the dateline that ``mention`` dates ends, or None when it is no dateline."""
    paragraph = text.rfind("\n", 0, mention.start) + 1
    if not _DATELINE_BEFORE.fullmatch(text, paragraph, mention.start):
        return None
    after = _DATELINE_AFTER.match(text, mention.end)
    return after.end() if after else None


def _looks_forward(mention: _Mention, tokens, sentence_tokens) -> bool:
    """True when the clause of a bare month looks ahead ("expect ... until June")."""
    ids = {t.i for t in tokens}
    inside = {t.i for t in sentence_tokens}
    root = next((t for t in tokens if t.head.i not in ids or t.head.i == t.i), tokens[0])
    head = _clause_head(root, sentence_tokens)
    scope = set(root.subtree)  # the month's own clause: "June, when repairs are due"
    current = root
    for _ in range(40):  # the words from the month up to its clause's verb
        scope.add(current)
        scope.update(c for c in current.children
                     if c.dep_ in ("aux", "auxpass", "neg", "advmod", "prt", "acomp", "xcomp"))
        if head is None or current.i == head.i or current.head.i == current.i \
                or current.head.i not in inside:
            break
        current = current.head
    words = {t.lower_ for t in scope}
    cue = (mention.groups.get("cue") or "").lower()
    if cue in ("since", "last") or words & PAST_WORDS:
        return False
    if words & FORWARD_WORDS:
        return True
    doc = root.doc
    for t in scope:
        if t.lower_ in FORWARD_BEFORE_TO and t.i + 2 < len(doc) and doc[t.i + 1].lower_ == "to" \
                and doc[t.i + 2].pos_ in ("VERB", "AUX"):
            return True  # "due to be finished", "set to open"
    if cue in FORWARD_CUES and head is not None:
        past = head.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD"
                                         for c in head.children)
        return not past  # "closed until June" looks ahead; "was closed until June" back
    return False


def _is_future(verb) -> bool:
    return any(child.dep_ == "aux" and child.lower_ in FUTURE_AUX for child in verb.children)


def _cluster(events: list[_Event]) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    for event in events:
        best, best_score = None, 0.0
        for cluster in clusters:
            if cluster.date != event.date:
                continue
            for other in cluster.events:
                score, shared = similarity(event.words, other.words)
                similar = score >= 0.5 and shared >= 2 or score >= 0.4 and shared >= 3
                if (similar or score == 1.0) and score > best_score:
                    best, best_score = cluster, score
        if best is None:
            clusters.append(_Cluster(event.date, [event]))
        elif not any(e.support.source == event.support.source and
                     e.support.start == event.support.start for e in best.events):
            best.events.append(event)
    return clusters


def _centrality(event: _Event, cluster: _Cluster) -> tuple[float, int]:
    return sum(similarity(event.words, other.words)[0] for other in cluster.events), len(event.words)


def _representative(cluster: _Cluster) -> _Event:
    """The event that best states what the cluster's events share."""
    return max(cluster.events, key=lambda event: _centrality(event, cluster))


def _supports(cluster: _Cluster, described: _Event) -> list[Evidence]:
    """The cluster's supports, the most central one with explicit date words first.

    "A day after X" is evidence of last resort: it comes first only when no
    source writes the date directly, and a source that dates the entry directly
    keeps no "a day after" support too (unless it gave the entry its text).
    """
    direct = [e for e in cluster.events if not e.relative]
    first = max(direct, key=lambda event: _centrality(event, cluster)) if direct else described
    dated = {e.support.source for e in direct}
    rest = [e for e in cluster.events if e is not first and
            (not e.relative or e.support.source not in dated or e is described)]
    return [first.support] + [e.support for e in rest]


def _date_conflicts(clusters: list[_Cluster], articles: list[Article]) -> list[Conflict]:
    """Strongly similar events that independent sources date differently."""
    root = {a.id: a.copy_of or a.id for a in articles}
    conflicts: list[Conflict] = []
    for i, a in enumerate(clusters):
        for b in clusters[i + 1:]:
            if a.date.startswith(b.date) or b.date.startswith(a.date):
                continue  # "2023-05" and "2023-05-29" can both be true
            roots_a = {root.get(e.support.source, e.support.source) for e in a.events}
            roots_b = {root.get(e.support.source, e.support.source) for e in b.events}
            if roots_a & roots_b:
                continue  # one source giving two dates is most often two events
            strong = any(
                similarity(x.words, y.words)[0] >= 0.7 and similarity(x.words, y.words)[1] >= 3
                and fuzz.token_set_ratio(x.text, y.text) >= 75
                for x in a.events for y in b.events)
            if strong:
                conflicts.append(Conflict(
                    id=f"date-{len(conflicts) + 1}", kind="date", topic=_representative(a).text,
                    values=[ConflictValue(c.date, [e.support for e in c.events]) for c in (a, b)]))
    return conflicts


def build_timeline(articles: list[Article], sentences: dict[str, list[Sentence]],
                   docs) -> tuple[list[TimelineEvent], list[Conflict]]:
    """Dated events of the story (by date, then support) and date conflicts."""
    events: list[_Event] = []
    for article in articles:
        doc = docs.get(article.id)
        if article.off_topic or doc is None:
            continue
        events.extend(_events_of(article, sentences.get(article.id, []), doc))
    clusters = _cluster(events)
    clusters.sort(key=lambda c: (c.date, -len(c.events)))
    timeline = []
    for cluster in clusters:
        described = _representative(cluster)
        timeline.append(TimelineEvent(cluster.date, described.text, _supports(cluster, described)))
    return timeline, _date_conflicts(clusters, articles)
