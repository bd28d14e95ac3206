"""views: the questions an editor asks of a fact matrix, answered as subsets and orders of its facts.

"What does every outlet carry?", "what does only one outlet have?", "what did outlet X leave out
that most others carry?", "where do the figures disagree?". Each answer is a selection of the
matrix's facts (never a new fact), so every output format renders a view exactly as it renders the
whole matrix. The per-outlet summary counts the same categories for every article at once.

Nothing here prints or formats: `render` draws the results, `cli` parses the options.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from compare.errors import CompareError
from compare.model import Article, Fact, MatrixResult

Only = Literal["shared", "exclusive", "omitted", "conflict"]
SortKey = Literal["coverage", "first"]

ONLY_CHOICES: tuple[Only, ...] = ("shared", "exclusive", "omitted", "conflict")
SORT_CHOICES: tuple[SortKey, ...] = ("coverage", "first")
# The same, looked up by the name an option gave (typed, for the callers that parse options).
ONLY_BY_NAME: dict[str, Only] = {name: name for name in ONLY_CHOICES}
SORT_BY_NAME: dict[str, SortKey] = {name: name for name in SORT_CHOICES}

# What each --only choice keeps, in the words the help and the reports use.
ONLY_MEANING: dict[Only, str] = {
    "shared": "facts every article carries",
    "exclusive": "facts only one article carries",
    "omitted": "facts most articles carry and at least one leaves out",
    "conflict": "facts where an article gives a different figure",
}


def carried(fact: Fact) -> int:
    """How many articles carry the fact in any form (stated, touched or with another figure)."""
    return len(fact.present)


def is_shared(fact: Fact, total: int) -> bool:
    """Every article carries it (with one article, nothing is shared: there is no comparison)."""
    return total > 1 and carried(fact) == total


def is_exclusive(fact: Fact, total: int) -> bool:
    """Exactly one of several articles carries it."""
    return total > 1 and carried(fact) == 1


def is_majority(fact: Fact, total: int) -> bool:
    """More than half of the articles carry it: leaving it out is a choice worth a look."""
    return 2 * carried(fact) > total


def is_omitted(fact: Fact, total: int) -> bool:
    """Most articles carry it and at least one does not."""
    return is_majority(fact, total) and carried(fact) < total


def has_conflict(fact: Fact) -> bool:
    return any(cell.status == "conflict" for _, cell in fact.coverage)


def _column_letter_index(name: str) -> int | None:
    """'A' -> 0, 'B' -> 1 ... 'AA' -> 26: the column's place in the table, which users of
    spreadsheets name by letter."""
    if not name or len(name) > 2 or not name.isalpha() or not name.isupper():
        return None
    index = 0
    for ch in name:
        index = index * 26 + (ord(ch) - ord("A") + 1)
    return index - 1


def find_outlet(articles: Sequence[Article], name: str) -> Article:
    """The article `--outlet NAME` means: its column header, its column letter (A, B ...), its id,
    its outlet or label,
    exactly (ignoring case), else the one article whose id, outlet or title contains NAME (of at
    least MIN_PARTIAL_CHARS characters).
    An unknown or ambiguous name is an error that lists what would have worked."""
    from compare.render import column_keys  # the keys the table shows; render imports nothing of ours

    wanted = name.strip().casefold()
    keys = column_keys(tuple(articles))
    for key, article in zip(keys, articles, strict=True):
        if name.strip() == key:
            return article
    position = _column_letter_index(name.strip())
    if position is not None and position < len(articles):
        return articles[position]
    exact = [
        a for a in articles if wanted in {a.id.casefold(), a.label.casefold(), (a.outlet or "").casefold()}
    ]
    if len(exact) == 1:
        return exact[0]
    partial = exact or [
        a
        for a in articles
        if len(wanted) >= MIN_PARTIAL_CHARS
        and any(wanted in (text or "").casefold() for text in (a.id, a.outlet, a.title))
    ]
    if len(partial) == 1:
        return partial[0]
    if not partial:
        known = ", ".join(f"{k} ({a.label})" for k, a in zip(keys, articles, strict=True))
        if len(known) > MAX_CHOICES_SHOWN:
            known = known[:MAX_CHOICES_SHOWN] + " …"
        raise CompareError("--outlet", f"no article matches {name!r}; the articles are {known}")
    names = ", ".join(a.label for a in partial[:MAX_AMBIGUOUS_SHOWN])
    raise CompareError(
        "--outlet", f"{name!r} matches {len(partial)} articles ({names}); give more of the name"
    )


# A name shorter than this matches a header, letter, id or outlet exactly, never as a piece of a
# title: "Z" (a mistyped column letter) must not pick the one headline with a "z" in it. Three
# letters is the shortest outlet abbreviation in common use (AFP, BBC, CNN).
MIN_PARTIAL_CHARS = 3

# The error for an unknown --outlet lists the articles up to this many characters (one terminal
# line and a half), and an ambiguous one names this many matches: enough to correct a typo.
MAX_CHOICES_SHOWN = 120
MAX_AMBIGUOUS_SHOWN = 5


def select_facts(
    result: MatrixResult,
    *,
    only: Only | None = None,
    outlet: Article | None = None,
    kinds: Sequence[str] = (),
) -> tuple[Fact, ...]:
    """The facts one view shows, in the matrix's order.

    With an outlet, the categories are seen from that outlet: `exclusive` is what only it carries,
    `omitted` what most others carry and it leaves out, `conflict` where its figure differs,
    `shared` what it shares with every other article; with no `only`, its exclusives and its
    omissions together (the two questions asked of one outlet first)."""
    total = len(result.articles)
    kept = [f for f in result.facts if not kinds or f.kind in kinds]
    if outlet is None:
        tests: dict[str, Callable[[Fact], bool]] = {
            "shared": lambda f: is_shared(f, total),
            "exclusive": lambda f: is_exclusive(f, total),
            "omitted": lambda f: is_omitted(f, total),
            "conflict": has_conflict,
        }
        return tuple(f for f in kept if only is None or tests[only](f))
    aid = outlet.id

    def exclusive(f: Fact) -> bool:
        return is_exclusive(f, total) and f.present == (aid,)

    def omitted(f: Fact) -> bool:
        return is_omitted(f, total) and f.cell(aid).status == "absent"

    outlet_tests: dict[str, Callable[[Fact], bool]] = {
        "shared": lambda f: is_shared(f, total),
        "exclusive": exclusive,
        "omitted": omitted,
        "conflict": lambda f: f.cell(aid).status == "conflict",
    }
    if only is None:
        return tuple(f for f in kept if exclusive(f) or omitted(f))
    return tuple(f for f in kept if outlet_tests[only](f))


def first_paragraph(fact: Fact) -> int:
    """How early the fact comes in the article that has it earliest (a paragraph index)."""
    paragraphs = [cell.paragraph for _, cell in fact.coverage if cell.paragraph is not None]
    return min(paragraphs, default=NOT_PLACED)


# Facts without a paragraph (none today: every carried cell names one) sort after all others.
NOT_PLACED = 1 << 30


def sort_facts(facts: Sequence[Fact], key: SortKey | None) -> tuple[Fact, ...]:
    """`coverage`: most-carried first; `first`: the facts stories put earliest first (the lead,
    then the body). Ties keep the matrix's order, so the result is deterministic."""
    if key is None:
        return tuple(facts)
    if key == "coverage":
        return tuple(sorted(facts, key=lambda f: -carried(f)))
    return tuple(sorted(facts, key=first_paragraph))


# Within a filtered view, facts that can be checked come first: figures, then dates, then quotes
# with their speaker, then plain statements, names last. An editor scanning "what only X has"
# looks for the hard facts first (general newsroom practice, not fitted to any event).
KIND_RANK = {"money": 0, "quantity": 1, "date": 2, "quote": 3, "claim": 4, "event": 5, "entity": 6}


def view_order(facts: Sequence[Fact], total: int) -> tuple[Fact, ...]:
    """The default order of a filtered view: by how many articles carry the fact (as the whole
    matrix), then by KIND_RANK, then the matrix's own order."""
    return tuple(sorted(facts, key=lambda f: (-carried(f), KIND_RANK.get(f.kind, len(KIND_RANK)))))


def apply_view(
    result: MatrixResult,
    *,
    only: Only | None = None,
    outlet: Article | None = None,
    kinds: Sequence[str] = (),
    sort: SortKey | None = None,
) -> MatrixResult:
    """The matrix with only the facts a view keeps, in the view's order (articles and groups
    untouched, so the JSON stays a valid `compare.matrix/1` document)."""
    if only is None and outlet is None and not kinds and sort is None:
        return result
    facts = select_facts(result, only=only, outlet=outlet, kinds=kinds)
    if sort is None and (only is not None or outlet is not None):
        return replace(result, facts=view_order(facts, len(result.articles)))
    return replace(result, facts=sort_facts(facts, sort))


@dataclass(frozen=True)
class OutletSummary:
    """One article's line of the per-outlet summary."""

    article: str  # article id
    label: str
    carried: int  # facts it carries in any form
    stated: int  # ... of which stated in full
    exclusives: int  # facts no other article carries
    omissions: int  # facts most articles carry that it leaves out
    conflicts: int  # facts where it gives a different figure
    majority: int  # how many facts most articles carry (what `omissions` is out of)


def outlet_summaries(result: MatrixResult) -> tuple[OutletSummary, ...]:
    """The per-outlet summary over the whole matrix, one entry per article in column order.
    One pass over the cells (facts x articles), so it stays cheap for thousands of articles."""
    total = len(result.articles)
    counts = {
        a.id: {"carried": 0, "stated": 0, "exclusives": 0, "omissions": 0, "conflicts": 0}
        for a in result.articles
    }
    majority = 0
    for fact in result.facts:
        present = [aid for aid, cell in fact.coverage if cell.status != "absent"]
        for aid, cell in fact.coverage:
            line = counts.get(aid)
            if line is None:
                continue
            line["carried"] += cell.status != "absent"
            line["stated"] += cell.status == "stated"
            line["conflicts"] += cell.status == "conflict"
        if total > 1 and len(present) == 1 and present[0] in counts:
            counts[present[0]]["exclusives"] += 1
        if 2 * len(present) > total:
            majority += 1
            for aid, cell in fact.coverage:
                if cell.status == "absent" and aid in counts:
                    counts[aid]["omissions"] += 1
            # articles missing from the coverage leave the fact out too
            for aid in counts.keys() - {aid for aid, _ in fact.coverage}:
                counts[aid]["omissions"] += 1
    return tuple(
        OutletSummary(article=a.id, label=a.label, majority=majority, **counts[a.id]) for a in result.articles
    )


def describe_view(
    *, only: Only | None, outlet: Article | None, kinds: Sequence[str], shown: int, total: int
) -> str | None:
    """One line saying what a filtered view shows ("12 of 75 facts: ..."), None for the whole matrix."""
    if only is None and outlet is None and not kinds:
        return None
    parts = []
    if outlet is not None:
        if only is None:
            parts.append(f"what only {outlet.label} carries, and what it leaves out that most others carry")
        else:
            parts.append(f"{ONLY_MEANING[only]}, seen from {outlet.label}")
    elif only is not None:
        parts.append(ONLY_MEANING[only])
    if kinds:
        parts.append("kind " + " or ".join(kinds))
    return f"{shown} of {total} facts: " + "; ".join(parts)
