"""`escalate batch FILE`: every deadline, the next step and the review body added to each case of a caseload (CSV,
JSON Lines or an Excel workbook), or one calendar for the whole caseload.

Thin: reads the options, then hands the rows to ``escalate.caseload`` (imported only when a batch runs, so that
`escalate batch --help` costs no more than the other commands' help) and says on standard error how the columns
were read and what was done.
"""

import contextlib
import sys
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Annotated, Any, TextIO, cast

import typer

from escalate.cli.options import (
    TodayOption,
    calendar_options,
    fail,
    resolve_today,
    split_only,
    with_calendar_options,
)
from escalate.errors import ExitCode
from escalate.output.formats import BatchFormat, BatchOutputFormat

if TYPE_CHECKING:
    from escalate.caseload.options import BatchOptions
    from escalate.output.ics import CalendarOptions


def batch(
    calendar_text: Mapping[str, Any],
    source: Annotated[
        str,
        typer.Argument(
            metavar="FILE", help="The caseload: a CSV, JSON Lines or Excel (.xlsx) file, or - for standard input."
        ),
    ],
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write to this file (default: standard output)."),
    ] = None,
    output_format: Annotated[
        BatchOutputFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="ics is one calendar for the caseload (default: from -o's extension, else as the input).",
            case_sensitive=False,
            show_default=False,
        ),
    ] = None,
    input_format: Annotated[
        BatchFormat | None,
        typer.Option(
            "--input-format",
            help="Default: from FILE's extension; standard input starting with '{' is JSON Lines.",
            case_sensitive=False,
            show_default=False,
        ),
    ] = None,
    encoding: Annotated[
        str | None,
        typer.Option(
            "--encoding",
            metavar="NAME",
            help="The input's text encoding, such as cp1252 (default: UTF-8, checked before anything is written).",
        ),
    ] = None,
    column_map: Annotated[
        list[str] | None,
        typer.Option(
            "--map",
            metavar="COLUMN=FACT",
            help="Read this column as this fact (repeatable): --map 'Date of letter=outcome_date'.",
        ),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option(
            "--ignore", metavar="COLUMN", help="Do not read this column, though it looks like a fact (repeatable)."
        ),
    ] = None,
    check: Annotated[
        bool,
        typer.Option(
            "--check",
            help="Show which column is read as which fact, the columns not read and the first rows' problems; "
            "write nothing.",
        ),
    ] = False,
    today: TodayOption = None,
    only: Annotated[
        str | None,
        typer.Option(
            "--only", help="Only these rule ids, comma-separated; only their columns are written.", metavar="ID[,ID]"
        ),
    ] = None,
    sheet: Annotated[
        str | None,
        typer.Option("--sheet", metavar="NAME", help="For an .xlsx input: the sheet to read (default: the first)."),
    ] = None,
    bom: Annotated[
        bool,
        typer.Option(
            "--bom",
            help="Start CSV output with a UTF-8 byte order mark, so that Excel opened by double-click shows "
            "accents (Zoë) right. Leave it off for scripts.",
        ),
    ] = False,
    due_within: Annotated[
        int | None,
        typer.Option(
            "--due-within",
            metavar="DAYS",
            min=0,
            help="Write only the cases with a deadline of yours whose safe date is within DAYS days, or at risk "
            "(and any row that cannot be worked out); the summary says how many were left out, and in a "
            "terminal lists the cases, soonest first.",
        ),
    ] = None,
) -> int:
    """Add every deadline, the next step and the review body to each case of a caseload.

    One case per row, in CSV (UTF-8, with or without a byte order mark), JSON Lines (one object per line) or an Excel workbook (.xlsx: the first sheet, or --sheet; date cells are read as dates, formulas as their saved values). Columns are read as facts by their names: the fact's own (incident_date, complaint_date, outcome_date ...: the options of `escalate deadlines`) or a name caseworkers use ('Date of incident', 'Outcome letter date', 'Date complaint made', 'DOB', 'SAR received' ...); case, spaces, hyphens, underscores and invisible characters do not matter. --map and --ignore settle any other column. A column that looks like a fact (a fact's word in its name, or mostly dates) but is not read stops the batch before anything is written. Standard error says which column was read as which fact. Every column passes through unchanged.

    Each row comes out once, in order, followed by the answers: next_deadline, next_deadline_date, next_action (what to do, in words), next_step, next_step_title (in words), review_body, warnings_text (in words) and error; then <rule>_safe_date, _last_day, _latest_date, _status and _days_left for each rule; then warnings (their ids). A row that cannot be computed gets its errors, and the batch goes on. A blank row comes back blank. escalate's own columns in its input (a file it wrote, run again) are replaced.

    In CSV output, a cell that a spreadsheet would run as a formula (one that starts with = + - @, a tab or a carriage return) gets a leading apostrophe.

    Exit status: 0 every row computed; 3 some rows carry an error (see the error column); 2 the input cannot be read (no such file, no header, a column that looks like a fact but is not read, not UTF-8 without --encoding, an unknown format); 4 the output cannot be written; 130 interrupted (Ctrl-C, SIGTERM, SIGHUP: no partial file is left).

    Example: escalate batch caseload.csv -o caseload-deadlines.csv --today 2026-11-21
    """
    from escalate.caseload.columns import ColumnChoices
    from escalate.caseload.files import check_output, format_of, is_regular, open_input, open_output, same_file
    from escalate.caseload.jsonl import jsonl_columns
    from escalate.caseload.options import BatchOptions, BatchOutputError, summary_line
    from escalate.caseload.run import run_batch
    from escalate.cli.streams import STATE
    from escalate.engine.deadlines import check_only

    if source == "-" and STATE.stdin_closed:
        fail("FILE: '-' reads standard input, which is closed")
    ics = output_format is BatchOutputFormat.ICS or (
        output_format is None and output is not None and output.lower().endswith(".ics")
    )
    calendar = calendar_options(calendar_text, ics=ics)
    options = BatchOptions(
        today=resolve_today(today),
        only=check_only(split_only(only)),
        input_format=format_of(source, input_format, "--input-format"),
        output_format=None if ics or check else format_of(output, output_format, "--format"),
        encoding=encoding or "utf-8",
        source=None if source == "-" else source,
        sheet=sheet,
        due_within=due_within,
        choices=ColumnChoices.parse(column_map or (), ignore or ()),
    )
    if sheet is not None and options.input_format is not BatchFormat.XLSX:
        fail("--sheet: the input is not an Excel workbook (.xlsx)")
    if check:
        return _batch_check(source, encoding, options)
    try:
        check_output(output)
    except BatchOutputError as error:
        fail(str(error))
    if same_file(source, output):
        fail(f"-o: '{output}' is the input file; write the result to another file")
    xlsx_in = options.input_format is BatchFormat.XLSX
    xlsx_out = options.output_format is BatchFormat.XLSX or (options.output_format is None and xlsx_in and not ics)
    if bom and (ics or xlsx_out or options.output_format is BatchFormat.JSONL):
        fail("--bom is for CSV output (an Excel workbook or JSON Lines has no byte order mark)")
    if ics:
        if due_within is not None:
            fail("--due-within writes the rows that need action; a calendar (--format ics) has every deadline")
        if xlsx_in:
            fail("--format ics: a calendar is made from a CSV or JSON Lines caseload; save the sheet as CSV UTF-8")
    if xlsx_out and (output is None or output == "-") and sys.stdout.isatty():
        fail("an Excel workbook is not for a terminal: give -o FILE.xlsx")
    with _interruptible(), _collecting_rarely():
        if xlsx_in or xlsx_out or due_within is not None:
            return _batch_tables(source, output, options, xlsx_in=xlsx_in, xlsx_out=xlsx_out, bom=bom)
        if ics:
            return _batch_calendar(source, encoding, output, options, calendar)
        if is_regular(source) and (options.input_format, options.output_format) == (
            BatchFormat.JSONL,
            BatchFormat.CSV,
        ):  # a file that can be read twice (not a pipe): every key becomes a column
            with open_input(source, encoding) as first_pass:
                options.jsonl_columns = jsonl_columns(first_pass.lines)
        try:
            with open_input(source, encoding) as opened, open_output(output, bom=bom) as sink:
                _notes(opened.notes)
                options.encoding = opened.encoding
                reported = _reporter(options)
                if sys.stderr.isatty():
                    from escalate.output.console import batch_progress

                    with batch_progress(opened.size, opened.position) as progress:
                        options.progress = _first(reported, progress)
                        summary = run_batch(opened.lines, cast(TextIO, _Reporting(sink, reported)), options)
                else:
                    summary = run_batch(opened.lines, cast(TextIO, _Reporting(sink, reported)), options)
                reported()
        except BatchOutputError as error:
            fail(str(error), ExitCode.OUTPUT_ERROR)
    sys.stderr.write(summary_line(summary) + "\n")
    return ExitCode.ROWS_WITH_ERRORS if summary.errors else ExitCode.OK


batch_command = with_calendar_options(batch)
"""The command as the app registers it, with the calendar options."""


def _batch_tables(
    source: str, output: str | None, options: "BatchOptions", *, xlsx_in: bool, xlsx_out: bool, bom: bool
) -> int:
    """`escalate batch` by rows of values (escalate.caseload.sheet): an Excel workbook in or out, or --due-within."""
    import contextlib
    import io

    from escalate.caseload import sheet
    from escalate.caseload.files import open_binary_output, open_input, open_output
    from escalate.caseload.options import BatchFormat, BatchOutputError, summary_line

    output_format = BatchFormat.XLSX if xlsx_out else options.output_format or options.input_format
    if output_format is None:
        output_format = BatchFormat.CSV
    options.output_format = output_format
    if options.input_format in (BatchFormat.JSONL, None) and source != "-" and not xlsx_in:
        from escalate.caseload.jsonl import jsonl_columns

        with open_input(source, options.encoding) as first_pass:
            first = first_pass.lines.readline()
        if options.input_format is BatchFormat.JSONL or first.lstrip().startswith("{"):
            with open_input(source, options.encoding) as first_pass:
                options.jsonl_columns = jsonl_columns(first_pass.lines)
    days = options.due_within
    report = _reporter(options)

    try:
        with contextlib.ExitStack() as stack:

            def writer_of(caseload: Any) -> Any:
                """The writer, opened once the input's header has been read (nothing is written before)."""
                report()  # how the columns were read, as for CSV
                binary = stack.enter_context(open_binary_output(output)) if xlsx_out else None
                text = None if xlsx_out else stack.enter_context(open_output(output, bom=bom))
                made = sheet.writer_for(output_format, caseload, text, binary)
                return made if days is None else sheet.DueFilter(made, days, options.summary)

            if xlsx_in:
                if source == "-":
                    summary = sheet.run_sheet(io.BytesIO(sys.stdin.buffer.read()), writer_of, options)
                else:
                    summary = sheet.run_sheet(source, writer_of, options)
            else:
                opened = stack.enter_context(open_input(source, options.encoding))
                summary = sheet.run_table(opened.lines, writer_of, options)
    except BatchOutputError as error:
        fail(str(error), ExitCode.OUTPUT_ERROR)
    sys.stderr.write(summary_line(summary) + "\n")
    if days is not None and sys.stderr.isatty() and summary.due_count:
        sys.stderr.write("\n".join(sheet.due_lines(summary, days)) + "\n")
    return ExitCode.ROWS_WITH_ERRORS if summary.errors else ExitCode.OK


def _notes(notes: list[str]) -> None:
    for note in notes:
        sys.stderr.write(f"escalate: {note}\n")


def _reporter(options: "BatchOptions") -> Any:
    """A function that says once, on standard error, how the columns were read (as soon as they are)."""
    done = False

    def report(_rows: int = 0) -> None:
        nonlocal done
        if done or options.columns is None:
            return
        done = True
        sys.stderr.write(f"escalate: {options.columns.report()}\n")
        for warning in options.columns.warnings:
            sys.stderr.write(f"escalate: warning: {warning}\n")

    return report


def _first(report: Any, progress: Any) -> Any:
    def both(rows: int) -> None:
        report()
        progress(rows)

    return both


class _Reporting:
    """The output, which says how the columns were read before the first thing is written to it."""

    def __init__(self, sink: Any, report: Any) -> None:
        self._sink = sink
        self._report = report
        self.write = self._first_write

    def _first_write(self, text: str) -> int:
        self._report()
        self.write = self._sink.write
        return int(self._sink.write(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sink, name)


ROWS_COLLECTION_THRESHOLD = 100_000
"""How many new objects the cyclic garbage collector waits for while a batch's rows go through (700 by default)."""


@contextlib.contextmanager
def _collecting_rarely() -> Iterator[None]:
    """Cyclic garbage collection every ``ROWS_COLLECTION_THRESHOLD`` new objects while the rows go through.

    A caseload's caches are many thousands of small objects that live for the whole run and hold no cycles, and
    the collector, every 700 new objects, would scan them again and again: on the benchmark's caseload over
    decades (``benchmarks/bench_batch.py``) 0.8 s of 5 s went to it, 0.2 s after. Garbage is still freed at once
    by reference counting, and cycles (none are made per row) are still collected: memory is the same.
    """
    import gc

    previous = gc.get_threshold()
    gc.set_threshold(max(previous[0], ROWS_COLLECTION_THRESHOLD), *previous[1:])
    try:
        yield
    finally:
        gc.set_threshold(*previous)


@contextlib.contextmanager
def _interruptible() -> Iterator[None]:
    """SIGTERM and SIGHUP end a batch as Ctrl-C does: the hidden temporary output file is removed."""
    import signal

    def interrupted(_signal: int, _frame: object) -> None:
        raise KeyboardInterrupt

    names = [name for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]
    try:
        previous = {name: signal.signal(getattr(signal, name), interrupted) for name in names}
    except ValueError:  # not the main thread: signals stay as they are
        yield
        return
    try:
        yield
    finally:
        for name, handler in previous.items():
            signal.signal(getattr(signal, name), handler)


def _batch_check(source: str, encoding: str | None, options: "BatchOptions") -> int:
    """`escalate batch FILE --check`: how the columns are read and the first rows' problems; nothing written."""
    from escalate.caseload.files import open_input
    from escalate.caseload.run import SAMPLE_LINES, check_batch

    if options.input_format is BatchFormat.XLSX:
        import io

        from escalate.caseload.sheet.batch import check_sheet

        problems = check_sheet(io.BytesIO(sys.stdin.buffer.read()) if source == "-" else source, options)
    else:
        with open_input(source, encoding) as opened:
            _notes(opened.notes)
            options.encoding = opened.encoding
            problems = check_batch(opened.lines, options)
    columns = options.columns
    assert columns is not None
    out = sys.stdout
    out.write(f"escalate batch --check {source}\n\nRead as facts:\n")
    width = max((len(columns.names[index]) for index in columns.facts.values()), default=0) + 2
    for fact, index in sorted(columns.facts.items(), key=lambda item: item[1]):
        out.write(f"  {columns.names[index]!r:<{width}} {fact}\n")
    if columns.unread:
        out.write("\nNot read (passed through): " + ", ".join(repr(columns.names[i]) for i in columns.unread) + "\n")
    if columns.own:
        out.write(f"\nReplaced (escalate's own columns from an earlier run): {len(columns.own)} columns\n")
    for warning in columns.warnings:
        out.write(f"\nWarning: {warning}\n")
    shown = f"the first {options.summary.rows} rows" if options.summary.rows >= SAMPLE_LINES else "the rows"
    if problems:
        out.write(f"\nProblems in {shown} ({len(problems)} of {options.summary.rows}):\n")
        for row, problem in problems:
            out.write(f"  row {row}: {problem}\n")
    else:
        out.write(f"\nNo problems in {shown} ({options.summary.rows} read).\n")
    out.write("\nNothing was written.\n")
    return ExitCode.ROWS_WITH_ERRORS if problems else ExitCode.OK


def _batch_calendar(
    source: str, encoding: str | None, output: str | None, options: "BatchOptions", calendar: "CalendarOptions | None"
) -> int:
    """`escalate batch --format ics`: one calendar for the caseload; rows that cannot be computed are named,
    with their errors, on standard error."""
    from escalate.caseload.calendar import SHOWN_ERRORS, run_batch_calendar
    from escalate.caseload.files import open_input, open_output
    from escalate.caseload.options import BatchOutputError, summary_line

    try:
        with open_input(source, encoding) as opened, open_output(output) as sink:
            _notes(opened.notes)
            options.encoding = opened.encoding
            summary, row_errors = run_batch_calendar(opened.lines, sink, options, calendar, _reporter(options))
    except BatchOutputError as error:
        fail(str(error), ExitCode.OUTPUT_ERROR)
    for row_error in row_errors[:SHOWN_ERRORS]:
        sys.stderr.write(f"escalate: row {row_error.row}: {row_error.message} (not in the calendar)\n")
    if len(row_errors) > SHOWN_ERRORS:
        sys.stderr.write(f"escalate: ... and {len(row_errors) - SHOWN_ERRORS} more rows with errors\n")
    sys.stderr.write(summary_line(summary).replace(" (see the error column)", "") + "\n")
    return ExitCode.ROWS_WITH_ERRORS if summary.errors else ExitCode.OK
