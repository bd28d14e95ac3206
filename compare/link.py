"""link: do two claims say the same thing? One function over named features, one small model.

A pair of claims (sentences or clauses) is described by a fixed list of named features (shared
informative words, shared and conflicting values, shared names, predicate, negation and
modality agreement, length, and the embedding cosine when a sentence-embedding model is given),
and a logistic regression over them gives the probability that a news editor would call the two
the same statement. The weights, the intercept and the decision threshold are fitted by
`scripts/fit_link.py` on real rewording (the MSRP news paraphrase pairs plus claim pairs from the
visible gold events) and shipped in `link_weights.json`; nothing here is tuned by hand. See
docs/link.md for the fitted figures.

Word informativeness does not depend on the texts being compared: it is a word's frequency in
general English (wordfreq's Zipf scale, aggregated per stem and shipped in `link_zipf.json`), so
a pair's score never changes when other articles are added to a comparison.

Scoring is a pure-Python dot product: no numpy on the lexical path. For many pairs, prepare each
claim once with `LinkScorer.prepare` and score prepared pairs with `LinkScorer.score`.

    >>> import compare
    >>> compare.same_claim("The council approved the new water tax on Monday.",
    ...                    "On Monday the council approved the new tax on water.")
    True
"""

from __future__ import annotations

import calendar
import json
import math
import operator
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from rapidfuzz.distance.LCSseq import normalized_similarity as lcs_similarity
from rapidfuzz.fuzz import ratio, token_set_ratio

from compare.text import STOPWORDS, fold, stem, words

WEIGHTS_FILE = Path(__file__).with_name("link_weights.json")
ZIPF_FILE = Path(__file__).with_name("link_zipf.json")

# The features, in the order the weights file lists them. The embedding model adds EMBED_FEATURES.
LEXICAL_FEATURES = (
    "cosine",  # cosine of the informativeness-weighted bags of content stems
    "containment",  # shared weight over the lighter bag's weight (a short claim inside a long one)
    "coverage",  # shared weight over the heavier bag's weight (what the longer one adds lowers it)
    "bigrams",  # share of adjacent content-stem pairs found in both (a shared phrase)
    "rare_shared",  # log(1 + stems rarer than RARE_ZIPF found in both)
    "rare_unshared",  # log(1 + stems rarer than RARE_ZIPF found in only one)
    "values_shared",  # log(1 + values (money, counts, percentages, dates, numbers) found in both)
    "values_unmatched",  # log(1 + values of one with no compatible value in the other)
    "value_conflict",  # 1 when a unit both give has no compatible pair: "$1.4bn" vs "$2bn"
    "names_shared",  # log(1 + capitalised names found in both)
    "names_unmatched",  # log(1 + names of one not found in the other)
    "predicate_shared",  # share of the smaller set of predicate stems found in both
    "predicate_clash",  # 1 when both have predicates and share none
    "negation_mismatch",  # 1 when one is negated ("not", "never", "n't") and the other is not
    "modality_mismatch",  # 1 when they hedge differently ("may" / "will" / plain)
    "length_ratio",  # content words of the shorter over those of the longer
    "word_jaccard",  # Jaccard of all words, function words included (same wording, same order of ideas)
    "surface",  # edit similarity of the alphabetically sorted words (rapidfuzz token-sort ratio)
    "surface_set",  # the same on shared words + each side's own (rapidfuzz token-set ratio)
    "word_order",  # longest common subsequence of the two word sequences over the longer one
)
# The embedding model's features, after the lexical ones (docs/link.md, "Features").
EMBED_FEATURES = (
    "embed_cosine",  # cosine of the two sentence embeddings (unit vectors)
    "embed_rest",  # cosine of what each says beyond their shared tokens (mean of its own tokens)
    "embed_clauses",  # the worst-matched clause's best cosine to a clause of the other
)
EMBED_FEATURE = EMBED_FEATURES[0]

# Where a sentence's ideas join, for `embed_clauses`: punctuation, dashes, and the coordinating,
# relative, temporal and causal words that start a new clause. A claim is one statement when
# every clause of each has a counterpart in the other; a clause it lacks (an added detail, the
# usual MSRP non-paraphrase) lowers the feature however much the rest shares.
CLAUSE_BREAK = re.compile(
    r"\s*(?:[,;:()]|--| - |\band\b|\bbut\b|\bwhich\b|\bwho\b|\bwhile\b|\bafter\b|\bbecause\b)\s*"
)
# Pieces shorter than this many words ("he said", a lone name) are not clauses of their own.
MIN_CLAUSE_WORDS = 2

# Zipf frequency (log10 of occurrences per billion words) at or below which a stem counts as
# rare: beyond the ~20,000 commonest English words ("turnovers" 3.3; a household acronym is not rare).
RARE_ZIPF = 3.5
# Informativeness of a stem = ZIPF_CEILING - its Zipf frequency = -log10(its probability in
# English): the self-information of the word, in digits ("the" 1.3, "police" 3.7, a name 6).
ZIPF_CEILING = 9.0

# A vague count ("dozens of", "hundreds of") covers this multiple of its representative value
# (extract's VAGUE_COUNTS: "dozens" = 24) on each side: 12-120.
VAGUE_SPAN = (0.5, 5.0)
# Content words before a figure that say what it measures (its slot, roughly: the predicate
# and the subject's last word in "the quake destroyed 140 homes").
CONTEXT_WORDS = 3
# Cached prepared claims per scorer; past this the cache is cleared (memory stays bounded).
PREPARED_CACHE_SIZE = 200_000

_NUMBER_TOKEN = re.compile(r"(?<![\w.,])\d[\d,]*(?:\.\d+)?(?![\w])")
_YEAR = re.compile(r"(?<![\w.,$€£])(1[89]\d\d|20\d\d)(?![\w,.]\d)")
_MONTH_NUMBER = {name.lower(): i for i, name in enumerate(calendar.month_name) if name} | {
    name.lower(): i for i, name in enumerate(calendar.month_abbr) if name
}
_WEEKDAY_NUMBER = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_DAY_OF_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\b")

NEGATORS = frozenset("not no never none nobody nothing neither nor cannot without".split())
# Hedges grouped by what they do to a claim; a pair whose sets of groups differ is a mismatch.
MODALITY = {
    "may": "possible",
    "might": "possible",
    "could": "possible",
    "possibly": "possible",
    "perhaps": "possible",
    "likely": "possible",
    "unlikely": "possible",
    "reportedly": "reported",
    "allegedly": "reported",
    "will": "future",
    "shall": "future",
    "would": "conditional",
    "should": "obligation",
    "must": "obligation",
}
# Words after which the next content word is a predicate ("will resign", "has agreed", "to fund").
PREDICATE_CUES = frozenset(
    """will would shall should may might must can could to has have had was were is are be been
    being did does do he she they we i it who which that not never""".split()
)

# Function words that may stand between a cue and its predicate ("has also agreed").
_CUE_KEEPERS = frozenset("also already still just now even".split())


# How far above itself a floor ("more than 6", "at least 40") reaches when it is compared with
# another figure: an order of magnitude. A writer who means 30,000 does not write "at least 3";
# without a reach, every floor would meet every larger count of its unit. From how figures are
# written, not fitted.
FLOOR_REACH = 10.0


def intervals_meet(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Do two stated figures share a value? Half-open at the rounding edges: "14" (13.5-14.5) and
    "15" (14.5-15.5) only touch, and are two figures; "$1.4bn" and "$1.375bn" meet. A point (a
    date) meets itself; "at least 6" meets "8" and "at least 4", but not "300,000" (FLOOR_REACH)."""
    (a_low, a_high), (b_low, b_high) = a, b
    if a_high == math.inf:
        a_high = a_low * FLOOR_REACH
    if b_high == math.inf:
        b_high = b_low * FLOOR_REACH
    if a_low == a_high or b_low == b_high:
        return a_low <= b_high and b_low <= a_high
    return a_low < b_high and b_low < a_high


@dataclass(frozen=True, slots=True)
class Value:
    """A figure a claim gives, as an interval in one unit: "$1.4 billion" is money:USD
    1.35e9-1.45e9. `conflicts` is False for units that cannot contradict (a bare number);
    `context` tells what the figure measures ("destroyed 140 homes": {"destroy"})."""

    unit: str
    low: float
    high: float
    conflicts: bool = True
    context: frozenset[str] = frozenset()  # stems of the content words just before the figure

    def compatible(self, other: Value) -> bool:
        return self.unit == other.unit and intervals_meet((self.low, self.high), (other.low, other.high))


@dataclass(frozen=True, slots=True, eq=False)
class Prepared:
    """Everything the scorer needs about one claim, computed once."""

    text: str
    stems: frozenset[str]  # distinct content stems
    weights: dict[str, float]  # content stem -> informativeness
    squares: dict[str, float]  # content stem -> informativeness squared
    total: float  # sum of the weights
    norm: float  # Euclidean norm of the weights
    bigrams: frozenset[str]
    rare: frozenset[str]
    values: tuple[Value, ...]
    names: tuple[frozenset[str], ...]  # folded tokens of each capitalised name
    name_tokens: frozenset[str]
    predicates: frozenset[str]
    negated: bool
    modality: frozenset[str]
    length: int  # content words
    word_set: frozenset[str]  # all folded words
    sorted_words: str  # all folded words, sorted and joined by spaces
    tokens: tuple[str, ...]  # all folded words in order
    vector: Any = None  # unit-length sentence embedding, when the scorer has a model
    token_ids: frozenset[int] = frozenset()  # the model's token ids (special tokens included)
    token_index: dict[int, int] | None = None  # token id -> its row in token_sums
    token_sums: Any = None  # per distinct token id, the sum of its contextual vectors (float32)
    token_total: Any = None  # the sum of all its tokens' contextual vectors (float32)
    clause_vectors: Any = None  # unit-length embeddings of its clauses (`clauses`), one row each


@dataclass(frozen=True)
class Explanation:
    """Why a pair scored what it did: each feature's value and its weighted contribution to the
    log-odds (score = sigmoid(intercept + sum of contributions))."""

    score: float
    same: bool
    features: dict[str, float]
    contributions: dict[str, float]
    intercept: float
    threshold: float


@dataclass(frozen=True)
class LinkModel:
    """One fitted logistic regression: feature names, weights, intercept, decision threshold."""

    features: tuple[str, ...]
    weights: tuple[float, ...]
    intercept: float
    threshold: float


@lru_cache(maxsize=1)
def _weights_file() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    return data


def load_model(kind: str) -> LinkModel:
    """The fitted model "lexical" (no embedding) or "embedding" from link_weights.json."""
    entry = _weights_file()["models"][kind]
    names = tuple(entry["features"])
    return LinkModel(
        features=names,
        weights=tuple(float(entry["weights"][n]) for n in names),
        intercept=float(entry["intercept"]),
        threshold=float(entry["threshold"]),
    )


@lru_cache(maxsize=1)
def _zipf() -> tuple[dict[str, float], float]:
    data = json.loads(ZIPF_FILE.read_text(encoding="utf-8"))
    return {k: float(v) for k, v in data["zipf"].items()}, float(data["floor"])


def informativeness(stem_: str) -> float:
    """-log10 of the stem's frequency in general English; stems outside the table (names,
    numbers, rare words) get the table's floor frequency, i.e. the highest weight."""
    table, floor = _zipf()
    return ZIPF_CEILING - table.get(stem_, floor)


# --- values ----------------------------------------------------------------------------------


def _date_value(text: str, iso: str | None) -> Value:
    """Dates as comparable numbers, ignoring the year (one story's dates share it): a day is
    month*100+day, a month its number, a weekday its index; relative dates only equal themselves."""
    folded = fold(text).strip(" .")
    if iso and len(iso) == 10 and iso[4] == "-":
        day = int(iso[5:7]) * 100 + int(iso[8:10])
        return Value("date:day", day, day)
    if iso and len(iso) == 7 and iso[4] == "-":
        month = int(iso[5:7])
        return Value("date:month", month, month)
    tokens = re.findall(r"[a-z]+", folded)
    weekday = next((_WEEKDAY_NUMBER[t] for t in tokens if t in _WEEKDAY_NUMBER), None)
    month_ = next((_MONTH_NUMBER[t] for t in tokens if t in _MONTH_NUMBER), None)
    day_match = _DAY_OF_MONTH.search(folded)
    if month_ is not None and day_match is not None:
        day = month_ * 100 + int(day_match.group(1))
        return Value("date:day", day, day)
    if month_ is not None:
        return Value("date:month", month_, month_)
    if weekday is not None:
        return Value("date:weekday", weekday, weekday)
    return Value("date:relative:" + folded, 0.0, 0.0, conflicts=False)


def find_values(sentence: str) -> tuple[Value, ...]:
    """Money, percentages, counts, dates, years and other numbers, each as an interval."""
    from compare.extract import find_dates, find_money, find_quantities
    from compare.extract.bounds import Taken
    from compare.extract.numbers import qualifier_before, value_range

    found: list[Value] = []
    spans: list[tuple[int, int]] = []
    restated: list[tuple[int, int]] = []  # a sum restated in brackets is no value of its own
    try:
        money = find_money(sentence, restated=restated)
        quantities = find_quantities(sentence, [(a, b) for a, b, _ in money] + restated)
    except (OverflowError, ValueError):  # a figure too large for a float ("$999...9 billion")
        money, quantities = [], []
    for start, end, mention in money:
        amount = float(mention.value["amount"])
        low, high = mention.range or (amount, amount)  # the stated precision, from the extractor
        found.append(Value("money:" + str(mention.value["currency"]), low, high))
        spans.append((start, end))
    for start, end, mention in quantities:
        count = float(mention.value["count"])
        unit = str(mention.value["unit"])
        if "~" in mention.key:
            low, high = count * VAGUE_SPAN[0], count * VAGUE_SPAN[1]
        else:
            low, high = mention.range or (count, count)
        found.append(Value("count:" + unit, low, high))
        spans.append((start, end))
    for start, end, mention in find_dates(sentence, None):
        found.append(_date_value(mention.text, mention.value.get("date")))
        spans.append((start, end))
    # Characters a figure already covers, so that its digits are not read again as a year or a
    # bare number: a mask, O(1) per look (a list of spans made 20,000 amounts quadratic).
    taken = Taken(len(sentence))
    for a, b in spans + restated:
        taken.mark(a, b)
    for m in _YEAR.finditer(sentence):
        if taken.free(m.start(), m.start() + 1):
            year = float(m.group(1))
            found.append(Value("year", year, year))
            spans.append((m.start(), m.end()))
            taken.mark(m.start(), m.end())
    for m in _NUMBER_TOKEN.finditer(sentence):
        if not taken.free(m.start(), m.start() + 1):
            continue
        try:
            number = float(m.group(0).replace(",", ""))
        except ValueError:
            continue
        low, high = value_range(number, m.group(0), 1.0, qualifier_before(sentence, m.start()))
        found.append(Value("number", low, high, conflicts=False))
        spans.append((m.start(), m.end()))
        taken.mark(m.start(), m.end())
    return tuple(
        Value(v.unit, v.low, v.high, v.conflicts, _context(sentence, start))
        for v, (start, _end) in zip(found, spans, strict=True)
    )


def _context(sentence: str, start: int) -> frozenset[str]:
    """Stems of the last CONTEXT_WORDS content words before a figure: what it measures."""
    before = [w for w in words(sentence[max(0, start - 80) : start]) if w not in STOPWORDS and w.isalpha()]
    return frozenset(stem(w) for w in before[-CONTEXT_WORDS:])


def _value_features(a: Sequence[Value], b: Sequence[Value]) -> tuple[float, float, float]:
    """(values found in both, values of one without a match, 1.0 if they conflict).

    A conflict is a unit both give with no compatible pair of figures, two of which measure
    the same thing (share a context word): "destroyed 140 homes" / "destroyed 320 homes", not
    "rose $2.11" / "closed at $21.03"."""
    if not a or not b:
        return 0.0, float(len(a) + len(b)), 0.0
    matched_a = sum(1 for v in a if any(v.compatible(w) for w in b))
    matched_b = sum(1 for w in b if any(w.compatible(v) for v in a))
    unmatched = (len(a) - matched_a) + (len(b) - matched_b)
    conflict = 0.0
    units_b = {w.unit for w in b if w.conflicts}
    for unit in {v.unit for v in a if v.conflicts} & units_b:
        in_a = [v for v in a if v.unit == unit]
        in_b = [w for w in b if w.unit == unit]
        if not any(v.compatible(w) for v in in_a for w in in_b) and any(
            v.context & w.context for v in in_a for w in in_b
        ):
            conflict = 1.0
            break
    return (matched_a + matched_b) / 2, float(unmatched), conflict


# --- preparing a claim -----------------------------------------------------------------------


def _names(sentence: str) -> tuple[frozenset[str], ...]:
    from compare.extract import find_names

    out = []
    for span in find_names(sentence):
        tokens = frozenset(t for t in words(span.text) if t not in STOPWORDS and len(t) > 1)
        if tokens:
            out.append(tokens)
    return tuple(out)


def prepare_text(text: str) -> Prepared:
    """Compute a claim's words, stems, values, names, predicates, negation and modality."""
    tokens = words(text)
    stems: list[str] = []
    bigrams: set[str] = set()
    predicates: set[str] = set()
    negated = False
    modality: set[str] = set()
    previous: str | None = None
    cue = False
    for token in tokens:
        if token in NEGATORS or token.endswith("n't"):
            negated = True
        group = MODALITY.get(token)
        if group is not None:
            modality.add(group)
        if token in STOPWORDS or (len(token) < 2 and not token.isdigit()):
            previous = None
            cue = token in PREDICATE_CUES or (cue and token in _CUE_KEEPERS)
            continue
        s = stem(token)
        stems.append(s)
        if previous is not None and previous != s:
            bigrams.add(previous + "+" + s)
        previous = s
        if (cue and not token.endswith("ly")) or (len(token) >= 5 and token.endswith("ed")):
            predicates.add(s)
            cue = False
        elif not token.endswith("ly"):
            cue = False
    weights = {s: informativeness(s) for s in set(stems)}
    table, floor = _zipf()
    rare = frozenset(s for s in weights if table.get(s, floor) <= RARE_ZIPF)
    names = _names(text)
    return Prepared(
        text=text,
        stems=frozenset(weights),
        weights=weights,
        squares={k: w * w for k, w in weights.items()},
        total=math.fsum(weights.values()),
        norm=math.sqrt(math.fsum(w * w for w in weights.values())),
        bigrams=frozenset(bigrams),
        rare=rare,
        values=find_values(text),
        names=names,
        name_tokens=frozenset(t for n in names for t in n),
        predicates=frozenset(predicates),
        negated=negated,
        modality=frozenset(modality),
        length=len(stems),
        word_set=frozenset(tokens),
        sorted_words=" ".join(sorted(tokens)),
        tokens=tuple(tokens),
    )


# --- features --------------------------------------------------------------------------------


def pair_features(a: Prepared, b: Prepared) -> list[float]:
    """The lexical features of a pair, in LEXICAL_FEATURES order; symmetric in a and b.

    Written for speed (set operations in C, no per-stem Python loop): the matrix scores every
    candidate pair of claims."""
    log1p, fsum = math.log1p, math.fsum
    shared = a.stems & b.stems
    if shared:
        weights = a.weights
        # fsum: exact whatever the set's order (which changes with the hash seed), so that a
        # pair's score, and the fitted weights, are the same in every process.
        shared_mass = fsum(map(weights.__getitem__, shared))
        dot = fsum(map(a.squares.__getitem__, shared))
        cosine = dot / (a.norm * b.norm)
        lighter, heavier = (a.total, b.total) if a.total <= b.total else (b.total, a.total)
        containment = shared_mass / lighter
        coverage = shared_mass / heavier
    else:
        cosine = containment = coverage = 0.0
    nba, nbb = len(a.bigrams), len(b.bigrams)
    bigrams = len(a.bigrams & b.bigrams) / (nba if nba <= nbb else nbb) if nba and nbb else 0.0
    rare_shared = len(a.rare & b.rare)
    rare_unshared = len(a.rare) + len(b.rare) - 2 * rare_shared
    if a.values or b.values:
        values_shared, values_unmatched, conflict = _value_features(a.values, b.values)
    else:
        values_shared = values_unmatched = conflict = 0.0
    if a.names or b.names:
        found_a = sum(1 for n in a.names if n & b.name_tokens)
        found_b = sum(1 for n in b.names if n & a.name_tokens)
        names_shared = (found_a + found_b) / 2
        names_unmatched = float(len(a.names) - found_a + len(b.names) - found_b)
    else:
        names_shared = names_unmatched = 0.0
    npa, npb = len(a.predicates), len(b.predicates)
    if npa and npb:
        common = len(a.predicates & b.predicates)
        predicate_shared = common / (npa if npa <= npb else npb)
        predicate_clash = 0.0 if common else 1.0
    else:
        predicate_shared = predicate_clash = 0.0
    shorter, longer = (a.length, b.length) if a.length <= b.length else (b.length, a.length)
    both = len(a.word_set & b.word_set)
    union = len(a.word_set) + len(b.word_set) - both
    return [
        cosine,
        containment,
        coverage,
        bigrams,
        log1p(rare_shared),
        log1p(rare_unshared),
        log1p(values_shared),
        log1p(values_unmatched),
        conflict,
        log1p(names_shared),
        log1p(names_unmatched),
        predicate_shared,
        predicate_clash,
        1.0 if a.negated != b.negated else 0.0,
        1.0 if a.modality != b.modality else 0.0,
        shorter / longer if longer else 1.0,
        both / union if union else 1.0,
        ratio(a.sorted_words, b.sorted_words) / 100.0,
        token_set_ratio(a.sorted_words, b.sorted_words) / 100.0,
        lcs_similarity(a.tokens, b.tokens),
    ]


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


# --- the scorer ------------------------------------------------------------------------------


class LinkScorer:
    """Scores pairs of claims with the fitted model; prepares and caches each claim once.

    `embedder` is None (lexical model) or an object with `encode(texts)` returning unit-length
    vectors (compare.embed), which selects the model fitted with the embedding cosine.
    """

    def __init__(self, embedder: Any = None, model: LinkModel | None = None) -> None:
        if embedder is not None and not callable(getattr(embedder, "encode_tokens", None)):
            raise TypeError(
                "the embedding link model needs token vectors: the embedder must have "
                "encode_tokens(texts) (compare.embed.Embedder)"
            )
        self.embedder = embedder
        self.model = model or load_model("lexical" if embedder is None else "embedding")
        expected = LEXICAL_FEATURES + (EMBED_FEATURES if embedder is not None else ())
        if self.model.features != expected:
            raise ValueError(f"link model features {self.model.features} != {expected}")
        self.threshold = self.model.threshold
        self._weights = self.model.weights
        self._intercept = self.model.intercept
        self._cache: dict[str, Prepared] = {}

    def prepare(self, text: str) -> Prepared:
        """The prepared form of a claim (cached by text)."""
        found = self._cache.get(text)
        if found is None:
            found = self.prepare_many([text])[0]
        return found

    def prepare_many(self, texts: Sequence[str]) -> list[Prepared]:
        """Prepare many claims at once (one embedding batch for those not cached yet)."""
        missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if missing:
            if len(self._cache) + len(missing) > PREPARED_CACHE_SIZE:
                self._cache.clear()
            prepared = [prepare_text(t) for t in missing]
            if self.embedder is not None:
                prepared = embed_prepared(prepared, self.embedder)
            for text, p in zip(missing, prepared, strict=True):
                self._cache[text] = p
        return [self._cache[t] for t in texts]

    def features(self, a: Prepared, b: Prepared) -> list[float]:
        values = pair_features(a, b)
        if self.embedder is not None:
            values += embedding_features(a, b)
        return values

    def score(self, a: Prepared, b: Prepared) -> float:
        """Probability (0-1) that the two prepared claims say the same thing."""
        values = pair_features(a, b)
        if self.embedder is not None:
            values += embedding_features(a, b)
        return _sigmoid(self._intercept + sum(map(operator.mul, self._weights, values)))

    def same(self, a: Prepared, b: Prepared) -> bool:
        return self.score(a, b) >= self.threshold

    def conflict(self, a: Prepared, b: Prepared) -> bool:
        """Same slot, different figure: the pair's figures conflict, and without that conflict
        the two would be the same claim ("destroyed 140 homes" / "destroyed 320 homes"). The
        fact builder shows such pairs as a conflict within one fact."""
        values = self.features(a, b)
        at = LEXICAL_FEATURES.index("value_conflict")
        if not values[at]:
            return False
        values[at] = 0.0
        z = self._intercept + sum(map(operator.mul, self._weights, values))
        return _sigmoid(z) >= self.threshold

    def explain(self, a: Prepared, b: Prepared) -> Explanation:
        values = self.features(a, b)
        names = self.model.features
        contributions = {n: w * x for n, w, x in zip(names, self._weights, values, strict=True)}
        score = _sigmoid(self._intercept + sum(contributions.values()))
        return Explanation(
            score=score,
            same=score >= self.threshold,
            features=dict(zip(names, values, strict=True)),
            contributions=contributions,
            intercept=self._intercept,
            threshold=self.threshold,
        )


# --- embedding features ----------------------------------------------------------------------


def clauses(text: str) -> list[str]:
    """The clauses of a claim (CLAUSE_BREAK), or the claim itself when it has no two."""
    parts = [p.strip(" .\"'") for p in CLAUSE_BREAK.split(text)]
    parts = [p for p in parts if len(p.split()) >= MIN_CLAUSE_WORDS]
    return parts or [text]


def embed_prepared(prepared: Sequence[Prepared], embedder: Any) -> list[Prepared]:
    """The prepared claims with their sentence, token and clause embeddings (two batches: the
    claims, then all their clauses)."""
    import numpy as np

    encoded = embedder.encode_tokens([p.text for p in prepared])
    pieces = [clauses(p.text) for p in prepared]
    flat = list(dict.fromkeys(c for cs in pieces for c in cs))
    vectors = np.asarray(embedder.encode(flat)) if flat else np.zeros((0, 0))
    row = {c: i for i, c in enumerate(flat)}
    out = []
    for p, e, cs in zip(prepared, encoded, pieces, strict=True):
        ids = [int(i) for i in e.ids]
        index = {i: n for n, i in enumerate(dict.fromkeys(ids))}
        # float32 as the model gives them: 384 numbers a token, ~40 KB a claim.
        tokens = np.asarray(e.tokens, dtype=np.float32)
        sums = np.zeros((len(index), tokens.shape[1]), dtype=np.float32)
        np.add.at(sums, [index[i] for i in ids], tokens)
        fields = {f: getattr(p, f) for f in Prepared.__dataclass_fields__}
        fields.update(
            vector=np.asarray(e.vector, dtype=np.float64),
            token_ids=frozenset(index),
            token_index=index,
            token_sums=sums,
            token_total=tokens.sum(axis=0),
            clause_vectors=vectors[[row[c] for c in cs]],
        )
        out.append(Prepared(**fields))
    return out


def embedding_features(a: Prepared, b: Prepared) -> list[float]:
    """The embedding features of a pair, in EMBED_FEATURES order; symmetric in a and b."""
    ca, cb = a.clause_vectors, b.clause_vectors
    if len(ca) == 1 and len(cb) == 1:
        worst_clause = float(ca[0] @ cb[0])
    else:
        similarity = ca @ cb.T
        worst_clause = float(min(similarity.max(axis=1).min(), similarity.max(axis=0).min()))
    return [float(a.vector @ b.vector), _rest_cosine(a, b), worst_clause]


def _rest_cosine(a: Prepared, b: Prepared) -> float:
    """Cosine of the mean contextual vectors of the tokens each claim has and the other lacks:
    whether the words that differ say the same ("rejected the bid" / "turned down the offer")
    or add something. When only one claim has tokens of its own, their mean against the other
    claim's sentence vector; 1.0 when both have the same tokens."""
    shared = a.token_ids & b.token_ids
    own_a, own_b = len(shared) < len(a.token_ids), len(shared) < len(b.token_ids)
    if not own_a and not own_b:
        return 1.0
    # A cosine ignores length: the sums of the own tokens' vectors stand for their means.
    rest_a = _own_sum(a, shared) if own_a else a.vector
    rest_b = _own_sum(b, shared) if own_b else b.vector
    norm = math.sqrt(float(rest_a @ rest_a) * float(rest_b @ rest_b))
    return float(rest_a @ rest_b) / norm if norm else 0.0


def _own_sum(p: Prepared, shared: frozenset[int]) -> Any:
    """The sum of the contextual vectors of p's tokens whose ids are not in `shared`."""
    assert p.token_index is not None
    if not shared:
        return p.token_total
    return p.token_total - p.token_sums[[p.token_index[i] for i in shared]].sum(axis=0)


@lru_cache(maxsize=1)
def _lexical_scorer() -> LinkScorer:
    return LinkScorer()


@lru_cache(maxsize=4)
def _named_scorer(name_or_path: str) -> LinkScorer:
    from compare.embed import load_embedder

    return LinkScorer(load_embedder(name_or_path))


def scorer(model: Any = None) -> LinkScorer:
    """The scorer for `model`: None (lexical), a model name or path (loaded offline, as
    `--model` does), or an embedder object with `encode`."""
    if model is None:
        return _lexical_scorer()
    if isinstance(model, str | Path):
        return _named_scorer(str(model))
    if isinstance(model, LinkScorer):
        return model
    return LinkScorer(model)


SAME_CLAIM_THRESHOLD: float  # provided by __getattr__ below


def __getattr__(name: str) -> Any:
    # SAME_CLAIM_THRESHOLD: the lexical model's decision threshold, fitted by scripts/fit_link.py
    # (docs/link.md). Read from link_weights.json on first use, so that the fitting script can
    # import this module before the file exists.
    if name == "SAME_CLAIM_THRESHOLD":
        return load_model("lexical").threshold
    raise AttributeError(f"module 'compare.link' has no attribute {name!r}")


def claim_score(a: str, b: str, *, model: Any = None) -> float:
    """Probability (0-1) that claims `a` and `b` say the same thing."""
    s = scorer(model)
    pa, pb = s.prepare_many([a, b])
    return s.score(pa, pb)


def same_claim(a: str, b: str, *, model: Any = None) -> bool:
    """True when `a` and `b` say the same thing: claim_score >= the fitted threshold
    (SAME_CLAIM_THRESHOLD without a model; the embedding model has its own)."""
    s = scorer(model)
    pa, pb = s.prepare_many([a, b])
    return s.score(pa, pb) >= s.threshold


def claim_scores(pairs: Iterable[tuple[str, str]], *, model: Any = None) -> list[float]:
    """claim_score for many pairs, preparing (and embedding) each distinct text once."""
    pairs = list(pairs)
    s = scorer(model)
    s.prepare_many([t for pair in pairs for t in pair])
    return [s.score(s.prepare(a), s.prepare(b)) for a, b in pairs]


def claims_conflict(a: str, b: str, *, model: Any = None) -> bool:
    """True when `a` and `b` report the same thing with contradicting figures (LinkScorer.conflict)."""
    s = scorer(model)
    pa, pb = s.prepare_many([a, b])
    return s.conflict(pa, pb)


def explain_pair(a: str, b: str, *, model: Any = None) -> Explanation:
    """Each feature of the pair, its weighted contribution, the score and the decision."""
    s = scorer(model)
    pa, pb = s.prepare_many([a, b])
    return s.explain(pa, pb)
