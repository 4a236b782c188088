"""The questions of `escalate route --ask`, as data: each one's words, its choices, the fact it sets and when
it is worth asking (only when its answer can change the route)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from escalate.engine.facts import NO_WORDS, YES_WORDS, About, Investigation, Schedule3
from escalate.engine.review import REGIME_2020_START

if TYPE_CHECKING:
    from escalate.cli.ask.interview import Interview

Kind = Literal["date", "choice", "year"]

DONT_KNOW = "I don't know"


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
        return None if self.id in INTERNAL else self.id

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


FACT_WORDS: Mapping[str, str] = {
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


# --- when each question is worth asking -----------------------------------------------------------------

INTERNAL = frozenset({"complained", "outcome", "reviewed", "mopac_stage", "under18", "prosecution_ended"})
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


def always(_: Interview) -> bool:
    return True


QUESTIONS: tuple[Question, ...] = (
    Question(
        "about",
        "Who is your complaint about?",
        "choice",
        always,
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
        always,
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
        always,
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
    Question("injury", "Were you injured, physically or mentally?", "choice", always, YES_NO),
    Question("detained", "Were you arrested or held by the police?", "choice", always, YES_NO),
    Question("prosecuted", "Were you charged with an offence or prosecuted?", "choice", always, YES_NO),
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
        always,
        hint="Press Enter if you have not asked, or you don't know.",
    ),
)
QUESTIONS_BY_ID: Mapping[str, Question] = {question.id: question for question in QUESTIONS}
