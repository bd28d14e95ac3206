"""reuse: which articles of a run copy passages from which (wire copy, "churnalism").

A sentence is copied from another article when most of its word 3-grams ("shingles") are in one
sentence of that article: near-verbatim copies keep them all, a lightly edited one (a word swapped,
a clause cut) keeps most, while two outlets' own wordings of the same news share a few. Quoted
speech is taken out first: two stories quoting the same press conference copy the speaker, not each
other. Candidates come from an inverted index shingle -> sentences, so the work grows with the
shingles the articles share, not with the number of sentence pairs.

Direction: when two articles share passages, the one that published later, or that credits the
other's outlet, or (failing both) the one of which the shared text is the larger share (the other
is the superset) is the copier.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from compare.attribution import agency, fold
from compare.model import Article, Reuse
from compare.text import STOPWORDS, words

# Word n-grams compared: 3 words survive light edits (one changed word removes at most 3 of a
# sentence's ~20 shingles) yet two independent wordings of one fact rarely share three in a row.
SHINGLE_WORDS = 3
# A sentence with fewer distinct shingles (once quotes are removed) is no evidence of copying: a
# short line or a quote with "he said" around it.
MIN_SHINGLES = 4
# A sentence is copied from another article's sentence that holds at least this share of its
# shingles. Measured, not tuned: the copies in tests/fixtures/reuse (words swapped, clauses cut)
# score 0.7-1.0; each sentence's best match in another article of the seeds, harbour-fire,
# bridge-collapse and central-bank (no article copies another) scores 0.0-0.4, one sentence 0.5.
# A single sentence is never enough (MIN_COPIED_SENTENCES below).
SENTENCE_CONTAINMENT = 0.5
# An article is listed as copying another from this many copied sentences on ...
MIN_COPIED_SENTENCES = 2
# ... that make at least this share of its story sentences: below it, two or three common sentences
# (a shared background paragraph) are noise rather than reuse.
MIN_REPORTED_SHARE = 0.15
# Shingles found in more sentences than this are stock phrases ("said in a statement"), left out of
# the index so that a run of 1,000 articles on one event stays near-linear.
MAX_POSTINGS = 2000
# Quoted speech: double quotes, guillemets, and single quotes that open and close around 10+
# characters (an apostrophe inside a word is not a quote mark).
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|«[^»]*»|„[^“”]*[“”]|(?<!\w)['‘][^'‘’]{10,}?['’](?!\w)")

Shingle = str


def shingles(text: str) -> set[Shingle]:
    """The sentence's word 3-grams outside quotes, leaving out those made of stopwords only."""
    tokens = words(_QUOTED.sub(" ", text))
    out = set()
    for i in range(len(tokens) - SHINGLE_WORDS + 1):
        gram = tokens[i : i + SHINGLE_WORDS]
        if any(t not in STOPWORDS for t in gram):
            out.add(" ".join(gram))
    return out


def copied_counts(articles: Sequence[Article]) -> tuple[list[dict[int, int]], list[int]]:
    """For each article, how many of its sentences are copied from each other article (by index),
    and how many sentences it has that can be evidence.

    Sentences with the same shingles are one "variant", matched once: a wire sentence carried by
    200 articles costs one look-up, not 200, and each article then adds up, per sentence, the set
    of articles holding a matching variant (set operations, not pair loops)."""
    variant_of: dict[frozenset[Shingle], int] = {}
    holders: list[set[int]] = []  # variant -> the articles that have it
    article_variants: list[list[int]] = []
    by_text: dict[str, frozenset[Shingle]] = {}  # a sentence carried word for word is shingled once
    for a, article in enumerate(articles):
        own = []
        for sentence in article.sentences:
            grams = by_text.get(sentence.text)
            if grams is None:
                grams = by_text[sentence.text] = frozenset(shingles(sentence.text))
            if len(grams) < MIN_SHINGLES:
                continue
            v = variant_of.setdefault(grams, len(variant_of))
            if v == len(holders):
                holders.append(set())
            holders[v].add(a)
            own.append(v)
        article_variants.append(own)
    variants = list(variant_of)
    index: dict[Shingle, list[int]] = defaultdict(list)
    for v, grams in enumerate(variants):
        for gram in grams:
            index[gram].append(v)
    sources: dict[int, frozenset[int]] = {}  # variant -> articles holding it or a close variant

    def sources_of(v: int) -> frozenset[int]:
        if v not in sources:
            grams = variants[v]
            hits: Counter[int] = Counter()
            for gram in grams:
                postings = index[gram]
                if len(postings) <= MAX_POSTINGS:
                    hits.update(postings)
            need = SENTENCE_CONTAINMENT * len(grams)
            sources[v] = frozenset().union(*(holders[u] for u, n in hits.items() if n >= need))
        return sources[v]

    copied: list[dict[int, int]] = []
    for a, own in enumerate(article_variants):
        counts: Counter[int] = Counter()
        for v in own:
            counts.update(sources_of(v))
        counts.pop(a, None)
        copied.append(dict(counts))
    return copied, [len(own) for own in article_variants]


@dataclass(frozen=True)
class _Clues:
    """What tells the direction of a copy, worked out once per article."""

    date: str | None  # YYYY-MM-DD
    outlet: str | None  # folded
    credits: frozenset[str]  # folded
    wire: bool  # credits a news agency (a dateline, "with AP" ...)
    agency_copy: bool  # published by a news agency: its own wire story

    @classmethod
    def of(cls, article: Article) -> _Clues:
        return cls(
            article.published[:10] if article.published else None,
            fold(article.outlet) if article.outlet else None,
            frozenset(fold(c) for c in article.credits),
            any(agency(c) for c in article.credits),
            bool(article.outlet and agency(article.outlet)),
        )


def _a_copies(a: _Clues, b: _Clues, share_a: float, share_b: float) -> bool | None:
    """Does `a` copy `b` (True), `b` copy `a` (False), or does nothing tell (None)?"""
    if a.date and b.date and a.date != b.date:
        return a.date > b.date  # the later text is the copy
    a_credits_b = b.outlet is not None and b.outlet in a.credits
    b_credits_a = a.outlet is not None and a.outlet in b.credits
    if a_credits_b != b_credits_a:
        return a_credits_b
    # An agency sells its copy to newspapers, not the other way round: the agency's own story is
    # the original of a non-agency text that shares its passages.
    if a.agency_copy != b.agency_copy:
        return b.agency_copy
    # Wire copy carries its agency's dateline or credit; a copy that strips it is the later text.
    if a.wire != b.wire:
        return b.wire
    # The source is the superset: the copier is the text of which the shared passages are more.
    if round(share_a, 2) != round(share_b, 2):
        return share_a > share_b
    return None


def find_reuses(articles: Sequence[Article]) -> dict[str, tuple[Reuse, ...]]:
    """Article id -> the articles it copies passages from, largest share first."""
    copied, totals = copied_counts(articles)
    clues = [_Clues.of(a) for a in articles]

    def share(i: int, j: int) -> float:
        n = copied[i].get(j, 0)
        return n / totals[i] if n >= MIN_COPIED_SENTENCES and totals[i] else 0.0

    found: list[dict[int, float]] = []
    for i, counts in enumerate(copied):
        mine: dict[int, float] = {}
        least = max(MIN_COPIED_SENTENCES, MIN_REPORTED_SHARE * totals[i])
        for j, n in counts.items():
            if n < least:
                continue
            share_ij = n / totals[i]
            if _a_copies(clues[i], clues[j], share_ij, share(j, i)) is not False:
                mine[j] = round(share_ij, 2)
        found.append(mine)
    # each article's main source: the one it copies most (ties: the first in order)
    main = [max(f.items(), key=lambda x: (x[1], -x[0]))[0] if f else None for f in found]
    return {articles[i].id: _explained(i, found, main, articles) for i in range(len(articles))}


def _explained(
    i: int, found: list[dict[int, float]], main: list[int | None], articles: Sequence[Article]
) -> tuple[Reuse, ...]:
    """Leave out a copy of a copy: when A copies B and C, and C's main source is B (C copies B, not
    B C), A's passages shared with C are B's text, unless A shares more with C than with B."""
    mine = found[i]
    keep = []
    for c, share_c in mine.items():
        b = main[c]
        if b is not None and b != c and b in mine and c not in found[b] and mine[b] >= share_c:
            continue
        keep.append(Reuse(articles[c].id, share_c))
    return tuple(sorted(keep, key=lambda x: (-x.share, x.article)))


def with_reuses(articles: Sequence[Article]) -> tuple[Article, ...]:
    """The articles, each with the `reuses` it has among the others."""
    reuses = find_reuses(articles)
    return tuple(replace(a, reuses=reuses.get(a.id, ())) for a in articles)
