"""`compare check` through the command line: exit codes, what each check names, the lock file and
the three output formats.

Folders are copies of seeds/ in a temporary directory, so tests can add, break and delete files.
Exit status 2 (bad input) is raised by `compare.cli.main`, which turns CompareError into one
stderr line; those tests call `main` and read stderr with capsys.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from compare.cli import app, main
from compare.lock import LOCK_FILE, LOCK_SCHEMA

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
FIXTURES = REPO / "tests" / "fixtures"
COPIED_SEED = "001_5300f62ee2d25633.txt"
FACT_SEED = "002_8662005bbee5e736.txt"

runner = CliRunner()


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["check", *args, "--no-color"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def run_json(folder: Path) -> tuple[int, dict[str, Any]]:
    code, out = run(str(folder), "--format", "json")
    return code, json.loads(out)


def problems_for(doc: dict[str, Any], name: str, check: str | None = None) -> list[dict[str, Any]]:
    return [
        p for p in doc["problems"] if Path(p["path"]).name == name and (check is None or p["check"] == check)
    ]


@pytest.fixture
def folder(seeds_copy: Path) -> Path:
    """The seed articles in a fresh folder, no lock file (conftest.seeds_copy)."""
    return seeds_copy


@pytest.fixture
def locked(folder: Path) -> Path:
    """A copy of the seeds with a lock written from the current matrix (so that the tests do not
    depend on the committed lock being up to date)."""
    code, out = run(str(folder), "--update")
    assert code == 0, out
    return folder


def test_committed_seeds_pass() -> None:
    code, out = run(str(SEEDS))
    assert (SEEDS / LOCK_FILE).is_file()
    assert code == 0, (
        "compare check seeds failed. If the fact matrix was changed on purpose, regenerate the "
        "lock: compare check seeds --update (and review its diff)\n" + out
    )
    assert "all checks passed" in out


def test_lightly_edited_copy_is_a_note_naming_the_copy_and_the_original(folder: Path) -> None:
    text = (SEEDS / COPIED_SEED).read_text(encoding="utf-8")
    # Story sentences edited (the caption's words would change only dropped furniture).
    edited = text.replace("reiterated", "restated", 1).replace("mounting pressure", "growing pressure", 1)
    assert edited != text
    (folder / "005_copy.txt").write_text(edited, encoding="utf-8")
    code, doc = run_json(folder)
    (problem,) = problems_for(doc, "005_copy.txt", "duplicate")
    assert problem["severity"] == "info" and "wire copy of" in problem["message"]
    assert COPIED_SEED in problem["message"]
    assert not [p for p in doc["problems"] if p["check"] == "duplicate" and p is not problem]
    assert code == (0 if doc["ok"] else 1)


def test_exact_copy_fails_naming_the_original(folder: Path) -> None:
    (folder / "005_copy.txt").write_bytes((SEEDS / COPIED_SEED).read_bytes())
    code, doc = run_json(folder)
    assert code == 1
    (problem,) = problems_for(doc, "005_copy.txt", "duplicate")
    assert problem["severity"] == "error" and "exact copy of" in problem["message"]
    assert COPIED_SEED in problem["message"]


def test_unrelated_article_fails_naming_it(folder: Path) -> None:
    shutil.copy(FIXTURES / "unrelated_event.txt", folder / "unrelated_event.txt")
    code, doc = run_json(folder)
    assert code == 1
    assert problems_for(doc, "unrelated_event.txt", "off-topic")
    assert [p["path"] for p in doc["problems"]] == [str(folder / "unrelated_event.txt")]


def test_furniture_only_file_fails_naming_it(folder: Path) -> None:
    shutil.copy(FIXTURES / "furniture_only.txt", folder / "furniture_only.txt")
    code, doc = run_json(folder)
    assert code == 1
    (problem,) = problems_for(doc, "furniture_only.txt", "readable")
    assert "no story" in problem["message"]


def test_every_bad_file_is_listed_not_just_the_first(folder: Path) -> None:
    (folder / "a_empty.txt").write_bytes(b"")
    (folder / "b_image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    shutil.copy(FIXTURES / "furniture_only.txt", folder / "c_furniture.txt")
    code, doc = run_json(folder)
    assert code == 1
    names = [Path(p["path"]).name for p in doc["problems"] if p["check"] == "readable"]
    assert names == ["a_empty.txt", "b_image.txt", "c_furniture.txt"]


def test_update_writes_a_lock_and_a_second_run_passes(folder: Path) -> None:
    code, out = run(str(folder), "--update")
    assert code == 0, out
    lock = folder / LOCK_FILE
    first = lock.read_bytes()
    doc = json.loads(first)
    assert list(doc) == ["schema", "articles", "facts"]
    assert doc["schema"] == LOCK_SCHEMA
    assert doc["articles"] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert doc["facts"]
    code, out = run(str(folder))
    assert code == 0, out
    assert "matches" in out
    run(str(folder), "--update")
    assert lock.read_bytes() == first  # deterministic: the same articles give the same bytes


def test_lock_has_one_fact_per_line(locked: Path) -> None:
    lines = (locked / LOCK_FILE).read_text(encoding="utf-8").splitlines()
    start = lines.index('  "facts": [')
    fact_lines = lines[start + 1 : -2]
    assert fact_lines
    for line in fact_lines:
        fact = json.loads(line.strip().rstrip(","))
        assert list(fact) == sorted(fact)


def test_deleting_the_sentence_of_a_fact_names_the_fact_and_the_file(locked: Path) -> None:
    path = locked / FACT_SEED
    text = path.read_text(encoding="utf-8")
    edited = re.sub(r"In particular, at the NATO leaders' summit[^.]*€40 billion[^.]*\.\s*", "", text)
    assert edited != text
    path.write_text(edited, encoding="utf-8")
    code, doc = run_json(locked)
    assert code == 1
    lost = [p for p in problems_for(doc, FACT_SEED, "lock") if "40 billion" in p["message"]]
    assert lost, doc["problems"]
    assert "Censor.NET: was stated -> now absent" in lost[0]["message"]  # its outlet, named by the text


def test_new_article_is_reported_with_the_facts_only_it_has(locked: Path) -> None:
    shutil.copy(FIXTURES / "unrelated_event.txt", locked / "unrelated_event.txt")
    code, doc = run_json(locked)
    assert code == 1
    lock = problems_for(doc, "unrelated_event.txt", "lock")
    (problem,) = [p for p in lock if "not in the lock" in p["message"]]
    assert "£38 million" in problem["message"]


def test_removed_article_is_reported_on_the_lock_file(locked: Path) -> None:
    (locked / FACT_SEED).unlink()
    code, doc = run_json(locked)
    assert code == 1
    removed = [p for p in doc["problems"] if p["path"] == str(locked / LOCK_FILE)]
    assert removed and all(Path(FACT_SEED).stem in p["message"] for p in removed)


def test_broken_lock_file_is_bad_input(locked: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lock = locked / LOCK_FILE
    lock.write_text('{"schema": "compare.lock/1", "articles": [', encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        main(["check", str(locked)])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert str(lock) in err and "not valid JSON" in err and "--update" in err


def test_lock_file_with_another_schema_is_bad_input(locked: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (locked / LOCK_FILE).write_text('{"schema": "something/9"}', encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        main(["check", str(locked)])
    assert exit_info.value.code == 2
    assert "expected 'compare.lock/1'" in capsys.readouterr().err


def test_update_replaces_a_broken_lock(locked: Path) -> None:
    (locked / LOCK_FILE).write_text("<<<<<<< HEAD\n", encoding="utf-8")
    code, out = run(str(locked), "--update")
    assert code == 0, out
    assert json.loads((locked / LOCK_FILE).read_text(encoding="utf-8"))["schema"] == LOCK_SCHEMA


@pytest.mark.parametrize("make", ["missing", "file", "empty"])
def test_folder_that_cannot_be_checked_is_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make: str
) -> None:
    target = tmp_path / "story"
    if make == "file":
        target.write_text("not a folder", encoding="utf-8")
    elif make == "empty":
        target.mkdir()
        (target / "notes.json").write_text("{}", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        main(["check", str(target)])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("compare: error: ") and str(target) in err


def test_broken_sources_file_is_bad_input(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "sources.yaml").write_text("a: [unclosed\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        main(["check", str(folder)])
    assert exit_info.value.code == 2
    assert "sources.yaml" in capsys.readouterr().err


def test_single_article_folder_runs_the_checks(tmp_path: Path) -> None:
    shutil.copy(SEEDS / FACT_SEED, tmp_path / FACT_SEED)
    code, out = run(str(tmp_path))
    assert code == 0, out
    code, out = run(str(tmp_path), "--update")
    assert code == 0 and (tmp_path / LOCK_FILE).is_file()


def test_exit_status_is_zero_one_two_through_main(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(folder)]) == 0
    shutil.copy(FIXTURES / "furniture_only.txt", folder / "furniture_only.txt")
    assert main(["check", str(folder)]) == 1
    with pytest.raises(SystemExit) as exit_info:
        main(["check", str(folder), "--format", "csv"])
    assert exit_info.value.code == 2
    assert "'csv' is not a choice here" in capsys.readouterr().err


def test_json_output_follows_the_contract(folder: Path) -> None:
    shutil.copy(FIXTURES / "unrelated_event.txt", folder / "unrelated_event.txt")
    code, out = run(str(folder), "--format", "json")
    doc = json.loads(out)
    assert list(doc) == ["schema", "ok", "problems", "notes"]  # notes: added by issue 11
    assert doc["schema"] == "compare.check/1"
    assert doc["ok"] is False and code == 1
    for problem in doc["problems"]:
        # the contract's three keys, then "severity" (added: "info" notes do not fail the check)
        assert list(problem) == ["path", "check", "message", "severity"]
        assert all(isinstance(v, str) for v in problem.values())
        assert problem["severity"] in ("error", "info")
    assert run(str(folder), "--format", "json")[1] == out  # byte-identical


def test_json_output_when_all_is_well(folder: Path) -> None:
    code, doc = run_json(folder)
    assert code == 0
    assert doc["schema"] == "compare.check/1" and doc["ok"] is True and doc["problems"] == []
    assert [n["check"] for n in doc["notes"]] == ["lock"]  # no lock file: a note, not a failure


def test_markdown_report_has_a_table_row_naming_the_file(folder: Path) -> None:
    shutil.copy(FIXTURES / "unrelated_event.txt", folder / "unrelated_event.txt")
    code, out = run(str(folder), "--format", "markdown")
    assert code == 1
    assert out.startswith("## compare check: ")
    assert "| file | check | problem |" in out
    rows = [line for line in out.splitlines() if line.startswith("| unrelated")]
    assert len(rows) == 1
    assert rows[0].startswith("| unrelated\\_event.txt | off-topic | ")


def test_markdown_report_says_how_to_update_a_stale_lock(locked: Path) -> None:
    shutil.copy(FIXTURES / "unrelated_event.txt", locked / "unrelated_event.txt")
    _, out = run(str(locked), "--format", "markdown")
    assert f"`compare check {locked} --update`" in out


def test_output_file_gets_the_report(folder: Path, tmp_path: Path) -> None:
    report = tmp_path / "report.md"
    code, out = run(str(folder), "--format", "markdown", "--output", str(report))
    assert code == 0 and out == ""
    assert report.read_text(encoding="utf-8").startswith("## compare check")


def test_table_output_is_plain_text_with_no_color(folder: Path) -> None:
    shutil.copy(FIXTURES / "furniture_only.txt", folder / "furniture_only.txt")
    code, out = run(str(folder))
    assert code == 1
    assert "\x1b" not in out
    assert "furniture_only.txt" in out and "readable" in out
