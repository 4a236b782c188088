"""The route (RULES.md section 6) as tables of legal facts: who reviews, which step is now, and the
properties that hold for any facts.

Every expected answer below was worked out by hand from /work/shared/RULES.md s.6 and the law it cites
(Police Reform Act 2002 Sch 3 para 30; Police (Complaints and Misconduct) Regulations 2020 regs 4, 29, 32;
2012 Regulations reg 11), never by running escalate.
"""

# One case per line with its source beside it (STYLE.md, "Tests read like a table of legal facts").

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from escalate import Facts, InputError, compute_deadlines
from escalate.engine.facts import About, Investigation, ReviewBody, Schedule3
from escalate.engine.review import decide_review_body
from escalate.engine.route import (
    ALSO_STEP_IDS,
    PATH_STEP_IDS,
    ROUTE_WARNING_IDS,
    STEP_IDS,
    Route,
    plan_route,
    route_outline,
)
from escalate.law.contacts import CONTACTS_FILE, checked_date, contact_line, contacts

TODAY = date(2026, 11, 21)
_d = date.fromisoformat


def facts(**known: object) -> Facts:
    values = {k: _d(v) if isinstance(v, str) and k.endswith("date") else v for k, v in known.items()}
    values.setdefault("today", TODAY)
    return Facts(**values)  # type: ignore[arg-type]


def route(**known: object) -> Route:
    return plan_route(facts(**known))


# ---------------------------------------------------------------------------------------------
# Who reviews (s.6, "Who reviews"): every limb, in the order the law applies them
# ---------------------------------------------------------------------------------------------

# fmt: off
REVIEW_BODY = [
    # facts                                                                          body      reason contains                  source
    ({},                                                                             "mopac",  "none of the grounds"),        # para 30: the local policing body unless a reg 32 ground applies
    ({"about": "staff"},                                                             "mopac",  "none of the grounds"),        # police staff are treated as officers
    ({"about": "commissioner"},                                                      "iopc",   "Commissioner"),               # reg 32: MOPAC is the appropriate authority
    ({"about": "senior-officer"},                                                    "iopc",   "senior officer"),             # reg 32: senior officer
    ({"death_or_serious_injury": True},                                              "iopc",   "death or serious injury"),    # reg 4(1)(a)
    ({"serious_allegation": True},                                                   "iopc",   "disciplinary proceedings"),   # reg 4(1)(b)-(c): serious assault, sexual offence, corruption
    ({"discrimination": True},                                                       "iopc",   "discrimination"),             # reg 4: aggravated by discriminatory behaviour
    ({"referred_to_iopc": True},                                                     "iopc",   "referred to the IOPC"),       # reg 32: complaint referred to the IOPC
    ({"death_or_serious_injury": False, "serious_allegation": False,
      "discrimination": False, "referred_to_iopc": False},                           "mopac",  "none of the grounds"),        # every ground answered no
    ({"investigation": "mps", "discrimination": True},                               "iopc",   "discrimination"),             # a local investigation keeps the review
    ({"investigation": "not-investigated"},                                          "mopac",  "none of the grounds"),        # handled otherwise than by investigation: still reviewable
    ({"review_body": "iopc"},                                                        "iopc",   "outcome letter names"),       # s.6: the letter overrides the inference
    ({"review_body": "mopac", "about": "commissioner"},                              "mopac",  "outcome letter names"),       # even against an inferred ground
    ({"complaint_date": "2020-01-31"},                                               "letter", "before 1 February 2020"),     # 2012 regime: the appeal body named in the letter
    ({"complaint_date": "2020-02-01"},                                               "mopac",  "none of the grounds"),        # first day of the 2020 regime
    ({"complaint_date": "2019-06-01", "about": "commissioner"},                      "letter", "before 1 February 2020"),     # 2012: the letter decides, not the 2020 grounds
    ({"schedule3": "no"},                                                            None,     "outside Schedule 3"),         # no review outside Schedule 3; Sch 3 para 2(6A)
    ({"schedule3": "no", "discrimination": True},                                    None,     "outside Schedule 3"),         # no review even where the IOPC would review
    ({"investigation": "iopc"},                                                      None,     "IOPC investigated"),          # para 30: no review of an IOPC investigation
    ({"investigation": "iopc-directed"},                                             None,     "directed the investigation"), # nor of one it directed
    ({"about": "mopac-staff"},                                                       None,     "three-stage"),                # not a police complaint: MOPAC's own process
    ({"about": "mayor"},                                                             None,     "Monitoring Officer"),         # Elected Local Policing Bodies Regulations 2012
]
# fmt: on


@pytest.mark.parametrize(("known", "body", "reason"), REVIEW_BODY)
def test_review_body(known: dict[str, object], body: str | None, reason: str) -> None:
    decision = decide_review_body(facts(**known))
    assert decision.body == body
    assert reason in decision.reason
    planned = route(**known)
    assert planned.review_body == body
    assert planned.review_reason == decision.reason


def test_review_step_names_the_limb_and_its_source() -> None:
    step = route(outcome_date="2026-11-03", discrimination=True).step("request-review")
    assert step is not None
    assert step.body.startswith("IOPC")
    assert "discrimination" in step.why
    assert step.source.citation in step.why
    assert "reg 4" in step.source.citation


# ---------------------------------------------------------------------------------------------
# The step to take now (s.6, "Steps"): the first of the path that has not happened
# ---------------------------------------------------------------------------------------------

# fmt: off
NOW = [
    # facts                                                                   now step                   path (ids and statuses)                                                                                       source
    ({},                                                                      "complain-to-mps",         "complain-to-mps:now wait-for-outcome:next request-review:next judicial-review:next"),                       # nothing has happened
    ({"incident_date": "2026-10-01"},                                         "complain-to-mps",         "complain-to-mps:now wait-for-outcome:next request-review:next judicial-review:next"),                       # an incident is not a complaint
    ({"about": "commissioner"},                                               "complain-to-mopac",       "complain-to-mopac:now wait-for-outcome:next request-review:next judicial-review:next"),                     # MOPAC is the appropriate authority
    ({"complaint_date": "2026-05-02"},                                        "wait-for-outcome",        "complain-to-mps:done wait-for-outcome:now request-review:next judicial-review:next"),                       # complained, no outcome
    ({"last_update_date": "2026-10-01"},                                      "wait-for-outcome",        "complain-to-mps:done wait-for-outcome:now request-review:next judicial-review:next"),                       # an update means a complaint
    ({"schedule3": "yes"},                                                    "wait-for-outcome",        "complain-to-mps:done wait-for-outcome:now request-review:next judicial-review:next"),                       # recorded means complained
    ({"referred_to_iopc": True},                                              "wait-for-outcome",        "complain-to-mps:done wait-for-outcome:now request-review:next judicial-review:next"),                       # referred means complained
    ({"complaint_date": "2026-05-02", "schedule3": "no"},                     "ask-schedule3-recording", "complain-to-mps:done ask-schedule3-recording:now wait-for-outcome:next request-review:unavailable judicial-review:next"),  # Sch 3 para 2(6A)
    ({"outcome_date": "2026-11-03", "schedule3": "no"},                       "ask-schedule3-recording", "complain-to-mps:done ask-schedule3-recording:now wait-for-outcome:next request-review:unavailable judicial-review:next"),  # recording starts the process afresh
    ({"complaint_date": "2026-05-02", "outcome_date": "2026-11-03"},          "request-review",          "complain-to-mps:done wait-for-outcome:done request-review:now judicial-review:next"),                       # reg 29: 28 days to ask
    ({"outcome_received_date": "2026-11-05"},                                 "request-review",          "complain-to-mps:done wait-for-outcome:done request-review:now judicial-review:next"),                       # an outcome received is an outcome
    ({"outcome_date": "2026-11-03", "about": "commissioner"},                 "request-review",          "complain-to-mopac:done wait-for-outcome:done request-review:now judicial-review:next"),                     # review by the IOPC
    # Not about the police (RULES.md s.6; seed 003, MOPAC complaints: "the three-stage MOPAC complaints process")
    ({"about": "mopac-staff"},                                                "complain-about-mopac",    "complain-about-mopac:now wait-for-outcome:next mopac-stage-2:next mopac-stage-3:next"),                     # Stage 1: the staff concerned
    ({"about": "mopac-staff", "complaint_date": "2026-05-02"},                "wait-for-outcome",        "complain-about-mopac:done wait-for-outcome:now mopac-stage-2:next mopac-stage-3:next"),                    # Stage 1 made: MOPAC's answer awaited
    ({"about": "mopac-staff", "outcome_date": "2026-11-01"},                  "mopac-stage-2",           "complain-about-mopac:done wait-for-outcome:done mopac-stage-2:now mopac-stage-3:next"),                    # seed 003: unhappy with the initial response: Stage 2
    ({"about": "mopac-staff", "outcome_date": "2026-11-01",
      "review_request_date": "2026-11-05"},                                   "wait-for-review-decision", "complain-about-mopac:done wait-for-outcome:done mopac-stage-2:done wait-for-review-decision:now mopac-stage-3:next"),  # Stage 2 asked for
    ({"about": "mopac-staff", "review_decision_date": "2026-11-20"},          "mopac-stage-3",           "complain-about-mopac:done wait-for-outcome:done mopac-stage-2:done mopac-stage-3:now"),                    # seed 003: unhappy at Stage 2: the CEO (a later fact implies the earlier stages)
    ({"about": "mayor"},                                                      "complain-to-gla",         "complain-to-gla:now wait-for-outcome:next"),                                                                # seed 003: the GLA Monitoring Officer
    ({"about": "mayor", "complaint_date": "2026-05-02"},                      "wait-for-outcome",        "complain-to-gla:done wait-for-outcome:now"),                                                                # the Monitoring Officer decides
    ({"about": "mayor", "outcome_date": "2026-10-01"},                        "legal-advice",            "complain-to-gla:done wait-for-outcome:done legal-advice:now"),                                              # no further stage; never judicial review as now (s.6)
    # A review asked for, no decision yet (RULES.md s.4, s.6: wait-for-review-decision)
    ({"outcome_date": "2026-11-03", "review_request_date": "2026-11-10"},     "wait-for-review-decision", "complain-to-mps:done wait-for-outcome:done request-review:done wait-for-review-decision:now judicial-review:next"),  # the review body decides in no fixed time
    ({"review_request_date": "2026-11-10"},                                   "wait-for-review-decision", "complain-to-mps:done wait-for-outcome:done request-review:done wait-for-review-decision:now judicial-review:next"),  # a request implies an outcome
    ({"review_request_date": "2026-11-10", "review_decision_date": "2026-12-01"}, "judicial-review",     "complain-to-mps:done wait-for-outcome:done request-review:done judicial-review:now"),                       # decided: CPR 54.5 from the decision
    ({"review_decision_date": "2026-10-01"},                                  "judicial-review",         "complain-to-mps:done wait-for-outcome:done request-review:done judicial-review:now"),                       # CPR 54.5: 3 months from the decision
    ({"outcome_date": "2026-10-01", "investigation": "iopc"},                 "judicial-review",         "complain-to-mps:done wait-for-outcome:done request-review:unavailable judicial-review:now"),                # no review after an IOPC investigation
    ({"outcome_date": "2026-10-01", "investigation": "iopc-directed"},        "judicial-review",         "complain-to-mps:done wait-for-outcome:done request-review:unavailable judicial-review:now"),                # nor after one it directed
    ({"investigation": "iopc-directed"},                                      "wait-for-outcome",        "complain-to-mps:done wait-for-outcome:now request-review:unavailable judicial-review:next"),                # still waiting for the IOPC-directed outcome
    ({"complaint_date": "2019-06-01", "outcome_date": "2019-12-01"},          "request-review",          "complain-to-mps:done wait-for-outcome:done request-review:now judicial-review:next"),                       # 2012 regime: an appeal, same path
]
# fmt: on


@pytest.mark.parametrize(("known", "now", "path"), NOW)
def test_now_step(known: dict[str, object], now: str, path: str) -> None:
    planned = route(**known)
    assert planned.now.id == now
    shown = " ".join(f"{step.id}:{step.status}" for step in planned.steps if step.status != "also")
    assert shown == path


def test_every_path_step_id_can_be_now() -> None:
    seen = {route(**known).now.id for known, _, _ in NOW}
    assert seen == set(PATH_STEP_IDS) | {"legal-advice"}  # legal-advice: after the GLA's outcome (s.6)


def test_recording_is_asked_of_the_appropriate_authority() -> None:
    assert route(schedule3="no").now.body.startswith("Metropolitan Police")
    assert route(schedule3="no", about="commissioner").now.body.startswith("MOPAC")  # s.29: MOPAC records
    mayor = route(schedule3="no", about="mayor")
    assert mayor.step("ask-schedule3-recording") is None  # not a Schedule 3 complaint


def test_2012_regime_is_an_appeal_to_the_body_in_the_letter() -> None:
    planned = route(complaint_date="2019-06-01", outcome_date="2019-12-01", today=date(2019, 12, 10))
    assert planned.regime == "2012"
    assert planned.review_body == "letter"
    step = planned.now
    assert step.title == "Appeal against the outcome"
    assert step.body == "the appeal body named in your outcome letter"  # RULES s.4: the 2012 rules say "appeal"
    assert "before 1 February 2020" in step.why
    assert step.deadlines == ("review-request",)
    deadline = planned.deadlines_of(step)[0]
    assert deadline.safe_date == date(2019, 12, 29)  # 2012 Regulations reg 11(3): 28 days from the letter's date


def test_judicial_review_step_carries_both_deadlines_and_finality() -> None:
    planned = route(review_decision_date="2025-11-28", today=date(2025, 12, 1))
    step = planned.now
    assert step.id == "judicial-review"
    assert step.deadlines == ("letter-before-claim", "judicial-review")
    assert "no appeal" in step.why
    jr = planned.deadlines_of(step)
    assert [d.safe_date for d in jr] == [
        date(2026, 2, 14),
        date(2026, 2, 28),
    ]  # s.7: 28 Feb 2026; letter 14 days before
    assert "review-is-final" in {w.id for w in planned.warnings}


def test_review_request_step_has_its_deadline_and_what_to_send() -> None:
    planned = route(complaint_date="2026-05-02", outcome_date="2026-11-03", schedule3="yes")
    step = planned.now
    assert step.id == "request-review" and step.deadlines == ("review-request",)
    assert planned.deadlines_of(step)[0].safe_date == date(2026, 12, 1)  # reg 29(2): 3 Nov + 28 days
    for needed in ("name and contact details", "MPS complaint reference", "copy of the outcome letter",
                   "why you are unhappy with how the MPS handled your complaint or the outcome it reached",
                   "your consent for them to represent you", "by email or by post"):  # fmt: skip
        assert needed in step.how  # MOPAC's list, seed 002 ("please send the below information to us by email or post")
    assert (
        "web form does not accept review requests" in step.how
    )  # seed 002: "unable to accept review requests using this method"
    iopc = route(outcome_date="2026-11-03", about="senior-officer").now
    assert "review form" in iopc.how and "outcome letter" in iopc.how


# ---------------------------------------------------------------------------------------------
# Alongside, and warnings (s.6)
# ---------------------------------------------------------------------------------------------


def test_also_steps() -> None:
    planned = route(incident_date="2026-11-10", sar_date="2026-11-12")
    also = [step.id for step in planned.steps if step.status == "also"]
    assert also == list(ALSO_STEP_IDS)
    assert planned.step("preserve-evidence").deadlines == ("preserve-evidence",)  # type: ignore[union-attr]
    assert planned.step("subject-access-request").deadlines == ("subject-access",)  # type: ignore[union-attr]
    assert planned.step("civil-claim").deadlines == ("personal-injury", "civil-claim")  # type: ignore[union-attr]
    assert planned.step("equality-act-claim").deadlines == ("equality-act",)  # type: ignore[union-attr]
    assert planned.step("human-rights-claim").deadlines == ("human-rights-act",)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("incident", "today", "shown"),
    [
        # RULES.md s.7: incident Tue 10 Nov 2026 -> Thu 10 Dec 2026 / same / Fri 11 Dec 2026; shown only while
        # not passed (s.4, preserve-evidence; MPS, Privacy and body worn video: deleted within 31 days).
        ("2026-11-10", date(2026, 12, 10), True),
        ("2026-11-10", date(2026, 12, 11), True),  # at risk: the latest date
        ("2026-11-10", date(2026, 12, 12), False),
    ],
)
def test_preserve_evidence_step_until_the_footage_may_be_gone(incident: str, today: date, shown: bool) -> None:
    planned = route(incident_date=incident, today=today)
    assert (planned.step("preserve-evidence") is not None) is shown
    sar = planned.step("subject-access-request")
    assert sar is not None
    assert ("may already have been deleted unless it was kept as evidence" in sar.why) is not shown
    assert ("preserve-evidence" in [d.id for d in planned.deadlines]) is shown


def test_equality_step_only_hidden_when_there_was_no_discrimination() -> None:
    assert route(discrimination=False).step("equality-act-claim") is None
    assert route(discrimination=True).step("equality-act-claim") is not None
    assert route().step("equality-act-claim") is not None  # unknown: shown, its 6 months are the shortest clock


def test_civil_claim_step_follows_the_flags() -> None:
    step = route(
        incident_date="2026-01-10",
        injury=False,
        detained=True,
        prosecuted=True,
        prosecution_end_date="2026-06-01",
    ).step("civil-claim")
    assert step is not None
    assert step.deadlines == (
        "civil-claim",
        "malicious-prosecution",
    )  # no personal injury when there was none
    assert "false imprisonment" in step.why and "malicious prosecution" in step.why


def test_inquest_named_only_after_death_or_serious_injury() -> None:
    assert "INQUEST" in route(death_or_serious_injury=True).step("legal-advice").how  # type: ignore[union-attr]
    assert "INQUEST" not in route().step("legal-advice").how  # type: ignore[union-attr]


# fmt: off
WARNINGS = [
    # facts                                                         present                                                          absent
    ({},                                                            {"clocks-run-in-parallel", "no-compensation-from-complaints"},   {"one-complaint-per-incident", "review-is-final", "late-complaint"}),
    ({"complaint_date": "2026-05-02"},                              {"one-complaint-per-incident", "assumed-schedule3"},             {"review-is-final"}),
    ({"outcome_date": "2026-11-03"},                                {"review-is-final", "assumed-investigation", "assumed-review-body"}, set()),
    ({"review_decision_date": "2026-10-01", "review_body": "iopc",
      "schedule3": "yes", "investigation": "mps"},                  {"review-is-final"},                                             {"assumed-schedule3", "assumed-investigation", "assumed-review-body"}),
    ({"incident_date": "2025-01-01", "complaint_date": "2026-05-02"}, {"late-complaint"},                                            set()),
    ({"about": "mayor", "complaint_date": "2026-05-02"},            set(),                                                           {"one-complaint-per-incident", "assumed-schedule3", "assumed-review-body", "regime-assumed"}),  # s.6: the police's warnings are not the Mayor's
    ({"about": "mopac-staff", "incident_date": "2025-01-01",
      "complaint_date": "2026-05-02"},                              set(),                                                           {"late-complaint", "one-complaint-per-incident", "assumed-schedule3"}),  # the MPS's 12 months are not MOPAC's (seed 003 gives no limit)
    ({"outcome_date": "2026-11-03", "review_request_date": "2026-12-10"}, {"late-review-request", "review-is-final"},                {"late-complaint"}),  # s.4: asked after the 28 days of reg 29(2)
    ({"outcome_date": "2026-11-03", "review_request_date": "2026-12-01"}, {"review-is-final"},                                       {"late-review-request"}),  # 1 Dec is the 28th day after 3 Nov (reg 29(2))
]
# fmt: on


@pytest.mark.parametrize(("known", "present", "absent"), WARNINGS)
def test_warnings(known: dict[str, object], present: set[str], absent: set[str]) -> None:
    ids = [warning.id for warning in route(**known).warnings]
    assert present <= set(ids)
    assert not absent & set(ids)
    assert len(ids) == len(set(ids))


def test_review_is_final_wording_when_there_is_no_review() -> None:
    planned = route(outcome_date="2026-10-01", investigation="iopc")
    text = next(w.text for w in planned.warnings if w.id == "review-is-final")
    assert "no review" in text and "judicial review" in text


# ---------------------------------------------------------------------------------------------
# The route reuses the deadlines engine; JSON interface
# ---------------------------------------------------------------------------------------------


def test_route_reuses_the_report() -> None:
    known = facts(incident_date="2026-01-10", outcome_date="2026-11-03")
    report = compute_deadlines(known)
    planned = plan_route(known, report=report)
    assert planned.deadlines is report.deadlines
    assert planned.deadlines == plan_route(known).deadlines
    with pytest.raises(ValueError, match="other facts"):
        plan_route(facts(outcome_date="2026-11-04"), report=report)


def test_steps_are_built_once_per_combination() -> None:
    # Batch use: rows that differ only in their dates share the same steps (cached), and never their dates.
    plan_route(facts(outcome_date="2026-11-03"))
    from escalate.engine.route import _build

    before = _build.cache_info()
    for offset in range(200):
        outcome = date(2026, 1, 1) + timedelta(days=offset)
        planned = plan_route(facts(outcome_date=outcome.isoformat(), today=outcome + timedelta(days=3)))
        assert planned.deadlines_of(planned.now)[0].safe_date == outcome + timedelta(days=28)
    after = _build.cache_info()
    assert after.misses - before.misses <= 2


def test_as_dict_is_the_json_interface() -> None:
    planned = route(incident_date="2026-01-10", complaint_date="2026-02-02", outcome_date="2026-11-03")
    doc = json.loads(json.dumps(planned.as_dict()))
    assert list(doc) == ["today", "regime", "review_body", "steps", "deadlines", "warnings", "disclaimer"]
    assert doc["today"] == "2026-11-21" and doc["regime"] == "2020" and doc["review_body"] == "mopac"
    for step in doc["steps"]:
        assert list(step) == ["id", "title", "status", "body", "why", "how", "source", "deadlines"]
        assert list(step["source"]) == ["citation", "url"]
    assert doc["deadlines"] == [d.as_dict() for d in compute_deadlines(planned.facts).deadlines]  # type: ignore[arg-type]
    assert all(list(w) == ["id", "text"] for w in doc["warnings"])
    assert route(schedule3="no").as_dict()["review_body"] is None


# ---------------------------------------------------------------------------------------------
# Properties: any facts give exactly one `now`, and a consistent route
# ---------------------------------------------------------------------------------------------

_offsets = st.one_of(st.none(), st.integers(min_value=0, max_value=800))


@st.composite
def any_facts(draw: st.DrawFn) -> Facts:
    """Facts whose dates agree with each other (a chain of offsets; any of them may be unknown)."""
    start = draw(st.dates(min_value=date(2017, 1, 1), max_value=date(2027, 12, 31)))
    incident = draw(_offsets)
    complaint, update, outcome, received, review, knowledge, prosecution, sar = (draw(_offsets) for _ in range(8))
    request = draw(_offsets)
    base = start
    values: dict[str, object] = {}
    chain = {}
    if incident is not None:
        chain["incident_date"] = base = start + timedelta(days=incident)
    c = base + timedelta(days=complaint or 0)
    if complaint is not None:
        chain["complaint_date"] = c
    if update is not None:
        chain["last_update_date"] = c + timedelta(days=update)
    o = c + timedelta(days=outcome or 0)
    if outcome is not None:
        chain["outcome_date"] = o
    if received is not None:
        chain["outcome_received_date"] = o + timedelta(days=received % 30)
    if request is not None:
        chain["review_request_date"] = o + timedelta(days=request)
    if review is not None:
        chain["review_decision_date"] = o + timedelta(days=(request or 0) + review)
    for name, offset in (
        ("knowledge_date", knowledge),
        ("prosecution_end_date", prosecution),
        ("sar_date", sar),
    ):
        if offset is not None:
            chain[name] = base + timedelta(days=offset)
    values.update(chain)
    if draw(st.booleans()):
        values["date_of_birth"] = base - timedelta(days=draw(st.integers(min_value=0, max_value=30000)))
    values["about"] = draw(st.sampled_from(About))
    values["schedule3"] = draw(st.sampled_from(Schedule3))
    values["investigation"] = draw(st.sampled_from(Investigation))
    values["review_body"] = draw(st.one_of(st.none(), st.sampled_from(ReviewBody)))
    for flag in (
        "death_or_serious_injury",
        "serious_allegation",
        "discrimination",
        "injury",
        "detained",
        "prosecuted",
        "referred_to_iopc",
    ):
        values[flag] = draw(st.sampled_from((None, True, False)))
    today = start + timedelta(days=draw(st.integers(min_value=0, max_value=3000)))
    try:
        return Facts(today=today, **values)  # type: ignore[arg-type]
    except InputError:
        assume(False)  # a review asked for or decided with no right of review (s.1): rejected as Facts should
        raise


@settings(max_examples=400, deadline=None)
@given(any_facts())
def test_any_facts_give_exactly_one_now_and_a_consistent_route(case: Facts) -> None:
    planned = plan_route(case)
    statuses = [step.status for step in planned.steps]
    assert statuses.count("now") == 1
    path = [step for step in planned.steps if step.status != "also"]
    also = [step for step in planned.steps if step.status == "also"]
    assert planned.steps == (*path, *also)  # the path first, then what runs alongside
    now_at = [step.status for step in path].index("now")
    assert all(step.status in ("done", "unavailable") for step in path[:now_at])
    assert all(step.status in ("next", "unavailable") for step in path[now_at + 1 :])
    known_ids = {deadline.id for deadline in planned.deadlines}
    # The last step never happens (RULES.md s.6): judicial review for the police, MOPAC's Stage 3 for its staff;
    # for the Mayor the path ends with the Monitoring Officer's outcome and then advice on what is left.
    last = {About.MOPAC_STAFF: ("mopac-stage-3",), About.MAYOR: ("wait-for-outcome", "legal-advice")}
    assert path[-1].id in last.get(case.about, ("judicial-review",))
    if case.about in (About.MOPAC_STAFF, About.MAYOR):  # s.6: never judicial review, none of the police's duties
        assert planned.step("judicial-review") is None and planned.now.id != "judicial-review"
        assert not {"complaint-update", "review-request", "judicial-review", "letter-before-claim"} & known_ids
    assert all(step.id in STEP_IDS for step in planned.steps)
    assert len({step.id for step in planned.steps}) == len(planned.steps)
    review = planned.step("request-review")
    if case.about not in (About.MOPAC_STAFF, About.MAYOR):
        assert review is not None and (review.status == "unavailable") == (planned.review_body is None)
    assert all(set(step.deadlines) <= known_ids for step in planned.steps)
    assert planned.deadlines == compute_deadlines(case).deadlines  # the deadlines engine's dates, untouched
    warning_ids = [warning.id for warning in planned.warnings]
    assert {"clocks-run-in-parallel", "no-compensation-from-complaints"} <= set(warning_ids)
    once = [i for i in warning_ids if i != "future-date"]  # the deadlines engine warns once per future fact
    assert len(once) == len(set(once))
    assert all(step.why and step.how and step.source.url.startswith("https://") for step in planned.steps)
    json.dumps(planned.as_dict())


def test_route_warning_ids_are_those_of_rules_md() -> None:
    assert ROUTE_WARNING_IDS == (
        "clocks-run-in-parallel", "no-compensation-from-complaints", "one-complaint-per-incident",
        "review-is-final", "late-complaint", "late-review-request", "assumed-review-body", "assumed-schedule3",
        "assumed-investigation",
    )  # fmt: skip


# ---------------------------------------------------------------------------------------------
# Contact details: one data file, with sources and the date checked
# ---------------------------------------------------------------------------------------------

REQUIRED_CONTACTS = ("mps", "mopac", "iopc", "gla-monitoring-officer", "administrative-court", "county-court")


def test_contacts_file_has_every_body_with_source_and_date() -> None:
    document = json.loads(CONTACTS_FILE.read_text(encoding="utf-8"))
    assert set(REQUIRED_CONTACTS) <= set(document["contacts"])
    for contact in contacts().values():
        assert contact.url.startswith("https://") and contact.source.startswith("https://")
        assert contact.checked <= checked_date()
        assert contact.name
    assert checked_date() == date.fromisoformat(document["checked"])


def test_every_contact_is_used_and_every_step_says_where() -> None:
    import importlib
    import inspect
    import pkgutil

    import escalate.engine.steps as steps

    # The words of every family of steps (engine/steps/*.py).
    source = "".join(
        inspect.getsource(importlib.import_module(f"{steps.__name__}.{module.name}"))
        for module in pkgutil.iter_modules(steps.__path__)
    )
    for key in contacts():
        assert f'contact_line("{key}")' in source, key
    assert contact_line("iopc").startswith("Where: IOPC") and contact_line("iopc").endswith(contacts()["iopc"].url)


@settings(max_examples=400, deadline=None)
@given(any_facts(), st.booleans())
def test_the_outline_is_the_routes_step_now_and_its_own_warnings(case: Facts, with_deadlines: bool) -> None:
    # route_outline keeps one outline for each shape of path, leaving out of its key the facts that only the
    # steps alongside the path read: whatever those facts are, it must say what plan_route says.
    report = compute_deadlines(case) if with_deadlines else compute_deadlines(case, only=())
    planned = plan_route(case, report=report)
    outline = route_outline(case, report)
    assert (outline.now, outline.now_title) == (planned.now.id, planned.now.title)
    assert outline.warnings == planned.warnings[len(report.warnings) :]
