"""`escalate batch` never misreads a column and never loses, splits or changes a row (issue 11): the names
caseworkers give columns, --map, --ignore and --check; escalate's own output read again; hostile files, each
a row of one table; bytes and encodings; JSON Lines; the files it writes; signals.

Expected dates come from RULES.md s.4 and s.7, worked by hand (the review request: 28 days from the day
after the outcome letter's date, Police (Complaints and Misconduct) Regulations 2020 reg 29(2)).
"""

# One case per line with its source beside it (STYLE.md).

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from escalate.caseload.caseload import Caseload
from escalate.caseload.columns import OWN_COLUMNS, ColumnChoices, ColumnError, LookalikeColumnError, read_columns
from escalate.caseload.files import HEAD_BYTES
from escalate.caseload.names import BATCH_FACTS, COLUMN_NAMES, NAME_TABLE, column_fact, column_key
from escalate.engine.facts import FLAG_FACTS, NO_WORDS, UNKNOWN_WORDS, YES_WORDS
from test_properties import consistent_facts

TODAY = ("--today", "2026-11-21")


def table(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def batch_stdin(run_cli, data: str | bytes, *args: str):
    return run_cli("batch", "-", *TODAY, *args, stdin=data)


def run_escalate(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "escalate", *args], input=stdin, capture_output=True, timeout=120, check=False
    )


# --- the names people use --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "fact"),
    [
        ("Outcome letter date", "outcome_date"),  # issue 11: the caseworker's own spreadsheet
        ("Date of outcome letter", "outcome_date"),
        ("Date complaint made", "complaint_date"),  # issue 11
        ("DOB", "date_of_birth"),
        ("D.O.B.", "date_of_birth"),
        ("Date of incident", "incident_date"),
        ("Incident date", "incident_date"),
        ("SAR received", "sar_date"),  # the date the police received it: RULES.md s.1, sar_date
        ("Date outcome received", "outcome_received_date"),
        ("Review requested", "review_request_date"),
        ("Date of review decision", "review_decision_date"),
        ("Schedule 3", "schedule3"),
        ("Investigated by", "investigation"),
        ("Arrested", "detained"),
        ("outcome_date", "outcome_date"),  # a fact's own name, in any spelling
        ("OUTCOME-DATE", "outcome_date"),
        ("outcome__date ", "outcome_date"),
        ("\ufeffOutcome letter date", "outcome_date"),  # a byte order mark another encoding left
        ("Outcome\u200b letter date", "outcome_date"),  # a zero-width space
        ("\u200fDate of incident", "incident_date"),  # a right-to-left mark
        ("ＤＯＢ", "date_of_birth"),  # full-width letters (NFKC)
        ("Client ref", None),  # not a fact
        ("Adviser", None),
        ("Notes", None),
        ("Decision date", None),  # the outcome's or the review's? left to --map
        ("SAR sent", None),  # sent is not received: left to --map
    ],
)
def test_column_names_people_use(name: str, fact: str | None) -> None:
    assert column_fact(name) == fact


def test_the_name_table_is_consistent() -> None:
    assert set(COLUMN_NAMES) <= set(BATCH_FACTS)
    for fact in BATCH_FACTS:
        assert NAME_TABLE[column_key(fact)] == fact
    for fact, names in COLUMN_NAMES.items():
        for name in names:
            assert column_key(name) and NAME_TABLE[column_key(name)] == fact, name
    assert not any(column_fact(name) for name in OWN_COLUMNS - {"review_body"})


def test_the_caseworkers_spreadsheet_of_the_issue(run_cli) -> None:
    data = "Client ref,Incident date,Outcome letter date,Date complaint made\nC-1,2026-06-01,2026-11-20,2026-06-10\n"
    result = batch_stdin(run_cli, data)
    assert result.code == 0, result.stderr
    (row,) = table(result.stdout)
    # Outcome letter dated Friday 20 November 2026 + 28 days (reg 29(2)): Friday 18 December 2026.
    assert row["review_request_last_day"] == "2026-12-18"
    assert row["complaint_safe_date"] == ""  # the complaint was made: no "make your complaint" deadline
    assert result.stderr.splitlines()[0] == (
        "escalate: reading 'Incident date' as incident_date, 'Outcome letter date' as outcome_date, "
        "'Date complaint made' as complaint_date; not read: 'Client ref'"
    )


@pytest.mark.parametrize(
    ("header", "row", "named", "settles"),
    [
        ("case,Outcome letter dte", "A,2026-11-20", "'Outcome letter dte'", "--map 'Outcome letter dte=outcome_date'"),
        ("case,Date of letter", "A,2026-11-20", "'Date of letter'", "--map 'Date of letter=FACT'"),  # mostly dates
        ("case,outcome_date,Complaint handler", "A,2026-11-20,Sgt X", "'Complaint handler'", "--ignore"),
        ("case,outcome_date,IOPC ref", "A,2026-11-20,2026/0001", "'IOPC ref'", "--ignore 'IOPC ref'"),
    ],
)
def test_a_column_that_looks_like_a_fact_stops_the_batch(
    run_cli, tmp_path: Path, header: str, row: str, named: str, settles: str
) -> None:
    source, target = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_text(f"{header}\n{row}\n")
    result = run_cli("batch", str(source), "-o", str(target), *TODAY)
    assert result.code == 2 and result.stdout == "" and not target.exists()
    assert named in result.stderr and settles in result.stderr and "nothing was written" in result.stderr
    assert result.stderr.count("\n") == 1


def test_map_and_ignore_settle_it(run_cli) -> None:
    data = "case,Date of letter,Complaint handler\nA,2026-11-20,Sgt X\n"
    result = batch_stdin(run_cli, data, "--map", "date of LETTER=outcome date", "--ignore", "Complaint handler")
    assert result.code == 0, result.stderr
    assert table(result.stdout)[0]["review_request_last_day"] == "2026-12-18"  # 20 November + 28 days
    assert "'Date of letter' as outcome_date" in result.stderr
    assert "not read: 'case', 'Complaint handler'" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--map", "Nope=outcome_date"), "--map: no column is named 'Nope'"),
        (("--map", "case=the outcome"), "--map: 'the outcome' is not a fact"),
        (("--map", "case"), "is not COLUMN=fact"),
        (("--ignore", "Nope"), "--ignore: no column is named 'Nope'"),
        (("--map", "case=outcome_date", "--ignore", "case"), "also given to --map"),
        (("--map", "outcome_date=complaint_date", "--map", "case=complaint_date"), "both mean complaint_date"),
    ],
)
def test_map_and_ignore_mistakes_are_exit_2(run_cli, args: tuple[str, ...], message: str) -> None:
    result = batch_stdin(run_cli, "case,outcome_date\nA,2026-11-20\n", *args)
    assert result.code == 2 and result.stdout == "" and message in result.stderr


def test_other_date_columns_get_a_warning(run_cli) -> None:
    data = "case,outcome_date,Appointment date\nA,2026-11-20,TBC\nB,2026-11-20,phone\nC,2026-11-20,2026-12-01\n"
    result = batch_stdin(run_cli, data)
    assert result.code == 0
    assert "escalate: warning: column 'Appointment date' holds dates but is not read" in result.stderr


def test_read_columns_looks_at_the_first_cells() -> None:
    with pytest.raises(LookalikeColumnError, match="'Next hearing'"):
        read_columns(["case", "outcome_date", "Next hearing"], [["A"], ["2026-11-20"], ["03/15/2026"]])
    columns = read_columns(["case", "outcome_date", "Next hearing"], [["A"], ["2026-11-20"], ["call back"]])
    assert columns.facts == {"outcome_date": 1} and columns.unread == (0, 2) and not columns.warnings
    with pytest.raises(ColumnError, match="not COLUMN=fact"):
        ColumnChoices.parse(["=outcome_date"])


def test_check_writes_nothing_and_shows_the_first_rows_problems(run_cli, tmp_path: Path) -> None:
    source, target = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_text("Client ref,DOB,Outcome letter date\nA,1990-01-01,2026-11-20\nB,,soon\n,,\n")
    result = run_cli("batch", str(source), "-o", str(target), *TODAY, "--check")
    assert result.code == 3 and not target.exists()
    assert "'DOB'" in result.stdout and "date_of_birth" in result.stdout
    assert "Not read (passed through): 'Client ref'" in result.stdout
    assert "row 2: outcome_date: 'soon'" in result.stdout and "(1 of 2)" in result.stdout
    assert result.stdout.endswith("Nothing was written.\n")
    clean = run_cli("batch", str(source), *TODAY, "--check", "--map", "Client ref=about")
    assert clean.code == 3  # 'A' is not whom the complaint is about
    fine = tmp_path / "fine.csv"
    fine.write_text("case,outcome_date\nA,2026-11-20\n")
    assert run_cli("batch", str(fine), *TODAY, "--check").code == 0


# --- escalate's own output, read again ------------------------------------------------------------------


def test_rerunning_on_its_own_output_gives_the_same_answers(run_cli, tmp_path: Path) -> None:
    """Issue 11: `review_body` read back as a fact refused `letter` and moved a case that has not complained."""
    source = tmp_path / "r0.csv"
    source.write_text("case,incident_date,letter\nA,2026-10-01,x\n")
    for extension in ("csv", "jsonl"):
        first, second = tmp_path / f"r1.{extension}", tmp_path / f"r2.{extension}"
        assert run_cli("batch", str(source), "-o", str(first), *TODAY).code == 0
        result = run_cli("batch", str(first), "-o", str(second), *TODAY)
        assert result.code == 0, result.stderr
        assert second.read_bytes() == first.read_bytes()
        assert "columns of an earlier escalate run replaced" in result.stderr


_fact_rows = st.lists(consistent_facts(), min_size=1, max_size=6)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_fact_rows, st.sampled_from(["csv", "jsonl"]))
def test_batch_on_its_own_output_is_the_same(run_cli, facts: list[Any], form: str) -> None:
    """A property: batch -> batch on escalate's own output (CSV and JSON Lines) gives identical answers."""
    rows = [{"case": f"C{number}", **item.as_dict()} for number, item in enumerate(facts)]
    if form == "jsonl":  # a JSON object has one review_body: escalate's replaces the input's (README)
        rows = [{key: value for key, value in row.items() if key != "review_body"} for row in rows]
    today = ("--today", facts[0].today.isoformat())
    if form == "jsonl":
        data = "".join(json.dumps(row) + "\n" for row in rows)
    else:
        columns = ["case", *BATCH_FACTS]
        buffer = io.StringIO(newline="")
        writer = csv.DictWriter(buffer, columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows({key: str(value) for key, value in row.items()} for row in rows)
        data = buffer.getvalue()
    first = run_cli("batch", "-", *today, "--input-format", form, stdin=data)
    second = run_cli("batch", "-", *today, "--input-format", form, stdin=first.stdout)
    assert first.code in (0, 3) and second.code == first.code, second.stderr
    assert second.stdout == first.stdout


# --- hostile files: one row out for each record in, in order ---------------------------------------------

_BIG = "x" * 200_000  # over csv's 131,072-character field limit
_HOSTILE = [
    # (name, input, args, the cases in order ("" for a blank row), {case: text its error must hold} )
    (
        "a cell over 131,072 characters",
        f'case,outcome_date,notes\nA,2026-11-03,"{_BIG}"\nB,2026-11-03,{_BIG}\nC,2026-11-03,short\n',
        (),
        ["A", "B", "C"],
        {},
    ),
    (
        "a quote opened and never closed",
        'case,outcome_date,notes\nA,2026-11-03,fine\nB,2026-11-03,"never closed\nC,2026-11-03,fine\nD,2026-11-03,x\n',
        (),
        ["A", "B", "C", "D"],
        {"B": "never closed"},
    ),
    (
        "blank rows as Excel leaves them",
        "case,outcome_date,notes\nA,2026-11-03,x\n,,\n , ,\nB,2026-11-03,y\n,,\n",
        (),
        ["A", "", "", "B", ""],
        {},
    ),
    (
        "every error of a row at once",
        "case,outcome_date,schedule3,injury,incident_date\nA,2026-13-03,maybe,perhaps,TBC\nB,2026-11-03,Y,N,\n",
        (),
        ["A", "B"],
        {"A": "outcome_date: '2026-13-03'"},
    ),
    (
        "ragged rows",
        "case,outcome_date\nA,2026-11-03,extra\nB\nC,2026-11-03\n",
        (),
        ["A", "B", "C"],
        {"A": "the row has 3 cells", "B": "the row has 1 cells"},
    ),
    (
        "a header in other words, with a byte order mark and invisible characters",
        "\ufeffCase,Outcome\u200b-Letter DATE,ＤＯＢ\nA,2026-11-03,1990-02-03\n",
        (),
        ["A"],
        {},
    ),
]


@pytest.mark.parametrize(("name", "data", "args", "cases", "errors"), _HOSTILE, ids=[row[0] for row in _HOSTILE])
def test_hostile_files_keep_every_row(
    run_cli, name: str, data: str, args: tuple[str, ...], cases: list[str], errors: dict[str, str]
) -> None:
    result = batch_stdin(run_cli, data, *args)
    assert result.code in (0, 3), result.stderr
    out = table(result.stdout)
    first = next(iter(out[0]))
    assert [row[first].strip() for row in out] == cases  # rows out = records in, in order
    lines = data.lstrip("\ufeff").splitlines()
    width = len(next(csv.reader(lines[:1])))
    records = [next(csv.reader([line])) for line in lines[1:] if line]  # line by line: a quote never closes
    sent = {record[0]: record for record in records if record and record[0].strip()}
    for row in out:
        key = row[first].strip()
        cells = list(row.values())[:width]
        if key in errors:
            assert errors[key] in row["error"]
        elif key:
            assert row["error"] == ""
            assert cells == sent[key]  # passed-through cells identical
        else:
            assert row["error"] == "" and row["next_step"] == ""  # a blank row: no answers
            assert not "".join(cells).strip()
    counted = len([case for case in cases if case])
    assert f"escalate: {counted:,} row" in result.stderr.splitlines()[-1]


def test_every_error_of_a_row_names_its_fact(run_cli) -> None:
    data = "case,outcome_date,schedule3,injury,incident_date\nA,2026-13-03,maybe,perhaps,TBC\n"
    (row,) = table(batch_stdin(run_cli, data).stdout)
    errors = row["error"].split(" | ")
    assert [error.split(":")[0] for error in errors] == ["outcome_date", "schedule3", "injury", "incident_date"]
    assert errors[0] == "outcome_date: '2026-13-03': there is no month 13"
    assert errors[1] == "schedule3: 'maybe' is not one of: yes, no, unknown"
    assert errors[2] == "injury: 'perhaps' is not yes, no or unknown"
    assert errors[3].startswith("incident_date: 'TBC' is not a date escalate reads; use 2026-03-01")


def test_every_error_of_a_json_line_names_its_fact(run_cli) -> None:
    data = '{"case": "A", "outcome_date": "soon", "schedule3": 5, "injury": [1]}\n'
    (line,) = (json.loads(text) for text in batch_stdin(run_cli, data).stdout.splitlines())
    errors = line["error"].split(" | ")
    assert errors[0] == "injury: expected text, not a list"
    assert errors[1].startswith("outcome_date: 'soon' is not a date escalate reads; use 2026-03-01")
    assert errors[2] == "schedule3: '5' is not one of: yes, no, unknown"  # a number is read as its text
    assert len(errors) == 3


@pytest.mark.parametrize("fact", FLAG_FACTS)
@pytest.mark.parametrize(
    "spelling", [*sorted(YES_WORDS | NO_WORDS | UNKNOWN_WORDS - {""}), "Y", "YES", "No", "N", "True", "Unknown"]
)
def test_yes_no_spellings_of_rules_section_1_in_batch(run_cli, fact: str, spelling: str) -> None:
    """RULES.md s.1: yes, y, true, t, 1; no, n, false, f, 0; unknown and its spellings; any case."""
    result = batch_stdin(run_cli, f'case,outcome_date,{fact}\nA,2026-11-03,"{spelling}"\n')
    assert result.code == 0, result.stdout
    assert table(result.stdout)[0]["error"] == ""


@pytest.mark.parametrize(
    ("spelling", "reads_as"), [("Y", "yes"), ("y", "yes"), ("TRUE", "yes"), ("1", "yes"), ("N", "no"), ("f", "no")]
)
def test_schedule3_yes_no_in_batch(run_cli, spelling: str, reads_as: str) -> None:
    """RULES.md s.1: schedule3 = Y is yes (refused before issue 11). Outside Schedule 3 there is no review."""
    data = f"case,outcome_date,schedule3\nA,2026-11-03,{spelling}\n"
    (row,) = table(batch_stdin(run_cli, data).stdout)
    assert row["error"] == ""
    assert (row["review_request_safe_date"] != "") is (reads_as == "yes")


# --- bytes and encodings --------------------------------------------------------------------------------


def test_windows_1252_without_encoding_stops_before_anything_is_written(run_cli, tmp_path: Path) -> None:
    source, target = tmp_path / "in.csv", tmp_path / "out.csv"
    rows = "".join(f"P{n},2026-11-03,fine\n" for n in range(20_000))  # the stray byte far into the file
    source.write_bytes(("case,outcome_date,notes\n" + rows + "A,2026-11-03,Café\n").encode("cp1252"))
    result = run_cli("batch", str(source), "-o", str(target), *TODAY)
    assert result.code == 2 and not target.exists()
    assert "--encoding cp1252" in result.stderr and "Nothing was written" in result.stderr
    read = run_cli("batch", str(source), "-o", str(target), *TODAY, "--encoding", "cp1252")
    assert read.code == 0 and table(target.read_text(encoding="utf-8"))[-1]["notes"] == "Café"


def test_stray_bytes_late_in_standard_input_are_that_rows_error_and_never_raw(tmp_path: Path) -> None:
    padding = b"P,2026-11-03,fine\n" * (HEAD_BYTES // 16)
    done = run_escalate("batch", "-", *TODAY, stdin=b"case,outcome_date,notes\n" + padding + b"A,2026-11-03,Caf\xe9\n")
    assert done.returncode == 3
    text = done.stdout.decode("utf-8")  # always valid UTF-8
    last = table(text)[-1]
    assert last["notes"] == "Caf\ufffd" and last["error"].startswith("the row is not valid utf-8 text (column 'notes')")


def test_a_utf8_byte_order_mark_wins_over_encoding_cp1252(run_cli) -> None:
    result = batch_stdin(run_cli, "\ufeffoutcome_date,notes\n2026-11-03,Café\n".encode(), "--encoding", "cp1252")
    assert result.code == 0
    (row,) = table(result.stdout)
    assert row["notes"] == "Café" and row["review_request_last_day"] == "2026-12-01"  # 3 November + 28 days
    assert "byte order mark, so it is read as UTF-8, not cp1252" in result.stderr


@pytest.mark.parametrize("codec", ["rot13", "base64", "zlib", "hex", "uu", "quopri", "bz2"])
def test_codecs_that_are_not_text_encodings_are_exit_2(run_cli, codec: str) -> None:
    result = batch_stdin(run_cli, "outcome_date\n2026-11-03\n", "--encoding", codec)
    assert result.code == 2 and f"'{codec}' is not a text encoding" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [((), "UTF-16 text without a byte order mark"), (("--encoding", "utf-16"), "no byte order mark")],
)
def test_utf16_without_a_byte_order_mark_is_exit_2(run_cli, args: tuple[str, ...], message: str) -> None:
    result = batch_stdin(run_cli, "outcome_date\n2026-11-03\n".encode("utf-16-le"), *args)
    assert result.code == 2 and message in result.stderr and "utf-16-le" in result.stderr
    read = batch_stdin(run_cli, "outcome_date\n2026-11-03\n".encode("utf-16-le"), "--encoding", "utf-16-le")
    assert read.code == 0 and table(read.stdout)[0]["review_request_last_day"] == "2026-12-01"


# --- JSON Lines ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "error"),
    [
        (
            '{"case": "A", "outcome_date": "2026-11-03", "outcome_date": "2026-11-04"}',
            "has the key 'outcome_date' twice",
        ),
        ('{"case": "\\ud800", "outcome_date": "2026-11-03"}', "lone surrogate escape"),
        ('{"case": "\\udc80", "outcome_date": "2026-11-03"}', "lone surrogate escape"),
        ('{"case": ' + "[" * 100_000 + "]" * 100_000 + "}", "nests lists or objects too deeply"),
        ('{"case": ' + "[" * 80 + "]" * 80 + "}", "nests lists or objects too deeply"),
    ],
)
def test_json_lines_that_are_that_rows_error(run_cli, line: str, error: str) -> None:
    result = batch_stdin(run_cli, line + '\n{"case": "B", "outcome_date": "2026-11-03"}\n')
    assert result.code == 3
    first, second = (json.loads(text) for text in result.stdout.splitlines())
    assert error in first["error"] and second["error"] is None
    result.stdout.encode("utf-8")  # valid UTF-8: no lone surrogate written raw
    as_csv = run_cli("batch", "-", *TODAY, "--format", "csv", stdin=line + "\n")
    assert as_csv.code == 3 and error in table(as_csv.stdout)[0]["error"]
    as_csv.stdout.encode("utf-8")


def test_a_paired_surrogate_escape_is_text(run_cli) -> None:
    result = batch_stdin(run_cli, '{"case": "\\ud83d\\ude00", "outcome_date": "2026-11-03"}\n')
    assert result.code == 0 and json.loads(result.stdout)["case"] == "\U0001f600"


@pytest.mark.parametrize("form", ["<(cat {path})", "/dev/stdin < {path}"])
def test_json_lines_from_a_pipe_path(tmp_path: Path, form: str) -> None:
    source = tmp_path / "cases.jsonl"
    source.write_text('{"case": "A", "outcome_date": "2026-11-03"}\n{"case": "B", "outcome_date": "2026-11-03"}\n')
    command = f"{sys.executable} -m escalate batch {form.format(path=source)} --today 2026-11-21 --format csv"
    done = subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert [row["case"] for row in table(done.stdout)] == ["A", "B"]


# --- crashes ---------------------------------------------------------------------------------------------


def test_the_date_cache_remembers_unreadable_dates_when_it_empties() -> None:
    caseload = Caseload(("incident_date", "complaint_date"), today=date(2026, 11, 21))
    caseload._dates.size = 3  # empties every few texts
    for day in range(1, 20):
        answer = caseload.answer(("TBC", f"2026-01-{day:02d}"))
        assert answer.error is not None and answer.error.startswith("incident_date: 'TBC'")
        assert caseload.answer(("2025-12-01", f"2026-02-{day:02d}")).error is None


def test_65536_distinct_dates_with_an_unreadable_one_early_and_late(run_cli) -> None:
    """Issue 11: an internal error at row 65,535 (the date cache forgot which dates were unreadable)."""
    start = date(1900, 1, 1)
    lines = ["case,incident_date,complaint_date", "first,TBC,2026-01-01"]
    for number in range(70_000):
        day = start + timedelta(days=number % 45_000)
        text = day.isoformat() if number < 45_000 else f"{day.day} {day:%B} {day.year}"
        lines.append(f"r{number},,{text}")
        if 65_500 <= number <= 65_600:
            lines.append(f"late{number},TBC,{start + timedelta(days=number)}")
    result = batch_stdin(run_cli, "\n".join(lines) + "\n")
    assert result.code == 3, result.stderr
    out = table(result.stdout)
    assert len(out) == len(lines) - 1
    assert all(row["error"].startswith("incident_date: 'TBC'") for row in out if not row["case"].startswith("r"))


def test_calendar_case_references_that_cannot_be_are_those_rows_errors(run_cli) -> None:
    long = "D" * 64
    rows = ["A\u200fB", "Z\u200bY", "C\x01", long, long, "E" * 70, "OK"]
    data = "case_ref,outcome_date\n" + "".join(f"{ref},2026-11-03\n" for ref in rows)
    result = batch_stdin(run_cli, data, "--format", "ics")
    assert result.code == 3
    for number in (1, 2, 3, 6):
        assert f"escalate: row {number}: its case reference is not one line of up to 64 printable" in result.stderr
    assert "--case-ref" not in result.stderr
    assert result.stdout.count("BEGIN:VEVENT") == 3  # the rest are kept: rows 4, 5 (as "... (row 5)") and 7
    assert f"{long[:56]} (row 5)" in result.stdout.replace("\r\n ", "")


# --- files ----------------------------------------------------------------------------------------------


def test_output_through_a_symlink_writes_to_its_target(run_cli, tmp_path: Path) -> None:
    source, target, link = tmp_path / "in.csv", tmp_path / "target.csv", tmp_path / "link.csv"
    source.write_text("case,outcome_date\nA,2026-11-03\n")
    target.write_text("old\n")
    link.symlink_to(target)
    assert run_cli("batch", str(source), "-o", str(link), *TODAY).code == 0
    assert link.is_symlink() and target.read_text().startswith("case,outcome_date,")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["in.csv", "link.csv", "target.csv"]


def test_output_onto_a_fifo_writes_into_it_and_a_folder_is_refused(run_cli, tmp_path: Path) -> None:
    import threading

    source, fifo = tmp_path / "in.csv", tmp_path / "fifo"
    source.write_text("case,outcome_date\nA,2026-11-03\n")
    os.mkfifo(fifo)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text(encoding="utf-8")))
    reader.start()
    done = run_escalate("batch", str(source), "-o", str(fifo), *TODAY)
    reader.join(timeout=60)
    assert done.returncode == 0, done.stderr
    assert received[0].startswith("case,outcome_date,") and fifo.is_fifo()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["fifo", "in.csv"]
    folder = run_cli("batch", str(source), "-o", str(tmp_path), *TODAY)
    assert folder.code == 2 and "is a folder" in folder.stderr


def test_output_over_standard_input_redirected_from_it_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text("case,outcome_date\nA,2026-11-03\n")
    command = f"{sys.executable} -m escalate batch - -o {source} --today 2026-11-21 < {source}"
    done = subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2 and "is the input file" in done.stderr
    assert source.read_text() == "case,outcome_date\nA,2026-11-03\n"


def test_an_empty_output_name_and_a_long_one(run_cli, tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text("case,outcome_date\nA,2026-11-03\n")
    empty = run_cli("batch", str(source), "-o", "", *TODAY)
    assert empty.code == 2 and "--output: an empty value was given" in empty.stderr  # RULES.md s.1, issue 12
    long = tmp_path / ("a" * 250 + ".csv")  # 254 characters: valid, but not with a prefix and ".part" added
    assert run_cli("batch", str(source), "-o", str(long), *TODAY).code == 0
    assert long.read_text().startswith("case,outcome_date,")


@pytest.mark.parametrize("signal_name", ["SIGTERM", "SIGHUP", "SIGINT"])
def test_signals_leave_no_partial_file(tmp_path: Path, signal_name: str) -> None:
    target = tmp_path / "out.csv"
    process = subprocess.Popen(
        [sys.executable, "-m", "escalate", "batch", "-", "-o", str(target), *TODAY],
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdin is not None
    process.stdin.write(b"case,outcome_date\n" + b"A,2026-11-03\n" * 5000)
    process.stdin.flush()
    deadline = time.monotonic() + 30
    while not any(path.name.endswith(".part") for path in tmp_path.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)
    process.send_signal(getattr(signal, signal_name))
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 130, stderr
    assert b"interrupted" in stderr and b"Traceback" not in stderr
    assert list(tmp_path.iterdir()) == []


def test_a_quote_that_never_closes_far_from_the_end_resumes_at_the_next_line(run_cli) -> None:
    """A quote still open after MAX_RECORD_LINES lines is one that never closed: memory stays bounded."""
    data = 'case,outcome_date,notes\nA,2026-11-03,"open\n' + "B,2026-11-03,x\n" * 12_000 + 'C,2026-11-03,"a, b"\n'
    result = batch_stdin(run_cli, data)
    assert result.code == 3
    out = table(result.stdout)
    assert [row["case"] for row in out] == ["A", *["B"] * 12_000, "C"]
    assert out[0]["error"].startswith('a quote (") opened in this row is never closed')
    assert all(row["error"] == "" for row in out[1:]) and out[-1]["notes"] == "a, b"
