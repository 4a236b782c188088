"""Renderers: reports to text for people (rich tables), to JSON and CSV for programs, and to iCalendar
for calendars (escalate.output.ics).

The only module of the package that imports rich. Consoles are made per call, so NO_COLOR and the kind
of output stream are read when output is written, not at import.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from escalate.engine.deadlines import why_no_deadline
from escalate.engine.facts import FACT_LABELS
from escalate.engine.results import Deadline, Report
from escalate.law.dates import long_date
from escalate.law.rules import CHASE_WORDS, DATE_HEADING, Owner
from escalate.output.console import make_console
from escalate.output.files import write_bytes
from escalate.output.formats import DeadlinesFormat
from escalate.output.layout import Column, Layout, Notes, fitted_table, number_notes, print_notes

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
    for line in _later_dates(deadline):
        text.append(f"\n{line}")
    return text


def _later_dates(deadline: Deadline) -> list[str]:
    """The last day and the arguable latest date, where they differ from the safe date."""
    lines = []
    if deadline.last_day != deadline.safe_date:
        lines.append(f"last day {short_date(deadline.last_day)}")
    if deadline.latest_date != deadline.last_day:
        lines.append(f"arguably {short_date(deadline.latest_date)}")
    return lines


def whose(deadline: Deadline) -> str:
    return "your deadline" if deadline.owner.value == "you" else "police's duty"


def deadlines_table(report: Report, console: Console, *, plain: bool = False) -> None:
    """The deadlines as a person reads them: a table where the terminal is wide enough for one (stacked
    blocks where it is not, and always in plain text), numbered notes under it, the disclaimer last."""
    with Layout(console, plain) as layout:
        header = f"Deadlines as at {long_date(report.today)}{layout.sep}{report.rules_label}"
        if report.review.available:
            header += f"{layout.sep}{'appeal' if report.regime == '2012' else 'review'} body: {report.review.body_name}"
            if any(warning.id == "assumed-review-body" for warning in report.warnings):
                header += ", assumed (see the warnings)"
        layout.para(Text(header, style="bold"))
        read_back = [f"{FACT_LABELS[name]}: {long_date(value)}" for name, value in report.facts.known_dates()]
        if read_back:
            layout.para("Your dates, as read: " + "; ".join(read_back))
        if not report.deadlines:
            layout.para(no_deadline_text(report))
        else:
            notes = number_notes(report.deadlines)
            deadline_list(layout, report.deadlines, notes)
            print_notes(layout, notes)
        layout.para(Text(report.disclaimer, style="italic"))


_HINT_ORDER = (
    "incident_date",
    "outcome_date",
    "review_decision_date",
    "complaint_date",
    "knowledge_date",
    "prosecution_end_date",
    "sar_date",
    "last_update_date",
    "outcome_received_date",
    "review_request_date",
    "date_of_birth",
)
"""The dates to suggest first where none given starts a deadline: those a person most often has."""


def no_deadline_text(report: Report) -> str:
    """What to say where a report lists no deadline, from ``engine.why_no_deadline``: never a date to give
    that was given."""
    why = why_no_deadline(report)
    if why.passed:
        rules = " and ".join(f"{rule.title} ({rule.id})" for rule in why.passed)
        return f"No deadline is left to show: {rules} is shown only until its last day, which has passed."
    lead = "No deadline asked for (--only)" if report.only is not None else "No deadline"
    if not why.starting:
        return f"{lead} applies to these facts (escalate rules says what starts each one)."
    hints = sorted(why.starting, key=_HINT_ORDER.index)[:3]
    options = ["--" + name.replace("_", "-") for name in hints]
    listed = options[0] if len(options) == 1 else f"{', '.join(options[:-1])} or {options[-1]}"
    help_ = " (see escalate deadlines --help)."
    if not tuple(report.facts.known_dates()):
        return f"{lead} can be worked out without a date. Give at least one, such as {listed}{help_}"
    if len(why.starting) == 1:
        return f"{lead} can be worked out from these facts: none starts from the dates given. {listed} would start one{help_}"
    return (
        f"{lead} can be worked out from these facts: none starts from the dates given. A date such as "
        f"{listed} would start one{help_}"
    )


def deadline_list(layout: Layout, deadlines: Sequence[Deadline], notes: Notes) -> None:
    """Deadlines, numbered: one table if it fits the terminal with every word whole, else one block each
    (the date in words, its status and days left, what to do, whose it is, the law)."""
    table = None if layout.plain else _fitted(deadlines, notes, layout)
    if table is not None:
        layout.show(table)
        return
    for number, deadline in enumerate(deadlines, start=1):
        if number > 1 or not layout.plain:
            layout.line()
        lead = f"{number}. "
        indent = len(lead)
        chase = f"{CHASE_WORDS} " if deadline.owner is Owner.POLICE else ""
        layout.para(Text(chase + long_date(deadline.safe_date), style="bold"), indent, lead)
        for line in _later_dates(deadline):
            layout.para(line, indent)
        layout.para(
            Text(f"{STATUS_WORDS[deadline.status]}, {_days(deadline)}", style=STATUS_STYLE[deadline.status]), indent
        )
        layout.para(Text(deadline.action, style="bold"), indent)
        layout.para(f"{whose(deadline)}{layout.sep}{deadline.body}", indent)
        layout.para(f"The law: {deadline.cite} ({deadline.strength.value})", indent)
        if see := notes.see(number - 1):
            layout.para(Text(see, style="italic"), indent)
    if not layout.plain:
        layout.line()


def _fitted(deadlines: Sequence[Deadline], notes: Notes, layout: Layout) -> Table | None:
    when = Column(DATE_HEADING)
    status = Column("Status")
    what = Column("What to do", wrap=True, floor=24, ratio=3)
    law = Column("The law", wrap=True, floor=14, ratio=1)
    for number, deadline in enumerate(deadlines, start=1):
        when.cells.append(_when(deadline))
        status.cells.append(
            Text(f"{STATUS_WORDS[deadline.status]}\n{_days(deadline)}", style=STATUS_STYLE[deadline.status])
        )
        cell = Text(f"{number}. {deadline.action}", style="bold")
        cell.append(f"\n{whose(deadline)}{layout.sep}{deadline.body}", style="dim")
        if see := notes.see(number - 1):
            cell.append(f"\n{see}", style="italic")
        what.cells.append(cell)
        law.cells.append(Text(f"{deadline.cite} ({deadline.strength.value})"))
    return fitted_table((when, status, what, law), layout.width, layout.console)


def warnings_text(report: Report, console: Console) -> None:
    with Layout(console) as layout:
        for warning in report.warnings:
            layout.para(Text(f"{warning.text} [{warning.id}]"), 2, Text("warning: ", style="bold yellow"))


def deadlines_json(report: Report, stream: TextIO) -> None:
    import json

    from escalate.output.schema import SCHEMA_VERSION

    json.dump({"schema_version": SCHEMA_VERSION, **report.as_dict()}, stream, indent=2, ensure_ascii=False)
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


class RenderOptions(NamedTuple):
    """Options that some formats use and the others ignore (a NamedTuple: cheaper to define than a dataclass,
    at every start of `escalate deadlines` and `escalate route`)."""

    calendar: CalendarOptions | None = None
    """For ``ics``; None: the defaults of ``escalate.output.ics.CalendarOptions``."""
    plain: bool = False
    """For ``table``: linear text without box drawing (``--plain``, or a dumb terminal)."""
    full: bool = False
    """For the route's ``table``: every step opened out and every deadline with its notes (``--full``)."""


Renderer = Callable[[Report, TextIO, RenderOptions], None]


def _no_options(render: Callable[[Report, TextIO], None]) -> Renderer:
    """A renderer that takes no options."""

    def run(report: Report, stream: TextIO, options: RenderOptions) -> None:
        render(report, stream)

    return run


def _table_to_stdout(report: Report, stream: TextIO, options: RenderOptions) -> None:
    deadlines_table(report, make_console(stream), plain=options.plain)
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
    from escalate.output.ics import CalendarOptions, calendar_for, left_out_notes

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
    for note in left_out_notes(reports, include_passed=chosen.include_passed):
        console.print(Text(note))


def deadlines_page(report: Report, stream: TextIO, options: RenderOptions) -> None:
    """The deadlines as one HTML page (escalate.output.html, imported only for this format)."""
    from escalate.output.html import deadlines_html

    deadlines_html(report, stream)


DEADLINE_RENDERERS: Mapping[DeadlinesFormat, Renderer] = {
    DeadlinesFormat.TABLE: _table_to_stdout,
    DeadlinesFormat.JSON: _no_options(deadlines_json),
    DeadlinesFormat.CSV: _no_options(deadlines_csv),
    DeadlinesFormat.ICS: deadlines_ics,
    DeadlinesFormat.HTML: deadlines_page,
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
