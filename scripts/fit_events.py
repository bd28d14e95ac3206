"""Fit the event-clustering constants of compare/events.py on generated mixtures.

Training data: `bench/mixtures.py` with generator seeds 100-104 (never the seeds the tests use,
and none of the repository's real events). For every pair of articles of a mixture it computes
the parts of the pair score (name, figure and word similarity, days apart), then sweeps the
shares, the merge score and the date half-life, clustering each mixture by average linkage over
all pairs (scipy), and keeps the setting with the best mean B-cubed F1 (ties: the smaller merge
score, then the larger name share). Finally it runs compare.events.cluster itself, with the fitted
values, on the training mixtures and reports its F1 and the blocking's candidate recall.

    PYTHONPATH=. python scripts/fit_events.py            # about a minute
    PYTHONPATH=. python scripts/fit_events.py --quick    # two mixtures, coarse grid

Needs numpy and scipy (`pip install numpy scipy`; not dependencies of compare).
"""

from __future__ import annotations

import argparse
import itertools
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from mixtures import bcubed_f1, write_mixture

from compare import events
from compare.pipeline import load_articles

TRAIN_SEEDS = (100, 101, 102, 103, 104)
TRAIN_EVENTS = 80
# A prior, not fitted: the generated articles repeat their event's figures far more faithfully
# than outlets do (real copy spells numbers out, rounds them, updates a toll, or gives none), so
# left free the fit leans on figures (0.5) and then misses real events whose articles share no
# figure at all. Figures may at most add this share.
MAX_FIGURE_SHARE = 0.2


class Mixture:
    """One training mixture: articles, gold labels and the pair features as arrays."""

    def __init__(self, folder: Path, seed: int) -> None:
        labels = write_mixture(folder, TRAIN_EVENTS, seed)
        self.articles = load_articles([str(folder)])
        self.names = [Path(a.path).name for a in self.articles]
        self.gold = {n: labels[n] for n in self.names}
        self.profiles = [events.profile(a) for a in self.articles]
        scorer = events.Scorer(self.profiles)
        n = len(self.profiles)
        self.pairs = [(i, j) for i in range(n) for j in range(i + 1, n)]
        parts = [scorer.features(i, j) for i, j in self.pairs]
        self.names_sim = np.array([p[0] for p in parts])
        self.figures_sim = np.array([p[1] for p in parts])
        self.terms_sim = np.array([p[2] for p in parts])
        self.gap = np.array([-1 if p[3] is None else p[3] for p in parts], dtype=float)
        self.scorer = scorer

    def f1(self, name: float, figure: float, merge: float, grace: int, half_life: float) -> float:
        score = name * self.names_sim + figure * self.figures_sim + (1 - name - figure) * self.terms_sim
        over = np.maximum(self.gap - grace, 0)
        factor = np.where(self.gap < 0, 1.0, 0.5 ** (over / half_life))
        distance = 1 - np.clip(score * factor, 0, 1)
        clusters = fcluster(linkage(distance, method="average"), t=1 - merge, criterion="distance")
        return bcubed_f1(dict(zip(self.names, clusters, strict=True)), self.gold)


def sweep(mixtures: Sequence[Mixture], quick: bool) -> tuple[float, tuple[float, float, float, int, float]]:
    step = 0.2 if quick else 0.1
    shares = [round(x * step, 2) for x in range(1, round(1 / step))]
    merges = [round(0.1 + 0.025 * k, 3) for k in range(15)]
    half_lives = (3.0, 5.0, 7.0, 10.0, 14.0)
    best: tuple[float, tuple[float, float, float, int, float]] = (-1.0, (0, 0, 0, 0, 0))
    for name, figure in itertools.product(shares, shares):
        if name + figure > 0.9 + 1e-9 or figure > MAX_FIGURE_SHARE + 1e-9:
            continue
        for merge, half_life in itertools.product(merges, half_lives):
            setting = (name, figure, merge, events.DATE_GRACE_DAYS, half_life)
            f1 = sum(m.f1(*setting) for m in mixtures) / len(mixtures)
            if f1 > best[0] + 1e-9 or (
                abs(f1 - best[0]) <= 1e-9 and (merge, -name) < (best[1][2], -best[1][0])
            ):
                best = (f1, setting)
    return best


def check_library(mixtures: Sequence[Mixture]) -> None:
    """Run the real clustering (blocking + average linkage) with the constants as set."""
    for m in mixtures:
        clusters = events.cluster(m.profiles)
        pred = {m.names[i]: k for k, group in enumerate(clusters) for i in group}
        candidates = set(events.candidate_pairs(m.scorer))
        same = [(i, j) for i, j in m.pairs if m.gold[m.names[i]] == m.gold[m.names[j]]]
        recall = sum(1 for p in same if p in candidates) / max(len(same), 1)
        print(
            f"  {len(m.names)} articles: B-cubed F1 {bcubed_f1(pred, m.gold):.3f}, "
            f"{len(candidates)} candidate pairs of {len(m.pairs)}, candidate recall {recall:.3f}"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    seeds = TRAIN_SEEDS[:2] if args.quick else TRAIN_SEEDS
    with tempfile.TemporaryDirectory() as tmp:
        mixtures = [Mixture(Path(tmp) / f"mix{s}", s) for s in seeds]
    print(f"training mixtures: seeds {seeds}, {sum(len(m.names) for m in mixtures)} articles")
    print("current constants:")
    check_library(mixtures)
    f1, (name, figure, merge, _, half_life) = sweep(mixtures, args.quick)
    print(f"best (all-pairs average linkage): mean B-cubed F1 {f1:.4f}")
    print(f"  NAME_SHARE = {name}\n  FIGURE_SHARE = {figure}\n  TERM_SHARE = {round(1 - name - figure, 2)}")
    print(f"  MERGE_SCORE = {merge}\n  DATE_HALF_LIFE_DAYS = {half_life:g}")
    events.NAME_SHARE, events.FIGURE_SHARE, events.TERM_SHARE = name, figure, round(1 - name - figure, 2)
    events.MERGE_SCORE, events.DATE_HALF_LIFE_DAYS = merge, int(half_life)
    for m in mixtures:
        m.scorer = events.Scorer(m.profiles)
    print("compare.events.cluster with these values:")
    check_library(mixtures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
