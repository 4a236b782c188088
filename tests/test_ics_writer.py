"""escalate writes its calendars itself (escalate.output.ics, issue 17: icalendar's tree took longer to import
than the rest of the command). The oracle here builds the same calendar with icalendar 7.3 (as escalate did
before) and the bytes must be the same, for the example, for many cases, for every reminder setting and for
references and names that need escaping or fold inside a character. Reading the files back with icalendar is
tests/test_ics.py's."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Alarm, Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard

from escalate.cli.example import EXAMPLE_FACTS, EXAMPLE_TODAY
from escalate.engine.deadlines import compute_deadlines
from escalate.engine.facts import Facts
from escalate.engine.results import Deadline, Report
from escalate.errors import InputError
from escalate.law.dates import ONE_DAY, long_date
from escalate.output import ics
from escalate.output.ics import calendar_for


def with_icalendar(
    cases: Iterable[tuple[str | None, Report]],
    *,
    name: str,
    reminders: Sequence[int] = ics.DEFAULT_REMINDERS,
    include_passed: bool = False,
    how_to: Callable[[Report, Deadline], str | None] | None = None,
) -> bytes:
    """The calendar as icalendar writes it (escalate's own code for it until issue 17)."""
    calendar_name = ics.check_calendar_name(name)
    days_before = ics.check_reminders(reminders)
    calendar = Calendar()
    calendar.add("prodid", ics.PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("name", calendar_name)
    calendar.add("x-wr-calname", calendar_name)
    calendar.add("x-wr-timezone", ics.TIMEZONE)
    reports = []
    events = []
    for case_ref, report in cases:
        ref = None if case_ref is None else ics.check_case_ref(case_ref)
        reports.append(report)
        for deadline in report.deadlines:
            if deadline.status == "passed" and not include_passed:
                continue
            how = how_to(report, deadline) if how_to is not None else None
            title = ics.summary(ref, deadline)
            event = Event()
            event.add("uid", ics.event_uid(ref, deadline))
            event.add("dtstamp", datetime(report.today.year, report.today.month, report.today.day, tzinfo=UTC))
            event.add("sequence", max(0, (report.today - ics.SEQUENCE_EPOCH).days))
            event.add("dtstart", deadline.safe_date)
            event.add("dtend", deadline.safe_date + ONE_DAY)
            event.add("summary", title)
            event.add("description", ics.description(ref, deadline, report, how))
            event.add("url", deadline.source.url)
            event.add("class", "PRIVATE")
            event.add("transp", "TRANSPARENT")
            for days in days_before:
                if deadline.safe_date - timedelta(days=days) >= report.today:
                    alarm = Alarm()
                    alarm.add("action", "DISPLAY")
                    alarm.add("trigger", timedelta(days=-days, hours=ics.REMINDER_HOUR))
                    when = "tomorrow" if days == 1 else f"in {days} days"
                    alarm.add("description", f"{title}: {when}, {long_date(deadline.safe_date)}")
                    event.add_component(alarm)
            events.append(event)
    calendar.add("x-wr-caldesc", ics._calendar_description(reports))
    calendar.add_component(london())
    for event in events:
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data


def london() -> Timezone:
    zone = Timezone()
    zone.add("tzid", ics.TIMEZONE)
    zone.add("x-lic-location", ics.TIMEZONE)
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


def report(today: date = EXAMPLE_TODAY, **changes: str) -> Report:
    return compute_deadlines(Facts.from_strings({**EXAMPLE_FACTS, **changes}, today=today))


def same(cases: list[tuple[str | None, Report]], **options: object) -> None:
    ours = calendar_for(cases, **options)  # type: ignore[arg-type]
    assert ours == with_icalendar(cases, **options)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "options",
    [
        {},
        {"reminders": ()},
        {"reminders": (1,)},
        {"reminders": (365, 30, 2)},
        {"include_passed": True},
        {"how_to": lambda report, deadline: f"Send it; to: {deadline.body}, by email\\post\nthen wait."},
    ],
    ids=["default", "no-reminder", "one-day", "long", "passed-too", "how-to"],
)
def test_the_example_as_icalendar_writes_it(options):
    same([(None, report())], name="Police complaint deadlines", **options)


def test_many_cases_and_days_as_icalendar_writes_them():
    cases: list[tuple[str | None, Report]] = [
        ("AC-0101", report()),
        ("row 2", report(date(2027, 1, 4), outcome_date="2026-12-20")),
        ("Zoë; O'Brien, \\ 案件", report(date(2026, 3, 1), outcome_date="2026-02-27", sar_date="2026-02-01")),
        (
            None,
            report(
                date(2030, 6, 30), incident_date="2030-01-01", complaint_date="2030-02-01", outcome_date="2030-06-02"
            ),
        ),
    ]
    same(cases, name="Team caseload: week 48, 2026; A\\B", include_passed=True)


def test_a_calendar_without_events_as_icalendar_writes_it():
    empty = compute_deadlines(Facts.from_strings({}, today=EXAMPLE_TODAY))
    same([(None, empty)], name="Nothing yet")


# Printable text with what needs escaping (\ ; , and ^, which icalendar keeps off a fold) and characters of
# 2, 3 and 4 octets, which a fold must not split.
TEXT = st.text(alphabet=st.sampled_from(list("ab ,;\\^:é€案😀-")), min_size=1, max_size=64).filter(
    lambda text: text.strip() != ""
)


@settings(max_examples=60, deadline=None)
@given(case_ref=TEXT, name=TEXT, how=TEXT)
def test_any_reference_and_name_as_icalendar_writes_them(case_ref, name, how):
    try:
        ics.check_case_ref(case_ref)
        ics.check_calendar_name(name)
    except InputError:
        return
    same([(case_ref, report())], name=name, how_to=lambda _report, _deadline: how)


@pytest.mark.parametrize(
    ("span", "written"),
    [
        (timedelta(days=-14, hours=9), "-P13DT15H"),
        (timedelta(days=-1, hours=9), "-PT15H"),
        (timedelta(days=-1), "-P1D"),
        (timedelta(days=-2, minutes=30), "-P1DT23H30M"),
        (timedelta(days=-1, seconds=5), "-PT23H59M55S"),
        (timedelta(hours=2, seconds=1), "PT2H0M1S"),
        (timedelta(days=3), "P3D"),
    ],
)
def test_durations_as_rfc_5545_writes_them(span, written):
    # RFC 5545 s.3.3.6 (dur-value), as icalendar's vDuration writes them.
    from icalendar import vDuration

    assert ics._duration(span) == written == vDuration(span).to_ical().decode()


@settings(max_examples=300, deadline=None)
@given(line=st.text(alphabet=st.sampled_from(list("a ,\\^:é€😀")), max_size=400))
def test_lines_fold_as_icalendar_folds_them(line):
    # RFC 5545 s.3.1: before 75 octets, never inside a character; icalendar also keeps a backslash or a caret
    # with the character after it.
    from icalendar.parser import Contentline

    assert ics._folded(line).encode("utf-8") == Contentline(line).to_ical()


@pytest.mark.parametrize("size", [73, 74, 75, 76, 148, 149, 150])
@pytest.mark.parametrize("end", ["", "\\", "^", "\\\\", "é"])
def test_lines_fold_at_the_edges_as_icalendar_folds_them(size, end):
    from icalendar.parser import Contentline

    for line in ("x" * (size - len(end)) + end + "yz", "x" * size, end * size):
        assert ics._folded(line).encode("utf-8") == Contentline(line).to_ical()
