"""read: bytes on disk (or standard input) to decoded, normalised text plus outlet metadata.

Newsroom files arrive in any encoding: a byte-order mark decides first, then strict UTF-8, then
charset-normalizer. Text is normalised to NFC with LF line ends, and every control character
(terminal escape sequences included) is removed here, so nothing downstream can paint a
terminal. HTML goes through trafilatura, imported only when an HTML file is read.
"""

from __future__ import annotations

import codecs
import errno
import json
import os
import re
import stat
import sys
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from compare.embeds import unwrap_embedded_posts
from compare.errors import CompareError, display_name
from compare.limits import DEFAULT_MAX_BYTES
from compare.metadata import (
    MAX_FRONT_MATTER_BYTES,
    MAX_SOURCES_BYTES,
    METADATA_KEYS,
    check_fields,
    parse_yaml,
)
from compare.model import Source

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
SOURCES_FILE = "sources.yaml"
# Document formats a newsroom saves articles in that compare does not read: in a folder they are
# skipped like images, but named on stderr, or an article saved from Word would silently be
# missing from the comparison (general knowledge of office formats).
DOCUMENT_SUFFIXES = (".doc", ".docx", ".odt", ".rtf", ".pdf", ".pages", ".epub")
# A note names at most this many skipped documents (enough to recognise them; the count is whole).
MAX_DOCUMENTS_NAMED = 5


# Share of control bytes (other than tab/newline/carriage return/escape) above which a file is
# taken for binary rather than text: text files have none, images and archives have many.
BINARY_CONTROL_SHARE = 0.05

# File signatures of common binary formats, checked before any decoding is tried.
BINARY_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
    (b"RIFF", "a media file"),
)

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# ESC-introduced sequences: CSI (colours, cursor moves, screen clears), OSC (window titles,
# hyperlinks; ended by BEL or ST) and two-byte escapes. Removed whole, not just their ESC byte.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: ESC [ params final
    r"|\x1b\][^\x07\x1b\n]*(?:\x07|\x1b\\)?"  # OSC: ESC ] ... BEL or ESC \ (never past a line end:
    # an unterminated one would otherwise eat the rest of the article)
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
    r"|\x1b[@-_]"  # any other two-byte escape
)
# Control characters, zero-width and bidirectional marks (embeddings, overrides and isolates can
# reorder what a terminal shows), and the byte-order mark.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
# Invisible format characters (Unicode category Cf, as of Unicode 15): the soft hyphen, Arabic
# letter mark (U+061C), word joiner and invisible operators (U+2060-U+2064), bidi isolates and
# deprecated format controls, interlinear annotation marks, tag characters (U+E0001,
# U+E0020-U+E007F, which can spell hidden ASCII text) and the rest. They change nothing a reader
# sees and can hide text or make two equal sentences compare unequal. The two joiners
# (U+200C/U+200D) shape Persian, Arabic and Indic words, so they stay between two letters and go
# everywhere else. tests/test_robust_text.py checks the list against unicodedata.
_FORMAT = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b\u200e\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
    "\U000e0020-\U000e007f]"
    r"|(?<!\w)[\u200c\u200d]|[\u200c\u200d](?!\w)"
)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*(?:\n|\Z)", re.S)


def decode(data: bytes, where: str) -> str:
    """Decode a file's bytes to text, or raise CompareError saying why it is not text."""
    for magic, what in BINARY_MAGIC:
        if data.startswith(magic):
            raise CompareError(where, f"binary file ({what}), not an article")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise CompareError(where, f"cannot decode as {encoding}: {exc.reason}") from None
    if _looks_like_bomless_utf16(data):
        encoding = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    # Checked before UTF-8: NULs and control bytes are valid UTF-8, yet no text file has them.
    controls = sum(1 for b in data[:65536] if b < 32 and b not in (9, 10, 13, 27))
    if b"\x00" in data[:65536] or controls > BINARY_CONTROL_SHARE * min(len(data), 65536):
        raise CompareError(where, "binary file (control bytes throughout), not an article")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _looks_like_windows_punctuated(data) or _looks_like_western_latin1(data):
        return data.decode("cp1252")
    from charset_normalizer import from_bytes  # imported here: only non-UTF-8 files need it

    best = from_bytes(data).best()
    if best is None:
        raise CompareError(where, "cannot decode: no text encoding fits these bytes")
    return str(best)


# Bytes 0x80-0x9F that Windows code pages 1250 and 1252 both read as typographic punctuation:
# € ‚ „ … † ‡ ‰ ‹ ‘ ’ “ ” • – — ™ ›. Text pasted from a word processor has them; ISO-8859 text
# has none (they are control codes there), and neither has a letter among these bytes.
_WINDOWS_PUNCTUATION = frozenset(b"\x80\x82\x84\x85\x86\x87\x89\x8b\x91\x92\x93\x94\x95\x96\x97\x99\x9b")
# Western text has few bytes above ASCII: accents and quotes among plain letters. Cyrillic, Greek
# or Hebrew in a Windows code page, which use the same quote bytes, are mostly high bytes.
WESTERN_HIGH_SHARE = 0.15


def _looks_like_windows_punctuated(data: bytes) -> bool:
    """Mostly-ASCII text with Windows curly quotes, dashes or the euro sign (cp1252).

    charset-normalizer guesses badly on such text: a few curly quotes in an English article
    come out as Chinese (big5) or as cp852 box letters. Letters in 0x80-0x9F (cp1250's š, ś, ž)
    send the text to charset-normalizer instead."""
    sample = data[:65536]
    high = [b for b in sample if b >= 0x80]
    low_high = [b for b in high if b < 0xA0]
    if not low_high or any(b not in _WINDOWS_PUNCTUATION for b in low_high):
        return False
    if len(low_high) == len(high):
        return True  # only typographic punctuation above ASCII, however short the text
    letters = sum(1 for b in sample if 65 <= b <= 90 or 97 <= b <= 122)
    return len(high) <= WESTERN_HIGH_SHARE * (letters + len(high))


# Latin-1 bytes that are letters (À-ÿ but × and ÷, and ª µ º) ...
_LATIN1_LETTERS = frozenset(b for b in range(0xA0, 0x100) if bytes([b]).decode("latin-1").isalpha())
# ... and the punctuation that follows or precedes a letter in Western text: no-break space,
# guillemets. Other symbols (£ ° © ¿ ¡ §) may appear only where no letter precedes them, as they
# do ("£5", "¿Qué", "20 °C"): in ISO-8859-2 the same bytes are letters inside words (0xA3 Ł,
# 0xB3 ł, 0xB1 ą, 0xB9 š, 0xBF ż), which keeps Central European text away from this rule.
_LATIN1_ANYWHERE = frozenset(b"\xa0\xab\xbb")


def _looks_like_western_latin1(data: bytes) -> bool:
    """Mostly-ASCII text whose high bytes read as Latin-1 accented letters ("A Coruña",
    "Zürich", "São Paulo") and no byte in 0x80-0x9F (cp1252's punctuation, taken above).

    charset-normalizer needs many high bytes to tell Western from Central European: with one
    accented name in an English article it picks cp1250 and "Coruña" comes out "Coruńa". A
    Latin-2 text has ł, ś, š, ż in words, which are symbols in Latin-1 and fail this test."""
    sample = data[:65536]
    high = [i for i, b in enumerate(sample) if b >= 0x80]
    if not high:
        return False
    letters = sum(1 for b in sample if 65 <= b <= 90 or 97 <= b <= 122)
    if len(high) > WESTERN_HIGH_SHARE * (letters + len(high)):
        return False
    for i in high:
        b = sample[i]
        if b < 0xA0:
            return False
        if b in _LATIN1_LETTERS or b in _LATIN1_ANYWHERE:
            continue
        before = sample[i - 1] if i else 0x20
        if before in _LATIN1_LETTERS or 65 <= before <= 90 or 97 <= before <= 122:
            return False
    return True


def _looks_like_bomless_utf16(data: bytes) -> bool:
    """UTF-16 without a BOM: every other byte of ASCII-range text is NUL."""
    sample = data[:4096]
    if len(sample) < 8:
        return False
    even_nul = sample[0::2].count(0) / len(sample[0::2])
    odd_nul = sample[1::2].count(0) / len(sample[1::2])
    return max(even_nul, odd_nul) > 0.4 and min(even_nul, odd_nul) < 0.05


# UTF-8 text once read as Windows-1252 and saved again ("JosÃ© NÃºÃ±ez", "Oâ€™Connor", "â‚¬5m"): a
# lead byte of a two-to-four-byte UTF-8 sequence (Â-ô) followed by continuation bytes as cp1252
# shows them (0x80-0xBF: the cp1252 punctuation and Latin-1 symbols). Copy-pasted and re-saved
# pages carry it; a real word never has these pairs.
_CP1252_CONTINUATION = (
    "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014"
    "\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
)
_MOJIBAKE = re.compile(f"(?:[\u00c2-\u00f4][{_CP1252_CONTINUATION}]{{1,3}})+")
# What a repaired run may hold: Latin letters with accents, general punctuation, currency and
# letter-like symbols (the characters Western news text has). A run that decodes to anything else
# ("Ö“" is also valid UTF-8, a Syriac letter) was real text and stays.
_REPAIRED = re.compile("[\u00a0-\u024f\u2000-\u206f\u20a0-\u20cf\u2100-\u215f]+")


def _cp1252_byte(char: str) -> bytes:
    """The cp1252 byte a character was read from; the five bytes cp1252 leaves undefined (0x81,
    0x8D, 0x8F, 0x90, 0x9D: "â€\x9d" is a closing quote) come through as the same code point."""
    try:
        return char.encode("cp1252")
    except UnicodeEncodeError:
        if ord(char) < 0x100:
            return bytes([ord(char)])
        raise


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 read as cp1252, for the whole text or not at all. A file saved so is wrong
    throughout: every character beyond ASCII is in a run that, written back as cp1252 bytes, is
    valid UTF-8 of Western characters ("JosÃ©" -> "José"). One character outside such a run (a real
    "Ä" or "’", or a run that decodes to nothing Western) shows the text was written right, and
    then "KOÇ’UN", "“IRMÃ”" or "HYVÄ”" (capitals before a quote) mean what they say and stay."""
    pieces: list[str] = []
    at = 0
    for match in _MOJIBAKE.finditer(text):
        repaired = _repaired_run(match.group(0))
        if repaired is None and text.startswith("\ufffd", match.end()):
            # "â€\ufffd": the reader replaced a byte cp1252 leaves undefined (the 0x9D of "”"); the
            # run cannot be repaired, but it is mis-read text, no sign of text written right.
            repaired = match.group(0)
        if repaired is None or not _no_evidence(text[at : match.start()]):
            return text
        pieces += [text[at : match.start()], repaired]
        at = match.end()
    if not pieces or not _no_evidence(text[at:]):
        return text
    return "".join([*pieces, text[at:]])


def _repaired_run(run: str) -> str | None:
    """What a run of cp1252 characters meant as UTF-8, or None when it is no such run."""
    try:
        repaired = b"".join(_cp1252_byte(c) for c in run).decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None
    return repaired if _REPAIRED.fullmatch(repaired) else None


def _no_evidence(between: str) -> bool:
    """Whether text between runs says nothing of the encoding: ASCII, and U+FFFD (a byte cp1252
    leaves undefined, replaced by whatever read the file), which a mis-read file has too."""
    return between.replace("\ufffd", "").isascii()


def normalise_text(text: str) -> str:
    """NFC, LF line ends, no escape sequences, control or invisible format characters; the
    characters themselves (accents, curly quotes, the euro sign) are kept as they are."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")  # Unicode line/paragraph separators
    text = _ESCAPE_SEQUENCE.sub("", text)
    text = text.replace("\t", " ").replace("\u00a0", " ")
    text = _CONTROL.sub("", text)
    text = _FORMAT.sub("", text)
    return unicodedata.normalize("NFC", text)


def split_front_matter(text: str, where: str) -> tuple[dict[str, str], str]:
    """Take a leading YAML front-matter block off the text; return its metadata and the rest."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    data = parse_yaml(match.group(1), where=where, what="front matter", limit=MAX_FRONT_MATTER_BYTES)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise CompareError(where, "broken front matter: expected 'key: value' lines")
    return _metadata(check_fields(data, where=where, context="front matter")), text[match.end() :]


def _metadata(data: Mapping[Any, Any]) -> dict[str, str]:
    """Keep the known keys, as one-line strings (YAML turns `published: 2023-03-05` into a date)."""
    meta = {k: metadata_value(data[k]) for k in METADATA_KEYS if data.get(k) not in (None, "")}
    return {k: v for k, v in meta.items() if v}


def metadata_value(value: object) -> str:
    """A metadata value as one clean line: YAML's double-quoted escapes (`"\\e[2J"`, `"\\x9b"`)
    and HTML page titles can carry escape sequences and control characters that the article
    text's own cleaning never saw, so they get the same treatment."""
    return " ".join(normalise_text(str(value)).split())


def load_sources(directory: Path) -> dict[str, dict[str, str]]:
    """Read `sources.yaml` (file name -> outlet/title/url/published) beside the articles."""
    path = directory / SOURCES_FILE
    where = str(path)
    try:
        if not os.path.lexists(path):
            return {}
        data_bytes = read_regular_file(path, MAX_SOURCES_BYTES, what="sources file")
        text = data_bytes.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CompareError(where, f"cannot read: sources file is not UTF-8 ({exc.reason})") from None
    data = parse_yaml(text, where=where, what="sources file", limit=MAX_SOURCES_BYTES)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise CompareError(where, "broken sources file: expected 'file name: {outlet: ...}' entries")
    sources: dict[str, dict[str, str]] = {}
    for name, entry in data.items():
        if isinstance(entry, str):
            entry = {"outlet": entry}
        if not isinstance(entry, dict):
            raise CompareError(where, f"broken sources file: entry {name!r} is not a mapping")
        sources[str(name)] = _metadata(check_fields(entry, where=where, context=f"entry {str(name)!r}"))
    return sources


# What a path that is not a regular file is, for the message that refuses it.
_SPECIAL_FILES = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a directory"),
)


def special_file_kind(mode: int) -> str | None:
    """'a named pipe (FIFO)', 'a character device', ... or None for a regular file."""
    for test, what in _SPECIAL_FILES:
        if test(mode):
            return what
    return None if stat.S_ISREG(mode) else "not a regular file"


def read_regular_file(path: Path | str, limit: int, *, what: str = "file", where: str | None = None) -> bytes:
    """Read at most `limit` bytes of a regular file, or raise CompareError.

    The file is opened without blocking (a FIFO would otherwise wait for a writer forever) and
    checked with fstat on the open descriptor, so a device, pipe or socket is refused before any
    byte is read and a file swapped after a check cannot slip through. The size is that of the
    bytes actually read (one past the limit at most): st_size is 0 for /dev/zero and /proc files,
    and a file may grow while it is read.
    """
    where = where or display_name(str(path))
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        kind = special_file_kind(os.stat(path).st_mode)  # a socket cannot even be opened
        if kind is not None:
            raise CompareError(where, f"is {kind}, not a regular file: only regular files are read")
        fd = os.open(path, flags)
    except OSError as exc:
        raise CompareError(where, _os_problem(exc)) from None
    try:
        info = os.fstat(fd)
        kind = special_file_kind(info.st_mode)
        if kind is not None:
            raise CompareError(where, f"is {kind}, not a regular file: only regular files are read")
        if info.st_size > limit:  # a regular file says its size: refuse it without reading
            raise CompareError(where, _too_big(limit, what, info.st_size))
        chunks: list[bytes] = []
        got = 0
        while got <= limit:
            chunk = os.read(fd, min(READ_CHUNK, limit + 1 - got))
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
    except OSError as exc:
        raise CompareError(where, _os_problem(exc)) from None
    finally:
        os.close(fd)
    if got > limit:
        raise CompareError(where, _too_big(limit, what))
    return b"".join(chunks)


# Bytes read per system call: large enough that a 2 MB article is a handful of reads.
READ_CHUNK = 1 << 20


def _os_problem(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "cannot read: symbolic link loop"
    if exc.errno == errno.ENOENT:
        return "no such file" if not os.path.islink(exc.filename or "") else "broken symbolic link"
    return f"cannot read: {exc.strerror or exc}"


def read_source(
    path: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    sources: Mapping[str, Mapping[str, str]] | None = None,
) -> Source:
    """Read one article file (or `-` for standard input) into a Source."""
    where = display_name(path)
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        article_id, suffix = "stdin", ".txt"
        if len(data) > max_bytes:  # read only up to the limit: its real size is unknown
            raise CompareError(
                path, f"standard input is over the {_size(max_bytes)} limit (raise it with --max-bytes)"
            )
    else:
        file = Path(path)
        if not os.path.lexists(path):
            raise CompareError(where, "no such file")
        if file.is_dir():
            raise CompareError(where, "is a directory, expected an article file")
        suffix = file.suffix.lower()
        article_id = display_name(file.stem)
        data = read_regular_file(path, max_bytes, what="article file", where=where)
    if not data.strip():
        raise CompareError(where, "empty file, no article text")
    # Repaired here, for the file as a whole: a short metadata value alone ("CAFÉ…") cannot show
    # whether its file was mis-read (normalise_text also cleans those values).
    text = repair_mojibake(decode(data, where))
    meta: dict[str, str] = {}
    origin: dict[str, str] = {}  # which layer gave each key: the last one wins
    if suffix in (".html", ".htm") or (suffix == ".txt" and _looks_like_html(text)):
        text, meta = _html_to_text(text, where)
        origin.update(dict.fromkeys(meta, "html"))
    text = normalise_text(text)
    front, text = split_front_matter(text, where)
    meta.update(front)
    origin.update(dict.fromkeys(front, "front-matter"))
    if sources and path != "-":
        listed = dict(sources.get(Path(path).name, {}))
        meta.update(listed)
        origin.update(dict.fromkeys(listed, "sources.yaml"))
    meta = {k: clean for k, v in meta.items() if (clean := metadata_value(v))}
    if not text.strip():
        raise CompareError(where, "no article text (only whitespace or front matter)")
    return Source(
        id=article_id,
        path=where,
        text=text,
        outlet=meta.get("outlet"),
        title=meta.get("title"),
        url=meta.get("url"),
        published=meta.get("published"),
        origin=tuple(sorted((k, origin[k]) for k in meta if k in origin and k in METADATA_KEYS)),
        author=meta.get("author"),
    )


def _too_big(limit: int, what: str, size: int | None = None) -> str:
    """`size` is None when the file said a smaller size than it turned out to have."""
    subject = "file" if what == "article file" else what
    known = f" {_size(size)}," if size is not None else ""
    advice = " (raise it with --max-bytes)" if what == "article file" else ""
    return f"{subject} is{known} over the {_size(limit)} limit{advice}"


def _size(n: int) -> str:
    """1234567 -> '1.2 MB', 4500 -> '4.5 kB', 900 -> '900 bytes'."""
    if n >= 1_000_000:
        return f"{n / 1e6:.1f} MB"
    if n >= 1_000:
        return f"{n / 1e3:.1f} kB"
    return f"{n} bytes"


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:200].lower()
    return head.startswith("<!doctype html") or head.startswith("<html")


def _html_to_text(html: str, where: str) -> tuple[str, dict[str, str]]:
    """Extract the story from a news page with trafilatura, one paragraph per line."""
    try:
        import trafilatura
    except ImportError:
        # Not `pip install 'compare[html]'`: from a package index that name may be another project.
        raise CompareError(
            where,
            "reading HTML needs the html extra: reinstall compare with it "
            "(pip install -e '.[html]' in its checkout)",
        ) from None
    html = unwrap_embedded_posts(html)
    try:
        result = trafilatura.bare_extraction(
            html, include_comments=False, include_tables=False, with_metadata=True
        )
    except Exception as exc:  # trafilatura raises many parser error types on broken pages
        raise CompareError(where, f"cannot parse HTML: {exc}") from None
    if result is None:
        raise CompareError(where, "no article text found in this HTML page")
    data = result if isinstance(result, dict) else result.as_dict()
    text = str(data.get("text") or "")
    meta = {}
    for key, field in (("title", "title"), ("url", "url"), ("published", "date")):
        if data.get(field):
            meta[key] = str(data[field])
    if data.get("sitename"):
        meta["outlet"] = str(data["sitename"])
    if data.get("author"):
        meta["author"] = str(data["author"])  # read by compare.attribution as the byline
    elif ld_authors := linked_data_authors(html):
        meta["author"] = "; ".join(ld_authors)  # trafilatura drops an Organization author
    return text, meta


# A JSON-LD block in a news page's head: `<script type="application/ld+json">...</script>`.
# Its opening tag is matched within one tag ([^<>]) and its end found by a plain search from it:
# one pattern spanning both rescanned the rest of the page from every unclosed opening (20,000 of
# them, 700 kB, took 69 s).
_LD_OPEN = re.compile(r"<script\b[^<>]*\btype\s*=\s*[\"']application/ld\+json[\"'][^<>]*>", re.I)
_SCRIPT_CLOSE = re.compile(r"</script\s*>", re.I)
# A JSON-LD block longer than this is not read: NewsArticle blocks are 1-10 kB on the news pages
# seen (US and European papers and wires); 200 kB only bounds the work on a hostile page.
MAX_LINKED_DATA_CHARS = 200_000


def linked_data_authors(html: str) -> list[str]:
    """The names a page's JSON-LD gives as the article's `author` (Person or Organization, one or a
    list, or a bare string): trafilatura keeps only people, and a wire story's author is often the
    agency itself ({"@type": "Organization", "name": "Associated Press"}), which attribution
    records as a credit."""
    names: list[str] = []
    for block in _linked_data_blocks(html):
        if len(block) > MAX_LINKED_DATA_CHARS:
            continue
        try:
            data = json.loads(block)
        except ValueError:
            continue
        for item in _linked_data_items(data):
            author = item.get("author")
            for who in author if isinstance(author, list) else [author]:
                name = who.get("name") if isinstance(who, dict) else who
                if isinstance(name, str) and name.strip() and name.strip() not in names:
                    names.append(name.strip())
    return names


def _linked_data_blocks(html: str) -> list[str]:
    """The text of each JSON-LD script of a page, in order. Each character is read once: a block
    starts after its opening tag and ends at the next closing tag; with none left, no later
    opening can be closed either."""
    blocks: list[str] = []
    at = 0
    while opening := _LD_OPEN.search(html, at):
        closing = _SCRIPT_CLOSE.search(html, opening.end())
        if closing is None:
            break
        blocks.append(html[opening.end() : closing.start()])
        at = closing.end()
    return blocks


def _linked_data_items(data: object) -> list[dict[str, Any]]:
    """The objects of a JSON-LD document: a list of them, an "@graph" of them, or one."""
    if isinstance(data, dict):
        graph = data.get("@graph")
        data = graph if isinstance(graph, list) else [data]
    return [item for item in data if isinstance(item, dict)] if isinstance(data, list) else []


def article_paths(inputs: Iterable[str]) -> list[str]:
    """Expand the command line's paths: a directory gives its article files in name order
    (hidden files, sub-folders and non-article files such as images or the lock file are
    skipped); a file or `-` is taken as given."""
    paths: list[str] = []
    for item in inputs:
        if item != "-" and os.path.isdir(item):
            paths += _folder_articles(item)
        else:
            suffix = Path(item).suffix.lower()
            if item != "-" and suffix and suffix not in ARTICLE_SUFFIXES and os.path.isfile(item):
                raise CompareError(
                    display_name(item), "not an article file (expected .txt, .md, .markdown, .html or .htm)"
                )
            paths.append(item)
    return paths


def skipped_documents(inputs: Iterable[str]) -> list[str]:
    """The files of the given folders that look like articles in a format compare does not read
    (.docx, .pdf ...), in name order: what a folder run leaves out without an error."""
    found: list[str] = []
    for item in inputs:
        if item == "-" or not os.path.isdir(item):
            continue
        try:
            with os.scandir(item) as entries:
                names = [
                    e.name
                    for e in entries
                    if not e.name.startswith(".") and Path(e.name).suffix.lower() in DOCUMENT_SUFFIXES
                ]
        except OSError:
            continue  # reading the folder for articles says what is wrong with it
        found += [str(Path(item) / name) for name in sorted(names)]
    return found


def skipped_note(skipped: list[str]) -> str | None:
    """One line about the documents a folder run leaves out, or None when there are none."""
    if not skipped:
        return None
    shown = ", ".join(display_name(p) for p in skipped[:MAX_DOCUMENTS_NAMED])
    more = f" and {len(skipped) - MAX_DOCUMENTS_NAMED} more" if len(skipped) > MAX_DOCUMENTS_NAMED else ""
    files = "file" if len(skipped) == 1 else "files"
    return (
        f"left out {len(skipped)} {files} compare does not read ({shown}{more}): "
        "save articles as .txt, .md or .html to compare them"
    )


# Words of English prose that other languages written in Latin letters do not share ("in", "a",
# "on", "die", "will" left out for that reason). In the Brown corpus "the" alone is about 6% of
# all words and these 27 together about a quarter; a text where they are under MIN_ENGLISH_SHARE
# is not English prose, whatever it is about. The extractors and the link scorer work on English,
# so such an article's cells would read as "left out" without saying why.
ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to that with for said were has have been from which by this his her would not are it "
    "they their he she its was".split()
)
MIN_ENGLISH_SHARE = 0.05
# Below this many words the share says little (a caption, a one-line brief): not judged.
MIN_WORDS_FOR_LANGUAGE = 40
_LETTER_WORD = re.compile(r"[^\W\d_]+")


def reads_as_english(text: str) -> bool:
    """Whether `text` reads as English prose: True for texts too short to tell."""
    words = _LETTER_WORD.findall(text.casefold())
    if len(words) < MIN_WORDS_FOR_LANGUAGE:
        return True
    return sum(w in ENGLISH_FUNCTION_WORDS for w in words) / len(words) >= MIN_ENGLISH_SHARE


def _folder_articles(folder: str) -> list[str]:
    """The article files of a folder in name order. Anything with an article suffix that is not a
    folder is listed, pipes and broken links included, so that reading it says what is wrong
    rather than the file silently missing from the comparison."""
    found: list[str] = []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                name = entry.name
                if (
                    not name.startswith(".")
                    and Path(name).suffix.lower() in ARTICLE_SUFFIXES
                    and not name.lower().startswith("readme")
                    and not _is_folder(entry)
                ):
                    found.append(name)
    except OSError as exc:
        raise CompareError(display_name(folder), f"cannot read folder: {exc.strerror or exc}") from None
    return [str(Path(folder) / name) for name in sorted(found)]


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:  # a looping link or an entry we may not stat: reading it will say so
        return False


def read_sources(inputs: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Source]:
    """Read every article named by the command line, with `sources.yaml` applied per folder."""
    cache: dict[Path, dict[str, dict[str, str]]] = {}
    result: list[Source] = []
    for path in article_paths(inputs):
        sources: dict[str, dict[str, str]] = {}
        if path != "-":
            folder = Path(path).parent
            if folder not in cache:
                cache[folder] = load_sources(folder)
            sources = cache[folder]
        result.append(read_source(path, max_bytes=max_bytes, sources=sources))
    return result
