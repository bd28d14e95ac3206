"""extract.quantities: shares, tolls, vague counts and counts, with their intervals."""

from __future__ import annotations

import math

import pytest

from compare.extract.quantities import VAGUE_RANGES, find_quantities


def counts(sentence: str):  # type: ignore[no-untyped-def]
    return [m for _, _, m in find_quantities(sentence, [])]


def test_percent_has_a_rounding_interval() -> None:
    (m,) = counts("Teachers demanded a raise of 18% this year.")
    assert m.value == {"count": 18, "unit": "percent"}
    assert m.range == (17.5, 18.5)


def test_two_shares_do_not_overlap() -> None:
    (a,) = counts("The union demanded 18% more.")
    (b,) = counts("The board offered 9% more.")
    assert a.range is not None and b.range is not None
    assert a.range[1] < b.range[0] or b.range[1] < a.range[0]


def test_basis_points_become_percentage_points_with_their_interval() -> None:
    (m,) = counts("The bank cut rates by 25 basis points.")
    assert m.value == {"count": 0.25, "unit": "percentage point"}
    assert m.range == (pytest.approx(0.245), pytest.approx(0.255))


def test_toll_counts_people() -> None:
    sentence = "The death toll from the landslide rose to 14 on Friday."
    (m,) = counts(sentence)
    assert m.value == {"count": 14, "unit": "people"}
    assert sentence[m.start : m.end] == "14"


def test_vague_count_covers_what_the_phrase_can_mean() -> None:
    (m,) = counts("Dozens of volunteers searched the hillside.")
    assert m.approximate
    assert m.range == VAGUE_RANGES["dozens"]


def test_more_than_a_dozen_is_open_above() -> None:
    (m,) = counts("Police found more than 12 parcels at the depot.")
    assert m.value == {"count": 12, "unit": "parcel"}
    assert m.qualifier == "more than"
    assert m.range == (12, math.inf)


def test_count_offsets_cover_number_and_noun() -> None:
    sentence = "Rescuers pulled 37 climbers from the ridge."
    (m,) = counts(sentence)
    assert sentence[m.start : m.end] == "37 climbers"
    assert m.range == (36.5, 37.5)


def test_rounded_thousands_cover_the_thousand() -> None:
    (m,) = counts("The march drew 12,000 marchers downtown.")
    assert m.range == (11_500, 12_500)


def test_at_least_a_dozen_and_twelve_crude_parcels_count_the_same_thing() -> None:
    (a,) = counts("Agents intercepted at least a dozen parcels at two depots.")
    (b,) = counts("Agents intercepted 12 crude explosive parcels.")
    assert a.value == b.value == {"count": 12, "unit": "parcel"}
    assert a.qualifier == "at least" and a.range == (12, math.inf)
    assert b.range == (11.5, 12.5)
