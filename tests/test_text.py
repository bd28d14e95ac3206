"""text: folding, words, Snowball stems and number words, IDF weights, overlap scores."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare.text import Weights, content_stems, fold, overlap_score, stem, words


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Rütte", "rutte"),
        ("Zelenskyy", "zelenskyy"),
        ("Kraków", "krakow"),
        ("Ærø", "aero"),
        ("Søren Kierkegaard", "soren kierkegaard"),
        ("Straße", "strasse"),
        ("“Victory Plan”", '"victory plan"'),
        ("it’s ‘over’", "it's 'over'"),
        ("2024–2025 — done", "2024-2025 - done"),
    ],
)
def test_fold_removes_case_accents_and_curly_quotes(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_words_are_folded_and_lose_possessives() -> None:
    assert words("Ukraine’s plan, Zelensky's speech") == ["ukraine", "plan", "zelensky", "speech"]


def test_there_is_no_synonym_table() -> None:
    # Different words stay different: meaning beyond shared stems is the embedding's job.
    assert stem("unveiled") != stem("presented")
    assert stem("blaze") != stem("fire")


def test_number_word_stems_to_its_digits() -> None:
    assert stem("five") == stem("5") == "5"
    assert stem("dozen") == "12"


def test_inflections_share_a_stem_and_unrelated_words_do_not() -> None:
    assert stem("killed") == stem("kills") == stem("killing")
    assert stem("presented") == stem("presents")
    assert stem("parliament") != stem("party")


@pytest.mark.parametrize(
    ("a", "b"), [("police", "policy"), ("interest", "international"), ("translated", "transport")]
)
def test_words_sharing_a_prefix_keep_apart(a: str, b: str) -> None:
    # The five-letter prefix "stem" that this stemmer replaced merged each of these pairs.
    assert stem(a) != stem(b)


def test_content_stems_skip_function_words_and_single_letters() -> None:
    assert content_stems("Zelensky unveiled the five-point plan to a parliament in Kyiv") == [
        "zelenski",
        "unveil",
        "5",
        "point",
        "plan",
        "parliament",
        "kyiv",
    ]


def test_rare_stem_weighs_more_than_a_common_one() -> None:
    weights = Weights([["ukrai", "plan"], ["ukrai", "irrev"], ["ukrai", "plan"], ["ukrai"]])
    assert weights.idf("irrev") > weights.idf("plan") > weights.idf("ukrai")
    assert weights.idf("never-seen") > weights.idf("irrev")
    assert weights.n == 4


def test_vector_counts_each_stem_once() -> None:
    weights = Weights([["a", "b"], ["a"]])
    assert weights.vector(["b", "b", "a"]) == {"a": weights.idf("a"), "b": weights.idf("b")}


def test_overlap_of_identical_bags_is_one() -> None:
    weights = Weights([["ukrai", "plan"], ["irrev"]])
    bag = weights.vector(["ukrai", "plan", "irrev"])
    assert overlap_score(bag, bag) == pytest.approx(1.0)


def test_overlap_of_disjoint_bags_is_zero() -> None:
    weights = Weights([["ukrai", "plan"], ["irrev"]])
    assert overlap_score(weights.vector(["ukrai"]), weights.vector(["plan", "irrev"])) == 0.0
    assert overlap_score({}, weights.vector(["plan"])) == 0.0


def test_overlap_is_symmetric() -> None:
    weights = Weights([["ukrai", "plan"], ["ukrai", "irrev"], ["nato"]])
    a = weights.vector(["ukrai", "plan"])
    b = weights.vector(["ukrai", "irrev", "nato"])
    assert overlap_score(a, b) == overlap_score(b, a)
    assert 0.0 < overlap_score(a, b) < 1.0


def test_short_paraphrase_inside_long_sentence_scores_higher_than_padding() -> None:
    weights = Weights([["nato", "irrev"], ["ukrai"], ["summi"], ["plan"], ["ruble"], ["fuel"]])
    short = weights.vector(["nato", "irrev"])
    long_with_it = weights.vector(["nato", "irrev", "ukrai", "summi", "plan"])
    long_without = weights.vector(["nato", "ruble", "fuel", "summi", "plan"])
    assert overlap_score(short, long_with_it) > overlap_score(short, long_without)


_STEMS = st.lists(st.sampled_from(["ukrai", "plan", "irrev", "nato", "5", "summi"]), max_size=6)


@settings(max_examples=200)
@given(st.lists(_STEMS, max_size=6), _STEMS, _STEMS)
def test_overlap_is_symmetric_and_between_zero_and_one(
    documents: list[list[str]], a: list[str], b: list[str]
) -> None:
    weights = Weights(documents)
    va, vb = weights.vector(a), weights.vector(b)
    score = overlap_score(va, vb)
    assert score == pytest.approx(overlap_score(vb, va))
    assert 0.0 <= score <= 1.0 + 1e-9
