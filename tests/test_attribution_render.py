"""Outlet names in the output: short unique column headers, the sources section in every format, the
attribution fields of the JSON article object, and an HTML page's metadata as the outlet."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path

from compare import render
from compare.model import Article, MatrixResult, Reuse
from compare.pipeline import diff, load_articles
from compare.segment import make_paragraphs

FIXTURES = Path(__file__).parent / "fixtures"


def article(aid: str, outlet: str | None = None, **fields: object) -> Article:
    base = Article(aid, f"{aid}.txt", outlet, None, None, None, make_paragraphs(["A story line."]), ())
    return replace(base, **fields)  # type: ignore[arg-type]


def test_short_labels_shorten_long_outlet_names_and_stems() -> None:
    labels = render.short_labels(
        [
            article("001_abcdef0123456789", "International Business Times"),
            article("002_0123456789abcdef", "Censor.NET"),
            article("003_fedcba9876543210"),
            article("h1_wire"),
        ]
    )
    assert list(labels.values()) == ["IBTimes", "Censor.NET", "003", "h1_wire"]


def test_short_labels_are_unique_for_two_articles_of_one_outlet() -> None:
    labels = render.short_labels([article("a", "Lakeside Herald"), article("b", "Lakeside Herald")])
    assert labels == {"a": "Lakeside Herald", "b": "Lakeside Herald 2"}


def test_stem_heads_that_collide_keep_the_whole_stem() -> None:
    labels = render.short_labels([article("2025_first_long_name"), article("2025_second_long_name")])
    assert set(labels.values()) == {"2025_first_long_name", "2025_second_long_name"}


def _result() -> MatrixResult:
    a = article(
        "wire_story_0001",
        "Nordic Business Times",
        via="Flipboard",
        byline=("Jane Doe",),
        credits=("AP",),
        published="2025-03-03",
        outlet_source="text",
    )
    b = article("copy_story_0002", reuses=(Reuse("wire_story_0001", 0.75),))
    return MatrixResult((a, b), (), ())


def test_sources_section_in_markdown_csv_html_and_table() -> None:
    result = _result()
    markdown = render.matrix_markdown(result)
    assert (
        "## Sources" in markdown and "| NBTimes | wire\\_story\\_0001 | Nordic Business Times |" in markdown
    )
    assert "NBTimes (75%)" in markdown  # the copy names the column it copies, and the share
    records = list(csv.reader(io.StringIO(render.matrix_csv(result))))
    assert records[0][4:] == ["NBTimes", "copy_story_0002"]
    rows = {r[2]: r[4:] for r in records[1:] if r[1] == "source"}
    assert rows["via"] == ["Flipboard", ""] and rows["reuses"] == ["", "NBTimes (75%)"]
    html = render.matrix_html(result)
    assert "Sources</h2>" in html and ">NBTimes</th>" in html
    from rich.console import Console

    console = Console(width=120, record=True, color_system=None)
    for part in render.matrix_renderables(result, 120):
        console.print(part)
    text = console.export_text()
    assert "Nordic Business Times" in text and "Jane Doe" in text and "2025-03-03" in text


def test_json_article_object_carries_the_attribution_fields_in_order() -> None:
    doc = json.loads(render.matrix_json(_result()))
    first = doc["articles"][0]
    keys = list(first)
    assert keys[:6] == ["id", "path", "outlet", "title", "url", "published"]
    assert keys[6:11] == ["via", "byline", "credits", "reuses", "attribution"]
    assert first["attribution"] == {"outlet": "text"} and first["credits"] == ["AP"]
    assert doc["articles"][1]["reuses"] == [{"article": "wire_story_0001", "share": 0.75}]
    assert doc["articles"][1]["attribution"] == {"outlet": None}


def test_diff_outputs_carry_the_sources_and_reuses() -> None:
    a, b = load_articles([str(FIXTURES / "reuse" / "wire.txt"), str(FIXTURES / "reuse" / "edited.txt")])
    result = diff(a, b)
    doc = json.loads(render.diff_json(result))
    by_id = {x["id"]: x for x in doc["articles"]}
    assert by_id["edited"]["reuses"][0]["article"] == "wire" and by_id["wire"]["credits"] == ["AP"]
    assert "## Sources" in render.diff_markdown(result)


def test_html_page_metadata_gives_outlet_byline_and_date() -> None:
    (page,) = load_articles([str(FIXTURES / "article.html")])
    assert page.outlet_source == "html" and page.outlet
    assert page.byline and page.published
