"""read: bytes to normalised text, binary and empty files refused, metadata from front matter
and sources.yaml, article files found in a folder, HTML through trafilatura."""

from __future__ import annotations

import codecs
import io
import os
import random
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare.errors import CompareError
from compare.read import (
    article_paths,
    decode,
    load_sources,
    normalise_text,
    read_source,
    read_sources,
    split_front_matter,
)

STORY = (
    "Ferry workers in Port Elwyn rejected the operator's pay offer on Tuesday, extending a strike "
    "that has stranded hundreds of island residents for a week.\n"
)
# Text with characters outside ASCII, for the encodings that can carry it.
FRENCH = (
    "Le président a déclaré mercredi à Genève que la réunion des ministres avait été très "
    "difficile, mais qu'un accord restait possible avant la fin de l'année.\n"
)
CP1252_STORY = (
    "The operator’s “final offer” of €40 a week – about 4 percent – was rejected, the union’s "
    "secretary said on Tuesday. “We will not go back to work for that,” she told reporters.\n"
)


# --- decoding -----------------------------------------------------------------------------------


def test_utf8_is_decoded() -> None:
    text = "Zelenskyy met Rütte in Brüssel; the fund is worth €40bn.\n"
    assert decode(text.encode("utf-8"), "a.txt") == text


def test_utf8_bom_is_removed() -> None:
    text = decode(codecs.BOM_UTF8 + STORY.encode("utf-8"), "a.txt")
    assert text == STORY
    assert "\ufeff" not in text


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")],
    ids=["little-endian", "big-endian"],
)
def test_utf16_with_bom_is_decoded(bom: bytes, encoding: str) -> None:
    text = decode(bom + (FRENCH + CP1252_STORY).encode(encoding), "a.txt")
    assert text == FRENCH + CP1252_STORY


def test_cp1252_euro_sign_and_curly_quotes_come_out_right() -> None:
    text = decode((CP1252_STORY * 3).encode("cp1252"), "a.txt")
    assert text == CP1252_STORY * 3
    assert "€40" in text
    assert "“final offer”" in text
    assert "operator’s" in text


def test_a_short_line_with_only_curly_quotes_above_ascii_is_cp1252() -> None:
    """A few curly quotes in a short text are typographic punctuation, not Cyrillic letters
    (charset-normalizer read 'Be Get Get Get \x92 \x92.' as Mac Cyrillic; found by hypothesis)."""
    assert decode("Be Get Get Get ’ ’.\n".encode("cp1252"), "a.txt") == "Be Get Get Get ’ ’.\n"


def test_latin1_accents_come_out_right() -> None:
    text = decode((FRENCH * 3).encode("latin-1"), "a.txt")
    assert "président a déclaré mercredi à Genève" in text


def test_crlf_line_ends_become_lf(write) -> None:
    path = write("crlf.txt", "Title line\r\n\r\n" + STORY.replace("\n", "\r\n") + "Last.\r")
    text = read_source(str(path)).text
    assert "\r" not in text
    assert text.startswith("Title line\n\nFerry workers")


def test_cp1252_file_is_read(write) -> None:
    path = write("cp.txt", (CP1252_STORY * 2).encode("cp1252"))
    assert "“final offer” of €40" in read_source(str(path)).text


# --- binary, empty and missing files --------------------------------------------------------------


def test_png_file_is_refused_naming_the_file(write) -> None:
    path = write("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(CompareError) as err:
        read_source(str(path))
    assert err.value.where == str(path)
    assert str(path) in str(err.value)
    assert "binary" in err.value.problem


def test_random_bytes_with_nuls_are_refused(write) -> None:
    data = random.Random(20241016).randbytes(4096) + b"\x00\x00"
    path = write("noise.txt", data)
    with pytest.raises(CompareError) as err:
        read_source(str(path))
    assert err.value.where == str(path)
    assert "binary" in err.value.problem


def test_nul_padded_ascii_is_refused_as_binary() -> None:
    # Valid UTF-8, yet no article has NUL bytes in it.
    data = b"HEADER\x00\x00\x00\x00\x01\x02\x03record one\x00\x00\x00\x00record two" * 20
    with pytest.raises(CompareError, match="binary"):
        decode(data, "dump.txt")


def test_empty_file_is_refused(write) -> None:
    path = write("empty.txt", b"")
    with pytest.raises(CompareError) as err:
        read_source(str(path))
    assert err.value.where == str(path)
    assert "empty" in err.value.problem


def test_whitespace_only_file_is_refused(write) -> None:
    path = write("blank.txt", " \n\t\n   \r\n")
    with pytest.raises(CompareError) as err:
        read_source(str(path))
    assert err.value.where == str(path)


def test_front_matter_only_file_is_refused(write) -> None:
    path = write("meta.md", "---\noutlet: Wire\n---\n\n")
    with pytest.raises(CompareError, match="no article text"):
        read_source(str(path))


def test_missing_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.txt"
    with pytest.raises(CompareError) as err:
        read_source(str(path))
    assert err.value.where == str(path)
    assert "no such file" in err.value.problem


def test_directory_given_as_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CompareError) as err:
        read_source(str(tmp_path))
    assert err.value.where == str(tmp_path)
    assert "directory" in err.value.problem


def test_file_over_max_bytes_is_refused(write) -> None:
    path = write("long.txt", STORY * 20)
    size = path.stat().st_size
    with pytest.raises(CompareError) as err:
        read_source(str(path), max_bytes=size - 1)
    assert err.value.where == str(path)
    assert "--max-bytes" in err.value.problem


def test_file_at_max_bytes_is_read(write) -> None:
    path = write("long.txt", STORY * 20)
    assert read_source(str(path), max_bytes=path.stat().st_size).text == STORY * 20


def test_standard_input_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(STORY.encode("utf-8")))
    monkeypatch.setattr(sys, "stdin", stdin)
    source = read_source("-")
    assert source.id == "stdin"
    assert source.text == STORY


# --- front matter and sources.yaml ----------------------------------------------------------------


def test_front_matter_gives_outlet_title_url_and_published(fixtures_dir: Path) -> None:
    source = read_source(str(fixtures_dir / "frontmatter.md"))
    assert source.outlet == "Tenge Watch"
    assert source.title == "National Bank lifts base rate to 18.75% in surprise move"
    assert source.url == "https://tengewatch.example/2025/03/04/base-rate-hike"
    assert source.id == "frontmatter"
    assert not source.text.lstrip().startswith("---")
    assert "outlet:" not in source.text


def test_published_date_in_front_matter_is_a_string(write) -> None:
    path = write("a.md", "---\npublished: 2025-03-04\n---\n" + STORY)
    published = read_source(str(path)).published
    assert published == "2025-03-04"
    assert type(published) is str


def test_unknown_front_matter_keys_are_ignored() -> None:
    meta, rest = split_front_matter("---\noutlet: Wire\ntags: [a, b]\n---\nBody.\n", "a.md")
    assert meta == {"outlet": "Wire"}
    assert rest == "Body.\n"


def test_broken_front_matter_is_refused(write) -> None:
    path = write("a.md", "---\ntitle: [unclosed\noutlet: Wire\n---\n" + STORY)
    with pytest.raises(CompareError) as err:
        read_source(str(path))
    assert err.value.where == str(path)
    assert "front matter" in err.value.problem


def test_front_matter_that_is_not_a_mapping_is_refused(write) -> None:
    path = write("a.md", "---\n- just\n- a list\n---\n" + STORY)
    with pytest.raises(CompareError, match="front matter"):
        read_source(str(path))


def test_sources_yaml_beside_the_articles_gives_the_outlet(write) -> None:
    article = write("a1.txt", STORY)
    write("b2.txt", STORY.replace("Tuesday", "Wednesday"))
    write(
        "sources.yaml",
        "a1.txt:\n  outlet: Harbour Wire\n  published: 2024-10-16\nb2.txt: The Island Times\n",
    )
    sources = read_sources([str(article.parent)])
    assert [(s.id, s.outlet) for s in sources] == [
        ("a1", "Harbour Wire"),
        ("b2", "The Island Times"),
    ]
    assert sources[0].published == "2024-10-16"


def test_broken_sources_yaml_is_refused(write) -> None:
    write("a1.txt", STORY)
    sources_file = write("sources.yaml", "a1.txt: {outlet: [unclosed\n")
    with pytest.raises(CompareError) as err:
        read_sources([str(sources_file.parent)])
    assert err.value.where == str(sources_file)


def test_sources_yaml_entry_that_is_not_a_mapping_is_refused(write) -> None:
    sources_file = write("sources.yaml", "a1.txt: [1, 2]\n")
    with pytest.raises(CompareError, match="not a mapping"):
        load_sources(sources_file.parent)


@pytest.fixture
def no_os_system(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Replace os.system with a recorder: a YAML tag that ran it would show up here."""
    calls: list[object] = []
    monkeypatch.setattr(os, "system", lambda *args: calls.append(args) or 0)
    return calls


def test_yaml_tag_in_front_matter_is_never_executed(write, no_os_system: list[object]) -> None:
    path = write("a.md", '---\noutlet: !!python/object/apply:os.system ["echo hi"]\n---\n' + STORY)
    with pytest.raises(CompareError) as err:
        read_source(str(path))
    assert err.value.where == str(path)
    assert no_os_system == []


def test_yaml_tag_in_sources_yaml_is_never_executed(write, no_os_system: list[object]) -> None:
    write("a1.txt", STORY)
    sources_file = write(
        "sources.yaml", 'a1.txt:\n  outlet: !!python/object/apply:os.system ["echo hi"]\n'
    )
    with pytest.raises(CompareError) as err:
        read_sources([str(sources_file.parent)])
    assert err.value.where == str(sources_file)
    assert no_os_system == []


# --- control characters -----------------------------------------------------------------------


def test_colour_escape_sequence_is_removed() -> None:
    assert normalise_text("\x1b[31mService changes apply\x1b[0m.") == "Service changes apply."


def test_osc_title_change_is_removed_whole() -> None:
    assert normalise_text("routes.\x1b]0;pwned\x07 Next") == "routes. Next"


def test_screen_clear_is_removed() -> None:
    assert normalise_text("he said.\x1b[2J") == "he said."


def test_unterminated_osc_does_not_swallow_the_rest_of_the_article() -> None:
    text = normalise_text("First paragraph.\x1b]0;title\nSecond paragraph.\n")
    assert text == "First paragraph.\nSecond paragraph.\n"


@pytest.mark.parametrize(
    "control",
    ["\x00", "\x07", "\x08", "\x0b", "\x0c", "\x7f", "\x85", "\x9b", "\u200b", "\u202e", "\u2066"],
)
def test_other_control_characters_are_removed(control: str) -> None:
    assert normalise_text(f"Ferry strike{control}.") == "Ferry strike."


def test_tabs_and_no_break_spaces_become_spaces() -> None:
    assert normalise_text("a\tb\u00a0c") == "a b c"


def test_unicode_line_separator_becomes_a_line_end() -> None:
    assert normalise_text("one.\u2028Two.") == "one.\nTwo."


def test_text_is_nfc_and_keeps_accents_quotes_and_euro() -> None:
    text = normalise_text("Zoe\u0308 said “it’s €40”")
    assert text == "Zoë said “it’s €40”"


def test_terminal_escapes_in_a_file_never_reach_the_text(fixtures_dir: Path) -> None:
    text = read_source(str(fixtures_dir / "markup_injection.txt")).text
    assert "\x1b" not in text
    assert "\x07" not in text
    assert "pwned" not in text
    assert "Service changes apply." in text
    assert '"This is a pilot nobody asked for," he said.' in text


@settings(max_examples=300)
@given(st.text())
def test_normalised_text_has_no_control_characters(text: str) -> None:
    out = normalise_text(text)
    assert all(ch == "\n" or unicodedata.category(ch) != "Cc" for ch in out)
    assert "\r" not in out


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=512))
def test_decode_raises_nothing_but_compare_error(data: bytes) -> None:
    try:
        text = decode(data, "fuzz.txt")
    except CompareError as err:
        assert err.where == "fuzz.txt"
    else:
        assert isinstance(text, str)


# --- finding article files ----------------------------------------------------------------------


def test_folder_gives_only_article_files_in_name_order(write) -> None:
    for name in ("b.md", "a.txt", "c.html", "d.htm", "e.markdown"):
        write(name, STORY)
    for name in (
        ".hidden.txt",
        ".DS_Store",
        "photo.png",
        "photo.JPG",
        "notes.pdf",
        "compare.lock.json",
        "README.md",
        "readme.txt",
        "sources.yaml",
        "sub/inner.txt",
    ):
        write(name, STORY)
    folder = write("a.txt", STORY).parent
    names = [Path(p).name for p in article_paths([str(folder)])]
    assert names == ["a.txt", "b.md", "c.html", "d.htm", "e.markdown"]


def test_named_files_and_stdin_are_taken_as_given(write) -> None:
    path = write("notes.txt", STORY)
    bare = write("notes", STORY)
    assert article_paths([str(path), str(bare), "-"]) == [str(path), str(bare), "-"]


def test_a_named_file_that_is_not_an_article_is_refused(write) -> None:
    path = write("compare.lock.json", "{}")
    with pytest.raises(CompareError, match="not an article file"):
        article_paths([str(path)])


# --- HTML -----------------------------------------------------------------------------------


def test_html_page_keeps_the_story_and_drops_nav_and_footer(fixtures_dir: Path) -> None:
    source = read_source(str(fixtures_dir / "article.html"))
    text = source.text
    assert "Dales Water has declared a hosepipe ban covering around 410,000 households" in text
    assert "Forecasters expect only light rain over the next fortnight." in text
    assert '"Customers are being told to save water' in text
    for furniture in (
        "Accept all",
        "We use cookies",
        "Politics",
        "Subscribe from",
        "Privacy policy",
        "About us",
        "All rights reserved",
        "Most read",
        "County cricket",
        "Heatwave brings rail speed limits",
    ):
        assert furniture not in text, furniture
    assert "<" not in text
    assert source.outlet == "The Northern Ledger"
    assert source.title == "Hosepipe ban declared as Aldermoor reservoir falls to record low"
    assert source.published == "2025-07-22"


# --- UTF-8 once read as cp1252 (mojibake) ----------------------------------------------------------

# Correct text in which a capital letter stands right before a quote, a dash, an ellipsis or a
# no-break space: each such pair is also the cp1252 reading of a Western letter's UTF-8 bytes
# ("Ã…" is "Å"), so a repair run by pairs alone would change them.
WRITTEN_RIGHT = [
    "Os moradores disseram: “A IRMÃ” não voltou amanhã.",  # Portuguese
    "O título era «MAÇÃ» e a manchete dizia AMANHÃ… nada.",  # Portuguese (Portugal)
    "Başkan, KOÇ’UN açıklamasını doğruladı.",  # Turkish: a suffix after the apostrophe
    "Ministeri sanoi ”HYVÄ” ja lähti pois.",  # Finnish
    "Han svarte «NÅ» og gikk ut på kaia.",  # Norwegian
    "Hun skrev »NÅ« på tavlen i går.",  # Danish
    "Il titolo diceva PERCHÉ… e poi È… vero, disse il sindaco della città.",  # Italian
    "Le ministre a dit : « L’ÉTÉ‚ » puis il est parti à Genève.",  # French
    "Prezydent powiedział w Łodzi: «ÆØÅ–» to nie jest polskie słowo.",  # Polish, Danish letters
    "The guide explains mojibake: “Â£5” is what £5 becomes when UTF-8 is read as cp1252.",
]


@pytest.mark.parametrize("text", WRITTEN_RIGHT)
def test_text_written_right_is_never_repaired(text: str) -> None:
    from compare.read import repair_mojibake

    assert repair_mojibake(text) == text


@pytest.mark.parametrize("text", WRITTEN_RIGHT)
def test_a_file_written_right_reads_as_written(write, text: str) -> None:
    path = write("a1.txt", text + "\n\n" + STORY)
    assert read_source(str(path)).text.startswith(text)


def test_a_file_read_as_cp1252_and_saved_again_is_repaired_throughout(write) -> None:
    meant = "Os moradores disseram: «A IRMÃ» não voltou. José Núñez, São Paulo, €5m.\n"
    garbled = meant.encode("utf-8").decode("cp1252")
    assert garbled != meant
    path = write("a1.txt", garbled + "\n" + STORY)
    assert read_source(str(path)).text.startswith(meant)


def test_a_metadata_value_alone_is_not_repaired(write) -> None:
    """sources.yaml's title is read alone: "AMANHÃ…" says nothing of how a file was saved."""
    article = write("a1.txt", STORY)
    write("sources.yaml", "a1.txt:\n  title: AMANHÃ… no porto\n")
    (source,) = read_sources([str(article.parent)])
    assert source.title == "AMANHÃ… no porto"


def test_a_file_read_with_undefined_bytes_replaced_is_still_repaired() -> None:
    """A reader that replaced the bytes cp1252 leaves undefined (the 0x9D of a closing quote "”")
    left "â€\ufffd": that run stays as it is, the others are repaired."""
    from compare.read import repair_mojibake

    meant = "“Ferry deal is off,” said José Núñez in São Paulo."
    garbled = meant.encode("utf-8").decode("cp1252", errors="replace")
    assert "\ufffd" in garbled
    assert repair_mojibake(garbled) == meant.replace("”", "â€\ufffd")
