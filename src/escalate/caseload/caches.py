"""The bounded caches a caseload keeps so that the engine works each thing out once: the texts read in its
columns (``Reader``), each rule's cells by trigger date (``RuleParts``, with the days of its runs in
``RunDays``), each group of rules' deadlines by trigger date (``GroupDeadlines``), and the sizes of every cache.

Each forgets its oldest eighth when full (``make_room``), so memory does not grow with the number of rows.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping, Sequence
from dataclasses import fields
from datetime import date
from itertools import islice
from typing import Any, Final

from escalate.caseload.answer import Evaluated, Found, Part, part_of
from escalate.engine.calculate import PlainDates, plain_counter, run_counter
from escalate.engine.deadlines import rolls_forward
from escalate.engine.facts import Facts, SarLaw, read_fact
from escalate.engine.results import Calculation
from escalate.errors import InputError
from escalate.law.rules import Rule

CACHE_SIZE = 4096
"""The most entries each of a caseload's caches holds (the texts read in a column, plans, each group's
deadlines): they are bounded, so memory does not grow with the number of rows."""

DATE_CACHE_SIZE = 32768
"""The most texts of dates kept once read (about 8 MB at most)."""

GROUP_CACHE_SIZE = 8192
"""The most trigger dates whose deadlines each group of rules keeps (``GroupDeadlines``): most are the cells
alone, a tuple of strings shared with the rules' caches, so a group keeps two decades of days in about a
megabyte. A group's deadlines for any other date are gathered from its rules' caches (``RuleParts``), which
hold every date of decades of cases, so a miss costs a few microseconds. (A group of one rule keeps nothing
but the deadlines that add more than their cells: its rows read the rule's cache.)"""

DEADLINE_CACHE_SIZE = 8192
"""The most children's deadlines kept by date of birth, over every rule, each with the first trigger date it
no longer holds for (``engine.birthday_until``)."""

PART_CACHE_SIZE = 16384
"""The most trigger dates whose cells each rule keeps (``RuleParts``)."""

RUN = 32
"""How many days one rule's cells are worked out for together (``RuleParts``), once a caseload has asked
for ``RUN_AFTER`` trigger dates: a run of days in one loop costs a fraction of the same days asked for
one by one between rows."""

RUN_AFTER = 256
"""Trigger dates a rule is asked for before its cells are worked out a run of days at a time: a caseload of
a few hundred rows works out only the days it has."""

EVICTED_SHARE = 8
"""A full cache makes room by forgetting its oldest eighth (the first put in), not everything: the dates
a caseload repeats most are asked for again soon after, and come straight back."""


def make_room(cache: dict[Any, Any], size: int) -> list[Any]:
    """Forget the oldest ``size // EVICTED_SHARE`` entries of ``cache`` (dicts keep the order entries were put
    in); return their keys."""
    evicted = list(islice(cache, max(1, size // EVICTED_SHARE)))
    for key in evicted:
        del cache[key]
    return evicted


UNREADABLE: Final = object()
"""A text that cannot be read as its fact (a cell, or a JSON value that is not text)."""
"""A cell's text that is not a valid value of its fact (the message is worked out again, with the fact)."""
_FACT_DEFAULTS: Mapping[str, Any] = {item.name: item.default for item in fields(Facts)}
CALCULATION_WARNINGS: tuple[str, ...] = ("holiday-horizon", "court-christmas-unknown", "court-roll-forward")
"""The ids ``engine.calculation_warnings`` gives, in its order."""


class Reader(dict[Any, Any]):
    """The value of each text of a fact, read once (bounded). An unreadable text maps to ``UNREADABLE``
    and is kept in ``unreadable``; a date after ``today`` is kept in ``future``."""

    def __init__(self, fact: str, today: date, size: int = CACHE_SIZE) -> None:
        super().__init__()
        self.fact = fact
        self.today = today
        self.size = size
        self.default = _FACT_DEFAULTS[fact]
        self.unreadable: set[str | None] = set()
        self.future: set[str | None] = set()
        self.clears = 0
        """How many times the cache has been emptied: a row whose texts were read across an emptying reads them
        again, so that ``unreadable`` and ``future`` hold all of them."""

    def __missing__(self, text: str | None) -> Any:
        if len(self) >= self.size:
            for evicted in make_room(self, self.size):
                self.unreadable.discard(evicted)
                self.future.discard(evicted)
            self.clears += 1
        value: Any
        try:
            value = read_fact(self.fact, text, remember=False) if text is not None else None
        except InputError:
            value = UNREADABLE
            self.unreadable.add(text)
        if value is None:
            value = self.default
        elif isinstance(value, date) and value > self.today:
            self.future.add(text)  # the engine's 'future-date' warning
        self[text] = value
        return value


def part_from(rule: Rule, calc: Calculation, today: date) -> Part | str:
    """What one deadline adds to a row (``answer.part_of``), from its dates; the calculations' warnings it
    calls for as bits of ``CALCULATION_WARNINGS`` (``engine.calculation_flags``, for one deadline)."""
    bits = (
        (1 if calc.beyond_horizon else 0)
        | (2 if calc.christmas_unknown else 0)
        | (4 if rolls_forward(rule, calc) else 0)
    )
    return part_of(rule, calc.safe_date, calc.last_day, calc.latest_date, bits, today)


class RunDays(dict[int, tuple[date, ...]]):
    """The days of each run of ``RUN`` days, by the ordinal of its first: one date object a day, shared by every
    rule's cells as their keys (bounded as a rule's cells are)."""

    def __init__(self, size: int = PART_CACHE_SIZE // RUN) -> None:
        super().__init__()
        self.size = size

    def __missing__(self, first: int) -> tuple[date, ...]:
        if len(self) >= self.size:
            make_room(self, self.size)
        days = self[first] = tuple(map(date.fromordinal, range(first, first + RUN)))
        return days


class RuleParts(dict[date, Part | str]):
    """What one rule adds to a row for each trigger date alone (no date of birth or date received that
    changes its dates): worked out once, for every group with the rule, by the shortest way
    (``engine.plain_counter``), and kept (bounded: the oldest eighth is forgotten when full)."""

    def __init__(
        self, rule: Rule, sar_law: SarLaw, today: date, size: int = PART_CACHE_SIZE, days: RunDays | None = None
    ) -> None:
        """``days``: the days of each run, shared with other rules' cells (None: this rule's own)."""
        super().__init__()
        self.days = RunDays() if days is None else days
        self.rule = rule
        self.today = today
        self.size = size
        self.count = plain_counter(rule, sar_law)
        self.misses = 0
        self.runs = run_counter(rule, sar_law) if size >= EVICTED_SHARE * RUN else None
        """How the dates of a run of days are worked out together, once ``RUN_AFTER`` dates have been asked
        for (None: a day at a time, in a cache too small to hold a run)."""

    def __missing__(self, trigger: date) -> Part | str:
        self.misses += 1
        if self.misses > RUN_AFTER and self.runs is not None:
            return self._run(trigger, self.runs)
        if len(self) >= self.size:
            make_room(self, self.size)
        part = self[trigger] = part_from(self.rule, self.count(trigger), self.today)
        return part

    def _run(self, trigger: date, runs: Callable[[date, int], list[PlainDates]]) -> Part | str:
        """The cells for the ``RUN`` days around ``trigger`` (aligned on ordinals, so runs never overlap), worked
        out together: a caseload that has asked for this many dates asks for most of the days of its years."""
        if len(self) + RUN > self.size:
            make_room(self, self.size)
        days = self.days[max(1, trigger.toordinal() // RUN * RUN)]
        rule, today = self.rule, self.today
        court = rule.court
        for day, (safe, last, latest, beyond, christmas) in zip(days, runs(days[0], RUN), strict=True):
            # (4: engine.rolls_forward, as part_from gives it)
            bits = (1 if beyond else 0) | (2 if christmas else 0) | (4 if court and latest > last else 0)
            self[day] = part_of(rule, safe, last, latest, bits, today)
        return self[trigger]


class GroupDeadlines(dict[date, Found]):
    """A group of rules' deadlines for each trigger date alone (``answer.Found``), gathered from its rules' cells
    (``RuleParts``) and kept for every plan with a group of the same rules (bounded: ``GROUP_CACHE_SIZE``)."""

    def __init__(
        self,
        rules: tuple[Rule, ...],
        parts: tuple[RuleParts, ...],
        sar_law: SarLaw,
        today: date,
        size: int = GROUP_CACHE_SIZE,
    ) -> None:
        super().__init__()
        self.rules = rules
        self.parts = parts
        self.sar_law = sar_law
        self.today = today
        self.size = size

    def __missing__(self, trigger: date) -> Found:
        if len(self) >= self.size:
            make_room(self, self.size)
        found = [parts[trigger] for parts in self.parts]
        # Where no part is a Part, each is its cells (a str), and the cells are all that is kept.
        deadlines = self[trigger] = (
            Evaluated(self.rules, (trigger, None, None, self.today), self.sar_law, found)
            if Part in map(type, found)
            else tuple(found)  # type: ignore[arg-type]
        )
        return deadlines


def picker(indexes: Sequence[int]) -> Callable[[Sequence[Any]], tuple[Any, ...]]:
    """A fast ``lambda row: tuple(row[i] for i in indexes)``."""
    if not indexes:
        return lambda _row: ()
    if len(indexes) == 1:
        only = indexes[0]
        return lambda row: (row[only],)
    return operator.itemgetter(*indexes)
