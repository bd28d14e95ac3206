"""compare.check's functions one by one: reading a folder, the copy check, the topic check, and how
lock differences become problems. One test per threshold shows what it separates."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from compare.check import (
    COPY_SHARE,
    MIN_TOPIC_ARTICLES,
    TOPIC_FLOOR,
    check,
    copy_share,
    find_copies,
    find_off_topic,
    lock_problems,
    read_articles,
    topic_similarity,
)
from compare.errors import CompareError, LockError
from compare.lock import LOCK_FILE, AddedArticle, Change, LockDiff
from compare.model import Article, Source
from compare.pipeline import build_article, load_articles
from tests.conftest import need_shared

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
FIXTURES = REPO / "tests" / "fixtures"
EVENTS = [
    SEEDS,
    REPO.parent / "shared" / "gold" / "dev" / "harbour-fire",
    REPO / "tests" / "events" / "bridge-collapse",
    REPO / "tests" / "events" / "central-bank",
]


def article(name: str, text: str) -> Article:
    return build_article(Source(id=Path(name).stem, path=name, text=text))


def events() -> list[Path]:
    return [e for e in EVENTS if e.is_dir()]


SHARED_QUOTE = (
    '"We will not leave anyone behind, whatever the cost and however long it takes," the mayor '
    "told reporters outside the town hall on Tuesday evening."
)
STORY_A = (
    "Floodwater swept through the lower town of Marren overnight, forcing two hundred families "
    "from their homes as the river rose faster than forecasters had expected.\n\n"
    + SHARED_QUOTE
    + "\n\nEmergency crews used boats to reach elderly residents trapped on upper floors, and the "
    "army sent three trucks of sandbags from the nearby barracks before dawn.\n\n"
    "The regional weather office said another band of heavy rain would arrive on Thursday."
)
STORY_B = (
    "Residents of Marren spent the night in a school gym after the river burst its banks, "
    "the worst flooding the town has seen in forty years according to local historians.\n\n"
    + SHARED_QUOTE
    + "\n\nInsurers said it was too early to estimate the damage, but shopkeepers on the main "
    "street described losing their entire stock to the muddy water within minutes.\n\n"
    "Schools will stay closed for the rest of the week while engineers inspect the bridge."
)


# --- reading ------------------------------------------------------------------------------------


def test_unreadable_files_become_problems_not_errors(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_text(STORY_A, encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"%PDF-1.7 binary")
    paths = [str(tmp_path / n) for n in ("a.txt", "b.txt", "c.txt")]
    articles, problems = read_articles(paths, {})
    assert [a.id for a in articles] == ["b"]
    assert [(Path(p.path).name, p.check) for p in problems] == [("a.txt", "readable"), ("c.txt", "readable")]
    assert "empty" in problems[0].message and "PDF" in problems[1].message
    assert str(tmp_path) not in problems[0].message  # the path is in its own column


def test_two_files_with_one_stem_are_a_problem(tmp_path: Path) -> None:
    (tmp_path / "x.md").write_text(STORY_A, encoding="utf-8")
    (tmp_path / "x.txt").write_text(STORY_B, encoding="utf-8")
    paths = [str(tmp_path / "x.md"), str(tmp_path / "x.txt")]
    articles, problems = read_articles(paths, {})
    assert len(articles) == 1
    (problem,) = problems
    assert problem.path == paths[1] and "x.md" in problem.message


def test_too_big_file_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text(STORY_A * 10, encoding="utf-8")
    _, problems = read_articles([str(tmp_path / "big.txt")], {}, max_bytes=1000)
    assert "--max-bytes" in problems[0].message


# --- duplicate ------------------------------------------------------------------------------------


def test_copy_share_of_an_article_with_itself_is_one() -> None:
    a = article("a.txt", STORY_A)
    assert copy_share(a, a)[0] == 1.0


def test_lightly_edited_copy_is_found_and_the_later_file_named() -> None:
    original = article("001_wire.txt", STORY_A)
    edited = STORY_A.replace("two hundred", "200").replace("before dawn", "early on Wednesday")
    copy = article("002_outlet.txt", edited)
    (problem,) = find_copies([copy, original])
    assert problem.path == "002_outlet.txt" and problem.check == "duplicate"
    assert "001_wire.txt" in problem.message
    assert problem.severity == "info"  # a wire copy an outlet edited: a note, not a failure


def test_two_outlets_quoting_the_same_sentence_are_not_copies() -> None:
    a, b = article("a.txt", STORY_A), article("b.txt", STORY_B)
    share, count, _ = copy_share(a, b)
    assert count == 1 and share < COPY_SHARE
    assert find_copies([a, b]) == []


def test_a_copy_of_a_part_of_a_longer_article_counts() -> None:
    long = article("a.txt", STORY_A)
    part = article("b.txt", "\n\n".join(STORY_A.split("\n\n")[:3]))
    (problem,) = find_copies([long, part])
    assert problem.path == "b.txt" and "a.txt" in problem.message
    assert problem.severity == "error"  # nothing added or changed: an exact copy of a part


def test_copy_share_threshold_separates_event_articles_from_copies() -> None:
    """Distinct articles of one event share at most a few sentences (measured 0.05 at most)."""
    for folder in events():
        articles = load_articles([str(folder)])
        assert find_copies(articles) == [], folder
        for a in articles[1:]:
            assert copy_share(articles[0], a)[0] < COPY_SHARE / 4


def test_three_copies_name_the_first_file() -> None:
    a, b, c = (article(n, STORY_A) for n in ("a.txt", "b.txt", "c.txt"))
    problems = find_copies([c, b, a])
    assert [(p.path, "a.txt" in p.message) for p in problems] == [("b.txt", True), ("c.txt", True)]


# --- off-topic ------------------------------------------------------------------------------------


def test_no_article_of_the_events_is_off_topic() -> None:
    for folder in events():
        assert find_off_topic(load_articles([str(folder)])) == [], folder


def test_unrelated_story_is_off_topic_next_to_every_event() -> None:
    unrelated = load_articles([str(FIXTURES / "unrelated_event.txt")])[0]
    for folder in events():
        problems = find_off_topic([*load_articles([str(folder)]), unrelated])
        assert [p.path for p in problems] == [unrelated.path], folder
        assert "another event" in problems[0].message


def test_article_of_another_event_is_off_topic() -> None:
    """Two disasters (a bridge collapse, a harbour fire) share words like dead and injured: the
    closest pair of events measured; the floor still tells them apart."""
    harbour = EVENTS[1] / "h1_wire.txt"
    need_shared(harbour)
    bridge = load_articles([str(REPO / "tests" / "events" / "bridge-collapse")])
    fire = load_articles([str(harbour)])[0]
    problems = find_off_topic([*bridge, fire])
    assert [p.path for p in problems] == [fire.path]


def test_topic_floor_lies_between_on_topic_and_off_topic_similarity() -> None:
    unrelated = load_articles([str(FIXTURES / "unrelated_event.txt")])[0]
    for folder in events():
        closest = topic_similarity([*load_articles([str(folder)]), unrelated])
        assert closest.pop(unrelated.id)[0] < TOPIC_FLOOR
        assert min(score for score, _ in closest.values()) > TOPIC_FLOOR


def test_off_topic_needs_enough_articles() -> None:
    unrelated = load_articles([str(FIXTURES / "unrelated_event.txt")])[0]
    few = [*load_articles([str(SEEDS)])[: MIN_TOPIC_ARTICLES - 2], unrelated]
    assert find_off_topic(few) == []


# --- lock problems ------------------------------------------------------------------------------


def test_lock_changes_become_problems_on_the_article_files() -> None:
    a = article("story/a.txt", STORY_A)
    diff = LockDiff(
        changes=(
            Change("a", "€40 billion: the pledge", "stated", "absent", "vanished"),
            Change("a", "x" * 200, "partial", "stated", "changed"),
        ),
        added=(AddedArticle("n", 3, ("£38 million: a fee",)),),
        removed=("gone", "broken"),
    )
    problems = lock_problems(diff, [a, article("story/n.txt", STORY_B)], "story/compare.lock.json",
                             skip={"broken"})
    assert [(p.path, p.check) for p in problems] == [
        ("story/a.txt", "lock"), ("story/a.txt", "lock"), ("story/n.txt", "lock"),
        ("story/compare.lock.json", "lock"),
    ]
    assert problems[0].message.startswith('"€40 billion: the pledge" · a: was stated -> now absent')
    assert len(problems[1].message) < 150 and "…" in problems[1].message
    assert "states 3 facts" in problems[2].message and '"£38 million: a fee"' in problems[2].message
    assert "'gone'" in problems[3].message


# --- check() as a whole ---------------------------------------------------------------------------


def test_check_raises_for_a_folder_that_is_not_there(tmp_path: Path) -> None:
    with pytest.raises(CompareError, match="no such folder"):
        check(tmp_path / "nope")


def test_check_raises_for_a_folder_without_articles(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# notes\n", encoding="utf-8")
    with pytest.raises(CompareError, match="no article files"):
        check(tmp_path)


def test_check_raises_lock_error_for_a_broken_lock(tmp_path: Path) -> None:
    shutil.copy(SEEDS / "000_e0f776ad8e8d545f.txt", tmp_path)
    (tmp_path / LOCK_FILE).write_text("[]", encoding="utf-8")
    with pytest.raises(LockError) as info:
        check(tmp_path)
    assert info.value.where == str(tmp_path / LOCK_FILE)


def test_check_result_says_what_was_checked(tmp_path: Path) -> None:
    for path in sorted(SEEDS.glob("*.txt"))[:3]:
        shutil.copy(path, tmp_path)
    result = check(tmp_path, update=True)
    assert result.ok and result.lock_written and result.matrix is not None
    assert result.lock == str(tmp_path / LOCK_FILE)
    assert [Path(f).name for f in result.files] == [p.name for p in sorted(SEEDS.glob("*.txt"))[:3]]
    again = check(tmp_path)
    assert again.ok and not again.lock_written and again.lock == result.lock
