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


def _raise(signum: int, frame: FrameType | None) -> None:
    # A second signal while the first unwinds (removing a temporary file) is ignored.
    for other in HANDLED:
        signal.signal(other, signal.SIG_IGN)
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
    meanwhile is delivered when the block ends. Where signal masks do not exist, nothing is held."""
    mask = getattr(signal, "pthread_sigmask", None)
    if mask is None:
        yield
        return
    old = mask(signal.SIG_BLOCK, HANDLED)
    try:
        yield
    finally:
        mask(signal.SIG_SETMASK, old)
