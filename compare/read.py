"""read: bytes on disk (or standard input) to decoded, normalised text plus outlet metadata.

Newsroom files arrive in any encoding: a byte-order mark decides first, then strict UTF-8, then
charset-normalizer. Text is normalised to NFC with LF line ends, and every control character
(terminal escape sequences included) is removed here, so nothing downstream can paint a
terminal. HTML goes through trafilatura, imported only when an HTML file is read.
"""

from __future__ import annotations

import codecs
import os
import re
import sys
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml

from compare.errors import CompareError
from compare.limits import DEFAULT_MAX_BYTES
from compare.model import Source

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
SOURCES_FILE = "sources.yaml"
METADATA_KEYS = ("outlet", "title", "url", "published")


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
    if _looks_like_windows_punctuated(data):
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
    letters = sum(1 for b in sample if 65 <= b <= 90 or 97 <= b <= 122)
    return len(high) <= WESTERN_HIGH_SHARE * (letters + len(high))


def _looks_like_bomless_utf16(data: bytes) -> bool:
    """UTF-16 without a BOM: every other byte of ASCII-range text is NUL."""
    sample = data[:4096]
    if len(sample) < 8:
        return False
    even_nul = sample[0::2].count(0) / len(sample[0::2])
    odd_nul = sample[1::2].count(0) / len(sample[1::2])
    return max(even_nul, odd_nul) > 0.4 and min(even_nul, odd_nul) < 0.05


def normalise_text(text: str) -> str:
    """NFC, LF line ends, no escape sequences or control characters; the characters themselves
    (accents, curly quotes, the euro sign) are kept as they are."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")  # Unicode line/paragraph separators
    text = _ESCAPE_SEQUENCE.sub("", text)
    text = text.replace("\t", " ").replace("\u00a0", " ")
    text = _CONTROL.sub("", text)
    return unicodedata.normalize("NFC", text)


def split_front_matter(text: str, where: str) -> tuple[dict[str, str], str]:
    """Take a leading YAML front-matter block off the text; return its metadata and the rest."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError as exc:
        raise CompareError(where, f"broken front matter: {_yaml_problem(exc)}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise CompareError(where, "broken front matter: expected 'key: value' lines")
    return _metadata(data), text[match.end() :]


def _metadata(data: Mapping[Any, Any]) -> dict[str, str]:
    """Keep the known keys, as one-line strings (YAML turns `published: 2024-10-16` into a date)."""
    meta = {k: metadata_value(data[k]) for k in METADATA_KEYS if data.get(k) not in (None, "")}
    return {k: v for k, v in meta.items() if v}


def metadata_value(value: object) -> str:
    """A metadata value as one clean line: YAML's double-quoted escapes (`"\\e[2J"`, `"\\x9b"`)
    and HTML page titles can carry escape sequences and control characters that the article
    text's own cleaning never saw, so they get the same treatment."""
    return " ".join(normalise_text(str(value)).split())


def _yaml_problem(exc: yaml.YAMLError) -> str:
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or "not valid YAML"
    return f"{problem} (line {mark.line + 1})" if mark is not None else str(problem)


def load_sources(directory: Path) -> dict[str, dict[str, str]]:
    """Read `sources.yaml` (file name -> outlet/title/url/published) beside the articles."""
    path = directory / SOURCES_FILE
    if not path.is_file():
        return {}
    where = str(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as exc:
        raise CompareError(where, f"cannot read: {exc}") from None
    except yaml.YAMLError as exc:
        raise CompareError(where, f"broken sources file: {_yaml_problem(exc)}") from None
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
        sources[str(name)] = _metadata(entry)
    return sources


def read_source(
    path: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    sources: Mapping[str, Mapping[str, str]] | None = None,
) -> Source:
    """Read one article file (or `-` for standard input) into a Source."""
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        article_id, suffix = "stdin", ".txt"
    else:
        file = Path(path)
        if not file.exists():
            raise CompareError(path, "no such file")
        if file.is_dir():
            raise CompareError(path, "is a directory, expected an article file")
        suffix = file.suffix.lower()
        article_id = file.stem
        try:
            size = file.stat().st_size
            if size > max_bytes:
                raise CompareError(path, _too_big(size, max_bytes))
            data = file.read_bytes()
        except OSError as exc:
            raise CompareError(path, f"cannot read: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        if path == "-":  # read only up to the limit: its real size is unknown
            raise CompareError(
                path, f"standard input is over the {_size(max_bytes)} limit (raise it with --max-bytes)"
            )
        raise CompareError(path, _too_big(len(data), max_bytes))
    if not data.strip():
        raise CompareError(path, "empty file, no article text")
    text = decode(data, path)
    meta: dict[str, str] = {}
    origin: dict[str, str] = {}  # which layer gave each key: the last one wins
    if suffix in (".html", ".htm") or (suffix == ".txt" and _looks_like_html(text)):
        text, meta = _html_to_text(text, path)
        origin.update(dict.fromkeys(meta, "html"))
    text = normalise_text(text)
    front, text = split_front_matter(text, path)
    meta.update(front)
    origin.update(dict.fromkeys(front, "front-matter"))
    if sources and path != "-":
        listed = dict(sources.get(Path(path).name, {}))
        meta.update(listed)
        origin.update(dict.fromkeys(listed, "sources.yaml"))
    meta = {k: clean for k, v in meta.items() if (clean := metadata_value(v))}
    if not text.strip():
        raise CompareError(path, "no article text (only whitespace or front matter)")
    return Source(
        id=article_id,
        path=path,
        text=text,
        outlet=meta.get("outlet"),
        title=meta.get("title"),
        url=meta.get("url"),
        published=meta.get("published"),
        origin=tuple(sorted((k, origin[k]) for k in meta if k in origin and k in METADATA_KEYS)),
        author=meta.get("author"),
    )


def _too_big(size: int, limit: int) -> str:
    return f"file is {_size(size)}, over the {_size(limit)} limit (raise it with --max-bytes)"


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
        raise CompareError(where, "reading HTML needs the html extra: pip install 'compare[html]'") from None
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
    return text, meta


def article_paths(inputs: Iterable[str]) -> list[str]:
    """Expand the command line's paths: a directory gives its article files in name order
    (hidden files, sub-folders and non-article files such as images or the lock file are
    skipped); a file or `-` is taken as given."""
    paths: list[str] = []
    for item in inputs:
        if item != "-" and os.path.isdir(item):
            directory = Path(item)
            for entry in sorted(directory.iterdir(), key=lambda p: p.name):
                if (
                    entry.is_file()
                    and not entry.name.startswith(".")
                    and entry.suffix.lower() in ARTICLE_SUFFIXES
                    and not entry.name.lower().startswith("readme")
                ):
                    paths.append(str(entry))
        else:
            suffix = Path(item).suffix.lower()
            if item != "-" and suffix and suffix not in ARTICLE_SUFFIXES and os.path.isfile(item):
                raise CompareError(item, "not an article file (expected .txt, .md, .markdown, .html or .htm)")
            paths.append(item)
    return paths


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
