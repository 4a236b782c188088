"""Working days and court-open days in England and Wales (RULES.md section 3).

Bank holidays come from the ``holidays`` package, ``country_holidays("GB", subdiv="ENG")``. Importing it
costs 60-100 ms (it loads every country), so the table it gives is kept in a small cache file keyed by the
installed ``holidays`` version: the first run builds it, later runs read it. The cache holds public holiday
dates only, never case data; set ``ESCALATE_NO_CACHE=1`` to do without it.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cache
from importlib.util import find_spec
from pathlib import Path

from escalate.dates import ONE_DAY, long_date

HOLIDAY_HORIZON_YEAR = 2028
"""The last year of the GOV.UK bank-holiday list this release was checked against (a test proves it).

Later years come from the ``holidays`` package's rules and may miss a one-off holiday announced later."""

_CACHED_YEARS = range(1900, 2131)
_CACHE_FORMAT = 1


@dataclass(frozen=True, slots=True)
class Closure:
    """A day the court offices were closed although it was a working day, with where that is said."""

    day: date
    source: str


COURT_CLOSURES: Mapping[date, Closure] = {
    closure.day: closure
    for closure in (
        Closure(date(2017, 12, 27), "HMCTS notice: court and tribunal offices closed 27 December 2017 (PD 2A annex)"),
        Closure(date(2018, 12, 24), "HMCTS notice: court and tribunal offices closed 24 December 2018 (PD 2A annex)"),
        Closure(date(2021, 12, 24), "HMCTS notice: court and tribunal offices closed 24 December 2021 (PD 2A annex)"),
        Closure(date(2024, 12, 27), "HMCTS notice: court and tribunal offices closed 27 December 2024 (PD 2A annex)"),
        Closure(date(2025, 12, 24), "HMCTS notice: court and tribunal offices closed 24 December 2025 (PD 2A annex)"),
    )
}
"""Extra court-office closures (CPR PD 2A annex and HMCTS notices)."""

KNOWN_CLOSURE_YEARS = frozenset(day.year for day in COURT_CLOSURES)


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
    version = _holidays_version()
    path = _cache_path(version)
    if path is not None:
        with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
            stored = json.loads(path.read_text(encoding="utf-8"))
            if stored["format"] == _CACHE_FORMAT and stored["holidays"] == version:
                return {date.fromordinal(day): name for day, name in stored["days"]}
    table = _compute_bank_holidays()
    if path is not None:
        _write_cache(path, version, table)
    return table


def _compute_bank_holidays() -> dict[date, str]:
    import holidays  # noqa: PLC0415 - deliberately lazy: see the module docstring

    calendar = holidays.country_holidays("GB", subdiv="ENG", years=_CACHED_YEARS)
    return dict(sorted(calendar.items()))


def _holidays_version() -> str:
    """The installed ``holidays`` version, read without importing the package."""
    spec = find_spec("holidays")
    if spec is None or spec.origin is None:
        return "unknown"
    version_file = Path(spec.origin).with_name("version.py")
    try:
        for line in version_file.read_text(encoding="utf-8").splitlines():
            if line.startswith("__version__"):
                return line.split("=", 1)[1].strip().strip("\"'")
    except OSError:
        pass
    return "unknown"


def _cache_path(version: str) -> Path | None:
    if os.environ.get("ESCALATE_NO_CACHE") or version == "unknown":
        return None
    if explicit := os.environ.get("ESCALATE_CACHE_DIR"):
        folder = Path(explicit)
    elif sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        folder = Path(os.environ["LOCALAPPDATA"]) / "escalate" / "cache"
    else:
        folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "escalate"
    return folder / f"bank-holidays-{version}.json"


def _write_cache(path: Path, version: str, table: Mapping[date, str]) -> None:
    """Write the cache atomically; a read-only or missing home folder simply means no cache."""
    payload = {
        "format": _CACHE_FORMAT,
        "holidays": version,
        "days": [[day.toordinal(), name] for day, name in table.items()],
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False) as handle:
            json.dump(payload, handle)
        Path(handle.name).replace(path)
    except OSError:
        with contextlib.suppress(OSError, UnboundLocalError):
            Path(handle.name).unlink()


def is_working_day(day: date) -> bool:
    """Monday to Friday and not an England and Wales bank holiday."""
    return day.weekday() < 5 and day not in bank_holidays()


def is_court_open_day(day: date) -> bool:
    """A working day that is not an extra court-office closure."""
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
