"""Calendar export (RFC 5545): every event read back with icalendar and checked against the report."""

from __future__ import annotations

import io
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar, Event

from escalate.cli.app import main
from escalate.cli.example import EXAMPLE_FACTS, EXAMPLE_TODAY
from escalate.engine.deadlines import compute_deadlines
from escalate.engine.facts import Facts
from escalate.engine.results import Report
from escalate.errors import InputError
from escalate.output.deadlines import DEADLINE_RENDERERS, DeadlinesFormat
from escalate.output.ics import (
    DEFAULT_REMINDERS,
    MAX_REMINDER_DAYS,
    PRODID,
    calendar_for,
    default_calendar_name,
    event_uid,
    parse_reminders,
)

GOLDEN = Path(__file__).resolve().parent / "golden" / "deadlines-example.ics"
"""`escalate deadlines --example --format ics`. After a deliberate change to the output, regenerate it with
`escalate deadlines --example --format ics > tests/golden/deadlines-example.ics` and review the diff."""


def report_for(today: date = EXAMPLE_TODAY, **facts: str) -> Report:
    return compute_deadlines(Facts.from_strings(facts, today=today))


def example_report(**changes: str) -> Report:
    return report_for(EXAMPLE_TODAY, **{**EXAMPLE_FACTS, **changes})


def parse(data: bytes) -> Calendar:
    """Parse with icalendar and check it found nothing wrong in any component."""
    calendar = Calendar.from_ical(data)
    assert isinstance(calendar, Calendar)
    for component in calendar.walk():
        assert component.errors == [], (component.name, component.errors)
    calendar.validate()
    return calendar


def events_by_rule(calendar: Calendar, report: Report, case_ref: str | None = None) -> dict[str, Event]:
    """The events of one case, keyed by the rule id whose UID they carry."""
    uids = {event_uid(case_ref, deadline): deadline.id for deadline in report.deadlines}
    return {uids[str(event["UID"])]: event for event in calendar.events if str(event["UID"]) in uids}


def one_case(report: Report, ref: str | None = None, **options: object) -> Calendar:
    return parse(calendar_for([(ref, report)], name="Test calendar", **options))  # type: ignore[arg-type]


# --- every event, field by field ----------------------------------------------------------------------------


def test_every_open_deadline_is_one_all_day_event_on_its_safe_date():
    report = example_report()
    calendar = one_case(report, "ABC-123")
    events = events_by_rule(calendar, report, "ABC-123")
    expected = {deadline.id for deadline in report.deadlines if deadline.status != "passed"}
    assert set(events) == expected
    assert len(calendar.events) == len(expected)
    for deadline in report.deadlines:
        if deadline.id not in events:
            continue
        event = events[deadline.id]
        assert event["DTSTART"].params["VALUE"] == "DATE"
        assert event["DTEND"].params["VALUE"] == "DATE"
        assert type(event.start) is date and event.start == deadline.safe_date
        assert type(event.end) is date and event.end == deadline.safe_date + timedelta(days=1)
        assert event["DTSTAMP"].dt == datetime(2026, 11, 21, tzinfo=UTC)
        assert event["SEQUENCE"] == (EXAMPLE_TODAY - date(2020, 1, 1)).days
        assert str(event["URL"]) == deadline.source.url
        assert str(event["CLASS"]) == "PRIVATE" and str(event["TRANSP"]) == "TRANSPARENT"
        text = str(event["DESCRIPTION"])
        for needed in (
            f"Last day: {deadline.last_day:%A} {deadline.last_day.day} {deadline.last_day:%B %Y}",
            f"Latest arguable date: {deadline.latest_date:%A} {deadline.latest_date.day}",
            f"Status on Saturday 21 November 2026: {'due soon' if deadline.status == 'due-soon' else 'open'}",
            deadline.source.citation,
            deadline.source.url,
            *deadline.steps,
            *deadline.notes,
            report.disclaimer,
            "Case: ABC-123",
        ):
            assert needed in text, (deadline.id, needed)


@pytest.mark.parametrize(
    ("rule_id", "summary"),
    [
        ("review-request", "[ABC-123] Ask for a review of the outcome"),
        ("human-rights-act", "[ABC-123] Issue a Human Rights Act claim"),
        # A duty on the police: the event says when to chase (RULES.md section 4, owner "police").
        (
            "subject-access",
            "[ABC-123] Chase if nothing by: the police's reply to your subject access request",
        ),
    ],
)
def test_summary_is_the_action_with_the_reference(rule_id, summary):
    report = example_report()
    assert str(events_by_rule(one_case(report, "ABC-123"), report, "ABC-123")[rule_id]["SUMMARY"]) == summary


def test_progress_update_is_a_chase_event_and_no_reference_means_no_brackets():
    report = report_for(date(2026, 3, 1), incident_date="2026-01-10", complaint_date="2026-02-02")
    event = events_by_rule(one_case(report), report)["complaint-update"]
    assert str(event["SUMMARY"]) == "Chase if nothing by: a progress update from the complaint handler"
    assert event.start == date(2026, 3, 2)  # 2 Feb 2026 + 28 days (reg 34(2)(a))
    assert "Case:" not in str(event["DESCRIPTION"])


def test_the_example_calendar_is_named_and_in_london_time():
    calendar = one_case(example_report(), "ABC-123")
    assert str(calendar["X-WR-CALNAME"]) == "Test calendar"
    assert str(calendar["NAME"]) == "Test calendar"
    assert str(calendar["X-WR-TIMEZONE"]) == "Europe/London"
    assert str(calendar["PRODID"]) == PRODID
    assert str(calendar["VERSION"]) == "2.0"
    assert "as at Saturday 21 November 2026" in str(calendar["X-WR-CALDESC"])


def test_default_name_names_the_case():
    assert default_calendar_name(None) == "Police complaint deadlines"
    assert default_calendar_name("  ABC-123 ") == "Police complaint deadlines: ABC-123"


def test_each_event_carries_the_warnings_that_bear_on_it():
    report = report_for(EXAMPLE_TODAY, incident_date="2026-01-10", outcome_date="2026-11-03")
    assert {w.id for w in report.warnings} >= {"regime-assumed", "holiday-horizon", "court-roll-forward"}
    for rule, event in events_by_rule(one_case(report), report).items():
        text = str(event["DESCRIPTION"])
        assert "the 2020 rules" in text  # about the facts as a whole: on every event
        assert ("Bank holidays after" in text) == (rule in ("personal-injury", "civil-claim"))
        assert "the latest date assumes" not in text  # the deadline's own note says it already


def test_no_data_beyond_the_facts():
    text = calendar_for([(None, example_report())], name="x").decode()
    for absent in ("ORGANIZER", "ATTENDEE", "LOCATION", "GEO", "CONTACT"):
        assert f"\r\n{absent}" not in text


# --- reminders ----------------------------------------------------------------------------------------------


def far_report() -> Report:
    """A case whose deadlines are all months away, so every reminder lies ahead (the incident is more than
    31 days ago, so the 30 days to ask for footage to be kept have passed and are not shown)."""
    return report_for(date(2026, 11, 21), outcome_date="2026-11-20", incident_date="2026-10-01")


def test_reminders_at_nine_on_the_days_before():
    report = far_report()
    for deadline_id, event in events_by_rule(one_case(report), report).items():
        day = report.by_id(deadline_id).safe_date  # type: ignore[union-attr]
        alarms = sorted(event.alarms.times, key=lambda alarm: alarm.trigger)
        assert [alarm.trigger for alarm in alarms] == [
            datetime.combine(day - timedelta(days=days), datetime.min.time()).replace(hour=9)
            for days in DEFAULT_REMINDERS
        ]
        for alarm in event.walk("VALARM"):
            assert str(alarm["ACTION"]) == "DISPLAY"
            assert str(event["SUMMARY"]) in str(alarm["DESCRIPTION"])
        assert [alarm["TRIGGER"].to_ical() for alarm in event.walk("VALARM")] == [
            b"-P13DT15H",
            b"-P6DT15H",
            b"-PT15H",
        ]


def test_preserve_evidence_is_in_the_calendar_only_while_not_passed():
    # RULES.md s.7: incident Tue 10 Nov 2026 -> Thu 10 Dec 2026 (safe and last), Fri 11 Dec 2026 (latest).
    report = report_for(date(2026, 11, 21), incident_date="2026-11-10")
    event = events_by_rule(one_case(report), report)["preserve-evidence"]
    assert event.decoded("dtstart") == date(2026, 12, 10)
    gone = report_for(date(2026, 12, 12), incident_date="2026-11-10")
    assert "preserve-evidence" not in events_by_rule(one_case(gone), gone)


def test_reminders_are_configurable():
    report = far_report()
    event = events_by_rule(one_case(report, reminders=(2, 30)), report)["human-rights-act"]
    assert [alarm["TRIGGER"].to_ical() for alarm in event.walk("VALARM")] == [b"-P29DT15H", b"-P1DT15H"]
    assert events_by_rule(one_case(report, reminders=()), report)["review-request"].walk("VALARM") == []


def test_reminders_already_past_are_left_out():
    report = example_report()  # review request due 1 Dec 2026, counted on 21 Nov 2026: 10 days left
    event = events_by_rule(one_case(report), report)["review-request"]
    assert [alarm.trigger.date() for alarm in event.alarms.times] == [date(2026, 11, 24), date(2026, 11, 30)]


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("14,7,1", (14, 7, 1)),
        (" 1, 7 ,14,7", (14, 7, 1)),
        ("30", (30,)),
        ("none", ()),
        ("", ()),
        ("365", (365,)),
    ],
)
def test_parse_reminders(text, days):
    assert parse_reminders(text) == days


@pytest.mark.parametrize("text", ["0", "-1", "1.5", "abc", "14,,7", "366", "7 days", "١٤"])
def test_bad_reminders_name_the_option(text):
    with pytest.raises(InputError) as caught:
        parse_reminders(text)
    assert caught.value.describe("option").startswith("--remind:")


@pytest.mark.parametrize("days", [0, -3, MAX_REMINDER_DAYS + 1, True])
def test_library_rejects_bad_reminders(days):
    with pytest.raises(InputError):
        calendar_for([(None, far_report())], name="x", reminders=(7, days))


# --- UIDs ---------------------------------------------------------------------------------------------------


def uids(report: Report, ref: str | None = "ABC-123") -> dict[str, str]:
    return {rule: str(event["UID"]) for rule, event in events_by_rule(one_case(report, ref), report, ref).items()}


def test_same_facts_give_the_same_bytes():
    assert calendar_for([("A", example_report())], name="x") == calendar_for([("A", example_report())], name="x")


@pytest.mark.parametrize(
    "changes",
    [
        {"prosecution_end_date": "2026-06-01"},  # a new deadline, of its own
        {"discrimination": "no", "detained": "no"},  # flags
        {"knowledge_date": "2026-01-10"},  # personal injury: the same trigger date wins
        {"date_of_birth": "2000-01-01"},  # changes no date here, but could
        {"complaint_date": "2026-03-01"},  # not a trigger of any event shown
    ],
)
def test_uids_unchanged_when_unrelated_facts_change(changes):
    before, after = uids(example_report()), uids(example_report(**changes))
    for rule in before.keys() & after.keys():
        assert before[rule] == after[rule], rule
    assert before.keys() <= after.keys()


def test_uids_unchanged_when_today_changes_but_the_update_supersedes():
    earlier = example_report()
    later = report_for(date(2026, 11, 25), **EXAMPLE_FACTS)
    assert uids(earlier)["review-request"] == uids(later)["review-request"]
    first = events_by_rule(one_case(earlier, "ABC-123"), earlier, "ABC-123")["review-request"]
    second = events_by_rule(one_case(later, "ABC-123"), later, "ABC-123")["review-request"]
    assert second["SEQUENCE"] > first["SEQUENCE"]
    assert second["DTSTAMP"].dt > first["DTSTAMP"].dt


def test_uid_changes_with_the_trigger_and_the_case():
    base = uids(example_report())
    assert uids(example_report(outcome_date="2026-11-04"))["review-request"] != base["review-request"]
    assert uids(example_report(), "ABC-124")["review-request"] != base["review-request"]
    assert uids(example_report(), None)["review-request"] != base["review-request"]


def test_uids_hold_no_case_data():
    for uid in uids(example_report(), "ABC-123").values():
        assert "ABC" not in uid and "2026" not in uid and "review" not in uid
        assert len(uid) == 36  # a UUID


# --- time zones ---------------------------------------------------------------------------------------------


@pytest.fixture
def machine_zone(monkeypatch):
    """Set the process's time zone (TZ plus tzset), and put it back afterwards."""

    def use(zone: str) -> None:
        monkeypatch.setenv("TZ", zone)
        time.tzset()

    yield use
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize("zone", ["Pacific/Kiritimati", "America/Los_Angeles"])
@pytest.mark.skipif(not hasattr(time, "tzset"), reason="time.tzset is Unix only")
def test_events_land_on_the_same_day_in_any_time_zone(machine_zone, run_cli, zone):
    machine_zone("UTC")
    in_utc = run_cli("deadlines", "--example", "--format", "ics").stdout
    machine_zone(zone)
    assert time.localtime(0).tm_gmtoff != 0  # the zone really is in force
    here = run_cli("deadlines", "--example", "--format", "ics")
    assert here.code == 0
    assert here.stdout == in_utc
    report = example_report()
    for rule, event in events_by_rule(parse(here.stdout.encode()), report).items():
        assert event.start == report.by_id(rule).safe_date  # type: ignore[union-attr]


def test_vtimezone_agrees_with_the_time_zone_database():
    calendar = one_case(example_report())
    (zone,) = calendar.timezones
    ours = zone.to_tz(lookup_tzid=False)
    london = ZoneInfo("Europe/London")
    moment = datetime(1997, 1, 1, tzinfo=UTC)
    while moment.year < 2038:  # every 6 hours: catches each change of clocks within hours
        assert moment.astimezone(ours).utcoffset() == moment.astimezone(london).utcoffset(), moment
        moment += timedelta(hours=6)


# --- passed deadlines ---------------------------------------------------------------------------------------


def test_passed_deadlines_left_out_unless_asked_for():
    report = example_report()
    assert report.by_id("equality-act").status == "passed"  # type: ignore[union-attr]
    assert "equality-act" not in events_by_rule(one_case(report), report)
    event = events_by_rule(one_case(report, include_passed=True), report)["equality-act"]
    assert event.start == date(2026, 7, 9)  # incident 10 Jan 2026, 6 months starting with it (s.118(1))
    assert "passed (the latest arguable date was Thursday 9 July 2026)" in str(event["DESCRIPTION"])
    assert event.walk("VALARM") == []  # no reminder of a day gone


def test_at_risk_deadlines_stay_in():
    # Judicial review: decision Fri 28 Nov 2025; safe Sat 28 Feb 2026, latest Mon 2 Mar 2026 (RULES.md s.7).
    report = report_for(date(2026, 3, 1), review_decision_date="2025-11-28", complaint_date="2025-01-01")
    event = events_by_rule(one_case(report), report)["judicial-review"]
    assert event.start == date(2026, 2, 28)
    assert "AT RISK" in str(event["DESCRIPTION"]) and "Monday 2 March 2026 can be argued" in str(event["DESCRIPTION"])


def test_a_calendar_with_no_event_is_still_valid(run_cli):
    report = report_for(date(2040, 1, 1), incident_date="2026-01-10", complaint_date="2026-02-02")
    calendar = one_case(report)
    assert calendar.events == [] and len(calendar.timezones) == 1
    result = run_cli(
        "deadlines",
        "--incident-date",
        "2026-01-10",
        "--complaint-date",
        "2026-02-02",
        "--today",
        "2040-01-01",
        "-f",
        "ics",
    )
    assert result.code == 0
    assert "have passed and are not in the calendar" in result.stderr
    assert "the calendar has no event" in result.stderr
    parse(result.stdout.encode())


# --- several cases ------------------------------------------------------------------------------------------


def test_several_cases_in_one_calendar():
    cases = [
        ("ABC-1", example_report()),
        ("ABC-2", example_report()),  # the same dates: only the reference tells them apart
        ("XYZ-9", report_for(date(2026, 11, 21), outcome_date="2026-11-20")),
        (None, report_for(date(2026, 11, 21), sar_date="2026-11-02")),
    ]
    calendar = parse(calendar_for(cases, name="Team caseload"))
    all_uids = [str(event["UID"]) for event in calendar.events]
    assert len(all_uids) == len(set(all_uids))
    expected = sum(d.status != "passed" for _, report in cases for d in report.deadlines)
    assert len(all_uids) == expected
    for ref, report in cases:
        events = events_by_rule(calendar, report, ref)
        assert len(events) == sum(d.status != "passed" for d in report.deadlines)
        for rule, event in events.items():
            assert event.start == report.by_id(rule).safe_date  # type: ignore[union-attr]
            assert str(event["SUMMARY"]).startswith(f"[{ref}] ") == (ref is not None)
    assert str(calendar["X-WR-CALNAME"]) == "Team caseload"


@pytest.mark.parametrize("ref", ["ABC-1", None])
def test_two_cases_that_cannot_be_told_apart_are_refused(ref):
    with pytest.raises(InputError, match="own reference"):
        calendar_for([(ref, example_report()), (ref, example_report())], name="x")


@pytest.mark.parametrize(
    ("ref", "name"),
    [("", "x"), ("a\x01b", "x"), ("a" * 65, "x"), ("A", ""), ("A", "\x1b[31mred"), ("A", "n" * 121)],
)
def test_bad_reference_or_name_is_an_input_error(ref, name):
    with pytest.raises(InputError):
        calendar_for([(ref, example_report())], name=name)


# --- the bytes: CRLF and folding ----------------------------------------------------------------------------


def test_names_are_one_line():
    calendar = parse(calendar_for([(" ABC\n 1 ", example_report())], name="Team\r\ncaseload"))
    assert str(calendar["X-WR-CALNAME"]) == "Team caseload"
    assert all(str(event["SUMMARY"]).startswith("[ABC 1] ") for event in calendar.events)


def test_crlf_line_endings_and_75_octet_folding():
    ref = "Réf-Ωμέγα-€€€-" + "x" * 40  # multi-byte characters: folding counts octets, not characters
    data = calendar_for([(ref, example_report())], name="Calendrier très long " + "é" * 80)
    assert data.endswith(b"\r\n")
    lines = data.split(b"\r\n")[:-1]
    assert b"\n" not in data.replace(b"\r\n", b"") and b"\r" not in data.replace(b"\r\n", b"")
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)  # something was folded
    for line in lines:
        line.decode("utf-8")  # no character split across a fold
    calendar = parse(data)
    assert str(calendar["X-WR-CALNAME"]) == "Calendrier très long " + "é" * 80
    assert all(str(event["SUMMARY"]).startswith(f"[{ref}]") for event in calendar.events)


def test_round_trip_through_icalendar():
    data = calendar_for([("ABC-123", example_report())], name="x")
    assert Calendar.from_ical(data).to_ical() == data


# --- the command line ---------------------------------------------------------------------------------------


def test_every_deadlines_format_has_a_renderer():
    assert set(DEADLINE_RENDERERS) == set(DeadlinesFormat)


def test_golden_example(run_cli):
    result = run_cli("deadlines", "--example", "--format", "ics")
    assert result.code == 0, result.stderr
    golden = GOLDEN.read_bytes()
    assert result.stdout.encode("utf-8") == golden
    calendar = parse(golden)
    assert Calendar.from_ical(golden).to_ical() == golden
    assert len(calendar.events) == 5  # six deadlines, one passed (equality-act)
    assert "1 deadline has passed and is not in the calendar" in result.stderr


def test_bytes_go_to_the_binary_buffer_untranslated(monkeypatch):
    raw = io.BytesIO()
    stdout = io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
    monkeypatch.setattr(sys, "stdout", stdout)
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    with pytest.raises(SystemExit) as done:
        main(["deadlines", "--example", "--format", "ics"])
    stdout.flush()
    assert done.value.code == 0
    assert raw.getvalue() == GOLDEN.read_bytes()


def test_real_process_output_and_lazy_import():
    """Through a real process: the same bytes on stdout, and icalendar never imported (escalate writes the
    calendar itself: tests/test_ics_writer.py)."""
    command = [sys.executable, "-X", "importtime", "-m", "escalate", "deadlines", "--example"]
    ics = subprocess.run([*command, "--format", "ics"], capture_output=True, check=True)
    assert ics.stdout == GOLDEN.read_bytes()
    assert b"icalendar" not in ics.stderr
    table = subprocess.run(command, capture_output=True, check=True)
    assert b"icalendar" not in table.stderr


def test_calendar_options_from_the_command_line(run_cli):
    result = run_cli(
        "deadlines",
        "--example",
        "-f",
        "ics",
        "--remind",
        "3",
        "--include-passed",
        "--case-ref",
        "ABC-123",
        "--calendar-name",
        "My complaint",
    )
    assert result.code == 0, result.stderr
    calendar = parse(result.stdout.encode())
    assert str(calendar["X-WR-CALNAME"]) == "My complaint"
    assert len(calendar.events) == 6
    assert all(str(event["SUMMARY"]).startswith("[ABC-123] ") for event in calendar.events)
    triggers = {alarm["TRIGGER"].to_ical() for event in calendar.events for alarm in event.walk("VALARM")}
    assert triggers == {b"-P2DT15H"}
    default = parse(run_cli("deadlines", "--example", "-f", "ics", "--case-ref", "ABC-123").stdout.encode())
    assert str(default["X-WR-CALNAME"]) == "Police complaint deadlines: ABC-123"


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["-f", "ics", "--remind", "0"], "--remind"),
        (["-f", "ics", "--remind", "7,x"], "--remind"),
        (["-f", "ics", "--case-ref", "a\tb\x07"], "--case-ref"),
        (["-f", "ics", "--calendar-name", " "], "--calendar-name"),
        (["--remind", "7"], "--remind"),  # calendar options with another format
        (["-f", "json", "--case-ref", "A", "--include-passed"], "--include-passed, --case-ref"),
    ],
)
def test_bad_calendar_options_one_line_exit_2(run_cli, args, named):
    result = run_cli("deadlines", "--example", *args)
    assert result.code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"escalate: error: {named}")


# --- property: whatever the dates, each event is its deadline -----------------------------------------------

days = st.dates(min_value=date(2015, 1, 1), max_value=date(2035, 12, 31))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(incident=days, gap=st.integers(0, 400), outcome_gap=st.integers(0, 400), offset=st.integers(-800, 800))
def test_each_event_is_its_deadline(incident, gap, outcome_gap, offset):
    complaint = incident + timedelta(days=gap)
    outcome = complaint + timedelta(days=outcome_gap)
    today = outcome + timedelta(days=offset)
    facts = Facts(today=today, incident_date=incident, complaint_date=complaint, outcome_date=outcome, sar_date=outcome)
    report = compute_deadlines(facts)
    calendar = parse(calendar_for([(None, report)], name="x", include_passed=True))
    events = events_by_rule(calendar, report)
    assert len(events) == len(calendar.events) == len(report.deadlines)
    for deadline in report.deadlines:
        event = events[deadline.id]
        assert event.start == deadline.safe_date and event.end == deadline.safe_date + timedelta(days=1)
        for alarm in event.alarms.times:
            assert today <= alarm.trigger.date() < deadline.safe_date


def test_help_lists_the_calendar_options(run_cli):
    result = run_cli("deadlines", "--help")
    assert result.code == 0
    for option in ("--remind", "--include-passed", "--case-ref", "--calendar-name", "ics"):
        assert option in result.stdout


# --- escalate route --format ics ---------------------------------------------------------------------------


def test_route_calendar_has_the_same_events_with_the_how_to(run_cli):
    result = run_cli("route", "--example", "--format", "ics", "--case-ref", "R-1")
    assert result.code == 0, result.stderr
    calendar = parse(result.stdout.encode("utf-8"))
    report = example_report()
    events = events_by_rule(calendar, report, "R-1")
    assert set(events) == {d.id for d in report.deadlines if d.status != "passed"}
    review = str(events["review-request"]["DESCRIPTION"])
    assert "How:" in review
    assert "review form" in review and "outcome letter" in review  # issue 3: the IOPC form and the letter
    same = parse(run_cli("deadlines", "--example", "--format", "ics", "--case-ref", "R-1").stdout.encode("utf-8"))
    assert {str(e["UID"]) for e in same.events} == {str(e["UID"]) for e in calendar.events}


def test_route_calendar_options_need_ics(run_cli):
    result = run_cli("route", "--example", "--remind", "3")
    assert (result.code, result.stdout) == (2, "")
    assert result.stderr == "escalate: error: --remind: only used with --format ics\n"


# --- escalate batch --format ics ---------------------------------------------------------------------------

CASELOAD = Path(__file__).resolve().parent.parent / "examples" / "caseload.csv"


def test_batch_calendar_has_every_case_with_unique_uids(run_cli):
    import csv as csv_module

    result = run_cli("batch", str(CASELOAD), "--today", "2026-11-21", "--format", "ics", "--calendar-name", "Team")
    assert result.code == 0, result.stderr
    calendar = parse(result.stdout.encode("utf-8"))
    assert str(calendar["X-WR-CALNAME"]) == "Team"
    uids = [str(event["UID"]) for event in calendar.events]
    assert len(uids) == len(set(uids))
    with CASELOAD.open(encoding="utf-8", newline="") as handle:
        cases = list(csv_module.DictReader(handle))
    expected = 0
    for case in cases:
        facts = {key.lower().replace(" ", "_"): value for key, value in case.items()}
        report = compute_deadlines(
            Facts.from_strings(
                {k: v for k, v in facts.items() if k in {f for f in Facts.__dataclass_fields__ if f != "today"}},
                today=date(2026, 11, 21),
            )
        )
        events = events_by_rule(calendar, report, case["Case ref"])
        assert set(events) == {d.id for d in report.deadlines if d.status != "passed"}, case["Case ref"]
        expected += len(events)
    assert expected == len(uids)
    assert "12 rows read, 0 with errors" in result.stderr


def test_batch_calendar_from_the_output_extension_and_rows_with_errors(run_cli, tmp_path):
    source = tmp_path / "cases.csv"
    source.write_text(
        "Case ID,Outcome date,Incident date\nA-1,2026-11-03,2026-06-01\nA-2,31/02/2026,\nA-1,2026-11-10,\n",
        encoding="utf-8",
    )
    target = tmp_path / "team.ics"
    result = run_cli("batch", str(source), "-o", str(target), "--today", "2026-11-21")
    assert result.code == 3  # some rows carry errors (README, exit codes)
    assert "row 2: outcome_date: '31/02/2026' is not a real date" in result.stderr
    calendar = parse(target.read_bytes())
    titles = {str(event["SUMMARY"]) for event in calendar.events}
    assert "[A-1] Ask for a review of the outcome" in titles
    assert "[A-1 (row 3)] Ask for a review of the outcome" in titles  # a repeated reference keeps its own events


def test_batch_calendar_options_need_ics(run_cli):
    result = run_cli("batch", str(CASELOAD), "--today", "2026-11-21", "--remind", "3")
    assert (result.code, result.stdout) == (2, "")
    assert result.stderr == "escalate: error: --remind: only used with --format ics\n"


def test_batch_calendar_from_json_lines_on_stdin(run_cli):
    lines = '{"case_ref": "J-1", "outcome_date": "2026-11-03"}\n{"case_ref": "J-2", "sar_date": "2026-11-01"}\n'
    result = run_cli("batch", "-", "--format", "ics", "--today", "2026-11-21", stdin=lines)
    assert result.code == 0, result.stderr
    titles = {str(event["SUMMARY"]) for event in parse(result.stdout.encode("utf-8")).events}
    assert titles == {
        "[J-1] Ask for a review of the outcome",
        "[J-2] Chase if nothing by: the police's reply to your subject access request",
    }


@pytest.mark.parametrize(
    ("stdin", "expected"),
    [
        ("", "the input is empty"),
        ("a,b\n1,2\n", "no column of the first row ('a', 'b') names a fact"),
        (b"\xff\xfeO\x00u\x00", "looks like UTF-16"),
    ],
)
def test_batch_calendar_refuses_unreadable_input_as_csv_output_does(run_cli, stdin, expected):
    result = run_cli("batch", "-", "--format", "ics", "--today", "2026-11-21", stdin=stdin)
    assert (result.code, result.stdout) == (2, "")
    assert result.stderr.count("\n") == 1 and expected in result.stderr
