"""Caseload files for `escalate batch`: CSV and JSON Lines in and out, streamed, and safe to open in a
spreadsheet.

``run_batch`` reads the lines of a caseload, has ``escalate.caseload.caseload.Caseload`` answer each row, and writes
each row out with its answer, in order, one for one. A row that cannot be read or computed is still
written, with its ``error``. Nothing is printed here: the command line reports the ``Summary``.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from functools import partial
from itertools import chain, islice
from typing import TYPE_CHECKING, Any, NamedTuple, TextIO

from escalate.caseload.answer import Answer
from escalate.caseload.caseload import Caseload, picker
from escalate.caseload.columns import BATCH_FACTS, fact_columns
from escalate.caseload.options import (
    CHUNK,
    BatchInputError,
    BatchOptions,
    Summary,
)
from escalate.caseload.rows import json_kind, mapping_answer
from escalate.output.formats import BatchFormat
from escalate.output.schema import SCHEMA_VERSION

if TYPE_CHECKING:
    from escalate.caseload import fork


# --- CSV cells that are safe in a spreadsheet -----------------------------------------------------------

SPREADSHEET_TRIGGERS: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")
"""Characters that make a spreadsheet read a cell as a formula (OWASP, 'CSV Injection')."""

_SURROGATE = re.compile("[\udc80-\udcff]")
"""A byte that was not valid text in the input's encoding (kept as a lone surrogate)."""


_QUOTED_RISK = re.compile('"[=+\\-@\t]')
"""A quoted cell that starts with a formula character, on a line of CSV."""


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
    lines = opened_input(lines, options)
    if options.output_format is None:
        options.output_format = options.input_format
    if options.input_format is BatchFormat.CSV:
        return _run_csv(lines, sink, options)
    return _run_jsonl(lines, sink, options)


def opened_input(lines: Iterable[str], options: BatchOptions) -> Iterator[str]:
    """The lines of a caseload, checked to be readable at all (not empty, not UTF-16), with its format
    settled in ``options.input_format`` (JSON Lines if the first line starts with '{', else CSV).

    Raises BatchInputError, before anything is written, when the input cannot be read.
    """
    lines = iter(lines)
    first = next(lines, None)
    while first is not None and not first.strip():
        options.lines_skipped += 1
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


def _chunks(items: Iterator[Any]) -> Iterator[list[Any]]:
    return iter(lambda: list(islice(items, CHUNK)), [])


def _encoding_error(options: BatchOptions, column: str) -> str:
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


def _run_csv(lines: Iterator[str], sink: TextIO, options: BatchOptions) -> Summary:
    header_reader = csv.reader(lines)
    header = next(header_reader)  # reads the lines of the header record, and no more
    if header:
        header[0] = header[0].removeprefix("\ufeff")  # a byte order mark that another encoding left
    found = fact_columns(header)
    if not found:
        raise missing_header(header)
    caseload = Caseload(tuple(found), today=options.today, only=options.only)
    texts_of = picker(list(found.values()))
    if options.output_format is BatchFormat.JSONL:
        return _csv_to_jsonl(lines, header, texts_of, caseload, sink, options)
    line_of = CsvLines()
    sink.write(line_of(header) + "," + ",".join(caseload.columns) + "\n")
    run = partial(_csv_to_csv, header=header, texts_of=texts_of, caseload=caseload, line_of=line_of)
    if options.parallel and options.source is not None:
        from escalate.caseload import fork

        codec = codecs.lookup(options.encoding).name
        split = fork.find_split(options.source, codec)
        read = options.lines_skipped + header_reader.line_num
        if split is not None and split.lines >= read:  # (not a header that runs on past the middle)
            return _in_two(run, lines, sink, options, split, read, codec)
    return run(lines, sink=sink, options=options)


def _in_two(
    run: Callable[..., Summary],
    lines: Iterator[str],
    sink: TextIO,
    options: BatchOptions,
    split: fork.Split,
    read: int,
    codec: str,
) -> Summary:
    """The rows after the header, the second half worked out by a second process (``escalate.caseload.fork``):
    the same output as ``run(lines)`` alone."""
    from escalate.caseload import fork

    source = options.source
    assert source is not None

    def second_half(out: TextIO) -> fork.Counts:
        with fork.open_at(source, split.offset, codec) as rest:
            done = run(rest, sink=out, options=replace(options, progress=None, summary=Summary()))
        return done.rows, done.errors, done.urgent

    try:
        started = fork.forked(second_half)
    except OSError:  # no process to spare: this one does it all
        return run(lines, sink=sink, options=options)
    overflow = _Overflow(lines)
    with started as second:
        run(islice(lines, split.lines - read), sink=sink, options=options, overflow=overflow)
        if overflow.used:  # a quoted cell ran across the split: go on alone, as one process would
            second.cancel()
            return run(lines, sink=sink, options=options)
        counts = second.result()
        if counts is None:  # the second process failed: its half is done here
            with fork.open_at(source, split.offset, codec) as rest:
                return run(rest, sink=sink, options=options)
        second.copy_to(sink)
        _count(options.summary, options, *counts)
    return options.summary


class _Overflow:
    """The lines after the first half, read only by a quoted record that runs on past it."""

    def __init__(self, lines: Iterator[str]) -> None:
        self.lines = lines
        self.used = False

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        self.used = True
        return next(self.lines)


def _csv_to_csv(
    lines: Iterator[str],
    header: Sequence[str],
    texts_of: Callable[[Sequence[str]], tuple[str, ...]],
    caseload: Caseload,
    sink: TextIO,
    options: BatchOptions,
    line_of: CsvLines,
    overflow: Iterable[str] = (),
) -> Summary:
    """The hot loop. Most lines of a caseload have no quotes: their cells are the text between the commas,
    and the line goes out as it came, unless a cell must be neutralised or holds bytes that were not text.
    A line with a quote is read by ``csv`` (with the lines after it, for a quoted cell that runs on) and
    written again, quoted where needed."""
    summary = options.summary
    width = len(header)
    write = sink.write
    csv_row = caseload.csv_row
    csv_text = caseload.csv_text
    starts = SPREADSHEET_TRIGGERS
    for block in _chunks(lines):
        rows = errors = urgent = 0
        rest = iter(block)
        for line in rest:
            if '"' in line:
                reader = csv.reader(chain((line,), rest, lines, overflow))
                try:
                    row = next(reader)
                except csv.Error as error:
                    rows += 1
                    errors += 1
                    write("," * (width - 1) + csv_text(caseload.failed(f"the row cannot be read as CSV: {error}")))
                    continue
                # A record on one line, quoted as csv quotes (cells that hold a comma or a quote): its text goes
                # out as it came, unless a quoted cell starts with a formula character.
                text = line.rstrip("\r\n")
                if reader.line_num != 1 or _QUOTED_RISK.search(text) or text.count('"') % 2:
                    text = None
            else:
                text = line.rstrip("\r\n")
                if not text:
                    continue  # a blank line is not a case
                row = text.split(",")
            rows += 1
            if len(row) != width:
                write(_ragged(row, width, caseload, line_of))
                errors += 1
                continue
            tail, failed, urgent_here = csv_row(texts_of(row))
            if (
                text is None
                or text.startswith(starts)
                or ",=" in text
                or ",+" in text
                or ",-" in text
                or ",@" in text
                or ",\t" in text
                or not text.isascii()
            ):
                text, bad_bytes = _careful(row, header, line, options, line_of)
                if bad_bytes is not None:
                    tail, failed, urgent_here = csv_text(caseload.failed(bad_bytes)), True, 0
            write(text + tail)
            errors += failed
            urgent += urgent_here
        _count(summary, options, rows, errors, urgent)
    return summary


def _count(summary: Summary, options: BatchOptions, rows: int, errors: int, urgent: int) -> None:
    summary.rows += rows
    summary.errors += errors
    summary.urgent += urgent
    if options.progress is not None:
        options.progress(summary.rows)


def _careful(
    row: list[str], header: Sequence[str], line: str, options: BatchOptions, line_of: CsvLines
) -> tuple[str, str | None]:
    """A row that needs quoting or neutralising, as CSV text; and the error when it holds bytes that were
    not text."""
    if not line.isascii() and _SURROGATE.search(line):
        column = next(name for name, cell in zip(header, row, strict=True) if _SURROGATE.search(cell))
        return line_of(row), _encoding_error(options, column)
    return line_of(row), None


def _ragged(row: list[str], width: int, caseload: Caseload, line_of: CsvLines) -> str:
    """A row with more or fewer cells than the header: written with the cells it has, and its error."""
    return line_of(_fit(row, width)) + caseload.csv_text(caseload.failed(_ragged_error(row, width)))


def _fit(row: list[str], width: int) -> list[str]:
    return (row + [""] * width)[:width]


def _ragged_error(row: list[str], width: int) -> str:
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


def _unique_keys(header: Sequence[str]) -> list[str]:
    """Header names as JSON keys: a repeated name gets ``_2``, ``_3``... so that no cell is lost."""
    keys: list[str] = []
    seen: set[str] = set()
    for name in header:
        key, number = name, 1
        while key in seen:
            number += 1
            key = f"{name}_{number}"
        seen.add(key)
        keys.append(key)
    return keys


def _csv_to_jsonl(
    lines: Iterator[str],
    header: Sequence[str],
    texts_of: Callable[[Sequence[str]], tuple[str, ...]],
    caseload: Caseload,
    sink: TextIO,
    options: BatchOptions,
) -> Summary:
    keys = _unique_keys(header)
    width = len(header)
    reader = csv.reader(lines)
    for block in _chunks(_csv_rows(reader)):
        rows = errors = urgent = 0
        for row in block:
            rows += 1
            if isinstance(row, str):  # the row could not be read
                answer, row = caseload.failed(row), []
            elif len(row) != width:
                answer = caseload.failed(_ragged_error(row, width))
            else:
                answer = caseload.answer(texts_of(row))
                bad = next((name for name, cell in zip(header, row, strict=True) if _SURROGATE.search(cell)), None)
                if bad is not None:
                    answer = caseload.failed(_encoding_error(options, bad))
            errors += answer.error is not None
            urgent += answer.urgent
            record = dict(zip(keys, _fit(row, width), strict=True)) if row else {}
            sink.write(_json_line(record, caseload, answer))
        _count(options.summary, options, rows, errors, urgent)
    return options.summary


def _csv_rows(reader: Iterator[list[str]]) -> Iterator[list[str] | str]:
    """The rows of a CSV reader, blank lines skipped; a row that cannot be read is its error message."""
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield f"the row cannot be read as CSV: {error}"
            continue
        if row:
            yield row


def _json_line(record: Mapping[str, Any], caseload: Caseload, answer: Answer) -> str:
    fields = {**record, **caseload.json_fields(answer), "schema_version": SCHEMA_VERSION}  # schemas/batch.schema.json
    return json.dumps(fields, ensure_ascii=False) + "\n"


# --- JSON Lines in -----------------------------------------------------------------------------------


class JsonRecord(NamedTuple):
    row: Mapping[str, Any]
    error: str | None


def json_records(lines: Iterable[str]) -> Iterator[JsonRecord]:
    """The objects of a JSON Lines text, one per line that is not blank; a line that is not an object is a
    record with no fields and its error."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except ValueError as error:
            yield JsonRecord({}, f"line {number} is not valid JSON ({error})")
            continue
        if not isinstance(value, dict):
            yield JsonRecord({}, f"line {number} is {json_kind(value)}, not a JSON object with one case")
        elif _SURROGATE.search(line):
            yield JsonRecord(value, f"line {number} is not valid text in its encoding: save it as UTF-8")
        else:
            yield JsonRecord(value, None)


def jsonl_columns(lines: Iterable[str]) -> list[str]:
    """Every key of the objects of a JSON Lines text, in the order first seen: the CSV columns for it."""
    keys: dict[str, None] = {}
    for record in json_records(lines):
        keys.update(dict.fromkeys(record.row))
    return list(keys)


def _run_jsonl(lines: Iterator[str], sink: TextIO, options: BatchOptions) -> Summary:
    caseload = Caseload(BATCH_FACTS, today=options.today, only=options.only)
    records = json_records(lines)
    if options.output_format is BatchFormat.CSV:
        return _jsonl_to_csv(records, caseload, sink, options)
    for block in _chunks(records):
        errors = urgent = 0
        for record in block:
            answer = caseload.failed(record.error) if record.error else mapping_answer(caseload, record.row)
            errors += answer.error is not None
            urgent += answer.urgent
            sink.write(_json_line(record.row, caseload, answer))
        _count(options.summary, options, len(block), errors, urgent)
    return options.summary


def _jsonl_to_csv(records: Iterator[JsonRecord], caseload: Caseload, sink: TextIO, options: BatchOptions) -> Summary:
    """JSON Lines in, CSV out. A header cannot grow once written, so when the columns could not be found
    beforehand (standard input), a later object with keys the first one lacks is an error naming them."""
    first = list(islice(records, 1))
    columns = list(options.jsonl_columns) if options.jsonl_columns is not None else list(first[0].row) if first else []
    known = set(columns)
    lead = 0 if columns else 1  # with no input column, a line starts with escalate's first column
    line_of = CsvLines()
    sink.write((line_of(columns) + "," + ",".join(caseload.columns))[lead:] + "\n")
    for block in _chunks(chain(first, records)):
        errors = urgent = 0
        for record in block:
            answer = caseload.failed(record.error) if record.error else mapping_answer(caseload, record.row)
            extra = [key for key in record.row if key not in known]
            if extra and answer.error is None:
                answer = caseload.failed(
                    "keys not in the first line cannot be added as CSV columns: "
                    + ", ".join(repr(key) for key in extra)
                    + " (give the file rather than standard input, or write JSON Lines: --format jsonl)"
                )
            errors += answer.error is not None
            urgent += answer.urgent
            cells = [_cell_text(record.row.get(column)) for column in columns]
            sink.write((line_of(cells) + caseload.csv_text(answer))[lead:])
        _count(options.summary, options, len(block), errors, urgent)
    return options.summary


def _cell_text(value: Any) -> str:
    """A JSON value as a CSV cell: text as it is, nothing for null, any other value as JSON."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


# --- files -------------------------------------------------------------------------------------------


# --- for the other readers and writers of tables (escalate.caseload.sheet) --------------------------------

SURROGATE = _SURROGATE
csv_rows = _csv_rows
encoding_error = _encoding_error
fit = _fit
ragged_error = _ragged_error
unique_keys = _unique_keys
