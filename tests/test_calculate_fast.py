"""The fast ways equal the straightforward ones, over a wide range of dates (issue 17).

- the working-day and court-open-day tables (one byte a day by ordinal) against the definition of RULES.md
  section 3: Monday to Friday, not an England and Wales bank holiday, and for a court not an extra closure;
- ``next_open_day`` through the tables against stepping a day at a time;
- ``_plain`` (a rule's dates without words, for a trigger alone) against the worded calculation that
  ``escalate explain`` shows, for every rule it counts: every day of three years around a leap day, and
  hypothesis over 1900-2100.
"""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from escalate.engine.calculate import _PLAIN, _calculate, calculate
from escalate.law.calendars import (
    COURT_CLOSURES,
    _holiday_ordinals,
    is_court_open_day,
    is_working_day,
    next_open_day,
)

FIRST, LAST = date(1900, 1, 1), date(2130, 12, 31)


def every_day(first: date, last: date) -> list[date]:
    return [date.fromordinal(day) for day in range(first.toordinal(), last.toordinal() + 1)]


def test_the_day_tables_match_the_definition_on_every_day_of_the_cached_years() -> None:
    holidays = _holiday_ordinals()
    for day in every_day(FIRST, LAST):
        working = day.weekday() < 5 and day.toordinal() not in holidays
        assert is_working_day(day) is working, day
        assert is_court_open_day(day) is (working and day not in COURT_CLOSURES), day


@pytest.mark.parametrize("day", [date(1899, 12, 29), date(1899, 12, 31), date(2131, 1, 1), date(2140, 12, 25)])
def test_days_outside_the_tables_are_worked_out_directly(day: date) -> None:
    assert is_working_day(day) is (day.weekday() < 5 and day.toordinal() not in _holiday_ordinals())
    assert next_open_day(day, court=True) >= day


@pytest.mark.parametrize("court", [False, True])
def test_next_open_day_matches_stepping_one_day_at_a_time(court: bool) -> None:
    is_open = is_court_open_day if court else is_working_day
    # 1990-2060: every bank holiday pattern of the period caseloads hold, and the Christmas closures.
    for day in every_day(date(1990, 1, 1), date(2060, 12, 31)):
        expected = day
        while not is_open(expected):
            expected += timedelta(days=1)
        assert next_open_day(day, court=court) == expected, day


def _same_dates(rule_id: str, trigger: date) -> None:
    fast = _calculate(rule_id, trigger, None, None, explain=False)
    worded = calculate(rule_id, trigger)
    assert fast.steps == ()  # the fast way says nothing
    assert (fast.safe_date, fast.last_day, fast.latest_date) == (
        worded.safe_date,
        worded.last_day,
        worded.latest_date,
    ), (rule_id, trigger)
    assert (fast.beyond_horizon, fast.christmas_unknown) == (worded.beyond_horizon, worded.christmas_unknown)


@pytest.mark.parametrize("rule_id", sorted([*_PLAIN, "letter-before-claim"]))
def test_plain_dates_equal_the_worded_calculation_every_day_around_a_leap_day(rule_id: str) -> None:
    # 2023-2025: month ends of 28, 29, 30 and 31 days, 29 February 2024, and the Christmas closures of 2024
    # and 2025 (COURT_CLOSURES).
    for day in every_day(date(2023, 1, 1), date(2025, 12, 31)):
        _same_dates(rule_id, day)


@settings(max_examples=400, deadline=None, derandomize=True, database=None)
@given(
    rule_id=st.sampled_from(sorted([*_PLAIN, "letter-before-claim"])),
    trigger=st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
)
def test_plain_dates_equal_the_worded_calculation_over_two_centuries(rule_id: str, trigger: date) -> None:
    _same_dates(rule_id, trigger)
