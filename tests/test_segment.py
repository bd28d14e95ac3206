"""segment: lines for the cleaner (hard wraps joined, both layouts), sentences for extractors."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare.segment import Line, ends_sentence, make_paragraphs, split_lines, split_sentences

PARAGRAPHS = [
    "Harbour ferry talks stall as unions reject offer",
    "Ferry workers in Port Elwyn rejected the operator's pay offer on Tuesday.",
    "The union said the offer fell far short of inflation.",
    "Island residents said they could not reach hospital appointments on the mainland.",
]


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


# --- lines ------------------------------------------------------------------------------------


def test_hard_wrapped_lines_are_joined() -> None:
    text = (
        "Ferry workers in Port Elwyn rejected the operator's pay offer on Tuesday,\n"
        "extending a strike that has stranded hundreds of island\n"
        "residents for a week.\n"
        "\n"
        "The union said the offer fell short.\n"
    )
    assert [line.text for line in split_lines(text)] == [
        "Ferry workers in Port Elwyn rejected the operator's pay offer on Tuesday, extending a "
        "strike that has stranded hundreds of island residents for a week.",
        "The union said the offer fell short.",
    ]


def test_line_ending_a_sentence_is_not_joined_to_the_next() -> None:
    text = (
        "The operator said it would return to talks with the union on Friday.\n"
        "and that is a line that starts in lower case.\n"
    )
    assert len(split_lines(text)) == 2


def test_short_heading_is_not_joined_to_a_lower_case_line() -> None:
    lines = split_lines("What happens next\nunions will vote on Friday.\n")
    assert [line.text for line in lines] == ["What happens next", "unions will vote on Friday."]


def test_blank_line_paragraphs_are_one_line_each() -> None:
    text = "\n\n".join(PARAGRAPHS) + "\n"
    lines = split_lines(text)
    assert [line.text for line in lines] == PARAGRAPHS
    assert all(line.after_blank for line in lines)


def test_one_paragraph_per_line_layout_gives_the_same_lines() -> None:
    text = "\n".join(PARAGRAPHS) + "\n"
    lines = split_lines(text)
    assert [line.text for line in lines] == PARAGRAPHS
    assert [line.after_blank for line in lines] == [True, False, False, False]


def test_whitespace_inside_a_line_is_collapsed() -> None:
    assert split_lines("  Ferry   strike\tgoes on.  \n") == [Line("Ferry strike goes on.", True)]


@pytest.mark.parametrize(
    ("line", "ends"),
    [
        ("The strike goes on.", True),
        ("Is it over?", True),
        ('"It is over."', True),
        ("He said:", True),
        ("What happens next", False),
        ("Photo: John Smith", False),
    ],
)
def test_ends_sentence(line: str, ends: bool) -> None:
    assert ends_sentence(line) is ends


# --- sentences ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "kept"),
    [
        ("The U.S. envoy arrived in Kyiv on Tuesday.", "U.S. envoy"),
        ("Gen. Mark Milley met the ministers in Brussels.", "Gen. Mark"),
        ("The plan was presented on Oct. 16 in parliament.", "Oct. 16"),
        ("The airport was named after John F. Kennedy in 1963.", "John F. Kennedy"),
        ("Inflation rose 3.5 percent in February.", "3.5 percent"),
        ("The talks ended at 5 p.m. Monday in Brussels.", "p.m. Monday"),
        ("Nobody answered the door at No. 10 Downing Street.", "No. 10"),
    ],
)
def test_abbreviation_stays_inside_its_sentence(first: str, kept: str) -> None:
    text = first + " Then the meeting was over."
    assert sentences(text) == [first, "Then the meeting was over."]
    assert kept in sentences(text)[0]


def test_sentence_splits_after_closing_quote() -> None:
    assert sentences('He said: "It is over." Then he left.') == [
        'He said: "It is over."',
        "Then he left.",
    ]


def test_sentence_splits_after_curly_closing_quote() -> None:
    assert sentences("She said: “It is over.” Then she left.") == [
        "She said: “It is over.”",
        "Then she left.",
    ]


def test_sentence_splits_after_question_and_exclamation() -> None:
    assert sentences("Is it over? Nobody knows! The talks go on.") == [
        "Is it over?",
        "Nobody knows!",
        "The talks go on.",
    ]


def test_everyday_word_that_is_also_an_abbreviation_ends_a_sentence() -> None:
    assert sentences("The answer was no. Then the talks broke up.") == [
        "The answer was no.",
        "Then the talks broke up.",
    ]
    assert sentences("He told The Sun. Later he left.") == ["He told The Sun.", "Later he left."]


def test_sentence_continues_after_lower_case_word() -> None:
    assert sentences("The vote was 31 to 9. it passed.") == ["The vote was 31 to 9. it passed."]


def test_text_without_end_punctuation_is_one_sentence() -> None:
    assert sentences("Ferry talks stall  ") == ["Ferry talks stall"]


def test_empty_text_has_no_sentences() -> None:
    assert split_sentences("") == []
    assert split_sentences("   ") == []


# Pieces that exercise every branch: words, abbreviations, initials, decimals, quotes, brackets.
_SENTENCE_TEXT = st.lists(
    st.sampled_from(
        [
            "a",
            "b",
            " ",
            "Z",
            "q",
            ".",
            "!",
            "?",
            '"',
            "'",
            "”",
            "“",
            ")",
            "(",
            "\n",
            "U.S.",
            "3.5",
            "p.m.",
            "Gen.",
            "No. 10",
            "F.",
            "said no.",
        ]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=300)
@given(st.one_of(_SENTENCE_TEXT, st.text(max_size=200)))
def test_sentence_spans_are_ordered_disjoint_and_inside_the_text(text: str) -> None:
    spans = split_sentences(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert text[start:end].strip()
        previous_end = end


# --- paragraphs -----------------------------------------------------------------------------


def test_paragraphs_are_numbered_from_zero_in_order() -> None:
    texts = ["One sentence here. And a second one.", "A paragraph alone.", "Third. Fourth! Fifth?"]
    paragraphs = make_paragraphs(texts)
    assert [p.index for p in paragraphs] == [0, 1, 2]
    assert [p.text for p in paragraphs] == texts
    assert [len(p.sentences) for p in paragraphs] == [2, 1, 3]


def test_sentences_know_their_paragraph_and_offsets() -> None:
    paragraphs = make_paragraphs(["First one. Second one.", "Other paragraph."])
    for paragraph in paragraphs:
        for sentence in paragraph.sentences:
            assert sentence.paragraph == paragraph.index
            assert paragraph.text[sentence.start : sentence.end] == sentence.text
    assert paragraphs[0].sentences[1].text == "Second one."
    assert paragraphs[0].sentences[1].start == 11


def test_no_texts_give_no_paragraphs() -> None:
    assert make_paragraphs([]) == ()


@pytest.mark.parametrize(
    "text",
    [
        "MARLOW FALLS, Vt. (AP) — A storm closed the ferry on Monday. It reopened on Tuesday.",
        "LINDEN, Jan. 5 (Reuters) - A storm closed the ferry on Monday. It reopened on Tuesday.",
        "LINDEN (AFP) – A storm closed the ferry on Monday. It reopened on Tuesday.",
    ],
)
def test_an_opening_dateline_stays_with_its_sentence(text: str) -> None:
    sentences = [text[a:b] for a, b in split_sentences(text)]
    assert len(sentences) == 2 and sentences[0].endswith("closed the ferry on Monday.")
    assert sentences[1] == "It reopened on Tuesday."


def test_a_state_abbreviation_outside_a_dateline_still_ends_a_sentence() -> None:
    text = "The ferry sails to Marlow Falls, Vt. The council met on Monday."
    assert len(split_sentences(text)) == 2
