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
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


class Format(StrEnum):
    """Every output format; each command offers the ones that make sense for it."""

    table = "table"
    json = "json"
    markdown = "markdown"
    csv = "csv"
    html = "html"


class ReportFormat(StrEnum):
    """Formats of `diff` and `check`: a table, JSON or a markdown report."""

    table = "table"
    json = "json"
    markdown = "markdown"


ReportFormatOption = Annotated[ReportFormat, typer.Option("--format", "-f", help="table, json or markdown.")]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", help="Write to this file (atomically) instead of standard output.", dir_okay=False
    ),
]
NoColorOption = Annotated[
    bool, typer.Option("--no-color", help="No colours or styles (the NO_COLOR variable does the same).")
]
MaxBytesOption = Annotated[
    int,
    typer.Option("--max-bytes", min=1, help="Refuse article files larger than this many bytes."),
]
ModelOption = Annotated[
    str | None,
    typer.Option(
        "--model",
        help="Also link paraphrases with a sentence-embedding model, by name (from the local "
        "cache) or path; needs the embed extra. Nothing is downloaded.",
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


def _console(no_color: bool, width: int | None) -> Console:
    from rich.console import Console

    plain = no_color or no_color_env()
    return Console(
        width=width,
        no_color=plain,
        color_system=None if plain else "auto",
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=False,
        force_terminal=None if not plain else False,
        legacy_windows=False,
    )


def _render_terminal(renderables: list[Any], no_color: bool, width: int | None) -> str:
    """Render rich objects to a string: styled when stdout is a colour terminal, plain otherwise."""
    import io

    from rich.console import Console

    live = _console(no_color, width)
    buffer = io.StringIO()
    plain = no_color or no_color_env() or not live.is_terminal
    console = Console(
        file=buffer,
        width=width or live.width,
        force_terminal=not plain,
        no_color=plain,
        color_system=None if plain else "truecolor" if live.color_system == "truecolor" else "standard",
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


def _emit(text: str, output: Path | None) -> None:
    """Write the result to --output atomically, or to standard output."""
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    write_atomically(output, text)


@app.command()
def diff(
    a: Annotated[str, typer.Argument(help="First article file (or - for standard input).")],
    b: Annotated[str, typer.Argument(help="Second article file.")],
    report_format: ReportFormatOption = ReportFormat.table,
    output: OutputOption = None,
    no_color: NoColorOption = False,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    width: WidthOption = None,
    model: ModelOption = None,
) -> None:
    """Align two articles paragraph by paragraph: what both report, what only one reports, and
    the facts each has that the other lacks."""
    fmt = Format(report_format.value)
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
    _emit(_format_diff(result, fmt, no_color or output is not None, width), output)


def _format_diff(result: DiffResult, fmt: Format, no_color: bool, width: int | None) -> str:
    from compare import render

    if fmt is Format.json:
        return render.diff_json(result)
    if fmt is Format.markdown:
        return render.diff_markdown(result)
    return _render_terminal(render.diff_renderables(result, width or 120), no_color, width)


@app.command()
def matrix(
    paths: Annotated[list[str], typer.Argument(help="A folder of articles, or several article files.")],
    fmt: Annotated[
        Format, typer.Option("--format", "-f", help="table, json, markdown, csv or html.")
    ] = Format.table,
    output: OutputOption = None,
    no_color: NoColorOption = False,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    width: WidthOption = None,
    model: ModelOption = None,
) -> None:
    """One table: facts down the side, outlets across the top, and whether each outlet stated
    the fact, touched it, contradicted it or left it out."""
    from compare.pipeline import load_articles
    from compare.pipeline import matrix as run_matrix

    progress = ProgressBar()
    try:
        articles = load_articles(paths, max_bytes=max_bytes, progress=progress)
        _require_articles(articles, paths, minimum=1)
        result = run_matrix(articles, progress=progress, embedder=_embedder(model))
    finally:
        progress.close()
    _emit(_format_matrix(result, fmt, no_color or output is not None, width), output)


def _embedder(model: str | None) -> Any:
    if model is None:
        return None
    from compare.embed import load_embedder

    return load_embedder(model)


def _require_articles(articles: tuple[Any, ...], paths: list[str], minimum: int) -> None:
    from compare.errors import CompareError

    if len(articles) < minimum:
        raise CompareError(" ".join(paths), "no article files (.txt, .md, .html) found")


def _format_matrix(result: MatrixResult, fmt: Format, no_color: bool, width: int | None) -> str:
    from compare import render

    if fmt is Format.json:
        return render.matrix_json(result)
    if fmt is Format.markdown:
        return render.matrix_markdown(result)
    if fmt is Format.csv:
        return render.matrix_csv(result)
    if fmt is Format.html:
        return render.matrix_html(result)
    live_width = width or _console(no_color, None).width
    return _render_terminal(render.matrix_renderables(result, live_width), no_color, width)


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
    report_format: ReportFormatOption = ReportFormat.table,
    output: OutputOption = None,
    no_color: NoColorOption = False,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    width: WidthOption = None,
) -> None:
    """The CI gate for a folder of articles: every file is readable text with a story, none is a
    copy of another, all cover one event, and the fact matrix still matches the lock file.
    Exit status 0 when all is well, 1 when a check failed, 2 on bad input."""
    fmt = Format(report_format.value)
    from compare.check import check as run_check

    result = run_check(directory, update=update, max_bytes=max_bytes)
    _emit(_format_check(result, fmt, no_color or output is not None, width), output)
    if not result.ok:
        raise typer.Exit(1)


def _format_check(result: CheckResult, fmt: Format, no_color: bool, width: int | None) -> str:
    from compare import render

    if fmt is Format.json:
        return render.check_json(result)
    if fmt is Format.markdown:
        return render.check_markdown(result)
    return _render_terminal(render.check_renderables(result), no_color, width)


def _fail(message: str) -> NoReturn:
    from compare.render import printable  # a file name with an escape sequence is shown, not obeyed

    sys.stderr.write(f"compare: error: {printable(message)}\n")
    sys.stderr.flush()
    raise SystemExit(2)


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
