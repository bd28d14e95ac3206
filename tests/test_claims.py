"""compare.claims: cutting sentences into claims, and what each claim carries."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from compare.claims import MAX_CLAIM_WORDS, article_claims, split_claims
from compare.extract import extract_article
from compare.model import Source
from compare.pipeline import build_article
from compare.text import content_stems


def claims_of(text: str, article_id: str = "a"):  # type: ignore[no-untyped-def]
    article = build_article(Source(article_id, f"{article_id}.txt", text))
    return article_claims(article, extract_article(article))


def test_sentence_without_joint_is_one_claim() -> None:
    sentence = "Thirty-seven residents were taken to the regional hospital with burns."
    assert split_claims(sentence) == [sentence]


def test_but_separates_two_statements() -> None:
    sentence = (
        "The league has declared the stadium safe for the final, but the players' union and the "
        "referees have led opposition to a date in May."
    )
    assert split_claims(sentence) == [
        "The league has declared the stadium safe for the final",
        "the players' union and the referees have led opposition to a date in May.",
    ]


def test_semicolon_and_dash_separate_claims() -> None:
    sentence = (
        "Rescue teams searched the collapsed building through the night; engineers inspected "
        "the neighbouring houses for cracks — officials evacuated two nearby schools as a precaution."
    )
    clauses = split_claims(sentence)
    assert len(clauses) == 3
    assert clauses[0].startswith("Rescue teams")
    assert clauses[2].startswith("officials evacuated")


def test_short_clause_stays_with_its_neighbour() -> None:
    """A joint whose side has fewer than MIN_CLAUSE_STEMS content words is not a split."""
    sentence = "The minister resigned on Friday after the report, but refused comment."
    (clause,) = split_claims(sentence)
    assert clause.startswith("The minister resigned on Friday after the report")
    assert clause.endswith("refused comment.")


def test_long_opening_phrase_is_a_claim_of_its_own() -> None:
    sentence = (
        "Ahead of the regional transport ministers' meeting in Tallinn on 3 March, the operator "
        "announced a new timetable for the night trains."
    )
    first, second = split_claims(sentence)
    assert first.startswith("Ahead of the regional transport ministers' meeting")
    assert second.startswith("the operator announced")


def test_long_clause_is_cut_at_a_comma() -> None:
    sentence = (
        "The company said the new plant near the harbour would employ four hundred workers from "
        "the region by the end of next year, the first factory of its kind in the country since "
        "the mines closed and the shipyard moved its production abroad."
    )
    clauses = split_claims(sentence)
    assert len(clauses) == 2
    assert all(len(c.split()) <= MAX_CLAIM_WORDS for c in clauses)


@given(
    st.lists(
        st.sampled_from(
            "the council port strike workers said, but ; — while ferry engineers inspected bridge "
            "tuesday minister resigned report cracks schools".split()
        ),
        min_size=1,
        max_size=60,
    )
)
def test_split_keeps_every_content_word(tokens: list[str]) -> None:
    """Only joints ("but", "while", a semicolon, a dash) go; every content word stays."""
    sentence = " ".join(tokens)
    clauses = split_claims(sentence)
    assert sorted(s for c in clauses for s in content_stems(c)) == sorted(content_stems(sentence))


def test_claims_carry_their_own_figures_and_the_whole_sentence() -> None:
    claims = claims_of(
        "The ministry paid €2 million to the contractor, but the auditors found 14 faults in the "
        "new roof of the station.\n"
    )
    assert len(claims) == 2
    money, faults = claims
    assert [m.kind for m in money.values] == ["money"]
    assert [m.kind for m in faults.values] == ["quantity"]
    assert money.sentence == faults.sentence
    assert money.clause == 0 and faults.clause == 1


def test_claim_keys_depend_on_text_not_on_file_names() -> None:
    text = "The harbour authority closed the northern pier after the storm damaged its cranes.\n"
    (a,) = claims_of(text, "first")
    (b,) = claims_of(text, "second")
    assert a.key == b.key
    (c,) = claims_of(text.replace("northern", "southern"), "first")
    assert c.key != a.key


def test_negation_is_marked() -> None:
    (yes,) = claims_of("The club will sell its stadium to the city council next year.\n")
    (no,) = claims_of("The club will not sell its stadium to the city council next year.\n")
    assert not yes.negated and no.negated


def test_a_part_opening_with_or_continues_the_clause_before_it() -> None:
    """ "- or discuss ... -" has no subject of its own: it is not a claim."""
    sentence = (
        "The union leader refused to publicly back the call for an immediate strike at the port - "
        "or discuss ongoing talks between the unions - during a briefing in Rotterdam on Monday."
    )
    assert split_claims(sentence) == [sentence]


def test_a_trailing_attribution_stays_with_its_statement() -> None:
    """ "..., the agency's chief Ana Silva said." is who said it, not a statement of its own."""
    sentence = (
        "Transport ministers will be discussing the rail plan outlined by the prime minister during "
        "two-day talks starting Thursday in Lisbon, the agency's chief Ana Silva said."
    )
    assert split_claims(sentence) == [sentence]


def test_a_joint_is_glued_back_as_the_sentence_has_it() -> None:
    sentence = "The minister resigned on Friday after the report - but refused comment."
    assert split_claims(sentence) == [sentence]


def test_a_long_clause_is_not_cut_inside_a_quote_or_before_a_relative_pronoun() -> None:
    quoted = (
        'The mayor told the council: "We will not let a company sell the private lives of millions '
        "of our residents to strangers, not now and not ever, without paying for every single "
        'record it lost to the thieves in the summer."'
    )
    assert split_claims(quoted) == [quoted]
    relative = (
        "The complaints about the leaked records were sent to the consumer protection office of "
        "the northern regional government, which says its investigators have received more than "
        "six thousand written complaints from customers."
    )
    assert split_claims(relative) == [relative]


def test_a_list_or_a_role_between_dashes_stays_with_its_clause() -> None:
    """'- including trips to A, B and C -' and '- as "donor retreats"' have no subject of their
    own: they stay in the clause they belong to."""
    sentence = (
        "The treasurer booked a dozen family holidays — including trips to Linz, Graz and the "
        'lakes — as "donor retreats" in the campaign accounts.'
    )
    assert split_claims(sentence) == [sentence]
