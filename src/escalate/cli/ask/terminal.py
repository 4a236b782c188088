"""The loop of `escalate route --ask`: each needed question asked on a stream and its answer read from another
(so that tests drive it with a fake terminal; the command line calls it only when standard input is a
terminal), and what is said when it is stopped."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TextIO

from escalate.cli.ask.interview import AnswerError, Interview
from escalate.cli.ask.questions import DONT_KNOW, INTERNAL, Question
from escalate.law.dates import long_date

INTRO = (
    "A few questions about your complaint, in plain English. Answer with the number of a choice, or type a "
    "date (for example 3 November 2026). If you don't know, press Enter. Press Ctrl-C to stop."
)


def question_text(question: Question) -> str:
    """A question as it is shown: the wording, any hint, and its numbered choices."""
    lines = [question.text]
    if question.hint:
        lines.append(f"  ({question.hint})")
    if question.kind == "date":
        lines.append("  Type the date, or press Enter if you don't know.")
    elif question.kind == "year":
        lines.append("  Type the year, or press Enter if you don't know.")
    else:
        lines.extend(f"  {number}) {choice.label}" for number, choice in enumerate(question.choices, start=1))
    return "\n".join(lines)


def stopped_text(state: Interview, kept_in: str | None = None) -> str:
    """What is lost when the interview is stopped (Ctrl-C): nothing is worked out, and the answers are kept
    only when a case file was named for them (``kept_in``, from ``--save FILE``)."""
    given = state.as_options()
    count = sum(1 for name, value in state.answers if name not in INTERNAL and value is not None)
    if kept_in is not None:
        return (
            f"Stopped: your {count} answer{'s' if count != 1 else ''} so far {'are' if count != 1 else 'is'} "
            f"kept in {kept_in}, and nothing was worked out. To pick up where you left off, run: "
            f"escalate route --save {kept_in} --ask"
        )
    if not given:
        return "Stopped: no answers were given, and nothing was worked out or saved."
    return (
        f"Stopped: your {count} answer{'s' if count != 1 else ''} so far {'were' if count != 1 else 'was'} not kept "
        "and nothing was worked out or saved. To pick up where you left off, run escalate route again with: "
        + given
        + " --ask"
    )


def run_interview(
    interview: Interview,
    input_stream: TextIO,
    output_stream: TextIO,
    *,
    on_answer: Callable[[Interview], None] | None = None,
    kept_in: str | None = None,
) -> Interview:
    """Ask each needed question on ``output_stream`` and read the answers from ``input_stream``.

    At the end of input, the remaining questions are left unknown. Returns the final state. ``on_answer`` is
    told each state as it is reached, so that the case file named ``kept_in`` (``--save FILE``) keeps the
    answers given so far, even after Ctrl-C.
    """
    write = output_stream.write
    write(INTRO + "\n")
    state = interview
    while (question := state.next_question()) is not None:
        write("\n" + question_text(question) + "\n> ")
        output_stream.flush()
        try:
            line = input_stream.readline()
        except KeyboardInterrupt:
            write("\n" + stopped_text(state, kept_in) + "\n")  # what was lost; the one-line error follows
            output_stream.flush()
            raise
        if not line:
            write("\n(No more answers: the rest are treated as not known.)\n")
            break
        try:
            state = state.answer(line)
        except AnswerError as error:
            state = state.retried()
            if state.answered(question.key):
                write(f"{error} Taken as '{DONT_KNOW}'; on to the next question.\n")
            else:
                write(f"{error} Please try again.\n")
            continue
        if on_answer is not None:
            on_answer(state)
        value = state.said(question.key)
        if question.kind in ("date", "year") and value is not None:
            write(f"  Read as {long_date(date.fromisoformat(value))}.\n")
    write("\n")
    output_stream.flush()
    return state
