"""extract.names: who is a person, what the other names are, and one name per person."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare.extract import build_entity_index, extract_article
from compare.extract.names import (
    EntityIndex,
    entity_type,
    find_names,
    is_organisation,
    is_place,
    skeleton,
)
from tests.extract_helpers import make_article


def people_of(text: str) -> set[str]:
    return set(extract_article(make_article(text)).people)


# --- people, places, organisations ---------------------------------------------------------


@pytest.mark.parametrize("name", ["North Carolina", "South Dakota", "Portugal", "Nairobi", "Texas"])
def test_places_are_places(name: str) -> None:
    assert is_place(name)
    assert entity_type(name, set()) == "place"


@pytest.mark.parametrize("name", ["House Republicans", "White House", "Port Authority", "UNHCR"])
def test_institutions_and_groups_are_organisations(name: str) -> None:
    assert is_organisation(name)


def test_a_place_said_something_is_not_a_person() -> None:
    text = "Western Montana said it would send crews. Montana said the roads were closed."
    assert people_of(text) == set()


def test_a_group_before_a_verb_is_not_a_person() -> None:
    text = "Senate Democrats said the bill was dead. Ivo Brandt said he disagreed. Brandt left."
    assert people_of(text) == {"Ivo Brandt", "Brandt"}


def test_a_title_alone_is_nobody() -> None:
    assert find_names("Justice ruled against the port.") == []
    assert [s.text for s in find_names("Justice Department lawyers said so.")] == ["Department"]


def test_title_before_a_name_makes_a_person_and_is_split_off() -> None:
    (span,) = find_names("Rep. Tamsin Rowe voted against the bill.")
    assert span.text == "Tamsin Rowe"
    assert span.title == ("Rep.",)
    assert people_of("Rep. Tamsin Rowe voted against the bill.") == {"Tamsin Rowe"}


def test_honorific_beats_a_place_name() -> None:
    # "Fresno" is a city; with "Mr." before it, it is a surname.
    assert people_of("Mr. Fresno declined to comment.") == {"Fresno"}


def test_surname_used_alone_makes_a_person_but_not_a_place() -> None:
    text = "Ines Varga spoke first. Later Varga left. Visitors came from New Mexico. Mexico agreed."
    assert people_of(text) - {"Varga"} == {"Ines Varga"}


def test_entity_mentions_carry_their_type() -> None:
    article = make_article(
        "Sen. Odile Marchetti said the Canal Authority had written to Nevada officials.",
        "Marchetti said more talks would follow in Denver.",
    )
    am = extract_article(article)
    types = {m.text: m.entity_type for ms in am.by_sentence for m in ms if m.kind == "entity"}
    assert types["Odile Marchetti"] == "person"
    assert types["Marchetti"] == "person"
    assert types["Canal Authority"] == "organisation"
    assert types["Nevada"] == "place"
    assert types["Denver"] == "place"
    assert "Nevada" not in am.people and "Canal Authority" not in am.people


# --- one name per person ---------------------------------------------------------------------


def test_title_variants_of_one_person_merge() -> None:
    index = EntityIndex(["Rep. Tamsin Rowe", "Representative Tamsin Rowe", "Congresswoman Rowe"])
    assert {index.canonical(n) for n in ("Rep. Tamsin Rowe", "Congresswoman Rowe", "Rowe")} == {"Tamsin Rowe"}


def test_title_family_picks_the_right_person_of_one_surname() -> None:
    names = ["Tamsin Rowe", "Tamsin Rowe", "Tamsin Rowe", "Gareth Rowe", "Rowe"]
    titles = {"Tamsin Rowe": ["journalist"], "Gareth Rowe": ["Rep."], "Rowe": ["Congressman"]}
    index = EntityIndex(names, titles)
    assert index.canonical("Rowe") == "Gareth Rowe"  # the more frequent Rowe holds no seat
    assert EntityIndex(names).canonical("Rowe") == "Tamsin Rowe"  # without titles: most seen


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Aleksandr Morozov", "Alexander Morozov"),
        ("Dmitri Sokolov", "Dmitry Sokolov"),
        ("Yevgeny Orlov", "Evgeny Orlov"),
        ("Volodymyr Kravets", "Vladimir Kravets"),
    ],
)
def test_transliterated_first_names_with_one_surname_merge(a: str, b: str) -> None:
    index = EntityIndex([a, a, b])
    assert index.canonical(b) == index.canonical(a) == a


@pytest.mark.parametrize(("a", "b"), [("John Ferrer", "Jane Ferrer"), ("Mark Ferrer", "Mary Ferrer")])
def test_different_first_names_stay_apart(a: str, b: str) -> None:
    index = EntityIndex([a, b])
    assert index.canonical(a) != index.canonical(b)


def test_skeleton_keeps_consonants() -> None:
    assert skeleton("Aleksandr") == skeleton("Alexander")
    assert skeleton("John") != skeleton("Jane")


def test_surname_spelling_variants_merge() -> None:
    index = EntityIndex(["Olena Kovalenko", "Kovalenkko", "Kovalenko"])
    assert index.canonical("Kovalenkko") == "Olena Kovalenko"


def test_entity_index_over_articles_uses_titles() -> None:
    a = make_article("Rep. Gareth Rowe said the levee held.", article_id="a")
    b = make_article(
        "Tamsin Rowe, a reporter, said the water rose. Congressman Rowe said the levee held.", article_id="b"
    )
    index = build_entity_index([extract_article(a), extract_article(b)])
    assert index.canonical("Congressman Rowe") == "Gareth Rowe"


def test_a_flood_of_look_alike_names_stays_fast() -> None:
    import time

    names = [f"Ab{i:05d} Quo{i:05d}" for i in range(4000)]
    start = time.perf_counter()
    EntityIndex(names)
    assert time.perf_counter() - start < 5.0  # quadratic would compare 8 million pairs


def test_a_word_that_only_opens_sentences_is_not_a_person() -> None:
    text = "Locals said the water rose fast. Residents said they had no warning. Ines Varga said so too."
    people = people_of(text)
    assert "Ines Varga" in people
    assert "Locals" not in people and "Residents" not in people


def test_a_surname_alone_follows_its_variant_to_the_full_name() -> None:
    # The variant spelling merges into the more frequent full name, and the variant's surname
    # alone follows it there rather than standing as a person of its own.
    index = EntityIndex(["Olena Kovalchuk", "Olena Kovalchuk", "Olena Kavalchuk", "Kavalchuk"])
    assert index.canonical("Kavalchuk") == index.canonical("Olena Kavalchuk") == "Olena Kovalchuk"


@settings(max_examples=25, derandomize=True, deadline=None)
@given(
    st.permutations(["Olena Kovalchuk", "Kavalchuk", "Olena Kavalchuk", "Rep. Ivo Brandt", "Brandt", "Ivo"])
)
def test_canonical_names_do_not_depend_on_input_order(names: list[str]) -> None:
    reference = EntityIndex(sorted(names))
    index = EntityIndex(names)
    assert {n: index.canonical(n) for n in names} == {n: reference.canonical(n) for n in names}


# --- titles, descriptions and ages ------------------------------------------------------------


def test_a_corporate_title_before_a_full_name_is_split_off() -> None:
    (span,) = find_names("Acme Chief Executive Wendell Okafor will testify.")
    assert span.text == "Wendell Okafor"
    assert span.title == ("Acme", "Chief", "Executive")


def test_a_corporate_title_word_before_a_common_noun_is_no_title() -> None:
    spans = find_names("The president signed an Executive Order on ports.")
    assert "Order" not in [s.text for s in spans]
    assert (
        people_of("The president signed an Executive Order on ports. The Executive Order said little.")
        == set()
    )


def test_a_person_noun_opening_a_sentence_describes_the_name_after_it() -> None:
    (span, *_) = find_names("Grandmother Ines Varga, 71, of Linz, lost her savings.")
    assert span.text == "Ines Varga"
    assert span.title == ("Grandmother",)


def test_a_name_with_an_age_in_commas_is_a_person() -> None:
    assert "Ines Varga" in people_of("Ines Varga, 71, lost her savings to the scheme.")


def test_an_acronym_plural_after_a_title_is_no_name() -> None:
    assert find_names("Judge OKs $2bn harbour settlement") == []
    assert people_of("Judge OKs $2bn harbour settlement") == set()


def test_the_listener_after_told_is_not_a_person() -> None:
    text = "“We lost everything,” she told The Courier. Ines Varga said she would appeal."
    assert people_of(text) == {"Ines Varga"}


def test_a_place_with_its_region_before_a_verb_is_not_a_person() -> None:
    text = "Locals in Brenzago, northern Italy, told how the road vanished."
    assert people_of(text) == set()


@pytest.mark.parametrize(
    ("a", "b"), [("Iñaki Etxabarria", "Iñaki Echavarría"), ("Pavel Kovalevski", "Pavel Kobalewsky")]
)
def test_one_surname_in_two_national_spellings_merges(a: str, b: str) -> None:
    """With the same first name, surnames that differ in letters spelling one sound (b/v, x/ks,
    c/k) are one person spelt two ways."""
    index = EntityIndex([a, a, b])
    assert index.canonical(b) == index.canonical(a) == a


def test_a_sound_spelling_does_not_join_two_first_names() -> None:
    index = EntityIndex(["Pavel Kovalevski", "Marta Kobalewsky"])
    assert index.canonical("Pavel Kovalevski") != index.canonical("Marta Kobalewsky")
