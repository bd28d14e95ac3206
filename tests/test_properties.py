"""Properties of the whole pipeline on generated article-like text (hypothesis).

Articles are built from sentences of news-like words, names and figures, so that the cleaner
keeps them and the extractors find things in them; arbitrary text and bytes go through the
same path to check that nothing but a CompareError ever escapes.
"""

from __future__ import annotations

import contextlib
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from compare import render
from compare.errors import CompareError
from compare.model import Article, Source
from compare.pipeline import build_article, diff, load_articles, matrix

SETTINGS = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)

WORDS = tuple((
    "minister bridge river council report engineers warned traffic repairs budget residents "
    "police hospital inspection storm harbour ferry workers strike pipeline talks plan "
    "alliance invitation membership weapons defence summit officials investigators victims "
    "rescue divers collapsed injured killed announced confirmed rejected approved delayed "
    "the a of in on for with after before said told that would could must will"
).split())
NAMES = ("Lindholm", "Erik Sund", "Greta Holm", "Velitsa", "Brussels", "Mark Rutte", "Kyiv")
FIGURES = ("37 people", "41 people", "twelve bridges", "€40bn", "40 billion euros", "$425 million",
           "on Tuesday", "16 October 2024", "2024-09-30", "dozens of divers", "18.75%", "1,200 troops")

token = st.sampled_from(WORDS + NAMES + FIGURES)
sentence = st.lists(token, min_size=6, max_size=16).map(" ".join).map(lambda s: s[0].upper() + s[1:] + ".")
quote = st.tuples(st.lists(token, min_size=5, max_size=12), st.sampled_from(NAMES)).map(
    lambda t: f"\"{' '.join(t[0]).capitalize()},\" {t[1]} said."
)
paragraph = st.lists(st.one_of(sentence, sentence, quote), min_size=1, max_size=3).map(" ".join)
article_text = st.lists(paragraph, min_size=1, max_size=6).map(lambda ps: "\n\n".join(ps) + "\n")


def build(text: str, article_id: str = "x") -> Article:
    try:
        return build_article(Source(article_id, f"{article_id}.txt", text))
    except CompareError:
        assume(False)
        raise  # unreachable: assume(False) stops the example


def write_all(folder: Path, texts: dict[str, str], order: list[str]) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in order:
        path = folder / f"{name}.txt"
        path.write_text(texts[name], encoding="utf-8")
        paths.append(str(path))
    return paths


def facts_json(result_json: str) -> list[object]:
    facts: list[object] = json.loads(result_json)["facts"]
    return facts


@SETTINGS
@given(article_text)
def test_diff_of_an_article_with_itself_has_no_only_and_no_absent_cell(text: str) -> None:
    a = build(text)
    result = diff(a, a)
    assert result.only_a == () and result.only_b == ()
    for fact in result.facts:
        assert all(cell.status != "absent" for _, cell in fact.coverage), fact


def test_diff_with_itself_when_three_paragraphs_say_the_same() -> None:
    text = (
        "Minister minister minister minister minister minister.\n\n"
        "Minister minister minister minister minister minister. "
        "Minister minister minister minister minister minister.\n\n"
        "Minister minister minister minister minister minister minister.\n"
    )
    a = build_article(Source("x", "x.txt", text))
    result = diff(a, a)
    assert result.only_a == () and result.only_b == ()


@SETTINGS
@given(st.lists(article_text, min_size=2, max_size=4), st.randoms(use_true_random=False))
def test_matrix_facts_do_not_depend_on_file_order(texts: list[str], random: object) -> None:
    names = {f"art{i}": text for i, text in enumerate(texts)}
    for name, text in names.items():
        build(text, name)
    order = sorted(names)
    shuffled = list(order)
    random.shuffle(shuffled)  # type: ignore[attr-defined]
    with tempfile.TemporaryDirectory() as tmp:
        # the same files written in two folders, in two creation orders, passed in two orders
        first = write_all(Path(tmp) / "one", names, order)
        second = write_all(Path(tmp) / "two", names, shuffled)
        by_folder = render.matrix_json(matrix(load_articles([str(Path(tmp) / "two")])))
        by_files = render.matrix_json(matrix(load_articles(second)))
        reference = render.matrix_json(matrix(load_articles(first)))
    assert facts_json(by_folder) == facts_json(reference)
    assert facts_json(by_files) == facts_json(reference)
    assert json.loads(by_folder)["groups"] == json.loads(reference)["groups"]


def run_everything(paths: list[str]) -> None:
    articles = load_articles(paths)
    result = matrix(articles)
    render.matrix_json(result)
    render.matrix_markdown(result)
    render.matrix_csv(result)
    render.matrix_html(result)
    render.matrix_renderables(result, 100)
    pair = diff(articles[0], articles[-1])
    render.diff_json(pair)
    render.diff_markdown(pair)
    render.diff_renderables(pair, 100)


SEED = str(Path(__file__).resolve().parent.parent / "seeds" / "001_5300f62ee2d25633.txt")


@SETTINGS
@given(st.one_of(st.text(), article_text, st.text(alphabet=st.characters(codec="utf-8"))))
def test_pipeline_raises_only_compare_error_on_any_text(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "any.txt"
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        with contextlib.suppress(CompareError):
            run_everything([str(path), SEED])


@SETTINGS
@given(st.binary(max_size=2000))
def test_pipeline_raises_only_compare_error_on_any_bytes(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "any.txt"
        path.write_bytes(data)
        with contextlib.suppress(CompareError):
            run_everything([str(path)])


@SETTINGS
@given(st.lists(article_text, min_size=1, max_size=3))
def test_json_is_identical_across_two_runs(texts: list[str]) -> None:
    names = {f"art{i}": text for i, text in enumerate(texts)}
    for name, text in names.items():
        build(text, name)
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_all(Path(tmp), names, sorted(names))
        first = render.matrix_json(matrix(load_articles(paths)))
        second = render.matrix_json(matrix(load_articles(paths)))
        a, b = load_articles([paths[0], paths[-1]]) if len(paths) > 1 else load_articles(paths) * 2
        diff_first = render.diff_json(diff(a, b))
        diff_second = render.diff_json(diff(a, b))
    assert first == second
    assert diff_first == diff_second
