"""Excel caseloads (.xlsx) in and out, streamed both ways with openpyxl (imported only here, and only for .xlsx).

In: the first sheet or a named one, read with openpyxl's read-only reader (``data_only``: a formula is its saved
value). Each row's values become the texts the command line reads (a date cell is its date, a text cell its
text) and go down the same row path as a CSV row: the same column matching, ``Caseload.answer``, one row out
for every row in, blank rows passed through, a row that cannot be computed carrying its error.

Out: one sheet of rows with real date cells (``dd/mm/yyyy``), the header frozen and filtered, the status cells
coloured with their words always there, and a second sheet that says what each column means; passed-through
cells as they came (a number stays a number, text stays text, even text that starts with '=').
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from copy import copy
from dataclasses import dataclass
from datetime import date, datetime, time
from itertools import chain, islice
from typing import IO, Any, NamedTuple, Protocol, TextIO

from escalate.caseload.answer import Answer
from escalate.caseload.caseload import NO_REVIEW, Caseload, picker
from escalate.caseload.columns import column_meanings
from escalate.caseload.options import CHUNK, BatchFormat, BatchInputError, BatchOptions, Summary

DATE_FORMAT = "dd/mm/yyyy"
"""How date cells are shown: the UK way."""
DATETIME_FORMAT = "dd/mm/yyyy hh:mm"

HEADER_SEARCH = 10
"""The first rows searched for the header, when the first row names no fact (a title, or a row of groups above
the names): the rows above the header pass through as they came."""

MAX_CELL = 32767
"""The most characters an Excel cell holds."""

_ILLEGAL = re.compile(r"[\000-\010\013\014\016-\037]")
"""Characters an Excel sheet cannot hold (control characters other than tab and line breaks)."""

STATUS_FILLS: Mapping[str, str] = {"passed": "D9D9D9", "at-risk": "F4B6B6", "due-soon": "FFE699"}
"""The background of a status cell, by status; the status's word is always in the cell too."""


# --- in -----------------------------------------------------------------------------------------------


def cell_text(value: Any) -> str:
    """A cell's value as the command line reads text: a date cell is its date (ISO), a number its digits
    (3, not 3.0), TRUE and FALSE are yes and no, an empty cell is empty."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def is_blank_row(values: Sequence[Any]) -> bool:
    return all(value is None or (isinstance(value, str) and not value.strip()) for value in values)


@dataclass
class Sheet:
    """An open sheet: the rows above the header, the header's names, and the rows after it (values)."""

    name: str
    lead: list[tuple[Any, ...]]
    header: list[str]
    rows: Iterator[tuple[Any, ...]]


@contextlib.contextmanager
def open_sheet(source: str | IO[bytes], sheet: str | None, names_fact: Callable[[str], bool]) -> Iterator[Sheet]:
    """The sheet of an .xlsx caseload (the first, or the one named ``sheet``), streamed. The header is the first
    row that is not blank, or the first of the next rows to name a fact (``names_fact``) when it names none. A
    header cell left empty under a cell merged down from the row above takes that cell's name."""
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    shown = source if isinstance(source, str) else "standard input"
    try:
        book = load_workbook(source, read_only=True, data_only=True)
    except (BadZipFile, KeyError, ValueError, OSError) as error:
        reason = getattr(error, "strerror", None) or "it is not an Excel workbook (.xlsx)"
        raise BatchInputError(f"cannot read '{shown}': {reason}") from None
    try:
        if sheet is None:
            ws = book.worksheets[0]
        else:
            names = book.sheetnames
            if sheet not in names:
                raise BatchInputError(
                    f"--sheet: '{shown}' has no sheet named '{sheet}' (its sheets: {', '.join(names)})"
                )
            ws = book[sheet]
        if not hasattr(ws, "iter_rows"):
            raise BatchInputError(f"--sheet: '{sheet}' is a chart, not a sheet of rows")
        rows: Iterator[tuple[Any, ...]] = ws.iter_rows(values_only=True)
        lead: list[tuple[Any, ...]] = []
        header_row = next(rows, None)
        while header_row is not None and is_blank_row(header_row):
            lead.append(header_row)
            header_row = next(rows, None)
        if header_row is None:
            raise BatchInputError(
                f"the sheet '{ws.title}' is empty: expected a header row naming the columns, then one row per case"
            )
        if not any(names_fact(cell_text(value)) for value in header_row):
            ahead = list(islice(rows, HEADER_SEARCH))
            found = next((i for i, row in enumerate(ahead) if any(names_fact(cell_text(value)) for value in row)), None)
            if found is not None:
                lead += [header_row, *ahead[:found]]
                header_row = ahead[found]
                ahead = ahead[found + 1 :]
            rows = _chained(ahead, rows)
        header = _header_names(header_row, lead, _merges(ws))
        yield Sheet(ws.title, lead, header, rows)
    finally:
        book.close()


def _chained(first: list[tuple[Any, ...]], rest: Iterator[tuple[Any, ...]]) -> Iterator[tuple[Any, ...]]:
    yield from first
    yield from rest


def _header_names(
    row: Sequence[Any], lead: Sequence[Sequence[Any]], merges: list[tuple[int, int, int, int]]
) -> list[str]:
    """The names of a header row (``lead`` are the rows above it). A header in two rows (groups above names)
    is read as people read it: an empty cell takes the name above it (or the name merged down into it), unless
    that name is a group's, merged across several columns."""
    names = [cell_text(value).strip() for value in row]
    at = len(lead) + 1  # the header's row number
    across: set[tuple[int, int]] = set()  # (row, column) of the cells a group name is merged across
    for min_col, min_row, max_col, max_row in merges:
        if max_col > min_col:
            across.update((r, c) for r in range(min_row, max_row + 1) for c in range(min_col, max_col + 1))
        if min_row < at <= max_row and min_col <= len(names) and not names[min_col - 1] and max_col == min_col:
            above = lead[min_row - 1]
            names[min_col - 1] = cell_text(above[min_col - 1]).strip() if min_col <= len(above) else ""
    if lead and not is_blank_row(lead[-1]):
        above = lead[-1]
        for index, name in enumerate(names):
            if not name and index < len(above) and (at - 1, index + 1) not in across:
                names[index] = cell_text(above[index]).strip()
    while names and not names[-1]:  # empty cells after the last name (a sheet's formatting)
        names.pop()
    return names


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')


def _merges(ws: Any) -> list[tuple[int, int, int, int]]:
    """The merged ranges of a sheet (min column, min row, max column, max row). The streaming reader does not
    read them (they come after the rows), so the sheet's XML is scanned for them, in pieces."""
    from openpyxl.utils import column_index_from_string

    found: list[tuple[int, int, int, int]] = []
    try:
        source = getattr(ws, "_get_source")()  # noqa: B009 - the sheet's XML, as the streaming reader opens it
    except (AttributeError, KeyError, OSError):
        return found
    with source:
        tail = b""
        while chunk := source.read(1 << 20):
            text = tail + chunk
            for match in _MERGE.finditer(text):
                first, top, last, bottom = match.groups()
                found.append(
                    (
                        column_index_from_string(first.decode()),
                        int(top),
                        column_index_from_string(last.decode()),
                        int(bottom),
                    )
                )
            tail = text[-200:]  # a range cut in two by the piece's end is found whole next time (kept once)
    return sorted(set(found))


# --- the rows, whatever the formats ---------------------------------------------------------------------


class RowWriter(Protocol):
    """Where the rows go: each row's passed-through values and its answer."""

    def header(self, names: Sequence[str], lead: Sequence[Sequence[Any]]) -> None: ...

    def row(self, values: Sequence[Any], answer: Answer | None) -> None:
        """A row; ``answer`` None for a blank row (passed through, not a case)."""

    def close(self) -> None:
        """Everything written."""


@dataclass(frozen=True, slots=True)
class RowProblem:
    """A row that could not be read as it should (a CSV row with too few cells): its values and why."""

    values: Sequence[Any]
    error: str


@dataclass(frozen=True)
class Layout:
    """How a table's columns are read: where each fact is, and which columns pass through."""

    header: Sequence[str]
    facts: Mapping[str, int]
    kept: Sequence[int]


def run_rows(
    layout: Layout,
    rows: Iterable[Sequence[Any] | RowProblem],
    caseload: Caseload,
    writer: RowWriter,
    options: BatchOptions,
    lead: Sequence[Sequence[Any]] = (),
) -> Summary:
    """Each row's answer from the texts of its fact columns (``caseload``'s facts, in ``layout.facts``'s order),
    the row written with it, one for one, in order. A row with values beyond the header's last column carries
    an error naming them (they are not passed through: they have no column)."""
    header = layout.header
    texts_of = picker(list(layout.facts.values()))
    width = len(header)
    keep = picker(list(layout.kept)) if len(layout.kept) != width else None
    writer.header(list(keep(header)) if keep is not None else list(header), lead)
    summary = options.summary
    iter_rows = iter(rows)
    for block in iter(lambda: list(islice(iter_rows, CHUNK)), []):
        for item in block:
            values, problem = (item.values, item.error) if isinstance(item, RowProblem) else (item, None)
            cells = list(values[:width]) + [None] * (width - len(values))
            passed = list(keep(cells)) if keep is not None else cells
            if problem is None and is_blank_row(values):
                writer.row(passed, None)
                continue
            summary.rows += 1
            extra = [value for value in values[width:] if value is not None and cell_text(value).strip()]
            if problem is not None:
                answer = caseload.failed(problem)
            elif extra:
                answer = caseload.failed(
                    "the row has cells after the header's last column (they have no name and are not passed "
                    "through): " + ", ".join(repr(cell_text(value)) for value in extra)
                )
            else:
                answer = caseload.answer(tuple(map(cell_text, texts_of(cells))))
            summary.errors += answer.error is not None
            summary.urgent += answer.urgent
            writer.row(passed, answer)
        if options.progress is not None:
            options.progress(summary.rows)
    writer.close()
    return summary


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


# --- whole batches -------------------------------------------------------------------------------------


def layout_of(header: Sequence[str], sample: Sequence[Sequence[Any] | RowProblem], options: BatchOptions) -> Layout:
    """How a header's columns are read, as `escalate batch` reads a CSV header (``columns.read_columns``, with
    ``--map`` and ``--ignore``, the first rows' cells as ``sample``): BatchInputError for no fact, ColumnError
    for a column escalate will not guess about. escalate's own columns (a file it wrote, run again) are
    replaced, not kept. ``options.columns`` says how they were read."""
    from escalate.caseload.columns import read_columns
    from escalate.caseload.run import missing_header

    width = len(header)
    cells: list[list[str]] = [[] for _ in range(width)]
    for row in sample:
        if isinstance(row, RowProblem):
            continue
        for index, value in enumerate(row[:width]):
            cells[index].append(cell_text(value))
    columns = read_columns(header, cells, options.choices)
    if not columns.facts:
        raise missing_header(header)
    options.columns = columns
    return Layout(header, columns.facts, columns.kept)


def names_fact(options: BatchOptions) -> Callable[[str], bool]:
    """Whether a column's name names a fact (to find the header below a title)."""
    return lambda name: options.choices.fact_of(name) is not None


def run_sheet(source: str | IO[bytes], writer_of: Callable[[Caseload], RowWriter], options: BatchOptions) -> Summary:
    """An .xlsx caseload in, each row written with its answer by ``writer_of(caseload)``. Raises
    BatchInputError, before anything is written, when the sheet cannot be read at all."""
    from escalate.caseload.run import SAMPLE_LINES

    with open_sheet(source, options.sheet, names_fact(options)) as sheet:
        sample = list(islice(sheet.rows, SAMPLE_LINES))
        layout = layout_of(sheet.header, sample, options)
        caseload = Caseload(tuple(layout.facts), today=options.today, only=options.only)
        rows = chain(sample, sheet.rows)
        return run_rows(layout, rows, caseload, writer_of(caseload), options, sheet.lead)


def run_table(lines: Iterable[str], writer_of: Callable[[Caseload], RowWriter], options: BatchOptions) -> Summary:
    """A CSV or JSON Lines caseload in, by rows of values (each CSV cell as text, each JSON value as it is), each
    row written with its answer by ``writer_of(caseload)``: for an .xlsx output, or ``--due-within``."""
    from escalate.caseload.run import SAMPLE_LINES, lift_field_limit, opened_input

    lift_field_limit()
    lines = opened_input(lines, options)
    if options.input_format is BatchFormat.CSV:
        header, rows = _csv_table(lines, options)
    else:
        header, rows = _jsonl_table(lines, options)
    sample = list(islice(rows, SAMPLE_LINES))
    layout = layout_of(header, sample, options)
    caseload = Caseload(tuple(layout.facts), today=options.today, only=options.only)
    return run_rows(layout, chain(sample, rows), caseload, writer_of(caseload), options)


def _csv_table(lines: Iterator[str], options: BatchOptions) -> tuple[list[str], Iterator[Sequence[Any] | RowProblem]]:
    import csv

    from escalate.caseload.run import SURROGATE, csv_records, encoding_error, fit, ragged_error

    try:
        header = next(csv.reader(lines), [])  # reads the lines of the header record, and no more
    except csv.Error as error:
        raise BatchInputError(f"the header row cannot be read as CSV: {error}") from None
    if header:
        header[0] = header[0].removeprefix("\ufeff")
    width = len(header)

    def rows() -> Iterator[Sequence[Any] | RowProblem]:
        for row, problem in csv_records(lines):
            if problem is not None:
                yield RowProblem(fit(row, width), problem)
            elif len(row) != width:
                yield RowProblem(fit(row, width), ragged_error(row, width))
            elif any(SURROGATE.search(cell) for cell in row):
                column = next(name for name, cell in zip(header, row, strict=True) if SURROGATE.search(cell))
                yield RowProblem([SURROGATE.sub("\ufffd", cell) for cell in row], encoding_error(options, column))
            else:
                yield row

    return header, rows()


def _jsonl_table(lines: Iterator[str], options: BatchOptions) -> tuple[list[str], Iterator[Sequence[Any] | RowProblem]]:
    from escalate.caseload.jsonl import json_records

    records = json_records(lines)
    first = list(islice(records, 1))
    columns = list(options.jsonl_columns) if options.jsonl_columns is not None else list(first[0].row) if first else []
    known = set(columns)

    def rows() -> Iterator[Sequence[Any] | RowProblem]:
        for record in chain(first, records):
            values = [_sheet_value(record.row.get(column)) for column in columns]
            extra = [key for key in record.row if key not in known]
            if record.error is not None:
                yield RowProblem(values, record.error)
            elif extra:
                yield RowProblem(
                    values,
                    "keys not in the first line cannot be added as columns: "
                    + ", ".join(repr(key) for key in extra)
                    + " (give the file rather than standard input)",
                )
            else:
                yield values

    return columns, rows()


def _sheet_value(value: Any) -> Any:
    """A JSON value as a cell: text, numbers and true/false as they are; lists and objects as JSON text."""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


# --- what needs action: --due-within ---------------------------------------------------------------------

DUE_LISTED = 50
"""The most cases the terminal's summary lists under --due-within (the soonest); the rest are counted."""


class DueCase(NamedTuple):
    """A case that needs action soon, for the summary: what to do, by when, to whom."""

    safe_date: date
    row: int
    reference: str
    action: str
    status: str
    to: str
    latest_date: date


def needs_action(answer: Answer, days: int) -> bool:
    """Whether a row has a deadline of the complainant's (owner you) whose safe date is within ``days`` days
    or that is at risk: the soonest of them (``Answer.next``) decides."""
    deadline = answer.next
    return deadline is not None and (deadline.status == "at-risk" or deadline.days_left <= days)


class DueFilter:
    """A writer that passes on only the rows that need action within ``days`` (and every row that cannot be
    worked out: it may be one of them), counting the others in ``summary.left_out``."""

    def __init__(self, inner: RowWriter, days: int, summary: Summary) -> None:
        self.inner = inner
        self.days = days
        self.summary = summary
        self.reference_at: int | None = None
        self.rows = 0

    def header(self, names: Sequence[str], lead: Sequence[Sequence[Any]]) -> None:
        from escalate.caseload.calendar import REFERENCE_COLUMNS
        from escalate.caseload.names import column_key

        keys = [column_key(name) for name in names]
        self.reference_at = next((keys.index(key) for key in REFERENCE_COLUMNS if key in keys), None)
        self.inner.header(names, lead)

    def row(self, values: Sequence[Any], answer: Answer | None) -> None:
        if answer is None:
            return  # a blank row is not a case
        self.rows += 1
        if answer.error is None and not needs_action(answer, self.days):
            self.summary.left_out += 1
            return
        if answer.next is not None and answer.error is None:
            self._remember(values, answer)
        self.inner.row(values, answer)

    def _remember(self, values: Sequence[Any], answer: Answer) -> None:
        import heapq

        from escalate.engine.steps import SHORT_NAMES
        from escalate.law.rules import RULES_BY_ID

        deadline = answer.next
        assert deadline is not None
        reference = cell_text(values[self.reference_at]).strip() if self.reference_at is not None else ""
        rule = RULES_BY_ID[deadline.id]
        to = rule.body
        if deadline.id == "review-request" and answer.review_body is not None:
            to = SHORT_NAMES.get(answer.review_body, "the body your outcome letter names")
        case = DueCase(
            deadline.safe_date,
            self.rows,
            reference or f"row {self.rows}",
            rule.action,
            deadline.status,
            to,
            deadline.latest_date,
        )
        due = self.summary.due
        if len(due) < DUE_LISTED:
            heapq.heappush(due, _Latest(case))
        elif case < due[0].case:
            heapq.heapreplace(due, _Latest(case))
        self.summary.due_count += 1

    def close(self) -> None:
        self.inner.close()


class _Latest(NamedTuple):
    """A case in a heap that keeps the soonest: the latest on top."""

    case: DueCase

    def __lt__(self, other: object) -> bool:
        assert isinstance(other, _Latest)
        return self.case > other.case


def due_lines(summary: Summary, days: int) -> list[str]:
    """The terminal's list of the cases that need action, soonest first, one line each."""
    cases = sorted(item.case for item in summary.due)
    lines = [
        f"escalate: {summary.due_count:,} case{'' if summary.due_count == 1 else 's'} to act on within {days} days or at risk:"
    ]
    for case in cases:
        risk = f" (passed: at risk, latest arguable {_day(case.latest_date)})" if case.status == "at-risk" else ""
        lines.append(f"  {case.reference}: {case.action} by {_day(case.safe_date)}{risk}, to {case.to}")
    if summary.due_count > len(cases):
        lines.append(f"  ... and {summary.due_count - len(cases):,} more (see the output)")
    return lines


def _day(day: date) -> str:
    """A date in a line of the summary: Tue 8 Dec 2026."""
    return f"{day:%a} {day.day} {day:%b %Y}"
