"""A whole caseload by rows of values: from a reader (``escalate.caseload.sheet.read``) through ``Caseload`` to a
writer (``escalate.caseload.sheet.write``), one row out for each row in, in order."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from itertools import chain, islice
from typing import IO, Any

from escalate.caseload.answer import Answer
from escalate.caseload.caches import picker
from escalate.caseload.caseload import Caseload
from escalate.caseload.options import CHUNK, BatchFormat, BatchOptions, Summary
from escalate.caseload.sheet.read import (
    Layout,
    RowProblem,
    cell_text,
    csv_table,
    is_blank_row,
    jsonl_table,
    layout_of,
    names_fact,
    open_sheet,
)
from escalate.caseload.sheet.write import RowWriter


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


class _Problems:
    """Where ``check_sheet``'s rows go: the error of each row that has one, by its number among the rows that are
    cases (as ``run.check_batch`` numbers them); nothing is written."""

    def __init__(self) -> None:
        self.cases = 0
        self.found: list[tuple[int, str]] = []

    def header(self, names: Sequence[str], lead: Sequence[Sequence[Any]]) -> None:
        """Nothing to write: a check writes nothing."""

    def row(self, values: Sequence[Any], answer: Answer | None) -> None:
        if answer is None:
            return  # a blank row: not a case
        self.cases += 1
        if answer.error is not None:
            self.found.append((self.cases, answer.error))

    def close(self) -> None:
        """Nothing to close: a check writes nothing."""


def check_sheet(source: str | IO[bytes], options: BatchOptions) -> list[tuple[int, str]]:
    """`escalate batch FILE.xlsx --check`: the problems of the first rows of the sheet, by row number, with how its
    columns are read in ``options.columns`` and nothing written (``run.check_batch`` for CSV and JSON Lines).
    Raises as ``run_sheet`` does for a workbook that cannot be read."""
    from escalate.caseload.run import SAMPLE_LINES

    with open_sheet(source, options.sheet, names_fact(options)) as sheet:
        sample = list(islice(sheet.rows, SAMPLE_LINES))
        layout = layout_of(sheet.header, sample, options)
        caseload = Caseload(tuple(layout.facts), today=options.today, only=options.only)
        problems = _Problems()
        run_rows(layout, sample, caseload, problems, options, sheet.lead)
    return problems.found


def run_table(lines: Iterable[str], writer_of: Callable[[Caseload], RowWriter], options: BatchOptions) -> Summary:
    """A CSV or JSON Lines caseload in, by rows of values (each CSV cell as text, each JSON value as it is), each
    row written with its answer by ``writer_of(caseload)``: for an .xlsx output, or ``--due-within``."""
    from escalate.caseload.run import SAMPLE_LINES, lift_field_limit, opened_input

    lift_field_limit()
    lines = opened_input(lines, options)
    if options.input_format is BatchFormat.CSV:
        header, rows = csv_table(lines, options)
    else:
        header, rows = jsonl_table(lines, options)
    sample = list(islice(rows, SAMPLE_LINES))
    layout = layout_of(header, sample, options)
    caseload = Caseload(tuple(layout.facts), today=options.today, only=options.only)
    return run_rows(layout, chain(sample, rows), caseload, writer_of(caseload), options)
