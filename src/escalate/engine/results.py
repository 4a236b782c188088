"""The results of the engine: a rule's dates for one trigger, a case's deadlines, warnings and report (frozen)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal, NamedTuple

from escalate.engine.facts import Facts, about_the_police
from escalate.engine.review import ReviewDecision, rules_label
from escalate.law.rules import Owner, Source, Strength

Status = Literal["passed", "at-risk", "due-soon", "open"]


DUE_SOON_DAYS = 14


DISCLAIMER = (
    "General information, not legal advice. For advice on your case: a solicitor who specialises in actions "
    "against the police, a law centre, Citizens Advice, Liberty's advice line, or INQUEST after a death."
)


class Calculation(NamedTuple):
    """The dates of one rule for one set of trigger facts, and how they were reached. Independent of today."""

    safe_date: date
    last_day: date
    latest_date: date
    steps: tuple[str, ...]
    notes: tuple[str, ...] = ()
    beyond_horizon: bool = False
    """A date the roll-forward depends on lies after the last year of the GOV.UK bank-holiday list."""
    christmas_unknown: bool = False
    """A court date falls in a Christmas period whose extra court closures are not known."""


@dataclass(frozen=True, slots=True)
class Deadline:
    """One deadline of one case, ready to show: the three dates, its status today, and its explanation."""

    id: str
    title: str
    action: str
    owner: Owner
    body: str
    trigger: str
    trigger_date: date
    period: str
    safe_date: date
    last_day: date
    latest_date: date
    days_left: int
    status: Status
    strength: Strength
    source: Source
    steps: tuple[str, ...]
    notes: tuple[str, ...]
    cite: str = ""
    """A short citation for tables."""

    def as_dict(self) -> dict[str, Any]:
        """The JSON form (README, 'JSON interface'): ISO dates, plain strings."""
        return {
            "id": self.id,
            "title": self.title,
            "action": self.action,
            "owner": self.owner.value,
            "body": self.body,
            "trigger": self.trigger,
            "trigger_date": self.trigger_date.isoformat(),
            "period": self.period,
            "safe_date": self.safe_date.isoformat(),
            "last_day": self.last_day.isoformat(),
            "latest_date": self.latest_date.isoformat(),
            "days_left": self.days_left,
            "status": self.status,
            "strength": self.strength.value,
            "source": {"citation": self.source.citation, "url": self.source.url},
            "steps": list(self.steps),
            "notes": list(self.notes),
        }


class CaseWarning(NamedTuple):
    """Something the person must know that is not a date: a stable id and a plain-English text."""

    id: str
    text: str

    def as_dict(self) -> dict[str, str]:
        return {"id": self.id, "text": self.text}


@dataclass(frozen=True, slots=True, eq=False)
class Report:
    """Every deadline the facts allow, soonest safe date first, with the warnings that go with them."""

    facts: Facts
    regime: Literal["2020", "2012"]
    review: ReviewDecision
    deadlines: tuple[Deadline, ...]
    warnings: tuple[CaseWarning, ...]
    disclaimer: str = DISCLAIMER
    only: frozenset[str] | None = None
    """The rule ids asked for (``compute_deadlines``'s ``only``; None: every rule)."""
    _index: dict[str, Deadline] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", {deadline.id: deadline for deadline in self.deadlines})

    @property
    def today(self) -> date:
        return self.facts.today

    @property
    def rules_label(self) -> str:
        """The complaint rules the case is under, for a header ('2020 complaint rules')."""
        return rules_label(self.facts.about, self.regime)

    def by_id(self, rule_id: str) -> Deadline | None:
        return self._index.get(rule_id)

    def as_dict(self) -> dict[str, Any]:
        """The JSON document of `escalate deadlines --format json`."""
        return {
            "today": self.today.isoformat(),
            "regime": self.regime if about_the_police(self.facts.about) else None,  # (MOPAC staff, the Mayor: neither)
            "facts": self.facts.as_dict(),
            "deadlines": [deadline.as_dict() for deadline in self.deadlines],
            "warnings": [warning.as_dict() for warning in self.warnings],
            "disclaimer": self.disclaimer,
        }
