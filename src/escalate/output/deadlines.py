"""Renderers: reports to text for people (rich tables), to JSON and CSV for programs, and to iCalendar
for calendars (escalate.output.ics).

The only module of the package that imports rich. Consoles are made per call, so NO_COLOR and the kind
of output stream are read when output is written, not at import.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from escalate.engine.facts import FACT_LABELS
from escalate.engine.results import Deadline, Report
from escalate.law.dates import long_date
from escalate.law.rules import CHASE_WORDS, DATE_HEADING, Owner
from escalate.output.console import make_console, table_box, write_bytes

if TYPE_CHECKING:
    from escalate.output.ics import CalendarOptions

DEADLINE_CSV_FIELDS: tuple[str, ...] = (
    "id",
    "title",
    "action",
    "owner",
    "body",
    "trigger",
    "trigger_date",
    "period",
    "safe_date",
    "last_day",
    "latest_date",
    "days_left",
    "status",
    "strength",
    "source_citation",
    "source_url",
)

STATUS_STYLE: Mapping[str, str] = {
    "passed": "bold red",
    "at-risk": "bold red",
    "due-soon": "bold yellow",
    "open": "green",
}
STATUS_WORDS: Mapping[str, str] = {
    "passed": "passed",
    "at-risk": "AT RISK",
    "due-soon": "due soon",
    "open": "open",
}


def short_date(day: Any) -> str:
    return f"{day:%a} {day.day} {day:%b} {day.year}"


def _days(deadline: Deadline) -> str:
    """Days left to the safe date, in words."""
    if deadline.days_left == 0:
        return "act today"
    if deadline.days_left < 0:
        return f"{-deadline.days_left} days ago"
    return f"{deadline.days_left} day{'s' if deadline.days_left != 1 else ''} left"


def _when(deadline: Deadline) -> Text:
    text = Text(f"{CHASE_WORDS}\n", style="dim") if deadline.owner is Owner.POLICE else Text()
    text.append(long_date(deadline.safe_date), style="bold")
    if deadline.last_day != deadline.safe_date:
        text.append(f"\nlast day {short_date(deadline.last_day)}")
    if deadline.latest_date != deadline.last_day:
        text.append(f"\narguably {short_date(deadline.latest_date)}")
    return text


def deadlines_table(report: Report, console: Console) -> None:
    """The deadlines as a person reads them: a table, numbered notes under it, the disclaimer last."""
    header = f"Deadlines as at {long_date(report.today)} · {report.rules_label}"
    if report.review.available:
        header += f" · {'appeal' if report.regime == '2012' else 'review'} body: {report.review.body_name}"
        if any(warning.id == "assumed-review-body" for warning in report.warnings):
            header += ", assumed (see the warnings)"
    # Prose is left for the terminal to wrap when writing to a file or pipe: quicker, and a note stays one line
    # that can be searched or pasted whole.
    soft = not console.is_terminal
    console.print(Text(header, style="bold"), soft_wrap=soft)
    read_back = [f"{FACT_LABELS[name]}: {long_date(value)}" for name, value in report.facts.known_dates()]
    if read_back:
        console.print("Your dates, as read: " + "; ".join(read_back), soft_wrap=soft)
    if not report.deadlines:
        console.print(
            "No deadline can be worked out from these facts. Give at least one date, such as "
            "--incident-date or --outcome-date (see escalate deadlines --help).",
            soft_wrap=soft,
        )
    else:
        table = Table(box=table_box(console), pad_edge=False)
        table.add_column(DATE_HEADING, no_wrap=True)
        table.add_column("Status", no_wrap=True)
        table.add_column("What to do", ratio=3)
        table.add_column("The law", ratio=1)
        notes: list[str] = []
        for number, deadline in enumerate(report.deadlines, start=1):
            what = Text(f"{number}. {deadline.action}", style="bold")
            whose = "your deadline" if deadline.owner.value == "you" else "police's duty"
            what.append(f"\n{whose} · {deadline.body}", style="dim")
            if deadline.notes:
                what.append(f"\nsee note {number}", style="italic")
                notes.append(f"{number}. " + "\n   ".join(deadline.notes))
            table.add_row(
                _when(deadline),
                Text(f"{STATUS_WORDS[deadline.status]}\n{_days(deadline)}", style=STATUS_STYLE[deadline.status]),
                what,
                f"{deadline.cite} ({deadline.strength.value})",
            )
        console.print(table)
        if notes:
            console.print(Text("Notes", style="bold"), soft_wrap=soft)
            console.print("\n".join(notes), soft_wrap=soft)
    console.print(Text(report.disclaimer, style="italic"), soft_wrap=soft)


def warnings_text(report: Report, console: Console) -> None:
    for warning in report.warnings:
        line = Text("warning: ", style="bold yellow") + Text(f"{warning.text} [{warning.id}]")
        console.print(line, soft_wrap=not console.is_terminal)


def deadlines_json(report: Report, stream: TextIO) -> None:
    import json

    json.dump(report.as_dict(), stream, indent=2, ensure_ascii=False)
    stream.write("\n")


def deadline_row(deadline: Deadline) -> dict[str, Any]:
    """The scalar fields of a deadline, as one CSV row."""
    data = deadline.as_dict()
    source = data.pop("source")
    row = {name: data[name] for name in DEADLINE_CSV_FIELDS if name in data}
    row["source_citation"] = source["citation"]
    row["source_url"] = source["url"]
    return row


def deadlines_csv(report: Report, stream: TextIO) -> None:
    import csv

    writer = csv.DictWriter(stream, fieldnames=DEADLINE_CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for deadline in report.deadlines:
        writer.writerow(deadline_row(deadline))


class DeadlinesFormat(StrEnum):
    """Output formats of `escalate deadlines`."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    ICS = "ics"


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """Options that some formats use and the others ignore."""

    calendar: CalendarOptions | None = None
    """For ``ics``; None: the defaults of ``escalate.output.ics.CalendarOptions``."""


Renderer = Callable[[Report, TextIO, RenderOptions], None]


def _plain(render: Callable[[Report, TextIO], None]) -> Renderer:
    """A renderer that takes no options."""

    def run(report: Report, stream: TextIO, options: RenderOptions) -> None:
        render(report, stream)

    return run


def _table_to_stdout(report: Report, stream: TextIO) -> None:
    deadlines_table(report, make_console(stream))
    warnings_text(report, make_console(stderr=True))


def deadlines_ics(report: Report, stream: TextIO, options: RenderOptions) -> None:
    """The deadlines as an iCalendar file (escalate.output.ics), written as bytes; what was left out, on stderr."""
    write_calendar([report], options.calendar, stream)


def write_calendar(
    reports: Sequence[Report],
    calendar: CalendarOptions | None,
    stream: TextIO,
    *,
    case_refs: Sequence[str | None] | None = None,
    how_to: Callable[[Report, Deadline], str | None] | None = None,
    warn: bool = True,
) -> None:
    """One calendar for one case or many (``case_refs`` beside ``reports``; by default the option's reference),
    as bytes on ``stream``; the warnings, and what was left out, on stderr."""
    from escalate.output.ics import CalendarOptions, calendar_for

    chosen = calendar if calendar is not None else CalendarOptions()
    refs = case_refs if case_refs is not None else [chosen.case_ref] * len(reports)
    data = calendar_for(
        zip(refs, reports, strict=True),
        name=chosen.name,
        reminders=chosen.reminders,
        include_passed=chosen.include_passed,
        how_to=how_to,
    )
    write_bytes(data, stream)
    console = make_console(stderr=True)
    if warn:
        for report in reports:
            warnings_text(report, console)
    total = sum(len(report.deadlines) for report in reports)
    left_out = 0 if chosen.include_passed else sum(d.status == "passed" for r in reports for d in r.deadlines)
    if left_out:
        console.print(
            Text(
                f"note: {left_out} deadline{'s have' if left_out > 1 else ' has'} passed and "
                f"{'are' if left_out > 1 else 'is'} not in the calendar (add --include-passed to include "
                f"{'them' if left_out > 1 else 'it'})."
            )
        )
    if left_out == total:
        console.print(Text("note: the calendar has no event."))


DEADLINE_RENDERERS: Mapping[DeadlinesFormat, Renderer] = {
    DeadlinesFormat.TABLE: _plain(_table_to_stdout),
    DeadlinesFormat.JSON: _plain(deadlines_json),
    DeadlinesFormat.CSV: _plain(deadlines_csv),
    DeadlinesFormat.ICS: deadlines_ics,
}


def render_deadlines(
    report: Report,
    output_format: DeadlinesFormat,
    stream: TextIO | None = None,
    options: RenderOptions | None = None,
) -> None:
    """Write a report in the chosen format to ``stream`` (standard output by default)."""
    DEADLINE_RENDERERS[output_format](
        report,
        stream if stream is not None else sys.stdout,
        options if options is not None else RenderOptions(),
    )
