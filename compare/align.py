"""align: which paragraphs of different articles report the same thing.

Two sources of evidence link paragraphs:
- the facts they share and the claim links (`compare.facts.Linked`): two paragraphs pair when a
  fact is stated in both, or when one of their claims is linked to one of the other's (a link the
  scorer kept, at least PARTIAL_SHARE of its decision threshold). A person row is not such a fact:
  it marks where a name first appears, not something the two paragraphs report;
- the wording of the whole paragraphs (`text_links`): IDF-weighted overlap of their content
  terms, for paragraphs that report one event in words no single pair of clauses shares.
Each paragraph keeps at most MAX_PARTNERS partners per other article, so one paragraph can match
two (a split paragraph) and unrelated ones stay alone rather than pairing with their least-bad
neighbour. Ties break by how alike the whole paragraphs are, then by their place in the story,
then by paragraph index or content hash, never by file name.
"""

from __future__ import annotations

import bisect
import hashlib
import heapq
import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Any

from compare.facts import INDEX_TERMS, MIN_POSTINGS, SCAN_LIMIT, Linked
from compare.model import Article, Fact, Group, Pair
from compare.text import Weights, content_terms, mix, name_stems, overlap_score

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
    FACT_LINK where a fact other than a person row is stated in both."""
    links: dict[tuple[int, int], float] = {}
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for fact in facts:
        if fact.kind == "entity":  # where a person is first named: not a thing both report
            continue
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


Node = tuple[str, int]  # (article id, paragraph index)


def _select(links: dict[tuple[int, int], float], threshold: float) -> list[tuple[int, int, float]]:
    """The kept claim links of two articles (see _partners), ties broken by paragraph index."""
    nodes = {(("a", pa), ("b", pb)): s for (pa, pb), s in links.items()}
    kept = _partners(nodes, threshold, lambda node: (node[1],))
    return sorted((x[1], y[1], s) for (x, y), s in kept.items())


Ranking = dict[tuple[Node, str], list[tuple[float, tuple[Any, ...], Node]]]


def _rank(
    links: dict[tuple[Node, Node], float], threshold: float, tie: Callable[[Node], tuple[Any, ...]]
) -> Ranking:
    """For each paragraph and other article, the paragraphs it may pair with there: its
    MAX_PARTNERS best links above threshold (equal scores ranked by `tie`), those scoring at
    least SECOND_PARTNER_SHARE of the best. Only the best few are held, so memory stays linear
    in the paragraphs whatever the number of links."""
    top: Ranking = {}
    for (x, y), s in links.items():
        if s < threshold:
            continue
        for me, other in ((x, y), (y, x)):
            entry = (-s, tie(other), other)
            found = top.get((me, other[0]))
            if found is None:
                top[(me, other[0])] = [entry]
            elif len(found) < MAX_PARTNERS or entry < found[-1]:
                bisect.insort(found, entry)
                del found[MAX_PARTNERS:]
    for found in top.values():
        floor = SECOND_PARTNER_SHARE * -found[0][0]
        found[:] = [e for e in found if -e[0] >= floor]
    return top


def _partners(
    links: dict[tuple[Node, Node], float],
    threshold: float,
    tie: Callable[[Node], tuple[Any, ...]],
    split: bool = False,
    ranking: Ranking | None = None,
) -> dict[tuple[Node, Node], float]:
    """Keep links above threshold that both ends rank among their MAX_PARTNERS best in the other
    article and that at least one end ranks first: a paragraph split in two keeps both halves
    (each half's best is the whole), while three paragraphs repeating one sentence do not
    cross-pair (each one's best is its own counterpart). Equal scores rank by `tie`. With
    `split`, a second choice is kept only where it is a split paragraph (the end that ranks it
    second has a first choice that ranks it first in return: the other half)."""
    top = _rank(links, threshold, tie) if ranking is None else ranking

    def first(me: Node, article: str) -> Node:
        return top[(me, article)][0][2]

    kept = {}
    for (x, y), s in links.items():
        if s < threshold:
            continue
        of_x, of_y = top[(x, y[0])], top[(y, x[0])]
        if not any(e[2] == y for e in of_x) or not any(e[2] == x for e in of_y):
            continue
        x_first, y_first = of_x[0][2] == y, of_y[0][2] == x
        if not (x_first or y_first):
            continue
        if split and not (x_first and y_first):
            whole, half = (x, y) if not x_first else (y, x)
            if first(first(whole, half[0]), whole[0]) != whole:
                continue
        kept[(x, y)] = s
    return kept


# --- links from the wording of whole paragraphs ------------------------------------------------

# Two paragraphs of different articles are linked by their wording when the IDF-weighted overlap
# of their content terms (compare.text.overlap_score, IDF over the paragraphs being compared)
# reaches this and _partners keeps the pair: a second source beside the claim links, for
# paragraphs that report one event in words no single pair of clauses shares ("The minister was in
# the capital to chair a meeting of EU farm ministers" / "Ahead of the farm ministers'
# meeting in Lisbon ..."). Fitted by scripts/fit_align.py on the paragraph pairs of
# the four visible gold events, validated leaving one event out (docs/how-it-works.md).
TEXT_LINK = 0.12
# Candidate paragraphs come from an inverted index over each paragraph's rarest terms, with the
# bounds claim candidates use (compare.facts: INDEX_TERMS terms a paragraph, terms in more than
# max(MIN_POSTINGS, articles) paragraphs not indexed, postings sampled past SCAN_LIMIT) ...
# ... and each paragraph is scored against at most this many candidates, those sharing the most
# informative terms (a bound on work and memory, not a fitted value): a paragraph reports one or
# two things and keeps at most MAX_PARTNERS partners an article. text_links alone on bench/run.py's
# 1,000-article cluster: the claims' bound (MAX_CANDIDATES, 30) cost 2.7 s and 210 MB, this one
# 1.3 s and 83 MB, with the same aligned pairs on the four gold events.
TEXT_CANDIDATES = 10


def _text_key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class _Bag:
    """A paragraph's IDF-weighted terms with their norm and total, computed once."""

    weights: dict[str, float]
    norm: float
    total: float


def _bag(weights: dict[str, float]) -> _Bag:
    return _Bag(weights, math.sqrt(math.fsum(v * v for v in weights.values())), math.fsum(weights.values()))


def _overlap(a: _Bag, b: _Bag) -> float:
    """compare.text.overlap_score of two bags, with their norms and totals computed once per
    paragraph rather than per pair, and exact sums (the same score whatever the hash seed)."""
    if len(a.weights) > len(b.weights):
        a, b = b, a
    other = b.weights
    shared = [k for k in a.weights if k in other]
    if not shared:
        return 0.0
    mine = a.weights
    cosine = math.fsum(mine[k] * other[k] for k in shared) / (a.norm * b.norm)
    containment = math.fsum(mine[k] for k in shared) / min(a.total, b.total)
    return mix(cosine, containment)


def paragraph_similarities(articles: Sequence[Article]) -> dict[tuple[Node, Node], float]:
    """IDF-weighted overlap of the whole wording of paragraphs of different articles, for the
    pairs found through the inverted index (never all pairs). Keys are (lower node, higher
    node); IDF is over every paragraph given, so the words the whole story uses count little."""
    nodes: list[Node] = []
    texts: list[str] = []
    for article in articles:
        for p in article.paragraphs:
            nodes.append((article.id, p.index))
            texts.append(p.text)
    if len({a for a, _ in nodes}) < 2:
        return {}
    terms_of = {t: content_terms(t) for t in dict.fromkeys(texts)}
    weights = Weights(terms_of[t] for t in texts)
    bags = {t: _bag(weights.vector(ts, name_stems(t))) for t, ts in terms_of.items()}
    hashes = {t: _text_key(t) for t in terms_of}
    order = sorted(range(len(nodes)), key=lambda i: (hashes[texts[i]], nodes[i][1], nodes[i][0]))
    rank = {i: r for r, i in enumerate(order)}
    postings: dict[str, list[int]] = defaultdict(list)
    for i in order:
        for term in set(terms_of[texts[i]]):
            postings[term].append(i)
    limit = max(MIN_POSTINGS, len({a for a, _ in nodes}))
    article_of = [aid for aid, _ in nodes]
    scores: dict[tuple[Node, Node], float] = {}
    by_texts: dict[tuple[str, str], float] = {}  # copies of one paragraph are scored once
    ranked_for: dict[str, list[tuple[float, int, int]]] = {}  # text -> candidates, best first
    for i in order:
        text = texts[i]
        ranked = ranked_for.get(text)
        if ranked is None:
            # The scan depends on the words only: done once per distinct text (wire copy).
            own = sorted(
                (t for t in set(terms_of[text]) if 1 < len(postings[t]) <= limit),
                key=lambda t: (len(postings[t]), t),
            )
            weight: dict[int, float] = defaultdict(float)
            for term in own[:INDEX_TERMS]:
                found = postings[term]
                informative = 1.0 / len(found)
                step = -(-len(found) // SCAN_LIMIT)
                for j in found[rank[i] % step :: step]:
                    weight[j] += informative
            ranked = ranked_for[text] = sorted((-w, rank[j], j) for j, w in weight.items())
        mine = article_of[i]
        taken = 0
        for _, _, j in ranked:
            if article_of[j] == mine:
                continue
            taken += 1
            if taken > TEXT_CANDIDATES:
                break
            x, y = (nodes[i], nodes[j]) if nodes[i] < nodes[j] else (nodes[j], nodes[i])
            if (x, y) not in scores:
                ti, tj = sorted((text, texts[j]))
                found_score = by_texts.get((ti, tj))
                if found_score is None:
                    found_score = by_texts[(ti, tj)] = _overlap(bags[ti], bags[tj])
                scores[(x, y)] = found_score
    return scores


def text_links(
    articles: Sequence[Article], confirmed: Collection[tuple[Node, Node]] = ()
) -> dict[tuple[Node, Node], float]:
    """Paragraph pairs linked by their wording: at least TEXT_LINK, each among the other's
    closest in its article, one of them the other's closest, and a second choice only where it
    is a split paragraph (see _partners) or where a claim link confirms it (`confirmed`, pairs of
    nodes in sorted order): two sources agreeing. Ties break by content, never by file name."""
    keys = {(a.id, p.index): (_text_key(p.text), p.index) for a in articles for p in a.paragraphs}
    scores = paragraph_similarities(articles)
    ranking = _rank(scores, TEXT_LINK, keys.__getitem__)
    kept = _partners(scores, TEXT_LINK, keys.__getitem__, split=True, ranking=ranking)
    if confirmed:
        both = {pair: s for pair, s in scores.items() if pair in confirmed and pair not in kept}
        kept.update(_partners(both, TEXT_LINK, keys.__getitem__, ranking=ranking))
    return kept


def claim_paragraph_links(linked: Linked, threshold: float) -> set[tuple[Node, Node]]:
    """Pairs of paragraphs (nodes in sorted order) with a claim link of at least threshold."""
    claims = linked.claims
    out = set()
    for (i, j), score in linked.links.items():
        if score >= threshold:
            x, y = (claims[i].article, claims[i].paragraph), (claims[j].article, claims[j].paragraph)
            out.add((x, y) if x < y else (y, x))
    return out


def align_pair(
    linked: Linked,
    a: Article,
    b: Article,
    facts: Sequence[Fact] = (),
) -> tuple[tuple[Pair, ...], tuple[int, ...], tuple[int, ...]]:
    """Many-to-many paragraph alignment of two articles: pairs, then what only a / only b has.
    A pair is kept by its claim and fact links (_select) or by its wording (text_links): a
    wording link, closest first, fills a gap the claims leave or joins two paragraphs they pair
    elsewhere where a claim link agrees, and is skipped when it would put more than
    MAX_GROUP_PER_ARTICLE paragraphs of one article in a pair (the bound the matrix's groups
    have), so that chains through the two sources do not blur the alignment into large blocks."""
    kept = _select(paragraph_links(linked, a, b, facts), ALIGN_SHARE * linked.threshold)
    claimed = {(pa, pb) for pa, pb, _ in kept}
    confirmed = claim_paragraph_links(linked, ALIGN_SHARE * linked.threshold)
    worded = sorted(
        (-s, *((x[1], y[1]) if x[0] == a.id else (y[1], x[1])))
        for (x, y), s in text_links((a, b), confirmed).items()
    )
    # Connected components of the kept links: {a paragraphs} <-> {b paragraphs}.
    parent: dict[tuple[str, int], tuple[str, int]] = {}
    sides: dict[tuple[str, int], tuple[int, int]] = {}  # root -> (a paragraphs, b paragraphs)

    def find(x: tuple[str, int]) -> tuple[str, int]:
        if x not in parent:
            parent[x] = x
            sides[x] = (1, 0) if x[0] == "a" else (0, 1)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(pa: int, pb: int, bound: int | None) -> bool:
        ra, rb = find(("a", pa)), find(("b", pb))
        if ra == rb:
            return True
        size = (sides[ra][0] + sides[rb][0], sides[ra][1] + sides[rb][1])
        if bound is not None and max(size) > bound:
            return False
        root, child = min(ra, rb), max(ra, rb)
        parent[child] = root
        sides[root] = size
        return True

    for pa, pb, _ in kept:
        join(pa, pb, None)
    paired = {("a", pa) for pa, _, _ in kept} | {("b", pb) for _, pb, _ in kept}
    for negative, pa, pb in worded:
        if (pa, pb) in claimed:
            continue
        # Wording fills the gaps the claims leave: it pairs a paragraph that has no partner yet,
        # and re-pairs two that have one only where a claim link agrees.
        gap = ("a", pa) not in paired or ("b", pb) not in paired
        x, y = (a.id, pa), (b.id, pb)
        agreed = ((x, y) if x < y else (y, x)) in confirmed
        if (gap or agreed) and join(pa, pb, MAX_GROUP_PER_ARTICLE):
            kept.append((pa, pb, -negative))
            paired |= {("a", pa), ("b", pb)}
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
    thing. First, paragraphs that state one fact are joined, figures first (the strongest
    evidence), then statements shared by most articles (not person rows: a name's first mention
    is not a report). Then these groups are joined by average linkage over the weaker evidence,
    claims linked as one statement and paragraphs linked by their wording (text_links): two
    groups merge only when most of their pairs of paragraphs are linked (_average_linkage), so
    that one link does not chain a paragraph into a group that reports something else. No join
    puts more than MAX_GROUP_PER_ARTICLE paragraphs of one article in a group. Ties are broken
    by content (the claims' and paragraphs' hashes), never by file names. The work follows the
    cells and links: no pair of articles is enumerated (the wording links come from an inverted
    index, see paragraph_similarities)."""
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
    parent: dict[Node, Node] = {}
    counts: dict[Node, dict[str, int]] = {}

    def find(x: Node) -> Node:
        if x not in parent:
            parent[x] = x
            counts[x] = {x[0]: 1}
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for fact in ranked:
        if fact.kind == "entity":  # a name's first mention: it chained every story's lead together
            continue
        cells = sorted(
            (
                (aid, c.paragraph)
                for aid, c in fact.coverage
                if c.status == "stated" and c.paragraph is not None
            ),
            key=lambda cell: text_key.get(cell, ""),
        )
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
    claims = linked.claims
    links: list[tuple[Node, Node]] = [
        ((claims[i].article, claims[i].paragraph), (claims[j].article, claims[j].paragraph))
        for _score, i, j in sorted(
            ((s, i, j) for (i, j), s in linked.links.items() if s >= linked.threshold),
            key=lambda t: (-t[0], *sorted((claims[t[1]].key, claims[t[2]].key))),
        )
    ]
    worded = text_links(articles, claim_paragraph_links(linked, linked.threshold))
    links += [
        (x, y)
        for _score, x, y in sorted(
            ((s, x, y) for (x, y), s in worded.items()),
            key=lambda t: (-t[0], *sorted((text_key[t[1]], text_key[t[2]]))),
        )
    ]
    for x, y in links:
        find(x), find(y)
    seeded: dict[Node, list[Node]] = defaultdict(list)
    for node in parent:
        seeded[find(node)].append(node)
    return _average_linkage(list(seeded.values()), links, text_key)


# Two groups merge when at least this share of their pairs of paragraphs (of different articles)
# are linked: average linkage with a majority, so that one link never drags a paragraph into a
# group whose other paragraphs report something else.
GROUP_LINKED_SHARE = 0.5


def _average_linkage(
    seeds: list[list[Node]], links: Sequence[tuple[Node, Node]], text_key: dict[Node, str]
) -> tuple[Group, ...]:
    """Agglomerative grouping (average linkage) of the seed groups: repeatedly merge the two
    groups with the largest share of linked pairs of paragraphs (pairs within one article are
    not counted), while that share is at least GROUP_LINKED_SHARE and no article would have more
    than MAX_GROUP_PER_ARTICLE paragraphs in the group. Only groups with a link between them are
    compared, so the work follows the links, not the square of the paragraphs. Ties break by the
    strongest link between the two groups (`links` is strongest first), then by content hashes,
    never by file names."""
    members: dict[int, list[Node]] = dict(enumerate(seeds))
    group_of = {node: g for g, nodes in members.items() for node in nodes}
    counts: dict[int, dict[str, int]] = {
        g: dict(Counter(aid for aid, _ in nodes)) for g, nodes in members.items()
    }
    first_key = {g: min(text_key[n] for n in nodes) for g, nodes in members.items()}
    # group -> neighbouring group -> (linked pairs between them, rank of the strongest of those links)
    between: dict[int, dict[int, tuple[int, int]]] = defaultdict(dict)
    seen: set[tuple[Node, Node]] = set()
    for rank, (x, y) in enumerate(links):
        pair = (x, y) if x < y else (y, x)
        a, b = group_of[x], group_of[y]
        if a == b or x[0] == y[0] or pair in seen:
            continue
        seen.add(pair)
        for u, v in ((a, b), (b, a)):
            n, best = between[u].get(v, (0, rank))
            between[u][v] = (n + 1, min(best, rank))

    def entry(a: int, b: int) -> tuple[float, int, str, str, int, int]:
        n, rank = between[a][b]
        small, large = sorted((counts[a], counts[b]), key=len)
        pairs = len(members[a]) * len(members[b]) - sum(k * large.get(aid, 0) for aid, k in small.items())
        low, high = sorted((first_key[a], first_key[b]))
        return (-n / max(1, pairs), rank, low, high, a, b)

    heap = [entry(a, b) for a in between for b in between[a] if a < b]
    heapq.heapify(heap)
    fresh = itertools.count(len(members))
    while heap:
        negative_share, _rank, _low, _high, a, b = heapq.heappop(heap)
        if a not in members or b not in members:
            continue  # one side has since been merged: its pairs were queued again under a new id
        if -negative_share < GROUP_LINKED_SHARE:
            break
        merged = dict(counts[a])
        for aid, k in counts[b].items():
            merged[aid] = merged.get(aid, 0) + k
        if max(merged.values()) > MAX_GROUP_PER_ARTICLE:
            continue
        new = next(fresh)  # a new id, so that the pairs queued for a and b are seen as stale
        members[new] = members.pop(a) + members.pop(b)
        counts[new] = merged
        del counts[a], counts[b]
        first_key[new] = min(first_key.pop(a), first_key.pop(b))
        joined: dict[int, tuple[int, int]] = {}
        for other, (n, rank) in [*between.pop(a).items(), *between.pop(b).items()]:
            if other not in (a, b):
                had, best = joined.get(other, (0, rank))
                joined[other] = (had + n, min(best, rank))
        between[new] = joined
        for other, got in joined.items():
            between[other].pop(a, None)
            between[other].pop(b, None)
            between[other][new] = got
            heapq.heappush(heap, entry(min(other, new), max(other, new)))
    groups = sorted(sorted(m) for m in members.values() if len({aid for aid, _ in m}) > 1)
    return tuple(Group(f"g{i + 1}", tuple(g)) for i, g in enumerate(groups))
