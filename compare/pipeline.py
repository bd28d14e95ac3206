"""pipeline: the steps in data-flow order, and the three jobs the commands run.

read -> clean -> segment -> extract -> align -> cover -> (render, in the CLI).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from compare.align import align_pair, build_graph, group_paragraphs
from compare.clean import clean
from compare.cover import build_facts
from compare.errors import CompareError
from compare.extract import extract_article
from compare.model import Article, DiffResult, MatrixResult, Source
from compare.read import DEFAULT_MAX_BYTES, read_sources
from compare.segment import make_paragraphs


def build_article(source: Source) -> Article:
    """Clean and segment one source into an Article; an article with no story is an error."""
    cleaned = clean(source.text, title=source.title)
    if not cleaned.paragraphs:
        raise CompareError(source.path, "no story text found (only page furniture or headings)")
    return Article(
        id=source.id,
        path=source.path,
        outlet=source.outlet,
        title=cleaned.title or source.title,
        url=source.url,
        published=source.published or cleaned.published,
        paragraphs=make_paragraphs(list(cleaned.paragraphs)),
        dropped=cleaned.dropped,
    )


def load_articles(
    inputs: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[Article, ...]:
    """Read, clean and segment every article the paths name, in file-name order."""
    articles = [build_article(s) for s in read_sources(inputs, max_bytes=max_bytes)]
    _check_unique_ids(articles)
    return tuple(sorted(articles, key=lambda a: a.id))


def _check_unique_ids(articles: Sequence[Article]) -> None:
    seen: dict[str, str] = {}
    for article in articles:
        if article.id in seen:
            raise CompareError(
                article.path, f"same article id {article.id!r} as {seen[article.id]} (file stems must differ)"
            )
        seen[article.id] = article.path


def matrix(articles: Sequence[Article]) -> MatrixResult:
    """Facts by articles, and the multi-way paragraph groups."""
    graph = build_graph(articles)
    mentions = [extract_article(a) for a in articles]
    facts = build_facts(articles, graph, mentions)
    groups = group_paragraphs(graph, articles, facts)
    return MatrixResult(tuple(articles), facts, groups)


def diff(a: Article, b: Article) -> DiffResult:
    """Paragraph alignment of two articles, and the facts over the two."""
    if a.id == b.id:
        b = replace(b, id=b.id + "~2")
    graph = build_graph((a, b))
    facts = build_facts((a, b), graph, [extract_article(a), extract_article(b)])
    pairs, only_a, only_b = align_pair(graph, a, b, facts)
    return DiffResult(a, b, pairs, only_a, only_b, facts)
