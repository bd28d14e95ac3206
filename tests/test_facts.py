"""compare.facts through compare.pipeline.matrix: tiny hand-written articles in a temporary
folder, and the fact rows and cells they must give."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import compare.facts as facts_module
from compare.model import Fact, MatrixResult
from compare.pipeline import load_articles, matrix
from tests.test_claims import claims_of

BLAST = {
    "a": (
        "A gas explosion tore through an apartment block in the northern city of Lindholm on "
        "Saturday morning.\n\n"
        "Police said 37 people were injured in the blast and taken to the regional hospital.\n\n"
        "The mayor said the building had been inspected last year and found safe.\n"
    ),
    "b": (
        "An explosion caused by a gas leak destroyed an apartment building in Lindholm on "
        "Saturday.\n\n"
        "Officials said 41 people were injured in the blast and taken to hospital.\n\n"
        "A local bakery owner, Greta Holm, said she heard the bang from three streets away.\n"
    ),
}

LOAN = {
    "a": (
        "European leaders agreed on Thursday to lend Ukraine €40bn over the coming year, "
        "officials in Brussels said.\n\n"
        "The package will be paid in monthly instalments starting in January, according to the "
        "finance ministers.\n"
    ),
    "b": (
        "The European Union will lend Ukraine 40 billion euros over the next year, officials said "
        "in Brussels on Thursday.\n\n"
        "Finance ministers said the money would arrive in monthly payments from January.\n"
    ),
    "c": (
        "Brussels officials said EU leaders had approved a loan of EUR 40,000,000,000 to Ukraine "
        "for the coming year.\n\n"
        "The first instalment is expected in January, ministers said.\n"
    ),
}

BLAST_AND_LOAN = {
    "blast_a": BLAST["a"],
    "blast_b": BLAST["b"],
    "loan_a": LOAN["a"],
    "loan_b": LOAN["b"],
    "loan_c": LOAN["c"],
}


def run(tmp_path: Path, texts: dict[str, str]) -> MatrixResult:
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    return matrix(load_articles([str(tmp_path)]))


def statuses(fact: Fact) -> dict[str, str]:
    return {aid: cell.status for aid, cell in fact.coverage}


def facts_with_evidence(result: MatrixResult, words: str) -> list[Fact]:
    """Facts with a non-absent cell whose evidence contains these words."""
    return [f for f in result.facts if any(c.evidence and words in c.evidence for _, c in f.coverage)]


# --- values --------------------------------------------------------------------------------


def test_one_money_amount_written_three_ways_is_one_row(tmp_path: Path) -> None:
    result = run(tmp_path, LOAN)
    money = [f for f in result.facts if f.kind == "money"]
    assert len(money) == 1
    (fact,) = money
    assert fact.value == {"currency": "EUR", "amount": 40_000_000_000}
    assert statuses(fact) == {"a": "stated", "b": "stated", "c": "stated"}
    assert "€40bn" in fact.cell("a").evidence
    assert "40 billion euros" in fact.cell("b").evidence
    assert "EUR 40,000,000,000" in fact.cell("c").evidence


def test_money_row_comes_first_and_its_label_shows_the_amount(tmp_path: Path) -> None:
    result = run(tmp_path, LOAN)
    first = result.facts[0]
    assert first.kind == "money"
    assert re.fullmatch(r"f[0-9a-f]{4,}", first.id)
    assert first.label.startswith("€40 billion")


def test_different_counts_of_the_same_thing_are_one_row_in_conflict(tmp_path: Path) -> None:
    result = run(tmp_path, BLAST)
    conflicted = [f for f in result.facts if any(c.status == "conflict" for _, c in f.coverage)]
    assert len(conflicted) == 1
    (fact,) = conflicted
    assert fact.kind == "quantity"
    assert fact.value == {"count": 37, "unit": "people"}
    assert statuses(fact) == {"a": "stated", "b": "conflict"}
    assert "41 people" in fact.cell("b").evidence
    assert fact.cell("b").paragraph == 1
    # the other figure is not a row of its own
    assert not [f for f in result.facts if f.kind == "quantity" and (f.value or {}).get("count") == 41]


def test_neighbouring_whole_counts_conflict(tmp_path: Path) -> None:
    """14 and 15 are two figures: their rounding intervals (13.5-14.5, 14.5-15.5) only touch."""
    texts = {
        "a": "The 58-year-old governor has vetoed 14 bills this year, his office said.\n",
        "b": "The governor, 58, has now vetoed 15 bills this year, according to his office.\n",
    }
    result = run(tmp_path, texts)
    (bills,) = [f for f in result.facts if f.kind == "quantity" and (f.value or {}).get("unit") == "bill"]
    assert sorted(statuses(bills).values()) == ["conflict", "stated"]


@pytest.mark.parametrize(("inside", "status"), [("seven bills", "stated"), ("14 bills", "conflict")])
def test_a_range_of_counts_agrees_with_a_count_inside_it(tmp_path: Path, inside: str, status: str) -> None:
    """"Between five and eight bills" and "seven bills" are one figure, not a conflict of eight
    against seven; a count outside the range contradicts it."""
    texts = {
        "a": "The governor has vetoed between five and eight bills this year, his office said.\n",
        "b": f"The governor has now vetoed {inside} this year, according to his office.\n",
    }
    result = run(tmp_path, texts)
    (bills,) = [f for f in result.facts if f.kind == "quantity" and (f.value or {}).get("unit") == "bill"]
    assert sorted(statuses(bills).values()) == sorted(["stated", status])


def test_a_count_of_the_injured_is_a_count_of_people(tmp_path: Path) -> None:
    """"23 injured" and "23 people were injured" are one figure; "25 injured" contradicts it."""
    texts = {
        "a": "A tram derailed in the centre of Varnby on Friday, leaving 23 injured, the city said.\n",
        "b": "Officials said 23 people were injured when a tram derailed in Varnby on Friday.\n",
        "c": "A tram came off the rails in Varnby on Friday and 25 injured were taken to hospital.\n",
    }
    result = run(tmp_path, texts)
    (injured,) = [f for f in result.facts if f.kind == "quantity" and f.cell("a").status != "absent"]
    assert statuses(injured) == {"a": "stated", "b": "stated", "c": "conflict"}


def test_the_day_of_an_event_is_one_row_however_outlets_name_it(tmp_path: Path) -> None:
    """"On Tuesday" in a paper dated that Tuesday and "yesterday" in one dated the next day are
    the same day: one date row stated by both, its evidence the sentence that names it."""
    texts = {
        "a": "---\npublished: 2026-06-09\n---\nDock workers at the port of Harwick walked out on "
        "Tuesday over a pay offer they called an insult.\n",
        "b": "---\npublished: 2026-06-10\n---\nHarwick's dockers downed tools yesterday in a row over pay, "
        "stopping all container traffic.\n",
    }
    result = run(tmp_path, texts)
    (day,) = [f for f in result.facts if f.kind == "date"]
    assert (day.value or {}).get("date") == "2026-06-09"
    assert statuses(day) == {"a": "stated", "b": "stated"}
    assert "yesterday" in (day.cell("b").evidence or "")


def test_intervals_meet_half_open_at_rounding_edges() -> None:
    from compare.link import intervals_meet

    assert not intervals_meet((13.5, 14.5), (14.5, 15.5))
    assert intervals_meet((1.35e9, 1.45e9), (1.3745e9, 1.3755e9))
    assert intervals_meet((7.0, 7.0), (7.0, 7.0))  # a point (a date) meets itself
    assert intervals_meet((12.0, float("inf")), (11.5, 12.5))  # "at least 12" and "12"
    assert intervals_meet((12.0, float("inf")), (15.5, 16.5))  # "at least 12" and "16"
    assert intervals_meet((4.0, float("inf")), (6.0, float("inf")))  # floors widen, and agree
    assert not intervals_meet((6.0, float("inf")), (299_999.5, 300_000.5))  # beyond FLOOR_REACH


def test_floors_of_other_counts_agree(tmp_path: Path) -> None:
    """"More than 300 homes" and "more than 340 homes" can both be true: one figure, no conflict."""
    texts = {
        "a": "More than 300 homes were destroyed when the wildfire swept through the valley on Monday.\n",
        "b": "More than 340 homes were destroyed as the wildfire swept through the valley on Monday.\n",
    }
    result = run(tmp_path, texts)
    homes = [f for f in result.facts if f.kind == "quantity"]
    assert all("conflict" not in statuses(f).values() for f in homes)


def test_two_tolls_given_as_floors_conflict(tmp_path: Path) -> None:
    """"At least three" and "at least five" dead are two counts so far: an editor must see both."""
    texts = {
        "a": "At least three people were killed when the storm hit the coast on Monday, officials said.\n",
        "b": "At least five people were killed when the storm struck the coast on Monday, officials said.\n",
    }
    result = run(tmp_path, texts)
    (toll,) = [f for f in result.facts if f.kind == "quantity"]
    assert sorted(statuses(toll).values()) == ["conflict", "stated"]


def test_vague_count_is_a_partial_cell(tmp_path: Path) -> None:
    texts = dict(BLAST)
    texts["b"] = texts["b"].replace("41 people", "dozens of people")
    result = run(tmp_path, texts)
    (fact,) = [f for f in result.facts if f.kind == "quantity" and (f.value or {}).get("count") == 37]
    assert statuses(fact) == {"a": "stated", "b": "partial"}
    assert "dozens of people" in fact.cell("b").evidence


def test_same_count_in_two_articles_is_stated_in_both(tmp_path: Path) -> None:
    texts = dict(BLAST)
    texts["b"] = texts["b"].replace("41 people", "37 people")
    result = run(tmp_path, texts)
    (fact,) = [f for f in result.facts if f.kind == "quantity" and (f.value or {}).get("count") == 37]
    assert statuses(fact) == {"a": "stated", "b": "stated"}
    assert not [f for f in result.facts if any(c.status == "conflict" for _, c in f.coverage)]


# --- statements ----------------------------------------------------------------------------


def test_paraphrased_claim_is_one_row(tmp_path: Path) -> None:
    result = run(tmp_path, LOAN)
    rows = facts_with_evidence(result, "monthly")
    assert len(rows) == 1
    (fact,) = rows
    assert fact.cell("a").status == "stated"
    assert fact.cell("b").status == "stated"
    assert "monthly instalments" in fact.cell("a").evidence
    assert "monthly payments" in fact.cell("b").evidence


def test_exclusive_sentence_is_a_row_in_one_article(tmp_path: Path) -> None:
    result = run(tmp_path, BLAST)
    rows = facts_with_evidence(result, "bakery owner")
    assert rows
    for fact in rows:
        assert fact.present == ("b",)
        assert fact.cell("a").status == "absent"
        assert fact.cell("a").evidence is None and fact.cell("a").paragraph is None
    mayor = facts_with_evidence(result, "The mayor said")
    assert mayor and all(f.present == ("a",) for f in mayor)


def test_exclusives_come_after_shared_facts(tmp_path: Path) -> None:
    result = run(tmp_path, BLAST)
    counts = [len(f.present) for f in result.facts]
    assert counts == sorted(counts, reverse=True)
    assert len({f.id for f in result.facts}) == len(result.facts)


def test_every_article_has_a_cell_in_every_fact(tmp_path: Path) -> None:
    result = run(tmp_path, LOAN)
    for fact in result.facts:
        assert [aid for aid, _ in fact.coverage] == ["a", "b", "c"]


# --- quotes --------------------------------------------------------------------------------


def test_quote_with_said_gets_its_speaker(tmp_path: Path) -> None:
    result = run(
        tmp_path,
        {
            "a": (
                "NATO defence ministers met in Brussels on Thursday to discuss support for Ukraine over "
                "the winter.\n\n"
                '"The alliance will keep sending air defence systems for as long as it takes," Mark '
                "Rutte said.\n"
            )
        },
    )
    quotes = [f for f in result.facts if f.kind == "quote"]
    assert len(quotes) == 1
    assert quotes[0].speaker == "Mark Rutte"
    assert quotes[0].cell("a").paragraph == 1


def test_name_spelled_two_ways_is_one_speaker(tmp_path: Path) -> None:
    result = run(
        tmp_path,
        {
            "a": (
                "Ukrainian President Volodymyr Zelensky met European defence ministers in Brussels on "
                "Thursday to present his plan.\n\n"
                '"We need long-range weapons and a clear invitation to the alliance," Zelensky said.\n\n'
                "The ministers promised to study the proposal before their next meeting in December.\n"
            ),
            "b": (
                "Volodymyr Zelenskyy travelled to Brussels on Thursday to show European defence "
                "ministers his plan.\n\n"
                '"Without an invitation to the alliance and long-range missiles we cannot win," '
                "Zelenskyy said.\n\n"
                '"Our soldiers are exhausted after a long winter of fighting on the front," Zelenskyy '
                "told reporters.\n"
            ),
        },
    )
    quotes = [f for f in result.facts if f.kind == "quote"]
    assert {aid for f in quotes for aid in f.present} == {"a", "b"}
    speakers = {f.speaker for f in quotes}
    assert len(speakers) == 1
    (speaker,) = speakers
    assert speaker is not None and speaker.startswith("Volodymyr Zelensk")


# --- figures: precision and slots ------------------------------------------------------------


def test_a_rounded_figure_is_the_same_figure_not_a_conflict(tmp_path: Path) -> None:
    """'$1.4 billion' covers 1.35-1.45 billion: '$1.375 billion' is the same amount, rounded."""
    result = run(
        tmp_path,
        {
            "a": "The city council approved a stadium budget of $1.4 billion on Tuesday after a debate.\n",
            "b": "On Tuesday the city council approved a budget of $1.375 billion for the new stadium.\n",
        },
    )
    assert not [f for f in result.facts if any(c.status == "conflict" for _, c in f.coverage)]
    money = [f for f in result.facts if f.kind == "money"]
    assert len(money) == 1
    assert statuses(money[0]) == {"a": "stated", "b": "stated"}


def test_two_figures_for_different_things_are_no_conflict(tmp_path: Path) -> None:
    """'18% demanded' and '9% offered' measure different things: no contradicted row."""
    result = run(
        tmp_path,
        {
            "a": "The nurses' union demanded a pay rise of 18% over two years at the talks in Leeds.\n",
            "b": "Hospital managers offered the nurses a 9% rise over two years, which the union refused.\n",
        },
    )
    assert not [f for f in result.facts if any(c.status == "conflict" for _, c in f.coverage)]


def test_value_range_follows_the_stated_precision() -> None:
    """The extractor's reading of a figure's precision is the interval facts compare."""
    from compare.extract import find_money, find_quantities
    from compare.facts import value_range

    ((_, _, rounded),) = find_money("The budget is $1.4 billion.")
    low, high = value_range(rounded)
    assert low == pytest.approx(1.35e9) and high == pytest.approx(1.45e9)
    (exact,) = [m for _, _, m in find_quantities("Officials counted 1,375 people.", [])]
    assert value_range(exact) == pytest.approx((1374.5, 1375.5))
    ((_, _, about),) = find_money("It cost about $50 million.")
    assert value_range(about) == pytest.approx((44.5e6, 55.5e6))  # half a million, then 10 %


# --- duplicates, evidence, order -------------------------------------------------------------


def test_a_sentence_told_twice_in_one_article_is_one_row(tmp_path: Path) -> None:
    repeated = "The harbour authority closed the northern pier after the storm damaged three cranes."
    result = run(
        tmp_path,
        {
            "a": f"{repeated}\n\nDivers inspected the sea wall on Sunday morning.\n\n{repeated}\n",
            "b": "Engineers said the railway bridge over the estuary would reopen next month.\n",
        },
    )
    rows = facts_with_evidence(result, "northern pier")
    assert len(rows) == 1
    assert rows[0].cell("a").paragraph == 0


def test_evidence_is_capped_for_a_runaway_sentence(tmp_path: Path) -> None:
    long_sentence = (
        "The inspectors listed " + ", ".join(f"fault number {i} in block {i}" for i in range(400)) + "."
    )
    result = run(tmp_path, {"a": long_sentence + "\n", "b": "The school reopened on Monday after repairs.\n"})
    for fact in result.facts:
        for _, cell in fact.coverage:
            assert cell.evidence is None or len(cell.evidence) <= facts_module.MAX_EVIDENCE


def _by_text(
    result: MatrixResult, text_of: dict[str, str]
) -> list[tuple[str, tuple[tuple[str, str, str | None], ...]]]:
    return sorted(
        (f.kind, tuple(sorted((text_of[aid], c.status, c.evidence) for aid, c in f.coverage)))
        for f in result.facts
    )


@settings(max_examples=8, deadline=None)
@given(
    st.permutations(list(BLAST_AND_LOAN)),
    st.lists(st.text("xyz", min_size=1, max_size=4), min_size=5, max_size=5, unique=True),
)
def test_facts_do_not_depend_on_file_order_or_names(order: list[str], names: list[str]) -> None:
    """Any permutation and renaming of the files gives the same facts with the same cells."""
    import tempfile

    reference: list[object] = []
    for mapping in ({k: k for k in BLAST_AND_LOAN}, dict(zip(order, names, strict=True))):
        with tempfile.TemporaryDirectory() as tmp:
            for original, new in mapping.items():
                (Path(tmp) / f"{new}.txt").write_text(BLAST_AND_LOAN[original], encoding="utf-8")
            result = matrix(load_articles([tmp]))
        text_of = {new: original for original, new in mapping.items()}
        reference.append(_by_text(result, text_of))
    assert reference[0] == reference[1]


def test_fact_ids_come_from_content_not_from_row_order(tmp_path: Path) -> None:
    """The same claims give the same id in the matrix and in a diff of two of its articles."""
    result = run(tmp_path, LOAN)
    money = next(f for f in result.facts if f.kind == "money")
    assert re.fullmatch(r"f[0-9a-f]{4,}", money.id)
    (tmp_path / "again").mkdir()
    again = run(tmp_path / "again", {f"copy_{name}": text for name, text in LOAN.items()})
    assert sorted(f.id for f in again.facts) == sorted(f.id for f in result.facts)  # names do not count
    from compare.pipeline import diff

    a, b, _ = load_articles([str(tmp_path / f"{n}.txt") for n in "abc"])
    in_diff = next(f for f in diff(a, b).facts if f.kind == "money")
    assert in_diff.id == money.id  # the €40bn figure has one id whichever articles are compared


def test_fact_ids_are_unique_even_when_hashes_meet() -> None:
    from compare.facts import fact_ids

    ids = fact_ids(["same", "same", "other"])
    assert len(set(ids)) == 3 and ids[0] != ids[1]


def test_the_fact_threshold_is_what_the_fitting_script_gives() -> None:
    """compare/fact_link.json is generated by scripts/fit_facts.py (lexical part re-run here)."""
    import importlib.util
    import json
    import sys

    path = Path(__file__).resolve().parent.parent / "scripts" / "fit_facts.py"
    spec = importlib.util.spec_from_file_location("fit_facts", path)
    assert spec is not None and spec.loader is not None
    fit = importlib.util.module_from_spec(spec)
    sys.modules["fit_facts"] = fit
    spec.loader.exec_module(fit)
    from compare.link import LinkScorer

    scorer = LinkScorer()
    pairs = [p for name, gold, folder in fit.EVENTS for p in fit.event_pairs(name, gold, folder, scorer)]
    shipped = json.loads(facts_module.FACT_LINK_FILE.read_text(encoding="utf-8"))
    assert fit.best_threshold(pairs) == shipped["threshold"] == facts_module.fact_threshold()


def test_a_person_one_article_names_in_a_sentence_already_shown_is_no_row(tmp_path: Path) -> None:
    """A one-outlet person row would repeat a sentence another row shows; a person named by two
    outlets stays a row (who is in whose story)."""
    quote = (
        '"The alliance will keep sending air defence systems for as long as it takes," Mark Rutte '
        "said on Thursday.\n"
    )
    one = run(tmp_path, {"a": quote})
    assert not [f for f in one.facts if f.kind == "entity"]
    assert [f.speaker for f in one.facts if f.kind == "quote"] == ["Mark Rutte"]
    (tmp_path / "two").mkdir()
    two = run(
        tmp_path / "two", {"a": quote, "b": "Mark Rutte met the ministers of the alliance in Brussels.\n"}
    )
    assert [f.label for f in two.facts if f.kind == "entity"] == ["Mark Rutte (named)"]


def test_figures_of_one_exclusive_sentence_are_one_row(tmp_path: Path) -> None:
    """One outlet's sentence with two figures is one row (money first); figures several outlets
    give in the same sentences stay a row each ("killed" and "injured" are two facts)."""
    texts = {
        "a": (
            "Nine people were killed and 23 injured when the bridge collapsed on Tuesday.\n\n"
            "A family with a €250,000 mortgage will pay €520 more a month under the new rate.\n"
        ),
        "b": "Nine people were killed and 23 injured when the old bridge collapsed in the evening.\n",
    }
    result = run(tmp_path, texts)
    mortgage = facts_with_evidence(result, "mortgage")
    assert [f.kind for f in mortgage] == ["money"]
    assert mortgage[0].value == {"currency": "EUR", "amount": 250000}  # the first figure told
    shared = facts_with_evidence(result, "23 injured")
    assert {f.kind for f in shared} >= {"quantity"} and len([f for f in shared if f.kind == "quantity"]) == 2


def test_an_exclusive_clause_beside_a_shared_figure_gets_the_label() -> None:
    """When a sentence's figure is on a shared row, the sentence's own row shows the clause only
    this article has (no figure), not the figure's clause again; otherwise the figure's clause."""
    from compare.facts import Row, _one_row_per_lone_sentence
    from tests.test_claims import claims_of

    claims = claims_of(
        "The council unveiled a five-part plan for the harbour on Monday -- prompting a warning "
        "from the fishermen's union that the quays would close for a whole season.\n"
    )
    figure, warning = claims
    assert figure.values and not warning.values
    lone = [Row("claim", {"a": 0}), Row("claim", {"a": 1})]
    shown = frozenset({("a", figure.position)})
    (kept,) = _one_row_per_lone_sentence(lone, claims, shown)
    assert kept.members == {"a": 1}
    (kept,) = _one_row_per_lone_sentence(lone, claims)
    assert kept.members == {"a": 0}  # no shared row shows the figure: the figure's clause


def test_the_clause_only_one_article_has_is_a_row_labelled_by_it(tmp_path: Path) -> None:
    """A sentence whose figure another outlet also gives, and whose other clause only this
    outlet has: that clause is an exclusive row, labelled by what it says."""
    texts = {
        "a": (
            "The council unveiled a five-part plan for the harbour on Monday -- prompting a warning "
            "from the fishermen's union that the quays would close for a whole season.\n"
        ),
        "b": "On Monday the council presented its five-part plan for the town's harbour.\n",
    }
    result = run(tmp_path, texts)
    only_a = [f for f in result.facts if [a for a, c in f.coverage if c.status != "absent"] == ["a"]]
    assert any("warning" in f.label for f in only_a), [f.label for f in result.facts]


def test_a_quoted_question_is_no_row(tmp_path: Path) -> None:
    """'"...," she was asked.' quotes the question, not a statement: no row reports it as a fact;
    the answer is one."""
    texts = {
        "a": (
            '"The council promised new quays for the harbour by the spring," the mayor was asked.\n\n'
            '"We will build them before the summer season opens," the mayor replied.\n'
        ),
    }
    result = run(tmp_path, texts)
    assert not facts_with_evidence(result, "was asked")
    assert facts_with_evidence(result, "before the summer season")
    # a fact about someone who was asked to do something is still a fact
    from tests.test_claims import claims_of

    (asked_to_resign,) = claims_of("The harbour master was asked to resign after the quay collapsed again.\n")
    assert facts_module._checkable(asked_to_resign)


def test_two_clauses_joined_to_the_same_sentences_are_one_row() -> None:
    """Two rows whose cells are the very same sentences (two clauses of one sentence, each joined
    to the same sentence of another outlet) read as one row; the row whose clauses agree best is
    kept (its label is what the outlets share), else the heavier one."""
    from compare.facts import Linked, Row, _one_row_per_evidence
    from tests.test_claims import claims_of

    first = claims_of(
        "Officials said the quays would reopen in March, and that repairs would cost the port "
        "twelve million euros over two years.\n"
    )
    other = claims_of("The port's repairs will take two years and the quays reopen in March.\n", "b")
    claims = (*first, *other)
    assert len(first) == 2 and {c.article for c in first} == {"a"}
    b = len(first)
    light = Row("claim", {"a": 0, "b": b})
    heavy = Row("claim", {"a": 1, "b": b})
    alone = Row("claim", {"a": 1})
    unscored = Linked(claims, {}, 0.25, {})
    assert _one_row_per_evidence([light, heavy, alone], unscored) == [heavy, alone]
    agreeing = Linked(claims, {(0, b): 0.6, (1, b): 0.3}, 0.25, {})
    assert _one_row_per_evidence([light, heavy, alone], agreeing) == [light, alone]


def test_a_short_quote_is_checkable_wherever_its_speaker_is_named(tmp_path: Path) -> None:
    """'"I will not resign."' after a sentence naming the speaker and '"I will not resign," Ms.
    Lee said.' are one quote told by both outlets, not an exclusive of the second."""
    texts = {
        "a": (
            '"This is a witch hunt," Mayor Olga Lindqvist told reporters outside the town hall. '
            '"I will not resign."\n'
        ),
        "b": '"I will not resign," Ms. Lindqvist said after the council vote.\n',
    }
    result = run(tmp_path, texts)
    resign = [f for f in facts_with_evidence(result, "resign") if f.kind != "entity"]
    assert [statuses(f) for f in resign] == [{"a": "stated", "b": "stated"}], [f.label for f in resign]


def test_a_link_a_shared_figure_already_shows_comes_after_the_others() -> None:
    """Two sentences one figure row joins are joined as a statement only after every other link:
    a clause that mentions the figure in passing may say something else that another outlet
    also says, and that statement must not lose its partner to the figure's other tellings."""
    from compare.facts import Linked, _statement_rows
    from compare.link import LinkScorer
    from tests.test_claims import claims_of

    a = claims_of("Another step of the three-stage budget is closing the old ferry pier.\n", "a")
    b = claims_of("The budget has three stages and was shown to the council on Wednesday.\n", "b")
    c = claims_of("The budget asks the port to close the old ferry pier for good.\n", "c")
    claims = (*a, *b, *c)
    assert [len(x) for x in (a, b, c)] == [1, 1, 1]
    links = {(0, 1): 0.32, (0, 2): 0.31, (1, 2): 0.01}  # the figure's link is a little stronger
    linked = Linked(claims, links, 0.25, {})
    entity_index = facts_module.build_entity_index([])
    figure = {("a", a[0].position): frozenset({0}), ("b", b[0].position): frozenset({0})}
    rows = _statement_rows(linked, frozenset({0, 1, 2}), LinkScorer(), {}, entity_index, figure_rows=figure)
    shared = [r.members for r in rows if len(r.members) > 1]
    assert shared == [{"a": 0, "c": 2}]
    rows = _statement_rows(linked, frozenset({0, 1, 2}), LinkScorer(), {}, entity_index)
    assert [r.members for r in rows if len(r.members) > 1] == [{"a": 0, "b": 1}]


def test_a_short_denial_is_a_fact_and_a_dateline_is_not() -> None:
    """'No injuries were reported.' is short but reports an absence an outlet checked; a
    dateline left as a clause ('LINZ, May 3 (Reuters)') credits an agency and states nothing."""
    from tests.test_claims import claims_of

    (base,) = claims_of("The harbour authority closed the quays after the fire on Monday.\n")

    def claim(text: str, sentence: str | None = None):  # type: ignore[no-untyped-def]
        return replace(base, text=text, sentence=sentence or text, negated=" no " in f" {text.lower()} ")

    assert facts_module._checkable(claim("No injuries were reported."))
    assert not facts_module._checkable(claim("This has been clearly stated."))
    dateline = "LINZ, May 3 (Reuters)"
    assert not facts_module._checkable(claim(dateline, f"{dateline} - The quays were closed after the fire."))


def test_one_sentence_repeated_many_times_in_a_paragraph_is_one_row(tmp_path: Path) -> None:
    """A page that repeats one sentence in a single paragraph (a broken export) gives one row,
    not one per repeat: the very same clause again in its own article is a duplicate."""
    texts = {
        "a": "The harbour authority closed the quays after the fire on Monday. " * 300 + "\n",
        "b": "The quays were closed by the harbour authority after the fire on Monday.\n",
    }
    result = run(tmp_path, texts)
    in_a = [f for f in facts_with_evidence(result, "harbour authority") if f.cell("a").status != "absent"]
    assert len(in_a) == 1


def test_counts_of_people_that_share_only_their_frame_are_different_figures(tmp_path: Path) -> None:
    """Every count of people is a count of "people": "all 300 residents were moved to a school"
    and "at least four people died in the flooding" measure different things, though both were
    said on Monday by officials; they are neither one row nor a conflict."""
    texts = {
        "a": "All 300 residents were moved to a school on the hill, officials said on Monday.\n",
        "b": "At least four people died in the flooding, officials said on Monday.\n",
    }
    result = run(tmp_path, texts)
    counts = [f for f in result.facts if f.kind == "quantity"]
    assert len(counts) == 2
    assert all("conflict" not in statuses(f).values() for f in counts)


def test_a_statement_of_a_shared_figure_is_not_a_second_row(tmp_path: Path) -> None:
    """Two outlets' sentences state the figure a figure row of three outlets joins: the figure
    row shows them; a statement row of the same two cells would show them twice."""
    texts = {
        "a": "The city council has offered the bus drivers a raise of 3.5%, the mayor said on Friday.\n",
        "b": "The council offered the drivers a 3.5% raise on Friday, according to the mayor's office.\n",
        "c": "Strikers rejected 3.5% as an insult to their members.\n",
    }
    result = run(tmp_path, texts)
    ab = [f for f in result.facts if {k for k, v in statuses(f).items() if v == "stated"} >= {"a", "b"}]
    assert [f.kind for f in ab] == ["quantity"]
    assert statuses(ab[0]) == {"a": "stated", "b": "stated", "c": "stated"}


@pytest.mark.parametrize(
    ("sentence", "checkable"),
    [
        ("Asked on Monday whether the relief fund would last the winter, the minister was blunt.", False),
        ("Asked by reporters if the bridge would reopen, the mayor did not hesitate.", False),
        ("Asked about the cost, the minister put it at $4bn.", True),
        ("Asked how many people had been rescued, the coastguard said 23.", True),
        (
            "Asked whether the bridge would reopen, the mayor said the inspectors needed two more weeks "
            "to finish their report.",
            True,
        ),
    ],
)
def test_a_question_put_is_no_fact_but_an_answer_after_it_is(sentence: str, checkable: bool) -> None:
    from compare.facts import _checkable

    claim = next(c for c in claims_of(sentence) if "ask" in c.text.lower())
    assert _checkable(claim) is checkable


def test_counts_of_people_must_share_a_word_besides_the_unit_and_the_frame() -> None:
    """At a threshold every pair passes, the shared-word rule alone decides: "moved to a school"
    and "died in the flooding" share only "people" and the frame ("officials said on Monday")."""
    from compare.extract.quantities import PEOPLE_SLOT
    from compare.facts import Linked, _same_slot
    from compare.link import LinkScorer

    moved = claims_of("All 300 residents were moved to a school, officials said on Monday.")[0]
    died = claims_of("At least four people died in the flooding, officials said on Monday.", "b")[0]
    more = claims_of("At least six people died in the flooding.", "c")[0]
    scorer = LinkScorer()
    assert not _same_slot(0, 1, Linked((moved, died), {}, 0.0, {}), scorer, {}, PEOPLE_SLOT)
    assert _same_slot(0, 1, Linked((died, more), {}, 0.0, {}), scorer, {}, PEOPLE_SLOT)


# --- quoted fragments --------------------------------------------------------------------------

WHOLE_QUOTE = (
    "Dock workers walked out at the port of Harwick on Monday over a pay offer they called an "
    "insult.\n\n"
    '"We are not asking for any favours. We want wages that keep up with the shops," union '
    "organiser Petra Lund told reporters outside the gates.\n"
)


def _rows_with(result: MatrixResult, words: str) -> list[Fact]:
    return [f for f in result.facts if f.kind == "quote" and any(
        c.evidence and words in c.evidence and c.status == "stated" for _, c in f.coverage)]


def test_a_quoted_fragment_of_another_outlets_quote_is_the_same_quote(tmp_path: Path) -> None:
    """Outlets quoting different parts of one statement quote the same thing: the fragment joins
    the row of the sentence that holds it, word for word, however little else they share."""
    fragment = (
        "Harwick dockers stopped work on Monday.\n\n"
        'Union organiser Petra Lund said members were "not asking for any favours" and would '
        "stay out until the employers returned to the table.\n"
    )
    result = run(tmp_path, {"a": WHOLE_QUOTE, "b": fragment})
    rows = _rows_with(result, "not asking for any favours")
    assert len(rows) == 1
    assert statuses(rows[0]) == {"a": "stated", "b": "stated"}
    assert "not asking for any favours" in (rows[0].cell("a").evidence or "")


@pytest.mark.parametrize(
    "fragment",
    [
        # another speaker's words
        'Shipping agent Tomas Berg said the owners were "not asking for any favours" either.',
        # the same surname, another first name: another person
        'Dock owner Erik Lund said the owners were "not asking for any favours" either.',
        # a short quoted phrase (a title or scare quotes), not a statement
        'Union organiser Petra Lund said the message was "want wages that" and nothing more.',
    ],
)
def test_a_quoted_fragment_needs_its_speaker_and_a_statement(tmp_path: Path, fragment: str) -> None:
    b = f"Harwick dockers stopped work on Monday.\n\n{fragment}\n"
    claims = [*claims_of(WHOLE_QUOTE, "a"), *claims_of(b, "b")]
    assert [c.speaker for c in claims if c.article == "b" and c.quoted] != [None]  # attributed
    assert facts_module._quoted_fragments(claims)[0] == []


PASSAGE = (
    '"We will rebuild the old pier before the summer season. Every family that lost a boat will '
    'be paid in full," harbour master Ines Okafor told reporters on Tuesday.'
)


def test_outlets_quoting_parts_of_one_passage_share_one_row(tmp_path: Path) -> None:
    """Two outlets quote both sentences of one passage, a third only the second: the passage is
    one quote row with all three, not a row per sentence."""
    lead = "A storm wrecked the fishing harbour of Stavne overnight, sinking dozens of boats.\n\n"
    third = (
        "Stavne's fishing fleet was all but destroyed by the storm.\n\n"
        'Harbour master Ines Okafor promised that "every family that lost a boat will be paid in full".\n'
    )
    result = run(tmp_path, {"a": lead + PASSAGE + "\n", "b": lead + PASSAGE + "\n", "c": third})
    rows = [f for f in result.facts if f.kind == "quote" and f.cell("c").status == "stated"]
    assert len(rows) == 1
    assert statuses(rows[0]) == {"a": "stated", "b": "stated", "c": "stated"}
    assert not [f for f in result.facts if f.kind == "quote" and "pier" in f.label and f is not rows[0]]


def test_one_outlets_passage_does_not_join_two_quote_rows(tmp_path: Path) -> None:
    """One outlet quoting two sentences together is not enough to join their rows
    (PASSAGE_WITNESSES): its quotation may run on from one statement to the next."""
    other = (
        "A storm wrecked the fishing harbour of Stavne overnight.\n\n"
        'Harbour master Ines Okafor said: "We will rebuild the old pier before the summer season."\n'
    )
    third = (
        "Stavne's fishing fleet was all but destroyed by the storm.\n\n"
        'Harbour master Ines Okafor promised that "every family that lost a boat will be paid in full".\n'
    )
    result = run(tmp_path, {"a": PASSAGE + "\n", "b": other, "c": third})
    pier = [f for f in result.facts if f.kind == "quote" and f.cell("b").status == "stated"]
    paid = [f for f in result.facts if f.kind == "quote" and f.cell("c").status == "stated"]
    assert len(pier) == len(paid) == 1 and pier[0] is not paid[0]
    assert pier[0].cell("a").status == paid[0].cell("a").status == "stated"


def test_a_page_repeating_part_of_a_quote_tells_it_once(tmp_path: Path) -> None:
    """A live page's heading that repeats part of a quote the entry gives in full is the same
    quote told twice: the heading adds no row of its own."""
    live = (
        "Dock workers walked out at the port of Harwick on Monday over a pay offer.\n\n"
        '"Not asking for any favours".\n\n'
        '"We are not asking for any favours. We want wages that keep up with the shops," union '
        "organiser Petra Lund told reporters outside the gates.\n"
    )
    result = run(tmp_path, {"a": live})
    assert len([f for f in result.facts if f.kind == "quote"]) == 1
