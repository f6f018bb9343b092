"""Sites: where the story's event happened, disputed between independent sources.

Stage contract: ``aligned_place_conflicts(ctx, known)`` (``claims``: one event
told alike by two sources, each at another site) and ``venue_conflicts(ctx,
known)`` (``venues``: the venue of the event the sources' titles share, told
in words of their own) each return ``Conflict(kind="place")`` with ``id=""``,
leaving out what a ``known`` conflict already holds. Street numbers are
``stages.places``' job.
"""
from __future__ import annotations

from .claims import aligned_place_conflicts
from .venues import venue_conflicts

__all__ = ["aligned_place_conflicts", "venue_conflicts"]
