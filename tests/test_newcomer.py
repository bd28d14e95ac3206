"""What a first-time user ran into, each found by using the command line as a journalist would
(one test per finding, through the real command line): the reports must say the same thing in
every format, and the page must work whatever the outlets are called."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Run

# Two tellings of one warehouse fire that disagree on the damage figure; the second outlet has two
# articles, so its second column is headed "The Daily Post 2" (a header with spaces).
FIRE_A = """---
outlet: The Evening Courier
---
By Jane Roe and John Doe

A fire at a warehouse killed 3 people on Monday, police said.

The damage was estimated at $2 million, according to the fire brigade chief John Smith. "We have
never seen anything like it," Smith said.
"""
FIRE_B = """---
outlet: The Daily Post
---
A fire at a warehouse killed 3 people on Monday, police said.

The damage was estimated at $5 million, officials said. Fire chief John Smith said: "We have never
seen anything like it."
"""
FIRE_C = """---
outlet: The Daily Post
---
Three people died in a warehouse fire on Monday. The fire brigade chief, John Smith, put the
damage at $2 million.
"""


@pytest.fixture
def fire(write: Callable[[str, bytes | str], Path]) -> Path:
    write("a.txt", FIRE_A)
    write("b.txt", FIRE_B)
    return write("c.txt", FIRE_C).parent


def test_html_byline_reads_as_names_not_a_python_tuple(cli: Callable[..., Run], fire: Path) -> None:
    out = cli("matrix", fire, "--format", "html").out
    assert "by Jane Roe, John Doe" in out
    assert "(&#x27;" not in out and "(&#39;" not in out  # the repr of a tuple, escaped


def test_html_column_names_with_spaces_keep_anchors_and_filters_apart(
    cli: Callable[..., Run], fire: Path
) -> None:
    out = cli("matrix", fire, "--format", "html").out
    assert "The Daily Post 2" in out  # the header a reader sees is unchanged
    ids = re.findall(r'<tr id="outlet-([^"]*)"', out)
    assert len(ids) == 3 and all(" " not in i for i in ids)
    assert set(re.findall(r'href="#outlet-([^"]*)"', out)) == set(ids)
    options = re.findall(r'<option value="(c\d+)">', out)
    assert options == ids
    # every filter list holds whole column tokens, so "The Daily Post" never matches "... 2"
    for attr in re.findall(r'data-(?:present|conflict)="([^"]*)"', out):
        assert all(token in ids for token in attr.split())


def test_diff_html_and_markdown_show_conflicting_figures_with_both_sentences(
    cli: Callable[..., Run], fire: Path
) -> None:
    a, b = fire / "a.txt", fire / "b.txt"
    page = cli("diff", a, b, "--format", "html").out
    assert "<h2>Conflicting figures: 1</h2>" in page
    assert "estimated at $2 million" in page and "estimated at $5 million" in page
    assert "<h2>Stated in one, touched in the other:" in page
    assert "<h2>Sources</h2>" in page
    text = cli("diff", a, b, "--format", "markdown").out
    section = text.split("## Conflicting figures", 1)[1].split("##", 1)[0]
    assert re.search(r"- A [✓!] The damage was estimated at \$2 million", section), section
    assert re.search(r"- B [✓!] The damage was estimated at \$5 million", section), section


def test_diff_counts_read_in_the_right_number(
    cli: Callable[..., Run], fire: Path, write: Callable[[str, bytes | str], Path]
) -> None:
    one = write("one.txt", FIRE_B.split("\n\n", 1)[1])  # B's damage paragraph alone: one pair
    run = cli("diff", fire / "a.txt", one, "--no-color", "--width", "100")
    assert run.code == 0
    assert re.search(r"\b1 aligned paragraph pair\b(?!s)", run.out), run.out
    assert re.search(r"only in A \([^)]*\): 1 paragraph\b(?!s)", run.out), run.out
    page = cli("diff", fire / "a.txt", one, "--format", "html").out
    assert "1 aligned paragraph pair</h2>" in page and "1 paragraphs" not in page


def test_column_header_drops_a_leading_the_before_abbreviating(cli: Callable[..., Run], fire: Path) -> None:
    out = cli("matrix", fire, "--no-color", "--width", "160").out
    assert "Evening Courier" in out.splitlines()[1]  # the header row, not "ECourier"
    assert "ECourier" not in out


@pytest.mark.parametrize(("name", "instead"), [("report.xlsx", "report.csv"), ("report.pdf", "report.html")])
def test_office_file_names_are_refused_before_any_work(
    cli: Callable[..., Run], fire: Path, tmp_path: Path, name: str, instead: str
) -> None:
    """`-o report.xlsx` used to write a text table into a file a spreadsheet cannot open."""
    target = tmp_path / "out" / name
    target.parent.mkdir()
    run = cli("matrix", fire, "-o", target)
    assert run.code == 2 and instead in run.err and len(run.err.strip().splitlines()) == 1
    assert not list(target.parent.iterdir())
    # the name is fine when the format is said
    assert cli("matrix", fire, "-o", target, "--format", "html").code == 0


def test_outlet_one_letter_never_matches_inside_a_headline(cli: Callable[..., Run], fire: Path) -> None:
    """`--outlet Z` (no column Z among three) used to pick the one article whose title has a z."""
    run = cli("matrix", fire, "--outlet", "Z")
    assert run.code == 2 and "no article matches 'Z'" in run.err
    assert cli("matrix", fire, "--outlet", "B", "--no-color").code == 0  # a column letter still works
    assert "Evening Courier" in cli("matrix", fire, "--outlet", "Even", "--no-color").out.splitlines()[0]


def test_matrix_help_explains_the_marks(cli: Callable[..., Run]) -> None:
    out = " ".join(cli("matrix", "--help").out.split())  # as read, whatever the wrapping
    for mark in ("✓ stated", "~ touched", "! a different figure", "✗ left out"):
        assert mark in out


def test_a_single_article_says_there_is_nothing_to_compare(
    cli: Callable[..., Run], write: Callable[[str, bytes | str], Path]
) -> None:
    lone = write("lone/a.txt", FIRE_A)
    run = cli("matrix", lone.parent, "--no-color")
    assert run.code == 0
    assert "a.txt: the only article given" in run.err


def test_pages_of_one_outlet_name_one_outlet(cli: Callable[..., Run], fire: Path) -> None:
    run = cli("matrix", fire, "--no-color", "--width", "40")
    assert "outlet Evening Courier, page 1 of 3" in run.out
    assert "up to 1 outlet," in run.err


def test_markdown_matrix_shows_the_groups_like_the_terminal(cli: Callable[..., Run], fire: Path) -> None:
    out = cli("matrix", fire, "--format", "markdown").out
    assert "*— in every article —*" in out
    bands = [line for line in out.splitlines() if line.startswith("|  |  | *—")]
    header = next(line for line in out.splitlines() if line.startswith("| fact |"))
    assert bands and all(line.count("|") == header.count("|") for line in bands)
    # a sort mixes the groups: no group rows then
    assert "*— in" not in cli("matrix", fire, "--format", "markdown", "--sort", "coverage").out


def test_explain_says_why_a_conflict_or_a_weak_pair_is_in_the_fact(
    cli: Callable[..., Run], fire: Path
) -> None:
    doc = json.loads(cli("matrix", fire, "--format", "json").out)
    conflicted = next(
        f for f in doc["facts"] if any(c["status"] == "conflict" for c in f["coverage"].values())
    )
    out = " ".join(cli("explain", fire, conflicted["id"], "--no-color", "--width", "160").out.split())
    assert "a different figure for the same measure" in out
    assert "related, below the joining line" not in out  # the old wording that denied the tick


def test_matrix_lists_the_sentences_behind_a_different_figure(cli: Callable[..., Run], fire: Path) -> None:
    """A "!" said the figures differ; the editor had to run explain to learn which they were."""
    table = cli("matrix", fire, "--no-color", "--width", "200").out
    section = table.split("different figures (1):", 1)[1]
    assert "$2 million" in section and "$5 million" in section
    text = cli("matrix", fire, "--format", "markdown").out
    section = text.split("## Different figures", 1)[1].split("## Sources", 1)[0]
    assert "$2 million" in section and "$5 million" in section
    # no conflict, no section
    assert "different figures" not in cli("matrix", fire, "--only", "exclusive", "--no-color").out


def test_corpus_output_named_like_a_file_is_refused(
    cli: Callable[..., Run], fire: Path, tmp_path: Path
) -> None:
    """`-o report.html` used to make a folder called report.html (the page is report/index.html)."""
    target = tmp_path / "report.html"
    run = cli("corpus", fire, "-o", target)
    assert run.code == 2 and "give a folder such as report/" in run.err
    assert not target.exists()


def test_corpus_summary_counts_in_the_right_number(
    cli: Callable[..., Run], fire: Path, tmp_path: Path
) -> None:
    run = cli("corpus", fire, "-o", tmp_path / "report", "--no-color")
    assert run.code == 0
    assert "3 articles in 1 event; 0 files left out" in " ".join(run.out.split())
    page = (tmp_path / "report" / "index.html").read_text(encoding="utf-8")
    assert "3 articles in 1 event," in page


def test_broken_lock_message_reads_as_a_sentence(
    cli: Callable[..., Run], write: Callable[[str, bytes | str], Path]
) -> None:
    folder = write("story/a.txt", FIRE_A).parent
    write("story/b.txt", FIRE_B)
    write("story/compare.lock.json", '{"broken\tvalue')
    run = cli("check", folder)
    assert run.code == 2 and "compare.lock.json" in run.err
    assert " at at " not in run.err and "Invalid control character at line 1" in run.err


def test_word_and_pdf_files_in_a_folder_are_named_not_silently_skipped(
    cli: Callable[..., Run], fire: Path
) -> None:
    (fire / "interview.docx").write_bytes(b"PK\x03\x04 a Word file")
    (fire / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    run = cli("matrix", fire, "--no-color")
    assert run.code == 0
    assert "left out 1 file compare does not read" in run.err and "interview.docx" in run.err
    assert "photo.jpg" not in run.err  # a picture is not an article anyone meant to compare
    assert "interview.docx" in cli("check", fire).err
    (fire / "interview.docx").unlink()
    assert "left out" not in cli("matrix", fire, "--no-color").err


def test_html_of_a_view_says_which_facts_it_kept(cli: Callable[..., Run], fire: Path) -> None:
    """A forwarded `--outlet` page used to read as the whole matrix ("5 facts across 3 articles")."""
    page = cli("matrix", fire, "--outlet", "A", "--format", "html").out
    header = page.split("<header>", 1)[1].split("</header>", 1)[0]
    assert "what only The Evening Courier carries" in header
    whole = cli("matrix", fire, "--format", "html").out.split("<header>", 1)[1].split("</header>", 1)[0]
    assert re.search(r"\d+ facts across 3 articles", whole)


FRENCH = """Le secrétaire général de l'OTAN a déclaré jeudi à Bruxelles qu'un incendie avait détruit un
entrepôt lundi et que trois personnes étaient mortes. Les dégâts sont estimés à deux millions de
dollars selon le chef des pompiers, qui a ajouté que personne n'avait jamais vu un tel feu dans la
ville. La police a ouvert une enquête et les habitants du quartier ont été évacués pendant la nuit.
"""


def test_an_article_in_another_language_is_named_on_stderr(
    cli: Callable[..., Run], fire: Path, write: Callable[[str, bytes | str], Path]
) -> None:
    """A French article got all ✗ and, in check, "off-topic", with nothing saying why."""
    assert "English" not in cli("matrix", fire, "--no-color").err
    write("fr.txt", FRENCH)
    run = cli("matrix", fire, "--no-color")
    assert run.code == 0 and "fr.txt: does not read as English" in run.err
    assert "fr.txt: does not read as English" in cli("diff", fire / "a.txt", fire / "fr.txt").err


def test_too_short_to_tell_is_taken_as_english() -> None:
    from compare.read import reads_as_english

    assert reads_as_english("Le feu a détruit un entrepôt.")  # one line: not judged
    assert not reads_as_english(FRENCH)
    assert reads_as_english(FIRE_A * 2)


def test_diff_of_a_file_with_itself_says_so(cli: Callable[..., Run], fire: Path) -> None:
    run = cli("diff", fire / "a.txt", fire / "a.txt", "--no-color")
    assert run.code == 0 and "the same file as" in run.err
    assert "the same file" not in cli("diff", fire / "a.txt", fire / "b.txt").err


def test_missing_html_extra_names_the_install_from_the_checkout(
    cli: Callable[..., Run], fixtures_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`pip install 'compare[html]'` would fetch whatever a package index calls "compare"."""
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # import fails as when not installed
    run = cli("matrix", fixtures_dir / "article.html")
    assert run.code == 2 and "pip install -e '.[html]'" in run.err and "'compare[html]'" not in run.err
