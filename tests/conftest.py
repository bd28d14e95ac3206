"""Shared test helpers: where the fixture files, seeds and shared gold files live, a writer
for throwaway article files, and the hypothesis profile CI runs with."""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import NamedTuple

import pytest
from hypothesis import HealthCheck, settings

REPO = Path(__file__).resolve().parent.parent

# Hypothesis in CI: the same examples on every run (derandomize: drawn from each test's own
# source, not a random seed), no example database carried between runs, no timing deadline on a
# shared runner. A failure in CI is then a change in the code, never a new random example; the
# local default profile keeps exploring. Tests that set max_examples keep their own count; the
# rest run this many.
CI_MAX_EXAMPLES = 50
settings.register_profile(
    "ci",
    derandomize=True,
    database=None,
    deadline=None,
    max_examples=CI_MAX_EXAMPLES,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
# GitHub Actions, GitLab CI and most other CI services set CI (to "true"); HYPOTHESIS_PROFILE
# picks a profile by name, for trying the CI one locally.
_PROFILE = os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else None)
if _PROFILE:
    settings.load_profile(_PROFILE)


def mixtures() -> ModuleType:
    """bench/mixtures.py, the labelled-mixture generator and its clustering scores (a script
    beside the benchmarks, not a package module), loaded once."""
    if "mixtures" not in sys.modules:
        spec = importlib.util.spec_from_file_location("mixtures", REPO / "bench" / "mixtures.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["mixtures"] = module
        spec.loader.exec_module(module)
    return sys.modules["mixtures"]


@pytest.fixture
def fixtures_dir() -> Path:
    """tests/fixtures/: single article files (HTML page, front matter, markup injection ...)."""
    return REPO / "tests" / "fixtures"


@pytest.fixture
def seeds_dir() -> Path:
    """seeds/: the five real articles about one event."""
    return REPO / "seeds"


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    """A copy of the seed articles (no lock file) in a fresh folder, for commands that write."""
    target = tmp_path / "story"
    target.mkdir()
    for path in sorted((REPO / "seeds").glob("*.txt")):
        shutil.copy(path, target / path.name)
    return target


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


def need_shared(path: Path) -> None:
    """A test that reads ../shared: skipped on a developer's machine without it, failed in CI
    (CI has ../shared beside the clone, so its absence there is a broken set-up, not a skip)."""
    if path.exists():
        return
    message = f"{path} is missing: the shared files sit beside the repository"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


class Run(NamedTuple):
    """What one `compare` run gave: exit status, standard output, standard error."""

    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    """cli(*args) runs `compare *args` through `compare.cli.main`: (exit status, stdout, stderr).
    A traceback on stderr fails the test: bad input must end in one clear line."""
    from compare.cli import main

    def _run(*args: str | Path) -> Run:
        capsys.readouterr()  # what earlier set-up printed is not this run's output
        try:
            code = main([str(a) for a in args])
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        out, err = capsys.readouterr()
        assert "Traceback" not in err, err
        return Run(code, out, err)

    return _run
