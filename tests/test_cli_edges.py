"""Command-line input at its edges (issue 12): empty values, bare yes/no flags, -V, oversized numbers."""

from __future__ import annotations

import json

import pytest

from escalate import __version__
from escalate.cli.options import FACT_INPUTS, expand_bare_flags
from escalate.engine.facts import FLAG_FACTS


def option(name: str) -> str:
    return "--" + name.replace("_", "-")


# RULES.md s.1: "An empty value given explicitly (--outcome-date "") is an input error: leave the option out
# when the date is unknown." One row per option of `escalate deadlines`.
EMPTY_OPTIONS = [*(option(name) for name in FACT_INPUTS), "--today", "--only"]


@pytest.mark.parametrize("name", EMPTY_OPTIONS)
@pytest.mark.parametrize("value", ["", "   "])
def test_an_empty_value_is_an_input_error_naming_the_option(run_cli, name, value):
    result = run_cli("deadlines", "--incident-date", "2026-01-10", name, value)
    assert result.code == 2, result
    assert result.stdout == ""
    assert result.stderr == (
        f"escalate: error: {name}: an empty value was given; leave the option out when it is not known\n"
    )


@pytest.mark.parametrize("command", [["route"], ["explain", "review-request"], ["batch", "-"]])
def test_an_empty_today_is_an_error_for_every_command(run_cli, command):
    result = run_cli(*command, "--today", "")
    assert result.code == 2
    assert "--today: an empty value was given" in result.stderr


def test_every_empty_option_is_named_at_once(run_cli):
    result = run_cli("deadlines", "--today", "", "--only", "", "--outcome-date", "")
    assert result.code == 2
    assert result.stderr.startswith("escalate: error: --today, --only, --outcome-date: an empty value")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--remind", ""], "--remind: an empty value was given"),
        (["--case-ref", " "], "--case-ref: an empty value was given"),
        (["--format", ""], "'--format' / '-f': '' is not one of"),
    ],
)
def test_other_options_given_empty(run_cli, args, message):
    result = run_cli("deadlines", "--example", "--format", "ics", *args)
    assert result.code == 2
    assert message in result.stderr


def test_empty_argument(run_cli):
    result = run_cli("explain", "")
    assert (result.code, result.stderr) == (2, "escalate: error: ID: an empty value was given\n")


def test_explain_reads_today_even_without_facts(run_cli):
    result = run_cli("explain", "review-request", "--today", "garbage")
    assert result.code == 2
    assert result.stderr.startswith("escalate: error: --today: 'garbage' is not a date")


@pytest.mark.parametrize("digits", [4, 4301, 10_000])
def test_remind_with_too_many_digits_is_an_input_error(run_cli, digits):
    result = run_cli("deadlines", "--example", "--format", "ics", "--remind", "9" * digits)
    assert result.code == 2, result
    assert "is not a whole number of days from 1 to 365" in result.stderr
    assert len(result.stderr) < 200  # the number is not echoed in full


@pytest.mark.parametrize("flag", ["-V", "--version"])
def test_version_short_and_long(run_cli, flag):
    assert run_cli(flag) == type(run_cli(flag))(0, f"escalate {__version__}\n", "")


def facts_of(run_cli, *args: str) -> dict[str, object]:
    result = run_cli("deadlines", "--outcome-date", "2026-11-03", "--today", "2026-11-21", "--format", "json", *args)
    assert result.code == 0, result
    return json.loads(result.stdout)["facts"]


# RULES.md s.1: "On the command line a bare flag means yes (--discrimination = --discrimination yes)."
@pytest.mark.parametrize("name", FLAG_FACTS)
def test_a_bare_flag_means_yes(run_cli, name):
    assert facts_of(run_cli, option(name))[name] is True  # last on the line
    assert facts_of(run_cli, option(name), "--investigation", "mps")[name] is True  # before another option
    assert facts_of(run_cli, option(name), "no")[name] is False
    assert facts_of(run_cli, option(name), "yes")[name] is True
    assert name not in facts_of(run_cli, option(name), "unknown")


def test_serious_allegation_before_investigation(run_cli):
    facts = facts_of(run_cli, "--serious-allegation", "--investigation", "mps")
    assert facts["serious_allegation"] is True
    assert facts["investigation"] == "mps"


def test_a_bare_flag_before_the_rule_id_of_explain(run_cli):
    result = run_cli("explain", "--injury", "personal-injury", "--incident-date", "2026-01-10")
    assert result.code == 0, result
    assert "personal injury" in result.stdout.lower()


def test_a_wrong_answer_still_names_its_flag(run_cli):
    result = run_cli("deadlines", "--incident-date", "2026-01-10", "--injury", "perhaps")
    assert result.code == 2
    assert "--injury: 'perhaps' is not yes, no or unknown" in result.stderr


@pytest.mark.parametrize(
    ("args", "expanded"),
    [
        (["--injury"], ["--injury", "yes"]),
        (["--injury", "no"], ["--injury", "no"]),
        (["--injury=no"], ["--injury=no"]),
        (["--injury", "--detained"], ["--injury", "yes", "--detained", "yes"]),
        (["--injury", "personal-injury"], ["--injury", "yes", "personal-injury"]),
        (["--injury", "mp"], ["--injury", "yes", "mp"]),  # letter KIND: not an answer
        (["--injury", "Y"], ["--injury", "Y"]),
        (["--injury", "don't know"], ["--injury", "don't know"]),
        (["--", "--injury"], ["--", "--injury"]),
        (["--outcome-date", "2026-11-03"], ["--outcome-date", "2026-11-03"]),
    ],
)
def test_expand_bare_flags(args, expanded):
    assert expand_bare_flags(args) == expanded


def test_without_an_argument_the_word_after_a_flag_is_its_value():
    assert expand_bare_flags(["--injury", "perhaps"], takes_argument=False) == ["--injury", "perhaps"]
    assert expand_bare_flags(["--injury", "--detained"], takes_argument=False) == [
        "--injury",
        "yes",
        "--detained",
        "yes",
    ]


def test_a_bare_flag_before_the_kind_of_a_letter(run_cli):
    result = run_cli("letter", "--discrimination", "complaint", "--incident-date", "2026-01-10", "--name", "A")
    assert result.code == 0, result
    assert "discriminat" in result.stdout.lower()
