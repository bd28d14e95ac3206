"""Golden files: the whole output of `compare` on the seeds, checked against tests/golden/.

Run from the repository root so that paths in the JSON are relative ("seeds/001_...txt"); tables
at a fixed width with no colour. When the output changes on purpose, rewrite the files with

    pytest tests/test_golden.py --update-golden      (or COMPARE_UPDATE_GOLDEN=1 pytest ...)

and review `git diff tests/golden` before committing it.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from compare.cli import app

REPO = Path(__file__).resolve().parent.parent
GOLDEN = REPO / "tests" / "golden"
A = "seeds/001_5300f62ee2d25633.txt"
B = "seeds/003_e9b744251f762ee8.txt"

CASES = {
    "matrix.json": ("matrix", "seeds", "--format", "json"),
    "matrix.md": ("matrix", "seeds", "--format", "markdown"),
    "matrix.csv": ("matrix", "seeds", "--format", "csv"),
    "matrix.html": ("matrix", "seeds", "--format", "html"),
    "matrix-120.txt": ("matrix", "seeds", "--width", "120", "--no-color"),
    "diff-001-003.json": ("diff", A, B, "--format", "json"),
    "diff-001-003-120.txt": ("diff", A, B, "--width", "120", "--no-color"),
}


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    option = request.config.getoption("--update-golden", default=False)
    return bool(option) or os.environ.get("COMPARE_UPDATE_GOLDEN") == "1"


def run(args: tuple[str, ...]) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, (result.stderr, result.exception)
    return result.stdout


@pytest.mark.parametrize("name", sorted(CASES))
def test_output_matches_golden_file(
    name: str, update_golden: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    for variable in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES"):
        monkeypatch.delenv(variable, raising=False)
    actual = run(CASES[name])
    path = GOLDEN / name
    if update_golden:
        GOLDEN.mkdir(exist_ok=True)
        path.write_bytes(actual.encode("utf-8"))
        return
    assert path.exists(), f"no golden file {path}: run pytest with --update-golden"
    expected = path.read_bytes().decode("utf-8")
    if actual != expected:
        delta = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                actual.splitlines(keepends=True),
                fromfile=f"tests/golden/{name}",
                tofile="current output",
            )
        )
        pytest.fail(
            f"{name} differs from the golden file (rerun with --update-golden if the change is "
            f"intended, and review the diff):\n{delta}",
            pytrace=False,
        )


def test_golden_json_paths_are_relative() -> None:
    for name in ("matrix.json", "diff-001-003.json"):
        text = (GOLDEN / name).read_text(encoding="utf-8")
        assert str(REPO) not in text
        assert '"path": "seeds/' in text


def test_golden_tables_have_no_escape_and_fit() -> None:
    for name in ("matrix-120.txt", "diff-001-003-120.txt"):
        text = (GOLDEN / name).read_text(encoding="utf-8")
        assert "\x1b" not in text
        assert max(len(line) for line in text.splitlines()) <= 120
