"""align: which sentences and paragraphs of different articles say the same thing.

The idea: two sentences report the same thing when they share the words that are rare in the
story being compared ("irreversible", "Wiesbaden", "425") more than the words every article uses
("Ukraine", "plan"). Each sentence becomes a bag of content stems weighted by inverse document
frequency over all sentences (`compare.text.Weights`); two bags are scored by the mean of their
cosine and their weighted containment (`compare.text.overlap_score`), which survives rewording
(synonyms are folded together, numbers written as words become digits) and one outlet packing two
facts into a sentence that another splits in two.

Cost: sentences are first reduced to distinct texts (wire copy repeats them verbatim), and only
pairs that share at least one of each other's most informative stems are scored, through an
inverted index: near-linear in the number of sentences for one event, never all pairs.

Paragraphs are aligned from those sentence links: two paragraphs pair when their best sentence
link passes ALIGN_LINK, and each keeps at most MAX_PARTNERS partners per other article, so one
paragraph can match two (a split paragraph) and unrelated ones stay alone rather than pairing with
their least-bad neighbour. Ties break by (article id, paragraph index), so output is stable.

>>> from compare.text import Weights
>>> w = Weights([["irrev", "path"], ["plan"], ["plan", "ukrai"]])
>>> round(overlap_score(w.vector(["irrev", "path"]), w.vector(["irrev", "path", "plan"])), 2)
0.91
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from compare.embed import Embedder, embedding_links
from compare.model import Article, Fact, Group, Pair
from compare.text import Weights, content_stems, content_terms, fold, name_stems, overlap_score

# Two sentences at least this similar report the same thing (a fact row links them). Swept on the
# seeds and the dev event between 0.30 and 0.60: lower merged different statements about the
# same people, higher split paraphrases of one statement.
SENTENCE_LINK = 0.42
# Below SENTENCE_LINK, two sentences are still linked when each is the other's best match in the
# other article and they score at least this: long compound sentences that carry the same
# statement among others score low in absolute terms, but nothing else in the other article
# comes closer.
MUTUAL_LINK = 0.22
# Scores between this and SENTENCE_LINK are a weaker form of the same thing: a `partial` cell.
PARTIAL_LINK = 0.32
# Links below this are not kept at all.
MIN_LINK = min(MUTUAL_LINK, PARTIAL_LINK)
# Two paragraphs whose best sentence link reaches this are aligned.
ALIGN_LINK = 0.30
# A paragraph pairs with at most this many paragraphs of any one other article: a paragraph split
# in two by another outlet is common, split in three is rare and usually a sign of drift.
MAX_PARTNERS = 2
# A second partner must score at least this share of the best one.
SECOND_PARTNER_SHARE = 0.6
# Candidate pairs are generated from each sentence's most informative shared stems only ...
INDEX_STEMS = 8
# ... and a stem found in more than this share of sentences is not indexed: it links everything.
COMMON_STEM_SHARE = 0.5
# Sentences with fewer content stems than this carry nothing to match on.
MIN_STEMS = 3


@dataclass(frozen=True)
class SentenceRef:
    """Where one occurrence of a sentence is: article, paragraph, and sentence position."""

    article: str
    paragraph: int
    position: int  # index among the article's sentences
    text: str


@dataclass
class Unit:
    """One distinct sentence text and every place it occurs."""

    id: int
    text: str
    stems: tuple[str, ...]
    refs: list[SentenceRef]
    articles: frozenset[str] = frozenset()  # filled in once every occurrence is known


@dataclass
class SentenceGraph:
    """Distinct sentences, their weights and the scored links between them."""

    units: list[Unit]
    weights: Weights
    edges: dict[tuple[int, int], float]  # (low id, high id) -> score, only above MIN_LINK
    unit_of: dict[tuple[str, int], tuple[int, ...]]  # (article id, sentence position) -> clause units
    mutual: frozenset[tuple[int, int]] = frozenset()  # edges that are best matches both ways
    _neighbours: dict[int, list[tuple[int, float]]] | None = None

    def linked(self, a: int, b: int) -> bool:
        """Do these two sentences report the same thing?"""
        key = (a, b) if a < b else (b, a)
        score = self.edges.get(key, 0.0)
        return score >= SENTENCE_LINK or (score >= MUTUAL_LINK and key in self.mutual)

    def score(self, a: int, b: int) -> float:
        if a == b:
            return 1.0
        return self.edges.get((a, b) if a < b else (b, a), 0.0)

    def neighbours(self) -> dict[int, list[tuple[int, float]]]:
        """Each unit's links, computed once."""
        if self._neighbours is None:
            out: dict[int, list[tuple[int, float]]] = defaultdict(list)
            for (a, b), s in sorted(self.edges.items()):
                out[a].append((b, s))
                out[b].append((a, s))
            self._neighbours = out
        return self._neighbours


def _unit_key(text: str) -> str:
    return " ".join(fold(text).split())


# A sentence is split into clauses at these joints when each side keeps MIN_CLAUSE_STEMS content
# stems: "X declared Y, but Z have led opposition" carries two facts that outlets report apart.
_CLAUSE_JOINT = re.compile(r",\s+(?:but|while|whereas|although|though|and)\s+|;\s+|\s+(?:--|—|–|-)\s+")
MIN_CLAUSE_STEMS = 4


# A sentence opening with a long adverbial phrase ("Ahead of the defence ministers' meeting in
# Brussels on 17 October, Zelensky revealed ...") carries its setting as a statement of its own:
# the phrase up to the first comma becomes a clause when both sides keep MIN_CLAUSE_STEMS stems.
_LEADING_PHRASE = re.compile(
    r"^((?:ahead of|after|before|despite|following|during|amid|since|at|in|on|with|as|when|"
    r"while|although|though|because)\b[^,;]{10,}?),\s+(?=\S)",
    re.I,
)


def split_clauses(text: str) -> list[str]:
    """The sentence's independent clauses (the whole sentence when it has no clear joint)."""
    lead = _LEADING_PHRASE.match(text)
    if lead and len(content_stems(lead.group(1))) >= MIN_CLAUSE_STEMS:
        rest = text[lead.end() :]
        if len(content_stems(rest)) >= MIN_CLAUSE_STEMS:
            return [lead.group(1), *split_clauses(rest)]
    parts = [p for p in _CLAUSE_JOINT.split(text) if p.strip()]
    if len(parts) < 2:
        return [text]
    clauses: list[str] = []
    for part in parts:
        if (clauses and len(content_stems(part)) < MIN_CLAUSE_STEMS) or (
            clauses and len(content_stems(clauses[-1])) < MIN_CLAUSE_STEMS
        ):
            clauses[-1] = clauses[-1] + ", " + part
        else:
            clauses.append(part)
    return clauses


def build_graph(
    articles: Sequence[Article], *, min_score: float = MIN_LINK, embedder: Embedder | None = None
) -> SentenceGraph:
    """Score every pair of distinct sentences that could be the same statement."""
    units: list[Unit] = []
    by_key: dict[str, int] = {}
    unit_of: dict[tuple[str, int], tuple[int, ...]] = {}
    for article in articles:
        for position, sentence in enumerate(article.sentences):
            ids = []
            for clause in split_clauses(sentence.text):
                key = _unit_key(clause)
                ref = SentenceRef(article.id, sentence.paragraph, position, sentence.text)
                if key not in by_key:
                    by_key[key] = len(units)
                    units.append(Unit(len(units), clause, tuple(content_terms(clause)), []))
                if not units[by_key[key]].refs or units[by_key[key]].refs[-1] != ref:
                    units[by_key[key]].refs.append(ref)
                ids.append(by_key[key])
            unit_of[(article.id, position)] = tuple(ids)
    for unit in units:
        unit.articles = frozenset(r.article for r in unit.refs)
    weights = Weights(u.stems for u in units)
    vectors = [weights.vector(u.stems, name_stems(u.text)) for u in units]
    limit = max(2, int(COMMON_STEM_SHARE * len(units)))
    postings: dict[str, list[int]] = defaultdict(list)
    for unit in units:
        if len(unit.stems) >= MIN_STEMS:
            for s in set(unit.stems):
                postings[s].append(unit.id)
    edges: dict[tuple[int, int], float] = {}
    # One article has no pair of sentences to link (two sentences of one article are never the
    # same fact), so a one-article matrix skips the search altogether.
    for unit in units if len({a.id for a in articles}) > 1 else ():
        if len(unit.stems) < MIN_STEMS:
            continue
        # Query with the unit's most informative stems that other sentences share (a stem
        # found once links nothing); each pair is found from either end, scored once.
        vec = vectors[unit.id]
        shared = [s for s in vec if 1 < len(postings[s]) <= limit]
        shared.sort(key=lambda s: (-vec[s], s))
        candidates: set[int] = set()
        for s in shared[:INDEX_STEMS]:
            candidates.update(postings[s])
        mine = unit.articles
        for other in sorted(candidates):
            if other == unit.id or (min(unit.id, other), max(unit.id, other)) in edges:
                continue
            if len(mine) == 1 and units[other].articles == mine:
                continue  # two sentences of one article are never the same fact
            score = overlap_score(vec, vectors[other])
            if score >= min_score:
                edges[(min(unit.id, other), max(unit.id, other))] = round(score, 4)
    if embedder is not None:
        # Paraphrases that share few words: a link scores the better of wording and meaning.
        texts = [u.text for u in units]
        for pair, meaning in embedding_links(texts, [u.articles for u in units], embedder).items():
            if meaning >= min_score and meaning > edges.get(pair, 0.0):
                edges[pair] = meaning
    return SentenceGraph(units, weights, edges, unit_of, _mutual_best(units, edges))


def _mutual_best(units: list[Unit], edges: dict[tuple[int, int], float]) -> frozenset[tuple[int, int]]:
    """Edges (u, v) where v is u's best match in one of v's articles and u is v's best match
    in one of u's articles."""
    best: dict[tuple[int, str], float] = {}
    for (u, v), s in edges.items():
        for a, b in ((u, v), (v, u)):
            for article in units[b].articles:
                if s > best.get((a, article), 0.0):
                    best[(a, article)] = s
    mutual = set()
    for (u, v), s in edges.items():
        if any(best.get((u, art)) == s for art in units[v].articles) and any(
            best.get((v, art)) == s for art in units[u].articles
        ):
            mutual.add((u, v))
    return frozenset(mutual)


# A fact stated in both paragraphs links them at least this strongly: sharing a fact row (the
# same figure, or statements joined by the fact builder) is the best evidence of reporting the
# same thing, even when the wording scores low.
FACT_LINK = 0.5
# ... plus this much for every further fact the two paragraphs share ...
FACT_STEP = 0.1
# ... plus this share of their best wording score, so that ties break towards the closer text.
TIE_SHARE = 0.2


def paragraph_links(
    graph: SentenceGraph, a: Article, b: Article, facts: Sequence[Fact] = ()
) -> dict[tuple[int, int], float]:
    """Best sentence link between each pair of paragraphs of a and b (0 when none), raised to
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
    b_units: dict[int, list[int]] = defaultdict(list)  # unit id -> b paragraphs
    for position, sentence in enumerate(b.sentences):
        for u in graph.unit_of[(b.id, position)]:
            b_units[u].append(sentence.paragraph)
    nbrs = graph.neighbours()
    for position, sentence in enumerate(a.sentences):
        for u in graph.unit_of[(a.id, position)]:
            for other, score in [(u, 1.0), *nbrs.get(u, [])]:
                for pb in b_units.get(other, ()):
                    key = (sentence.paragraph, pb)
                    if score > links.get(key, 0.0):
                        links[key] = score
    for key, n in shared.items():
        # Each further shared fact adds FACT_STEP; the wording score breaks ties.
        boost = FACT_LINK + FACT_STEP * (n - 1) + TIE_SHARE * links.get(key, 0.0)
        links[key] = min(1.0, max(links.get(key, 0.0), boost))
    # Ties (several paragraphs sharing one identical sentence all score 1.0) break towards the
    # pair whose whole paragraphs are most alike, then towards the same place in the story.
    if links:
        bags_a = {p.index: _bag(graph, p.text) for p in a.paragraphs}
        bags_b = {p.index: _bag(graph, p.text) for p in b.paragraphs}
        na, nb = max(len(a.paragraphs), 1), max(len(b.paragraphs), 1)
        for pa, pb in list(links):
            alike = overlap_score(bags_a[pa], bags_b[pb])
            placed = 1.0 - abs(pa / na - pb / nb)
            links[(pa, pb)] += TIE_SHARE * TIE_SHARE * (alike + TIE_SHARE * placed)
    return links


def _bag(graph: SentenceGraph, text: str) -> dict[str, float]:
    return graph.weights.vector(content_terms(text), name_stems(text))


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
    graph: SentenceGraph,
    a: Article,
    b: Article,
    facts: Sequence[Fact] = (),
) -> tuple[tuple[Pair, ...], tuple[int, ...], tuple[int, ...]]:
    """Many-to-many paragraph alignment of two articles: pairs, then what only a / only b has."""
    kept = _select(paragraph_links(graph, a, b, facts), ALIGN_LINK)
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
    graph: SentenceGraph,
    articles: Sequence[Article],
    facts: Sequence[Fact] = (),
) -> tuple[Group, ...]:
    """Multi-way form of the alignment: paragraphs of different articles that report the same
    thing. Paragraphs that state one fact are joined, figures first (the strongest evidence),
    then statements shared by most articles, then paragraphs whose sentences are linked by at
    least ALIGN_LINK; a join that would put more than MAX_GROUP_PER_ARTICLE paragraphs of one
    article in a group is skipped. Linear in the number of cells and links: no pair of
    articles is ever enumerated."""
    order = {"money": 0, "quantity": 0, "date": 1, "quote": 2, "claim": 2, "event": 2, "entity": 3}
    ranked = sorted(
        facts,
        key=lambda f: (order.get(f.kind, 3), -len(f.present), f.id),
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
        chains.append(cells)
    links = sorted(
        ((s, a, b) for (a, b), s in graph.edges.items() if s >= ALIGN_LINK), key=lambda t: (-t[0], t[1], t[2])
    )
    for unit in graph.units:  # a sentence found word for word in several articles
        if len(unit.articles) > 1:
            chains.append([(r.article, r.paragraph) for r in unit.refs])
    for _, a, b in links:
        first = graph.units[a].refs[0]
        chains.append(
            [(first.article, first.paragraph)] + [(r.article, r.paragraph) for r in graph.units[b].refs]
        )
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
