"""What reading produces, shared by every reader (kept apart so readers need not import the package)."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Article


@dataclass
class ReadResult:
    """What reading produced: the articles, and one line per problem met."""

    articles: list[Article] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
