"""The built-in example case, so that a new user sees real output with nothing of their own.

Invented facts: stopped and searched on 10 January 2026, complained on 2 February 2026, outcome letter dated
3 November 2026, subject access request received 30 October 2026. Counted as at 21 November 2026 unless
``--today`` says otherwise, so that the output (and the README) stays the same from day to day.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

EXAMPLE_TODAY = date(2026, 11, 21)

EXAMPLE_FACTS: Mapping[str, str] = {
    "incident_date": "10/01/2026",
    "complaint_date": "2 February 2026",
    "outcome_date": "2026-11-03",
    "sar_date": "2026-10-30",
    "schedule3": "yes",
    "investigation": "mps",
    "detained": "yes",
    "discrimination": "yes",
}
