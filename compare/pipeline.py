"""pipeline: the steps in data-flow order, and the three jobs the commands run.

read -> clean -> segment -> extract -> align -> cover -> (render, in the CLI).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from compare.align import align_pair, build_graph, group_paragraphs
from compare.attribution import attribute
from compare.clean import clean
from compare.cover import build_facts
from compare.embed import Embedder
from compare.errors import CompareError
from compare.extract import extract_article
from compare.limits import DEFAULT_MAX_BYTES
from compare.model import Article, DiffResult, MatrixResult, Source
from compare.read import read_sources
from compare.reuse import with_reuses
from compare.segment import make_paragraphs, split_lines

# Called as progress(step, done, total) while a long job runs; the CLI draws a progress bar
# from it, the library never prints.
Progress = Callable[[str, int, int], None]


def _quiet(step: str, done: int, total: int) -> None:
    """The default progress callback: says nothing."""


def build_article(source: Source) -> Article:
    """Clean and segment one source into an Article; an article with no story is an error."""
    cleaned = clean(source.text, title=source.title)
    if not cleaned.paragraphs:
        raise CompareError(source.path, "no story text found (only page furniture or headings)")
    credit = attribute(source, cleaned, [line.text for line in split_lines(source.text)])
    return Article(
        id=source.id,
        path=source.path,
        outlet=credit.outlet,
        title=cleaned.title or source.title,
        url=source.url,
        published=credit.published,
        paragraphs=make_paragraphs(list(cleaned.paragraphs)),
        dropped=cleaned.dropped,
        via=credit.via,
        byline=credit.byline,
        credits=credit.credits,
        outlet_source=credit.outlet_source,
    )


def load_articles(
    inputs: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES, progress: Progress = _quiet
) -> tuple[Article, ...]:
    """Read, clean and segment every article the paths name, in file-name order."""
    sources = read_sources(inputs, max_bytes=max_bytes)
    articles = []
    for i, source in enumerate(sources):
        articles.append(build_article(source))
        progress("reading", i + 1, len(sources))
    _check_unique_ids(articles)
    return with_reuses(sorted(articles, key=lambda a: a.id))


def _check_unique_ids(articles: Sequence[Article]) -> None:
    seen: dict[str, str] = {}
    for article in articles:
        if article.id in seen:
            raise CompareError(
                article.path, f"same article id {article.id!r} as {seen[article.id]} (file stems must differ)"
            )
        seen[article.id] = article.path


def matrix(
    articles: Sequence[Article], *, progress: Progress = _quiet, embedder: Embedder | None = None
) -> MatrixResult:
    """Facts by articles, and the multi-way paragraph groups."""
    mentions = []
    for i, article in enumerate(articles):
        mentions.append(extract_article(article))
        progress("finding facts", i + 1, len(articles))
    progress("linking sentences", 0, 1)
    graph = build_graph(articles, embedder=embedder)
    progress("matching facts", 0, 1)
    facts = build_facts(articles, graph, mentions)
    groups = group_paragraphs(graph, articles, facts)
    progress("matching facts", 1, 1)
    return MatrixResult(tuple(articles), facts, groups)


def diff(a: Article, b: Article, *, embedder: Embedder | None = None) -> DiffResult:
    """Paragraph alignment of two articles, and the facts over the two."""
    if a.id == b.id:
        b = replace(b, id=b.id + "~2")
    a, b = with_reuses((a, b))
    graph = build_graph((a, b), embedder=embedder)
    facts = build_facts((a, b), graph, [extract_article(a), extract_article(b)])
    pairs, only_a, only_b = align_pair(graph, a, b, facts)
    return DiffResult(a, b, pairs, only_a, only_b, facts)
