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
            assert question.id in DATE_FACTS
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
    with pytest.raises(AnswerError, match="number from 1 to 6"):
        start().answer("7")


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
    # the prompt line is ended, then one line says why escalate stopped
    assert err.endswith("> \nescalate: error: interrupted\n")
