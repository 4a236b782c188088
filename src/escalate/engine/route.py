"""The route: from what has happened so far, what to do now, what comes next, what runs alongside, who
decides, what to send them, and by when (RULES.md section 6).

Pure: no clock, no input or output. Dates come only from the deadlines engine (``compute_deadlines``); this
module never counts a day itself. Everything except the deadlines and the fact warnings depends on a handful
of facts (whom the complaint is about, the review decision, the regime, how far the complaint has gone, a few
yes/no answers), so the steps are built once per distinct combination and cached: a caseload of 100,000 rows
builds a few hundred step lists at most.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any, Literal, NamedTuple

from escalate.engine.calculate import deadline_dates
from escalate.engine.deadlines import compute_deadlines
from escalate.engine.facts import STAGE_ORDER, About, Facts, Investigation, Schedule3, Stage, about_the_police, stage
from escalate.engine.results import DISCLAIMER, CaseWarning, Deadline, Report
from escalate.engine.review import Regime, ReviewBodyName, ReviewDecision
from escalate.engine.steps import (
    StepText,
    advice_text,
    civil_text,
    complain_text,
    equality_text,
    gla_after_outcome_text,
    human_rights_text,
    judicial_review_text,
    mopac_stage_2_wait_text,
    mopac_stage_text,
    mp_text,
    outside_records_text,
    preserve_text,
    recording_text,
    records_text,
    review_text,
    review_wait_text,
    sar_text,
    wait_text,
)
from escalate.errors import InputError
from escalate.law.rules import Source

StepStatus = Literal["done", "now", "next", "also", "unavailable"]
STEP_STATUSES: tuple[StepStatus, ...] = ("done", "now", "next", "also", "unavailable")

PATH_STEP_IDS: tuple[str, ...] = (
    "complain-to-mps",
    "complain-to-mopac",
    "complain-about-mopac",
    "complain-to-gla",
    "ask-schedule3-recording",
    "wait-for-outcome",
    "request-review",
    "wait-for-review-decision",
    "judicial-review",
    "mopac-stage-2",
    "mopac-stage-3",
)
"""Every id a step on the path can have (the complaint step has one of four, by whom it is about). After the
GLA Monitoring Officer's outcome, ``legal-advice`` (otherwise alongside) is the step to take now."""
ALSO_STEP_IDS: tuple[str, ...] = (
    "preserve-evidence",
    "subject-access-request",
    "civil-claim",
    "equality-act-claim",
    "human-rights-claim",
    "legal-advice",
    "contact-mp",
    "keep-records",
)
"""The steps that run alongside the path, whatever stage it has reached (``preserve-evidence`` only until
its deadline has passed)."""
STEP_IDS: tuple[str, ...] = PATH_STEP_IDS + ALSO_STEP_IDS
ROUTE_WARNING_IDS: tuple[str, ...] = (
    "clocks-run-in-parallel",
    "no-compensation-from-complaints",
    "one-complaint-per-incident",
    "review-is-final",
    "late-complaint",
    "late-review-request",
    "assumed-review-body",
    "assumed-schedule3",
    "assumed-investigation",
)
"""The warnings of RULES.md section 6 (``clocks-run-in-parallel``, ``late-complaint``, ``late-review-request``
and the ``assumed-`` ones come from the deadlines engine, which gives them to `escalate deadlines` too)."""


@dataclass(frozen=True, slots=True)
class Step:
    """One thing to do: who to contact, why (with the law), how (what to send, where), and its deadlines."""

    id: str
    title: str
    status: StepStatus
    body: str
    """The body to contact (or, for a wait, the body that owes the next move)."""
    why: str
    how: str
    source: Source
    deadlines: tuple[str, ...]
    """Ids of this step's deadlines among ``Route.deadlines`` (only those the facts allow)."""

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "status": self.status,
            "body": self.body,
            "why": self.why,
            "how": self.how,
            "source": {"citation": self.source.citation, "url": self.source.url},
            "deadlines": list(self.deadlines),
        }


@dataclass(frozen=True, slots=True)
class Route:
    """The path for one case: steps (exactly one ``now``), who reviews and why, deadlines and warnings."""

    today: date
    regime: Regime
    review_body: ReviewBodyName | None
    """``mopac`` or ``iopc``; ``letter``: the 2012 rules say to follow the outcome letter; None: no review."""
    review_reason: str
    """Why that body reviews (or why no one can), naming the limb of the law that applied."""
    steps: tuple[Step, ...]
    deadlines: tuple[Deadline, ...]
    warnings: tuple[CaseWarning, ...]
    disclaimer: str = DISCLAIMER
    facts: Facts | None = field(default=None, repr=False, compare=False)
    """The facts the route was planned from (not part of the JSON; the markdown page lists them)."""
    report: Report | None = field(default=None, repr=False, compare=False)
    """The deadlines report the route was planned from (calendar export uses it)."""

    @property
    def rules_label(self) -> str:
        """The complaint rules the route is under, for a header ('2020 complaint rules')."""
        return self.report.rules_label if self.report is not None else f"{self.regime} complaint rules"

    def how_to(self, deadline: Deadline) -> str | None:
        """What to send and where, for a deadline: the 'how' of the step it belongs to."""
        return next((step.how for step in self.steps if deadline.id in step.deadlines and step.how), None)

    @property
    def now(self) -> Step:
        """The one step to take now."""
        for step in self.steps:
            if step.status == "now":
                return step
        raise AssertionError("a route always has a step to take now")  # pragma: no cover - see _path_steps

    def step(self, step_id: str) -> Step | None:
        """The step with this id, if the route has it."""
        return next((step for step in self.steps if step.id == step_id), None)

    def deadlines_of(self, step: Step) -> tuple[Deadline, ...]:
        """A step's deadlines, soonest first (as in ``deadlines``)."""
        return tuple(deadline for deadline in self.deadlines if deadline.id in step.deadlines)

    def as_dict(self) -> dict[str, Any]:
        """The JSON document of `escalate route --format json` (README, 'The route as JSON')."""
        return {
            "today": self.today.isoformat(),
            # A complaint about MOPAC staff or the Mayor is under neither set of police complaint rules.
            "regime": self.regime if self.facts is None or about_the_police(self.facts.about) else None,
            "review_body": self.review_body,
            "steps": [step.as_dict() for step in self.steps],
            "deadlines": [deadline.as_dict() for deadline in self.deadlines],
            "warnings": [warning.as_dict() for warning in self.warnings],
            "disclaimer": self.disclaimer,
        }


def plan_route(facts: Facts, *, report: Report | None = None) -> Route:
    """The route for these facts. Pass ``report`` (from ``compute_deadlines(facts)``) to reuse its dates.

    Raises InputError if ``report`` was computed for other facts.
    """
    if report is None:
        report = compute_deadlines(facts)
    elif report.facts is not facts and report.facts != facts:
        raise InputError("{report}: the report was computed for other facts; pass compute_deadlines(facts)", "report")
    key = _route_key(facts, report, alongside=True)
    steps, route_warnings = _build(key)
    return Route(
        today=facts.today,
        regime=report.regime,
        review_body=report.review.body,
        review_reason=report.review.reason,
        steps=steps,
        deadlines=report.deadlines,
        warnings=report.warnings + route_warnings,
        disclaimer=report.disclaimer,
        facts=facts,
        report=report,
    )


class Outline(NamedTuple):
    """What a caseload's row shows of a route (``route_outline``)."""

    now: str
    """The id of the step to take now."""
    now_title: str
    warnings: tuple[CaseWarning, ...]
    """The route's own warnings: ``Route.warnings`` after the report's."""


def route_outline(facts: Facts, report: Report) -> Outline:
    """The step to take now and the route's own warnings, as ``plan_route(facts, report=report)`` gives them,
    without the steps alongside the path: a caseload's row shows no more of a route.

    The path and the route's warnings depend on fewer facts than the steps alongside it do (their words name
    the claims, the records asked for, the footage), so an outline is kept for each shape of path, and most
    caseloads have few: the facts that only the steps alongside read are left out of its key.
    ``tests/test_route.py`` checks it against ``plan_route`` for any facts.
    """
    return _outline(_route_key(facts, report, alongside=False))


def _route_key(facts: Facts, report: Report, *, alongside: bool) -> _RouteKey:
    """What the route's steps depend on; without ``alongside``, only what the path and the route's warnings
    read (the facts that only the steps alongside the path read are left at one value)."""
    review = report.by_id("review-request")
    return _RouteKey(
        about=facts.about,
        schedule3=facts.schedule3,
        investigation=facts.investigation,
        review=report.review,
        regime=report.regime,
        stage=stage(facts),
        discrimination=facts.discrimination if alongside else None,
        death_or_serious_injury=facts.death_or_serious_injury if alongside else None,
        injury=facts.injury if alongside else None,
        detained=facts.detained if alongside else None,
        prosecuted=facts.prosecuted if alongside else None,
        named_review_body=alongside and facts.review_body is not None,
        asked_for_records=alongside and facts.sar_date is not None,
        footage_gone=alongside and footage_gone(facts),
        present=frozenset(deadline.id for deadline in report.deadlines) if alongside else frozenset(),
        review_passed=review is not None and review.status == "passed",
    )


@lru_cache(maxsize=1024)
def _outline(key: _RouteKey) -> Outline:
    path = _path_steps(key)
    now = next(step for step in path if step.status == "now")
    return Outline(now.id, now.title, _route_warnings(key, path))


def footage_gone(facts: Facts) -> bool:
    """Whether the time to ask for body-worn video to be kept has passed (the ``preserve-evidence`` rule,
    RULES.md section 4): footage not kept as evidence may then have been deleted."""
    if facts.incident_date is None:
        return False
    return deadline_dates("preserve-evidence", facts.incident_date, None, None, facts.today).status == "passed"


class _RouteKey(NamedTuple):
    """The few facts that the steps and route warnings depend on (everything except the dates)."""

    about: About
    schedule3: Schedule3
    investigation: Investigation
    review: ReviewDecision
    regime: Regime
    stage: Stage
    discrimination: bool | None
    death_or_serious_injury: bool | None
    injury: bool | None
    detained: bool | None
    prosecuted: bool | None
    named_review_body: bool
    asked_for_records: bool
    footage_gone: bool
    present: frozenset[str]
    review_passed: bool = False
    """The ``review-request`` deadline has passed (the step stays, and says what to do: RULES.md s.4)."""

    @property
    def police(self) -> bool:
        """Whether the complaint is about the police (Schedule 3), not MOPAC staff or the Mayor."""
        return about_the_police(self.about)

    @property
    def iopc_investigated(self) -> bool:
        return self.investigation in (Investigation.IOPC, Investigation.IOPC_DIRECTED)

    def reached(self, stage: Stage) -> bool:
        return STAGE_ORDER[self.stage] >= STAGE_ORDER[stage]


@lru_cache(maxsize=4096)
def _build(key: _RouteKey) -> tuple[tuple[Step, ...], tuple[CaseWarning, ...]]:
    path = _path_steps(key)
    steps = path + _also_steps(key, path)
    return steps, _route_warnings(key, steps)


def _make(step_id: str, status: StepStatus, text: StepText, key: _RouteKey) -> Step:
    return Step(
        id=step_id,
        title=text.title,
        status=status,
        body=text.body,
        why=text.why,
        how=text.how,
        source=text.source,
        deadlines=tuple(rule_id for rule_id in text.deadlines if rule_id in key.present),
    )


def _path_steps(key: _RouteKey) -> tuple[Step, ...]:
    """The path, in order, with exactly one step ``now``: the first that has not happened and is possible.

    The last step of each path never counts as happened and is never unavailable, so there is always one:
    ``judicial-review`` for the police, ``mopac-stage-3`` for MOPAC staff, and for the Mayor, once the
    Monitoring Officer's outcome is known, advice on what is left (RULES.md s.6).
    """
    complain_id, complain = complain_text(key.about, key.regime)
    path: list[tuple[str, StepText, bool, bool]] = [(complain_id, complain, key.reached("complained"), False)]
    if key.about is About.MOPAC_STAFF:
        # MOPAC's three stages (seed 003): outcome_date is MOPAC's Stage 1 answer, review_request_date the
        # request for Stage 2, review_decision_date the Stage 2 answer.
        path.append(("wait-for-outcome", wait_text(key.about), key.reached("outcome"), False))
        path.append(("mopac-stage-2", mopac_stage_text(2), key.reached("review-requested"), False))
        if key.stage == "review-requested":
            path.append(("wait-for-review-decision", mopac_stage_2_wait_text(), False, False))
        path.append(("mopac-stage-3", mopac_stage_text(3), False, False))
        return _statuses(path, key)
    if key.about is About.MAYOR:
        path.append(("wait-for-outcome", wait_text(key.about), key.reached("outcome"), False))
        if key.reached("outcome"):
            path.append(("legal-advice", gla_after_outcome_text(), False, False))
        return _statuses(path, key)
    recording = key.schedule3 is Schedule3.NO
    if recording:
        # Recording starts the Schedule 3 process afresh: what follows is to come, whatever happened before.
        path.append(
            ("ask-schedule3-recording", recording_text(key.about is About.COMMISSIONER, key.regime), False, False)
        )
    path.append(
        ("wait-for-outcome", wait_text(key.about, key.regime), key.reached("outcome") and not recording, False),
    )
    path.append(
        (
            "request-review",
            review_text(key.review, key.regime, key.iopc_investigated, key.review_passed),
            key.reached("review-requested") and not recording,
            key.review.body is None,
        )
    )
    if key.stage == "review-requested" and key.review.body is not None:
        path.append(("wait-for-review-decision", review_wait_text(key.review, key.regime), False, False))
    path.append(("judicial-review", judicial_review_text(key.review, key.regime, key.police), False, False))
    return _statuses(path, key)


def _statuses(path: list[tuple[str, StepText, bool, bool]], key: _RouteKey) -> tuple[Step, ...]:
    steps: list[Step] = []
    now_found = False
    for step_id, text, happened, unavailable in path:
        status: StepStatus
        if unavailable:
            status = "unavailable"
        elif now_found:
            status = "next"
        elif happened:
            status = "done"
        else:
            status, now_found = "now", True
        steps.append(_make(step_id, status, text, key))
    return tuple(steps)


def _also_steps(key: _RouteKey, path: tuple[Step, ...]) -> tuple[Step, ...]:
    """The steps alongside the path: only those that apply (RULES.md s.6). A complaint about MOPAC staff or
    the Mayor has no subject access request to the Met, no request to keep the Met's footage and no MP's letter
    to the Commissioner."""
    texts: list[tuple[str, StepText]] = []
    if key.police:
        if not key.footage_gone:
            texts.append(("preserve-evidence", preserve_text()))
        texts.append(("subject-access-request", sar_text(key.asked_for_records, key.footage_gone)))
    texts.append(("civil-claim", civil_text(key.injury, key.detained, key.prosecuted)))
    # Shown unless the person said there was no discrimination (RULES.md s.4: 'no' rules the claim out).
    if key.discrimination is not False:
        texts.append(("equality-act-claim", equality_text(key.discrimination, key.police)))
    texts.append(("human-rights-claim", human_rights_text()))
    if not any(step.id == "legal-advice" for step in path):
        texts.append(("legal-advice", advice_text(key.death_or_serious_injury)))
    if key.police:
        texts += [("contact-mp", mp_text()), ("keep-records", records_text())]
    else:
        texts.append(("keep-records", outside_records_text()))
    return tuple(_make(step_id, "also", text, key) for step_id, text in texts)


def _route_warnings(key: _RouteKey, steps: tuple[Step, ...]) -> tuple[CaseWarning, ...]:
    now = next(step.id for step in steps if step.status == "now")
    warnings = [
        CaseWarning(
            "no-compensation-from-complaints",
            "A complaint cannot get you compensation: only a civil claim in court can, and it has its own "
            "time limits (see the civil claim step).",
        )
    ]
    if key.police and key.reached("complained"):
        warnings.append(
            CaseWarning(
                "one-complaint-per-incident",
                "Do not complain to the police again about the same incident: a repeat complaint can be set "
                "aside. Escalate instead, by the steps here.",
            )
        )
    if key.police and now in ("request-review", "wait-for-review-decision", "judicial-review"):
        warnings.append(
            CaseWarning(
                "review-is-final",
                _final_text(key.review.body is not None, now == "request-review", key.regime),
            )
        )
    return tuple(warnings)


@lru_cache(maxsize=8)
def _final_text(review_available: bool, to_ask: bool, regime: Regime = "2020") -> str:
    if review_available and regime == "2012":
        return (
            "An appeal decision is final: there is no further appeal from it. The only challenge is judicial "
            "review, promptly and within 3 months." + (" Put everything into the appeal." if to_ask else "")
        )
    if review_available:
        return (
            "A review decision is final: there is no appeal from it. The only challenge is judicial review, "
            "promptly and within 3 months." + (" Put everything into the review request." if to_ask else "")
        )
    return (
        "There is no review and no appeal here: the only challenge is judicial review, promptly and within "
        "3 months of the decision."
    )


# --- the words of each step (cached: they depend on one or two facts each) ---------------------------
