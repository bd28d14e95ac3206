"""Fuzzing the read -> clean -> segment path (issue 6), deterministically and in bounded time.

Each case is random bytes or a seed file mutated: bytes flipped, the file cut short, slices
duplicated, NULs, escape sequences, byte-order marks, UTF-16 and cp1252 fragments inserted, line
ends changed, front-matter and HTML openers added. Every case goes through `read_source` and
`build_article`; some go on to a matrix and a diff of two articles, some through the command
line's `main`. The only exception allowed is CompareError, a kept article carries no control
character, and every JSON document parses. The cases come from `random.Random(seed)`, so a failure
names the case and is reproduced by running the test again. `FUZZ_SEEDS=1,2,3 pytest
tests/test_fuzz.py` runs more (300 cases per seed, about 1.5 s each).
"""

from __future__ import annotations

import codecs
import json
import os
import random
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from compare import render
from compare.cli import main
from compare.errors import CompareError
from compare.model import Article
from compare.pipeline import build_article, diff, matrix
from compare.read import read_source

REPO = Path(__file__).resolve().parent.parent
SEEDS = sorted((REPO / "seeds").glob("*.txt"))
FIXTURES = REPO / "tests" / "fixtures"
CORPUS = [p.read_bytes() for p in [*SEEDS, FIXTURES / "markup_injection.txt", FIXTURES / "frontmatter.md"]]

CASES = 300
MATRIX_EVERY = 10  # every 10th readable case also goes through matrix and diff with a seed
CLI_EVERY = 15  # every 15th case also runs `compare matrix FILE SEED` through main()

FRAGMENTS = (
    b"\x00",
    b"\x00\x00\x00\x00",
    b"\x1b[31m",
    b"\x1b[2J",
    b"\x1b]0;pwned\x07",
    b"\x1b]8;;file:///etc/passwd\x1b\\",
    b"\x9b31m",
    b"\xc2\x9b2J",  # 8-bit CSI as UTF-8
    codecs.BOM_UTF8,
    codecs.BOM_UTF16_LE,
    codecs.BOM_UTF16_BE,
    codecs.BOM_UTF32_LE,
    "Zürich €40bn “quoted” — ok".encode("utf-16-le"),
    "Zürich €40bn “quoted” — ok".encode("utf-16-be"),
    "“curly” ‘quotes’ – €5".encode("cp1252"),
    b"\xff\xfe\xfd",
    b"\xed\xa0\x80",  # a UTF-8-encoded surrogate
    b"\r",
    b"\r\n",
    b"\xe2\x80\xa8",  # line separator
    b"\xe2\x80\xae",  # right-to-left override
    b"\n---\n",
    b"---\ntitle: [\n---\n",
    b"<html><body><p>",
    b"[bold red]",
    b"[/]",
    b"\x89PNG",
)


def mutate(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    """One to four random edits of `data`; returns the result and what was done."""
    done = []
    for _ in range(rng.randint(1, 4)):
        kind = rng.choice(("flip", "truncate", "duplicate", "insert", "insert", "crlf", "prefix", "delete"))
        at = rng.randrange(len(data) + 1) if data else 0
        if kind == "flip" and data:
            for _ in range(rng.randint(1, 8)):
                i = rng.randrange(len(data))
                data = data[:i] + bytes([rng.randrange(256)]) + data[i + 1 :]
        elif kind == "truncate":
            data = data[:at]
        elif kind == "duplicate" and data:
            end = min(len(data), at + rng.randint(1, 2000))
            data = data[:end] + data[at:end] * rng.randint(1, 5) + data[end:]
        elif kind == "insert":
            data = data[:at] + rng.choice(FRAGMENTS) * rng.randint(1, 3) + data[at:]
        elif kind == "crlf":
            data = data.replace(b"\n", rng.choice((b"\r\n", b"\r", b"\n\n")))
        elif kind == "prefix":
            data = rng.choice(FRAGMENTS) + data
        elif kind == "delete" and data:
            data = data[:at] + data[at + rng.randint(1, 500) :]
        done.append(kind)
    return data, "+".join(done)


def case(rng: random.Random) -> tuple[bytes, str, str]:
    """(bytes, file suffix, description) of one fuzz case."""
    roll = rng.random()
    if roll < 0.15:
        size = rng.choice((1, 7, 64, 1000, 5000))
        return rng.randbytes(size), ".txt", f"random {size} bytes"
    if roll < 0.2:
        text = "".join(chr(rng.randrange(1, 0x3000)) for _ in range(rng.randint(1, 3000)))
        encoded = text.encode("utf-8", "replace")
        return encoded, ".txt", "random code points"
    data, how = mutate(rng.choice(CORPUS), rng)
    suffix = rng.choice((".txt", ".txt", ".txt", ".md", ".html"))
    return data, suffix, f"seed mutated by {how}"


CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u200b\u202a-\u202e\u2066-\u2069\ufeff]")


def check_article(article: Article) -> None:
    assert article.paragraphs
    for paragraph in article.paragraphs:
        assert paragraph.text.strip() and not CONTROL.search(paragraph.text), repr(paragraph.text[:200])
    for value in (article.title, article.outlet, article.url, article.published):
        assert not CONTROL.search(value or ""), repr(value)


@pytest.fixture
def seed_article() -> Article:
    return build_article(read_source(str(SEEDS[1])))


@pytest.mark.parametrize("seed", [int(s) for s in os.environ.get("FUZZ_SEEDS", "20241016").split(",")])
def test_fuzzed_files_raise_only_compare_error(
    tmp_path: Path,
    seed: int,
    seed_article: Article,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    rng = random.Random(seed)
    outcomes = {"read": 0, "refused": 0, "matrix": 0, "cli": 0}
    for n in range(CASES):
        data, suffix, how = case(rng)
        path = tmp_path / f"case{n}{suffix}"
        path.write_bytes(data)
        where = f"case {n} ({how}), saved as {path}"
        try:
            article = build_article(read_source(str(path)))
        except CompareError as err:
            assert err.where == str(path), where
            assert "\n" not in str(err), where
            outcomes["refused"] += 1
        except Exception as exc:  # pragma: no cover - the failure report
            pytest.fail(f"{where}: {type(exc).__name__}: {exc}")
        else:
            outcomes["read"] += 1
            check_article(article)
            if outcomes["read"] % MATRIX_EVERY == 1:
                run_matrix_and_diff(article, seed_article, where)
                outcomes["matrix"] += 1
        if n % CLI_EVERY == 0:
            run_cli(capsys, path, where)
            outcomes["cli"] += 1
        path.unlink()
    # The mix means something: both outcomes happen, and the later steps ran.
    assert outcomes["read"] > CASES // 4 and outcomes["refused"] > CASES // 10, outcomes
    assert outcomes["matrix"] >= 5 and outcomes["cli"] >= 10, outcomes


def run_matrix_and_diff(article: Article, other: Article, where: str) -> None:
    try:
        result = matrix((article, other) if article.id < other.id else (other, article))
        pair = diff(article, other)
        documents = [render.matrix_json(result), render.diff_json(pair)]
        texts = [render.matrix_markdown(result), render.matrix_csv(result), render.matrix_html(result),
                 render.diff_markdown(pair)]
    except Exception as exc:  # pragma: no cover - the failure report
        pytest.fail(f"{where}: matrix/diff raised {type(exc).__name__}: {exc}")
    for document in documents:
        json.loads(document)
    for text in documents + texts:
        assert "\x1b" not in text and "\x9b" not in text and "\x07" not in text, where


def run_cli(capsys: pytest.CaptureFixture[str], path: Path, where: str) -> None:
    capsys.readouterr()
    for args in (["matrix", str(path), str(SEEDS[1]), "--format", "json"],
                 ["diff", str(path), str(SEEDS[1]), "--no-color", "--width", "100"]):
        try:
            code = main(args)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        except Exception as exc:  # pragma: no cover - the failure report
            pytest.fail(f"{where}: compare {args[0]} raised {type(exc).__name__}: {exc}")
        out, err = capsys.readouterr()
        if code == 0:
            assert err == "", where
            if "json" in args:
                json.loads(out)
            assert "\x1b" not in out and "\x9b" not in out, where
        else:
            assert code == 2 and out == "", where
            assert err.startswith("compare: error: ") and err.count("\n") == 1, (where, err)
            assert "\x1b" not in err and "\x9b" not in err, where


SeedWriter = Callable[[str, bytes | str], Path]


@pytest.mark.parametrize("size", [0, 1, 2, 3, 4, 8, 64, 4096])
def test_random_bytes_of_every_small_size(write: SeedWriter, size: int) -> None:
    """Short inputs hit the edges of the sniffers (BOMs, UTF-16 without BOM, magic numbers)."""
    rng = random.Random(size)
    for n in range(20):
        path = write(f"r{size}_{n}.txt", rng.randbytes(size))
        try:
            check_article(build_article(read_source(str(path))))
        except CompareError as err:
            assert err.where == str(path)
