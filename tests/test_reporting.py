"""compare.reporting: the shared table of reporting verbs, and the four steps that build on it."""

from __future__ import annotations

import re

import pytest

from compare.claims import ATTRIBUTION_VERBS, split_claims
from compare.extract import extract_article
from compare.extract.names import SAY_VERBS, SAY_VERBS_INVERTED, SPEAKER_VERBS
from compare.labels import FRAME_VERBS, PARTICIPLE_FRAME_VERBS, condense
from compare.model import Source
from compare.pipeline import build_article
from compare.reporting import (
    ANNOUNCING_VERBS,
    BELIEF_VERBS,
    CHANNEL_VERBS,
    CONTINUE,
    EVIDENCE_VERBS,
    PUBLISHING_VERBS,
    REQUEST_VERBS,
    SAY,
    SPEECH_VERBS,
    TELL,
    WRITE,
    Verb,
    alternation,
    finite,
    gerunds,
)
from tests.extract_helpers import make_article

GROUPS = (
    SPEECH_VERBS,
    ANNOUNCING_VERBS,
    REQUEST_VERBS,
    CHANNEL_VERBS,
    PUBLISHING_VERBS,
    BELIEF_VERBS,
    EVIDENCE_VERBS,
)
ALL_VERBS = tuple(dict.fromkeys(v for group in (*GROUPS, (TELL, CONTINUE)) for v in group))


# --- the table -----------------------------------------------------------------------------------


@pytest.mark.parametrize("verb", ALL_VERBS, ids=lambda v: v.past)
def test_every_verb_has_its_inflections(verb: Verb) -> None:
    assert verb.past.isalpha() and verb.past.islower()
    assert verb.gerund.endswith("ing") and verb.gerund != verb.past
    if verb.present is not None:
        assert verb.present.endswith("s") and verb.present != verb.past
    assert verb.finite[0] == verb.past


def test_a_verb_is_listed_once_except_write_which_people_and_outlets_do() -> None:
    pasts = [v.past for group in GROUPS for v in group]
    twice = {p for p in pasts if pasts.count(p) > 1}
    assert twice == {WRITE.past}


def test_speech_verbs_leave_out_the_verbs_each_job_adds_itself() -> None:
    assert SAY in SPEECH_VERBS and WRITE in SPEECH_VERBS
    assert TELL not in SPEECH_VERBS  # each job adds "told" with its own listener pattern
    assert CONTINUE not in SPEECH_VERBS  # "the fighting continued": a speech verb only by a quote


def test_present_forms_that_are_mostly_nouns_are_left_out() -> None:
    forms = set(finite(ALL_VERBS))
    assert {"says", "adds", "argues", "writes"} <= forms
    assert not {"claims", "notes", "states", "reports", "answers", "posts"} & forms


def test_finite_and_gerunds_keep_order_and_drop_repeats() -> None:
    assert finite((SAY, WRITE, SAY)) == ("said", "says", "wrote", "writes")
    assert gerunds((SAY, WRITE, SAY)) == ("saying", "writing")


def test_alternation_matches_each_form_and_nothing_longer() -> None:
    pattern = re.compile(rf"{alternation(('said', 'says', 'said'))}\b")
    assert alternation(("said", "says", "said")) == "(?:said|says)"
    assert pattern.fullmatch("says") and pattern.fullmatch("said")
    assert not pattern.match("sayso") and not pattern.match("say")
    assert alternation(("a.b",)) == r"(?:a\.b)"


def test_belief_verbs_are_no_speech() -> None:
    beliefs = set(finite(BELIEF_VERBS))
    assert not beliefs & set(finite(SPEAKER_VERBS))
    assert not beliefs & set(finite(ATTRIBUTION_VERBS))


# --- the four users accept the base verbs ----------------------------------------------------------

STATEMENT = "The harbour bridge will reopen to traffic in May after repairs"


@pytest.mark.parametrize("form", finite(ATTRIBUTION_VERBS))
def test_claims_keep_an_attribution_with_its_statement(form: str) -> None:
    sentence = f"{STATEMENT}; the agency's chief Ana Silva {form}."
    assert split_claims(sentence) == [sentence]


def test_claims_cut_a_statement_that_ends_in_another_verb() -> None:
    sentence = f"{STATEMENT}; the agency's chief Ana Silva resigned."
    assert len(split_claims(sentence)) == 2


LONG_CLAUSE = (
    "The regional council approved the new ferry timetable for the northern routes on Monday evening"
)


@pytest.mark.parametrize("opener", ["adding that", "saying", "noting that", "said the mayor"])
def test_claims_cut_no_part_that_continues_the_statement(opener: str) -> None:
    sentence = f"{LONG_CLAUSE}, {opener} the change would cut waiting times for commuters by a third."
    assert split_claims(sentence) == [sentence]


def test_claims_cut_a_part_that_opens_with_another_participle() -> None:
    sentence = f"{LONG_CLAUSE}, warning that the change would cut waiting times for commuters by a third."
    assert len(split_claims(sentence)) == 2


@pytest.mark.parametrize("form", finite(FRAME_VERBS))
def test_labels_drop_a_leading_frame(form: str) -> None:
    assert (
        condense(f"The mayor {form} that the bridge would reopen in May.") == "The bridge would reopen in May"
    )


@pytest.mark.parametrize("gerund", gerunds(PARTICIPLE_FRAME_VERBS))
def test_labels_drop_a_participle_frame(gerund: str) -> None:
    assert condense(f"{gerund} that the bridge would reopen in May") == "The bridge would reopen in May"


def test_labels_keep_a_request_which_states_nothing() -> None:
    assert (
        condense("The mayor urged that the bridge reopen in May.")
        == "The mayor urged that the bridge reopen in May"
    )


@pytest.mark.parametrize("form", finite(SPEAKER_VERBS))
def test_names_take_the_subject_of_a_speech_verb_as_the_speaker(form: str) -> None:
    assert re.fullmatch(SAY_VERBS, form) and re.fullmatch(SAY_VERBS_INVERTED, form)
    am = extract_article(make_article(f'"The canal will reopen in spring," Nadia Ferrante {form}.'))
    quotes = [m for ms in am.by_sentence for m in ms if m.kind == "quote"]
    assert [m.speaker for m in quotes] == ["Nadia Ferrante"]


def test_names_take_no_speaker_from_another_verb() -> None:
    am = extract_article(make_article('"The canal will reopen in spring," Nadia Ferrante painted.'))
    assert [m.speaker for ms in am.by_sentence for m in ms if m.kind == "quote"] == [None]


def test_names_take_told_with_its_listener_but_never_inverted() -> None:
    assert re.fullmatch(SAY_VERBS, "told reporters")
    assert not re.fullmatch(SAY_VERBS_INVERTED, "told")


def test_names_take_no_announcing_verb_as_evidence_of_a_person() -> None:
    assert not set(finite(ANNOUNCING_VERBS)) & set(finite(SPEAKER_VERBS))


@pytest.mark.parametrize("form", [*finite((SAY, *PUBLISHING_VERBS)), "reports"])
def test_attribution_credits_an_outlet_named_by_its_kind(form: str) -> None:
    story = (
        "The regional council approved the new ferry timetable on Monday after a long debate.\n\n"
        f"Fares rose by a third, the Portuguese newspaper Jornal da Serra {form}.\n"
    )
    article = build_article(Source(id="x", path="x.txt", text=story))
    assert article.credits == ("Jornal da Serra",)
