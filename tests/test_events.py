"""compare.events: article profiles, blocking and event clustering.

Quality is checked on labelled mixtures the clustering constants were not fitted on: the real
events of the repository (the seeds, the dev event, the two test events) mixed with generated
events of other generator seeds than the fit's (scripts/fit_events.py uses 100-104), and events
that all share one story template (only places, people and figures tell them apart).
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from compare import events
from compare.model import Article, Source
from compare.pipeline import build_article, load_articles
from tests.conftest import mixtures

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
REAL_EVENTS = {
    "seeds": SHARED / "seeds",
    "harbour-fire": SHARED / "gold" / "dev" / "harbour-fire",
    "bridge-collapse": REPO / "tests" / "events" / "bridge-collapse",
    "central-bank": REPO / "tests" / "events" / "central-bank",
}
QUALITY_FLOOR = 0.95  # pairwise and B-cubed F1, from the issue


def real_events_into(folder: Path) -> dict[str, str]:
    """Copy the repository's real events into `folder`; file name -> event. Fails (never skips)
    when ../shared is missing."""
    labels = {}
    for label, source in REAL_EVENTS.items():
        files = sorted(source.glob("*.txt"))
        assert files, f"missing {source}: the quality tests need ../shared and tests/events"
        for file in files:
            shutil.copy(file, folder / file.name)
            labels[file.name] = label
    return labels


def cluster_folder(folder: Path) -> dict[str, int]:
    articles = load_articles([str(folder)])
    groups = events.cluster([events.profile(a) for a in articles])
    return {Path(articles[i].path).name: k for k, group in enumerate(groups) for i in group}


def article(text: str, published: str | None = None, name: str = "a.txt") -> Article:
    source = Source(id=Path(name).stem, path=name, text=text, published=published)
    return build_article(source)


# --- profiles ---------------------------------------------------------------------------------


def test_names_are_capitalised_words_inside_sentences() -> None:
    a = article("Officials said on Monday that Anna Berg had met the mayor of Tallborg. She left.\n")
    p = events.profile(a)
    assert {"anna", "berg", "tallborg"} <= set(p.names)
    assert "officials" not in p.names  # opens the sentence
    assert "monday" not in p.names  # a calendar word, not a name
    assert "she" not in p.names


def test_title_case_lines_give_no_names() -> None:
    assert events._names("Prices Rise Again As Bank Holds Rates Steady In Vorland") == set()
    assert events._names("Prices rose again as the bank held rates steady in Vorland") == {"vorland"}


def test_figures_are_normalised() -> None:
    p = events.profile(article("The plant employs 12,000 people and twenty engineers; 3.5 percent left.\n"))
    assert {"12000", "20", "3.5"} <= set(p.figures)


def test_profile_key_ignores_the_file_name() -> None:
    text = "A storm hit the coast of Verland on Sunday, officials in Marsby said.\n"
    assert events.profile(article(text, name="x.txt")).key == events.profile(article(text, name="y.txt")).key


def test_publication_day_reads_iso_dates_and_timestamps() -> None:
    assert events.publication_ordinal("2025-03-01T10:00:00Z") == events.publication_ordinal("2025-03-01")
    assert events.publication_ordinal("March 1st") is None


def test_date_factor_is_flat_then_halves() -> None:
    day = events.publication_ordinal("2025-03-01")
    assert day is not None
    assert events.date_factor(day, day + events.DATE_GRACE_DAYS) == 1.0
    later = day + events.DATE_GRACE_DAYS + events.DATE_HALF_LIFE_DAYS
    assert events.date_factor(day, later) == pytest.approx(0.5)
    assert events.date_factor(day, None) == 1.0


# --- blocking and clustering ----------------------------------------------------------------------


def test_blocking_scores_far_fewer_pairs_than_all(tmp_path: Path) -> None:
    mixtures().write_mixture(tmp_path / "m", 60, seed=7)
    articles = load_articles([str(tmp_path / "m")])
    scorer = events.Scorer([events.profile(a) for a in articles])
    pairs = events.candidate_pairs(scorer)
    n = len(articles)
    assert len(pairs) < n * (n - 1) / 2 / 4
    assert len(pairs) <= n * events.NEIGHBOURS


def test_identical_articles_form_one_event() -> None:
    text = "Floods hit Quarvik on Friday, killing 14 people, governor Tim Sall said.\n"
    profiles = [events.profile(article(text)), events.profile(article(text))]
    assert events.cluster(profiles) == [[0, 1]]


def test_cluster_of_nothing_is_empty() -> None:
    assert events.cluster([]) == []


def test_clustering_does_not_depend_on_input_order(tmp_path: Path) -> None:
    mixtures().write_mixture(tmp_path / "m", 40, seed=8)
    profiles = [events.profile(a) for a in load_articles([str(tmp_path / "m")])]
    order = list(range(len(profiles)))
    random.Random(3).shuffle(order)
    shuffled = [profiles[i] for i in order]

    def as_sets(groups: list[list[int]], ps: list[events.Profile]) -> list[list[str]]:
        return [[ps[i].key for i in g] for g in groups]

    assert as_sets(events.cluster(profiles), profiles) == as_sets(events.cluster(shuffled), shuffled)


# --- quality on labelled mixtures ------------------------------------------------------------------


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_real_and_generated_events_are_sorted_apart(tmp_path: Path, seed: int) -> None:
    labels = mixtures().write_mixture(tmp_path, 40, seed=seed)
    labels.update(real_events_into(tmp_path))
    pred = cluster_folder(tmp_path)
    assert set(pred) == set(labels)
    assert mixtures().bcubed_f1(pred, labels) >= QUALITY_FLOOR
    assert mixtures().pairwise_f1(pred, labels) >= QUALITY_FLOOR


def test_each_real_event_is_one_event(tmp_path: Path) -> None:
    labels = real_events_into(tmp_path)
    pred = cluster_folder(tmp_path)
    assert mixtures().bcubed_f1(pred, labels) >= QUALITY_FLOOR
    assert mixtures().pairwise_f1(pred, labels) >= QUALITY_FLOOR


@pytest.mark.parametrize("template", range(8))
def test_same_template_with_other_places_names_and_figures_stays_apart(tmp_path: Path, template: int) -> None:
    labels = mixtures().write_mixture(
        tmp_path, 12, seed=20 + template, sizes=(3, 4, 5), templates=[template], apart=True
    )
    pred = cluster_folder(tmp_path)
    assert mixtures().bcubed_f1(pred, labels) >= QUALITY_FLOOR
    assert mixtures().pairwise_f1(pred, labels) >= QUALITY_FLOOR
