"""facts: claims of different articles that say the same thing, and what every article says.

Three kinds of rows, built from the claims (`compare.claims`) and the link scorer
(`compare.link`), figures first so that statements are joined knowing them:

1. statement facts: claims of different articles are joined when the scorer says they state the
   same thing, strongest link first, and only while the two groups are, on average over every
   pair of their claims, still the same statement (average linkage: a chain of single links
   through a claim that resembles both never joins two statements). A fact holds at most one
   claim per article. Ties are broken by a hash of the claims' text and of their articles'
   text, never by file names, so renaming or reordering files changes nothing. A link between
   two sentences that one shared figure row already joins is tried last;
2. value facts: money, counts, shares and dates with the same value in several articles are one
   fact. A value "the same" means within the precision the text states ("$1.4 billion" covers
   1.35-1.45 billion, so "$1.375 billion" is the same figure, rounded). Two values contradict
   each other only when they are in the same slot: the same unit, and claims that say the same
   thing once their figures are masked (what is measured: subject and predicate), so "18%
   demanded" is no conflict with "9% offered";
3. people: one row for every person named, spelling variants merged.

A statement fact with exactly the claims of a value fact is that row, and two statement rows
with the very same evidence sentences are one. Each cell is `stated`
(the article has a member claim), `conflict` (another figure in the same slot), `partial` (a
vague count, "dozens of people", in the slot of an exact one) or `absent`. Statements get no
partial cells: at the fitted joining threshold, a claim that reads as the row's statement but
could not join it was more often another statement than a weaker form of this one (seeds: cell
accuracy 0.94 with such cells, 0.96 without). The evidence is the whole sentence of the claim,
capped at MAX_EVIDENCE characters.
"""

from __future__ import annotations

import calendar
import hashlib
import heapq
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from compare.attribution import is_credit_sentence
from compare.claims import Claim
from compare.extract import ArticleMentions, EntityIndex, build_entity_index
from compare.extract.quantities import PEOPLE_SLOT
from compare.labels import fact_label
from compare.link import LinkScorer, intervals_meet
from compare.model import Article, Cell, Fact, FactKind, Mention, Status
from compare.reporting import ANNOUNCING_VERBS, SPEECH_VERBS, finite
from compare.text import content_stems, stem, words

# A statement with fewer content words than this is not a checkable fact (a subhead, a
# transition such as "He added:"), though it still counts for paragraph alignment.
MIN_CLAIM_STEMS = 4
# ... or this many when it carries a figure or a quote with its speaker.
MIN_SHORT_CLAIM_STEMS = 2
# Candidate pairs come from each claim's most informative shared words only (an inverted index:
# near-linear in the number of claims, never all pairs) ...
INDEX_TERMS = 8
# ... a word found in more claims than there are articles (and at least this many) is not
# indexed: a fact is told about once per article, so such a word names the story, not a fact ...
MIN_POSTINGS = 8
# ... and each claim is scored against at most this many candidates, those sharing the most
# informative words: at scale a sentence copied by hundreds of outlets would otherwise be
# scored against every copy of every sentence near it (bench/run.py at 400 articles: 8.8 million
# pairs without the bound).
MAX_CANDIDATES = 30
# A word in more claims than this is looked up through an even sample of them: with hundreds of
# outlets telling one fact, scanning every telling from every telling is quadratic (bench/run.py:
# 100 -> 400 articles took 6x the time), and a sample still reaches enough tellings to join them.
SCAN_LIMIT = 200
# A link kept for partial cells and paragraph alignment must reach this share of the scorer's
# decision threshold: weaker links are noise at the scale of one event.
PARTIAL_SHARE = 0.8
# Two claims of one article whose score reaches this are one statement told twice (a page that
# repeats its body, a standfirst repeated in the text): the later one adds no row.
DUPLICATE_SCORE = 0.95
# Evidence longer than this is cut around the claim: a 40 kB "sentence" (no punctuation) must
# not be repeated in every cell (issue 13's bound on output).
MAX_EVIDENCE = 400
# Mean linkage over at most this many claims per side (groups stay small: one claim per article).
MEAN_SAMPLE = 12

FACT_LINK_FILE = Path(__file__).with_name("fact_link.json")


@lru_cache(maxsize=2)
def fact_threshold(*, embedded: bool = False) -> float:
    """The score at which two claims of different articles join one fact: fitted by
    scripts/fit_facts.py on claim pairs of the visible gold events (see its docstring for why
    this is not the MSRP-fitted `same_claim` threshold). `embedded`: the same fit on the
    embedding model's scores, the scale of its links for paragraph alignment (facts are always
    joined lexically: compare.pipeline.find_facts)."""
    doc = json.loads(FACT_LINK_FILE.read_text(encoding="utf-8"))
    return float(doc["embedding_threshold" if embedded else "threshold"])


_KIND_ORDER: dict[str, int] = {
    "money": 0,
    "quantity": 1,
    "date": 2,
    "quote": 3,
    "claim": 4,
    "event": 5,
    "entity": 6,
}
_VALUE_KINDS = ("money", "quantity", "date")


@dataclass
class Row:
    """A fact being built: the member claim of each article, and cells other than `stated`."""

    kind: FactKind
    members: dict[str, int]  # article id -> claim index
    value: Any = None
    value_text: str | None = None
    speaker: str | None = None
    others: dict[str, tuple[Status, int]] = field(default_factory=dict)  # conflict / partial

    def cells(self) -> list[tuple[str, int]]:
        """(article, claim index) of every cell that is not absent."""
        return [*self.members.items(), *((aid, i) for aid, (_, i) in self.others.items())]


@dataclass(frozen=True)
class Linked:
    """The claims of a run and the scored links between them (both ends in different articles,
    or duplicates within one)."""

    claims: tuple[Claim, ...]
    links: dict[tuple[int, int], float]  # (low index, high index) -> score, at least the keep floor
    threshold: float  # the scorer's decision: at least this is "the same claim"
    duplicates: dict[int, int]  # a claim repeated in its own article -> its first telling


def link_claims(claims: Sequence[Claim], scorer: LinkScorer) -> Linked:
    """Score the pairs of claims that could be the same statement (found through shared rare
    words, names and figures), plus pairs within an article that may repeat each other."""
    terms = [_terms(c) for c in claims]
    postings: dict[str, list[int]] = defaultdict(list)
    for i, ts in enumerate(terms):
        for t in ts:
            postings[t].append(i)
    n_articles = len({c.article for c in claims})
    limit = max(MIN_POSTINGS, n_articles)
    threshold = fact_threshold(embedded=scorer.embedder is not None)
    floor = PARTIAL_SHARE * threshold
    prepared = scorer.prepare_many([c.text for c in claims])
    links: dict[tuple[int, int], float] = {}
    seen: set[tuple[int, int]] = set()
    same_words: dict[str, list[int]] = defaultdict(list)  # wire copy: the very same clause
    for i, c in enumerate(claims):
        same_words[c.text].append(i)
    rank = {i: r for r, i in enumerate(sorted(range(len(claims)), key=lambda i: claims[i].key))}
    for group in same_words.values():
        # Copies of one clause are linked pairwise; past SCAN_LIMIT copies each is linked to the
        # first (by content hash) only: enough to join them (average linkage scores identical
        # words 1.0 without a stored link), and linear in the copies.
        firsts = group if len(group) <= SCAN_LIMIT else [min(group, key=rank.__getitem__)]
        for x in firsts:
            for y in group:
                if x != y and claims[x].article != claims[y].article:
                    pair = (min(x, y), max(x, y))
                    links[pair] = 1.0
                    seen.add(pair)
    by_rank = {t: sorted(js, key=rank.__getitem__) for t, js in postings.items() if len(js) > SCAN_LIMIT}
    for i, ts in enumerate(terms):
        shared = sorted((t for t in ts if 1 < len(postings[t]) <= limit), key=lambda t: (len(postings[t]), t))
        weight: dict[int, float] = defaultdict(float)
        for t in shared[:INDEX_TERMS]:
            informative = 1.0 / len(postings[t])
            for j in _scan(postings[t], by_rank.get(t), rank[i]):
                if j != i:
                    weight[j] += informative
        if len(weight) > MAX_CANDIDATES:
            chosen = heapq.nlargest(MAX_CANDIDATES, [(w, rank[j], j) for j, w in weight.items()])
            best = [j for _, _, j in chosen]
        else:
            best = list(weight)
        for j in best:
            pair = (min(i, j), max(i, j))
            if pair in seen:
                continue
            seen.add(pair)
            same_article = claims[i].article == claims[j].article
            if same_article and (claims[i].position == claims[j].position or n_articles < 2):
                continue
            score = scorer.score(prepared[i], prepared[j])
            if same_article and score < DUPLICATE_SCORE:
                continue
            if score >= floor:
                links[pair] = round(score, 4)
    duplicates: dict[int, int] = {}
    for group in same_words.values():  # the very same clause again in its own article
        first: dict[str, int] = {}
        for i in group:  # claim order is reading order within an article
            if claims[i].article in first and claims[i].position != claims[first[claims[i].article]].position:
                duplicates[i] = first[claims[i].article]
            first.setdefault(claims[i].article, i)
    for (i, j), score in sorted(links.items()):
        if claims[i].article == claims[j].article and score >= DUPLICATE_SCORE:
            duplicates.setdefault(j, duplicates.get(i, i))
    links = {p: s for p, s in links.items() if claims[p[0]].article != claims[p[1]].article}
    across, within = _quoted_fragments(claims)
    for pair in across:
        links[pair] = 1.0
    for fragment, whole in within:
        duplicates.setdefault(fragment, duplicates.get(whole, whole))
    return Linked(tuple(claims), links, threshold, duplicates)


# A quoted fragment is matched inside another outlet's quote only when it has at least this many
# words, this many of them content words: shorter quoted phrases are titles and scare quotes (a
# plan's name, one loaded word) that many statements repeat; "not asking for any favours" is the
# shortest kind of fragment that is a statement. General news style, not fitted.
QUOTE_FRAGMENT_WORDS = 4
QUOTE_FRAGMENT_STEMS = 2


def _quoted_fragments(claims: Sequence[Claim]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Pairs (low, high) of claims of different articles where one quotes, word for word, part of
    what the other quotes, and the same speaker is named for both; and, within one article,
    (fragment, whole) pairs of other sentences: a page that repeats part of a quote (a live page's
    heading over the entry that quotes it in full) tells it twice, and the fragment adds no row.

    Quoted words are verbatim, so outlets that quote different parts of one statement ('"not
    asking for any favours"' / '"We are not asking for any favours. We want a fair wage"') quote
    the same thing, however little else their sentences share, which the word scorer cannot see
    when one quote is short. The fragment must sit whole in its own clause, and in the other
    claim's clause too (a statement quoted over two sentences has one claim per sentence).

    The work is done once per distinct clause (wire copy repeats a clause in hundreds of
    articles): one link joins a fragment's copies to a whole's (`_pair_score` scores the other
    copies' pairs 1.0 as `_quotes_part_of` says), and candidates come from the fragment's rarest
    word, scanned as link_claims scans its postings."""
    copies: dict[tuple[str, str], list[int]] = defaultdict(list)  # (clause, speaker) -> claims
    rank = {i: r for r, i in enumerate(sorted(range(len(claims)), key=lambda i: claims[i].key))}
    for i in sorted(range(len(claims)), key=rank.__getitem__):
        if claims[i].quoted:
            copies[(claims[i].text, _surname(claims[i].speaker))].append(i)
    texts = sorted(copies)
    tokens = [words(text) for text, _ in texts]
    attributed: dict[str, list[int]] = defaultdict(list)  # folded word -> distinct attributed clauses
    for g, (_, surname) in enumerate(texts):
        if surname:
            for w in set(tokens[g]):
                attributed[w].append(g)
    found: set[tuple[int, int]] = set()
    repeats: set[tuple[int, int]] = set()
    for g, (_, surname) in enumerate(texts):
        first = copies[texts[g]][0]
        for fragment in _fragments(claims[first], tokens[g]):
            rarest = min(fragment, key=lambda w: (len(attributed[w]), w))
            postings = attributed[rarest]
            for h in _scan(postings, postings if len(postings) > SCAN_LIMIT else None, g):
                if h == g or not _contains(tokens[h], fragment):
                    continue
                whole_speaker = claims[copies[texts[h]][0]].speaker
                if surname and _same_person(claims[first].speaker, whole_speaker):
                    pair = _across(copies[texts[g]], copies[texts[h]], claims)
                    if pair is not None:
                        found.add(pair)
                if len(tokens[h]) > len(tokens[g]) and (
                    not surname or _same_person(claims[first].speaker, whole_speaker)
                ):
                    # One page: the fuller telling names the speaker; a repeat may not (a heading).
                    wholes = {claims[j].article: j for j in reversed(copies[texts[h]])}
                    for i in copies[texts[g]]:
                        j = wholes.get(claims[i].article)
                        if j is not None and claims[j].position != claims[i].position:
                            repeats.add((i, j))
    return sorted(found), sorted(repeats)


def _surname(speaker: str | None) -> str:
    """The folded last word of a speaker's name ("Lindström" / "Lindstrom" -> "lindstrom"), "" for none."""
    return (words(speaker or "")[-1:] or [""])[0]


def _same_person(a: str | None, b: str | None) -> bool:
    """Two speakers named alike: the same surname (accents folded), and the same first name or
    initial when both give one ("Ed Miliband" is not "David Miliband"; "Miliband" may be
    either)."""
    wa, wb = words(a or ""), words(b or "")
    if not wa or not wb or wa[-1] != wb[-1]:
        return False
    if len(wa) == 1 or len(wb) == 1:
        return True
    first_a, first_b = wa[0], wb[0]
    return first_a == first_b or (min(len(first_a), len(first_b)) == 1 and first_a[0] == first_b[0])


def _fragments(claim: Claim, tokens: list[str]) -> list[list[str]]:
    """The claim's quoted words that sit whole in its own clause and are long enough to be a
    statement (QUOTE_FRAGMENT_WORDS, QUOTE_FRAGMENT_STEMS), as folded words."""
    out = []
    for m in claim.mentions:
        if m.kind != "quote":
            continue
        fragment = words(m.text)
        if len(fragment) < QUOTE_FRAGMENT_WORDS or len(content_stems(m.text)) < QUOTE_FRAGMENT_STEMS:
            continue
        if _contains(tokens, fragment):
            out.append(fragment)
    return out


def _across(fragments: list[int], wholes: list[int], claims: Sequence[Claim]) -> tuple[int, int] | None:
    """One pair of a fragment's copy and a whole's copy in different articles (the first, in
    content-hash order), or None when every copy of both is in one article."""
    for i in fragments:
        for j in wholes:
            if claims[i].article != claims[j].article:
                return (min(i, j), max(i, j))
    return None


def _quotes_part_of(a: Claim, b: Claim) -> bool:
    """Does either claim quote, word for word, part of what the other quotes, with the same
    speaker named for both (the relation _quoted_fragments links)?"""
    if not (a.quoted and b.quoted and _same_person(a.speaker, b.speaker)):
        return False
    ta, tb = words(a.text), words(b.text)
    return any(_contains(tb, f) for f in _fragments(a, ta)) or any(
        _contains(ta, f) for f in _fragments(b, tb)
    )


def _contains(haystack: list[str], needle: list[str]) -> bool:
    """Does the word sequence `needle` occur, in order and unbroken, in `haystack`?"""
    n = len(needle)
    return any(haystack[k : k + n] == needle for k in range(len(haystack) - n + 1))


def _scan(postings: list[int], ranked: list[int] | None, offset: int) -> list[int]:
    """The claims of a word's postings that a claim looks at: all of them, or for a word in more
    than SCAN_LIMIT claims (one fact told by hundreds of outlets) an even sample of them in
    content-hash order, starting at the claim's own place, so the work per claim is bounded and
    no file name decides which are looked at."""
    if ranked is None:
        return postings
    step = -(-len(ranked) // SCAN_LIMIT)
    return ranked[offset % step :: step]


def _terms(claim: Claim) -> set[str]:
    """What a claim is indexed by: its content words and its figures' normalised values."""
    found = set(content_stems(claim.text))
    found.update(m.key for m in claim.values)
    return found


def build_facts(
    articles: Sequence[Article],
    claims_by_article: dict[str, tuple[Claim, ...]],
    mentions: Sequence[ArticleMentions],
    scorer: LinkScorer,
) -> tuple[tuple[Fact, ...], Linked]:
    """Every fact found in the articles, with one cell per article, in display order; and the
    claim links (paragraph alignment uses them)."""
    claims = [c for a in articles for c in claims_by_article[a.id]]
    linked = link_claims(claims, scorer)
    entity_index = build_entity_index(mentions)
    checkable = frozenset(i for i, c in enumerate(claims) if i not in linked.duplicates and _checkable(c))
    cache: dict[tuple[int, int], float] = {}
    values = _one_row_per_lone_figure_sentence(_value_rows(linked, scorer, cache), claims)
    figure_rows = _shared_figure_rows(values, claims)
    statements = _statement_rows(linked, checkable, scorer, cache, entity_index, figure_rows=figure_rows)
    rows = _one_row_per_evidence(_merge(values, statements, linked, figure_rows), linked)
    rows += _people_rows(mentions, entity_index, claims, shown=_shown_sentences(rows, claims))
    made = [(_to_fact(row, articles, linked), _identity(row, linked)) for row in rows]
    ids = fact_ids([identity for _, identity in made])
    facts = [replace(fact, id=ids[n]) for n, (fact, _) in enumerate(made)]
    facts.sort(key=lambda f: _order_key(f, articles))
    return tuple(facts), linked


# A fact id is "f" and this many hex digits of a hash of what the fact is made of, more when two
# facts of one run would share them: ids stay the same from run to run and between commands
# (matrix, diff, explain) for the same claims, whatever the row order.
ID_DIGITS = 4


def _identity(row: Row, linked: Linked) -> str:
    """What a fact is made of: its figure or person, else its claims (by their content hashes; a
    statement told by other articles in another run is another set of claims, so its id
    differs there)."""
    if row.kind == "entity":
        return f"entity\x00{row.value_text}"
    if row.kind in _VALUE_KINDS:  # the figure itself: the same in a matrix and in a diff
        return f"{row.kind}\x00{json.dumps(row.value, sort_keys=True, default=str)}"
    claims = sorted(linked.claims[i].key for i in row.members.values())
    return f"{row.kind}\x00" + "\x00".join(claims)


def fact_ids(identities: Sequence[str]) -> list[str]:
    """Short stable ids for these identities, unique within the list (equal identities get a
    numbered suffix in the order of their hashes)."""
    digests = [hashlib.sha1(i.encode("utf-8")).hexdigest() for i in identities]
    digits = ID_DIGITS
    while len({d[:digits] for d in digests}) < len(set(digests)) and digits < 40:
        digits += 1
    ids = [f"f{d[:digits]}" for d in digests]
    seen: dict[str, int] = {}
    for n in sorted(range(len(ids)), key=lambda n: (digests[n], identities[n])):
        count = seen.get(ids[n], 0)
        seen[ids[n]] = count + 1
        if count:
            ids[n] = f"{ids[n]}-{count + 1}"
    return ids


# --- statements ------------------------------------------------------------------------------


_QUESTION_END = re.compile(r"\?[\"'”’»)\s]*$")
# A question put to someone, reported ("X was asked whether ...", "asked if") or quoted ('"...,"
# she was asked.'): what is asked is not a fact, the answer is.
# A sentence opening on the question put ("Asked whether the school would reopen by spring, the
# head teacher was evasive."): a fact only if what follows the question says something, in words
# or in a figure or quote ("Asked about the cost, the minister put it at $4bn.").
_ANSWER_CARRIES = re.compile(r"\d|[\"“”«»]")
_ASKED_OPENER = re.compile(r"^\W*asked\b[^,]{0,60}?\b(?:whether|if|about|how|why|what|when)\b", re.I)
_REPORTED_QUESTION = re.compile(
    r"\b(?:was|were|been|being)\s+asked"
    r"(?:\s+(?:whether|if|about|how|why|what|when)\b|\s*[.,:;]?[\"'”’]?\s*$)",
    re.I,
)


def _checkable(claim: Claim) -> bool:
    """Worth a row: a statement with enough content words, or a short one that carries a figure
    or an attributed quote. Questions put to a speaker are not facts."""
    if _QUESTION_END.search(claim.text) or _REPORTED_QUESTION.search(claim.text):
        return False
    if opener := _ASKED_OPENER.match(claim.text):
        answer = claim.text[opener.end() :].partition(",")[2]
        if not _ANSWER_CARRIES.search(answer) and len(set(content_stems(answer))) < MIN_CLAIM_STEMS:
            return False  # "Asked whether ..., the head teacher was evasive.": the answer follows
    if is_credit_sentence(claim.sentence) or is_credit_sentence(claim.text):
        return False  # "This was reported by X"; a dateline clause "PARIS, May 3 (Agency)"
    stems = set(content_stems(claim.text))
    if len(stems) >= MIN_CLAIM_STEMS:
        return True
    carries = any(
        m.kind in ("money", "quantity") or (m.kind == "quote" and m.speaker) for m in claim.mentions
    )
    if claim.negated and claim.text.strip() == claim.sentence.strip():
        # A short sentence that denies ("No injuries were reported.", "No arrests were
        # made.") reports an absence an outlet checked: a fact, however few its words.
        carries = True
    if claim.quoted and claim.speaker:
        # Who said it is part of what a quote states, wherever the name is written: '"I will not
        # resign."' after a sentence naming the speaker says as much as '"I will not resign,"
        # Ms. Lee said.', and the two must be checkable alike to be joined.
        stems |= set(content_stems(claim.speaker))
    return carries and len(stems) >= MIN_SHORT_CLAIM_STEMS


def _pair_score(
    linked: Linked, scorer: LinkScorer, cache: dict[tuple[int, int], float], i: int, j: int
) -> float:
    pair = (min(i, j), max(i, j))
    if pair in linked.links:
        return linked.links[pair]
    if pair not in cache:
        a, b = linked.claims[pair[0]], linked.claims[pair[1]]
        # The very same clause (wire copy) or a quoted fragment of the other's quote: one statement.
        verbatim = a.text == b.text or _quotes_part_of(a, b)
        cache[pair] = 1.0 if verbatim else scorer.score(scorer.prepare(a.text), scorer.prepare(b.text))
    return cache[pair]


def _mean_link(
    linked: Linked, scorer: LinkScorer, cache: dict[tuple[int, int], float], xs: list[int], ys: list[int]
) -> float:
    keyed = lambda i: linked.claims[i].key  # noqa: E731 - order-free sample
    xs, ys = sorted(xs, key=keyed)[:MEAN_SAMPLE], sorted(ys, key=keyed)[:MEAN_SAMPLE]
    return sum(_pair_score(linked, scorer, cache, x, y) for x in xs for y in ys) / (len(xs) * len(ys))


def _statement_rows(
    linked: Linked,
    checkable: frozenset[int],
    scorer: LinkScorer,
    cache: dict[tuple[int, int], float],
    entity_index: EntityIndex,
    *,
    figure_rows: Mapping[tuple[str, int], frozenset[int]] | None = None,
) -> list[Row]:
    """Join linked claims strongest first, while the groups' mean link stays a decision.

    `figure_rows`: for each sentence whose figure a row of several articles shows, those rows.
    A link between two sentences one figure row already joins comes after every other link:
    the row shows what they share, and the claims may say something else that another outlet
    also says ("..., under the three-stage budget, is the closure of the old ferry pier" joins the other
    outlet's ferry-pier sentence before the budget's other tellings)."""
    claims = linked.claims
    figure_rows = figure_rows or {}

    def joined_by_a_figure(i: int, j: int) -> bool:
        a = figure_rows.get((claims[i].article, claims[i].position), frozenset())
        b = figure_rows.get((claims[j].article, claims[j].position), frozenset())
        return bool(a & b)

    parent = {i: i for i in checkable}
    group: dict[int, list[int]] = {i: [i] for i in checkable}
    arts: dict[int, set[str]] = {i: {claims[i].article} for i in checkable}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    edges = sorted(
        (
            (s, i, j)
            for (i, j), s in linked.links.items()
            if s >= linked.threshold and i in checkable and j in checkable
        ),
        key=lambda t: (joined_by_a_figure(t[1], t[2]), -t[0], *sorted((claims[t[1]].key, claims[t[2]].key))),
    )
    for _, i, j in edges:
        ri, rj = find(i), find(j)
        if ri == rj or arts[ri] & arts[rj]:
            continue
        if len(group[ri]) + len(group[rj]) > 2 and (
            _mean_link(linked, scorer, cache, group[ri], group[rj]) < linked.threshold
        ):
            continue
        root, other = (ri, rj) if claims[ri].key <= claims[rj].key else (rj, ri)
        parent[other] = root
        arts[root] |= arts.pop(other)
        group[root] = group[root] + group.pop(other)
    rows = []
    for members in group.values():
        row_members = {claims[i].article: i for i in members}
        rows.append(_statement_row(row_members, claims, entity_index))
    return _one_row_per_quotation(_one_row_per_lone_sentence(rows, claims, frozenset(figure_rows)), claims)


def _quotation(claim: Claim) -> str | None:
    """The key of the quoted passage a claim is part of (one passage may run over sentences)."""
    return next((m.key for m in claim.mentions if m.kind == "quote"), None)


def _shared_quote(row: Row) -> bool:
    """A quote row of several articles."""
    return row.kind == "quote" and len(row.members) > 1


# Two quote rows are one passage only when at least this many outlets quote both parts in one
# passage: one outlet's long quotation may run from one statement to the next ("We will keep
# sending aid. We are also working on what comes after."), two outlets quoting the same two
# sentences together is the passage as the speaker gave it. Not fitted.
PASSAGE_WITNESSES = 2


def _one_row_per_quotation(rows: list[Row], claims: Sequence[Claim]) -> list[Row]:
    """Quote rows that hold sentences of one quoted passage of an article are one row: outlets
    that quote different sentences of one statement ('"We apologise to every family. This
    should never have happened"' / '"This should never have happened"') quote the same thing, as
    a careful reader counts it. Two rows join only when, in every article that has both, their
    claims are sentences of one passage, and their speakers do not differ; the joined row keeps
    an article's earliest sentence of the passage. Only rows of several articles join, and only
    when PASSAGE_WITNESSES outlets quote both in one passage: a sentence no other outlet quotes
    stays a row of its own (what only that outlet has)."""
    quote_rows = [r for r in rows if _shared_quote(r)]
    parent = list(range(len(quote_rows)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    groups: dict[int, list[int]] = {r: [r] for r in range(len(quote_rows))}
    # Each group's passage per article and its speakers, kept as groups merge (the smaller into
    # the larger), so that a passage many rows share costs no more than its rows.
    passages: dict[int, dict[str, str | None]] = {
        r: {aid: _quotation(claims[i]) for aid, i in row.members.items()} for r, row in enumerate(quote_rows)
    }
    speakers: dict[int, set[str]] = {
        r: {row.speaker} if row.speaker else set() for r, row in enumerate(quote_rows)
    }
    by_passage: dict[tuple[str, str], list[int]] = defaultdict(list)
    for r, row in enumerate(quote_rows):
        for aid, i in sorted(row.members.items()):
            key = _quotation(claims[i])
            if key is not None:
                by_passage[(aid, key)].append(r)
    for _where, found in sorted(by_passage.items()):
        for r in found[1:]:
            a, b = find(found[0]), find(r)
            if a == b or len(speakers[a] | speakers[b]) > 1:
                continue
            small, large = sorted((passages[a], passages[b]), key=len)
            both = [x for x in small if x in large]
            if any(small[x] is None or small[x] != large[x] for x in both) or len(both) < PASSAGE_WITNESSES:
                continue
            root, child = min(a, b), max(a, b)
            parent[child] = root
            groups[root] += groups.pop(child)
            large.update(small)
            passages[root] = large
            speakers[root] = speakers[a] | speakers[b]
            del passages[child], speakers[child]
    merged: list[Row] = [r for r in rows if not _shared_quote(r)]
    for ids in groups.values():
        if len(ids) == 1:
            merged.append(quote_rows[ids[0]])
            continue
        members: dict[str, int] = {}
        for r in ids:
            for aid, i in quote_rows[r].members.items():
                if aid not in members or claims[i].position < claims[members[aid]].position:
                    members[aid] = i
        speaker = next((quote_rows[r].speaker for r in ids if quote_rows[r].speaker), None)
        merged.append(Row("quote", members, speaker=speaker))
    return merged


def _statement_row(members: dict[str, int], claims: Sequence[Claim], entity_index: EntityIndex) -> Row:
    """A claim, or a quote when most of its claims are quoted speech (with the speaker most of
    them name)."""
    quotes = [claims[i] for i in members.values() if claims[i].quoted]
    if 2 * len(quotes) >= len(members):
        speakers = Counter(entity_index.canonical(q.speaker) for q in quotes if q.speaker)
        top = min(speakers, key=lambda s: (-speakers[s], s)) if speakers else None
        # Named only when most of the quotes agree: outlets attributing one statement to
        # different people is not a speaker to print (the cells keep each outlet's sentence).
        speaker = top if top is not None and 2 * speakers[top] > len(quotes) else None
        return Row("quote", members, speaker=speaker)
    return Row("claim", members)


def _one_row_per_lone_sentence(
    rows: list[Row], claims: Sequence[Claim], figures_shown: frozenset[tuple[str, int]] = frozenset()
) -> list[Row]:
    """Clauses of one sentence that no other article reports are one row, and so are the
    sentences of one quote: an exclusive sentence or quote is one thing an editor reads, and
    splitting it only adds rows. The claim kept is the one carrying the most (figures and quotes
    first, then content words); but in a sentence whose figure a shared row already shows
    (`figures_shown`), a clause without figures comes first ("..., prompting a warning from the
    union"), so that the row's label says what only this article has."""

    def weight(claim: Claim) -> tuple[Any, ...]:
        shown = (claim.article, claim.position) in figures_shown
        return (shown and not claim.values, *_weight(claim))

    kept: list[Row] = []
    lone: dict[tuple[str, str], Row] = {}
    for row in rows:
        if len(row.members) != 1:
            kept.append(row)
            continue
        ((aid, i),) = row.members.items()
        quote = next((m.key for m in claims[i].mentions if m.kind == "quote"), None)
        where = (aid, quote or f"sentence:{claims[i].position:08d}")
        if where not in lone or weight(claims[i]) > weight(claims[next(iter(lone[where].members.values()))]):
            lone[where] = row
    kept.extend(lone[w] for w in sorted(lone))
    return kept


def _weight(claim: Claim) -> tuple[int, int, int, str]:
    return (len(claim.values), int(claim.quoted), len(content_stems(claim.text)), claim.key)


# --- values ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Value:
    claim: int
    mention: Mention
    low: float
    high: float


def _value_rows(linked: Linked, scorer: LinkScorer, cache: dict[tuple[int, int], float]) -> list[Row]:
    """Equal figures across articles are one row; a different figure in the same slot is a
    conflict cell on that row."""
    claims = linked.claims
    groups: dict[str, list[_Value]] = defaultdict(list)
    vague: list[_Value] = []
    for i, claim in enumerate(claims):
        if i in linked.duplicates:
            continue
        for m in claim.values:
            if m.kind == "date" and not _specific_date(m):
                continue
            low, high = value_range(m)
            if m.approximate and ":~" in m.key:
                vague.append(_Value(i, m, low, high))  # "dozens of people": only ever a partial cell
                continue
            groups[m.key].append(_Value(i, m, low, high))
    # Most widely reported figure first, then an order that does not depend on file names.
    ordered = sorted(
        groups.items(),
        key=lambda kv: (
            -len({claims[v.claim].article for v in kv[1]}),
            min(claims[v.claim].key for v in kv[1]),
            kv[0],
        ),
    )
    rows: list[tuple[Row, list[_Value]]] = []
    masked: dict[int, Any] = {}
    for _key, vals in ordered:
        members: dict[str, int] = {}
        for v in sorted(vals, key=lambda v: (claims[v.claim].article, claims[v.claim].position)):
            members.setdefault(claims[v.claim].article, v.claim)
        placed = False
        for row, pool in rows:
            relation = _relation(pool, vals, linked, scorer, masked)
            if relation is None or set(members) & set(row.members):
                continue
            for aid, i in members.items():
                if aid in row.members or aid in row.others:
                    continue
                if relation == "same":
                    row.members[aid] = i
                else:
                    row.others[aid] = ("conflict", i)
            if relation == "same":
                pool.extend(vals)
            placed = True
            break
        if not placed:
            first = vals[0].mention
            rows.append((Row(first.kind, members, value=first.value, value_text=first.text), list(vals)))
    for row, pool in rows:
        for v in sorted(vague, key=lambda v: claims[v.claim].key):
            aid = claims[v.claim].article
            if aid in row.members or aid in row.others:
                continue
            if any(
                p.mention.slot == v.mention.slot
                and _same_slot(p.claim, v.claim, linked, scorer, masked, p.mention.slot)
                for p in pool
            ):
                row.others[aid] = ("partial", v.claim)
    return [r for r, _ in rows]


def _one_row_per_lone_figure_sentence(rows: list[Row], claims: Sequence[Claim]) -> list[Row]:
    """Figures that only one article gives, in one sentence ("a family with a 300,000
    loan will pay 90 more a month"), are one row, as an exclusive statement is: the
    editor reads one sentence, and a row per figure only repeats it. Figures several articles
    give stay a row each, even in the same sentences ("four dead and 12 hurt" are two
    facts, and outlets differ on which they report). The row kept is the weightiest figure
    (money, then counts, then dates; then the first told)."""
    lone: dict[tuple[str, int], Row] = {}
    for row in rows:
        if len(row.members) == 1 and not row.others:
            ((aid, i),) = row.members.items()
            where = (aid, claims[i].position)
            if where not in lone or _figure_weight(row, claims) < _figure_weight(lone[where], claims):
                lone[where] = row
    chosen = {id(r) for r in lone.values()}
    return [r for r in rows if len(r.members) != 1 or r.others or id(r) in chosen]


def _figure_weight(row: Row, claims: Sequence[Claim]) -> tuple[int, int, int, str]:
    """Sort key of figure rows told in the same sentences: kind, then place in the sentence of the
    first article (by content hash)."""
    i = min(row.members.values(), key=lambda i: claims[i].key)
    at = claims[i].sentence.find(row.value_text or "")
    return (_KIND_ORDER.get(row.kind, 9), claims[i].clause, at if at >= 0 else 1 << 30, row.value_text or "")


def _relation(
    pool: list[_Value], vals: list[_Value], linked: Linked, scorer: LinkScorer, masked: dict[int, Any]
) -> str | None:
    """'same' when a figure of `vals` is one of `pool` within stated precision, 'conflict' when
    it is a different figure in the same slot, None when they measure different things."""
    claims = linked.claims
    found: set[str] = set()
    for a in pool:
        for b in vals:
            if claims[a.claim].article == claims[b.claim].article:
                continue
            if a.mention.slot != b.mention.slot:
                if _same_count_other_noun(a, b, claims):
                    found.add("same")
                continue
            overlap = intervals_meet((a.low, a.high), (b.low, b.high))
            if _two_tallies(a, b):
                overlap = False
            elif not overlap and (a.mention.approximate or b.mention.approximate):
                continue
            if _stance(claims[a.claim], a.mention) != _stance(claims[b.claim], b.mention):
                continue  # a figure one side demands is not contradicted by one the other offers
            if _same_slot(a.claim, b.claim, linked, scorer, masked, a.mention.slot):
                found.add("same" if overlap else "conflict")
    # Every pair is looked at, so the answer does not depend on which comes first; an estimate
    # ("about 50") may cover two figures that contradict each other (47 and 50): the
    # contradiction is what an editor must see.
    if "conflict" in found:
        return "conflict"
    return "same" if found else None


def _two_tallies(a: _Value, b: _Value) -> bool:
    """Two different floors of a count of people ("at least 3 people died" / "at least 5"): the
    running tallies of a toll, arrests or rescues at two moments, which an editor must see as
    two figures. Floors of other things ("more than 1,000 homes" / "more than 1,200 homes")
    agree, as their intervals say."""
    return (
        a.high == b.high == math.inf
        and a.low != b.low
        and a.mention.slot == b.mention.slot == PEOPLE_SLOT
    )


# Counts of differently named things with the same value are one figure when their claims share
# this many content words besides the number ("three-part plan" / "three key points" of the
# plan / "three-point plan": the plan and whose it is). Carried over from the sentence-level fact
# builder, where it was checked on the seeds and the dev event.
SAME_VALUE_CONTEXT = 2


def _same_count_other_noun(a: _Value, b: _Value, claims: Sequence[Claim]) -> bool:
    """The same count of a thing two outlets name differently ("three-part" / "three-point")."""
    if a.mention.kind != "quantity" or b.mention.kind != "quantity":
        return False
    if (a.mention.value or {}).get("count") != (b.mention.value or {}).get("count"):
        return False
    if (a.mention.value or {}).get("unit") in _SHARE_UNITS or (b.mention.value or {}).get(
        "unit"
    ) in _SHARE_UNITS:
        return False
    return len(_context(claims[a.claim].text) & _context(claims[b.claim].text)) >= SAME_VALUE_CONTEXT


@lru_cache(maxsize=65536)
def _context(text: str) -> frozenset[str]:
    """A claim's content stems besides numbers (asked of one claim for every figure it meets)."""
    return frozenset(w for w in content_stems(text) if not w.isdigit())


# Rates are never "the same count of another noun": 3% is not 3 points of anything else.
_SHARE_UNITS = frozenset({"percent", "percentage point"})


# Verbs that say whose position a figure is rather than what happened: a figure demanded,
# offered, expected or forecast is not contradicted by another actor's figure or by the outcome
# ("the union demanded 18%" / "managers offered 9%"; "analysts expected 2%" / "prices rose 3%").
# Snowball stems of general English verbs, not taken from any article.
STANCE_STEMS = frozenset(
    """demand ask seek sought propos offer counteroff want request call expect forecast predict
    estim project target plan hope promis pledg bid claim insist urg suggest recommend""".split()
)
# How many words before a figure are searched for such a verb.
STANCE_WINDOW = 6


def _stance(claim: Claim, mention: Mention) -> frozenset[str]:
    """The stance verbs just before a figure (empty for a plain report)."""
    start = mention.start if mention.start >= 0 else max(0, claim.sentence.find(mention.text))
    before = words(claim.sentence[:start])[-STANCE_WINDOW:]
    return frozenset(s for s in (stem(w) for w in before) if s in STANCE_STEMS)


def _same_slot(
    i: int, j: int, linked: Linked, scorer: LinkScorer, masked: dict[int, Any], slot: str | None
) -> bool:
    """Do two claims measure the same thing? They do when, with their figures replaced by the
    unit they count, the scorer reads them as one statement. Counts of people must also share a
    word besides that unit: every count of people is a count of "people" ("All [people] were
    given new passports" / "At least [people] were hurt in the crash"), whereas a rarer unit is
    itself most of what two claims measure ("the road reopened after [hours]" / "crews took
    nearly [hours] to clear the pile-up")."""
    for k in (i, j):
        if k not in masked:
            claim = linked.claims[k]
            text = mask_values(claim)
            units = {stem(w) for m in claim.values for w in words(_unit_word(m))}
            masked[k] = (scorer.prepare(text), frozenset(content_stems(text)) - units - _FRAME_STEMS)
    (a, own_a), (b, own_b) = masked[i], masked[j]
    if slot == PEOPLE_SLOT and not own_a & own_b:
        return False
    return scorer.score(a, b) >= linked.threshold


# Words that frame a report rather than say what a count measures: the reporting verbs and the
# days of the week ("..., officials said on Monday"). Two counts of people that share only these
# share nothing. General English (compare.reporting, the calendar).
_FRAME_STEMS = frozenset(
    stem(w)
    for w in (
        *finite((*SPEECH_VERBS, *ANNOUNCING_VERBS)),
        *(day.lower() for day in calendar.day_name),
        "official",
        "officials",
    )
)


def _unit_word(m: Mention) -> str:
    """The word mask_values writes in place of a figure: the last part of its slot."""
    return (m.slot or m.kind).rsplit(":", 1)[-1]


def mask_values(claim: Claim) -> str:
    """The claim's text with each figure replaced by the name of its unit ("$1.4 billion" ->
    "money"), so that two claims differing only in their figures read the same."""
    text = claim.text
    for m in sorted(claim.values, key=lambda m: -len(m.text)):
        text = text.replace(m.text, f" {_unit_word(m)} ")
    return " ".join(text.split())


def value_range(m: Mention) -> tuple[float, float]:
    """The interval a stated figure covers, as the extractor read it from the figure's precision
    and qualifier ("1.4 billion" -> 1.35-1.45 billion; see compare.extract.numbers.value_range).
    A figure without one (a date) only equals itself."""
    if m.range is not None:
        return float(m.range[0]), float(m.range[1])
    return _point(m.key)


def _point(key: str) -> tuple[float, float]:
    """A value with no number (a date): an interval of its own that only equals itself."""
    n = int(hashlib.sha1(key.encode()).hexdigest()[:12], 16)
    return float(n), float(n)


def _specific_date(m: Mention) -> bool:
    """A date worth a row: a month with its year written out, or a day resolved to the calendar
    ("on Tuesday", "yesterday", "March 23" in a dated article): outlets report the day an
    event happened in those words, and a row shows which of them say it. A week ("last week")
    is not a date of an event."""
    iso = (m.value or {}).get("date")
    if not isinstance(iso, str) or "W" in iso:
        return False
    return (len(iso) >= 7 and bool(re.search(r"\b\d{4}\b", m.text))) or len(iso) == 10


# --- merging and cells -----------------------------------------------------------------------


def _merge(
    values: list[Row],
    statements: list[Row],
    linked: Linked,
    figure_rows: Mapping[tuple[str, int], frozenset[int]],
) -> list[Row]:
    """A statement row whose claims are those of a value row is that row (the value row keeps
    the figure, the statement gives quote and speaker); a lone claim already shown as a figure's
    evidence adds nothing, and neither does a statement of several outlets each stating a shared
    figure in the sentence its row shows (`_figure_row_telling`). (A lone statement on one of a shared
    figure's sentences stays a row: its clause is often what only that outlet adds.)"""
    claims = linked.claims
    # A lone sentence that is the only evidence of a figure's row says nothing more; one that is
    # one of several outlets' evidence for a shared figure may carry a fact of its own.
    value_sentences = {
        (aid, claims[i].position) for r in values if len(r.members) == 1 for aid, i in r.members.items()
    }
    by_sentences: dict[frozenset[tuple[str, int]], Row] = {}
    for r in values:  # a statement of every cell of a figure's row, contradicting ones included
        by_sentences[frozenset((aid, claims[i].position) for aid, i in r.members.items())] = r
        by_sentences[frozenset((aid, claims[i].position) for aid, i in r.cells())] = r
    rows = list(values)
    for row in statements:
        key = frozenset((aid, claims[i].position) for aid, i in row.members.items())
        target = by_sentences.get(key)
        if target is None and len(row.members) > 1:
            target = _figure_row_telling(row, values, figure_rows, claims)
        if target is not None:
            if row.kind == "quote" and target.speaker is None:
                target.speaker = row.speaker
            continue
        if len(row.members) == 1 and next(iter(key)) in value_sentences:
            continue
        rows.append(row)
    return rows


def _figure_row_telling(
    row: Row,
    values: Sequence[Row],
    figure_rows: Mapping[tuple[str, int], frozenset[int]],
    claims: Sequence[Claim],
) -> Row | None:
    """The shared figure row a statement row of several outlets tells again, if any: each of its
    claims states that row's figure, in the sentence the row shows for that outlet ("The
    council offered 3.5%" beside the row "3.5%"). The figure row already joins those sentences,
    and the editor would read the same cells twice. `figure_rows` (from _shared_figure_rows)
    gives the candidates, so no statement is compared with every figure row."""
    shared = frozenset.intersection(
        *(figure_rows.get((aid, claims[i].position), frozenset()) for aid, i in row.members.items())
    )
    for n in sorted(shared):
        if all(any(_tells(m, values[n], aid) for m in claims[i].values) for aid, i in row.members.items()):
            return values[n]
    return None


# The parts of a figure's value that say what it is a figure of, not how much: a count or sum
# given as a point or a range ("up to five years" / "two to five years") is one figure of years.
_AMOUNT_KEYS = frozenset({"count", "count_high", "amount", "amount_high"})


def _tells(m: Mention, row: Row, aid: str) -> bool:
    """Does a mention, in the sentence the figure row shows for article `aid`, state that row's
    figure? The same value, or, where the row states the article's figure (not a contradicting
    one), for counts and sums the same thing counted in another form (a range, a bound)."""
    if m.value == row.value:
        return True
    if aid not in row.members or m.kind != row.kind:
        return False
    if m.kind == "date":  # one day, however written ("next Monday", "March 23")
        return bool(m.value) and bool(row.value) and m.value.get("date") == row.value.get("date")
    if m.kind not in ("money", "quantity"):
        return False
    if not m.value or not row.value:
        return False
    return {k: v for k, v in m.value.items() if k not in _AMOUNT_KEYS} == {
        k: v for k, v in row.value.items() if k not in _AMOUNT_KEYS
    }


def _one_row_per_evidence(rows: list[Row], linked: Linked) -> list[Row]:
    """Rows an editor would read as one: two rows whose cells are the very same sentences (two
    clauses of one sentence, each joined to the same sentence of another outlet) are one row,
    unless they are figures (two figures of one sentence are two facts). The row kept is the one
    whose clauses agree best (the strongest mean link: its label is what the outlets share), then
    the one whose claims carry the most (figures, quotes, content words).

    (A row of one article whose sentence another, shared row already shows is kept: its clause
    is often what only that outlet says, e.g. "..., prompting a warning from the union".)"""
    claims = linked.claims
    kept: dict[Any, int] = {}
    for n, row in enumerate(rows):
        cells = frozenset((aid, claims[i].position) for aid, i in row.cells())
        # figures told in the same sentences stay a row each ("killed" and "injured")
        key = (cells, row.kind, str(row.value)) if row.kind in _VALUE_KINDS else cells
        if key not in kept or _row_weight(row, linked) > _row_weight(rows[kept[key]], linked):
            kept[key] = n
    return [rows[n] for n in sorted(kept.values())]


def _row_weight(row: Row, linked: Linked) -> tuple[float, int, int, int]:
    """How well a row's claims agree (mean stored link), then what they carry together."""
    members = sorted(row.members.values())
    pairs = [(i, j) for n, i in enumerate(members) for j in members[n + 1 :]]
    agreement = sum(linked.links.get(p, 0.0) for p in pairs) / len(pairs) if pairs else 0.0
    weights = [_weight(linked.claims[i]) for i in members]
    return (agreement, sum(w[0] for w in weights), sum(w[1] for w in weights), sum(w[2] for w in weights))


def _shown_sentences(rows: Sequence[Row], claims: Sequence[Claim]) -> frozenset[tuple[str, int]]:
    """(article, sentence) of every cell of `rows`: sentences an editor already reads."""
    return frozenset((aid, claims[i].position) for row in rows for aid, i in row.cells())


def _shared_figure_rows(
    values: Sequence[Row], claims: Sequence[Claim]
) -> dict[tuple[str, int], frozenset[int]]:
    """(article, sentence) of every cell of a figure row several articles share -> those rows."""
    rows: dict[tuple[str, int], set[int]] = defaultdict(set)
    for n, row in enumerate(values):
        if len(row.cells()) > 1:
            for aid, i in row.cells():
                rows[(aid, claims[i].position)].add(n)
    return {where: frozenset(ns) for where, ns in rows.items()}


def _people_rows(
    mentions: Sequence[ArticleMentions],
    entity_index: EntityIndex,
    claims: Sequence[Claim],
    *,
    shown: frozenset[tuple[str, int]] = frozenset(),
) -> list[Row]:
    """One row per person named in any article (spelling variants and surnames merged): who is
    in whose story. The evidence is the first sentence that names them. A person only one
    article names, in a sentence already shown on another row of that article (`shown`), is no
    row: the row would repeat that sentence and compare nothing."""
    first_claim = {(c.article, c.position): i for i, c in reversed(list(enumerate(claims)))}
    people = {entity_index.canonical(p) for am in mentions for p in am.people}
    seen: dict[str, dict[str, int]] = {}
    for am in mentions:
        for position, ms in enumerate(am.by_sentence):
            for m in ms:
                if m.kind != "entity":
                    continue
                name = entity_index.canonical(str(m.value))
                if name in people and (am.article.id, position) in first_claim:
                    seen.setdefault(name, {}).setdefault(
                        am.article.id, first_claim[(am.article.id, position)]
                    )
    return [
        Row("entity", members, value={"name": name}, value_text=name)
        for name, members in sorted(seen.items())
        if len(members) > 1 or not {(aid, claims[i].position) for aid, i in members.items()} <= shown
    ]


def evidence_text(claim: Claim) -> str:
    """The claim's sentence, cut to MAX_EVIDENCE characters around the claim when longer."""
    sentence = claim.sentence
    if len(sentence) <= MAX_EVIDENCE:
        return sentence
    start = max(0, sentence.find(claim.text[:40]))
    start = max(0, min(start, len(sentence) - MAX_EVIDENCE + 1))
    cut = sentence[start : start + MAX_EVIDENCE - 2]
    return ("…" if start else "") + cut + "…"


def _to_fact(row: Row, articles: Sequence[Article], linked: Linked) -> Fact:
    claims = linked.claims
    coverage: list[tuple[str, Cell]] = []
    for article in articles:
        if article.id in row.members:
            c = claims[row.members[article.id]]
            cell = Cell("stated", evidence_text(c), c.paragraph)
        elif article.id in row.others:
            status, i = row.others[article.id]
            c = claims[i]
            cell = Cell(status, evidence_text(c), c.paragraph)
        else:
            cell = Cell("absent")
        coverage.append((article.id, cell))
    wide = 2 * len(row.members) > len(articles) > 1
    label = fact_label(
        row.kind, row.value, row.value_text, row.speaker, sorted(row.members.values()), linked, wide=wide
    )
    return Fact("", row.kind, label, row.value, row.speaker, tuple(coverage))


def _order_key(fact: Fact, articles: Sequence[Article]) -> tuple[Any, ...]:
    """Facts everyone has first, then those most outlets have, exclusives last; within a band,
    contradicted figures first (what a reader must not miss), then by the first article that has
    it and where."""
    present = [i for i, (_, c) in enumerate(fact.coverage) if c.status != "absent"]
    stated = [i for i, (_, c) in enumerate(fact.coverage) if c.status == "stated"]
    first = stated[0] if stated else (present[0] if present else len(articles))
    cell = fact.coverage[first][1] if first < len(fact.coverage) else Cell("absent")
    conflicted = any(c.status == "conflict" for _, c in fact.coverage)
    return (
        -len(present),
        not conflicted,
        first,
        cell.paragraph or 0,
        _KIND_ORDER.get(fact.kind, 9),
        fact.label,
    )
