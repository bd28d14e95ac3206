"""pipeline: the steps in data-flow order, and the three jobs the commands run.

read -> clean -> segment -> extract (mentions) -> claims -> link -> facts -> align -> (render, in
the CLI).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from compare.align import align_pair, group_paragraphs
from compare.attribution import attribute, is_page_metadata
from compare.claims import article_claims
from compare.clean import clean
from compare.embed import Embedder
from compare.errors import CompareError
from compare.extract import ArticleMentions, extract_article
from compare.facts import Linked, build_facts, link_claims
from compare.limits import DEFAULT_MAX_BYTES
from compare.link import LinkScorer
from compare.model import Article, DiffResult, Fact, MatrixResult, Source
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
    cleaned = clean(source.text, title=source.title, not_title=is_page_metadata)
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


def find_facts(
    articles: Sequence[Article], *, progress: Progress = _quiet
) -> tuple[tuple[Fact, ...], Linked]:
    """Mentions, claims, claim links and facts of a set of articles (the middle of the pipeline,
    shared by matrix and diff).

    Facts are always joined by the lexical link scorer at its fitted joining threshold, with or
    without an embedding model: joined by the embedding model's scores (at their own fitted
    threshold, or blended with the lexical ones) the matrix was worse on the gold events, the
    seeds above all (docs/how-it-works.md, "facts"). The model serves paragraph alignment
    (`alignment_links`)."""
    mentions: list[ArticleMentions] = []
    for i, article in enumerate(articles):
        mentions.append(extract_article(article))
        progress("finding facts", i + 1, len(articles))
    claims = {am.article.id: article_claims(am.article, am) for am in mentions}
    progress("matching facts", 0, 1)
    return build_facts(articles, claims, mentions, LinkScorer())


def alignment_links(linked: Linked, embedder: Embedder | None) -> Linked:
    """The claim links paragraph alignment reads: the facts' own links, or with an embedding
    model the links it scores (kept at its own fitted joining threshold's floor). On the gold
    events the model's links found more of the aligned paragraph pairs (seeds 7 of 7 instead of
    6, central-bank 7 of 9 instead of 6) and none fewer (docs/how-it-works.md, "align")."""
    if embedder is None:
        return linked
    return link_claims(linked.claims, LinkScorer(embedder=embedder))


def matrix(
    articles: Sequence[Article], *, progress: Progress = _quiet, embedder: Embedder | None = None
) -> MatrixResult:
    """Facts by articles, and the multi-way paragraph groups."""
    facts, linked = find_facts(articles, progress=progress)
    groups = group_paragraphs(alignment_links(linked, embedder), articles, facts)
    progress("matching facts", 1, 1)
    return MatrixResult(tuple(articles), facts, groups)


def diff(a: Article, b: Article, *, embedder: Embedder | None = None) -> DiffResult:
    """Paragraph alignment of two articles, and the facts over the two."""
    if a.id == b.id:
        b = replace(b, id=b.id + "~2")
    a, b = with_reuses((a, b))
    facts, linked = find_facts((a, b))
    pairs, only_a, only_b = align_pair(alignment_links(linked, embedder), a, b, facts)
    return DiffResult(a, b, pairs, only_a, only_b, facts)
