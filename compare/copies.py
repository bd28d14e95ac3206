"""copies: which articles of a folder hold which other articles' sentences nearly word for word.

`compare check` flags an article as a copy when most of its text is in another one. Comparing
every article with every other (each time folding both articles' sentences again) grew with the
square of the folder: 1,000 articles took 155 s. Here each article's sentence keys are computed
once, and a sentence is only compared (rapidfuzz ratio) with the sentences that share one of the
rarer half of its word shingles: two sentences at ratio 90 or more differ by a word or two, so
they share most of their three-word shingles, and rare shingles point at few sentences. The work grows
with the number of sentences and of near-identical sentence pairs, not with the square of the
folder. Identical articles are grouped first, so a folder of one file copied a thousand times
costs no more than one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from compare.model import Article
from compare.text import words

# Shingles of this many words: long enough that most are rare within one event's folder (outlets
# share names and phrases, seldom three words in a row outside a quote), short enough that a
# sentence with one word changed keeps most of them.
SHINGLE_WORDS = 3


@dataclass(frozen=True)
class ArticleKeys:
    """An article's sentences as folded word strings (the copy check's unit), and their length."""

    keys: tuple[str, ...]

    @property
    def size(self) -> int:
        return sum(map(len, self.keys))


def sentence_keys(article: Article) -> ArticleKeys:
    keys = (" ".join(words(s.text)) for s in article.sentences)
    return ArticleKeys(tuple(k for k in keys if k))


def _fingerprints(key: str) -> list[str]:
    """The sentence's word shingles; a sentence shorter than one shingle is its own."""
    tokens = key.split()
    if len(tokens) <= SHINGLE_WORDS:
        return [key]
    return sorted({" ".join(tokens[i : i + SHINGLE_WORDS]) for i in range(len(tokens) - SHINGLE_WORDS + 1)})


def shared_text(
    articles: Sequence[ArticleKeys], *, ratio: float, min_sentences: int = 1
) -> dict[tuple[int, int], tuple[int, int]]:
    """(i, j) -> (how many of article i's sentences article j has at `ratio` or more, and their
    characters).

    Articles with fewer than `min_sentences` sentences are left out (they cannot be a copy, nor
    hold one). Only pairs that share at least one sentence appear.
    """
    # Unique sentence keys, each with every (article, sentence index) that holds it.
    holders: dict[str, list[int]] = defaultdict(list)
    for a, art in enumerate(articles):
        if len(art.keys) >= min_sentences:
            for key in art.keys:
                holders[key].append(a)
    keys = sorted(holders)
    index: dict[str, list[int]] = defaultdict(list)
    prints = [_fingerprints(key) for key in keys]
    for k, fingerprints in enumerate(prints):
        for fp in fingerprints:
            index[fp].append(k)
    similar: list[list[int]] = [[k] for k in range(len(keys))]  # unique key -> keys at `ratio`
    for k, fingerprints in enumerate(prints):
        # Prefix filtering: a sentence that shares more than half of this one's shingles shares
        # at least one of any half of them plus one, so only the rarest half is looked up.
        prefix = sorted(fingerprints, key=lambda fp: (len(index[fp]), fp))[: len(fingerprints) // 2 + 1]
        candidates: set[int] = set()
        for fp in prefix:
            candidates.update(index[fp])
        later = sorted(o for o in candidates if o > k)
        if not later:
            continue
        for _, _, at in process.extract(
            keys[k], [keys[o] for o in later], scorer=fuzz.ratio, score_cutoff=ratio, limit=None
        ):
            similar[k].append(later[at])
            similar[later[at]].append(k)
    shared: dict[tuple[int, int], tuple[int, int]] = {}
    for k, key in enumerate(keys):
        having = {b for o in similar[k] for b in holders[keys[o]]}
        size = len(key)
        for a in holders[key]:  # an article holding the sentence twice counts it twice
            for b in having:
                if b != a:
                    count, chars = shared.get((a, b), (0, 0))
                    shared[(a, b)] = (count + 1, chars + size)
    return shared


def copy_shares(
    articles: Sequence[ArticleKeys], *, ratio: float, min_sentences: int
) -> dict[tuple[int, int], tuple[float, int, int]]:
    """For each pair i < j sharing sentences: (share of the shorter one's sentence characters
    found in the other, sentences found, the shorter one's sentence count). The shorter is the
    one with fewer sentence characters, `i` on a tie.

    Articles with identical sentences are grouped: each later one shares everything with the
    first (share 1.0), and only the first takes part in the search.
    """
    first_of: dict[tuple[str, ...], int] = {}
    distinct: list[int] = []
    shares: dict[tuple[int, int], tuple[float, int, int]] = {}
    for n, art in enumerate(articles):
        if art.keys in first_of and len(art.keys) >= min_sentences:
            shares[(first_of[art.keys], n)] = (1.0, len(art.keys), len(art.keys))
            continue
        first_of.setdefault(art.keys, n)
        distinct.append(n)
    sizes = [articles[n].size for n in distinct]
    counts = [len(articles[n].keys) for n in distinct]
    shared = shared_text([articles[n] for n in distinct], ratio=ratio, min_sentences=min_sentences)
    for (x, y) in shared:
        if x > y:
            continue
        short, long_ = (x, y) if sizes[x] <= sizes[y] else (y, x)
        count, chars = shared.get((short, long_), (0, 0))
        if sizes[short]:
            shares[(distinct[x], distinct[y])] = (chars / sizes[short], count, counts[short])
    return shares
