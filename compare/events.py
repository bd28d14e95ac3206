"""events: sort a pile of articles into news events, without comparing every pair.

Each article is reduced to a profile (`profile`): the names it mentions, the figures it gives,
its content words and its publication day. Candidate pairs come from blocking: an inverted index
over each article's rarest features, capped by document frequency, so that an article is only
ever scored against the articles that share something specific with it (sparse TF-IDF nearest
neighbours). A pair's score mixes shared names, shared figures and content overlap, damped by the
distance between publication days. Events are then built by average linkage over the candidate
graph: two groups merge only when the mean score over *all* their cross pairs (computed exactly)
is high enough, so one bridging pair cannot chain two stories together.

Everything is decided by the articles' content, never by file names or their order: profiles
are sorted by a hash of the cleaned text before any step that could depend on order.

The constants below were fitted by `scripts/fit_events.py` on generated mixtures of events
(`bench/mixtures.py`, generator seeds 100-104: eight story templates, different places, people and
figures per event, same-template "sequel" events weeks apart). The tests check other seeds and
the real events of the repository, which the fit never saw.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from compare.model import Article
from compare.text import NUMBER_WORDS, STOPWORDS, fold, stem, words

# --- what a pair's score is made of (fitted, see the module docstring) ---------------------
# Shares of the three similarities (cosines) in a pair's score. Names weigh most: articles of
# one story name the same people and places, while two stories of the same kind (two fires, two
# rate decisions) share most of their vocabulary and few of their names. Figures tell apart the
# same kind of story in the same place; content words keep apart stories that share a famous name.
# Fitted together with MERGE_SCORE and the half-life (mean B-cubed F1 0.988 over the training
# mixtures, all-pairs average linkage); FIGURE_SHARE is held at most 0.2 by a prior, see
# scripts/fit_events.py.
NAME_SHARE = 0.6
FIGURE_SHARE = 0.2
TERM_SHARE = 0.2
# Two groups of articles become one event when the mean score of their cross pairs reaches this.
# Fitted: best mean B-cubed F1 over the training mixtures (0.10-0.45 swept in steps of 0.025).
MERGE_SCORE = 0.175
# Publication days this far apart cost nothing (follow-ups and late reports of one story)...
DATE_GRACE_DAYS = 3
# ...beyond that, a pair's score halves every this many days: the same place in the news three
# weeks later is usually another event. Fitted among 3, 5, 7, 10 and 14 days.
DATE_HALF_LIFE_DAYS = 5

# Candidate pairs scoring below this do not make their groups neighbours. Two groups whose mean
# cross-pair score reaches MERGE_SCORE always have a pair that does (the best pair is at least the
# mean), so with this floor at the merge score the only merges lost are those whose good pairs
# all escaped blocking. Without it a big story's group neighbours every group that shares its
# country's name, and the exact cross sums for those hopeless neighbours took 30 of 35 seconds
# at 10,000 articles.
LINK_SCORE = MERGE_SCORE

# --- blocking -------------------------------------------------------------------------------
# Each article is indexed under this many of its rarest features (names, figures, words). More
# finds more true pairs in long articles and costs linearly; with 40, 97.5-99.6% of the
# same-event pairs of the training mixtures are candidates (scripts/fit_events.py prints it), and
# events are joined through chains of candidates, so the rest is found anyway.
BLOCK_KEYS = 40
# Features found in more articles than this are not indexed (their posting lists would make the
# candidate search quadratic). Above the size of nearly every news event in a month of coverage;
# a bigger story still shares rarer features (its figures, its quotes' words) among its articles.
BLOCK_MAX_DF = 150
# Each article keeps at most this many candidate partners (those sharing the most of its rare
# features). Events are joined through chains of candidates, so this need not reach the event's
# size; average linkage then checks every cross pair exactly.
NEIGHBOURS = 30
# A candidate must share at least this many indexed features: one shared rare word is chance.
MIN_SHARED_KEYS = 2

# --- profiles -------------------------------------------------------------------------------
# Content words kept per article (the most frequent): bounds the cost of a pair's score on very
# long articles; a news story's subject shows in far fewer than this.
MAX_TERMS = 150
# A paragraph in which this share of the words is capitalised is a headline or a teaser line in
# title case, not prose: its capitalised words are not taken for names.
TITLE_CASE_SHARE = 0.6

# Capitalised words that are not names (general English tables: calendar words, titles, pronouns).
NOT_NAMES = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday mr mrs ms dr prof sir madam president minister prime chief mayor governor
    senator secretary general deputy judge police officials the a an i it he she we they this
    that these those there here his her its their our but and or if in on at for from by with
    as after before when while however meanwhile earlier later also""".split()
)

_TOKEN = re.compile(r"[^\W_][\w'’\-]*", re.UNICODE)
_NUMBER = re.compile(r"(?<![\w.])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\w.,])\d+(?:\.\d+)?")
_SENTENCE_END = re.compile(r"[.!?]")  # between two words: the second opens a sentence


@dataclass(frozen=True)
class Profile:
    """What clustering knows about one article. `key` (a hash of the story text) orders
    profiles, so nothing depends on file names."""

    key: str
    names: tuple[str, ...]  # sorted
    figures: tuple[str, ...]  # sorted
    terms: tuple[tuple[str, int], ...]  # (content stem, count), the MAX_TERMS most frequent
    day: int | None  # publication date as a proleptic ordinal, when known


def profile(article: Article) -> Profile:
    """Reduce an article to the features that tell its event apart."""
    text = "\n".join(p.text for p in article.paragraphs)
    key = hashlib.sha1(text.encode("utf-8")).hexdigest()
    names: set[str] = set()
    figures: set[str] = set()
    terms: Counter[str] = Counter()
    for paragraph in article.paragraphs:
        names.update(_names(paragraph.text))
        figures.update(_figures(paragraph.text))
        terms.update(
            stem(w) for w in words(paragraph.text) if w not in STOPWORDS and len(w) > 2 and not w.isdigit()
        )
    top = sorted(terms.items(), key=lambda item: (-item[1], item[0]))[:MAX_TERMS]
    return Profile(
        key, tuple(sorted(names)), tuple(sorted(figures)), tuple(sorted(top)), publication_day(article)
    )


def _names(text: str) -> set[str]:
    """Folded capitalised words that do not open a sentence: people, places, organisations."""
    matches = list(_TOKEN.finditer(text))
    capitalised = sum(1 for m in matches if m.group(0)[0].isupper())
    if not matches or capitalised >= TITLE_CASE_SHARE * len(matches):
        return set()
    found: set[str] = set()
    previous_end = 0
    for i, match in enumerate(matches):
        token = match.group(0)
        opens_sentence = i == 0 or bool(_SENTENCE_END.search(text, previous_end, match.start()))
        previous_end = match.end()
        if opens_sentence or not token[0].isupper() or (token.isupper() and len(token) > 4):
            continue
        folded = fold(token).removesuffix("'s").strip("'-")
        if len(folded) > 1 and folded not in NOT_NAMES and folded not in STOPWORDS:
            found.add(folded)
    return found


def _figures(text: str) -> set[str]:
    """Numbers as plain digits ("12,000" -> "12000"), plus number words from ten up."""
    found = {m.group(0).replace(",", "") for m in _NUMBER.finditer(text)}
    found.update(str(NUMBER_WORDS[w]) for w in words(text) if NUMBER_WORDS.get(w, 0) >= 10)
    return found


def publication_day(article: Article) -> int | None:
    """The article's publication date (an ISO date at the start of `published`) as an ordinal."""
    return publication_ordinal(article.published) if article.published else None


def publication_ordinal(published: str) -> int | None:
    """An ISO date ("2023-03-05", or a timestamp starting with one) as a day number."""
    try:
        return dt.date.fromisoformat(published.strip()[:10]).toordinal()
    except ValueError:
        return None


def iso_day(day: int) -> str:
    return dt.date.fromordinal(day).isoformat()


# --- scoring ----------------------------------------------------------------------------------


class Scorer:
    """Pair scores over one collection: features weighted by how rare they are in it."""

    def __init__(self, profiles: Sequence[Profile]) -> None:
        self.profiles = profiles
        n = len(profiles)
        self.df: Counter[str] = Counter()
        for p in profiles:
            self.df.update(_keys(p))
        self._idf = {k: math.log((1 + n) / (1 + c)) + 1.0 for k, c in self.df.items()}
        self.parts = [self._parts(p) for p in profiles]
        self.vectors = [_combined(parts) for parts in self.parts]

    def idf(self, key: str) -> float:
        return self._idf[key]

    def _parts(self, p: Profile) -> tuple[dict[str, float], ...]:
        """Unit vectors of the names, the figures and the words, each weighted by rarity."""
        names = {"n:" + n: self._idf["n:" + n] for n in p.names}
        figures = {"f:" + f: self._idf["f:" + f] for f in p.figures}
        terms = {"t:" + t: (1.0 + math.log(c)) * self._idf["t:" + t] for t, c in p.terms}
        return tuple(_unit(v) for v in (names, figures, terms))

    def score(self, i: int, j: int) -> float:
        """How likely articles i and j report the same event, from 0 to 1: the shares of the
        name, figure and word cosines (one dot product of the combined vectors), damped by date."""
        similarity = _dot(self.vectors[i], self.vectors[j])
        return similarity * date_factor(self.profiles[i].day, self.profiles[j].day)

    def features(self, i: int, j: int) -> tuple[float, float, float, int | None]:
        """The parts of a pair's score (name, figure and word similarity, days apart), for fitting."""
        a, b = self.parts[i], self.parts[j]
        di, dj = self.profiles[i].day, self.profiles[j].day
        gap = abs(di - dj) if di is not None and dj is not None else None
        return _dot(a[0], b[0]), _dot(a[1], b[1]), _dot(a[2], b[2]), gap


def _combined(parts: Sequence[dict[str, float]]) -> dict[str, float]:
    """One vector whose dot product is the share-weighted sum of the three cosines (each part
    scaled by the square root of its share; the keys' prefixes keep the parts apart)."""
    combined: dict[str, float] = {}
    for part, share in zip(parts, (NAME_SHARE, FIGURE_SHARE, TERM_SHARE), strict=True):
        scale = math.sqrt(share)
        combined.update((k, v * scale) for k, v in part.items())
    return combined


def date_factor(a: int | None, b: int | None) -> float:
    """1 within DATE_GRACE_DAYS (or when a date is unknown), then halving every half-life."""
    if a is None or b is None:
        return 1.0
    gap = abs(a - b) - DATE_GRACE_DAYS
    return 1.0 if gap <= 0 else 0.5 ** (gap / DATE_HALF_LIFE_DAYS)


def _keys(p: Profile) -> Iterable[str]:
    yield from ("n:" + n for n in p.names)
    yield from ("f:" + f for f in p.figures)
    yield from ("t:" + t for t, _ in p.terms)


def _unit(vector: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(math.fsum(v * v for v in vector.values()))
    return {k: v / norm for k, v in vector.items()} if norm else {}


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    # fsum: exactly rounded, so the result does not depend on the set's (hash-seeded) order
    return math.fsum([a[k] * b[k] for k in a.keys() & b.keys()])


# --- blocking -----------------------------------------------------------------------------------


def candidate_pairs(scorer: Scorer) -> list[tuple[int, int]]:
    """Pairs (i < j) worth scoring: each article with the NEIGHBOURS articles that share the most
    of its BLOCK_KEYS rarest features (those in 2..BLOCK_MAX_DF articles)."""
    df, profiles = scorer.df, scorer.profiles
    chosen: list[list[str]] = []
    postings: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(profiles):
        usable = [k for k in _keys(p) if 2 <= df[k] <= BLOCK_MAX_DF]
        usable.sort(key=lambda k: (df[k], k))
        chosen.append(usable[:BLOCK_KEYS])
        for k in usable:
            postings[k].append(i)
    pairs: set[tuple[int, int]] = set()
    for i, keys in enumerate(chosen):
        shared: Counter[int] = Counter()
        for k in keys:
            shared.update(postings[k])
        del shared[i]
        ranked = sorted((j for j, c in shared.items() if c >= MIN_SHARED_KEYS), key=lambda j: (-shared[j], j))
        pairs.update((min(i, j), max(i, j)) for j in ranked[:NEIGHBOURS])
    return sorted(pairs)


# --- clustering ---------------------------------------------------------------------------------


def cluster(profiles: Sequence[Profile]) -> list[list[int]]:
    """Sort articles into events; returns lists of indices into `profiles`.

    Events come biggest first, then by earliest member key; members in key order. The result
    depends only on the profiles, not on their order in the input."""
    order = sorted(range(len(profiles)), key=lambda i: _sort_key(profiles[i]))
    groups = _average_linkage(Scorer([profiles[i] for i in order]))
    events = [[order[m] for m in sorted(group)] for group in groups]  # members in content order
    events.sort(key=lambda e: (-len(e), _sort_key(profiles[e[0]])))
    return events


def _sort_key(p: Profile) -> tuple[str, int, tuple[str, ...], tuple[str, ...], tuple[tuple[str, int], ...]]:
    """Content first; profiles equal in every field are interchangeable, so their order is moot."""
    return (p.key, -1 if p.day is None else p.day, p.names, p.figures, p.terms)


def _average_linkage(scorer: Scorer) -> list[list[int]]:
    """Merge the best pair of neighbouring groups while their mean cross-pair score reaches
    MERGE_SCORE. Groups are neighbours when a candidate pair joins them; the mean is over every
    cross pair, scored on demand."""
    n = len(scorer.profiles)
    members: dict[int, list[int]] = {i: [i] for i in range(n)}  # group id = its smallest member
    sums: dict[int, dict[int, float]] = {i: {} for i in range(n)}  # score sums between neighbours
    for i, j in candidate_pairs(scorer):
        s = scorer.score(i, j)
        if s >= LINK_SCORE:
            sums[i][j] = sums[j][i] = s
    heap = [(-s, i, j) for i in sums for j, s in sums[i].items() if i < j and s >= MERGE_SCORE]
    heapq.heapify(heap)
    while heap:
        negative, a, b = heapq.heappop(heap)
        if a not in members or b not in members or b not in sums[a]:
            continue
        if -negative != sums[a][b] / (len(members[a]) * len(members[b])):
            continue  # stale: a side grew since this entry was pushed
        side_a, side_b = members.pop(a), members.pop(b)
        sums_a, sums_b = sums.pop(a), sums.pop(b)
        merged = a  # a < b: the group keeps its smallest member's id
        members[merged] = sorted(side_a + side_b)
        new_sums: dict[int, float] = {}
        for g in sorted((set(sums_a) | set(sums_b)) - {a, b}):
            from_a = sums_a[g] if g in sums_a else _cross_sum(scorer, side_a, members[g])
            from_b = sums_b[g] if g in sums_b else _cross_sum(scorer, side_b, members[g])
            new_sums[g] = from_a + from_b
            sums[g].pop(a, None)
            sums[g].pop(b, None)
        sums[merged] = new_sums
        for g, total in new_sums.items():
            sums[g][merged] = total
            mean = total / (len(members[merged]) * len(members[g]))
            if mean >= MERGE_SCORE:
                heapq.heappush(heap, (-mean, min(merged, g), max(merged, g)))
    return [members[g] for g in sorted(members)]


def _cross_sum(scorer: Scorer, left: Sequence[int], right: Sequence[int]) -> float:
    return sum(scorer.score(i, j) for i in left for j in right)
