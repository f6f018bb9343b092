"""StoryContext: what the stages of one fold read, built once by the pipeline.

Like spaCy's ``Doc`` carries every component's annotations, the context carries
the story through the stages: the articles (cleaned and dated), their
sentences, their spaCy parses, the sentence embedder and, once found, the
story's entities. Stages read it and *return* what they find; only the
pipeline writes into the context and into articles, and only the pipeline
numbers what ends in the brief (F1, K1, Q1).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .model import Article, Entity, Fact, Sentence, source_roots

if TYPE_CHECKING:  # typing only: the context never loads a model itself
    from .nlp.embed import Embedder


@dataclass
class StoryContext:
    """One story on its way through the stages."""

    articles: list[Article]
    sentences: dict[str, list[Sentence]] = field(default_factory=dict)  # by source id, in text order
    docs: dict[str, Any] = field(default_factory=dict)  # spaCy Doc over each source's whole text
    embedder: Embedder | None = None
    entities: list[Entity] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)  # the claim groups, once found: sentences saying the same thing

    def roots(self) -> dict[str, str]:
        """Source id -> the independent source it stands for (a copy -> its original)."""
        return source_roots(self.articles)

    def on_topic(self) -> list[Article]:
        """The articles about this story (relevance marks the others)."""
        return [article for article in self.articles if not article.off_topic]

    def article(self, source_id: str) -> Article:
        for article in self.articles:
            if article.id == source_id:
                return article
        raise KeyError(source_id)
