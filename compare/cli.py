"""The `compare` command: parses options, calls one library function, renders the result.

Library errors (`CompareError`) and option errors become one line on stderr and exit status 2;
nothing here prints a traceback. Output files are written atomically (a temporary file in the
same folder, then a rename), so a failed run never leaves half a file behind. Heavy modules are
imported inside the commands so that `compare --help` starts fast.
"""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from compare.limits import DEFAULT_MAX_BYTES
from compare.write import write_atomically as write_atomically  # moved to the library; re-exported

if TYPE_CHECKING:
    from rich.console import Console

    from compare.model import Article, CheckResult, DiffResult, MatrixResult

app = typer.Typer(
    name="compare",
    help="Put news articles about the same event side by side: what each outlet reported, "
    "and what it left out.",
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _show_version(value: bool) -> None:
    if value:
        from compare import __version__

        sys.stdout.write(f"compare {__version__}\n")
        raise typer.Exit()


@app.callback()
def _main_options(
    version: Annotated[
        bool,
        typer.Option("--version", help="Print the version and exit.", is_eager=True, callback=_show_version),
    ] = False,
) -> None:
    """Put news articles about the same event side by side: what each outlet reported, and what
    it left out."""


class Format(StrEnum):
    """Every output format; each command offers the ones that make sense for it."""

    table = "table"
    json = "json"
    markdown = "markdown"
    csv = "csv"
    html = "html"


class DiffFormat(StrEnum):
    """Formats of `diff`: a table, JSON, a markdown report or a self-contained page."""

    table = "table"
    json = "json"
    markdown = "markdown"
    html = "html"


class ReportFormat(StrEnum):
    """Formats of `check` and `explain`: a table, JSON or a markdown report."""

    table = "table"
    json = "json"
    markdown = "markdown"


class Color(StrEnum):
    """When to colour the table: on a terminal only (auto), always (for `| less -R`), never."""

    auto = "auto"
    always = "always"
    never = "never"


# The format an --output file's extension implies when --format is not given.
FORMAT_BY_SUFFIX = {
    ".json": Format.json,
    ".md": Format.markdown,
    ".markdown": Format.markdown,
    ".csv": Format.csv,
    ".html": Format.html,
    ".htm": Format.html,
    ".txt": Format.table,
}

# Extensions of document formats `compare` does not write, each with the format to use instead:
# a table written into report.xlsx or report.pdf opens as garbage or not at all, so such a name
# is refused before any work (general knowledge of office formats, not fitted to anything).
FOREIGN_SUFFIXES = {
    ".xlsx": "csv",
    ".xls": "csv",
    ".ods": "csv",
    ".numbers": "csv",
    ".pdf": "html",
    ".docx": "html",
    ".doc": "html",
    ".odt": "html",
    ".rtf": "html",
}

_FORMAT_HELP = " (default: from the --output file's extension, else table)."
ReportFormatOption = Annotated[
    ReportFormat | None, typer.Option("--format", "-f", help="table, json or markdown" + _FORMAT_HELP)
]
DiffFormatOption = Annotated[
    DiffFormat | None, typer.Option("--format", "-f", help="table, json, markdown or html" + _FORMAT_HELP)
]
ColorOption = Annotated[
    Color,
    typer.Option(
        "--color",
        help="auto: colour on a terminal only; always: also through a pipe (less -R); never. "
        "NO_COLOR set in the environment always wins.",
    ),
]
PagerOption = Annotated[
    bool,
    typer.Option(
        "--pager/--no-pager",
        help="Page long tables on a terminal through $PAGER (default less -FRX), as git does.",
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", help="Write to this file (atomically) instead of standard output.", dir_okay=False
    ),
]
NoColorOption = Annotated[
    bool, typer.Option("--no-color", help="Same as --color never (the NO_COLOR variable does the same).")
]
MaxBytesOption = Annotated[
    int,
    typer.Option("--max-bytes", min=1, help="Refuse article files larger than this many bytes."),
]
ModelOption = Annotated[
    str | None,
    typer.Option(
        "--model",
        help="Also align paragraphs that say the same thing in other words, with a "
        "sentence-embedding model by name (from the local cache) or path; facts are still joined "
        "by the lexical scorer. Needs the embed extra. Nothing is downloaded.",
    ),
]
WidthOption = Annotated[
    int | None, typer.Option("--width", min=40, max=1000, help="Table width (default: the terminal's).")
]


def no_color_env() -> bool:
    """NO_COLOR set to a non-empty value turns colour off (no-color.org: an empty value does not)."""
    return bool(os.environ.get("NO_COLOR"))


class UsageProblem(Exception):
    """A combination of options that cannot work (said before any work is done)."""


def _styled(color: Color, no_color: bool, to_file: bool) -> bool:
    """Whether the table gets colours and styles: NO_COLOR (non-empty) and --no-color always win,
    then --color always / never; auto styles standard output only when it is a terminal."""
    if no_color or no_color_env() or color is Color.never:
        return False
    if color is Color.always:
        return True
    return not to_file and _live_console(None).is_terminal


def _live_console(width: int | None) -> Console:
    """A console on standard output, only to ask it about the terminal (size, colours)."""
    from rich.console import Console

    return Console(width=width, highlight=False, emoji=False, markup=False, legacy_windows=False)


def _terminal_width(width: int | None) -> int:
    return width or _live_console(None).width


def _render_terminal(renderables: list[Any], styled: bool, width: int | None) -> str:
    """Render rich objects to a string, with styles (escape sequences) or as plain text."""
    import io

    from rich.console import Console

    live = _live_console(width)
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width or live.width,
        force_terminal=styled,
        no_color=not styled,
        color_system=("truecolor" if live.color_system == "truecolor" else "standard") if styled else None,
        highlight=False,
        emoji=False,
        markup=False,
        legacy_windows=False,
    )
    for item in renderables:
        console.print(item)
    return buffer.getvalue()


class ProgressBar:
    """A rich progress bar on stderr for long runs: shown only when stderr is a terminal, and
    only once the run has taken PROGRESS_DELAY seconds, so quick runs and pipes stay clean."""

    PROGRESS_DELAY = 1.0

    def __init__(self) -> None:
        import time

        self._clock = time.monotonic
        self._start = self._clock()
        self._enabled = sys.stderr.isatty() and not no_color_env()
        self._bar: Any = None
        self._tasks: dict[str, Any] = {}

    def __call__(self, step: str, done: int, total: int) -> None:
        if not self._enabled:
            return
        if self._bar is None:
            if self._clock() - self._start < self.PROGRESS_DELAY:
                return
            from rich.console import Console
            from rich.progress import Progress

            self._bar = Progress(console=Console(stderr=True), transient=True)
            self._bar.start()
        if step not in self._tasks:
            self._tasks[step] = self._bar.add_task(step, total=max(total, 1))
        self._bar.update(self._tasks[step], completed=done, total=max(total, 1))

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


# The pager when $PAGER is not set, as git uses it: -F quits when the text fits one screen, -R
# passes colours through, -X leaves the text on the screen after quitting.
DEFAULT_PAGER = "less"
DEFAULT_LESS_FLAGS = "FRX"


def _emit(text: str, output: Path | None, *, pager: bool = False) -> None:
    """Write the result to --output atomically, or to standard output (through a pager when
    asked for, standard output is a terminal and the text is longer than the screen)."""
    if output is not None:
        write_atomically(output, text)
        return
    if pager and _page(text):
        return
    sys.stdout.write(text)
    sys.stdout.flush()


def _page(text: str) -> bool:
    """Show `text` through the pager; False (nothing shown) when there is no terminal, the text
    fits, or no pager can be started."""
    import shlex
    import shutil
    import subprocess

    if not (sys.stdout.isatty() and sys.stdin.isatty()):
        return False
    if text.count("\n") < shutil.get_terminal_size().lines:
        return False
    command = os.environ.get("PAGER", DEFAULT_PAGER).strip()
    if not command or command == "cat":
        return False
    env = {**os.environ, "LESS": os.environ.get("LESS", DEFAULT_LESS_FLAGS)}
    try:
        process = subprocess.Popen(shlex.split(command), stdin=subprocess.PIPE, env=env)
    except (OSError, ValueError):
        return False
    assert process.stdin is not None
    try:
        process.stdin.write(text.encode("utf-8", "replace"))
        process.stdin.close()
    except BrokenPipeError:  # the reader quit the pager early
        pass
    process.wait()
    return True


def _resolve_format(
    given: StrEnum | None, output: Path | None, allowed: type[StrEnum], command: str
) -> Format:
    """--format when given, else the one the --output file's extension implies, else table."""
    if given is not None:
        return Format(given.value)
    if output is None:
        return Format.table
    suffix = output.suffix.lower()
    if suffix in FOREIGN_SUFFIXES:
        instead = FOREIGN_SUFFIXES[suffix]
        if instead not in allowed.__members__:
            instead = "markdown"
        better = output.with_suffix("." + ("md" if instead == "markdown" else instead)).name
        raise UsageProblem(
            f"{command}: {output.name}: compare does not write {suffix} files; "
            f"use {better} (--format {instead}) instead"
        )
    inferred = FORMAT_BY_SUFFIX.get(suffix, Format.table)
    if inferred.value not in allowed.__members__:
        choices = ", ".join(allowed.__members__)
        raise UsageProblem(
            f"{command}: cannot write {inferred.value} (from the name {output.name}); "
            f"give --format, one of {choices}"
        )
    return inferred


@app.command()
def diff(
    a: Annotated[str, typer.Argument(help="First article file (or - for standard input).")],
    b: Annotated[str, typer.Argument(help="Second article file.")],
    report_format: DiffFormatOption = None,
    output: OutputOption = None,
    color: ColorOption = Color.auto,
    no_color: NoColorOption = False,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    width: WidthOption = None,
    model: ModelOption = None,
    pager: PagerOption = True,
) -> None:
    """Align two articles paragraph by paragraph: what both report, what only one reports, and
    the facts each has that the other lacks. Words only one side has are marked [-like this-]
    in A and {+like this+} in B, with or without colour."""
    fmt = _resolve_format(report_format, output, DiffFormat, "diff")
    if a == "-" and b == "-":
        raise UsageProblem("only one of the two articles can be read from standard input")
    from compare.errors import CompareError
    from compare.pipeline import build_article
    from compare.pipeline import diff as run_diff
    from compare.read import load_sources, read_source

    for path in (a, b):
        if path != "-" and os.path.isdir(path):
            raise CompareError(
                path, "is a directory; diff compares two article files (use matrix for a folder)"
            )

    def read(path: str) -> Article:
        # sources.yaml beside the file names its outlet, as for matrix and check
        sources = load_sources(Path(path).parent) if path != "-" and os.path.isfile(path) else {}
        return build_article(read_source(path, max_bytes=max_bytes, sources=sources))

    article_a = read(a)
    article_b = read(b)
    result = run_diff(article_a, article_b, embedder=_embedder(model))
    styled = _styled(color, no_color, output is not None)
    _emit(_format_diff(result, fmt, styled, width), output, pager=pager)
    _note_other_languages((article_a, article_b))
    if a != "-" and b != "-" and os.path.realpath(a) == os.path.realpath(b):
        _note(f"{b}: the same file as {a}; every paragraph pairs with itself")


def _format_diff(result: DiffResult, fmt: Format, styled: bool, width: int | None) -> str:
    from compare import render

    if fmt is Format.json:
        return render.diff_json(result)
    if fmt is Format.markdown:
        return render.diff_markdown(result)
    if fmt is Format.html:
        return render.diff_html(result)
    return _render_terminal(render.diff_renderables(result, width or 120), styled, width)


class Only(StrEnum):
    """The --only views (see compare.views)."""

    shared = "shared"
    exclusive = "exclusive"
    omitted = "omitted"
    conflict = "conflict"


class Kind(StrEnum):
    """The kinds of fact --kind can pick (compare.model.FactKind)."""

    money = "money"
    quantity = "quantity"
    date = "date"
    quote = "quote"
    entity = "entity"
    claim = "claim"
    event = "event"


class SortBy(StrEnum):
    """The --sort orders (see compare.views.sort_facts)."""

    coverage = "coverage"
    first = "first"


@app.command()
def matrix(
    paths: Annotated[list[str], typer.Argument(help="A folder of articles, or several article files.")],
    fmt: Annotated[
        Format | None,
        typer.Option("--format", "-f", help="table, json, markdown, csv or html" + _FORMAT_HELP),
    ] = None,
    only: Annotated[
        Only | None,
        typer.Option(
            "--only",
            help="Show only the facts every article carries (shared), only one carries (exclusive), "
            "most carry and some leave out (omitted), or with a different figure (conflict).",
        ),
    ] = None,
    outlet: Annotated[
        str | None,
        typer.Option(
            "--outlet",
            help="Seen from one article (its column header, file name or outlet, or a column letter: "
            "A for the first): what only it carries "
            "and what it leaves out that most others carry; with --only, that view from it.",
        ),
    ] = None,
    kinds: Annotated[
        list[Kind] | None,
        typer.Option("--kind", help="Only facts of this kind (repeat for several): " + ", ".join(Kind) + "."),
    ] = None,
    sort: Annotated[
        SortBy | None,
        typer.Option(
            "--sort",
            help="coverage: most-carried facts first; first: facts the stories put earliest first "
            "(default: grouped by how many articles carry them).",
        ),
    ] = None,
    title: Annotated[
        str | None,
        typer.Option(
            "--title", help="Heading of the html report (default: the most representative headline)."
        ),
    ] = None,
    output: OutputOption = None,
    color: ColorOption = Color.auto,
    no_color: NoColorOption = False,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    width: WidthOption = None,
    model: ModelOption = None,
    pager: PagerOption = True,
) -> None:
    """One table: facts down the side, outlets across the top, and whether each outlet stated
    the fact, touched it, contradicted it or left it out; then a summary line per outlet. When
    the outlets do not fit the width, the table comes in pages of outlets (said on stderr).

    Marks: ✓ stated, ~ touched with less detail, ! a different figure, ✗ left out. Columns are
    headed by each outlet's short name (the file name where no outlet is known); the lines
    under the table name them in full."""
    chosen = _resolve_format(fmt, output, Format, "matrix")
    from compare.pipeline import load_articles
    from compare.pipeline import matrix as run_matrix
    from compare.views import ONLY_BY_NAME, SORT_BY_NAME, apply_view, describe_view, find_outlet

    progress = ProgressBar()
    try:
        articles = load_articles(paths, max_bytes=max_bytes, progress=progress)
        _require_articles(articles, paths, minimum=1)
        picked = find_outlet(articles, outlet) if outlet is not None else None
        result = run_matrix(articles, progress=progress, embedder=_embedder(model))
    finally:
        progress.close()
    kind_names = tuple(k.value for k in kinds or ())
    only_name = ONLY_BY_NAME[only.value] if only is not None else None
    sort_name = SORT_BY_NAME[sort.value] if sort is not None else None
    view = apply_view(result, only=only_name, outlet=picked, kinds=kind_names, sort=sort_name)
    heading = describe_view(
        only=only_name, outlet=picked, kinds=kind_names, shown=len(view.facts), total=len(result.facts)
    )
    styled = _styled(color, no_color, output is not None)
    text = _format_matrix(
        view, result, chosen, styled, width, heading=heading, bands=sort_name is None, title=title
    )
    _emit(text, output, pager=pager)
    # Notes come after the output: a failed write is then the one line on stderr.
    _note_skipped_documents(paths)
    _note_other_languages(articles)
    if len(articles) == 1:
        _note(f"{articles[0].path}: the only article given; a matrix compares two or more")


def _embedder(model: str | None) -> Any:
    if model is None:
        return None
    if not sys.stderr.isatty():
        # Third-party download and loading bars (tqdm, huggingface_hub, transformers) draw on
        # stderr whatever it is; off unless a person is watching.
        for name, value in _QUIET_LIBRARIES.items():
            os.environ.setdefault(name, value)
    from compare.embed import load_embedder

    return load_embedder(model)


# Environment switches that silence the progress bars of the embedding model's libraries.
_QUIET_LIBRARIES = {
    "TQDM_DISABLE": "1",
    "HF_HUB_DISABLE_PROGRESS_BARS": "1",
    "TRANSFORMERS_VERBOSITY": "error",
    "TRANSFORMERS_NO_ADVISORY_WARNINGS": "1",
}


def _note_skipped_documents(paths: list[str]) -> None:
    """Say on stderr which Word or PDF files a folder run left out (they are not an error)."""
    from compare.read import skipped_documents, skipped_note

    note = skipped_note(skipped_documents(paths))
    if note:
        _note(note)


def _note_other_languages(articles: tuple[Any, ...]) -> None:
    """Say which articles do not read as English: their facts are found and matched in English
    only, so their cells would show as left out with no reason given."""
    from compare.read import reads_as_english

    for article in articles:
        if not reads_as_english(" ".join(p.text for p in article.paragraphs)):
            _note(
                f"{article.path}: does not read as English; facts are found and matched in English "
                "only, so its cells may show as left out"
            )


def _require_articles(articles: tuple[Any, ...], paths: list[str], minimum: int) -> None:
    from compare.errors import CompareError

    if len(articles) < minimum:
        raise CompareError(" ".join(paths), "no article files (.txt, .md, .html) found")


def _format_matrix(
    view: MatrixResult,
    whole: MatrixResult,
    fmt: Format,
    styled: bool,
    width: int | None,
    *,
    heading: str | None = None,
    bands: bool = True,
    title: str | None = None,
) -> str:
    """`view` is the facts to show, `whole` the matrix they come from (for the summary)."""
    from compare import render

    if fmt is Format.json:
        return render.matrix_json(view)
    if fmt is Format.markdown:
        return render.matrix_markdown(view, summary_of=whole, heading=heading, bands=bands)
    if fmt is Format.csv:
        return render.matrix_csv(view)
    if fmt is Format.html:
        return render.matrix_html(view, title=title, whole=whole, view=heading)
    live_width = _terminal_width(width)
    note = render.layout_note(view, render.plan_matrix(view, live_width), live_width)
    if note:
        _note(note)
    renderables = render.matrix_renderables(view, live_width, summary_of=whole, heading=heading, bands=bands)
    return _render_terminal(renderables, styled, live_width)


def _note(message: str) -> None:
    """A remark on stderr that is not an error (the run goes on, the exit status is unchanged)."""
    from compare.render import printable

    sys.stderr.write(f"compare: note: {printable(message)}\n")
    sys.stderr.flush()


@app.command()
def check(
    directory: Annotated[str, typer.Argument(help="The folder of articles to check.")],
    update: Annotated[
        bool,
        typer.Option(
            "--update",
            help="Write the lock file (compare.lock.json) from the current "
            "fact matrix instead of comparing with it.",
        ),
    ] = False,
    require_lock: Annotated[
        bool,
        typer.Option(
            "--require-lock",
            help="Fail when the folder has no lock file (without it, a missing lock is only a note).",
        ),
    ] = False,
    report_format: ReportFormatOption = None,
    output: OutputOption = None,
    color: ColorOption = Color.auto,
    no_color: NoColorOption = False,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    width: WidthOption = None,
) -> None:
    """The CI gate for a folder of articles: every file is readable text with a story, none is a
    copy of another, all cover one event, and the fact matrix still matches the lock file.
    Exit status 0 when all is well, 1 when a check failed, 2 on bad input."""
    fmt = _resolve_format(report_format, output, ReportFormat, "check")
    from compare.check import check as run_check

    result = run_check(directory, update=update, max_bytes=max_bytes, require_lock=require_lock)
    styled = _styled(color, no_color, output is not None)
    _emit(_format_check(result, fmt, styled, width), output)
    _note_skipped_documents([directory])
    if not result.ok:
        raise typer.Exit(1)


def _format_check(result: CheckResult, fmt: Format, styled: bool, width: int | None) -> str:
    from compare import render

    if fmt is Format.json:
        return render.check_json(result)
    if fmt is Format.markdown:
        return render.check_markdown(result)
    return _render_terminal(render.check_renderables(result), styled, width)


@app.command()
def explain(
    directory: Annotated[str, typer.Argument(help="The folder of articles (as given to compare matrix).")],
    fact: Annotated[str, typer.Argument(help="The fact: its id from compare matrix, or words of its label.")],
    report_format: ReportFormatOption = None,
    output: OutputOption = None,
    color: ColorOption = Color.auto,
    no_color: NoColorOption = False,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    width: WidthOption = None,
    model: ModelOption = None,
    pager: PagerOption = True,
) -> None:
    """One fact, outlet by outlet: the status, the evidence sentence with its paragraph, and why
    it was linked to the others (the link scorer's score and features)."""
    fmt = _resolve_format(report_format, output, ReportFormat, "explain")
    from compare import render
    from compare.explain import default_link_explainer
    from compare.explain import explain as run_explain
    from compare.pipeline import load_articles
    from compare.pipeline import matrix as run_matrix

    articles = load_articles([directory], max_bytes=max_bytes)
    _require_articles(articles, [directory], minimum=1)
    embedder = _embedder(model)
    result = run_matrix(articles, embedder=embedder)
    # The matrix joins facts with the lexical scorer whatever the model: explain that decision.
    explanation = run_explain(result, fact, link=default_link_explainer())
    if fmt is Format.json:
        text = render.explain_json(explanation)
    elif fmt is Format.markdown:
        text = render.explain_markdown(explanation)
    else:
        live_width = _terminal_width(width)
        styled = _styled(color, no_color, output is not None)
        text = _render_terminal(render.explain_renderables(explanation, live_width), styled, live_width)
    _emit(text, output, pager=pager)


class CorpusFormat(StrEnum):
    """What `corpus` prints once the report folder is written: the index as a table or JSON."""

    table = "table"
    json = "json"


@app.command()
def corpus(
    paths: Annotated[
        list[str], typer.Argument(help="Folders of articles (walked with their sub-folders) or files.")
    ],
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="The report folder to write (replaced atomically at the end).",
            file_okay=False,
        ),
    ],
    fmt: Annotated[
        CorpusFormat, typer.Option("--format", "-f", help="How to print the index: table or json.")
    ] = CorpusFormat.table,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            envvar="DASK_SCHEDULER_ADDRESS",
            help="Address of a running Dask scheduler (tcp://HOST:8786) to run the work on; "
            "default: this machine. Needs the corpus extra.",
        ),
    ] = None,
    no_color: NoColorOption = False,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    width: WidthOption = None,
) -> None:
    """Sort many articles into events and build one fact matrix per event: writes index.json,
    clusters.tsv, index.html and events/<id>.json and .html into the report folder. Files that
    cannot be read are listed in the index, not fatal."""
    from compare.corpus import build_corpus, index_json, index_renderables

    if not output.exists() and output.suffix.lower() in {*FORMAT_BY_SUFFIX, *FOREIGN_SUFFIXES}:
        # `-o report.html` would make a folder of that name; the page is report/index.html.
        raise UsageProblem(
            f"corpus: --output is the report folder (index.html, index.json, events/ go in it), "
            f"and {output.name} looks like a file name; give a folder such as {output.stem}/"
        )
    progress = ProgressBar()
    try:
        report = build_corpus(paths, output, max_bytes=max_bytes, scheduler=scheduler, progress=progress)
    finally:
        progress.close()
    if fmt is CorpusFormat.json:
        _emit(index_json(report), None)
    else:
        live_width = _terminal_width(width)
        styled = _styled(Color.auto, no_color, False)
        _emit(_render_terminal(index_renderables(report, live_width), styled, width), None)
    failed = [e.id for e in report.events if e.error]
    if report.unassigned:
        left_out = len(report.unassigned)
        files = "file" if left_out == 1 else "files"
        sys.stderr.write(f"compare: {left_out} {files} left out (reasons in {output}/index.json)\n")
    if failed:
        events = "event" if len(failed) == 1 else "events"
        sys.stderr.write(f"compare: the matrix failed for {len(failed)} {events}: {', '.join(failed)}\n")


def _fail(message: str) -> NoReturn:
    from compare.render import printable  # a file name with an escape sequence is shown, not obeyed

    sys.stderr.write(f"compare: error: {printable(message)}\n")
    sys.stderr.flush()
    raise SystemExit(2)


# Option errors as click and typer word them (some through pydantic validation), and the same in
# plain words: (pattern, replacement), applied in order.
_PLAIN_WORDS: tuple[tuple[str, str], ...] = (
    (r"Value error, ", ""),
    (r"Input should be greater than or equal to (\S+?)\.?$", r"must be \1 or more"),
    (r"Input should be less than or equal to (\S+?)\.?$", r"must be \1 or less"),
    (r"Input should be a valid integer.*$", "must be a whole number"),
    (r"'([^']*)' is not a valid integer(?: range)?\.?", r"'\1' is not a whole number"),
    (r"'([^']*)' is not one of (.*?)\.?$", r"'\1' is not a choice here; choose one of \2"),
    (r"'([^']*)' is not in the range (.*?)\.?$", r"'\1' must be in the range \2"),
    (r"Invalid value for '([^']*)'(?: / '[^']*')?: ", r"\1: "),
    (r"Invalid value for '?([A-Z_]+)'?: ", r"\1: "),
    (r"Missing argument '([^']*)'\.?", r"missing \1 (see -h)"),
    (r"Missing option '([^']*)'(?: / '[^']*')?\.?", r"\1 is required"),
    (r"No such option: (\S+)", r"there is no option \1 (see -h)"),
    (r"No such command '([^']*)'\.?", r"there is no command '\1' (see compare -h)"),
    (r"Option '([^']*)' requires an argument\.?", r"\1 needs a value"),
    (r"Got unexpected extra arguments? \((.*)\)", r"unexpected extra argument: \1"),
)


def plain_words(message: str) -> str:
    """An option error from click/typer (or pydantic inside them) reworded for a person: no
    "Value error," or "Input should be", the option's name first, and where to look for help."""
    import re

    for pattern, replacement in _PLAIN_WORDS:
        message = re.sub(pattern, replacement, message)
    return message


def _option_errors() -> tuple[type[Exception], ...]:
    """Typer's own usage-error types: recent typer vendors click, older typer uses click."""
    kinds: list[type[Exception]] = [typer.TyperException] if hasattr(typer, "TyperException") else []
    try:
        import click

        kinds.append(click.ClickException)
    except ImportError:
        pass
    return tuple(kinds)


def _abort_errors() -> tuple[type[BaseException], ...]:
    kinds: list[type[BaseException]] = [KeyboardInterrupt, typer.Abort]
    try:
        import click

        kinds.append(click.exceptions.Abort)
    except ImportError:
        pass
    return tuple(kinds)


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the app, turn every expected failure into one line and exit 2."""
    from compare.errors import CompareError
    from compare.interrupt import Interrupted, handle_signals

    try:
        with handle_signals():  # Ctrl-C and SIGTERM: one line, exit 130/143, no temporary file
            code = app(args=argv, standalone_mode=False, prog_name="compare")
    except Interrupted as exc:
        sys.stderr.write(f"compare: {exc.what}\n")
        return exc.status
    except (CompareError, UsageProblem) as exc:
        _fail(str(exc))
    except _abort_errors():
        sys.stderr.write("compare: interrupted\n")
        return 130
    except _option_errors() as exc:
        if type(exc).__name__ == "NoArgsIsHelpError":
            ctx = getattr(exc, "ctx", None)
            sys.stdout.write((ctx.get_help() if ctx else "") + "\n")
            return 0
        message = " ".join((exc.format_message() if hasattr(exc, "format_message") else str(exc)).split())
        message = plain_words(message)
        ctx = getattr(exc, "ctx", None)
        command = " ".join(ctx.command_path.split()[1:]) if ctx is not None else ""
        _fail(f"{command}: {message}" if command else message)
    except BrokenPipeError:
        return 0
    except RecursionError:
        _fail("input too deeply nested to process")
    except MemoryError:
        _fail("out of memory: the input is too large (lower --max-bytes)")
    return int(code or 0)


def run() -> None:
    sys.exit(main())
