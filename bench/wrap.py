"""Run one command and report its wall time and peak RSS (used by run.py).

    python -I -S bench/wrap.py RESULT_FILE TIMEOUT CMD [ARG ...]

Why a wrapper: on Linux a child's ``ru_maxrss`` never reads lower than the
high-water RSS of the process that forked it (the old address space is
counted at exec time), so measuring directly from the benchmark process
would put a floor of the benchmark's own peak under every figure.  This
wrapper is a fresh, minimal interpreter (about 8 MB), spawns the command,
reaps exactly that child with ``os.wait4`` and writes one JSON object to
RESULT_FILE: ``seconds``, ``returncode``, ``maxrss`` (raw ``ru_maxrss``:
KiB on Linux, bytes on macOS) and ``timed_out``.  TIMEOUT 0 means none.
The command's stdin/stdout/stderr are the wrapper's.
"""

import json
import os
import signal
import sys
import time


def main() -> int:
    result_file, timeout, argv = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
    timed_out = False
    start = time.perf_counter()
    try:
        pid = os.posix_spawnp(argv[0], argv, os.environ)
    except OSError as exc:
        print(f"wrap.py: cannot run {argv[0]!r}: {exc}", file=sys.stderr)
        report = {"seconds": 0.0, "returncode": 127, "maxrss": 0, "timed_out": False}
        with open(result_file, "w", encoding="utf-8") as fh:
            json.dump(report, fh)
        return 0

    def on_alarm(signum: int, frame: object) -> None:
        nonlocal timed_out
        timed_out = True
        os.kill(pid, signal.SIGKILL)

    if timeout > 0:
        signal.signal(signal.SIGALRM, on_alarm)
        signal.setitimer(signal.ITIMER_REAL, timeout)
    _, status, usage = os.wait4(pid, 0)  # retried after the alarm handler (PEP 475)
    seconds = time.perf_counter() - start
    signal.setitimer(signal.ITIMER_REAL, 0)
    report = {
        "seconds": seconds,
        "returncode": os.waitstatus_to_exitcode(status),
        "maxrss": usage.ru_maxrss,
        "timed_out": timed_out,
    }
    with open(result_file, "w", encoding="utf-8") as fh:
        json.dump(report, fh)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
