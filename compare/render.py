"""render: one function per output format, all from the same result objects.

JSON follows the contract's schemas with a fixed key order and no clock or randomness, so the same
input gives byte-identical output. Terminal output goes through rich `Text` objects built from
plain strings with style spans: article text is never parsed as markup.
"""

from __future__ import annotations

import json
import re
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
    return _dump(
        {
            "schema": "compare.matrix/1",
            "articles": [_article_json(a) for a in result.articles],
            "facts": [_fact_json(f) for f in result.facts],
            "groups": [
                {"id": g.id, "members": [{"article": a, "paragraph": p} for a, p in g.members]}
                for g in result.groups
            ],
        }
    )


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
        }
    )


# --- outlet names as column headers, and the sources section --------------------------------

# A column header is at most this many characters: outlet names longer than this are shortened
# ("International Business Times" -> "IBTimes"), file stems cut at their first "_" when that stays
# unique ("000_e0f776ad8e8d545f" -> "000"). Sixteen keeps most outlet names whole ("Lakeside
# Herald", "The Irish Times") and five columns beside a 40-character fact label in 120 columns.
SHORT_LABEL_CHARS = 16


def _short_outlet(name: str) -> str:
    """Initials of all but the last word, then the last word: "International Business Times" ->
    "IBTimes"; down to initials only when that is still too long."""
    if len(name) <= SHORT_LABEL_CHARS:
        return name
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
    """Short column headers: A, B, C ... Z, then AA, AB ... (a key below names each one)."""
    keys = []
    for i in range(len(articles)):
        key, n = "", i
        while True:
            key = chr(ord("A") + n % 26) + key
            n = n // 26 - 1
            if n < 0:
                break
        keys.append(key)
    return keys


def _band(present: int, total: int) -> str:
    if present == total:
        return "in every article"
    if present == 1:
        return "in one article only"
    if 2 * present > total:
        return "in most articles"
    return "in some articles"


def matrix_renderables(result: MatrixResult, width: int) -> list[Any]:
    """The matrix as rich renderables: the table, its legend and the column key."""
    from rich.table import Table
    from rich.text import Text

    articles = result.articles
    labels = short_labels(articles)
    keys = [labels[a.id] for a in articles]
    label_width = max(20, width - 10 - sum(max(2, len(k)) + 3 for k in keys))
    table = Table(show_lines=False, expand=False, pad_edge=False, header_style="bold")
    table.add_column("fact", no_wrap=True, max_width=6, style="dim")
    table.add_column("what", overflow="ellipsis", no_wrap=True, max_width=label_width)
    for key in keys:
        table.add_column(key, justify="center", no_wrap=True, min_width=max(2, len(key)))
    band = None
    for fact in result.facts:
        present = len(fact.present)
        this_band = _band(present, len(articles))
        if this_band != band:
            band = this_band
            table.add_row("", Text(f"— {this_band} —", style="italic cyan"), *[""] * len(articles))
        cells = [Text(SYMBOLS[c.status], style=STYLES[c.status]) for _, c in fact.coverage]
        table.add_row(fact.id, Text(printable(fact.label)), *cells)
    legend = Text("  ")
    for status, meaning in LEGEND:
        legend.append(SYMBOLS[status], style=STYLES[status])
        legend.append(f" {meaning}   ")
    key_table = Table.grid(padding=(0, 1))
    key_table.add_column(style="bold", no_wrap=True, min_width=max((len(k) for k in keys), default=1))
    key_table.add_column(overflow="ellipsis", no_wrap=True, max_width=max(20, width - 6))
    for key, article in zip(keys, articles, strict=True):
        name = Text(printable(article.id))
        if article.title:
            name.append(f"  {printable(article.title)}", style="dim")
        key_table.add_row(key, name)
    summary = Text(
        f"{_count(len(result.facts), 'fact')} across {_count(len(articles), 'article')}; "
        f"{_count(len(result.groups), 'group')} of aligned paragraphs",
        style="dim",
    )
    return [table, legend, key_table, sources_renderable(articles, width), summary]


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _words_only_in(text: str, other: str) -> Any:
    """The paragraph as Text, with the words whose stems the other side lacks highlighted."""
    import re

    from rich.text import Text

    from compare.text import STOPWORDS, stem, words

    other_stems = {stem(w) for w in words(other)}
    out = Text(text)
    for m in re.finditer(r"[^\W_]+(?:['’][^\W_]+)*", text):
        folded = words(m.group(0))
        if not folded or folded[0] in STOPWORDS:
            continue
        if stem(folded[0]) not in other_stems:
            out.stylize("bold underline", m.start(), m.end())
    return out


def diff_renderables(result: DiffResult, width: int) -> list[Any]:
    """Aligned paragraphs side by side with the words only one side has highlighted, then what
    only one article has, then the facts each has that the other lacks."""
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
    out.append(Rule(Text(f"{len(result.pairs)} aligned paragraph pairs"), style="dim"))
    side = max(20, (width - 12) // 2)
    table = Table(show_lines=True, expand=True, pad_edge=False)
    table.add_column("score", justify="right", no_wrap=True, width=5)
    table.add_column(Text("A " + label_a), ratio=1, max_width=side, overflow="fold")
    table.add_column(Text("B " + label_b), ratio=1, max_width=side, overflow="fold")
    for pair in result.pairs:
        text_a = "\n".join(paragraphs_a[i] for i in pair.a)
        text_b = "\n".join(paragraphs_b[i] for i in pair.b)
        left = Text(", ".join(f"¶{i}" for i in pair.a) + " ", style="dim")
        left.append_text(_words_only_in(text_a, text_b))
        right = Text(", ".join(f"¶{i}" for i in pair.b) + " ", style="dim")
        right.append_text(_words_only_in(text_b, text_a))
        table.add_row(f"{pair.score:.2f}", left, right)
    out.append(table)
    for name, label, only, texts in (
        ("A", label_a, result.only_a, paragraphs_a),
        ("B", label_b, result.only_b, paragraphs_b),
    ):
        out.append(Rule(Text(f"only in {name} ({label}): {len(only)} paragraphs"), style="dim"))
        for i in only:
            line = Text(f"¶{i} ", style="dim")
            line.append(texts[i])
            out.append(line)
    out.extend(_diff_fact_lines(result))
    out.append(sources_renderable([a, b], width))
    return out


def _diff_fact_lines(result: DiffResult) -> list[Any]:
    from rich.rule import Rule
    from rich.text import Text

    a, b = result.a.id, result.b.id
    sections = (
        ("facts only in A", lambda f: f.cell(a).status == "stated" and f.cell(b).status == "absent"),
        ("facts only in B", lambda f: f.cell(b).status == "stated" and f.cell(a).status == "absent"),
        ("conflicting figures", lambda f: "conflict" in (f.cell(a).status, f.cell(b).status)),
        (
            "stated in one, touched in the other",
            lambda f: {f.cell(a).status, f.cell(b).status} == {"stated", "partial"},
        ),
    )
    out: list[Any] = []
    for title, keep in sections:
        facts = [f for f in result.facts if keep(f)]
        out.append(Rule(Text(f"{title}: {len(facts)}"), style="dim"))
        for fact in facts:
            line = Text(f"{fact.id} ", style="dim")
            line.append(f"[{fact.kind}] ", style="cyan")
            line.append(printable(fact.label))
            out.append(line)
            if title == "conflicting figures":
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
    return any(p.check == "lock" for p in result.problems)


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
        return [Text(f"✓ {head}", style="bold green")]
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
    if _check_lock_failed(result):
        command = f"compare check {printable(result.directory or 'DIR')} --update"
        out.append(Text(_CHECK_LOCK_HINT.format(command=command), style="dim"))
    return out


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


def matrix_markdown(result: MatrixResult) -> str:
    labels = short_labels(result.articles)
    keys = [md(labels[a.id]) for a in result.articles]
    lines = ["# Fact matrix", ""]
    lines.append("| fact | kind | what | " + " | ".join(keys) + " |")
    lines.append("|---|---|---|" + "---|" * len(keys))
    for fact in result.facts:
        cells = " | ".join(SYMBOLS[c.status] for _, c in fact.coverage)
        lines.append(f"| {fact.id} | {fact.kind} | {md(fact.label)} | {cells} |")
    lines += ["", "Legend: " + ", ".join(f"{SYMBOLS[s]} {m}" for s, m in LEGEND), ""]
    lines += ["| column | article | outlet | title |", "|---|---|---|---|"]
    for key, a in zip(keys, result.articles, strict=True):
        lines.append(f"| {key} | {md(a.id)} | {md(a.outlet)} | {md(a.title)} |")
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
        "| score | A | B |",
        "|---|---|---|",
    ]
    for pair in result.pairs:
        ta = " / ".join(f"¶{i} {md(pa[i])}" for i in pair.a)
        tb = " / ".join(f"¶{i} {md(pb[i])}" for i in pair.b)
        lines.append(f"| {pair.score:.2f} | {ta} | {tb} |")
    for name, only, texts in (("A", result.only_a, pa), ("B", result.only_b, pb)):
        lines += ["", f"## Only in {name}", ""]
        lines += [f"- ¶{i} {md(texts[i])}" for i in only] or ["- (none)"]
    for name, aid, other in (("A", a.id, b.id), ("B", b.id, a.id)):
        facts = [
            f for f in result.facts if f.cell(aid).status == "stated" and f.cell(other).status == "absent"
        ]
        lines += ["", f"## Facts only in {name}", ""]
        lines += [f"- {f.id} [{f.kind}] {md(f.label)}" for f in facts] or ["- (none)"]
    conflicts = [f for f in result.facts if "conflict" in (f.cell(a.id).status, f.cell(b.id).status)]
    lines += ["", "## Conflicting figures", ""]
    lines += [f"- {f.id} {md(f.label)}" for f in conflicts] or ["- (none)"]
    lines += ["", *sources_markdown([a, b])]
    return "\n".join(lines) + "\n"


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
    return "\n".join(lines) + "\n"


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


def matrix_html(result: MatrixResult) -> str:
    """One self-contained page (inline CSS, no script, no external resource); every piece of
    article text goes through html.escape."""
    from html import escape as html_escape

    def escape(text: str, quote: bool = True) -> str:
        return html_escape(printable(text), quote=quote)

    labels = short_labels(result.articles)
    keys = [labels[a.id] for a in result.articles]
    head = "".join(
        f'<th title="{escape(a.label, quote=True)}">{escape(k)}</th>'
        for k, a in zip(keys, result.articles, strict=True)
    )
    rows = []
    for fact in result.facts:
        cells = []
        for _, cell in fact.coverage:
            tip = escape(cell.evidence or "", quote=True)
            cells.append(f'<td class="{cell.status}" title="{tip}">{SYMBOLS[cell.status]}</td>')
        rows.append(
            f"<tr><td class=id>{escape(fact.id)}</td><td class=kind>{escape(fact.kind)}</td>"
            f"<td>{escape(fact.label)}</td>{''.join(cells)}</tr>"
        )
    key_rows = "".join(
        f"<tr><td>{escape(k)}</td><td>{escape(a.id)}</td><td>{escape(a.outlet or '')}</td>"
        f"<td>{escape(a.title or '')}</td></tr>"
        for k, a in zip(keys, result.articles, strict=True)
    )
    legend = " ".join(f'<span class="{s}">{SYMBOLS[s]}</span> {escape(m)}' for s, m in LEGEND)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>compare: fact matrix</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2em; color: #222; }}
table {{ border-collapse: collapse; }}
td, th {{ border-bottom: 1px solid #ddd; padding: 3px 8px; vertical-align: top; }}
td.stated {{ color: #1a7f37; font-weight: bold; text-align: center; }}
td.partial {{ color: #9a6700; text-align: center; }}
td.conflict {{ color: #cf222e; font-weight: bold; text-align: center; background: #ffebe9; }}
td.absent {{ color: #aaa; text-align: center; }}
td.id, td.kind {{ color: #666; white-space: nowrap; }}
span.stated {{ color: #1a7f37; }} span.partial {{ color: #9a6700; }}
span.conflict {{ color: #cf222e; }} span.absent {{ color: #aaa; }}
</style>
</head>
<body>
<h1>Fact matrix</h1>
<p>{legend}</p>
<table>
<thead><tr><th>fact</th><th>kind</th><th>what</th>{head}</tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table>
<h2>Articles</h2>
<table><thead><tr><th>column</th><th>article</th><th>outlet</th><th>title</th></tr></thead>
<tbody>{key_rows}</tbody></table>
{sources_html(result.articles)}
</body>
</html>
"""
