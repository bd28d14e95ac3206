"""align: which paragraphs of different articles report the same thing.

Paragraphs are aligned from the facts they share and the claim links (`compare.facts.Linked`):
two paragraphs pair when a fact is stated in both, or when one of their claims is linked to one of
the other's (a link the scorer kept, at least PARTIAL_SHARE of its decision threshold). Each
paragraph keeps at most MAX_PARTNERS partners per other article, so one paragraph can match two
(a split paragraph) and unrelated ones stay alone rather than pairing with their least-bad
neighbour. Ties break by how alike the whole paragraphs are, then by their place in the story,
then by paragraph index, never by file name.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence

from compare.facts import Linked
from compare.model import Article, Fact, Group, Pair
from compare.text import Weights, content_terms, name_stems, overlap_score

# Two paragraphs whose best claim link reaches this share of the scorer's decision threshold are
# aligned: alignment asks "do these paragraphs report the same event?", a weaker question than
# "do these claims state the same fact?" (the same share that makes a cell partial).
ALIGN_SHARE = 0.8
# A paragraph pairs with at most this many paragraphs of any one other article: a paragraph split
# in two by another outlet is common, split in three is rare and usually a sign of drift.
MAX_PARTNERS = 2
# A second partner must score at least this share of the best one.
SECOND_PARTNER_SHARE = 0.6


# A fact stated in both paragraphs links them at least this strongly: sharing a fact row (the
# same figure, or statements joined by the fact builder) is the best evidence of reporting the
# same thing, even when the wording scores low.
FACT_LINK = 0.5
# ... plus this much for every further fact the two paragraphs share ...
FACT_STEP = 0.1
# ... plus this share of their best wording score, so that ties break towards the closer text.
TIE_SHARE = 0.2


def paragraph_links(
    linked: Linked, a: Article, b: Article, facts: Sequence[Fact] = ()
) -> dict[tuple[int, int], float]:
    """Best claim link between each pair of paragraphs of a and b (0 when none), raised to
    FACT_LINK where a fact is stated in both."""
    links: dict[tuple[int, int], float] = {}
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for fact in facts:
        ca, cb = fact.cell(a.id), fact.cell(b.id)
        if (
            ca.status == "stated"
            and cb.status == "stated"
            and ca.paragraph is not None
            and cb.paragraph is not None
        ):
            shared[(ca.paragraph, cb.paragraph)] += 1
    claims = linked.claims
    for (i, j), score in linked.links.items():
        x, y = claims[i], claims[j]
        if x.article == b.id and y.article == a.id:
            x, y = y, x
        if x.article != a.id or y.article != b.id:
            continue
        key = (x.paragraph, y.paragraph)
        if score > links.get(key, 0.0):
            links[key] = score
    for key, n in shared.items():
        # Each further shared fact adds FACT_STEP; the wording score breaks ties.
        boost = FACT_LINK + FACT_STEP * (n - 1) + TIE_SHARE * links.get(key, 0.0)
        links[key] = min(1.0, max(links.get(key, 0.0), boost))
    # Ties (several paragraphs sharing one identical sentence all score 1.0) break towards the
    # pair whose whole paragraphs are most alike, then towards the same place in the story.
    if links:
        weights = Weights(content_terms(p.text) for p in (*a.paragraphs, *b.paragraphs))
        bags_a = {p.index: weights.vector(content_terms(p.text), name_stems(p.text)) for p in a.paragraphs}
        bags_b = {p.index: weights.vector(content_terms(p.text), name_stems(p.text)) for p in b.paragraphs}
        na, nb = max(len(a.paragraphs), 1), max(len(b.paragraphs), 1)
        for pa, pb in list(links):
            alike = overlap_score(bags_a[pa], bags_b[pb])
            placed = 1.0 - abs(pa / na - pb / nb)
            links[(pa, pb)] += TIE_SHARE * TIE_SHARE * (alike + TIE_SHARE * placed)
    return links


def _select(links: dict[tuple[int, int], float], threshold: float) -> list[tuple[int, int, float]]:
    """Keep links above threshold that both ends rank among their MAX_PARTNERS best and that at
    least one end ranks first: a paragraph split in two keeps both halves (each half's best is
    the whole), while three paragraphs repeating one sentence do not cross-pair (each one's
    best is its own counterpart)."""
    best_a: dict[int, list[tuple[float, int]]] = defaultdict(list)
    best_b: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for (pa, pb), s in links.items():
        if s >= threshold:
            best_a[pa].append((s, pb))
            best_b[pb].append((s, pa))

    def allowed(ranked: list[tuple[float, int]]) -> list[int]:
        ranked.sort(key=lambda t: (-t[0], t[1]))
        top = ranked[0][0]
        return [o for s, o in ranked[:MAX_PARTNERS] if s >= SECOND_PARTNER_SHARE * top]

    ok_a = {pa: allowed(v) for pa, v in best_a.items()}
    ok_b = {pb: allowed(v) for pb, v in best_b.items()}
    kept = []
    for (pa, pb), s in links.items():
        if s < threshold or pb not in ok_a.get(pa, ()) or pa not in ok_b.get(pb, ()):
            continue
        if ok_a[pa][0] == pb or ok_b[pb][0] == pa:
            kept.append((pa, pb, s))
    return sorted(kept)


def align_pair(
    linked: Linked,
    a: Article,
    b: Article,
    facts: Sequence[Fact] = (),
) -> tuple[tuple[Pair, ...], tuple[int, ...], tuple[int, ...]]:
    """Many-to-many paragraph alignment of two articles: pairs, then what only a / only b has."""
    kept = _select(paragraph_links(linked, a, b, facts), ALIGN_SHARE * linked.threshold)
    # Connected components of the kept links: {a paragraphs} <-> {b paragraphs}.
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for pa, pb, _ in kept:
        ra, rb = find(("a", pa)), find(("b", pb))
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    components: dict[tuple[str, int], tuple[set[int], set[int], float]] = {}
    for pa, pb, s in kept:
        root = find(("a", pa))
        sa, sb, best = components.get(root, (set(), set(), 0.0))
        sa.add(pa)
        sb.add(pb)
        components[root] = (sa, sb, max(best, s))
    pairs = sorted(
        (
            Pair(tuple(sorted(sa)), tuple(sorted(sb)), round(min(best, 1.0), 2))
            for sa, sb, best in components.values()
        ),
        key=lambda p: (p.a[0], p.b[0]),
    )
    used_a = {i for p in pairs for i in p.a}
    used_b = {i for p in pairs for i in p.b}
    only_a = tuple(p.index for p in a.paragraphs if p.index not in used_a)
    only_b = tuple(p.index for p in b.paragraphs if p.index not in used_b)
    return tuple(pairs), only_a, only_b


# A group may hold at most this many paragraphs of one article: a bound that stops one paragraph
# from pulling the whole story into a single group through a chain of links.
MAX_GROUP_PER_ARTICLE = 3


def group_paragraphs(
    linked: Linked,
    articles: Sequence[Article],
    facts: Sequence[Fact] = (),
) -> tuple[Group, ...]:
    """Multi-way form of the alignment: paragraphs of different articles that report the same
    thing. Paragraphs that state one fact are joined, figures first (the strongest evidence),
    then statements shared by most articles, then paragraphs whose claims are linked, strongest
    link first; a join that would put more than MAX_GROUP_PER_ARTICLE paragraphs of one article
    in a group is skipped. Ties are broken by content (the claims' hashes), never by file
    names. Linear in the number of cells and links: no pair of articles is enumerated."""
    order = {"money": 0, "quantity": 0, "date": 1, "quote": 2, "claim": 2, "event": 2, "entity": 3}
    text_key = {
        (a.id, p.index): hashlib.sha1(p.text.encode("utf-8")).hexdigest()
        for a in articles
        for p in a.paragraphs
    }
    ranked = sorted(
        facts,
        key=lambda f: (
            order.get(f.kind, 3),
            -len(f.present),
            f.label,
            sorted(
                text_key.get((aid, c.paragraph or 0), "") for aid, c in f.coverage if c.status == "stated"
            ),
        ),
    )
    parent: dict[tuple[str, int], tuple[str, int]] = {}
    counts: dict[tuple[str, int], dict[str, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        if x not in parent:
            parent[x] = x
            counts[x] = {x[0]: 1}
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    chains: list[list[tuple[str, int]]] = []
    for fact in ranked:
        cells = [
            (aid, c.paragraph) for aid, c in fact.coverage if c.status == "stated" and c.paragraph is not None
        ]
        chains.append(sorted(cells, key=lambda cell: text_key.get(cell, "")))
    claims = linked.claims
    for _score, i, j in sorted(
        ((s, i, j) for (i, j), s in linked.links.items()),
        key=lambda t: (-t[0], *sorted((claims[t[1]].key, claims[t[2]].key))),
    ):
        chains.append([(claims[i].article, claims[i].paragraph), (claims[j].article, claims[j].paragraph)])
    for cells in chains:
        if len(cells) < 2:
            continue
        anchor = find(cells[0])
        for cell in cells[1:]:
            other = find(cell)
            anchor = find(anchor)
            if other == anchor or cell[0] == cells[0][0]:
                continue
            merged = dict(counts[anchor])
            for aid, n in counts[other].items():
                merged[aid] = merged.get(aid, 0) + n
            if max(merged.values()) > MAX_GROUP_PER_ARTICLE:
                continue
            root, child = min(anchor, other), max(anchor, other)
            parent[child] = root
            counts[root] = merged
            del counts[child]
            anchor = root
    members: dict[tuple[str, int], list[tuple[str, int]]] = defaultdict(list)
    for node in parent:
        members[find(node)].append(node)
    groups = sorted(sorted(m) for m in members.values() if len({a for a, _ in m}) > 1)
    return tuple(Group(f"g{i + 1}", tuple(g)) for i, g in enumerate(groups))
