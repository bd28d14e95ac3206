"""compare.labels: short row labels that say the fact."""

from __future__ import annotations

import pytest

from compare.claims import Claim
from compare.facts import Linked
from compare.labels import MAX_LABEL, TARGET_LABEL, condense, fact_label, shorten
from tests.test_claims import claims_of


def alone(claim: Claim) -> Linked:
    return Linked((claim,), {}, 0.5, {})


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("The mayor said that the bridge would reopen in May.", "The bridge would reopen in May"),
        (
            "According to the fire brigade, the blaze started in a storage room.",
            "The blaze started in a storage room",
        ),
        (
            "However, the council has not yet approved the budget.",
            "The council has not yet approved the budget",
        ),
        (
            '"We will rebuild the school before winter," the minister said.',
            "We will rebuild the school before winter",
        ),
        (
            "The airline, which was founded in 1952, cancelled all flights to the island.",
            "The airline cancelled all flights to the island",
        ),
        (
            "Police told reporters on Monday that two suspects had been arrested.",
            "Two suspects had been arrested",
        ),
        (
            "The bakery, which employs 2,300 people, makes most of the bread sold in the city.",
            "The bakery makes most of the bread sold in the city",
        ),
        (
            "Ms. Quill, 51, who represents the harbour district, which stretches to the coast, "
            "called the charges baseless.",
            "Ms. Quill called the charges baseless",
        ),
        (
            '"The quays will reopen in spring," Quill told reporters outside the town hall in Linz.',
            "The quays will reopen in spring",
        ),
        # A comma inside a number is no age in commas.
        (
            "At the height of the outage, 2,418,000 homes had no heating.",
            "At the height of the outage, 2,418,000 homes had no heating",
        ),
    ],
)
def test_condense_keeps_the_statement(sentence: str, label: str) -> None:
    assert condense(sentence) == label


def test_condense_keeps_a_short_clause_whole() -> None:
    """Nothing is taken off when what is left would say too little."""
    assert condense("He said so, officials added.") == "He said so, officials added"


def test_shorten_cuts_at_a_word_and_marks_it() -> None:
    text = "The regional court ordered the company to repay every customer who bought a ticket"
    short = shorten(text, 40)
    assert len(short) <= 40 and short.endswith("…")
    assert text.startswith(short[:-1])
    assert shorten("short", 40) == "short"


def test_money_label_leads_with_the_amount_and_fits() -> None:
    (claim,) = claims_of(
        "In a statement on Friday evening, the regional government said it had committed €2.5bn to "
        "rebuilding the flooded railway lines over the next three years.\n"
    )
    label = fact_label(
        "money", {"currency": "EUR", "amount": 2_500_000_000}, "€2.5bn", None, [0], alone(claim)
    )
    assert label.startswith("€2.5 billion — ")
    assert len(label) <= TARGET_LABEL + 1


def test_quote_label_names_the_speaker_and_the_quoted_words() -> None:
    (claim,) = claims_of('"The tunnel will be finished in May," Anna Berg said.\n')
    label = fact_label("quote", None, None, "Anna Berg", [0], alone(claim))
    assert label == "Anna Berg: “The tunnel will be finished in May”"


def test_every_label_is_at_most_max_label() -> None:
    (claim,) = claims_of(
        '"' + "The very long quotation goes on and on " * 10 + '" said Someone Withaverylongname.\n'
    )
    label = fact_label("quote", None, None, "Someone Withaverylongname Andanotherone", [0], alone(claim))
    assert len(label) <= MAX_LABEL


def test_people_label() -> None:
    assert fact_label("entity", {"name": "Anna Berg"}, "Anna Berg", None, []) == "Anna Berg (named)"


@pytest.mark.parametrize(
    ("clause", "label"),
    [
        # a clause cut after "..., adding that" / "-- while cautioning:" keeps only the statement
        (
            "adding that talks with the union will continue next week",
            "Talks with the union will continue next week",
        ),
        (
            'while cautioning: "That does not mean we back the whole plan."',
            '"That does not mean we back the whole plan."',
        ),
        # an opening participle phrase sets the scene
        (
            "Speaking to reporters, the mayor promised a new bridge by May",
            "The mayor promised a new bridge by May",
        ),
        (
            "Pressed on the timing, the minister declined to give a date",
            "The minister declined to give a date",
        ),
        # "or" opening a clause is a connective, like "and"
        (
            "or discuss the ongoing talks between the two unions",
            "Discuss the ongoing talks between the two unions",
        ),
    ],
)
def test_condense_drops_participle_frames_and_connectives(clause: str, label: str) -> None:
    assert condense(clause) == label


def test_condense_keeps_a_short_opening_noun_phrase() -> None:
    """Only a participle of MIN_PARTICIPLE letters or more opens a scene-setting phrase."""
    assert condense("Red flags, the auditors said, were ignored for years") == (
        "Red flags, the auditors said, were ignored for years"
    )


def test_a_figure_label_shows_a_sentence_that_writes_the_figure() -> None:
    """The figure and the sentence beside it agree: '20 hours — ... nearly 20 hours ...', not an
    outlet's '19 hours' that agrees within its precision; and a sentence whose figure sits in a
    relative clause the label would drop is not the one shown."""
    first = claims_of("The blaze was brought under control after 19 hours on Wednesday.\n", "a")
    second = claims_of("Firefighters needed nearly 20 hours to bring the blaze under control.\n", "b")
    claims = (*first, *second)
    linked = Linked(claims, {(0, 1): 0.5}, 0.25, {})
    label = fact_label("quantity", {"count": 20, "unit": "hour"}, "20 hours", None, [0, 1], linked)
    assert label.startswith("20 hours — ") and "20 hours" in label[len("20 hours — ") :]
    third = claims_of("The fire hit the terminal, which also left 37 people injured, officials said.\n", "c")
    fourth = claims_of("Two firefighters were killed and 37 people were injured in the blaze.\n", "d")
    claims = (*third, *fourth)
    linked = Linked(claims, {(0, 1): 0.5}, 0.25, {})
    label = fact_label("quantity", {"count": 37, "unit": "people"}, "37 people", None, [0, 1], linked)
    assert "37 people" in label[len("37 people — ") :]


@pytest.mark.parametrize(
    "clause",
    [
        "MARLOW FALLS, Vt. (AP) — A storm closed the ferry route on Monday.",
        "LINDEN, May 3 (Reuters) - A storm closed the ferry route on Monday.",
        "MARLOW FALLS — A storm closed the ferry route on Monday.",
    ],
)
def test_condense_leaves_an_opening_dateline_out(clause: str) -> None:
    assert condense(clause) == "A storm closed the ferry route on Monday"


def test_condense_keeps_an_acronym_that_opens_a_statement() -> None:
    assert condense("NATO said a storm closed the ferry route on Monday.").startswith("NATO said")


def test_condense_keeps_an_acronym_in_apposition_that_looks_like_a_dateline() -> None:
    core = condense("WAVEWATCH — the regional flood agency — said 40 homes were evacuated.")
    assert core.startswith("WAVEWATCH — the regional flood agency")
