"""`escalate batch --format ics`: one calendar for a whole caseload (issue 5).

Each row that can be computed becomes a case in the calendar, named by its reference column (``case_id``,
``case_ref``, ``reference`` ...; else ``row N``) so that every case's events have their own stable UIDs. A
calendar is one document, so unlike CSV and JSON Lines output it is built in memory: meant for a team's
caseload of hundreds or thousands of cases, not a million. Rows that cannot be computed are not lost: each is
named, with its row number and error, on standard error, and the batch exits 3.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TextIO

from escalate.caseload.caseload import URGENT_STATUSES
from escalate.caseload.columns import column_key, fact_columns
from escalate.caseload.options import BatchOptions, Summary
from escalate.caseload.rows import fact_texts
from escalate.caseload.run import json_records, missing_header, opened_input
from escalate.engine.deadlines import compute_deadlines
from escalate.engine.facts import Facts
from escalate.engine.results import Deadline, Report
from escalate.errors import InputError
from escalate.law.rules import Owner
from escalate.output.formats import BatchFormat

if TYPE_CHECKING:
    from escalate.engine.route import Route
    from escalate.output.ics import CalendarOptions

REFERENCE_COLUMNS: tuple[str, ...] = (
    "case_id",
    "case_ref",
    "case_reference",
    "case",
    "reference",
    "ref",
    "client_ref",
    "client_reference",
    "file_ref",
    "id",
)
"""Column names (normalised as fact columns are) that hold a case's reference, in order of preference."""

SHOWN_ERRORS = 20
"""Rows with errors named one by one on standard error; the rest are counted."""


@dataclass(frozen=True, slots=True)
class RowError:
    row: int
    message: str


def _records(lines: Iterator[str], input_format: BatchFormat) -> Iterator[tuple[Mapping[str, Any], str | None]]:
    """Each row as a mapping of its columns, with the error of a row that cannot be read."""
    if input_format is BatchFormat.JSONL:
        for record in json_records(lines):
            yield record.row, record.error
        return
    reader = csv.reader(lines)
    header = next(reader, [])
    if header:
        header[0] = header[0].removeprefix("\ufeff")
    if not fact_columns(header):  # also refuses two columns meaning one fact, as for CSV output
        raise missing_header(header)
    for row in reader:
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            yield {}, f"the row has {len(row)} cells, not {len(header)} as the header has"
        else:
            yield dict(zip(header, row, strict=True)), None


def _reference(row: Mapping[str, Any], number: int) -> str:
    by_name = {column_key(key): value for key, value in row.items() if isinstance(key, str)}
    for name in REFERENCE_COLUMNS:
        value = by_name.get(name)
        if isinstance(value, str | int) and str(value).strip():
            return " ".join(str(value).split())[:64]
    return f"row {number}"


def run_batch_calendar(
    lines: Iterator[str], sink: TextIO, options: BatchOptions, calendar: CalendarOptions | None
) -> tuple[Summary, list[RowError]]:
    """Read a caseload and write one calendar with every case's deadlines; return the summary and the rows
    that could not be computed."""
    from escalate.engine.route import plan_route
    from escalate.output.deadlines import write_calendar

    summary = options.summary
    reports: list[Report] = []
    references: list[str] = []
    seen: set[str] = set()
    errors: list[RowError] = []
    lines = opened_input(lines, options)
    input_format = options.input_format or BatchFormat.CSV
    for number, (row, error) in enumerate(_records(lines, input_format), start=1):
        summary.rows += 1
        try:
            if error is not None:
                raise InputError(error)
            report = compute_deadlines(Facts.from_strings(fact_texts(row), today=options.today), only=options.only)
        except InputError as problem:
            summary.errors += 1
            errors.append(RowError(number, problem.describe()))
            continue
        reference = _reference(row, number)
        if reference in seen:  # the same reference twice: each case keeps events of its own
            reference = f"{reference} (row {number})"
        seen.add(reference)
        references.append(reference)
        reports.append(report)
        summary.urgent += sum(d.owner is Owner.YOU and d.status in URGENT_STATUSES for d in report.deadlines)
    routes: dict[int, Route] = {}

    def how_to(report: Report, deadline: Deadline) -> str | None:
        route = routes.get(id(report))
        if route is None:
            route = routes[id(report)] = plan_route(report.facts, report=report)
        return route.how_to(deadline)

    write_calendar(reports, calendar, sink, case_refs=references, how_to=how_to, warn=False)
    return summary, errors
