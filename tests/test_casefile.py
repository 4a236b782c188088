"""Case files: --save and --case on every command, `escalate case`, the file's format, its errors and its safety."""

from __future__ import annotations

import io
import json
import os
import stat
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from conftest import EXAMPLES, CliResult
from escalate.cli.app import app
from escalate.documents.casefile import (
    CaseFile,
    CaseFileError,
    CaseWriteError,
    Event,
    parse_case,
    read_case,
    write_case,
    write_private,
)
from test_ask import FakeTerminal, run_main

Run = Callable[..., CliResult]
TODAY = ["--today", "2026-11-21"]
FACTS = [
    "--incident-date", "10/01/2026",
    "--complaint-date", "2 February 2026",
    "--outcome-date", "2026-11-03",
    "--schedule3", "yes",
    "--investigation", "mps",
    "--detained", "y",
    "--discrimination", "yes",
    "--sar-date", "2026-10-30",
]  # fmt: skip


# --- same answers whichever way the facts arrive -----------------------------------------------------------

COMMANDS = [
    pytest.param(["deadlines", "--format", "json"], id="deadlines-json"),
    pytest.param(["deadlines", "--format", "csv"], id="deadlines-csv"),
    pytest.param(["deadlines", "--format", "ics"], id="deadlines-ics"),
    pytest.param(["route", "--format", "json"], id="route-json"),
    pytest.param(["route", "--format", "markdown"], id="route-markdown"),
    pytest.param(["explain", "review-request"], id="explain"),
    pytest.param(["timeline", "--format", "markdown"], id="timeline"),
    pytest.param(
        ["letter", "review-request"],
        id="letter",
        marks=pytest.mark.skipif(
            not any(info.name == "letter" for info in app.registered_commands),
            reason="escalate letter is not on this branch yet",
        ),
    ),
]


@pytest.mark.parametrize("command", COMMANDS)
def test_a_command_gives_the_same_answer_from_options_and_from_the_saved_file(
    run_cli: Run, tmp_path: Path, command: list[str]
) -> None:
    case = tmp_path / "case.toml"
    saved = run_cli("deadlines", *FACTS, *TODAY, "--format", "json", "--save", str(case))
    assert saved.code == 0, saved.stderr
    direct = run_cli(*command, *FACTS, *TODAY)
    from_file = run_cli(*command, "--case", str(case), *TODAY)
    assert direct.code == from_file.code == 0, from_file.stderr
    assert direct.stdout == from_file.stdout
    assert direct.stdout.strip()


def test_save_on_deadlines_prints_what_the_same_command_prints_without_it(run_cli: Run, tmp_path: Path) -> None:
    plain = run_cli("deadlines", *FACTS, *TODAY, "--format", "json")
    saving = run_cli("deadlines", *FACTS, *TODAY, "--format", "json", "--save", str(tmp_path / "case.toml"))
    assert plain.stdout == saving.stdout
    assert saving.stderr.endswith(f"escalate: saved the case in {tmp_path / 'case.toml'}\n")


def test_route_save_writes_the_facts(run_cli: Run, tmp_path: Path) -> None:
    case = tmp_path / "case.toml"
    result = run_cli("route", "--outcome-date", "2026-11-03", *TODAY, "--save", str(case))
    assert result.code == 0, result.stderr
    assert read_case(case).facts == {"outcome_date": "2026-11-03"}


# --- what the file holds ------------------------------------------------------------------------------------


def test_the_file_is_private_and_holds_only_what_was_given(run_cli: Run, tmp_path: Path) -> None:
    case = tmp_path / "case.toml"
    run_cli("deadlines", "--outcome-date", "3/11/2026", "--detained", "no", *TODAY, "--save", str(case))
    assert stat.S_IMODE(case.stat().st_mode) == 0o600
    text = case.read_text(encoding="utf-8")
    body = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert body == ["version = 1", "[facts]", "outcome_date = 2026-11-03", "detained = false"]
    assert "2026-11-21" not in text  # --today is not a fact of the case
    assert sorted(path.name for path in tmp_path.iterdir()) == ["case.toml"]  # no temporary file left


def test_an_existing_file_becomes_private_when_rewritten(tmp_path: Path) -> None:
    case = tmp_path / "case.toml"
    case.write_text("[facts]\n", encoding="utf-8")
    case.chmod(0o644)
    write_case(case, CaseFile({"outcome_date": "2026-11-03"}))
    assert stat.S_IMODE(case.stat().st_mode) == 0o600


def test_options_override_the_file_and_save_writes_the_merged_case(run_cli: Run, tmp_path: Path) -> None:
    case = tmp_path / "case.toml"
    case.write_text(
        '[facts]\noutcome_date = 2026-10-01\nschedule3 = "yes"\n[details]\nname = "A. N. Other"\n'
        '[[events]]\ndate = 2026-09-20\ntext = "Sent review request by email"\n',
        encoding="utf-8",
    )
    result = run_cli(
        "deadlines", "--case", str(case), "--save", str(case), "--outcome-date", "2026-11-03", *TODAY, "-f", "json"
    )
    assert result.code == 0, result.stderr
    assert json.loads(result.stdout)["facts"] == {"outcome_date": "2026-11-03", "schedule3": "yes"}
    merged = read_case(case)
    assert merged.facts == {"outcome_date": "2026-11-03", "schedule3": "yes"}
    assert merged.details == {"name": "A. N. Other"}
    assert merged.events == (Event(date(2026, 9, 20), "Sent review request by email"),)
    assert result.stderr.endswith(f"escalate: updated {case}\n")


def test_a_fact_given_as_unknown_is_removed_from_the_file(run_cli: Run, tmp_path: Path) -> None:
    case = tmp_path / "case.toml"
    case.write_text("[facts]\ndetained = true\noutcome_date = 2026-11-03\n", encoding="utf-8")
    assert run_cli("deadlines", "--save", str(case), "--detained", "unknown", *TODAY).code == 0
    assert read_case(case).facts == {"outcome_date": "2026-11-03"}


def test_save_alone_on_an_existing_file_updates_it_and_uses_its_facts(run_cli: Run, tmp_path: Path) -> None:
    case = tmp_path / "case.toml"
    case.write_text('[facts]\nincident_date = 2026-01-10\n[[events]]\ndate = 2026-02-01\ntext = "x"\n', "utf-8")
    result = run_cli("deadlines", "--outcome-date", "2026-11-03", "--save", str(case), *TODAY, "-f", "json")
    assert json.loads(result.stdout)["facts"] == {"incident_date": "2026-01-10", "outcome_date": "2026-11-03"}
    assert len(read_case(case).events) == 1  # nothing in it lost


def test_save_to_another_existing_file_is_refused(run_cli: Run, tmp_path: Path) -> None:
    first, second = tmp_path / "a.toml", tmp_path / "b.toml"
    first.write_text("[facts]\n", "utf-8")
    second.write_text('[[events]]\ndate = 2026-02-01\ntext = "kept"\n', "utf-8")
    result = run_cli("deadlines", "--case", str(first), "--save", str(second), *TODAY)
    assert result.code == 2 and result.stdout == ""
    assert "already exists and is not the --case file" in result.stderr
    assert "kept" in second.read_text("utf-8")


def test_save_into_a_missing_folder_is_an_output_error_before_any_output(run_cli: Run, tmp_path: Path) -> None:
    result = run_cli("deadlines", "--outcome-date", "2026-11-03", "--save", str(tmp_path / "no" / "c.toml"), *TODAY)
    assert result.code == 4 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "there is no folder" in result.stderr


def test_example_with_a_case_file_is_refused(run_cli: Run, tmp_path: Path) -> None:
    result = run_cli("deadlines", "--example", "--save", str(tmp_path / "c.toml"))
    assert result.code == 2 and "--example cannot be used with --case or --save" in result.stderr


def test_wrong_facts_are_not_saved(run_cli: Run, tmp_path: Path) -> None:
    case = tmp_path / "case.toml"
    result = run_cli("deadlines", "--outcome-date", "31/02/2026", "--save", str(case), *TODAY)
    assert result.code == 2 and "--outcome-date" in result.stderr
    assert not case.exists()


def test_the_written_file_reads_back_the_same(tmp_path: Path) -> None:
    case = CaseFile(
        {"incident_date": "2026-01-10", "schedule3": "no", "injury": "yes"},
        {"name": "A. N. Other", "what_happened": 'Two paragraphs.\n\nWith "quotes" and a \\ backslash.'},
        (Event(date(2026, 2, 1), "Complained"), Event(date(2026, 3, 1), "Reply: looking into it", update=True)),
    )
    path = tmp_path / "case.toml"
    write_case(path, case)
    assert read_case(path) == case


# --- a file escalate cannot read: the line and the fact, exit 2 ---------------------------------------------

BAD_FILES = [
    ('[facts]\nincident_date = "31/02/2026"\n', "line 2: incident_date: '31/02/2026' is not a real date"),
    (
        "[facts]\nincident = 2026-01-10\n",
        "line 2: 'incident' is not a fact escalate knows (did you mean incident_date?)",
    ),
    ("[facts]\nincident_date = 10/01/2026\n", "line 2 (incident_date): not TOML escalate can read"),
    ("[facts]\nincident_date = 2026-01-10T10:00:00\n", "line 2: incident_date: give a date without a time"),
    ("[facts]\nincident_date = 20260110\n", "line 2: incident_date: must be a date"),
    ('[facts]\ndetained = "maybe"\n', "line 2: detained: 'maybe' is not yes, no or unknown"),
    ("[facts]\ndetained = 1\n", "line 2: detained: must be true or false"),
    ('[facts]\nschedule3 = "perhaps"\n', "line 2: schedule3: 'perhaps' is not one of: yes, no, unknown"),
    ("[facts]\nschedule3 = true\n", "line 2: schedule3: must be one of these, in quotes: yes, no, unknown"),
    ('version = 1\n\n[detail]\nname = "x"\n', "line 3: 'detail' is not part of a case file"),
    ('[details]\nadress = "x"\n', "line 2: 'adress' is not a detail escalate keeps (did you mean address?)"),
    ("[details]\nname = 3\n", "line 2: name: must be text, in quotes"),
    ("version = 2\n", "line 1: version 2: written by a newer escalate"),
    ('version = "1"\n', "line 1: version: must be a whole number"),
    ("facts = 3\n", "line 1: facts: must be a table"),
    (
        '[[events]]\ndate = 2026-01-10\ntext = "a"\n\n[[events]]\ndate = "2026-13-01"\ntext = "b"\n',
        "line 6: event 2: date:",
    ),
    ('[[events]]\ntext = "a"\n', "line 1: event 1: has no date"),
    ("[[events]]\ndate = 2026-01-10\n", "line 1: event 1: text must be what happened"),
    ('[[events]]\ndate = 2026-01-10\ntext = "a"\nupdate = "yes"\n', "line 4: event 1: update must be true or false"),
    ('[[events]]\ndate = 2026-01-10\ntext = "a"\nwho = "b"\n', "line 4: event 1: 'who' is not part of an event"),
    ('[[events]]\ndate = 2026-01-10T09:00:00\ntext = "a"\n', "line 2: event 1: date must be a date"),
    ("events = 3\n", "line 1: events: each event is an [[events]] table"),
]


@pytest.mark.parametrize(("text", "message"), BAD_FILES)
def test_a_file_escalate_cannot_read_names_the_line_and_the_fact(
    run_cli: Run, tmp_path: Path, text: str, message: str
) -> None:
    case = tmp_path / "case.toml"
    case.write_text(text, encoding="utf-8")
    result = run_cli("deadlines", "--case", str(case), *TODAY)
    assert result.code == 2 and result.stdout == ""
    assert result.stderr.startswith(f"escalate: error: {case}, ")
    assert message in result.stderr
    assert result.stderr.count("\n") == 1


def test_facts_that_disagree_name_the_file_lines_and_the_option(run_cli: Run, tmp_path: Path) -> None:
    case = tmp_path / "case.toml"
    case.write_text("[facts]\nincident_date = 2026-01-10\noutcome_date = 2026-02-01\n", "utf-8")
    result = run_cli("deadlines", "--case", str(case), "--complaint-date", "2026-03-01", *TODAY)
    assert result.code == 2
    assert result.stderr == (
        f"escalate: error: outcome_date on line 3 of {case} (Sunday 1 February 2026) is before --complaint-date "
        "(Sunday 1 March 2026); check both dates\n"
    )


def test_a_fact_given_as_an_option_mends_a_wrong_one_in_the_file(run_cli: Run, tmp_path: Path) -> None:
    case = tmp_path / "case.toml"
    case.write_text("[facts]\nincident_date = 2026-01-10\ncomplaint_date = 2025-01-01\n", "utf-8")
    assert run_cli("deadlines", "--case", str(case), *TODAY).code == 2
    assert run_cli("deadlines", "--case", str(case), "--complaint-date", "2026-02-02", *TODAY).code == 0


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda path: None, "no such case file"),
        (lambda path: path.mkdir(), "is a folder"),
        (lambda path: path.write_bytes(b"[facts]\nname = '\xff'\n"), "is not UTF-8 text"),
    ],
    ids=["missing", "folder", "not-utf8"],
)
def test_a_file_that_cannot_be_opened_is_one_line(
    run_cli: Run, tmp_path: Path, make: Callable[[Path], None], message: str
) -> None:
    case = tmp_path / "case.toml"
    make(case)
    result = run_cli("route", "--case", str(case), *TODAY)
    assert result.code == 2 and message in result.stderr and result.stderr.count("\n") == 1


def test_a_byte_order_mark_and_quoted_dates_are_read(tmp_path: Path) -> None:
    case = tmp_path / "case.toml"
    case.write_bytes('\ufeff[facts]\ncomplaint_date = "2 February 2026"\n'.encode())
    assert read_case(case).facts == {"complaint_date": "2 February 2026"}


def test_errors_carry_no_case_data_in_their_context() -> None:
    with pytest.raises(CaseFileError) as raised:
        parse_case('[[events]]\ndate = "soon"\ntext = "my private words"\n', "c.toml")
    assert raised.value.__suppress_context__ and raised.value.__cause__ is None
    assert "my private words" not in str(raised.value)
    with pytest.raises(CaseFileError) as broken:
        parse_case('[facts]\nincident_date = "x\n', "c.toml")
    assert broken.value.__suppress_context__


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case = tmp_path / "case.toml"
    case.write_text("old", "utf-8")

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(CaseWriteError, match="No space left on device"):
        write_private(case, b"new")
    assert case.read_text("utf-8") == "old"
    assert [path.name for path in tmp_path.iterdir()] == ["case.toml"]


# --- escalate case add-event / show ------------------------------------------------------------------------


@pytest.mark.parametrize("written", ["2026-09-20", "20/09/2026", "20 September 2026", "Sunday 20 September 2026"])
def test_add_event_reads_any_date_form(run_cli: Run, tmp_path: Path, written: str) -> None:
    case = tmp_path / "case.toml"
    result = run_cli("case", "add-event", str(case), written, "Sent review request by email")
    assert result.code == 0, result.stderr
    assert read_case(case).events == (Event(date(2026, 9, 20), "Sent review request by email"),)
    assert stat.S_IMODE(case.stat().st_mode) == 0o600
    assert "(a new case file)" in result.stderr


def test_add_event_keeps_the_log_in_date_order_and_the_rest_unchanged(run_cli: Run, tmp_path: Path) -> None:
    case = tmp_path / "case.toml"
    case.write_text('[facts]\noutcome_date = 2026-11-03\n[details]\nname = "A"\n', "utf-8")
    run_cli("case", "add-event", str(case), "2026-09-20", "Second")
    run_cli("case", "add-event", str(case), "2026-09-03", "First", "--update")
    run_cli("case", "add-event", str(case), "2026-09-20", "Third, same day")
    read = read_case(case)
    assert [(event.text, event.update) for event in read.events] == [
        ("First", True),
        ("Second", False),
        ("Third, same day", False),
    ]
    assert read.facts == {"outcome_date": "2026-11-03"} and read.details == {"name": "A"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["2026-02-30", "x"], "escalate: error: DATE: '2026-02-30' is not a real date"),
        (["2026-09-20", "  "], "escalate: error: TEXT: say what happened"),
    ],
)
def test_add_event_refuses_a_wrong_date_or_no_text(run_cli: Run, tmp_path: Path, args: list[str], message: str) -> None:
    case = tmp_path / "case.toml"
    result = run_cli("case", "add-event", str(case), *args)
    assert result.code == 2 and not case.exists()
    assert result.stderr.startswith(message) and result.stderr.count("\n") == 1


def test_case_show_in_words_and_as_json(run_cli: Run) -> None:
    shown = run_cli("case", "show", str(EXAMPLES / "case.toml"))
    assert shown.code == 0
    assert "  Complaint made                     Monday 2 February 2026\n" in shown.stdout
    assert "  reference                          CMP/123/26\n" in shown.stdout
    assert "(update from the police)" in shown.stdout
    document = json.loads(run_cli("case", "show", str(EXAMPLES / "case.toml"), "-f", "json").stdout)
    assert document["facts"]["complaint_date"] == "2 February 2026"
    assert document["events"][0] == {
        "date": "2026-01-12",
        "text": "Asked the police in writing to keep the body-worn video",
        "update": False,
    }


def test_case_without_a_subcommand_shows_help(run_cli: Run) -> None:
    result = run_cli("case", "--help")
    assert result.code == 0 and "add-event" in result.stdout and "show" in result.stdout


# --- --ask: save at the end, keep the answers on Ctrl-C ----------------------------------------------------

ANSWERS = ["1", "yes", "10/01/2026", "02/02/2026", "1", "yes", "03/11/2026", "", "1", "1", "no"]
EVERY_ANSWER = [*ANSWERS, "no", "no", "no", "no", "no", ""]  # to the last question (sar_date)


def test_ask_with_save_keeps_the_answers(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    case = tmp_path / "case.toml"
    code, out, err = run_main(
        monkeypatch, ["route", "--ask", *TODAY, "--save", str(case), "-f", "json"], FakeTerminal("\n".join(ANSWERS))
    )
    assert code == 0, err
    facts = read_case(case).facts
    assert facts["incident_date"] == "2026-01-10" and facts["outcome_date"] == "2026-11-03"
    assert facts["review_body"] == "mopac"
    assert "complained" not in facts  # the interview's own questions are not facts
    again = run_main(monkeypatch, ["route", "--case", str(case), *TODAY, "-f", "json"], io.StringIO())
    assert json.loads(again[1]) == json.loads(out)  # the same route from the file


def test_ask_stopped_with_ctrl_c_keeps_the_answers_given_so_far(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    class StopsAfterThree(FakeTerminal):
        lines = iter(["1\n", "yes\n", "10/01/2026\n"])

        def readline(self, size: int | None = -1) -> str:
            try:
                return next(self.lines)
            except StopIteration:
                raise KeyboardInterrupt from None

    case = tmp_path / "case.toml"
    code, out, err = run_main(monkeypatch, ["route", "--ask", *TODAY, "--save", str(case)], StopsAfterThree())
    assert code == 130 and out == ""
    assert read_case(case).facts == {"about": "officer", "incident_date": "2026-01-10"}
    assert err.endswith(
        f"> \nStopped: your 2 answers so far are kept in {case}, and nothing was worked out. To pick up where you "
        f"left off, run: escalate route --save {case} --ask\nescalate: error: interrupted\n"
    )


def test_ask_stopped_without_a_file_named_writes_nothing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    class Interrupting(FakeTerminal):
        def readline(self, size: int | None = -1) -> str:
            raise KeyboardInterrupt

    monkeypatch.chdir(tmp_path)
    code, _, _ = run_main(monkeypatch, ["route", "--ask", *TODAY], Interrupting())
    assert code == 130 and list(tmp_path.iterdir()) == []


def test_ask_offers_to_save_at_the_end(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    taken = tmp_path / "taken.toml"
    taken.write_text("", "utf-8")
    case = tmp_path / "case.toml"
    answers = [*EVERY_ANSWER, str(taken), str(case)]
    code, _, err = run_main(monkeypatch, ["route", "--ask", *TODAY], FakeTerminal("\n".join(answers) + "\n"))
    assert code == 0, err
    assert "Save these answers in a case file" in err and "taken.toml already exists" in err
    assert read_case(case).facts["outcome_date"] == "2026-11-03"
    assert taken.read_text("utf-8") == ""


def test_ask_with_a_case_file_offers_to_update_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    case = tmp_path / "case.toml"
    case.write_text('[facts]\nabout = "officer"\ncomplaint_date = 2026-02-02\n', "utf-8")
    answers = ["10/01/2026", "1", "no", "", "no", "no", "no", "no", "no", "no", "no", "no", "", "y"]
    code, _, err = run_main(
        monkeypatch, ["route", "--ask", "--case", str(case), *TODAY], FakeTerminal("\n".join(answers) + "\n")
    )
    assert code == 0, err
    assert f"Save these answers in {case}" in err
    facts = read_case(case).facts
    assert facts["incident_date"] == "2026-01-10" and facts["complaint_date"] == "2026-02-02"


def test_ask_offer_declined_writes_nothing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, _ = run_main(monkeypatch, ["route", "--ask", *TODAY], FakeTerminal("\n".join([*EVERY_ANSWER, ""]) + "\n"))
    assert code == 0 and list(tmp_path.iterdir()) == []


# --- the example and the library --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [["deadlines"], ["route"], ["explain", "complaint-update"], ["timeline"], ["timeline", "-f", "markdown"]],
)
def test_the_example_case_file_runs(run_cli: Run, command: list[str]) -> None:
    result = run_cli(*command, "--case", str(EXAMPLES / "case.toml"), "--today", "2026-07-01")
    assert result.code == 0, result.stderr
    assert result.stdout.strip()


def test_reading_imports_neither_the_writer_nor_word() -> None:
    code = (
        "import sys; from escalate.documents.casefile import read_case; read_case(sys.argv[1]); "
        "assert 'tomli_w' not in sys.modules and 'docx' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code, str(EXAMPLES / "case.toml")], check=True)


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--case", ""], 2, "--case: an empty value was given"),  # as every option given empty (RULES.md s.1)
        (["--save", "-"], 2, "--save: give the case file's name"),
        (["--save", "{tmp}"], 2, "is a folder; give a file name"),
    ],
)
def test_a_case_option_without_a_usable_file_name(
    run_cli: Run, tmp_path: Path, args: list[str], code: int, message: str
) -> None:
    result = run_cli("deadlines", *[arg.replace("{tmp}", str(tmp_path)) for arg in args], *TODAY)
    assert result.code == code and message in result.stderr and result.stderr.count("\n") == 1


def test_add_event_into_a_missing_folder_is_an_output_error(run_cli: Run, tmp_path: Path) -> None:
    result = run_cli("case", "add-event", str(tmp_path / "no" / "case.toml"), "2026-09-20", "x")
    assert result.code == 4 and "no such folder" in result.stderr


def test_timeline_from_options_alone(run_cli: Run) -> None:
    result = run_cli("timeline", "--complaint-date", "2026-02-02", "--today", "2026-04-10")
    assert result.code == 0 and "67 days with no update from the police logged" in result.stdout


def test_a_command_with_detail_options_reads_them_from_the_file_and_saves_them(tmp_path: Path) -> None:
    """`escalate letter`'s --name, --address ... come from the case file when not given, the same way for any
    command with those options (with_fact_options); those given are saved with the case."""
    from typing import Annotated

    import typer
    from typer.testing import CliRunner

    from escalate.cli.options import read_facts, with_fact_options

    seen: dict[str, str | None] = {}

    def letterlike(
        fact_text: dict[str, str | None],
        name: Annotated[str | None, typer.Option("--name")] = None,
        address: Annotated[str | None, typer.Option("--address")] = None,
        what_happened: Annotated[str | None, typer.Option("--what-happened")] = None,
        what_happened_file: Annotated[str | None, typer.Option("--what-happened-file")] = None,
    ) -> None:
        read_facts(fact_text, "2026-11-21", example=False)
        seen.update(name=name, address=address, what_happened=what_happened)

    app = typer.Typer()
    app.command()(with_fact_options(letterlike))
    case = tmp_path / "case.toml"
    case.write_text('[details]\nname = "A. N. Other"\naddress = "Old"\nwhat_happened = "Stopped."\n', "utf-8")
    args = ["--case", str(case), "--save", str(case), "--address", "New", "--what-happened-file", "w.txt"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert seen == {"name": "A. N. Other", "address": "New", "what_happened": None}
    assert read_case(case).details == {"name": "A. N. Other", "address": "New", "what_happened": "Stopped."}


def test_the_case_is_saved_when_the_reader_goes_away(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    from escalate.cli.app import main

    def closed(*args: object, **kwargs: object) -> None:
        raise BrokenPipeError  # as `escalate deadlines ... | head -1` meets it

    monkeypatch.setattr("escalate.output.deadlines.render_deadlines", closed)
    monkeypatch.setattr("os.dup2", lambda source, target: None)
    case = tmp_path / "case.toml"
    with pytest.raises(SystemExit) as done:
        main(["deadlines", "--outcome-date", "2026-11-03", "--save", str(case), *TODAY])
    assert done.value.code == 0
    assert read_case(case).facts == {"outcome_date": "2026-11-03"}
    assert capfd.readouterr().err == f"escalate: saved the case in {case}\n"
