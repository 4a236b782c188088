"""The deadlines engine: from facts to every deadline they allow (RULES.md sections 4 and 5).

Pure: no clock, no input or output. The date arithmetic of each rule depends only on a few dates, so it is
cached; a caseload in which dates repeat computes each distinct calculation once.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any, Literal, NamedTuple, Protocol

from escalate.engine.facts import Facts, Investigation
from escalate.engine.review import ReviewDecision, decide_review_body, regime
from escalate.errors import InputError
from escalate.law.calendars import (
    HOLIDAY_HORIZON_YEAR,
    Roll,
    christmas_unknown,
    closed_reason,
    is_court_open_day,
    is_working_day,
    next_open_day,
)
from escalate.law.dates import ONE_DAY, Convention, add_months, add_years, days_in_month, end_starting_with, long_date
from escalate.law.rules import APPEALS_2012, RULE_IDS, RULES, RULES_BY_ID, Owner, Rule, Source, Strength

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


def _roll(rule: Rule, day: date, steps: list[str] | None, notes: list[str] | None) -> tuple[date, bool]:
    """Apply a rule's roll-forward policy to ``day``; return the rolled day and whether holidays beyond
    the horizon could change it. Explain it in ``steps`` and ``notes`` unless they are None."""
    court = rule.roll is Roll.COURT_OFFICE
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
) -> Calculation:
    """The safe date, last day and latest date of one rule for one trigger date, with the steps.

    ``date_of_birth`` matters only for rules with the s.28 rule for children; ``received_date`` only for
    review requests whose outcome arrived after the letter's date. For ``letter-before-claim`` the trigger is
    the judicial review trigger.
    """
    return _calculate(rule_id, trigger_date, date_of_birth, received_date, explain=True)


def _calculate(
    rule_id: str, trigger_date: date, date_of_birth: date | None, received_date: date | None, *, explain: bool
) -> Calculation:
    """``calculate``; with ``explain`` false, the same dates without the words (no steps, no notes)."""
    rule = RULES_BY_ID[rule_id]
    if rule.id == "letter-before-claim":
        return _letter_before_claim(rule, trigger_date, explain=explain)
    if rule.convention is Convention.ICO_MONTH:
        return _subject_access(rule, trigger_date, explain=explain)

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
    if rule.children and date_of_birth is not None:
        safe, last, latest_base = _children(rule, trigger_date, date_of_birth, safe, last, steps, notes)
    if received_date is not None and received_date > trigger_date and rule.id == "review-request":
        latest_base = rule.convention.last_day(received_date, rule.period)
        if steps is not None and notes is not None:
            steps.append(
                f"The outcome reached you on {long_date(received_date)}: counted from then, "
                f"{rule.convention.describe(received_date, rule.period)} ends {long_date(latest_base)}"
            )
            notes.append(
                f"The 28 days arguably run from when the outcome was provided ({long_date(received_date)}), "
                f"which gives {long_date(latest_base)}; the letter's date gives {long_date(last)}. Act by the "
                "earlier date."
            )
    beyond = False
    latest = latest_base
    if rule.roll is not Roll.NONE:
        latest, beyond = _roll(rule, latest_base, steps, notes)
        if rule.roll is Roll.NEXT_WORKING_DAY:
            last = latest
    elif notes is not None and not is_working_day(last):
        notes.append(
            f"{long_date(last)} is {closed_reason(last, court=False)}. There is no extra time: "
            "send it by email so that it arrives in time."
        )
    christmas = rule.court and (christmas_unknown(last) or christmas_unknown(latest))
    return Calculation(safe, last, latest, tuple(steps or ()), tuple(notes or ()), beyond, christmas)


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
                f"say 'before your {18 + years}th birthday', so the safe date is {long_date(safe)}."
            )
        last = from_birthday
    if steps is not None and for_latest != for_last and latest_base > last:
        steps.append(
            f"Born on 29 February: if your 18th birthday is taken as {long_date(for_latest)}, the period ends "
            f"{long_date(latest_base)} (unsettled)"
        )
    return safe, last, latest_base


def _letter_before_claim(rule: Rule, trigger_date: date, *, explain: bool) -> Calculation:
    claim = calculate("judicial-review", trigger_date).last_day
    day = rule.convention.last_day(claim, rule.period)
    if not explain:
        return Calculation(day, day, day, ())
    steps = (
        f"The judicial review claim deadline is {long_date(claim)} (3 months after {long_date(trigger_date)})",
        f"{rule.convention.describe(claim, rule.period)}, to allow the 14 days for a reply: {long_date(day)}",
    )
    notes = ("The letter does not stop the 3-month clock: the claim must still be filed in time.",)
    return Calculation(day, day, day, steps, notes)


def _subject_access(rule: Rule, received: date, *, explain: bool) -> Calculation:
    steps: list[str] | None = [] if explain else None
    notes: list[str] | None = [] if explain else None
    corresponding = add_months(received, 1)
    if steps is not None:
        steps.append(f"{rule.convention.describe(received, rule.period)}: {long_date(corresponding)}")
    last, beyond = _roll(rule, corresponding, steps, notes)
    safe = last
    if received >= ART_12A_START:
        safe = end_starting_with(received, 1)
        if steps is not None:
            steps.append(
                f"UK GDPR art 12A (from 5 February 2026): one month beginning with {long_date(received)} ends "
                f"{long_date(safe)}; that is the safe date"
            )
    if notes is not None:
        extended, _ = _roll(rule, add_months(received, 3), [], [])
        notes.append(
            f"If the police say the request is complex they may take two further months, to "
            f"{long_date(extended)}; they must tell you within the first month."
        )
        notes.append(
            "Much police data is processed under Part 3 of the Data Protection Act 2018 (law enforcement): "
            "exemptions may apply. If the reply is late or incomplete, complain to the ICO."
        )
    return Calculation(safe, last, last, tuple(steps or ()), tuple(notes or ()), beyond)


# --- which rules apply --------------------------------------------------------------------------------


def trigger_facts(
    rule: Rule, known: Collection[str], investigation: Investigation, review_available: bool
) -> tuple[str, ...]:
    """Whether a rule appears, and which date facts can start its clock, given which dates are ``known``
    (RULES.md section 4, 'Which rules appear'): () when the rule does not appear; where several facts are
    given, the later of their dates starts the clock (see ``latest_trigger``).

    It depends on which dates are known, never on what they are, so a caseload works it out once for all
    the rows that know the same dates.
    """
    match rule.id:
        case "complaint":
            return () if "complaint_date" in known else _known(known, "incident_date")
        case "complaint-update":
            if "outcome_date" in known:
                return ()
            return _known(known, "last_update_date") or _known(known, "complaint_date")
        case "review-request":
            if "review_decision_date" in known or not review_available:
                return ()
            return _known(known, "outcome_date")
        case "judicial-review" | "letter-before-claim":
            if "review_decision_date" in known:
                return ("review_decision_date",)
            if investigation in (Investigation.IOPC, Investigation.IOPC_DIRECTED):
                return _known(known, "outcome_date")
            return ()
        case "personal-injury":
            # Limitation Act 1980 s.11(4): from the incident or, if later, the date of knowledge (s.14).
            return _known(known, "incident_date") + _known(known, "knowledge_date")
        case _:
            return _known(known, rule.trigger[0])


def _known(known: Collection[str], name: str) -> tuple[str, ...]:
    return (name,) if name in known else ()


def latest_trigger(names: Sequence[str], dates: Sequence[date]) -> tuple[str, date]:
    """The fact whose date starts the clock among ``names`` (with their ``dates``): the latest; on a tie,
    the first named."""
    best, best_date = names[0], dates[0]
    for name, day in zip(names[1:], dates[1:], strict=True):
        if day > best_date:
            best, best_date = name, day
    return best, best_date


def known_dates(facts: Facts) -> frozenset[str]:
    """The date facts that are known."""
    return frozenset(name for name, _ in facts.known_dates())


def _appearing(facts: Facts, wanted: frozenset[str] | None, review: ReviewDecision) -> Iterator[tuple[Rule, str, date]]:
    """The rules that appear for these facts, in ``RULES`` order, each with the fact and date that start
    its clock."""
    known = known_dates(facts)
    for rule in RULES:
        if wanted is not None and rule.id not in wanted:
            continue
        names = trigger_facts(rule, known, facts.investigation, review.available)
        if names:
            yield rule, *latest_trigger(names, [getattr(facts, name) for name in names])


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
    wanted = check_only(only)
    the_regime = regime(facts)
    review = decide_review_body(facts)
    deadlines: list[Deadline] = []
    calculations: list[tuple[Rule, Calculation]] = []
    for rule, trigger_name, trigger_date in _appearing(facts, wanted, review):
        born, received = calculation_inputs(rule, trigger_date, facts.date_of_birth, facts.outcome_received_date)
        calc = calculate(rule.id, trigger_date, date_of_birth=born, received_date=received)
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
        calculations.append((rule, calc))
    deadlines.sort(key=lambda deadline: (deadline.safe_date, deadline.id))
    warnings = (*_fact_warnings(facts), *calculation_warnings(calculations))
    return Report(facts, the_regime, review, tuple(deadlines), warnings)


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


@lru_cache(maxsize=16384)
def deadline_dates(
    rule_id: str, trigger_date: date, born: date | None, received: date | None, today: date
) -> DeadlineDates:
    """The dates and status of one rule's deadline: ``calculate`` and ``status_of``, as ``compute_deadlines``
    uses them, without working out the steps and notes (``born`` and ``received`` as from
    ``calculation_inputs``). Cached here, small: a caseload of a million rows would otherwise fill
    ``calculate``'s cache with words it never shows.
    """
    calc = _calculate(rule_id, trigger_date, born, received, explain=False)
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


class _Dated(Protocol):
    @property
    def last_day(self) -> date: ...
    @property
    def latest_date(self) -> date: ...
    @property
    def beyond_horizon(self) -> bool: ...
    @property
    def christmas_unknown(self) -> bool: ...


def calculation_warnings(calculations: Iterable[tuple[Rule, _Dated]]) -> Iterator[Warning]:
    """Warnings that depend on the calculations (a ``Calculation`` or ``DeadlineDates`` for each rule that
    appears): holidays not yet announced, unknown court Christmas closures, the court-office roll-forward."""
    beyond, christmas, rolled = calculation_flags(calculations)
    if beyond:
        yield Warning(
            "holiday-horizon",
            f"Bank holidays after {HOLIDAY_HORIZON_YEAR} are not yet announced; one announced later could "
            f"move the latest date of: {', '.join(beyond)}.",
        )
    if christmas:
        yield Warning(
            "court-christmas-unknown",
            "A court deadline falls over Christmas in a year whose extra court-office closures escalate does "
            f"not know ({', '.join(christmas)}): check HMCTS's notice for that year.",
        )
    if rolled:
        yield _COURT_ROLL_FORWARD


def calculation_flags(calculations: Iterable[tuple[Rule, _Dated]]) -> tuple[list[str], list[str], bool]:
    """What ``calculation_warnings`` warns of: the rules whose latest date a holiday not yet announced
    could move ('holiday-horizon'), those over a Christmas whose court closures are not known
    ('court-christmas-unknown'), and whether a court deadline rolls forward ('court-roll-forward').
    Each warning is given when any calculation calls for it."""
    beyond: list[str] = []
    christmas: list[str] = []
    rolled = False
    for rule, calc in calculations:
        if calc.beyond_horizon:
            beyond.append(rule.id)
        if calc.christmas_unknown:
            christmas.append(rule.id)
        rolled = rolled or (rule.court and calc.latest_date > calc.last_day)
    return beyond, christmas, rolled


_COURT_ROLL_FORWARD = Warning(
    "court-roll-forward",
    "Where a court deadline falls on a day the court office is closed, the latest date assumes the claim can "
    "be issued on the next open day (CPR 2.8(5)). A court may not accept that for a claim that could be issued "
    "online: do not rely on it.",
)


def check_only(only: Collection[str] | None) -> frozenset[str] | None:
    """The rule ids of an ``--only`` filter (None: every rule); an unknown id is an InputError."""
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
    yield from shape_warnings(known_dates(facts))
    if facts.incident_date is not None and late_complaint(facts.incident_date, facts.complaint_date, facts.today):
        yield LATE_COMPLAINT
    for name, value in facts.known_dates():
        if value > facts.today:
            yield Warning(
                "future-date",
                f"{name} ({long_date(value)}) is after today ({long_date(facts.today)}): check it.",
            )


def shape_warnings(known: Collection[str]) -> tuple[Warning, ...]:
    """The warnings about the facts that depend only on which dates are known."""
    if "complaint_date" in known:
        return (CLOCKS_RUN_IN_PARALLEL,)
    return CLOCKS_RUN_IN_PARALLEL, REGIME_ASSUMED


def late_complaint(incident: date, complaint: date | None, today: date) -> bool:
    """Whether the complaint is, or would be if made today, more than 12 months after the incident
    (RULES.md section 4: the MPS may then decide that no further action is reasonable)."""
    limit = complaint_limit(incident)
    return complaint > limit if complaint is not None else today > limit


@lru_cache(maxsize=4096)
def complaint_limit(incident: date) -> date:
    """The last day on which a complaint is not 'more than 12 months after the incident'."""
    return add_months(incident, 12)


CLOCKS_RUN_IN_PARALLEL = Warning(
    "clocks-run-in-parallel",
    "A complaint does not pause any court deadline: the time limits for a civil claim, a discrimination or "
    "human rights claim and judicial review keep running while the complaint and any review go on.",
)
REGIME_ASSUMED = Warning(
    "regime-assumed",
    "No complaint date given: the 2020 rules (complaints made from 1 February 2020) are assumed.",
)
LATE_COMPLAINT = Warning(
    "late-complaint",
    "The complaint is (or would be) made more than 12 months after the incident: the MPS may decide "
    "that no further action is reasonable unless the delay is explained. It must still record the "
    "complaint if you ask.",
)
