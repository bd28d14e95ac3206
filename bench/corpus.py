"""Benchmark `compare corpus`: 2,500 and 10,000 articles in about 500 events.

    .venv/bin/python bench/corpus.py              # both sizes, about 5 minutes on 2 cores
    .venv/bin/python bench/corpus.py --sizes 2500 # one size

Each size is a labelled mixture from bench/mixtures.py (generator seed 0, 500 events; 2 to 8
articles an event for 2,500, 10 to 30 for 10,000), written to bench/out/ (git-ignored). The
command runs in a fresh process through bench/wrap.py (wall time, peak RSS of the main process);
the memory of the whole process tree (the main process plus its worker processes) is sampled
with psutil every 0.2 s and its peak reported too. The clustering is scored against the labels
(pairwise and B-cubed F1).

In the same run it times the plain approach to the sorting step on the first 1,000 articles of
the 10,000: score every pair (all pairs) against the blocking that compare uses, on the same
profiles, and extrapolates all pairs to 10,000 articles (the count of pairs grows with the square).

Targets (issue 12): 10,000 articles under 5 minutes on 2 cores, under 4 GB, and time(10,000) at
most 5 x time(2,500).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(REPO))

from mixtures import bcubed_f1, pairwise_f1, write_mixture  # noqa: E402

EVENTS = 500
SIZES = {2500: tuple(range(2, 9)), 10000: tuple(range(10, 31))}
PLAIN_N = 1000
TIME_LIMIT_S = 300
MEMORY_LIMIT_MB = 4000
GROWTH_LIMIT = 5.0


def tree_rss_mb(pid: int) -> float:
    import psutil

    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0.0
    total = 0
    for proc in procs:
        with contextlib.suppress(psutil.Error):  # a worker may exit between listing and reading
            total += proc.memory_info().rss
    return total / 1e6


def run_corpus(folder: Path, out: Path) -> dict[str, float]:
    """`compare corpus` in a fresh process: wall seconds, peak RSS (main process, whole tree)."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        result_file = handle.name
    argv = [
        sys.executable,
        "-I",
        "-S",
        str(BENCH / "wrap.py"),
        result_file,
        "0",
        sys.executable,
        "-m",
        "compare",
        "corpus",
        str(folder),
        "--output",
        str(out),
        "--format",
        "json",
    ]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    wrapper = subprocess.Popen(argv, cwd=REPO, env=env, stdout=subprocess.DEVNULL)
    peak = [0.0]
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            peak[0] = max(peak[0], tree_rss_mb(wrapper.pid))
            stop.wait(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    wrapper.wait()
    stop.set()
    sampler.join()
    report = json.loads(Path(result_file).read_text(encoding="utf-8"))
    os.unlink(result_file)
    if report["returncode"] != 0:
        raise SystemExit(f"compare corpus failed on {folder} (exit {report['returncode']})")
    return {"seconds": report["seconds"], "rss_mb": report["maxrss"] / 1024, "tree_mb": peak[0]}


def quality(report: Path, labels: dict[str, str]) -> dict[str, float]:
    pred = {}
    for line in (report / "clusters.tsv").read_text(encoding="utf-8").splitlines():
        path, event = line.split("\t")
        pred[Path(path).name] = event
    gold = {name: labels[name] for name in pred}
    return {
        "events": len(set(pred.values())),
        "gold_events": len(set(gold.values())),
        "bcubed_f1": bcubed_f1(pred, gold),
        "pairwise_f1": pairwise_f1(pred, gold),
    }


def plain_versus_blocking(folder: Path) -> dict[str, float]:
    """All pairs against compare's blocking, on the first PLAIN_N articles of `folder`."""
    from compare import events
    from compare.pipeline import load_articles

    files = sorted(str(p) for p in folder.glob("*.txt"))[:PLAIN_N]
    profiles = [events.profile(a) for a in load_articles(files)]
    start = time.perf_counter()
    scorer = events.Scorer(profiles)
    n = len(profiles)
    for i in range(n):
        for j in range(i + 1, n):
            scorer.score(i, j)
    all_pairs = time.perf_counter() - start
    start = time.perf_counter()
    events.cluster(profiles)
    blocking = time.perf_counter() - start
    return {
        "n": n,
        "all_pairs_seconds": all_pairs,
        "pairs": n * (n - 1) / 2,
        "blocking_cluster_seconds": blocking,
        "all_pairs_10000_extrapolated_seconds": all_pairs * (10000 * 9999) / (n * (n - 1)),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2500,10000")
    parser.add_argument("--workdir", type=Path, default=BENCH / "out")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    figures: dict[str, object] = {"cpus": os.cpu_count(), "load_before": os.getloadavg()[0]}
    rows = []
    for size in sizes:
        folder = args.workdir / f"corpus-{size}"
        labels = write_mixture(folder, EVENTS, 0, sizes=SIZES.get(size, (size // EVENTS,)))
        measured = run_corpus(folder, args.workdir / f"report-{size}")
        measured.update(quality(args.workdir / f"report-{size}", labels))
        measured["articles"] = len(labels)
        figures[str(size)] = measured
        rows.append(measured)
        print(
            f"{len(labels):>6} articles  {measured['seconds']:7.1f} s  main {measured['rss_mb']:6.0f} MB  "
            f"tree {measured['tree_mb']:6.0f} MB  "
            f"events {measured['events']:.0f}/{measured['gold_events']:.0f}"
            f"  B-cubed F1 {measured['bcubed_f1']:.3f}  pairwise F1 {measured['pairwise_f1']:.3f}",
            flush=True,
        )
    if 10000 in sizes:
        plain = plain_versus_blocking(args.workdir / "corpus-10000")
        figures["plain"] = plain
        print(
            f"sorting {plain['n']:.0f} articles: all {plain['pairs']:.0f} pairs "
            f"{plain['all_pairs_seconds']:.1f} s, "
            f"blocking + average linkage {plain['blocking_cluster_seconds']:.1f} s; all pairs at 10,000 "
            f"~{plain['all_pairs_10000_extrapolated_seconds']:.0f} s (extrapolated)"
        )
    figures["load_after"] = os.getloadavg()[0]
    print(f"load average (1 min) before {figures['load_before']:.1f}, after {figures['load_after']:.1f}")
    ok = True
    if "10000" in figures:
        big = figures["10000"]
        assert isinstance(big, dict)
        for name, good in (
            ("10,000 under 5 minutes", big["seconds"] < TIME_LIMIT_S),
            ("10,000 under 4 GB (process tree)", big["tree_mb"] < MEMORY_LIMIT_MB),
        ):
            print(f"{'PASS' if good else 'FAIL'}  {name}")
            ok &= good
        if "2500" in figures:
            small = figures["2500"]
            assert isinstance(small, dict)
            growth = big["seconds"] / small["seconds"]
            figures["growth"] = growth
            print(f"{'PASS' if growth <= GROWTH_LIMIT else 'FAIL'}  growth 2,500 -> 10,000: {growth:.2f}x")
            ok &= growth <= GROWTH_LIMIT
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
