"""Mark the parts of an article that are not reporting.

Stage contract: ``clean(article) -> Article``, a copy; the input is not changed.

Reads ``article.text`` and the spans already in ``article.removed`` (such as
the header the reader found); returns a copy with ``Removed`` spans added,
each one a whole paragraph, for the headline ("title"), bylines, author bios,
"Source:" lines, photo captions, social-media embeds, promos and stray
subheadings, and sets ``title`` from the headline when it was unknown.
``text`` never changes: later stages skip removed spans, so offsets stay valid.

The rules come in families, one module each, run in this order:

1. ``lines``: a paragraph removed for a marker it carries (a photo credit, an
   @handle with a date, "By Name", "Source:", "Sign up", "Name for The
   Outlet", a date stamp), with the patterns of page parts in ``markers``;
2. ``neighbours``: the headline, a label after a byline, author bios;
3. ``navigation``: site navigation at the start and listed headlines
   ("Read more" lists with their separators and standfirsts, "Opinion 2 weeks ago" lines), a verbless slogan beside
   a promo at either end, an embedded post's text above its "Posted by" line;
4. ``neighbours``: subheadings, short unpunctuated lines standing alone, so a
   real sentence is never removed for its length or position alone; a
   verbless dek under the headline, verbless dated captions (never the first
   paragraph), an op-ed's closing line on its author; then the dateline
   opening the first kept paragraph ("dateline");
   ``blocks``: runs of lines known by their shape: a letter's closing
   signature, headlines listed in a row, a sign-up box closing the page,
   dashed bullets of other stories inside the text, lines that end no
   sentence left among the page parts closing the text;
   ``helplines``: a box of helplines under a story of distress, and a
   paragraph pointing the reader to one;
5. ``inline`` (with ``captions``, ``galleries`` and ``glued``): boilerplate inside
   kept paragraphs of flattened pages: promo sentences, page residue, embedded
   posts, captions and their credits, runs of unpunctuated captions glued
   before a sentence, live-page links, video titles and verbless captions glued
   before one, inline headings, and what closes the text: a call for witnesses,
   a gallery of captions, outlet sign-offs ("signoff": "/OUTLET", "- The Daily
   Herald/ANN", a reporter's e-mail address).
"""
from __future__ import annotations

from dataclasses import replace

from ...model import Article, Removed
from .blocks import mark_blocks
from .helplines import mark_helplines
from .inline import inline_spans
from .lines import marker_reason
from .navigation import mark_navigation_and_lists
from .neighbours import (
    dateline_span,
    mark_bylines_and_bios,
    mark_closing_bio,
    mark_deks_and_captions,
    mark_headline,
    mark_subheadings,
)
from .paragraphs import split_paragraphs

__all__ = ["clean"]


def clean(article: Article) -> Article:
    """Return a copy of ``article`` with non-reporting paragraphs added to ``removed``.

    Spans already present are kept; running ``clean`` twice adds nothing.
    """
    paragraphs = split_paragraphs(article.text, article.removed)
    reasons: list[str | None] = [marker_reason(p) for p in paragraphs]  # 1
    title = mark_headline(paragraphs, reasons, article.title)  # 2
    mark_bylines_and_bios(paragraphs, reasons)
    mark_navigation_and_lists(paragraphs, reasons)  # 3
    mark_subheadings(paragraphs, reasons)  # 4
    mark_deks_and_captions(paragraphs, reasons)
    mark_closing_bio(paragraphs, reasons)
    mark_blocks(paragraphs, reasons)
    mark_helplines(paragraphs, reasons)

    known = {(r.start, r.end) for r in article.removed}
    added = [Removed(p.start, p.end, reason) for p, reason in zip(paragraphs, reasons)
             if reason and (p.start, p.end) not in known]
    dateline = dateline_span(article.text, paragraphs, reasons)
    if dateline is not None:
        added.append(dateline)
    kept = [i for i, reason in enumerate(reasons) if reason is None]
    for i, (p, reason) in enumerate(zip(paragraphs, reasons)):  # 5
        if reason is None:
            added.extend(r for r in inline_spans(article.text, p, first=i == kept[0], last=i == kept[-1])
                         if (r.start, r.end) not in known)
    removed = sorted(article.removed + added, key=lambda r: (r.start, r.end))
    # A copy with its own lists: later stages add notes without touching the input article.
    return replace(article, removed=removed, title=title, notes=list(article.notes), extra=dict(article.extra))
