"""`escalate batch` with Excel workbooks (issue 16): .xlsx in and out, read back with openpyxl; the answers'
columns first; --bom; --due-within against a hand-checked list; the example workbook made by its script."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook

from conftest import EXAMPLES
from escalate.caseload.columns import SUMMARY_COLUMNS, added_columns
from escalate.caseload.options import Summary
from escalate.caseload.sheet.due import DueCase, _Latest, due_lines
from escalate.caseload.sheet.read import cell_text

TODAY = ("--today", "2026-12-01")


def _with_saved_values(path: Path, values: dict[str, str]) -> None:
    """Give formula cells the values Excel saves beside them (openpyxl writes a formula without one)."""
    with zipfile.ZipFile(path) as book:
        parts = {name: book.read(name) for name in book.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    for ref, value in values.items():
        sheet, count = re.subn(rf'(<c r="{ref}"[^>]*>)(<f>[^<]*</f>)<v\s*/?>(?:</v>)?', rf"\1\2<v>{value}</v>", sheet)
        assert count == 1, ref
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for name, data in parts.items():
            book.writestr(name, data)


def adviser_workbook(path: Path) -> Path:
    """A caseload as an adviser keeps it: a title merged across the top, a header in two rows (a reference
    merged down, a group of dates merged across), real date cells, text dates, a blank row, formulas (one a
    date, one a sum), numbers, and text that looks like a formula."""
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "Cases"
    ws.append(["Caseload, December 2026"])
    ws.merge_cells("A1:F1")
    ws.append(["Reference", "Dates", None, "Notes", "Hours", "Adviser"])
    ws.merge_cells("A2:A3")
    ws.merge_cells("B2:C2")
    ws.append([None, "Incident date", "Outcome date", None, None, None])
    # C4: the outcome letter's date as a formula (saved value 46329 = 3 November 2026).
    ws.append(["A-1", datetime(2026, 10, 1), "=DATE(2026,11,3)", "=SUM(1,2)", 3, "R. Osei"])
    ws["C4"].number_format = "dd/mm/yyyy"
    ws.append([None, None, None, None, None, None])
    ws.append(["A-2", "1 March 2026", datetime(2026, 11, 25), "+44 7700 900123", 2.5, "M. Doyle"])
    ws.append(["A-3", "not a date", None, "Zoë", None, None])
    ws.append(["A-4", "12/11/2026", None, "-5", True, None])
    book.save(path)
    _with_saved_values(path, {"C4": "46329", "D4": "3"})
    return path


def sheet_rows(path: Path, index: int = 0) -> list[list[Any]]:
    book = load_workbook(path)
    return [[cell.value for cell in row] for row in book.worksheets[index].iter_rows()]


# --- in and out --------------------------------------------------------------------------------------


def test_an_advisers_workbook_in_and_out(run_cli, tmp_path: Path) -> None:
    source = adviser_workbook(tmp_path / "cases.xlsx")
    out = tmp_path / "out.xlsx"
    result = run_cli("batch", str(source), "-o", str(out), *TODAY)
    assert result.code == 3, result.stderr  # A-3's incident date cannot be read
    assert "4 rows read, 1 with errors" in result.stderr
    book = load_workbook(out)
    assert book.sheetnames == ["Caseload", "About these columns"]
    ws = book["Caseload"]
    source_ws = load_workbook(source)["Cases"]
    assert ws.max_row == source_ws.max_row == 8  # every row, the title and the blank one too
    assert ws.freeze_panes == "A4"  # below the header, which is the third row
    assert ws.auto_filter.ref == f"A3:{ws.cell(3, ws.max_column).column_letter}8"
    header = [cell.value for cell in ws[3]]
    # The header in two rows read as people read it: the reference merged down, Notes and Hours from above.
    assert header[:6] == ["Reference", "Incident date", "Outcome date", "Notes", "Hours", "Adviser"]
    assert header[6:] == list(added_columns())
    assert [cell.value for cell in ws[1]][:1] == ["Caseload, December 2026"]
    assert [cell.value for cell in ws[2]][:6] == ["Reference", "Dates", None, "Notes", "Hours", "Adviser"]
    # Passed-through cells as they came: dates as dates, numbers as numbers, text as text (never a formula).
    loaded = load_workbook(source, data_only=True)["Cases"]
    for row in (4, 5, 6, 7, 8):
        for column in range(1, 7):
            before, after = loaded.cell(row, column), ws.cell(row, column)
            assert after.value == before.value, (row, column)
            assert after.data_type == before.data_type or (before.data_type, after.data_type) == ("n", "d")
    assert ws["D6"].value == "+44 7700 900123" and ws["D6"].data_type == "s"
    assert ws["D8"].value == "-5" and ws["D8"].data_type == "s"
    assert ws["B4"].data_type == "d" and ws["B4"].number_format == "dd/mm/yyyy"
    rows = {ws.cell(row, 1).value: dict(zip(header, (c.value for c in ws[row]), strict=False)) for row in (4, 6, 7, 8)}
    # outcome letter 3 November 2026 (the formula's saved value) + 28 days (2020 Regulations reg 29(2)):
    # Tuesday 1 December 2026, today: at risk is not yet; due soon (RULES.md s.5).
    assert rows["A-1"]["review_request_last_day"] == datetime(2026, 12, 1)
    assert ws.cell(4, header.index("review_request_last_day") + 1).number_format == "dd/mm/yyyy"
    assert rows["A-1"]["next_action"] == "Ask for a review of the outcome"
    assert rows["A-1"]["next_step_title"] == "Ask for a review of the outcome"
    assert isinstance(rows["A-1"]["review_request_days_left"], int)
    assert rows["A-1"]["warnings_text"].startswith("No complaint date given")
    # the text date 12/11/2026 is read as the command line reads it: 12 November 2026, and a complaint
    # within 12 months of the incident (IOPC Statutory Guidance 2020; RULES.md s.4) by 12 November 2027.
    assert rows["A-4"]["complaint_last_day"] == datetime(2027, 11, 12)
    assert rows["A-3"]["error"].startswith("incident_date: 'not a date'")
    # a TRUE cell passes through as a boolean; its incident date was typed as text.
    assert rows["A-4"]["Hours"] is True and rows["A-4"]["error"] is None
    # Status cells are coloured, and always say their word.
    status = ws.cell(4, header.index("review_request_status") + 1)
    assert status.value == "due-soon" and status.fill.fgColor.rgb.endswith("FFE699")
    about = sheet_rows(out, 1)
    assert about[0] == ["Column", "What it holds"]
    assert [row[0] for row in about[2:]] == list(added_columns())
    assert all(row[1] for row in about[1:])


def test_csv_to_xlsx_keeps_text_as_text(run_cli, tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text("ref,outcome_date,note\nX1,2026-11-03,=1+2\n,,\nX2,03/11/2026,@home\n", encoding="utf-8")
    out = tmp_path / "out.xlsx"
    assert run_cli("batch", str(source), "-o", str(out), *TODAY).code == 0
    ws = load_workbook(out).worksheets[0]
    assert ws.max_row == 4 and ws.freeze_panes == "A2"
    assert (ws["C2"].value, ws["C2"].data_type) == ("=1+2", "s")
    assert ws["B2"].value == "2026-11-03" and ws["B2"].data_type == "s"  # a CSV's cells are text
    header = [cell.value for cell in ws[1]]
    assert header[3:11] == list(SUMMARY_COLUMNS)
    assert ws.cell(2, header.index("next_deadline_date") + 1).value == datetime(2026, 12, 1)
    assert [cell.value for cell in ws[3]] == [None] * len(header)  # the blank row passes through


def test_jsonl_to_xlsx_keeps_json_values(run_cli, tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"ref": 7, "outcome_date": "2026-11-03", "tags": ["a"]}\n{"ref": 8, "other": true}\n')
    out = tmp_path / "out.xlsx"
    result = run_cli("batch", str(source), "-o", str(out), *TODAY)
    assert result.code == 0, result.stderr
    rows = sheet_rows(out)
    assert rows[0][:4] == ["ref", "outcome_date", "tags", "other"]
    assert rows[1][:4] == [7, "2026-11-03", '["a"]', None] and rows[2][:4] == [8, None, None, True]


def test_xlsx_to_csv_and_jsonl(run_cli, tmp_path: Path) -> None:
    source = adviser_workbook(tmp_path / "cases.xlsx")
    as_csv = run_cli("batch", str(source), "-f", "csv", *TODAY)
    rows = list(csv.reader(io.StringIO(as_csv.stdout)))
    assert rows[0][:6] == ["Reference", "Incident date", "Outcome date", "Notes", "Hours", "Adviser"]
    assert len(rows) == 1 + 5  # the rows after the header, the blank one too
    assert rows[1][:6] == ["A-1", "2026-10-01", "2026-11-03", "3", "3", "R. Osei"]
    assert rows[3][3] == "'+44 7700 900123" and rows[5][4] == "TRUE"  # neutralised as every CSV output is
    as_jsonl = run_cli("batch", str(source), "-f", "jsonl", *TODAY)
    lines = [json.loads(line) for line in as_jsonl.stdout.splitlines()]
    assert lines[0]["Incident date"] == "2026-10-01" and lines[0]["Hours"] == 3
    assert lines[0]["next_deadline_date"] == "2026-12-01" and lines[1]["next_step"] is None


def test_a_named_sheet_and_bad_workbooks(run_cli, tmp_path: Path) -> None:
    book = Workbook()
    first = book.active
    assert first is not None
    first.append(["nothing here"])
    second = book.create_sheet("Open cases")
    second.append(["outcome_date"])
    second.append([date(2026, 11, 3)])
    path = tmp_path / "two.xlsx"
    book.save(path)
    result = run_cli("batch", str(path), "--sheet", "Open cases", "-f", "csv", *TODAY)
    assert result.code == 0 and "2026-12-01" in result.stdout
    missing = run_cli("batch", str(path), "--sheet", "Closed", "-f", "csv", *TODAY)
    assert missing.code == 2 and "no sheet named 'Closed' (its sheets: Sheet, Open cases)" in missing.stderr
    no_header = run_cli("batch", str(path), "-f", "csv", *TODAY)
    assert no_header.code == 2 and "names a fact" in no_header.stderr
    fake = tmp_path / "fake.xlsx"
    fake.write_text("outcome_date\n2026-11-03\n")
    broken = run_cli("batch", str(fake), "-o", str(tmp_path / "o.xlsx"), *TODAY)
    assert broken.code == 2 and "not an Excel workbook" in broken.stderr
    assert not (tmp_path / "o.xlsx").exists()
    assert run_cli("batch", str(fake), "--sheet", "x", "--input-format", "csv", *TODAY).code == 2
    empty = Workbook()
    empty.save(tmp_path / "empty.xlsx")
    assert "is empty" in run_cli("batch", str(tmp_path / "empty.xlsx"), "-f", "csv", *TODAY).stderr


def test_check_reads_a_workbook_as_a_batch_would(run_cli, tmp_path: Path) -> None:
    """`--check` on an .xlsx: the columns as a batch reads them and the first rows' problems, numbered as for CSV
    (blank rows not counted), nothing written; its named sheet; a problem-free sheet exits 0."""
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.append(["Client ref", "DOB", "Outcome letter date"])
    ws.append(["A", datetime(1990, 1, 1), datetime(2026, 11, 20)])
    ws.append([None, None, None])
    ws.append(["B", None, "soon"])
    fine = book.create_sheet("Fine")
    fine.append(["case", "outcome_date"])
    fine.append(["C", datetime(2026, 11, 20)])
    source, target = tmp_path / "check.xlsx", tmp_path / "out.xlsx"
    book.save(source)
    result = run_cli("batch", str(source), "-o", str(target), *TODAY, "--check")
    assert result.code == 3, result.stderr
    assert not target.exists()
    assert "'DOB'" in result.stdout and "date_of_birth" in result.stdout
    assert "Not read (passed through): 'Client ref'" in result.stdout
    assert "row 2: outcome_date: 'soon'" in result.stdout and "(1 of 2)" in result.stdout
    assert result.stdout.endswith("Nothing was written.\n")
    assert "UTF-16" not in result.stderr
    clean = run_cli("batch", str(source), "--sheet", "Fine", *TODAY, "--check")
    assert clean.code == 0 and "No problems in the rows (1 read)." in clean.stdout
    piped = run_cli("batch", "-", "--input-format", "xlsx", *TODAY, "--check", stdin=source.read_bytes())
    assert piped.code == 3 and "row 2: outcome_date: 'soon'" in piped.stdout
    wrong = run_cli("batch", str(tmp_path / "none.csv"), "--sheet", "Fine", *TODAY, "--check")
    assert wrong.code == 2 and "--sheet: the input is not an Excel workbook" in wrong.stderr


def test_cell_text_reads_values_as_the_command_line_reads_text() -> None:
    assert [cell_text(v) for v in (None, "x", True, False, 3.0, 2.5, 7)] == ["", "x", "yes", "no", "3", "2.5", "7"]
    assert cell_text(datetime(2026, 3, 1)) == "2026-03-01" and cell_text(date(2026, 3, 1)) == "2026-03-01"
    assert cell_text(datetime(2026, 3, 1, 14, 30)) == "2026-03-01 14:30:00"


# --- CSV for Excel -----------------------------------------------------------------------------------


def test_bom_only_when_asked(run_cli, tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text("name,outcome_date\nZoë,2026-11-03\n", encoding="utf-8")
    plain, marked = tmp_path / "plain.csv", tmp_path / "marked.csv"
    assert run_cli("batch", str(source), "-o", str(plain), *TODAY).code == 0
    assert run_cli("batch", str(source), "-o", str(marked), "--bom", *TODAY).code == 0
    assert plain.read_bytes().startswith(b"name,") and marked.read_bytes() == b"\xef\xbb\xbf" + plain.read_bytes()
    assert run_cli("batch", str(source), "--bom", "-f", "jsonl", *TODAY).code == 2


# --- what needs action -------------------------------------------------------------------------------

DUE_TODAY = ("--today", "2026-12-06")  # a Sunday
DUE_CASELOAD = (
    "ref,outcome_date,review_decision_date,incident_date\n"
    # R1: outcome letter 10 November 2026 + 28 days (2020 Regulations reg 29(2)): Tuesday 8 December, 2 days.
    "R1,2026-11-10,,\n"
    # R2: outcome letter 17 November 2026 + 28 days: Tuesday 15 December 2026, 9 days.
    "R2,2026-11-17,,\n"
    # R3: outcome letter 27 November 2026 + 28 days: Friday 25 December 2026, 19 days: not within 14.
    "R3,2026-11-27,,\n"
    # R4: review decision Saturday 5 September 2026 + 3 months (CPR 54.5(1)): Saturday 5 December 2026, passed;
    # the court office's next open day, Monday 7 December (CPR 2.8(5)), has not: judicial review at risk.
    "R4,,2026-09-05,\n"
    # R5: incident 1 June 2026 only: the soonest of yours is the Human Rights Act year (s.7(5)), May 2027.
    "R5,,,2026-06-01\n"
    # R6: cannot be read: kept, with its error (it may be one that needs action).
    "R6,someday,,\n"
)


def test_due_within_keeps_the_hand_checked_rows(run_cli, tmp_path: Path) -> None:
    source = tmp_path / "due.csv"
    source.write_text(DUE_CASELOAD)
    result = run_cli("batch", str(source), "--due-within", "14", *DUE_TODAY)
    assert result.code == 3
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [row["ref"] for row in rows] == ["R1", "R2", "R4", "R6"]
    assert [row["next_deadline_date"] for row in rows] == ["2026-12-08", "2026-12-15", "2026-12-05", ""]
    assert rows[2]["judicial_review_status"] == "at-risk" and rows[2]["judicial_review_latest_date"] == "2026-12-07"
    assert "6 rows read" in result.stderr and "2 rows left out by --due-within" in result.stderr
    xlsx = tmp_path / "due.xlsx"
    assert run_cli("batch", str(source), "--due-within", "14", "-o", str(xlsx), *DUE_TODAY).code == 3
    assert [row[0] for row in sheet_rows(xlsx)] == ["ref", "R1", "R2", "R4", "R6"]
    wider = run_cli("batch", str(source), "--due-within", "30", *DUE_TODAY)
    assert [row["ref"] for row in csv.DictReader(io.StringIO(wider.stdout))] == ["R1", "R2", "R3", "R4", "R6"]
    assert run_cli("batch", str(source), "--due-within", "14", "-f", "ics", *DUE_TODAY).code == 2
    jsonl = tmp_path / "due.jsonl"
    jsonl.write_text('{"ref": "J1", "outcome_date": "2026-11-10"}\n{"ref": "J2", "outcome_date": "2026-11-27"}\n')
    lines = run_cli("batch", str(jsonl), "--due-within", "14", *DUE_TODAY).stdout.splitlines()
    assert [json.loads(line)["ref"] for line in lines] == ["J1"]


def test_the_terminal_lists_the_cases_soonest_first() -> None:
    summary = Summary()
    review = "Ask for a review of the outcome"
    court = "Administrative Court (High Court)"
    cases = [
        DueCase(date(2026, 12, 8), 2, "R2", review, "due-soon", "MOPAC", date(2026, 12, 8)),
        DueCase(date(2026, 12, 5), 4, "R4", "File a judicial review claim", "at-risk", court, date(2026, 12, 7)),
        DueCase(date(2026, 12, 15), 1, "R1", review, "due-soon", "the IOPC", date(2026, 12, 15)),
    ]
    summary.due = [_Latest(case) for case in cases]
    summary.due_count = 3
    lines = due_lines(summary, 14)
    assert lines[0] == "escalate: 3 cases to act on within 14 days or at risk:"
    assert [line.split(":")[0].strip() for line in lines[1:]] == ["R4", "R2", "R1"]
    assert lines[1] == (
        "  R4: File a judicial review claim by Sat 5 Dec 2026 (passed: at risk, latest arguable Mon 7 Dec 2026), "
        "to Administrative Court (High Court)"
    )
    assert lines[2] == "  R2: Ask for a review of the outcome by Tue 8 Dec 2026, to MOPAC"
    summary.due_count = 60
    assert due_lines(summary, 14)[-1] == "  ... and 57 more (see the output)"


# --- the example -------------------------------------------------------------------------------------


def test_example_workbook_is_made_by_its_script(tmp_path: Path) -> None:
    made = tmp_path / "caseload.xlsx"
    subprocess.run([sys.executable, str(EXAMPLES / "make_caseload_xlsx.py"), str(made)], check=True, timeout=60)
    assert sheet_rows(made) == sheet_rows(EXAMPLES / "caseload.xlsx")


def test_example_workbook_gives_the_csv_examples_answers(run_cli, tmp_path: Path) -> None:
    from_csv = run_cli("batch", str(EXAMPLES / "caseload.csv"), "--today", "2026-11-21")
    out = tmp_path / "out.xlsx"
    result = run_cli("batch", str(EXAMPLES / "caseload.xlsx"), "-o", str(out), "--today", "2026-11-21")
    assert result.code == 0 and result.stderr == from_csv.stderr
    expected = list(csv.DictReader(io.StringIO(from_csv.stdout)))
    rows = sheet_rows(out)
    header = rows[1]
    assert rows[0][0].startswith("Caseload") and len(rows) == 2 + len(expected)
    for want, got in zip(expected, rows[2:], strict=True):
        cells = dict(zip(header, got, strict=True))
        for column in added_columns():
            value = cells[column]
            shown = value.date().isoformat() if isinstance(value, datetime) else "" if value is None else str(value)
            assert shown == want[column], column


def test_batch_on_its_own_workbook_gives_the_same_answers(run_cli, tmp_path: Path) -> None:
    source = adviser_workbook(tmp_path / "cases.xlsx")
    once, twice = tmp_path / "once.xlsx", tmp_path / "twice.xlsx"
    assert run_cli("batch", str(source), "-o", str(once), *TODAY).code == 3
    again = run_cli("batch", str(once), "-o", str(twice), *TODAY)
    assert again.code == 3
    # escalate's own columns (review_body among them) are replaced, never read as facts.
    assert sheet_rows(twice) == sheet_rows(once)
    assert sheet_rows(twice, 1) == sheet_rows(once, 1)


def test_a_workbooks_columns_are_read_as_a_csvs_are(run_cli, tmp_path: Path) -> None:
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.append(["Ref", "Date of letter"])
    ws.append(["Z1", date(2026, 11, 3)])
    path = tmp_path / "letters.xlsx"
    book.save(path)
    stopped = run_cli("batch", str(path), "-f", "csv", *TODAY)
    assert stopped.code == 2 and "--map 'Date of letter=" in stopped.stderr and not stopped.stdout
    mapped = run_cli("batch", str(path), "-f", "csv", "--map", "Date of letter=outcome_date", *TODAY)
    assert mapped.code == 0 and "reading 'Date of letter' as outcome_date" in mapped.stderr
    # Outcome letter 3 November 2026 + 28 days (2020 Regulations reg 29(2)): Tuesday 1 December 2026.
    assert next(csv.DictReader(io.StringIO(mapped.stdout)))["next_deadline_date"] == "2026-12-01"
