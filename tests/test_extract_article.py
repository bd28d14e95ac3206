"""extract.extract_article: every kind of mention of an article, with offsets and notes."""

from __future__ import annotations

from compare.extract import extract_article
from tests.extract_helpers import make_article


def test_every_mention_points_at_its_own_text() -> None:
    article = make_article(
        "Sen. Odile Marchetti said on Monday that the canal repairs would cost about $2.4 billion.",
        '"We expect 300 workers on site by June," Marchetti said, adding that 15% of the budget was spent.',
    )
    am = extract_article(article)
    kinds = set()
    for sentence, mentions in zip(article.sentences, am.by_sentence, strict=True):
        for m in mentions:
            kinds.add(m.kind)
            if m.kind != "quote":
                assert sentence.text[m.start : m.end].startswith(m.text[:5]), m
    assert kinds == {"money", "date", "quantity", "entity", "quote"}


def test_titles_are_kept_per_person() -> None:
    am = extract_article(make_article("Rep. Tamsin Rowe and Gov. Ivo Brandt met in Denver."))
    assert dict(am.titles) == {"Tamsin Rowe": ("rep",), "Ivo Brandt": ("gov",)}


def test_money_mention_carries_interval_and_qualifier() -> None:
    am = extract_article(make_article("The repairs will cost about $2.4 billion, officials said."))
    (money,) = [m for ms in am.by_sentence for m in ms if m.kind == "money"]
    assert money.qualifier == "about"
    assert money.range is not None and money.range[0] < 2.35e9 and money.range[1] > 2.45e9


def test_a_name_inside_a_quote_does_not_become_the_speaker() -> None:
    am = extract_article(
        make_article(
            "Ivo Brandt spoke after the vote.",
            '"Tamsin Rowe warned us about this canal years ago," he said.',
        )
    )
    (quote,) = [m for ms in am.by_sentence for m in ms if m.kind == "quote"]
    assert quote.speaker == "Ivo Brandt"


def test_article_without_publication_date_keeps_weekdays_as_written() -> None:
    am = extract_article(make_article("The board will meet on Friday.", published=None))
    (date,) = [m for ms in am.by_sentence for m in ms if m.kind == "date"]
    assert date.value == {"date": None, "text": "Friday"}
