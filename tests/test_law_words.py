"""The law's own words, and the bodies' own pages, in every output (issue 10, points 8-15).

Each expected word comes from the statute, regulation, seed page (shared/seeds/) or RULES.md section named
beside it, never from running escalate. The forbidden phrases are those the issue found in the output: a
test below runs each command in every format over a set of cases and looks for them all.
"""

from __future__ import annotations

import json
import re
from datetime import date

import pytest

from escalate import Facts, compute_deadlines, plan_route
from escalate.law.calendars import CHECKED_CHRISTMASES, COURT_CLOSURES
from escalate.law.contacts import contact_line, contacts
from escalate.law.dates import ordinal
from escalate.law.rules import APPEALS_2012, RULES_BY_ID, Strength

TODAY = "2026-11-21"

# Cases that between them reach every rule, every review body, both regimes and both kinds of owner.
CASES: dict[str, tuple[str, ...]] = {
    "mopac-review": ("--complaint-date", "2026-05-02", "--outcome-date", "2026-11-03", "--schedule3", "yes"),
    "iopc-review": ("--outcome-date", "2026-11-03", "--about", "senior-officer"),
    "waiting": ("--incident-date", "2026-04-01", "--complaint-date", "2026-05-02", "--sar-date", "2026-11-02"),
    "received-late": ("--outcome-date", "2026-11-03", "--outcome-received-date", "2026-11-10"),
    "injured-detained": (
        "--incident-date", "2024-01-10", "--injury", "yes", "--detained", "yes", "--prosecuted", "yes",
        "--prosecution-end-date", "2025-01-10", "--discrimination", "yes", "--sar-date", "2026-11-02",
        "--sar-law", "part-3",
    ),
    "child": ("--incident-date", "2020-01-10", "--date-of-birth", "2010-03-01", "--injury", "yes"),
    "review-decided": ("--outcome-date", "2026-08-01", "--review-decision-date", "2026-10-01"),
    "before-2020": ("--incident-date", "2019-10-01", "--complaint-date", "2019-11-01", "--outcome-date", "2026-11-03"),
    "before-2020-named": (
        "--complaint-date", "2019-11-01", "--outcome-date", "2026-11-03", "--review-body", "iopc",
    ),
    "before-2020-waiting": ("--complaint-date", "2019-11-01", "--last-update-date", "2026-11-01"),
    "before-2020-unrecorded": ("--complaint-date", "2019-11-01", "--outcome-date", "2026-11-03", "--schedule3", "no"),
    "before-2020-asked-late": ("--complaint-date", "2019-11-01", "--outcome-date", "2026-10-01",
                               "--review-request-date", "2026-11-10"),
    "before-2020-passed": ("--complaint-date", "2019-11-01", "--outcome-date", "2026-09-01"),
    "review-asked": ("--outcome-date", "2026-10-01", "--review-request-date", "2026-10-10"),
    "review-passed": ("--outcome-date", "2026-09-01", "--sar-date", "2026-09-01", "--sar-law", "uk-gdpr"),
    "mopac-staff": ("--about", "mopac-staff", "--incident-date", "2026-05-20", "--complaint-date", "2026-05-21",
                    "--outcome-date", "2026-11-01"),
    "mayor": ("--about", "mayor", "--complaint-date", "2026-05-21"),
}  # fmt: skip
PRE_2020 = {name for name in CASES if name.startswith("before-2020")}

FORBIDDEN = (
    "reached you: the time",  # RULES s.4 'The letter's date, not its arrival'
    "runs from then",  # the same
    "run from when the outcome was provided",  # the same
    "shortest of the court clocks",  # RULES s.4 'Judicial review': it is the shortest; never call another one so
    "the shortest court clock",  # the same
    "by email or online",  # seed 002: "by email or post"; the web form does not accept review requests
    "five working days",  # no seed supports an acknowledgement time for review requests (seed 002)
    "may extend by two further months",  # RULES s.4 'Subject access: extensions': only if told in the first month
    "starts from: outcome_date",  # explain in plain English (issue 10, point 12)
    "counting: days-after",  # the same
)
FORBIDDEN_BEFORE_2020 = (
    "reg 29",  # RULES s.4 'Regime': never 2020 citations (reg 29(3)/(4)) for complaints made before 1 Feb 2020
    "2020 regulations",
    "2(6a)",  # nor the 2020 recording right (Sch 3 para 2(6A))
    "reg 32",
    "reg 34",
    "uksi/2020/2",
    "ask them to record it",  # the 2020 recording right, said in words (assumed-schedule3)
    "a review decision is final",  # the 2012 rules speak of an appeal (review-is-final)
    "right of review",  # the same
    "review body:",  # the deadlines header names the appeal body
)


def _outputs(run_cli, args: tuple[str, ...]) -> dict[str, str]:
    found = {}
    for command in ("deadlines", "route"):
        formats = ("table", "json", "ics") if command == "deadlines" else ("table", "json", "markdown", "ics")
        for form in formats:
            result = run_cli(command, *args, "--today", TODAY, "--format", form)
            assert result.code == 0, result.stderr
            # Calendar text is folded at 75 octets (RFC 5545): unfold it before looking for words.
            found[f"{command}/{form}"] = result.stdout.replace("\r\n ", "").replace("\\n", "\n").replace("\\,", ",")
    return found


def _batch(run_cli, args: tuple[str, ...]) -> dict[str, str]:
    row = {args[i].removeprefix("--").replace("-", "_"): args[i + 1] for i in range(0, len(args), 2)}
    found = {}
    for form in ("csv", "jsonl", "ics"):
        result = run_cli("batch", "-", "--today", TODAY, "--format", form, stdin=json.dumps(row) + "\n")
        assert result.code in (0, 3), result.stderr
        found[f"batch/{form}"] = result.stdout.replace("\r\n ", "").replace("\\n", "\n").replace("\\,", ",")
    return found


@pytest.mark.parametrize("case", sorted(CASES))
def test_no_output_says_what_the_law_does_not(run_cli, case: str) -> None:
    args = CASES[case]
    outputs = _outputs(run_cli, args) | _batch(run_cli, args)
    for where, text in outputs.items():
        lower = text.lower()
        for phrase in FORBIDDEN:
            assert phrase not in lower, (case, where, phrase)
        if case in PRE_2020:
            for phrase in FORBIDDEN_BEFORE_2020:
                assert phrase not in lower, (case, where, phrase)
        # Every ordinal is a right one (issue 10, point 12: "21th")
        for number, suffix in re.findall(r"\b(\d+)(st|nd|rd|th)\b", text):
            assert ordinal(int(number)) == number + suffix, (case, where, number + suffix)


@pytest.mark.parametrize("case", sorted(CASES))
def test_police_duties_never_say_act_by(run_cli, case: str) -> None:
    # RULES s.4 'Police duties': "due from the police by" or "chase if nothing by", never "act by".
    report = compute_deadlines(_facts(CASES[case]))
    police = [d.action for d in report.deadlines if d.owner.value == "police"]
    for where, text in _outputs(run_cli, CASES[case]).items():
        for line in text.splitlines():
            if any(action in line for action in police):
                assert "act by" not in line.lower(), (case, where, line)
        if not any(d.owner.value == "you" for d in report.deadlines) and where.startswith("deadlines"):
            assert "act by" not in text.lower(), (case, where)


def _facts(args: tuple[str, ...]) -> Facts:
    values = {args[i].removeprefix("--").replace("-", "_"): args[i + 1] for i in range(0, len(args), 2)}
    dates = {k: date.fromisoformat(v) for k, v in values.items() if k.endswith("_date") or k == "date_of_birth"}
    choices = {k: v for k, v in values.items() if k not in dates}
    flags = {k: v == "yes" for k, v in choices.items() if v in ("yes", "no") and k != "schedule3"}
    rest = {k: v for k, v in choices.items() if k not in flags}
    return Facts(today=date.fromisoformat(TODAY), **dates, **flags, **rest)


def test_police_duty_words_in_each_renderer(run_cli) -> None:
    # RULES s.4 'Police duties': the words a person sees beside a police duty's date.
    args = ("--complaint-date", "2026-11-01", "--sar-date", "2026-11-02", "--sar-law", "uk-gdpr", "--today", TODAY)
    table = run_cli("deadlines", *args).stdout.lower()
    assert "chase if nothing by" in table and "act by" not in table
    route = run_cli("route", *args, "--format", "markdown").stdout.lower()
    assert "chase if nothing by" in route and "due from the police by" in route
    ics = run_cli("deadlines", *args, "--format", "ics").stdout.replace("\r\n ", "").lower()
    assert "due from the police by (safe date)" in ics and "act by" not in ics
    explained = run_cli("explain", "complaint-update", *args).stdout.lower()
    assert "due from the police by" in explained and "act by" not in explained


def test_update_duty_is_not_strict() -> None:
    # RULES s.4 'Police duties': "The update duty is subject to reg 51(2) (exceptional circumstances), so it is
    # not 'strict'"; 2020 Regulations reg 34(2)(a): "within four weeks of the start of the handling".
    rule = RULES_BY_ID["complaint-update"]
    assert rule.strength is not Strength.STRICT
    assert "reg 51(2)" in rule.summary and "reg 51(2)" in (rule.extension or "")
    assert "four weeks of the start of the handling" in rule.summary


# ---------------------------------------------------------------------------------------------
# Point 8: the review clock runs from the date on the letter
# ---------------------------------------------------------------------------------------------


def test_review_clock_runs_from_the_letters_date() -> None:
    # RULES s.4 'The letter's date, not its arrival'; seed 002: "28 days starting the day after the date on
    # your outcome letter"; IOPC: "within 28 days from the day after the date stated on your outcome letter".
    route = plan_route(_facts(CASES["received-late"]))
    review = route.report.by_id("review-request")  # type: ignore[union-attr]
    assert review is not None and review.safe_date == review.last_day == date(2026, 12, 1)  # 3 Nov + 28 days
    assert review.latest_date == date(2026, 12, 8)  # outcome provided 10 Nov: only the latest date moves
    notes = " ".join(review.notes)
    assert "run from the date on the outcome letter" in notes and "do not rely on it" in notes
    waiting = plan_route(_facts(CASES["waiting"])).step("wait-for-outcome")
    assert waiting is not None and "date printed on the letter" in waiting.how


# ---------------------------------------------------------------------------------------------
# Point 9: the 2012 rules speak for themselves
# ---------------------------------------------------------------------------------------------


def test_2012_rules_speak_of_appeal_and_their_own_regulations() -> None:
    # RULES s.4 'Regime'; 2012 Regulations reg 11(3): "28 days commencing on the day after the date of the
    # letter"; reg 11(5) late appeals; reg 30 the relevant appeal body (the body named in the letter).
    route = plan_route(_facts(CASES["before-2020"]))
    assert route.regime == "2012" and route.review_body == "letter"
    step = route.step("request-review")
    assert step is not None and step.title == "Appeal against the outcome"
    assert "reg 11(3)" in step.why and "reg 11(5)" in step.why and "reg 30" in step.why
    deadline = route.report.by_id("review-request")  # type: ignore[union-attr]
    assert deadline is not None and "reg 11(3)" in deadline.source.citation and "reg 30" in deadline.source.citation
    assert any("reg 11(5)" in note for note in deadline.notes)
    assert "reg 11(5)" in (APPEALS_2012["review-request"].extension or "")


def test_2012_late_receipt_moves_nothing() -> None:
    # 2012 Regulations reg 11(3): "the date of the letter" alone; RULES s.4: the received date only ever
    # argues a later date under the 2020 wording ("was provided", reg 29(2)).
    facts = _facts(("--complaint-date", "2019-11-01", "--outcome-date", "2026-11-03",
                    "--outcome-received-date", "2026-11-10"))  # fmt: skip
    deadline = compute_deadlines(facts).by_id("review-request")
    assert deadline is not None
    assert (deadline.safe_date, deadline.last_day, deadline.latest_date) == (date(2026, 12, 1),) * 3


def test_2012_unrecorded_complaint_is_not_offered_the_2020_recording_right() -> None:
    # RULES s.4 'Regime': not the 2020 recording right (Sch 3 para 2(6A)); under the 2012 rules a failure to
    # record could be appealed (2012 Regulations reg 11(1)(a): Sch 3 para 3(3)).
    route = plan_route(_facts(CASES["before-2020-unrecorded"]))
    step = route.step("ask-schedule3-recording")
    assert step is not None and "reg 11(1)(a)" in step.why and "2(6A)" not in step.why + step.how
    assert "2(6A)" not in route.review_reason


# ---------------------------------------------------------------------------------------------
# Point 12: injury beside a 6-year claim, the Human Rights Act's stricter limit, ordinals, explain
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("rule_id", "injury", "said"), [
    ("civil-claim", True, True),  # RULES s.4 'Injury beside a 6-year claim': s.11; A v Hoare [2008] UKHL 6
    ("malicious-prosecution", True, True),  # the same: malicious prosecution runs 6 years (s.2)
    ("civil-claim", False, False),  # no injury: nothing to say
    ("civil-claim", None, False),  # not said: not assumed
])  # fmt: skip
def test_six_year_claim_with_injury_says_the_injury_may_have_3_years(
    rule_id: str, injury: bool | None, said: bool
) -> None:
    facts = Facts(
        today=date(2026, 11, 21), incident_date=date(2024, 1, 10), prosecution_end_date=date(2025, 1, 10),
        injury=injury,
    )  # fmt: skip
    deadline = compute_deadlines(facts).by_id(rule_id)
    assert deadline is not None
    text = " ".join(deadline.notes)
    assert ("only 3 years" in text and "A v Hoare" in text and "s.11" in text) is said


def test_human_rights_act_is_subject_to_a_stricter_limit() -> None:
    # Human Rights Act 1998 s.7(5): "subject to any rule imposing a stricter time limit"; RULES s.4 'Human
    # Rights Act': a challenge to a review decision goes by judicial review.
    deadline = compute_deadlines(Facts(today=date(2026, 11, 21), incident_date=date(2026, 1, 10))).by_id(
        "human-rights-act"
    )
    assert deadline is not None and any("stricter time limit" in n and "judicial review" in n for n in deadline.notes)
    step = plan_route(Facts(today=date(2026, 11, 21), incident_date=date(2026, 1, 10))).step("human-rights-claim")
    assert step is not None and "stricter time limit" in step.why and "judicial review" in step.why


@pytest.mark.parametrize(("number", "expected"), [
    (1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (5, "5th"), (6, "6th"), (7, "7th"), (8, "8th"), (9, "9th"),
    (10, "10th"), (11, "11th"), (12, "12th"), (13, "13th"), (14, "14th"), (15, "15th"), (16, "16th"),
    (17, "17th"), (18, "18th"), (19, "19th"), (20, "20th"), (21, "21st"), (22, "22nd"), (23, "23rd"),
    (24, "24th"), (25, "25th"), (26, "26th"), (27, "27th"), (28, "28th"), (29, "29th"), (30, "30th"),
    (31, "31st"),  # every day of a month, by English usage
    (101, "101st"), (111, "111th"), (112, "112th"), (113, "113th"), (121, "121st"),  # the teens of each hundred
])  # fmt: skip
def test_ordinal(number: int, expected: str) -> None:
    assert ordinal(number) == expected


def test_child_note_says_21st_birthday() -> None:
    # Limitation Act 1980 s.28 with s.11 (3 years): "before your 21st birthday" (the issue found "21th")
    facts = Facts(today=date(2026, 11, 21), incident_date=date(2020, 1, 10), date_of_birth=date(2010, 3, 1))
    deadline = compute_deadlines(facts).by_id("personal-injury")
    assert deadline is not None and any("before your 21st birthday" in note for note in deadline.notes)


def test_explain_speaks_plain_english(run_cli) -> None:
    # Issue 10 point 12: the fact's label and the convention's plain description, not the ids.
    text = run_cli("explain", "review-request").stdout
    assert "Starts from: the date on the outcome letter" in text
    assert "Counting: 28 days starting with the day after that date." in text
    assert "outcome_date" not in text and "days-after" not in text
    text = run_cli("explain", "equality-act").stdout
    assert "6 months starting with that date, which counts as the first day" in text and "starting-with" not in text


# ---------------------------------------------------------------------------------------------
# Point 13: court closures, as data with their sources
# ---------------------------------------------------------------------------------------------


def test_2019_closure_moves_only_the_latest_date() -> None:
    # HMCTS, Christmas and New Year closures 2019 (published 4 Nov 2019): closed Fri 27 Dec 2019; CPR 2.8(5).
    # Review decision Fri 27 Sep 2019 + 3 months = Fri 27 Dec 2019; next court-open day Mon 30 Dec 2019.
    report = compute_deadlines(Facts(today=date(2019, 10, 1), review_decision_date=date(2019, 9, 27)))
    jr = report.by_id("judicial-review")
    assert jr is not None and (jr.safe_date, jr.last_day, jr.latest_date) == (
        date(2019, 12, 27), date(2019, 12, 27), date(2019, 12, 30),
    )  # fmt: skip
    assert "court-christmas-unknown" not in {w.id for w in report.warnings}  # 2019 is a checked year


def test_27_december_2023_is_not_taken_as_a_closure() -> None:
    # RULES s.7 gives Wed 27 Dec 2023 / same / Thu 28 Dec 2023 only "if HMCTS confirms 27 Dec 2023 as a
    # court-office closure"; no HMCTS notice for 2023 has been seen, so the tool keeps 27 Dec for all three
    # and warns that it does not know 2023's closures.
    report = compute_deadlines(Facts(today=date(2023, 10, 1), review_decision_date=date(2023, 9, 27)))
    jr = report.by_id("judicial-review")
    assert jr is not None and (jr.safe_date, jr.last_day, jr.latest_date) == (date(2023, 12, 27),) * 3
    assert "court-christmas-unknown" in {w.id for w in report.warnings}
    assert date(2023, 12, 27) not in COURT_CLOSURES


@pytest.mark.parametrize(("decision", "warned"), [
    ("2017-09-27", True),  # 2017-12-27 is in RULES s.3, but no HMCTS notice for 2017 has been seen: unchecked
    ("2018-09-24", False),  # HMCTS notice 2018 (27 Nov 2018)
    ("2019-09-24", False),  # HMCTS notice 2019 (4 Nov 2019)
    ("2020-09-24", True),  # no notice found for 2020
    ("2021-09-24", False),  # HMCTS notice 2021 (as repeated by a secondary source)
    ("2022-09-26", True),  # no notice found for 2022 (26 Dec 2022 is a bank holiday substitute: 27 Dec)
    ("2024-09-24", False),  # HMCTS notice 2024 (1 Nov 2024)
    ("2025-09-24", False),  # HMCTS notice 2025 (as reported, 6 Nov 2025)
    ("2026-09-24", True),  # no notice yet for 2026
])  # fmt: skip
def test_christmas_warning_stops_only_for_checked_years(decision: str, warned: bool) -> None:
    report = compute_deadlines(Facts(today=date(2016, 1, 1), review_decision_date=date.fromisoformat(decision)))
    assert ("court-christmas-unknown" in {w.id for w in report.warnings}) is warned


def test_every_closure_and_checked_year_has_its_source() -> None:
    for day, source in COURT_CLOSURES.items():
        assert source and (day.year not in CHECKED_CHRISTMASES or "http" in source), day
    for year, source in CHECKED_CHRISTMASES.items():
        assert "https://" in source and str(year) in source, year
        assert all(day in COURT_CLOSURES for day in COURT_CLOSURES if day.year == year)
    assert date(2019, 12, 27) in COURT_CLOSURES  # HMCTS 2019 notice: "Friday 27 December 2019"


# ---------------------------------------------------------------------------------------------
# Point 14: MOPAC's review team, from its own page (seed 002)
# ---------------------------------------------------------------------------------------------


def test_mopac_review_team_contact_is_seed_002() -> None:
    # Seed 002: "send the below information to us by email or post"; "169 Union St / London / SE1 0LL";
    # "phone 020 7983 4000 to request a call" where "you have an accessibility need that means you need to
    # speak with us"; "we are currently unable to accept review requests using this method" (the web form).
    line = contact_line("mopac")
    for words in ("169 Union St, London SE1 0LL", "by email", "by post", "020 7983 4000", "accessibility need",
                  "web form does not accept review requests"):  # fmt: skip
        assert words in line
    assert "City Hall" not in line and "five working days" not in line
    assert contacts()["mopac"].url.endswith("police-complaints-outcome-reviews")
    assert contacts()["mopac"].seed == "002_67d5146a6a5b8b6c.txt"
    assert "169 Union Street, London SE1 0LL" in contact_line("mopac-complaints")  # seed 003


def test_every_contact_keeps_its_source() -> None:
    for contact in contacts().values():
        assert contact.source.startswith("https://") and contact.checked, contact.key
        for newer in contact.newer:
            # RULES s.6: "give the newer with its date and say that the seed page said otherwise"
            assert newer.dated and newer.page_says and newer.url.startswith("https://")
            assert newer.page_says in contact_line(contact.key) and newer.dated in contact_line(contact.key)


# ---------------------------------------------------------------------------------------------
# Point 15: what a review and the IOPC can do; discrimination; the seed's lists
# ---------------------------------------------------------------------------------------------


def test_what_a_mopac_review_can_and_cannot_do() -> None:
    # Seed 002: "whether the complaint outcome was reasonable and proportionate"; "recommend that the MPS looks
    # at the complaint again"; "We cannot recommend compensation, we cannot determine if something was lawful".
    step = plan_route(_facts(CASES["mopac-review"])).step("request-review")
    assert step is not None
    for words in ("reasonable and proportionate", "looks at the complaint again", "refers it to the IOPC",
                  "cannot recommend compensation", "decide whether something was lawful",
                  "review a criminal investigation"):  # fmt: skip
        assert words in step.why


def test_what_the_iopc_can_do() -> None:
    # Seed 000: the IOPC "can: order the police to reinvestigate, take over the investigation themselves, make
    # findings of misconduct or gross misconduct, recommend disciplinary action, publish reports".
    step = plan_route(_facts(CASES["iopc-review"])).step("request-review")
    assert step is not None
    for words in ("reinvestigate", "take the investigation over", "misconduct", "disciplinary action", "publish"):
        assert words in step.why


def test_independent_processes_take_time_said_once(run_cli) -> None:
    # RULES s.6: "Independent processes take time: say so, once" (seed 000: "Independent investigations can
    # take time").
    text = run_cli("route", *CASES["mopac-review"], "--today", TODAY, "--format", "markdown").stdout
    assert text.lower().count("take time") == 1


@pytest.mark.parametrize(("discrimination", "advised"), [
    ("yes", True),  # seed 004 / RULES s.6: spell out the discriminatory element, ask that it be explored
    (None, True),  # unknown: the same advice
    ("no", False),  # said no: nothing about it
])  # fmt: skip
def test_discrimination_advice(discrimination: str | None, advised: bool) -> None:
    args = ("--incident-date", "2026-10-01", *(("--discrimination", discrimination) if discrimination else ()))
    route = plan_route(_facts(args))
    text = " ".join(step.why + step.how for step in route.steps)
    assert ("spell out the discriminatory element" in text and "explored with you" in text) is advised


def test_seed_000_lists() -> None:
    # Seed 000: "Request: body-worn camera footage, incident logs, internal notes about your complaint, any
    # correspondence between officers or departments"; evidence: "Any messages, complaint references, witness
    # details"; "Emails, screenshots, reference numbers".
    route = plan_route(_facts(("--incident-date", "2026-10-01")))
    sar, records = route.step("subject-access-request"), route.step("keep-records")
    assert sar is not None and records is not None
    for words in ("body-worn camera footage", "incident logs", "internal notes about your complaint",
                  "correspondence between officers or departments"):  # fmt: skip
        assert words in sar.how and words in sar.why
    for words in ("messages", "screenshots", "complaint reference numbers", "witnesses"):
        assert words in records.how


def test_a_police_duty_on_a_sunday_does_not_tell_you_to_send_anything() -> None:
    # RULES s.4 'Police duties': the duty is the police's; "send it by email so that it arrives in time" is
    # advice for your own deadlines (s.4 'Review requests on a weekend or bank holiday').
    facts = Facts(today=date(2026, 11, 21), complaint_date=date(2026, 11, 1))  # + 28 days = Sun 29 Nov 2026
    update = compute_deadlines(facts).by_id("complaint-update")
    assert update is not None and update.safe_date == date(2026, 11, 29)
    assert not any("send it by email" in note for note in update.notes)
    review = compute_deadlines(Facts(today=date(2026, 3, 2), outcome_date=date(2026, 3, 1))).by_id("review-request")
    assert review is not None and any("send it by email" in note for note in review.notes)  # Sun 29 Mar 2026


# --- where no deadline is listed, the words never contradict the dates given -------------------------------

NO_DEADLINE: list[tuple[tuple[str, ...], str]] = [
    # RULES s.4 'Which rules appear': with no date, no clock has started.
    ((), "Give at least one, such as --incident-date, --outcome-date or --review-decision-date"),
    # RULES s.4: a complaint about MOPAC staff has none of the police complaint rules, so its outcome starts
    # nothing; the court clocks run from the incident (and personal injury from the date of knowledge, Limitation
    # Act 1980 s.11(4)/s.14; malicious prosecution from the end of the prosecution).
    (
        ("--about", "mopac-staff", "--complaint-date", "2019-06-01", "--outcome-date", "2019-11-03"),
        "none starts from the dates given. A date such as --incident-date, --knowledge-date or "
        "--prosecution-end-date would start one",
    ),
    # RULES s.4 'Which rules appear': the review request runs from the outcome letter's date.
    (("--only", "review-request", "--incident-date", "2020-01-01"), "--outcome-date would start one"),
    # RULES s.4, preserve-evidence: shown only until it has passed (31 days, RULES s.7).
    (
        ("--only", "preserve-evidence", "--incident-date", "2020-01-01"),
        "Ask the police to keep body-worn video and other records (preserve-evidence) is shown only until its "
        "last day, which has passed",
    ),
    # RULES s.6: a complaint not recorded under Schedule 3 has no right of review; nothing else was asked for.
    (("--only", "review-request", "--schedule3", "no", "--outcome-date", "2026-11-03"), "applies to these facts"),
]


@pytest.mark.parametrize(("args", "expected"), NO_DEADLINE)
def test_no_deadline_says_why_without_contradicting_the_dates(run_cli, args: tuple[str, ...], expected: str) -> None:
    for extra in ((), ("--plain",), ("-f", "html")):
        result = run_cli("deadlines", *args, "--today", TODAY, *extra)
        assert result.code == 0, result.stderr
        text = " ".join(result.stdout.split())
        assert expected in text.replace("&#x27;", "'"), (extra, text)
        for given in args:
            if given.startswith("--") and given.endswith("-date"):
                # Never asked for a date that was given.
                assert f"such as {given}" not in text and f"{given} would" not in text, (extra, given)
    calendar = run_cli("deadlines", *args, "--today", TODAY, "-f", "ics")
    assert calendar.code == 0 and "BEGIN:VEVENT" not in calendar.stdout
    assert expected in " ".join(calendar.stderr.split())


def test_why_no_deadline_from_the_engine() -> None:
    from escalate.engine.deadlines import why_no_deadline
    from escalate.engine.facts import DATE_FACTS
    from escalate.output.deadlines import _HINT_ORDER

    assert sorted(_HINT_ORDER) == sorted(DATE_FACTS)  # every date can be suggested
    today = date(2026, 11, 21)
    # RULES s.4: a complaint about the Mayor has none of the police complaint rules; no date, no clock.
    mayor = compute_deadlines(Facts(today=today, about="mayor", complaint_date=date(2026, 5, 21)))
    assert mayor.deadlines == ()
    why = why_no_deadline(mayor)
    assert why.passed == ()
    assert "outcome_date" not in why.starting and "sar_date" not in why.starting
    assert why.starting == ("incident_date", "knowledge_date", "prosecution_end_date")
    # RULES s.7: keep the footage, 31 days from the incident; shown only until then.
    kept = compute_deadlines(Facts(today=today, incident_date=date(2026, 10, 1)), only=["preserve-evidence"])
    assert kept.deadlines == () and kept.only == frozenset({"preserve-evidence"})
    assert [rule.id for rule in why_no_deadline(kept).passed] == ["preserve-evidence"]
    # With deadlines listed, none of them is counted as passed and left out.
    assert why_no_deadline(compute_deadlines(Facts(today=today, incident_date=date(2026, 11, 1)))).passed == ()
