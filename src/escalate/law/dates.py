"""Dates: reading them, writing them in words, and the named counting conventions of RULES.md section 2.

Month arithmetic is written here rather than taken from ``dateutil.relativedelta``: importing that costs about
14 ms at every start, and a call is about 10 times slower; the two agree on every day from 1900 to 2100 for
12 period lengths (880,968 cases, measured for issue 12), and the property tests keep checking it.
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache
from typing import NamedTuple

from escalate.errors import DateFormatError

EARLIEST_YEAR = 1900
LATEST_YEAR = 2100
ACCEPTED_FORMS = "2026-03-01, 01/03/2026, 1/3/2026, 1.3.2026, 1-3-2026, 1 March 2026 or 1st March 2026"

ONE_DAY = timedelta(days=1)

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONTH_NUMBERS = {name.lower(): number for number, name in enumerate(MONTHS, start=1)}
_MONTH_NUMBERS |= {name[:3].lower(): number for number, name in enumerate(MONTHS, start=1)}
_MONTH_NUMBERS["sept"] = 9
_WEEKDAY_NUMBERS = {name.lower(): number for number, name in enumerate(WEEKDAYS)}
_WEEKDAY_NUMBERS |= {name[:3].lower(): number for number, name in enumerate(WEEKDAYS)}


def days_in_month(year: int, month: int) -> int:
    """The number of days in a month of the Gregorian calendar."""
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def long_date(day: date) -> str:
    """A date in words, as people read it: ``Sunday 1 March 2026``."""
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def weekday_name(day: date) -> str:
    return WEEKDAYS[day.weekday()]


@lru_cache(maxsize=8192)
def parse_date(text: str) -> date:
    """Read a date written as ISO, UK day-first or in words; raise DateFormatError otherwise.

    Accepted (RULES.md s.1): ``2026-03-01``, ``01/03/2026``, ``1/3/2026``, ``1.3.2026``, ``1-3-2026``,
    ``1 March 2026``, ``1 Mar 2026``, ``1st March 2026``, ``3rd of March 2026`` (and the form escalate
    prints, ``Sunday 1 March 2026``, checked against its weekday). Two-digit years, other separators,
    ordinals that do not match their number ("21th") and month-first dates are refused rather than guessed.
    """
    if len(text) == 10:
        # The two fixed-width forms of nearly every spreadsheet cell, read directly; anything unusual (or
        # wrong) goes the long way below, which words the error.
        if text[2] == "/" and text[5] == "/":
            year_text, month_text, day_text = text[6:], text[3:5], text[:2]
        elif text[4] == "-" and text[7] == "-":
            year_text, month_text, day_text = text[:4], text[5:7], text[8:]
        else:
            year_text = ""
        if year_text and (year_text + month_text + day_text).isdigit() and text.isascii():
            year, month, day = int(year_text), int(month_text), int(day_text)
            if EARLIEST_YEAR <= year <= LATEST_YEAR and 1 <= month <= 12 and 1 <= day <= days_in_month(year, month):
                return date(year, month, day)
    cleaned = " ".join(text.split())
    if not cleaned:
        raise DateFormatError(f"no date given; use {ACCEPTED_FORMS}")
    if " " not in cleaned:
        if cleaned.count("-") == 2:
            year_text, month_text, day_text = cleaned.split("-")
            if len(year_text) == 4 and _digits(month_text, day_text, year_text):
                return _checked(cleaned, int(year_text), int(month_text), int(day_text))
        for separator in "/.-":  # UK day-first: 01/03/2026, 1.3.2026, 1-3-2026 (RULES.md s.1)
            if cleaned.count(separator) == 2:
                day_text, month_text, year_text = cleaned.split(separator)
                if _digits(day_text, month_text, year_text) and year_text:
                    _check_year_digits(cleaned, year_text)
                    return _checked(cleaned, int(year_text), int(month_text), int(day_text), day_first=True)
        raise DateFormatError(f"'{cleaned}' is not a date escalate reads; use {ACCEPTED_FORMS}")
    return _parse_words(cleaned)


def _digits(*parts: str) -> bool:
    return all(part.isascii() and part.isdigit() and len(part) <= 4 for part in parts) and all(
        len(part) <= 2 for part in parts[:2]
    )


def _check_year_digits(text: str, year_text: str) -> None:
    if len(year_text) != 4:
        raise DateFormatError(
            f"'{text}' has a {len(year_text)}-digit year; write the year in full, as in {ACCEPTED_FORMS}"
        )


def ordinal(day: int) -> str:
    """A day of the month as an ordinal: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 22nd, 23rd, 31st."""
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def _day_words(cleaned: str) -> tuple[int | None, str, str, list[str]]:
    """The words of a date in words: (weekday, day, month, the rest), an optional weekday first, commas
    and an 'of' after the day allowed. The day's ordinal must match its number ('21th' is refused)."""
    words = cleaned.replace(",", " ").split()
    weekday: int | None = None
    if words and words[0].lower() in _WEEKDAY_NUMBERS:
        weekday = _WEEKDAY_NUMBERS[words[0].lower()]
        words = words[1:]
    if len(words) >= 3 and words[1].lower() == "of":  # "3rd of March 2026"
        words = [words[0], *words[2:]]
    if len(words) < 2:
        raise DateFormatError(f"'{cleaned}' is not a date escalate reads; use {ACCEPTED_FORMS}")
    day_text = words[0].lower()
    number = day_text.rstrip("stndrh")
    suffix = day_text[len(number) :]
    if not _digits(number):
        raise DateFormatError(f"'{cleaned}' is not a date escalate reads; use {ACCEPTED_FORMS}")
    if suffix and ordinal(int(number)) != f"{int(number)}{suffix}":
        raise DateFormatError(
            f"'{cleaned}': '{words[0]}' is not an ordinal (write {ordinal(int(number))}); use {ACCEPTED_FORMS}"
        )
    return weekday, number, words[1], words[2:]


def _month_number(cleaned: str, month_text: str) -> int:
    month = _MONTH_NUMBERS.get(month_text.lower().removesuffix("."))
    if month is None:
        raise DateFormatError(f"'{cleaned}': '{month_text}' is not a month; use {ACCEPTED_FORMS}")
    return month


def _parse_words(cleaned: str) -> date:
    """``[Weekday] D[st|nd|rd|th] [of] Month YYYY``, commas and a full stop after the month allowed."""
    weekday, day_text, month_text, rest = _day_words(cleaned)
    if not rest and month_text.lower().removesuffix(".") in _MONTH_NUMBERS:
        raise DateFormatError(f"'{cleaned}' has no year; write it in full, as in {ACCEPTED_FORMS}")
    if len(rest) != 1 or not (rest[0].isascii() and rest[0].isdigit()):
        raise DateFormatError(f"'{cleaned}' is not a date escalate reads; use {ACCEPTED_FORMS}")
    year_text = rest[0]
    month = _month_number(cleaned, month_text)
    _check_year_digits(cleaned, year_text)
    result = _checked(cleaned, int(year_text), month, int(day_text))
    if weekday is not None and weekday != result.weekday():
        raise DateFormatError(
            f"'{cleaned}': {result.day} {MONTHS[month - 1]} {result.year} is a "
            f"{weekday_name(result)}, not a {WEEKDAYS[weekday]}"
        )
    return result


def parse_day_month(text: str) -> tuple[int, int] | None:
    """(day, month) of a date in words written without its year ("14th March", "3rd of March"), so that
    the year can be asked for; None for anything else (a weekday without a year cannot be checked)."""
    cleaned = " ".join(text.split())
    try:
        weekday, day_text, month_text, rest = _day_words(cleaned)
        month = _month_number(cleaned, month_text)
    except DateFormatError:
        return None
    day = int(day_text)
    if rest or weekday is not None or not 1 <= day <= (29 if month == 2 else days_in_month(2001, month)):
        return None
    return day, month


def _checked(text: str, year: int, month: int, day: int, *, day_first: bool = False) -> date:
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        raise DateFormatError(f"'{text}': the year must be between {EARLIEST_YEAR} and {LATEST_YEAR}")
    if not 1 <= month <= 12:
        hint = " (dates are read day first: DD/MM/YYYY)" if day_first else ""
        raise DateFormatError(f"'{text}': there is no month {month}{hint}")
    length = days_in_month(year, month)
    if not 1 <= day <= length:
        raise DateFormatError(f"'{text}' is not a real date: {MONTHS[month - 1]} {year} has {length} days")
    return date(year, month, day)


def add_days(day: date, days: int) -> date:
    return day + timedelta(days=days)


def add_months(day: date, months: int) -> date:
    """The corresponding date ``months`` calendar months later, or that month's last day where it has none.

    Always counted from the original date, never month by month (Dodds v Walker [1981] 1 WLR 1027;
    Interpretation Act 1978 Sch 1).
    """
    years, month_index = divmod(day.month - 1 + months, 12)
    year, month = day.year + years, month_index + 1
    return date(year, month, min(day.day, days_in_month(year, month)))


def add_years(day: date, years: int) -> date:
    """``add_months(day, 12 * years)``: 29 February 2024 + 1 year is 28 February 2025."""
    return add_months(day, 12 * years)


def end_starting_with(day: date, months: int) -> date:
    """Last day of a period of ``months`` months starting with ``day`` (that day is day 1).

    The day before the corresponding date; where the target month has no corresponding date, its last day
    (10 Jan, 6 months: 9 Jul; 1 Mar, 6 months: 31 Aug; 31 Aug, 6 months: 28 Feb).
    """
    years, month_index = divmod(day.month - 1 + months, 12)
    year, month = day.year + years, month_index + 1
    length = days_in_month(year, month)
    if day.day > length:
        return date(year, month, length)
    return date(year, month, day.day) - ONE_DAY


class Unit(StrEnum):
    DAYS = "days"
    MONTHS = "months"
    YEARS = "years"


_YEARS = Unit.YEARS
"""(Comparisons that run once a deadline use the members by module name: on Python 3.11 looking a member up on
its enum class costs about 0.2 microseconds.)"""


class Period(NamedTuple):
    """A length of time as the law states it: 28 days, 3 months, 1 year."""

    amount: int
    unit: Unit

    @property
    def months(self) -> int:
        return self.amount * 12 if self.unit is _YEARS else self.amount

    def __str__(self) -> str:
        word = self.unit.value[:-1] if self.amount == 1 else self.unit.value
        return f"{self.amount} {word}"


class Convention(StrEnum):
    """How the law counts a period, each named after its wording (RULES.md section 2)."""

    AFTER = "after"
    """'from' or 'after' the event: the event's own day is not counted."""
    STARTING_WITH = "starting-with"
    """'starting with' or 'beginning with' the event: the event's day is day 1."""
    DAYS_AFTER = "days-after"
    """'N days starting with the day after' the event."""
    DAYS_BEFORE = "days-before"
    """N days before another deadline (a pre-action letter before a claim deadline)."""
    ICO_MONTH = "ico-month"
    """The ICO's method for subject access: the corresponding date next month, then the next working day."""

    @property
    def wording(self) -> str:
        return _WORDING[self]

    def last_day(self, event: date, period: Period) -> date:
        """The last day under this convention's primary reading."""
        if self is _DAYS_AFTER:
            return add_days(event, period.amount)
        if self is _DAYS_BEFORE:
            return add_days(event, -period.amount)
        if self is _STARTING_WITH:
            return end_starting_with(event, period.months)
        return add_months(event, period.months)

    def other_reading(self, event: date, period: Period) -> date | None:
        """A second arguable last day, where the convention has one (RULES.md section 2).

        For 'starting with': the corresponding date less one day. No authority supports it, but it is
        earlier than the primary reading when the target month has no corresponding date.
        """
        if self is _STARTING_WITH:
            return add_months(event, period.months) - ONE_DAY
        return None

    def plain_words(self, period: Period) -> str:
        """How a period is counted, in plain words, without a date (``escalate explain``; RULES.md section 2)."""
        if self is Convention.AFTER:
            return f"{period} after that date; the date itself is not counted."
        if self is Convention.STARTING_WITH:
            return f"{period} starting with that date, which counts as the first day."
        if self is Convention.DAYS_AFTER:
            return f"{period} starting with the day after that date."
        if self is Convention.DAYS_BEFORE:
            return f"{period} before the judicial review claim deadline."
        return (
            "One month from the day the request was received; how the month ends depends on the law the police "
            "answer under (see the worked example)."
        )

    def describe(self, event: date, period: Period) -> str:
        """The counting in words, for a calculation's steps."""
        when = long_date(event)
        if self is Convention.DAYS_AFTER:
            return f"{period} starting with the day after {when}"
        if self is Convention.DAYS_BEFORE:
            return f"{period} before {when}"
        if self is Convention.STARTING_WITH:
            return f"{period} starting with {when} (that day counts as day 1)"
        if self is Convention.ICO_MONTH:
            return f"one month from {when}, the day of receipt counting as day 1 (ICO method)"
        return f"{period} after {when} (that day itself is not counted)"


_DAYS_AFTER, _DAYS_BEFORE, _STARTING_WITH = Convention.DAYS_AFTER, Convention.DAYS_BEFORE, Convention.STARTING_WITH

_WORDING = {
    Convention.AFTER: "from / after the event; the event's day is not counted (Marren v Dawson Bentley)",
    Convention.STARTING_WITH: "starting with / beginning with the event; the event's day is day 1",
    Convention.DAYS_AFTER: "N days starting with the day after the event",
    Convention.DAYS_BEFORE: "N days before another deadline",
    Convention.ICO_MONTH: "ICO: day of receipt is day 1; the corresponding date next month, then the next working day",
}
