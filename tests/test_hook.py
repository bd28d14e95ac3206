"""compare.hook: the pre-commit hook checks the folders of the changed files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from compare.hook import folders_of, main

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
FIXTURES = REPO / "tests" / "fixtures"


def copy_seeds(target: Path) -> Path:
    target.mkdir()
    for path in sorted(SEEDS.glob("*.txt"))[:3]:
        shutil.copy(path, target / path.name)
    return target


def test_each_folder_is_checked_once_in_name_order(tmp_path: Path) -> None:
    b, a = copy_seeds(tmp_path / "b"), copy_seeds(tmp_path / "a")
    files = [str(p) for p in sorted(b.iterdir())] + [str(p) for p in sorted(a.iterdir())]
    assert folders_of(files) == [str(a), str(b)]


def test_folders_without_articles_left_are_skipped(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert folders_of([str(tmp_path / "gone" / "x.txt"), str(tmp_path / "empty" / "y.txt")]) == []


def test_hook_exit_status_is_the_worst_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good, bad = copy_seeds(tmp_path / "good"), copy_seeds(tmp_path / "bad")
    shutil.copy(FIXTURES / "furniture_only.txt", bad / "furniture_only.txt")
    assert main([str(good / next(iter(sorted(p.name for p in good.iterdir()))))]) == 0
    assert main([str(good / "x.txt"), str(bad / "furniture_only.txt")]) == 1
    out = capsys.readouterr().out
    assert "furniture_only.txt" in out and "readable" in out


def test_hook_reports_bad_input_as_status_two(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = copy_seeds(tmp_path / "story")
    (folder / "compare.lock.json").write_text("{", encoding="utf-8")
    assert main([str(folder / "compare.lock.json")]) == 2
    assert "compare.lock.json" in capsys.readouterr().err


def test_no_files_means_nothing_to_check() -> None:
    assert main([]) == 0
