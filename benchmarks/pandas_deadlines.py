"""The comparison for `bench_batch.py`: the deadlines of `escalate batch`, written with pandas.

    python benchmarks/pandas_deadlines.py CASELOAD.csv OUT.csv 2026-11-21

What a competent analyst would write with pandas and numpy to compute, for a caseload of `make_caseload.py`,
the same deadline cells as `escalate batch`: for each rule (RULES.md section 4, in escalate's order) the
columns ``<id>_safe_date``, ``_last_day``, ``_latest_date``, ``_status`` and ``_days_left``, written after the
input columns, empty where the rule does not appear. Whole columns at a time, never a loop over rows:

- the facts: dates read as dd/mm/yyyy (the generator's form) or yyyy-mm-dd, spaces around them allowed; a
  date in any other form or outside 1900-2100, an answer that is not one of a fact's choices, or facts that
  contradict each other (dates out of order, a review after an IOPC investigation) make the row an error,
  whose cells stay empty as escalate's do. Choices and yes/no answers are normalised once per distinct value.
  Besides the generator's columns it reads, where present, "Outcome Received Date", "Review Request Date",
  "Knowledge Date", "Prosecution End Date" and "SAR Law";
- which rules appear for which facts (RULES.md section 4, 'Which rules appear'): the complaint until any date
  shows it was made, progress updates until the outcome, a review while none is asked for or decided and one
  is possible (not outside Schedule 3, not after an IOPC investigation), judicial review after a review
  decision or an IOPC investigation's outcome, the police complaint rules not at all for MOPAC staff or the
  Mayor, 'no discrimination' ruling out the Equality Act claim and 'no injury' the personal injury claim, the
  request to keep body-worn video only until it has passed;
- the counting (RULES.md section 2): months added with ``DateOffset`` (which gives the month's last day
  where there is no corresponding date), 'starting with' as the day before the corresponding date, the
  court-office and working-day roll-forwards with ``numpy.busday_offset``, the later of the incident and the
  date of knowledge for personal injury, the Limitation Act s.28 rule for children (from the 18th birthday;
  for a 29 February birthday in a common year 28 February for the safe and last dates, 1 March for the
  latest), an outcome received after its letter's date (the latest date, 2020 rules only), subject access by
  the law it is answered under (UK GDPR, Part 3 or unknown: every reading), and the status and days left
  (RULES.md section 5).

Rule periods, calendars (England and Wales bank holidays and the HMCTS closures) and the lists of facts that
show a complaint made or an outcome come are escalate's data, imported, so that both compute from the same
law; the computing is this file's own. `bench_batch.py` checks that every cell agrees.

Benchmark-only: pandas and numpy are in the ``bench`` extra, never a dependency of escalate.
"""

from __future__ import annotations

import sys

import numpy as np
import pandas as pd

from escalate.engine.calculate import ART_12A_START
from escalate.engine.facts import (
    COMPLAINT_MADE_FACTS,
    DATE_ORDER,
    NO_WORDS,
    OUTCOME_FACTS,
    UNKNOWN_WORDS,
    YES_WORDS,
    About,
    Investigation,
    SarLaw,
    Schedule3,
)
from escalate.engine.results import DUE_SOON_DAYS
from escalate.engine.review import REGIME_2020_START
from escalate.law.calendars import COURT_CLOSURES, bank_holidays
from escalate.law.dates import EARLIEST_YEAR, LATEST_YEAR
from escalate.law.rules import RULES, RULES_BY_ID

DATE_COLUMNS = {
    "incident_date": "Incident Date",
    "complaint_date": "Complaint Date",
    "last_update_date": "Last Update Date",
    "outcome_date": "Outcome Date",
    "outcome_received_date": "Outcome Received Date",
    "review_request_date": "Review Request Date",
    "review_decision_date": "Review Decision Date",
    "knowledge_date": "Knowledge Date",
    "date_of_birth": "Date of Birth",
    "prosecution_end_date": "Prosecution End Date",
    "sar_date": "SAR Date",
}
CHOICE_COLUMNS = {"about": "About", "schedule3": "Schedule3", "investigation": "Investigation", "sar_law": "SAR Law"}
CHOICES = {"about": About, "schedule3": Schedule3, "investigation": Investigation, "sar_law": SarLaw}
DEFAULTS = {"about": About.OFFICER.value, "schedule3": "unknown", "investigation": "unknown", "sar_law": "unknown"}
FLAG_COLUMNS = {"discrimination": "Discrimination", "injury": "Injury"}
FIELDS = ("safe_date", "last_day", "latest_date", "status", "days_left")
NOT_POLICE = [About.MOPAC_STAFF.value, About.MAYOR.value]
IOPC = [Investigation.IOPC.value, Investigation.IOPC_DIRECTED.value]
ONE_DAY = pd.Timedelta(days=1)


def months(rule_id: str) -> int:
    return RULES_BY_ID[rule_id].period.months


def days(rule_id: str) -> pd.Timedelta:
    return pd.Timedelta(days=RULES_BY_ID[rule_id].period.amount)


def choice_value(fact: str, text: str) -> str:
    """One answer to a choice as escalate reads it (any case, '_' or spaces as '-'; a choice with yes and no
    takes every spelling of them, one with unknown every spelling of that): its value, the fact's default for
    an empty cell, or 'bad'."""
    plain = text.strip().lower()
    if not plain:
        return DEFAULTS[fact]
    values = {member.value for member in CHOICES[fact]}
    key = "-".join(plain.replace("_", " ").split())
    if "yes" in values and plain in YES_WORDS:
        key = "yes"
    elif "no" in values and plain in NO_WORDS:
        key = "no"
    elif "unknown" in values and plain in UNKNOWN_WORDS:
        key = "unknown"
    return key if key in values else "bad"


def flag_value(text: str) -> str:
    """A yes/no answer: 'yes', 'no', '' (unknown) or 'bad'."""
    key = text.strip().lower()
    return "yes" if key in YES_WORDS else "no" if key in NO_WORDS else "" if key in UNKNOWN_WORDS else "bad"


def add_months(day: pd.Series, count: int) -> pd.Series:
    """The corresponding date ``count`` months later, or that month's last day (RULES.md section 2)."""
    return day + pd.DateOffset(months=count)


def end_starting_with(day: pd.Series, count: int) -> pd.Series:
    """The last day of ``count`` months starting with ``day``: the day before the corresponding date, or the
    target month's last day where it has none."""
    corresponding = add_months(day, count)
    return corresponding.where(corresponding.dt.day != day.dt.day, corresponding - ONE_DAY)


def roll(day: pd.Series, holidays: np.ndarray) -> pd.Series:
    """Each date, or the next open day after it (weekends and ``holidays`` closed)."""
    known = day.notna()
    rolled = day.copy()
    rolled[known] = np.busday_offset(day[known].to_numpy(dtype="datetime64[D]"), 0, roll="forward", holidays=holidays)
    return rolled


def main(source: str, target: str, today_text: str) -> None:
    today = pd.Timestamp(today_text)
    frame = pd.read_csv(source, dtype=str, keep_default_na=False)
    rows = frame.index
    empty = pd.Series("", index=rows)

    # --- the facts, and the rows escalate refuses -------------------------------------------------------
    bad = pd.Series(False, index=rows)
    dates: dict[str, pd.Series] = {}
    for fact, column in DATE_COLUMNS.items():
        text = frame.get(column, empty)
        day = pd.to_datetime(text, format="%d/%m/%Y", errors="coerce").astype("datetime64[s]")
        # The few cells in another form, or with spaces around them, are read again, stripped, either way round.
        again = text[day.isna() & (text != "")].str.strip()
        for form in ("%d/%m/%Y", "%Y-%m-%d"):
            day = day.fillna(pd.to_datetime(again, format=form, errors="coerce").astype("datetime64[s]"))
        given = text.ne("")
        given[again.index] = again.ne("")  # a cell of spaces is empty
        outside = (day.dt.year < EARLIEST_YEAR) | (day.dt.year > LATEST_YEAR)
        bad |= given & (day.isna() | outside)
        dates[fact] = day.where(~outside)
    for later, earlier in DATE_ORDER:
        bad |= dates[later] < dates[earlier]
    choice: dict[str, pd.Series] = {}
    for fact, column in CHOICE_COLUMNS.items():
        text = frame.get(column, empty)
        choice[fact] = text.map({value: choice_value(fact, value) for value in text.unique()})
        bad |= choice[fact] == "bad"
    flag: dict[str, pd.Series] = {}
    for fact, column in FLAG_COLUMNS.items():
        text = frame.get(column, empty)
        flag[fact] = text.map({value: flag_value(value) for value in text.unique()})
        bad |= flag[fact] == "bad"
    known = {fact: day.notna() for fact, day in dates.items()}
    police = ~choice["about"].isin(NOT_POLICE)
    iopc_investigated = choice["investigation"].isin(IOPC)
    reviewed = known["review_request_date"] | known["review_decision_date"]
    # A review asked for or decided contradicts 'outside Schedule 3' and an IOPC investigation (RULES.md s.6).
    bad |= police & reviewed & (choice["schedule3"].eq("no") | iopc_investigated)
    review_available = police & choice["schedule3"].ne("no") & ~iopc_investigated

    # --- each rule's dates where it appears --------------------------------------------------------------
    working = np.array(sorted(bank_holidays()), dtype="datetime64[D]")
    court = np.array(sorted({*bank_holidays(), *COURT_CLOSURES}), dtype="datetime64[D]")
    incident, outcome, review = dates["incident_date"], dates["outcome_date"], dates["review_decision_date"]
    born = dates["date_of_birth"]
    # The 18th birthday: DateOffset gives 28 February for someone born on 29 February, in a common year (the
    # safe and last dates); the latest date takes 1 March (RULES.md section 8).
    birthday = born + pd.DateOffset(years=18)
    later_birthday = birthday.mask(
        (born.dt.month == 2) & (born.dt.day == 29) & (birthday.dt.day == 28), birthday + ONE_DAY
    )
    found: dict[str, tuple[pd.Series, pd.Series, pd.Series]] = {}

    def limitation(rule_id: str, trigger: pd.Series) -> tuple[pd.Series, pd.Series, pd.Series]:
        """n years after the trigger or, for a child then, after the 18th birthday if later (s.28); court roll."""
        years = months(rule_id) // 12
        last = add_months(trigger, 12 * years)
        from_birthday = birthday + pd.DateOffset(years=years)
        governs = (trigger < birthday) & (from_birthday > last)
        latest_base = last.where(
            ~(trigger < later_birthday), np.maximum(last, later_birthday + pd.DateOffset(years=years))
        )
        safe = last.where(~governs, from_birthday - ONE_DAY)
        return safe, last.where(~governs, from_birthday), roll(latest_base, court)

    complaint_made = pd.concat([known[name] for name in COMPLAINT_MADE_FACTS], axis=1).any(axis=1)
    outcome_come = pd.concat([known[name] for name in OUTCOME_FACTS], axis=1).any(axis=1)

    plus12 = add_months(incident, months("complaint")).where(police & ~complaint_made)
    found["complaint"] = plus12, plus12, plus12

    update = dates["last_update_date"].fillna(dates["complaint_date"]) + days("complaint-update")
    update = update.where(police & ~outcome_come)
    found["complaint-update"] = update, update, update

    request = (outcome + days("review-request")).where(police & ~reviewed & review_available)
    # An outcome provided after its letter's date gives a later arguable date under the 2020 rules (reg 29(2)).
    received = dates["outcome_received_date"]
    rules_2020 = ~(dates["complaint_date"] < pd.Timestamp(REGIME_2020_START))
    later = rules_2020 & (received > outcome)
    found["review-request"] = request, request, request.where(~later, received + days("review-request"))

    jr_trigger = review.where(known["review_decision_date"], outcome.where(iopc_investigated)).where(police)
    jr_last = add_months(jr_trigger, months("judicial-review"))
    found["judicial-review"] = jr_last, jr_last, roll(jr_last, court)
    letter = jr_last - days("letter-before-claim")
    found["letter-before-claim"] = letter, letter, letter

    for rule_id, ruled_out in (("equality-act", flag["discrimination"].eq("no")), ("human-rights-act", None)):
        starting = incident if ruled_out is None else incident.where(~ruled_out)
        last = end_starting_with(starting, months(rule_id))
        other = add_months(starting, months(rule_id)) - ONE_DAY
        found[rule_id] = np.minimum(last, other), last, roll(last, court)

    # Personal injury runs from the incident or, if later, the date of knowledge (s.11(4), s.14).
    injury_trigger = pd.concat([incident, dates["knowledge_date"]], axis=1).max(axis=1).where(flag["injury"].ne("no"))
    found["personal-injury"] = limitation("personal-injury", injury_trigger)
    found["civil-claim"] = limitation("civil-claim", incident)
    found["malicious-prosecution"] = limitation("malicious-prosecution", dates["prosecution_end_date"])

    # Subject access (RULES.md section 4, 'Subject access: which law'): the UK GDPR as the ICO counts it (the
    # corresponding date, moved to a working day), Part 3's 'one month beginning with' the day of receipt,
    # and the ICO's Part 3 method (from the next day); for an unknown law the earliest and latest of them.
    sar = dates["sar_date"].where(police)
    law = choice["sar_law"]
    beginning_with = end_starting_with(sar, months("subject-access"))
    gdpr_day = roll(add_months(sar, months("subject-access")), working)
    part3_day = roll(add_months(sar + ONE_DAY, months("subject-access")), working)
    part3 = law.eq(SarLaw.PART_3.value)
    gdpr = law.eq(SarLaw.UK_GDPR.value)
    safe = beginning_with.where(part3 | law.eq(SarLaw.UNKNOWN.value) | (sar >= pd.Timestamp(ART_12A_START)), gdpr_day)
    last = beginning_with.where(part3, gdpr_day)
    latest = part3_day.where(part3, gdpr_day.where(gdpr, np.maximum(gdpr_day, part3_day)))
    found["subject-access"] = safe, last, latest

    # The request to keep body-worn video: by day 30, day 31 at the latest (deleted within 31 days).
    preserve = incident.where(police)
    latest_period = RULES_BY_ID["preserve-evidence"].latest_period
    assert latest_period is not None
    keep = preserve + days("preserve-evidence")
    found["preserve-evidence"] = keep, keep, preserve + pd.Timedelta(days=latest_period.amount)

    # --- status and days left (RULES.md section 5), the cells ------------------------------------------
    out: dict[str, pd.Series] = {}
    for rule in RULES:
        safe, last, latest = found[rule.id]
        days_left = (safe - today).dt.days
        status = pd.Series(
            np.select(
                [today > latest, today > safe, days_left <= DUE_SOON_DAYS], ["passed", "at-risk", "due-soon"], "open"
            ),
            index=rows,
        )
        shown = safe.notna() & ~bad
        if rule.while_open:
            shown &= status != "passed"
        stem = rule.id.replace("-", "_")
        for name, values in (("safe_date", safe), ("last_day", last), ("latest_date", latest)):
            out[f"{stem}_{name}"] = values.dt.strftime("%Y-%m-%d").where(shown, "")
        out[f"{stem}_status"] = status.where(shown, "")
        out[f"{stem}_days_left"] = days_left.astype("Int64").astype(str).where(shown, "")

    result = pd.concat([frame, pd.DataFrame(out, index=rows)], axis=1)
    result.to_csv(target, index=False, lineterminator="\n")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit("usage: pandas_deadlines.py CASELOAD.csv OUT.csv TODAY")
    main(sys.argv[1], sys.argv[2], sys.argv[3])
