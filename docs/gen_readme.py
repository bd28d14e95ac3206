"""Refresh the example output in README.md: every ```console block whose first line is
`$ compare ...` is re-run (from the repository root, no colour) and its output replaced.

    python docs/gen_readme.py            # rewrite README.md
    python docs/gen_readme.py --check    # exit 1 when README.md is out of date

Blocks that list several commands without output are left alone.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
README = REPO / "README.md"
BLOCK = re.compile(r"```console\n(\$ compare [^\n]*)\n(.*?)```", re.S)
# Rows kept from a long table, so the README stays readable (the full table is one command away).
MAX_LINES = 40


def run(command: str) -> str:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100", "PYTHONPATH": str(REPO)}
    argv = [sys.executable, "-m", "compare", *shlex.split(command)[1:]]
    out = subprocess.run(argv, cwd=REPO, env=env, capture_output=True, text=True, check=False).stdout
    lines = out.rstrip("\n").splitlines()
    if len(lines) > MAX_LINES:
        lines = [*lines[: MAX_LINES - 1], "…"]
    return "\n".join(lines) + "\n"


def refresh(text: str) -> str:
    def one(match: re.Match[str]) -> str:
        prompt, body = match.group(1), match.group(2)
        if body.startswith("$ ") or not body.strip():
            return match.group(0)  # a list of commands, no output shown
        return f"```console\n{prompt}\n{run(prompt[2:])}```"

    return BLOCK.sub(one, text)


def main() -> int:
    old = README.read_text(encoding="utf-8")
    new = refresh(old)
    if "--check" in sys.argv[1:]:
        if new != old:
            print("README.md examples are out of date: run python docs/gen_readme.py")
            return 1
        return 0
    README.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
