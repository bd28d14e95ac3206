"""The documentation keeps up with the code: docs/cli.md is the real `--help` output of every
registered command (regenerated here in memory), every command has examples, and
docs/how-it-works.md gives every named threshold of the pipeline with its current value."""

from __future__ import annotations

import ast
import importlib
import importlib.util
import pkgutil
import re
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
STALE = "docs/cli.md is out of date: run `python docs/gen_cli.py` and commit the result"


def _gen_cli() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_cli", DOCS / "gen_cli.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def gen_cli() -> ModuleType:
    return _gen_cli()


def test_cli_reference_is_up_to_date(gen_cli: ModuleType) -> None:
    expected = gen_cli.render()
    current = (DOCS / "cli.md").read_text(encoding="utf-8")
    assert current == expected, STALE


def test_every_registered_command_is_in_the_reference(gen_cli: ModuleType) -> None:
    names = gen_cli.command_names()
    assert {"diff", "matrix", "check"} <= set(names)
    text = gen_cli.render()
    for name in names:
        assert f"## compare {name}\n" in text
        assert f"Usage: compare {name} " in text


def test_every_command_has_hand_written_examples(gen_cli: ModuleType) -> None:
    for name in gen_cli.command_names():
        examples = gen_cli.EXAMPLES.get(name)
        assert examples, f"add examples for `compare {name}` to EXAMPLES in docs/gen_cli.py"
        for _what, line in examples:
            assert f"compare {name} " in line


def test_help_is_rendered_at_a_fixed_width(gen_cli: ModuleType) -> None:
    text = gen_cli.render()
    blocks = re.findall(r"```text\n(.*?)```", text, re.S)
    assert blocks
    for block in blocks:
        assert all(len(line) <= gen_cli.WIDTH for line in block.splitlines())
        assert "\x1b" not in block


# --- thresholds in how-it-works.md ---------------------------------------------------------------

DOCUMENTED = re.compile(r"`([A-Z][A-Z0-9_]+)` = ([0-9][0-9_,.]*[0-9]|[0-9])")


def _pipeline_modules() -> list[ModuleType]:
    """Every module under compare/ (subpackages included), found on disk rather than listed by
    hand, so a new or split module cannot fall out of the check."""
    import compare

    names = ["compare"] + [info.name for info in pkgutil.walk_packages(compare.__path__, "compare.")]
    return [importlib.import_module(name) for name in sorted(names)]


def _numeric(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _upper_names(body: list[ast.stmt]) -> list[str]:
    """UPPER_CASE names assigned in a module's or a class's own body."""
    found = []
    for node in body:
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets = [node.target]
        else:
            continue
        found += [t.id for t in targets if isinstance(t, ast.Name) and re.fullmatch(r"[A-Z][A-Z0-9_]+", t.id)]
    return found


def _thresholds() -> dict[str, set[float]]:
    """Every numeric constant defined (not imported) at module level in compare/, and every
    numeric UPPER_CASE constant of a module-level class (EntityIndex.SPELLING_RATIO ...):
    name -> its values (one name may be defined in two modules)."""
    found: dict[str, set[float]] = {}
    for module in _pipeline_modules():
        tree = ast.parse(Path(module.__file__ or "").read_text(encoding="utf-8"))
        owners: list[tuple[object, list[ast.stmt]]] = [(module, tree.body)]
        owners += [
            (getattr(module, node.name), node.body) for node in tree.body if isinstance(node, ast.ClassDef)
        ]
        for owner, body in owners:
            for name in _upper_names(body):
                value = getattr(owner, name)
                if _numeric(value):
                    found.setdefault(name, set()).add(float(value))
    return found


def _documented() -> dict[str, set[float]]:
    text = (DOCS / "how-it-works.md").read_text(encoding="utf-8")
    documented: dict[str, set[float]] = {}
    for m in DOCUMENTED.finditer(text):
        documented.setdefault(m.group(1), set()).add(float(m.group(2).replace("_", "").replace(",", "")))
    return documented


def test_the_threshold_check_sees_every_pipeline_module() -> None:
    names = {module.__name__ for module in _pipeline_modules()}
    expected = {
        "read",
        "metadata",
        "clean",
        "segment",
        "claims",
        "link",
        "facts",
        "labels",
        "align",
        "embed",
        "text",
        "check",
        "copies",
        "lock",
        "attribution",
        "reuse",
        "events",
        "corpus",
        "views",
        "render",
    }
    assert {f"compare.{n}" for n in expected} <= names
    assert {
        f"compare.extract.{n}"
        for n in ("numbers", "money", "quantities", "dates", "names", "quotes", "bounds")
    } <= names
    # Class constants, a subpackage's module, and a module defined in a subpackage's folder.
    found = set(_thresholds())
    assert {"SPELLING_RATIO", "TRANSLITERATION_RATIO", "MAX_MENTIONS_PER_SENTENCE"} <= found
    assert {"MIN_CITY_POPULATION", "MIN_CLAIM_STEMS", "SHINGLE_WORDS"} <= found


def test_how_it_works_gives_every_threshold_with_its_value() -> None:
    documented = _documented()
    for name, values in sorted(_thresholds().items()):
        assert name in documented, f"docs/how-it-works.md does not give `{name}` = {min(values):g}"
        missing = values - documented[name]
        assert not missing, (
            f"docs/how-it-works.md gives `{name}` = {sorted(documented[name])}, the code has {sorted(values)}"
        )


def test_how_it_works_gives_no_stale_threshold() -> None:
    """A value documented for a name the code no longer has, or no longer has that value, is stale."""
    code = _thresholds()
    code["SAME_CLAIM_THRESHOLD"] = {float(importlib.import_module("compare.link").SAME_CLAIM_THRESHOLD)}
    for name, values in sorted(_documented().items()):
        assert name in code, f"docs/how-it-works.md gives `{name}`, which is no longer in compare/"
        assert values <= code[name], (
            f"docs/how-it-works.md gives `{name}` = {sorted(values)}, the code has {sorted(code[name])}"
        )


def test_how_it_works_gives_the_fitted_thresholds() -> None:
    """The two fitted decision thresholds live in JSON files, not in named constants."""
    import json

    text = (DOCS / "how-it-works.md").read_text(encoding="utf-8")
    link = importlib.import_module("compare.link")
    assert f"`SAME_CLAIM_THRESHOLD` = {link.SAME_CLAIM_THRESHOLD:g}" in text
    fact_link = json.loads((ROOT / "compare" / "fact_link.json").read_text(encoding="utf-8"))
    for key in ("threshold", "embedding_threshold"):
        assert f"{fact_link[key]:g}" in text, f"docs/how-it-works.md does not quote fact_link.json's {key}"
