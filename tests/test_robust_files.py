"""Files as they are (issue 13): devices, pipes, sockets, files that lie about their size,
unreadable folders, broken links and file names that are not UTF-8. Every case: exit status 2
(or a failed `readable` check), one line naming the file, no traceback, no file left behind."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from compare.cli import main
from compare.errors import CompareError
from compare.read import display_name, read_regular_file, read_source
from tests.conftest import Run

REPO = Path(__file__).resolve().parent.parent
SEEDS = sorted((REPO / "seeds").glob("*.txt"))
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX only")


def process(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """`python -m compare *args` in its own process, killed after a minute: a case that blocks
    fails with TimeoutExpired instead of hanging the suite."""
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.run(
        [sys.executable, "-m", "compare", *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        timeout=60,
    )


def one_error_line(err: str | bytes, *needles: str) -> None:
    text = err.decode("utf-8", "replace") if isinstance(err, bytes) else err
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    assert lines[0].startswith("compare: error: "), text
    assert "Traceback" not in text
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Two seed articles in a fresh folder."""
    for seed in SEEDS[:2]:
        shutil.copy(seed, tmp_path / seed.name)
    return tmp_path


def leftovers(where: Path) -> list[str]:
    return sorted(p.name for p in where.iterdir() if p.name.endswith(".tmp"))


# --- devices, pipes, sockets ---------------------------------------------------------------------


def test_dev_zero_is_refused_as_a_device_before_any_byte_is_read(cli: Callable[..., Run]) -> None:
    for args in (("matrix", "/dev/zero"), ("diff", "/dev/zero", SEEDS[0])):
        run = cli(*args)
        assert run.code == 2 and run.out == ""
        one_error_line(run.err, "/dev/zero", "is a character device, not a regular file")


def test_read_regular_file_refuses_a_device_even_with_a_huge_limit() -> None:
    with pytest.raises(CompareError, match="character device"):
        read_regular_file("/dev/zero", 10**12)


@needs_fifo
def test_fifo_named_directly_is_refused_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    for args in (("matrix", "pipe.txt"), ("diff", "pipe.txt", SEEDS[0])):
        done = process(*args, cwd=tmp_path)
        assert done.returncode == 2 and done.stdout == b""
        one_error_line(done.stderr, "pipe.txt", "is a named pipe (FIFO), not a regular file")


@needs_fifo
def test_fifo_inside_a_folder_is_named_not_skipped(folder: Path, cli: Callable[..., Run]) -> None:
    os.mkfifo(folder / "zz_pipe.txt")
    run = cli("matrix", folder, "--format", "json")
    assert run.code == 2
    one_error_line(run.err, "zz_pipe.txt", "named pipe")
    run = cli("check", folder, "--format", "json")
    assert run.code == 1
    problems = json.loads(run.out)["problems"]
    assert [(Path(p["path"]).name, p["check"]) for p in problems] == [("zz_pipe.txt", "readable")]
    assert "named pipe" in problems[0]["message"]


@needs_fifo
def test_fifo_as_output_with_no_reader_is_an_error_not_a_hang(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "out.json")
    done = process("matrix", SEEDS[0], "--format", "json", "--output", "out.json", cwd=tmp_path)
    assert done.returncode == 2
    one_error_line(done.stderr, "out.json", "named pipe nobody is reading")
    assert leftovers(tmp_path) == []


@needs_fifo
def test_fifo_as_output_with_a_reader_gets_the_whole_output(tmp_path: Path) -> None:
    fifo = tmp_path / "out.json"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    try:
        done = process("matrix", SEEDS[0], "--format", "json", "--output", fifo, cwd=tmp_path)
        out, _ = reader.communicate(timeout=60)
    finally:
        reader.kill()
    assert done.returncode == 0, done.stderr
    assert json.loads(out)["schema"] == "compare.matrix/1"


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="Unix sockets only")
def test_socket_is_refused(tmp_path: Path, cli: Callable[..., Run]) -> None:
    path = tmp_path / "s.txt"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        run = cli("matrix", path)
    finally:
        server.close()
    assert run.code == 2
    one_error_line(run.err, "s.txt", "is a socket")


# --- size from the bytes read --------------------------------------------------------------------


def test_size_limit_counts_the_bytes_read_not_st_size(tmp_path: Path, cli: Callable[..., Run]) -> None:
    """/proc files say they are 0 bytes long and are not: the limit still holds."""
    status = Path("/proc/self/status")
    if not status.exists():
        pytest.skip("no /proc")
    assert status.stat().st_size == 0
    run = cli("matrix", status, "--max-bytes", "100")
    assert run.code == 2
    one_error_line(run.err, "/proc/self/status", "file is over the 100 bytes limit (raise it with")


def test_a_regular_file_over_the_limit_still_says_its_size(write: Callable[..., Path]) -> None:
    path = write("big.txt", "word " * 500)
    with pytest.raises(CompareError, match=r"file is 2\.5 kB, over the 100 bytes limit"):
        read_source(str(path), max_bytes=100)


def test_a_file_that_grows_while_read_is_cut_at_the_limit(write: Callable[..., Path]) -> None:
    path = write("a.txt", "x" * 50)
    assert read_regular_file(path, 50) == b"x" * 50
    with pytest.raises(CompareError, match="over the 49 bytes limit"):
        read_regular_file(path, 49)


# --- folders, links ----------------------------------------------------------------------------


def test_unreadable_folder_is_one_clear_error(
    folder: Path, cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    """chmod 000 does not stop root, so the listing is made to fail the way it does for others."""

    def denied(path: object) -> Iterator[os.DirEntry[str]]:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr("compare.read.os.scandir", denied)
    for command in ("matrix", "check"):
        run = cli(command, folder)
        assert run.code == 2 and run.out == "", command
        one_error_line(run.err, str(folder), "cannot read folder: Permission denied")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any folder")
def test_unreadable_folder_for_real(folder: Path, cli: Callable[..., Run]) -> None:
    folder.chmod(0)
    try:
        run = cli("matrix", folder)
    finally:
        folder.chmod(0o755)
    assert run.code == 2
    one_error_line(run.err, "cannot read folder")


def test_broken_and_looping_links_in_a_folder_are_named(folder: Path, cli: Callable[..., Run]) -> None:
    (folder / "zz_gone.txt").symlink_to(folder / "nowhere.txt")
    run = cli("matrix", folder)
    assert run.code == 2
    one_error_line(run.err, "zz_gone.txt", "broken symbolic link")
    (folder / "zz_gone.txt").unlink()
    (folder / "zz_loop.txt").symlink_to(folder / "zz_loop.txt")
    run = cli("matrix", folder)
    assert run.code == 2
    one_error_line(run.err, "zz_loop.txt", "symbolic link loop")


# --- file names that are not UTF-8 -------------------------------------------------------------


def test_display_name_spells_undecodable_bytes() -> None:
    name = os.fsdecode(b"caf\xe9.txt")
    assert display_name(name) == "caf\\xe9.txt"
    assert display_name("café.txt") == "café.txt"


@pytest.fixture
def latin1_named(tmp_path: Path) -> Path:
    """A folder with a seed under a Latin-1 file name (not UTF-8) and another seed."""
    try:
        target = Path(os.fsdecode(bytes(tmp_path) + b"/caf\xe9.txt"))
        shutil.copy(SEEDS[0], target)
    except (OSError, UnicodeError):
        pytest.skip("this file system refuses names that are not UTF-8")
    shutil.copy(SEEDS[1], tmp_path / "other.txt")
    return tmp_path


@pytest.mark.parametrize("fmt", ["json", "table", "markdown", "csv", "html"])
def test_non_utf8_file_name_is_escaped_in_every_format(latin1_named: Path, fmt: str) -> None:
    out_dir = latin1_named / "out"
    out_dir.mkdir()
    for to_file in (False, True):
        args = ["matrix", ".", "--format", fmt, "--no-color"]
        if to_file:
            args += ["--output", "out/result"]
        done = process(*args, cwd=latin1_named)
        assert done.returncode == 0, done.stderr
        data = (out_dir / "result").read_bytes() if to_file else done.stdout
        text = data.decode("utf-8")  # valid UTF-8, or this raises
        assert "caf\\xe9" in text or "caf\\\\xe9" in text
        if fmt == "json":
            ids = [a["id"] for a in json.loads(text)["articles"]]
            assert "caf\\xe9" in ids
    assert leftovers(out_dir) == []


@pytest.mark.parametrize("fmt", ["json", "table", "markdown"])
def test_non_utf8_file_name_in_check_and_diff(latin1_named: Path, fmt: str) -> None:
    Path(os.fsdecode(bytes(latin1_named) + b"/empt\xe9.txt")).write_bytes(b"")
    done = process("check", ".", "--format", fmt, cwd=latin1_named)
    assert done.returncode == 1, done.stderr
    assert "empt\\xe9" in done.stdout.decode("utf-8").replace("\\\\", "\\")
    name = os.fsdecode(b"caf\xe9.txt")
    done = process("diff", name, "other.txt", "--format", fmt, cwd=latin1_named)
    assert done.returncode == 0, done.stderr
    done.stdout.decode("utf-8")


def test_non_utf8_file_name_in_an_error_line(tmp_path: Path) -> None:
    name = os.fsdecode(bytes(tmp_path) + b"/emp\xe9ty.txt")
    try:
        Path(name).write_bytes(b"")
    except (OSError, UnicodeError):
        pytest.skip("this file system refuses names that are not UTF-8")
    done = process("matrix", name, cwd=tmp_path)
    assert done.returncode == 2
    one_error_line(done.stderr, "emp\\xe9ty.txt", "empty file")


def test_check_update_writes_a_utf8_lock_for_a_non_utf8_name(latin1_named: Path) -> None:
    done = process("check", ".", "--update", cwd=latin1_named)
    assert done.returncode == 0, done.stderr
    lock = json.loads((latin1_named / "compare.lock.json").read_bytes().decode("utf-8"))
    assert "caf\\xe9" in lock["articles"]
    done = process("check", ".", "--format", "json", cwd=latin1_named)
    assert done.returncode == 0, done.stderr


def test_a_folder_named_with_a_byte_that_is_not_utf8_is_spelled_out_in_diff(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """diff refuses a folder; its name, bytes that are not UTF-8 included, is shown escaped."""

    folder = os.fsdecode(bytes(tmp_path) + b"/caf\xe9")
    os.mkdir(folder)
    article = tmp_path / "a.txt"
    article.write_text("The council approved the budget for the new harbour bridge on Monday.\n")
    with pytest.raises(SystemExit) as exit_info:
        main(["diff", folder, str(article)])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "caf\\xe9" in err and "is a directory" in err
