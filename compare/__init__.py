"""compare: put news articles about the same event side by side.

The library is the pipeline the command line is a thin layer over::

    import compare
    articles = compare.load_articles(["seeds/"])
    result = compare.matrix(articles)        # facts x articles, paragraph groups
    pair = compare.diff(articles[0], articles[1])
    score = compare.claim_score(sentence_a, sentence_b)  # the claim link scorer (docs/link.md)

Steps, one module each, in data-flow order: read, clean, segment, extract, align, cover, render.
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from compare.errors import CompareError
    from compare.link import (
        SAME_CLAIM_THRESHOLD,
        Explanation,
        LinkScorer,
        claim_score,
        claim_scores,
        claims_conflict,
        explain_pair,
        same_claim,
    )
    from compare.model import (
        Article,
        Cell,
        CheckResult,
        DiffResult,
        Fact,
        Group,
        MatrixResult,
        Pair,
        Paragraph,
        Problem,
        Sentence,
    )
    from compare.pipeline import diff, load_articles, matrix

# Names are imported on first use (PEP 562), so that `compare --help` does not pay for the
# whole pipeline (rapidfuzz, YAML, the extractors' tables) before printing a line.
_EXPORTS = {
    "CompareError": "compare.errors",
    "diff": "compare.pipeline",
    "load_articles": "compare.pipeline",
    "matrix": "compare.pipeline",
    **{
        name: "compare.link"
        for name in (
            "SAME_CLAIM_THRESHOLD",
            "Explanation",
            "LinkScorer",
            "claim_score",
            "claim_scores",
            "claims_conflict",
            "explain_pair",
            "same_claim",
        )
    },
    **{
        name: "compare.model"
        for name in (
            "Article",
            "Cell",
            "CheckResult",
            "DiffResult",
            "Fact",
            "Group",
            "MatrixResult",
            "Pair",
            "Paragraph",
            "Problem",
            "Sentence",
        )
    },
}


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        import importlib

        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'compare' has no attribute {name!r}")


__all__ = [
    "SAME_CLAIM_THRESHOLD",
    "Article",
    "Cell",
    "CheckResult",
    "CompareError",
    "DiffResult",
    "Explanation",
    "Fact",
    "Group",
    "LinkScorer",
    "MatrixResult",
    "Pair",
    "Paragraph",
    "Problem",
    "Sentence",
    "claim_score",
    "claim_scores",
    "claims_conflict",
    "diff",
    "explain_pair",
    "load_articles",
    "matrix",
    "same_claim",
]
__version__ = "0.1.0"
