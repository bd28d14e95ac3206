"""compare.align: claim links, two-article paragraph alignment and the
multi-way paragraph groups, on small hand-written articles."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest

import compare.align as align
import compare.facts as facts
from compare.align import align_pair, group_paragraphs
from compare.model import Article, Cell, Fact, FactKind, Pair, Source
from compare.pipeline import build_article, find_facts, load_articles, matrix

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
    facts_, linked = find_facts((a, b))
    return align_pair(linked, a, b, facts_)


# --- claim links ---------------------------------------------------------------------------


def test_links_join_a_reworded_sentence_and_not_an_unrelated_one() -> None:
    a = article("a", STORY)
    b = article("b", [
        "Police said a gas explosion ripped through an apartment block in Lindholm, a northern city, "
        "on Saturday morning.",
        UNRELATED,
    ])
    _, linked = find_facts((a, b))
    by_place = {(c.article, c.position): i for i, c in enumerate(linked.claims)}
    first = (by_place[("a", 0)], by_place[("b", 0)])
    assert linked.links.get((min(first), max(first)), 0.0) >= linked.threshold
    football = by_place[("b", 1)]
    assert all(football not in pair for pair in linked.links)


def test_links_never_join_two_sentences_of_one_article() -> None:
    a = article("a", [*STORY, STORY[0].replace("Saturday", "Sunday")])
    _, linked = find_facts((a,))
    assert linked.links == {}


def test_links_are_ordered_and_scored_in_range() -> None:
    articles = load_articles([str(REPO / "seeds")])
    _, linked = find_facts(articles)
    assert linked.links
    for (low, high), score in linked.links.items():
        assert low < high
        assert linked.claims[low].article != linked.claims[high].article
        assert facts.PARTIAL_SHARE * linked.threshold <= score <= 1.0


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
        assert 0.0 < p.score <= 1.0
    assert list(only_a) == sorted(only_a) and list(only_b) == sorted(only_b)


def test_a_paragraph_pairs_with_at_most_max_partners() -> None:
    """One paragraph whose sentences each match a different paragraph of the other article
    keeps at most MAX_PARTNERS of them."""
    a = article("a", [" ".join(STORY[1:5])])
    b = article("b", STORY[1:5])
    _, linked = find_facts((a, b))
    links = align.paragraph_links(linked, a, b)
    kept = align._select(links, align.ALIGN_SHARE * linked.threshold)
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
    groups = group_paragraphs(find_facts(arts)[1], arts)
    assert [g.members for g in groups] == [(("a", 0), ("b", 0))]


def test_groups_join_identical_paragraphs_without_facts() -> None:
    arts = (article("a", STORY), article("b", [STORY[0], UNRELATED]))
    groups = group_paragraphs(find_facts(arts)[1], arts)
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


# --- links from the wording of whole paragraphs --------------------------------------------

WORDED_A = [
    "The harbour master, who chaired the emergency committee at the town hall, kept every ferry "
    "in port until the storm had passed.",
    "Engineers found cracks in the old sea wall near the fish market and closed the promenade.",
    UNRELATED,
]
WORDED_B = [
    "Ferries stayed in port on the harbour master's orders while the emergency committee met at "
    "the town hall.",
    "The promenade by the fish market was shut after engineers discovered cracks in the sea wall.",
    "A jazz festival in the old theatre sold out within minutes, organisers said.",
]


def node(article_id: str, index: int) -> align.Node:
    return (article_id, index)


def test_text_links_pair_reworded_paragraphs_and_leave_the_unrelated_alone() -> None:
    a, b = article("a", WORDED_A), article("b", WORDED_B)
    links = align.text_links((a, b))
    assert set(links) == {(node("a", 0), node("b", 0)), (node("a", 1), node("b", 1))}
    assert all(align.TEXT_LINK <= s <= 1.0 for s in links.values())


def test_text_links_need_text_link_overlap(monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = article("a", WORDED_A), article("b", WORDED_B)
    best = max(align.paragraph_similarities((a, b)).values())
    monkeypatch.setattr(align, "TEXT_LINK", best + 0.01)
    assert align.text_links((a, b)) == {}


def test_text_links_do_not_depend_on_article_order() -> None:
    arts = (article("a", WORDED_A), article("b", WORDED_B), article("c", [WORDED_B[1], STORY[0]]))
    assert align.text_links(arts) == align.text_links(arts[::-1])
    assert align.paragraph_similarities(arts) == align.paragraph_similarities(arts[::-1])


def test_paragraph_similarities_skip_words_the_whole_story_uses() -> None:
    """A word in more paragraphs than MIN_POSTINGS (and than there are articles) names the
    story: paragraphs sharing only that word are never scored."""
    words_a = [
        ("bakers", "sold", "bread", "harbour"),
        ("sailors", "painted", "boats", "quay"),
        ("drivers", "repaired", "buses", "depot"),
        ("farmers", "harvested", "apples", "orchard"),
        ("nurses", "vaccinated", "children", "clinic"),
    ]
    words_b = [
        ("pilots", "landed", "planes", "airfield"),
        ("tailors", "stitched", "coats", "workshop"),
        ("plumbers", "fixed", "pipes", "basement"),
        ("miners", "dug", "coal", "pit"),
        ("clerks", "filed", "forms", "office"),
    ]

    def story(rows: list[tuple[str, str, str, str]]) -> list[str]:
        return [f"In Lindholm the {who} {did} the {what} near the {where}." for who, did, what, where in rows]

    a, b = article("a", story(words_a)), article("b", story(words_b))
    assert len(a.paragraphs) == len(b.paragraphs) == 5
    assert align.paragraph_similarities((a, b)) == {}
    c = article("c", story(words_a[:1]))
    found = align.paragraph_similarities((a, b, c))
    assert set(found) == {(node("a", 0), node("c", 0))}


def test_partners_keep_a_second_choice_only_for_a_split_paragraph() -> None:
    """a0's first choice b0 prefers a1: b1 is a0's second choice but a0 is not split in two, so
    the split rule drops (a0, b1); (a0, b0) stays, b0 being the whole that a1 and a0 halve."""
    scores = {
        (node("a", 1), node("b", 0)): 0.6,
        (node("a", 0), node("b", 0)): 0.5,
        (node("a", 0), node("b", 1)): 0.4,
    }

    def tie(n: align.Node) -> tuple[int]:
        return (n[1],)

    loose = align._partners(scores, 0.1, tie)
    split = align._partners(scores, 0.1, tie, split=True)
    assert set(loose) == set(scores)
    assert set(split) == {(node("a", 1), node("b", 0)), (node("a", 0), node("b", 0))}
    assert align._partners(scores, 0.55, tie, split=True) == {(node("a", 1), node("b", 0)): 0.6}


def test_a_claim_link_confirms_a_second_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pair the split rule drops (see above) is kept when a claim link confirms it."""
    scores = {
        (node("a", 1), node("b", 0)): 0.6,
        (node("a", 0), node("b", 0)): 0.5,
        (node("a", 0), node("b", 1)): 0.4,
    }
    monkeypatch.setattr(align, "paragraph_similarities", lambda articles: scores)
    arts = (article("a", WORDED_A[:2]), article("b", WORDED_B[:2]))
    second = (node("a", 0), node("b", 1))
    assert second not in align.text_links(arts)
    assert second not in align.text_links(arts, {(node("a", 1), node("b", 1))})
    assert set(align.text_links(arts, {second})) == set(scores)


def _fact(kind: FactKind) -> Fact:
    return Fact(
        "f1", kind, "Jane Doe", None, None, (("a", Cell("stated", "x", 0)), ("b", Cell("stated", "y", 1)))
    )


@pytest.mark.parametrize("kind", ["entity", "claim"])
def test_a_person_row_does_not_join_paragraphs(kind: FactKind) -> None:
    """A person row marks where a name is first given, not something two paragraphs report: it
    neither links two paragraphs of a diff nor joins them into a group."""
    a = article("a", [STORY[0], STORY[1]])
    b = article("b", [UNRELATED, WORDED_B[2]])
    nothing = facts.Linked(claims=(), links={}, threshold=0.3, duplicates={})
    links = align.paragraph_links(nothing, a, b, [_fact(kind)])
    groups = group_paragraphs(nothing, (a, b), [_fact(kind)])
    if kind == "entity":
        assert links == {} and groups == ()
    else:
        assert links[(0, 1)] >= align.FACT_LINK
        assert [g.members for g in groups] == [(("a", 0), ("b", 1))]


def test_wording_links_do_not_grow_a_pair_past_the_group_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    """Wording links chain paragraphs into one pair only up to MAX_GROUP_PER_ARTICLE a side."""
    a, b = article("a", STORY), article("b", STORY)
    nothing = facts.Linked(claims=(), links={}, threshold=0.3, duplicates={})
    steps = [(i, j) for i in range(5) for j in (i, i + 1) if j < 5]
    chain = {(node("a", i), node("b", j)): 0.9 - 0.01 * (i + j) for i, j in steps}
    monkeypatch.setattr(align, "text_links", lambda articles, confirmed=(): chain)
    pairs, _, _ = align_pair(nothing, a, b)
    assert pairs
    assert max(max(len(p.a), len(p.b)) for p in pairs) == align.MAX_GROUP_PER_ARTICLE
    monkeypatch.setattr(align, "MAX_GROUP_PER_ARTICLE", 1)
    pairs, _, _ = align_pair(nothing, a, b)
    assert [(p.a, p.b) for p in pairs] == [((i,), (i,)) for i in range(5)]


def test_wording_fills_gaps_and_repairs_only_with_a_claim_link(monkeypatch: pytest.MonkeyPatch) -> None:
    """A wording link pairs a paragraph the claims left alone; between two paragraphs the claims
    already pair elsewhere it is used only where a claim link agrees."""
    a, b = article("a", STORY), article("b", STORY)
    nothing = facts.Linked(claims=(), links={}, threshold=0.3, duplicates={})
    monkeypatch.setattr(align, "_select", lambda links, threshold: [(0, 0, 0.9), (1, 1, 0.9)])
    worded = {(node("a", 0), node("b", 1)): 0.5, (node("a", 2), node("b", 1)): 0.4}
    monkeypatch.setattr(align, "text_links", lambda articles, confirmed=(): worded)
    monkeypatch.setattr(align, "claim_paragraph_links", lambda linked, threshold: set())
    pairs, _, _ = align_pair(nothing, a, b)
    assert [(p.a, p.b) for p in pairs] == [((0,), (0,)), ((1, 2), (1,))]
    agreeing = {(node("a", 0), node("b", 1))}
    monkeypatch.setattr(align, "claim_paragraph_links", lambda linked, threshold: agreeing)
    pairs, _, _ = align_pair(nothing, a, b)
    assert [(p.a, p.b) for p in pairs] == [((0, 1, 2), (0, 1))]


def test_one_link_does_not_chain_a_paragraph_into_a_group(monkeypatch: pytest.MonkeyPatch) -> None:
    """Groups form by average linkage: a paragraph linked to one paragraph of a three-article
    group (one pair in three) stays out of it, where a chain of single links would have pulled it
    in; linked to two of the three (a majority) it joins."""
    arts = tuple(article(x, [STORY[0] if x != "d" else UNRELATED]) for x in "abcd")
    nothing = facts.Linked(claims=(), links={}, threshold=0.3, duplicates={})
    core = {
        (node("a", 0), node("b", 0)): 0.9,
        (node("a", 0), node("c", 0)): 0.8,
        (node("b", 0), node("c", 0)): 0.7,
    }
    one = {**core, (node("c", 0), node("d", 0)): 0.6}
    monkeypatch.setattr(align, "text_links", lambda articles, confirmed=(): one)
    assert [g.members for g in group_paragraphs(nothing, arts)] == [
        (node("a", 0), node("b", 0), node("c", 0))
    ]
    two = {**one, (node("b", 0), node("d", 0)): 0.5}
    monkeypatch.setattr(align, "text_links", lambda articles, confirmed=(): two)
    assert [g.members for g in group_paragraphs(nothing, arts)] == [tuple(node(x, 0) for x in "abcd")]


def test_groups_do_not_depend_on_the_order_of_equal_links(monkeypatch: pytest.MonkeyPatch) -> None:
    """Equal links in any order give the same groups: ties break by content, not by position."""
    arts = tuple(article(x, [STORY[0], STORY[1]]) for x in "abc")
    nothing = facts.Linked(claims=(), links={}, threshold=0.3, duplicates={})
    links = [
        ((x, i), (y, j)) for x, y in (("a", "b"), ("b", "c"), ("a", "c")) for i in (0, 1) for j in (0, 1)
    ]
    seen = set()
    for seed in range(5):
        shuffled = links[:]
        random.Random(seed).shuffle(shuffled)
        monkeypatch.setattr(
            align, "text_links", lambda articles, confirmed=(), s=shuffled: dict.fromkeys(s, 0.5)
        )
        seen.add(tuple(g.members for g in group_paragraphs(nothing, arts)))
    assert len(seen) == 1
