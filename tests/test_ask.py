"""`escalate route --ask`: the interview as a state machine (questions as data), driven by a fake terminal."""

from __future__ import annotations

import io
import sys
from datetime import date

import pytest

from escalate.cli.app import main
from escalate.cli.ask import (
    DONT_KNOW,
    MAX_TRIES,
    QUESTIONS,
    AnswerError,
    Interview,
    question_text,
    run_interview,
)
from escalate.engine.facts import DATE_FACTS, FACT_NAMES, Facts
from escalate.engine.route import plan_route

TODAY = date(2026, 11, 21)


def start(**given: str) -> Interview:
    return Interview.start(given, today=TODAY)


def play(state: Interview, *answers: str) -> Interview:
    for answer in answers:
        state = state.answer(answer)
    return state


def asked(state: Interview) -> list[str]:
    return [name for name, _ in state.answers]


# --- the questions as data ---


def test_every_question_is_plain_and_has_an_i_dont_know_answer() -> None:
    for question in QUESTIONS:
        assert question.fact is None or question.fact in FACT_NAMES
        assert "Schedule 3" not in question.text  # worded for someone who has never heard of it
        if question.kind == "choice":
            assert question.choices[-1].value is None and "know" in question.choices[-1].label
        else:
            assert question.fact in DATE_FACTS
            assert "press Enter if you don't know" in question_text(question)
    assert len({question.id for question in QUESTIONS}) == len(QUESTIONS)


def test_the_recording_question_asks_about_the_word_recorded() -> None:
    question = next(q for q in QUESTIONS if q.id == "schedule3")
    assert question.text == "Did the police write to you saying your complaint had been 'recorded'?"


# --- only the questions needed ---


def test_someone_who_has_not_complained_is_asked_nothing_about_a_complaint() -> None:
    state = play(start(), "1", "no", "10 January 2026")
    assert asked(state) == ["about", "complained", "incident_date"]
    following = []
    while (question := state.next_question()) is not None:
        following.append(question.id)
        state = state.answer("")
    assert not {"complaint_date", "schedule3", "outcome", "outcome_date", "review_body", "reviewed"} & set(following)
    assert plan_route(state.facts).now.id == "complain-to-mps"


def test_facts_given_as_options_are_not_asked_again() -> None:
    state = start(about="officer", complaint_date="2026-05-02", outcome_date="2026-11-03", schedule3="yes")
    question = state.next_question()
    assert question is not None and question.id == "incident_date"
    ids = set()
    while (question := state.next_question()) is not None:
        ids.add(question.id)
        state = state.answer("")
    assert not {"about", "complained", "complaint_date", "outcome", "outcome_date", "schedule3"} & ids


def test_full_interview_reaches_the_review_with_the_iopc() -> None:
    state = play(
        start(),
        "1",  # about: an officer
        "yes",  # complained
        "10/01/2026",  # incident
        "2 February 2026",  # complaint
        "1",  # recorded
        "yes",  # outcome letter
        "2026-11-03",  # its date
        "",  # received the same day
        "1",  # the police investigated
        "3",  # the letter does not say who reviews
        "no",  # not yet reviewed
        "yes",  # discrimination: the IOPC reviews (reg 4), so the other grounds are not asked
    )
    assert state.facts.discrimination is True
    remaining = []
    while (question := state.next_question()) is not None:
        remaining.append(question.id)
        state = state.answer("")
    assert not {"death_or_serious_injury", "serious_allegation", "referred_to_iopc"} & set(remaining)
    planned = plan_route(state.facts)
    assert planned.review_body == "iopc" and planned.now.id == "request-review"


def test_the_review_grounds_are_asked_until_one_is_yes() -> None:
    given = start(
        about="officer", incident_date="2026-01-10", complaint_date="2026-02-02", schedule3="yes",
        outcome_date="2026-11-03", investigation="mps",
    )  # fmt: skip
    state = play(given, "", "3", "no", "no")  # received; the letter does not say; not reviewed; no discrimination
    question = state.next_question()
    assert question is not None and question.id == "death_or_serious_injury"
    state = state.answer("yes")
    question = state.next_question()
    assert question is not None and question.id == "injury"  # the IOPC is decided: no more grounds


def test_no_review_questions_when_the_iopc_investigated() -> None:
    state = start(about="officer", outcome_date="2026-10-01", investigation="iopc")
    ids = []
    while (question := state.next_question()) is not None:
        ids.append(question.id)
        state = state.answer("")
    assert not {"review_body", "reviewed", "review_decision_date"} & set(ids)
    assert plan_route(state.facts).now.id == "judicial-review"


def test_no_recording_question_about_the_mayor() -> None:
    state = play(start(), "5", "yes", "", "")
    question = state.next_question()
    assert question is not None and question.id == "outcome"


# --- answers ---


@pytest.mark.parametrize("answer", ["", "?", "0", "don't know", "I don’t know", "dk", "Not sure"])
def test_i_dont_know_leaves_the_fact_unknown(answer: str) -> None:
    state = play(start(about="officer"), "yes", answer)
    assert state.facts.incident_date is None
    assert state.unknown() == ("incident_date",)


@pytest.mark.parametrize(("answer", "expected"), [("1", "officer"), ("3", "commissioner"), (" 4 ", "mopac-staff")])
def test_choices_by_number(answer: str, expected: str) -> None:
    assert start().answer(answer).facts.about.value == expected


def test_an_unreadable_date_is_asked_again_then_left_unknown() -> None:
    state = play(start(about="officer"), "no")
    for _ in range(MAX_TRIES):
        assert state.next_question().id == "incident_date"  # type: ignore[union-attr]
        with pytest.raises(AnswerError, match="not a date"):
            state.answer("31/02/2026")
        state = state.retried()
    assert state.facts.incident_date is None and state.unknown() == ("incident_date",)
    assert state.next_question().id != "incident_date"  # type: ignore[union-attr]


def test_a_contradictory_date_is_explained_in_words() -> None:
    state = play(start(about="officer"), "yes", "10 January 2026")
    with pytest.raises(AnswerError) as error:
        state.answer("1 January 2026")
    message = str(error.value).lower()
    assert "the date you complained" in message and "the date it happened" in message
    assert "--" not in message and "_" not in message


def test_a_wrong_choice_is_asked_again() -> None:
    with pytest.raises(AnswerError, match="number from 1 to 7"):
        start().answer("8")


def test_bad_given_facts_fail_before_any_question() -> None:
    with pytest.raises(Exception, match="outcome_date"):
        start(outcome_date="31/02/2026")


# --- the loop, with a fake terminal ---


def test_run_interview_with_fake_streams() -> None:
    answers = io.StringIO("1\nyes\n10 January 2026\nnot a date\n2 February 2026\n")
    screen = io.StringIO()
    state = run_interview(start(), answers, screen)
    shown = screen.getvalue()
    assert "Who is your complaint about?" in shown
    assert "Read as Saturday 10 January 2026." in shown
    assert "That is not a date escalate can read" in shown and "Please try again." in shown
    assert "Read as Monday 2 February 2026." in shown
    assert "No more answers: the rest are treated as not known." in shown  # end of input
    assert state.facts == Facts(
        today=TODAY, incident_date=date(2026, 1, 10), complaint_date=date(2026, 2, 2), about="officer"
    )  # type: ignore[arg-type]


def test_run_interview_says_when_an_answer_is_taken_as_dont_know() -> None:
    screen = io.StringIO()
    state = run_interview(start(about="officer"), io.StringIO("no\nx\nx\nx\n3\n"), screen)
    shown = screen.getvalue()
    assert shown.count("Please try again.") == MAX_TRIES - 1
    assert shown.count(f"Taken as '{DONT_KNOW}'") == 1  # only for the question given up, not for choice 3
    assert state.unknown() == ("incident_date", "discrimination")


class FakeTerminal(io.StringIO):
    """Standard input that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def run_main(monkeypatch: pytest.MonkeyPatch, args: list[str], stdin: io.StringIO) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    monkeypatch.setattr(sys, "stdin", stdin)
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    with pytest.raises(SystemExit) as done:
        main(args)
    monkeypatch.undo()
    code = done.value.code if isinstance(done.value.code, int) else 1
    return code, out.getvalue(), err.getvalue()


def test_route_ask_in_a_terminal_asks_on_stderr_and_prints_the_route(monkeypatch: pytest.MonkeyPatch) -> None:
    answers = "\n".join(["1", "yes", "10/01/2026", "02/02/2026", "1", "yes", "03/11/2026", "", "1", "1", "no"])
    code, out, err = run_main(
        monkeypatch,
        ["route", "--ask", "--today", "2026-11-21", "--format", "json"],
        FakeTerminal(answers + "\n"),
    )
    assert code == 0, err
    assert "Did the police write to you saying your complaint had been 'recorded'?" in err
    import json

    doc = json.loads(out)  # the questions never mix with the output
    assert doc["review_body"] == "mopac"
    assert next(step for step in doc["steps"] if step["status"] == "now")["id"] == "request-review"


def test_route_ask_in_a_script_asks_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, err = run_main(
        monkeypatch,
        ["route", "--ask", "--today", "2026-11-21", "--complaint-date", "2026-05-02"],
        io.StringIO("1\n"),
    )
    assert code == 0
    assert "?" not in err.replace("--ask", "")  # no question
    assert err.count("\n") == 1 and "not a terminal" in err
    assert "[NOW] Wait for the outcome" in out
    assert "Assumed that the complaint was recorded under Schedule 3" in out  # says what it assumed


def test_route_ask_ctrl_c_is_exit_130(monkeypatch: pytest.MonkeyPatch) -> None:
    class Interrupting(FakeTerminal):
        def readline(self, size: int | None = -1) -> str:
            raise KeyboardInterrupt

    code, out, err = run_main(monkeypatch, ["route", "--ask", "--today", "2026-11-21"], Interrupting())
    assert code == 130 and out == ""
    # the prompt line is ended, then what was lost, then one line says why escalate stopped
    assert err.endswith(
        "> \nStopped: no answers were given, and nothing was worked out or saved.\nescalate: error: interrupted\n"
    )


# --- issue 10: answers read alike, the year asked for, the review asked for, what Ctrl-C loses ---


# fmt: off
YES_NO_ANSWERS = [
    ("yes", True), ("Y", True), ("true", True), ("T", True), ("1", True),  # RULES.md s.1: yes spellings ("1": choice 1, Yes)
    ("no", False), ("N", False), ("FALSE", False), ("f", False), ("0", False),  # RULES.md s.1: no spellings, "0" included
    ("unknown", None), ("n/a", None), ("don't know", None), ("", None),  # RULES.md s.1: unknown
]
# fmt: on


@pytest.mark.parametrize(("answer", "expected"), YES_NO_ANSWERS)
def test_yes_no_answers_read_as_everywhere(answer: str, expected: bool | None) -> None:
    state = play(start(about="officer", incident_date="2026-01-10", complaint_date="2026-02-02"), "")
    while (question := state.next_question()) is not None and question.id != "discrimination":
        state = state.answer("")
    assert state.answer(answer).facts.discrimination is expected


# fmt: off
NO_YEAR = [
    ("14th March", "2026", date(2026, 3, 14)),  # RULES.md s.1: words with an ordinal; the year asked for, never guessed
    ("3rd of March", "2026", date(2026, 3, 3)),  # RULES.md s.1: "3rd of March"
    ("29 February", "2024", date(2024, 2, 29)),  # a leap year
]
# fmt: on


@pytest.mark.parametrize(("day_month", "year", "expected"), NO_YEAR)
def test_a_date_without_its_year_asks_for_the_year(day_month: str, year: str, expected: date) -> None:
    state = start(about="officer").answer("no").answer(day_month)
    question = state.next_question()
    assert question is not None and question.kind == "year" and question.fact == "incident_date"
    assert day_month.split()[-1] in question.text and "which year" in question.text
    assert state.facts.incident_date is None
    state = state.answer(year)
    assert state.facts.incident_date == expected
    assert state.next_question().id != "incident_date"  # type: ignore[union-attr]


def test_a_bad_year_is_asked_again_and_29_february_needs_a_leap_year() -> None:
    state = start(about="officer").answer("no").answer("29 February")
    with pytest.raises(AnswerError, match="year in full"):
        state.answer("26")
    with pytest.raises(AnswerError, match="28 days"):  # 2025 is not a leap year
        state.answer("2025")


def test_the_year_question_in_the_loop_reads_the_date_back() -> None:
    screen = io.StringIO()
    state = run_interview(start(about="officer"), io.StringIO("no\n14th March\n2026\n"), screen)
    assert "14 March of which year?" in screen.getvalue()
    assert "Read as Saturday 14 March 2026." in screen.getvalue()
    assert state.facts.incident_date == date(2026, 3, 14)


def test_i_asked_for_a_review_and_im_waiting() -> None:
    # RULES.md s.6: review_request_date known, review_decision_date not: wait-for-review-decision
    given = start(
        about="officer", incident_date="2026-01-10", complaint_date="2026-02-02", schedule3="yes",
        outcome_date="2026-11-03", investigation="mps",
    )  # fmt: skip
    state = play(given, "", "1")  # received the same day; the letter names MOPAC
    question = state.next_question()
    assert question is not None and question.id == "reviewed"
    assert "I asked for a review and I'm waiting" in question_text(question)
    state = state.answer("2")
    question = state.next_question()
    assert question is not None and question.id == "review_request_date"
    state = state.answer("10 November 2026")
    assert state.facts.review_request_date == date(2026, 11, 10)
    planned = plan_route(state.facts)
    assert planned.now.id == "wait-for-review-decision" and planned.deadlines_of(planned.now) == ()
    assert planned.step("request-review").status == "done"  # type: ignore[union-attr]


def test_mopac_staff_are_asked_about_mopacs_stages() -> None:
    # seed 003: Stage 1, then Stage 2 (Head of Workforce and Professional Standards), then Stage 3 (the CEO)
    state = play(start(), "4", "yes", "", "2026-05-02", "yes", "2026-06-01")
    question = state.next_question()
    while question is not None and question.id != "mopac_stage":
        assert question.id not in ("schedule3", "investigation", "review_body", "reviewed")  # police questions
        state = state.answer("")
        question = state.next_question()
    assert question is not None
    state = state.answer("3")  # yes, with the Stage 2 answer
    question = state.next_question()
    assert question is not None and question.id == "stage2_answer_date" and "Stage 2" in question.text
    state = state.answer("1 July 2026")
    assert state.facts.review_decision_date == date(2026, 7, 1)
    assert plan_route(state.facts).now.id == "mopac-stage-3"


def test_every_about_value_is_a_choice_and_defined() -> None:
    # issue 10 point 6: every --about value defined in --ask (and in --help: FACT_HELP)
    from escalate.engine.facts import FACT_HELP, About

    question = next(q for q in QUESTIONS if q.id == "about")
    values = {choice.value for choice in question.choices} - {None}
    assert values == {member.value for member in About}
    senior = next(choice for choice in question.choices if choice.value == "senior-officer")
    assert "above chief superintendent" in senior.label and "Commander" in senior.label  # PRA 2002 s.29; legal.md 10
    officer = next(choice for choice in question.choices if choice.value == "officer")
    assert "up to the rank of chief superintendent" in officer.label
    for member in About:
        assert member.value in FACT_HELP["about"]
    assert "above the rank of chief superintendent" in FACT_HELP["about"]


class Interrupting(FakeTerminal):
    """A person who types these lines, then presses Ctrl-C."""

    def __init__(self, *lines: str) -> None:
        super().__init__()
        self.lines = iter(lines)

    def readline(self, size: int | None = -1) -> str:
        line = next(self.lines, None)
        if line is None:
            raise KeyboardInterrupt
        return line


@pytest.mark.parametrize(
    ("lines", "lost"),
    [
        (("1\n",), "your 1 answer so far was not kept"),
        (("1\n", "no\n", "10 January 2026\n"), "your 2 answers so far were not kept"),
    ],
)
def test_ctrl_c_says_what_was_lost(monkeypatch: pytest.MonkeyPatch, lines: tuple[str, ...], lost: str) -> None:
    code, out, err = run_main(monkeypatch, ["route", "--ask", "--today", "2026-11-21"], Interrupting(*lines))
    assert code == 130 and out == ""
    assert f"Stopped: {lost} and nothing was worked out or saved." in err
    assert err.endswith("escalate: error: interrupted\n")


def test_ctrl_c_gives_the_answers_as_options_to_type_again(monkeypatch: pytest.MonkeyPatch) -> None:
    _, _, err = run_main(
        monkeypatch,
        ["route", "--ask", "--today", "2026-11-21"],
        Interrupting("1\n", "no\n", "10 January 2026\n"),
    )
    assert "--about officer --incident-date 2026-01-10 --ask" in err
