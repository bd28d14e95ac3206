"""Command-line conventions: --version, -h, completion, --color, the pager, the format an --output
file's extension implies, option errors in plain words, no progress output off a terminal."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from compare import cli
from compare.cli import app
from tests.conftest import Run

REPO = Path(__file__).resolve().parent.parent
A = "seeds/001_5300f62ee2d25633.txt"
B = "seeds/003_e9b744251f762ee8.txt"
ESC = "\x1b["
runner = CliRunner()


@pytest.fixture(autouse=True)
def _at_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    for name in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES", "PAGER"):
        monkeypatch.delenv(name, raising=False)


def test_version(cli: Callable[..., Run]) -> None:
    from compare import __version__

    code, out, _ = cli("--version")
    assert code == 0 and out == f"compare {__version__}\n"


@pytest.mark.parametrize("args", [["-h"], ["matrix", "-h"], ["diff", "-h"], ["check", "-h"]])
def test_short_help(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 0 and "Usage:" in result.stdout


def test_completion_options_offered() -> None:
    out = runner.invoke(app, ["--help"]).stdout
    assert "--install-completion" in out and "--show-completion" in out


def test_color_always_styles_a_pipe_and_no_color_wins() -> None:
    always = runner.invoke(app, ["matrix", "seeds", "--color", "always", "--width", "100"])
    assert ESC in always.stdout
    never = runner.invoke(app, ["matrix", "seeds", "--color", "never", "--width", "100"])
    assert ESC not in never.stdout
    piped = runner.invoke(app, ["matrix", "seeds", "--width", "100"])  # auto, not a terminal
    assert ESC not in piped.stdout
    env_wins = runner.invoke(app, ["matrix", "seeds", "--color", "always"], env={"NO_COLOR": "1"})
    assert ESC not in env_wins.stdout
    diff = runner.invoke(app, ["diff", A, B, "--color", "always"])
    assert ESC in diff.stdout


@pytest.mark.parametrize(
    ("name", "check"),
    [
        ("out.json", lambda text: json.loads(text)["schema"] == "compare.matrix/1"),
        ("out.html", lambda text: text.startswith("<!DOCTYPE html>")),
        ("out.md", lambda text: text.startswith("# Fact matrix")),
        ("out.csv", lambda text: text.startswith("fact,kind,label")),
        ("out.txt", lambda text: "┃fact" in text),
        ("out.unknown", lambda text: "┃fact" in text),
    ],
)
def test_format_from_output_extension(tmp_path: Path, name: str, check: object) -> None:
    target = tmp_path / name
    result = runner.invoke(app, ["matrix", "seeds", "-o", str(target)])
    assert result.exit_code == 0, result.stderr
    assert check(target.read_text(encoding="utf-8"))  # type: ignore[operator]


def test_explicit_format_beats_the_extension(tmp_path: Path) -> None:
    target = tmp_path / "out.html"
    assert runner.invoke(app, ["matrix", "seeds", "-f", "json", "-o", str(target)]).exit_code == 0
    json.loads(target.read_text(encoding="utf-8"))


def test_diff_html_from_extension(tmp_path: Path) -> None:
    target = tmp_path / "d.htm"
    assert runner.invoke(app, ["diff", A, B, "-o", str(target)]).exit_code == 0
    assert "<del>" in target.read_text(encoding="utf-8")


def test_extension_the_command_cannot_write(tmp_path: Path, cli: Callable[..., Run]) -> None:
    code, _, err = cli("check", "seeds", "-o", str(tmp_path / "report.csv"))
    assert code == 2 and "cannot write csv" in err and err.count("\n") == 1
    assert not (tmp_path / "report.csv").exists()


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["diff", A, B, "-f", "csv"], "--format: 'csv' is not a choice here; choose one of"),
        (["matrix", "seeds", "--width", "5"], "--width: must be 40 or more"),
        (["matrix", "seeds", "--width", "wide"], "--width: must be a whole number"),
        (["matrix", "seeds", "--only", "best"], "--only: 'best' is not a choice here"),
        (["matrix", "seeds", "--bogus"], "there is no option --bogus"),
        (["matrix", "seeds", "-f"], "-f needs a value"),
        (["nonsense"], "there is no command 'nonsense'"),
    ],
)
def test_option_errors_in_plain_words(cli: Callable[..., Run], args: list[str], said: str) -> None:
    code, _, err = cli(*args)
    assert code == 2 and said in err, err
    for internal in ("Value error", "Input should", "Invalid value for", "pydantic", "click"):
        assert internal not in err


def test_no_progress_bar_off_a_terminal() -> None:
    assert not cli.ProgressBar()._enabled  # pytest's stderr is not a terminal


def test_third_party_bars_silenced_off_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in cli._QUIET_LIBRARIES:
        monkeypatch.delenv(name, raising=False)
    import compare.embed

    monkeypatch.setattr(compare.embed, "load_embedder", lambda name: name)
    assert cli._embedder("some-model") == "some-model"
    import os

    assert os.environ["TQDM_DISABLE"] == "1" and os.environ["HF_HUB_DISABLE_PROGRESS_BARS"] == "1"


def test_pager_used_only_on_a_terminal_for_long_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paged = tmp_path / "paged.txt"
    script = tmp_path / "pager.py"
    script.write_text(f"import sys\nopen({str(paged)!r}, 'w').write(sys.stdin.read())\n", encoding="utf-8")
    monkeypatch.setenv("PAGER", f"{sys.executable} {script}")
    long_text = "line\n" * 500
    assert not cli._page(long_text)  # not a terminal: never paged
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    assert not cli._page("short\n")
    assert cli._page(long_text)
    assert paged.read_text(encoding="utf-8") == long_text
    monkeypatch.setenv("PAGER", "cat")
    assert not cli._page(long_text)


def test_no_pager_option_is_accepted() -> None:
    assert runner.invoke(app, ["matrix", "seeds", "--no-pager", "--width", "80"]).exit_code == 0


def test_plain_words_table() -> None:
    assert cli.plain_words("Invalid value for '--width': Input should be less than or equal to 1000") == (
        "--width: must be 1000 or less"
    )
    assert cli.plain_words("Missing argument 'PATHS...'.") == "missing PATHS... (see -h)"


def test_shell_completion_completes_commands_and_choices() -> None:
    env = {"_COMPARE_COMPLETE": "complete_bash", "COMP_WORDS": "compare ma", "COMP_CWORD": "1"}
    assert runner.invoke(app, [], env=env, prog_name="compare").stdout.split() == ["matrix"]
    env = {"_COMPARE_COMPLETE": "complete_bash", "COMP_WORDS": "compare matrix --only ", "COMP_CWORD": "3"}
    choices = runner.invoke(app, [], env=env, prog_name="compare").stdout.split()
    assert choices == ["shared", "exclusive", "omitted", "conflict"]
