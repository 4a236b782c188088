"""`-o/--output` on every command that writes a document, shell completion, and the format choices (issue 12)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import pytest

from escalate.output.deadlines import DEADLINE_RENDERERS
from escalate.output.formats import (
    BatchFormat,
    BatchOutputFormat,
    DeadlinesFormat,
    LetterFormat,
    RouteFormat,
    RulesFormat,
)

DOCUMENTS = [
    *(["deadlines", "--example", "--format", member.value] for member in DeadlinesFormat),
    *(["route", "--example", "--format", member.value] for member in RouteFormat),
    *(["rules", "--format", member.value] for member in RulesFormat),
]


@pytest.mark.parametrize("args", DOCUMENTS, ids=" ".join)
@pytest.mark.parametrize("flag", ["-o", "--output"])
def test_output_file_holds_what_standard_output_would(run_cli, tmp_path, args, flag):
    target = tmp_path / "out.doc"
    to_stdout = run_cli(*args)
    to_file = run_cli(*args, flag, str(target))
    assert (to_file.code, to_file.stdout) == (0, "")
    assert to_file.stderr == to_stdout.stderr
    assert target.read_bytes() == to_stdout.stdout.encode("utf-8")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600  # a case's dates are personal data
    assert [path.name for path in tmp_path.iterdir()] == ["out.doc"]  # no temporary file left behind


def test_output_dash_is_standard_output(run_cli):
    assert run_cli("rules", "-o", "-").stdout == run_cli("rules").stdout


def test_output_replaces_a_file_only_when_complete(run_cli, tmp_path, monkeypatch):
    target = tmp_path / "deadlines.csv"
    target.write_text("the old file\n", encoding="utf-8")

    def full_disk(report, stream, options):
        stream.write("half a file")
        raise OSError(28, "No space left on device")

    monkeypatch.setitem(DEADLINE_RENDERERS, DeadlinesFormat.CSV, full_disk)
    result = run_cli("deadlines", "--example", "--format", "csv", "-o", str(target))
    assert result.code == 4
    assert result.stderr.splitlines()[-1] == f"escalate: error: cannot write '{target}': No space left on device"
    assert target.read_text(encoding="utf-8") == "the old file\n"
    assert [path.name for path in tmp_path.iterdir()] == ["deadlines.csv"]


@pytest.mark.parametrize("command", [["deadlines", "--example"], ["route", "--example"], ["rules"]])
def test_output_into_a_missing_folder_is_exit_4(run_cli, tmp_path, command):
    result = run_cli(*command, "-o", str(tmp_path / "no-such-folder" / "out.txt"))
    assert result.code == 4
    assert result.stderr == (
        f"escalate: error: cannot write '{tmp_path / 'no-such-folder' / 'out.txt'}': No such file or directory\n"
    )


def test_calendar_file_is_utf8_bytes_with_crlf(run_cli, tmp_path):
    target = tmp_path / "complaint.ics"
    assert run_cli("deadlines", "--example", "--format", "ics", "-o", str(target)).code == 0
    data = target.read_bytes()
    assert data.startswith(b"BEGIN:VCALENDAR\r\n")
    data.decode("utf-8")


@pytest.mark.parametrize("command", ["deadlines", "route", "rules", "batch"])
def test_every_format_is_listed_in_help(run_cli, command):
    kinds = {"deadlines": DeadlinesFormat, "route": RouteFormat, "rules": RulesFormat, "batch": BatchOutputFormat}
    shown = run_cli(command, "--help").stdout
    assert "|".join(member.value for member in kinds[command]) in shown  # <a|b> or [a|b], by typer version


def test_formats_are_named_alike_across_commands():
    """One name for one format: json is JSON everywhere, csv CSV, ics a calendar, table the table."""
    kinds = (DeadlinesFormat, RouteFormat, RulesFormat, BatchOutputFormat, LetterFormat)
    names = [member.value for kind in kinds for member in kind]
    assert set(names) <= {"table", "json", "csv", "markdown", "ics", "jsonl", "text", "docx", "html", "xlsx"}
    assert {member.value for member in BatchFormat} <= {member.value for member in BatchOutputFormat}


@pytest.mark.parametrize("spelling", ["JSON", "Json", "json"])
def test_format_names_ignore_case(run_cli, spelling):
    assert run_cli("rules", "--format", spelling).stdout.startswith("[")


def complete(words: str) -> list[str]:
    env = {
        **os.environ,
        "_ESCALATE_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split(" ")) - 1),
    }
    done = subprocess.run(
        [sys.executable, "-m", "escalate"], capture_output=True, text=True, env=env, check=False, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


@pytest.mark.parametrize(
    ("words", "offered"),
    [
        ("escalate deadlines --format ", ["table", "json", "csv", "ics", "html"]),
        ("escalate route --format ", ["table", "json", "markdown", "ics", "html"]),
        ("escalate batch x.csv --format ", ["csv", "jsonl", "xlsx", "ics"]),
        ("escalate explain review-", ["review-request"]),
        ("escalate deadlines --schedule3 ", ["yes", "no", "unknown"]),
        ("escalate deadlines --discrimination ", ["yes", "no", "unknown"]),
        ("escalate dead", ["deadlines"]),
    ],
)
def test_shell_completion_offers_the_choices(words, offered):
    assert complete(words) == offered


@pytest.mark.parametrize(
    ("shell", "mark"),
    [("bash", "_escalate_completion()"), ("zsh", "#compdef escalate"), ("fish", "complete --command escalate")],
)
def test_completion_script_for_each_shell(run_cli, shell, mark):
    """Each shell's script, named on the command line (``--show-completion zsh`` or ``=zsh``): the shell named,
    not the one typer detects from the process tree (it used to ignore the name)."""
    for args in (("--show-completion", shell), (f"--show-completion={shell}",)):
        result = run_cli(*args)
        assert result.code == 0, result.stderr
        assert mark in result.stdout and "_ESCALATE_COMPLETE" in result.stdout
        assert "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION" not in os.environ  # put back as it was


def test_completion_for_a_shell_typer_does_not_know(run_cli):
    result = run_cli("--show-completion", "tcsh")
    assert result.code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "'tcsh' is not one of 'bash', 'zsh', 'fish'" in result.stderr
