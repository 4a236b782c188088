"""The legal edges of every deadline, as tables of facts.

Every expected date below was worked out by hand from /work/shared/RULES.md and the law it cites,
never by running escalate. Weekdays were checked against a calendar and bank holidays against
GOV.UK's list (https://www.gov.uk/bank-holidays). Each row says where its answer comes from.

Abbreviations in the comments:
  s.N      RULES.md section N (s.7 = the worked examples)
  +Nm      add_months(trigger, N): the corresponding date, or the month's last day (Dodds v Walker)
  SW       STARTING_WITH: the day before the corresponding date, or the month's last day (s.2)
  SW2      the second STARTING_WITH reading, add_months(trigger, N) - 1 day (s.2)
  CPR 2.8  the court-office roll of latest_date to the next court-open day (s.3, CPR 2.8(5))
  BH       England and Wales bank holiday
  closure  extra HMCTS court-office closure listed in s.3
"""

from datetime import date, timedelta

import pytest

from escalate import Facts, InputError, compute_deadlines
from escalate.engine.calculate import birthday_until, run_counter
from escalate.errors import DateFormatError
from escalate.law.dates import add_months, add_years, parse_date
from escalate.law.rules import RULES_BY_ID

TODAY = date(2026, 11, 21)
_d = date.fromisoformat

DATE_FACTS = {
    "today", "incident_date", "complaint_date", "last_update_date", "outcome_date", "outcome_received_date",
    "review_request_date", "review_decision_date", "knowledge_date", "date_of_birth", "prosecution_end_date", "sar_date",
}  # fmt: skip


def facts(**known: object) -> Facts:
    """Facts with a fixed `today`; ISO strings for date facts (s.1) are read as dates."""
    values = {k: _d(v) if isinstance(v, str) and k in DATE_FACTS else v for k, v in known.items()}
    values.setdefault("today", TODAY)
    return Facts(**values)


def deadline(rule_id: str, **known: object):
    report = compute_deadlines(facts(**known))
    found = report.by_id(rule_id)
    assert found is not None, f"{rule_id} does not appear for {known}"
    return found


def three_dates(rule_id: str, **known: object) -> tuple[date, date, date]:
    d = deadline(rule_id, **known)
    return d.safe_date, d.last_day, d.latest_date


def ids(**known: object) -> set[str]:
    return {d.id for d in compute_deadlines(facts(**known)).deadlines}


# The tables below are kept out of the formatter (fmt: off/on) so that each case stays on one line with
# its source beside it (STYLE.md: "Tests read like a table of legal facts").

# ---------------------------------------------------------------------------------------------
# Counting conventions (s.2)
# ---------------------------------------------------------------------------------------------

# fmt: off
ADD_MONTHS = [
    # start        n    expected      source
    ("2025-01-10", 0, "2025-01-10"),  # zero months: the day itself
    ("2024-01-31", 1, "2024-02-29"),  # s.2: no 31 Feb, so the month's last day (leap year)
    ("2023-01-31", 1, "2023-02-28"),  # s.2: no 31 Feb, so the month's last day (common year)
    ("2024-01-31", 2, "2024-03-31"),  # s.2: whole months from the original date, not 31 Jan -> 29 Feb -> 29 Mar
    ("2025-03-31", 1, "2025-04-30"),  # s.2: no 31 April
    ("2023-11-30", 3, "2024-02-29"),  # s.2: 30 Nov + 3 months, leap February
    ("2024-11-30", 3, "2025-02-28"),  # s.2: 30 Nov + 3 months, common February
    ("2025-08-31", 6, "2026-02-28"),  # s.2: 31 Aug + 6 months
    ("2024-12-31", 1, "2025-01-31"),  # across a year end
    ("2025-10-31", 3, "2026-01-31"),  # across a year end, 31st kept
    ("2025-01-31", 13, "2026-02-28"),  # more than a year of months
    ("2024-02-29", 12, "2025-02-28"),  # s.2: 29 Feb 2024 + 1 year = 28 Feb 2025
    ("2024-02-29", 48, "2028-02-29"),  # 29 Feb + 4 years lands on a 29 Feb again
    ("2099-11-30", 3, "2100-02-28"),  # 2100 is not a leap year (Gregorian century rule)
]
# fmt: on


@pytest.mark.parametrize(("start", "n", "expected"), ADD_MONTHS)
def test_add_months(start: str, n: int, expected: str) -> None:
    assert add_months(_d(start), n) == _d(expected)


def test_add_months_counts_from_the_original_date_not_month_by_month() -> None:
    # s.2: "31 Jan + 1 + 1 month != 31 Jan + 2 months"
    assert add_months(add_months(date(2024, 1, 31), 1), 1) == date(2024, 3, 29)
    assert add_months(date(2024, 1, 31), 2) == date(2024, 3, 31)


# fmt: off
ADD_YEARS = [
    # start        n   expected      source
    ("2024-02-29", 1, "2025-02-28"),  # s.2: add_years(29 Feb 2024, 1) = 28 Feb 2025
    ("2024-02-29", 4, "2028-02-29"),  # leap to leap
    ("1996-02-29", 4, "2000-02-29"),  # 2000 is a leap year (divisible by 400)
    ("2096-02-29", 4, "2100-02-28"),  # 2100 is not
    ("2023-03-01", 1, "2024-03-01"),  # 1 March stays 1 March across a leap day
    ("1999-12-31", 1, "2000-12-31"),  # year end
    ("1967-09-05", 3, "1970-09-05"),  # Pritam Kaur's accident + 3 years (s.7)
    ("2024-01-10", 6, "2030-01-10"),  # s.7 civil-claim example
]
# fmt: on


@pytest.mark.parametrize(("start", "n", "expected"), ADD_YEARS)
def test_add_years(start: str, n: int, expected: str) -> None:
    assert add_years(_d(start), n) == _d(expected)
    assert add_years(_d(start), n) == add_months(_d(start), 12 * n)  # s.2: add_years = add_months(12 n)


# fmt: off
PARSE_ACCEPTED = [
    # text              expected      source
    ("2026-03-01", "2026-03-01"),  # s.1 ISO
    ("01/03/2026", "2026-03-01"),  # s.1 UK day-first, padded
    ("1/3/2026", "2026-03-01"),  # s.1 UK day-first, unpadded
    ("1 March 2026", "2026-03-01"),  # s.1 words
    ("1 Mar 2026", "2026-03-01"),  # s.1 words, short month
    ("03/01/2026", "2026-01-03"),  # day-first: 3 January, not 1 March
    ("12/01/2026", "2026-01-12"),  # day-first: 12 January, not 1 December
    ("29/02/2024", "2024-02-29"),  # a real leap day
    ("31 December 2026", "2026-12-31"),  # words, last day of the year
    ("1900-01-01", "1900-01-01"),  # s.1: first year inside 1900-2100
    ("31/12/2100", "2100-12-31"),  # s.1: last year inside 1900-2100
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), PARSE_ACCEPTED)
def test_parse_date_accepts(text: str, expected: str) -> None:
    assert parse_date(text) == _d(expected)


# fmt: off
PARSE_REJECTED = [
    "31/02/2026",  # s.1: an impossible date
    "29/02/2025",  # impossible: 2025 is not a leap year
    "2026-02-30",  # impossible, ISO form
    "32/01/2026",  # impossible day
    "01/13/2026",  # impossible month (a US-style reading of 13 January)
    "1/3/26",  # s.1: a two-digit year
    "01/03/26",  # s.1: a two-digit year, padded
    "1 March 26",  # s.1: a two-digit year, words
    "1899-12-31",  # s.1: year before 1900
    "1/3/1899",  # s.1: year before 1900, day-first
    "2101-01-01",  # s.1: year after 2100
    "1 March 2101",  # s.1: year after 2100, words
    "2026/03/01",  # s.1: not one of the accepted forms
    "1 Smarch 2026",  # not a month
    "garbage",  # s.1: anything else
    "",  # empty
]
# fmt: on


@pytest.mark.parametrize("text", PARSE_REJECTED)
def test_parse_date_rejects(text: str) -> None:
    with pytest.raises(DateFormatError):
        parse_date(text)


def test_date_format_error_is_a_value_error() -> None:
    assert issubclass(DateFormatError, ValueError)


# ---------------------------------------------------------------------------------------------
# complaint: 12 months AFTER the incident, no roll (s.4)
# ---------------------------------------------------------------------------------------------

# fmt: off
COMPLAINT = [
    # incident      all three     source
    ("2024-01-10", "2025-01-10"),  # +12m
    ("2024-02-29", "2025-02-28"),  # +12m from 29 Feb: 28 Feb (s.2)
    ("2023-02-28", "2024-02-28"),  # +12m: 28 Feb stays 28 Feb in a leap year
    ("2025-03-01", "2026-03-01"),  # +12m lands on Sun 1 Mar 2026: NONE, no roll
    ("2025-12-25", "2026-12-25"),  # +12m lands on Christmas Day (Fri): NONE, no roll
    ("2024-12-31", "2025-12-31"),  # year end
]
# fmt: on


@pytest.mark.parametrize(("incident", "expected"), COMPLAINT)
def test_complaint(incident: str, expected: str) -> None:
    d = deadline("complaint", incident_date=incident)
    assert (d.safe_date, d.last_day, d.latest_date) == (_d(expected),) * 3
    assert (d.owner, d.strength, d.trigger) == ("you", "guidance", "incident_date")


# ---------------------------------------------------------------------------------------------
# complaint-update: 28 days after the last update, else after the complaint (reg 34(2)(a))
# ---------------------------------------------------------------------------------------------

# fmt: off
COMPLAINT_UPDATE = [
    # complaint     last update   trigger              all three     source
    ("2026-01-31", None, "complaint_date", "2026-02-28"),  # +28 days, Saturday: no roll
    ("2024-02-01", None, "complaint_date", "2024-02-29"),  # +28 days into a leap day
    ("2025-12-04", None, "complaint_date", "2026-01-01"),  # +28 days across the year end, New Year's Day: no roll
    ("2025-11-01", "2025-12-20", "last_update_date", "2026-01-17"),  # s.4: last_update_date wins; +28 days
    ("2025-11-01", "2025-11-01", "last_update_date", "2025-11-29"),  # update on the complaint day itself
]
# fmt: on


@pytest.mark.parametrize(("complaint", "update", "trigger", "expected"), COMPLAINT_UPDATE)
def test_complaint_update(complaint: str, update: str | None, trigger: str, expected: str) -> None:
    d = deadline("complaint-update", complaint_date=complaint, last_update_date=update)
    assert (d.safe_date, d.last_day, d.latest_date) == (_d(expected),) * 3
    assert d.trigger == trigger
    # RULES s.4 "Police duties": the update duty is subject to reg 51(2) (exceptional circumstances), so not "strict"
    assert (d.owner, d.strength) == ("police", "discretionary")


# ---------------------------------------------------------------------------------------------
# review-request: 28 days starting with the day after (reg 29(2)); no roll; latest from receipt
# ---------------------------------------------------------------------------------------------

# fmt: off
REVIEW_REQUEST = [
    # outcome       received      safe          last          latest        source
    ("2025-04-01", None, "2025-04-29", "2025-04-29", "2025-04-29"),  # s.7: IOPC's own example, Tue 29 Apr 2025
    ("2026-03-01", None, "2026-03-29", "2026-03-29", "2026-03-29"),  # s.7: Sun 29 Mar 2026, no roll-forward
    ("2026-02-28", None, "2026-03-28", "2026-03-28", "2026-03-28"),  # Saturday: no extra time (s.4)
    ("2025-11-27", None, "2025-12-25", "2025-12-25", "2025-12-25"),  # Christmas Day: no extra time (s.4)
    ("2025-12-04", None, "2026-01-01", "2026-01-01", "2026-01-01"),  # New Year's Day across a year end: no roll
    ("2024-02-01", None, "2024-02-29", "2024-02-29", "2024-02-29"),  # into a leap day
    ("2026-03-01", "2026-03-04", "2026-03-29", "2026-03-29", "2026-04-01"),  # latest = received + 28 days (s.4)
    ("2026-03-01", "2026-03-01", "2026-03-29", "2026-03-29", "2026-03-29"),  # received the same day: not later
]
# fmt: on


@pytest.mark.parametrize(("outcome", "received", "safe", "last", "latest"), REVIEW_REQUEST)
def test_review_request(outcome: str, received: str | None, safe: str, last: str, latest: str) -> None:
    d = deadline("review-request", outcome_date=outcome, outcome_received_date=received)
    assert (d.safe_date, d.last_day, d.latest_date) == (_d(safe), _d(last), _d(latest))
    assert (d.owner, d.strength, d.trigger) == ("you", "discretionary", "outcome_date")


def test_review_request_on_a_sunday_suggests_email() -> None:
    # s.4: "No extra time: say so, and suggest sending by email so it is received in time."
    d = deadline("review-request", outcome_date="2026-03-01")
    words = " ".join(d.steps + d.notes).lower()
    assert "mail" in words


# fmt: off
REGIME = [
    # complaint     outcome       regime  review-request (all three)  source
    ("2020-01-31", "2020-06-01", "2012", "2020-06-29"),  # s.4: before 1 Feb 2020 -> 2012 rules, same 28-day count (reg 11(3))
    ("2020-02-01", "2020-06-01", "2020", "2020-06-29"),  # s.4: on 1 Feb 2020 -> 2020 rules
    ("2012-06-01", "2012-09-10", "2012", "2012-10-08"),  # 2012 regime, +28 days
    (None, "2025-04-01", "2020", "2025-04-29"),  # s.4: complaint date unknown -> assume 2020
]
# fmt: on


@pytest.mark.parametrize(("complaint", "outcome", "regime", "expected"), REGIME)
def test_regime(complaint: str | None, outcome: str, regime: str, expected: str) -> None:
    report = compute_deadlines(facts(complaint_date=complaint, outcome_date=outcome))
    assert report.regime == regime
    d = report.by_id("review-request")
    assert d is not None
    assert (d.safe_date, d.last_day, d.latest_date) == (_d(expected),) * 3


# ---------------------------------------------------------------------------------------------
# judicial-review: 3 months AFTER (CPR 54.5(1)); court-office roll of latest (CPR 2.8(5))
# letter-before-claim: judicial-review.last_day - 14 days, no roll
# ---------------------------------------------------------------------------------------------

# fmt: off
JUDICIAL_REVIEW = [
    # review decision  safe          last          latest        source
    ("2025-11-28", "2026-02-28", "2026-02-28", "2026-03-02"),  # s.7: Sat 28 Feb 2026 / same / Mon 2 Mar 2026
    ("2025-11-30", "2026-02-28", "2026-02-28", "2026-03-02"),  # +3m: 30 Nov -> 28 Feb (Sat); CPR 2.8 -> Mon
    ("2023-11-30", "2024-02-29", "2024-02-29", "2024-02-29"),  # +3m: 30 Nov -> 29 Feb (leap, Thu)
    ("2025-08-31", "2025-11-30", "2025-11-30", "2025-12-01"),  # +3m: 31 Aug -> 30 Nov (Sun); CPR 2.8 -> Mon 1 Dec
    ("2025-10-31", "2026-01-31", "2026-01-31", "2026-02-02"),  # across a year end; Sat -> Mon 2 Feb
    ("2025-10-01", "2026-01-01", "2026-01-01", "2026-01-02"),  # New Year's Day (BH, Thu) -> Fri 2 Jan
    ("2025-09-25", "2025-12-25", "2025-12-25", "2025-12-29"),  # Christmas Day Thu; Boxing Day Fri; weekend -> Mon 29
    ("2026-09-28", "2026-12-28", "2026-12-28", "2026-12-29"),  # Mon 28 Dec 2026 = Boxing Day substitute BH -> Tue 29
    ("2021-09-27", "2021-12-27", "2021-12-27", "2021-12-29"),  # Mon 27 Dec 2021 (Christmas substitute), Tue 28 (Boxing substitute)
    ("2026-01-06", "2026-04-06", "2026-04-06", "2026-04-07"),  # Easter Monday 6 Apr 2026 -> Tue 7 Apr
    ("2026-01-03", "2026-04-03", "2026-04-03", "2026-04-07"),  # Good Friday 3 Apr 2026; weekend; Easter Monday -> Tue 7 Apr
    ("2017-09-27", "2017-12-27", "2017-12-27", "2017-12-28"),  # closure Wed 27 Dec 2017 -> Thu 28 Dec
    ("2018-09-24", "2018-12-24", "2018-12-24", "2018-12-27"),  # closure Mon 24 Dec 2018; 25, 26 BH -> Thu 27 Dec
    ("2021-09-24", "2021-12-24", "2021-12-24", "2021-12-29"),  # closure Fri 24 Dec 2021; weekend; 27, 28 BH -> Wed 29 Dec
    ("2024-09-27", "2024-12-27", "2024-12-27", "2024-12-30"),  # closure Fri 27 Dec 2024; weekend -> Mon 30 Dec
    ("2025-09-24", "2025-12-24", "2025-12-24", "2025-12-29"),  # closure Wed 24 Dec 2025; 25, 26 BH; weekend -> Mon 29 Dec
    ("2025-05-14", "2025-08-14", "2025-08-14", "2025-08-14"),  # ordinary Thursday: all three equal
]
# fmt: on


@pytest.mark.parametrize(("decision", "safe", "last", "latest"), JUDICIAL_REVIEW)
def test_judicial_review_from_review_decision(decision: str, safe: str, last: str, latest: str) -> None:
    d = deadline("judicial-review", review_decision_date=decision)
    assert (d.safe_date, d.last_day, d.latest_date) == (_d(safe), _d(last), _d(latest))
    assert (d.owner, d.strength, d.trigger) == ("you", "strict", "review_decision_date")


@pytest.mark.parametrize("investigation", ["iopc", "iopc-directed"])
def test_judicial_review_from_outcome_when_iopc_investigated(investigation: str) -> None:
    # s.4 and s.6: no right of review when the IOPC investigated or directed it; JR runs from the outcome.
    # Outcome Fri 28 Nov 2025 -> +3m Sat 28 Feb 2026 -> CPR 2.8 Mon 2 Mar 2026 (as the s.7 example).
    d = deadline("judicial-review", outcome_date="2025-11-28", investigation=investigation)
    assert (d.safe_date, d.last_day, d.latest_date) == (
        date(2026, 2, 28),
        date(2026, 2, 28),
        date(2026, 3, 2),
    )
    assert d.trigger == "outcome_date"
    assert d.trigger_date == date(2025, 11, 28)


# fmt: off
LETTER_BEFORE_CLAIM = [
    # review decision  all three     source
    ("2025-11-28", "2026-02-14"),  # JR last Sat 28 Feb 2026 - 14 days = Sat 14 Feb: NONE, no roll
    ("2023-11-30", "2024-02-15"),  # JR last Thu 29 Feb 2024 - 14 days
    ("2025-09-25", "2025-12-11"),  # JR last Thu 25 Dec 2025 (last_day, not the rolled latest) - 14 days
    ("2021-09-24", "2021-12-10"),  # JR last Fri 24 Dec 2021 (closure; latest rolls, last does not) - 14 days
]
# fmt: on


@pytest.mark.parametrize(("decision", "expected"), LETTER_BEFORE_CLAIM)
def test_letter_before_claim(decision: str, expected: str) -> None:
    d = deadline("letter-before-claim", review_decision_date=decision)
    assert (d.safe_date, d.last_day, d.latest_date) == (_d(expected),) * 3
    assert (d.owner, d.strength) == ("you", "guidance")


# ---------------------------------------------------------------------------------------------
# equality-act: 6 months STARTING_WITH (Equality Act 2010 s.118(1)); safe = earlier of SW, SW2
# ---------------------------------------------------------------------------------------------

# fmt: off
EQUALITY_ACT = [
    # incident      safe          last          latest        source
    ("2024-01-10", "2024-07-09", "2024-07-09", "2024-07-09"),  # s.7: Wed 10 Jan 2024 -> Tue 9 Jul 2024
    ("2025-03-01", "2025-08-31", "2025-08-31", "2025-09-01"),  # s.2: act 1 Mar -> 31 Aug (Sun); CPR 2.8 -> Mon 1 Sep
    ("2025-08-31", "2026-02-27", "2026-02-28", "2026-03-02"),  # s.2: act 31 Aug -> 28 Feb (Sat); SW2 27 Feb; -> Mon 2 Mar
    ("2023-08-31", "2024-02-28", "2024-02-29", "2024-02-29"),  # no 31 Feb 2024: SW its last day 29 Feb; SW2 28 Feb
    ("2023-08-30", "2024-02-28", "2024-02-29", "2024-02-29"),  # no 30 Feb 2024: SW 29 Feb; SW2 29 Feb - 1 = 28 Feb
    ("2023-08-29", "2024-02-28", "2024-02-28", "2024-02-28"),  # 29 Feb 2024 exists: day before = 28 Feb, both readings
    ("2024-02-29", "2024-08-28", "2024-08-28", "2024-08-28"),  # leap-day trigger: day before 29 Aug 2024
    ("2025-12-31", "2026-06-29", "2026-06-30", "2026-06-30"),  # no 31 Jun: SW 30 Jun; SW2 29 Jun
    ("2025-07-01", "2025-12-31", "2025-12-31", "2025-12-31"),  # day before 1 Jan 2026: year end (Wed)
    ("2025-06-26", "2025-12-25", "2025-12-25", "2025-12-29"),  # Christmas Day Thu; Boxing Day; weekend -> Mon 29 Dec
    ("2025-10-07", "2026-04-06", "2026-04-06", "2026-04-07"),  # Easter Monday 2026 -> Tue 7 Apr
    ("2024-06-28", "2024-12-27", "2024-12-27", "2024-12-30"),  # closure Fri 27 Dec 2024 -> Mon 30 Dec
]
# fmt: on


@pytest.mark.parametrize(("incident", "safe", "last", "latest"), EQUALITY_ACT)
def test_equality_act(incident: str, safe: str, last: str, latest: str) -> None:
    d = deadline("equality-act", incident_date=incident)
    assert (d.safe_date, d.last_day, d.latest_date) == (_d(safe), _d(last), _d(latest))
    assert (d.owner, d.strength, d.trigger) == ("you", "discretionary", "incident_date")


# ---------------------------------------------------------------------------------------------
# human-rights-act: 1 year STARTING_WITH (Human Rights Act 1998 s.7(5)); as equality-act
# ---------------------------------------------------------------------------------------------

# fmt: off
HUMAN_RIGHTS_ACT = [
    # incident      safe          last          latest        source
    ("2024-01-10", "2025-01-09", "2025-01-09", "2025-01-09"),  # s.7: Wed 10 Jan 2024 -> Thu 9 Jan 2025
    ("2024-02-29", "2025-02-27", "2025-02-28", "2025-02-28"),  # leap trigger: no 29 Feb 2025, SW 28 Feb; SW2 27 Feb
    ("2024-03-01", "2025-02-28", "2025-02-28", "2025-02-28"),  # day before 1 Mar 2025, both readings
    ("2023-03-01", "2024-02-29", "2024-02-29", "2024-02-29"),  # day before 1 Mar 2024 is the leap day
    ("2025-01-01", "2025-12-31", "2025-12-31", "2025-12-31"),  # year end
    ("2025-03-01", "2026-02-28", "2026-02-28", "2026-03-02"),  # Sat 28 Feb 2026 -> CPR 2.8 Mon 2 Mar
    ("2024-12-26", "2025-12-25", "2025-12-25", "2025-12-29"),  # Christmas Day 2025 -> Mon 29 Dec
    ("2025-01-02", "2026-01-01", "2026-01-01", "2026-01-02"),  # New Year's Day 2026 -> Fri 2 Jan
    ("2017-12-25", "2018-12-24", "2018-12-24", "2018-12-27"),  # closure Mon 24 Dec 2018; 25, 26 BH -> Thu 27 Dec
]
# fmt: on


@pytest.mark.parametrize(("incident", "safe", "last", "latest"), HUMAN_RIGHTS_ACT)
def test_human_rights_act(incident: str, safe: str, last: str, latest: str) -> None:
    d = deadline("human-rights-act", incident_date=incident)
    assert (d.safe_date, d.last_day, d.latest_date) == (_d(safe), _d(last), _d(latest))
    assert (d.owner, d.strength, d.trigger) == ("you", "discretionary", "incident_date")


# ---------------------------------------------------------------------------------------------
# personal-injury: 3 years AFTER the later of incident and knowledge (Limitation Act s.11(4), s.14)
# ---------------------------------------------------------------------------------------------

# fmt: off
PERSONAL_INJURY = [
    # incident      knowledge     trigger           safe          last          latest        source
    ("1967-09-05", None, "incident_date", "1970-09-05", "1970-09-05", "1970-09-07"),  # s.7: Pritam Kaur, Sat -> Mon
    ("2024-01-10", None, "incident_date", "2027-01-10", "2027-01-10", "2027-01-11"),  # Sun 10 Jan 2027 -> Mon 11 Jan
    ("2024-02-29", None, "incident_date", "2027-02-28", "2027-02-28", "2027-03-01"),  # 29 Feb + 3 y = Sun 28 Feb -> Mon
    ("2021-02-28", None, "incident_date", "2024-02-28", "2024-02-28", "2024-02-28"),  # 28 Feb stays 28 Feb (Wed)
    ("2020-01-10", "2021-06-15", "knowledge_date", "2024-06-15", "2024-06-15", "2024-06-17"),  # s.14 knowledge later; Sat -> Mon
    ("2021-06-15", "2021-06-15", None, "2024-06-15", "2024-06-15", "2024-06-17"),  # knowledge the same day
    ("2022-12-25", None, "incident_date", "2025-12-25", "2025-12-25", "2025-12-29"),  # Christmas Day 2025 -> Mon 29 Dec
]
# fmt: on


@pytest.mark.parametrize(("incident", "knowledge", "trigger", "safe", "last", "latest"), PERSONAL_INJURY)
def test_personal_injury(
    incident: str, knowledge: str | None, trigger: str | None, safe: str, last: str, latest: str
) -> None:
    d = deadline("personal-injury", incident_date=incident, knowledge_date=knowledge)
    assert (d.safe_date, d.last_day, d.latest_date) == (_d(safe), _d(last), _d(latest))
    if trigger is not None:
        assert d.trigger == trigger
    assert (d.owner, d.strength) == ("you", "discretionary")


# ---------------------------------------------------------------------------------------------
# civil-claim and malicious-prosecution: 6 years AFTER (Limitation Act s.2)
# ---------------------------------------------------------------------------------------------

# fmt: off
CIVIL_CLAIM = [
    # incident      safe          last          latest        source
    ("2024-01-10", "2030-01-10", "2030-01-10", "2030-01-10"),  # s.7: Wed 10 Jan 2024 -> Thu 10 Jan 2030
    ("2024-02-29", "2030-02-28", "2030-02-28", "2030-02-28"),  # 29 Feb + 6 years = 28 Feb (s.2)
    ("2019-12-31", "2025-12-31", "2025-12-31", "2025-12-31"),  # year end (Wed)
    ("2019-12-25", "2025-12-25", "2025-12-25", "2025-12-29"),  # Christmas Day 2025 -> Mon 29 Dec
    ("2020-04-03", "2026-04-03", "2026-04-03", "2026-04-07"),  # Good Friday 2026 -> Tue 7 Apr
    ("2011-12-27", "2017-12-27", "2017-12-27", "2017-12-28"),  # closure 27 Dec 2017
    ("2012-12-24", "2018-12-24", "2018-12-24", "2018-12-27"),  # closure 24 Dec 2018
    ("2015-12-24", "2021-12-24", "2021-12-24", "2021-12-29"),  # closure 24 Dec 2021
    ("2018-12-27", "2024-12-27", "2024-12-27", "2024-12-30"),  # closure 27 Dec 2024
    ("2019-12-24", "2025-12-24", "2025-12-24", "2025-12-29"),  # closure 24 Dec 2025
]
# fmt: on


@pytest.mark.parametrize(("incident", "safe", "last", "latest"), CIVIL_CLAIM)
def test_civil_claim(incident: str, safe: str, last: str, latest: str) -> None:
    d = deadline("civil-claim", incident_date=incident)
    assert (d.safe_date, d.last_day, d.latest_date) == (_d(safe), _d(last), _d(latest))
    assert (d.owner, d.strength, d.trigger) == ("you", "strict", "incident_date")


# fmt: off
MALICIOUS_PROSECUTION = [
    # prosecution ended  safe          last          latest        source
    ("2020-03-31", "2026-03-31", "2026-03-31", "2026-03-31"),  # +6 years, Tue
    ("2019-08-31", "2025-08-31", "2025-08-31", "2025-09-01"),  # Sun 31 Aug 2025 -> Mon 1 Sep
    ("2020-04-06", "2026-04-06", "2026-04-06", "2026-04-07"),  # Easter Monday 2026 -> Tue 7 Apr
    ("2020-02-29", "2026-02-28", "2026-02-28", "2026-03-02"),  # 29 Feb + 6 y = Sat 28 Feb 2026 -> Mon 2 Mar
]
# fmt: on


@pytest.mark.parametrize(("ended", "safe", "last", "latest"), MALICIOUS_PROSECUTION)
def test_malicious_prosecution(ended: str, safe: str, last: str, latest: str) -> None:
    d = deadline("malicious-prosecution", prosecution_end_date=ended)
    assert (d.safe_date, d.last_day, d.latest_date) == (_d(safe), _d(last), _d(latest))
    assert (d.owner, d.strength, d.trigger) == ("you", "strict", "prosecution_end_date")


# ---------------------------------------------------------------------------------------------
# Children: Limitation Act 1980 s.28 (s.4 "Children")
# last = max(usual, add_years(18th birthday, n)); safe = the day before that (21st/24th) birthday
# when s.28 governs; born 29 Feb: 28 Feb for safe/last, 1 Mar for latest.
# ---------------------------------------------------------------------------------------------

# fmt: off
CHILDREN = [
    # rule, trigger fact, trigger, birth, safe, last, latest, source
    ("personal-injury", "incident_date", "2020-01-10", "2010-05-20", "2031-05-19", "2031-05-20", "2031-05-20"),  # 18 on 20 May 2028; +3 y = Tue 20 May 2031 (21st birthday); safe the day before
    ("personal-injury", "incident_date", "2020-01-09", "2002-01-10", "2023-01-09", "2023-01-10", "2023-01-10"),  # 17 on the day before the 18th birthday: s.28 gives one more day
    ("personal-injury", "incident_date", "2020-01-10", "2002-01-10", "2023-01-10", "2023-01-10", "2023-01-10"),  # 18 on the incident day: not under 18, s.28 does not apply
    ("personal-injury", "incident_date", "2020-01-10", "1990-01-01", "2023-01-10", "2023-01-10", "2023-01-10"),  # an adult: usual rule
    ("personal-injury", "incident_date", "2020-01-10", "2008-02-29", "2029-02-27", "2029-02-28", "2029-03-01"),  # born 29 Feb: 18th = 28 Feb 2026 (safe/last), 1 Mar 2026 (latest, Thu 1 Mar 2029)
    ("civil-claim", "incident_date", "2020-01-10", "2010-05-20", "2034-05-19", "2034-05-20", "2034-05-22"),  # 18 on 20 May 2028; +6 y = Sat 20 May 2034 -> CPR 2.8 Mon 22 May
    ("civil-claim", "incident_date", "2020-01-10", "2008-02-29", "2032-02-27", "2032-02-28", "2032-03-01"),  # born 29 Feb: 28 Feb 2026 + 6 y = Sat 28 Feb 2032; 1 Mar 2026 + 6 y = Mon 1 Mar 2032
    ("malicious-prosecution", "prosecution_end_date", "2021-03-01", "2005-06-15", "2029-06-14", "2029-06-15", "2029-06-15"),  # as civil-claim: 18 on 15 Jun 2023; +6 y = Fri 15 Jun 2029
]
# fmt: on


@pytest.mark.parametrize(("rule_id", "fact", "trigger", "birth", "safe", "last", "latest"), CHILDREN)
def test_children_limitation_act_s28(
    rule_id: str, fact: str, trigger: str, birth: str, safe: str, last: str, latest: str
) -> None:
    got = three_dates(rule_id, **{fact: trigger}, date_of_birth=birth)
    assert got == (_d(safe), _d(last), _d(latest))


# fmt: off
PERSONAL_INJURY_KNOWLEDGE_AND_AGE = [
    # incident      knowledge     birth         safe          last          latest        source
    ("2015-01-01", "2020-06-01", "2010-05-20", "2031-05-19", "2031-05-20", "2031-05-20"),  # s.14 + s.28: a child (10) on the knowledge date: 18th birthday 20 May 2028 + 3 y
    ("2015-01-01", "2029-01-01", "2010-05-20", "2032-01-01", "2032-01-01", "2032-01-02"),  # adult on the knowledge date (the trigger): no s.28; Thu 1 Jan 2032 (BH) -> Fri 2 Jan
]
# fmt: on


@pytest.mark.parametrize(
    ("incident", "knowledge", "birth", "safe", "last", "latest"), PERSONAL_INJURY_KNOWLEDGE_AND_AGE
)
def test_children_rule_looks_at_age_on_the_trigger_date(
    incident: str, knowledge: str, birth: str, safe: str, last: str, latest: str
) -> None:
    # s.4: "If the complainant was under 18 on the trigger date"; personal-injury's trigger is the later of
    # incident_date and knowledge_date.
    got = three_dates("personal-injury", incident_date=incident, knowledge_date=knowledge, date_of_birth=birth)
    assert got == (_d(safe), _d(last), _d(latest))


def test_born_29_february_incident_on_28_february_of_the_18th_year() -> None:
    # s.4: born 29 Feb 2008. On Sat 28 Feb 2026 they are 18 under the 28 Feb reading (last = 28 Feb 2026 + 3 y
    # = Wed 28 Feb 2029 either way) but still 17 under the 1 Mar reading used for latest_date, where s.28 gives
    # 1 Mar 2026 + 3 y = Thu 1 Mar 2029.
    d = deadline("personal-injury", incident_date="2026-02-28", date_of_birth="2008-02-29")
    assert d.last_day == date(2029, 2, 28)
    assert d.latest_date == date(2029, 3, 1)


def test_children_rule_does_not_touch_the_equality_act_or_human_rights_act() -> None:
    # s.28 is a Limitation Act rule; Equality Act s.118 and HRA s.7(5) set their own periods (s.4 table).
    report = compute_deadlines(facts(incident_date="2024-01-10", date_of_birth="2010-05-20"))
    eq, hra = report.by_id("equality-act"), report.by_id("human-rights-act")
    assert eq is not None and hra is not None
    assert (eq.safe_date, eq.last_day, eq.latest_date) == (date(2024, 7, 9),) * 3
    assert (hra.safe_date, hra.last_day, hra.latest_date) == (date(2025, 1, 9),) * 3


# ---------------------------------------------------------------------------------------------
# subject-access, by the law that applies (s.4 'Subject access: which law'; s.7)
#   uk-gdpr  UK GDPR art 12(3) / art 12A: ICO method (day of receipt is day 1, corresponding date next month,
#            then the next working day) for last and latest; from 5 Feb 2026 art 12A's "one month beginning
#            with" (SW, 1 month, no second reading, no roll) for safe
#   part-3   DPA 2018 s.45(3)(b), s.54(2) "one month beginning with the relevant time" for safe and last;
#            ICO's Part 3 guidance ("If you receive a request on 30 June ... the deadline will be 23:59 on
#            1 August": from the day after, then the next working day) for latest
#   unknown  every reading of both laws: safe the earliest, last the UK GDPR ICO date, latest the latest
# ---------------------------------------------------------------------------------------------

# fmt: off
SUBJECT_ACCESS = [
    # received      law        safe          last          latest        source
    ("2025-06-30", "uk-gdpr", "2025-07-30", "2025-07-30", "2025-07-30"),  # s.7: Wed 30 Jul 2025 for all three
    ("2025-06-30", "part-3",  "2025-07-29", "2025-07-29", "2025-08-01"),  # s.7: statute, statute, ICO's Part 3 method (30 Jun -> 1 Aug)
    ("2025-06-30", "unknown", "2025-07-29", "2025-07-30", "2025-08-01"),  # s.7: Tue 29 Jul / Wed 30 Jul / Fri 1 Aug 2025
    ("2025-09-03", "uk-gdpr", "2025-10-03", "2025-10-03", "2025-10-03"),  # s.7: ICO "3 September ... until 3 October"
    ("2025-09-03", "unknown", "2025-10-02", "2025-10-03", "2025-10-06"),  # s.7: safe Thu 2 Oct (Part 3's "beginning with"); ICO Part 3: Sat 4 Oct -> Mon 6 Oct
    ("2025-09-03", "part-3",  "2025-10-02", "2025-10-02", "2025-10-06"),  # s.54(2): 2 Oct; ICO Part 3: 4 Sep + 1m = Sat 4 Oct -> Mon 6 Oct
    ("2025-01-31", "uk-gdpr", "2025-02-28", "2025-02-28", "2025-02-28"),  # +1m: no 31 Feb -> 28 Feb (Fri)
    ("2025-01-31", "part-3",  "2025-02-28", "2025-02-28", "2025-03-03"),  # SW: no 31 Feb -> its last day; ICO Part 3: 1 Feb + 1m = Sat 1 Mar -> Mon 3 Mar
    ("2025-09-04", "uk-gdpr", "2025-10-06", "2025-10-06", "2025-10-06"),  # Sat 4 Oct -> NEXT_WORKING_DAY Mon 6 Oct; before 5 Feb 2026: safe = last
    ("2025-11-25", "uk-gdpr", "2025-12-29", "2025-12-29", "2025-12-29"),  # Christmas Day; Boxing Day; weekend -> Mon 29 Dec
    ("2025-11-24", "uk-gdpr", "2025-12-24", "2025-12-24", "2025-12-24"),  # 24 Dec 2025 is a court closure but a working day: no roll
    ("2026-01-31", "uk-gdpr", "2026-03-02", "2026-03-02", "2026-03-02"),  # Sat 28 Feb 2026 -> Mon 2 Mar; before 5 Feb 2026: safe = last
    ("2026-02-04", "uk-gdpr", "2026-03-04", "2026-03-04", "2026-03-04"),  # the day before art 12A: safe = last
    ("2026-02-05", "uk-gdpr", "2026-03-04", "2026-03-05", "2026-03-05"),  # art 12A from 5 Feb 2026: one month beginning with 5 Feb ends 4 Mar
    ("2026-02-28", "uk-gdpr", "2026-03-27", "2026-03-30", "2026-03-30"),  # 12A: day before 28 Mar; ICO: Sat 28 Mar -> Mon 30 Mar
    ("2026-03-31", "uk-gdpr", "2026-04-30", "2026-04-30", "2026-04-30"),  # 12A: no 31 Apr -> its last day (no second reading)
    ("2026-03-03", "uk-gdpr", "2026-04-02", "2026-04-07", "2026-04-07"),  # ICO: Good Friday 3 Apr; weekend; Easter Monday -> Tue 7 Apr
    ("2026-03-03", "part-3",  "2026-04-02", "2026-04-02", "2026-04-07"),  # s.54(2): Thu 2 Apr; ICO Part 3: Sat 4 Apr, Sun, Easter Monday -> Tue 7 Apr
    ("2026-03-06", "uk-gdpr", "2026-04-05", "2026-04-07", "2026-04-07"),  # ICO: Easter Monday 6 Apr -> Tue 7 Apr; 12A: Sun 5 Apr, no roll
    ("2026-11-28", "uk-gdpr", "2026-12-27", "2026-12-29", "2026-12-29"),  # ICO: Mon 28 Dec 2026 = Boxing Day substitute -> Tue 29 Dec
    ("2026-11-28", "unknown", "2026-12-27", "2026-12-29", "2026-12-29"),  # SW Sun 27 Dec (no roll); ICO Part 3: 29 Nov + 1m = Tue 29 Dec, a working day
    ("2026-12-01", "uk-gdpr", "2026-12-31", "2027-01-04", "2027-01-04"),  # ICO: New Year's Day Fri 1 Jan 2027 -> Mon 4 Jan; 12A: 31 Dec
    ("2027-01-31", "uk-gdpr", "2027-02-28", "2027-03-01", "2027-03-01"),  # ICO: Sun 28 Feb 2027 -> Mon 1 Mar; 12A: no 31 Feb -> 28 Feb
    ("2028-01-29", "uk-gdpr", "2028-02-28", "2028-02-29", "2028-02-29"),  # 12A: 29 Feb 2028 exists, so the day before; ICO: Tue 29 Feb
    ("2028-01-30", "uk-gdpr", "2028-02-29", "2028-02-29", "2028-02-29"),  # 12A: no 30 Feb -> its last day, 29 Feb; ICO the same
    ("2028-02-29", "uk-gdpr", "2028-03-28", "2028-03-29", "2028-03-29"),  # received on a leap day: ICO Wed 29 Mar; 12A the day before
]
# fmt: on


@pytest.mark.parametrize(("received", "law", "safe", "last", "latest"), SUBJECT_ACCESS)
def test_subject_access(received: str, law: str, safe: str, last: str, latest: str) -> None:
    d = deadline("subject-access", sar_date=received, sar_law=law)
    assert (d.safe_date, d.last_day, d.latest_date) == (_d(safe), _d(last), _d(latest))
    assert (d.owner, d.strength, d.trigger) == ("police", "strict", "sar_date")


def test_subject_access_law_defaults_to_unknown() -> None:
    # s.4: "Fact sar_law: uk-gdpr, part-3 or unknown (default)"; s.7 30 Jun 2025 unknown: 29 Jul / 30 Jul / 1 Aug
    assert three_dates("subject-access", sar_date="2025-06-30") == (
        _d("2025-07-29"),
        _d("2025-07-30"),
        _d("2025-08-01"),
    )


# fmt: off
SUBJECT_ACCESS_WORDS = [
    # received, law, today, words that must appear in the notes, words that must not, source
    ("2025-09-03", "part-3",  "2025-09-04", "no extension", "two further months"),  # s.4: none under Part 3 before 5 Feb 2026 (original s.54(2))
    ("2026-03-03", "part-3",  "2026-03-04", "s.54(3a)", "no extension"),  # s.54(3A) inserted by DUAA 2025 s.76, in force 5 Feb 2026 (SI 2026/82 reg 2(h))
    ("2026-03-03", "part-3",  "2026-03-04", "thursday 2 april 2026", None),  # s.54(3B)(a): the notice before the end of one month beginning with receipt
    ("2026-03-03", "part-3",  "2026-03-04", "tuesday 2 june 2026", None),  # s.54(3A): two further months: 3 months beginning with 3 Mar ends 2 Jun
    ("2026-03-03", "part-3",  "2026-03-04", "s.54(3c)", None),  # s.54(3C): a request for further information pauses the clock
    ("2025-09-03", "uk-gdpr", "2025-09-04", "3 december 2025", None),  # s.4: the extension ends on the ICO date for three months
    ("2025-09-03", "uk-gdpr", "2025-09-04", "within the first month", None),  # art 12(3): the extension must be notified within one month
    ("2025-09-03", "unknown", "2025-09-04", "part 3", None),  # s.4: most police incident records are Part 3 (s.45)
    ("2026-03-03", "unknown", "2026-06-20", "s.164a", None),  # s.4 complaints: from 19 Jun 2026 first to the police (DPA 2018 s.164A)
    ("2026-08-03", "uk-gdpr", "2026-08-04", "30 days", None),  # s.164A(3): acknowledged within 30 days beginning when received
    ("2025-01-03", "uk-gdpr", "2025-01-04", "ico", None),  # before 19 Jun 2026: complain to the ICO
]
# fmt: on


@pytest.mark.parametrize(("received", "law", "today", "words", "absent"), SUBJECT_ACCESS_WORDS)
def test_subject_access_words(received: str, law: str, today: str, words: str, absent: str | None) -> None:
    d = deadline("subject-access", sar_date=received, sar_law=law, today=_d(today))
    text = " ".join(d.steps + d.notes).lower()
    assert words in text
    if absent is not None:
        assert absent not in text


def test_subject_access_never_extends_after_it_passes() -> None:
    # RULES s.4 'extensions': the extension must be notified within the first month, so a passed deadline
    # is never extended afterwards (UK GDPR art 12(3); DPA 2018 s.54(3B)(a)). The old words said the police
    # "may extend by two further months" if it passed.
    d = deadline("subject-access", sar_date="2025-01-03", sar_law="uk-gdpr", today=_d("2026-01-01"))
    assert d.status == "passed"
    text = " ".join(d.notes).lower()
    assert "may extend by two further months" not in text
    from escalate.law.rules import RULES_BY_ID

    extension = (RULES_BY_ID["subject-access"].extension or "").lower()
    assert "first month" in extension and "before 5 february 2026" in extension


# ---------------------------------------------------------------------------------------------
# Which rules appear (s.4 "Which rules appear")
# ---------------------------------------------------------------------------------------------

LIMITATION = {"equality-act", "human-rights-act", "personal-injury", "civil-claim"}

# fmt: off
APPEARANCE = [
    # facts, expected ids, source
    ({}, set()),  # no trigger known: nothing
    ({"incident_date": "2024-01-10"}, {"complaint"} | LIMITATION),  # complaint while complaint_date unknown
    ({"incident_date": "2024-01-10", "complaint_date": "2024-02-01"}, {"complaint-update"} | LIMITATION),  # complaint made: complaint rule gone
    ({"incident_date": "2024-01-10", "discrimination": False, "injury": False}, {"complaint"} | LIMITATION - {"equality-act", "personal-injury"}),  # s.4: facts that rule a claim out remove it
    ({"incident_date": "2024-01-10", "discrimination": False}, {"complaint"} | LIMITATION - {"equality-act"}),  # s.4: discrimination = no removes equality-act (Equality Act 2010 s.118 needs a prohibited act)
    ({"incident_date": "2024-01-10", "injury": False}, {"complaint"} | LIMITATION - {"personal-injury"}),  # s.4: injury = no removes personal-injury (Limitation Act 1980 s.11: "damages in respect of personal injuries")
    ({"incident_date": "2024-01-10", "discrimination": True, "injury": True}, {"complaint"} | LIMITATION),  # yes keeps both
    ({"incident_date": "2024-01-10", "outcome_date": "2024-05-01"}, {"review-request"} | LIMITATION),  # s.4: an outcome letter shows the complaint was made
    ({"incident_date": "2024-01-10", "last_update_date": "2024-03-01"}, {"complaint-update"} | LIMITATION),  # s.4: so does an update
    ({"incident_date": "2024-01-10", "outcome_received_date": "2024-05-03"}, LIMITATION),  # s.4: and an outcome received
    ({"incident_date": "2024-01-10", "review_request_date": "2024-05-10"}, LIMITATION),  # s.4: and a review asked for
    ({"incident_date": "2024-01-10", "review_decision_date": "2024-07-01"}, {"judicial-review", "letter-before-claim"} | LIMITATION),  # s.4: and a review decided
    ({"outcome_date": "2024-05-01", "review_request_date": "2024-05-10"}, set()),  # s.4: review asked for: review-request no longer listed; no JR until the decision (CPR 54.5)
    ({"review_request_date": "2024-05-10", "review_decision_date": "2024-07-01"}, {"judicial-review", "letter-before-claim"}),  # s.4: JR runs from the decision
    ({"complaint_date": "2024-02-01", "review_request_date": "2024-05-10"}, set()),  # s.4: a review request implies the outcome: the update duty (reg 34) has ended
    # Not about the police (s.4 'Which rules appear'; s.6): none of the police complaint rules, nor the Met's duties
    ({"about": "mopac-staff", "incident_date": "2024-01-10", "complaint_date": "2024-02-01", "outcome_date": "2024-05-01"}, LIMITATION),  # MOPAC's own process (seed 003): no reg 34 update, no reg 29 review, no JR from a police outcome
    ({"about": "mopac-staff", "incident_date": "2024-01-10"}, LIMITATION),  # no 'complaint' rule: the IOPC's 12-month guidance is for police complaints
    ({"about": "mayor", "review_decision_date": "2024-07-01", "sar_date": "2024-07-01"}, set()),  # GLA Monitoring Officer (ELPB Regulations 2012): no JR from a police review, no Met subject access duty
    ({"about": "mayor", "incident_date": "2024-01-10", "discrimination": False}, LIMITATION - {"equality-act"}),  # the court claims remain; 'no' still rules one out
    ({"complaint_date": "2024-02-01", "last_update_date": "2024-03-01"}, {"complaint-update"}),  # update: trigger last_update_date
    ({"last_update_date": "2024-03-01"}, {"complaint-update"}),  # s.4: trigger last_update_date, known on its own
    ({"complaint_date": "2024-02-01", "outcome_date": "2024-05-01"}, {"review-request"}),  # outcome known: no complaint-update
    ({"outcome_date": "2024-05-01"}, {"review-request"}),  # right of review assumed when not ruled out
    ({"outcome_received_date": "2024-05-03"}, set()),  # review-request's trigger is outcome_date (s.4 table)
    ({"outcome_date": "2024-05-01", "schedule3": "yes"}, {"review-request"}),
    ({"outcome_date": "2024-05-01", "investigation": "mps"}, {"review-request"}),
    ({"outcome_date": "2024-05-01", "investigation": "not-investigated"}, {"review-request"}),
    ({"outcome_date": "2024-05-01", "schedule3": "no"}, set()),  # s.4/s.6: outside Schedule 3: no review
    ({"outcome_date": "2024-05-01", "investigation": "iopc"}, {"judicial-review", "letter-before-claim"}),  # s.6: IOPC investigated: JR from outcome
    ({"outcome_date": "2024-05-01", "investigation": "iopc-directed"}, {"judicial-review", "letter-before-claim"}),  # s.6: IOPC directed
    ({"outcome_date": "2024-05-01", "review_decision_date": "2024-07-01"}, {"judicial-review", "letter-before-claim"}),  # review decided
    ({"review_decision_date": "2024-07-01"}, {"judicial-review", "letter-before-claim"}),
    ({"prosecution_end_date": "2024-07-01"}, {"malicious-prosecution"}),
    ({"sar_date": "2024-07-01"}, {"subject-access"}),
]
# fmt: on


# ---------------------------------------------------------------------------------------------
# preserve-evidence: 30 days DAYS_AFTER the incident; latest 31 days; shown only while not passed (s.4)
# ---------------------------------------------------------------------------------------------

# fmt: off
PRESERVE = [
    # incident      today          safe / last / latest                                        status      source
    ("2026-11-10", "2026-11-21", ("2026-12-10", "2026-12-10", "2026-12-11"), "open"),  # s.7: Tue 10 Nov 2026 -> Thu 10 Dec / same / Fri 11 Dec 2026
    ("2026-11-10", "2026-12-10", ("2026-12-10", "2026-12-10", "2026-12-11"), "due-soon"),  # today = safe date: 0 days left (s.5)
    ("2026-11-10", "2026-12-11", ("2026-12-10", "2026-12-10", "2026-12-11"), "at-risk"),  # day 31: the footage may still be there
    ("2026-01-31", "2026-01-31", ("2026-03-02", "2026-03-02", "2026-03-03"), "open"),  # +30 days across February (28 days): Mon 2 Mar, Tue 3 Mar 2026
    ("2026-12-20", "2026-12-20", ("2027-01-19", "2027-01-19", "2027-01-20"), "open"),  # across a year end; no roll (s.4: NONE)
    ("2026-11-15", "2026-11-21", ("2026-12-15", "2026-12-15", "2026-12-16"), "open"),  # 24 days left
    ("2026-10-18", "2026-11-21", ("2026-11-17", "2026-11-17", "2026-11-18"), None),  # +30 = Tue 17 Nov 2026, +31 = Wed 18 Nov: passed, not shown
]
# fmt: on


@pytest.mark.parametrize(("incident", "today", "dates", "status"), PRESERVE)
def test_preserve_evidence(incident: str, today: str, dates: tuple[str, str, str], status: str | None) -> None:
    report = compute_deadlines(facts(incident_date=incident, today=_d(today)))
    found = report.by_id("preserve-evidence")
    if status is None:
        assert found is None  # s.4: shown only while not passed
        assert (_d(today) - _d(incident)).days > 31
        return
    assert found is not None
    assert (found.safe_date, found.last_day, found.latest_date) == tuple(map(_d, dates))
    assert found.status == status
    assert found.owner.value == "you" and found.strength.value == "guidance"
    assert "met.police.uk" in found.source.url


@pytest.mark.parametrize(("known", "expected"), APPEARANCE)
def test_which_rules_appear(known: dict[str, object], expected: set[str]) -> None:
    assert ids(**known) == expected


def test_review_request_gone_once_review_decided() -> None:
    # s.4: review-request only while review_decision_date is unknown
    report = compute_deadlines(facts(outcome_date="2025-04-01", review_decision_date="2025-05-01"))
    assert report.by_id("review-request") is None
    jr = report.by_id("judicial-review")
    assert jr is not None and jr.trigger == "review_decision_date"
    assert jr.last_day == date(2025, 8, 1)  # +3m from Thu 1 May 2025 = Fri 1 Aug 2025


def test_only_filter_narrows_the_list() -> None:
    report = compute_deadlines(facts(incident_date="2024-01-10", sar_date="2025-09-03"), only={"equality-act"})
    assert [d.id for d in report.deadlines] == ["equality-act"]


# ---------------------------------------------------------------------------------------------
# Status and days left (s.5)
# ---------------------------------------------------------------------------------------------

# equality-act for an incident on Sun 31 Aug 2025: safe Fri 27 Feb, last Sat 28 Feb, latest Mon 2 Mar 2026.
# fmt: off
STATUS = [
    # today         status      days_left  source
    ("2026-03-03", "passed", -4),  # s.5: today after latest_date
    ("2026-03-02", "at-risk", -3),  # today = latest_date: not yet passed, but after safe_date
    ("2026-02-28", "at-risk", -1),  # today = last_day: after safe_date
    ("2026-02-27", "due-soon", 0),  # today = safe_date: 0 days left
    ("2026-02-13", "due-soon", 14),  # s.5: 14 days or fewer left
    ("2026-02-12", "open", 15),  # 15 days left
    ("2025-09-01", "open", 179),  # just after the incident
]
# fmt: on


@pytest.mark.parametrize(("today", "status", "days_left"), STATUS)
def test_status_and_days_left(today: str, status: str, days_left: int) -> None:
    d = deadline("equality-act", incident_date="2025-08-31", today=_d(today))
    assert (d.status, d.days_left) == (status, days_left)


# review-request for an outcome on Sun 1 Mar 2026 received Wed 4 Mar: safe = last = 29 Mar, latest 1 Apr 2026.
# fmt: off
STATUS_REVIEW = [
    ("2026-03-29", "due-soon", 0),  # the safe day itself
    ("2026-03-30", "at-risk", -1),  # after safe, before latest (received + 28 days)
    ("2026-04-01", "at-risk", -3),  # latest_date itself
    ("2026-04-02", "passed", -4),  # after latest_date
]
# fmt: on


@pytest.mark.parametrize(("today", "status", "days_left"), STATUS_REVIEW)
def test_status_with_late_receipt(today: str, status: str, days_left: int) -> None:
    d = deadline("review-request", outcome_date="2026-03-01", outcome_received_date="2026-03-04", today=_d(today))
    assert (d.status, d.days_left) == (status, days_left)


def test_deadlines_sorted_by_safe_date_then_id() -> None:
    # s.5. review-request (outcome Tue 1 Apr 2025 + 28 days) and subject-access (received Sat 29 Mar 2025,
    # +1m = Tue 29 Apr 2025, UK GDPR) tie on Tue 29 Apr 2025: ties go by id.
    report = compute_deadlines(
        facts(
            incident_date="2024-01-10",
            complaint_date="2025-01-10",
            outcome_date="2025-04-01",
            sar_date="2025-03-29",
            sar_law="uk-gdpr",
        ),
        only={"equality-act", "human-rights-act", "review-request", "subject-access", "civil-claim"},
    )
    assert [(d.id, d.safe_date) for d in report.deadlines] == [
        ("equality-act", date(2024, 7, 9)),
        ("human-rights-act", date(2025, 1, 9)),
        ("review-request", date(2025, 4, 29)),
        ("subject-access", date(2025, 4, 29)),
        ("civil-claim", date(2030, 1, 10)),
    ]


# ---------------------------------------------------------------------------------------------
# Contradictory facts (s.1)
# ---------------------------------------------------------------------------------------------

# fmt: off
CONTRADICTIONS = [
    # the facts, and the two fact names the error must give (the out-of-order fact first)
    ({"incident_date": "2025-03-01", "complaint_date": "2025-02-28"}, ("complaint_date", "incident_date")),
    ({"complaint_date": "2025-03-01", "outcome_date": "2025-02-28"}, ("outcome_date", "complaint_date")),
    ({"outcome_date": "2025-03-01", "review_decision_date": "2025-02-28"}, ("review_decision_date", "outcome_date")),
    ({"outcome_date": "2025-03-01", "outcome_received_date": "2025-02-28"}, ("outcome_received_date", "outcome_date")),
    ({"complaint_date": "2025-03-01", "last_update_date": "2025-02-28"}, ("last_update_date", "complaint_date")),
    ({"incident_date": "2025-03-01", "knowledge_date": "2025-02-28"}, ("knowledge_date", "incident_date")),
    ({"incident_date": "2025-03-01", "prosecution_end_date": "2025-02-28"}, ("prosecution_end_date", "incident_date")),
    ({"incident_date": "2025-03-01", "date_of_birth": "2025-03-02"}, ("date_of_birth", "incident_date")),
]
# fmt: on


@pytest.mark.parametrize(("known", "pair"), CONTRADICTIONS)
def test_contradictory_facts_are_input_errors(known: dict[str, str], pair: tuple[str, str]) -> None:
    with pytest.raises(InputError) as caught:
        facts(**known)
    assert set(pair) <= set(caught.value.facts)


@pytest.mark.parametrize(("known", "pair"), CONTRADICTIONS)
def test_same_day_is_not_a_contradiction(known: dict[str, str], pair: tuple[str, str]) -> None:
    # s.1 forbids one fact "before" (or "after") the other, so the same day for both is allowed.
    moved, kept = pair
    same_day = {**known, moved: known[kept]}
    assert facts(**same_day).today == TODAY


def test_future_fact_is_allowed_with_a_warning() -> None:
    # s.1: "A fact dated after today is allowed, with a warning."
    past = compute_deadlines(facts(incident_date="2026-12-01", today=date(2026, 12, 2)))
    future = compute_deadlines(facts(incident_date="2026-12-01", today=date(2026, 11, 21)))
    assert {w.id for w in future.warnings} - {w.id for w in past.warnings}


# ---------------------------------------------------------------------------------------------
# Warnings named by id (s.4, s.6)
# ---------------------------------------------------------------------------------------------


# fmt: off
LATE_COMPLAINT = [
    # incident      complaint     warned  source
    ("2024-01-10", "2025-01-10", False),  # exactly 12 months AFTER: the last day, not more than 12 months
    ("2024-01-10", "2025-01-11", True),  # s.4: more than 12 months after the incident
    ("2024-02-29", "2025-02-28", False),  # +12m from 29 Feb is 28 Feb 2025
    ("2024-02-29", "2025-03-01", True),  # one day more
]
# fmt: on


@pytest.mark.parametrize(("incident", "complaint", "warned"), LATE_COMPLAINT)
def test_late_complaint_warning(incident: str, complaint: str, warned: bool) -> None:
    report = compute_deadlines(facts(incident_date=incident, complaint_date=complaint))
    assert ("late-complaint" in {w.id for w in report.warnings}) is warned


def test_unknown_christmas_closures_are_warned() -> None:
    # s.3: a court deadline between 24 December and 2 January of a year not in the closures table (2026 is
    # not) gets a warning. Review decision Thu 24 Sep 2026 -> judicial-review Thu 24 Dec 2026, a working day.
    # Compared with Tue 23 Sep 2025 -> Tue 23 Dec 2025 (before the window): same rules, no roll either way.
    unknown = compute_deadlines(facts(review_decision_date="2026-09-24"))
    known = compute_deadlines(facts(review_decision_date="2025-09-23"))
    assert {w.id for w in unknown.warnings} - {w.id for w in known.warnings}


# ---------------------------------------------------------------------------------------------
# Every deadline explains itself (s.4): dates read back in words, the discretion that remains
# ---------------------------------------------------------------------------------------------

# fmt: off
EXPLAINS = [
    # rule, facts, today, words that must appear in its steps or notes, source
    ("review-request", {"outcome_date": "2026-03-01"}, "2026-03-02", "sunday 29 march 2026"),  # s.4 example step
    ("judicial-review", {"review_decision_date": "2025-11-28"}, "2025-12-01", "monday 2 march 2026"),  # s.4: CPR 2.8 may allow Monday
    ("judicial-review", {"review_decision_date": "2025-11-28"}, "2025-12-01", "prompt"),  # s.4: "promptly" can bar a claim
    ("subject-access", {"sar_date": "2025-09-03"}, "2025-09-04", "3 december 2025"),  # s.4: extension ends on the ICO date for three months
    ("equality-act", {"incident_date": "2024-01-10"}, "2026-11-21", "just and equitable"),  # s.4: passed discretionary deadline names its test (s.118(1)(b))
    ("human-rights-act", {"incident_date": "2024-01-10"}, "2026-11-21", "equitable"),  # s.4: HRA s.7(5)(b)
    ("review-request", {"outcome_date": "2025-04-01"}, "2026-11-21", "special circumstances"),  # s.4: reg 29(4)
    ("personal-injury", {"incident_date": "2020-01-10"}, "2026-11-21", "33"),  # s.4: Limitation Act s.33
]
# fmt: on


@pytest.mark.parametrize(("rule_id", "known", "today", "words"), EXPLAINS)
def test_deadline_explains_itself(rule_id: str, known: dict[str, str], today: str, words: str) -> None:
    d = deadline(rule_id, **known, today=_d(today))
    assert words in " ".join(d.steps + d.notes).lower()


# ---------------------------------------------------------------------------------------------
# A caseload's fast ways (issue 17): the same hand-worked rows, through the loop that works out a run of days at
# a time (engine.run_counter), with the trigger first, in the middle and last of its run; and the day from which
# s.28 no longer makes a deadline run from the 18th birthday (engine.birthday_until), from the rows of CHILDREN.
# ---------------------------------------------------------------------------------------------

RUN_ROWS = [
    *(("equality-act", *row) for row in EQUALITY_ACT),
    *(("human-rights-act", *row) for row in HUMAN_RIGHTS_ACT),
    *(("personal-injury", incident, *dates) for incident, knowledge, _, *dates in PERSONAL_INJURY if knowledge is None),
    *(("civil-claim", *row) for row in CIVIL_CLAIM),
    *(("malicious-prosecution", *row) for row in MALICIOUS_PROSECUTION),
    *(("judicial-review", *row) for row in JUDICIAL_REVIEW),
]


@pytest.mark.parametrize("place", [0, 13, 31])
@pytest.mark.parametrize(("rule_id", "trigger", "safe", "last", "latest"), RUN_ROWS)
def test_a_run_of_days_gives_the_hand_worked_dates(
    rule_id: str, trigger: str, safe: str, last: str, latest: str, place: int
) -> None:
    run = run_counter(RULES_BY_ID[rule_id])(_d(trigger) - timedelta(days=place), 32)
    assert run[place][:3] == (_d(safe), _d(last), _d(latest))


# fmt: off
BIRTHDAY_UNTIL = [
    # rule               birth         s.28 runs from the birthday for triggers before   source
    ("personal-injury", "2010-05-20", "2028-05-20"),  # CHILDREN row 1: 18 on 20 May 2028
    ("personal-injury", "2002-01-10", "2020-01-10"),  # CHILDREN rows 2 and 3: under 18 on 9 Jan 2020, not on 10 Jan
    ("civil-claim", "2010-05-20", "2028-05-20"),  # CHILDREN row 6
    ("malicious-prosecution", "2005-06-15", "2023-06-15"),  # CHILDREN row 8: 18 on 15 Jun 2023
    ("personal-injury", "2008-02-29", None),  # s.4 and s.8 (born 29 February): two readings of the 18th birthday, so never one date alone (row 5)
    ("civil-claim", "2008-02-29", None),  # likewise (row 7)
]
# fmt: on


@pytest.mark.parametrize(("rule_id", "birth", "until"), BIRTHDAY_UNTIL)
def test_the_day_from_which_a_childs_deadline_no_longer_runs_from_the_birthday(
    rule_id: str, birth: str, until: str | None
) -> None:
    assert birthday_until(RULES_BY_ID[rule_id], _d(birth)) == (_d(until) if until else date.min)
