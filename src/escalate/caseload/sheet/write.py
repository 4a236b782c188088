"""Writing a caseload's rows: to an Excel workbook (real date cells, a frozen and filtered header, coloured
statuses, a second sheet of what each column means), or, from a sheet's rows of values, to CSV and JSON Lines."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from copy import copy
from datetime import date, datetime, time
from typing import IO, Any, Protocol, TextIO

from escalate.caseload.answer import Answer
from escalate.caseload.caseload import NO_REVIEW, Caseload
from escalate.caseload.columns import column_meanings
from escalate.caseload.options import BatchFormat
from escalate.caseload.sheet.read import cell_text

DATE_FORMAT = "dd/mm/yyyy"
"""How date cells are shown: the UK way."""
DATETIME_FORMAT = "dd/mm/yyyy hh:mm"

MAX_CELL = 32767
"""The most characters an Excel cell holds."""

_ILLEGAL = re.compile(r"[\000-\010\013\014\016-\037]")
"""Characters an Excel sheet cannot hold (control characters other than tab and line breaks)."""

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


class XlsxWriter(RowWriter):
    """Rows to an .xlsx workbook, with openpyxl's write-only writer (rows go to disk as they come)."""

    def __init__(self, target: IO[bytes], caseload_columns: Sequence[str], caseload: Caseload) -> None:
        from openpyxl import Workbook

        self.target = target
        self.caseload = caseload
        self.added = tuple(caseload_columns)
        self.book = Workbook(write_only=True)
        self.ws = self.book.create_sheet("Caseload")
        self.rows_written = 0
        self.width = 0
        self.passed_width = 0
        self.header_row = 1
        self._status_at: list[int] = []
        self._fills: dict[str, Any] = {}

    def header(self, names: Sequence[str], lead: Sequence[Sequence[Any]]) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font, PatternFill
        from openpyxl.utils import get_column_letter

        columns = [*names, *self.added]
        self.width = len(columns)
        self.passed_width = len(names)
        for index, name in enumerate(columns, start=1):
            self.ws.column_dimensions[get_column_letter(index)].width = _width(name, index > len(names))
        self._status_at = [len(names) + i for i, name in enumerate(self.added) if name.endswith("_status")]
        self._fills = {status: PatternFill("solid", fgColor=colour) for status, colour in STATUS_FILLS.items()}
        self._prototypes()
        self.header_row = len(lead) + 1
        self.ws.freeze_panes = f"A{self.header_row + 1}"  # before any row: write-only sheets write it first
        for row in lead:
            self._append(list(row)[: self.width])
        bold = Font(bold=True)
        cells = []
        for name in columns:
            cell = WriteOnlyCell(self.ws, value=None)
            _set_text(cell, name)
            cell.font = bold
            cells.append(cell)
        self.ws.append(cells)
        self.rows_written += 1

    def row(self, values: Sequence[Any], answer: Answer | None) -> None:
        added = added_values(self.caseload, answer)
        problems = [problem for value in values if (problem := _sheet_problem(value)) is not None]
        if problems and answer is not None:
            added = added_values(self.caseload, self.caseload.failed(problems[0]))
        self._append([*values, *added], status_from=self.passed_width)

    def _append(self, values: Sequence[Any], status_from: int | None = None) -> None:
        """One row. Plain text and numbers go to openpyxl as values (the fast way); a date, a coloured status, and
        text openpyxl would take for a formula or an error code go as cells of their own."""
        cells: list[Any] = []
        add = cells.append
        for index, value in enumerate(values):
            kind = type(value)
            if value is None or kind is int or kind is float or kind is bool:
                add(value)
            elif kind is str:
                if status_from is not None and value in self._fills and index in self._status_at:
                    add(self._styled(value, self._status_styles[value]))
                elif value.startswith(("=", "#")) or len(value) > MAX_CELL or not _plain(value):
                    add(self._text(value))
                else:
                    add(value)
            elif kind is date:
                add(self._styled(value, self._date_style))
            elif isinstance(value, datetime):
                add(self._styled(value, self._date_style if value.time() == time() else self._datetime_style))
            elif isinstance(value, date):
                add(self._styled(value, self._date_style))
            elif isinstance(value, int | float):
                add(value)
            else:
                add(self._text(cell_text(value)))
        self.ws.append(cells)
        self.rows_written += 1

    def _styled(self, value: Any, style: Any) -> Any:
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(self.ws, value=value)
        cell._style = copy(style)  # type: ignore[attr-defined]  # a prototype cell's style, not looked up again
        if isinstance(value, str):
            cell.data_type = "s"
        return cell

    def _text(self, text: str) -> Any:
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(self.ws)
        _set_text(cell, text)
        return cell

    def _prototypes(self) -> None:
        """The styles of a date, a date and time, and each coloured status, made once."""
        from openpyxl.cell import WriteOnlyCell

        def style(**attributes: Any) -> Any:
            cell = WriteOnlyCell(self.ws)
            for name, value in attributes.items():
                setattr(cell, name, value)
            return cell._style  # type: ignore[attr-defined]

        self._date_style = style(number_format=DATE_FORMAT)
        self._datetime_style = style(number_format=DATETIME_FORMAT)
        self._status_styles = {status: style(fill=fill) for status, fill in self._fills.items()}

    def close(self) -> None:
        from openpyxl.utils import get_column_letter

        if self.width:
            last = get_column_letter(self.width)
            self.ws.auto_filter.ref = f"A{self.header_row}:{last}{max(self.rows_written, self.header_row)}"
        about = self.book.create_sheet("About these columns")
        _about_sheet(about, self.passed_width, self.added)
        self.book.save(self.target)


def _set_text(cell: Any, text: str) -> None:
    """Text in a cell, as text: never a formula (openpyxl takes a string that starts with '=' for one)."""
    cell.value = _ILLEGAL.sub("\ufffd", text[:MAX_CELL])
    cell.data_type = "s"


def _plain(text: str) -> bool:
    """Whether text can go into a cell as it is (no character an Excel sheet cannot hold)."""
    return text.isprintable() or not _ILLEGAL.search(text)


def _sheet_problem(value: Any) -> str | None:
    """Why a passed-through value cannot go into an Excel cell as it came (None: it can)."""
    if not isinstance(value, str):
        return None
    if len(value) > MAX_CELL:
        return f"a cell has {len(value):,} characters, more than an Excel cell holds ({MAX_CELL:,}): it is cut short"
    if _ILLEGAL.search(value):
        return "a cell holds a control character that an Excel sheet cannot hold: it is shown as \ufffd"
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


def _about_sheet(ws: Any, passed: int, added: Sequence[str]) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font

    ws.column_dimensions["A"].width = 32
    ws.column_dimensions["B"].width = 100
    bold = Font(bold=True)
    heading = []
    for text in ("Column", "What it holds"):
        cell = WriteOnlyCell(ws)
        _set_text(cell, text)
        cell.font = bold
        heading.append(cell)
    ws.append(heading)
    ws.freeze_panes = "A2"
    wrap = Alignment(wrap_text=True, vertical="top")
    meanings = column_meanings(added)
    rows = [
        ("(the caseload's own columns)", f"The {passed} columns before next_deadline, passed through as they came.")
    ]
    rows += [(name, meanings[name]) for name in added]
    for name, meaning in rows:
        first, second = WriteOnlyCell(ws), WriteOnlyCell(ws)
        _set_text(first, name)
        _set_text(second, meaning)
        second.alignment = wrap
        ws.append([first, second])


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
