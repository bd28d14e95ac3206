"""extract.quantities: shares, tolls, vague counts and counts, with their intervals."""

from __future__ import annotations

import math

import pytest

from compare.extract.quantities import PEOPLE_SLOT, VAGUE_RANGES, counts_people, find_quantities


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


def test_a_vague_count_counts_the_head_noun_of_its_phrase() -> None:
    """"Dozens of ticket machines" counts machines, as "12 ticket machines" would, not "ticket"."""
    (m,) = counts("Dozens of ticket machines in the capital ran out of change.")
    assert m.value == {"count": 24, "unit": "machine"}
    assert m.text == "Dozens of ticket machines"


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
    a, depots = counts("Agents intercepted at least a dozen parcels at two depots.")
    (b,) = counts("Agents intercepted 12 crude explosive parcels.")
    assert depots.value == {"count": 2, "unit": "depot"}  # a count after another is still read
    assert a.value == b.value == {"count": 12, "unit": "parcel"}
    assert a.qualifier == "at least" and a.range == (12, math.inf)
    assert b.range == (11.5, 12.5)


def test_the_counted_noun_is_the_head_of_the_noun_phrase() -> None:
    (m,) = counts("The attack exposed the records of 4.1 million current and former customers of the bank.")
    assert m.value == {"count": 4_100_000, "unit": "customer"}
    assert m.text == "4.1 million current and former customers"
    (m,) = counts("Rescuers found three more people under the rubble.")
    assert m.value == {"count": 3, "unit": "people"}


def test_a_conjunction_right_after_a_number_ends_the_phrase() -> None:
    assert counts("The span snapped in two and plunged into the river.") == []


def test_a_count_after_a_conjunction_is_still_found() -> None:
    found = counts("The bus carried 30 passengers and six cars were on the deck.")
    assert [m.value for m in found] == [{"count": 30, "unit": "passenger"}, {"count": 6, "unit": "car"}]


def test_counts_of_a_population_share_the_people_slot() -> None:
    (members,) = counts("The leak hit 2.5 million members of the fund.")
    (nationals,) = counts("The leak hit 3 million Canadians.")
    (demonym,) = counts("About 900,000 Texans lost power.")
    (plain,) = counts("The leak hit 2.5 million people.")
    (residents,) = counts("Some 400 residents were evacuated.")
    assert {members.slot, nationals.slot, demonym.slot, plain.slot, residents.slot} == {PEOPLE_SLOT}
    assert members.key != plain.key  # one slot, but a count of members is not a count of people


def test_a_count_of_deaths_is_a_count_of_people() -> None:
    (deaths,) = counts("The flooding caused three deaths in the valley.")
    (fatalities,) = counts("Police confirmed two fatalities on the motorway.")
    assert deaths.slot == fatalities.slot == PEOPLE_SLOT


def test_counts_of_people_in_a_role_keep_their_own_slot() -> None:
    (firefighters,) = counts("Two firefighters died in the blaze.")
    (devices,) = counts("Police found 12 crude explosive devices.")
    assert firefighters.slot != PEOPLE_SLOT
    assert devices.slot != PEOPLE_SLOT


def test_a_capitalised_demonym_counts_people_only_when_written_with_a_capital() -> None:
    assert counts_people("american", "Americans")
    assert not counts_people("american", "americans")
    assert counts_people("member", "members")
    assert not counts_people("firefighter", "firefighters")


@pytest.mark.parametrize(
    "sentence",
    [
        "The council needs a two-thirds majority to override the veto.",
        "Three-quarters of the residents signed the petition.",
    ],
)
def test_a_fraction_written_in_words_is_no_count(sentence: str) -> None:
    assert not [m for m in counts(sentence) if m.value and m.value.get("unit") in ("third", "quarter")]


def test_a_hyphenated_count_of_things_is_still_a_count() -> None:
    (m,) = counts("The council unveiled a five-point plan for the harbour.")
    assert m.value == {"count": 5, "unit": "point"}


@pytest.mark.parametrize(
    "sentence",
    [
        "The congressman won the seat easily two years ago.",
        "Three days later the bridge was closed to traffic.",
    ],
)
def test_a_time_relative_to_another_is_no_count(sentence: str) -> None:
    assert not [m for m in counts(sentence) if m.value and m.value.get("unit") in ("year", "day")]


def test_a_duration_is_still_a_count() -> None:
    (m,) = counts("She served the district for eight years.")
    assert m.value == {"count": 8, "unit": "year"}


def test_a_number_naming_something_is_no_count() -> None:
    """'Channel 9 asked': a capitalised word before the number and no counted noun after it."""
    assert counts("The station Channel 9 asked the mayor about the trips.") == []
    (m,) = counts("In Brenzago 40 homes were destroyed by the flood.")
    assert m.value == {"count": 40, "unit": "home"}


@pytest.mark.parametrize(
    ("plural", "one"),
    [
        # a few of tests/test_extract_plurals.py's cases, through the count reader
        ("boxes", "box"),
        ("children", "child"),
        ("feet", "foot"),
        ("people", "people"),
        ("species", "species"),
    ],
)
def test_the_counted_noun_is_read_in_the_singular(plural: str, one: str) -> None:
    (m,) = counts(f"Officers found 14 {plural} near the harbour.")
    assert m.value == {"count": 14, "unit": one}


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        # the part counts what the whole counts
        ("The airline said 312 of its 480 daily flights were cancelled.", [(312, "flight"), (480, "flight")]),
        ("Seven of the 20 climbers reached the summit.", [(7, "climber"), (20, "climber")]),
        # a part of a toll named by an adjective is no toll of its own
        ("Three of the 9 dead were tourists.", [(9, "people")]),  # the dead are people
        # a ratio and a fraction in words are no counts
        ("One in four tenants was behind on rent, and two in every three owners agreed.", []),
        ("Three quarters of the ferries stayed in port.", []),
    ],
)
def test_parts_ratios_and_fractions(sentence: str, found: list[tuple[float, str]]) -> None:
    assert [(m.value["count"], m.value["unit"]) for m in counts(sentence)] == found


def test_the_irregular_plural_of_a_population_noun_counts_people() -> None:
    (children,) = counts("Fourteen children were treated in hospital.")
    (women,) = counts("Two women were treated in hospital.")
    assert children.value == {"count": 14, "unit": "child"}
    assert women.value == {"count": 2, "unit": "woman"}
    assert children.slot == women.slot == PEOPLE_SLOT


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("Three fled and more were hurt.", "fled"),  # a verb form is kept as written
        ("Three killed and more were hurt.", "people"),  # PEOPLE_PARTICIPLES
        ("The jet carried 40 cabin crew that day.", "crew"),
        ("Five police officers were hurt.", "officer"),  # a compound's head is its last noun
        ("Three news agencies reported it.", "agency"),  # "news" is no plural of "new"
        ("Three endangered species were found.", "species"),
    ],
)
def test_the_head_noun_after_a_number(sentence: str, unit: str) -> None:
    first = counts(sentence)[0]
    assert first.value is not None and first.value["unit"] == unit


def test_a_number_before_a_verb_counts_nothing() -> None:
    assert counts("Police said 12 were hurt.") == []


@pytest.mark.parametrize(
    ("sentence", "value", "text"),
    [
        ("Four riders were banned for two to five years.", {"count": 2, "count_high": 5, "unit": "year"},
         "two to five years"),
        ("Between 10 and 15 people were hurt.", {"count": 10, "count_high": 15, "unit": "people"},
         "Between 10 and 15 people"),
        ("Some 20-30 homes were flooded overnight.", {"count": 20, "count_high": 30, "unit": "home"},
         "20-30 homes"),
    ],
)
def test_a_range_of_counts_is_one_figure(sentence: str, value: dict[str, object], text: str) -> None:
    """The ends of a range are one count covering both ("two to five years"), not a count of the
    high end alone: a count inside it agrees with it, one outside contradicts it."""
    (m,) = [c for c in counts(sentence) if c.value and "count_high" in c.value]
    assert m.value == value
    assert m.text == text
    assert m.range is not None and m.range[0] < value["count"] < value["count_high"] < m.range[1]  # type: ignore[operator]


@pytest.mark.parametrize(
    "sentence",
    [
        "The number of patients rose from 10 to 15 people in a week.",  # a change
        "The visitors slumped to a 2-3 defeat at home.",  # a score
        "Police arrested 12 to 300 fans after the match.",  # ends too far apart to be one estimate
    ],
)
def test_what_is_not_a_range_of_counts(sentence: str) -> None:
    assert not [c for c in counts(sentence) if c.value and "count_high" in c.value]
