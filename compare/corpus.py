"""corpus: a pile of articles from many events -> events, and one fact matrix per event, on Dask.

    files --(Dask: read, clean, profile; in batches)--> articles + profiles
          --(here: events.cluster)--> events
          --(Dask: one matrix per event, rendered to JSON and HTML)--> REPORT_DIR

The per-article work and the per-event matrices are Dask tasks. By default they run on the local
machine with no set-up (in this process for a small corpus, else in a pool of worker processes,
since the work is pure Python and holds the GIL); given a scheduler address they go to an
existing Dask cluster. Each task is a pure function of its input and the report is assembled in
a fixed order, so the bytes written do not depend on where or in what order tasks ran.

Bad input does not stop a run: a file that cannot be read is listed in the index with the
reason, an event whose matrix fails is reported with the error. The report is written into a
temporary folder beside REPORT_DIR and renamed into place at the end, so an interrupted run
leaves the previous report as it was.

Dask is imported only here and only when a corpus is built (the `corpus` extra).
"""

from __future__ import annotations

import html
import importlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from compare import events as event_clustering
from compare.errors import CompareError
from compare.limits import DEFAULT_MAX_BYTES
from compare.model import Article
from compare.read import ARTICLE_SUFFIXES, SOURCES_FILE, load_sources, read_source
from compare.render import count

SCHEMA = "compare.corpus/1"
INDEX_FILE = "index.json"
CLUSTERS_FILE = "clusters.tsv"
EVENTS_FOLDER = "events"

# Below this many article files the local default runs every task in this process: starting
# worker processes (each imports the pipeline, about a second) costs more than it saves.
LOCAL_PROCESSES_FROM = 400
# Articles read per task: enough that scheduling overhead (milliseconds a task) is small next to
# the work (about a millisecond an article), few enough to keep every worker busy to the end.
READ_BATCH = 50
# Events sent to the local pool per wave: results are written as each wave finishes, so memory
# holds at most this many rendered matrices (a 20-article matrix is about 1 MB of JSON and HTML).
EVENT_WAVE = 64
# Seconds to wait for a Dask scheduler given by address before saying it cannot be reached.
CONNECT_TIMEOUT = 10
# Longest readable title shown for an event taken from a first sentence.
TITLE_CHARS = 100

Progress = Callable[[str, int, int], None]


def _quiet(step: str, done: int, total: int) -> None:
    """The default progress callback: says nothing."""


@dataclass(frozen=True)
class Unassigned:
    """A file that is in no event, and why."""

    path: str
    reason: str


@dataclass(frozen=True)
class EventSummary:
    """One event of the index: who covered it, when, and its matrix's size."""

    id: str
    title: str
    articles: tuple[str, ...]
    paths: tuple[str, ...]
    outlets: tuple[str, ...]
    dates: tuple[str, ...]  # first and last publication date, or empty when none is known
    facts: int
    exclusives: int  # facts only one article has, all others leave out (0 for a one-article event)
    error: str | None = None  # why the matrix could not be built

    @property
    def matrix(self) -> str | None:
        return None if self.error else f"{EVENTS_FOLDER}/{self.id}.json"

    @property
    def page(self) -> str | None:
        return None if self.error else f"{EVENTS_FOLDER}/{self.id}.html"


@dataclass(frozen=True)
class CorpusReport:
    """What `compare corpus` found: the events, biggest first, and the files left out."""

    events: tuple[EventSummary, ...]
    unassigned: tuple[Unassigned, ...]


# --- tasks (top-level functions: Dask ships them to worker processes) ---------------------------


@dataclass(eq=False)
class _Payload:
    """Task input wrapped so Dask passes it along as one opaque object instead of walking it."""

    value: Any


@dataclass(frozen=True)
class _ReadJob:
    path: str  # as the user gave it or as found in a folder: shown in the report
    location: str  # the same file's absolute path: what a worker opens
    article_id: str
    metadata: dict[str, str]


@dataclass(frozen=True)
class _ReadOutcome:
    path: str
    article: Article | None
    profile: event_clustering.Profile | None
    reason: str | None


def read_batch(payload: _Payload, max_bytes: int) -> list[_ReadOutcome]:
    """Read, clean and profile a batch of article files; a bad file becomes a reason, not an error."""
    from compare.pipeline import build_article

    outcomes = []
    for job in payload.value:
        try:
            name = Path(job.path).name
            # read by absolute path: a worker of a cluster may run in another working folder
            source = read_source(job.location, max_bytes=max_bytes, sources={name: job.metadata})
            article = build_article(replace(source, id=job.article_id, path=job.path))
            outcomes.append(_ReadOutcome(job.path, article, event_clustering.profile(article), None))
        except CompareError as exc:
            outcomes.append(_ReadOutcome(job.path, None, None, exc.problem))
        except Exception as exc:  # one strange file must not stop a run of thousands
            outcomes.append(_ReadOutcome(job.path, None, None, f"cannot read: {type(exc).__name__}: {exc}"))
    return outcomes


@dataclass(frozen=True)
class _EventOutput:
    json: str | None
    html: str | None
    facts: int
    exclusives: int
    error: str | None


def build_event(payload: _Payload) -> _EventOutput:
    """One event's fact matrix, rendered; a failure is reported for this event only."""
    from compare import render
    from compare.pipeline import matrix

    articles: Sequence[Article] = payload.value
    try:
        result = matrix(articles)
        exclusives = sum(1 for f in result.facts if len(f.present) == 1) if len(articles) > 1 else 0
        return _EventOutput(
            render.matrix_json(result), render.matrix_html(result), len(result.facts), exclusives, None
        )
    except Exception as exc:  # reported in the index; the other events are still written
        return _EventOutput(None, None, 0, 0, f"{type(exc).__name__}: {exc}")


# --- engines ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _TaskFailure:
    """A task that did not return (its worker died, or the cluster lost it): the items it held
    are reported as failed and the run goes on."""

    reason: str


class _LocalEngine:
    """Dask's local scheduler: in this process for small jobs, else a pool of worker processes."""

    def __init__(self, processes: int) -> None:
        self._processes = processes
        self._pool: Any = self._start_pool() if processes > 1 else None

    def _start_pool(self) -> Any:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(
            self._processes,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_worker_ignores_ctrl_c,
        )

    def run(
        self, fn: Callable[..., Any], items: Sequence[Any], wave: int, tick: Callable[[], None], *args: Any
    ) -> Iterator[tuple[int, Any]]:
        dask: Any = importlib.import_module("dask")
        callbacks: Any = importlib.import_module("dask.callbacks")

        with callbacks.Callback(posttask=lambda key, result, dsk, state, worker: tick()):
            for start in range(0, len(items), wave):
                chunk = items[start : start + wave]
                tasks = [dask.delayed(fn, pure=False)(_Payload(item), *args) for item in chunk]
                try:
                    if self._pool is None:
                        results = dask.compute(*tasks, scheduler="sync")
                    else:
                        results = dask.compute(*tasks, scheduler="processes", pool=self._pool)
                except Exception as exc:  # a worker process died: this wave is lost, not the run
                    self._renew_pool()
                    results = (_TaskFailure(f"worker failed: {type(exc).__name__}: {exc}"),) * len(chunk)
                yield from enumerate(results, start)

    def _renew_pool(self) -> None:
        """A pool whose worker died is broken for good: start a fresh one for the next wave."""
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = self._start_pool()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)


def _worker_ignores_ctrl_c() -> None:
    """Ctrl-C reaches every process of the terminal's group: the main process stops the run and
    removes the unfinished report; the workers just end with it, without a traceback each."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


class _ClusterEngine:
    """An existing Dask cluster, reached through its scheduler's address."""

    def __init__(self, address: str) -> None:
        distributed: Any = importlib.import_module("distributed")
        try:
            self._client = distributed.Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            raise CompareError(address, f"cannot reach the Dask scheduler: {exc}") from None

    def run(
        self, fn: Callable[..., Any], items: Sequence[Any], wave: int, tick: Callable[[], None], *args: Any
    ) -> Iterator[tuple[int, Any]]:
        distributed: Any = importlib.import_module("distributed")
        futures = [self._client.submit(fn, _Payload(item), *args, pure=False) for item in items]
        index = {future.key: i for i, future in enumerate(futures)}
        with self._client.as_current():  # as_completed finds the client this way
            finished = distributed.as_completed(futures)
        for future in finished:
            try:
                result = future.result()
            except Exception as exc:  # the worker died or the cluster lost the task
                result = _TaskFailure(f"worker failed: {type(exc).__name__}: {exc}")
            future.release()
            tick()
            yield index[future.key], result

    def close(self) -> None:
        self._client.close()


def _engine(scheduler: str | None, files: int) -> _LocalEngine | _ClusterEngine:
    try:
        importlib.import_module("dask")
    except ImportError:
        raise CompareError("corpus", "needs the corpus extra: pip install 'compare[corpus]'") from None
    if scheduler:
        try:
            importlib.import_module("distributed")
        except ImportError:
            raise CompareError(
                "--scheduler", "a Dask cluster needs the corpus extra: pip install 'compare[corpus]'"
            ) from None
        return _ClusterEngine(scheduler)
    return _LocalEngine(_local_processes() if files >= LOCAL_PROCESSES_FROM else 1)


def _local_processes() -> int:
    """One worker process per core this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


# --- the job ------------------------------------------------------------------------------------


def corpus_files(inputs: Sequence[str], report: Path | None = None) -> list[str]:
    """Every article file under the inputs: folders are walked (sub-folders too, hidden ones
    and the report folder itself skipped) in name order; files named on the command line are
    taken as given."""
    skip = os.path.realpath(report) if report is not None else None
    found: list[str] = []
    for item in inputs:
        if item == "-":
            raise CompareError("-", "corpus reads files and folders, not standard input")
        if os.path.isdir(item):
            for folder, subfolders, names in os.walk(item):
                subfolders[:] = sorted(
                    d
                    for d in subfolders
                    if not d.startswith(".") and os.path.realpath(os.path.join(folder, d)) != skip
                )
                for name in sorted(names):
                    if (
                        not name.startswith(".")
                        and Path(name).suffix.lower() in ARTICLE_SUFFIXES
                        and not name.lower().startswith("readme")
                    ):
                        found.append(os.path.join(folder, name))
        elif os.path.exists(item):
            found.append(item)
        else:
            raise CompareError(item, "no such file or folder")
    return sorted(set(found))


def _article_ids(paths: Sequence[str]) -> dict[str, str]:
    """File stems, as everywhere else; where two files share a stem, their paths (less the
    suffix) tell them apart."""
    stems: dict[str, int] = {}
    for path in paths:
        stems[Path(path).stem] = stems.get(Path(path).stem, 0) + 1
    return {
        path: Path(path).stem
        if stems[Path(path).stem] == 1
        else str(Path(os.path.normpath(path)).with_suffix(""))
        for path in paths
    }


def _read_jobs(paths: Sequence[str]) -> tuple[list[_ReadJob], list[Unassigned]]:
    """One job a file, with the metadata its folder's sources.yaml gives it."""
    ids = _article_ids(paths)
    sources: dict[Path, dict[str, dict[str, str]]] = {}
    problems: list[Unassigned] = []
    jobs = []
    for path in paths:
        folder = Path(path).parent
        if folder not in sources:
            try:
                sources[folder] = load_sources(folder)
            except CompareError as exc:  # the articles are still read, without that metadata
                sources[folder] = {}
                problems.append(Unassigned(str(folder / SOURCES_FILE), exc.problem))
        metadata = dict(sources[folder].get(Path(path).name, {}))
        jobs.append(_ReadJob(path, os.path.abspath(path), ids[path], metadata))
    return jobs, problems


def build_corpus(
    inputs: Sequence[str],
    output: Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    scheduler: str | None = None,
    progress: Progress = _quiet,
) -> CorpusReport:
    """Read, sort into events, build every event's matrix and write the report folder."""
    _check_output(output)
    paths = corpus_files(inputs, report=output)
    if not paths:
        raise CompareError(" ".join(inputs), "no article files (.txt, .md, .html) found")
    jobs, unassigned = _read_jobs(paths)
    engine = _engine(scheduler, len(paths))
    staging = _staging_folder(output)
    try:
        articles, profiles, unreadable = _read_all(engine, jobs, max_bytes, progress)
        unassigned.extend(unreadable)
        progress("sorting into events", 0, 1)
        groups = event_clustering.cluster(profiles)
        progress("sorting into events", 1, 1)
        events = _build_events(engine, articles, profiles, groups, staging, progress)
        report = CorpusReport(tuple(events), tuple(sorted(unassigned, key=lambda u: u.path)))
        _write_index(staging, report)
        _swap_into_place(staging, output)
        return report
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        engine.close()


def _read_all(
    engine: _LocalEngine | _ClusterEngine, jobs: Sequence[_ReadJob], max_bytes: int, progress: Progress
) -> tuple[list[Article], list[event_clustering.Profile], list[Unassigned]]:
    batches = [list(jobs[i : i + READ_BATCH]) for i in range(0, len(jobs), READ_BATCH)]
    outcomes: list[list[_ReadOutcome]] = [[] for _ in batches]
    done = [0]

    def tick() -> None:
        done[0] += 1
        progress("reading", min(done[0] * READ_BATCH, len(jobs)), len(jobs))

    for i, result in engine.run(read_batch, batches, len(batches), tick, max_bytes):
        if isinstance(result, _TaskFailure):
            outcomes[i] = [_ReadOutcome(job.path, None, None, result.reason) for job in batches[i]]
        else:
            outcomes[i] = result
    articles, profiles, unassigned = [], [], []
    for outcome in (o for batch in outcomes for o in batch):
        if outcome.article is None or outcome.profile is None:
            unassigned.append(Unassigned(outcome.path, outcome.reason or "unreadable"))
        else:
            articles.append(outcome.article)
            profiles.append(outcome.profile)
    if not articles:
        raise CompareError("corpus", f"none of the {len(jobs)} files could be read as an article")
    return articles, profiles, unassigned


def _build_events(
    engine: _LocalEngine | _ClusterEngine,
    articles: Sequence[Article],
    profiles: Sequence[event_clustering.Profile],
    groups: Sequence[Sequence[int]],
    staging: Path,
    progress: Progress,
) -> list[EventSummary]:
    ids = [f"e{k + 1}" for k in range(len(groups))]
    members = [sorted((articles[i] for i in group), key=lambda a: a.id) for group in groups]
    done = [0]

    def tick() -> None:
        done[0] += 1
        progress("building matrices", done[0], len(groups))

    (staging / EVENTS_FOLDER).mkdir()
    outputs: dict[int, _EventOutput] = {}
    for k, out in engine.run(build_event, members, EVENT_WAVE, tick):
        if isinstance(out, _TaskFailure):
            out = _EventOutput(None, None, 0, 0, out.reason)
        if out.json is not None and out.html is not None:
            _write(staging / EVENTS_FOLDER / f"{ids[k]}.json", out.json)
            _write(staging / EVENTS_FOLDER / f"{ids[k]}.html", out.html)
        outputs[k] = replace(out, json=None, html=None)  # keep the counts, free the text
    return [
        _summary(ids[k], members[k], [profiles[i] for i in group], [articles[i] for i in group], outputs[k])
        for k, group in enumerate(groups)
    ]


def _summary(
    event_id: str,
    members: Sequence[Article],
    profiles: Sequence[event_clustering.Profile],
    by_key: Sequence[Article],
    out: _EventOutput,
) -> EventSummary:
    days = sorted(p.day for p in profiles if p.day is not None)
    dates = (event_clustering.iso_day(days[0]), event_clustering.iso_day(days[-1])) if days else ()
    return EventSummary(
        id=event_id,
        title=_title(profiles, by_key),
        articles=tuple(a.id for a in members),
        paths=tuple(a.path for a in members),
        outlets=tuple(sorted({a.outlet for a in members if a.outlet})),
        dates=dates,
        facts=out.facts,
        exclusives=out.exclusives,
        error=out.error,
    )


def _title(profiles: Sequence[event_clustering.Profile], articles: Sequence[Article]) -> str:
    """The title of the event's most central article (the one closest to all the others); its
    first sentence when it has no title."""
    scorer = event_clustering.Scorer(profiles)
    n = len(profiles)
    centrality = [sum(scorer.score(i, j) for j in range(n) if j != i) for i in range(n)]
    order = sorted(
        range(n), key=lambda i: (-(articles[i].title is not None), -centrality[i], profiles[i].key)
    )
    best = articles[order[0]]
    if best.title:
        return best.title
    first = best.sentences[0].text if best.sentences else best.paragraphs[0].text
    return first if len(first) <= TITLE_CHARS else first[: TITLE_CHARS - 1].rstrip() + "…"


# --- the report folder --------------------------------------------------------------------------


def _check_output(output: Path) -> None:
    """Refuse to replace anything but an earlier report (or an empty folder)."""
    if output.exists():
        if not output.is_dir():
            raise CompareError(str(output), "exists and is not a folder; the report is a folder")
        if any(output.iterdir()) and not _is_report(output):
            raise CompareError(str(output), "is a folder that holds other files; it will not be replaced")
    elif not output.parent.is_dir():
        raise CompareError(str(output), "cannot write the report: its parent folder does not exist")


def _is_report(folder: Path) -> bool:
    try:
        return bool(json.loads((folder / INDEX_FILE).read_text(encoding="utf-8")).get("schema") == SCHEMA)
    except (OSError, ValueError, AttributeError):
        return False


def _staging_folder(output: Path) -> Path:
    try:
        return Path(tempfile.mkdtemp(prefix=f".{output.name}.", suffix=".tmp", dir=output.parent))
    except OSError as exc:
        raise CompareError(str(output), f"cannot write the report: {exc.strerror or exc}") from None


def _swap_into_place(staging: Path, output: Path) -> None:
    """Rename the finished report into place; an earlier report is moved aside first and removed
    only once the new one is there."""
    os.chmod(staging, 0o777 & ~_umask())
    old = None
    if output.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{output.name}.", suffix=".old", dir=output.parent))
        os.rename(output, old / "report")
    try:
        os.rename(staging, output)
    except OSError as exc:
        if old is not None:
            os.rename(old / "report", output)
        raise CompareError(str(output), f"cannot write the report: {exc.strerror or exc}") from None
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _write(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)


def _write_index(folder: Path, report: CorpusReport) -> None:
    _write(folder / INDEX_FILE, index_json(report))
    _write(folder / CLUSTERS_FILE, clusters_tsv(report))
    _write(folder / "index.html", index_html(report))


def index_json(report: CorpusReport) -> str:
    """The index (compare.corpus/1): events biggest first, then the files left out."""
    return _dump_json(
        {
            "schema": SCHEMA,
            "events": [
                {
                    "id": e.id,
                    "title": e.title,
                    "articles": list(e.articles),
                    "paths": list(e.paths),
                    "outlets": list(e.outlets),
                    "dates": list(e.dates),
                    "facts": e.facts,
                    "exclusives": e.exclusives,
                    "matrix": e.matrix,
                    "html": e.page,
                    "error": e.error,
                }
                for e in report.events
            ],
            "unassigned": [{"path": u.path, "reason": u.reason} for u in report.unassigned],
        }
    )


def _dump_json(doc: dict[str, Any]) -> str:
    """Like every JSON document of compare: UTF-8 as is, two-space indent, C1 controls escaped."""
    text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    return "".join(f"\\u{ord(c):04x}" if 0x80 <= ord(c) <= 0x9F else c for c in text)


def clusters_tsv(report: CorpusReport) -> str:
    """One line an article: its path, a tab, its event's id; in path order."""
    from compare.render import printable

    rows = sorted((path, e.id) for e in report.events for path in e.paths)
    return "".join(f"{printable(path).replace(chr(9), ' ')}\t{event}\n" for path, event in rows)


def index_html(report: CorpusReport) -> str:
    """A self-contained page linking every event's matrix (no script, no external resource)."""
    from compare.html_report import html_page
    from compare.render import printable

    def esc(text: str) -> str:
        return html.escape(printable(text), quote=True)

    rows = []
    for e in report.events:
        link = f'<a href="{esc(e.page)}">{esc(e.title)}</a>' if e.page else esc(e.title)
        status = f'<span class="error">matrix failed: {esc(e.error)}</span>' if e.error else ""
        rows.append(
            f"<tr><td>{esc(e.id)}</td><td>{link} {status}</td><td class=n>{len(e.articles)}</td>"
            f"<td>{esc(', '.join(e.outlets))}</td><td>{esc(' – '.join(dict.fromkeys(e.dates)))}</td>"
            f"<td class=n>{e.facts}</td><td class=n>{e.exclusives}</td></tr>"
        )
    left = "".join(f"<li>{esc(u.path)}: {esc(u.reason)}</li>" for u in report.unassigned)
    left_block = f"<h2>Files left out</h2>\n<ul>{left}</ul>\n" if left else ""
    articles = sum(len(e.articles) for e in report.events)
    tally = f"{count(articles, 'article')} in {count(len(report.events), 'event')}"
    body = f"""<h1>Corpus</h1>
<p>{tally}, biggest first; {count(len(report.unassigned), "file")} left out.
Exclusives: facts that only one article of the event has; every other article leaves them out.</p>
<table>
<thead><tr><th>event</th><th>title</th><th>articles</th><th>outlets</th><th>dates</th><th>facts</th>
<th>exclusives</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table>
{left_block}"""
    return html_page("compare: corpus", body, css=_INDEX_CSS)


# The index page's style: a plain table.
_INDEX_CSS = """body { font-family: system-ui, sans-serif; margin: 2em; color: #222; }
table { border-collapse: collapse; }
td, th { border-bottom: 1px solid #ddd; padding: 3px 8px; vertical-align: top; text-align: left; }
td.n { text-align: right; }
.error { color: #cf222e; }
"""


def index_renderables(report: CorpusReport, width: int) -> list[Any]:
    """The index as a terminal table (rich), plus a summary line. Outlets are counted, not
    named, so the table fits; index.html and index.json name them."""
    from rich.table import Table
    from rich.text import Text

    from compare.render import printable

    table = Table(width=width, pad_edge=False)
    for name in ("event", "articles", "outlets", "facts", "excl.", "dates"):
        table.add_column(name, justify="left" if name in ("event", "dates") else "right", no_wrap=True)
    table.add_column("title", overflow="ellipsis", no_wrap=True, ratio=1)
    for e in report.events:
        table.add_row(
            e.id,
            str(len(e.articles)),
            str(len(e.outlets)),
            "failed" if e.error else str(e.facts),
            str(e.exclusives),
            _date_range(e.dates),
            printable(e.title),
        )
    articles = sum(len(e.articles) for e in report.events)
    left = len(report.unassigned)
    summary = Text(
        f"{count(articles, 'article')} in {count(len(report.events), 'event')}; {count(left, 'file')} "
        "left out; excl. = facts only one article has"
    )
    return [table, summary]


def _date_range(dates: Sequence[str]) -> str:
    """ "2025-03-01" or "2025-03-01 +2d" (the last date, as days after the first)."""
    if not dates:
        return ""
    first, last = (
        event_clustering.publication_ordinal(dates[0]),
        event_clustering.publication_ordinal(dates[-1]),
    )
    if first is None or last is None or first == last:
        return dates[0]
    return f"{dates[0]} +{last - first}d"
