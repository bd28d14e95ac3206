"""lock: an article folder's fact matrix, frozen in `compare.lock.json`, and what changed since.

`compare check DIR --update` writes the lock; `compare check DIR` compares the current matrix with
it, so that a pull request that adds or edits an article shows exactly which facts it changed.

Public functions:

- `lock_from_matrix(result)`: the Lock of a MatrixResult;
- `dump_lock(lock)`: deterministic, diff-friendly JSON (one fact per line, sorted keys);
- `parse_lock(text, where)` / `load_lock(path)`: read one back, or raise LockError saying why not;
- `match_facts(old, new)`: pair the facts of two locks;
- `compare_locks(old, new)`: what changed, per article and fact.

The file::

    {
      "schema": "compare.lock/1",
      "articles": [
        "000_e0f776ad8e8d545f",
        ...
      ],
      "facts": [
        {"cells": {"000_…": "stated", "003_…": "partial"}, "evidence": {"000_…": "It will …"},
         "kind": "money", "label": "€25 billion: …", "value": {"amount": 2.5e10, "currency": "EUR"}},
        ...
      ]
    }

`cells` lists the articles that have the fact (an article not listed leaves it out). Facts are
sorted by label (then kind, then cells), so a new article adds its id to the lines of the facts it
has and adds lines for the facts it brings, and nothing moves around.

Fact ids (`f1`, `f2`) and order change whenever an article is added, and labels change when the
matrix's labeller is tuned, so facts are matched by what they are: the same label first, then the
same evidence sentence in some article (a fact keeps its sentences when its label changes), then the
same kind and normalised value. A label change alone is not a change worth reporting.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from rapidfuzz import fuzz, process

from compare.errors import CompareError, LockError
from compare.model import MatrixResult
from compare.text import words

LOCK_FILE = "compare.lock.json"
LOCK_SCHEMA = "compare.lock/1"
STATUSES = ("stated", "partial", "conflict", "absent")

# Two evidence sentences of one article are the same sentence when their folded word sequences are
# at least this similar (rapidfuzz ratio, 0-100): survives a fixed typo or a changed quote mark in
# an article edited after the lock was written, while two different sentences of one article (even
# ones about the same thing) score far lower. Same value as the copy check's sentence ratio.
EVIDENCE_RATIO = 90.0

ChangeKind = Literal["changed", "appeared", "vanished"]


@dataclass(frozen=True)
class LockedFact:
    """One row of the lock: what it is, and each article's status and evidence sentence."""

    label: str
    kind: str
    value: Any
    cells: tuple[tuple[str, str], ...]
    evidence: tuple[tuple[str, str], ...] = ()

    def status(self, article_id: str) -> str:
        return dict(self.cells).get(article_id, "absent")

    def present(self) -> tuple[str, ...]:
        return tuple(aid for aid, status in self.cells if status != "absent")


@dataclass(frozen=True)
class Lock:
    """The article ids (sorted) and the facts (sorted by label) of a folder's matrix."""

    articles: tuple[str, ...]
    facts: tuple[LockedFact, ...]


@dataclass(frozen=True)
class Change:
    """One article's status for one fact differs from the lock.

    `changed`: the fact is matched and the status differs; `appeared`: no fact of the lock matches
    it (the label is the current one); `vanished`: no current fact matches the lock's (the label is
    the lock's).
    """

    article: str
    label: str
    before: str
    after: str
    kind: ChangeKind


@dataclass(frozen=True)
class AddedArticle:
    """An article the lock does not know: how many facts it states, and those nobody else has."""

    article: str
    facts: int
    exclusive: tuple[str, ...]


@dataclass(frozen=True)
class LockDiff:
    changes: tuple[Change, ...]
    added: tuple[AddedArticle, ...]
    removed: tuple[str, ...]

    @property
    def clean(self) -> bool:
        return not (self.changes or self.added or self.removed)


# --- building, writing, reading ------------------------------------------------------------------


def lock_from_matrix(result: MatrixResult) -> Lock:
    """The lock of a matrix: every article's status for every fact, with the evidence sentences."""
    ids = sorted(a.id for a in result.articles)
    facts = []
    for fact in result.facts:
        cells = tuple((aid, status) for aid in ids if (status := fact.cell(aid).status) != "absent")
        evidence = tuple(
            (aid, cell.evidence)
            for aid in ids
            if (cell := fact.cell(aid)).status != "absent" and cell.evidence
        )
        facts.append(LockedFact(fact.label, fact.kind, fact.value, cells, evidence))
    return Lock(tuple(ids), tuple(sorted(facts, key=_fact_order)))


def _fact_order(fact: LockedFact) -> tuple[str, str, str, str]:
    evidence = json.dumps(fact.evidence, ensure_ascii=False)
    return (fact.label, fact.kind, json.dumps(fact.cells), evidence)


def _fact_json(fact: LockedFact) -> dict[str, Any]:
    return {
        "cells": dict(fact.cells),
        "evidence": dict(fact.evidence),
        "kind": fact.kind,
        "label": fact.label,
        "value": fact.value,
    }


def dump_lock(lock: Lock) -> str:
    """The lock as text: `schema` first, one article id per line, one fact per line with sorted
    keys. The same matrix always gives the same bytes."""
    lines = ["{", f'  "schema": {json.dumps(LOCK_SCHEMA)},', '  "articles": [']
    lines += [f"    {json.dumps(aid, ensure_ascii=False)}," for aid in lock.articles]
    if lock.articles:
        lines[-1] = lines[-1].rstrip(",")
    lines += ["  ],", '  "facts": [']
    lines += [
        "    " + json.dumps(_fact_json(f), ensure_ascii=False, sort_keys=True) + ","
        for f in sorted(lock.facts, key=_fact_order)
    ]
    if lock.facts:
        lines[-1] = lines[-1].rstrip(",")
    lines += ["  ]", "}"]
    return "\n".join(lines) + "\n"


# Largest lock file read: a lock holds every article's evidence sentence for every fact, about
# 60 kB per article on the benchmark's synthetic folders (1,000 articles: 60 MB), so 256 MB is
# four times the biggest folder anyone should lock, and stops a runaway file before json parses it.
MAX_LOCK_BYTES = 256_000_000


def load_lock(path: Path) -> Lock:
    """Read a lock file, or raise LockError naming it and saying what is wrong (a broken or
    looping symbolic link, a pipe or device, an unreadable or oversized file included)."""
    from compare.read import read_regular_file  # read pulls in YAML: only needed here

    where = str(path)
    try:
        data = read_regular_file(path, MAX_LOCK_BYTES, what="lock file", where=where)
    except CompareError as exc:
        raise LockError(where, f"lock file: {exc.problem}{_REGENERATE}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise LockError(where, f"lock file is not UTF-8 text{_REGENERATE}") from None
    return parse_lock(text, where)


_REGENERATE = " (write a new one with: compare check DIR --update)"


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not a number JSON allows")


def parse_lock(text: str, where: str) -> Lock:
    """Parse lock text; every way it can be broken is a LockError with a clear message."""
    try:
        data = json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        conflict = " with merge-conflict markers" if "<<<<<<<" in text else ""
        # json's messages often end in " at" ("Invalid control character at"): the place follows.
        problem = f"lock file is not valid JSON{conflict}: {exc.msg.removesuffix(' at')} at line {exc.lineno}"
        raise LockError(where, problem + _REGENERATE) from None
    except ValueError as exc:  # an integer of thousands of digits, NaN, Infinity
        what = "an integer too long to read" if "integer string conversion" in str(exc) else _short(str(exc))
        raise LockError(where, f"lock file has a value it cannot use: {what}{_REGENERATE}") from None
    except RecursionError:
        raise LockError(where, f"lock file is nested too deeply{_REGENERATE}") from None
    if not isinstance(data, dict):
        raise LockError(where, f"lock file must hold a JSON object{_REGENERATE}")
    schema = data.get("schema")
    if schema != LOCK_SCHEMA:
        found = f"schema {_short(repr(schema))}" if schema is not None else "no schema"
        raise LockError(where, f"lock file has {found}, expected {LOCK_SCHEMA!r}{_REGENERATE}")
    articles = data.get("articles")
    if not isinstance(articles, list) or not all(isinstance(a, str) for a in articles):
        raise LockError(where, f"lock file: 'articles' must be a list of article ids{_REGENERATE}")
    raw_facts = data.get("facts")
    if not isinstance(raw_facts, list):
        raise LockError(where, f"lock file: 'facts' must be a list{_REGENERATE}")
    known = set(articles)
    facts = tuple(_parse_fact(item, n, known, where) for n, item in enumerate(raw_facts, 1))
    return Lock(tuple(sorted(known)), facts)


# Longest piece of a broken lock quoted in a message: enough to recognise it, one line.
MAX_QUOTED = 60


def _short(text: str) -> str:
    return text if len(text) <= MAX_QUOTED else text[: MAX_QUOTED - 1] + "…"


def _parse_fact(item: Any, n: int, known: set[str], where: str) -> LockedFact:
    def broken(problem: str) -> LockError:
        return LockError(where, f"lock file: fact {n} {problem}{_REGENERATE}")

    if not isinstance(item, dict):
        raise broken("is not a JSON object")
    label, kind = item.get("label"), item.get("kind")
    if not isinstance(label, str) or not isinstance(kind, str):
        raise broken("needs a 'label' and a 'kind' (strings)")
    cells = item.get("cells")
    if not isinstance(cells, dict):
        raise broken("needs 'cells' (article id -> status)")
    for aid, status in cells.items():
        if aid not in known:
            raise broken(f"names article {_short(repr(aid))}, which is not in 'articles'")
        if not isinstance(status, str) or status not in STATUSES:
            raise broken(f"has status {_short(repr(status))} (expected one of: {', '.join(STATUSES)})")
    evidence = item.get("evidence", {})
    if not isinstance(evidence, dict) or not all(isinstance(v, str) for v in evidence.values()):
        raise broken("has 'evidence' that is not article id -> sentence")
    for aid in evidence:
        if aid not in known:
            raise broken(f"has evidence for article {_short(repr(aid))}, which is not in 'articles'")
    if not _plain_value(item.get("value")):
        raise broken("has a 'value' that is not a number, text, or a JSON object or list of them")
    return LockedFact(
        label,
        kind,
        item.get("value"),
        tuple(sorted((str(a), str(s)) for a, s in cells.items())),
        tuple(sorted((str(a), str(s)) for a, s in evidence.items())),
    )


def _plain_value(value: Any, depth: int = 0) -> bool:
    """A fact's value as the matrix writes it: null, a number, text, true/false, or an object or
    list of those, a few levels deep (money is {"amount": ..., "currency": ...})."""
    if value is None or isinstance(value, str | int | float | bool):
        return True
    if depth >= MAX_VALUE_DEPTH:
        return False
    if isinstance(value, list):
        return all(_plain_value(v, depth + 1) for v in value)
    if isinstance(value, dict):
        return all(_plain_value(v, depth + 1) for v in value.values())
    return False


# How deep a fact's value may nest: the matrix writes at most an object holding a list (a range's
# bounds); 8 leaves room for new kinds without letting a crafted value nest thousands deep.
MAX_VALUE_DEPTH = 8


# --- matching and comparing ----------------------------------------------------------------------


def _sentence_key(text: str) -> str:
    return " ".join(words(text))


def _shared_evidence(
    old: Sequence[LockedFact], new: Sequence[LockedFact], articles: set[str]
) -> dict[tuple[int, int], int]:
    """How many articles give the same evidence sentence for old fact i and new fact j.

    An index from (article, sentence) to new facts finds exact matches; the rest are looked up per
    article with rapidfuzz (`extract` with a cutoff scores all of one article's sentences at once).
    """
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    per_article: dict[str, list[str]] = defaultdict(list)
    for j, fact in enumerate(new):
        for aid, sentence in fact.evidence:
            if aid in articles:
                key = _sentence_key(sentence)
                if (aid, key) not in index:
                    per_article[aid].append(key)
                index[(aid, key)].append(j)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for i, fact in enumerate(old):
        for aid, sentence in fact.evidence:
            if aid not in articles:
                continue
            key = _sentence_key(sentence)
            hits = set(index.get((aid, key), ()))
            if not hits and per_article.get(aid):
                near = process.extract(
                    key, per_article[aid], scorer=fuzz.ratio, score_cutoff=EVIDENCE_RATIO, limit=None
                )
                for other, _, _ in near:
                    hits.update(index[(aid, other)])
            for j in hits:
                shared[(i, j)] += 1
    return shared


def match_facts(
    old: Sequence[LockedFact], new: Sequence[LockedFact], articles: set[str] | None = None
) -> dict[int, int]:
    """Pair old facts with new ones, one to one: old index -> new index.

    A candidate pair has the same label, or the same evidence sentence in at least one article
    (only `articles` count: those in both locks), or the same kind and normalised value. Pairs are
    taken greedily, best first: same label, then more shared sentences, then same value, then same
    kind; ties go to the earlier fact of each list (both are sorted by label).
    """
    if articles is None:
        known_old = {aid for f in old for aid, _ in f.cells}
        articles = known_old & {aid for f in new for aid, _ in f.cells}
    shared = _shared_evidence(old, new, articles)
    by_label: dict[str, list[int]] = defaultdict(list)
    for j, fact in enumerate(new):
        by_label[fact.label].append(j)
    candidates: dict[tuple[int, int], tuple[int, int, int, int]] = {}
    for i, fact in enumerate(old):
        for j in by_label.get(fact.label, ()):
            candidates[(i, j)] = (1, 0, 0, 0)
    for (i, j), count in shared.items():
        candidates[(i, j)] = (candidates.get((i, j), (0,))[0], count, 0, 0)
    by_value: dict[tuple[str, str], list[int]] = defaultdict(list)
    for j, fact in enumerate(new):
        if fact.value is not None:
            by_value[(fact.kind, json.dumps(fact.value, sort_keys=True))].append(j)
    for i, fact in enumerate(old):
        if fact.value is not None:
            for j in by_value.get((fact.kind, json.dumps(fact.value, sort_keys=True)), ()):
                label_eq, count, _, _ = candidates.get((i, j), (0, 0, 0, 0))
                candidates[(i, j)] = (label_eq, count, 1, 0)
    scored = []
    for (i, j), (label_eq, count, value_eq, _) in candidates.items():
        kind_eq = int(old[i].kind == new[j].kind)
        scored.append(((-label_eq, -count, -value_eq, -kind_eq, i, j), i, j))
    scored.sort()
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for _, i, j in scored:
        if i not in pairs and j not in taken:
            pairs[i] = j
            taken.add(j)
    return pairs


# Order of a new article's exclusive facts in a report: figures first (what a reviewer checks
# first), then quotes and claims; the same order as the matrix's bands.
_KIND_RANK = {"money": 0, "quantity": 1, "date": 2, "quote": 3, "claim": 4, "event": 5, "entity": 6}


def _news_order(fact: LockedFact) -> tuple[int, str]:
    return (_KIND_RANK.get(fact.kind, len(_KIND_RANK)), fact.label)


def _same_kind(kind: str) -> str:
    """Claims, quotes and events are all statements: tuning may move a sentence between them."""
    return kind if kind in ("money", "quantity", "date") else "statement"


class _RowIndex:
    """Which facts each article's evidence sentences carry, to tell a row merged or split by the
    matrix (the sentence still carries the same kind of fact, with the same status and value)
    from a fact an article really gained or lost. Without it, every retuning of how the matrix
    groups sentences into rows would read as facts lost by articles that did not change."""

    def __init__(self, facts: Sequence[LockedFact]) -> None:
        self._rows: dict[tuple[str, str], set[tuple[str, str, str]]] = defaultdict(set)
        self._keys: dict[str, list[str]] = defaultdict(list)
        for fact in facts:
            for aid, sentence in fact.evidence:
                key = _sentence_key(sentence)
                if (aid, key) not in self._rows:
                    self._keys[aid].append(key)
                self._rows[(aid, key)].add(_row_signature(fact, fact.status(aid)))

    def carries(self, fact: LockedFact, aid: str, status: str) -> bool:
        sentence = dict(fact.evidence).get(aid)
        if sentence is None:
            return False
        key = _sentence_key(sentence)
        keys = (
            [key]
            if (aid, key) in self._rows
            else [
                k
                for k, _, _ in process.extract(
                    key, self._keys.get(aid, []), scorer=fuzz.ratio, score_cutoff=EVIDENCE_RATIO, limit=None
                )
            ]
        )
        signature = _row_signature(fact, status)
        return any(signature in self._rows[(aid, k)] for k in keys)


def _row_signature(fact: LockedFact, status: str) -> tuple[str, str, str]:
    return (_same_kind(fact.kind), json.dumps(fact.value, sort_keys=True), status)


def compare_locks(old: Lock, new: Lock) -> LockDiff:
    """What changed between the lock and the current matrix (as a Lock).

    Statuses are compared for the articles both know. An article that gains or loses a fact
    while its sentence still carries the same kind of fact (same value, same status) in another
    row has not changed: the matrix merged, split or regrouped rows (a new article does that).
    Articles only the new one knows are `added`, with the facts that only they state (figures
    first); articles only the old one knows are `removed`.
    """
    common = set(old.articles) & set(new.articles)
    pairs = match_facts(old.facts, new.facts, common)
    matched_new = set(pairs.values())
    old_rows, new_rows = _RowIndex(old.facts), _RowIndex(new.facts)
    changes: list[Change] = []
    for i, fact in enumerate(old.facts):
        j = pairs.get(i)
        for aid in sorted(common):
            before = fact.status(aid)
            if j is None:
                if before != "absent" and not new_rows.carries(fact, aid, before):
                    changes.append(Change(aid, fact.label, before, "absent", "vanished"))
                continue
            now = new.facts[j]
            after = now.status(aid)
            if before == after:
                continue
            if after == "absent" and new_rows.carries(fact, aid, before):
                continue  # the sentence moved to another row
            if before == "absent" and old_rows.carries(now, aid, after):
                continue  # the sentence was in another row of the lock
            changes.append(Change(aid, fact.label, before, after, "changed"))
    for j, fact in enumerate(new.facts):
        if j in matched_new:
            continue
        for aid in sorted(common):
            after = fact.status(aid)
            if after != "absent" and not old_rows.carries(fact, aid, after):
                changes.append(Change(aid, fact.label, "absent", after, "appeared"))
    added = []
    for aid in sorted(set(new.articles) - common):
        stating = [f for f in new.facts if f.status(aid) != "absent"]
        only = sorted((f for f in stating if f.present() == (aid,)), key=_news_order)
        exclusive = tuple(f.label for f in only)
        added.append(AddedArticle(aid, len(stating), exclusive))
    removed = tuple(sorted(set(old.articles) - common))
    changes.sort(key=lambda c: (c.article, c.label, c.kind, c.before, c.after))
    return LockDiff(tuple(changes), tuple(added), removed)


def edited_articles(old: Lock, sentences: dict[str, Sequence[str]]) -> set[str]:
    """The articles of the lock whose text changed: some evidence sentence the lock keeps for them
    is no longer (nearly word for word, EVIDENCE_RATIO) a sentence of the article. `sentences`
    maps each current article id to its sentences; articles the lock does not know are left out.

    An article whose every locked sentence is still there did not change: a status it lost or
    gained comes from the matrix grouping its sentences differently (another file changed)."""
    edited: set[str] = set()
    current = {aid: {_sentence_key(s) for s in texts} for aid, texts in sentences.items()}
    for fact in old.facts:
        for aid, sentence in fact.evidence:
            if aid in edited or aid not in current:
                continue
            key = _sentence_key(sentence)
            if key in current[aid]:
                continue
            if not process.extractOne(key, current[aid], scorer=fuzz.ratio, score_cutoff=EVIDENCE_RATIO):
                edited.add(aid)
    return edited
