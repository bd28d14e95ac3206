"""explain: one fact of the matrix, outlet by outlet, with the reason each sentence was linked.

`compare explain DIR FACT` answers "why is this a tick?": for every article, its cell's status, the
evidence sentence and the paragraph it sits in, and, for each carried cell, what the link scorer
says about that sentence next to the fact's anchor sentence (the first full statement of the fact):
its score, whether it counts as the same statement, and the features behind the score.

The link scorer (`compare.link.explain_pair`) is looked up when asked for; where it is missing the
explanation still has everything else and says the scores are unavailable.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from compare.errors import CompareError
from compare.model import Article, Fact, MatrixResult, Status

# Called as link(anchor_sentence, other_sentence) -> an object with score, same, features and
# contributions (compare.link.explain_pair's result).
LinkExplainer = Callable[[str, str], Any]


@dataclass(frozen=True)
class LinkReason:
    """Why one sentence was linked to the anchor: the scorer's verdict and its parts."""

    score: float
    same: bool
    features: Mapping[str, float]
    contributions: Mapping[str, float]


@dataclass(frozen=True)
class OutletEvidence:
    """One article's answer for the fact, with its context."""

    article: str
    label: str
    status: Status
    evidence: str | None
    paragraph: int | None
    paragraph_text: str | None
    anchor: bool  # this is the sentence the others are compared with
    link: LinkReason | None


@dataclass(frozen=True)
class Explanation:
    """A fact and every article's evidence for it; `scorer` says whether link reasons are known."""

    fact: Fact
    outlets: tuple[OutletEvidence, ...]
    scorer: bool


def find_fact(result: MatrixResult, wanted: str) -> Fact:
    """The fact an id names ("f37"), else the one fact whose label contains the words given."""
    for fact in result.facts:
        if fact.id == wanted:
            return fact
    needle = " ".join(wanted.casefold().split())
    hits = [f for f in result.facts if needle and needle in " ".join(f.label.casefold().split())]
    if len(hits) == 1:
        return hits[0]
    if not hits:
        raise CompareError(wanted, "no fact with this id or label (see the fact column of compare matrix)")
    shown = ", ".join(f.id for f in hits[:MAX_HITS_SHOWN])
    raise CompareError(wanted, f"matches {len(hits)} facts ({shown}); give the fact id")


# An ambiguous label names this many of the facts it matches: enough to pick one.
MAX_HITS_SHOWN = 8


def default_link_explainer(model: Any = None) -> LinkExplainer | None:
    """compare.link.explain_pair bound to the model, or None where this build has no link scorer.

    Without a model it judges pairs at the matrix's joining threshold (the matrix joins facts with
    the lexical scorer, with or without `--model`); with one, at that model's own `same_claim`
    threshold."""
    try:
        from compare.link import explain_pair  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        return None

    from compare.claims import split_claims

    try:
        from compare.facts import fact_threshold

        joining: float | None = fact_threshold() if model is None else None
    except ImportError:  # a scorer plugged in without the fact builder: its own decision stands
        joining = None

    def link(a: str, b: str) -> Any:
        """The pair of clauses of the two sentences that the scorer finds closest (facts join
        clauses, not whole sentences), judged at the matrix's joining threshold."""
        pairs = [(x, y) for x in split_claims(a) for y in split_claims(b)]
        best = max((explain_pair(x, y, model=model) for x, y in pairs), key=lambda e: e.score)
        if joining is None:
            return best
        return replace(best, same=best.score >= joining, threshold=joining)

    return link


def explain(result: MatrixResult, wanted: str, *, link: LinkExplainer | None = None) -> Explanation:
    """Every article's evidence for one fact; with `link`, why each carried sentence was linked."""
    fact = find_fact(result, wanted)
    articles = {a.id: a for a in result.articles}
    anchor_id = next((aid for aid, c in fact.coverage if c.status == "stated"), None)
    anchor_id = anchor_id or next((aid for aid, c in fact.coverage if c.evidence), None)
    anchor_text = fact.cell(anchor_id).evidence if anchor_id else None
    outlets = []
    for aid, cell in fact.coverage:
        reason = None
        if link is not None and anchor_text and cell.evidence and aid != anchor_id:
            reason = _reason(link(anchor_text, cell.evidence))
        outlets.append(
            OutletEvidence(
                article=aid,
                label=articles[aid].label if aid in articles else aid,
                status=cell.status,
                evidence=cell.evidence,
                paragraph=cell.paragraph,
                paragraph_text=_paragraph(articles.get(aid), cell.paragraph),
                anchor=aid == anchor_id,
                link=reason,
            )
        )
    return Explanation(fact, tuple(outlets), link is not None)


def _paragraph(article: Article | None, index: int | None) -> str | None:
    if article is None or index is None:
        return None
    return next((p.text for p in article.paragraphs if p.index == index), None)


def _reason(raw: Any) -> LinkReason:
    """The scorer's result as plain numbers (it may carry numpy floats)."""
    return LinkReason(
        score=float(raw.score),
        same=bool(raw.same),
        features={str(k): float(v) for k, v in dict(raw.features).items()},
        contributions={str(k): float(v) for k, v in dict(raw.contributions).items()},
    )
