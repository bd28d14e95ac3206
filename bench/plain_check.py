"""The plain baseline for `compare check`: every pair of articles, keys recomputed per pair.

This is how `compare check` found copies and off-topic articles before issue 13: for each pair
of articles, fold both articles' sentences again and look each sentence of the shorter up in the
other (rapidfuzz extractOne), and score each ordered pair's IDF vectors with
`text.overlap_score`. It reads the articles with compare's own reader, so the difference to
`compare check` is the pairing alone.

Prints one JSON object on stdout (``seconds``, ``extrapolated``, ``pairs_total``,
``pairs_done``). With ``--limit SECONDS`` it stops once that much time has passed and
extrapolates the total time from the share of pairs done (the pairs all cost about the same).

    python bench/plain_check.py bench/out/cluster-100 --limit 300
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from rapidfuzz import fuzz, process

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the source tree, as -m compare
from compare.check import read_articles
from compare.model import Article
from compare.read import article_paths
from compare.text import Weights, content_stems, overlap_score, words


def _keys(article: Article) -> list[str]:
    return [k for k in (" ".join(words(s.text)) for s in article.sentences) if k]


def _copy_pair(a: Article, b: Article) -> int:
    ka, kb = _keys(a), _keys(b)  # recomputed for every pair, as the old check did
    if sum(map(len, ka)) > sum(map(len, kb)):
        ka, kb = kb, ka
    return sum(1 for k in ka if process.extractOne(k, kb, scorer=fuzz.ratio, score_cutoff=90.0))


def run(directory: Path, limit: float | None) -> dict[str, object]:
    start = time.perf_counter()
    articles, _ = read_articles(article_paths([str(directory)]), {})
    n = len(articles)
    weights = Weights(content_stems(p.text) for a in articles for p in a.paragraphs)
    vectors = [weights.vector(s for p in a.paragraphs for s in content_stems(p.text)) for a in articles]
    total = n * (n - 1) // 2
    done = 0
    stopped = False
    for i in range(n):
        for j in range(i + 1, n):
            _copy_pair(articles[i], articles[j])
            overlap_score(vectors[i], vectors[j])
            overlap_score(vectors[j], vectors[i])  # the old loop scored each ordered pair
            done += 1
            if limit is not None and done % 64 == 0 and time.perf_counter() - start > limit:
                stopped = True
                break
        if stopped:
            break
    elapsed = time.perf_counter() - start
    seconds = elapsed * total / done if stopped and done else elapsed
    return {
        "articles": n,
        "pairs_total": total,
        "pairs_done": done,
        "elapsed_seconds": elapsed,
        "seconds": seconds,
        "extrapolated": stopped,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--limit", type=float, default=None, metavar="SECONDS")
    args = parser.parse_args(argv)
    print(json.dumps(run(args.directory, args.limit)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
