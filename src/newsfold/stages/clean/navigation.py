"""Navigation and lists: rules over runs of paragraphs. A site menu before the
first prose paragraph, the link titles of a "Read more"/"More stories" list,
headlines listed around "Opinion 2 weeks ago" lines."""
from __future__ import annotations

import re

from .markers import NAV_LINE, SAYS, STAMP, VERB_HINT
from .paragraphs import END_PUNCT, Paragraph, is_prose, norm

LIST_MARKER = re.compile(
    r"^\W*(?:more\s+(?:great\s+)?stories|related(?:\s+(?:stories|articles|news|topics|reading))?|you\s+(?:may|might)\s+(?:also\s+)?like"
    r"|latest\s+news|most\s+read|read\s+more|recommended(?:\s+for\s+you)?|also\s+read|read\s+also|see\s+also"
    r"|trending(?:\s+now)?|most\s+(?:popular|viewed|shared)|popular\s+now|top\s+stories"
    r"|(?:what\s+to\s+)?read\s+next|up\s+next|further\s+reading|more\s+on\s+this\s+(?:story|topic)"
    r"|more\s+(?:in|from)\s+[\w&' ]{1,30})\W*$",
    re.IGNORECASE,
)


def mark_navigation_and_lists(paragraphs: list[Paragraph], reasons: list[str | None]) -> None:
    """Mark menus ("navigation") and listed headlines ("promo" or "navigation") in ``reasons``."""
    _mark_menu(paragraphs, reasons)
    _mark_listed_headlines(paragraphs, reasons)
    _mark_headlines_beside_nav_lines(paragraphs, reasons)
    _mark_stamped_lists(paragraphs, reasons)
    _mark_promo_neighbours(paragraphs, reasons)
    _mark_embedded_posts(paragraphs, reasons)
    if paragraphs and reasons[-1] is None and re.fullmatch(r"[\d,.]{1,9}", paragraphs[-1].text):
        reasons[-1] = "navigation"  # a view or share count closing the page


def _mark_menu(paragraphs: list[Paragraph], reasons: list[str | None]) -> None:
    """A menu at the start: two or more short unpunctuated lines before any prose."""
    head = []
    for i, p in enumerate(paragraphs[:12]):
        if is_prose(p) or len(p.text.split()) > 12:
            break
        head.append(i)
    short = [i for i in head if reasons[i] in (None, "title", "navigation") and len(paragraphs[i].text.split()) <= 4
             and not paragraphs[i].text.endswith(END_PUNCT) and paragraphs[i].lines == 1]
    if len(short) >= 2:
        for i in short:
            reasons[i] = "navigation"


def _headline_like(p: Paragraph, *, says: bool = False) -> bool:
    """One short line that does not end a sentence. ``says``: a headline may report
    speech ("..., says minister"), as a listed one does; elsewhere such a line may
    be a quote's tail."""
    words = p.text.split()
    return p.lines == 1 and 2 <= len(words) <= 30 and (says or not SAYS.search(p.text)) and (
        not p.text.endswith((".", "!", '"', "”")) or p.text.endswith("?"))


def _mark_listed_headlines(paragraphs: list[Paragraph], reasons: list[str | None]) -> None:
    """After a list marker ("More stories", "Also read: X", "Related stories"), the
    listed headlines and a repeat of the linked title are promo too."""
    for i in range(len(paragraphs)):
        if reasons[i] not in ("promo", "navigation"):
            continue
        linked = re.sub(r"^\W*(?:also\s+read|read\s+(?:also|more)|see\s+also|related)\W*", "",
                        paragraphs[i].text, flags=re.IGNORECASE)
        listed = bool(LIST_MARKER.match(paragraphs[i].text))
        j = i + 1
        while j < len(paragraphs) and reasons[j] is None:
            q = paragraphs[j]
            if norm(q.text) == norm(linked) and len(q.text.split()) >= 3:
                reasons[j] = "promo"
            elif listed and (_SEPARATOR.fullmatch(q.text) or _teaser(paragraphs, reasons, j, i)):
                reasons[j] = reasons[i]
            elif (reasons[i] == "navigation" and NAV_LINE.match(q.text) is None and not _headline_like(q)
                  or reasons[i] == "promo" and not (LIST_MARKER.match(paragraphs[i].text) and _headline_like(q))):
                break
            else:
                reasons[j] = reasons[i] if _headline_like(q) else None
                if reasons[j] is None:
                    break
            j += 1


_SEPARATOR = re.compile(r"[-–—•*|·]+")


def _teaser(paragraphs: list[Paragraph], reasons: list[str | None], j: int, marker: int) -> bool:
    """A linked story's standfirst under its listed headline: one paragraph, then
    a separator, the next listed headline with its own standfirst, or the page's end."""
    if j - 1 <= marker or reasons[j - 1] != reasons[marker] or not _headline_like(paragraphs[j - 1]) \
            or len(paragraphs[j].text.split()) > 60:
        return False
    after = paragraphs[j + 1:j + 3]
    return not after or bool(_SEPARATOR.fullmatch(after[0].text)) or reasons[j + 1] is not None \
        or len(after) == 2 and _headline_like(after[0]) and is_prose(after[1]) and not _headline_like(after[1])


def _mark_headlines_beside_nav_lines(paragraphs: list[Paragraph], reasons: list[str | None]) -> None:
    """Headlines next to "<Section> 2 weeks ago" lines belong to the same list."""
    changed = True
    while changed:
        changed = False
        for i, p in enumerate(paragraphs):
            if reasons[i] is not None or not _headline_like(p, says=True) \
                    or p.text.endswith("?") and len(p.text.split()) > 20:
                continue
            near = [k for k in (i - 1, i + 1) if 0 <= k < len(paragraphs)]
            if any(reasons[k] == "navigation" and NAV_LINE.match(paragraphs[k].text) for k in near):
                reasons[i] = "navigation"
                changed = True


def _mark_stamped_lists(paragraphs: list[Paragraph], reasons: list[str | None]) -> None:
    """Headlines each followed by a time stamp ("Feb 07, 2025 10:25 PM"), two or
    more in a row: a list of other stories, whatever the stamps were marked."""
    i = 0
    while i < len(paragraphs):
        run, j = [], i
        while j + 1 < len(paragraphs) and reasons[j] in (None, "promo", "navigation") and _headline_like(paragraphs[j]) \
                and STAMP.match(paragraphs[j + 1].text):
            run += [j, j + 1]
            j += 2
        if len(run) >= 4:
            for k in run:
                reasons[k] = "navigation"
        i = max(j, i + 1)


def _mark_promo_neighbours(paragraphs: list[Paragraph], reasons: list[str | None]) -> None:
    """A promo block at either end of the text: a short verbless line (a slogan)
    next to a promo line, before the first or after the last paragraph of
    reporting, belongs to it."""
    prose = [i for i, p in enumerate(paragraphs) if reasons[i] is None and is_prose(p) and len(p.text.split()) > 8]
    if not prose:
        return
    edges = [range(prose[0] - 1, -1, -1), range(prose[-1] + 1, len(paragraphs))]
    for closing, edge in enumerate(edges):
        for _ in range(2):  # a slogan two lines off the promo line joins after its neighbour
            for i in edge:
                p = paragraphs[i]
                near = [k for k in (i - 1, i + 1) if 0 <= k < len(paragraphs) and reasons[k] == "promo"]
                # (after the reporting, a "Label: value" line is a detail of the story, such as a venue's address)
                if reasons[i] is None and near and p.lines == 1 and len(p.text.split()) <= 8 \
                        and not VERB_HINT.search(p.text) and not (closing and ":" in p.text):
                    reasons[i] = "promo"


_POSTED_BY = re.compile(r"^Posted\s+by\s+\S.{0,80}\d{4}$")
# hashtags, a link, a bracketed post heading, a preview cut off with "...", a
# post's casual last line with no closing stop (reporting ends its sentences)
_POST_MARK = re.compile(r"(?:^|\s)#\w|https?://\S|\S+\.\w{2,3}/\S|^\[[^\]]{3,80}\]|(?:\.\.\.|…)$|[\w,]$")


def _mark_embedded_posts(paragraphs: list[Paragraph], reasons: list[str | None]) -> None:
    """The text of an embedded social-media post, signed "Posted by X on <date>" on
    the next line, when it carries a post's marks; a short clip's caption above
    its sound line."""
    for i in range(1, len(paragraphs)):
        if _POSTED_BY.match(paragraphs[i].text) and reasons[i - 1] is None \
                and _POST_MARK.search(paragraphs[i - 1].text) and len(paragraphs[i - 1].text.split()) <= 120:
            reasons[i - 1] = "embed"
        # a short clip's caption, from its @handle, above the clip's sound ("♬ original sound - X")
        if paragraphs[i].text.startswith("♬") and reasons[i - 1] is None and paragraphs[i - 1].text.startswith("@") \
                and len(paragraphs[i - 1].text.split()) <= 120:
            reasons[i - 1] = "embed"
