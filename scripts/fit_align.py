#!/usr/bin/env python3
"""Fit TEXT_LINK, the wording threshold of paragraph alignment (compare/align.py), on the
paragraph pairs of the visible gold events, validated leaving one event out.

Why a fitted threshold: paragraph alignment has a second source of links beside the claim links,
the IDF-weighted overlap of two paragraphs' whole wording (`compare.align.paragraph_similarities`),
kept when each paragraph is among the other's closest in its article (`compare.align.text_links`).
Below some overlap, "closest" is only the least unlike: this script finds where.

Pairs: every pair that `text_links` keeps at threshold 0, in the matrix setting (IDF over all the
event's paragraphs) and in the diff setting (IDF over two articles), is labelled when the gold
says something about it:
- same: the gold lists the two paragraphs as aligned, or both state one gold fact (a fact row of
  kind other than entity whose patterns match both paragraphs, stated by both articles: a person
  named in both is not one thing reported in both);
- not: one side is a paragraph the gold says must align with nothing, or both paragraphs state
  gold facts and share none.
Pairs the gold says nothing about are left out. The threshold maximises F1 over the pairs of the
training events (ties go to the higher threshold: fewer links); the figures below are printed for
each held-out event, then the threshold is fitted on all four.

    python scripts/fit_align.py

Deterministic: the same code and data print the same figures.
"""

from __future__ import annotations

import itertools
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from gold_events import article_ids, figures, fitted_events, leave_one_event_out  # noqa: E402

import compare.align as align  # noqa: E402
from compare.model import Article  # noqa: E402
from compare.pipeline import find_facts, load_articles  # noqa: E402

# The visible gold events: (name, gold file, article folder).
EVENTS = fitted_events()

Node = tuple[str, int]


@dataclass(frozen=True)
class Pair:
    event: str
    score: float
    same: bool


_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).translate(_QUOTES).split()).lower()


def _paragraph(article: Article, prefix: str) -> int | None:
    """The paragraph a gold prefix names (as the project's scorer finds it)."""
    wanted = _norm(prefix)
    for p in article.paragraphs:
        text = _norm(p.text)
        if text.startswith(wanted) or wanted in text[: len(wanted) + 40]:
            return p.index
    return None


def _labels(
    gold: dict[str, Any], articles: list[Article]
) -> tuple[set[frozenset[Node]], set[Node], dict[Node, set[str]]]:
    """Gold aligned pairs, paragraphs that must align with nothing, and each paragraph's facts."""
    by_id = {a.id: a for a in articles}
    ids = article_ids(gold, list(by_id))

    def node(ref: str) -> Node | None:
        short, prefix = ref.split(": ", 1)
        aid = ids[short]
        index = _paragraph(by_id[aid], prefix)
        return None if index is None else (aid, index)

    aligned = set()
    for x, y in gold.get("aligned") or []:
        nx, ny = node(x), node(y)
        if nx is not None and ny is not None:
            aligned.add(frozenset((nx, ny)))
    alone = {n for x, _ in gold.get("not_aligned") or [] if (n := node(x)) is not None}
    facts: dict[Node, set[str]] = {}
    for fact in gold["facts"]:
        if fact.get("kind") == "entity":
            continue
        patterns = [re.compile(p, re.I) for p in fact["match"]]
        for short, status in (fact.get("in") or {}).items():
            if status != "stated":
                continue
            aid = ids[str(short)]
            for p in by_id[aid].paragraphs:
                if any(pat.search(p.text) for pat in patterns):
                    facts.setdefault((aid, p.index), set()).add(fact["id"])
    return aligned, alone, facts


def _kept(articles: list[Article]) -> dict[tuple[Node, Node], float]:
    """The pairs `compare.align.text_links` keeps with TEXT_LINK at 0 (keeping at a threshold t
    is keeping these with a score of at least t: a pair's rank only depends on higher scores)."""
    _facts, linked = find_facts(articles)
    confirmed = align.claim_paragraph_links(linked, align.ALIGN_SHARE * linked.threshold)
    saved = align.TEXT_LINK
    align.TEXT_LINK = 0.0
    try:
        return align.text_links(articles, confirmed)
    finally:
        align.TEXT_LINK = saved


def event_pairs(name: str, gold_path: Path, folder: Path) -> list[Pair]:
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    articles = list(load_articles([str(folder)]))
    aligned, alone, facts = _labels(gold, articles)
    settings = [articles] + [list(two) for two in itertools.combinations(articles, 2)]
    pairs = []
    for setting in settings:
        for (x, y), score in sorted(_kept(setting).items()):
            if frozenset((x, y)) in aligned:
                same = True
            elif x in alone or y in alone:
                same = False
            elif x in facts and y in facts:
                same = bool(facts[x] & facts[y])
            else:
                continue
            pairs.append(Pair(name, score, same))
    return pairs


def best_threshold(pairs: list[Pair]) -> float:
    """The threshold (a midpoint between two observed scores, rounded to 2 places) with the best
    F1; ties go to the higher threshold (fewer links)."""
    scores = sorted({round(p.score, 4) for p in pairs})
    candidates = sorted({round((a + b) / 2, 2) for a, b in itertools.pairwise(scores)}) or [0.1]
    return max(candidates, key=lambda t: (round(figures(pairs, t)["f1"], 6), t))


def main() -> int:
    by_event = {name: event_pairs(name, gold, folder) for name, gold, folder in EVENTS}
    print("TEXT_LINK, leave one event out (fitted on the other events):")
    t = leave_one_event_out(by_event, best_threshold, digits=2)
    print(f"TEXT_LINK = {t}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
