"""Issue 10 (routes) and the library's facts: every route, which rules appear, a review asked for, a passed
review deadline, what was assumed, who is a senior officer, answers read alike, and facts checked at once.

One case per row with its source beside it (STYLE.md). Each output is tried: deadlines and route (JSON), batch
(``process_rows`` and `escalate batch`) and the calendar, because RULES.md s.4 says the rules that appear are
the same in every output.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime

import pytest

from escalate import Facts, InputError, compute_deadlines
from escalate.caseload.rows import process_rows
from escalate.engine.deadlines import LATE_APPEAL_NOTE, LATE_REVIEW_NOTE, check_only
from escalate.engine.facts import About, parse_choice, parse_flag
from escalate.engine.route import plan_route
from escalate.errors import DateFormatError
from escalate.law.dates import parse_date

TODAY = date(2026, 11, 21)
TODAY_ARGS = ("--today", "2026-11-21")


def facts(**known: object) -> Facts:
    values = {k: date.fromisoformat(v) if isinstance(v, str) and k.endswith(("_date", "_birth")) else v
              for k, v in known.items()}  # fmt: skip
    return Facts(today=TODAY, **values)  # type: ignore[arg-type]


def rule_ids(**known: object) -> set[str]:
    return {d.id for d in compute_deadlines(facts(**known)).deadlines}


def options(known: dict[str, str]) -> list[str]:
    return [part for name, value in known.items() for part in (f"--{name.replace('_', '-')}", value)]


def batch_ids(known: dict[str, str]) -> set[str]:
    """The rules with dates in a batch row (process_rows), for the same facts."""
    row = next(process_rows([known], today=TODAY))
    assert row["error"] is None, row["error"]
    return {key.removesuffix("_safe_date").replace("_", "-") for key, value in row.items()
            if key.endswith("_safe_date") and value is not None}  # fmt: skip


POLICE_RULES = {"complaint", "complaint-update", "review-request", "judicial-review", "letter-before-claim"}
LIMITATION = {"equality-act", "human-rights-act", "personal-injury", "civil-claim"}


# --- 1. complaints that are not about the police -------------------------------------------------------

ISSUE_CASE = {"incident_date": "2026-05-20", "complaint_date": "2026-05-21", "outcome_date": "2026-11-01"}

# fmt: off
OUTSIDE = [
    # facts                                                                      now step                     source
    ({"about": "mopac-staff", **ISSUE_CASE},                                      "mopac-stage-2",             "seed 003: unhappy with the initial response, escalate to Stage 2"),
    ({"about": "mopac-staff", **ISSUE_CASE, "review_request_date": "2026-11-05"}, "wait-for-review-decision",  "seed 003: Stage 2 asked for, its outcome awaited"),
    ({"about": "mopac-staff", **ISSUE_CASE, "review_decision_date": "2026-11-10"}, "mopac-stage-3",            "seed 003: unhappy at Stage 2, refer to the CEO"),
    ({"about": "mopac-staff", "review_decision_date": "2026-11-10"},              "mopac-stage-3",             "RULES.md s.6: a later fact implies the earlier stage"),
    ({"about": "mayor", **ISSUE_CASE},                                            "legal-advice",              "seed 003: the GLA Monitoring Officer; no further stage"),
    ({"about": "mayor", "incident_date": "2026-05-20"},                           "complain-to-gla",           "seed 003; Elected Local Policing Bodies Regulations 2012"),
]
# fmt: on


@pytest.mark.parametrize(("known", "now", "source"), OUTSIDE)
def test_complaints_not_about_the_police_have_their_own_path(known: dict[str, str], now: str, source: str) -> None:
    planned = plan_route(facts(**known))
    assert planned.now.id == now, source
    ids = {step.id for step in planned.steps}
    # RULES.md s.6: never judicial review as now, none of the police's duties; also steps only those that apply
    assert "judicial-review" not in ids and "request-review" not in ids and "ask-schedule3-recording" not in ids
    assert not {"subject-access-request", "contact-mp"} & ids  # no Met subject access, no MP letter to the Commissioner
    assert not POLICE_RULES & {d.id for d in planned.deadlines}
    text = json.dumps(planned.as_dict())
    assert "reg 34" not in text and "Administrative Court" not in text
    assert not {"one-complaint-per-incident", "late-complaint", "assumed-review-body", "regime-assumed"} & {
        w.id for w in planned.warnings
    }


def test_the_issues_mopac_staff_case_on_the_command_line(run_cli) -> None:
    # issue 10 point 1: this case said "[NOW] Judicial review", listed reg 34 and sent the SAR to the Met
    result = run_cli("route", "--about", "mopac-staff", *options(ISSUE_CASE), *TODAY_ARGS)
    assert result.code == 0, result.stderr
    assert "[NOW] Stage 2: ask MOPAC to investigate" in result.stdout
    assert "Judicial review" not in result.stdout and "reg 34" not in result.stdout
    assert "subject access" not in result.stdout.lower()
    assert "MOPAC's own complaints process (not the police complaint rules)" in result.stdout
    stages = [line for line in result.stdout.splitlines() if "Stage" in line and line[:2].strip()[:1].isdigit()]
    # The step to take now is opened out first, above the path, where it is marked "(above)" (issue 13).
    assert [line.split("] ")[1].removesuffix(" (above)") for line in stages] == [
        "Stage 2: ask MOPAC to investigate",
        "Stage 3: ask for a review by MOPAC's Chief Executive",
    ]  # seed 003: Stage 2 the Head of Workforce and Professional Standards, Stage 3 the CEO


def test_mopac_stage_steps_name_the_bodies_of_seed_003() -> None:
    planned = plan_route(facts(about=About.MOPAC_STAFF, outcome_date="2026-11-01"))
    assert planned.step("mopac-stage-2").body == "MOPAC Head of Workforce and Professional Standards"  # type: ignore[union-attr]
    assert planned.step("mopac-stage-3").body == "MOPAC Chief Executive Officer"  # type: ignore[union-attr]


# --- 2. facts that rule a deadline in or out, in every output --------------------------------------------

# fmt: off
RULED = [
    # facts                                                                     absent                source
    ({"incident_date": "2026-01-10", "discrimination": "no"},                   {"equality-act"},     "RULES.md s.4: discrimination = no removes equality-act"),
    ({"incident_date": "2026-01-10", "injury": "no"},                           {"personal-injury"},  "RULES.md s.4: injury = no removes personal-injury"),
    ({"incident_date": "2026-01-10", "outcome_date": "2026-11-03"},             {"complaint"},        "RULES.md s.4: an outcome letter shows the complaint was made"),
    ({"incident_date": "2026-01-10", "last_update_date": "2026-10-01"},         {"complaint"},        "RULES.md s.4: so does an update"),
    ({"incident_date": "2026-01-10", "review_request_date": "2026-11-10"},      {"complaint", "review-request"}, "RULES.md s.4: and a review asked for"),
    ({"incident_date": "2026-01-10", "about": "mopac-staff"},                   {"complaint"},        "RULES.md s.6: not a police complaint"),
]
# fmt: on


@pytest.mark.parametrize(("known", "absent", "source"), RULED)
def test_facts_rule_deadlines_out_in_every_output(
    run_cli, known: dict[str, str], absent: set[str], source: str
) -> None:
    engine = {d.id for d in compute_deadlines(Facts.from_strings(known, today=TODAY)).deadlines}
    assert not absent & engine, source
    assert batch_ids(known) == engine  # batch (the caseload's own fast path)
    report = json.loads(run_cli("deadlines", *options(known), *TODAY_ARGS, "--format", "json").stdout)
    assert {d["id"] for d in report["deadlines"]} == engine  # deadlines
    route = json.loads(run_cli("route", *options(known), *TODAY_ARGS, "--format", "json").stdout)
    assert {d["id"] for d in route["deadlines"]} == engine  # route
    ics = run_cli("deadlines", *options(known), *TODAY_ARGS, "--format", "ics", "--include-passed").stdout
    assert not any(f"escalate explain {rule_id})" in ics.replace("\r\n ", "") for rule_id in absent)  # calendar
    columns = ["case", *known]
    data = ",".join(columns) + "\n" + ",".join(["A", *known.values()]) + "\n"
    rows = list(csv.DictReader(io.StringIO(run_cli("batch", "-", *TODAY_ARGS, stdin=data).stdout)))
    for rule_id in absent:
        assert rows[0][f"{rule_id.replace('-', '_')}_safe_date"] == ""  # `escalate batch`


def test_the_readme_first_example_no_longer_says_make_your_complaint(run_cli) -> None:
    # issue 10 point 2: `--incident-date 10/01/2026 --outcome-date 2026-11-03` listed "Make your complaint"
    result = run_cli("deadlines", "--incident-date", "10/01/2026", "--outcome-date", "2026-11-03", *TODAY_ARGS)
    assert result.code == 0 and "Make your complaint" not in result.stdout


# --- 3. a review asked for, no decision yet --------------------------------------------------------------

# fmt: off
REQUESTED = [
    # outcome letter, review asked for, late?   source
    ("2026-11-03", "2026-12-01", False),        # reg 29(2): 28 days starting with the day after 3 Nov end on 1 Dec
    ("2026-11-03", "2026-12-02", True),         # the day after: late (reg 29(4) special circumstances)
    ("2025-04-01", "2025-04-29", False),        # RULES.md s.7: the IOPC's own example, 1 Apr -> 29 Apr
    ("2025-04-01", "2025-04-30", True),
    ("2026-03-01", "2026-03-29", False),        # RULES.md s.7: a Sunday letter, no roll-forward
    ("2026-03-01", "2026-03-30", True),         # Monday 30 March is late: no extra time for a weekend (s.4)
]
# fmt: on


@pytest.mark.parametrize(("outcome", "asked", "late"), REQUESTED)
def test_a_review_asked_for(outcome: str, asked: str, late: bool) -> None:
    known = {"outcome_date": outcome, "review_request_date": asked}
    planned = plan_route(facts(**known))
    assert planned.now.id == "wait-for-review-decision"  # RULES.md s.6
    assert "review-request" not in {d.id for d in planned.deadlines}  # RULES.md s.4: no longer listed
    ids = [w.id for w in planned.warnings]
    assert ("late-review-request" in ids) is late
    row = next(process_rows([known], today=TODAY))
    assert ("late-review-request" in row["warnings"]) is late  # batch agrees
    assert row["next_step"] == "wait-for-review-decision"


def test_a_late_appeal_speaks_of_the_2012_rules() -> None:
    # RULES.md s.4 'Regime': 2012 Regulations reg 11(3), late appeals reg 11(5); no 2020 citation
    planned = plan_route(
        facts(complaint_date="2019-06-01", outcome_date="2019-12-01", review_request_date="2020-01-10")
    )
    text = next(w.text for w in planned.warnings if w.id == "late-review-request")
    assert "appeal" in text and "reg 11(5)" in text and "reg 29" not in text and "reg 51" not in text


@pytest.mark.parametrize(
    ("known", "message"),
    [
        ({"outcome_date": "2026-11-03", "review_request_date": "2026-11-01"},
         "--review-request-date (Sunday 1 November 2026) is before --outcome-date (Tuesday 3 November 2026)"),  # RULES.md s.1
        ({"review_request_date": "2026-11-10", "review_decision_date": "2026-11-01"},
         "--review-decision-date (Sunday 1 November 2026) is before --review-request-date (Tuesday 10 November 2026)"),  # s.1
        ({"review_request_date": "2026-11-10", "schedule3": "no"}, "--review-request-date is given but --schedule3 is 'no'"),  # s.6
    ],
)  # fmt: skip
def test_a_review_request_that_cannot_be_is_an_input_error(run_cli, known: dict[str, str], message: str) -> None:
    result = run_cli("route", *options(known), *TODAY_ARGS)
    assert result.code == 2 and message in result.stderr and result.stderr.count("\n") == 1


# --- 4. a passed review deadline keeps the step and says what to do ---------------------------------------


@pytest.mark.parametrize(
    ("known", "note", "words"),
    [
        ({"outcome_date": "2026-10-01"}, LATE_REVIEW_NOTE, ("reg 29(4)", "reg 51(2)")),  # RULES.md s.4; 2020 Regs reg 29(4), 51(2)
        ({"complaint_date": "2019-06-01", "outcome_date": "2019-12-01"}, LATE_APPEAL_NOTE, ("reg 11(5)",)),  # 2012 Regs reg 11(5)
    ],
)  # fmt: skip
def test_a_passed_review_deadline_keeps_the_step(known: dict[str, str], note: str, words: tuple[str, ...]) -> None:
    planned = plan_route(facts(**known))
    review = next(d for d in planned.deadlines if d.id == "review-request")
    assert review.status == "passed" and planned.now.id == "request-review"
    assert note in review.notes and "send it at once" in note and "no new date" in note.lower()
    assert all(word in note for word in words)
    step = planned.now
    assert "send the" in step.why and "at once" in step.why and all(word in step.why for word in words)


def test_an_open_review_deadline_says_nothing_of_lateness() -> None:
    planned = plan_route(facts(outcome_date="2026-11-10"))
    assert "at once" not in planned.now.why
    assert LATE_REVIEW_NOTE not in next(d for d in planned.deadlines if d.id == "review-request").notes


# --- 5. assumptions said aloud ------------------------------------------------------------------------------


def _header(text: str) -> str:
    """The header of `escalate deadlines`, which wraps to the width like any prose (issue 13)."""
    return " ".join(text.split("\nYour dates, as read:")[0].split())


def test_an_inferred_review_body_is_said_in_deadlines_too(run_cli) -> None:
    # RULES.md s.6: "every output says so (warning assumed-review-body, in deadlines as in route)"
    result = run_cli("deadlines", "--outcome-date", "2026-11-03", *TODAY_ARGS)
    assert "review body: MOPAC (Mayor's Office for Policing and Crime), assumed" in _header(result.stdout)
    doc = json.loads(run_cli("deadlines", "--outcome-date", "2026-11-03", *TODAY_ARGS, "--format", "json").stdout)
    assert {"assumed-schedule3", "assumed-investigation", "assumed-review-body"} <= {w["id"] for w in doc["warnings"]}
    named = run_cli("deadlines", "--outcome-date", "2026-11-03", "--review-body", "iopc", *TODAY_ARGS)
    first = _header(named.stdout)
    assert "review body: IOPC" in first and "assumed" not in first  # the letter wins
    assert "assumed-review-body" not in named.stdout
    before = run_cli("deadlines", "--incident-date", "2026-11-03", *TODAY_ARGS)  # no complaint yet: nothing assumed
    assert "assumed" not in _header(before.stdout) and "assumed-review-body" not in before.stdout


@pytest.mark.parametrize("investigation", ["iopc", "iopc-directed"])
def test_a_letters_review_body_with_an_iopc_investigation_is_an_input_error(run_cli, investigation: str) -> None:
    # RULES.md s.6: "a letter's review body together with investigation iopc or iopc-directed is an input error
    # naming both"
    result = run_cli("route", "--review-body", "mopac", "--investigation", investigation, *TODAY_ARGS)
    assert result.code == 2 and "--review-body" in result.stderr and "--investigation" in result.stderr
    row = next(process_rows([{"review_body": "mopac", "investigation": investigation}], today=TODAY))
    assert "review_body" in row["error"] and "investigation" in row["error"]


@pytest.mark.parametrize(
    ("known", "body"),
    [
        ({"outcome_date": "2026-11-03", "review_body": "iopc"}, "iopc"),  # s.6: the letter overrides the inference
        ({"outcome_date": "2026-11-03", "review_body": "mopac", "discrimination": "yes"}, "mopac"),  # even against a ground
        ({"complaint_date": "2019-06-01", "outcome_date": "2019-12-01", "review_body": "iopc"}, "iopc"),  # 2012: the letter
    ],
)  # fmt: skip
def test_the_letters_review_body_wins_everywhere(run_cli, known: dict[str, str], body: str) -> None:
    route = json.loads(run_cli("route", *options(known), *TODAY_ARGS, "--format", "json").stdout)
    assert route["review_body"] == body and "assumed-review-body" not in {w["id"] for w in route["warnings"]}
    assert next(process_rows([known], today=TODAY))["review_body"] == body


# --- 6. senior officers --------------------------------------------------------------------------------------


def test_senior_officer_is_defined_in_help(run_cli) -> None:
    # Police Reform Act 2002 s.29(1): "senior officer" is above the rank of chief superintendent (legal.md 10)
    lines = run_cli("route", "--help").stdout.splitlines()
    text = " ".join(" ".join(line.strip("│ ").split("│")[-1].split()) for line in lines if "│" in line)
    assert "above the rank of chief superintendent" in text
    for member in About:
        assert member.value in text


def test_the_example_caseload_calls_only_a_commander_senior() -> None:
    from tests.conftest import EXAMPLES

    with (EXAMPLES / "caseload.csv").open(encoding="utf-8") as file:
        for row in csv.DictReader(file):
            if row["About"] == "senior-officer":
                assert "Chief Superintendent" not in row["Notes"] and "Commander" in row["Notes"]


# --- 7. answers read alike: yes/no everywhere, dates in words -----------------------------------------------

# fmt: off
SPELLINGS = [  # RULES.md s.1: yes/no, y/n, true/false, 1/0, any case; unknown, don't know, n/a, empty
    ("yes", True), ("Y", True), ("TRUE", True), ("1", True),
    ("no", False), ("n", False), ("False", False), ("0", False),
    ("unknown", None), ("don't know", None), ("n/a", None),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), SPELLINGS)
def test_yes_no_spellings_on_the_command_line_and_in_batch(run_cli, text: str, expected: bool | None) -> None:
    assert parse_flag("discrimination", text) is expected
    doc = json.loads(run_cli("deadlines", "--discrimination", text, *TODAY_ARGS, "--format", "json").stdout)
    assert doc["facts"].get("discrimination") is expected
    row = next(process_rows([{"incident_date": "2026-10-01", "discrimination": text}], today=TODAY))
    assert row["error"] is None and (row["equality_act_safe_date"] is None) is (expected is False)
    # a choice with yes and no takes the same spellings (issue 10 point 7: `--schedule3 Y` was refused)
    if expected is not None:
        assert parse_choice("schedule3", text, type(Facts(today=TODAY).schedule3)).value == (
            "yes" if expected else "no"
        )
        result = run_cli("route", "--schedule3", text, *TODAY_ARGS, "--format", "json")
        assert result.code == 0, result.stderr


# fmt: off
DATES = [
    ("14th March 2026", date(2026, 3, 14)),        # RULES.md s.1: ordinal
    ("3rd of March 2026", date(2026, 3, 3)),       # RULES.md s.1: "3rd of March 2026"
    ("Tuesday 3rd of March 2026", date(2026, 3, 3)),  # with the weekday
    ("1.3.2026", date(2026, 3, 1)),                # RULES.md s.1: dots, day first
    ("1-3-2026", date(2026, 3, 1)),                # RULES.md s.1: dashes, day first
    ("21st March 2026", date(2026, 3, 21)),
    ("22nd March 2026", date(2026, 3, 22)),
    ("11th March 2026", date(2026, 3, 11)),        # 11th, 12th, 13th, not 11st
    ("12th March 2026", date(2026, 3, 12)),
    ("23rd March 2026", date(2026, 3, 23)),
]
BAD_DATES = [
    ("21th March 2026", "write 21st"),             # issue 10 point 12: "21th"
    ("1nd March 2026", "write 1st"),               # an ordinal that does not match its number
    ("11st March 2026", "write 11th"),
    ("3th of March 2026", "write 3rd"),
    ("14th March", "has no year"),                 # the year is never guessed (RULES.md s.1)
    ("1.3.26", "2-digit year"),
    ("Monday 3 March 2026", "not a Monday"),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), DATES)
def test_dates_in_words_and_with_dots_or_dashes(run_cli, text: str, expected: date) -> None:
    assert parse_date(text) == expected
    doc = json.loads(run_cli("deadlines", "--incident-date", text, *TODAY_ARGS, "--format", "json").stdout)
    assert doc["facts"]["incident_date"] == expected.isoformat()
    assert next(process_rows([{"incident_date": text}], today=TODAY))["error"] is None


@pytest.mark.parametrize(("text", "message"), BAD_DATES)
def test_bad_dates_name_the_accepted_forms(run_cli, text: str, message: str) -> None:
    with pytest.raises(DateFormatError, match=message):
        parse_date(text)
    result = run_cli("deadlines", "--incident-date", text, *TODAY_ARGS)
    assert result.code == 2 and "--incident-date" in result.stderr and message in result.stderr
    if "not a Monday" not in message:
        assert "1st March 2026" in result.stderr  # the accepted forms


# --- 8. the library: facts of the right kind, every error at once --------------------------------------------

# fmt: off
WRONG_KINDS = [
    ({"outcome_date": "2026-11-03"}, "outcome_date"),              # a string for a date: named at construction
    ({"outcome_date": 20261103}, "outcome_date"),                  # an int
    ({"incident_date": datetime(2026, 1, 10, 15, 30)}, "incident_date"),  # a time of day is not a date
    ({"discrimination": "maybe"}, "discrimination"),               # a flag takes True, False or None
    ({"injury": 1}, "injury"),
    ({"about": "sergeant"}, "about"),                              # a choice string is parsed, and can be wrong
    ({"about": 3}, "about"),
]
# fmt: on


@pytest.mark.parametrize(("known", "fact"), WRONG_KINDS)
def test_a_fact_of_the_wrong_kind_is_an_input_error_naming_it(known: dict[str, object], fact: str) -> None:
    with pytest.raises(InputError) as error:
        Facts(today=TODAY, **known)  # type: ignore[arg-type]
    assert error.value.facts == (fact,) and fact in str(error.value)
    assert f"--{fact.replace('_', '-')}" in error.value.describe("option")


def test_a_datetime_at_midnight_and_a_choice_string_are_read() -> None:
    read = Facts(today=datetime(2026, 11, 21), incident_date=datetime(2026, 1, 10), about="mopac-staff")  # type: ignore[arg-type]
    assert read.today == TODAY and type(read.incident_date) is date and read.incident_date == date(2026, 1, 10)
    assert read.about is About.MOPAC_STAFF


def test_every_error_is_reported_at_once_each_naming_its_fact(run_cli) -> None:
    # RULES.md s.1: "Every error of an input is reported at once, each naming its fact"
    with pytest.raises(InputError) as error:
        Facts(today=TODAY, outcome_date="2026-11-03", injury=1, about="sergeant")  # type: ignore[arg-type]
    assert [part.facts for part in error.value.errors] == [("outcome_date",), ("about",), ("injury",)]
    with pytest.raises(InputError) as error:
        facts(incident_date="2026-05-01", complaint_date="2026-04-01", outcome_date="2026-03-01")
    assert len(error.value.errors) == 2  # both contradictions, not the first alone
    result = run_cli("deadlines", "--incident-date", "xx", "--sar-date", "31/02/2026", "--injury", "maybe", *TODAY_ARGS)
    assert result.code == 2 and result.stderr.count("\n") == 1
    assert all(name in result.stderr for name in ("--incident-date", "--sar-date", "--injury"))
    row = next(process_rows([{"incident_date": "2026-05-01", "complaint_date": "2026-04-01",
                              "outcome_date": "2026-03-01"}], today=TODAY))  # fmt: skip
    assert row["error"].count(" | ") == 1 and "complaint_date" in row["error"] and "outcome_date" in row["error"]


def test_plan_route_with_a_report_for_other_facts_is_an_input_error() -> None:
    report = compute_deadlines(facts(outcome_date="2026-11-03"))
    with pytest.raises(InputError, match="other facts"):
        plan_route(facts(outcome_date="2026-11-04"), report=report)


def test_only_one_rule_id_as_a_string_is_that_rule() -> None:
    assert check_only("review-request") == frozenset({"review-request"})
    report = compute_deadlines(facts(outcome_date="2026-11-03", incident_date="2026-10-01"), only="review-request")
    assert [d.id for d in report.deadlines] == ["review-request"]
    with pytest.raises(InputError, match="'review-requests' is not a rule id"):
        check_only("review-requests")
