"""Deterministic synthetic article clusters built from the seed articles.

Every synthetic article mixes paragraphs from the seeds, lightly reworded:
synonyms swapped from a small table, a sentence dropped or two swapped, a
number spelled the other way ("five" <-> "5"), paragraph order shuffled a
little, page furniture lines ("Advertisement", "Read more: ...") sprinkled
in and sometimes a bare title line on top.  About one file in eight is
Markdown (".md"), the rest plain text.

Article ``i`` depends only on ``(seed, i)`` and the seed files, so a cluster
of 100 is the cluster of 50 plus 50 more files, and regenerating the same
size gives byte-identical files.

Usable on its own::

    python bench/synth.py 50 bench/out/cluster-50
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ARTICLE_SUFFIXES = (".txt", ".md", ".html")

# Bidirectional: either side may be replaced by the other.
SYNONYMS: tuple[tuple[str, str], ...] = (
    ("said", "stated"),
    ("alliance", "bloc"),
    ("talks", "discussions"),
    ("allies", "partners"),
    ("plan", "proposal"),
    ("chief", "head"),
    ("meeting", "gathering"),
    ("weapons", "arms"),
    ("country", "nation"),
    ("reiterated", "repeated"),
    ("declined", "refused"),
    ("immediate", "instant"),
    ("journalists", "reporters"),
    ("support", "backing"),
)

NUMBER_WORDS: dict[str, str] = {
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "twenty": "20",
    "thirty-two": "32",
}

FURNITURE: tuple[str, ...] = (
    "Advertisement",
    "ADVERTISEMENT",
    "Sign up to our newsletter",
    "Share this article",
    "Share this article Comments",
    "Follow us on social media",
    "Read more: {headline}",
)

HEADLINES: tuple[str, ...] = (
    "Zelensky presents 'victory plan' to parliament",
    "NATO chief Rutte says Ukraine will join alliance 'in the future'",
    "Rutte: Zelensky plan will be 'on the table' at NATO talks",
    "Allies cool on immediate NATO invitation for Ukraine",
    "NATO defence ministers meet in Brussels",
    "Kremlin dismisses Zelensky's victory plan",
    "US announces new arms package for Kyiv",
)

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[\"“'A-Z])")
_MIN_PARAGRAPH_WORDS = 8


@dataclass(frozen=True)
class SeedPool:
    """Content paragraphs of each seed article, in their original order."""

    articles: tuple[tuple[str, ...], ...]

    @property
    def paragraph_count(self) -> int:
        return sum(len(a) for a in self.articles)


def load_seeds(seed_dir: Path) -> SeedPool:
    """Read every article file in ``seed_dir`` and split it into paragraphs.

    Paragraphs are split on blank lines and on single line breaks (some seeds
    put one paragraph per line).  Lines shorter than eight words (bylines,
    menus, furniture) and repeats are dropped.
    """
    files = sorted(p for p in seed_dir.iterdir() if p.suffix in ARTICLE_SUFFIXES)
    if not files:
        raise FileNotFoundError(f"no article files in {seed_dir}")
    seen: set[str] = set()
    articles: list[tuple[str, ...]] = []
    for path in files:
        paragraphs: list[str] = []
        for raw in path.read_text(encoding="utf-8").splitlines():
            line = " ".join(raw.split())
            if len(line.split()) < _MIN_PARAGRAPH_WORDS or line in seen:
                continue
            seen.add(line)
            paragraphs.append(line)
        if paragraphs:
            articles.append(tuple(paragraphs))
    return SeedPool(tuple(articles))


def _match_case(template: str, word: str) -> str:
    if template.isupper() and len(template) > 1:
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _build_synonym_map() -> dict[str, str]:
    table: dict[str, str] = {}
    for a, b in SYNONYMS:
        table[a] = b
        table[b] = a
    return table


_SYNONYM_MAP = _build_synonym_map()
_SYNONYM_RE = re.compile(
    r"\b(" + "|".join(sorted(_SYNONYM_MAP, key=len, reverse=True)) + r")\b", re.IGNORECASE
)
_DIGIT_TO_WORD = {v: k for k, v in NUMBER_WORDS.items()}
_NUMBER_RE = re.compile(
    r"\b("
    + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
    + r"|"
    + "|".join(sorted(_DIGIT_TO_WORD, key=len, reverse=True))
    + r")\b(?![.,]\d)(?!\s+(?:"
    + _MONTHS
    + r"))",
    re.IGNORECASE,
)


def swap_synonyms(text: str, rng: random.Random, rate: float) -> str:
    """Replace each word found in the synonym table with probability ``rate``."""

    def repl(m: re.Match[str]) -> str:
        word = m.group(0)
        if rng.random() >= rate:
            return word
        return _match_case(word, _SYNONYM_MAP[word.lower()])

    return _SYNONYM_RE.sub(repl, text)


def respell_numbers(text: str, rng: random.Random, rate: float) -> str:
    """Switch small numbers between words and digits ("five" <-> "5")."""

    def repl(m: re.Match[str]) -> str:
        token = m.group(0)
        if rng.random() >= rate:
            return token
        if token in _DIGIT_TO_WORD:
            return _DIGIT_TO_WORD[token]
        return NUMBER_WORDS[token.lower()]

    return _NUMBER_RE.sub(repl, text)


def split_sentences(paragraph: str) -> list[str]:
    return [s for s in _SENTENCE_SPLIT.split(paragraph) if s]


def edit_sentences(paragraph: str, rng: random.Random) -> str:
    """Sometimes drop one sentence or swap two neighbouring ones."""
    sentences = split_sentences(paragraph)
    if len(sentences) < 2:
        return paragraph
    roll = rng.random()
    if roll < 0.15:
        del sentences[rng.randrange(len(sentences))]
    elif roll < 0.25:
        k = rng.randrange(len(sentences) - 1)
        sentences[k], sentences[k + 1] = sentences[k + 1], sentences[k]
    return " ".join(sentences)


def _furniture_line(rng: random.Random) -> str:
    return rng.choice(FURNITURE).format(headline=rng.choice(HEADLINES))


def synth_article(pool: SeedPool, index: int, seed: int = 0) -> tuple[str, str]:
    """Return ``(suffix, text)`` for synthetic article ``index``.

    The article is built from one "base" seed (most of its paragraphs, in
    order) plus a few paragraphs borrowed from the other seeds.
    """
    rng = random.Random(f"compare-bench:{seed}:{index}")
    base = rng.randrange(len(pool.articles))
    paragraphs = [p for p in pool.articles[base] if rng.random() < 0.8]
    others = [p for k, art in enumerate(pool.articles) if k != base for p in art]
    for extra in rng.sample(others, k=min(len(others), rng.randint(1, 4))):
        paragraphs.insert(rng.randint(0, len(paragraphs)), extra)
    if not paragraphs:
        paragraphs = [rng.choice(others)]

    # Light shuffle: a couple of neighbouring swaps.
    for _ in range(rng.randint(0, 2)):
        if len(paragraphs) > 1:
            k = rng.randrange(len(paragraphs) - 1)
            paragraphs[k], paragraphs[k + 1] = paragraphs[k + 1], paragraphs[k]

    synonym_rate = rng.uniform(0.1, 0.5)
    number_rate = rng.uniform(0.2, 0.8)
    paragraphs = [
        respell_numbers(swap_synonyms(edit_sentences(p, rng), rng, synonym_rate), rng, number_rate)
        for p in paragraphs
    ]

    for _ in range(rng.randint(1, 4)):
        paragraphs.insert(rng.randint(0, len(paragraphs)), _furniture_line(rng))

    markdown = rng.random() < 0.125
    if rng.random() < 0.5:
        title = rng.choice(HEADLINES)
        paragraphs.insert(0, f"# {title}" if markdown else title)

    separator = "\n" if rng.random() < 0.3 else "\n\n"
    return (".md" if markdown else ".txt"), separator.join(paragraphs) + "\n"


def generate_cluster(seed_dir: Path, out_dir: Path, n: int, seed: int = 0) -> list[Path]:
    """Write ``n`` synthetic articles into ``out_dir`` (emptied first)."""
    pool = load_seeds(seed_dir)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    paths: list[Path] = []
    for i in range(n):
        suffix, text = synth_article(pool, i, seed)
        path = out_dir / f"article_{i:04d}{suffix}"
        path.write_bytes(text.encode("utf-8"))
        paths.append(path)
    return paths


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("out_dir", type=Path, help="output directory (emptied first)")
    parser.add_argument(
        "--seeds",
        type=Path,
        default=Path(__file__).resolve().parent.parent / "seeds",
        help="directory of seed articles (default: the repo's seeds/)",
    )
    parser.add_argument("--seed", type=int, default=0, help="generator seed (default 0)")
    args = parser.parse_args(argv)
    paths = generate_cluster(args.seeds, args.out_dir, args.n, args.seed)
    print(f"wrote {len(paths)} articles to {args.out_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
