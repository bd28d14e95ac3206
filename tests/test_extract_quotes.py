"""extract.quotes: quote spans and who speaks them."""

from __future__ import annotations

from compare.extract import extract_article
from compare.extract.quotes import find_quote_spans
from tests.extract_helpers import make_article


def speakers(*paragraphs: str) -> list[tuple[str, str | None]]:
    am = extract_article(make_article(*paragraphs))
    return [(m.text, m.speaker) for ms in am.by_sentence for m in ms if m.kind == "quote"]


# --- spans -------------------------------------------------------------------------------------


def test_unclosed_single_quote_is_no_quote() -> None:
    text = "The chair wrote 'this will not stand and " + "nobody will be surprised " * 60
    assert find_quote_spans(text) == []


def test_decade_apostrophe_is_not_an_opening_quote() -> None:
    text = "In the '90s the yard built ferries, and 'we were proud of every hull,' she said."
    assert [q.text for q in find_quote_spans(text)] == ["we were proud of every hull,"]


def test_apostrophes_inside_a_single_quote() -> None:
    text = "He wrote: 'We don't know what's next for the yard.' Then he left."
    assert [q.text for q in find_quote_spans(text)] == ["We don't know what's next for the yard."]


def test_short_pair_does_not_swallow_the_next_passage() -> None:
    text = 'Officials were "fully aware" that the pier was unsafe, the report found.'
    assert find_quote_spans(text) == []


def test_double_quote_without_closer_runs_to_the_end() -> None:
    text = "“We will rebuild the pier and the market"
    (q,) = find_quote_spans(text)
    assert q.text == "We will rebuild the pier and the market" and q.end == len(text)


def test_quote_mention_has_offsets_in_its_sentence() -> None:
    am = extract_article(make_article('Nadia Ferrante said: "The canal will reopen in spring."'))
    (quote,) = [m for ms in am.by_sentence for m in ms if m.kind == "quote"]
    sentence = am.article.sentences[0].text
    assert sentence[quote.start : quote.end] == '"The canal will reopen in spring."'


# --- speakers ------------------------------------------------------------------------------------


def test_named_attribution_after_the_quote() -> None:
    assert speakers('"The canal will reopen in spring," Nadia Ferrante said.') == [
        ("The canal will reopen in spring,", "Nadia Ferrante")
    ]


def test_pronoun_after_a_question_refers_to_the_one_asked() -> None:
    result = speakers(
        "Canal inspector Tomas Lindqvist met Mayor Oriel Banda on the quay.",
        "Asked about the cost of the repairs, Lindqvist said the city would pay. "
        'Banda nodded beside him. "We have the money set aside already," he added.',
    )
    assert result == [("We have the money set aside already,", "Tomas Lindqvist")]


def test_pronoun_after_was_asked_refers_to_the_one_asked() -> None:
    result = speakers(
        "Mayor Oriel Banda toured the pier with engineer Petra Solis.",
        'Banda was asked whether the pier would reopen. "Not before the summer," she replied.',
    )
    assert result == [("Not before the summer,", "Oriel Banda")]


def test_the_minister_replied_is_the_minister_named_earlier() -> None:
    result = speakers(
        "Fisheries Minister Anneli Roos visited the canal on Tuesday with Tomas Lindqvist.",
        'Asked whether the quotas would change, the minister replied: "Not this season, no."',
    )
    assert result == [("Not this season, no.", "Anneli Roos")]


def test_pronoun_refers_to_latest_speaker_not_last_name_mentioned() -> None:
    result = speakers(
        "Oriel Banda said the market would stay closed while inspectors worked with Petra Solis.",
        '"We will not take any risk with people\'s lives," he said.',
    )
    assert result == [("We will not take any risk with people's lives,", "Oriel Banda")]


def test_speaker_is_never_cut_to_a_first_name() -> None:
    result = speakers(
        "Councillor Wendell Okafor opened the meeting.",
        '"The budget is not negotiable," Wendell said.',
    )
    assert result == [("The budget is not negotiable,", "Wendell Okafor")]


def test_it_said_names_no_person() -> None:
    result = speakers(
        "Oriel Banda said the port was safe.",
        'The agency issued a statement. It said the pier "had failed every inspection since 2019."',
    )
    assert result == [("had failed every inspection since 2019.", None)]


def test_quote_continued_from_the_previous_paragraph_keeps_its_speaker() -> None:
    result = speakers(
        'Petra Solis said: "The pier is older than anyone thought.',
        '"We will need a new one within five years."',
    )
    assert [who for _, who in result] == ["Petra Solis", "Petra Solis"]


def test_a_quoted_question_is_not_the_addressees_and_the_answer_is() -> None:
    result = speakers(
        "Mayor Oriel Banda said she would take questions once engineer Petra Solis arrived.",
        '"Petra Solis says the pier is unsafe," she was asked. "Do you agree with her?"',
        '"I have read the report and I trust it," she replied.',
    )
    assert result == [
        ("Petra Solis says the pier is unsafe,", None),
        ("Do you agree with her?", None),
        ("I have read the report and I trust it,", "Oriel Banda"),
    ]


# --- speakers: listeners, roles, descriptions, characterising verbs ------------------------------


def test_the_name_after_told_is_the_listener_not_the_speaker() -> None:
    found = speakers(
        "Grandmother Ines Varga, 71, of Linz, lost her savings. “They took my whole pension,” she told The"
        " Courier. “I still get calls every week.”"
    )
    assert [who for _, who in found] == ["Ines Varga", "Ines Varga"]


def test_organisation_and_role_before_the_name_after_the_verb() -> None:
    found = speakers("“Not one cent will be passed on,” insisted Acme boss Wendell Okafor.")
    assert found[0][1] == "Wendell Okafor"
    found = speakers("“Not one cent will be passed on,” said Acme chief executive Wendell Okafor.")
    assert found[0][1] == "Wendell Okafor"


def test_a_description_between_name_and_verb() -> None:
    found = speakers(
        "Ines Varga, a lead lawyer for the plaintiffs, said: “This sends a message to every company.”"
    )
    assert found[0][1] == "Ines Varga"


def test_called_and_blasted_as_put_the_quote_in_the_subjects_mouth() -> None:
    found = speakers(
        "Sen. Ines Varga, whose state has 300,000 members, called the deal “a down payment, not justice”."
    )
    assert found[0][1] == "Ines Varga"
    found = speakers("Senator Ines Varga blasted the deal as “a down payment, not justice.”")
    assert found[0][1] == "Ines Varga"


def test_a_place_described_by_its_region_does_not_speak() -> None:
    found = speakers(
        "Locals in Brenzago, northern Italy, told how they heard a noise “like a bomb going off” there."
    )
    assert found[0][1] is None


def test_a_subject_with_a_description_is_who_he_means() -> None:
    found = speakers(
        "Ines Varga, a lawyer, said the talks would go on.",
        "Mr Okafor, the firm's chief executive, will appear on Thursday, where he will be asked about the"
        " delay. He has insisted that “not one cent” of it will be passed on.",
    )
    assert found[-1][1] == "Okafor"


def test_organisation_and_capitalised_title_before_the_name_before_the_verb() -> None:
    """'..., Harbourline Chief Executive Ada Quill told reporters.': the speaker is the whole
    name, not the title's last word and the first name."""
    got = speakers(
        '"We apologise to every family that trusted us," Harbourline Chief Executive Ada Quill '
        "told a news conference in the port."
    )
    assert got == [("We apologise to every family that trusted us,", "Ada Quill")]


def test_an_adverb_between_the_speaker_and_the_verb() -> None:
    got = speakers('"The quays will reopen in spring," Ada Quill later told reporters.')
    assert got == [("The quays will reopen in spring,", "Ada Quill")]
