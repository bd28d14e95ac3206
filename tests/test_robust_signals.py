"""Signals (issue 13): SIGINT and SIGTERM during a write remove the temporary file and leave the
previous output as it was; Ctrl-C prints `compare: interrupted` and exits 130, SIGTERM prints
`compare: terminated` and exits 143.

The signal is sent by the process to itself at a chosen point of the write (after the temporary
file is complete, before the rename), so the test does not depend on timing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from compare.interrupt import Interrupted, handle_signals, signals_held
from compare.write import write_atomically

REPO = Path(__file__).resolve().parent.parent
SEED = sorted((REPO / "seeds").glob("*.txt"))[0]
pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX signals")


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_signal_during_a_write_keeps_the_old_file_and_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, signum: int
) -> None:
    target = tmp_path / "out.json"
    target.write_text("previous\n", encoding="utf-8")

    def kill_during_write(path: Path) -> int:
        signal.raise_signal(signum)  # to this thread: the handler raises at the next bytecode
        return 0o644

    monkeypatch.setattr("compare.write._mode_for", kill_during_write)
    with pytest.raises(Interrupted) as caught, handle_signals():
        write_atomically(target, "new\n")
    assert caught.value.status == 128 + signum
    assert target.read_text(encoding="utf-8") == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


def test_handlers_are_restored_after_the_block() -> None:
    before = (signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM))
    with handle_signals():
        assert signal.getsignal(signal.SIGTERM) is not before[1]
    assert (signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)) == before


def test_a_held_signal_arrives_when_the_block_ends() -> None:
    reached = False
    with pytest.raises(Interrupted), handle_signals():
        with signals_held():
            signal.raise_signal(signal.SIGTERM)  # to this (blocked) thread: it waits
            reached = True  # still running
        pytest.fail("the held signal should have been delivered at the end of the block")
    assert reached


def test_an_ignored_signal_stays_ignored() -> None:
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        with handle_signals():
            assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, previous)


# The command line in its own process, killed by itself in the middle of writing --output.
_SCRIPT = textwrap.dedent(
    """
    import os, signal, sys
    import compare.write
    from compare.cli import main
    def kill_during_write(path):
        signal.raise_signal(signal.{signame})
        return 0o644
    compare.write._mode_for = kill_during_write
    sys.exit(main(["matrix", {seed!r}, "--format", "json", "--output", "out.json"]))
    """
)


@pytest.mark.parametrize(
    ("signame", "status", "line"),
    [("SIGINT", 130, "compare: interrupted"), ("SIGTERM", 143, "compare: terminated")],
)
def test_cli_exit_status_and_line_on_a_signal(tmp_path: Path, signame: str, status: int, line: str) -> None:
    (tmp_path / "out.json").write_text("previous\n", encoding="utf-8")
    script = _SCRIPT.format(signame=signame, seed=str(SEED))
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        env=dict(os.environ, PYTHONPATH=str(REPO)),
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == status, done.stderr
    assert done.stderr.decode().strip() == line
    assert done.stdout == b""
    assert (tmp_path / "out.json").read_text(encoding="utf-8") == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


def test_ctrl_c_while_working_prints_the_documented_line(tmp_path: Path) -> None:
    """A SIGINT outside any write (typer alone would turn it into a silent 130)."""
    script = textwrap.dedent(
        f"""
        import os, signal, sys
        import compare.pipeline
        from compare.cli import main
        real = compare.pipeline.build_article
        def slow(source):
            signal.raise_signal(signal.SIGINT)
            return real(source)
        compare.pipeline.build_article = slow
        sys.exit(main(["matrix", {str(SEED)!r}]))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        env=dict(os.environ, PYTHONPATH=str(REPO)),
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 130
    assert done.stderr.decode().strip() == "compare: interrupted"


def test_a_held_signal_waits_even_with_other_threads_running() -> None:
    """With another thread alive the kernel may hand the signal to it, whatever this thread's
    mask; the handler still defers the exception to the end of the held block."""
    import threading
    import time

    from compare.interrupt import _Held

    stop = threading.Event()
    worker = threading.Thread(target=stop.wait, daemon=True)
    worker.start()
    reached = False
    try:
        with pytest.raises(Interrupted), handle_signals():
            with signals_held():
                signal.pthread_kill(worker.ident or 0, signal.SIGTERM)  # delivered to the worker
                deadline = time.monotonic() + 30
                while _Held.pending is None and time.monotonic() < deadline:
                    time.sleep(0.001)  # the handler runs in the main thread meanwhile, and waits
                reached = _Held.pending == signal.SIGTERM
            pytest.fail("the held signal should have been raised at the end of the block")
    finally:
        stop.set()
        worker.join()
    assert reached
