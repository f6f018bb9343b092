"""The brief as Markdown, for people.

Sections: title and date, sources, key facts (consensus) with citations,
disputed, quotes, people/places/organisations, timeline, what only one source
reports, notes. A citation names the independent sources and then the copies:
``[4 sources: 000, 001, 002, 003; copy: 004]``.
"""
from __future__ import annotations

import re

from ..model import Article, Brief, Evidence, independent_count
from .citations import original_link, source_labels

_MAX_ENTITIES = 25


# A source id usable as a Markdown reference label as it is.
_REFERENCE_ID = re.compile(r"[\w.-]+")


def render_markdown(brief: Brief) -> str:
    """The whole brief as one Markdown document, ending with a newline."""
    by_id = {article.id: article for article in brief.sources}
    lines: list[str] = [f"# {_inline(brief.title or 'Untitled story')}", ""]
    if brief.date:
        lines += [(f"*{brief.date}* · {_count(len(brief.sources), 'source')}, "
                   f"{_count(_independent(brief.sources), 'independent source')}"), ""]
    lines += _sources(brief.sources)
    consensus = [f for f in brief.facts if f.kind == "consensus"]
    lines += ["## Key facts", ""]
    if consensus:
        lines += [f"- {_inline(f.text)} {_cite(f.support, by_id)}" for f in consensus]
    else:
        lines.append("No fact is reported by two independent sources.")
    lines.append("")
    lines += _conflicts(brief, by_id)
    lines += _quotes(brief, by_id)
    lines += _entities(brief)
    lines += _timeline(brief, by_id)
    lines += _unique(brief)
    if brief.notes:
        lines += ["## Notes", ""] + [f"- {_inline(note)}" for note in brief.notes] + [""]
    lines += _link_definitions(brief.sources)
    return "\n".join(lines).rstrip() + "\n"


def _link_definitions(sources: list[Article]) -> list[str]:
    """Reference links to the originals, so every citation of a source links it once written."""
    links = [(a.id, link) for a in sources if (link := _link(a)) and _REFERENCE_ID.fullmatch(a.id)]
    return [f"[{source_id}]: <{link}>" for source_id, link in links] + [""] if links else []


def _link(article: Article) -> str | None:
    link = original_link(article)
    return link if link and not any(c in link for c in " <>") else None


def _sources(sources: list[Article]) -> list[str]:
    lines = ["## Sources", "", "| id | outlet | date | title | copy of |", "| --- | --- | --- | --- | --- |"]
    for a in sources:
        title = _inline(a.title or "")
        if a.off_topic:
            title = f"{title} (off topic)".strip()
        lines.append(
            f"| {a.id} | {_inline(a.outlet or '')} | {a.published or ''} | {title} | {a.copy_of or ''} |"
        )
    return lines + [""]


def _conflicts(brief: Brief, by_id: dict[str, Article]) -> list[str]:
    if not brief.conflicts:
        return []
    lines = ["## Disputed", ""]
    for conflict in brief.conflicts:
        lines.append(f"- **{_inline(conflict.topic)}** ({conflict.kind})")
        for value in conflict.values:
            lines.append(f"  - {_inline(value.value)} {_cite(value.support, by_id)}")
    return lines + [""]


def _quotes(brief: Brief, by_id: dict[str, Article]) -> list[str]:
    if not brief.quotes:
        return []
    lines = ["## Quotes", ""]
    for quote in brief.quotes:
        speaker = quote.speaker or "unattributed"
        lines.append(f"- “{_inline(quote.text)}” — {_inline(speaker)} {_cite(quote.support, by_id)}")
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


def _timeline(brief: Brief, by_id: dict[str, Article]) -> list[str]:
    if not brief.timeline:
        return []
    lines = ["## Timeline", ""]
    for event in brief.timeline:
        # The timeline stage puts the support with the clearest date words first.
        written = next((e.as_written for e in event.support if e.as_written), None)
        as_written = f" (“{_inline(written)}”)" if written else ""
        lines.append(f"- **{event.date}**{as_written} {_inline(event.text)} {_cite(event.support, by_id)}")
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
        lines.append(f"### {source_id}")
        lines.append("")
        lines += [f"- {_inline(text)}" for text in by_source[source_id]]
        lines.append("")
    return lines


def _cite(support: list[Evidence], by_id: dict[str, Article]) -> str:
    """``[3 sources: Calden Daily, 002, 003; copy: 004]``: independent first, copies
    after; a source is named by its outlet where known (see ``source_labels``)
    and linked to the original where it has an http(s) URL."""
    ids = sorted({e.source for e in support})
    originals = [i for i in ids if not (i in by_id and by_id[i].copy_of)]
    copies = [i for i in ids if i not in originals]
    independent = independent_count(ids, by_id.values())
    labels = source_labels(list(by_id.values()))
    text = f"[{_count(independent, 'source')}: {_names(originals or copies, by_id, labels)}"
    if originals and copies:
        text += f"; {'copies' if len(copies) > 1 else 'copy'}: {_names(copies, by_id, labels)}"
    return text + "]"


def _names(ids: list[str], by_id: dict[str, Article], labels: dict[str, str]) -> str:
    names = []
    for source_id in ids:
        label = _inline(labels.get(source_id, source_id)).replace("[", "\\[").replace("]", "\\]")
        linked = bool(source_id in by_id and _link(by_id[source_id]) and _REFERENCE_ID.fullmatch(source_id))
        names.append(f"[{label}][{source_id}]" if linked else label)
    return ", ".join(names)


def _independent(sources: list[Article]) -> int:
    return independent_count((a.id for a in sources if not a.off_topic), sources)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _inline(text: str) -> str:
    """One line of Markdown-safe text: newlines folded, table pipes escaped."""
    return " ".join(text.split()).replace("|", "\\|")
