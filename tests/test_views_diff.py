"""diff's word marks: [-only in A-] and {+only in B+} in plain text and Markdown (visible with no
colour at all), loosely related pairs said so without marks."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from compare import render
from compare.cli import app

runner = CliRunner()

A_TEXT = """Fire crews fought a blaze at the city harbour on Monday, the fire chief said.

The mayor promised to rebuild the market by spring, calling the damage severe.
"""
B_TEXT = """Fire crews fought a stubborn blaze at the city harbour on Monday, the fire chief said.

Insurance companies expect claims to rise sharply after several warehouses and offices burned.
"""


@pytest.fixture
def pair(tmp_path: Path) -> tuple[str, str]:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(A_TEXT, encoding="utf-8")
    b.write_text(B_TEXT, encoding="utf-8")
    return str(a), str(b)


def test_marked_spans_and_markers() -> None:
    text = "The quick brown fox jumps"
    spans = render.marked_spans(text, "the fox jumps")
    assert [text[s:e] for s, e in spans] == ["quick brown"]  # neighbours joined into one span
    assert render.with_marks(text, spans, render.MARK_A) == "The [-quick brown-] fox jumps"
    assert render.with_marks(text, spans, render.MARK_B) == "The {+quick brown+} fox jumps"


def test_spans_do_not_swallow_punctuation() -> None:
    text = 'a "victory plan" outlined today'
    spans = render.marked_spans(text, "today")
    assert all('"' not in text[s:e] for s, e in spans)


def test_loosely_related() -> None:
    assert not render.loosely_related("fire at the harbour on monday", "a fire at the harbour")
    assert render.loosely_related("fire at the harbour on monday", "insurers expect claims to rise")
    assert render.loosely_related("", "anything")


def test_plain_table_has_visible_marks(pair: tuple[str, str]) -> None:
    result = runner.invoke(app, ["diff", *pair, "--no-color", "--width", "160"], env={"NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "\x1b[" not in out
    assert "{+stubborn+}" in out
    assert "[-words only in A-]" in out  # the key to the markers


def test_markdown_has_visible_marks(pair: tuple[str, str]) -> None:
    out = runner.invoke(app, ["diff", *pair, "-f", "markdown"]).stdout
    assert "{+stubborn+}" in out
    assert "Words only in A are marked" in out


def test_loose_pair_is_said_and_unmarked() -> None:
    from views_fixtures import article

    from compare.model import DiffResult, Pair

    a = article("a", text="The mayor promised to rebuild the market by spring.")
    b = article("b", text="Insurance companies expect claims to rise sharply.")
    result = DiffResult(a, b, (Pair((0,), (0,), 0.57),), (), ())
    row = next(line for line in render.diff_markdown(result).splitlines() if line.startswith("| 0.57"))
    assert f"*({render.LOOSELY_RELATED})*" in row and "{+" not in row and "\\[-" not in row
    html = render.diff_html(result)
    assert render.LOOSELY_RELATED in html and "<ins>" not in html.split("<tbody>")[1]
