"""check: the CI gate for an article folder (`compare check DIR`).

Four checks, each reported per file as a `Problem(path, check, message)`:

- `readable`: every article file is text with a story in it. A file that is empty, binary,
  undecodable, too big or page furniture only is a failed check, not a crash: every bad file is
  listed, and the other checks run on the rest;
- `duplicate`: no article is a copy or near-copy of another (`find_copies`);
- `off-topic`: all articles cover one event (`find_off_topic`);
- `lock`: where `compare.lock.json` lies beside the articles, the fact matrix still matches it
  (`compare.lock`); `update=True` writes the lock instead.

Bad input is not a failed check: a missing folder, a folder without article files, a broken
`sources.yaml` or a broken lock file raise CompareError (LockError), exit status 2 in the CLI.

Problems are sorted by path, then in the order of the checks above; within one file and check they
keep the order the check found them in (lock changes by fact label).
"""

from __future__ import annotations

import math
import os
import statistics
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from compare.copies import copy_shares, sentence_keys
from compare.errors import CompareError, display_name
from compare.limits import DEFAULT_MAX_BYTES
from compare.lock import (
    LOCK_FILE,
    Change,
    LockDiff,
    compare_locks,
    dump_lock,
    edited_articles,
    load_lock,
    lock_from_matrix,
)
from compare.model import Article, CheckResult, MatrixResult, Problem
from compare.pipeline import build_article
from compare.pipeline import matrix as build_matrix
from compare.read import SOURCES_FILE, article_paths, load_sources, read_source
from compare.text import Weights, content_stems, mix
from compare.write import write_atomically

CHECKS = ("readable", "duplicate", "off-topic", "lock")

# --- duplicate -----------------------------------------------------------------------------------
# Two sentences are "the same" when their folded word sequences score at least this (rapidfuzz
# ratio, 0-100): one or two words changed in a 20-word sentence scores 93-97, while two outlets'
# own wordings of the same statement score 50-80.
COPY_SENTENCE_RATIO = 90.0
# An article is a copy of another when at least this share of the shorter one's text (sentence
# characters) is in the other nearly word for word. Measured over every pair of distinct articles
# of the seeds, harbour-fire, bridge-collapse and central-bank (24 pairs): at most 0.05, since
# outlets share a quoted sentence or two, not whole passages. A wire story lightly edited keeps
# 0.8-1.0; 0.6 leaves room for a copy with a paragraph cut and another rewritten.
COPY_SHARE = 0.6
# ... and at least this many sentences are shared: one quoted sentence is never a copy, even when
# the shorter "article" is that one sentence.
MIN_COPIED_SENTENCES = 2

# --- off-topic -----------------------------------------------------------------------------------
# Each article's similarity to its closest other article: IDF-weighted content stems over the
# folder's paragraphs, scored with `overlap_score` (cosine and containment). Measured on the four
# events: articles of the event score 0.245-0.485 with their closest neighbour (17 articles); an
# article of another event dropped into a folder scores at most 0.169 (a harbour fire next to the
# bridge collapse: both disasters with dead and injured), the football story of
# tests/fixtures/unrelated_event.txt 0.067-0.116.
# An article is off-topic below this absolute floor (halfway between 0.169 and 0.245) ...
TOPIC_FLOOR = 0.21
# ... when it is also below this share of the folder's median closest-neighbour similarity: a
# folder of short or translated articles that all score low together is one event. On the four
# events the on-topic articles are at 0.61-1.35 of their folder's median, off-topic ones at
# 0.19-0.63; the floor above settles the overlap (central-bank's tabloid, 0.61, scores 0.257).
TOPIC_MEDIAN_SHARE = 0.7
# With fewer articles there is no majority to say which one is about something else.
MIN_TOPIC_ARTICLES = 3


def check(
    directory: str | Path,
    *,
    update: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    require_lock: bool = False,
) -> CheckResult:
    """Run every check on the article files of `directory`; with `update`, write the lock.

    A folder without a lock gets a note saying how to make one (a failed `lock` check with
    `require_lock`); a copy that sources.yaml declares (`copy_of:` / `syndicated_from:`) is a note,
    not a failed `duplicate` check.

    Raises CompareError for bad input (no such folder, no article files, broken sources.yaml) and
    LockError for a broken lock file (unless `update`, which replaces it).
    """
    folder = Path(directory)
    where = str(directory)
    if not folder.exists():
        raise CompareError(where, "no such folder")
    if not folder.is_dir():
        raise CompareError(where, "not a folder: compare check takes the folder of articles")
    paths = article_paths([str(folder)])
    if not paths:
        raise CompareError(where, "no article files (.txt, .md, .html) found")
    sources = load_sources(folder)
    lock_path = folder / LOCK_FILE
    # lexists: a lock that is a broken or looping symbolic link is an error, not a missing lock
    old_lock = load_lock(lock_path) if os.path.lexists(lock_path) and not update else None

    articles, problems = read_articles(paths, sources, max_bytes=max_bytes)
    copies, notes = split_known_copies(find_copies(articles), known_copies(folder))
    problems += copies
    problems += find_off_topic(articles)
    if old_lock is None and not update:
        missing = _missing_lock(where, lock_path)
        (problems if require_lock else notes).append(missing)
    result_matrix: MatrixResult | None = None
    lock_used: str | None = str(lock_path) if old_lock is not None else None
    if articles and (update or old_lock is not None):
        result_matrix = build_matrix(articles)
        current = lock_from_matrix(result_matrix)
        if update:
            write_atomically(lock_path, dump_lock(current))
            lock_used = str(lock_path)
        elif old_lock is not None:
            unreadable = {Path(p.path).stem for p in problems if p.check == "readable"}
            edited = edited_articles(old_lock, {a.id: [x.text for x in a.sentences] for a in articles})
            problems += lock_problems(
                compare_locks(old_lock, current), articles, str(lock_path), skip=unreadable, edited=edited
            )
    order = {name: n for n, name in enumerate(CHECKS)}
    problems.sort(key=lambda p: (p.path, order.get(p.check, len(order))))
    return CheckResult(
        tuple(problems),
        result_matrix,
        directory=where,
        files=tuple(display_name(p) for p in paths),
        lock=lock_used,
        lock_written=update and lock_used is not None,
        notes=tuple(notes),
    )


def _missing_lock(where: str, lock_path: Path) -> Problem:
    return Problem(
        str(lock_path),
        "lock",
        f"no lock file: run `compare check {where} --update` and commit {LOCK_FILE} with the articles, "
        "so that a change to the fact matrix shows up in review",
    )


def read_articles(
    paths: Sequence[str],
    sources: Mapping[str, Mapping[str, str]],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[list[Article], list[Problem]]:
    """Read, clean and segment every file; a file that fails is a `readable` problem."""
    articles: list[Article] = []
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for path in paths:
        try:
            article = build_article(read_source(path, max_bytes=max_bytes, sources=sources))
        except CompareError as exc:
            shown = display_name(path)  # a name that is not UTF-8, spelled out for every format
            message = exc.problem if exc.where == shown else str(exc)
            problems.append(Problem(shown, "readable", message))
            continue
        if article.id in seen:
            first = Path(seen[article.id]).name
            message = f"same article id {article.id!r} as {first} (file stems must differ)"
            problems.append(Problem(display_name(path), "readable", message))
            continue
        seen[article.id] = path
        articles.append(article)
    return articles, problems


# --- duplicate -----------------------------------------------------------------------------------


def copy_share(a: Article, b: Article, *, ratio: float = COPY_SENTENCE_RATIO) -> tuple[float, int, int]:
    """How much of the shorter article is in the other nearly word for word.

    Returns (share of the shorter one's sentence characters found, sentences found, its sentence
    count). `a` is the shorter when both have the same length.
    """
    keys = [sentence_keys(a), sentence_keys(b)]
    if keys[0].size > keys[1].size:
        keys.reverse()
    if not keys[0].size or not keys[1].keys:
        return 0.0, 0, len(keys[0].keys)
    share = copy_shares(keys, ratio=ratio, min_sentences=1).get((0, 1))
    return share if share is not None else (0.0, 0, len(keys[0].keys))


def find_copies(
    articles: Sequence[Article],
    *,
    share: float = COPY_SHARE,
    min_sentences: int = MIN_COPIED_SENTENCES,
    ratio: float = COPY_SENTENCE_RATIO,
) -> list[Problem]:
    """Articles that copy an earlier one (in name order): one problem per copy, on the later file,
    naming the earlier file it copies most (ties: the earliest; among identical files, the first).

    Each article's sentence keys are computed once and copies are found through a shingle index
    (compare.copies), so a folder of 1,000 articles takes seconds, not minutes."""
    ordered = sorted(articles, key=lambda a: Path(a.path).name)
    keys = [sentence_keys(a) for a in ordered]
    shares = copy_shares(keys, ratio=ratio, min_sentences=min_sentences)
    best: dict[int, tuple[float, int, int, int]] = {}
    for (i, j), (found, count, total) in sorted(shares.items()):
        if found >= share and count >= min_sentences and (j not in best or found > best[j][0]):
            best[j] = (found, count, total, i)
    problems: list[Problem] = []
    for j in sorted(best):
        found, count, total, i = best[j]
        later, earlier = ordered[j], ordered[i]
        name = Path(earlier.path).name
        if earlier.outlet:
            name += f" ({earlier.outlet})"
        whose = "its" if keys[j].size <= keys[i].size else f"{name}'s"
        shared = f"{count} of {whose} {total} sentences ({found:.0%} of the text)"
        if is_exact_copy(later, earlier):
            message = f"exact copy of {name}: {shared} are there word for word, nothing added or changed"
            problems.append(CopyProblem(later.path, "duplicate", message, original=earlier.path))
        else:
            message = f"wire copy of {name}, lightly edited: {shared} are there nearly word for word"
            problems.append(
                CopyProblem(later.path, "duplicate", message, severity="info", original=earlier.path)
            )
    return problems


def is_exact_copy(later: Article, earlier: Article) -> bool:
    """Every sentence of `later` is in `earlier` word for word (case and punctuation aside): a copy
    that adds and changes nothing, as opposed to a wire story an outlet edited."""
    keys = sentence_keys(later).keys
    return bool(keys) and set(keys) <= set(sentence_keys(earlier).keys)


@dataclass(frozen=True)
class CopyProblem(Problem):
    """A duplicate problem that also names the file copied, so that a copy `sources.yaml`
    declares can be accepted."""

    original: str = ""


# Keys of a sources.yaml entry that declare the file a known copy or syndication of another file
# of the folder (its name): the duplicate check then accepts the pair and reports it as a note.
KNOWN_COPY_KEYS = ("copy_of", "syndicated_from")


def known_copies(folder: Path) -> dict[str, str]:
    """File name -> the file it is a declared copy of, from sources.yaml (read as load_sources
    does; an entry without those keys declares nothing). Names may be given with or without
    their extension."""
    import yaml

    path = folder / SOURCES_FILE
    if not path.is_file():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}  # load_sources has already reported a broken file
    if not isinstance(data, dict):
        return {}
    declared = {}
    for name, entry in data.items():
        if isinstance(entry, dict):
            original = next((entry[k] for k in KNOWN_COPY_KEYS if entry.get(k)), None)
            if original is not None:
                declared[str(name)] = str(original)
    return declared


def _is_declared(copy: str, original: str, declared: Mapping[str, str]) -> bool:
    """Whether sources.yaml declares either file a copy of the other (names or stems)."""

    def same(a: str, b: str) -> bool:
        return a == b or Path(a).stem == Path(b).stem

    for name, source in declared.items():
        if (same(name, copy) and same(source, original)) or (same(name, original) and same(source, copy)):
            return True
    return False


def split_known_copies(
    problems: Sequence[Problem], declared: Mapping[str, str]
) -> tuple[list[Problem], list[Problem]]:
    """(problems still failing, notes for the copies sources.yaml declares)."""
    failing, notes = [], []
    for p in problems:
        if isinstance(p, CopyProblem) and _is_declared(Path(p.path).name, Path(p.original).name, declared):
            notes.append(
                Problem(
                    p.path,
                    "duplicate",
                    f"known copy of {Path(p.original).name} (declared in "
                    f"{SOURCES_FILE}), accepted: {p.message}",
                )
            )
        else:
            failing.append(p)
    return failing, notes


# --- off-topic -----------------------------------------------------------------------------------


def topic_similarity(articles: Sequence[Article]) -> dict[str, tuple[float, str]]:
    """Each article's closest other article: article id -> (similarity, closest article's id).

    Stems are weighted by inverse document frequency over all the folder's paragraphs, so that the
    event's own names and words count and generic news words do not. Ties go to the earlier id.

    The score is `text.overlap_score` of the two articles' IDF vectors. Every article weighs a
    stem the same (its IDF), so the score needs only the shared stems' summed weight and squared
    weight, and the articles' own norms and sums, computed once: each pair is then a set
    intersection and two sums done in C, and each pair is scored once for both articles. Still
    every pair (1,000 articles: 500,000 pairs, about 3 s), but no longer 30 µs of Python each.
    """
    stems = {a.id: {s for p in a.paragraphs for s in content_stems(p.text)} for a in articles}
    weights = Weights(content_stems(p.text) for a in articles for p in a.paragraphs)
    weight = {s: weights.idf(s) for bag in stems.values() for s in bag}
    # One complex number per stem, w² + w·i: a single C-level sum over the shared stems gives
    # the dot product (real part) and the shared weight (imaginary part) at once.
    both = {s: complex(w * w, w) for s, w in weight.items()}
    ids = sorted(stems)
    norms = [math.sqrt(sum(weight[s] ** 2 for s in stems[aid])) for aid in ids]
    sums = [sum(map(weight.__getitem__, stems[aid])) for aid in ids]
    # Stems of one article only count in its norm and sum, never in an intersection: leave them
    # out of the sets that are intersected.
    articles_with = Counter(s for bag in stems.values() for s in bag)
    bags = [frozenset(s for s in stems[aid] if articles_with[s] > 1) for aid in ids]
    best: list[tuple[float, int]] = [(-1.0, -1)] * len(ids)
    for i, bag in enumerate(bags):
        for j in range(i + 1, len(bags)):
            shared = bag & bags[j]
            if shared and norms[i] and norms[j]:
                total = sum(map(both.__getitem__, shared))
                score = mix(total.real / (norms[i] * norms[j]), total.imag / min(sums[i], sums[j]))
            else:
                score = 0.0
            if score > best[i][0]:
                best[i] = (score, j)
            if score > best[j][0]:
                best[j] = (score, i)
    return {ids[i]: (score, ids[j]) for i, (score, j) in enumerate(best) if j >= 0}


def find_off_topic(
    articles: Sequence[Article],
    *,
    floor: float = TOPIC_FLOOR,
    median_share: float = TOPIC_MEDIAN_SHARE,
    min_articles: int = MIN_TOPIC_ARTICLES,
) -> list[Problem]:
    """Articles far less similar to every other article than the folder's articles usually are."""
    if len(articles) < min_articles:
        return []
    closest = topic_similarity(articles)
    typical = statistics.median(score for score, _ in closest.values())
    paths = {a.id: a.path for a in articles}
    problems = []
    for aid in sorted(closest, key=lambda k: Path(paths[k]).name):
        score, other = closest[aid]
        if score < floor and score < median_share * typical:
            problems.append(
                Problem(
                    paths[aid],
                    "off-topic",
                    f"seems to be about another event: similarity {score:.2f} with the closest article "
                    f"({Path(paths[other]).name}), against {typical:.2f} typical in this folder",
                )
            )
    return problems


# --- lock ----------------------------------------------------------------------------------------

# Longest fact label quoted in a message; the lock file has the whole label.
MAX_MESSAGE_LABEL = 90
# A new article's message quotes at most this many of the facts only it has, then counts the rest:
# enough to see what it brings, short enough for one table row.
MAX_LISTED_FACTS = 8


def _quote(label: str) -> str:
    text = " ".join(label.split())
    if len(text) > MAX_MESSAGE_LABEL:
        text = text[: MAX_MESSAGE_LABEL - 1].rstrip() + "…"
    return f'"{text}"'


def lock_problems(
    diff: LockDiff,
    articles: Sequence[Article],
    lock_path: str,
    *,
    skip: set[str] | frozenset[str] = frozenset(),
    edited: set[str] | frozenset[str] | None = None,
) -> list[Problem]:
    """The lock differences as problems on the article files (removed articles on the lock file).

    One line per changed cell: the fact's label, the outlet, was -> now. With `edited` (the
    articles whose text changed, `lock.edited_articles`), cells of articles whose text did not
    change are not blamed on them: they moved because the grouping moved, and are summarised in
    one line on the file that changed (a new or edited article; the lock file for a removed one).
    With no changed file to blame, every cell keeps its own line.

    A new article is one problem, not one per fact: the lock is out of date, and what a reviewer
    wants to know is what the article brings, so the message counts its facts and quotes the ones
    nobody else has. Articles in `skip` (unreadable files, already reported) are not called removed.
    """
    paths = {a.id: a.path for a in articles}
    labels = {a.id: a.label for a in articles}
    problems = []
    moved = []
    # Moves are summarised only when some file changed to explain them; otherwise (a new version
    # of compare, or an edit the lock's sentences cannot see) every cell gets its own line.
    explained = bool(diff.added or diff.removed or edited)
    for change in diff.changes:
        if edited is not None and explained and change.article not in edited:
            moved.append(change)
            continue
        note = {
            "appeared": " (a fact the lock does not have)",
            "vanished": " (no fact matches it any more)",
        }.get(change.kind, "")
        problems.append(
            Problem(
                paths.get(change.article, change.article),
                "lock",
                f"{_quote(change.label)} · {labels.get(change.article, change.article)}: "
                f"was {change.before} -> now {change.after}{note}",
            )
        )
    if moved:
        problems.append(_grouping_moved(moved, diff, edited or set(), paths, lock_path))
    for added in diff.added:
        if added.exclusive:
            news = "; ".join(_quote(label) for label in added.exclusive[:MAX_LISTED_FACTS])
            if len(added.exclusive) > MAX_LISTED_FACTS:
                news += f"; and {len(added.exclusive) - MAX_LISTED_FACTS} more"
            brings = f"{len(added.exclusive)} of them in no other article: {news}"
        else:
            brings = "none that other articles lack"
        problems.append(
            Problem(
                paths.get(added.article, added.article),
                "lock",
                f"new article, not in the lock: states {added.facts} facts, {brings}",
            )
        )
    for aid in diff.removed:
        if aid not in skip:
            problems.append(
                Problem(lock_path, "lock", f"article {aid!r} is in the lock but not in the folder")
            )
    return problems


def _grouping_moved(
    moved: Sequence[Change],
    diff: LockDiff,
    edited: set[str] | frozenset[str],
    paths: Mapping[str, str],
    lock_path: str,
) -> Problem:
    """One line for every status that moved in articles whose text did not change, on the file
    that caused it (the first new or edited article, by name; the lock file for removed ones)."""
    untouched = sorted({c.article for c in moved})
    causes = sorted(
        (paths[aid] for aid in [*(a.article for a in diff.added), *edited] if aid in paths),
        key=lambda p: Path(p).name,
    )
    facts = len({c.label for c in moved})
    names = ", ".join(Path(paths.get(aid, aid)).name for aid in untouched[:MAX_LISTED_FACTS])
    if len(untouched) > MAX_LISTED_FACTS:
        names += f" and {len(untouched) - MAX_LISTED_FACTS} more"
    head = (
        f"grouping moved: {len(moved)} cell{'s' if len(moved) != 1 else ''} of {facts} "
        f"fact{'s' if facts != 1 else ''} changed status in {len(untouched)} unchanged "
        f"article{'s' if len(untouched) != 1 else ''} ({names})"
    )
    if not causes and diff.removed:
        gone = ", ".join(repr(aid) for aid in diff.removed[:MAX_LISTED_FACTS])
        return Problem(lock_path, "lock", f"{head}, because {gone} left the folder; nothing changed in them")
    others = f" (with {len(causes) - 1} other changed files)" if len(causes) > 1 else ""
    return Problem(causes[0], "lock", f"{head}, because this file changed{others}; nothing changed in them")
