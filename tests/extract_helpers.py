"""Helpers shared by the tests of compare.extract: an Article made from paragraphs of text."""

from __future__ import annotations

from compare.model import Article
from compare.segment import make_paragraphs


def make_article(*paragraphs: str, published: str | None = "2025-03-13", article_id: str = "a") -> Article:
    """An article of these paragraphs (published on a Thursday unless told otherwise)."""
    return Article(
        id=article_id,
        path=f"{article_id}.txt",
        outlet=None,
        title=None,
        url=None,
        published=published,
        paragraphs=make_paragraphs(list(paragraphs)),
        dropped=(),
    )
