"""compare check's messages (issue 11): blame on the file that changed, grouping-only moves in one
line, an exact copy called a copy, declared copies accepted as notes, a missing lock a note with
the command (a failure with --require-lock), one line per changed lock cell."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner
from views_fixtures import article

from compare.check import check, lock_problems
from compare.cli import app
from compare.lock import LOCK_FILE, Change, Lock, LockDiff, LockedFact, edited_articles

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
runner = CliRunner()

# A genuine further article about the seeds' event: its own wording of facts the others carry.
NEW_ARTICLE = """NATO Secretary General Mark Rutte said on Thursday that Ukraine will join the alliance in \
the future, but declined to give a date.

Allies declared at the Washington summit in July that Ukraine is on an irreversible path to membership.

President Volodymyr Zelensky presented his victory plan to parliament on Wednesday, asking for an \
immediate invitation to join NATO.

Defence ministers meeting in Brussels also discussed air defence deliveries, a diplomat said.
"""


@pytest.fixture
def folder(seeds_copy: Path) -> Path:
    """The seed articles in a fresh folder, no lock file (conftest.seeds_copy)."""
    return seeds_copy


def run_json(*args: str) -> tuple[int, dict[str, Any]]:
    result = runner.invoke(app, ["check", *args, "--format", "json"])
    return result.exit_code, json.loads(result.stdout)


def test_new_article_is_blamed_not_the_untouched_ones(folder: Path) -> None:
    assert runner.invoke(app, ["check", str(folder), "--update"]).exit_code == 0
    (folder / "005_new.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    code, doc = run_json(str(folder))
    assert code == 1
    blamed = {Path(p["path"]).name for p in doc["problems"]}
    assert blamed == {"005_new.txt"}, doc["problems"]
    moved = [p for p in doc["problems"] if p["message"].startswith("grouping moved")]
    assert len(moved) <= 1  # however many cells moved: one line
    if moved:
        assert "because this file changed" in moved[0]["message"]


def test_edited_article_keeps_its_own_lines(folder: Path) -> None:
    assert runner.invoke(app, ["check", str(folder), "--update"]).exit_code == 0
    path = folder / "002_8662005bbee5e736.txt"
    text = path.read_text(encoding="utf-8")
    cut = re.sub(r"In particular, at the NATO leaders' summit[^.]*€40 billion[^.]*\.\s*", "", text)
    assert cut != text
    path.write_text(cut, encoding="utf-8")
    code, doc = run_json(str(folder))
    assert code == 1
    assert {Path(p["path"]).name for p in doc["problems"]} == {path.name}
    cells = [p["message"] for p in doc["problems"] if " -> now " in p["message"]]
    assert cells and all("Censor.NET: was " in m for m in cells)  # the outlet name the text gives


def test_exact_copy_is_called_a_copy(folder: Path) -> None:
    shutil.copy(folder / "001_5300f62ee2d25633.txt", folder / "009_copy.txt")
    code, doc = run_json(str(folder))
    assert code == 1
    (dup,) = [p for p in doc["problems"] if p["check"] == "duplicate"]
    assert dup["message"].startswith("exact copy of 001_5300f62ee2d25633.txt")
    assert "near" not in dup["message"]


@pytest.mark.parametrize("key", ["copy_of", "syndicated_from"])
def test_declared_copy_is_accepted_as_a_note(folder: Path, key: str) -> None:
    shutil.copy(folder / "001_5300f62ee2d25633.txt", folder / "009_wire.txt")
    (folder / "sources.yaml").write_text(
        f"009_wire.txt:\n  outlet: A Syndicator\n  {key}: 001_5300f62ee2d25633.txt\n", encoding="utf-8"
    )
    code, doc = run_json(str(folder))
    assert code == 0 and doc["ok"], doc["problems"]
    (note,) = [n for n in doc["notes"] if n["check"] == "duplicate"]
    assert (
        Path(note["path"]).name == "009_wire.txt"
        and "known copy of 001_5300f62ee2d25633.txt" in note["message"]
    )


def test_declaring_another_pair_does_not_hide_a_copy(folder: Path) -> None:
    shutil.copy(folder / "001_5300f62ee2d25633.txt", folder / "009_wire.txt")
    (folder / "sources.yaml").write_text("009_wire.txt:\n  copy_of: 000_e0f776ad8e8d545f\n", encoding="utf-8")
    code, doc = run_json(str(folder))
    assert code == 1 and [p["check"] for p in doc["problems"]] == ["duplicate"]


def test_missing_lock_is_a_note_with_the_command(folder: Path) -> None:
    result = runner.invoke(app, ["check", str(folder), "--no-color", "--width", "200"])
    assert result.exit_code == 0
    assert f"compare check {folder} --update" in result.stdout and "note" in result.stdout
    required = runner.invoke(app, ["check", str(folder), "--require-lock", "--format", "json"])
    assert required.exit_code == 1
    (problem,) = json.loads(required.stdout)["problems"]
    assert problem["check"] == "lock" and "--update" in problem["message"]
    markdown = runner.invoke(app, ["check", str(folder), "--format", "markdown"]).stdout
    assert "Notes (not failures)" in markdown


def test_require_lock_passes_with_a_lock(folder: Path) -> None:
    assert runner.invoke(app, ["check", str(folder), "--update"]).exit_code == 0
    result = check(folder, require_lock=True)
    assert result.ok and not result.notes


# --- units ----------------------------------------------------------------------------------------


def test_one_line_per_changed_cell_with_label_outlet_was_now() -> None:
    a = article("a", outlet="The Daily")
    diff = LockDiff((Change("a", "€40 billion pledge", "stated", "partial", "changed"),), (), ())
    (problem,) = lock_problems(diff, [a], "x/compare.lock.json", edited={"a"})
    assert problem.message == '"€40 billion pledge" · The Daily: was stated -> now partial'
    assert "\n" not in problem.message and "{" not in problem.message


def test_moves_in_unchanged_articles_become_one_line_on_the_changed_file() -> None:
    a, b, c = article("a"), article("b"), article("c")
    changes = tuple(
        Change(aid, f"fact {n}", "stated", "partial", "changed") for aid in ("a", "b") for n in range(3)
    )
    diff = LockDiff(changes, (), ())
    problems = lock_problems(diff, [a, b, c], "x/compare.lock.json", edited={"c"})
    assert len(problems) == 1
    assert problems[0].path == "c.txt"
    assert problems[0].message.startswith("grouping moved: 6 cells of 3 facts changed status in 2 unchanged")
    # no changed file to blame (a new version of compare?): every cell keeps its own line
    nobody = lock_problems(diff, [a, b, c], "x/compare.lock.json", edited=set())
    assert [p.path for p in nobody] == ["a.txt"] * 3 + ["b.txt"] * 3
    removed = lock_problems(LockDiff(changes, (), ("gone",)), [a, b, c], "x/compare.lock.json", edited=set())
    assert removed[0].path == "x/compare.lock.json" and "'gone' left the folder" in removed[0].message


def test_edited_articles_are_those_whose_locked_sentences_are_gone() -> None:
    old = Lock(
        ("a", "b"),
        (
            LockedFact(
                "x",
                "claim",
                None,
                (("a", "stated"), ("b", "stated")),
                (("a", "The fire broke out at night."), ("b", "Crews arrived within minutes.")),
            ),
        ),
    )
    same = {"a": ["The fire broke out at night!"], "b": ["Crews arrived within minutes.", "More."]}
    assert edited_articles(old, same) == set()
    changed = {"a": ["The fire broke out at night."], "b": ["Crews arrived an hour later."]}
    assert edited_articles(old, changed) == {"b"}
    assert LOCK_FILE == "compare.lock.json"
