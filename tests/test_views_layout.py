"""The matrix never hides data: at 40, 80 and 200 columns with 5, 60 and 300 articles every outlet
column is shown exactly once (in pages when they do not fit, said on stderr) and every fact's id
and label are visible; no line is wider than asked.

Folders of 5 and 60 articles go through the whole pipeline; for 300 the folder is read for real
and the fact matrix is built synthetically (the layout is what is tested, and the real matrix of
300 articles takes seconds).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner
from views_fixtures import synthetic_matrix, write_folder

from compare import pipeline, render
from compare.cli import app
from compare.model import Article, MatrixResult

runner = CliRunner()
WIDTHS = (40, 80, 200)
SIZES = (5, 60, 300)


@pytest.fixture(autouse=True)
def _plain_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES", "PAGER"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    root = tmp_path_factory.mktemp("folders")
    return {n: write_folder(root / f"n{n}", n) for n in SIZES}


@pytest.fixture(scope="module")
def expected(folders: dict[int, Path]) -> dict[int, MatrixResult]:
    """The matrix each folder gives (synthetic for 300), computed once for the module."""
    out = {}
    for n, folder in folders.items():
        articles = pipeline.load_articles([str(folder)])
        out[n] = _fake_matrix(articles) if n == 300 else pipeline.matrix(articles)
    return out


def _fake_matrix(articles: tuple[Article, ...], **_: object) -> MatrixResult:
    """The synthetic matrix over the articles actually read (their ids, in their order)."""
    base = synthetic_matrix(len(articles))
    ids = [a.id for a in articles]
    facts = tuple(
        type(f)(
            f.id,
            f.kind,
            f.label,
            f.value,
            f.speaker,
            tuple((ids[i], c) for i, (_, c) in enumerate(f.coverage)),
        )
        for f in base.facts
    )
    return MatrixResult(tuple(articles), facts, ())


def header_keys(output: str) -> list[str]:
    """The outlet column keys of every table header line (pages included), in order."""
    keys: list[str] = []
    for line in output.splitlines():
        if line.startswith("┃"):
            cells = [c.strip() for c in line.strip("┃").split("┃")]
            keys += [c for c in cells if c not in ("fact", "what")]
    return keys


def run_matrix(folder: Path, width: int, *extra: str) -> tuple[str, str]:
    result = runner.invoke(app, ["matrix", str(folder), "--width", str(width), "--no-color", *extra])
    assert result.exit_code == 0, (result.stderr, result.exception)
    return result.stdout, result.stderr


@pytest.mark.parametrize("n", SIZES)
@pytest.mark.parametrize("width", WIDTHS)
def test_no_column_lost_and_every_label_visible(
    n: int,
    width: int,
    folders: dict[int, Path],
    expected: dict[int, MatrixResult],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if n == 300:
        monkeypatch.setattr(pipeline, "matrix", _fake_matrix)
    matrix = expected[n]
    out, err = run_matrix(folders[n], width)
    lines = out.splitlines()
    keys = render.column_keys(matrix.articles)
    # every outlet column exactly once, in order, across the pages
    assert header_keys(out) == keys
    # every outlet named in the summary (the column key) below the table
    named = {
        line.split()[0]: line
        for line in lines
        if line.strip() and not line.startswith(("│", "┃", "┏", "┡", "└"))
    }
    for key, a in zip(keys, matrix.articles, strict=True):
        assert key in named and a.label[:8] in named[key], key
    # every fact: its id and the start of its label on a table row
    rows = [line for line in lines if line.startswith("│")]
    for fact in matrix.facts:
        prefix = render.printable(fact.label)[: render.MIN_LABEL_WIDTH - 3]
        assert any(f"│{fact.id} " in row and prefix in row for row in rows), (fact.id, prefix)
    # nothing wider than asked
    assert max(cell_len(line) for line in lines) <= width
    # pages are announced on stderr, a plain grid is not
    layout = render.plan_matrix(matrix, width)
    if layout.paged:
        assert "do not fit" in err and f"{len(layout.pages)} pages" in err
        assert out.count(", page ") == len(layout.pages)
    else:
        assert err == ""


def test_plan_never_drops_and_balances_pages() -> None:
    for n in (1, 2, 7, 26, 27, 60, 300, 1000):
        result = synthetic_matrix(n)
        for width in range(40, 260, 7):
            layout = render.plan_matrix(result, width)
            covered = [i for start, stop in layout.pages for i in range(start, stop)]
            assert covered == list(range(n))
            sizes = [stop - start for start, stop in layout.pages]
            assert max(sizes) - min(sizes) <= 1
            assert layout.label_width >= render.MIN_LABEL_WIDTH


def test_five_outlets_fit_in_one_grid_at_80_columns() -> None:
    """Five columns headed by names of up to seven characters (the seeds' short names) fit."""
    five = synthetic_matrix(5)
    short = replace(five, articles=tuple(replace(a, outlet=f"Desk {i}") for i, a in enumerate(five.articles)))
    assert not render.plan_matrix(short, 80).paged
    assert render.plan_matrix(synthetic_matrix(60), 80).paged


VIEWS = (
    ("--only", "shared"),
    ("--only", "exclusive"),
    ("--only", "omitted"),
    ("--only", "conflict"),
    ("--outlet", "a001"),
    ("--kind", "money"),
    ("--sort", "coverage"),
    ("--sort", "first"),
)


@pytest.mark.parametrize("option", VIEWS, ids=lambda o: "=".join(o))
@pytest.mark.parametrize("n", SIZES)
@pytest.mark.parametrize("width", WIDTHS)
def test_every_view_keeps_every_column_and_its_labels(
    option: tuple[str, str],
    n: int,
    width: int,
    folders: dict[int, Path],
    expected: dict[int, MatrixResult],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each view and option at every width and size (the synthetic matrix, whose rows cover every
    view, stands in for the pipeline): all outlet columns, the facts the view keeps, nothing wider."""
    monkeypatch.setattr(pipeline, "matrix", _fake_matrix)
    out, _ = run_matrix(folders[n], width, *option)
    articles = expected[n].articles
    whole = _fake_matrix(articles)
    assert header_keys(out) == render.column_keys(articles)
    lines = out.splitlines()
    assert max(cell_len(line) for line in lines) <= width
    from compare import views

    kwargs: dict[str, object] = {}
    if option[0] == "--only":
        kwargs["only"] = option[1]
    elif option[0] == "--outlet":
        kwargs["outlet"] = views.find_outlet(articles, option[1])
    elif option[0] == "--kind":
        kwargs["kinds"] = (option[1],)
    else:
        kwargs["sort"] = option[1]
    shown = views.apply_view(whole, **kwargs)  # type: ignore[arg-type]
    rows = [line for line in lines if line.startswith("│")]
    for fact in whole.facts:
        present = any(f"│{fact.id} " in row for row in rows)
        assert present == (fact in shown.facts), (fact.id, option)
    if option[0] != "--sort":
        assert " facts: " in lines[0]
