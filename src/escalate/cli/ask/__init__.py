"""`escalate route --ask`: plain-English questions for someone who has never heard of Schedule 3.

The questions are data, and the interview is a pure state machine: ``Interview.next_question()`` says what
to ask given what is known so far (only the questions whose answer can change the route), and
``Interview.answer(text)`` returns the next state or raises ``AnswerError`` with a message to show before
asking again. Every question has an "I don't know" answer; an unknown fact stays unknown and the route says
what it assumed. ``run_interview`` is the thin loop that reads and writes streams, so that tests can drive it
with a fake terminal; the command line calls it only when standard input is a terminal.

The parts: ``questions`` (the questions as data: their words, choices and when each is worth asking),
``interview`` (the state machine: reading an answer, moving on) and ``terminal`` (the loop that asks them).
"""

from __future__ import annotations

from escalate.cli.ask.interview import MAX_TRIES, AnswerError, Interview
from escalate.cli.ask.questions import DONT_KNOW, QUESTIONS, QUESTIONS_BY_ID, Choice, Question
from escalate.cli.ask.terminal import INTRO, question_text, run_interview, stopped_text

__all__ = [
    "DONT_KNOW",
    "INTRO",
    "MAX_TRIES",
    "QUESTIONS",
    "QUESTIONS_BY_ID",
    "AnswerError",
    "Choice",
    "Interview",
    "Question",
    "question_text",
    "run_interview",
    "stopped_text",
]
