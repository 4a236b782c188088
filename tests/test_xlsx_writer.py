"""escalate's own .xlsx writer (escalate.caseload.sheet.xlsx_writer, issue 17), read back by openpyxl 3.1 (the
oracle: values, number formats, fonts, fills, alignment, frozen panes, the auto filter, both sheets) and by
escalate's own reader (a second batch on escalate's output gives the same workbook)."""

from __future__ import annotations

import io
import json
import re
import zipfile
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import fromstring

import pytest
from openpyxl import load_workbook

from escalate.caseload.options import BatchOutputError
from escalate.caseload.sheet import xlsx_writer
from escalate.caseload.sheet.xlsx_reader import open_workbook
from escalate.caseload.sheet.xlsx_writer import BOLD, FILLED, WRAPPED, Workbook, column_letters

TODAY = ("--today", "2026-12-01")


def written(rows: list[list[Any]], styles: dict[int, int] | None = None, frozen: int = 1) -> bytes:
    out = io.BytesIO()
    book = Workbook(out, ["Rows", "Second"], ["FFE699"])
    sheet = book.sheet(frozen=frozen, widths=[12, 40])
    for row in rows:
        sheet.row(row, styles)
    ref = f"A1:{column_letters(max((len(r) for r in rows), default=1))}{max(len(rows), 1)}"
    book.filters[0] = ref
    sheet.close(ref)
    book.sheet(frozen=0, widths=()).close(None)
    book.close()
    return out.getvalue()


VALUES = [
    "text",
    "=1+2",  # text that looks like a formula stays text
    "#N/A",  # and like an error code
    "@home",
    "  spaced  ",
    "a & b < c > d",
    "line\r\nbreak",
    "Zoë 🙂",
    3,
    -7,
    10**20,
    2.5,
    0.1 + 0.2,
    1e-300,
    True,
    False,
    date(2026, 11, 3),
    datetime(2026, 11, 3),
    datetime(2026, 11, 3, 14, 30),
    date(1900, 2, 28),  # before Excel's 29 February 1900
    date(1900, 3, 1),
]


def test_values_read_back_by_openpyxl() -> None:
    data = written([VALUES])
    ws = load_workbook(io.BytesIO(data)).worksheets[0]
    cells = list(ws[1])
    got = [cell.value for cell in cells]
    expected = [value.date() if isinstance(value, datetime) and value.time() == time() else value for value in VALUES]
    assert [v.date() if isinstance(v, datetime) and v.time() == time() else v for v in got] == expected
    assert [cell.data_type for cell in cells[:8]] == ["s"] * 8  # all text, none a formula or an error
    assert [cell.data_type for cell in cells[8:16]] == ["n"] * 6 + ["b"] * 2
    formats = [cell.number_format for cell in cells[16:]]
    assert formats == ["dd/mm/yyyy", "dd/mm/yyyy", "dd/mm/yyyy hh:mm", "dd/mm/yyyy", "dd/mm/yyyy"]
    assert all(cell.is_date for cell in cells[16:])


def test_values_read_back_by_escalates_reader() -> None:
    book = open_workbook(io.BytesIO(written([VALUES])))
    (row,) = list(book.rows(book.worksheets[0]))
    as_read = [datetime.combine(v, time()) if type(v) is date else v for v in VALUES]
    assert list(row) == as_read


def test_styles_panes_filters_and_widths() -> None:
    data = written([["Name", "Status"], ["x", "due-soon"]], {0: BOLD, 1: FILLED}, frozen=1)
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Rows", "Second"]
    ws = book["Rows"]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:B2"
    assert ws["A1"].font.b and not ws["B1"].font.b
    assert ws["B2"].fill.fill_type == "solid" and ws["B2"].fill.fgColor.rgb == "FFFFE699"
    assert ws.column_dimensions["A"].width == 12 and ws.column_dimensions["B"].width == 40
    assert book["Second"].freeze_panes is None
    with zipfile.ZipFile(io.BytesIO(data)) as parts:  # the filter's range as Excel names it, for its sheet
        assert (
            '<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'
            "'Rows'!$A$1:$B$2</definedName>" in parts.read("xl/workbook.xml").decode()
        )
    wrapped = load_workbook(io.BytesIO(written([["a", "b"]], {1: WRAPPED}))).worksheets[0]["B1"].alignment
    assert wrapped.wrap_text and wrapped.vertical == "top"


def test_every_part_is_well_formed_and_typed() -> None:
    with zipfile.ZipFile(io.BytesIO(written([VALUES]))) as book:
        names = book.namelist()
        assert names[0] == "[Content_Types].xml"
        for name in names:
            fromstring(book.read(name))  # well-formed XML
        types = book.read("[Content_Types].xml").decode()
        for name in names:
            if not name.endswith(".rels") and name != "[Content_Types].xml":
                assert f'PartName="/{name}"' in types, name
        assert {info.date_time for info in book.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_the_same_rows_give_the_same_bytes() -> None:
    assert written([VALUES]) == written([VALUES])


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ("a\x00b", "a\ufffdb"),  # control characters XML 1.0 forbids
        ("a\x1fb\x0bc", "a\ufffdb\ufffdc"),
        ("a\ud800b", "a\ufffdb"),  # a lone surrogate (JSON's \ud800)
        ("a\ufffeb\uffff", "a\ufffdb\ufffd"),  # the two non-characters XML forbids
        ("tab\tand\nnewline", "tab\tand\nnewline"),  # allowed, kept
        ("x" * 40_000, "x" * 32_767),  # cut to what a cell holds
    ],
)
def test_text_a_sheet_cannot_hold(text: str, cell: str) -> None:
    ws = load_workbook(io.BytesIO(written([[text]]))).worksheets[0]
    assert ws["A1"].value == cell


# ECMA-376 part 1, 22.9.2.19 (ST_Xstring): "_xHHHH_" in a cell's text is an escaped character, so Excel shows
# "_x0041_" as "A" unless its underscore is itself escaped, "_x005F_". Text that only looks like an escape is
# written so that Excel, openpyxl's shared-strings reader and escalate's own reader all give it back as it came.
LOOKS_ESCAPED = ["_x0041_", "ref_x2020_b", "_x005F_", "a_x00e9_b_x0041_", "__x0041__", "_x004_", "_xZZZZ_"]


@pytest.mark.parametrize("text", LOOKS_ESCAPED)
def test_text_that_looks_like_an_excel_escape_is_kept(text: str) -> None:
    data = written([[text]])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        stored = fromstring(archive.read("xl/worksheets/sheet1.xml")).findtext(".//{*}t")
    assert stored is not None
    # What Excel undoes: every _xHHHH_ (ST_Xstring), once, left to right.
    assert re.sub("_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m[1], 16)), stored) == text
    book = open_workbook(io.BytesIO(data))
    assert list(book.rows(book.worksheets[0])) == [(text,)]


def test_what_no_cell_holds() -> None:
    """NaN and infinity have no cell (openpyxl wrote them empty); an int beyond a double goes as its digits."""
    ws = load_workbook(io.BytesIO(written([[float("nan"), float("inf"), 10**400, time(14, 30), timedelta(hours=2)]])))
    row = [cell.value for cell in ws.worksheets[0][1]]
    assert row == [None, None, str(10**400), "14:30:00", "2:00:00"]


def test_rows_go_out_as_they_come(tmp_path: Path) -> None:
    """The sheet is streamed into the zip: the file grows while rows are written, before the workbook closes."""
    target = (tmp_path / "stream.xlsx").open("wb")
    book = Workbook(target, ["Rows"], [])
    sheet = book.sheet(frozen=1, widths=[10])
    for n in range(20_000):
        sheet.row([f"row {n}", n, date(2026, 1, 1)])
    assert target.tell() > 50_000
    sheet.close(None)
    book.close()
    target.close()
    assert load_workbook(tmp_path / "stream.xlsx", read_only=True).worksheets[0].max_row is None  # no dimension


class Unseekable(io.RawIOBase):
    """Standard output piped to another program: bytes go out, nothing can be sought."""

    def __init__(self) -> None:
        self.data = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, b: Any) -> int:
        self.data += bytes(b)
        return len(b)

    def seekable(self) -> bool:
        return False

    def tell(self) -> int:
        raise OSError("unseekable")


def test_a_workbook_to_a_pipe() -> None:
    pipe = Unseekable()
    book = Workbook(pipe, ["Rows"], [])  # type: ignore[arg-type]
    sheet = book.sheet(frozen=1, widths=[])
    sheet.row(["a", 1])
    sheet.close(None)
    book.close()
    assert [cell.value for cell in load_workbook(io.BytesIO(bytes(pipe.data))).worksheets[0][1]] == ["a", 1]


def test_a_sheet_too_big_for_a_workbook(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(zipfile, "ZIP64_LIMIT", 10_000)
    book = Workbook(io.BytesIO(), ["Rows"], [])
    sheet = book.sheet(frozen=1, widths=[])
    with pytest.raises(BatchOutputError, match="too big for a workbook"):
        for n in range(5_000):
            sheet.row([f"row {n}"])
        sheet.flush()
    assert xlsx_writer.MAX_CELL == 32767


# --- through the command ------------------------------------------------------------------------------


def test_batch_output_keeps_what_openpyxl_gave(run_cli, tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    lines = [
        {"ref": "J1", "outcome_date": "2026-11-03", "note": "=HYPERLINK(1)", "hours": 2.5, "flag": True},
        {"ref": "J2\u0001", "outcome_date": "2026-11-03"},  # a control character: the row says so
        {"ref": "J3\ud800", "outcome_date": "2026-11-03"},  # a lone surrogate: the same, not a crash
        {"ref": "J4\uffff", "outcome_date": "2026-09-01"},
    ]
    source.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    out = tmp_path / "out.xlsx"
    result = run_cli("batch", str(source), "-o", str(out), *TODAY)
    assert result.code == 3, result.stderr
    book = load_workbook(out)
    ws = book["Caseload"]
    header = [cell.value for cell in ws[1]]
    col = {name: index + 1 for index, name in enumerate(header)}
    assert all(cell.font.b for cell in ws[1])
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == f"A1:{column_letters(len(header))}5"
    assert (ws["C2"].value, ws["C2"].data_type) == ("=HYPERLINK(1)", "s")
    assert ws["D2"].value == 2.5 and ws["E2"].value is True
    assert [ws.cell(row, 1).value for row in range(2, 6)] == ["J1", "J2\ufffd", "J3\ufffd", "J4\ufffd"]
    for row in (3, 4, 5):
        assert ws.cell(row, col["error"]).value.startswith("a cell holds a character that an Excel sheet cannot hold")
    # Outcome letter 3 November 2026 + 28 days (2020 Regulations reg 29(2)): Tuesday 1 December 2026, today.
    deadline = ws.cell(2, col["next_deadline_date"])
    assert deadline.value == datetime(2026, 12, 1) and deadline.number_format == "dd/mm/yyyy"
    status = ws.cell(2, col["review_request_status"])
    assert status.value == "due-soon" and status.fill.fgColor.rgb.endswith("FFE699")
    about = book["About these columns"]
    assert about.freeze_panes == "A2" and about["A1"].font.b and about["B2"].alignment.wrap_text
    assert about.column_dimensions["A"].width == 32 and about.column_dimensions["B"].width == 100


def test_batch_output_is_the_same_bytes_each_time(run_cli, tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text("ref,outcome_date\nX1,2026-11-03\n")
    one, two = tmp_path / "one.xlsx", tmp_path / "two.xlsx"
    assert run_cli("batch", str(source), "-o", str(one), *TODAY).code == 0
    assert run_cli("batch", str(source), "-o", str(two), *TODAY).code == 0
    assert one.read_bytes() == two.read_bytes()


def test_subclasses_are_written_as_their_types() -> None:
    """Values of a subclass (an enum of text or numbers, a date type of another library) as their base type."""
    from enum import IntEnum, StrEnum

    class Word(StrEnum):
        OPEN = "open"

    class Level(IntEnum):
        HIGH = 3

    class Day(date):
        pass

    class Moment(datetime):
        pass

    class Ratio(float):
        pass

    row = [Word.OPEN, Level.HIGH, Ratio(0.5), Day(2026, 11, 3), Moment(2026, 11, 3, 9, 15), Moment(2026, 11, 3)]
    cells = list(load_workbook(io.BytesIO(written([row]))).worksheets[0][1])
    assert [cell.value for cell in cells] == [
        "open",
        3,
        0.5,
        datetime(2026, 11, 3),
        datetime(2026, 11, 3, 9, 15),
        datetime(2026, 11, 3),
    ]
    assert [cell.number_format for cell in cells[3:]] == ["dd/mm/yyyy", "dd/mm/yyyy hh:mm", "dd/mm/yyyy"]


def test_a_cell_too_long_for_excel_is_the_rows_error(run_cli, tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text(f"ref,outcome_date,note\nX1,2026-11-03,{'n' * 40_000}\n")
    out = tmp_path / "out.xlsx"
    # As before: the row's error column says so (the summary, counted before the row is written, does not).
    assert run_cli("batch", str(source), "-o", str(out), *TODAY).code == 0
    ws = load_workbook(out).worksheets[0]
    header = [cell.value for cell in ws[1]]
    assert len(ws["C2"].value) == 32_767
    assert ws.cell(2, header.index("error") + 1).value.startswith("a cell has 40,000 characters")
