"""What a caseload works out for a row, and the pieces it keeps to work each thing out once: a rule group's
deadlines for one trigger, a plan for one shape of facts, and the answer itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from sys import intern
from typing import Any, NamedTuple

from escalate.engine.calculate import DeadlineDates, calculation_inputs, deadline_dates, sar_law_for, status_of
from escalate.engine.facts import SarLaw
from escalate.law.rules import RULES, WHILE_OPEN, Owner, Rule


def csv_cell(cell: str) -> str:
    """One cell as CSV text, quoted only where it must be (as ``csv.writer`` quotes by default)."""
    if "," in cell or '"' in cell or "\n" in cell or "\r" in cell:
        return '"' + cell.replace('"', '""') + '"'
    return cell


ACTIONS: dict[str, str] = {rule.id: rule.action for rule in RULES}
"""What to do for each rule's deadline, in words (``next_action``)."""
_ACTION_CELLS: dict[str, str] = {rule_id: csv_cell(action) for rule_id, action in ACTIONS.items()}


_YOU = Owner.YOU
"""(By module name: on Python 3.11 looking a member up on its enum class costs about 0.2 microseconds.)"""

URGENT_STATUSES: frozenset[str] = frozenset({"due-soon", "at-risk"})

HIDDEN = ",,,,"
"""The cells of a deadline that is not shown: five empty cells."""


class Part(NamedTuple):
    """What one deadline adds to a row, when more than its cells: when it is one of the complainant's that
    has not passed (it can be the soonest, and urgent), or calls for a calculation's warning. Every other
    deadline adds its five cells alone, and is kept as that text (a ``str``), at half the size.

    The cells as CSV text, the calculations' warnings (as bits of
    ``escalate.caseload.caseload.CALCULATION_WARNINGS``), whether it is the complainant's and not passed,
    whether it is due within 14 days or at risk, its safe date and rule (to find the soonest), and, for the
    soonest, its rule, safe date and action as CSV text."""

    text: str
    warnings: int
    mine: bool
    urgent: bool
    key: tuple[date, str]
    next_csv: str


def part_of(rule: Rule, safe: date, last: date, latest: date, calc_warnings: int, today: date) -> Part | str:
    """What one deadline adds to a row (``Part``, or its cells alone): nothing for a rule shown only while
    not passed (``Rule.while_open``) that has passed, as ``compute_deadlines`` leaves it out."""
    days_left, status = status_of(safe, latest, today)
    if status == "passed" and rule.while_open:
        return HIDDEN
    # Interned: rules whose periods end alike give the same cells, and a caseload keeps every rule's cells for
    # each day of the years it covers (``caches.RuleParts``), so one string serves them all (a quarter as many).
    # The three dates are often the same day: each is written once (isoformat costs more than comparing).
    safe_text = safe.isoformat()
    last_text = safe_text if last == safe else last.isoformat()
    latest_text = last_text if latest == last else latest.isoformat()
    text = intern(f"{safe_text},{last_text},{latest_text},{status},{days_left}")
    mine = status != "passed" and rule.owner is _YOU
    if not mine and not calc_warnings:
        return text
    return Part(
        text,
        calc_warnings,
        mine,
        status in URGENT_STATUSES,
        (safe, rule.id),
        f"{rule.id},{safe_text},{_ACTION_CELLS[rule.id]}" if mine else "",
    )


class Evaluated:
    """A group's deadlines for one trigger date (and date of birth, and date received, where they matter),
    with what they add to a row together.

    Compact, because a caseload keeps many thousands of them: the cells as text and what a CSV row needs;
    the deadlines themselves, which only JSON and the library read, are worked out again from the engine
    (``engine.deadline_dates``) when asked for."""

    __slots__ = (
        "born",
        "received",
        "rules",
        "sar_law",
        "soonest_at",
        "soonest_csv",
        "soonest_key",
        "texts",
        "today",
        "trigger",
        "urgent",
        "warnings",
    )

    def __init__(
        self,
        rules: tuple[Rule, ...],
        when: tuple[date, date | None, date | None, date],
        sar_law: SarLaw,
        parts: list[Part | str],
    ) -> None:
        self.rules = rules
        self.trigger, self.born, self.received, self.today = when
        self.sar_law = sar_law
        soonest: Part | None = None
        soonest_at = -1
        urgent = warnings = 0
        texts = []
        for index, part in enumerate(parts):
            if isinstance(part, str):
                texts.append(part)
                continue
            texts.append(part.text)
            warnings |= part.warnings
            if part.mine:
                urgent += part.urgent
                if soonest is None or part.key < soonest.key:
                    soonest, soonest_at = part, index
        self.texts = tuple(texts)
        """Each deadline's five cells as CSV text."""
        self.soonest_at = soonest_at
        """Where the soonest of the complainant's deadlines that has not passed is among ``rules`` (-1: none)."""
        self.urgent = urgent
        """How many of the complainant's deadlines are due within 14 days or at risk."""
        self.warnings = warnings
        """The calculations' warnings, as bits of ``escalate.caseload.caseload.CALCULATION_WARNINGS``."""
        self.soonest_key = soonest.key if soonest is not None else None
        self.soonest_csv = soonest.next_csv if soonest is not None else ",,"

    @property
    def deadlines(self) -> tuple[DeadlineDates, ...]:
        """One for each rule of the group, in its order: the engine's, worked out again (cached there)."""
        return tuple(
            deadline_dates(
                rule.id,
                self.trigger,
                *calculation_inputs(rule, self.trigger, self.born, self.received),
                self.today,
                sar_law_for(rule, self.sar_law),
            )
            for rule in self.rules
        )

    @property
    def soonest(self) -> DeadlineDates | None:
        """The soonest of the complainant's deadlines that has not passed."""
        return self.deadlines[self.soonest_at] if self.soonest_at >= 0 else None


Found = Evaluated | tuple[str, ...]
"""A group's deadlines for one trigger date: an ``Evaluated``, or, when every deadline adds its cells alone
(``answer.Part``: none is the complainant's and open, none calls for a warning), the cells alone, at a
fraction of the size and cost (``caches.GroupDeadlines``)."""


class Group(NamedTuple):
    """Rules whose clocks start from the same facts, in one plan."""

    position: int
    """Where the fact that starts the clock is among the row's dates; -1 when it is the latest of several."""
    positions: tuple[int, ...]
    """Where the facts that can start the clock are among the row's dates."""
    names: tuple[str, ...]
    rules: tuple[Rule, ...]
    slots: tuple[int, ...]
    """Each rule's place among the caseload's rules."""
    children: bool
    """Whether the group's rules have the s.28 rule for children (then the date of birth can matter)."""
    review_rule: Rule | None
    """``review-request``, if in the group (the date the outcome was received can change it)."""
    sar_law: SarLaw
    """The law a subject access request is answered under, for the plans of this group (it changes the dates
    of ``subject-access`` only; ``UNKNOWN`` where the group has no such rule to change)."""
    evaluated: dict[Any, Found]
    """The group's deadlines by trigger date (or trigger, birth and received dates), shared by every plan
    with a group of the same rules."""
    parts: tuple[dict[date, Part | str], ...]
    """What each rule adds to a row by trigger date alone (``caseload.RuleParts``), shared by every group
    with the rule."""


class Step(NamedTuple):
    """How a row of a plan finds one group's deadlines."""

    position: int
    """Where the date that starts the group's clocks is among the row's dates; -1 when the latest of several
    dates starts the clock, or the date the outcome was received is known and can matter
    (``Caseload._special``). A date of birth that can matter is tested on the way (``born``)."""
    evaluated: dict[Any, Found] | dict[date, Part | str]
    """``group.evaluated``; for a group of one rule, that rule's cells by trigger date (``Group.parts``), where a
    ``Part`` (a deadline that adds more than its cells) stands for ``group.evaluated``'s entry for the date."""
    group: Group
    born: int
    """Where the date of birth is among the row's dates, when it is known and the group has the s.28 rule for
    children; else -1."""
    received: int
    """Where the date the outcome was received is, when it is known and can move the group's review request
    (not under the 2012 rules); else -1."""


class Rules(NamedTuple):
    """What the plans of rows that know the same dates (with the same ``Appearance`` and law of subject access)
    share: everything about their deadlines, worked out once for all of them."""

    order: tuple[tuple[int, int], ...]
    """(later, earlier) positions among the row's dates (``facts.DATE_ORDER``)."""
    groups: tuple[Group, ...]
    warnings: tuple[str, ...]
    """Warnings that depend on which dates are known."""
    arrange: Callable[[Sequence[str]], tuple[str, ...]]
    """``Plan.arrange``."""
    constants: tuple[str, ...]
    """What every row of these rules writes the same (``Plan.constants`` after the step)."""
    steps: tuple[tuple[Step, ...], tuple[Step, ...]]
    """``Plan.steps``: where the date the outcome was received can move the review request, and under the 2012
    rules, where it cannot."""
    review_request: tuple[int, int] | None
    """``Plan.review_request``."""


class Plan:
    """Everything about a row that depends on its facts other than the dates' values: which dates must
    come in which order, which rules appear and what starts their clocks, the route, some warnings.

    A slotted class, not a ``NamedTuple``: every row reads several of its attributes, and on Python 3.11 a
    slot is read in a fraction of the time of a named tuple's field."""

    __slots__ = (
        "arrange",
        "constants",
        "groups",
        "incident",
        "next_step",
        "next_step_title",
        "order",
        "review_body",
        "review_request",
        "route_warnings",
        "shape_warnings",
        "steps",
        "warning_texts",
        "warnings",
    )

    order: tuple[tuple[int, int], ...]
    """(later, earlier) positions among the row's dates (``facts.DATE_ORDER``)."""
    groups: tuple[Group, ...]
    steps: tuple[Step, ...]
    """How a row finds each group's deadlines, in the order of ``groups``."""
    shape_warnings: tuple[str, ...]
    """Warnings that depend on which dates are known."""
    route_warnings: tuple[str, ...]
    next_step: str
    review_body: str | None
    constants: tuple[str, ...]
    """What every row of the plan writes the same, as CSV: the next step, its title and the review body; then
    the pieces every row of its rules writes the same (the empty error, the empty cells of rules that do not
    appear: each run of them as one piece)."""
    arrange: Callable[[Sequence[str]], tuple[str, ...]]
    """From the groups' deadlines' texts, in group order, then the soonest deadline, the warnings in words,
    their ids with the line's end, the cells passed through as CSV text and the ``constants``, to the pieces
    of the row as CSV, in order: they are joined by commas."""
    warnings: dict[int, Warnings]
    """Every row's warnings, and as CSV text, by what the dates add (bits: the calculations' warnings,
    then late complaint, then a date in the future, then a late review request)."""
    incident: int
    """Where the incident's date is among the row's dates, when it is known and the complaint is about the
    police (only then can it be a late complaint); else -1."""
    review_request: tuple[int, int] | None
    """Where the outcome letter's and the review request's dates are among the row's dates, when both are
    known and the complaint is about the police (the warning ``late-review-request``)."""
    next_step_title: str
    """The next step in words (``Step.title``)."""
    warning_texts: dict[str, str] | None
    """The text of each warning a row of this plan can carry, by id."""

    def __init__(
        self,
        *,
        order: tuple[tuple[int, int], ...],
        groups: tuple[Group, ...],
        steps: tuple[Step, ...],
        shape_warnings: tuple[str, ...],
        route_warnings: tuple[str, ...],
        next_step: str,
        review_body: str | None,
        constants: tuple[str, ...],
        arrange: Callable[[Sequence[str]], tuple[str, ...]],
        warnings: dict[int, Warnings],
        incident: int = -1,
        review_request: tuple[int, int] | None = None,
        next_step_title: str = "",
        warning_texts: dict[str, str] | None = None,
    ) -> None:
        self.order = order
        self.groups = groups
        self.steps = steps
        self.shape_warnings = shape_warnings
        self.route_warnings = route_warnings
        self.next_step = next_step
        self.review_body = review_body
        self.constants = constants
        self.arrange = arrange
        self.warnings = warnings
        self.incident = incident
        self.review_request = review_request
        self.next_step_title = next_step_title
        self.warning_texts = warning_texts


class Warnings:
    """A row's warnings: their ids, in words, and both as CSV cells (slotted, as ``Plan`` is: every row reads
    two of them)."""

    __slots__ = ("ids", "ids_csv", "ids_end", "text", "text_csv")

    ids: tuple[str, ...]
    ids_csv: str
    text: str
    """Each warning's text, one after another."""
    text_csv: str
    ids_end: str
    """``ids_csv`` and the end of the line."""

    def __init__(self, ids: tuple[str, ...], ids_csv: str, text: str, text_csv: str, ids_end: str) -> None:
        self.ids = ids
        self.ids_csv = ids_csv
        self.text = text
        self.text_csv = text_csv
        self.ids_end = ids_end


NO_WARNINGS = Warnings((), "", "", "", "\n")


class Answer(NamedTuple):
    """What escalate adds to one row, before it is written as CSV or JSON."""

    plan: Plan | None
    evaluated: tuple[Evaluated, ...]
    texts: tuple[str, ...]
    """The deadlines' cells as CSV text, in the order of the plan's groups and their rules."""
    next: DeadlineDates | None
    """The soonest of the complainant's deadlines that has not passed."""
    next_csv: str
    """Its id, safe date and action as CSV text (three empty cells when there is none)."""
    urgent: int
    """How many of the complainant's deadlines are due within 14 days or at risk."""
    notes: Warnings
    error: str | None

    @property
    def warnings(self) -> tuple[str, ...]:
        """The warnings' ids."""
        return self.notes.ids

    @property
    def warnings_text(self) -> str:
        """The warnings in words."""
        return self.notes.text

    @property
    def next_action(self) -> str | None:
        """What to do by the soonest deadline, in words."""
        return ACTIONS[self.next.id] if self.next is not None else None

    @property
    def next_step_title(self) -> str | None:
        return self.plan.next_step_title if self.plan is not None else None

    @property
    def next_step(self) -> str | None:
        return self.plan.next_step if self.plan is not None else None

    @property
    def review_body(self) -> str | None:
        """``mopac``, ``iopc``, ``letter`` (the 2012 rules: the body the outcome letter names), or None."""
        return self.plan.review_body if self.plan is not None else None

    @property
    def deadlines(self) -> dict[str, DeadlineDates]:
        """The deadlines the facts allow, by rule id (a rule shown only while not passed is left out once it
        has passed, as ``compute_deadlines`` leaves it out)."""
        return {
            deadline.id: deadline
            for group in self.evaluated
            for deadline in group.deadlines
            if deadline.status != "passed" or deadline.id not in WHILE_OPEN
        }
