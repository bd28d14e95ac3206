"""The CI integrations shipped in the repository: the GitHub workflow follows the security
hardening rules, the pre-commit manifest is well formed, and docs/ci.md shows the real files."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
WORKFLOW = REPO / ".github" / "workflows" / "compare-check.yml"
HOOKS = REPO / ".pre-commit-hooks.yaml"
DOC = REPO / "docs" / "ci.md"


def workflow() -> dict[str, Any]:
    data: dict[Any, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def test_workflow_runs_on_pull_requests_touching_articles_only() -> None:
    data = workflow()
    assert list(data["on"]) == ["pull_request"]
    assert data["on"]["pull_request"]["paths"]
    code = [line for line in WORKFLOW.read_text(encoding="utf-8").splitlines()
            if not line.lstrip().startswith("#")]
    assert not [line for line in code if "pull_request_target" in line]


def test_workflow_token_can_only_read() -> None:
    assert workflow()["permissions"] == {"contents": "read"}


def test_actions_are_pinned_to_full_commit_shas() -> None:
    steps = [s for job in workflow()["jobs"].values() for s in job["steps"]]
    uses = [s["uses"] for s in steps if "uses" in s]
    assert uses
    for ref in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", ref), ref
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["persist-credentials"] is False


def test_no_expression_is_interpolated_into_a_shell_script() -> None:
    steps = [s for job in workflow()["jobs"].values() for s in job["steps"]]
    scripts = [s["run"] for s in steps if "run" in s]
    assert any("compare check" in run for run in scripts)
    for run in scripts:
        assert "${{" not in run


def test_workflow_writes_the_markdown_report_to_the_summary_and_keeps_the_exit_status() -> None:
    script = next(s["run"] for job in workflow()["jobs"].values() for s in job["steps"]
                  if "compare check" in s.get("run", ""))
    assert '--format markdown --output "$report"' in script
    assert 'report="$RUNNER_TEMP/report.md"' in script
    assert '>> "$GITHUB_STEP_SUMMARY"' in script
    assert 'exit "$status"' in script


def test_pre_commit_manifest_declares_the_hook() -> None:
    (hook,) = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert hook["id"] == "compare-check"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is True
    pattern = re.compile(hook["files"])
    for name in ("a/x.txt", "a/x.md", "a/x.html", "a/x.htm", "a/compare.lock.json"):
        assert pattern.search(name), name
    for name in ("a/x.py", "a/x.png", "a/other.json"):
        assert not pattern.search(name), name
    assert hook["entry"] == "python -m compare.hook"


def test_ci_doc_shows_the_workflow_as_shipped() -> None:
    doc = DOC.read_text(encoding="utf-8")
    assert doc.startswith("# Use compare in CI\n")
    assert WORKFLOW.read_text(encoding="utf-8") in doc
    assert "id: compare-check" in doc and ".pre-commit-config.yaml" in doc
    assert "| file | check | problem |" in doc  # the example report
