"""Shared test helpers: where the fixture files, seeds and shared gold files live, and a writer
for throwaway article files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def fixtures_dir() -> Path:
    """tests/fixtures/: single article files (HTML page, front matter, markup injection ...)."""
    return REPO / "tests" / "fixtures"


@pytest.fixture
def seeds_dir() -> Path:
    """seeds/: the five real articles about one event."""
    return REPO / "seeds"


@pytest.fixture
def shared_dir() -> Path:
    """../shared/: the contract and the hand-made gold files, beside the repository."""
    return REPO.parent / "shared"


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, bytes | str], Path]:
    """write(name, content) puts a file (bytes as given, str as UTF-8) in a fresh folder."""

    def _write(name: str, content: bytes | str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_bytes(content.encode("utf-8"))
        else:
            path.write_bytes(content)
        return path

    return _write


def pytest_addoption(parser: pytest.Parser) -> None:
    """--update-golden rewrites tests/golden/ from the current output (COMPARE_UPDATE_GOLDEN=1
    does the same); review the diff before committing it."""
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite the golden files in tests/golden/ instead of comparing with them",
    )
