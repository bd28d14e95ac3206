"""write: put text into a file all or nothing (a temporary file in the same folder, then a rename).

The one place the library writes files: `cli.py` uses it for `--output`, `check` for the lock file
(`compare check DIR --update`). A failed write never leaves half a file behind.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

from compare.errors import CompareError
from compare.interrupt import signals_held


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomically(path: Path, text: str) -> None:
    """Write via a temporary file in the same folder and a rename: all or nothing.

    A signal (Ctrl-C, SIGTERM) is held back while the temporary file is created and its name
    noted, and during the rename, so the `finally` below always knows what to remove: the
    previous output stays as it was and no temporary file is left."""
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise CompareError(str(path), "is a directory, cannot write output there")
    if path.exists() and not path.is_file():
        _write_special(path, text)
        return
    if not folder.is_dir():
        if folder.exists():  # a path under a regular file: "report.txt/out.json"
            raise CompareError(str(path), f"cannot write output: {folder} is not a folder")
        raise CompareError(str(path), "cannot write output: folder does not exist")
    data = _encode(text, path)
    tmp_name = None
    try:
        with signals_held():
            fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        # mkstemp creates the file 0600; give it the mode a plain open() would have (or keep
        # the mode of the file being replaced) so a report stays readable by others.
        os.chmod(tmp_name, _mode_for(path))
        with signals_held():
            os.replace(tmp_name, path)
            tmp_name = None
    except OSError as exc:
        raise CompareError(str(path), f"cannot write output: {exc.strerror or exc}") from None
    finally:
        if tmp_name is not None:
            with signals_held(), contextlib.suppress(OSError):
                os.unlink(tmp_name)


def _encode(text: str, path: Path) -> bytes:
    """The text as UTF-8. Lone surrogates (a file name that is not UTF-8, should one get this
    far) are an error naming the output, not a traceback."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:
        problem = f"cannot write output: text that is not Unicode ({exc.reason})"
        raise CompareError(str(path), problem) from None


def _write_special(path: Path, text: str) -> None:
    """A device or pipe (/dev/null, /dev/stdout, a FIFO): there is nothing to replace, so write
    straight in. Opened without blocking, so a FIFO nobody reads is an error, not a hang; the
    descriptor is then made blocking again so a slow reader gets every byte."""
    data = _encode(text, path)
    flags = os.O_WRONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            kind = "a socket" if stat.S_ISSOCK(os.stat(path).st_mode) else "a named pipe nobody is reading"
            raise CompareError(str(path), f"cannot write output: {kind}") from None
        raise CompareError(str(path), f"cannot write output: {exc.strerror or exc}") from None
    try:
        os.set_blocking(fd, True)
        with os.fdopen(fd, "wb", closefd=True) as handle:
            fd = -1
            handle.write(data)
    except OSError as exc:
        raise CompareError(str(path), f"cannot write output: {exc.strerror or exc}") from None
    finally:
        if fd != -1:
            os.close(fd)
