"""Synthetic inputs for the view, layout and HTML report tests: article folders of any size and
matrix results built directly (no pipeline), so that 300 outlets cost milliseconds."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from compare.model import Article, Cell, Fact, Group, MatrixResult, Paragraph, Sentence, Status

PLACES = "harbour bridge depot market station factory warehouse tower school hospital".split()


def write_folder(folder: Path, n: int) -> Path:
    """n small articles about one fire: two sentences every article has, one only it has, and a
    figure that differs between articles (a conflict in the making)."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        lines = [
            "Firefighters battled a large blaze at the city harbour on Monday night, officials said.",
            f"The fire destroyed {3 if i % 4 else 4} warehouses and forced the closure of two roads.",
            f"Reporter {i} spoke to a resident who saw smoke over the {PLACES[i % 10]} district.",
            f"Mayor Jane Doe said the city would pay {i + 1} million dollars to rebuild the "
            f"{PLACES[(i + 3) % 10]}.",
        ]
        (folder / f"a{i:03d}.txt").write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    return folder


def article(aid: str, *, outlet: str | None = None, title: str | None = None, text: str = "Text.") -> Article:
    sentence = Sentence(text, 0, 0, len(text))
    return Article(aid, f"{aid}.txt", outlet, title, None, None, (Paragraph(0, text, (sentence,)),), ())


def fact(fid: str, kind: str, label: str, statuses: Sequence[Status], articles: Sequence[Article]) -> Fact:
    coverage = tuple(
        (
            a.id,
            Cell(
                s, None if s == "absent" else f"{label} (as {a.id} put it)", None if s == "absent" else i % 3
            ),
        )
        for i, (a, s) in enumerate(zip(articles, statuses, strict=True))
    )
    return Fact(fid, kind, label, None, None, coverage)  # type: ignore[arg-type]


def synthetic_matrix(n: int) -> MatrixResult:
    """A matrix over n articles with every kind of row: shared, most, some, exclusive, conflict.
    Labels start with a unique tag ("L01 ...") so a test can find each one in any layout."""
    articles = tuple(article(f"out{i:03d}", outlet=f"Outlet {i}", title=f"Headline {i}") for i in range(n))
    rows: list[tuple[str, str, list[Status]]] = [
        ("claim", "L01 The fire broke out at the harbour on Monday night", ["stated"] * n),
        (
            "quantity",
            "L02 three warehouses destroyed",
            ["conflict" if i % 4 == 0 else "stated" for i in range(n)],
        ),
        (
            "quote",
            "L03 Jane Doe: we will rebuild the harbour",
            ["absent" if i % 3 == 0 else "stated" for i in range(n)],
        ),
        ("date", "L04 on Monday night", ["partial" if i % 2 else "absent" for i in range(n)]),
        ("money", "L05 one million dollars for repairs", ["stated"] + ["absent"] * (n - 1)),
        ("entity", "L06 Jane Doe (named)", ["absent"] * (n - 1) + ["stated"]),
    ]
    facts = tuple(
        fact(f"f{k + 1}", kind, label, statuses, articles) for k, (kind, label, statuses) in enumerate(rows)
    )
    return MatrixResult(articles, facts, (Group("g1", tuple((a.id, 0) for a in articles)),))
