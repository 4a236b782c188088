"""Invariants of the deadline engine, checked with hypothesis over dates in 1990-2090.

Derived from /work/shared/RULES.md, never from the engine's code:
- s.2: safe_date <= last_day <= latest_date; add_months is the corresponding date or the month's last day.
- s.3: a COURT_OFFICE roll moves latest_date to the next court-open day; NEXT_WORKING_DAY moves last_day
  to the next working day.
- s.4: no deadline falls before the fact that starts it (letter-before-claim is 14 days before the
  judicial-review date but still after the decision that starts both).
- s.5: days_left and status follow from today and the three dates; deadlines are listed by safe_date, then id.

Monotonicity (a later trigger never gives an earlier date for the same rule) holds for every rule. Two
places look as if it could fail, and do not:
- subject-access (uk-gdpr) safe_date across 5 Feb 2026: before it, safe = the ICO date rolled to a working
  day; from it, safe = art 12A's "one month beginning with" date, not rolled and a day earlier. The last
  request before the change (4 Feb 2026) gives Wed 4 Mar 2026, a working day, which is exactly the first art
  12A safe date (5 Feb 2026 -> 4 Mar 2026), so the sequence never steps back. (part-3 and unknown use
  "beginning with" for safe on every date.)
- s.28 (children): when the trigger moves onto the 18th birthday, s.28 stops governing and safe_date
  moves from the day before the 21st/24th birthday to that birthday itself: later, not earlier.
"""

from collections.abc import Callable
from datetime import date, timedelta

import holidays
import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from escalate import Facts, compute_deadlines
from escalate.engine.calculate import calculate, runs_from_birthday
from escalate.law.calendars import is_court_open_day, is_working_day
from escalate.law.dates import add_months, add_years
from escalate.law.rules import RULES_BY_ID

FAST = settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
QUICK = settings(FAST, max_examples=80)  # for the per-rule parametrised properties (14 rules x 80)

TODAY = date(2026, 11, 21)
EARLIEST, LATEST = date(1990, 1, 1), date(2090, 12, 31)
ART_12A = date(2026, 2, 5)  # UK GDPR art 12A applies to requests received on or after this day (s.4)

COURT_RULES = {
    "judicial-review",
    "equality-act",
    "human-rights-act",
    "personal-injury",
    "civil-claim",
    "malicious-prosecution",
}
ENG = holidays.country_holidays("GB", subdiv="ENG")  # s.3: the source of England and Wales bank holidays

dates = st.dates(min_value=EARLIEST, max_value=LATEST)


def days(n: int) -> timedelta:
    return timedelta(days=n)


@st.composite
def consistent_facts(draw: st.DrawFn, *, allow_29_feb_birthday: bool = True) -> Facts:
    """Facts that never contradict each other (s.1), each date fact present or not."""

    def later(than: date, most: int) -> date:
        return than + days(draw(st.integers(0, most)))

    def optional(value: date) -> date | None:
        return value if draw(st.booleans()) else None

    anchor = draw(st.dates(min_value=EARLIEST, max_value=date(2080, 12, 31)))
    complaint = optional(later(anchor, 800))
    outcome = optional(later(complaint or anchor, 800))
    birth = optional(anchor - days(draw(st.integers(0, 40 * 365))))
    if birth is not None and not allow_29_feb_birthday and (birth.month, birth.day) == (2, 29):
        birth -= days(1)
    known = {
        "incident_date": optional(anchor),
        "complaint_date": complaint,
        "last_update_date": optional(later(complaint, 400)) if complaint else None,
        "outcome_date": outcome,
        "outcome_received_date": optional(later(outcome, 90)) if outcome else None,
        "review_decision_date": optional(later(outcome or anchor, 400)),
        "knowledge_date": optional(later(anchor, 2000)),
        "prosecution_end_date": optional(later(anchor, 1500)),
        "sar_date": optional(draw(dates)),
        "date_of_birth": birth,
    }
    if known["review_decision_date"] is None:
        schedule3 = draw(st.sampled_from(["yes", "no", "unknown"]))
        investigation = draw(st.sampled_from(["unknown", "not-investigated", "mps", "iopc-directed", "iopc"]))
    else:
        # a review decision implies there was a review: Schedule 3 and no IOPC investigation (s.6)
        schedule3 = draw(st.sampled_from(["yes", "unknown"]))
        investigation = draw(st.sampled_from(["unknown", "not-investigated", "mps"]))
    return Facts(
        today=draw(dates),
        schedule3=schedule3,
        investigation=investigation,
        **{k: v for k, v in known.items() if v is not None},
    )


def next_open(d: date, is_open: Callable[[date], bool]) -> date:
    """The first day from d (inclusive) on which is_open holds."""
    while not is_open(d):
        d += days(1)
    return d


# ---------------------------------------------------------------------------------------------
# Every rule, every consistent set of facts
# ---------------------------------------------------------------------------------------------


@FAST
@given(consistent_facts())
def test_safe_le_last_le_latest(facts: Facts) -> None:
    # s.2: "Always safe_date <= last_day <= latest_date"
    for d in compute_deadlines(facts).deadlines:
        assert d.safe_date <= d.last_day <= d.latest_date, d.id


@FAST
@given(consistent_facts())
def test_no_deadline_before_its_trigger(facts: Facts) -> None:
    # letter-before-claim is judicial-review.last_day - 14 days, i.e. 3 months - 14 days (>= 75 days) after
    # its trigger, so it too is never before it.
    for d in compute_deadlines(facts).deadlines:
        assert getattr(facts, d.trigger) == d.trigger_date, d.id
        assert d.trigger_date <= d.safe_date, d.id


@FAST
@given(consistent_facts())
def test_days_left_status_and_order(facts: Facts) -> None:
    # s.5, first that applies: passed, at-risk, due-soon (14 days or fewer), open
    report = compute_deadlines(facts)
    today = facts.today
    for d in report.deadlines:
        assert d.days_left == (d.safe_date - today).days, d.id
        if today > d.latest_date:
            expected = "passed"
        elif today > d.safe_date:
            expected = "at-risk"
        elif d.days_left <= 14:
            expected = "due-soon"
        else:
            expected = "open"
        assert d.status == expected, d.id
    keys = [(d.safe_date, d.id) for d in report.deadlines]
    assert keys == sorted(keys)


@FAST
@given(consistent_facts(allow_29_feb_birthday=False))
def test_court_roll_lands_on_the_next_court_open_day(facts: Facts) -> None:
    # s.3 COURT_OFFICE: latest_date is last_day, or, when the court office is closed that day, the next
    # court-open day. (A 29 February birthday is left out: there latest_date comes from 1 March, s.4.)
    for d in compute_deadlines(facts).deadlines:
        if d.id in COURT_RULES:
            assert d.latest_date == next_open(d.last_day, is_court_open_day), d.id
            if d.latest_date != d.last_day:
                assert is_court_open_day(d.latest_date), d.id
                assert is_working_day(d.latest_date), d.id


# ---------------------------------------------------------------------------------------------
# Conventions checked against an independent reading of s.2 (dateutil's relativedelta clamps to
# the month's last day, which is the corresponding-date rule of Dodds v Walker)
# ---------------------------------------------------------------------------------------------


@FAST
@given(dates, st.integers(min_value=0, max_value=600))
def test_add_months_agrees_with_relativedelta(start: date, n: int) -> None:
    assert add_months(start, n) == start + relativedelta(months=n)


@FAST
@given(dates, st.integers(min_value=0, max_value=50))
def test_add_years_is_twelve_months(start: date, n: int) -> None:
    assert add_years(start, n) == add_months(start, 12 * n) == start + relativedelta(years=n)


def starting_with(event: date, months: int) -> date:
    """s.2 STARTING_WITH: the day before the corresponding date, or the target month's last day."""
    target = event + relativedelta(months=months)
    return target - days(1) if target.day == event.day else target


@FAST
@given(dates)
def test_after_rules_without_children(incident: date) -> None:
    report = compute_deadlines(Facts(today=TODAY, incident_date=incident, review_decision_date=incident))
    complaint = compute_deadlines(Facts(today=TODAY, incident_date=incident)).by_id("complaint")
    assert report.by_id("complaint") is None  # RULES.md s.4: a review decision shows the complaint was made
    assert complaint is not None and complaint.safe_date == complaint.last_day == incident + relativedelta(months=12)
    expected = {
        "judicial-review": incident + relativedelta(months=3),  # 3 months AFTER
        "personal-injury": incident + relativedelta(years=3),  # 3 years AFTER
        "civil-claim": incident + relativedelta(years=6),  # 6 years AFTER
    }
    for rule_id, last in expected.items():
        d = report.by_id(rule_id)
        assert d is not None, rule_id
        assert d.safe_date == d.last_day == last, rule_id
    lbc = report.by_id("letter-before-claim")
    assert lbc is not None
    assert lbc.safe_date == lbc.last_day == lbc.latest_date == expected["judicial-review"] - days(14)


@FAST
@given(dates)
def test_starting_with_rules(incident: date) -> None:
    report = compute_deadlines(Facts(today=TODAY, incident_date=incident))
    for rule_id, months in (("equality-act", 6), ("human-rights-act", 12)):
        d = report.by_id(rule_id)
        assert d is not None, rule_id
        last = starting_with(incident, months)
        second = incident + relativedelta(months=months) - days(1)  # s.2 second reading
        assert d.last_day == last, rule_id
        assert d.safe_date == min(last, second), rule_id
        assert d.latest_date == next_open(last, is_court_open_day), rule_id


@FAST
@given(dates, st.sampled_from(("uk-gdpr", "part-3", "unknown")))
def test_subject_access(received: date, law: str) -> None:
    d = compute_deadlines(Facts(today=TODAY, sar_date=received, sar_law=law)).by_id("subject-access")
    assert d is not None
    # s.3 NEXT_WORKING_DAY, checked against the holidays package directly
    working = lambda x: x.weekday() < 5 and x not in ENG  # noqa: E731
    gdpr = next_open(received + relativedelta(months=1), working)  # ICO (UK GDPR): receipt is day 1
    part3 = next_open(received + timedelta(days=1) + relativedelta(months=1), working)  # ICO's Part 3 method
    beginning_with = starting_with(received, 1)  # s.54(2) and art 12A: "one month beginning with"
    if law == "uk-gdpr":
        assert d.last_day == d.latest_date == gdpr
        assert d.safe_date == (beginning_with if received >= ART_12A else gdpr)  # art 12A: no roll
    elif law == "part-3":
        assert d.safe_date == d.last_day == beginning_with
        assert d.latest_date == part3
    else:  # s.4: every reading of both laws; safe the earliest, latest the latest
        assert (d.safe_date, d.last_day, d.latest_date) == (beginning_with, gdpr, max(gdpr, part3))


# ---------------------------------------------------------------------------------------------
# A later trigger never gives an earlier date (for the same rule, all other facts unchanged)
# ---------------------------------------------------------------------------------------------

BASE = "base"  # placeholder: a fixed earlier date shared by both sets of facts

MONOTONE = [
    # rule, the fact moved, the other facts held fixed
    ("complaint", "incident_date", {}),
    ("complaint-update", "complaint_date", {}),
    ("complaint-update", "last_update_date", {"complaint_date": BASE}),
    ("review-request", "outcome_date", {}),
    ("judicial-review", "review_decision_date", {}),
    ("judicial-review", "outcome_date", {"investigation": "iopc"}),
    ("letter-before-claim", "review_decision_date", {}),
    ("equality-act", "incident_date", {}),
    ("human-rights-act", "incident_date", {}),
    ("personal-injury", "incident_date", {}),
    ("personal-injury", "knowledge_date", {"incident_date": BASE}),
    ("civil-claim", "incident_date", {}),
    ("malicious-prosecution", "prosecution_end_date", {}),
    ("subject-access", "sar_date", {}),
]
CHILD_RULES = {"personal-injury", "civil-claim", "malicious-prosecution"}


@pytest.mark.parametrize(("rule_id", "fact", "fixed"), MONOTONE)
@QUICK
@given(
    first=st.dates(min_value=EARLIEST, max_value=date(2080, 12, 31)),
    gap=st.integers(min_value=0, max_value=3000),
    base_gap=st.integers(min_value=0, max_value=2000),
    birth_gap=st.one_of(st.none(), st.integers(min_value=0, max_value=30 * 365)),
)
def test_later_trigger_never_earlier(
    rule_id: str,
    fact: str,
    fixed: dict[str, str],
    first: date,
    gap: int,
    base_gap: int,
    birth_gap: int | None,
) -> None:
    base = first - days(base_gap)
    held: dict[str, object] = {k: base if v == BASE else v for k, v in fixed.items()}
    if birth_gap is not None and rule_id in CHILD_RULES:
        held["date_of_birth"] = base - days(birth_gap)  # s.28: the same person both times

    def dates_for(trigger: date) -> tuple[date, date, date]:
        d = compute_deadlines(Facts(today=TODAY, **held, **{fact: trigger})).by_id(rule_id)
        assert d is not None
        return d.safe_date, d.last_day, d.latest_date

    early, late = dates_for(first), dates_for(first + days(gap))
    assert all(a <= b for a, b in zip(early, late, strict=True)), (early, late)


@pytest.mark.parametrize("rule_id", sorted(CHILD_RULES))
@QUICK
@given(
    born=st.dates(min_value=date(1970, 1, 1), max_value=date(2030, 12, 31)),
    first_age=st.integers(min_value=0, max_value=18 * 366),
    second_age=st.integers(min_value=0, max_value=18 * 366),
)
def test_runs_from_birthday_means_the_trigger_does_not_matter(
    rule_id: str, born: date, first_age: int, second_age: int
) -> None:
    """A caseload works a child's deadline out once per date of birth when ``runs_from_birthday`` says the
    trigger no longer matters (s.28): the dates must then be the same for any such trigger."""
    rule = RULES_BY_ID[rule_id]
    triggers = [born + days(first_age), born + days(second_age)]
    found = {
        calculate(rule_id, trigger, date_of_birth=born)[:3]
        for trigger in triggers
        if runs_from_birthday(rule, trigger, born)
    }
    assert len(found) <= 1, found
    if found:  # and they are the dates from the 18th birthday (s.28), safe the day before
        safe, last, _ = found.pop()
        assert last == add_years(date(born.year + 18, born.month, born.day), rule.period.months // 12)
        assert safe == last - days(1)
