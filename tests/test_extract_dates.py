"""extract.dates: weekdays resolve backward in the past tense and forward in the future."""

from __future__ import annotations

import datetime as dt

import pytest

import compare.extract.dates as dates
from compare.extract.dates import find_dates, relative_date, weekday_date

THURSDAY = dt.date(2025, 3, 13)


def resolved(sentence: str) -> list[str | None]:
    return [m.value["date"] for _, _, m in find_dates(sentence, THURSDAY)]


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        ("The councillor was arrested on Monday.", "2025-03-10"),
        ("She said on Tuesday that the works had stopped.", "2025-03-11"),
        ("The councillor will be arraigned on Monday.", "2025-03-17"),
        ("The committee is due to meet on Tuesday.", "2025-03-18"),
        ("The mayor is set to sign the order on Saturday.", "2025-03-15"),
        ("Inspectors are expected to return on Friday.", "2025-03-14"),
        ("The board meets again next Tuesday.", "2025-03-18"),
        ("The barge sank last Wednesday.", "2025-03-12"),
        ("On Monday, the families will gather at the quay.", "2025-03-17"),
        ("On Monday, the families gathered at the quay.", "2025-03-10"),
        # A present-tense clause after "when"/"after" takes the time of the clause it depends on.
        (
            "She will question him when the chief testifies before the Ways and Means Committee on Friday.",
            "2025-03-14",
        ),
        ("The union will strike after the board meets on Monday.", "2025-03-17"),
        ("Police arrived when the crowd gathered on Tuesday.", "2025-03-11"),
        ("He will argue that the firm collapsed after the raid on Monday.", "2025-03-10"),
    ],
)
def test_weekday_follows_the_tense_of_its_clause(sentence: str, date: str) -> None:
    assert resolved(sentence) == [date]


def test_two_weekdays_in_one_sentence_take_their_own_clause() -> None:
    sentence = "He was arrested on Monday and will be arraigned on Friday."
    assert resolved(sentence) == ["2025-03-10", "2025-03-14"]


def test_presented_the_plan_is_past_not_future() -> None:
    assert resolved("The minister presented the plan on Wednesday.") == ["2025-03-12"]


def test_next_weekday_is_never_publication_day() -> None:
    assert weekday_date(THURSDAY, 3, forward=True, direction="next") == dt.date(2025, 3, 20)
    assert weekday_date(THURSDAY, 3, forward=True) == THURSDAY
    assert weekday_date(THURSDAY, 3, forward=False, direction="last") == dt.date(2025, 3, 6)


@pytest.mark.parametrize(
    ("phrase", "value"),
    [("next week", "2025-W12"), ("last week", "2025-W10"), ("next month", "2025-04"), ("next year", "2026")],
)
def test_relative_spans_resolve_both_ways(phrase: str, value: str) -> None:
    assert relative_date(phrase, THURSDAY) == value


def test_offsets_point_into_the_sentence() -> None:
    sentence = "The hearing resumes on 4 April 2025 in the annex."
    ((_, _, m),) = find_dates(sentence, THURSDAY)
    assert sentence[m.start : m.end] == "4 April 2025"


@pytest.mark.parametrize(
    ("sentence", "forward"),
    [
        ("The club said it would lodge an appeal with the league's appeals panel by Friday.", True),
        ("The company must file its response by Friday.", True),
        ("The rebels had fled the town by Friday.", False),  # a deadline in the past
        ("By Friday, the toll had risen to 40.", False),
    ],
)
def test_a_deadline_looks_ahead_unless_its_clause_is_past(sentence: str, forward: bool) -> None:
    at = sentence.index("Friday")
    assert dates._points_forward(None, sentence, at, at + len("Friday")) is forward
