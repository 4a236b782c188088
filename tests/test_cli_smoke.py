"""The command line's contract: exit codes, streams, and one-line errors."""

from __future__ import annotations

import json


def test_example_runs_and_shows_disclaimer(run_cli):
    result = run_cli("deadlines", "--example")
    assert result.code == 0, result.stderr
    assert "Tuesday 1 December 2026" in result.stdout  # review request: 3 Nov 2026 + 28 days
    assert "not legal advice" in result.stdout


def test_json_shape(run_cli):
    result = run_cli("deadlines", "--outcome-date", "2026-11-03", "--today", "2026-11-21", "--format", "json")
    assert result.code == 0
    doc = json.loads(result.stdout)
    assert set(doc) == {"schema_version", "today", "regime", "facts", "deadlines", "warnings", "disclaimer"}
    review = next(d for d in doc["deadlines"] if d["id"] == "review-request")
    assert review["safe_date"] == review["last_day"] == review["latest_date"] == "2026-12-01"


def test_bad_date_is_one_line_exit_2(run_cli):
    result = run_cli("deadlines", "--outcome-date", "31/02/2026")
    assert result.code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "--outcome-date" in result.stderr and "Traceback" not in result.stderr
