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

The ``icalendar`` package is imported only when a calendar is made: it takes 25 to 50 ms to import, and the
other commands do not need it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from escalate.engine.results import CaseWarning, Deadline, Report
from escalate.errors import InputError
from escalate.law.dates import ONE_DAY, long_date
from escalate.law.rules import BY_WORDS, Owner, Strength

if TYPE_CHECKING:
    from icalendar import Alarm, Event, Timezone

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
    from icalendar import Calendar

    calendar_name = check_calendar_name(name)
    days_before = check_reminders(reminders)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    # No METHOD: iTIP's PUBLISH would call for an ORGANIZER, which is data the facts do not give.
    calendar.add("name", calendar_name)
    calendar.add("x-wr-calname", calendar_name)
    calendar.add("x-wr-timezone", TIMEZONE)
    reports: list[Report] = []
    seen: set[str] = set()
    events: list[Event] = []
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
            events.append(_event(ref, deadline, report, uid, days_before, how))
    calendar.add("x-wr-caldesc", _calendar_description(reports))
    calendar.add_component(_london())
    for event in events:
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data


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
    case_ref: str | None,
    deadline: Deadline,
    report: Report,
    uid: str,
    days_before: tuple[int, ...],
    how: str | None = None,
) -> Event:
    from icalendar import Event

    title = summary(case_ref, deadline)
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", datetime(report.today.year, report.today.month, report.today.day, tzinfo=UTC))
    event.add("sequence", max(0, (report.today - SEQUENCE_EPOCH).days))
    event.add("dtstart", deadline.safe_date)
    event.add("dtend", deadline.safe_date + ONE_DAY)
    event.add("summary", title)
    event.add("description", description(case_ref, deadline, report, how))
    event.add("url", deadline.source.url)
    event.add("class", "PRIVATE")
    event.add("transp", "TRANSPARENT")
    for days in days_before:
        if deadline.safe_date - timedelta(days=days) >= report.today:
            event.add_component(_alarm(days, title, deadline.safe_date))
    return event


def _alarm(days: int, title: str, day: date) -> Alarm:
    from icalendar import Alarm

    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    # Relative to the start of the all-day event (midnight): the day `days` before, at REMINDER_HOUR.
    alarm.add("trigger", timedelta(days=-days, hours=REMINDER_HOUR))
    when = "tomorrow" if days == 1 else f"in {days} days"
    alarm.add("description", f"{title}: {when}, {long_date(day)}")
    return alarm


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


def _london() -> Timezone:
    """Europe/London as a VTIMEZONE: GMT, and BST from the last Sunday of March to the last Sunday of
    October (the rule since 1996). Written out, not generated, so that the file is the same whatever time
    zone data the machine has."""
    from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

    zone = Timezone()
    zone.add("tzid", TIMEZONE)
    zone.add("x-lic-location", TIMEZONE)
    summer = TimezoneDaylight()
    summer.add("tzoffsetfrom", timedelta(0))
    summer.add("tzoffsetto", timedelta(hours=1))
    summer.add("tzname", "BST")
    summer.add("dtstart", datetime(1970, 3, 29, 1, 0))
    summer.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1su"})
    winter = TimezoneStandard()
    winter.add("tzoffsetfrom", timedelta(hours=1))
    winter.add("tzoffsetto", timedelta(0))
    winter.add("tzname", "GMT")
    winter.add("dtstart", datetime(1970, 10, 25, 2, 0))
    winter.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1su"})
    zone.add_component(summer)
    zone.add_component(winter)
    return zone
