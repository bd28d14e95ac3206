"""The HTML report: a golden file of a small synthetic matrix (article text with markup in it), and
the page parsed with lxml: outlets at the top, the groups of the terminal view, every cell's
evidence in a <details>, everything escaped, nothing loaded from elsewhere."""

from __future__ import annotations

import base64
import difflib
import hashlib
import os
from pathlib import Path

import lxml.html
import pytest
from typer.testing import CliRunner
from views_fixtures import article, fact, synthetic_matrix

from compare import html_report, render
from compare.cli import app
from compare.model import MatrixResult

REPO = Path(__file__).resolve().parent.parent
GOLDEN = REPO / "tests" / "golden" / "report-synthetic.html"
INJECTION = '<script>alert("x")</script> & "quoted" <img src=http://example.com/x.png>'


def hostile_matrix() -> MatrixResult:
    """Three articles whose names, titles and sentences carry markup, quotes and ampersands."""
    arts = [
        article("wire", outlet="Wire <b>Agency</b>", title="Fire at the harbour & docks"),
        article("daily", outlet="The Daily", title=INJECTION),
        article("blog", title=None),
    ]
    facts = (
        fact("f1", "claim", "The fire broke out at the harbour", ["stated", "stated", "stated"], arts),
        fact("f2", "quantity", "3 warehouses <destroyed>", ["stated", "conflict", "absent"], arts),
        fact("f3", "quote", INJECTION, ["absent", "stated", "absent"], arts),
    )
    return MatrixResult(tuple(arts), facts, ())


def parse(page: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(page.encode("utf-8"))


def test_golden_report(request: pytest.FixtureRequest) -> None:
    page = render.matrix_html(hostile_matrix(), title="Harbour fire")
    update = (
        request.config.getoption("--update-golden", default=False)
        or os.environ.get("COMPARE_UPDATE_GOLDEN") == "1"
    )
    if update:
        GOLDEN.write_bytes(page.encode("utf-8"))
        return
    expected = GOLDEN.read_bytes().decode("utf-8")
    if page != expected:
        delta = "".join(
            difflib.unified_diff(expected.splitlines(True), page.splitlines(True), "golden", "now")
        )
        pytest.fail(f"report differs from {GOLDEN.name} (rerun with --update-golden if intended):\n{delta}")


def test_title_and_outlets_at_the_top() -> None:
    doc = parse(render.matrix_html(hostile_matrix(), title="Harbour fire"))
    assert doc.findtext(".//h1") == "Harbour fire"
    outlets = doc.xpath("//table[@class='outlets']/tbody/tr")
    assert [r.xpath("string(th)") for r in outlets] == render.column_keys(hostile_matrix().articles)
    assert "Wire <b>Agency</b>" in outlets[0].xpath("string(td[1])")
    assert outlets[1].xpath("string(td[2])") == INJECTION  # shown as text, not obeyed


def test_only_web_addresses_become_links() -> None:
    from dataclasses import replace

    base = hostile_matrix()
    arts = (
        replace(base.articles[0], url="javascript:alert(1)"),
        replace(base.articles[1], url="https://example.org/a?x=1&y=2"),
        base.articles[2],
    )
    doc = parse(render.matrix_html(replace(base, articles=arts)))
    links = doc.xpath("//table[@class='outlets']//a/@href")
    assert links == ["https://example.org/a?x=1&y=2"]


def test_default_title_is_a_headline() -> None:
    doc = parse(render.matrix_html(hostile_matrix()))
    assert doc.findtext(".//h1") in {"Fire at the harbour & docks", INJECTION}


def test_groups_of_the_terminal_view() -> None:
    doc = parse(render.matrix_html(synthetic_matrix(6)))
    bands = [b.get("data-band") for b in doc.xpath("//tbody[contains(@class,'band')]")]
    assert bands == ["in every article", "in most articles", "in some articles", "in one article only"]
    first = doc.xpath("//tbody[@data-band='in every article']/tr[@class='fact']")
    assert [r.get("id") for r in first] == ["fact-f1", "fact-f2"]
    assert doc.xpath("//tr[@id='fact-f5']")[0].get("data-views") == "exclusive"
    assert "omitted" in doc.xpath("//tr[@id='fact-f3']")[0].get("data-views")


def test_every_carried_cell_has_its_evidence_in_details() -> None:
    result = hostile_matrix()
    doc = parse(render.matrix_html(result))
    row = doc.xpath("//tr[@id='fact-f2']")[0]
    cells = row.xpath("td[contains(@class,'cell')]")
    assert [c.get("class").split()[1] for c in cells] == ["stated", "conflict", "absent"]
    evidence = [c.xpath("string(.//details/div)") for c in cells[:2]]
    assert "3 warehouses <destroyed> (as wire put it)" in evidence[0]
    assert "(as daily put it)" in evidence[1]
    assert not cells[2].xpath(".//details")
    # the print copy lists every evidence sentence too
    printed = doc.xpath("string(//section[contains(@class,'print-only')])")
    assert printed.count("(as ") == sum(1 for f in result.facts for _, c in f.coverage if c.evidence)
    # accessible names for the symbols
    assert "The Daily: a different figure" in cells[1].xpath("string(.//span[@class='sr'])")


def test_everything_escaped_and_nothing_remote() -> None:
    page = render.matrix_html(hostile_matrix())
    doc = parse(page)
    scripts = doc.xpath("//script")
    assert len(scripts) == 1 and "alert" not in (scripts[0].text or "")
    assert not doc.xpath("//img") and not doc.xpath("//*[@src]") and not doc.xpath("//link")
    assert not doc.xpath("//b")  # the outlet's <b> is text
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page


def test_csp_forbids_remote_loads_and_pins_the_script() -> None:
    page = render.matrix_html(hostile_matrix())
    doc = parse(page)
    csp = doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    assert "default-src 'none'" in csp and "http" not in csp
    script = doc.xpath("//script")[0].text
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in csp


def test_readable_without_script() -> None:
    doc = parse(render.matrix_html(synthetic_matrix(4)))
    assert doc.xpath("//form[@id='filters']")[0].get("hidden") is not None  # controls only with script
    assert not doc.xpath("//tr[@hidden]") and not doc.xpath("//tbody[@hidden]")


def test_sticky_headers_and_scrolling_for_many_outlets() -> None:
    page = render.matrix_html(synthetic_matrix(300))
    assert "position: sticky" in page and "overflow: auto" in page
    doc = parse(page)
    assert len(doc.xpath("//table[@class='matrix']/thead/tr/th")) == 3 + 300
    assert "min-width: 18em" in page  # the label column does not collapse


def test_diff_page_marks_and_escapes() -> None:
    a = article("a", outlet="A <i>Times</i>", text="Crews fought a stubborn blaze at the harbour <now>.")
    b = article("b", text="Crews fought a blaze at the harbour & docks.")
    from compare.model import DiffResult, Pair

    page = html_report.diff_page(DiffResult(a, b, (Pair((0,), (0,), 0.8),), (), ()))
    doc = parse(page)
    assert [e.text_content() for e in doc.xpath("//tbody//del")] == ["[-stubborn-]"]
    assert "harbour &lt;now&gt;" in page
    assert [e.text_content() for e in doc.xpath("//tbody//ins")] == ["{+docks+}"]
    assert not doc.xpath("//i") and not doc.xpath("//script")
    assert "default-src 'none'" in doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]


def test_cli_html_report_of_the_seeds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    target = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["matrix", "seeds", "-o", str(target), "--title", "Seeds <test>"])
    assert result.exit_code == 0, result.stderr
    doc = parse(target.read_text(encoding="utf-8"))
    assert doc.findtext(".//h1") == "Seeds <test>"
    assert len(doc.xpath("//table[@class='outlets']/tbody/tr")) == 5
    assert doc.xpath("//details")
