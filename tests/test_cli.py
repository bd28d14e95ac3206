"""The `compare` command line.

Successful runs go through typer's `CliRunner` on `compare.cli.app`. Failures go through
`compare.cli.main`, the real entry point: it turns a `CompareError` or a usage error into one
`compare: error: ...` line on stderr and exit status 2 (raised as `SystemExit(2)`), where the bare
app under `CliRunner` would let the `CompareError` escape.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from compare import render
from compare.cli import app
from compare.errors import CompareError
from tests.conftest import Run

REPO = Path(__file__).resolve().parent.parent
A = "seeds/001_5300f62ee2d25633.txt"
B = "seeds/003_e9b744251f762ee8.txt"
ESC = "\x1b"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"

runner = CliRunner()


@pytest.fixture(autouse=True)
def _at_repo_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from the repository root with no colour settings inherited from the caller."""
    monkeypatch.chdir(REPO)
    for name in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES"):
        monkeypatch.delenv(name, raising=False)


def invoke(*args: str, env: dict[str, str | None] | None = None, input: str | None = None) -> str:
    """Run the app through CliRunner, expect success, return standard output."""
    result = runner.invoke(app, list(args), env=env, input=input)
    assert result.exit_code == 0, (result.exit_code, result.stderr, result.exception)
    return result.stdout


def assert_one_error_line(err: str, *names: str) -> None:
    assert err.startswith("compare: error: "), err
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert "Traceback" not in err
    for name in names:
        assert name in err, (name, err)


def matrix_doc() -> dict:
    return json.loads(invoke("matrix", "seeds", "--format", "json"))


# --- matrix --------------------------------------------------------------------------------


def test_matrix_table_has_legend_and_a_row_per_fact() -> None:
    doc = matrix_doc()
    out = invoke("matrix", "seeds", "--no-color", "--width", "120")
    for _status, meaning in render.LEGEND:
        assert meaning in out
    rows = [line for line in out.splitlines() if line.startswith("│f")]
    ids = [line[1:].split("│", 1)[0].strip() for line in rows]
    assert ids == [fact["id"] for fact in doc["facts"]]
    from compare.pipeline import load_articles

    for header in render.column_keys(load_articles([str(REPO / "seeds")])):
        assert header in out  # every column is headed by its outlet's short name
    assert f"{len(doc['facts'])} facts across {len(doc['articles'])} articles" in out


def test_matrix_table_shows_every_cell_symbol_in_reading_order() -> None:
    doc = matrix_doc()
    out = invoke("matrix", "seeds", "--no-color", "--width", "160")
    rows = {line[1:].split("│", 1)[0].strip(): line for line in out.splitlines() if line.startswith("│f")}
    for fact in doc["facts"]:
        cells = [part.strip() for part in rows[fact["id"]].split("│")[3:-1]]
        expected = [render.SYMBOLS[c["status"]] for c in fact["coverage"].values()]
        assert cells == expected, fact["id"]


def test_matrix_json_follows_the_schema_name() -> None:
    doc = matrix_doc()
    assert next(iter(doc)) == "schema"
    assert doc["schema"] == "compare.matrix/1"
    assert [a["id"] for a in doc["articles"]] == sorted(p.stem for p in (REPO / "seeds").glob("*.txt"))


def test_matrix_markdown_has_a_row_per_fact_and_the_key() -> None:
    doc = matrix_doc()
    out = invoke("matrix", "seeds", "--format", "markdown")
    assert out.startswith("# Fact matrix\n")
    for fact in doc["facts"]:
        assert sum(line.startswith(f"| {fact['id']} |") for line in out.splitlines()) == 1
    assert "Legend:" in out
    for article in doc["articles"]:
        assert render.md(article["id"]) in out  # ids are escaped: "_" would be emphasis


def test_matrix_csv_has_a_header_the_sources_and_one_record_per_fact() -> None:
    doc = matrix_doc()
    out = invoke("matrix", "seeds", "--format", "csv")
    records = list(csv.reader(io.StringIO(out)))
    ids = [a["id"] for a in doc["articles"]]
    # columns are headed by short outlet names (the stem where the outlet is unknown) ...
    assert records[0][:4] == ["fact", "kind", "label", "speaker"] and len(records[0]) == 4 + len(ids)
    assert "IBTimes" in records[0]
    # ... then the sources section as rows of kind "source", the article ids first
    sources = [r for r in records[1:] if r[1] == "source"]
    assert [r[2] for r in sources] == ["article", "outlet", "via", "byline", "credits", "published", "reuses"]
    assert sources[0][4:] == ids
    records = [records[0]] + [r for r in records[1:] if r[1] != "source"]
    assert [r[0] for r in records[1:]] == [f["id"] for f in doc["facts"]]
    for record, fact in zip(records[1:], doc["facts"], strict=True):
        assert record[1] == fact["kind"]
        assert record[4:] == [fact["coverage"][aid]["status"] for aid in ids]


def test_matrix_html_is_one_page_with_a_row_per_fact() -> None:
    doc = matrix_doc()
    out = invoke("matrix", "seeds", "--format", "html")
    assert out.startswith("<!DOCTYPE html>")
    assert out.rstrip().endswith("</html>")
    assert out.count("<script") == 1 and "<script src" not in out  # the one inline filter script
    for fact in doc["facts"]:
        assert out.count(f"<td class=id>{fact['id']}</td>") == 1


def test_matrix_takes_several_files() -> None:
    doc = json.loads(invoke("matrix", A, B, "--format", "json"))
    assert [a["path"] for a in doc["articles"]] == [A, B]


# --- diff ----------------------------------------------------------------------------------


def test_diff_table_shows_pairs_only_and_facts() -> None:
    doc = json.loads(invoke("diff", A, B, "--format", "json"))
    out = invoke("diff", A, B, "--format", "table", "--no-color", "--width", "120")
    assert f"{len(doc['pairs'])} aligned paragraph pairs" in out
    # sides are named by short outlet names (the stem's head where the text names no outlet)
    assert f"only in A (IBTimes): {len(doc['only']['a'])} paragraphs" in out
    assert f"only in B (003): {len(doc['only']['b'])} paragraphs" in out
    assert "facts only in A:" in out and "facts only in B:" in out


def test_diff_table_is_the_default_format() -> None:
    assert invoke("diff", A, B, "--no-color", "--width", "120") == invoke(
        "diff", A, B, "--format", "table", "--no-color", "--width", "120"
    )


def test_diff_json_has_both_articles_in_order() -> None:
    doc = json.loads(invoke("diff", A, B, "--format", "json"))
    assert next(iter(doc)) == "schema"
    assert doc["schema"] == "compare.diff/1"
    assert [a["path"] for a in doc["articles"]] == [A, B]
    assert set(doc["only"]) == {"a", "b"}


def test_diff_markdown_has_its_sections() -> None:
    out = invoke("diff", A, B, "--format", "markdown")
    for heading in (
        "## Aligned paragraphs",
        "## Only in A",
        "## Only in B",
        "## Facts only in A",
        "## Facts only in B",
        "## Conflicting figures",
    ):
        assert heading in out


def test_diff_reads_standard_input_for_dash() -> None:
    text = (REPO / A).read_text(encoding="utf-8")
    doc = json.loads(invoke("diff", "-", B, "--format", "json", input=text))
    assert doc["articles"][0]["path"] == "-"
    reference = json.loads(invoke("diff", A, B, "--format", "json"))
    assert doc["pairs"] == reference["pairs"]
    assert doc["only"] == reference["only"]


# --- --output ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("matrix", "seeds", "--format", "json"),
        ("matrix", "seeds", "--format", "csv"),
        ("matrix", "seeds", "--format", "html"),
        ("diff", A, B, "--format", "json"),
        ("diff", A, B, "--format", "markdown"),
    ],
)
def test_output_writes_the_file_and_prints_nothing(tmp_path: Path, args: tuple[str, ...]) -> None:
    target = tmp_path / "out.txt"
    result = runner.invoke(app, [*args, "--output", str(target)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert target.read_text(encoding="utf-8") == invoke(*args)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]  # no temporary file left


def test_output_table_is_written_without_colour(tmp_path: Path) -> None:
    target = tmp_path / "table.txt"
    env = {"FORCE_COLOR": "1", "TERM": "xterm-256color"}
    out = invoke("matrix", "seeds", "--width", "100", "-o", str(target), env=env)
    assert out == ""
    text = target.read_text(encoding="utf-8")
    assert ESC not in text
    assert text == invoke("matrix", "seeds", "--width", "100", "--no-color")


def test_output_replaces_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old\n", encoding="utf-8")
    invoke("diff", A, B, "--format", "json", "--output", str(target))
    assert json.loads(target.read_text(encoding="utf-8"))["schema"] == "compare.diff/1"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


# --- determinism ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args", [("matrix", "seeds", "--format", "json"), ("diff", A, B, "--format", "json")]
)
def test_json_is_byte_identical_on_two_runs(args: tuple[str, ...]) -> None:
    first = runner.invoke(app, list(args))
    second = runner.invoke(app, list(args))
    assert first.exit_code == second.exit_code == 0
    assert first.stdout_bytes == second.stdout_bytes


def test_json_does_not_depend_on_the_hash_seed() -> None:
    """Set order changes with PYTHONHASHSEED between processes; the output must not."""
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-m", "compare", "matrix", "seeds", "--format", "json"],
            cwd=REPO,
            env=env,
            capture_output=True,
            check=True,
        )
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]


# --- colour --------------------------------------------------------------------------------

TABLES = [("matrix", "seeds", "--width", "100"), ("diff", A, B, "--width", "100")]
COLOUR_TERMINAL = {"FORCE_COLOR": "1", "TERM": "xterm-256color"}


@pytest.mark.parametrize("args", TABLES)
def test_colour_terminal_gets_styles(args: tuple[str, ...]) -> None:
    """The check below means something: a terminal that takes colour does get escapes."""
    assert ESC in invoke(*args, env=COLOUR_TERMINAL)


@pytest.mark.parametrize("args", TABLES)
def test_no_color_option_gives_no_escape(args: tuple[str, ...]) -> None:
    assert ESC not in invoke(*args, "--no-color", env=COLOUR_TERMINAL)


@pytest.mark.parametrize("args", TABLES)
def test_no_color_variable_gives_no_escape(args: tuple[str, ...]) -> None:
    assert ESC not in invoke(*args, env={**COLOUR_TERMINAL, "NO_COLOR": "1"})


@pytest.mark.parametrize("args", TABLES)
def test_no_color_gives_the_same_text_as_a_pipe(args: tuple[str, ...]) -> None:
    assert invoke(*args, "--no-color", env=COLOUR_TERMINAL) == invoke(*args)


def test_empty_no_color_variable_keeps_colour() -> None:
    assert ESC in invoke("matrix", "seeds", "--width", "100", env={**COLOUR_TERMINAL, "NO_COLOR": ""})


# --- width ---------------------------------------------------------------------------------


@pytest.mark.parametrize("width", [80, 120, 200])
@pytest.mark.parametrize("command", ["matrix", "diff"])
def test_table_fits_the_width(command: str, width: int) -> None:
    args = ("matrix", "seeds") if command == "matrix" else ("diff", A, B)
    out = invoke(*args, "--no-color", "--width", str(width))
    lines = out.splitlines()
    assert lines
    too_long = [(len(line), line) for line in lines if len(line) > width]
    assert not too_long, too_long[:3]


def test_wider_table_shows_longer_labels() -> None:
    narrow = invoke("matrix", "seeds", "--no-color", "--width", "80")
    wide = invoke("matrix", "seeds", "--no-color", "--width", "200")
    assert max(map(len, wide.splitlines())) > 80
    assert narrow.count("…") > wide.count("…")


# --- help ----------------------------------------------------------------------------------


def test_python_m_compare_help_lists_the_commands() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "compare", "--help"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "diff" in done.stdout and "matrix" in done.stdout
    assert done.stderr == ""


def test_main_help_returns_zero(cli: Callable[..., Run]) -> None:
    code, out, err = cli("--help")
    assert code == 0
    assert "matrix" in out and "diff" in out
    assert err == ""


def test_main_without_arguments_prints_help(cli: Callable[..., Run]) -> None:
    code, out, err = cli()
    assert code == 0
    assert "Commands" in out and "matrix" in out
    assert err == ""


def test_main_success_returns_zero(cli: Callable[..., Run]) -> None:
    code, out, err = cli("diff", A, B, "--format", "json")
    assert code == 0
    assert json.loads(out)["schema"] == "compare.diff/1"
    assert err == ""


# --- errors: the app raises, main reports ----------------------------------------------------


def test_runner_sees_the_library_error_that_main_reports(tmp_path: Path) -> None:
    result = runner.invoke(app, ["matrix", str(tmp_path / "missing.txt")])
    assert result.exit_code != 0
    assert isinstance(result.exception, CompareError)
    assert "missing.txt" in str(result.exception)


def test_runner_usage_error_exits_2() -> None:
    result = runner.invoke(app, ["matrix", "seeds", "--bogus"])
    assert result.exit_code == 2
    assert "--bogus" in result.stderr


def bad_file(tmp_path: Path, kind: str) -> Path:
    contents: dict[str, bytes] = {
        "empty": b"",
        "whitespace": b"   \n\t\n  \r\n \n",
        "binary": PNG,
    }
    path = tmp_path / f"{kind}.txt"
    if kind != "missing":
        path.write_bytes(contents[kind])
    return path


BAD_KINDS = ["missing", "empty", "whitespace", "binary"]


@pytest.mark.parametrize("kind", BAD_KINDS)
def test_bad_file_to_matrix(tmp_path: Path, cli: Callable[..., Run], kind: str) -> None:
    path = bad_file(tmp_path, kind)
    code, out, err = cli("matrix", str(path))
    assert code == 2
    assert out == ""
    assert_one_error_line(err, path.name)


@pytest.mark.parametrize("side", ["a", "b"])
@pytest.mark.parametrize("kind", BAD_KINDS)
def test_bad_file_to_diff(tmp_path: Path, cli: Callable[..., Run], kind: str, side: str) -> None:
    path = bad_file(tmp_path, kind)
    args = (str(path), A) if side == "a" else (A, str(path))
    code, out, err = cli("diff", *args)
    assert code == 2
    assert out == ""
    assert_one_error_line(err, path.name)


def test_binary_file_error_says_binary(tmp_path: Path, cli: Callable[..., Run]) -> None:
    path = tmp_path / "photo.png"
    path.write_bytes(PNG)
    code, _, err = cli("matrix", str(path))
    assert code == 2
    assert_one_error_line(err, "photo.png", "binary")


def test_empty_folder_to_matrix(tmp_path: Path, cli: Callable[..., Run]) -> None:
    folder = tmp_path / "nothing-here"
    folder.mkdir()
    code, out, err = cli("matrix", str(folder))
    assert code == 2
    assert out == ""
    assert_one_error_line(err, "nothing-here")


DIRECTORY_BUG = (
    "cli.diff unpacks `(article_a,) = load_articles([a])`; a folder yields 0 or several articles, "
    "so `compare diff seeds A` raises ValueError('too many values to unpack') and an empty folder "
    "ValueError('not enough values to unpack'): a traceback and exit 1 instead of one line, exit 2"
)


def test_folder_of_articles_given_to_diff(cli: Callable[..., Run]) -> None:
    code, out, err = cli("diff", "seeds", A)
    assert code == 2
    assert out == ""
    assert_one_error_line(err, "seeds")


def test_empty_folder_given_to_diff(tmp_path: Path, cli: Callable[..., Run]) -> None:
    folder = tmp_path / "empty-folder"
    folder.mkdir()
    code, out, err = cli("diff", A, str(folder))
    assert code == 2
    assert out == ""
    assert_one_error_line(err, "empty-folder")


def test_unknown_option(cli: Callable[..., Run]) -> None:
    code, out, err = cli("matrix", "seeds", "--bogus")
    assert code == 2
    assert out == ""
    assert_one_error_line(err, "--bogus")


@pytest.mark.parametrize("command", ["matrix", "diff"])
def test_unknown_format(cli: Callable[..., Run], command: str) -> None:
    args = ("seeds",) if command == "matrix" else (A, B)
    code, out, err = cli(command, *args, "--format", "xml")
    assert code == 2
    assert out == ""
    assert_one_error_line(err, "--format", "xml")


@pytest.mark.parametrize("fmt", ["csv"])
def test_matrix_only_format_refused_by_diff(cli: Callable[..., Run], fmt: str) -> None:
    code, out, err = cli("diff", A, B, "--format", fmt)
    assert code == 2
    assert out == ""
    assert_one_error_line(err, fmt, "diff")


def test_missing_argument(cli: Callable[..., Run]) -> None:
    code, out, err = cli("diff", A)
    assert code == 2
    assert out == ""
    assert_one_error_line(err)


def test_width_below_the_minimum(cli: Callable[..., Run]) -> None:
    code, out, err = cli("matrix", "seeds", "--width", "10")
    assert code == 2
    assert out == ""
    assert_one_error_line(err, "--width")


def test_both_articles_from_standard_input(cli: Callable[..., Run]) -> None:
    code, out, err = cli("diff", "-", "-")
    assert code == 2
    assert out == ""
    assert_one_error_line(err, "standard input")


# --- errors: --output ----------------------------------------------------------------------


def unwritable_targets(tmp_path: Path) -> dict[str, Path]:
    regular = tmp_path / "somefile.txt"
    regular.write_text("not a folder\n", encoding="utf-8")
    return {
        "missing-folder": tmp_path / "no-such-folder" / "out.json",
        "under-a-file": regular / "out.json",
    }


@pytest.mark.parametrize("where", ["missing-folder", "under-a-file"])
@pytest.mark.parametrize(
    "args", [("matrix", "seeds", "--format", "json"), ("diff", A, B, "--format", "json")]
)
def test_unwritable_output(
    tmp_path: Path, cli: Callable[..., Run], where: str, args: tuple[str, ...]
) -> None:
    target = unwritable_targets(tmp_path)[where]
    code, out, err = cli(*args, "--output", str(target))
    assert code == 2
    assert out == ""
    assert_one_error_line(err, str(target))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["somefile.txt"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can write anywhere")
def test_read_only_output_folder(tmp_path: Path, cli: Callable[..., Run]) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        code, out, err = cli("diff", A, B, "--format", "json", "-o", str(folder / "o.json"))
        assert code == 2
        assert out == ""
        assert_one_error_line(err, "o.json")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def test_output_folder_given_as_output(tmp_path: Path, cli: Callable[..., Run]) -> None:
    code, out, err = cli("diff", A, B, "--output", str(tmp_path))
    assert code == 2
    assert out == ""
    assert_one_error_line(err, "--output")


@pytest.mark.parametrize("kind", BAD_KINDS)
def test_failed_run_leaves_no_output_file(tmp_path: Path, cli: Callable[..., Run], kind: str) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    outputs = tmp_path / "out"
    outputs.mkdir()
    path = bad_file(inputs, kind)
    code, _, _ = cli("matrix", str(path), "--format", "json", "-o", str(outputs / "m.json"))
    assert code == 2
    assert list(outputs.iterdir()) == []


def test_failed_run_keeps_the_previous_output(tmp_path: Path, cli: Callable[..., Run]) -> None:
    target = tmp_path / "m.json"
    target.write_text("previous\n", encoding="utf-8")
    code, _, _ = cli("matrix", str(tmp_path / "missing.txt"), "-o", str(target))
    assert code == 2
    assert target.read_text(encoding="utf-8") == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.json"]


def test_failed_write_leaves_no_temporary_file(
    tmp_path: Path, cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rename that finishes an atomic write fails (disk full): the old file stays whole and
    the temporary file is removed."""
    import compare.write

    target = tmp_path / "d.json"
    target.write_text("previous\n", encoding="utf-8")

    def full_disk(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(compare.write.os, "replace", full_disk)
    code, out, err = cli("diff", A, B, "--format", "json", "-o", str(target))
    assert code == 2
    assert out == ""
    assert_one_error_line(err, "d.json", "No space left")
    assert target.read_text(encoding="utf-8") == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.json"]


# --- article text is shown literally ---------------------------------------------------------

INJECTION = "tests/fixtures/markup_injection.txt"


@pytest.mark.parametrize(
    "args", [("matrix", INJECTION, "--width", "200"), ("diff", INJECTION, A, "--width", "200")]
)
def test_markup_in_article_text_is_shown_literally(args: tuple[str, ...]) -> None:
    out = invoke(*args, "--no-color")
    assert "[bold red]alert[/]" in out
    assert ESC not in out and "\x07" not in out


@pytest.mark.parametrize(
    "args", [("matrix", INJECTION, "--width", "200"), ("diff", INJECTION, A, "--width", "200")]
)
def test_escapes_in_article_text_never_reach_a_colour_terminal(args: tuple[str, ...]) -> None:
    out = invoke(*args, env=COLOUR_TERMINAL)
    assert "[bold red]alert[/]" in out
    for sequence in ("\x1b]0;pwned", "\x1b[2J", "\x07"):
        assert sequence not in out
