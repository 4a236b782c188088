"""`escalate deadlines`, `rules`, `explain` and `--version`: exit codes, streams, formats, bad input."""

from __future__ import annotations

import csv
import io
import json
import sys
from datetime import UTC

import pytest

from escalate import __version__
from escalate.cli.app import app
from escalate.law.rules import RULE_IDS
from escalate.output.deadlines import DEADLINE_CSV_FIELDS, DEADLINE_RENDERERS, DeadlinesFormat

DEADLINE_KEYS = {
    "id",
    "title",
    "action",
    "owner",
    "body",
    "trigger",
    "trigger_date",
    "period",
    "safe_date",
    "last_day",
    "latest_date",
    "days_left",
    "status",
    "strength",
    "source",
    "steps",
    "notes",
}


def command_names() -> list[str]:
    return [info.name or info.callback.__name__.replace("_", "-") for info in app.registered_commands]


@pytest.mark.parametrize("command", command_names())
def test_every_command_has_help(run_cli, command):
    result = run_cli(command, "--help")
    assert result.code == 0
    assert "Usage: escalate " + command in result.stdout
    assert result.stderr == ""


def test_top_level_help_lists_every_command(run_cli):
    result = run_cli("--help")
    assert result.code == 0
    for command in command_names():
        assert command in result.stdout


def test_no_arguments_shows_help_once(run_cli):
    result = run_cli()
    assert result.code == 0
    assert result.stdout.count("Usage: escalate") == 1


def test_version(run_cli):
    result = run_cli("--version")
    assert result == type(result)(0, f"escalate {__version__}\n", "")


def test_json_interface_names(run_cli):
    result = run_cli(
        "deadlines",
        "--incident-date",
        "10/01/2026",
        "--outcome-date",
        "2026-11-03",
        "--today",
        "2026-11-21",
        "--format",
        "json",
    )
    assert result.code == 0
    assert result.stderr == ""  # warnings are inside the JSON document, not on stderr
    doc = json.loads(result.stdout)
    assert doc["today"] == "2026-11-21"
    assert doc["regime"] == "2020"
    assert doc["facts"] == {"incident_date": "2026-01-10", "outcome_date": "2026-11-03"}
    assert {warning["id"] for warning in doc["warnings"]} >= {"regime-assumed"}
    assert all(set(warning) == {"id", "text"} for warning in doc["warnings"])
    assert "not legal advice" in doc["disclaimer"]
    for deadline in doc["deadlines"]:
        assert set(deadline) >= DEADLINE_KEYS
        assert set(deadline["source"]) == {"citation", "url"}
        assert deadline["owner"] in {"you", "police"}
        assert deadline["status"] in {"passed", "at-risk", "due-soon", "open"}
        assert deadline["strength"] in {"strict", "discretionary", "guidance"}
        assert deadline["steps"], deadline["id"]
    order = [(d["safe_date"], d["id"]) for d in doc["deadlines"]]
    assert order == sorted(order)


def test_csv_has_one_row_per_deadline_with_scalar_fields(run_cli):
    args = ("deadlines", "--example", "--today", "2026-11-21")
    as_json = json.loads(run_cli(*args, "--format", "json").stdout)
    result = run_cli(*args, "--format", "csv")
    assert result.code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [row["id"] for row in rows] == [d["id"] for d in as_json["deadlines"]]
    assert list(rows[0]) == list(DEADLINE_CSV_FIELDS)
    first = as_json["deadlines"][0]
    assert rows[0]["safe_date"] == first["safe_date"]
    assert rows[0]["source_citation"] == first["source"]["citation"]


def test_table_is_plain_when_not_a_terminal(run_cli):
    result = run_cli("deadlines", "--example")
    assert result.code == 0
    assert "\x1b[" not in result.stdout
    assert "Tuesday 1 December 2026" in result.stdout
    assert "warning:" in result.stderr  # table mode: warnings on stderr
    assert "warning:" not in result.stdout


def test_example_is_deterministic(run_cli):
    assert run_cli("deadlines", "--example").stdout == run_cli("deadlines", "--example").stdout


def test_only_narrows(run_cli):
    result = run_cli("deadlines", "--example", "--only", "review-request,equality-act", "--format", "json")
    assert [d["id"] for d in json.loads(result.stdout)["deadlines"]] == ["equality-act", "review-request"]


def test_no_facts_says_what_to_give(run_cli):
    result = run_cli("deadlines", "--today", "2026-11-21")
    assert result.code == 0
    assert "--incident-date" in result.stdout


def test_renderer_mapping_covers_every_format():
    assert set(DEADLINE_RENDERERS) == set(DeadlinesFormat)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        # impossible date
        (["--outcome-date", "31/02/2026"], "--outcome-date: '31/02/2026' is not a real date"),
        # two-digit year
        (["--incident-date", "1/3/26"], "--incident-date: '1/3/26' has a 2-digit year"),
        # month-first (ambiguous to a UK reader): refused, not guessed
        (["--incident-date", "03/13/2026"], "there is no month 13 (dates are read day first"),
        # year out of range
        (["--incident-date", "1899-12-31"], "the year must be between 1900 and 2100"),
        # another separator
        (["--sar-date", "2026.03.01"], "is not a date escalate reads"),
        # weekday that does not match
        (["--outcome-date", "Monday 1 March 2026"], "1 March 2026 is a Sunday, not a Monday"),
        # stray bytes
        (["--outcome-date", "2026-03-01\x00"], "is not a date escalate reads"),
        # dates in the wrong order name both facts
        (
            ["--incident-date", "2026-03-02", "--complaint-date", "2026-03-01"],
            "--complaint-date (Sunday 1 March 2026) is before --incident-date (Monday 2 March 2026)",
        ),
        (["--outcome-date", "2026-03-02", "--review-decision-date", "2026-03-01"], "--review-decision-date"),
        (["--date-of-birth", "2026-03-02", "--incident-date", "2026-03-01"], "--incident-date"),
        # contradictions of route facts
        (["--review-decision-date", "2026-03-01", "--schedule3", "no"], "--schedule3 is 'no'"),
        (["--review-decision-date", "2026-03-01", "--investigation", "iopc"], "--investigation is 'iopc'"),
        # unknown choice values
        (["--schedule3", "maybe"], "--schedule3: 'maybe' is not one of: yes, no, unknown"),
        (["--investigation", "police"], "--investigation: 'police' is not one of"),
        (["--discrimination", "perhaps"], "--discrimination: 'perhaps' is not yes, no or unknown"),
        # bad --today, --only, --format
        (["--today", "tomorrow"], "--today: 'tomorrow' is not a date escalate reads"),
        (["--only", "reviews"], "--only: 'reviews' is not a rule id"),
        (["--format", "xml"], "'--format' / '-f': 'xml' is not one of 'table', 'json', 'csv', 'ics'"),
        # a mistake in the command itself
        (["--no-such-option"], "No such option: --no-such-option"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(run_cli, args, expected):
    result = run_cli("deadlines", *args)
    assert result.code == 2, result
    assert result.stdout == ""
    assert result.stderr.startswith("escalate: error: ")
    assert result.stderr.count("\n") == 1, result.stderr
    assert expected in result.stderr
    assert "Traceback" not in result.stderr


def test_future_fact_is_a_warning_not_an_error(run_cli):
    result = run_cli("deadlines", "--outcome-date", "2026-12-01", "--today", "2026-11-21", "--format", "json")
    assert result.code == 0
    assert "future-date" in {w["id"] for w in json.loads(result.stdout)["warnings"]}


def test_internal_error_is_one_line_without_locals(run_cli, monkeypatch):
    secret = "2026-01-10"

    def broken(*args, **kwargs):
        raise RuntimeError(f"boom {secret}")

    monkeypatch.setattr("escalate.engine.deadlines.compute_deadlines", broken)
    result = run_cli("deadlines", "--incident-date", secret)
    assert result.code == 1
    assert result.stderr == (
        "escalate: error: internal error (RuntimeError); please report it. Set ESCALATE_DEBUG=1 to see details.\n"
    )


def test_rules_lists_every_rule(run_cli):
    table = run_cli("rules")
    assert table.code == 0
    for rule_id in RULE_IDS:
        assert rule_id in table.stdout
    doc = json.loads(run_cli("rules", "--format", "json").stdout)
    assert [rule["id"] for rule in doc] == list(RULE_IDS)
    assert all(rule["source"]["url"].startswith("https://") for rule in doc)


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_explain_every_rule(run_cli, rule_id):
    result = run_cli("explain", rule_id)
    assert result.code == 0
    assert "Worked example" in result.stdout
    assert "Source:" in result.stdout


def test_explain_with_facts(run_cli):
    result = run_cli("explain", "review-request", "--outcome-date", "1/3/2026", "--today", "2026-03-20")
    assert result.code == 0
    # RULES.md section 7: outcome letter dated Sun 1 Mar 2026 -> Sun 29 Mar 2026, no roll-forward
    assert "28 days starting with the day after Sunday 1 March 2026: last day Sunday 29 March 2026" in result.stdout
    assert "send it by email" in result.stdout


def test_explain_when_rule_does_not_apply(run_cli):
    result = run_cli("explain", "subject-access", "--outcome-date", "2026-03-01")
    assert result.code == 0
    assert "does not apply" in result.stdout


def test_explain_unknown_rule(run_cli):
    result = run_cli("explain", "appeal")
    assert result.code == 2
    assert "'appeal' is not a rule id" in result.stderr


def test_python_dash_m(tmp_path):
    import subprocess

    done = subprocess.run(
        [sys.executable, "-m", "escalate", "--version"], capture_output=True, text=True, check=False, timeout=60
    )
    assert done.returncode == 0
    assert done.stdout.strip() == f"escalate {__version__}"


def test_debug_shows_the_real_error(run_cli, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("escalate.engine.deadlines.compute_deadlines", broken)
    monkeypatch.setenv("ESCALATE_DEBUG", "1")
    with pytest.raises(RuntimeError, match="boom"):
        run_cli("deadlines", "--incident-date", "2026-01-10")


def test_interrupt_exits_130(run_cli, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("escalate.engine.deadlines.compute_deadlines", interrupted)
    result = run_cli("deadlines", "--incident-date", "2026-01-10")
    assert (result.code, result.stderr) == (130, "escalate: error: interrupted\n")


def test_closed_pipe_is_not_an_error(monkeypatch, capfd):
    from escalate.cli.app import main

    def closed(*args, **kwargs):
        raise BrokenPipeError

    monkeypatch.setattr("escalate.output.deadlines.render_deadlines", closed)
    # In-process (streams not prepared by the console script) descriptor 1 is pytest's capture file: it is left
    # alone. The real process, whose descriptor 1 goes to /dev/null after a closed reader, is tested in
    # tests/test_streams.py with a real pipe.
    redirected: list[int] = []
    monkeypatch.setattr("os.dup2", lambda source, target: redirected.append(target))
    with pytest.raises(SystemExit) as done:
        main(["deadlines", "--incident-date", "2026-01-10"])
    assert done.value.code == 0
    assert redirected == []
    assert capfd.readouterr().err == ""


def test_today_defaults_to_london(monkeypatch):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from escalate.cli.clock import today_in_london

    assert today_in_london() == datetime.now(UTC).astimezone(ZoneInfo("Europe/London")).date()


def test_2012_regime_names_the_appeal_and_its_regulation(run_cli):
    result = run_cli(
        "deadlines", "--complaint-date", "2019-07-01", "--outcome-date", "2019-12-02", "--today", "2019-12-10"
    )
    assert result.code == 0
    assert "2012 complaint rules" in result.stdout
    assert "Appeal against the outcome" in result.stdout
    assert "2012 Regulations reg 11" in result.stdout
    assert "2020 Regulations reg 29" not in result.stdout


def test_passed_guidance_is_not_called_a_legal_bar(run_cli):
    doc = json.loads(
        run_cli("deadlines", "--review-decision-date", "2025-11-28", "--today", "2026-03-01", "-f", "json").stdout
    )
    letter = next(d for d in doc["deadlines"] if d["id"] == "letter-before-claim")
    assert letter["status"] == "passed"
    assert "guidance, not a legal bar" in letter["notes"][-1]
    claim = next(d for d in doc["deadlines"] if d["id"] == "judicial-review")
    # RULES.md s.7: review decision Fri 28 Nov 2025 -> Sat 28 Feb 2026, latest Mon 2 Mar 2026; on 1 Mar: at risk
    assert (claim["status"], claim["days_left"]) == ("at-risk", -1)


def test_table_reads_every_date_back_in_words(run_cli):
    result = run_cli("deadlines", "--incident-date", "10/01/2026", "--sar-date", "1 Mar 2026", "--today", "2026-03-02")
    assert "Incident: Saturday 10 January 2026" in result.stdout
    assert "Subject access request received: Sunday 1 March 2026" in result.stdout
