"""Deadlines as an iCalendar file (RFC 5545) that Outlook, Google Calendar and Apple Calendar import.

Library use, for one case or many (the example runs in the test suite)::

    >>> from datetime import date
    >>> from pathlib import Path
    >>> from escalate import Facts, compute_deadlines
    >>> from escalate.output.ics import calendar_for
    >>> report = compute_deadlines(Facts(today=date(2026, 11, 21), outcome_date=date(2026, 11, 3)))
    >>> data = calendar_for([("ABC-123", report)], name="Police complaint deadlines: ABC-123")
    >>> data.splitlines()[0]
    b'BEGIN:VCALENDAR'
    >>> written = Path("complaint.ics").write_bytes(data)

``calendar_for(cases, *, name, reminders=(14, 7, 1), include_passed=False) -> bytes`` takes pairs of
(case reference or None, Report from ``escalate.engine.deadlines.compute_deadlines``) and returns the whole file, UTF-8
with CRLF line endings and lines folded at 75 octets. Write it in binary mode. It raises ``InputError``
(a ``ValueError``) for an unusable name, reference or reminder, and when two cases in one calendar would give
the same event (the same reference, or none, and the same trigger date): give each case of a batch its own
reference (a batch can use its reference column, or the row number where there is none).

For a command that offers ``--format ics``: ``parse_reminders("14,7,1")`` reads ``--remind`` (``none``
gives no reminder), ``check_case_ref`` and ``check_calendar_name`` check ``--case-ref`` and
``--calendar-name`` (each raises an ``InputError`` naming the option), and ``CalendarOptions`` holds the four
options, with ``.name`` the given name or ``default_calendar_name(case_ref)``. ``event_uid(ref, deadline)``
gives an event's UID.

What goes in the file:

- One all-day event per deadline on its safe date (``DTSTART;VALUE=DATE``, ``DTEND`` the next day): a date,
  never a time, so it lands on the same day in every time zone. The summary is the action (for a duty on the
  police, "Chase if nothing by: ..."), with the case reference in front when there is one; the description
  gives the last day, the latest arguable date, the status, the legal source, how the date was worked out,
  the notes, the case's warnings and the disclaimer. Deadlines already passed are left out unless
  ``include_passed``; those that are at risk (the safe date gone, the latest arguable date not) stay in.
- Reminders (``VALARM``, display) at 09:00 on the day ``N`` days before, for each ``N`` in ``reminders``;
  reminders already in the past on the report's ``today`` are left out, so that importing does not set off a
  burst of stale alerts.
- ``UID``: a UUID5 of (case reference, rule id, trigger fact, trigger date). It stays the same when other
  facts change (so re-importing a corrected file updates the event) and holds no case data in clear. When a
  correction changes the trigger itself, the deadline is a new event: delete the old one by hand.
- ``DTSTAMP`` is midnight UTC of the report's ``today`` and ``SEQUENCE`` the number of days from
  1 January 2020 to it: the same facts always give the same bytes, and a file made on a later day supersedes
  an earlier one (a file made again on the same day, after a correction, may need the old events deleted).
- ``X-WR-CALNAME`` (and RFC 7986 ``NAME``) from ``name``; ``X-WR-TIMEZONE:Europe/London`` with a
  ``VTIMEZONE`` for it (which also keeps a calendar with no event valid). Nothing beyond the facts given.

The file is written here, line by line (``_Lines``), as the ``icalendar`` package 7.3 writes it: the same
properties in the same order, TEXT values escaped and lines folded as it does them. A calendar of a few events
does not need icalendar's tree of about 115 modules, whose import took longer than the rest of the command
(issue 17); the tests build every calendar with icalendar as well and compare the bytes, and parse and validate
the file with it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from escalate.engine.results import CaseWarning, Deadline, Report
from escalate.errors import InputError
from escalate.law.dates import ONE_DAY, long_date
from escalate.law.rules import BY_WORDS, Owner, Strength

PRODID = "-//escalate//escalate deadlines//EN"
TIMEZONE = "Europe/London"
DEFAULT_REMINDERS: tuple[int, ...] = (14, 7, 1)
MAX_REMINDER_DAYS = 365
MAX_CASE_REF = 64
MAX_NAME = 120
REMINDER_HOUR = 9
"""Reminders go off at this hour (local time of the calendar) on the day they are for."""
SEQUENCE_EPOCH = date(2020, 1, 1)
UID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/escalate-uk/escalate/ics")
"""Fixed for ever: changing it would give every event a new UID and duplicate them on re-import."""

STRENGTH_WORDS = {
    Strength.STRICT: "strict: there is no general power to extend it",
    Strength.DISCRETIONARY: "discretionary: a body or court may extend it, but never rely on that",
    Strength.GUIDANCE: "guidance: no legal bar, but expect questions if you are late",
}


@dataclass(frozen=True, slots=True)
class CalendarOptions:
    """The command line's calendar options (``--remind``, ``--include-passed``, ``--case-ref``,
    ``--calendar-name``), checked, for a renderer to pass on to ``calendar_for``."""

    reminders: tuple[int, ...] = DEFAULT_REMINDERS
    include_passed: bool = False
    case_ref: str | None = None
    calendar_name: str | None = None

    @property
    def name(self) -> str:
        """The calendar's name: the one given, or the default for the case reference."""
        return self.calendar_name if self.calendar_name is not None else default_calendar_name(self.case_ref)


def left_out_notes(reports: Sequence[Report], *, include_passed: bool) -> tuple[str, ...]:
    """What a calendar of these cases left out, as notes for standard error: the deadlines that have passed
    (unless ``include_passed``), and that it has no event at all."""
    total = sum(len(report.deadlines) for report in reports)
    left_out = 0 if include_passed else sum(d.status == "passed" for r in reports for d in r.deadlines)
    notes = []
    if left_out:
        notes.append(
            f"note: {left_out} deadline{'s have' if left_out > 1 else ' has'} passed and "
            f"{'are' if left_out > 1 else 'is'} not in the calendar (add --include-passed to include "
            f"{'them' if left_out > 1 else 'it'})."
        )
    if left_out == total:
        if total == 0 and len(reports) == 1:
            from escalate.output.deadlines import no_deadline_text  # rare: kept out of the calendar's start-up

            notes.append(f"note: the calendar has no event. {no_deadline_text(reports[0])}")
        else:
            notes.append("note: the calendar has no event.")
    return tuple(notes)


def calendar_for(
    cases: Iterable[tuple[str | None, Report]],
    *,
    name: str,
    reminders: Sequence[int] = DEFAULT_REMINDERS,
    include_passed: bool = False,
    how_to: Callable[[Report, Deadline], str | None] | None = None,
) -> bytes:
    """An iCalendar file with the deadlines of every case given (see the module docstring).

    ``how_to`` may give, for a case's deadline, what to send and where (the route planner's step text); it goes
    into the event's description."""
    calendar_name = check_calendar_name(name)
    days_before = check_reminders(reminders)
    reports: list[Report] = []
    seen: set[str] = set()
    events = _Lines()
    for case_ref, report in cases:
        ref = None if case_ref is None else check_case_ref(case_ref)
        reports.append(report)
        for deadline in report.deadlines:
            if deadline.status == "passed" and not include_passed:
                continue
            uid = event_uid(ref, deadline)
            if uid in seen:
                raise InputError(
                    "{case_ref}: "
                    + (f"'{ref}' is given to" if ref is not None else "no reference is given for")
                    + " more than one case with the same dates; give each case its own reference",
                    "case_ref",
                )
            seen.add(uid)
            how = how_to(report, deadline) if how_to is not None else None
            _event(events, ref, deadline, report, uid, days_before, how)
    calendar = _Lines()
    calendar.add("BEGIN", "VCALENDAR")
    calendar.text("VERSION", "2.0")
    calendar.text("PRODID", PRODID)
    calendar.text("CALSCALE", "GREGORIAN")
    # No METHOD: iTIP's PUBLISH would call for an ORGANIZER, which is data the facts do not give.
    # The name and description as given (icalendar writes these four unescaped).
    calendar.add("X-WR-CALDESC", _calendar_description(reports))
    calendar.add("NAME", calendar_name)
    calendar.add("X-WR-CALNAME", calendar_name)
    calendar.add("X-WR-TIMEZONE", TIMEZONE)
    calendar.lines += LONDON
    calendar.lines += events.lines
    calendar.add("END", "VCALENDAR")
    return calendar.data()


class _Lines:
    """The content lines of a calendar (RFC 5545 s.3.1), written as icalendar 7.3 writes them."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, name: str, value: str) -> None:
        """A property whose value is written as it is (a date, a number, a URI, a name)."""
        self.lines.append(_folded(f"{name}:{value}"))

    def text(self, name: str, value: str) -> None:
        """A TEXT property (RFC 5545 s.3.3.11): backslash, semicolon and comma escaped, line breaks as \\n."""
        escaped = (
            value.replace(r"\N", "\n")  # icalendar reads a written "\N" as the line break it stands for
            .replace("\\", "\\\\")
            .replace(";", r"\;")
            .replace(",", r"\,")
            .replace("\r\n", r"\n")
            .replace("\n", r"\n")
            .replace("\r", r"\n")
        )
        self.add(name, escaped)

    def data(self) -> bytes:
        return "".join(line + "\r\n" for line in self.lines).encode("utf-8")


FOLD_AT = 75
"""A content line is folded before it would reach this many octets (RFC 5545 s.3.1: at most 75)."""


def _folded(line: str) -> str:
    """A content line folded (RFC 5545 s.3.1) before it would reach ``FOLD_AT`` octets of UTF-8, never inside
    a character, and never just after a backslash or a caret (so that no escape is split: icalendar's rule)."""
    if line.isascii():  # a character is an octet: the line is cut in slices
        if len(line) < FOLD_AT:
            return line
        parts = []
        start = 0
        while len(line) - start >= FOLD_AT:
            end = start + FOLD_AT - 1
            if line[end - 1] in "\\^":
                end -= 1
            parts.append(line[start:end])
            start = end
        parts.append(line[start:])
        return "\r\n ".join(parts)
    parts = []
    current: list[str] = []
    size = 0
    for char in line:
        code = ord(char)
        width = 1 if code < 0x80 else 2 if code < 0x800 else 3 if code < 0x10000 else 4
        if current and size + width >= FOLD_AT:
            carried = current.pop() if len(current) > 1 and current[-1] in "\\^" else ""
            parts.append("".join(current))
            current = [carried] if carried else []
            size = len(carried)
        current.append(char)
        size += width
    if current:
        parts.append("".join(current))
    return "\r\n ".join(parts)


def event_uid(case_ref: str | None, deadline: Deadline) -> str:
    """The event's UID: the same for the same case, rule and trigger, whatever else the facts say."""
    key = "\x1f".join((case_ref or "", deadline.id, deadline.trigger, deadline.trigger_date.isoformat()))
    return str(uuid.uuid5(UID_NAMESPACE, key))


def default_calendar_name(case_ref: str | None = None) -> str:
    """The calendar's name when none is given: the case reference, where there is one."""
    return "Police complaint deadlines" + (f": {check_case_ref(case_ref)}" if case_ref is not None else "")


def check_calendar_name(name: str) -> str:
    """A calendar name as it will appear: one line of printable text, at most 120 characters."""
    return _checked_text("calendar_name", name, MAX_NAME)


def check_case_ref(case_ref: str) -> str:
    """A case reference as it will appear: one line of printable text, at most 64 characters."""
    return _checked_text("case_ref", case_ref, MAX_CASE_REF)


def parse_reminders(text: str) -> tuple[int, ...]:
    """A ``--remind`` value: whole days before each deadline, comma-separated (``14,7,1``), or ``none``."""
    cleaned = text.strip().lower()
    if cleaned in ("", "none", "no"):
        return ()
    days: list[int] = []
    for part in cleaned.split(","):
        item = part.strip()
        if not item.isascii() or not item.isdigit() or len(item) > 3 or not 1 <= int(item) <= MAX_REMINDER_DAYS:
            shown = item if len(item) <= 20 else item[:20] + "..."
            raise InputError(
                f"{{remind}}: '{shown}' is not a whole number of days from 1 to {MAX_REMINDER_DAYS}; "
                "give the days before each deadline, such as 14,7,1 (or none)",
                "remind",
            )
        days.append(int(item))
    return check_reminders(days)


def check_reminders(reminders: Sequence[int]) -> tuple[int, ...]:
    """Reminders as whole days from 1 to 365, largest first, each once; an InputError otherwise."""
    for days in reminders:
        if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= MAX_REMINDER_DAYS:
            raise InputError(
                f"{{remind}}: {days!r} is not a whole number of days from 1 to {MAX_REMINDER_DAYS}", "remind"
            )
    return tuple(sorted(set(reminders), reverse=True))


def _checked_text(fact: str, text: str, limit: int) -> str:
    """A reference or a name: one line of printable text, not empty, not too long."""
    cleaned = " ".join(text.split())
    if not cleaned or len(cleaned) > limit or not cleaned.isprintable():
        raise InputError(f"{{{fact}}}: give one line of up to {limit} printable characters", fact)
    return cleaned


# --- events ---------------------------------------------------------------------------------------------


def summary(case_ref: str | None, deadline: Deadline) -> str:
    """The event's title: what to do (or, for a duty on the police, what to chase), with the reference."""
    what = deadline.action
    if deadline.owner is Owner.POLICE:
        awaited = what.removeprefix("Expect ")
        what = f"Chase if nothing by: {awaited}"
    return f"[{case_ref}] {what}" if case_ref else what


def _event(
    lines: _Lines,
    case_ref: str | None,
    deadline: Deadline,
    report: Report,
    uid: str,
    days_before: tuple[int, ...],
    how: str | None = None,
) -> None:
    """One all-day event, with its reminders."""
    title = summary(case_ref, deadline)
    lines.add("BEGIN", "VEVENT")
    lines.text("SUMMARY", title)
    lines.add("DTSTART;VALUE=DATE", _date(deadline.safe_date))
    lines.add("DTEND;VALUE=DATE", _date(deadline.safe_date + ONE_DAY))
    lines.add("DTSTAMP", _date(report.today) + "T000000Z")  # midnight UTC
    lines.text("UID", uid)
    lines.add("SEQUENCE", str(max(0, (report.today - SEQUENCE_EPOCH).days)))
    lines.text("CLASS", "PRIVATE")
    lines.text("DESCRIPTION", description(case_ref, deadline, report, how))
    lines.text("TRANSP", "TRANSPARENT")
    lines.add("URL", deadline.source.url)
    for days in days_before:
        if deadline.safe_date - timedelta(days=days) >= report.today:
            when = "tomorrow" if days == 1 else f"in {days} days"
            lines.add("BEGIN", "VALARM")
            lines.text("ACTION", "DISPLAY")
            lines.text("DESCRIPTION", f"{title}: {when}, {long_date(deadline.safe_date)}")
            # Relative to the start of the all-day event (midnight): the day `days` before, at REMINDER_HOUR.
            lines.add("TRIGGER", _duration(timedelta(days=-days, hours=REMINDER_HOUR)))
            lines.add("END", "VALARM")
    lines.add("END", "VEVENT")


def _date(day: date) -> str:
    return f"{day.year:04}{day.month:02}{day.day:02}"


def _duration(span: timedelta) -> str:
    """A DURATION value (RFC 5545 s.3.3.6), such as -P13DT15H."""
    sign = "-" if span.days < 0 else ""
    span = -span if sign else span
    hours, rest = divmod(span.seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    time = ""
    if span.seconds:
        time = "T" + (f"{hours}H" if hours else "")
        time += f"{minutes}M" if minutes or (hours and seconds) else ""
        time += f"{seconds}S" if seconds else ""
    return f"{sign}P{time}" if span.days == 0 and time else f"{sign}P{span.days}D{time}"


def description(case_ref: str | None, deadline: Deadline, report: Report, how: str | None = None) -> str:
    """The event's text: the dates, the status, what to send and where (when known), the law, the working,
    the notes and the disclaimer."""
    lines: list[str] = []
    if deadline.owner is Owner.POLICE:
        lines.append(
            f"{deadline.title}. This is a duty on the police: if nothing has come by "
            f"{long_date(deadline.safe_date)}, chase it in writing and keep a copy."
        )
        lines.append(f"Who owes it: {deadline.body}")
    else:
        lines.append(f"{deadline.action} by {long_date(deadline.safe_date)}.")
        lines.append(f"Send or file with: {deadline.body}")
    if case_ref:
        lines.append(f"Case: {case_ref}")
    lines += [
        f"{BY_WORDS[deadline.owner].capitalize()} (safe date): {long_date(deadline.safe_date)}",
        f"Last day: {long_date(deadline.last_day)}",
        f"Latest arguable date: {long_date(deadline.latest_date)}",
        f"Counted from: {deadline.trigger.replace('_', ' ')}, {long_date(deadline.trigger_date)} ({deadline.period})",
        f"Status on {long_date(report.today)}: {_status(deadline)}",
        f"Strength: {STRENGTH_WORDS[deadline.strength]}",
        "",
        f"The law: {deadline.source.citation}",
        deadline.source.url,
    ]
    if how:
        lines += ["", "How:", how]
    lines += _section("How the date is worked out", deadline.steps)
    lines += _section("Notes", deadline.notes)
    lines += _section("Warnings", tuple(warning.text for warning in _warnings_about(deadline, report)))
    lines += ["", f"Rule: {deadline.id} (escalate explain {deadline.id})", "", report.disclaimer]
    return "\n".join(lines)


def _section(heading: str, items: tuple[str, ...]) -> list[str]:
    return ["", f"{heading}:", *(f"- {item}" for item in items)] if items else []


_WARNINGS_LISTING_RULES = frozenset({"holiday-horizon", "court-christmas-unknown"})
"""Warnings (engine.compute_deadlines) whose text lists the ids of the deadlines they are about."""
_WARNINGS_IN_NOTES = frozenset({"court-roll-forward"})
"""Warnings that each deadline they concern already explains in its own notes."""


def _warnings_about(deadline: Deadline, report: Report) -> Iterable[CaseWarning]:
    """The case's warnings that bear on this deadline: those that list it, and those about the facts as a
    whole (they list no deadline)."""
    for warning in report.warnings:
        if warning.id in _WARNINGS_IN_NOTES:
            continue
        if warning.id in _WARNINGS_LISTING_RULES:
            if deadline.id in {word.strip(".,;:()") for word in warning.text.split()}:
                yield warning
        else:
            yield warning


def _status(deadline: Deadline) -> str:
    days = deadline.days_left
    if deadline.status == "passed":
        return f"passed (the latest arguable date was {long_date(deadline.latest_date)})"
    if deadline.status == "at-risk":
        return (
            f"AT RISK: the safe date passed {-days} day{'s' if days != -1 else ''} ago; "
            f"{long_date(deadline.latest_date)} can be argued. Act today and take advice"
        )
    left = "due today" if days == 0 else f"{days} day{'s' if days != 1 else ''} left"
    return f"due soon, {left}" if deadline.status == "due-soon" else f"open, {left}"


def _calendar_description(reports: list[Report]) -> str:
    days = sorted({report.today for report in reports})
    when = f" as at {long_date(days[0])}" if len(days) == 1 else ""
    return (
        f"Deadlines worked out by escalate{when}. Each event says how its date was reached and the law "
        "behind it. General information, not legal advice."
    )


LONDON: tuple[str, ...] = (
    "BEGIN:VTIMEZONE",
    f"TZID:{TIMEZONE}",
    f"X-LIC-LOCATION:{TIMEZONE}",
    "BEGIN:DAYLIGHT",
    "DTSTART:19700329T010000",
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3",
    "TZNAME:BST",
    "TZOFFSETFROM:+0000",
    "TZOFFSETTO:+0100",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "DTSTART:19701025T020000",
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10",
    "TZNAME:GMT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0000",
    "END:STANDARD",
    "END:VTIMEZONE",
)
"""Europe/London as a VTIMEZONE: GMT, and BST from the last Sunday of March to the last Sunday of October (the
rule since 1996). Written out, not generated, so that the file is the same whatever time zone data the machine
has."""
