"""The timeline of a complaint: a dated chronology of the facts, the logged events and the deadlines ahead,
with the gaps flagged, for a solicitor, an MP or a review body.

Seed 000 (the solicitor's guide) asks for "a clear written timeline of events ... what happened, when it
happened, who was involved, what steps you have already taken, the response you received (or did not
receive)". Two kinds of gap are flagged:

- more than 28 days with no update from the police logged while the complaint was open: the police must tell
  the complainant of its progress within four weeks of the start of its handling and of each update after
  (Police (Complaints and Misconduct) Regulations 2020, reg 34(2)(a); the period and the citation are the
  ``complaint-update`` rule's, and each date the update fell due is the engine's);
- a deadline that has passed with nothing logged between its trigger and its last day.

Every date of a deadline is the engine's (``compute_deadlines``, ``calculate``); an update counts when it is
the ``last_update_date`` fact or an event logged with ``update = true``. Rendered as text, markdown or Word
(``escalate.documents.wordml``, imported only for Word).
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from escalate.documents.casefile import Event
from escalate.engine.calculate import calculate
from escalate.engine.facts import FACT_LABELS, About, Facts
from escalate.engine.results import DISCLAIMER, Deadline, Report
from escalate.law.dates import long_date
from escalate.law.rules import RULES_BY_ID
from escalate.output.formats import TimelineFormat as TimelineFormat

UPDATE_RULE = RULES_BY_ID["complaint-update"]
_POLICE = (About.OFFICER, About.STAFF, About.SENIOR_OFFICER, About.COMMISSIONER)


class Kind(StrEnum):
    """What a line of the timeline is."""

    FACT = "fact"
    EVENT = "event"
    UPDATE = "update"
    DEADLINE = "deadline"
    GAP = "gap"


_ORDER = {Kind.FACT: 0, Kind.UPDATE: 1, Kind.EVENT: 1, Kind.DEADLINE: 2, Kind.GAP: 3}
_LABEL = {
    Kind.FACT: "",
    Kind.EVENT: "",
    Kind.UPDATE: "Update from the police: ",
    Kind.DEADLINE: "Deadline ahead: ",
    Kind.GAP: "GAP: ",
}


@dataclass(frozen=True, slots=True)
class Entry:
    """One dated line: what it is, its words, and a source where the law is behind it."""

    day: date
    kind: Kind
    text: str
    source: str = ""


@dataclass(frozen=True, slots=True)
class Timeline:
    today: date
    entries: tuple[Entry, ...]
    disclaimer: str = DISCLAIMER

    @property
    def gaps(self) -> tuple[Entry, ...]:
        return tuple(entry for entry in self.entries if entry.kind is Kind.GAP)


def build_timeline(report: Report, events: Sequence[Event]) -> Timeline:
    """The chronology of a case: its known dates, its log, the deadlines not yet passed, and the gaps."""
    facts = report.facts
    entries = [Entry(day, Kind.FACT, FACT_LABELS[name]) for name, day in facts.known_dates() if name != "date_of_birth"]
    entries += [Entry(event.date, Kind.UPDATE if event.update else Kind.EVENT, event.text) for event in events]
    entries += [_ahead(deadline) for deadline in report.deadlines if deadline.status != "passed"]
    entries += list(_update_gaps(facts, events, report))
    entries += list(_passed_unlogged(report, events))
    entries.sort(key=lambda entry: (entry.day, _ORDER[entry.kind]))
    return Timeline(report.today, tuple(entries))


def _ahead(deadline: Deadline) -> Entry:
    if deadline.owner.value == "police":
        text = f"{deadline.title}: due from the police by {long_date(deadline.last_day)}"
    elif deadline.safe_date != deadline.last_day:
        text = (
            f"{deadline.title}: last day {long_date(deadline.last_day)} (safer: act by {long_date(deadline.safe_date)})"
        )
    else:
        text = f"{deadline.title}: last day {long_date(deadline.last_day)}"
    return Entry(deadline.last_day, Kind.DEADLINE, text, deadline.source.citation)


def _update_gaps(facts: Facts, events: Sequence[Event], report: Report) -> Iterator[Entry]:
    """More than the update period with no update logged while the complaint was open (2020 regime, a
    complaint about the police: reg 34(2)(a))."""
    start = facts.complaint_date
    if start is None or report.regime != "2020" or facts.about not in _POLICE:
        return
    end = facts.outcome_date or facts.today
    updates = {event.date for event in events if event.update}
    if facts.last_update_date is not None:
        updates.add(facts.last_update_date)
    points = sorted(day for day in updates if start < day <= end)
    for earlier, later in zip([start, *points], [*points, end], strict=True):
        due = calculate(UPDATE_RULE.id, earlier).last_day
        if due < later:
            what = "the complaint was made" if earlier == start else "the last update logged"
            if later in updates:
                until = "the next update logged"
            else:
                until = "the outcome letter" if later == facts.outcome_date else "today"
            days = (later - earlier).days
            yield Entry(
                due,
                Kind.GAP,
                f"{days} days with no update from the police logged, from {long_date(earlier)} ({what}) to "
                f"{long_date(later)} ({until}). An update was due by {long_date(due)}: the police must tell you "
                "how the complaint is going at least every four weeks.",
                UPDATE_RULE.source.citation,
            )


def _passed_unlogged(report: Report, events: Sequence[Event]) -> Iterator[Entry]:
    """Deadlines that have passed with nothing logged from their trigger to their last day (the update duty
    aside: its gaps are flagged above)."""
    for deadline in report.deadlines:
        if deadline.status != "passed" or deadline.id == UPDATE_RULE.id:
            continue
        if any(deadline.trigger_date <= event.date <= deadline.last_day for event in events):
            continue
        whose = "due from the police" if deadline.owner.value == "police" else "the last day"
        yield Entry(
            deadline.last_day,
            Kind.GAP,
            f"{deadline.title}: {whose} was {long_date(deadline.last_day)}, and nothing is logged between "
            f"{long_date(deadline.trigger_date)} and then. If something was done, log it (escalate case add-event); "
            "if not, ask an adviser what can still be done.",
            deadline.source.citation,
        )


# --- rendering --------------------------------------------------------------------------------------------

TITLE = "Timeline of the complaint"


def _intro(timeline: Timeline) -> str:
    gaps = len(timeline.gaps)
    flagged = "no gaps flagged" if not gaps else f"{gaps} gap{'s' if gaps != 1 else ''} flagged"
    count = len(timeline.entries)
    return f"As at {long_date(timeline.today)}: {count} {'entry' if count == 1 else 'entries'}, {flagged}."


def timeline_text(timeline: Timeline, width: int = 80) -> str:
    """Plain text, one entry a paragraph, wrapped to ``width`` columns under its date."""
    lines = [TITLE, _intro(timeline), ""]
    indent = " " * 4
    for entry in timeline.entries:
        lines.append(long_date(entry.day))
        body = _LABEL[entry.kind] + entry.text + (f" ({entry.source})" if entry.source else "")
        lines.extend(textwrap.wrap(body, width, initial_indent=indent, subsequent_indent=indent + "  "))
    lines += ["", *textwrap.wrap(timeline.disclaimer, width)]
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    for char in "\\`*_[]<>|#":
        text = text.replace(char, "\\" + char)
    return " ".join(text.split())


def timeline_markdown(timeline: Timeline) -> str:
    """Markdown: a heading, then a table of date and entry; gaps in bold."""
    lines = [f"# {TITLE}", "", _intro(timeline), "", "| Date | What |", "|---|---|"]
    for entry in timeline.entries:
        body = _md(entry.text) + (f" ({_md(entry.source)})" if entry.source else "")
        label = _LABEL[entry.kind]
        what = f"**{label.strip()}** {body}" if label else body
        lines.append(f"| {long_date(entry.day)} | {what} |")
    lines += ["", f"_{_md(timeline.disclaimer)}_"]
    return "\n".join(lines) + "\n"


DATE_WIDTH = 3402
"""The date column of the Word table, in twips (6 cm: "Wednesday 30 September 2026" on one line in Calibri 11 pt)."""


def timeline_docx(timeline: Timeline) -> bytes:
    """A Word document: a heading, then a table of date and entry; the kind of each entry in bold."""
    from escalate.documents.wordml import TEXT_WIDTH, Paragraph, ParagraphStyle, Run, WordFile

    document = WordFile(TITLE)
    document.add(Paragraph((TITLE,), ParagraphStyle.HEADING_1))
    document.add(Paragraph((_intro(timeline),)))
    rows = []
    for entry in timeline.entries:
        label = _LABEL[entry.kind]
        what = entry.text + (f" ({entry.source})" if entry.source else "")
        rows.append(((long_date(entry.day),), (Run(label, bold=True), what) if label else (what,)))
    document.table(("Date", "What"), rows, (DATE_WIDTH, TEXT_WIDTH - DATE_WIDTH))
    document.add(Paragraph((timeline.disclaimer,)))
    return document.to_bytes()


def render_timeline(timeline: Timeline, chosen: TimelineFormat) -> str | bytes:
    """The timeline in the chosen format: text for text and markdown, bytes for Word."""
    renderers: dict[TimelineFormat, Callable[[Timeline], str | bytes]] = {
        TimelineFormat.TEXT: timeline_text,
        TimelineFormat.MARKDOWN: timeline_markdown,
        TimelineFormat.DOCX: timeline_docx,
    }
    return renderers[chosen](timeline)
