"""Excel's dates: serial numbers both ways (the 1900 and 1904 date systems), ISO dates in cells, and which
number formats make a number cell a date.

Excel keeps a date as a number of days (the serial) and shows it as a date because of the cell's number
format. These are the rules openpyxl 3.1 follows (``openpyxl.utils.datetime``, ``openpyxl.styles.numbers``),
so that escalate reads a workbook's dates as it did when it read them with openpyxl: the same values, the same
edge cases (Excel's 29 February 1900, a serial below 1 that is a time of day, durations).
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

WINDOWS_EPOCH = datetime(1899, 12, 30)
"""Day 0 of the 1900 date system (Excel's default). Excel counts 29 February 1900, which did not exist, so
serials 1 to 59 are one day off; the conversions below correct them as Excel shows them."""
MAC_EPOCH = datetime(1904, 1, 1)
"""Day 0 of the 1904 date system (``<workbookPr date1904="1"/>``)."""

_EPOCH_ORDINAL = WINDOWS_EPOCH.toordinal()

BUILTIN_FORMATS: dict[int, str] = {
    0: "General",
    1: "0",
    2: "0.00",
    3: "#,##0",
    4: "#,##0.00",
    5: '"$"#,##0_);("$"#,##0)',
    6: '"$"#,##0_);[Red]("$"#,##0)',
    7: '"$"#,##0.00_);("$"#,##0.00)',
    8: '"$"#,##0.00_);[Red]("$"#,##0.00)',
    9: "0%",
    10: "0.00%",
    11: "0.00E+00",
    12: "# ?/?",
    13: "# ??/??",
    14: "mm-dd-yy",
    15: "d-mmm-yy",
    16: "d-mmm",
    17: "mmm-yy",
    18: "h:mm AM/PM",
    19: "h:mm:ss AM/PM",
    20: "h:mm",
    21: "h:mm:ss",
    22: "m/d/yy h:mm",
    37: "#,##0_);(#,##0)",
    38: "#,##0_);[Red](#,##0)",
    39: "#,##0.00_);(#,##0.00)",
    40: "#,##0.00_);[Red](#,##0.00)",
    41: r'_(* #,##0_);_(* \(#,##0\);_(* "-"_);_(@_)',
    42: r'_("$"* #,##0_);_("$"* \(#,##0\);_("$"* "-"_);_(@_)',
    43: r'_(* #,##0.00_);_(* \(#,##0.00\);_(* "-"??_);_(@_)',
    44: r'_("$"* #,##0.00_)_("$"* \(#,##0.00\)_("$"* "-"??_)_(@_)',
    45: "mm:ss",
    46: "[h]:mm:ss",
    47: "mmss.0",
    48: "##0.0E+0",
    49: "@",
}
"""The number formats every workbook has without defining them (ECMA-376 part 1, 18.8.30), as openpyxl knows
them: 14-22 and 45-47 are dates and times. Ids it does not list (the East Asian dates, 27-36 and 50-81) are not
dates to it either, so not to escalate."""

# The patterns are compiled when first used (re's cache), not on import: start-up (issue 17).
_QUOTED_OR_BRACKETED = r'".*?"|\[(?!hh?\]|mm?\]|ss?\])[^\]]*\]'
"""Text in quotes and anything in square brackets (a colour, a locale, a condition) except [h], [m] and [s]."""
_DATE_LETTER = r"(?<![_\\])[dmhysDMHYS]"
"""A letter that shows part of a date or a time, not one escaped (``\\d``) or a space's width (``_d``)."""
_DURATION = r"(?i)\[hh?\](:mm(:ss(\.0*)?)?)?|\[mm?\](:ss(\.0*)?)?|\[ss?\](\.0*)?"
"""Elapsed hours, minutes or seconds ([h]:mm:ss): a duration, not a time of day."""


def is_date_format(code: str | None) -> bool:
    """Whether a number format shows a date or a time: a date letter in its first section (the one for
    positive numbers), outside quotes and brackets."""
    if code is None:
        return False
    return re.search(_DATE_LETTER, re.sub(_QUOTED_OR_BRACKETED, "", code.split(";")[0])) is not None


def is_duration_format(code: str | None) -> bool:
    """Whether a number format shows elapsed time ([h]:mm:ss), which is read as a duration."""
    if code is None:
        return False
    return re.search(_DURATION, code.split(";")[0]) is not None


def from_serial(value: float, epoch: datetime = WINDOWS_EPOCH, duration: bool = False) -> datetime | time | timedelta:
    """A date cell's number as Excel shows it: a date and time, a time of day (a serial below 1), or a
    duration for an elapsed-time format. Rounded to the millisecond, as Excel shows times. Raises
    OverflowError or ValueError for a serial outside the dates Python holds."""
    if duration:
        length = timedelta(days=value)
        if length.microseconds:
            length = timedelta(seconds=length.total_seconds() // 1, microseconds=round(length.microseconds, -3))
        return length
    day, fraction = divmod(value, 1)
    diff = timedelta(milliseconds=round(fraction * 86400 * 1000))
    if 0 <= value < 1 and diff.days == 0:
        minutes, seconds = divmod(diff.seconds, 60)
        hours, minutes = divmod(minutes, 60)
        return time(hours, minutes, seconds, diff.microseconds)
    if 0 < value < 60 and epoch == WINDOWS_EPOCH:
        day += 1  # before Excel's 29 February 1900
    return epoch + timedelta(days=day) + diff


def date_serial(value: date) -> int:
    """A date as a serial of the 1900 date system (what escalate writes), as Excel counts it."""
    days = value.toordinal() - _EPOCH_ORDINAL
    if 0 < days <= 60:
        days -= 1  # Excel's 29 February 1900
    return days


def datetime_serial(value: datetime) -> float:
    """A date and time as a serial of the 1900 date system: the day's serial and the fraction of the day."""
    seconds = value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 10**6
    return date_serial(value.date()) + seconds / 86400


_ISO = (
    r"(?P<date>(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2}))?T?"
    r"(?P<time>(?P<hour>\d{2}):(?P<minute>\d{2})(:(?P<second>\d{2})(?P<microsecond>\.\d{1,3})?)?)?Z?"
)
_ISO_DURATION = r"PT((?P<hours>\d+)H)?((?P<minutes>\d+)M)?((?P<seconds>\d+(\.\d{1,3})?)S)?"


def from_iso(text: str) -> date | datetime | time | timedelta | None:
    """A date cell written as ISO 8601 text (``t="d"``, as Strict workbooks keep dates): a date, a date and
    time, a time, or a duration (PT1H30M). Raises ValueError for anything else."""
    if not text:
        return None
    match = re.match(_ISO, text)
    if match and any(match.groups()):
        parts = match.groupdict()
        year, month, day, hour, minute, second = (
            int(parts[key] or 0) for key in ("year", "month", "day", "hour", "minute", "second")
        )
        micro = int(float(parts["microsecond"]) * 1_000_000) if parts["microsecond"] else 0
        if not parts["date"]:
            return time(hour, minute, second, micro)
        if not parts["time"]:
            return date(year, month, day)
        return datetime(year, month, day, hour, minute, second, micro)
    match = re.match(_ISO_DURATION, text)
    if match and any(match.groups()):
        found = match.groupdict()
        return timedelta(
            hours=float(found["hours"] or 0), minutes=float(found["minutes"] or 0), seconds=float(found["seconds"] or 0)
        )
    raise ValueError(f"Invalid datetime value {text}")
