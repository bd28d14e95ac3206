"""`compare corpus`: the report folder, bad input at scale, atomic replacement, determinism."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from compare import corpus
from compare.cli import app, main
from compare.errors import CompareError
from tests.conftest import mixtures

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"


@pytest.fixture
def mixture(tmp_path: Path) -> Path:
    """Eight generated events (2-4 articles) and the dev event, in one folder."""
    folder = tmp_path / "articles"
    mixtures().write_mixture(folder, 8, seed=11, sizes=(2, 3, 4))
    dev = SHARED / "gold" / "dev" / "harbour-fire"
    files = sorted(dev.glob("*.txt"))
    assert files, f"missing {dev}: this test needs ../shared"
    for file in files:
        shutil.copy(file, folder / file.name)
    return folder


def run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def report_files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_report_folder_has_index_clusters_and_one_matrix_per_event(mixture: Path, tmp_path: Path) -> None:
    out = tmp_path / "report"
    run("corpus", str(mixture), "--output", str(out), "--format", "json")
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    assert next(iter(index)) == "schema" and index["schema"] == "compare.corpus/1"
    assert index["unassigned"] == []
    sizes = [len(e["articles"]) for e in index["events"]]
    assert sizes == sorted(sizes, reverse=True)
    clusters = (out / "clusters.tsv").read_text(encoding="utf-8").splitlines()
    articles = sorted(p.name for p in mixture.glob("*.txt"))
    assert sorted(Path(line.split("\t")[0]).name for line in clusters) == articles
    page = (out / "index.html").read_text(encoding="utf-8")
    # the same content policy as every report page: nothing loaded, no base, no form, no referrer
    assert "default-src 'none'" in page and "base-uri 'none'" in page and "form-action 'none'" in page
    assert '<meta name="referrer" content="no-referrer">' in page and "<script" not in page
    for event in index["events"]:
        assert set(event) >= {"id", "title", "articles", "outlets", "dates", "facts", "matrix"}
        matrix = json.loads((out / event["matrix"]).read_text(encoding="utf-8"))
        assert matrix["schema"] == "compare.matrix/1"
        assert [a["id"] for a in matrix["articles"]] == event["articles"]
        assert len(matrix["facts"]) == event["facts"]
        assert (out / event["html"]).is_file()
        assert f'href="{event["html"]}"' in page
        assert event["title"]
        assert event["dates"] == sorted(event["dates"])
    harbour = [e for e in index["events"] if "h1_wire" in e["articles"]]
    assert len(harbour) == 1 and set(harbour[0]["articles"]) == {
        f"h{i}_{k}" for i, k in ((1, "wire"), (2, "tabloid"), (3, "foreign"), (4, "aggregator"))
    }


def test_table_format_prints_the_index(mixture: Path, tmp_path: Path) -> None:
    out = run("corpus", str(mixture), "--output", str(tmp_path / "r"), "--width", "120")
    assert "event" in out and "excl." in out and "e1" in out
    assert "events;" in out


def test_json_format_prints_index_json(mixture: Path, tmp_path: Path) -> None:
    out = run("corpus", str(mixture), "--output", str(tmp_path / "r"), "--format", "json")
    assert out == (tmp_path / "r" / "index.json").read_text(encoding="utf-8")


def test_bad_files_are_listed_with_their_reason_and_the_run_goes_on(mixture: Path, tmp_path: Path) -> None:
    (mixture / "image.txt").write_bytes(PNG)
    (mixture / "empty.txt").write_bytes(b"")
    (mixture / "blank.md").write_text("   \n\n", encoding="utf-8")
    (mixture / "menu.txt").write_text("Home\nNews\nSport\n", encoding="utf-8")
    out = tmp_path / "r"
    result = CliRunner().invoke(app, ["corpus", str(mixture), "--output", str(out), "--format", "json"])
    assert result.exit_code == 0
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    reasons = {Path(u["path"]).name: u["reason"] for u in index["unassigned"]}
    assert set(reasons) == {"image.txt", "empty.txt", "blank.md", "menu.txt"}
    assert "binary" in reasons["image.txt"] and "empty" in reasons["empty.txt"]
    assert "4 files left out" in result.stderr
    listed = (out / "clusters.tsv").read_text(encoding="utf-8")
    assert "image.txt" not in listed and "h1_wire" in listed


def test_one_failing_matrix_is_reported_and_the_rest_written(
    mixture: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import compare.pipeline

    real = compare.pipeline.matrix

    def flaky(articles, **kwargs):  # type: ignore[no-untyped-def]
        if any(a.id == "h1_wire" for a in articles):
            raise RuntimeError("boom")
        return real(articles, **kwargs)

    monkeypatch.setattr(compare.pipeline, "matrix", flaky)
    out = tmp_path / "r"
    result = CliRunner().invoke(app, ["corpus", str(mixture), "--output", str(out), "--format", "json"])
    assert result.exit_code == 0
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    failed = [e for e in index["events"] if e["error"]]
    assert len(failed) == 1 and "boom" in failed[0]["error"] and failed[0]["matrix"] is None
    assert "matrix failed for 1 event:" in result.stderr
    assert not (out / "events" / f"{failed[0]['id']}.json").exists()
    assert all((out / e["matrix"]).is_file() for e in index["events"] if not e["error"])


def test_an_interrupted_run_leaves_the_previous_report(
    mixture: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "r"
    run("corpus", str(mixture), "--output", str(out))
    before = report_files(out)

    def interrupted(payload: object) -> object:
        raise KeyboardInterrupt

    monkeypatch.setattr(corpus, "build_event", interrupted)
    (mixture / "extra.txt").write_text(
        (mixture / "h1_wire.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    assert main(["corpus", str(mixture), "--output", str(out)]) == 130
    assert report_files(out) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no staging left


def test_a_second_run_replaces_the_report(mixture: Path, tmp_path: Path) -> None:
    out = tmp_path / "r"
    run("corpus", str(mixture), "--output", str(out))
    for file in sorted(mixture.glob("a*.txt"))[:6]:
        file.unlink()
    run("corpus", str(mixture), "--output", str(out))
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    listed = {Path(p).name for e in index["events"] for p in e["paths"]}
    assert listed == {p.name for p in mixture.glob("*.txt")}
    assert {p.name for p in (out / "events").iterdir()} == {
        f"{e['id']}.{ext}" for e in index["events"] for ext in ("json", "html")
    }


def test_a_report_inside_the_articles_folder_is_not_read_as_articles(mixture: Path) -> None:
    first = corpus.build_corpus([str(mixture)], mixture / "report")
    second = corpus.build_corpus([str(mixture)], mixture / "report")
    assert first == second
    assert not any(Path(p).parent.name in ("report", "events") for e in second.events for p in e.paths)


def test_refuses_to_replace_a_folder_that_is_not_a_report(mixture: Path, tmp_path: Path) -> None:
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "thesis.txt").write_text("do not delete", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        main(["corpus", str(mixture), "--output", str(precious)])
    assert exit_info.value.code == 2
    assert (precious / "thesis.txt").read_text(encoding="utf-8") == "do not delete"


@pytest.mark.parametrize(
    "args, message",
    [
        (["nowhere"], "no such file or folder"),
        (["-"], "not standard input"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["corpus", *args, "--output", str(tmp_path / "r")])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert not (tmp_path / "r").exists()


def test_an_empty_folder_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(CompareError, match="no article files"):
        corpus.build_corpus([str(tmp_path / "empty")], tmp_path / "r")


def test_without_the_extra_it_says_how_to_install_it(
    mixture: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "dask", None)  # import dask now raises ImportError
    with pytest.raises(SystemExit) as exit_info:
        main(["corpus", str(mixture), "--output", str(tmp_path / "r")])
    assert exit_info.value.code == 2
    assert "pip install 'compare[corpus]'" in capsys.readouterr().err
    assert not (tmp_path / "r").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_help_does_not_import_dask() -> None:
    code = (
        "import sys; from compare.cli import app; "
        "print('dask' in sys.modules, 'compare.corpus' in sys.modules)"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_sub_folders_are_walked_and_equal_stems_told_apart(tmp_path: Path) -> None:
    dev = SHARED / "gold" / "dev" / "harbour-fire"
    for outlet in ("one", "two"):
        (tmp_path / "in" / outlet).mkdir(parents=True)
        shutil.copy(dev / "h1_wire.txt", tmp_path / "in" / outlet / "story.txt")
    shutil.copy(dev / "h3_foreign.txt", tmp_path / "in" / "h3_foreign.txt")
    report = corpus.build_corpus([str(tmp_path / "in")], tmp_path / "r")
    ids = sorted(a for e in report.events for a in e.articles)
    assert len(ids) == 3 and "h3_foreign" in ids
    assert any(i.endswith("one/story") for i in ids) and any(i.endswith("two/story") for i in ids)


def test_same_bytes_whatever_the_order_files_are_given_in(mixture: Path, tmp_path: Path) -> None:
    files = sorted(str(p) for p in mixture.glob("*.txt"))
    shuffled = list(files)
    random.Random(5).shuffle(shuffled)
    corpus.build_corpus(files, tmp_path / "r1")
    corpus.build_corpus(shuffled, tmp_path / "r2")
    assert report_files(tmp_path / "r1") == report_files(tmp_path / "r2")


def test_renamed_files_give_the_same_events(mixture: Path, tmp_path: Path) -> None:
    renamed = tmp_path / "renamed"
    renamed.mkdir()
    names = sorted(p.name for p in mixture.glob("*.txt"))
    new_names = [f"z{k:03d}.txt" for k in range(len(names))]
    random.Random(9).shuffle(new_names)
    mapping = dict(zip(names, new_names, strict=True))
    for old, new in mapping.items():
        shutil.copy(mixture / old, renamed / new)
    first = corpus.build_corpus([str(mixture)], tmp_path / "r1")
    second = corpus.build_corpus([str(renamed)], tmp_path / "r2")
    assert [e.id for e in first.events] == [e.id for e in second.events]
    for a, b in zip(first.events, second.events, strict=True):
        assert {mapping[Path(p).name] for p in a.paths} == {Path(p).name for p in b.paths}
        assert (a.facts, a.exclusives, a.dates, a.outlets, a.title) == (
            b.facts,
            b.exclusives,
            b.dates,
            b.outlets,
            b.title,
        )


def test_same_bytes_whatever_the_string_hash_seed(mixture: Path, tmp_path: Path) -> None:
    """Sets of names iterate in an order Python seeds at start-up; nothing may depend on it."""
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONHASHSEED": seed}
        command = [sys.executable, "-m", "compare", "corpus", str(mixture), "-o", str(tmp_path / seed)]
        subprocess.run(command, env=env, check=True, capture_output=True)
    assert report_files(tmp_path / "1") == report_files(tmp_path / "2")
