"""interrupt: Ctrl-C (SIGINT) and SIGTERM become one exception the command line reports.

Python turns SIGINT into KeyboardInterrupt, which typer swallows (it returns exit status 130
without a word), and SIGTERM kills the process where it stands, so a temporary output file is
left behind. With `handle_signals` both raise `Interrupted`, a BaseException (library code that
catches Exception cannot swallow it) that unwinds through every `finally` (so `write_atomically`
removes its temporary file) up to `cli.main`, which prints `compare: interrupted` (or
`terminated`) and exits 128 + the signal number: 130 and 143, as a shell reports them.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

HANDLED = (signal.SIGINT, signal.SIGTERM)
# Added to the signal number for the exit status: the shell's convention (130 = 128 + SIGINT).
SIGNAL_STATUS_BASE = 128


class Interrupted(BaseException):
    """The run was stopped by a signal; `status` is the exit status to end with."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        self.status = SIGNAL_STATUS_BASE + signum
        self.what = "interrupted" if signum == signal.SIGINT else "terminated"
        super().__init__(self.what)


class _Held:
    """How deep inside `signals_held` the main thread is, and a signal that arrived meanwhile."""

    depth = 0
    pending: int | None = None


def _raise(signum: int, frame: FrameType | None) -> None:
    # A second signal while the first unwinds (removing a temporary file) is ignored.
    for other in HANDLED:
        signal.signal(other, signal.SIG_IGN)
    if _Held.depth:
        _Held.pending = signum  # raised when the held section ends
        return
    raise Interrupted(signum)


@contextmanager
def handle_signals() -> Iterator[None]:
    """Within the block, SIGINT and SIGTERM raise Interrupted; the previous handlers come back
    after it. A signal the process was started with ignored (`nohup`, a background job) stays
    ignored. Only the main thread can set handlers; elsewhere this does nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous: dict[signal.Signals, Callable[[int, FrameType | None], Any] | int | None] = {}
    for signum in HANDLED:
        current = signal.getsignal(signum)
        if current is signal.SIG_IGN:
            continue
        previous[signum] = current
        signal.signal(signum, _raise)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler if handler is not None else signal.SIG_DFL)


@contextmanager
def signals_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back during a few system calls that must not be cut in two (create
    a temporary file and note its name; rename it over the output). A signal that arrives
    meanwhile takes effect when the block ends.

    Two layers: the signals are blocked for this thread (where signal masks exist), and the
    handler installed by `handle_signals` defers its exception while a block is open. The second
    matters when other threads exist (a progress bar, a model's worker threads): the kernel then
    hands a signal to any thread that does not block it, and Python runs the handler in the main
    thread regardless of this thread's mask."""
    mask = getattr(signal, "pthread_sigmask", None)
    old = mask(signal.SIG_BLOCK, HANDLED) if mask is not None else None
    _Held.depth += 1
    try:
        yield
    finally:
        if mask is not None and old is not None:
            mask(signal.SIG_SETMASK, old)  # a blocked signal is handled here, still deferred
        _Held.depth -= 1
        if not _Held.depth and _Held.pending is not None:
            signum, _Held.pending = _Held.pending, None
            raise Interrupted(signum)
