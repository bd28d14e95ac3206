"""compare.write: a file is written whole or not at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from compare.errors import CompareError
from compare.write import write_atomically


def test_file_is_written_and_replaced_whole(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    write_atomically(target, "first\n")
    write_atomically(target, "second €\n")
    assert target.read_text(encoding="utf-8") == "second €\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]  # no temporary file left


def test_writing_onto_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CompareError, match="is a directory"):
        write_atomically(tmp_path, "x")


def test_writing_into_a_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CompareError, match="folder does not exist"):
        write_atomically(tmp_path / "nope" / "report.md", "x")


def test_cli_keeps_the_helper_importable() -> None:
    from compare import cli

    assert cli.write_atomically is write_atomically
