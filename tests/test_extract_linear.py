"""extract: no input makes an extractor super-linear (issue 13), and output stays bounded.

Each extractor is fed the worst cases found against the old patterns, at two sizes; the time
must grow about as the size does. A ratio, not an absolute time, so a slow or busy machine
does not fail it: linear growth gives about LARGE / SMALL, quadratic growth its square.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Callable

import pytest

from compare.extract import (
    MAX_MENTIONS_PER_SENTENCE,
    extract_article,
    find_dates,
    find_money,
    find_names,
    find_people,
    find_quantities,
    find_quote_spans,
)
from compare.extract.names import EntityIndex
from compare.extract.quotes import Speakers, attribute
from compare.model import Article
from tests.extract_helpers import make_article

SMALL, LARGE = 2_000, 50_000
# Allowed growth of time from SMALL to LARGE (25 times the text): linear growth measures 25 to
# about 95 here (the cost per character steps up once a text outgrows the processor's cache,
# near 20 kB), quadratic growth 625 and more.
MAX_RATIO = 200.0
# Times under this are read as this (timer noise on a tiny run would inflate the ratio).
FLOOR_SECONDS = 0.0002


def _words(n_chars: int) -> str:
    return " ".join(f"word{i % 97}" for i in range(n_chars // 7))


# The worst cases of issue 13 and their relatives, each a function of a size in characters.
SHAPES: dict[str, Callable[[int], str]] = {
    "opening single quote, no closer": lambda n: "He wrote '" + _words(n),
    "decade apostrophe in a long paragraph": lambda n: "In the '90s " + _words(n),
    "digits": lambda n: "It cost " + "7" * n + " dollars.",
    "capital letters": lambda n: "Q" * n,
    "spaced capitals": lambda n: "Q " * (n // 2),
    "dots": lambda n: "." * n,
    "double quotes": lambda n: '"' * n,
    "dollar amounts": lambda n: "$1 " * (n // 3),
    "thousands commas": lambda n: "1," * (n // 2),
    "names and reporting verbs": lambda n: "Ada Quill said " * (n // 15),
    "tolls": lambda n: "toll " * (n // 5),
    "quoted passages": lambda n: '"one two three four," he said. ' * (n // 31),
    "single quoted passages": lambda n: "'one two three four' " * (n // 21),
    "title phrases": lambda n: "the big canal chief said that " * (n // 32),
    # Ranges of counts and sums (session 6: numbers.range_joint, quantities._COUNT_RANGE) and
    # vague counts read for their head noun.
    "numbers joined by to": lambda n: "1 to 2 to " * (n // 10),
    "ranges with a noun": lambda n: "2 to 5 years to " * (n // 16),
    "between ranges": lambda n: "between 10 and 15 and " * (n // 22),
    "dashed ranges": lambda n: "20-30-" * (n // 6),
    "sum ranges": lambda n: "$40m to $55m to " * (n // 16),
    "vague counts": lambda n: "dozens of exchange booths of " * (n // 29),
}

PUBLISHED = dt.date(2025, 3, 13)


def _quotes(text: str) -> object:
    return attribute(text, find_quote_spans(text), Speakers(frozenset()))


EXTRACTORS: dict[str, Callable[[str], object]] = {
    "money": find_money,
    "dates": lambda text: find_dates(text, PUBLISHED),
    "quantities": lambda text: find_quantities(text, []),
    "names": lambda text: find_people(find_names(text), text),
    "quotes": _quotes,
}


def _seconds(fn: Callable[[str], object], text: str, repeats: int = 3) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        fn(text)
        best = min(best, time.perf_counter() - start)
    return max(best, FLOOR_SECONDS)


@pytest.mark.parametrize("extractor", sorted(EXTRACTORS))
def test_extractor_grows_linearly_on_worst_cases(extractor: str) -> None:
    fn = EXTRACTORS[extractor]
    slow = {}
    for shape, make in SHAPES.items():
        small, large = make(SMALL), make(LARGE)
        ratio = _seconds(fn, large) / _seconds(fn, small)
        if ratio > MAX_RATIO:
            slow[shape] = round(ratio, 1)
    assert not slow, f"{extractor}: time grew faster than the input on {slow}"


def _article_seconds(article: Article, repeats: int = 3) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        extract_article(article)
        best = min(best, time.perf_counter() - start)
    return max(best, FLOOR_SECONDS)


def test_whole_article_grows_linearly() -> None:
    shapes = ("opening single quote, no closer", "digits", "double quotes", "names and reporting verbs")
    for shape in shapes:
        make = SHAPES[shape]
        small, large = make_article(make(SMALL)), make_article(make(LARGE))
        ratio = _article_seconds(large) / _article_seconds(small)
        assert ratio <= MAX_RATIO, f"extract_article on {shape}: ratio {ratio:.1f}"


def test_entity_index_grows_linearly_on_look_alike_names() -> None:
    def names(n: int) -> list[str]:
        return [f"Quill{i} Ada{i}" for i in range(n)] + [f"Qu{i}" for i in range(n)]

    def build(n: int) -> float:
        start = time.perf_counter()
        EntityIndex(names(n))
        return max(time.perf_counter() - start, FLOOR_SECONDS)

    build(80)  # warm up

    assert build(2000) / build(80) <= MAX_RATIO


def test_mentions_per_sentence_are_capped_and_noted() -> None:
    sentence = " ".join(f"${i} million" for i in range(1, 5001)) + "."
    am = extract_article(make_article(sentence))
    assert all(len(ms) <= MAX_MENTIONS_PER_SENTENCE for ms in am.by_sentence)
    assert am.capped == (0,)


def test_ordinary_sentences_are_not_capped() -> None:
    am = extract_article(make_article("The port paid $3 million to 12 families on Monday."))
    assert am.capped == ()


def test_fuzz_mixed_shapes_never_crash_and_keep_offsets() -> None:
    """A deterministic fuzz: paragraphs mixing pieces of every worst case with news-like text."""
    rng = random.Random(20250313)
    pieces = [make(rng.randrange(5, 400)) for make in SHAPES.values() for _ in range(3)]
    pieces += [
        "Mayor Oriel Banda said on Monday that 12 boats and $4.5 million were lost.",
        "“We will rebuild,” she added. Asked about the cost, Banda said: 'more than we have.'",
        "The toll rose to 9; about 30% of the canal, or tens of thousands of people, left.",
    ]
    for _ in range(25):
        paragraphs = [
            " ".join(rng.choice(pieces) for _ in range(rng.randrange(1, 6)))
            for _ in range(rng.randrange(1, 4))
        ]
        article = make_article(*paragraphs)
        start = time.perf_counter()
        am = extract_article(article)
        assert time.perf_counter() - start < 5.0
        assert len(am.by_sentence) == len(article.sentences)
        for sentence, mentions in zip(article.sentences, am.by_sentence, strict=True):
            assert len(mentions) <= MAX_MENTIONS_PER_SENTENCE
            for m in mentions:
                assert 0 <= m.start <= m.end <= len(sentence.text), (m, sentence.text[:80])
