"""compare.align: the sentence graph, clause splitting, two-article paragraph alignment and the
multi-way paragraph groups, on small hand-written articles."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest

import compare.align as align
from compare.align import align_pair, build_graph, group_paragraphs, split_clauses
from compare.model import Article, Pair, Source
from compare.pipeline import build_article, load_articles, matrix
from compare.text import content_stems

REPO = Path(__file__).resolve().parent.parent

STORY = [
    "A gas explosion tore through an apartment block in the northern city of Lindholm on "
    "Saturday morning, police said.",
    "Thirty-seven residents were taken to the regional hospital with burns and smoke inhalation "
    "injuries.",
    "Firefighters needed four hours to bring the blaze under control after the roof of the "
    "building collapsed.",
    "The mayor, Erik Sund, said the building had passed a safety inspection only last year.",
    "Investigators from the national safety board are expected to arrive in Lindholm on Monday "
    "to examine the gas pipes.",
]
UNRELATED = (
    "The local football club won its third match in a row, beating Ostby four goals to one in "
    "front of a record crowd."
)


def article(article_id: str, paragraphs: list[str]) -> Article:
    return build_article(Source(article_id, f"{article_id}.txt", "\n\n".join(paragraphs) + "\n"))


def pair_up(a: Article, b: Article) -> tuple[tuple[Pair, ...], tuple[int, ...], tuple[int, ...]]:
    return align_pair(build_graph((a, b)), a, b)


# --- split_clauses -------------------------------------------------------------------------


def test_sentence_without_joint_is_one_clause() -> None:
    sentence = "Thirty-seven residents were taken to the regional hospital with burns."
    assert split_clauses(sentence) == [sentence]


def test_but_joins_two_clauses() -> None:
    sentence = (
        "NATO countries have declared Ukraine to be on an irreversible path to membership, but the "
        "United States and Germany have led opposition to a formal invitation."
    )
    assert split_clauses(sentence) == [
        "NATO countries have declared Ukraine to be on an irreversible path to membership",
        "the United States and Germany have led opposition to a formal invitation.",
    ]


def test_semicolon_and_dash_split_clauses() -> None:
    sentence = (
        "Rescue teams searched the collapsed building through the night; engineers inspected "
        "the neighbouring houses for cracks — officials evacuated two nearby schools as a precaution."
    )
    clauses = split_clauses(sentence)
    assert len(clauses) == 3
    assert clauses[0].startswith("Rescue teams")
    assert clauses[2].startswith("officials evacuated")


def test_short_clause_stays_with_its_neighbour() -> None:
    """A joint whose side has fewer than MIN_CLAUSE_STEMS content words is not a split."""
    sentence = "The minister resigned on Friday after the report, but refused comment."
    (clause,) = split_clauses(sentence)
    assert clause.startswith("The minister resigned on Friday after the report")
    assert clause.endswith("refused comment.")


def test_split_clauses_keeps_every_content_word() -> None:
    """Only the joint ("but", "while", a semicolon) goes; every content word stays."""
    sentence = (
        "The central bank raised its base rate to 18.75 percent on Tuesday, while analysts had "
        "expected the rate to stay unchanged until the April meeting."
    )
    clauses = split_clauses(sentence)
    assert len(clauses) == 2
    assert sorted(s for c in clauses for s in content_stems(c)) == sorted(content_stems(sentence))


# --- build_graph ---------------------------------------------------------------------------


def test_graph_has_one_unit_per_distinct_clause() -> None:
    a = article("a", STORY)
    b = article("b", STORY)
    graph = build_graph((a, b))
    assert len(graph.units) == len(a.sentences)  # the copy adds no new text
    for unit in graph.units:
        assert unit.articles == frozenset({"a", "b"})


def test_graph_maps_every_sentence_position() -> None:
    a = article("a", STORY)
    b = article("b", [*STORY[:2], UNRELATED])
    graph = build_graph((a, b))
    for art in (a, b):
        for position in range(len(art.sentences)):
            assert graph.unit_of[(art.id, position)]


def test_graph_links_a_reworded_sentence() -> None:
    a = article("a", STORY)
    b = article("b", [
        "Police said a gas explosion ripped through an apartment block in Lindholm, a northern city, "
        "on Saturday morning.",
        UNRELATED,
    ])
    graph = build_graph((a, b))
    first_a = graph.unit_of[("a", 0)][0]
    first_b = graph.unit_of[("b", 0)][0]
    assert graph.linked(first_a, first_b)
    assert graph.score(first_a, first_b) >= align.SENTENCE_LINK
    football = graph.unit_of[("b", 1)][0]
    assert all(not graph.linked(u, football) for u in range(len(graph.units)) if u != football)


def test_graph_never_links_two_sentences_of_one_article() -> None:
    a = article("a", [*STORY, STORY[0].replace("Saturday", "Sunday")])
    graph = build_graph((a,))
    assert graph.edges == {}


def test_graph_edges_are_ordered_and_scored_in_range() -> None:
    articles = load_articles([str(REPO / "seeds")])
    graph = build_graph(articles)
    assert graph.edges
    for (low, high), score in graph.edges.items():
        assert low < high
        assert align.MIN_LINK <= score <= 1.0
        assert graph.score(low, high) == graph.score(high, low) == score


# --- align_pair ----------------------------------------------------------------------------


def test_article_against_itself_aligns_every_paragraph() -> None:
    a = article("a", STORY)
    b = article("b", STORY)
    pairs, only_a, only_b = pair_up(a, b)
    assert only_a == () and only_b == ()
    assert [(p.a, p.b) for p in pairs] == [((i,), (i,)) for i in range(len(STORY))]
    assert all(p.score == 1.0 for p in pairs)


def test_seed_article_against_itself_aligns_every_paragraph() -> None:
    (a,) = load_articles([str(REPO / "seeds" / "000_e0f776ad8e8d545f.txt")])
    b = Article(**{**a.__dict__, "id": "copy"})
    pairs, only_a, only_b = pair_up(a, b)
    assert only_a == () and only_b == ()
    assert sorted(i for p in pairs for i in p.a) == list(range(len(a.paragraphs)))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_reordered_copy_still_aligns_all(seed: int) -> None:
    order = list(range(len(STORY)))
    random.Random(seed).shuffle(order)
    a = article("a", STORY)
    b = article("b", [STORY[i] for i in order])
    pairs, only_a, only_b = pair_up(a, b)
    assert only_a == () and only_b == ()
    assert sorted((p.a, p.b) for p in pairs) == sorted(((i,), (order.index(i),)) for i in range(len(STORY)))


def test_unrelated_paragraph_stays_only() -> None:
    a = article("a", STORY)
    b = article("b", [*STORY[:2], UNRELATED, *STORY[2:]])
    pairs, only_a, only_b = pair_up(a, b)
    assert only_a == ()
    assert only_b == (2,)
    assert all(2 not in p.b for p in pairs)


def test_unrelated_paragraph_on_the_a_side_stays_only() -> None:
    a = article("a", [UNRELATED, *STORY])
    b = article("b", STORY)
    _, only_a, only_b = pair_up(a, b)
    assert only_a == (0,)
    assert only_b == ()


def test_split_paragraph_pairs_with_both_halves() -> None:
    first = ("Firefighters needed four hours to bring the blaze under control after the roof "
             "collapsed.")
    second = ("Investigators from the national safety board will examine the gas pipes in "
              "Lindholm on Monday.")
    a = article("a", [STORY[0], f"{first} {second}", STORY[3]])
    b = article("b", [STORY[0], first, second, STORY[3]])
    pairs, only_a, only_b = pair_up(a, b)
    assert only_a == () and only_b == ()
    assert ((1,), (1, 2)) in [(p.a, p.b) for p in pairs]


def test_merged_paragraph_pairs_from_the_other_side() -> None:
    first = ("Firefighters needed four hours to bring the blaze under control after the roof "
             "collapsed.")
    second = ("Investigators from the national safety board will examine the gas pipes in "
              "Lindholm on Monday.")
    a = article("a", [STORY[0], first, second])
    b = article("b", [STORY[0], f"{first} {second}"])
    pairs, _, _ = pair_up(a, b)
    assert ((1, 2), (1,)) in [(p.a, p.b) for p in pairs]


def test_pairs_are_sorted_and_scores_rounded() -> None:
    a, b = load_articles([str(REPO / "seeds" / n) for n in
                          ("001_5300f62ee2d25633.txt", "003_e9b744251f762ee8.txt")])
    pairs, only_a, only_b = pair_up(a, b)
    assert [p.a[0] for p in pairs] == sorted(p.a[0] for p in pairs)
    for p in pairs:
        assert list(p.a) == sorted(p.a) and list(p.b) == sorted(p.b)
        assert p.score == round(p.score, 2)
        assert align.ALIGN_LINK <= p.score <= 1.0
    assert list(only_a) == sorted(only_a) and list(only_b) == sorted(only_b)


def test_a_paragraph_pairs_with_at_most_max_partners() -> None:
    """One paragraph whose sentences each match a different paragraph of the other article
    keeps at most MAX_PARTNERS of them."""
    a = article("a", [" ".join(STORY[1:5])])
    b = article("b", STORY[1:5])
    graph = build_graph((a, b))
    links = align.paragraph_links(graph, a, b)
    kept = align._select(links, align.ALIGN_LINK)
    assert len({pb for pa, pb, _ in kept if pa == 0}) <= align.MAX_PARTNERS


# --- group_paragraphs ----------------------------------------------------------------------


def test_groups_join_the_same_paragraph_across_articles() -> None:
    arts = (article("a", STORY), article("b", STORY[::-1]), article("c", [UNRELATED, *STORY[:2]]))
    as_sets = [set(g.members) for g in matrix(arts).groups]
    assert {("a", 0), ("b", 4), ("c", 1)} in as_sets
    assert all(("c", 0) not in s for s in as_sets)  # the football paragraph is in no group


@pytest.mark.parametrize(
    "inputs", [("seeds",), ("tests/events/bridge-collapse",), ("tests/events/central-bank",)]
)
def test_groups_are_bounded_per_article(inputs: tuple[str, ...]) -> None:
    result = matrix(load_articles([str(REPO / i) for i in inputs]))
    assert result.groups
    for group in result.groups:
        per_article = Counter(a for a, _ in group.members)
        assert max(per_article.values()) <= align.MAX_GROUP_PER_ARTICLE, group
        assert len(per_article) >= 2, group


def test_group_bound_is_the_module_constant(monkeypatch: pytest.MonkeyPatch) -> None:
    articles = load_articles([str(REPO / "seeds")])
    default = matrix(articles).groups
    assert max(max(Counter(a for a, _ in g.members).values()) for g in default) > 1
    monkeypatch.setattr(align, "MAX_GROUP_PER_ARTICLE", 1)
    bounded = matrix(articles).groups
    for group in bounded:
        assert max(Counter(a for a, _ in group.members).values()) == 1, group


def test_groups_are_disjoint_and_numbered_in_order() -> None:
    result = matrix(load_articles([str(REPO / "seeds")]))
    seen: set[tuple[str, int]] = set()
    for i, group in enumerate(result.groups):
        assert group.id == f"g{i + 1}"
        assert list(group.members) == sorted(group.members)
        assert not seen & set(group.members)
        seen |= set(group.members)
    assert [g.members for g in result.groups] == sorted(g.members for g in result.groups)


def test_groups_join_reworded_paragraphs_without_facts() -> None:
    reworded = ("Police said a gas explosion ripped through an apartment block in Lindholm, a "
                "northern city, on Saturday morning.")
    arts = (article("a", STORY), article("b", [reworded, UNRELATED]))
    groups = group_paragraphs(build_graph(arts), arts)
    assert [g.members for g in groups] == [(("a", 0), ("b", 0))]


def test_groups_join_identical_paragraphs_without_facts() -> None:
    arts = (article("a", STORY), article("b", [STORY[0], UNRELATED]))
    groups = group_paragraphs(build_graph(arts), arts)
    assert [g.members for g in groups] == [(("a", 0), ("b", 0))]


REPEATED = "The council confirmed that the ferry would resume on Tuesday."
REPEATING_STORY = [
    f"Investigators examined the collapsed bridge over the river near Velitsa. {REPEATED}",
    f"Rescue divers searched the harbour for victims through the night. {REPEATED}",
    f"Workers announced a strike over the delayed repairs budget. {REPEATED}",
    "The minister rejected the engineers report about the pipeline.",
]


def test_copy_with_a_sentence_repeated_in_three_paragraphs_aligns_all() -> None:
    a = article("a", REPEATING_STORY)
    b = article("b", REPEATING_STORY)
    pairs, only_a, only_b = pair_up(a, b)
    assert only_a == () and only_b == ()
    assert [(p.a, p.b) for p in pairs] == [((i,), (i,)) for i in range(len(REPEATING_STORY))]


def test_copy_with_a_sentence_repeated_in_two_paragraphs_pairs_everything() -> None:
    story = [*REPEATING_STORY[:2], REPEATING_STORY[3]]
    a = article("a", story)
    b = article("b", story)
    _, only_a, only_b = pair_up(a, b)
    assert only_a == () and only_b == ()
