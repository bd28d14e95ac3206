"""Error types the library raises; the CLI turns each into one stderr line and exit status 2."""

from __future__ import annotations


class CompareError(Exception):
    """A problem with the user's input: names the file (or option) and what is wrong with it."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}")
        self.where = where
        self.problem = problem


class LockError(CompareError):
    """The lock file beside the articles cannot be used (unreadable, not JSON, wrong schema)."""
