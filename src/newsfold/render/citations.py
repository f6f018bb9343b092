"""Citation chips for the HTML brief, and the stable ids of the passages they open.

Every distinct cited passage (source, start, end) gets one id (``e1``, ``e2``...)
in first-seen order; the source view highlights a passage under that id, and a
chip opens it. Ids depend only on the order the brief's sections are walked,
so the same brief always gets the same ids.
"""
from __future__ import annotations

from collections.abc import Callable

from ..model import Article, Brief, Evidence
from ..outlets import outlet_name
from .views import Cite, SourceHref


def source_label(article: Article) -> str:
    """Outlet (metadata, else the URL's domain, else a "Source:" line), else id."""
    return outlet_name(article) or article.id


def source_labels(sources: list[Article]) -> dict[str, str]:
    """Source id -> how a citation names it: the outlet (``outlets.outlet_name``) where
    only that source comes from it, "Outlet (id)" where one outlet gave several, else the id."""
    outlets = {a.id: outlet_name(a) for a in sources}
    per_outlet: dict[str, int] = {}
    for outlet in outlets.values():
        if outlet:
            per_outlet[outlet] = per_outlet.get(outlet, 0) + 1
    labels: dict[str, str] = {}
    for a in sources:
        outlet = outlets[a.id]
        labels[a.id] = a.id if not outlet else outlet if per_outlet[outlet] == 1 else f"{outlet} ({a.id})"
    return labels


def original_link(article: Article) -> str | None:
    """An http(s) link to the original. Other schemes (``javascript:``) are never linked."""
    for candidate in (article.url, article.origin):
        if candidate and candidate.lower().startswith(("http://", "https://")):
            return candidate
    return None


def _snippet(text: str, limit: int = 140) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class Citations:
    """Gives every distinct (source, start, end) one stable id, in first-seen order."""

    def __init__(self, brief: Brief, href: SourceHref):
        self.href = href
        self.by_span: dict[tuple[str, int, int], str] = {}
        self.by_source: dict[str, list[tuple[int, int, str]]] = {}
        self.articles = {a.id: a for a in brief.sources}
        self.labels = source_labels(brief.sources)

    def id_for(self, ev: Evidence) -> str:
        key = (ev.source, ev.start, ev.end)
        if key not in self.by_span:
            evidence_id = f"e{len(self.by_span) + 1}"
            self.by_span[key] = evidence_id
            self.by_source.setdefault(ev.source, []).append((ev.start, ev.end, evidence_id))
        return self.by_span[key]

    def cite(self, ev: Evidence, note: str | None = None) -> Cite:
        evidence_id = self.id_for(ev)
        article = self.articles.get(ev.source)
        label = source_label(article) if article else ev.source
        words = _snippet(article.text[ev.start : ev.end]) if article else ""
        name = label if label == ev.source else f"{label} ({ev.source})"
        title = f"{name}: “{words}”" if words else name
        copy_of = article.copy_of if article else None
        chip = self.labels.get(ev.source, ev.source)
        return Cite(ev.source, evidence_id, chip, self.href(ev.source, evidence_id), title, note, copy_of)

    def cites(self, support: list[Evidence], note: Callable[[Evidence], str | None] | None = None) -> list[Cite]:
        """One chip per source (its first passage); every passage still gets an id."""
        out: list[Cite] = []
        seen: set[str] = set()
        for ev in support:
            self.id_for(ev)
            if ev.source in seen:
                continue
            seen.add(ev.source)
            out.append(self.cite(ev, note(ev) if note else None))
        return out

    def spans_in(self, source_id: str) -> list[tuple[int, int, str]]:
        """The cited passages of one source as (start, end, evidence id), in text order."""
        return sorted(self.by_source.get(source_id, []))
