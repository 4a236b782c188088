"""Caseload files for `escalate batch`: a whole batch (``run_batch``, ``check_batch``), and CSV in and out,
streamed, and safe to open in a spreadsheet. JSON Lines is ``escalate.caseload.jsonl``; Excel,
``escalate.caseload.sheet``.

``run_batch`` reads the lines of a caseload, has ``escalate.caseload.caseload.Caseload`` answer each row, and writes
each row out with its answer, in order, one for one. A row that cannot be read or computed is still
written, with its ``error``. Nothing is printed here: the command line reports the ``Summary``.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import chain, islice
from typing import Any, TextIO

from escalate.caseload.caches import picker
from escalate.caseload.caseload import Caseload
from escalate.caseload.columns import (
    Columns,
    looks_like_date,
    read_columns,
)
from escalate.caseload.options import (
    CHUNK,
    BatchInputError,
    BatchOptions,
    Summary,
)
from escalate.output.formats import BatchFormat

# --- CSV cells that are safe in a spreadsheet -----------------------------------------------------------

SPREADSHEET_TRIGGERS: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")
"""Characters that make a spreadsheet read a cell as a formula (OWASP, 'CSV Injection')."""

SURROGATE = re.compile("[\udc80-\udcff]")
"""A byte that was not valid text in the input's encoding (kept as a lone surrogate)."""


_QUOTED_RISK = re.compile('"[=+\\-@\t]')
"""A quoted cell that starts with a formula character, on a line of CSV."""

_INNER_RISK = re.compile(",[=+\\-@\t]")
"""A cell after the first that starts with a formula character, on a line of CSV without quotes (one search of
the line: half the time of a search for each character)."""


_ARMED = re.compile(",(?=[=+\\-@\t])")
"""The comma before a cell that starts a formula, on a line of CSV without quotes (a search for the comma first,
as for ``_INNER_RISK``)."""


def neutralised_line(text: str) -> str:
    """A line of CSV without quotes or carriage returns, in ASCII, with each cell that would start a formula
    given its leading apostrophe: what ``CsvLines`` makes of its cells (none of them needs quotes), without
    writing them again."""
    mended = _ARMED.sub(",'", text)
    return "'" + mended if mended.startswith(SPREADSHEET_TRIGGERS) else mended


def neutralise(cell: str) -> str:
    """A cell made safe to open in a spreadsheet: one that would start a formula gets a leading
    apostrophe, as OWASP advises, so that it is shown as text and never run."""
    return "'" + cell if cell.startswith(SPREADSHEET_TRIGGERS) else cell


class CsvLines:
    """Passed-through cells as the start of a CSV line: neutralised, and quoted as ``csv`` quotes them
    (one writer, used again for every line)."""

    def __init__(self) -> None:
        self._buffer = io.StringIO()
        # csv quotes a cell holding a character of the line terminator: "\r\n" makes it quote both.
        self._writer = csv.writer(self._buffer, lineterminator="\r\n")

    def __call__(self, cells: Iterable[str]) -> str:
        self._buffer.seek(0)
        self._buffer.truncate()
        self._writer.writerow([neutralise(cell) for cell in cells])
        return self._buffer.getvalue()[:-2]


# --- a whole batch ------------------------------------------------------------------------------------


def run_batch(lines: Iterable[str], sink: TextIO, options: BatchOptions) -> Summary:
    """Read a caseload from ``lines`` (text, line endings kept, as a file opened with ``newline=''``
    gives them) and write each row with escalate's columns to ``sink``, in order, one for one.

    Raises BatchInputError, before writing anything, when the input cannot be read at all.
    """
    lift_field_limit()
    lines = opened_input(lines, options)
    if options.output_format is None:
        options.output_format = options.input_format
    if options.input_format is BatchFormat.CSV:
        return _run_csv(lines, sink, options)
    from escalate.caseload.jsonl import run_jsonl

    return run_jsonl(lines, sink, options)


FIELD_LIMIT = min(sys.maxsize, (1 << 31) - 1)
"""The longest cell read: as long as memory allows (``csv`` stops at 131,072 characters by default)."""

SAMPLE_LINES = 200
"""The first lines after the header, read before any row is written to check which columns hold dates, then
answered as every other line is (kept, and replayed)."""

MAX_RECORD_LINES = 10_000
"""The most lines one quoted record may run over: a quote still open after them (or at the end of the input) is
a quote that was never closed, and reading resumes at the line after the one where it opened."""

UNCLOSED_QUOTE = (
    'a quote (") opened in this row is never closed, so the row cannot be read; reading went on at the next line '
    "(a cell that starts with a quote must end with one)"
)


def lift_field_limit() -> None:
    """Let ``csv`` read a cell of any length, so that every cell passes through unchanged."""
    if csv.field_size_limit() < FIELD_LIMIT:
        csv.field_size_limit(FIELD_LIMIT)


def opened_input(lines: Iterable[str], options: BatchOptions) -> Iterator[str]:
    """The lines of a caseload, checked to be readable at all (not empty, not UTF-16), with its format
    settled in ``options.input_format`` (JSON Lines if the first line starts with '{', else CSV).

    Raises BatchInputError, before anything is written, when the input cannot be read.
    """
    lines = iter(lines)
    first = next(lines, None)
    while first is not None and not first.strip():
        first = next(lines, None)
    if first is None:
        raise BatchInputError("the input is empty: expected a header row naming the columns, then one row per case")
    if first.startswith(("\udcff\udcfe", "\udcfe\udcff")) or "\x00" in first:
        raise BatchInputError(
            "the input looks like UTF-16 text (as Excel's 'Unicode text' saves it); save it as 'CSV UTF-8', "
            "or give --encoding utf-16"
        )
    if options.input_format is None:
        options.input_format = BatchFormat.JSONL if first.lstrip().startswith("{") else BatchFormat.CSV
    return chain([first], lines)


def chunks(items: Iterator[Any]) -> Iterator[list[Any]]:
    return iter(lambda: list(islice(items, CHUNK)), [])


def encoding_error(options: BatchOptions, column: str) -> str:
    return (
        f"the row is not valid {options.encoding} text (column '{column}'): save the file as CSV UTF-8, "
        "or give its encoding with --encoding (for example cp1252)"
    )


def missing_header(header: Sequence[str]) -> BatchInputError:
    shown = ", ".join(f"'{cell}'" for cell in header[:4]) + (", ..." if len(header) > 4 else "")
    return BatchInputError(
        f"no column of the first row ({shown}) names a fact; the first row must be a header with columns "
        "such as incident_date, complaint_date, outcome_date (see `escalate batch --help`)"
    )


# --- CSV in ------------------------------------------------------------------------------------------


class _Taken:
    """The lines one quoted record is read from, kept (for reading them again when the quote never closes)."""

    __slots__ = ("ended", "lines", "more", "started")

    def __init__(self, first: str, more: Iterator[str]) -> None:
        self.lines = [first]
        self.more = more
        self.started = False
        self.ended = False
        """Whether the record wanted more lines than there are (or than ``MAX_RECORD_LINES``)."""

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        if not self.started:
            self.started = True
            return self.lines[0]
        line = next(self.more, None) if len(self.lines) < MAX_RECORD_LINES else None
        if line is None:
            self.ended = True
            raise StopIteration
        self.lines.append(line)
        return line


def read_quoted(line: str, more: Iterator[str]) -> tuple[list[str], str | None, list[str], bool]:
    """The record that starts with a line holding a quote, read from it and (for a quoted cell that runs on)
    the lines after it in ``more``: its cells, its error, the lines to read again as records of their own, and
    whether it ran over more than one line. A quote that never closes (by the end of the input, or within
    ``MAX_RECORD_LINES``) is that line's error, and the lines after it are read again."""
    taken = _Taken(line, more)
    try:
        row = next(csv.reader(taken))
    except csv.Error as error:
        return _first_cells(line), f"the row cannot be read as CSV: {error}", taken.lines[1:], False
    if taken.ended:
        return _first_cells(line), UNCLOSED_QUOTE, taken.lines[1:], False
    return row, None, [], len(taken.lines) > 1


def _first_cells(line: str) -> list[str]:
    """The cells of one line alone (a quote that does not close ends with the line)."""
    try:
        return next(csv.reader([line.rstrip("\r\n")]), [])
    except csv.Error:
        return [line.rstrip("\r\n")]


class _Again:
    """Lines, with some put back in front to be read again."""

    def __init__(self, lines: Iterable[str]) -> None:
        self.lines = iter(lines)
        self.back: list[str] = []

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        return self.back.pop() if self.back else next(self.lines)

    def put_back(self, lines: Sequence[str]) -> None:
        self.back.extend(reversed(lines))


def csv_records(lines: Iterable[str]) -> Iterator[tuple[list[str], str | None]]:
    """The records of CSV text after its header, each with the error of one that cannot be read (its cells
    are then those of its first line); empty lines are skipped."""
    stream = _Again(lines)
    for line in stream:
        if '"' in line:
            row, problem, again, _ = read_quoted(line, stream)
            stream.put_back(again)
            yield row, problem
        else:
            text = line.rstrip("\r\n")
            if text:
                yield text.split(","), None


def is_blank(row: Sequence[str]) -> bool:
    """A row whose cells are all empty (as spreadsheets leave at the end of an export): passed through, not
    a case."""
    return not any(cell.strip() for cell in row)


def _samples(lines: Sequence[str], width: int) -> list[list[str]]:
    """The cells of the first lines, column by column (rows that cannot be read left out)."""
    columns: list[list[str]] = [[] for _ in range(width)]
    for row, problem in csv_records(lines):
        if problem is None and len(row) == width:
            for cells, cell in zip(columns, row, strict=True):
                cells.append(cell)
    return columns


def csv_header(lines: Iterator[str], options: BatchOptions) -> tuple[list[str], Columns, list[str]]:
    """The header of a CSV caseload and how its columns are read (after the first lines, returned to be read
    again)."""
    header_reader = csv.reader(lines)
    try:
        header = next(header_reader)  # reads the lines of the header record, and no more
    except csv.Error as error:
        raise BatchInputError(f"the header row cannot be read as CSV: {error}") from None
    if header:
        header[0] = header[0].removeprefix("\ufeff")  # a byte order mark that another encoding left
    sample = list(islice(lines, SAMPLE_LINES))
    if any(looks_like_date(name) for name in header) and not any(options.choices.fact_of(n) for n in header):
        raise missing_header(header)  # a file without a header: its first row is a case
    columns = read_columns(header, _samples(sample, len(header)), options.choices)
    if not columns.facts:
        raise missing_header(header)
    options.columns = columns
    return header, columns, sample


def _run_csv(lines: Iterator[str], sink: TextIO, options: BatchOptions) -> Summary:
    header, columns, sample = csv_header(lines, options)
    lines = chain(sample, lines)
    found = columns.facts
    keep = picker(list(columns.kept)) if columns.own else None
    if options.output_format is BatchFormat.JSONL:
        from escalate.caseload.jsonl import csv_to_jsonl

        caseload = Caseload(tuple(found), today=options.today, only=options.only)
        return csv_to_jsonl(lines, header, picker(list(found.values())), caseload, sink, options)
    # The caseload picks each fact's text from a row's cells itself (``columns``).
    caseload = Caseload(tuple(found), today=options.today, only=options.only, columns=list(found.values()))
    line_of = CsvLines()
    kept_header = list(keep(header)) if keep is not None else header
    sink.write(line_of(kept_header) + "," + ",".join(caseload.columns) + "\n")
    return _csv_to_csv(
        lines,
        header=header,
        caseload=caseload,
        sink=sink,
        options=options,
        line_of=line_of,
        keep=keep,
    )


def _csv_to_csv(
    lines: Iterator[str],
    header: Sequence[str],
    caseload: Caseload,
    sink: TextIO,
    options: BatchOptions,
    line_of: CsvLines,
    keep: Callable[[Sequence[str]], tuple[str, ...]] | None = None,
) -> Summary:
    """The hot loop. Most lines of a caseload have no quotes: their cells are the text between the commas,
    and the line goes out as it came, unless a cell must be neutralised or holds bytes that were not text.
    A line with a quote is read by ``csv`` (with the lines after it, for a quoted cell that runs on) and
    written again, quoted where needed. ``keep`` picks the cells passed through, when some columns are
    escalate's own from an earlier run (they are replaced)."""
    summary = options.summary
    width = len(header)
    write = sink.write
    csv_row = caseload.csv_row
    csv_text = caseload.csv_text
    starts = SPREADSHEET_TRIGGERS
    risky = _INNER_RISK.search
    blank_tail = "," * len(caseload.columns) + "\n"
    text: str | None
    for block in chunks(lines):
        rows = errors = urgent = 0
        rest: Iterator[str] | None = iter(block)
        while rest is not None:
            current, rest = rest, None
            for line in current:
                if '"' in line:
                    row, problem, again, multiline = read_quoted(line, chain(current, lines))
                    if problem is not None:
                        rows += 1
                        errors += 1
                        cells = fit(row, width)
                        write(line_of(keep(cells) if keep is not None else cells) + csv_text(caseload.failed(problem)))
                        if again:
                            rest = chain(again, current)
                            break
                        continue
                    # A record on one line, quoted as csv quotes (cells that hold a comma or a quote): its text goes
                    # out as it came, unless a quoted cell starts with a formula character.
                    one_line = line.rstrip("\r\n")
                    text = None if multiline or _QUOTED_RISK.search(one_line) or one_line.count('"') % 2 else one_line
                    if is_blank(row):
                        write(line_of(keep(row) if keep is not None else row) + blank_tail)
                        continue
                else:
                    text = line.rstrip("\r\n")
                    if not text:
                        continue  # an empty line is not a record
                    row = text.split(",")
                    if text[0] in ", \t" and not text.replace(",", "").strip():  # a blank row: not a case
                        write((line_of(keep(row)) if keep is not None else text) + blank_tail)
                        continue
                rows += 1
                if len(row) != width:
                    cells = fit(row, width)
                    write(
                        line_of(keep(cells) if keep is not None else cells)
                        + csv_text(caseload.failed(ragged_error(row, width)))
                    )
                    errors += 1
                    continue
                if text is None or keep is not None or text.startswith(starts) or risky(text) or not text.isascii():
                    if keep is None and text is not None and '"' not in line and "\r" not in text and text.isascii():
                        text = neutralised_line(text)  # only cells that start a formula to mend
                    else:
                        text, bad_bytes = _careful(row, keep, header, line, options, line_of)
                        if bad_bytes is not None:
                            write(text + csv_text(caseload.failed(bad_bytes)))
                            errors += 1
                            continue
                written, failed, urgent_here = csv_row(row, text)
                write(written)
                errors += failed
                urgent += urgent_here
        count(summary, options, rows, errors, urgent)
    return summary


def count(summary: Summary, options: BatchOptions, rows: int, errors: int, urgent: int) -> None:
    summary.rows += rows
    summary.errors += errors
    summary.urgent += urgent
    if options.progress is not None:
        options.progress(summary.rows)


def _careful(
    row: list[str],
    keep: Callable[[Sequence[str]], tuple[str, ...]] | None,
    header: Sequence[str],
    line: str,
    options: BatchOptions,
    line_of: CsvLines,
) -> tuple[str, str | None]:
    """A row that needs quoting or neutralising, as CSV text; and the error when it holds bytes that were
    not text (each written as U+FFFD, so that the output is always valid UTF-8)."""
    cells: Sequence[str] = keep(row) if keep is not None else row
    if not line.isascii() and SURROGATE.search(line):
        column = next(name for name, cell in zip(header, row, strict=True) if SURROGATE.search(cell))
        return line_of([SURROGATE.sub("\ufffd", cell) for cell in cells]), encoding_error(options, column)
    return line_of(cells), None


def fit(row: list[str], width: int) -> list[str]:
    return (row + [""] * width)[:width]


def ragged_error(row: list[str], width: int) -> str:
    if len(row) < width:
        return (
            f"the row has {len(row)} cells where the header has {width}: a cell or a comma is missing, or a "
            "cell with a comma in it is not in quotes"
        )
    extra = ", ".join(repr(cell) for cell in row[width:])
    return (
        f"the row has {len(row)} cells where the header has {width} (a cell with a comma in it must be in "
        f"quotes); the extra cells, not passed through, are: {extra}"
    )


def check_batch(lines: Iterable[str], options: BatchOptions) -> list[tuple[int, str]]:
    """`escalate batch --check`: how the columns are read (``options.columns``) and the problems of the first
    rows (by row number), with nothing written. Raises as ``run_batch`` does for an input that cannot be read."""
    options.output_format = BatchFormat.JSONL
    options.source = None
    out = io.StringIO()
    run_batch(islice(lines, SAMPLE_LINES + 1), out, options)
    problems: list[tuple[int, str]] = []
    row = 0
    for line in out.getvalue().splitlines():
        answer = json.loads(line)
        if answer["error"] is None and answer["next_step"] is None:
            continue  # a blank row
        row += 1
        if answer["error"] is not None:
            problems.append((row, answer["error"]))
    return problems
