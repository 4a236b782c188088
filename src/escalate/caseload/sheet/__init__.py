"""Excel caseloads (.xlsx) in and out, streamed both ways by escalate itself with the standard library
(``xlsx_reader``: zipfile and ``iterparse``; ``xlsx_writer``: SpreadsheetML streamed into a zip), imported only for
.xlsx. openpyxl, which escalate used before, is the tests' oracle.

In: the first sheet or a named one, read as openpyxl's read-only reader read it (``data_only``: a formula is its
saved value). Each row's values become the texts the command line reads (a date cell is its date, a text cell its
text) and go down the same row path as a CSV row: the same column matching, ``Caseload.answer``, one row out
for every row in, blank rows passed through, a row that cannot be computed carrying its error.

Out: one sheet of rows with real date cells (``dd/mm/yyyy``), the header frozen and filtered, the status cells
coloured with their words always there, and a second sheet that says what each column means; passed-through
cells as they came (a number stays a number, text stays text, even text that starts with '=').

The parts: ``read`` (a sheet's header and rows; CSV and JSON Lines as rows of values), ``write`` (rows to a
workbook, or from a sheet to CSV and JSON Lines), ``batch`` (a whole caseload, from a reader to a writer),
``due`` (``--due-within``: only the rows that need action, and the terminal's list of them), and the format
itself: ``xlsx_reader`` (a workbook's sheets and their rows of values), ``xlsx_writer`` (sheets of rows, styles,
the package's parts) and ``serial`` (Excel's date serials and which number formats are dates).
"""

from __future__ import annotations

from escalate.caseload.sheet.batch import run_rows, run_sheet, run_table
from escalate.caseload.sheet.due import DueFilter, due_lines
from escalate.caseload.sheet.write import writer_for

__all__ = ["DueFilter", "due_lines", "run_rows", "run_sheet", "run_table", "writer_for"]
