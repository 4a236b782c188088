"""The columns of a caseload: which input column holds which fact, and the columns escalate adds.

A caseload is read by escalate once, trusted, and sent back out as dates people act on, so a column is never
read silently, and never silently left unread. ``read_columns`` matches the header against the facts'
names and ``COLUMN_NAMES`` (the names caseworkers use), after ``column_key``'s normalising; ``--map`` and
``--ignore`` settle the rest. A column that is not read but looks like a fact (a fact's distinctive word in its
name, or most of its first cells dates) is a ``LookalikeColumnError`` before any row is written.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from escalate.caseload.names import BATCH_FACTS, NAME_TABLE, column_fact, column_key, suggested_fact
from escalate.engine.deadlines import (
    check_only,
)
from escalate.errors import DateFormatError, EscalateError
from escalate.law.dates import parse_date
from escalate.law.rules import RULES

_BATCH_FACT_SET = frozenset(BATCH_FACTS)


RESULT_FIELDS: tuple[str, ...] = ("safe_date", "last_day", "latest_date", "status", "days_left")
"""The columns added for each rule, after its id: ``review_request_safe_date`` ..."""


SUMMARY_COLUMNS: tuple[str, ...] = (
    "next_deadline",
    "next_deadline_date",
    "next_action",
    "next_step",
    "next_step_title",
    "review_body",
    "warnings_text",
    "error",
)
"""The answers, added first, right after the input's columns: ids for scripts (``next_deadline``, ``next_step``,
``review_body``) beside the same in words for people (``next_action``, ``next_step_title``, ``warnings_text``)."""

LAST_COLUMNS: tuple[str, ...] = ("warnings",)
"""The columns added after the rules' columns: the warnings' ids, for scripts."""


FIELD_MEANINGS: dict[str, str] = {
    "safe_date": "the safe date, the earliest last day under any reasonable reading: act by this",
    "last_day": "the last day under the primary reading of the law",
    "latest_date": "the latest date that can be argued (for example a court office's next open day): never plan on it",
    "status": "open; due-soon (the safe date is within 14 days); at-risk (the safe date has passed, the latest "
    "date has not); or passed",
    "days_left": "days from today to the safe date (negative once it has passed)",
}
"""What each of a rule's five columns holds, for the second sheet of an .xlsx output."""

SUMMARY_MEANINGS: dict[str, str] = {
    "next_deadline": "The id of the soonest of your deadlines that has not passed (for scripts).",
    "next_deadline_date": "Its safe date: act by then.",
    "next_action": "What to do by that date, in words.",
    "next_step": "The id of the next step on the route (for scripts).",
    "next_step_title": "The next step, in words.",
    "review_body": "Who reviews the complaint's outcome: mopac, iopc, letter (the body the outcome letter "
    "names), or none when no review is possible.",
    "warnings_text": "What you must know about this case that is not a date, in words.",
    "error": "Why the row could not be worked out (empty when it was).",
    "warnings": "The ids of the warnings (for scripts).",
}
"""What each of the answers' columns holds, for the second sheet of an .xlsx output."""


def column_meanings(columns: Sequence[str]) -> dict[str, str]:
    """What each of escalate's columns holds, in words."""
    meanings: dict[str, str] = {}
    by_stem = {rule.id.replace("-", "_"): rule for rule in RULES}
    for column in columns:
        if column in SUMMARY_MEANINGS:
            meanings[column] = SUMMARY_MEANINGS[column]
            continue
        for field_name, meaning in FIELD_MEANINGS.items():
            stem = column.removesuffix("_" + field_name)
            if stem != column and stem in by_stem:
                rule = by_stem[stem]
                meanings[column] = f"{rule.title} ({rule.cite or rule.source.citation}): {meaning}."
                break
    return meanings


def rule_columns(rule_id: str) -> tuple[str, ...]:
    """The five columns of one rule: ``review-request`` gives ``review_request_safe_date`` and so on."""
    stem = rule_id.replace("-", "_")
    return tuple(f"{stem}_{name}" for name in RESULT_FIELDS)


def added_columns(only: Collection[str] | None = None) -> tuple[str, ...]:
    """The columns escalate adds to each row, in order (for the rules in ``only``, or every rule): the answers,
    then each rule's five columns, then the warnings' ids."""
    wanted = check_only(only)
    rule_ids = [rule.id for rule in RULES if wanted is None or rule.id in wanted]
    return (*SUMMARY_COLUMNS, *(column for rule_id in rule_ids for column in rule_columns(rule_id)), *LAST_COLUMNS)


OWN_COLUMNS: frozenset[str] = frozenset(added_columns()) | {"schema_version"}
"""Every column escalate writes (for every rule), and the ``schema_version`` key of its JSON Lines records."""

_RULE_COLUMNS = frozenset(added_columns()) - set(SUMMARY_COLUMNS) - set(LAST_COLUMNS)


def own_columns(names: Sequence[str]) -> set[int]:
    """Where escalate's own columns are in a header it wrote (a file escalate wrote, run again): the answers
    right after the input's columns, then the rules' columns, then the warnings' ids at the end. They are never
    read as facts (``review_body`` there is escalate's answer, not the user's), and are replaced by the new ones."""
    width = len(LAST_COLUMNS)
    if tuple(names[len(names) - width :]) != LAST_COLUMNS:
        return set()
    start = len(names) - width
    while start > 0 and names[start - 1] in _RULE_COLUMNS:
        start -= 1
    answers = start - len(SUMMARY_COLUMNS)
    if answers < 0 or tuple(names[answers:start]) != SUMMARY_COLUMNS:
        return set()
    return set(range(answers, len(names)))


OWN_SIGNATURE: frozenset[str] = frozenset({"next_deadline", "next_step", "error"})
"""Columns that together mark a file escalate wrote: then every one of ``OWN_COLUMNS`` in it is escalate's
(``review_body`` too, which is otherwise a fact), never read as a fact, and replaced by the new answer."""


# --- a caseload's header --------------------------------------------------------------------------------


class ColumnError(EscalateError):
    """A header escalate will not guess about (the command line's exit code 2)."""


class DuplicateColumnError(ColumnError):
    """Two columns that mean the same fact."""


class LookalikeColumnError(ColumnError):
    """Columns that look like facts but are not read."""


@dataclass(frozen=True)
class ColumnChoices:
    """What the user said about columns: ``--map COLUMN=fact`` and ``--ignore COLUMN`` (by ``column_key``)."""

    mapping: Mapping[str, str] = field(default_factory=dict)
    ignore: frozenset[str] = frozenset()
    given: Mapping[str, str] = field(default_factory=dict)
    """Each key as the user wrote it, for messages."""

    @classmethod
    def parse(cls, maps: Iterable[str] = (), ignores: Iterable[str] = ()) -> ColumnChoices:
        """The choices from the options' texts; a ColumnError names a malformed one."""
        mapping: dict[str, str] = {}
        given: dict[str, str] = {}
        for item in maps:
            column, equals, fact_text = item.rpartition("=")
            fact = column_key(fact_text)
            if not equals or not column_key(column):
                raise ColumnError(
                    f"--map: '{item}' is not COLUMN=fact (for example --map 'Date of letter=outcome_date')"
                )
            if fact not in _BATCH_FACT_SET:
                raise ColumnError(
                    f"--map: '{fact_text.strip()}' is not a fact; the facts are: {', '.join(BATCH_FACTS)}"
                )
            key = column_key(column)
            if mapping.get(key, fact) != fact:
                raise ColumnError(f"--map: '{column}' is mapped to {mapping[key]} and to {fact}; give one")
            mapping[key] = fact
            given[key] = column
        ignore: set[str] = set()
        for column in ignores:
            key = column_key(column)
            if not key:
                raise ColumnError("--ignore: give the name of a column")
            if key in mapping:
                raise ColumnError(f"--ignore: '{column}' is also given to --map; give one of them")
            ignore.add(key)
            given[key] = column
        return cls(mapping, frozenset(ignore), given)

    def fact_of(self, name: str) -> str | None:
        """The fact a column holds by these choices and the name table."""
        key = column_key(name)
        if key in self.ignore:
            return None
        return self.mapping.get(key) or NAME_TABLE.get(key)


NO_CHOICES = ColumnChoices()


@dataclass(frozen=True)
class Columns:
    """How a caseload's columns are read."""

    names: tuple[str, ...]
    facts: Mapping[str, int]
    """Where each fact read is among the columns."""
    own: tuple[int, ...]
    """escalate's own output columns (a file it wrote, run again): never facts, replaced by the new answer."""
    unread: tuple[int, ...]
    """Columns passed through without being read, other than escalate's own."""
    warnings: tuple[str, ...]
    """Columns of dates that are not read, for standard error."""

    @property
    def kept(self) -> tuple[int, ...]:
        """The columns passed through (all but escalate's own)."""
        own = set(self.own)
        return tuple(index for index in range(len(self.names)) if index not in own)

    def report(self) -> str:
        """Which column is read as which fact, and which are not read, in one line."""
        read = ", ".join(f"'{self.names[index]}' as {fact}" for fact, index in sorted(self.facts.items(), key=_second))
        parts = [f"reading {read}" if read else "reading no column as a fact"]
        if self.unread:
            parts.append("not read: " + ", ".join(f"'{self.names[index]}'" for index in self.unread))
        if self.own:
            parts.append(f"{len(self.own)} columns of an earlier escalate run replaced")
        return "; ".join(parts)


def _second(item: tuple[str, int]) -> int:
    return item[1]


_DATE_LIKE = re.compile(
    r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?|"
    r"(?:[a-z]+,? )?\d{1,2}(?:st|nd|rd|th)? [a-z]{3,9},? \d{2,4}|[a-z]{3,9} \d{1,2}(?:st|nd|rd|th)?,? \d{2,4}",
)


def looks_like_date(cell: str) -> bool:
    """Whether a cell holds a date, in a form escalate reads or another (``03/15/2026``, ``15.3.26``)."""
    text = " ".join(cell.split()).lower()
    if not text or len(text) > 40:
        return False
    if _DATE_LIKE.fullmatch(text):
        return True
    try:
        parse_date(cell)
    except DateFormatError:
        return False
    return True


def _mostly_dates(cells: Sequence[str]) -> bool:
    filled = [cell for cell in cells if cell.strip()]
    return bool(filled) and sum(map(looks_like_date, filled)) * 2 > len(filled)


def _some_dates(cells: Sequence[str]) -> bool:
    return any(looks_like_date(cell) for cell in cells if cell.strip())


def is_own_output(names: Collection[str]) -> bool:
    """Whether columns (or a JSON object's keys) are those of a file escalate wrote."""
    return OWN_SIGNATURE.issubset(names)


def read_columns(
    names: Sequence[str],
    samples: Sequence[Sequence[str]] = (),
    choices: ColumnChoices = NO_CHOICES,
    *,
    strict_choices: bool = True,
    duplicates: bool = True,
) -> Columns:
    """How to read a caseload with these columns, whose first cells are ``samples`` (one sequence of cells for
    each column). Raises DuplicateColumnError for two columns meaning one fact, ColumnError for a ``--map``
    or ``--ignore`` naming no column (when ``strict_choices``), and LookalikeColumnError for columns that look
    like facts but are not read. ``duplicates=False`` (JSON Lines, whose objects each have keys of their own)
    leaves two names for one fact to the rows that have both, and takes escalate's own fields by their names."""
    if duplicates:
        own_at = own_columns(names)
    else:
        own_at = {i for i, name in enumerate(names) if name in OWN_COLUMNS} if is_own_output(names) else set()
    facts: dict[str, int] = {}
    own: list[int] = []
    unread: list[int] = []
    lookalikes: list[str] = []
    warnings: list[str] = []
    seen_keys = {column_key(name) for name in names}
    if strict_choices:
        for key in (*choices.mapping, *sorted(choices.ignore)):
            if key not in seen_keys:
                shown = ", ".join(f"'{name}'" for name in names[:6]) + (", ..." if len(names) > 6 else "")
                option = "--map" if key in choices.mapping else "--ignore"
                raise ColumnError(f"{option}: no column is named '{choices.given[key]}' (the columns are {shown})")
    for index, name in enumerate(names):
        if index in own_at:
            own.append(index)
            continue
        key = column_key(name)
        fact = choices.fact_of(name)
        if fact is not None:
            if fact in facts and not duplicates:
                continue
            if fact in facts:
                raise DuplicateColumnError(
                    f"columns '{names[facts[fact]]}' and '{name}' both mean {fact}; keep one of them "
                    f"(or give --ignore '{name}')"
                )
            facts[fact] = index
            continue
        unread.append(index)
        if key in choices.ignore:
            continue
        cells = samples[index] if index < len(samples) else ()
        if not key:  # a column without a name cannot be given to --map: it is only passed through
            if _some_dates(cells):
                warnings.append(f"column {index + 1} has no name and holds dates; it is not read (name it to read it)")
            continue
        suggestion = suggested_fact(name)
        dates = _mostly_dates(cells)
        if suggestion is not None or dates:
            to_map = f"--map '{name}={suggestion or 'FACT'}'"
            to_ignore = f"--ignore '{name}'"
            lookalikes.append(
                f"'{name}' (give {to_map} to read it, or {to_ignore})"
                if dates
                else f"'{name}' (give {to_ignore} if it holds no fact, or {to_map} to read it)"
            )
        elif "date" in key.split("_") or _some_dates(cells):
            warnings.append(
                f"column '{name}' holds dates but is not read as a fact (--map '{name}=FACT' reads it, "
                f"--ignore '{name}' silences this)"
            )
    if lookalikes:
        noun = (
            "a column that looks like a fact but is" if len(lookalikes) == 1 else "columns that look like facts but are"
        )
        raise LookalikeColumnError(
            f"{noun} not read, so nothing was written: "
            + "; ".join(lookalikes)
            + ". The facts are the options of `escalate deadlines --help`, with underscores (outcome_date)"
        )
    return Columns(tuple(names), facts, tuple(own), tuple(unread), tuple(warnings))


def fact_columns(columns: Sequence[str]) -> dict[str, int]:
    """Where each fact is among ``columns`` by their names (no look-alike checks: ``read_columns`` does those).
    Two columns that mean the same fact are a DuplicateColumnError: which one to believe is the user's
    decision, not escalate's."""
    found: dict[str, int] = {}
    own_at = own_columns(columns)
    for index, name in enumerate(columns):
        fact = None if index in own_at else column_fact(name)
        if fact is None:
            continue
        if fact in found:
            raise DuplicateColumnError(
                f"columns '{columns[found[fact]]}' and '{name}' both mean {fact}; keep one of them"
            )
        found[fact] = index
    return found


class KeyFacts:
    """The fact each key of a caseload's JSON objects holds (by ``ColumnChoices``, remembered); a key not
    among the first lines' (``checked``) that looks like a fact is that row's error."""

    def __init__(self, choices: ColumnChoices = NO_CHOICES, checked: Iterable[str] | None = None) -> None:
        self.choices = choices
        self.checked = None if checked is None else set(checked)
        self._facts: dict[str, str | None] = {}

    def fact(self, key: str) -> str | None:
        """The fact a key holds, or None."""
        try:
            return self._facts[key]
        except KeyError:
            if len(self._facts) >= 4096:
                self._facts.clear()
            found = self._facts[key] = self.choices.fact_of(key)
            return found

    def lookalike(self, key: str) -> str | None:
        """The error for a key first seen after the first lines that looks like a fact but is not read."""
        if self.checked is None or key in self.checked or column_key(key) in self.choices.ignore:
            return None
        suggestion = suggested_fact(key)
        if suggestion is None:
            return None
        return (
            f"the key '{key}' looks like a fact but is not read (give --map '{key}={suggestion}' to read it, "
            f"or --ignore '{key}')"
        )
