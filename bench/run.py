"""Benchmark ``compare matrix`` on synthetic clusters and check the speed targets.

Run from the repository root with the project's interpreter::

    .venv/bin/python bench/run.py            # sizes 50, 100, 400, 1000
    .venv/bin/python bench/run.py --quick    # sizes 50, 100 only

Every measurement is one fresh subprocess; wall time is taken around it and
peak RSS comes from ``os.wait4`` in a minimal wrapper (bench/wrap.py), i.e.
the rusage of that one child.  Standard library only.  See bench/README.md
for what each target means.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from synth import ARTICLE_SUFFIXES, generate_cluster

BENCH_DIR = Path(__file__).resolve().parent
REPO_ROOT = BENCH_DIR.parent
DEFAULT_SIZES = (50, 100, 400, 1000)
QUICK_SIZES = (50, 100)
DIFFLIB_N = 50
# `compare check` is timed beside `matrix` at these sizes (the ones that were run).
CHECK_SIZES = (100, 1000)
# Goal for the tiny-files case (issue 13: 5,000 tiny files under 1 GB).
TINY_RSS_MB = 1024


# The tiny-files case: this many one-sentence articles (issue 13: 2,000 such files took over
# 2 GB, 5,000 took 112 s and 5.4 GB).
TINY_N = 2000
TINY_WORDS = (
    "council minister bridge river harbour fire crews residents budget engineers report warned "
    "repairs traffic police inquiry union strike ferry island mayor port storm damage families "
    "officials hospital schools roads rail airport flights evacuation shelter volunteers"
).split()


def generate_tiny(directory: Path, n: int, seed: int) -> None:
    """n one-sentence articles (about 120 bytes each), every one different: a few story words,
    a number and a weekday, so that no two files are copies and the folder is one loose topic."""
    import random

    directory.mkdir(parents=True, exist_ok=True)
    for old in directory.glob("*.txt"):
        old.unlink()
    days = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
    for i in range(n):
        rng = random.Random(f"{seed}-tiny-{i}")
        picked = rng.sample(TINY_WORDS, 6)
        sentence = (
            f"The {picked[0]} said on {rng.choice(days)} that {rng.randint(2, 900)} {picked[1]} "
            f"and {picked[2]} near the {picked[3]} were hit by the {picked[4]} {picked[5]}.\n"
        )
        (directory / f"tiny_{i:05d}.txt").write_text(sentence, encoding="utf-8")


@dataclass
class Run:
    """One subprocess: its command, wall seconds, peak RSS and exit status."""

    argv: list[str]
    seconds: float
    peak_rss_mb: float
    returncode: int
    timed_out: bool = False
    stderr_tail: str = ""
    stdout: str = ""

    @property
    def ok(self) -> bool:
        return self.returncode == 0 and not self.timed_out

    @property
    def status(self) -> str:
        if self.timed_out:
            return "timeout"
        return "ok" if self.returncode == 0 else f"exit {self.returncode}"


@dataclass
class Repeated:
    """Several runs of the same command; the figure reported is the median."""

    runs: list[Run] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.runs) and all(r.ok for r in self.runs)

    @property
    def status(self) -> str:
        bad = [r for r in self.runs if not r.ok]
        return bad[0].status if bad else "ok"

    @property
    def seconds(self) -> float:
        return statistics.median(r.seconds for r in self.runs)

    @property
    def peak_rss_mb(self) -> float:
        return max(r.peak_rss_mb for r in self.runs)


@dataclass
class PlainCheckResult:
    """What bench/plain_check.py prints (see there)."""

    articles: int
    pairs_total: int
    pairs_done: int
    elapsed_seconds: float
    seconds: float
    extrapolated: bool


@dataclass
class CheckBench:
    """`compare check` beside `matrix`: per size the check run and the plain baseline, and the
    tiny-files folder under both commands."""

    checks: dict[int, Run] = field(default_factory=dict)
    plain: dict[int, PlainCheckResult | None] = field(default_factory=dict)
    tiny_files: int = 0
    tiny_matrix: Run | None = None
    tiny_check: Run | None = None


def finished_check(run: Run) -> Run:
    """`compare check` exits 1 when a check fails, which the synthetic clusters (variations of
    five seeds, so near-copies) always do: that is a finished run, not a failed one."""
    if run.returncode == 1 and not run.timed_out:
        run.returncode = 0
    return run


@dataclass
class DifflibResult:
    """What bench/naive.py prints (see there)."""

    articles: int
    sentences: int
    pairs_total: int
    pairs_done: int
    matches: int
    elapsed_seconds: float
    seconds: float
    extrapolated: bool


@dataclass
class Target:
    name: str
    verdict: str  # PASS, FAIL or SKIP
    detail: str


def _maxrss_mb(ru_maxrss: int) -> float:
    # Linux reports kilobytes, macOS bytes.
    divisor = 1024 * 1024 if sys.platform == "darwin" else 1024
    return ru_maxrss / divisor


def measure(argv: Sequence[str], cwd: Path, timeout: float | None = None) -> Run:
    """Run ``argv`` once in ``cwd``; return its wall time and its own peak RSS.

    The command runs under bench/wrap.py, a fresh minimal interpreter that
    spawns it, reaps it with ``os.wait4`` and reports that one child's
    rusage, so the figure is neither a running maximum over every child the
    benchmark has started nor floored at this process's own peak RSS.
    """
    with (
        tempfile.TemporaryDirectory(prefix="compare-bench-") as tmp,
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
    ):
        result_file = Path(tmp) / "result.json"
        wrapper = [sys.executable, "-I", "-S", str(BENCH_DIR / "wrap.py")]
        wrapper += [str(result_file), str(timeout or 0), *argv]
        proc = subprocess.run(wrapper, cwd=cwd, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
        if proc.returncode != 0 or not result_file.exists():
            raise RuntimeError(f"bench/wrap.py failed ({proc.returncode}): {stderr.strip()}")
        result = json.loads(result_file.read_text(encoding="utf-8"))
    return Run(
        argv=list(argv),
        seconds=float(result["seconds"]),
        peak_rss_mb=_maxrss_mb(int(result["maxrss"])),
        returncode=int(result["returncode"]),
        timed_out=bool(result["timed_out"]),
        stderr_tail="\n".join(stderr.strip().splitlines()[-5:]),
        stdout=stdout,
    )


def measure_repeated(argv: Sequence[str], cwd: Path, repeats: int, timeout: float) -> Repeated:
    result = Repeated()
    for _ in range(repeats):
        run = measure(argv, cwd, timeout)
        result.runs.append(run)
        if not run.ok:
            break
    return result


def list_articles(directory: Path) -> list[Path]:
    return sorted(p for p in directory.iterdir() if p.suffix in ARTICLE_SUFFIXES)


def parse_sizes(text: str) -> list[int]:
    try:
        sizes = sorted({int(part) for part in text.split(",") if part.strip()})
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"bad size list {text!r}") from exc
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("sizes must be positive integers")
    return sizes


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def check_targets(
    sizes: dict[int, Run],
    seeds: Repeated,
    help_: Repeated,
    difflib: DifflibResult | None,
    bench: CheckBench | None = None,
) -> list[Target]:
    targets: list[Target] = []

    def size_target(name: str, n: int, limit: float) -> None:
        run = sizes.get(n)
        if run is None:
            targets.append(Target(name, "SKIP", f"N={n} not run"))
        elif not run.ok:
            targets.append(Target(name, "FAIL", f"compare {run.status}"))
        else:
            targets.append(Target(name, _verdict(run.seconds < limit), f"{run.seconds:.2f} s"))

    # 1. At least 20x faster than difflib on 50 articles.
    name = f"N={DIFFLIB_N}: >= 20x faster than difflib"
    run50 = sizes.get(DIFFLIB_N)
    if difflib is None:
        targets.append(Target(name, "SKIP", "difflib baseline not run"))
    elif run50 is None:
        targets.append(Target(name, "SKIP", f"N={DIFFLIB_N} not run"))
    elif not run50.ok:
        targets.append(Target(name, "FAIL", f"compare {run50.status}"))
    else:
        speedup = difflib.seconds / run50.seconds
        note = " (difflib extrapolated)" if difflib.extrapolated else ""
        targets.append(Target(name, _verdict(speedup >= 20), f"{speedup:.1f}x{note}"))

    # 2. 400 articles under a minute.
    size_target("N=400: under 60 s", 400, 60.0)

    # 3. Growth from 100 to 400 articles at most 5x (roughly n log n, not n^2).
    name = "time(400) <= 5 x time(100)"
    r100, r400 = sizes.get(100), sizes.get(400)
    if r100 is None or r400 is None:
        targets.append(Target(name, "SKIP", "needs N=100 and N=400"))
    elif not (r100.ok and r400.ok):
        targets.append(Target(name, "FAIL", "a compare run failed"))
    else:
        ratio = r400.seconds / r100.seconds
        targets.append(Target(name, _verdict(ratio <= 5.0), f"ratio {ratio:.2f}"))

    # 4. 1000 articles under 3 minutes and under 2 GB.
    size_target("N=1000: under 180 s", 1000, 180.0)
    name = "N=1000: peak RSS under 2 GB"
    r1000 = sizes.get(1000)
    if r1000 is None:
        targets.append(Target(name, "SKIP", "N=1000 not run"))
    elif not r1000.ok:
        targets.append(Target(name, "FAIL", f"compare {r1000.status}"))
    else:
        targets.append(
            Target(name, _verdict(r1000.peak_rss_mb < 2048), f"{r1000.peak_rss_mb:.0f} MB")
        )

    # 5. The five seeds under a second; 6. --help under 0.3 s.
    for name, rep, limit in (
        ("seeds: under 1 s", seeds, 1.0),
        ("--help: under 0.3 s", help_, 0.3),
    ):
        if not rep.ok:
            targets.append(Target(name, "FAIL", f"command {rep.status}"))
        else:
            targets.append(
                Target(name, _verdict(rep.seconds < limit), f"{rep.seconds:.3f} s (median)")
            )
    if bench is not None:
        targets += check_bench_targets(sizes, bench)
    return targets


def check_bench_targets(sizes: dict[int, Run], bench: CheckBench) -> list[Target]:
    """check N=1000 within 2x matrix N=1000; the tiny-files folder under 1 GB for both commands."""
    targets: list[Target] = []
    name = "check N=1000 <= 2 x matrix N=1000"
    check, matrix = bench.checks.get(1000), sizes.get(1000)
    if check is None or matrix is None:
        targets.append(Target(name, "SKIP", "needs matrix and check at N=1000"))
    elif not (check.ok and matrix.ok):
        targets.append(Target(name, "FAIL", "a compare run failed"))
    else:
        ratio = check.seconds / matrix.seconds
        targets.append(Target(name, _verdict(ratio <= 2.0), f"ratio {ratio:.2f}"))
    for command, run in (("check", bench.tiny_check), ("matrix", bench.tiny_matrix)):
        name = f"tiny x{bench.tiny_files}: {command} peak RSS under 1 GB"
        if run is None:
            targets.append(Target(name, "SKIP", "tiny-files case not run"))
        elif not run.ok:
            targets.append(Target(name, "FAIL", f"compare {run.status}"))
        else:
            ok = run.peak_rss_mb < TINY_RSS_MB
            targets.append(Target(name, _verdict(ok), f"{run.peak_rss_mb:.0f} MB, {run.seconds:.1f} s"))
    return targets


def render_check_bench(sizes: dict[int, Run], bench: CheckBench) -> list[str]:
    """Rows for `check` beside `matrix`, the plain baseline, and the tiny-files case."""
    lines = []
    for n, run in bench.checks.items():
        matrix = sizes.get(n)
        versus = f" ({run.seconds / matrix.seconds:.2f}x matrix N={n})" if matrix and matrix.ok else ""
        lines.append(
            f"{'check N=' + str(n):<22}{n:>7}{run.seconds:>11.2f}{run.peak_rss_mb:>14.1f}"
            f"{'-':>12}  {run.status}{versus}"
        )
        plain = bench.plain.get(n)
        if plain is not None:
            mark = "*" if plain.extrapolated else ""
            speed = f"{plain.seconds / run.seconds:.1f}x" if run.ok and run.seconds else "-"
            lines.append(
                f"{'plain check N=' + str(n):<22}{plain.articles:>7}{plain.seconds:>10.2f}{mark:1}"
                f"{'-':>14}{'-':>12}  pairwise, keys per pair: check is {speed} faster"
            )
    for command, tiny in (("matrix", bench.tiny_matrix), ("check", bench.tiny_check)):
        if tiny is not None:
            label = f"{command} tiny x{bench.tiny_files}"
            lines.append(
                f"{label:<22}{bench.tiny_files:>7}{tiny.seconds:>11.2f}{tiny.peak_rss_mb:>14.1f}"
                f"{'-':>12}  {tiny.status}"
            )
    if any(p is not None and p.extrapolated for p in bench.plain.values()):
        lines.append("  * plain check stopped at its time limit; total extrapolated from the pairs done")
    return lines


def render(
    compare_cmd: Sequence[str],
    sizes: dict[int, Run],
    seeds: Repeated,
    help_: Repeated,
    difflib_run: Run | None,
    difflib: DifflibResult | None,
    targets: list[Target],
    seed_files: int,
    bench: CheckBench | None = None,
) -> str:
    lines = [
        f"compare benchmark - python {platform.python_version()} on {platform.machine()}, "
        f"{os.cpu_count()} CPUs",
        f"command: {shlex.join(compare_cmd)} matrix DIR --format json --output /dev/null",
        "",
        f"{'run':<22}{'files':>7}{'seconds':>11}{'peak RSS MB':>14}{'vs difflib':>12}  status",
    ]
    diff_seconds = difflib.seconds if difflib else None
    for n, run in sizes.items():
        speedup = "-"
        if n == DIFFLIB_N and diff_seconds is not None and run.ok and run.seconds > 0:
            speedup = f"{diff_seconds / run.seconds:.1f}x"
        lines.append(
            f"{'matrix N=' + str(n):<22}{n:>7}{run.seconds:>11.2f}{run.peak_rss_mb:>14.1f}"
            f"{speedup:>12}  {run.status}"
        )
    if difflib_run is not None:
        if difflib is not None:
            mark = "*" if difflib.extrapolated else ""
            seconds = f"{difflib.seconds:.2f}{mark}"
            files = str(difflib.articles)
        else:
            seconds, files = f"{difflib_run.seconds:.2f}", "?"
        lines.append(
            f"{'difflib N=' + str(DIFFLIB_N):<22}{files:>7}{seconds:>11}"
            f"{difflib_run.peak_rss_mb:>14.1f}{'1.0x':>12}  {difflib_run.status}"
        )
    if bench is not None:
        lines += render_check_bench(sizes, bench)
    lines.append(
        f"{'matrix seeds':<22}{seed_files:>7}{seeds.seconds:>11.3f}{seeds.peak_rss_mb:>14.1f}"
        f"{'-':>12}  {seeds.status} (median of {len(seeds.runs)})"
    )
    lines.append(
        f"{'--help':<22}{'-':>7}{help_.seconds:>11.3f}{help_.peak_rss_mb:>14.1f}"
        f"{'-':>12}  {help_.status} (median of {len(help_.runs)})"
    )
    lines.append("")

    if difflib is not None:
        lines.append(
            f"difflib baseline: {difflib.sentences} sentences, "
            f"{difflib.pairs_total:,} sentence pairs, "
            f"{difflib.matches:,} above 0.6"
            + (" in the pairs done" if difflib.extrapolated else "")
        )
        if difflib.extrapolated:
            done = difflib.pairs_done / max(1, difflib.pairs_total)
            lines.append(
                f"  * stopped after {difflib.elapsed_seconds:.1f} s with "
                f"{done:.1%} of pairs done; total time extrapolated linearly"
            )
    r100, r400 = sizes.get(100), sizes.get(400)
    if r100 and r400 and r100.ok and r400.ok:
        lines.append(f"growth time(400)/time(100): {r400.seconds / r100.seconds:.2f}")
    else:
        lines.append("growth time(400)/time(100): n/a")
    lines.append("")

    failures = [
        (label, run) for label, run in _all_runs(sizes, seeds, help_, difflib_run) if not run.ok
    ]
    for label, run in failures:
        lines.append(f"{label} failed ({run.status}): {shlex.join(run.argv)}")
        for err_line in run.stderr_tail.splitlines():
            lines.append(f"    {err_line}")
    if failures:
        lines.append("")

    lines.append("targets")
    width = max(len(t.name) for t in targets)
    for t in targets:
        lines.append(f"  {t.verdict:<5} {t.name:<{width}}  {t.detail}")
    return "\n".join(lines)


def render_model(model: str, lexical: dict[int, Run], embedded: dict[int, Run]) -> str:
    """The embedding path beside the lexical one, size by size (same clusters, same run)."""
    lines = [f"matrix --model {model} (embedding link model) against the lexical default:"]
    for n, run in embedded.items():
        plain = lexical[n]
        lines.append(
            f"  N={n:>5}: {run.seconds:7.2f} s ({run.seconds / plain.seconds:4.1f}x lexical), "
            f"peak RSS {run.peak_rss_mb:7.1f} MB (lexical {plain.peak_rss_mb:.1f} MB), {run.status}"
        )
    ns = sorted(embedded)
    if len(ns) >= 2 and all(embedded[n].ok for n in ns):
        growth = embedded[ns[-1]].seconds / embedded[ns[0]].seconds
        lines.append(f"  growth N={ns[0]} -> N={ns[-1]}: {growth:.2f}x")
    return "\n".join(lines)


def _all_runs(
    sizes: dict[int, Run], seeds: Repeated, help_: Repeated, difflib_run: Run | None
) -> list[tuple[str, Run]]:
    runs = [(f"matrix N={n}", r) for n, r in sizes.items()]
    runs += [("matrix seeds", r) for r in seeds.runs[-1:]]
    runs += [("--help", r) for r in help_.runs[-1:]]
    if difflib_run is not None:
        runs.append((f"difflib N={DIFFLIB_N}", difflib_run))
    return runs


def run_check_bench(
    args: argparse.Namespace,
    sizes: list[int],
    clusters: dict[int, Path],
    size_runs: dict[int, Run],
    compare_cmd: list[str],
) -> CheckBench:
    """Time `compare check` at CHECK_SIZES (those run), the plain baseline on the same folders,
    and matrix and check on a folder of tiny one-sentence files."""
    bench = CheckBench()
    for n in sizes:
        if n not in CHECK_SIZES:
            continue
        log(f"timing check N={n} ...")
        argv = [*compare_cmd, "check", str(clusters[n]), "--format", "json", "--output", os.devnull]
        bench.checks[n] = finished_check(measure(argv, REPO_ROOT, args.timeout))
        log(f"  {bench.checks[n].seconds:.2f} s, {bench.checks[n].status}")
        log(f"timing plain check N={n} (limit {args.plain_limit:.0f} s) ...")
        plain_argv = [sys.executable, str(BENCH_DIR / "plain_check.py"), str(clusters[n])]
        plain_run = measure([*plain_argv, "--limit", str(args.plain_limit)], REPO_ROOT, None)
        bench.plain[n] = PlainCheckResult(**json.loads(plain_run.stdout)) if plain_run.ok else None
    if args.tiny > 0:
        tiny_dir = args.workdir.resolve() / f"tiny-{args.tiny}"
        generate_tiny(tiny_dir, args.tiny, args.seed)
        bench.tiny_files = args.tiny
        log(f"timing matrix and check on {args.tiny} tiny files ...")
        matrix_argv = [*compare_cmd, "matrix", str(tiny_dir), "--format", "json", "--output", os.devnull]
        bench.tiny_matrix = measure(matrix_argv, REPO_ROOT, args.timeout)
        check_argv = [*compare_cmd, "check", str(tiny_dir), "--format", "json", "--output", os.devnull]
        bench.tiny_check = finished_check(measure(check_argv, REPO_ROOT, args.timeout))
    return bench


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Benchmark `compare matrix` on synthetic article clusters."
    )
    parser.add_argument(
        "--sizes",
        type=parse_sizes,
        default=None,
        help="comma-separated cluster sizes (default 50,100,400,1000)",
    )
    parser.add_argument("--quick", action="store_true", help="sizes 50,100 only")
    parser.add_argument(
        "--compare-cmd",
        default=None,
        help='command that runs compare, shell-quoted (default: "<this python> -m compare")',
    )
    parser.add_argument(
        "--difflib-limit",
        type=float,
        default=600.0,
        metavar="SECONDS",
        help="stop the difflib baseline after this long and extrapolate (default 600)",
    )
    parser.add_argument("--no-difflib", action="store_true", help="skip the difflib baseline")
    parser.add_argument(
        "--no-check", action="store_true", help="skip `compare check` and its plain baseline"
    )
    parser.add_argument(
        "--plain-limit",
        type=float,
        default=300.0,
        metavar="SECONDS",
        help="stop the plain check baseline after this long and extrapolate (default 300)",
    )
    parser.add_argument(
        "--tiny",
        type=int,
        default=TINY_N,
        metavar="N",
        help=f"one-sentence files for the tiny-files case (default {TINY_N}; 0 skips it)",
    )
    parser.add_argument(
        "--repeats", type=int, default=5, help="runs for the seeds and --help medians (default 5)"
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=900.0,
        metavar="SECONDS",
        help="kill any single compare run after this long (default 900)",
    )
    parser.add_argument(
        "--workdir",
        type=Path,
        default=BENCH_DIR / "out",
        help="where the synthetic clusters go (default bench/out, git-ignored)",
    )
    parser.add_argument(
        "--model",
        default=None,
        metavar="NAME",
        help="also time `matrix --model NAME` (the embed extra) at each size, beside the lexical run",
    )
    parser.add_argument("--seeds", type=Path, default=REPO_ROOT / "seeds")
    parser.add_argument("--seed", type=int, default=0, help="generator seed (default 0)")
    parser.add_argument(
        "--json", type=Path, default=None, metavar="FILE", help="also write the figures as JSON"
    )
    args = parser.parse_args(argv)
    if args.repeats < 1:
        parser.error("--repeats must be at least 1")

    sizes: list[int] = args.sizes or list(QUICK_SIZES if args.quick else DEFAULT_SIZES)
    compare_cmd = (
        shlex.split(args.compare_cmd) if args.compare_cmd else [sys.executable, "-m", "compare"]
    )
    seeds_dir: Path = args.seeds.resolve()
    workdir: Path = args.workdir.resolve()

    clusters: dict[int, Path] = {}
    for n in sorted(set(sizes) | ({DIFFLIB_N} if not args.no_difflib else set())):
        path = workdir / f"cluster-{n}"
        generate_cluster(seeds_dir, path, n, args.seed)
        clusters[n] = path
        log(f"generated {n} articles in {path}")

    def matrix_argv(directory: Path) -> list[str]:
        return [*compare_cmd, "matrix", str(directory), "--format", "json", "--output", os.devnull]

    log("timing --help ...")
    help_ = measure_repeated([*compare_cmd, "--help"], REPO_ROOT, args.repeats, args.timeout)
    log("timing seeds ...")
    seeds = measure_repeated(matrix_argv(seeds_dir), REPO_ROOT, args.repeats, args.timeout)

    size_runs: dict[int, Run] = {}
    for n in sizes:
        log(f"timing N={n} ...")
        size_runs[n] = measure(matrix_argv(clusters[n]), REPO_ROOT, args.timeout)
        log(f"  {size_runs[n].seconds:.2f} s, {size_runs[n].status}")

    difflib_run: Run | None = None
    difflib: DifflibResult | None = None
    if not args.no_difflib:
        log(f"timing difflib baseline on N={DIFFLIB_N} (limit {args.difflib_limit:.0f} s) ...")
        difflib_run = measure(
            [
                sys.executable,
                str(BENCH_DIR / "naive.py"),
                str(clusters[DIFFLIB_N]),
                "--limit",
                str(args.difflib_limit),
            ],
            REPO_ROOT,
            None,
        )
        if difflib_run.ok:
            difflib = DifflibResult(**json.loads(difflib_run.stdout))

    bench = None if args.no_check else run_check_bench(args, sizes, clusters, size_runs, compare_cmd)
    targets = check_targets(size_runs, seeds, help_, difflib, bench)
    print(
        render(
            compare_cmd,
            size_runs,
            seeds,
            help_,
            difflib_run,
            difflib,
            targets,
            len(list_articles(seeds_dir)),
            bench,
        )
    )

    model_runs: dict[int, Run] = {}
    if args.model:
        for n in sizes:
            log(f"timing N={n} with --model {args.model} ...")
            argv_model = [*matrix_argv(clusters[n]), "--model", args.model]
            model_runs[n] = measure(argv_model, REPO_ROOT, args.timeout)
        print(render_model(args.model, size_runs, model_runs))

    if args.json:
        report = {
            "python": platform.python_version(),
            "machine": platform.machine(),
            "cpus": os.cpu_count(),
            "compare_cmd": compare_cmd,
            "generator_seed": args.seed,
            "sizes": {
                str(n): {k: v for k, v in asdict(r).items() if k != "stdout"}
                for n, r in size_runs.items()
            },
            "seeds": {
                "median_seconds": seeds.seconds,
                "peak_rss_mb": seeds.peak_rss_mb,
                "runs": [r.seconds for r in seeds.runs],
                "status": seeds.status,
            },
            "help": {
                "median_seconds": help_.seconds,
                "peak_rss_mb": help_.peak_rss_mb,
                "runs": [r.seconds for r in help_.runs],
                "status": help_.status,
            },
            "difflib": None
            if difflib_run is None
            else {
                **(asdict(difflib) if difflib else {}),
                "peak_rss_mb": difflib_run.peak_rss_mb,
                "status": difflib_run.status,
            },
            "check": None
            if bench is None
            else {
                "sizes": {str(n): {k: v for k, v in asdict(r).items() if k != "stdout"}
                          for n, r in bench.checks.items()},
                "plain": {str(n): asdict(p) if p else None for n, p in bench.plain.items()},
                "tiny_files": bench.tiny_files,
                "tiny_matrix": asdict(bench.tiny_matrix) if bench.tiny_matrix else None,
                "tiny_check": asdict(bench.tiny_check) if bench.tiny_check else None,
            },
            "targets": [asdict(t) for t in targets],
        }
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        log(f"wrote {args.json}")

    return 1 if any(t.verdict == "FAIL" for t in targets) else 0


if __name__ == "__main__":
    raise SystemExit(main())
