"""Whole caseloads: rows of facts in, each row's deadlines, next step, review body, warnings and error out.

The library entry point is ``process_rows`` (mappings in, dicts out); `escalate batch` reads and writes
files through ``escalate.caseload.run``. Both stream: rows go through one at a time and memory holds only
bounded caches, so it does not grow with the number of rows. A row that cannot be computed keeps its place
and says why in ``error``.

Every answer is the engine's (``compute_deadlines``, ``route_outline``); this module arranges for the engine
to work each thing out once, because dates repeat heavily in real caseloads (see ``Caseload``).
"""

from __future__ import annotations

import operator
from collections.abc import Collection, Sequence
from datetime import date
from typing import Any

from escalate.caseload.answer import (
    HIDDEN,
    NO_WARNINGS,
    Answer,
    Evaluated,
    Found,
    Group,
    Part,
    Plan,
    Rules,
    Step,
    Warnings,
)
from escalate.caseload.answer import csv_cell as csv_cell  # re-exported: where callers find it
from escalate.caseload.caches import (
    CACHE_SIZE,
    CALCULATION_WARNINGS,
    DATE_CACHE_SIZE,
    DEADLINE_CACHE_SIZE,
    UNREADABLE,
    GroupDeadlines,
    Reader,
    RuleParts,
    RunDays,
    make_room,
    part_from,
    picker,
)
from escalate.caseload.columns import (
    SUMMARY_COLUMNS,
    added_columns,
)
from escalate.engine.calculate import (
    birthday_dates,
    birthday_until,
    calculate_dates,
    calculation_inputs,
    child_until,
    sar_law_for,
)
from escalate.engine.deadlines import (
    ASSUMPTION_WARNINGS,
    Appearance,
    appearance,
    check_only,
    complaint_limit,
    compute_deadlines,
    review_last_day,
    row_warning_texts,
    shape_warnings,
    trigger_facts,
)
from escalate.engine.facts import DATE_FACTS, DATE_ORDER, Facts, SarLaw, read_fact
from escalate.engine.results import Report
from escalate.engine.review import REGIME_2020_START
from escalate.engine.route import Outline, route_outline
from escalate.errors import InputError
from escalate.law.rules import RULES, Rule

EVERY_CASE_WARNINGS: frozenset[str] = frozenset({"clocks-run-in-parallel", "no-compensation-from-complaints"})
"""Warnings that every case carries; the README states them once instead of on every row."""

NO_REVIEW = "none"
"""``review_body`` in CSV when no review is possible (JSON: null)."""

# --- computing one row -----------------------------------------------------------------------------------


_Solved = tuple[Plan, list[Found | str], list[str], Evaluated | None, int, Warnings]
"""A row's answer in parts: plan, group answers, CSV texts, the group with the soonest deadline, urgent
deadlines, warnings (and as CSV)."""

_LATE = 1 << len(CALCULATION_WARNINGS)
_FUTURE = _LATE << 1
_LATE_REVIEW = _FUTURE << 1


class Caseload:
    """The columns escalate adds to the rows of one caseload: one ``today``, one choice of rules, and the
    facts found in its columns (``facts``: the order in which ``answer`` takes their texts).

    The engine decides everything; this class only arranges for it to decide each thing once. A row's
    facts other than the dates' values (which dates are known, the yes/no and choice facts, the regime)
    select a plan, built once with the engine: which dates must be in which order, which rules appear and
    what starts their clocks, the route. Each rule's cells are worked out once per trigger date, for every
    group that has the rule (``RuleParts``; a run of days at a time once a caseload asks for many dates), and
    each group's, from them, once per date it keeps (``GroupDeadlines``). ``tests/test_batch.py`` checks the
    answers against ``compute_deadlines`` and ``plan_route`` for any facts.
    """

    def __init__(
        self,
        facts: Sequence[str],
        *,
        today: date,
        only: Collection[str] | None = None,
        columns: Sequence[int] | None = None,
    ) -> None:
        """``columns``: where each fact's text is in the rows given to ``answer`` and ``csv_row`` (None: a row is
        the facts' texts, in their order)."""
        self.facts = tuple(facts)
        self.today = today
        self.only = check_only(only)
        self.rule_ids = tuple(rule.id for rule in RULES if self.only is None or rule.id in self.only)
        self.columns = added_columns(self.only)
        self._slots = {rule_id: slot for slot, rule_id in enumerate(self.rule_ids)}
        self.date_facts = tuple(name for name in self.facts if name in DATE_FACTS)
        self._date_position = {name: position for position, name in enumerate(self.date_facts)}
        where = range(len(self.facts)) if columns is None else columns
        self._texts_of = picker(where)
        self._dates_of = picker([where[i] for i, name in enumerate(self.facts) if name in DATE_FACTS])
        self._others_of = picker([where[i] for i, name in enumerate(self.facts) if name not in DATE_FACTS])
        # Reading a date does not depend on its column, so the date columns share one reader, big enough for
        # every day of a century: dates of birth are spread widely and would otherwise be read again.
        dates = self._dates = Reader("incident_date", today, DATE_CACHE_SIZE)
        self._read_date = dates.__getitem__
        self._unreadable_dates = dates.unreadable
        self._future_dates = dates.future
        self._readers = tuple(dates if name in DATE_FACTS else Reader(name, today) for name in self.facts)
        self._complaint = self._date_position.get("complaint_date")
        self._plans: dict[tuple[Any, ...], Plan] = {}
        self._evaluated: dict[tuple[tuple[str, ...], SarLaw], GroupDeadlines] = {}
        self._engine: dict[tuple[Any, ...], tuple[Facts, Report, Outline]] = {}
        self._rules: dict[tuple[Appearance, SarLaw], Rules] = {}
        self._parts: dict[tuple[str, SarLaw], RuleParts] = {}
        self._run_days = RunDays()
        self._from_birthday: dict[tuple[str, date], tuple[date, Part | str]] = {}
        self._limits: dict[date, date] = {}
        self._review_limits: dict[date, date] = {}
        self._warning_lists: dict[tuple[tuple[str, ...], str], Warnings] = {}
        self._before_error = "," * SUMMARY_COLUMNS.index("error")
        self._after_error = "," * (len(self.columns) - SUMMARY_COLUMNS.index("error") - 1) + "\n"

    # The answer ---------------------------------------------------------------------------------------

    def answer(self, row: Sequence[str | None]) -> Answer:
        """The answer for a row whose facts (``self.facts``) have these texts (None or blank: unknown), in their
        order or where ``columns`` says."""
        solved = self._solve(row)
        if isinstance(solved, Answer):
            return solved
        plan, found, cells, soonest, urgent, warnings = solved
        evaluated = self._evaluated_groups(plan, found, row)
        if soonest is None:
            return Answer(plan, tuple(evaluated), tuple(cells), None, ",,", urgent, warnings, None)
        return Answer(
            plan, tuple(evaluated), tuple(cells), soonest.soonest, soonest.soonest_csv, urgent, warnings, None
        )

    def _evaluated_groups(self, plan: Plan, found: list[Found | str], row: Sequence[str | None]) -> list[Evaluated]:
        """Each group's deadlines as an ``Evaluated``, also where ``_solve`` found the cells alone (a group's, or
        one rule's): those are for the trigger date alone (only then are they kept so), the latest of several
        where the group has several."""
        dates: tuple[Any, ...] | None = None  # read again only for such a group
        evaluated = []
        for step, each in zip(plan.steps, found, strict=True):
            if not isinstance(each, Evaluated):
                if dates is None:
                    dates = tuple(map(self._read_date, self._dates_of(row)))
                group = step.group
                trigger = dates[group.position] if group.position >= 0 else max(dates[at] for at in group.positions)
                cells: list[Part | str] = [each] if isinstance(each, str) else list(each)
                each = Evaluated(group.rules, (trigger, None, None, self.today), group.sar_law, cells)
            evaluated.append(each)
        return evaluated

    def csv_row(self, row: Sequence[str | None], line: str = "") -> tuple[str, bool, int]:
        """``line + csv_text(answer(row))``, whether the row failed, and its urgent deadlines: the same,
        without making an ``Answer`` (this runs once a row of a CSV caseload; ``line`` is its cells passed
        through, as CSV text, put in front by the same formatting as the answer's)."""
        solved = self._solve(row)
        if isinstance(solved, Answer):
            return line + self.csv_text(solved), True, 0
        plan, _, cells, soonest, urgent, warnings = solved
        cells += (soonest.soonest_csv if soonest else ",,", warnings.text_csv, warnings.ids_end, line, *plan.constants)
        return ",".join(plan.arrange(cells)), False, urgent

    def _solve(self, row: Sequence[str | None]) -> Answer | _Solved:
        """The answer for a row, as its parts; an ``Answer`` when the row cannot be computed."""
        date_texts = self._dates_of(row)
        clears = self._dates.clears
        dates = tuple(map(self._read_date, date_texts))
        if self._dates.clears != clears:  # the cache was emptied part way through this row: read it again
            dates = tuple(map(self._read_date, date_texts))
        if self._unreadable_dates and not self._unreadable_dates.isdisjoint(date_texts):
            return self._failure(self._texts_of(row))
        complaint = dates[self._complaint] if self._complaint is not None else None
        key = (
            self._others_of(row),
            tuple(map(type, dates)),  # which dates are known: date or NoneType (the cheapest way to say it)
            complaint is not None and complaint < REGIME_2020_START,  # engine.regime_for: the 2012 rules
        )
        plan = self._plans.get(key) or self._plan(key, self._texts_of(row))
        if plan is None:
            return self._failure(self._texts_of(row))
        for later, earlier in plan.order:
            if dates[later] < dates[earlier]:
                return self._failure(self._texts_of(row))
        evaluated: list[Found | str] = []
        cells: list[str] = []
        soonest: Evaluated | None = None
        urgent = warning_bits = 0
        found: Found | Part | str
        for position, cache, group, born, received in plan.steps:
            if position >= 0:
                trigger = dates[position]
                # A child when time started (engine.calculation_inputs) is rare, and possible only up to the year
                # of the 18th birthday (engine.child_until): the year is tested first.
                if born >= 0 and trigger.year <= dates[born].year + 18 and trigger < child_until(dates[born]):
                    found = self._evaluate(group, trigger, dates[born], None)
                else:
                    found = cache[trigger]
                    if type(found) is Part:  # one rule's deadline that adds more than its cells (Step.evaluated)
                        found = group.evaluated[trigger]
            else:
                found = self._special(group, dates, born, received)
            evaluated.append(found)  # type: ignore[arg-type]  # (not a Part: those were looked up as the group's above)
            if isinstance(found, str):  # one rule's cells alone: nothing else to add
                cells.append(found)
                continue
            if isinstance(found, tuple):  # the group's cells alone
                cells += found  # type: ignore[arg-type]  # (not a Part, as above)
                continue
            cells += found.texts
            urgent += found.urgent
            warning_bits |= found.warnings
            key_of = found.soonest_key
            if key_of is not None and (soonest is None or key_of < soonest.soonest_key):  # type: ignore[operator]
                soonest = found
        if plan.incident >= 0:
            limit = self._limits.get(incident := dates[plan.incident]) or self._limit(incident)
            if complaint > limit if complaint is not None else self.today > limit:  # engine.late_complaint
                warning_bits |= _LATE
        if self._future_dates and not self._future_dates.isdisjoint(date_texts):
            warning_bits |= _FUTURE
        if plan.review_request is not None:  # engine.late_review_request
            outcome, request = dates[plan.review_request[0]], dates[plan.review_request[1]]
            if request > (self._review_limits.get(outcome) or self._review_limit(outcome)):
                warning_bits |= _LATE_REVIEW
        warnings = plan.warnings.get(warning_bits) or self._warnings(plan, warning_bits)
        return plan, evaluated, cells, soonest, urgent, warnings

    def _special(self, group: Group, dates: tuple[Any, ...], born_at: int, received_at: int) -> Found:
        """A group's deadlines for a row whose other dates can change them (``answer.Step``): the latest of
        several dates starts the clock (``engine.latest_trigger``; only the date matters here), or the date of
        birth or the date the outcome was received is known."""
        trigger = dates[group.position] if group.position >= 0 else max([dates[at] for at in group.positions])
        dob = dates[born_at] if born_at >= 0 else None
        # A child when time started (engine.calculation_inputs) is rare, and possible only up to the year of
        # the 18th birthday (engine.child_until): the year is tested first.
        if dob is not None and trigger.year <= dob.year + 18 and trigger < child_until(dob):
            return self._evaluate(group, trigger, dob, None)
        if received_at >= 0 and group.review_rule is not None:
            received = calculation_inputs(group.review_rule, trigger, None, dates[received_at])[1]
            if received is not None:
                return self._evaluate(group, trigger, None, received)
        return group.evaluated[trigger]

    def failed(self, error: str) -> Answer:
        """The answer for a row that cannot be computed."""
        return Answer(None, (), (), None, ",,", 0, NO_WARNINGS, error)

    def _limit(self, incident: date) -> date:
        """The last day of a complaint that is not late (``engine.complaint_limit``), remembered (bounded)."""
        if len(self._limits) >= DATE_CACHE_SIZE:
            make_room(self._limits, DATE_CACHE_SIZE)
        limit = self._limits[incident] = complaint_limit(incident)
        return limit

    def _review_limit(self, outcome: date) -> date:
        """The last day to ask for a review (``engine.review_last_day``), remembered (bounded)."""
        if len(self._review_limits) >= DATE_CACHE_SIZE:
            make_room(self._review_limits, DATE_CACHE_SIZE)
        limit = self._review_limits[outcome] = review_last_day(outcome)
        return limit

    def _failure(self, texts: tuple[str | None, ...]) -> Answer:
        """The answer for a row whose facts cannot be read or contradict each other, with every fact that
        cannot be read named, or else the contradiction as ``Facts`` words it."""
        errors = []
        values: dict[str, Any] = {}
        for name, text in zip(self.facts, texts, strict=True):
            try:
                value = read_fact(name, text or "")
            except InputError as error:
                errors.append(error.describe())
            else:
                if value is not None:
                    values[name] = value
        if not errors:
            try:
                Facts(today=self.today, **values)
            except InputError as error:
                errors.extend(part.describe() for part in error.errors)
        if not errors:  # pragma: no cover - every way to this method is an error the lines above find
            raise AssertionError("a row was taken for an error, but its facts are consistent")
        return self.failed(" | ".join(errors))

    def _plan(self, key: tuple[Any, ...], texts: tuple[str | None, ...]) -> Plan | None:
        """The plan for rows like this one (None when this row's facts cannot be read or contradict)."""
        values = tuple(map(dict.__getitem__, self._readers, texts))
        if UNREADABLE in values:
            return None
        # Only the route's next step, review body and own warnings are read, and the route depends on the
        # dates only through which are known and the regime (see the class): so it is planned once per plan,
        # from a report without deadlines (which only the route's steps would list). Neither depends on whether
        # the date of birth is known (it changes only the s.28 rule's dates, and must come before the incident:
        # ``plan.order`` checks that on every row), so plans that differ in that alone share them.
        born = self._date_position.get("date_of_birth")
        shared = key if born is None else (key[0], key[1][:born] + key[1][born + 1 :], key[2])
        engine = self._engine.get(shared)
        if engine is None:
            try:
                facts = Facts(today=self.today, **dict(zip(self.facts, values, strict=True)))
            except InputError:
                return None
            report = compute_deadlines(facts, only=())
            if len(self._engine) >= CACHE_SIZE:
                make_room(self._engine, CACHE_SIZE)
            engine = self._engine[shared] = (facts, report, route_outline(facts, report))
        facts, report, route = engine
        on = appearance(facts, report.review)
        if born is not None and ("date_of_birth" in on.known) is not (key[1][born] is date):
            on = on._replace(known=on.known ^ {"date_of_birth"})  # this row's, where the shared facts' differ
        # The law of subject access changes that rule's dates only (engine.sar_law_for): a plan for each law.
        sar_law = facts.sar_law if "sar_date" in on.known else SarLaw.UNKNOWN
        rules_key = (on, sar_law)
        rules = self._rules.get(rules_key)
        if rules is None:
            rules = self._rules[rules_key] = self._rules_plan(*rules_key)
        steps = rules.steps[key[2]]  # key[2]: whether under the 2012 rules
        # What was assumed depends on facts other than the dates' values: once per plan (engine order).
        warnings = rules.warnings + tuple(w.id for w in report.warnings if w.id in ASSUMPTION_WARNINGS)
        # The step, its title and the review body, as CSV, for ``arrange`` (then what every row of the rules writes).
        constants = (f"{route.now},{csv_cell(route.now_title)},{report.review.body or NO_REVIEW}", *rules.constants)
        warning_texts = {warning.id: warning.text for warning in (*report.warnings, *route.warnings)}
        warning_texts.update(row_warning_texts(report.regime))
        position = self._date_position
        plan = Plan(
            order=rules.order,
            groups=rules.groups,
            steps=steps,
            shape_warnings=warnings,
            route_warnings=tuple(
                w.id for w in route.warnings if w not in report.warnings and w.id not in EVERY_CASE_WARNINGS
            ),
            next_step=route.now,
            review_body=report.review.body,
            constants=constants,
            arrange=rules.arrange,
            warnings={},
            incident=position["incident_date"] if on.police and "incident_date" in on.known else -1,
            review_request=rules.review_request,
            next_step_title=route.now_title,
            warning_texts=warning_texts,
        )
        if len(self._plans) >= CACHE_SIZE:
            make_room(self._plans, CACHE_SIZE)
        self._plans[key] = plan
        return plan

    def _rules_plan(self, on: Appearance, sar_law: SarLaw) -> Rules:
        """For rows that know these dates (and have this ``Appearance`` and law of subject access): the dates
        that must be in order, the rules that appear grouped by what starts their clocks, where their cells go,
        and the warnings that depend on which dates are known."""
        position = self._date_position
        known = on.known
        by_trigger: dict[tuple[str, ...], list[Rule]] = {}
        for rule in RULES:
            if rule.id in self._slots:
                names = trigger_facts(rule, on)
                if names:
                    by_trigger.setdefault(names, []).append(rule)
        groups = tuple(self._group(names, tuple(rules), sar_law) for names, rules in by_trigger.items())
        order = tuple(
            (position[later], position[earlier]) for later, earlier in DATE_ORDER if later in known and earlier in known
        )
        warnings = tuple(w.id for w in shape_warnings(known, on.police) if w.id not in EVERY_CASE_WARNINGS)
        # A row is its cells joined by commas: the cells passed through, the soonest deadline (three cells), the step,
        # its title and the review body, the warnings in words, an empty error, each rule's five cells where its
        # group's deadlines put them (or five empty cells), the warnings' ids and the line's end. ``arrange`` picks
        # them in that order from the groups' deadlines' texts and what ``csv_row`` puts after them.
        where: dict[int, int] = {}
        for group in groups:
            for slot in group.slots:
                where[slot] = len(where)
        soonest, text, ids, line, step = range(len(where), len(where) + 5)
        pieces: list[int | str] = [line, soonest, step, text, ""]
        pieces += (where.get(slot, HIDDEN) for slot in range(len(self.rule_ids)))
        pieces.append(ids)
        # Pieces that every row of these rules writes the same (the empty error, rules not shown), where they come
        # together, are one piece: fewer for ``arrange`` to pick.
        constants: list[str] = []
        picked: list[int] = []
        for before, piece in zip([None, *pieces[:-1]], pieces, strict=True):
            if not isinstance(piece, str):
                picked.append(piece)
            elif isinstance(before, str):
                constants[-1] += "," + piece
            else:
                picked.append(step + 1 + len(constants))
                constants.append(piece)
        arrange = operator.itemgetter(*picked)
        born = position["date_of_birth"] if "date_of_birth" in known else -1
        # The date the outcome was received can move the review request, except under the 2012 rules.
        received = position["outcome_received_date"] if "outcome_received_date" in known else -1
        steps = (self._steps(groups, born, received), self._steps(groups, born, -1))
        review_request = (
            (position["outcome_date"], position["review_request_date"])
            if on.police and {"outcome_date", "review_request_date"} <= known
            else None
        )
        return Rules(order, groups, warnings, arrange, tuple(constants), steps, review_request)

    @staticmethod
    def _steps(groups: tuple[Group, ...], born: int, received: int) -> tuple[Step, ...]:
        """How a row finds each group's deadlines, with the date of birth and the date the outcome was received
        at these positions (-1: not known, or cannot matter)."""
        return tuple(
            Step(
                -1 if group.position < 0 or (received >= 0 and group.review_rule) else group.position,
                group.parts[0] if len(group.parts) == 1 else group.evaluated,
                group,
                born if group.children else -1,
                received if group.review_rule is not None else -1,
            )
            for group in groups
        )

    def _group(self, names: tuple[str, ...], rules: tuple[Rule, ...], sar_law: SarLaw) -> Group:
        """The rules whose clocks these facts start, as one group. Its deadlines are kept for every plan with a
        group of the same rules, and the same law of subject access where a rule of the group depends on it
        (``engine.sar_law_for``): a group without subject access is shared whatever the law."""
        position = self._date_position
        law = sar_law if any(sar_law_for(rule, sar_law) is not SarLaw.UNKNOWN for rule in rules) else SarLaw.UNKNOWN
        parts = tuple(self._rule_parts(rule, sar_law_for(rule, law)) for rule in rules)
        evaluated = self._evaluated.get((ids := tuple(rule.id for rule in rules), law))
        if evaluated is None:
            evaluated = self._evaluated[ids, law] = GroupDeadlines(rules, parts, law, self.today)
        return Group(
            position=position[names[0]] if len(names) == 1 else -1,
            positions=tuple(position[name] for name in names),
            names=names,
            rules=rules,
            slots=tuple(self._slots[rule.id] for rule in rules),
            children=any(rule.children for rule in rules),
            review_rule=next((rule for rule in rules if rule.id == "review-request"), None),
            sar_law=law,
            evaluated=evaluated,
            parts=parts,
        )

    def _rule_parts(self, rule: Rule, sar_law: SarLaw) -> RuleParts:
        """The cells of ``rule`` by trigger date, one cache for every group with the rule."""
        parts = self._parts.get((rule.id, sar_law))
        if parts is None:
            parts = self._parts[rule.id, sar_law] = RuleParts(rule, sar_law, self.today, days=self._run_days)
        return parts

    def _evaluate(self, group: Group, trigger: date, born: date | None, received: date | None) -> Evaluated:
        """A group's deadlines for one trigger date where a date of birth or a date received can change them.

        Not kept: they are seldom the same twice. The group's rules that they do not change take their cells
        from the rules' own caches (``RuleParts``); for the trigger date alone, see ``GroupDeadlines``.
        """
        when = (trigger, born, received, self.today)
        found = []
        for rule, parts in zip(group.rules, group.parts, strict=True):
            # Only the s.28 rule for children and the review request can depend on these dates
            # (engine.calculation_inputs): every other rule takes its cells for the trigger alone.
            if not rule.children and rule is not group.review_rule:
                found.append(parts[trigger])
                continue
            if born is not None and rule.children:
                until, part = self._from_birthday.get((rule.id, born)) or self._birthday(rule, born)
                if trigger < until:  # engine.runs_from_birthday: the dates of the date of birth alone
                    found.append(part)
                    continue
            rule_born, rule_received = calculation_inputs(rule, trigger, born, received)
            if rule_born is None and rule_received is None:
                found.append(parts[trigger])
            else:  # a child's or a late-received outcome's dates are seldom asked for twice: not kept
                calc = calculate_dates(rule.id, trigger, rule_born, rule_received, sar_law_for(rule, group.sar_law))
                found.append(part_from(rule, calc, self.today))
        return Evaluated(group.rules, when, group.sar_law, found)

    def _birthday(self, rule: Rule, born: date) -> tuple[date, Part | str]:
        """For a child: the first trigger date from which a deadline no longer runs from the 18th birthday
        whatever the trigger (``engine.birthday_until``), and the deadline for every earlier trigger
        (``engine.birthday_dates``), remembered (bounded) by date of birth. Where it never holds (a 29 February
        birthday whose 18th is unsettled), ``date.min`` and five empty cells, which no trigger reads."""
        if len(self._from_birthday) >= DEADLINE_CACHE_SIZE:
            make_room(self._from_birthday, DEADLINE_CACHE_SIZE)
        until = birthday_until(rule, born)
        part = HIDDEN if until == date.min else part_from(rule, birthday_dates(rule, born), self.today)
        found = self._from_birthday[rule.id, born] = (until, part)
        return found

    def _warnings(self, plan: Plan, bits: int) -> Warnings:
        """A row's warnings in the engine's order, then the route's, in words, and as CSV text."""
        warnings = [
            *plan.shape_warnings,
            *(("late-complaint",) if bits & _LATE else ()),
            *(("late-review-request",) if bits & _LATE_REVIEW else ()),
            *(("future-date",) if bits & _FUTURE else ()),
            *(name for index, name in enumerate(CALCULATION_WARNINGS) if bits & (1 << index)),
            *plan.route_warnings,
        ]
        found = tuple(dict.fromkeys(warnings))
        texts = plan.warning_texts or {}
        text = " ".join(texts[name] for name in found if name in texts)
        # Many plans have the same warnings: each list is kept once.
        shared = self._warning_lists.get((found, text))
        if shared is None:
            if len(self._warning_lists) >= CACHE_SIZE:
                make_room(self._warning_lists, CACHE_SIZE)
            ids_csv = csv_cell("; ".join(found))
            shared = self._warning_lists[found, text] = Warnings(found, ids_csv, text, csv_cell(text), ids_csv + "\n")
        plan.warnings[bits] = shared
        return shared

    # As CSV -------------------------------------------------------------------------------------------

    def csv_text(self, answer: Answer) -> str:
        """The added columns as CSV text: from the comma before the first to the end of the line."""
        if answer.plan is None:
            return self._before_error + "," + csv_cell(answer.error or "") + self._after_error
        notes = answer.notes
        return ",".join(
            answer.plan.arrange(
                (*answer.texts, answer.next_csv, notes.text_csv, notes.ids_end, "", *answer.plan.constants)
            )
        )

    # As JSON ------------------------------------------------------------------------------------------

    def json_fields(self, answer: Answer) -> dict[str, Any]:
        """The added fields as JSON values: ISO dates, integers, lists, null where there is nothing."""
        result: dict[str, Any] = dict.fromkeys(self.columns)
        for deadline in answer.deadlines.values():
            stem = deadline.id.replace("-", "_")
            result[f"{stem}_safe_date"] = deadline.safe_date.isoformat()
            result[f"{stem}_last_day"] = deadline.last_day.isoformat()
            result[f"{stem}_latest_date"] = deadline.latest_date.isoformat()
            result[f"{stem}_status"] = deadline.status
            result[f"{stem}_days_left"] = deadline.days_left
        if answer.next is not None:
            result["next_deadline"] = answer.next.id
            result["next_deadline_date"] = answer.next.safe_date.isoformat()
            result["next_action"] = answer.next_action
        result["next_step"] = answer.next_step
        result["next_step_title"] = answer.next_step_title
        result["review_body"] = answer.review_body
        result["warnings_text"] = answer.warnings_text if answer.error is None else None
        result["warnings"] = list(answer.warnings) if answer.error is None else None
        result["error"] = answer.error
        return result
