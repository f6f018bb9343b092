"""Paragraph-neighbour rules: what a paragraph is depends on the ones around it.

The headline opens the text; a label line follows a byline; a bio follows the
reporting (and a bio may run on); a subheading is a short unpunctuated line
standing alone between two paragraphs, so a real sentence is never removed
for its length or position alone. The dateline opens the first kept paragraph.
"""
from __future__ import annotations

import re

from ...model import Removed
from ...nlp.lexicon import HONORIFICS, MONTHS, TITLE_ABBREVIATIONS
from .lines import is_page_header, is_verbless_caption
from .markers import FUNCTION_WORDS, SAYS, VERB_HINT
from .paragraphs import END_PUNCT, SENTENCE_END, Paragraph, is_prose, norm

_BIO_START = re.compile(
    r"^(?:About\s+the\s+author\b"
    r"|(?:[A-Z][\w'’.-]+\s+){1,3}(?:is|was|has\s+been)\s+(?:(?:a|an|the)\s+)?(?:[\w'’-]+\s+){0,5}?"
    r"(?:journalist|reporter|correspondent|writer|editor|columnist|contributor|author|blogger|freelancer|producer)s?\b"
    r"|(?:He|She|They)\s+(?:writes|covers|reports)\s+(?:on|about|for)\b"
    # "Jane Doe covers transport for the Evening Post": a name, the beat, the outlet.
    r"|(?:[A-Z][\w'’.-]+\s+){2,3}(?:covers|writes\s+(?:about|on)|reports\s+on|has\s+(?:covered|written\s+(?:about|on)|reported\s+on))\b"
    r".{0,80}?\b(?:for|at)\s+(?:[Tt]he\s+)?[A-Z]"
    # ... or the beat and a way to follow the writer: "Jane Doe writes about cities. Follow her on X @janedoe."
    r"|(?:[A-Z][\w'’.-]+\s+){2,3}(?:covers|writes\s+(?:about|on)|reports\s+on)\b(?=.*(?:follow\s+(?:him|her|them)|@\w)))"
)
_BIO_SIGNAL = re.compile(
    r"\b(?:writes?\s+(?:on|about|for)|reports\s+on\b|covers\b|covering\b|reporting\s+on\b|known\s+for|follow\s+(?:him|her|them)\b|(?:his|her|their)\s+(?:articles|work|reporting|writing)\b"
    r"|award-winning|has\s+reported\s+(?:on|from)|has\s+covered\b|previously\s+(?:worked|wrote|reported)|storytelling"
    # the role at the outlet: "a correspondent at The Evening Post"
    r"|\b(?:journalist|reporter|correspondent|writer|editor|columnist|contributor|producer)s?\s+(?:at|for|with)\s+(?:the\s+)?[A-Z]"
    # ... or the outlet's: "the Evening Post's transport reporter"
    r"|[A-Z]\w*['’]s\s+(?:[\w-]+\s+){0,2}(?:journalist|reporter|correspondent|editor|columnist|writer)\b)"
    r"|@\w|\S+@\S+\.\w+",
    re.IGNORECASE,
)
# An op-ed's closing line on its author: "Jane Doe is the vice president for Asia at Acme Data".
_CLOSING_BIO = re.compile(
    r"^(?:[A-Z][\w'’.-]+\s+){1,3}(?:is|was)\s+(?:(?:a|an|the)\s+)?(?:[\w'’&,-]+\s+){1,10}?"
    r"(?:at|of|for|with)\s+(?:the\s+)?[A-Z][^\d\"“”]{0,80}$"
)
# A publisher describing itself, in the first person somewhere: "Harbour Voice is the one stop site for news ..."
_OUTLET_BLURB = re.compile(
    r"^(?:[A-Z][\w'’.&-]*\s+){1,4}is\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,5}?"
    r"(?:site|website|portal|platform|publication|publisher|newspaper|magazine|outlet|destination)\s+for\b"
)
_BIO_HEADING = re.compile(r"^About\s+the\s+(?:author|writer|reporter|columnist|contributor)s?:?$", re.IGNORECASE)
_ABOUT_BIO_LINES = 5  # a closing bio under "About <name>" runs this many lines at most
_ABOUT_NAME = re.compile(r"^About\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})$")
_SELF = re.compile(r"\b(?:[Ww]e|[Oo]ur|[Uu]s)\b")
_MARKDOWN_HEADING = re.compile(r"^#{1,6} \S")
_LIST_DASH = re.compile(r"^[-–—•*]\s+")
_BIO_NEXT = re.compile(r"^(?:He|She|They|His|Her|Their)\b")
_OPEN_END = re.compile(r"\w[\"”’']$")  # a line ending on a quoted word: "... is “bad influence”"
# A bracket closing a line: a time, a date or a place when it holds a digit or only capitalised words.
_TRAILING_BRACKET = re.compile(r"\s+\([^()]{1,40}\)$")
_SHORT_QUESTION = 6  # words of a question heading that needs no question word
_QUESTION_WORD = re.compile(r"^(?:What|Why|How|Who|Where|When|Which|Will|Is|Are|Can|Could|Should|Does|Do)\b")
# "PORT CALDEN, March 11 (Coastline Press) - ", "HARBOURTON (Wire Service) — ",
# "MERIDIA: ", "OSTVALE, Norland — ": where and (sometimes) when a report was filed, in
# capitals before a dash or colon at the start of the first kept paragraph.
# It dates the report (the dating stage reads it) but states no fact.
_DATELINE = re.compile(
    r"[A-Z][A-Z.'’/\-]+(?:\s+[A-Z][A-Z.'’/\-]+){0,3}"
    r"(?:,\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\.?(?:\s+\d{1,2})?(?:,?\s+\d{4})?)?"
    r"(?:\s+\([A-Za-z][\w .&'/-]{0,40}\))?"
    r"\s*(?:[-–—]+|:)\s+(?=[\"“‘']?[A-Z0-9])"
)


_PLACE_STOP = re.compile(r"([A-Z][a-z]{3,}(?:\s+[A-Z][a-z]+)?)\.\s+(?=[A-Z][a-z]+\s+[a-z])")


def mark_headline(paragraphs: list[Paragraph], reasons: list[str | None], title: str | None) -> str | None:
    """Mark the headline "title": the first paragraph, or the first after a page
    header (section, date, menu line) that opens the text. Return the title,
    from the headline when unknown. A known title that is itself a page header
    ("City | 14 March 2031, 10:15") is no title: the headline replaces it."""
    if title and is_page_header(title):
        title = None
    first = 0
    while first < len(paragraphs) and reasons[first] == "navigation":
        first += 1
    rest = paragraphs[first:]
    if rest and reasons[first] is None and is_headline(rest, title) and (first == 0 or _is_lone_line(rest[0])):
        reasons[first] = "title"
        title = title or rest[0].text.lstrip("#").strip()
    return title


def _is_lone_line(p: Paragraph) -> bool:
    return p.lines == 1 and not p.text.endswith((".", "!", '"', "”"))


def mark_bylines_and_bios(paragraphs: list[Paragraph], reasons: list[str | None]) -> None:
    for i, paragraph in enumerate(paragraphs):
        if reasons[i] is None and i > 0 and reasons[i - 1] == "byline" and is_label(paragraph):
            reasons[i] = "byline"  # "By JANE DOE" then "Wire Service" or "Senior Correspondent"
        if reasons[i] is None and is_bio(paragraph, previous_is_bio=i > 0 and reasons[i - 1] == "bio"):
            reasons[i] = "bio"
        # under an "About the author" heading: the bio, however it is worded ("Jane Doe pens articles on ...")
        if reasons[i] is None and i > 0 and _BIO_HEADING.match(paragraphs[i - 1].text) \
                and not SAYS.search(paragraph.text) and len(paragraph.text.split()) <= 120:
            reasons[i] = "bio"
    _mark_bio_about_name(paragraphs, reasons)


def _mark_bio_about_name(paragraphs: list[Paragraph], reasons: list[str | None]) -> None:
    """'About Ravi' closing the page, then "Ravi Menon is a programmer. …": the
    heading and the few lines after it are the author's bio, when the next
    line opens with the name, nothing after it quotes anyone and one line
    tells a bio ("He is the editor of …", an e-mail address); not a section
    "About Calden" that tells the rest of an explainer."""
    for i in range(max(1, len(paragraphs) - 1 - _ABOUT_BIO_LINES), len(paragraphs) - 1):
        heading = _ABOUT_NAME.match(paragraphs[i].text)
        if heading is None or not paragraphs[i + 1].text.startswith(heading["name"].split()[0]):
            continue
        rest = range(i + 1, len(paragraphs))
        if all(not SAYS.search(paragraphs[k].text) and len(paragraphs[k].text.split()) <= 120 for k in rest) \
                and any(_BIO_SIGNAL.search(paragraphs[k].text) or _BIO_NEXT.match(paragraphs[k].text) for k in rest):
            for k in [i, *rest]:
                reasons[k] = reasons[k] or "bio"
        return


def mark_deks_and_captions(paragraphs: list[Paragraph], reasons: list[str | None]) -> None:
    """A verbless line of two to five words right under the headline is its dek
    ("Quite a view."); a verbless sentence naming who, where and when is a photo
    caption (see ``is_verbless_caption``), never the first paragraph."""
    for i in range(1, len(paragraphs)):
        p = paragraphs[i]
        if reasons[i] is not None or p.lines != 1:
            continue
        if reasons[i - 1] == "title" and i + 1 < len(paragraphs) and is_prose(paragraphs[i + 1]) \
                and 2 <= len(p.text.split()) <= 5 and not VERB_HINT.search(p.text) and p.text[0].isupper():
            reasons[i] = "subheading"
        elif is_verbless_caption(p.text):
            reasons[i] = "caption"


def mark_closing_bio(paragraphs: list[Paragraph], reasons: list[str | None]) -> None:
    """The last kept paragraph is the author's bio when it names someone's role at
    an organisation and, unlike a sentence of reporting, does not end like one;
    or the publisher's blurb on itself, in the first person ("promo")."""
    last = max((i for i, reason in enumerate(reasons) if reason is None), default=-1)
    if last <= 0:
        return
    p = paragraphs[last]
    if len(p.text.split()) <= 80 and _OUTLET_BLURB.match(p.text) and _SELF.search(p.text) and not SAYS.search(p.text):
        reasons[last] = "promo"  # the publisher's own blurb: "Harbour Voice is the one stop site for ... We also cover ..."
        return
    first = p.text.split()[0].rstrip(".").lower()
    if p.lines == 1 and len(p.text.split()) <= 30 and not p.text.endswith(END_PUNCT) and first not in HONORIFICS \
            and not SAYS.search(p.text) and _CLOSING_BIO.match(_LIST_DASH.sub("", p.text)):
        reasons[last] = "bio"


def mark_subheadings(paragraphs: list[Paragraph], reasons: list[str | None]) -> None:
    for i in range(1, len(paragraphs) - 1):
        if reasons[i] is None and is_subheading(paragraphs, reasons, i):
            reasons[i] = "subheading"


def dateline_span(text: str, paragraphs: list[Paragraph], reasons: list[str | None]) -> Removed | None:
    """The dateline opening the first paragraph that is kept, if any."""
    first_kept = next((i for i, reason in enumerate(reasons) if reason is None), None)
    if first_kept is None:
        return None
    dateline = _DATELINE.match(text, paragraphs[first_kept].start, paragraphs[first_kept].end)
    if dateline is None:
        # "Harbourton. Police said ...": a place name alone before the first sentence.
        dateline = _PLACE_STOP.match(text, paragraphs[first_kept].start, paragraphs[first_kept].end)
        if dateline and dateline[1].lower() in TITLE_ABBREVIATIONS | MONTHS.keys():
            dateline = None
    return Removed(dateline.start(), dateline.end(), "dateline") if dateline else None


def is_label(p: Paragraph) -> bool:
    words = p.text.split()
    return p.lines == 1 and len(words) <= 4 and not p.text.endswith(END_PUNCT) and all(w[0].isupper() for w in words)


def is_headline(paragraphs: list[Paragraph], known_title: str | None) -> bool:
    """The first paragraph is the headline: it repeats the known title, or it is a
    single short line without a closing full stop and a paragraph follows it."""
    first = paragraphs[0]
    if known_title and norm(first.text) == norm(known_title):
        return True
    if _MARKDOWN_HEADING.match(first.text) and first.lines == 1:
        return True
    return (
        first.lines == 1 and len(paragraphs) > 1 and len(first.text.split()) <= 25
        and (not first.text.endswith(END_PUNCT) or first.text.endswith("?") and not first.text.endswith('?"'))
        and (first.text[0].isupper() or first.text[0].isdigit())
    )


def is_bio(p: Paragraph, *, previous_is_bio: bool) -> bool:
    """About the journalist: "X is a journalist at ...", "She writes on ...", with a
    bio signal (writes on, covers, follow her, an @handle) and no one quoted."""
    text = _LIST_DASH.sub("", p.text)  # "- Jane Doe is a journalist at ..."
    if SAYS.search(text) or not _BIO_SIGNAL.search(text):
        return False
    return bool(_BIO_START.match(text) or (previous_is_bio and _BIO_NEXT.match(text)))


def is_subheading(paragraphs: list[Paragraph], reasons: list[str | None], i: int) -> bool:
    """A short unpunctuated line standing alone between two paragraphs of prose."""
    p, before, after = paragraphs[i], paragraphs[i - 1], paragraphs[i + 1]
    if _MARKDOWN_HEADING.match(p.text) and p.lines == 1:
        return True
    words = p.text.split()
    # Between two paragraphs of prose (scraped pages, one paragraph a line) a
    # heading may be longer and carry digits ("3 men arrested for affray"); a
    # long one is still one clause, without a sentence end or a link inside.
    # (a long paragraph that opens a list with a colon is prose too)
    between_prose = is_prose(before) and (is_prose(after) or after.text.endswith(":") and len(after.text.split()) >= 12)
    # A question heading ("What can visitors expect at the new park?") may follow an intro's colon.
    # So may a short one with no question word ("Seedy reputation of the mall?").
    asked = p.text.endswith("?") and (bool(_QUESTION_WORD.match(p.text)) or len(words) <= _SHORT_QUESTION)
    question = asked and is_prose(after)
    limit = 20 if between_prose or question else 6
    first = p.text.lstrip("\"“‘'")[:1]  # a heading may open on a quoted phrase: "“Not worth it”: Owner vows ..."
    if p.lines != 1 or not 1 <= len(words) <= limit or not (first.isupper() or first.isdigit()):
        return False
    if len(words) > 12 and (SENTENCE_END.search(p.text) or re.search(r"://|@|\w\.[a-z]{2,}/", p.text)):
        return False
    # Digits suggest a short fact ("30 soldiers injured"), not a heading, unless prose stands both sides.
    if any(c.isdigit() for c in p.text) and not between_prose:
        return False
    # A heading may end on a quoted phrase ("... is “bad influence”"); a quoted sentence
    # ends on its punctuation ("... he said." / "“We will rebuild.”").
    balanced = p.text.count("“") == p.text.count("”") and p.text.count('"') % 2 == 0
    open_end = bool(_OPEN_END.search(p.text)) and balanced
    if len(words) > 6 and (SAYS.search(p.text) or words[-1].lower() in FUNCTION_WORDS or not balanced):
        return False
    # a heading may close on when and where, in brackets: "Harbour Fun Run (March 14, 6 AM - 10 AM)"
    bracket = _TRAILING_BRACKET.search(p.text)
    dated = bracket is not None and (any(c.isdigit() for c in bracket.group()) or not re.search(r"\b[a-z]", bracket.group()))
    text = p.text[:bracket.start()] if bracket and dated else p.text
    if text.endswith(END_PUNCT) and not open_end and not asked:
        return False
    # The paragraph before must have ended a sentence, or this is a wrapped line;
    # after a colon it is a list item.
    ended = reasons[i - 1] is not None or (before.text.endswith(END_PUNCT) and not before.text.endswith(":")) \
        or question
    return ended and (after.text[0].isupper() or after.text[0].isdigit() or after.text[0] in "\"“‘'")
