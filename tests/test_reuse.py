"""compare.reuse: a wire story and its copies (tests/fixtures/reuse/, written for these tests): one
lightly edited, one with paragraphs reordered and cut; a story on the same event that shares only a
quote is not a copy."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

from compare.model import Article, Reuse
from compare.pipeline import load_articles
from compare.reuse import find_reuses, shingles
from compare.segment import make_paragraphs

FOLDER = Path(__file__).parent / "fixtures" / "reuse"


def by_id() -> dict[str, Article]:
    return {a.id: a for a in load_articles([str(FOLDER)])}


def sources(article: Article) -> dict[str, float]:
    return {r.article: r.share for r in article.reuses}


def test_lightly_edited_copy_reuses_the_wire_story() -> None:
    arts = by_id()
    assert sources(arts["edited"]).keys() == {"wire"}
    assert sources(arts["edited"])["wire"] >= 0.7


def test_reordered_copy_reuses_the_wire_story_not_the_other_copy() -> None:
    arts = by_id()
    assert sources(arts["reordered"]) == {"wire": 1.0}


def test_the_wire_story_copies_nobody() -> None:
    """Direction: the wire carries its agency dateline, the copies dropped it."""
    assert by_id()["wire"].reuses == ()


def test_story_sharing_only_a_quote_is_not_a_copy() -> None:
    arts = by_id()
    assert arts["quotes_only"].reuses == ()
    assert all("quotes_only" not in sources(a) for a in arts.values())


def test_later_publication_is_the_copier_whatever_the_credits() -> None:
    arts = by_id()
    wire = replace(arts["wire"], published="2025-05-04")
    edited = replace(arts["edited"], published="2025-05-03")
    found = find_reuses([wire, edited])
    assert [r.article for r in found["wire"]] == ["edited"] and found["edited"] == ()


def test_identical_texts_without_dates_or_credits_list_each_other() -> None:
    """Nothing tells which came first: both directions are listed rather than one guessed."""
    a = replace(by_id()["edited"], id="a")
    b = replace(a, id="b")
    found = find_reuses([a, b])
    assert found["a"] == (Reuse("b", 1.0),) and found["b"] == (Reuse("a", 1.0),)


def test_quoted_words_are_left_out_of_the_shingles() -> None:
    assert shingles('"The water is simply stronger than the wall," the mayor said.') == {"the mayor said"}
    assert "flood barrier gave" in shingles("The flood barrier gave way early on Saturday.")


def _synthetic(n: int, seed: int) -> list[Article]:
    """n articles of random words; every tenth one is 8 of the 10 sentences of the one before it."""
    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(5000)]

    def sentence() -> str:
        return " ".join(rng.choice(vocab) for _ in range(rng.randint(12, 22))).capitalize() + "."

    texts: list[list[str]] = []
    for i in range(n):
        texts.append(texts[-1][:8] if i % 10 == 9 else [sentence() for _ in range(10)])
    return [
        Article(f"s{i:03d}", "", None, None, None, None, make_paragraphs(t), ()) for i, t in enumerate(texts)
    ]


def test_many_articles_find_exactly_the_planted_copies() -> None:
    """200 articles through the shingle index (no loop over sentence pairs): the 20 planted copies
    are found, each pointing at its source (the superset), and nothing else."""
    articles = _synthetic(200, seed=7)
    found = find_reuses(articles)
    copies = {aid: r for aid, r in found.items() if r}
    assert len(copies) == 20
    for aid, reuses in copies.items():
        source = f"s{int(aid[1:]) - 1:03d}"
        assert reuses == (Reuse(source, 1.0),)


def test_a_news_agency_s_own_story_is_the_original_of_a_newspaper_s_copy() -> None:
    """No dates and no credits tell the direction: the agency sells its copy, so the agency's text
    is the source even when the shared passages are the larger share of it."""
    arts = by_id()
    wire = replace(arts["edited"], id="agency", outlet="Reuters", credits=(), published=None)
    paper = replace(arts["wire"], id="paper", outlet="Hill Gazette", credits=(), published=None)
    found = find_reuses([wire, paper])
    assert found["agency"] == () and [r.article for r in found["paper"]] == ["agency"]
