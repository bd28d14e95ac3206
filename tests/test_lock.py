"""compare.lock: the lock file's format, how a broken one is refused, how facts are matched
between the lock and the current matrix, and what counts as a change."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compare.errors import LockError
from compare.lock import (
    LOCK_SCHEMA,
    Lock,
    LockedFact,
    compare_locks,
    dump_lock,
    load_lock,
    lock_from_matrix,
    match_facts,
    parse_lock,
)
from compare.pipeline import load_articles, matrix

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def fact(label: str, kind: str = "claim", value: object = None, **cells: str) -> LockedFact:
    """cells as a=stated, b=partial ...; evidence is "<label> in <article>" unless given as ev_a."""
    statuses = {k: v for k, v in cells.items() if not k.startswith("ev_")}
    evidence = {k[3:]: v for k, v in cells.items() if k.startswith("ev_")}
    for aid, status in statuses.items():
        if status != "absent":
            evidence.setdefault(aid, f"{label} in {aid}.")
    return LockedFact(label, kind, value, tuple(sorted(statuses.items())), tuple(sorted(evidence.items())))


def lock(articles: str, *facts: LockedFact) -> Lock:
    return Lock(tuple(articles.split()), facts)


# --- format ---------------------------------------------------------------------------------------


def test_lock_of_the_seeds_round_trips_byte_for_byte() -> None:
    result = matrix(load_articles([str(SEEDS)]))
    text = dump_lock(lock_from_matrix(result))
    again = parse_lock(text, "compare.lock.json")
    assert dump_lock(again) == text
    assert again.articles == tuple(a.id for a in result.articles)


def test_lock_text_has_schema_first_and_one_fact_per_line() -> None:
    text = dump_lock(lock("a b", fact("Second", a="stated"), fact("First", b="partial")))
    lines = text.splitlines()
    assert lines[1] == f'  "schema": "{LOCK_SCHEMA}",'
    doc = json.loads(text)
    assert [f["label"] for f in doc["facts"]] == ["First", "Second"]  # sorted by label
    fact_lines = [line for line in lines if line.startswith('    {"cells"')]
    assert len(fact_lines) == 2
    assert json.loads(fact_lines[0].rstrip(",")) == doc["facts"][0]


def test_cells_list_only_the_articles_that_have_the_fact() -> None:
    result = matrix(load_articles([str(SEEDS)]))
    for row in lock_from_matrix(result).facts:
        assert all(status != "absent" for _, status in row.cells)
        assert {aid for aid, _ in row.evidence} <= {aid for aid, _ in row.cells}


def test_empty_lock_is_valid_json() -> None:
    empty = Lock((), ())
    assert parse_lock(dump_lock(empty), "x") == empty


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{not json", "not valid JSON"),
        ('<<<<<<< HEAD\n{"schema": "compare.lock/1"}\n=======\n', "merge-conflict markers"),
        ("[]", "must hold a JSON object"),
        ('{"articles": []}', "no schema"),
        ('{"schema": "compare.lock/2"}', "schema 'compare.lock/2', expected 'compare.lock/1'"),
        ('{"schema": "compare.lock/1", "articles": "a"}', "'articles' must be a list"),
        ('{"schema": "compare.lock/1", "articles": [], "facts": {}}', "'facts' must be a list"),
        ('{"schema": "compare.lock/1", "articles": ["a"], "facts": [{"kind": "claim"}]}',
         "fact 1 needs a 'label'"),
        ('{"schema": "compare.lock/1", "articles": ["a"], "facts": '
         '[{"label": "x", "kind": "claim", "cells": {"b": "stated"}}]}', "names article 'b'"),
        ('{"schema": "compare.lock/1", "articles": ["a"], "facts": '
         '[{"label": "x", "kind": "claim", "cells": {"a": "maybe"}}]}', "status 'maybe'"),
    ],
)
def test_broken_lock_is_refused_with_a_clear_message(text: str, expected: str) -> None:
    with pytest.raises(LockError) as info:
        parse_lock(text, "story/compare.lock.json")
    message = str(info.value)
    assert message.startswith("story/compare.lock.json: ")
    assert expected in message and "--update" in message


def test_lock_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "compare.lock.json"
    path.write_bytes(b"\xff\xfe\x00garbage\x80")
    with pytest.raises(LockError, match="not UTF-8"):
        load_lock(path)


# --- matching -------------------------------------------------------------------------------------


def test_facts_match_by_label_first() -> None:
    old = [fact("A", a="stated"), fact("B", a="stated")]
    new = [fact("B", a="stated", ev_a="other"), fact("A", a="stated", ev_a="other 2")]
    assert match_facts(old, new) == {0: 1, 1: 0}


def test_facts_match_by_evidence_when_the_label_changed() -> None:
    old = [fact("Old label", a="stated", b="stated", ev_a="The mayor spoke.", ev_b="He left.")]
    new = [
        fact("Unrelated", a="stated", ev_a="Something else entirely."),
        fact("New label", a="stated", b="stated", ev_a="The mayor spoke.", ev_b="He left!"),
    ]
    assert match_facts(old, new) == {0: 1}


def test_evidence_survives_a_fixed_typo() -> None:
    sentence = "The council voted thirty-one to nine on Monday to launch the night-bus pilot."
    old = [fact("Old", a="stated", ev_a=sentence)]
    new = [fact("New", a="stated", ev_a=sentence.replace("launch", "lanuch"))]
    assert match_facts(old, new) == {0: 0}


def test_same_sentence_money_and_date_facts_keep_their_kind() -> None:
    sentence = "In July the summit committed €40 billion to Ukraine."
    old = [fact("in July", "date", {"date": "2024-07"}, a="stated", ev_a=sentence),
           fact("€40 billion", "money", {"amount": 4e10}, a="stated", ev_a=sentence)]
    new = [fact("€40bn (relabelled)", "money", {"amount": 4e10}, a="stated", ev_a=sentence),
           fact("July (relabelled)", "date", {"date": "2024-07"}, a="stated", ev_a=sentence)]
    assert match_facts(old, new) == {0: 1, 1: 0}


def test_facts_match_by_value_as_a_last_resort() -> None:
    old = [fact("$425 million: old wording", "money", {"amount": 425e6}, a="stated", ev_a="x y z")]
    new = [fact("$425 million: new wording", "money", {"amount": 425e6}, a="stated", ev_a="p q r")]
    assert match_facts(old, new) == {0: 0}


def test_unrelated_facts_do_not_match() -> None:
    assert match_facts([fact("A", a="stated")], [fact("B", a="stated")]) == {}


# --- comparing ------------------------------------------------------------------------------------


def test_same_lock_has_no_changes() -> None:
    same = lock("a b", fact("A", a="stated", b="partial"))
    assert compare_locks(same, same).clean


def test_status_change_is_reported_with_the_locks_label() -> None:
    old = lock("a b", fact("A", a="stated", b="stated", ev_a="s1", ev_b="s2"))
    new = lock("a b", fact("A relabelled", a="stated", b="partial", ev_a="s1", ev_b="s2"))
    (change,) = compare_locks(old, new).changes
    assert (change.article, change.label, change.before, change.after, change.kind) == (
        "b", "A", "stated", "partial", "changed")


def test_vanished_and_appeared_facts_are_reported() -> None:
    old = lock("a", fact("Gone", a="stated"))
    new = lock("a", fact("Fresh", a="stated"))
    changes = compare_locks(old, new).changes
    assert [(c.label, c.before, c.after, c.kind) for c in changes] == [
        ("Fresh", "absent", "stated", "appeared"), ("Gone", "stated", "absent", "vanished")]


def test_label_change_alone_is_not_a_change() -> None:
    old = lock("a", fact("Old wording", a="stated", ev_a="The sentence."))
    new = lock("a", fact("New wording", a="stated", ev_a="The sentence."))
    assert compare_locks(old, new).clean


def test_new_article_lists_the_facts_only_it_has() -> None:
    old = lock("a", fact("Shared", a="stated"))
    new = lock("a n", fact("Shared", a="stated", n="stated"), fact("Scoop", n="stated"),
               fact("$5m", "money", {"amount": 5e6}, n="stated"))
    diff = compare_locks(old, new)
    assert diff.changes == ()
    (added,) = diff.added
    assert (added.article, added.facts, added.exclusive) == ("n", 3, ("$5m", "Scoop"))


def test_removed_article_is_listed() -> None:
    old = lock("a b", fact("A", a="stated", b="stated"))
    new = lock("a", fact("A", a="stated"))
    diff = compare_locks(old, new)
    assert diff.removed == ("b",) and diff.changes == ()


def test_rows_merged_by_the_matrix_are_not_a_change() -> None:
    sentence = "NATO chief Mark Rutte refused to publicly back the call during a briefing in Brussels."
    old = lock("a", fact("Row one", a="stated", ev_a=sentence), fact("Row two", a="stated", ev_a=sentence))
    new = lock("a", fact("Merged", a="stated", ev_a=sentence))
    assert compare_locks(old, new).clean
    assert compare_locks(new, old).clean  # and split


def test_figure_taken_out_of_a_sentence_is_still_a_lost_fact() -> None:
    sentence = "At the summit in Washington in July, allies decided to commit €40 billion to Ukraine in 2025."
    edited = sentence.replace(" €40 billion", " money")
    old = lock("a", fact("€40 billion", "money", {"amount": 4e10}, a="stated", ev_a=sentence),
               fact("in July", "date", {"date": "2024-07"}, a="stated", ev_a=sentence))
    new = lock("a", fact("in July", "date", {"date": "2024-07"}, a="stated", ev_a=edited))
    (change,) = compare_locks(old, new).changes
    assert (change.label, change.before, change.after) == ("€40 billion", "stated", "absent")


def test_sentence_moving_between_matched_rows_is_not_a_change() -> None:
    old = lock("a b", fact("X", a="stated", ev_a="Sentence one here."),
               fact("Y", b="stated", ev_b="Other sentence."))
    new = lock("a b", fact("X", a="stated", ev_a="Sentence one here."),
               fact("Y", a="stated", b="stated", ev_a="Sentence one here.", ev_b="Other sentence."))
    assert compare_locks(old, new).clean
