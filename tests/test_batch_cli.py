"""`escalate batch` on the command line: every row out once and in order, whatever comes in; each kind
of malformed input; CSV and JSON Lines both ways; spreadsheet-safe cells; exit codes; help; the example.

Expected dates come from RULES.md s.4 and s.7 (worked by hand), as in test_legal_edges.py.
"""

# One case per line with its source beside it (STYLE.md).

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import EXAMPLES
from escalate.caseload.columns import added_columns
from escalate.caseload.run import CsvLines, neutralised_line

TODAY = ("--today", "2026-11-21")
ADDED = len(added_columns())


def rows_of(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def table(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def batch_stdin(run_cli, data: str | bytes, *args: str):
    return run_cli("batch", "-", *TODAY, *args, stdin=data)


# --- what comes out -----------------------------------------------------------------------------------


def test_columns_pass_through_then_escalates(run_cli) -> None:
    result = batch_stdin(run_cli, "Case ref,Outcome Date,Notes\nA1,2026-11-03,first\n")
    assert result.code == 0, result.stderr
    header, row = rows_of(result.stdout)
    assert header[:3] == ["Case ref", "Outcome Date", "Notes"] and header[3:] == list(added_columns())
    out = dict(zip(header, row, strict=True))
    assert (out["Case ref"], out["Outcome Date"], out["Notes"]) == ("A1", "2026-11-03", "first")
    # 3 November 2026 + 28 days starting with the day after (reg 29(2)): Tuesday 1 December 2026
    assert [
        out[f"review_request_{name}"] for name in ("safe_date", "last_day", "latest_date", "status", "days_left")
    ] == [
        "2026-12-01",
        "2026-12-01",
        "2026-12-01",
        "due-soon",
        "10",
    ]
    assert (out["next_deadline"], out["next_deadline_date"]) == ("review-request", "2026-12-01")
    assert (out["next_step"], out["review_body"], out["error"]) == ("request-review", "mopac", "")
    assert out["judicial_review_safe_date"] == ""  # no review decision yet: the rule does not appear


def test_summary_goes_to_standard_error(run_cli) -> None:
    result = batch_stdin(run_cli, "outcome_date\n2026-11-03\n2026-01-05\nnot a date\n")
    assert result.code == 3
    assert result.stderr == (
        "escalate: reading 'outcome_date' as outcome_date\n"
        "escalate: 3 rows read, 1 with errors (see the error column); 1 deadline due within 14 days or at risk\n"
    )


def test_only_narrows_the_columns(run_cli) -> None:
    result = batch_stdin(run_cli, "outcome_date\n2026-11-03\n", "--only", "review-request,judicial-review")
    header, row = rows_of(result.stdout)
    assert header == ["outcome_date", *added_columns({"review-request", "judicial-review"})]
    assert dict(zip(header, row, strict=True))["review_request_safe_date"] == "2026-12-01"


def test_unknown_rule_in_only_is_exit_2(run_cli) -> None:
    result = batch_stdin(run_cli, "outcome_date\n2026-11-03\n", "--only", "appeal")
    assert result.code == 2 and result.stdout == ""
    assert "'appeal' is not a rule id" in result.stderr


# --- each kind of malformed input ---------------------------------------------------------------------


def test_bad_date_is_that_rows_error_and_the_batch_goes_on(run_cli) -> None:
    result = batch_stdin(run_cli, "case,outcome_date\nA,31/02/2026\nB,2026-11-03\n")
    assert result.code == 3
    first, second = table(result.stdout)
    assert first["case"] == "A" and first["outcome_date"] == "31/02/2026"
    assert first["error"] == "outcome_date: '31/02/2026' is not a real date: February 2026 has 28 days"
    assert all(first[column] == "" for column in added_columns() if column != "error")
    assert second["review_request_safe_date"] == "2026-12-01" and second["error"] == ""


def test_contradiction_is_that_rows_error(run_cli) -> None:
    result = batch_stdin(run_cli, "incident_date,complaint_date\n2026-03-01,2026-02-01\n")
    assert result.code == 3
    (row,) = table(result.stdout)
    assert row["error"] == (
        "complaint_date (Sunday 1 February 2026) is before incident_date (Sunday 1 March 2026); check both dates"
    )


@pytest.mark.parametrize(
    "first_line",
    [
        "2026-11-03,A1,first",  # the header is missing: the first row is a case
        "case,notes",  # a header, but no column names a fact
        ",,",
    ],
)
def test_missing_header_is_exit_2_with_nothing_written(run_cli, first_line: str) -> None:
    result = batch_stdin(run_cli, first_line + "\n2026-11-03,A2,second\n")
    assert result.code == 2 and result.stdout == ""
    assert "the first row must be a header" in result.stderr and result.stderr.count("\n") == 1


def test_ragged_rows_keep_their_place_and_cells(run_cli) -> None:
    data = "case,outcome_date,notes\nA,2026-11-03\nB,2026-11-03,stop and search, Brixton\nC,2026-11-03,fine\n"
    result = batch_stdin(run_cli, data)
    assert result.code == 3
    short, long, good = table(result.stdout)
    assert (short["case"], short["outcome_date"], short["notes"]) == ("A", "2026-11-03", "")
    assert short["error"].startswith("the row has 2 cells where the header has 3")
    assert short["review_request_safe_date"] == ""
    assert (long["case"], long["notes"]) == ("B", "stop and search")
    assert long["error"].endswith("the extra cells, not passed through, are: ' Brixton'")
    assert good["error"] == "" and good["review_request_safe_date"] == "2026-12-01"


def test_encoding_option_reads_a_cp1252_file(run_cli, tmp_path: Path) -> None:
    source = tmp_path / "caseload.csv"
    source.write_bytes("case,outcome_date,notes\nA,2026-11-03,Caf\xe9 owner\n".encode("cp1252"))
    result = run_cli("batch", str(source), *TODAY, "--encoding", "cp1252")
    assert result.code == 0, result.stdout
    (row,) = table(result.stdout)
    assert row["notes"] == "Café owner" and row["error"] == ""


def test_unknown_encoding_is_exit_2(run_cli) -> None:
    result = batch_stdin(run_cli, "outcome_date\n2026-11-03\n", "--encoding", "klingon")
    assert result.code == 2 and "--encoding: 'klingon' is not an encoding" in result.stderr


def test_utf16_is_exit_2_with_the_way_out(run_cli) -> None:
    result = batch_stdin(run_cli, "outcome_date\n2026-11-03\n".encode("utf-16"))
    assert result.code == 2
    assert "looks like UTF-16" in result.stderr and "CSV UTF-8" in result.stderr


@pytest.mark.parametrize("data", ["", "\n\n", "   \r\n"])
def test_empty_input_is_exit_2(run_cli, data: str) -> None:
    result = batch_stdin(run_cli, data)
    assert result.code == 2 and result.stdout == ""
    assert "the input is empty" in result.stderr


def test_header_only_is_zero_rows(run_cli) -> None:
    result = batch_stdin(run_cli, "case,outcome_date\n")
    assert result.code == 0
    assert rows_of(result.stdout) == [["case", "outcome_date", *added_columns()]]
    assert result.stderr.splitlines()[-1].startswith("escalate: 0 rows read")


def test_byte_order_mark_is_not_part_of_the_first_column(run_cli) -> None:
    result = batch_stdin(run_cli, "\ufeffoutcome_date,case\n2026-11-03,A\n".encode())
    assert result.code == 0
    (row,) = table(result.stdout)
    assert "outcome_date" in row and row["review_request_safe_date"] == "2026-12-01"


def test_crlf_gives_the_same_rows_as_lf(run_cli) -> None:
    lf = 'case,incident_date,notes\nA,10/01/2026,"two\nlines"\nB,2026-02-01,x\n'
    with_crlf = batch_stdin(run_cli, lf.replace("\n", "\r\n"))
    with_lf = batch_stdin(run_cli, lf)
    assert with_crlf.code == with_lf.code == 0
    assert table(with_crlf.stdout)[1:] == table(with_lf.stdout)[1:]
    assert table(with_crlf.stdout)[1]["equality_act_safe_date"] == "2026-07-31"  # 6 months starting with 1 Feb (s.2)


def test_quoted_fields_with_commas_quotes_and_newlines(run_cli) -> None:
    data = 'case,outcome_date,notes\nA,"3 November 2026","said ""no"", then\nleft"\n'
    result = batch_stdin(run_cli, data)
    assert result.code == 0, result.stdout
    (row,) = table(result.stdout)
    assert row["notes"] == 'said "no", then\nleft' and row["review_request_safe_date"] == "2026-12-01"


def test_duplicate_columns_after_normalising_are_exit_2(run_cli) -> None:
    result = batch_stdin(run_cli, "Outcome Date,outcome-date\n2026-11-03,2026-11-04\n")
    assert result.code == 2 and result.stdout == ""
    assert "columns 'Outcome Date' and 'outcome-date' both mean outcome_date; keep one of them" in result.stderr


@pytest.mark.parametrize(
    "cell", ['=HYPERLINK("http://x","y")', "+44 7700 900123", "-follow up", "@SUM(A1)", "\tx", "\rx"]
)
def test_cells_that_start_a_formula_are_neutralised_in_csv(run_cli, cell: str) -> None:
    data = io.StringIO(newline="")
    csv.writer(data).writerows([["notes", "outcome_date"], [cell, "2026-11-03"]])
    result = batch_stdin(run_cli, data.getvalue())
    assert result.code == 0
    (row,) = table(result.stdout)
    assert row["notes"] == "'" + cell and row["review_request_safe_date"] == "2026-12-01"


@pytest.mark.parametrize("cell", ["=1+1", "+44 7700 900123", "-follow up", "@SUM(A1)", "\tx", 'say ""x"", "=y"'])
@pytest.mark.parametrize("where", [0, 1, 2])
def test_quoted_cells_that_start_a_formula_are_neutralised(run_cli, cell: str, where: int) -> None:
    """Every cell quoted, in any column: a quoted line keeps its text only when no cell starts a formula."""
    cells = ["x, y", "also, quoted", "z"]
    cells[where] = cell
    data = io.StringIO(newline="")
    writer = csv.writer(data, quoting=csv.QUOTE_ALL)
    writer.writerows([["a", "b", "c", "outcome_date"], [*cells, "2026-11-03"]])
    result = batch_stdin(run_cli, data.getvalue())
    assert result.code == 0
    (row,) = rows_of(result.stdout)[1:]
    expected = [("'" + c if c.startswith(("=", "+", "-", "@", "\t")) else c) for c in cells]
    assert row[:3] == expected and table(result.stdout)[0]["review_request_safe_date"] == "2026-12-01"


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.text(alphabet="=+-@\t ab1,/'", max_size=6).map(lambda cell: cell.replace(",", "")), min_size=1, max_size=6
    )
)
def test_an_unquoted_line_is_neutralised_as_csv_would_write_it(cells: list[str]) -> None:
    """An unquoted line of ASCII text without a carriage return has its formula cells mended in place
    (``neutralised_line``): the same text as writing its cells again with ``csv`` (``CsvLines``)."""
    text = ",".join(cells)
    if len(cells) == 1 and not text:
        return  # one empty cell: a blank row, never a case
    assert neutralised_line(text) == CsvLines()(cells)


def test_a_quoted_line_with_nothing_to_neutralise_goes_out_as_it_came(run_cli) -> None:
    line = '"MPS-1","Stop and search, Brixton","said ""no""",2026-11-03'
    result = batch_stdin(run_cli, "case,notes,said,outcome_date\n" + line + "\n")
    assert result.code == 0 and result.stdout.splitlines()[1].startswith(line + ",")


def test_header_cells_are_neutralised_too(run_cli) -> None:
    result = batch_stdin(run_cli, "=cmd,outcome_date\nx,2026-11-03\n")
    assert rows_of(result.stdout)[0][0] == "'=cmd"


def test_json_lines_are_not_neutralised(run_cli) -> None:
    result = batch_stdin(run_cli, '{"notes": "=1+1", "outcome_date": "2026-11-03"}\n')
    assert json.loads(result.stdout)["notes"] == "=1+1"


# --- JSON Lines ---------------------------------------------------------------------------------------


def test_json_lines_in_and_out_with_json_types(run_cli) -> None:
    data = (
        '{"case": "A", "outcome_date": "2026-11-03", "discrimination": true, "extra": {"kept": [1, 2]}}\n'
        "\n"
        '["not", "an", "object"]\n'
        '"a string"\n'
        "{broken\n"
        '{"case": "B", "Outcome Date": "31/02/2026"}\n'
    )
    result = batch_stdin(run_cli, data)
    assert result.code == 3
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 5  # the blank line is not a case
    first = lines[0]
    assert first["case"] == "A" and first["extra"] == {"kept": [1, 2]}
    assert first["review_request_days_left"] == 10 and first["review_body"] == "iopc"  # discrimination: reg 4
    assert first["warnings"] == [w for w in first["warnings"] if isinstance(w, str)] and first["error"] is None
    assert first["judicial_review_safe_date"] is None
    assert lines[1]["error"] == "line 3 is a list, not a JSON object with one case"
    assert lines[2]["error"] == "line 4 is a str, not a JSON object with one case"
    assert lines[3]["error"].startswith("line 5 is not valid JSON")
    assert lines[4]["case"] == "B" and lines[4]["error"].startswith("outcome_date: '31/02/2026'")
    assert all(line["review_request_safe_date"] is None for line in lines[1:])


def test_json_lines_file_to_csv_has_every_key_as_a_column(run_cli, tmp_path: Path) -> None:
    source = tmp_path / "cases.jsonl"
    source.write_text('{"case": "A", "outcome_date": "2026-11-03"}\n{"case": "B", "notes": "late key"}\n')
    result = run_cli("batch", str(source), *TODAY, "--format", "csv")
    assert result.code == 0, result.stdout
    first, second = table(result.stdout)
    assert list(first)[:3] == ["case", "outcome_date", "notes"]
    assert (second["case"], second["notes"], second["error"]) == ("B", "late key", "")


def test_json_lines_from_stdin_to_csv_says_which_keys_it_could_not_add(run_cli) -> None:
    data = '{"case": "A", "outcome_date": "2026-11-03"}\n{"case": "B", "notes": "late key"}\n'
    result = batch_stdin(run_cli, data, "--format", "csv")
    assert result.code == 3
    first, second = table(result.stdout)
    assert first["error"] == "" and "'notes'" in second["error"] and second["case"] == "B"


def test_csv_to_json_lines(run_cli) -> None:
    result = batch_stdin(run_cli, "case,case,outcome_date\nA,again,2026-11-03\n", "--format", "jsonl")
    assert result.code == 0
    row = json.loads(result.stdout)
    assert (row["case"], row["case_2"], row["review_request_days_left"]) == ("A", "again", 10)


def test_standard_input_starting_with_a_brace_is_json_lines(run_cli) -> None:
    result = batch_stdin(run_cli, '  {"outcome_date": "2026-11-03"}\n')
    assert json.loads(result.stdout)["review_request_safe_date"] == "2026-12-01"


def test_input_format_option_wins(run_cli, tmp_path: Path) -> None:
    source = tmp_path / "cases.txt"
    source.write_text('{"outcome_date": "2026-11-03"}\n')
    result = run_cli("batch", str(source), *TODAY, "--input-format", "jsonl")
    assert json.loads(result.stdout)["review_request_safe_date"] == "2026-12-01"


# --- files and exit codes ----------------------------------------------------------------------------


def test_output_file_is_written_whole(run_cli, tmp_path: Path) -> None:
    source, target = tmp_path / "in.csv", tmp_path / "out.jsonl"
    source.write_text("outcome_date\n2026-11-03\n")
    result = run_cli("batch", str(source), "-o", str(target), *TODAY)
    assert result.code == 0 and result.stdout == ""
    assert json.loads(target.read_text())["review_request_safe_date"] == "2026-12-01"  # .jsonl: JSON Lines
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "in.csv",
        "out.jsonl",
    ]  # no temporary file left


def test_an_input_that_cannot_be_read_leaves_no_output_file(run_cli, tmp_path: Path) -> None:
    source, target = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_text("case,notes\nA,x\n")
    assert run_cli("batch", str(source), "-o", str(target), *TODAY).code == 2
    assert sorted(path.name for path in tmp_path.iterdir()) == ["in.csv"]


def test_output_over_the_input_is_refused(run_cli, tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text("outcome_date\n2026-11-03\n")
    result = run_cli("batch", str(source), "-o", str(source), *TODAY)
    assert result.code == 2 and "is the input file" in result.stderr
    assert source.read_text() == "outcome_date\n2026-11-03\n"


def test_unwritable_output_is_exit_4(run_cli, tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text("outcome_date\n2026-11-03\n")
    result = run_cli("batch", str(source), "-o", str(tmp_path / "no" / "such" / "out.csv"), *TODAY)
    assert result.code == 4 and "cannot write" in result.stderr and result.stderr.count("\n") == 1


def test_missing_file_is_exit_2(run_cli, tmp_path: Path) -> None:
    result = run_cli("batch", str(tmp_path / "nothing.csv"), *TODAY)
    assert result.code == 2 and "cannot read" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("name", "hint"),
    [("cases.ods", "CSV UTF-8"), ("cases.xlsx", "not an Excel workbook"), ("cases.json", "--input-format")],
)
def test_unknown_extension_is_exit_2(run_cli, tmp_path: Path, name: str, hint: str) -> None:
    (tmp_path / name).write_text("x")
    result = run_cli("batch", str(tmp_path / name), *TODAY)
    assert result.code == 2 and hint in result.stderr


def test_unknown_format_name_is_exit_2(run_cli) -> None:
    result = batch_stdin(run_cli, "outcome_date\n2026-11-03\n", "--format", "xml")
    assert result.code == 2 and "'--format' / '-f': 'xml' is not one of 'csv', 'jsonl', 'xlsx', 'ics'" in result.stderr


def test_no_progress_bar_when_standard_error_is_not_a_terminal(run_cli) -> None:
    result = batch_stdin(run_cli, "outcome_date\n" + "2026-11-03\n" * 20_000)
    assert result.code == 0 and result.stderr.count("\n") == 2  # the columns read, then the summary


def test_help(run_cli) -> None:
    result = run_cli("batch", "--help")
    assert result.code == 0
    for text in ("caseload", "CSV", "JSON Lines", "--only", "--today", "--encoding", "--input-format", "error",
                 "next_step", "apostrophe", "Exit status", "3 some rows"):  # fmt: skip
        assert text in result.stdout, text
    assert "batch" in run_cli("--help").stdout


# --- every row comes out once, in order ----------------------------------------------------------------

_cells = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=12)
_dates = st.one_of(
    st.dates(min_value=date(2015, 1, 1), max_value=date(2028, 1, 1)).map(lambda d: d.strftime("%d/%m/%Y")),
    st.sampled_from(["", "31/02/2026", "soon"]),
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(st.tuples(_cells, _dates, _dates, st.integers(min_value=-1, max_value=1)), max_size=40),
    st.booleans(),
)
def test_every_row_comes_out_once_in_order(run_cli, rows: list[tuple[str, str, str, int]], crlf: bool) -> None:
    """Any cells (quotes, commas, newlines, formulas), any dates, rows a cell short or long: one row out for
    each row in, in order, its cells passed through (neutralised) and an error where it has one."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n" if crlf else "\n")
    writer.writerow(["case", "incident_date", "outcome_date"])
    sent = []
    for number, (note, incident, outcome, shape) in enumerate(rows):
        if not crlf:  # csv.writer quotes a carriage return only when it ends its lines
            note = note.replace("\r", "")
        cells = [f"{number}:{note}", incident, outcome]
        cells = cells[:2] if shape < 0 else [*cells, "extra"] if shape > 0 else cells
        writer.writerow(cells)
        sent.append(cells)
    result = batch_stdin(run_cli, buffer.getvalue())
    assert result.code in (0, 3), result.stderr
    header, *out = rows_of(result.stdout)
    assert len(header) == 3 + ADDED
    assert len(out) == len(sent)
    for cells, row in zip(sent, out, strict=True):
        assert len(row) == 3 + ADDED
        kept = (cells + [""] * 3)[:3]
        assert row[:3] == [("'" + cell) if cell.startswith(("=", "+", "-", "@", "\t", "\r")) else cell for cell in kept]
        if len(cells) != 3:
            assert row[header.index("error")].startswith("the row has")
    assert f"{len(sent):,} row" in result.stderr


# --- the example runs in the test suite ----------------------------------------------------------------


def test_batch_example_runs() -> None:
    bin_dir = str(Path(sys.executable).parent)
    env = {**os.environ, "PATH": bin_dir + os.pathsep + os.environ.get("PATH", "")}
    done = subprocess.run(
        ["sh", str(EXAMPLES / "batch-caseload.sh")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    columns, summary = done.stderr.splitlines()
    assert columns.startswith("escalate: reading 'Incident date' as incident_date, 'Complaint date' as complaint_date")
    assert columns.endswith("not read: 'Case ref', 'Adviser', 'Notes'")
    assert summary == "escalate: 12 rows read, 0 with errors; 2 deadlines due within 14 days or at risk"
    rows = {row["Case ref"]: row for row in table(done.stdout)}
    assert len(rows) == 12
    # AC-0102: outcome letter dated Tuesday 3 November 2026 + 28 days (reg 29(2)): Tuesday 1 December 2026
    assert (rows["AC-0102"]["next_deadline"], rows["AC-0102"]["next_deadline_date"]) == (
        "review-request",
        "2026-12-01",
    )
    # AC-0103: review decision Wednesday 28 October 2026 + 3 months (CPR 54.5): Thursday 28 January 2027; letter 14 days before
    assert (
        rows["AC-0103"]["judicial_review_last_day"],
        rows["AC-0103"]["letter_before_claim_safe_date"],
    ) == ("2027-01-28", "2027-01-14")
    # AC-0104: born 12 May 2010, 15 at the incident: 3 years from the 18th birthday, 12 May 2028 (s.28); safe the day before
    assert (rows["AC-0104"]["personal_injury_safe_date"], rows["AC-0104"]["personal_injury_last_day"]) == (
        "2031-05-11",
        "2031-05-12",
    )
    # AC-0105: complaint made before 1 February 2020: an appeal to the body the outcome letter names (2012 reg 11)
    assert (rows["AC-0105"]["review_body"], rows["AC-0105"]["review_request_safe_date"]) == (
        "letter",
        "2026-12-16",
    )
    # AC-0106: the IOPC investigated: no review; judicial review within 3 months of the outcome (s.6)
    assert (rows["AC-0106"]["review_body"], rows["AC-0106"]["next_step"]) == ("none", "judicial-review")
    # AC-0107: handled outside Schedule 3: ask for it to be recorded (Sch 3 para 2(6A))
    assert rows["AC-0107"]["next_step"] == "ask-schedule3-recording"
    # AC-0108: about a Commander, a senior officer (above chief superintendent): the IOPC reviews (reg 4, reg 32)
    assert rows["AC-0108"]["review_body"] == "iopc"
    # AC-0110: a telephone number that a spreadsheet would read as a formula
    assert rows["AC-0110"]["Notes"] == "'+44 7700 900123 (mobile)"
    # AC-0111: outcome received a week after the letter's date: the latest date counts from receipt (reg 29(2))
    assert (rows["AC-0111"]["review_request_safe_date"], rows["AC-0111"]["review_request_latest_date"]) == (
        "2026-11-30",
        "2026-12-07",
    )


# --- less common paths --------------------------------------------------------------------------------


def test_blank_lines_are_not_cases(run_cli) -> None:
    result = batch_stdin(run_cli, "case,outcome_date\n\nA,2026-11-03\n\r\n\nB,2026-11-03\n\n")
    assert [row["case"] for row in table(result.stdout)] == ["A", "B"]
    assert result.stderr.splitlines()[-1].startswith("escalate: 2 rows read")


def test_csv_to_json_lines_keeps_rows_that_cannot_be_computed(run_cli) -> None:
    padding = b"P,2026-11-03\n" * 6000  # past the first 64 KiB, which are checked before anything is written
    data = b"case,outcome_date\nA,2026-11-03,extra\nB,2026-11-03\n" + padding + b'C\xe9,2026-11-03\n"x,1\n'
    result = batch_stdin(run_cli, data, "--format", "jsonl")
    assert result.code == 3
    ragged, good, *_, stray, unreadable = (json.loads(line) for line in result.stdout.splitlines())
    assert ragged["case"] == "A" and ragged["error"].startswith("the row has 3 cells where the header has 2")
    assert good["error"] is None and good["review_request_safe_date"] == "2026-12-01"
    assert stray["error"].startswith("the row is not valid utf-8 text (column 'case')")
    assert stray["case"] == "C\ufffd"  # never raw bytes in the output
    assert (
        unreadable["error"].startswith('a quote (") opened in this row is never closed') and unreadable["case"] == "x,1"
    )


def test_json_lines_with_stray_bytes_is_that_lines_error(run_cli) -> None:
    padding = b'{"case": "P"}\n' * 5000
    result = batch_stdin(run_cli, padding + b'{"case": "Caf\xe9", "outcome_date": "2026-11-03"}\n{"case": "B"}\n')
    assert result.code == 3
    *_, first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert first["error"] == "line 5001 is not valid text in its encoding: save it as UTF-8" and second["error"] is None
    assert first["case"] == "Caf\udce9"  # written as the escape \udce9: valid UTF-8, never the raw byte


def test_json_values_that_are_not_text_become_json_in_csv(run_cli, tmp_path: Path) -> None:
    source = tmp_path / "cases.jsonl"
    source.write_text('{"case": 7, "urgent": true, "tags": ["a", "b"], "none": null, "outcome_date": "2026-11-03"}\n')
    result = run_cli("batch", str(source), *TODAY, "-o", str(tmp_path / "out.csv"))
    assert result.code == 0, result.stderr
    (row,) = table((tmp_path / "out.csv").read_text())
    assert (row["case"], row["urgent"], row["tags"], row["none"]) == ("7", "true", '["a", "b"]', "")


def test_output_extension_decides_the_format_else_the_input_does(run_cli, tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text("outcome_date\n2026-11-03\n")
    assert run_cli("batch", str(source), "-o", str(tmp_path / "out.result"), *TODAY).code == 0
    assert (tmp_path / "out.result").read_text().startswith("outcome_date,next_deadline,")


def test_progress_is_reported_after_each_chunk(monkeypatch) -> None:
    from escalate.caseload import run as batch_io
    from escalate.caseload.options import BatchOptions
    from escalate.caseload.run import run_batch

    monkeypatch.setattr(batch_io, "CHUNK", 3)
    seen: list[int] = []
    options = BatchOptions(today=date(2026, 11, 21), progress=seen.append)
    lines = ["outcome_date\n"] + ["2026-11-03\n"] * 7
    summary = run_batch(lines, io.StringIO(), options)
    assert seen == [3, 6, 7] and (summary.rows, summary.errors, summary.urgent) == (7, 0, 7)


def test_progress_bar_draws_and_goes(monkeypatch) -> None:
    from escalate.output.console import batch_progress

    monkeypatch.setattr(sys, "stderr", io.StringIO())
    with batch_progress(1000, lambda: 500) as update:
        update(10)
    with batch_progress(None, lambda: None) as update:
        update(20)


@pytest.mark.parametrize("extra", [(), ("--format", "ics")], ids=["csv", "calendar"])
def test_the_collector_waits_longer_while_rows_go_through_then_as_before(run_cli, monkeypatch, extra) -> None:
    # The caseload's caches live for the whole run and hold no cycles: the cyclic collector is asked to wait for
    # more new objects while the rows go through (cli.batch._collecting_rarely), and set back afterwards.
    import gc

    import escalate.caseload.calendar as calendar
    import escalate.caseload.run as run
    from escalate.cli.batch import ROWS_COLLECTION_THRESHOLD

    seen: list[int] = []
    for module, name in ((run, "run_batch"), (calendar, "run_batch_calendar")):
        real = getattr(module, name)

        def watching(*args, _real=real, **kwargs):
            seen.append(gc.get_threshold()[0])
            return _real(*args, **kwargs)

        monkeypatch.setattr(module, name, watching)
    before = gc.get_threshold()
    result = run_cli("batch", str(EXAMPLES / "caseload.csv"), *TODAY, *extra)
    assert result.code in (0, 3), result.err
    assert seen == [max(before[0], ROWS_COLLECTION_THRESHOLD)]
    assert gc.get_threshold() == before
