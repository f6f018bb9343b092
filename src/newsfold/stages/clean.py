"""Mark the parts of an article that are not reporting.

Reads ``article.text`` and the spans already in ``article.removed`` (such as
the header the reader found); adds ``Removed`` spans, each one a whole
paragraph, for the headline ("title"), bylines, author bios, "Source:" lines,
photo captions, social-media embeds, promos and stray subheadings. Sets
``article.title`` from the headline when it was unknown. ``text`` never
changes: later stages skip removed spans, so offsets stay valid.

A paragraph is removed only for a marker it carries (a photo credit, an
@handle with a date, "By Name", "Source:", "Sign up") or, for headlines and
subheadings, for being a short unpunctuated line standing alone, so a real
sentence is never removed for its length or position alone.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..model import Article, Removed

_END_PUNCT = (".", "!", "?", ":", ";", ",", '"', "”", "’", "'", ")", "…", "»")

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_WIRE = r"(?:AP|AFP|Reuters|REUTERS|EPA(?:-EFE)?|Getty Images|Bloomberg|Xinhua|Anadolu(?: Agency)?|dpa|UPI|TASS|ANSA|PA(?: Wire)?|PTI|IANS|Shutterstock|Alamy)"

# A photo credit closes a caption: "(AP Photo/Jane Doe)", "Photograph: J Doe/Reuters",
# "REUTERS/Jane Doe", "AFP via Getty Images", "Credit: ...". Credits open some captions.
_CREDIT_AT_END = re.compile(
    r"""(?:
        \(\s*(?:[A-Z][\w.-]*\s+)?(?:Photo|Photograph|Image|Picture|Pic|Foto|File\s+photo)s?\b[^()]{0,120}\)
      | (?:^|[.!?|—–]\s*)(?:Photo|Photograph|Image|Picture|Pictures|Photos)\s*(?:credit\s*)?(?::|by\b)[^!?]{1,100}
      | (?:/\s*|\bvia\s+|^)Getty\s+Images\b[^.!?]{0,40}
      | \b(?:REUTERS|AFP|AP|EPA|EPA-EFE|ANADOLU|XINHUA)\s*/\s*[A-Z][^!?]{1,60}
      | (?:^|[.!?]\s+)(?:Credit|Image\s+credit|©)\s*:?\s*[^!?]{1,80}
    )\W*$""",
    re.X,
)
_CAPTION_START = re.compile(
    r"^(?:FILE\s+PHOTO\b|Photo\s*:|Photograph\s*:|Image\s*:|Picture\s*:|Caption\s*:|Pictured\s*:"
    r"|Image\s+(?:caption|source)\b|Media\s+caption\b|Photo\s+(?:credit|by)\b)"
)
_EMBED = re.compile(
    rf"""(?:
        \(@\w{{1,30}}\)\s*{_MONTH}\s+\d{{1,2}},\s*\d{{4}}\W*$       # "— AFP News Agency (@AFP) May 30, 2023"
      | \bpic\.twitter\.com/\w+
      | ^https?://(?:t\.co|twitter\.com|x\.com|www\.instagram\.com|www\.tiktok\.com)/\S*$
      | ^(?:A\s+post\s+shared\s+by|View\s+this\s+post\s+on\s+Instagram|Embedded\s+(?:content|video|tweet|post))
    )""",
    re.X,
)
_SOURCE_LINE = re.compile(
    r"^\(?\s*(?:Sources?\s*:\s*\S|Source\s+link$|(?:With|Including)\s+(?:files|reporting|additional\s+reporting|input|material)\s+(?:from|by)\b)",
    re.I,
)
_PROMO = re.compile(
    r"""^\W*(?:
        read\s+(?:more|also)\b | also\s+read\b | see\s+also\s*: | more\s+on\s+this\s+story\b | most\s+read\b
      | related\s*(?:articles?|stories|coverage|content|reading)?\s*: | related\s+topics$ | recommended(?:\s+(?:reading|for\s+you))?\s*:?$
      | sign\s+up\b | subscribe\b | get\s+(?:our|the)\b.{0,60}\b(?:newsletter|inbox|app|alerts)\b
      | follow\s+(?:us|@) | like\s+us\s+on\b | join\s+(?:us|our\s+\w+)\s+on\b | download\s+(?:the|our)\b.{0,30}\bapp\b
      | click\s+here\b | tap\s+here\b | advertisement$ | story\s+continues\s+below\b | continue\s+reading\b
      | scroll\s+(?:down\s+)?to\s+continue\b | share\s+(?:this|on)\b | share$ | copy\s+link$
      | listen\s+to\s+(?:this\s+)?article\b | \d+\s+min(?:ute)?s?\s+read$ | (?:watch|video|listen|live(?:\s+updates?)?)\s*:
      | support\s+(?:our|independent)\s+journalism\b | our\s+standards\s*:
      | this\s+(?:article|story)\s+(?:was\s+)?(?:originally|first)\s+(?:published|appeared)\b
      | copyright\b | ©\s*\d{4} | all\s+rights\s+reserved\b
    )""",
    re.I | re.X,
)
_CREDITS_LINE = re.compile(  # Reuters/AP footers: "Reporting by Jane Doe; Editing by John Roe"
    r"^\(?\s*(?:(?:Additional\s+)?Reporting|Writing|Written|Editing|Edited|Compiled|Compiling|Story|Words|Text|Produced|Reported)\s+by\s+[A-Z]"
)
_STAMP_LINE = re.compile(  # "Published 30 May 2023", "Updated: May 30, 2023 10:15 AM EDT"
    r"^(?:(?:Published|Updated|Last\s+updated|Posted|First\s+published)\b(?:\s*(?:on|at)?\s*:?\s*.{0,60}\d|\s*:?$)"
    rf"|(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?(?:\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}),?\s+\d{{4}}"
    r"(?:[,\s]+\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,5}|GMT[+-]\d+)?)?\.?$)",
    re.I,
)
_NAME = r"[A-Z][\w'’.-]*"
_NAME_BAR_OUTLET = re.compile(rf"^{_NAME}(?:\s+{_NAME}){{1,3}}\s*\|\s*[^|]{{1,50}}$")  # "Jane Doe | Reuters"
_NAME_COMMA_ROLE = re.compile(
    rf"^{_NAME}(?:\s+{_NAME}){{1,3}},\s*(?:{_WIRE}|.{{0,40}}\b(?i:correspondent|reporter|editor|writer|staff|contributor))$"
)
_NAME_CONNECTORS = {"and", "&", "de", "van", "von", "der", "den", "al", "el", "bin", "da", "di", "du", "la", "le", "dos"}
_NOT_NAMES = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
              "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
              "Then", "Now", "Contrast", "Comparison", "Law", "Far", "Now,", "Then,"}

_BIO_START = re.compile(
    r"^(?:About\s+the\s+author\b"
    r"|(?:[A-Z][\w'’.-]+\s+){1,3}(?:is|was|has\s+been)\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,5}?"
    r"(?:journalist|reporter|correspondent|writer|editor|columnist|contributor|author|blogger|freelancer|producer)s?\b"
    r"|(?:He|She|They)\s+(?:writes|covers|reports)\s+(?:on|about|for)\b)"
)
_BIO_SIGNAL = re.compile(
    r"\b(?:writes?\s+(?:on|about|for)|covers\b|known\s+for|follow\s+(?:him|her|them)\b|(?:his|her|their)\s+(?:articles|work|reporting|writing)\b"
    r"|award-winning|has\s+reported\s+(?:on|from)|previously\s+(?:worked|wrote|reported)|storytelling)"
    r"|@\w|\S+@\S+\.\w+",
    re.I,
)
_MARKDOWN_HEADING = re.compile(r"^#{1,6} \S")
_BIO_NEXT = re.compile(r"^(?:He|She|They|His|Her|Their)\b")
_SAYS = re.compile(r"\b(?:said|says|told)\b")
_QUESTION_WORD = re.compile(r"^(?:What|Why|How|Who|Where|When|Which|Will|Is|Are|Can|Could|Should|Does|Do)\b")


@dataclass
class _Paragraph:
    start: int
    end: int
    text: str  # whitespace collapsed, for matching
    lines: int


def clean(article: Article) -> Article:
    """Return a copy of ``article`` with non-reporting paragraphs added to ``removed``.

    Runs line rules (marker-based) on every paragraph, then the headline,
    bio and subheading rules, which look at neighbouring paragraphs.
    Spans already present are kept; running ``clean`` twice adds nothing.
    """
    paragraphs = _paragraphs(article.text, article.removed)
    reasons: list[str | None] = [_marker_reason(p) for p in paragraphs]
    title = article.title
    if paragraphs and reasons[0] is None and _is_headline(paragraphs, title):
        reasons[0] = "title"
        title = title or paragraphs[0].text.lstrip("#").strip()
    for i, paragraph in enumerate(paragraphs):
        if reasons[i] is None and i > 0 and reasons[i - 1] == "byline" and _is_label(paragraph):
            reasons[i] = "byline"  # "By JANE DOE" then "Associated Press" or "Senior Correspondent"
        if reasons[i] is None and _is_bio(paragraph, previous_is_bio=i > 0 and reasons[i - 1] == "bio"):
            reasons[i] = "bio"
    for i in range(1, len(paragraphs) - 1):
        if reasons[i] is None and _is_subheading(paragraphs, reasons, i):
            reasons[i] = "subheading"

    known = {(r.start, r.end) for r in article.removed}
    added = [Removed(p.start, p.end, reason) for p, reason in zip(paragraphs, reasons)
             if reason and (p.start, p.end) not in known]
    removed = sorted(article.removed + added, key=lambda r: (r.start, r.end))
    # A copy with its own lists: later stages add notes without touching the input article.
    return replace(article, removed=removed, title=title, notes=list(article.notes), extra=dict(article.extra))


# -- paragraphs ---------------------------------------------------------------------


def _paragraphs(text: str, removed: list[Removed]) -> list[_Paragraph]:
    """Paragraphs with exact offsets; text already removed (a header) is blanked first.

    Blocks are separated by blank lines. A block's lines are separate
    paragraphs when they each end a sentence (one paragraph a line, as many
    pasted texts are); otherwise the block is hard-wrapped and stays whole.
    """
    masked = text
    for span in removed:
        masked = masked[: span.start] + " " * (span.end - span.start) + masked[span.end:]
    lines, pos = [], 0
    for raw in masked.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = pos + (len(raw) - len(raw.lstrip()))
            lines.append((start, start + len(stripped)))
        else:
            lines.append(None)
        pos += len(raw) + 1
    paragraphs: list[_Paragraph] = []
    block: list[tuple[int, int]] = []
    for line in lines + [None]:
        if line is not None:
            block.append(line)
            continue
        if block:
            paragraphs.extend(_split_block(masked, block))
        block = []
    return paragraphs


def _split_block(masked: str, block: list[tuple[int, int]]) -> list[_Paragraph]:
    def one(spans):
        start, end = spans[0][0], spans[-1][1]
        return _Paragraph(start, end, " ".join(masked[start:end].split()), len(spans))

    wrapped = any(
        not masked[end - 1: end] in _END_PUNCT and len(masked[start:end].split()) > 8 for start, end in block[:-1]
    )
    return [one(block)] if wrapped else [one([line]) for line in block]


# -- rules --------------------------------------------------------------------------


def _marker_reason(p: _Paragraph) -> str | None:
    """Reasons that a marker in the paragraph itself proves."""
    text, words = p.text, len(p.text.split())
    if words <= 60 and _EMBED.search(text):
        return "embed"
    if words <= 100 and (_CREDIT_AT_END.search(text) or _CAPTION_START.match(text)):
        return "caption"
    if words <= 20 and _SOURCE_LINE.match(text):
        return "source-line"
    if p.lines == 1 and _is_byline(text):
        return "byline"
    if words <= 40 and _PROMO.match(text):
        return "promo"
    return None


def _is_byline(text: str) -> bool:
    words = text.split()
    if _CREDITS_LINE.match(text) and (";" in text or text.startswith("(") or len(words) <= 12):
        return True
    if len(words) > 14:
        return False
    if _STAMP_LINE.match(text) or _NAME_BAR_OUTLET.match(text) or _NAME_COMMA_ROLE.match(text):
        return True
    match = re.match(r"(?:By|BY)\s+(.+)$", text)
    if not match or (text.endswith((".", "!", "?")) and not re.search(r"\b[A-Z]\.$", text)):
        return False
    # Only the part before "," / "|" / "—" is the name list: "By Jane Doe, Reuters".
    names = re.split(r"\s*[,|/–—]\s*|\s+-\s+", match[1])[0].split()
    return (
        bool(names) and len(names) <= 8 and names[0] not in _NOT_NAMES
        and all(w[0].isupper() or w.lower() in _NAME_CONNECTORS for w in names)
    )


def _is_label(p: _Paragraph) -> bool:
    words = p.text.split()
    return p.lines == 1 and len(words) <= 4 and not p.text.endswith(_END_PUNCT) and all(w[0].isupper() for w in words)


def _is_headline(paragraphs: list[_Paragraph], known_title: str | None) -> bool:
    """The first paragraph is the headline: it repeats the known title, or it is a
    single short line without a closing full stop and a paragraph follows it."""
    first = paragraphs[0]
    if known_title and _norm(first.text) == _norm(known_title):
        return True
    if _MARKDOWN_HEADING.match(first.text) and first.lines == 1:
        return True
    return (
        first.lines == 1 and len(paragraphs) > 1 and len(first.text.split()) <= 25
        and (not first.text.endswith(_END_PUNCT) or first.text.endswith("?") and not first.text.endswith('?"'))
        and (first.text[0].isupper() or first.text[0].isdigit())
    )


def _is_bio(p: _Paragraph, *, previous_is_bio: bool) -> bool:
    """About the journalist: "X is a journalist at ...", "She writes on ...", with a
    bio signal (writes on, covers, follow her, an @handle) and no one quoted."""
    if _SAYS.search(p.text) or not _BIO_SIGNAL.search(p.text):
        return False
    return bool(_BIO_START.match(p.text) or (previous_is_bio and _BIO_NEXT.match(p.text)))


def _is_subheading(paragraphs: list[_Paragraph], reasons: list[str | None], i: int) -> bool:
    """A short unpunctuated line standing alone between two paragraphs of prose."""
    p, before, after = paragraphs[i], paragraphs[i - 1], paragraphs[i + 1]
    if _MARKDOWN_HEADING.match(p.text) and p.lines == 1:
        return True
    words = p.text.split()
    # Digits suggest a short fact ("30 soldiers injured"), not a heading: keep it.
    if p.lines != 1 or not 1 <= len(words) <= 6 or not p.text[0].isupper() or any(c.isdigit() for c in p.text):
        return False
    if p.text.endswith(_END_PUNCT) and not (p.text.endswith("?") and _QUESTION_WORD.match(p.text)):
        return False
    # The paragraph before must have ended a sentence, or this is a wrapped line;
    # after a colon it is a list item.
    ended = reasons[i - 1] is not None or (before.text.endswith(_END_PUNCT) and not before.text.endswith(":"))
    return ended and (after.text[0].isupper() or after.text[0].isdigit() or after.text[0] in "\"“‘'")


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())
