"""Linear growth (issue 13): hostile line shapes through read, clean and segment, and the copy
check's comparisons as the folder grows.

Times are never compared with a fixed number of seconds: each shape is run at two sizes ten
times apart, and the ratio of the (best of three) times must stay far below the hundredfold of
a quadratic step. The copy check counts its sentence comparisons instead of timing them."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import Any

import pytest

from compare.check import COPY_SENTENCE_RATIO, copy_share, find_copies
from compare.clean import clean
from compare.model import Article, Source
from compare.pipeline import build_article
from compare.read import normalise_text
from compare.segment import make_paragraphs

# Each shape makes a text of about n characters. Before issue 13 the menu line took 60 ms per
# line (exponential in its items), the unclosed "(photo" and the hard-wrapped paragraph were
# quadratic.
SHAPES: dict[str, Callable[[int], str]] = {
    "dots": lambda n: "The fire spread " + "." * n + " Then it stopped.",
    "dots-no-space": lambda n: "Fire " + "." * n + "x then.",
    "dotted-words": lambda n: "Fire " + "a." * (n // 2) + " Then it stopped.",
    "double-quotes": lambda n: "He said " + '"' * n + " and left.",
    "capitals": lambda n: "The " + "A" * n + " said it.",
    "initials": lambda n: "The " + "A. " * (n // 3) + "said it.",
    "number-abbreviations": lambda n: "The " + "no. " * (n // 4) + "said it.",
    "digits": lambda n: "The fire cost " + "1" * n + " dollars.",
    "dollars": lambda n: "The fire cost " + "$1 " * (n // 3) + "dollars.",
    "open-single-quote": lambda n: "He said 'the " + "word " * (n // 5) + "and left.",
    "menu-lines": lambda n: ("a | " * 18 + ".\n") * (n // 73),
    "menu-one-line": lambda n: "a | " * (n // 4) + ".",
    "unclosed-photo": lambda n: "(photo" * (n // 6),
    "hard-wrapped": lambda n: "this is a hard wrapped line of story text that goes on\n" * (n // 55),
    "byline": lambda n: "by A" + "b" * n + ".",
    "teasers": lambda n: (
        (
            "Read more: A storm closes the ferry routes\n"
            "The ferry company said the routes would reopen when the weather improved later on.\n"
        )
        * (n // 120)
    ),
    "invisible": lambda n: "Story \u2060\U000e0041" * (n // 8) + ".",
    "mixed": lambda n: _mixed(n),
}


def _mixed(n: int) -> str:
    """The shapes above cut into pieces and shuffled (the same pieces at every size)."""
    rng = random.Random(0)
    pieces = ["'", '"', ".", "A", "1", "$1 ", "(photo", " | ", "no. ", "\n", " word", "\u2060", "by A"]
    return "".join(rng.choice(pieces) for _ in range(n // 3))


SMALL = 8_000
GROWTH = 10
# A linear step grows about 10x from SMALL to 10 x SMALL, a quadratic one 100x. 30 leaves room
# for a loaded machine and for fixed costs at the small size.
MAX_RATIO = 30.0


def _pipeline(text: str) -> None:
    cleaned = clean(normalise_text(text))
    make_paragraphs(list(cleaned.paragraphs))


def _best_time(text: str, repeats: int = 3, run: Callable[[str], object] | None = None) -> float:
    """CPU time of this process (other processes on a loaded machine do not count), best of a few,
    of `run` (clean and segment unless given) on the text."""
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        (run or _pipeline)(text)
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_clean_and_segment_grow_linearly(shape: str) -> None:
    make = SHAPES[shape]
    small, large = make(SMALL), make(SMALL * GROWTH)
    _pipeline(small)  # warm caches and imports
    ratio = _best_time(large) / max(_best_time(small), 1e-4)
    assert ratio < MAX_RATIO, f"{shape}: time grew {ratio:.0f}x for {GROWTH}x the text"


# --- the page's attribution (byline, credits, dates, outlet) ---------------------------------------

# A header line above a story: the attribution reads every such line (byline, date stamp, contact,
# masthead forms). The long word was quadratic in attribution's contact pattern (a 100 kB word took
# a minute): "a" * n, "2025年" * n, "1-2-" * n, "a." * n.
_STORY_BELOW = (
    "\n\nThe ferry company said the routes would reopen when the weather improved later on.\n\n"
    "A second paragraph of story says more about what happened at the harbour today.\n"
)
HEADER_SHAPES: dict[str, Callable[[int], str]] = {
    "long-word": lambda n: "a" * n,
    "cjk-years": lambda n: "2025年" * (n // 5),
    "dashed-numbers": lambda n: "1-2-" * (n // 4),
    "slashed-numbers": lambda n: "1/2/" * (n // 4),
    "dotted-word-after-name": lambda n: "Jane Doe " + "a." * (n // 2),
    "accented-capitals": lambda n: "Ã" * n,
    "no-punctuation": lambda n: "word " * (n // 5),
    "bylines-in-a-line": lambda n: "By Jane Doe, " * (n // 13),
    "dates-in-a-line": lambda n: "29 November 2026 " * (n // 17),
    "byline-lines": lambda n: "By Jane Doe\n" * (n // 12),
    "date-lines": lambda n: "Published 29 November 2026\n" * (n // 27),
    "commas": lambda n: "," * n,
    "dashes": lambda n: "." + "—" * n + "x",
    "agency-brackets": lambda n: "(AP" * (n // 3),
    "byline-then-spaces": lambda n: "By Jane Doe" + " " * n + "x updated",
}


def _build_page(text: str) -> None:
    page = normalise_text("Ferry timetable\n\n" + text + _STORY_BELOW)
    build_article(Source(id="a1", path="a1.txt", text=page))


@pytest.mark.parametrize("shape", sorted(HEADER_SHAPES))
def test_attribution_grows_linearly_on_hostile_header_lines(shape: str) -> None:
    make = HEADER_SHAPES[shape]
    small = 2_000
    _build_page(make(small))  # warm caches and imports
    large_seconds = _best_time(make(small * GROWTH), run=_build_page)
    ratio = large_seconds / max(_best_time(make(small), run=_build_page), 1e-3)
    assert ratio < MAX_RATIO, f"{shape}: time grew {ratio:.0f}x for {GROWTH}x the text"


# --- the copy check ------------------------------------------------------------------------------


def _made_up_word(rng: random.Random) -> str:
    return "".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(3))


VOCABULARY = sorted({_made_up_word(random.Random(i)) for i in range(3000)})


def _article(n: int, sentences: list[str]) -> Article:
    text = "\n\n".join(" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3))
    return build_article(Source(id=f"a{n:04d}", path=f"a{n:04d}.txt", text=text))


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(VOCABULARY) for _ in range(rng.randint(12, 20))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def _folder(n: int, seed: int = 0) -> list[Article]:
    """n articles of eight made-up sentences each: no two share a sentence."""
    rng = random.Random(seed)
    return [_article(i, [_sentence(rng) for _ in range(8)]) for i in range(n)]


@pytest.fixture
def comparisons(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many sentence pairs the copy check scores (rapidfuzz calls counted by their choices)."""
    import compare.copies as copies

    counted: list[int] = []
    real = copies.process.extract

    def counting(query: str, choices: list[str], **kwargs: Any) -> Any:
        counted.append(len(choices))
        return real(query, choices, **kwargs)

    monkeypatch.setattr(copies.process, "extract", counting)
    return counted


def test_copy_check_comparisons_grow_linearly(comparisons: list[int]) -> None:
    find_copies(_folder(40))
    small = sum(comparisons)
    comparisons.clear()
    find_copies(_folder(160))
    large = sum(comparisons)
    assert large <= 4 * 2 * max(small, 40), (small, large)


def test_copy_check_still_finds_a_lightly_edited_copy() -> None:
    rng = random.Random(5)
    originals = [[_sentence(rng) for _ in range(8)] for _ in range(30)]
    edited = []
    for sentence in originals[7]:
        words = sentence.split()
        words[len(words) // 2] = "changed"  # one word changed in every sentence
        edited.append(" ".join(words))
    folder = [_article(i, s) for i, s in enumerate(originals)] + [_article(99, edited)]
    problems = find_copies(folder)
    assert [(p.path, p.message.split(":")[0]) for p in problems] == [
        ("a0099.txt", "wire copy of a0007.txt, lightly edited")
    ]
    share, found, total = copy_share(folder[7], folder[-1], ratio=COPY_SENTENCE_RATIO)
    assert (found, total) == (8, 8)
    assert share == 1.0


def test_identical_files_are_grouped(comparisons: list[int]) -> None:
    rng = random.Random(9)
    sentences = [_sentence(rng) for _ in range(8)]
    folder = [_article(i, sentences) for i in range(50)]
    problems = find_copies(folder)
    assert len(problems) == 49
    expected = "exact copy of a0000.txt: 8 of its 8 sentences (100% of the text)"
    assert all(expected in p.message for p in problems)
    assert sum(comparisons) == 0  # one of them is indexed; the rest are known copies


def test_a_menu_line_costs_about_the_same_per_item() -> None:
    """One line, more items: before issue 13 each further " | " item doubled the time the
    menu-separator rule took to fail (a line of 19 items ending in a full stop: 60 ms)."""
    from compare.clean import classify

    def cost(items: int) -> float:
        line = "a | " * items + "."
        start = time.process_time()
        for _ in range(200):
            classify(line)
        return time.process_time() - start

    cost(10)
    ratio = min(cost(19) for _ in range(3)) / max(min(cost(10) for _ in range(3)), 1e-4)
    assert ratio < 5, f"19 items cost {ratio:.0f}x 10 items"


def _bio_closing(pronoun_sentences: int) -> str:
    """A story whose last line reads as the writer's bio up to a tail that is none: pronoun
    sentences without full stops, then a question mark."""
    tail = " she aa" * pronoun_sentences + " ?"
    return STORY_LINES + "Jane Doe is a politics reporter for the Valley Ledger." + tail + "\n"


STORY_LINES = (
    "The ferry company said the routes would reopen when the weather improved later on.\n\n"
    "A second paragraph of story says more about what happened at the harbour today.\n\n"
)


def test_a_bio_tail_that_fails_costs_as_much_as_its_length() -> None:
    """The bio's tail pattern once tried every split of its pronoun sentences before failing:
    10 more of them multiplied the time by about a thousand (22 took 3 s)."""
    _pipeline(_bio_closing(10))
    ratio = _best_time(_bio_closing(20)) / max(_best_time(_bio_closing(10)), 1e-3)
    assert ratio < MAX_RATIO, f"time grew {ratio:.0f}x for twice the tail"


def test_a_pages_linked_data_is_read_in_linear_time() -> None:
    """JSON-LD scripts that never close (a hostile page): the pattern that took a script's text
    up to its closing tag rescanned the rest of the page from each opening."""
    from compare.read import linked_data_authors

    def unclosed(n: int) -> str:
        return '<script type="application/ld+json">{' * n

    def seconds(n: int) -> float:
        return _best_time(unclosed(n), run=linked_data_authors)

    ratio = seconds(5_000) / max(seconds(500), 1e-3)
    assert ratio < MAX_RATIO, f"time grew {ratio:.0f}x for {GROWTH}x the page"
