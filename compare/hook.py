"""hook: `compare check` as a pre-commit hook (id `compare-check` in `.pre-commit-hooks.yaml`).

pre-commit passes the staged files that match the hook's `files` pattern. The hook runs
`compare check` once on every folder that holds one of them, in name order, and exits with the
worst status: 2 bad input, 1 a failed check, 0 all good. A folder left without article files (all
deleted in this commit) is skipped. Why file names rather than a fixed folder: one hook then serves
a repository with one folder per story, and only the folders a commit touches are checked.

Run by hand: `python -m compare.hook articles/story-a/new.txt articles/story-b/x.md`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path


def folders_of(filenames: Iterable[str]) -> list[str]:
    """The folders holding these files, each once, in name order, keeping only folders that still
    hold article files."""
    from compare.read import article_paths

    folders = sorted({str(Path(name).parent) for name in filenames})
    return [folder for folder in folders if Path(folder).is_dir() and article_paths([folder])]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="compare-check-hook",
        description="Run compare check on the folders of the given article files.",
    )
    parser.add_argument("files", nargs="*", help="changed article files (pre-commit passes them)")
    parser.add_argument("--max-bytes", type=int, default=None, help="passed on to compare check")
    parser.add_argument(
        "--format", dest="fmt", default="table", choices=("table", "markdown", "json"), help="report format"
    )
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))

    from compare.cli import main as cli_main

    worst = 0
    for folder in folders_of(args.files):
        command = ["check", folder, "--no-color", "--format", args.fmt]
        if args.max_bytes is not None:
            command += ["--max-bytes", str(args.max_bytes)]
        try:
            code = cli_main(command)
        except SystemExit as exc:  # bad input: cli.main has printed the one-line error
            code = exc.code if isinstance(exc.code, int) else 2
        worst = max(worst, code)
    return worst


if __name__ == "__main__":
    sys.exit(main())
