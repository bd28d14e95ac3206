"""The JSON documents of `compare matrix` and `compare diff` against the interface contract
(../shared/CONTRACT.md), checked by hand: key order, field types, enums, and that every index
points at something that exists. Run on the seeds, both test events and the fixture files."""

from __future__ import annotations

import functools
import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from compare.cli import app

REPO = Path(__file__).resolve().parent.parent

DROP_REASONS = {"boilerplate", "duplicate", "off-topic"}
FACT_KINDS = {"money", "quantity", "date", "quote", "entity", "claim", "event"}
STATUSES = {"stated", "partial", "conflict", "absent"}
ARTICLE_KEYS = {"id", "path", "outlet", "title", "paragraphs", "dropped"}
FACT_KEYS = {"id", "kind", "label", "value", "speaker", "coverage"}

MATRIX_INPUTS = {
    "seeds": ("seeds",),
    "bridge-collapse": ("tests/events/bridge-collapse",),
    "central-bank": ("tests/events/central-bank",),
    "fixtures": ("tests/fixtures/frontmatter.md", "tests/fixtures/article.html"),
}
DIFF_INPUTS = {
    "seeds-001-003": ("seeds/001_5300f62ee2d25633.txt", "seeds/003_e9b744251f762ee8.txt"),
    "seeds-000-004": ("seeds/000_e0f776ad8e8d545f.txt", "seeds/004_93e9d3437e0608df.txt"),
    "bridge-b1-b2": ("tests/events/bridge-collapse/b1_wire.txt",
                     "tests/events/bridge-collapse/b2_tabloid.txt"),
    "bank-c3-c4": ("tests/events/central-bank/c3_foreign.txt",
                   "tests/events/central-bank/c4_aggregator.txt"),
    "self": ("seeds/002_8662005bbee5e736.txt", "seeds/002_8662005bbee5e736.txt"),
    "unrelated": ("seeds/001_5300f62ee2d25633.txt", "tests/fixtures/unrelated_event.txt"),
}


@functools.cache
def run_json(*args: str) -> dict[str, Any]:
    """The parsed JSON output of one command, run from the repository root."""
    here = os.getcwd()
    os.chdir(REPO)
    try:
        result = CliRunner().invoke(app, [*args, "--format", "json"])
    finally:
        os.chdir(here)
    assert result.exit_code == 0, (result.stderr, result.exception)
    doc: dict[str, Any] = json.loads(result.stdout)
    return doc


def matrix_doc(name: str) -> dict[str, Any]:
    return run_json("matrix", *MATRIX_INPUTS[name])


def diff_doc(name: str) -> dict[str, Any]:
    return run_json("diff", *DIFF_INPUTS[name])


# --- shared parts --------------------------------------------------------------------------


def check_articles(articles: list[Any]) -> dict[str, int]:
    """Every article is well formed; returns article id -> number of paragraphs."""
    assert isinstance(articles, list) and articles
    sizes: dict[str, int] = {}
    for article in articles:
        assert isinstance(article, dict)
        assert set(article) >= ARTICLE_KEYS, set(article)
        assert isinstance(article["id"], str) and article["id"]
        assert article["id"] not in sizes, f"duplicate article id {article['id']}"
        assert isinstance(article["path"], str) and article["path"]
        assert not os.path.isabs(article["path"]), article["path"]
        for key in ("outlet", "title"):
            assert article[key] is None or isinstance(article[key], str)
        paragraphs = article["paragraphs"]
        assert isinstance(paragraphs, list) and paragraphs
        for position, paragraph in enumerate(paragraphs):
            assert set(paragraph) >= {"index", "text"}
            assert paragraph["index"] == position  # kept paragraphs, from 0, reading order
            assert isinstance(paragraph["text"], str) and paragraph["text"].strip()
        assert isinstance(article["dropped"], list)
        for dropped in article["dropped"]:
            assert set(dropped) >= {"text", "reason"}
            assert isinstance(dropped["text"], str)
            assert dropped["reason"] in DROP_REASONS, dropped["reason"]
        sizes[article["id"]] = len(paragraphs)
    return sizes


def check_facts(facts: list[Any], articles: list[dict[str, Any]]) -> None:
    texts = {a["id"]: [p["text"] for p in a["paragraphs"]] for a in articles}
    ids = [a["id"] for a in articles]
    assert isinstance(facts, list)
    seen: set[str] = set()
    for fact in facts:
        assert set(fact) >= FACT_KEYS, set(fact)
        assert isinstance(fact["id"], str) and fact["id"] not in seen
        seen.add(fact["id"])
        assert fact["kind"] in FACT_KINDS, fact["kind"]
        assert isinstance(fact["label"], str) and fact["label"].strip()
        assert fact["value"] is None or isinstance(fact["value"], dict)
        assert fact["speaker"] is None or (isinstance(fact["speaker"], str) and fact["speaker"])
        if fact["kind"] == "money":
            value = fact["value"]
            assert isinstance(value, dict), fact
            assert re.fullmatch(r"[A-Z]{3}", value["currency"]), value
            assert isinstance(value["amount"], int | float) and value["amount"] > 0, value
        coverage = fact["coverage"]
        assert isinstance(coverage, dict)
        assert sorted(coverage) == sorted(ids), f"{fact['id']}: coverage must name every article"
        assert any(cell["status"] != "absent" for cell in coverage.values()), fact["id"]
        for aid, cell in coverage.items():
            assert set(cell) >= {"status", "evidence", "paragraph"}
            assert cell["status"] in STATUSES, cell["status"]
            if cell["status"] == "absent":
                assert cell["evidence"] is None and cell["paragraph"] is None, (fact["id"], aid)
                continue
            assert isinstance(cell["evidence"], str) and cell["evidence"].strip(), (fact["id"], aid)
            paragraph = cell["paragraph"]
            assert isinstance(paragraph, int) and not isinstance(paragraph, bool)
            assert 0 <= paragraph < len(texts[aid]), (fact["id"], aid, paragraph)
            # the evidence is a sentence of the paragraph the cell points at
            assert cell["evidence"] in texts[aid][paragraph], (fact["id"], aid)


# --- matrix --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(MATRIX_INPUTS))
def test_matrix_document_keys(name: str) -> None:
    doc = matrix_doc(name)
    assert next(iter(doc)) == "schema"
    assert doc["schema"] == "compare.matrix/1"
    assert {"articles", "facts", "groups"} <= set(doc)


@pytest.mark.parametrize("name", sorted(MATRIX_INPUTS))
def test_matrix_articles(name: str) -> None:
    doc = matrix_doc(name)
    check_articles(doc["articles"])
    for article in doc["articles"]:
        assert article["id"] == Path(article["path"]).stem  # article ids are file stems


@pytest.mark.parametrize("name", sorted(MATRIX_INPUTS))
def test_matrix_facts(name: str) -> None:
    doc = matrix_doc(name)
    assert doc["facts"], "a story with no facts"
    check_facts(doc["facts"], doc["articles"])


@pytest.mark.parametrize("name", sorted(MATRIX_INPUTS))
def test_matrix_groups_reference_real_paragraphs(name: str) -> None:
    doc = matrix_doc(name)
    sizes = check_articles(doc["articles"])
    seen: set[str] = set()
    for group in doc["groups"]:
        assert set(group) >= {"id", "members"}
        assert isinstance(group["id"], str) and group["id"] not in seen
        seen.add(group["id"])
        members = group["members"]
        assert isinstance(members, list) and len(members) >= 2
        pairs = [(m["article"], m["paragraph"]) for m in members]
        assert len(set(pairs)) == len(pairs), f"{group['id']} repeats a member"
        assert len({a for a, _ in pairs}) >= 2, f"{group['id']} holds one article only"
        for article, paragraph in pairs:
            assert article in sizes, article
            assert isinstance(paragraph, int) and 0 <= paragraph < sizes[article], (article, paragraph)


def test_matrix_dropped_reasons_cover_all_three_on_the_events() -> None:
    reasons = {
        d["reason"]
        for name in ("seeds", "bridge-collapse")
        for a in matrix_doc(name)["articles"]
        for d in a["dropped"]
    }
    assert reasons == DROP_REASONS


# --- diff ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(DIFF_INPUTS))
def test_diff_document_keys(name: str) -> None:
    doc = diff_doc(name)
    assert next(iter(doc)) == "schema"
    assert doc["schema"] == "compare.diff/1"
    assert {"articles", "facts", "pairs", "only"} <= set(doc)
    assert len(doc["articles"]) == 2


@pytest.mark.parametrize("name", sorted(DIFF_INPUTS))
def test_diff_articles_and_facts(name: str) -> None:
    doc = diff_doc(name)
    check_articles(doc["articles"])
    check_facts(doc["facts"], doc["articles"])


@pytest.mark.parametrize("name", sorted(DIFF_INPUTS))
def test_diff_pairs_and_only_hold_valid_indices(name: str) -> None:
    doc = diff_doc(name)
    sizes = check_articles(doc["articles"])
    size_a, size_b = (sizes[a["id"]] for a in doc["articles"])
    assert isinstance(doc["pairs"], list)
    for pair in doc["pairs"]:
        assert set(pair) >= {"a", "b", "score"}
        assert pair["a"] and pair["b"], pair
        assert all(isinstance(i, int) and 0 <= i < size_a for i in pair["a"]), pair
        assert all(isinstance(i, int) and 0 <= i < size_b for i in pair["b"]), pair
        assert isinstance(pair["score"], int | float) and 0 <= pair["score"] <= 1, pair
    assert set(doc["only"]) == {"a", "b"}
    assert all(isinstance(i, int) and 0 <= i < size_a for i in doc["only"]["a"])
    assert all(isinstance(i, int) and 0 <= i < size_b for i in doc["only"]["b"])


@pytest.mark.parametrize("name", sorted(DIFF_INPUTS))
@pytest.mark.parametrize("side", ["a", "b"])
def test_diff_every_paragraph_is_paired_or_only(name: str, side: str) -> None:
    """Each paragraph is in exactly one place: one pair, or the side's `only` list."""
    doc = diff_doc(name)
    article = doc["articles"][0 if side == "a" else 1]
    places = [i for pair in doc["pairs"] for i in pair[side]] + doc["only"][side]
    assert sorted(places) == [p["index"] for p in article["paragraphs"]]


def test_diff_of_an_article_with_itself_pairs_everything() -> None:
    doc = diff_doc("self")
    assert doc["only"] == {"a": [], "b": []}
    ids = [a["id"] for a in doc["articles"]]
    assert ids[0] != ids[1], "coverage needs two distinct article ids"
    for fact in doc["facts"]:
        assert all(c["status"] != "absent" for c in fact["coverage"].values()), fact["id"]


def test_diff_of_unrelated_articles_pairs_little() -> None:
    doc = diff_doc("unrelated")
    paired = sum(len(p["a"]) for p in doc["pairs"])
    assert paired <= 1, doc["pairs"]
