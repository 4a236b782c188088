"""The interview of `escalate route --ask` as a pure state machine: ``Interview.next_question()`` says what to ask
given what is known so far, and ``Interview.answer(text)`` returns the next state or raises ``AnswerError`` with
a message to show before asking again."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from escalate.cli.ask.questions import FACT_WORDS, INTERNAL, QUESTIONS, QUESTIONS_BY_ID, Question, always
from escalate.engine.facts import UNKNOWN_WORDS, Facts
from escalate.errors import DateFormatError, EscalateError, InputError
from escalate.law.dates import EARLIEST_YEAR, LATEST_YEAR, MONTHS, parse_date, parse_day_month

_DONT_KNOW_WORDS = frozenset(
    {
        "",
        "?",
        "0",
        "dk",
        "don't know",
        "dont know",
        "i don't know",
        "i dont know",
        "not sure",
        "unknown",
        "skip",
        *UNKNOWN_WORDS,
    }
)
MAX_TRIES = 3
"""After this many answers that cannot be used, the question is taken as "I don't know"."""


class AnswerError(EscalateError):
    """An answer that cannot be used; the message says why, in words for the person answering."""


@dataclass(frozen=True, slots=True)
class Interview:
    """What is known so far: the facts given on the command line, and the answers in the order given."""

    today: date
    given: tuple[tuple[str, str], ...]
    answers: tuple[tuple[str, str | None], ...]
    facts: Facts
    tries: int = 0
    partial: tuple[str, int, int] | None = None
    """A date answered without its year: (the question's id, day, month); the next question asks the year."""

    @classmethod
    def start(cls, given: Mapping[str, str | None], *, today: date) -> Interview:
        """A new interview. Raises InputError if the facts given are already wrong or contradictory."""
        known = tuple((name, text) for name, text in given.items() if text is not None and text.strip())
        return cls(today, known, (), Facts.from_strings(dict(known), today=today))

    # --- reading the state ---

    def answered(self, question_id: str) -> bool:
        return any(name == question_id for name, _ in self.answers)

    def said(self, question_id: str) -> str | None:
        """The answer to a question, or None if not asked or not known."""
        return next((value for name, value in self.answers if name == question_id), None)

    def next_question(self) -> Question | None:
        """The next question worth asking, or None when the interview is over."""
        if self.partial is not None:
            return _year_question(self.partial)
        given = {name for name, _ in self.given}
        for question in QUESTIONS:
            if question.key in given or self.answered(question.key):
                continue
            if question.needed(self):
                return question
        return None

    def fact_text(self) -> dict[str, str | None]:
        """Every fact known, as text: the ones given and the ones answered (unknown answers left out)."""
        result: dict[str, str | None] = dict(self.given)
        for name, value in self.answers:
            if name not in INTERNAL and value is not None:
                result[name] = value
        return result

    def unknown(self) -> tuple[str, ...]:
        """The questions answered "I don't know", in order."""
        return tuple(name for name, value in self.answers if value is None)

    # --- moving on ---

    def answer(self, text: str) -> Interview:
        """The state after answering the current question with ``text``; AnswerError if it cannot be used."""
        question = self.next_question()
        if question is None:
            raise AnswerError("there is no question to answer")
        if question.kind == "year" and self.partial is not None:
            return self._with(question.key, _read_year(self.partial, text))
        if question.kind == "date" and _key(text) not in _DONT_KNOW_WORDS:
            day_month = parse_day_month(text)
            if day_month is not None:
                # "14th March": the year is asked for, rather than guessed.
                return Interview(self.today, self.given, self.answers, self.facts, 0, (question.id, *day_month))
        return self._with(question.key, _read(question, text))

    def give_up(self) -> Interview:
        """Leave the current question unknown (after too many unreadable answers, or at end of input)."""
        question = self.next_question()
        return self if question is None else self._with(question.key, None)

    def _with(self, question_id: str, value: str | None) -> Interview:
        answers = (*self.answers, (question_id, value))
        text = dict(self.given)
        for name, answer in answers:
            if name not in INTERNAL and answer is not None:
                text[name] = answer
        try:
            facts = Facts.from_strings(text, today=self.today)
        except InputError as error:
            raise AnswerError(_in_words(error)) from None
        return Interview(self.today, self.given, answers, facts)

    def retried(self) -> Interview:
        """The state after an answer that could not be used: the same question again, or, after
        ``MAX_TRIES`` such answers, the question left unknown and the next one."""
        if self.tries + 1 >= MAX_TRIES:
            return self.give_up()
        return Interview(self.today, self.given, self.answers, self.facts, self.tries + 1, self.partial)

    def as_options(self) -> str:
        """The answers given so far, as command-line options (to type again after an interruption)."""
        parts = []
        for name, value in self.answers:
            if name not in INTERNAL and value is not None:
                parts.append(f"--{name.replace('_', '-')} {value}")
        return " ".join(parts)


def _key(text: str) -> str:
    return " ".join(text.strip().lower().replace("’", "'").split())


def _read(question: Question, text: str) -> str | None:
    key = _key(text)
    if question.kind == "date":
        if key in _DONT_KNOW_WORDS:
            return None
        try:
            return parse_date(text).isoformat()
        except DateFormatError as error:
            raise AnswerError(f"That is not a date escalate can read ({error}).") from None
    for number, choice in enumerate(question.choices, start=1):
        if key == str(number) or key in choice.words or key == choice.label.lower():
            return choice.value
    if key in _DONT_KNOW_WORDS:
        return None
    raise AnswerError(f"Please answer with a number from 1 to {len(question.choices)}.")


def _year_question(partial: tuple[str, int, int]) -> Question:
    """The question for the year of a date given without one (RULES.md s.1: never guessed)."""
    question_id, day, month = partial
    question = QUESTIONS_BY_ID[question_id]
    return Question(
        question_id,
        f"{day} {MONTHS[month - 1]} of which year?",
        "year",
        always,
        hint="Type the year in full, for example 2026.",
        sets=question.fact,
    )


def _read_year(partial: tuple[str, int, int], text: str) -> str | None:
    key = _key(text)
    if key in _DONT_KNOW_WORDS:
        return None
    _, day, month = partial
    if not (key.isascii() and key.isdigit() and len(key) == 4 and EARLIEST_YEAR <= int(key) <= LATEST_YEAR):
        raise AnswerError(
            f"Please type the year in full, for example 2026 (between {EARLIEST_YEAR} and {LATEST_YEAR})."
        )
    try:
        return parse_date(f"{day} {MONTHS[month - 1]} {key}").isoformat()
    except DateFormatError as error:
        raise AnswerError(f"That is not a date escalate can read ({error}).") from None


def _in_words(error: InputError) -> str:
    """An InputError as a sentence for the person answering (facts named in words, not as options)."""
    message = error.template
    for fact in error.facts:
        message = message.replace("{" + fact + "}", FACT_WORDS.get(fact, fact.replace("_", " ")))
    return message[0].upper() + message[1:] + "."
