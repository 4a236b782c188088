"""The deadlines engine: from facts to every deadline they allow (RULES.md sections 4 and 5).

Pure: no clock, no input or output. The date arithmetic of each rule depends only on a few dates, so it is
cached; a caseload in which dates repeat computes each distinct calculation once.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Sequence
from datetime import date
from functools import lru_cache
from typing import NamedTuple, Protocol

from escalate.engine.calculate import (
    calculate,
    calculation_inputs,
    sar_law_for,
    status_of,
)
from escalate.engine.facts import (
    COMPLAINT_MADE_FACTS,
    DATE_FACTS,
    OUTCOME_FACTS,
    STAGE_ORDER,
    Facts,
    Investigation,
    Schedule3,
    about_the_police,
    stage,
)
from escalate.engine.results import Calculation, CaseWarning, Deadline, Report, Status
from escalate.engine.review import Regime, ReviewDecision, decide_review_body, regime
from escalate.errors import InputError
from escalate.law.calendars import (
    HOLIDAY_HORIZON_YEAR,
)
from escalate.law.dates import add_months, long_date
from escalate.law.rules import APPEALS_2012, RULE_IDS, RULES, Owner, Rule, Strength

# --- counting ------------------------------------------------------------------------------------------


# --- which rules apply --------------------------------------------------------------------------------


class Appearance(NamedTuple):
    """What decides which rules appear, besides the values of the dates (RULES.md section 4, 'Which rules
    appear'): which dates are known, who investigated, whether there is a right of review, whether the
    complaint is about the police at all, and the two answers that rule a claim out."""

    known: frozenset[str]
    investigation: Investigation
    review_available: bool
    police: bool = True
    """False for complaints about MOPAC staff or the Mayor: none of the police complaint rules apply."""
    discrimination: bool | None = None
    injury: bool | None = None


def appearance(facts: Facts, review: ReviewDecision) -> Appearance:
    """The ``Appearance`` of these facts."""
    return Appearance(
        known_dates(facts),
        facts.investigation,
        review.available,
        about_the_police(facts.about),
        facts.discrimination,
        facts.injury,
    )


POLICE_COMPLAINT_RULES = frozenset(
    {
        "complaint",
        "complaint-update",
        "review-request",
        "judicial-review",
        "letter-before-claim",
        "subject-access",
        "preserve-evidence",
    }
)
"""Rules that belong to a complaint about the Met (its complaint, its duties, the review of its outcome and
the judicial review of that; the Met's answer to a subject access request; keeping the Met's body-worn video):
none applies to a complaint about
MOPAC staff or the Mayor (RULES.md s.4 and s.6)."""


def trigger_facts(rule: Rule, on: Appearance) -> tuple[str, ...]:
    """Whether a rule appears, and which date facts can start its clock (RULES.md section 4, 'Which rules
    appear'): () when the rule does not appear; where several facts are given, the later of their dates
    starts the clock (see ``latest_trigger``). A rule that is shown only while not passed (``Rule.while_open``)
    is then left out once it has passed (``compute_deadlines``).

    It depends on which dates are known, never on what they are, so a caseload works it out once for all
    the rows that know the same dates (and the same ``Appearance``).
    """
    known = on.known
    if not on.police and rule.id in POLICE_COMPLAINT_RULES:
        return ()
    match rule.id:
        case "complaint":
            # Any fact showing that the complaint was made: it no longer has to be made.
            return () if not known.isdisjoint(COMPLAINT_MADE_FACTS) else _known(known, "incident_date")
        case "complaint-update":
            # The duty to update lasts while the complaint is handled: an outcome (or a review of it) ends it.
            if not known.isdisjoint(OUTCOME_FACTS):
                return ()
            return _known(known, "last_update_date") or _known(known, "complaint_date")
        case "review-request":
            if "review_decision_date" in known or "review_request_date" in known or not on.review_available:
                return ()
            return _known(known, "outcome_date")
        case "judicial-review" | "letter-before-claim":
            if "review_decision_date" in known:
                return ("review_decision_date",)
            if on.investigation in (Investigation.IOPC, Investigation.IOPC_DIRECTED):
                return _known(known, "outcome_date")
            return ()
        case "equality-act":
            # 'No discrimination' rules the claim out; unknown keeps it: the clock may be running.
            return () if on.discrimination is False else _known(known, "incident_date")
        case "personal-injury":
            if on.injury is False:
                return ()
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
    on = appearance(facts, review)
    for rule in RULES:
        if wanted is not None and rule.id not in wanted:
            continue
        names = trigger_facts(rule, on)
        if names:
            yield rule, *latest_trigger(names, [getattr(facts, name) for name in names])


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
    if rule.id == "review-request":
        return (LATE_APPEAL_NOTE if rule is APPEALS_2012.get(rule.id) else LATE_REVIEW_NOTE,)
    if rule.strength is Strength.GUIDANCE:
        return (f"This date has passed, but it is guidance, not a legal bar: act now. {rule.extension or ''}".strip(),)
    if rule.strength is Strength.DISCRETIONARY and rule.extension is not None:
        return (f"This date has passed. {rule.extension} Never rely on that: take advice at once.",)
    return ("This date has passed and there is no general power to extend it. Take advice at once.",)


LATE_REVIEW_NOTE = (
    "This date has passed, but the request is still the step to take: send it at once and say why it is "
    "late. The review body may accept a late request in special circumstances (2020 Regulations reg 29(4)), "
    "and no time limit applies where exceptional circumstances prevented it being met (reg 51(2)). There is "
    "no new date: the sooner it is sent, the better."
)
LATE_APPEAL_NOTE = (
    "This date has passed, but the appeal is still the step to take: send it at once and say why it is "
    "late. The appeal body may accept a late appeal in special circumstances (2012 Regulations reg 11(5)). "
    "There is no new date: the sooner it is sent, the better."
)
"""A passed review (or appeal) deadline (RULES.md s.4, 'Review requests on a weekend or bank holiday')."""


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
        # Under the 2012 rules the appeal runs from "the date of the letter" (reg 11(3)) and nothing else: the day
        # the outcome was provided gives no later date there (RULES.md section 4, 'The letter's date').
        received_on = facts.outcome_received_date if the_regime == "2020" else None
        born, received = calculation_inputs(rule, trigger_date, facts.date_of_birth, received_on)
        calc = calculate(
            rule.id, trigger_date, date_of_birth=born, received_date=received, sar_law=sar_law_for(rule, facts.sar_law)
        )
        days_left, status = status_of(calc.safe_date, calc.latest_date, facts.today)
        if rule.while_open and status == "passed":
            continue  # shown only while not passed (RULES.md section 4, preserve-evidence)
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
                notes=calc.notes + _rule_notes(rule, facts, the_regime) + _status_notes(rule, calc, status),
            )
        )
        calculations.append((rule, calc))
    deadlines.sort(key=lambda deadline: (deadline.safe_date, deadline.id))
    warnings = (*_fact_warnings(facts, review, the_regime), *calculation_warnings(calculations))
    return Report(facts, the_regime, review, tuple(deadlines), warnings, only=wanted)


class NoDeadline(NamedTuple):
    """Why a report lists no deadline (``why_no_deadline``)."""

    passed: tuple[Rule, ...]
    """Rules that these facts start but that are shown only until they have passed (``Rule.while_open``),
    and have."""
    starting: tuple[str, ...]
    """The date facts not given that would start the clock of a rule asked for, in ``DATE_FACTS`` order."""


def why_no_deadline(report: Report) -> NoDeadline:
    """Why ``report`` lists no deadline: a rule it starts has passed and is no longer shown, or none of the
    rules asked for starts from the dates given with these facts (and which dates would start one)."""
    facts, wanted = report.facts, report.only
    passed = tuple(rule for rule, _, _ in _appearing(facts, wanted, report.review) if report.by_id(rule.id) is None)
    on = appearance(facts, report.review)
    asked = [rule for rule in RULES if wanted is None or rule.id in wanted]
    starting = tuple(
        name
        for name in DATE_FACTS
        if name not in on.known and any(trigger_facts(rule, on._replace(known=on.known | {name})) for rule in asked)
    )
    return NoDeadline(passed, starting)


class _Dated(Protocol):
    @property
    def last_day(self) -> date: ...
    @property
    def latest_date(self) -> date: ...
    @property
    def beyond_horizon(self) -> bool: ...
    @property
    def christmas_unknown(self) -> bool: ...


def calculation_warnings(calculations: Iterable[tuple[Rule, _Dated]]) -> Iterator[CaseWarning]:
    """Warnings that depend on the calculations (a ``Calculation`` or ``DeadlineDates`` for each rule that
    appears): holidays not yet announced, unknown court Christmas closures, the court-office roll-forward."""
    beyond, christmas, rolled = calculation_flags(calculations)
    if beyond:
        yield CaseWarning(
            "holiday-horizon",
            f"Bank holidays after {HOLIDAY_HORIZON_YEAR} are not yet announced; one announced later could "
            f"move the latest date of: {', '.join(beyond)}.",
        )
    if christmas:
        yield CaseWarning(
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
        rolled = rolled or rolls_forward(rule, calc)
    return beyond, christmas, rolled


def rolls_forward(rule: Rule, calc: _Dated) -> bool:
    """Whether a court deadline's latest date is rolled forward past its last day ('court-roll-forward')."""
    return rule.court and calc.latest_date > calc.last_day


_COURT_ROLL_FORWARD = CaseWarning(
    "court-roll-forward",
    "Where a court deadline falls on a day the court office is closed, the latest date assumes the claim can "
    "be issued on the next open day (CPR 2.8(5)). A court may not accept that for a claim that could be issued "
    "online: do not rely on it.",
)


def check_only(only: Collection[str] | None) -> frozenset[str] | None:
    """The rule ids of an ``--only`` filter (None: every rule; a string: that one id); an unknown id is an
    InputError."""
    if only is None:
        return None
    # One id given as a string is that id, not its letters.
    wanted = frozenset((only,)) if isinstance(only, str) else frozenset(only)
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


def _rule_notes(rule: Rule, facts: Facts, the_regime: Regime) -> tuple[str, ...]:
    """Notes that depend on the facts rather than the dates."""
    if rule.id == "review-request":
        if the_regime == "2012":
            return (APPEAL_NOTE_2012,)
        return (
            "Time while your request sits with the wrong review body is not counted (reg 29(3)); a late request "
            "is accepted only in special circumstances (reg 29(4)).",
        )
    injured = facts.injury is True and rule.id in ("civil-claim", "malicious-prosecution")
    injury = (INJURY_PART_NOTE,) if injured else ()
    if rule.id == "judicial-review":
        return (
            "The claim must be filed promptly: a claim filed inside the 3 months can still be refused as not prompt.",
            "Sending the pre-action letter does not stop the clock.",
        )
    if rule.id == "civil-claim":
        return (
            *injury,
            "For data protection damages, 6 years (3 with personal injury) is the best understanding; no court "
            "has settled it.",
            "Deliberate concealment of the facts can postpone the start (s.32).",
        )
    if rule.id == "malicious-prosecution":
        return injury
    if rule.id == "human-rights-act":
        return (HUMAN_RIGHTS_STRICTER_NOTE,)
    if rule.id == "equality-act":
        return ("Conduct extending over a period counts as done at its end (s.118(6)): give its last day.",)
    return ()


def _fact_warnings(facts: Facts, review: ReviewDecision, the_regime: str) -> Iterable[CaseWarning]:
    police = about_the_police(facts.about)
    yield from shape_warnings(known_dates(facts), police)
    yield from assumption_warnings(facts, review)
    if (
        police
        and facts.incident_date is not None
        and late_complaint(facts.incident_date, facts.complaint_date, facts.today)
    ):
        yield LATE_COMPLAINT
    if police and late_review_request(facts.outcome_date, facts.review_request_date):
        yield late_review_warning(the_regime)
    for name, value in facts.known_dates():
        if value > facts.today:
            yield CaseWarning(
                "future-date",
                f"{name} ({long_date(value)}) is after today ({long_date(facts.today)}): check it.",
            )


def shape_warnings(known: Collection[str], police: bool = True) -> tuple[CaseWarning, ...]:
    """The warnings about the facts that depend only on which dates are known (and, for the regime, whether
    the complaint is about the police: the 2012 and 2020 rules are police complaint rules)."""
    if "complaint_date" in known or not police:
        return (CLOCKS_RUN_IN_PARALLEL,)
    return CLOCKS_RUN_IN_PARALLEL, REGIME_ASSUMED


ASSUMPTION_WARNINGS: tuple[str, ...] = ("assumed-schedule3", "assumed-investigation", "assumed-review-body")
"""The warnings that say aloud what was assumed about a fact not given (RULES.md s.6), in their order."""


def assumption_warnings(facts: Facts, review: ReviewDecision) -> tuple[CaseWarning, ...]:
    """What was assumed about facts that were not given, so that a reader can correct them (RULES.md s.6):
    said in `deadlines` as in `route`, once the complaint has been made (before, there is nothing to assume)."""
    if not about_the_police(facts.about) or STAGE_ORDER[stage(facts)] < STAGE_ORDER["complained"]:
        return ()
    return _assumed(
        facts.schedule3 is Schedule3.UNKNOWN, facts.investigation is Investigation.UNKNOWN, review, regime(facts)
    )


@lru_cache(maxsize=128)
def _assumed(
    schedule3_unknown: bool, investigation_unknown: bool, review: ReviewDecision, the_regime: Regime
) -> tuple[CaseWarning, ...]:
    found: list[CaseWarning] = []
    if schedule3_unknown:
        found.append(ASSUMED_SCHEDULE3_2012 if the_regime == "2012" else ASSUMED_SCHEDULE3)
    if investigation_unknown and review.available:
        found.append(ASSUMED_INVESTIGATION)
    if review.inferred:
        name = "MOPAC" if review.body == "mopac" else "the IOPC"
        found.append(
            CaseWarning(
                "assumed-review-body",
                f"The review body ({name}) was worked out from the facts, not read from the outcome letter. "
                "The letter must say who reviews it: if it names another body, follow the letter.",
            )
        )
    return tuple(found)


ASSUMED_SCHEDULE3 = CaseWarning(
    "assumed-schedule3",
    "Assumed that the complaint was recorded under Schedule 3 (the formal process, with a right of review). "
    "If the police wrote that they were dealing with it 'outside Schedule 3', there is no review: ask them "
    "to record it.",
)
ASSUMED_SCHEDULE3_2012 = CaseWarning(
    "assumed-schedule3",
    "Assumed that the complaint was recorded under Schedule 3 (the formal process, with a right of appeal). If "
    "the police wrote that it was not recorded, there is no appeal against the outcome: take advice (under the "
    "2012 rules a decision not to record could itself be appealed: 2012 Regulations reg 11(1)(a)).",
)
"""The 2020 recording right (Sch 3 para 2(6A)) does not reach complaints made before 1 February 2020 (RULES.md
section 4, 'Regime')."""
ASSUMED_INVESTIGATION = CaseWarning(
    "assumed-investigation",
    "Assumed that the IOPC did not investigate the complaint or direct its investigation. If it did, there "
    "is no review and judicial review is the route, within 3 months of the outcome.",
)


def late_review_request(outcome: date | None, request: date | None) -> bool:
    """Whether a review was asked for after the ``review-request`` last day (RULES.md s.4, 'Review requested,
    no decision yet'): the warning ``late-review-request``."""
    return outcome is not None and request is not None and request > review_last_day(outcome)


@lru_cache(maxsize=4096)
def review_last_day(outcome: date) -> date:
    """The ``review-request`` last day for an outcome letter of this date (as the rule counts it)."""
    return calculate("review-request", outcome, date_of_birth=None, received_date=None).last_day


@lru_cache(maxsize=2)
def late_review_warning(the_regime: str) -> CaseWarning:
    if the_regime == "2012":
        text = (
            "The appeal was made after the 28 days from the date of the outcome letter (2012 Regulations "
            "reg 11(3)): the appeal body may still accept it in special circumstances (reg 11(5)). If you have "
            "not said why it was late, write to the appeal body now and explain."
        )
    else:
        text = (
            "The review was asked for after the 28 days from the date of the outcome letter (2020 Regulations "
            "reg 29(2)): the review body accepts a late request only in special circumstances (reg 29(4)), and "
            "no time limit applies where exceptional circumstances prevented it being met (reg 51(2)). If you "
            "have not said why it was late, write to the review body now and explain."
        )
    return CaseWarning("late-review-request", text)


def late_complaint(incident: date, complaint: date | None, today: date) -> bool:
    """Whether the complaint is, or would be if made today, more than 12 months after the incident
    (RULES.md section 4: the MPS may then decide that no further action is reasonable)."""
    limit = complaint_limit(incident)
    return complaint > limit if complaint is not None else today > limit


@lru_cache(maxsize=4096)
def complaint_limit(incident: date) -> date:
    """The last day on which a complaint is not 'more than 12 months after the incident'."""
    return add_months(incident, 12)


APPEAL_NOTE_2012 = (
    "The complaint was made before 1 February 2020, so the 2012 rules apply: appeal to the body named in the "
    "outcome letter (reg 30), within 28 days commencing on the day after the date of the letter (reg 11(3)). "
    "Time while the appeal is with the wrong body is left out of account (reg 11(4)); a late appeal is accepted "
    "only in special circumstances (reg 11(5))."
)
"""Police (Complaints and Misconduct) Regulations 2012, reg 11(3)-(5) and reg 30 (RULES.md section 4, 'Regime')."""
INJURY_PART_NOTE = (
    "You said you were injured: this claim has 6 years, but a claim for the injury itself may have only 3 years "
    "(Limitation Act 1980 s.11; A v Hoare [2008] UKHL 6): see the personal injury deadline."
)
"""RULES.md section 4, 'Injury beside a 6-year claim'."""
HUMAN_RIGHTS_STRICTER_NOTE = (
    "The year is subject to any rule imposing a stricter time limit (s.7(5)): a Human Rights Act challenge to a "
    "review decision goes by judicial review, promptly and within 3 months."
)
"""Human Rights Act 1998 s.7(5) (RULES.md section 4, 'Human Rights Act')."""

CLOCKS_RUN_IN_PARALLEL = CaseWarning(
    "clocks-run-in-parallel",
    "A complaint does not pause any court deadline: the time limits for a civil claim, a discrimination or "
    "human rights claim and judicial review keep running while the complaint and any review go on.",
)
REGIME_ASSUMED = CaseWarning(
    "regime-assumed",
    "No complaint date given: the 2020 rules (complaints made from 1 February 2020) are assumed.",
)
LATE_COMPLAINT = CaseWarning(
    "late-complaint",
    "The complaint is (or would be) made more than 12 months after the incident: the MPS may decide "
    "that no further action is reasonable unless the delay is explained. It must still record the "
    "complaint if you ask.",
)


def row_warning_texts(the_regime: str) -> dict[str, str]:
    """The text of each warning a caseload row can carry whose words do not depend on the plan of the row (a
    caseload's ``warnings_text``): the engine's own text where it is the same for every case, and for the
    warnings whose engine text names a case's own dates or rules, the same sentence said of the row."""
    return {
        "late-complaint": LATE_COMPLAINT.text,
        "late-review-request": late_review_warning(the_regime).text,
        "future-date": "A date in this row is after today: check it.",
        "holiday-horizon": (
            f"Bank holidays after {HOLIDAY_HORIZON_YEAR} are not yet announced; one announced later could move "
            "a latest date in this row."
        ),
        "court-christmas-unknown": (
            "A court deadline in this row falls over Christmas in a year whose extra court-office closures "
            "escalate does not know: check HMCTS's notice for that year."
        ),
        "court-roll-forward": _COURT_ROLL_FORWARD.text,
        CLOCKS_RUN_IN_PARALLEL.id: CLOCKS_RUN_IN_PARALLEL.text,
        REGIME_ASSUMED.id: REGIME_ASSUMED.text,
    }
