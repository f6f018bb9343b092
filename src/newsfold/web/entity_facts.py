"""Which facts mention which entity: what the story page's entity pills filter by.

A fact mentions an entity when any of its surface forms (name or alias) stands
as whole words in the fact's wording or in one of its cited passages; the
comparison ignores case and accents (``nlp.text.plain``). The page's script
reads the result as JSON and shows only those facts when a pill is pressed.
"""
from __future__ import annotations

import re

from ..model import Brief
from ..nlp.text import plain


def entity_facts(brief: Brief) -> dict[str, list[str]]:
    """Entity name -> ids of the facts that mention it (brief order); entities no fact mentions are left out."""
    texts = {a.id: a.text for a in brief.sources}
    fact_texts = {
        fact.id: plain(" ".join([fact.text] + [texts.get(ev.source, "")[ev.start : ev.end] for ev in fact.support]))
        for fact in brief.facts
    }
    found: dict[str, list[str]] = {}
    for entity in brief.entities:
        forms = {plain(form).strip() for form in [entity.name, *entity.aliases]} - {""}
        if not forms:
            continue
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
                             + r")(?!\w)")
        ids = [fact_id for fact_id, text in fact_texts.items() if pattern.search(text)]
        if ids:
            found[entity.name] = ids
    return found
