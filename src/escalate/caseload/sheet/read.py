"""Reading a caseload by rows of values: an Excel sheet (its header found and its merged names read as people
read them), and CSV and JSON Lines as rows of values for the same path (``escalate.caseload.sheet.batch``)."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from itertools import chain, islice
from typing import IO, Any

from escalate.caseload.options import BatchInputError, BatchOptions

HEADER_SEARCH = 10
"""The first rows searched for the header, when the first row names no fact (a title, or a row of groups above
the names): the rows above the header pass through as they came."""


# --- a sheet in -----------------------------------------------------------------------------------------


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
    from escalate.caseload.sheet.xlsx_reader import UNREADABLE, SheetError, open_workbook

    shown = source if isinstance(source, str) else "standard input"
    try:
        book = open_workbook(source)
    except UNREADABLE as error:
        reason = getattr(error, "strerror", None) or "it is not an Excel workbook (.xlsx)"
        raise BatchInputError(f"cannot read '{shown}': {reason}") from None
    try:
        if sheet is None:
            if not book.worksheets:
                raise BatchInputError(f"cannot read '{shown}': it has no sheet of rows")
            ws = book.worksheets[0]
        else:
            names = [part.name for part in book.sheets]
            if sheet not in names:
                raise BatchInputError(
                    f"--sheet: '{shown}' has no sheet named '{sheet}' (its sheets: {', '.join(names)})"
                )
            ws = book.sheets[names.index(sheet)]
        if ws.chart:
            raise BatchInputError(f"--sheet: '{sheet}' is a chart, not a sheet of rows")

        def streamed() -> Iterator[tuple[Any, ...]]:
            try:
                yield from book.rows(ws)
            except SheetError as error:
                raise BatchInputError(f"cannot read '{shown}': {error}") from None

        rows = streamed()
        lead: list[tuple[Any, ...]] = []
        header_row = next(rows, None)
        while header_row is not None and is_blank_row(header_row):
            lead.append(header_row)
            header_row = next(rows, None)
        if header_row is None:
            raise BatchInputError(
                f"the sheet '{ws.name}' is empty: expected a header row naming the columns, then one row per case"
            )
        if not any(names_fact(cell_text(value)) for value in header_row):
            ahead = list(islice(rows, HEADER_SEARCH))
            found = next((i for i, row in enumerate(ahead) if any(names_fact(cell_text(value)) for value in row)), None)
            if found is not None:
                lead += [header_row, *ahead[:found]]
                header_row = ahead[found]
                ahead = ahead[found + 1 :]
            rows = _chained(ahead, rows)
        try:
            merges = book.merged_ranges(ws) if lead else []  # a merge matters only to a header below other rows
        except UNREADABLE as error:
            raise BatchInputError(f"cannot read '{shown}': the sheet '{ws.name}' is damaged ({error})") from None
        header = _header_names(header_row, lead, merges)
        yield Sheet(ws.name, lead, header, rows)
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


# --- how a table's columns are read ---------------------------------------------------------------------


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


# --- CSV and JSON Lines as rows of values ---------------------------------------------------------------


def csv_table(lines: Iterator[str], options: BatchOptions) -> tuple[list[str], Iterator[Sequence[Any] | RowProblem]]:
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


def jsonl_table(lines: Iterator[str], options: BatchOptions) -> tuple[list[str], Iterator[Sequence[Any] | RowProblem]]:
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
