"""compare.views (the filters, orders and per-outlet summary) and the matrix options that use them."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner
from views_fixtures import article, fact, synthetic_matrix

from compare import views
from compare.cli import app, main
from compare.errors import CompareError
from compare.model import MatrixResult

REPO = Path(__file__).resolve().parent.parent
runner = CliRunner()


@pytest.fixture
def m() -> MatrixResult:
    return synthetic_matrix(6)


def ids(facts: tuple[object, ...]) -> list[str]:
    return [f.id for f in facts]  # type: ignore[attr-defined]


def test_only_views(m: MatrixResult) -> None:
    assert ids(views.select_facts(m, only="shared")) == ["f1", "f2"]  # a different figure is still carried
    assert ids(views.select_facts(m, only="exclusive")) == ["f5", "f6"]
    assert ids(views.select_facts(m, only="omitted")) == ["f3"]  # 4 of 6 carry it
    assert ids(views.select_facts(m, only="conflict")) == ["f2"]
    assert ids(views.select_facts(m)) == [f.id for f in m.facts]


def test_outlet_views(m: MatrixResult) -> None:
    first, last = m.articles[0], m.articles[-1]
    # out000 alone has f5; it leaves out f3, which most carry
    assert ids(views.select_facts(m, outlet=first)) == ["f3", "f5"]
    assert ids(views.select_facts(m, outlet=first, only="exclusive")) == ["f5"]
    assert ids(views.select_facts(m, outlet=first, only="omitted")) == ["f3"]
    assert ids(views.select_facts(m, outlet=first, only="conflict")) == ["f2"]
    assert ids(views.select_facts(m, outlet=last, only="exclusive")) == ["f6"]
    assert ids(views.select_facts(m, outlet=m.articles[1], only="conflict")) == []


def test_kind_filter(m: MatrixResult) -> None:
    assert ids(views.select_facts(m, kinds=["money", "quote"])) == ["f3", "f5"]
    assert ids(views.select_facts(m, kinds=["money"], only="shared")) == []


def test_sort_orders(m: MatrixResult) -> None:
    by_coverage = views.sort_facts(m.facts, "coverage")
    counts = [views.carried(f) for f in by_coverage]
    assert counts == sorted(counts, reverse=True)
    first = views.sort_facts(m.facts, "first")
    assert [views.first_paragraph(f) for f in first] == sorted(views.first_paragraph(f) for f in m.facts)
    assert views.sort_facts(m.facts, None) == m.facts


def test_filtered_view_puts_figures_before_names() -> None:
    arts = [article("a"), article("b")]
    facts = (
        fact("f1", "entity", "Someone (named)", ["stated", "absent"], arts),
        fact("f2", "claim", "a statement", ["stated", "absent"], arts),
        fact("f3", "money", "$5m", ["absent", "stated"], arts),
    )
    view = views.apply_view(MatrixResult(tuple(arts), facts, ()), only="exclusive")
    assert ids(view.facts) == ["f3", "f2", "f1"]


def test_outlet_summary_counts(m: MatrixResult) -> None:
    lines = {s.article: s for s in views.outlet_summaries(m)}
    first = lines["out000"]
    assert (first.carried, first.exclusives, first.omissions, first.conflicts) == (3, 1, 1, 1)
    assert first.majority == 3  # f1, f2, f3 are carried by more than half
    assert lines["out005"].exclusives == 1 and lines["out005"].omissions == 0
    assert sum(s.exclusives for s in lines.values()) == 2


def test_find_outlet_by_key_id_name_and_part(m: MatrixResult) -> None:
    assert views.find_outlet(m.articles, "B").id == "out001"
    assert views.find_outlet(m.articles, "out002").id == "out002"
    assert views.find_outlet(m.articles, "outlet 3").id == "out003"
    assert views.find_outlet(m.articles, "Headline 4").id == "out004"
    with pytest.raises(CompareError, match="matches 6 articles"):
        views.find_outlet(m.articles, "outlet")
    with pytest.raises(CompareError, match="no article matches 'nowhere'"):
        views.find_outlet(m.articles, "nowhere")


def test_describe_view() -> None:
    assert views.describe_view(only=None, outlet=None, kinds=(), shown=3, total=3) is None
    line = views.describe_view(only="exclusive", outlet=None, kinds=("money",), shown=1, total=9)
    assert line == "1 of 9 facts: facts only one article carries; kind money"


# --- through the command line, on the seeds -------------------------------------------------------


@pytest.fixture
def at_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    for name in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES"):
        monkeypatch.delenv(name, raising=False)


SCREEN = 24  # lines of a first terminal screen


@pytest.mark.usefixtures("at_repo")
def test_seed_exclusives_on_the_first_screen() -> None:
    result = runner.invoke(app, ["matrix", "seeds", "--only", "exclusive", "--width", "100"])
    assert result.exit_code == 0, result.stderr
    screen = "\n".join(result.stdout.splitlines()[:SCREEN])
    for wanted in ("€40 billion", "$425 million", "Peskov"):
        assert wanted in screen, wanted


@pytest.mark.usefixtures("at_repo")
def test_seed_shared_shows_the_irreversible_path() -> None:
    result = runner.invoke(app, ["matrix", "seeds", "--only", "shared", "--width", "200"])
    assert result.exit_code == 0, result.stderr
    screen = result.stdout.splitlines()[:SCREEN]
    assert any("irreversible" in line for line in screen)
    assert screen[0].startswith(tuple("0123456789")) and "every article" in screen[0]


@pytest.mark.usefixtures("at_repo")
def test_outlet_and_kind_options_and_json_view() -> None:
    result = runner.invoke(app, ["matrix", "seeds", "--outlet", "E", "--kind", "money", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    import json

    doc = json.loads(result.stdout)
    assert doc["facts"] and all(f["kind"] == "money" for f in doc["facts"])
    assert len(doc["articles"]) == 5  # a view never drops an article


@pytest.mark.usefixtures("at_repo")
def test_sort_first_drops_group_rows() -> None:
    out = runner.invoke(app, ["matrix", "seeds", "--sort", "first", "--width", "120"]).stdout
    assert "— in every article —" not in out
    assert "— in every article —" in runner.invoke(app, ["matrix", "seeds", "--width", "120"]).stdout


@pytest.mark.usefixtures("at_repo")
def test_summary_block_under_the_table() -> None:
    out = runner.invoke(app, ["matrix", "seeds", "--width", "120"]).stdout
    assert "facts only omits conflicts outlet" in " ".join(out.split())
    assert "omits: left out of the" in out


@pytest.mark.usefixtures("at_repo")
def test_unknown_outlet_is_one_error_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["matrix", "seeds", "--outlet", "nowhere"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--outlet" in err and "IBTimes (International Business Times)" in err
