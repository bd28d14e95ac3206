"""html_report: the matrix and the diff as single self-contained pages an editor can forward.

Everything is inside the one file: CSS inline, a small filter script pinned by its hash in the
Content-Security-Policy (no remote load of any kind is allowed), no fonts, no images. The page is
complete with scripting off: every fact, cell and evidence sentence is in the markup, evidence
opens on click through `<details>` and is listed in full when printed. Every piece of article
text (labels, evidence, names, titles, URLs) goes through `_esc`.
"""

from __future__ import annotations

import base64
import hashlib
from html import escape as _html_escape

from compare.model import Article, DiffResult, Fact, MatrixResult
from compare.render import (
    CONFLICTING_FIGURES,
    LEGEND,
    LOOSELY_RELATED,
    SYMBOLS,
    column_keys,
    count,
    diff_fact_sections,
    loosely_related,
    marked_spans,
    printable,
    sources_html,
)
from compare.views import (
    has_conflict,
    is_exclusive,
    is_omitted,
    is_shared,
    outlet_summaries,
)

# The groups of the terminal view, in the same words (render._band), most-carried first.
BANDS = ("in every article", "in most articles", "in some articles", "in one article only")


def _esc(text: str | None) -> str:
    """Article text made inert in HTML: controls spelled out, then every special character escaped."""
    return _html_escape(printable(text or ""), quote=True)


def _band(present: int, total: int) -> str:
    if present == total:
        return BANDS[0]
    if present == 1:
        return BANDS[3]
    if 2 * present > total:
        return BANDS[1]
    return BANDS[2]


def event_title(result: MatrixResult) -> str:
    """The page's heading: the headline of the article that shares the most facts with the others
    (the most representative telling), else a plain description."""
    best: tuple[int, int, str] | None = None
    for i, (article, line) in enumerate(zip(result.articles, outlet_summaries(result), strict=True)):
        if article.title:
            key = (-(line.carried - line.exclusives), i, article.title)
            best = key if best is None or key < best else best
    return best[2] if best else f"Fact matrix of {len(result.articles)} articles"


# Filter script: shows the rows of one view (shared, exclusive, omitted, conflict), seen from one
# outlet as `compare matrix --outlet` does (no view: its exclusives and omissions), and/or one kind,
# by toggling `hidden` on rows; it only runs when scripting is on, and the
# controls it drives stay hidden until it runs, so the page without it is simply the whole table.
_SCRIPT = """\
(function () {
  var form = document.getElementById('filters');
  if (!form) { return; }
  form.hidden = false;
  function apply() {
    var view = form.elements.view.value, outlet = form.elements.outlet.value;
    var kind = form.elements.kind.value;
    var rows = document.querySelectorAll('tr.fact');
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i], tags = ' ' + r.getAttribute('data-views') + ' ', show = true;
      if (view !== 'all') { show = tags.indexOf(' ' + view + ' ') >= 0; }
      if (show && kind !== 'all') { show = r.getAttribute('data-kind') === kind; }
      if (show && outlet !== 'all') {
        var has = (' ' + r.getAttribute('data-present') + ' ').indexOf(' ' + outlet + ' ') >= 0;
        if (view === 'all') {
          show = (tags.indexOf(' exclusive ') >= 0 && has) || (tags.indexOf(' omitted ') >= 0 && !has);
        }
        else if (view === 'exclusive' || view === 'shared') { show = has; }
        else if (view === 'omitted') { show = !has; }
        else if (view === 'conflict') {
          show = (' ' + r.getAttribute('data-conflict') + ' ').indexOf(' ' + outlet + ' ') >= 0;
        }
      }
      r.hidden = !show;
    }
    var groups = document.querySelectorAll('tbody.band');
    for (var j = 0; j < groups.length; j++) {
      groups[j].hidden = groups[j].querySelectorAll('tr.fact:not([hidden])').length === 0;
    }
  }
  form.addEventListener('change', apply);
  window.addEventListener('beforeprint', function () {
    var d = document.querySelectorAll('details');
    for (var k = 0; k < d.length; k++) { d[k].open = true; }
  });
})();
"""

_CSS = """\
body { font-family: system-ui, sans-serif; margin: 1.5em; color: #1f2328; line-height: 1.4; }
h1 { font-size: 1.4em; margin: 0 0 .2em; }
.sub { color: #59636e; margin: 0 0 1em; }
table { border-collapse: collapse; }
th, td { border-bottom: 1px solid #d1d9e0; padding: 3px 6px; vertical-align: top; text-align: left; }
.scroll { overflow: auto; max-height: 85vh; border: 1px solid #d1d9e0; }
.matrix thead th { position: sticky; top: 0; background: #f6f8fa; z-index: 2; }
.matrix th.what, .matrix td.what { position: sticky; left: 0; background: #fff; z-index: 1;
  min-width: 18em; max-width: 32em; }
.matrix thead th.what { z-index: 3; background: #f6f8fa; }
.matrix th.band { background: #ddf4ff; font-style: italic; font-weight: normal; position: sticky; left: 0; }
td.cell { text-align: center; min-width: 2.2em; }
td.stated { color: #1a7f37; font-weight: bold; }
td.partial { color: #9a6700; }
td.conflict { color: #cf222e; font-weight: bold; background: #ffebe9; }
td.absent { color: #8c959f; }
span.stated { color: #1a7f37; } span.partial { color: #9a6700; }
span.conflict { color: #cf222e; } span.absent { color: #8c959f; }
details summary { cursor: pointer; list-style: none; }
details summary::-webkit-details-marker { display: none; }
details[open] { position: relative; }
details .ev { position: absolute; z-index: 4; width: 22em; text-align: left; font-weight: normal;
  color: #1f2328; background: #fff; border: 1px solid #8c959f; padding: .4em; }
.kind, .id { color: #59636e; white-space: nowrap; font-size: .9em; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
#filters { margin: .5em 0 1em; }
#filters fieldset { display: inline-block; border: 1px solid #d1d9e0; margin-right: 1em; }
del, ins { text-decoration: none; font-weight: bold; }
del { color: #cf222e; } ins { color: #1a7f37; }
.loose { font-style: italic; color: #59636e; }
.print-only { display: none; }
@media print {
  .scroll { overflow: visible; max-height: none; border: 0; }
  .matrix thead th, .matrix td.what, .matrix th.what { position: static; }
  #filters { display: none; }
  details .ev { display: none; }
  .print-only { display: block; }
}
"""


def _csp(script: str | None) -> str:
    """No remote load of any kind: only the inline style and, if any, the one script by hash."""
    policy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
    if script is not None:
        digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
        policy += f"; script-src 'sha256-{digest}'"
    return policy


def html_page(title: str, body: str, script: str | None = None, *, css: str = _CSS) -> str:
    """A self-contained page: the one content policy of every page the project writes (nothing
    loaded from anywhere, no referrer), the inline style and, if any, the one hashed script."""
    script_tag = f"<script>{script}</script>\n" if script is not None else ""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{_csp(script)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>{_esc(title)}</title>
<style>
{css}</style>
</head>
<body>
{body}
{script_tag}</body>
</html>
"""


def _outlet_name(article: Article) -> str:
    """Outlet, byline and credits when the reader knows them, names joined as a reader writes
    them (never a Python tuple)."""
    parts = [f"<strong>{_esc(article.label)}</strong>"]
    if article.byline:
        parts.append(f"by {_esc(', '.join(article.byline))}")
    if article.credits:
        parts.append(f"({_esc(', '.join(article.credits))})")
    return " ".join(parts)


def _column_token(position: int) -> str:
    """The column's name inside the page (anchors, filter values): its place, not its header,
    because headers are outlet names that may hold spaces ("The Daily Post 2"), which would
    split the space-separated filter lists and make invalid ids."""
    return f"c{position}"


# Only web addresses become links: a `javascript:` or `data:` URL from front matter stays text.
LINKABLE_SCHEMES = ("http://", "https://")


def _outlets_table(result: MatrixResult) -> str:
    keys = column_keys(result.articles)
    summaries = outlet_summaries(result)
    majority = summaries[0].majority if summaries else 0
    rows = []
    for position, (key, article, line) in enumerate(zip(keys, result.articles, summaries, strict=True)):
        title = _esc(article.title)
        if article.url and article.url.lower().startswith(LINKABLE_SCHEMES):
            title = (
                f'<a href="{_esc(article.url)}" rel="noreferrer noopener">{title or _esc(article.url)}</a>'
            )
        rows.append(
            f'<tr id="outlet-{_column_token(position)}"><th scope="row">{_esc(key)}</th>'
            f"<td>{_outlet_name(article)}</td>"
            f"<td>{title}</td><td>{_esc(article.published)}</td><td>{line.carried}</td><td>{line.stated}</td>"
            f"<td>{line.exclusives}</td><td>{line.omissions}</td><td>{line.conflicts}</td></tr>"
        )
    return (
        '<section aria-labelledby="outlets-h"><h2 id="outlets-h">Outlets</h2>\n<div class="scroll">'
        "<table class=outlets><thead><tr><th scope=col>column</th><th scope=col>outlet</th>"
        "<th scope=col>headline</th><th scope=col>published</th><th scope=col>facts</th>"
        "<th scope=col>stated in full</th>"
        "<th scope=col>only here</th>"
        f"<th scope=col>omits (of {majority} majority facts)</th><th scope=col>conflicts</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div></section>"
    )


def _sources_section(result: MatrixResult) -> str:
    """Who published, wrote and credited each article, and whose text it reuses."""
    table = sources_html(result.articles).replace("<h2>Sources</h2>", '<h2 id="sources-h">Sources</h2>', 1)
    return f'<section aria-labelledby="sources-h" class="sources">{table}</section>'


def _filters(result: MatrixResult) -> str:
    keys = column_keys(result.articles)
    views = [
        ("all", "all facts"),
        ("shared", "in every article"),
        ("exclusive", "in one only"),
        ("omitted", "left out by some"),
        ("conflict", "different figures"),
    ]
    radios = "".join(
        f'<label><input type="radio" name="view" value="{v}"{" checked" if v == "all" else ""}> {t}</label> '
        for v, t in views
    )
    outlets = "".join(
        f'<option value="{_column_token(i)}">{_esc(k)}: {_esc(a.label)}</option>'
        for i, (k, a) in enumerate(zip(keys, result.articles, strict=True))
    )
    kinds = sorted({f.kind for f in result.facts})
    kind_options = "".join(f'<option value="{_esc(k)}">{_esc(k)}</option>' for k in kinds)
    return (
        '<form id="filters" hidden><fieldset><legend>Show</legend>'
        f"{radios}</fieldset><label>seen from <select name=outlet><option value=all>every outlet</option>"
        f"{outlets}</select></label> <label>kind <select name=kind><option value=all>any</option>"
        f"{kind_options}</select></label></form>"
    )


def _row_views(fact: Fact, total: int) -> str:
    tags = []
    if is_shared(fact, total):
        tags.append("shared")
    if is_exclusive(fact, total):
        tags.append("exclusive")
    if is_omitted(fact, total):
        tags.append("omitted")
    if has_conflict(fact):
        tags.append("conflict")
    return " ".join(tags)


_MEANING = dict(LEGEND)


def _cell(fact: Fact, aid: str, key: str, label: str) -> str:
    cell = fact.cell(aid)
    symbol = SYMBOLS[cell.status]
    said = f"{_esc(label)}: {_MEANING[cell.status]}"
    if not cell.evidence:
        return (
            f'<td class="cell {cell.status}"><span aria-hidden="true">{symbol}</span>'
            f"<span class=sr>{said}</span></td>"
        )
    where = f" (¶{cell.paragraph})" if cell.paragraph is not None else ""
    return (
        f'<td class="cell {cell.status}"><details><summary><span aria-hidden="true">{symbol}</span>'
        f"<span class=sr>{said}, show evidence</span></summary><div class=ev><strong>{_esc(key)}</strong>"
        f"{where}: {_esc(cell.evidence)}</div></details></td>"
    )


def _matrix_table(result: MatrixResult) -> str:
    keys = column_keys(result.articles)
    total = len(result.articles)
    head = "".join(
        f'<th scope="col" class=cell title="{_esc(a.label)}"><a href="#outlet-{_column_token(i)}">'
        f"{_esc(k)}</a></th>"
        for i, (k, a) in enumerate(zip(keys, result.articles, strict=True))
    )
    bands: dict[str, list[Fact]] = {}
    for fact in result.facts:
        bands.setdefault(_band(len(fact.present), total), []).append(fact)
    bodies = []
    for band in BANDS:
        facts = bands.get(band, [])
        if not facts:
            continue
        rows = [
            f'<tr class=band-head><th class=band colspan="{3 + total}" scope="rowgroup">'
            f"{band} ({len(facts)})</th></tr>"
        ]
        for fact in facts:
            cells = "".join(_cell(fact, a.id, k, a.label) for k, a in zip(keys, result.articles, strict=True))
            statuses = [fact.cell(a.id).status for a in result.articles]
            present = " ".join(_column_token(i) for i, s in enumerate(statuses) if s != "absent")
            conflict = " ".join(_column_token(i) for i, s in enumerate(statuses) if s == "conflict")
            rows.append(
                f'<tr class=fact id="fact-{_esc(fact.id)}" data-views="{_row_views(fact, total)}" '
                f'data-kind="{_esc(fact.kind)}" data-present="{_esc(present)}" '
                f'data-conflict="{_esc(conflict)}">'
                f"<td class=id>{_esc(fact.id)}</td><td class=kind>{_esc(fact.kind)}</td>"
                f'<th scope="row" class=what>{_esc(fact.label)}</th>{cells}</tr>'
            )
        bodies.append(f'<tbody class=band data-band="{_esc(band)}">\n' + "\n".join(rows) + "\n</tbody>")
    legend = " ".join(
        f'<span class="{s}" aria-hidden="true">{SYMBOLS[s]}</span> {_esc(m)}' for s, m in LEGEND
    )
    return (
        '<section aria-labelledby="matrix-h"><h2 id="matrix-h">Facts by outlet</h2>\n'
        f"<p>{legend}. Click a mark to see the sentence it stands for.</p>\n"
        f"{_filters(result)}\n"
        '<div class="scroll"><table class=matrix>'
        "<caption class=sr>Facts down the side, outlets across</caption>"
        "<thead><tr><th scope=col>fact</th><th scope=col>kind</th><th scope=col class=what>what</th>"
        f"{head}</tr></thead>\n" + "\n".join(bodies) + "\n</table></div></section>"
    )


def _evidence_list(result: MatrixResult) -> str:
    """Every carried cell's sentence, fact by fact: shown when printed (details do not open on
    paper)."""
    keys = dict(zip((a.id for a in result.articles), column_keys(result.articles), strict=True))
    labels = {a.id: a.label for a in result.articles}
    items = []
    for fact in result.facts:
        lines = "".join(
            f"<li>{_esc(keys[aid])} {_esc(labels[aid])}, {_MEANING[c.status]}: {_esc(c.evidence)}</li>"
            for aid, c in fact.coverage
            if c.evidence
        )
        items.append(f"<li><strong>{_esc(fact.id)}</strong> {_esc(fact.label)}<ul>{lines}</ul></li>")
    return (
        '<section class="print-only" aria-labelledby="evidence-h"><h2 id="evidence-h">Evidence</h2>'
        f"<ol>{''.join(items)}</ol></section>"
    )


def matrix_page(
    result: MatrixResult,
    *,
    title: str | None = None,
    whole: MatrixResult | None = None,
    view: str | None = None,
) -> str:
    """The matrix report: title and outlets at the top, the grouped table with evidence on click,
    the filter controls (scripted; the page is whole without them), the evidence for print.
    `view` says which facts a view kept (--only, --outlet, --kind): a forwarded page must not
    pass for the whole matrix."""
    heading = title or event_title(whole or result)
    shown = f"<strong>{_esc(view)}</strong>" if view else count(len(result.facts), "fact")
    body = (
        f"<header><h1>{_esc(heading)}</h1>\n<p class=sub>{shown} across "
        f"{count(len(result.articles), 'article')}, compared by <code>compare</code></p></header>\n<main>\n"
        f"{_outlets_table(whole or result)}\n{_sources_section(whole or result)}\n"
        f"{_matrix_table(result)}\n{_evidence_list(result)}\n</main>"
    )
    return html_page(f"compare: {heading}", body, _SCRIPT)


def _marked_html(text: str, other: str, tag: str) -> str:
    """A paragraph with the words `other` lacks in <del> (side A) or <ins> (side B); the markers
    [- -] / {+ +} are in the text too, so the marks survive copying, printing and no colour."""
    marks = ("[-", "-]") if tag == "del" else ("{+", "+}")
    out, last = [], 0
    for start, end in marked_spans(text, other):
        out.append(_esc(text[last:start]))
        out.append(f"<{tag}>{_esc(marks[0] + text[start:end] + marks[1])}</{tag}>")
        last = end
    out.append(_esc(text[last:]))
    return "".join(out)


def _diff_evidence(fact: Fact, result: DiffResult) -> str:
    """Each side's sentence under a conflicting fact: the label holds one figure, the reader
    needs both."""
    items = "".join(
        f'<li><span class="{fact.cell(aid).status}">{side} {SYMBOLS[fact.cell(aid).status]}</span> '
        f"{_esc(fact.cell(aid).evidence)}</li>"
        for side, aid in (("A", result.a.id), ("B", result.b.id))
        if fact.cell(aid).evidence
    )
    return f"<ul>{items}</ul>"


def diff_page(result: DiffResult) -> str:
    """The diff report: aligned paragraphs with word marks, loosely related pairs unmarked, what
    only one side has, and the facts only one side has."""
    a, b = result.a, result.b
    pa = {p.index: p.text for p in a.paragraphs}
    pb = {p.index: p.text for p in b.paragraphs}
    rows = []
    for pair in result.pairs:
        ta = "\n".join(pa[i] for i in pair.a)
        tb = "\n".join(pb[i] for i in pair.b)
        where_a = ", ".join(f"¶{i}" for i in pair.a)
        where_b = ", ".join(f"¶{i}" for i in pair.b)
        if loosely_related(ta, tb):
            note = f"<span class=loose>({LOOSELY_RELATED})</span> "
            left, right = note + _esc(ta), note + _esc(tb)
        else:
            left, right = _marked_html(ta, tb, "del"), _marked_html(tb, ta, "ins")
        rows.append(
            f"<tr><td>{pair.score:.2f}</td><td><span class=id>{where_a}</span> {left}</td>"
            f"<td><span class=id>{where_b}</span> {right}</td></tr>"
        )
    only = []
    for name, article, indices, texts in (("A", a, result.only_a, pa), ("B", b, result.only_b, pb)):
        items = "".join(f"<li><span class=id>¶{i}</span> {_esc(texts[i])}</li>" for i in indices)
        only.append(
            f"<h2>Only in {name} ({_esc(article.label)}): {count(len(indices), 'paragraph')}</h2>"
            f"<ul>{items}</ul>"
        )
    facts = []
    for title, kept in diff_fact_sections(result):
        items = "".join(
            f"<li><span class=id>{_esc(f.id)}</span> <span class=kind>[{_esc(f.kind)}]</span> "
            f"{_esc(f.label)}{_diff_evidence(f, result) if title == CONFLICTING_FIGURES else ''}</li>"
            for f in kept
        )
        facts.append(f"<h2>{_esc(title[0].upper() + title[1:])}: {len(kept)}</h2><ul>{items}</ul>")
    heading = f"{a.label} vs {b.label}"
    body = (
        f"<header><h1>{_esc(heading)}</h1><p class=sub>A: {_outlet_name(a)} {_esc(a.title)}<br>"
        f"B: {_outlet_name(b)} {_esc(b.title)}</p></header><main>"
        "<p>Words only in A are marked <del>[-so-]</del>, words only in B <ins>{+so+}</ins>; pairs that "
        f"share few words are marked <span class=loose>{LOOSELY_RELATED}</span>.</p>"
        f"<h2>{count(len(result.pairs), 'aligned paragraph pair')}</h2><div class=scroll><table>"
        "<thead><tr><th scope=col>score</th><th scope=col>A</th><th scope=col>B</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div>{''.join(only)}{''.join(facts)}"
        f'<section class="sources">{sources_html([a, b])}</section></main>'
    )
    return html_page(f"compare: {heading}", body)
