"""``escalate batch --due-within``: only the rows that need action pass on to the writer, and the terminal's list of
the soonest of them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, NamedTuple

from escalate.caseload.answer import Answer
from escalate.caseload.options import Summary
from escalate.caseload.sheet.read import cell_text
from escalate.caseload.sheet.write import RowWriter

DUE_LISTED = 50
"""The most cases the terminal's summary lists under --due-within (the soonest); the rest are counted."""


class DueCase(NamedTuple):
    """A case that needs action soon, for the summary: what to do, by when, to whom."""

    safe_date: date
    row: int
    reference: str
    action: str
    status: str
    to: str
    latest_date: date


def needs_action(answer: Answer, days: int) -> bool:
    """Whether a row has a deadline of the complainant's (owner you) whose safe date is within ``days`` days
    or that is at risk: the soonest of them (``Answer.next``) decides."""
    deadline = answer.next
    return deadline is not None and (deadline.status == "at-risk" or deadline.days_left <= days)


class DueFilter:
    """A writer that passes on only the rows that need action within ``days`` (and every row that cannot be
    worked out: it may be one of them), counting the others in ``summary.left_out``."""

    def __init__(self, inner: RowWriter, days: int, summary: Summary) -> None:
        self.inner = inner
        self.days = days
        self.summary = summary
        self.reference_at: int | None = None
        self.rows = 0

    def header(self, names: Sequence[str], lead: Sequence[Sequence[Any]]) -> None:
        from escalate.caseload.calendar import REFERENCE_COLUMNS
        from escalate.caseload.names import column_key

        keys = [column_key(name) for name in names]
        self.reference_at = next((keys.index(key) for key in REFERENCE_COLUMNS if key in keys), None)
        self.inner.header(names, lead)

    def row(self, values: Sequence[Any], answer: Answer | None) -> None:
        if answer is None:
            return  # a blank row is not a case
        self.rows += 1
        if answer.error is None and not needs_action(answer, self.days):
            self.summary.left_out += 1
            return
        if answer.next is not None and answer.error is None:
            self._remember(values, answer)
        self.inner.row(values, answer)

    def _remember(self, values: Sequence[Any], answer: Answer) -> None:
        import heapq

        from escalate.engine.steps import SHORT_NAMES
        from escalate.law.rules import RULES_BY_ID

        deadline = answer.next
        assert deadline is not None
        reference = cell_text(values[self.reference_at]).strip() if self.reference_at is not None else ""
        rule = RULES_BY_ID[deadline.id]
        to = rule.body
        if deadline.id == "review-request" and answer.review_body is not None:
            to = SHORT_NAMES.get(answer.review_body, "the body your outcome letter names")
        case = DueCase(
            deadline.safe_date,
            self.rows,
            reference or f"row {self.rows}",
            rule.action,
            deadline.status,
            to,
            deadline.latest_date,
        )
        due = self.summary.due
        if len(due) < DUE_LISTED:
            heapq.heappush(due, _Latest(case))
        elif case < due[0].case:
            heapq.heapreplace(due, _Latest(case))
        self.summary.due_count += 1

    def close(self) -> None:
        self.inner.close()


class _Latest(NamedTuple):
    """A case in a heap that keeps the soonest: the latest on top."""

    case: DueCase

    def __lt__(self, other: object) -> bool:
        assert isinstance(other, _Latest)
        return self.case > other.case


def due_lines(summary: Summary, days: int) -> list[str]:
    """The terminal's list of the cases that need action, soonest first, one line each."""
    cases = sorted(item.case for item in summary.due)
    lines = [
        f"escalate: {summary.due_count:,} case{'' if summary.due_count == 1 else 's'} to act on within {days} days or at risk:"
    ]
    for case in cases:
        risk = f" (passed: at risk, latest arguable {_day(case.latest_date)})" if case.status == "at-risk" else ""
        lines.append(f"  {case.reference}: {case.action} by {_day(case.safe_date)}{risk}, to {case.to}")
    if summary.due_count > len(cases):
        lines.append(f"  ... and {summary.due_count - len(cases):,} more (see the output)")
    return lines


def _day(day: date) -> str:
    """A date in a line of the summary: Tue 8 Dec 2026."""
    return f"{day:%a} {day.day} {day:%b %Y}"
