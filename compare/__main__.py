"""`python -m compare` (and the `compare` script) run the command line.

The import of the command line itself is covered too: Ctrl-C in the first few hundred
milliseconds, while typer loads, says `compare: interrupted` like any later one.
"""

from __future__ import annotations

import sys

# Exit status after Ctrl-C: 128 + SIGINT, as a shell reports it (the same as compare.interrupt).
INTERRUPTED_STATUS = 130


def main() -> None:
    try:
        from compare.cli import run
    except KeyboardInterrupt:
        sys.stderr.write("compare: interrupted\n")
        raise SystemExit(INTERRUPTED_STATUS) from None
    run()


if __name__ == "__main__":
    main()
