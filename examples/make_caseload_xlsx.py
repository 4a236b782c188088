"""Make examples/caseload.xlsx from examples/caseload.csv: the same invented cases, kept as an adviser keeps them
in Excel (a title above the header, dates typed into date cells, a few dates left as text).

    python examples/make_caseload_xlsx.py [OUT.xlsx]
    escalate batch examples/caseload.xlsx -o caseload-deadlines.xlsx --today 2026-11-21

The cells are the CSV's: a date written 2026-09-15 or 14/03/2026 becomes a date cell (shown dd/mm/yyyy), a date
in words ('2 February 2026') stays text, as people type both; everything else is text. It is written with openpyxl
(``pip install openpyxl``, or escalate's test extra), as a workbook from another program would be: escalate itself
reads and writes .xlsx without it.
"""

from __future__ import annotations

import csv
import re
import sys
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

HERE = Path(__file__).resolve().parent
TITLE = "Caseload (invented cases): police complaints, November 2026"
FIXED = datetime(2026, 11, 21, 9, 0, 0)
"""The workbook's own creation date (a fixed one, so that the file does not say when it was remade)."""
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_UK = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def cell_value(text: str) -> date | str | None:
    """A CSV cell as a spreadsheet keeps it: numeric dates as date cells, anything else as its text."""
    if not text:
        return None
    if match := _ISO.fullmatch(text):
        year, month, day = map(int, match.groups())
        return date(year, month, day)
    if match := _UK.fullmatch(text):
        day, month, year = map(int, match.groups())
        return date(year, month, day)
    return text


def make(source: Path, target: Path) -> None:
    with source.open(newline="", encoding="utf-8") as stream:
        header, *rows = list(csv.reader(stream))
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Caseload"
    sheet.append([TITLE])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append(header)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([cell_value(text) for text in row])
    for cells in sheet.iter_rows(min_row=3):
        for cell in cells:
            if isinstance(cell.value, date):
                cell.number_format = "dd/mm/yyyy"
            elif isinstance(cell.value, str):
                cell.data_type = "s"  # text, even where it starts with '='
    for index, name in enumerate(header, start=1):
        sheet.column_dimensions[sheet.cell(2, index).column_letter].width = max(12, len(name) + 2)
    sheet.freeze_panes = "A3"
    book.properties.created = book.properties.modified = FIXED
    book.save(target)


if __name__ == "__main__":
    make(HERE / "caseload.csv", Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "caseload.xlsx")
