"""write: put text into a file all or nothing (a temporary file in the same folder, then a rename).

The one place the library writes files: `cli.py` uses it for `--output`, `check` for the lock file
(`compare check DIR --update`). A failed write never leaves half a file behind.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from compare.errors import CompareError


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomically(path: Path, text: str) -> None:
    """Write via a temporary file in the same folder and a rename: all or nothing."""
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise CompareError(str(path), "is a directory, cannot write output there")
    if path.exists() and not path.is_file():
        # A device or pipe (/dev/null, a FIFO): there is nothing to replace, write straight in.
        try:
            with open(path, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
        except OSError as exc:
            raise CompareError(str(path), f"cannot write output: {exc.strerror or exc}") from None
        return
    if not folder.is_dir():
        if folder.exists():  # a path under a regular file: "report.txt/out.json"
            raise CompareError(str(path), f"cannot write output: {folder} is not a folder")
        raise CompareError(str(path), "cannot write output: folder does not exist")
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        # mkstemp creates the file 0600; give it the mode a plain open() would have (or keep
        # the mode of the file being replaced) so a report stays readable by others.
        os.chmod(tmp_name, _mode_for(path))
        os.replace(tmp_name, path)
        tmp_name = None
    except OSError as exc:
        raise CompareError(str(path), f"cannot write output: {exc.strerror or exc}") from None
    finally:
        if tmp_name is not None and os.path.exists(tmp_name):
            os.unlink(tmp_name)
