"""Inline rules: boilerplate *inside* a kept paragraph.

Scraped text is often flattened onto one line, so boilerplate also sits
inside paragraphs. Sentence-level and inline spans are removed for strong
markers only: promo/call-to-action sentences ("Read more:", "Sign up for our
newsletter", "Please verify you're not a robot"), photo credits and the
caption they open or close (see ``captions``), fixed page residue
("Advertisement Continue reading the main story", "Click to share on X (Opens
in new window)"), photo galleries (see ``galleries``), a sign-up box's phrases
in a row, a social post's signature ("-- Jo Tan (@jotan) March 8, 2031") and a
reply's text before its link, lines glued before the next sentence (see
``glued``), quoted or all-capital inline subheadings, and what closes the
text: a sign-off, a call for witnesses, a gallery of captions.
"""
from __future__ import annotations

import re

from ...model import Removed
from .captions import (
    caption_runs,
    credit_first_captions,
    image_marker_captions,
    inline_credit_captions,
    name_credit_captions,
    position_captions,
)
from .galleries import gallery_spans
from .glued import closing_gallery, glued_lines
from .markers import (
    CLOSING_CALL,
    CONTACT_CALL,
    COPYRIGHT_LINE,
    FORM_RUN,
    MONTH,
    PROMO,
    PROMO_INSIDE,
    READER_QUESTION,
    SAYS,
    SIGNOFF,
    SOURCE_LINE,
    WITNESS_QUESTION,
)
from .paragraphs import Paragraph, Span, sentence_pieces

# Inline sign-off closing the last sentence of the text: "... hospital. /TDH", "... - The Daily Herald/ANN",
# "... from the fund. - January 20, 2031" (the date the outlet filed it), "... said. PTI GS ARI" (editors' codes).
_SIGNOFF_AT_END = re.compile(
    r"(?<=[.!?\"”’)])\s+(?:/\s*[A-Z]{2,8}|[-–—]+\s*(?:The\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}/[A-Z]{2,8}"
    r"|[-–—]+\s*(?:AFP|AP|Reuters|Bernama|IANS|PTI|ANI|Xinhua|dpa|[A-Z]{2,10}(?:[-/][A-Z]{2,10})*)"
    rf"|[-–—]+\s*{MONTH}\s+\d{{1,2}},\s+\d{{4}}"
    # a wire's code and its editors' initials, in capitals: "... the report said. PTI GS ARI ARI"
    r"|(?:[A-Z]{2,5}\s+){1,6}[A-Z]{2,5}"
    # the outlet credited in capitals: "... it said. THE EVENING POST"
    r"|THE(?:\s+[A-Z]{2,}){1,3})\s*$"
)
# Sentences that only make sense inside a sign-up box; kept as promo when next to one.
_FORM_RESIDUE = re.compile(
    r"^(?:please\s+(?:re-?enter|try\s+again)|an\s+error\s+has\s+occurred|you\s+must\s+select\s+a\s+newsletter"
    r"|sign\s+up$|view\s+all\b.{0,40}\bnewsletters|invalid\s+e-?mail|thank\s+you\b)",
    re.IGNORECASE,
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
    re.VERBOSE,
)
# A social post's signature flattened into the text: "... pic.twitter.com/Ab12 -- Jo Tan (@jotan) March 8, 2031"
# (or "https://t.co/Ab12- Jo Tan (@jotan) March 08, 2031")
# (the year may come cut short: "... March 8, 203")
_POST_SIGNATURE = re.compile(
    rf"\bpic\.twitter\.com/\w+|(?:--|[—–-])\s*[^()\n]{{1,60}}?\(@\w{{1,30}}\)\s*{MONTH}\s+\d{{1,2}},\s*\d{{2,4}}\b"
)
# A reply's text before its link: "@jotan @harbournews here it is, from the bridge pic.twitter.com/Ab12"
_REPLY_POST = re.compile(r"@\w{1,30}(?:\s+@\w{1,30})*\s+[^@\n]{1,280}?(?=\s+(?:pic\.twitter\.com|https?://t\.co)/\w)")
# An inline heading in flattened text: "'Massive damage'" or "HOW IT HAPPENED" before a sentence.
_QUOTED_HEADING = re.compile(r"(?:'[^'.!?,:;]{3,50}'|‘[^’.!?,:;]{3,50}’|\"[^\".!?,:;]{3,50}\"|“[^”.!?,:;]{3,50}”)\s+(?=[A-Z](?:[a-z]|\s))")
_CAPS_HEADING = re.compile(r"(?:[‘'\"“]?[A-Z][A-Z0-9'’&-]*[’'\"”]?\s+){2,}[‘'\"“]?[A-Z][A-Z0-9'’&-]*[’'\"”]?\??\s+(?=[A-Z][a-z])")
_MAX_HEADING_WORDS = {_QUOTED_HEADING: 8, _CAPS_HEADING: 20}  # a capitals heading may quote a whole claim
# A paywall: "To continue reading... Sign in ...": what follows in the paragraph is the login box.
_PAYWALL = re.compile(r"\b(?:To\s+continue\s+reading(?:\.{3}|…|,?\s+(?:please\s+)?(?:sign\s+in|log\s+in|subscribe))"
                      r"|Subscribe\s+to\s+continue\s+reading)")
# A byline run into the text: "By Jane Doe, The Harbor Post Published on 21st January 2031".
_INLINE_BYLINE = re.compile(
    rf"\bBy\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{1,3}},\s+(?:[A-Z][\w&'’.-]*\s+){{1,5}}"
    rf"(?:Published|Updated)(?:\s+on)?\s+\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH}\s+\d{{4}}")
# A video report's sign-off: "Jane Doe reports." as a sentence of its own.
_REPORTS = re.compile(r"[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2}\s+reports\.?")
# A photo credit in brackets: "(Jane Doe/Reuters)", "(Photo: Jane Doe/AP)".
_BRACKET_CREDIT = re.compile(r"\((?:Photo:\s*)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}\s*/\s*"
                             r"[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3}\)")
# A related link run into the text: "… itself”. Another view on the bar | Jane Doe Read more Explaining …"
_RELATED_LINK = re.compile(r"(?<=[.!?\"”’'] )[^.!?|\n]{5,150}\|\s*(?:[A-Z][\w'’-]+\s+){1,3}Read\s+more\b")
# A capitals heading after a sentence's end, its closing quote mark included:
# "… look cheap.' HOW DID THE BAR GET ITS NAME? The name …"
_CAPS_HEADING_AFTER = re.compile(r"(?<=[.!?][\"'”’] )(?:[A-Z][A-Z'’-]*\s+){3,}[A-Z][A-Z'’-]*[?!]?(?=\s+[A-Z][a-z])")
# A related link in brackets opening a sentence piece: "... stomach. [Jane Doe: A time to rejoice] They ..."
_BRACKETED_LINK = re.compile(r"\[[A-Z][^\[\]]{3,40}:\s+[^\[\]]{10,150}\](?=\s+[A-Z]|\s*$)")
_LEADING_BRACKET = re.compile(r"\([^()]{1,80}\)\s+(?=[A-Z])")
_CREDITS_AT_END = re.compile(r"^(?:Additional\s+reporting|With\s+inputs)\s+(?:by|from)\b", re.IGNORECASE)


def inline_spans(text: str, p: Paragraph, *, last: bool, first: bool = False) -> list[Removed]:
    """Boilerplate inside a kept paragraph (``first``, ``last``: the first or last
    one kept): whole sentences, or inline pieces."""
    segments = sentence_pieces(text, p.start, p.end)
    spans = (_promo_sentences(text, segments) + _residue(text, p)
             + image_marker_captions(text, p) + inline_credit_captions(text, p, segments)
             + name_credit_captions(text, p, segments) + glued_lines(text, p, segments, first=first)
             + credit_first_captions(text, p, segments) + _inline_headings(text, segments)
             + gallery_spans(text, p) + position_captions(text, p, segments) + caption_runs(text, p, segments)
             + _page_parts(text, p, segments))
    if last:
        spans += _closing_signoff(text, p, segments) + _witness_call(text, p, segments) \
            + closing_gallery(text, p, segments)
    return disjoint(text, spans)


def _promo_sentences(text: str, segments: list[tuple[int, int]]) -> list[Span]:
    """Sentence-level promo, and sign-up form residue next to it (never a lone sentence)."""
    if len(segments) <= 1:
        return []
    # a bracketed credit closing the caption before opens no sentence: "(Jane Doe/Agency) More follows..."
    segments = [(a + (m.end() if (m := _LEADING_BRACKET.match(text[a:b])) else 0), b) for a, b in segments]
    flags = []
    for a, b in segments:
        # a sign-up box glued to a sentence goes by itself (``_residue``): judge what is left
        sentence = " ".join(FORM_RUN.sub(" ", text[a:b]).split())
        words = len(sentence.split())
        # "MORE GREAT STORIES FROM Norland has ...": a capitals-only list marker glued
        # to a real sentence; only the marker goes (see _RESIDUE).
        glued = re.match(r"^(?:[A-Z]{2,}\s+){1,4}(?=[A-Z][a-z])", sentence) and not PROMO_INSIDE.search(sentence)
        flags.append(words <= 45 and not glued and not SAYS.search(sentence) and bool(
            PROMO.match(sentence) or PROMO_INSIDE.search(sentence)))
    for k, (a, b) in enumerate(segments):
        sentence = " ".join(text[a:b].split())
        if not flags[k] and _FORM_RESIDUE.match(sentence) and len(sentence.split()) <= 12 and (
                k > 0 and flags[k - 1] or k + 1 < len(flags) and flags[k + 1]):
            flags[k] = True
    # a promo box flattened into one paragraph: what stands between its calls to action
    # ("BulgarianX.com has responsive design ...") is the box's too
    if len(segments) >= 3 and 3 * sum(flags) >= 2 * len(segments) \
            and not any(SAYS.search(text[a:b]) or len(text[a:b].split()) > 45 for a, b in segments):
        flags = [True] * len(segments)
    return [(a, b, "promo") for (a, b), flag in zip(segments, flags) if flag]


def _residue(text: str, p: Paragraph) -> list[Span]:
    """Page residue anywhere, sign-up boxes and social posts' signatures
    (the post's date is not the story's) flattened into the text."""
    replies = [m for m in _REPLY_POST.finditer(text, p.start, p.end)
               if m.start() == p.start or text[p.start:m.start()].rstrip()[-1:] in ".!?\"”"]
    return [(match.start(), match.end(), "promo") for pattern in (_RESIDUE, FORM_RUN)
            for match in pattern.finditer(text, p.start, p.end)] + [
        (match.start(), match.end(), "embed") for match in [*_POST_SIGNATURE.finditer(text, p.start, p.end), *replies]]


def _page_parts(text: str, p: Paragraph, segments: list[tuple[int, int]]) -> list[Span]:
    """A paywall's login box to the paragraph's end, a byline run into the
    text, a bracketed photo credit, a related link (also "[Author: Headline]"), a "Jane Doe reports."
    sign-off, a capitals heading after a quote's closing mark."""
    spans: list[Span] = []
    paywall = _PAYWALL.search(text, p.start, p.end)
    if paywall is not None:
        spans.append((paywall.start(), p.end, "promo"))
    spans += [(m.start(), m.end(), "byline") for m in _INLINE_BYLINE.finditer(text, p.start, p.end)]
    spans += [(m.start(), m.end(), "caption") for m in _BRACKET_CREDIT.finditer(text, p.start, p.end)]
    spans += [(m.start(), m.end(), "promo") for m in _RELATED_LINK.finditer(text, p.start, p.end)]
    spans += [(a, b, "byline") for a, b in segments if _REPORTS.fullmatch(text, a, b)]
    links = (_BRACKETED_LINK.match(text, a, b) for a, b in segments if len(segments) > 1)
    spans += [(m.start(), m.end(), "promo") for m in links if m]
    spans += [(m.start(), m.end(), "subheading") for m in _CAPS_HEADING_AFTER.finditer(text, p.start, p.end)
              if len(m.group().split()) <= 20]
    return spans


def _inline_headings(text: str, segments: list[tuple[int, int]]) -> list[Span]:
    """Inline headings in flattened text: only between sentences of a long paragraph."""
    spans: list[Span] = []
    if len(segments) < 3:
        return spans
    for a, b in segments[1:]:
        for pattern in (_QUOTED_HEADING, _CAPS_HEADING):
            match = pattern.match(text, a, b)
            if match and len(match.group().split()) <= _MAX_HEADING_WORDS[pattern] \
                    and len(text[match.end():b].split()) >= 5:
                spans.append((a, a + len(match.group().rstrip()), "subheading"))
                break
    return spans


def _closing_signoff(text: str, p: Paragraph, segments: list[tuple[int, int]]) -> list[Span]:
    """A sign-off closing the last kept paragraph: "... hospital. /OUTLET", a
    short source, credits or copyright sentence ending the text, or a call to
    action ("For more details, visit here."), with a question to the reader
    before it ("Are you keen to return to work? Check out ...")."""
    match = _SIGNOFF_AT_END.search(text, p.start, p.end)
    if match:
        return [(match.start() + len(match.group()) - len(match.group().lstrip()), match.end(), "signoff")]
    tail = segments[-1]
    sentence = " ".join(text[tail[0]:tail[1]].split())
    if len(segments) > 1 and (SOURCE_LINE.match(sentence) or _CREDITS_AT_END.match(sentence)
                              or SIGNOFF.match(sentence) or COPYRIGHT_LINE.match(sentence)) \
            and len(sentence.split()) <= 15:
        return [(tail[0], tail[1], "signoff")]
    if len(segments) == 1 and READER_QUESTION.match(sentence) and p.lines == 1:
        return [(tail[0], tail[1], "promo")]  # "Are you planning to ride the new ferry?" alone closes the text
    if CLOSING_CALL.match(sentence) and len(sentence.split()) <= 30 and not SAYS.search(sentence):
        start = tail[0]
        if len(segments) > 1 and READER_QUESTION.match(" ".join(text[segments[-2][0]:segments[-2][1]].split())):
            start = segments[-2][0]
        return [(start, tail[1], "promo")]
    return []


def _witness_call(text: str, p: Paragraph, segments: list[tuple[int, int]]) -> list[Span]:
    """A call for witnesses closing the text: questions to the reader ("Are you in
    the area? Did you see what happened?"), then how to reach the newsroom ("...
    share your experience by emailing news@post.com. Please include a contact
    number."). All of it goes, from the first question to the end."""
    calls = [k for k, (a, b) in enumerate(segments) if CONTACT_CALL.search(text, a, b)]
    if not calls or len(segments) - calls[0] > _CALL_PIECES:
        return []
    tail = segments[calls[0]:]
    if any(SAYS.search(text, a, b) or len(text[a:b].split()) > 40 for a, b in tail):
        return []
    start = tail[0][0]
    for a, b in reversed(segments[:calls[0]]):
        questions = list(WITNESS_QUESTION.finditer(text, a, b))
        if not questions or text[questions[-1].end():b].strip():
            break
        start = questions[0].start()
        if text[a:start].strip():
            break  # the questions were glued to the end of another line
    return [(start, p.end, "promo")]


_CALL_PIECES = 5


def disjoint(text: str, spans: list[tuple[int, int, str]]) -> list[Removed]:
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
