"""One self-contained HTML page for `escalate deadlines` and `escalate route` (``--format html``): to print on
A4, read on a phone, or send to an adviser. Inline CSS, no script, nothing fetched; the picture of the clocks
(escalate.output.clocks) at its top, and every date also in the text.

Built with the standard library: the page and its CSS are templates kept beside this module
(``templates/``), filled with ``html.escape``d text. Imported only when ``--format html`` is asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from functools import cache
from html import escape
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING, TextIO

from escalate import __version__
from escalate.engine.facts import DATE_FACTS, FACT_HELP, FACT_LABELS
from escalate.engine.results import CaseWarning, Deadline, Report
from escalate.law.contacts import checked_date
from escalate.law.dates import long_date
from escalate.law.rules import BY_WORDS, CHASE_WORDS, DATE_HEADING, Owner
from escalate.output.clocks import clocks_svg
from escalate.output.deadlines import _days, no_deadline_text, whose
from escalate.output.layout import URL, Notes, number_notes

if TYPE_CHECKING:
    from escalate.engine.route import Route, Step

STATUS_WORDS = {"passed": "passed", "at-risk": "at risk", "due-soon": "due soon", "open": "open"}
STEP_WORDS = {"done": "done", "now": "now", "next": "next", "also": "alongside", "unavailable": "not available"}
SAFE_DATE_HELP = (
    f"Your deadlines: {BY_WORDS[Owner.YOU]} the first date. The police's duties: {CHASE_WORDS} it. Where a later "
    "date is shown it can be argued, but do not rely on it."
)
FIGURE_CAPTION = (
    "Each band runs from the day its clock started to its safe date; a hatched band after it runs to the "
    "latest date that can be argued, which you should not rely on. The line is today; grey bands have "
    "passed. Every date is also written out below."
)


TEMPLATES = Path(__file__).resolve().parent / "templates"


@cache
def _template(name: str) -> str:
    # Beside this module, as the law's data files are (importlib.resources would import zipfile and tempfile).
    return (TEMPLATES / name).read_text(encoding="utf-8")


def _page(title: str, body: str) -> str:
    footer = (
        f"Made with escalate {escape(__version__)}. Contact details checked {escape(long_date(checked_date()))}; "
        "the bodies' own pages are always right."
    )
    return Template(_template("page.html")).substitute(
        version=escape(__version__), title=escape(title), css=_template("page.css").strip(), body=body, footer=footer
    )


def text(value: str) -> str:
    """Plain text as HTML: escaped, each address a link, each line break kept."""
    out: list[str] = []
    start = 0
    for match in URL.finditer(value):
        out.append(escape(value[start : match.start()]))
        url = escape(match.group(), quote=True)
        out.append(f'<a class="url" href="{url}">{url}</a>')
        start = match.end()
    out.append(escape(value[start:]))
    return "<br>\n".join("".join(out).split("\n"))


def _tag(kind: str, words: str) -> str:
    return f'<strong class="tag tag-{escape(kind)}">{escape(words)}</strong>'


def _figure(deadlines: Sequence[Deadline], today: date) -> str:
    if not deadlines:
        return ""
    svg = clocks_svg(deadlines, today)
    return (
        '<figure id="clocks" class="clocks-figure" aria-labelledby="clocks-caption">\n'
        f"{svg}\n"
        f'<figcaption id="clocks-caption">{escape(FIGURE_CAPTION)}</figcaption>\n</figure>'
    )


def _deadline_table(deadlines: Sequence[Deadline], notes: Notes) -> str:
    rows = []
    for number, d in enumerate(deadlines, start=1):
        chase = f'<span class="sub">{escape(CHASE_WORDS)}</span>' if d.owner is Owner.POLICE else ""
        when = chase + f'<strong class="safe-date">{escape(long_date(d.safe_date))}</strong>'
        if d.last_day != d.safe_date:
            when += f'<span class="sub">last day {escape(long_date(d.last_day))}</span>'
        if d.latest_date != d.last_day:
            when += f'<span class="sub">arguably {escape(long_date(d.latest_date))}</span>'
        see = ""
        if notes.of[number - 1]:
            links = ", ".join(f'<a href="#note-{n}">{n}</a>' for n in notes.of[number - 1])
            see = f'<span class="sub">{"note" if len(notes.of[number - 1]) == 1 else "notes"} {links}</span>'
        rows.append(
            "<tr>"
            f'<td data-label="{escape(DATE_HEADING)}">{when}</td>'
            f'<td data-label="Status">{_tag(d.status, STATUS_WORDS[d.status])}'
            f'<span class="sub">{escape(_days(d))}</span></td>'
            f'<td data-label="What to do">{number}. {escape(d.action)}{see}</td>'
            f'<td data-label="Whose">{escape(whose(d))}<span class="sub">{escape(d.body)}</span></td>'
            f'<td data-label="The law"><a class="link-out" href="{escape(d.source.url, quote=True)}">'
            f"{escape(d.source.citation)}</a> ({escape(d.strength.value)})</td>"
            "</tr>"
        )
    return (
        '<table class="deadlines">\n<caption>Every deadline, soonest first</caption>\n'
        f'<thead><tr><th scope="col">{escape(DATE_HEADING)}</th>'
        '<th scope="col">Status</th><th scope="col">What to do</th>'
        '<th scope="col">Whose</th><th scope="col">The law</th></tr></thead>\n<tbody>\n'
        + "\n".join(rows)
        + "\n</tbody>\n</table>"
    )


def _notes(notes: Notes) -> str:
    if not notes.texts:
        return ""
    items = "\n".join(f'<li id="note-{n}">{text(note)}</li>' for n, note in enumerate(notes.texts, start=1))
    return f"<h2>Notes</h2>\n<ol>\n{items}\n</ol>"


def _warnings(warnings: Sequence[CaseWarning]) -> str:
    if not warnings:
        return ""
    items = []
    for warning in warnings:
        words, ident = warning.text, warning.id
        items.append(
            '<div class="warning"><span class="warning-icon" aria-hidden="true">!</span>'
            f'<strong><span class="visually-hidden">Warning: </span>{text(words)}</strong> '
            f'<span class="sub">[{escape(ident)}]</span></div>'
        )
    return "<h2>Warnings</h2>\n" + "\n".join(items)


def _every_deadline(deadlines: Sequence[Deadline]) -> str:
    if not deadlines:
        return ""
    notes = number_notes(deadlines)
    return (
        f"<h2>Every deadline</h2>\n<p>{escape(SAFE_DATE_HELP)}</p>\n{_deadline_table(deadlines, notes)}\n"
        f"{_notes(notes)}"
    )


def _disclaimer(words: str) -> str:
    return f'<div class="inset"><p>{escape(words)}</p></div>'


# --- deadlines ---------------------------------------------------------------------------------------


def deadlines_html(report: Report, stream: TextIO) -> None:
    title = f"Police complaint deadlines as at {long_date(report.today)}"
    rules = report.rules_label
    lead = f"As at {long_date(report.today)}. {rules[0].upper()}{rules[1:]}."
    if report.review.available:
        lead += f" Review body: {report.review.body_name}."
        if any(warning.id == "assumed-review-body" for warning in report.warnings):
            lead += " (Assumed: see the warnings.)"
    body = [f'<h1>Your police complaint deadlines</h1>\n<p class="lead">{escape(lead)}</p>']
    if report.deadlines:  # the picture first, at the top
        body.append("<h2>The clocks, side by side</h2>")
        body.append(_figure(report.deadlines, report.today))
    body.append(_disclaimer(report.disclaimer))
    known = list(report.facts.known_dates())
    if known:
        items = "\n".join(
            f"<dt>{escape(FACT_LABELS[name])}</dt><dd>{escape(long_date(value))}</dd>" for name, value in known
        )
        body.append(f'<h2>Your dates, as read</h2>\n<dl class="facts-list">\n{items}\n</dl>')
    if report.deadlines:
        body.append(_every_deadline(report.deadlines))
    else:
        body.append(f"<p>{escape(no_deadline_text(report))}</p>")
    body.append(_warnings(report.warnings))
    stream.write(_page(title, "\n".join(part for part in body if part)))


# --- route -------------------------------------------------------------------------------------------


def route_html(route: Route, stream: TextIO) -> None:
    from escalate.output.route import _answer, _deadline_line, _review_line

    def step_dates(step: Step) -> list[str]:
        if step.status == "done":
            return []
        deadlines = route.deadlines_of(step)
        lines = []
        for deadline in deadlines:
            label, when = _deadline_line(step, deadline, len(deadlines) == 1)
            lines.append(f"{label}: {when}" if label else when)
        return lines

    def details(step: Step, add: Callable[[str], None]) -> None:
        """Who, by when, then (for the step to take now, where to send it first) why, how and the law."""
        add(f"<p><strong>Who:</strong> {escape(step.body)}</p>")
        for line in step_dates(step):
            add(f'<p class="when">{escape(line)}</p>')
        prose, *where = step.how.split("\n") if step.status != "unavailable" else ("",)
        if step.status == "now":
            for line in where:
                add(f"<p>{text(line)}</p>")
        add(f"<p><strong>Why:</strong> {text(step.why)}</p>")
        if prose:
            add(f"<p><strong>How:</strong> {text(prose)}</p>")
        if step.status != "now":
            for line in where:
                add(f"<p>{text(line)}</p>")
        add(
            f'<p><strong>The law:</strong> <a class="link-out" href="{escape(step.source.url, quote=True)}">'
            f"{escape(step.source.citation)}</a></p>"
        )

    body: list[str] = []
    add = body.append
    add("<h1>What to do next about your complaint against the Metropolitan Police</h1>")
    rules = route.rules_label
    add(f'<p class="lead">As at {escape(long_date(route.today))}. {escape(rules[0].upper() + rules[1:])}.</p>')
    add(f"<p>{escape(_review_line(route))}</p>")
    if route.deadlines:
        add("<h2>The clocks, side by side</h2>")
        add(_figure(route.deadlines, route.today))
    now = route.now
    add('<section class="now" aria-labelledby="now-title">')
    add('<h2 id="now-title">What to do now</h2>\n<div>')
    add(f"<h3>{escape(now.title)}</h3>")
    details(now, add)
    add("</div>\n</section>")
    add(_disclaimer(route.disclaimer))
    add("<h2>The path</h2>")
    add('<ol class="steps">')
    for step in (step for step in route.steps if step.status != "also"):
        add(f'<li class="step step-{escape(step.status)}">')
        add(f"<h3>{escape(step.title)} {_tag(step.status, STEP_WORDS[step.status])}</h3>")
        details(step, add)
        add("</li>")
    add("</ol>")
    add("<h2>Alongside, whatever stage you are at</h2>")
    add('<ul class="steps">')
    for step in (step for step in route.steps if step.status == "also"):
        add(f'<li class="step step-also">\n<h3>{escape(step.title)}</h3>')
        details(step, add)
        add("</li>")
    add("</ul>")
    add(_every_deadline(route.deadlines))
    add(_warnings(route.warnings))
    if route.facts is not None:
        known = route.facts.as_dict()
        items = [
            f"<dt>{escape(FACT_HELP[name].rstrip('.'))}</dt><dd>{escape(long_date(getattr(route.facts, name)))}</dd>"
            for name in DATE_FACTS
            if name in known
        ]
        items += [
            f"<dt>{escape(FACT_HELP[name].rstrip('.?'))}</dt><dd>{escape(_answer(value))}</dd>"
            for name, value in known.items()
            if name not in DATE_FACTS
        ]
        unknown = [name.replace("_", " ") for name in DATE_FACTS if name not in known]
        if unknown:
            items.append(f"<dt>Not given</dt><dd>{escape(', '.join(unknown))}</dd>")
        add('<h2>The facts this is worked out from</h2>\n<dl class="facts-list">\n' + "\n".join(items) + "\n</dl>")
    title = f"What to do next about your police complaint, as at {long_date(route.today)}"
    stream.write(_page(title, "\n".join(part for part in body if part)))
