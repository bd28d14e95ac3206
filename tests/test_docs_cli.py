"""The documentation keeps up with the code: docs/cli.md is the real `--help` output of every
registered command (regenerated here in memory), every command has examples, and
docs/how-it-works.md gives every named threshold of the pipeline with its current value."""

from __future__ import annotations

import ast
import importlib
import importlib.util
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

# The modules whose named thresholds docs/how-it-works.md documents, one section each.
THRESHOLD_MODULES = (
    "limits",
    "read",
    "clean",
    "segment",
    "extract",
    "align",
    "embed",
    "cover",
    "text",
    "check",
    "lock",
)


def _thresholds() -> dict[str, float]:
    """Every numeric module-level constant defined (not imported) in the pipeline modules, and
    EntityIndex.SPELLING_RATIO: name -> value."""
    found: dict[str, float] = {}
    for name in THRESHOLD_MODULES:
        module = importlib.import_module(f"compare.{name}")
        tree = ast.parse(Path(module.__file__ or "").read_text(encoding="utf-8"))
        for node in tree.body:
            targets = node.targets if isinstance(node, ast.Assign) else []
            for target in targets:
                if isinstance(target, ast.Name) and re.fullmatch(r"[A-Z][A-Z0-9_]+", target.id):
                    value = getattr(module, target.id)
                    if isinstance(value, int | float) and not isinstance(value, bool):
                        found[target.id] = float(value)
    from compare.extract import EntityIndex

    found["SPELLING_RATIO"] = float(EntityIndex.SPELLING_RATIO)
    return found


def test_how_it_works_gives_every_threshold_with_its_value() -> None:
    text = (DOCS / "how-it-works.md").read_text(encoding="utf-8")
    documented = {
        m.group(1): float(m.group(2).replace("_", "").replace(",", ""))
        for m in re.finditer(r"`([A-Z][A-Z0-9_]+)` = ([0-9][0-9_,.]*[0-9]|[0-9])", text)
    }
    for name, value in sorted(_thresholds().items()):
        assert name in documented, f"docs/how-it-works.md does not give `{name}` = {value:g}"
        assert documented[name] == value, (
            f"docs/how-it-works.md gives `{name}` = {documented[name]:g}, the code has {value:g}"
        )
