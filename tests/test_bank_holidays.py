"""escalate's calendars against GOV.UK's published bank holidays, offline (RULES.md s.3).

The `govuk-bank-holidays` package ships a copy of https://www.gov.uk/bank-holidays.json; it is read
straight from the installed package directory, never downloaded.
"""

import json
from datetime import date, timedelta
from functools import cache
from importlib.resources import files

import pytest

from escalate.law.calendars import HOLIDAY_HORIZON_YEAR, bank_holidays, is_court_open_day, is_working_day

# RULES.md s.3: extra HMCTS court-office closures (PD 2A annex, HMCTS notices), with 2019 added (HMCTS's notice)
COURT_CLOSURES = {
    date(2017, 12, 27),
    date(2018, 12, 24),
    date(2019, 12, 27),  # HMCTS notice "Christmas and New Year closures ... 2019" (4 Nov 2019)
    date(2021, 12, 24),
    date(2024, 12, 27),
    date(2025, 12, 24),
}


@cache
def govuk() -> dict[date, str]:
    """England and Wales bank holidays from the GOV.UK copy bundled with govuk-bank-holidays."""
    data = json.loads((files("govuk_bank_holidays") / "bank-holidays.json").read_text(encoding="utf-8"))
    events = data["england-and-wales"]["events"]
    return {date.fromisoformat(e["date"]): e["title"] for e in events}


def govuk_weekdays() -> list[date]:
    """Every Monday to Friday from 1 January 2012 to the end of the last year GOV.UK lists."""
    first, last = date(2012, 1, 1), date(max(d.year for d in govuk()), 12, 31)
    every_day = (first + timedelta(days=n) for n in range((last - first).days + 1))
    return [d for d in every_day if d.weekday() < 5]


def test_govuk_copy_is_the_england_and_wales_list() -> None:
    holidays = govuk()
    assert min(holidays).year == 2012
    assert max(holidays).year >= 2028  # s.3: "It agrees with GOV.UK's published list ... from 2012 to 2028"
    assert date(2022, 9, 19) in holidays  # State Funeral of Queen Elizabeth II (one-off)


def test_horizon_is_the_last_year_of_the_govuk_list() -> None:
    # s.3 "Horizon": the last year of the GOV.UK list that the release knows
    assert max(d.year for d in govuk()) == HOLIDAY_HORIZON_YEAR


def test_working_days_agree_with_govuk_on_every_weekday() -> None:
    holidays = govuk()
    wrong = [(d, d in holidays) for d in govuk_weekdays() if is_working_day(d) == (d in holidays)]
    assert wrong == []  # (day, GOV.UK says bank holiday) for every disagreement


def test_bank_holidays_mapping_agrees_with_govuk_on_every_weekday() -> None:
    ours, theirs = bank_holidays(), govuk()
    wrong = [d for d in govuk_weekdays() if (d in ours) != (d in theirs)]
    assert wrong == []


def test_weekends_are_never_working_days() -> None:
    first = date(2012, 1, 7)  # a Saturday
    saturdays = [first + timedelta(weeks=n) for n in range(52 * 17)]
    assert not any(is_working_day(d) or is_working_day(d + timedelta(days=1)) for d in saturdays)


def test_court_open_days_are_working_days_less_the_closures() -> None:
    # s.3: "Court-open day: a working day that is not an extra HMCTS court-office closure"
    wrong = [d for d in govuk_weekdays() if is_court_open_day(d) != (is_working_day(d) and d not in COURT_CLOSURES)]
    assert wrong == []


@pytest.mark.parametrize("closure", sorted(COURT_CLOSURES))
def test_each_court_closure_is_a_working_day_but_not_court_open(closure: date) -> None:
    assert is_working_day(closure)
    assert not is_court_open_day(closure)


NAMED = [
    # day, a bank holiday?, source: GOV.UK list
    (date(2025, 12, 25), True),  # Christmas Day, Thursday
    (date(2025, 12, 26), True),  # Boxing Day, Friday
    (date(2026, 12, 28), True),  # Boxing Day substitute (26 Dec 2026 is a Saturday)
    (date(2021, 12, 27), True),  # Christmas Day substitute
    (date(2021, 12, 28), True),  # Boxing Day substitute
    (date(2026, 4, 3), True),  # Good Friday
    (date(2026, 4, 6), True),  # Easter Monday
    (date(2022, 9, 19), True),  # State Funeral of Queen Elizabeth II
    (date(2023, 5, 8), True),  # Coronation of King Charles III
    (date(2022, 6, 3), True),  # Platinum Jubilee
    (date(2020, 5, 8), True),  # Early May bank holiday moved to VE Day
    (date(2020, 5, 4), False),  # the usual first Monday of May 2020 was not a holiday
    (date(2025, 12, 24), False),  # Christmas Eve is not a bank holiday (but a court closure, s.3)
    (date(2024, 12, 27), False),  # not a bank holiday (but a court closure, s.3)
]


@pytest.mark.parametrize(("day", "holiday"), NAMED)
def test_named_days(day: date, holiday: bool) -> None:
    assert (day in bank_holidays()) is holiday
    assert is_working_day(day) is not holiday
    assert (day in govuk()) is holiday  # the GOV.UK copy says the same
