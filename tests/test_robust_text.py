"""Text (issue 13): invisible format characters removed when a file is read, so no output carries
them; Latin-1 text with accented names decoded as Latin-1; hypothesis derandomised in CI."""

from __future__ import annotations

import json
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

from compare.cli import main
from compare.read import _looks_like_western_latin1, decode, normalise_text

REPO = Path(__file__).resolve().parent.parent
SEEDS = sorted((REPO / "seeds").glob("*.txt"))
JOINERS = "\u200c\u200d"


def format_characters() -> list[str]:
    return [chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cf"]


def test_every_format_character_is_removed() -> None:
    for ch in format_characters():
        cleaned = normalise_text(f"one{ch} two {ch}three")
        assert ch not in cleaned, f"U+{ord(ch):04X}"
        assert cleaned.replace(" ", "") in ("onetwothree",) or ch in JOINERS, f"U+{ord(ch):04X}"


def test_joiners_stay_inside_words_and_go_elsewhere() -> None:
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # mi-khaham, with a ZWNJ
    assert normalise_text(persian) == persian
    assert normalise_text("\u200dstart end\u200c") == "start end"


HIDDEN = "\u061c\u2060\U000e0041\U000e0042\u00ad\u2066\u200b\ufeff\u180e\U000e007f"


@pytest.mark.parametrize("fmt", ["json", "table", "markdown", "csv", "html"])
def test_no_output_carries_format_characters(
    write: Callable[..., Path], capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    text = SEEDS[0].read_text(encoding="utf-8")
    words = text.split(" ")
    poisoned = " ".join(w + HIDDEN[i % len(HIDDEN)] if i % 3 == 0 else w for i, w in enumerate(words))
    path = write("hidden.md", f"---\noutlet: Wire{HIDDEN}\ntitle: A{HIDDEN}B\n---\n{poisoned}")
    other = write("other.txt", SEEDS[1].read_text(encoding="utf-8"))
    capsys.readouterr()
    assert main(["matrix", str(path), str(other), "--format", fmt, "--no-color"]) in (0, None)
    out = capsys.readouterr().out
    assert out
    assert not [ch for ch in out if unicodedata.category(ch) == "Cf"], fmt
    if fmt == "json":
        outlets = [a["outlet"] for a in json.loads(out)["articles"]]
        assert "Wire" in outlets


@pytest.mark.parametrize(
    "sentence",
    [
        "The mayor of A Coruña said the port would reopen on Monday.",
        "Officials in Zürich, São Paulo and Malmö met the ministers of Curaçao.",
        "Le président Müller a dit à Genève que l'accord était prêt.",
        "El alcalde de Logroño dijo que el año había sido difícil para España.",
        "Price £5, 20 °C and «Hola», said the señora from Bogotá.",
    ],
)
def test_latin1_text_with_accented_names_decodes_right(sentence: str) -> None:
    story = (sentence + " " + "The council met again later that week to agree the plan. ") * 3
    assert decode(story.encode("latin-1"), "a.txt") == story


def test_cp1252_with_windows_punctuation_still_decodes_as_cp1252() -> None:
    story = "The mayor of A Coruña said “we will rebuild” – and it cost €40 million. " * 3
    assert decode(story.encode("cp1252"), "a.txt") == story


def test_central_european_text_is_left_to_charset_normalizer() -> None:
    """ISO-8859-2 Polish and Czech: ł, ś, ż, š are symbols in Latin-1 (³ ¶ ¿ ¹) right after a
    letter, so the Latin-1 rule declines and charset-normalizer decides, as before."""
    for story in (
        "Spółka z Łodzi podała, że był to trudny rok dla żeglugi i portów. " * 3,
        "Příliš žluťoučký kůň úpěl ďábelské ódy na náměstí. " * 3,
    ):
        assert not _looks_like_western_latin1(story.encode("iso-8859-2"))
    assert _looks_like_western_latin1("The mayors of A Coruña and Zürich met. ".encode("latin-1") * 3)


# --- hypothesis in CI ----------------------------------------------------------------------------


def test_ci_profile_is_derandomised_with_a_fixed_example_count() -> None:
    profile = settings.get_profile("ci")
    assert profile.derandomize is True
    assert profile.database is None
    assert profile.max_examples == 50


def test_ci_profile_is_selected_when_ci_is_set(tmp_path: Path) -> None:
    import subprocess

    probe = tmp_path / "test_probe.py"
    probe.write_text(
        "from hypothesis import settings\n"
        "def test_probe():\n"
        "    assert settings.default.derandomize is True\n"
        "    assert settings.default.max_examples == 50\n",
        encoding="utf-8",
    )
    conftest = REPO / "tests" / "conftest.py"
    (tmp_path / "conftest.py").write_text(conftest.read_text(encoding="utf-8"), encoding="utf-8")
    env = {"CI": "true", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(probe)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout.decode()[-2000:]
