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
from dataclasses import replace

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
# shingles. Near-verbatim copies score 0.9-1.0, a sentence with two words changed about 0.6-0.7;
# own wordings of the same news by different outlets about 0.1-0.3 (checked on the seeds and the
# harbour-fire and bridge-collapse events, where no article copies another).
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
    and how many sentences it has that can be evidence."""
    sentence_shingles: list[list[set[Shingle]]] = []
    index: dict[Shingle, list[tuple[int, int]]] = defaultdict(list)
    for a, article in enumerate(articles):
        own = [s for s in (shingles(x.text) for x in article.sentences) if len(s) >= MIN_SHINGLES]
        sentence_shingles.append(own)
        for s, grams in enumerate(own):
            for gram in grams:
                index[gram].append((a, s))
    copied: list[dict[int, int]] = []
    for a, own in enumerate(sentence_shingles):
        counts: Counter[int] = Counter()
        for grams in own:
            hits: Counter[tuple[int, int]] = Counter()
            for gram in grams:
                postings = index[gram]
                if len(postings) <= MAX_POSTINGS:
                    hits.update(p for p in postings if p[0] != a)
            need = SENTENCE_CONTAINMENT * len(grams)
            sources = {other for (other, _), n in hits.items() if n >= need}
            counts.update(sources)
        copied.append(dict(counts))
    return copied, [len(own) for own in sentence_shingles]


def _copier(a: Article, b: Article, share_a: float, share_b: float) -> Article | None:
    """Which of two articles sharing passages copies the other; None when nothing tells."""
    if a.published and b.published and a.published[:10] != b.published[:10]:
        return a if a.published[:10] > b.published[:10] else b
    credits_a = {fold(c) for c in a.credits}
    credits_b = {fold(c) for c in b.credits}
    a_credits_b = bool(b.outlet and fold(b.outlet) in credits_a)
    b_credits_a = bool(a.outlet and fold(a.outlet) in credits_b)
    if a_credits_b != b_credits_a:
        return a if a_credits_b else b
    # Wire copy carries its agency's dateline or credit; a copy that strips it is the later text.
    wire_a, wire_b = _credits_agency(a), _credits_agency(b)
    if wire_a != wire_b:
        return b if wire_a else a
    if round(share_a, 2) != round(share_b, 2):
        return a if share_a > share_b else b
    return None


def _credits_agency(article: Article) -> bool:
    return any(agency(c) for c in article.credits)


def find_reuses(articles: Sequence[Article]) -> dict[str, tuple[Reuse, ...]]:
    """Article id -> the articles it copies passages from, largest share first."""
    copied, totals = copied_counts(articles)

    def share(i: int, j: int) -> float:
        n = copied[i].get(j, 0)
        return n / totals[i] if n >= MIN_COPIED_SENTENCES and totals[i] else 0.0

    found: dict[str, list[Reuse]] = {a.id: [] for a in articles}
    for i, counts in enumerate(copied):
        for j in counts:
            share_ij, share_ji = share(i, j), share(j, i)
            if share_ij < MIN_REPORTED_SHARE:
                continue
            copier = _copier(articles[i], articles[j], share_ij, share_ji)
            if copier is None or copier is articles[i]:
                found[articles[i].id].append(Reuse(articles[j].id, round(share_ij, 2)))
    return {aid: _explained(aid, reuses, found) for aid, reuses in found.items()}


def _explained(aid: str, reuses: list[Reuse], found: dict[str, list[Reuse]]) -> tuple[Reuse, ...]:
    """Leave out a copy of a copy: when A copies B and C, and C itself copies B, A's passages shared
    with C are B's text (unless A shares more with C than with B)."""
    share = {r.article: r.share for r in reuses}
    copies = {src: {x.article for x in found.get(src, [])} for src in share}
    keep = []
    for r in reuses:
        c = r.article
        # B explains C only when C copies B and not the other way round (a tie says nothing).
        if any(b in copies[c] and c not in copies[b] and share[b] >= r.share for b in share if b != c):
            continue
        keep.append(r)
    return tuple(sorted(keep, key=lambda x: (-x.share, x.article)))


def with_reuses(articles: Sequence[Article]) -> tuple[Article, ...]:
    """The articles, each with the `reuses` it has among the others."""
    reuses = find_reuses(articles)
    return tuple(replace(a, reuses=reuses.get(a.id, ())) for a in articles)
