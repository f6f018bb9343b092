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
sentence is never removed for its length or position alone. Site navigation
at the start ("navigation") and outlet sign-offs at the end ("signoff": "/TISG",
"- The Straits Times/ANN", a reporter's e-mail address) are removed too.

Scraped text is often flattened onto one line, so boilerplate also sits
*inside* paragraphs. Sentence-level and inline spans are removed for strong
markers only: promo/call-to-action sentences ("Read more:", "Sign up for our
newsletter", "Please verify you're not a robot"), photo credits and the
caption they open or close ("Image copyright AFP Image caption ...",
"Getty Images The building ...", "... (Photo: AP)"), fixed page residue
("Advertisement Continue reading the main story", "Click to share on X (Opens
in new window)"), quoted or all-capital inline subheadings and a sign-off
ending the text. A caption without closing punctuation ends where the next
sentence visibly starts (a capitalised word after an unpunctuated one).
"""
from __future__ import annotations

import itertools
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
    r"|Image\s+(?:caption|source|copyright)\b|Media\s+caption\b|Photo\s+(?:credit|by)\b"
    r"|(?:Top|Featured|Header|Cover|Lead|Main|Hero)\s+(?:image|photo|picture|pic|video)s?\b|Source\s+image\b"
    r"|Photos?\s+(?:used\s+)?for\s+illustration|(?:Image|Photo|Picture)s?\s+(?:adapted\s+)?(?:via|courtesy\s+of)\b)",
    re.I,
)
# "Photos from X/Facebook": a credit only when it names where the picture came from.
_CREDIT_LINE = re.compile(
    r"^(?:Photos?|Images?|Pictures?|Screenshots?|Videos?)\s+(?:from|by|via|adapted\s+from|courtesy\s+of)\s+.{1,80}"
    r"(?:/\s*(?:Facebook|Instagram|TikTok|Twitter|X|YouTube|Reddit|Xiaohongshu|Weibo)|\bon\s+(?:Facebook|Instagram|TikTok|Twitter|X|YouTube)"
    r"|\b(?:Unsplash|Pexels|Depositphotos|Shutterstock|Getty\s+Images|Reuters|AFP|AP|EPA))\W*$",
    re.I,
)
# Outlet sign-offs: "/TISG", "- The Straits Times/ANN", "— BERNAMA", "–IANS", "PTI".
_SIGNOFF = re.compile(
    rf"""^(?:
        [-–—/]+\s*(?:[A-Z]{{2,10}}(?:/[A-Z]{{2,10}})?|(?i:Bernama|IANS|PTI|ANI|AFP|Reuters|Xinhua|dpa|AP|ANN|Agencies))
      | (?:[-–—]\s*)?(?:The\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*){{0,3}}\s*/\s*(?:ANN|Asia\s+News\s+Network|AFP|AP|Reuters|Bernama|dpa|Xinhua|IANS|PTI)
      | {_WIRE} | BERNAMA | IANS | ANI | TISG | int/\w{{2,4}}
      | \S+@\S+\.[a-z]{{2,}}
      | (?:He|She|They|The\s+writer|The\s+author)\s+(?:can\s+be\s+)?(?:reached|contacted)\s+(?:at|via)\s+\S+@\S+\.[a-z]{{2,}}\.?
    )$""",
    re.X,
)
# Inline sign-off closing the last sentence of the text: "... hospital. /TISG", "... - The Straits Times/ANN".
_SIGNOFF_AT_END = re.compile(
    r"(?<=[.!?\"”’)])\s+(?:/\s*[A-Z]{2,8}|[-–—]+\s*(?:The\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}/[A-Z]{2,8}"
    r"|[-–—]+\s*(?:AFP|AP|Reuters|Bernama|BERNAMA|IANS|PTI|ANI|Xinhua|dpa))\s*$"
)
_NAV_LINE = re.compile(  # "Opinion2 weeks ago", "- 1 min read", "- 01", "Breaking News", "Home > News"
    r"^(?:[A-Z][\w &-]{1,30}?\s*\d+\s*(?:mins?|minutes?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago"
    r"|-\s*\d{1,2}|-\s*\d+\s+min(?:ute)?s?\s+read|Breaking\s+News|Skip\s+to\s+(?:main\s+)?content"
    r"|Home\s*[>›»/|].{0,80}|Advertisement|ADVERTISEMENT|Story\s+continues\s+below.{0,20}|Menu|Search|Log\s*in|Sign\s+in)$"
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
      | (?:also|read)\s+(?:read|also)\b | see\s+also\b | (?:more|related)\s+(?:great\s+)?(?:stories|articles|news|reads?)(?:\s+(?:from|like\s+this)\b.*|\s*:.*|$)
      | you\s+(?:may|might)\s+(?:also\s+)?(?:like|be\s+interested)\b | latest\s+news$ | (?:must|most)\s+(?:read|watch)s?\b
      | have\s+(?:news|a\s+(?:story|tip|news\s+tip))\b.{0,30}\b(?:share|tell)\b | got\s+a\s+(?:story|tip|news\s+tip)\b
      | send\s+(?:us\s+)?(?:your\s+)?(?:tips|stories|news\s+tips)\b | if\s+you\s+have\s+a\s+(?:story|tip)\b
      | share\s+your\s+(?:thoughts|views|story)\s+with\s+us\b | get\s+in\s+touch\s+with\s+us\b
      | join\s+(?:(?:the|our)\s+)?(?:\S+\s+){0,2}(?:whatsapp|telegram|viber|signal|line)\s+(?:channel|group|community)\b
      | follow\s+\w+(?:\s+\w+)?\s+on\s+(?:twitter|x|facebook|instagram|tiktok|telegram|whatsapp|google\s+news|youtube)\b
      | get\s+(?:the|our)\s+(?:\S+\s+){0,4}(?:on|in)\s+your\s+(?:phone|inbox|mobile)\b
      | download\s+(?:the\s+)?(?:new\s+|free\s+)?\S+\s+app\b | go\s+to\s+\S+(?:\s+\S+)?\s+for\s+more\s+(?:stories|news)\b
      | (?:this\s+)?(?:article|story)\s+(?:was\s+)?first\s+published\b | permission\s+required\s+for\s+reproduction\b
      | please\s+verify\s+you['’]re\s+not\s+a\s+robot\b | today['’]s\s+headlines\s*:
      | watch\s+(?:the\s+)?video\s+(?:below|here|above)\b | (?:tags?|keywords|topics)\s*: | share\s+on$
      | skip\s+to\s+(?:main\s+)?content\b | scroll\s+down\s+for\s+(?:video|more)\b | your\s+browser\s+does\s+not\s+support\b
    )""",
    re.I | re.X,
)
# A call to action or page residue anywhere in a sentence (flattened pages).
_PROMO_INSIDE = re.compile(
    r"""(?:
        \bsign\s+up\s+(?:for|to|here|now|today)\b | \bsubscribe\s+(?:to\s+(?:our|the)|now|here|today)\b
      | \bnewsletters?\b.{0,60}\b(?:inbox|sign\s+up|subscrib)|\b(?:inbox|sign\s+up|subscrib)\w*\b.{0,60}\bnewsletters?\b
      | \bdelivered\s+(?:straight\s+)?to\s+your\s+inbox\b | \bverify\s+you['’]re\s+not\s+a\s+robot\b
      | \bthank\s+you\s+for\s+subscribing\b | \binvalid\s+email\s+address\b | \breceive\s+occasional\s+updates\b
      | \bclick\s+(?:here|the\s+link|to\s+share)\b | \(opens\s+in\s+(?:a\s+)?new\s+window\)
      | \bfollow\s+us\s+on\b | \bjoin\s+(?:us|our\s+\w+)\s+on\s+(?:whatsapp|telegram|facebook|instagram|twitter|x|tiktok)\b
      | \bdownload\s+(?:the|our)\b.{0,30}\bapp\b.{0,40}\b(?:app\s+store|google\s+play|today|now)\b
      | \bget\s+in\s+touch\s+with\s+us\s+via\b | \bread\s+or\s+share\s+this\s+story\b
    )""",
    re.I | re.X,
)
# Sentences that only make sense inside a sign-up box; kept as promo when next to one.
_FORM_RESIDUE = re.compile(
    r"^(?:please\s+(?:re-?enter|try\s+again)|an\s+error\s+has\s+occurred|you\s+must\s+select\s+a\s+newsletter"
    r"|sign\s+up$|view\s+all\b.{0,40}\bnewsletters|invalid\s+e-?mail|thank\s+you\b)",
    re.I,
)
# Page residue that stands inside a paragraph: removed wherever it occurs.
_RESIDUE = re.compile(
    r"""(?:
        \bAdvertisement\s+(?:Continue\s+reading\s+(?:the\s+)?main\s+story|Story\s+continues\s+below)
      | \bContinue\s+reading\s+the\s+main\s+story\b | \bADVERTISEMENT\b | \bSCROLL\s+TO\s+CONTINUE\s+WITH\s+CONTENT\b
      | \bStory\s+continues\s+below(?:\s+(?:this\s+)?ad(?:vertisement)?)?\b
      | (?:\bClick\s+to\s+(?:share\s+on|email|print)\s+\w+(?:\s+\w+)?\s+\(Opens\s+in\s+new\s+window\)\s*)+
      | \bScroll\s+down\s+for\s+(?:video|more)\b | \bYour\s+browser\s+does\s+not\s+support\s+(?:iframes|the\s+video\s+tag|HTML5\s+video)\.?
      | \bSkip\s+Ad\s+Ad\s+Loading\.{3}(?:\s+x\s+Embed\s+x\s+Share)? | \bRead\s+or\s+Share\s+this\s+story:\s*\S+
      | \bMORE\s+(?:GREAT\s+)?STORIES(?:\s+FROM)?\b | \[\[nid:\d+\]\]
    )""",
    re.X,
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
_COPYRIGHT_LINE = re.compile(r"^(?:Copyright\b|©|\(c\)\s*\d{4}).{0,120}$|.{0,80}\bAll\s+rights\s+reserved\.?$", re.I)
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
    r"\b(?:writes?\s+(?:on|about|for)|covers\b|covering\b|reporting\s+on\b|known\s+for|follow\s+(?:him|her|them)\b|(?:his|her|their)\s+(?:articles|work|reporting|writing)\b"
    r"|award-winning|has\s+reported\s+(?:on|from)|previously\s+(?:worked|wrote|reported)|storytelling)"
    r"|@\w|\S+@\S+\.\w+",
    re.I,
)
_MARKDOWN_HEADING = re.compile(r"^#{1,6} \S")
_LIST_DASH = re.compile(r"^[-–—•*]\s+")
# Page metadata as a line of its own: "Author: Jane Doe", "Article Date: 24 Jan 2025"
_META_LINE = re.compile(r"^(?:Article\s+date|Date|Author|Authors|Byline|Writer|Reporter|Written\s+by)\s*:\s*\S.{0,60}$", re.I)
_EMAIL_LINE = re.compile(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$")  # a reporter's address alone on a line
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
    _mark_navigation_and_lists(paragraphs, reasons)
    for i in range(1, len(paragraphs) - 1):
        if reasons[i] is None and _is_subheading(paragraphs, reasons, i):
            reasons[i] = "subheading"

    known = {(r.start, r.end) for r in article.removed}
    added = [Removed(p.start, p.end, reason) for p, reason in zip(paragraphs, reasons)
             if reason and (p.start, p.end) not in known]
    first_kept = next((i for i, reason in enumerate(reasons) if reason is None), None)
    if first_kept is not None:
        dateline = _DATELINE.match(article.text, paragraphs[first_kept].start, paragraphs[first_kept].end)
        if dateline:
            added.append(Removed(dateline.start(), dateline.end(), "dateline"))
    last_kept = max((i for i, reason in enumerate(reasons) if reason is None), default=-1)
    for i, (p, reason) in enumerate(zip(paragraphs, reasons)):
        if reason is None:
            added.extend(r for r in _inline_spans(article.text, p, last=i == last_kept)
                         if (r.start, r.end) not in known)
    removed = sorted(article.removed + added, key=lambda r: (r.start, r.end))
    # A copy with its own lists: later stages add notes without touching the input article.
    return replace(article, removed=removed, title=title, notes=list(article.notes), extra=dict(article.extra))


# "PORT CALDEN, March 11 (Coastline Press) - ", "KYIV (Reuters) — ", "SINGAPORE: ",
# "KUNDUZ, Afghanistan — ": where and (sometimes) when a report was filed, in
# capitals before a dash or colon at the start of the first kept paragraph.
# It dates the report (the dating stage reads it) but states no fact.
_DATELINE = re.compile(
    r"[A-Z][A-Z.'’/\-]+(?:\s+[A-Z][A-Z.'’/\-]+){0,3}"
    r"(?:,\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\.?(?:\s+\d{1,2})?(?:,?\s+\d{4})?)?"
    r"(?:\s+\([A-Za-z][\w .&'/-]{0,40}\))?"
    r"\s*(?:[-–—]+|:)\s+(?=[\"“‘']?[A-Z0-9])"
)


def _mark_navigation_and_lists(paragraphs: list[_Paragraph], reasons: list[str | None]) -> None:
    """Rules over runs of paragraphs: a site menu before the first prose paragraph,
    the link titles of a "Read more"/"More stories" list, headlines listed around
    "Opinion 2 weeks ago" lines."""
    # A menu at the start: two or more short unpunctuated lines before any prose.
    head = []
    for i, p in enumerate(paragraphs[:12]):
        if _is_prose(p) or len(p.text.split()) > 12:
            break
        head.append(i)
    short = [i for i in head if reasons[i] in (None, "title", "navigation") and len(paragraphs[i].text.split()) <= 4
             and not paragraphs[i].text.endswith(_END_PUNCT) and paragraphs[i].lines == 1]
    if len(short) >= 2:
        for i in short:
            reasons[i] = "navigation"

    def headline_like(p: _Paragraph) -> bool:
        words = p.text.split()
        return p.lines == 1 and 2 <= len(words) <= 30 and not _SAYS.search(p.text) and (
            not p.text.endswith((".", "!", '"', "”")) or p.text.endswith("?"))

    # After a list marker ("More stories", "Also read: X", "Related stories"), the
    # listed headlines and a repeat of the linked title are promo too.
    for i in range(len(paragraphs)):
        if reasons[i] not in ("promo", "navigation"):
            continue
        linked = re.sub(r"^\W*(?:also\s+read|read\s+(?:also|more)|see\s+also|related)\W*", "",
                        paragraphs[i].text, flags=re.I)
        j = i + 1
        while j < len(paragraphs) and reasons[j] is None:
            q = paragraphs[j]
            if _norm(q.text) == _norm(linked) and len(q.text.split()) >= 3:
                reasons[j] = "promo"
            elif (reasons[i] == "navigation" and _NAV_LINE.match(q.text) is None and not headline_like(q)
                  or reasons[i] == "promo" and not (_LIST_MARKER.match(paragraphs[i].text) and headline_like(q))):
                break
            else:
                reasons[j] = reasons[i] if headline_like(q) else None
                if reasons[j] is None:
                    break
            j += 1
    # Headlines next to "<Section> 2 weeks ago" lines belong to the same list.
    changed = True
    while changed:
        changed = False
        for i, p in enumerate(paragraphs):
            if reasons[i] is not None or not headline_like(p) or p.text.endswith("?") and len(p.text.split()) > 20:
                continue
            near = [k for k in (i - 1, i + 1) if 0 <= k < len(paragraphs)]
            if any(reasons[k] == "navigation" and _NAV_LINE.match(paragraphs[k].text) for k in near):
                reasons[i] = "navigation"
                changed = True


# -- inline spans (flattened text) --------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")
_FUNCTION_WORDS = {
    "a", "an", "the", "of", "in", "on", "at", "by", "for", "from", "to", "with", "and", "or", "but", "near", "into",
    "onto", "over", "under", "as", "after", "before", "during", "told", "said", "says", "tells", "via", "than",
    "about", "between", "against", "including", "like", "across", "behind", "outside", "inside", "toward", "towards",
    "is", "was", "are", "were", "his", "her", "their", "its", "our", "my", "your", "this", "that", "these", "those",
    "mr", "mrs", "ms", "dr", "st", "&", "-", "–", "—", "de", "van", "von", "al", "el", "bin", "le", "la",
}
_STARTERS = {
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "His", "Her", "Their", "This", "These", "Those", "There",
    "But", "And", "In", "On", "At", "After", "Before", "When", "While", "As", "Some", "Many", "More", "Most",
    "According", "However", "Meanwhile", "Earlier", "Later", "Also", "One", "Two", "Three", "Several",
}
_AGENCY = (r"(?:Getty\s+Images|Getty(?!\s+Images)|AFP(?:\s+via\s+Getty\s+Images)?|Reuters|REUTERS|EPA(?:-EFE)?|AP|PA\s+Wire|PA(?!\s+Wire)"
           r"|Rex\s+Features|Rex(?!\s+Features)"
           r"|Alamy|Shutterstock|Bloomberg|Xinhua|Anadolu|Usa\s+Today\s+Sports|USA\s+TODAY\s+Sports|Splash\s+News|Backgrid"
           r"|Instagram|Twitter|Facebook|Supplied|Handout)")
# "Image copyright AFP Image caption ...", "Image caption ...", "Media caption ..."
_IMAGE_MARKER = re.compile(r"\b(?:Image|Media|Photo)\s+(?:copyright|source|caption|credit)\b,?:?\s*")
# "Getty Images 9 Chicago Cubs celebrate ..." / "Getty Images The building ..." at a sentence start.
_CREDIT_FIRST = re.compile(rf"{_AGENCY}(?:\s+\d{{1,3}})?\s+(?=[A-Z][a-z])")
# "(Photo: Jane Doe/Reuters)", "(Getty Images)", "(AP Photo/Jane Doe)", "Photo: Getty Images"
_INLINE_CREDIT = re.compile(
    rf"""\(\s*(?:(?:Photo|Photograph|Image|Picture|Pic|Credit|Foto)s?(?:\s+credit)?\s*:\s*[^()]{{1,80}}
               |(?:[A-Z][\w.-]*\s+)?(?:Photo|Photograph)\s*/\s*[^()]{{1,60}}|{_AGENCY}\s*/\s*[^()]{{1,40}}
               |(?:AFP\s+via\s+)?Getty(?:\s+Images)?|Shutterstock|Alamy|Rex(?:\s+Features)?|Supplied|Handout|Splash\s+News)\s*\)
      | \b(?:Photo|Photograph|Picture|Image)s?(?:\s+credit)?\s*:\s*(?:{_AGENCY}\b|[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){{0,3}}\s*/\s*[\w.'-]+(?:\s+[A-Z][\w.'-]+){{0,2}})""",
    re.X,
)
# An inline heading in flattened text: "'Massive damage'" or "HOW IT HAPPENED" before a sentence.
_QUOTED_HEADING = re.compile(r"(?:'[^'.!?,:;]{3,50}'|‘[^’.!?,:;]{3,50}’|\"[^\".!?,:;]{3,50}\"|“[^”.!?,:;]{3,50}”)\s+(?=[A-Z](?:[a-z]|\s))")
_CAPS_HEADING = re.compile(r"(?:[A-Z][A-Z'’&-]*\s+){2,}[A-Z][A-Z'’&-]*\??\s+(?=[A-Z][a-z])")
_LIST_MARKER = re.compile(
    r"^\W*(?:more\s+(?:great\s+)?stories|related(?:\s+(?:stories|articles|news|topics|reading))?|you\s+(?:may|might)\s+(?:also\s+)?like"
    r"|latest\s+news|most\s+read|read\s+more|recommended(?:\s+for\s+you)?|also\s+read|read\s+also|see\s+also|trending)\W*$",
    re.I,
)


def _segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence-like pieces of text[start:end], stripped, with exact offsets."""
    out, pos = [], start
    for match in _SENTENCE_END.finditer(text, start, end):
        out.append((pos, match.start()))
        pos = match.end()
    out.append((pos, end))
    return [(a, b) for a, b in out if b > a]


def _caption_end(text: str, pos: int, end: int, max_words: int = 40) -> tuple[int, bool] | None:
    """Where a caption starting at ``pos`` ends: after its closing punctuation, or
    before the next sentence when the caption has none (flattened text: "... the
    blast Taliban spokesman said ..."). Returns (offset, punctuated) or None."""
    words = list(re.finditer(r"\S+", text[pos:end]))
    for k, word in enumerate(words[:max_words + 1]):
        w = word.group()
        if w.endswith((".", "!", "?")) and not re.fullmatch(r"(?:[A-Z]\.)+|(?:Mr|Mrs|Ms|Dr|St|No|Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.", w):
            # "... just after 06:00 GMT Croydon MP Gavin Barwell said ...": a sentence with a
            # speaker starts inside the run; the caption ends before its subject.
            for j in range(2, k):
                bare = words[j].group()
                if (bare[-1:].isalnum() and bare.lower() not in _FUNCTION_WORDS and words[j + 1].group()[:1].isupper()
                        and words[j + 1].group() not in _NOT_NAMES
                        and any(_SAYS.fullmatch(x.group().strip(",")) for x in words[j + 2:min(k + 1, j + 8)])):
                    return pos + words[j].end(), False
            return pos + word.end(), True
        if k + 1 >= len(words) or k < 2:
            continue
        nxt = words[k + 1].group()
        bare = w.rstrip(",;:")
        if bare != w or not nxt[:1].isupper() or nxt.rstrip(",.;:") in _NOT_NAMES:
            continue
        lower_before = bare[:1].islower() and bare.lower() not in _FUNCTION_WORDS
        if lower_before or (nxt in _STARTERS and bare.lower() not in _FUNCTION_WORDS and not words[k + 2:k + 3]
                            or nxt in _STARTERS and bare.lower() not in _FUNCTION_WORDS
                            and not words[k + 2].group()[:1].isupper()):
            return pos + word.end(), False
    if len(words) <= max_words:
        return end, False
    return None


def _inline_spans(text: str, p: _Paragraph, *, last: bool) -> list[Removed]:
    """Boilerplate inside a kept paragraph: whole sentences, or inline pieces."""
    spans: list[tuple[int, int, str]] = []
    segments = _segments(text, p.start, p.end)
    multi = len(segments) > 1
    # Sentence-level promo, and sign-up form residue next to it.
    flags = []
    for a, b in segments:
        sentence = " ".join(text[a:b].split())
        words = len(sentence.split())
        # "MORE GREAT STORIES FROM Germany has ...": a capitals-only list marker glued
        # to a real sentence; only the marker goes (see _RESIDUE).
        glued = re.match(r"^(?:[A-Z]{2,}\s+){1,4}(?=[A-Z][a-z])", sentence) and not _PROMO_INSIDE.search(sentence)
        flags.append(multi and words <= 45 and not glued and not _SAYS.search(sentence) and bool(
            _PROMO.match(sentence) or _PROMO_INSIDE.search(sentence)))
    for k, (a, b) in enumerate(segments):
        sentence = " ".join(text[a:b].split())
        if not flags[k] and multi and _FORM_RESIDUE.match(sentence) and len(sentence.split()) <= 12 and (
                k > 0 and flags[k - 1] or k + 1 < len(flags) and flags[k + 1]):
            flags[k] = True
    if multi:
        for k, (a, b) in enumerate(segments):
            if flags[k]:
                spans.append((a, b, "promo"))
    # Page residue anywhere.
    for match in _RESIDUE.finditer(text, p.start, p.end):
        spans.append((match.start(), match.end(), "promo"))
    # Image credit + caption runs (BBC, The Sun, New York Post, Mirror...).
    for match in _IMAGE_MARKER.finditer(text, p.start, p.end):
        kind = match.group().split()[1].rstrip(",:").lower()
        start, pos = match.start(), match.end()
        if kind in ("copyright", "source", "credit"):
            nxt = _IMAGE_MARKER.search(text, pos, min(p.end, pos + 60))
            if nxt and nxt.group().split()[1].rstrip(",:").lower() == "caption":
                spans.append((start, nxt.start(), "caption"))
                continue  # the caption marker is its own match
            credit = re.match(r"(?:[A-Z][\w.'&-]*\s*){1,3}", text[pos:p.end])
            spans.append((start, pos + (len(credit.group().rstrip()) if credit else 0), "caption"))
            continue
        found = _caption_end(text, pos, p.end)
        spans.append((start, found[0] if found else pos, "caption"))
    seg_starts = {a for a, _ in segments}
    for match in _INLINE_CREDIT.finditer(text, p.start, p.end):
        start, stop = match.start(), match.end()
        before = text[p.start:start].rstrip()
        if multi and before and not before.endswith((".", "!", "?", '"', "”", ")")) and text[start] == "(":
            # "... celebrate the moment of triumph (Getty Images)": the caption it closes.
            seg = max((a for a in seg_starts if a <= start), default=p.start)
            if len(text[seg:start].split()) <= 40:
                start = seg
        elif not match.group().startswith("("):
            # "Photo: Getty Images Dexter Fowler celebrates ...": credit opening a caption.
            found = _caption_end(text, stop, p.end) if re.match(r"\s+[A-Z]", text[stop:stop + 2]) else None
            if found and not found[1]:
                stop = found[0]
        spans.append((start, stop, "caption"))
    for a, b in segments:
        match = _CREDIT_FIRST.match(text, a, b)
        if not match or not multi:
            continue
        pos = match.end()
        while True:
            found = _caption_end(text, pos, p.end)
            if not found or found[1] and len(text[pos:found[0]].split()) > 25:
                break
            spans.append((match.start() if pos == match.end() else pos, found[0], "caption"))
            if found[1]:
                break
            # Chained captions ("... the assault google The suicide attack ..."): the
            # next piece is a caption too while it ends without punctuation.
            nxt = re.match(rf"\s+(?:[a-z][\w.-]*\s+|{_AGENCY}(?:\s+\d{{1,3}})?\s+)?(?=[A-Z])", text[found[0]:p.end])
            if not nxt:
                break
            probe = _caption_end(text, found[0] + nxt.end(), p.end)
            if not probe or probe[1]:
                break
            pos = found[0] + (len(nxt.group()) - len(nxt.group().lstrip()))
    # Inline headings in flattened text: only between sentences of a long paragraph.
    if len(segments) >= 3:
        for a, b in segments[1:]:
            for pattern in (_QUOTED_HEADING, _CAPS_HEADING):
                match = pattern.match(text, a, b)
                if match and len(match.group().split()) <= 8 and len(text[match.end():b].split()) >= 5:
                    spans.append((a, a + len(match.group().rstrip()), "subheading"))
                    break
    if last:
        match = _SIGNOFF_AT_END.search(text, p.start, p.end)
        if match:
            spans.append((match.start() + len(match.group()) - len(match.group().lstrip()), match.end(), "signoff"))
        else:
            tail = segments[-1]
            sentence = " ".join(text[tail[0]:tail[1]].split())
            if multi and (_SOURCE_LINE.match(sentence) or re.match(r"^(?:Additional\s+reporting|With\s+inputs)\s+(?:by|from)\b", sentence, re.I)
                          or _SIGNOFF.match(sentence) or _COPYRIGHT_LINE.match(sentence)) and len(sentence.split()) <= 15:
                spans.append((tail[0], tail[1], "signoff"))
    return _disjoint(text, spans)


def _disjoint(text: str, spans: list[tuple[int, int, str]]) -> list[Removed]:
    """Strip, then merge overlapping spans (the earlier reason wins)."""
    out: list[Removed] = []
    for start, end, reason in sorted(spans):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            continue
        if out and not text[out[-1].end:start].strip():  # touching or only space between
            out[-1].end = max(out[-1].end, end)
            continue
        out.append(Removed(start, end, reason))
    return out


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

    # Hard-wrapped prose: most lines break mid-sentence, or a line breaks before a
    # lower-case word. Scraped pages (one paragraph a line) break mid-sentence
    # only at their headings, which are a minority of the lines.
    open_lines = [
        (start, end) for start, end in block[:-1]
        if masked[end - 1: end] not in _END_PUNCT and len(masked[start:end].split()) > 8
    ]
    # (a one- or two-word line such as "[[nid:713695]]" before an e-mail address is no wrap)
    continued = any(
        masked[end - 1: end] not in _END_PUNCT and masked[nxt[0]: nxt[0] + 1].islower()
        and len(masked[start:end].split()) > 2
        for (start, end), nxt in itertools.pairwise(block)
    )
    wrapped = continued or (len(open_lines) >= 2 and 2 * len(open_lines) >= len(block) - 1)
    return [one(block)] if wrapped else [one([line]) for line in block]


# -- rules --------------------------------------------------------------------------


def _marker_reason(p: _Paragraph) -> str | None:
    """Reasons that a marker in the paragraph itself proves."""
    text, words = p.text, len(p.text.split())
    if words <= 60 and _EMBED.search(text):
        return "embed"
    # A flattened page (many sentences in one paragraph) is left to the inline rules.
    sentences = len(_SENTENCE_END.findall(text)) + 1
    if words <= 100 and sentences <= 3 and _CREDIT_AT_END.search(text) or words <= 40 and sentences <= 2 and _CAPTION_START.match(text):
        return "caption"
    if words <= 20 and _CREDIT_LINE.match(text):
        return "caption"
    if words <= 20 and (_SIGNOFF.match(text) or _COPYRIGHT_LINE.match(text)):
        return "signoff"
    if words <= 12 and _NAV_LINE.match(text):
        return "navigation"
    if words <= 20 and _SOURCE_LINE.match(text):
        return "source-line"
    if p.lines == 1 and _is_byline(text):
        return "byline"
    if words <= 40 and _PROMO.match(text):
        return "promo"
    if words <= 40 and _PROMO_INSIDE.search(text) and not _SAYS.search(text):
        return "promo"
    return None


def _is_byline(text: str) -> bool:
    words = text.split()
    if _CREDITS_LINE.match(text) and (";" in text or text.startswith("(") or len(words) <= 12):
        return True
    if len(words) > 14:
        return False
    if _STAMP_LINE.match(text) or _NAME_BAR_OUTLET.match(text) or _NAME_COMMA_ROLE.match(text) \
            or _META_LINE.match(text) or _EMAIL_LINE.match(text):
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
    text = _LIST_DASH.sub("", p.text)  # "- Jane Doe is a journalist at ..."
    if _SAYS.search(text) or not _BIO_SIGNAL.search(text):
        return False
    return bool(_BIO_START.match(text) or (previous_is_bio and _BIO_NEXT.match(text)))


def _is_subheading(paragraphs: list[_Paragraph], reasons: list[str | None], i: int) -> bool:
    """A short unpunctuated line standing alone between two paragraphs of prose."""
    p, before, after = paragraphs[i], paragraphs[i - 1], paragraphs[i + 1]
    if _MARKDOWN_HEADING.match(p.text) and p.lines == 1:
        return True
    words = p.text.split()
    # Between two paragraphs of prose (scraped pages, one paragraph a line) a
    # heading may be longer and carry digits ("3 men arrested for affray").
    between_prose = _is_prose(before) and _is_prose(after)
    limit = 12 if between_prose else 6
    if p.lines != 1 or not 1 <= len(words) <= limit or not (p.text[0].isupper() or p.text[0].isdigit()):
        return False
    # Digits suggest a short fact ("30 soldiers injured"), not a heading, unless prose stands both sides.
    if any(c.isdigit() for c in p.text) and not between_prose:
        return False
    if len(words) > 6 and (_SAYS.search(p.text) or words[-1].lower() in _FUNCTION_WORDS or '"' in p.text or "“" in p.text):
        return False
    if p.text.endswith(_END_PUNCT) and not (p.text.endswith("?") and _QUESTION_WORD.match(p.text)):
        return False
    # The paragraph before must have ended a sentence, or this is a wrapped line;
    # after a colon it is a list item.
    ended = reasons[i - 1] is not None or (before.text.endswith(_END_PUNCT) and not before.text.endswith(":"))
    return ended and (after.text[0].isupper() or after.text[0].isdigit() or after.text[0] in "\"“‘'")


def _is_prose(p: _Paragraph) -> bool:
    """A paragraph of reporting: a sentence of some length that ends like one."""
    return len(p.text.split()) >= 6 and p.text.endswith((".", "!", "?", '"', "”", "’", "'", ")"))


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())
