"""Line rules: a paragraph removed for a marker it carries itself (a photo
credit, an @handle with a date, "By Name", "Source:", "Sign up")."""
from __future__ import annotations

import re

from ...nlp.lexicon import CAPTION_PARTICIPLES, WEEKDAY_NAMES
from .markers import (
    CAPS_CREDIT,
    CAPTION_START,
    COPYRIGHT_LINE,
    CREDIT_AT_END,
    CREDIT_LINE,
    EMBED,
    FUNCTION_WORDS,
    HEADER_SEPARATOR,
    HEADER_TIME,
    MONTH,
    NAV_LINE,
    NOT_NAMES,
    FORM_RUN,
    PROMO,
    PROMO_INSIDE,
    SAYS,
    SIGNOFF,
    SOURCE_LINE,
    WIRE,
)
from .paragraphs import SENTENCE_END, Paragraph

_WEEKDAY_PREFIX = "|".join(name[:3] for name in WEEKDAY_NAMES)  # "Mon|Tue|...", any ending after
_CREDITS_LINE = re.compile(  # Reuters/AP footers: "Reporting by Jane Doe; Editing by John Roe"
    r"^(?:[-–—•*]\s*)?\(?\s*(?:Additional\s+reporting|(?:Additional\s+)?Reporting|Writing|Written|Editing|Edited|Compiled|Compiling|Story|Words|Text|Produced|Reported)\s+by\s+[A-Z]"
)
_STAMP_LINE = re.compile(  # "Published 30 May 2023", "Updated: May 30, 2023 10:15 AM EDT"
    r"^(?:(?:Published|Updated|Last\s+updated|Posted|First\s+published)\b(?:\s*(?:on|at)?\s*:?\s*.{0,60}\d|\s*:?$)"
    rf"|(?:[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){{0,2}},\s+)?(?:(?:{_WEEKDAY_PREFIX})[a-z]*\.?,?\s+)?"
    rf"(?:\d{{1,2}}\s+{MONTH}|{MONTH}\s+\d{{1,2}}),?\s+\d{{4}}"
    r"(?:[,\s]+(?:(?:@|at)\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,5}|GMT[+-]\d+)?)?\.?$)",
    re.IGNORECASE,
)
_NAME = r"[A-Z][\w'’.-]*"
_NAME_BAR_OUTLET = re.compile(rf"^{_NAME}(?:\s+{_NAME}){{1,3}}\s*\|\s*[^|]{{1,50}}$")  # "Jane Doe | Reuters"
_NAME_COMMA_ROLE = re.compile(
    rf"^{_NAME}(?:\s+{_NAME}){{1,3}},\s*(?:{WIRE}|.{{0,40}}\b(?i:correspondent|reporter|editor|writer|staff|contributor))$"
)
_NAME_CONNECTORS = {"and", "&", "de", "van", "von", "der", "den", "al", "el", "bin", "da", "di", "du", "la", "le", "dos"}
# Page metadata as a line of its own: "Author: Jane Doe", "Article date: 14 Mar 2031"
# "Email the author at jane@post.com", "Contact the reporter: jane@post.com"
_CONTACT_LINE = re.compile(
    r"^(?:e-?mail|contact|reach|write\s+to)\s+(?:the\s+)?(?:author|reporter|writer|journalist|newsroom|us)\b.{0,30}\S+@\S+\.\w+\.?$",
    re.IGNORECASE,
)
_META_LINE = re.compile(r"^(?:Article\s+date|Date|Author|Authors|Byline|Writer|Reporter|Written\s+by)\s*:\s*\S.{0,60}$", re.IGNORECASE)
_EMAIL_LINE = re.compile(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$")  # a reporter's address alone on a line
_BYLINE = re.compile(r"(?i:by)\s*:?\s+(.+)$")  # "By Jane Doe", "BY JANE DOE", "by Jane Doe", "By: Jane Doe"
# "By the Evening Post newsdesk, with Wire Press", "By our staff reporters": a desk for a name
_DESK_BYLINE = re.compile(r"^(?i:by)\s+(?:(?i:the|our)\s+)?(?:[A-Z][\w'’&.-]*\s+){0,4}"
                          r"(?i:news\s?desk|desk|staff(?:\s+reporters?)?|team|newsroom|reporters|correspondents?)"
                          r"(?:\s*[,|/–—]\s*.{0,60})?$")
_ADDRESS = re.compile(r"\s*(?:\[[^\]]*\]+|\(?\S+@\S+\)?|\[\[.*)$")  # "[jane@post.com]" after a byline name
# Credits as a line of their own: "Jane Doe for The Evening Post" (a photographer for an
# outlet), "Uploaded by Jane Doe", "Provided by the City Museum", "Feature image credit: Agency".
_NAME_FOR_OUTLET = re.compile(rf"^{_NAME}(?:\s+{_NAME}){{1,3}}\s+for\s+The\s+{_NAME}(?:\s+{_NAME}){{0,3}}$")
# "(Jane Doe/Evening Post)", "Jane Doe / The Evening Post": a name and an outlet, alone.
_NAME_SLASH_OUTLET = re.compile(rf"^\(?{_NAME}(?:\s+{_NAME}){{1,3}}\s*/\s*(?:The\s+)?{_NAME}(?:\s+{_NAME}){{0,3}}\)?$")
_CREDIT_BY = re.compile(
    r"^(?:(?:Uploaded|Provided|Supplied|Submitted|Shared)\s+by\s+\S.{0,60}"
    r"|(?:Feature[d]?\s+|Header\s+|Top\s+|Cover\s+)?(?:image|photo|picture|video)s?\s+credits?\s*:\s*\S.{0,60}"
    r"|(?:IMAGE|PHOTO|PICTURE|VIDEO)\s+\d{1,2}|(?:Image|Photo|Picture|Video)\s+\d{1,2})$",
    re.IGNORECASE,
)
# A caption names who and where, with no verb: "Jane Doe at the Harbour District Court on May 21, 2021."
_CAPTION_PLACE = re.compile(r"\b(?:at|in|outside|near|during|on)\b")
_CAPTION_DATE = re.compile(rf"\b{MONTH}\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{MONTH}|\b(?:19|20)\d{{2}}\b")
_CAPTION_WORDS = FUNCTION_WORDS - {"said", "says", "told", "tells", "is", "was", "are", "were"}
# "The wrecked shelter on Pier Road, photographed yesterday afternoon.": a noun phrase, then a
# participle of picturing; no auxiliary or speech verb before it.
_PARTICIPLE_CAPTION = re.compile(
    rf"^[A-Z][^,]{{3,120}},\s+(?:{'|'.join(sorted(CAPTION_PARTICIPLES))})\b[^,;]{{0,60}}\.$"
)
_AUXILIARY = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|said|says|told)\b", re.IGNORECASE)
# A gallery caption with its toggle: "Items seized in the raid ▼".
_GALLERY_CAPTION = re.compile(r"^.{3,150}[▼▾▲►]$")
# A content system's placeholder left alone on a line ("[[nid:713695]]": an embedded link's slot).
_PLACEHOLDER = re.compile(r"^\[\[[a-z_]{2,12}:[\w-]{1,20}\]\]$")


def marker_reason(p: Paragraph) -> str | None:
    """Reasons that a marker in the paragraph itself proves."""
    text, words = p.text, len(p.text.split())
    if (words <= 60 or text.startswith("@")) and EMBED.search(text):
        return "embed"
    # A flattened page (many sentences in one paragraph) is left to the inline rules.
    sentences = len(SENTENCE_END.findall(text)) + 1
    if words <= 100 and sentences <= 3 and CREDIT_AT_END.search(text) or words <= 40 and sentences <= 2 and CAPTION_START.match(text):
        return "caption"
    if words <= 20 and CREDIT_LINE.match(text) or words <= 10 and CAPS_CREDIT.match(text):
        return "caption"
    if p.lines == 1 and words <= 25 and _PARTICIPLE_CAPTION.match(text) and not _AUXILIARY.search(text.split(",")[0]):
        return "caption"
    if p.lines == 1 and (_NAME_FOR_OUTLET.match(text) or words <= 9 and _NAME_SLASH_OUTLET.match(text) or words <= 12 and _CREDIT_BY.match(text)
                         or words <= 25 and _GALLERY_CAPTION.match(text)):
        return "caption"
    if words <= 20 and (SIGNOFF.match(text) or COPYRIGHT_LINE.match(text)):
        return "signoff"
    if words <= 12 and NAV_LINE.match(text):
        return "navigation"
    if _PLACEHOLDER.match(text):
        return "promo"
    if words <= 20 and SOURCE_LINE.match(text):
        return "source-line"
    if p.lines == 1 and _is_byline(text):
        return "byline"
    if p.lines == 1 and is_section_header(text):
        return "navigation"
    # a sign-up box glued to a sentence goes by itself (``inline``): judge what is left
    rest = " ".join(FORM_RUN.sub(" ", text).split()) or text
    if len(rest.split()) <= 40 and PROMO.match(rest):
        return "promo"
    if len(rest.split()) <= 40 and PROMO_INSIDE.search(rest) and not SAYS.search(rest):
        return "promo"
    return None


def is_verbless_caption(text: str) -> bool:
    """One sentence of names, places and dates whose lower-case words are all
    function words, so it has no verb, and that dates the picture: a photo
    caption ("Jane Doe at the Harbour District Court on May 21, 2021."). (A headline
    with capitalised verbs has no date.)"""
    words = text.rstrip(".").split()
    if not text.endswith(".") or not 4 <= len(words) <= 30 or not text[0].isupper() \
            or not _CAPTION_PLACE.search(text) or not _CAPTION_DATE.search(text):
        return False
    lower = [w.strip(",;:()").lower() for w in words if w[0].islower()]
    return bool(lower) and all(w in _CAPTION_WORDS for w in lower)


def is_page_header(text: str) -> bool:
    """A line that heads a page, not a story: a dated section header
    ("City | Feb 3, 2025, 10:15 am"), a "Section 2 days ago" line, a time stamp.
    ("Budget | The Daily Post" may stand for a headline, so it is not one.)"""
    text = " ".join(text.split())
    dated = is_section_header(text) and bool(HEADER_TIME.search(text))
    return dated or bool(NAV_LINE.match(text)) or bool(_STAMP_LINE.match(text))


_SLASH_SEPARATOR = re.compile(r"\s+/\s+")
_NUMERIC_DATE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{2,4}")  # "14.05.2031", "2031-05-14", "14/05/2031"


def is_section_header(text: str) -> bool:
    """A page header of short labels between bars or dots, one of them a date or
    time, or all of them one to three words: "City | Feb 3, 2025, 10:15 am",
    "10:15 AM | The Daily Post | Transport", "News · Politics"."""
    parts = [part.strip() for part in HEADER_SEPARATOR.split(text)]
    # a slash separates labels only beside a date or time ("Business / 14.05.2031 / 11:05"):
    # "Fire / Rescue" or "Jane Doe / Reuters" may be a headline or a credit
    slashed = len(parts) == 1
    if slashed:
        parts = [part.strip() for part in _SLASH_SEPARATOR.split(text)]
    if not 2 <= len(parts) <= 5 or len(text.split()) > 16 or not all(parts):
        return False
    if any(len(part.split()) > 6 or part.endswith((".", "!", "?", '"', "”")) for part in parts):
        return False
    dated = any(HEADER_TIME.search(part) or _NUMERIC_DATE.fullmatch(part) for part in parts)
    return dated or not slashed and all(len(part.split()) <= 3 for part in parts)


def _is_byline(text: str) -> bool:
    words = text.split()
    if _CREDITS_LINE.match(text) and (";" in text or text.startswith("(") or len(words) <= 12):
        return True
    if len(words) > 14:
        return False
    if _STAMP_LINE.match(text) or _NAME_BAR_OUTLET.match(text) or _NAME_COMMA_ROLE.match(text) \
            or _META_LINE.match(text) or _EMAIL_LINE.match(text) or _CONTACT_LINE.match(text):
        return True
    if _DESK_BYLINE.match(text) and not text.endswith((".", "!", "?")):
        return True
    match = _BYLINE.match(text)
    if not match or (text.endswith((".", "!", "?")) and not re.search(r"\b[A-Z]\.$", text)):
        return False
    # Only the part before "," / "|" / "—" is the name list: "By Jane Doe, Reuters";
    # an address after it is no name: "BY JANE DOE [jane@post.com]".
    names = re.split(r"\s*[,|/–—]\s*|\s+-\s+", _ADDRESS.sub("", match[1]))[0].split()
    return (
        bool(names) and len(names) <= 8 and names[0] not in NOT_NAMES
        and all(w[0].isupper() or w.lower() in _NAME_CONNECTORS for w in names)
    )
