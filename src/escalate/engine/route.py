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

from escalate.engine.deadlines import compute_deadlines
from escalate.engine.facts import About, Facts, Investigation, Schedule3
from escalate.engine.results import DISCLAIMER, Deadline, Report, Warning
from escalate.engine.review import BODY_NAMES, Regime, ReviewBodyName, ReviewDecision
from escalate.law.contacts import contact_line
from escalate.law.rules import RULES_BY_ID, Source

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
    "judicial-review",
)
"""Every id a step on the path can have (the complaint step has one of four, by whom it is about)."""
ALSO_STEP_IDS: tuple[str, ...] = (
    "subject-access-request",
    "civil-claim",
    "equality-act-claim",
    "human-rights-claim",
    "legal-advice",
    "contact-mp",
    "keep-records",
)
"""The steps that run alongside the path, whatever stage it has reached."""
STEP_IDS: tuple[str, ...] = PATH_STEP_IDS + ALSO_STEP_IDS
ROUTE_WARNING_IDS: tuple[str, ...] = (
    "clocks-run-in-parallel",
    "no-compensation-from-complaints",
    "one-complaint-per-incident",
    "review-is-final",
    "late-complaint",
)
"""The warnings of RULES.md section 6 (``clocks-run-in-parallel`` and ``late-complaint`` come from the
deadlines engine, which gives them to `escalate deadlines` too)."""

PRA_SCH3 = "https://www.legislation.gov.uk/ukpga/2002/30/schedule/3"
_SHORT_NAMES = {"mopac": "MOPAC", "iopc": "the IOPC"}
_MOPAC_COMPLAINTS = Source(
    "MOPAC complaints",
    "https://www.london.gov.uk/programmes-strategies/mayors-office-policing-and-crime/"
    "about-mayors-office-policing-and-crime-mopac/mopac-complaints",
)
REGS_2020 = "https://www.legislation.gov.uk/uksi/2020/2"


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
    warnings: tuple[Warning, ...]
    disclaimer: str = DISCLAIMER
    facts: Facts | None = field(default=None, repr=False, compare=False)
    """The facts the route was planned from (not part of the JSON; the markdown page lists them)."""
    report: Report | None = field(default=None, repr=False, compare=False)
    """The deadlines report the route was planned from (calendar export uses it)."""

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
            "regime": self.regime,
            "review_body": self.review_body,
            "steps": [step.as_dict() for step in self.steps],
            "deadlines": [deadline.as_dict() for deadline in self.deadlines],
            "warnings": [warning.as_dict() for warning in self.warnings],
            "disclaimer": self.disclaimer,
        }


def plan_route(facts: Facts, *, report: Report | None = None) -> Route:
    """The route for these facts. Pass ``report`` (from ``compute_deadlines(facts)``) to reuse its dates.

    Raises ValueError if ``report`` was computed for other facts.
    """
    if report is None:
        report = compute_deadlines(facts)
    elif report.facts is not facts and report.facts != facts:
        raise ValueError("plan_route: the report was computed for other facts")
    stage = _stage(facts)
    key = _RouteKey(
        about=facts.about,
        schedule3=facts.schedule3,
        investigation=facts.investigation,
        review=report.review,
        regime=report.regime,
        stage=stage,
        discrimination=facts.discrimination,
        death_or_serious_injury=facts.death_or_serious_injury,
        injury=facts.injury,
        detained=facts.detained,
        prosecuted=facts.prosecuted,
        named_review_body=facts.review_body is not None,
        asked_for_records=facts.sar_date is not None,
        present=frozenset(deadline.id for deadline in report.deadlines),
    )
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


# --- how far the complaint has gone ------------------------------------------------------------------

Stage = Literal["not-complained", "complained", "outcome", "review-decided"]


def _stage(facts: Facts) -> Stage:
    """The furthest point the facts show. A later event implies the earlier ones (a review decision means
    there was an outcome, which means there was a complaint), whichever dates are known."""
    if facts.review_decision_date is not None:
        return "review-decided"
    if facts.outcome_date is not None or facts.outcome_received_date is not None:
        return "outcome"
    if (
        facts.complaint_date is not None
        or facts.last_update_date is not None
        or facts.schedule3 is not Schedule3.UNKNOWN
        or facts.investigation is not Investigation.UNKNOWN
        or facts.review_body is not None
        or facts.referred_to_iopc is True
    ):
        return "complained"
    return "not-complained"


_STAGE_ORDER: dict[Stage, int] = {"not-complained": 0, "complained": 1, "outcome": 2, "review-decided": 3}


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
    present: frozenset[str]

    @property
    def police(self) -> bool:
        """Whether the complaint is about the police (Schedule 3), not MOPAC staff or the Mayor."""
        return self.about not in (About.MOPAC_STAFF, About.MAYOR)

    @property
    def iopc_investigated(self) -> bool:
        return self.investigation in (Investigation.IOPC, Investigation.IOPC_DIRECTED)

    def reached(self, stage: Stage) -> bool:
        return _STAGE_ORDER[self.stage] >= _STAGE_ORDER[stage]


class _Text(NamedTuple):
    title: str
    body: str
    why: str
    how: str
    source: Source
    deadlines: tuple[str, ...] = ()


@lru_cache(maxsize=4096)
def _build(key: _RouteKey) -> tuple[tuple[Step, ...], tuple[Warning, ...]]:
    steps = _path_steps(key) + _also_steps(key)
    return steps, _route_warnings(key, steps)


def _make(step_id: str, status: StepStatus, text: _Text, key: _RouteKey) -> Step:
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

    ``judicial-review`` never counts as happened and is never unavailable, so there is always one.
    """
    complain_id, complain = _complain_text(key.about)
    path: list[tuple[str, _Text, bool, bool]] = [(complain_id, complain, key.reached("complained"), False)]
    recording = key.police and key.schedule3 is Schedule3.NO
    if recording:
        # Recording starts the Schedule 3 process afresh: what follows is to come, whatever happened before.
        path.append(("ask-schedule3-recording", _recording_text(key.about is About.COMMISSIONER), False, False))
    path.append(
        ("wait-for-outcome", _wait_text(key.about), key.reached("outcome") and not recording, False),
    )
    path.append(
        (
            "request-review",
            _review_text(key.review, key.regime, key.iopc_investigated),
            key.reached("review-decided") and not recording,
            key.review.body is None,
        )
    )
    path.append(("judicial-review", _judicial_review_text(key.review, key.regime, key.police), False, False))
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


def _also_steps(key: _RouteKey) -> tuple[Step, ...]:
    texts: list[tuple[str, _Text]] = [
        ("subject-access-request", _sar_text(key.asked_for_records)),
        ("civil-claim", _civil_text(key.injury, key.detained, key.prosecuted)),
    ]
    # Shown unless the person said there was no discrimination: its 6 months are the shortest court clock.
    if key.discrimination is not False:
        texts.append(("equality-act-claim", _equality_text(key.discrimination)))
    texts += [
        ("human-rights-claim", _human_rights_text()),
        ("legal-advice", _advice_text(key.death_or_serious_injury)),
        ("contact-mp", _mp_text()),
        ("keep-records", _records_text()),
    ]
    return tuple(_make(step_id, "also", text, key) for step_id, text in texts)


def _route_warnings(key: _RouteKey, steps: tuple[Step, ...]) -> tuple[Warning, ...]:
    now = next(step.id for step in steps if step.status == "now")
    warnings = [
        Warning(
            "no-compensation-from-complaints",
            "A complaint cannot get you compensation: only a civil claim in court can, and it has its own "
            "time limits (see the civil claim step).",
        )
    ]
    if key.reached("complained"):
        warnings.append(
            Warning(
                "one-complaint-per-incident",
                "Do not complain to the police again about the same incident: a repeat complaint can be set "
                "aside. Escalate instead, by the steps here.",
            )
        )
    if now in ("request-review", "judicial-review"):
        warnings.append(Warning("review-is-final", _final_text(key.review.body is not None)))
    warnings.extend(_assumptions(key))
    return tuple(warnings)


@lru_cache(maxsize=2)
def _final_text(review_available: bool) -> str:
    if review_available:
        return (
            "A review decision is final: there is no appeal from it. The only challenge is judicial review, "
            "promptly and within 3 months. Put everything into the review request."
        )
    return (
        "There is no review and no appeal here: the only challenge is judicial review, promptly and within "
        "3 months of the decision."
    )


def _assumptions(key: _RouteKey) -> tuple[Warning, ...]:
    """What the route assumed about facts that were not given, so that a reader can correct them."""
    if not key.police or not key.reached("complained"):
        return ()
    found: list[Warning] = []
    if key.schedule3 is Schedule3.UNKNOWN:
        found.append(
            Warning(
                "assumed-schedule3",
                "Assumed that the complaint was recorded under Schedule 3 (the formal process, with a right "
                "of review). If the police wrote that they were dealing with it 'outside Schedule 3', there "
                "is no review: ask them to record it.",
            )
        )
    if key.investigation is Investigation.UNKNOWN and key.review.body is not None:
        found.append(
            Warning(
                "assumed-investigation",
                "Assumed that the IOPC did not investigate the complaint or direct its investigation. If it "
                "did, there is no review and judicial review is the route, within 3 months of the outcome.",
            )
        )
    if not key.named_review_body and key.review.body in ("mopac", "iopc"):
        found.append(
            Warning(
                "assumed-review-body",
                f"The review body ({_SHORT_NAMES[key.review.body]}) was worked out from the facts. The "
                "outcome letter must say who reviews it: if it names another body, follow the letter.",
            )
        )
    return tuple(found)


# --- the words of each step (cached: they depend on one or two facts each) ---------------------------


@lru_cache(maxsize=16)
def _complain_text(about: About) -> tuple[str, _Text]:
    if about is About.COMMISSIONER:
        return "complain-to-mopac", _Text(
            title="Complain to MOPAC about the Commissioner",
            body="MOPAC (Mayor's Office for Policing and Crime)",
            why="For a complaint about the Commissioner, MOPAC is the appropriate authority, not the MPS. "
            "Complaints are best made within 12 months of the incident.",
            how="Write to MOPAC: say what the Commissioner did or failed to do, when, and what you want to "
            "happen; ask for it to be recorded under Schedule 3 of the Police Reform Act 2002. Keep a copy.\n"
            + contact_line("mopac-complaints"),
            source=Source("Police Reform Act 2002 s.29 (appropriate authority) and Sch 3", PRA_SCH3),
            deadlines=("complaint",),
        )
    if about is About.MOPAC_STAFF:
        return "complain-about-mopac", _Text(
            title="Complain to MOPAC about its staff",
            body="MOPAC (Mayor's Office for Policing and Crime)",
            why="A complaint about MOPAC's own staff is not a police complaint: MOPAC deals with it under "
            "its own three-stage complaints process.",
            how="Use MOPAC's complaints process: say who was involved, what happened and when, and what you "
            "want to happen. If you are not satisfied at one stage, ask for the "
            "next.\n" + contact_line("mopac-complaints"),
            source=_MOPAC_COMPLAINTS,
        )
    if about is About.MAYOR:
        return "complain-to-gla", _Text(
            title="Complain to the GLA Monitoring Officer about the Mayor or Deputy Mayor",
            body="GLA Monitoring Officer (Greater London Authority)",
            why="Complaints about the Mayor or the Deputy Mayor for Policing and Crime, as the policing body "
            "for London, are dealt with by the London Assembly's Police and Crime Committee through the GLA "
            "Monitoring Officer, not by the MPS. A complaint that may be a crime is referred to the IOPC.",
            how="Write to the GLA Monitoring Officer: say who the complaint is about, what they did or "
            "failed to do and when. Keep a copy.\n" + contact_line("gla-monitoring-officer"),
            source=Source(
                "Elected Local Policing Bodies (Complaints and Misconduct) Regulations 2012",
                "https://www.legislation.gov.uk/uksi/2012/62",
            ),
        )
    return "complain-to-mps", _Text(
        title="Complain to the Metropolitan Police",
        body="Metropolitan Police Service (MPS)",
        why="The MPS is the appropriate authority for complaints about its officers and staff. There is no "
        "legal deadline, but a complaint made more than 12 months after the incident may not be taken "
        "further unless the delay is explained.",
        how="Complain online, by post or in person; or use the IOPC's form, which passes it to the MPS. Say "
        "what happened, when and where, who was involved (names or shoulder numbers), any witnesses, and "
        "what you want to happen. Ask for it to be recorded under Schedule 3 of the Police Reform Act 2002, "
        "which gives you a right of review. Keep a copy.\n" + contact_line("mps"),
        source=RULES_BY_ID["complaint"].source,
        deadlines=("complaint",),
    )


@lru_cache(maxsize=2)
def _recording_text(commissioner: bool) -> _Text:
    who, body, contact = (
        ("MOPAC", "MOPAC (Mayor's Office for Policing and Crime)", "mopac-complaints")
        if commissioner
        else ("The MPS", "Metropolitan Police Service (MPS)", "mps")
    )
    return _Text(
        title="Ask for the complaint to be recorded under Schedule 3",
        body=body,
        why=f"The complaint was handled outside Schedule 3, which carries no right of review. {who} must "
        "record it under Schedule 3 if you ask.",
        how="Write to the complaint handler, quoting your reference: 'I want my complaint recorded and dealt "
        "with under Schedule 3 of the Police Reform Act 2002.' Keep a copy.\n" + contact_line(contact),
        source=Source("Police Reform Act 2002 Sch 3 para 2(6A)", PRA_SCH3),
    )


@lru_cache(maxsize=16)
def _wait_text(about: About) -> _Text:
    if about is About.MOPAC_STAFF:
        return _Text(
            title="Wait for MOPAC's answer",
            body="MOPAC (Mayor's Office for Policing and Crime)",
            why="MOPAC answers at each stage of its complaints process.",
            how="If you hear nothing, chase in writing and keep a copy.\n" + contact_line("mopac-complaints"),
            source=_MOPAC_COMPLAINTS,
        )
    if about is About.MAYOR:
        return _Text(
            title="Wait for the outcome",
            body="GLA Monitoring Officer (Greater London Authority)",
            why="The Monitoring Officer decides how the complaint is dealt with and tells you the outcome.",
            how="If you hear nothing, chase in writing and keep a copy.\n" + contact_line("gla-monitoring-officer"),
            source=Source(
                "Elected Local Policing Bodies (Complaints and Misconduct) Regulations 2012",
                "https://www.legislation.gov.uk/uksi/2012/62",
            ),
        )
    handler = "MOPAC" if about is About.COMMISSIONER else "the MPS"
    return _Text(
        title="Wait for the outcome, and chase the updates",
        body="MOPAC (Mayor's Office for Policing and Crime)"
        if about is About.COMMISSIONER
        else "Metropolitan Police Service (Directorate of Professional Standards)",
        why=f"While the complaint is handled, {handler} must tell you how it is going at least every 28 days.",
        how="If an update is late, chase it in writing, quoting your reference, and keep a copy. When the "
        "outcome letter comes, note the date it reached you: the time to ask for a review runs from then.",
        source=RULES_BY_ID["complaint-update"].source,
        deadlines=("complaint-update",),
    )


@lru_cache(maxsize=64)
def _review_text(review: ReviewDecision, regime: Regime, iopc_investigated: bool) -> _Text:
    appeal = regime == "2012"
    noun = "appeal" if appeal else "review"
    title = "Appeal against the outcome" if appeal else "Ask for a review of the outcome"
    if review.body is None:
        return _Text(
            title=title,
            body="no review body",
            why=f"Not available: {review.reason}.",
            how="Judicial review is the route" if iopc_investigated else "See the other steps.",
            source=review.source,
        )
    what_to_send = {
        "mopac": "Use MOPAC's review request, by email. Include: your name and contact details; the MPS "
        "complaint reference; a copy of the outcome letter; why you think the outcome is wrong (not "
        "reasonable and proportionate); and, if someone acts for you, your written consent.",
        "iopc": "Use the IOPC's review form (online, or its Word or PDF version) and attach the outcome "
        "letter, every page. Say why you think the outcome is wrong and what you want to happen; if someone "
        "acts for you, include your written consent.",
        "letter": "Send the appeal to the body named in the outcome letter (the IOPC, or the MPS itself), by "
        "the means it gives. Include the complaint reference, a copy of the outcome letter and why you think "
        "the outcome is wrong.",
    }[review.body]
    where = {"mopac": "\n" + contact_line("mopac"), "iopc": "\n" + contact_line("iopc"), "letter": ""}[review.body]
    return _Text(
        title=title,
        body=BODY_NAMES[review.body],
        why=f"{review.reason[0].upper()}{review.reason[1:]} ({review.source.citation}). Send the {noun} "
        "within 28 days of the outcome; a late one is accepted only in special circumstances.",
        how=what_to_send + " Send it by email or online so that it arrives in time, and keep proof of sending. "
        "The decision is final: put everything in." + where,
        source=review.source,
        deadlines=("review-request",),
    )


@lru_cache(maxsize=64)
def _judicial_review_text(review: ReviewDecision, regime: Regime, police: bool) -> _Text:
    if review.body is not None:
        decision = "the review decision" if regime == "2020" else "the appeal decision"
        why = (
            f"If {decision} is wrong in law, unfair or irrational, the only challenge is judicial review: "
            "review decisions are final and there is no appeal from them."
        )
    elif police:
        why = (
            "Where there is no review (the IOPC investigated or directed the investigation), a decision that "
            "is wrong in law, unfair or irrational can be challenged only by judicial review."
        )
    else:
        why = (
            "A public body's final decision that is wrong in law, unfair or irrational can be challenged "
            "only by judicial review."
        )
    return _Text(
        title="Judicial review in the Administrative Court",
        body="Administrative Court (High Court)",
        why=why + " It is about how the decision was made, not a rehearing of the complaint.",
        how="Take legal advice first (legal aid may be available; you may have to pay the other side's costs "
        "if you lose). Send a letter before claim (Pre-Action Protocol for Judicial Review) to the body "
        "whose decision you challenge, allowing 14 days for a reply; then file claim form N461 at the "
        "Administrative Court promptly and within 3 months. The letter does not stop the clock.\n"
        + contact_line("administrative-court"),
        source=RULES_BY_ID["judicial-review"].source,
        deadlines=("letter-before-claim", "judicial-review"),
    )


@lru_cache(maxsize=2)
def _sar_text(asked: bool) -> _Text:
    why = (
        "You have a right to a copy of your personal data: body-worn video, custody records, incident logs "
        "and notes. It is evidence for the complaint and any claim, and footage not kept as evidence may be "
        "deleted after a short time."
    )
    if asked:
        how = (
            "You have asked. If the reply is late or incomplete, chase it in writing and then complain to "
            "the ICO. If footage matters, ask the police in writing to keep it.\n" + contact_line("ico")
        )
    else:
        how = (
            "Make a request to the MPS online or in writing, saying what you want (for example body-worn "
            "video of the incident, the custody record, the incident log), the date, time and place. It is "
            "free. Ask them to keep the footage.\n" + contact_line("mps-subject-access")
        )
    return _Text(
        title="Ask for your records (subject access request)",
        body="Metropolitan Police Service (data protection / subject access team)",
        why=why,
        how=how,
        source=RULES_BY_ID["subject-access"].source,
        deadlines=("subject-access",),
    )


@lru_cache(maxsize=32)
def _civil_text(injury: bool | None, detained: bool | None, prosecuted: bool | None) -> _Text:
    claims = []
    if detained is True:
        claims.append("false imprisonment (you were arrested or detained)")
    if injury is True:
        claims.append("assault and personal injury (3 years)")
    if prosecuted is True:
        claims.append("malicious prosecution (from when the prosecution ended in your favour)")
    claims_text = (
        "; ".join(claims)
        if claims
        else "for example false imprisonment, assault, trespass, misfeasance in public office or data protection"
    )
    rules = (
        ("personal-injury", "civil-claim", "malicious-prosecution")
        if injury is not False
        else (
            "civil-claim",
            "malicious-prosecution",
        )
    )
    return _Text(
        title="A civil claim for compensation",
        body="County Court",
        why="A complaint cannot award compensation: only a civil claim can. Possible claims include: "
        + claims_text
        + ". "
        "The limitation clock runs while the complaint goes on.",
        how="Take advice from a solicitor who specialises in actions against the police well before the "
        "limitation date (legal aid or a no-win-no-fee agreement may be available). A claim starts with a "
        "letter of claim under the pre-action protocol, then a claim form issued at the County Court.\n"
        + contact_line("county-court"),
        source=Source(
            "Limitation Act 1980 s.2, s.11, s.14, s.28, s.33", "https://www.legislation.gov.uk/ukpga/1980/58"
        ),
        deadlines=rules,
    )


@lru_cache(maxsize=4)
def _equality_text(discrimination: bool | None) -> _Text:
    why = (
        "You said the conduct was discriminatory: the Equality Act 2010 lets you claim in the County Court."
        if discrimination
        else "If the police treated you worse because of race, sex, disability, religion, sexual orientation "
        "or another protected characteristic, the Equality Act 2010 lets you claim in the County Court."
    )
    return _Text(
        title="A discrimination claim (Equality Act 2010)",
        body="County Court",
        why=why + " Its time limit, 6 months starting with the act, is the shortest of the court clocks.",
        how="Take advice at once. The claim is issued in the County Court; the court may allow a later claim "
        "if it is just and equitable, but never rely on that.\n" + contact_line("county-court"),
        source=RULES_BY_ID["equality-act"].source,
        deadlines=("equality-act",),
    )


@lru_cache(maxsize=1)
def _human_rights_text() -> _Text:
    return _Text(
        title="A Human Rights Act claim",
        body="County Court or High Court",
        why="Conduct that breached your Convention rights (for example ill-treatment, unlawful detention, or "
        "interference with private life) can be claimed for under the Human Rights Act 1998, within one year "
        "starting with the act.",
        how="Usually brought together with a civil claim: take advice from a solicitor who specialises in "
        "actions against the police.\n" + contact_line("county-court"),
        source=RULES_BY_ID["human-rights-act"].source,
        deadlines=("human-rights-act",),
    )


@lru_cache(maxsize=4)
def _advice_text(death_or_serious_injury: bool | None) -> _Text:
    inquest = (
        " After a death, INQUEST gives free advice to families.\n" + contact_line("inquest")
        if death_or_serious_injury
        else ""
    )
    return _Text(
        title="Get legal advice",
        body="A solicitor who specialises in actions against the police",
        why="The court clocks are short and strict, and a solicitor can see claims you may not know you have.",
        how="Look for a solicitor who specialises in actions against the police (many offer a free first "
        "talk; legal aid may be available). Free help: a law centre, Citizens Advice, Liberty's advice line."
        + inquest
        + "\n"
        + contact_line("legal-aid"),
        source=Source("GOV.UK, Check if you can get legal aid", "https://www.gov.uk/check-legal-aid"),
    )


@lru_cache(maxsize=1)
def _mp_text() -> _Text:
    return _Text(
        title="Tell your MP, and MOPAC's oversight",
        body="Your MP; the London Assembly Police and Crime Committee",
        why="Your MP can raise the complaint with the Commissioner; MOPAC oversees the MPS and the London "
        "Assembly Police and Crime Committee scrutinises policing in London. They cannot decide the "
        "complaint or award compensation, but they can press for an answer.",
        how="Write to your MP with a short timeline and copies of the key letters.\n"
        + contact_line("mp")
        + "\n"
        + contact_line("police-and-crime-committee"),
        source=Source("UK Parliament, Find your MP", "https://members.parliament.uk/FindYourMP"),
    )


@lru_cache(maxsize=1)
def _records_text() -> _Text:
    return _Text(
        title="Keep records",
        body="You",
        why="Every step depends on dates and papers: the 28 days for a review run from when the outcome was "
        "provided, and courts ask for evidence.",
        how="Keep a written timeline (what happened, when, who); copies of every complaint, letter and "
        "email, sent and received; the envelope or email that shows when the outcome reached you; "
        "photographs of any injury and medical records; the names and contact details of witnesses.",
        source=Source("Police (Complaints and Misconduct) Regulations 2020, reg 29(2)", REGS_2020 + "/regulation/29"),
    )
