"""`escalate route --ask`: plain-English questions for someone who has never heard of Schedule 3.

The questions are data, and the interview is a pure state machine: ``Interview.next_question()`` says what
to ask given what is known so far (only the questions whose answer can change the route), and
``Interview.answer(text)`` returns the next state or raises ``AnswerError`` with a message to show before
asking again. Every question has an "I don't know" answer; an unknown fact stays unknown and the route says
what it assumed. ``run_interview`` is the thin loop that reads and writes streams, so that tests can drive it
with a fake terminal; the command line calls it only when standard input is a terminal.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Literal, TextIO

from escalate.engine.facts import NO_WORDS, UNKNOWN_WORDS, YES_WORDS, About, Facts, Investigation, Schedule3
from escalate.engine.review import REGIME_2020_START
from escalate.errors import DateFormatError, EscalateError, InputError
from escalate.law.dates import EARLIEST_YEAR, LATEST_YEAR, MONTHS, long_date, parse_date, parse_day_month

Kind = Literal["date", "choice", "year"]

DONT_KNOW = "I don't know"
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
class Choice:
    """One answer to a multiple-choice question."""

    label: str
    value: str | None
    """The fact's value as text (as on the command line); None for "I don't know"."""
    words: tuple[str, ...] = ()
    """Words accepted besides the choice's number (lower case)."""


@dataclass(frozen=True, slots=True)
class Question:
    """One question: its wording, what it sets, and when it is worth asking."""

    id: str
    """A fact name for questions that set a fact; otherwise a name of the interview's own (``complained``)."""
    text: str
    kind: Kind
    needed: Callable[[Interview], bool]
    choices: tuple[Choice, ...] = ()
    hint: str = ""
    sets: str | None = None
    """The fact this question sets, where it is not its id (two questions worded for different people can
    set one fact: the date of a review request, or of the request for MOPAC's Stage 2)."""

    @property
    def fact(self) -> str | None:
        if self.sets is not None:
            return self.sets
        return None if self.id in _INTERNAL else self.id

    @property
    def key(self) -> str:
        """What the answer is kept under: the fact it sets, or the question's own id."""
        return self.fact or self.id


YES = tuple(sorted(YES_WORDS - {"1"}))
NO = tuple(sorted(NO_WORDS))
"""Every spelling of yes and no that RULES.md section 1 reads, as on the command line and in batch ("1" is
the first choice, which is yes; "0" is no)."""
YES_NO: tuple[Choice, ...] = (
    Choice("Yes", "yes", YES),
    Choice("No", "no", NO),
    Choice(DONT_KNOW, None),
)


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
            if name not in _INTERNAL and value is not None:
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
            if name not in _INTERNAL and answer is not None:
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
            if name not in _INTERNAL and value is not None:
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


_FACT_WORDS: Mapping[str, str] = {
    "incident_date": "the date it happened",
    "complaint_date": "the date you complained",
    "last_update_date": "the date of the last update",
    "outcome_date": "the date on the outcome letter",
    "outcome_received_date": "the date the outcome reached you",
    "review_request_date": "the date you asked for the review",
    "review_decision_date": "the date on the review decision",
    "knowledge_date": "the date you knew of the injury",
    "date_of_birth": "your date of birth",
    "prosecution_end_date": "the date the prosecution ended",
    "sar_date": "the date of your request",
    "schedule3": "the answer about recording",
    "investigation": "the answer about who investigated",
}


def _year_question(partial: tuple[str, int, int]) -> Question:
    """The question for the year of a date given without one (RULES.md s.1: never guessed)."""
    question_id, day, month = partial
    question = QUESTIONS_BY_ID[question_id]
    return Question(
        question_id,
        f"{day} {MONTHS[month - 1]} of which year?",
        "year",
        _always,
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
        message = message.replace("{" + fact + "}", _FACT_WORDS.get(fact, fact.replace("_", " ")))
    return message[0].upper() + message[1:] + "."


# --- when each question is worth asking -----------------------------------------------------------------

_INTERNAL = frozenset({"complained", "outcome", "reviewed", "mopac_stage", "under18", "prosecution_ended"})
_POLICE = (About.OFFICER, About.STAFF, About.SENIOR_OFFICER, About.COMMISSIONER)


def _complained(state: Interview) -> bool:
    f = state.facts
    return state.said("complained") == "yes" or any(
        (
            f.complaint_date,
            f.last_update_date,
            f.outcome_date,
            f.outcome_received_date,
            f.review_request_date,
            f.review_decision_date,
            f.schedule3 is not Schedule3.UNKNOWN,
            f.investigation is not Investigation.UNKNOWN,
            f.review_body,
        )
    )


def _has_outcome(state: Interview) -> bool:
    f = state.facts
    return (
        state.said("outcome") == "yes"
        or f.outcome_date is not None
        or f.review_request_date is not None
        or f.review_decision_date is not None
    )


def _review_possible(state: Interview) -> bool:
    f = state.facts
    return (
        f.about in _POLICE
        and f.schedule3 is not Schedule3.NO
        and f.investigation not in (Investigation.IOPC, Investigation.IOPC_DIRECTED)
    )


def _iopc_grounds_open(state: Interview) -> bool:
    """Whether the review body still turns on the yes/no grounds of reg 4 (RULES.md s.6, 'Who reviews')."""
    f = state.facts
    if not (_complained(state) and _review_possible(state)) or f.review_body is not None:
        return False
    if f.complaint_date is not None and f.complaint_date < REGIME_2020_START:
        return False  # 2012 rules: the appeal body is the one the letter names
    if f.about in (About.COMMISSIONER, About.SENIOR_OFFICER):
        return False  # already the IOPC
    return not any((f.death_or_serious_injury, f.serious_allegation, f.discrimination, f.referred_to_iopc))


def _always(_: Interview) -> bool:
    return True


QUESTIONS: tuple[Question, ...] = (
    Question(
        "about",
        "Who is your complaint about?",
        "choice",
        _always,
        (
            Choice(
                "A police officer of the Metropolitan Police, up to the rank of chief superintendent "
                "(including special constables)",
                "officer",
            ),
            Choice(
                "A senior officer: above chief superintendent, which in the Met means a Commander, Deputy "
                "Assistant Commissioner, Assistant Commissioner or the Deputy Commissioner",
                "senior-officer",
            ),
            Choice("The Commissioner (the head of the Metropolitan Police)", "commissioner"),
            Choice("Someone who works for MOPAC, the Mayor's Office for Policing and Crime", "mopac-staff"),
            Choice("The Mayor of London, or the Deputy Mayor for Policing and Crime", "mayor"),
            Choice(
                "Someone else who works for the Metropolitan Police (police staff, such as a PCSO, a "
                "detention officer or a call handler)",
                "staff",
            ),
            Choice(DONT_KNOW, None),
        ),
    ),
    Question(
        "complained",
        "Have you already made a complaint about it?",
        "choice",
        lambda s: not _complained(s),
        YES_NO,
    ),
    Question(
        "incident_date",
        "On what date did it happen?",
        "date",
        _always,
        hint="If it went on over a period, give its last day.",
    ),
    Question("complaint_date", "On what date did you make the complaint?", "date", _complained),
    Question(
        "schedule3",
        "Did the police write to you saying your complaint had been 'recorded'?",
        "choice",
        lambda s: _complained(s) and s.facts.about in _POLICE,
        (
            Choice("Yes, they said it was recorded", "yes", ("y", "yes")),
            Choice(
                "No: they said they would deal with it informally, or 'outside Schedule 3', without recording it",
                "no",
                ("n", "no"),
            ),
            Choice(DONT_KNOW, None),
        ),
    ),
    Question(
        "outcome",
        "Have you had a letter telling you the outcome of your complaint?",
        "choice",
        lambda s: _complained(s) and not _has_outcome(s),
        YES_NO,
    ),
    Question("outcome_date", "What date is written on the outcome letter?", "date", _has_outcome),
    Question(
        "outcome_received_date",
        "On what date did the outcome letter reach you?",
        "date",
        lambda s: s.facts.outcome_date is not None and s.facts.review_decision_date is None,
        hint="Press Enter if it came the same day, or you don't know.",
    ),
    Question(
        "last_update_date",
        "When did the police last tell you how your complaint is going?",
        "date",
        lambda s: _complained(s) and s.said("outcome") == "no",
    ),
    Question(
        "investigation",
        "Who looked into your complaint?",
        "choice",
        lambda s: _has_outcome(s) and s.facts.about in _POLICE and s.facts.schedule3 is not Schedule3.NO,
        (
            Choice("The police themselves (the Met's complaint handlers)", "mps"),
            Choice("The police, but under the direction of the IOPC", "iopc-directed"),
            Choice("The IOPC (Independent Office for Police Conduct) itself", "iopc"),
            Choice(
                "No one investigated: it was dealt with another way, such as an explanation",
                "not-investigated",
            ),
            Choice(DONT_KNOW, None),
        ),
    ),
    Question(
        "review_body",
        "Does the outcome letter say who to ask for a review (or an appeal)?",
        "choice",
        lambda s: _has_outcome(s) and _review_possible(s),
        (
            Choice("Yes: MOPAC (the Mayor's Office for Policing and Crime)", "mopac", ("mopac",)),
            Choice("Yes: the IOPC (Independent Office for Police Conduct)", "iopc", ("iopc",)),
            Choice("It doesn't say, or I don't know", None),
        ),
    ),
    Question(
        "reviewed",
        "Have you already asked for a review (or appeal) of the outcome?",
        "choice",
        lambda s: (
            _has_outcome(s)
            and _review_possible(s)
            and s.facts.review_decision_date is None
            and s.facts.review_request_date is None
        ),
        (
            Choice("No, not yet", "no", NO),
            Choice("I asked for a review and I'm waiting", "waiting", ("waiting",)),
            Choice("Yes, and I have had the decision", "yes", YES),
            Choice(DONT_KNOW, None),
        ),
    ),
    Question(
        "review_request_date",
        "On what date did you ask for the review (or appeal)?",
        "date",
        lambda s: s.said("reviewed") == "waiting",
    ),
    Question(
        "review_decision_date",
        "What date is written on the review decision letter?",
        "date",
        lambda s: s.said("reviewed") == "yes",
    ),
    # MOPAC's three stages, for a complaint about its staff (seed 003; RULES.md s.6)
    Question(
        "mopac_stage",
        "Have you asked MOPAC to take your complaint to Stage 2 (an investigation by its Head of Workforce "
        "and Professional Standards)?",
        "choice",
        lambda s: (
            s.facts.about is About.MOPAC_STAFF
            and _has_outcome(s)
            and s.facts.review_request_date is None
            and s.facts.review_decision_date is None
        ),
        (
            Choice("No, not yet", "no", NO),
            Choice("Yes, and I'm waiting for the Stage 2 answer", "waiting", ("waiting",)),
            Choice("Yes, and I have had the Stage 2 answer", "yes", YES),
            Choice(DONT_KNOW, None),
        ),
    ),
    Question(
        "stage2_request_date",
        "On what date did you ask for Stage 2?",
        "date",
        lambda s: s.said("mopac_stage") == "waiting",
        sets="review_request_date",
    ),
    Question(
        "stage2_answer_date",
        "What date is on MOPAC's Stage 2 answer?",
        "date",
        lambda s: s.said("mopac_stage") == "yes",
        sets="review_decision_date",
    ),
    Question(
        "discrimination",
        "Do you think the police treated you this way because of your race, sex, disability, religion, "
        "sexual orientation, age or another protected characteristic?",
        "choice",
        _always,
        YES_NO,
    ),
    Question(
        "death_or_serious_injury",
        "Did what the police did (or failed to do) lead to someone's death or serious injury?",
        "choice",
        _iopc_grounds_open,
        YES_NO,
    ),
    Question(
        "serious_allegation",
        "Does your complaint say an officer committed a crime, or misconduct serious enough for disciplinary "
        "action (for example a serious assault, a sexual offence or corruption)?",
        "choice",
        _iopc_grounds_open,
        YES_NO,
    ),
    Question(
        "referred_to_iopc",
        "Did the police tell you they had referred your complaint to the IOPC?",
        "choice",
        _iopc_grounds_open,
        YES_NO,
    ),
    Question("injury", "Were you injured, physically or mentally?", "choice", _always, YES_NO),
    Question("detained", "Were you arrested or held by the police?", "choice", _always, YES_NO),
    Question("prosecuted", "Were you charged with an offence or prosecuted?", "choice", _always, YES_NO),
    Question(
        "prosecution_end_date",
        "If the case against you ended in your favour (found not guilty, or dropped), on what date?",
        "date",
        lambda s: s.facts.prosecuted is True,
        hint="Press Enter if it has not ended in your favour, or you don't know.",
    ),
    Question(
        "under18",
        "Were you under 18 when it happened?",
        "choice",
        lambda s: s.facts.incident_date is not None or s.facts.prosecution_end_date is not None,
        YES_NO,
        hint="It matters for the time limits of court claims.",
    ),
    Question("date_of_birth", "What is your date of birth?", "date", lambda s: s.said("under18") == "yes"),
    Question(
        "sar_date",
        "Have you asked the police for copies of your records (a 'subject access request')? If so, on what "
        "date did they receive it?",
        "date",
        _always,
        hint="Press Enter if you have not asked, or you don't know.",
    ),
)
QUESTIONS_BY_ID: Mapping[str, Question] = {question.id: question for question in QUESTIONS}


# --- the loop ---------------------------------------------------------------------------------------------

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
    count = sum(1 for name, value in state.answers if name not in _INTERNAL and value is not None)
    if kept_in is not None:
        return (
            f"Stopped: your {count} answer{'s' if count != 1 else ''} so far {'are' if count != 1 else 'is'} "
            f"kept in {kept_in}, and nothing was worked out. To pick up where you left off, run: "
            f"escalate route --save {kept_in} --ask"
        )
    if not given:
        return "Stopped: no answers were given, and nothing was worked out or saved."
    return (
        f"Stopped: your {count} answer{'s' if count != 1 else ''} so far were not kept and nothing was worked "
        "out or saved. To pick up where you left off, run escalate route again with: " + given + " --ask"
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
