"""The brief as Markdown, for people.

Sections: title and date, a 3-6 line summary, key facts (consensus) with
citations and the disputes they touch, disputed, quotes,
people/places/organisations, timeline, what only one source reports, the
sources, notes.
A citation names the independent sources and then the copies:
``[4 sources: 000, 001, 002, 003; copy: 004]``.

Made to be read in half a minute: facts are shown as whole sentences, a quote
is not listed again as a fact, and the long lists stop at a few lines with a
"N more in the JSON brief" line; the JSON keeps every one (see ``digest``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Article, Brief, Evidence, Fact, independent_count, root_of
from ..outlets import outlet_name
from .citations import original_link, source_labels
from .digest import Digest, Dispute, digest, quote_conflict

# How many lines each long list shows; the JSON brief holds the rest.
_MAX_KEY_FACTS = 8
_MAX_SINGLE = 5
_MAX_QUOTES = 4
_MAX_EVENTS = 5
_MAX_ENTITIES = 10
# A citation names this many sources, then says how many more.
_MAX_CITED = 6
# An in-fact dispute line names its topic in this many words.
_TOPIC_WORDS = 8


# A source id usable as a Markdown reference label as it is.
_REFERENCE_ID = re.compile(r"[\w.-]+")


def render_markdown(brief: Brief) -> str:
    """The whole brief as one Markdown document, ending with a newline."""
    cite = _Citer.of(brief.sources)
    derived = digest(brief)
    lines: list[str] = [f"# {_inline(brief.title or 'Untitled story')}", ""]
    if brief.date:
        lines += [(f"*{brief.date}* · {_count(len(brief.sources), 'source')}, "
                   f"{_count(_independent(brief.sources), 'independent source')}"), ""]
    if derived.summary:
        lines += ["## Summary", ""]
        lines += [line for fact in derived.summary for line in _fact_lines(fact, derived, cite)] + [""]
    lines += _key_facts(brief, derived, cite)
    lines += _conflicts(brief, cite)
    lines += _quotes(brief, cite)
    lines += _entities(brief)
    lines += _timeline(brief, cite)
    lines += _unique(derived, cite)
    lines += _sources(brief.sources)  # the reference list, after what is read
    if brief.notes:
        lines += ["## Notes", ""] + [f"- {_inline(note)}" for note in brief.notes] + [""]
    lines += cite.definitions()
    return "\n".join(lines).rstrip() + "\n"


def _fact_lines(fact: Fact, derived: Digest, cite: _Citer) -> list[str]:
    """A fact as shown, cited, with one line under it per dispute it touches."""
    speaker = derived.speaker.get(fact.id)
    said = f" — {_inline(speaker)}" if speaker else ""
    lines = [f"- {_inline(derived.shown[fact.id])}{said} {cite(fact.support)}"]
    lines += [f"  - ⚠ {_dispute(d)}" for d in derived.disputes[fact.id]]
    return lines


def _dispute(dispute: Dispute) -> str:
    """``disputed (people injured): 14 [3 sources] · 17 [1 source] → K1``."""
    values = " · ".join(f"{_inline(v.value)} [{_count(v.independent_sources, 'source')}]" for v in dispute.values)
    words = dispute.topic.split()
    topic = " ".join(words[:_TOPIC_WORDS]) + ("…" if len(words) > _TOPIC_WORDS else "")
    return f"disputed ({_inline(topic)}): {values} → [{dispute.conflict}](#disputed)"


def _more(hidden: int, what: str) -> list[str]:
    return [f"- … {hidden} more {what} in the JSON brief"] if hidden > 0 else []


def _key_facts(brief: Brief, derived: Digest, cite: _Citer) -> list[str]:
    """The agreed facts the summary does not already show."""
    key_facts = derived.below_summary(derived.key_facts)
    lines = ["## Key facts", ""]
    for fact in key_facts[:_MAX_KEY_FACTS]:
        lines += _fact_lines(fact, derived, cite)
    lines += _more(len(key_facts) - _MAX_KEY_FACTS, "key facts")
    if not key_facts:
        lines.append("Every fact two independent sources agree on is in the summary." if derived.key_facts
                     else "No fact is reported by two independent sources.")
    return lines + [""]


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
        lines.append(f"- **{conflict.id} · {_inline(conflict.topic)}** ({conflict.kind})")
        for value in conflict.values:
            lines.append(f"  - {_inline(value.value)} {cite(value.support)}")
    return lines + [""]


def _quotes(brief: Brief, cite: _Citer) -> list[str]:
    if not brief.quotes:
        return []
    lines = ["## Quotes", ""]
    for quote in brief.quotes[:_MAX_QUOTES]:
        speaker = quote.speaker or "unattributed"
        lines.append(f"- “{_inline(quote.text)}” — {_inline(speaker)} {cite(quote.support)}")
        per_source = quote.speaker_by_source()
        named = {speaker for speaker in per_source.values() if speaker}
        if len(named) > 1:  # two names: a dispute, unless they are one voice (a minister and the ministry)
            detail = "; ".join(
                f"{source}: {per_source[source] or 'no speaker'}" for source in sorted(per_source)
            )
            conflict = quote_conflict(quote, brief)
            lines.append(f"  - ⚠ sources differ on who said it ({_inline(detail)}) → [{conflict.id}](#disputed)"
                         if conflict else f"  - as credited: {_inline(detail)}")
        elif named and None in per_source.values():  # a source that names nobody disputes nothing
            silent = ", ".join(sorted(source for source, speaker in per_source.items() if not speaker))
            lines.append(f"  - not attributed in {_inline(silent)}")
    lines += _more(len(brief.quotes) - _MAX_QUOTES, "quotes")
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
    lines += _more(len(brief.entities) - _MAX_ENTITIES, "names")
    return lines + [""]


def _timeline(brief: Brief, cite: _Citer) -> list[str]:
    if not brief.timeline:
        return []
    lines = ["## Timeline", ""]
    # The best-supported events, told in date order.
    ranked = sorted(range(len(brief.timeline)),
                    key=lambda i: (-independent_count({e.source for e in brief.timeline[i].support}, brief.sources), i))
    for index in sorted(ranked[:_MAX_EVENTS]):
        event = brief.timeline[index]
        # The timeline stage puts the support with the clearest date words first.
        written = next((e.as_written for e in event.support if e.as_written), None)
        as_written = f" (“{_inline(written)}”)" if written else ""
        lines.append(f"- **{event.date}**{as_written} {_inline(event.text)} {cite(event.support)}")
    lines += _more(len(brief.timeline) - _MAX_EVENTS, "dated events")
    return lines + [""]


def _unique(derived: Digest, cite: _Citer) -> list[str]:
    """The most important single-source facts (facts of one independent source
    that the summary does not already show), most important first."""
    single = derived.below_summary(derived.single)
    if not single:
        return []
    lines = ["## Reported by one source only", ""]
    for fact in single[:_MAX_SINGLE]:
        lines += _fact_lines(fact, derived, cite)
    lines += _more(len(single) - _MAX_SINGLE, "single-source facts")
    return lines + [""]


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
        cited = {root_of(self.by_id[i]) for i in originals if i in self.by_id}
        for i in ids:
            if i not in originals and (root := root_of(self.by_id[i])) not in cited:
                originals.append(i)  # a copy cited without its original stands for it among the sources
                cited.add(root)
        originals.sort()
        copies = [i for i in ids if i not in originals]
        independent = independent_count(ids, self.by_id.values())
        text = f"[{_count(independent, 'source')}: {self._names(originals or copies)}"
        if originals and copies and len(originals) <= _MAX_CITED:
            text += f"; {'copies' if len(copies) > 1 else 'copy'}: {self._names(copies)}"
        elif originals and copies:
            text += f"; {_count(len(copies), 'copy').replace('copys', 'copies')}"
        return text + "]"

    def _names(self, ids: list[str]) -> str:
        """The sources by name; past _MAX_CITED, how many more (the JSON lists every one)."""
        names = ", ".join(self.names.get(source_id, _inline(source_id)) for source_id in ids[:_MAX_CITED])
        return names + (f" and {len(ids) - _MAX_CITED} more" if len(ids) > _MAX_CITED else "")

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
