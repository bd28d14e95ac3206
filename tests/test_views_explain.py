"""compare explain DIR FACT: each outlet's evidence, its paragraph, its status and why it was linked.

compare.link (the link scorer) is another piece of work; here a stand-in module with the agreed
`explain_pair(a, b, *, model=None)` is put in sys.modules, and the command is also checked without
any scorer at all."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from typer.testing import CliRunner

from compare.cli import app, main

REPO = Path(__file__).resolve().parent.parent
runner = CliRunner()


@dataclass(frozen=True)
class FakeLink:
    score: float
    same: bool
    features: dict[str, float] = field(default_factory=dict)
    contributions: dict[str, float] = field(default_factory=dict)
    threshold: float = 0.5


CALLS: list[tuple[str, str, object]] = []


def fake_explain_pair(a: str, b: str, *, model: object = None) -> FakeLink:
    CALLS.append((a, b, model))
    return FakeLink(
        0.73, True, {"shared_terms": 0.5, "number_match": 1.0}, {"shared_terms": 0.31, "number_match": 0.2}
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    texts = {
        "a.txt": "Firefighters battled a huge blaze at the city harbour on Monday night.\n\n"
        "The mayor said repairs would cost 12 million dollars.\n",
        "b.txt": "A huge blaze at the city harbour kept firefighters busy on Monday night.\n\n"
        "Officials have not yet estimated the damage.\n",
        "c.txt": "The city harbour burned on Monday night as firefighters battled a huge blaze.\n",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


@pytest.fixture
def with_scorer(monkeypatch: pytest.MonkeyPatch) -> None:
    """The real link module with a stand-in explain_pair, so the reasons shown are known."""
    import compare.link

    monkeypatch.setattr(compare.link, "explain_pair", fake_explain_pair)
    CALLS.clear()


@pytest.fixture
def without_scorer(monkeypatch: pytest.MonkeyPatch) -> None:
    """A build whose explainer gives no link scores."""
    import compare.explain

    monkeypatch.setattr(compare.explain, "default_link_explainer", lambda model=None: None)


def first_fact(folder: Path) -> dict[str, object]:
    doc = json.loads(runner.invoke(app, ["matrix", str(folder), "-f", "json"]).stdout)
    shared = [f for f in doc["facts"] if sum(c["status"] != "absent" for c in f["coverage"].values()) >= 2]
    assert shared, "the fixture should give a fact several articles carry"
    return shared[0]  # type: ignore[no-any-return]


@pytest.mark.usefixtures("with_scorer")
def test_json_has_every_outlet_and_the_scorer_reasons(folder: Path) -> None:
    fact = first_fact(folder)
    result = runner.invoke(app, ["explain", str(folder), str(fact["id"]), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["schema"] == "compare.explain/1" and doc["fact"]["id"] == fact["id"]
    outlets = doc["outlets"]
    assert [o["article"] for o in outlets] == ["a", "b", "c"]
    anchors = [o for o in outlets if o["anchor"]]
    assert len(anchors) == 1 and anchors[0]["link"] is None
    others = [o for o in outlets if not o["anchor"] and o["evidence"]]
    assert others and all(o["link"]["score"] == 0.73 and o["link"]["same"] for o in others)
    assert all(o["link"] is None for o in outlets if o["status"] == "absent")
    assert others[0]["link"]["contributions"]["shared_terms"] == 0.31
    assert all(o["evidence"] in o["paragraph_text"] for o in outlets if o["evidence"])
    # the scorer was asked about the anchor sentence next to each other sentence
    assert [call[0] for call in CALLS] == [anchors[0]["evidence"]] * len(others)


@pytest.mark.usefixtures("with_scorer")
def test_table_and_markdown_say_why(folder: Path) -> None:
    fact_id = str(first_fact(folder)["id"])
    table = runner.invoke(app, ["explain", str(folder), fact_id, "--width", "120"]).stdout
    assert "link score 0.73 (same fact" in table and "shared_terms +0.31" in table
    assert "anchor:" in table
    markdown = runner.invoke(app, ["explain", str(folder), fact_id, "-f", "markdown"]).stdout
    assert markdown.startswith(f"# {fact_id} ") and "link score 0.73" in markdown


@pytest.mark.usefixtures("without_scorer")
def test_without_a_scorer_everything_else_is_there(folder: Path) -> None:
    fact_id = str(first_fact(folder)["id"])
    result = runner.invoke(app, ["explain", str(folder), fact_id, "-f", "json"])
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert all(o["link"] is None for o in doc["outlets"])
    table = runner.invoke(app, ["explain", str(folder), fact_id, "--width", "100"]).stdout
    assert "link scores unavailable" in table


@pytest.mark.usefixtures("with_scorer")
def test_fact_by_label_words_and_errors(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = runner.invoke(app, ["explain", str(folder), "12 million", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    assert "12 million" in json.loads(result.stdout)["fact"]["label"]
    with pytest.raises(SystemExit) as exit_info:
        main(["explain", str(folder), "f999"])
    assert exit_info.value.code == 2
    assert "no fact with this id or label" in capsys.readouterr().err
