"""Error types the library raises; the CLI turns each into one stderr line and exit status 2."""

from __future__ import annotations

import re

# Lone surrogates: what os.fsdecode makes of file-name bytes that are not UTF-8.
_UNDECODABLE = re.compile("[\udc80-\udcff]")


def display_name(name: str) -> str:
    """A file name as text that any output can carry: bytes that are not UTF-8 (which Python
    keeps as lone surrogates, U+DC80-U+DCFF) are spelled `\\xff`, so JSON stays valid UTF-8 and
    a table shows where the odd byte is. Other names are returned unchanged."""
    return _UNDECODABLE.sub(lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}", name)


class CompareError(Exception):
    """A problem with the user's input: names the file (or option) and what is wrong with it
    (a file name that is not UTF-8 spelled with escapes, so the message can always be printed)."""

    def __init__(self, where: str, problem: str) -> None:
        where = display_name(where)
        super().__init__(f"{where}: {problem}")
        self.where = where
        self.problem = problem


class LockError(CompareError):
    """The lock file beside the articles cannot be used (unreadable, not JSON, wrong schema)."""
