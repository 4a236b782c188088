"""The caches a caseload keeps (escalate.caseload.caseload): what each holds, that each is bounded, and that an
answer is the same after they forget. (Every answer against the engine, for any facts: tests/test_batch.py.)"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from escalate.caseload.answer import HIDDEN
from escalate.caseload.caches import EVICTED_SHARE, RUN, RuleParts
from escalate.caseload.caseload import Caseload
from escalate.engine.calculate import deadline_dates
from escalate.engine.facts import SarLaw
from escalate.law.rules import RULES_BY_ID, Owner

TODAY = date(2026, 12, 1)
DAYS = [date(2024, 1, 1) + timedelta(days=step * 3) for step in range(400)]
"""Every third day from 2024 to 2027: deadlines passed, due soon, open, and over Christmas and Easter."""

RULE_IDS = [rule_id for rule_id in RULES_BY_ID if rule_id != "letter-before-claim"]
"""The rules a caseload works out from their own trigger date (letter-before-claim's is the judicial review's)."""


def cells(rule_id: str, trigger: date, sar_law: SarLaw = SarLaw.UNKNOWN) -> str:
    """A rule's five cells as the engine gives its deadline (RULES.md section 5: safe date, last day, latest
    date, status, days left); empty cells for a rule shown only while not passed, once passed."""
    deadline = deadline_dates(rule_id, trigger, None, None, TODAY, sar_law)
    if RULES_BY_ID[rule_id].while_open and deadline.status == "passed":
        return HIDDEN
    return (
        f"{deadline.safe_date.isoformat()},{deadline.last_day.isoformat()},{deadline.latest_date.isoformat()},"
        f"{deadline.status},{deadline.days_left}"
    )


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_a_rules_cells_are_the_engines_and_only_what_a_row_needs_more_is_kept(rule_id: str) -> None:
    rule = RULES_BY_ID[rule_id]
    parts = RuleParts(rule, SarLaw.UNKNOWN, TODAY)
    for day in DAYS:
        part = parts[day]
        if isinstance(part, str):  # neither the complainant's and open, nor a calculation's warning
            assert part == cells(rule_id, day)
            assert part == HIDDEN or ",passed," in part or rule.owner is Owner.POLICE
        else:
            assert part.text == cells(rule_id, day)
            assert part.mine or part.warnings
            assert part.mine == (rule.owner is Owner.YOU and ",passed," not in part.text)
            if part.mine:
                assert part.key == (date.fromisoformat(part.text[:10]), rule_id)
                assert part.next_csv.startswith(f"{rule_id},{part.text[:10]},")


@pytest.mark.parametrize("law", list(SarLaw))
def test_subject_access_cells_follow_the_law(law: SarLaw) -> None:
    parts = RuleParts(RULES_BY_ID["subject-access"], law, TODAY)
    for day in DAYS:
        part = parts[day]
        assert (part if isinstance(part, str) else part.text) == cells("subject-access", day, law)


@pytest.mark.parametrize("size", [1, 8, 64, EVICTED_SHARE * RUN])  # the last works out runs of days (RUN_AFTER)
def test_a_rule_keeps_at_most_its_size_and_answers_the_same_after_forgetting(size: int) -> None:
    rule = RULES_BY_ID["human-rights-act"]
    small = RuleParts(rule, SarLaw.UNKNOWN, TODAY, size=size)
    assert (small.runs is not None) is (size >= EVICTED_SHARE * RUN)
    seen = []
    for day in DAYS + DAYS[::-1]:  # every date asked for again after it has been forgotten
        seen.append(small[day])
        assert len(small) <= size
    large = RuleParts(rule, SarLaw.UNKNOWN, TODAY)
    assert seen == [large[day] for day in DAYS + DAYS[::-1]]


def test_a_group_without_subject_access_is_kept_once_whatever_the_law() -> None:
    caseload = Caseload(("incident_date", "sar_date", "sar_law"), today=TODAY)
    for law in ("uk-gdpr", "part-3", "unknown"):
        caseload.answer(("2026-03-01", "2026-11-20", law))
    laws_by_rules: dict[tuple[str, ...], set[SarLaw]] = {}
    for rules, law in caseload._evaluated:  # the cache itself is under test
        laws_by_rules.setdefault(rules, set()).add(law)
    assert laws_by_rules[("subject-access",)] == set(SarLaw)
    for rules, laws in laws_by_rules.items():
        if "subject-access" not in rules:
            assert laws == {SarLaw.UNKNOWN}, rules
