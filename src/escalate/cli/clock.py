"""The one place escalate reads the clock: today's date in London, for the command line's default."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def today_in_london() -> date:
    """Today's date in Europe/London (falls back to the machine's local date if no time zone data exists)."""
    try:
        return datetime.now(ZoneInfo("Europe/London")).date()
    except ZoneInfoNotFoundError:
        return date.today()
