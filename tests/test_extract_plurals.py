"""extract.plurals: plural nouns and their singulars, through simplemma's English lemmas."""

from __future__ import annotations

import pytest

from compare.extract.plurals import is_plural, may_be_plural, singular


@pytest.mark.parametrize(
    ("plural", "one"),
    [
        ("boxes", "box"),
        ("witnesses", "witness"),
        ("churches", "church"),
        ("injuries", "injury"),
        ("homes", "home"),
        ("troops", "troop"),
        ("buses", "bus"),  # the suffix rules read "buse"
        ("crises", "crisis"),
        ("analyses", "analysis"),
        ("children", "child"),
        ("women", "woman"),
        ("men", "man"),
        ("gunmen", "gunman"),
        ("feet", "foot"),
        ("teeth", "tooth"),
        ("geese", "goose"),
        ("mice", "mouse"),
        ("criteria", "criterion"),
        ("alumni", "alumnus"),
        ("lives", "life"),  # simplemma alone reads the verb "live"
        ("wives", "wife"),
        ("caves", "cave"),  # not "cafe": only F_TO_VES nouns turn "-ves" into "-f"
        ("nerves", "nerve"),
        ("Texans", "texan"),  # read as written: the demonym, folded
        ("BOXES", "box"),
    ],
)
def test_a_plural_noun_has_its_singular(plural: str, one: str) -> None:
    assert is_plural(plural)
    assert singular(plural) == one


@pytest.mark.parametrize(
    "word", ["people", "news", "series", "species", "data", "press", "bus", "witness", "crew", "box"]
)
def test_a_word_that_is_no_plural_stays_as_it_is(word: str) -> None:
    """'news' is no plural of 'new' (the suffix rules made it one); 'people' and 'series' have
    one form for both numbers."""
    assert not is_plural(word)
    assert singular(word) == word


@pytest.mark.parametrize(
    "word",
    ["killed", "injured", "hurt", "were", "took", "fled", "older", "fewer", "taken", "was", "has", "does"],
)
def test_a_verb_or_adjective_form_is_no_plural(word: str) -> None:
    """The lemmatiser knows no parts of speech ("killed" -> "kill"): a form that differs from
    its lemma the way no English plural does is no plural and keeps its form."""
    assert not is_plural(word)
    assert singular(word) == word


def test_a_word_in_s_the_lemmatiser_leaves_alone_may_still_head_a_count() -> None:
    """'Three endangered species': one form for both numbers; an unknown word in -s likewise."""
    assert may_be_plural("species") and may_be_plural("headquarters") and may_be_plural("tiktokers")
    assert not may_be_plural("press") and not may_be_plural("bus") and not may_be_plural("killed")


def test_an_unknown_word_is_kept_as_written_folded() -> None:
    assert singular("Tiktokers") == "tiktokers"
    assert singular("") == ""
