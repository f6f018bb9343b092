"""Source views for the HTML brief: each source's text cut into highlighted segments.

Article text never reaches the page as markup: the text is cut here at every
evidence and removed-span boundary, and Jinja's autoescape escapes each segment.
"""
from __future__ import annotations

from itertools import pairwise

from ..model import Article, Brief
from ..outlets import outlet_name
from .citations import Citations, original_link, source_label
from .dates import display_date
from .views import Segment, SourceHref, SourceView


def source_views(
    brief: Brief,
    citations: Citations,
    href: SourceHref,
    selected: tuple[str, str] | None,
) -> tuple[list[SourceView], list[SourceView]]:
    """(originals, each with its copies nested; every source in brief order).

    Call it after every section has been cited, so each source knows its passages.
    """
    views: dict[str, SourceView] = {}
    for article in brief.sources:
        outlet = outlet_name(article)
        spans = citations.spans_in(article.id)
        chosen = selected[1] if selected and selected[0] == article.id else None
        views[article.id] = SourceView(
            id=article.id,
            label=source_label(article),
            heading=article.title or source_label(article),
            caption=f"{outlet} · source {article.id}" if outlet else f"Source {article.id}",
            title=article.title,
            outlet=outlet,
            published=display_date(article.published),
            published_from=article.published_from,
            origin=article.origin,
            link=original_link(article),
            href=href(article.id, None),
            copy_of=article.copy_of,
            off_topic=article.off_topic,
            removed_count=len(article.removed),
            removed_summary=_removed_summary(article),
            segments=_segments(article, spans, chosen),
            cited=len(spans),
        )
    originals: list[SourceView] = []
    for view in views.values():
        parent = views.get(view.copy_of) if view.copy_of else None
        if parent is not None and parent is not view:
            parent.copies.append(view)
        else:
            originals.append(view)
    return originals, list(views.values())


def _segments(article: Article, spans: list[tuple[int, int, str]], selected: str | None) -> list[Segment]:
    """Cut ``article.text`` at every evidence and removed-span boundary."""
    text = article.text
    n = len(text)
    cuts = {0, n}
    for start, end, _ in spans:
        cuts.update((max(0, min(start, n)), max(0, min(end, n))))
    for r in article.removed:
        cuts.update((max(0, min(r.start, n)), max(0, min(r.end, n))))
    bounds = sorted(cuts)
    segments: list[Segment] = []
    for start, end in pairwise(bounds):
        if start == end:
            continue
        ids = [eid for s, e, eid in spans if s <= start and end <= e]
        reason = next((r.reason for r in article.removed if r.start <= start and end <= r.end), None)
        segment = Segment(text[start:end], " ".join(ids), reason, bool(selected and selected in ids))
        last = segments[-1] if segments else None
        if last and (last.evidence, last.removed, last.selected) == (segment.evidence, segment.removed, segment.selected):
            last.text += segment.text
        else:
            segments.append(segment)
    return segments


def _removed_summary(article: Article) -> str:
    counts: dict[str, int] = {}
    for r in article.removed:
        counts[r.reason] = counts.get(r.reason, 0) + 1
    return ", ".join(f"{reason} ×{n}" if n > 1 else reason for reason, n in sorted(counts.items()))
