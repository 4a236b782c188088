"""One rule's dates for one trigger date: the counting conventions, roll-forward, the s.28 rule for children,
subject access's readings (RULES.md sections 2-4). Cached: the dates depend only on a few inputs.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from functools import lru_cache, partial
from typing import NamedTuple

from escalate.engine.facts import SarLaw
from escalate.engine.results import DUE_SOON_DAYS, Calculation, Status
from escalate.law.calendars import (
    HOLIDAY_HORIZON_YEAR,
    Roll,
    christmas_unknown,
    closed_reason,
    is_court_open_day,
    is_working_day,
    next_open_day,
)
from escalate.law.dates import (
    ONE_DAY,
    Convention,
    add_months,
    add_years,
    days_in_month,
    end_starting_with,
    long_date,
    ordinal,
)
from escalate.law.rules import RULES_BY_ID, Owner, Rule

ART_12A_START = date(2026, 2, 5)
"""UK GDPR art 12A (inserted by the Data (Use and Access) Act 2025) in force (RULES.md section 4)."""
PART_3_EXTENSION_START = date(2026, 2, 5)
"""Data Protection Act 2018 s.54(3A)-(3D) (the Part 3 extension and pause, inserted by the Data (Use and Access)
Act 2025 s.76) in force: SI 2026/82 reg 2(h). How a request received before then is treated is not confirmed."""


def _roll(rule: Rule, day: date, steps: list[str] | None, notes: list[str] | None) -> tuple[date, bool]:
    """Apply a rule's roll-forward policy to ``day``; return the rolled day and whether holidays beyond
    the horizon could change it. Explain it in ``steps`` and ``notes`` unless they are None."""
    court = rule.roll is _COURT_ROLL
    beyond = day.year > HOLIDAY_HORIZON_YEAR
    if (is_court_open_day if court else is_working_day)(day):
        return day, beyond
    rolled = next_open_day(day, court=court)
    beyond = beyond or rolled.year > HOLIDAY_HORIZON_YEAR
    if steps is None or notes is None:
        return rolled, beyond
    why = closed_reason(day, court=court)
    if court:
        steps.append(
            f"{long_date(day)} is {why}: the court office is closed; CPR 2.8(5) may allow "
            f"{long_date(rolled)}; do not rely on it"
        )
        notes.append(
            f"The last day, {long_date(day)}, is {why}. A claim issued at a court office on {long_date(rolled)} "
            "may be in time (CPR 2.8(5)), but a court may not accept that for a claim that could be issued "
            f"online: act by {long_date(day)} at the latest."
        )
    else:
        steps.append(f"{long_date(day)} is {why}: the deadline moves to the next working day, {long_date(rolled)}")
    return rolled, beyond


def _eighteenth_birthdays(born: date) -> tuple[date, date]:
    """The 18th birthday for the last day and safe date, and for the latest date.

    For someone born on 29 February the 18th birthday falls in a common year; which day it is is unsettled
    (RULES.md section 8): 28 February for the safe and last dates, 1 March for the latest.
    """
    year = born.year + 18
    if born.month == 2 and born.day == 29 and days_in_month(year, 2) == 28:
        return date(year, 2, 28), date(year, 3, 1)
    birthday = date(year, born.month, born.day)
    return birthday, birthday


@lru_cache(maxsize=65536)
def calculate(
    rule_id: str,
    trigger_date: date,
    *,
    date_of_birth: date | None = None,
    received_date: date | None = None,
    sar_law: SarLaw = SarLaw.UNKNOWN,
) -> Calculation:
    """The safe date, last day and latest date of one rule for one trigger date, with the steps.

    ``date_of_birth`` matters only for rules with the s.28 rule for children; ``received_date`` only for
    review requests whose outcome arrived after the letter's date; ``sar_law`` only for subject access. For
    ``letter-before-claim`` the trigger is the judicial review trigger.
    """
    return _calculate(rule_id, trigger_date, date_of_birth, received_date, sar_law, explain=True)


def _calculate(
    rule_id: str,
    trigger_date: date,
    date_of_birth: date | None,
    received_date: date | None,
    sar_law: SarLaw = SarLaw.UNKNOWN,
    *,
    explain: bool,
) -> Calculation:
    """``calculate``; with ``explain`` false, the same dates without the words (no steps, no notes)."""
    rule = RULES_BY_ID[rule_id]
    if (
        not explain
        and rule_id in _PLAIN
        and (date_of_birth is None or not rule.children)
        and (received_date is None or rule_id != "review-request" or received_date <= trigger_date)
    ):
        return _plain(rule, trigger_date)
    if rule.id == "letter-before-claim":
        return _letter_before_claim(rule, trigger_date, explain=explain)
    if rule.convention is _ICO:
        return _subject_access(rule, trigger_date, sar_law, explain=explain)

    steps: list[str] | None = [] if explain else None
    notes: list[str] | None = [] if explain else None
    last = rule.convention.last_day(trigger_date, rule.period)
    if steps is not None:
        steps.append(f"{rule.convention.describe(trigger_date, rule.period)}: last day {long_date(last)}")
    safe = last
    other = rule.convention.other_reading(trigger_date, rule.period)
    if other is not None and other < last:
        safe = other
        if steps is not None and notes is not None:
            steps.append(
                f"Another reading ({rule.period} after {long_date(trigger_date)}, less one day) gives "
                f"{long_date(other)}; it is earlier, so it is the safe date"
            )
            notes.append(
                f"{long_date(other)} is the safe date: the target month has no day {trigger_date.day}, and one "
                f"reading ends the period a day earlier than {long_date(last)}. No authority supports it, but act "
                "by the earlier date."
            )
    latest_base = last
    if rule.latest_period is not None:
        latest_base = rule.convention.last_day(trigger_date, rule.latest_period)
        if steps is not None:
            steps.append(
                f"{rule.convention.describe(trigger_date, rule.latest_period)} ends {long_date(latest_base)}: "
                "the latest date"
            )
    if rule.children and date_of_birth is not None:
        safe, last, latest_base = _children(rule, trigger_date, date_of_birth, safe, last, steps, notes)
    if received_date is not None and received_date > trigger_date and rule.id == "review-request":
        latest_base = rule.convention.last_day(received_date, rule.period)
        if steps is not None and notes is not None:
            steps.append(
                f"The outcome was provided later than the letter's date, on {long_date(received_date)}: "
                f"{rule.convention.describe(received_date, rule.period)} ends {long_date(latest_base)}, the "
                "latest date that can be argued"
            )
            notes.append(
                f"The 28 days run from the date on the outcome letter, {long_date(trigger_date)}: the last day is "
                f"{long_date(last)}. Because reg 29(2) speaks of the day the outcome was provided, a request by "
                f"{long_date(latest_base)} can be argued to be in time, but do not rely on it."
            )
    beyond = False
    latest = latest_base
    if rule.roll is not _NO_ROLL:
        latest, beyond = _roll(rule, latest_base, steps, notes)
        if rule.roll is _NEXT_WORKING:
            last = latest
    elif notes is not None and rule.owner is Owner.YOU and not is_working_day(last):
        notes.append(
            f"{long_date(last)} is {closed_reason(last, court=False)}. There is no extra time: "
            "send it by email so that it arrives in time."
        )
    christmas = rule.court and (christmas_unknown(last) or christmas_unknown(latest))
    return Calculation(safe, last, latest, tuple(steps or ()), tuple(notes or ()), beyond, christmas)


def _plain(rule: Rule, trigger_date: date) -> Calculation:
    """``_calculate`` without the words, for a trigger date alone (no date of birth or date received that
    changes anything): the same dates by the shortest way, as a caseload asks for them again and again.
    ``tests/test_calculate_fast.py`` proves it equal to the worded calculation over two centuries."""
    counting, months, days, roll, court = _PLAIN[rule.id]
    if counting is _DAYS:
        last = safe = trigger_date + days
    elif counting is _STARTING:
        last = end_starting_with(trigger_date, months)
        safe = add_months(trigger_date, months) - ONE_DAY
        if safe > last:
            safe = last
    else:
        last = safe = add_months(trigger_date, months)
    return _closed_office(safe, last, roll, court)


def _closed_office(safe: date, last: date, roll: bool | None, court: bool) -> Calculation:
    """``_plain``'s dates once a closed office has moved them (``_roll`` without the words)."""
    if roll is None:
        return Calculation(safe, last, last, (), (), False, court and christmas_unknown(last))
    latest = next_open_day(last, court=roll)
    if not roll:  # the next working day: the last day itself moves
        last = latest
    christmas = court and (christmas_unknown(last) or christmas_unknown(latest))
    return Calculation(safe, last, latest, (), (), latest.year > HOLIDAY_HORIZON_YEAR, christmas)


PlainDates = tuple[date, date, date, bool, bool]
"""A rule's safe date, last day and latest date, and whether a holiday not yet announced could move the latest
date, and whether a court date falls over a Christmas whose closures are not known (``Calculation`` without the
words)."""


def plain_run(rule: Rule, first: date, count: int) -> list[PlainDates]:
    """``_plain``'s dates for ``count`` trigger dates one after another from ``first``, in one loop, for a rule
    it counts: what a caseload whose dates rarely repeat asks for, a run of days at a time.
    Equal to ``_plain`` day by day (``tests/test_calculate_fast.py``)."""
    counting, months, days, roll, court = _PLAIN[rule.id]
    horizon = HOLIDAY_HORIZON_YEAR
    found: list[PlainDates] = []
    trigger = first
    before, length = first, 0  # the day before the target month's first, and its length: once a month
    for _ in range(count):
        if counting is _DAYS:
            last = safe = trigger + days
        else:  # add_months and end_starting_with, the target month worked out when the trigger's month begins
            day = trigger.day
            if day == 1 or not length:
                years, month_index = divmod(trigger.month - 1 + months, 12)
                year, month = trigger.year + years, month_index + 1
                length = days_in_month(year, month)
                before = date(year, month, 1) - ONE_DAY
            if counting is not _STARTING:
                last = safe = before + _N_DAYS[day if day <= length else length]
            elif day > length:  # no corresponding date: the month's last day, and the other reading a day earlier
                last = before + _N_DAYS[length]
                safe = last - ONE_DAY
            else:
                last = safe = before + _N_DAYS[day - 1]
        if roll is None:
            found.append((safe, last, last, False, court and christmas_unknown(last)))
        else:
            latest = next_open_day(last, court=roll)
            if not roll:  # the next working day: the last day itself moves
                last = latest
            christmas = court and (christmas_unknown(last) or christmas_unknown(latest))
            found.append((safe, last, latest, latest.year > horizon, christmas))
        trigger += ONE_DAY
    return found


_N_DAYS = tuple(timedelta(days=days) for days in range(32))
"""``_N_DAYS[n]``: n days (``date + timedelta`` costs a fraction of ``date(year, month, day)``)."""


def birthday_dates(rule: Rule, date_of_birth: date) -> Calculation:
    """A child's dates where time runs from the 18th birthday whatever the trigger (``runs_from_birthday``),
    without the words, by the shortest way: the period after the birthday is the last day, the day before it the
    safe date (Limitation Act 1980 s.28; ``_children``), then a closed office as for any trigger. Equal to
    ``calculate_dates(rule.id, trigger, date_of_birth)`` for every trigger that ``runs_from_birthday`` allows
    (``tests/test_calculate_fast.py``); a rule ``_plain`` does not count goes the worded way."""
    if rule.id not in _PLAIN:  # pragma: no cover - every rule with the s.28 rule is counted (tests)
        return calculate_dates(rule.id, date_of_birth, date_of_birth)  # time starting at birth runs from the birthday
    _, months, _, roll, court = _PLAIN[rule.id]
    last = add_years(_eighteenth_birthdays(date_of_birth)[0], months // 12)
    return _closed_office(last - ONE_DAY, last, roll, court)


_DAYS, _STARTING, _AFTER, _ICO = Convention.DAYS_AFTER, Convention.STARTING_WITH, Convention.AFTER, Convention.ICO_MONTH
_NO_ROLL, _COURT_ROLL, _NEXT_WORKING = Roll.NONE, Roll.COURT_OFFICE, Roll.NEXT_WORKING_DAY
"""(Members compared once a deadline by module name: on Python 3.11 looking a member up on its enum class costs
about 0.2 microseconds.)"""

_PLAIN: dict[str, tuple[Convention, int, timedelta, bool | None, bool]] = {
    rule.id: (
        rule.convention,
        rule.period.months,
        timedelta(days=rule.period.amount),
        None if rule.roll is Roll.NONE else rule.roll is Roll.COURT_OFFICE,
        rule.court,
    )
    for rule in RULES_BY_ID.values()
    if rule.convention in (_AFTER, _STARTING, _DAYS)
    and rule.id != "letter-before-claim"
    and rule.latest_period is None  # a latest date by another period goes the worded way
}
"""The rules ``_plain`` counts: their convention, months and days, how a closed office moves them (None: not
at all; True: to the next court-open day, the latest date only; False: to the next working day, the last day
too), and whether a court deadline."""


def _children(
    rule: Rule,
    trigger_date: date,
    born: date,
    safe: date,
    last: date,
    steps: list[str] | None,
    notes: list[str] | None,
) -> tuple[date, date, date]:
    """Limitation Act 1980 s.28: for a child, time runs from the 18th birthday when that gives a later day."""
    years = rule.period.months // 12
    for_last, for_latest = _eighteenth_birthdays(born)
    latest_base = last
    if trigger_date < for_latest:
        latest_base = max(last, add_years(for_latest, years))
    if trigger_date < for_last and (from_birthday := add_years(for_last, years)) > last:
        safe = from_birthday - ONE_DAY
        if steps is not None and notes is not None:
            steps.append(
                f"You were under 18 on {long_date(trigger_date)}: time runs from your 18th birthday, "
                f"{long_date(for_last)} (Limitation Act 1980 s.28); {rule.period} after it: "
                f"{long_date(from_birthday)}"
            )
            steps.append(f"To be safe, act before that birthday: by {long_date(safe)}")
            notes.append(
                f"You were under 18 when time started, so the limit runs from your 18th birthday. Many guides "
                f"say 'before your {ordinal(18 + years)} birthday', so the safe date is {long_date(safe)}."
            )
        last = from_birthday
    if steps is not None and for_latest != for_last and latest_base > last:
        steps.append(
            f"Born on 29 February: if your 18th birthday is taken as {long_date(for_latest)}, the period ends "
            f"{long_date(latest_base)} (unsettled)"
        )
    return safe, last, latest_base


def _letter_before_claim(rule: Rule, trigger_date: date, *, explain: bool) -> Calculation:
    # Without the words, the claim's date is worked out without them too: a caseload would otherwise fill
    # ``calculate``'s cache with steps it never shows.
    claim = (
        calculate("judicial-review", trigger_date)
        if explain
        else _calculate("judicial-review", trigger_date, None, None, explain=False)
    ).last_day
    day = rule.convention.last_day(claim, rule.period)
    if not explain:
        return Calculation(day, day, day, ())
    steps = (
        f"The judicial review claim deadline is {long_date(claim)} (3 months after {long_date(trigger_date)})",
        f"{rule.convention.describe(claim, rule.period)}, to allow the 14 days for a reply: {long_date(day)}",
    )
    notes = ("The letter does not stop the 3-month clock: the claim must still be filed in time.",)
    return Calculation(day, day, day, steps, notes)


def _subject_access(rule: Rule, received: date, law: SarLaw, *, explain: bool) -> Calculation:
    """A subject access request's three dates by the law it is answered under (RULES.md section 4,
    'Subject access: which law'): the UK GDPR counted by the ICO's method, Part 3's "one month beginning
    with" and the ICO's Part 3 method; for an unknown law, the earliest and the latest of them all."""
    steps: list[str] | None = [] if explain else None
    notes: list[str] | None = [] if explain else None
    gdpr = law is not SarLaw.PART_3
    part3 = law is not SarLaw.UK_GDPR
    beginning_with = end_starting_with(received, 1)
    beyond = False
    gdpr_day = part3_day = beginning_with
    if gdpr:
        corresponding = add_months(received, 1)
        if steps is not None:
            steps.append(f"UK GDPR, {rule.convention.describe(received, rule.period)}: {long_date(corresponding)}")
        gdpr_day, beyond = _roll(rule, corresponding, steps, notes)
    if part3:
        if steps is not None:
            steps.append(
                f"Data Protection Act 2018 Part 3, one month beginning with {long_date(received)} (s.54(2): that "
                f"day counts as day 1): {long_date(beginning_with)}"
            )
        corresponding = add_months(received + ONE_DAY, 1)
        if steps is not None:
            steps.append(
                f"ICO's Part 3 guidance, from the day after receipt to the corresponding date next month: "
                f"{long_date(corresponding)}"
            )
        part3_day, beyond_part3 = _roll(rule, corresponding, steps, notes)
        beyond = beyond or beyond_part3
    if law is SarLaw.PART_3:
        safe = last = beginning_with
        latest = part3_day
    else:
        last = gdpr_day
        latest = max(gdpr_day, part3_day)
        safe = beginning_with if part3 or received >= ART_12A_START else gdpr_day
        if steps is not None and gdpr and received >= ART_12A_START:
            steps.append(
                f"UK GDPR art 12A (from 5 February 2026): one month beginning with {long_date(received)} ends "
                f"{long_date(beginning_with)}"
            )
    if steps is not None and (safe, latest) != (last, last):
        steps.append(
            f"The earliest reading, {long_date(safe)}, is the safe date; the latest, {long_date(latest)}, is "
            "the day after which the police are late under every reading"
        )
    if notes is not None:
        notes.extend(_subject_access_notes(rule, received, law, safe, latest))
    return Calculation(safe, last, latest, tuple(steps or ()), tuple(notes or ()), beyond)


def _subject_access_notes(rule: Rule, received: date, law: SarLaw, first_month: date, latest: date) -> list[str]:
    """What the law says around the dates: which law, extensions, the pause, exemptions, complaints."""
    notes = [SAR_LAW_WORDS[law]]
    if law is not SarLaw.PART_3:
        extended, _ = _roll(rule, add_months(received, 3), [], [])
        article = "art 12A" if received >= ART_12A_START else "art 12(3)"
        notes.append(
            f"Under the UK GDPR ({article}) the police may take two further months, to {long_date(extended)} (the "
            "ICO counts three months from the start), where the request is complex or one of many; but only if "
            f"they tell you so, with their reasons, within the first month (by {long_date(first_month)})."
        )
    if law is not SarLaw.UK_GDPR:
        if received < PART_3_EXTENSION_START:
            notes.append(
                "Under Part 3 there was no extension for a request received before 5 February 2026 (s.54(2) as "
                "it then stood). The power to extend that began on that day (s.54(3A)) may not reach an earlier "
                "request: that depends on the transitional provisions of SI 2026/82, which escalate has not "
                "confirmed."
            )
        else:
            notes.append(
                "Under Part 3 the police may extend the month by two further months, to "
                f"{long_date(end_starting_with(received, 3))}, where the request is complex or one of many, by "
                f"telling you so, with reasons, before the first month ends ({long_date(first_month)}): "
                "Data Protection Act 2018 s.54(3A) and (3B), inserted by the Data (Use and Access) Act 2025 "
                "s.76 and in force from 5 February 2026 (SI 2026/82 reg 2(h))."
            )
            notes.append(
                "If the police reasonably ask you for more information to find what you asked for, the days "
                "from their asking until they receive your answer do not count (s.54(3C))."
            )
    notes.append(
        "Exemptions may apply (for example where giving the data would obstruct an investigation: s.45(4) for "
        "Part 3). "
        + (
            COMPLAINT_FIRST_TO_POLICE
            if latest >= COMPLAINTS_TO_CONTROLLER_START
            else "If the reply is late or incomplete, a complaint made before 19 June 2026 goes to the ICO. "
            + COMPLAINT_FIRST_TO_POLICE
        )
    )
    return notes


COMPLAINTS_TO_CONTROLLER_START = date(2026, 6, 19)
"""Data Protection Act 2018 s.164A (inserted by the Data (Use and Access) Act 2025 s.103) in force: SI 2026/82
reg 3 as reported (its text was not seen: docs/RULES.md section 4 and the closing note of issue 10)."""

COMPLAINT_FIRST_TO_POLICE = (
    "From 19 June 2026 a data protection complaint goes first to the police (Data Protection Act 2018 s.164A), "
    "who must acknowledge it within 30 days beginning with the day they receive it and tell you the outcome; "
    "if you are still not satisfied, complain to the ICO."
)

SAR_LAW_WORDS: dict[SarLaw, str] = {
    SarLaw.UK_GDPR: "Answered under the UK GDPR (art 12(3) and, from 5 February 2026, art 12A): the ICO counts "
    "the day of receipt as day 1 and ends on the corresponding date next month, moved to the next working day.",
    SarLaw.PART_3: "Answered under Part 3 of the Data Protection Act 2018 (law enforcement: most records of a "
    "police incident): the reply is due before the end of one month beginning with the day the police received "
    "the request (s.45(3)(b), s.54(2)). The ICO's Part 3 guidance counts from the next day, which gives the "
    "latest date.",
    SarLaw.UNKNOWN: "Which law the police answer under is not known: most records of a police incident fall "
    "under Part 3 of the Data Protection Act 2018 (law enforcement, s.45), other records under the UK GDPR. "
    "The dates cover every reading of both: the safe date is the earliest, the latest date the latest. If the "
    "police say which law applies, give it (--sar-law).",
}
"""What each law of subject access means for the dates (RULES.md section 4, 'Subject access: which law')."""


def reply_date(sent: date) -> date:
    """The reply date a letter before claim proposes: 14 days after it is sent (Pre-Action Protocol for
    Judicial Review: a defendant should normally reply within 14 days)."""
    rule = RULES_BY_ID["letter-before-claim"]
    return Convention.DAYS_AFTER.last_day(sent, rule.period)


@lru_cache(maxsize=4096)
def child_until(date_of_birth: date) -> date:
    """The day from which the s.28 rule for children can no longer change a deadline: the 18th birthday
    (for a 29 February birthday in a common year, 1 March, the later reading). A clock that starts on or
    after it runs as for an adult."""
    return _eighteenth_birthdays(date_of_birth)[1]


def runs_from_birthday(rule: Rule, trigger_date: date, date_of_birth: date) -> bool:
    """Whether the s.28 rule for children replaces the clock entirely: time started before an 18th birthday
    that is the same on both readings, and the period from that birthday ends after the period from the
    trigger. The rule's dates then depend on the date of birth alone, not on the trigger date
    (``_children``): a caseload works them out once for each date of birth."""
    for_last, for_latest = _eighteenth_birthdays(date_of_birth)
    return (
        rule.children
        and trigger_date < for_last == for_latest
        and add_years(for_last, rule.period.months // 12) > rule.convention.last_day(trigger_date, rule.period)
    )


def birthday_until(rule: Rule, date_of_birth: date) -> date:
    """The first trigger date for which ``runs_from_birthday`` is false: it is true for every earlier trigger
    and false for every later one (``date.min``: never true), so a caseload asks it once per date of birth.

    True needs the trigger before the 18th birthday and the period from the trigger to end before the period
    from that birthday; a later trigger never ends its period sooner (``Convention.last_day`` only moves
    forward with its event), so the days it holds for are all those before one day: the birthday, or the
    first day before it whose period ends with the birthday's (a month's end: a few days at most)."""
    for_last, for_latest = _eighteenth_birthdays(date_of_birth)
    if not rule.children or for_last != for_latest:
        return date.min
    from_birthday = add_years(for_last, rule.period.months // 12)
    until = for_last
    while not from_birthday > rule.convention.last_day(until - ONE_DAY, rule.period):
        until -= ONE_DAY
    return until


def calculation_inputs(
    rule: Rule, trigger_date: date, date_of_birth: date | None, received_date: date | None
) -> tuple[date | None, date | None]:
    """The date of birth and the date the outcome was received, for ``calculate``, where they can change
    a rule's dates; None where they cannot.

    The s.28 rule for children changes nothing for someone already 18 when time started (on either
    reading of a 29 February birthday), and an outcome received on or before its letter's date changes
    nothing. Passing None then lets all such cases share one cached calculation.
    """
    born = date_of_birth if rule.children else None
    if born is not None and trigger_date >= child_until(born):
        born = None
    received = received_date if rule.id == "review-request" else None
    if received is not None and received <= trigger_date:
        received = None
    return born, received


def status_of(safe_date: date, latest_date: date, today: date) -> tuple[int, Status]:
    """Days left to the safe date and the status (RULES.md section 5)."""
    days_left = (safe_date - today).days
    if today > latest_date:
        return days_left, "passed"
    if today > safe_date:
        return days_left, "at-risk"
    if days_left <= DUE_SOON_DAYS:
        return days_left, "due-soon"
    return days_left, "open"


class DeadlineDates(NamedTuple):
    """One deadline as dates and a status, without the words: what a caseload needs, cheaply."""

    id: str
    safe_date: date
    last_day: date
    latest_date: date
    days_left: int
    status: Status
    beyond_horizon: bool
    christmas_unknown: bool


def sar_law_for(rule: Rule, sar_law: SarLaw) -> SarLaw:
    """The law of subject access where it can change a rule's dates (subject access), else ``UNKNOWN``:
    every other rule shares one cached calculation whatever the law."""
    return sar_law if rule.convention is Convention.ICO_MONTH else SarLaw.UNKNOWN


@lru_cache(maxsize=16384)
def deadline_dates(
    rule_id: str,
    trigger_date: date,
    born: date | None,
    received: date | None,
    today: date,
    sar_law: SarLaw = SarLaw.UNKNOWN,
) -> DeadlineDates:
    """The dates and status of one rule's deadline: ``calculate`` and ``status_of``, as ``compute_deadlines``
    uses them, without working out the steps and notes (``born`` and ``received`` as from
    ``calculation_inputs``). Cached here, small: a caseload of a million rows would otherwise fill
    ``calculate``'s cache with words it never shows.
    """
    calc = calculate_dates(rule_id, trigger_date, born, received, sar_law)
    days_left, status = status_of(calc.safe_date, calc.latest_date, today)
    return DeadlineDates(
        rule_id,
        calc.safe_date,
        calc.last_day,
        calc.latest_date,
        days_left,
        status,
        calc.beyond_horizon,
        calc.christmas_unknown,
    )


def plain_counter(rule: Rule, sar_law: SarLaw = SarLaw.UNKNOWN) -> Callable[[date], Calculation]:
    """A function of the trigger date alone that gives ``rule``'s dates without the words: ``calculate`` with
    no date of birth or date received that changes anything, by the shortest way for the rule (``_plain``
    where it counts the rule). What a caseload asks for most, once for each trigger date."""
    if rule.id in _PLAIN:
        return partial(_plain, rule)
    return partial(calculate_dates, rule.id, sar_law=sar_law)


def run_counter(rule: Rule, sar_law: SarLaw = SarLaw.UNKNOWN) -> Callable[[date, int], list[PlainDates]]:
    """A function of a first trigger date and a number of days that gives ``rule``'s dates without the words
    for each of those days in turn: ``plain_counter``'s, a run of days at a time (``plain_run`` where it
    counts the rule)."""
    if rule.id in _PLAIN:
        return partial(plain_run, rule)
    count = plain_counter(rule, sar_law)

    def counted(first: date, days: int) -> list[PlainDates]:
        return [
            (calc.safe_date, calc.last_day, calc.latest_date, calc.beyond_horizon, calc.christmas_unknown)
            for calc in map(count, [first + timedelta(days=step) for step in range(days)])
        ]

    return counted


def calculate_dates(
    rule_id: str,
    trigger_date: date,
    date_of_birth: date | None = None,
    received_date: date | None = None,
    sar_law: SarLaw = SarLaw.UNKNOWN,
) -> Calculation:
    """``calculate`` without the words (no steps, no notes) and uncached: the dates alone, as a caseload
    needs them (``date_of_birth`` and ``received_date`` as from ``calculation_inputs``)."""
    return _calculate(rule_id, trigger_date, date_of_birth, received_date, sar_law, explain=False)
