"""The deadlines engine: from facts to every deadline they allow (RULES.md sections 4 and 5).

Pure: no clock, no input or output. The date arithmetic of each rule depends only on a few dates, so it is
cached; a caseload in which dates repeat computes each distinct calculation once.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any, Literal, NamedTuple

from escalate.calendars import (
    HOLIDAY_HORIZON_YEAR,
    Roll,
    christmas_unknown,
    closed_reason,
    is_court_open_day,
    is_working_day,
    next_open_day,
)
from escalate.dates import ONE_DAY, Convention, add_months, add_years, days_in_month, end_starting_with, long_date
from escalate.errors import InputError
from escalate.facts import Facts, Investigation
from escalate.review import ReviewDecision, decide_review_body, regime
from escalate.rules import APPEALS_2012, RULE_IDS, RULES, RULES_BY_ID, Owner, Rule, Source, Strength

Status = Literal["passed", "at-risk", "due-soon", "open"]

DUE_SOON_DAYS = 14
ART_12A_START = date(2026, 2, 5)

DISCLAIMER = (
    "General information, not legal advice. For advice on your case: a solicitor who specialises in actions "
    "against the police, a law centre, Citizens Advice, Liberty's advice line, or INQUEST after a death."
)


class Calculation(NamedTuple):
    """The dates of one rule for one set of trigger facts, and how they were reached. Independent of today."""

    safe_date: date
    last_day: date
    latest_date: date
    steps: tuple[str, ...]
    notes: tuple[str, ...] = ()
    beyond_horizon: bool = False
    """A date the roll-forward depends on lies after the last year of the GOV.UK bank-holiday list."""
    christmas_unknown: bool = False
    """A court date falls in a Christmas period whose extra court closures are not known."""


@dataclass(frozen=True, slots=True)
class Deadline:
    """One deadline of one case, ready to show: the three dates, its status today, and its explanation."""

    id: str
    title: str
    action: str
    owner: Owner
    body: str
    trigger: str
    trigger_date: date
    period: str
    safe_date: date
    last_day: date
    latest_date: date
    days_left: int
    status: Status
    strength: Strength
    source: Source
    steps: tuple[str, ...]
    notes: tuple[str, ...]
    cite: str = ""
    """A short citation for tables."""

    def as_dict(self) -> dict[str, Any]:
        """The JSON form (README, 'JSON interface'): ISO dates, plain strings."""
        return {
            "id": self.id,
            "title": self.title,
            "action": self.action,
            "owner": self.owner.value,
            "body": self.body,
            "trigger": self.trigger,
            "trigger_date": self.trigger_date.isoformat(),
            "period": self.period,
            "safe_date": self.safe_date.isoformat(),
            "last_day": self.last_day.isoformat(),
            "latest_date": self.latest_date.isoformat(),
            "days_left": self.days_left,
            "status": self.status,
            "strength": self.strength.value,
            "source": {"citation": self.source.citation, "url": self.source.url},
            "steps": list(self.steps),
            "notes": list(self.notes),
        }


class Warning(NamedTuple):
    """Something the person must know that is not a date: a stable id and a plain-English text."""

    id: str
    text: str

    def as_dict(self) -> dict[str, str]:
        return {"id": self.id, "text": self.text}


@dataclass(frozen=True, slots=True, eq=False)
class Report:
    """Every deadline the facts allow, soonest safe date first, with the warnings that go with them."""

    facts: Facts
    regime: Literal["2020", "2012"]
    review: ReviewDecision
    deadlines: tuple[Deadline, ...]
    warnings: tuple[Warning, ...]
    disclaimer: str = DISCLAIMER
    _index: dict[str, Deadline] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", {deadline.id: deadline for deadline in self.deadlines})

    @property
    def today(self) -> date:
        return self.facts.today

    def by_id(self, rule_id: str) -> Deadline | None:
        return self._index.get(rule_id)

    def as_dict(self) -> dict[str, Any]:
        """The JSON document of `escalate deadlines --format json`."""
        return {
            "today": self.today.isoformat(),
            "regime": self.regime,
            "facts": self.facts.as_dict(),
            "deadlines": [deadline.as_dict() for deadline in self.deadlines],
            "warnings": [warning.as_dict() for warning in self.warnings],
            "disclaimer": self.disclaimer,
        }


# --- counting ------------------------------------------------------------------------------------------


def _roll(rule: Rule, day: date, steps: list[str], notes: list[str]) -> tuple[date, bool]:
    """Apply a rule's roll-forward policy to ``day``; return the rolled day and whether holidays beyond
    the horizon could change it."""
    court = rule.roll is Roll.COURT_OFFICE
    beyond = day.year > HOLIDAY_HORIZON_YEAR
    if (is_court_open_day if court else is_working_day)(day):
        return day, beyond
    rolled = next_open_day(day, court=court)
    beyond = beyond or rolled.year > HOLIDAY_HORIZON_YEAR
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
) -> Calculation:
    """The safe date, last day and latest date of one rule for one trigger date, with the steps.

    ``date_of_birth`` matters only for rules with the s.28 rule for children; ``received_date`` only for
    review requests whose outcome arrived after the letter's date. For ``letter-before-claim`` the trigger is
    the judicial review trigger.
    """
    rule = RULES_BY_ID[rule_id]
    if rule.id == "letter-before-claim":
        return _letter_before_claim(rule, trigger_date)
    if rule.convention is Convention.ICO_MONTH:
        return _subject_access(rule, trigger_date)

    steps: list[str] = []
    notes: list[str] = []
    last = rule.convention.last_day(trigger_date, rule.period)
    steps.append(f"{rule.convention.describe(trigger_date, rule.period)}: last day {long_date(last)}")
    safe = last
    other = rule.convention.other_reading(trigger_date, rule.period)
    if other is not None and other < last:
        safe = other
        steps.append(
            f"Another reading ({rule.period} after {long_date(trigger_date)}, less one day) gives "
            f"{long_date(other)}; it is earlier, so it is the safe date"
        )
        notes.append(
            f"{long_date(other)} is the safe date: the target month has no day {trigger_date.day}, and one "
            f"reading ends the period a day earlier than {long_date(last)}. No authority supports it, but act by "
            "the earlier date."
        )
    latest_base = last
    if rule.children and date_of_birth is not None:
        safe, last, latest_base = _children(rule, trigger_date, date_of_birth, safe, last, steps, notes)
    if received_date is not None and received_date > trigger_date and rule.id == "review-request":
        latest_base = rule.convention.last_day(received_date, rule.period)
        steps.append(
            f"The outcome reached you on {long_date(received_date)}: counted from then, "
            f"{rule.convention.describe(received_date, rule.period)} ends {long_date(latest_base)}"
        )
        notes.append(
            f"The 28 days arguably run from when the outcome was provided ({long_date(received_date)}), which "
            f"gives {long_date(latest_base)}; the letter's date gives {long_date(last)}. Act by the earlier date."
        )
    beyond = False
    latest = latest_base
    if rule.roll is not Roll.NONE:
        latest, beyond = _roll(rule, latest_base, steps, notes)
        if rule.roll is Roll.NEXT_WORKING_DAY:
            last = latest
    elif not is_working_day(last):
        notes.append(
            f"{long_date(last)} is {closed_reason(last, court=False)}. There is no extra time: "
            "send it by email so that it arrives in time."
        )
    christmas = rule.court and (christmas_unknown(last) or christmas_unknown(latest))
    return Calculation(safe, last, latest, tuple(steps), tuple(notes), beyond, christmas)


def _children(
    rule: Rule,
    trigger_date: date,
    born: date,
    safe: date,
    last: date,
    steps: list[str],
    notes: list[str],
) -> tuple[date, date, date]:
    """Limitation Act 1980 s.28: for a child, time runs from the 18th birthday when that gives a later day."""
    years = rule.period.months // 12
    for_last, for_latest = _eighteenth_birthdays(born)
    latest_base = last
    if trigger_date < for_latest:
        latest_base = max(last, add_years(for_latest, years))
    if trigger_date < for_last and (from_birthday := add_years(for_last, years)) > last:
        steps.append(
            f"You were under 18 on {long_date(trigger_date)}: time runs from your 18th birthday, "
            f"{long_date(for_last)} (Limitation Act 1980 s.28); {rule.period} after it: {long_date(from_birthday)}"
        )
        safe = from_birthday - ONE_DAY
        steps.append(f"To be safe, act before that birthday: by {long_date(safe)}")
        notes.append(
            f"You were under 18 when time started, so the limit runs from your 18th birthday. Many guides say "
            f"'before your {18 + years}th birthday', so the safe date is {long_date(safe)}."
        )
        last = from_birthday
    if for_latest != for_last and latest_base > last:
        steps.append(
            f"Born on 29 February: if your 18th birthday is taken as {long_date(for_latest)}, the period ends "
            f"{long_date(latest_base)} (unsettled)"
        )
    return safe, last, latest_base


def _letter_before_claim(rule: Rule, trigger_date: date) -> Calculation:
    claim = calculate("judicial-review", trigger_date).last_day
    day = rule.convention.last_day(claim, rule.period)
    steps = (
        f"The judicial review claim deadline is {long_date(claim)} (3 months after {long_date(trigger_date)})",
        f"{rule.convention.describe(claim, rule.period)}, to allow the 14 days for a reply: {long_date(day)}",
    )
    notes = ("The letter does not stop the 3-month clock: the claim must still be filed in time.",)
    return Calculation(day, day, day, steps, notes)


def _subject_access(rule: Rule, received: date) -> Calculation:
    steps: list[str] = []
    notes: list[str] = []
    corresponding = add_months(received, 1)
    steps.append(f"{rule.convention.describe(received, rule.period)}: {long_date(corresponding)}")
    last, beyond = _roll(rule, corresponding, steps, notes)
    safe = last
    if received >= ART_12A_START:
        safe = end_starting_with(received, 1)
        steps.append(
            f"UK GDPR art 12A (from 5 February 2026): one month beginning with {long_date(received)} ends "
            f"{long_date(safe)}; that is the safe date"
        )
    extended, _ = _roll(rule, add_months(received, 3), [], [])
    notes.append(
        f"If the police say the request is complex they may take two further months, to {long_date(extended)}; "
        "they must tell you within the first month."
    )
    notes.append(
        "Much police data is processed under Part 3 of the Data Protection Act 2018 (law enforcement): "
        "exemptions may apply. If the reply is late or incomplete, complain to the ICO."
    )
    return Calculation(safe, last, last, tuple(steps), tuple(notes), beyond)


# --- which rules apply --------------------------------------------------------------------------------


def _trigger(rule: Rule, facts: Facts, review: ReviewDecision) -> tuple[str, date] | None:
    """The fact and date that start a rule's clock, or None when the rule does not appear for these facts."""
    match rule.id:
        case "complaint":
            return None if facts.complaint_date is not None else _fact(facts, "incident_date")
        case "complaint-update":
            if facts.outcome_date is not None:
                return None
            return _fact(facts, "last_update_date") or _fact(facts, "complaint_date")
        case "review-request":
            if facts.review_decision_date is not None or not review.available:
                return None
            return _fact(facts, "outcome_date")
        case "judicial-review" | "letter-before-claim":
            if facts.review_decision_date is not None:
                return _fact(facts, "review_decision_date")
            if facts.investigation in (Investigation.IOPC, Investigation.IOPC_DIRECTED):
                return _fact(facts, "outcome_date")
            return None
        case "personal-injury":
            incident = _fact(facts, "incident_date")
            knowledge = _fact(facts, "knowledge_date")
            if incident and knowledge:
                return knowledge if knowledge[1] > incident[1] else incident
            return incident or knowledge
        case _:
            return _fact(facts, rule.trigger[0])


def _fact(facts: Facts, name: str) -> tuple[str, date] | None:
    value: date | None = getattr(facts, name)
    return (name, value) if value is not None else None


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


def _status_notes(rule: Rule, calc: Calculation, status: Status) -> tuple[str, ...]:
    """What a passed or at-risk deadline means: who may extend it and on what test, never a new date."""
    if status == "at-risk":
        return (
            f"The safe date has passed, but {long_date(calc.latest_date)} can be argued. Act today and take advice.",
        )
    if status != "passed":
        return ()
    if rule.owner is Owner.POLICE:
        return ("This date has passed. If you have heard nothing, chase it in writing and keep a copy.",)
    if rule.strength is Strength.GUIDANCE:
        return (f"This date has passed, but it is guidance, not a legal bar: act now. {rule.extension or ''}".strip(),)
    if rule.strength is Strength.DISCRETIONARY and rule.extension is not None:
        return (f"This date has passed. {rule.extension} Never rely on that: take advice at once.",)
    return ("This date has passed and there is no general power to extend it. Take advice at once.",)


def _body(rule: Rule, review: ReviewDecision) -> str:
    if rule.id == "review-request":
        return review.body_name
    if rule.id == "letter-before-claim":
        return review.body_name if review.available else "the IOPC (whose investigation you challenge)"
    return rule.body


def compute_deadlines(facts: Facts, *, only: Collection[str] | None = None) -> Report:
    """Every deadline that the facts allow, soonest safe date first (ties by id), with warnings.

    ``only`` narrows the list to some rule ids; an unknown id is an InputError.
    """
    wanted = _check_only(only)
    the_regime = regime(facts)
    review = decide_review_body(facts)
    deadlines: list[Deadline] = []
    beyond: list[str] = []
    christmas: list[str] = []
    for rule in RULES:
        if wanted is not None and rule.id not in wanted:
            continue
        found = _trigger(rule, facts, review)
        if found is None:
            continue
        trigger_name, trigger_date = found
        calc = calculate(
            rule.id,
            trigger_date,
            date_of_birth=facts.date_of_birth if rule.children else None,
            received_date=facts.outcome_received_date if rule.id == "review-request" else None,
        )
        days_left, status = status_of(calc.safe_date, calc.latest_date, facts.today)
        if the_regime == "2012":
            rule = APPEALS_2012.get(rule.id, rule)
        deadlines.append(
            Deadline(
                id=rule.id,
                title=rule.title,
                action=rule.action,
                owner=rule.owner,
                body=_body(rule, review),
                trigger=trigger_name,
                trigger_date=trigger_date,
                period=str(rule.period),
                safe_date=calc.safe_date,
                last_day=calc.last_day,
                latest_date=calc.latest_date,
                days_left=days_left,
                status=status,
                strength=rule.strength,
                source=rule.source,
                cite=rule.cite,
                steps=calc.steps,
                notes=calc.notes + _rule_notes(rule, facts) + _status_notes(rule, calc, status),
            )
        )
        if calc.beyond_horizon:
            beyond.append(rule.id)
        if calc.christmas_unknown:
            christmas.append(rule.id)
    deadlines.sort(key=lambda deadline: (deadline.safe_date, deadline.id))
    warnings = list(_fact_warnings(facts))
    if beyond:
        warnings.append(
            Warning(
                "holiday-horizon",
                f"Bank holidays after {HOLIDAY_HORIZON_YEAR} are not yet announced; one announced later could "
                f"move the latest date of: {', '.join(beyond)}.",
            )
        )
    if christmas:
        warnings.append(
            Warning(
                "court-christmas-unknown",
                "A court deadline falls over Christmas in a year whose extra court-office closures escalate does "
                f"not know ({', '.join(christmas)}): check HMCTS's notice for that year.",
            )
        )
    if any(d.latest_date > d.last_day and RULES_BY_ID[d.id].court for d in deadlines):
        warnings.append(
            Warning(
                "court-roll-forward",
                "Where a court deadline falls on a day the court office is closed, the latest date assumes the "
                "claim can be issued on the next open day (CPR 2.8(5)). A court may not accept that for a claim "
                "that could be issued online: do not rely on it.",
            )
        )
    return Report(facts, the_regime, review, tuple(deadlines), tuple(warnings))


def _check_only(only: Collection[str] | None) -> frozenset[str] | None:
    if only is None:
        return None
    wanted = frozenset(only)
    unknown = sorted(wanted - set(RULE_IDS))
    if unknown:
        raise InputError(
            "{only}: "
            + ", ".join(f"'{name}'" for name in unknown)
            + " is not a rule id; the ids are "
            + ", ".join(RULE_IDS),
            "only",
        )
    return wanted


def _rule_notes(rule: Rule, facts: Facts) -> tuple[str, ...]:
    """Notes that depend on the facts rather than the dates."""
    if rule.id == "review-request":
        return (
            "Time while your request sits with the wrong review body is not counted (reg 29(3)); a late request "
            "is accepted only in special circumstances (reg 29(4)).",
        )
    if rule.id == "judicial-review":
        return (
            "The claim must be filed promptly: a claim filed inside the 3 months can still be refused as not prompt.",
            "Sending the pre-action letter does not stop the clock.",
        )
    if rule.id == "civil-claim":
        return (
            "For data protection damages, 6 years (3 with personal injury) is the best understanding; no court "
            "has settled it.",
            "Deliberate concealment of the facts can postpone the start (s.32).",
        )
    if rule.id == "equality-act":
        return ("Conduct extending over a period counts as done at its end (s.118(6)): give its last day.",)
    return ()


def _fact_warnings(facts: Facts) -> Iterable[Warning]:
    yield Warning(
        "clocks-run-in-parallel",
        "A complaint does not pause any court deadline: the time limits for a civil claim, a discrimination or "
        "human rights claim and judicial review keep running while the complaint and any review go on.",
    )
    if facts.complaint_date is None:
        yield Warning(
            "regime-assumed",
            "No complaint date given: the 2020 rules (complaints made from 1 February 2020) are assumed.",
        )
    if facts.incident_date is not None:
        limit = add_months(facts.incident_date, 12)
        made = facts.complaint_date
        if (made is not None and made > limit) or (made is None and facts.today > limit):
            yield Warning(
                "late-complaint",
                "The complaint is (or would be) made more than 12 months after the incident: the MPS may decide "
                "that no further action is reasonable unless the delay is explained. It must still record the "
                "complaint if you ask.",
            )
    for name, value in facts.known_dates():
        if value > facts.today:
            yield Warning(
                "future-date",
                f"{name} ({long_date(value)}) is after today ({long_date(facts.today)}): check it.",
            )
