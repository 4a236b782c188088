"""Writing a caseload's rows: to an Excel workbook (real date cells, a frozen and filtered header, coloured
statuses, a second sheet of what each column means), or, from a sheet's rows of values, to CSV and JSON Lines."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import date, datetime, time
from typing import IO, Any, Protocol, TextIO

from escalate.caseload.answer import Answer
from escalate.caseload.caseload import NO_REVIEW, Caseload
from escalate.caseload.columns import column_meanings
from escalate.caseload.options import BatchFormat
from escalate.caseload.sheet.read import cell_text

STATUS_FILLS: Mapping[str, str] = {"passed": "D9D9D9", "at-risk": "F4B6B6", "due-soon": "FFE699"}
"""The background of a status cell, by status; the status's word is always in the cell too."""


# --- the rows, whatever the format ----------------------------------------------------------------------


class RowWriter(Protocol):
    """Where the rows go: each row's passed-through values and its answer."""

    def header(self, names: Sequence[str], lead: Sequence[Sequence[Any]]) -> None: ...

    def row(self, values: Sequence[Any], answer: Answer | None) -> None:
        """A row; ``answer`` None for a blank row (passed through, not a case)."""

    def close(self) -> None:
        """Everything written."""


def added_values(caseload: Caseload, answer: Answer | None) -> list[Any]:
    """escalate's cells for a sheet: dates as dates, days as numbers, words as words."""
    if answer is None:
        return [None] * len(caseload.columns)
    fields = caseload.json_fields(answer)
    if answer.error is None and fields["review_body"] is None:
        fields["review_body"] = NO_REVIEW
    values: list[Any] = []
    for column in caseload.columns:
        value = fields[column]
        if isinstance(value, str) and column.endswith(_DATE_SUFFIXES):
            value = date.fromisoformat(value)
        elif isinstance(value, list):
            value = "; ".join(value)
        values.append(value)
    return values


_DATE_SUFFIXES = ("_safe_date", "_last_day", "_latest_date", "next_deadline_date")


# --- out: a workbook -----------------------------------------------------------------------------------

SHEET_NAMES = ("Caseload", "About these columns")
"""The workbook's sheets: the rows, then what each column means."""


class XlsxWriter(RowWriter):
    """Rows to an .xlsx workbook (``escalate.caseload.sheet.xlsx_writer``): each row goes into the zip as it
    comes. The rows above the header and the header stay in view (frozen), the header is bold and filtered,
    the status cells are coloured, and a second sheet says what each column means."""

    def __init__(self, target: IO[bytes], caseload_columns: Sequence[str], caseload: Caseload) -> None:
        from escalate.caseload.sheet import xlsx_writer

        self.caseload = caseload
        self.added = tuple(caseload_columns)
        self.book = xlsx_writer.Workbook(target, SHEET_NAMES, list(STATUS_FILLS.values()))
        self.sheet: xlsx_writer.Sheet | None = None
        self.width = 0
        self.passed_width = 0
        self.header_row = 1
        self._status_at: frozenset[int] = frozenset()
        self._status_styles = {status: xlsx_writer.FILLED + i for i, status in enumerate(STATUS_FILLS)}

    def header(self, names: Sequence[str], lead: Sequence[Sequence[Any]]) -> None:
        from escalate.caseload.sheet.xlsx_writer import BOLD

        columns = [*names, *self.added]
        self.width = len(columns)
        self.passed_width = len(names)
        self._status_at = frozenset(len(names) + i for i, name in enumerate(self.added) if name.endswith("_status"))
        self.header_row = len(lead) + 1
        widths = [_width(name, index > len(names)) for index, name in enumerate(columns, start=1)]
        self.sheet = self.book.sheet(frozen=self.header_row, widths=widths)
        for row in lead:
            self.sheet.row(list(row)[: self.width])
        self.sheet.row(columns, dict.fromkeys(range(self.width), BOLD))

    def row(self, values: Sequence[Any], answer: Answer | None) -> None:
        assert self.sheet is not None, "the header first"
        added = added_values(self.caseload, answer)
        problems = [problem for value in values if (problem := _sheet_problem(value)) is not None]
        if problems and answer is not None:
            added = added_values(self.caseload, self.caseload.failed(problems[0]))
        styles = self._status_styles
        coloured = {
            index: styles[value] for index in self._status_at if (value := added[index - self.passed_width]) in styles
        }
        self.sheet.row([*values, *added], coloured)

    def close(self) -> None:
        from escalate.caseload.sheet.xlsx_writer import column_letters

        if self.sheet is None:  # no header came: an empty sheet, still a workbook
            self.sheet = self.book.sheet(frozen=0, widths=())
        filtered = None
        if self.width:
            last = column_letters(self.width)
            filtered = f"A{self.header_row}:{last}{max(self.sheet.rows, self.header_row)}"
            self.book.filters[0] = filtered
        self.sheet.close(filtered)
        _about_sheet(self.book, self.passed_width, self.added)
        self.book.close()


def _sheet_problem(value: Any) -> str | None:
    """Why a passed-through value cannot go into an Excel cell as it came (None: it can)."""
    import re

    from escalate.caseload.sheet.xlsx_writer import ILLEGAL, MAX_CELL

    if not isinstance(value, str):
        return None
    if len(value) > MAX_CELL:
        return f"a cell has {len(value):,} characters, more than an Excel cell holds ({MAX_CELL:,}): it is cut short"
    if not value.isprintable() and re.search(ILLEGAL, value):
        return (
            "a cell holds a character that an Excel sheet cannot hold (a control character, or one that is not "
            "text): it is shown as \ufffd"
        )
    return None


def _width(name: str, added: bool) -> float:
    """A sensible width for a column (in characters)."""
    if name in ("next_action", "next_step_title", "error"):
        return 40
    if name == "warnings_text":
        return 60
    if added and name.endswith(_DATE_SUFFIXES):
        return 12
    return min(max(len(name) + 2, 10), 40)


def _about_sheet(book: Any, passed: int, added: Sequence[str]) -> None:
    """The second sheet: each column and what it holds (the meanings wrapped), the heading bold and frozen."""
    from escalate.caseload.sheet.xlsx_writer import BOLD, WRAPPED

    sheet = book.sheet(frozen=1, widths=(32, 100))
    sheet.row(["Column", "What it holds"], {0: BOLD, 1: BOLD})
    meanings = column_meanings(added)
    rows = [
        ("(the caseload's own columns)", f"The {passed} columns before next_deadline, passed through as they came.")
    ]
    rows += [(name, meanings[name]) for name in added]
    wrapped = {1: WRAPPED}
    for name, meaning in rows:
        sheet.row([name, meaning], wrapped)
    sheet.close(None)


# --- out: CSV and JSON Lines from a sheet ---------------------------------------------------------------


class CsvRowWriter(RowWriter):
    """Rows as CSV: passed-through values as text (neutralised, quoted), then escalate's columns."""

    def __init__(self, sink: TextIO, caseload: Caseload) -> None:
        from escalate.caseload.run import CsvLines

        self.sink = sink
        self.caseload = caseload
        self.line_of = CsvLines()
        self.lead = 0
        self.blank_tail = "," * len(caseload.columns) + "\n"

    def header(self, names: Sequence[str], lead: Sequence[Sequence[Any]]) -> None:
        self.lead = 0 if names else 1
        self.sink.write((self.line_of(names) + "," + ",".join(self.caseload.columns))[self.lead :] + "\n")

    def row(self, values: Sequence[Any], answer: Answer | None) -> None:
        text = self.line_of([_csv_value(value) for value in values])
        tail = self.blank_tail if answer is None else self.caseload.csv_text(answer)
        self.sink.write((text + tail)[self.lead :])

    def close(self) -> None:
        """Nothing is held back: each line is written as it comes."""


def _csv_value(value: Any) -> str:
    """A sheet's value as a CSV cell: a date as ISO, TRUE and FALSE as Excel shows them, a number's digits."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    return cell_text(value)


class JsonRowWriter(RowWriter):
    """Rows as JSON Lines: passed-through values as JSON (dates as ISO text), then escalate's fields."""

    def __init__(self, sink: TextIO, caseload: Caseload) -> None:
        self.sink = sink
        self.caseload = caseload
        self.keys: list[str] = []
        blank = caseload.json_fields(caseload.failed(""))
        blank["error"] = None
        self.blank = blank

    def header(self, names: Sequence[str], lead: Sequence[Sequence[Any]]) -> None:
        from escalate.caseload.jsonl import unique_keys

        self.keys = unique_keys([name or f"column_{i}" for i, name in enumerate(names, start=1)])

    def row(self, values: Sequence[Any], answer: Answer | None) -> None:
        record = {key: _json_value(value) for key, value in zip(self.keys, values, strict=True)}
        fields = self.blank if answer is None else self.caseload.json_fields(answer)
        self.sink.write(json.dumps({**record, **fields}, ensure_ascii=False) + "\n")

    def close(self) -> None:
        """Nothing is held back: each line is written as it comes."""


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return cell_text(value)
    if isinstance(value, date | time):
        return value.isoformat()
    return value


def writer_for(
    output_format: BatchFormat, caseload: Caseload, text_sink: TextIO | None, binary_sink: IO[bytes] | None
) -> RowWriter:
    """The writer of a format, to the sink it needs (bytes for .xlsx, text otherwise)."""
    if output_format is BatchFormat.XLSX:
        assert binary_sink is not None
        return XlsxWriter(binary_sink, caseload.columns, caseload)
    assert text_sink is not None
    if output_format is BatchFormat.JSONL:
        return JsonRowWriter(text_sink, caseload)
    return CsvRowWriter(text_sink, caseload)
