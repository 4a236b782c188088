"""`escalate batch --format ics`: one calendar for a whole caseload (issue 5).

Each row that can be computed becomes a case in the calendar, named by its reference column (``case_id``,
``case_ref``, ``reference`` ...; else ``row N``) so that every case's events have their own stable UIDs. A
calendar is one document, so unlike CSV and JSON Lines output it is built in memory: meant for a team's
caseload of hundreds or thousands of cases, not a million. Rows that cannot be computed are not lost: each is
named, with its row number and error, on standard error, and the batch exits 3.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from itertools import chain
from typing import TYPE_CHECKING, Any, TextIO

from escalate.caseload.answer import URGENT_STATUSES
from escalate.caseload.jsonl import json_records, jsonl_header
from escalate.caseload.names import column_key
from escalate.caseload.options import BatchOptions, Summary
from escalate.caseload.rows import read_texts
from escalate.caseload.run import (
    csv_header,
    csv_records,
    is_blank,
    lift_field_limit,
    opened_input,
)
from escalate.engine.deadlines import compute_deadlines
from escalate.engine.facts import Facts
from escalate.engine.results import Deadline, Report
from escalate.errors import InputError
from escalate.law.rules import Owner
from escalate.output.formats import BatchFormat
from escalate.output.ics import MAX_CASE_REF, CalendarOptions, calendar_for, check_case_ref, left_out_notes

if TYPE_CHECKING:
    from escalate.engine.route import Route

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


def _records(
    lines: Iterator[str], options: BatchOptions
) -> Iterator[tuple[Mapping[str, Any], dict[str, str | None], str | None]]:
    """Each row as a mapping of its columns, with its facts' texts and the error of a row that cannot be read;
    the columns are read as for CSV and JSON Lines output (``--map``, ``--ignore``, look-alike columns)."""
    if options.input_format is BatchFormat.JSONL:
        keys, sample = jsonl_header(lines, options)
        for record in json_records(chain(sample, lines)):
            texts, problems = read_texts(record.row, keys)
            error = record.error or (" | ".join(problems) if problems else None)
            yield record.row, texts, error
        return
    header, columns, sample = csv_header(lines, options)
    width = len(header)
    for row, problem in csv_records(chain(sample, lines)):
        if problem is None and is_blank(row):
            continue
        if problem is not None:
            yield {}, {}, problem
        elif len(row) != width:
            yield {}, {}, f"the row has {len(row)} cells, not {len(header)} as the header has"
        else:
            yield dict(zip(header, row, strict=True)), {fact: row[i] for fact, i in columns.facts.items()}, None


def _reference(row: Mapping[str, Any], number: int) -> str | None:
    """The case's reference from its reference column (None when it has none)."""
    by_name = {column_key(key): value for key, value in row.items() if isinstance(key, str)}
    for name in REFERENCE_COLUMNS:
        value = by_name.get(name)
        if isinstance(value, str | int) and str(value).strip():
            return str(value)
    return None


def _checked_reference(row: Mapping[str, Any], number: int) -> str:
    """The reference the case's events carry; an InputError naming the reference when it cannot be one."""
    given = _reference(row, number)
    if given is None:
        return f"row {number}"
    try:
        return check_case_ref(given)
    except InputError:
        raise InputError(
            f"its case reference is not one line of up to {MAX_CASE_REF} printable characters (it is too long, "
            "or holds a control character or an invisible one such as a zero-width space or a direction mark)"
        ) from None


def run_batch_calendar(
    lines: Iterator[str],
    sink: TextIO,
    options: BatchOptions,
    calendar: CalendarOptions | None,
    announce: Callable[[], None] | None = None,
) -> tuple[Summary, list[RowError]]:
    """Read a caseload and write one calendar with every case's deadlines; return the summary and the rows
    that could not be computed."""
    from escalate.engine.route import plan_route
    from escalate.output.files import write_bytes

    summary = options.summary
    reports: list[Report] = []
    references: list[str] = []
    seen: set[str] = set()
    errors: list[RowError] = []
    lift_field_limit()
    lines = opened_input(lines, options)
    for number, (row, texts, error) in enumerate(_records(lines, options), start=1):
        if announce is not None:
            announce()  # how the columns are read, once they are
        summary.rows += 1
        try:
            if error is not None:
                raise InputError(error)
            report = compute_deadlines(Facts.from_strings(texts, today=options.today), only=options.only)
            reference = _checked_reference(row, number)
        except InputError as problem:
            summary.errors += 1
            errors.append(RowError(number, problem.describe()))
            continue
        if reference in seen:  # the same reference twice: each case keeps events of its own
            suffix = f" (row {number})"
            reference = reference[: MAX_CASE_REF - len(suffix)].rstrip() + suffix
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

    # Written here rather than by output.deadlines.write_calendar, which would load rich for two notes: standard
    # error gets them as plain lines, as it gets the batch's other lines.
    chosen = calendar if calendar is not None else CalendarOptions()
    write_bytes(
        calendar_for(
            zip(references, reports, strict=True),
            name=chosen.name,
            reminders=chosen.reminders,
            include_passed=chosen.include_passed,
            how_to=how_to,
        ),
        sink,
    )
    for note in left_out_notes(reports, include_passed=chosen.include_passed):
        sys.stderr.write(note + "\n")
    return summary, errors
