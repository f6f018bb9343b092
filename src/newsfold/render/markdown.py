"""The brief as Markdown, for people.

Sections: title and date, sources, key facts (consensus) with citations,
disputed, quotes, people/places/organisations, timeline, what only one source
reports, notes. A citation names the independent sources and then the copies:
``[4 sources: 000, 001, 002, 003; copy: 004]``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Article, Brief, Evidence, independent_count
from ..outlets import outlet_name
from .citations import original_link, source_labels

_MAX_ENTITIES = 25


# A source id usable as a Markdown reference label as it is.
_REFERENCE_ID = re.compile(r"[\w.-]+")


def render_markdown(brief: Brief) -> str:
    """The whole brief as one Markdown document, ending with a newline."""
    cite = _Citer.of(brief.sources)
    lines: list[str] = [f"# {_inline(brief.title or 'Untitled story')}", ""]
    if brief.date:
        lines += [(f"*{brief.date}* · {_count(len(brief.sources), 'source')}, "
                   f"{_count(_independent(brief.sources), 'independent source')}"), ""]
    lines += _sources(brief.sources)
    consensus = [f for f in brief.facts if f.kind == "consensus"]
    lines += ["## Key facts", ""]
    if consensus:
        lines += [f"- {_inline(f.text)} {cite(f.support)}" for f in consensus]
    else:
        lines.append("No fact is reported by two independent sources.")
    lines.append("")
    lines += _conflicts(brief, cite)
    lines += _quotes(brief, cite)
    lines += _entities(brief)
    lines += _timeline(brief, cite)
    lines += _unique(brief)
    if brief.notes:
        lines += ["## Notes", ""] + [f"- {_inline(note)}" for note in brief.notes] + [""]
    lines += cite.definitions()
    return "\n".join(lines).rstrip() + "\n"


def _sources(sources: list[Article]) -> list[str]:
    lines = ["## Sources", "", "| id | outlet | date | title | copy of |", "| --- | --- | --- | --- | --- |"]
    for a in sources:
        title = _inline(a.title or "")
        if a.off_topic:
            title = f"{title} (off topic)".strip()
        lines.append(
            f"| {_inline(a.id)} | {_inline(outlet_name(a) or '')} | {a.published or ''} | {title} | {_inline(a.copy_of or '')} |"
        )
    return lines + [""]


def _conflicts(brief: Brief, cite: _Citer) -> list[str]:
    if not brief.conflicts:
        return []
    lines = ["## Disputed", ""]
    for conflict in brief.conflicts:
        lines.append(f"- **{_inline(conflict.topic)}** ({conflict.kind})")
        for value in conflict.values:
            lines.append(f"  - {_inline(value.value)} {cite(value.support)}")
    return lines + [""]


def _quotes(brief: Brief, cite: _Citer) -> list[str]:
    if not brief.quotes:
        return []
    lines = ["## Quotes", ""]
    for quote in brief.quotes:
        speaker = quote.speaker or "unattributed"
        lines.append(f"- “{_inline(quote.text)}” — {_inline(speaker)} {cite(quote.support)}")
        per_source = quote.speaker_by_source()
        if len(set(per_source.values())) > 1:
            detail = "; ".join(
                f"{source}: {per_source[source] or 'no speaker'}" for source in sorted(per_source)
            )
            lines.append(f"  - ⚠ sources differ on who said it ({_inline(detail)})")
    return lines + [""]


def _entities(brief: Brief) -> list[str]:
    if not brief.entities:
        return []
    lines = ["## People, places, organisations", ""]
    for entity in brief.entities[:_MAX_ENTITIES]:
        others = [alias for alias in entity.aliases if alias != entity.name]
        aka = f" (also: {', '.join(_inline(a) for a in others)})" if others else ""
        lines.append(
            f"- **{_inline(entity.name)}** · {entity.type.lower()}{aka} · "
            f"{_count(len(entity.sources), 'source')}, {_count(entity.mentions, 'mention')}"
        )
    if len(brief.entities) > _MAX_ENTITIES:
        lines.append(f"- … and {len(brief.entities) - _MAX_ENTITIES} more in the JSON output")
    return lines + [""]


def _timeline(brief: Brief, cite: _Citer) -> list[str]:
    if not brief.timeline:
        return []
    lines = ["## Timeline", ""]
    for event in brief.timeline:
        # The timeline stage puts the support with the clearest date words first.
        written = next((e.as_written for e in event.support if e.as_written), None)
        as_written = f" (“{_inline(written)}”)" if written else ""
        lines.append(f"- **{event.date}**{as_written} {_inline(event.text)} {cite(event.support)}")
    return lines + [""]


def _unique(brief: Brief) -> list[str]:
    unique = [f for f in brief.facts if f.kind == "unique"]
    if not unique:
        return []
    lines = ["## Reported by one source only", ""]
    by_source: dict[str, list[str]] = {}
    for fact in unique:
        root = fact.support[0].source
        by_source.setdefault(root, []).append(fact.text)
    for source_id in sorted(by_source):
        lines.append(f"### {_inline(source_id)}")
        lines.append("")
        lines += [f"- {_inline(text)}" for text in by_source[source_id]]
        lines.append("")
    return lines


@dataclass
class _Citer:
    """Writes one brief's citations; how each source is named and linked is
    worked out once (``source_labels``, ``original_link``)."""

    by_id: dict[str, Article]
    names: dict[str, str]  # source id -> the source as a citation writes it
    links: dict[str, str]  # source id -> its original, cited by reference link

    @classmethod
    def of(cls, sources: list[Article]) -> _Citer:
        labels = source_labels(sources)
        links = {a.id: link for a in sources
                 if (link := original_link(a)) and not any(c in link for c in " <>") and _REFERENCE_ID.fullmatch(a.id)}
        names = {}
        for a in sources:
            label = _inline(labels[a.id]).replace("[", "\\[").replace("]", "\\]")
            names[a.id] = f"[{label}][{a.id}]" if a.id in links else label
        return cls({a.id: a for a in sources}, names, links)

    def __call__(self, support: list[Evidence]) -> str:
        """``[3 sources: Calden Daily, 002, 003; copy: 004]``: independent first, copies after."""
        ids = sorted({e.source for e in support})
        originals = [i for i in ids if not (i in self.by_id and self.by_id[i].copy_of)]
        copies = [i for i in ids if i not in originals]
        independent = independent_count(ids, self.by_id.values())
        text = f"[{_count(independent, 'source')}: {self._names(originals or copies)}"
        if originals and copies:
            text += f"; {'copies' if len(copies) > 1 else 'copy'}: {self._names(copies)}"
        return text + "]"

    def _names(self, ids: list[str]) -> str:
        return ", ".join(self.names.get(source_id, _inline(source_id)) for source_id in ids)

    def definitions(self) -> list[str]:
        """Reference links to the originals, written once below the brief."""
        lines = [f"[{source_id}]: <{link}>" for source_id, link in self.links.items()]
        return lines + [""] if lines else []


def _independent(sources: list[Article]) -> int:
    return independent_count((a.id for a in sources if not a.off_topic), sources)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


# Control characters (a terminal escape in a file name) and bidi overrides (which reorder what a
# reader sees) are dropped; whitespace controls are folded into spaces before.
_INVISIBLE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _inline(text: str) -> str:
    """One line of Markdown-safe text from a source: newlines folded, table pipes escaped,
    ``<`` escaped so a source's raw HTML (``<script>``, ``<img onerror>``) stays text in any
    Markdown viewer, control characters dropped."""
    text = _INVISIBLE.sub("", " ".join(text.split()))
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "\\<")
