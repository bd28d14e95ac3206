"""The afternoon-script baseline: all-pairs sentence comparison with difflib.

Splits every article in a directory into sentences (naive regex), then
compares every sentence of every article with every sentence of every
*other* article using ``difflib.SequenceMatcher(None, a, b).ratio()`` and
counts the pairs scoring above 0.6.

Prints one JSON object on stdout.  With ``--limit SECONDS`` it stops once
that much time has passed and extrapolates the total time linearly from the
fraction of sentence pairs done (``"extrapolated": true``).

    python bench/naive.py bench/out/cluster-50 --limit 600
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import time
from collections.abc import Sequence
from pathlib import Path

ARTICLE_SUFFIXES = (".txt", ".md", ".html")
THRESHOLD = 0.6
_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+|\n+")


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_RE.split(text) if s.strip()]


def run(directory: Path, limit: float | None) -> dict[str, object]:
    start = time.perf_counter()
    files = sorted(p for p in directory.iterdir() if p.suffix in ARTICLE_SUFFIXES)
    docs = [sentences(p.read_text(encoding="utf-8")) for p in files]
    sizes = [len(d) for d in docs]
    total_sents = sum(sizes)
    # Sum over unordered article pairs (i < j) of |S_i| * |S_j|.
    pairs_total = (total_sents * total_sents - sum(s * s for s in sizes)) // 2

    pairs_done = 0
    matches = 0
    stopped = False
    for i in range(len(docs)):
        for j in range(i + 1, len(docs)):
            for a in docs[i]:
                for b in docs[j]:
                    if difflib.SequenceMatcher(None, a, b).ratio() > THRESHOLD:
                        matches += 1
            pairs_done += sizes[i] * sizes[j]
            if limit is not None and time.perf_counter() - start > limit:
                stopped = True
                break
        if stopped:
            break

    elapsed = time.perf_counter() - start
    fraction = pairs_done / pairs_total if pairs_total else 1.0
    extrapolated = stopped and pairs_done < pairs_total
    return {
        "articles": len(docs),
        "sentences": total_sents,
        "pairs_total": pairs_total,
        "pairs_done": pairs_done,
        "matches": matches,
        "elapsed_seconds": elapsed,
        "seconds": elapsed / fraction if extrapolated and fraction > 0 else elapsed,
        "extrapolated": extrapolated,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument(
        "--limit",
        type=float,
        default=None,
        metavar="SECONDS",
        help="stop after this long and extrapolate linearly",
    )
    args = parser.parse_args(argv)
    print(json.dumps(run(args.directory, args.limit)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
