"""Small text utilities shared by the steps: folding, words, content stems and their weights.

Stems come from a real stemmer (Snowball English); there is no synonym table: meaning beyond
shared stems is the embedding model's job (`compare.embed`, `compare.link`).

Kept in one place so that clean, align and cover compare words the same way.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

# Letters that NFKD does not split into base + accent, folded by hand for name matching.
_FOLD_EXTRA = str.maketrans(
    {"æ": "ae", "ø": "o", "å": "a", "ß": "ss", "ł": "l", "đ": "d", "þ": "th", "ð": "d", "œ": "oe", "ı": "i"}
)
_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
    }
)
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)

# Function words and reporting filler: they say nothing about which fact a sentence carries.
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are around as at be because
    been before being below between both but by can could did do does doing down during each
    even ever every few for from further had has have having he her here hers herself him
    himself his how however i if in into is it its itself just least less many may me might
    more most much must my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should since so some such than that the their theirs them
    themselves then there these they this those though through thus to too under until up upon
    us very was we were what when where whether which while who whom whose why will with would
    yet you your yours yourself yourselves said says say saying told tells added adding according
    also still already well one whose another within without across along among amid via per
    like unlike really quite rather almost nearly later earlier today yesterday tomorrow
    mr mrs ms dr st
    """.split()
)

# Number words, shared by the extractors and by the stemmer (so "five" and "5" compare equal).
NUMBER_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "dozen": 12,
}

# The stemmer: Snowball's English (Porter 2) algorithm, pure Python and without data files.
# Chosen over a prefix cut, which merged police/policy, interest/international and
# translated/transport, and over a lemmatiser (simplemma) for matching words, whose dictionary
# lemmas keep "injured"/"injure" vs "injury" apart just as the stemmer does and cost about 0.2 s
# to load. (simplemma is used for one job it does better: the singular of a counted noun,
# compare.extract.plurals.) Loaded on first use so that importing this module stays cheap.
STEMMER_LANGUAGE = "english"

# Weight of a name's stem relative to other words of the same rarity. Swept on the seeds and the
# dev event and two test events (0.4-1.0, with the link thresholds): 0.8 scored best overall;
# at 1.0 two quotes of one speaker merged into one fact.
NAME_WEIGHT = 0.8
# Share of cosine (against weighted containment) in overlap_score.
COSINE_SHARE = 0.5


def fold(text: str) -> str:
    """Lower-case, accent-free, straight-quoted form for comparing names and words."""
    text = text.translate(_QUOTES).lower()
    if text.isascii():
        return text
    text = text.translate(_FOLD_EXTRA)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    """The words of a text, folded, possessives removed."""
    out = []
    for w in _WORD.findall(fold(text)):
        if w.endswith("'s"):
            w = w[:-2]
        out.append(w)
    return out


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    import snowballstemmer

    return snowballstemmer.stemmer(STEMMER_LANGUAGE)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Map a folded word to the key used for overlap: its Snowball stem ("injured" -> "injur",
    "presented" -> "present"), number words as digits ("five" -> "5")."""
    if word in NUMBER_WORDS:
        return str(NUMBER_WORDS[word])
    if word.isdigit():
        return word
    return str(_stemmer().stemWord(word))


def content_stems(text: str) -> list[str]:
    """Stems of the words that carry content: no function words, no single letters."""
    return [stem(w) for w in words(text) if w not in STOPWORDS and (len(w) > 1 or w.isdigit())]


def content_terms(text: str) -> list[str]:
    """Content stems plus the pairs of content words that stand side by side ("defen+minis",
    "irrev+path"): a shared phrase is stronger evidence of one statement than two shared words."""
    terms: list[str] = []
    previous: str | None = None
    for w in words(text):
        if w in STOPWORDS or (len(w) < 2 and not w.isdigit()):
            previous = None
            continue
        s = stem(w)
        terms.append(s)
        if previous is not None and previous != s:
            terms.append(previous + "+" + s)
        previous = s
    return terms


_NAME_WORD = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-ZÀ-ÖØ-Þ][\w'’-]+")


def name_stems(text: str) -> set[str]:
    """Stems of the capitalised words inside a sentence (not its first word): names of people,
    places and organisations."""
    return {stem(w) for m in _NAME_WORD.finditer(text) for w in words(m.group(0))}


class Weights:
    """Inverse document frequency of stems over a collection of texts (sentences).

    A stem found in few sentences tells more about which fact a sentence carries than one found
    everywhere: "resigned" beats "council" in a story about a council.
    """

    def __init__(self, documents: Iterable[Iterable[str]]) -> None:
        df: Counter[str] = Counter()
        n = 0
        for doc in documents:
            n += 1
            df.update(set(doc))
        self.n = max(n, 1)
        self._idf = {s: math.log((1 + self.n) / (1 + c)) + 1.0 for s, c in df.items()}
        self._unknown = math.log(1 + self.n) + 1.0

    def idf(self, stem_: str) -> float:
        return self._idf.get(stem_, self._unknown)

    def vector(self, stems: Iterable[str], names: Iterable[str] = ()) -> dict[str, float]:
        """IDF-weighted bag of stems, each stem counted once (sentences are short). Names count
        for less: the same person says many things, so a shared name is weak evidence that
        two sentences report the same one."""
        names = set(names)
        return {s: self.idf(s) * (NAME_WEIGHT if _has_name(s, names) else 1.0) for s in set(stems)}


def _has_name(term: str, names: set[str]) -> bool:
    return term in names or ("+" in term and any(part in names for part in term.split("+")))


def mix(cosine: float, containment: float) -> float:
    return COSINE_SHARE * cosine + (1 - COSINE_SHARE) * containment


def overlap_score(a: dict[str, float], b: dict[str, float]) -> float:
    """Similarity of two weighted bags that survives one text being longer than the other.

    The mean of cosine (penalises padding on both sides) and the weighted overlap coefficient
    (shared weight over the smaller bag's weight: a short paraphrase inside a long sentence).
    """
    if not a or not b:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    shared = [k for k in a if k in b]
    if not shared:
        return 0.0
    dot = sum(a[k] * b[k] for k in shared)
    norm_a = math.sqrt(sum(v * v for v in a.values()))
    norm_b = math.sqrt(sum(v * v for v in b.values()))
    cosine = dot / (norm_a * norm_b)
    small = min(sum(a.values()), sum(b.values()))
    containment = sum(a[k] for k in shared) / small
    return mix(cosine, containment)
