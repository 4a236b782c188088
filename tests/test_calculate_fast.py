"""The fast ways equal the straightforward ones, over a wide range of dates (issue 17).

- the working-day and court-open-day tables (one byte a day by ordinal) against the definition of RULES.md
  section 3: Monday to Friday, not an England and Wales bank holiday, and for a court not an extra closure;
- ``next_open_day`` through the tables against stepping a day at a time;
- ``_plain`` (a rule's dates without words, for a trigger alone) against the worded calculation that
  ``escalate explain`` shows, for every rule it counts: every day of three years around a leap day, and
  hypothesis over 1900-2100;
- ``run_counter`` (the same dates for a run of days, in one loop) against ``plain_counter`` day by day, for
  every rule, over every day of 1990-2035 and every law of subject access.
"""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from escalate.engine.calculate import (
    _PLAIN,
    _calculate,
    birthday_dates,
    birthday_until,
    calculate,
    child_until,
    plain_counter,
    run_counter,
    runs_from_birthday,
)
from escalate.engine.facts import SarLaw
from escalate.law.calendars import (
    COURT_CLOSURES,
    _holiday_ordinals,
    is_court_open_day,
    is_working_day,
    next_open_day,
)
from escalate.law.rules import RULES, RULES_BY_ID

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


@pytest.mark.parametrize(
    ("rule_id", "law"),
    [(rule_id, SarLaw.UNKNOWN) for rule_id in sorted(RULES_BY_ID)]
    + [("subject-access", law) for law in SarLaw if law is not SarLaw.UNKNOWN],
)
def test_a_run_of_days_gives_each_days_dates(rule_id: str, law: SarLaw) -> None:
    # 1990-2035 in runs of 37 days (not a divisor of any month or year, so runs start on every day of the month
    # and of the week): month ends, leap days, bank holidays and Christmas closures, and holidays beyond the
    # horizon (beyond_horizon), counted by plain_run or, for the rules it does not count, the engine.
    rule = RULES_BY_ID[rule_id]
    day_by_day, in_runs = plain_counter(rule, law), run_counter(rule, law)
    first, last = date(1990, 1, 1), date(2035, 12, 31)
    for start in range(first.toordinal(), last.toordinal() + 1, 37):
        run = in_runs(date.fromordinal(start), 37)
        assert len(run) == 37
        for step, dates in enumerate(run):
            calc = day_by_day(date.fromordinal(start + step))
            assert dates == (
                calc.safe_date,
                calc.last_day,
                calc.latest_date,
                calc.beyond_horizon,
                calc.christmas_unknown,
            ), (rule_id, date.fromordinal(start + step))


# A child's deadline that runs from the 18th birthday (Limitation Act 1980 s.28): ``birthday_dates`` gives the
# dates from the date of birth alone, and must equal the worded calculation for every trigger date it is used for
# (``runs_from_birthday``): the period's anniversary after the birthday, the day before it to be safe, and the
# next day the court office is open as the latest (CPR 2.8(5)).
CHILD_RULES = sorted(rule.id for rule in RULES if rule.children)


def _same_birthday_dates(rule_id: str, trigger: date, born: date) -> None:
    rule = RULES_BY_ID[rule_id]
    if not runs_from_birthday(rule, trigger, born):
        return
    fast = birthday_dates(rule, born)
    worded = calculate(rule_id, trigger, date_of_birth=born)
    assert (fast.safe_date, fast.last_day, fast.latest_date) == (
        worded.safe_date,
        worded.last_day,
        worded.latest_date,
    ), (rule_id, trigger, born)
    assert (fast.beyond_horizon, fast.christmas_unknown) == (worded.beyond_horizon, worded.christmas_unknown)
    assert fast == _calculate(rule_id, trigger, born, None, explain=False)


@pytest.mark.parametrize("rule_id", CHILD_RULES)
def test_birthday_dates_equal_the_worded_calculation_for_every_birthday_of_four_years(rule_id: str) -> None:
    # Born 2007-2010: 18th birthdays in 2025-2028, every weekday and bank holiday among them, the Christmas
    # closures of 2025 (COURT_CLOSURES) and later ones escalate does not know; a leap day (29 February 2008,
    # whose 18th birthday is unsettled: runs_from_birthday is false for it, and the worded way is taken).
    for born in every_day(date(2007, 1, 1), date(2010, 12, 31)):
        for trigger in (born, born + timedelta(days=2000), date(born.year + 17, born.month, 1)):
            _same_birthday_dates(rule_id, trigger, born)


def _runs_until(rule_id: str, born: date, triggers: list[date]) -> None:
    rule = RULES_BY_ID[rule_id]
    until = birthday_until(rule, born)
    for trigger in triggers:
        assert runs_from_birthday(rule, trigger, born) is (trigger < until), (rule_id, born, trigger, until)


@pytest.mark.parametrize("rule_id", CHILD_RULES)
def test_the_clock_runs_from_the_birthday_for_every_trigger_before_one_day(rule_id: str) -> None:
    # Born 2004-2010 (every day, 29 February 2004 and 2008 among them: their 18th birthdays are unsettled and
    # the clock is never taken to run from them): every trigger from 40 days before the 18th birthday to 5 days
    # after it, where the answer changes, and some long before.
    for born in every_day(date(2004, 1, 1), date(2010, 12, 31)):
        birthday = child_until(born)
        near = every_day(birthday - timedelta(days=40), birthday + timedelta(days=5))
        _runs_until(rule_id, born, [born, born + timedelta(days=1000), *near])


@settings(max_examples=400, deadline=None, derandomize=True, database=None)
@given(
    rule_id=st.sampled_from(CHILD_RULES),
    born=st.dates(min_value=date(1900, 1, 1), max_value=date(2090, 12, 31)),
    age_in_days=st.integers(min_value=0, max_value=19 * 366),
)
def test_a_childs_dates_and_when_they_run_from_the_birthday_over_two_centuries(
    rule_id: str, born: date, age_in_days: int
) -> None:
    # birthday_dates equals the worded calculation wherever runs_from_birthday holds, and that holds for every
    # trigger before birthday_until and none after.
    trigger = born + timedelta(days=age_in_days)
    _same_birthday_dates(rule_id, trigger, born)
    _runs_until(rule_id, born, [trigger])


def test_every_rule_with_the_rule_for_children_is_counted_the_short_way() -> None:
    # birthday_dates counts a child's dates by _plain's table; a rule it did not count would go the worded way.
    assert set(CHILD_RULES) <= set(_PLAIN)
