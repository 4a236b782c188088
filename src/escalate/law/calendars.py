"""Working days and court-open days in England and Wales (RULES.md section 3).

Bank holidays come from the ``holidays`` package, ``country_holidays("GB", subdiv="ENG")``. Importing it
costs 60-100 ms (it loads every country), so the table it gives is kept in a small cache file keyed by the
installed ``holidays`` version: the first run builds it, later runs read it. The cache (a small text file in
the user's cache folder, or ``ESCALATE_CACHE_DIR``) holds public holiday dates only, never case data; set
``ESCALATE_NO_CACHE=1`` to do without it.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Mapping
from datetime import date
from enum import StrEnum
from functools import cache
from importlib.util import find_spec
from pathlib import Path

from escalate.law.dates import ONE_DAY, long_date

HOLIDAY_HORIZON_YEAR = 2028
"""The last year of the GOV.UK bank-holiday list this release was checked against (a test proves it).

Later years come from the ``holidays`` package's rules and may miss a one-off holiday announced later."""

_CACHED_YEARS = range(1900, 2131)
_CACHE_FORMAT = 1


_NOTICE_2018 = (
    "HMCTS, 'Christmas and New Year closures for courts and tribunals 2018' (GOV.UK news story, 27 November 2018): "
    "all courts and tribunals closed 24, 25 and 26 December 2018 and 1 January 2019. "
    "https://www.gov.uk/government/news/christmas-and-new-year-closures-for-courts-and-tribunals-2018"
)
_NOTICE_2019 = (
    "HMCTS, 'Christmas and New Year closures for courts and tribunals 2019' (GOV.UK news story, published 4 November "
    "2019; its text seen in a verbatim copy, not on GOV.UK itself): all courts and tribunals closed 25, 26 and 27 "
    "December 2019 and 1 January 2020. "
    "https://www.gov.uk/government/news/christmas-and-new-year-closures-for-courts-and-tribunals-2019"
)
_NOTICE_2021 = (
    "HMCTS notice for Christmas 2021, as repeated by Small Claims Court Genie, 'Court closures for Christmas 2021' "
    "(a secondary source): 24 December 2021 for County Courts, Crown Courts, the High Court and the Court of Appeal "
    "only; 27 and 28 December 2021 and 3 January 2022 (bank holidays). "
    "https://www.smallclaimscourtgenie.co.uk/court-closures-for-christmas-2021/"
)
_NOTICE_2024 = (
    "HMCTS, 'Christmas and New Year courts and tribunals opening times 2024' (1 November 2024): 25, 26 and 27 "
    "December 2024 and 1 January 2025; on 27 December only County and Family Courts, Crown Courts, the High Court, "
    "the Court of Appeal and some tribunals (magistrates' courts open). "
    "https://www.gov.uk/government/news/christmas-and-new-year-courts-and-tribunals-opening-times-2024"
)
_NOTICE_2025 = (
    "HMCTS notice for Christmas 2025, as reported by Solicitors Journal, 'Courts and tribunals holiday opening "
    "times' (6 November 2025): 24, 25 and 26 December 2025 and 1 January 2026; on 24 December only County and "
    "Family Courts, Crown Courts, the High Court, the Court of Appeal and several tribunals (magistrates' courts "
    "open). https://www.solicitorsjournal.com/sjarticle/courts-and-tribunals-holiday-opening-times"
)

COURT_CLOSURES: Mapping[date, str] = {
    date(2017, 12, 27): "RULES.md section 3 (PD 2A annex, HMCTS notices); no HMCTS notice for Christmas 2017 has "
    "been seen, so 2017 is not a checked year",
    date(2018, 12, 24): _NOTICE_2018,
    date(2019, 12, 27): _NOTICE_2019,
    date(2021, 12, 24): _NOTICE_2021,
    date(2024, 12, 27): _NOTICE_2024,
    date(2025, 12, 24): _NOTICE_2025,
}
"""Extra court-office closures (working days on which the court offices were closed), each with its source.

The closures of 2021, 2024 and 2025 were partial, but the offices escalate's court deadlines concern (the High
Court's Administrative Court Office, the County Court) were among those closed. 27 December 2023 is not here: one
source reports it, but no HMCTS notice for 2023 has been seen (RULES.md section 7 gives its example only 'if HMCTS
confirms')."""

CHECKED_CHRISTMASES: Mapping[int, str] = {
    2018: _NOTICE_2018,
    2019: _NOTICE_2019,
    2021: _NOTICE_2021,
    2024: _NOTICE_2024,
    2025: _NOTICE_2025,
}
"""The Christmases (24 December to 2 January, by the year of the December) whose extra closures are known, each
with the notice that lists them: every extra closure it lists is in ``COURT_CLOSURES``, and no other day was
closed. Only years whose notice has been read are here; for any other year (2017, 2020, 2022, 2023, 2026 and
later) a court deadline over Christmas gets the warning ``court-christmas-unknown``."""

KNOWN_CLOSURE_YEARS = frozenset(CHECKED_CHRISTMASES)


class Roll(StrEnum):
    """What happens when a last day falls on a day the office is closed (RULES.md section 3)."""

    NONE = "none"
    """The date stands, even on a Sunday."""
    COURT_OFFICE = "court-office"
    """CPR 2.8(5): in time on the next court-open day; moves only the latest arguable date."""
    NEXT_WORKING_DAY = "next-working-day"
    """ICO method for subject access: the last day itself moves to the next working day."""


@cache
def bank_holidays() -> Mapping[date, str]:
    """England and Wales bank holidays, 1900 to 2130, with their names."""
    return {date.fromordinal(day): name for day, name in _holiday_table().items()}


@cache
def _holiday_ordinals() -> frozenset[int]:
    """The bank holidays as day numbers: the fast form for the working-day test."""
    return frozenset(_holiday_table())


@cache
def _holiday_table() -> dict[int, str]:
    """Bank holidays by ``date.toordinal()``, from the cache file when it matches the installed holidays."""
    version = _holidays_version()
    path = _cache_path(version)
    if path is not None:
        with contextlib.suppress(OSError, ValueError):
            lines = path.read_text(encoding="utf-8").splitlines()
            if lines and lines[0] == _cache_header(version):
                return {int(day): name for day, _, name in (line.partition(" ") for line in lines[1:])}
    table = _compute_bank_holidays()
    if path is not None:
        _write_cache(path, version, table)
    return table


def _compute_bank_holidays() -> dict[int, str]:
    import holidays  # deliberately lazy: see the module docstring

    calendar = holidays.country_holidays("GB", subdiv="ENG", years=_CACHED_YEARS)
    return {day.toordinal(): name for day, name in sorted(calendar.items())}


def _cache_header(version: str) -> str:
    return f"escalate bank holidays, format {_CACHE_FORMAT}, holidays {version}"


def _holidays_version() -> str:
    """The installed ``holidays`` version, read from its ``.dist-info`` folder without importing anything
    (``importlib.metadata`` alone costs 10 ms); failing that, the size and time of its files."""
    spec = find_spec("holidays")
    if spec is None or spec.origin is None:
        return "unknown"
    package = Path(spec.origin).parent
    try:
        for name in os.listdir(package.parent):  # noqa: PTH208 - names only, no Path objects needed
            if name.startswith("holidays-") and name.endswith(".dist-info"):
                return name.removeprefix("holidays-").removesuffix(".dist-info")
        stat = package.joinpath("__init__.py").stat()
    except OSError:
        return "unknown"
    return f"local-{stat.st_size}-{stat.st_mtime_ns}"


def _cache_path(version: str) -> Path | None:
    if os.environ.get("ESCALATE_NO_CACHE") or version == "unknown":
        return None
    if explicit := os.environ.get("ESCALATE_CACHE_DIR"):
        folder = Path(explicit)
    elif sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        folder = Path(os.environ["LOCALAPPDATA"]) / "escalate" / "cache"
    else:
        folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "escalate"
    return folder / f"bank-holidays-{version}.txt"


def _write_cache(path: Path, version: str, table: Mapping[int, str]) -> None:
    """Write the cache atomically (a unique temporary name, then a rename); where the folder cannot be
    written, there is simply no cache."""
    text = "\n".join([_cache_header(version), *(f"{day} {name}" for day, name in table.items())]) + "\n"
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(path)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink()


@cache
def _open_days() -> tuple[bytearray, bytearray]:
    """Which days are working days, and which court-open days, by ``date.toordinal() - _FIRST``: one byte
    a day (1 open, 0 closed) over the cached years. The weekday pattern is repeated, then the bank holidays
    and court closures are cleared: well under a millisecond, once."""
    days = _LAST - _FIRST + 1
    start = date.fromordinal(_FIRST).weekday()
    week = (b"\x01" * 5 + b"\x00\x00")[start:] + (b"\x01" * 5 + b"\x00\x00")[:start]
    working = bytearray((week * (days // 7 + 1))[:days])
    for day in _holiday_table():
        if _FIRST <= day <= _LAST:
            working[day - _FIRST] = 0
    court = bytearray(working)
    for closure in COURT_CLOSURES:
        court[closure.toordinal() - _FIRST] = 0
    return working, court


_FIRST = date(_CACHED_YEARS.start, 1, 1).toordinal()
_LAST = date(_CACHED_YEARS.stop - 1, 12, 31).toordinal()


def is_working_day(day: date) -> bool:
    """Monday to Friday and not an England and Wales bank holiday."""
    ordinal = day.toordinal()
    if _FIRST <= ordinal <= _LAST:
        return _open_days()[0][ordinal - _FIRST] == 1
    return day.weekday() < 5 and ordinal not in _holiday_ordinals()


def is_court_open_day(day: date) -> bool:
    """A working day that is not an extra court-office closure."""
    ordinal = day.toordinal()
    if _FIRST <= ordinal <= _LAST:
        return _open_days()[1][ordinal - _FIRST] == 1
    return is_working_day(day) and day not in COURT_CLOSURES


def closed_reason(day: date, *, court: bool) -> str:
    """Why an office is closed on ``day``, in words: 'a Sunday', 'Easter Monday, a bank holiday'."""
    if day.weekday() >= 5:
        return f"a {long_date(day).split()[0]}"
    if (name := bank_holidays().get(day)) is not None:
        return f"{name}, a bank holiday"
    if court and day in COURT_CLOSURES:
        return "a day the court offices were closed (HMCTS notice)"
    return "an open day"


def next_open_day(day: date, *, court: bool) -> date:
    """``day`` itself if the office is open, otherwise the next day it is."""
    ordinal = day.toordinal()
    if _FIRST <= ordinal <= _LAST - 14:  # an open day comes within a fortnight: the table has it
        found = _open_days()[1 if court else 0].find(1, ordinal - _FIRST) + _FIRST
        return day if found == ordinal else date.fromordinal(found)
    is_open = is_court_open_day if court else is_working_day
    while not is_open(day):
        day += ONE_DAY
    return day


def christmas_unknown(day: date) -> bool:
    """True when ``day`` lies in a Christmas period (24 Dec to 2 Jan) whose court closures the tool does not know."""
    if day.month == 12 and day.day >= 24:
        season = day.year
    elif day.month == 1 and day.day <= 2:
        season = day.year - 1
    else:
        return False
    return season not in KNOWN_CLOSURE_YEARS
