"""The columns of a caseload: which input column holds which fact, and the columns escalate adds."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from escalate.engine.deadlines import (
    check_only,
)
from escalate.engine.facts import CHOICE_FACTS, DATE_FACTS, FLAG_FACTS
from escalate.errors import EscalateError
from escalate.law.rules import RULES

BATCH_FACTS: tuple[str, ...] = (*DATE_FACTS, *CHOICE_FACTS, *FLAG_FACTS)
"""The facts a caseload column can hold (``today`` is one date for the whole batch: ``--today``)."""
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


OWN_COLUMNS: frozenset[str] = frozenset(added_columns())
"""Every column escalate writes (for every rule)."""

_RULE_COLUMNS = OWN_COLUMNS - set(SUMMARY_COLUMNS) - set(LAST_COLUMNS)


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


def column_fact(name: str) -> str | None:
    """The fact a column holds, or None: names match case-insensitively, with spaces and hyphens taken as
    underscores (``Incident Date``, ``incident-date`` and ``INCIDENT_DATE`` all mean ``incident_date``)."""
    key = column_key(name)
    return key if key in _BATCH_FACT_SET else None


def column_key(name: str) -> str:
    """A column's name as escalate compares names: lower case, words joined by underscores."""
    return "_".join(name.replace("\ufeff", "").replace("-", " ").replace("_", " ").lower().split())


def fact_columns(columns: Sequence[str]) -> dict[str, int]:
    """Where each fact is among ``columns``. Two columns that mean the same fact are a DuplicateColumnError:
    which one to believe is the user's decision, not escalate's."""
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


class DuplicateColumnError(EscalateError):
    """Two columns that mean the same fact (the command line's exit code 2)."""
