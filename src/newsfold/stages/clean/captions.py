"""Captions inside flattened text: a photo credit opens or closes a caption
("Image copyright AFP Image caption ...", "Getty Images The building ...",
"... (Photo: AP)"). A caption without closing punctuation ends where the next
sentence visibly starts (a capitalised word after an unpunctuated one)."""
from __future__ import annotations

import re

from .markers import FUNCTION_WORDS, NOT_NAMES, SAYS
from .paragraphs import Paragraph, Span

STARTERS = {
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "His", "Her", "Their", "This", "These", "Those", "There",
    "But", "And", "In", "On", "At", "After", "Before", "When", "While", "As", "Some", "Many", "More", "Most",
    "According", "However", "Meanwhile", "Earlier", "Later", "Also", "One", "Two", "Three", "Several",
}
AGENCY = (r"(?:Getty\s+Images|Getty(?!\s+Images)|AFP(?:\s+via\s+Getty\s+Images)?|Reuters|REUTERS|EPA(?:-EFE)?|AP|PA\s+(?:Wire|Media)|PA(?!\s+(?:Wire|Media))"
           r"|Rex\s+Features|Rex(?!\s+Features)"
           r"|Alamy|Shutterstock|Bloomberg|Xinhua|Anadolu|Usa\s+Today\s+Sports|USA\s+TODAY\s+Sports|Splash\s+News|Backgrid"
           # picture agencies of the British press: "SWNS", "Caters News", "Mercury Press", "Cover Images"
           r"|SWNS|Caters\s+News|Mercury\s+Press|Cover\s+Images|ZUMA\s+Press|NurPhoto"
           r"|Instagram|Twitter|Facebook|Supplied|Handout)")
# Credits in a row, each its own picture's: "SWNS * PA", "Getty Images / AFP".
_CREDITS = rf"{AGENCY}(?:\s*[*/|•]\s*{AGENCY})*"
# A broadcaster credits a still from its footage, but opens sentences as often ("BBC Radio said ...");
# it opens a caption only where the caption visibly ends before the next sentence.
_BROADCASTER_FIRST = re.compile(r"(?:BBC|ITV|Sky\s+News|CNN|ABC|NBC|CBS)(?:\s+News)?\s+(?=[A-Z][a-z])")
# "Image copyright AGENCY Image caption ...", "Image caption ...", "Media caption ..."
# "Image caption …", "Photo credit …", or a gallery widget's bare "Caption" label ("… Caption Crew members wave …")
_IMAGE_MARKER = re.compile(r"\b(?:(?:Image|Media|Photo)\s+(?:copyright|source|caption|credit)\b|Caption(?=\s+[A-Z]))"
                           r",?:?\s*")
# "Getty Images 9 Harbor City players celebrate ..." / "Getty Images The building ..." at a sentence start.
_CREDIT_FIRST = re.compile(rf"{_CREDITS}(?:\s+\d{{1,3}})?\s+(?=[A-Z][a-z])")
# "(Photo: Jane Doe/Reuters)", "(Getty Images)", "(AP Photo/Jane Doe)", "(Jane Doe/PA)", "Photo: Getty Images";
# a bare agency or "(TV1/TV2)" closing an unpunctuated caption before the next sentence: "... at the scene (PA) The"
_INLINE_CREDIT = re.compile(
    rf"""\(\s*(?:(?:Photo|Photograph|Image|Picture|Pic|Credit|Foto)s?(?:\s+credit)?\s*:\s*[^()]{{1,80}}
               |(?:[A-Z][\w.-]*\s+)?(?:Photo|Photograph)\s*/\s*[^()]{{1,60}}|{AGENCY}\s*/\s*[^()]{{1,40}}
               |[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{0,3}}\s*/\s*{AGENCY}
               |(?:AFP\s+via\s+)?Getty(?:\s+Images)?|Shutterstock|Alamy|Rex(?:\s+Features)?|Supplied|Handout|Splash\s+News)\s*\)
      | \(\s*(?:{AGENCY}|[A-Z][A-Za-z]{{1,12}}\s*/\s*[A-Z][A-Za-z]{{1,12}})\s*\)(?=\s+[A-Z])
      | \b(?:Photo|Photograph|Picture|Image)s?(?:\s+credit)?\s*:\s*(?:{AGENCY}\b|[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){{0,3}}\s*/\s*[\w.'-]+(?:\s+[A-Z][\w.'-]+){{0,2}})""",
    re.VERBOSE,
)

# "(Jane Doe)": a person's name alone in brackets, before the next sentence or the paragraph's end.
_NAME_CREDIT = re.compile(r"\(\s*[A-Z][a-z'’-]+(?:\s+[A-Z][\w'’-]+){1,2}\s*\)(?=\s+[\"“]?[A-Z]|\s*$)")
# A credit for footage as a caption: "Courtesy of Jane Doe and John Roe", "Video courtesy of Harbour TV";
# each name a first and a last name, or one word.
_COURTESY_NAME = r"(?:[A-Z][\w'’-]+\s+[A-Z][\w'’-]+|[A-Z][\w'’.&-]+)"
_COURTESY = re.compile(rf"(?:(?:Video|Footage|Pictures?|Photos?)\s+)?[Cc]ourtesy\s+of\s+{_COURTESY_NAME}"
                       rf"(?:\s+and\s+{_COURTESY_NAME})?(?=\s+[\"“]?[A-Z]|\s*$)")

_PHOTO_CREDIT = re.compile(r"\(\s*(?:Photo|Photograph|Image|Picture|Pic|Foto)s?(?:\s+credit)?\s*:")
# "(left)", "(pictured centre)", "From left to right:": words that point into a photo
_POSITION = re.compile(r"\((?:pictured\s+)?(?:left|right|centre|center|above|below|top|bottom)\b[^()]{0,20}\)"
                       r"|\b[Ff]rom\s+left\s+to\s+right\b|\b[Ll]eft\s+to\s+right\s*:")


def caption_end(text: str, pos: int, end: int, max_words: int = 40) -> tuple[int, bool] | None:
    """Where a caption starting at ``pos`` ends: after its closing punctuation, or
    before the next sentence when the caption has none (flattened text: "... the
    blast Taliban spokesman said ..."). Returns (offset, punctuated) or None."""
    words = list(re.finditer(r"\S+", text[pos:end]))
    for k, word in enumerate(words[:max_words + 1]):
        w = word.group()
        if w.endswith((".", "!", "?")) and not re.fullmatch(r"(?:[A-Z]\.)+|(?:Mr|Mrs|Ms|Dr|St|No|Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.", w):
            # "... just after 06:00 GMT Ashford MP Dana Whitcombe said ...": a sentence with a
            # speaker starts inside the run; the caption ends before its subject.
            for j in range(2, k):
                bare = words[j].group()
                if (bare[-1:].isalnum() and bare.lower() not in FUNCTION_WORDS and words[j + 1].group()[:1].isupper()
                        and words[j + 1].group() not in NOT_NAMES
                        and any(SAYS.fullmatch(x.group().strip(",")) for x in words[j + 2:min(k + 1, j + 8)])):
                    return pos + words[j].end(), False
            return pos + word.end(), True
        if k + 1 >= len(words) or k < 2:
            continue
        nxt = words[k + 1].group()
        bare = w.rstrip(",;:")
        lower_before = bare[:1].islower() and bare.lower() not in FUNCTION_WORDS
        if bare == w and lower_before and opens_quoted_sentence([x.group() for x in words[k + 1:k + 5]]):
            return pos + word.end(), False  # "... left two dead "We were ...": a quote opens the next sentence
        if bare != w or not nxt[:1].isupper() or nxt.rstrip(",.;:") in NOT_NAMES:
            continue
        if lower_before or (nxt in STARTERS and bare.lower() not in FUNCTION_WORDS and not words[k + 2:k + 3]
                            or nxt in STARTERS and bare.lower() not in FUNCTION_WORDS
                            and not words[k + 2].group()[:1].isupper()):
            return pos + word.end(), False
    if len(words) <= max_words:
        return end, False
    return None


def opens_quoted_sentence(words: list[str]) -> bool:
    """Whether ``words`` open a quoted sentence ('"We were told ...'), not a quoted
    name or title ('"Harbour Engine Laboratory"'): a lower-case word soon follows."""
    return bool(words) and words[0][:1] in "\"“" and words[0][1:2].isupper() \
        and any(w[:1].islower() and w.lower() not in FUNCTION_WORDS for w in words[1:])


def image_marker_captions(text: str, p: Paragraph) -> list[Span]:
    """Image credit + caption runs ("Image copyright X Image caption ...")."""
    spans: list[Span] = []
    for match in _IMAGE_MARKER.finditer(text, p.start, p.end):
        kind = match.group().split()[-1].rstrip(",:").lower()
        start, pos = match.start(), match.end()
        if kind in ("copyright", "source", "credit"):
            nxt = _IMAGE_MARKER.search(text, pos, min(p.end, pos + 60))
            if nxt and nxt.group().split()[-1].rstrip(",:").lower() == "caption":
                spans.append((start, nxt.start(), "caption"))
                continue  # the caption marker is its own match
            credit = re.match(r"(?:[A-Z][\w.'&-]*\s*){1,3}", text[pos:p.end])
            spans.append((start, pos + (len(credit.group().rstrip()) if credit else 0), "caption"))
            continue
        courtesy = _COURTESY.match(text, pos, p.end)
        if courtesy:  # "Media caption Courtesy of Jane Doe and John Roe": a credit, as long as its names
            spans.append((start, courtesy.end(), "caption"))
            continue
        found = caption_end(text, pos, p.end)
        spans.append((start, found[0] if found else pos, "caption"))
    return spans


def inline_credit_captions(text: str, p: Paragraph, segments: list[tuple[int, int]]) -> list[Span]:
    """A credit in the running text, with the caption it closes or opens."""
    spans: list[Span] = []
    multi = len(segments) > 1
    seg_starts = {a for a, _ in segments}
    for match in _INLINE_CREDIT.finditer(text, p.start, p.end):
        start, stop = match.start(), match.end()
        before = text[p.start:start].rstrip()
        if multi and before and not before.endswith((".", "!", "?", '"', "”", ")")) and text[start] == "(":
            # "... celebrate the moment of triumph (Getty Images)": the caption it closes.
            seg = _piece_start(text, p, seg_starts, start)
            if len(text[seg:start].split()) <= 40:
                start = seg
        elif multi and before.endswith((".", "!")) and _PHOTO_CREDIT.match(match.group()):
            # "Players celebrate on the field. (Photo: Jane Doe/Agency) The ...": an explicit
            # photo credit after a sentence closes that sentence, a caption.
            caption = max(((a, b) for a, b in segments if b <= start), default=None, key=lambda seg: seg[1])
            if caption and len(text[caption[0]:caption[1]].split()) <= 40 and not SAYS.search(text, caption[0], caption[1]):
                start = caption[0]
        elif not match.group().startswith("("):
            # "Photo: Getty Images Jane Doe celebrates ...": credit opening a caption.
            found = caption_end(text, stop, p.end) if re.match(r"\s+[A-Z]", text[stop:stop + 2]) else None
            if found and not found[1]:
                stop = found[0]
        spans.append((start, stop, "caption"))
    return spans


def _piece_start(text: str, p: Paragraph, seg_starts: set[int], pos: int) -> int:
    """Where the sentence piece holding ``pos`` starts: its segment's start, or after a
    sentence end the splitter missed ('… this time. " Floods: The river …')."""
    seg = max((a for a in seg_starts if a <= pos), default=p.start)
    ends = list(re.finditer(r"[.!?][\"”’']?\s+[\"”’']?\s*(?=[A-Z])", text[seg:pos]))
    return seg + (ends[-1].end() if ends else 0)


def name_credit_captions(text: str, p: Paragraph, segments: list[tuple[int, int]]) -> list[Span]:
    """A photographer's name in brackets closing an unpunctuated caption before the
    next sentence: "Flooding: water covered the platform (Jane Doe) The line ...".
    The caption is short and quotes no one; a name in brackets after a punctuated
    sentence, or before a lower-case word, is the prose's own."""
    spans: list[Span] = []
    if len(segments) <= 1:
        return spans
    seg_starts = {a for a, _ in segments}
    for match in _NAME_CREDIT.finditer(text, p.start, p.end):
        before = text[p.start:match.start()].rstrip()
        if not before[-1:].isalnum():
            continue
        start = _piece_start(text, p, seg_starts, match.start())
        caption = text[start:match.start()]
        if 3 <= len(caption.split()) <= 30 and not SAYS.search(caption) and not re.search(r"[\"“”]", caption):
            spans.append((start, match.end(), "caption"))
    return spans


def credit_first_captions(text: str, p: Paragraph, segments: list[tuple[int, int]]) -> list[Span]:
    """An agency name opening a sentence opens a caption; chained captions follow it."""
    spans: list[Span] = []
    if len(segments) <= 1:
        return spans
    for a, b in segments:
        match = _CREDIT_FIRST.match(text, a, b)
        if not match:
            weak = _BROADCASTER_FIRST.match(text, a, b)
            found = caption_end(text, weak.end(), p.end) if weak else None
            if weak and found and not found[1] and found[0] < b and len(text[weak.end():found[0]].split()) >= 4:
                spans.append((a, found[0], "caption"))
            continue
        pos = match.end()
        while True:
            found = caption_end(text, pos, p.end)
            if not found or found[1] and len(text[pos:found[0]].split()) > 25:
                break
            spans.append((match.start() if pos == match.end() else pos, found[0], "caption"))
            if found[1]:
                break
            # Chained captions ("... the assault google The suicide attack ..."): the
            # next piece is a caption too while it ends without punctuation.
            nxt = re.match(rf"\s+(?:[a-z][\w.-]*\s+|{AGENCY}(?:\s+\d{{1,3}})?\s+)?(?=[A-Z])", text[found[0]:p.end])
            if not nxt:
                break
            probe = caption_end(text, found[0] + nxt.end(), p.end)
            if not probe or probe[1]:
                break
            pos = found[0] + (len(nxt.group()) - len(nxt.group().lstrip()))
    return spans


def position_captions(text: str, p: Paragraph, segments: list[tuple[int, int]]) -> list[Span]:
    """A sentence piece that points into a photo ("(left)", "From left to
    right:") and ends without punctuation before the next sentence: a caption.
    A punctuated sentence that says "(left)" is prose and stays."""
    spans: list[Span] = []
    if len(segments) <= 1:
        return spans
    for a, b in segments:
        marker = _POSITION.search(text, a, b)
        if marker is None:
            continue
        found = caption_end(text, a, p.end)
        if found and not found[1] and found[0] >= marker.end():
            spans.append((a, found[0], "caption"))
    return spans


def caption_runs(text: str, p: Paragraph, segments: list[tuple[int, int]]) -> list[Span]:
    """A run of photo captions flattened into the text before a sentence, none
    with closing punctuation: "... to the scene. Rescuers work at the site on
    Monday The team are trying to reach him A large crew has been sent The boy,
    named ..., fell on Sunday." Inside one over-long sentence piece, each
    caption visibly ends where a sentence opener follows an unpunctuated word
    ("site on Monday The team"); with two such starts or more, all but the last
    piece are captions and the last is the sentence the run was glued to. A
    name's article ("a reporter from The Daily Post") is no start."""
    spans: list[Span] = []
    for a, b in segments:
        words = list(re.finditer(r"\S+", text[a:b]))
        if len(words) <= _RUN_MIN_WORDS:
            continue
        starts = [k + 1 for k in range(1, len(words) - 2)
                  if _visible_start(words[k].group(), words[k + 1].group(), words[k + 2].group())]
        pieces = list(zip([0] + starts, starts + [len(words)]))
        if _EMBED_MARK.search(text, a, a + words[starts[-1] - 1].end() if starts else a):
            continue  # posts quoted in a row are embeds, their text a reader's; the embed rules judge them
        if len(starts) >= 2 and all(_CAPTION_WORDS[0] <= stop - start <= _CAPTION_WORDS[1] for start, stop in pieces[:-1]):
            spans.append((a, a + words[starts[-1] - 1].end(), "caption"))
    return spans


_EMBED_MARK = re.compile(r"://|pic\.twitter\.com|@\w|(?:^|\s)#\w")
_RUN_MIN_WORDS = 40  # a piece this long with no stop in it holds more than one sentence
_CAPTION_WORDS = (4, 40)


def _visible_start(before: str, opener: str, after: str) -> bool:
    """Whether ``opener`` starts a sentence right after the unpunctuated word
    ``before`` ("Monday The team", "writing However, the"), followed by a
    lower-case word or a figure (not "from The Daily Post"); never "I", capitalised
    anywhere ("I don't think I should")."""
    return before[-1:].isalnum() and before.lower() not in ("a", "an", "the") \
        and opener.rstrip(",") in STARTERS - {"I"} and (after[:1].islower() or after[:1].isdigit())
