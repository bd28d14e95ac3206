"""extract: only the stable pure functions (numbers, money, dates, quantities, quote spans, names).

The per-article extraction is still changing; its behaviour is covered by the CLI and gold tests.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from compare.extract import (
    DATE_PATTERNS,
    MONEY_PATTERNS,
    EntityIndex,
    find_dates,
    find_money,
    find_quantities,
    find_quote_spans,
    parse_number,
)
from compare.model import Mention

PUBLISHED = dt.date(2024, 10, 17)  # a Thursday


def money(sentence: str) -> list[dict[str, object]]:
    return [m.value for _, _, m in find_money(sentence)]


def dates(sentence: str, published: dt.date | None = PUBLISHED) -> list[Mention]:
    return [m for _, _, m in find_dates(sentence, published)]


def quantities(sentence: str) -> list[Mention]:
    return [m for _, _, m in find_quantities(sentence, [])]


# --- numbers -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,200", 1200),
        ("1.2", 1.2),
        ("12,000", 12000),
        ("five", 5),
        ("forty-one", 41),
        ("two hundred", 200),
        ("Thirty-Eight", 38),
    ],
)
def test_number_is_parsed(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "many", "1,2,3x", "five apples"])
def test_non_number_gives_none(text: str) -> None:
    assert parse_number(text) is None


# --- money -----------------------------------------------------------------------------------


@pytest.mark.parametrize("name,pattern,example", MONEY_PATTERNS, ids=[p[0] for p in MONEY_PATTERNS])
def test_money_pattern_matches_its_own_example(
    name: str, pattern: re.Pattern[str], example: str
) -> None:
    assert pattern.search(example)
    assert money(example)


@pytest.mark.parametrize(
    "sentence",
    [
        "Donors committed €40bn to the dam fund for 2025.",
        "Donors committed 40 billion euros to the dam fund for 2025.",
        "Donors committed EUR 40,000,000,000 to the dam fund for 2025.",
        "Donors committed €40 billion to the dam fund for 2025.",
    ],
)
def test_euro_amount_normalised(sentence: str) -> None:
    assert money(sentence) == [{"currency": "EUR", "amount": 40_000_000_000}]


@pytest.mark.parametrize(
    "sentence",
    [
        "The governor announced a $425m relief package.",
        "The governor announced a 425 million dollars relief package.",
    ],
)
def test_dollar_amount_normalised(sentence: str) -> None:
    assert money(sentence) == [{"currency": "USD", "amount": 425_000_000}]


def test_decimal_billions_are_normalised() -> None:
    assert money("The fund holds €1.2bn.") == [{"currency": "EUR", "amount": 1_200_000_000}]


def test_currency_code_first_is_normalised() -> None:
    assert money("The utility pledged DKK 9 billion.") == [{"currency": "DKK", "amount": 9_000_000_000}]


def test_same_amount_written_three_ways_has_one_key() -> None:
    keys = {
        m.key
        for sentence in ("€40bn", "40 billion euros", "EUR 40,000,000,000")
        for _, _, m in find_money(sentence)
    }
    assert keys == {"money:EUR:40000000000"}


def test_plain_number_is_not_money() -> None:
    assert money("The council voted 31 to 9 for 3m people.") == []


# --- dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize("name,pattern,example", DATE_PATTERNS, ids=[p[0] for p in DATE_PATTERNS])
def test_date_pattern_matches_its_own_example(
    name: str, pattern: re.Pattern[str], example: str
) -> None:
    assert pattern.search(example)
    assert dates(example)


@pytest.mark.parametrize(
    "sentence",
    [
        "The plan was presented on 2024-10-16.",
        "The plan was presented on 16 October 2024.",
        "The plan was presented on October 16, 2024.",
        "The plan was presented on Oct. 16.",
    ],
)
def test_absolute_date_is_normalised(sentence: str) -> None:
    assert [m.value["date"] for m in dates(sentence)] == ["2024-10-16"]


def test_weekday_is_resolved_against_publication_date() -> None:
    found = dates("Quill presented the budget on Wednesday.")
    assert [m.value["date"] for m in found] == ["2024-10-16"]
    assert found[0].key == "date:2024-10-16"


def test_weekday_without_publication_date_stays_as_written() -> None:
    found = dates("Quill presented the budget on Wednesday.", None)
    assert [(m.value["date"], m.value["text"]) for m in found] == [(None, "Wednesday")]


def test_last_week_is_the_iso_week_before_publication() -> None:
    found = dates("Brandt visited Lagos last week.", PUBLISHED)
    assert [m.text for m in found] == ["last week"]
    assert found[0].value["date"] == "2024-W41"  # published Thursday 2024-10-17, week 42


def test_last_week_is_kept_as_written_without_a_publication_date() -> None:
    found = dates("Brandt visited Lagos last week.", None)
    assert found[0].value["date"] is None
    assert found[0].key == "date:last week"


def test_yesterday_is_the_day_before_publication() -> None:
    assert [m.value["date"] for m in dates("The talks ended yesterday.")] == ["2024-10-16"]


def test_impossible_date_is_not_normalised() -> None:
    assert all(m.value["date"] is None for m in dates("It happened on 2024-13-45."))


# --- quantities ------------------------------------------------------------------------------


def test_five_point_plan_counts_points() -> None:
    found = quantities("Quill presented a five-point plan.")
    assert [m.value for m in found] == [{"count": 5, "unit": "point"}]


def test_digits_and_plural_count_points() -> None:
    assert [m.value for m in quantities("The plan has 5 points.")] == [
        {"count": 5, "unit": "point"}
    ]


def test_five_point_plan_and_5_points_have_one_key() -> None:
    a = quantities("a five-point plan")
    b = quantities("The plan has 5 points.")
    assert a[0].key == b[0].key


def test_troops_are_counted() -> None:
    found = quantities("The army massed 12,000 troops on the border.")
    assert [m.value for m in found] == [{"count": 12000, "unit": "troop"}]
    assert not found[0].approximate


def test_tens_of_thousands_is_approximate() -> None:
    found = quantities("Tens of thousands of people marched in Lagos.")
    assert len(found) == 1
    assert found[0].approximate
    assert found[0].value == {"count": 10_000, "unit": "people"}


def test_about_marks_a_count_approximate() -> None:
    found = quantities("About 200 firefighters fought the blaze.")
    assert [m.value["count"] for m in found] == [200]
    assert found[0].approximate


def test_year_is_not_a_quantity() -> None:
    assert quantities("In 2024 donors met in Geneva.") == []


def test_span_already_taken_is_skipped() -> None:
    sentence = "Donors committed 40 billion euros in aid."
    taken = [(a, b) for a, b, _ in find_money(sentence)]
    assert find_quantities(sentence, taken) == []


# --- quotes ----------------------------------------------------------------------------------


def test_scare_quotes_of_two_words_are_ignored() -> None:
    assert find_quote_spans('Quill presented her "Green Deal" to parliament.') == []
    assert find_quote_spans("Quill presented her “Green Deal” to parliament.") == []
    assert find_quote_spans("Quill presented her 'Green Deal' to parliament.") == []


def test_curly_quote_is_found() -> None:
    spans = find_quote_spans("Quill said: “We will not give up on the valley.” He left.")
    assert [q.text for q in spans] == ["We will not give up on the valley."]


def test_straight_quote_is_found() -> None:
    text = 'Quill said: "We will not give up on the valley." He left.'
    spans = find_quote_spans(text)
    assert [q.text for q in spans] == ["We will not give up on the valley."]
    assert text[spans[0].start : spans[0].end] == '"We will not give up on the valley."'


def test_quotes_come_in_reading_order() -> None:
    text = "“We will win this war,” he said. “And we will rebuild the country,” he added."
    spans = find_quote_spans(text)
    assert [q.text for q in spans] == ["We will win this war,", "And we will rebuild the country,"]
    assert spans[0].end <= spans[1].start


# --- names -----------------------------------------------------------------------------------


def test_spelling_variants_of_a_surname_merge() -> None:
    index = EntityIndex(["Kovalenko", "Kovalenkko", "Kovalenko"])
    assert index.canonical("Kovalenko") == index.canonical("Kovalenkko")


def test_surname_alone_merges_with_the_full_name() -> None:
    index = EntityIndex(["Ada Quill", "Quill", "Quill"])
    assert index.canonical("Quill") == "Ada Quill"
    assert index.canonical("Ada Quill") == "Ada Quill"


def test_same_first_name_different_surname_stays_apart() -> None:
    index = EntityIndex(["Ada Quill", "Ada Lovelace"])
    assert index.canonical("Ada Quill") == "Ada Quill"
    assert index.canonical("Ada Lovelace") == "Ada Lovelace"


def test_short_form_and_variants_merge_to_the_full_name() -> None:
    index = EntityIndex(["Olena Kovalenko", "Kovalenkko", "Kovalenko", "Ada Quill", "Quill"])
    assert {index.canonical(n) for n in ("Kovalenko", "Kovalenkko", "Olena Kovalenko")} == {
        "Olena Kovalenko"
    }
    assert index.canonical("Quill") == "Ada Quill"


def test_unknown_name_is_its_own_canonical_form() -> None:
    assert EntityIndex(["Ada Quill"]).canonical("Ivo Brandt") == "Ivo Brandt"
