"""extract.money: offsets, qualifiers, intervals and the per-sentence cap."""

from __future__ import annotations

import math

import pytest

from compare.extract.bounds import MAX_MENTIONS_PER_SENTENCE
from compare.extract.money import find_money, format_money


def test_offsets_point_into_the_sentence() -> None:
    sentence = "The district approved a $2.6bn budget on Monday."
    ((start, end, mention),) = find_money(sentence)
    assert sentence[mention.start : mention.end] == "$2.6bn" == sentence[start:end]


def test_range_of_a_rounded_amount() -> None:
    ((_, _, mention),) = find_money("Voters backed a $1.4 billion bond.")
    assert mention.range == (pytest.approx(1.35e9), pytest.approx(1.45e9))
    assert mention.qualifier is None and not mention.approximate


def test_rounded_and_precise_amounts_overlap() -> None:
    ((_, _, rounded),) = find_money("a $1.4 billion bond")
    ((_, _, precise),) = find_money("a $1.375 billion bond")
    assert rounded.range is not None and precise.range is not None
    assert rounded.range[0] <= precise.range[0] and precise.range[1] <= rounded.range[1]
    assert rounded.key != precise.key  # still two values: the interval is what says they agree


def test_at_least_opens_the_range_above() -> None:
    ((_, _, mention),) = find_money("The storm cost the region at least $6 billion.")
    assert mention.qualifier == "at least"
    assert mention.approximate
    assert mention.range == (6e9, math.inf)


def test_up_to_opens_the_range_below() -> None:
    ((_, _, mention),) = find_money("Fines of up to €500,000 apply.")
    assert mention.range == (0.0, 500_000)


def test_many_amounts_in_one_sentence_stop_at_the_cap() -> None:
    sentence = " ".join(f"${i}" for i in range(1, 5001))
    assert len(find_money(sentence)) == MAX_MENTIONS_PER_SENTENCE


def test_number_word_inside_another_word_is_not_an_amount() -> None:
    assert find_money("Someone dollars nothing.") == []


@pytest.mark.parametrize(
    ("sentence", "amount"),
    [
        ("The governor rejected the $4.2-billion transit package.", 4.2e9),
        ("Lawmakers approved a US$10-million fund for the harbour.", 10e6),
        ("The city paid $4.2 billion for the line.", 4.2e9),
    ],
)
def test_a_hyphenated_magnitude_belongs_to_the_amount(sentence: str, amount: float) -> None:
    ((_, _, mention),) = find_money(sentence)
    assert mention.value is not None and mention.value["amount"] == pytest.approx(amount)


@pytest.mark.parametrize(
    ("sentence", "kept", "restated"),
    [
        ("It cost 12.5 million euros ($13.6 million).", ["12.5 million euros"], ["$13.6 million"]),
        ("Each claimant gets up to $2,000 (about £1,500).", ["$2,000"], ["£1,500"]),
        ("A fine of €800 [around $860] was paid.", ["€800"], ["$860"]),
        # Two sums side by side, or a bracketed sum after words, are two figures.
        ("It paid $2,000 and £1,500 (in cash).", ["$2,000", "£1,500"], []),
        ("Fees ($3m) and costs ($4m) rose.", ["$3m", "$4m"], []),
        # the same currency in brackets is another figure (last year's)
        ("Operating profit rose to £7.4m (£6.9m).", ["£7.4m", "£6.9m"], []),
    ],
)
def test_a_sum_restated_in_brackets_is_not_a_second_figure(
    sentence: str, kept: list[str], restated: list[str]
) -> None:
    spans: list[tuple[int, int]] = []
    assert [m.text for _, _, m in find_money(sentence, restated=spans)] == kept
    assert [sentence[a:b] for a, b in spans] == restated


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ({"currency": "USD", "amount": 3.29}, "$3.29"),
        ({"currency": "EUR", "amount": 1500}, "€1,500"),
        ({"currency": "GBP", "amount": 2.5e9}, "£2.5 billion"),
        ({"currency": "CHF", "amount": 12.5}, "CHF 12.50"),
    ],
)
def test_format_money_keeps_cents(value: dict[str, object], shown: str) -> None:
    assert format_money(value) == shown


@pytest.mark.parametrize(
    ("sentence", "texts"),
    [
        ("Insurers expect losses of $3 billion to $5 billion.", ["$3 billion to $5 billion"]),
        ("The repairs will cost between €40m and €55m.", ["€40m and €55m"]),
        ("A $2bn-$3bn deal.", ["$2bn-$3bn"]),
        # a change is two sums; so are two currencies, and sums joined by "and" without "between"
        ("The fare rose from $3 to $4.", ["$3", "$4"]),
        ("Between $5 and £7.", ["$5", "£7"]),
        ("It paid $5m and $7m in two rounds.", ["$5m", "$7m"]),
        ("Analysts' estimates range from $4bn to $6bn.", ["$4bn to $6bn"]),
        # a change, an aside after a spaced dash, and ends an order of magnitude apart
        ("Shares fell $1.20 to $38.50 in early trading.", ["$1.20", "$38.50"]),
        ("The stock rose $2 to $19.", ["$2", "$19"]),
        ("The bridge cost $5m — $2m more than planned.", ["$5m", "$2m"]),
        ("A $3-$4bn deal.", ["$3", "$4bn"]),
    ],
)
def test_the_ends_of_a_range_are_one_sum(sentence: str, texts: list[str]) -> None:
    assert [m.text for _, _, m in find_money(sentence)] == texts


def test_a_range_covers_both_ends() -> None:
    ((_, _, m),) = find_money("Insurers expect losses of $3 billion to $5 billion.")
    assert m.range == (pytest.approx(2.5e9), pytest.approx(5.5e9))
    assert m.value == {"currency": "USD", "amount": 3_000_000_000, "amount_high": 5_000_000_000}
    assert format_money(m.value) == "$3 billion–$5 billion"
