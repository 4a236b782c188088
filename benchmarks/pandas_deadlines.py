"""The comparison for `bench_batch.py`: the same deadlines as `escalate batch`, written with pandas.

    python benchmarks/pandas_deadlines.py CASELOAD.csv OUT.csv 2026-11-21

What a competent analyst would write with pandas and numpy for the caseloads of `make_caseload.py`: dates
read as dd/mm/yyyy, months added with ``DateOffset`` (which, like RULES.md section 2, gives the month's last
day where there is no corresponding date), court-office and working-day roll-forwards with
``numpy.busday_offset`` over England and Wales bank holidays and the HMCTS closures. For each rule it writes
``<id>_safe_date``, ``_last_day``, ``_latest_date``, ``_status`` and ``_days_left`` after the input columns.
The bank holidays and closures are escalate's data (the holiday tables, not its logic), so that both
compute from the same calendar; `bench_batch.py` checks that the two agree.

Benchmark-only: pandas and numpy are in the ``bench`` extra, never a dependency of escalate.
"""

from __future__ import annotations

import sys

import numpy as np
import pandas as pd

from escalate.law.calendars import COURT_CLOSURES, bank_holidays

FIELDS = ("safe_date", "last_day", "latest_date", "status", "days_left")
COLUMNS = {
    "incident_date": "Incident Date",
    "complaint_date": "Complaint Date",
    "last_update_date": "Last Update Date",
    "outcome_date": "Outcome Date",
    "review_decision_date": "Review Decision Date",
    "date_of_birth": "Date of Birth",
    "sar_date": "SAR Date",
}
RULE_IDS = (
    "complaint",
    "complaint-update",
    "review-request",
    "judicial-review",
    "letter-before-claim",
    "equality-act",
    "human-rights-act",
    "personal-injury",
    "civil-claim",
    "malicious-prosecution",
    "subject-access",
)
ART_12A_START = pd.Timestamp("2026-02-05")


def main(source: str, target: str, today_text: str) -> None:
    today = pd.Timestamp(today_text)
    frame = pd.read_csv(source, dtype=str, keep_default_na=False)
    dates = {
        fact: pd.to_datetime(frame[column], format="%d/%m/%Y", errors="coerce") for fact, column in COLUMNS.items()
    }
    about = frame["About"].str.lower()
    schedule3 = frame["Schedule3"].str.lower()
    investigation = frame["Investigation"].str.lower()
    working = np.array(sorted(bank_holidays()), dtype="datetime64[D]")
    court = np.array(sorted({*bank_holidays(), *COURT_CLOSURES}), dtype="datetime64[D]")

    iopc_investigated = investigation.isin(["iopc", "iopc-directed"])
    review_available = ~(schedule3.eq("no") | iopc_investigated | about.isin(["mopac-staff", "mayor"]))
    incident, complaint, outcome = dates["incident_date"], dates["complaint_date"], dates["outcome_date"]
    review = dates["review_decision_date"]
    out: dict[str, pd.Series] = {}

    def emit(rule_id: str, safe: pd.Series, last: pd.Series, latest: pd.Series) -> None:
        days_left = (safe - today).dt.days
        status = np.select(
            [today > latest, today > safe, days_left <= 14],
            ["passed", "at-risk", "due-soon"],
            default="open",
        )
        shown = safe.notna()
        stem = rule_id.replace("-", "_")
        for name, values in (("safe_date", safe), ("last_day", last), ("latest_date", latest)):
            out[f"{stem}_{name}"] = values.dt.strftime("%Y-%m-%d").where(shown, "")
        out[f"{stem}_status"] = pd.Series(status, index=frame.index).where(shown, "")
        out[f"{stem}_days_left"] = days_left.astype("Int64").astype(str).where(shown, "")

    def roll(day: pd.Series, holidays: np.ndarray) -> pd.Series:
        """The next open day on or after each date (CPR 2.8(5); ICO for subject access)."""
        known = day.notna()
        rolled = day.copy()
        values = day[known].to_numpy(dtype="datetime64[D]")
        rolled[known] = np.busday_offset(values, 0, roll="forward", holidays=holidays)
        return rolled

    def starting_with(event: pd.Series, months: int) -> tuple[pd.Series, pd.Series]:
        """RULES.md section 2, 'starting with': (last day, the other reading)."""
        corresponding = event + pd.DateOffset(months=months)
        has_day = corresponding.dt.day == event.dt.day
        last = corresponding.where(~has_day, corresponding - pd.Timedelta(days=1))
        return last, corresponding - pd.Timedelta(days=1)

    def limitation(trigger: pd.Series, years: int) -> tuple[pd.Series, pd.Series, pd.Series]:
        """Limitation Act: n years after, or after the 18th birthday for a child (s.28); court roll."""
        last = trigger + pd.DateOffset(years=years)
        born = dates["date_of_birth"]
        # The 18th birthday: 28 February for someone born on 29 February, in a common year, for the safe and
        # last dates (DateOffset gives that), 1 March for the latest (RULES.md section 8).
        birthday = born + pd.DateOffset(years=18)
        leap_born = (born.dt.month == 2) & (born.dt.day == 29) & (birthday.dt.day == 28)
        later_birthday = birthday.where(~leap_born, birthday + pd.Timedelta(days=1))
        from_birthday = birthday + pd.DateOffset(years=years)
        governs = born.notna() & (trigger < birthday) & (from_birthday > last)
        latest_base = last.where(
            ~(born.notna() & (trigger < later_birthday)),
            np.maximum(last, later_birthday + pd.DateOffset(years=years)),
        )
        safe = last.where(~governs, from_birthday - pd.Timedelta(days=1))
        last = last.where(~governs, from_birthday)
        return safe, last, roll(latest_base, court)

    plus12 = incident + pd.DateOffset(months=12)
    shown = incident.notna() & complaint.isna()
    emit("complaint", plus12.where(shown), plus12.where(shown), plus12.where(shown))

    update = dates["last_update_date"].fillna(complaint) + pd.Timedelta(days=28)
    update = update.where(outcome.isna())
    emit("complaint-update", update, update, update)

    request = (outcome + pd.Timedelta(days=28)).where(review.isna() & review_available)
    emit("review-request", request, request, request)

    jr_trigger = review.where(review.notna(), outcome.where(iopc_investigated))
    jr_last = jr_trigger + pd.DateOffset(months=3)
    emit("judicial-review", jr_last, jr_last, roll(jr_last, court))
    letter = jr_last - pd.Timedelta(days=14)
    emit("letter-before-claim", letter, letter, letter)

    for rule_id, months in (("equality-act", 6), ("human-rights-act", 12)):
        last, other = starting_with(incident, months)
        emit(rule_id, np.minimum(last, other), last, roll(last, court))

    emit("personal-injury", *limitation(incident, 3))
    emit("civil-claim", *limitation(incident, 6))
    nothing = pd.Series(pd.NaT, index=frame.index)
    emit("malicious-prosecution", nothing, nothing, nothing)

    sar = dates["sar_date"]
    sar_last = roll(sar + pd.DateOffset(months=1), working)
    sar_safe = sar_last.where(sar < ART_12A_START, starting_with(sar, 1)[0])
    emit("subject-access", sar_safe, sar_last, sar_last)

    result = pd.concat([frame, pd.DataFrame(out, index=frame.index)], axis=1)
    result.to_csv(target, index=False, lineterminator="\n")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit("usage: pandas_deadlines.py CASELOAD.csv OUT.csv TODAY")
    main(sys.argv[1], sys.argv[2], sys.argv[3])
