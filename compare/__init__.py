"""compare: put news articles about the same event side by side.

The library is the pipeline the command line is a thin layer over::

    import compare
    articles = compare.load_articles(["seeds/"])
    result = compare.matrix(articles)        # facts x articles, paragraph groups
    pair = compare.diff(articles[0], articles[1])

Steps, one module each, in data-flow order: read, clean, segment, extract, align, cover, render.
"""

from compare.errors import CompareError
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

__all__ = [
    "Article",
    "Cell",
    "CheckResult",
    "CompareError",
    "DiffResult",
    "Fact",
    "Group",
    "MatrixResult",
    "Pair",
    "Paragraph",
    "Problem",
    "Sentence",
    "diff",
    "load_articles",
    "matrix",
]
__version__ = "0.1.0"
