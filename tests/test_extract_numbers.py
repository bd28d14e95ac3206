"""extract.numbers: figures as written and the interval each one covers."""

from __future__ import annotations

import math

import pytest

from compare.extract.numbers import (
    APPROXIMATE_SHARE,
    ROUNDED_FROM,
    parse_number,
    qualifier_before,
    stated_step,
    tidy,
    value_range,
)


@pytest.mark.parametrize(
    ("text", "step"),
    [("1.4", 0.1), ("1.375", 0.001), ("12", 1), ("200", 1), ("12,000", 1000), ("2,500", 100), ("five", 1)],
)
def test_rounding_unit_follows_the_written_precision(text: str, step: float) -> None:
    assert stated_step(text) == pytest.approx(step)


def test_small_whole_numbers_are_exact_counts() -> None:
    assert stated_step(str(ROUNDED_FROM - 10)) == 1


def test_one_point_four_billion_covers_half_a_tenth_each_way() -> None:
    low, high = value_range(1.4e9, "1.4", 1e9)
    assert (low, high) == (pytest.approx(1.35e9), pytest.approx(1.45e9))


def test_three_decimals_cover_a_narrow_interval_inside_the_rounded_one() -> None:
    low, high = value_range(1.375e9, "1.375", 1e9)
    assert (low, high) == (pytest.approx(1.3745e9), pytest.approx(1.3755e9))
    rounded = value_range(1.4e9, "1.4", 1e9)
    assert rounded[0] <= low and high <= rounded[1]  # the two figures agree


def test_about_widens_by_the_named_share() -> None:
    low, high = value_range(200, "200", 1.0, "about")
    assert low == pytest.approx(199.5 - 200 * APPROXIMATE_SHARE)
    assert high == pytest.approx(200.5 + 200 * APPROXIMATE_SHARE)


@pytest.mark.parametrize("qualifier", ["more than", "over", "at least"])
def test_lower_bounds_are_open_above(qualifier: str) -> None:
    assert value_range(6e9, "6", 1e9, qualifier) == (6e9, math.inf)


@pytest.mark.parametrize("qualifier", ["up to", "fewer than", "less than"])
def test_upper_bounds_are_open_below(qualifier: str) -> None:
    assert value_range(30, "30", 1.0, qualifier) == (0.0, 30)


def test_qualifier_is_read_right_before_the_figure() -> None:
    text = "The fund lost more than  $6 billion."
    assert qualifier_before(text, text.index("$")) == "more than"
    assert qualifier_before("A fund of $6 billion.", 10) is None
    assert qualifier_before("Moreover $6", 9) is None  # "over" inside a word is not "over"


def test_a_digit_run_too_long_for_a_float_does_not_crash() -> None:
    value = parse_number("9" * 500)
    assert value is not None and tidy(value) == math.inf
    assert stated_step("9" * 500) == 1
