"""Renderers of the route: a page for a terminal (rich), JSON for programs, and markdown for a page that
someone can print or send to an adviser.

Beside ``escalate.output.deadlines`` (whose helpers it reuses) so that the deadlines renderers stay short; like it,
it makes consoles per call so that NO_COLOR and the kind of stream are read when output is written.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, TextIO

from rich.console import Console
from rich.text import Text

from escalate.engine.facts import DATE_FACTS, FACT_HELP
from escalate.engine.results import Deadline
from escalate.engine.review import BODY_NAMES
from escalate.engine.route import Route, Step
from escalate.law.contacts import checked_date
from escalate.law.dates import long_date
from escalate.law.rules import BY_WORDS, CHASE_WORDS, DATE_HEADING, Owner
from escalate.output.console import make_console
from escalate.output.deadlines import (
    STATUS_STYLE,
    STATUS_WORDS,
    RenderOptions,
    _days,
    deadline_list,
    short_date,
    write_calendar,
)
from escalate.output.formats import RouteFormat
from escalate.output.layout import Layout, number_notes, print_notes

if TYPE_CHECKING:
    from escalate.output.ics import CalendarOptions

_INDENT = 4

STEP_MARK: Mapping[str, str] = {
    "done": "done",
    "now": "NOW",
    "next": "next",
    "also": "also",
    "unavailable": "not available",
}
STEP_STYLE: Mapping[str, str] = {
    "done": "dim",
    "now": "bold reverse",
    "next": "",
    "also": "",
    "unavailable": "dim",
}


def _by(deadline: Deadline, lead: str = "") -> str:
    """'Tuesday 1 December 2026 (10 days left)', after ``lead``, as a person says it."""
    if deadline.status == "passed":
        left = "passed"
    elif deadline.days_left == 0:
        left = "today"
    elif deadline.days_left < 0:
        left = f"{-deadline.days_left} days ago: act today"
    else:
        left = f"{deadline.days_left} day{'s' if deadline.days_left != 1 else ''} left"
    return f"{lead}{long_date(deadline.safe_date)} ({left})"


def _deadline_line(step: Step, deadline: Deadline, alone: bool) -> tuple[str, str]:
    """(label, when) for one of a step's deadlines: 'Act by Tuesday 1 December 2026 (10 days left)' when it
    is the step's only one, else labelled with what it asks ('File a judicial review claim: by ...')."""
    police = deadline.owner.value == "police"
    if alone:
        return "", _by(deadline, BY_WORDS[deadline.owner].capitalize() + " ")
    when = _by(deadline, BY_WORDS[Owner.POLICE] + " " if police else "by ")
    # The complaint rule speaks of the MPS; a complaint about the Commissioner goes to MOPAC: use the step.
    return (step.title if deadline.id == "complaint" else deadline.action), when


def _review_line(route: Route) -> str:
    if route.review_body is None:
        return f"No review: {route.review_reason}."
    lead = "Appeal to" if route.regime == "2012" else "Review by"
    return f"{lead} {BODY_NAMES[route.review_body]}: {route.review_reason}."


# --- the terminal page -------------------------------------------------------------------------------


def route_table(route: Route, console: Console, *, plain: bool = False, full: bool = False) -> None:
    """The route as a person reads it. Short first: the step to take now, its date and where to send it, in a
    few lines; then the path and what runs alongside, each with its dates, and the warnings. ``full`` opens
    every step out (why, how, where, the law) and adds every deadline with its notes."""
    with Layout(console, plain) as layout:
        layout.para(Text(f"Your route as at {long_date(route.today)}{layout.sep}{route.rules_label}", style="bold"))
        layout.para(_review_line(route))
        layout.line()
        _now_first(route, layout)
        layout.line()

        layout.heading("The path")
        path = [step for step in route.steps if step.status != "also"]
        for number, step in enumerate(path, start=1):
            _print_step(route, step, layout, f"{number}.", full)
        layout.line()

        layout.heading("Alongside, whatever stage you are at")
        for step in route.steps:
            if step.status == "also":
                _print_step(route, step, layout, "-", full)
        layout.line()

        if full and route.deadlines:
            layout.heading("Every deadline")
            notes = number_notes(route.deadlines)
            deadline_list(layout, route.deadlines, notes)
            print_notes(layout, notes)
            layout.line()

        if route.warnings:
            layout.heading("Warnings")
            mark = Text("Warning: ", style="bold yellow") if plain else Text("! ", style="bold yellow")
            for warning in route.warnings:
                layout.para(Text(f"{warning.text} [{warning.id}]"), 2, mark)
            layout.line()
        if not full:
            layout.para(
                "For every detail (why each step, how, where to send it, the law, and every deadline with its "
                "notes), run the same command with --full, or make a page to print with --format html."
            )
            layout.line()
        layout.para(Text(route.disclaimer, style="italic"))


def _now_first(route: Route, layout: Layout) -> None:
    """What matters now, in a few lines: the step, who, its date, where to send it, and what to send."""
    step = route.now
    layout.para(Text(f"Now: {step.title}", style="bold"), _INDENT, "")
    _details(route, step, layout)
    prose, *where = step.how.split("\n")
    for line in where:
        layout.para(line, _INDENT, " " * _INDENT)
    if prose:
        layout.para(Text("What to send: ", style="bold") + Text(prose), _INDENT, " " * _INDENT)


def _details(route: Route, step: Step, layout: Layout) -> None:
    """Who, and the step's dates."""
    layout.para(Text(step.body, style="dim"), _INDENT, " " * _INDENT)
    if step.status == "done":
        return
    deadlines = route.deadlines_of(step)
    for deadline in deadlines:
        style = STATUS_STYLE[deadline.status] if deadline.status != "open" else "bold"
        label, when = _deadline_line(step, deadline, len(deadlines) == 1)
        layout.para(Text(f"{label}: {when}" if label else when, style=style), _INDENT, " " * _INDENT)


def _print_step(route: Route, step: Step, layout: Layout, number: str, full: bool) -> None:
    mark = Text(f"{number} ", style="bold")
    mark.append(f"[{STEP_MARK[step.status]}]", style="" if layout.plain else STEP_STYLE[step.status])
    mark.append(f" {step.title}", style="bold" if step.status in ("now", "also") else "")
    if step.status == "now" and not full:
        mark.append(" (above)")
    layout.para(mark, _INDENT, "")
    if not full and step.status in ("done", "now"):
        return
    _details(route, step, layout)
    if step.status == "unavailable":
        layout.para(step.why, _INDENT, " " * _INDENT)
    elif full and step.status in ("now", "also"):
        layout.para(Text("Why: ", style="bold") + Text(step.why), _INDENT, " " * _INDENT)
        prose, *where = step.how.split("\n")
        layout.para(Text("How: ", style="bold") + Text(prose), _INDENT, " " * _INDENT)
        for line in where:
            layout.para(line, _INDENT, " " * _INDENT)
        layout.para(
            Text("The law: ", style="bold") + Text(f"{step.source.citation}: {step.source.url}"),
            _INDENT,
            " " * _INDENT,
        )


# --- JSON --------------------------------------------------------------------------------------------


def route_json(route: Route, stream: TextIO) -> None:
    from escalate.output.schema import SCHEMA_VERSION

    json.dump({"schema_version": SCHEMA_VERSION, **route.as_dict()}, stream, indent=2, ensure_ascii=False)
    stream.write("\n")


# --- markdown ----------------------------------------------------------------------------------------


def _md(text: str) -> str:
    """Text safe inside markdown: no accidental emphasis, table breaks or headings."""
    for char in ("\\", "*", "_", "|", "<", ">", "[", "]", "`"):
        text = text.replace(char, "\\" + char)
    return text


def _md_lines(text: str) -> str:
    """Multi-line text (a step's 'how' puts each contact on its own line) as markdown hard breaks."""
    return "  \n".join(_md(line) for line in text.split("\n"))


def route_markdown(route: Route, stream: TextIO) -> None:
    """A page to print or to send to an adviser: what to do now, the whole path, what runs alongside,
    every deadline with its law, the warnings, and the facts it was worked out from."""
    out: list[str] = []
    add = out.append
    add("# What to do next about your complaint against the Metropolitan Police")
    add("")
    add(
        f"As at **{long_date(route.today)}**. {route.rules_label[0].upper()}{route.rules_label[1:]}. {_md(_review_line(route))}"
    )
    add("")
    add(f"> {_md(route.disclaimer)}")
    add("")
    now = route.now
    add(f"## Now: {_md(now.title)}")
    add("")
    _md_step_body(route, now, add)
    add("## The path")
    add("")
    add("| # | Step | Status | Who | First date |")
    add("|---|---|---|---|---|")
    path = [step for step in route.steps if step.status != "also"]
    for number, step in enumerate(path, start=1):
        first = route.deadlines_of(step)[:1] if step.status != "done" else ()
        when = _md(_by(first[0])) if first else ""  # the soonest; the step below lists them all
        status = "**NOW**" if step.status == "now" else STEP_MARK[step.status]
        add(f"| {number} | {_md(step.title)} | {status} | {_md(step.body)} | {when} |")
    add("")
    for number, step in enumerate(path, start=1):
        if step.status == "now":
            continue
        add(f"### {number}. {_md(step.title)} ({STEP_MARK[step.status]})")
        add("")
        _md_step_body(route, step, add)
    add("## Alongside, whatever stage you are at")
    add("")
    for step in route.steps:
        if step.status == "also":
            add(f"### {_md(step.title)}")
            add("")
            _md_step_body(route, step, add)
    if route.deadlines:
        add("## Every deadline")
        add("")
        add(
            f"Your deadlines: {BY_WORDS[Owner.YOU]} the first date. The police's duties: {CHASE_WORDS} it. Where a "
            "later date is shown it can be argued, but do not rely on it."
        )
        add("")
        add(f"| # | {DATE_HEADING} | Days left | Status | What to do | Whose | The law |")
        add("|---|---|---|---|---|---|---|")
        notes = number_notes(route.deadlines)
        for number, d in enumerate(route.deadlines, start=1):
            when = long_date(d.safe_date)
            if d.owner is Owner.POLICE:
                when = f"{CHASE_WORDS} {when}"
            if d.last_day != d.safe_date:
                when += f" (last day {short_date(d.last_day)})"
            if d.latest_date != d.last_day:
                when += f" (arguably {short_date(d.latest_date)})"
            see = notes.see(number - 1)
            add(
                f"| {number} | {when} | {_days(d)} | {STATUS_WORDS[d.status]} "
                f"| {_md(d.action)} ({_md(d.body)}){f'; {see}' if see else ''} | {d.owner.value} "
                f"| [{_md(d.source.citation)}]({d.source.url}) ({d.strength.value}) |"
            )
        add("")
        if notes.texts:
            add("Notes:")
            add("")
            for number, note in enumerate(notes.texts, start=1):
                add(f"{number}. {_md(note)}")
            add("")
    if route.warnings:
        add("## Warnings")
        add("")
        for warning in route.warnings:
            add(f"- {_md(warning.text)} ({warning.id})")
        add("")
    if route.facts is not None:
        add("## The facts this is worked out from")
        add("")
        known = route.facts.as_dict()
        for name in DATE_FACTS:
            if name in known:
                add(f"- {_md(FACT_HELP[name].rstrip('.'))}: **{long_date(getattr(route.facts, name))}**")
        for name, value in known.items():
            if name not in DATE_FACTS:
                add(f"- {_md(FACT_HELP[name].rstrip('.?'))}: **{_md(_answer(value))}**")
        unknown = [name for name in DATE_FACTS if name not in known]
        if unknown:
            add(f"- Not given: {_md(', '.join(name.replace('_', ' ') for name in unknown))}")
        add("")
    add("---")
    add("")
    add(
        f"Made with escalate. Contact details checked {long_date(checked_date())}; the bodies' own pages are "
        "always right."
    )
    stream.write("\n".join(out) + "\n")


VALUE_WORDS: Mapping[str, str] = {
    "officer": "a police officer or member of staff",
    "staff": "a member of police staff",
    "senior-officer": "a senior officer (Commander or above)",
    "commissioner": "the Commissioner",
    "mopac-staff": "MOPAC staff",
    "mayor": "the Mayor or the Deputy Mayor for Policing and Crime",
    "mps": "the MPS",
    "not-investigated": "not investigated",
    "iopc-directed": "the police, under the IOPC's direction",
    "iopc": "the IOPC",
    "mopac": "MOPAC",
}


def _answer(value: object) -> str:
    if value is True:
        return "yes"
    if value is False:
        return "no"
    return VALUE_WORDS.get(str(value), str(value))


def _md_step_body(route: Route, step: Step, add: Callable[[str], None]) -> None:
    add(f"**Who:** {_md(step.body)}  ")
    if step.status != "done":
        deadlines = route.deadlines_of(step)
        for deadline in deadlines:
            label, when = _deadline_line(step, deadline, len(deadlines) == 1)
            add(f"**{_md(label)}:** {_md(when)}  " if label else f"**{_md(when)}**  ")
    add(f"**Why:** {_md(step.why)}  ")
    if step.status != "unavailable":
        add(f"**How:** {_md_lines(step.how)}  ")
    add(f"**The law:** [{_md(step.source.citation)}]({step.source.url})")
    add("")


# --- choosing ----------------------------------------------------------------------------------------


def _table_to_stream(route: Route, stream: TextIO, options: RenderOptions) -> None:
    route_table(route, make_console(stream), plain=options.plain, full=options.full)


def route_ics(route: Route, stream: TextIO, calendar: CalendarOptions | None = None) -> None:
    """The route's deadlines as an iCalendar file, each event with the how-to of its step."""
    if route.report is None:
        raise ValueError("route_ics needs a route planned by plan_route (it carries its deadlines report)")
    write_calendar([route.report], calendar, stream, how_to=lambda _report, deadline: route.how_to(deadline))


def _with_options(render: Callable[[Route, TextIO], None]) -> Callable[[Route, TextIO, RenderOptions], None]:
    """A renderer that takes no options."""

    def run(route: Route, stream: TextIO, options: RenderOptions) -> None:
        render(route, stream)

    return run


def route_page(route: Route, stream: TextIO, options: RenderOptions) -> None:
    """The route as one HTML page (escalate.output.html, imported only for this format)."""
    from escalate.output.html import route_html

    route_html(route, stream)


ROUTE_RENDERERS: Mapping[RouteFormat, Callable[[Route, TextIO, RenderOptions], None]] = {
    RouteFormat.TABLE: _table_to_stream,
    RouteFormat.JSON: _with_options(route_json),
    RouteFormat.MARKDOWN: _with_options(route_markdown),
    RouteFormat.ICS: lambda route, stream, options: route_ics(route, stream, options.calendar),
    RouteFormat.HTML: route_page,
}


def render_route(
    route: Route, output_format: RouteFormat, stream: TextIO | None = None, options: RenderOptions | None = None
) -> None:
    """Write a route in the chosen format to ``stream`` (standard output by default), with the options that
    format uses (as for ``render.render_deadlines``)."""
    ROUTE_RENDERERS[output_format](
        route, stream if stream is not None else sys.stdout, options if options is not None else RenderOptions()
    )
