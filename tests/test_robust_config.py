"""Safe configuration (issue 13): YAML front matter and sources.yaml without aliases and with a
size cap, every metadata field checked, and the lock file validated and read only as a regular
file. Each case: exit status 2 (a failed `readable` check for one article's front matter), one
line naming the file and the field, no traceback."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from compare.errors import CompareError, LockError
from compare.lock import parse_lock
from compare.metadata import MAX_FRONT_MATTER_BYTES, parse_yaml
from compare.read import load_sources, split_front_matter
from tests.conftest import Run

REPO = Path(__file__).resolve().parent.parent
SEEDS = sorted((REPO / "seeds").glob("*.txt"))
STORY = SEEDS[0].read_text(encoding="utf-8")


def bad_input(run: Run, *needles: str) -> None:
    assert run.code == 2, run
    assert run.out == ""
    lines = run.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("compare: error: "), run.err
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])


def alias_bomb(levels: int = 9) -> str:
    """The billion-laughs document: each level lists the previous one nine times (9^9 strings)."""
    lines = ['l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for n in range(1, levels):
        lines.append(f"l{n}: &l{n} [{','.join([f'*l{n - 1}'] * 9)}]")
    lines.append(f"outlet: *l{levels - 1}")
    return "\n".join(lines) + "\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for seed in SEEDS[:3]:
        shutil.copy(seed, tmp_path / seed.name)
    return tmp_path


# --- YAML: aliases and size ----------------------------------------------------------------------


def test_alias_bomb_is_a_few_hundred_bytes() -> None:
    assert 300 < len(alias_bomb()) < 600


def test_alias_bomb_in_front_matter_fails_at_the_first_alias(
    write: Callable[..., Path], cli: Callable[..., Run]
) -> None:
    path = write("bomb.txt", "---\n" + alias_bomb() + "---\n" + STORY)
    run = cli("matrix", path)
    bad_input(run, "bomb.txt", "broken front matter: aliases (*name) are not allowed", "(line 2)")
    bad_input(cli("diff", path, SEEDS[1]), "bomb.txt", "aliases")


@pytest.mark.parametrize("command", ["matrix", "diff", "check"])
def test_alias_bomb_in_sources_yaml(folder: Path, cli: Callable[..., Run], command: str) -> None:
    (folder / "sources.yaml").write_text(alias_bomb(), encoding="utf-8")
    args = (folder / SEEDS[0].name, folder / SEEDS[1].name) if command == "diff" else (folder,)
    bad_input(cli(command, *args), "sources.yaml", "broken sources file: aliases (*name) are not allowed")


def test_an_anchor_without_alias_is_harmless() -> None:
    meta, _ = split_front_matter("---\noutlet: &o Wire\n---\nBody.\n", "a.md")
    assert meta == {"outlet": "Wire"}


def test_front_matter_over_the_size_cap_is_refused_before_parsing() -> None:
    block = "title: x\n" + "# padding\n" * (MAX_FRONT_MATTER_BYTES // 10 + 1)
    with pytest.raises(CompareError, match=r"front matter is [0-9,]+ bytes, over the 64,000-byte limit"):
        split_front_matter("---\n" + block + "---\nBody.\n", "a.md")


def test_sources_yaml_over_the_size_cap(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("compare.read.MAX_SOURCES_BYTES", 100)
    (folder / "sources.yaml").write_text("a.txt: Wire\n" * 20, encoding="utf-8")
    with pytest.raises(CompareError, match=r"sources file is .*over the 100 bytes limit"):
        load_sources(folder)


def test_deep_nesting_is_one_error() -> None:
    with pytest.raises(CompareError, match="broken front matter"):
        parse_yaml("a: " + "[" * 5000, where="a.md", what="front matter", limit=MAX_FRONT_MATTER_BYTES)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX only")
def test_sources_yaml_that_is_a_fifo_is_refused_without_blocking(
    folder: Path, cli: Callable[..., Run]
) -> None:
    os.mkfifo(folder / "sources.yaml")
    bad_input(cli("matrix", folder), "sources.yaml", "named pipe")


# --- fields --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("published: 2024-13-45", "field 'published' is not a real date: 2024-13-45 (month must be in"),
        ('published: "2024-02-30"', "field 'published' is not a real date: 2024-02-30 (day is out of range"),
        ("published: [2024]", "field 'published' must be a date such as 2023-03-05, not a list"),
        ("outlet: [a, b]", "field 'outlet' must be text, not a list"),
        ("outlet: {name: x}", "field 'outlet' must be text, not a mapping"),
        ("title: yes", "field 'title' must be text, not true/false (true; put it in quotes"),
        ("url: 2024-10-16 08:00:00", "field 'url' must be text, not datetime"),
    ],
)
def test_bad_front_matter_field(
    write: Callable[..., Path], cli: Callable[..., Run], line: str, message: str
) -> None:
    path = write("fm.txt", f"---\n{line}\n---\n{STORY}")
    bad_input(cli("matrix", path), "fm.txt: front matter: " + message)
    bad_input(cli("diff", SEEDS[1], path), "fm.txt: front matter: " + message)


def test_bad_front_matter_field_in_check_is_a_failed_readable_check(
    folder: Path, cli: Callable[..., Run]
) -> None:
    (folder / "zz.txt").write_text("---\npublished: 2024-13-45\n---\n" + STORY, encoding="utf-8")
    run = cli("check", folder, "--format", "json")
    assert run.code == 1, run
    problems = json.loads(run.out)["problems"]
    readable = [p for p in problems if p["check"] == "readable"]
    assert [Path(p["path"]).name for p in readable] == ["zz.txt"]
    assert "field 'published' is not a real date" in readable[0]["message"]


@pytest.mark.parametrize("command", ["matrix", "diff", "check"])
@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("  published: 2024-13-45", "field 'published' is not a real date: 2024-13-45"),
        ("  outlet: [a, b]", "field 'outlet' must be text, not a list"),
        ('  published: "2024-00-10"', "field 'published' is not a real date"),
    ],
)
def test_bad_sources_yaml_field(
    folder: Path, cli: Callable[..., Run], command: str, entry: str, message: str
) -> None:
    (folder / "sources.yaml").write_text(f"{SEEDS[1].name}:\n{entry}\n", encoding="utf-8")
    args = (folder / SEEDS[0].name, folder / SEEDS[1].name) if command == "diff" else (folder,)
    bad_input(cli(command, *args), "sources.yaml", f"entry '{SEEDS[1].name}': {message}")


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2024-10-16", "2024-10-16"), ('"16 October 2024"', "16 October 2024"), ("2024", "2024")],
)
def test_good_published_values_pass(value: str, expected: str) -> None:
    meta, _ = split_front_matter(f"---\npublished: {value}\noutlet: 1010 WINS\n---\nBody.\n", "a.md")
    assert meta["published"] == expected
    assert meta["outlet"] == "1010 WINS"


def test_a_number_is_taken_as_text() -> None:
    meta, _ = split_front_matter("---\noutlet: 7\ntitle: 3.5\n---\nBody.\n", "a.md")
    assert meta == {"outlet": "7", "title": "3.5"}


# --- the lock file -------------------------------------------------------------------------------


@pytest.fixture
def locked(folder: Path, cli: Callable[..., Run]) -> Path:
    """A folder with a lock written by `compare check --update`; returns the lock's path."""
    assert cli("check", folder, "--update").code in (0, 1)
    return folder / "compare.lock.json"


def _edit_lock(lock: Path, edit: Callable[[dict[str, object]], None]) -> None:
    data = json.loads(lock.read_text(encoding="utf-8"))
    edit(data)
    lock.write_text(json.dumps(data), encoding="utf-8")


def test_a_5000_digit_integer_in_the_lock(locked: Path, cli: Callable[..., Run]) -> None:
    text = locked.read_text(encoding="utf-8").replace('"schema"', '"big": ' + "7" * 5000 + ', "schema"', 1)
    locked.write_text(text, encoding="utf-8")
    bad_input(cli("check", locked.parent), "compare.lock.json", "an integer too long to read", "--update")


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: d["facts"][0].__setitem__("value", float("nan")), "NaN is not a number JSON allows"),
        (lambda d: d["facts"][0]["cells"].__setitem__(d["articles"][0], ["stated"]), "has status ['stated']"),
        (lambda d: d["facts"][0].__setitem__("label", 5), "needs a 'label' and a 'kind' (strings)"),
        (lambda d: d.__setitem__("articles", "abc"), "'articles' must be a list of article ids"),
        (lambda d: d["facts"][0].__setitem__("evidence", {"ghost": "x"}), "evidence for article 'ghost'"),
        (lambda d: d["facts"][0].__setitem__("value", [[[[[[[[[[1]]]]]]]]]]), "has a 'value' that is not"),
        (lambda d: d.__setitem__("facts", {"a": 1}), "'facts' must be a list"),
    ],
)
def test_lock_with_wrong_types(
    locked: Path, cli: Callable[..., Run], edit: Callable[[dict[str, object]], None], message: str
) -> None:
    _edit_lock(locked, edit)
    bad_input(cli("check", locked.parent), "compare.lock.json", message)


def test_lock_that_is_a_broken_symlink_is_an_error_not_a_skip(locked: Path, cli: Callable[..., Run]) -> None:
    locked.unlink()
    locked.symlink_to(locked.parent / "gone.json")
    bad_input(cli("check", locked.parent), "compare.lock.json", "lock file: broken symbolic link")


def test_lock_that_is_a_looping_symlink_is_an_error(locked: Path, cli: Callable[..., Run]) -> None:
    locked.unlink()
    locked.symlink_to(locked)
    bad_input(cli("check", locked.parent), "compare.lock.json", "symbolic link loop")
    run = cli("check", locked.parent, "--update")  # --update replaces the link with a lock
    assert run.code == 0 and locked.is_file() and not locked.is_symlink()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX only")
def test_lock_that_is_a_fifo_is_refused_without_blocking(locked: Path, cli: Callable[..., Run]) -> None:
    locked.unlink()
    os.mkfifo(locked)
    bad_input(cli("check", locked.parent), "compare.lock.json", "named pipe")


def test_parse_lock_messages_quote_at_most_a_short_piece() -> None:
    with pytest.raises(LockError) as err:
        parse_lock(json.dumps({"schema": "x" * 10_000}), "l.json")
    assert len(str(err.value)) < 200
