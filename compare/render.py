"""render: one function per output format, all from the same result objects.

JSON follows the contract's schemas with a fixed key order and no clock or randomness, so the same
input gives byte-identical output. Terminal output goes through rich `Text` objects built from
plain strings with style spans: article text is never parsed as markup.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from compare.model import Article, Cell, CheckResult, DiffResult, Fact, MatrixResult


def _article_json(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "path": article.path,
        "outlet": article.outlet,
        "title": article.title,
        "url": article.url,
        "published": article.published,
        "via": article.via,
        "byline": list(article.byline),
        "credits": list(article.credits),
        "reuses": [{"article": r.article, "share": r.share} for r in article.reuses],
        "attribution": {"outlet": article.outlet_source},
        "paragraphs": [{"index": p.index, "text": p.text} for p in article.paragraphs],
        "dropped": [{"text": d.text, "reason": d.reason} for d in article.dropped],
    }


def _cell_json(cell: Cell) -> dict[str, Any]:
    return {"status": cell.status, "evidence": cell.evidence, "paragraph": cell.paragraph}


def _fact_json(fact: Fact) -> dict[str, Any]:
    return {
        "id": fact.id,
        "kind": fact.kind,
        "label": fact.label,
        "value": fact.value,
        "speaker": fact.speaker,
        "coverage": {aid: _cell_json(cell) for aid, cell in fact.coverage},
    }


# Characters that must not reach a terminal or a report as they are: C0 and C1 controls (ESC and
# the 8-bit CSI start escape sequences), zero-width and bidirectional marks, line separators.
# Article text has none (read.normalise_text removes them); file names and folder names may.
_UNPRINTABLE = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]"
)
# JSON escapes C0 controls itself; with ensure_ascii=False it leaves C1 controls (U+0080-U+009F,
# the 8-bit CSI among them) raw, and a terminal showing the JSON would act on them.
_JSON_C1 = re.compile(r"[\x7f-\x9f]")


def printable(text: str | None) -> str:
    """A name shown to a person: control and invisible characters spelled out (`\\x1b`), so a
    file named with an escape sequence is shown, not obeyed, and stays on one line."""
    return _UNPRINTABLE.sub(
        lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}",
        text or "",
    )


def _dump(doc: dict[str, Any]) -> str:
    text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    return _JSON_C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def matrix_json(result: MatrixResult) -> str:
    """The matrix document. Facts are written one at a time into the text (byte for byte what
    one json.dumps of the whole document gives): a run of thousands of tiny articles has millions
    of cells, and a dict holding them all at once took most of the memory (issue 13)."""
    placeholder = "\x00facts\x00"
    skeleton = _dump(
        {
            "schema": "compare.matrix/1",
            "articles": [_article_json(a) for a in result.articles],
            "facts": placeholder,
            "groups": [
                {"id": g.id, "members": [{"article": a, "paragraph": p} for a, p in g.members]}
                for g in result.groups
            ],
        }
    )
    before, after = skeleton.split(json.dumps(placeholder), 1)
    if not result.facts:
        return before + "[]" + after
    items = []
    for fact in result.facts:
        text = _dump(_fact_json(fact)).rstrip("\n")
        items.append("    " + text.replace("\n", "\n    "))
    return before + "[\n" + ",\n".join(items) + "\n  ]" + after


def diff_json(result: DiffResult) -> str:
    return _dump(
        {
            "schema": "compare.diff/1",
            "articles": [_article_json(result.a), _article_json(result.b)],
            "facts": [_fact_json(f) for f in result.facts],
            "pairs": [{"a": list(p.a), "b": list(p.b), "score": p.score} for p in result.pairs],
            "only": {"a": list(result.only_a), "b": list(result.only_b)},
        }
    )


def check_json(result: CheckResult) -> str:
    return _dump(
        {
            "schema": "compare.check/1",
            "ok": result.ok,
            "problems": [
                {"path": p.path, "check": p.check, "message": p.message, "severity": p.severity}
                for p in result.problems
            ],
            "notes": [
                {"path": p.path, "check": p.check, "message": p.message, "severity": p.severity}
                for p in result.notes
            ],
        }
    )


# --- outlet names as column headers, and the sources section --------------------------------

# A column header is at most this many characters: outlet names longer than this are shortened
# ("International Business Times" -> "IBTimes"), file stems cut at their first "_" when that stays
# unique ("000_e0f776ad8e8d545f" -> "000"). Sixteen keeps most outlet names whole ("Lakeside
# Herald", "The Irish Times") and five columns beside a 40-character fact label in 120 columns.
SHORT_LABEL_CHARS = 16


def _short_outlet(name: str) -> str:
    """The name without a leading "The" when that fits ("The Evening Courier" -> "Evening
    Courier"), else initials of all but the last word, then the last word: "International
    Business Times" -> "IBTimes"; down to initials only when that is still too long."""
    if len(name) <= SHORT_LABEL_CHARS:
        return name
    bare = re.sub(r"(?i)^the\s+", "", name)
    if len(bare) <= SHORT_LABEL_CHARS:
        return bare
    words = [w for w in re.split(r"\s+", name) if w.lower() not in ("the", "of", "and", "&")] or [name]
    short = "".join(w[0].upper() for w in words[:-1]) + words[-1]
    if len(short) <= SHORT_LABEL_CHARS:
        return short
    return "".join(w[0].upper() for w in words)


def _short_stem(stem: str, stems: list[str]) -> str:
    if len(stem) <= SHORT_LABEL_CHARS:
        return stem
    head = re.split(r"[_\-. ]", stem, maxsplit=1)[0]
    if head and sum(1 for s in stems if re.split(r"[_\-. ]", s, maxsplit=1)[0] == head) == 1:
        return head
    return stem


def short_labels(articles: tuple[Article, ...] | list[Article]) -> dict[str, str]:
    """Article id -> a short unique column header: the outlet's short name where the outlet is
    known, else the file stem; a second article of one outlet gets " 2", a third " 3"."""
    stems = [a.id for a in articles]
    labels: dict[str, str] = {}
    used: dict[str, int] = {}
    for article in articles:
        base = _short_outlet(article.outlet) if article.outlet else _short_stem(article.id, stems)
        label = printable(base)
        used[label] = used.get(label, 0) + 1
        if used[label] > 1:
            label = f"{label} {used[label]}"
        labels[article.id] = label
    return labels


SOURCE_FIELDS = ("column", "article", "outlet", "via", "byline", "credits", "published", "reuses")


def source_rows(articles: tuple[Article, ...] | list[Article]) -> list[dict[str, str]]:
    """One row of plain strings per article for the sources section of every format: who
    published, carried, wrote and supplied it, and which articles of the run it copies."""
    labels = short_labels(articles)
    rows = []
    for a in articles:
        outlet = a.outlet or ""
        if a.outlet and a.outlet_source and a.outlet_source != "text":
            outlet += f" ({a.outlet_source})"
        rows.append(
            {
                "column": labels[a.id],
                "article": a.id,
                "outlet": outlet,
                "via": a.via or "",
                "byline": ", ".join(a.byline),
                "credits": ", ".join(a.credits),
                "published": a.published or "",
                "reuses": ", ".join(f"{labels.get(r.article, r.article)} ({r.share:.0%})" for r in a.reuses),
            }
        )
    return rows


def sources_renderable(articles: tuple[Article, ...] | list[Article], width: int) -> Any:
    """The sources section as a rich table (terminal)."""
    from rich.table import Table
    from rich.text import Text

    # The article ids are in the key above the table; the terminal leaves them out here.
    fields = [f for f in SOURCE_FIELDS if f != "article"]
    table = Table.grid(padding=(0, 2))
    for name in fields:
        wraps = name in ("outlet", "byline", "credits", "reuses")
        table.add_column(name, overflow="fold", no_wrap=not wraps, max_width=max(12, width // 4))
    table.add_row(*(Text(name, style="bold") for name in fields))
    for row in source_rows(articles):
        table.add_row(*(Text(printable(row[name])) for name in fields))
    return table


def sources_markdown(articles: tuple[Article, ...] | list[Article]) -> list[str]:
    """The sources section as Markdown lines."""
    lines = ["## Sources", "", "| " + " | ".join(SOURCE_FIELDS) + " |", "|" + "---|" * len(SOURCE_FIELDS)]
    for row in source_rows(articles):
        lines.append("| " + " | ".join(md(row[name]) for name in SOURCE_FIELDS) + " |")
    return lines


def sources_html(articles: tuple[Article, ...] | list[Article]) -> str:
    """The sources section as an HTML table (every value escaped)."""
    from html import escape

    head = "".join(f"<th>{name}</th>" for name in SOURCE_FIELDS)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(printable(row[name]))}</td>" for name in SOURCE_FIELDS) + "</tr>"
        for row in source_rows(articles)
    )
    table = f"<table class=sources><thead><tr>{head}</tr></thead>\n<tbody>{body}</tbody></table>"
    return f"<h2>Sources</h2>\n{table}"


# --- terminal ------------------------------------------------------------------------------

SYMBOLS = {"stated": "✓", "partial": "~", "conflict": "!", "absent": "✗"}
STYLES = {"stated": "bold green", "partial": "yellow", "conflict": "bold red", "absent": "dim"}
LEGEND = (
    ("stated", "stated"),
    ("partial", "touched, less detail"),
    ("conflict", "a different figure"),
    ("absent", "left out"),
)


def column_keys(articles: tuple[Article, ...]) -> list[str]:
    """Column headers: each outlet's short unique name (the file stem when the outlet is not
    known); the summary below the table names each one in full."""
    labels = short_labels(articles)
    return [labels[a.id] for a in articles]


def _band(present: int, total: int) -> str:
    if present == total:
        return "in every article"
    if present == 1:
        return "in one article only"
    if 2 * present > total:
        return "in most articles"
    return "in some articles"


def matrix_renderables(
    result: MatrixResult,
    width: int,
    *,
    summary_of: MatrixResult | None = None,
    heading: str | None = None,
    bands: bool = True,
) -> list[Any]:
    """The matrix as rich renderables: the table (in pages of outlets when they do not all fit
    the width, see `plan_matrix`), its legend, the per-outlet summary and a closing count.

    `result` holds the facts to show (a view of the matrix); `summary_of` the whole matrix the
    per-outlet summary counts over (default: `result`); `heading` a line saying what the view
    shows; `bands` draws the "in every article" ... group rows (off when a sort mixes them)."""
    from rich.text import Text

    layout = plan_matrix(result, width)
    out: list[Any] = []
    if heading:
        out.append(Text(printable(heading), style="bold"))
    keys = column_keys(result.articles)
    for number, (start, stop) in enumerate(layout.pages, 1):
        if layout.paged:
            out.append(
                Text(
                    (
                        f"outlet {keys[start]}"
                        if stop - start == 1
                        else f"outlets {keys[start]}–{keys[stop - 1]}"
                    )
                    + f", page {number} of {len(layout.pages)}",
                    style="bold",
                )
            )
        out.append(_matrix_page(result, layout, start, stop, bands))
    legend = Text("  ")
    for status, meaning in LEGEND:
        legend.append(SYMBOLS[status], style=STYLES[status])
        legend.append(f" {meaning}   ")
    out.append(legend)
    out.extend(_figure_renderables(result))
    out.extend(outlet_summary_renderables(summary_of or result, width))
    whole = summary_of or result
    summary = Text(
        f"{count(len(whole.facts), 'fact')} across {count(len(whole.articles), 'article')}; "
        f"{count(len(whole.groups), 'group')} of aligned paragraphs",
        style="dim",
    )
    out.append(sources_renderable(result.articles, width))
    out.append(summary)
    return out


def figure_evidence(result: MatrixResult) -> list[tuple[Fact, list[tuple[str, Cell]]]]:
    """Each shown fact with a conflict, and the column key and cell of every article that
    carries it: a "!" says the figures differ, only the sentences say which they are."""
    keys = column_keys(result.articles)
    found = []
    for fact in result.facts:
        cells = [(k, fact.cell(a.id)) for k, a in zip(keys, result.articles, strict=True)]
        if any(c.status == "conflict" for _, c in cells):
            found.append((fact, [(k, c) for k, c in cells if c.evidence]))
    return found


def _figure_renderables(result: MatrixResult) -> list[Any]:
    from rich.text import Text

    found = figure_evidence(result)
    if not found:
        return []
    out: list[Any] = [Text(f"different figures ({len(found)}):", style="bold red")]
    for fact, cells in found:
        line = Text(f"{fact.id} ", style="dim")
        line.append(printable(fact.label))
        out.append(line)
        for key, cell in cells:
            ev = Text(f"  {SYMBOLS[cell.status]} ", style=STYLES[cell.status])
            ev.append(f"{printable(key)}: ", style="bold")
            ev.append(printable(cell.evidence))
            out.append(ev)
    return out


# --- matrix layout: never drop a column --------------------------------------------------------

# The fact label column is never squeezed below this many characters: below it labels stop being
# recognisable (checked by eye on the seed labels at 40 to 200 columns), so the outlets are split
# into pages of columns instead, the fact labels repeated on every page.
MIN_LABEL_WIDTH = 20
# Columns rich's table adds around the content: a border and a space each side per column, less
# the outer spaces (pad_edge=False), plus the closing border: total = content + 3 * columns - 1.
_TABLE_FRAME_PER_COLUMN = 3
# The fact id column is at least as wide as its header "fact", at most this wide (longer ids are
# cut with an ellipsis: they are also in the JSON).
MAX_ID_WIDTH = 12


@dataclass(frozen=True)
class MatrixLayout:
    """How the terminal table is laid out: which outlet columns go on which page, and how wide
    the fact id and label columns are."""

    pages: tuple[tuple[int, int], ...]  # (first column, one past the last) per page
    id_width: int
    cell_width: int
    label_width: int

    @property
    def paged(self) -> bool:
        return len(self.pages) > 1


def plan_matrix(result: MatrixResult, width: int) -> MatrixLayout:
    """Fit the table to `width`: all outlets side by side when the label column keeps at least
    MIN_LABEL_WIDTH characters, otherwise as few pages of columns as fit, pages balanced so the
    last is not a stub. Every outlet is on exactly one page; none is ever dropped. Each column is
    as wide as its header (short outlet names differ in length)."""
    n = len(result.articles)
    keys = column_keys(result.articles)
    widths = [max(2, len(k)) for k in keys]
    id_width = min(MAX_ID_WIDTH, max([4, *(len(f.id) for f in result.facts)]))
    frame = _TABLE_FRAME_PER_COLUMN

    def label_room(start: int, stop: int) -> int:
        return width + 1 - id_width - 2 * frame - sum(w + frame for w in widths[start:stop])

    def split(count: int) -> list[tuple[int, int]]:
        base, extra = divmod(n, count)  # the first `extra` pages hold one outlet more
        bounds = [0]
        for page in range(count):
            bounds.append(bounds[-1] + base + (page < extra))
        return list(pairwise(bounds))

    count = 1
    while count < n and any(label_room(a, b) < MIN_LABEL_WIDTH for a, b in split(count)):
        count += 1
    pages = tuple(split(count)) if n else ((0, 0),)
    room = min(label_room(a, b) for a, b in pages)
    return MatrixLayout(pages, id_width, 2, max(MIN_LABEL_WIDTH, room))


def layout_note(result: MatrixResult, layout: MatrixLayout, width: int) -> str | None:
    """What to tell the user (on stderr) when the table is not one plain grid, None when it is."""
    if not layout.paged:
        return None
    size = layout.pages[0][1] - layout.pages[0][0]
    return (
        f"{len(result.articles)} outlets do not fit in {width} columns: shown in {len(layout.pages)} "
        f"pages of up to {count(size, 'outlet')}, fact labels repeated on each (a wider --width, --outlet or "
        f"--format html shows more at once)"
    )


def _matrix_page(result: MatrixResult, layout: MatrixLayout, start: int, stop: int, bands: bool) -> Any:
    """One page of the table: fact id, label and the outlet columns start..stop-1."""
    from rich.table import Table
    from rich.text import Text

    keys = column_keys(result.articles)[start:stop]
    total = len(result.articles)
    table = Table(show_lines=False, expand=False, pad_edge=False, header_style="bold")
    table.add_column("fact", no_wrap=True, overflow="ellipsis", max_width=layout.id_width, style="dim")
    table.add_column("what", overflow="ellipsis", no_wrap=True, max_width=layout.label_width)
    for key in keys:
        table.add_column(key, justify="center", no_wrap=True, min_width=layout.cell_width)
    band = None
    for fact in result.facts:
        this_band = _band(len(fact.present), total)
        if bands and this_band != band:
            band = this_band
            table.add_row("", Text(f"— {this_band} —", style="italic cyan"), *[""] * len(keys))
        cells = [Text(SYMBOLS[c.status], style=STYLES[c.status]) for _, c in fact.coverage[start:stop]]
        table.add_row(fact.id, Text(printable(fact.label)), *cells)
    if not result.facts:
        table.add_row("", Text("(no fact in this view)", style="dim"), *[""] * len(keys))
    return table


# Column headers of the per-outlet summary, and what they count (shown under it).
_SUMMARY_HEADERS = ("facts", "only", "omits", "conflicts")
_SUMMARY_MEANING = (
    "facts: carried in any form; only: no other article has it; omits: left out of the {majority} "
    "facts most articles carry; conflicts: a different figure"
)


def outlet_summary_renderables(result: MatrixResult, width: int) -> list[Any]:
    """The per-outlet summary, which is also the column key: one row per article with its column
    letter, what it carries, its exclusives, its omissions of majority facts and its conflicts,
    then its name (and title)."""
    from rich.table import Table
    from rich.text import Text

    from compare.views import outlet_summaries

    summaries = outlet_summaries(result)
    keys = column_keys(result.articles)
    table = Table.grid(padding=(0, 1))
    key_width = max((len(k) for k in keys), default=1)
    table.add_column(style="bold", no_wrap=True, min_width=key_width)
    for header in _SUMMARY_HEADERS:
        table.add_column(justify="right", no_wrap=True, min_width=len(header))
    numbers = key_width + sum(len(h) + 1 for h in _SUMMARY_HEADERS) + 1
    table.add_column(overflow="ellipsis", no_wrap=True, max_width=max(10, width - numbers))
    table.add_row("", *(Text(h, style="dim") for h in _SUMMARY_HEADERS), Text("outlet", style="dim"))
    for key, article, line in zip(keys, result.articles, summaries, strict=True):
        name = Text(printable(article.label))
        if article.title:
            name.append(f"  {printable(article.title)}", style="dim")
        table.add_row(
            key,
            str(line.carried),
            str(line.exclusives),
            str(line.omissions),
            Text(str(line.conflicts), style="bold red" if line.conflicts else ""),
            name,
        )
    majority = summaries[0].majority if summaries else 0
    return [table, Text(_SUMMARY_MEANING.format(majority=majority), style="dim")]


def count(n: int, noun: str) -> str:
    """A count with its noun in the right number (1 fact, 2 facts), as a reader says it."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


# --- diff: word marks that survive without colour -----------------------------------------------

# Markers around words only one side has, as `git diff --word-diff=plain` writes them: A is the
# "removed" side, B the "added" side. They stay visible with NO_COLOR, in a pipe and in Markdown.
MARK_A = ("[-", "-]")
MARK_B = ("{+", "+}")
# A pair of aligned paragraphs sharing less than this share of the smaller side's content words
# is shown as "loosely related" without word marks: past that point the marks cover most of both
# paragraphs and say nothing a reader can use (half: the point where marked words outnumber
# shared ones; a property of the display, not fitted to any event).
LOOSE_OVERLAP = 0.5
LOOSELY_RELATED = "loosely related"

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def _content_stem_set(text: str) -> set[str]:
    from compare.text import STOPWORDS, stem, words

    return {stem(w) for w in words(text) if w not in STOPWORDS}


def loosely_related(text: str, other: str) -> bool:
    """Whether two aligned paragraphs share too few content words for word marks to help."""
    mine, theirs = _content_stem_set(text), _content_stem_set(other)
    smaller = min(len(mine), len(theirs))
    return smaller == 0 or len(mine & theirs) / smaller < LOOSE_OVERLAP


def marked_spans(text: str, other: str) -> list[tuple[int, int]]:
    """Character spans of `text` holding words whose stems `other` lacks (stopwords never count);
    neighbouring marked words separated only by spaces or punctuation form one span, as in git."""
    from compare.text import STOPWORDS, stem, words

    other_stems = {stem(w) for w in words(other)}
    spans: list[tuple[int, int]] = []
    for m in _WORD.finditer(text):
        folded = words(m.group(0))
        if not folded or folded[0] in STOPWORDS or stem(folded[0]) in other_stems:
            continue
        if spans and text[spans[-1][1] : m.start()] in (" ", "-"):
            spans[-1] = (spans[-1][0], m.end())
        else:
            spans.append((m.start(), m.end()))
    return spans


def with_marks(text: str, spans: list[tuple[int, int]], marks: tuple[str, str]) -> str:
    """`text` with each span wrapped in the markers: the plain-text form of a word diff."""
    out, last = [], 0
    for start, end in spans:
        out += [text[last:start], marks[0], text[start:end], marks[1]]
        last = end
    out.append(text[last:])
    return "".join(out)


def _marked_text(text: str, other: str, marks: tuple[str, str], style: str) -> Any:
    """The paragraph as Text, words only it has wrapped in `marks` and styled (the style is
    dropped without colour, the markers are not)."""
    from rich.text import Text

    out = Text()
    last = 0
    for start, end in marked_spans(text, other):
        out.append(text[last:start])
        out.append(marks[0] + text[start:end] + marks[1], style=style)
        last = end
    out.append(text[last:])
    return out


def diff_renderables(result: DiffResult, width: int) -> list[Any]:
    """Aligned paragraphs side by side with the words only one side has marked [-so-] in A and
    {+so+} in B, loosely related pairs said so and left unmarked, then what only one article has,
    then the facts each has that the other lacks."""
    from rich.rule import Rule
    from rich.table import Table
    from rich.text import Text

    a, b = result.a, result.b
    labels = short_labels([a, b])
    label_a, label_b = labels[a.id], labels[b.id]
    paragraphs_a = {p.index: p.text for p in a.paragraphs}
    paragraphs_b = {p.index: p.text for p in b.paragraphs}
    out: list[Any] = []
    head = Text()
    head.append("A ", style="bold")
    head.append(label_a)
    head.append("   B ", style="bold")
    head.append(label_b)
    out.append(head)
    out.append(
        Text(
            f"{MARK_A[0]}words only in A{MARK_A[1]}   {MARK_B[0]}words only in B{MARK_B[1]}",
            style="dim",
        )
    )
    out.append(Rule(Text(count(len(result.pairs), "aligned paragraph pair")), style="dim"))
    side = max(20, (width - 12) // 2)
    table = Table(show_lines=True, expand=True, pad_edge=False)
    table.add_column("score", justify="right", no_wrap=True, width=5)
    table.add_column(Text("A " + label_a), ratio=1, max_width=side, overflow="fold")
    table.add_column(Text("B " + label_b), ratio=1, max_width=side, overflow="fold")
    for pair in result.pairs:
        text_a = "\n".join(paragraphs_a[i] for i in pair.a)
        text_b = "\n".join(paragraphs_b[i] for i in pair.b)
        left = Text(", ".join(f"¶{i}" for i in pair.a) + " ", style="dim")
        right = Text(", ".join(f"¶{i}" for i in pair.b) + " ", style="dim")
        if loosely_related(text_a, text_b):
            left.append(f"({LOOSELY_RELATED}) ", style="italic")
            right.append(f"({LOOSELY_RELATED}) ", style="italic")
            left.append(text_a)
            right.append(text_b)
        else:
            left.append_text(_marked_text(text_a, text_b, MARK_A, "bold red"))
            right.append_text(_marked_text(text_b, text_a, MARK_B, "bold green"))
        table.add_row(f"{pair.score:.2f}", left, right)
    out.append(table)
    for name, label, only, texts in (
        ("A", label_a, result.only_a, paragraphs_a),
        ("B", label_b, result.only_b, paragraphs_b),
    ):
        out.append(Rule(Text(f"only in {name} ({label}): {count(len(only), 'paragraph')}"), style="dim"))
        for i in only:
            line = Text(f"¶{i} ", style="dim")
            line.append(texts[i])
            out.append(line)
    out.extend(_diff_fact_lines(result))
    out.append(sources_renderable([a, b], width))
    return out


# The fact sections of every diff format, in this order; the conflicting ones also show each
# side's sentence, since the label holds only one of the two figures.
CONFLICTING_FIGURES = "conflicting figures"


def diff_fact_sections(result: DiffResult) -> list[tuple[str, list[Fact]]]:
    """The facts of a diff under the headings every format uses (terminal, Markdown and HTML
    show the same sections, so a forwarded report never drops the conflicts)."""
    a, b = result.a.id, result.b.id
    sections: tuple[tuple[str, Callable[[Fact], bool]], ...] = (
        ("facts only in A", lambda f: f.cell(a).status == "stated" and f.cell(b).status == "absent"),
        ("facts only in B", lambda f: f.cell(b).status == "stated" and f.cell(a).status == "absent"),
        (CONFLICTING_FIGURES, lambda f: "conflict" in (f.cell(a).status, f.cell(b).status)),
        (
            "stated in one, touched in the other",
            lambda f: {f.cell(a).status, f.cell(b).status} == {"stated", "partial"},
        ),
    )
    return [(title, [f for f in result.facts if keep(f)]) for title, keep in sections]


def _diff_fact_lines(result: DiffResult) -> list[Any]:
    from rich.rule import Rule
    from rich.text import Text

    a, b = result.a.id, result.b.id
    out: list[Any] = []
    for title, facts in diff_fact_sections(result):
        out.append(Rule(Text(f"{title}: {len(facts)}"), style="dim"))
        for fact in facts:
            line = Text(f"{fact.id} ", style="dim")
            line.append(f"[{fact.kind}] ", style="cyan")
            line.append(printable(fact.label))
            out.append(line)
            if title == CONFLICTING_FIGURES:
                for side, aid in (("A", a), ("B", b)):
                    cell = fact.cell(aid)
                    if cell.evidence:
                        ev = Text(f"    {side} {SYMBOLS[cell.status]} ", style=STYLES[cell.status])
                        ev.append(cell.evidence, style="default")
                        out.append(ev)
    return out


def _check_name(result: CheckResult, path: str) -> str:
    """A file as the check report shows it: its name when it is in the checked folder."""
    from pathlib import Path

    if result.directory is not None and Path(path).parent == Path(result.directory):
        return printable(Path(path).name)
    return printable(path)


def _check_lock_failed(result: CheckResult) -> bool:
    """The matrix differs from a lock file (not: there is no lock file, with --require-lock)."""
    return result.lock is not None and any(p.check == "lock" for p in result.problems)


def _check_summary(result: CheckResult) -> str:
    """The report's first line: how many problems in how many files, and what the lock said."""
    folder = printable(result.directory or "the folder")
    n = len(result.files)
    files = f"{n} article file{'s' if n != 1 else ''} in {folder}" if n else folder
    if result.lock_written:
        lock_note = f"lock written to {result.lock}"
    elif result.lock and _check_lock_failed(result):
        lock_note = f"the fact matrix differs from {result.lock}"
    elif result.lock:
        lock_note = f"the fact matrix matches {result.lock}"
    else:
        lock_note = "no lock file (compare check DIR --update writes one)"
    notes = len(result.problems) - len(result.errors)
    note = f"; {notes} note{'s' if notes != 1 else ''} for information" if notes else ""
    if result.ok:
        return f"all checks passed: {files}; {lock_note}{note}"
    count = len(result.errors)
    return f"{count} problem{'s' if count != 1 else ''} in {files}; {lock_note}{note}"


# What to do about a failed lock check: {command} is `compare check DIR --update`.
_CHECK_LOCK_HINT = (
    "If the fact changes listed are expected, run {command} and commit the lock "
    "file with the articles: the pull request then shows them in its diff."
)


def check_renderables(result: CheckResult) -> list[Any]:
    from rich.text import Text

    head = _check_summary(result)
    if result.ok and not result.problems:
        return [Text(f"✓ {head}", style="bold green"), *_check_note_lines(result)]
    out: list[Any] = [
        Text(f"✓ {head}", style="bold green") if result.ok else Text(f"✗ {head}", style="bold red")
    ]
    last = None
    for p in result.problems:
        if p.path != last:
            out.append(Text(_check_name(result, p.path), style="bold"))
            last = p.path
        line = Text("  ")
        if p.severity == "info":
            line.append(f"{'note':<9} ", style="cyan")
        else:
            line.append(f"{p.check:<9} ", style="yellow")
        line.append(printable(p.message))
        out.append(line)
    out.extend(_check_note_lines(result))
    if _check_lock_failed(result):
        command = f"compare check {printable(result.directory or 'DIR')} --update"
        out.append(Text(_CHECK_LOCK_HINT.format(command=command), style="dim"))
    return out


def _check_note_lines(result: CheckResult) -> list[Any]:
    """Notes (accepted copies, a missing lock): said, but failing nothing."""
    from rich.text import Text

    lines = []
    for note in result.notes:
        line = Text("ℹ note ", style="cyan")
        line.append(f"{_check_name(result, note.path)}: ", style="bold")
        line.append(printable(note.message))
        lines.append(line)
    return lines


# --- markdown, csv, html -----------------------------------------------------------------------

_MD_SPECIAL = str.maketrans(
    {
        "|": "\\|",
        "\n": " ",
        "*": "\\*",
        "_": "\\_",
        "`": "\\`",
        "<": "&lt;",
        ">": "&gt;",
        "[": "\\[",
        "]": "\\]",
    }
)


def md(text: str | None) -> str:
    """Text safe inside a markdown table cell: no column breaks, no emphasis, no links, no HTML,
    no control characters."""
    return printable((text or "").translate(_MD_SPECIAL))


def matrix_markdown(
    result: MatrixResult,
    *,
    summary_of: MatrixResult | None = None,
    heading: str | None = None,
    bands: bool = True,
) -> str:
    """The table (of a view: `heading` says which), the column key and the per-outlet summary;
    `bands` puts the terminal's group rows (in every article ... in one article only) in the
    table, so a reader of a pull request sees where the shared facts end."""
    table = _matrix_markdown_table(result, bands=bands)
    if heading:
        table = table.replace("# Fact matrix\n", f"# Fact matrix\n\n*{md(heading)}*\n", 1)
    return table + outlet_summary_markdown(summary_of or result)


def outlet_summary_markdown(result: MatrixResult) -> str:
    """The per-outlet summary as a Markdown section (counted over the whole matrix)."""
    from compare.views import outlet_summaries

    summaries = outlet_summaries(result)
    majority = summaries[0].majority if summaries else 0
    lines = [
        "",
        "## Per outlet",
        "",
        "| column | outlet | facts | stated | only here | "
        f"omits (of {majority} majority facts) | conflicts |",
        "|---|---|---|---|---|---|---|",
    ]
    for key, line in zip(column_keys(result.articles), summaries, strict=True):
        lines.append(
            f"| {key} | {md(line.label)} | {line.carried} | {line.stated} | {line.exclusives} | "
            f"{line.omissions} | {line.conflicts} |"
        )
    return "\n".join(lines) + "\n"


def _matrix_markdown_table(result: MatrixResult, *, bands: bool = True) -> str:
    keys = [md(k) for k in column_keys(result.articles)]
    total = len(result.articles)
    lines = ["# Fact matrix", ""]
    lines.append("| fact | kind | what | " + " | ".join(keys) + " |")
    lines.append("|---|---|---|" + "---|" * len(keys))
    band = None
    for fact in result.facts:
        this_band = _band(len(fact.present), total)
        if bands and this_band != band:
            band = this_band
            lines.append(f"|  |  | *— {this_band} —* |" + "  |" * len(keys))
        cells = " | ".join(SYMBOLS[c.status] for _, c in fact.coverage)
        lines.append(f"| {fact.id} | {fact.kind} | {md(fact.label)} | {cells} |")
    lines += ["", "Legend: " + ", ".join(f"{SYMBOLS[s]} {m}" for s, m in LEGEND), ""]
    lines += ["| column | article | outlet | title |", "|---|---|---|---|"]
    for key, a in zip(keys, result.articles, strict=True):
        lines.append(f"| {key} | {md(a.id)} | {md(a.outlet)} | {md(a.title)} |")
    found = figure_evidence(result)
    if found:
        lines += ["", "## Different figures", ""]
        for fact, carriers in found:
            lines.append(f"- {fact.id} {md(fact.label)}")
            lines += [f"  - {SYMBOLS[c.status]} {md(k)}: {md(c.evidence)}" for k, c in carriers]
    lines += ["", *sources_markdown(result.articles)]
    return "\n".join(lines) + "\n"


def diff_markdown(result: DiffResult) -> str:
    a, b = result.a, result.b
    pa = {p.index: p.text for p in a.paragraphs}
    pb = {p.index: p.text for p in b.paragraphs}
    labels = short_labels([a, b])
    lines = [
        f"# {md(labels[a.id])} vs {md(labels[b.id])}",
        "",
        "## Aligned paragraphs",
        "",
        f"Words only in A are marked {md(MARK_A[0])}so{md(MARK_A[1])}, words only in B "
        f"{md(MARK_B[0])}so{md(MARK_B[1])}; pairs that share few words are marked *{LOOSELY_RELATED}*.",
        "",
        "| score | A | B |",
        "|---|---|---|",
    ]
    for pair in result.pairs:
        ta, tb = _md_pair_side(pair.a, pa, pair.b, pb, MARK_A), _md_pair_side(pair.b, pb, pair.a, pa, MARK_B)
        lines.append(f"| {pair.score:.2f} | {ta} | {tb} |")
    for name, only, texts in (("A", result.only_a, pa), ("B", result.only_b, pb)):
        lines += ["", f"## Only in {name}", ""]
        lines += [f"- ¶{i} {md(texts[i])}" for i in only] or ["- (none)"]
    for title, facts in diff_fact_sections(result):
        lines += ["", f"## {title[0].upper()}{title[1:]}", ""]
        lines += [f"- {f.id} [{f.kind}] {md(f.label)}" for f in facts] or ["- (none)"]
        if title == CONFLICTING_FIGURES:
            for fact in facts:
                lines += [
                    f"  - {side} {SYMBOLS[fact.cell(aid).status]} {md(fact.cell(aid).evidence)}"
                    for side, aid in (("A", a.id), ("B", b.id))
                    if fact.cell(aid).evidence
                ]
    lines += ["", *sources_markdown([a, b])]
    return "\n".join(lines) + "\n"


def _md_pair_side(
    mine: tuple[int, ...],
    texts: dict[int, str],
    theirs: tuple[int, ...],
    other: dict[int, str],
    marks: tuple[str, str],
) -> str:
    """One side of an aligned pair in a Markdown cell: paragraphs with word marks (escaped after
    marking, so the markers show as typed), or the loosely-related note and no marks."""
    text = "\n".join(texts[i] for i in mine)
    counterpart = "\n".join(other[i] for i in theirs)
    if loosely_related(text, counterpart):
        return f"*({LOOSELY_RELATED})* " + " / ".join(f"¶{i} {md(texts[i])}" for i in mine)
    parts = []
    for i in mine:
        parts.append(f"¶{i} {md(with_marks(texts[i], marked_spans(texts[i], counterpart), marks))}")
    return " / ".join(parts)


# What each check means, for the report's footnote.
_CHECK_MEANING = {
    "readable": "the file is text with a story in it (not empty, binary or page furniture only)",
    "duplicate": "the file is an exact copy of another article in the folder (a lightly edited wire "
    "copy is a note, not a failure)",
    "off-topic": "the file seems to be about another event than the rest of the folder",
    "lock": "the fact matrix differs from the lock file",
}


def _check_md(text: str) -> str:
    """A table cell for GitHub: `md` escaping, and no @mentions (a word joiner after each @), so
    that a report posted as a pull-request comment notifies nobody."""
    return md(text).replace("@", "@\u2060")


def check_markdown(result: CheckResult) -> str:
    """The report for a pull-request comment or $GITHUB_STEP_SUMMARY: a headline, one table row
    per problem (file, check, what is wrong), what the failed checks mean and how to fix a stale
    lock."""
    head = _check_summary(result)
    title = f"compare check: {result.directory}" if result.directory else "compare check"
    lines = [f"## {_check_md(title)}", ""]
    if result.ok and not result.problems:
        lines.append(f"✅ {_check_md(head[0].upper() + head[1:])}.")
        lines += _check_md_notes(result)
        return "\n".join(lines) + "\n"
    lines += [
        f"{'✅' if result.ok else '❌'} {_check_md(head[0].upper() + head[1:])}.",
        "",
        "| file | check | problem |",
        "|---|---|---|",
    ]
    for p in result.problems:
        check = "note" if p.severity == "info" else p.check
        cells = (_check_name(result, p.path), check, p.message)
        lines.append("| " + " | ".join(_check_md(c) for c in cells) + " |")
    failed = [c for c in _CHECK_MEANING if any(p.check == c for p in result.errors)]
    lines += [""] + [f"- **{c}**: {_CHECK_MEANING[c]}" for c in failed]
    if _check_lock_failed(result):
        folder = printable(result.directory or "DIR")
        command = f"compare check {folder} --update"
        command = f"`{command}`" if "`" not in command else _check_md(command)
        lines += ["", _CHECK_LOCK_HINT.format(command=command)]
    lines += _check_md_notes(result)
    return "\n".join(lines) + "\n"


def _check_md_notes(result: CheckResult) -> list[str]:
    if not result.notes:
        return []
    return ["", "Notes (not failures):", ""] + [
        f"- {_check_md(_check_name(result, n.path))}: {_check_md(n.message)}" for n in result.notes
    ]


def matrix_csv(result: MatrixResult) -> str:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    labels = short_labels(result.articles)
    writer.writerow(["fact", "kind", "label", "speaker", *[_csv_safe(labels[a.id]) for a in result.articles]])
    # The sources section: rows of kind "source", one per field, before the facts (a CSV file
    # holds one table; filter on kind to keep only facts).
    rows = source_rows(result.articles)
    for name in SOURCE_FIELDS[1:]:
        writer.writerow(["", "source", name, "", *[_csv_safe(printable(row[name])) for row in rows]])
    for fact in result.facts:
        writer.writerow(
            [
                fact.id,
                fact.kind,
                _csv_safe(fact.label),
                _csv_safe(fact.speaker or ""),
                *[c.status for _, c in fact.coverage],
            ]
        )
    return buffer.getvalue()


def _csv_safe(text: str) -> str:
    """Spreadsheets run cells that start with = + - @ as formulas: prefix those with a quote."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def matrix_html(
    result: MatrixResult,
    *,
    title: str | None = None,
    whole: MatrixResult | None = None,
    view: str | None = None,
) -> str:
    """The matrix as one self-contained, accessible page (see compare.html_report); `view` is the
    line saying which facts a view kept."""
    from compare.html_report import matrix_page

    return matrix_page(result, title=title, whole=whole, view=view)


def diff_html(result: DiffResult) -> str:
    """The diff as one self-contained page (see compare.html_report)."""
    from compare.html_report import diff_page

    return diff_page(result)


# --- explain: one fact, outlet by outlet --------------------------------------------------------

# The features of a link shown in the table and Markdown: the strongest contributions, this many
# (the JSON has them all).
TOP_FEATURES = 4


def _top_contributions(link: Any) -> str:
    ranked = sorted(link.contributions.items(), key=lambda kv: -abs(kv[1]))[:TOP_FEATURES]
    return ", ".join(f"{name} {value:+.2f}" for name, value in ranked)


def _link_line(outlet: Any, scorer: bool) -> str:
    """Why a cell is linked, in words: the anchor, the scorer's verdict, or why there is none."""
    if outlet.anchor:
        return "anchor: the other sentences are compared with this one"
    if outlet.link is not None:
        # A pair below the line is still in the fact when the fact joined it by its figure or
        # name, or on average over all its sentences (compare.facts): say so, or the reader sees
        # a tick the explanation seems to deny.
        verdict = (
            "same fact on its own (at or above the joining line)"
            if outlet.link.same
            else "below the joining line on its own: joined through the fact's figure, name or "
            "other sentences"
        )
        figure = "a different figure for the same measure; " if outlet.status == "conflict" else ""
        return f"{figure}link score {outlet.link.score:.2f} ({verdict}); {_top_contributions(outlet.link)}"
    if outlet.evidence is None:
        return "no sentence in this article carries it"
    return "link scores unavailable in this build" if not scorer else "not scored"


def explain_json(explanation: Any) -> str:
    """Schema compare.explain/1: the fact as in the matrix, then one entry per article."""
    return _dump(
        {
            "schema": "compare.explain/1",
            "fact": _fact_json(explanation.fact),
            "outlets": [
                {
                    "article": o.article,
                    "label": o.label,
                    "status": o.status,
                    "evidence": o.evidence,
                    "paragraph": o.paragraph,
                    "paragraph_text": o.paragraph_text,
                    "anchor": o.anchor,
                    "link": None
                    if o.link is None
                    else {
                        "score": o.link.score,
                        "same": o.link.same,
                        "features": dict(o.link.features),
                        "contributions": dict(o.link.contributions),
                    },
                }
                for o in explanation.outlets
            ],
        }
    )


def explain_markdown(explanation: Any) -> str:
    fact = explanation.fact
    lines = [f"# {md(fact.id)} [{fact.kind}] {md(fact.label)}", ""]
    for o in explanation.outlets:
        lines.append(f"## {SYMBOLS[o.status]} {md(o.label)}: {o.status}")
        lines.append("")
        if o.evidence:
            where = f" (¶{o.paragraph})" if o.paragraph is not None else ""
            lines.append(f"> {md(o.evidence)}{where}")
            lines.append("")
            if o.paragraph_text and o.paragraph_text != o.evidence:
                lines.append(f"Paragraph: {md(o.paragraph_text)}")
                lines.append("")
        lines.append(f"*{md(_link_line(o, explanation.scorer))}*")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def explain_renderables(explanation: Any, width: int) -> list[Any]:
    """The fact's heading, then per article: status, evidence sentence, its paragraph (dim), and
    why it was linked."""
    from rich.table import Table
    from rich.text import Text

    fact = explanation.fact
    head = Text(f"{fact.id} ", style="bold")
    head.append(f"[{fact.kind}] ", style="cyan")
    head.append(printable(fact.label))
    out: list[Any] = [head]
    table = Table(show_lines=True, expand=True, pad_edge=False)
    table.add_column("", no_wrap=True, width=1)
    table.add_column("outlet", max_width=max(12, width // 5), overflow="fold")
    table.add_column("evidence, its paragraph, why linked", ratio=1, overflow="fold")
    for o in explanation.outlets:
        body = Text()
        if o.evidence:
            body.append(printable(o.evidence))
            if o.paragraph is not None:
                body.append(f"  ¶{o.paragraph}", style="dim")
            if o.paragraph_text and o.paragraph_text != o.evidence:
                body.append("\n" + printable(o.paragraph_text), style="dim")
            body.append("\n")
        body.append(_link_line(o, explanation.scorer), style="italic")
        table.add_row(Text(SYMBOLS[o.status], style=STYLES[o.status]), Text(printable(o.label)), body)
    out.append(table)
    return out
