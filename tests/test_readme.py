"""The README shows real output, and its commands are the ones CI runs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_example_output_is_real(run_cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    block = re.search(r"<!-- example-output:start -->\n```text\n(.*?)\n```\n<!-- example-output:end -->", README, re.S)
    assert block is not None
    actual = run_cli("deadlines", "--example").stdout
    assert [line.rstrip() for line in actual.splitlines()] == block.group(1).splitlines()


def test_ci_runs_the_readme_test_command():
    command = 'pip install -e ".[test]" && python -m pytest'
    assert command in README
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert 'python -m pip install --quiet -e ".[test]"' in ci
    assert "python -m pytest" in ci


def test_docs_rules_is_the_shared_specification():
    shared = ROOT.parent / "shared" / "RULES.md"
    if not shared.exists():
        pytest.skip("no shared/ documents beside this clone")
    assert (ROOT / "docs" / "RULES.md").read_text(encoding="utf-8") == shared.read_text(encoding="utf-8")
