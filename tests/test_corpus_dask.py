"""`compare corpus` on Dask: a cluster, and the local process pool, write the same bytes as the
default in-process run."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from compare import corpus
from compare.cli import app, main
from tests.conftest import mixtures

REPO = Path(__file__).resolve().parent.parent


def write_mixture(folder: Path) -> None:
    mixtures().write_mixture(folder, 6, seed=12, sizes=(2, 3, 4))


def report_files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    """Two single-threaded workers in this process (starts in well under a second)."""
    import distributed  # the corpus extra, installed by the test extra: missing is a failure

    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
    ) as local:
        yield local


def test_a_two_worker_cluster_writes_the_same_bytes(tmp_path: Path, cluster: Any) -> None:
    write_mixture(tmp_path / "in")
    corpus.build_corpus([str(tmp_path / "in")], tmp_path / "local")
    corpus.build_corpus([str(tmp_path / "in")], tmp_path / "cluster", scheduler=cluster.scheduler_address)
    assert report_files(tmp_path / "local") == report_files(tmp_path / "cluster")
    assert len(report_files(tmp_path / "local")) > 3


def test_the_scheduler_address_can_come_from_the_environment(
    tmp_path: Path, cluster: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_mixture(tmp_path / "in")
    corpus.build_corpus([str(tmp_path / "in")], tmp_path / "local")
    monkeypatch.setenv("DASK_SCHEDULER_ADDRESS", cluster.scheduler_address)
    result = CliRunner().invoke(app, ["corpus", str(tmp_path / "in"), "-o", str(tmp_path / "env")])
    assert result.exit_code == 0, result.output
    assert report_files(tmp_path / "local") == report_files(tmp_path / "env")


def test_the_local_process_pool_writes_the_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_mixture(tmp_path / "in")
    corpus.build_corpus([str(tmp_path / "in")], tmp_path / "inline")
    monkeypatch.setattr(corpus, "LOCAL_PROCESSES_FROM", 1)
    monkeypatch.setattr(corpus, "_local_processes", lambda: 2)
    corpus.build_corpus([str(tmp_path / "in")], tmp_path / "pool")
    assert report_files(tmp_path / "inline") == report_files(tmp_path / "pool")


def test_an_unreachable_scheduler_is_one_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_mixture(tmp_path / "in")
    monkey_timeout = corpus.CONNECT_TIMEOUT
    corpus.CONNECT_TIMEOUT = 1
    try:
        with pytest.raises(SystemExit) as exit_info:
            main(
                [
                    "corpus",
                    str(tmp_path / "in"),
                    "-o",
                    str(tmp_path / "r"),
                    "--scheduler",
                    "tcp://127.0.0.1:9",
                ]
            )
    finally:
        corpus.CONNECT_TIMEOUT = monkey_timeout
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "cannot reach the Dask scheduler" in err and err.count("\n") == 1
    assert not (tmp_path / "r").exists()


def test_a_task_the_cluster_loses_fails_only_its_event(
    tmp_path: Path, cluster: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_mixture(tmp_path / "in")
    real = corpus.build_event

    def dying(payload: Any) -> Any:
        if any(a.id == "a00000" for a in payload.value):
            raise RuntimeError("worker lost")  # escapes the task, as a dead worker's would
        return real(payload)

    monkeypatch.setattr(corpus, "build_event", dying)
    report = corpus.build_corpus([str(tmp_path / "in")], tmp_path / "r", scheduler=cluster.scheduler_address)
    failed = [e for e in report.events if e.error]
    assert len(failed) == 1 and "worker failed" in (failed[0].error or "")
    assert "a00000" in failed[0].articles
    assert all((tmp_path / "r" / (e.matrix or "")).is_file() for e in report.events if not e.error)


def _exit_on_three(payload: Any) -> Any:
    """A task whose worker process dies on the item 3."""
    if payload.value == 3:
        os._exit(1)
    return payload.value


def test_a_dead_local_worker_fails_its_wave_and_the_pool_recovers() -> None:
    engine = corpus._LocalEngine(2)
    try:
        results = dict(engine.run(_exit_on_three, [1, 2, 3, 4, 5], 2, lambda: None))
    finally:
        engine.close()
    assert (results[0], results[1], results[4]) == (1, 2, 5)
    assert isinstance(results[2], corpus._TaskFailure) and isinstance(results[3], corpus._TaskFailure)
